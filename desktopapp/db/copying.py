"""A whole timeline copied, row for row, into an empty database on a PostgreSQL server.

The base tables are copied as they are (ids and keys kept, so history and citations still
point where they did); the count tables are not copied but made again by the target's own
triggers as the rows arrive, and the search index is written in the target's own form. This
is the core of publishing a local timeline to a team server (``desktopapp copy`` is the next
step: its command line, and the direction server → file).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.exc import SQLAlchemyError

from desktopapp.db.dialect import create_schema, dialect_for
from desktopapp.db.dialect.sqlite import actor_search_text, event_document
from desktopapp.db.engine import open_database, server_engine
from desktopapp.db.errors import describe_error
from desktopapp.db.locations import parse_location
from desktopapp.db.schema import (
    ActorNameRow,
    ActorRow,
    ActorTypeCountRow,
    Base,
    DayTypeCountRow,
    EventActorRow,
    EventRowORM,
    QuoteRow,
)

_BATCH = 2_000
# Kept by the target's triggers as the events and their actors are inserted.
_COUNTED = {DayTypeCountRow.__tablename__, ActorTypeCountRow.__tablename__}


def copy_timeline_rows(source: str | Path, target: str) -> int:
    """Copy the timeline at ``source`` (a file or a server) into the empty server database
    ``target``, in one transaction: all of it, or nothing. Returns the number of events."""
    reader = open_database(source)
    where = parse_location(target)
    writer = server_engine(where, read_only=False)
    try:
        with reader.connect() as origin, writer.begin() as destination:
            kinds = dialect_for(destination).table_kinds(destination)
            if kinds:
                raise where.fail("the database is not empty; a copy needs an empty database")
            create_schema(destination)
            _copy_tables(origin, destination)
            return _index_events(origin, destination)
    except SQLAlchemyError as error:
        raise where.fail(f"nothing was copied ({describe_error(error)})") from None
    finally:
        writer.dispose()
        reader.dispose()


def _copy_tables(origin: Connection, destination: Connection) -> None:
    dialect = dialect_for(destination)
    for table in Base.metadata.sorted_tables:  # referenced tables first
        if table.name in _COUNTED:
            continue
        rows = origin.execute(select(table)).mappings()
        for batch in _batches(rows):
            destination.execute(table.insert(), [dict(row) for row in batch])
        if "id" in table.c:
            dialect.ids_set_explicitly(destination, table.name)


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
            )
            for row in batch
        ]
        dialect.index_event_text(destination, documents)
        count += len(documents)
    return count


def _actor_texts(origin: Connection) -> dict[int, str]:
    aliases: dict[int, list[str]] = {}
    for actor_id, name in origin.execute(
        select(ActorNameRow.actor_id, ActorNameRow.name).where(ActorNameRow.is_alias)
    ):
        aliases.setdefault(actor_id, []).append(name)
    return {
        actor_id: actor_search_text(name, aliases.get(actor_id, ()))
        for actor_id, name in origin.execute(select(ActorRow.id, ActorRow.name))
    }


def _batches(rows: Any) -> Iterator[list[Any]]:
    iterator = iter(rows)
    while batch := list(islice(iterator, _BATCH)):
        yield batch
