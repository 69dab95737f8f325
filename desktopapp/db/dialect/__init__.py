"""What differs between database engines, behind one seam.

Everything engine-specific that the schema, the builder, the repository and the store need
(the full-text index and its queries, triggers that keep counts, how a write transaction
begins, ids of new rows, day arithmetic) is in one module per engine with the same names:
:mod:`desktopapp.db.dialect.sqlite` (a timeline file) and
:mod:`desktopapp.db.dialect.postgresql` (a team server). :func:`dialect_for` picks the one of
an engine or connection; expressions that every query shares are compiled per engine (see
:mod:`desktopapp.db.dialect.expressions`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from sqlalchemy import Connection, Engine, Select

from desktopapp.db.dialect import postgresql, sqlite
from desktopapp.db.dialect.expressions import (
    LONG_SPAN_DAYS,
    is_long_span,
    julian_ordinal,
    looks_like_iso_day,
)
from desktopapp.domain.search import SearchQuery

__all__ = [
    "LONG_SPAN_DAYS",
    "EngineDialect",
    "create_schema",
    "dialect_for",
    "is_long_span",
    "julian_ordinal",
    "looks_like_iso_day",
]


class EngineDialect(Protocol):
    """The names every dialect module offers (see sqlite.py for what each one does)."""

    NAME: str
    SEARCH_INDEX: str
    HISTORY_AUTHOR: str

    def search_index_ddl(self) -> tuple[str, ...]: ...
    def search_ids(self, query: SearchQuery) -> Select: ...
    def index_event_text(
        self, connection: Connection, documents: Sequence[dict[str, object]]
    ) -> None: ...
    def unindex_event_text(self, connection: Connection, document: dict[str, object]) -> None: ...
    def preparation_ddl(self) -> tuple[str, ...]: ...
    def maintenance_ddl(self) -> tuple[str, ...]: ...
    def begin_write(self, connection: Connection, timeout_ms: int) -> None: ...
    def change_counter(self, connection: Connection) -> int: ...
    def announce_change(self, connection: Connection, since: int, last: int) -> None: ...
    def insert_returning_id(
        self, connection: Connection, sql: str, values: dict[str, Any]
    ) -> int: ...
    def ids_set_explicitly(self, connection: Connection, table: str) -> None: ...
    def table_kinds(self, connection: Connection) -> dict[str, str]: ...
    def may_edit(self, connection: Connection) -> bool: ...
    def structure_problems(self, connection: Connection) -> list[str]: ...


_BY_NAME: dict[str, EngineDialect] = {sqlite.NAME: sqlite, postgresql.NAME: postgresql}


def dialect_for(bind: Engine | Connection) -> EngineDialect:
    """The dialect module of the engine behind ``bind``."""
    name = bind.dialect.name
    try:
        return _BY_NAME[name]
    except KeyError:
        raise ValueError(f"timelines are not stored in {name} databases") from None


def create_schema(connection: Connection) -> None:
    """Every table, index, trigger and the search index of an empty timeline database at the
    newest schema, stamped with the newest migration (db/migrations/, whose revisions make the
    same schema step by step), in the caller's transaction."""
    from desktopapp.db import migrations
    from desktopapp.db.schema import Base  # the schema names this package's DDL

    Base.metadata.create_all(connection)
    for statement in dialect_for(connection).search_index_ddl():
        connection.exec_driver_sql(statement)
    migrations.stamp(connection)  # made from the models: at the newest revision
