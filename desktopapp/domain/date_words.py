"""Honest dates in words, in the reader's language: the one wording of dates that the window,
the exports and the command line share.

English: "1 March 2022", "approximately March 2022", "2022 (uncertain)", "between 21 and
27 February 2022", "1 March 2022, 09:30". French, as a French newsroom writes it: "1er mars
2022", "vers mars 2022", "2022 ?", "entre le 21 et le 27 février 2022", "1er mars 2022,
9 h 30". The words never say more than the date: a month stays a month, an hour stays an
hour ("14 h", not "14 h 00"), and the same bounds are named in every language.

The sentences are catalogue messages with ``{fields}``; the few ways in which a language
shapes a date differently (French drops the year of the first month of "entre février et
mars 2022") are named rules in :data:`_SHARED_YEAR_OF_MONTHS`. The clock is written by a
CLDR pattern that each catalogue gives (Babel formats it), so no language's clock is
hand-built here. EDTF, the stored form, is never translated.
"""

from __future__ import annotations

from datetime import date, time
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from desktopapp.domain.l10n import _, language, month_name, pgettext

if TYPE_CHECKING:
    from desktopapp.domain.dates import DatePoint, FuzzyDate

# Languages that write a span of months within one year with the year once: "entre février
# et mars 2022" (English keeps both: "between February 2022 and March 2022").
_SHARED_YEAR_OF_MONTHS = frozenset({"fr"})


# -- the calendar part -------------------------------------------------------------------------


def day_of_month(day: int) -> str:
    """The day's number as written before a month: "1" in English, "1er" in French."""
    return pgettext("the first day of a month, before its name", "1") if day == 1 else str(day)


def day_words(value: date) -> str:
    """A calendar day in words: "1 March 2022" / "1er mars 2022"."""
    return calendar_words(value.year, value.month, value.day)


def short_day_words(value: date) -> str:
    """A calendar day with its month abbreviated (CLDR): "1 Mar 2022" / "1er mars 2022"."""
    return _("{day} {month} {year}").format(
        day=day_of_month(value.day),
        month=month_name(value.month, abbreviated=True),
        year=value.year,
    )


def calendar_words(year: int, month: int | None = None, day: int | None = None) -> str:
    """A day, a month or a year in words, at the precision given and no finer."""
    return _calendar_words(language(), year, month, day)


# Remembered by language: an export of a million events names the same few hundred days
# over and over.
@lru_cache(maxsize=8192)
def _calendar_words(code: str, year: int, month: int | None, day: int | None) -> str:
    if day is not None and month is not None:
        return _("{day} {month} {year}").format(
            day=day_of_month(day), month=month_name(month), year=year
        )
    if month is not None:
        return _("{month} {year}").format(month=month_name(month, standalone=True), year=year)
    return str(year)


def weekday_name(weekday: int, *, abbreviated: bool = False) -> str:
    """The weekday's name from CLDR (0 is Monday): "Mon"/"lun.", "Monday"/"lundi"."""
    return _weekday_names(language(), abbreviated)[weekday]


@cache
def _weekday_names(code: str, abbreviated: bool) -> tuple[str, ...]:
    from babel.dates import get_day_names

    names = get_day_names("abbreviated" if abbreviated else "wide", "format", locale=code)
    return tuple(names[day] for day in range(7))


def _day_and_month(day: int, month: int) -> str:
    """The first end of "between 28 February and 2 March 2022": the year is said once."""
    return _("{day} {month}").format(day=day_of_month(day), month=month_name(month))


# -- the clock ---------------------------------------------------------------------------------


def clock_words(hour: int, minute: int | None = None, second: int | None = None) -> str:
    """A time of day at its precision, with no minute or second made up: "09h" / "14 h",
    "09:30" / "9 h 30", "09:30:15" / "9 h 30 min 15 s"."""
    return _clock_words(language(), hour, minute, second)


