"""Reading a timeline's audit trail (the ``history`` table), oldest change first."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, Engine, Row, text

from desktopapp.db.commands import HistoryEntry

_QUERY = (
    "SELECT change, at, author, command, entity_kind, entity_key, field, old_value, "
    "new_value, note FROM history"
)


def read_history(engine: Engine, entity_key: str | None = None) -> list[HistoryEntry]:
    """Every recorded change, or those of one event (or source, actor, type) by its key."""
    query, values = _QUERY, {}
    if entity_key is not None:
        query += " WHERE entity_key = :key"
        values["key"] = entity_key
    with engine.connect() as connection:
        rows = connection.execute(text(query + " ORDER BY id"), values).all()
    return [_entry(row) for row in rows]


def read_history_of(connection: Connection, entity_key: str, after: int) -> list[HistoryEntry]:
    """The recorded changes of one key numbered after ``after`` (what came since a version,
    db/versions.py), oldest first, read on ``connection`` (inside its transaction)."""
    rows = connection.execute(
        text(_QUERY + " WHERE entity_key = :key AND change > :after ORDER BY id"),
        {"key": entity_key, "after": after},
    ).all()
    return [_entry(row) for row in rows]


def _entry(row: Row[Any]) -> HistoryEntry:
    change, at, author, command, kind, key, field, old, new, note = tuple(row)
    return HistoryEntry(
        when=str(at),
        author=str(author),
        text=str(command),
        field=str(field),
        old=_decoded(old),
        new=_decoded(new),
        note=str(note or ""),
        entity_kind=str(kind),
        entity_key=str(key),
        change=int(change),
    )


def _decoded(value: object) -> Any:
    """A stored JSON value; a value that is not JSON (a damaged row) is shown as it is."""
    try:
        return json.loads(value) if isinstance(value, str) else value
    except ValueError:
        return value
