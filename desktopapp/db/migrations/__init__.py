"""The schema's migration history (Alembic), one revision per schema version, shared by
every engine (SQLite files, a PostgreSQL server).

Revision ids are the schema numbers they produce ("0004", "0005"), and each revision also
writes ``meta.schema_version``, which older releases of the app read. A new timeline is
created from the models (db/schema.py) at head and stamped; an older one is upgraded by
running the revisions it lacks. tests/test_migrations.py checks that both ways give the same
schema.

The scripts are found beside this file (``script_location`` is set here, no alembic.ini), so
they work from a source tree, a wheel and the PyInstaller bundle alike. Every function takes
a connection inside the caller's transaction: an upgrade is all or nothing where the engine's
DDL is transactional (SQLite and PostgreSQL both are).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic is imported by the functions that use it, not here: the store and the builder
# import this module, and the window (which only stamps a new file) would otherwise pay
# Alembic's import, some 150 ms, at every start.


class MigrationError(Exception):
    """Alembic refused to stamp or migrate (a revision it does not know, say); one line."""


@contextmanager
def _refusals_as_migration_errors() -> Iterator[None]:
    from alembic.util import CommandError

    try:
        yield
    except CommandError as error:
        raise MigrationError(str(error)) from error


# The first schema whose files may hold edits and history, and the migration history's root:
# older files are read-only builds, upgraded by rebuilding them (see ingest/upgrade.py).
BASELINE_SCHEMA = 4


def revision_of_schema(version: int) -> str:
    """The revision that produces schema ``version``."""
    return f"{version:04d}"


def config(connection: Connection | None = None) -> Config:
    """The Alembic configuration: scripts beside this file, run on ``connection``."""
    from alembic.config import Config

    settings = Config()
    settings.set_main_option("script_location", str(Path(__file__).resolve().parent))
    settings.attributes["connection"] = connection
    return settings


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(config()).get_heads()
    if len(heads) != 1:
        raise RuntimeError(f"the migration history has {len(heads)} heads, not one: {heads}")
    return heads[0]


def current_revision(connection: Connection) -> str | None:
    """The revision a database is stamped with (None: made before migrations, or empty)."""
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def stamp(connection: Connection, revision: str = "head") -> None:
    """Record that the database is at ``revision`` without running anything (a new one,
    made from the models, at head; an older one of a known schema, before upgrading)."""
    from alembic import command

    with _refusals_as_migration_errors():
        command.stamp(config(connection), revision)


def upgrade(connection: Connection, revision: str = "head") -> None:
    """Run every revision the database lacks, up to ``revision``."""
    from alembic import command

    with _refusals_as_migration_errors():
        command.upgrade(config(connection), revision)


def downgrade(connection: Connection, revision: str) -> None:
    """Undo the revisions after ``revision`` (for developers and the tests)."""
    from alembic import command

    with _refusals_as_migration_errors():
        command.downgrade(config(connection), revision)
