"""Dates as a person types them, in English or French, read into honest EDTF.

``read_date`` accepts the EDTF the timeline stores (``2022-03-01``, ``2022-03~``,
``2022-02-21/2022-02-27``) and free text: "1 March 2022", "March 1, 2022", "1er mars 2022",
"mars 2022", "2022", "between 21 and 27 February 2022", "du 21 au 27 février 2022",
"21–27 Feb 2022", "about March 2022" / "vers mars 2022" (approximate, ``~``) and
"2 March 2022?" / "2 mars 2022 ?" (uncertain, ``?``), and a time of day on a day:
"2022-03-01 09:30", "1 March 2022 09:30", "1 March 2022, 9am" (an hour), "1er mars 2022 9h30",
with a zone only when one is written ("09:30 UTC", "09:30 +01:00"; a zone named otherwise,
such as "CET", is refused rather than guessed at).

It never invents precision: a month stays a month, day-less text is not day 1, an hour is
not made 09:00, and text
without a year is refused rather than read in the current year. Day and month written as
numbers ("3/4/2022") are refused when they could be either way round. python-dateutil reads
each date, with a :class:`parserinfo` that also knows the French month and weekday names;
the French words around dates ("1er", "du … au", "vers") are handled here.
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Literal

from babel.dates import get_day_names, get_month_names
from dateutil import parser as date_parser

from desktopapp.domain.date_words import calendar_words, day_of_month, weekday_name
from desktopapp.domain.dates import DateError, FuzzyDate, Precision, parse_edtf
from desktopapp.domain.l10n import N_, _, month_name

MAX_LENGTH = 120  # a date is a few words; a pasted paragraph is not a date

# The languages whose month and weekday names a typed date may use, besides dateutil's
# English ones: every language the application speaks.
TYPED_LANGUAGES = ("fr",)


def _unaccented(word: str) -> str:
    """ "février" as "fevrier": typed without its accents, as on a keyboard without them."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


_WIDTHS: tuple[Literal["wide", "abbreviated"], ...] = ("wide", "abbreviated")
_CONTEXTS: tuple[Literal["format", "stand-alone"], ...] = ("format", "stand-alone")


def _cldr_forms(kind: Literal["months", "weekdays"]) -> list[set[str]]:
    """Each month's or weekday's names in the typed languages from CLDR, wide and abbreviated,
    in both grammatical contexts, with and without accents and the abbreviation's full stop
    ("févr.", "févr", "fevr", "février", "fevrier"). CLDR numbers months from 1, weekdays
    from 0 (Monday), as dateutil orders them."""
    first, count = (1, 12) if kind == "months" else (0, 7)
    forms: list[set[str]] = [set() for _ in range(count)]
    for code in TYPED_LANGUAGES:
        for width in _WIDTHS:
            for context in _CONTEXTS:
                if kind == "months":
                    names = get_month_names(width, context, code)
                else:
                    names = get_day_names(width, context, code)
                for index in range(first, first + count):
                    word = str(names[index]).lower().rstrip(".")
                    forms[index - first] |= {word, _unaccented(word)}
    return forms


def _names(english: Sequence[tuple[str, ...]], others: list[set[str]], taken: set[str]) -> Any:
    """dateutil's English names of each month or weekday, then the other languages' names
    that do not already name something else in English (French "mar." is Tuesday, but "Mar"
    is March)."""
    return [
        (*ours, *sorted(theirs - taken - {o.lower() for o in ours}))
        for ours, theirs in zip(english, others, strict=True)
    ]


def _english_words(*tables: Sequence[tuple[str, ...]]) -> set[str]:
    return {name.lower() for table in tables for names in table for name in names}


class EnglishFrenchParserInfo(date_parser.parserinfo):
    """dateutil's English names plus CLDR's French ones, and the French "1er" and "le"."""

    _ENGLISH = _english_words(date_parser.parserinfo.MONTHS, date_parser.parserinfo.WEEKDAYS)
    # Typed by the stubs as (short, long) pairs; dateutil takes any number of names.
    MONTHS = _names(date_parser.parserinfo.MONTHS, _cldr_forms("months"), _ENGLISH)
    WEEKDAYS = _names(date_parser.parserinfo.WEEKDAYS, _cldr_forms("weekdays"), _ENGLISH)
    JUMP = date_parser.parserinfo.JUMP + ["er", "le", "à"]  # noqa: RUF005


