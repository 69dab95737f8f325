"""Carrying out one command inside the store's write transaction.

Each command is first checked completely (reads only), then written; the first write of a
file not yet in WAL mode stops the work (:class:`NeedsWal`) so that the store can switch
modes outside the transaction and run it again. Every write to an event goes through
:meth:`Edit._changing_event`, which keeps the per-actor spans and the full-text index exact
(the count tables follow by triggers, see db/dialect/).
"""

from __future__ import annotations

import hashlib
import json
import uuid
from array import array
from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, text

from desktopapp.db import versions
from desktopapp.db.actor_spans import day_number, pack_days, unpack_days
from desktopapp.db.commands import (
    AddActor,
    AddEvent,
    AddQuote,
    AddSource,
    AddType,
    Change,
    Citation,
    ClaimInput,
    Command,
    CommandError,
    DeleteActor,
    DeleteEvent,
    DeleteEventTranslation,
    DeleteQuote,
    DeleteSource,
    DeleteType,
    EditActor,
    EditEvent,
    EditSource,
    EditType,
    EventTranslation,
    LinkInput,
    OutsideReference,
    QuoteInput,
    RestoreEvent,
    RestoreSource,
    SetActorName,
    SetEventTranslation,
    SourceSentence,
    StoredEvent,
)
from desktopapp.db.dialect import dialect_for
from desktopapp.db.dialect.sqlite import actor_search_text, event_document
from desktopapp.db.reading import is_language_tag
from desktopapp.db.search import fold
from desktopapp.db.translations import actor_other_names, event_translations
from desktopapp.domain import l10n
from desktopapp.domain.anchoring import selector_for
from desktopapp.domain.dates import DateError, FuzzyDate, parse_edtf, parse_iso_day
from desktopapp.domain.l10n import N_, _, ngettext
from desktopapp.domain.model import LINK_KINDS, ActorKind, Role

MAX_TITLE = 500
MAX_SUMMARY = 20_000
MAX_QUOTE = 20_000
MAX_NOTE = 5_000
MAX_FIELD = 2_000  # names, outlets, URLs, labels
MAX_SOURCE_TEXT = 20_000_000  # characters
_SLUG_PART = "abcdefghijklmnopqrstuvwxyz0123456789-"


class NeedsWal(Exception):
    """The command is valid and about to write to a file not yet in WAL mode."""


class NumberedRefusal(CommandError):
    """The refusal of the ``number``-th command of several run as one (an import): the
    number and the reason are kept, so that an importer says which entry of its file it was
    without reading them back out of the sentence (which is in the reader's language)."""

    def __init__(self, number: int, reason: CommandError) -> None:
        self.number = number
        self.reason = str(reason)
        words = _("item {number}: {error}").format(number=l10n.number(number), error=reason)
        super().__init__(words)


def numbered(number: int, error: CommandError) -> CommandError:
    """The refusal of the ``number``-th command of several run as one (an import)."""
    return NumberedRefusal(number, error)


IMPORT_BATCH = 1_000  # AddEvent commands of an import checked and written together


def batches(commands: Sequence[Command]) -> Iterator[Sequence[Command]]:
    """The commands in the order given, as runs of up to IMPORT_BATCH AddEvent commands
    (see Edit.add_events), every other command alone."""
    run: list[Command] = []
    for command in commands:
        if isinstance(command, AddEvent) and len(run) < IMPORT_BATCH:
            run.append(command)
            continue
        if run:
            yield run
        run = [command] if isinstance(command, AddEvent) else []
        if not run:
            yield (command,)
    if run:
        yield run


_KEYS_PER_QUERY = 500
_EVENTS_WITH_KEYS = text("SELECT key FROM events WHERE key IN :keys").bindparams(
    bindparam("keys", expanding=True)
)
_INSERT_EVENT = (
    "INSERT INTO events (id, key, title, summary, type_id, date_edtf, start_date, end_date, "
    "precision, approximate, uncertain, citation_id, citation_source_id, citation_start, "
    "citation_end, citation_quote, citation_note, actor_names, claim_text, claim_origin, "
    "language) "
    "VALUES (:id, :key, :title, :summary, :type_id, :date_edtf, :start_date, :end_date, "
    ":precision, :approximate, :uncertain, :citation_id, :citation_source_id, "
    ":citation_start, :citation_end, :citation_quote, :citation_note, :actor_names, "
    ":claim_text, :claim_origin, :language)"
)
_INSERT_EVENT_TEXT = (
    "INSERT INTO event_texts (event_id, language, title, summary, note) "
    "VALUES (:event_id, :language, :title, :summary, :note)"
)
_INSERT_QUOTE_TEXT = (
    "INSERT INTO quote_translations (quote_id, language, text) VALUES (:quote_id, :language, :text)"
)
_INSERT_QUOTE_TEXT_AT = (  # a quote's translation, the quote named by event and position
    "INSERT INTO quote_translations (quote_id, language, text) "
    "SELECT id, :language, :text FROM quotes WHERE event_id = :e AND position = :p"
)
_INSERT_CITATION = (
    "INSERT INTO citations (id, key, outlet, title, url, published_edtf) "
    "VALUES (:id, :key, :outlet, :title, :url, :published)"
)
_INSERT_EVENT_ACTOR = "INSERT INTO event_actors (event_id, actor_id, role) VALUES (:e, :a, :r)"
_INSERT_QUOTE = (
    'INSERT INTO quotes (event_id, source_id, position, start, "end", text, prefix, suffix) '
    "VALUES (:event_id, :source_id, :position, :start, :end, :text, :prefix, :suffix)"
)
_INSERT_LINK = (
    "INSERT INTO event_links (event_id, position, kind, url, credit, caption) "
    "VALUES (:event_id, :position, :kind, :url, :credit, :caption)"
)


def new_key(prefix: str) -> str:
    """A stable key for a new event, source or actor: it survives edits, copies, rebuilds."""
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def _short(title: str, limit: int = 60) -> str:
    return title if len(title) <= limit else title[: limit - 1] + "…"


def _events(count: int) -> str:
    """ "1 event", "3 events": the count of a refusal, in the reader's language."""
    return ngettext("{n} event", "{n} events", count).format(n=l10n.number(count))


def _not_a_kind(kind: object) -> CommandError:
    kinds = ", ".join(k.value for k in ActorKind)
    return CommandError(
        _("{kind} is not a kind of actor ({kinds})").format(kind=repr(kind), kinds=kinds)
    )


# What EditSource's refusals call each field it checks (translated when a refusal is composed).
_SOURCE_FIELDS = {
    "title": N_("the source's title"),
    "outlet": N_("the source's outlet"),
    "url": N_("the source's url"),
    "language": N_("the source's language"),
    "published_edtf": N_("the source's published date"),
    "author": N_("the source's author"),
}


@dataclass
class _EventState:
    """What the precomputed structures know of an event: to take it out and put it back."""

    type_id: int
    start_day: str  # ISO, as stored
    start: int
    end: int
    actors: frozenset[int]
    document: dict[str, object]


@dataclass(frozen=True)
class _NewEvent:
    """An AddEvent checked: the rows it writes, but for the ids they are given."""

    command: AddEvent
    key: str
    row: dict[str, Any]  # its events columns, but id, citation_id and actor_names
    report: dict[str, Any] | None  # the citations row of an outside report, but its id
    participants: list[tuple[int, str]]  # (actor id, role)
    quotes: list[dict[str, Any]]  # its quotes rows, in order, but event id and position
    links: list[dict[str, Any]]
    texts: tuple[dict[str, Any], ...] = ()  # its event_texts rows, but event id
    quote_texts: tuple[tuple[int, str, str], ...] = ()  # (quote position, language, text)

    @property
    def history(self) -> tuple[str, str, str, Any, Any]:
        return ("event", self.key, "*", None, _described(self.command, self.key))

    def change(self) -> Change:
        return Change(
            text=f"Add event '{_short(self.row['title'])}'",
            created_key=self.key,
            events=frozenset({self.key}),
            sources=frozenset(),
            inverse=DeleteEvent(self.key),
        )

    def state(self, event_id: int, actor_texts: dict[int, str]) -> _EventState:
        """What the precomputed structures are to know of it once written as ``event_id``."""
        start_day = str(self.row["start_date"])
        return _EventState(
            type_id=int(self.row["type_id"]),
            start_day=start_day,
            start=day_number(parse_iso_day(start_day)),
            end=day_number(parse_iso_day(str(self.row["end_date"]))),
            actors=frozenset(actor_texts),
            document=event_document(
                event_id,
                self.row["title"],
                self.row["summary"],
                [quote["text"] for quote in self.quotes],
                actor_texts.items(),
                [(t["language"], t["title"], t["summary"]) for t in self.texts],
            ),
        )


