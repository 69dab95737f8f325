"""The JSON Schemas of the JSON this package writes (draft 2020-12), shipped with it:

* ``events.schema.json``: ``list --json``, ``export --json`` and Export events as JSON;
* ``timelinejs.schema.json``: Knight Lab's documented TimelineJS 3 structure (``--timelinejs``);
* ``web-annotations.schema.json``: ``--annotations-jsonld``.
"""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

SCHEMAS = ("events", "timelinejs", "web-annotations")


def schema(name: str) -> dict[str, Any]:
    """The schema ``name`` (one of :data:`SCHEMAS`) as a dict."""
    if name not in SCHEMAS:
        raise KeyError(name)
    text = files(__package__).joinpath(f"{name}.schema.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded
