"""Upgrading a timeline database written with an older schema, after a backup copy.

An upgrade reads the facts (sources, citations, actors, types, events, quotes) out of the old
file and writes them with the current builder, which recomputes every index, count table and
check. The facts' tables have kept their shape since schema 1; a future change to them adds a
reader for the older shape here. Files from schema 4 on may hold edits and their history,
which a rebuild would lose: they are upgraded in place instead, one additive step per schema.
The old file is first copied beside itself (``timeline.sqlite3.schema1.bak``, written whole
or not at all), so nothing is lost even if the upgrade is interrupted; the file itself is only
replaced once the new one is complete.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Generic, TypeVar
from urllib.parse import quote as url_quote

from sqlalchemy import Connection, create_engine, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from desktopapp.db.errors import describe_error
from desktopapp.db.schema import APPLICATION_ID, SCHEMA_VERSION, Base
from desktopapp.domain.dates import parse_edtf
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
            raise UpgradeError(f"{path}: not a timeline database ({error})") from error
    if rows.get("application") != APPLICATION_ID or not str(rows.get("schema_version")).isdigit():
        raise UpgradeError(f"{path}: not a timeline database")
    return int(rows["schema_version"])


def upgrade_database(path: Path) -> Path:
    """Upgrade ``path`` in place to the current schema; return the backup copy's path."""
    path = path.expanduser().resolve()
    try:
        check_regular_input(path)
    except FileNotFoundError as error:
        raise UpgradeError(f"{path}: no such file") from error
    except OSError as error:
        raise UpgradeError(f"{path}: cannot be upgraded ({reason(error)})") from error
    version = schema_version_of(path)
    if version >= SCHEMA_VERSION:
        raise UpgradeError(f"{path}: already at schema {version}; nothing to upgrade")
    if version < OLDEST_UPGRADABLE:
        raise UpgradeError(
            f"{path}: schema {version} is too old to upgrade; rebuild it with 'desktopapp build-db'"
        )
    backup = _write_backup(path, version)
    if version >= FIRST_EDITABLE:
        _migrate_in_place(path, version, backup)
        return backup
    try:
        # The old file stays open for reading while the new one is written beside it; the
        # builder replaces it only at the end, so events stream through without piling up.
        with _read_only(path) as db:
            build_database(_read_dataset(db, version), path)
    except (BuildError, sqlite3.Error, ValueError, KeyError) as error:
        raise UpgradeError(
            f"{path}: could not be upgraded ({error}); it was left unchanged, and a copy "
            f"is at {backup}"
        ) from error
    return backup


def _migrate_in_place(path: Path, version: int, backup: Path) -> None:
    """Bring an editable file (schema 4 on) up to date in one transaction, keeping what a
    rebuild would lose: its history, keys and source-cited dates. Each step only adds."""
    engine = create_engine(f"sqlite:///{path}", poolclass=NullPool)
    try:
        with engine.begin() as connection:
            for step in range(version, SCHEMA_VERSION):
                _IN_PLACE_STEPS[step](connection)
            connection.execute(
                text("UPDATE meta SET value = :v WHERE key = 'schema_version'"),
                {"v": str(SCHEMA_VERSION)},
            )
    except SQLAlchemyError as error:
        raise UpgradeError(
            f"{path}: could not be upgraded ({describe_error(error)}); it was left unchanged, "
            f"and a copy is at {backup}"
        ) from None
    finally:
        engine.dispose()


def _schema_4_to_5(connection: Connection) -> None:
    for table, column in (
        ("sources", "author"),
        ("events", "claim_text"),
        ("events", "claim_origin"),
    ):
        connection.execute(
            text(f"ALTER TABLE {table} ADD COLUMN {column} TEXT NOT NULL DEFAULT ''")
        )
    Base.metadata.tables["event_links"].create(connection)


# Schema N -> N + 1, for files that may hold edits (a rebuild would drop their history).
FIRST_EDITABLE = 4
_IN_PLACE_STEPS: dict[int, Callable[[Connection], None]] = {4: _schema_4_to_5}


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
            f"{path}: no backup copy could be written next to it "
            f"({write_failure(error, path.parent, path.stat().st_size)}); not upgraded"
        ) from error
    return backup


@contextlib.contextmanager
def _read_only(path: Path) -> Iterator[sqlite3.Connection]:
    uri = f"file:{url_quote(str(path))}?mode=ro"
    try:
        connection = sqlite3.connect(uri, uri=True, timeout=5.0)
    except sqlite3.Error as error:
        raise UpgradeError(f"{path}: cannot be read ({error})") from error
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
