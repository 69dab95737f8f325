"""Export › Annotations (TOML): build → export → build gives back the same timeline."""

from __future__ import annotations

import json
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktopapp.cli import main
from desktopapp.db.engine import open_database
from desktopapp.db.repository import EventRepository
from desktopapp.domain.dates import parse_edtf
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.model import ActorKind, Claim, Role
from desktopapp.export.annotations_toml import export_annotations, writable_text
from desktopapp.export.files import ExportCancelled, ExportError
from desktopapp.ingest.annotations import AnnotationError, load_annotations
from desktopapp.ingest.builder import build_database
from desktopapp.ingest.dataset import (
    DEFAULT_TYPES,
    ActorSpec,
    CitationSpec,
    Dataset,
    EventSpec,
    LinkSpec,
    QuoteSpec,
    SourceSpec,
    TypeSpec,
)
from desktopapp.ingest.synthetic import synthetic_dataset

# What TOML escaping must survive: quotes, backslashes, newlines (LF, CRLF, lone CR), a
# triple quote, tab, DEL, other control characters, line separators, astral characters.
HOSTILE = (
    ' He said "stop" \\ C:\\path\\n """ triple \'\'\' single\nLF\r\nCRLF\rCR\tTab\x7fDEL'
    "\x01\x1b\x1f \u2028LS\u2029PS \ufeffBOM \U0001f600 \u202eRLO "
)
MAIN_TEXT = f"Intro. {HOSTILE}! Repeated phrase. Middle. Repeated phrase. End."
OTHER_TEXT = "\ufeffNetflix said it will not add the channels.\r\nRepeated phrase.\r\n"


def _span(source: SourceSpec, text: str, occurrence: int = 1) -> QuoteSpec:
    start = -1
    for _ in range(occurrence):
        start = source.text.index(text, start + 1)
    return QuoteSpec(source.key, start, start + len(text), text)


def _hostile_dataset(
    title: str = HOSTILE, summary: str = "S" * 200_000 + HOSTILE, main_text: str = MAIN_TEXT
) -> Dataset:
    main = SourceSpec("main", HOSTILE, "", "", "", parse_edtf("2022-03-02/2022-03?"), "", main_text)
    other = SourceSpec(
        "politico",
        "Netflix refuses",
        "Politico Europe",
        "en",
        "https://www.politico.eu/article/netflix-refuses-to-comply-with-russian-rules/",
        parse_edtf("2022-02-28"),
        HOSTILE,
        OTHER_TEXT,
    )
    short = SourceSpec("note", "A note", "", "", "", parse_edtf("2022"), "", "x")
    report = CitationSpec("report", HOSTILE, HOSTILE, "", None)  # no address, no date
    dated = CitationSpec("dated", "Reuters", "Report", "https://example.com/r", parse_edtf("2022"))
    actors = [
        ActorSpec("netflix", "Netflix", ActorKind.COMPANY, ("Netflix Inc.", HOSTILE)),
        ActorSpec("russia", HOSTILE, ActorKind.GOVERNMENT),
        ActorSpec("unused", "Nobody quoted", ActorKind.PERSON),  # kept though no event names it
    ]
    types = [*DEFAULT_TYPES, TypeSpec("inquiry", HOSTILE), TypeSpec("inquiry/leak", "Leak")]
    events = [
        EventSpec(
            "netflix-refuses",
            title,
            summary,
            "inquiry/leak",
            parse_edtf("2022-02-28"),
            (("netflix", Role.ACTING), ("russia", Role.AFFECTED)),
            "report",
            HOSTILE,
            HOSTILE,
            (
                _span(main, HOSTILE),
                _span(other, "will not add the channels"),
                _span(main, "Repeated phrase.", occurrence=2),  # needs its occurrence
                _span(other, "Repeated phrase."),  # unique there, twice in main
            ),
        ),
        EventSpec(
            "main-dated",
            "Dated by the first source",
            "",
            "sanction",
            parse_edtf("2022-02~"),
            (("russia", Role.AFFECTED),),
            None,
            "Intro.",
            "",
            (_span(main, "Intro."),),
        ),
        EventSpec(
            "dated-report",
            "Dated by a report",
            "A summary",
            "aid",
            parse_edtf("2022-03-01/2022-03-04"),
            (("netflix", Role.ACTING),),
            "dated",
            "It said so.",
            "",
            (_span(short, "x"),),
        ),
    ]
    return Dataset([main, other, short], [report, dated], actors, types, events)


