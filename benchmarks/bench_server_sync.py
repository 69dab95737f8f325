"""How long another window takes to see a change: on a timeline file (the window's poll, every
second) and on a PostgreSQL server, by the poll alone and with LISTEN/NOTIFY.

    python benchmarks/bench_server_sync.py          # 30 edits per way of seeing
    python benchmarks/bench_server_sync.py 60

Two processes: this one edits (``store.execute`` of an event's title, after a random pause of
0-1 s, so that edits come at any phase of the poll); the other holds a
TimelineDocument as a window does, asks ``check_external_change`` every second (the window's
QTimer) and, with notifications, also when its listener is woken (the window's queued
signal), and prints the wall-clock time at which its document says the timeline changed
(``timeline_replaced``). The figure is that time minus the time the edit's commit returned,
in milliseconds: median and 95th percentile. Starts a throwaway local cluster
(tests/pg_server.py: needs Debian's ``postgresql``); never asserts a timing.
"""

from __future__ import annotations

import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktopapp.db.commands import EditEvent  # noqa: E402
from desktopapp.db.store import TimelineStore  # noqa: E402
from tests.pg_server import running_server  # noqa: E402
from tests.test_sync import add_event  # noqa: E402

POLL_SECONDS = 1.0  # as ui/change_watch.py's EXTERNAL_CHECK_MS

# The other window, without Qt: a document over its own store, checked every second, and at
# once when the listener wakes it (mode "notify").
_WATCHER = """
import sys, threading, time
from desktopapp.db.store import TimelineStore
from desktopapp.document import TimelineDocument
location, mode, poll = sys.argv[1], sys.argv[2], float(sys.argv[3])
store = TimelineStore.open(location, author="watcher")
document = TimelineDocument.editing(store)
document.events.timeline_replaced.connect(lambda: print(time.time(), flush=True))
woken = threading.Event()
if mode == "notify":
    listener = store.listen(lambda _payload: woken.set())
    listener.listening.wait(10)
print("ready", flush=True)
while True:
    woken.wait(poll)
    woken.clear()
    document.check_external_change()
"""


def _seen_after_edits(location: str, key: str, mode: str, count: int) -> list[float]:
    watcher = subprocess.Popen(
        [sys.executable, "-c", _WATCHER, location, mode, str(POLL_SECONDS)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert watcher.stdout is not None
    try:
        if watcher.stdout.readline().strip() != "ready":
            raise SystemExit("the watching process did not start")
        delays = []
        with TimelineStore.open(location, author="editor") as editor:
            for number in range(count):
                time.sleep(random.uniform(0.0, POLL_SECONDS))  # any phase of the poll
                editor.execute(EditEvent(key, title=f"Title {mode} {number}"))
                committed = time.time()
                seen = float(watcher.stdout.readline())
                delays.append(seen - committed)
        return delays
    finally:
        watcher.kill()
        watcher.wait()


def _line(what: str, delays: list[float]) -> str:
    ms = sorted(d * 1000 for d in delays)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    return f"| {what:<28} | {len(ms):>5} | {statistics.median(ms):>9.1f} | {p95:>9.1f} |"


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    folder = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    cluster = Path(tempfile.mkdtemp(prefix="bench-sync-pg-"))  # given to the server user
    try:
        file = str(folder / "t.timeline")
        with TimelineStore.create(file, title="bench", author="bench") as store:
            file_key = add_event(store)
        with running_server(cluster) as server:
            url = server.url(server.new_database())
            with TimelineStore.create(url, title="bench", author="bench") as store:
                server_key = add_event(store)
            print("| how the other window learns  | edits | median ms |    p95 ms |")
            print("|------------------------------|------:|----------:|----------:|")
            ways = (
                ("file, poll every 1 s", file, file_key, "poll"),
                ("server, poll every 1 s", url, server_key, "poll"),
                ("server, LISTEN/NOTIFY", url, server_key, "notify"),
            )
            for what, location, key, mode in ways:
                print(_line(what, _seen_after_edits(location, key, mode, count)), flush=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(cluster, ignore_errors=True)


if __name__ == "__main__":
    main()
