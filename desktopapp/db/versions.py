"""Optimistic locking, a version per row, without a version column: the version of an event or
a source is the number of the last change in the history that touched its key (``history``
keeps ``entity_key`` indexed and every command's rows share one ``change`` number; 0 when
nothing was recorded yet).

An edit command carries the version its editor started from (``based_on``); the store
checks it in the command's own write transaction, under the write lock and before anything
is written (:func:`check`), and refuses with :class:`EditConflict` when another change came
in between: who made it, when, and each field's old and new value, so that the person can
choose to keep theirs (the edit run again over the new version) or take the other's.
Nothing is ever silently overwritten.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, text

from desktopapp.db.commands import (
    Command,
    CommandError,
    DeleteEvent,
    EditEvent,
    EditSource,
    HistoryEntry,
)
from desktopapp.db.history import read_history_of
from desktopapp.domain.l10n import N_, _

_VERSION = text("SELECT coalesce(max(change), 0) FROM history WHERE entity_key = :key")


class EditConflict(CommandError):
    """Another change of the same event (or source) came after the editor's version."""

    def __init__(self, key: str, based_on: int, current: int, theirs: Sequence[HistoryEntry]):
        self.key = key
        self.based_on = based_on
        self.current = current  # the version to base the edit on to keep one's own
        self.theirs = tuple(theirs)  # the history rows of the changes since, oldest first
        super().__init__(self._sentence())

    @property
    def authors(self) -> tuple[str, ...]:
        """Who made the changes since, each once, in order."""
        return tuple(dict.fromkeys(entry.author for entry in self.theirs))

    def _sentence(self) -> str:
        who = ", ".join(self.authors) or _("someone")
        fields = ", ".join(dict.fromkeys(field_name(e.field) for e in self.theirs))
        if not self.theirs:
            return _(
                "{key} was changed by {who} meanwhile ({fields}) after you started editing it; "
                "nothing was saved"
            ).format(key=self.key, who=who, fields=fields or _("changed"))
        return _(
            "{key} was changed by {who} at {when} ({fields}) after you started editing it; "
            "nothing was saved"
        ).format(key=self.key, who=who, when=self.theirs[-1].when, fields=fields or _("changed"))


# The words of the fields the history records (db/edits.py), for a person to read; a field
# not listed here is shown as it is recorded.
_FIELD_WORDS = {
    "*": N_("added or deleted"),
    "title": N_("title"),
    "summary": N_("summary"),
    "type": N_("type"),
    "date": N_("date"),
    "date citation": N_("date citation"),
    "actors": N_("actors"),
    "quote": N_("quote"),
    "outlet": N_("outlet"),
    "url": N_("URL"),
    "language": N_("language"),
    "published_edtf": N_("publication date"),
    "author": N_("author"),
    "name": N_("name"),
    "kind": N_("kind"),
    "aliases": N_("aliases"),
    "label": N_("label"),
}


def field_name(field: str) -> str:
    """What a person reads for a recorded field ("date", "added or deleted")."""
    words = _FIELD_WORDS.get(field)
    return _(words) if words else field


def current_version(connection: Connection, key: str) -> int:
    """The version of the event or source ``key``: its last change's number (0: none)."""
    return int(connection.execute(_VERSION, {"key": key}).scalar_one())


def checked_key(command: Command) -> tuple[str, int] | None:
    """(key, version) a command asks to be checked, or None."""
    if isinstance(command, EditEvent | DeleteEvent) and command.based_on is not None:
        return command.event_key, command.based_on
    if isinstance(command, EditSource) and command.based_on is not None:
        return command.source_key, command.based_on
    return None


def check(connection: Connection, command: Command) -> None:
    """Refuse (EditConflict) a command based on a version that is no longer the current one.
    Run inside the command's write transaction, under the write lock, before it writes."""
    asked = checked_key(command)
    if asked is None:
        return
    key, based_on = asked
    current = current_version(connection, key)
    if current != based_on:
        raise EditConflict(key, based_on, current, read_history_of(connection, key, based_on))
