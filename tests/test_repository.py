"""Filters, facets and search against the real article database."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktopapp.db.repository import EventRepository, SortKey
from desktopapp.domain.filter import EventFilter, FilterError


@pytest.fixture
def repository(repository_on_each_engine: EventRepository) -> EventRepository:
    """The article's timeline from a file and from a PostgreSQL server: the same answers."""
    return repository_on_each_engine


def keys(repository: EventRepository, event_filter: EventFilter) -> set[str]:
    return {event.key for event in repository.events(event_filter)}


APPLE = {"apple-export-halt", "apple-pay-limited", "apple-rt-sputnik-removed"}
AMAZON = {"amazon-logistics-aid", "amazon-cybersecurity-aid", "amazon-cash-donations"}


def test_no_filter_returns_every_event_in_date_order(repository: EventRepository) -> None:
    events = repository.events()
    assert len(events) == repository.total == 18
    starts = [(e.start, e.end) for e in events]
    assert starts == sorted(starts)


@pytest.mark.parametrize("name", ["Apple", "apple", "APPLE INC.", "Apple Inc."])
def test_actor_by_name_or_alias_any_case(repository: EventRepository, name: str) -> None:
    assert keys(repository, EventFilter(actors=frozenset({name}))) == APPLE


def test_alias_general_motors_is_gm(repository: EventRepository) -> None:
    assert keys(repository, EventFilter(actors=frozenset({"General Motors"}))) == {"gm-export-halt"}


def test_several_actors_match_any(repository: EventRepository) -> None:
    chosen = keys(repository, EventFilter(actors=frozenset({"Apple", "Amazon"})))
    assert chosen == APPLE | AMAZON


def test_unknown_actor_is_a_clear_error(repository: EventRepository) -> None:
    with pytest.raises(FilterError, match="no actor is called 'Microsoft'; known actors: "):
        repository.count(EventFilter(actors=frozenset({"Microsoft"})))


def test_parent_type_includes_children(repository: EventRepository) -> None:
    sanctions = keys(repository, EventFilter(types=frozenset({"sanction"})))
    assert sanctions == {"sanctions-wave", "swift-exclusion"}
    withdrawals = keys(repository, EventFilter(types=frozenset({"corporate-withdrawal"})))
    assert "apple-export-halt" in withdrawals and "volvo-halts-russia" in withdrawals
    halts = keys(repository, EventFilter(types=frozenset({"corporate-withdrawal/export-halt"})))
    assert halts == {"apple-export-halt", "gm-export-halt"}
    assert halts < withdrawals


@pytest.mark.parametrize("name", ["sales-halt", "Sales halt", "corporate-withdrawal/sales-halt"])
def test_type_by_slug_label_or_leaf(repository: EventRepository, name: str) -> None:
    assert keys(repository, EventFilter(types=frozenset({name}))) == {
        "hm-pauses-sales",
        "sap-pauses-sales",
    }


def test_date_range_matches_overlapping_uncertain_spans(repository: EventRepository) -> None:
    # Apple's export halt is only known to fall in the week of 21-27 February: a range that
    # touches that week must include it, even though no single day is known.
    feb_25 = keys(repository, EventFilter(date_from=date(2022, 2, 25), date_to=date(2022, 2, 25)))
    assert "apple-export-halt" in feb_25
    assert "sanctions-wave" in feb_25  # 22 Feb - 2 Mar
    assert "gm-export-halt" not in feb_25  # 28 Feb exactly
    march = keys(repository, EventFilter(date_from=date(2022, 3, 1)))
    assert "apple-export-halt" not in march
    assert {"sap-pauses-sales", "amazon-cash-donations", "hm-pauses-sales"} <= march
    to_feb_26 = keys(repository, EventFilter(date_to=date(2022, 2, 26)))
    assert to_feb_26 == {
        "apple-export-halt",
        "sanctions-wave",
        "swift-exclusion",
        "google-maps-live-traffic-disabled",
    }


def test_reversed_range_is_refused() -> None:
    with pytest.raises(FilterError, match="reversed"):
        EventFilter(date_from=date(2022, 3, 2), date_to=date(2022, 3, 1))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("systeme bancaire", {"swift-exclusion"}),
        ("SYSTÈME BANCAIRE", {"swift-exclusion"}),
        ("swift", {"swift-exclusion", "rouble-plunge"}),
        ("apple pay", {"apple-pay-limited"}),
        ("cybersecurite", {"amazon-logistics-aid", "amazon-cybersecurity-aid"}),
        ("H&M", {"hm-pauses-sales"}),
        ("Hennes", {"hm-pauses-sales"}),
        ("10 000 dollars", {"russia-cash-export-limit"}),
    ],
)
def test_search_ignores_case_accents_and_finds_actor_aliases(
    repository: EventRepository, text: str, expected: set[str]
) -> None:
    assert expected <= keys(repository, EventFilter(text=text))
    if text in ("systeme bancaire", "apple pay", "Hennes"):
        assert keys(repository, EventFilter(text=text)) == expected


def test_search_ignores_apostrophe_style(repository: EventRepository, article_text: str) -> None:
    assert "l’invasion" in article_text and "l'invasion" not in article_text
    straight = keys(repository, EventFilter(text="l'invasion"))
    curly = keys(repository, EventFilter(text="l’invasion"))
    assert straight == curly
    assert "netflix-refuses-state-channels" in straight


