"""A timeline on a PostgreSQL server: made and opened from the command line, viewed read-only,
edited by several writers at once with every count exact, and answering every question as
the same timeline in a file does."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from collections import Counter
from datetime import date
from pathlib import Path

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from psycopg import errors as psycopg_errors
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from desktopapp.cli import main
from desktopapp.db.commands import (
    AddActor,
    AddEvent,
    AddSource,
    ClaimInput,
    DeleteEvent,
    OutsideReference,
)
from desktopapp.db.engine import open_database
from desktopapp.db.integrity import check_database
from desktopapp.db.repository import EventRepository, SortKey
from desktopapp.db.store import TimelineStore
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.grouping import Grouping
from desktopapp.domain.search import fold
from tests.conftest import ARTICLE_PATH
from tests.pg_server import PostgresServer

pytestmark = pytest.mark.postgres


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# -- the command line -------------------------------------------------------------------------


def test_new_makes_a_timeline_in_an_empty_database_and_list_reads_it(
    capsys: pytest.CaptureFixture[str], pg_url: str
) -> None:
    code, out, err = run(capsys, "new", pg_url, "--title", "Team desk")
    assert (code, err) == (0, "") and out == f"Created {pg_url}.\n"
    code, out, err = run(capsys, "list", "--db", pg_url)
    assert code == 0, err
    assert out.rstrip().endswith("0 of 0 events")
    with TimelineStore.open(pg_url, author="Ada") as store:
        assert store.repository.meta["title"] == "Team desk"
        assert check_database(store.repository).is_clean


def test_new_refuses_a_database_that_is_not_empty_and_leaves_it_alone(
    capsys: pytest.CaptureFixture[str], pg_server: PostgresServer, pg_url: str
) -> None:
    name = pg_url.rsplit("/", 1)[-1]
    with pg_server.connect(name) as connection:
        connection.execute("CREATE TABLE payroll (who text)")
        connection.execute("INSERT INTO payroll VALUES ('Ada')")
    code, out, err = run(capsys, "new", pg_url)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "not empty" in err
    with pg_server.connect(name) as connection:
        tables = connection.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchall()
        assert tables == [("payroll",)]
        assert connection.execute("SELECT who FROM payroll").fetchall() == [("Ada",)]


def test_an_empty_database_is_not_taken_for_a_timeline(
    capsys: pytest.CaptureFixture[str], pg_url: str
) -> None:
    code, _out, err = run(capsys, "list", "--db", pg_url)
    assert code == 2 and err.count("\n") == 1
    assert "a PostgreSQL database, but not a timeline database" in err


def test_a_password_is_never_shown(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "list", "--db", "postgresql://bob:hunter%232@127.0.0.1:1/news")
    assert code == 2 and err.count("\n") == 1
    assert "cannot connect to the server" in err and "***" in err
    assert "hunter" not in err


def test_libpq_settings_pass_through_from_the_url(
    capsys: pytest.CaptureFixture[str], pg_url: str
) -> None:
    # The test server has no TLS: sslmode=require reaching libpq is what makes this fail.
    code, _out, err = run(capsys, "list", "--db", pg_url + "?sslmode=require")
    assert code == 2 and "SSL" in err
    code, _out, err = run(capsys, "list", "--db", pg_url + "?sslmode=disable&connect_timeout=5")
    assert code == 2 and "not a timeline database" in err  # connected, found no timeline


def test_the_password_goes_through_libpq_environment(
    capsys: pytest.CaptureFixture[str],
    pg_server: PostgresServer,
    pg_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """PGPASSWORD (like .pgpass) is read by libpq itself: the URL needs no password."""
    with pg_server.connect() as connection:
        connection.execute("DROP ROLE IF EXISTS reader_pw")
        connection.execute("CREATE ROLE reader_pw LOGIN PASSWORD 'sesame'")
    name = pg_url.rsplit("/", 1)[-1]
    with TimelineStore.create(pg_url, title="t", author="Ada"):
        pass
    with pg_server.connect(name) as connection:
        connection.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader_pw")
    monkeypatch.setenv("PGPASSWORD", "sesame")
    url = f"postgresql://reader_pw@127.0.0.1:{pg_server.port}/{name}"
    code, out, err = run(capsys, "list", "--db", url)
    assert code == 0, err
    assert "0 of 0 events" in out and "sesame" not in out + err


# -- viewing never writes ---------------------------------------------------------------------


def test_a_viewed_server_timeline_refuses_every_write(pg_url: str) -> None:
    TimelineStore.create(pg_url, title="t", author="Ada").close()
    engine = open_database(pg_url)
    try:
        with engine.connect() as connection, pytest.raises(DBAPIError, match="read-only"):
            connection.execute(text("INSERT INTO meta (key, value) VALUES ('x', 'y')"))
    finally:
        engine.dispose()


# -- several writers at once ------------------------------------------------------------------

_WRITER = textwrap.dedent(
    """
    import random, sys
    from desktopapp.db.commands import (
        AddEvent, ClaimInput, DeleteEvent, EditEvent, OutsideReference
    )
    from desktopapp.db.store import TimelineStore
    url, name, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
    actors = sys.argv[4].split(",")
    rng = random.Random(seed)
    cite = OutsideReference("Reuters", "", "", "That day")
    types = ["sanction", "aid/logistics", "market-move"]
    mine = []
    with TimelineStore.open(url, author=name) as store:
        for n in range(30):
            pick = rng.random()
            if mine and pick < 0.25:
                store.execute(DeleteEvent(mine.pop(rng.randrange(len(mine)))))
                print("delete", flush=True)
            elif mine and pick < 0.55:
                day = f"2022-03-{rng.randint(1, 28):02d}"
                store.execute(EditEvent(mine[rng.randrange(len(mine))], type_slug=rng.choice(types),
                                        date_edtf=day, citation=cite))
                print("edit", flush=True)
            else:
                who = tuple((a, rng.choice(["acting", "affected"]))
                            for a in rng.sample(actors, rng.randint(0, 2)))
                key = store.execute(AddEvent(f"{name} {n}", rng.choice(types),
                                             f"2022-03-{rng.randint(1, 28):02d}", cite,
                                             who, claim=ClaimInput("said", f"{name}, {n}")
                                             )).created_key
                mine.append(key)
                print("add", flush=True)
    print("kept", len(mine), flush=True)
    """
)


def test_four_writers_at_once_lose_nothing_and_keep_every_count_exact(pg_url: str) -> None:
    with TimelineStore.create(pg_url, title="t", author="Ada") as store:
        store.execute(AddSource("Le texte source.", "Source"))
        actors = [store.execute(AddActor(f"Actor {n}", "company")).created_key for n in range(4)]
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, pg_url, f"w{n}", str(n), ",".join(map(str, actors))],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(4)
    ]
    done: Counter[str] = Counter()
    kept = 0
    try:
        for writer in writers:
            out, err = writer.communicate(timeout=300)
            assert writer.returncode == 0, err
            lines = out.split()
            done.update(word for word in lines if word in ("add", "edit", "delete"))
            kept += int(lines[-1])
    finally:
        for writer in writers:
            writer.kill()
            writer.communicate()
    with TimelineStore.open(pg_url, author="Ada") as store:
        repository = store.repository
        assert repository.count() == kept == done["add"] - done["delete"]
        report = check_database(repository)  # every kept count against a recount
        assert report.is_clean, [d.line() for d in report.damages]
        # One history change per command, none lost or merged by concurrent numbering.
        changes = Counter(entry.change for entry in store.history())
        assert len(changes) == 1 + 4 + sum(done.values())
        with repository.engine.connect() as connection:
            kept_days = dict(
                ((d, t), n) for d, t, n in connection.execute(text("SELECT * FROM day_type_counts"))
            )
            naive = Counter(
                tuple(r) for r in connection.execute(text("SELECT start_date, type_id FROM events"))
            )
        assert kept_days == dict(naive)


# -- the same answers as the same timeline in a file -----------------------------------------


@pytest.fixture(scope="module")
def both(pg_article_url: str, article_db: Path):
    file_engine, server_engine = open_database(article_db), open_database(pg_article_url)
    yield EventRepository(file_engine), EventRepository(server_engine)
    file_engine.dispose()
    server_engine.dispose()


WORDS = ["russie", "apple", "l'ukraine", '"apple pay"', "sanction", "spot", "OR", "société", "é"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    actors=st.lists(st.sampled_from(["Apple", "Russia", "Netflix", "GM", "Canada"]), max_size=2),
    types=st.lists(st.sampled_from(["sanction", "corporate-withdrawal", "aid"]), max_size=2),
    low=st.none() | st.dates(date(2022, 2, 1), date(2022, 3, 15)),
    span=st.integers(0, 40),
    words=st.lists(st.sampled_from(WORDS), max_size=2),
)
def test_a_file_and_a_server_answer_alike_event_for_event_and_count_for_count(
    both, actors, types, low, span, words
) -> None:
    file, server = both
    high = None if low is None else date.fromordinal(low.toordinal() + span)
    event_filter = EventFilter(
        actors=frozenset(actors),
        types=frozenset(types),
        date_from=low,
        date_to=high,
        text=" ".join(words),
    )
    for repository in (file, server):
        repository.validate(event_filter)
    for sort in SortKey:
        assert file.rows(event_filter, sort=sort) == server.rows(event_filter, sort=sort)
    assert file.count(event_filter) == server.count(event_filter)
    assert file.facet_counts(event_filter) == server.facet_counts(event_filter)
    assert file.date_extent(event_filter) == server.date_extent(event_filter)
    assert file.histogram(event_filter, date(2022, 1, 1), date(2022, 4, 30), 7, by_type=True) == (
        server.histogram(event_filter, date(2022, 1, 1), date(2022, 4, 30), 7, by_type=True)
    )
    first, last = date(2022, 2, 1), date(2022, 3, 31)
    assert file.histogram(event_filter, first, last, 20) == server.histogram(
        event_filter, first, last, 20
    )
    for grouping in Grouping:
        assert file.lane_overview(event_filter, grouping, first, last, first, 3, 20) == (
            server.lane_overview(event_filter, grouping, first, last, first, 3, 20)
        )
        assert file.lane_histogram(event_filter, grouping, first, 5, 12) == (
            server.lane_histogram(event_filter, grouping, first, 5, 12)
        )
    ids = [row.id for row in file.rows(event_filter)]
    assert file.events_by_id(ids) == server.events_by_id(ids)


# -- the window --------------------------------------------------------------------------------


def test_the_window_opens_a_server_timeline_for_editing(pg_url: str, tmp_path: Path) -> None:
    """A server timeline has no file to reopen at the first edit: the window's document gets
    its store at once, and an edit from it is saved on the server with its history."""
    from PySide6.QtCore import QSettings

    from desktopapp.app import _server_timeline_for_editing
    from desktopapp.launch import LaunchOptions
    from desktopapp.ui.settings import Settings

    TimelineStore.create(pg_url, title="t", author="Ada").close()
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    viewing = EventRepository(open_database(pg_url))
    document = _server_timeline_for_editing(LaunchOptions(pg_url, EventFilter()), viewing, settings)
    assert document is not None and document.store is not None
    try:
        document.execute(AddActor("Netflix", "company"))
        assert [a.name for a in document.repository.actors] == ["Netflix"]
        # The app's name for the person, and the role the server knows (here its superuser).
        assert [h.author for h in document.store.history()] == [
            f"{settings.author()} (role {pg_server_user(pg_url)})"
            if settings.author() != pg_server_user(pg_url)
            else settings.author()
        ]
    finally:
        document.store.close()
    with TimelineStore.open(pg_url, author="Bob") as again:
        assert [a.name for a in again.repository.actors] == ["Netflix"]
    file_options = LaunchOptions(str(tmp_path / "t.timeline"), EventFilter())
    assert _server_timeline_for_editing(file_options, viewing, settings) is None


# -- waiting, and connections that drop ------------------------------------------------------


def pg_server_user(url: str) -> str:
    return url.removeprefix("postgresql://").split("@", 1)[0]


def test_a_writer_waits_for_another_only_so_long(
    pg_server: PostgresServer, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktopapp.db import store as store_module
    from desktopapp.db.dialect import postgresql
    from desktopapp.db.errors import DatabaseError

    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_MS", 300)
    with TimelineStore.create(pg_url, title="t", author="Ada") as store:
        other = pg_server.connect(pg_url.rsplit("/", 1)[-1])
        other.autocommit = False
        try:
            # Another editor in the middle of its edit: it holds the timeline's write lock.
            other.execute("SELECT pg_advisory_xact_lock(%s)", (postgresql._WRITE_LOCK,))
            with pytest.raises(DatabaseError, match="the timeline is busy"):
                store.execute(AddActor("Netflix", "company"))
            other.rollback()
        finally:
            other.close()
        store.execute(AddActor("Netflix", "company"))  # its edit done: ours goes through
        assert [a.name for a in store.repository.actors] == ["Netflix"]


def _drop_connections(server: PostgresServer, database: str) -> None:
    """What a server restart or a network cut does to the app's connections."""
    with server.connect() as connection:
        connection.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            (database,),
        )


