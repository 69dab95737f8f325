"""Per-actor date spans in memory, for counting each actor's events in a date range fast.

An event overlaps [from, to] when it starts on or before ``to`` and ends on or after
``from``. Events ending before ``from`` also start before ``to`` (an event ends after it
starts), so for each actor::

    overlapping = #(start <= to) - #(end < from)

With each actor's start days and end days kept sorted, both terms are binary searches:
counting every actor's events under a date filter costs a few thousand bisections instead of
a pass over the hundreds of thousands of events the filter matches (seconds at 1M events).
The builder packs the sorted days into the ``actor_spans`` table and every edit rewrites the
spans of the event's actors; they are read once per database, on first use (a few hundred
kilobytes to a few megabytes, in milliseconds), and after an edit only the touched spans
are read again.
"""

from __future__ import annotations

import sys
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from datetime import date

from sqlalchemy import Connection, text

from desktopapp.db.engine import DatabaseError
from desktopapp.domain.l10n import _


def day_number(value: date) -> int:
    """A day as the integer yyyymmdd: ordered like the dates themselves."""
    return value.year * 10000 + value.month * 100 + value.day


def pack_days(days: Iterable[int]) -> bytes:
    """Sorted days as little-endian int32, the same bytes on every machine."""
    packed = array("i", sorted(days))
    if sys.byteorder == "big":
        packed.byteswap()
    return packed.tobytes()


def unpack_days(data: bytes) -> array:
    days = array("i")
    days.frombytes(data)
    if sys.byteorder == "big":
        days.byteswap()
    return days


def _stored_days(actor_id: object, type_id: object, field: str, data: object) -> array:
    """A stored column of packed days, or DatabaseError naming the row: the counts it feeds
    would be wrong for every filter, so the file is refused rather than miscounted."""
    if not isinstance(data, bytes) or len(data) % 4:
        raise DatabaseError(
            _(
                "actor_spans (actor_id {actor}, type_id {type}): {field} is not a list "
                "of packed days; the file is damaged (rebuild it)"
            ).format(actor=repr(actor_id), type=repr(type_id), field=field)
        )
    return unpack_days(data)


# A date range asked of the spans, as day numbers (None: open), and the types it counts
# (None: every type).
RangeKey = tuple[int | None, int | None, frozenset[int] | None]
REMEMBERED_RANGES = 8  # the filters a window goes back and forth between


class ActorSpans:
    """Sorted start and end days of each actor's events, by event type.

    Immutable once made (readers on other threads may hold it while an edit makes the next
    one). It remembers the counts of the last few date ranges asked: after an edit, the
    next one (:meth:`refreshed`) carries them over, corrected by what the touched spans
    contributed before and after, so the window's facets under an unchanged date filter
    cost the edit's few spans instead of a bisection of every actor's every type
    (35,000 spans, 25 ms at 1M events). A carried count equals a recount by construction.
    """

    def __init__(
        self,
        starts: dict[tuple[int, int], array],
        ends: dict[tuple[int, int], array],
        remembered: dict[RangeKey, dict[int, int]] | None = None,
    ):
        self._starts = starts
        self._ends = ends
        self._remembered: dict[RangeKey, dict[int, int]] = remembered or {}

    @classmethod
    def read(cls, connection: Connection) -> ActorSpans:
        starts: dict[tuple[int, int], array] = {}
        ends: dict[tuple[int, int], array] = {}
        query = text("SELECT actor_id, type_id, starts, ends FROM actor_spans")
        for actor_id, type_id, packed_starts, packed_ends in connection.execute(query):
            starts[(actor_id, type_id)] = _stored_days(actor_id, type_id, "starts", packed_starts)
            ends[(actor_id, type_id)] = _stored_days(actor_id, type_id, "ends", packed_ends)
        return cls(starts, ends)

    def refreshed(self, connection: Connection, keys: Iterable[tuple[int, int]]) -> ActorSpans:
        """A copy with these (actor, type) spans read again (after an edit changed them);
        the rest is shared, so an edit costs a few rows, not the whole table. The remembered
        counts follow: each actor's count moves by what its touched spans count now minus
        what they counted before."""
        starts, ends = dict(self._starts), dict(self._ends)
        query = text(
            "SELECT starts, ends FROM actor_spans WHERE actor_id = :actor AND type_id = :type"
        )
        touched = set(keys)
        for actor_id, type_id in touched:
            row = connection.execute(query, {"actor": actor_id, "type": type_id}).first()
            if row is None:
                starts.pop((actor_id, type_id), None)
                ends.pop((actor_id, type_id), None)
            else:
                starts[(actor_id, type_id)] = _stored_days(actor_id, type_id, "starts", row[0])
                ends[(actor_id, type_id)] = _stored_days(actor_id, type_id, "ends", row[1])
        after = ActorSpans(starts, ends)
        for range_key, counts in list(self._remembered.items()):
            moved = dict(counts)
            for span in touched:
                if range_key[2] is None or span[1] in range_key[2]:
                    delta = after._span_count(span, range_key) - self._span_count(span, range_key)
                    _add(moved, span[0], delta)
            after._remembered[range_key] = moved
        return after

    def counts(
        self,
        *,
        date_from: date | None,
        date_to: date | None,
        type_ids: Iterable[int] | None = None,
    ) -> dict[int, int]:
        """Events per actor overlapping [date_from, date_to] (either end open), optionally
        only of these types. Actors with no such event are left out."""
        key: RangeKey = (
            day_number(date_from) if date_from else None,
            day_number(date_to) if date_to else None,
            None if type_ids is None else frozenset(type_ids),
        )
        found = self._remembered.get(key)
        if found is None:
            found = self._count(key)
            if len(self._remembered) >= REMEMBERED_RANGES:
                self._remembered.pop(next(iter(self._remembered), key), None)
            self._remembered[key] = found
        return dict(found)

    def _count(self, key: RangeKey) -> dict[int, int]:
        # _span_count over every span, written out: a call per span costs 40% more here.
        low, high, wanted = key
        ends = self._ends
        result: dict[int, int] = {}
        for span, starts in self._starts.items():
            if wanted is not None and span[1] not in wanted:
                continue
            started = len(starts) if high is None else bisect_right(starts, high)
            ended_before = 0 if low is None else bisect_left(ends[span], low)
            if started > ended_before:
                result[span[0]] = result.get(span[0], 0) + started - ended_before
        return result

    def _span_count(self, span: tuple[int, int], key: RangeKey) -> int:
        """The events of one (actor, type) span overlapping the range: started by its end,
        less those ended before its start (never below 0, even for a damaged span)."""
        starts = self._starts.get(span)
        if starts is None:
            return 0
        low, high = key[0], key[1]
        started = len(starts) if high is None else bisect_right(starts, high)
        ended_before = 0 if low is None else bisect_left(self._ends[span], low)
        return max(0, started - ended_before)


def _add(counts: dict[int, int], actor_id: int, delta: int) -> None:
    """Move one actor's count, leaving out an actor that has none."""
    if delta:
        value = counts.get(actor_id, 0) + delta
        if value > 0:
            counts[actor_id] = value
        else:
            counts.pop(actor_id, None)
