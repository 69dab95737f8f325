"""Time on a horizontal axis: date <-> x, adaptive ticks, and label stacking within a lane.

Pure Python on purpose: the window, the exported chart and the tests all lay out time with
these functions, and none of them needs Qt to check that a label is where it should be.

Positions are floats in pixels (or points when exporting). A day ``d`` covers
``[x(d), x(d) + pixels_per_day)``; a point event is drawn at the middle of its day.

Dates may be anywhere from year 1 to 9999, and what is worked out here is handed to Qt, so
nothing here steps past the calendar's ends (:func:`shift_days` saturates), an x is never
beyond :data:`COORDINATE_LIMIT`, tick lists are bounded, and :func:`highest_zoom` keeps a
timeline's whole width within what Qt can draw text at (:data:`MAX_SCENE_WIDTH`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import Enum

from desktopapp.domain.date_words import calendar_words, day_of_month, weekday_name
from desktopapp.domain.dates import shifted
from desktopapp.domain.l10n import _, month_name

MIN_PIXELS_PER_DAY = 0.00008  # the whole calendar, years 1 to 9999, in under 300 px
MAX_PIXELS_PER_DAY = 600.0  # one day wider than most windows' quarter
# Qt positions text in 26.6 fixed point: text drawn beyond 2**25 px from the painter's origin
# silently vanishes, and scroll bars count in ints. A timeline is never wider than this.
MAX_SCENE_WIDTH = float(2**24)
COORDINATE_LIMIT = float(2**30)  # no x handed to Qt is further out than this
MAX_TICKS = 1000  # ticks of one kind on an axis, however wide it is asked to be
_FIRST_ORDINAL = date.min.toordinal()
_LAST_ORDINAL = date.max.toordinal()


def clamp_pixels_per_day(value: float) -> float:
    return min(MAX_PIXELS_PER_DAY, max(MIN_PIXELS_PER_DAY, value))


def highest_zoom(extent: tuple[date, date] | None) -> float:
    """The most pixels per day at which events spread over ``extent`` stay within
    MAX_SCENE_WIDTH: MAX_PIXELS_PER_DAY unless they span centuries."""
    if extent is None:
        return MAX_PIXELS_PER_DAY
    days = extent[1].toordinal() - extent[0].toordinal() + 1
    return min(MAX_PIXELS_PER_DAY, MAX_SCENE_WIDTH / max(1, days))


def shift_days(day: date, days: int) -> date:
    """``day`` moved by ``days``, stopping at the first and last day of the calendar."""
    return shifted(day, timedelta(days=days))


def _safe_date(ordinal: float) -> date:
    return date.fromordinal(int(min(_LAST_ORDINAL, max(_FIRST_ORDINAL, ordinal))))


@dataclass(frozen=True)
class TimeScale:
    """A linear map between days and x: ``x = x0 + (ordinal - origin) * pixels_per_day``."""

    origin: date
    pixels_per_day: float
    x0: float = 0.0

    def __post_init__(self) -> None:
        if not self.pixels_per_day > 0:
            raise ValueError(f"pixels per day must be positive, not {self.pixels_per_day}")

    @classmethod
    def fit(cls, start: date, end: date, x_from: float, x_to: float) -> TimeScale:
        """The scale showing the days ``start``..``end`` (inclusive) between two x positions."""
        days = max(1, end.toordinal() - start.toordinal() + 1)
        width = max(1.0, x_to - x_from)
        return cls(start, width / days, x_from)

    def x_of_ordinal(self, ordinal: float) -> float:
        x = self.x0 + (ordinal - self.origin.toordinal()) * self.pixels_per_day
        return min(COORDINATE_LIMIT, max(-COORDINATE_LIMIT, x))

    def x(self, day: date) -> float:
        """Left edge of a day."""
        return self.x_of_ordinal(day.toordinal())

    def x_mid(self, day: date) -> float:
        """Middle of a day: where a one-day event is drawn."""
        return self.x_of_ordinal(day.toordinal() + 0.5)

    def x_end(self, day: date) -> float:
        """Right edge of a day: where a span ending that day stops."""
        return self.x_of_ordinal(day.toordinal() + 1)

    def ordinal_at(self, x: float) -> float:
        """Fractional day ordinal at x (the integer part is the day)."""
        return self.origin.toordinal() + (x - self.x0) / self.pixels_per_day

    def date_at(self, x: float) -> date:
        return _safe_date(self.ordinal_at(x))

    def zoomed(self, factor: float, anchor_x: float) -> TimeScale:
        """The scale zoomed by ``factor`` keeping the instant under ``anchor_x`` in place."""
        ppd = clamp_pixels_per_day(self.pixels_per_day * factor)
        ordinal = self.ordinal_at(anchor_x)
        x0 = anchor_x - (ordinal - self.origin.toordinal()) * ppd
        return TimeScale(self.origin, ppd, x0)


# -- ticks -----------------------------------------------------------------------------------


class TickUnit(Enum):
    """Steps the axis can label, finest first. The value is the typical length in days."""

    DAY = 1
    WEEK = 7
    MONTH = 30.44
    QUARTER = 91.31
    YEAR = 365.25
    YEAR_2 = 730.5
    YEAR_5 = 1826.2
    YEAR_10 = 3652.4
    YEAR_25 = 9131.1
    YEAR_50 = 18262.2
    YEAR_100 = 36524.4
    YEAR_250 = 91311.0
    YEAR_500 = 182622.0
    YEAR_1000 = 365244.0
    YEAR_2500 = 913110.0

    @property
    def days(self) -> float:
        return float(self.value)

    @property
    def years(self) -> int:
        return {
            TickUnit.YEAR: 1,
            TickUnit.YEAR_2: 2,
            TickUnit.YEAR_5: 5,
            TickUnit.YEAR_10: 10,
            TickUnit.YEAR_25: 25,
            TickUnit.YEAR_50: 50,
            TickUnit.YEAR_100: 100,
            TickUnit.YEAR_250: 250,
            TickUnit.YEAR_500: 500,
            TickUnit.YEAR_1000: 1000,
            TickUnit.YEAR_2500: 2500,
        }.get(self, 0)


# How wide a label of each unit is expected to be, in pixels, with spacing: a tick unit is
# used only when its step is at least this wide, so labels never collide.
_LABEL_SPACE = {
    TickUnit.DAY: 52.0,  # "Mon 28"
    TickUnit.WEEK: 52.0,  # "28 Feb"
    TickUnit.MONTH: 66.0,  # "Mar 2022"
    TickUnit.QUARTER: 66.0,
}
_YEAR_LABEL_SPACE = 44.0
_MINOR_SPACING = 7.0


@dataclass(frozen=True)
class Tick:
    day: date
    x: float
    label: str = ""


@dataclass(frozen=True)
class Axis:
    """Labelled ticks, unlabelled minor ticks, and context spans (e.g. the month of days)."""

    unit: TickUnit
    ticks: tuple[Tick, ...]
    minor: tuple[float, ...]
    context: tuple[tuple[Tick, float], ...] = field(default=())  # (start tick, end x)


def tick_unit_for(pixels_per_day: float, *, label_scale: float = 1.0) -> TickUnit:
    """The finest unit whose labels fit at this zoom (``label_scale`` widens the room needed)."""
    for unit in TickUnit:
        need = _LABEL_SPACE.get(unit, _YEAR_LABEL_SPACE) * label_scale
        if unit.days * pixels_per_day >= need:
            return unit
    return TickUnit.YEAR_2500


def tick_dates(unit: TickUnit, start: date, end: date, *, limit: int = MAX_TICKS) -> list[date]:
    """Calendar-aligned tick days of ``unit`` in [start, end]: the first ``limit`` of them."""
    result: list[date] = []
    if unit in (TickUnit.DAY, TickUnit.WEEK):
        step = 1 if unit is TickUnit.DAY else 7
        first = start.toordinal() + (0 if step == 1 else (7 - start.weekday()) % 7)  # Mondays
        last = min(end.toordinal(), first + (limit - 1) * step)
        return [date.fromordinal(ordinal) for ordinal in range(first, last + 1, step)]
    if unit in (TickUnit.MONTH, TickUnit.QUARTER):
        step = 1 if unit is TickUnit.MONTH else 3
        month_index = start.year * 12 + (start.month - 1)
        month_index += (-month_index) % step if start.day == 1 else step - month_index % step
        while len(result) < limit:
            year, month = divmod(month_index, 12)
            if year > date.max.year:
                break
            day = date(year, month + 1, 1)
            if day > end:
                break
            if day >= start:
                result.append(day)
            month_index += step
        return result
    step = unit.years
    year = start.year if (start.month, start.day) == (1, 1) else start.year + 1
    year += (-year) % step
    last_year = min(end.year, date.max.year, year + (limit - 1) * step)
    return [date(y, 1, 1) for y in range(year, last_year + 1, step)]


def tick_label(unit: TickUnit, day: date) -> str:
    """An axis label in the current language, names abbreviated by CLDR: "Mon 28", "7 Mar",
    "Mar 2022" / "lun. 28", "7 mars", "févr. 2022"."""
    if unit is TickUnit.DAY:
        weekday = weekday_name(day.weekday(), abbreviated=True)
        return _("{weekday} {day}").format(weekday=weekday, day=day.day)
    if unit is TickUnit.WEEK:
        month = month_name(day.month, abbreviated=True)
        return _("{day} {month}").format(day=day_of_month(day.day), month=month)
    if unit in (TickUnit.MONTH, TickUnit.QUARTER):
        month = month_name(day.month, abbreviated=True, standalone=True)
        return _("{month} {year}").format(month=month, year=day.year)
    return str(day.year)


def _finer(unit: TickUnit) -> TickUnit | None:
    return {
        TickUnit.WEEK: TickUnit.DAY,
        TickUnit.MONTH: TickUnit.WEEK,
        TickUnit.QUARTER: TickUnit.MONTH,
        TickUnit.YEAR: TickUnit.MONTH,
        TickUnit.YEAR_2: TickUnit.QUARTER,
        TickUnit.YEAR_5: TickUnit.YEAR,
        TickUnit.YEAR_10: TickUnit.YEAR,
        TickUnit.YEAR_25: TickUnit.YEAR_5,
        TickUnit.YEAR_50: TickUnit.YEAR_10,
        TickUnit.YEAR_100: TickUnit.YEAR_10,
        TickUnit.YEAR_250: TickUnit.YEAR_50,
        TickUnit.YEAR_500: TickUnit.YEAR_100,
        TickUnit.YEAR_1000: TickUnit.YEAR_100,
        TickUnit.YEAR_2500: TickUnit.YEAR_500,
    }.get(unit)


def axis_ticks(scale: TimeScale, x_from: float, x_to: float, *, label_scale: float = 1.0) -> Axis:
    """Ticks for the visible x range, adapted to the zoom: years, quarters/months, weeks, days.

    Day and week ticks come with their months as context spans ("March 2022"), month and
    quarter ticks with their years, so a reader always knows where they are.
    """
    unit = tick_unit_for(scale.pixels_per_day, label_scale=label_scale)
    start, end = scale.date_at(x_from), scale.date_at(x_to)
    ticks = tuple(Tick(d, scale.x(d), tick_label(unit, d)) for d in tick_dates(unit, start, end))
    minor: tuple[float, ...] = ()
    finer = _finer(unit)
    if finer is not None and finer.days * scale.pixels_per_day >= _MINOR_SPACING:
        labelled = {t.day for t in ticks}
        minor = tuple(scale.x(d) for d in tick_dates(finer, start, end) if d not in labelled)
    context: list[tuple[Tick, float]] = []
    if unit in (TickUnit.DAY, TickUnit.WEEK):
        first = date(start.year, start.month, 1)
        for day in [first, *tick_dates(TickUnit.MONTH, start, end)]:
            if context and context[-1][0].day == day:
                continue
            following = _next_month(day)
            label = calendar_words(day.year, day.month)
            context.append((Tick(day, scale.x(day), label), scale.x(following)))
    elif unit in (TickUnit.MONTH, TickUnit.QUARTER):
        for year in range(start.year, min(end.year, date.max.year, start.year + MAX_TICKS) + 1):
            day = date(year, 1, 1)
            following_x = scale.x(date(year + 1, 1, 1)) if year < 9999 else scale.x_end(end)
            context.append((Tick(day, scale.x(day), str(year)), following_x))
    return Axis(unit, ticks, minor, tuple(context))


def _next_month(day: date) -> date:
    if day.year == 9999 and day.month == 12:
        return date(9999, 12, 31)
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


# -- aggregation bins ------------------------------------------------------------------------

_BIN_DAYS = (1, 2, 7, 14, 30, 61, 91, 182, 365, 730, 1826, 3652, 9131, 36524)


def bin_days_for(pixels_per_day: float, *, target_pixels: float = 10.0) -> int:
    """A round bin length in days, so that one bin is about ``target_pixels`` wide."""
    for days in _BIN_DAYS:
        if days * pixels_per_day >= target_pixels:
            return days
    return _BIN_DAYS[-1]


def aligned_bins(start: date, end: date, bin_days: int) -> tuple[date, int]:
    """First bin start (aligned on multiples of ``bin_days`` since 0001-01-01) and bin count
    covering [start, end]; aligned so bins do not shift as the view pans."""
    first = start.toordinal() - (start.toordinal() - 1) % bin_days
    count = (end.toordinal() - first) // bin_days + 1
    return date.fromordinal(max(1, first)), max(1, count)


# -- label stacking --------------------------------------------------------------------------


@dataclass(frozen=True)
class LabelBox:
    """An event to place in a lane: its mark spans [x0, x1]; its label wants ``label_width``
    starting at ``x1 + gap``."""

    key: int
    x0: float
    x1: float
    label_width: float


@dataclass(frozen=True)
class Placement:
    """Where an event went: its row, and how much of its label fits (0: no label at all)."""

    key: int
    row: int
    x0: float
    x1: float
    label_x: float
    label_width: float
    elided: bool

    @property
    def right(self) -> float:
        """Rightmost x taken by the mark and its (possibly elided) label."""
        return self.label_x + self.label_width if self.label_width > 0 else self.x1


def stack_labels(
    boxes: Sequence[LabelBox],
    *,
    max_rows: int = 6,
    gap: float = 4.0,
    min_label_width: float = 24.0,
) -> list[Placement]:
    """Assign each box a row so that no label overlaps another mark or label in its row.

    Boxes are taken in order of ``x0``. A box goes to the first row that is free from its
    mark's left edge (its full label fits). When all ``max_rows`` are taken, it goes to the
    row whose last label can give up the most room, and that label is shortened to end
    ``gap`` before the new mark (elided, or dropped if shorter than ``min_label_width``).
    Marks themselves may then touch when events are denser than the rows allow; labels never
    overlap. Returns placements in the order of ``boxes``.
    """
    if max_rows < 1:
        raise ValueError("a lane needs at least one row")
    order = sorted(range(len(boxes)), key=lambda i: (boxes[i].x0, boxes[i].x1, boxes[i].key))
    placed: list[Placement | None] = [None] * len(boxes)
    last_in_row: list[int] = []  # index (into boxes) of the last box placed in each row
    mark_end: list[float] = []  # rightmost mark edge in each row (a long bar may pass later marks)

    def free_from(row: int) -> float:
        last = placed[last_in_row[row]]
        assert last is not None
        return max(mark_end[row], last.right)

    for index in order:
        box = boxes[index]
        label_width = max(0.0, box.label_width)
        row = next((r for r in range(len(last_in_row)) if free_from(r) + gap <= box.x0), -1)
        if row < 0 and len(last_in_row) < max_rows:
            row = len(last_in_row)
            last_in_row.append(index)
            mark_end.append(box.x1)
        elif row < 0:
            # Every row is busy: take the one whose marks end first and shorten its last label
            # to end before this mark. If a mark of that row still reaches past this one's
            # label, this label is dropped (the tooltip still has the title).
            row = min(range(len(last_in_row)), key=lambda r: (mark_end[r], r))
            previous = placed[last_in_row[row]]
            assert previous is not None
            room = box.x0 - gap - previous.label_x
            placed[last_in_row[row]] = _shorten(previous, room, min_label_width)
            if mark_end[row] > box.x1 + gap and label_width > 0:
                label_width = -1.0  # marks overlap: no room for a label that reads right
        last_in_row[row] = index
        mark_end[row] = max(mark_end[row], box.x1)
        placed[index] = Placement(
            box.key,
            row,
            box.x0,
            box.x1,
            box.x1 + gap,
            max(0.0, label_width),
            label_width < 0,
        )
    return [p for p in placed if p is not None]


def _shorten(placement: Placement, room: float, min_label_width: float) -> Placement:
    if room >= placement.label_width:
        return placement
    width = room if room >= min_label_width else 0.0
    return Placement(
        placement.key,
        placement.row,
        placement.x0,
        placement.x1,
        placement.label_x,
        max(0.0, width),
        True,
    )


def rows_used(placements: Sequence[Placement]) -> int:
    return 1 + max((p.row for p in placements), default=0)
