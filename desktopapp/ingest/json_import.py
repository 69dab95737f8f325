"""Our own JSON read back (what ``list --json`` and Export › JSON write): a lossless round trip.

The file is checked against its JSON Schema (``desktopapp/schemas/events.schema.json``) before
anything else, so a cut or edited file is refused in one line and nothing is written. Each
entry becomes an ordinary ``AddEvent`` under its own stable key, with its title, summary,
type (created with its label when the timeline lacks it), EDTF date, the date's citation,
its participants (actors created with their kind when missing) and its quotes.

The JSON holds no source texts, so a quote is attached only when the target timeline holds
its source: found by the source's key, and proved the same words either at the quote's
offsets (the source's SHA-256 equal, or the words and the text around them the same) or,
if the offsets moved, at the one place where the words and their prefix and suffix are.
A source the target holds under another key is found by its text's SHA-256 (the same text
added to another timeline). A quote that cannot be proved is kept, with where it came from,
in the event's claim; an event left without a quote is then unsourced, and the report says
so for each entry.

Keys: an entry whose key the timeline already uses for the same event is skipped (importing
the same file twice changes nothing); for a *different* event the whole file is refused,
nothing written. Two events under one key mean the file and the timeline have gone apart,
and only a person can tell which is right (import into a new timeline, or delete one).
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from graphlib import CycleError, TopologicalSorter
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from desktopapp.domain import l10n
from desktopapp.domain.anchoring import occurrences
from desktopapp.domain.l10n import N_, _
from desktopapp.domain.model import ActorKind, Event, Source
from desktopapp.domain.search import fold
from desktopapp.ingest.importing import CITATION_NOTE, ImportFileError, ImportPlan, Where
from desktopapp.schemas import schema

if TYPE_CHECKING:
    from desktopapp.db.commands import AddEvent, Citation, ClaimInput, QuoteInput
    from desktopapp.db.repository import EventRepository

UNIT = "entry"  # the report's name for a place in the file: "entry 7"
_SHOWN = 160  # characters of a schema error's message shown
_KEYS_PER_QUERY = 500


def read_events_json(data: bytes, plan: ImportPlan) -> None:
    """The reader of the import registry: every entry of ``data`` planned into ``plan``.

    Entries are taken a page at a time as the file is read, and each becomes its command
    at once (its participants named once every actor is known): the file's records are
    never all held as Python objects, only the commands the import writes."""
    sources = TargetSources(plan.target.repository)
    actors = _ActorOrder()
    new: list[tuple[Where, AddEvent, tuple[tuple[str, str], ...]]] = []
    for page in _pages(_records(data, plan.file_name), _KEYS_PER_QUERY):
        existing = _existing_events(plan.target.repository, [r["key"] for _, r in page])
        for number, record in page:
            entry = Entry.of(record, Where(UNIT, number), plan.file_name, sources)
            stored = existing.get(record["key"])
            if stored is None:
                actors.see(entry)
                pairs = tuple((p["name"], p["role"]) for p in record["participants"])
                new.append((entry.where, entry.command(plan), pairs))
            elif event_content(stored) == entry.content():
                plan.report.skip(entry.where, N_("already in this timeline, the same"))
            else:
                raise ImportFileError(
                    _(
                        "{at}: the key {key} is a different event in this timeline ({title}); "
                        "nothing was imported (import into a new timeline, or delete that "
                        "event first)"
                    ).format(
                        at=_at(plan.file_name, entry.where.number),
                        key=repr(record["key"]),
                        title=repr(_short(stored.title)),
                    )
                )
    keys = actors.keys(plan)
    new.reverse()
    while new:  # in the file's order, each command without its actors let go once replaced
        where, command, pairs = new.pop()
        participants = tuple((keys[name], role) for name, role in pairs)
        plan.add(where, replace(command, participants=participants))


def _pages(records: Iterator[dict[str, Any]], size: int) -> Iterator[list[tuple[int, Any]]]:
    page: list[tuple[int, Any]] = []
    for number, record in enumerate(records, start=1):
        page.append((number, record))
        if len(page) == size:
            yield page
            page = []
    if page:
        yield page


class _ActorOrder:
    """The actors the entries name, gathered entry by entry, and an order to make the new
    ones in that keeps each event's participants in the file's order.

    An event lists its actors of one role in the order they were created (by row id), so
    each entry says which of its actors came first; any order that agrees with all the
    entries (a topological sort) gives every event back its actors in its order."""

    def __init__(self) -> None:
        self._earlier: dict[str, set[str]] = {}
        self._kinds: dict[str, tuple[str | None, Where]] = {}
        self._aliases: dict[str, tuple[str, ...]] = {}
        self._names: dict[str, tuple[tuple[str, str], ...]] = {}  # by language

    def see(self, entry: Entry) -> None:
        participants = entry.record["participants"]
        for role in ("acting", "affected"):
            names = [p["name"] for p in participants if p["role"] == role]
            for before, after in pairwise(names):
                self._earlier.setdefault(after, set()).add(before)
        for participant in participants:
            self._earlier.setdefault(participant["name"], set())
            self._kinds.setdefault(participant["name"], (participant["kind"], entry.where))
            self._aliases.setdefault(participant["name"], tuple(participant.get("aliases", ())))
            names = sorted(participant.get("names", {}).items())
            self._names.setdefault(participant["name"], tuple(names))

    def keys(self, plan: ImportPlan) -> dict[str, str]:
        """The key of every actor seen, new ones planned in the order described."""
        try:
            order = list(TopologicalSorter(self._earlier).static_order())
        except CycleError:  # an edited file: no order agrees with all; the file's order then
            order = list(self._earlier)
        # An alias that is the name of another actor of the file would be refused once that
        # actor is made (domain/naming.py); it is left out, as one of the target's would be.
        names = {fold(name) for name in self._earlier}
        return {
            name: plan.actor(
                name,
                _kind(*self._kinds[name], plan),
                [a for a in self._aliases[name] if fold(a) not in names or fold(a) == fold(name)],
                [(tag, n) for tag, n in self._names[name] if fold(n) not in names],
            )
            for name in order
        }


# -- the file ---------------------------------------------------------------------------------


def events_records(data: bytes, name: str) -> list[dict[str, Any]]:
    """The entries of the file, checked against the schema; ImportFileError (one line) if
    it is not UTF-8, not JSON, not our events, or names one key twice."""
    return list(_records(data, name))


def _records(data: bytes, name: str) -> Iterator[dict[str, Any]]:
    """The entries of the file one by one, each checked as it comes (see events_records).

    The events array is read one entry at a time (ijson), each checked against the
    schema of one event as it comes: the whole document is never held as Python objects
    next to its copy for the validator (about 1 GB at 100,000 events). A file that is not
    such an array, or may hold a lone surrogate, is read whole, as its refusal must say
    exactly where it breaks."""
    import ijson

    if not _AN_ARRAY.match(data) or _may_hold_a_lone_surrogate(data) or not _is_utf8(data):
        yield from _whole_records(data, name)
        return
    validator = _validator(schema("events"), item=True)
    first: dict[str, int] = {}
    entries = ijson.items(_Chunks(data), "item", use_float=True)
    number = 0
    while True:
        try:
            record = next(entries)
        except StopIteration:
            return
        except ijson.JSONError:  # the whole reading says where the file breaks, in its words
            yield from _whole_records(data, name)[number:]
            return
        number += 1
        _check_schema(validator, record, name, number)
        _check_record(record, number, name, first)
        yield record


def _whole_records(data: bytes, name: str) -> list[dict[str, Any]]:
    """The entries of a file read whole (one that breaks somewhere), checked as above."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            _("{file}: not UTF-8 text (byte {byte})").format(
                file=name, byte=l10n.number(error.start)
            )
        ) from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        if error.pos >= len(text.rstrip()):
            words = _(
                "{file}: not JSON at line {line}, column {column}: {reason} "
                "(the file ends too soon: cut short?)"
            )
        else:
            words = _("{file}: not JSON at line {line}, column {column}: {reason}")
        raise ImportFileError(
            words.format(file=name, line=error.lineno, column=error.colno, reason=error.msg)
        ) from None
    except RecursionError:
        raise ImportFileError(
            _("{file}: its JSON is nested too deeply to read").format(file=name)
        ) from None
    _check_text(document, name)  # first: a lone surrogate is no text to check against
    _check_schema(_validator(schema("events"), item=False), document, name, None)
    records: list[dict[str, Any]] = document
    first: dict[str, int] = {}
    for number, record in enumerate(records, start=1):
        _check_record(record, number, name, first)
    return records


