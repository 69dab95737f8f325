"""Edit › Preferences…: the name the history records, set from the keyboard, kept in the
settings and used by every timeline opened or created afterwards."""

from __future__ import annotations

import getpass
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QMenu

from desktopapp.db.commands import AddSource
from desktopapp.db.repository import EventRepository
from desktopapp.document import TimelineDocument
from desktopapp.ui.actions import ActionId
from desktopapp.ui.main_window import MainWindow
from desktopapp.ui.preferences_dialog import PreferencesDialog
from desktopapp.ui.settings import AUTHOR, Settings
from tests.dialog_helpers import ModalAnswer, focused, type_into

pytestmark = pytest.mark.qt_log_ignore(
    "does not support raise",
    "does not support grabbing the keyboard",  # offscreen, modal
)


def _window(qtbot, repository: EventRepository, location: Path, settings: Settings) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(TimelineDocument(repository, location=location), settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=5000)
    return window


def test_the_name_set_in_preferences_is_recorded_by_timelines_created_afterwards(
    qtbot, repository: EventRepository, article_db: Path, tmp_path: Path, captured_boxes
) -> None:
    ini = str(tmp_path / "settings.ini")
    settings = Settings(QSettings(ini, QSettings.Format.IniFormat))
    assert settings.author() == getpass.getuser()  # the default: the OS user
    window = _window(qtbot, repository, article_db, settings)
    edit_menu = window.findChild(QMenu, "editMenu")
    assert window.registry[ActionId.PREFERENCES] in edit_menu.actions()

    def set_name(dialog: QDialog) -> None:
        assert isinstance(dialog, PreferencesDialog)
        assert focused() is dialog.author
        assert dialog.author.text() == "" and dialog.author.placeholderText() == getpass.getuser()
        type_into(qtbot, dialog.author, "  Ana Reporter ")
        qtbot.keyClick(focused(), Qt.Key.Key_Return)

    window.timeline.setFocus()
    qtbot.waitUntil(lambda: focused() is window.timeline, timeout=2000)
    answer = ModalAnswer(PreferencesDialog, set_name)
    qtbot.keyClick(focused(), Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    answer.check()
    assert Settings(QSettings(ini, QSettings.Format.IniFormat)).value(AUTHOR) == "Ana Reporter"

    assert window.editing.new_timeline(tmp_path / "mine.timeline", "Mine")
    assert window.editing.execute(AddSource(text="Apple halted all exports.", title="Wire"))
    store = window.document.store
    assert store is not None
    assert {entry.author for entry in store.history()} == {"Ana Reporter"}
    assert captured_boxes == []


def test_cancel_keeps_the_name_and_an_empty_name_means_the_os_user(qtbot, tmp_path: Path) -> None:
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    settings.set_value(AUTHOR, "Ana")
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.author.setText("Bob")
    dialog.reject()
    assert settings.author() == "Ana"
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.author.clear()
    dialog.accept()
    assert settings.author() == getpass.getuser()
