"""The time scale, the axis ticks and label stacking: pure maths, no Qt."""

from __future__ import annotations

import time
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktopapp.domain.timescale import (
    COORDINATE_LIMIT,
    MAX_PIXELS_PER_DAY,
    MAX_SCENE_WIDTH,
    MAX_TICKS,
    MIN_PIXELS_PER_DAY,
    LabelBox,
    TickUnit,
    TimeScale,
    aligned_bins,
    axis_ticks,
    bin_days_for,
    highest_zoom,
    rows_used,
    shift_days,
    stack_labels,
    tick_dates,
    tick_label,
    tick_unit_for,
)


def test_scale_maps_days_to_x_and_back() -> None:
    scale = TimeScale(date(2022, 2, 20), 10.0, x0=100.0)
    assert scale.x(date(2022, 2, 20)) == 100.0
    assert scale.x(date(2022, 3, 2)) == 100.0 + 10 * 10.0  # 2022 is not a leap year
    assert scale.x_mid(date(2022, 2, 21)) == 115.0
    assert scale.x_end(date(2022, 2, 21)) == 120.0
    assert scale.date_at(119.9) == date(2022, 2, 21)
    assert scale.date_at(120.0) == date(2022, 2, 22)
    assert scale.date_at(99.0) == date(2022, 2, 19)


def test_fit_puts_first_and_last_day_at_the_edges() -> None:
    scale = TimeScale.fit(date(2022, 1, 1), date(2022, 12, 31), 50.0, 780.0)
    assert scale.x(date(2022, 1, 1)) == pytest.approx(50.0)
    assert scale.x_end(date(2022, 12, 31)) == pytest.approx(780.0)
    assert scale.pixels_per_day == pytest.approx(730.0 / 365)


def test_scale_refuses_a_non_positive_zoom() -> None:
    with pytest.raises(ValueError, match="positive"):
        TimeScale(date(2022, 1, 1), 0.0)


@given(
    ppd=st.floats(min_value=0.01, max_value=500.0),
    factor=st.floats(min_value=0.05, max_value=20.0),
    anchor=st.floats(min_value=-5000.0, max_value=5000.0),
)
def test_zoom_keeps_the_instant_under_the_anchor(ppd: float, factor: float, anchor: float) -> None:
    scale = TimeScale(date(2020, 6, 15), ppd, x0=37.0)
    zoomed = scale.zoomed(factor, anchor)
    assert zoomed.ordinal_at(anchor) == pytest.approx(scale.ordinal_at(anchor), abs=1e-6)
    assert MIN_PIXELS_PER_DAY <= zoomed.pixels_per_day <= MAX_PIXELS_PER_DAY


@pytest.mark.parametrize(
    ("ppd", "unit"),
    [
        (120.0, TickUnit.DAY),
        (20.0, TickUnit.WEEK),
        (3.0, TickUnit.MONTH),
        (1.0, TickUnit.QUARTER),
        (0.2, TickUnit.YEAR),
        (0.01, TickUnit.YEAR_25),
    ],
)
def test_tick_unit_adapts_to_zoom(ppd: float, unit: TickUnit) -> None:
    assert tick_unit_for(ppd) is unit


def test_ticks_at_each_zoom_level_are_calendar_aligned_and_labelled() -> None:
    origin = date(2022, 1, 1)
    days = axis_ticks(TimeScale(origin, 120.0), 0, 1200)
    assert days.unit is TickUnit.DAY
    assert [t.label for t in days.ticks[:3]] == ["Sat 1", "Sun 2", "Mon 3"]
    assert [c[0].label for c in days.context] == ["January 2022"]

    weeks = axis_ticks(TimeScale(origin, 20.0), 0, 1200)
    assert weeks.unit is TickUnit.WEEK
    assert all(t.day.weekday() == 0 for t in weeks.ticks)
    assert weeks.ticks[0].label == "3 Jan"
    assert weeks.minor, "days between the weeks are marked"
    assert {c[0].label for c in weeks.context} >= {"January 2022", "February 2022"}

    months = axis_ticks(TimeScale(origin, 3.0), 0, 1200)
    assert months.unit is TickUnit.MONTH
    assert all(t.day.day == 1 for t in months.ticks)
    assert months.ticks[1].label == "Feb 2022"

    quarters = axis_ticks(TimeScale(origin, 1.0), 0, 1200)
    assert quarters.unit is TickUnit.QUARTER
    assert all(t.day.month in (1, 4, 7, 10) and t.day.day == 1 for t in quarters.ticks)

    years = axis_ticks(TimeScale(origin, 0.2), 0, 1200)
    assert years.unit is TickUnit.YEAR
    assert [t.label for t in years.ticks[:2]] == ["2022", "2023"]


