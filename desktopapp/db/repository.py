"""Read access to a timeline database. Returns frozen domain objects, never ORM rows.

Every filtered question (rows, counts, facets, histograms) is answered by SQL built from one
:class:`EventFilter`, so the window, the command line and exports cannot disagree.
"""

from __future__ import annotations

import itertools
import math
from array import array
from bisect import bisect_left
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum
from functools import cached_property
from itertools import accumulate, groupby, pairwise
from operator import itemgetter
from typing import Any, TypeVar, cast

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Select,
    SQLColumnExpression,
    Subquery,
    TextClause,
    and_,
    case,
    exists,
    false,
    func,
    literal,
    null,
    or_,
    select,
    tuple_,
    union_all,
)
from sqlalchemy import (
    text as sql_text,
)

from desktopapp.db import reading
from desktopapp.db.actor_spans import ActorSpans, day_number
from desktopapp.db.dialect import (
    LONG_SPAN_DAYS,
    dialect_for,
    is_long_span,
    julian_ordinal,
    looks_like_iso_day,
)
from desktopapp.db.engine import DatabaseError
from desktopapp.db.schema import (
    LONG_QUOTE,
    LONG_QUOTE_SQL,
    NO_ACTING_LANE_ID,
    ActorNameRow,
    ActorRow,
    ActorTypeCountRow,
    Base,
    CitationRow,
    DayTypeCountRow,
    EventActorRow,
    EventLinkRow,
    EventRowORM,
    EventTextRow,
    EventTypeRow,
    LaneDayCountRow,
    MetaRow,
    QuoteRow,
    QuoteTranslationRow,
    SourceRow,
)
from desktopapp.db.search import fold
from desktopapp.domain.dates import DateError, parse_iso_day, shifted
from desktopapp.domain.filter import EventFilter, FilterError
from desktopapp.domain.grouping import (
    NO_ACTING_ACTOR_LABEL,
    NO_ACTOR_LANE,
    SINGLE_LANE,
    Grouping,
    LaneCount,
    LaneTally,
)
from desktopapp.domain.l10n import _, language
from desktopapp.domain.model import (
    Actor,
    Event,
    EventRow,
    EventType,
    Link,
    Participant,
    Quote,
    Role,
    Source,
)
from desktopapp.domain.search import parse_search

E = EventRowORM.__table__.c
EA = EventActorRow.__table__.c
# The type lane (and histogram series) of events whose type id names no type: a damaged file.
UNKNOWN_TYPE_LANE = "(unknown type)"


class SortKey(StrEnum):
    DATE = "date"
    TITLE = "title"
    TYPE = "type"
    ACTORS = "actors"


T = TypeVar("T")


@dataclass(frozen=True)
class FacetCounts:
    """Events per actor and per type under the filter, each facet ignoring its own selection.

    That is the usual faceted-search rule: ticking "Apple" must not make every other company
    read 0, it shows how many events each would add.
    """

    actors: dict[int, int]
    types: dict[str, int]


# The values of a row's sort key in one order of the list (see _sort_columns), id last.
SeekKey = tuple[Any, ...]


@dataclass(frozen=True)
class ListPage:
    """Consecutive rows of the list, with the sort keys of the first and last row."""

    rows: tuple[EventRow, ...]
    first_key: SeekKey | None
    last_key: SeekKey | None


@dataclass(frozen=True)
class QuoteSpan:
    event_id: int
    start: int
    end: int
    event_key: str = ""  # to replace an edited event's spans without reading all again