@lru_cache(maxsize=4096)
def _clock_words(code: str, hour: int, minute: int | None, second: int | None) -> str:
    from babel.dates import format_time

    # CLDR patterns (Babel's format_time) that each catalogue gives for its clock.
    if minute is None:
        pattern = pgettext("a time given to the hour, as a CLDR pattern", "HH'h'")
    elif second is None:
        pattern = pgettext("a time given to the minute, as a CLDR pattern", "HH:mm")
    else:
        pattern = pgettext("a time given to the second, as a CLDR pattern", "HH:mm:ss")
    return format_time(time(hour, minute or 0, second or 0), pattern, locale=code)


def time_words(point: DatePoint) -> str:
    """The point's time in words, with its zone as given ("09:30 UTC", "9 h 30 UTC+01:00");
    empty without a time."""
    if point.hour is None:
        return ""
    text = clock_words(point.hour, point.minute, point.second)
    if point.zone == "Z":
        return f"{text} UTC"
    return f"{text} UTC{point.zone}" if point.zone else text


# -- a point -----------------------------------------------------------------------------------


def point_words(point: DatePoint, *, about: bool = False) -> str:
    """The point alone, without its qualifiers: "1 March 2022", "1 March 2022, 09:30";
    ``about`` says the time is approximate ("1 March 2022, about 09:30")."""
    day = calendar_words(point.year, point.month, point.day)
    if point.hour is None:
        return day
    if about:
        return _("{day}, about {time}").format(day=day, time=time_words(point))
    return _("{day}, {time}").format(day=day, time=time_words(point))


def qualified_point_words(point: DatePoint) -> str:
    """The point with its qualifiers in words: "approximately March 2022" / "vers mars
    2022", "1 March 2022 (uncertain)" / "1er mars 2022 ?"."""
    if point.timed:  # the day is reported; the time of day is what is approximate
        text = point_words(point, about=point.approximate)
    elif point.approximate:
        text = _approximately(point, point_words(point))
    else:
        text = point_words(point)
    if point.uncertain:
        text = _("{date} (uncertain)").format(date=text)
    return text


def _approximately(point: DatePoint, text: str) -> str:
    # French says "vers le 1er mars 2022" but "vers mars 2022": two messages, one English.
    if point.day is not None:
        return pgettext("a day", "approximately {date}").format(date=text)
    return pgettext("a month or a year", "approximately {date}").format(date=text)


# -- an interval -------------------------------------------------------------------------------


def fuzzy_words(fuzzy: FuzzyDate) -> str:
    """The date in words, with its precision spelled out for a reader."""
    return _fuzzy_words(language(), fuzzy)


@lru_cache(maxsize=8192)  # dates are frozen values; a list or an export repeats many
def _fuzzy_words(code: str, fuzzy: FuzzyDate) -> str:
    if fuzzy.end is None:
        return qualified_point_words(fuzzy.start)
    return interval_words(fuzzy.start, fuzzy.end)


def interval_words(start: DatePoint, end: DatePoint) -> str:
    """ "between 21 and 27 February 2022" / "entre le 21 et le 27 février 2022"."""
    from desktopapp.domain.dates import DatePoint, Precision

    if start.timed or end.timed:
        return _timed_interval_words(start, end)
    if not (start.approximate or end.approximate) and Precision.DAY in (
        start.precision,
        end.precision,
    ):
        # A day at one end and a month or year at the other: both said as days, so the span
        # reads "between 2 and 31 March 2022", not "between 2 March 2022 and March 2022".
        first, last = start.first_day(), end.last_day()
        start = DatePoint(first.year, first.month, first.day, start.uncertain, False)
        end = DatePoint(last.year, last.month, last.day, end.uncertain, False)
    left = _end_words(start, _first_end_words(start, end))
    right = _end_words(end, calendar_words(end.year, end.month, end.day))
    return _with_uncertain_ends(
        _("between {start} and {end}").format(start=left, end=right), start, end
    )


