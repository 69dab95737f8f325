"""The export registry and the interchange formats: TimelineJS (JSON and sheet CSV),
iCalendar, W3C Web Annotations, and the JSON Schemas of every JSON we write."""

from __future__ import annotations

import csv
import dataclasses
import errno
import html
import io
import json
import os
import re
import shutil
from pathlib import Path

import icalendar
import jsonschema
import pytest

from desktopapp.cli import build_parser, main
from desktopapp.db.engine import open_database
from desktopapp.db.repository import EventRepository
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.grouping import Grouping
from desktopapp.export import files
from desktopapp.export.formats import FORMATS, ExportOptions
from desktopapp.export.ics import events_calendar
from desktopapp.export.timelinejs import (
    SHEET_COLUMNS,
    timelinejs_csv,
    timelinejs_json,
)
from desktopapp.export.web_annotations import (
    AnnotatedSource,
    annotation_id,
    annotation_page,
    annotations_jsonld,
)
from desktopapp.ingest.annotations import load_annotations
from desktopapp.ingest.builder import build_database
from desktopapp.ingest.bundled import annotations_path
from desktopapp.schemas import SCHEMAS, schema

NEW_FORMATS = ("timelinejs", "timelinejs-csv", "ics", "annotations-jsonld")

# Events of the sample given the kinds of date the sample itself does not use.
QUALIFIED_DATES = {
    "netflix-refuses-state-channels": "2022-02-28~",
    "hm-pauses-sales": "2022-03?",
    "sap-pauses-sales": "2022-03%",
    "gm-export-halt": "2022-02-24?/2022-03~",
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(scope="module")
def qualified_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample with approximate and uncertain dates on four events (its intervals kept)."""
    folder = tmp_path_factory.mktemp("qualified")
    source = annotations_path()
    text = source.read_text(encoding="utf-8")
    for key, edtf in QUALIFIED_DATES.items():
        text, count = re.subn(
            rf'(id = "{key}"\n(?:.*\n)*?date = )"[^"]*"', rf'\1"{edtf}"', text, count=1
        )
        assert count == 1, key
    (folder / source.name).write_text(text, encoding="utf-8")
    for other in source.parent.glob("*.txt"):
        shutil.copy(other, folder / other.name)
    path = folder / "qualified.sqlite3"
    build_database(load_annotations(folder / source.name), path)
    return path


@pytest.fixture
def qualified(qualified_db: Path) -> EventRepository:
    return EventRepository(open_database(qualified_db))


def export(repository: EventRepository, kind: str, target: Path, **filters: object) -> str:
    event_filter = EventFilter(**filters)  # type: ignore[arg-type]
    return FORMATS[kind].writer(repository, event_filter, target, ExportOptions())


def event_slide(document: dict, key: str) -> dict:
    return next(slide for slide in document["events"] if slide["unique_id"] == key)


# -- the registry ------------------------------------------------------------------------


def test_every_registered_format_has_its_flag_and_a_one_line_refusal(
    capsys: pytest.CaptureFixture[str],
) -> None:
    parser = build_parser()
    export_parser = next(
        action
        for action in parser._subparsers._group_actions  # type: ignore[union-attr]
    ).choices["export"]
    flags = {option for action in export_parser._actions for option in action.option_strings}
    assert {f"--{kind}" for kind in FORMATS} <= flags
    assert {*NEW_FORMATS, "pdf", "csv", "json", "png", "svg", "annotations", "html"} == set(FORMATS)
    code, _, err = run(capsys, "export")
    assert code == 2 and err.count("\n") == 1
    assert all(f"--{kind} FILE" in err for kind in FORMATS)


def test_two_formats_to_one_file_are_refused_before_writing(
    capsys: pytest.CaptureFixture[str], article_db: Path, tmp_path: Path
) -> None:
    target = tmp_path / "same.json"
    code, _, err = run(
        capsys, "export", "--db", str(article_db), "--timelinejs", str(target),
        "--annotations-jsonld", str(target),
    )  # fmt: skip
    assert code == 2
    assert "--timelinejs and --annotations-jsonld both write" in err
    assert list(tmp_path.iterdir()) == []


def test_cli_writes_every_new_format_atomically(
    capsys: pytest.CaptureFixture[str],
    article_db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    written: list[Path] = []
    real_atomic_path = files.atomic_path

    def recording(target: Path, **kwargs: object):  # type: ignore[no-untyped-def]
        written.append(Path(target))
        return real_atomic_path(target, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(files, "atomic_path", recording)
    targets = {kind: tmp_path / f"out-{kind}.{FORMATS[kind].suffix}" for kind in NEW_FORMATS}
    options = [item for kind, path in targets.items() for item in (f"--{kind}", str(path))]
    code, out, err = run(capsys, "export", "--db", str(article_db), "--company", "Apple", *options)
    assert code == 0, err
    assert out.splitlines() == [
        f"Wrote {targets['timelinejs']} (3 events)",
        f"Wrote {targets['timelinejs-csv']} (3 events)",
        f"Wrote {targets['ics']} (3 events; 2 placed at the first day or time their date allows)",
        f"Wrote {targets['annotations-jsonld']} (3 quotes)",
    ]
    assert written == list(targets.values())  # every one through export/files.py
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in written)


@pytest.mark.parametrize("kind", NEW_FORMATS)
def test_a_full_disk_leaves_the_old_file(
    repository: EventRepository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    target = tmp_path / f"old.{FORMATS[kind].suffix}"
    target.write_bytes(b"the previous export")

    def full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(files.ExportError, match="cannot write"):
        export(repository, kind, target)
    assert target.read_bytes() == b"the previous export"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


@pytest.mark.parametrize("kind", NEW_FORMATS)
def test_written_as_read_with_progress_and_cancel(
    repository: EventRepository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    monkeypatch.setattr("desktopapp.export.formats._CHUNK", 5)  # 18 events: 4 chunks
    told: list[tuple[int, int]] = []
    target = tmp_path / f"out.{FORMATS[kind].suffix}"
    FORMATS[kind].writer(
        repository, EventFilter(), target, ExportOptions(progress=lambda d, t: told.append((d, t)))
    )
    assert told == [(5, 18), (10, 18), (15, 18), (18, 18)]
    target.write_bytes(b"the previous export")
    asked = iter([False, False, True])  # cancelled before the third chunk
    options = ExportOptions(cancelled=lambda: next(asked))
    with pytest.raises(files.ExportCancelled):
        FORMATS[kind].writer(repository, EventFilter(), target, options)
    assert target.read_bytes() == b"the previous export"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


# -- JSON Schemas ------------------------------------------------------------------------


@pytest.mark.parametrize("name", SCHEMAS)
def test_shipped_schemas_are_valid_schemas(name: str) -> None:
    jsonschema.Draft202012Validator.check_schema(schema(name))


def validate(document: object, name: str) -> None:
    jsonschema.Draft202012Validator(
        schema(name), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    ).validate(document)


def test_our_json_follows_its_schema(
    capsys: pytest.CaptureFixture[str], qualified_db: Path, tmp_path: Path
) -> None:
    code, listed, _ = run(capsys, "list", "--db", str(qualified_db), "--json")
    assert code == 0
    validate(json.loads(listed), "events")
    target = tmp_path / "events.json"
    assert run(capsys, "export", "--db", str(qualified_db), "--json", str(target))[0] == 0
    validate(json.loads(target.read_text(encoding="utf-8")), "events")
    broken = json.loads(listed)
    broken[0]["date"] = "last week"
    with pytest.raises(jsonschema.ValidationError):
        validate(broken, "events")


def test_timelinejs_and_annotations_follow_their_schemas(
    qualified: EventRepository, tmp_path: Path
) -> None:
    export(qualified, "timelinejs", tmp_path / "t.json")
    export(qualified, "annotations-jsonld", tmp_path / "a.jsonld")
    document = json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))
    validate(document, "timelinejs")
    assert len(document["events"]) == qualified.count()
    validate(json.loads((tmp_path / "a.jsonld").read_text(encoding="utf-8")), "web-annotations")
    document["events"][0]["start_date"] = {"month": 3}  # TimelineJS needs a year
    with pytest.raises(jsonschema.ValidationError):
        validate(document, "timelinejs")


# -- uncertain dates, exactly --------------------------------------------------------------


def test_timelinejs_dates(qualified: EventRepository, tmp_path: Path) -> None:
    export(qualified, "timelinejs", tmp_path / "t.json")
    document = json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))
    picked = {
        key: {k: v for k, v in event_slide(document, key).items() if k != "text"}
        for key in ("apple-export-halt", "amazon-pledge", *QUALIFIED_DATES)
        if any(s["unique_id"] == key for s in document["events"])
    }
    assert picked == {
        "apple-export-halt": {
            "unique_id": "apple-export-halt",
            "start_date": {"year": 2022, "month": 2, "day": 21},
            "end_date": {"year": 2022, "month": 2, "day": 27},
            "display_date": "some day between 21 and 27 February 2022",
            "group": "Apple",
        },
        "netflix-refuses-state-channels": {
            "unique_id": "netflix-refuses-state-channels",
            "start_date": {"year": 2022, "month": 2, "day": 28},
            "display_date": "28 February 2022~",
            "group": "Netflix",
        },
        "hm-pauses-sales": {
            "unique_id": "hm-pauses-sales",
            "start_date": {"year": 2022, "month": 3},
            "display_date": "March 2022?",
            "group": "H&amp;M",
        },
        "sap-pauses-sales": {
            "unique_id": "sap-pauses-sales",
            "start_date": {"year": 2022, "month": 3},
            "display_date": "March 2022~?",
            "group": "SAP",
        },
        "gm-export-halt": {
            "unique_id": "gm-export-halt",
            "start_date": {"year": 2022, "month": 2, "day": 24},
            "end_date": {"year": 2022, "month": 3},
            "display_date": "some day between 24 February 2022? and March 2022~",
            "group": "GM",
        },
    }


def test_timelinejs_groups_follow_the_grouping(qualified: EventRepository, tmp_path: Path) -> None:
    target = tmp_path / "t.json"
    for grouping, expected in ((Grouping.TYPE, "Corporate withdrawal"), (Grouping.NONE, None)):
        FORMATS["timelinejs"].writer(
            qualified, EventFilter(), target, ExportOptions(grouping=grouping)
        )
        document = json.loads(target.read_text(encoding="utf-8"))
        assert event_slide(document, "apple-export-halt").get("group") == expected


def test_timelinejs_text_holds_the_quotes_and_the_citation(
    qualified: EventRepository, tmp_path: Path
) -> None:
    export(qualified, "timelinejs", tmp_path / "t.json")
    document = json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))
    text = event_slide(document, "apple-export-halt")["text"]
    assert text["headline"] == "Apple halts all exports to Russia"
    assert (
        "<blockquote>“Apple, par exemple, a arrêté toutes les exportations vers la Russie” — "
        in text["text"]
    )
    assert "Date: between 21 and 27 February 2022, from Six Colors, " in text["text"]
    assert "“We have paused all product sales in Russia." in text["text"]
    # A sentence that quotes someone keeps its inner marks one level down, not doubled.
    netflix = event_slide(document, "netflix-refuses-state-channels")["text"]["text"]
    assert "“‘Given the current situation, we have no plans" in netflix
    assert "““" not in netflix


def test_timelinejs_sheet(qualified: EventRepository, tmp_path: Path) -> None:
    export(qualified, "timelinejs-csv", tmp_path / "t.csv")
    raw = (tmp_path / "t.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(raw)))
    assert tuple(rows[0]) == SHEET_COLUMNS
    by_headline = {row[9]: row for row in rows[1:]}
    gm = by_headline["GM suspends vehicle exports to Russia"]
    assert gm[:10] == [
        "2022", "2", "24", "", "2022", "3", "", "",
        "some day between 24 February 2022? and March 2022~",
        "GM suspends vehicle exports to Russia",
    ]  # fmt: skip
    assert gm[16] == "GM"
    hm = by_headline["H&amp;M temporarily pauses all sales in Russia"]
    assert hm[:9] == ["2022", "3", "", "", "", "", "", "", "March 2022?"]


def test_ics_dates(qualified: EventRepository, tmp_path: Path) -> None:
    export(qualified, "ics", tmp_path / "t.ics")
    calendar = icalendar.Calendar.from_ical((tmp_path / "t.ics").read_bytes())
    entries = {str(e["uid"]).split("@")[0]: e for e in calendar.walk("VEVENT")}
    assert len(entries) == qualified.count()

    def shown(key: str) -> tuple[str, str, str, str]:
        entry = entries[key]
        return (
            str(entry["summary"]),
            entry.decoded("dtstart").isoformat(),
            entry.decoded("dtend").isoformat(),
            str(entry["x-desktopapp-edtf"]),
        )

    assert shown("apple-export-halt") == (
        "Apple halts all exports to Russia (some day between 21 and 27 February 2022)",
        "2022-02-21",
        "2022-02-22",  # one day, not the whole week
        "2022-02-21/2022-02-27",
    )
    assert shown("gm-export-halt") == (
        "GM suspends vehicle exports to Russia "
        "(some day between 24 February 2022? and March 2022~)",
        "2022-02-24",
        "2022-02-25",
        "2022-02-24?/2022-03~",
    )
    assert shown("hm-pauses-sales")[1:] == ("2022-03-01", "2022-03-02", "2022-03?")
    assert shown("hm-pauses-sales")[0].endswith("(March 2022?)")
    assert shown("netflix-refuses-state-channels")[0].endswith("(28 February 2022~)")
    assert (
        "Placed on 2022-02-28, the first day of the date as stated; the date is approximate, "
        "so the event may be a little earlier or later"
        in str(entries["netflix-refuses-state-channels"]["description"])
    )
    exact = next(key for key, e in entries.items() if "(" not in str(e["summary"]))
    exact_event = next(e for e in qualified.events() if e.key == exact)
    assert exact_event.date.is_exact_day
    assert str(entries[exact]["summary"]) == exact_event.title
    description = str(entries["apple-export-halt"]["description"])
    assert "Date: between 21 and 27 February 2022 (EDTF 2022-02-21/2022-02-27)." in description
    assert "Placed on 2022-02-21, the first day this date allows" in description
    assert "Date source: Six Colors, " in description
    assert "Quote: “Apple, par exemple, a arrêté toutes les exportations" in description


def test_ics_nests_a_quoted_sentence_s_own_marks(
    qualified: EventRepository, tmp_path: Path
) -> None:
    export(qualified, "ics", tmp_path / "t.ics")
    calendar = icalendar.Calendar.from_ical((tmp_path / "t.ics").read_bytes())
    entries = {str(e["uid"]).split("@")[0]: e for e in calendar.walk("VEVENT")}
    description = str(entries["netflix-refuses-state-channels"]["description"])
    assert "“‘Given the current situation, we have no plans" in description
    assert "““" not in description


def test_ics_is_the_same_file_for_the_same_database(qualified: EventRepository) -> None:
    events = qualified.events()
    once = events_calendar(events, qualified.meta, "T")
    assert once == events_calendar(events, qualified.meta, "T")
    assert b"DTSTAMP:" in once and all(len(line) <= 75 for line in once.split(b"\r\n"))


def _quote_sources(repository: EventRepository) -> dict[str, str]:
    """The source key of every quote, by the annotation id the export gives it."""
    return {
        annotation_id(event.key, number): quote.source_key
        for event in repository.events()
        for number, quote in enumerate(event.quotes, start=1)
    }


def test_web_annotations(qualified: EventRepository, tmp_path: Path) -> None:
    """Each annotation targets its quote's own source (the article, or the report quoted
    after it), and its selectors place the quote in that source's text."""
    summary = export(qualified, "annotations-jsonld", tmp_path / "a.jsonld")
    document = json.loads((tmp_path / "a.jsonld").read_text(encoding="utf-8"))
    items = document["first"]["items"]
    quotes = [q for e in qualified.events() for q in e.quotes]
    assert summary == f"{len(quotes)} quotes" and document["total"] == len(items) == len(quotes)
    sources = {source.key: source for source in qualified.sources}
    quote_sources = _quote_sources(qualified)
    for item in items:
        source = sources[quote_sources[item["id"]]]
        target = item["target"]
        assert target["source"] == source.url
        text = qualified.source_text(source.key)
        quote, position = target["selector"]
        assert text[position["start"] : position["end"]] == quote["exact"]
        assert text[: position["start"]].endswith(quote["prefix"])
        assert text[position["end"] :].startswith(quote["suffix"])
    assert len({item["id"] for item in items}) == len(items)
    netflix = [i["target"]["source"] for i in items if i["body"]["value"].startswith("Netflix")]
    assert netflix == [
        sources["article"].url,
        "https://www.politico.eu/article/netflix-refuses-to-comply-with-russian-rules/",
    ]


