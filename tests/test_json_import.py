"""Our own JSON imported back: lossless into a timeline holding the sources, quotes kept as
the claim where it does not, keys honoured, and every bad file refused with nothing written."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktopapp.db.commands import AddSource
from desktopapp.db.engine import open_database
from desktopapp.db.repository import EventRepository
from desktopapp.db.store import TimelineStore
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.model import ActorKind
from desktopapp.export.formats import FORMATS, ExportOptions
from desktopapp.ingest.builder import build_database
from desktopapp.ingest.importing import ImportFileError, import_file
from desktopapp.ingest.synthetic import synthetic_dataset


def export_json(repository: EventRepository, target: Path) -> list[dict]:
    FORMATS["json"].writer(repository, EventFilter(), target, ExportOptions())
    records: list[dict] = json.loads(target.read_text(encoding="utf-8"))
    return records


def without_ids(records: list[dict]) -> list[dict]:
    return [{k: v for k, v in record.items() if k != "id"} for record in records]


def timeline_with_sources(repository: EventRepository, path: Path, *, prefix: str = "") -> Path:
    """A new timeline holding the sources of ``repository`` under their keys (their texts
    after ``prefix``, which moves every offset), and no event."""
    with TimelineStore.create(path, title="Copy", author="test") as store:
        for source in repository.sources:
            store.execute(
                AddSource(
                    text=prefix + repository.source_text(source.key),
                    title=source.title,
                    outlet=source.outlet,
                    url=source.url,
                    language=source.language,
                    published_edtf=source.published.edtf() if source.published else "",
                    published_note=source.published_note,
                    key=source.key,
                )
            )
    return path


def opened(path: Path) -> Iterator[EventRepository]:
    engine = open_database(path)
    try:
        yield EventRepository(engine)
    finally:
        engine.dispose()


@pytest.fixture
def sample_json(repository: EventRepository, tmp_path: Path) -> Path:
    export_json(repository, tmp_path / "events.json")
    return tmp_path / "events.json"


def test_the_sample_comes_back_the_same(
    repository: EventRepository, sample_json: Path, tmp_path: Path
) -> None:
    target = timeline_with_sources(repository, tmp_path / "copy.timeline")
    report = import_file(target, sample_json, author="test")
    assert len(report.imported) == repository.total and not report.skipped
    for copy in opened(target):
        again = export_json(copy, tmp_path / "again.json")
        assert copy.count(EventFilter()) == repository.total
    before = json.loads(sample_json.read_text(encoding="utf-8"))
    assert without_ids(again) == without_ids(before)
    assert all(quote["verified"] for record in again for quote in record["quotes"])
    for copy in opened(target):  # the aliases too, "Volvo" shared by two companies
        named = {p.actor.name: p.actor.aliases for e in repository.events() for p in e.participants}
        assert {a.name: a.aliases for a in copy.actors} == named
        assert {a.name for a in copy.actors if "Volvo" in a.aliases} == {"AB Volvo", "Volvo Cars"}


def test_a_name_the_timelines_actors_share_as_an_alias_refuses_the_file(
    repository: EventRepository, sample_json: Path, tmp_path: Path
) -> None:
    target = timeline_with_sources(repository, tmp_path / "copy.timeline")
    import_file(target, sample_json, author="test")
    records = json.loads(sample_json.read_text(encoding="utf-8"))
    volvo = next(r for r in records if any(p["name"] == "Volvo Cars" for p in r["participants"]))
    entry = {**volvo, "key": "a-new-event", "title": "Volvo, unnamed which"}
    entry["participants"] = [{"name": "Volvo", "kind": "company", "role": "acting"}]
    changed = tmp_path / "volvo.json"
    changed.write_text(json.dumps([entry]), encoding="utf-8")
    before = file_bytes(target)
    with pytest.raises(ImportFileError, match="'Volvo' could mean AB Volvo or Volvo Cars"):
        import_file(target, changed, author="test")
    assert file_bytes(target) == before


@pytest.fixture(scope="module")
def synthetic_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("json-import") / "synthetic.sqlite3"
    build_database(synthetic_dataset(400, seed=11), path)
    return path


def test_a_synthetic_timeline_comes_back_the_same(synthetic_db: Path, tmp_path: Path) -> None:
    """Mixed precisions, qualifiers, two-quote events, several sources, and dates cited by
    a sentence of the article itself (with a note) as well as by news reports."""
    for source in opened(synthetic_db):
        before = export_json(source, tmp_path / "events.json")
        target = timeline_with_sources(source, tmp_path / "copy.timeline")
    kinds = {record["date_source"]["kind"] for record in before}
    assert kinds == {"article", "news-report"}
    assert any(r["date_source"]["note"] for r in before if r["date_source"]["kind"] == "article")
    import_file(target, tmp_path / "events.json", author="test")
    for copy in opened(target):
        again = export_json(copy, tmp_path / "again.json")
    assert without_ids(again) == without_ids(before)


def test_quotes_found_again_where_the_offsets_moved(
    repository: EventRepository, sample_json: Path, tmp_path: Path
) -> None:
    target = timeline_with_sources(repository, tmp_path / "moved.timeline", prefix="Préface. ")
    report = import_file(target, sample_json, author="test")
    assert any("found again in its source at other offsets" in line for line in report.lines())
    for copy in opened(target):
        again = export_json(copy, tmp_path / "again.json")
    before = json.loads(sample_json.read_text(encoding="utf-8"))
    moved = [q for record in again for q in record["quotes"]]
    assert moved and all(q["verified"] for q in moved)
    assert [q["start"] for q in moved] == [
        q["start"] + len("Préface. ") for record in before for q in record["quotes"]
    ]


def test_without_the_sources_the_quotes_are_kept_as_the_claim(
    sample_json: Path, tmp_path: Path
) -> None:
    target = tmp_path / "new.timeline"  # made by the import: it holds no source
    report = import_file(target, sample_json, author="test")
    lines = report.lines()
    assert any("kept in the claim, the event is unsourced" in line for line in lines), lines
    before = json.loads(sample_json.read_text(encoding="utf-8"))
    for copy in opened(target):
        events = copy.events()
    assert [e.key for e in events] == [r["key"] for r in before]
    for number, (event, record) in enumerate(zip(events, before, strict=True), start=1):
        assert event.unsourced and event.claim is not None
        assert event.claim.origin == f"events.json, entry {number}"
        for quote in record["quotes"]:
            assert quote["text"] in event.claim.text
        assert (event.title, event.date.edtf()) == (record["title"], record["date"])


def file_bytes(path: Path) -> bytes:
    return path.read_bytes()


@pytest.mark.parametrize("with_sources", [True, False], ids=["sources", "no-sources"])
def test_the_same_file_twice_changes_nothing(
    repository: EventRepository, sample_json: Path, tmp_path: Path, with_sources: bool
) -> None:
    """Also into a timeline that lacks the sources (its events unsourced, their quotes in
    the claim): the second import compares what it would store, and finds it stored."""
    target = tmp_path / "copy.timeline"
    if with_sources:
        timeline_with_sources(repository, target)
    import_file(target, sample_json, author="test")
    before = file_bytes(target)
    with pytest.raises(ImportFileError, match=r"no event to import.*already in this timeline"):
        import_file(target, sample_json, author="test")
    assert file_bytes(target) == before


def test_a_key_naming_another_event_refuses_the_whole_file(
    repository: EventRepository, sample_json: Path, tmp_path: Path
) -> None:
    target = timeline_with_sources(repository, tmp_path / "copy.timeline")
    import_file(target, sample_json, author="test")
    records = json.loads(sample_json.read_text(encoding="utf-8"))
    records[3]["title"] = "Someone else's event"
    records.append({**records[0], "key": "a-new-event"})
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(records), encoding="utf-8")
    before = file_bytes(target)
    with pytest.raises(ImportFileError) as refused:
        import_file(target, changed, author="test")
    message = str(refused.value)
    assert (
        message.startswith("changed.json, entry 4: the key ") and "nothing was imported" in message
    )
    assert "\n" not in message
    assert file_bytes(target) == before


def edited(sample_json: Path, edit) -> bytes:
    records = json.loads(sample_json.read_text(encoding="utf-8"))
    edit(records)
    return json.dumps(records, ensure_ascii=False).encode("utf-8")


def _set(path: tuple, value: object):
    def edit(records: list) -> None:
        node = records
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value

    return edit


def lone_surrogate(sample_json: Path) -> bytes:
    records = json.loads(sample_json.read_text(encoding="utf-8"))
    records[1]["title"] = "\ud800"
    return json.dumps(records).encode("ascii")  # ensure_ascii writes it as a \ud800 escape


BAD_FILES = {
    "not json": (lambda _: b"{not json", "not JSON at line 1"),
    "not utf-8": (lambda _: b'[{"key": "\xff"}]', "not UTF-8 text"),
    "an object": (lambda _: b'{"events": []}', "bad.json: not a list of our events"),
    "a date of words": (
        lambda s: edited(s, _set((2, "date"), "last week")),
        'entry 3: not one of our events (date: "last week" is not in the expected form, '
        "the date in the EDTF subset",
    ),
    "a role unknown": (
        lambda s: edited(s, _set((0, "participants", 0, "role"), "boss")),
        "entry 1: not one of our events (participants.0.role",
    ),
    "a lone surrogate": (lambda s: lone_surrogate(s), "entry 2: holds a lone surrogate"),
    "an actor twice": (
        lambda s: edited(
            s, lambda records: records[3]["participants"].append(records[3]["participants"][0])
        ),
        "entry 4: the actor ",
    ),
    "a key twice": (
        lambda s: edited(s, lambda records: records.append(dict(records[0]))),
        "is also that of entry 1; a key names one event",
    ),
}


@pytest.mark.parametrize("case", BAD_FILES)
def test_a_bad_file_is_refused_in_one_line_and_nothing_is_created(
    sample_json: Path, tmp_path: Path, case: str
) -> None:
    make, expected = BAD_FILES[case]
    bad = tmp_path / "bad.json"
    bad.write_bytes(make(sample_json))
    target = tmp_path / "new.timeline"
    with pytest.raises(ImportFileError) as refused:
        import_file(target, bad, author="test", format_id="json")
    assert expected in str(refused.value) and "\n" not in str(refused.value)
    assert str(refused.value).startswith("bad.json")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json", "events.json"]


SCHEMA_CASES = ("an object", "a date of words", "a role unknown")


@pytest.mark.parametrize("case", SCHEMA_CASES)
def test_the_import_and_the_reference_validator_agree(sample_json: Path, case: str) -> None:
    """The import checks with jsonschema-rs, the tests with jsonschema: one schema, one
    answer (the exported file passes both; each broken one fails both)."""
    import jsonschema
    import jsonschema_rs

    from desktopapp.schemas import schema

    reference = jsonschema.Draft202012Validator(
        schema("events"), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    fast = jsonschema_rs.Draft202012Validator(schema("events"), validate_formats=True)
    whole = json.loads(sample_json.read_text(encoding="utf-8"))
    assert reference.is_valid(whole) and fast.is_valid(whole)
    broken = json.loads(BAD_FILES[case][0](sample_json))
    assert not reference.is_valid(broken) and not fast.is_valid(broken)


def test_an_actor_of_no_known_kind_is_made_a_group_saying_so(
    sample_json: Path, tmp_path: Path
) -> None:
    records = json.loads(sample_json.read_text(encoding="utf-8"))
    name = records[0]["participants"][0]["name"]
    for record in records:
        for participant in record["participants"]:
            if participant["name"] == name:
                participant["kind"] = None  # how a damaged actor row is exported
    odd = tmp_path / "odd.json"
    odd.write_text(json.dumps(records), encoding="utf-8")
    report = import_file(tmp_path / "new.timeline", odd, author="test")
    assert any("naming an actor of no known kind: made a group" in line for line in report.lines())
    for copy in opened(tmp_path / "new.timeline"):
        assert {a.name: a.kind for a in copy.actors}[name] is ActorKind.GROUP


HOSTILE_TITLES = [
    "<script>alert('x')</script> & <b>bold</b>",
    '=HYPERLINK("http://evil.example")',
    "+1+1",
    "line one\nline two\ttabbed",
    "\u202eRTL override\u200b zero width",
    "Ünïcödé — “quotes” « guillemets » 日本語 🙂",
    "x" * 500,  # the longest title a timeline holds
]


def test_hostile_texts_come_back_as_the_same_text(
    repository: EventRepository, sample_json: Path, tmp_path: Path
) -> None:
    records = json.loads(sample_json.read_text(encoding="utf-8"))
    for record, title in zip(records, HOSTILE_TITLES, strict=False):
        record["title"] = title
        record["summary"] = title * 3
    hostile = tmp_path / "hostile.json"
    hostile.write_text(json.dumps(records, ensure_ascii=True), encoding="ascii")
    target = timeline_with_sources(repository, tmp_path / "copy.timeline")
    import_file(target, hostile, author="test")
    for copy in opened(target):
        again = export_json(copy, tmp_path / "again.json")
    assert without_ids(again) == without_ids(records)


def test_an_imported_event_keeps_its_claim_and_links(tmp_path: Path) -> None:
    """An event that came from another tool (no quote: its claim and media links) comes
    back with them, still unsourced, its claim's origin that of its first import."""
    from desktopapp.db.commands import AddActor, AddEvent, ClaimInput, LinkInput, OutsideReference

    first = tmp_path / "first.timeline"
    with TimelineStore.create(first, title="First", author="test") as store:
        store.execute(AddActor("Spotify", "company", key="spotify"))
        store.execute(
            AddEvent(
                title="Spotify closes its Moscow office",
                type_slug="corporate-withdrawal",
                date_edtf="2022-03",
                citation=OutsideReference(
                    outlet="timeline.json", title="", url="", sentence="start_date 2022-03"
                ),
                participants=(("spotify", "acting"),),
                claim=ClaimInput("Spotify <b>closed</b> its office.", "timeline.json, slide 4"),
                links=(
                    LinkInput("media", "https://example.org/a.jpg", "© AP", "The office"),
                    LinkInput("background", "javascript:alert(1)"),
                ),
            )
        )
        before = export_json(store.repository, tmp_path / "events.json")
    report = import_file(tmp_path / "second.timeline", tmp_path / "events.json", author="test")
    assert len(report.imported) == 1
    for copy in opened(tmp_path / "second.timeline"):
        again = export_json(copy, tmp_path / "again.json")
    assert without_ids(again) == without_ids(before)
    [record] = again
    assert record["unsourced"] is True and record["claim"]["origin"] == "timeline.json, slide 4"
    assert [link["url"] for link in record["links"]] == [
        "https://example.org/a.jpg",
        "javascript:alert(1)",  # stored as given; shown and exported only through link_target
    ]