def test_an_edit_cut_off_midway_is_not_saved_and_the_next_one_is(
    pg_server: PostgresServer, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktopapp.db import edits
    from desktopapp.db.errors import DatabaseError

    database = pg_url.rsplit("/", 1)[-1]
    with TimelineStore.create(pg_url, title="t", author="Ada") as store:
        store.execute(AddActor("Apple", "company"))
        original = edits.Edit.record

        def cut_off(self, change, note) -> None:  # the connection drops before the commit
            _drop_connections(pg_server, database)
            original(self, change, note)

        monkeypatch.setattr(edits.Edit, "record", cut_off)
        with pytest.raises(DatabaseError, match="not saved"):
            store.execute(AddActor("Netflix", "company"))
        monkeypatch.setattr(edits.Edit, "record", original)
        # Nothing half-written is visible, and the store carries on on a new connection.
        assert [a.name for a in store.repository.actors] == ["Apple"]
        assert len(store.history()) == 1
        _drop_connections(pg_server, database)  # the readers' connections too
        store.execute(AddActor("Netflix", "company"))
        assert [a.name for a in store.repository.actors] == ["Apple", "Netflix"]
        assert [e.text for e in store.history()] == ["Add actor 'Apple'", "Add actor 'Netflix'"]


# -- copying a timeline between a file and a server -------------------------------------------


def _rows_of(location: str | Path) -> dict[str, list[tuple]]:
    from sqlalchemy import select

    from desktopapp.db.schema import Base

    engine = open_database(location)
    try:
        with engine.connect() as connection:
            return {
                table.name: [tuple(r) for r in connection.execute(select(table).order_by(*table.c))]
                for table in Base.metadata.sorted_tables
            }
    finally:
        engine.dispose()


def test_copy_takes_a_timeline_to_a_server_and_back_with_every_row_and_its_history(
    capsys: pytest.CaptureFixture[str], pg_url: str, tmp_path: Path
) -> None:
    original = tmp_path / "mine.timeline"
    with TimelineStore.create(original, title="Mine", author="Ada") as store:
        store.execute(AddSource("Apple a arrêté ses ventes en Russie.", "Article"))
        apple = store.execute(AddActor("Apple", "company", ("AAPL",))).created_key
        store.execute(AddActor("Société Générale", "company"))
        store.execute(
            AddEvent(
                "Apple halts sales",
                "corporate-withdrawal/sales-halt",
                "2022-03-01",
                OutsideReference("Reuters", "", "", "On 1 March"),
                ((apple, "acting"), (apple, "affected")),
                claim=ClaimInput("Apple stops selling", "t.json, slide 1"),
            )
        )
    code, out, err = run(capsys, "copy", str(original), pg_url)
    assert (code, err) == (0, "") and out == f"Copied 1 events to {pg_url}.\n"
    back = tmp_path / "back.timeline"
    code, out, err = run(capsys, "copy", pg_url, str(back))
    assert (code, err) == (0, "")
    rows = _rows_of(original)
    assert _rows_of(pg_url) == rows  # counts made again by the server's triggers: equal
    assert _rows_of(back) == rows
    for location in (pg_url, back):
        with TimelineStore.open(location, author="Bob") as copy:
            repository = copy.repository
            assert [len(copy.history()), repository.count(EventFilter(text="aapl"))] == [4, 1]
            assert check_database(repository).is_clean
            copy.execute(AddActor("Netflix", "company"))  # ids carry on after the copied ones
            assert len(repository.actors) == 3
    code, _out, err = run(capsys, "copy", str(original), pg_url)  # not empty any more
    assert code == 2 and "not empty" in err and err.count("\n") == 1
    code, _out, err = run(capsys, "copy", pg_url, str(back))  # exists
    assert code == 2 and "already exists" in err


# -- who may do what ---------------------------------------------------------------------------

ROLES_SQL = """
CREATE ROLE {viewer} LOGIN;
CREATE ROLE {editor} LOGIN;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO {viewer}, {editor};
GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {editor};
GRANT USAGE, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {editor};
"""


def test_a_viewer_role_reads_and_cannot_write_an_editor_role_edits(
    capsys: pytest.CaptureFixture[str], pg_server: PostgresServer, pg_url: str, tmp_path: Path
) -> None:
    from PySide6.QtCore import QSettings

    from desktopapp.app import _server_timeline_for_editing
    from desktopapp.db.errors import DatabaseError
    from desktopapp.launch import LaunchOptions
    from desktopapp.ui.settings import Settings

    database = pg_url.rsplit("/", 1)[-1]
    viewer, editor = f"viewer_{database}", f"editor_{database}"
    with TimelineStore.create(pg_url, title="t", author="Ada") as store:
        apple = store.execute(AddActor("Apple", "company")).created_key
    with pg_server.connect(database) as connection:
        for statement in ROLES_SQL.format(viewer=viewer, editor=editor).split(";"):
            if statement.strip():
                connection.execute(statement)
    as_viewer = f"postgresql://{viewer}@127.0.0.1:{pg_server.port}/{database}"
    as_editor = f"postgresql://{editor}@127.0.0.1:{pg_server.port}/{database}"

    code, out, err = run(capsys, "list", "--db", as_viewer)
    assert code == 0 and "0 of 0 events" in out, err
    with pytest.raises(DatabaseError, match="may view the timeline but not edit it"):
        TimelineStore.open(as_viewer, author="Vi")
    code, _out, err = run(capsys, "actor", "add", as_viewer, "Netflix", "--kind", "company")
    assert code == 2 and "not edit it" in err and err.count("\n") == 1
    # The server refuses whatever the client does: raw SQL, in a read-write session.
    with (
        pytest.raises(psycopg_errors.InsufficientPrivilege),
        psycopg.connect(host="127.0.0.1", port=pg_server.port, user=viewer, dbname=database) as raw,
    ):
        raw.execute("INSERT INTO meta (key, value) VALUES ('x', 'y')")
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    viewing = EventRepository(open_database(as_viewer))
    try:  # the window views it read-only instead of offering edits the server refuses
        assert (
            _server_timeline_for_editing(LaunchOptions(as_viewer, EventFilter()), viewing, settings)
            is None
        )
    finally:
        viewing.engine.dispose()

    with TimelineStore.open(as_editor, author="Ed") as store:
        store.execute(
            AddEvent(
                "Apple halts sales",
                "sanction",
                "2022-03-01",
                OutsideReference("Reuters", "", "", "On 1 March"),
                ((apple, "acting"),),
                claim=ClaimInput("Apple stops", "t.json, slide 1"),
            )
        )
        [key] = [event.key for event in store.repository.events()]
        store.execute(store.execute(DeleteEvent(key)).inverse)  # put back under its old id
        store.execute(AddActor("Netflix", "company"))  # the next new id is free
        assert store.repository.count() == 1
        assert check_database(store.repository).is_clean
        assert [h.author for h in store.history()][-1] == f"Ed (role {editor})"


_ARTICLE_WORDS = sorted(
    set(re.findall(r"[^\W_]+", ARTICLE_PATH.read_text(encoding="utf-8")))
    | {"SocGen", "AAPL", "Apple", "Sputnik", "l'Ukraine", "l’Ukraine", "²", "ß", "ﬁ", "Æ"}
)


@st.composite
def typed_searches(draw: st.DrawFn) -> str:
    """What a person may type: words of the article in any case, cut short, with accents
    and apostrophe styles varied, in phrases, with OR, among random characters."""
    items = []
    for _ in range(draw(st.integers(1, 4))):
        word = draw(st.sampled_from(_ARTICLE_WORDS))
        word = word[: draw(st.integers(1, len(word)))]
        word = draw(st.sampled_from([word, word.upper(), word.lower(), fold(word)]))
        kind = draw(st.sampled_from(["word", "phrase", "or", "noise"]))
        if kind == "phrase":
            items.append(f'"{word} {draw(st.sampled_from(_ARTICLE_WORDS))}"')
        elif kind == "or":
            items.append(f"{word} OR")
        elif kind == "noise":
            items.append(word + draw(st.text(max_size=3)))
        else:
            items.append(word)
    return " ".join(items)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=typed_searches())
