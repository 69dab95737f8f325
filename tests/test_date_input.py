"""Dates typed in EDTF, English or French, read without inventing precision."""

from __future__ import annotations

import calendar
import contextlib
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktopapp.domain.date_input import DateReading, read_date
from desktopapp.domain.dates import DateError, DatePoint, FuzzyDate
from desktopapp.domain.filter import FilterError, parse_user_date


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("1 March 2022", "2022-03-01"),
        ("March 1, 2022", "2022-03-01"),
        ("March 1st, 2022", "2022-03-01"),
        ("1er mars 2022", "2022-03-01"),
        ("le 1er mars 2022", "2022-03-01"),
        ("mardi 1er mars 2022", "2022-03-01"),
        ("Tuesday, 1 March 2022", "2022-03-01"),
        ("1 mars 2022", "2022-03-01"),
        ("1 févr. 2022", "2022-02-01"),
        ("15 aout 2021", "2021-08-15"),
        ("mars 2022", "2022-03"),
        ("March 2022", "2022-03"),
        ("2022", "2022"),
        ("25/3/2022", "2022-03-25"),
        ("between 21 and 27 February 2022", "2022-02-21/2022-02-27"),
        ("du 21 au 27 février 2022", "2022-02-21/2022-02-27"),
        ("entre le 21 et le 27 février 2022", "2022-02-21/2022-02-27"),
        ("du 1er au 3 mars 2022", "2022-03-01/2022-03-03"),
        ("21–27 Feb 2022", "2022-02-21/2022-02-27"),
        ("21-27 Feb 2022", "2022-02-21/2022-02-27"),
        ("21 Feb – 3 Mar 2022", "2022-02-21/2022-03-03"),
        ("February–March 2022", "2022-02/2022-03"),
        ("entre février et mars 2022", "2022-02/2022-03"),
        ("from 28 December to 3 January 2023", "2022-12-28/2023-01-03"),
        ("about March 2022", "2022-03~"),
        ("vers mars 2022", "2022-03~"),
        ("c. 1850", "1850~"),
        ("2 March 2022?", "2022-03-02?"),
        ("2 mars 2022 ?", "2022-03-02?"),
        ("vers le 2 mars 2022 ?", "2022-03-02%"),
        ("about 21–27 Feb 2022", "2022-02-21~/2022-02-27~"),
        ("  2022-03-01 ", "2022-03-01"),
        ("2022-02-21/2022-02-27", "2022-02-21/2022-02-27"),
        ("2022-03~", "2022-03~"),
        ("2022-03-01 09:30", "2022-03-01T09:30"),
        ("2022-03-01T09", "2022-03-01T09"),
        ("2022-03-01 09:30:15 UTC", "2022-03-01T09:30:15Z"),
        ("1 March 2022 09:30", "2022-03-01T09:30"),
        ("1 March 2022, 9am", "2022-03-01T09"),  # an hour stays an hour, not 09:00
        ("1 March 2022 9:00", "2022-03-01T09:00"),
        ("1er mars 2022 9h30", "2022-03-01T09:30"),
        ("1 March 2022 21:30 +01:00", "2022-03-01T21:30+01:00"),
        ("1 March 2022 09:30 UTC-5", "2022-03-01T09:30-05:00"),
        ("about 1 March 2022 09:30", "2022-03-01T09:30~"),
        ("1 March 2022, about 09:30", "2022-03-01T09:30~"),
        ("2 March 2022 10:00?", "2022-03-02T10:00?"),
        ("1 March 2022 09:30 to 1 March 2022 11:00", "2022-03-01T09:30/2022-03-01T11:00"),
    ],
)
def test_typed_dates_are_read_at_the_precision_given(text: str, edtf: str) -> None:
    assert read_date(text).edtf == edtf


def test_the_reading_says_how_it_was_understood() -> None:
    assert read_date("1er mars 2022") == DateReading("2022-03-01", "1 March 2022 (a day)", "day")
    assert read_date("mars 2022") == DateReading("2022-03", "March 2022 (a month)", "month")
    assert read_date("du 21 au 27 février 2022").words == (
        "some day between 21 and 27 February 2022"
    )
    assert read_date("vers mars 2022").words == "approximately March 2022 (a month)"
    assert read_date("2 mars 2022 ?").words == "2 March 2022 (a day, uncertain)"
    assert read_date("February–March 2022").precision == "interval"
    assert read_date("1 March 2022, 9am") == DateReading(
        "2022-03-01T09", "1 March 2022, 09h (an hour)", "hour"
    )
    assert read_date("2022-03-01 09:30 UTC").words == "1 March 2022, 09:30 UTC (a minute)"
    assert read_date("2022-03-01T09:30/2022-03-01T11:00").words == (
        "some time between 09:30 and 11:00 on 1 March 2022"
    )


def test_filters_by_day_still_take_a_day_and_take_a_time() -> None:
    """--from/--to and the filter fields: a day is still a day; a time keeps its day."""
    assert parse_user_date("2022-03-01") == date(2022, 3, 1)
    assert parse_user_date("1 March 2022 09:30") == date(2022, 3, 1)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("1 March", "has no year"),
        ("mars", "has no year"),
        ("1er mars", "has no year"),
        ("1 March 22", "write the year in full"),
        ("3/4/2022", "could be 3 April or March 4"),
        ("March 2022 10:00", "a time of day needs its day"),
        ("2 March 2022 UTC", "a zone needs a time of day"),
        ("2 March 2022 10:00 CET", "give a time's zone as UTC or as an offset"),
        ("2022-03-01 24:00", "there is no hour 24"),
        ("2022-03-01 09:61", "not a date I can read|no minute"),
        ("2 March 2022 10:00:01.5", "kept to the second"),
        ("31 février 2022", "names no real day"),
        ("2022-02-30", "has no day 30"),
        ("hello", "not a date I can read"),
        ("du 27 au 21 février 2022", "ends before it starts"),
        ("x" * 500, "too long"),
        ("mercredi 1er mars 2022", "1 March 2022 was a Tuesday, not a Wednesday"),
        ("Monday, March 1, 2022", "was a Tuesday, not a Monday"),
        ("mardi mars 2022", "a weekday needs a full date"),
    ],
)
def test_unreadable_or_imprecise_text_is_refused(text: str, message: str) -> None:
    with pytest.raises(DateError, match=message):
        read_date(text)


