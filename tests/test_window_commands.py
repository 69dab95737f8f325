"""Commands on one event from every view: which event a shared passage means, the context
menus (Copy Citation, Copy Quote, Go to Source) and Ctrl+C in the list."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QTableWidget
from window_helpers import shown_window

from desktopapp.db.repository import EventRepository
from desktopapp.ui.actions import ActionId
from desktopapp.ui.event_table import Column
from desktopapp.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, repository: EventRepository, tmp_path: Path) -> MainWindow:
    return shown_window(qtbot, repository, tmp_path)


def shared_passage(repository: EventRepository) -> tuple[int, int, list[int]]:
    """The passage most events quote: (start, end, their ids)."""
    spans = repository.quote_spans("article")
    by_place: dict[tuple[int, int], list[int]] = {}
    for span in spans:
        by_place.setdefault((span.start, span.end), []).append(span.event_id)
    (start, end), ids = max(by_place.items(), key=lambda item: len(item[1]))
    return start, end, sorted(ids)


def click_text(qtbot, window: MainWindow, position: int) -> None:  # type: ignore[no-untyped-def]
    text = window.article.text
    cursor = text.textCursor()
    cursor.setPosition(position)
    text.setTextCursor(cursor)
    text.ensureCursorVisible()
    point = text.cursorRect(cursor).center()
    qtbot.mouseClick(text.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_clicking_a_passage_several_events_quote_asks_which(
    qtbot, window: MainWindow, repository: EventRepository
) -> None:
    start, _end, ids = shared_passage(repository)
    assert len(ids) >= 7  # "Netflix, Spotify, H&M, SAP, GM, Maersk, Volvo…"
    window.select_event(ids[2])
    click_text(qtbot, window, start + 5)
    menu = window.article.chooser
    assert menu is not None
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    choices = [a for a in menu.actions() if a.isCheckable()]
    titles = {repository.event(i).title.replace("&", "&&") for i in ids}
    assert {a.text() for a in choices} == titles
    assert [a.data() for a in choices if a.isChecked()] == [ids[2]]
    # A choice of one, shown with radio marks (loose checkable actions drew check boxes).
    groups = {a.actionGroup() for a in choices}
    assert len(groups) == 1 and next(iter(groups)).isExclusive()
    assert window.selected_event_id() == ids[2]  # nothing chosen silently
    wanted = next(a for a in choices if a.data() == ids[5])
    with qtbot.waitSignal(window.eventSelected, timeout=2000) as blocker:
        wanted.trigger()
    assert blocker.args == [ids[5]]
    assert window.table.selected_event_id() == ids[5]
    menu.close()


def test_clicking_a_passage_one_event_quotes_selects_it(
    qtbot, window: MainWindow, repository: EventRepository
) -> None:
    spans = repository.quote_spans("article")
    counts: dict[tuple[int, int], int] = {}
    for span in spans:
        counts[(span.start, span.end)] = counts.get((span.start, span.end), 0) + 1
    alone = next(
        s
        for s in spans
        if counts[(s.start, s.end)] == 1
        and not any(o.start <= s.start + 5 < o.end and o.event_id != s.event_id for o in spans)
    )
    with qtbot.waitSignal(window.eventSelected, timeout=2000) as blocker:
        click_text(qtbot, window, alone.start + 5)
    assert blocker.args == [alone.event_id]


def menu_action(menu: QMenu, text: str):  # type: ignore[no-untyped-def]
    return next(a for a in menu.actions() if a.text().replace("&", "") == text)


def test_list_context_menu_copies_a_full_citation(
    qtbot, window: MainWindow, repository: EventRepository
) -> None:
    table = window.table
    row = 0
    event = repository.event(window.table_model.event_id(row))  # type: ignore[arg-type]
    rect = table.visualRect(window.table_model.index(row, Column.TITLE))
    table.customContextMenuRequested.emit(rect.center())
    menu = window.context_menu
    assert window.selected_event_id() == event.id
    QGuiApplication.clipboard().clear()
    menu_action(menu, "Copy Citation").trigger()
    copied = QGuiApplication.clipboard().text()
    assert event.title in copied
    assert event.date.describe() in copied  # the date in words
    assert event.quotes[0].text in copied
    assert repository.sources[0].url in copied and event.citation.url in copied
    menu_action(menu, "Copy Quote").trigger()
    assert QGuiApplication.clipboard().text() == "\n".join(q.text for q in event.quotes)
    menu.close()


def test_ctrl_c_in_the_list_copies_the_citation(
    qtbot, window: MainWindow, repository: EventRepository
) -> None:
    table = window.table
    table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table, timeout=2000)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    event = repository.event(window.selected_event_id())  # type: ignore[arg-type]
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith(event.title) and event.citation.url in copied


def test_go_to_source_from_the_timeline_scrolls_the_article(
    qtbot, window: MainWindow, repository: EventRepository
) -> None:
    last = repository.rows()[-1]
    window.select_event(last.id)
    window.article.text.verticalScrollBar().setValue(0)
    rect = window.timeline.mark_rects(last.id)[0]
    point = window.timeline.mapFromScene(rect.center())
    window.timeline.customContextMenuRequested.emit(point)
    menu = window.context_menu
    menu_action(menu, "Go to Source").trigger()
    assert window.article.selected_event() == last.id
    assert QApplication.focusWidget() is window.article.text
    span = window.article.spans_of(last.id)[0]
    assert window.article.text.textCursor().position() == span.start
    assert window.article.text.verticalScrollBar().value() > 0
    menu.close()


def test_article_context_menu_offers_each_event_of_a_shared_passage(
    qtbot, window: MainWindow, repository: EventRepository
) -> None:
    start, _end, ids = shared_passage(repository)
    text = window.article.text
    cursor = text.textCursor()
    cursor.setPosition(start + 5)
    text.setTextCursor(cursor)
    text.ensureCursorVisible()
    text.customContextMenuRequested.emit(text.cursorRect(cursor).center())
    menu = window.context_menu
    submenus = [a.menu() for a in menu.actions() if a.menu() is not None]
    assert len(submenus) == len(ids)
    QGuiApplication.clipboard().clear()
    menu_action(submenus[0], "Copy Quote").trigger()
    assert QGuiApplication.clipboard().text().startswith("Netflix, Spotify")
    menu.close()


def test_context_menu_away_from_any_event_offers_nothing_about_one(window: MainWindow) -> None:
    window.select_event(None)
    window.timeline.customContextMenuRequested.emit(QPoint(2, 2))
    assert window.context_menu.isEmpty()


def help_rows(window: MainWindow) -> dict[str, str]:
    table = window.help_dialog.findChild(QTableWidget, "helpTable")
    return {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}


def test_keyboard_shortcuts_are_listed_from_the_actions(window: MainWindow) -> None:
    window.registry[ActionId.KEYBOARD_SHORTCUTS].trigger()
    rows = help_rows(window)
    assert rows["File › Export PDF"] == "Ctrl+E"
    assert rows["View › Group By › Actor"] == "Ctrl+1"
    assert rows["Event list › Copy Citation"].startswith("Ctrl+C")
    assert "Ctrl+F" in rows["Edit › Find"]
    # The standard shortcuts' dedicated keys (Open, Exit, Find, Zoom In) read like words.
    assert rows["File › Quit"] == "Ctrl+Q"
    assert rows["Edit › Find"] == "Ctrl+F"
    # Every action with a shortcut, wherever it is, is in the list.
    listed = set(rows.values())
    for action in window.findChildren(QAction):
        if action.shortcuts():
            assert action.shortcuts()[0].toString(QKeySequence.SequenceFormat.NativeText) in (
                " ".join(listed)
            ), action.text()
    window.help_dialog.close()


def test_marks_guide_uses_the_legend_wording(window: MainWindow) -> None:
    from desktopapp.render.marks import LEGEND_STYLES

    window.registry[ActionId.MARKS_GUIDE].trigger()
    rows = help_rows(window)
    assert list(rows.values()) == [style.description for style in LEGEND_STYLES]
    assert "A hatched box" in rows and "A dashed mark with ?" in rows
    window.help_dialog.close()


def test_toolbar_tooltips_teach_the_shortcuts(window: MainWindow) -> None:
    tips = {
        window.toolbar.widgetForAction(a).toolTip()
        for a in window.toolbar.actions()
        if window.toolbar.widgetForAction(a) is not None
    }
    assert "Show the whole timeline (Ctrl+0)" in tips
    assert "Group the timeline into one lane per acting actor (Ctrl+1)" in tips


def test_theme_dark_light_and_system_are_remembered(
    qtbot, window: MainWindow, repository: EventRepository, tmp_path: Path
) -> None:
    from PySide6.QtGui import QPalette

    from desktopapp.ui.theme import Theme

    base = QPalette.ColorRole.Base
    system = QApplication.palette().color(base)
    try:
        window.registry[ActionId.THEME_DARK].trigger()
        assert QApplication.palette().color(base).lightness() < 100
        qtbot.waitUntil(window.timeline.is_dark, timeout=2000)
        window.close()
        again = shown_window(qtbot, repository, tmp_path)  # same settings file
        assert again.theme() is Theme.DARK
        assert again.registry[ActionId.THEME_DARK].isChecked()
        again.registry[ActionId.THEME_LIGHT].trigger()
        assert QApplication.palette().color(base).lightness() > 200
        qtbot.waitUntil(lambda: not again.timeline.is_dark(), timeout=2000)
    finally:
        window.set_theme(Theme.SYSTEM)
    assert QApplication.palette().color(base) == system