def test_any_search_finds_the_same_events_in_a_file_and_on_a_server(both, text: str) -> None:
    file, server = both
    found = [row.id for row in file.rows(EventFilter(text=text))]
    assert [row.id for row in server.rows(EventFilter(text=text))] == found, text


def test_a_server_crash_mid_edit_loses_only_that_edit_and_the_store_carries_on(
    pg_server: PostgresServer, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktopapp.db import edits
    from desktopapp.db.errors import DatabaseError

    with TimelineStore.create(pg_url, title="t", author="Ada") as store:
        store.execute(AddActor("Apple", "company"))
        original = edits.Edit.record

        def crash(self, text, note) -> None:  # the server dies with the edit half-written
            pg_server.crash_and_restart()
            original(self, text, note)

        monkeypatch.setattr(edits.Edit, "record", crash)
        with pytest.raises(DatabaseError, match="not saved"):
            store.execute(AddActor("Netflix", "company"))
        monkeypatch.setattr(edits.Edit, "record", original)
        assert [a.name for a in store.repository.actors] == ["Apple"]
        assert check_database(store.repository).is_clean
        store.execute(AddActor("Spotify", "company"))
        assert [a.name for a in store.repository.actors] == ["Apple", "Spotify"]
        assert len(store.history()) == 2
