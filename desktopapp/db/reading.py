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
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Integer, and_, case, func, type_coerce
from sqlalchemy.sql.elements import ColumnElement

from desktopapp.db.engine import DatabaseError
from desktopapp.db.schema import QuoteRow, SourceRow
from desktopapp.domain.dates import DateError, DatePoint, FuzzyDate, parse_edtf, parse_iso_day
from desktopapp.domain.model import (
    NOT_VERIFIED,
    Actor,
    ActorKind,
    Citation,
    Event,
    EventRow,
    EventType,
    Participant,
    Quote,
    Role,
    Source,
)

# -- plain values -----------------------------------------------------------------------------


def text_value(value: object, field: str, problems: list[str]) -> str:
    """A stored text as a str; another type (NULL, a number, bytes) is noted in ``problems``."""
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    problems.append(f"{field}: holds {type(value).__name__} instead of text")
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return str(value)


def _shown(value: object, limit: int = 60) -> str:
    """A stored value for a message: repr, cut so that a hostile megabyte stays one line."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def row_label(table: str, row_id: object, key: object) -> str:
    """How a message names a row: ``events #12 'apple-halts-exports'``."""
    return f"{table} #{row_id} {_shown(key)}" if key not in (None, "") else f"{table} #{row_id}"


# -- dates ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StoredDate:
    """An event's date as read: the honest date, and what is wrong with its columns."""

    date: FuzzyDate
    problems: tuple[str, ...]
    from_bounds: bool = False  # the EDTF is damaged; the date stands for the stored bounds


def stored_date(row: Any, label: str) -> StoredDate:
    """The date of an events row from ``date_edtf`` (the truth) and its ISO bounds.

    A damaged EDTF with sound bounds is shown by its bounds, marked uncertain; damaged bounds
    with a sound EDTF are noted (filters and order use the bounds). Neither readable: no date
    can be shown, and the open stops naming the row.
    """
    problems: list[str] = []
    bounds = _bounds(row.start_date, row.end_date, problems)
    try:
        honest = parse_edtf(row.date_edtf)
    except DateError as error:
        if bounds is None:
            raise DatabaseError(
                f"{label}: date_edtf {_shown(row.date_edtf)} is not a date ({error}), and "
                f"start_date/end_date {_shown(row.start_date)}/{_shown(row.end_date)} are not "
                "ISO days either: the file is damaged"
            ) from None
        problems.insert(
            0,
            f"date_edtf: {error}; the event is placed by its stored bounds "
            f"{bounds[0].isoformat()} – {bounds[1].isoformat()}",
        )
        return StoredDate(_date_of_bounds(*bounds), tuple(problems), from_bounds=True)
    problems.extend(_flag_problems(row, honest))
    if bounds is not None and bounds != (honest.earliest(), honest.latest()):
        problems.append(
            f"start_date/end_date: {bounds[0].isoformat()} – {bounds[1].isoformat()} do not "
            f"match the date {honest.edtf()} ({honest.earliest().isoformat()} – "
            f"{honest.latest().isoformat()}); filters and order use the stored bounds"
        )
    return StoredDate(honest, tuple(problems))


def _bounds(start: object, end: object, problems: list[str]) -> tuple[date, date] | None:
    found = []
    for field, value in (("start_date", start), ("end_date", end)):
        try:
            found.append(parse_iso_day(value))
        except DateError as error:
            problems.append(f"{field}: {error}")
    if len(found) < 2:
        return None
    if found[0] > found[1]:
        problems.append(f"start_date/end_date: {found[0]} is after {found[1]}")
        return None
    return found[0], found[1]


def _date_of_bounds(first: date, last: date) -> FuzzyDate:
    """The stored bounds as an uncertain date: all that is known when the EDTF is damaged."""
    start = DatePoint(first.year, first.month, first.day, uncertain=True)
    if first == last:
        return FuzzyDate(start)
    return FuzzyDate(start, DatePoint(last.year, last.month, last.day, uncertain=True))