# A \u escape of half a character, not part of a pair: ijson's C parser reads it as "?"
# where Python's json keeps it (and _check_text refuses it, naming the entry).
_LONE_SURROGATE = re.compile(
    rb"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])"
    rb"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}"
)


def _may_hold_a_lone_surrogate(data: bytes) -> bool:
    # bytes.find first: the pattern's look-behind would take seconds over 200 MB.
    if b"\\ud" not in data and b"\\uD" not in data:
        return False
    return _LONE_SURROGATE.search(data) is not None


_AN_ARRAY = re.compile(rb"(?:\xef\xbb\xbf)?\s*\[")
_CHUNK = 1 << 20


def _is_utf8(data: bytes) -> bool:
    """Whether ``data`` is UTF-8, checked a megabyte at a time (no copy of the whole)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(data)
    try:
        for start in range(0, len(data), _CHUNK):
            decoder.decode(view[start : start + _CHUNK], final=start + _CHUNK >= len(data))
    except UnicodeDecodeError:
        return False
    return True


class _Chunks:
    """The bytes of a file as a binary stream for ijson, its BOM skipped, without a copy."""

    def __init__(self, data: bytes) -> None:
        self._view = memoryview(data)
        self._at = 3 if data.startswith(b"\xef\xbb\xbf") else 0

    def read(self, size: int = -1) -> bytes:
        end = len(self._view) if size < 0 else self._at + size
        chunk = bytes(self._view[self._at : end])
        self._at += len(chunk)
        return chunk


def _check_record(record: dict[str, Any], number: int, name: str, first: dict[str, int]) -> None:
    """An entry's key not used by an earlier one (``first``: key -> entry), and no actor
    listed twice in one role."""
    earlier = first.setdefault(record["key"], number)
    if earlier != number:
        raise ImportFileError(
            _("{at}: the key {key} is also that of {earlier}; a key names one event").format(
                at=_at(name, number),
                key=repr(record["key"]),
                earlier=Where(UNIT, earlier).said(),
            )
        )
    pairs = [(p["name"], p["role"]) for p in record["participants"]]
    twice = next((pair for n, pair in enumerate(pairs) if pair in pairs[:n]), None)
    if twice is not None:
        raise ImportFileError(
            _("{at}: the actor {name} is listed twice as {role}").format(
                at=_at(name, number), name=repr(twice[0]), role=twice[1]
            )
        )


def _validator(events_schema: dict[str, Any], *, item: bool) -> Any:
    """jsonschema-rs's validator of the events schema, or of one event of it (``item``).

    The reference ``jsonschema`` takes half a millisecond an event (50 s for 100,000),
    this a few microseconds; the tests check our exports with ``jsonschema`` too, so the
    two must agree on the one schema."""
    import jsonschema_rs

    if item:
        events_schema = {**events_schema, "$ref": "#/$defs/event"}
        del events_schema["type"], events_schema["items"]
    return jsonschema_rs.Draft202012Validator(events_schema, validate_formats=True)


def _check_schema(validator: Any, instance: object, name: str, entry: int | None) -> None:
    """The first place where ``instance`` (the document, or its ``entry``-th event) breaks
    the events schema, in one line."""
    if validator.is_valid(instance):  # the usual answer, without building any error
        return
    error = next(iter(validator.iter_errors(instance)))
    path = list(error.instance_path)
    if entry is None:
        if not path:
            raise ImportFileError(
                _("{file}: not a list of our events ({reason})").format(
                    file=name, reason=_cut(error.message)
                )
            )
        entry = int(path.pop(0)) + 1  # the document is an array (checked first): its index
    message = " ".join(error.message.split())
    if " does not match " in message and path:  # a pattern: say what is expected, not the regex
        described = schema("events")["$defs"]["event"]["properties"].get(path[-1], {})
        value = message.split(" does not match ")[0]  # jsonschema's words: the value
        message = _("{value} is not in the expected form").format(value=value)
        if "description" in described:
            message += f", {described['description']}"
    field = ".".join(str(part) for part in path)
    what = f"{field}: {_cut(message)}" if field else _cut(message)
    raise ImportFileError(
        _("{at}: not one of our events ({reason})").format(at=_at(name, entry), reason=what)
    )


def _at(file_name: str, entry: int) -> str:
    """ "x.json, entry 7": where in the file a refusal is."""
    return _("{file}, {place}").format(file=file_name, place=Where(UNIT, entry).said())


def _cut(message: str) -> str:
    message = " ".join(message.split())
    return message if len(message) <= _SHOWN else message[: _SHOWN - 1] + "…"


def _check_text(document: object, name: str) -> None:
    """A ``\\ud800`` escape is valid JSON but no text (a lone surrogate); refused here, where
    the entry can be named, rather than by the database."""
    records = document if isinstance(document, list) else [document]
    for number, record in enumerate(records, start=1):
        for value in _strings(record):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise ImportFileError(
                    _(
                        "{at}: holds a lone surrogate (a \\u escape that is half of a "
                        "character), which is not text"
                    ).format(at=_at(name, number))
                ) from None


def _strings(value: object) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


# -- one entry --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One entry of the file, as the import would store it in this target: its quotes
    attached to the target's sources (or left for the claim), its date's citation."""

    where: Where
    record: Mapping[str, Any]
    quotes: tuple[QuoteInput, ...]
    moved: bool  # a quote was found again at other offsets
    unproved: tuple[Mapping[str, Any], ...]
    citation: Citation
    citation_lost: bool  # dated by a sentence of a source the target lacks
    claim: ClaimInput | None

    @classmethod
    def of(
        cls, record: Mapping[str, Any], where: Where, file_name: str, sources: TargetSources
    ) -> Entry:
        quotes: list[QuoteInput] = []
        unproved: list[Mapping[str, Any]] = []
        moved = False
        for quote in record["quotes"]:
            attached = sources.attach(quote)
            if attached is None:
                unproved.append(quote)
                continue
            quotes.append(attached)
            moved = moved or (attached.start, attached.end) != (quote["start"], quote["end"])
        citation, lost = _citation(record["date_source"], file_name, sources)
        claim = _claim(record, unproved, f"{file_name}, {where}")
        return cls(where, record, tuple(quotes), moved, tuple(unproved), citation, lost, claim)

    def content(self) -> tuple[Any, ...]:
        """What the stored event would say: compared with :func:`event_content`."""
        record = self.record
        return (
            record["title"].strip(),
            record["summary"].strip(),
            record["type"],
            record["date"],
            tuple((p["name"], p["role"]) for p in record["participants"]),
            (_sentence(self.citation).strip(), self.citation.note.strip()),
            tuple((q.source_key, q.start, q.end, q.exact) for q in self.quotes),
            self.claim.text.strip() if self.claim else "",
        )

    def command(self, plan: ImportPlan) -> AddEvent:
        """The event's command, its type planned, what it lost reported; its participants
        are named by the caller once every actor's key is known."""
        from desktopapp.db.commands import AddEvent

        record, where = self.record, self.where
        if self.moved:
            plan.report.adjust(where, N_("with a quote found again in its source at other offsets"))
        if self.unproved and not self.quotes:
            plan.report.adjust(
                where,
                N_(
                    "with a quote whose source this timeline lacks (or holds with other "
                    "words): kept in the claim, the event is unsourced"
                ),
            )
        elif self.unproved:
            plan.report.adjust(
                where,
                N_(
                    "with a quote whose source this timeline lacks (or holds with other "
                    "words): kept in the claim, its other quotes kept"
                ),
            )
        if self.citation_lost:
            plan.report.adjust(
                where,
                N_("dated by a sentence of a source this timeline lacks: cited as that source"),
            )
        from desktopapp.db.commands import EventTranslation

        translations = tuple(
            EventTranslation(language, text["title"], text.get("summary", ""), text.get("note", ""))
            for language, text in sorted(record.get("translations", {}).items())
        )
        return AddEvent(
            language=record.get("language", ""),
            translations=translations,
            title=record["title"],
            type_slug=_event_type(record, plan),
            date_edtf=record["date"],
            citation=self.citation,
            participants=(),
            quotes=self.quotes,
            summary=record["summary"],
            key=record["key"],
            claim=self.claim,
            links=_links(record),
        )


