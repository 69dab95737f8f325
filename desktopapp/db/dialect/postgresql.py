"""The PostgreSQL dialect (a team server): the same names as :mod:`.sqlite`, PostgreSQL's ways.

- Search: each event's searchable text is kept in ``event_search`` as its words, folded and
  tokenised exactly as the search box's terms are (domain/search.py), one line per field;
  a term is a ``LIKE`` of whole words (the last one as a prefix) on one line, answered by a
  ``pg_trgm`` trigram index. Case, accents and apostrophe style are ignored the same way as
  in a file, and what is typed only ever reaches the server as a bound parameter.
- Counts: PL/pgSQL triggers keep the count tables on insert, update and delete, in the
  transaction of the change, as SQLite's triggers do.
- Writing: one write transaction at a time per timeline (a transaction-level advisory lock,
  SQLite's ``BEGIN IMMEDIATE``), because the per-actor spans are read, changed in Python and
  written back (db/edits.py); ids come back through ``INSERT … RETURNING id``.
- Days stay ``yyyy-mm-dd`` text, as in a file (one schema for both engines); their ordinal
  is computed by an immutable SQL function, so that it can state the long-span partial index.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Integer,
    MetaData,
    Select,
    Table,
    Text,
    and_,
    or_,
    select,
)
from sqlalchemy import text as sql_text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler

from desktopapp.db.dialect.expressions import (
    LONG_SPAN_DAYS,
    DayOrdinal,
    IsLongSpan,
    LooksLikeIsoDay,
)
from desktopapp.domain.search import SearchQuery, SearchTerm, index_fold, index_tokens

NAME = "postgresql"
SEARCH_INDEX = "event_search"
LONG_SPAN_SQL = f"day_ordinal(end_date) - day_ordinal(start_date) > {LONG_SPAN_DAYS}"
# Any number that names this app's write lock (pg_advisory_xact_lock takes a bigint).
_WRITE_LOCK = 0x7469_6D65_6C69_6E65 & 0x7FFF_FFFF_FFFF_FFFF  # "timeline"

# -- before the tables ------------------------------------------------------------------------

# Proleptic Gregorian ordinal of a yyyy-mm-dd text (date.toordinal()), by integer arithmetic
# alone (H. Hinnant's days_from_civil): never an error, so a damaged row cannot stop a query,
# and IMMUTABLE, so it can appear in an index predicate. A value of another shape is NULL.
_PREPARATION = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    # mod() rather than %: DDL text goes through %-formatting on its way to the driver.
    "CREATE OR REPLACE FUNCTION civil_ordinal(y integer, m integer, d integer) "
    "RETURNS integer LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT "
    "((y - (m <= 2)::integer) / 400) * 146097 "
    "+ mod(y - (m <= 2)::integer, 400) * 365 + mod(y - (m <= 2)::integer, 400) / 4 "
    "- mod(y - (m <= 2)::integer, 400) / 100 + (153 * mod(m + 9, 12) + 2) / 5 + d - 1 - 305 $$",
    "CREATE OR REPLACE FUNCTION day_ordinal(day text) RETURNS integer "
    "LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT CASE WHEN day ~ "
    "'^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN civil_ordinal(substr(day, 1, 4)::integer, "
    "substr(day, 6, 2)::integer, substr(day, 9, 2)::integer) END $$",
)


def preparation_ddl() -> tuple[str, ...]:
    """The trigram extension and the day function, which the tables' indexes use."""
    return _PREPARATION


# -- full-text search -------------------------------------------------------------------------

_search = Table(
    SEARCH_INDEX,
    MetaData(),
    Column("event_id", Integer, primary_key=True),
    Column("document", Text, nullable=False),
)
_SEARCH_INDEX_DDL = (
    f"CREATE TABLE IF NOT EXISTS {SEARCH_INDEX} "
    "(event_id integer PRIMARY KEY, document text NOT NULL)",
    f"CREATE INDEX IF NOT EXISTS ix_{SEARCH_INDEX}_words ON {SEARCH_INDEX} "
    "USING gin (document gin_trgm_ops)",
)
_FIELDS = ("title", "summary", "quotes", "actors")


