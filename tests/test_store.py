"""TimelineStore: opening for editing, undo by inverses, refused and failed commands leaving
the file as it was, another process's changes noticed, two writers, and kill -9 mid-edit.

The store's semantics run on a timeline file and on a PostgreSQL server (the ``store``
fixture is made on each engine); what is about files alone (bytes, copies, kill -9 of a
writer) runs on files."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import event, select, text

from desktopapp.db import edits
from desktopapp.db.commands import (
    AddActor,
    AddEvent,
    AddQuote,
    AddSource,
    AddType,
    CommandError,
    DeleteEvent,
    DeleteSource,
    EditEvent,
    EditSource,
    OutsideReference,
    QuoteInput,
    SourceSentence,
)
from desktopapp.db.engine import open_database
from desktopapp.db.errors import DatabaseError
from desktopapp.db.integrity import check_database
from desktopapp.db.schema import Base
from desktopapp.db.store import TimelineStore
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.taxonomy import STANDARD_TYPES

TEXT = "Le 1er mars 2022, Apple a arrêté ses ventes en Russie. Netflix a riposté."
APPLE = "Apple a arrêté ses ventes en Russie"


def _quote(source: str, words: str) -> QuoteInput:
    start = TEXT.index(words)
    return QuoteInput(source, start, start + len(words), words)


@pytest.fixture
def store(timeline_location: str):
    with TimelineStore.create(timeline_location, title="Mine", author="Ada") as opened:
        yield opened


@pytest.fixture
def file_store(tmp_path: Path):
    with TimelineStore.create(tmp_path / "t.timeline", title="Mine", author="Ada") as opened:
        yield opened


def _seed(store: TimelineStore) -> tuple[str, str, str]:
    source = store.execute(AddSource(TEXT, "Article", outlet="Le Monde")).created_key
    actor = store.execute(AddActor("Apple", "company")).created_key
    assert source and actor
    event = store.execute(
        AddEvent(
            "Apple halts sales",
            "corporate-withdrawal/sales-halt",
            "2022-03-01",
            SourceSentence(_quote(source, "Le 1er mars 2022")),
            ((actor, "acting"),),
            (_quote(source, APPLE),),
        )
    ).created_key
    assert event
    return source, actor, event


def _dump(location: str | Path) -> list[tuple]:
    """Every row of every table, read through SQLAlchemy on either engine."""
    engine = open_database(location)
    try:
        with engine.connect() as connection:
            return [
                (table.name, *row)
                for table in Base.metadata.sorted_tables
                for row in connection.execute(select(table).order_by(*table.c))
            ]
    finally:
        engine.dispose()


def _scalar(location: str | Path, sql: str) -> object:
    engine = open_database(location)
    try:
        with engine.connect() as connection:
            return connection.execute(text(sql)).scalar()
    finally:
        engine.dispose()


def test_a_new_timeline_is_empty_with_the_standard_taxonomy(store: TimelineStore) -> None:
    repository = store.repository
    assert repository.count() == 0 and repository.sources == () and repository.actors == ()
    assert [(t.slug, t.label) for t in repository.event_types] == sorted(STANDARD_TYPES)
    assert repository.meta["title"] == "Mine" and repository.meta["created_by"] == "Ada"
    assert check_database(repository).is_clean


def test_create_refuses_an_existing_file(tmp_path: Path) -> None:
    existing = tmp_path / "x.timeline"
    existing.write_text("mine", encoding="utf-8")
    with pytest.raises(DatabaseError, match="already exists"):
        TimelineStore.create(existing, title="", author="")
    assert existing.read_text(encoding="utf-8") == "mine"


def test_source_text_is_fixed_with_its_digest(store: TimelineStore) -> None:
    source, _, _ = _seed(store)
    [stored] = store.repository.sources
    import hashlib

    assert stored.sha256 == hashlib.sha256(TEXT.encode()).hexdigest()
    change = store.execute(EditSource(source, title="Le Monde article", published_edtf="2022-03"))
    assert store.repository.sources[0].title == "Le Monde article"
    assert store.repository.source_text(source) == TEXT
    store.execute(change.inverse)
    assert store.repository.sources[0].title == "Article"
    with pytest.raises(CommandError, match="quoted by 1 event"):
        store.execute(DeleteSource(source))
    [key] = [e.key for e in store.repository.events()]
    assert store.source_dependents(source) == ([key], [key])
    assert store.repository.event_ids_by_key([key, "ev-gone"]) == {key: 1}


def test_undo_is_executing_the_inverse_and_keys_survive(store: TimelineStore) -> None:
    source, _actor, key = _seed(store)
    before = store.repository.events()[0]
    edit = store.execute(
        EditEvent(
            key,
            date_edtf="2022-03-02",
            citation=OutsideReference("Reuters", "T", "https://example.org", "On 2 March"),
        )
    )
    assert edit.text == "Change date of 'Apple halts sales'"
    assert store.repository.events()[0].date.edtf() == "2022-03-02"
    undone = store.execute(edit.inverse)
    assert store.repository.events()[0] == before
    store.execute(undone.inverse)  # redo
    assert store.repository.events()[0].date.edtf() == "2022-03-02"

    deleted = store.execute(DeleteEvent(key))
    assert store.repository.count() == 0
    store.execute(deleted.inverse)
    [restored] = store.repository.events()
    assert restored.key == key and restored.date.edtf() == "2022-03-02"
    assert [q.text for q in restored.quotes] == [APPLE]
    added = store.execute(AddQuote(key, _quote(source, "Netflix a riposté")))
    assert len(store.repository.events()[0].quotes) == 2
    store.execute(added.inverse)
    assert len(store.repository.events()[0].quotes) == 1
    assert check_database(store.repository).is_clean


@pytest.mark.parametrize(
    "command",
    [
        AddEvent("", "sanction", "2022", OutsideReference("R", "", "", "s"), (), ()),
        AddType("Not A Slug", "x"),
        AddActor("Apple", "company"),
        AddActor("Someone", "alien"),
        AddSource("", "empty"),
        EditEvent("ev-none", title="x"),
    ],
    ids=["empty-title", "bad-slug", "name-taken", "bad-kind", "empty-source", "unknown-event"],
)
def test_a_refused_command_changes_nothing(file_store: TimelineStore, command) -> None:
    _seed(file_store)
    file_store.close()
    path = file_store.path
    assert path is not None
    before = path.read_bytes()
    with TimelineStore.open(path, author="Ada") as again, pytest.raises(CommandError):
        again.execute(command)
    assert path.read_bytes() == before


@pytest.mark.postgres
@pytest.mark.parametrize(
    "command",
    [
        AddEvent("", "sanction", "2022", OutsideReference("R", "", "", "s"), (), ()),
        AddActor("Apple", "company"),
        EditEvent("ev-none", title="x"),
    ],
    ids=["empty-title", "name-taken", "unknown-event"],
)
def test_a_refused_command_changes_no_row_on_a_server(pg_url: str, command) -> None:
    with TimelineStore.create(pg_url, title="Mine", author="Ada") as store:
        _seed(store)
        before = _dump(pg_url)
        with pytest.raises(CommandError):
            store.execute(command)
    assert _dump(pg_url) == before


def test_a_failure_in_the_middle_of_writing_rolls_everything_back(
    store: TimelineStore, timeline_location: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, actor, _ = _seed(store)
    dump = _dump(timeline_location)

    def broken(self, event_id: int) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(edits.Edit, "_refresh_actor_names", broken)
    with pytest.raises(DatabaseError, match="not saved"):
        store.execute(
            AddEvent(
                "Second",
                "sanction",
                "2022-03",
                OutsideReference("R", "", "", "s"),
                ((actor, "acting"),),
                (_quote(source, "Netflix a riposté"),),
            )
        )
    assert _dump(timeline_location) == dump
    assert store.repository.count() == 1


def test_the_bundled_sample_and_foreign_files_are_not_opened_for_editing(tmp_path: Path) -> None:
    from desktopapp.ingest.bundled import ensure_default_database

    with pytest.raises(DatabaseError, match="bundled sample is read-only"):
        TimelineStore.open(ensure_default_database(), author="")
    foreign = tmp_path / "other.sqlite3"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(DatabaseError, match="not a timeline database"):
        TimelineStore.open(foreign, author="")


def test_another_process_writing_is_noticed(store: TimelineStore, timeline_location: str) -> None:
    _seed(store)
    assert not store.external_change()
    assert store.repository.count() == 1
    with TimelineStore.open(timeline_location, author="Bob") as other:
        other.execute(AddActor("Netflix", "company"))
    assert store.external_change()
    assert not store.external_change()  # once
    assert [a.name for a in store.repository.actors] == ["Apple", "Netflix"]


_EDITOR = textwrap.dedent(
    """
    import sys
    from desktopapp.db.commands import AddActor
    from desktopapp.db.store import TimelineStore
    path, prefix, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with TimelineStore.open(path, author=prefix) as store:
        for n in range(count):
            store.execute(AddActor(f"{prefix} {n}", "company"))
            print(f"{prefix} {n}", flush=True)
    """
)


def _editor(path: Path | str, prefix: str, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", _EDITOR, str(path), prefix, str(count)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_processes_editing_one_file_lose_nothing(
    store: TimelineStore, timeline_location: str
) -> None:
    store.close()
    first = _editor(timeline_location, "first", 40)
    second = _editor(timeline_location, "second", 40)
    for process in (first, second):
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        assert len(out.split("\n")) == 41
    with TimelineStore.open(timeline_location, author="") as again:
        names = {a.name for a in again.repository.actors}
        assert names == {f"{p} {n}" for p in ("first", "second") for n in range(40)}
        assert len(again.history()) == 80


_CRASHER = textwrap.dedent(
    """
    import sys
    from desktopapp.db.commands import (
        AddEvent, DeleteEvent, EditEvent, OutsideReference, QuoteInput
    )
    from desktopapp.db.store import TimelineStore
    path, source, actor, text = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
    cite = OutsideReference("Reuters", "", "https://example.org", "That day")
    quote = QuoteInput(source, 0, 5, text[:5])
    with TimelineStore.open(path, author="crash") as store:
        for n in range(100000):
            key = store.execute(AddEvent(f"Event {n}", "sanction", "2022-03-01", cite,
                                         ((actor, "acting"),), (quote,))).created_key
            print("added", key, flush=True)
            store.execute(EditEvent(key, date_edtf="2022-03-02", citation=cite))
            print("edited", key, flush=True)
            if n % 3 == 0:
                store.execute(DeleteEvent(key))
                print("deleted", key, flush=True)
    """
)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_kill_9_in_the_middle_of_edits_loses_no_confirmed_edit(tmp_path: Path, seed: int) -> None:
    with TimelineStore.create(tmp_path / "t.timeline", title="", author="") as store:
        source, actor, _ = _seed(store)
        path = store.path
    process = subprocess.Popen(
        [sys.executable, "-c", _CRASHER, str(path), source, actor, TEXT],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    confirmed = [process.stdout.readline() for _ in range(3)]  # it is editing
    time.sleep(random.Random(seed).uniform(0.05, 0.6))
    os.kill(process.pid, signal.SIGKILL)
    rest, _ = process.communicate()
    # A line is printed after its edit is committed: the kill may fall between the two (the
    # last edit is then one step ahead of what was printed) or in the middle of a line.
    lines = [line.split() for line in [*confirmed, *rest.splitlines()]]
    lines = [line for line in lines if len(line) == 2]
    with TimelineStore.open(path, author="") as store:
        report = check_database(store.repository)
        assert report.is_clean, [d.line() for d in report.damages]
        events = {e.key: e for e in store.repository.events()}
        state: dict[str, str] = {}
        for what, key in lines:
            state[key] = what
        last = lines[-1][1]
        for key, what in state.items():
            ahead = key == last  # only the last edit can be confirmed and not yet printed
            if what == "deleted":
                assert key not in events
            elif what == "edited":
                assert (ahead and key not in events) or events[key].date.edtf() == "2022-03-02"
            else:  # added, and perhaps edited after the line was printed
                assert events[key].date.edtf() in ("2022-03-01", "2022-03-02")
        for event in events.values():  # an event is whole: its quote and its actor
            assert event.quotes and event.participants


def test_a_copy_of_a_built_file_becomes_editable(tmp_path: Path, article_db: Path) -> None:
    copy = tmp_path / "copy.sqlite3"
    shutil.copyfile(article_db, copy)
    with TimelineStore.open(copy, author="Ada") as store:
        total = store.repository.count()
        change = store.execute(DeleteEvent("amazon-logistics-aid"), note="test")
        assert store.repository.count() == total - 1
        store.execute(change.inverse)
        assert store.repository.count() == total
        assert check_database(store.repository).is_clean
        assert [h.note for h in store.history()] == ["test", ""]


def test_a_consistent_copy_is_taken_even_while_editing(file_store: TimelineStore, tmp_path) -> None:
    from desktopapp.db.store import copy_timeline
    from desktopapp.ingest.bundled import ensure_default_database

    store = file_store
    assert store.path is not None
    _seed(store)
    target = copy_timeline(store.path, tmp_path / "copy.timeline")
    with TimelineStore.open(target, author="Ada") as copy:
        assert [e.title for e in copy.repository.events()] == ["Apple halts sales"]
        assert check_database(copy.repository).is_clean
    sample = copy_timeline(ensure_default_database(), tmp_path / "sample-copy.timeline")
    with TimelineStore.open(sample, author="Ada") as editable:
        assert editable.repository.count() == 18
    with pytest.raises(DatabaseError, match="is the file being copied"):
        copy_timeline(store.path, store.path)


def test_actors_and_types_are_edited_and_searched_under_their_new_names(
    store: TimelineStore,
) -> None:
    from desktopapp.db.commands import EditActor, EditType
    from desktopapp.domain.filter import EventFilter

    _, actor, _ = _seed(store)
    change = store.execute(EditActor(actor, name="Apple Inc.", aliases=("AAPL",)))
    assert [e.actors()[0].name for e in store.repository.events()] == ["Apple Inc."]
    assert store.repository.count(EventFilter(text="aapl")) == 1
    assert store.repository.resolve_actor("aapl").key == actor
    store.execute(change.inverse)
    assert store.repository.count(EventFilter(text="aapl")) == 0
    assert store.repository.resolve_actor("apple").name == "Apple"
    store.execute(EditType("sanction", "Sanctions"))
    assert store.repository.type_by_slug("sanction").label == "Sanctions"
    assert check_database(store.repository).is_clean


def test_an_alias_may_be_shared_but_a_name_picks_out_one_actor(
    store: TimelineStore, timeline_location: str
) -> None:
    from desktopapp.db.commands import EditActor
    from desktopapp.domain.filter import FilterError

    # As the bundled article's "Volvo": two companies answer to it, a filter says so.
    cars = store.execute(AddActor("Volvo Cars", "company", ("Volvo",))).created_key
    trucks = store.execute(AddActor("AB Volvo", "company", ("Volvo", "Volvo Group"))).created_key
    with pytest.raises(FilterError, match="could mean several actors: AB Volvo, Volvo Cars"):
        store.repository.resolve_actor("volvo")
    before = _dump(timeline_location)
    for refused in [
        AddActor("Volvo", "company"),  # a name that is others' alias
        AddActor("Volvo Bus", "company", ("AB Volvo",)),  # an alias that is another's name
        AddActor("volvo cars", "company"),  # a name, folded
        EditActor(cars, name="Volvo Group"),
        EditActor(trucks, aliases=("Volvo Cars",)),
    ]:
        with pytest.raises(CommandError, match="already names the actor"):
            store.execute(refused)
    assert _dump(timeline_location) == before
    store.execute(EditActor(cars, aliases=("Volvo", "Volvo Group")))  # shared aliases, edited
    assert {a.key for a in store.repository.actors if "Volvo Group" in a.aliases} == {
        cars,
        trucks,
    }
    assert check_database(store.repository).is_clean


def test_the_total_follows_edits_without_counting_every_event(
    store: TimelineStore, timeline_location: str
) -> None:
    """After an edit the window asks the total again: it moves by the edit (an add +1, a
    delete -1, a new date 0) rather than by a count(*) over the events, 50 ms at 1M."""
    source, actor, key = _seed(store)
    repository = store.repository
    assert repository.count() == 1  # read once, as a window does on opening
    statements: list[str] = []

    def seen(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    event.listen(repository.engine, "before_cursor_execute", seen)
    citation = OutsideReference("Reuters", "T", "https://example.org", "On 2 March")
    store.execute(EditEvent(key, date_edtf="2022-03-02", citation=citation))
    assert repository.count() == repository.total == 1
    second = store.execute(
        AddEvent(
            "Apple halts more",
            "corporate-withdrawal/sales-halt",
            "2022-03-04",
            citation,
            ((actor, "acting"),),
            (_quote(source, APPLE),),
        )
    ).created_key
    assert second and repository.count() == 2
    deleted = store.execute(DeleteEvent(key))
    assert repository.count() == repository.total == 1
    store.execute(deleted.inverse)
    assert repository.count() == 2
    event.remove(repository.engine, "before_cursor_execute", seen)
    assert not [s for s in statements if "count(" in s.lower() and "events" in s.lower()]
    assert _scalar(timeline_location, "SELECT count(*) FROM events") == 2


def test_a_short_date_range_counts_long_events_that_began_long_before(
    store: TimelineStore,
) -> None:
    """count() of a short range reads the date index only from 100 days before it, plus the
    long events' index: an event begun a year before and still running is counted, one
    that ended before the range is not, whatever their lengths."""
    source, actor, _key = _seed(store)  # 2022-03-01
    citation = OutsideReference("Reuters", "T", "https://example.org", "On 2 March")
    for title, edtf in (
        ("Long, still running", "2021-01-10/2022-06-30"),
        ("Long, ended before", "2021-01-10/2022-02-27"),
        ("Short, ended before", "2022-02-20/2022-02-27"),
        ("Short, overlapping", "2022-02-20/2022-03-02"),
    ):
        store.execute(
            AddEvent(
                title,
                "corporate-withdrawal/sales-halt",
                edtf,
                citation,
                ((actor, "acting"),),
                (_quote(source, APPLE),),
            )
        )
    repository = store.repository

    def between(low: date, high: date) -> int:
        return repository.count(EventFilter(date_from=low, date_to=high))

    assert between(date(2022, 3, 1), date(2022, 3, 31)) == 3
    assert between(date(2021, 6, 1), date(2021, 6, 30)) == 2  # only the long ones
    assert between(date(2022, 2, 28), date(2022, 2, 28)) == 2
    assert between(date(2022, 4, 1), date(2022, 4, 1)) == 1


@pytest.mark.parametrize("kind", ["source sentence", "outside report"])
def test_a_date_corrected_under_its_own_citation_records_no_citation_change(
    store: TimelineStore, timeline_location: str, kind: str
) -> None:
    source, _actor, key = _seed(store)
    if kind == "outside report":
        report = OutsideReference("Reuters", "T", "https://example.org", "On 2 March", "2022-03")
        store.execute(EditEvent(key, date_edtf="2022-03-02", citation=report))
        cite: SourceSentence | OutsideReference = report
    else:
        cite = SourceSentence(_quote(source, "Le 1er mars 2022"))
    with pytest.raises(CommandError, match="needs its citation"):
        store.execute(EditEvent(key, date_edtf="2022-03-03"))
    reports = _scalar(timeline_location, "SELECT count(*) FROM citations")
    before = len(store.history(key))
    change = store.execute(EditEvent(key, date_edtf="2022-03-03", citation=cite))
    assert change.text == "Change date of 'Apple halts sales'"
    assert store.repository.events()[0].date.edtf() == "2022-03-03"
    assert [(h.field, h.old, h.new) for h in store.history(key)[before:]] == [
        ("date", "2022-03-02" if kind == "outside report" else "2022-03-01", "2022-03-03")
    ]
    # The same report is not stored twice.
    assert _scalar(timeline_location, "SELECT count(*) FROM citations") == reports
    store.execute(change.inverse)
    assert store.repository.events()[0].date.edtf() != "2022-03-03"
    with pytest.raises(CommandError, match="nothing to change"):
        store.execute(EditEvent(key, citation=cite))


def test_an_actor_in_both_roles_is_counted_once_and_counted_off_once(store: TimelineStore) -> None:
    """One actor acting and affected in one event: one event in its counts, and none once the
    event is deleted (both roles go in one statement), then one again when it is restored."""
    source, actor, _key = _seed(store)
    other = store.execute(
        AddEvent(
            "Apple both ways",
            "sanction",
            "2022-03-02",
            OutsideReference("R", "", "", "s"),
            ((actor, "acting"), (actor, "affected")),
            (_quote(source, APPLE),),
        )
    ).created_key
    assert other
    repository = store.repository
    apple = repository.resolve_actor("Apple").id
    assert repository.facet_counts().actors == {apple: 2}
    deleted = store.execute(DeleteEvent(other))
    assert repository.facet_counts().actors == {apple: 1}
    assert check_database(repository).is_clean
    store.execute(deleted.inverse)
    assert repository.facet_counts().actors == {apple: 2}
    assert check_database(repository).is_clean


def test_a_change_committed_right_after_ours_is_still_noticed(
    store: TimelineStore, timeline_location: str
) -> None:
    """Another writer that commits between our commit and our next look is not taken for
    our own change: the window would otherwise never show it."""
    _seed(store)
    other = TimelineStore.open(timeline_location, author="Bob")
    pending = [AddActor("Netflix", "company")]

    def right_after(_conn, _cursor, statement: str, *_args) -> None:
        if statement == "COMMIT" and pending:
            other.execute(pending.pop())

    event.listen(store._writer, "after_cursor_execute", right_after)
    try:
        store.execute(AddActor("Spotify", "company"))
        event.remove(store._writer, "after_cursor_execute", right_after)
        assert not pending
        assert store.external_change()
        assert [a.name for a in store.repository.actors] == ["Apple", "Netflix", "Spotify"]
    finally:
        other.close()
