"""The window over its document: the document is the one source of truth, every view follows
it, and what a person does in a view reaches every other view through it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from window_helpers import listed_ids

from desktopapp.db.repository import EventRepository
from desktopapp.document import TimelineDocument
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.grouping import Grouping
from desktopapp.ui.actions import ActionId
from desktopapp.ui.event_table import Column
from desktopapp.ui.main_window import MainWindow
from desktopapp.ui.settings import Settings


@pytest.fixture
def document(repository: EventRepository) -> TimelineDocument:
    return TimelineDocument(repository)


@pytest.fixture
def window(qtbot, document: TimelineDocument, tmp_path: Path) -> Iterator[MainWindow]:
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(document, Settings(store))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=5000)
    yield window


def test_a_filter_set_on_the_document_shows_in_the_panel_list_and_counts(
    qtbot, window: MainWindow, document: TimelineDocument, repository: EventRepository
) -> None:
    wanted = EventFilter(text="russie")
    with qtbot.waitSignal(window.filterApplied, timeout=5000):
        document.set_filter(wanted)
    expected = [row.id for row in repository.rows(wanted)]
    assert window.filter_panel.event_filter() == wanted
    assert window.filter_panel.search.text() == "russie"
    assert listed_ids(window) == expected
    assert window.status_count.text() == f"{len(expected):,} of {repository.total:,} events"


def test_typing_in_the_panel_sets_the_documents_filter(
    qtbot, window: MainWindow, document: TimelineDocument
) -> None:
    seen: list[EventFilter] = []
    document.events.filter_changed.connect(seen.append)
    window.filter_panel.search.setFocus()
    with qtbot.waitSignal(window.filterApplied, timeout=5000):
        qtbot.keyClicks(window.filter_panel.search, "apple")
    assert document.filter.text == "apple"
    assert seen == [document.filter]  # once, after the debounce, not once per key


def test_selecting_on_the_document_selects_in_the_list_timeline_and_panes(
    qtbot, window: MainWindow, document: TimelineDocument, repository: EventRepository
) -> None:
    event_id = listed_ids(window)[3]
    with qtbot.waitSignal(window.eventSelected, timeout=2000):
        document.select(event_id)
    assert window.table.selected_event_id() == event_id
    shown = window.detail.event_shown()
    assert shown is not None and shown.id == event_id
    assert repository.event(event_id).title in window.detail.plain_text()
    assert window.registry[ActionId.GO_TO_SELECTION].isEnabled()


def test_a_row_chosen_with_the_keyboard_becomes_the_documents_selection(
    qtbot, window: MainWindow, document: TimelineDocument
) -> None:
    ids = listed_ids(window)
    window.table.setFocus()
    window.table.setCurrentIndex(window.table_model.index(0, Column.DATE))
    assert document.selection == ids[0]
    qtbot.keyClick(window.table, Qt.Key.Key_Down)
    assert document.selection == ids[1]
    assert window.detail.event_shown() is not None
    assert window.detail.event_shown().id == ids[1]  # type: ignore[union-attr]


def test_grouping_chosen_in_the_menu_is_the_documents_and_the_timelines(
    qtbot, window: MainWindow, document: TimelineDocument
) -> None:
    window.registry[ActionId.GROUP_BY_TYPE].trigger()
    assert document.grouping is Grouping.TYPE
    assert window.timeline.grouping() is Grouping.TYPE
    document.set_grouping(Grouping.NONE)
    assert window.registry[ActionId.GROUP_BY_NONE].isChecked()
    assert window.timeline.grouping() is Grouping.NONE
