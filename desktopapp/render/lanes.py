"""Lanes of a timeline: laying their marks out in rows, painting them, the axis and the grid.

Shared by the window's timeline and the exported chart, so both draw an event the same way.
A lane either shows one mark per event, stacked in rows so labels never overlap, or, when
its events are too dense to tell apart, bars counting events per time bin.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPen

from desktopapp.domain.grouping import shown_lane_label
from desktopapp.domain.l10n import number
from desktopapp.domain.model import EventRow
from desktopapp.domain.text import LINE_LIMIT, for_display
from desktopapp.domain.timescale import (
    Axis,
    LabelBox,
    TimeScale,
    axis_ticks,
    rows_used,
    shift_days,
    stack_labels,
)
from desktopapp.render.fonts import without_ligatures
from desktopapp.render.marks import (
    GLYPH_GAP,
    MIN_BAR_WIDTH,
    MarkShape,
    MarkStyle,
    glyph_font,
    mark_span,
    paint_mark,
    paint_selection,
)
from desktopapp.render.palette import ChartColours, type_colour

LINE_HEIGHT = 20.0
LANE_PADDING = 7.0
BIN_LANE_HEIGHT = 44.0
AXIS_HEIGHT = 44.0
CONTEXT_HEIGHT = 19.0
MAX_LINES = 8
LABEL_GAP = 4.0
OFF_LEFT = "‹ "  # starts a label whose mark is off the left edge
MIN_LABEL_CHARS = 6  # a label keeping fewer of its title's characters says nothing: none
MIN_HEADER_WIDTH = 112.0
MAX_HEADER_WIDTH = 320.0
HEADER_STEP = 16
HEADER_SHARE = 0.3  # the lane names never take more than this share of a timeline's width

_BOTTOM_CENTRE = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class Fonts:
    """Fonts of a timeline, sized in pixels so that a chart measures the same on any device."""

    label: QFont
    glyph: QFont
    header: QFont
    axis: QFont
    context: QFont
    small: QFont

    @classmethod
    def sized(cls, base: QFont | None = None, pixel_size: int = 12) -> Fonts:
        def make(size: int, *, bold: bool = False) -> QFont:
            font = QFont(base) if base is not None else QFont()
            font.setPixelSize(max(6, size))
            font.setBold(bold)
            font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
            return without_ligatures(font)

        label = make(pixel_size)
        return cls(
            label=label,
            glyph=glyph_font(make(pixel_size + 1)),
            header=make(pixel_size, bold=True),
            axis=make(pixel_size - 1),
            context=make(pixel_size - 1, bold=True),
            small=make(pixel_size - 2),
        )


class TextMeasure:
    """Text widths in one font, remembered: a title is measured once, not at every zoom."""

    def __init__(self, font: QFont) -> None:
        self.font = font
        self.metrics = QFontMetricsF(font)
        self._widths: dict[str, float] = {}

    def width(self, text: str) -> float:
        width = self._widths.get(text)
        if width is None:
            if len(self._widths) > 50_000:
                self._widths.clear()
            width = self._widths[text] = self.metrics.horizontalAdvance(text)
        return width

    def elide(self, text: str, width: float) -> str:
        return readable_elision(self.metrics, text, width)


def readable_elision(metrics: QFontMetricsF, text: str, width: float) -> str:
    """The text elided at the right to ``width``, or "" when too little of it would be left
    to read ("W…" tells nothing; the tooltip has the whole text)."""
    elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(0.0, width))
    if elided == text:
        return text
    kept = len(elided.rstrip("…").removeprefix(OFF_LEFT))
    return elided if kept >= min(MIN_LABEL_CHARS, len(text)) else ""


@dataclass(frozen=True)
class PlacedMark:
    """An event laid out in a lane: its shape, its sign, and its label (maybe elided)."""

    row: EventRow
    style: MarkStyle
    line: int
    x0: float
    x1: float
    glyph_width: float
    label_x: float
    label: str
    label_width: float

    @property
    def right(self) -> float:
        return self.label_x + self.label_width if self.label else self.x1 + self.glyph_width

    @property
    def elided(self) -> bool:
        return self.label != self.row.title


@dataclass(frozen=True)
class LaneBins:
    """Event counts per bin of ``bin_days`` days, the first bin starting on ``first``."""

    first: date
    bin_days: int
    counts: tuple[int, ...]

    def span(self, index: int) -> tuple[date, date]:
        start = shift_days(self.first, index * self.bin_days)
        return start, shift_days(start, self.bin_days - 1)  # the last bin stops at 9999-12-31


@dataclass(frozen=True)
class LaneLayout:
    """One lane placed at ``top``: its marks (sorted by x0), or its bins."""

    key: str
    name: str
    count: int
    top: float
    height: float
    lines: int
    marks: tuple[PlacedMark, ...] = ()
    bins: LaneBins | None = None
    colour_slug: str | None = None  # lanes grouped by type take its colour
    reach: float = 0.0  # widest mark + label, to find what may be visible from x0 alone
    starts: tuple[float, ...] = ()  # x0 of each mark, for bisecting

    @property
    def bottom(self) -> float:
        return self.top + self.height

    def line_y(self, line: int) -> float:
        """Vertical centre of a row of marks."""
        return self.top + LANE_PADDING + line * LINE_HEIGHT + LINE_HEIGHT / 2

    def marks_between(self, x_from: float, x_to: float) -> Iterator[PlacedMark]:
        starts = self.starts
        low = bisect.bisect_left(starts, x_from - self.reach)
        high = bisect.bisect_right(starts, x_to)
        for mark in self.marks[low:high]:
            if mark.right >= x_from:
                yield mark

    def mark_at(self, x: float, y: float, *, slack: float = 3.0) -> PlacedMark | None:
        """The mark (or its label) under a point, if any."""
        if self.bins is not None or not self.top <= y <= self.bottom:
            return None
        line = int((y - self.top - LANE_PADDING) // LINE_HEIGHT)
        if not 0 <= line < self.lines:
            return None
        found = None
        for mark in self.marks_between(x - slack, x + slack):
            if mark.line == line and mark.x0 - slack <= x <= mark.right + slack:
                found = mark  # the last one is painted on top
        return found

    def mark_of(self, event_id: int) -> PlacedMark | None:
        for mark in self.marks:
            if mark.row.id == event_id:
                return mark
        return None

    def bin_at(self, x: float, scale: TimeScale) -> int | None:
        if self.bins is None:
            return None
        index = int((scale.ordinal_at(x) - self.bins.first.toordinal()) // self.bins.bin_days)
        if 0 <= index < len(self.bins.counts) and self.bins.counts[index]:
            return index
        return None


def lane_height(lines: int) -> float:
    return 2 * LANE_PADDING + max(1, lines) * LINE_HEIGHT


def layout_marks(
    key: str,
    name: str,
    rows: Sequence[EventRow],
    scale: TimeScale,
    measure: TextMeasure,
    glyph_measure: TextMeasure,
    *,
    top: float,
    count: int | None = None,
    max_lines: int = MAX_LINES,
    colour_slug: str | None = None,
    x_limit: float | None = None,
) -> LaneLayout:
    """Lay out one lane's events in rows of marks with labels that never overlap
    (nor pass ``x_limit``, the right edge of a printed chart)."""
    styles = [MarkStyle.of(row) for row in rows]
    spans = [mark_span(row, style, scale) for row, style in zip(rows, styles, strict=True)]
    glyphs = [
        glyph_measure.width(style.glyph) + GLYPH_GAP if style.glyph else 0.0 for style in styles
    ]
    # Titles and names as shown: controls visible, cut long before Qt would choke on them.
    titles = [for_display(row.title, LINE_LIMIT) for row in rows]
    widths = [measure.width(title) for title in titles]
    boxes = [
        LabelBox(index, x0, x1 + glyph, _limited(width, x1 + glyph + LABEL_GAP, x_limit))
        for index, ((x0, x1), glyph, width) in enumerate(zip(spans, glyphs, widths, strict=True))
    ]
    placements = stack_labels(boxes, max_rows=max_lines, gap=LABEL_GAP) if boxes else []
    marks: list[PlacedMark] = []
    for placement in placements:
        row, title = rows[placement.key], titles[placement.key]
        x0, x1 = spans[placement.key]
        if placement.label_width <= 0:
            label = ""
        elif placement.elided or placement.label_width < widths[placement.key] - 0.01:
            label = measure.elide(title, placement.label_width)
        else:
            label = title
        marks.append(
            PlacedMark(
                row=row,
                style=styles[placement.key],
                line=placement.row,
                x0=x0,
                x1=x1,
                glyph_width=glyphs[placement.key],
                label_x=placement.label_x,
                label=label,
                label_width=measure.width(label) if label else 0.0,
            )
        )
    marks.sort(key=lambda m: (m.x0, m.line))
    lines = rows_used(placements)
    reach = max((m.right - m.x0 for m in marks), default=0.0)
    return LaneLayout(
        key=key,
        name=name,
        count=len(rows) if count is None else count,
        top=top,
        height=lane_height(lines),
        lines=lines,
        marks=tuple(marks),
        colour_slug=colour_slug,
        reach=reach,
        starts=tuple(m.x0 for m in marks),
    )


def _limited(width: float, label_x: float, x_limit: float | None) -> float:
    if x_limit is None:
        return width
    return max(0.0, min(width, x_limit - label_x))


def layout_bins(
    key: str,
    name: str,
    count: int,
    bins: LaneBins,
    *,
    top: float,
    colour_slug: str | None = None,
) -> LaneLayout:
    return LaneLayout(
        key=key,
        name=name,
        count=count,
        top=top,
        height=BIN_LANE_HEIGHT,
        lines=0,
        bins=bins,
        colour_slug=colour_slug,
    )


# -- painting ------------------------------------------------------------------------------


def paint_lane(
    painter: QPainter,
    lane: LaneLayout,
    scale: TimeScale,
    fonts: Fonts,
    colours: ChartColours,
    *,
    x_from: float,
    x_to: float,
    dark: bool = False,
    selected: int | None = None,
    bins_max: int = 0,
    stretch: float = 1.0,
    labels_from: float | None = None,
    labels_to: float | None = None,
) -> None:
    """Paint a lane's marks and labels (or bins) between two x positions.

    ``stretch`` paints marks laid out at another zoom (x scaled by it about x = 0) while a new
    layout is on its way: marks keep their size, and labels are left out when zooming out,
    where they could overlap. ``labels_from``/``labels_to`` are the visible plot's edges: a
    label crossing one is elided there rather than cut (see :func:`visible_label`).
    """
    if lane.bins is not None:
        _paint_bins(painter, lane, scale, fonts, colours, x_from, x_to, dark, bins_max)
        return
    painter.save()
    painter.setFont(fonts.label)
    metrics = QFontMetricsF(fonts.label)
    bold = QFont(fonts.label)
    bold.setBold(True)
    bold_metrics = QFontMetricsF(bold)
    left = -float("inf") if labels_from is None else labels_from
    right = float("inf") if labels_to is None else labels_to
    baseline_offset = (metrics.ascent() - metrics.descent()) / 2
    for mark in lane.marks_between(x_from / stretch, x_to / stretch):
        x0, x1, label_x = stretched(mark, stretch)
        cy = lane.line_y(mark.line)
        colour = type_colour(mark.row.type_slug, dark=dark)
        is_selected = mark.row.id == selected
        if is_selected:
            paint_selection(painter, x0, x1 + mark.glyph_width, cy, colours.selection)
        paint_mark(
            painter,
            mark.style,
            x0,
            x1,
            cy,
            colour,
            background=colours.background,
            glyph_font=fonts.glyph,
            glyph_width=mark.glyph_width,
        )
        if not mark.label or stretch < 1.0:
            continue
        label_metrics = bold_metrics if is_selected else metrics
        width = label_metrics.horizontalAdvance(mark.label) if is_selected else mark.label_width
        shown = visible_label(mark, label_x, width, left, right, label_metrics)
        if shown is None:
            continue
        text_x, text = shown
        painter.setPen(QPen(colours.text))
        painter.setFont(bold if is_selected else fonts.label)
        painter.drawText(QPointF(text_x, cy + baseline_offset), text)
    painter.restore()


def visible_label(
    mark: PlacedMark,
    label_x: float,
    label_width: float,
    left: float,
    right: float,
    metrics: QFontMetricsF,
) -> tuple[float, str] | None:
    """Where and what to write of a mark's label (``label_width`` wide from ``label_x``)
    between the visible edges ``left`` and ``right``, or None.

    A label crossing the right edge is elided there. One whose mark has gone off the left
    edge starts again at that edge with "‹ " and its title's beginning, elided to end where
    the label ended (so it never runs into the next mark of its row): never a fragment such
    as "s announce the exclusion…"."""
    end = label_x + label_width
    if end <= left or label_x >= right:
        return None
    if label_x >= left and end <= right:
        return label_x, mark.label  # wholly in sight
    text = mark.row.title
    if label_x < left:
        label_x, text = left + LABEL_GAP, OFF_LEFT + text
    text = readable_elision(metrics, text, min(end, right) - label_x)
    return (label_x, text) if text else None


def stretched(mark: PlacedMark, stretch: float) -> tuple[float, float, float]:
    """A mark's x0, x1 and label x when its layout is shown ``stretch`` times wider."""
    if stretch == 1.0:
        return mark.x0, mark.x1, mark.label_x
    half = (mark.x1 - mark.x0) / 2
    middle = (mark.x0 + mark.x1) / 2 * stretch
    if mark.style.shape is not MarkShape.DOT:
        half = max(MIN_BAR_WIDTH / 2, half * stretch)
    x0, x1 = middle - half, middle + half
    return x0, x1, x1 + (mark.label_x - mark.x1)


