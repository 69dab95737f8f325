"""The whole timeline as a static chart: axis, lanes, marks, labels and a legend.

One paint routine for every static output (PDF, PNG, SVG, print): the exporter asks
:func:`build_chart` for the data, :func:`chart_height` for the room it needs at a width, and
:func:`paint_chart` paints it into any QPainter. Sizes are in the painter's logical units
(pixels on screen, points in a PDF whose painter is scaled to points); fonts are sized in
pixels so a chart measures the same on every device.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPen

from desktopapp.db.repository import EventRepository
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.grouping import Grouping, shown_lane_label
from desktopapp.domain.l10n import N_, _, ngettext, number
from desktopapp.domain.model import EventRow
from desktopapp.domain.text import (
    HIDDEN_MARK_NOTE,
    LINE_LIMIT,
    PARAGRAPH_LIMIT,
    for_display,
    has_hidden,
)
from desktopapp.domain.timescale import (
    Axis,
    Tick,
    TimeScale,
    aligned_bins,
    bin_days_for,
    shift_days,
)
from desktopapp.render.lanes import (
    AXIS_HEIGHT,
    Fonts,
    LaneBins,
    LaneLayout,
    TextMeasure,
    layout_bins,
    layout_marks,
    make_axis,
    paint_axis,
    paint_grid,
    paint_lane,
    paint_lane_band,
    paint_lane_header,
)
from desktopapp.render.legend import LegendEntry, legend_entries, legend_flow, paint_legend
from desktopapp.render.palette import ChartColours

MAX_CHART_LANES = 60
MAX_CHART_BINS = 160
FONT_PIXELS = 11
LABEL_ROOM = 0.25  # share of the plot kept right of the last date, for labels
# The caption of an image: its title's font size and the line heights of its parts.
TITLE_PIXELS = 17
TITLE_LINE = 23.0
LINE = 16.0
CREDIT_LINE = 13.0


@dataclass(frozen=True)
class ChartLane:
    """A lane of the chart: its events (one mark each) or, when aggregated, its counts."""

    key: str
    name: str
    count: int
    events: tuple[EventRow, ...] = ()
    bins: LaneBins | None = None
    colour_slug: str | None = None


@dataclass(frozen=True)
class ChartCaption:
    """What a picture of the chart says about itself, drawn into it so that an image pasted
    elsewhere keeps its provenance: a title and the filter above, the source credit below."""

    title: str
    filter_line: str
    credit: str


@dataclass(frozen=True)
class Chart:
    """Everything needed to paint the chart; built once, painted anywhere without SQL."""

    start: date
    end: date
    grouping: Grouping
    lanes: tuple[ChartLane, ...]
    legend: tuple[LegendEntry, ...]
    total: int
    aggregated: bool = False
    bin_days: int = 0
    hidden_lanes: int = 0
    note: str = ""
    # Width of the lane-name column; None: as wide as the lane names need. A chart printed in
    # slices over several pages gives every slice the whole chart's width, so that time maps
    # to the same x on every page.
    header_width: float | None = None
    # Drawn above and below the chart in images (PNG, SVG); the PDF has its own header.
    caption: ChartCaption | None = None

    @property
    def event_ids(self) -> frozenset[int]:
        return frozenset(row.id for lane in self.lanes for row in lane.events)


def build_chart(
    repository: EventRepository,
    event_filter: EventFilter,
    grouping: Grouping,
    *,
    start: date | None = None,
    end: date | None = None,
    max_events: int = 2000,
    max_lanes: int = MAX_CHART_LANES,
) -> Chart:
    """The chart of the filtered events between ``start`` and ``end`` (default: all of them).

    Beyond ``max_events`` events, lanes show counts per time bin instead of one mark per
    event, and the chart's note says so. Beyond ``max_lanes`` lanes, the busiest are kept.
    """
    extent = repository.date_extent(event_filter)
    if start is None or end is None:
        low, high = extent if extent else (date.today(), date.today())
        start = start or low
        end = end or high
    if end < start:
        start, end = end, start
    margin = max(1, (end - start).days // 30)
    shown_from, shown_to = shift_days(start, -margin), shift_days(end, margin)
    count_from = max(start, event_filter.date_from or start)
    count_to = min(end, event_filter.date_to or end)
    total = (
        repository.count(replace(event_filter, date_from=count_from, date_to=count_to))
        if count_from <= count_to
        else 0
    )
    lanes = repository.lane_counts(event_filter, grouping, start, end)
    hidden = 0
    if len(lanes) > max_lanes:
        busiest = sorted(lanes, key=lambda lane: -lane.count)[:max_lanes]
        kept = {lane.key for lane in busiest}
        hidden = len(lanes) - len(kept)
        lanes = [lane for lane in lanes if lane.key in kept]
    keys = [lane.key for lane in lanes]
    colour_of = (lambda key: key) if grouping is Grouping.TYPE else (lambda key: None)
    aggregated = total > max_events
    notes = []
    chart_lanes: list[ChartLane] = []
    bin_days = 0
    if aggregated:
        span_days = (shown_to - shown_from).days + 1
        bin_days = bin_days_for(1.0, target_pixels=span_days / MAX_CHART_BINS)
        first, count = aligned_bins(shown_from, shown_to, bin_days)
        histogram = repository.lane_histogram(
            event_filter, grouping, first, bin_days, count, lanes=keys
        )
        for lane in lanes:
            bins = LaneBins(first, bin_days, tuple(histogram.get(lane.key, [0] * count)))
            chart_lanes.append(
                ChartLane(
                    lane.key,
                    lane.label,
                    lane.count,
                    bins=bins,
                    colour_slug=colour_of(lane.key),
                )
            )
        notes.append(_aggregated_note(total, max_events, bin_days))
    else:
        by_lane: dict[str, list[EventRow]] = {key: [] for key in keys}
        for key, row in repository.lane_rows(event_filter, grouping, start, end, lanes=keys):
            by_lane.setdefault(key, []).append(row)
        for lane in lanes:
            chart_lanes.append(
                ChartLane(
                    lane.key,
                    lane.label,
                    lane.count,
                    events=tuple(by_lane.get(lane.key, ())),
                    colour_slug=colour_of(lane.key),
                )
            )
    if hidden:
        notes.append(
            ngettext(
                "{n} quieter lane is not shown; narrow the filter to see it.",
                "{n} quieter lanes are not shown; narrow the filter to see them.",
                hidden,
            ).format(n=number(hidden))
        )
    if _any_hidden(chart_lanes):
        notes.append(f"{HIDDEN_MARK_NOTE}.")
    if not lanes:
        notes.append(_("No events match the filter in this period."))
    return Chart(
        start=shown_from,
        end=shown_to,
        grouping=grouping,
        lanes=tuple(chart_lanes),
        legend=_legend(repository, chart_lanes, aggregated),
        total=total,
        aggregated=aggregated,
        bin_days=bin_days,
        hidden_lanes=hidden,
        note=" ".join(notes),
    )


def _any_hidden(lanes: list[ChartLane]) -> bool:
    """True if a lane name or a title holds an invisible control (the note says what the
    mark drawn for it means)."""
    return any(
        has_hidden(lane.name[:LINE_LIMIT])
        or any(has_hidden(row.title[:LINE_LIMIT]) for row in lane.events)
        for lane in lanes
    )


_GROUPING_TITLES = {
    Grouping.ACTOR: N_("Acting actor"),
    Grouping.TYPE: N_("Event type"),
    Grouping.NONE: N_("Events"),
}


def _aggregated_note(total: int, max_events: int, bin_days: int) -> str:
    """Why the lanes show counts: "40,000 events: more than 20,000, so each lane shows how
    many events start in each week instead of one mark per event." """
    return _(
        "{total} events: more than {limit}, so each lane shows how many events start in "
        "each {period} instead of one mark per event."
    ).format(total=number(total), limit=number(max_events), period=_bin_words(bin_days))


