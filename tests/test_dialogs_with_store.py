"""The dialogs against a real timeline file: what they produce, the store accepts, and the
history it records is shown by the history view."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktopapp.db.store import TimelineStore
from desktopapp.ui.event_editor import EventEditorDialog
from desktopapp.ui.history_view import HistoryView
from desktopapp.ui.participants_editor import NewActorDialog
from desktopapp.ui.source_dialog import SourceDialog
from tests.dialog_helpers import ModalAnswer, focused, keys_into, show, tab_to, type_into

pytestmark = pytest.mark.qt_log_ignore(
    "does not support raise",
    "does not support grabbing the keyboard",  # offscreen, modal
)

TEXT = (
    "Le géant suédois a annoncé lundi 28 février 2022 l'arrêt de ses livraisons en Russie. "
    "Acme Widgets a suivi le mouvement le lendemain."
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[TimelineStore]:
    store = TimelineStore.create(tmp_path / "mine.timeline", title="Mine", author="ana")
    yield store
    store.close()


def test_a_pasted_source_then_an_event_from_the_editor_are_stored(
    qtbot, qtmodeltester, store: TimelineStore
) -> None:
    sources = show(qtbot, SourceDialog(store.repository))
    assert isinstance(sources, SourceDialog)
    keys_into(qtbot, focused(), TEXT)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    keys_into(qtbot, focused(), "Acme suit le mouvement")
    type_into(qtbot, sources.published, "1er mars 2022")
    with qtbot.waitSignal(sources.accepted, timeout=2000):
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    command = sources.command()
    assert command is not None
    source_key = store.execute(command).created_key
    assert source_key is not None
    assert store.repository.source_text(source_key) == TEXT

    editor = show(qtbot, EventEditorDialog(store.repository))
    assert isinstance(editor, EventEditorDialog)
    type_into(qtbot, editor.title_edit, "Acme halts deliveries to Russia")
    tab_to(qtbot, editor.type_box)
    qtbot.keyClick(focused(), Qt.Key.Key_Down)
    assert editor.quote_passage is not None
    type_into(qtbot, editor.quote_passage.text_box, "Acme Widgets a suivi le mouvement")

    def new_actor(dialog: QDialog) -> None:
        assert isinstance(dialog, NewActorDialog)
        type_into(qtbot, dialog.aliases, "Acme")
        qtbot.keyClick(focused(), Qt.Key.Key_Return)

    type_into(qtbot, editor.participants.actor_field, "Acme Widgets")
    answer = ModalAnswer(NewActorDialog, new_actor)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    answer.check()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow, timeout=2000)
    type_into(qtbot, editor.date, "1er mars 2022")
    type_into(qtbot, editor.citation.sentence, "Acme Widgets a suivi le mouvement le lendemain.")
    type_into(qtbot, editor.note, "from the pasted report")
    with qtbot.waitSignal(editor.accepted, timeout=2000):
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    changes = editor.result_commands().execute_with(store.execute)
    event_key = changes[-1].created_key
    assert event_key is not None

    [event] = [e for e in store.repository.events() if e.key == event_key]
    assert event.title == "Acme halts deliveries to Russia"
    assert event.date.edtf() == "2022-03-01"
    assert [p.actor.name for p in event.participants] == ["Acme Widgets"]
    assert event.participants[0].actor.aliases == ("Acme",)

    edit = show(qtbot, EventEditorDialog(store.repository, event=event))
    assert isinstance(edit, EventEditorDialog)
    type_into(qtbot, edit.date, "28 février 2022")
    type_into(qtbot, edit.note, "the report says Monday")
    with qtbot.waitSignal(edit.accepted, timeout=2000):
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    edit.result_commands().execute_with(store.execute)
    [event] = [e for e in store.repository.events() if e.key == event_key]
    assert event.date.edtf() == "2022-02-28"
    edits = [h.field for h in store.history(event_key) if h.note == "the report says Monday"]
    assert edits == ["date"]  # the restated citation is no change of citation

    view = HistoryView()
    qtbot.addWidget(view)
    view.set_entries(store.history(event_key))
    qtmodeltester.check(view.model)
    rows = [
        [view.model.data(view.model.index(r, c)) for c in range(5)]
        for r in range(view.model.rowCount())
    ]
    assert any(
        "2022-03-01 → 2022-02-28" in row[3] and row[4] == "the report says Monday" for row in rows
    ), rows
    assert all(row[1] == "ana" for row in rows)
