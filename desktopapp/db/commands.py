"""What a person can change in a timeline, as plain values (no Qt, no SQL).

Each command is a frozen dataclass; :meth:`desktopapp.db.store.TimelineStore.execute`
validates it, writes it in one transaction, records it in the file's history and returns a
:class:`Change` whose ``inverse`` is the command that undoes it. Undo is "execute the
inverse"; the inverse of that is the redo, and keys stay the same throughout (a deleted
event comes back under its own key).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktopapp.domain.model import EventText


class CommandError(Exception):
    """A command refused, in one line for the person; the file is unchanged."""


@dataclass(frozen=True)
class QuoteInput:
    """A span of a stored source; verified on save, its prefix and suffix stored."""

    source_key: str
    start: int
    end: int
    exact: str  # must equal source_text[start:end]
    # Its translations, (language, text): shown beside it, never in its place.
    translations: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class SourceSentence:
    """A date citation taken from one of the timeline's sources."""

    quote: QuoteInput
    note: str = ""  # how the sentence gives the date, when it is not plain


@dataclass(frozen=True)
class OutsideReference:
    """A date citation from a report that is not a stored source."""

    outlet: str
    title: str
    url: str
    sentence: str
    published: str = ""  # EDTF or ""
    note: str = ""


Citation = SourceSentence | OutsideReference


@dataclass(frozen=True)
class ClaimInput:
    """What an imported entry said (plain text) and where it came from."""

    text: str
    origin: str


@dataclass(frozen=True)
class LinkInput:
    kind: str  # media, thumbnail, background
    url: str
    credit: str = ""
    caption: str = ""


# An event's title, summary and date note in a language other than its own ("fr"): the very
# record the repository hands out (Event.translations), so a translation read can be written.
EventTranslation = EventText


@dataclass(frozen=True)
class AddSource:
    text: str
    title: str
    outlet: str = ""
    url: str = ""
    language: str = ""
    published_edtf: str = ""
    published_note: str = ""
    author: str = ""
    key: str | None = None  # None: a new key is made


@dataclass(frozen=True)
class EditSource:
    """Metadata only: a source's text is fixed once stored."""

    source_key: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    published_edtf: str | None = None
    author: str | None = None
    based_on: int | None = None  # the source's version its editor started from (db/versions.py)


@dataclass(frozen=True)
class DeleteSource:
    source_key: str


@dataclass(frozen=True)
class AddActor:
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    key: str | None = None
    names: tuple[tuple[str, str], ...] = ()  # (language, name): "fr", "Vladimir Poutine"


@dataclass(frozen=True)
class EditActor:
    """Fields left None stay as they are; ``aliases`` replaces all the other names."""

    actor_key: str
    name: str | None = None
    kind: str | None = None
    aliases: tuple[str, ...] | None = None


@dataclass(frozen=True)
class DeleteActor:
    """Undoes AddActor; refused while an event names the actor."""

    actor_key: str


@dataclass(frozen=True)
class AddType:
    slug: str
    label: str


@dataclass(frozen=True)
class EditType:
    """A type's label; its slug is its key, fixed once made."""

    slug: str
    label: str


@dataclass(frozen=True)
class DeleteType:
    """Undoes AddType; refused while an event has the type."""

    slug: str


@dataclass(frozen=True)
class AddEvent:
    title: str
    type_slug: str
    date_edtf: str
    citation: Citation
    participants: tuple[tuple[str, str], ...]  # (actor_key, "acting"|"affected")
    quotes: tuple[QuoteInput, ...] = ()
    summary: str = ""
    key: str | None = None
    # An imported event: what its file said, and its links. Only an event with a claim may
    # have no quote (it is then shown as unsourced).
    claim: ClaimInput | None = None
    links: tuple[LinkInput, ...] = ()
    # The language of the title, summary and note ("" if not stated), and the event's words
    # in other languages.
    language: str = ""
    translations: tuple[EventTranslation, ...] = ()


