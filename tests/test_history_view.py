"""The history table: the Qt model tester, local times, old → new, plain text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt

from desktopapp.ui.history_view import COLUMNS, HistoryDialog, HistoryModel, HistoryView


@dataclass(frozen=True)
class Entry:  # the shape of the store's HistoryEntry
    when: str
    author: str
    text: str
    field: str
    old: Any
    new: Any
    note: str


ENTRIES = [
    Entry(
        "2026-12-01T10:15:00+00:00",
        "ana",
        "Add event 'SAP pauses sales'",
        "",
        None,
        {"title": "SAP pauses sales"},
        "",
    ),
    Entry(
        "2026-12-01 10:20:00",
        "ana",
        "Change date of 'SAP pauses sales'",
        "date",
        "2022-03-01/2022-03-02",
        "2022-03-02",
        "SAP's own page dates it",
    ),
    Entry("2026-12-01T10:25:00Z", "<b>bob</b>", "Change title", "title", "x" * 300, "y", ""),
]


def cell(
    model: HistoryModel, row: int, column: int, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole
) -> Any:
    return model.data(model.index(row, column), role)


def test_the_history_model_passes_the_qt_model_tester(qtmodeltester) -> None:
    model = HistoryModel()
    qtmodeltester.check(model)
    model.set_entries(ENTRIES)
    qtmodeltester.check(model)
    model.set_entries([])
    qtmodeltester.check(model)


def test_rows_say_when_who_what_old_new_and_why() -> None:
    model = HistoryModel()
    model.set_entries(ENTRIES)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == list(COLUMNS)
    local = dt.datetime(2026, 12, 1, 10, 20, tzinfo=dt.UTC).astimezone()
    assert cell(model, 1, 0) == local.strftime("%Y-%m-%d %H:%M")  # a time without zone is UTC
    assert cell(model, 1, 1) == "ana"
    assert cell(model, 1, 2) == "Change date of 'SAP pauses sales'"
    assert cell(model, 1, 3) == "date: 2022-03-01/2022-03-02 → 2022-03-02"
    assert cell(model, 1, 4) == "SAP's own page dates it"
    assert cell(model, 0, 3) == "added"  # the whole record: "What" says which


def test_long_values_are_cut_with_the_whole_in_the_tooltip() -> None:
    model = HistoryModel()
    model.set_entries(ENTRIES)
    shown = cell(model, 2, 3)
    assert len(shown) <= 80 and shown.endswith("…")
    tip = cell(model, 2, 3, Qt.ItemDataRole.ToolTipRole)
    assert "x" * 300 in tip
    assert cell(model, 2, 1) == "<b>bob</b>"  # a text cell: the view draws it literally


def test_the_view_says_when_there_is_no_history(qtbot) -> None:
    view = HistoryView()
    qtbot.addWidget(view)
    view.show()
    assert view.empty.isVisible() and not view.table.isVisible()
    assert view.empty.textFormat() == Qt.TextFormat.PlainText
    view.set_entries(ENTRIES)
    assert view.table.isVisible() and not view.empty.isVisible()
    assert view.model.rowCount() == 3


def test_the_whole_timeline_window(qtbot) -> None:
    dialog = HistoryDialog(ENTRIES)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "History of this timeline"
    assert dialog.view.model.rowCount() == 3