PARSER_INFO = EnglishFrenchParserInfo()


@dataclass(frozen=True)
class DateReading:
    """How a typed date was understood: its EDTF, the date in words, and its precision."""

    edtf: str
    words: str  # "1 March 2022 (a day)", "un jour entre le 21 et le 27 février 2022"
    precision: str  # a Precision value: "day", "month", "year" or "interval"


def read_date(text: str) -> DateReading:
    """Read EDTF or English/French free text; raise DateError saying what is wrong."""
    if not isinstance(text, str):
        raise DateError(_("a date must be text, not {kind}").format(kind=type(text).__name__))
    cleaned = " ".join(text.split())  # the narrow no-break spaces of French words too
    if not cleaned:
        raise DateError(_("the date is empty"))
    if len(cleaned) > MAX_LENGTH or "\x00" in cleaned:
        raise DateError(_("{date} is too long to be a date").format(date=_echo(text)))
    if _EDTF_SHAPE.fullmatch(cleaned) and not _NUMERIC_DATE.fullmatch(cleaned):
        return reading(parse_edtf(cleaned))
    iso = _ISO_DATE_TIME.fullmatch(cleaned)
    if iso:  # "2022-03-01 09:30": ISO with a space, which the interval patterns would split
        return reading(parse_edtf(f"{iso['day']}T{iso['time']}{_zone(iso['zone'])}{iso['q']}"))
    return reading(parse_edtf(_free_text_to_edtf(cleaned)))


def reading(fuzzy: FuzzyDate) -> DateReading:
    """The DateReading of a parsed date."""
    return DateReading(fuzzy.edtf(), _words(fuzzy), fuzzy.precision.value)


def _words(fuzzy: FuzzyDate) -> str:
    """The reading in the current language: "1 March 2022 (a day)", "1er mars 2022 (un
    jour)", "some day between …" / "un jour entre …"."""
    if fuzzy.end is not None:
        described = fuzzy.describe()
        days = fuzzy.start.precision is Precision.DAY and fuzzy.end.precision is Precision.DAY
        if days:
            return _("some day {interval}").format(interval=described)
        return _("some time {interval}").format(interval=described)
    point = fuzzy.start
    described = FuzzyDate(replace(point, uncertain=False)).describe()
    certain, uncertain = _PRECISION_WORDS[fuzzy.precision]
    return _(uncertain if point.uncertain else certain).format(date=described)


# What a reading says of its precision, when certain and when uncertain (French genders
# differ: "une année, incertaine").
_PRECISION_WORDS = {
    Precision.SECOND: (N_("{date} (a second)"), N_("{date} (a second, uncertain)")),
    Precision.MINUTE: (N_("{date} (a minute)"), N_("{date} (a minute, uncertain)")),
    Precision.HOUR: (N_("{date} (an hour)"), N_("{date} (an hour, uncertain)")),
    Precision.DAY: (N_("{date} (a day)"), N_("{date} (a day, uncertain)")),
    Precision.MONTH: (N_("{date} (a month)"), N_("{date} (a month, uncertain)")),
    Precision.YEAR: (N_("{date} (a year)"), N_("{date} (a year, uncertain)")),
}

_EDTF_SHAPE = re.compile(r"[0-9?~%/\-]+(?:T[0-9:]+(?:Z|[+-][0-9:]+)?[?~%]?(?:/.*)?)?")
_ISO_DATE_TIME = re.compile(
    r"(?P<day>[0-9]{4}-[0-9]{2}-[0-9]{2})[ T](?P<time>[0-9]{2}(?::[0-9]{2}){0,2})"
    r"\s*(?P<zone>Z|UTC|GMT|(?:UTC|GMT)?\s*[+-][0-9]{2}(?::?[0-9]{2})?)?\s*(?P<q>[?~%]?)"
)
# A zone written after a time of day: "Z", "UTC", "GMT", "+01:00", "UTC+1:00", "-0500".
_ZONE_AFTER_TIME = re.compile(
    r"(?:(?<=[0-9h])|(?<=[ap]m)|(?<=\.m\.))\s*(?P<zone>Z|UTC|GMT|(?:UTC|GMT)?\s*[+-][0-9]{1,2}(?::?[0-9]{2})?)$",
    re.IGNORECASE,
)

