"""An event no quote backs is shown as unsourced, not as damaged: in the rows the list and the
timeline read, in `desktopapp check`, and in every export, with the importer's claim kept as
the import's words and its links passed through link_target (http(s) only)."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from icalendar import Calendar

from desktopapp.cli import main
from desktopapp.db.commands import AddQuote, CommandError, DeleteQuote, QuoteInput
from desktopapp.db.engine import open_database
from desktopapp.db.integrity import check_database
from desktopapp.db.repository import EventRepository
from desktopapp.db.store import TimelineStore
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.grouping import Grouping
from desktopapp.export.html_page import page_data
from desktopapp.export.ics import description
from desktopapp.export.records import RecordContext, events_csv, events_json
from desktopapp.export.timelinejs import slide, timelinejs_csv
from desktopapp.render.marks import LEGEND_STYLES, MarkShape, MarkStyle
from desktopapp.schemas import schema
from tests.unsourced_helpers import (
    CLAIM_ORIGIN,
    CLAIM_TEXT,
    MEDIA_URL,
    TEXT,
    UNSAFE_URL,
    UNSOURCED_TITLES,
    MixedTimeline,
    make_mixed_timeline,
)


@pytest.fixture
def mixed(tmp_path: Path) -> MixedTimeline:
    return make_mixed_timeline(tmp_path / "mixed.timeline")


@pytest.fixture
def repository(mixed: MixedTimeline) -> Iterator[EventRepository]:
    engine = open_database(mixed.path)
    yield EventRepository(engine)
    engine.dispose()


def _by_title(repository: EventRepository) -> dict[str, object]:
    return {event.title: event for event in repository.events()}


# -- rows, events, styles -------------------------------------------------------------------------


def test_rows_and_events_say_unsourced_and_keep_claim_and_links(
    repository: EventRepository,
) -> None:
    rows = {row.title: row.unsourced for row in repository.rows(EventFilter())}
    assert rows == {
        "Apple halts sales in Russia": False,
        "Netflix suspends its service": False,
        UNSOURCED_TITLES[0]: True,
        UNSOURCED_TITLES[1]: True,
    }
    spotify = next(e for e in repository.events() if e.title == UNSOURCED_TITLES[0])
    assert spotify.unsourced and spotify.problems == ()  # not damage
    assert spotify.claim is not None and spotify.claim.text == CLAIM_TEXT
    assert [(link.kind, link.url) for link in spotify.links] == [
        ("media", MEDIA_URL),
        ("thumbnail", UNSAFE_URL),
    ]
    window = (date(2022, 1, 1), date(2022, 12, 31))
    lanes = [row for _lane, row in repository.lane_rows(EventFilter(), Grouping.ACTOR, *window)]
    assert {row.title for row in lanes if row.unsourced} == set(UNSOURCED_TITLES)


def test_the_mark_keeps_its_date_shape_hollow_with_a_sign(repository: EventRepository) -> None:
    styles = {row.title: MarkStyle.of(row) for row in repository.rows(EventFilter())}
    spotify, hm = styles[UNSOURCED_TITLES[0]], styles[UNSOURCED_TITLES[1]]
    assert (spotify.shape, spotify.unsourced, spotify.glyph) == (MarkShape.DOT, True, "!")
    assert (hm.shape, hm.unsourced, hm.glyph) == (MarkShape.PERIOD, True, "!")
    assert styles["Apple halts sales in Russia"] == MarkStyle(MarkShape.DOT)
    events = {event.title: MarkStyle.of_event(event) for event in repository.events()}
    assert events == styles  # the PDF and the web page decide as the chart does
    assert MarkStyle(MarkShape.BAR, approximate=True, uncertain=True, unsourced=True).glyph == "~?!"
    [legend] = [style for style in LEGEND_STYLES if style.unsourced]
    assert "Unsourced" in legend.description and "!" in legend.description


def test_attaching_a_quote_makes_it_sourced_and_keeps_the_claim(mixed: MixedTimeline) -> None:
    with TimelineStore.open(mixed.path, author="Ada") as store:
        source = store.repository.sources[0].key
        start = TEXT.index("Apple")
        store.execute(AddQuote(mixed.unsourced[0], QuoteInput(source, start, start + 5, "Apple")))
        [row] = [r for r in store.repository.rows(EventFilter()) if r.title == UNSOURCED_TITLES[0]]
        event = store.repository.event(row.id)
        assert not row.unsourced and not event.unsourced
        assert event.claim is not None  # the import's words stay, beside the quote now
        assert len(check_database(store.repository).unsourced) == 1


def test_undoing_the_quote_attached_to_an_imported_event_makes_it_unsourced_again(
    mixed: MixedTimeline,
) -> None:
    with TimelineStore.open(mixed.path, author="Ada") as store:
        source = store.repository.sources[0].key
        start = TEXT.index("Apple")
        quote = QuoteInput(source, start, start + 5, "Apple")
        change = store.execute(AddQuote(mixed.unsourced[0], quote))
        store.execute(change.inverse)  # Edit › Undo
        [row] = [r for r in store.repository.rows(EventFilter()) if r.title == UNSOURCED_TITLES[0]]
        assert row.unsourced and store.repository.event(row.id).claim is not None
        # An event made here from a passage keeps its one quote: only an import may have none.
        apple = store.repository.events()[0]
        only = apple.quotes[0]
        assert only.start is not None and only.end is not None
        with pytest.raises(CommandError, match="only quote"):
            store.execute(DeleteQuote(apple.key, only.source_key, only.start, only.end))


# -- desktopapp check -----------------------------------------------------------------------------


def test_check_lists_unsourced_events_apart_and_passes(
    repository: EventRepository, mixed: MixedTimeline, capsys: pytest.CaptureFixture[str]
) -> None:
    report = check_database(repository)
    assert report.is_clean and report.damages == []
    assert sorted(u.title for u in report.unsourced) == sorted(UNSOURCED_TITLES)
    assert main(["check", str(mixed.path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "2 events are unsourced (no quote from a source yet):"
    assert any(line.startswith("  events #") and UNSOURCED_TITLES[1] in line for line in out)
    assert out[-1] == "4 events, 2 unsourced, 2 quotes: all verified"


def test_check_still_fails_for_damage_and_counts_unsourced_too(
    mixed: MixedTimeline, capsys: pytest.CaptureFixture[str]
) -> None:
    with sqlite3.connect(mixed.path) as db:  # a quote that is no longer its source's text
        db.execute("UPDATE quotes SET text = 'Apple a vendu' WHERE text = 'Apple a arrêté'")
    assert main(["check", str(mixed.path)]) == 1
    out = capsys.readouterr().out
    assert "not verified" in out and "2 events are unsourced" in out
    assert out.splitlines()[-1].endswith("(4 events, 2 unsourced, 2 quotes checked)")


def test_check_shows_a_title_s_controls_rather_than_obeying_them(
    mixed: MixedTimeline, capsys: pytest.CaptureFixture[str]
) -> None:
    with sqlite3.connect(mixed.path) as db:
        db.execute(
            "UPDATE events SET title = 'Spotify \x1b[2J gone' WHERE title = ?",
            (UNSOURCED_TITLES[0],),
        )
    assert main(["check", str(mixed.path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "Spotify \ufffd[2J gone" in out


# -- exports --------------------------------------------------------------------------------------


def test_json_says_unsourced_with_claim_and_links_and_follows_its_schema(
    repository: EventRepository,
) -> None:
    text = events_json(repository.events(), RecordContext(repository))
    records = {r["title"]: r for r in json.loads(text)}
    jsonschema.Draft202012Validator(schema("events")).validate(list(records.values()))
    spotify = records[UNSOURCED_TITLES[0]]
    assert spotify["unsourced"] is True and spotify["quotes"] == []
    assert spotify["claim"] == {"text": CLAIM_TEXT, "origin": CLAIM_ORIGIN}
    assert spotify["links"][0] == {
        "kind": "media",
        "url": MEDIA_URL,
        "credit": "Photo: <i>AP</i>",
        "caption": "The office",
    }
    apple = records["Apple halts sales in Russia"]
    assert apple["unsourced"] is False and apple["claim"] is None and apple["links"] == []
    spotify["unsourced"] = "yes"  # the schema does hold the new fields to their types
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema("events")).validate([spotify])


def test_csv_has_the_new_columns_last(repository: EventRepository) -> None:
    rows = list(csv.DictReader(io.StringIO(events_csv(repository.events()))))
    by_title = {row["title"]: row for row in rows}
    spotify = by_title[UNSOURCED_TITLES[0]]
    assert list(spotify)[-4:] == ["unsourced", "claim", "claim_origin", "links"]
    assert (spotify["unsourced"], spotify["claim"], spotify["claim_origin"]) == (
        "true",
        CLAIM_TEXT,
        CLAIM_ORIGIN,
    )
    assert spotify["links"].startswith(f"media: {MEDIA_URL} — The office — Photo")
    assert by_title["Apple halts sales in Russia"]["unsourced"] == "false"


def test_timelinejs_says_unsourced_and_gives_the_media_back(repository: EventRepository) -> None:
    events = _by_title(repository)
    record = slide(events[UNSOURCED_TITLES[0]], None)  # type: ignore[arg-type]
    jsonschema.Draft202012Validator(schema("timelinejs")).validate({"events": [record]})
    text = record["text"]["text"]
    assert text.startswith("<p><strong>Unsourced — no quote from a source yet</strong></p>")
    assert "As imported from timeline.json, slide 4:<br>Spotify &lt;b&gt;closed" in text
    assert "<b>" not in text and "<blockquote>" not in text  # the claim is no quote
    # The unsafe thumbnail is left out rather than passed on to a page that would load it.
    assert record["media"] == {
        "url": MEDIA_URL,
        "credit": "Photo: &lt;i&gt;AP&lt;/i&gt;",
        "caption": "The office",
    }
    sourced = slide(events["Apple halts sales in Russia"], None)  # type: ignore[arg-type]
    assert "Unsourced" not in sourced["text"]["text"] and "media" not in sourced


def test_timelinejs_sheet_fills_the_media_columns(repository: EventRepository) -> None:
    sheet = timelinejs_csv(repository.events(), Grouping.NONE, {})
    rows = {row["Headline"]: row for row in csv.DictReader(io.StringIO(sheet))}
    spotify = rows["Spotify closes its Moscow office"]
    assert (spotify["Media"], spotify["Media Caption"], spotify["Media Thumbnail"]) == (
        MEDIA_URL,
        "The office",
        "",
    )
    assert spotify["Text"].startswith("<p><strong>Unsourced")
    assert rows["Apple halts sales in Russia"]["Media"] == ""


def test_ics_description_says_unsourced_first(repository: EventRepository) -> None:
    spotify = _by_title(repository)[UNSOURCED_TITLES[0]]
    lines = description(spotify).splitlines()  # type: ignore[arg-type]
    assert lines[0] == "Unsourced — no quote from a source yet."
    assert f"As imported from {CLAIM_ORIGIN}: Spotify <b>closed</b> its office & said so" in lines
    assert f"Media: {MEDIA_URL} (The office — Photo: <i>AP</i>)" in lines
    assert not any(UNSAFE_URL in line for line in lines)
    apple = _by_title(repository)["Apple halts sales in Russia"]
    assert "Unsourced" not in description(apple)  # type: ignore[arg-type]


def test_ics_file_parses_with_the_unsourced_line(mixed: MixedTimeline, tmp_path: Path) -> None:
    target = tmp_path / "out.ics"
    assert main(["export", "--db", str(mixed.path), "--ics", str(target)]) == 0
    calendar = Calendar.from_ical(target.read_bytes())
    texts = [str(c["description"]) for c in calendar.walk("VEVENT")]
    assert sum(text.startswith("Unsourced") for text in texts) == 2


def test_web_page_data_marks_unsourced_and_holds_claim_and_links_as_text(
    repository: EventRepository,
) -> None:
    data = page_data(repository, EventFilter(), repository.events())
    by_title = {e["t"]: e for e in data["events"]}
    spotify = by_title[UNSOURCED_TITLES[0]]
    assert spotify["v"] is False and spotify["i"] == [
        f"As imported from {CLAIM_ORIGIN}:",
        CLAIM_TEXT,
    ]
    media, thumbnail = spotify["l"]
    assert media == {"w": "Media", "k": "The office — Photo: <i>AP</i>", "url": MEDIA_URL}
    assert thumbnail["href"] == "" and thumbnail["url"] == UNSAFE_URL  # shown, never linked
    assert by_title["Apple halts sales in Russia"]["v"] is True
    assert "i" not in by_title["Apple halts sales in Russia"]
    assert [entry["n"] for entry in data["legend"]].count(True) == 1
    assert data["unsourced"] == "Unsourced — no quote from a source yet"


def test_web_annotations_summary_counts_unsourced_events(
    mixed: MixedTimeline, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "a.jsonld"
    assert main(["export", "--db", str(mixed.path), "--annotations-jsonld", str(target)]) == 0
    assert "2 quotes; 2 unsourced events (no quote): no annotation" in capsys.readouterr().out
    assert json.loads(target.read_text(encoding="utf-8"))["total"] == 2


def test_the_list_table_marks_unsourced_events(
    mixed: MixedTimeline, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["list", "--db", str(mixed.path)]) == 0
    out = capsys.readouterr().out.splitlines()
    for title in UNSOURCED_TITLES:
        assert any(line.endswith(f"[unsourced] {title}") for line in out), out
    assert not any("[unsourced]" in line and "Apple" in line for line in out)
    assert out[-2:] == [
        "4 of 4 events",
        "2 of them unsourced (no quote from a source yet)",
    ]