@given(
    ppd=st.floats(min_value=0.005, max_value=600.0),
    start=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)),
)
@settings(max_examples=200)
def test_tick_labels_never_collide(ppd: float, start: date) -> None:
    scale = TimeScale(start, ppd)
    axis = axis_ticks(scale, 0.0, 1500.0)
    xs = [t.x for t in axis.ticks]
    assert xs == sorted(xs)
    for left, right in zip(axis.ticks, axis.ticks[1:], strict=False):
        # A label is at most ~8 characters of an 11 px font (about 44-52 px wide).
        assert right.x - left.x >= 7 * len(left.label) - 4


def test_tick_dates_of_every_unit() -> None:
    start, end = date(2021, 11, 15), date(2022, 2, 10)
    assert tick_dates(TickUnit.MONTH, start, end) == [
        date(2021, 12, 1),
        date(2022, 1, 1),
        date(2022, 2, 1),
    ]
    assert tick_dates(TickUnit.QUARTER, start, end) == [date(2022, 1, 1)]
    assert tick_dates(TickUnit.QUARTER, date(2022, 1, 1), date(2022, 4, 1)) == [
        date(2022, 1, 1),
        date(2022, 4, 1),
    ]
    assert tick_dates(TickUnit.YEAR_10, date(1995, 3, 1), date(2031, 1, 1)) == [
        date(2000, 1, 1),
        date(2010, 1, 1),
        date(2020, 1, 1),
        date(2030, 1, 1),
    ]
    assert tick_label(TickUnit.DAY, date(2022, 2, 28)) == "Mon 28"
    assert tick_label(TickUnit.WEEK, date(2022, 3, 1)) == "1 Mar"
    assert tick_label(TickUnit.MONTH, date(2022, 3, 1)) == "Mar 2022"


def test_bins_are_round_and_aligned() -> None:
    assert bin_days_for(10.0) == 1
    assert bin_days_for(1.0) == 14
    assert bin_days_for(0.2) == 61
    first, count = aligned_bins(date(2022, 3, 3), date(2022, 3, 30), 7)
    assert (first.toordinal() - 1) % 7 == 0
    assert first <= date(2022, 3, 3) < first + timedelta(days=7)
    assert first + timedelta(days=7 * count) > date(2022, 3, 30)
    # Panning does not move the bin edges.
    again, _ = aligned_bins(date(2022, 3, 5), date(2022, 4, 30), 7)
    assert again == first


# -- label stacking ----------------------------------------------------------------------------


def _overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def test_spread_out_events_share_one_row_with_full_labels() -> None:
    boxes = [LabelBox(i, i * 200.0, i * 200.0 + 10, 120.0) for i in range(5)]
    placed = stack_labels(boxes)
    assert {p.row for p in placed} == {0}
    assert all(not p.elided and p.label_width == 120.0 for p in placed)


def test_close_events_stack_in_rows() -> None:
    boxes = [LabelBox(i, i * 20.0, i * 20.0 + 10, 150.0) for i in range(4)]
    placed = stack_labels(boxes, max_rows=6)
    assert [p.row for p in placed] == [0, 1, 2, 3]
    assert rows_used(placed) == 4
    assert not any(p.elided for p in placed)


def test_when_rows_run_out_labels_are_elided_before_the_next_mark() -> None:
    boxes = [LabelBox(i, i * 40.0, i * 40.0 + 10, 300.0) for i in range(6)]
    placed = {p.key: p for p in stack_labels(boxes, max_rows=2, gap=4.0, min_label_width=20)}
    assert rows_used(list(placed.values())) == 2
    assert placed[0].elided
    assert placed[0].right <= placed[2].x0 - 4.0 + 1e-9
    assert not placed[5].elided  # the last one keeps its whole label


def test_a_label_too_short_to_read_is_dropped() -> None:
    boxes = [LabelBox(0, 0.0, 10.0, 200.0), LabelBox(1, 25.0, 35.0, 200.0)]
    placed = {p.key: p for p in stack_labels(boxes, max_rows=1, min_label_width=24)}
    assert placed[0].label_width == 0.0 and placed[0].elided
    assert placed[1].label_width == 200.0


