"""Honest dates: a small EDTF (ISO 8601-2) subset with precision, qualifiers and intervals.

Supported notation, and nothing else (anything else is refused with a clear message):

- ``2022-03-01`` (day), ``2022-03`` (month), ``2022`` (year);
- a qualifier on the whole date: ``?`` uncertain, ``~`` approximate, ``%`` both;
- a closed interval ``2022-02-21/2022-02-27`` whose ends are any of the above.

Every date has sort bounds: the earliest day it may start and the latest day it may end.
A month spans its days, a year its months. An *approximate* date is widened by a margin
(a few days around a day, half a month around a month, half a year around a year) because
"about 1 March" may well be 27 February; an *uncertain* date is not widened, because "?"
doubts whether the date is right at all, not how wide it is. Filters match an event when
this span overlaps the range asked for, so an estimate is never silently excluded.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class DateError(ValueError):
    """A date string that is not in the supported EDTF notation or names no real day."""


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    INTERVAL = "interval"


APPROXIMATE_MARGIN = {
    Precision.DAY: timedelta(days=3),
    Precision.MONTH: timedelta(days=15),
    Precision.YEAR: timedelta(days=183),
}

MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

_POINT = re.compile(
    r"^(?P<year>[0-9]{4})(?:-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?)?(?P<q>[?~%])?$"
)


@dataclass(frozen=True)
class DatePoint:
    """One calendar date at day, month or year precision, possibly qualified."""

    year: int
    month: int | None = None
    day: int | None = None
    uncertain: bool = False
    approximate: bool = False

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    def first_day(self) -> date:
        """The first calendar day this point covers, before any approximation margin."""
        return date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> date:
        """The last calendar day this point covers, before any approximation margin."""
        if self.day is not None:
            return date(self.year, self.month or 1, self.day)
        month = self.month or 12
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    def earliest(self) -> date:
        margin = APPROXIMATE_MARGIN[self.precision] if self.approximate else timedelta()
        return shifted(self.first_day(), -margin)

    def latest(self) -> date:
        margin = APPROXIMATE_MARGIN[self.precision] if self.approximate else timedelta()
        return shifted(self.last_day(), margin)

    def edtf(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text + _qualifier(self.uncertain, self.approximate)

    def describe(self) -> str:
        """Plain English for the point alone, without qualifiers: '1 March 2022'."""
        if self.day is not None and self.month is not None:
            return f"{self.day} {MONTH_NAMES[self.month - 1]} {self.year}"
        if self.month is not None:
            return f"{MONTH_NAMES[self.month - 1]} {self.year}"
        return str(self.year)


def _echo(value: object, limit: int = 60) -> str:
    """The refused input in a message: its repr, cut so that a megabyte stays one short line."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def shifted(day: date, delta: timedelta) -> date:
    """``day + delta``, saturating at date.min and date.max: an approximate date of year 1
    or 9999 is widened as far as the calendar goes, instead of raising OverflowError."""
    ordinal = day.toordinal() + delta.days
    return date.fromordinal(min(date.max.toordinal(), max(date.min.toordinal(), ordinal)))


_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_iso_day(value: object) -> date:
    """A stored ISO day ``YYYY-MM-DD``; raise DateError for anything else (other types,
    other layouts such as ``20220301`` that ``date.fromisoformat`` would also accept)."""
    if not isinstance(value, str) or not _ISO_DAY.fullmatch(value):
        raise DateError(f"{_echo(value)} is not an ISO date (YYYY-MM-DD)")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise DateError(f"{_echo(value)} names no real day") from None


def _qualifier(uncertain: bool, approximate: bool) -> str:
    if uncertain and approximate:
        return "%"
    if approximate:
        return "~"
    if uncertain:
        return "?"
    return ""


@dataclass(frozen=True)
class FuzzyDate:
    """A date as a source gives it: a point or a closed interval, with its honesty flags."""

    start: DatePoint
    end: DatePoint | None = None

    @property
    def precision(self) -> Precision:
        return Precision.INTERVAL if self.end is not None else self.start.precision

    @property
    def approximate(self) -> bool:
        return self.start.approximate or (self.end is not None and self.end.approximate)

    @property
    def uncertain(self) -> bool:
        return self.start.uncertain or (self.end is not None and self.end.uncertain)

    @property
    def is_exact_day(self) -> bool:
        """True only for a single, unqualified day: the one case drawn as a plain point."""
        return self.precision is Precision.DAY and not (self.approximate or self.uncertain)

    def earliest(self) -> date:
        return self.start.earliest()

    def latest(self) -> date:
        return (self.end or self.start).latest()

    def edtf(self) -> str:
        if self.end is None:
            return self.start.edtf()
        return f"{self.start.edtf()}/{self.end.edtf()}"

    def __str__(self) -> str:
        return self.edtf()

    def describe(self) -> str:
        """The date in words, with its precision spelled out for a reader."""
        if self.end is None:
            return _describe_point(self.start)
        return _describe_interval(self.start, self.end)


