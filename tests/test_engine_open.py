"""Opening databases: URLs and their passwords, read-only however named, WAL files, a file
replaced while open, and one snapshot per command."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from sqlalchemy.dialects import registry
from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite
from sqlalchemy.exc import StatementError

from desktopapp.cli import main
from desktopapp.db.engine import (
    DatabaseChangedError,
    DatabaseError,
    open_database,
    snapshot_engine,
)
from desktopapp.db.errors import describe_error
from desktopapp.db.locations import Secrets, shown_location
from desktopapp.db.readonly import choose_opening
from desktopapp.db.repository import EventRepository
from desktopapp.ingest.builder import build_database
from desktopapp.ingest.synthetic import synthetic_dataset


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _digest(folder: Path) -> dict[str, str]:
    """Every file of a folder and its content hash: what viewing must leave as it was."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


# -- 1. passwords are never shown -------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "forms"),
    [
        ("postgresql://u:s3cr%40t@127.0.0.1:1/db", ("s3cr%40t", "s3cr@t")),
        ("mysql://u:pw-9f3@127.0.0.1:1/db", ("pw-9f3",)),
        ("nosuchdialect://u:pw-9f3@h/db", ("pw-9f3",)),
        ("postgresql://u:pw-9f3@h:notaport/db", ("pw-9f3",)),  # SQLAlchemy cannot parse it
        ("postgresql://u@h/db?password=pw-9f3", ("pw-9f3",)),
    ],
)
def test_a_url_password_never_reaches_stderr(
    capsys: pytest.CaptureFixture[str], url: str, forms: tuple[str, ...]
) -> None:
    code, out, err = _run(capsys, "list", "--db", url)
    assert code == 2
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "***" in err
    for form in forms:
        assert form not in err and form not in out


class _EchoingDialect(SQLiteDialect_pysqlite):
    """A driver whose connection error repeats the password, as some drivers' do."""

    name = "echoing"

    def connect(self, *args: object, **kwargs: object) -> sqlite3.Connection:
        raise sqlite3.OperationalError(
            f"authentication failed for user 'u' with password '{self._password}'"
        )

    def create_connect_args(self, url):  # type: ignore[no-untyped-def]
        self._password = url.password
        return [], {}


def test_a_password_repeated_by_the_driver_is_scrubbed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    registry.register("echoing", __name__, "_EchoingDialect")
    code, _out, err = _run(capsys, "list", "--db", "echoing://u:s3cr%40t@h/db")
    assert code == 2 and err.count("\n") == 1
    assert "authentication failed" in err  # the driver's reason is kept…
    assert "s3cr@t" not in err and "s3cr%40t" not in err  # …without the password


@settings(max_examples=150, deadline=None)
@given(
    password=st.text(min_size=1, max_size=20).map(lambda tail: "Zq9" + tail),
    shape=st.sampled_from(
        [
            "postgresql://u:{}@127.0.0.1:1/db",
            "nosuchdialect://u:{}@h/db",
            "postgresql://u:{}@h:port/db",
            "mysql://u@h/db?password={}",
            "sqlite://u:{}@/nowhere.db",
            "sqlite:///x.db?pwd={}&mode=rw",
        ]
    ),
)
def test_no_password_survives_in_any_message(password: str, shape: str) -> None:
    url = shape.format(quote(password, safe=""))
    try:
        open_database(url)
    except DatabaseError as error:
        message = str(error)
    else:  # pragma: no cover - none of these URLs names a timeline
        raise AssertionError(f"{url} opened")
    assert password not in message and quote(password, safe="") not in message
    assert password not in shown_location(url)


def test_secrets_scrub_every_form() -> None:
    secrets = Secrets(("s3cr%40t", "s3cr@t"))
    assert secrets.scrub("a s3cr@t b s3cr%40t c") == "a *** b *** c"