HOSTILE = [
    '"',
    '"unbalanced',
    "(",
    ")(",
    "*",
    "***",
    "AND",
    "OR NOT",
    "NEAR(apple pay, 2)",
    "title:apple",
    "-apple",
    "^apple",
    "apple +",
    "'; DROP TABLE events; --",
    "\x00apple",
    "a" * 10_000,
    "apple " * 2000,
    "🇺🇦 🚀",
    "עברית ערבית",
    "العربية",
    "\u202eapple",
    "\\",
    "%_",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_search_text_never_raises(repository: EventRepository, text: str) -> None:
    count = repository.count(EventFilter(text=text))
    assert 0 <= count <= repository.total
    assert len(repository.rows(EventFilter(text=text))) == count
    repository.facet_counts(EventFilter(text=text))
    assert repository.total == 18  # nothing was changed


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=200))
def test_any_search_text_gives_results_or_none(repository: EventRepository, text: str) -> None:
    assert 0 <= repository.count(EventFilter(text=text)) <= 18


def test_facet_counts_ignore_their_own_selection(repository: EventRepository) -> None:
    apple = repository.resolve_actor("Apple")
    amazon = repository.resolve_actor("Amazon")
    counts = repository.facet_counts(EventFilter(actors=frozenset({"Apple"})))
    assert counts.actors[apple.id] == 3
    assert counts.actors[amazon.id] == 3  # what ticking Amazon as well would add
    # The type facet is narrowed by the actor selection.
    assert counts.types["corporate-withdrawal"] == 2
    assert counts.types["media-restriction"] == 1
    assert counts.types["sanction"] == 0


def test_type_facet_rolls_children_up(repository: EventRepository) -> None:
    counts = repository.facet_counts()
    roots = [t.slug for t in repository.event_types if "/" not in t.slug]
    assert sum(counts.types[slug] for slug in roots) == 18
    assert counts.types["sanction"] == (
        counts.types["sanction/general"] + counts.types["sanction/banking-exclusion"]
    )


def test_combined_filters(repository: EventRepository) -> None:
    combined = EventFilter(
        actors=frozenset({"Russia"}),
        types=frozenset({"corporate-withdrawal"}),
        date_from=date(2022, 3, 1),
        text="russie",
    )
    found = keys(repository, combined)
    assert (
        found
        == {"apple-pay-limited", "maersk-suspends-bookings", "sap-pauses-sales", "hm-pauses-sales"}
        & found
    )
    for event in repository.events(combined):
        assert any(a.name == "Russia" for a in event.actors())
        assert event.type.slug.startswith("corporate-withdrawal")
        assert event.end >= date(2022, 3, 1)
    assert repository.count(combined) == len(found)


@pytest.mark.parametrize("sort", list(SortKey))
def test_rows_page_in_every_sort_order(repository: EventRepository, sort: SortKey) -> None:
    everything = repository.rows(sort=sort)
    pages = repository.rows(sort=sort, limit=5) + repository.rows(sort=sort, offset=5)
    assert [r.id for r in pages] == [r.id for r in everything]
    backwards = repository.rows(sort=sort, descending=True)
    assert [r.id for r in backwards] == [r.id for r in reversed(everything)]


def test_position_of_and_window_queries(repository: EventRepository) -> None:
    rows = repository.rows()
    for index, row in enumerate(rows):
        assert repository.position_of(EventFilter(), row.id) == index
    assert repository.position_of(EventFilter(actors=frozenset({"Apple"})), rows[-1].id) is None
    window = repository.rows_between(EventFilter(), date(2022, 2, 28), date(2022, 2, 28))
    assert {r.id for r in window} >= {
        repository.events(EventFilter(text="rouble"))[0].id,
    }
    assert repository.date_extent() == (date(2022, 2, 21), date(2022, 3, 2))
    assert repository.date_extent(EventFilter(text="zzzzzz")) is None
    counts = repository.histogram(EventFilter(), date(2022, 2, 21), date(2022, 3, 2), 10)
    assert isinstance(counts, list) and sum(counts) == 18


@pytest.mark.parametrize(
    ("date_from", "date_to", "types"),
    [
        (date(2022, 2, 27), None, frozenset()),
        (None, date(2022, 2, 26), frozenset()),
        (date(2022, 2, 25), date(2022, 2, 28), frozenset()),
        (date(2022, 3, 1), date(2022, 3, 1), frozenset({"corporate-withdrawal"})),
    ],
)
def test_actor_facets_under_dates_match_a_plain_count(
    repository: EventRepository, date_from: date | None, date_to: date | None, types: frozenset
) -> None:  # type: ignore[type-arg]
    """Date-filtered actor counts come from sorted spans; they must equal counting events."""
    event_filter = EventFilter(date_from=date_from, date_to=date_to, types=types)
    expected: dict[int, int] = {}
    for event in repository.events(event_filter):
        for actor_id in {actor.id for actor in event.actors()}:
            expected[actor_id] = expected.get(actor_id, 0) + 1
    counts = repository.facet_counts(event_filter).actors
    assert {k: v for k, v in counts.items() if v} == expected


@pytest.mark.parametrize("blank", ["", " ", "\t\r\n", "\u3000"])
def test_blank_search_text_is_no_filter(repository: EventRepository, blank: str) -> None:
    event_filter = EventFilter(text=blank)
    assert repository.count(event_filter) == 18
    assert repository.facet_counts(event_filter) == repository.facet_counts()
    dated = EventFilter(text=blank, date_from=date(2022, 3, 1))
    assert repository.facet_counts(dated) == repository.facet_counts(
        EventFilter(date_from=date(2022, 3, 1))
    )