@dataclass(frozen=True)
class EditEvent:
    """Fields left None stay as they are. A new date needs its citation."""

    event_key: str
    title: str | None = None
    summary: str | None = None
    type_slug: str | None = None
    date_edtf: str | None = None
    citation: Citation | None = None
    participants: tuple[tuple[str, str], ...] | None = None
    # The event's version its editor started from: refused if another change came since
    # (db/versions.py). None: not checked (a script's edit, an undo).
    based_on: int | None = None


@dataclass(frozen=True)
class SetEventTranslation:
    """Give an event its words in another language, or replace the ones it has."""

    event_key: str
    translation: EventTranslation


@dataclass(frozen=True)
class DeleteEventTranslation:
    """Remove an event's words in ``language`` (its own words stay)."""

    event_key: str
    language: str


@dataclass(frozen=True)
class SetActorName:
    """Name an actor in a language ("fr", "Vladimir Poutine"); an empty name removes the
    name it had in that language (its own name and aliases stay)."""

    actor_key: str
    language: str
    name: str


@dataclass(frozen=True)
class DeleteEvent:
    event_key: str
    based_on: int | None = None  # as EditEvent's


@dataclass(frozen=True)
class AddQuote:
    event_key: str
    quote: QuoteInput


@dataclass(frozen=True)
class DeleteQuote:
    event_key: str
    source_key: str
    start: int
    end: int


@dataclass(frozen=True)
class RestoreEvent:
    """An event exactly as it was stored (its row, actors and quotes), under its own key:
    the inverse of deleting or editing it. ``rows`` is None to remove the event (the
    inverse of restoring one that did not exist)."""

    event_key: str
    rows: StoredEvent | None
    text: str = "Restore event"


@dataclass(frozen=True)
class RestoreSource:
    """A source exactly as it was stored, under its own key (the inverse of deleting it)."""

    source_key: str
    row: tuple[tuple[str, Any], ...]


@dataclass(frozen=True)
class StoredEvent:
    """The stored rows of one event, as (column, value) pairs, for putting it back as it was."""

    event: tuple[tuple[str, Any], ...]
    actors: tuple[tuple[str, str], ...]  # (actor key, role)
    quotes: tuple[tuple[tuple[str, Any], ...], ...]  # quote rows, source_id as source key
    citation: tuple[tuple[str, Any], ...] | None = None  # its citations row, if any
    links: tuple[tuple[tuple[str, Any], ...], ...] = ()  # event_links rows
    texts: tuple[tuple[tuple[str, Any], ...], ...] = ()  # event_texts rows (translations)
    # The translations of its quotes: (quote position, language, text).
    quote_texts: tuple[tuple[int, str, str], ...] = ()


Command = (
    AddSource
    | EditSource
    | DeleteSource
    | AddActor
    | EditActor
    | DeleteActor
    | AddType
    | EditType
    | DeleteType
    | AddEvent
    | EditEvent
    | DeleteEvent
    | SetEventTranslation
    | DeleteEventTranslation
    | SetActorName
    | AddQuote
    | DeleteQuote
    | RestoreEvent
    | RestoreSource
)


@dataclass(frozen=True)
class Change:
    """What a command did: a text for the Edit menu, what it touched, how to undo it."""

    text: str  # "Change date of 'Apple halts all exports to Russia'"
    created_key: str | None  # the key of a new event, source or actor, if any
    events: frozenset[str]  # keys of events added, changed or removed
    sources: frozenset[str]
    inverse: Command
    actors: frozenset[str] = field(default=frozenset())  # keys of actors added, changed, removed
    types: frozenset[str] = field(default=frozenset())  # slugs of types added, changed, removed


@dataclass(frozen=True)
class HistoryEntry:
    """One recorded change of one field (or one whole add/delete), as kept in the file."""

    when: str  # UTC, ISO 8601
    author: str
    text: str  # the command's text
    field: str
    old: Any  # decoded from JSON; None where there was nothing
    new: Any
    note: str
    entity_kind: str = ""
    entity_key: str = ""
    change: int = 0
