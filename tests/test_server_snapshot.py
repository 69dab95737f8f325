"""`desktopapp list` and `export` on a PostgreSQL server read one snapshot: a writer that
commits between the command's reads (between two pages of an export, between its formats,
between a list's rows and its count) changes nothing in what the command writes."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from desktopapp.cli import main
from desktopapp.db.commands import AddEvent, ClaimInput, OutsideReference
from desktopapp.db.copying import copy_timeline_rows
from desktopapp.db.engine import open_database
from desktopapp.db.repository import EventRepository
from desktopapp.db.store import TimelineStore
from desktopapp.export import formats

pytestmark = pytest.mark.postgres

LATE_TITLE = "Written while the export was reading"


@pytest.fixture
def article_on_server(pg_url: str, article_db: Path) -> str:
    """A fresh server copy of the article's timeline (this test writes to it)."""
    copy_timeline_rows(str(article_db), pg_url)
    return pg_url


def _server_count(url: str) -> int:
    engine = open_database(url)
    try:
        return EventRepository(engine).count()
    finally:
        engine.dispose()


def _add_a_late_event(url: str, number: int) -> None:
    """Another editor adds an event dated after every other one and commits it."""
    with TimelineStore.open(url, author="Other editor") as store:
        store.execute(
            AddEvent(
                f"{LATE_TITLE} {number}",
                "sanction",
                "2099-12-31",
                OutsideReference("Reuters", "", "", "Much later"),
                (),
                claim=ClaimInput("late", "other editor"),
            )
        )


def _write_after_each_call(
    monkeypatch: pytest.MonkeyPatch, name: str, url: str
) -> Callable[[], int]:
    """Make every call of ``EventRepository.<name>`` commit another editor's event after it
    returns; returns how many were committed so far."""
    original = getattr(EventRepository, name)
    written = [0]

    def and_then_write(self, *args, **kwargs):
        answer = original(self, *args, **kwargs)
        written[0] += 1
        _add_a_late_event(url, written[0])
        return answer

    monkeypatch.setattr(EventRepository, name, and_then_write)
    return lambda: written[0]


def _csv_titles(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [row["title"] for row in csv.DictReader(handle)]


def _json_titles(path: Path) -> list[str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    events = data["events"] if isinstance(data, dict) else data
    return [event["title"] for event in events]


def test_an_export_reads_one_snapshot_while_another_editor_commits_between_its_pages(
    article_on_server: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = _server_count(article_on_server)
    assert before > 6
    monkeypatch.setattr(formats, "_CHUNK", 3)  # many pages, a commit after each
    written = _write_after_each_call(monkeypatch, "list_page", article_on_server)
    csv_file, json_file = tmp_path / "e.csv", tmp_path / "e.json"

    code = main(
        ["export", "--db", article_on_server, "--csv", str(csv_file), "--json", str(json_file)]
    )

    assert code == 0, capsys.readouterr().err
    assert written() > 4  # between pages, and between the two formats
    assert _server_count(article_on_server) == before + written()  # the writes did land
    for titles in (_csv_titles(csv_file), _json_titles(json_file)):
        assert len(titles) == before
        assert not [title for title in titles if title.startswith(LATE_TITLE)]


def test_a_list_counts_the_rows_it_shows_while_another_editor_commits(
    article_on_server: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = _server_count(article_on_server)
    written = _write_after_each_call(monkeypatch, "events", article_on_server)

    code = main(["list", "--db", article_on_server])

    out = capsys.readouterr().out
    assert code == 0 and written() == 1
    assert f"{before} of {before} events" in out  # the count the rows above it agree with
    assert LATE_TITLE not in out


def test_the_snapshot_ends_with_the_command(article_on_server: str, pg_server) -> None:
    """No transaction is left open on the server (it would hold back VACUUM)."""
    engine = open_database(article_on_server, snapshot=True)
    EventRepository(engine).count()
    database = article_on_server.rsplit("/", 1)[-1]
    assert _sessions(pg_server, database) >= 1
    engine.dispose()
    assert _sessions(pg_server, database) == 0


def _sessions(pg_server, database: str) -> int:
    with pg_server.connect() as connection:
        return int(
            connection.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = %s", (database,)
            ).fetchone()[0]
        )


def test_each_snapshot_transaction_is_read_only_repeatable_read(article_on_server: str) -> None:
    engine = open_database(article_on_server, snapshot=True)
    try:
        with engine.connect() as connection:
            settings = [
                connection.execute(text("SHOW transaction_isolation")).scalar_one(),
                connection.execute(text("SHOW transaction_read_only")).scalar_one(),
            ]
        assert settings == ["repeatable read", "on"]
    finally:
        engine.dispose()
