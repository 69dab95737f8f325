"""Upgrading a timeline database written with an older schema, after a backup copy.

Two ways, by age:

- Schema 4 on (files that may hold edits and their history): the migrations of
  desktopapp/db/migrations/ (Alembic) run in place, in one transaction, so a failure leaves
  the file as it was. A file of schema 4 or later made before migrations existed has no
  ``alembic_version`` yet: it is first stamped with the revision of its schema, in the same
  transaction.
- Schema 1 to 3 (read-only builds: no edits, no history): the facts (sources, citations,
  actors, types, events, quotes) are read out of the old file and written with the current
  builder, which recomputes every index, count table and check. Their tables kept their shape
  from schema 1 to 3, so one reader serves them all; there will be no more of these.

Either way the old file is first copied beside itself (``timeline.sqlite3.schema1.bak``,
written whole or not at all), so nothing is lost even if the upgrade is interrupted.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Generic, TypeVar
from urllib.parse import quote as url_quote

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from desktopapp.db import migrations
from desktopapp.db.dialect import sqlite as sqlite_dialect
from desktopapp.db.errors import DatabaseError, describe_error
from desktopapp.db.locations import Location, parse_location
from desktopapp.db.schema import APPLICATION_ID, SCHEMA_VERSION
from desktopapp.domain.dates import parse_edtf
from desktopapp.domain.l10n import _
from desktopapp.domain.model import ActorKind, Role
from desktopapp.ingest.builder import BuildError, build_database
from desktopapp.ingest.dataset import (
    ActorSpec,
    CitationSpec,
    Dataset,
    EventSpec,
    QuoteSpec,
    SourceSpec,
    TypeSpec,
)
from desktopapp.safe_files import check_regular_input, copy_atomically, reason, write_failure

OLDEST_UPGRADABLE = 1
T = TypeVar("T")


class UpgradeError(Exception):
    """The database cannot be upgraded; it was left as it was."""


def schema_version_of(path: Path) -> int:
    """The schema version recorded in a timeline database (read-only)."""
    with _read_only(path) as connection:
        try:
            rows = dict(connection.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.Error as error:
            raise UpgradeError(
                _("{path}: not a timeline database ({reason})").format(path=path, reason=error)
            ) from error
    if rows.get("application") != APPLICATION_ID or not str(rows.get("schema_version")).isdigit():
        raise UpgradeError(_("{path}: not a timeline database").format(path=path))
    return int(rows["schema_version"])


def _already(label: object, version: object) -> str:
    return _("{label}: already at schema {version}; nothing to upgrade").format(
        label=label, version=version
    )


def _unchanged(path: Path, reason: object, backup: Path) -> str:
    return _(
        "{path}: could not be upgraded ({reason}); it was left unchanged, and a copy is at {backup}"
    ).format(path=path, reason=reason, backup=backup)


def upgrade_location(location: str | Path) -> Path | None:
    """Upgrade a timeline file (returning its backup copy's path) or a timeline on a database
    server (None: a server keeps its own backups; the migrations run in one transaction)."""
    try:
        where = parse_location(location)
    except DatabaseError as error:
        raise UpgradeError(str(error)) from None
    if where.sqlite_path is not None:
        return upgrade_database(where.sqlite_path)
    _upgrade_server(where)
    return None


def upgrade_database(path: Path) -> Path:
    """Upgrade ``path`` in place to the current schema; return the backup copy's path."""
    path = path.expanduser().resolve()
    try:
        check_regular_input(path)
    except FileNotFoundError as error:
        raise UpgradeError(_("{path}: no such file").format(path=path)) from error
    except OSError as error:
        raise UpgradeError(
            _("{path}: cannot be upgraded ({reason})").format(path=path, reason=reason(error))
        ) from error
    version = schema_version_of(path)
    if version >= SCHEMA_VERSION:
        raise UpgradeError(_already(path, version))
    if version < OLDEST_UPGRADABLE:
        raise UpgradeError(
            _(
                "{path}: schema {version} is too old to upgrade; rebuild it with "
                "'desktopapp build-db'"
            ).format(path=path, version=version)
        )
    backup = _write_backup(path, version)
    if version >= migrations.BASELINE_SCHEMA:
        _migrate_in_place(path, version, backup)
        return backup
    try:
        # The old file stays open for reading while the new one is written beside it; the
        # builder replaces it only at the end, so events stream through without piling up.
        with _read_only(path) as db:
            build_database(_read_dataset(db, version), path)
    except (BuildError, sqlite3.Error, ValueError, KeyError) as error:
        raise UpgradeError(_unchanged(path, error, backup)) from error
    return backup


def _migrate_in_place(path: Path, version: int, backup: Path) -> None:
    """Run the migrations a file lacks, in one write transaction: all of them or, on any
    failure, none (SQLite's DDL is transactional), the file then unchanged."""
    engine = _migration_engine(path)
    try:
        with engine.begin() as connection:
            _stamp_if_unstamped(connection, version)
            migrations.upgrade(connection)
            _check_reached(connection)
    except (SQLAlchemyError, migrations.MigrationError) as error:
        raise UpgradeError(_unchanged(path, describe_error(error), backup)) from None
    finally:
        engine.dispose()


def _upgrade_server(where: Location) -> None:
    assert where.url is not None
    try:
        engine = create_engine(where.url, poolclass=NullPool)
    except (SQLAlchemyError, ImportError, ValueError, TypeError) as error:
        raise UpgradeError(
            _("{label}: cannot open this kind of database ({reason})").format(
                label=where.label, reason=error
            )
        ) from None
    try:
        with engine.begin() as connection:
            version = _server_schema(connection, where.label)
            _stamp_if_unstamped(connection, version)
            migrations.upgrade(connection)
            _check_reached(connection)
    except UpgradeError as error:  # not a timeline, or not older: untouched
        raise UpgradeError(where.secrets.scrub(str(error))) from None
    except (SQLAlchemyError, migrations.MigrationError) as error:
        reason = where.secrets.scrub(describe_error(error))
        raise UpgradeError(
            _("{label}: could not be upgraded ({reason}); it was left unchanged").format(
                label=where.label, reason=reason
            )
        ) from None
    finally:
        engine.dispose()


def _server_schema(connection: Connection, label: str) -> int:
    """The schema a server's timeline records; refused unless it is older than ours."""
    try:
        meta: dict[str, str] = dict(connection.execute(text("SELECT key, value FROM meta")).all())
    except SQLAlchemyError:
        raise UpgradeError(
            _("{label}: not a timeline database (it has no meta table)").format(label=label)
        ) from None
    version = meta.get("schema_version", "")
    if meta.get("application") != APPLICATION_ID or not version.isdigit():
        raise UpgradeError(_("{path}: not a timeline database").format(path=label))
    if int(version) >= SCHEMA_VERSION:
        raise UpgradeError(_already(label, version))
    if int(version) < migrations.BASELINE_SCHEMA:
        raise UpgradeError(
            _("{label}: schema {version} is older than any server timeline").format(
                label=label, version=version
            )
        )
    return int(version)


def _check_reached(connection: Connection) -> None:
    reached = connection.execute(
        text("SELECT value FROM meta WHERE key = 'schema_version'")
    ).scalar()
    if reached != str(SCHEMA_VERSION):
        raise migrations.MigrationError(
            _("the migrations ended at schema {version}").format(version=reached)
        )


def _stamp_if_unstamped(connection: Connection, version: int) -> None:
    """A database made before migrations existed is at the revision of its schema number;
    a stamped one must agree with its number (they only disagree in a damaged one)."""
    expected = migrations.revision_of_schema(version)
    recorded = migrations.current_revision(connection)
    if recorded is None:
        migrations.stamp(connection, expected)
    elif recorded != expected:
        raise migrations.MigrationError(
            _("it says schema {version} but records migration {recorded}: it is damaged").format(
                version=version, recorded=recorded
            )
        )


_BUSY_TIMEOUT_MS = 5_000  # an editor's write in progress is waited for this long


def _migration_engine(path: Path) -> Engine:
    """An engine whose transactions take the write lock at once and hold DDL too: Python's
    sqlite3 only opens a transaction before INSERT/UPDATE/DELETE, so an ALTER TABLE would be
    committed on its own, and a failure after it would leave the file half upgraded."""

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(
            f"file:{url_quote(str(path))}?mode=rw",
            uri=True,
            timeout=_BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,
        )

    engine = create_engine("sqlite://", creator=connect, poolclass=NullPool)

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        sqlite_dialect.begin_write(connection, _BUSY_TIMEOUT_MS)

    return engine


def _checkpoint(path: Path) -> None:
    """Move what an edited file keeps in its write-ahead log into the file itself, so that
    a copy of the file's bytes holds its latest changes (the log is not copied)."""
    wal = path.with_name(path.name + "-wal")
    if not wal.exists() or wal.stat().st_size == 0:
        return
    connection = sqlite3.connect(path, timeout=5.0)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        connection.close()


def _write_backup(path: Path, version: int) -> Path:
    """Copy ``path`` to ``PATH.schemaN.bak`` through a synced temporary file, so that a backup
    under that name is always whole; an earlier backup is never overwritten."""
    backup = path.with_name(f"{path.name}.schema{version}.bak")
    number = 2
    while backup.exists():
        backup = path.with_name(f"{path.name}.schema{version}.{number}.bak")
        number += 1
    try:
        _checkpoint(path)
        copy_atomically(path, backup)
    except (OSError, sqlite3.Error) as error:
        raise UpgradeError(
            _("{path}: no backup copy could be written next to it ({reason}); not upgraded").format(
                path=path, reason=write_failure(error, path.parent, path.stat().st_size)
            )
        ) from error
    return backup


@contextlib.contextmanager
def _read_only(path: Path) -> Iterator[sqlite3.Connection]:
    uri = f"file:{url_quote(str(path))}?mode=ro"
    try:
        connection = sqlite3.connect(uri, uri=True, timeout=5.0)
    except sqlite3.Error as error:
        raise UpgradeError(
            _("{path}: cannot be read ({reason})").format(path=path, reason=error)
        ) from error
    try:
        yield connection
    finally:
        connection.close()


def _read_dataset(db: sqlite3.Connection, version: int) -> Dataset:
    """The facts of a schema-1 (or later) database, as the builder takes them."""
    meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
    sources = [
        SourceSpec(key, title, outlet, language, url, parse_edtf(published), note, text)
        for key, title, outlet, language, url, published, note, text in db.execute(
            "SELECT key, title, outlet, language, url, published_edtf, published_note, "
            "text FROM sources ORDER BY id"
        )
    ]
    citations = [
        CitationSpec(key, outlet, title, url, parse_edtf(published))
        for key, outlet, title, url, published in db.execute(
            "SELECT key, outlet, title, url, published_edtf FROM citations ORDER BY id"
        )
    ]
    aliases: dict[int, list[str]] = {}
    for actor_id, name in db.execute(
        "SELECT actor_id, name FROM actor_names WHERE is_alias ORDER BY actor_id, name"
    ):
        aliases.setdefault(actor_id, []).append(name)
    actor_rows = db.execute("SELECT id, key, name, kind FROM actors ORDER BY id").fetchall()
    actors = [
        ActorSpec(key, name, ActorKind(kind), tuple(aliases.get(actor_id, ())))
        for actor_id, key, name, kind in actor_rows
    ]
    types = [
        TypeSpec(slug, label)
        for slug, label in db.execute("SELECT slug, label FROM event_types ORDER BY id")
    ]
    events = _read_events(db)
    kept = {k: v for k, v in meta.items() if k in ("annotations_sha256",)}
    kept["upgraded_from_schema"] = str(version)
    return Dataset(sources, citations, actors, types, events, meta=kept)


def _read_events(db: sqlite3.Connection) -> Iterator[EventSpec]:
    """Events with their actors and quotes, read as three cursors advancing together in
    event order, so a million events stream through without being held in memory."""
    participants = _ByEvent(
        db.execute(
            "SELECT ea.event_id, a.key, ea.role FROM event_actors ea "
            "JOIN actors a ON a.id = ea.actor_id ORDER BY ea.event_id, ea.role, a.id"
        ),
        lambda row: (row[1], Role(row[2])),
    )
    quotes = _ByEvent(
        db.execute(
            'SELECT q.event_id, s.key, q.start, q."end", q.text FROM quotes q '
            "JOIN sources s ON s.id = q.source_id ORDER BY q.event_id, q.position"
        ),
        lambda row: QuoteSpec(row[1], row[2], row[3], row[4]),
    )
    rows = db.execute(
        "SELECT e.id, e.key, e.title, e.summary, t.slug, e.date_edtf, c.key, "
        "e.citation_quote, e.citation_note FROM events e "
        "JOIN event_types t ON t.id = e.type_id "
        "LEFT JOIN citations c ON c.id = e.citation_id ORDER BY e.id"
    )
    for event_id, key, title, summary, slug, edtf, citation, quote, note in rows:
        yield EventSpec(
            key=key,
            title=title,
            summary=summary,
            type_slug=slug,
            date=parse_edtf(edtf),
            actors=tuple(participants.take(event_id)),
            citation_key=citation,
            citation_quote=quote,
            citation_note=note,
            quotes=tuple(quotes.take(event_id)),
        )


class _ByEvent(Generic[T]):
    """Rows ordered by their first column (an event id), handed out one event at a time."""

    def __init__(self, rows: Iterator[tuple[Any, ...]], make: Callable[[tuple[Any, ...]], T]):
        self._rows = rows
        self._make = make
        self._pending: tuple[Any, ...] | None = next(self._rows, None)

    def take(self, event_id: int) -> list[T]:
        """The items of this event; rows of earlier (orphan) ids are skipped."""
        items: list[T] = []
        while self._pending is not None and self._pending[0] <= event_id:
            if self._pending[0] == event_id:
                items.append(self._make(self._pending))
            self._pending = next(self._rows, None)
        return items
