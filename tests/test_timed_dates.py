"""Times of day in dates (#12): a time is kept at the precision given, never invented nor
dropped, its zone kept as written; every view and export words it, ICS writes it as a timed
event, and the properties of parsing and formatting hold for timed dates too."""

from __future__ import annotations

import dataclasses
import re
import shutil
from datetime import date

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktopapp.db.engine import open_database
from desktopapp.db.repository import EventRepository
from desktopapp.domain.dates import TIMED, DateError, DatePoint, FuzzyDate, parse_edtf
from desktopapp.domain.model import Event, EventRow
from desktopapp.domain.timescale import TimeScale
from desktopapp.export.datewords import display_date
from desktopapp.export.ics import events_calendar
from desktopapp.export.timelinejs import slide, timelinejs_csv
from desktopapp.ingest.annotations import load_annotations
from desktopapp.ingest.builder import build_database
from desktopapp.ingest.bundled import annotations_path
from desktopapp.render.marks import MarkShape, MarkStyle, mark_span
from desktopapp.ui.event_table import short_date

# Events of the sample given times of day (the annotation file takes them as it is).
TIMED_DATES = {
    "netflix-refuses-state-channels": "2022-02-28T09:30",
    "hm-pauses-sales": "2022-03-01T14",
    "sap-pauses-sales": "2022-03-02T23:30+01:00~",
    "gm-export-halt": "2022-02-24T08:15:30Z",
    "apple-export-halt": "2022-02-21T09:30/2022-02-21T11:00",
}


@pytest.fixture(scope="module")
def timed_events(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Event]:
    folder = tmp_path_factory.mktemp("timed")
    source = annotations_path()
    text = source.read_text(encoding="utf-8")
    for key, edtf in TIMED_DATES.items():
        text, count = re.subn(
            rf'(id = "{key}"\n(?:.*\n)*?date = )"[^"]*"', rf'\1"{edtf}"', text, count=1
        )
        assert count == 1, key
    (folder / source.name).write_text(text, encoding="utf-8")
    for other in source.parent.glob("*.txt"):
        shutil.copy(other, folder / other.name)
    path = folder / "timed.sqlite3"
    build_database(load_annotations(folder / source.name), path)
    engine = open_database(path)
    try:
        return {e.key: e for e in EventRepository(engine).events() if e.key in TIMED_DATES}
    finally:
        engine.dispose()


def test_the_database_keeps_the_time_and_its_precision(timed_events: dict[str, Event]) -> None:
    assert {key: e.date.edtf() for key, e in timed_events.items()} == TIMED_DATES
    assert timed_events["hm-pauses-sales"].date.precision.value == "hour"
    assert timed_events["gm-export-halt"].date.precision.value == "second"


def test_words_in_lists_and_exports(timed_events: dict[str, Event]) -> None:
    def said(key: str) -> tuple[str, str, str]:
        fuzzy = timed_events[key].date
        return fuzzy.describe(), display_date(fuzzy), short_date(fuzzy)

    assert said("netflix-refuses-state-channels") == (
        "28 February 2022, 09:30",
        "28 February 2022, 09:30",
        "28 Feb 2022 09:30",
    )
    assert said("hm-pauses-sales")[0] == "1 March 2022, 14h"  # no minutes made up
    assert said("sap-pauses-sales") == (
        "2 March 2022, about 23:30 UTC+01:00",
        "2 March 2022, 23:30 UTC+01:00~",
        "~ 2 Mar 2022 23:30 UTC+01:00",
    )
    assert said("apple-export-halt")[:2] == (
        "between 09:30 and 11:00 on 21 February 2022",
        "some time between 09:30 and 11:00 on 21 February 2022",
    )


def _calendar(timed_events: dict[str, Event]) -> dict[str, icalendar.Event]:
    data = events_calendar(timed_events.values(), {"built_at": "2024-01-01T00:00:00"}, "t")
    calendar = icalendar.Calendar.from_ical(data)
    return {str(e["uid"]).split("@")[0]: e for e in calendar.walk("VEVENT")}


