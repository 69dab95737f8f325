"""Re-verify a whole timeline file: every row read as the app reads it, every quote checked.

``desktopapp check FILE`` runs this. It uses the same readers as viewing (db/reading.py),
so what it lists is exactly what the window and the exports mark as damaged, plus what
viewing never reads: rows that belong to no event, and SQLite's own structural check.

An event with no quote at all (an imported one, until a quote is attached) is not damaged: it
is *unsourced*, and shown so everywhere. The check lists those apart, with their count, and
they do not make it fail.
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
    LANE_DAY_RECOUNT,
    EventActorRow,
    EventRowORM,
    EventTypeRow,
    QuoteRow,
)
from desktopapp.domain import l10n
from desktopapp.domain.l10n import _, ngettext
from desktopapp.domain.model import Event
from desktopapp.domain.text import LINE_LIMIT, for_display

CHUNK = 500


@dataclass(frozen=True)
class Damage:
    """One thing wrong in the file: which row (table, id and key), and what."""

    row: str
    problem: str

    def line(self) -> str:
        return _("{row}: {problem}").format(row=self.row, problem=self.problem)


@dataclass(frozen=True)
class Unsourced:
    """An event no quote backs (shown as unsourced): which row, and its title."""

    row: str
    title: str

    def line(self) -> str:
        # A title is anyone's text: its controls shown (no terminal escape), a long one cut.
        shown = for_display(self.title, LINE_LIMIT, say_cut=True)
        return _("{row}: {problem}").format(row=self.row, problem=shown)


@dataclass
class IntegrityReport:
    events: int = 0
    quotes: int = 0
    damages: list[Damage] = field(default_factory=list)
    unsourced: list[Unsourced] = field(default_factory=list)

    @property
    def is_clean(self) -> bool:
        """Nothing broken (unsourced events are not: they are shown as what they are)."""
        return not self.damages

    def unsourced_heading(self) -> str:
        """The line above the list of unsourced events ("" when there is none)."""
        if not self.unsourced:
            return ""
        number = len(self.unsourced)
        return ngettext(
            "{n} event is unsourced (no quote from a source yet):",
            "{n} events are unsourced (no quote from a source yet):",
            number,
        ).format(n=l10n.number(number))

    def summary(self) -> str:
        counts = _counted(ngettext("{n} event", "{n} events", self.events), self.events)
        if self.unsourced:
            unsourced = len(self.unsourced)
            counts += _counted(ngettext(", {n} unsourced", ", {n} unsourced", unsourced), unsourced)
        quotes = _counted(ngettext("{n} quote", "{n} quotes", self.quotes), self.quotes)
        if self.is_clean:
            return _("{events}, {quotes}: all verified").format(events=counts, quotes=quotes)
        rows = len({d.row for d in self.damages})
        return _("{problems} in {rows} ({events}, {quotes} checked)").format(
            problems=_counted(
                ngettext("{n} problem", "{n} problems", len(self.damages)), len(self.damages)
            ),
            rows=_counted(ngettext("{n} row", "{n} rows", rows), rows),
            events=counts,
            quotes=quotes,
        )


@dataclass(frozen=True)
class _Checked:
    """What one event's reading found."""

    damages: list[Damage]
    quotes: int = 0
    unsourced: Unsourced | None = None

    @classmethod
    def of(cls, event: Event) -> _Checked:
        label = row_label("events", event.id, event.key)
        return cls(
            [Damage(label, p) for p in event.problems],
            len(event.quotes),
            Unsourced(label, event.title) if event.unsourced else None,
        )


def check_database(repository: EventRepository) -> IntegrityReport:
    """Every damaged row of the repository's file, with what is wrong."""
    report = IntegrityReport()
    report.damages.extend(_structure(repository))
    report.damages.extend(_stamp(repository))
    report.damages.extend(_reference_rows(repository))
    for checked in _events(repository):
        report.events += 1
        report.quotes += checked.quotes
        report.damages.extend(checked.damages)
        if checked.unsourced is not None:
            report.unsourced.append(checked.unsourced)
    report.damages.extend(_orphans(repository))
    report.damages.extend(_cited_sentences(repository))
    report.damages.extend(_kept_counts(repository))
    return report


def _stamp(repository: EventRepository) -> Iterator[Damage]:
    """The migration stamp against the schema version: a file whose two disagree cannot be
    upgraded safely (upgrade-db refuses it). No stamp is a file from before migrations."""
    from desktopapp.db import migrations

    with repository.engine.connect() as connection:
        stamped = migrations.current_revision(connection)
    version = str(repository.meta.get("schema_version", ""))
    if stamped is not None and version.isdigit():
        expected = migrations.revision_of_schema(int(version))
        if stamped != expected:
            yield Damage(
                _("file"),
                _(
                    "its migration stamp {stamp} disagrees with its schema version {version} "
                    "(revision {expected}); upgrade-db refuses such a file"
                ).format(stamp=repr(for_display(stamped, 40)), version=version, expected=expected),
            )


