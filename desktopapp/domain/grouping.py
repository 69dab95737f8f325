"""How the timeline splits events into lanes."""

from __future__ import annotations

from enum import StrEnum


class Grouping(StrEnum):
    """Lanes by acting actor, by top-level event type, or one single lane."""

    ACTOR = "actor"
    TYPE = "type"
    NONE = "none"

    @property
    def label(self) -> str:
        return {"actor": "Actor", "type": "Event type", "none": "No grouping"}[self.value]