def _paint_bins(
    painter: QPainter,
    lane: LaneLayout,
    scale: TimeScale,
    fonts: Fonts,
    colours: ChartColours,
    x_from: float,
    x_to: float,
    dark: bool,
    bins_max: int,
) -> None:
    bins = lane.bins
    assert bins is not None
    colour = type_colour(lane.colour_slug, dark=dark) if lane.colour_slug else colours.bins
    # Heights are relative to the lane's own busiest bin (its header gives the total),
    # so a quiet lane's rhythm stays visible beside a busy one.
    peak = max(1, max(bins.counts, default=1))
    base = lane.bottom - LANE_PADDING
    room = lane.height - 2 * LANE_PADDING
    first = max(0, int((scale.ordinal_at(x_from) - bins.first.toordinal()) // bins.bin_days))
    last = min(
        len(bins.counts) - 1,
        int((scale.ordinal_at(x_to) - bins.first.toordinal()) // bins.bin_days),
    )
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    label_metrics = QFontMetricsF(fonts.small)
    labels: list[tuple[QRectF, str]] = []
    bars: list[QRectF] = []
    # Every lane's bins are painted on each frame: day arithmetic on ordinals (a bin's start
    # as LaneBins.span gives it, clamped to the calendar) and one drawRects for the lane.
    first_ordinal, last_ordinal = bins.first.toordinal(), date.max.toordinal()
    width = max(1.0, bins.bin_days * scale.pixels_per_day - 1.0)
    labelled = width >= 22
    for index in range(first, last + 1):
        count = bins.counts[index]
        if not count:
            continue
        left = scale.x_of_ordinal(min(last_ordinal, first_ordinal + index * bins.bin_days))
        height = max(2.0, room * count / peak)
        bars.append(QRectF(left, base - height, width, height))
        if labelled:
            text = str(count)
            if label_metrics.horizontalAdvance(text) + 4 <= width:
                labels.append((QRectF(left, base - height - 13, width, 12), text))
    if bars:
        painter.drawRects(bars)
    painter.setFont(fonts.small)
    painter.setPen(QPen(colours.muted_text))
    for rect, text in labels:
        if rect.top() < lane.top:
            rect.moveTop(base - 12)
            painter.setPen(QPen(colours.background))
        painter.drawText(rect, _BOTTOM_CENTRE, text)
        painter.setPen(QPen(colours.muted_text))
    painter.restore()


def paint_lane_band(
    painter: QPainter,
    lane: LaneLayout,
    index: int,
    x_from: float,
    x_to: float,
    colours: ChartColours,
) -> None:
    """The lane's background (alternating) and its bottom separator."""
    painter.save()
    if index % 2 == 1:
        painter.fillRect(QRectF(x_from, lane.top, x_to - x_from, lane.height), colours.lane_band)
    painter.setPen(QPen(colours.lane_separator, 1.0))
    painter.drawLine(QPointF(x_from, lane.bottom), QPointF(x_to, lane.bottom))
    painter.restore()


def paint_lane_header(
    painter: QPainter,
    rect: QRectF,
    lane: LaneLayout,
    fonts: Fonts,
    colours: ChartColours,
    *,
    dark: bool = False,
) -> None:
    """The lane's name (elided to the header width) and its event count, at the top of rect."""
    painter.save()
    x = rect.left() + 10
    if lane.colour_slug:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(type_colour(lane.colour_slug, dark=dark))
        painter.drawRoundedRect(QRectF(x, rect.top() + 9, 10, 10), 2, 2)
        x += 16
    count_text = number(lane.count)
    small = QFontMetricsF(fonts.small)
    count_width = small.horizontalAdvance(count_text)
    header = QFontMetricsF(fonts.header)
    name_room = rect.right() - 8 - count_width - 6 - x
    # Elided in the middle: "Corporate…withdrawal" keeps both ends of a long name (the lane
    # header's tooltip has it whole).
    name = header.elidedText(
        for_display(shown_lane_label(lane.key, lane.name), LINE_LIMIT),
        Qt.TextElideMode.ElideMiddle,
        max(0.0, name_room),
    )
    line = QRectF(x, rect.top() + 4, rect.right() - x - 8, 20)
    painter.setFont(fonts.header)
    painter.setPen(QPen(colours.text))
    painter.drawText(line, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), name)
    painter.setFont(fonts.small)
    painter.setPen(QPen(colours.muted_text))
    painter.drawText(line, _RIGHT, count_text)
    painter.restore()


def header_width(
    lanes: Sequence[LaneLayout],
    header: TextMeasure,
    count: TextMeasure,
    timeline_width: float,
) -> float:
    """The lane-name column's width: what the widest lane name and its count need as
    :func:`paint_lane_header` draws them (``header`` measures in the header font, ``count``
    in the small one), within ``MIN_HEADER_WIDTH`` and the smaller of ``MAX_HEADER_WIDTH``
    and ``HEADER_SHARE`` of the timeline's width; a longer name is elided in the middle."""
    needed = 0.0
    for lane in lanes:
        swatch = 16.0 if lane.colour_slug else 0.0
        digits = count.width(number(lane.count))
        # As paint_lane_header lays it out: 10 left, swatch, name, 6, count, 8 right.
        name = header.width(for_display(shown_lane_label(lane.key, lane.name), LINE_LIMIT))
        needed = max(needed, 10 + swatch + name + 6 + digits + 8)
    limit = min(MAX_HEADER_WIDTH, max(MIN_HEADER_WIDTH, timeline_width * HEADER_SHARE))
    # In steps of HEADER_STEP, so that the plot does not shift by a few pixels whenever a
    # count gains a digit; +1: no elision by rounding.
    stepped = max(MIN_HEADER_WIDTH, math.ceil((needed + 1.0) / HEADER_STEP) * HEADER_STEP)
    return float(min(math.floor(limit), stepped))


def paint_grid(
    painter: QPainter,
    axis: Axis,
    y_from: float,
    y_to: float,
    colours: ChartColours,
) -> None:
    painter.save()
    painter.setPen(QPen(colours.minor_grid, 1.0))
    for x in axis.minor:
        painter.drawLine(QPointF(x, y_from), QPointF(x, y_to))
    painter.setPen(QPen(colours.grid, 1.0))
    for tick in axis.ticks:
        painter.drawLine(QPointF(tick.x, y_from), QPointF(tick.x, y_to))
    painter.restore()


def make_axis(scale: TimeScale, x_from: float, x_to: float, fonts: Fonts) -> Axis:
    """Ticks whose labels fit in the axis font (a larger font asks for wider steps)."""
    return axis_ticks(scale, x_from, x_to, label_scale=max(1.0, fonts.axis.pixelSize() / 11.0))


def paint_axis(
    painter: QPainter,
    axis: Axis,
    rect: QRectF,
    fonts: Fonts,
    colours: ChartColours,
) -> None:
    """The time axis in ``rect``: context spans (months or years) above, ticks below."""
    painter.save()
    painter.fillRect(rect, colours.axis_background)
    painter.setClipRect(rect)
    context_bottom = rect.top() + CONTEXT_HEIGHT
    if axis.context:
        painter.setFont(fonts.context)
        for tick, end_x in axis.context:
            left = max(tick.x, rect.left())
            right = min(end_x, rect.right())
            if right - left < 12:
                continue
            painter.setPen(QPen(colours.grid, 1.0))
            if tick.x >= rect.left():
                painter.drawLine(QPointF(tick.x, rect.top()), QPointF(tick.x, context_bottom))
            painter.setPen(QPen(colours.text))
            text_rect = QRectF(left + 5, rect.top(), right - left - 8, CONTEXT_HEIGHT)
            text = QFontMetricsF(fonts.context).elidedText(
                tick.label, Qt.TextElideMode.ElideRight, text_rect.width()
            )
            painter.drawText(
                text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text
            )
    painter.setPen(QPen(colours.muted_text, 1.0))
    for x in axis.minor:
        painter.drawLine(QPointF(x, rect.bottom() - 3), QPointF(x, rect.bottom()))
    painter.setFont(fonts.axis)
    for tick in axis.ticks:
        painter.setPen(QPen(colours.muted_text, 1.0))
        painter.drawLine(QPointF(tick.x, rect.bottom() - 8), QPointF(tick.x, rect.bottom()))
        painter.setPen(QPen(colours.text))
        painter.drawText(
            QRectF(tick.x + 4, context_bottom, 200, rect.bottom() - context_bottom - 2),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            tick.label,
        )
    painter.setPen(QPen(colours.grid, 1.0))
    painter.drawLine(QPointF(rect.left(), rect.bottom()), QPointF(rect.right(), rect.bottom()))
    painter.restore()
