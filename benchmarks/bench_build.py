"""Time building synthetic databases: generation + writing + indexes + FTS + ANALYZE.

    python benchmarks/bench_build.py              # 1k, 100k and 1M events
    python benchmarks/bench_build.py 1000 250k    # other sizes

Each size is built in its own process (so peak memory is that build's own) into a temporary
folder, then deleted; the cached benchmark databases in /tmp/desktopapp-bench are not
touched. Prints wall time, events per second, file size and peak resident memory.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import label, peak_rss_mb, print_table, sizes_from_argv

from desktopapp.ingest.builder import build_database
from desktopapp.ingest.synthetic import synthetic_dataset


def measure(size: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="desktopapp-bench-build-") as folder:
        target = Path(folder) / "events.sqlite3"
        started = time.perf_counter()
        count = build_database(synthetic_dataset(size, seed=1), target)
        seconds = time.perf_counter() - started
        file_mb = target.stat().st_size / 1e6
    return {
        "size": count,
        "seconds": seconds,
        "file_mb": file_mb,
        "peak_rss_mb": peak_rss_mb(),
    }


def main(argv: list[str]) -> None:
    if argv[:1] == ["--one"]:
        print(json.dumps(measure(int(argv[1]))))
        return
    rows = []
    for size in sizes_from_argv(argv):
        print(f"building {size:,} events…", file=sys.stderr, flush=True)
        output = subprocess.run(
            [sys.executable, __file__, "--one", str(size)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        result = json.loads(output.strip().splitlines()[-1])
        rows.append(
            [
                label(size),
                f"{result['seconds']:.1f}",
                f"{result['size'] / result['seconds']:,.0f}",
                f"{result['file_mb']:.1f}",
                f"{result['peak_rss_mb']:.0f}",
            ]
        )
    print_table(["events", "seconds", "events/s", "file MB", "peak RSS MB"], rows)


if __name__ == "__main__":
    main(sys.argv[1:])