def test_web_annotations_without_a_url_target_the_texts_hash(
    article_db: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "no-url.sqlite3"
    shutil.copy(article_db, copy)
    import sqlite3

    with sqlite3.connect(copy) as connection:
        connection.execute("UPDATE sources SET url = 'javascript:alert(1)'")
    connection.close()
    repository = EventRepository(open_database(copy))
    export(repository, "annotations-jsonld", tmp_path / "a.jsonld")
    document = json.loads((tmp_path / "a.jsonld").read_text(encoding="utf-8"))
    hashes = {source.key: source.sha256 for source in repository.sources}
    quote_sources = _quote_sources(repository)
    items = document["first"]["items"]
    for item in items:  # the hash of the quote's own source, whichever it is
        assert item["target"]["source"] == f"urn:sha256:{hashes[quote_sources[item['id']]]}"
    assert len({item["target"]["source"] for item in items}) == len(hashes) > 1


# -- hostile content -----------------------------------------------------------------------

MARKUP = '<script>alert(1)</script><img src=x onerror="alert(2)">'
FORMULA = '=HYPERLINK("http://evil.example","click")'
BIDI = "Apple \u202eslaed llA\u202c"
MEGABYTE = "A" * 1_000_000


@pytest.fixture
def hostile_events(repository: EventRepository) -> list:
    event = next(e for e in repository.events() if e.key == "apple-export-halt")
    quote = dataclasses.replace(event.quotes[0], source_title=MARKUP)
    return [
        dataclasses.replace(event, title=MARKUP, summary=MEGABYTE, quotes=(quote,)),
        dataclasses.replace(event, key="formula", title=FORMULA, summary="@SUM(A1)\x00\x1b[31m"),
        dataclasses.replace(event, key="surrogate", title="lone \ud800 half", summary=BIDI),
    ]


def test_timelinejs_json_escapes_hostile_text(hostile_events: list) -> None:
    text = timelinejs_json(hostile_events, Grouping.ACTOR, {}, MARKUP)
    document = json.loads(text)
    validate(document, "timelinejs")
    text.encode("utf-8")  # no lone surrogate left: the file is UTF-8
    assert "<script" not in text and "<img" not in text
    markup, formula, surrogate = document["events"]
    assert markup["text"]["headline"] == html.escape(MARKUP)
    assert html.escape(MARKUP) in markup["text"]["text"]  # the quote's source title
    assert f"<p>{MEGABYTE}</p>" in markup["text"]["text"]  # kept whole: it is the data
    assert formula["text"]["text"].startswith("<p>@SUM(A1)\ufffd\ufffd[31m</p>")
    assert surrogate["text"]["headline"] == "lone \ufffd half"
    assert "<p>Apple \ufffdslaed llA\ufffd</p>" in surrogate["text"]["text"]  # shown, not obeyed


def test_timelinejs_sheet_is_formula_safe(hostile_events: list) -> None:
    rows = list(csv.reader(io.StringIO(timelinejs_csv(hostile_events, Grouping.ACTOR, {}))))
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]
    by_headline = {row[9]: row for row in rows[1:]}
    assert by_headline["'" + html.escape(FORMULA)][10].startswith("<p>@SUM(A1)")
    assert html.escape(MARKUP) in by_headline
    assert "lone \ufffd half" in by_headline
    # A megabyte does not fit a spreadsheet cell: cut, saying so (the JSON keeps it whole).
    cut = by_headline[html.escape(MARKUP)][10]
    assert f"<p>{'A' * 5000}… (995,000 characters cut)</p>" in cut and len(cut) < 50_000
    assert "\x00" not in "".join(cells) and "\x1b" not in "".join(cells)


