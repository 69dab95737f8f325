"""A timeline on a PostgreSQL server: made and opened from the command line, viewed read-only,
edited by several writers at once with every count exact, and answering every question as
the same timeline in a file does."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from desktopapp.cli import main
from desktopapp.db.commands import AddActor, AddSource
from desktopapp.db.engine import open_database
from desktopapp.db.integrity import check_database
from desktopapp.db.repository import EventRepository, SortKey
from desktopapp.db.store import TimelineStore
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.grouping import Grouping
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
        assert [h.author for h in document.store.history()] == [settings.author()]
    finally:
        document.store.close()
    with TimelineStore.open(pg_url, author="Bob") as again:
        assert [a.name for a in again.repository.actors] == ["Netflix"]
    file_options = LaunchOptions(str(tmp_path / "t.timeline"), EventFilter())
    assert _server_timeline_for_editing(file_options, viewing, settings) is None
