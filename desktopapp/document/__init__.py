"""The open timeline as one observable object: what is shown (filter, grouping, selection),
what can be edited (the store) and the undo stack. Plain Python: the Qt views subscribe to its
events and call its setters; nothing pushes state into a sibling view."""

from desktopapp.document.timeline_document import (
    DocumentEvents,
    NothingToRedoError,
    NothingToUndoError,
    ReadOnlyError,
    TimelineDocument,
    file_of,
)
from desktopapp.document.undo import UndoEntry, UndoStack

__all__ = [
    "DocumentEvents",
    "NothingToRedoError",
    "NothingToUndoError",
    "ReadOnlyError",
    "TimelineDocument",
    "UndoEntry",
    "UndoStack",
    "file_of",
]