def search_index_ddl() -> tuple[str, ...]:
    return _SEARCH_INDEX_DDL


def searchable_text(document: dict[str, object]) -> str:
    """An event's fields as lines of folded words, each word between spaces: a term is then
    a substring of one line (FTS5's phrases do not cross fields either)."""
    return "\n".join(
        " " + " ".join(index_fold(w) for w in index_tokens(str(document[f]))) + " " for f in _FIELDS
    )


def index_event_text(connection: Connection, documents: Sequence[dict[str, object]]) -> None:
    if documents:
        connection.execute(
            _search.insert(),
            [{"event_id": d["id"], "document": searchable_text(d)} for d in documents],
        )


def unindex_event_text(connection: Connection, document: dict[str, object]) -> None:
    connection.execute(_search.delete().where(_search.c.event_id == document["id"]))


def _pattern(term: SearchTerm) -> str:
    # Folded words hold letters and digits only (no %, _ or \\), so the pattern needs no
    # escaping; it is a bound value either way.
    words = " ".join(index_fold(word) for word in term.words)
    return f"% {words}%" if term.prefix else f"% {words} %"


def search_ids(query: SearchQuery) -> Select:
    """Ids of the events whose text has every group of the search (any term of a group)."""
    groups = [
        or_(*(_search.c.document.like(_pattern(term)) for term in group)) for group in query.groups
    ]
    return select(_search.c.event_id).where(and_(*groups))


# -- precomputed counts -----------------------------------------------------------------------

# The same counts as SQLite's triggers keep (see sqlite.py), in PL/pgSQL. An actor listed
# twice in one event (acting and affected) counts once; a count that reaches 0 is removed.
_MAINTENANCE = (
    """CREATE OR REPLACE FUNCTION keep_day_type_counts() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP IN ('DELETE', 'UPDATE') THEN
            UPDATE day_type_counts SET events = events - 1
            WHERE start_date = OLD.start_date AND type_id = OLD.type_id;
            DELETE FROM day_type_counts
            WHERE start_date = OLD.start_date AND type_id = OLD.type_id AND events <= 0;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
            INSERT INTO day_type_counts (start_date, type_id, events)
            VALUES (NEW.start_date, NEW.type_id, 1)
            ON CONFLICT (start_date, type_id)
            DO UPDATE SET events = day_type_counts.events + 1;
        END IF;
        RETURN NULL;
    END $$""",
    "CREATE TRIGGER count_event_day_type AFTER INSERT OR DELETE ON events "
    "FOR EACH ROW EXECUTE FUNCTION keep_day_type_counts()",
    "CREATE TRIGGER recount_event_day_type AFTER UPDATE OF start_date, type_id ON events "
    "FOR EACH ROW WHEN (OLD.start_date IS DISTINCT FROM NEW.start_date "
    "OR OLD.type_id IS DISTINCT FROM NEW.type_id) EXECUTE FUNCTION keep_day_type_counts()",
    # Events are inserted before their actors, and an event's actors are deleted before it
    # (forget_event_actors does it for a plain DELETE of the event). Statement-level, over the
    # rows the statement inserted or deleted: a row trigger runs after its whole statement
    # here (not row by row as in SQLite), so deleting an actor's two roles in one event would
    # see neither left and count the event off twice.
    """CREATE OR REPLACE FUNCTION count_event_actors() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO actor_type_counts (actor_id, type_id, events)
        SELECT pair.actor_id, e.type_id, count(*)
        FROM (SELECT DISTINCT n.event_id, n.actor_id FROM added n
              WHERE NOT EXISTS (
                  SELECT 1 FROM event_actors ea
                  WHERE ea.event_id = n.event_id AND ea.actor_id = n.actor_id
                  AND NOT EXISTS (SELECT 1 FROM added m WHERE m.event_id = ea.event_id
                                  AND m.actor_id = ea.actor_id AND m.role = ea.role))) AS pair
        JOIN events e ON e.id = pair.event_id
        GROUP BY pair.actor_id, e.type_id
        ON CONFLICT (actor_id, type_id)
        DO UPDATE SET events = actor_type_counts.events + EXCLUDED.events;
        RETURN NULL;
    END $$""",
    "CREATE TRIGGER count_event_actor_type AFTER INSERT ON event_actors "
    "REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION count_event_actors()",
    """CREATE OR REPLACE FUNCTION uncount_event_actors() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE actor_type_counts c SET events = c.events - gone.events
        FROM (SELECT pair.actor_id, e.type_id, count(*) AS events
              FROM (SELECT DISTINCT o.event_id, o.actor_id FROM removed o
                    WHERE NOT EXISTS (SELECT 1 FROM event_actors ea
                                      WHERE ea.event_id = o.event_id
                                      AND ea.actor_id = o.actor_id)) AS pair
              JOIN events e ON e.id = pair.event_id
              GROUP BY pair.actor_id, e.type_id) AS gone
        WHERE c.actor_id = gone.actor_id AND c.type_id = gone.type_id;
        DELETE FROM actor_type_counts
        WHERE events <= 0 AND actor_id IN (SELECT actor_id FROM removed);
        RETURN NULL;
    END $$""",
    "CREATE TRIGGER uncount_event_actor_type AFTER DELETE ON event_actors "
    "REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION uncount_event_actors()",
    """CREATE OR REPLACE FUNCTION recount_event_actors() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE actor_type_counts SET events = events - 1 WHERE type_id = OLD.type_id
        AND actor_id IN (SELECT actor_id FROM event_actors WHERE event_id = NEW.id);
        DELETE FROM actor_type_counts WHERE type_id = OLD.type_id AND events <= 0;
        INSERT INTO actor_type_counts (actor_id, type_id, events)
        SELECT DISTINCT actor_id, NEW.type_id, 1 FROM event_actors WHERE event_id = NEW.id
        ON CONFLICT (actor_id, type_id) DO UPDATE SET events = actor_type_counts.events + 1;
        RETURN NULL;
    END $$""",
    "CREATE TRIGGER recount_event_actor_type AFTER UPDATE OF type_id ON events "
    "FOR EACH ROW WHEN (OLD.type_id IS DISTINCT FROM NEW.type_id) "
    "EXECUTE FUNCTION recount_event_actors()",
    """CREATE OR REPLACE FUNCTION forget_event_actors() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM event_actors WHERE event_id = OLD.id;
        RETURN OLD;
    END $$""",
    "CREATE TRIGGER forget_event_actors BEFORE DELETE ON events "
    "FOR EACH ROW EXECUTE FUNCTION forget_event_actors()",
)


