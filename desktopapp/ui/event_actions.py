"""The window's event and source edits: New event from selection, Add quote to event, Edit
event, Delete event, Add source, and the selected event's history.

Each opens one of the editing dialogs (ui/event_editor.py, ui/source_dialog.py,
ui/delete_confirmation.py) and hands what it asks for to the document, as one user action
(one undo entry, even when a new actor or type comes first). Nothing here writes to a widget
another view owns: the views follow the document.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow, QMenu

from desktopapp.db.commands import AddEvent, AddQuote, QuoteInput
from desktopapp.db.errors import QUERY_ERRORS, describe_error
from desktopapp.db.versions import EditConflict
from desktopapp.document import TimelineDocument
from desktopapp.domain.model import Actor, Event, EventType
from desktopapp.ingest.sources import SourceError, draft_from_file
from desktopapp.ui.actions import ActionId, ActionRegistry
from desktopapp.ui.article_pane import ArticlePane, Passage
from desktopapp.ui.catalogue_dialogs import EditActorDialog, EditTypeDialog
from desktopapp.ui.conflict_dialog import Choice, EditConflictDialog, kept_note
from desktopapp.ui.delete_confirmation import confirm_deletion, event_deletion
from desktopapp.ui.editing import EDIT_ERRORS, EditingActions, one_line
from desktopapp.ui.event_editor import EventEditorDialog
from desktopapp.ui.settings import LAST_FOLDER, Settings
from desktopapp.ui.source_dialog import SourceDialog

LOOKUP_ERRORS: tuple[type[BaseException], ...] = (KeyError, *QUERY_ERRORS)
SOURCE_FILES = "Articles (*.txt *.md *.html *.htm *.pdf);;All files (*)"


class TheirsTaken(Exception):
    """The person chose the other editor's version over their own edit (nothing saved)."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


