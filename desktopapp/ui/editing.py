"""The window's editing and file commands over its :class:`TimelineDocument`: Undo/Redo with
the undo stack's texts, Save a Copy As, Open Recent.

Every command acts on the document (never on a widget), and every widget that shows the
result follows the document's events. A refused edit is one line in a message box; the file
and the undo stack are as they were.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

from desktopapp.db.errors import QUERY_ERRORS, describe_error
from desktopapp.document import (
    NothingToRedoError,
    NothingToUndoError,
    ReadOnlyError,
    TimelineDocument,
)
from desktopapp.document.copies import CopyError, save_copy
from desktopapp.ui.actions import ActionId, ActionRegistry
from desktopapp.ui.settings import LAST_FOLDER, Settings

TIMELINE_FILES = "Timelines (*.timeline *.sqlite3 *.sqlite *.db);;All files (*)"
# Edits refused for a reason the person can act on; anything else is a bug (CrashReporter).
EDIT_ERRORS: tuple[type[BaseException], ...] = (
    ReadOnlyError,
    NothingToUndoError,
    NothingToRedoError,
    *QUERY_ERRORS,
)
# The actions that change the timeline: disabled while it is open for reading only, except
# those that offer an editable copy (see EditingActions._writable).
EDITING_ACTIONS = (
    ActionId.NEW_EVENT_FROM_SELECTION,
    ActionId.ADD_QUOTE,
    ActionId.EDIT_EVENT,
    ActionId.DELETE_EVENT,
    ActionId.ADD_SOURCE,
)


class EditingActions(QObject):
    """Undo/Redo, Save a Copy As and Open Recent of one window."""

    def __init__(
        self,
        window: QMainWindow,
        document: TimelineDocument,
        registry: ActionRegistry,
        settings: Settings,
        open_file: Callable[[str], bool],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._document = document
        self._registry = registry
        self._settings = settings
        self._open_file = open_file
        self.recent_menu = QMenu("Open &Recent", window)
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        registry[ActionId.UNDO].triggered.connect(self.undo)
        registry[ActionId.REDO].triggered.connect(self.redo)
        registry[ActionId.SAVE_COPY].triggered.connect(self.ask_save_copy)
        document.events.undo_changed.connect(self._show_undo_state)
        document.events.read_only_changed.connect(self._show_read_only)
        document.events.timeline_replaced.connect(self._show_undo_state)
        self._show_undo_state()
        self._show_read_only(document.read_only)

    # -- undo ------------------------------------------------------------------------------

    def undo(self) -> None:
        if self._document.can_undo:
            self._run("The edit could not be undone", self._document.undo)

    def redo(self) -> None:
        if self._document.can_redo:
            self._run("The edit could not be redone", self._document.redo)

    def _run(self, title: str, step: Callable[[], object]) -> bool:
        try:
            step()
        except EDIT_ERRORS as error:
            self.refuse(title, _one_line(error))
            return False
        return True

    def _show_undo_state(self) -> None:
        document = self._document
        undo, redo = self._registry[ActionId.UNDO], self._registry[ActionId.REDO]
        undo.setEnabled(document.can_undo)
        redo.setEnabled(document.can_redo)
        # "&" in a title is a literal ampersand, not a mnemonic.
        undo.setText(f"&Undo {_literal(document.undo_text)}" if document.can_undo else "&Undo")
        redo.setText(f"&Redo {_literal(document.redo_text)}" if document.can_redo else "&Redo")

    def _show_read_only(self, read_only: bool) -> None:
        for action_id in EDITING_ACTIONS:
            self._registry[action_id].setEnabled(not read_only)

    # -- files -----------------------------------------------------------------------------

    def ask_save_copy(self) -> None:
        source = self._document.location
        if source is None:
            self.refuse("The timeline could not be copied", "it is not stored in a file")
            return
        folder = self._settings.value(LAST_FOLDER) or str(source.parent)
        suggested = str(Path(folder) / f"{source.stem} copy{source.suffix}")
        path, _ = QFileDialog.getSaveFileName(
            self._window, "Save a Copy of the Timeline", suggested, TIMELINE_FILES
        )
        if path:
            self.save_copy_to(Path(path))

    def save_copy_to(self, target: Path) -> bool:
        source = self._document.location
        if source is None:
            return False
        try:
            written = save_copy(source, target)
        except CopyError as error:
            self.refuse("The copy could not be saved", str(error))
            return False
        self._settings.set_value(LAST_FOLDER, str(written.parent))
        self._window.statusBar().showMessage(f"Saved a copy as {written}", 5000)
        return True

    def remember(self, path: str) -> None:
        """A timeline file was opened: first in Open Recent."""
        self._settings.add_recent_file(str(Path(path).expanduser().absolute()))

    def _fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        recent = self._settings.recent_files()
        for number, path in enumerate(recent, start=1):
            label = f"&{number} {_literal(Path(path).name)}" if number < 10 else Path(path).name
            action = menu.addAction(label)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _on=False, p=path: self._open_recent(p))
        if not recent:
            menu.addAction("No recent timelines").setEnabled(False)
            return
        menu.addSeparator()
        menu.addAction("&Clear Menu").triggered.connect(self._clear_recent)

    def _open_recent(self, path: str) -> None:
        if not Path(path).exists():
            self._settings.forget_recent_file(path)
            self.refuse("The timeline could not be opened", f"{path} is no longer there")
            return
        self._open_file(path)

    def _clear_recent(self) -> None:
        for path in self._settings.recent_files():
            self._settings.forget_recent_file(path)

    # -- saying no -------------------------------------------------------------------------

    def refuse(self, title: str, reason: str) -> None:
        box = QMessageBox(self._window)
        box.setWindowTitle(title)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(title + ".")
        box.setInformativeText(reason[:1].upper() + reason[1:] + ".")
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()


def _literal(text: str) -> str:
    """Text shown in a menu as it is: an ampersand is not a mnemonic marker."""
    return text.replace("&", "&&")


def _one_line(error: BaseException) -> str:
    text = describe_error(error) if isinstance(error, QUERY_ERRORS) else str(error)
    return (text.strip().splitlines() or [type(error).__name__])[0].rstrip(".")