def maintenance_ddl() -> tuple[str, ...]:
    """The functions and triggers that keep the count tables exact under every change."""
    return _MAINTENANCE


# -- writing ---------------------------------------------------------------------------------


def begin_write(connection: Connection, timeout_ms: int) -> None:
    """Open the write transaction and wait for the timeline's write lock (released by the
    commit or rollback), at most ``timeout_ms``: writers take turns, as on a file, so no edit
    reads a state that another is changing."""
    connection.exec_driver_sql("BEGIN ISOLATION LEVEL READ COMMITTED")
    connection.execute(
        sql_text("SELECT set_config('lock_timeout', :timeout, true)"),
        {"timeout": f"{int(timeout_ms)}ms"},
    )
    connection.execute(sql_text("SELECT pg_advisory_xact_lock(:lock)"), {"lock": _WRITE_LOCK})


def change_counter(connection: Connection) -> int:
    """The number of the last recorded history row: every edit made through the app records
    some. Other windows are told at once (:func:`announce_change`); asking stays the
    fallback."""
    return int(connection.exec_driver_sql("SELECT coalesce(max(id), 0) FROM history").scalar_one())


# The history's author is named by the server: the role that logged in (session_user, which
# SET ROLE does not change and only a superuser can), with the app's name for the person
# when it says more ("alice (role editor1)"). The client's name is a bound value, never SQL.
HISTORY_AUTHOR = (
    "CASE WHEN CAST(:author AS text) = session_user THEN CAST(session_user AS text) "
    "ELSE CAST(:author AS text) || ' (role ' || session_user || ')' END"
)