class EventActions(QObject):
    """The editing commands about events and sources of one window."""

    def __init__(
        self,
        window: QMainWindow,
        document: TimelineDocument,
        registry: ActionRegistry,
        editing: EditingActions,
        article: ArticlePane,
        settings: Settings,
        select: Callable[[int | None], None],
    ) -> None:
        """``select`` selects an event in the window (once the list shows it)."""
        super().__init__(window)
        self._window = window
        self._document = document
        self._registry = registry
        self._editing = editing
        self._article = article
        self._settings = settings
        self._select = select
        registry[ActionId.NEW_EVENT_FROM_SELECTION].triggered.connect(self.new_event_from_selection)
        registry[ActionId.ADD_QUOTE].triggered.connect(self.add_quote)
        registry[ActionId.EDIT_EVENT].triggered.connect(self.edit_event)
        registry[ActionId.DELETE_EVENT].triggered.connect(self.delete_event)
        registry[ActionId.ADD_SOURCE].triggered.connect(self.ask_source_file)
        document.events.selection_changed.connect(self._show_enabled)
        document.events.timeline_replaced.connect(self._show_enabled)
        article.text.selectionChanged.connect(self._show_enabled)
        editing.editable_changed.connect(self._show_enabled)
        self._show_enabled()

    def detach(self) -> None:
        """Stop following the document (the window is replaced on it: View › Language)."""
        self._document.events.selection_changed.disconnect(self._show_enabled)
        self._document.events.timeline_replaced.disconnect(self._show_enabled)

    # -- from a passage --------------------------------------------------------------------

    def new_event_from_selection(self) -> None:
        """An event whose first quote is the passage selected in the article."""
        passage = self._passage()
        if passage is None or not self._editing.writable():
            return
        dialog = EventEditorDialog(
            self._document.repository, self._window, selection=_quote_input(passage)
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self._run_editor(dialog)

    def add_quote(self) -> None:
        """Quote the passage selected in the article for the selected event."""
        passage = self._passage()
        event = self._selected_event()
        if passage is None or event is None or not self._editing.writable():
            return
        self._editing.execute(AddQuote(event.key, _quote_input(passage)))

    # -- the selected event -----------------------------------------------------------------

    def edit_event(self) -> None:
        event = self._selected_event()
        if event is None or not self._editing.writable():
            return
        # The version first, then the event as it is now (see version_of).
        based_on = self._version_of(event.key, "The event cannot be edited now")
        event = self._selected_event()  # as the editable timeline has it
        if event is None or based_on is None:
            return
        dialog = EventEditorDialog(
            self._document.repository, self._window, event=event, based_on=based_on
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._run_editor(dialog)

    def delete_event(self) -> None:
        event = self._selected_event()
        if event is None or not self._editing.writable():
            return
        based_on = self._version_of(event.key, "The event cannot be deleted now")
        event = self._selected_event()  # as the editable timeline has it, at that version
        if event is None or based_on is None:
            return
        question = event_deletion(event, based_on)
        if not confirm_deletion(self._window, question) or not self._editing.writable():
            return
        try:
            self._document.execute(question.command)
        except EditConflict as conflict:  # changed by another while the question was asked
            self._editing.refuse("The event was not deleted", one_line(conflict))
            self._show_theirs(conflict.key)
        except EDIT_ERRORS as error:
            self._editing.refuse("The event was not deleted", one_line(error))
        else:
            self._document.select(None)

    def _version_of(self, key: str, refusal: str) -> int | None:
        """The event's version, read before the event itself (see version_of), or None with
        the refusal said."""
        try:
            return self._document.version_of(key)
        except QUERY_ERRORS as error:
            self._editing.refuse(refusal, describe_error(error))
            return None

    # -- actors and types -------------------------------------------------------------------

    def edit_actor(self, actor: Actor) -> None:
        """Edit actor…: name, kind and aliases, one undoable change."""
        if not self._editing.writable():  # the sample may have become its editable copy
            return
        found = [a for a in self._document.repository.actors if a.key == actor.key]
        if not found:
            return
        dialog = EditActorDialog(self._document.repository, found[0], self._window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            command = dialog.edit_command()
            if command is not None:
                self._editing.execute(command)

    def edit_type(self, event_type: EventType) -> None:
        """Edit type…: its label, one undoable change."""
        if not self._editing.writable():
            return
        found = [t for t in self._document.repository.event_types if t.slug == event_type.slug]
        if not found:
            return
        dialog = EditTypeDialog(found[0], self._window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._editing.execute(dialog.command())

    # -- sources ----------------------------------------------------------------------------

    def ask_source_file(self) -> None:
        folder = self._settings.value(LAST_FOLDER) or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self._window, "Add a Source", folder, SOURCE_FILES)
        if path:
            self._settings.set_value(LAST_FOLDER, str(Path(path).parent))
            self.add_source_from(Path(path))

    def add_source_from(self, path: Path) -> bool:
        """Read a text, web page or PDF file, show its metadata for confirmation, store it."""
        try:
            draft = draft_from_file(path)
        except SourceError as error:
            self._editing.refuse("The source could not be read", one_line(error))
            return False
        if not self._editing.writable():
            return False
        dialog = SourceDialog(self._document.repository, self._window, draft=draft)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        command = dialog.command()
        return command is not None and self._editing.execute(command, dialog.note())

    # -- internals --------------------------------------------------------------------------

    def _run_editor(self, dialog: EventEditorDialog) -> None:
        result = dialog.result_commands()
        try:
            with self._document.one_action():
                changes = result.execute_with(self._resolving(dialog.event_title))
        except TheirsTaken as taken:
            self._show_theirs(taken.key)
            return
        except EDIT_ERRORS as error:
            self._editing.refuse("The event was not saved", one_line(error))
            return
        if isinstance(result.command, AddEvent) and changes:
            created = getattr(changes[-1], "created_key", None)
            if created:
                self._select_key(created)  # the new event, to go on with it

    def _resolving(self, title: str) -> Callable[..., Any]:
        """The document's execute; when another's change of the event ``title`` came first,
        the person chooses: keep mine (run again over the new version, the history's note
        saying so) or take theirs (TheirsTaken: nothing of this edit is saved)."""

        def execute(command: Any, note: str = "") -> Any:
            while True:
                try:
                    return self._document.execute(command, note)
                except EditConflict as conflict:
                    ask = EditConflictDialog(conflict, title, command, self._window)
                    ask.exec()
                    if ask.choice is not Choice.KEEP_MINE:
                        raise TheirsTaken(conflict.key) from None
                    command = replace(command, based_on=conflict.current)
                    note = kept_note(note, conflict)

        return execute

    def _show_theirs(self, key: str) -> None:
        """Their version, as the timeline has it now, in every view."""
        self._editing.check_external_change()
        self._select_key(key)
        self._window.statusBar().showMessage(
            "Your change was discarded: the event is shown as the other editor left it", 10000
        )

    def _select_key(self, key: str) -> None:
        try:
            event_id = self._document.repository.event_ids_by_key([key]).get(key)
        except QUERY_ERRORS:
            return
        if event_id is None:
            return
        self._select(event_id)

    def _passage(self) -> Passage | None:
        try:
            passage = self._article.selected_passage()
        except QUERY_ERRORS as error:
            self._editing.refuse("The passage could not be read", describe_error(error))
            return None
        if passage is None:
            self._editing.refuse(
                "Nothing is selected", "select a passage in the article first, then try again"
            )
        return passage

    def _selected_event(self) -> Event | None:
        event_id = self._document.selection
        if event_id is None:
            return None
        try:
            return self._document.repository.event(event_id)
        except LOOKUP_ERRORS:
            return None

    def _show_enabled(self, *_args: object) -> None:
        # Nothing to edit while the server is away, nor on a server timeline only viewed.
        editable = self._editing.can_edit
        has_passage = editable and self._article.text.textCursor().hasSelection()
        has_event = editable and self._document.selection is not None
        r = self._registry
        r[ActionId.NEW_EVENT_FROM_SELECTION].setEnabled(has_passage)
        r[ActionId.ADD_QUOTE].setEnabled(has_passage and has_event)
        r[ActionId.EDIT_EVENT].setEnabled(has_event)
        r[ActionId.DELETE_EVENT].setEnabled(has_event)
        r[ActionId.ADD_SOURCE].setEnabled(editable)

    def add_to_article_menu(self, menu: QMenu) -> None:
        """The article's context menu offers the edits from its selected passage."""
        menu.addSeparator()
        menu.addAction(self._registry[ActionId.NEW_EVENT_FROM_SELECTION])
        menu.addAction(self._registry[ActionId.ADD_QUOTE])


def _quote_input(passage: Passage) -> QuoteInput:
    return QuoteInput(passage.source_key, passage.start, passage.end, passage.exact)
