"""Honest dates: a small EDTF (ISO 8601-2) subset with precision, qualifiers and intervals.

Supported notation, and nothing else (anything else is refused with a clear message):

- ``2022-03-01`` (day), ``2022-03`` (month), ``2022`` (year);
- a time of day on a day, at the precision the source gives it (ISO 8601's reduced
  precision, which EDTF level 0 writes only in full): ``2022-03-01T09`` (an hour),
  ``2022-03-01T09:30`` (a minute), ``2022-03-01T09:30:15`` (a second), optionally followed by
  the zone the source gave: ``Z`` (UTC) or an offset ``+01:00``;
- a qualifier on the whole date: ``?`` uncertain, ``~`` approximate, ``%`` both;
- a closed interval ``2022-02-21/2022-02-27`` whose ends are any of the above.

A time is the local time *as reported*, with its zone kept as written when the source gave
one and no zone when it did not (a "floating" time): nothing is ever converted to another
zone, so "23:30+01:00" stays on the day it was reported on, and no zone is ever guessed.

Every date has sort bounds: the earliest day it may start and the latest day it may end
(days, whatever the precision: a time of day is within its reported day). A month spans its
days, a year its months. An *approximate* date is widened by a margin (a few days around a
day, half a month around a month, half a year around a year, two hours around an hour, half
an hour around a minute) because "about 1 March" may well be 27 February, and "about 00:10"
the evening before; an *uncertain* date is not widened, because "?"
doubts whether the date is right at all, not how wide it is. Filters match an event when
this span overlaps the range asked for, so an estimate is never silently excluded.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import KW_ONLY, dataclass, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from desktopapp.domain.l10n import _


class DateError(ValueError):
    """A date string that is not in the supported EDTF notation or names no real day."""


class Precision(StrEnum):
    SECOND = "second"
    MINUTE = "minute"
    HOUR = "hour"
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    INTERVAL = "interval"

    @property
    def names_day(self) -> bool:
        """True when the date names its day (a day, or a time of day on it)."""
        return self.value in DAY_OR_FINER


# The precisions of a point that names its day, as the database's precision column spells
# them (a plain set of words, so that rows can be classified without parsing their EDTF).
DAY_OR_FINER = frozenset({"day", "hour", "minute", "second"})
TIMED = frozenset({"hour", "minute", "second"})

APPROXIMATE_MARGIN = {
    Precision.SECOND: timedelta(minutes=5),
    Precision.MINUTE: timedelta(minutes=30),
    Precision.HOUR: timedelta(hours=2),
    Precision.DAY: timedelta(days=3),
    Precision.MONTH: timedelta(days=15),
    Precision.YEAR: timedelta(days=183),
}

_POINT = re.compile(
    r"^(?P<year>[0-9]{4})(?:-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2})"
    r"(?:T(?P<hour>[0-9]{2})(?::(?P<minute>[0-9]{2})(?::(?P<second>[0-9]{2}))?)?"
    r"(?P<zone>Z|[+-][0-9]{2}:[0-9]{2})?)?)?)?(?P<q>[?~%])?$"
)


@dataclass(frozen=True)
class DatePoint:
    """One calendar date at year, month, day, hour, minute or second precision, possibly
    qualified; a time of day only on a day, with the zone its source gave, if any."""

    year: int
    month: int | None = None
    day: int | None = None
    uncertain: bool = False
    approximate: bool = False
    _: KW_ONLY
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    zone: str | None = None  # "Z" or "+01:00" as written; None: local time, zone not given

    @property
    def precision(self) -> Precision:
        if self.second is not None:
            return Precision.SECOND
        if self.minute is not None:
            return Precision.MINUTE
        if self.hour is not None:
            return Precision.HOUR
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    @property
    def timed(self) -> bool:
        return self.hour is not None

    def first_day(self) -> date:
        """The first calendar day this point covers, before any approximation margin."""
        return date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> date:
        """The last calendar day this point covers, before any approximation margin."""
        if self.day is not None:
            return date(self.year, self.month or 1, self.day)
        month = self.month or 12
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    def first_moment(self) -> datetime:
        """The first instant (local, as reported) this point covers: for ordering its ends."""
        return datetime.combine(self.first_day(), self.time_of_day() or time())

    def last_moment(self) -> datetime:
        """The last whole second (local, as reported) this point covers."""
        if not self.timed:
            return datetime.combine(self.last_day(), time(23, 59, 59))
        minute = 59 if self.minute is None else self.minute
        second = 59 if self.second is None else self.second
        return datetime.combine(self.last_day(), time(self.hour or 0, minute, second))

    def time_of_day(self) -> time | None:
        """The time as given (minutes and seconds the source left out as 0), or None."""
        if self.hour is None:
            return None
        return time(self.hour, self.minute or 0, self.second or 0)

    def earliest(self) -> date:
        if self.timed:  # "about 00:10" may be the evening before
            return self.earliest_moment().date()
        if not self.approximate:
            return self.first_day()
        return shifted(self.first_day(), -APPROXIMATE_MARGIN[self.precision])

    def latest(self) -> date:
        if self.timed:
            return self.latest_moment().date()
        if not self.approximate:
            return self.last_day()
        return shifted(self.last_day(), APPROXIMATE_MARGIN[self.precision])

    def earliest_moment(self) -> datetime:
        """The first moment a timed point may be, its margin included when approximate."""
        return _moved(self.first_moment(), -self._margin())

    def latest_moment(self) -> datetime:
        """The last whole second a timed point may be, its margin included when approximate."""
        return _moved(self.last_moment(), self._margin())

    def _margin(self) -> timedelta:
        return APPROXIMATE_MARGIN[self.precision] if self.approximate else timedelta()

    def without_qualifiers(self) -> DatePoint:
        return replace(self, uncertain=False, approximate=False)

    def edtf(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        if self.hour is not None:
            text += f"T{self.clock()}{self.zone or ''}"
        return text + _qualifier(self.uncertain, self.approximate)

    def clock(self) -> str:
        """The time at its precision, "09", "09:30" or "09:30:15" (empty without a time)."""
        if self.hour is None:
            return ""
        parts = [self.hour, self.minute, self.second]
        return ":".join(f"{part:02d}" for part in parts if part is not None)

    def describe_day(self) -> str:
        """The calendar part in words, without the time: '1 March 2022', 'March 2022'
        ('1er mars 2022', 'mars 2022' in French)."""
        from desktopapp.domain.date_words import calendar_words

        return calendar_words(self.year, self.month, self.day)

    def describe_time(self) -> str:
        """The time in words: '09:30', '09:30:15', '09h' (an hour: no minutes made up), with
        its zone as given ('09:30 UTC', '09:30 UTC+01:00'); empty without a time. French:
        '9 h 30', '14 h'."""
        from desktopapp.domain.date_words import time_words

        return time_words(self)

    def describe(self, *, about: bool = False) -> str:
        """The point alone in words, without qualifiers: '1 March 2022',
        '1 March 2022, 09:30'; ``about`` says the time is approximate ('1 March 2022, about
        09:30')."""
        from desktopapp.domain.date_words import point_words

        return point_words(self, about=about)


def _moved(moment: datetime, delta: timedelta) -> datetime:
    """``moment + delta``, or ``moment`` itself past the calendar's ends (year 1, 9999)."""
    try:
        return moment + delta
    except OverflowError:
        return moment


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
        raise DateError(_("{value} is not an ISO date (YYYY-MM-DD)").format(value=_echo(value)))
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise DateError(_("{value} names no real day").format(value=_echo(value))) from None


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
        """True only for a single, unqualified day (or a time on it): the one case drawn as a
        plain point."""
        return self.precision.names_day and not (self.approximate or self.uncertain)

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
        """The date in words, with its precision spelled out for a reader, in the current
        language (:mod:`desktopapp.domain.date_words`)."""
        from desktopapp.domain.date_words import fuzzy_words

        return fuzzy_words(self)


def display_date(date: FuzzyDate) -> str:
    """The date as other programs show it (TimelineJS, calendars), its marks kept:
    '24 February 2022', 'March 2022~', '2022?', '1 March 2022, 09:30',
    'some day between 21 and 27 February 2022', 'some time between 09:30 and 11:00 on …'."""
    from desktopapp.domain.date_words import display_words

    return display_words(date)


def qualifier_mark(point: DatePoint) -> str:
    if point.approximate and point.uncertain:
        return "~?"
    return "~" if point.approximate else "?" if point.uncertain else ""


def parse_edtf(text: str) -> FuzzyDate:
    """Parse the supported EDTF subset; raise DateError naming what is wrong."""
    if not isinstance(text, str):
        raise DateError(_("a date must be a string, not {kind}").format(kind=type(text).__name__))
    stripped = text.strip()
    if not stripped:
        raise DateError(_("the date is empty"))
    parts = stripped.split("/")
    if len(parts) > 2:
        raise DateError(_("{date}: an interval has exactly one '/'").format(date=_echo(text)))
    if len(parts) == 1:
        return FuzzyDate(_parse_point(parts[0], text))
    if not parts[0] or not parts[1] or ".." in parts:
        raise DateError(
            _("{date}: open-ended intervals are not supported; give both ends").format(
                date=_echo(text)
            )
        )
    start, end = _parse_point(parts[0], text), _parse_point(parts[1], text)
    if start.timed and end.timed and start.zone != end.zone:
        # Comparing 09:00Z with 11:00+01:00 would mean converting one; give both in one zone.
        raise DateError(
            _("{date}: give both times of the interval in the same zone").format(date=_echo(text))
        )
    if start.first_moment() > end.last_moment():
        raise DateError(_("{date}: the interval ends before it starts").format(date=_echo(text)))
    if start.first_moment() == end.first_moment() and start.last_moment() == end.last_moment():
        raise DateError(
            _("{date}: both ends of the interval are the same date; give one date").format(
                date=_echo(text)
            )
        )
    return FuzzyDate(start, end)


def _parse_point(part: str, whole: str) -> DatePoint:
    match = _POINT.fullmatch(part)
    if not match:
        raise DateError(
            _(
                "{date} is not a supported date; use YYYY, YYYY-MM or YYYY-MM-DD "
                "(a time as YYYY-MM-DDThh, Thh:mm or Thh:mm:ss), optionally followed by ?, ~ "
                "or %, or two of them joined by '/'"
            ).format(date=_echo(whole))
        )
    year = int(match["year"])
    month = int(match["month"]) if match["month"] else None
    day = int(match["day"]) if match["day"] else None
    if year < 1:
        raise DateError(_("{date}: year 0 is not supported").format(date=_echo(whole)))
    if month is not None and not 1 <= month <= 12:
        raise DateError(
            _("{date}: there is no month {month}").format(date=_echo(whole), month=month)
        )
    if day is not None and month is not None:
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise DateError(
                _("{date}: {month} has no day {day} (it has {last})").format(
                    date=_echo(whole), month=_month_words(year, month), day=day, last=last
                )
            )
    qualifier = match["q"] or ""
    hour, minute, second = (
        int(match[name]) if match[name] else None for name in ("hour", "minute", "second")
    )
    _check_time(hour, minute, second, match["zone"], whole)
    return DatePoint(
        year=year,
        month=month,
        day=day,
        uncertain=qualifier in ("?", "%"),
        approximate=qualifier in ("~", "%"),
        hour=hour,
        minute=minute,
        second=second,
        zone=match["zone"],
    )


def _month_words(year: int, month: int) -> str:
    from desktopapp.domain.date_words import calendar_words

    return calendar_words(year, month)


def _check_time(
    hour: int | None, minute: int | None, second: int | None, zone: str | None, whole: str
) -> None:
    if hour is not None and hour > 23:
        # ISO's 24:00 is the next day's 00:00: one way to write each moment.
        raise DateError(
            _("{date}: there is no hour {hour} (write 00 of the next day)").format(
                date=_echo(whole), hour=hour
            )
        )
    if minute is not None and minute > 59:
        raise DateError(
            _("{date}: there is no minute {minute}").format(date=_echo(whole), minute=minute)
        )
    if second is not None and second > 59:
        raise DateError(
            _("{date}: there is no second {second}").format(date=_echo(whole), second=second)
        )
    if zone and zone != "Z" and (int(zone[1:3]) > 14 or int(zone[4:6]) > 59 or zone == "-00:00"):
        raise DateError(
            _("{date}: {zone} is no time zone offset").format(date=_echo(whole), zone=zone)
        )
