"""Two editors in two windows (or a window and another program) on one timeline: a conflict
prompt from the keyboard (Keep mine, Take theirs), on a file; and on a server, another's
change shown at once, the "connection lost" banner with editing off, and a viewer's window
that offers no editing."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from desktopapp.db.commands import EditEvent
from desktopapp.db.engine import open_database
from desktopapp.db.repository import EventRepository
from desktopapp.db.store import TimelineStore
from desktopapp.document import TimelineDocument
from desktopapp.domain.filter import EventFilter
from desktopapp.ui.actions import ActionId
from desktopapp.ui.conflict_dialog import EditConflictDialog
from desktopapp.ui.editing import EDITING_ACTIONS
from desktopapp.ui.event_editor import EventEditorDialog
from desktopapp.ui.main_window import MainWindow
from desktopapp.ui.settings import Settings
from tests.dialog_helpers import ModalAnswer, focused, tab_to, type_into
from tests.pg_server import PostgresServer
from tests.test_sync import add_event, event_of

pytestmark = pytest.mark.qt_log_ignore(
    "does not support raise",
    "does not support grabbing the keyboard",  # offscreen, modal
)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def shown(qtbot, window: MainWindow) -> MainWindow:  # type: ignore[no-untyped-def]
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=5000)
    return window


def ready(qtbot, dialog: QWidget) -> None:  # type: ignore[no-untyped-def]
    dialog.activateWindow()
    qtbot.waitUntil(
        lambda: dialog.isActiveWindow() and dialog.isAncestorOf(QApplication.focusWidget()),
        timeout=3000,
    )


@pytest.fixture
def shared(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A timeline file with one event, and that event's key."""
    path = tmp_path / "shared.timeline"
    with TimelineStore.create(path, title="Shared", author="Ada") as store:
        key = add_event(store)
    yield path, key


def edit_summary_while_bob_retitles(
    qtbot,  # type: ignore[no-untyped-def]
    window: MainWindow,
    bob: TimelineStore,
    key: str,
    choose: str,
) -> tuple[ModalAnswer, list[ModalAnswer]]:
    """F2 on the selected event; while the editor is open Bob changes the title; Ada types a
    summary and presses OK; the conflict prompt answered by ``choose`` from the keyboard."""
    conflicts: list[ModalAnswer] = []
    seen: list[str] = []

    def answer_conflict(dialog: QDialog) -> None:
        assert isinstance(dialog, EditConflictDialog)
        ready(qtbot, dialog)
        seen.append("\n".join(w.text() for w in (dialog.headline, dialog.theirs, dialog.mine)))
        assert focused() is dialog.take_theirs  # the default: nothing is overwritten
        button = dialog.keep_mine if choose == "keep" else dialog.take_theirs
        tab_to(qtbot, button)
        qtbot.keyClick(focused(), Qt.Key.Key_Space)

    def edit(dialog: QDialog) -> None:
        assert isinstance(dialog, EventEditorDialog)
        ready(qtbot, dialog)
        bob.execute(EditEvent(key, title="Apple halts all sales", based_on=bob.version(key)))
        type_into(qtbot, dialog.summary, "Ada's summary")
        assert dialog.footer.ok_button.isEnabled(), dialog.footer.reason.text()
        conflicts.append(ModalAnswer(EditConflictDialog, answer_conflict))
        dialog.footer.ok_button.click()

    answer = ModalAnswer(EventEditorDialog, edit)
    table = window.table
    table.setFocus()
    qtbot.waitUntil(lambda: focused() is table, timeout=2000)
    qtbot.keyClick(focused(), Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert window.document.selection is not None
    qtbot.keyClick(focused(), Qt.Key.Key_F2)
    answer.check()
    conflicts[0].check()
    [text] = seen
    assert "Bob changed “Apple halts sales” while you were editing it" in text  # as opened
    assert "title: “Apple halts sales” → “Apple halts all sales”" in text
    assert "Your change: summary → “Ada's summary”" in text
    return answer, conflicts


def test_keep_mine_saves_my_edit_over_theirs_and_the_history_says_so(
    qtbot, shared: tuple[Path, str], settings: Settings, captured_boxes: list[str]
) -> None:
    path, key = shared
    ours = TimelineStore.open(path, author="Ada")
    window = shown(qtbot, MainWindow(TimelineDocument.editing(ours, location=path), settings))
    with TimelineStore.open(path, author="Bob") as bob:  # the other window
        edit_summary_while_bob_retitles(qtbot, window, bob, key, "keep")
        assert captured_boxes == []
        event = event_of(bob, key)
        assert (event.title, event.summary) == ("Apple halts all sales", "Ada's summary")
        kept = bob.history(key)[-1]
        assert kept.author == "Ada" and kept.field == "summary"
        assert "Kept over the change by Bob" in kept.note
    qtbot.waitUntil(lambda: window.detail.event_shown().summary == "Ada's summary", timeout=5000)  # type: ignore[union-attr]


def test_take_theirs_saves_nothing_and_shows_their_event(
    qtbot, shared: tuple[Path, str], settings: Settings, captured_boxes: list[str]
) -> None:
    path, key = shared
    ours = TimelineStore.open(path, author="Ada")
    window = shown(qtbot, MainWindow(TimelineDocument.editing(ours, location=path), settings))
    with TimelineStore.open(path, author="Bob") as bob:
        rows = len(bob.history())
        edit_summary_while_bob_retitles(qtbot, window, bob, key, "take")
        assert captured_boxes == []
        history = bob.history()
        assert len(history) == rows + 1 and history[-1].author == "Bob"  # Ada's: not saved
        event = event_of(bob, key)
        assert (event.title, event.summary) == ("Apple halts all sales", "")
    qtbot.waitUntil(
        lambda: window.detail.event_shown().title == "Apple halts all sales",  # type: ignore[union-attr]
        timeout=5000,
    )
    assert "discarded" in window.statusBar().currentMessage()


# -- on a server ------------------------------------------------------------------------------


@pytest.mark.postgres
def test_a_server_window_shows_another_change_at_once_and_says_when_the_server_is_gone(
    qtbot, pg_server: PostgresServer, pg_url: str, settings: Settings
) -> None:
    with TimelineStore.create(pg_url, title="t", author="Ada") as store:
        key = add_event(store)
    ours = TimelineStore.open(pg_url, author="Ada")
    window = shown(qtbot, MainWindow(TimelineDocument.editing(ours), settings))
    window.select_event(event_of(ours, key).id)
    qtbot.waitUntil(lambda: window.registry[ActionId.EDIT_EVENT].isEnabled(), timeout=3000)
    with TimelineStore.open(pg_url, author="Bob") as bob:
        bob.execute(EditEvent(key, title="Bob's title"))
    # The notification wakes the window: well within the poll's second, though the poll
    # alone would get there too; what matters is that the window shows it unasked.
    qtbot.waitUntil(lambda: event_of(ours, key).title == "Bob's title", timeout=3000)
    qtbot.waitUntil(
        lambda: window.detail.event_shown().title == "Bob's title",  # type: ignore[union-attr]
        timeout=3000,
    )

    banner = window.editing.watch.banner
    assert not banner.isVisible()
    pg_server.stop()
    try:
        qtbot.waitUntil(banner.isVisible, timeout=5000)
        assert "Connection to the server lost" in banner.text()
        assert QApplication.activeModalWidget() is None  # a banner, not a box
        for action in (*EDITING_ACTIONS, ActionId.UNDO):
            assert not window.registry[action].isEnabled(), action
        assert window.detail.event_shown().title == "Bob's title"  # type: ignore[union-attr]
        window.set_filter(EventFilter(text="nothing like it"))  # cannot be counted now
        qtbot.waitUntil(lambda: not window.is_busy(), timeout=10_000)
        assert window.status_count.text() != "0 of 1 events"
    finally:
        pg_server.start()
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=10_000)
    # Back: what could not be read while away is read now, unasked.
    qtbot.waitUntil(lambda: window.status_count.text() == "0 of 1 events", timeout=10_000)
    window.set_filter(EventFilter())
    assert window.registry[ActionId.EDIT_EVENT].isEnabled()
    with TimelineStore.open(pg_url, author="Bob") as bob:
        bob.execute(EditEvent(key, title="After the restart"))
    qtbot.waitUntil(
        lambda: window.detail.event_shown().title == "After the restart",  # type: ignore[union-attr]
        timeout=5000,
    )
    window.close()  # its listener stops with it
    assert "timeline-listener" not in [thread.name for thread in threading.enumerate()]
    ours.close()