def test_ics_writes_a_timed_start_floating_or_utc_as_the_date_says(
    timed_events: dict[str, Event],
) -> None:
    entries = _calendar(timed_events)
    floating = entries["netflix-refuses-state-channels"]
    assert floating["dtstart"].to_ical() == b"20220228T093000"  # no zone: floating local
    assert "VALUE" not in floating["dtstart"].params and "TZID" not in floating["dtstart"].params
    assert "dtend" not in floating  # a moment, not an hour-long slot
    assert str(floating["summary"]) == timed_events["netflix-refuses-state-channels"].title
    assert entries["gm-export-halt"]["dtstart"].to_ical() == b"20220224T081530Z"
    offset = entries["sap-pauses-sales"]
    assert offset["dtstart"].to_ical() == b"20220302T223000Z"  # the same instant, in UTC
    assert "Placed at 23:30:00 on 2022-03-02 (23:30 UTC+01:00, written here in UTC)" in str(
        offset["description"]
    )
    hour = entries["hm-pauses-sales"]
    assert hour["dtstart"].to_ical() == b"20220301T140000"
    assert str(hour["summary"]).endswith("(1 March 2022, 14h)")
    assert (
        "Placed at 14:00:00 on 2022-03-01, the start of the hour 14h: the sources do not "
        "give the minute" in str(hour["description"]).replace("\n", " ")
    )
    # A span within a day is not passed off as a two-hour event: its first moment, in words.
    span = entries["apple-export-halt"]
    assert span["dtstart"].to_ical() == b"20220221T093000" and "dtend" not in span
    assert str(span["summary"]).endswith("(some time between 09:30 and 11:00 on 21 February 2022)")
    assert "the earliest time this date allows" in str(span["description"])


def test_timelinejs_writes_hour_minute_second(timed_events: dict[str, Event]) -> None:
    seconds = slide(timed_events["gm-export-halt"], None)
    assert seconds["start_date"] == {
        "year": 2022,
        "month": 2,
        "day": 24,
        "hour": 8,
        "minute": 15,
        "second": 30,
    }
    assert seconds["display_date"] == "24 February 2022, 08:15:30 UTC"  # the zone in words
    assert slide(timed_events["hm-pauses-sales"], None)["start_date"]["hour"] == 14
    assert "minute" not in slide(timed_events["hm-pauses-sales"], None)["start_date"]
    sheet = timelinejs_csv([timed_events["hm-pauses-sales"]], *_no_lanes())
    assert "2022,3,1,2 PM," in sheet  # an hour alone: not "14:00"


def _no_lanes() -> tuple:
    from desktopapp.domain.grouping import Grouping

    return Grouping.NONE, {}


def test_a_timed_mark_is_a_dot_like_a_day() -> None:
    for precision in TIMED:
        assert MarkStyle.of_date(precision, False, False, False).shape is MarkShape.DOT
    assert MarkStyle.of_date("minute", True, False, False).shape is MarkShape.BAR


def _row(edtf: str) -> EventRow:
    fuzzy = parse_edtf(edtf)
    return EventRow(
        1, "t", "x", edtf, fuzzy.earliest(), fuzzy.latest(), fuzzy.precision.value,
        fuzzy.approximate, fuzzy.uncertain,
    )  # fmt: skip