def _flag_problems(row: Any, honest: FuzzyDate) -> list[str]:
    """The stored precision and qualifier flags against the date they were derived from."""
    problems = []
    if row.precision != honest.precision.value:
        problems.append(
            f"precision: {_shown(row.precision)} does not match the date ({honest.precision})"
        )
    for field, expected in (("approximate", honest.approximate), ("uncertain", honest.uncertain)):
        stored = getattr(row, field)
        if stored not in (0, 1) or bool(stored) != expected:
            problems.append(f"{field}: {_shown(stored)} does not match the date ({expected})")
    return problems


# -- events -----------------------------------------------------------------------------------


def event_row(row: Any) -> EventRow:
    """A light row for lists and the timeline (columns of repository._ROW_COLUMNS)."""
    problems: list[str] = []
    read = stored_date(row, row_label("events", row.id, getattr(row, "key", None)))
    problems.extend(read.problems)
    honest = read.date
    if row.slug is None:
        problems.append("type_id: names no event type")
    return EventRow(
        id=row.id,
        title=text_value(row.title, "title", problems),
        type_slug=row.slug if isinstance(row.slug, str) else "",
        edtf=honest.edtf(),
        start=honest.earliest(),
        end=honest.latest(),
        precision=honest.precision.value,
        approximate=honest.approximate,
        uncertain=honest.uncertain,
        actor_names=text_value(row.actor_names, "actor_names", problems),
        problems=tuple(problems),
    )


@dataclass(frozen=True)
class EventParts:
    """What an event is assembled from besides its own row (read by the repository)."""

    event_type: EventType | None
    citation: Citation
    participants: Sequence[Participant]
    quotes: Sequence[Quote]
    problems: Sequence[str]


def unknown_type(type_id: object) -> EventType:
    """The stand-in for a type id that names no type: listed, and marked as such."""
    number = type_id if isinstance(type_id, int) else -1
    return EventType(number, "", f"(unknown type {_shown(type_id)})")


def event(row: Any, parts: EventParts) -> Event:
    """A full event from an events row (all columns) and its parts."""
    problems: list[str] = []
    read = stored_date(row, row_label("events", row.id, row.key))
    problems.extend(read.problems)
    if parts.event_type is None:
        problems.append(f"type_id: {_shown(row.type_id)} names no event type")
    problems.extend(parts.problems)
    if not parts.quotes:
        problems.append("quotes: the event has no quote of its source")
    problems.extend(q.problem for q in parts.quotes if q.problem)
    title = text_value(row.title, "title", problems)
    return Event(
        id=row.id,
        key=text_value(row.key, "key", problems),
        title=title,
        summary=text_value(row.summary, "summary", problems),
        type=parts.event_type or unknown_type(row.type_id),
        date=read.date,
        citation=parts.citation,
        participants=tuple(sorted(parts.participants, key=lambda p: p.role != Role.ACTING)),
        quotes=tuple(parts.quotes),
        problems=tuple(problems),
    )


def participant(
    actor_id: object, role: object, actors: Mapping[int, Actor], problems: list[str]
) -> Participant | None:
    """An event_actors row, or None (noted in ``problems``) when it names no actor or role."""
    actor = actors.get(actor_id) if isinstance(actor_id, int) else None
    if actor is None:
        problems.append(f"event_actors.actor_id: {_shown(actor_id)} names no actor")
        return None
    known_role = _ROLES.get(role) if isinstance(role, str) else None
    if known_role is None:
        problems.append(
            f"event_actors.role: {_shown(role)} for {actor.name!r} is neither "
            "'acting' nor 'affected'"
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
        problems.append("citation_quote: empty, so the date is not cited")
    if row.citation_id is not None and stored is None:
        problems.append(f"citation_id: {_shown(row.citation_id)} names no citation")
        return Citation("", "(missing citation)", "", "", quote, note, False), problems
    if stored is not None:
        published = text_value(stored.published_edtf, "citations.published_edtf", problems)
        if published:
            try:
                parse_edtf(published)
            except DateError as error:
                problems.append(f"citations.published_edtf: {error}")
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
    if article is not None and article.published is None:
        problems.append("the article's publication date (sources.published_edtf) is unreadable")
    return (
        Citation(
            outlet=article.outlet if article else "",
            title=article.title if article else "the source article",
            url=article.url if article else "",
            published=article.published.edtf() if article and article.published else "",
            quote=quote,
            note=note,
            is_article=True,
        ),
        problems,
    )


# -- reference rows ---------------------------------------------------------------------------


def actor(row: Any, aliases: Sequence[str]) -> Actor:
    problems: list[str] = []
    try:
        kind: ActorKind | None = ActorKind(row.kind)
    except ValueError:
        kind = None
        problems.append(f"actors.kind: {_shown(row.kind)} is not a kind of actor")
    name = text_value(row.name, "actors.name", problems) or f"actor #{row.id}"
    return Actor(
        row.id,
        text_value(row.key, "actors.key", problems),
        name,
        kind,
        tuple(sorted(a for a in aliases if isinstance(a, str))),
        tuple(problems),
    )


def source(row: Any) -> Source:
    problems: list[str] = []
    try:
        published: FuzzyDate | None = parse_edtf(row.published_edtf)
    except DateError as error:
        published = None
        problems.append(f"sources.published_edtf: {error}")
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
    )


