"""TimelineJS files read into an import plan: the messy cases of real files (tests/fixtures/
timelinejs/), each checked for what the plan holds and what the report says."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktopapp.db.commands import AddActor, AddEvent, AddType, LinkInput
from desktopapp.domain.dates import parse_edtf
from desktopapp.ingest.html_text import plain_text
from desktopapp.ingest.importing import (
    FORMATS,
    GroupAs,
    ImportFileError,
    ImportOptions,
    ImportPlan,
    ImportSource,
    TargetNames,
    plan_import,
    sniff_format,
)
from desktopapp.ingest.timelinejs_sheet import SHEET_COLUMNS

FIXTURES = Path(__file__).parent / "fixtures" / "timelinejs"


def plan_of(name: str, **options: object) -> ImportPlan:
    source = ImportSource.read(FIXTURES / name)
    return plan_import(source, TargetNames.new_timeline(), options=ImportOptions(**options))  # type: ignore[arg-type]


def events(plan: ImportPlan) -> dict[str, AddEvent]:
    return {c.title: c for c in plan.commands if isinstance(c, AddEvent)}


def line_with(plan: ImportPlan, words: str) -> str:
    matching = [line for line in plan.report.lines() if words in line]
    assert len(matching) == 1, (words, plan.report.lines())
    return matching[0]


# -- HTML as text ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("Apple <br/>halts sales<br>in Russia", "Apple\nhalts sales\nin Russia"),
        ("<p>One.</p><p>Two.</p>", "One.\n\nTwo."),
        (
            'Read <a href="https://x.example/r">the report</a>.',
            "Read the report (https://x.example/r).",
        ),
        ('<a href="https://x.example">https://x.example</a>', "https://x.example"),
        ('<a href="javascript:alert(1)">click</a>', "click"),
        ("<b>unclosed <i>markup", "unclosed markup"),
        ("<script>alert(1)</script>Shown", "Shown"),
        ("a < b &amp; c &lt;script&gt;", "a < b & c <script>"),
        ('broken <a href="y', 'broken <a href="y'),
        ("AT&T", "AT&T"),
        ("<ul><li>one</li><li>two</li></ul>", "• one\n• two"),
        ("  spaced \n\n\n\n out  ", "spaced\n\nout"),
    ],
)
def test_html_becomes_the_text_a_reader_sees(markup: str, text: str) -> None:
    assert plain_text(markup) == text


# -- the JSON ----------------------------------------------------------------------------------


def test_every_precision_is_kept_never_more() -> None:
    found = events(plan_of("messy.json"))
    assert found["A year only"].date_edtf == "2022"
    assert found["Zero-padded month as a string"].date_edtf == "2022-03"
    assert found["A day, numbers and a padded string"].date_edtf == "2022-03-01"
    assert found["An interval"].date_edtf == "2022-02-21/2022-02-27"
    assert found["Approximately March"].date_edtf == "2022-03~"
    # A display date in words of its own says nothing our dates can hold: the month stays.
    assert found["A display date in words"].date_edtf == "2022-03"


def test_a_time_of_day_is_kept_as_the_date_at_its_precision() -> None:
    plan = plan_of("messy.json")
    second = events(plan)["Down to the second"]
    assert second.date_edtf == "2022-03-02T14:30:05"
    assert "14:30:05" in second.claim.text  # the claim and the citation as before
    assert "hour 14, minute 30, second 5" in second.citation.sentence
    hour = events(plan)["An hour and nothing finer"]
    assert hour.date_edtf == "2022-03-12T09"  # an hour stays an hour: no 09:00 made up
    assert "09h" in hour.claim.text and "09:00" not in hour.claim.text
    (nulls,) = [e for e in events(plan).values() if e.title.startswith("A slide whose headline")]
    assert nulls.date_edtf == "2022-03-07"  # an hour of null is no time
    # Nothing was dropped, so the report no longer says a time was.
    assert not [line for line in plan.report.lines() if "time" in line and "claim" in line]


@pytest.mark.parametrize(
    ("time", "edtf", "said"),
    [
        ('"hour": 24', "2022-03-01", "the time 24:00"),
        ('"hour": 23, "minute": 59, "second": 60', "2022-03-01T23:59", "a leap second"),
        ('"hour": 9, "minute": 5, "second": 1, "millisecond": 250', "2022-03-01T09:05:01", "milli"),
        ('"hour": 9, "second": 5', "2022-03-01T09", "a second but no minute"),
    ],
)
def test_a_time_no_date_can_hold_is_kept_in_the_claim_and_reported(
    time: str, edtf: str, said: str
) -> None:
    slide = (
        f'{{"start_date": {{"year": 2022, "month": 3, "day": 1, {time}}}, '
        '"text": {"headline": "Late"}}'
    )
    plan = plan_import(
        ImportSource("t.json", f'{{"events": [{slide}]}}'.encode()), TargetNames.new_timeline()
    )
    (event,) = events(plan).values()
    assert event.date_edtf == edtf
    assert "Time of day in the file" in event.claim.text
    assert said in line_with(plan, "which a date cannot hold")


def test_an_end_time_alone_ends_on_the_start_day() -> None:
    slide = (
        b'{"start_date": {"year": 2022, "month": 3, "day": 1, "hour": 9}, '
        b'"end_date": {"hour": 17, "minute": 30}, "text": {"headline": "Office hours"}}'
    )
    plan = plan_import(
        ImportSource("h.json", b'{"events": [' + slide + b"]}"), TargetNames.new_timeline()
    )
    (event,) = events(plan).values()
    assert event.date_edtf == "2022-03-01T09/2022-03-01T17:30"
    assert "09h (start), 17:30 (end)" in event.claim.text
    assert not [line for line in plan.report.lines() if "same date" in line]
    no_year = slide.replace(b'"hour": 17', b'"month": 4, "hour": 17')
    plan = plan_import(
        ImportSource(
            "h.json",
            b'{"events": ['
            + no_year
            + b', {"start_date": {"year": 2022}, "text": {"headline": "x"}}]}',
        ),
        TargetNames.new_timeline(),
    )
    assert "1 slide with an end date but no end year: skipped (slide 1)" in plan.report.lines()


def test_slides_that_cannot_be_dated_are_skipped_and_each_is_named() -> None:
    plan = plan_of("messy.json")
    assert line_with(plan, "without a date") == "1 slide without a date: skipped (slide 5)"
    assert "slide 13" in line_with(plan, "end date is before its start date")
    assert "slide 16" in line_with(plan, "names no real day")
    assert "slide 17" in line_with(plan, "unreadable start month")
    assert "Month thirteen" not in events(plan)
    assert "(eras 1, 2)" in line_with(plan, "all along")


def test_a_second_title_is_reported_not_imported() -> None:
    data = (FIXTURES / "sheet-semicolon.csv").read_bytes()
    data += b";;;;;;;;;First title;;;;;;title;;\n;;;;;;;;;Again;;;;;;title;;\n"
    plan = plan_import(ImportSource("s.csv", data), TargetNames.new_timeline())
    assert plan.title == "First title"
    assert "(line 6)" in line_with(plan, "after the first")


def test_the_title_slide_names_the_new_timeline_and_is_no_event() -> None:
    plan = plan_of("messy.json")
    assert plan.title == "Sanctions & tech: the first week"
    assert plan.title not in events(plan)
    assert "names the new timeline" in line_with(plan, "title slide")
    assert "nor its media: https://example.org/cover.jpg." in line_with(plan, "title slide")
    assert (
        plan.report.headline() == "Imported 15 events from 'messy.json', read as TimelineJS JSON."
    )


def test_html_headlines_and_texts_are_plain_text_links_kept() -> None:
    found = events(plan_of("messy.json"))
    apple = found["Apple halts sales in Russia"]  # line breaks of a title are spaces
    assert apple.claim.text.startswith("Read the report (https://example.org/apple) and this")
    assert "<" not in apple.claim.text
    paragraphs = found["A day, numbers and a padded string"].claim.text
    assert paragraphs == "First paragraph.\n\nSecond paragraph."
    # A slide with a headline only: that is what the file said, and the claim says it.
    assert found["Zero-padded month as a string"].claim.text == "Zero-padded month as a string"


def test_media_become_links_and_media_without_an_address_stays_in_the_claim() -> None:
    plan = plan_of("messy.json")
    found = events(plan)
    assert found["Media with an address"].links == (
        LinkInput(
            "media",
            "https://example.org/queue.jpg",
            "Photo: AP (https://photos.example)",  # the credit's own link kept
            "People queue outside a bank",
        ),
        LinkInput("thumbnail", "https://example.org/queue-small.jpg"),
    )
    lost = found["Media without an address"]
    assert lost.links == ()
    assert "Queue at a bank; Photo: AP (https://photos.example)" in lost.claim.text
    assert "(slide 7)" in line_with(plan, "media but no URL")
    background = found["A background"]
    assert background.links == (LinkInput("background", "https://example.org/bg.jpg"),)
    assert "slide 14" in line_with(plan, "background colour")


def test_media_alt_text_and_link_are_kept() -> None:
    slide = (
        b'{"start_date": {"year": 2022}, "text": {"headline": "Photo"}, "media": {"url": '
        b'"https://x.example/p.jpg", "alt": "A queue", "link": "https://x.example/story"}}'
    )
    plan = plan_import(
        ImportSource("m.json", b'{"events": [' + slide + b"]}"), TargetNames.new_timeline()
    )
    (event,) = events(plan).values()
    assert event.links == (LinkInput("media", "https://x.example/p.jpg", "", "A queue"),)
    assert event.claim.text == "Photo\n\nThe media links to: https://x.example/story"
    assert "(slide 1)" in line_with(plan, "media links elsewhere")


def test_groups_become_acting_actors_or_types_under_imported() -> None:
    as_actors = plan_of("messy.json")
    actors = [c for c in as_actors.commands if isinstance(c, AddActor)]
    assert [(a.name, a.kind) for a in actors] == [("Кремль", "group"), ("Apple", "group")]
    apple_key = actors[1].key
    assert events(as_actors)["An interval"].participants == ((apple_key, "acting"),)
    assert events(as_actors)["An interval"].type_slug == "imported"
    assert events(as_actors)["A year only"].participants == ()

    as_types = plan_of("messy.json", group_as=GroupAs.TYPE)
    types = [(c.slug, c.label) for c in as_types.commands if isinstance(c, AddType)]
    assert types == [
        ("imported", "Imported"),
        ("imported/group", "Кремль"),
        ("imported/apple", "Apple"),
    ]
    assert not any(isinstance(c, AddActor) for c in as_types.commands)
    assert events(as_types)["An interval"].type_slug == "imported/apple"
    assert events(as_types)["An interval"].participants == ()


def test_russian_written_as_escapes_is_read_as_russian() -> None:
    found = events(plan_of("messy.json"))
    kremlin = found["Кремль отвечает"]
    assert kremlin.claim.text == "Рубль падает."


def test_nulls_are_absent_fields() -> None:
    plan = plan_of("messy.json")
    titled = next(t for t in events(plan) if t.startswith("A slide whose headline is null"))
    assert events(plan)[titled].date_edtf == "2022-03-07"
    assert events(plan)[titled].participants == ()
    assert "(slide 10)" in line_with(plan, "without a headline")


def test_every_event_cites_the_file_and_keeps_its_place_in_it() -> None:
    plan = plan_of("messy.json")
    interval = events(plan)["An interval"]
    assert interval.quotes == ()
    assert interval.citation.outlet == "messy.json"
    assert interval.citation.note == "as given by the imported file; not checked"
    assert "some day between 21 and 27 February 2022" in interval.citation.sentence
    assert interval.claim.origin == "messy.json, slide 12"
    legacy = events(plan)["Legacy fields beside the known ones"]
    assert legacy.key == "my-slide-15"  # the file's own id: its stable key here


def test_timelinejs_2_files_are_read() -> None:
    plan = plan_of("legacy-v2.json")
    found = events(plan)
    assert plan.title == "A TimelineJS 2 timeline"
    assert found["SWIFT exclusion announced"].date_edtf == "2022-02-28"
    assert found["SWIFT exclusion announced"].links == (
        LinkInput("media", "https://example.org/swift.jpg", "Reuters"),
    )
    assert found["Spring of capital controls"].date_edtf == "2022-03/2022-04"
    assert found["Morning decree"].date_edtf == "2022-03-01T10:15"
    assert "10:15" in found["Morning decree"].claim.text
    assert "(slide 4)" in line_with(plan, "without a date")
    assert "(era 1)" in line_with(plan, "all along")


# -- the sheet ---------------------------------------------------------------------------------


def test_the_excel_sheet_with_a_bom_crlf_and_quoted_newlines() -> None:
    plan = plan_of("sheet-excel.csv")
    found = events(plan)
    assert plan.title == "Tech & sanctions, 2022"
    assert found["A year only"].date_edtf == "2022"
    assert found["Padded month"].date_edtf == "2022-03"
    timed = found["With a time"]
    assert timed.date_edtf == "2022-03-01T14:30"
    assert timed.claim.text.startswith('Two lines\nin one cell, "quoted" inside')
    assert "14:30" in timed.claim.text
    assert timed.claim.origin == "sheet-excel.csv, line 5"
    assert timed.links[0] == LinkInput("media", "https://example.org/a.jpg", "AP", "A caption")
    assert found["An interval"].date_edtf == "2022-02-21/2022-02-27"
    assert "14:15" in found["Afternoon"].claim.text
    assert found["Afternoon"].date_edtf.endswith("T14:15")  # "2:15 PM"
    assert "“noon”" in found["A time in words"].claim.text
    assert "T" not in found["A time in words"].date_edtf  # a day: "noon" is not made 12:00
    assert "(line 12)" in line_with(plan, "a time that is no time of day")
    assert found['=HYPERLINK("https://evil.example","click")'].date_edtf == "2022-03-03"
    assert found["Scripted headline"].links == (
        LinkInput("background", "https://example.org/bg.jpg"),
    )
    assert "(line 8)" in line_with(plan, "without a date")  # line 5's cell holds two
    assert "(line 11)" in line_with(plan, "all along")
    assert "(line 5)" in line_with(plan, "background colour")


def test_a_semicolon_sheet_without_a_bom() -> None:
    plan = plan_of("sheet-semicolon.csv")
    found = events(plan)
    assert found["Premier mars"].claim.text == "Le 1er mars, « la banque » ferme"
    assert found["Autour du Nouvel An"].date_edtf == "2021-12-31/2022-01-02"
    assert (
        found["Autour du Nouvel An"].claim.text == "Texte; avec un point-virgule entre guillemets"
    )
    actors = [c.name for c in plan.commands if isinstance(c, AddActor)]
    assert actors == ["Banque de France"]


def test_a_tab_separated_sheet_with_columns_in_another_order_and_case() -> None:
    data = "headline\tYEAR\tmonth\tGroup\tNotes\nA tab sheet\t2022\t3\tApple\tmine\n"
    plan = plan_import(ImportSource("t.tsv", data.encode()), TargetNames.new_timeline())
    (event,) = events(plan).values()
    assert (event.title, event.date_edtf) == ("A tab sheet", "2022-03")
    assert "Columns not read (TimelineJS has no such column): Notes." in plan.report.lines()


# -- formats and refusals ----------------------------------------------------------------------


def test_formats_are_told_by_their_content() -> None:
    for name, format_id in [
        ("messy.json", "timelinejs"),
        ("legacy-v2.json", "timelinejs"),
        ("sheet-excel.csv", "timelinejs-csv"),
        ("sheet-semicolon.csv", "timelinejs-csv"),
    ]:
        data = (FIXTURES / name).read_bytes()
        assert sniff_format(name, data) is FORMATS[format_id]
        assert sniff_format("renamed.txt", data) is FORMATS[format_id]
    assert sniff_format("x.json", b"hello") is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "not a file this app can tell the format of"),
        (b'{"events": [', "not valid JSON (line 1, column 13"),
        (b'{"events": {}}', 'has no "events" list'),
        (b'{"events": []}', "no event to import"),
        (b'{"events": [{"text": {"headline": "x"}}]}', "no event to import (1 entry skipped"),
        (b'{"events": [], "x": "\xff"}', "not UTF-8 text (byte 21)"),
        (b"[" * 100_000 + b"]" * 100_000, "not a file this app can tell"),
    ],
)
def test_a_file_with_nothing_to_import_is_one_clear_line(data: bytes, message: str) -> None:
    with pytest.raises(ImportFileError) as refused:
        plan_import(ImportSource("in.json", data), TargetNames.new_timeline())
    assert message in str(refused.value)
    assert "\n" not in str(refused.value)


def test_deep_json_is_refused_in_one_line() -> None:
    data = b'{"events": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    with pytest.raises(ImportFileError, match=r"nested too deeply|not valid JSON"):
        plan_import(
            ImportSource("deep.json", data), TargetNames.new_timeline(), format_id="timelinejs"
        )


def test_a_sheet_cut_short_is_refused() -> None:
    data = (FIXTURES / "sheet-semicolon.csv").read_bytes()
    cut = data[: data.index(b"Autour") + 3]
    with pytest.raises(ImportFileError, match="cut short"):
        plan_import(ImportSource("s.csv", cut), TargetNames.new_timeline())
    inside_quotes = data[: data.index(b"point-virgule")]
    with pytest.raises(ImportFileError, match="is the file complete"):
        plan_import(ImportSource("s.csv", inside_quotes), TargetNames.new_timeline())


def test_dates_found_are_real_edtf() -> None:
    for name in ("messy.json", "legacy-v2.json", "sheet-excel.csv", "sheet-semicolon.csv"):
        for command in events(plan_of(name)).values():
            assert parse_edtf(command.date_edtf).edtf() == command.date_edtf


# -- anything a file may hold ------------------------------------------------------------------

_KEYS = ("start_date", "end_date", "text", "headline", "media", "group", "display_date",
         "background", "unique_id", "type", "year", "month", "day", "hour", "minute", "url",
         "credit", "caption", "thumbnail", "color")  # fmt: skip
_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-20_000, 20_000),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(["2022", "03", " 7 ", "<b>x", "&amp;", "\ud800", "\x00", "javascript:x"]),
)
_values = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(_KEYS), inner, max_size=6)
    ),
    max_leaves=25,
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.dictionaries(st.sampled_from(_KEYS), _values, max_size=8), max_size=6))
def test_any_slides_are_imported_or_refused_in_one_line(slides: list) -> None:
    data = json.dumps({"events": slides}, allow_nan=True).encode()
    try:
        plan = plan_import(
            ImportSource("any.json", data), TargetNames.new_timeline(), format_id="timelinejs"
        )
    except ImportFileError as refused:
        assert "\n" not in str(refused)
        return
    for command in plan.commands:
        if isinstance(command, AddEvent):
            assert parse_edtf(command.date_edtf).edtf() == command.date_edtf
            assert 0 < len(command.title) <= 500 and "\n" not in command.title
            assert "\x00" not in command.claim.text and "\ud800" not in command.claim.text
    assert plan.report.lines()


@settings(max_examples=80, deadline=None)
@given(st.lists(st.lists(st.text(max_size=12), min_size=18, max_size=18), max_size=5))
def test_any_sheet_rows_are_imported_or_refused_in_one_line(rows: list) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(SHEET_COLUMNS)
    writer.writerows(rows)
    try:
        plan = plan_import(
            ImportSource("any.csv", buffer.getvalue().encode("utf-8", "surrogatepass")),
            TargetNames.new_timeline(),
            format_id="timelinejs-csv",
        )
    except ImportFileError as refused:
        assert "\n" not in str(refused)
        return
    for command in plan.commands:
        if isinstance(command, AddEvent):
            assert parse_edtf(command.date_edtf).edtf() == command.date_edtf


def test_the_sheet_reads_back_every_formula_our_export_defuses() -> None:
    from desktopapp.export.plaintext import FORMULA_STARTS, csv_cell
    from desktopapp.ingest.timelinejs_sheet import _cell

    for start in FORMULA_STARTS:
        text = f"{start}SUM(A1)"
        written = str(csv_cell(text))
        assert written.startswith("'")
        # The text again; a carriage return, which the export shows as ␍, stays shown so.
        assert _cell(written) == text.replace("\r", "\u240d")
    assert _cell("'plain") == "'plain"  # an apostrophe our export did not add stays