_APPROXIMATE = re.compile(
    r"^(?:about|around|circa|c\.|ca\.|approximately|roughly|"
    r"vers(?: le)?|environ|approximativement|autour du|autour de|aux alentours du|"
    r"aux alentours de)\s+",
    re.IGNORECASE,
)
_APPROXIMATE_AFTER = re.compile(r"\s+environ$", re.IGNORECASE)  # "le 1er mars 2022 environ"
_UNCERTAIN = re.compile(r"\s*(?:\?|\(uncertain\)|\(incertaine?\))$", re.IGNORECASE)
_INTERVALS = [
    re.compile(r"^(?:between|entre)\s+(?:le\s+)?(.+?)\s+(?:and|et)\s+(?:le\s+)?(.+)$", re.I),
    re.compile(r"^(?:from|du|de)\s+(.+?)\s+(?:to|until|till|au|à)\s+(?:le\s+)?(.+)$", re.I),
    re.compile(r"^(.+?)\s+(?:to|until|till|au)\s+(?:le\s+)?(.+)$", re.I),
    re.compile(r"^(.+?)\s*[–—]\s*(.+)$"),
    re.compile(r"^(.*?[0-9a-zé.])\s*-\s*(.+)$", re.I),  # 21-27 Feb 2022, not an ISO date
]
_NUMERIC_DATE = re.compile(r"\b([0-9]{1,2})[/.]([0-9]{1,2})[/.]([0-9]{2,4})\b")


def _free_text_to_edtf(text: str) -> str:
    """The EDTF for a date written in words, qualifiers and intervals included."""
    _refuse_vague_part(text)
    body, uncertain_said = _strip_our_own_words(french_clock_read(text))
    body, approximate = _strip_approximate(body)
    body, uncertain = _strip_uncertain(body)
    body, approximate_inside = _strip_approximate(body)  # "vers mars 2022 ?" either way round
    uncertain = uncertain or uncertain_said
    body, uncertain_end = _strip_uncertain_end(body)
    body = _one_day_span(body)
    body, zone = _strip_zone(body)  # "09:30 to 11:00 UTC": before "-05:00" reads as a span
    for pattern in _INTERVALS:
        match = pattern.fullmatch(body)
        if match:
            start, end = (_zoned(f, zone, text) for f in _interval(match[1], match[2], text))
            first = _qualifier(
                uncertain or uncertain_end == "start", approximate or start.approximate
            )
            last = _qualifier(uncertain or uncertain_end == "end", approximate or end.approximate)
            return f"{start.edtf()}{first}/{end.edtf()}{last}"
    if uncertain_end:
        raise DateError(
            _("{date}: only an interval has a start and an end").format(date=_echo(text))
        )
    point = _zoned(_point(body, text), zone, text)
    approximate = approximate or approximate_inside or point.approximate
    return point.edtf() + _qualifier(uncertain, approximate)


_OUR_PRECISION = re.compile(
    r"\s*\((?:an? (?:second|minute|hour|day|month|year)(, uncertain)?|"
    r"(?:au|à la|à l’) ?(?:seconde|minute|heure|jour|mois|année) près(, incertaine)?)\)$"
)
_OUR_INTERVAL = re.compile(
    r"^(?:some (?:day|time) (?=between )|(?:un jour|à un moment) (?=entre |le ))"
)
# A span of times within one day, as our words say it: "between 09:30 and 11:00 on 1 March
# 2022", "le 1er mars 2022, entre 9 h 30 et 11 h".
_ONE_DAY_SPANS = [
    re.compile(r"^between\s+(?P<start>.+?)\s+and\s+(?P<end>.+?)\s+on\s+(?P<day>.+)$", re.I),
    re.compile(r"^(?:le\s+)?(?P<day>.+?),?\s+entre\s+(?P<start>.+?)\s+et\s+(?P<end>.+)$", re.I),
]
_JUST_A_TIME = re.compile(
    r"^(?:(?:about|around|vers)\s+)?[0-9]{1,2}(?:[:h][0-9:]*| ?[ap]\.?m\.?)?$", re.I
)


def _one_day_span(text: str) -> str:
    """ "between 09:30 and 11:00 on 1 March 2022" as "between 1 March 2022 09:30 and 1 March
    2022 11:00", which the interval patterns read; other text unchanged."""
    for pattern in _ONE_DAY_SPANS:
        match = pattern.fullmatch(text)
        if match and all(_JUST_A_TIME.fullmatch(match[end]) for end in ("start", "end")):
            day = match["day"]
            return f"between {day} {match['start']} and {day} {match['end']}"
    return text