def event_type(row: Any) -> EventType | None:
    """An event_types row, or None for one whose slug or label is not text (it then names
    no type, and its events are marked so)."""
    if not isinstance(row.slug, str) or not row.slug or not isinstance(row.label, str):
        return None
    return EventType(row.id, row.slug, row.label)


# -- quotes -----------------------------------------------------------------------------------

_Q = QuoteRow.__table__.c
_S = SourceRow.__table__.c


def _offsets_are_integers() -> ColumnElement[bool]:
    return and_(func.typeof(_Q.start) == "integer", func.typeof(_Q.end) == "integer")


def quote_in_range() -> ColumnElement[bool]:
    """Offsets that are integers inside the source text, start before end (code points)."""
    return and_(
        _offsets_are_integers(),
        func.typeof(_S.text) == "text",
        _Q.start >= 0,
        _Q.end > _Q.start,
        _Q.end <= func.length(_S.text),
    )


def quote_verbatim() -> ColumnElement[bool]:
    """The SQL test that a quote is exactly its source's text at its offsets.

    SQLite's substr and length count characters of a text, so this is Python's
    ``source_text[start:end] == text`` in code points. Run per quote read (a page of events
    or one source's spans), never over the whole file at open.
    """
    return and_(
        quote_in_range(),
        func.typeof(_Q.text) == "text",
        func.substr(_S.text, _Q.start + 1, _Q.end - _Q.start) == _Q.text,
    )


def quote_check_columns() -> list[ColumnElement[Any]]:
    """Columns to select beside a quote so that :func:`quote` can say what is wrong."""
    return [
        type_coerce(case((quote_verbatim(), 1), else_=0), Integer).label("verbatim"),
        type_coerce(case((quote_in_range(), 1), else_=0), Integer).label("in_range"),
        func.length(_S.text).label("source_length"),
    ]


def quote(row: Any) -> Quote:
    """A quote read with :func:`quote_check_columns`: unverified ones say why."""
    start = row.start if _is_int(row.start) else None
    end = row.end if _is_int(row.end) else None
    problem = ""
    if row.key is None:
        problem = f"quotes.source_id: names no source; not verified ({row.start}–{row.end})"
    elif start is None or end is None:
        problem = (
            f"quotes.start/end: {_shown(row.start)}–{_shown(row.end)} are not whole numbers; "
            "not verified"
        )
    elif not row.in_range:
        problem = (
            f"quotes.start/end: {start}–{end} are outside the source text "
            f"({row.source_length} characters); not verified"
        )
    elif not row.verbatim:
        problem = f"quotes.text: {NOT_VERIFIED} ({start}–{end})"
    problems: list[str] = []
    text = text_value(row.text, "quotes.text", problems)
    if problems and not problem:
        problem = f"{problems[0]}; not verified"
    source_key = row.key if isinstance(row.key, str) else ""
    source_title = row.title if isinstance(row.title, str) else ""
    return Quote(text, start, end, source_key, source_title, problem)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
