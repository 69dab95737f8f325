"""The static chart shared by every export: its model, its height, and what it paints."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from desktopapp.db.repository import EventRepository
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.grouping import Grouping
from desktopapp.render.chart import Chart, build_chart, chart_height, paint_chart
from desktopapp.render.marks import MarkShape, MarkStyle


def _paint(chart: Chart, width: int = 1000, *, dark: bool = False) -> QImage:
    height = int(chart_height(chart, width)) + 1
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("#123456"))  # a colour the chart never uses: shows what it covered
    painter = QPainter(image)
    paint_chart(painter, QRectF(0, 0, width, height), chart, dark=dark)
    painter.end()
    return image


def _distinct_colours(image: QImage, step: int = 3) -> int:
    colours = set()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            colours.add(image.pixel(x, y))
    return len(colours)


@pytest.mark.parametrize("grouping", list(Grouping))
def test_chart_model_holds_every_filtered_event_in_its_lanes(
    qapp: object, repository: EventRepository, grouping: Grouping
) -> None:
    chart = build_chart(repository, EventFilter(), grouping)
    assert chart.total == 18
    assert not chart.aggregated
    assert chart.event_ids == {row.id for row in repository.rows()}
    assert chart.start <= date(2022, 2, 21) and chart.end >= date(2022, 3, 2)
    if grouping is Grouping.TYPE:
        assert [lane.name for lane in chart.lanes] == [
            "Aid",
            "Capital control",
            "Corporate withdrawal",
            "Market move",
            "Media restriction",
            "Safety measure",
            "Sanction",
        ]
    if grouping is Grouping.NONE:
        assert [lane.name for lane in chart.lanes] == ["All events"]
        assert len(chart.lanes[0].events) == 18


def test_actor_lanes_follow_acting_actors_and_the_rest_has_its_own_lane(
    qapp: object, repository: EventRepository
) -> None:
    chart = build_chart(repository, EventFilter(), Grouping.ACTOR)
    lanes = {lane.name: {row.id for row in lane.events} for lane in chart.lanes}
    swift = 16  # the SWIFT exclusion, acted by seven governments: in each of their lanes
    assert all(swift in lanes[name] for name in ("France", "Canada", "European Union"))
    assert "SWIFT" not in lanes  # the network applied the decision; it is not an actor
    # The rouble's fall has no acting actor: not under "Russia", which it only affects, but
    # in a lane that says so, drawn last.
    rouble = next(r.id for r in repository.rows() if r.title.startswith("Rouble"))
    assert [name for name, ids in lanes.items() if rouble in ids] == ["No acting actor"]
    assert chart.lanes[-1].name == "No acting actor"
    assert "Russian rouble" not in lanes


def test_filter_and_period_restrict_the_chart(qapp: object, repository: EventRepository) -> None:
    only_apple = build_chart(repository, EventFilter(actors=frozenset({"Apple"})), Grouping.TYPE)
    apple_ids = {row.id for row in repository.rows(EventFilter(actors=frozenset({"Apple"})))}
    assert only_apple.event_ids == apple_ids
    march = build_chart(
        repository, EventFilter(), Grouping.NONE, start=date(2022, 3, 2), end=date(2022, 3, 2)
    )
    assert march.event_ids == {
        row.id for row in repository.rows_between(EventFilter(), date(2022, 3, 2), date(2022, 3, 2))
    }


def test_beyond_max_events_the_chart_counts_per_bin_and_says_so(
    qapp: object, repository: EventRepository
) -> None:
    chart = build_chart(repository, EventFilter(), Grouping.TYPE, max_events=10)
    assert chart.aggregated
    assert chart.event_ids == frozenset()
    assert "18 events" in chart.note and "more than 10" in chart.note
    assert sum(sum(lane.bins.counts) for lane in chart.lanes if lane.bins) == 18
    image = _paint(chart)
    assert _distinct_colours(image) > 10


def test_chart_height_grows_with_lanes_and_is_sane(
    qapp: object, repository: EventRepository
) -> None:
    by_actor = build_chart(repository, EventFilter(), Grouping.ACTOR)
    single = build_chart(repository, EventFilter(), Grouping.NONE)
    assert 150 < chart_height(single, 1000) < chart_height(by_actor, 1000) < 3000
    # Narrower means more stacking of labels and legend, never less room.
    assert chart_height(by_actor, 500) >= chart_height(by_actor, 1000)


def test_paint_chart_is_not_blank_and_covers_its_rect(
    qapp: object, repository: EventRepository
) -> None:
    chart = build_chart(repository, EventFilter(), Grouping.TYPE)
    for dark in (False, True):
        image = _paint(chart, dark=dark)
        assert _distinct_colours(image) > 30
        assert image.pixel(image.width() // 2, image.height() // 2) != QColor("#123456").rgb()
        # The top-left corner is the chart's own background, light or dark.
        corner = QColor(image.pixel(2, image.height() - 2))
        assert (corner.lightness() < 128) == dark


def test_every_lane_name_and_legend_entry_is_drawn(
    qapp: object, repository: EventRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    chart = build_chart(repository, EventFilter(), Grouping.ACTOR)
    drawn: list[str] = []
    original = QPainter.drawText

    def record(self: QPainter, *args: object) -> None:
        drawn.extend(a for a in args if isinstance(a, str))
        original(self, *args)  # type: ignore[call-overload]

    monkeypatch.setattr(QPainter, "drawText", record)
    _paint(chart, 1200)
    for lane in chart.lanes:
        assert lane.name in drawn, lane.name
    for entry in chart.legend:
        assert entry.label in drawn
    assert "Exact day or time" in drawn and "Interval: at some point within these dates" in drawn
    # Titles are data: drawn as plain strings, whole or elided with an ellipsis.
    titles = {row.title for lane in chart.lanes for row in lane.events}
    assert titles & set(drawn)


def test_legend_explains_every_kind_of_date(qapp: object, repository: EventRepository) -> None:
    chart = build_chart(repository, EventFilter(), Grouping.TYPE)
    styles = {entry.style for entry in chart.legend if entry.style is not None}
    assert MarkStyle(MarkShape.DOT) in styles
    assert MarkStyle(MarkShape.BAR) in styles
    assert MarkStyle(MarkShape.PERIOD) in styles
    assert any(style.approximate for style in styles)
    assert any(style.uncertain for style in styles)
    types = [entry.type_slug for entry in chart.legend if entry.type_slug]
    assert sorted(types) == sorted(
        {
            "aid",
            "capital-control",
            "corporate-withdrawal",
            "market-move",
            "media-restriction",
            "safety-measure",
            "sanction",
        }
    )
