"""How one event looks on a timeline: shape by what its date says, colour by its type.

The date's honesty must show at a glance, so each kind of date has its own shape:

- an exact day: a solid dot; a time of day on it (an hour, a minute) the same dot, placed
  at that time within the day (the middle of the hour for an hour), which shows once a day is
  wider than the dot; an interval between two times spans those times within its days, and
  an approximate time ("about 09:30") its margin (09:00 to 10:00), not the whole day;
- an interval (``2022-02-21/2022-02-27``): the range of possible dates, like an error bar: a
  thin line between two brackets over a faint band, never a solid bar, because sources mostly
  mean "on some day within these dates", not "all along" (a solid bar reads as duration);
- a month or year without a day ("March 2022"): a hatched bar over the whole period, because
  the event happened on one unknown day of it, not all along;
- an approximate date (``~``): a bar that fades out at both ends over the span it may cover,
  followed by a "~" sign;
- an uncertain date (``?``): the shape drawn with a dashed outline and a pale fill, followed by
  a "?" sign.

Approximate and uncertain combine (``%``): fading fill, dashed outline, "~?".

An unsourced event (no quote of any source backs it, such as an imported one) keeps the shape
its date gives it, drawn hollow (no solid fill, no hatching) and followed by a "!" sign, so
that the precision still reads and the missing source shows without relying on colour.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from enum import Enum
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QLinearGradient, QPainter, QPen

from desktopapp.domain.dates import DAY_OR_FINER, DateError, parse_edtf
from desktopapp.domain.l10n import _
from desktopapp.domain.model import Event, EventRow
from desktopapp.domain.timescale import TimeScale

MARK_HEIGHT = 10.0
DOT_RADIUS = 5.5
MIN_BAR_WIDTH = 9.0
GLYPH_GAP = 2.0


class MarkShape(Enum):
    DOT = "dot"
    BAR = "bar"
    PERIOD = "period"  # a month or a year: one unknown day in it


@dataclass(frozen=True)
class MarkStyle:
    shape: MarkShape
    approximate: bool = False
    uncertain: bool = False
    unsourced: bool = False  # no quote of any source: drawn hollow, with "!"

    @classmethod
    def of(cls, row: EventRow) -> MarkStyle:
        return cls.of_date(row.precision, row.approximate, row.uncertain, row.unsourced)

    @classmethod
    def of_event(cls, event: Event) -> MarkStyle:
        """The mark of a full event (the PDF's event blocks, the web page): the same rule."""
        date = event.date
        return cls.of_date(date.precision.value, date.approximate, date.uncertain, event.unsourced)

    @classmethod
    def of_date(
        cls, precision: str, approximate: bool, uncertain: bool, unsourced: bool
    ) -> MarkStyle:
        if precision in DAY_OR_FINER and not approximate:
            shape = MarkShape.DOT
        elif precision in ("month", "year") and not approximate:
            shape = MarkShape.PERIOD
        else:
            shape = MarkShape.BAR
        return cls(shape, approximate, uncertain, unsourced)

    @property
    def glyph(self) -> str:
        """The sign written after the mark: '~', '?', '~?', then '!' when unsourced (empty
        for a sure date with a source)."""
        return (
            ("~" if self.approximate else "")
            + ("?" if self.uncertain else "")
            + ("!" if self.unsourced else "")
        )

    @property
    def description(self) -> str:
        """What the mark means, in the reader's language (the legend, tooltips, help)."""
        if self.unsourced:
            return _("Unsourced: no quote from a source yet (hollow, !)")
        if self.approximate and self.uncertain:
            return _("Approximate and uncertain date")
        if self.approximate:
            return _("Approximate date (~)")
        if self.uncertain:
            return _("Uncertain date (?)")
        if self.shape is MarkShape.DOT:
            return _("Exact day or time")
        if self.shape is MarkShape.BAR:
            return _("Interval: at some point within these dates")
        return _("Month or year only (day unknown)")


LEGEND_STYLES: tuple[MarkStyle, ...] = (
    MarkStyle(MarkShape.DOT),
    MarkStyle(MarkShape.BAR),
    MarkStyle(MarkShape.PERIOD),
    MarkStyle(MarkShape.BAR, approximate=True),
    MarkStyle(MarkShape.DOT, uncertain=True),
    MarkStyle(MarkShape.DOT, unsourced=True),
)


def mark_span(row: EventRow, style: MarkStyle, scale: TimeScale) -> tuple[float, float]:
    """Left and right x of the drawn shape (not counting its "~"/"?" sign)."""
    left, right = scale.x(row.start), scale.x_end(row.end)
    if "T" in row.edtf:
        left, right = _at_times(row, left, right, scale)
    if style.shape is MarkShape.DOT:
        centre = (left + right) / 2
        return centre - DOT_RADIUS, centre + DOT_RADIUS
    if right - left < MIN_BAR_WIDTH:
        centre = (left + right) / 2
        left, right = centre - MIN_BAR_WIDTH / 2, centre + MIN_BAR_WIDTH / 2
    return left, right


def _at_times(row: EventRow, left: float, right: float, scale: TimeScale) -> tuple[float, float]:
    """The x span of a timed date: from its first time within its first day to its last
    within its last day (a minute spans its minute, an hour its hour, "about 09:30" its
    margin, 09:00 to 10:00)."""
    start, end = _within_days(row)
    first_day = scale.x_end(row.start) - left
    last_day = right - scale.x(row.end)
    return left + first_day * start, right - last_day * (1 - end)


def _within_days(row: EventRow) -> tuple[float, float]:
    """Where the date starts within its first day and ends within its last, as fractions of
    a day: (0, 1) for whole days, the times reported for a timed date (local time as
    reported: the day is the one it was reported on)."""
    if "T" not in row.edtf:
        return 0.0, 1.0
    return _fractions_of_days(row.edtf)


@lru_cache(maxsize=4096)
def _fractions_of_days(edtf: str) -> tuple[float, float]:
    try:
        date = parse_edtf(edtf)
    except DateError:
        return 0.0, 1.0
    # The row's days are the earliest and latest days of these moments (domain/dates.py).
    start, end = date.start, date.end or date.start
    first = _seconds(start.earliest_moment().time()) / 86_400 if start.timed else 0.0
    last = (_seconds(end.latest_moment().time()) + 1) / 86_400 if end.timed else 1.0
    return first, last


def _seconds(moment: time) -> int:
    return moment.hour * 3600 + moment.minute * 60 + moment.second


def glyph_font(base: QFont) -> QFont:
    font = QFont(base)
    font.setBold(True)
    return font


def paint_mark(
    painter: QPainter,
    style: MarkStyle,
    x0: float,
    x1: float,
    cy: float,
    colour: QColor,
    *,
    background: QColor,
    glyph_font: QFont | None = None,
    glyph_width: float = 0.0,
) -> None:
    """Paint one mark whose shape spans [x0, x1] centred on ``cy``, then its sign if any."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    rect = QRectF(x0, cy - MARK_HEIGHT / 2, max(1.0, x1 - x0), MARK_HEIGHT)
    if style.shape is MarkShape.DOT:
        _paint_dot(painter, style, QPointF((x0 + x1) / 2, cy), colour, background)
    else:
        _paint_bar(painter, style, rect, colour, background)
    if style.glyph and glyph_font is not None:
        painter.setFont(glyph_font)
        painter.setPen(QPen(_ink(colour, background)))
        text_rect = QRectF(x1 + GLYPH_GAP, cy - 9, max(glyph_width, 12.0), 18)
        painter.drawText(
            text_rect,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            style.glyph,
        )
    painter.restore()


def _ink(colour: QColor, background: QColor) -> QColor:
    """The colour darkened (or lightened on dark) enough for thin strokes and text."""
    return colour.lighter(115) if background.lightness() < 128 else colour.darker(135)


def _paint_dot(
    painter: QPainter, style: MarkStyle, centre: QPointF, colour: QColor, background: QColor
) -> None:
    if style.uncertain or style.unsourced:
        # A ring: pale inside for an uncertain day, empty (hollow) for an unsourced one.
        inside = QColor(background) if style.unsourced else QColor(colour)
        if not style.unsourced:
            inside.setAlpha(50)
        painter.setBrush(QBrush(inside))
        pen = QPen(_ink(colour, background), 1.8 if style.unsourced else 1.6)
        if style.uncertain:
            pen.setStyle(Qt.PenStyle.CustomDashLine)
            pen.setDashPattern([2.0, 1.6])
        painter.setPen(pen)
        radius = DOT_RADIUS - 0.4 if style.unsourced else DOT_RADIUS  # the ring's outer edge
        painter.drawEllipse(centre, radius, radius)
        return
    painter.setBrush(QBrush(colour))
    painter.setPen(QPen(background, 1.2))  # a halo separates dots that touch
    painter.drawEllipse(centre, DOT_RADIUS, DOT_RADIUS)


def _paint_bar(
    painter: QPainter, style: MarkStyle, rect: QRectF, colour: QColor, background: QColor
) -> None:
    ink = _ink(colour, background)
    if style.approximate:
        gradient = QLinearGradient(rect.left(), 0, rect.right(), 0)
        edge, solid = QColor(colour), QColor(colour)
        edge.setAlpha(0)
        solid.setAlpha(90 if style.uncertain or style.unsourced else 230)
        ramp = min(0.45, max(0.15, 24.0 / max(1.0, rect.width())))
        gradient.setColorAt(0.0, edge)
        gradient.setColorAt(ramp, solid)
        gradient.setColorAt(1.0 - ramp, solid)
        gradient.setColorAt(1.0, edge)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(gradient))
        painter.drawRoundedRect(rect, 3, 3)
        # The nominal middle, so a reader sees where the estimate is centred.
        painter.setPen(QPen(ink, 2.0))
        middle = rect.center().x()
        painter.drawLine(QPointF(middle, rect.top() - 2), QPointF(middle, rect.bottom() + 2))
        if style.unsourced and not style.uncertain:  # hollow: the span's outline, faded
            painter.setPen(QPen(QBrush(_faded_outline(rect, ink)), 1.4))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect, 3, 3)
    elif style.shape is MarkShape.PERIOD:
        painter.setPen(Qt.PenStyle.NoPen)
        if style.unsourced:  # hollow: an empty box, no hatching
            painter.setBrush(QBrush(background))
            painter.drawRect(rect)
        else:
            pale = QColor(colour)
            pale.setAlpha(45)
            painter.setBrush(QBrush(pale))
            painter.drawRect(rect)
            painter.setBrush(QBrush(colour, Qt.BrushStyle.BDiagPattern))
            painter.drawRect(rect)
        if not style.uncertain:
            painter.setPen(QPen(ink, 1.4 if style.unsourced else 1.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect)
    else:
        _paint_range(painter, style, rect, colour, ink)
        return
    if style.uncertain:
        pen = QPen(ink, 1.6, Qt.PenStyle.CustomDashLine)
        pen.setDashPattern([3.0, 2.0])
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect, 3, 3)


def _paint_range(
    painter: QPainter, style: MarkStyle, rect: QRectF, colour: QColor, ink: QColor
) -> None:
    """An interval as a range of possible dates: faint band, whisker line, bracket ends (no
    band when unsourced: the hollow range)."""
    band = QColor(colour)
    band.setAlpha(0 if style.unsourced else 40)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(band))
    painter.drawRect(rect.adjusted(0, 2, 0, -2))
    pen = QPen(ink, 1.6)
    if style.uncertain:
        pen.setStyle(Qt.PenStyle.CustomDashLine)
        pen.setDashPattern([2.0, 1.6])
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    cy = rect.center().y()
    left, right = rect.left() + 0.8, rect.right() - 0.8
    top, bottom = rect.top() - 1, rect.bottom() + 1
    serif = min(3.0, max(1.0, (right - left) / 4))
    painter.drawLine(QPointF(left, cy), QPointF(right, cy))
    for x, inward in ((left, serif), (right, -serif)):
        painter.drawLine(QPointF(x, top), QPointF(x, bottom))
        painter.drawLine(QPointF(x, top), QPointF(x + inward, top))
        painter.drawLine(QPointF(x, bottom), QPointF(x + inward, bottom))


def _faded_outline(rect: QRectF, ink: QColor) -> QLinearGradient:
    """The approximate bar's own fade, for its outline."""
    gradient = QLinearGradient(rect.left(), 0, rect.right(), 0)
    edge = QColor(ink)
    edge.setAlpha(0)
    ramp = min(0.45, max(0.15, 24.0 / max(1.0, rect.width())))
    gradient.setColorAt(0.0, edge)
    gradient.setColorAt(ramp, ink)
    gradient.setColorAt(1.0 - ramp, ink)
    gradient.setColorAt(1.0, edge)
    return gradient


def paint_selection(painter: QPainter, x0: float, x1: float, cy: float, colour: QColor) -> None:
    """A ring around a selected mark."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(colour, 2.0))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    ring = QRectF(x0 - 4, cy - MARK_HEIGHT / 2 - 4, x1 - x0 + 8, MARK_HEIGHT + 8)
    painter.drawRoundedRect(ring, 5, 5)
    painter.restore()
