"""The migration history (desktopapp/db/migrations/) and the models (db/schema.py) agree.

A new timeline is made from the models and stamped at head; an older one reaches head by
running the revisions. Both must give the same database, table for table, index for index,
trigger for trigger, or a file would differ by how it came to be.
"""

from __future__ import annotations

import itertools
import sqlite3
import tomllib
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.pool import NullPool

from desktopapp.db import migrations
from desktopapp.db.dialect.sqlite import SEARCH_INDEX
from desktopapp.db.schema import SCHEMA_VERSION, Base
from desktopapp.db.store import TimelineStore
from tests.pg_server import PostgresServer

# The article built and edited by the schema-4 code (commit 2537348), before migrations
# existed: what schema 4 really wrote.
SCHEMA_4 = Path(__file__).parent / "data" / "article-schema4-edited.sqlite3"


def _engine(path: Path) -> Engine:
    return create_engine(f"sqlite:///{path}", poolclass=NullPool)


def _migrated(path: Path, revision: str = "head") -> Path:
    """An empty file taken through the revisions up to ``revision``."""
    engine = _engine(path)
    with engine.begin() as connection:
        migrations.upgrade(connection, revision)
    engine.dispose()
    return path


def _schema(path: Path) -> dict[tuple[str, str], str]:
    """Every table, index, trigger and view of a file with its SQL (whitespace folded: SQLite
    keeps an added column's definition as ALTER TABLE wrote it), less ANALYZE's statistics."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        rows = db.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
    db.close()
    return {
        (kind, name): " ".join((sql or "").split())
        for kind, name, sql in rows
        if name != "sqlite_stat1"
    }


def _revision_of(path: Path) -> str | None:
    engine = _engine(path)
    with engine.connect() as connection:
        revision = migrations.current_revision(connection)
    engine.dispose()
    return revision


def _schema_version(path: Path) -> str:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        (version,) = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    db.close()
    return str(version)


def test_the_history_is_linear_with_one_head_and_revisions_named_by_schema() -> None:
    script = ScriptDirectory.from_config(migrations.config())
    revisions = list(reversed(list(script.walk_revisions())))
    assert [r.revision for r in revisions] == [
        migrations.revision_of_schema(n)
        for n in range(migrations.BASELINE_SCHEMA, SCHEMA_VERSION + 1)
    ]
    assert revisions[0].down_revision is None
    for before, after in itertools.pairwise(revisions):
        assert after.down_revision == before.revision
        assert not after.is_merge_point and not before.is_branch_point
    assert script.get_heads() == [migrations.revision_of_schema(SCHEMA_VERSION)]
    assert migrations.head_revision() == migrations.revision_of_schema(SCHEMA_VERSION)


@pytest.fixture
def new_timeline(tmp_path: Path) -> Path:
    path = tmp_path / "new.timeline"
    TimelineStore.create(path, title="New", author="Ada").close()
    return path


def test_a_new_timeline_and_a_built_one_are_stamped_at_head(
    new_timeline: Path, article_db: Path
) -> None:
    head = migrations.head_revision()
    assert _revision_of(new_timeline) == head
    assert _revision_of(article_db) == head
    assert _schema_version(new_timeline) == _schema_version(article_db) == str(SCHEMA_VERSION)


def test_the_migrations_make_the_schema_the_models_make(
    tmp_path: Path, new_timeline: Path, article_db: Path
) -> None:
    migrated = _schema(_migrated(tmp_path / "migrated.sqlite3"))
    assert {name for kind, name in migrated if kind == "trigger"}  # the counts' triggers
    assert ("table", SEARCH_INDEX) in migrated
    assert _schema(new_timeline) == migrated
    assert _schema(article_db) == migrated


def test_autogenerate_finds_nothing_to_migrate(tmp_path: Path) -> None:
    """What ``alembic check`` asks: would autogenerate write a revision from the models?"""
    engine = _engine(_migrated(tmp_path / "migrated.sqlite3"))

    def ours(name: str | None, kind: str, _parent: object) -> bool:
        # The search index and its shadow tables are the dialect's, not the models'.
        return not (kind == "table" and name is not None and name.startswith(SEARCH_INDEX))

    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_name": ours}
        )
        with warnings.catch_warnings():
            # SQLite's reflection skips the lower(title) indexes (with a warning); the
            # sqlite_master comparison above covers them.
            warnings.simplefilter("ignore")
            differences = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert differences == []


def test_the_baseline_is_what_schema_4_wrote(tmp_path: Path) -> None:
    baseline = _schema(_migrated(tmp_path / "baseline.sqlite3", "0004"))
    written = _schema(SCHEMA_4)
    assert ("table", "alembic_version") not in written  # made before migrations
    baseline.pop(("table", "alembic_version"))
    baseline.pop(("index", "sqlite_autoindex_alembic_version_1"))
    assert baseline == written


def test_each_revision_writes_its_schema_number(tmp_path: Path) -> None:
    path = _migrated(tmp_path / "steps.sqlite3", "0004")
    assert _schema_version(path) == "4"
    _migrated(path)
    assert _schema_version(path) == str(SCHEMA_VERSION)


def test_downgrade_to_schema_4_and_back_up(tmp_path: Path, new_timeline: Path) -> None:
    head = _schema(new_timeline)
    engine = _engine(new_timeline)
    with engine.begin() as connection:
        migrations.downgrade(connection, "0004")
    schema_4 = _schema(new_timeline)
    assert _schema_version(new_timeline) == "4" and _revision_of(new_timeline) == "0004"
    written = _schema(SCHEMA_4)
    assert {k: v for k, v in schema_4.items() if "alembic" not in k[1]} == written
    with engine.begin() as connection:
        migrations.upgrade(connection)
    engine.dispose()
    assert _schema(new_timeline) == head


@pytest.fixture
def empty_in_memory() -> Iterator[Engine]:
    engine = create_engine("sqlite://")
    yield engine
    engine.dispose()


def test_an_empty_database_migrated_is_ours(empty_in_memory: Engine) -> None:
    with empty_in_memory.begin() as connection:
        migrations.upgrade(connection)
        meta = dict(connection.execute(text("SELECT key, value FROM meta")).all())
    assert meta == {"application": "desktopapp-timeline", "schema_version": str(SCHEMA_VERSION)}


# -- PostgreSQL (a real throwaway server, tests/pg_server.py) -----------------------------------

# The server's catalogue of one database, as comparable text: every column, index, constraint,
# trigger, function and extension of the public schema.
_PG_CATALOGUE = {
    "columns": "SELECT table_name, ordinal_position, column_name, data_type, "
    "character_maximum_length, is_nullable, column_default FROM information_schema.columns "
    "WHERE table_schema = 'public'",
    "indexes": "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'",
    "constraints": "SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid) "
    "FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace "
    "WHERE n.nspname = 'public'",
    "triggers": "SELECT tgrelid::regclass::text, tgname, pg_get_triggerdef(oid) "
    "FROM pg_trigger WHERE NOT tgisinternal",
    "functions": "SELECT p.proname, pg_get_function_identity_arguments(p.oid), p.prosrc "
    "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'",
    "extensions": "SELECT extname FROM pg_extension",
}


def _pg_catalogue(url: str) -> dict[str, list[tuple[object, ...]]]:
    engine = create_engine(url, poolclass=NullPool)
    with engine.connect() as connection:
        found = {
            part: sorted(connection.execute(text(query)).all(), key=repr)
            for part, query in _PG_CATALOGUE.items()
        }
    engine.dispose()
    return found


def _pg_migrated(url: str, revision: str = "head") -> str:
    engine = create_engine(url, poolclass=NullPool)
    with engine.begin() as connection:
        migrations.upgrade(connection, revision)
    engine.dispose()
    return url


@pytest.mark.postgres
def test_on_postgresql_the_migrations_make_the_schema_the_models_make(
    pg_server: PostgresServer, pg_url: str
) -> None:
    created = pg_server.new_database()
    try:
        TimelineStore.create(pg_server.url(created), title="New", author="Ada").close()
        from_models = _pg_catalogue(pg_server.url(created))
    finally:
        pg_server.drop_database(created)
    from_migrations = _pg_catalogue(_pg_migrated(pg_url))
    assert from_migrations["triggers"] and from_migrations["functions"]
    for part, rows in from_models.items():
        assert from_migrations[part] == rows, part


@pytest.mark.postgres
def test_on_postgresql_autogenerate_finds_nothing_to_migrate(pg_url: str) -> None:
    engine = create_engine(_pg_migrated(pg_url), poolclass=NullPool)

    def ours(name: str | None, kind: str, _parent: object) -> bool:
        return not (kind == "table" and name == "event_search")  # the dialect's search index

    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={"compare_type": True, "compare_server_default": True, "include_name": ours},
        )
        differences = compare_metadata(context, Base.metadata)
        revision = migrations.current_revision(connection)
    engine.dispose()
    assert differences == []
    assert revision == migrations.head_revision()


def test_a_revision_alembic_does_not_know_is_one_clear_error(empty_in_memory: Engine) -> None:
    with (
        pytest.raises(migrations.MigrationError, match="0099"),
        empty_in_memory.begin() as connection,
    ):
        migrations.upgrade(connection, "0099")


@pytest.mark.postgres
def test_a_timeline_copied_onto_a_server_is_stamped_at_head(article_db: Path, pg_url: str) -> None:
    from desktopapp.db.copying import copy_timeline_rows

    assert copy_timeline_rows(article_db, pg_url) == 18
    engine = create_engine(pg_url, poolclass=NullPool)
    with engine.connect() as connection:
        assert migrations.current_revision(connection) == migrations.head_revision()
    engine.dispose()


def test_every_revision_script_is_shipped_with_the_package() -> None:
    """Alembic reads the scripts as files: pyproject's package-data must carry each one into
    the wheel (the PyInstaller spec collects the folder with its .py files)."""
    root = Path(__file__).resolve().parents[1]
    setuptools = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]
    patterns = setuptools["package-data"]["desktopapp.db.migrations"]
    folder = Path(migrations.__file__).parent
    shipped = {path for pattern in patterns for path in folder.glob(pattern)}
    scripts = set(folder.glob("versions/*.py")) | {folder / "script.py.mako"}
    assert len(scripts) > 2 and scripts <= shipped
    assert "desktopapp.db.migrations" in setuptools["packages"]
    spec = (root / "packaging" / "desktopapp.spec").read_text()
    assert 'collect_data_files("desktopapp.db.migrations", include_py_files=True)' in spec


def test_check_reports_a_stamp_that_disagrees_with_the_schema_version(
    new_timeline: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktopapp.cli import main

    assert main(["check", str(new_timeline)]) == 0
    capsys.readouterr()
    with sqlite3.connect(new_timeline) as db:
        db.execute("UPDATE alembic_version SET version_num = '0004'")
    db.close()
    assert main(["check", str(new_timeline)]) == 1
    out = capsys.readouterr().out
    assert f"its migration stamp '0004' disagrees with its schema version {SCHEMA_VERSION}" in out