def _strip_our_own_words(text: str) -> tuple[str, bool]:
    """The words of a DateReading read back: "1 March 2022 (a day, uncertain)"."""
    text = _OUR_INTERVAL.sub("", text)
    match = _OUR_PRECISION.search(text)
    if match:
        return text[: match.start()], bool(match.group(1) or match.group(2))
    return text, False


# "late February", "fin février": no source-given bounds, so no honest EDTF either (which days
# would "late" take?). Refused with a way to say it: the interval the reader has in mind.
_VAGUE_PART = re.compile(
    r"^(?P<word>early|mid|late|the end of|the start of|the beginning of|"
    r"début|mi|fin|courant)(?:-|\s+)(?:de\s+|d’|d'|du\s+)?(?=[^\W\d_])",
    re.IGNORECASE,
)


def _refuse_vague_part(text: str) -> None:
    match = _VAGUE_PART.match(text)
    if match:
        raise DateError(
            _(
                "{date}: “{word}” names no exact days; give them as an interval (for "
                "example “from 21 to 28 February 2022”)"
            ).format(date=_echo(text), word=match["word"])
        )


_UNCERTAIN_END = re.compile(
    r"\s*\((?:the (?P<which>start|end) is uncertain|(?P<quelle>début|fin) incertaine?)\)$",
    re.IGNORECASE,
)


def _strip_uncertain_end(text: str) -> tuple[str, str]:
    """Our words for one uncertain end read back: "(the start is uncertain)", "(fin
    incertaine)"; the end named, "start" or "end", or "" when none is."""
    match = _UNCERTAIN_END.search(text)
    if not match:
        return text, ""
    which = match["which"] or ("start" if match["quelle"].lower() == "début" else "end")
    return text[: match.start()].strip(), which.lower()


def _strip_approximate(text: str, *, after: bool = False) -> tuple[str, bool]:
    """The text without its word for "approximately", and whether it had one; ``after``
    also takes the French "environ" after a date (one end of an interval: "entre 1900 et
    1901 environ" makes only 1901 approximate)."""
    match = _APPROXIMATE.match(text)
    if match:
        return text[match.end() :].strip(), True
    if text.endswith("~"):
        return text[:-1].strip(), True
    follows = _APPROXIMATE_AFTER.search(text) if after else None
    if follows:
        return text[: follows.start()].strip(), True
    return text, False


def _strip_uncertain(text: str) -> tuple[str, bool]:
    match = _UNCERTAIN.search(text)
    if match:
        return text[: match.start()].strip(), True
    return text, False


def _qualifier(uncertain: bool, approximate: bool) -> str:
    if uncertain and approximate:
        return "%"
    return "~" if approximate else "?" if uncertain else ""


@dataclass(frozen=True)
class _Fields:
    """What the text gave of a date; None for what it did not say."""

    year: int | None
    month: int | None
    day: int | None
    approximate: bool = False  # one end of "between about March and about May 2022"
    clock: str = ""  # the time of day at its precision, "09", "09:30", "09:30:15", and zone

    def edtf(self) -> str:
        if self.year is None:
            raise AssertionError("a date without a year has no EDTF")
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}"
                text += f"T{self.clock}" if self.clock else ""
        return text


def _zoned(fields: _Fields, zone: str, whole: str) -> _Fields:
    """The fields with the zone written after the whole date, if it has a time and no zone."""
    if not zone or any(sign in fields.clock for sign in "Z+-"):
        return fields  # no zone written after the date, or the time has its own
    if not fields.clock:
        raise DateError(
            _("{date}: a zone needs a time of day to belong to").format(date=_echo(whole))
        )
    return _Fields(fields.year, fields.month, fields.day, fields.approximate, fields.clock + zone)


def _interval(left: str, right: str, whole: str) -> tuple[_Fields, _Fields]:
    """Both ends of "21 and 27 February 2022": the first end takes what it leaves out (the
    month, the year) from the second, the usual way of writing a span."""
    end = _point(right, whole)
    start = _fields(left, whole)
    if start.year is None:
        month = start.month if start.month is not None else end.month
        if start.day is not None and month is None:
            raise DateError(
                _("{date}: say which month the interval starts in").format(date=_echo(whole))
            )
        year = end.year or 0
        if start.month is not None and end.month is not None and start.month > end.month:
            year -= 1  # "du 28 décembre au 3 janvier 2023" starts in 2022
        start = _Fields(year, month, start.day, start.approximate, start.clock)
    return _checked(start, whole), end