def _bin_words(days: int) -> str:
    """The period a bin covers, as the end of "in each …" / "par …"."""
    named = {
        1: N_("day"),
        7: N_("week"),
        14: N_("fortnight"),
        30: N_("month"),
        91: N_("quarter"),
        365: N_("year"),
    }
    if days in named:
        return _(named[days])
    return _("{n}-day period").format(n=number(days))


def _legend(
    repository: EventRepository, lanes: list[ChartLane], aggregated: bool
) -> tuple[LegendEntry, ...]:
    roots: set[str] = {row.type_slug.split("/", 1)[0] for lane in lanes for row in lane.events}
    roots.update(lane.colour_slug for lane in lanes if lane.colour_slug is not None)
    labels = {t.slug: t.shown_label for t in repository.event_types}
    return legend_entries(labels, roots, with_styles=not aggregated)


# -- layout ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Layout:
    width: float
    header_width: float
    scale: TimeScale
    lanes: tuple[LaneLayout, ...]
    note_lines: tuple[str, ...]
    legend: tuple[tuple[LegendEntry, float, float], ...]  # entry, x, y (relative to legend)
    legend_top: float
    height: float  # the chart itself; total_height adds the caption
    # Caption (images only): title and filter lines above the chart, credit lines below.
    title_lines: tuple[str, ...] = ()
    filter_lines: tuple[str, ...] = ()
    credit_lines: tuple[str, ...] = ()

    @property
    def total_height(self) -> float:
        """The chart's height with its caption above and below."""
        credit = len(self.credit_lines) * CREDIT_LINE + 8 if self.credit_lines else 0.0
        return self.head_height + self.height + credit

    @property
    def head_height(self) -> float:
        """Room taken above the axis by the caption's title and filter lines."""
        if not (self.title_lines or self.filter_lines):
            return 0.0
        return 8 + len(self.title_lines) * TITLE_LINE + len(self.filter_lines) * LINE + 10


