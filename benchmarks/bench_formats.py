"""Export and import of a large timeline in every format that needs no Qt: time and memory.

    python benchmarks/bench_formats.py                     # 100k events, every format
    python benchmarks/bench_formats.py 10k json timelinejs # a size, some formats
    python benchmarks/bench_formats.py --server 10k json   # imports into PostgreSQL too

For each format, the whole synthetic timeline is exported through the format registry's
writer; a format the app can read back (our JSON, TimelineJS JSON and sheet CSV, the
annotation TOML through the builder) is then imported from that file into a new timeline,
all in one transaction as the window and ``desktopapp import`` do. Each step runs in its own
process, so that its peak memory (ru_maxrss) is its own; "RSS growth" is that peak minus the
RSS once the modules are loaded (and, for an export, the database open). CPU seconds are
printed beside wall-clock seconds: on a shared machine they are the steadier figure. The
exported files are kept under /tmp/desktopapp-bench/formats-SIZE/ for the import step. PDF
has its own benchmark (bench_export.py). With ``--server``, each file is also imported into
an empty timeline on a throwaway PostgreSQL cluster (tests/pg_server.py, fsync off: no disk
flush at the commit). Prints figures, asserts nothing.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import CACHE, label, peak_rss_mb, print_table, sizes_from_argv
from bench_interchange import cached_database

from desktopapp.export.formats import FORMATS, ExportOptions

DATA_FORMATS = [kind for kind, f in FORMATS.items() if not f.needs_qt]
# Formats read back, and the import format that reads each ("build" for the builder).
READ_BACK = {
    "json": "json",
    "timelinejs": "timelinejs",
    "timelinejs-csv": "timelinejs-csv",
    "annotations": "build",
}


def exported_file(size: int, kind: str) -> Path:
    folder = CACHE / f"formats-{label(size)}"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"events-{kind}.{FORMATS[kind].suffix}"


def measure_export(size: int, kind: str) -> dict[str, object]:
    from desktopapp.db.engine import open_database
    from desktopapp.db.repository import EventRepository
    from desktopapp.domain.filter import EventFilter
    from desktopapp.export.files import ExportError

    repository = EventRepository(open_database(cached_database(size)))
    repository.total  # noqa: B018 - opened and read once before measuring
    target = exported_file(size, kind)
    target.unlink(missing_ok=True)

    def work() -> str:
        try:
            return FORMATS[kind].writer(repository, EventFilter(), target, ExportOptions())
        except ExportError as error:  # a format may refuse a size (the annotation file's cap)
            return f"refused: {error}"

    figures = _timed(work)
    figures["file_mb"] = target.stat().st_size / 1e6 if target.exists() else 0.0
    return figures


def measure_import(size: int, kind: str, server_url: str = "") -> dict[str, object]:
    from desktopapp.ingest.importing import ImportFileError, import_file

    source = exported_file(size, kind)
    if not source.exists():
        return {"result": "no file (its export was refused)"}
    if server_url:
        return _timed(lambda: _import_into_server(source, kind, server_url))
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "imported.timeline"

        def work() -> str:
            if READ_BACK[kind] == "build":
                from desktopapp.ingest.annotations import load_annotations
                from desktopapp.ingest.builder import build_database

                return f"{build_database(load_annotations(source), target):,} events built"
            try:
                report = import_file(target, source, author="bench", format_id=READ_BACK[kind])
            except ImportFileError as error:
                return f"refused: {error}"
            return report.headline()

        figures = _timed(work)
        figures["file_mb"] = target.stat().st_size / 1e6 if target.exists() else 0.0
    return figures


def _import_into_server(source: Path, kind: str, url: str) -> str:
    """Into a new timeline in the empty database ``url``, as ``desktopapp import`` would."""
    from desktopapp.db.store import TimelineStore
    from desktopapp.ingest.importing import ImportSource, TargetNames, apply_plan, plan_import

    with TimelineStore.create(url, title="imported", author="bench") as store:
        plan = plan_import(
            ImportSource.read(source), TargetNames.of(store.repository), format_id=READ_BACK[kind]
        )
        apply_plan(store, plan)
    return plan.report.headline()


def _timed(work: Callable[[], str]) -> dict[str, object]:
    rss_before = peak_rss_mb()
    started, cpu_started = time.perf_counter(), time.process_time()
    result = work()
    return {
        "result": result,
        "seconds": time.perf_counter() - started,
        "cpu_seconds": time.process_time() - cpu_started,
        "rss_growth_mb": peak_rss_mb() - rss_before,
        "rss_peak_mb": peak_rss_mb(),
    }


def _child(step: str, size: int, kind: str, *extra: str) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, __file__, "--child", step, str(size), kind, *extra],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        last = (result.stderr.strip().splitlines() or ["(no output)"])[-1]
        return {"result": f"failed: {last}"}
    figures: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def _row(size: int, kind: str, step: str, figures: dict[str, object]) -> list[str]:
    def number(name: str, digits: int) -> str:
        value = figures.get(name)
        return f"{value:,.{digits}f}" if isinstance(value, float) else "–"

    return [
        label(size),
        f"--{kind}",
        step,
        number("seconds", 1),
        number("cpu_seconds", 1),
        number("file_mb", 1),
        number("rss_growth_mb", 0),
        number("rss_peak_mb", 0),
        str(figures.get("result", ""))[:70],
    ]


def main(argv: list[str]) -> None:
    if argv[:1] == ["--child"]:
        step, size, kind = argv[1], int(argv[2]), argv[3]
        if step == "export":
            print(json.dumps(measure_export(size, kind)))
        else:
            print(json.dumps(measure_import(size, kind, *argv[4:5])))
        return
    server = "--server" in argv
    argv = [arg for arg in argv if arg != "--server"]
    kinds = [arg for arg in argv if arg in FORMATS] or DATA_FORMATS
    sizes = sizes_from_argv([arg for arg in argv if arg not in FORMATS] or ["100k"])
    with contextlib.ExitStack() as stack:
        cluster = _cluster(stack) if server else None
        rows = []
        for size in sizes:
            cached_database(size)  # built here, not inside a measured child
            for kind in kinds:
                steps = ["export", "import"] if kind in READ_BACK else ["export"]
                if cluster is not None and READ_BACK.get(kind, "build") != "build":
                    steps.append("import-server")
                for step in steps:
                    extra = [cluster.url(cluster.new_database())] if step == "import-server" else []
                    rows.append(_row(size, kind, step, _child(step, size, kind, *extra)))
                    print("  " + "  ".join(rows[-1]), file=sys.stderr, flush=True)  # as it goes
    headers = ["events", "format", "step", "seconds", "CPU s", "file MB", "RSS growth MB"]
    print_table([*headers, "RSS peak MB", "result"], rows)


def _cluster(stack: contextlib.ExitStack):  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.pg_server import running_server

    folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
    return stack.enter_context(running_server(folder))


if __name__ == "__main__":
    main(sys.argv[1:])
