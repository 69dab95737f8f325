"""Timeline lanes: which lane an event goes to (repository) and how lanes are laid out
(render/lanes.py), without a window."""

from __future__ import annotations

from datetime import date

from desktopapp.db.repository import EventRepository
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.grouping import NO_ACTOR_LANE, Grouping

WHOLE = (date(2022, 1, 1), date(2022, 12, 31))


def _rouble(repository: EventRepository) -> int:
    return next(r.id for r in repository.rows() if r.title.startswith("Rouble"))


def test_an_event_without_acting_actor_is_in_the_no_acting_actor_lane_only(
    repository: EventRepository,
) -> None:
    rouble = _rouble(repository)
    russia = str(repository.resolve_actor("Russia").id)
    rows = repository.lane_rows(EventFilter(), Grouping.ACTOR, *WHOLE)
    assert [key for key, row in rows if row.id == rouble] == [NO_ACTOR_LANE]
    assert all(row.id != rouble for key, row in rows if key == russia)
    # Every lane query agrees, whether asked for all lanes or for some.
    counts = {
        lane.key: lane for lane in repository.lane_counts(EventFilter(), Grouping.ACTOR, *WHOLE)
    }
    assert counts[NO_ACTOR_LANE].label == "No acting actor"
    assert counts[NO_ACTOR_LANE].count == sum(1 for key, _ in rows if key == NO_ACTOR_LANE)
    only = repository.lane_rows(EventFilter(), Grouping.ACTOR, *WHOLE, lanes=[NO_ACTOR_LANE])
    assert {row.id for _, row in only} == {row.id for key, row in rows if key == NO_ACTOR_LANE}
    without = repository.lane_rows(EventFilter(), Grouping.ACTOR, *WHOLE, lanes=[russia])
    assert rouble not in {row.id for _, row in without}
    histogram = repository.lane_histogram(
        EventFilter(), Grouping.ACTOR, WHOLE[0], 1, 365, lanes=[NO_ACTOR_LANE]
    )
    assert sum(histogram[NO_ACTOR_LANE]) == counts[NO_ACTOR_LANE].count
    overview = repository.lane_overview(EventFilter(), Grouping.ACTOR, *WHOLE, WHOLE[0], 7, 53)
    assert overview[-1].key == NO_ACTOR_LANE  # drawn last, after the actors by name
    assert overview[-1].count == counts[NO_ACTOR_LANE].count
