"""Stored rows -> domain objects, checked at the boundary.

A timeline file may come from anyone, so its rows can hold what the builder never writes: a
date that is no date, an offset that is no number, a kind that is no kind. Each reader here
turns one row into a domain object and, for each value it cannot trust, either

- keeps the object and says what is wrong in its ``problems`` (the event is still listed and
  shown as damaged: that is what a person checking a file wants to see), or
- raises :class:`DatabaseError` naming the table, the row's key and the field, when nothing
  sound is left to show (an event without any readable date cannot be placed anywhere).

Nothing else escapes: no ValueError, KeyError or OverflowError from a hostile row.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import Any

from desktopapp.db.engine import DatabaseError
from desktopapp.domain.dates import DateError, DatePoint, FuzzyDate, parse_edtf, parse_iso_day
from desktopapp.domain.l10n import _, number
from desktopapp.domain.model import (
    LINK_KINDS,
    NOT_VERIFIED,
    Actor,
    ActorKind,
    Citation,
    Claim,
    Event,
    EventRow,
    EventText,
    EventType,
    Link,
    Participant,
    Quote,
    Role,
    Source,
)


class DamagedRowError(DatabaseError):
    """A row with nothing sound left to show: the open stops, naming the row and why."""

    def __init__(self, row: str, problem: str) -> None:
        super().__init__(
            _("{row}: {problem} ('desktopapp check FILE' lists every damaged row)").format(
                row=row, problem=problem
            )
        )
        self.row = row
        self.problem = problem


# -- plain values -----------------------------------------------------------------------------


def text_value(value: object, field: str, problems: list[str]) -> str:
    """A stored text as a str; another type (NULL, a number, bytes) is noted in ``problems``."""
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    problems.append(
        _("{field}: holds {kind} instead of text").format(field=field, kind=type(value).__name__)
    )
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return str(value)


def _shown(value: object, limit: int = 60) -> str:
    """A stored value for a message: repr, cut so that a hostile megabyte stays one line."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def row_label(table: str, row_id: object, key: object) -> str:
    """How a message names a row: ``events #12 'apple-halts-exports'``."""
    number = row_id if isinstance(row_id, int) else _shown(row_id)
    return f"{table} #{number} {_shown(key)}" if key not in (None, "") else f"{table} #{number}"


# -- dates ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StoredDate:
    """An event's date as read: the honest date (None when nothing in the row is a date),
    what is wrong with its columns, and the values a light row is made of."""

    fuzzy: FuzzyDate | None
    problems: tuple[str, ...]
    edtf: str = ""
    start: date = date.min
    end: date = date.min
    precision: str = ""
    approximate: bool = False
    uncertain: bool = False


def stored_date(row: Any, key: object = None) -> StoredDate:
    """The date of an events row from ``date_edtf`` (the truth) and its ISO bounds.

    A damaged EDTF with a sound bound is shown by its stored bounds, marked uncertain;
    damaged bounds or flags with a sound EDTF are noted (filters and order use the bounds).
    Nothing readable: no date can be shown, and the open stops naming the row.
    """
    read = _read_date(
        row.date_edtf, row.start_date, row.end_date, row.precision, row.approximate, row.uncertain
    )
    if read.fuzzy is None:
        raise DamagedRowError(row_label("events", row.id, key), read.problems[0])
    return read


# Dates repeat across events (thousands of distinct values in a million rows), and reading
# one is a pure function of the six stored values: a list page or a timeline window pays
# for the check once per distinct date, not once per row.
@lru_cache(maxsize=65536)
def _read_date(
    edtf: object, start: object, end: object, precision: object, approx: object, uncertain: object
) -> StoredDate:
    problems: list[str] = []
    days = _days(start, end, problems)
    try:
        honest = parse_edtf(edtf)  # type: ignore[arg-type]  # anything: it refuses non-text
    except DateError as error:
        if not days:
            return StoredDate(
                None,
                (
                    _(
                        "date_edtf {date} is not a date ({error}), and start_date/end_date "
                        "{start}/{end} are not ISO days either: the file is damaged"
                    ).format(date=_shown(edtf), error=error, start=_shown(start), end=_shown(end)),
                ),
            )
        first, last = days[0], days[-1]
        problems.insert(
            0,
            _(
                "date_edtf: {error}; the event is placed by its stored bounds {first} – {last}"
            ).format(error=error, first=first.isoformat(), last=last.isoformat()),
        )
        return _made(_date_of_bounds(first, last), problems)
    problems.extend(_flag_problems(precision, approx, uncertain, honest))
    if len(days) == 2 and (days[0], days[1]) != (honest.earliest(), honest.latest()):
        problems.append(
            _(
                "start_date/end_date: {start} – {end} do not match the date {date} "
                "({earliest} – {latest}); filters and order use the stored bounds"
            ).format(
                start=days[0].isoformat(),
                end=days[1].isoformat(),
                date=honest.edtf(),
                earliest=honest.earliest().isoformat(),
                latest=honest.latest().isoformat(),
            )
        )
    return _made(honest, problems)


