"""A whole timeline copied, row for row, between a file and a PostgreSQL server, either way
(``desktopapp copy``): publish a local timeline to the team's server, take a snapshot home.

The base tables are copied as they are (ids and keys kept, so history and citations still
point where they did); the count tables are not copied but made again by the target's own
triggers as the rows arrive, and the search index is written in the target's own form. The
copy is all or nothing: one transaction on a server, a temporary file renamed into place.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, select
from sqlalchemy.exc import SQLAlchemyError

from desktopapp.db.dialect import create_schema, dialect_for
from desktopapp.db.dialect.sqlite import actor_search_text, event_document
from desktopapp.db.engine import create_writable_engine, open_database, server_engine
from desktopapp.db.errors import DatabaseError, describe_error
from desktopapp.db.locations import Location, parse_location
from desktopapp.db.schema import (
    ActorRow,
    ActorTypeCountRow,
    Base,
    DayTypeCountRow,
    EventActorRow,
    EventRowORM,
    LaneDayCountRow,
    QuoteRow,
)
from desktopapp.db.translations import actor_other_names, event_translations
from desktopapp.domain.l10n import _
from desktopapp.safe_files import FileProblem, replacing, writable_target

_BATCH = 2_000
# Kept by the target's triggers as the events and their actors are inserted.
_COUNTED = {
    DayTypeCountRow.__tablename__,
    ActorTypeCountRow.__tablename__,
    LaneDayCountRow.__tablename__,
}


def copy_timeline_rows(source: str | Path, target: str | Path) -> int:
    """Copy the timeline at ``source`` (a file or a server) to ``target``: an empty server
    database, or a new file. All of it, or nothing. Returns the number of events."""
    where = parse_location(target)
    reader = open_database(source, snapshot=True)  # a file read as one state (see engine.py)
    try:
        if where.url is not None:
            return _into_server(reader, where)
        assert where.sqlite_path is not None
        return _into_new_file(reader, where.sqlite_path)
    finally:
        reader.dispose()


def _into_server(reader: Engine, where: Location) -> int:
    writer = server_engine(where, read_only=False)
    try:
        with reader.connect() as origin, writer.begin() as destination:
            kinds = dialect_for(destination).table_kinds(destination)
            if kinds:
                raise where.fail(_("the database is not empty; a copy needs an empty database"))
            return _copy(origin, destination)
    except SQLAlchemyError as error:
        reason = _("nothing was copied ({reason})").format(reason=describe_error(error))
        raise where.fail(reason) from None
    finally:
        writer.dispose()


def _into_new_file(reader: Engine, path: Path) -> int:
    path = path.expanduser()
    if path.exists() or path.is_symlink():
        raise DatabaseError(_("{path}: already exists; choose a new file name").format(path=path))
    try:
        target = writable_target(path)
        with replacing(target) as temporary:
            writer = create_writable_engine(temporary)
            try:
                with reader.connect() as origin, writer.begin() as destination:
                    count = _copy(origin, destination)
                with writer.connect() as connection:
                    connection.exec_driver_sql("ANALYZE")
                    connection.exec_driver_sql("PRAGMA journal_mode = WAL")
            finally:
                writer.dispose()
    except FileProblem as error:
        raise DatabaseError(str(error)) from error
    except (OSError, SQLAlchemyError) as error:
        raise DatabaseError(
            _("{path}: nothing was copied ({reason})").format(
                path=path, reason=describe_error(error)
            )
        ) from None
    return count


def _copy(origin: Connection, destination: Connection) -> int:
    if origin.dialect.name == "postgresql":
        # Every table read from one snapshot of the server, whoever writes meanwhile.
        origin.execution_options(isolation_level="REPEATABLE READ")
    create_schema(destination)
    _copy_tables(origin, destination)
    return _index_events(origin, destination)


def _copy_tables(origin: Connection, destination: Connection) -> None:
    dialect = dialect_for(destination)
    for table in Base.metadata.sorted_tables:  # referenced tables first
        if table.name in _COUNTED:
            continue
        rows = origin.execute(select(table))  # tuples in the table's column order
        if destination.dialect.name == "postgresql":
            _copy_into_server(destination, table, rows)
        else:
            for batch in _batches(rows):
                destination.execute(table.insert(), [row._asdict() for row in batch])
        if "id" in table.c:
            dialect.ids_set_explicitly(destination, table.name)


def _copy_into_server(destination: Connection, table: Table, rows: Iterable[Any]) -> None:
    """Stream the rows into a PostgreSQL table with ``COPY … FROM STDIN`` on the copy's own
    transaction. INSERTs of 2,000 rows at a time spent 0.7 ms per event in the client (the
    driver binding every parameter of every row): a million events took over half an hour.
    COPY's rows are encoded in the driver's C code; the target's triggers still run, so the
    count tables are made as before."""
    from psycopg import sql

    columns = sql.SQL(", ").join(sql.Identifier(column.name) for column in table.columns)
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(sql.Identifier(table.name), columns)
    driver = destination.connection.driver_connection
    assert driver is not None
    with driver.cursor() as cursor, cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(tuple(row))


def _index_events(origin: Connection, destination: Connection) -> int:
    """Every event's searchable text, made as an edit makes it (see db/edits.py)."""
    texts = _actor_texts(origin)
    dialect = dialect_for(destination)
    E, Q, EA = EventRowORM.__table__.c, QuoteRow.__table__.c, EventActorRow.__table__.c
    events = origin.execute(select(E.id, E.title, E.summary).order_by(E.id))
    count = 0
    for batch in _batches(events):
        ids = [row.id for row in batch]
        quotes: dict[int, list[str]] = {}
        for event_id, text in origin.execute(
            select(Q.event_id, Q.text).where(Q.event_id.in_(ids)).order_by(Q.position, Q.id)
        ):
            quotes.setdefault(event_id, []).append(text)
        translations = event_translations(origin, ids)
        actors: dict[int, set[int]] = {}
        for event_id, actor_id in origin.execute(
            select(EA.event_id, EA.actor_id).where(EA.event_id.in_(ids))
        ):
            actors.setdefault(event_id, set()).add(actor_id)
        documents = [
            event_document(
                row.id,
                row.title,
                row.summary,
                quotes.get(row.id, []),
                [(a, texts[a]) for a in actors.get(row.id, ()) if a in texts],
                translations.get(row.id, ()),
            )
            for row in batch
        ]
        dialect.index_event_text(destination, documents)
        count += len(documents)
    return count


def _actor_texts(origin: Connection) -> dict[int, str]:
    aliases = actor_other_names(origin)
    return {
        actor_id: actor_search_text(name, aliases.get(actor_id, ()))
        for actor_id, name in origin.execute(select(ActorRow.id, ActorRow.name))
    }


def _batches(rows: Any) -> Iterator[list[Any]]:
    iterator = iter(rows)
    while batch := list(islice(iterator, _BATCH)):
        yield batch
