"""Time and memory of every export format that needs no Qt, through the registry's writers.

    python benchmarks/bench_interchange.py                 # 100k events, every such format
    python benchmarks/bench_interchange.py 10k ics json    # a size, some formats

Each (size, format) runs in its own process, so that its peak memory (ru_maxrss) is its own;
"RSS growth" is the peak minus the RSS once the database is open. The database is a synthetic
one cached under /tmp/desktopapp-bench/. CPU seconds are printed beside wall-clock seconds: on
a shared machine they are the steadier figure. Prints figures, asserts nothing.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import CACHE, label, peak_rss_mb, print_table, sizes_from_argv

from desktopapp.db.schema import SCHEMA_VERSION
from desktopapp.export.formats import FORMATS, ExportOptions
from desktopapp.ingest.builder import build_database
from desktopapp.ingest.synthetic import synthetic_dataset

DATA_FORMATS = [kind for kind, f in FORMATS.items() if not f.needs_qt]


def cached_database(size: int) -> Path:
    """A synthetic database of ``size`` events, built once per schema version (a database
    of another schema in the shared cache is left alone)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"interchange-{label(size)}-seed1-schema{SCHEMA_VERSION}.sqlite3"
    if not path.exists():
        print(f"building {path}…", file=sys.stderr, flush=True)
        build_database(synthetic_dataset(size, seed=1), path)
    return path


def measure(size: int, kind: str) -> dict[str, float | str]:
    """Run in a child process: export every event of the database in format ``kind``."""
    from desktopapp.db.engine import open_database
    from desktopapp.db.repository import EventRepository
    from desktopapp.domain.filter import EventFilter
    from desktopapp.export.files import ExportError

    repository = EventRepository(open_database(cached_database(size)))
    repository.total  # noqa: B018 - opened and read once before measuring
    rss_before = peak_rss_mb()
    export_format = FORMATS[kind]
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / f"out.{export_format.suffix}"
        started, cpu_started = time.perf_counter(), time.process_time()
        try:
            summary = export_format.writer(repository, EventFilter(), target, ExportOptions())
        except ExportError as error:  # a format may refuse a size (the annotation file's cap)
            summary = f"refused: {error}"
        seconds = time.perf_counter() - started
        cpu_seconds = time.process_time() - cpu_started
        size_mb = sum(p.stat().st_size for p in Path(folder).iterdir()) / 1e6
    return {
        "summary": summary,
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "file_mb": size_mb,
        "rss_before_mb": rss_before,
        "rss_peak_mb": peak_rss_mb(),
    }


def main(argv: list[str]) -> None:
    if argv[:1] == ["--child"]:
        print(json.dumps(measure(int(argv[1]), argv[2])))
        return
    kinds = [arg for arg in argv if arg in FORMATS] or DATA_FORMATS
    sizes = sizes_from_argv([arg for arg in argv if arg not in FORMATS] or ["100k"])
    rows = []
    for size in sizes:
        cached_database(size)  # built here, not inside a measured child
        for kind in kinds:
            result = subprocess.run(
                [sys.executable, __file__, "--child", str(size), kind],
                capture_output=True,
                text=True,
                check=True,
            )
            figures = json.loads(result.stdout.strip().splitlines()[-1])
            rows.append(
                [
                    label(size),
                    f"--{kind}",
                    f"{figures['seconds']:.2f}",
                    f"{figures['cpu_seconds']:.2f}",
                    f"{figures['file_mb']:.1f}",
                    f"{figures['rss_peak_mb'] - figures['rss_before_mb']:.0f}",
                    f"{figures['rss_peak_mb']:.0f}",
                    str(figures["summary"])[:60],
                ]
            )
    print_table(
        [
            "events",
            "format",
            "seconds",
            "CPU s",
            "file MB",
            "RSS growth MB",
            "RSS peak MB",
            "result",
        ],
        rows,
    )


if __name__ == "__main__":
    main(sys.argv[1:])
