"""Opening and creating timeline databases, with one clear message for every way it fails.

Viewing never writes: an existing database is opened read-only (SQLite ``mode=ro``; on a
PostgreSQL server, read-only transactions), so pointing the app at the wrong database cannot
change it, and nothing is created by opening.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError

from desktopapp.db.dialect import dialect_for
from desktopapp.db.dialect.sqlite import SEARCH_INDEX, bulk_load_pragmas
from desktopapp.db.errors import (
    DatabaseChangedError,
    DatabaseError,
    OlderSchemaError,
    with_upgrade_hint,
)
from desktopapp.db.locations import Location, parse_location
from desktopapp.db.readonly import readonly_sqlite_engine, snapshot_engine
from desktopapp.db.schema import APPLICATION_ID, SCHEMA_VERSION, Base
from desktopapp.domain.l10n import N_, _, ngettext
from desktopapp.safe_files import read_regular_file

__all__ = [
    "DatabaseChangedError",
    "DatabaseError",
    "OlderSchemaError",
    "check_schema",
    "create_writable_engine",
    "open_database",
    "snapshot_engine",
]

SQLITE_MAGIC = b"SQLite format 3\x00"


def open_database(location: str | Path, *, snapshot: bool = False) -> Engine:
    """Open an existing timeline database read-only, or raise DatabaseError saying why not.

    ``location`` is a file path or a SQLAlchemy URL (``sqlite:///path``); an SQLite file is
    opened the same read-only way however it is named. A URL's password is never shown.
    ``snapshot``: answer everything from one read transaction (for a command; see
    :func:`snapshot_engine` for a file, :func:`_server_snapshot_engine` for a server), the
    schema check included.
    """
    where = parse_location(location)
    for attempt in range(_ATTEMPTS):
        try:
            return _open(where, snapshot=snapshot)
        except DatabaseChangedError:
            # Replaced (by a rebuild) while being opened, before anything was read from it:
            # open the new file instead.
            if attempt == _ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


_ATTEMPTS = 3


def _open(where: Location, *, snapshot: bool) -> Engine:
    if where.sqlite_path is not None:
        _check_sqlite_file(where.sqlite_path)
        engine = readonly_sqlite_engine(where.sqlite_path, where.label, timeout=where.timeout)
        if snapshot:
            engine = snapshot_engine(engine)
    elif snapshot:
        engine = _server_snapshot_engine(where)
    else:
        engine = _engine_for_url(where)
    try:
        check_schema(engine, where.label)
    except DatabaseError as error:
        engine.dispose()
        raise _explained(error, where) from (None if where.secrets.forms else error)
    except (ValueError, TypeError) as error:  # a driver refusing its URL's options
        engine.dispose()
        raise where.fail(_("cannot connect ({reason})").format(reason=error)) from None
    return engine


def _explained(error: DatabaseError, where: Location) -> DatabaseError:
    """The error with any password scrubbed, and a hot journal named for what it is."""
    message = where.secrets.scrub(str(error))
    path = where.sqlite_path
    if path is not None and "readonly database" in message:
        journal = path.with_name(path.name + "-journal")
        if journal.exists() and journal.stat().st_size > 0:
            message = _(
                "{label}: a program stopped in the middle of writing it, and its "
                "unfinished change is in {journal}; viewing never writes, so open it "
                "once with that program (or the sqlite3 tool) to finish or undo the change"
            ).format(label=where.label, journal=journal.name)
    return type(error)(message)


def _check_sqlite_file(path: Path) -> None:
    if not path.exists():
        raise DatabaseError(_("{path}: no such file").format(path=path))
    if path.is_dir():
        raise DatabaseError(_("{path}: is a folder, not a database file").format(path=path))
    try:
        # A FIFO or a device would hang or feed SQLite endless bytes: regular files only.
        header = read_regular_file(path, limit=None, length=len(SQLITE_MAGIC))
    except OSError as error:
        raise DatabaseError(
            _("{path}: cannot be read ({reason})").format(path=path, reason=error.strerror or error)
        ) from error
    if header != SQLITE_MAGIC:
        raise DatabaseError(
            _("{path}: not a timeline database (not an SQLite file)").format(path=path)
        )


def _engine_for_url(
    where: Location, *, read_only: bool = True, isolation_level: str | None = None
) -> Engine:
    """An engine for a database server; SQLAlchemy and its driver read the URL (libpq's
    settings such as sslmode pass through from its query). ``read_only``: every transaction
    is read-only, so that viewing cannot write whatever a query says."""
    assert where.url is not None
    options: dict[str, Any] = {"pool_pre_ping": True}
    if isolation_level is not None:
        options["isolation_level"] = isolation_level
    try:
        engine = create_engine(where.url, **options)
    except (NoSuchModuleError, ArgumentError, ImportError, ValueError, TypeError) as error:
        raise where.fail(
            _("cannot open this kind of database ({reason})").format(reason=error)
        ) from None
    if engine.dialect.name == "postgresql" and read_only:

        @event.listens_for(engine, "connect")
        def _viewing_only(dbapi_connection, _record):
            with dbapi_connection.cursor() as cursor:
                cursor.execute("SET default_transaction_read_only = on")
            dbapi_connection.commit()

    return engine


def _server_snapshot_engine(where: Location) -> Engine:
    """An engine whose every transaction reads one snapshot of the server, taken now.

    A command (``list``, ``export``) asks many questions: a count, then pages of rows, each
    format in turn. On a server each would otherwise see the commits made since the last, so
    an export could say "120 events" above 121 rows. One connection holds a REPEATABLE READ
    transaction open and exports its snapshot (``pg_export_snapshot``); every transaction of
    the engine starts by adopting it, whichever pooled connection or thread it runs on.
    Disposing the engine ends the snapshot.
    """
    engine = _engine_for_url(where, isolation_level="REPEATABLE READ")
    if engine.dialect.name != "postgresql":
        return engine  # another server: its own isolation, one question at a time
    try:
        holder = engine.connect()
        snapshot_id = holder.exec_driver_sql("SELECT pg_export_snapshot()").scalar_one()
    except DBAPIError as error:
        engine.dispose()
        raise where.fail(
            _("cannot connect to the server ({reason})").format(reason=_reason(error))
        ) from None
    except (ValueError, TypeError) as error:  # a driver refusing its URL's options
        engine.dispose()
        raise where.fail(_("cannot connect ({reason})").format(reason=error)) from None
    adopt = _adopt_snapshot_statement(str(snapshot_id))

    @event.listens_for(engine, "begin")
    def _adopt_the_snapshot(connection):
        # The first statement of the transaction, as PostgreSQL requires.
        connection.connection.driver_connection.execute(adopt)

    @event.listens_for(engine, "engine_disposed")
    def _end_the_snapshot(_engine):
        holder.invalidate()  # closes it: its transaction, and the snapshot, end

    return engine


def _adopt_snapshot_statement(snapshot_id: str) -> Any:
    """``SET TRANSACTION SNAPSHOT '…'``, the id quoted by the driver (it takes no parameter)."""
    from psycopg import sql

    return sql.SQL("SET TRANSACTION SNAPSHOT {}").format(sql.Literal(snapshot_id))


def server_engine(where: Location, *, read_only: bool) -> Engine:
    """An engine on a database server's timeline (a ``postgresql://`` URL)."""
    if where.url is None:
        raise DatabaseError(_("{label}: not a database server's URL").format(label=where.label))
    return _engine_for_url(where, read_only=read_only)


_ENGINE_NAMES = {"sqlite": N_("an SQLite database"), "postgresql": N_("a PostgreSQL database")}


def check_schema(engine: Engine, label: str) -> None:
    """Refuse a database that is not ours or not at our schema version."""
    what = _(_ENGINE_NAMES.get(engine.dialect.name, N_("a database")))
    try:
        with engine.connect() as connection:
            try:
                dialect = dialect_for(connection)
            except ValueError as error:
                raise DatabaseError(
                    _("{label}: {reason}").format(label=label, reason=error)
                ) from None
            kinds = dialect.table_kinds(connection)
            expected = frozenset({*Base.metadata.tables, dialect.SEARCH_INDEX})
            _check_tables_are_tables(kinds, label, expected)
            tables = {name for name, kind in kinds.items() if kind == "table"}
            if "meta" not in tables or "events" not in tables:
                raise DatabaseError(
                    _(
                        "{label}: {what}, but not a timeline database (it has no events table)"
                    ).format(label=label, what=what)
                )
            meta: dict[str, str] = dict(
                connection.execute(text("SELECT key, value FROM meta")).all()
            )
    except DatabaseError:
        raise
    except DBAPIError as error:
        reason = _reason(error)
        if engine.dialect.name != "sqlite" and reason.startswith("connection failed"):
            # libpq's own words say why: refused, unknown host, password, TLS required…
            raise DatabaseError(
                _("{label}: cannot connect to the server ({reason})").format(
                    label=label, reason=reason
                )
            ) from None
        if "locked" in reason or "busy" in reason:
            raise DatabaseError(
                _(
                    "{label}: the database is busy (another program is writing to it); "
                    "try again shortly"
                ).format(label=label)
            ) from error
        raise DatabaseError(
            _("{label}: cannot be read as a database ({reason})").format(label=label, reason=reason)
        ) from error
    except SQLAlchemyError as error:
        raise DatabaseError(
            _("{label}: cannot be read as a database ({reason})").format(label=label, reason=error)
        ) from error
    if meta.get("application") != APPLICATION_ID:
        raise DatabaseError(_("{label}: {what} of another program").format(label=label, what=what))
    version = meta.get("schema_version", "")
    if not version.isdigit():
        raise DatabaseError(_("{label}: has no readable schema version").format(label=label))
    if int(version) > SCHEMA_VERSION:
        raise DatabaseError(
            _(
                "{label}: made by a newer version of this app (schema {version}, this app reads "
                "{current}); update the app to open it"
            ).format(label=label, version=version, current=SCHEMA_VERSION)
        )
    if int(version) < SCHEMA_VERSION:
        raise OlderSchemaError(
            with_upgrade_hint(
                _("{label}: uses an older schema ({version}, this app reads {current})").format(
                    label=label, version=version, current=SCHEMA_VERSION
                )
            )
        )
    missing = sorted(expected - tables)
    if missing:
        raise DatabaseError(
            ngettext(
                "{label}: a damaged timeline database (no {tables} table)",
                "{label}: a damaged timeline database (no {tables} tables)",
                len(missing),
            ).format(label=label, tables=", ".join(missing))
        )


# Every table a timeline database of our schema has (the search index is a virtual table).
EXPECTED_TABLES = frozenset({*Base.metadata.tables, SEARCH_INDEX})


def _check_tables_are_tables(kinds: dict[str, str], label: str, expected: frozenset[str]) -> None:
    """Refuse a file where a view (or index, or trigger) holds the name of one of our
    tables: a recursive view standing in for ``events`` would make every query run forever.
    Names are read from the catalogue alone, so this cannot hang."""
    for name in sorted(expected):
        kind = kinds.get(name)
        if kind is not None and kind != "table":
            raise DatabaseError(
                _(
                    "{label}: not a usable timeline database: {name} is a {kind}, not a table"
                ).format(label=label, name=repr(name), kind=kind)
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
        for pragma in bulk_load_pragmas():
            cursor.execute(pragma)
        cursor.close()

    return engine
