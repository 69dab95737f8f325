"""Schema 5: a source's author, an imported event's claim and links, unsourced events, many
commands in one transaction (an import), and the in-place upgrade of an edited schema-4 file."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from pathlib import Path

import pytest

from desktopapp.db.actor_spans import unpack_days
from desktopapp.db.commands import (
    AddActor,
    AddEvent,
    AddSource,
    ClaimInput,
    CommandError,
    DeleteEvent,
    EditEvent,
    EditSource,
    LinkInput,
    OutsideReference,
    QuoteInput,
)
from desktopapp.db.integrity import check_database
from desktopapp.db.schema import SCHEMA_VERSION
from desktopapp.db.store import TimelineStore
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.model import Claim, Link
from desktopapp.ingest.upgrade import schema_version_of, upgrade_database

TEXT = "Le 1er mars 2022, Apple a arrêté ses ventes en Russie."
CITED = OutsideReference("slides.json", "", "", "start_date 2022-03-01", note="as given")


def _imported(title: str, edtf: str, actors=(), n: int = 1, links=()) -> AddEvent:
    return AddEvent(
        title,
        "corporate-withdrawal/sales-halt",
        edtf,
        CITED,
        tuple(actors),
        claim=ClaimInput(f"<p>Text of slide {n}</p> as plain text", f"slides.json, slide {n}"),
        links=tuple(links),
    )


@pytest.fixture
def store(tmp_path: Path):
    with TimelineStore.create(tmp_path / "t.timeline", title="Mine", author="Ada") as opened:
        yield opened


def _dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as db:
        return list(db.iterdump())


def test_an_imported_event_keeps_its_claim_and_links_and_is_unsourced(store) -> None:
    media = LinkInput("media", "https://example.org/v.mp4", "<b>AP</b>", "A caption")
    key = store.execute(_imported("Imported", "2022-03", links=[media])).created_key
    event = store.repository.events(EventFilter())[0]
    assert event.key == key and event.unsourced and event.quotes == ()
    assert event.claim == Claim("<p>Text of slide 1</p> as plain text", "slides.json, slide 1")
    assert event.links == (Link("media", "https://example.org/v.mp4", "<b>AP</b>", "A caption"),)
    assert event.problems == ()  # unsourced is shown as such, not as damage
    row = store.repository.list_page(EventFilter(), limit=10).rows[0]
    assert row.unsourced is True
    assert [entry.new.get("imported_from") for entry in store.history(key)] == [
        "slides.json, slide 1"
    ]


def test_deleting_an_imported_event_and_undoing_brings_back_claim_and_links(store) -> None:
    link = LinkInput("thumbnail", "https://example.org/t.png")
    change = store.execute(_imported("Imported", "2022", links=[link]))
    before = store.repository.events(EventFilter())[0]
    undo = store.execute(DeleteEvent(change.created_key)).inverse
    assert store.repository.count(EventFilter()) == 0
    store.execute(undo)
    after = store.repository.events(EventFilter())[0]
    assert (after.key, after.claim, after.links, after.date) == (
        before.key,
        before.claim,
        before.links,
        before.date,
    )
    store.execute(EditEvent(after.key, title="Renamed"))
    assert store.repository.events(EventFilter())[0].links == before.links


def test_an_event_made_here_still_needs_a_quote(store) -> None:
    command = AddEvent("Mine", "sanction", "2022-03-01", CITED, ())
    with pytest.raises(CommandError, match="needs a quote"):
        store.execute(command)


def test_a_link_of_an_unknown_kind_is_refused(store) -> None:
    with pytest.raises(CommandError, match="unknown link kind"):
        store.execute(_imported("x", "2022", links=[LinkInput("script", "javascript:x")]))


def test_execute_all_is_all_or_nothing(store) -> None:
    before = _dump(store.path)
    commands = [_imported(f"E{n}", "2022-03-0" + str(n + 1), n=n) for n in range(3)]
    commands.insert(2, _imported("Bad date", "the day after"))
    with pytest.raises(CommandError, match=r"^item 3: "):
        store.execute_all(commands)
    assert _dump(store.path) == before
    assert store.repository.count(EventFilter()) == 0


def _naive_spans(path: Path) -> dict:
    with sqlite3.connect(path) as db:
        kept = {
            (a, t): (list(unpack_days(s)), list(unpack_days(e)))
            for a, t, s, e in db.execute("SELECT actor_id, type_id, starts, ends FROM actor_spans")
        }
        naive: dict = defaultdict(lambda: ([], []))
        for a, t, _event, s, e in db.execute(
            "SELECT DISTINCT ea.actor_id, e.type_id, e.id, e.start_date, e.end_date "
            "FROM event_actors ea JOIN events e ON e.id = ea.event_id"
        ):
            naive[(a, t)][0].append(int(s.replace("-", "")))
            naive[(a, t)][1].append(int(e.replace("-", "")))
    return kept, {k: (sorted(v[0]), sorted(v[1])) for k, v in naive.items()}


def test_a_large_import_keeps_every_precomputed_structure_exact(store) -> None:
    actor = store.execute(AddActor("Group A", "group")).created_key
    store.execute(_imported("Before", "2022-02-10", [(actor, "acting")]))
    days = [f"2022-{month:02d}-{day:02d}" for day in (28, 3, 15, 1) for month in (5, 1, 3)]
    commands = [_imported(f"E{n}", d, [(actor, "acting")], n) for n, d in enumerate(days * 3)]
    changes = store.execute_all(commands, note="import")
    assert len(changes) == len(commands) == 36
    kept, naive = _naive_spans(store.path)
    assert kept == naive
    report = check_database(store.repository)
    assert report.damages == []
    assert store.repository.count(EventFilter(actors=frozenset({"Group A"}))) == 37
    for change in changes[:20]:  # undo part of it event by event: still exact
        store.execute(change.inverse)
    kept, naive = _naive_spans(store.path)
    assert kept == naive
    assert store.repository.count(EventFilter()) == 17


def test_a_source_keeps_its_author(store) -> None:
    key = store.execute(AddSource(TEXT, "Article", author="Jane Doe")).created_key
    assert store.repository.sources[0].author == "Jane Doe"
    undo = store.execute(EditSource(key, author="J. Doe")).inverse
    assert store.repository.sources[0].author == "J. Doe"
    store.execute(undo)
    assert store.repository.sources[0].author == "Jane Doe"


def _as_schema_4(path: Path) -> None:
    """Take a newer file back to what schema 4 wrote (the lane counts of schema 6, the
    columns and table of schema 5, and the migration stamp: schema 4 was written before
    migrations)."""
    with sqlite3.connect(path) as db:
        db.execute("DROP TABLE alembic_version")
        for trigger in (
            "count_event_lane", "uncount_event_lane", "recount_event_lane",
            "count_acting_lane", "uncount_acting_lane",
        ):  # fmt: skip
            db.execute(f"DROP TRIGGER {trigger}")
        db.execute("DROP TABLE lane_day_counts")
        db.execute("DROP TABLE event_links")
        # Schema 7's translations, language columns and quote index.
        db.execute("DROP INDEX ix_quotes_source_start")
        db.execute("DROP INDEX ix_quotes_long")
        db.execute("DROP TABLE quote_translations")
        db.execute("DROP TABLE event_texts")
        for table, column in (
            ("sources", "author"),
            ("events", "claim_text"),
            ("events", "claim_origin"),
            ("events", "language"),
            ("actor_names", "language"),
        ):
            db.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        db.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")


def test_an_edited_schema_4_file_is_upgraded_in_place_keeping_its_history(tmp_path) -> None:
    path = tmp_path / "old.timeline"
    with TimelineStore.create(path, title="Old", author="Ada") as store:
        source = store.execute(AddSource(TEXT, "Article")).created_key
        start = TEXT.index("Apple")
        quote = QuoteInput(source, start, start + 5, "Apple")
        event = store.execute(
            AddEvent("Apple halts", "sanction", "2022-03-01", CITED, (), (quote,))
        ).created_key
        store.execute(EditEvent(event, title="Apple halts sales"), note="clearer")
        history = store.history()
    _as_schema_4(path)
    assert schema_version_of(path) == 4
    backup = upgrade_database(path)
    assert schema_version_of(path) == SCHEMA_VERSION and schema_version_of(backup) == 4
    with TimelineStore.open(path, author="Ada") as store:
        assert store.history() == history
        (loaded,) = store.repository.events(EventFilter())
        assert (loaded.key, loaded.title, loaded.claim, loaded.links) == (
            event,
            "Apple halts sales",
            None,
            (),
        )
        assert store.repository.sources[0].author == ""
        store.execute(_imported("Imported after the upgrade", "2022"))
        assert check_database(store.repository).damages == []