def _made(honest: FuzzyDate, problems: list[str]) -> StoredDate:
    return StoredDate(
        honest,
        tuple(problems),
        honest.edtf(),
        honest.earliest(),
        honest.latest(),
        honest.precision.value,
        honest.approximate,
        honest.uncertain,
    )


def _days(start: object, end: object, problems: list[str]) -> list[date]:
    """The readable ones of the stored bounds, in order (both, one, or none)."""
    found = []
    for field, value in (("start_date", start), ("end_date", end)):
        try:
            found.append(parse_iso_day(value))
        except DateError as error:
            problems.append(_("{field}: {error}").format(field=field, error=error))
    if len(found) == 2 and found[0] > found[1]:
        problems.append(
            _("start_date/end_date: {start} is after {end}").format(start=found[0], end=found[1])
        )
        found.sort()
    return found


def _date_of_bounds(first: date, last: date) -> FuzzyDate:
    """The stored bounds as an uncertain date: all that is known when the EDTF is damaged."""
    start = DatePoint(first.year, first.month, first.day, uncertain=True)
    if first == last:
        return FuzzyDate(start)
    return FuzzyDate(start, DatePoint(last.year, last.month, last.day, uncertain=True))


def _flag_problems(
    precision: object, approximate: object, uncertain: object, honest: FuzzyDate
) -> list[str]:
    """The stored precision and qualifier flags against the date they were derived from."""
    problems = []
    if precision != honest.precision.value:
        problems.append(
            _("precision: {value} does not match the date ({precision})").format(
                value=_shown(precision), precision=honest.precision
            )
        )
    for field, stored, expected in (
        ("approximate", approximate, honest.approximate),
        ("uncertain", uncertain, honest.uncertain),
    ):
        if stored not in (0, 1) or bool(stored) != expected:
            problems.append(
                _("{field}: {value} does not match the date ({expected})").format(
                    field=field, value=_shown(stored), expected=expected
                )
            )
    return problems


# -- events -----------------------------------------------------------------------------------


def event_row(row: Any) -> EventRow:
    """A light row for lists and the timeline (columns of repository._ROW_COLUMNS)."""
    read = stored_date(row, row.key)
    problems = list(read.problems)
    if row.slug is None:
        problems.append(_("type_id: names no event type"))
    title, names = row.title, row.actor_names
    if not (isinstance(title, str) and isinstance(names, str)):
        title = text_value(title, "title", problems)
        names = text_value(names, "actor_names", problems)
    return EventRow(
        id=row.id,
        title=title,
        type_slug=row.slug if isinstance(row.slug, str) else "",
        edtf=read.edtf,
        start=read.start,
        end=read.end,
        precision=read.precision,
        approximate=read.approximate,
        uncertain=read.uncertain,
        actor_names=names,
        problems=tuple(problems),
        unsourced=bool(getattr(row, "unsourced", False)),
    )


@dataclass(frozen=True)
class EventParts:
    """What an event is assembled from besides its own row (read by the repository)."""

    event_type: EventType | None
    citation: Citation
    participants: Sequence[Participant]
    quotes: Sequence[Quote]
    problems: Sequence[str]
    links: Sequence[Link] = ()
    texts: Sequence[Any] = ()  # its event_texts rows (language, title, summary, note)
    language: str = ""  # the reader's: its text in that language is shown, if it has one