def _listed(capsys: pytest.CaptureFixture[str], database: Path) -> list[dict[str, Any]]:
    assert main(["list", "--db", str(database), "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    for record in records:
        del record["id"]  # row ids are the only thing a rebuild may renumber
    return records


def _reference_data(database: Path) -> tuple[object, ...]:
    """What list --json does not show: sources with their texts, actors, types."""
    repository = EventRepository(open_database(database))
    try:
        return (
            repository.sources,
            [repository.source_text(s.key) for s in repository.sources],
            [(a.key, a.name, a.kind, a.aliases) for a in repository.actors],
            [(t.slug, t.label) for t in repository.event_types],
        )
    finally:
        repository.engine.dispose()


def _round_trip(
    capsys: pytest.CaptureFixture[str], database: Path, folder: Path
) -> tuple[Path, Path]:
    exported = folder / "exported.toml"
    assert main(["export", "--db", str(database), "--annotations", str(exported)]) == 0
    assert "Wrote" in capsys.readouterr().out
    rebuilt = folder / "rebuilt.sqlite3"
    assert main(["build-db", "--annotations", str(exported), "--out", str(rebuilt)]) == 0
    capsys.readouterr()
    assert _listed(capsys, rebuilt) == _listed(capsys, database)
    assert _reference_data(rebuilt) == _reference_data(database)
    return exported, rebuilt


def test_the_bundled_sample_round_trips(
    capsys: pytest.CaptureFixture[str], article_db: Path, tmp_path: Path
) -> None:
    exported, rebuilt = _round_trip(capsys, article_db, tmp_path)
    text = exported.read_text(encoding="utf-8")
    assert "schema = 2" in text and "[[sources]]" in text and "[[citations]]" in text
    # Exporting the rebuilt timeline writes the same file: two exports diff cleanly.
    again = tmp_path / "again" / "exported.toml"
    again.parent.mkdir()
    export_annotations(EventRepository(open_database(rebuilt)), again)
    assert again.read_text(encoding="utf-8") == text
    assert (tmp_path / "exported.article.txt").read_bytes() == (
        again.parent / "exported.article.txt"
    ).read_bytes()


def test_a_synthetic_multi_source_timeline_round_trips(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    database = tmp_path / "synthetic.sqlite3"
    build_database(synthetic_dataset(300, seed=7), database)
    exported, _ = _round_trip(capsys, database, tmp_path)
    assert len(load_annotations(exported).sources) > 1
    assert "{ source = " in exported.read_text(encoding="utf-8")


def test_imported_unsourced_events_and_authors_round_trip(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    dataset = _hostile_dataset()
    main, other, short = dataset.sources
    # A pasted text's publication date may not be known: the file leaves it out.
    sources = [replace(main, author="Jane " + HOSTILE), other, replace(short, published=None)]
    imported = EventSpec(
        "imported-slide",
        "An imported slide",
        "",
        "aid",
        parse_edtf("2014"),
        (),  # no actor: an import may name none
        "dated",
        "start_date: 2014",
        "as given by the imported file; not checked",
        (),  # no quote: it is unsourced
        claim=("Text of the slide " + HOSTILE, "slides.json, slide 3"),
        links=(
            LinkSpec("media", "https://example.org/v.mp4", "<b>AP</b>", HOSTILE),
            LinkSpec("thumbnail", "javascript:alert(1)"),  # kept as given, never shown as a link
        ),
    )
    database = tmp_path / "imported.sqlite3"
    events = [*dataset.events, imported]
    build_database(replace(dataset, sources=sources, events=events), database)
    exported, rebuilt = _round_trip(capsys, database, tmp_path)
    assert 'origin = "slides.json, slide 3"' in exported.read_text(encoding="utf-8")
    repository = EventRepository(open_database(rebuilt))
    try:
        (event,) = [e for e in repository.events(EventFilter()) if e.key == "imported-slide"]
        assert event.unsourced and event.participants == ()
        assert event.claim == Claim(*imported.claim)
        assert [(link.kind, link.url) for link in event.links] == [
            ("media", "https://example.org/v.mp4"),
            ("thumbnail", "javascript:alert(1)"),
        ]
        assert repository.sources[0].author == "Jane " + HOSTILE
        assert repository.sources[2].published_text() == "publication date not known"
    finally:
        repository.engine.dispose()


def test_hostile_texts_round_trip_exactly(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    database = tmp_path / "hostile.sqlite3"
    build_database(_hostile_dataset(), database)
    exported, _ = _round_trip(capsys, database, tmp_path)
    text = exported.read_text(encoding="utf-8")
    assert "occurrence = 2" in text
    assert '{ source = "politico", text = "Repeated phrase." }' in text
    # Each source's text is written beside the TOML file, byte for byte.
    assert (tmp_path / "exported.main.txt").read_bytes() == MAIN_TEXT.encode("utf-8")
    assert (tmp_path / "exported.politico.txt").read_bytes() == OTHER_TEXT.encode("utf-8")


@pytest.mark.parametrize(
    ("dataset", "message"),
    [
        (
            _hostile_dataset(title="Title\x00with NUL"),
            "event 'netflix-refuses', title: holds a NUL character",
        ),
        (
            # After every quote: SQLite's checks of the build stop at a NUL.
            _hostile_dataset(main_text=MAIN_TEXT + "\x00tail"),
            "source 'main', text: holds a NUL character",
        ),
    ],
    ids=["title", "source-text"],
)
def test_a_nul_is_refused_in_one_line_and_nothing_is_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, dataset: Dataset, message: str
) -> None:
    database = tmp_path / "nul.sqlite3"
    build_database(dataset, database)
    out = tmp_path / "out"
    out.mkdir()
    (out / "exported.toml").write_text("previous export\n", encoding="utf-8")
    code = main(["export", "--db", str(database), "--annotations", str(out / "exported.toml")])
    err = capsys.readouterr().err
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert [p.name for p in out.iterdir()] == ["exported.toml"]
    assert (out / "exported.toml").read_text(encoding="utf-8") == "previous export\n"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"citation_quote": "Not in the text."},
            r"^event 'main-dated': its date's sentence is not found verbatim in the source 'main'",
        ),
        ({"key": "Main_Dated"}, r"^event 'Main_Dated': its id 'Main_Dated' is not lower-case"),
    ],
    ids=["date-sentence", "key"],
)
def test_an_event_the_format_cannot_hold_is_refused_in_one_line(
    tmp_path: Path, change: dict[str, Any], message: str
) -> None:
    dataset = _hostile_dataset()
    events = list(dataset.events)
    events[1] = replace(events[1], **change)  # the builder stores it; the loader would not
    database = tmp_path / "odd.sqlite3"
    build_database(replace(dataset, events=events), database)
    with pytest.raises(ExportError, match=message):
        export_annotations(EventRepository(open_database(database)), tmp_path / "a.toml")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["odd.sqlite3"]