def test_quotes_are_attached_to_the_same_text_under_another_key(
    repository: EventRepository, sample_json: Path, tmp_path: Path
) -> None:
    """The source added to a new timeline gets a new key: its SHA-256 still names it."""
    target = tmp_path / "other.timeline"
    with TimelineStore.create(target, title="Other", author="test") as store:
        for source in repository.sources:
            store.execute(AddSource(repository.source_text(source.key), title=source.title))
        keys = {s.sha256: s.key for s in store.repository.sources}
    import_file(target, sample_json, author="test")
    records = json.loads(sample_json.read_text(encoding="utf-8"))
    for copy in opened(target):
        events = copy.events()
    for event, record in zip(events, records, strict=True):
        assert not event.unsourced and event.claim is None
        assert [(q.source_key, q.start, q.text) for q in event.quotes] == [
            (keys[q["source_sha256"]], q["start"], q["text"]) for q in record["quotes"]
        ]
        assert all(q.verified for q in event.quotes)


def test_a_file_read_entry_by_entry_keeps_a_bom_and_escaped_characters(
    sample_json: Path, tmp_path: Path
) -> None:
    """The events array is read one entry at a time (ijson): a BOM, an emoji written as a
    surrogate pair escape and accented letters as escapes come back as they were."""
    records = json.loads(sample_json.read_text(encoding="utf-8"))
    records[0]["title"] = "Sanctions 😀 — été"
    data = b"\xef\xbb\xbf\n " + json.dumps(records, ensure_ascii=True).encode("ascii")
    assert b"\\ud83d\\ude00" in data
    source = tmp_path / "escaped.json"
    source.write_bytes(data)
    target = tmp_path / "new.timeline"
    import_file(target, source, author="test", format_id="json")
    repository = EventRepository(open_database(target))
    keys = repository.event_ids_by_key([records[0]["key"]])
    (event,) = repository.events_by_id(list(keys.values()))
    assert event.title == "Sanctions 😀 — été"