def unknown_type(type_id: object) -> EventType:
    """The stand-in for a type id that names no type: listed, and marked as such."""
    number = type_id if isinstance(type_id, int) else -1
    return EventType(number, "", _("(unknown type {type})").format(type=_shown(type_id)))


def event(row: Any, parts: EventParts) -> Event:
    """A full event from an events row (all columns) and its parts."""
    problems: list[str] = []
    read = stored_date(row, row.key)
    assert read.fuzzy is not None  # stored_date raises otherwise
    problems.extend(read.problems)
    if parts.event_type is None:
        problems.append(_("type_id: {value} names no event type").format(value=_shown(row.type_id)))
    problems.extend(parts.problems)
    if not parts.problems:  # with every participant readable, the list must name them
        problems.extend(_listed_names_problems(row.actor_names, parts.participants))
    # No quote is not damage: the event is unsourced (Event.unsourced), and shown so.
    problems.extend(q.problem for q in parts.quotes if q.problem)
    own = EventText(
        language=_language(getattr(row, "language", ""), "language", problems),
        title=text_value(row.title, "title", problems),
        summary=text_value(row.summary, "summary", problems),
        note=parts.citation.note,
    )
    translations = event_texts(parts.texts, own.language, problems)
    shown = next((t for t in translations if t.language == parts.language), own)
    return Event(
        id=row.id,
        key=text_value(row.key, "key", problems),
        title=shown.title,
        summary=shown.summary,
        type=parts.event_type or unknown_type(row.type_id),
        date=read.fuzzy,
        citation=replace(parts.citation, note=shown.note or own.note),
        participants=tuple(sorted(parts.participants, key=lambda p: p.role != Role.ACTING)),
        quotes=tuple(parts.quotes),
        problems=tuple(problems),
        claim=_claim(row, problems),
        links=tuple(parts.links),
        language=shown.language,
        written=None if shown is own else own,
        translations=translations,
    )


def _language(value: object, field: str, problems: list[str]) -> str:
    """A stored language tag ("fr", "pt-BR"); "" (not stated) for a damaged one, said so."""
    if value is None or value == "":
        return ""
    if isinstance(value, str) and is_language_tag(value):
        return value
    problems.append(f"{field}: {_shown(value)} is not a language tag")
    return ""


def is_language_tag(value: str) -> bool:
    """A BCP 47 tag of the plain shape: a 2–3 letter language, then subtags ("fr", "pt-BR")."""
    parts = value.split("-")
    return (
        2 <= len(parts[0]) <= 3
        and parts[0].isascii()
        and parts[0].isalpha()
        and parts[0].islower()
        and all(1 <= len(p) <= 8 and p.isascii() and p.isalnum() for p in parts[1:])
    )


def event_texts(
    rows: Sequence[Any], own_language: str, problems: list[str]
) -> tuple[EventText, ...]:
    """An event's translations by language (event_texts rows); a damaged one is left out
    and said so, as is one in the event's own language (its own words are the events row)."""
    texts = []
    for row in rows:
        found: list[str] = []
        language = _language(row.language, "event_texts.language", found)
        text = EventText(
            language,
            text_value(row.title, "event_texts.title", found),
            text_value(row.summary, "event_texts.summary", found),
            text_value(row.note, "event_texts.note", found),
        )
        if not language and not found:
            found.append("event_texts.language: empty")
        if found or language == own_language:
            problems.extend(found or [f"event_texts: {language!r} is the event's own language"])
            continue
        texts.append(text)
    return tuple(sorted(texts, key=lambda t: t.language))


def _claim(row: Any, problems: list[str]) -> Claim | None:
    """What an import said of the event (schema 5), or None for an event made here."""
    claim_text = getattr(row, "claim_text", "")
    origin = getattr(row, "claim_origin", "")
    if claim_text == "" and origin == "":
        return None
    return Claim(
        text_value(claim_text, "claim_text", problems), text_value(origin, "claim_origin", problems)
    )


def link(row: Any, problems: list[str]) -> Link | None:
    """An event_links row; one of an unknown kind is left out, and said so."""
    if row.kind not in LINK_KINDS:
        problems.append(_("event_links: unknown link kind {value}").format(value=_shown(row.kind)))
        return None
    return Link(
        kind=row.kind,
        url=text_value(row.url, "event_links.url", problems),
        credit=text_value(row.credit, "event_links.credit", problems),
        caption=text_value(row.caption, "event_links.caption", problems),
    )