def test_a_nul_in_a_source_text_is_refused_by_the_loader(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"one\x00two")
    (tmp_path / "a.toml").write_text(
        'schema = 2\n[[sources]]\nid = "a"\nfile = "a.txt"\ntitle = "A"\npublished = "2022"\n',
        encoding="utf-8",
    )
    with pytest.raises(AnnotationError, match=r"source #1 \(a\), field 'file': .*NUL .*at 3"):
        load_annotations(tmp_path / "a.toml")


def test_a_lone_surrogate_is_refused_in_one_line() -> None:
    # SQLite cannot store one, but the check stands between any text and the file.
    with pytest.raises(ExportError, match=r"^event 'e', title: holds a lone surrogate \(U\+D800\)"):
        writable_text("event 'e'", "title", "a\ud800b")
    assert writable_text("event 'e'", "title", ' "\\\n\r ') == ' "\\\n\r '


def test_a_filter_exports_its_events_only(
    capsys: pytest.CaptureFixture[str], article_db: Path, tmp_path: Path
) -> None:
    target = tmp_path / "apple.toml"
    args = ["export", "--db", str(article_db), "--company", "Apple", "--annotations", str(target)]
    assert main(args) == 0
    written = load_annotations(target)
    keys = [e.key for e in written.events]
    assert keys and all(key.startswith("apple") for key in keys), keys


def test_an_unwritable_target_is_one_line(
    capsys: pytest.CaptureFixture[str], article_db: Path, tmp_path: Path
) -> None:
    missing = tmp_path / "no" / "such" / "file.toml"
    assert main(["export", "--db", str(article_db), "--annotations", str(missing)]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_the_window_can_show_progress_and_cancel(article_db: Path, tmp_path: Path) -> None:
    repository = EventRepository(open_database(article_db))
    seen: list[tuple[int, int]] = []
    target = tmp_path / "timeline.toml"
    count = export_annotations(repository, target, progress=lambda *done: seen.append(done))
    assert seen[-1] == (count, count) == (repository.total, repository.total)
    for written in list(tmp_path.iterdir()):  # the file and one text per source
        written.unlink()
    with pytest.raises(ExportCancelled):
        export_annotations(repository, target, cancelled=lambda: True)
    assert list(tmp_path.iterdir()) == []


# Any Unicode text but the two the format refuses (NUL, lone surrogates), blank ones aside.
_TEXTS = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"))


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(title=_TEXTS.filter(str.strip), quote=_TEXTS.filter(str.strip), note=_TEXTS)
def test_any_text_round_trips_exactly(tmp_path: Path, title: str, quote: str, note: str) -> None:
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    text = f"{quote}\n{title}"  # the quote occurs at least once, perhaps more often
    source = SourceSpec("main", title, note, "", "", parse_edtf("2022"), note, text)
    event = EventSpec(
        "e",
        title,
        note,
        "aid",
        parse_edtf("2022"),
        (("a", Role.ACTING),),
        "report",
        quote,
        note,
        (QuoteSpec("main", 0, len(quote), quote),),
    )
    dataset = Dataset(
        [source],
        [CitationSpec("report", title, title, "", None)],
        [ActorSpec("a", title, ActorKind.PERSON, (title,))],
        list(DEFAULT_TYPES),
        [event],
    )
    build_database(dataset, folder / "t.sqlite3")
    export_annotations(EventRepository(open_database(folder / "t.sqlite3")), folder / "t.toml")
    loaded = load_annotations(folder / "t.toml")
    (got,) = loaded.events
    assert (got.title, got.summary, got.citation_quote, got.citation_note) == (
        title,
        note,
        quote,
        note,
    )
    assert got.quotes == event.quotes
    assert loaded.sources[0].text == text and loaded.sources[0].title == title
    assert loaded.actors[0].name == title and loaded.citations[0].outlet == title