def test_a_refusal_is_one_short_line() -> None:
    with pytest.raises(DateError) as raised:
        read_date("about\nsome\ttime " * 7)
    assert "\n" not in str(raised.value) and len(str(raised.value)) < 150


# -- properties -------------------------------------------------------------------------------


@st.composite
def points(draw: st.DrawFn, min_year: int = 1) -> DatePoint:
    year = draw(st.integers(min_year, 9999))
    month = draw(st.none() | st.integers(1, 12))
    day = None
    if month is not None:
        day = draw(st.none() | st.integers(1, calendar.monthrange(year, month)[1]))
    hour = minute = second = zone = None
    if day is not None and draw(st.booleans()):
        hour = draw(st.integers(0, 23))
        minute = draw(st.none() | st.integers(0, 59))
        if minute is not None:
            second = draw(st.none() | st.integers(0, 59))
        zone = draw(st.sampled_from([None, "Z", "+01:00", "-05:30", "+00:00"]))
    return DatePoint(
        year,
        month,
        day,
        draw(st.booleans()),
        draw(st.booleans()),
        hour=hour,
        minute=minute,
        second=second,
        zone=zone,
    )


@st.composite
def fuzzy_dates(draw: st.DrawFn, min_year: int = 1) -> FuzzyDate:
    start = draw(points(min_year))
    if not draw(st.booleans()):
        return FuzzyDate(start)
    end = draw(points(min_year))
    if start.timed and end.timed:
        end = replace(end, zone=start.zone)  # an interval's times are in one zone
    if start.first_moment() > end.last_moment():
        start, end = end, start
    same = start.first_moment() == end.first_moment() and start.last_moment() == end.last_moment()
    if same or start.first_moment() > end.last_moment():
        return FuzzyDate(start)
    return FuzzyDate(start, end)


@given(fuzzy_dates())
def test_every_edtf_the_domain_produces_reads_back_unchanged(fuzzy: FuzzyDate) -> None:
    reading = read_date(fuzzy.edtf())
    assert reading.edtf == fuzzy.edtf()
    assert reading.precision == fuzzy.precision.value


@given(points(min_year=1000))
def test_a_point_in_words_reads_back_as_the_same_date(point: DatePoint) -> None:
    fuzzy = FuzzyDate(point)
    assert read_date(fuzzy.describe()).edtf == fuzzy.edtf()
    assert read_date(read_date(fuzzy.edtf()).words).edtf == fuzzy.edtf()


@given(st.text(max_size=80))
def test_random_text_raises_nothing_but_date_error(text: str) -> None:
    try:
        reading = read_date(text)
    except DateError:
        return
    assert read_date(reading.edtf) == reading  # whatever was read is a valid stored date


TIME_WORDS = st.sampled_from(
    ["2022-03-01", "1 March 2022", "T", " ", ":", "09", "9", "30", "99", "24", "60", "am",
     "pm", "h", "UTC", "Z", "+01:00", "-5", "+99", "CET", "about", "~", "?", "/", "to", ","]
)  # fmt: skip


@given(st.lists(TIME_WORDS, max_size=8).map("".join))
def test_time_like_text_raises_nothing_but_date_error(text: str) -> None:
    try:
        reading = read_date(text)
    except DateError as error:
        assert "\n" not in str(error)
        return
    assert read_date(reading.edtf) == reading


@given(
    st.lists(
        st.sampled_from(
            [
                "1er",
                "le",
                "du",
                "au",
                "entre",
                "et",
                "between",
                "and",
                "vers",
                "about",
                "?",
                "~",
                "–",
                "-",
                "/",
                "mars",
                "March",
                "février",
                "2022",
                "21",
                "27",
                "31",
                "3.4",
                "1",
                "12",
                ",",
                "(uncertain)",
                "to",
                "from",
                "0",
                "99999",
            ]
        ),
        max_size=8,
    )
)
def test_date_like_word_salads_raise_nothing_but_date_error(words: list[str]) -> None:
    with contextlib.suppress(DateError):
        read_date(" ".join(words))


# -- the filter's date fields and --from/--to read French too ---------------------------------


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        ("1er mars 2022", False, date(2022, 3, 1)),
        ("1 mars 2022", False, date(2022, 3, 1)),
        ("mars 2022", False, date(2022, 3, 1)),
        ("mars 2022", True, date(2022, 3, 31)),
        ("21 févr. 2022", False, date(2022, 2, 21)),
        ("février 2022", True, date(2022, 2, 28)),
        ("1 March 2022", False, date(2022, 3, 1)),
    ],
)
def test_the_filter_reads_french_dates(text: str, end: bool, expected: date) -> None:
    assert parse_user_date(text, end_of_period=end) == expected


@pytest.mark.parametrize("text", ["1er mars", "mars", "mardi"])
def test_the_filter_refuses_french_dates_without_a_year(text: str) -> None:
    with pytest.raises(FilterError):
        parse_user_date(text)