class Edit:
    """One command's work on one open write transaction."""

    def __init__(
        self,
        connection: Connection,
        *,
        author: str,
        wal_ready: bool,
        deferred_spans: SpanMoves | None = None,
    ) -> None:
        self.connection = connection
        self.dialect = dialect_for(connection)
        # Several commands in one transaction (an import) gather their span moves here, and
        # each (actor, type) span is rewritten once at the end (flush_spans), not per event.
        self.deferred_spans = deferred_spans
        self.author = author
        self.wal_ready = wal_ready
        self.history: list[tuple[str, str, str, Any, Any]] = []
        # What the edit touched, so that the reader refreshes only that: the types and
        # (actor, type) spans of the events changed, or everything if reference data changed.
        self.day_moves: list[tuple[int, str, int]] = []  # (type id, start day, +1 or -1)
        self.touched_spans: set[tuple[int, int]] = set()
        # (type id, start, end as yyyymmdd, +1 or -1): the events under way on a day follow.
        self.event_moves: list[tuple[int, int, int, int]] = []
        self.events_only = True
        # Types, actors and sources looked up by this edit (one command, or a batch of
        # AddEvent, which changes none of them): each read once, not once per event.
        self._known: dict[tuple[str, object], Any] = {}

    # -- entry points ----------------------------------------------------------------------

    def run(self, command: Command) -> Change:
        handler = getattr(self, "_" + type(command).__name__, None)
        if handler is None:
            raise CommandError(_("unknown command {name}").format(name=type(command).__name__))
        versions.check(self.connection, command)  # another's change since the editor's start
        self.events_only = isinstance(command, _EVENT_COMMANDS)
        change: Change = handler(command)
        return change

    def record(self, text: str, note: str) -> None:
        """Write the history rows of this edit, named ``text``, in its transaction."""
        self._write_history([(text, self.history)], note)

    def _write_history(
        self, changes: Sequence[tuple[str, Sequence[tuple[str, str, str, Any, Any]]]], note: str
    ) -> None:
        """The history rows of changes (text, rows), numbered one after another."""
        changes = [change for change in changes if change[1]]
        if not changes:
            return
        # The last row's change is the largest (rows are only appended, numbered as they
        # come): one rowid lookup, where max(change) read the whole history at every
        # command (an import of 100,000 events: 5,000 scans of a growing table).
        last = self._scalar("SELECT change FROM history ORDER BY id DESC LIMIT 1")
        at = datetime.now(UTC).isoformat(timespec="milliseconds")
        self._sql(
            "INSERT INTO history (change, at, author, command, entity_kind, entity_key, field, "
            "old_value, new_value, note) VALUES (:change, :at, "
            # On a server, the server names who it is (the logged-in role), not the client.
            f"{self.dialect.HISTORY_AUTHOR}, :command, :kind, :key, :field, :old, :new, :note)",
            [
                {
                    "change": number,
                    "at": at,
                    "author": self.author,
                    "command": text,
                    "kind": kind,
                    "key": key,
                    "field": field,
                    "old": json.dumps(old, ensure_ascii=False, default=str),
                    "new": json.dumps(new, ensure_ascii=False, default=str),
                    "note": note.strip(),
                }
                for number, (text, rows) in enumerate(changes, start=(last or 0) + 1)
                for kind, key, field, old, new in rows
            ],
        )

    # -- SQL helpers -----------------------------------------------------------------------

    def _rows(self, sql: str, values: dict[str, Any] | None = None) -> list[Any]:
        return list(self.connection.execute(text(sql), values or {}).all())

    def _scalar(self, sql: str, values: dict[str, Any] | None = None) -> Any:
        return self.connection.execute(text(sql), values or {}).scalar()

    def _sql(self, sql: str, values: dict[str, Any] | list[dict[str, Any]] | None = None) -> Any:
        """A write: the first one of a file not yet in WAL mode hands back to the store."""
        if not self.wal_ready:
            raise NeedsWal
        return self.connection.execute(text(sql), values or {})

    def _insert(self, sql: str, values: dict[str, Any]) -> int:
        """An INSERT of one row with an ``id``: the id it was given."""
        if not self.wal_ready:
            raise NeedsWal
        return self.dialect.insert_returning_id(self.connection, sql, values)

    # -- validation ------------------------------------------------------------------------

    @staticmethod
    def _text(value: str, what: str, limit: int, *, required: bool = False) -> str:
        if not isinstance(value, str):
            raise CommandError(_("{what} must be text").format(what=_(what)))
        if "\x00" in value:
            raise CommandError(_("{what} contains a NUL character").format(what=_(what)))
        value = value.strip()
        if required and not value:
            raise CommandError(_("{what} is empty; give one").format(what=_(what)))
        if len(value) > limit:
            raise CommandError(
                _("{what} is too long ({length} characters, at most {limit})").format(
                    what=_(what), length=l10n.number(len(value)), limit=l10n.number(limit)
                )
            )
        return value

    @staticmethod
    def _date(value: str, what: str = N_("the date")) -> FuzzyDate:
        try:
            return parse_edtf(value)
        except DateError as error:
            raise CommandError(_("{what}: {error}").format(what=_(what), error=error)) from None

    def _source(self, key: str) -> tuple[int, str, str]:
        """(id, text, title) of a source by key, or CommandError."""
        if ("source", key) not in self._known:
            self._known[("source", key)] = self._read_source(key)
        found: tuple[int, str, str] = self._known[("source", key)]
        return found

    def _read_source(self, key: str) -> tuple[int, str, str]:
        row = self.connection.execute(
            text("SELECT id, text, title FROM sources WHERE key = :key"), {"key": key}
        ).first()
        if row is None:
            known = [r[0] for r in self._rows("SELECT key FROM sources ORDER BY id LIMIT 10")]
            if known:
                refusal = _("no source has the key {key}; known sources: {keys}")
            else:
                refusal = _("no source has the key {key} (the timeline has none)")
            raise CommandError(refusal.format(key=repr(key), keys=", ".join(known)))
        return int(row[0]), str(row[1]), str(row[2])

    def _quote_translation(self, words: str) -> str:
        return self._text(words, N_("a quote's translation"), MAX_QUOTE, required=True)

    def _quote(self, quote: QuoteInput) -> dict[str, Any]:
        """A quote checked verbatim against its source: the row values to store."""
        source_id, source_text, _title = self._source(quote.source_key)
        exact = quote.exact
        if not isinstance(exact, str) or not exact.strip():
            raise CommandError(_("the quote is empty; select the words of the source it quotes"))
        if len(exact) > MAX_QUOTE:
            raise CommandError(
                _("the quote is too long (at most {limit} characters)").format(
                    limit=l10n.number(MAX_QUOTE)
                )
            )
        start, end = quote.start, quote.end
        if not (isinstance(start, int) and isinstance(end, int)) or not (
            0 <= start < end <= len(source_text)
        ):
            raise CommandError(
                _(
                    "the quote's offsets {start}-{end} are not a span of source {key} "
                    "({length} characters)"
                ).format(
                    start=repr(start),
                    end=repr(end),
                    key=repr(quote.source_key),
                    length=l10n.number(len(source_text)),
                )
            )
        if source_text[start:end] != exact:
            raise CommandError(
                _(
                    "the quote is not verbatim: source {key} at {start}-{end} reads {read}, "
                    "not {given}"
                ).format(
                    key=repr(quote.source_key),
                    start=start,
                    end=end,
                    read=repr(_short(source_text[start:end], 40)),
                    given=repr(_short(exact, 40)),
                )
            )
        selector = selector_for(source_text, start, end)
        return {
            "source_id": source_id,
            "start": start,
            "end": end,
            "text": exact,
            "prefix": selector.prefix,
            "suffix": selector.suffix,
        }

    def _type_id(self, slug: str) -> int:
        if ("type", slug) in self._known:
            return int(self._known[("type", slug)])
        found = self._scalar("SELECT id FROM event_types WHERE slug = :slug", {"slug": slug})
        if found is None:
            raise CommandError(
                _(
                    "no event type has the slug {slug}; add it first, or pick one of the "
                    "taxonomy (see the filter panel)"
                ).format(slug=repr(slug))
            )
        self._known[("type", slug)] = int(found)
        return int(found)

    def _actor_id(self, key: str) -> int:
        if ("actor", key) in self._known:
            return int(self._known[("actor", key)])
        found = self._scalar("SELECT id FROM actors WHERE key = :key", {"key": key})
        if found is None:
            raise CommandError(
                _("no actor has the key {key}; add the actor first").format(key=repr(key))
            )
        self._known[("actor", key)] = int(found)
        return int(found)

    def _participants(self, pairs: Sequence[tuple[str, str]]) -> list[tuple[int, str]]:
        result: list[tuple[int, str]] = []
        for key, role in pairs:
            if role not in (Role.ACTING.value, Role.AFFECTED.value):
                raise CommandError(
                    _("an actor's role is 'acting' or 'affected', not {role}").format(
                        role=repr(role)
                    )
                )
            pair = (self._actor_id(key), role)
            if pair in result:
                raise CommandError(
                    _("actor {key} is listed twice as {role}").format(key=repr(key), role=role)
                )
            result.append(pair)
        return result

    def _claim(self, claim: ClaimInput | None) -> dict[str, str]:
        if claim is None:
            return {"claim_text": "", "claim_origin": ""}
        return {
            "claim_text": self._text(claim.text, N_("the imported text"), MAX_SUMMARY),
            "claim_origin": self._text(claim.origin, N_("where the import came from"), MAX_FIELD),
        }

    def _link(self, link: LinkInput) -> dict[str, str]:
        if link.kind not in LINK_KINDS:
            raise CommandError(
                _("unknown link kind {kind} (known: {kinds})").format(
                    kind=repr(link.kind), kinds=", ".join(LINK_KINDS)
                )
            )
        return {
            "kind": link.kind,
            "url": self._text(link.url, N_("the link"), MAX_FIELD, required=True),
            "credit": self._text(link.credit, N_("the link's credit"), MAX_FIELD),
            "caption": self._text(link.caption, N_("the link's caption"), MAX_FIELD),
        }

    def _citation(self, citation: Citation | None) -> dict[str, Any]:
        """The events columns of a date's citation, checked (an outside report is stored)."""
        if citation is None:
            raise CommandError(
                _(
                    "a date needs a citation: the sentence of a source, or an outside report "
                    "(outlet, title, URL and the sentence that states the date)"
                )
            )
        if isinstance(citation, SourceSentence):
            quote = self._quote(citation.quote)
            return {
                "citation_id": None,
                "citation_source_id": quote["source_id"],
                "citation_start": quote["start"],
                "citation_end": quote["end"],
                "citation_quote": quote["text"],
                "citation_note": self._text(citation.note, N_("the citation's note"), MAX_NOTE),
            }
        if not isinstance(citation, OutsideReference):
            raise CommandError(_("a citation is a source's sentence or an outside reference"))
        sentence = self._text(citation.sentence, N_("the sentence that states the date"), MAX_QUOTE)
        if not sentence:
            raise CommandError(
                _("the citation has no sentence: give the words that state the date")
            )
        outlet = self._text(citation.outlet, N_("the citation's outlet"), MAX_FIELD)
        url = self._text(citation.url, N_("the citation's URL"), MAX_FIELD)
        if not (outlet or url):
            raise CommandError(_("the citation names no report: give its outlet or its URL"))
        published = self._text(citation.published, N_("the citation's date"), 64)
        if published:
            self._date(published, N_("the citation's publication date"))
        return {
            "citation_id": ("new", outlet, self._text(citation.title, N_("title"), MAX_FIELD), url),
            "citation_published": published,
            "citation_source_id": None,
            "citation_start": None,
            "citation_end": None,
            "citation_quote": sentence,
            "citation_note": self._text(citation.note, N_("the citation's note"), MAX_NOTE),
        }

    @staticmethod
    def _restates_citation(stored: StoredEvent, columns: dict[str, Any]) -> bool:
        """Whether checked citation columns say what the event's stored citation says.

        Restating the existing citation is a valid citation for a corrected date (the
        sentence was right, the date was misread); it is neither written again nor
        recorded in the history, since nothing about it changed."""
        values = dict(stored.event)
        pending = columns["citation_id"]
        if not isinstance(pending, tuple):
            keys = (
                "citation_source_id",
                "citation_start",
                "citation_end",
                "citation_quote",
                "citation_note",
            )
            return values["citation_id"] is None and all(columns[k] == values[k] for k in keys)
        if stored.citation is None:
            return False
        report = dict(stored.citation)
        _, outlet, title, url = pending
        return (report["outlet"], report["title"], report["url"], report["published_edtf"]) == (
            outlet,
            title,
            url,
            columns["citation_published"],
        ) and (values["citation_quote"], values["citation_note"]) == (
            columns["citation_quote"],
            columns["citation_note"],
        )

    def _store_citation(self, columns: dict[str, Any]) -> dict[str, Any]:
        """Columns ready to write: an outside report gets its citations row."""
        columns = dict(columns)
        published = columns.pop("citation_published", "")
        pending = columns["citation_id"]
        if isinstance(pending, tuple):
            _, outlet, title, url = pending
            columns["citation_id"] = self._insert(
                "INSERT INTO citations (key, outlet, title, url, published_edtf) "
                "VALUES (:key, :outlet, :title, :url, :published)",
                {
                    "key": new_key("ci"),
                    "outlet": outlet,
                    "title": title,
                    "url": url,
                    "published": published,
                },
            )
        return columns

    def _event_id(self, key: str) -> tuple[int, str]:
        row = self.connection.execute(
            text("SELECT id, title FROM events WHERE key = :key"), {"key": key}
        ).first()
        if row is None:
            raise CommandError(_("no event has the key {key}").format(key=repr(key)))
        return int(row[0]), str(row[1])

    def _fresh_key(self, table: str, key: str | None, prefix: str) -> str:
        if key is None:
            return new_key(prefix)
        key = self._text(key, N_("the key"), 128, required=True)
        if self._scalar(f"SELECT 1 FROM {table} WHERE key = :key", {"key": key}):
            raise CommandError(
                _("the key {key} is already used in this timeline").format(key=repr(key))
            )
        return key

    # -- precomputed structures ------------------------------------------------------------

    def _naming_event_states(self, actor_id: int) -> dict[int, _EventState | None]:
        """The state of every event naming the actor, before its names change: what the search
        index and the list's names of those events are moved from."""
        rows = self._rows(
            "SELECT DISTINCT event_id FROM event_actors WHERE actor_id = :a", {"a": actor_id}
        )
        return {row[0]: self._state(row[0]) for row in rows}

    def _state(self, event_id: int) -> _EventState | None:
        row = self.connection.execute(
            text("SELECT type_id, start_date, end_date, title, summary FROM events WHERE id = :id"),
            {"id": event_id},
        ).first()
        if row is None:
            return None
        actors = [
            r[0]
            for r in self._rows(
                "SELECT DISTINCT actor_id FROM event_actors WHERE event_id = :id", {"id": event_id}
            )
        ]
        quotes = [
            r[0]
            for r in self._rows(
                "SELECT text FROM quotes WHERE event_id = :id ORDER BY position, id",
                {"id": event_id},
            )
        ]
        return _EventState(
            type_id=int(row[0]),
            start_day=str(row[1]),
            start=day_number(parse_iso_day(row[1])),
            end=day_number(parse_iso_day(row[2])),
            actors=frozenset(actors),
            document=event_document(
                event_id,
                row[3],
                row[4],
                quotes,
                self._actor_texts(actors).items(),
                event_translations(self.connection, [event_id]).get(event_id, ()),
            ),
        )

    def _actor_texts(self, actor_ids: Sequence[int]) -> dict[int, str]:
        if not actor_ids:
            return {}
        names: dict[int, str] = {}
        marks = ", ".join(str(int(i)) for i in actor_ids)
        for actor_id, name in self._rows(f"SELECT id, name FROM actors WHERE id IN ({marks})"):
            names[actor_id] = name
        aliases = actor_other_names(self.connection, actor_ids)  # every language's names
        return {i: actor_search_text(names[i], aliases.get(i, ())) for i in names}

    @contextmanager
    def _changing_event(self, event_id: int | None) -> Iterator[list[int]]:
        """Around any write to one event: its old state is taken out of the spans and the
        search index, its new one (if it still exists) put in. Yields a list to which the
        caller appends the id of an event it creates."""
        before = self._state(event_id) if event_id is not None else None
        ids = [event_id] if event_id is not None else []
        yield ids
        after = self._state(ids[-1]) if ids else None
        if before is not None:
            self.dialect.unindex_event_text(self.connection, before.document)
        if after is not None:
            self.dialect.index_event_text(self.connection, [after.document])
        self._move_spans(before, after)

    def _move_spans(self, before: _EventState | None, after: _EventState | None) -> None:
        changes: dict[tuple[int, int], list[tuple[int, int, int]]] = {}
        for state, sign in ((before, -1), (after, +1)):
            if state is None:
                continue
            self.day_moves.append((state.type_id, state.start_day, sign))
            self.event_moves.append((state.type_id, state.start, state.end, sign))
            self.touched_spans.update((actor_id, state.type_id) for actor_id in state.actors)
            for actor_id in state.actors:
                changes.setdefault((actor_id, state.type_id), []).append(
                    (sign, state.start, state.end)
                )
        if self.deferred_spans is not None:
            for span, moves in changes.items():
                self.deferred_spans.setdefault(span, []).extend(moves)
            return
        for (actor_id, type_id), moves in changes.items():
            self._update_span(actor_id, type_id, moves)

    def flush_spans(self, moves: SpanMoves) -> None:
        """Write the span moves that commands run with ``deferred_spans`` gathered."""
        for (actor_id, type_id), span_moves in moves.items():
            self._update_span(actor_id, type_id, span_moves)
        moves.clear()

    def _update_span(self, actor_id: int, type_id: int, moves: list[tuple[int, int, int]]) -> None:
        row = self.connection.execute(
            text("SELECT starts, ends FROM actor_spans WHERE actor_id = :a AND type_id = :t"),
            {"a": actor_id, "t": type_id},
        ).first()
        starts = unpack_days(row[0]) if row else array("i")
        ends = unpack_days(row[1]) if row else array("i")
        if len(moves) > _FEW_MOVES:
            starts, ends = _moved_in_bulk(starts, ends, moves)
        else:
            _moved_in_place(starts, ends, moves)
        if not starts:
            self._sql(
                "DELETE FROM actor_spans WHERE actor_id = :a AND type_id = :t",
                {"a": actor_id, "t": type_id},
            )
            return
        self._sql(
            "INSERT INTO actor_spans (actor_id, type_id, starts, ends) VALUES (:a, :t, :s, :e) "
            "ON CONFLICT (actor_id, type_id) DO UPDATE SET starts = :s, ends = :e",
            {"a": actor_id, "t": type_id, "s": pack_days(starts), "e": pack_days(ends)},
        )

    def _refresh_actor_names(self, event_id: int) -> None:
        """The denormalised "Apple, Russia" of the list: acting actors first, each once."""
        names = [
            r[0]
            for r in self._rows(
                "SELECT a.name FROM event_actors ea JOIN actors a ON a.id = ea.actor_id "
                "WHERE ea.event_id = :id ORDER BY ea.role, ea.actor_id",
                {"id": event_id},
            )
        ]
        self._sql(
            "UPDATE events SET actor_names = :names WHERE id = :id",
            {"names": ", ".join(dict.fromkeys(names)), "id": event_id},
        )

    # -- reading an event back whole (for the inverse of a delete or an edit) --------------

    def _stored_event(self, event_id: int) -> StoredEvent:
        event = (
            self.connection.execute(text("SELECT * FROM events WHERE id = :id"), {"id": event_id})
            .mappings()
            .one()
        )
        actors = tuple(
            (r[0], r[1])
            for r in self._rows(
                "SELECT a.key, ea.role FROM event_actors ea JOIN actors a ON a.id = ea.actor_id "
                "WHERE ea.event_id = :id ORDER BY ea.role, ea.actor_id",
                {"id": event_id},
            )
        )
        quotes = tuple(
            tuple(dict(r).items())
            for r in self.connection.execute(
                text(
                    'SELECT s.key AS source_key, q.position, q.start, q."end", q.text, q.prefix, '
                    "q.suffix FROM quotes q JOIN sources s ON s.id = q.source_id "
                    "WHERE q.event_id = :id ORDER BY q.position, q.id"
                ),
                {"id": event_id},
            ).mappings()
        )
        citation = None
        if event["citation_id"] is not None:
            found = (
                self.connection.execute(
                    text("SELECT * FROM citations WHERE id = :id"), {"id": event["citation_id"]}
                )
                .mappings()
                .first()
            )
            citation = tuple(dict(found).items()) if found else None
        source_key = None
        if event["citation_source_id"] is not None:
            source_key = self._scalar(
                "SELECT key FROM sources WHERE id = :id", {"id": event["citation_source_id"]}
            )
        values = dict(event)
        values["citation_source_key"] = source_key
        links = tuple(
            tuple(dict(r).items())
            for r in self.connection.execute(
                text(
                    "SELECT position, kind, url, credit, caption FROM event_links "
                    "WHERE event_id = :id ORDER BY position"
                ),
                {"id": event_id},
            ).mappings()
        )
        texts = tuple(
            tuple(dict(r).items())
            for r in self.connection.execute(
                text(
                    "SELECT language, title, summary, note FROM event_texts "
                    "WHERE event_id = :id ORDER BY language"
                ),
                {"id": event_id},
            ).mappings()
        )
        quote_texts = tuple(
            (int(position), str(language), str(words))
            for position, language, words in self._rows(
                "SELECT q.position, t.language, t.text FROM quote_translations t "
                "JOIN quotes q ON q.id = t.quote_id WHERE q.event_id = :id "
                "ORDER BY q.position, t.language",
                {"id": event_id},
            )
        )
        return StoredEvent(
            tuple(values.items()), actors, quotes, citation, links, texts, quote_texts
        )

    def _write_stored_event(self, stored: StoredEvent) -> int:
        """Put an event back as it was stored, under its key (and its id if still free)."""
        values = dict(stored.event)
        source_key = values.pop("citation_source_key", None)
        values["citation_source_id"] = self._source(source_key)[0] if source_key else None
        if self._scalar("SELECT 1 FROM events WHERE id = :id", {"id": values["id"]}):
            values.pop("id")
        if stored.citation is not None:
            citation = dict(stored.citation)
            existing = self._scalar(
                "SELECT id FROM citations WHERE key = :key", {"key": citation["key"]}
            )
            if existing is None:
                citation.pop("id", None)
                existing = self._insert(
                    f"INSERT INTO citations ({', '.join(citation)}) "
                    f"VALUES ({', '.join(':' + c for c in citation)})",
                    citation,
                )
            values["citation_id"] = existing
        columns = ", ".join(f'"{c}"' for c in values)
        event_id = self._insert(
            f"INSERT INTO events ({columns}) VALUES ({', '.join(':' + c for c in values)})", values
        )
        if "id" in values:
            self.dialect.ids_set_explicitly(self.connection, "events")
        for key, role in stored.actors:
            self._sql(_INSERT_EVENT_ACTOR, {"e": event_id, "a": self._actor_id(key), "r": role})
        for quote in stored.quotes:
            row = dict(quote)
            row["source_id"] = self._source(row.pop("source_key"))[0]
            row["event_id"] = event_id
            self._sql(_INSERT_QUOTE, row)
        for link in stored.links:
            self._write_link(event_id, int(dict(link)["position"]), dict(link))
        for translation in stored.texts:
            self._sql(_INSERT_EVENT_TEXT, {"event_id": event_id, **dict(translation)})
        for position, language, words in stored.quote_texts:
            self._sql(
                "INSERT INTO quote_translations (quote_id, language, text) "
                "SELECT id, :language, :text FROM quotes WHERE event_id = :e AND position = :p",
                {"language": language, "text": words, "e": event_id, "p": position},
            )
        return event_id

    def _remove_event_rows(self, event_id: int) -> None:
        self._sql("DELETE FROM event_texts WHERE event_id = :id", {"id": event_id})
        self._sql(
            "DELETE FROM quote_translations WHERE quote_id IN "
            "(SELECT id FROM quotes WHERE event_id = :id)",
            {"id": event_id},
        )
        self._sql("DELETE FROM event_links WHERE event_id = :id", {"id": event_id})
        self._sql("DELETE FROM quotes WHERE event_id = :id", {"id": event_id})
        self._sql("DELETE FROM event_actors WHERE event_id = :id", {"id": event_id})
        self._sql("DELETE FROM events WHERE id = :id", {"id": event_id})

    # -- events ----------------------------------------------------------------------------

    def _AddEvent(self, command: AddEvent) -> Change:
        new = self._checked_event(command, self._used_event_keys([command.key]))
        self._write_new_events([new])
        self.history.append(new.history)
        return new.change()

    def add_events(
        self, commands: Sequence[AddEvent], *, first_number: int, recorded_as: str, note: str
    ) -> list[Change]:
        """Many AddEvent commands of one transaction (an import), as ``run`` and ``record``
        would carry them out one by one: each checked in order (the first refused raises,
        numbered ``item N`` from ``first_number``), each its own change in the history; but
        the rows of all are written with one statement per table, and the types, actors
        and sources they name are read once."""
        taken = self._used_event_keys([command.key for command in commands])
        checked = []
        for number, command in enumerate(commands, start=first_number):
            try:
                checked.append(self._checked_event(command, taken))
            except CommandError as error:
                raise numbered(number, error) from None
        self._write_new_events(checked)
        changes = [new.change() for new in checked]
        named = zip(checked, changes, strict=True)
        self._write_history([(recorded_as or c.text, [new.history]) for new, c in named], note)
        return changes

    def _checked_event(self, command: AddEvent, taken: set[str]) -> _NewEvent:
        """Every check of an AddEvent, in the order the person is told of them; ``taken``
        holds the event keys in use (the timeline's, and those of the events checked
        before it in this transaction), and gets this one's."""
        title = self._text(command.title, N_("the title"), MAX_TITLE, required=True)
        summary = self._text(command.summary, N_("the summary"), MAX_SUMMARY)
        type_id = self._type_id(command.type_slug)
        date = self._date(command.date_edtf)
        citation = self._citation(command.citation)
        participants = self._participants(command.participants)
        claim = self._claim(command.claim)
        links = [self._link(link) for link in command.links]
        if not command.quotes and command.claim is None:
            raise CommandError(
                _("an event needs a quote: select the passage of a source it is from")
            )
        quotes = [self._quote(q) for q in command.quotes]
        quote_texts = tuple(
            (position, self._language(tag), self._quote_translation(words))
            for position, quote in enumerate(command.quotes)
            for tag, words in quote.translations
        )
        language = self._language(command.language, allow_empty=True)
        texts = self._translations(command.translations, language)
        key = self._new_event_key(command.key, taken)
        published = citation.pop("citation_published", "")
        pending = citation.pop("citation_id")
        report = None
        if isinstance(pending, tuple):
            _new, outlet, report_title, url = pending
            report = {
                "key": new_key("ci"),
                "outlet": outlet,
                "title": report_title,
                "url": url,
                "published": published,
            }
        row = {
            "key": key,
            "title": title,
            "summary": summary,
            "type_id": type_id,
            **_date_columns(date),
            **citation,
            **claim,
            "language": language,
        }
        return _NewEvent(command, key, row, report, participants, quotes, links, texts, quote_texts)

    def _new_event_key(self, key: str | None, taken: set[str]) -> str:
        if key is None:
            return new_key("ev")
        key = self._text(key, N_("the key"), 128, required=True)
        if key in taken:
            raise CommandError(
                _("the key {key} is already used in this timeline").format(key=repr(key))
            )
        taken.add(key)
        return key

    def _used_event_keys(self, keys: Sequence[str | None]) -> set[str]:
        """Those of ``keys`` that events of the timeline have (asked a page at a time:
        SQLite takes a bounded number of parameters in one statement)."""
        wanted = sorted({key.strip() for key in keys if isinstance(key, str)})
        used: set[str] = set()
        for first in range(0, len(wanted), _KEYS_PER_QUERY):
            page = wanted[first : first + _KEYS_PER_QUERY]
            used.update(self.connection.execute(_EVENTS_WITH_KEYS, {"keys": page}).scalars())
        return used

    def _write_new_events(self, events: Sequence[_NewEvent]) -> None:
        """The rows of checked new events, one statement per table, with their search
        documents and span moves (made from what is written, not read back)."""
        if not events:
            return
        if not self.wal_ready:
            raise NeedsWal
        reports = [new.report for new in events if new.report is not None]
        report_ids = iter(self._next_ids("citations", len(reports)))
        event_ids = self._next_ids("events", len(events))
        actors = self._actor_rows({a for new in events for a, _ in new.participants})
        rows: list[dict[str, Any]] = []
        report_rows: list[dict[str, Any]] = []
        participants: list[dict[str, Any]] = []
        quotes: list[dict[str, Any]] = []
        links: list[dict[str, Any]] = []
        texts: list[dict[str, Any]] = []
        quote_texts: list[dict[str, Any]] = []
        states: list[_EventState] = []
        for new, event_id in zip(events, event_ids, strict=True):
            citation_id = None
            if new.report is not None:
                citation_id = next(report_ids)
                report_rows.append({"id": citation_id, **new.report})
            # The list's "Apple, Russia": acting actors first, each once (as
            # _refresh_actor_names orders them).
            names = (actors[a][0] for a, _ in sorted(new.participants, key=lambda p: (p[1], p[0])))
            rows.append(
                {
                    **new.row,
                    "id": event_id,
                    "citation_id": citation_id,
                    "actor_names": ", ".join(dict.fromkeys(names)),
                }
            )
            participants.extend({"e": event_id, "a": a, "r": r} for a, r in new.participants)
            quotes.extend(
                {"event_id": event_id, "position": n, **q} for n, q in enumerate(new.quotes)
            )
            links.extend(
                {"event_id": event_id, "position": n, **link} for n, link in enumerate(new.links)
            )
            texts.extend({"event_id": event_id, **text} for text in new.texts)
            quote_texts.extend(
                {"e": event_id, "p": position, "language": tag, "text": words}
                for position, tag, words in new.quote_texts
            )
            states.append(new.state(event_id, {a: actors[a][1] for a, _ in new.participants}))
        for sql, values in (
            (_INSERT_CITATION, report_rows),
            (_INSERT_EVENT, rows),
            (_INSERT_EVENT_ACTOR, participants),
            (_INSERT_QUOTE, quotes),
            (_INSERT_LINK, links),
            (_INSERT_EVENT_TEXT, texts),
            (_INSERT_QUOTE_TEXT_AT, quote_texts),
        ):
            if values:
                self._sql(sql, values)
        if report_rows:
            self.dialect.ids_set_explicitly(self.connection, "citations")
        self.dialect.ids_set_explicitly(self.connection, "events")
        self.dialect.index_event_text(self.connection, [state.document for state in states])
        for state in states:
            self._move_spans(None, state)

    def _next_ids(self, table: str, count: int) -> range:
        """Ids for ``count`` new rows of ``table``, given here so that many rows go in one
        statement (the store holds the write lock: no other writer takes them meanwhile);
        on a server, ``ids_set_explicitly`` then moves the table's sequence past them."""
        if not count:
            return range(0)
        first = int(self._scalar(f"SELECT coalesce(max(id), 0) FROM {table}")) + 1
        return range(first, first + count)

    def _actor_rows(self, actor_ids: set[int]) -> dict[int, tuple[str, str]]:
        """(name, searched text) of actors by id, read once per command or import batch."""
        missing = sorted(a for a in actor_ids if ("actor row", a) not in self._known)
        if missing:
            texts = self._actor_texts(missing)
            marks = ", ".join(str(int(a)) for a in missing)
            for actor_id, name in self._rows(f"SELECT id, name FROM actors WHERE id IN ({marks})"):
                self._known[("actor row", actor_id)] = (name, texts[actor_id])
        return {a: self._known[("actor row", a)] for a in actor_ids}

    def _write_participants(self, event_id: int, participants: list[tuple[int, str]]) -> None:
        for actor_id, role in participants:
            self._sql(_INSERT_EVENT_ACTOR, {"e": event_id, "a": actor_id, "r": role})
        self._refresh_actor_names(event_id)

    def _write_link(self, event_id: int, position: int, link: dict[str, Any]) -> None:
        self._sql(_INSERT_LINK, {"event_id": event_id, "position": position, **link})

    def _write_quote(self, event_id: int, position: int, quote: dict[str, Any]) -> None:
        self._sql(_INSERT_QUOTE, {"event_id": event_id, "position": position, **quote})

    def _EditEvent(self, command: EditEvent) -> Change:
        event_id, old_title = self._event_id(command.event_key)
        old = self._stored_event(event_id)
        values = dict(old.event)
        updates: dict[str, Any] = {}
        fields: list[tuple[str, Any, Any]] = []
        if command.title is not None:
            title = self._text(command.title, N_("the title"), MAX_TITLE, required=True)
            if title != values["title"]:
                updates["title"] = title
                fields.append(("title", values["title"], title))
        if command.summary is not None:
            summary = self._text(command.summary, N_("the summary"), MAX_SUMMARY)
            if summary != values["summary"]:
                updates["summary"] = summary
                fields.append(("summary", values["summary"], summary))
        if command.type_slug is not None:
            type_id = self._type_id(command.type_slug)
            if type_id != values["type_id"]:
                updates["type_id"] = type_id
                old_slug = self._scalar(
                    "SELECT slug FROM event_types WHERE id = :id", {"id": values["type_id"]}
                )
                fields.append(("type", old_slug, command.type_slug))
        citation_columns = None
        if command.date_edtf is not None:
            date = self._date(command.date_edtf)
            if date.edtf() != values["date_edtf"]:
                if command.citation is None:
                    raise CommandError(
                        _(
                            "a new date needs its citation: the sentence that states it, from a "
                            "source or an outside report (restating its current citation will do)"
                        )
                    )
                updates.update(_date_columns(date))
                fields.append(("date", values["date_edtf"], date.edtf()))
        if command.citation is not None:
            citation_columns = self._citation(command.citation)
            if self._restates_citation(old, citation_columns):
                citation_columns = None  # the date stays cited by what already cites it
            else:
                fields.append(
                    ("date citation", values["citation_quote"], citation_columns["citation_quote"])
                )
        participants = None
        if command.participants is not None:
            participants = self._participants(command.participants)
            old_pairs = [list(pair) for pair in old.actors]
            new_pairs = [list(pair) for pair in command.participants]
            if sorted(old_pairs) != sorted(new_pairs):
                fields.append(("actors", old_pairs, new_pairs))
            else:
                participants = None
        if not fields:
            raise CommandError(_("nothing to change: the event already reads so"))
        with self._changing_event(event_id):
            if citation_columns is not None:
                updates.update(self._store_citation(citation_columns))
            if updates:
                assignments = ", ".join(f'"{c}" = :{c}' for c in updates)
                self._sql(
                    f"UPDATE events SET {assignments} WHERE id = :id", {**updates, "id": event_id}
                )
            if participants is not None:
                self._sql("DELETE FROM event_actors WHERE event_id = :id", {"id": event_id})
                self._write_participants(event_id, participants)
        for name, before, after in fields:
            self.history.append(("event", command.event_key, name, before, after))
        title = updates.get("title", old_title)
        change_text = _edit_text([name for name, _, _ in fields], title)
        return Change(
            text=change_text,
            created_key=None,
            events=frozenset({command.event_key}),
            sources=frozenset(),
            inverse=RestoreEvent(command.event_key, old, text=f"Undo: {change_text}"),
        )

    def _DeleteEvent(self, command: DeleteEvent) -> Change:
        event_id, title = self._event_id(command.event_key)
        old = self._stored_event(event_id)
        with self._changing_event(event_id):
            self._remove_event_rows(event_id)
        self.history.append(("event", command.event_key, "*", _summary(old), None))
        return Change(
            text=f"Delete event '{_short(title)}'",
            created_key=None,
            events=frozenset({command.event_key}),
            sources=frozenset(),
            inverse=RestoreEvent(command.event_key, old, text=f"Restore event '{_short(title)}'"),
        )

    def _RestoreEvent(self, command: RestoreEvent) -> Change:
        existing = self._scalar(
            "SELECT id FROM events WHERE key = :key", {"key": command.event_key}
        )
        before = self._stored_event(int(existing)) if existing is not None else None
        if command.rows is not None:  # check what it names still exists, before writing
            for key, _role in command.rows.actors:
                self._actor_id(key)
            for quote in command.rows.quotes:
                self._source(dict(quote)["source_key"])
        with self._changing_event(int(existing) if existing is not None else None) as ids:
            if existing is not None:
                self._remove_event_rows(int(existing))
            if command.rows is not None:
                ids.append(self._write_stored_event(command.rows))
            elif ids:
                ids.clear()
        self.history.append(
            (
                "event",
                command.event_key,
                "*",
                _summary(before) if before else None,
                _summary(command.rows) if command.rows else None,
            )
        )
        inverse = RestoreEvent(command.event_key, before, text=command.text)
        return Change(
            text=command.text,
            created_key=None,
            events=frozenset({command.event_key}),
            sources=frozenset(),
            inverse=inverse,
        )

    def _AddQuote(self, command: AddQuote) -> Change:
        event_id, title = self._event_id(command.event_key)
        quote = self._quote(command.quote)
        duplicate = self._scalar(
            "SELECT 1 FROM quotes WHERE event_id = :e AND source_id = :s AND start = :a "
            'AND "end" = :b',
            {"e": event_id, "s": quote["source_id"], "a": quote["start"], "b": quote["end"]},
        )
        if duplicate:
            raise CommandError(_("the event already quotes this passage"))
        position = self._scalar(
            "SELECT coalesce(max(position), -1) + 1 FROM quotes WHERE event_id = :e",
            {"e": event_id},
        )
        with self._changing_event(event_id):
            self._write_quote(event_id, int(position), quote)
        q = command.quote
        self.history.append(
            (
                "event",
                command.event_key,
                "quote",
                None,
                {"source": q.source_key, "start": q.start, "end": q.end, "text": q.exact},
            )
        )
        return Change(
            text=f"Add quote to '{_short(title)}'",
            created_key=None,
            events=frozenset({command.event_key}),
            sources=frozenset({q.source_key}),
            inverse=DeleteQuote(command.event_key, q.source_key, q.start, q.end),
        )

    def _DeleteQuote(self, command: DeleteQuote) -> Change:
        event_id, title = self._event_id(command.event_key)
        source_id, _text, _title = self._source(command.source_key)
        row = self.connection.execute(
            text(
                "SELECT id, text FROM quotes WHERE event_id = :e AND source_id = :s AND start = :a "
                'AND "end" = :b'
            ),
            {"e": event_id, "s": source_id, "a": command.start, "b": command.end},
        ).first()
        if row is None:
            raise CommandError(
                _("the event does not quote {key} at {start}-{end}").format(
                    key=repr(command.source_key), start=command.start, end=command.end
                )
            )
        only = self._scalar("SELECT count(*) FROM quotes WHERE event_id = :e", {"e": event_id}) <= 1
        # An imported event (it has a claim) may go back to unsourced, as AddEvent allows it
        # to be: undoing the quote a person attached to it must work.
        imported = "SELECT claim_text != '' OR claim_origin != '' FROM events WHERE id = :e"
        if only and not self._scalar(imported, {"e": event_id}):
            raise CommandError(
                _(
                    "this is the event's only quote; an event keeps at least one "
                    "(delete the event instead)"
                )
            )
        with self._changing_event(event_id):
            self._sql("DELETE FROM quote_translations WHERE quote_id = :id", {"id": row[0]})
            self._sql("DELETE FROM quotes WHERE id = :id", {"id": row[0]})
        self.history.append(
            (
                "event",
                command.event_key,
                "quote",
                {
                    "source": command.source_key,
                    "start": command.start,
                    "end": command.end,
                    "text": row[1],
                },
                None,
            )
        )
        return Change(
            text=f"Remove quote from '{_short(title)}'",
            created_key=None,
            events=frozenset({command.event_key}),
            sources=frozenset({command.source_key}),
            inverse=AddQuote(
                command.event_key,
                QuoteInput(command.source_key, command.start, command.end, row[1]),
            ),
        )

    # -- translations ----------------------------------------------------------------------

    def _language(self, value: str, *, allow_empty: bool = False) -> str:
        """A language tag checked ("fr", "pt-BR"); "" only where not stating one is allowed."""
        if not isinstance(value, str):
            raise CommandError(_("the language must be text"))
        value = value.strip()
        if not value and allow_empty:
            return ""
        if not is_language_tag(value):
            raise CommandError(
                _("{value} is not a language tag; give a code such as 'fr' or 'en'").format(
                    value=repr(value)
                )
            )
        return value

    def _translation(self, translation: EventTranslation, own_language: str) -> dict[str, Any]:
        """An event's words in another language, checked: the event_texts row but its id."""
        language = self._language(translation.language)
        if language == own_language:
            raise CommandError(
                _("the event's own words are in {language}: edit them, not a translation").format(
                    language=repr(language)
                )
            )
        return {
            "language": language,
            "title": self._text(
                translation.title, "the translated title", MAX_TITLE, required=True
            ),
            "summary": self._text(translation.summary, "the translated summary", MAX_SUMMARY),
            "note": self._text(translation.note, "the translated note", MAX_NOTE),
        }

    def _translations(
        self, translations: Sequence[EventTranslation], own_language: str
    ) -> tuple[dict[str, Any], ...]:
        """A new event's translations, checked: one per language."""
        rows = tuple(self._translation(t, own_language) for t in translations)
        if len({row["language"] for row in rows}) < len(rows):
            raise CommandError(_("two translations of the event are in the same language"))
        return rows

    def _stored_translation(self, event_id: int, language: str) -> EventTranslation | None:
        row = self.connection.execute(
            text(
                "SELECT title, summary, note FROM event_texts WHERE event_id = :e AND language = :l"
            ),
            {"e": event_id, "l": language},
        ).first()
        return None if row is None else EventTranslation(language, row[0], row[1], row[2])

    def _SetEventTranslation(self, command: SetEventTranslation) -> Change:
        event_id, title = self._event_id(command.event_key)
        own_language = self._scalar("SELECT language FROM events WHERE id = :e", {"e": event_id})
        row = self._translation(command.translation, str(own_language or ""))
        old = self._stored_translation(event_id, row["language"])
        new = EventTranslation(**row)
        if old == new:
            raise CommandError(_("nothing to change: the translation already reads so"))
        with self._changing_event(event_id):
            self._sql(
                "DELETE FROM event_texts WHERE event_id = :e AND language = :l",
                {"e": event_id, "l": row["language"]},
            )
            self._sql(_INSERT_EVENT_TEXT, {"event_id": event_id, **row})
        for field in ("title", "summary", "note"):
            before = getattr(old, field) if old else None
            if before != row[field]:
                self.history.append(
                    ("event", command.event_key, f"{field}@{row['language']}", before, row[field])
                )
        return Change(
            text=_("Translate '{title}' ({language})").format(
                title=_short(title), language=row["language"]
            ),
            created_key=None,
            events=frozenset({command.event_key}),
            sources=frozenset(),
            inverse=(
                SetEventTranslation(command.event_key, old)
                if old
                else DeleteEventTranslation(command.event_key, row["language"])
            ),
        )

    def _DeleteEventTranslation(self, command: DeleteEventTranslation) -> Change:
        event_id, title = self._event_id(command.event_key)
        language = self._language(command.language)
        old = self._stored_translation(event_id, language)
        if old is None:
            raise CommandError(
                _("the event has no translation in {language}").format(language=repr(language))
            )
        with self._changing_event(event_id):
            self._sql(
                "DELETE FROM event_texts WHERE event_id = :e AND language = :l",
                {"e": event_id, "l": language},
            )
        for field in ("title", "summary", "note"):
            self.history.append(
                ("event", command.event_key, f"{field}@{language}", getattr(old, field), None)
            )
        return Change(
            text=_("Remove the translation of '{title}' ({language})").format(
                title=_short(title), language=language
            ),
            created_key=None,
            events=frozenset({command.event_key}),
            sources=frozenset(),
            inverse=SetEventTranslation(command.event_key, old),
        )

    def _SetActorName(self, command: SetActorName) -> Change:
        actor_id = self._actor_id(command.actor_key)
        language = self._language(command.language)
        name = self._text(command.name, "the actor's name", MAX_FIELD)
        own = str(self._scalar("SELECT name FROM actors WHERE id = :a", {"a": actor_id}))
        old = self._scalar(
            "SELECT name FROM actor_names WHERE actor_id = :a AND language = :l AND NOT is_alias",
            {"a": actor_id, "l": language},
        )
        if (old or "") == name or (old is None and name == own):
            raise CommandError(_("nothing to change: the actor already has this name"))
        if name:
            self._refuse_taken_names(name, (), actor_id=actor_id)
            if self._scalar(
                "SELECT 1 FROM actor_names WHERE actor_id = :a AND name = :n",
                {"a": actor_id, "n": name},
            ):
                raise CommandError(
                    _("{name} is already one of this actor's names").format(name=repr(name))
                )
        states = self._naming_event_states(actor_id)
        self._sql(
            "DELETE FROM actor_names WHERE actor_id = :a AND language = :l AND NOT is_alias",
            {"a": actor_id, "l": language},
        )
        if name:
            self._sql(
                "INSERT INTO actor_names (actor_id, name, folded, is_alias, language) "
                "VALUES (:a, :n, :f, false, :l)",
                {"a": actor_id, "n": name, "f": fold(name), "l": language},
            )
        self._reindex(states)
        self.history.append(("actor", command.actor_key, f"name@{language}", old, name or None))
        return Change(
            text=_("Name '{name}' in {language}").format(name=_short(own), language=language),
            created_key=None,
            events=self._event_keys_of_actor(actor_id),
            sources=frozenset(),
            inverse=SetActorName(command.actor_key, language, old or ""),
            actors=frozenset({command.actor_key}),
        )

    def _reindex(self, states: dict[int, _EventState | None]) -> None:
        """Index these events again after their actors' names changed (``states``: what was
        indexed for each before)."""
        for event_id, old_state in states.items():
            new_state = self._state(event_id)
            if old_state is not None and new_state is not None:
                self.dialect.unindex_event_text(self.connection, old_state.document)
                self.dialect.index_event_text(self.connection, [new_state.document])

    def _event_keys_of_actor(self, actor_id: int) -> frozenset[str]:
        return frozenset(
            r[0]
            for r in self._rows(
                "SELECT e.key FROM events e JOIN event_actors ea ON ea.event_id = e.id "
                "WHERE ea.actor_id = :a",
                {"a": actor_id},
            )
        )

    # -- sources ---------------------------------------------------------------------------

    def _AddSource(self, command: AddSource) -> Change:
        if not isinstance(command.text, str) or not command.text.strip():
            raise CommandError(_("the source has no text"))
        if "\x00" in command.text:
            raise CommandError(_("the source's text contains a NUL character"))
        if len(command.text) > MAX_SOURCE_TEXT:
            raise CommandError(
                _("the source's text is too long (at most {limit} characters)").format(
                    limit=l10n.number(MAX_SOURCE_TEXT)
                )
            )
        values = {
            "title": self._text(command.title, N_("the source's title"), MAX_TITLE, required=True),
            "outlet": self._text(command.outlet, N_("the outlet"), MAX_FIELD),
            "url": self._text(command.url, N_("the URL"), MAX_FIELD),
            "language": self._text(command.language, N_("the language"), 16),
            "published_edtf": self._text(command.published_edtf, N_("the publication date"), 64),
            "published_note": self._text(
                command.published_note, N_("the publication note"), MAX_NOTE
            ),
            "author": self._text(command.author, N_("the author"), MAX_FIELD),
        }
        if values["published_edtf"]:
            self._date(values["published_edtf"], N_("the publication date"))
        key = self._fresh_key("sources", command.key, "src")
        # The text is stored exactly as given (offsets count its code points), with its digest.
        digest = hashlib.sha256(command.text.encode("utf-8")).hexdigest()
        self._insert(
            "INSERT INTO sources (key, title, outlet, language, url, published_edtf, "
            "published_note, author, text, sha256) VALUES (:key, :title, :outlet, :language, "
            ":url, :published_edtf, :published_note, :author, :text, :sha256)",
            {"key": key, **values, "text": command.text, "sha256": digest},
        )
        self.history.append(("source", key, "*", None, {**values, "sha256": digest}))
        return Change(
            text=f"Add source '{_short(values['title'])}'",
            created_key=key,
            events=frozenset(),
            sources=frozenset({key}),
            inverse=DeleteSource(key),
        )

    def _EditSource(self, command: EditSource) -> Change:
        row = (
            self.connection.execute(
                text("SELECT * FROM sources WHERE key = :key"), {"key": command.source_key}
            )
            .mappings()
            .first()
        )
        if row is None:
            self._source(command.source_key)  # raises, naming the known ones
            raise AssertionError
        limits = {
            "title": MAX_TITLE,
            "outlet": MAX_FIELD,
            "url": MAX_FIELD,
            "language": 16,
            "published_edtf": 64,
            "author": MAX_FIELD,
        }
        updates: dict[str, Any] = {}
        old: dict[str, Any] = {}
        for name, limit in limits.items():
            value = getattr(command, name)
            if value is None:
                continue
            value = self._text(
                value,
                _SOURCE_FIELDS[name],
                limit,
                required=name == "title",
            )
            if name == "published_edtf" and value:
                self._date(value, N_("the publication date"))
            if value != row[name]:
                updates[name] = value
                old[name] = row[name]
        if not updates:
            raise CommandError(_("nothing to change: the source already reads so"))
        assignments = ", ".join(f"{c} = :{c}" for c in updates)
        self._sql(f"UPDATE sources SET {assignments} WHERE id = :id", {**updates, "id": row["id"]})
        for name, value in updates.items():
            self.history.append(("source", command.source_key, name, old[name], value))
        return Change(
            text=f"Edit source '{_short(updates.get('title', row['title']))}'",
            created_key=None,
            events=frozenset(),
            sources=frozenset({command.source_key}),
            inverse=EditSource(command.source_key, **old),
        )

    def _DeleteSource(self, command: DeleteSource) -> Change:
        source_id, _text, title = self._source(command.source_key)
        quoting = self._scalar(
            "SELECT count(DISTINCT event_id) FROM quotes WHERE source_id = :s", {"s": source_id}
        )
        citing = self._scalar(
            "SELECT count(*) FROM events WHERE citation_source_id = :s", {"s": source_id}
        )
        if quoting or citing:
            raise CommandError(
                _(
                    "source {key} is quoted by {quoting} and dates {citing}; remove those "
                    "quotes and citations first"
                ).format(
                    key=repr(command.source_key),
                    quoting=_events(quoting),
                    citing=_events(citing),
                )
            )
        row = (
            self.connection.execute(text("SELECT * FROM sources WHERE id = :id"), {"id": source_id})
            .mappings()
            .one()
        )
        self._sql("DELETE FROM sources WHERE id = :id", {"id": source_id})
        self.history.append(
            ("source", command.source_key, "*", {"title": title, "sha256": row["sha256"]}, None)
        )
        return Change(
            text=f"Delete source '{_short(title)}'",
            created_key=None,
            events=frozenset(),
            sources=frozenset({command.source_key}),
            inverse=RestoreSource(command.source_key, tuple(dict(row).items())),
        )

    def _RestoreSource(self, command: RestoreSource) -> Change:
        values = dict(command.row)
        if self._scalar("SELECT 1 FROM sources WHERE key = :key", {"key": command.source_key}):
            raise CommandError(
                _("a source with the key {key} already exists").format(key=repr(command.source_key))
            )
        if self._scalar("SELECT 1 FROM sources WHERE id = :id", {"id": values.get("id")}):
            values.pop("id")
        self._insert(
            f"INSERT INTO sources ({', '.join(values)}) "
            f"VALUES ({', '.join(':' + c for c in values)})",
            values,
        )
        if "id" in values:
            self.dialect.ids_set_explicitly(self.connection, "sources")
        self.history.append(
            (
                "source",
                command.source_key,
                "*",
                None,
                {"title": values["title"], "sha256": values["sha256"]},
            )
        )
        return Change(
            text=f"Restore source '{_short(values['title'])}'",
            created_key=None,
            events=frozenset(),
            sources=frozenset({command.source_key}),
            inverse=DeleteSource(command.source_key),
        )

    # -- actors and types ------------------------------------------------------------------

    def _refuse_taken_names(
        self, name: str, aliases: Iterable[str], *, actor_id: int | None
    ) -> None:
        """The rule of domain/naming.py: an alias may be shared with other actors' aliases
        ("Volvo"), but no name or alias may be another actor's canonical name, nor a
        canonical name another actor's alias."""
        candidates = [(name, False), *((alias, True) for alias in aliases if alias != name)]
        for candidate, as_alias in candidates:
            clash = self._scalar(
                "SELECT a.name FROM actor_names n JOIN actors a ON a.id = n.actor_id "
                "WHERE n.folded = :folded AND n.actor_id <> :a AND (NOT n.is_alias OR :name) "
                "ORDER BY a.name LIMIT 1",
                {"folded": fold(candidate), "a": actor_id or 0, "name": not as_alias},
            )
            if clash is not None:
                raise CommandError(
                    _("{name} already names the actor {actor}").format(
                        name=repr(candidate), actor=repr(clash)
                    )
                )

    def _AddActor(self, command: AddActor) -> Change:
        name = self._text(command.name, N_("the actor's name"), MAX_FIELD, required=True)
        try:
            kind = ActorKind(command.kind)
        except ValueError:
            raise _not_a_kind(command.kind) from None
        aliases = [self._text(a, N_("an alias"), MAX_FIELD, required=True) for a in command.aliases]
        self._refuse_taken_names(name, aliases, actor_id=None)
        names = self._actor_names_by_language(command.names, {name, *aliases})
        key = self._fresh_key("actors", command.key, "ac")
        actor_id = self._insert(
            "INSERT INTO actors (key, name, kind) VALUES (:key, :name, :kind)",
            {"key": key, "name": name, "kind": kind.value},
        )
        for alias, is_alias in [
            (name, False),
            *((a, True) for a in dict.fromkeys(aliases) if a != name),
        ]:
            self._sql(
                "INSERT INTO actor_names (actor_id, name, folded, is_alias) "
                "VALUES (:a, :n, :f, :i)",
                {"a": actor_id, "n": alias, "f": fold(alias), "i": is_alias},
            )
        for language, other in names:
            self._sql(
                "INSERT INTO actor_names (actor_id, name, folded, is_alias, language) "
                "VALUES (:a, :n, :f, false, :l)",
                {"a": actor_id, "n": other, "f": fold(other), "l": language},
            )
        described: dict[str, Any] = {"name": name, "kind": kind.value, "aliases": aliases}
        if names:
            described["names"] = dict(names)
        self.history.append(("actor", key, "*", None, described))
        return Change(
            text=f"Add actor '{_short(name)}'",
            created_key=key,
            events=frozenset(),
            sources=frozenset(),
            inverse=DeleteActor(key),
            actors=frozenset({key}),
        )

    def _actor_names_by_language(
        self, names: Iterable[tuple[str, str]], taken: set[str]
    ) -> list[tuple[str, str]]:
        """A new actor's names by language, checked: one per language; a name the actor
        already has (its own name in that language too) is not repeated."""
        checked: dict[str, str] = {}
        for language, name in names:
            language = self._language(language)
            name = self._text(name, "the actor's name", MAX_FIELD, required=True)
            if language in checked:
                raise CommandError(
                    _("the actor has two names in {language}").format(language=repr(language))
                )
            self._refuse_taken_names(name, (), actor_id=None)
            if name not in taken:
                checked[language] = name
                taken.add(name)
        return sorted(checked.items())

    def _EditActor(self, command: EditActor) -> Change:
        actor_id = self._actor_id(command.actor_key)
        old_name, old_kind = self.connection.execute(
            text("SELECT name, kind FROM actors WHERE id = :a"), {"a": actor_id}
        ).one()
        old_aliases = tuple(
            r[0]
            for r in self._rows(
                "SELECT name FROM actor_names WHERE actor_id = :a AND is_alias ORDER BY name",
                {"a": actor_id},
            )
        )
        name = old_name
        if command.name is not None:
            name = self._text(command.name, N_("the actor's name"), MAX_FIELD, required=True)
        kind = old_kind
        if command.kind is not None:
            try:
                kind = ActorKind(command.kind).value
            except ValueError:
                raise _not_a_kind(command.kind) from None
        by_language = self._rows(
            "SELECT name, language FROM actor_names WHERE actor_id = :a AND language <> ''",
            {"a": actor_id},
        )
        aliases = old_aliases
        if command.aliases is not None:
            given = [
                self._text(a, N_("an alias"), MAX_FIELD, required=True) for a in command.aliases
            ]
            # Its names by language are names, not aliases (Actor.aliases lists them too).
            aliases = tuple(sorted(set(given) - {name} - {other for other, _tag in by_language}))
        fields = [
            (field, before, after)
            for field, before, after in (
                ("name", old_name, name),
                ("kind", old_kind, kind),
                ("aliases", list(old_aliases), list(aliases)),
            )
            if before != after
        ]
        if not fields:
            raise CommandError(_("nothing to change: the actor already reads so"))
        self._refuse_taken_names(name, aliases, actor_id=actor_id)
        for other, language in by_language:
            if other in (name, *aliases):
                raise CommandError(
                    _("{name} is already the actor's name in {language}").format(
                        name=repr(other), language=repr(language)
                    )
                )
        # The search index and the list's names of each of its events follow the new names.
        documents = self._naming_event_states(actor_id)
        self._sql(
            "UPDATE actors SET name = :n, kind = :k WHERE id = :a",
            {"n": name, "k": kind, "a": actor_id},
        )
        # Its names by language stay (SetActorName changes them).
        self._sql("DELETE FROM actor_names WHERE actor_id = :a AND language = ''", {"a": actor_id})
        for alias, is_alias in [(name, False), *((a, True) for a in aliases)]:
            self._sql(
                "INSERT INTO actor_names (actor_id, name, folded, is_alias) "
                "VALUES (:a, :n, :f, :i)",
                {"a": actor_id, "n": alias, "f": fold(alias), "i": is_alias},
            )
        for event_id, old_state in documents.items():
            self._refresh_actor_names(event_id)
            new_state = self._state(event_id)
            if old_state is not None and new_state is not None:
                self.dialect.unindex_event_text(self.connection, old_state.document)
                self.dialect.index_event_text(self.connection, [new_state.document])
        for field, old_value, new_value in fields:
            self.history.append(("actor", command.actor_key, field, old_value, new_value))
        keys = frozenset(
            r[0]
            for r in self._rows(
                "SELECT e.key FROM events e JOIN event_actors ea ON ea.event_id = e.id "
                "WHERE ea.actor_id = :a",
                {"a": actor_id},
            )
        )
        return Change(
            text=f"Edit actor '{_short(name)}'",
            created_key=None,
            events=keys,
            sources=frozenset(),
            inverse=EditActor(command.actor_key, old_name, old_kind, old_aliases),
            actors=frozenset({command.actor_key}),
        )

    def _EditType(self, command: EditType) -> Change:
        type_id = self._type_id(command.slug)
        label = self._text(command.label, N_("the type's label"), MAX_FIELD, required=True)
        old = self._scalar("SELECT label FROM event_types WHERE id = :t", {"t": type_id})
        if old == label:
            raise CommandError(_("nothing to change: the type already reads so"))
        self._sql("UPDATE event_types SET label = :l WHERE id = :t", {"l": label, "t": type_id})
        self.history.append(("type", command.slug, "label", old, label))
        shown_with = frozenset(  # the events that show the label
            r[0] for r in self._rows("SELECT key FROM events WHERE type_id = :t", {"t": type_id})
        )
        return Change(
            text=f"Rename type '{_short(old)}'",
            created_key=None,
            events=shown_with,
            sources=frozenset(),
            inverse=EditType(command.slug, old),
            types=frozenset({command.slug}),
        )

    def _DeleteActor(self, command: DeleteActor) -> Change:
        actor_id = self._actor_id(command.actor_key)
        used = self._scalar(
            "SELECT count(DISTINCT event_id) FROM event_actors WHERE actor_id = :a", {"a": actor_id}
        )
        if used:
            raise CommandError(
                _("actor {key} is in {events}; remove it from them first").format(
                    key=repr(command.actor_key), events=_events(used)
                )
            )
        name, kind = self.connection.execute(
            text("SELECT name, kind FROM actors WHERE id = :a"), {"a": actor_id}
        ).one()
        aliases = tuple(
            r[0]
            for r in self._rows(
                "SELECT name FROM actor_names WHERE actor_id = :a AND is_alias ORDER BY name",
                {"a": actor_id},
            )
        )
        names = tuple(
            (str(r[0]), str(r[1]))
            for r in self._rows(
                "SELECT language, name FROM actor_names WHERE actor_id = :a AND language <> '' "
                "AND NOT is_alias ORDER BY language",
                {"a": actor_id},
            )
        )
        self._sql("DELETE FROM actor_names WHERE actor_id = :a", {"a": actor_id})
        self._sql("DELETE FROM actors WHERE id = :a", {"a": actor_id})
        self.history.append(("actor", command.actor_key, "*", {"name": name, "kind": kind}, None))
        return Change(
            text=f"Delete actor '{_short(name)}'",
            created_key=None,
            events=frozenset(),
            sources=frozenset(),
            inverse=AddActor(name, kind, aliases, key=command.actor_key, names=names),
            actors=frozenset({command.actor_key}),
        )

    def _AddType(self, command: AddType) -> Change:
        slug = self._text(command.slug, N_("the type's slug"), 128, required=True)
        label = self._text(command.label, N_("the type's label"), MAX_FIELD, required=True)
        parts = slug.split("/")
        if len(parts) > 2 or not all(p and set(p) <= set(_SLUG_PART) for p in parts):
            raise CommandError(
                _(
                    "{slug} is not a type slug: 'parent' or 'parent/child', lower-case with dashes"
                ).format(slug=repr(slug))
            )
        if len(parts) == 2 and not self._scalar(
            "SELECT 1 FROM event_types WHERE slug = :s", {"s": parts[0]}
        ):
            raise CommandError(
                _("the parent type {slug} does not exist; add it first").format(slug=repr(parts[0]))
            )
        if self._scalar("SELECT 1 FROM event_types WHERE slug = :s", {"s": slug}):
            raise CommandError(_("the type {slug} already exists").format(slug=repr(slug)))
        self._insert(
            "INSERT INTO event_types (slug, label) VALUES (:s, :l)", {"s": slug, "l": label}
        )
        self.history.append(("type", slug, "*", None, {"label": label}))
        return Change(
            text=f"Add type '{_short(label)}'",
            created_key=slug,
            events=frozenset(),
            sources=frozenset(),
            inverse=DeleteType(slug),
            types=frozenset({slug}),
        )

    def _DeleteType(self, command: DeleteType) -> Change:
        type_id = self._type_id(command.slug)
        used = self._scalar("SELECT count(*) FROM events WHERE type_id = :t", {"t": type_id})
        children = self._scalar(
            "SELECT count(*) FROM event_types WHERE slug LIKE :p", {"p": command.slug + "/%"}
        )
        if used or children:
            raise CommandError(
                _("the type {slug} has {events} and {children}").format(
                    slug=repr(command.slug),
                    events=_events(used),
                    children=ngettext("{n} child type", "{n} child types", children).format(
                        n=l10n.number(children)
                    ),
                )
            )
        label = self._scalar("SELECT label FROM event_types WHERE id = :t", {"t": type_id})
        self._sql("DELETE FROM event_types WHERE id = :t", {"t": type_id})
        self.history.append(("type", command.slug, "*", {"label": label}, None))
        return Change(
            text=f"Delete type '{_short(label)}'",
            created_key=None,
            events=frozenset(),
            sources=frozenset(),
            inverse=AddType(command.slug, label),
            types=frozenset({command.slug}),
        )


