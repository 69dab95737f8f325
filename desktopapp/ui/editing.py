"""The window's editing and file commands over its :class:`TimelineDocument`: Undo/Redo with
the undo stack's texts, New Timeline, Save a Copy As, Open Recent, and the start of editing.

A timeline is opened for viewing (nothing is written to it); the first edit opens its
:class:`TimelineStore`. The bundled sample, or a file that cannot be written, is not edited:
the person is offered an editable copy in their Documents folder, which is then opened.
While a timeline is edited, the window follows others' writes and notices a server that went
away (ui/change_watch.py); editing is off while the timeline cannot be reached, and on a
server timeline that this user may only view.

Every command acts on the document (never on a widget), and every widget that shows the
result follows the document's events. A refused edit is one line in a message box; the file
and the undo stack are as they were.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMainWindow, QMenu, QMessageBox

from desktopapp.db.commands import CommandError
from desktopapp.db.errors import QUERY_ERRORS, DatabaseError, describe_error
from desktopapp.db.locations import is_server_location, parse_location, shown_location
from desktopapp.db.sample import is_bundled_sample
from desktopapp.db.store import TimelineStore
from desktopapp.document import (
    NothingToRedoError,
    NothingToUndoError,
    ReadOnlyError,
    TimelineDocument,
)
from desktopapp.document.copies import CopyError, save_copy
from desktopapp.ui.actions import ActionId, ActionRegistry
from desktopapp.ui.change_watch import ChangeWatch
from desktopapp.ui.settings import LAST_FOLDER, Settings

TIMELINE_SUFFIX = ".timeline"
TIMELINE_FILES = "Timelines (*.timeline *.sqlite3 *.sqlite *.db);;All files (*)"
# Edits refused for a reason the person can act on; anything else is a bug (CrashReporter).
EDIT_ERRORS: tuple[type[BaseException], ...] = (
    CommandError,
    DatabaseError,
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

    editable_changed = Signal()  # can_edit may have changed (connection, read-only server)

    def __init__(
        self,
        window: QMainWindow,
        document: TimelineDocument,
        registry: ActionRegistry,
        settings: Settings,
        open_file: Callable[[str], bool],
        before_switch: Callable[[], None],
    ) -> None:
        """``open_file`` opens a timeline in the window; ``before_switch`` stops whatever
        reads the open one on another thread, before it is closed or replaced."""
        super().__init__(window)
        self._window = window
        self._document = document
        self._registry = registry
        self._settings = settings
        self._open_file = open_file
        self._before_switch = before_switch
        self.watch = ChangeWatch(window, document)
        self.watch.online_changed.connect(self._show_editable)
        self.recent_menu = QMenu("Open &Recent", window)
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        registry[ActionId.UNDO].triggered.connect(self.undo)
        registry[ActionId.REDO].triggered.connect(self.redo)
        registry[ActionId.SAVE_COPY].triggered.connect(self.ask_save_copy)
        registry[ActionId.NEW_TIMELINE].triggered.connect(self.ask_new_timeline)
        document.events.undo_changed.connect(self._show_undo_state)
        document.events.read_only_changed.connect(self._show_read_only)
        document.events.timeline_replaced.connect(self._show_undo_state)
        document.events.timeline_replaced.connect(self._show_editable)
        self._show_undo_state()
        self._show_read_only(document.read_only)

    def detach(self) -> None:
        """Stop following the document (the window is replaced on it: View › Language)."""
        events = self._document.events
        events.undo_changed.disconnect(self._show_undo_state)
        events.read_only_changed.disconnect(self._show_read_only)
        events.timeline_replaced.disconnect(self._show_undo_state)
        events.timeline_replaced.disconnect(self._show_editable)
        self.watch.stop()

    @property
    def can_edit(self) -> bool:
        """Whether an edit may be tried: not while the server cannot be reached, nor on a
        server timeline opened for viewing (no file to make an editable copy of)."""
        document = self._document
        return self.watch.online and not (document.read_only and document.location is None)

    # -- editing ---------------------------------------------------------------------------

    def writable(self) -> bool:
        """Make the timeline editable if it is not yet (its store opened, or an editable copy
        offered and opened); False if it stays read-only."""
        document = self._document
        if not self.watch.online:
            self.refuse(
                "The timeline cannot be edited now",
                "the connection to it is lost; it is tried again every second",
            )
            return False
        if document.store is not None:
            return True
        location = document.location
        if location is None:
            self.refuse(
                "This timeline cannot be edited",
                "it is open for viewing only (this server user may not edit it)",
            )
            return False
        reason = ""
        if not is_bundled_sample(location):
            try:
                store = TimelineStore.open(location, author=self._settings.author())
            except (DatabaseError, OSError) as error:
                reason = one_line(error)
            else:
                self._before_switch()
                document.start_editing(store)
                return True
        return self._offer_copy(location, reason)

    def execute(self, command: object, note: str = "") -> bool:
        """Carry out one edit (the timeline made editable first); a refusal is said."""
        if not self.writable():
            return False
        return self._run("The change was not saved", lambda: self._document.execute(command, note))

    def refuse_error(self, title: str, error: BaseException) -> None:
        self.refuse(title, one_line(error))

    def check_external_change(self) -> bool:
        """Show the timeline as it is now if another window or process wrote to it."""
        return self.watch.check()

    def _offer_copy(self, location: Path, reason: str) -> bool:
        sample = is_bundled_sample(location)
        box = QMessageBox(self._window)
        box.setWindowTitle("Edit a copy?")
        box.setIcon(QMessageBox.Icon.Question)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            "The sample timeline is read-only."
            if sample
            else "This timeline cannot be edited here."
        )
        why = (
            "It is rebuilt whenever the app is updated, which would lose your edits."
            if sample
            else as_sentence(reason)
        )
        target = self.copy_target(location)
        box.setInformativeText(
            f"{why}\n\nMake an editable copy in your documents folder ({target}) and open it?"
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        if box.exec() != QMessageBox.StandardButton.Yes:
            return False
        try:
            save_copy(location, target)
            store = TimelineStore.open(target, author=self._settings.author())
        except CopyError as error:
            self.refuse("The copy could not be made", str(error))
            return False
        except (DatabaseError, OSError) as error:
            self.refuse("The copy cannot be edited", one_line(error))
            return False
        # The copy holds the same events under the same ids: what is shown stays.
        self._before_switch()
        self._document.start_editing(store, location=target)
        self.remember(str(target))
        self._window.statusBar().showMessage(f"Editing a copy: {target}", 10000)
        return True

    @staticmethod
    def copy_target(location: Path) -> Path:
        """A new file in the person's documents folder for an editable copy of ``location``."""
        folder = Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            or Path.home()
        )
        stem = "News timeline" if is_bundled_sample(location) else location.stem
        target = folder / f"{stem}{TIMELINE_SUFFIX}"
        number = 2
        while target.exists():
            target = folder / f"{stem} {number}{TIMELINE_SUFFIX}"
            number += 1
        return target

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
            self.refuse(title, one_line(error))
            return False
        return True

    def _show_undo_state(self) -> None:
        document = self._document
        undo, redo = self._registry[ActionId.UNDO], self._registry[ActionId.REDO]
        undo.setEnabled(document.can_undo and self.watch.online)
        redo.setEnabled(document.can_redo and self.watch.online)
        # "&" in a title is a literal ampersand, not a mnemonic.
        undo.setText(f"&Undo {_literal(document.undo_text)}" if document.can_undo else "&Undo")
        redo.setText(f"&Redo {_literal(document.redo_text)}" if document.can_redo else "&Redo")

    def _show_read_only(self, _read_only: bool) -> None:
        # Edit actions stay available on a read-only file: trying one offers a copy.
        self.watch.follow()
        self._show_editable()

    def _show_editable(self, *_args: object) -> None:
        self.watch.follow()  # the document may hold another store
        self._show_undo_state()
        self.editable_changed.emit()

    # -- files -----------------------------------------------------------------------------

    def ask_new_timeline(self) -> None:
        folder = self._settings.value(LAST_FOLDER) or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        path, _ = QFileDialog.getSaveFileName(
            self._window,
            "New Timeline",
            str(Path(folder or Path.home()) / f"Untitled{TIMELINE_SUFFIX}"),
            TIMELINE_FILES,
        )
        if not path:
            return
        title, accepted = QInputDialog.getText(
            self._window, "New Timeline", "Title of the timeline:", text=Path(path).stem
        )
        if accepted:
            self.new_timeline(Path(path), title)

    def new_timeline(self, path: Path, title: str) -> bool:
        """Create an empty timeline file and show it, ready for editing."""
        if not path.suffix:
            path = path.with_suffix(TIMELINE_SUFFIX)
        try:
            store = TimelineStore.create(path, title=title, author=self._settings.author())
        except (DatabaseError, OSError) as error:
            self.refuse("The timeline could not be created", one_line(error))
            return False
        self._before_switch()
        self._document.replace_timeline(store.repository, store, location=store.path)
        self._settings.set_value(LAST_FOLDER, str(path.parent))
        self.remember(str(store.path))
        self._window.statusBar().showMessage(f"Created {store.path}", 5000)
        return True

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
        """A timeline file (or a server's URL, given without its password) was opened:
        first in Open Recent."""
        if is_server_location(path):
            self._settings.add_recent_file(shown_location(path))  # a password masked, if any
            return
        self._settings.add_recent_file(str(Path(path).expanduser().absolute()))

    def _fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        recent = self._settings.recent_files()
        for number, path in enumerate(recent, start=1):
            name = _literal(_recent_name(path))
            action = menu.addAction(f"&{number} {name}" if number < 10 else name)
            shown = shown_location(path)  # a server's URL, never with its password
            action.setToolTip(shown)
            action.setStatusTip(shown)
            action.triggered.connect(lambda _on=False, p=path: self._open_recent(p))
        if not recent:
            menu.addAction("No recent timelines").setEnabled(False)
            return
        menu.addSeparator()
        menu.addAction("&Clear Menu").triggered.connect(self._clear_recent)

    def _open_recent(self, path: str) -> None:
        if not is_server_location(path) and not Path(path).exists():
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
        box.setInformativeText(as_sentence(reason))
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()


