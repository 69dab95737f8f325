"""The undo stack of a timeline document: plain Python, no Qt.

Each entry is one user action: its text for the Edit menu and the last :class:`Change` that
carried it out in the direction it stands (done or undone). Undoing executes that change's
``inverse`` through the store, and the change this returns is what redo executes the inverse
of, so a redone deletion restores the very same key instead of creating a new one.

The history of the file names each undoing "Undo: <the action's text>" and each redoing
"Redo: <the action's text>" (see :data:`Execute`): the inverse commands' own texts describe
the inverse (an undone edit is a "Restore"), which would make a redo read as its undo.

The stack only moves after the store has succeeded: an execution that raises leaves it as it
was, so the stack and the file never disagree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol


class ChangeLike(Protocol):
    """What the store answers for an executed command (``desktopapp.db.commands.Change``)."""

    @property
    def text(self) -> str: ...
    @property
    def events(self) -> frozenset[str]: ...
    @property
    def sources(self) -> frozenset[str]: ...
    @property
    def inverse(self) -> object: ...
    @property
    def actors(self) -> frozenset[str]: ...
    @property
    def types(self) -> frozenset[str]: ...


# Executes a command through the store, the history naming it by the text given.
Execute = Callable[[object, str], ChangeLike]
# Many commands in one transaction, all or none (``TimelineStore.execute_all``), the
# history naming each by the text given.
ExecuteAll = Callable[[list[object], str], list[ChangeLike]]


def undo_record(text: str) -> str:
    """How the history names the undoing of the action ``text``."""
    return f"Undo: {text}"


def redo_record(text: str) -> str:
    """How the history names the redoing of the action ``text``."""
    return f"Redo: {text}"


@dataclass(frozen=True)
class UndoEntry:
    """One user action on the stack: its text, and the changes that last carried it out in
    the direction it stands now (several when one action took several commands, e.g. a new
    actor then the event naming it). Undo inverts them last first; redo, first first."""

    text: str
    changes: tuple[ChangeLike, ...]
    # Done in one transaction (an import of thousands of events): undone and redone so too,
    # all or nothing, when the store can.
    atomic: bool = False


class UndoStack:
    """Entries done (undo takes the last) and undone (redo takes the last)."""

    def __init__(self) -> None:
        self._done: list[UndoEntry] = []
        self._undone: list[UndoEntry] = []

    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)

    @property
    def undo_text(self) -> str:
        """The text of the action undo would undo, "" when there is none."""
        return self._done[-1].text if self._done else ""

    @property
    def redo_text(self) -> str:
        return self._undone[-1].text if self._undone else ""

    def __len__(self) -> int:
        return len(self._done) + len(self._undone)

    def push(self, text: str, changes: tuple[ChangeLike, ...], *, atomic: bool = False) -> None:
        """A new action was carried out: it goes on top, and what was undone can no longer
        be redone (it was undone from a state that is gone)."""
        if not changes:
            return
        self._done.append(UndoEntry(text, changes, atomic))
        self._undone.clear()

    def undo(
        self,
        execute: Execute,
        into: list[ChangeLike] | None = None,
        execute_all: ExecuteAll | None = None,
    ) -> None:
        """Execute the inverses of the last done action, last change first. The stack moves
        only as far as the store succeeded: if the k-th inverse fails, the k-1 undone
        changes are on the redo side and the rest stays on the undo side, as in the file.
        Each change the store made is appended to ``into``, even when a later one fails."""
        entry = self._done[-1]
        undoing: list[ChangeLike] = into if into is not None else []
        assert not undoing
        if entry.atomic and execute_all is not None:
            inverses = [c.inverse for c in reversed(entry.changes)]
            undoing.extend(execute_all(inverses, undo_record(entry.text)))
            self._done.pop()
            self._undone.append(UndoEntry(entry.text, tuple(reversed(undoing)), True))
            return
        try:
            for change in reversed(entry.changes):
                undoing.append(execute(change.inverse, undo_record(entry.text)))
        finally:
            if undoing:
                self._done.pop()
                remaining = entry.changes[: len(entry.changes) - len(undoing)]
                if remaining:
                    self._done.append(UndoEntry(entry.text, remaining))
                # Kept in the order redo must invert them: the first change's undoing first.
                self._undone.append(UndoEntry(entry.text, tuple(reversed(undoing))))

    def redo(
        self,
        execute: Execute,
        into: list[ChangeLike] | None = None,
        execute_all: ExecuteAll | None = None,
    ) -> None:
        """Execute again the last undone action, first change first; on a failure the stack
        moves only as far as the store succeeded (see :meth:`undo`)."""
        entry = self._undone[-1]
        redoing: list[ChangeLike] = into if into is not None else []
        assert not redoing
        if entry.atomic and execute_all is not None:
            inverses = [c.inverse for c in entry.changes]
            redoing.extend(execute_all(inverses, redo_record(entry.text)))
            self._undone.pop()
            self._done.append(UndoEntry(entry.text, tuple(redoing), True))
            return
        try:
            for change in entry.changes:
                redoing.append(execute(change.inverse, redo_record(entry.text)))
        finally:
            if redoing:
                self._undone.pop()
                remaining = entry.changes[len(redoing) :]
                if remaining:
                    self._undone.append(UndoEntry(entry.text, remaining))
                self._done.append(UndoEntry(entry.text, tuple(redoing)))

    def clear(self) -> None:
        self._done.clear()
        self._undone.clear()