def test_a_timed_mark_sits_at_its_time_within_the_day() -> None:
    """At 2,400 px a day: a day's dot in the middle, 06:00 a quarter in (the middle of that
    minute), an hour in the middle of the hour, a span of times over those times only."""
    scale = TimeScale(date(2022, 3, 1), 2400.0)

    def span(edtf: str) -> tuple[float, float]:
        row = _row(edtf)
        return mark_span(row, MarkStyle.of(row), scale)

    def centre(edtf: str) -> float:
        left, right = span(edtf)
        return (left + right) / 2

    assert centre("2022-03-01") == pytest.approx(1200)
    minute = 2400 / 1440
    assert centre("2022-03-01T06:00") == pytest.approx(600 + minute / 2)  # its minute's middle
    assert centre("2022-03-01T06") == pytest.approx(650)  # 06:30, the middle of its hour
    assert centre("2022-03-02T06:00:00Z") == pytest.approx(3000 + 2400 / 86400 / 2)
    assert span("2022-03-01T06:00/2022-03-01T12:00") == pytest.approx((600, 1200 + 100 / 60))
    assert span("2022-03-01/2022-03-02T12") == pytest.approx((0, 2400 + 1300))
    # "about 09:30" fades over its half-hour margins, not over the whole day.
    assert span("2022-03-01T09:30~") == pytest.approx((900, 1000 + minute))
    assert span("2022-03-01T00:10~") == pytest.approx((-20 * minute, 41 * minute))  # from 23:40


# -- properties ------------------------------------------------------------------------------

ZONES = st.sampled_from([None, "Z", "+01:00", "-05:30", "+14:00"])


@st.composite
def timed_points(draw: st.DrawFn) -> DatePoint:
    day = draw(st.dates(date(1, 1, 1), date(9999, 12, 31)))
    hour = draw(st.integers(0, 23))
    minute = draw(st.none() | st.integers(0, 59))
    second = None if minute is None else draw(st.none() | st.integers(0, 59))
    return DatePoint(
        day.year,
        day.month,
        day.day,
        draw(st.booleans()),
        draw(st.booleans()),
        hour=hour,
        minute=minute,
        second=second,
        zone=draw(ZONES),
    )


@given(timed_points())
def test_parse_of_format_is_the_same_timed_date(point: DatePoint) -> None:
    fuzzy = FuzzyDate(point)
    assert parse_edtf(fuzzy.edtf()) == fuzzy
    assert parse_edtf(fuzzy.edtf()).precision is point.precision  # no precision gained


@given(timed_points())
def test_sort_bounds_are_days_that_contain_the_time_s_day(point: DatePoint) -> None:
    fuzzy = FuzzyDate(point)
    day = point.first_day()
    assert fuzzy.earliest() <= day <= fuzzy.latest()
    if not point.approximate:
        assert fuzzy.earliest() == fuzzy.latest() == day  # a time never moves its day
    else:  # "about 00:10" may be the evening before; never more than a day away
        assert (day - fuzzy.earliest()).days <= 1 and (fuzzy.latest() - day).days <= 1


@given(timed_points(), timed_points())
def test_a_timed_interval_reads_back_or_is_refused_with_a_reason(
    start: DatePoint, end: DatePoint
) -> None:
    text = f"{start.edtf()}/{end.edtf()}"
    try:
        fuzzy = parse_edtf(text)
    except DateError as error:
        assert "\n" not in str(error)
        return
    assert fuzzy.edtf() == text
    assert fuzzy.start.first_moment() <= fuzzy.end.last_moment()
    assert fuzzy.start.zone == fuzzy.end.zone  # never compared across zones


@given(st.dates(date(1000, 1, 1), date(9999, 12, 31)))
def test_a_day_stays_a_day(day: date) -> None:
    fuzzy = parse_edtf(day.isoformat())
    assert fuzzy.precision.value == "day" and fuzzy.start.time_of_day() is None


def test_replacing_a_point_keeps_its_time() -> None:
    point = parse_edtf("2022-03-01T09:30Z").start
    assert dataclasses.replace(point, approximate=True).edtf() == "2022-03-01T09:30Z~"


def test_the_cli_table_never_cuts_a_date(timed_events: dict[str, Event]) -> None:
    from desktopapp.export.table import events_table

    table = events_table(list(timed_events.values()), total=5, width=80)
    assert "2022-02-21T09:30/2022-02-21T11:00  " in table
    assert "2022-03-02T23:30+01:00~" in table