def _listed_names_problems(listed: object, participants: Sequence[Participant]) -> list[str]:
    """The names the list and the timeline show (kept beside the event) against its
    participants (by their own names, the list's): the list must not name actors the event
    does not have."""
    names = ", ".join(dict.fromkeys(p.actor.own_name for p in participants))
    if not isinstance(listed, str) or sorted(listed.split(", ")) != sorted(names.split(", ")):
        return [
            _("actor_names: {listed} (shown in the list) are not its actors ({names})").format(
                listed=_shown(listed), names=names
            )
        ]
    return []


def participant(
    actor_id: object, role: object, actors: Mapping[int, Actor], problems: list[str]
) -> Participant | None:
    """An event_actors row, or None (noted in ``problems``) when it names no actor or role."""
    actor = actors.get(actor_id) if isinstance(actor_id, int) else None
    if actor is None:
        problems.append(
            _("event_actors.actor_id: {value} names no actor").format(value=_shown(actor_id))
        )
        return None
    known_role = _ROLES.get(role) if isinstance(role, str) else None
    if known_role is None:
        problems.append(
            _("event_actors.role: {value} for {name} is neither 'acting' nor 'affected'").format(
                value=_shown(role), name=repr(actor.name)
            )
        )
        return None
    problems.extend(f"{problem} ({actor.name!r})" for problem in actor.problems)
    return Participant(actor, known_role)


_ROLES = {role.value: role for role in Role}


def citation(row: Any, stored: Any | None, article: Source | None) -> tuple[Citation, list[str]]:
    """The citation dating an event (a citations row, or the article), and its problems."""
    problems: list[str] = []
    quote = text_value(row.citation_quote, "citation_quote", problems)
    note = text_value(row.citation_note, "citation_note", problems)
    if not quote.strip():
        problems.append(_("citation_quote: empty, so the date is not cited"))
    if row.citation_id is not None and stored is None:
        problems.append(
            _("citation_id: {value} names no citation").format(value=_shown(row.citation_id))
        )
        return Citation("", _("(missing citation)"), "", "", quote, note, False), problems
    if stored is not None:
        published = text_value(stored.published_edtf, "citations.published_edtf", problems)
        if published:
            try:
                parse_edtf(published)
            except DateError as error:
                problems.append(_("citations.published_edtf: {error}").format(error=error))
        return (
            Citation(
                outlet=text_value(stored.outlet, "citations.outlet", problems),
                title=text_value(stored.title, "citations.title", problems),
                url=text_value(stored.url, "citations.url", problems),
                published=published,
                quote=quote,
                note=note,
                is_article=False,
            ),
            problems,
        )
    if article is not None and any("published_edtf" in p for p in article.problems):
        problems.append(_("the article's publication date (sources.published_edtf) is unreadable"))
    return (
        Citation(
            outlet=article.outlet if article else "",
            title=article.title if article else _("the source article"),
            url=article.url if article else "",
            published=article.published.edtf() if article and article.published else "",
            quote=quote,
            note=note,
            is_article=True,
        ),
        problems,
    )


# -- reference rows ---------------------------------------------------------------------------


def actor(
    row: Any,
    aliases: Sequence[str],
    names: Sequence[tuple[object, object]] = (),
    language: str = "",
) -> Actor:
    """An actor from its actors row, its aliases and its names by language (actor_names
    rows), named in ``language`` (the reader's) when it has a name in it."""
    problems: list[str] = []
    try:
        kind: ActorKind | None = ActorKind(row.kind)
    except ValueError:
        kind = None
        problems.append(
            _("actors.kind: {value} is not a kind of actor").format(value=_shown(row.kind))
        )
    name = text_value(row.name, "actors.name", problems) or _("actor #{id}").format(id=row.id)
    own_aliases = tuple(sorted(a for a in aliases if isinstance(a, str)))
    by_language = tuple(
        sorted((tag, n) for tag, n in names if isinstance(tag, str) and tag and isinstance(n, str))
    )
    shown = dict(by_language).get(language, name)
    others = ({name} | set(own_aliases) | {n for _tag, n in by_language}) - {shown}
    return Actor(
        row.id,
        text_value(row.key, "actors.key", problems),
        shown,
        kind,
        tuple(sorted(others)),
        tuple(problems),
        own_name=name,
        names=by_language,
        own_aliases=own_aliases,
    )


