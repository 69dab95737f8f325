"""The fast SQL of the repository gives exactly what a naive pass over every row gives.

The query layer uses precomputed counts, partial indexes, row-value ranges and per-day
grouping for speed; here each answer is recomputed in plain Python from all the rows of a
generated 3,000-event database, for random filters.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from sqlalchemy.dialects import sqlite

from desktopapp.db.engine import open_database
from desktopapp.db.repository import EventRepository, SortKey, under_way_by_type
from desktopapp.domain.filter import EventFilter
from desktopapp.ingest.builder import build_database
from desktopapp.ingest.synthetic import synthetic_dataset

EVENTS = 3_000


@dataclass(frozen=True)
class Naive:
    id: int
    title: str
    type_slug: str
    start: date
    end: date
    actor_names: str
    actor_ids: frozenset[int]
    tokens: frozenset[str]


def _fold(value: str) -> str:
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _tokens(value: str) -> set[str]:
    return set(re.findall(r"[^\W_]+", _fold(value)))


def _sqlite_lower(value: str) -> str:
    """SQLite's lower() without ICU folds ASCII letters only."""
    return "".join(c.lower() if "A" <= c <= "Z" else c for c in value)


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EventRepository]:
    path: Path = tmp_path_factory.mktemp("semantics") / "semantics.sqlite3"
    build_database(synthetic_dataset(EVENTS, seed=11), path)
    engine = open_database(path)
    yield EventRepository(engine)
    engine.dispose()


@pytest.fixture(scope="module")
def naive(repo: EventRepository) -> list[Naive]:
    """Every event, read with plain SELECTs that use none of the repository's SQL."""
    with repo.engine.connect() as connection:
        actors: dict[int, set[int]] = {}
        for event_id, actor_id in connection.execute(
            text("SELECT event_id, actor_id FROM event_actors")
        ):
            actors.setdefault(event_id, set()).add(actor_id)
        quotes: dict[int, list[str]] = {}
        for event_id, quote in connection.execute(text("SELECT event_id, text FROM quotes")):
            quotes.setdefault(event_id, []).append(quote)
        rows = connection.execute(
            text(
                "SELECT e.id, e.title, e.summary, t.slug, e.start_date, e.end_date, "
                "e.actor_names FROM events e JOIN event_types t ON t.id = e.type_id"
            )
        ).all()
    names = {actor.id: " ".join((actor.name, *actor.aliases)) for actor in repo.actors}
    result = []
    for event_id, title, summary, slug, start, end, actor_names in rows:
        ids = frozenset(actors.get(event_id, ()))
        searchable = " ".join([title, summary, *quotes.get(event_id, []), *(names[i] for i in ids)])
        result.append(
            Naive(
                event_id,
                title,
                slug,
                date.fromisoformat(start),
                date.fromisoformat(end),
                actor_names,
                ids,
                frozenset(_tokens(searchable)),
            )
        )
    return result


def _matcher(repo: EventRepository, event_filter: EventFilter) -> Callable[[Naive], bool]:
    wanted = {repo.resolve_actor(name).id for name in event_filter.actors}
    words = [re.findall(r"[^\W_]+", _fold(word)) for word in event_filter.text.split()]

    def matches(event: Naive) -> bool:
        if wanted and not wanted & event.actor_ids:
            return False
        if event_filter.types and not any(
            event.type_slug == slug or event.type_slug.startswith(slug + "/")
            for slug in event_filter.types
        ):
            return False
        if event_filter.date_from and event.end < event_filter.date_from:
            return False
        if event_filter.date_to and event.start > event_filter.date_to:
            return False
        # Single-run words only in these tests: a prefix of any indexed token.
        return all(
            any(token.startswith(runs[0]) for token in event.tokens) for runs in words if runs
        )

    return matches


WORDS = ["sanctions", "securite", "Sécurité", "gouv", "ÉNERGIE", "fleu", "hélicoptère", "ré"]
TYPES = ["sanction", "aid/donation", "corporate-withdrawal", "market-move/currency-fall"]
FIRST, LAST = date(2017, 6, 1), date(2026, 6, 1)