class EventRepository:
    """Queries over one database. Cheap to keep; holds no connection between calls."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = dialect_for(engine)
        self._source_texts: dict[object, str | None] = {}  # by source id, read on first use
        # Some answers are kept across edits and moved by each edit (events_changed). One read
        # while an edit is being written may already hold it, and moving it would count the
        # edit twice: such a read is used but not kept (see _kept).
        self._writing = False
        self._generation = 0
        self._language = language()  # what the names read and kept are in

    def changing(self) -> None:
        """An edit of the file is about to be written (see TimelineStore.execute)."""
        self._writing = True
        self._generation += 1

    def settled(self) -> None:
        """The edit :meth:`changing` announced is done, refused or failed."""
        self._writing = False
        self._generation += 1

    def _kept(self, name: str, read: Callable[[], T]) -> T:
        """A value read from the file and kept as ``name`` until a change drops or moves it;
        not kept if an edit was being written while it was read."""
        if name in self.__dict__:
            return cast(T, self.__dict__[name])
        generation, writing = self._generation, self._writing
        value = read()
        if not writing and generation == self._generation:
            self.__dict__.setdefault(name, value)
        return value

    def _follow_language(self) -> None:
        """Forget what was read in another language than the reader's (actors' names, the
        lanes' labels): the person switched languages since."""
        spoken = language()
        if spoken != self._language:
            for name in _IN_LANGUAGE:
                self.__dict__.pop(name, None)
            self._language = spoken

    def invalidate(self) -> None:
        """Forget everything read and kept (reference data, counts, spans, source texts):
        the file was changed, by this program's store or by another process."""
        for name in (*_CACHED_PROPERTIES, *_KEPT):
            self.__dict__.pop(name, None)
        self._source_texts.clear()
        self.settled()

    def events_changed(
        self,
        day_moves: Iterable[tuple[int, str, int]],
        spans: Iterable[tuple[int, int]],
        event_moves: Sequence[tuple[int, int, int, int]] | None = None,
    ) -> None:
        """After an edit of events alone (no actor, type or source changed): move the total
        and the running totals by the edit's (type id, start day, +1/-1), the events under
        way on the days asked by its ``event_moves`` (type id, start, end as yyyymmdd, +1/-1;
        dropped without them), and read again only the actor spans it touched, so the next
        facets cost what the edit touched rather than a read of every count table (see
        TimelineStore.execute)."""
        day_moves, spans = list(day_moves), list(spans)
        self.__dict__.pop("_full_extent", None)
        under_way = self.__dict__.pop("_under_way", None)
        if under_way and event_moves is not None:
            self.__dict__["_under_way"] = {
                day: _moved_under_way(counts, day, event_moves)
                for day, counts in list(under_way.items())
            }
        if "total" in self.__dict__:
            # Each changed event is one -1 (its old state) and/or one +1 (its new one): the
            # total moves by their sum, exactly, instead of a count(*) of 1M rows (50 ms).
            self.__dict__["total"] += sum(delta for _type, _day, delta in day_moves)
        if "_running_totals" in self.__dict__:
            running = dict(self._running_totals_by_type)
            for type_id, day, delta in day_moves:
                ordinal = _ordinal(day)
                if ordinal is not None:
                    before = running.get(type_id) or RunningTotal.none()
                    running[type_id] = before.moved(ordinal, delta)
            self.__dict__["_running_totals"] = running
        if "_actor_spans" in self.__dict__:
            with self.engine.connect() as connection:
                self.__dict__["_actor_spans"] = self._actor_spans.refreshed(connection, spans)
        if "_lanes" in self.__dict__:
            # The lanes an edit can move are its events' actors' and the one without: each
            # holds at most a few thousand days, read again when next asked (on the
            # timeline's worker thread, not here on the editor's).
            touched = {actor_id for actor_id, _type in spans} | {NO_ACTING_LANE_ID}
            stale = self.__dict__.get("_stale_lanes", frozenset())
            self.__dict__["_stale_lanes"] = frozenset(stale | touched)
        self.settled()

    # -- reference data (small tables, read once) --------------------------------------

    @cached_property
    def meta(self) -> dict[str, str]:
        with self.engine.connect() as connection:
            return {row.key: row.value for row in connection.execute(select(MetaRow))}

    @property
    def actors(self) -> tuple[Actor, ...]:
        """Every actor, named in the reader's language where it has a name in it, in the
        order of those names."""
        self._follow_language()
        return self._actors

    @cached_property
    def _actors(self) -> tuple[Actor, ...]:
        spoken = language()
        N = ActorNameRow.__table__.c
        with self.engine.connect() as connection:
            aliases: dict[int, list[str]] = {}
            names: dict[int, list[tuple[object, object]]] = {}
            for actor_id, name, is_alias, tag in connection.execute(
                select(N.actor_id, N.name, N.is_alias, N.language)
            ):
                if is_alias:
                    aliases.setdefault(actor_id, []).append(name)
                elif tag:
                    names.setdefault(actor_id, []).append((tag, name))
            rows = connection.execute(
                select(ActorRow.id, ActorRow.key, ActorRow.name, ActorRow.kind)
            )
            actors = [
                reading.actor(r, aliases.get(r.id, ()), names.get(r.id, ()), spoken) for r in rows
            ]
        return tuple(sorted(actors, key=lambda actor: (fold(actor.name), actor.id)))

    @cached_property
    def event_types(self) -> tuple[EventType, ...]:
        with self.engine.connect() as connection:
            rows = connection.execute(
                select(EventTypeRow.id, EventTypeRow.slug, EventTypeRow.label).order_by(
                    EventTypeRow.slug
                )
            )
            # A type row whose slug is not text names no type: its events show as such.
            return tuple(t for t in map(reading.event_type, rows) if t is not None)

    @cached_property
    def sources(self) -> tuple[Source, ...]:
        with self.engine.connect() as connection:
            rows = connection.execute(
                select(*_columns(SourceRow, exclude="text")).order_by(SourceRow.id)
            )
            return tuple(reading.source(r) for r in rows)

    @cached_property
    def _sources_by_id(self) -> dict[object, Source]:
        with self.engine.connect() as connection:
            rows = connection.execute(select(*_columns(SourceRow, exclude="text")))
            return {r.id: reading.source(r) for r in rows}

    def source_text(self, source_key: str) -> str:
        with self.engine.connect() as connection:
            value = connection.execute(
                select(SourceRow.text).where(SourceRow.key == source_key)
            ).scalar_one_or_none()
        if value is None:
            raise KeyError(source_key)
        if not isinstance(value, str):
            raise DatabaseError(
                _("sources {key}: text holds {kind}, not text: the file is damaged").format(
                    key=repr(source_key), kind=type(value).__name__
                )
            )
        return value

    def _source_text_by_id(self, source_id: object) -> str | None:
        """A source's text, read once (quotes are verified against it), or None if the id
        names no source with a text. The file is read-only while viewed: it stays true."""
        if source_id not in self._source_texts:
            with self.engine.connect() as connection:
                value = connection.execute(
                    select(SourceRow.text).where(SourceRow.id == source_id)
                ).scalar_one_or_none()
            self._source_texts[source_id] = value if isinstance(value, str) else None
        return self._source_texts[source_id]

    def type_by_slug(self, slug: str) -> EventType:
        for event_type in self.event_types:
            if event_type.slug == slug:
                return event_type
        raise KeyError(slug)

    def actor_by_id(self, actor_id: int) -> Actor:
        self._follow_language()
        return self._actors_by_id[actor_id]

    def _event_row(self, row: Any) -> EventRow:
        """A list's row, its actors named in the reader's language (the stored "Apple,
        Russia" is their own names, joined: each one the reader knows otherwise is renamed;
        a part that is no actor's whole name, as a name holding ", " gives, stays)."""
        read = reading.event_row(row)
        self._follow_language()
        renamed = self._names_in_language
        if not renamed or not read.actor_names:
            return read
        parts = read.actor_names.split(", ")
        return replace(read, actor_names=", ".join(renamed.get(part, part) for part in parts))

    @cached_property
    def _names_in_language(self) -> dict[str, str]:
        """Own name -> the reader's, for the actors named otherwise in the reader's language
        (own names are unique: see Edit._refuse_taken_names)."""
        return {actor.own_name: actor.name for actor in self.actors if actor.name != actor.own_name}

    @cached_property
    def _actors_by_id(self) -> dict[int, Actor]:
        return {actor.id: actor for actor in self.actors}

    # -- resolving what a person typed ------------------------------------------------------

    def resolve_actor(self, name: str) -> Actor:
        """The actor answering to this name or alias (case- and accent-insensitive)."""
        ids = set(self._actor_ids_by_name.get(fold(name), ()))
        if not ids:
            known = ", ".join(actor.name for actor in self.actors[:30])
            more = "…" if len(self.actors) > 30 else ""
            raise FilterError(
                _("no actor is called {name}; known actors: {known}").format(
                    name=repr(name), known=known + more
                )
            )
        if len(ids) > 1:
            names = ", ".join(sorted(self.actor_by_id(i).name for i in ids))
            raise FilterError(
                _("{name} could mean several actors: {names}").format(name=repr(name), names=names)
            )
        return self.actor_by_id(ids.pop())

    @cached_property
    def _actor_ids_by_name(self) -> dict[str, frozenset[int]]:
        """Every folded name and alias -> actor ids, from the actors already read: resolving
        a name is asked on every query of a filter, and needs no trip to the database."""
        index: dict[str, set[int]] = {}
        for actor in self.actors:
            for name in (actor.name, *actor.aliases):
                index.setdefault(fold(name), set()).add(actor.id)
        return {name: frozenset(ids) for name, ids in index.items()}

    def resolve_type(self, name: str) -> EventType:
        """The type with this slug or label (case-insensitive): 'sanction', 'Sales halt'."""
        key = fold(name).replace(" ", "-")
        for event_type in self.event_types:
            if key in (event_type.slug, fold(event_type.label).replace(" ", "-")):
                return event_type
        for event_type in self.event_types:  # a child's last part alone: "sales-halt"
            if event_type.slug.rsplit("/", 1)[-1] == key:
                return event_type
        known = ", ".join(t.slug for t in self.event_types)
        raise FilterError(
            _("no event type is called {name}; known types: {known}").format(
                name=repr(name), known=known
            )
        )

    def validate(self, event_filter: EventFilter) -> None:
        """Raise FilterError if the filter names an unknown actor or type."""
        for name in event_filter.actors:
            self.resolve_actor(name)
        for name in event_filter.types:
            self.resolve_type(name)

    # -- filtered queries -------------------------------------------------------------------

    def count(self, event_filter: EventFilter = EventFilter()) -> int:
        if event_filter.is_empty:
            with self.engine.connect() as connection:
                # Kept across edits by events_changed; the query still asks the file, so a
                # file replaced or written by another program is reported as by any read.
                connection.exec_driver_sql("SELECT 1")
            return self.total
        return self._count(event_filter)

    def _count(self, event_filter: EventFilter) -> int:
        dated = event_filter.date_from or event_filter.date_to
        if dated and not (event_filter.actors or event_filter.text.strip()):
            # Dates and types alone: the running totals and the events under way on the
            # first day, as for the type facets (which then cost no second query).
            by_type = self._type_counts_in_dates(event_filter.date_from, event_filter.date_to)
            wanted = self._type_ids(event_filter.types) if event_filter.types else None
            return sum(n for type_id, n in by_type if wanted is None or type_id in wanted)
        conditions = self._conditions(event_filter)
        query = select(func.count()).select_from(EventRowORM.__table__).where(*conditions)
        if len(event_filter.actors) == 1 and event_filter.without_actors().is_empty:
            # One actor alone: its total, kept by the build (no walk over its events).
            A = ActorTypeCountRow.__table__.c
            actor = self.resolve_actor(next(iter(event_filter.actors)))
            query = select(func.coalesce(func.sum(A.events), 0)).where(A.actor_id == actor.id)
        with self.engine.connect() as connection:
            return _stored_count(connection.execute(query).scalar_one())

    @property
    def total(self) -> int:
        """Every event: counted once, then moved by each edit."""
        return self._kept("total", lambda: self._count(EventFilter()))

    def rows(
        self,
        event_filter: EventFilter = EventFilter(),
        *,
        offset: int = 0,
        limit: int | None = None,
        sort: SortKey = SortKey.DATE,
        descending: bool = False,
    ) -> list[EventRow]:
        """Light rows in the asked order, a page at a time."""
        query = self._row_select().where(*self._conditions(event_filter, ordered=True))
        query = query.order_by(*_order(sort, descending)).offset(offset)
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as connection:
            return [self._event_row(r) for r in connection.execute(query)]

    def rows_between(
        self,
        event_filter: EventFilter,
        start: date,
        end: date,
        *,
        limit: int | None = None,
    ) -> list[EventRow]:
        """Rows whose span overlaps [start, end], in date order: what a timeline window shows."""
        query = self._row_select().where(
            *self._conditions(event_filter, ordered=True), *_overlapping(start, end)
        )
        query = query.order_by(E.start_date, E.id)
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as connection:
            return [self._event_row(r) for r in connection.execute(query)]

    def list_page(
        self,
        event_filter: EventFilter,
        *,
        limit: int,
        sort: SortKey = SortKey.DATE,
        descending: bool = False,
        key: SeekKey | None = None,
        inclusive: bool = False,
        backward: bool = False,
    ) -> ListPage:
        """A page of the list by keyset pagination: a seek on the sort key, never an OFFSET.

        Forward, the first ``limit`` rows after ``key`` (from it with ``inclusive``; from the
        start without a key); backward, the last ``limit`` rows before ``key`` (up to it with
        ``inclusive``; the end of the list without a key). Rows come in list order either way,
        with the sort keys of the first and last row to seek the neighbouring pages.
        """
        columns = _sort_columns(sort)
        reading_descending = descending != backward
        query = self._row_select().add_columns(
            *(column.label(f"sort_key_{n}") for n, column in enumerate(columns))
        )
        conditions = self._conditions(event_filter, ordered=True)
        if key is not None:
            conditions.append(
                _seek(columns, key, greater=not reading_descending, inclusive=inclusive)
            )
        query = query.where(*conditions).order_by(*_order(sort, reading_descending)).limit(limit)
        with self.engine.connect() as connection:
            found = [
                (self._event_row(r), tuple(r[-len(columns) :])) for r in connection.execute(query)
            ]
        if backward:
            found.reverse()
        if not found:
            return ListPage((), None, None)
        return ListPage(tuple(row for row, _ in found), found[0][1], found[-1][1])

    def page_keys(
        self, event_filter: EventFilter, *, every: int, sort: SortKey, descending: bool
    ) -> list[SeekKey]:
        """The sort key of every ``every``-th row of the list (rows 0, every, 2×every…): where
        each page starts, so that any page is one seek. One pass over the sort index."""
        columns = _sort_columns(sort)
        number = func.row_number().over(order_by=_order(sort, descending)).label("number")
        numbered = self._keyed(
            select(*(c.label(f"k{n}") for n, c in enumerate(columns)), number), sort
        )
        inner = numbered.where(*self._conditions(event_filter)).subquery()
        keys = [inner.c[f"k{n}"] for n in range(len(columns))]
        query = select(*keys).where((inner.c.number - 1) % every == 0).order_by(inner.c.number)
        with self.engine.connect() as connection:
            return [tuple(row) for row in connection.execute(query)]

    def position_of(
        self,
        event_filter: EventFilter,
        event_id: int,
        *,
        sort: SortKey = SortKey.DATE,
        descending: bool = False,
    ) -> int | None:
        """Index of the event among the filtered rows in the list's order, or None."""
        columns = _sort_columns(sort)
        with self.engine.connect() as connection:
            found = connection.execute(
                self._keyed(select(*columns), sort).where(
                    E.id == event_id, *self._conditions(event_filter)
                )
            ).first()
            if found is None:
                return None
            # Rows before it in list order: one range of the sort index, counted.
            before = self._keyed(select(func.count()), sort).where(
                *self._conditions(event_filter),
                _seek(columns, tuple(found), greater=descending, inclusive=False),
            )
            return int(connection.execute(before).scalar_one())

    @staticmethod
    def _keyed(query: Select, sort: SortKey) -> Select:
        """The query over events, with the event types joined when the sort key needs them."""
        query = query.select_from(EventRowORM.__table__)
        if sort is SortKey.TYPE:
            query = query.join(EventTypeRow, EventTypeRow.id == E.type_id)
        return query

    def date_extent(self, event_filter: EventFilter = EventFilter()) -> tuple[date, date] | None:
        """Earliest start and latest end of the filtered events, or None if there are none."""
        # Two ordered LIMIT 1 lookups: each walks one index from its end (min and max in one
        # SELECT would scan every row).
        # Stored days that are no ISO day (a damaged file) sort outside every real one;
        # they are passed over, so that one bad row does not stretch the extent to year 9999.
        conditions = self._conditions(event_filter, ordered=True)
        first = (
            select(E.start_date)
            .where(*conditions, looks_like_iso_day(E.start_date))
            .order_by(E.start_date)
            .limit(1)
        )
        last = (
            select(E.end_date)
            .where(*conditions, looks_like_iso_day(E.end_date))
            .order_by(E.end_date.desc())
            .limit(1)
        )
        query = select(first.scalar_subquery(), last.scalar_subquery())
        with self.engine.connect() as connection:
            low, high = connection.execute(query).one()
        if low is None:
            return None
        return _extent_day(low, date.min), _extent_day(high, date.max)

    def histogram(
        self, event_filter: EventFilter, start: date, end: date, bins: int, *, by_type: bool = False
    ) -> list[int] | dict[str, list[int]]:
        """Filtered events per equal-width bin of [start, end], binned by their start day.

        With ``by_type`` the counts are split by top-level type slug.
        """
        bins = max(1, bins)
        first, span = start.toordinal(), max(1, end.toordinal() - start.toordinal() + 1)
        if _types_only(event_filter):
            return self._precomputed_histogram(event_filter, first, span, bins, by_type=by_type)
        with self.engine.connect() as connection:
            day_counts = connection.execute(
                self._day_type_counts(event_filter, start, end, by_type=by_type)
            ).all()
        ordinals: dict[str, int] = {}

        def bucket(day: str) -> int:
            ordinal = ordinals.get(day)
            if ordinal is None:
                ordinal = ordinals[day] = _ordinal_or_first(day, first)
            return min(bins - 1, max(0, (ordinal - first) * bins // span))

        if not by_type:
            counts = [0] * bins
            for day, count in day_counts:
                counts[bucket(day)] += count
            return counts
        by_root: dict[str, list[int]] = {}
        roots = self._root_by_type_id
        for day, type_id, count in day_counts:
            root = roots.get(type_id, UNKNOWN_TYPE_LANE)
            series = by_root.get(root)
            if series is None:
                series = by_root[root] = [0] * bins
            series[bucket(day)] += count
        return by_root

    def _precomputed_histogram(
        self, event_filter: EventFilter, first: int, span: int, bins: int, *, by_type: bool
    ) -> list[int] | dict[str, list[int]]:
        """The histogram of a type-only filter from running totals: bins x types lookups."""
        running = self._running_totals_by_type
        wanted = self._type_ids(event_filter.types) if event_filter.types else set(running)
        # Bin i holds the days d with (d - first) * bins // span == i.
        edges = [first + (i * span + bins - 1) // bins for i in range(bins)] + [first + span]

        def series(totals: RunningTotal) -> list[int]:
            before = [totals.before(edge) for edge in edges]
            return [high - low for low, high in pairwise(before)]

        if not by_type:
            counts = [0] * bins
            for type_id in wanted & set(running):
                counts = [a + b for a, b in zip(counts, series(running[type_id]), strict=True)]
            return counts
        by_root: dict[str, list[int]] = {}
        for type_id in sorted(wanted & set(running)):
            values = series(running[type_id])
            if any(values):
                name = self._root_by_type_id.get(type_id, UNKNOWN_TYPE_LANE)
                root = by_root.setdefault(name, [0] * bins)
                by_root[name] = [a + b for a, b in zip(root, values, strict=True)]
        return by_root

    @cached_property
    def _actor_spans(self) -> ActorSpans:
        with self.engine.connect() as connection:
            return ActorSpans.read(connection)

    @property
    def _running_totals_by_type(self) -> dict[int, RunningTotal]:
        """{type id: its events starting on or before each day that has any}.

        Read once from the counts the build keeps (a few thousand days x types), then moved
        by each edit. Only days with events are held, so an event in year 1 beside the
        others in 2022 costs one entry, not 740,000 days per type.
        """
        return self._kept("_running_totals", self._read_running_totals)

    def _read_running_totals(self) -> dict[int, RunningTotal]:
        D = DayTypeCountRow.__table__.c
        query = select(D.type_id, D.start_date, D.events).order_by(D.type_id, D.start_date)
        per_type: dict[int, list[tuple[int, int]]] = {}
        with self.engine.connect() as connection:
            for type_id, day, events in connection.execute(query):
                # A day that is no ISO day, or a count that is no count (a damaged file), is
                # left out of these precomputed counts; `desktopapp check` lists them.
                ordinal = _ordinal(day)
                if ordinal is not None and isinstance(type_id, int):
                    per_type.setdefault(type_id, []).append((ordinal, _stored_count(events)))
        return {type_id: RunningTotal.of(days) for type_id, days in per_type.items()}

    @property
    def _lanes_by_actor(self) -> dict[int, RunningTotal]:
        """{acting actor id (NO_ACTING_LANE_ID: none): its events starting on or before each
        day that has any}, read once from lane_day_counts and refreshed by each edit."""
        lanes: dict[int, RunningTotal] = self._kept("_lanes", self._read_lane_totals)
        stale = self.__dict__.get("_stale_lanes")
        if stale:
            generation, writing = self._generation, self._writing
            lanes = {k: v for k, v in lanes.items() if k not in stale}
            lanes.update(self._read_lane_totals(stale))
            # Kept unless an edit came meanwhile (it may have moved a lane just read).
            same = not writing and generation == self._generation
            if same and self.__dict__.get("_stale_lanes") is stale:
                self.__dict__["_lanes"] = lanes
                self.__dict__.pop("_stale_lanes", None)
        return lanes

    def _read_lane_totals(self, lanes: Collection[int] | None = None) -> dict[int, RunningTotal]:
        where = ""
        if lanes is not None:  # ids, written as numbers: never text from the file
            where = f"WHERE actor_id IN ({', '.join(str(int(lane)) for lane in lanes) or 'NULL'})"
        query = (
            f"SELECT actor_id, start_date, events FROM {LaneDayCountRow.__tablename__} {where} "
            "ORDER BY actor_id, start_date"
        )
        with self.engine.connect() as connection:
            # Half a million rows at 1M events: through the driver's own cursor, plain
            # tuples (SQLAlchemy's rows would cost twice the read itself), streamed into
            # arrays (held as a list of tuples first, they took 80 MB at their peak).
            cursor = connection.connection.cursor()
            try:
                cursor.execute(query)
                return _lane_totals(cast("Iterable[Sequence[Any]]", cursor))
            finally:
                cursor.close()

    def _day_type_counts(
        self, event_filter: EventFilter, start: date, end: date, *, by_type: bool
    ) -> Select[Any]:
        """(start day, [type id,] events) under the filter, for days in [start, end].

        Grouped by day rather than by bin: a few thousand groups read in index order, binned
        in Python.
        """
        keys = [E.start_date, E.type_id] if by_type else [E.start_date]
        return (
            select(*keys, func.count())
            .where(
                *self._conditions(event_filter),
                E.start_date >= start.isoformat(),
                E.start_date <= end.isoformat(),
            )
            .group_by(*keys)
        )

    def facet_counts(self, event_filter: EventFilter = EventFilter()) -> FacetCounts:
        by_actor = event_filter.without_actors()
        with self.engine.connect() as connection:
            dated = by_actor.date_from or by_actor.date_to
            spans_read = "_actor_spans" in self.__dict__
            if (dated or spans_read) and not by_actor.text.strip():
                # Dates (and types): bisections over each actor's sorted spans, not a pass
                # over every matching event (seconds at 1M events for a wide range). Once
                # read, the spans answer the undated facets too: their counts, remembered
                # and carried over edits, then cost no query of the 35,000 count rows.
                actor_counts = self._actor_spans.counts(
                    date_from=by_actor.date_from,
                    date_to=by_actor.date_to,
                    type_ids=self._type_ids(by_actor.types) if by_actor.types else None,
                )
            else:
                actor_counts = {
                    actor_id: _stored_count(count)
                    for actor_id, count in connection.execute(self._actor_facet_query(by_actor))
                }
            type_query = self._type_facet_query(event_filter.without_types())
            by_type_id = {
                type_id: _stored_count(count)
                for type_id, count in (
                    type_query if isinstance(type_query, list) else connection.execute(type_query)
                )
            }
        type_counts: dict[str, int] = {t.slug: 0 for t in self.event_types}
        for event_type in self.event_types:
            count = by_type_id.get(event_type.id, 0)
            for candidate in self.event_types:
                if candidate.includes(event_type.slug):
                    type_counts[candidate.slug] += count
        return FacetCounts(actor_counts, type_counts)

    def _actor_facet_query(self, event_filter: EventFilter) -> Select[Any]:
        """(actor id, distinct events) under a filter that has no actor in it."""
        if not (event_filter.date_from or event_filter.date_to or event_filter.text.strip()):
            # No filter, or types only: the per-actor, per-type counts kept by the build.
            A = ActorTypeCountRow.__table__.c
            query = select(A.actor_id, func.sum(A.events))
            if event_filter.types:
                query = query.where(A.type_id.in_(sorted(self._type_ids(event_filter.types))))
            return query.group_by(A.actor_id)
        # DISTINCT pairs first: an actor both acting and affected in an event counts once,
        # and counting pairs is cheaper than COUNT(DISTINCT) per actor.
        pairs = (
            select(EA.event_id, EA.actor_id)
            .distinct()
            .where(EA.event_id.in_(self._id_select(event_filter)))
            .subquery()
        )
        return select(pairs.c.actor_id, func.count()).group_by(pairs.c.actor_id)

    def _type_facet_query(
        self, event_filter: EventFilter
    ) -> Select[Any] | TextClause | list[tuple[int, int]]:
        """(type id, events) under a filter that has no type in it."""
        if event_filter.is_empty:  # the running totals' last values, without SQL
            totals = self._running_totals_by_type
            return [(type_id, running.total) for type_id, running in totals.items()]
        if len(event_filter.actors) == 1 and event_filter.without_actors().is_empty:
            A = ActorTypeCountRow.__table__.c
            actor = self.resolve_actor(next(iter(event_filter.actors)))
            return select(A.type_id, A.events).where(A.actor_id == actor.id)
        dates_only = not (event_filter.actors or event_filter.text.strip())
        if dates_only and (event_filter.date_from or event_filter.date_to):
            return self._type_counts_in_dates(event_filter.date_from, event_filter.date_to)
        return (
            select(E.type_id, func.count())
            .where(*self._conditions(event_filter))
            .group_by(E.type_id)
        )

    def _type_counts_in_dates(
        self, date_from: date | None, date_to: date | None
    ) -> list[tuple[int, int]]:
        """(type id, events) overlapping [date_from, date_to] (either end open).

        Those starting inside come from the running totals in memory, kept exact by every
        edit; those that started earlier and still run on ``date_from`` from a few months
        of the date index before it and the long events' own index. So a month costs a
        read of about 100 days of the index, not of every event starting before its end
        (23 ms at 1M events, most of an edit's facets).
        """
        if date_from and date_to and date_from > date_to:
            return []
        counts: dict[int, int] = {}
        for type_id, running in self._running_totals_by_type.items():
            started = running.total if date_to is None else running.before(_day_after(date_to))
            if date_from is not None:
                started -= running.before(date_from.toordinal())
            counts[type_id] = started
        if date_from is not None:
            for type_id, count in self._under_way_on(date_from).items():
                counts[type_id] = counts.get(type_id, 0) + count
        return [(type_id, count) for type_id, count in counts.items() if count > 0]

    def _under_way_on(self, day: date) -> dict[int, int]:
        """{type id: events started before ``day`` and still under way on it}. Kept for the
        last few days asked and moved by each edit (events_changed): the count and the
        facets of a date filter then read it once, not once per edit."""
        generation, writing = self._generation, self._writing
        answers: dict[date, dict[int, int]] = self.__dict__.setdefault("_under_way", {})
        found = answers.get(day)
        if found is None:
            with self.engine.connect() as connection:
                rows = connection.execute(under_way_by_type(day))
                found = {type_id: _stored_count(count) for type_id, count in rows}
            if not writing and generation == self._generation:  # see _kept
                if len(answers) >= REMEMBERED_DAYS:
                    answers.pop(next(iter(answers), day), None)
                answers[day] = found
        return found

    def events(
        self, event_filter: EventFilter = EventFilter(), *, limit: int | None = None
    ) -> list[Event]:
        """Full events in date order (for detail views and exports)."""
        ids = [row.id for row in self.rows(event_filter, limit=limit)]
        return self.events_by_id(ids)

    def event(self, event_id: int) -> Event:
        found = self.events_by_id([event_id])
        if not found:
            raise KeyError(event_id)
        return found[0]

    def event_ids_by_key(self, keys: Iterable[str]) -> dict[str, int]:
        """The row ids of events named by their stable keys (a Change names keys; views hold
        ids). Keys that name no event (a deleted one) are left out."""
        wanted = sorted(set(keys))
        if not wanted:
            return {}
        with self.engine.connect() as connection:
            rows = connection.execute(select(E.key, E.id).where(E.key.in_(wanted)))
            return {key: event_id for key, event_id in rows}

    def events_by_id(self, ids: Sequence[int]) -> list[Event]:
        """Full events for these ids, in the order given; unknown ids are skipped."""
        result: list[Event] = []
        for chunk_start in range(0, len(ids), 500):
            result.extend(self._load_events(ids[chunk_start : chunk_start + 500]))
        return result

    def quoted_source_keys(self, event_filter: EventFilter) -> frozenset[str]:
        """The keys of the stored sources quoted by the matching events: what a report that
        reads its events a page at a time needs to know before the first one (how each
        source is named beside its quotes depends on which others are quoted)."""
        matching = select(E.id).where(*self._conditions(event_filter))
        query = (
            select(SourceRow.key)
            .distinct()
            .join(QuoteRow, QuoteRow.source_id == SourceRow.id)
            .where(QuoteRow.event_id.in_(matching))
        )
        with self.engine.connect() as connection:
            return frozenset(connection.execute(query).scalars())

    def quote_spans(
        self,
        source_key: str,
        event_keys: Collection[str] | None = None,
        *,
        within: tuple[int, int] | None = None,
        event_ids: Collection[int] | None = None,
    ) -> list[QuoteSpan]:
        """Every verified quoted span of a source, for highlighting it in the article; or
        only the spans of these events (after an edit of them), in start order. ``within``
        (start, end code points) keeps the spans that overlap that range of the text (what
        the article shows, and a margin); ``event_ids`` those of these events.

        A quote whose text is not the source's text at its offsets is left out: highlighting
        it would show a passage it does not quote (the event says it is not verified).
        """
        source_text = self.source_text(source_key)
        # The source's quotes drive the query, each event's key looked up by id: joined,
        # SQLite walked all the events (2.3 s at 1M) to find a source's 60,000 quotes.
        source_id = select(SourceRow.id).where(SourceRow.key == source_key).scalar_subquery()
        event_key = select(E.key).where(E.id == QuoteRow.event_id).scalar_subquery()
        query = (
            select(QuoteRow.event_id, QuoteRow.start, QuoteRow.end, QuoteRow.text, event_key)
            .where(QuoteRow.source_id == source_id)
            .order_by(QuoteRow.start, QuoteRow.end, QuoteRow.event_id)
        )
        queries = [query]
        if within is not None:
            queries = _reaching_into(query, within)
        if event_ids is not None:
            queries = [q.where(QuoteRow.event_id.in_(sorted(event_ids))) for q in queries]
        chunks: list[Sequence[str] | None] = (
            [None] if event_keys is None else list(_chunks(sorted(event_keys), 500))
        )
        spans: list[QuoteSpan] = []
        with self.engine.connect() as connection:
            for chunk, chosen in itertools.product(chunks, queries):
                if chunk is not None:
                    chosen = chosen.where(
                        QuoteRow.event_id.in_(select(E.id).where(E.key.in_(chunk)))
                    )
                spans.extend(
                    QuoteSpan(event_id, start, end, key)
                    for event_id, start, end, text, key in connection.execute(chosen)
                    if key is not None and reading.is_verbatim(source_text, start, end, text)
                )
        several = len(chunks) * len(queries) > 1
        return sorted(spans, key=span_order) if several else spans

    # -- SQL building -----------------------------------------------------------------------

    def _row_select(self) -> Select:
        # Outer: an event whose type id names no type is listed (marked), not dropped.
        return select(*_row_columns()).outerjoin(EventTypeRow, EventTypeRow.id == E.type_id)

    def _id_select(self, event_filter: EventFilter) -> Select:
        query = parse_search(event_filter.text)
        words_only = (
            not (event_filter.actors or event_filter.types or event_filter.date_from)
            and not event_filter.date_to
        )
        if query and words_only:
            # Words alone: the search index's ids, without a detour through the events table
            # (a common word at 1M events: 0.2 s instead of 0.56 s for the actor counts).
            return self.dialect.search_ids(query)
        return select(E.id).where(*self._conditions(event_filter))

    def _conditions(
        self, event_filter: EventFilter, *, ordered: bool = False
    ) -> list[ColumnElement[bool]]:
        """The filter as WHERE terms; ``ordered`` for a query that reads a few rows in index
        order (a first page, a window, an extent) rather than all the matching rows."""
        conditions: list[ColumnElement[bool]] = []
        if event_filter.actors:
            actor_ids = {self.resolve_actor(name).id for name in event_filter.actors}
            # To read a few rows in order, SQLite does better walking the sort index and testing
            # each row against a frequent actor's event set than fetching all its events by id
            # and sorting them: "id + 0" hides the id from the planner's lookup paths. A rare
            # actor's events, or all of them for a count, are still fetched by id.
            frequent = ordered and (self._events_of(actor_ids) > self.total * FREQUENT_ACTOR_SHARE)
            subject = (E.id + 0) if frequent else E.id
            conditions.append(
                subject.in_(select(EA.event_id).where(EA.actor_id.in_(sorted(actor_ids))))
            )
        if event_filter.types:
            type_ids = self._type_ids(event_filter.types)
            # The same reasoning for a frequent type: its index would fetch all its events and
            # sort them; walking the sort index and testing the type finds a page at once.
            frequent = ordered and (
                self._events_of_types(type_ids) > self.total * FREQUENT_ACTOR_SHARE
            )
            subject = (E.type_id + 0) if frequent else E.type_id
            conditions.append(subject.in_(sorted(type_ids)))
        if event_filter.date_from:
            conditions.append(E.end_date >= event_filter.date_from.isoformat())
        if event_filter.date_to:
            conditions.append(E.start_date <= event_filter.date_to.isoformat())
        if event_filter.text.strip():
            query = parse_search(event_filter.text)
            if not query:  # only punctuation typed: nothing can match it
                conditions.append(false())
            else:
                conditions.append(E.id.in_(self.dialect.search_ids(query)))
        return conditions

    def _events_of(self, actor_ids: Iterable[int]) -> int:
        """How many events these actors have together (at most), from the build's counts."""
        A = ActorTypeCountRow.__table__.c
        query = select(func.coalesce(func.sum(A.events), 0)).where(
            A.actor_id.in_(sorted(actor_ids))
        )
        with self.engine.connect() as connection:
            return _stored_count(connection.execute(query).scalar_one())

    def _events_of_types(self, type_ids: Iterable[int]) -> int:
        """How many events have these types, from the build's running totals (no scan)."""
        totals = self._running_totals_by_type
        return sum(totals[type_id].total for type_id in type_ids if type_id in totals)

    def _type_ids(self, names: Iterable[str]) -> set[int]:
        chosen = [self.resolve_type(name) for name in names]
        return {t.id for t in self.event_types if any(c.includes(t.slug) for c in chosen)}

    def _load_events(self, ids: Sequence[int]) -> list[Event]:
        """Full events, each checked as it is read (see db/reading.py): a damaged value is
        listed in the event's problems, and every quote is re-verified against its source."""
        if not ids:
            return []
        self._follow_language()
        spoken = self._language
        with self.engine.connect() as connection:
            rows = {
                r.id: r
                for r in connection.execute(select(*_columns(EventRowORM)).where(E.id.in_(ids)))
            }
            # Only whole numbers are looked up: a damaged file may hold anything in the column
            # (SQLite keeps bytes as bytes), and a stray value must surface as that event's
            # problem below, not break the query for every event read with it.
            cited_ids = {r.citation_id for r in rows.values() if _is_row_id(r.citation_id)}
            citations = {
                r.id: r
                for r in connection.execute(
                    select(*_columns(CitationRow)).where(CitationRow.id.in_(cited_ids))
                )
            }
            participants, problems = self._participants(connection, ids)
            quote_rows = connection.execute(_quote_select(ids)).all()
            links = self._links(connection, ids, problems)
            texts, quote_texts = _translations(connection, ids)
        quotes: dict[int, list[Quote]] = {}
        for q in quote_rows:  # verified against their source's text, read once per source
            quote = reading.quote(q, self._source_text_by_id(q.source_id))
            quote = reading.translated_quote(quote, quote_texts.get(q.id, ()), spoken)
            quotes.setdefault(q.event_id, []).append(quote)
        types = {t.id: t for t in self.event_types}
        article = self.sources[0] if self.sources else None
        cited_sources = self._sources_by_id
        result = []
        for event_id in ids:
            row = rows.get(event_id)
            if row is None:
                continue
            # A date cited by a sentence of a stored source (schema 4), else by the article.
            cited = cited_sources.get(getattr(row, "citation_source_id", None), article)
            citation, citation_problems = reading.citation(
                row, citations.get(row.citation_id) if _is_row_id(row.citation_id) else None, cited
            )
            parts = reading.EventParts(
                event_type=types.get(row.type_id),
                citation=citation,
                participants=participants.get(event_id, ()),
                quotes=quotes.get(event_id, ()),
                problems=[*problems.get(event_id, ()), *citation_problems],
                links=links.get(event_id, ()),
                texts=texts.get(event_id, ()),
                language=spoken,
            )
            result.append(reading.event(row, parts))
        return result

    @staticmethod
    def _links(
        connection: Connection, ids: Sequence[int], problems: dict[int, list[str]]
    ) -> dict[int, list[Link]]:
        """The events' links (schema 5), in order; a damaged one is left out and said so."""
        links: dict[int, list[Link]] = {}
        rows = connection.execute(
            select(*_columns(EventLinkRow))
            .where(EventLinkRow.event_id.in_(ids))
            .order_by(EventLinkRow.event_id, EventLinkRow.position)
        )
        for row in rows:
            found = reading.link(row, problems.setdefault(row.event_id, []))
            if found is not None:
                links.setdefault(row.event_id, []).append(found)
        return links

    def _participants(
        self, connection: Connection, ids: Sequence[int]
    ) -> tuple[dict[int, list[Participant]], dict[int, list[str]]]:
        """The events' actors with their roles, and what is wrong with the rows naming them."""
        participants: dict[int, list[Participant]] = {}
        problems: dict[int, list[str]] = {}
        for event_id, actor_id, role in connection.execute(
            select(EA.event_id, EA.actor_id, EA.role)
            .where(EA.event_id.in_(ids))
            .order_by(EA.event_id, EA.role, EA.actor_id)
        ):
            found = reading.participant(
                actor_id, role, self._actors_by_id, problems.setdefault(event_id, [])
            )
            if found is not None:
                participants.setdefault(event_id, []).append(found)
        return participants, problems

    # -- timeline lanes ---------------------------------------------------------------------
    # Lanes group events by acting actor (each acting actor gets the event; an event with
    # none goes to the "No acting actor" lane), by top-level type, or in one lane. Every
    # query is bounded by a time window, so the timeline never asks for work proportional to
    # the database.

    @cached_property
    def _full_extent(self) -> tuple[date, date] | None:
        return self.date_extent(EventFilter())

    def _window_conditions(
        self, event_filter: EventFilter, start: date, end: date
    ) -> list[ColumnElement[bool]]:
        full = self._full_extent
        if full is not None and start <= full[0] and end >= full[1]:
            # The window holds every event: date conditions would only cost index reads.
            return self._conditions(event_filter)
        # The main date index is read from (start - LONG_SPAN_DAYS) on and the few long
        # events from their partial index; not from (start - the longest event), which can be
        # years of events for a window of days.
        return [*self._conditions(event_filter), *_overlapping(start, end)]

    def _lane_subquery(
        self,
        grouping: Grouping,
        conditions: Sequence[ColumnElement[bool]],
        columns: Sequence[ColumnElement[Any] | SQLColumnExpression[Any]],
        *,
        with_type: bool = False,
        lane_keys: Iterable[str] | None = None,
    ) -> Subquery:
        """(lane, *columns) for each event under the conditions and each lane it belongs to.

        The lane is an acting actor's id (NULL for an event without one), a type id (mapped to its
        top-level type by the caller), or the constant 'all'. ``lane_keys`` keeps only those
        lanes, inside each part of the query, so SQLite can start from the lanes' index.
        """
        keys = None if lane_keys is None else set(lane_keys)

        def base(lane: ColumnElement[Any]) -> Select[Any]:
            query = select(lane.label("lane"), *columns).select_from(EventRowORM.__table__)
            if with_type:
                query = query.outerjoin(EventTypeRow, EventTypeRow.id == E.type_id)
            return query

        if grouping is Grouping.ACTOR:
            acting_alias = EventActorRow.__table__.alias("acting")
            acting = (
                base(acting_alias.c.actor_id)
                .join(
                    acting_alias,
                    and_(acting_alias.c.event_id == E.id, acting_alias.c.role == Role.ACTING.value),
                )
                .where(*conditions, *_lane_in(acting_alias.c.actor_id, keys))
            )
            if keys is not None and NO_ACTOR_LANE not in keys:
                return acting.subquery("lanes")
            # An event whose source names no acting actor gets a lane of its own, so it is
            # never drawn under a header that says "Acting actor" beside an actor it affects.
            has_acting = (
                select(EA.event_id)
                .where(EA.event_id == E.id, EA.role == Role.ACTING.value)
                .exists()
            )
            without_acting = base(null()).where(*conditions, ~has_acting)
            return union_all(acting, without_acting).subquery("lanes")
        if grouping is Grouping.TYPE:
            type_ids = None
            if keys is not None:
                type_ids = {str(i) for i, root in self._root_by_type_id.items() if root in keys}
            lane_terms = _lane_in(E.type_id, type_ids)
            if keys is not None and UNKNOWN_TYPE_LANE in keys:  # type ids that name no type
                lane_terms = [or_(*lane_terms, E.type_id.not_in(sorted(self._root_by_type_id)))]
            return base(E.type_id).where(*conditions, *lane_terms).subquery("lanes")
        return base(literal(SINGLE_LANE)).where(*conditions).subquery("lanes")

    def _lane_key(self, grouping: Grouping, value: object) -> str:
        if grouping is Grouping.ACTOR:
            return NO_ACTOR_LANE if value is None else str(value)
        if grouping is Grouping.TYPE:
            type_id = value if isinstance(value, int) else -1
            return self._root_by_type_id.get(type_id, UNKNOWN_TYPE_LANE)
        return SINGLE_LANE

    @cached_property
    def _lane_names(self) -> dict[Grouping, dict[str, tuple[str, tuple[int, str, str]]]]:
        """Each lane's label and place in reading order, by grouping, as the lanes are met:
        the actors and types do not change under an edit of events."""
        return {}

    @cached_property
    def _root_by_type_id(self) -> dict[int, str]:
        return {t.id: t.root_slug for t in self.event_types}

    def lane_label(self, grouping: Grouping, key: str) -> str:
        """What a lane is called: an actor's name, a type's label, 'All events'."""
        self._follow_language()
        if grouping is Grouping.ACTOR:
            if key == NO_ACTOR_LANE:
                return NO_ACTING_ACTOR_LABEL
            # A key that is no id comes from a damaged event_actors row (check lists it).
            actor = self._actors_by_id.get(int(key)) if _is_id(key) else None
            return actor.name if actor else f"actor {key}"
        if grouping is Grouping.TYPE:
            try:
                return self.type_by_slug(key).label
            except KeyError:
                return key
        return "All events"

    def lane_sort_key(self, grouping: Grouping, lane: LaneCount) -> tuple[int, str, str]:
        """Lanes in reading order: by name, the events without an actor (or a known type)
        last."""
        last = (grouping is Grouping.ACTOR and lane.key == NO_ACTOR_LANE) or (
            grouping is Grouping.TYPE and lane.key == UNKNOWN_TYPE_LANE
        )
        return (1 if last else 0, lane.label.casefold(), lane.key)

    def lane_counts(
        self, event_filter: EventFilter, grouping: Grouping, start: date, end: date
    ) -> list[LaneCount]:
        """The lanes holding filtered events that overlap [start, end], with their counts."""
        if event_filter.is_empty:
            tallies = self._summed_lane_overview(grouping, start, end, start, 1, 1, binned=0)
            return [tally.lane_count for tally in tallies]
        lanes = self._lane_subquery(
            grouping, self._window_conditions(event_filter, start, end), [E.id]
        )
        query = select(lanes.c.lane, func.count()).group_by(lanes.c.lane)
        counts: dict[str, int] = {}
        with self.engine.connect() as connection:
            for value, count in connection.execute(query):
                key = self._lane_key(grouping, value)
                counts[key] = counts.get(key, 0) + int(count)
        result = [LaneCount(k, self.lane_label(grouping, k), n) for k, n in counts.items()]
        return sorted(result, key=lambda lane: self.lane_sort_key(grouping, lane))

    def lane_rows(
        self,
        event_filter: EventFilter,
        grouping: Grouping,
        start: date,
        end: date,
        *,
        lanes: Iterable[str] | None = None,
        limit: int | None = None,
    ) -> list[tuple[str, EventRow]]:
        """(lane key, row) for filtered events overlapping [start, end], in date order.

        An event is listed once per lane it belongs to; ``lanes`` keeps only those lanes.
        """
        columns = list(_row_columns())
        sub = self._lane_subquery(
            grouping,
            self._window_conditions(event_filter, start, end),
            columns,
            with_type=True,
            lane_keys=lanes,
        )
        query = select(sub).order_by(sub.c.start_date, sub.c.id, sub.c.lane)
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as connection:
            return [
                (self._lane_key(grouping, r.lane), self._event_row(r))
                for r in connection.execute(query)
            ]

    def lane_histogram(
        self,
        event_filter: EventFilter,
        grouping: Grouping,
        first: date,
        bin_days: int,
        bins: int,
        *,
        lanes: Iterable[str] | None = None,
    ) -> dict[str, list[int]]:
        """Filtered events per lane and per bin of ``bin_days`` days from ``first``, each
        event counted in the bin of its start day (as :meth:`histogram` does)."""
        bin_days, bins = max(1, bin_days), max(1, bins)
        last = date.fromordinal(min(date.max.toordinal(), first.toordinal() + bin_days * bins - 1))
        day = julian_ordinal(E.start_date)
        bucket = (day - first.toordinal()) // bin_days  # days from first: never negative
        conditions = [
            *self._conditions(event_filter),
            E.start_date >= first.isoformat(),
            E.start_date <= last.isoformat(),
        ]
        sub = self._lane_subquery(grouping, conditions, [bucket.label("bucket")], lane_keys=lanes)
        query = select(sub.c.lane, sub.c.bucket, func.count()).group_by(sub.c.lane, sub.c.bucket)
        result: dict[str, list[int]] = {}
        with self.engine.connect() as connection:
            for value, index, count in connection.execute(query):
                if index is None:  # a start day SQLite cannot read (a damaged row)
                    continue
                series = result.setdefault(self._lane_key(grouping, value), [0] * bins)
                series[min(bins - 1, max(0, int(index)))] += int(count)
        return result

    def lane_overview(
        self,
        event_filter: EventFilter,
        grouping: Grouping,
        start: date,
        end: date,
        first: date,
        bin_days: int,
        bins: int,
        *,
        binned: int | None = None,
    ) -> list[LaneTally]:
        """Every lane holding filtered events that overlap [start, end], with its count and its
        events per bin of ``bin_days`` days from ``first`` (by start day; an event starting
        before ``first`` counts in its lane, in no bin). With ``binned``, only the
        :func:`busiest` that many lanes need their bins (the others may come with none).

        Unfiltered, it is summed from the running totals of each lane (lane_day_counts, or
        day_type_counts by type): two bisections per lane and one per bin of the binned
        ones, plus the few events that start before the window and reach into it. Filtered,
        one grouped query answers both, so a window is read once however many lanes it holds."""
        bin_days, bins = max(1, bin_days), max(1, bins)
        if event_filter.is_empty:
            return self._summed_lane_overview(
                grouping, start, end, first, bin_days, bins, binned=binned
            )
        return self._grouped_lane_overview(
            event_filter, grouping, start, end, first, bin_days, bins
        )

    def _grouped_lane_overview(
        self,
        event_filter: EventFilter,
        grouping: Grouping,
        start: date,
        end: date,
        first: date,
        bin_days: int,
        bins: int,
    ) -> list[LaneTally]:
        """lane_overview by one grouped query over the filtered events and their lanes."""
        day = julian_ordinal(E.start_date)
        bucket = case(
            (E.start_date < first.isoformat(), -1),
            else_=(day - first.toordinal()) // bin_days,
        )
        sub = self._lane_subquery(
            grouping, self._window_conditions(event_filter, start, end), [bucket.label("bucket")]
        )
        query = select(sub.c.lane, sub.c.bucket, func.count()).group_by(sub.c.lane, sub.c.bucket)
        counts: dict[str, int] = {}
        series: dict[str, list[int]] = {}
        with self.engine.connect() as connection:
            for value, index, count in connection.execute(query):
                key = self._lane_key(grouping, value)
                counts[key] = counts.get(key, 0) + int(count)
                lane_bins = series.setdefault(key, [0] * bins)
                if index is not None and int(index) >= 0:
                    lane_bins[min(bins - 1, int(index))] += int(count)
        result = [
            LaneTally(key, self.lane_label(grouping, key), n, tuple(series[key]))
            for key, n in counts.items()
        ]
        return sorted(result, key=lambda lane: self.lane_sort_key(grouping, lane.lane_count))

    def _lane_running_totals(self, grouping: Grouping) -> dict[object, RunningTotal]:
        """Every event's start days by lane value (as :meth:`_lane_key` reads it)."""
        if grouping is Grouping.ACTOR:
            return {
                (None if actor_id == NO_ACTING_LANE_ID else actor_id): running
                for actor_id, running in self._lanes_by_actor.items()
            }
        # By type id: _lane_key maps each to its top-level type, or all to the one lane.
        return {type_id: running for type_id, running in self._running_totals_by_type.items()}

    def _summed_lane_overview(
        self,
        grouping: Grouping,
        start: date,
        end: date,
        first: date,
        bin_days: int,
        bins: int,
        *,
        binned: int | None,
    ) -> list[LaneTally]:
        """lane_overview without a filter, from the running totals (see there)."""
        low, high = start.toordinal(), _day_after(end)  # events starting in [start, end]
        origin = first.toordinal()
        edges = [min(high, max(low, origin + i * bin_days)) for i in range(bins)] + [high]
        by_key: dict[str, list[tuple[object, RunningTotal]]] = {}
        counts: dict[str, int] = {}
        sums = self.__dict__.setdefault("_lane_sums", {})
        inside_of = _Remembered(sums, (grouping, low, high))
        for value, running in self._lane_running_totals(grouping).items():
            inside = inside_of.get(value, running)
            if inside is None:
                inside = inside_of.put(value, running, running.before(high) - running.before(low))
            if inside:
                key = self._lane_key(grouping, value)
                by_key.setdefault(key, []).append((value, running))
                counts[key] = counts.get(key, 0) + inside
        series: dict[str, list[int]] = {}
        for value, day, count in self._reaching_into(grouping, start, end):
            key = self._lane_key(grouping, value)
            counts[key] = counts.get(key, 0) + count
            ordinal = _ordinal(day)
            if ordinal is not None and ordinal >= origin:
                lane_bins = series.setdefault(key, [0] * bins)
                lane_bins[min(bins - 1, (ordinal - origin) // bin_days)] += count
        names = self._lane_names
        for key in counts.keys() - names.get(grouping, {}).keys():
            label = self.lane_label(grouping, key)
            order = self.lane_sort_key(grouping, LaneCount(key, label, 0))
            names.setdefault(grouping, {})[key] = (label, order)
        lanes = names[grouping] if counts else {}
        ordered = sorted(counts, key=lambda key: lanes[key][1])
        tallies = [LaneTally(key, lanes[key][0], counts[key], ()) for key in ordered]
        chosen = {t.key for t in (tallies if binned is None else busiest(tallies, binned))}
        binned_of = _Remembered(self.__dict__.setdefault("_lane_bins", {}), (grouping, *edges))
        result = []
        for tally in tallies:
            if tally.key in chosen:
                lane_bins = series.get(tally.key, [0] * bins)
                for value, running in by_key.get(tally.key, ()):
                    found = binned_of.get(value, running)
                    if found is None:
                        before = [running.before(edge) for edge in edges]
                        found = binned_of.put(value, running, [b - a for a, b in pairwise(before)])
                    lane_bins = [a + b for a, b in zip(lane_bins, found, strict=True)]
                tally = replace(tally, bins=tuple(lane_bins))
            result.append(tally)
        return result

    def _reaching_into(
        self, grouping: Grouping, start: date, end: date
    ) -> list[tuple[object, object, int]]:
        """(lane value, start day, events) of the events that start before ``start`` and
        still run on it: the main date index from LONG_SPAN_DAYS before it, the long events'
        own index before that."""
        before = start.toordinal()
        if not any(running.before(before) for running in self._running_totals_by_type.values()):
            return []  # no event starts before the window
        conditions = [E.start_date < start.isoformat(), *_overlapping(start, end)]
        sub = self._lane_subquery(grouping, conditions, [E.start_date.label("day")])
        query = select(sub.c.lane, sub.c.day, func.count()).group_by(sub.c.lane, sub.c.day)
        with self.engine.connect() as connection:
            return [(lane, day, int(count)) for lane, day, count in connection.execute(query)]

    def adjacent_event(
        self, event_filter: EventFilter, event_id: int, *, forward: bool = True
    ) -> int | None:
        """The filtered event just after (or before) this one in the list's date order, for
        stepping through the timeline; None at either end. One seek, as for a list page."""
        with self.engine.connect() as connection:
            here = connection.execute(
                select(*_sort_columns(SortKey.DATE)).where(E.id == event_id)
            ).first()
        if here is None:
            return None
        page = self.list_page(event_filter, limit=1, key=tuple(here), backward=not forward)
        return page.rows[0].id if page.rows else None


_INTEGER = EventRowORM.__table__.c.id.type


V = TypeVar("V")


class _Remembered:
    """What was worked out from each lane's running totals for one window, remembered with
    the totals it came from: an edit replaces the totals of the lanes it touched (see
    events_changed), so only those are worked out again, and the lanes' sums after an edit
    cost a lookup per lane instead of their bisections. A few windows are remembered."""

    def __init__(
        self, memory: dict[object, dict[object, tuple[RunningTotal, Any]]], window: object
    ):
        found = memory.get(window)
        if found is None:
            if len(memory) >= REMEMBERED_WINDOWS:
                memory.pop(next(iter(memory)))
            found = memory[window] = {}
        self._entries = found

    def get(self, lane: object, running: RunningTotal) -> Any:
        entry = self._entries.get(lane)
        return entry[1] if entry is not None and entry[0] is running else None

    def put(self, lane: object, running: RunningTotal, value: V) -> V:
        self._entries[lane] = (running, value)
        return value


def busiest(tallies: Sequence[LaneTally], limit: int) -> list[LaneTally]:
    """The ``limit`` lanes with the most events (of equal ones, the first in reading order):
    the lanes the timeline draws when there are more than it can show."""
    return sorted(tallies, key=lambda tally: -tally.count)[: max(0, limit)]


def _lane_in(
    lane: ColumnElement[Any] | SQLColumnExpression[Any], keys: set[str] | None
) -> list[ColumnElement[bool]]:
    """The condition keeping only these lanes (actor or type ids as text; '' for no actor)."""
    if keys is None:
        return []
    ids = sorted(int(k) for k in keys if _is_id(k))
    allowed = lane.in_(ids)
    return [or_(allowed, lane.is_(None)) if NO_ACTOR_LANE in keys else allowed]


def span_order(span: QuoteSpan) -> tuple[int, int, int]:
    """The order quote_spans gives: by start, end, then event."""
    return span.start, span.end, span.event_id


def _chunks(items: Sequence[str], size: int) -> list[Sequence[str]]:
    return [items[n : n + size] for n in range(0, len(items), size)]


def _is_id(key: str) -> bool:
    """True for a lane key that is an actor or type id (not '' nor a damaged row's value)."""
    return key.isascii() and key.lstrip("-").isdigit()


def _columns(mapped: type[Base], exclude: str = "") -> list[ColumnElement[Any]]:
    """All columns of a mapped table as Core columns (rows come back as named tuples)."""
    return [c for c in mapped.__table__.c if c.name != exclude]


def _sort_columns(sort: SortKey) -> list[ColumnElement[Any]]:
    """What the list is ordered by, the event id last so that every row has its own key."""
    keys: dict[SortKey, list[ColumnElement[Any]]] = {
        SortKey.DATE: [E.start_date, E.end_date],
        SortKey.TITLE: [func.lower(E.title)],
        SortKey.TYPE: [EventTypeRow.__table__.c.slug, E.start_date],
        SortKey.ACTORS: [func.lower(E.actor_names), E.start_date],
    }
    return [*keys[sort], E.id]


def _order(sort: SortKey, descending: bool) -> list[ColumnElement]:
    return [c.desc() if descending else c.asc() for c in _sort_columns(sort)]


def _seek(
    columns: Sequence[ColumnElement[Any]], key: SeekKey, *, greater: bool, inclusive: bool
) -> ColumnElement[bool]:
    """Rows whose sort key comes after ``key`` (``greater``) or before it.

    Written as ``first >= v AND (first > v OR (rest) > (values))`` rather than one row-value
    comparison: SQLite reads a row value over an expression index (lower(title)) as a scan
    from the start, but the leading term alone as a range of that index.
    """
    first, rest = columns[0], list(columns[1:])
    value, rest_values = key[0], key[1:]

    def beyond(left: Any, right: Any, *, or_equal: bool) -> ColumnElement[bool]:
        if greater:
            return left >= right if or_equal else left > right
        return left <= right if or_equal else left < right

    if not rest:
        return beyond(first, value, or_equal=inclusive)
    if len(rest) == 1:
        tail = beyond(rest[0], rest_values[0], or_equal=inclusive)
    else:
        tail = beyond(tuple_(*rest), tuple_(*rest_values), or_equal=inclusive)
    strictly = beyond(first, value, or_equal=False)
    return and_(beyond(first, value, or_equal=True), or_(strictly, tail))


# Above this share of all events, an actor filter is tested row by row (see _conditions).
FREQUENT_ACTOR_SHARE = 0.02


def _types_only(event_filter: EventFilter) -> bool:
    """True for no filter or a filter on types alone: precomputed counts can answer it."""
    return event_filter.without_types().is_empty


def _overlapping(start: date, end: date) -> list[ColumnElement[bool]]:
    """Events whose span overlaps [start, end], as index-friendly conditions.

    An event starting before ``start - LONG_SPAN_DAYS`` can only reach the window if it is
    long, and long events have their own small partial index; so the main date index is
    read only from ``start - LONG_SPAN_DAYS`` to ``end`` instead of from the beginning.
    """
    return [E.end_date >= start.isoformat(), E.start_date <= end.isoformat(), _reaching(start)]


def _reaching(start: date) -> ColumnElement[bool]:
    """Redundant with ``end_date >= start`` but index-friendly: the event starts at most
    LONG_SPAN_DAYS before ``start``, or is long (its own small partial index)."""
    lookback = shifted(start, -timedelta(days=LONG_SPAN_DAYS)).isoformat()
    return or_(E.start_date >= lookback, and_(is_long_span(), E.start_date < lookback))


def under_way_by_type(day: date) -> Select[Any]:
    """(type id, events) that started before ``day`` and still run on it: read from the date
    index from LONG_SPAN_DAYS before it, and from the long events' own index."""
    return (
        select(E.type_id, func.count())
        .where(E.start_date < day.isoformat(), E.end_date >= day.isoformat(), _reaching(day))
        .group_by(E.type_id)
    )


def _moved_under_way(
    counts: dict[int, int], day: date, moves: Sequence[tuple[int, int, int, int]]
) -> dict[int, int]:
    """The events under way on ``day`` per type, after an edit's (type id, start, end as
    yyyymmdd, +1/-1): those that start before the day and end on it or later."""
    moved = dict(counts)
    number = day_number(day)
    for type_id, start, end, delta in moves:
        if start < number <= end:
            value = moved.get(type_id, 0) + delta
            if value > 0:
                moved[type_id] = value
            else:
                moved.pop(type_id, None)
    return moved


def _day_after(day: date) -> int:
    """The ordinal of the day after ``day`` (past the last date there is, for date.max)."""
    return day.toordinal() + 1


def _reaching_into(query: Select, within: tuple[int, int]) -> list[Select]:
    """The quotes of ``query`` that overlap [start, end) of their source, as two index
    ranges: those starting at most LONG_QUOTE characters before it (ix_quotes_source_start),
    and the longer ones starting earlier that end inside or after it (ix_quotes_long, a
    partial index of the few long quotes by source and end). Bounded by the stretch shown,
    not by how far into the source it is: "start < end" alone read every quote before it."""
    start, end = within
    reach = start - LONG_QUOTE
    overlapping = (QuoteRow.start < end, QuoteRow.end > start)
    near = query.where(QuoteRow.start > reach, *overlapping)
    # The partial index's condition, written as the index states it (literal, not bound),
    # and "start + 0": the planner then ranges over (source_id, end) in the few long quotes,
    # not over the starts of every quote of the source.
    long = query.where(
        sql_text(LONG_QUOTE_SQL),
        QuoteRow.start + 0 <= reach,
        QuoteRow.start + 0 < end,
        QuoteRow.end > start,
    )
    return [near, long]


def _translations(
    connection: Connection, ids: Sequence[int]
) -> tuple[dict[int, list[Any]], dict[int, list[tuple[object, object]]]]:
    """The events' translations (event_texts rows by event id) and their quotes' ((language,
    text) by quote id)."""
    texts: dict[int, list[Any]] = {}
    for row in connection.execute(select(EventTextRow).where(EventTextRow.event_id.in_(ids))):
        texts.setdefault(row.event_id, []).append(row)
    QT = QuoteTranslationRow.__table__.c
    quote_texts: dict[int, list[tuple[object, object]]] = {}
    for quote_id, tag, text in connection.execute(
        select(QT.quote_id, QT.language, QT.text).where(
            QT.quote_id.in_(select(QuoteRow.id).where(QuoteRow.event_id.in_(ids)))
        )
    ):
        quote_texts.setdefault(quote_id, []).append((tag, text))
    return texts, quote_texts


def _quote_select(ids: Sequence[int]) -> Select:
    """The quotes of these events in their order, with their source's key and title."""
    return (
        select(
            QuoteRow.id,
            QuoteRow.event_id,
            QuoteRow.text,
            QuoteRow.start,
            QuoteRow.end,
            QuoteRow.source_id,
            SourceRow.key,
            SourceRow.title,
        )
        # Outer: a quote whose source id names no source is shown, as unverified.
        .outerjoin(SourceRow, SourceRow.id == QuoteRow.source_id)
        .where(QuoteRow.event_id.in_(ids))
        .order_by(QuoteRow.event_id, QuoteRow.position)
    )


# What an EventRow is read from (see reading.event_row).
_ROW_COLUMNS = (
    E.id,
    E.key,  # named by the message when a row cannot be read
    E.title,
    EventTypeRow.__table__.c.slug,
    E.date_edtf,
    E.start_date,
    E.end_date,
    E.precision,
    E.approximate,
    E.uncertain,
    E.actor_names,
    # An index lookup per row (ix_quotes_event_id): the list and the timeline mark it.
    ~exists().where(QuoteRow.event_id == E.id).label("unsourced"),
)


def _row_columns() -> tuple[ColumnElement[Any], ...]:
    """_ROW_COLUMNS with the title in the reader's language where the event has it (a
    primary-key lookup per row listed)."""
    T = EventTextRow.__table__.c
    translated = (
        select(T.title).where(T.event_id == E.id, T.language == language()).scalar_subquery()
    )
    return (E.id, E.key, func.coalesce(translated, E.title).label("title"), *_ROW_COLUMNS[3:])


@dataclass(frozen=True)
class RunningTotal:
    """One type's events by start day: the days that have any, ascending, and the events
    starting on or before each. Arrays of 64-bit ints: at 1M events the lanes hold half a
    million days, 8 bytes each instead of a list slot and an int object (about 40 MB)."""

    days: array
    totals: array

    @classmethod
    def none(cls) -> RunningTotal:
        return cls(array("q"), array("q"))

    @classmethod
    def of(cls, counts: Sequence[tuple[int, int]]) -> RunningTotal:
        """From (ordinal, events) pairs in day order."""
        days = array("q", (day for day, _ in counts))
        return cls(days, array("q", accumulate(n for _, n in counts)))

    def before(self, ordinal: int) -> int:
        """Events starting before this day."""
        index = bisect_left(self.days, ordinal)
        return self.totals[index - 1] if index else 0

    @property
    def total(self) -> int:
        return self.totals[-1] if self.totals else 0

    def moved(self, ordinal: int, delta: int) -> RunningTotal:
        """A copy with ``delta`` events more (or fewer) starting on this day: an edit costs
        one pass over the days that have events, not a read of the count table."""
        days, totals = array("q", self.days), array("q", self.totals)
        index = bisect_left(days, ordinal)
        if index == len(days) or days[index] != ordinal:
            days.insert(index, ordinal)
            totals.insert(index, totals[index - 1] if index else 0)
        totals[index:] = array("q", (value + delta for value in totals[index:]))
        return RunningTotal(days, totals)


def _lane_totals(rows: Iterable[Sequence[Any]]) -> dict[int, RunningTotal]:
    """{acting actor id: RunningTotal} from (actor id, ISO day, events) rows in that order.
    Each distinct day (a few thousand) is parsed once; a damaged day or count is left out,
    as for the types' running totals."""
    ordinals: dict[object, int | None] = {}
    result: dict[int, RunningTotal] = {}
    for actor_id, group in groupby(rows, key=itemgetter(0)):
        days, totals, running = array("q"), array("q"), 0
        for _actor, day, n in group:
            if day not in ordinals:
                ordinals[day] = _ordinal(day)
            ordinal = ordinals[day]
            if ordinal is None:
                continue
            running += n if type(n) is int and n > 0 else _stored_count(n)
            days.append(ordinal)
            totals.append(running)
        if isinstance(actor_id, int):
            result[actor_id] = RunningTotal(days, totals)
    return result


def _stored_count(value: object) -> int:
    """A count kept by the build (or summed from them); a damaged one (text, a blob, a
    negative or endless number) counts as none rather than stopping every facet."""
    if isinstance(value, float) and math.isfinite(value):
        value = int(value)
    return value if isinstance(value, int) and 0 < value <= _MOST_EVENTS else 0


# More events than any timeline holds: a count above it is damaged, and the running totals'
# int64 arrays (RunningTotal) stay far from overflowing however many days are summed.
_MOST_EVENTS = 2**40


def _ordinal(day: object) -> int | None:
    """A stored ISO day as an ordinal, or None for a damaged value."""
    try:
        return parse_iso_day(day).toordinal()
    except DateError:
        return None


def _ordinal_or_first(day: object, first: int) -> int:
    """For binning: a damaged day counts in the first bin rather than stopping the count."""
    ordinal = _ordinal(day)
    return first if ordinal is None else ordinal


def _extent_day(day: object, fallback: date) -> date:
    """An extent's end; a damaged stored day (which sorts outside every real one) stands
    for the calendar's end, which the time scale clamps."""
    ordinal = _ordinal(day)
    return fallback if ordinal is None else date.fromordinal(ordinal)


_CACHED_PROPERTIES = tuple(
    name for name, value in vars(EventRepository).items() if isinstance(value, cached_property)
)
# What is read in the reader's language, and read again in another (see _follow_language).
_IN_LANGUAGE = (
    "_actors",
    "_actors_by_id",
    "_actor_ids_by_name",
    "_lane_names",
    "_names_in_language",
)
_KEPT = (
    "total",
    "_running_totals",
    "_under_way",
    "_lanes",
    "_lane_sums",
    "_lane_bins",
)  # kept by _kept and _under_way_on
REMEMBERED_WINDOWS = 4  # the timeline's windows whose lane sums are kept (see _Remembered)
REMEMBERED_DAYS = 8  # first days of the date filters a window goes back and forth between


def _is_row_id(value: object) -> bool:
    """Whether a stored reference is a row id at all (a positive integer, not a bool)."""
    return isinstance(value, int) and not isinstance(value, bool) and value > 0