_EVENT_COMMANDS = (
    AddEvent,
    EditEvent,
    DeleteEvent,
    RestoreEvent,
    AddQuote,
    DeleteQuote,
    SetEventTranslation,
    DeleteEventTranslation,
)


# (actor id, type id) -> [(+1 or -1, start day, end day)]
SpanMoves = dict[tuple[int, int], list[tuple[int, int, int]]]
_FEW_MOVES = 16  # up to this many, insert and remove in place; beyond, rebuild and sort once


def _moved_in_place(
    starts: array[int], ends: array[int], moves: list[tuple[int, int, int]]
) -> None:
    for sign, start, end in sorted(moves):  # removals first
        for days, day in ((starts, start), (ends, end)):
            if sign > 0:
                insort(days, day)
            else:
                index = bisect_left(days, day)
                if index < len(days) and days[index] == day:
                    del days[index]


def _moved_in_bulk(
    starts: array[int], ends: array[int], moves: list[tuple[int, int, int]]
) -> tuple[array[int], array[int]]:
    """The day arrays after many moves: removals taken out by count, additions appended
    (pack_days sorts once), so an import of 100k events does not insert 100k times."""
    result = []
    for days, column in ((starts, 1), (ends, 2)):
        removed = Counter(move[column] for move in moves if move[0] < 0)
        kept = array("i")
        for day in days:
            if removed[day] > 0:
                removed[day] -= 1
            else:
                kept.append(day)
        kept.extend(move[column] for move in moves if move[0] > 0)
        result.append(kept)
    return result[0], result[1]


