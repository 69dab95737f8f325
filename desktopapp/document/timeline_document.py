"""The open timeline as one observable document, in the spirit of napari's evented viewer
model: plain Python that emits typed events (psygnal); the window's views subscribe to them
and call its setters, so no view pushes state into a sibling.

It owns the repository (the read side), the store when the timeline is editable (``store`` is
None for read-only viewing, e.g. the bundled sample), the filter, the grouping, the selected
event and the undo stack. Edits go through :meth:`TimelineDocument.execute`, which runs the
command in the store (one transaction, history, then the answer) and puts it on the undo
stack; a command that fails leaves the stack, the file and the document as they were.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from psygnal import Signal, SignalGroup

from desktopapp.db.engine import DatabaseError
from desktopapp.db.locations import parse_location
from desktopapp.db.repository import EventRepository
from desktopapp.document.undo import ChangeLike, Execute, ExecuteAll, UndoStack
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.grouping import Grouping
from desktopapp.domain.l10n import _


def file_of(location: str | Path) -> Path | None:
    """The file a ``--db`` location names (a path, or a ``sqlite:///`` URL's); None for
    another database's URL."""
    try:
        return parse_location(location).sqlite_path
    except DatabaseError:
        return None


class ReadOnlyError(Exception):
    """An edit asked of a timeline opened for viewing only."""


class NothingToUndoError(Exception):
    """Undo with an empty undo stack."""


class NothingToRedoError(Exception):
    """Redo with nothing undone."""


class StoreLike(Protocol):
    """The part of ``desktopapp.db.store.TimelineStore`` the document uses."""

    @property
    def repository(self) -> EventRepository: ...
    # Any: the store takes its own Command union, which a parameter cannot narrow to.
    def execute(self, command: Any, *, note: str = "", recorded_as: str = "") -> ChangeLike: ...
    def execute_all(
        self,
        commands: Sequence[Any],
        *,
        note: str = "",
        recorded_as: str = "",
        progress: Callable[[int], None] | None = None,
    ) -> list[Any]: ...
    def external_change(self) -> bool: ...
    def version(self, key: str) -> int: ...
    def close(self) -> None: ...
    def history(self, event_key: str | None = None) -> list[Any]: ...


class DocumentEvents(SignalGroup):
    """What a view can subscribe to. Each is emitted once per change, after the document
    holds the new state, and only when something did change."""

    filter_changed = Signal(EventFilter)
    grouping_changed = Signal(Grouping)
    selection_changed = Signal(object)  # the event id, or None
    events_changed = Signal(frozenset)  # keys of events added, changed or removed
    sources_changed = Signal(frozenset)  # keys of sources added, changed or removed
    names_changed = Signal()  # actors or types added, changed or removed (the filter's names)
    # Everything may have changed (another timeline, or another process wrote this one):
    # views read the repository, filter and selection anew; no filter/selection event follows.
    timeline_replaced = Signal()
    undo_changed = Signal()  # can_undo, can_redo, undo_text or redo_text changed
    read_only_changed = Signal(bool)


class TimelineDocument:
    """The one source of truth of a window: the open timeline and how it is shown."""

    def __init__(
        self,
        repository: EventRepository,
        store: StoreLike | None = None,
        *,
        location: Path | None = None,
        grouping: Grouping = Grouping.ACTOR,
    ) -> None:
        """``location`` is the timeline's file (None when it has none, e.g. a server)."""
        self.events = DocumentEvents()
        self._location = location
        self._repository = store.repository if store is not None else repository
        self._store = store
        self._filter = EventFilter()
        self._grouping = grouping
        self._selection: int | None = None
        self._undo = UndoStack()
        self._group: list[ChangeLike] | None = None  # the changes of the action under way

    @classmethod
    def editing(
        cls,
        store: StoreLike,
        *,
        location: Path | None = None,
        grouping: Grouping = Grouping.ACTOR,
    ) -> TimelineDocument:
        """A document over an editable timeline."""
        return cls(store.repository, store, location=location, grouping=grouping)

    # -- what is open ------------------------------------------------------------------------

    @property
    def repository(self) -> EventRepository:
        """The read side; after an edit, the store has invalidated its caches."""
        return self._store.repository if self._store is not None else self._repository

    @property
    def location(self) -> Path | None:
        """The file of the open timeline, if it is one."""
        return self._location

    @property
    def store(self) -> StoreLike | None:
        return self._store

    @property
    def read_only(self) -> bool:
        return self._store is None

    def replace_timeline(
        self,
        repository: EventRepository,
        store: StoreLike | None = None,
        *,
        location: Path | None = None,
    ) -> None:
        """Show another timeline: no filter, nothing selected, an empty undo stack (its
        commands were about the old file). The old timeline is closed; whoever reads it on
        another thread must have stopped first."""
        old_store, old_repository = self._store, self.repository
        was_read_only = self.read_only
        had_history = len(self._undo) > 0
        self._store = store
        self._repository = store.repository if store is not None else repository
        self._location = location
        self._filter = EventFilter()
        self._selection = None
        self._undo.clear()
        if old_store is not None and old_store is not store:
            old_store.close()
        elif old_store is None and old_repository is not self._repository:
            old_repository.engine.dispose()
        self.events.timeline_replaced.emit()
        if had_history:
            self.events.undo_changed.emit()
        if was_read_only != self.read_only:
            self.events.read_only_changed.emit(self.read_only)

    def start_editing(self, store: StoreLike, *, location: Path | None = None) -> None:
        """Edit the timeline being viewed, through ``store`` opened on the same file or on
        an exact copy of it (``location``): the filter and the selection stay (the same
        events), the viewing engine is closed and views read the store's repository.
        Whoever reads the old one on another thread must have stopped first."""
        if self._store is not None:
            raise ValueError("this timeline is already being edited")
        viewing = self._repository
        self._store = store
        self._repository = store.repository
        if location is not None:
            self._location = location
        if viewing is not store.repository:
            viewing.engine.dispose()
        self.events.timeline_replaced.emit()
        self.events.read_only_changed.emit(False)

    def close(self) -> None:
        """Close the open timeline (when the window closes)."""
        if self._store is not None:
            self._store.close()
        else:
            self._repository.engine.dispose()

    def check_external_change(self) -> bool:
        """If another connection or process wrote the file since we last looked, say that
        everything may have changed (views read it anew) and forget the undo stack: undoing
        our edit over theirs would silently overwrite what they did. True if it had."""
        if self._store is None or not self._store.external_change():
            return False
        had_history = len(self._undo) > 0
        self._undo.clear()
        self.events.timeline_replaced.emit()
        if had_history:
            self.events.undo_changed.emit()
        return True

    def reread(self) -> None:
        """Views read the timeline anew from the database, the filter, selection and undo
        stack kept: the connection to a server came back (what could not be read meanwhile
        is read now), or a server said that another changed a timeline viewed here."""
        self.repository.invalidate()
        self.events.timeline_replaced.emit()

    def version_of(self, key: str) -> int | None:
        """The stored version of an event or source, for an edit to be based on (None when
        read-only). Read before the event itself is, and followed by a look for others'
        changes: whatever an editor then shows is at least as new as the version, so a
        change made meanwhile is a conflict at worst, never silently overwritten."""
        if self._store is None:
            return None
        version = self._store.version(key)
        self.check_external_change()
        return version

    # -- how it is shown ---------------------------------------------------------------------

    @property
    def filter(self) -> EventFilter:
        return self._filter

    def set_filter(self, event_filter: EventFilter) -> None:
        """Show this filter, its actor names and type names resolved once to the timeline's
        own (an alias becomes the actor's name). Raises FilterError for a name it does not
        know, and then nothing changes."""
        resolved = self.resolved(event_filter)
        if resolved == self._filter:
            return
        self._filter = resolved
        self.events.filter_changed.emit(resolved)

    def resolved(self, event_filter: EventFilter) -> EventFilter:
        """The filter with every actor as its name and every type as its slug."""
        repository = self.repository
        return EventFilter(
            frozenset(repository.resolve_actor(name).name for name in event_filter.actors),
            frozenset(repository.resolve_type(name).slug for name in event_filter.types),
            event_filter.date_from,
            event_filter.date_to,
            event_filter.text,
        )

    @property
    def grouping(self) -> Grouping:
        return self._grouping

    def set_grouping(self, grouping: Grouping) -> None:
        if grouping == self._grouping:
            return
        self._grouping = grouping
        self.events.grouping_changed.emit(grouping)

    @property
    def selection(self) -> int | None:
        """The id of the selected event, or None."""
        return self._selection

    def select(self, event_id: int | None) -> None:
        if event_id == self._selection:
            return
        self._selection = event_id
        self.events.selection_changed.emit(event_id)

    # -- editing -----------------------------------------------------------------------------

    @property
    def can_undo(self) -> bool:
        return self._undo.can_undo

    @property
    def can_redo(self) -> bool:
        return self._undo.can_redo

    @property
    def undo_text(self) -> str:
        return self._undo.undo_text

    @property
    def redo_text(self) -> str:
        return self._undo.redo_text

    def execute(self, command: object, note: str = "") -> ChangeLike:
        """Carry out an edit and put it on the undo stack. Raises ReadOnlyError for a
        read-only timeline, and whatever the store raises (CommandError: one line for the
        person) with the stack, the file and the document unchanged."""
        store = self._writable()
        change = store.execute(command, note=note)
        if self._group is not None:
            self._group.append(change)
        else:
            self._undo.push(change.text, (change,))
            self._announce((change,))
        return change

    def execute_all(
        self, commands: Sequence[object], text: str, note: str = ""
    ) -> tuple[ChangeLike, ...]:
        """Carry out many edits in one transaction (an import): all of them or none, one
        entry ``text`` on the undo stack, one announcement."""
        return self.adopt_all(self.write_all(commands, note), text)

    def write_all(
        self,
        commands: Sequence[object],
        note: str = "",
        progress: Callable[[int], None] | None = None,
    ) -> tuple[ChangeLike, ...]:
        """The writing half of :meth:`execute_all`, which may run on a worker thread (it
        touches the store alone; ``progress`` as the store's); :meth:`adopt_all` then."""
        return tuple(self._writable().execute_all(commands, note=note, progress=progress))

    def adopt_all(self, changes: tuple[ChangeLike, ...], text: str) -> tuple[ChangeLike, ...]:
        """On the thread of the views, after :meth:`write_all`: the undo entry and the
        announcement."""
        if self._group is not None:
            self._group.extend(changes)
        elif changes:
            self._undo.push(text, changes, atomic=True)
            self._announce(changes)
        return changes

    @contextmanager
    def one_action(self, text: str = "") -> Iterator[None]:
        """The edits made inside are one user action: one undo entry (its text ``text``, or
        the last edit's) and one announcement at the end. If an edit fails halfway, those
        already in the file are still pushed and announced, so the stack matches the file."""
        if self._group is not None:
            yield  # already inside one: it takes these edits too
            return
        self._group = []
        try:
            yield
        finally:
            changes, self._group = tuple(self._group), None
            if changes:
                self._undo.push(text or changes[-1].text, changes)
                self._announce(changes)

    def undo(self) -> tuple[ChangeLike, ...]:
        """Undo the last action through the store (the changes that did it); if the store
        refuses, the stack stays as the file is."""
        if not self._undo.can_undo:
            raise NothingToUndoError(_("There is nothing to undo."))
        store = self._writable()
        self._forget_undo_if_written_elsewhere()
        return self._moved(lambda into: self._undo.undo(_recording(store), into, _batch(store)))

    def redo(self) -> tuple[ChangeLike, ...]:
        """Redo the last undone action through the store; as :meth:`undo`."""
        if not self._undo.can_redo:
            raise NothingToRedoError(_("There is nothing to redo."))
        store = self._writable()
        self._forget_undo_if_written_elsewhere()
        return self._moved(lambda into: self._undo.redo(_recording(store), into, _batch(store)))

    def _forget_undo_if_written_elsewhere(self) -> None:
        # Looked for at once, not at the window's next poll: an undo of ours over another's
        # change made a moment ago would overwrite it without a word.
        if self.check_external_change():
            raise NothingToUndoError(
                _(
                    "Another window or program changed the timeline meanwhile: your earlier "
                    "edits can no longer be undone."
                )
            )

    def _writable(self) -> StoreLike:
        if self._store is None:
            raise ReadOnlyError(_("This timeline is open for reading only."))
        return self._store

    def _moved(self, move: Callable[[list[ChangeLike]], None]) -> tuple[ChangeLike, ...]:
        """Undo or redo, announcing whatever part of it reached the file, even if a later
        part failed (the exception then goes on to the caller)."""
        moved: list[ChangeLike] = []
        try:
            move(moved)
        finally:
            if moved:
                self._announce(tuple(moved))
        return tuple(moved)

    def _announce(self, changes: tuple[ChangeLike, ...]) -> None:
        sources = frozenset(key for change in changes for key in change.sources)
        events = frozenset(key for change in changes for key in change.events)
        if sources:
            self.events.sources_changed.emit(sources)
        if any(change.actors or change.types for change in changes):
            self.events.names_changed.emit()
        if events:
            self.events.events_changed.emit(events)
        self.events.undo_changed.emit()


def _recording(store: StoreLike) -> Execute:
    """The store's execute, its history naming the change as the undo stack says."""
    return lambda command, text: store.execute(command, recorded_as=text)


def _batch(store: StoreLike) -> ExecuteAll | None:
    """The store's execute_all (an import is undone in one transaction), the history naming
    each change as the undo stack says; None for a store that has none."""
    if not hasattr(store, "execute_all"):
        return None
    return lambda commands, text: store.execute_all(commands, recorded_as=text)
