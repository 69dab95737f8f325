"""Time one edit in the window, from the command until every view shows it, painted.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_edit_window.py            # 100k events
    QT_QPA_PLATFORM=offscreen python benchmarks/bench_edit_window.py --runs 7 1m

bench_edit.py times the repository's answers after an edit; this is what a person waits
for: an offscreen 1440x900 MainWindow on a copy of the cached synthetic database executes
each kind of edit through the window's editing path (as Edit › Edit Event… does), then runs
the event loop until the list, the counts, the facets and the timeline show it, and paints.
Prints, in milliseconds (median / worst): ``shown`` (command to painted; the timeline is
loaded on its worker thread) and ``blocked`` (the longest time the UI thread could not turn,
from bench_window's heartbeat: what a person feels as a frozen window). Asserts nothing.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import cached_database, label, peak_rss_mb, sizes_from_argv
from bench_edit import kinds
from bench_window import Heartbeat, run_until_shown
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from desktopapp.db.schema import SCHEMA_VERSION
from desktopapp.db.store import TimelineStore
from desktopapp.document import TimelineDocument
from desktopapp.ingest.upgrade import schema_version_of, upgrade_database
from desktopapp.ui.main_window import MainWindow
from desktopapp.ui.settings import Settings


def main() -> None:
    argv = sys.argv[1:]
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 7
    sizes = sizes_from_argv([a for a in argv if a not in ("--runs", str(runs))]) or [100_000]
    app = QApplication.instance() or QApplication(sys.argv[:1])
    for size in sizes:
        measure(app, size, runs)


def measure(app: QApplication, size: int, runs: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="desktopapp-bench-edit-window-"))
    path = folder / "copy.sqlite3"
    shutil.copyfile(cached_database(size), path)
    if schema_version_of(path) < SCHEMA_VERSION:  # a cache built before the current schema
        upgrade_database(path)
    store = TimelineStore.open(path, author="bench")
    settings = Settings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(TimelineDocument.editing(store, location=path), settings)
    try:
        window.resize(1440, 900)
        window.show()
        settle(window)
        load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
        print(
            f"{label(size)} events in the window ({runs} runs each; ms: median / worst; "
            f"load {load})"
        )
        for name, make in kinds(store).items():
            shown, blocked = [], []
            window.editing.execute(make(runs + 1))  # the first write makes the file WAL
            settle(window)
            for n in range(runs):
                times = timed_edit(window, make(n))
                shown.append(times[0])
                blocked.append(times[1])
            print(f"  {name:16} shown {_figures(shown)}   blocked {_figures(blocked)}")
        print(f"  peak RSS {peak_rss_mb():.0f} MB")
    finally:
        window.close()
        app.processEvents()
        shutil.rmtree(folder, ignore_errors=True)


def settle(window: MainWindow) -> None:
    """Run the event loop (never block it) until the list, counts, facets and the
    timeline show the change, then paint."""
    run_until_shown(window)
    window.repaint()


def timed_edit(window: MainWindow, command: object) -> tuple[float, float]:
    beat = Heartbeat()
    beat.start()
    started = time.perf_counter()
    if not window.editing.execute(command):
        raise SystemExit(f"the edit was refused: {command}")
    settle(window)
    shown = time.perf_counter() - started
    return shown * 1000, beat.stop() * 1000


def _figures(values: list[float]) -> str:
    return f"{statistics.median(values):7.1f} / {max(values):7.1f}"


if __name__ == "__main__":
    main()