def _describe_point(point: DatePoint) -> str:
    text = point.describe()
    if point.approximate:
        text = f"approximately {text}"
    if point.uncertain:
        text = f"{text} (uncertain)"
    return text


def _describe_interval(start: DatePoint, end: DatePoint) -> str:
    if not (start.approximate or end.approximate) and Precision.DAY in (
        start.precision,
        end.precision,
    ):
        # A day at one end and a month or year at the other: both said as days, so the span
        # reads "between 2 and 31 March 2022", not "between 2 March 2022 and March 2022".
        first, last = start.first_day(), end.last_day()
        start = DatePoint(first.year, first.month, first.day, start.uncertain, False)
        end = DatePoint(last.year, last.month, last.day, end.uncertain, False)
    both_plain_days = (
        start.precision is Precision.DAY
        and end.precision is Precision.DAY
        and not (start.approximate or end.approximate)
    )
    if both_plain_days and start.year == end.year and start.month == end.month:
        left = str(start.day)
    elif both_plain_days and start.year == end.year:
        left = f"{start.day} {MONTH_NAMES[(start.month or 1) - 1]}"
    else:
        left = _describe_point(
            DatePoint(start.year, start.month, start.day, False, start.approximate)
        )
    right = _describe_point(DatePoint(end.year, end.month, end.day, False, end.approximate))
    text = f"between {left} and {right}"
    if start.uncertain and end.uncertain:
        text += " (uncertain)"
    elif start.uncertain:
        text += " (the start is uncertain)"
    elif end.uncertain:
        text += " (the end is uncertain)"
    return text


def parse_edtf(text: str) -> FuzzyDate:
    """Parse the supported EDTF subset; raise DateError naming what is wrong."""
    if not isinstance(text, str):
        raise DateError(f"a date must be a string, not {type(text).__name__}")
    stripped = text.strip()
    if not stripped:
        raise DateError("the date is empty")
    parts = stripped.split("/")
    if len(parts) > 2:
        raise DateError(f"{_echo(text)}: an interval has exactly one '/'")
    if len(parts) == 1:
        return FuzzyDate(_parse_point(parts[0], text))
    if not parts[0] or not parts[1] or ".." in parts:
        raise DateError(f"{_echo(text)}: open-ended intervals are not supported; give both ends")
    start, end = _parse_point(parts[0], text), _parse_point(parts[1], text)
    if start.first_day() > end.last_day():
        raise DateError(f"{_echo(text)}: the interval ends before it starts")
    if start.first_day() == end.first_day() and start.last_day() == end.last_day():
        raise DateError(
            f"{_echo(text)}: both ends of the interval are the same date; give one date"
        )
    return FuzzyDate(start, end)


def _parse_point(part: str, whole: str) -> DatePoint:
    match = _POINT.fullmatch(part)
    if not match:
        raise DateError(
            f"{_echo(whole)} is not a supported date; use YYYY, YYYY-MM or YYYY-MM-DD, "
            "optionally followed by ?, ~ or %, or two of them joined by '/'"
        )
    year = int(match["year"])
    month = int(match["month"]) if match["month"] else None
    day = int(match["day"]) if match["day"] else None
    if year < 1:
        raise DateError(f"{_echo(whole)}: year 0 is not supported")
    if month is not None and not 1 <= month <= 12:
        raise DateError(f"{_echo(whole)}: there is no month {month}")
    if day is not None and month is not None:
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise DateError(
                f"{_echo(whole)}: {MONTH_NAMES[month - 1]} {year} has no day {day} (it has {last})"
            )
    qualifier = match["q"] or ""
    return DatePoint(
        year=year,
        month=month,
        day=day,
        uncertain=qualifier in ("?", "%"),
        approximate=qualifier in ("~", "%"),
    )