def _structure(repository: EventRepository) -> Iterator[Damage]:
    """The engine's own check of pages and indexes (a damaged index answers filters wrongly)."""
    with repository.engine.connect() as connection:
        problems = repository.dialect.structure_problems(connection)
    for problem in problems:
        yield Damage(_("file"), _("SQLite structure: {problem}").format(problem=problem))


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
                    row_label("event_types", row.id, row.slug), _("slug or label is not text")
                )
    yield from _taxonomy(repository)


def _source_text(key: object, source_text: object, sha256: object) -> Iterator[Damage]:
    """A source's text against the digest the build recorded of it: quotes that still match
    a changed text are verbatim of that text, not of the article that was annotated."""
    if not isinstance(source_text, str):
        yield Damage(
            f"sources {key!r}",
            _("text holds {kind}, not text").format(kind=type(source_text).__name__),
        )
    elif hashlib.sha256(source_text.encode("utf-8", "surrogatepass")).hexdigest() != sha256:
        yield Damage(
            f"sources {key!r}",
            _(
                "text: its SHA-256 is not the one recorded when the file was built (sha256); "
                "the text was changed since"
            ),
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
            yield Damage(label, _("slug: not 'parent' or 'parent/child' in lower-case-with-dashes"))
        elif event_type.parent_slug is not None and event_type.parent_slug not in slugs:
            yield Damage(
                label,
                _("slug: its parent type {slug} does not exist").format(
                    slug=repr(event_type.parent_slug)
                ),
            )


def _events(repository: EventRepository) -> Iterator[_Checked]:
    """What reading found of every event, read in chunks of ids."""
    with repository.engine.connect() as connection:
        ids = [row[0] for row in connection.execute(select(EventRowORM.id).order_by("id"))]
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        try:
            events = repository.events_by_id(chunk)
        except DamagedRowError:  # a row no event can be made of: find it, one at a time
            yield from _one_by_one(repository, chunk)
            continue
        yield from map(_Checked.of, events)


def _one_by_one(repository: EventRepository, ids: list[int]) -> Iterator[_Checked]:
    for event_id in ids:
        try:
            events = repository.events_by_id([event_id])
        except DamagedRowError as error:
            yield _Checked([Damage(error.row, error.problem)])
            continue
        yield from map(_Checked.of, events)


def _orphans(repository: EventRepository) -> Iterator[Damage]:
    """Rows that belong to no event, which no view of the file ever shows."""
    events = select(EventRowORM.id)
    with repository.engine.connect() as connection:
        for row in connection.execute(
            select(QuoteRow.id, QuoteRow.event_id).where(QuoteRow.event_id.not_in(events))
        ):
            yield Damage(
                f"quotes #{row.id}",
                _("event_id {id} names no event").format(id=repr(row.event_id)),
            )
        for row in connection.execute(
            select(EventActorRow.event_id, EventActorRow.actor_id).where(
                EventActorRow.event_id.not_in(events)
            )
        ):
            yield Damage(
                f"event_actors (event_id {row.event_id!r}, actor_id {row.actor_id!r})",
                _("names no event"),
            )


def _cited_sentences(repository: EventRepository) -> Iterator[Damage]:
    """A date cited by a sentence of a stored source: the sentence must be that source's text
    at its offsets, as a quote is (an uncited date is listed by the readers above; an event
    with no quote is unsourced, not damaged)."""
    query = text(
        "SELECT e.id, e.key, e.citation_start, e.citation_end, e.citation_quote, s.text "
        "FROM events e LEFT JOIN sources s ON s.id = e.citation_source_id "
        "WHERE e.citation_source_id IS NOT NULL"
    )
    with repository.engine.connect() as connection:
        for event_id, key, start, end, sentence, source_text in connection.execute(query):
            label = row_label("events", event_id, key)
            if not isinstance(source_text, str):
                yield Damage(label, _("citation_source_id: names no source with a text"))
            elif not is_verbatim(source_text, start, end, sentence):
                yield Damage(
                    label,
                    _(
                        "citation_quote: not the cited source's text at {start}-{end}, "
                        "so the date's citation is not verified"
                    ).format(start=repr(start), end=repr(end)),
                )


def _counted(words: str, count: int) -> str:
    """A plural form of ``ngettext`` with its ``{n}`` written by the language's rules."""
    return words.format(n=l10n.number(count))


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
    "lane_day_counts": (
        "SELECT actor_id, start_date, events FROM lane_day_counts",
        LANE_DAY_RECOUNT,
        ("actor_id", "start_date"),
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
                    _("events: {kept} kept, {counted} counted").format(
                        kept=repr(kept.get(key, 0)), counted=fresh.get(key, 0)
                    ),
                )
            if len(wrong) > MAX_COUNT_LINES:
                more = len(wrong) - MAX_COUNT_LINES
                yield Damage(
                    table,
                    _counted(
                        ngettext("{n} more count disagrees", "{n} more counts disagree", more),
                        more,
                    ),
                )
