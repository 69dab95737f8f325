"""How the timeline splits events into lanes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Grouping(StrEnum):
    """Lanes by acting actor, by top-level event type, or one single lane."""

    ACTOR = "actor"
    TYPE = "type"
    NONE = "none"

    @property
    def label(self) -> str:
        return {"actor": "Actor", "type": "Event type", "none": "No grouping"}[self.value]


NO_ACTOR_LANE = ""  # the lane of events whose source names no acting actor
NO_ACTING_ACTOR_LABEL = "No acting actor"
SINGLE_LANE = "all"


@dataclass(frozen=True)
class LaneCount:
    """A lane of the timeline and how many events it holds in the window asked about.

    ``key`` is the acting actor's id as text (``NO_ACTOR_LANE`` for events without one) when
    grouping by actor, the top-level type slug when grouping by type, ``SINGLE_LANE`` else.
    """

    key: str
    label: str
    count: int


@dataclass(frozen=True)
class LaneTally:
    """A lane's events in a window: how many, and how many start in each time bin."""

    key: str
    label: str
    count: int
    bins: tuple[int, ...]

    @property
    def lane_count(self) -> LaneCount:
        return LaneCount(self.key, self.label, self.count)