# NOTIFY is delivered within the database it is sent in: one channel name serves every
# timeline database, each hearing only its own.
CHANGE_CHANNEL = "desktopapp_timeline_changed"
_MAX_PAYLOAD = 7000  # bytes; the server's limit is 8000
_ANNOUNCED_KEYS = 50


def announce_change(connection: Connection, since: int, last: int) -> None:
    """Tell every window listening on this database that a change is committing (NOTIFY is
    sent at COMMIT, and not at all on a rollback): the last history row's number and the
    keys of the change's rows (those after ``since``), as JSON. Listeners take it as a
    wake-up and read the database anew; the payload is never taken as SQL."""
    if last <= since:
        return  # nothing recorded: nothing to see
    keys = connection.execute(
        sql_text(
            "SELECT array_agg(DISTINCT entity_key) FROM (SELECT entity_key FROM history "
            "WHERE id > :since ORDER BY id LIMIT :rows) AS h"
        ),
        {"since": since, "rows": _ANNOUNCED_KEYS * 4},
    ).scalar()
    payload = json.dumps({"row": last, "keys": sorted(keys or [])[:_ANNOUNCED_KEYS]})
    if len(payload.encode()) > _MAX_PAYLOAD:
        payload = json.dumps({"row": last, "keys": []})
    connection.execute(
        sql_text("SELECT pg_notify(:channel, :payload)"),
        {"channel": CHANGE_CHANNEL, "payload": payload},
    )


def insert_returning_id(connection: Connection, sql: str, values: dict[str, Any]) -> int:
    """Run one INSERT and give the id of the row it made."""
    return int(connection.execute(sql_text(sql + " RETURNING id"), values).scalar_one())


def ids_set_explicitly(connection: Connection, table: str) -> None:
    """After a row was put back under its old id: move the table's id sequence past the
    largest id, or the next new row would be given an id already taken."""
    connection.execute(
        sql_text(
            "SELECT setval(pg_get_serial_sequence(:table, 'id'), "
            f'(SELECT coalesce(max(id), 0) + 1 FROM "{table}"), false)'
        ),
        {"table": table},
    )


# -- what a database holds -------------------------------------------------------------------


def may_edit(connection: Connection) -> bool:
    """Whether the server lets this user write a timeline's rows (a viewer's role may only
    read; the server refuses its writes whatever the client does)."""
    return bool(
        connection.execute(
            sql_text(
                "SELECT bool_and(has_table_privilege(current_user, t, 'INSERT, UPDATE, DELETE'))"
                " FROM unnest(CAST(:tables AS text[])) AS t"
            ),
            {"tables": ["events", "event_actors", "quotes", "history", "actor_spans"]},
        ).scalar()
    )


def table_kinds(connection: Connection) -> dict[str, str]:
    """Every table and view of the schema in use, and which it is."""
    rows = connection.execute(
        sql_text(
            "SELECT table_name, CASE table_type WHEN 'BASE TABLE' THEN 'table' "
            "ELSE 'view' END FROM information_schema.tables "
            "WHERE table_schema = current_schema()"
        )
    )
    return {str(name): str(kind) for name, kind in rows}


def structure_problems(connection: Connection) -> list[str]:
    """Nothing to check from here: the server keeps its own pages (and checksums)."""
    return []


# -- day arithmetic and planner hints --------------------------------------------------------


@compiles(DayOrdinal, "postgresql")
def _day_ordinal(element: DayOrdinal, compiler: SQLCompiler, **kw: Any) -> str:
    return f"day_ordinal({compiler.process(element.clauses, **kw)})"


@compiles(LooksLikeIsoDay, "postgresql")
def _looks_like_iso_day(element: LooksLikeIsoDay, compiler: SQLCompiler, **kw: Any) -> str:
    column = compiler.process(element.clauses, **kw)
    return f"({column} ~ '^[0-9]{{4}}-[0-1][0-9]-[0-3][0-9]$')"


@compiles(IsLongSpan, "postgresql")
def _is_long_span(element: IsLongSpan, compiler: SQLCompiler, **kw: Any) -> str:
    return LONG_SPAN_SQL
