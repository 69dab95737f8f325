"""Opening and creating timeline databases, with one clear message for every way it fails.

Viewing never writes: an existing database is opened read-only (SQLite ``mode=ro``), so
pointing the app at the wrong file cannot change it, and no file is created by opening.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.pool import QueuePool

from desktopapp.db.schema import APPLICATION_ID, SCHEMA_VERSION, Base

SQLITE_MAGIC = b"SQLite format 3\x00"


class DatabaseError(Exception):
    """A database that cannot be used, with a message meant for the person using the app."""


class OlderSchemaError(DatabaseError):
    """Our database, written with an older schema: it can be upgraded (after a backup)."""


def open_database(location: str | Path) -> Engine:
    """Open an existing timeline database read-only, or raise DatabaseError saying why not.

    ``location`` is a file path or a SQLAlchemy URL (``sqlite:///path``).
    """
    text_location = str(location)
    if "://" in text_location:
        engine = _engine_for_url(text_location)
    else:
        path = Path(text_location).expanduser()
        _check_sqlite_file(path)
        engine = _readonly_sqlite_engine(path)
    try:
        check_schema(engine, str(location))
    except Exception:
        engine.dispose()
        raise
    return engine


def _check_sqlite_file(path: Path) -> None:
    if not path.exists():
        raise DatabaseError(f"{path}: no such file")
    if path.is_dir():
        raise DatabaseError(f"{path}: is a folder, not a database file")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise DatabaseError(f"{path}: cannot be read ({error.strerror or error})") from error
    if header != SQLITE_MAGIC:
        raise DatabaseError(f"{path}: not a timeline database (not an SQLite file)")


def _readonly_sqlite_engine(path: Path) -> Engine:
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"

    def connect() -> sqlite3.Connection:
        connection = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=5.0)
        connection.execute("PRAGMA query_only = 1")
        return connection

    # The URL says "sqlite://" only because the creator makes the connection; left to guess,
    # SQLAlchemy would pick the pool meant for in-memory databases (SingletonThreadPool), which
    # closes other threads' connections once more threads than its size have connected —
    # while they may be running a query on a worker (seen as a segfault). A QueuePool lends
    # each connection to one thread at a time.
    engine = create_engine("sqlite://", creator=connect, poolclass=QueuePool)
    _tune_sqlite(engine)
    return engine


def _engine_for_url(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as error:
        raise DatabaseError(f"{url}: not a database URL I understand") from error
    database = parsed.database
    if parsed.get_backend_name() == "sqlite" and database and database != ":memory:":
        _check_sqlite_file(Path(database))
    try:
        engine = create_engine(parsed)
    except (NoSuchModuleError, ArgumentError, ImportError) as error:
        raise DatabaseError(f"{url}: cannot open this kind of database ({error})") from error
    if engine.dialect.name == "sqlite":
        _tune_sqlite(engine)
    return engine


def _tune_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA cache_size = -65536")
        cursor.execute("PRAGMA temp_store = MEMORY")
        # No memory-mapped I/O: if another program truncates or rewrites the file while it is
        # open, a mapped read past the new end is a SIGBUS that kills the app (seen in the
        # damaged-file test); plain reads get an error we can report instead.
        cursor.execute("PRAGMA mmap_size = 0")
        cursor.close()


def check_schema(engine: Engine, label: str) -> None:
    """Refuse a database that is not ours or not at our schema version."""
    try:
        with engine.connect() as connection:
            kinds: dict[str, str] = dict(
                connection.execute(text("SELECT name, type FROM sqlite_master")).all()
            )
            _check_tables_are_tables(kinds, label)
            tables = {name for name, kind in kinds.items() if kind == "table"}
            if "meta" not in tables or "events" not in tables:
                raise DatabaseError(
                    f"{label}: an SQLite database, but not a timeline database "
                    "(it has no events table)"
                )
            meta: dict[str, str] = dict(
                connection.execute(text("SELECT key, value FROM meta")).all()
            )
    except DatabaseError:
        raise
    except DBAPIError as error:
        reason = _reason(error)
        if "locked" in reason or "busy" in reason:
            raise DatabaseError(
                f"{label}: the database is busy (another program is writing to it); "
                "try again shortly"
            ) from error
        raise DatabaseError(f"{label}: cannot be read as a database ({reason})") from error
    except SQLAlchemyError as error:
        raise DatabaseError(f"{label}: cannot be read as a database ({error})") from error
    if meta.get("application") != APPLICATION_ID:
        raise DatabaseError(f"{label}: an SQLite database of another program")
    version = meta.get("schema_version", "")
    if not version.isdigit():
        raise DatabaseError(f"{label}: has no readable schema version")
    if int(version) > SCHEMA_VERSION:
        raise DatabaseError(
            f"{label}: made by a newer version of this app (schema {version}, this app reads "
            f"{SCHEMA_VERSION}); update the app to open it"
        )
    if int(version) < SCHEMA_VERSION:
        raise OlderSchemaError(
            f"{label}: uses an older schema ({version}, this app reads {SCHEMA_VERSION}); "
            "upgrade it with 'desktopapp upgrade-db' (a backup copy is kept)"
        )
    missing = sorted(EXPECTED_TABLES - tables)
    if missing:
        raise DatabaseError(f"{label}: a damaged timeline database (no {', '.join(missing)} table)")


# Every table a timeline database of our schema has (the search index is a virtual table).
EXPECTED_TABLES = frozenset({*Base.metadata.tables, "events_fts"})


def _check_tables_are_tables(kinds: dict[str, str], label: str) -> None:
    """Refuse a file where a view (or index, or trigger) holds the name of one of our
    tables: a recursive view standing in for ``events`` would make every query run forever.
    Names are read from sqlite_master alone, so this cannot hang."""
    for name in sorted(EXPECTED_TABLES):
        kind = kinds.get(name)
        if kind is not None and kind != "table":
            raise DatabaseError(
                f"{label}: not a usable timeline database: {name!r} is a {kind}, not a table"
            )


def _reason(error: DBAPIError) -> str:
    original = error.orig
    return str(original) if original is not None else str(error)


def create_writable_engine(path: Path) -> Engine:
    """An engine on a new database file that the builder fills; tuned for bulk loading."""
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        # The file is a temporary one, moved into place only when complete, so durability
        # during the build buys nothing; the final commit is still synced before the move.
        cursor.execute("PRAGMA journal_mode = OFF")
        cursor.execute("PRAGMA synchronous = OFF")
        cursor.execute("PRAGMA temp_store = MEMORY")
        cursor.execute("PRAGMA cache_size = -262144")
        cursor.close()

    return engine
