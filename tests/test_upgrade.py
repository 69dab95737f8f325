"""Older databases are upgraded only after a backup copy; newer ones are refused."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktopapp.cli import main
from desktopapp.db import migrations
from desktopapp.db.schema import SCHEMA_VERSION
from desktopapp.ingest import builder
from desktopapp.ingest.upgrade import UpgradeError, schema_version_of, upgrade_database
from tests.test_schema5 import _as_schema_4

# A real database written by the first release's code (schema 1), kept as a fixture.
SCHEMA_1 = Path(__file__).parent / "data" / "article-schema1.sqlite3"


OLD_FACTS = (
    "SELECT e.key, e.title, e.summary, e.date_edtf, e.start_date, e.end_date, t.slug"
    " FROM events e JOIN event_types t ON t.id = e.type_id"
)
OLD_ACTORS = (
    "SELECT e.key, a.name FROM event_actors ea"
    " JOIN events e ON e.id = ea.event_id JOIN actors a ON a.id = ea.actor_id"
)


def _hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def old_db(tmp_path: Path) -> Path:
    target = tmp_path / "timeline.sqlite3"
    shutil.copy(SCHEMA_1, target)
    return target


def test_fixture_is_schema_1_and_current_is_newer() -> None:
    assert schema_version_of(SCHEMA_1) == 1 < SCHEMA_VERSION


def test_older_schema_is_refused_with_the_upgrade_command(
    old_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _hash(old_db)
    assert main(["list", "--db", str(old_db)]) == 2
    assert "upgrade it with 'desktopapp upgrade-db'" in capsys.readouterr().err
    assert _hash(old_db) == before


def _words(quote: dict) -> dict:
    return {k: v for k, v in quote.items() if k != "source_title" and not k.startswith("transl")}


def test_upgrade_keeps_a_backup_and_every_fact(
    old_db: Path, capsys: pytest.CaptureFixture[str], article_db: Path
) -> None:
    original = _hash(old_db)
    assert main(["upgrade-db", str(old_db)]) == 0
    out = capsys.readouterr().out
    backup = old_db.with_name("timeline.sqlite3.schema1.bak")
    assert str(backup) in out
    assert _hash(backup) == original
    assert schema_version_of(old_db) == SCHEMA_VERSION
    assert main(["list", "--db", str(old_db), "--json"]) == 0
    upgraded = json.loads(capsys.readouterr().out)
    assert main(["list", "--db", str(article_db), "--json"]) == 0
    fresh = json.loads(capsys.readouterr().out)
    assert len(upgraded) == 18
    by_key = {e["key"]: e for e in fresh}
    # Every fact is the old file's own, read straight from it: the shipped annotations have since
    # been corrected (a fact-check changed dates, titles, types and actors; the source's title
    # dropped a note), and the upgrade must keep what the file said, not today's data.
    with sqlite3.connect(f"file:{SCHEMA_1}?mode=ro", uri=True) as fixture:
        (old_title,) = fixture.execute("SELECT title FROM sources").fetchone()
        old_facts = {row[0]: row[1:] for row in fixture.execute(OLD_FACTS)}
        old_actors: dict[str, set[str]] = {}
        for key, name in fixture.execute(OLD_ACTORS):
            old_actors.setdefault(key, set()).add(name)
    fixture.close()
    assert set(old_facts) == {e["key"] for e in upgraded}
    for event in upgraded:
        facts = tuple(event[f] for f in ("title", "summary", "date", "start", "end", "type"))
        assert facts == old_facts[event["key"]], event["key"]
        assert set(event["actors"]) == old_actors[event["key"]], event["key"]
        # The article's quotes have not changed since (the reports quoted after them today
        # were added later, so the old file has none).
        twin = [q for q in by_key[event["key"]]["quotes"] if q["source"] == "article"]
        assert [q["source_title"] for q in event["quotes"]] == [old_title] * len(event["quotes"])
        # (Their translations came later too: the spans and words are the facts kept.)
        assert [_words(q) for q in event["quotes"]] == [_words(q) for q in twin], event["key"]


def test_second_upgrade_backup_never_overwrites_the_first(old_db: Path) -> None:
    first = upgrade_database(old_db)
    shutil.copy(SCHEMA_1, old_db)
    second = upgrade_database(old_db)
    assert first != second and first.exists() and second.exists()
    assert _hash(first) == _hash(second) == _hash(SCHEMA_1)


def test_failed_upgrade_leaves_the_file_unchanged(
    old_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = _hash(old_db)

    def broken(*_args: object, **_kwargs: object) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(builder, "_write_events", broken)
    with pytest.raises(UpgradeError, match="left unchanged, and a copy is at"):
        upgrade_database(old_db)
    assert _hash(old_db) == original
    assert sorted(p.name for p in old_db.parent.iterdir()) == [
        "timeline.sqlite3",
        "timeline.sqlite3.schema1.bak",
    ]


def test_current_and_newer_are_not_upgraded(
    tmp_path: Path, article_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    current = tmp_path / "current.sqlite3"
    shutil.copy(article_db, current)
    assert main(["upgrade-db", str(current)]) == 2
    assert "nothing to upgrade" in capsys.readouterr().err
    newer = tmp_path / "newer.sqlite3"
    shutil.copy(article_db, newer)
    with sqlite3.connect(newer) as connection:
        connection.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    before = _hash(newer)
    assert main(["list", "--db", str(newer)]) == 2
    assert "newer version" in capsys.readouterr().err
    assert main(["upgrade-db", str(newer)]) == 2
    assert _hash(newer) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["current.sqlite3", "newer.sqlite3"]


def _answer(monkeypatch: pytest.MonkeyPatch, button: object, shown: list[str]) -> None:
    from PySide6.QtWidgets import QMessageBox

    def fake_exec(box: QMessageBox) -> int:
        shown.append(f"{box.text()}\n{box.informativeText()}")
        return button.value if "Upgrade" in box.windowTitle() else 0  # type: ignore[attr-defined]

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)


def test_window_offers_the_upgrade_and_keeps_a_backup(
    qtbot, old_db: Path, repository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from desktopapp.ui.main_window import MainWindow
    from desktopapp.ui.settings import Settings

    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(repository, Settings(store))
    qtbot.addWidget(window)
    original = _hash(old_db)
    shown: list[str] = []

    _answer(monkeypatch, QMessageBox.StandardButton.Cancel, shown)
    assert not window.open_database(old_db)
    assert "older version" in shown[0] and _hash(old_db) == original
    assert window.repository() is repository
    assert not old_db.with_name("timeline.sqlite3.schema1.bak").exists()

    _answer(monkeypatch, QMessageBox.StandardButton.Yes, shown)
    assert window.open_database(old_db)
    assert window.repository().total == 18
    assert _hash(old_db.with_name("timeline.sqlite3.schema1.bak")) == original
    assert schema_version_of(old_db) == SCHEMA_VERSION


# A database written by the code of schema 3 (the last before timelines could be edited).
SCHEMA_3 = Path(__file__).parent / "data" / "article-schema3.sqlite3"


def test_a_schema_3_file_upgrades_keeping_its_facts_and_becomes_editable(tmp_path: Path) -> None:
    from desktopapp.db.commands import DeleteEvent
    from desktopapp.db.integrity import check_database
    from desktopapp.db.store import TimelineStore

    target = tmp_path / "timeline.sqlite3"
    shutil.copy(SCHEMA_3, target)
    assert schema_version_of(target) == 3
    upgrade_database(target)
    assert schema_version_of(target) == SCHEMA_VERSION
    with sqlite3.connect(f"file:{SCHEMA_3}?mode=ro", uri=True) as old:
        old_facts = sorted(old.execute(OLD_FACTS).fetchall())
    with sqlite3.connect(f"file:{target}?mode=ro", uri=True) as new:
        assert sorted(new.execute(OLD_FACTS).fetchall()) == old_facts
        # The quotes gained the text around them (W3C TextQuoteSelector prefix/suffix).
        prefix, text, suffix = new.execute("SELECT prefix, text, suffix FROM quotes").fetchone()
        article = new.execute("SELECT text FROM sources").fetchone()[0]
        assert prefix + text + suffix in article and len(prefix) == 32
    with TimelineStore.open(target, author="Ada") as store:
        assert check_database(store.repository).is_clean
        store.execute(DeleteEvent(old_facts[0][0]))
        assert store.repository.count() == 17


# -- schema 4 on: through the migrations (desktopapp/db/migrations/) ---------------------------

# The article built, then edited (a title, a date re-cited, an event deleted, a source, an
# actor and an event added, an actor renamed: 8 history rows) by the schema-4 code of commit
# 2537348, before migrations existed: no alembic_version table.
SCHEMA_4 = Path(__file__).parent / "data" / "article-schema4-edited.sqlite3"

# What a schema-4 file holds, table by table; an upgrade keeps every row of it.
SCHEMA_4_TABLES = (
    "meta", "sources", "citations", "actors", "actor_names", "event_types", "events",
    "event_actors", "quotes", "day_type_counts", "actor_type_counts", "actor_spans", "history",
)  # fmt: skip


FACTS = "e.key, e.title, e.summary, e.date_edtf, e.start_date, e.end_date, t.slug"
FACTS_FROM = "events e JOIN event_types t ON t.id = e.type_id"


def _rows(path: Path, table: str, columns: str = "*") -> list[tuple[object, ...]]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        rows = db.execute(f"SELECT {columns} FROM {table}").fetchall()  # names from above
    db.close()
    return sorted(rows, key=repr)


def _columns(path: Path, table: str) -> str:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        names = [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
    db.close()
    return ", ".join(f'"{name}"' for name in names)


def _revision(path: Path) -> str:
    (row,) = _rows(path, "alembic_version")
    return str(row[0])


@pytest.fixture
def schema_4_file(tmp_path: Path) -> Path:
    target = tmp_path / "edited.timeline"
    shutil.copy(SCHEMA_4, target)
    return target


def test_an_edited_schema_4_file_is_migrated_keeping_every_row_and_its_history(
    schema_4_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktopapp.db import migrations
    from desktopapp.db.commands import EditEvent
    from desktopapp.db.store import TimelineStore
    from desktopapp.domain.filter import EventFilter

    original = _hash(schema_4_file)
    before = {t: _rows(schema_4_file, t) for t in SCHEMA_4_TABLES}
    assert len(before["history"]) == 8 and schema_version_of(schema_4_file) == 4
    assert main(["upgrade-db", str(schema_4_file)]) == 0
    assert "edited.timeline.schema4.bak" in capsys.readouterr().out
    assert _hash(schema_4_file.with_name("edited.timeline.schema4.bak")) == original
    assert _revision(schema_4_file) == migrations.head_revision()
    for table, rows in before.items():
        old_columns = _columns(SCHEMA_4, table)
        kept = _rows(schema_4_file, table, old_columns)
        if table == "meta":  # the one fact an upgrade changes
            rows = [r for r in rows if r[0] != "schema_version"]
            kept = [r for r in kept if r[0] != "schema_version"]
        assert kept == rows, table
    assert main(["check", str(schema_4_file)]) == 0
    assert "all verified" in capsys.readouterr().out
    with TimelineStore.open(schema_4_file, author="Bea") as store:
        history = store.history()
        assert [entry.author for entry in history[:8]] == ["Ada"] * 8
        # The search index came through the upgrade: the event added at schema 4 is found.
        (found,) = store.repository.events(EventFilter(text="ikea suspend"))
        assert found.title == "Ikea suspends sales" and found.claim is None
        undo = store.execute(EditEvent(found.key, title="Ikea halts sales")).inverse
        store.execute(undo)
        assert len(store.history()) == 10


def test_a_built_schema_4_file_made_before_migrations_is_stamped_then_migrated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "built.sqlite3"
    builder.build_database(_article_dataset(), path)
    _as_schema_4(path)  # what the schema-4 builder wrote
    facts = _rows(path, FACTS_FROM, FACTS)
    assert main(["upgrade-db", str(path)]) == 0
    assert (
        schema_version_of(path) == SCHEMA_VERSION and _revision(path) == migrations.head_revision()
    )
    assert _rows(path, FACTS_FROM, FACTS) == facts
    capsys.readouterr()
    assert main(["check", str(path)]) == 0


def _article_dataset():  # type: ignore[no-untyped-def]
    from desktopapp.ingest.annotations import load_annotations
    from desktopapp.ingest.bundled import annotations_path

    return load_annotations(annotations_path())


@pytest.mark.parametrize("fixture", [SCHEMA_1, SCHEMA_3], ids=["schema-1", "schema-3"])
def test_a_file_of_schema_1_to_3_is_rebuilt_at_the_head_revision(
    fixture: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktopapp.db import migrations

    target = tmp_path / "old.sqlite3"
    shutil.copy(fixture, target)
    upgrade_database(target)
    assert _revision(target) == migrations.head_revision()
    assert main(["check", str(target)]) == 0


def test_a_migration_failing_midway_leaves_the_file_byte_identical(
    schema_4_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Revision 0005 adds three columns, then creates event_links: a table of that name made
    # by another program makes it fail after the columns (and the stamp) were written.
    with sqlite3.connect(schema_4_file) as db:
        db.execute("CREATE TABLE event_links (somebody_elses INTEGER)")
    db.close()
    original = _hash(schema_4_file)
    assert main(["upgrade-db", str(schema_4_file)]) == 2
    message = capsys.readouterr().err
    assert message.count("\n") == 1 and "Traceback" not in message
    assert "could not be upgraded" in message and "event_links already exists" in message
    assert "it was left unchanged, and a copy is at" in message
    assert _hash(schema_4_file) == original
    assert sorted(p.name for p in schema_4_file.parent.iterdir()) == [
        "edited.timeline",
        "edited.timeline.schema4.bak",
    ]
    assert schema_version_of(schema_4_file) == 4
    with sqlite3.connect(f"file:{schema_4_file}?mode=ro", uri=True) as db:
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master")}
        author = [row[1] for row in db.execute("PRAGMA table_info(sources)")]
    db.close()
    assert "alembic_version" not in tables and "author" not in author


def test_a_file_whose_stamp_disagrees_with_its_schema_is_not_touched(
    schema_4_file: Path,
) -> None:
    with sqlite3.connect(schema_4_file) as db:
        db.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
        db.execute("INSERT INTO alembic_version VALUES ('0005')")
    db.close()
    original = _hash(schema_4_file)
    with pytest.raises(UpgradeError, match="says schema 4 but records migration 0005"):
        upgrade_database(schema_4_file)
    assert _hash(schema_4_file) == original


def test_window_offers_the_upgrade_of_an_edited_schema_4_file(
    qtbot, schema_4_file: Path, repository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from desktopapp.ui.main_window import MainWindow
    from desktopapp.ui.settings import Settings

    window = MainWindow(
        repository, Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    )
    qtbot.addWidget(window)
    shown: list[str] = []
    _answer(monkeypatch, QMessageBox.StandardButton.Yes, shown)
    assert window.open_database(schema_4_file)
    assert "older schema (4" in shown[0]
    assert window.repository().total == 18
    assert window.statusBar().currentMessage() == (
        "Upgraded edited.timeline; the old file is kept as edited.timeline.schema4.bak"
    )
    assert _revision(schema_4_file) == migrations.head_revision()
    assert schema_4_file.with_name("edited.timeline.schema4.bak").exists()


def test_upgrade_db_takes_a_sqlite_url_too(
    schema_4_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["upgrade-db", f"sqlite:///{schema_4_file}"]) == 0
    assert "edited.timeline.schema4.bak" in capsys.readouterr().out
    assert schema_version_of(schema_4_file) == SCHEMA_VERSION
    assert main(["upgrade-db", str(schema_4_file.with_name("missing.timeline"))]) == 2
    assert "missing.timeline: no such file" in capsys.readouterr().err


@pytest.mark.parametrize("answer", ["Yes", "Cancel"])
def test_starting_the_window_on_an_older_file_offers_the_upgrade(
    qapp, answer: str, schema_4_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """`desktopapp open OLD.timeline` (a double-click) asks, rather than only pointing at
    the command line."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    import desktopapp.app
    from desktopapp.domain.filter import EventFilter
    from desktopapp.launch import LaunchOptions
    from desktopapp.ui.main_window import MainWindow

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    shown: list[str] = []
    _answer(monkeypatch, getattr(QMessageBox.StandardButton, answer), shown)
    seen: list[tuple[int, str]] = []

    def instead_of_the_event_loop(app) -> int:  # type: ignore[no-untyped-def]
        (window,) = [
            w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        seen.append((window.repository().total, window.statusBar().currentMessage()))
        return 0

    monkeypatch.setattr(desktopapp.app, "run_event_loop", instead_of_the_event_loop)
    original = _hash(schema_4_file)
    status = desktopapp.app.run_app(LaunchOptions(str(schema_4_file), EventFilter()))
    assert f"older schema (4, this app reads {SCHEMA_VERSION})." in shown[0]
    assert "upgrade-db" not in shown[0]  # the box itself is the way to upgrade
    if answer == "Yes":
        assert status == 0 and schema_version_of(schema_4_file) == SCHEMA_VERSION
        assert seen == [(18, "Upgraded edited.timeline; the old file is kept as "
                              "edited.timeline.schema4.bak")]  # fmt: skip
    else:
        assert status == 2 and seen == [] and len(shown) == 1  # no second box
        assert _hash(schema_4_file) == original


# -- a timeline on a PostgreSQL server (a real throwaway server, tests/pg_server.py) ------------


def _server_timeline_of_schema_4(url: str) -> None:
    """An edited timeline on the server, taken back to what schema 4 was before migrations
    (the revisions undone to 0004, then the stamp dropped)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    from desktopapp.db import migrations
    from desktopapp.db.commands import AddEvent, AddSource, EditEvent, QuoteInput, SourceSentence
    from desktopapp.db.store import TimelineStore

    article = "Le 1er mars 2022, Apple a arrêté ses ventes en Russie."
    with TimelineStore.create(url, title="Team", author="Ada") as store:
        source = store.execute(AddSource(article, "Article", outlet="AFP")).created_key
        start = article.index("Apple")
        dated = SourceSentence(QuoteInput(source, 0, 16, article[:16]))
        quote = QuoteInput(source, start, start + 5, "Apple")
        key = store.execute(
            AddEvent("Apple halts", "sanction", "2022-03-01", dated, (), (quote,))
        ).created_key
        store.execute(EditEvent(key, title="Apple halts sales"), note="clearer")
    engine = create_engine(url, poolclass=NullPool)
    with engine.begin() as connection:
        migrations.downgrade(connection, "0004")
        connection.execute(text("DROP TABLE alembic_version"))
    engine.dispose()


def _server_rows(url: str) -> dict[str, list[tuple[object, ...]]]:
    from sqlalchemy import create_engine, inspect, text
    from sqlalchemy.pool import NullPool

    engine = create_engine(url, poolclass=NullPool)
    with engine.connect() as connection:
        tables = sorted(inspect(connection).get_table_names())
        rows = {
            table: sorted(connection.execute(text(f"SELECT * FROM {table}")).all(), key=repr)
            for table in tables  # names from the server's own catalogue
        }
        rows["columns"] = sorted(
            connection.execute(
                text(
                    "SELECT table_name, column_name FROM information_schema.columns "
                    "WHERE table_schema = 'public'"
                )
            ).all()
        )
    engine.dispose()
    return rows


@pytest.mark.postgres
def test_a_server_timeline_of_schema_4_is_upgraded_keeping_every_row(
    pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktopapp.db import migrations
    from desktopapp.db.store import TimelineStore

    _server_timeline_of_schema_4(pg_url)
    before = _server_rows(pg_url)
    assert len(before["history"]) == 3 and "alembic_version" not in before
    assert main(["list", "--db", pg_url]) == 2
    assert "older schema (4" in capsys.readouterr().err
    assert main(["upgrade-db", pg_url]) == 0
    assert capsys.readouterr().out.startswith("Upgraded postgresql://")
    after = _server_rows(pg_url)
    assert after["alembic_version"] == [(migrations.head_revision(),)]
    for table, rows in before.items():
        if table in ("meta", "columns"):
            continue
        width = len(rows[0]) if rows else 0
        assert [row[:width] for row in after[table]] == rows, table  # new columns go last
    assert dict(after["meta"])["schema_version"] == str(SCHEMA_VERSION)
    assert main(["check", pg_url]) == 0
    with TimelineStore.open(pg_url, author="Bea") as store:
        role = pg_url.removeprefix("postgresql://").split("@", 1)[0]
        # The server names the role that made each change (db/dialect/postgresql.py).
        assert [entry.author for entry in store.history()] == [f"Ada (role {role})"] * 3
        (event,) = store.repository.events()
        assert event.title == "Apple halts sales" and event.claim is None


@pytest.mark.postgres
def test_a_server_migration_failing_midway_leaves_the_database_as_it_was(
    pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    _server_timeline_of_schema_4(pg_url)
    engine = create_engine(pg_url, poolclass=NullPool)
    with engine.begin() as connection:  # another program's table where 0005 puts its own
        connection.execute(text("CREATE TABLE event_links (somebody_elses integer)"))
    engine.dispose()
    before = _server_rows(pg_url)
    assert main(["upgrade-db", pg_url]) == 2
    message = capsys.readouterr().err
    assert message.count("\n") == 1 and "Traceback" not in message
    assert "could not be upgraded" in message and "it was left unchanged" in message
    assert _server_rows(pg_url) == before


@pytest.mark.postgres
def test_window_offers_the_upgrade_of_a_server_timeline(
    qtbot, pg_url: str, repository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from desktopapp.ui.main_window import MainWindow
    from desktopapp.ui.settings import Settings

    _server_timeline_of_schema_4(pg_url)
    window = MainWindow(
        repository, Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    )
    qtbot.addWidget(window)
    shown: list[str] = []
    _answer(monkeypatch, QMessageBox.StandardButton.Yes, shown)
    assert window.open_database(pg_url)
    assert "one transaction on the server" in shown[0] and ".bak" not in shown[0]
    assert window.repository().total == 1
    assert window.statusBar().currentMessage().startswith("Upgraded postgresql://")
    assert dict(_server_rows(pg_url)["meta"])["schema_version"] == str(SCHEMA_VERSION)
