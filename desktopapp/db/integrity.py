"""Re-verify a whole timeline file: every row read as the app reads it, every quote checked.

``desktopapp check FILE`` runs this. It uses the same readers as viewing (db/reading.py),
so what it lists is exactly what the window and the exports mark as damaged, plus what
viewing never reads: rows that belong to no event, and SQLite's own structural check.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlalchemy import select, text

from desktopapp.db.reading import DamagedRowError, is_verbatim, row_label
from desktopapp.db.repository import EventRepository
from desktopapp.db.schema import (
    EventActorRow,
    EventRowORM,
    EventTypeRow,
    QuoteRow,
)

CHUNK = 500


@dataclass(frozen=True)
class Damage:
    """One thing wrong in the file: which row (table, id and key), and what."""

    row: str
    problem: str

    def line(self) -> str:
        return f"{self.row}: {self.problem}"


@dataclass
class IntegrityReport:
    events: int = 0
    quotes: int = 0
    damages: list[Damage] = field(default_factory=list)

    @property
    def is_clean(self) -> bool:
        return not self.damages

    def summary(self) -> str:
        if self.is_clean:
            return f"{self.events} events, {self.quotes} quotes: all verified"
        rows = len({d.row for d in self.damages})
        return (
            f"{_count(len(self.damages), 'problem')} in {_count(rows, 'row')} "
            f"({self.events} events, {self.quotes} quotes checked)"
        )


def check_database(repository: EventRepository) -> IntegrityReport:
    """Every damaged row of the repository's file, with what is wrong."""
    report = IntegrityReport()
    report.damages.extend(_structure(repository))
    report.damages.extend(_reference_rows(repository))
    for damages, quotes in _events(repository):
        report.events += 1
        report.quotes += quotes
        report.damages.extend(damages)
    report.damages.extend(_orphans(repository))
    report.damages.extend(_cited_sentences(repository))
    report.damages.extend(_kept_counts(repository))
    return report


def _structure(repository: EventRepository) -> Iterator[Damage]:
    """The engine's own check of pages and indexes (a damaged index answers filters wrongly)."""
    with repository.engine.connect() as connection:
        problems = repository.dialect.structure_problems(connection)
    for problem in problems:
        yield Damage("file", f"SQLite structure: {problem}")


def _reference_rows(repository: EventRepository) -> Iterator[Damage]:
    for source in repository.sources:
        for problem in source.problems:
            yield Damage(f"sources {source.key!r}", problem)
    for actor in repository.actors:
        for problem in actor.problems:
            yield Damage(row_label("actors", actor.id, actor.key), problem)
    known = {t.id for t in repository.event_types}
    with repository.engine.connect() as connection:
        for key, source_text, sha256 in connection.execute(
            text("SELECT key, text, sha256 FROM sources ORDER BY id")
        ):
            yield from _source_text(key, source_text, sha256)
        for row in connection.execute(select(EventTypeRow.id, EventTypeRow.slug)):
            if row.id not in known:
                yield Damage(
                    row_label("event_types", row.id, row.slug), "slug or label is not text"
                )
    yield from _taxonomy(repository)


def _source_text(key: object, source_text: object, sha256: object) -> Iterator[Damage]:
    """A source's text against the digest the build recorded of it: quotes that still match
    a changed text are verbatim of that text, not of the article that was annotated."""
    if not isinstance(source_text, str):
        yield Damage(f"sources {key!r}", f"text holds {type(source_text).__name__}, not text")
    elif hashlib.sha256(source_text.encode("utf-8", "surrogatepass")).hexdigest() != sha256:
        yield Damage(
            f"sources {key!r}",
            "text: its SHA-256 is not the one recorded when the file was built (sha256); "
            "the text was changed since",
        )


# What the annotation loader accepts: 'parent' or 'parent/child', lower-case with dashes.
_TYPE_SLUG = re.compile(r"[a-z0-9-]+(?:/[a-z0-9-]+)?")


def _taxonomy(repository: EventRepository) -> Iterator[Damage]:
    """Types the builder never writes: another shape of slug, a child without its parent
    (the filter would list it under nothing, and '--type parent' would not include it)."""
    slugs = {t.slug for t in repository.event_types}
    for event_type in repository.event_types:
        label = row_label("event_types", event_type.id, event_type.slug)
        if not _TYPE_SLUG.fullmatch(event_type.slug):
            yield Damage(label, "slug: not 'parent' or 'parent/child' in lower-case-with-dashes")
        elif event_type.parent_slug is not None and event_type.parent_slug not in slugs:
            yield Damage(label, f"slug: its parent type {event_type.parent_slug!r} does not exist")


