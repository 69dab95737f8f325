"""Time what a person waits for in the main window, on synthetic databases of several sizes.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_window.py           # 1k and 100k events
    QT_QPA_PLATFORM=offscreen python benchmarks/bench_window.py 1k 1m     # other sizes
    QT_QPA_PLATFORM=offscreen python benchmarks/bench_window.py some.sqlite3   # any database

Databases are cached under /tmp/desktopapp-bench/ (built when missing). Each database is
measured in its own process, so the peak memory printed is its own. A 1440x900 MainWindow is
shown offscreen, and the script prints, in milliseconds (median over the runs, and in
brackets the first run):

- ``first paint``: from creating the window to its first complete picture (every view has
  its answer and the window was painted);
- ``filter: ...``: from ``set_filter`` (a search text, ticking an actor, ticking a type,
  clearing) until every view shows the answer and the window is repainted;
  ``call`` is the part spent inside ``set_filter`` itself, i.e. the UI thread blocked;
- ``pan`` / ``zoom``: one Right-arrow pan step (an eighth of the plot) or one zoom-in step
  on the timeline, until the timeline has reloaded what it needs and repainted;
- ``peak RSS``: peak resident memory of the process.

Prints figures, asserts nothing.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import cached_database, label, peak_rss_mb, print_table, sizes_from_argv
from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktopapp.db.engine import open_database
from desktopapp.db.repository import EventRepository
from desktopapp.domain.filter import EventFilter
from desktopapp.ui.main_window import MainWindow
from desktopapp.ui.settings import Settings

RUNS = 5
DEFAULT_SIZES = ("1k", "100k")
TIMEOUT_S = 120.0


def settle(app: QApplication, window: MainWindow) -> None:
    """Until the window's queries are answered and the timeline has nothing left to load."""
    deadline = time.perf_counter() + TIMEOUT_S
    if not window.settle(int(TIMEOUT_S * 1000)):
        raise TimeoutError("the window did not settle")
    view = window.timeline
    while time.perf_counter() < deadline:
        loop = QEventLoop()
        QTimer.singleShot(0, loop.quit)  # due zero-delay timers (deferred reloads) run too
        loop.exec()
        app.processEvents()
        busy = [getattr(view, name, None) for name in ("is_loading", "refresh_pending")]
        if not any(check() for check in busy if callable(check)) and not window.is_busy():
            return
        time.sleep(0.001)
    raise TimeoutError("the timeline did not settle")


def timed(app: QApplication, window: MainWindow, change: Callable[[], None]) -> tuple[float, float]:
    """(ms inside the call, ms until every view shows the answer and the window is painted)."""
    started = time.perf_counter()
    change()
    call = (time.perf_counter() - started) * 1000
    settle(app, window)
    window.repaint()
    return call, (time.perf_counter() - started) * 1000


def changes(repository: EventRepository) -> list[tuple[str, EventFilter]]:
    facets = repository.facet_counts()
    popular = max(facets.actors, key=lambda actor_id: facets.actors[actor_id])
    actor = repository.actor_by_id(popular).name
    return [
        ("filter: search 'sécurité'", EventFilter(text="sécurité")),
        ("filter: tick actor (most frequent)", EventFilter(actors=frozenset({actor}))),
        ("filter: tick type 'sanction'", EventFilter(types=frozenset({"sanction"}))),
        (
            "filter: actor + type + search",
            EventFilter(actors=frozenset({actor}), types=frozenset({"sanction"}), text="gouv"),
        ),
        ("filter: clear", EventFilter()),
    ]


def measure(path: Path) -> dict[str, object]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    results: dict[str, tuple[float, float, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        repository = EventRepository(open_database(path))
        store = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)

        window: MainWindow | None = None

        def open_window() -> None:
            nonlocal window
            window = MainWindow(repository, Settings(store))
            window.resize(1440, 900)
            window.show()

        started = time.perf_counter()
        open_window()
        assert window is not None
        settle(app, window)
        window.repaint()
        first_paint = (time.perf_counter() - started) * 1000
        results["first paint"] = (first_paint, first_paint, first_paint)

        for name, event_filter in changes(repository):
            calls, totals = [], []
            for _ in range(RUNS + 1):
                window.set_filter(EventFilter(text="zzzzunmatched"))  # a real change each run
                settle(app, window)
                call, total = timed(app, window, lambda f=event_filter: window.set_filter(f))
                calls.append(call)
                totals.append(total)
            results[name] = (totals[0], statistics.median(totals[1:]), max(calls))

        view = window.timeline
        view.setFocus()
        view.fit_all()
        settle(app, window)
        for _ in range(4):  # from the whole range down to a few months: a typical reading zoom
            view.zoom_in()
        settle(app, window)
        steps = {
            "timeline: pan step": lambda: QTest.keyClick(view, Qt.Key.Key_Right),
            "timeline: zoom-in step": view.zoom_in,
            "timeline: zoom-out step": view.zoom_out,
        }
        for name, step in steps.items():
            calls, totals = [], []
            for _ in range(RUNS + 1):
                call, total = timed(app, window, step)
                calls.append(call)
                totals.append(total)
            results[name] = (totals[0], statistics.median(totals[1:]), max(calls))
        window.close()
        window.deleteLater()
        app.processEvents()
        repository.engine.dispose()
    return {"results": results, "peak_rss_mb": peak_rss_mb(), "events": repository.total}


def main(argv: list[str]) -> None:
    if argv[:1] == ["--one"]:
        print(json.dumps(measure(Path(argv[1]))))
        return
    files = [arg for arg in argv if Path(arg).is_file()]
    sizes = [arg for arg in argv if arg not in files] or list(DEFAULT_SIZES)
    targets = [(label(size), cached_database(size)) for size in sizes_from_argv(sizes)]
    targets += [(Path(name).name, Path(name)) for name in files]
    measured = []
    for name, path in targets:
        output = subprocess.run(
            [sys.executable, __file__, "--one", str(path)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        measured.append((name, json.loads(output.strip().splitlines()[-1])))
    names = list(measured[0][1]["results"])
    headers = ["ms: median [first] (longest UI block in the call)"]
    headers += [f"{name} ({m['events']:,} events)" for name, m in measured]
    rows = []
    for what in names:
        cells = []
        for _, m in measured:
            first, median, call = m["results"][what]
            cells.append(
                f"{median:.0f}"
                if what == "first paint"
                else f"{median:.1f} [{first:.0f}] ({call:.0f})"
            )
        rows.append([what, *cells])
    rows.append(["peak RSS (MB)", *[f"{m['peak_rss_mb']:.0f}" for _, m in measured]])
    print(f"{RUNS} runs per change after a first one; window 1440x900, offscreen\n")
    print_table(headers, rows)


if __name__ == "__main__":
    main(sys.argv[1:])