def _fonts() -> Fonts:
    return Fonts.sized(pixel_size=FONT_PIXELS)


def _title_font(fonts: Fonts) -> QFont:
    font = QFont(fonts.header)
    font.setPixelSize(TITLE_PIXELS)
    return font


def _layout(chart: Chart, width: float, fonts: Fonts) -> _Layout:
    width = max(200.0, width)
    header_width = chart.header_width or natural_header_width(chart, width)
    plot_left, plot_right = header_width + 10.0, width - 12.0
    if not chart.aggregated:
        # Labels run to the right of their marks: leave the last events room for theirs.
        plot_right -= (plot_right - plot_left) * LABEL_ROOM
    scale = TimeScale.fit(chart.start, chart.end, plot_left, plot_right)
    measure, glyphs = TextMeasure(fonts.label), TextMeasure(fonts.glyph)
    top = AXIS_HEIGHT
    lanes: list[LaneLayout] = []
    for lane in chart.lanes:
        if lane.bins is not None:
            placed = layout_bins(
                lane.key, lane.name, lane.count, lane.bins, top=top, colour_slug=lane.colour_slug
            )
        else:
            placed = layout_marks(
                lane.key,
                lane.name,
                lane.events,
                scale,
                measure,
                glyphs,
                top=top,
                count=lane.count,
                colour_slug=lane.colour_slug,
                x_limit=width - 4.0,
            )
        lanes.append(placed)
        top = placed.bottom
    note_lines = _wrap(chart.note, QFontMetricsF(fonts.small), width - 20) if chart.note else []
    note_top = top + 8
    legend_top = note_top + len(note_lines) * 15 + (6 if note_lines else 0)
    legend, legend_height = legend_flow(chart.legend, width, fonts.small)
    height = legend_top + legend_height + 8
    caption = chart.caption or ChartCaption("", "", "")
    title_lines = _wrap(caption.title, QFontMetricsF(_title_font(fonts)), width - 20)
    filter_lines = _wrap(caption.filter_line, QFontMetricsF(fonts.label), width - 20)
    credit_lines = _wrap(caption.credit, QFontMetricsF(fonts.small), width - 20)
    return _Layout(
        width,
        header_width,
        scale,
        tuple(lanes),
        tuple(note_lines),
        tuple(legend),
        legend_top,
        height,
        tuple(title_lines),
        tuple(filter_lines),
        tuple(credit_lines),
    )


def _wrap(text: str, metrics: QFontMetricsF, width: float) -> list[str]:
    text = for_display(text, PARAGRAPH_LIMIT, say_cut=True)  # a caption's credit is data
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and metrics.horizontalAdvance(candidate) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def _labels_inside(axis: Axis, right: float, fonts: Fonts) -> Axis:
    """The axis without the labels that would run past ``right`` (a cut "Tu" for "Tue 8"
    reads as a wrong date); their ticks stay, unlabelled."""
    metrics = QFontMetricsF(fonts.axis)
    kept: list[Tick] = []
    cut: list[Tick] = []
    for tick in axis.ticks:
        # paint_axis draws a label 4 px right of its tick.
        fits = tick.x + 4.0 + metrics.horizontalAdvance(tick.label) <= right
        (kept if fits else cut).append(tick)
    if not cut:
        return axis
    minor = tuple(sorted((*axis.minor, *(tick.x for tick in cut))))
    return replace(axis, ticks=tuple(kept), minor=minor)


def natural_header_width(chart: Chart, width: float) -> float:
    """The lane-name column's width for these lanes' names, when painted ``width`` wide."""
    metrics = QFontMetricsF(_fonts().header)
    names = [for_display(shown_lane_label(lane.key, lane.name), LINE_LIMIT) for lane in chart.lanes]
    widest = max((metrics.horizontalAdvance(name) for name in names), default=60)
    return min(max(100.0, widest + 56.0), max(200.0, width) * 0.22)


