"""Timeline lanes: which lane an event goes to (repository) and how lanes are laid out
(render/lanes.py), without a window."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtGui import QFontMetricsF

from desktopapp.db.repository import EventRepository
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.grouping import NO_ACTOR_LANE, Grouping
from desktopapp.domain.model import EventRow
from desktopapp.domain.timescale import TimeScale
from desktopapp.render.lanes import (
    MAX_HEADER_WIDTH,
    MIN_HEADER_WIDTH,
    MIN_LABEL_CHARS,
    OFF_LEFT,
    Fonts,
    LaneLayout,
    PlacedMark,
    TextMeasure,
    header_width,
    layout_marks,
    readable_elision,
    visible_label,
)

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


# -- layout and label functions (render/lanes.py) --------------------------------------------


def _row(event_id: int, title: str, day: date) -> EventRow:
    return EventRow(event_id, title, "aid", day.isoformat(), day, day, "day", False, False)


@pytest.fixture
def fonts(qapp: object) -> Fonts:
    return Fonts.sized(pixel_size=12)


def _mark(fonts: Fonts, title: str, x: float = 100.0) -> PlacedMark:
    scale = TimeScale(date(2022, 1, 1), 20.0, x)
    measure, glyphs = TextMeasure(fonts.label), TextMeasure(fonts.glyph)
    lane = layout_marks(
        "k", "Lane", [_row(1, title, date(2022, 1, 1))], scale, measure, glyphs, top=0
    )
    return lane.marks[0]


TITLE = "H&M temporarily pauses all sales in Russia"


def test_a_label_crossing_the_right_edge_ends_in_an_ellipsis_before_it(fonts: Fonts) -> None:
    mark = _mark(fonts, TITLE)
    metrics = QFontMetricsF(fonts.label)
    assert visible_label(mark, mark.label_x, mark.label_width, 0, 2000, metrics) == (
        mark.label_x,
        TITLE,
    )
    right = mark.label_x + mark.label_width / 2
    x, text = visible_label(mark, mark.label_x, mark.label_width, 0, right, metrics) or (0, "")
    assert x == mark.label_x and text.endswith("…") and TITLE.startswith(text[:-1])
    assert x + metrics.horizontalAdvance(text) <= right
    # Too little room for a readable label: none rather than "H&…".
    assert (
        visible_label(mark, mark.label_x, mark.label_width, 0, mark.label_x + 14, metrics) is None
    )


def test_a_label_whose_mark_is_off_the_left_edge_restarts_there_not_as_a_fragment(
    fonts: Fonts,
) -> None:
    mark = _mark(fonts, TITLE)
    metrics = QFontMetricsF(fonts.label)
    left = mark.label_x + 40  # the mark and the label's first words are under the names
    x, text = visible_label(mark, mark.label_x, mark.label_width, left, 2000, metrics) or (0, "")
    assert x >= left
    assert text.startswith(OFF_LEFT + "H&M tempor") and text.endswith("…")
    end = mark.label_x + mark.label_width
    assert x + metrics.horizontalAdvance(text) <= end + 0.5  # never into the next mark
    gone = mark.label_x + mark.label_width + 1
    assert visible_label(mark, mark.label_x, mark.label_width, gone, 2000, metrics) is None


def test_an_elided_label_keeps_a_readable_start_or_is_dropped(fonts: Fonts) -> None:
    metrics = QFontMetricsF(fonts.label)
    assert readable_elision(metrics, "Western allies announce", 30) == ""  # not "W…"
    kept = readable_elision(metrics, "Western allies announce", 90)
    assert kept.endswith("…") and len(kept) - 1 >= MIN_LABEL_CHARS
    assert readable_elision(metrics, "SAP", 100) == "SAP"


def test_a_crowded_single_lane_elides_no_label_to_a_stub(fonts: Fonts) -> None:
    # Twenty events on three days, as "Group by None" shows the article's events.
    rows = [
        _row(i, f"Event number {i} about sanctions", date(2022, 3, 1 + i % 3)) for i in range(20)
    ]
    scale = TimeScale(date(2022, 3, 1), 30.0, 0.0)
    measure, glyphs = TextMeasure(fonts.label), TextMeasure(fonts.glyph)
    lane = layout_marks("all", "All events", rows, scale, measure, glyphs, top=0, max_lines=8)
    for mark in lane.marks:
        assert mark.label == "" or len(mark.label.rstrip("…")) >= MIN_LABEL_CHARS, mark.label


def test_the_lane_names_column_fits_the_names_up_to_a_share_of_the_width(fonts: Fonts) -> None:
    header, count = TextMeasure(fonts.header), TextMeasure(fonts.small)

    def lane(name: str) -> LaneLayout:
        return LaneLayout(
            key=name, name=name, count=8, top=0, height=30, lines=1, colour_slug="aid"
        )

    short = header_width([lane("SAP")], header, count, 1200)
    assert short == MIN_HEADER_WIDTH
    long_name = header_width([lane("Corporate withdrawal")], header, count, 1200)
    assert long_name >= 10 + 16 + header.width("Corporate withdrawal") + 6 + count.width("8") + 8
    huge = header_width([lane("A very long institution name " * 4)], header, count, 1200)
    assert huge == MAX_HEADER_WIDTH
    assert header_width([lane("A very long institution name " * 4)], header, count, 500) == 150
