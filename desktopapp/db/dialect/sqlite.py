"""The SQLite dialect: full-text search (FTS5), count triggers, pragmas, day arithmetic.

The interface other modules reach through :func:`desktopapp.db.dialect.dialect_for`
(:mod:`desktopapp.db.dialect.postgresql` offers the same names):

- :data:`SEARCH_INDEX`, :func:`search_index_ddl`, :func:`search_ids`,
  :func:`index_event_text`, :func:`unindex_event_text`: the full-text index of what a person
  may search for;
- :func:`preparation_ddl`, :func:`maintenance_ddl`: what the tables need before they are
  made, and what keeps the precomputed counts exact under insert, update and delete, in the
  transaction of the change itself;
- :func:`begin_write`, :func:`change_counter`, :func:`insert_returning_id`,
  :func:`ids_set_explicitly`: writing;
- :func:`table_kinds`, :func:`structure_problems`: what a database holds, and whether the
  engine itself finds it damaged;
- :data:`LONG_SPAN_SQL` and the compile rules of :mod:`desktopapp.db.dialect.expressions`:
  day arithmetic.

Pragmas (:func:`viewing_pragmas`, :func:`bulk_load_pragmas`, :func:`editing_pragmas`) are
SQLite's alone: the file engines of db/store.py and db/readonly.py set them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, Select, literal_column, select
from sqlalchemy import text as sql_text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler

from desktopapp.db.dialect.expressions import (
    LONG_SPAN_DAYS,
    DayOrdinal,
    IsLongSpan,
    LooksLikeIsoDay,
)
from desktopapp.db.search import fts_query
from desktopapp.domain.search import SearchQuery

NAME = "sqlite"
LONG_SPAN_SQL = f"julianday(end_date) - julianday(start_date) > {LONG_SPAN_DAYS}"

# -- full-text search -------------------------------------------------------------------------

SEARCH_INDEX = "events_fts"
# Contentless: it only answers "which event ids match", the text lives in the tables. unicode61
# with remove_diacritics 2 folds case and accents, and treats both ' and ’ as separators, so
# l'Ukraine == l’Ukraine. A contentless table forgets an event only when given the very text
# it indexed: :func:`event_document` is that text, made the same way by the builder and by
# every edit.
_SEARCH_INDEX_DDL = (
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


def search_index_ddl() -> tuple[str, ...]:
    return (_SEARCH_INDEX_DDL,)


SEARCH_INDEX_DDL = _SEARCH_INDEX_DDL  # the builder and the store's empty file name it


def actor_search_text(name: str, aliases: Iterable[str]) -> str:
    """What an actor is found by: its name, then its other names in sorted order (its aliases
    and its names in every language: "Vladimir Putin Vladimir Poutine")."""
    return " ".join((name, *sorted(set(aliases) - {name})))


def event_document(
    event_id: int,
    title: str,
    summary: str,
    quotes: Sequence[str],
    actors: Iterable[tuple[int, str]],
    translations: Iterable[tuple[str, str, str]] = (),
) -> dict[str, object]:
    """The indexed text of one event: its own title and summary, then those of its
    translations, (language, title, summary), by language, so that a search in any language
    finds it; quotes in their order (the source's words only); each actor once by id."""
    by_id = dict(actors)
    texts = sorted(translations)
    return {
        "id": event_id,
        "title": "\n".join((title, *(t for _, t, _ in texts))),
        "summary": "\n".join((summary, *(s for _, _, s in texts if s))),
        "quotes": "\n".join(quotes),
        "actors": " ".join(by_id[actor_id] for actor_id in sorted(by_id)),
    }


def index_event_text(connection: Connection, documents: Sequence[dict[str, object]]) -> None:
    if documents:
        connection.execute(_INSERT_DOCUMENT, list(documents))


def unindex_event_text(connection: Connection, document: dict[str, object]) -> None:
    """Forget an event; ``document`` must be exactly what was indexed for it."""
    connection.execute(_DELETE_DOCUMENT, document)


def search_ids(query: SearchQuery) -> Select:
    """Ids of the events whose indexed text matches the search (a non-empty query), as an
    FTS5 MATCH of quoted terms only (see db/search.py): nothing typed is FTS5 syntax."""
    expression = fts_query(query)
    assert expression is not None, "an empty search matches every event: no index query"
    return (
        select(literal_column("rowid"))
        .select_from(sql_text(SEARCH_INDEX))
        .where(sql_text(f"{SEARCH_INDEX} MATCH :fts_query").bindparams(fts_query=expression))
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


_EVENT_OF_NEW = "JOIN events ON events.id = NEW.event_id"
_EVENT_OF_OLD = "JOIN events ON events.id = OLD.event_id"
_DAY_OF_NEW = "(SELECT start_date FROM events WHERE id = NEW.event_id)"
_DAY_OF_OLD = "(SELECT start_date FROM events WHERE id = OLD.event_id)"


def _lanes_of(event: str) -> str:
    """The lanes an event is in by acting actor: each of its acting actors, or lane 0."""
    acting = (
        f"SELECT actor_id AS lane FROM event_actors WHERE event_id = {event} AND role = 'acting'"
    )
    return f"{acting} UNION ALL SELECT 0 WHERE NOT EXISTS ({acting})"


def _add_lanes(lanes: str, day: str, join: str = "") -> str:
    """One event more in each of these lanes on this day."""
    return (
        f"INSERT INTO lane_day_counts (actor_id, start_date, events) SELECT lane, {day}, 1 "
        f"FROM ({lanes}) AS lanes {join} WHERE true "
        "ON CONFLICT (actor_id, start_date) DO UPDATE SET events = events + 1"
    )


def _take_lanes(lanes: str, day: str) -> str:
    """One event fewer in each of these lanes on this day (a count reaching 0 goes)."""
    return (
        f"UPDATE lane_day_counts SET events = events - 1 "
        f"WHERE actor_id IN ({lanes}) AND start_date = {day}; "
        f"DELETE FROM lane_day_counts WHERE actor_id IN ({lanes}) AND start_date = {day} "
        "AND events <= 0"
    )


def _no_acting_lane_unless_other(row: str) -> str:
    """Lane 0 if the event of this event_actors row has no acting actor besides the row's."""
    other = (
        f"SELECT 1 FROM event_actors WHERE event_id = {row}.event_id AND role = 'acting' "
        f"AND actor_id <> {row}.actor_id"
    )
    return f"SELECT 0 AS lane WHERE NOT EXISTS ({other})"


# lane_day_counts: events per (lane by acting actor, start day); lane 0 holds the events
# without one. An event leaves lane 0 when its first acting actor is added and comes back
# when its last one is removed (forget_event_actors empties an event's actors before it goes,
# so a deleted event is taken from lane 0).
_LANE_MAINTENANCE = (
    "CREATE TRIGGER IF NOT EXISTS count_event_lane AFTER INSERT ON events BEGIN "
    f"{_add_lanes(_lanes_of('NEW.id'), 'NEW.start_date')}; END",
    "CREATE TRIGGER IF NOT EXISTS uncount_event_lane AFTER DELETE ON events BEGIN "
    f"{_take_lanes(_lanes_of('OLD.id'), 'OLD.start_date')}; END",
    "CREATE TRIGGER IF NOT EXISTS recount_event_lane AFTER UPDATE OF start_date ON events "
    "WHEN OLD.start_date IS NOT NEW.start_date BEGIN "
    f"{_take_lanes(_lanes_of('NEW.id'), 'OLD.start_date')}; "
    f"{_add_lanes(_lanes_of('NEW.id'), 'NEW.start_date')}; END",
    "CREATE TRIGGER IF NOT EXISTS count_acting_lane AFTER INSERT ON event_actors "
    "WHEN NEW.role = 'acting' BEGIN "
    f"{_add_lanes('SELECT NEW.actor_id AS lane', 'start_date', _EVENT_OF_NEW)}; "
    f"{_take_lanes(_no_acting_lane_unless_other('NEW'), _DAY_OF_NEW)}; END",
    "CREATE TRIGGER IF NOT EXISTS uncount_acting_lane AFTER DELETE ON event_actors "
    "WHEN OLD.role = 'acting' BEGIN "
    f"{_take_lanes('SELECT OLD.actor_id', _DAY_OF_OLD)}; "
    f"{_add_lanes(_no_acting_lane_unless_other('OLD'), 'start_date', _EVENT_OF_OLD)}; END",
)


def preparation_ddl() -> tuple[str, ...]:
    """Nothing: SQLite's own functions (julianday) are all the tables need."""
    return ()


def count_maintenance_ddl() -> tuple[str, ...]:
    """The triggers of the count tables of schema 4 (day_type_counts, actor_type_counts)."""
    return _MAINTENANCE


def lane_maintenance_ddl() -> tuple[str, ...]:
    """The triggers of lane_day_counts (schema 6)."""
    return _LANE_MAINTENANCE


def maintenance_ddl() -> tuple[str, ...]:
    """The statements (triggers) that keep the count tables exact under every change."""
    return _MAINTENANCE + _LANE_MAINTENANCE


# -- connections ------------------------------------------------------------------------------


def viewing_pragmas() -> tuple[str, ...]:
    # No memory-mapped I/O: if another program truncates or rewrites the file while it is
    # open, a mapped read past the new end is a SIGBUS that kills the app (seen in the
    # damaged-file test); plain reads get an error we can report instead.
    # An 8 MB page cache per connection: the window reads on up to six connections at once
    # (list, counts, facets, timeline, article, UI thread), and at 64 MB each their caches
    # were 240 MB of a 1M-event window's 540 MB peak; the file's pages stay in the system's
    # cache, and at load 7-9 the three sizes' timings of bench_scale.py overlapped run to run.
    return ("PRAGMA cache_size = -8192", "PRAGMA temp_store = MEMORY", "PRAGMA mmap_size = 0")


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


# -- writing ---------------------------------------------------------------------------------


def begin_write(connection: Connection, timeout_ms: int) -> None:
    """Open the write transaction, taking the file's write lock first (two writers then
    wait for each other instead of deadlocking); the wait is the connection's busy_timeout
    (see :func:`editing_pragmas`)."""
    connection.exec_driver_sql(BEGIN_WRITE)


def change_counter(connection: Connection) -> int:
    """A number that moves when another connection committed (this one's commits do not)."""
    return int(connection.exec_driver_sql(CHANGE_COUNTER).scalar_one())


# A file has no users of its own: the history's author is the name the app gives.
HISTORY_AUTHOR = ":author"


def announce_change(connection: Connection, since: int, last: int) -> None:
    """Nothing to send: other windows on a file see its data_version move (their poll)."""


def insert_returning_id(connection: Connection, sql: str, values: dict[str, Any]) -> int:
    """Run one INSERT and give the id of the row it made."""
    return int(connection.execute(sql_text(sql), values).lastrowid)


def ids_set_explicitly(connection: Connection, table: str) -> None:
    """Nothing: SQLite's next rowid is always above the largest one in the table."""


# -- what a database holds -------------------------------------------------------------------


def may_edit(connection: Connection) -> bool:
    """True: whether a file may be written is the file system's to say (see db/store.py)."""
    return True


def table_kinds(connection: Connection) -> dict[str, str]:
    """Every name in the database and what it is (table, view, index, trigger). Read from
    sqlite_master alone, so a hostile view cannot make it hang."""
    return dict(connection.execute(sql_text("SELECT name, type FROM sqlite_master")).all())


def structure_problems(connection: Connection) -> list[str]:
    """SQLite's own check of pages and indexes (a damaged index answers filters wrongly)."""
    results = [str(row[0]) for row in connection.execute(sql_text(STRUCTURE_CHECK))]
    return [] if results == ["ok"] else results


# -- day arithmetic and planner hints --------------------------------------------------------


@compiles(DayOrdinal, "sqlite")
def _day_ordinal(element: DayOrdinal, compiler: SQLCompiler, **kw: Any) -> str:
    # julianday() of a day is its noon; 1721424.5 is the Julian day of 0001-01-01's eve.
    return f"CAST(julianday({compiler.process(element.clauses, **kw)}) - 1721424.5 AS INTEGER)"


@compiles(LooksLikeIsoDay, "sqlite")
def _looks_like_iso_day(element: LooksLikeIsoDay, compiler: SQLCompiler, **kw: Any) -> str:
    column = compiler.process(element.clauses, **kw)
    return f"({column} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')"


@compiles(IsLongSpan, "sqlite")
def _is_long_span(element: IsLongSpan, compiler: SQLCompiler, **kw: Any) -> str:
    return LONG_SPAN_SQL


STRUCTURE_CHECK = "PRAGMA quick_check(20)"