def _point(text: str, whole: str) -> _Fields:
    fields = _fields(text, whole)
    if fields.year is None:
        raise DateError(
            _("{date} has no year; give it (for example “1 March 2022” or 2022-03-01)").format(
                date=_echo(whole)
            )
        )
    return _checked(fields, whole)


def _checked(fields: _Fields, whole: str) -> _Fields:
    if fields.day is not None and fields.month is None:
        raise DateError(_("{date}: a day needs its month").format(date=_echo(whole)))
    if fields.clock and fields.day is None:
        raise DateError(_("{date}: a time of day needs its day").format(date=_echo(whole)))
    return fields


# Two defaults that differ in every field (both leap years, both months of 31 days): what
# comes out the same from both was typed; what differs was not.
_LOW = datetime(2000, 1, 1, 0, 0, 0)
_HIGH = datetime(2004, 3, 2, 1, 1, 1)


def _fields(text: str, whole: str) -> _Fields:
    """The year, month and day written in ``text`` (any of them may be missing)."""
    text, approximate = _strip_approximate(
        french_ordinals_read(text.strip().strip(",").strip()), after=True
    )
    text, approximate_time = _ABOUT_TIME.subn(" ", text)  # our words: "1 March 2022, about 09:30"
    approximate = approximate or bool(approximate_time)
    text, zone = _strip_zone(text)
    if not text:
        raise DateError(_("{date} is not a date I can read").format(date=_echo(whole)))
    numeric = _NUMERIC_DATE.fullmatch(text)
    if numeric:
        return _numeric_fields(*numeric.groups(), whole=whole)
    if re.fullmatch(r"[0-9]{1,2}", text):
        return _Fields(None, None, int(text), approximate)  # "21" in "21–27 Feb 2022"
    try:
        low = date_parser.parse(text, parserinfo=PARSER_INFO, default=_LOW, ignoretz=True)
        high = date_parser.parse(text, parserinfo=PARSER_INFO, default=_HIGH, ignoretz=True)
    except (ValueError, OverflowError, TypeError) as error:
        if "out of range" in str(error):  # dateutil's words for 31 February
            raise DateError(_("{date} names no real day").format(date=_echo(whole))) from error
        raise DateError(
            _(
                "{date} is not a date I can read (try “1 March 2022”, “1er mars 2022” or "
                "2022-03-01)"
            ).format(date=_echo(whole))
        ) from error
    _refuse_named_zone(text, whole)
    year = low.year if low.year == high.year else None
    if year is not None and str(year) not in re.findall(r"[0-9]+", text):
        raise DateError(_(_YEAR_IN_FULL).format(date=_echo(whole)))
    fields = _Fields(
        year,
        low.month if low.month == high.month else None,
        low.day if low.day == high.day else None,
        approximate,
        _clock(low, high, whole) + zone,
    )
    _check_weekday(text, fields, whole)
    return fields


_ABOUT_TIME = re.compile(r",?\s+(?:about|around|vers)\s+(?=[0-9])", re.IGNORECASE)


def _clock(low: datetime, high: datetime, whole: str) -> str:
    """The time of day the text gave, at its precision: what the two defaults agree on."""
    typed = [low.hour == high.hour, low.minute == high.minute, low.second == high.second]
    if not any(typed):
        return ""
    if typed != sorted(typed, reverse=True):  # a minute without its hour, say
        raise DateError(_("{date} is not a time of day I can read").format(date=_echo(whole)))
    if low.microsecond:
        raise DateError(
            _("{date}: a time is kept to the second; leave out its fraction").format(
                date=_echo(whole)
            )
        )
    parts = (low.hour, low.minute, low.second)[: typed.count(True)]
    return ":".join(f"{part:02d}" for part in parts)


def _strip_zone(text: str) -> tuple[str, str]:
    """The text without the zone after its time, and that zone in EDTF ("Z", "+01:00")."""
    match = _ZONE_AFTER_TIME.search(text)
    if not match:
        return text, ""
    return text[: match.start()].strip(), _zone(match["zone"])


