"""Edit latency on a timeline file and on a PostgreSQL server, one writer and four at once.

    python benchmarks/bench_server_edit.py            # 200 edits per writer
    python benchmarks/bench_server_edit.py 500

Starts a throwaway local PostgreSQL cluster (tests/pg_server.py: needs Debian's
``postgresql``), makes an empty timeline on each engine with a few actors, then times
``store.execute`` of an add and an edit of an event (the edit changes its date and type, so
every count and span moves), first with one writer, then with four writer processes at once.
Prints the median and the 95th percentile in milliseconds; never asserts a timing. The
cluster runs with fsync off (it is thrown away), so the server's figures leave out the disk
flush that a real server makes at each commit.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktopapp.db.commands import AddActor  # noqa: E402
from desktopapp.db.store import TimelineStore  # noqa: E402
from tests.pg_server import running_server  # noqa: E402

_WRITER = """
import json, sys, time
from desktopapp.db.commands import AddEvent, ClaimInput, EditEvent, OutsideReference
from desktopapp.db.store import TimelineStore
location, name, count, actors = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
cite = OutsideReference("Reuters", "", "", "That day")
times = []
with TimelineStore.open(location, author=name) as store:
    for n in range(count):
        who = ((actors[n % len(actors)], "acting"),)
        started = time.perf_counter()
        key = store.execute(AddEvent(f"{name} {n}", "sanction", f"2022-03-{n % 28 + 1:02d}",
                                     cite, who, claim=ClaimInput("said", f"{name} {n}"))
                            ).created_key
        times.append(time.perf_counter() - started)
        started = time.perf_counter()
        store.execute(EditEvent(key, type_slug="market-move", date_edtf="2022-02-14",
                                citation=cite))
        times.append(time.perf_counter() - started)
print(json.dumps(times))
"""


def _prepare(location: str) -> list[str]:
    with TimelineStore.create(location, title="bench", author="bench") as store:
        return [str(store.execute(AddActor(f"Actor {n}", "company")).created_key) for n in range(8)]


def _run_writers(location: str, actors: list[str], writers: int, count: int) -> list[float]:
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, location, f"w{n}", str(count), *actors],
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        for n in range(writers)
    ]
    times: list[float] = []
    for process in processes:
        out, _ = process.communicate()
        if process.returncode != 0:
            raise SystemExit(f"a writer failed ({process.returncode})")
        times.extend(json.loads(out))
    return times


def _line(engine: str, writers: int, times: list[float]) -> str:
    ms = sorted(t * 1000 for t in times)
    p95 = ms[min(len(ms) - 1, int(0.95 * len(ms)))]
    return f"{engine:<10} {writers:>7} {len(ms):>6} {statistics.median(ms):>10.2f} {p95:>9.2f}"


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    folder = Path(tempfile.mkdtemp(prefix="bench-files-"))
    cluster = Path(tempfile.mkdtemp(prefix="bench-pg-"))  # given to the server's user
    print(f"{'engine':<10} {'writers':>7} {'edits':>6} {'median ms':>10} {'p95 ms':>9}")
    with running_server(cluster) as server:
        for engine in ("file", "postgresql"):
            for writers in (1, 4):
                if engine == "file":
                    location = str(folder / f"bench-{writers}.timeline")
                else:
                    location = server.url(server.new_database())
                actors = _prepare(location)
                print(_line(engine, writers, _run_writers(location, actors, writers, count)))
    shutil.rmtree(folder, ignore_errors=True)
    shutil.rmtree(cluster, ignore_errors=True)


if __name__ == "__main__":
    main()
