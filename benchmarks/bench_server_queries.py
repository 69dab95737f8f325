"""bench_queries.py's questions on a timeline file and on the same timeline on a PostgreSQL
server, side by side in one table; and how long ``desktopapp copy`` takes to put it there.

    python benchmarks/bench_server_queries.py 100k          # one size (default 1m)
    python benchmarks/bench_server_queries.py --runs 9 1m
    python benchmarks/bench_server_queries.py 1m --server postgresql://me@host/bench
        # measure a database already copied there (no throwaway server, no copy)

The synthetic database of that size (benchmarks/_common.py's cache) is upgraded, as a copy,
to the current schema once (kept beside it, named by schema). A throwaway local cluster
(tests/pg_server.py: Debian's ``postgresql``) receives it through ``desktopapp copy``, timed,
with the copy's peak memory. Each engine's queries run in a process of their own. The cluster
runs with fsync off and Debian's small defaults (shared_buffers 32 MB): figures for reads on a
laptop-sized server, not a tuned one. Never asserts a timing: it prints figures.
"""

from __future__ import annotations

import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))

from _common import CACHE, cached_database, label, print_table, sizes_from_argv  # noqa: E402
from bench_queries import measure_in_child  # noqa: E402

from desktopapp.db.schema import SCHEMA_VERSION  # noqa: E402
from desktopapp.ingest.upgrade import schema_version_of, upgrade_database  # noqa: E402
from tests.pg_server import running_server  # noqa: E402

_COPY = "import sys; from desktopapp.db.copying import copy_timeline_rows as c; c(*sys.argv[1:])"


def current_schema_file(size: int) -> Path:
    """The cached database of ``size`` events at this app's schema (a copy, upgraded once:
    the cache's own file stays as other benchmarks expect it)."""
    cached = cached_database(size)
    if schema_version_of(cached) >= SCHEMA_VERSION:
        return cached
    path = CACHE / f"{cached.stem}-schema{SCHEMA_VERSION}.sqlite3"
    if not path.exists():
        print(f"upgrading a copy of {cached.name} to schema {SCHEMA_VERSION}…", file=sys.stderr)
        partial = path.with_suffix(".partial")
        shutil.copyfile(cached, partial)
        upgrade_database(partial).unlink()  # no backup of a throwaway copy
        partial.rename(path)
    return path


def copy_to_server(path: Path, url: str) -> dict[str, float]:
    """``desktopapp copy`` of the file into the empty database at ``url``, in a process of
    its own: its wall time and its peak memory."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", _COPY, str(path), url], check=True, cwd=ROOT)
    seconds = time.perf_counter() - started
    # The largest resident size of any child waited for so far: the copy is the only one yet.
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"copy_s": seconds, "copy_peak_mb": peak_mb}


def main(argv: list[str]) -> None:
    runs = 5
    if "--runs" in argv:
        runs = int(argv[argv.index("--runs") + 1])
        del argv[argv.index("--runs") : argv.index("--runs") + 2]
    server = None
    if "--server" in argv:
        server = argv[argv.index("--server") + 1]
        del argv[argv.index("--server") : argv.index("--server") + 2]
    [size] = sizes_from_argv(argv)[:1] if argv else [1_000_000]
    path = current_schema_file(size)
    copied: dict[str, float] = {}
    if server is not None:
        on_server = measure_in_child(server, runs)
    else:
        cluster = Path(tempfile.mkdtemp(prefix="bench-pg-"))
        try:
            with running_server(cluster) as throwaway:
                url = throwaway.url(throwaway.new_database())
                copied = copy_to_server(path, url)
                on_server = measure_in_child(url, runs)
        finally:
            shutil.rmtree(cluster, ignore_errors=True)
    on_file = measure_in_child(str(path), runs)
    _print(size, runs, on_file, on_server, copied, path)


def _print(size, runs, on_file, on_server, copied, path) -> None:  # type: ignore[no-untyped-def]
    headers = [
        f"query at {label(size)} events (median ms [first call])",
        "SQLite file",
        "PostgreSQL",
    ]
    rows = [
        [name, _cell(on_file["results"][name]), _cell(on_server["results"].get(name))]
        for name in on_file["results"]
    ]
    rows.append(["events", f"{on_file['size']:,}", f"{on_server['size']:,}"])
    peaks = [f"{measured['peak_rss_mb']:.0f}" for measured in (on_file, on_server)]
    rows.append(["peak RSS of the process (MB)", *peaks])
    print(f"{runs} runs per query after a first call; {path.name}\n")
    print_table(headers, rows)
    if copied:
        print(
            f"\ndesktopapp copy into the server: {copied['copy_s']:.0f} s, "
            f"peak memory {copied['copy_peak_mb']:.0f} MB"
        )
    print(json.dumps({"file": on_file, "server": on_server, **copied}), file=sys.stderr)


def _cell(value: object) -> str:
    if not value:
        return "-"
    first, median = value  # type: ignore[misc]
    return f"{median:8.1f} [{first:.0f}]"


if __name__ == "__main__":
    main(sys.argv[1:])
