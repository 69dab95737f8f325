"""How the timeline splits events into lanes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desktopapp.domain.l10n import N_, _


class Grouping(StrEnum):
    """Lanes by acting actor, by top-level event type, or one single lane."""

    ACTOR = "actor"
    TYPE = "type"
    NONE = "none"

    @property
    def label(self) -> str:
        """The grouping's name in the reader's language."""
        return _(_GROUPING_LABELS[self.value])


_GROUPING_LABELS = {"actor": N_("Actor"), "type": N_("Event type"), "none": N_("No grouping")}

NO_ACTOR_LANE = ""  # the lane of events whose source names no acting actor
# The lanes' names the repository gives, in English: also the TimelineJS export's group name
# (machine-readable, read back on import), so they are translated only where shown.
NO_ACTING_ACTOR_LABEL = N_("No acting actor")
ALL_EVENTS_LABEL = N_("All events")
SINGLE_LANE = "all"


def shown_lane_label(key: str, label: str) -> str:
    """A lane's name as a reader sees it, from the key and the name the repository gives:
    the lane of events without an acting actor, the single lane and the standard types in
    the reader's language ("Sans acteur agissant", "Tous les événements", "Aide"); an
    actor's name or a timeline's own type label as stored (data). The keys tell the lanes
    apart whatever the grouping: "" is only the actor-less lane, "all" only the single
    lane, and an actor's key (its id) is never a type's slug."""
    from desktopapp.domain.taxonomy import type_label

    if key == NO_ACTOR_LANE and label == NO_ACTING_ACTOR_LABEL:
        return _(NO_ACTING_ACTOR_LABEL)
    if key == SINGLE_LANE and label == ALL_EVENTS_LABEL:
        return _(ALL_EVENTS_LABEL)
    return type_label(key, label)


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