def _event_type(record: Mapping[str, Any], plan: ImportPlan) -> str:
    """The entry's type, planned with its parent (and their labels) where the target lacks
    them; a file without the parent's label (an older one) names it by its slug."""
    slug, parent_label = record["type"], record.get("type_parent_label")
    if "/" in slug and parent_label:
        plan.event_type(slug.split("/", 1)[0], parent_label)
    return plan.event_type(slug, record["type_label"])


def _kind(kind: str | None, where: Where, plan: ImportPlan) -> ActorKind:
    try:
        return ActorKind(kind or "")
    except ValueError:
        plan.report.adjust(where, N_("naming an actor of no known kind: made a group"))
        return ActorKind.GROUP


def _citation(
    date_source: Mapping[str, Any], file_name: str, sources: TargetSources
) -> tuple[Citation, bool]:
    """The date's citation as the file gives it: the report it names, or the sentence of a
    source, found again in the target's copy of that source; and True if that sentence
    could not be found (the source is then cited as a report)."""
    from desktopapp.db.commands import OutsideReference, SourceSentence

    lost = False
    if date_source["kind"] == "article":
        sentence = sources.sentence(date_source)
        if sentence is not None:
            return SourceSentence(sentence, note=date_source["note"]), False
        lost = True
    outlet, url = date_source["outlet"], date_source["url"]
    if not (outlet.strip() or url.strip()):  # nothing names the report: the file is the one
        citation = OutsideReference(
            outlet=file_name,  # a citation names its report by outlet or URL
            title="",
            url="",
            sentence=date_source["quote"],
            note=CITATION_NOTE,
        )
        return citation, lost
    citation = OutsideReference(
        outlet=outlet,
        title=date_source["title"],
        url=url,
        sentence=date_source["quote"],
        published=date_source["published"],
        note=date_source["note"],
    )
    return citation, lost