def test_ics_holds_hostile_text_as_text(hostile_events: list, repository) -> None:
    data = events_calendar(hostile_events, repository.meta, BIDI)
    assert not re.search(rb"[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f]", data)
    calendar = icalendar.Calendar.from_ical(data)
    markup, formula, surrogate = calendar.walk("VEVENT")
    assert str(markup["summary"]).startswith(MARKUP + " (some day between")
    assert str(markup["description"]).startswith(MEGABYTE + "\n")
    assert str(formula["summary"]).startswith(FORMULA)
    assert str(formula["description"]).startswith("@SUM(A1)\ufffd\ufffd[31m")
    assert str(surrogate["summary"]).startswith("lone \ufffd half")
    assert str(surrogate["description"]).startswith("Apple \ufffdslaed llA\ufffd")
    assert str(calendar["x-wr-calname"]) == "Apple \ufffdslaed llA\ufffd"
    assert [str(e["uid"]) for e in (markup, formula, surrogate)] == [
        "apple-export-halt@desktopapp.timeline",
        "formula@desktopapp.timeline",
        "surrogate@desktopapp.timeline",
    ]


def test_web_annotations_keep_hostile_titles_as_data(
    hostile_events: list, repository: EventRepository
) -> None:
    source = repository.sources[0]
    sources = {source.key: AnnotatedSource(source.url, repository.source_text(source.key))}
    page = annotation_page(hostile_events, sources)
    document = json.loads(annotations_jsonld(page, "lone \udfff"))
    validate(document, "web-annotations")
    values = [item["body"]["value"] for item in document["first"]["items"]]
    assert values == [MARKUP, FORMULA, "lone \ufffd half"]
    assert document["label"] == "lone \ufffd"
    broken = dataclasses.replace(hostile_events[0].quotes[0], start=0)  # offsets gone stale
    stale = dataclasses.replace(hostile_events[0], quotes=(broken,))
    assert annotation_page([stale], sources).left_out == 1