def _zone(written: str | None) -> str:
    """A written zone as EDTF writes it: "UTC" is "Z", "+1" is "+01:00"; "" when none."""
    if not written:
        return ""
    offset = re.search(r"([+-])([0-9]{1,2}):?([0-9]{2})?$", written)
    if offset is None:
        return "Z"
    sign, hours, minutes = offset.groups()
    return f"{sign}{int(hours):02d}:{minutes or '00'}"


def _refuse_named_zone(text: str, whole: str) -> None:
    """dateutil, told to ignore zones, drops "CET" or "EST" without a word: a time in an
    unknown zone would then read as a time with none. A named zone is refused instead."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        parsed = date_parser.parse(text, parserinfo=PARSER_INFO, default=_LOW)
    if parsed.tzinfo is not None or caught:
        raise DateError(
            _("{date}: give a time's zone as UTC or as an offset such as +01:00").format(
                date=_echo(whole)
            )
        )


_YEAR_IN_FULL = N_("{date}: write the year in full (for example 2022, not 22)")


def _check_weekday(text: str, fields: _Fields, whole: str) -> None:
    """dateutil reads "mardi 2 mars 2022" and drops the weekday; a weekday that disagrees
    with the date is a mistake in one of them, so say which day it really was."""
    named = [PARSER_INFO.weekday(word) for word in re.findall(r"[^\W\d_]+", text)]
    weekdays = [day for day in named if day is not None]
    if not weekdays:
        return
    if fields.year is None or fields.month is None or fields.day is None:
        raise DateError(
            _("{date}: a weekday needs a full date (day, month and year)").format(date=_echo(whole))
        )
    actual = datetime(fields.year, fields.month, fields.day).weekday()
    if weekdays[0] != actual:
        raise DateError(
            _("{date}: {day} was a {weekday}, not a {typed}").format(
                date=_echo(whole),
                day=calendar_words(fields.year, fields.month, fields.day),
                weekday=weekday_name(actual),
                typed=weekday_name(weekdays[0]),
            )
        )


_FRENCH_CLOCK = re.compile(
    r"\b(?P<h>[0-9]{1,2}) ?h(?: ?(?P<m>[0-9]{2})(?: ?min ?(?P<s>[0-9]{2}) ?s)?)?\b(?!:)",
    re.IGNORECASE,
)


def french_clock_read(text: str) -> str:
    """French times, "9 h 30", "14 h", "9 h 30 min 15 s", as dateutil reads them: "09:30",
    "14h", "09:30:15" (an hour alone stays an hour)."""

    def clock(match: re.Match[str]) -> str:
        if match["m"] is None:
            return f"{int(match['h']):02d}h"
        return ":".join(part for part in (f"{int(match['h']):02d}", match["m"], match["s"]) if part)

    return _FRENCH_CLOCK.sub(clock, text)


def french_ordinals_read(text: str) -> str:
    """ "1er mars" is the French first of the month: "1 mars" for dateutil."""
    return re.sub(r"\b1(?:er|re)\b", "1", text, flags=re.IGNORECASE)


def _numeric_fields(first: str, second: str, year: str, *, whole: str) -> _Fields:
    """ "25/3/2022" is read when only one reading is a real date; "3/4/2022" is refused:
    3 April in French and British use, March 4 in American."""
    if len(year) != 4:
        raise DateError(_(_YEAR_IN_FULL).format(date=_echo(whole)))
    a, b = int(first), int(second)
    if a > 12 and b > 12:
        raise DateError(
            _("{date} is not a date: neither {a} nor {b} is a month").format(
                date=_echo(whole), a=a, b=b
            )
        )
    if a > 12 >= b:
        return _Fields(int(year), b, a)
    if b > 12 >= a:
        return _Fields(int(year), a, b)
    if a == b:
        return _Fields(int(year), a, a)
    raise DateError(
        _("{date} could be {first} or {second}; write the month in words or use YYYY-MM-DD").format(
            date=_echo(whole), first=_day_month(a, b), second=_month_day(b, a)
        )
    )


def _day_month(day: int, month: int) -> str:
    """ "3 April": day first, as in French and British use."""
    return _("{day} {month}").format(day=day_of_month(day), month=month_name(month))


def _month_day(day: int, month: int) -> str:
    """ "March 4": month first, as in American use (the same in every language: it names
    how the digits may have been meant)."""
    return f"{month_name(month)} {day}"


def _echo(value: str, limit: int = 60) -> str:
    flat = " ".join(value.split())
    return repr(flat if len(flat) <= limit else flat[: limit - 1] + "…")
