"""Edit actor… and Edit type… from the filter panel (F2 or the context menu on the current
row): one undoable change through the document, and the panel shows it at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog

from desktopapp.db.commands import AddActor
from desktopapp.db.store import TimelineStore
from desktopapp.document import TimelineDocument
from desktopapp.ui.actions import ActionId
from desktopapp.ui.catalogue_dialogs import EditActorDialog, EditTypeDialog
from desktopapp.ui.main_window import MainWindow
from desktopapp.ui.settings import Settings
from tests.dialog_helpers import ModalAnswer, focused, type_into

pytestmark = pytest.mark.qt_log_ignore(
    "does not support raise",
    "does not support grabbing the keyboard",  # offscreen, modal
)


@pytest.fixture
def window(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "notes.timeline"
    store = TimelineStore.create(path, title="Notes", author="me")
    store.execute(AddActor("Volvo", "company", ("Volvo Group",)))
    store.execute(AddActor("Apple", "company"))
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(TimelineDocument.editing(store, location=path), settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=5000)
    yield window, store
    store.close()


def _focus(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    widget.window().activateWindow()
    widget.setFocus()
    qtbot.waitUntil(lambda: focused() is widget, timeout=2000)


def _names(window: MainWindow) -> list[str]:
    model = window.filter_panel.actor_list.model()
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_f2_on_an_actor_edits_its_name_kind_and_aliases_and_undo_restores_them(
    qtbot, window, captured_boxes: list[str]
) -> None:
    window, store = window
    actors = window.filter_panel.actor_list
    assert window.filter_panel.edit_actor_action in actors.actions()
    assert actors.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    _focus(qtbot, actors)
    qtbot.keyClick(focused(), Qt.Key.Key_Home)
    row = _names(window).index("Volvo")
    for _ in range(row):
        qtbot.keyClick(focused(), Qt.Key.Key_Down)

    def rename(dialog: QDialog) -> None:
        assert isinstance(dialog, EditActorDialog)
        assert dialog.name.text() == "Volvo" and dialog.aliases.text() == "Volvo Group"
        assert not dialog.footer.ok_button.isEnabled()  # nothing changed yet
        type_into(qtbot, dialog.name, "Apple")
        assert "already names Apple" in dialog.footer.reason.text()
        type_into(qtbot, dialog.name, "AB Volvo")
        type_into(qtbot, dialog.aliases, "Volvo Group, Volvo trucks")
        qtbot.keyClick(focused(), Qt.Key.Key_Return)

    window.registry[ActionId.EDIT_EVENT].setEnabled(True)  # as with an event selected
    answer = ModalAnswer(EditActorDialog, rename)
    qtbot.keyClick(focused(), Qt.Key.Key_F2)  # the list's F2, not the window's Edit Event
    answer.check()
    [volvo] = [a for a in store.repository.actors if a.name == "AB Volvo"]
    assert volvo.aliases == ("Volvo Group", "Volvo trucks")
    assert "AB Volvo" in _names(window) and "Volvo" not in _names(window)
    assert window.document.undo_text == "Edit actor 'AB Volvo'"

    _focus(qtbot, actors)
    qtbot.keyClick(focused(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    [volvo] = [a for a in store.repository.actors if a.key == volvo.key]
    assert (volvo.name, volvo.aliases) == ("Volvo", ("Volvo Group",))
    assert "Volvo" in _names(window)
    assert captured_boxes == []


def test_f2_on_a_type_edits_its_label_and_undo_restores_it(
    qtbot, window, captured_boxes: list[str]
) -> None:
    window, store = window
    tree = window.filter_panel.type_tree
    assert window.filter_panel.edit_type_action in tree.actions()
    _focus(qtbot, tree)
    qtbot.keyClick(focused(), Qt.Key.Key_Home)
    current = tree.currentIndex()
    slug, label = current.data(Qt.ItemDataRole.UserRole + 3), current.data()

    def relabel(dialog: QDialog) -> None:
        assert isinstance(dialog, EditTypeDialog)
        assert dialog.label.text() == label
        type_into(qtbot, dialog.label, "  ")
        assert not dialog.footer.ok_button.isEnabled()
        type_into(qtbot, dialog.label, "Sanctions and embargoes")
        qtbot.keyClick(focused(), Qt.Key.Key_Return)

    window.registry[ActionId.EDIT_EVENT].setEnabled(True)
    answer = ModalAnswer(EditTypeDialog, relabel)
    qtbot.keyClick(focused(), Qt.Key.Key_F2)
    answer.check()
    labels = {t.slug: t.label for t in store.repository.event_types}
    assert labels[slug] == "Sanctions and embargoes"
    assert tree.model().index(0, 0).data() == "Sanctions and embargoes"
    _focus(qtbot, tree)
    qtbot.keyClick(focused(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert {t.slug: t.label for t in store.repository.event_types}[slug] == label
    assert captured_boxes == []
