"""The SQLite dialect: full-text search (FTS5), count triggers, pragmas, day arithmetic.

The interface other modules use (a PostgreSQL module would offer the same names):

- :data:`SEARCH_INDEX_DDL`, :func:`search_ids`, :func:`index_event_text`,
  :func:`unindex_event_text`: the full-text index of what a person may search for;
- :func:`maintenance_ddl`: what keeps the precomputed counts exact under insert, update and
  delete, in the transaction of the change itself;
- :func:`viewing_pragmas`, :func:`bulk_load_pragmas`, :func:`editing_pragmas`: how a
  connection is set up for each use;
- :data:`LONG_SPAN_SQL`, :func:`julian_ordinal`: day arithmetic.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, func, literal_column, select
from sqlalchemy import text as sql_text

# Events spanning more than this many days are also listed in a small partial index, so that a
# time window asks the main date index only for [window start - LONG_SPAN_DAYS, window end].
LONG_SPAN_DAYS = 100
LONG_SPAN_SQL = f"julianday(end_date) - julianday(start_date) > {LONG_SPAN_DAYS}"

# -- full-text search -------------------------------------------------------------------------

SEARCH_INDEX = "events_fts"
# Contentless: it only answers "which event ids match", the text lives in the tables. unicode61
# with remove_diacritics 2 folds case and accents, and treats both ' and ’ as separators, so
# l'Ukraine == l’Ukraine. A contentless table forgets an event only when given the very text
# it indexed: :func:`event_document` is that text, made the same way by the builder and by
# every edit.
SEARCH_INDEX_DDL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {SEARCH_INDEX} USING fts5("
    "title, summary, quotes, actors, content='', "
    "tokenize = 'unicode61 remove_diacritics 2')"
)
_INSERT_DOCUMENT = sql_text(
    f"INSERT INTO {SEARCH_INDEX} (rowid, title, summary, quotes, actors) "
    "VALUES (:id, :title, :summary, :quotes, :actors)"
)
_DELETE_DOCUMENT = sql_text(
    f"INSERT INTO {SEARCH_INDEX} ({SEARCH_INDEX}, rowid, title, summary, quotes, actors) "
    "VALUES ('delete', :id, :title, :summary, :quotes, :actors)"
)


def actor_search_text(name: str, aliases: Iterable[str]) -> str:
    """What an actor is found by: its name, then its other names in sorted order."""
    return " ".join((name, *sorted(set(aliases) - {name})))


def event_document(
    event_id: int,
    title: str,
    summary: str,
    quotes: Sequence[str],
    actors: Iterable[tuple[int, str]],
) -> dict[str, object]:
    """The indexed text of one event: quotes in their order, each actor once by id."""
    by_id = dict(actors)
    return {
        "id": event_id,
        "title": title,
        "summary": summary,
        "quotes": "\n".join(quotes),
        "actors": " ".join(by_id[actor_id] for actor_id in sorted(by_id)),
    }


def index_event_text(connection: Connection, documents: Sequence[dict[str, object]]) -> None:
    if documents:
        connection.execute(_INSERT_DOCUMENT, list(documents))


def unindex_event_text(connection: Connection, document: dict[str, object]) -> None:
    """Forget an event; ``document`` must be exactly what was indexed for it."""
    connection.execute(_DELETE_DOCUMENT, document)


def search_ids(query: str) -> Select:
    """Ids of the events whose indexed text matches an FTS5 query (see db/search.py)."""
    return (
        select(literal_column("rowid"))
        .select_from(sql_text(SEARCH_INDEX))
        .where(sql_text(f"{SEARCH_INDEX} MATCH :fts_query").bindparams(fts_query=query))
    )


# -- precomputed counts -----------------------------------------------------------------------

# Events per (start day, type) and distinct events per (actor, type), kept by triggers on
# every insert, update and delete, in the transaction of the change. An actor listed twice in
# one event (acting and affected) counts once. A count that reaches 0 is removed.
_MAINTENANCE = (
    # day_type_counts
    "CREATE TRIGGER IF NOT EXISTS count_event_day_type AFTER INSERT ON events BEGIN "
    "INSERT INTO day_type_counts (start_date, type_id, events) "
    "VALUES (NEW.start_date, NEW.type_id, 1) "
    "ON CONFLICT (start_date, type_id) DO UPDATE SET events = events + 1; END",
    "CREATE TRIGGER IF NOT EXISTS uncount_event_day_type AFTER DELETE ON events BEGIN "
    "UPDATE day_type_counts SET events = events - 1 "
    "WHERE start_date = OLD.start_date AND type_id = OLD.type_id; "
    "DELETE FROM day_type_counts WHERE start_date = OLD.start_date "
    "AND type_id = OLD.type_id AND events <= 0; END",
    "CREATE TRIGGER IF NOT EXISTS recount_event_day_type AFTER UPDATE OF start_date, type_id "
    "ON events WHEN OLD.start_date IS NOT NEW.start_date OR OLD.type_id IS NOT NEW.type_id "
    "BEGIN "
    "UPDATE day_type_counts SET events = events - 1 "
    "WHERE start_date = OLD.start_date AND type_id = OLD.type_id; "
    "DELETE FROM day_type_counts WHERE start_date = OLD.start_date "
    "AND type_id = OLD.type_id AND events <= 0; "
    "INSERT INTO day_type_counts (start_date, type_id, events) "
    "VALUES (NEW.start_date, NEW.type_id, 1) "
    "ON CONFLICT (start_date, type_id) DO UPDATE SET events = events + 1; END",
    # actor_type_counts. Events are inserted before their actors, and an event's actors are
    # deleted before it (the trigger below does it for a plain DELETE of the event).
    "CREATE TRIGGER IF NOT EXISTS count_event_actor_type AFTER INSERT ON event_actors "
    "WHEN NOT EXISTS (SELECT 1 FROM event_actors WHERE event_id = NEW.event_id "
    "AND actor_id = NEW.actor_id AND role <> NEW.role) BEGIN "
    "INSERT INTO actor_type_counts (actor_id, type_id, events) "
    "SELECT NEW.actor_id, type_id, 1 FROM events WHERE id = NEW.event_id "
    "ON CONFLICT (actor_id, type_id) DO UPDATE SET events = events + 1; END",
    "CREATE TRIGGER IF NOT EXISTS uncount_event_actor_type AFTER DELETE ON event_actors "
    "WHEN NOT EXISTS (SELECT 1 FROM event_actors WHERE event_id = OLD.event_id "
    "AND actor_id = OLD.actor_id) BEGIN "
    "UPDATE actor_type_counts SET events = events - 1 WHERE actor_id = OLD.actor_id "
    "AND type_id = (SELECT type_id FROM events WHERE id = OLD.event_id); "
    "DELETE FROM actor_type_counts WHERE actor_id = OLD.actor_id AND events <= 0; END",
    "CREATE TRIGGER IF NOT EXISTS recount_event_actor_type AFTER UPDATE OF type_id ON events "
    "WHEN OLD.type_id IS NOT NEW.type_id BEGIN "
    "UPDATE actor_type_counts SET events = events - 1 WHERE type_id = OLD.type_id "
    "AND actor_id IN (SELECT actor_id FROM event_actors WHERE event_id = NEW.id); "
    "DELETE FROM actor_type_counts WHERE type_id = OLD.type_id AND events <= 0; "
    "INSERT INTO actor_type_counts (actor_id, type_id, events) "
    "SELECT DISTINCT actor_id, NEW.type_id, 1 FROM event_actors WHERE event_id = NEW.id "
    "AND true ON CONFLICT (actor_id, type_id) DO UPDATE SET events = events + 1; END",
    "CREATE TRIGGER IF NOT EXISTS forget_event_actors BEFORE DELETE ON events BEGIN "
    "DELETE FROM event_actors WHERE event_id = OLD.id; END",
)


def maintenance_ddl() -> tuple[str, ...]:
    """The statements (triggers) that keep the count tables exact under every change."""
    return _MAINTENANCE


# -- connections ------------------------------------------------------------------------------


def viewing_pragmas() -> tuple[str, ...]:
    # No memory-mapped I/O: if another program truncates or rewrites the file while it is
    # open, a mapped read past the new end is a SIGBUS that kills the app (seen in the
    # damaged-file test); plain reads get an error we can report instead.
    return ("PRAGMA cache_size = -65536", "PRAGMA temp_store = MEMORY", "PRAGMA mmap_size = 0")


def bulk_load_pragmas() -> tuple[str, ...]:
    # The builder writes a temporary file, moved into place only when complete, so durability
    # during the build buys nothing; the final commit is still synced before the move.
    return (
        "PRAGMA journal_mode = OFF",
        "PRAGMA synchronous = OFF",
        "PRAGMA temp_store = MEMORY",
        "PRAGMA cache_size = -262144",
    )


def editing_pragmas(busy_timeout_ms: int) -> tuple[str, ...]:
    """A document being edited: WAL (readers never wait for the writer), and FULL sync, so
    an edit confirmed to the person survives a power cut, not only a crash of the app."""
    return (
        f"PRAGMA busy_timeout = {int(busy_timeout_ms)}",
        "PRAGMA journal_mode = WAL",
        "PRAGMA synchronous = FULL",
        "PRAGMA foreign_keys = OFF",
        "PRAGMA temp_store = MEMORY",
        "PRAGMA mmap_size = 0",
    )


BEGIN_WRITE = "BEGIN IMMEDIATE"  # take the write lock first: no deadlock between two writers
CHANGE_COUNTER = "PRAGMA data_version"  # moves when another connection committed


# -- day arithmetic and planner hints --------------------------------------------------------


def julian_ordinal(column: ColumnElement[Any]) -> ColumnElement[Any]:
    """An ISO day column as its proleptic Gregorian ordinal (date.toordinal())."""
    return func.julianday(column) - 1721424.5


def looks_like_iso_day(column: ColumnElement[Any]) -> ColumnElement[bool]:
    """A stored day shaped like yyyy-mm-dd (a damaged row's value is passed over)."""
    return column.op("GLOB")("[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]")


STRUCTURE_CHECK = "PRAGMA quick_check(20)"