def _sentence(citation: Citation) -> str:
    """The words that state the date, whichever kind of citation gives them."""
    from desktopapp.db.commands import SourceSentence

    return citation.quote.exact if isinstance(citation, SourceSentence) else citation.sentence


def _claim(
    record: Mapping[str, Any], unproved: Sequence[Mapping[str, Any]], origin: str
) -> ClaimInput | None:
    """The entry's own claim (an event imported before), with the quotes that could not be
    attached, each saying which source and where it was."""
    from desktopapp.db.commands import ClaimInput

    own = record.get("claim")
    if not unproved:
        return ClaimInput(own["text"], own["origin"]) if own else None
    lines = [own["text"]] if own else []
    lines += [_unproved_line(quote) for quote in unproved]
    return ClaimInput("\n\n".join(lines), f"{own['origin']}; {origin}" if own else origin)


def _unproved_line(quote: Mapping[str, Any]) -> str:
    source = quote["source_title"] or quote["source"]
    span = f", characters {quote['start']}–{quote['end']}" if quote["start"] is not None else ""
    return f"“{quote['text']}” (quoted from {source} [{quote['source']}]{span})"


def _links(record: Mapping[str, Any]) -> tuple[Any, ...]:
    from desktopapp.db.commands import LinkInput

    return tuple(
        LinkInput(link["kind"], link["url"], link["credit"], link["caption"])
        for link in record.get("links", ())
    )