def test_stacking_refuses_zero_rows() -> None:
    with pytest.raises(ValueError, match="at least one row"):
        stack_labels([LabelBox(0, 0, 1, 1)], max_rows=0)


@given(
    st.lists(
        st.tuples(
            st.floats(min_value=0, max_value=2000),
            st.floats(min_value=0, max_value=300),
            st.floats(min_value=0, max_value=400),
        ),
        max_size=120,
    ),
    st.integers(min_value=1, max_value=8),
)
@settings(max_examples=300)
def test_labels_never_overlap_anything_in_their_row(
    specs: list[tuple[float, float, float]], max_rows: int
) -> None:
    boxes = [LabelBox(i, x, x + w, label) for i, (x, w, label) in enumerate(specs)]
    placed = stack_labels(boxes, max_rows=max_rows, gap=4.0)
    assert sorted(p.key for p in placed) == list(range(len(boxes)))
    assert rows_used(placed) <= max(1, max_rows)
    for p in placed:
        assert 0 <= p.label_width <= boxes[p.key].label_width
    by_row: dict[int, list] = {}
    for p in placed:
        by_row.setdefault(p.row, []).append(p)
    for row in by_row.values():
        for a in row:
            if a.label_width <= 0:
                continue
            label = (a.label_x, a.label_x + a.label_width)
            for b in row:
                if b is a:
                    continue
                assert not _overlaps(label, (b.x0, b.x1)), (a, b)
                if b.label_width > 0:
                    assert not _overlaps(label, (b.label_x, b.label_x + b.label_width)), (a, b)


# -- the calendar's ends: nothing here may overflow or hand Qt an unbounded value ---------------


def test_shift_days_stops_at_the_ends_of_the_calendar() -> None:
    assert shift_days(date(2022, 3, 1), -1) == date(2022, 2, 28)
    assert shift_days(date(1, 1, 3), -100) == date.min
    assert shift_days(date(9999, 12, 1), 1_000_000) == date.max


@pytest.mark.parametrize("unit", list(TickUnit))
def test_ticks_at_the_ends_of_the_calendar_do_not_overflow(unit: TickUnit) -> None:
    for start, end in [(date.min, date(1, 2, 1)), (date(9999, 11, 1), date.max)]:
        ticks = tick_dates(unit, start, end)
        assert all(start <= day <= end for day in ticks)
    assert tick_dates(TickUnit.DAY, date(9999, 12, 30), date.max) == [
        date(9999, 12, 30),
        date.max,
    ]


def test_ticks_are_bounded_however_wide_the_range() -> None:
    started = time.perf_counter()
    days = tick_dates(TickUnit.DAY, date.min, date.max)
    assert len(days) == MAX_TICKS and days[:2] == [date.min, date(1, 1, 2)]
    assert len(tick_dates(TickUnit.MONTH, date.min, date.max)) == MAX_TICKS
    assert time.perf_counter() - started < 0.5


def test_the_whole_calendar_fits_with_labels_that_do_not_collide() -> None:
    scale = TimeScale.fit(date.min, date.max, 0.0, 300.0)
    assert scale.pixels_per_day >= MIN_PIXELS_PER_DAY  # fit all can show years 1 to 9999
    axis = axis_ticks(scale, 0.0, 300.0)
    assert [tick.label for tick in axis.ticks] == ["2500", "5000", "7500"]
    assert len(axis.minor) < 100


def test_highest_zoom_keeps_a_timeline_within_what_qt_can_draw() -> None:
    assert highest_zoom(None) == MAX_PIXELS_PER_DAY
    assert highest_zoom((date(2022, 2, 21), date(2022, 3, 2))) == MAX_PIXELS_PER_DAY
    whole = (date.min, date.max)
    zoom = highest_zoom(whole)
    assert zoom < MAX_PIXELS_PER_DAY
    scale = TimeScale(date.min, zoom)
    assert scale.x_end(date.max) == pytest.approx(MAX_SCENE_WIDTH)


def test_x_is_never_further_out_than_qt_can_take() -> None:
    scale = TimeScale(date.min, MAX_PIXELS_PER_DAY)
    assert scale.x(date.max) == COORDINATE_LIMIT < 2**31
    assert TimeScale(date.max, MAX_PIXELS_PER_DAY).x(date.min) == -COORDINATE_LIMIT
