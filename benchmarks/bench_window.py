"""Time what a person waits for in the window, and how long the window stops responding.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_window.py           # the article
    QT_QPA_PLATFORM=offscreen python benchmarks/bench_window.py 1000 100k # also synthetic sizes
    QT_QPA_PLATFORM=offscreen python benchmarks/bench_window.py some.sqlite3   # any database

For each database it prints, in milliseconds:

- ``first paint``: from creating the window to its first complete paint on screen;
- ``first results``: from creating the window until every view, the timeline included, shows
  its filter's answer;

and for each filter change (median over the runs, the first run in brackets):

- ``blocked``: the longest time the UI thread's event loop could not turn (a 1 ms heartbeat
  timer measures the gaps) from the change until every view shows it; this is what a person
  feels as a frozen window;
- ``shown``: from the change until every view shows it, the timeline included (it loads on
  its own worker after the list and counts), painted;
- ``worker``: time the queries took on the worker thread;
- ``ui``: time the UI thread spent showing the answer (list reset, counts, timeline).

And the process's peak resident memory after each database. Prints figures, asserts nothing.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import cached_database, label, peak_rss_mb, print_table, sizes_from_argv
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from desktopapp.db.engine import open_database
from desktopapp.db.repository import EventRepository
from desktopapp.domain.filter import EventFilter
from desktopapp.ingest.bundled import ensure_default_database
from desktopapp.ui.main_window import MainWindow
from desktopapp.ui.settings import Settings

RUNS = int(os.environ.get("BENCH_RUNS", "5"))  # runs per change (after a first one)
TIMEOUT_S = 120.0


class Heartbeat:
    """A 1 ms timer on the UI thread; the longest gap between its ticks is the longest time
    the event loop was blocked."""

    def __init__(self) -> None:
        self._timer = QTimer()
        self._timer.setInterval(1)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self.longest = 0.0

    def start(self) -> None:
        self._last = time.perf_counter()
        self.longest = 0.0
        self._timer.start()

    def stop(self) -> float:
        self._tick()
        self._timer.stop()
        return self.longest

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now


def changes(repository: EventRepository) -> list[tuple[str, EventFilter]]:
    extent = repository.date_extent()
    middle = extent[0] + (extent[1] - extent[0]) / 2 if extent else date(2022, 3, 1)
    actor = next(
        (a.name for a in repository.actors if a.name == "Apple"), repository.actors[0].name
    )
    root = next(t.slug for t in repository.event_types if t.parent_slug is None)
    return [
        (f"actor {actor}", EventFilter(actors=frozenset({actor}))),
        (f"type {root}", EventFilter(types=frozenset({root}))),
        ("search 'systeme bancaire'", EventFilter(text="systeme bancaire")),
        ("search 'russie'", EventFilter(text="russie")),
        (f"from {middle.isoformat()}", EventFilter(date_from=middle)),
        ("clear", EventFilter()),
    ]


def run_until_shown(window: MainWindow) -> None:
    """Run the event loop until every view of the window, the timeline included, shows its
    filter's answer (a QEventLoop woken by the views' signals, not a polling loop)."""
    if not window.settle(int(TIMEOUT_S * 1000)):
        raise SystemExit(f"the window did not show its answer within {TIMEOUT_S:.0f} s")


def timed_change(window: MainWindow, beat: Heartbeat, event_filter: EventFilter) -> list[float]:
    """[blocked, shown, worker, ui] in ms for one filter change, painted."""
    beat.start()
    started = time.perf_counter()
    window.set_filter(event_filter)
    run_until_shown(window)
    window.repaint()
    shown = time.perf_counter() - started
    blocked = beat.stop()
    return [
        blocked * 1000,
        shown * 1000,
        window.last_query_seconds * 1000,
        window.last_update_seconds * 1000,
    ]


def measure(app: QApplication, path: Path, name: str) -> tuple[list[str], list[list[str]]]:
    repository = EventRepository(open_database(path))
    with tempfile.TemporaryDirectory() as folder:
        store = QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat)
        started = time.perf_counter()
        window = MainWindow(repository, Settings(store))
        window.resize(1440, 900)
        window.show()
        window.repaint()
        first_paint = (time.perf_counter() - started) * 1000
        run_until_shown(window)
        window.repaint()
        first_results = (time.perf_counter() - started) * 1000
        startup = [
            name,
            f"{repository.total:,}",
            f"{first_paint:.0f}",
            f"{first_results:.0f}",
        ]
        beat = Heartbeat()
        rows = []
        for what, event_filter in changes(repository):
            runs = []
            for _ in range(RUNS + 1):
                timed_change(window, beat, EventFilter(text="zzzz-reset"))  # a real change
                runs.append(timed_change(window, beat, event_filter))
            columns = list(zip(*runs, strict=True))
            rows.append(
                [
                    name,
                    what,
                    f"{window.table_model.matching:,}",
                    *(f"{statistics.median(c[1:]):.0f} ({c[0]:.0f})" for c in columns),
                ]
            )
        window.close()
        window.deleteLater()
        app.processEvents()
    repository.engine.dispose()
    startup.append(f"{peak_rss_mb():.0f}")
    return startup, rows


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    targets = [("article", ensure_default_database())]
    files = [arg for arg in sys.argv[1:] if Path(arg).is_file()]
    sizes = [arg for arg in sys.argv[1:] if arg not in files]
    if sizes:
        targets += [(label(size), cached_database(size)) for size in sizes_from_argv(sizes)]
    targets += [(Path(name).name, Path(name)) for name in files]
    startups, rows = [], []
    for name, path in targets:
        startup, changed = measure(app, path, name)
        startups.append(startup)
        rows += changed
    print_table(
        ["database", "events", "first paint ms", "first results ms", "peak RSS MB"], startups
    )
    print()
    print_table(
        ["database", "change", "events", "blocked ms", "shown ms", "worker ms", "ui ms"], rows
    )


if __name__ == "__main__":
    main()
