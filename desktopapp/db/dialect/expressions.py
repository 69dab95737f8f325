"""Day arithmetic that reads the same in every query and is written out per engine.

The repository builds its queries once, without knowing the engine; each of these
expressions is compiled by the dialect module of the engine that runs it (see
``sqlite.py`` and ``postgresql.py``), the way SQLAlchemy compiles its own functions.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Integer
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.sql.sqltypes import NullType

# Events spanning more than this many days are also listed in a small partial index, so that a
# time window asks the main date index only for [window start - LONG_SPAN_DAYS, window end].
LONG_SPAN_DAYS = 100


class DayOrdinal(FunctionElement[int]):
    """A stored ISO day (yyyy-mm-dd text) as its proleptic Gregorian ordinal, the number
    date.toordinal() gives; NULL for a value that is no day (a damaged row)."""

    type = Integer()
    inherit_cache = True
    name = "day_ordinal"


# The conditions below are typed as nothing in particular: typed Boolean, SQLAlchemy would
# write "… = 1" after them on SQLite (no native booleans), and the planner would then no
# longer see the partial index's own condition.


class LooksLikeIsoDay(FunctionElement[Any]):
    """A stored day shaped like yyyy-mm-dd (a damaged row's value is passed over)."""

    type = NullType()
    inherit_cache = True
    name = "looks_like_iso_day"


class IsLongSpan(FunctionElement[Any]):
    """The event spans more than LONG_SPAN_DAYS days: the condition of the partial index
    ``ix_events_long_span``, written exactly as the index states it so the planner uses it."""

    type = NullType()
    inherit_cache = True
    name = "is_long_span"


def julian_ordinal(column: ColumnElement[Any]) -> ColumnElement[int]:
    """An ISO day column as its proleptic Gregorian ordinal (an integer)."""
    return DayOrdinal(column)


def looks_like_iso_day(column: ColumnElement[Any]) -> ColumnElement[Any]:
    return LooksLikeIsoDay(column)


def is_long_span() -> ColumnElement[Any]:
    return IsLongSpan()