# -- 2. query parameters ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ("check_same_thread=maybe", "'check_same_thread' is not supported"),
        ("timeout=abc", "timeout='abc' must be a number of seconds"),
        ("timeout=nan", "must be a number of seconds"),
        ("timeout=1&timeout=2", "given 2 times"),
        ("uri=true", "'uri' is not supported"),
        ("mode=rwc", "'mode' is not supported"),
    ],
)
def test_sqlite_url_options_are_checked(
    capsys: pytest.CaptureFixture[str], article_db: Path, query: str, says: str
) -> None:
    code, _out, err = _run(capsys, "list", "--db", f"sqlite:///{article_db}?{query}")
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err
    assert says in err


def test_sqlite_url_with_a_timeout_opens(
    capsys: pytest.CaptureFixture[str], article_db: Path
) -> None:
    code, out, err = _run(capsys, "list", "--json", "--db", f"sqlite:///{article_db}?timeout=2")
    assert code == 0, err
    assert len(json.loads(out)) == 18


def test_an_in_memory_url_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = _run(capsys, "list", "--db", "sqlite://")
    assert code == 2 and "names no database file" in err


# -- 3. read-only however the file is named ---------------------------------------------------


def _leave_a_hot_journal(path: Path) -> None:
    """A writer killed mid-transaction, after it spilled changed pages into the file."""
    script = (
        "import os, sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1])\n"
        "c.execute('PRAGMA cache_size = 1')\n"
        "c.execute('BEGIN')\n"
        'c.execute("UPDATE events SET summary = summary || randomblob(2000)")\n'
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", script, str(path)], check=True)
    journal = path.with_name(path.name + "-journal")
    assert journal.exists() and journal.stat().st_size > 0


@pytest.mark.parametrize("named_by", ["path", "url"])
def test_a_hot_journal_is_never_rolled_back_by_viewing(
    tmp_path: Path, article_db: Path, capsys: pytest.CaptureFixture[str], named_by: str
) -> None:
    target = tmp_path / "hot.sqlite3"
    shutil.copyfile(article_db, target)
    _leave_a_hot_journal(target)
    before = _digest(tmp_path)
    location = str(target) if named_by == "path" else f"sqlite:///{target}"
    code, _out, err = _run(capsys, "list", "--db", location)
    assert code == 2 and err.count("\n") == 1
    assert "hot.sqlite3-journal" in err and "viewing never writes" in err
    assert _digest(tmp_path) == before  # byte for byte, journal included


def test_a_url_opens_read_only(tmp_path: Path, article_db: Path) -> None:
    target = tmp_path / "copy.sqlite3"
    shutil.copyfile(article_db, target)
    engine = open_database(f"sqlite:///{target}")
    try:
        with engine.connect() as connection, pytest.raises(Exception, match="readonly"):
            connection.execute(text("DELETE FROM events"))
    finally:
        engine.dispose()


# -- 4. WAL databases -------------------------------------------------------------------------


def _wal_copy(article_db: Path, folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    target = folder / "wal.sqlite3"
    shutil.copyfile(article_db, target)
    connection = sqlite3.connect(target)
    assert connection.execute("PRAGMA journal_mode = WAL").fetchone() == ("wal",)
    connection.close()  # the last connection to close removes the -wal and -shm files
    assert sorted(p.name for p in folder.iterdir()) == ["wal.sqlite3"]
    return target


def test_viewing_a_wal_database_leaves_no_files(
    tmp_path: Path, article_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = _wal_copy(article_db, tmp_path / "db")
    before = _digest(target.parent)
    code, out, err = _run(capsys, "list", "--json", "--db", str(target))
    assert code == 0, err
    assert len(json.loads(out)) == 18
    code, _out, err = _run(capsys, "export", "--db", str(target), "--csv", str(tmp_path / "e.csv"))
    assert code == 0, err
    assert _digest(target.parent) == before


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder nobody can write: a read-only tmpfs for root (who ignores permission bits),
    plain permissions for anyone else. Files are put there before it becomes read-only."""
    folder = tmp_path / "ro"
    folder.mkdir()
    if os.geteuid() != 0:
        yield folder
        folder.chmod(0o755)
        return
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(folder)], check=True)
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def _make_read_only(folder: Path) -> None:
    if os.geteuid() != 0:
        folder.chmod(0o555)
    else:
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)


def test_a_wal_database_in_a_read_only_folder_opens(
    read_only_folder: Path, article_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = _wal_copy(article_db, read_only_folder)
    _make_read_only(read_only_folder)
    # Plain mode=ro cannot read a WAL file here: SQLite would need to create its -shm.
    with pytest.raises(sqlite3.OperationalError):
        sqlite3.connect(f"file:{target}?mode=ro", uri=True).execute("SELECT 1 FROM meta")
    code, out, err = _run(capsys, "list", "--json", "--db", str(target))
    assert code == 0, err
    assert len(json.loads(out)) == 18


def test_a_wal_database_with_an_empty_wal_left_beside_it_opens_unchanged(
    tmp_path: Path, article_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = _wal_copy(article_db, tmp_path / "db")
    target.with_name(target.name + "-wal").write_bytes(b"")  # as a crash can leave it
    before = _digest(target.parent)
    code, out, err = _run(capsys, "list", "--json", "--db", str(target))
    assert code == 0, err
    assert len(json.loads(out)) == 18
    assert _digest(target.parent) == before


def test_how_a_wal_file_is_opened(tmp_path: Path, article_db: Path) -> None:
    rollback = tmp_path / "rollback.sqlite3"
    shutil.copyfile(article_db, rollback)
    assert not choose_opening(rollback, "x", place_writable=False).immutable
    target = _wal_copy(article_db, tmp_path / "db")
    # Every change is in the file: read it alone, creating nothing, writable place or not.
    assert choose_opening(target, "x", place_writable=True).immutable
    assert choose_opening(target, "x", place_writable=False).immutable
    # A -wal beside it holds changes (or a writer has it open): read through its -shm index.
    wal = target.with_name(target.name + "-wal")
    wal.write_bytes(b"")
    assert choose_opening(target, "x", place_writable=False).immutable  # nothing in it
    wal.write_bytes(b"\x00" * 32)
    assert not choose_opening(target, "x", place_writable=True).immutable
    with pytest.raises(DatabaseError, match=r"Copy .*wal\.sqlite3-wal into a writable folder"):
        choose_opening(target, "x", place_writable=False)
    target.with_name(target.name + "-shm").write_bytes(b"")
    assert not choose_opening(target, "x", place_writable=False).immutable


def test_a_wal_database_written_while_viewed_is_reported(tmp_path: Path, article_db: Path) -> None:
    target = _wal_copy(article_db, tmp_path / "db")
    engine = open_database(target)
    try:
        repository = EventRepository(engine)
        assert repository.count() == 18
        writer = sqlite3.connect(target)
        writer.execute("DELETE FROM events WHERE id = (SELECT min(id) FROM events)")
        writer.commit()
        try:
            with pytest.raises(DatabaseChangedError, match="another program is changing"):
                repository.count()
        finally:
            writer.close()
    finally:
        engine.dispose()


def test_a_command_on_a_wal_file_written_meanwhile_stops(tmp_path: Path, article_db: Path) -> None:
    target = _wal_copy(article_db, tmp_path / "db")
    snapshot = open_database(target, snapshot=True)
    try:
        repository = EventRepository(snapshot)
        assert repository.count() == 18
        writer = sqlite3.connect(target)
        writer.execute("DELETE FROM events WHERE id = (SELECT min(id) FROM events)")
        writer.commit()
        try:
            # SQLAlchemy wraps what the connection raised; the message is ours.
            with pytest.raises(StatementError) as raised:
                repository.events()
            assert isinstance(raised.value.orig, DatabaseChangedError)
            assert "changed the file while it was being read" in describe_error(raised.value)
        finally:
            writer.close()
    finally:
        snapshot.dispose()


# -- 5. a file replaced while open ------------------------------------------------------------


@pytest.fixture(scope="module")
def other_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A second timeline with other events and other actors (40 synthetic events)."""
    path = tmp_path_factory.mktemp("other") / "other.sqlite3"
    build_database(synthetic_dataset(40, seed=3), path)
    return path


def _replace(source: Path, target: Path) -> None:
    """What a rebuild does: a new file renamed over the old one."""
    temporary = target.with_name(target.name + ".new")
    shutil.copyfile(source, temporary)
    os.replace(temporary, target)


def test_an_open_repository_says_when_its_file_was_replaced(
    tmp_path: Path, article_db: Path, other_db: Path
) -> None:
    target = tmp_path / "shared.sqlite3"
    shutil.copyfile(article_db, target)
    engine = open_database(target)
    try:
        repository = EventRepository(engine)
        assert len(repository.actors) > 0 and repository.count() == 18
        _replace(other_db, target)
        # Before: rows of the new file with actors of the old one (KeyError).
        with pytest.raises(DatabaseChangedError, match="replaced by another one while open"):
            repository.events()
        with pytest.raises(DatabaseChangedError):
            repository.count()  # and it stays said: no answer from either file
    finally:
        engine.dispose()


# -- 6. one snapshot per command --------------------------------------------------------------


def test_a_snapshot_reads_one_state_of_the_file(
    tmp_path: Path, article_db: Path, other_db: Path
) -> None:
    target = tmp_path / "shared.sqlite3"
    shutil.copyfile(article_db, target)
    snapshot = snapshot_engine(open_database(target))
    try:
        repository = EventRepository(snapshot)
        assert repository.count() == 18
        _replace(other_db, target)
        assert len(repository.events()) == 18  # actors read only now, from the same file
        with snapshot.connect() as outer, snapshot.connect() as inner:
            count = "SELECT count(*) FROM events"
            assert outer.execute(text(count)).scalar() == inner.execute(text(count)).scalar()
    finally:
        snapshot.dispose()  # and the engine it was taken from
    fresh = open_database(target)
    try:
        assert EventRepository(fresh).count() == 40
    finally:
        fresh.dispose()


def test_export_of_two_formats_during_rebuilds_reads_one_snapshot(
    tmp_path: Path, article_db: Path, other_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "shared.sqlite3"
    shutil.copyfile(article_db, target)
    stop = threading.Event()
    errors: list[BaseException] = []

    def rebuild() -> None:
        try:
            while not stop.is_set():
                for source in (other_db, article_db):
                    _replace(source, target)
        except BaseException as error:  # reported below
            errors.append(error)

    thread = threading.Thread(target=rebuild)
    thread.start()
    try:
        for _ in range(25):
            csv_file, json_file = tmp_path / "e.csv", tmp_path / "e.json"
            code, _out, err = _run(
                capsys, "export", "--db", str(target), "--csv", str(csv_file),
                "--json", str(json_file),
            )  # fmt: skip
            assert code == 0, err
            rows = list(csv.reader(io.StringIO(csv_file.read_text(encoding="utf-8"))))
            events = json.loads(json_file.read_text(encoding="utf-8"))
            assert len(rows) - 1 == len(events) in (18, 40)
    finally:
        stop.set()
        thread.join()
    assert not errors


def test_a_list_during_rebuilds_counts_and_rows_from_one_file(
    tmp_path: Path, article_db: Path, other_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "shared.sqlite3"
    shutil.copyfile(article_db, target)
    stop = threading.Event()

    def rebuild() -> None:
        while not stop.is_set():
            for source in (other_db, article_db):
                _replace(source, target)

    thread = threading.Thread(target=rebuild)
    thread.start()
    try:
        for _ in range(25):
            code, out, err = _run(capsys, "list", "--db", str(target))
            assert code == 0, err
            *rows, summary = out.splitlines()
            shown, total = re.fullmatch(r"([\d,]+) of ([\d,]+) events", summary).groups()  # type: ignore[union-attr]
            assert int(shown) == int(total) == len(rows) - 2  # a heading and a rule
    finally:
        stop.set()
        thread.join()