def _literal(text: str) -> str:
    """Text shown in a menu as it is: an ampersand is not a mnemonic marker."""
    return text.replace("&", "&&")


def one_line(error: BaseException) -> str:
    text = describe_error(error) if isinstance(error, QUERY_ERRORS) else str(error)
    return (text.strip().splitlines() or [type(error).__name__])[0].rstrip(".")


def _recent_name(location: str) -> str:
    """A file by its name; a server timeline by its database and where it is ("sample on
    db.example:5432"), since two servers may each hold a "sample"."""
    if not is_server_location(location):
        return Path(location).name
    try:
        url = parse_location(location).url
    except DatabaseError:
        return shown_location(location)
    if url is None or not url.database:
        return shown_location(location)
    where = url.host or "localhost"
    return f"{url.database} on {where}:{url.port}" if url.port else f"{url.database} on {where}"


def as_sentence(reason: str) -> str:
    """A reason shown as a sentence: a capital and a full stop, but never a changed name:
    a reason often starts with a file or a key ("odd.json: no event to import"), which is
    data and stays as written."""
    first = reason.split(" ", 1)[0]
    if first.isalpha() and first.islower():
        reason = reason[:1].upper() + reason[1:]
    return reason if reason.endswith((".", "!", "?")) else reason + "."
