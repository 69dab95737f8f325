"""The filter panel driven from the keyboard: typed dates read as typed, said when unreadable."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget

from desktopapp.db.repository import EventRepository
from desktopapp.domain.filter import EventFilter, FilterError, parse_user_date
from desktopapp.ui.main_window import MainWindow
from desktopapp.ui.settings import Settings


@pytest.fixture
def window(qtbot, repository: EventRepository, tmp_path: Path) -> Iterator[MainWindow]:
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(repository, Settings(store))
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=5000)
    yield window


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def tab_to(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    """Press Tab in whatever has focus until ``widget`` has it (the way a person gets there)."""
    for _ in range(40):
        if focused() is widget:
            return
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {widget.objectName()}")


def tick_with_space(qtbot, window: MainWindow, check: QWidget) -> None:  # type: ignore[no-untyped-def]
    window.filter_panel.search.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: focused() is window.filter_panel.search)
    tab_to(qtbot, check)
    with qtbot.waitSignal(window.filterApplied, timeout=3000):
        qtbot.keyClick(check, Qt.Key.Key_Space)


def retype(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Select all in the focused field and type ``text`` key by key."""
    field = focused()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, text)


def test_a_date_typed_over_the_shown_one_is_read_as_typed(
    qtbot, window: MainWindow, repository: EventRepository
) -> None:
    panel = window.filter_panel
    tick_with_space(qtbot, window, panel.from_check)
    assert panel.from_edit.text() == "21 Feb 2022"  # the first event's day
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is panel.from_edit
    retype(qtbot, "1 Mar 2022")
    assert panel.from_edit.text() == "1 Mar 2022"  # the "1" was not refused
    with qtbot.waitSignal(window.filterApplied, timeout=3000) as applied:
        qtbot.keyClick(panel.from_edit, Qt.Key.Key_Tab)
    wanted = EventFilter(date_from=date(2022, 3, 1))
    assert applied.args[0] == wanted
    assert panel.from_edit.text() == "1 Mar 2022"
    assert window.table_model.matching == repository.count(wanted) > 0
    assert not panel.date_problem.isVisible()


@pytest.mark.parametrize(
    "typed", ["1 March 2022", "2022-03-01", "03/01/2022", "Mar 1, 2022", "1er mars 2022"]
)
def test_any_form_dateutil_reads_is_accepted(qtbot, window: MainWindow, typed: str) -> None:
    panel = window.filter_panel
    tick_with_space(qtbot, window, panel.from_check)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    retype(qtbot, typed)
    with qtbot.waitSignal(window.filterApplied, timeout=3000) as applied:
        qtbot.keyClick(panel.from_edit, Qt.Key.Key_Return)
    assert applied.args[0].date_from == date(2022, 3, 1)
    assert panel.from_edit.text() == "1 Mar 2022"  # shown back in a form that cannot be misread


def test_a_month_typed_into_to_means_its_last_day(qtbot, window: MainWindow) -> None:
    panel = window.filter_panel
    tick_with_space(qtbot, window, panel.to_check)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is panel.to_edit
    retype(qtbot, "Feb 2022")
    with qtbot.waitSignal(window.filterApplied, timeout=3000) as applied:
        qtbot.keyClick(panel.to_edit, Qt.Key.Key_Tab)
    assert applied.args[0] == EventFilter(date_to=date(2022, 2, 28))
    assert panel.to_edit.text() == "28 Feb 2022"


@pytest.mark.parametrize("typed", ["1 Mrz 2022", "31 Feb 2022", "1 March", "next week"])
def test_an_unreadable_date_is_said_and_leaves_the_filter_alone(
    qtbot, window: MainWindow, typed: str
) -> None:
    panel = window.filter_panel
    tick_with_space(qtbot, window, panel.from_check)
    before = window.event_filter()
    applied: list[EventFilter] = []
    window.filterApplied.connect(applied.append)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    retype(qtbot, typed)
    qtbot.keyClick(panel.from_edit, Qt.Key.Key_Tab)
    assert panel.date_problem.isVisible()
    message = panel.date_problem.text()
    assert message.startswith("⚠ From: ") and f"“{typed}”" in message
    assert "still 21 Feb 2022" in message
    qtbot.wait(50)  # a filter change would be scheduled at once (0 ms timer)
    assert applied == [] and window.event_filter() == before
    # Going back (Shift+Tab) and typing a readable date clears the message.
    qtbot.keyClick(focused(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is panel.from_edit
    retype(qtbot, "2 Mar 2022")
    with qtbot.waitSignal(window.filterApplied, timeout=3000):
        qtbot.keyClick(panel.from_edit, Qt.Key.Key_Return)
    assert not panel.date_problem.isVisible()


def test_unticking_forgets_an_unreadable_date(qtbot, window: MainWindow) -> None:
    panel = window.filter_panel
    tick_with_space(qtbot, window, panel.from_check)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    retype(qtbot, "soon")
    qtbot.keyClick(panel.from_edit, Qt.Key.Key_Tab)
    assert panel.date_problem.isVisible()
    panel.from_check.setFocus(Qt.FocusReason.BacktabFocusReason)
    with qtbot.waitSignal(window.filterApplied, timeout=3000):
        qtbot.keyClick(panel.from_check, Qt.Key.Key_Space)
    assert not panel.date_problem.isVisible()
    assert panel.from_edit.text() == "21 Feb 2022"


# The offscreen platform cannot raise a popup or grab the keyboard for it (real ones do).
@pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing the keyboard"
)
def test_the_calendar_popup_picks_a_date_from_the_keyboard(qtbot, window: MainWindow) -> None:
    panel = window.filter_panel
    tick_with_space(qtbot, window, panel.from_check)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(panel.from_edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = panel.from_edit.calendar()
    assert calendar is not None and calendar.isVisible()
    qtbot.waitUntil(lambda: focused() is calendar or calendar.isAncestorOf(focused()))
    qtbot.keyClick(focused(), Qt.Key.Key_Right)
    with qtbot.waitSignal(window.filterApplied, timeout=3000) as applied:
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert applied.args[0].date_from == date(2022, 2, 21) + timedelta(days=1)
    assert not calendar.isVisible()
    assert panel.from_edit.text() == "22 Feb 2022"


# -- the one parser, shared with the command line ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        ("1 Mar 2022", False, date(2022, 3, 1)),
        ("2022-03", True, date(2022, 3, 31)),
        ("2022-02", True, date(2022, 2, 28)),
        ("2022", True, date(2022, 12, 31)),
        ("2022", False, date(2022, 1, 1)),
        ("2 Feb 2022", True, date(2022, 2, 2)),
    ],
)
def test_user_dates_read_as_typed(text: str, end: bool, expected: date) -> None:
    assert parse_user_date(text, end_of_period=end) == expected