def source(row: Any) -> Source:
    problems: list[str] = []
    try:
        # "" is a source whose publication date is not known (pasted text): none, not damage.
        published: FuzzyDate | None = (
            parse_edtf(row.published_edtf) if row.published_edtf != "" else None
        )
    except DateError as error:
        published = None
        problems.append(_("sources.published_edtf: {error}").format(error=error))
    return Source(
        key=text_value(row.key, "sources.key", problems),
        title=text_value(row.title, "sources.title", problems),
        outlet=text_value(row.outlet, "sources.outlet", problems),
        language=text_value(row.language, "sources.language", problems),
        url=text_value(row.url, "sources.url", problems),
        published=published,
        published_note=text_value(row.published_note, "sources.published_note", problems),
        sha256=text_value(row.sha256, "sources.sha256", problems),
        problems=tuple(problems),
        author=text_value(getattr(row, "author", ""), "sources.author", problems),
    )


def event_type(row: Any) -> EventType | None:
    """An event_types row, or None for one whose slug or label is not text (it then names
    no type, and its events are marked so)."""
    if not isinstance(row.slug, str) or not row.slug or not isinstance(row.label, str):
        return None
    return EventType(row.id, row.slug, row.label)


# -- quotes -----------------------------------------------------------------------------------


def quote(row: Any, source_text: str | None) -> Quote:
    """A quotes row (with its source's key and title), verified against the source's text:
    ``text == source_text[start:end]`` in code points, offsets integers inside the text.
    An unverified quote keeps its text and says why; it must not be highlighted.

    Python, not SQL, compares: slicing a str is direct, where SQLite's substr walks the UTF-8
    text from its start for every quote (20x slower for one source's spans).
    """
    start = row.start if _is_int(row.start) else None
    end = row.end if _is_int(row.end) else None
    problems: list[str] = []
    text = text_value(row.text, "quotes.text", problems)
    problem = ""
    if row.key is None:
        problem = _("quotes.source_id: names no source; not verified ({start}–{end})").format(
            start=row.start, end=row.end
        )
    elif source_text is None:
        problem = _("sources.text: the quoted source's text is unreadable; not verified")
    elif start is None or end is None:
        problem = _("quotes.start/end: {start}–{end} are not whole numbers; not verified").format(
            start=_shown(row.start), end=_shown(row.end)
        )
    elif not 0 <= start < end <= len(source_text):
        problem = _(
            "quotes.start/end: {start}–{end} are outside the source text "
            "({length} characters); not verified"
        ).format(start=start, end=end, length=number(len(source_text)))
    elif problems:
        problem = _("{problem}; not verified").format(problem=problems[0])
    elif source_text[start:end] != text:
        problem = f"quotes.text: {NOT_VERIFIED} ({start}–{end})"
    source_key = row.key if isinstance(row.key, str) else ""
    source_title = row.title if isinstance(row.title, str) else ""
    return Quote(text, start, end, source_key, source_title, problem)


def translated_quote(quote: Quote, rows: Sequence[tuple[object, object]], language: str) -> Quote:
    """The quote with its translations (quote_translations rows: language, text); a damaged
    one is left out. The quote's own words are untouched: a translation is shown beside it."""
    translations = tuple(
        sorted(
            (tag, text)
            for tag, text in rows
            if isinstance(tag, str) and is_language_tag(tag) and isinstance(text, str) and text
        )
    )
    if not translations:
        return quote
    return replace(
        quote, translations=translations, translation=dict(translations).get(language, "")
    )


def is_verbatim(source_text: str, start: object, end: object, text: object) -> bool:
    """The same test, for a span alone (what the article highlights)."""
    if not (_is_int(start) and _is_int(end)):
        return False
    assert isinstance(start, int) and isinstance(end, int)
    return 0 <= start < end <= len(source_text) and source_text[start:end] == text


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
