"""Time the event list at scale: reaching the end, sorting, jumping anywhere.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_list.py 100k        # synthetic size
    QT_QPA_PLATFORM=offscreen python benchmarks/bench_list.py some.sqlite3

On an offscreen 1000x700 list (the real EventTableView and model, focused), it prints in
milliseconds, each step painted before the clock stops:

- ``ctrl+end``: from pressing Ctrl+End until the last event is the current, painted row
  (pressing again while it is not, as a person would), and how many presses it took;
- ``sort desc`` / ``sort asc``: clicking the Date header to sort descending, then back, with
  the last event selected (the list keeps the selection, so it must find it in the new order);
- ``jump``: median [first, worst] of dragging the scroll bar to 30 random places (seed 1);
- ``page down``: median of 30 PageDown presses from a random place.

Prints figures, asserts nothing.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import cached_database, label, print_table, sizes_from_argv
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktopapp.db.engine import open_database
from desktopapp.db.repository import EventRepository
from desktopapp.ui.event_table import Column, EventTableModel, EventTableView

JUMPS = 30
MAX_PRESSES = 600  # the old list needed one press per 200 rows
TIMEOUT_S = 120.0


def painted(view: EventTableView) -> None:
    QApplication.processEvents()
    view.viewport().repaint()


def ctrl_end(view: EventTableView) -> tuple[float, int]:
    last = view.model().rowCount() - 1
    started = time.perf_counter()
    presses = 0
    while presses < MAX_PRESSES and time.perf_counter() - started < TIMEOUT_S:
        QTest.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        presses += 1
        painted(view)
        last = view.model().rowCount() - 1
        if view.currentIndex().row() == last and not view.model().canFetchMore(view.rootIndex()):
            break
    return (time.perf_counter() - started) * 1000, presses


def sort_ms(view: EventTableView, order: Qt.SortOrder) -> float:
    started = time.perf_counter()
    view.sortByColumn(Column.DATE, order)
    painted(view)
    return (time.perf_counter() - started) * 1000


def jumps_ms(view: EventTableView) -> list[float]:
    bar = view.verticalScrollBar()
    chance = random.Random(1)
    times = []
    for _ in range(JUMPS):
        value = chance.randrange(bar.maximum() + 1)
        started = time.perf_counter()
        bar.setValue(value)
        painted(view)
        times.append((time.perf_counter() - started) * 1000)
    return times


def page_downs_ms(view: EventTableView) -> list[float]:
    model = view.model()
    start = random.Random(2).randrange(max(1, model.rowCount() - 40 * JUMPS))
    view.setCurrentIndex(model.index(start, Column.TITLE))
    painted(view)
    times = []
    for _ in range(JUMPS):
        started = time.perf_counter()
        QTest.keyClick(view, Qt.Key.Key_PageDown)
        painted(view)
        times.append((time.perf_counter() - started) * 1000)
    return times


def measure(path: Path, name: str) -> list[str]:
    repository = EventRepository(open_database(path))
    model = EventTableModel(repository)
    view = EventTableView(model)
    view.resize(1000, 700)
    view.show()
    view.setFocus()
    painted(view)
    end_ms, presses = ctrl_end(view)
    reached = view.currentIndex().row() + 1
    desc = sort_ms(view, Qt.SortOrder.DescendingOrder)
    asc = sort_ms(view, Qt.SortOrder.AscendingOrder)
    jumps = jumps_ms(view)
    downs = page_downs_ms(view)
    row = [
        name,
        f"{repository.total:,}",
        f"{end_ms:.0f} ({presses} press{'es' if presses > 1 else ''}, row {reached:,})",
        f"{desc:.0f}",
        f"{asc:.0f}",
        f"{statistics.median(jumps):.1f} [{jumps[0]:.0f}, {max(jumps):.0f}]",
        f"{statistics.median(downs):.1f}",
    ]
    view.close()
    repository.engine.dispose()
    return row


def main() -> None:
    QApplication.instance() or QApplication(sys.argv[:1])
    files = [arg for arg in sys.argv[1:] if Path(arg).is_file()]
    sizes = [arg for arg in sys.argv[1:] if arg not in files]
    targets = [(Path(name).name, Path(name)) for name in files]
    if sizes or not files:
        targets += [(label(s), cached_database(s)) for s in sizes_from_argv(sizes or ["100k"])]
    rows = [measure(path, name) for name, path in targets]
    print_table(
        [
            "database",
            "events",
            "ctrl+end ms",
            "sort desc ms",
            "sort asc ms",
            "jump ms",
            "page down ms",
        ],
        rows,
    )


if __name__ == "__main__":
    main()
