"""Time and memory of the PDF export on synthetic databases (default: 1,000 and 10,000 events).

    python benchmarks/bench_export.py              # 1k and 10k events, A4 landscape
    python benchmarks/bench_export.py 1000 50k     # other sizes
    python benchmarks/bench_export.py --tracemalloc   # also the Python allocation peak

Databases are made by ``desktopapp generate`` and cached under /tmp/desktopapp-bench/. Each
size runs in its own process so that its peak memory (ru_maxrss) is its own; with
--tracemalloc a second, untimed export gives the peak of Python allocations (Qt's own C++
allocations are only in the RSS). CPU seconds are printed beside wall-clock seconds: on a
shared machine they are the steadier figure. Prints figures, asserts nothing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import CACHE, label, peak_rss_mb, print_table, sizes_from_argv

from desktopapp.db.schema import SCHEMA_VERSION
from desktopapp.ingest.upgrade import upgrade_database

DEFAULT = ["1000", "10000"]
TRACE = "--tracemalloc" in sys.argv


def database(size: int) -> Path:
    """A synthetic database of ``size`` events at the current schema, cached once per schema.

    Made by ``desktopapp generate``, or, when only an older schema's cache exists, by
    upgrading a copy of it (the cached file itself is never touched); written under a
    temporary name and renamed, so a concurrent run never reads half a file."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = _cache_path(size, SCHEMA_VERSION)
    if path.exists():
        return path
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    older = next(
        (p for v in range(SCHEMA_VERSION - 1, 0, -1) if (p := _cache_path(size, v)).exists()),
        None,
    )
    if older is not None:
        print(f"upgrading a copy of {older}…", file=sys.stderr, flush=True)
        shutil.copyfile(older, partial)
        backup = upgrade_database(partial)
        backup.unlink(missing_ok=True)
    else:
        print(f"generating {path}…", file=sys.stderr, flush=True)
        subprocess.run(
            [sys.executable, "-m", "desktopapp", "generate", "--events", str(size),
             "--out", str(partial)],
            check=True,
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
    os.replace(partial, path)
    return path


def _cache_path(size: int, schema: int) -> Path:
    return CACHE / f"export-{label(size)}-seed1-schema{schema}.sqlite3"


def measure(size: int) -> dict[str, float]:
    """Run in a child process: export every event of the database of ``size`` events."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktopapp.db.engine import open_database
    from desktopapp.db.repository import EventRepository
    from desktopapp.domain.filter import EventFilter
    from desktopapp.export.pdf import export_pdf
    from desktopapp.export.run import ensure_gui_application

    application = ensure_gui_application()
    repository = EventRepository(open_database(database(size)))
    rss_before = peak_rss_mb()
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "report.pdf"
        started, cpu_started = time.perf_counter(), time.process_time()
        pages = export_pdf(repository, EventFilter(), target)
        seconds = time.perf_counter() - started
        cpu_seconds = time.process_time() - cpu_started
        rss_peak = peak_rss_mb()
        # tracemalloc slows every allocation several times: a second, untimed run measures
        # the peak of Python allocations.
        python_peak = 0
        if TRACE:
            tracemalloc.start()
            export_pdf(repository, EventFilter(), target)
            _, python_peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
        size_mb = target.stat().st_size / 1e6
    del application
    return {
        "events": repository.total,
        "pages": pages,
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "pdf_mb": size_mb,
        "python_peak_mb": python_peak / 1e6,
        "rss_before_mb": rss_before,
        "rss_peak_mb": rss_peak,
    }


def main(argv: list[str]) -> None:
    if argv[:1] == ["--child"]:
        print(json.dumps(measure(int(argv[1]))))
        return
    flags = [arg for arg in argv if arg == "--tracemalloc"]
    rows = []
    for size in sizes_from_argv(argv or DEFAULT):
        database(size)  # built here, not inside the measured child
        result = subprocess.run(
            [sys.executable, __file__, "--child", str(size), *flags],
            capture_output=True,
            text=True,
            check=True,
        )
        figures = json.loads(result.stdout.strip().splitlines()[-1])
        rows.append(
            [
                label(size),
                f"{figures['pages']:,}",
                f"{figures['seconds']:.2f}",
                f"{figures['cpu_seconds']:.2f}",
                f"{figures['events'] / figures['seconds']:,.0f}",
                f"{figures['pdf_mb']:.1f}",
                f"{figures['python_peak_mb']:.1f}" if TRACE else "-",
                f"{figures['rss_peak_mb'] - figures['rss_before_mb']:.0f}",
                f"{figures['rss_peak_mb']:.0f}",
            ]
        )
    print_table(
        [
            "events",
            "pages",
            "seconds",
            "CPU s",
            "events/s",
            "PDF MB",
            "py peak MB",
            "RSS growth MB",
            "RSS peak MB",
        ],
        rows,
    )


if __name__ == "__main__":
    main(sys.argv[1:])
