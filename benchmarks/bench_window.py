"""Time what a person waits for in the window: one filter change, until every view shows it.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_window.py           # the article
    QT_QPA_PLATFORM=offscreen python benchmarks/bench_window.py 100k 1m   # also synthetic sizes
    QT_QPA_PLATFORM=offscreen python benchmarks/bench_window.py some.sqlite3   # any database

For each change it prints, in milliseconds, the median over the runs (and the first call):
``apply`` is the window updating the timeline, the list and every count (all the SQL);
``+paint`` adds a synchronous repaint of the whole window. Prints figures, asserts nothing.
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

from _common import cached_database, label, print_table, sizes_from_argv
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from desktopapp.build.bundled import ensure_default_database
from desktopapp.db.engine import open_database
from desktopapp.db.repository import EventRepository
from desktopapp.domain.filter import EventFilter
from desktopapp.ui.main_window import MainWindow
from desktopapp.ui.settings import Settings

RUNS = 5


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


def measure(app: QApplication, path: Path, name: str) -> list[list[str]]:
    repository = EventRepository(open_database(path))
    with tempfile.TemporaryDirectory() as folder:
        store = QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat)
        window = MainWindow(repository, Settings(store))
        window.resize(1440, 900)
        window.show()
        app.processEvents()
        rows = []
        for what, event_filter in changes(repository):
            applied, painted = [], []
            for _ in range(RUNS + 1):
                window.set_filter(EventFilter(text="zzzz-reset"))  # a real change each run
                started = time.perf_counter()
                window.set_filter(event_filter)
                applied.append((time.perf_counter() - started) * 1000)
                window.repaint()
                painted.append((time.perf_counter() - started) * 1000)
            rows.append(
                [
                    name,
                    what,
                    f"{window.table_model.matching:,}",
                    f"{statistics.median(applied[1:]):.1f} ({applied[0]:.1f})",
                    f"{statistics.median(painted[1:]):.1f} ({painted[0]:.1f})",
                ]
            )
        window.close()
        window.deleteLater()
        app.processEvents()
    repository.engine.dispose()
    return rows


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    targets = [("article", ensure_default_database())]
    files = [arg for arg in sys.argv[1:] if Path(arg).is_file()]
    sizes = [arg for arg in sys.argv[1:] if arg not in files]
    if sizes:
        targets += [(label(size), cached_database(size)) for size in sizes_from_argv(sizes)]
    targets += [(Path(name).name, Path(name)) for name in files]
    rows = []
    for name, path in targets:
        rows += measure(app, path, name)
    print_table(["database", "change", "events", "apply ms", "+paint ms"], rows)


if __name__ == "__main__":
    main()