@pytest.mark.postgres
def test_a_viewer_roles_window_offers_no_editing(
    qtbot, pg_server: PostgresServer, pg_url: str, settings: Settings, captured_boxes: list[str]
) -> None:
    from desktopapp.app import _server_timeline_for_editing
    from desktopapp.launch import LaunchOptions

    with TimelineStore.create(pg_url, title="t", author="Ada") as store:
        key = add_event(store)
        event_id = event_of(store, key).id
    database = pg_url.rsplit("/", 1)[-1]
    viewer = f"viewer_{database}"
    with pg_server.connect(database) as connection:
        connection.execute(f"CREATE ROLE {viewer} LOGIN")
        connection.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {viewer}")
    as_viewer = f"postgresql://{viewer}@127.0.0.1:{pg_server.port}/{database}"
    viewing = EventRepository(open_database(as_viewer))
    options = LaunchOptions(as_viewer, EventFilter())
    assert _server_timeline_for_editing(options, viewing, settings) is None
    window = shown(qtbot, MainWindow(TimelineDocument(viewing), settings))
    window.select_event(event_id)
    qtbot.waitUntil(lambda: window.document.selection == event_id, timeout=3000)
    for action in EDITING_ACTIONS:
        assert not window.registry[action].isEnabled(), action
    window.table.setFocus()
    qtbot.waitUntil(lambda: focused() is window.table, timeout=2000)
    qtbot.keyClick(focused(), Qt.Key.Key_F2)  # a disabled action: nothing opens
    assert QApplication.activeModalWidget() is None and captured_boxes == []
    # The viewer's window sees an editor's change too (the server's notification).
    qtbot.waitUntil(lambda: window.detail.event_shown() is not None, timeout=3000)
    with TimelineStore.open(pg_url, author="Ed") as editor:
        editor.execute(EditEvent(key, title="Edited by the desk"))
    qtbot.waitUntil(
        lambda: window.detail.event_shown().title == "Edited by the desk",  # type: ignore[union-attr]
        timeout=3000,
    )
    window.close()
    assert "timeline-listener" not in [thread.name for thread in threading.enumerate()]
    viewing.engine.dispose()
