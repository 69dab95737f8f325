"""Time what the timeline makes a person wait for, and how long it blocks the UI thread.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_timeline.py              # 1k and 100k
    QT_QPA_PLATFORM=offscreen python benchmarks/bench_timeline.py 1k 1m
    QT_QPA_PLATFORM=offscreen python benchmarks/bench_timeline.py some.sqlite3  # any database

Databases are cached under /tmp/desktopapp-bench/ (built when missing; or generate one with
``desktopapp generate --events N --out PATH`` and pass the file). Each database is measured in
its own process, so the peak memory printed is its own. A 1400x800 TimelineView is shown
offscreen, and for each grouping (actor, type, none) it prints, in milliseconds:

- ``filter block``: the longest the UI thread was busy without returning to the event loop,
  from ``set_filter`` (a type filter, then "clear filters") until the new picture is shown;
  measured by a 1 ms timer on the UI thread (the largest gap between its ticks);
- ``filter shown``: from ``set_filter`` until the new picture was laid out and painted;
- ``pan`` / ``zoom``: per step (an eighth of the width / one zoom-in step), the UI time of the
  step and its paint, then, in brackets, the longest block until any reload it caused is
  shown;
- ``peak MB``: peak resident memory of the process.

Medians over the runs; prints figures, asserts nothing.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import cached_database, label, peak_rss_mb, print_table, sizes_from_argv
from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from desktopapp.db.engine import open_database
from desktopapp.db.repository import EventRepository
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.grouping import Grouping
from desktopapp.ui.timeline_view import TimelineView

RUNS = 3
PAN_STEPS = 6
ZOOM_STEPS = 4
TIMEOUT_S = 120.0


class StallMeter:
    """The longest stretch the UI thread spent away from its event loop, while running."""

    def __init__(self) -> None:
        self._timer = QTimer()
        self._timer.setInterval(1)
        self._timer.timeout.connect(self._tick)
        self._clock = QElapsedTimer()
        self.longest = 0.0
        self._last = 0.0

    def _tick(self) -> None:
        now = self._clock.nsecsElapsed() / 1e6
        self.longest = max(self.longest, now - self._last)
        self._last = now

    def start(self) -> None:
        self.longest = 0.0
        self._clock.start()
        self._last = 0.0
        self._timer.start()

    def stop(self) -> float:
        self._tick()
        self._timer.stop()
        return self.longest


def settled(view: TimelineView) -> bool:
    """No load running or waiting, no refresh pending."""
    return not view.is_loading() and not view.refresh_pending()


def run_until_settled(app: QApplication, view: TimelineView) -> None:
    deadline = time.perf_counter() + TIMEOUT_S
    while time.perf_counter() < deadline:
        loop = QEventLoop()
        QTimer.singleShot(5, loop.quit)
        loop.exec()
        if settled(view):
            app.processEvents()
            return
    raise TimeoutError("the timeline did not settle")


def timed_change(
    app: QApplication, view: TimelineView, meter: StallMeter, change: Callable[[], None]
) -> tuple[float, float, float]:
    """(UI time of the call and a repaint, longest block until settled, ms until shown)."""
    meter.start()
    started = time.perf_counter()
    change()
    view.viewport().repaint()
    call = (time.perf_counter() - started) * 1000
    run_until_settled(app, view)
    view.viewport().repaint()
    shown = (time.perf_counter() - started) * 1000
    return call, max(call, meter.stop()), shown


def measure(path: Path, name: str) -> list[list[str]]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    repository = EventRepository(open_database(path))
    root = next(t.slug for t in repository.event_types if t.parent_slug is None)
    meter = StallMeter()
    rows = []
    for grouping in Grouping:
        view = TimelineView(repository)
        view.set_grouping(grouping)
        view.resize(1400, 800)
        view.show()
        run_until_settled(app, view)
        blocks, shown = [], []
        for _ in range(RUNS):
            for event_filter in (EventFilter(types=frozenset({root})), EventFilter()):
                _, block, until = timed_change(
                    app, view, meter, partial(view.set_filter, event_filter)
                )
                blocks.append(block)
                shown.append(until)
        view.fit_all()
        run_until_settled(app, view)
        for _ in range(3):  # from the whole range into a few months, where marks show
            view.zoom_in()
        run_until_settled(app, view)
        pan = partial(view.pan_by, 1 / 8)
        pans = [timed_change(app, view, meter, pan) for _ in range(PAN_STEPS)]
        zooms = [timed_change(app, view, meter, view.zoom_in) for _ in range(ZOOM_STEPS)]
        rows.append(
            [
                name,
                grouping.value,
                f"{statistics.median(blocks):.0f} (max {max(blocks):.0f})",
                f"{statistics.median(shown):.0f}",
                _steps(pans),
                _steps(zooms),
                f"{peak_rss_mb():.0f}",
            ]
        )
        view.close()
        view.wait_for_load(10_000)
        view.deleteLater()
        app.processEvents()
    repository.engine.dispose()
    return rows


def _steps(steps: list[tuple[float, float, float]]) -> str:
    call = statistics.median(s[0] for s in steps)
    block = max(s[1] for s in steps)
    return f"{call:.0f} ({block:.0f})"


HEADERS = ["db", "grouping", "filter block", "filter shown", "pan", "zoom", "peak MB"]


def main() -> None:
    args = sys.argv[1:]
    if args[:1] == ["--child"]:
        print(json.dumps(measure(Path(args[1]), args[2])))
        return
    files = [arg for arg in args if Path(arg).is_file()]
    sizes = [arg for arg in args if arg not in files]
    targets = [(Path(f).name, Path(f)) for f in files]
    if sizes or not files:
        sizes_given = sizes_from_argv(sizes) if sizes else [1_000, 100_000]
        targets = [(label(s), cached_database(s)) for s in sizes_given] + targets
    rows: list[list[str]] = []
    for name, path in targets:
        output = subprocess.run(
            [sys.executable, __file__, "--child", str(path), name],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        rows += json.loads(output.strip().splitlines()[-1])
    print_table(HEADERS, rows)


if __name__ == "__main__":
    main()
