"""The synthetic generator: a realistic, deterministic dataset that the builder accepts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

import pytest
from sqlalchemy import text

from desktopapp.cli import main
from desktopapp.db.engine import open_database
from desktopapp.db.repository import EventRepository, SortKey
from desktopapp.domain.dates import parse_edtf
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.model import ActorKind
from desktopapp.ingest.builder import build_database
from desktopapp.ingest.dataset import DEFAULT_TYPES
from desktopapp.ingest.synthetic import synthetic_dataset

EVENTS = 2_000


@pytest.fixture(scope="module")
def synthetic_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("synthetic") / "synthetic.sqlite3"
    assert build_database(synthetic_dataset(EVENTS, seed=7), path) == EVENTS
    return path


@pytest.fixture
def repo(synthetic_db: Path) -> Iterator[EventRepository]:
    engine = open_database(synthetic_db)
    yield EventRepository(engine)
    engine.dispose()


def test_every_quote_is_a_verbatim_span_of_its_source(repo: EventRepository) -> None:
    texts = {source.key: repo.source_text(source.key) for source in repo.sources}
    assert len(texts) >= 6
    with repo.engine.connect() as connection:
        quotes = connection.execute(
            text(
                'SELECT s.key, q.start, q."end", q.text FROM quotes q '
                "JOIN sources s ON s.id = q.source_id"
            )
        ).all()
    assert len(quotes) >= EVENTS
    for key, start, end, quote in quotes:
        assert texts[key][start:end] == quote
        assert quote.strip() == quote and len(quote) > 20


def test_dates_parse_and_precisions_are_mixed(repo: EventRepository) -> None:
    rows = repo.rows()
    assert len(rows) == EVENTS
    for row in rows:
        parsed = parse_edtf(row.edtf)
        assert (parsed.earliest(), parsed.latest()) == (row.start, row.end)
        assert parsed.precision.value == row.precision
    precisions = Counter(row.precision for row in rows)
    assert set(precisions) == {"day", "month", "year", "interval"}
    assert precisions["day"] > EVENTS / 2  # mostly exact-ish days
    exact = sum(row.is_exact_day for row in rows)
    assert EVENTS * 0.5 < exact < EVENTS * 0.9
    assert any(row.approximate for row in rows) and any(row.uncertain for row in rows)
    assert any(row.edtf.endswith("%") for row in rows)
    years = Counter(row.start.year for row in rows)
    assert len(years) >= 6


def test_dates_come_in_bursts(repo: EventRepository) -> None:
    extent = repo.date_extent()
    assert extent is not None
    counts = repo.histogram(EventFilter(), *extent, bins=100)
    assert isinstance(counts, list) and sum(counts) == EVENTS
    # Crises: the busiest bins hold far more than an even spread would.
    assert max(counts) > 4 * (EVENTS / 100)


def test_actors_are_varied_and_popularity_is_skewed(repo: EventRepository) -> None:
    assert 100 <= len(repo.actors) <= 3000
    assert {actor.kind for actor in repo.actors} == set(ActorKind)
    assert sum(bool(actor.aliases) for actor in repo.actors) > len(repo.actors) / 2
    facets = repo.facet_counts()
    ranked = sorted(facets.actors.values(), reverse=True)
    assert ranked[0] > EVENTS * 0.05  # a few actors appear in many events
    assert ranked[len(ranked) // 2] < EVENTS * 0.01


def test_types_are_skewed_and_facets_add_up(repo: EventRepository) -> None:
    facets = repo.facet_counts()
    roots = [t.slug for t in DEFAULT_TYPES if "/" not in t.slug]
    assert sum(facets.types[root] for root in roots) == EVENTS
    children = {slug: n for slug, n in facets.types.items() if "/" in slug}
    assert max(children.values()) > 8 * min(children.values())


@pytest.mark.parametrize(
    "event_filter",
    [
        EventFilter(),
        EventFilter(types=frozenset({"sanction"})),
        EventFilter(types=frozenset({"corporate-withdrawal/sales-halt", "aid"})),
        EventFilter(text="sécurité"),
        EventFilter(text="gouv"),
    ],
    ids=["all", "parent-type", "two-types", "accented-word", "prefix"],
)
def test_count_matches_rows(repo: EventRepository, event_filter: EventFilter) -> None:
    rows = repo.rows(event_filter)
    assert repo.count(event_filter) == len(rows)
    assert len({row.id for row in rows}) == len(rows)
    for key in SortKey:
        assert len(repo.rows(event_filter, sort=key)) == len(rows)


def test_actor_filter_by_alias_and_by_name_agree(repo: EventRepository) -> None:
    facets = repo.facet_counts()
    popular = sorted(
        (actor for actor in repo.actors if actor.aliases),
        key=lambda actor: -facets.actors.get(actor.id, 0),
    )[:5]
    for actor in popular:
        by_name = repo.count(EventFilter(actors=frozenset({actor.name})))
        by_alias = repo.count(EventFilter(actors=frozenset({actor.aliases[0].upper()})))
        assert by_name == by_alias == facets.actors[actor.id] > 0
        rows = repo.rows(EventFilter(actors=frozenset({actor.aliases[-1]})))
        assert all(actor.name in row.actor_names for row in rows)


def test_search_is_selective_and_ignores_accents(repo: EventRepository) -> None:
    accented = repo.count(EventFilter(text="sécurité"))
    assert 0 < accented < EVENTS / 2
    assert repo.count(EventFilter(text="SECURITE")) == accented
    common = repo.count(EventFilter(text="sanctions"))
    assert 0 < common < EVENTS


def test_same_seed_same_data_other_seed_other_data() -> None:
    first, again = synthetic_dataset(300, seed=3), synthetic_dataset(300, seed=3)
    assert first.actors == again.actors and first.sources == again.sources
    assert list(first.events) == list(again.events)
    assert list(first.events) == list(first.events)  # re-iterable, same each time
    other = synthetic_dataset(300, seed=4)
    assert list(other.events) != list(first.events)


def test_events_are_produced_lazily() -> None:
    dataset = synthetic_dataset(10_000_000)
    assert not isinstance(dataset.events, list | tuple)
    first = list(islice(dataset.events, 3))  # would take minutes if all were made first
    assert [event.key for event in first] == ["syn-0000001", "syn-0000002", "syn-0000003"]


def test_generate_command_writes_a_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "generated.sqlite3"
    assert main(["generate", "--events", "250", "--out", str(target), "--seed", "2"]) == 0
    assert "250" in capsys.readouterr().out
    engine = open_database(target)
    try:
        assert EventRepository(engine).count() == 250
    finally:
        engine.dispose()