# -- the target's sources ----------------------------------------------------------------------


class TargetSources:
    """The sources of the timeline imported into, by key, each text read once."""

    def __init__(self, repository: EventRepository | None) -> None:
        self._repository = repository
        self._sources: dict[str, Source] = (
            {source.key: source for source in repository.sources} if repository else {}
        )
        by_digest: dict[str, list[Source]] = {}
        for source in self._sources.values():
            by_digest.setdefault(source.sha256, []).append(source)
        # A text held twice names no one source: its quotes stay in the claim.
        self._by_digest = {
            digest: found[0] for digest, found in by_digest.items() if len(found) == 1
        }
        self._texts: dict[str, str] = {}

    def source_of(self, quote: Mapping[str, Any]) -> Source | None:
        """The quote's source in the target: under its key, else the one source with the
        same text (its SHA-256: the same source added to another timeline, under a new key)."""
        found = self._sources.get(quote["source"])
        return found if found is not None else self._by_digest.get(quote.get("source_sha256", ""))

    def attach(self, quote: Mapping[str, Any]) -> QuoteInput | None:
        """The quote as a span of the target's source, or None if it cannot be proved."""
        from desktopapp.db.commands import QuoteInput

        source = self.source_of(quote)
        if source is None or not quote["text"]:
            return None
        text = self._text(source.key)
        anchor = Anchor(quote["text"], quote.get("prefix", ""), quote.get("suffix", ""))
        same_text = quote.get("source_sha256") == source.sha256
        start, end = quote["start"], quote["end"]
        translations = tuple(sorted(quote.get("translations", {}).items()))
        if start is not None and end is not None and anchor.fits(text, start, same_text):
            return QuoteInput(source.key, start, end, quote["text"], translations)
        found = anchor.only_place(text)
        if found is None:
            return None
        return QuoteInput(source.key, found, found + len(anchor.exact), anchor.exact, translations)

    def sentence(self, date_source: Mapping[str, Any]) -> QuoteInput | None:
        """The sentence dating an event, in the one source of that title (outlet, URL) that
        holds it once; None if no source or several places could be it."""
        from desktopapp.db.commands import QuoteInput

        named = [
            source
            for source in self._sources.values()
            if (source.title, source.outlet, source.url)
            == (date_source["title"], date_source["outlet"], date_source["url"])
        ]
        exact = date_source["quote"]
        places = [
            (source.key, start)
            for source in named
            for start in occurrences(self._text(source.key), exact)
        ]
        if len(places) != 1:
            return None
        key, start = places[0]
        return QuoteInput(key, start, start + len(exact), exact)

    def _text(self, key: str) -> str:
        if key not in self._texts:
            assert self._repository is not None  # a source was found: there is a timeline
            self._texts[key] = self._repository.source_text(key)
        return self._texts[key]