def chart_height(chart: Chart, width: float) -> float:
    """The height the chart needs when painted ``width`` wide (same units as the width),
    its caption included."""
    return _layout(chart, width, _fonts()).total_height


def paint_chart(painter: QPainter, rect: QRectF, chart: Chart, *, dark: bool = False) -> None:
    """Paint the chart into ``rect``: any caption's title and filter, the axis, a header
    column of lane names, the lanes, then any note (aggregation, hidden lanes), the legend
    and any caption's credit. Content below ``rect`` is clipped, so give it at least
    :func:`chart_height`."""
    fonts = _fonts()
    colours = ChartColours.for_background(dark=dark)
    layout = _layout(chart, rect.width(), fonts)
    painter.save()
    painter.setClipRect(rect)
    painter.translate(rect.topLeft())
    width = layout.width
    painter.fillRect(
        QRectF(0, 0, width, max(rect.height(), layout.total_height)), colours.background
    )
    if layout.head_height:
        _paint_head(painter, layout, fonts, colours)
        painter.translate(0, layout.head_height)
    plot_left = layout.header_width
    lanes_bottom = layout.lanes[-1].bottom if layout.lanes else AXIS_HEIGHT
    axis = _labels_inside(make_axis(layout.scale, plot_left, width, fonts), width, fonts)
    for index, lane in enumerate(layout.lanes):
        paint_lane_band(painter, lane, index, 0, width, colours)
    painter.save()
    painter.setClipRect(QRectF(plot_left, 0, width - plot_left, lanes_bottom))
    paint_grid(painter, axis, AXIS_HEIGHT, lanes_bottom, colours)
    bins_max = max(
        (max(lane.bins.counts, default=0) for lane in layout.lanes if lane.bins), default=0
    )
    for lane in layout.lanes:
        paint_lane(
            painter,
            lane,
            layout.scale,
            fonts,
            colours,
            x_from=plot_left,
            x_to=width,
            dark=dark,
            bins_max=bins_max,
        )
    painter.restore()
    paint_axis(painter, axis, QRectF(plot_left, 0, width - plot_left, AXIS_HEIGHT), fonts, colours)
    painter.fillRect(QRectF(0, 0, plot_left, AXIS_HEIGHT), colours.axis_background)
    painter.setFont(fonts.context)
    painter.setPen(QPen(colours.muted_text))
    painter.drawText(
        QRectF(10, 0, plot_left - 14, AXIS_HEIGHT),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
        _(_GROUPING_TITLES[chart.grouping]),
    )
    painter.setPen(QPen(colours.grid, 1.0))
    painter.drawLine(QPointF(0, AXIS_HEIGHT), QPointF(plot_left, AXIS_HEIGHT))
    for lane in layout.lanes:
        header = QRectF(0, lane.top, plot_left, lane.height)
        paint_lane_header(painter, header, lane, fonts, colours, dark=dark)
    painter.setPen(QPen(colours.grid, 1.0))
    painter.drawLine(QPointF(plot_left, AXIS_HEIGHT), QPointF(plot_left, lanes_bottom))
    if layout.note_lines:
        painter.setFont(fonts.small)
        painter.setPen(QPen(colours.muted_text))
        for number, line in enumerate(layout.note_lines):
            painter.drawText(QPointF(10, lanes_bottom + 20 + number * 15), line)
    paint_legend(
        painter, layout.legend, layout.legend_top, fonts.small, fonts.glyph, colours, dark=dark
    )
    if layout.credit_lines:
        painter.setFont(fonts.small)
        painter.setPen(QPen(colours.muted_text))
        for number, line in enumerate(layout.credit_lines):
            painter.drawText(QPointF(10, layout.height + 6 + number * CREDIT_LINE), line)
    painter.restore()


def _paint_head(painter: QPainter, layout: _Layout, fonts: Fonts, colours: ChartColours) -> None:
    """The caption's title and filter lines, above the axis (baselines at line bottoms)."""
    y = 8.0
    painter.setFont(_title_font(fonts))
    painter.setPen(QPen(colours.text))
    for line in layout.title_lines:
        y += TITLE_LINE
        painter.drawText(QPointF(10, y - 6), line)
    painter.setFont(fonts.label)
    painter.setPen(QPen(colours.muted_text))
    for line in layout.filter_lines:
        y += LINE
        painter.drawText(QPointF(10, y - 4), line)
