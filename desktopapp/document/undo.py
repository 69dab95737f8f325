"""The undo stack of a timeline document: plain Python, no Qt.

Each entry is one user action: its text for the Edit menu and the last :class:`Change` that
carried it out in the direction it stands (done or undone). Undoing executes that change's
``inverse`` through the store, and the change this returns is what redo executes the inverse
of, so a redone deletion restores the very same key instead of creating a new one.

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


Execute = Callable[[object], ChangeLike]


@dataclass(frozen=True)
class UndoEntry:
    """One user action on the stack: its text, and the change that last carried it out
    (in the direction it stands now); ``change.inverse`` moves it the other way."""

    text: str
    change: ChangeLike


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

    def push(self, change: ChangeLike) -> None:
        """A new action was carried out: it goes on top, and what was undone can no longer
        be redone (it was undone from a state that is gone)."""
        self._done.append(UndoEntry(change.text, change))
        self._undone.clear()

    def undo(self, execute: Execute) -> ChangeLike:
        """Execute the inverse of the last done action; the stack moves only on success."""
        entry = self._done[-1]
        change = execute(entry.change.inverse)
        self._done.pop()
        self._undone.append(UndoEntry(entry.text, change))
        return change

    def redo(self, execute: Execute) -> ChangeLike:
        """Execute again the last undone action; the stack moves only on success."""
        entry = self._undone[-1]
        change = execute(entry.change.inverse)
        self._undone.pop()
        self._done.append(UndoEntry(entry.text, change))
        return change

    def clear(self) -> None:
        self._done.clear()
        self._undone.clear()