def _first_end_words(start: DatePoint, end: DatePoint) -> str:
    """The first end, leaving out what the second end says for both (a month, a year)."""
    from desktopapp.domain.dates import Precision

    plain = not (start.approximate or end.approximate)
    same_year = start.year == end.year
    if plain and same_year and start.precision is end.precision is Precision.DAY:
        if start.month == end.month:
            return day_of_month(start.day or 1)
        return _day_and_month(start.day or 1, start.month or 1)
    months = start.precision is end.precision is Precision.MONTH
    if plain and same_year and months and language() in _SHARED_YEAR_OF_MONTHS:
        return month_name(start.month or 1, standalone=True)
    return calendar_words(start.year, start.month, start.day)


def _end_words(point: DatePoint, text: str) -> str:
    """One end of an interval: "21" / "le 21", "approximately 1 March 2022" / "le 1er mars
    2022 environ"."""
    text = _with_article(point, text)
    if point.approximate:
        text = pgettext("an approximate end of an interval", "approximately {date}").format(
            date=text
        )
    return text


def _with_article(point: DatePoint, text: str) -> str:
    """A day as one end of an interval: "21" / "le 21" (French puts an article before a day,
    none before a month or a year)."""
    if point.day is None:
        return text
    return pgettext("a day as one end of an interval", "{date}").format(date=text)


def _timed_interval_words(start: DatePoint, end: DatePoint) -> str:
    """ "between 09:30 and 11:00 on 1 March 2022" / "le 1er mars 2022, entre 9 h 30 et
    11 h", or with both days when they differ."""
    if start.timed and end.timed and start.first_day() == end.first_day():
        text = _("between {start} and {end} on {day}").format(
            start=_about_time(start),
            end=_about_time(end),
            day=calendar_words(start.year, start.month, start.day),
        )
    else:
        text = _("between {start} and {end}").format(
            start=_timed_end_words(start), end=_timed_end_words(end)
        )
    return _with_uncertain_ends(text, start, end)


def _about_time(point: DatePoint) -> str:
    if point.approximate:
        return _("about {time}").format(time=time_words(point))
    return time_words(point)


def _timed_end_words(point: DatePoint) -> str:
    """An end that may have a time, in an interval over several days: "1 March 2022, 09:30"
    / "le 1er mars 2022 à 9 h 30"."""
    if not point.timed:
        return _end_words(point, calendar_words(point.year, point.month, point.day))
    day = _with_article(point, calendar_words(point.year, point.month, point.day))
    if point.approximate:
        message = pgettext("one end of an interval", "{day}, about {time}")
    else:
        message = pgettext("one end of an interval", "{day}, {time}")
    return message.format(day=day, time=time_words(point))


def _with_uncertain_ends(text: str, start: DatePoint, end: DatePoint) -> str:
    if start.uncertain and end.uncertain:
        return _("{date} (uncertain)").format(date=text)
    if start.uncertain:
        return _("{date} (the start is uncertain)").format(date=text)
    if end.uncertain:
        return _("{date} (the end is uncertain)").format(date=text)
    return text


# -- for other programs ------------------------------------------------------------------------


def display_words(fuzzy: FuzzyDate) -> str:
    """The date as other programs show it (TimelineJS, calendars), its marks kept:
    '24 February 2022', 'March 2022~', '2022?', '1 March 2022, 09:30',
    'some day between 21 and 27 February 2022', 'some time between 09:30 and 11:00 on …'."""
    from desktopapp.domain.dates import qualifier_mark

    if fuzzy.end is None:
        return point_words(fuzzy.start) + qualifier_mark(fuzzy.start)
    timed = fuzzy.start.timed or fuzzy.end.timed
    if not (fuzzy.approximate or fuzzy.uncertain):
        interval = interval_words(fuzzy.start, fuzzy.end)  # "between 21 and 27 …"
    else:
        interval = _("between {start} and {end}").format(
            start=_with_article(
                fuzzy.start, point_words(fuzzy.start) + qualifier_mark(fuzzy.start)
            ),
            end=_with_article(fuzzy.end, point_words(fuzzy.end) + qualifier_mark(fuzzy.end)),
        )
    if timed:
        return _("some time {interval}").format(interval=interval)
    return _("some day {interval}").format(interval=interval)