@st.composite
def filters(draw: st.DrawFn, repo: EventRepository) -> EventFilter:
    popular = sorted(repo.actors, key=lambda a: a.key)[:: max(1, len(repo.actors) // 40)]
    actor_names = [name for actor in popular for name in (actor.name, *actor.aliases[:1])]
    days = st.integers(0, (LAST - FIRST).days).map(lambda n: FIRST + timedelta(days=n))
    date_from = draw(st.none() | days)
    date_to = draw(st.none() | days)
    if date_from and date_to and date_from > date_to:
        date_from, date_to = date_to, date_from
    return EventFilter(
        actors=frozenset(draw(st.lists(st.sampled_from(actor_names), max_size=2))),
        types=frozenset(draw(st.lists(st.sampled_from(TYPES), max_size=2))),
        date_from=date_from,
        date_to=date_to,
        text=" ".join(draw(st.lists(st.sampled_from(WORDS), max_size=2))),
    )


def _check_everything(repo: EventRepository, naive: list[Naive], event_filter: EventFilter) -> None:
    matching = list(filter(_matcher(repo, event_filter), naive))
    by_date = sorted(matching, key=lambda e: (e.start, e.end, e.id))
    assert repo.count(event_filter) == len(matching)
    assert [r.id for r in repo.rows(event_filter)] == [e.id for e in by_date]
    title = sorted(matching, key=lambda e: (_sqlite_lower(e.title), e.id))
    assert [r.id for r in repo.rows(event_filter, sort=SortKey.TITLE, limit=50)] == [
        e.id for e in title[:50]
    ]
    actors = sorted(matching, key=lambda e: (_sqlite_lower(e.actor_names), e.start, e.id))
    assert [
        r.id for r in repo.rows(event_filter, sort=SortKey.ACTORS, descending=True, limit=30)
    ] == [e.id for e in reversed(actors)][:30]
    types = sorted(matching, key=lambda e: (e.type_slug, e.start, e.id))
    assert [r.id for r in repo.rows(event_filter, sort=SortKey.TYPE, offset=7, limit=40)] == [
        e.id for e in types[7:47]
    ]

    _check_keyset_pages(repo, matching, event_filter)

    extent = repo.date_extent(event_filter)
    if matching:
        assert extent == (min(e.start for e in matching), max(e.end for e in matching))
        for probe in (by_date[0], by_date[len(by_date) // 2], by_date[-1]):
            assert repo.position_of(event_filter, probe.id) == by_date.index(probe)
    else:
        assert extent is None
    outsider = next((e for e in naive if e not in matching), None)
    if outsider is not None:
        assert repo.position_of(event_filter, outsider.id) is None

    facets = repo.facet_counts(event_filter)
    without_actors = list(filter(_matcher(repo, event_filter.without_actors()), naive))
    expected_actors = Counter(a for e in without_actors for a in e.actor_ids)
    assert facets.actors == dict(expected_actors)
    without_types = list(filter(_matcher(repo, event_filter.without_types()), naive))
    for event_type in repo.event_types:
        expected = sum(event_type.includes(e.type_slug) for e in without_types)
        assert facets.types[event_type.slug] == expected, event_type.slug


def _in_list_order(matching: list[Naive], sort: SortKey, descending: bool) -> list[int]:
    keys = {
        SortKey.DATE: lambda e: (e.start, e.end, e.id),
        SortKey.TITLE: lambda e: (_sqlite_lower(e.title), e.id),
        SortKey.TYPE: lambda e: (e.type_slug, e.start, e.id),
        SortKey.ACTORS: lambda e: (_sqlite_lower(e.actor_names), e.start, e.id),
    }
    return [e.id for e in sorted(matching, key=keys[sort], reverse=descending)]


def _check_keyset_pages(
    repo: EventRepository, matching: list[Naive], event_filter: EventFilter
) -> None:
    """Every page the list can seek (forward, backward, from a page start) in every order is
    the naive order's slice, and every event's position is its index in that order."""
    size = max(3, len(matching) // 5)
    for sort in SortKey:
        for descending in (False, True):
            expected = _in_list_order(matching, sort, descending)
            order = {"sort": sort, "descending": descending}
            forward: list[int] = []
            page = repo.list_page(event_filter, limit=size, **order)
            while page.rows:
                forward += [r.id for r in page.rows]
                page = repo.list_page(event_filter, limit=size, key=page.last_key, **order)
            assert forward == expected, (sort, descending)
            backward: list[int] = []
            page = repo.list_page(event_filter, limit=size, backward=True, **order)
            while page.rows:
                backward = [r.id for r in page.rows] + backward
                page = repo.list_page(
                    event_filter, limit=size, key=page.first_key, backward=True, **order
                )
            assert backward == expected, (sort, descending)
            starts = repo.page_keys(event_filter, every=size, **order)
            assert len(starts) == -(-len(expected) // size)
            for number, key in enumerate(starts):
                page = repo.list_page(event_filter, limit=size, key=key, inclusive=True, **order)
                assert [r.id for r in page.rows] == expected[number * size : (number + 1) * size]
            for index in {0, len(expected) // 2, len(expected) - 1} if expected else ():
                assert repo.position_of(event_filter, expected[index], **order) == index


def _check_window(
    repo: EventRepository, naive: list[Naive], event_filter: EventFilter, start: date, end: date
) -> None:
    matching = list(filter(_matcher(repo, event_filter), naive))
    inside = sorted(
        (e for e in matching if e.end >= start and e.start <= end), key=lambda e: (e.start, e.id)
    )
    assert [r.id for r in repo.rows_between(event_filter, start, end)] == [e.id for e in inside]
    assert [r.id for r in repo.rows_between(event_filter, start, end, limit=25)] == [
        e.id for e in inside[:25]
    ]
    for bins in (1, 37, 400):
        span = (end - start).days + 1
        expected = [0] * bins
        expected_by_root: dict[str, list[int]] = {}
        for e in matching:
            if start <= e.start <= end:
                index = min(bins - 1, (e.start - start).days * bins // span)
                expected[index] += 1
                root = e.type_slug.split("/")[0]
                expected_by_root.setdefault(root, [0] * bins)[index] += 1
        assert repo.histogram(event_filter, start, end, bins) == expected
        assert repo.histogram(event_filter, start, end, bins, by_type=True) == expected_by_root


def test_unfiltered_answers_match_a_naive_pass(repo: EventRepository, naive: list[Naive]) -> None:
    assert len(naive) == EVENTS
    _check_everything(repo, naive, EventFilter())
    _check_window(repo, naive, EventFilter(), date(2018, 1, 1), date(2025, 12, 31))


def test_long_events_reach_a_window_far_after_they_start(
    repo: EventRepository, naive: list[Naive]
) -> None:
    # Year-precision and month-to-month events start long before a one-week window they
    # overlap; the window query must still find them.
    long_ones = [e for e in naive if (e.end - e.start).days > 120]
    assert long_ones
    probe = long_ones[0]
    start = probe.end - timedelta(days=3)
    _check_window(repo, naive, EventFilter(), start, start + timedelta(days=6))
    found = repo.rows_between(EventFilter(), start, start + timedelta(days=6))
    assert probe.id in {r.id for r in found}


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_random_filters_match_a_naive_pass(
    repo: EventRepository, naive: list[Naive], data: st.DataObject
) -> None:
    event_filter = data.draw(filters(repo))
    _check_everything(repo, naive, event_filter)
    days = st.integers(0, (LAST - FIRST).days).map(lambda n: FIRST + timedelta(days=n))
    start = data.draw(days)
    end = start + timedelta(days=data.draw(st.integers(0, 400)))
    _check_window(repo, naive, event_filter, start, end)


def test_a_date_ranges_type_counts_read_a_few_months_of_the_date_index(
    repo: EventRepository,
) -> None:
    """The events already under way on a range's first day are read from the covering date
    index (from LONG_SPAN_DAYS before it) and the long events' index; grouping by type must
    not send SQLite through the (type, start) index, which looks up every row's end date."""
    query = under_way_by_type(date(2022, 3, 1)).compile(
        dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}
    )
    with repo.engine.connect() as connection:
        plan = " / ".join(
            str(row[-1]) for row in connection.execute(text(f"EXPLAIN QUERY PLAN {query}"))
        )
    assert "COVERING INDEX ix_events_start_end (start_date>? AND start_date<?)" in plan, plan
    assert "ix_events_long_span" in plan and "ix_events_type_start" not in plan, plan
    assert "SCAN events" not in plan, plan