@dataclass(frozen=True)
class Anchor:
    """A quote's words and the text the file says was around them (W3C TextQuoteSelector)."""

    exact: str
    prefix: str
    suffix: str

    def fits(self, text: str, start: int, same_text: bool) -> bool:
        """Whether the words are at ``start``; in another version of the source (its hash
        differs, or the file gave none) the text around them must agree as well."""
        if text[start : start + len(self.exact)] != self.exact:
            return False
        return same_text or self._context_at(text, start)

    def only_place(self, text: str) -> int | None:
        """Where the words, with their prefix and suffix, are found: once, or None."""
        places = [start for start in occurrences(text, self.exact) if self._context_at(text, start)]
        return places[0] if len(places) == 1 else None

    def _context_at(self, text: str, start: int) -> bool:
        end = start + len(self.exact)
        before = text[max(0, start - len(self.prefix)) : start]
        return before == self.prefix and text[end : end + len(self.suffix)] == self.suffix


# -- what an entry and a stored event say -------------------------------------------------------


def _existing_events(repository: EventRepository | None, keys: Sequence[str]) -> dict[str, Event]:
    """The target's events under keys of the file (asked a page of keys at a time: SQLite
    takes a bounded number of parameters in one statement)."""
    if repository is None:
        return {}
    ids: list[int] = []
    for first in range(0, len(keys), _KEYS_PER_QUERY):
        ids.extend(repository.event_ids_by_key(keys[first : first + _KEYS_PER_QUERY]).values())
    return {event.key: event for event in repository.events_by_id(ids)}


def event_content(event: Event) -> tuple[Any, ...]:
    """What a stored event says, as :meth:`Entry.content` puts it (texts stripped)."""
    return (
        event.title.strip(),
        event.summary.strip(),
        event.type.slug,
        event.date.edtf(),
        tuple((p.actor.name, p.role.value) for p in event.participants),
        (event.citation.quote.strip(), event.citation.note.strip()),
        tuple((q.source_key, q.start, q.end, q.text) for q in event.quotes),
        event.claim.text.strip() if event.claim else "",
    )


def _short(text: str, limit: int = 50) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