def _events(repository: EventRepository) -> Iterator[tuple[list[Damage], int]]:
    """(its damages, its quote count) for every event, read in chunks of ids."""
    with repository.engine.connect() as connection:
        ids = [row[0] for row in connection.execute(select(EventRowORM.id).order_by("id"))]
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        try:
            events = repository.events_by_id(chunk)
        except DamagedRowError:  # a row no event can be made of: find it, one at a time
            yield from _one_by_one(repository, chunk)
            continue
        for event in events:
            label = row_label("events", event.id, event.key)
            yield [Damage(label, p) for p in event.problems], len(event.quotes)


def _one_by_one(repository: EventRepository, ids: list[int]) -> Iterator[tuple[list[Damage], int]]:
    for event_id in ids:
        try:
            events = repository.events_by_id([event_id])
        except DamagedRowError as error:
            yield [Damage(error.row, error.problem)], 0
            continue
        for event in events:
            label = row_label("events", event.id, event.key)
            yield [Damage(label, p) for p in event.problems], len(event.quotes)


def _orphans(repository: EventRepository) -> Iterator[Damage]:
    """Rows that belong to no event, which no view of the file ever shows."""
    events = select(EventRowORM.id)
    with repository.engine.connect() as connection:
        for row in connection.execute(
            select(QuoteRow.id, QuoteRow.event_id).where(QuoteRow.event_id.not_in(events))
        ):
            yield Damage(f"quotes #{row.id}", f"event_id {row.event_id!r} names no event")
        for row in connection.execute(
            select(EventActorRow.event_id, EventActorRow.actor_id).where(
                EventActorRow.event_id.not_in(events)
            )
        ):
            yield Damage(
                f"event_actors (event_id {row.event_id!r}, actor_id {row.actor_id!r})",
                "names no event",
            )


def _cited_sentences(repository: EventRepository) -> Iterator[Damage]:
    """A date cited by a sentence of a stored source: the sentence must be that source's text
    at its offsets, as a quote is (events with no quote, or an uncited date, are listed by
    the readers above)."""
    query = text(
        "SELECT e.id, e.key, e.citation_start, e.citation_end, e.citation_quote, s.text "
        "FROM events e LEFT JOIN sources s ON s.id = e.citation_source_id "
        "WHERE e.citation_source_id IS NOT NULL"
    )
    with repository.engine.connect() as connection:
        for event_id, key, start, end, sentence, source_text in connection.execute(query):
            label = row_label("events", event_id, key)
            if not isinstance(source_text, str):
                yield Damage(label, "citation_source_id: names no source with a text")
            elif not is_verbatim(source_text, start, end, sentence):
                yield Damage(
                    label,
                    f"citation_quote: not the cited source's text at {start!r}-{end!r}, "
                    "so the date's citation is not verified",
                )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


# Counts the build keeps beside the events (facets, histograms), and the same counted afresh.
_KEPT_COUNTS = {
    "day_type_counts": (
        "SELECT start_date, type_id, events FROM day_type_counts",
        "SELECT start_date, type_id, count(*) FROM events GROUP BY start_date, type_id",
        ("start_date", "type_id"),
    ),
    "actor_type_counts": (
        "SELECT actor_id, type_id, events FROM actor_type_counts",
        "SELECT ea.actor_id, e.type_id, count(DISTINCT e.id) FROM event_actors ea "
        "JOIN events e ON e.id = ea.event_id GROUP BY ea.actor_id, e.type_id",
        ("actor_id", "type_id"),
    ),
}
MAX_COUNT_LINES = 20


def _kept_counts(repository: EventRepository) -> Iterator[Damage]:
    """Kept counts that disagree with the events: every facet and histogram using them
    would answer wrongly, while each event looks sound."""
    with repository.engine.connect() as connection:
        for table, (kept_sql, fresh_sql, names) in _KEPT_COUNTS.items():
            kept = {(a, b): n for a, b, n in connection.execute(text(kept_sql))}
            fresh = {(a, b): n for a, b, n in connection.execute(text(fresh_sql))}
            wrong = sorted(
                (k for k in kept.keys() | fresh.keys() if kept.get(k, 0) != fresh.get(k, 0)),
                key=repr,
            )
            for key in wrong[:MAX_COUNT_LINES]:
                where = ", ".join(
                    f"{name} {value!r}" for name, value in zip(names, key, strict=True)
                )
                yield Damage(
                    f"{table} ({where})",
                    f"events: {kept.get(key, 0)!r} kept, {fresh.get(key, 0)} counted",
                )
            if len(wrong) > MAX_COUNT_LINES:
                yield Damage(table, f"{len(wrong) - MAX_COUNT_LINES} more counts disagree")