@pytest.mark.parametrize("text", ["1 March", "12", "Tuesday", "", "31 Feb 2022", "x" * 100])
def test_user_dates_without_a_year_or_unreadable_are_refused(text: str) -> None:
    with pytest.raises(FilterError):
        parse_user_date(text)


# -- the actor finder ----------------------------------------------------------------------------


def test_the_actor_finder_says_when_no_actor_matches(qtbot, window: MainWindow) -> None:
    panel = window.filter_panel
    blank = panel.actor_list.viewport().grab().toImage()
    panel.actor_find.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: focused() is panel.actor_find)
    qtbot.keyClicks(panel.actor_find, "xyz")
    assert panel.actor_finder.rowCount() == 0
    assert panel.actor_list.empty_text() == "No actor matches “xyz”"
    assert panel.actor_list.accessibleDescription() == "No actor matches “xyz”"
    panel.actor_list.repaint()
    said = panel.actor_list.viewport().grab().toImage()
    qtbot.keyClick(panel.actor_find, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(panel.actor_find, Qt.Key.Key_Delete)
    panel.actor_list.repaint()
    assert panel.actor_list.viewport().grab().toImage() == blank  # every actor again
    assert panel.actor_list.empty_text() == ""
    # The empty list drew something (its message), not only its background.
    colours = {said.pixel(x, y) for x in range(0, said.width(), 2) for y in range(0, 40)}
    assert len(colours) > 1
    qtbot.keyClicks(panel.actor_find, "appl")
    assert panel.actor_finder.rowCount() == 1 and panel.actor_list.empty_text() == ""


# -- a filter from the last session that matches nothing -----------------------------------------


def _window_with_saved_filter(
    qtbot, repository: EventRepository, tmp_path: Path, saved: EventFilter
) -> MainWindow:  # type: ignore[no-untyped-def]
    path = str(tmp_path / "restored.ini")
    Settings(QSettings(path, QSettings.Format.IniFormat)).set_event_filter(saved)
    window = MainWindow(repository, Settings(QSettings(path, QSettings.Format.IniFormat)))
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=5000)
    return window


def test_a_restored_filter_that_matches_nothing_says_so_and_offers_to_clear(
    qtbot, repository: EventRepository, tmp_path: Path
) -> None:
    typed_by_mistake = EventFilter(text="/home/me/Timeline.pdf")
    window = _window_with_saved_filter(qtbot, repository, tmp_path, typed_by_mistake)
    table = window.table
    assert window.event_filter() == typed_by_mistake and table.table_model().rowCount() == 0
    assert table.empty_text().startswith("The filter from your last session matches no event")
    assert "/home/me/Timeline.pdf" in table.empty_text()
    assert table.clear_button.isVisible()
    with qtbot.waitSignal(window.filterApplied, timeout=3000):
        qtbot.mouseClick(table.clear_button, Qt.MouseButton.LeftButton)
    assert window.event_filter() == EventFilter()
    assert table.table_model().rowCount() == repository.total
    assert not table.clear_button.isVisible() and table.empty_text() == ""
    # The same filter typed again now is this session's: the usual words.
    with qtbot.waitSignal(window.filterApplied, timeout=3000):
        window.set_filter(typed_by_mistake)
    assert table.empty_text() == "No events match the filters."
    assert table.clear_button.isVisible()


def test_a_restored_filter_that_matches_events_is_shown_without_comment(
    qtbot, repository: EventRepository, tmp_path: Path
) -> None:
    window = _window_with_saved_filter(qtbot, repository, tmp_path, EventFilter(text="spotify"))
    assert window.table_model.rowCount() > 0
    assert window.table.empty_text() == "" and not window.table.clear_button.isVisible()
