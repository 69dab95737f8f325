"""The window from the keyboard: shortcuts from every widget, Tab from pane to pane, focus at
startup. Keys are sent to the widget that really has the focus, as a person's keys would be."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget
from window_helpers import shown_window

from desktopapp.db.repository import EventRepository
from desktopapp.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot, repository: EventRepository, tmp_path: Path) -> MainWindow:
    return shown_window(qtbot, repository, tmp_path)


def focus(qtbot, widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=2000)


def press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> QWidget:  # type: ignore[no-untyped-def]
    """Press a key on whatever has the focus; returns what has it afterwards."""
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, key, modifier)
    return QApplication.focusWidget()


class EmacsKeys(QObject):
    """What a text field does on X11, where Ctrl+E is also "end of line" (the platform's key
    bindings; the offscreen platform used by the tests has the Windows ones): it claims the
    key through ShortcutOverride."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and QKeySequence(event.keyCombination()) == QKeySequence("Ctrl+E")
        ):
            event.accept()
        return False


def test_focus_starts_on_the_timeline_not_the_search_box(window: MainWindow) -> None:
    assert QApplication.focusWidget() is window.timeline


def test_export_shortcut_works_from_every_text_field(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    # Export PDF's first question (the page setup), answered with Cancel.
    monkeypatch.setattr(
        window.export_actions, "ask_page_setup", lambda: asked.append("Export PDF") or False
    )
    panel = window.filter_panel
    for field in (panel.search, panel.actor_find, window.article.text):
        # Installed after the window's own filter, so it runs first, as the widget's own
        # handling of the event would.
        field.installEventFilter(emacs := EmacsKeys(field))
        focus(qtbot, field)
        before = len(asked)
        assert press(qtbot, Qt.Key.Key_E, CTRL) is field
        assert len(asked) == before + 1, field.objectName()
        field.removeEventFilter(emacs)
    focus(qtbot, window.table)
    press(qtbot, Qt.Key.Key_E, CTRL)
    assert asked == ["Export PDF"] * 4
    assert panel.search.text() == ""


def test_text_fields_keep_their_editing_keys(qtbot, window: MainWindow) -> None:
    search = window.filter_panel.search
    focus(qtbot, search)
    qtbot.keyClicks(search, "rouble")
    press(qtbot, Qt.Key.Key_A, CTRL)  # select all, not a window action
    assert search.selectedText() == "rouble"


def test_tab_moves_from_pane_to_pane_and_back(qtbot, window: MainWindow) -> None:
    panel = window.filter_panel
    focus(qtbot, window.table)
    assert press(qtbot, Qt.Key.Key_Tab) is window.detail.browser
    assert press(qtbot, Qt.Key.Key_Tab) is window.article.text
    # The bundled file has several sources: the pane's selector comes after its text.
    assert press(qtbot, Qt.Key.Key_Tab) is window.article.source_box
    assert press(qtbot, Qt.Key.Key_Tab) is panel.search
    seen = []
    while panel.isAncestorOf(QApplication.focusWidget()) and len(seen) < 20:
        seen.append(press(qtbot, Qt.Key.Key_Tab))
    assert seen[-1] is window.timeline
    assert panel.actor_list in seen[:-1] and panel.type_tree in seen[:-1]
    after_timeline = press(qtbot, Qt.Key.Key_Tab)
    while window.timeline.isAncestorOf(after_timeline):  # the legend's own button
        after_timeline = press(qtbot, Qt.Key.Key_Tab)
    assert after_timeline is window.table
    # And back with Shift+Tab.
    back = Qt.Key.Key_Backtab
    assert press(qtbot, Qt.Key.Key_Tab) is window.detail.browser
    assert press(qtbot, back, Qt.KeyboardModifier.ShiftModifier) is window.table


def test_tab_reaches_the_article_text_then_the_source_selector(
    qtbot, window: MainWindow, repository: EventRepository
) -> None:
    """Into the article pane, Tab reaches the text first (as with one source); the next Tab
    is the selector, whose keys show another source; Shift+Tab goes back to the text."""
    article = window.article
    focus(qtbot, window.detail.browser)
    assert press(qtbot, Qt.Key.Key_Tab) is article.text
    assert press(qtbot, Qt.Key.Key_Tab) is article.source_box
    assert article.source_key() == "article"
    assert press(qtbot, Qt.Key.Key_Down) is article.source_box
    chosen = article.source_key()
    assert chosen == repository.sources[1].key
    assert article.text.toPlainText() == repository.source_text(chosen)
    back = press(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert back is article.text


def test_with_one_source_tab_leaves_the_article_text_for_the_filters(qtbot, tmp_path: Path) -> None:
    from desktopapp.db.commands import AddSource
    from desktopapp.db.store import TimelineStore
    from desktopapp.document import TimelineDocument

    path = tmp_path / "notes.timeline"
    store = TimelineStore.create(path, title="Notes", author="me")
    store.execute(AddSource(text="Our own notes.", title="Notes"))
    window = shown_window(qtbot, TimelineDocument.editing(store, location=path), tmp_path)
    assert not window.article.source_box.isVisible()
    focus(qtbot, window.detail.browser)
    assert press(qtbot, Qt.Key.Key_Tab) is window.article.text
    assert press(qtbot, Qt.Key.Key_Tab) is window.filter_panel.search


def test_tab_in_the_list_does_not_select_the_next_event(qtbot, window: MainWindow) -> None:
    focus(qtbot, window.table)
    press(qtbot, Qt.Key.Key_Down)
    selected = window.selected_event_id()
    assert selected is not None
    press(qtbot, Qt.Key.Key_Tab)
    assert window.selected_event_id() == selected
    assert QApplication.focusWidget() is not window.table


def test_title_names_the_open_timeline(window: MainWindow, article_db: Path) -> None:
    assert window.windowTitle() == f"{article_db.name} — News Timeline"
    assert window.windowFilePath() == str(article_db)


def test_focus_in_the_list_at_startup_selects_nothing(window: MainWindow) -> None:
    assert window.selected_event_id() is None
    assert window.detail.event_shown() is None
