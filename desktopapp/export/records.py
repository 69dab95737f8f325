"""Events as plain records: the JSON of ``list --json`` and the rows of the CSV export."""

from __future__ import annotations

import csv
import io
import itertools
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from desktopapp.domain.model import Event, Role
from desktopapp.export.plaintext import csv_cell


def event_record(event: Event) -> dict[str, Any]:
    """The documented JSON contract for one event."""
    citation = event.citation
    return {
        "id": event.id,
        "key": event.key,
        "title": event.title,
        "summary": event.summary,
        "type": event.type.slug,
        "type_label": event.type.label,
        "actors": [actor.name for actor in event.actors()],
        "participants": [
            {
                "name": p.actor.name,
                "kind": p.actor.kind and p.actor.kind.value,
                "role": p.role.value,
            }
            for p in event.participants
        ],
        "date": event.date.edtf(),
        "date_text": event.date.describe(),
        "start": event.start.isoformat(),
        "end": event.end.isoformat(),
        "precision": event.date.precision.value,
        "approximate": event.date.approximate,
        "uncertain": event.date.uncertain,
        "date_source": {
            "kind": "article" if citation.is_article else "news-report",
            "outlet": citation.outlet,
            "title": citation.title,
            "url": citation.url,
            "published": citation.published,
            "quote": citation.quote,
            "note": citation.note,
        },
        "quotes": [
            {
                "text": q.text,
                "start": q.start,
                "end": q.end,
                "source": q.source_key,
                "source_title": q.source_title,
                "verified": q.verified,
                "problem": q.problem,
            }
            for q in event.quotes
        ],
        # What is wrong with this event in the file (empty when it is sound).
        "problems": list(event.problems),
        **provenance_record(event),
    }


def provenance_record(event: Event) -> dict[str, Any]:
    """No quote backs it (``unsourced``), what an import said of it (``claim``: its text and
    origin, or null), its links as stored (``links``: a URL here is data, not a link)."""
    claim = event.claim
    return {
        "unsourced": event.unsourced,
        "claim": None if claim is None else {"text": claim.text, "origin": claim.origin},
        "links": [
            {"kind": link.kind, "url": link.url, "credit": link.credit, "caption": link.caption}
            for link in event.links
        ],
    }


def events_json(events: Iterable[Event]) -> str:
    return json.dumps([event_record(e) for e in events], ensure_ascii=False, indent=2) + "\n"


CSV_COLUMNS = (
    "id",
    "date",
    "date_text",
    "start",
    "end",
    "precision",
    "type",
    "title",
    "acting",
    "affected",
    "summary",
    "quotes",
    "date_source",
    "date_source_url",
    "problems",  # what is wrong with the event in the file; empty when sound
    "unsourced",  # "true" when no quote backs the event (an imported one, say)
    "claim",  # what an import said of it, and from where
    "claim_origin",
    "links",
)


def events_csv(events: Iterable[Event]) -> str:
    """The CSV export: a header and one row per event, every cell through :func:`csv_text`."""
    return csv_text(CSV_COLUMNS, (_csv_row(event) for event in events))


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """CSV text whose every cell went through :func:`csv_cell` (controls made visible,
    formulas defused): the one way this package writes CSV, so no column is forgotten."""
    return "".join(csv_lines(header, rows))


def csv_lines(header: Sequence[str], rows: Iterable[Sequence[object]]) -> Iterator[str]:
    """:func:`csv_text` a record at a time (the header first), for writing as it goes."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in itertools.chain([header], rows):
        writer.writerow([csv_cell(value) for value in row])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


def _csv_row(event: Event) -> list[object]:
    return [
        event.id,
        event.date.edtf(),
        event.date.describe(),
        event.start.isoformat(),
        event.end.isoformat(),
        event.date.precision.value,
        event.type.slug,
        event.title,
        "; ".join(a.name for a in event.actors(Role.ACTING)),
        "; ".join(a.name for a in event.actors(Role.AFFECTED)),
        event.summary,
        " | ".join(q.text for q in event.quotes),
        event.citation.line(),
        event.citation.url,
        "; ".join(event.problems),
        *_provenance_cells(event),
    ]


def _provenance_cells(event: Event) -> list[object]:
    claim = event.claim
    links = " | ".join(
        " — ".join(part for part in (f"{link.kind}: {link.url}", link.caption, link.credit) if part)
        for link in event.links
    )
    return [
        "true" if event.unsourced else "false",
        claim.text if claim else "",
        claim.origin if claim else "",
        links,
    ]