def _date_columns(date: FuzzyDate) -> dict[str, Any]:
    return {
        "date_edtf": date.edtf(),
        "start_date": date.earliest().isoformat(),
        "end_date": date.latest().isoformat(),
        "precision": date.precision.value,
        "approximate": date.approximate,
        "uncertain": date.uncertain,
    }


def _edit_text(fields: list[str], title: str) -> str:
    if fields == ["date"] or fields == ["date", "date citation"]:
        return f"Change date of '{_short(title)}'"
    if fields == ["title"]:
        return f"Rename event '{_short(title)}'"
    if fields == ["type"]:
        return f"Change type of '{_short(title)}'"
    if fields == ["actors"]:
        return f"Change actors of '{_short(title)}'"
    return f"Edit event '{_short(title)}'"


def _described(command: AddEvent, key: str) -> dict[str, Any]:
    """An added event, for the history."""
    return {
        "key": key,
        "title": command.title.strip(),
        "type": command.type_slug,
        "date": command.date_edtf.strip(),
        "actors": [list(p) for p in command.participants],
        "quotes": [
            {"source": q.source_key, "start": q.start, "end": q.end} for q in command.quotes
        ],
        **({"imported_from": command.claim.origin} if command.claim else {}),
    }


def _summary(stored: StoredEvent) -> dict[str, Any]:
    event = dict(stored.event)
    return {
        "title": event["title"],
        "date": event["date_edtf"],
        "actors": [list(pair) for pair in stored.actors],
        "quotes": len(stored.quotes),
    }
