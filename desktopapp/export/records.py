"""Events as plain records: the JSON of ``list --json`` and the rows of the CSV export."""

from __future__ import annotations

import csv
import io
import itertools
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from desktopapp.domain.anchoring import selector_for
from desktopapp.domain.model import Event, EventType, Quote, Role
from desktopapp.export.plaintext import csv_cell

if TYPE_CHECKING:
    from desktopapp.db.repository import EventRepository


class RecordContext:
    """What the JSON says beyond the event itself, so that an import can give it all back
    (ingest/json_import.py): with each quote its source's SHA-256 and the words just before
    and after it (the W3C TextQuoteSelector's prefix and suffix, to prove the same text and
    re-find it if the offsets moved); with the type, its parent's label.

    Each source's text is read once, when a quote of it is first written."""

    def __init__(self, repository: EventRepository) -> None:
        self._repository = repository
        self._sha256 = {source.key: source.sha256 for source in repository.sources}
        self._labels = {event_type.slug: event_type.label for event_type in repository.event_types}
        self._texts: dict[str, str] = {}

    def parent_label(self, event_type: EventType) -> str | None:
        """The label of the type's parent, or None for a type at the top."""
        parent = event_type.parent_slug
        return None if parent is None else self._labels.get(parent, parent)

    def quote_fields(self, quote: Quote) -> dict[str, str]:
        """``prefix``, ``suffix`` (empty for a quote not verified) and ``source_sha256``
        (empty for a source the timeline lacks)."""
        prefix = suffix = ""
        if quote.verified and quote.start is not None and quote.end is not None:
            selector = selector_for(self._text(quote.source_key), quote.start, quote.end)
            prefix, suffix = selector.prefix, selector.suffix
        sha256 = self._sha256.get(quote.source_key, "")
        return {"prefix": prefix, "suffix": suffix, "source_sha256": sha256}

    def _text(self, source_key: str) -> str:
        if source_key not in self._texts:
            self._texts[source_key] = self._repository.source_text(source_key)
        return self._texts[source_key]


def event_record(event: Event, context: RecordContext) -> dict[str, Any]:
    """The documented JSON contract for one event (desktopapp/schemas/events.schema.json).
    Its words and its actors' names are the stored ones whatever the reader's language (a
    file written in French reads back the same), with every translation beside them."""
    own = event.as_written()
    citation = own.citation
    return {
        "id": event.id,
        "key": event.key,
        "title": own.title,
        "summary": own.summary,
        "language": own.language,
        "translations": {
            text.language: {"title": text.title, "summary": text.summary, "note": text.note}
            for text in event.translations
        },
        "type": event.type.slug,
        "type_label": event.type.label,
        "type_parent_label": context.parent_label(event.type),
        "actors": [actor.own_name for actor in event.actors()],
        "participants": [
            {
                "name": p.actor.own_name,
                "kind": p.actor.kind and p.actor.kind.value,
                "role": p.role.value,
                "aliases": list(p.actor.own_aliases or ()),
                "names": dict(p.actor.names),
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
                "translations": dict(q.translations),
                **context.quote_fields(q),
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


def events_json(events: Iterable[Event], context: RecordContext) -> str:
    """The JSON array of :func:`event_record`, indented by two spaces, ending in a newline."""
    return "".join(events_json_chunks(events, context))


def events_json_chunks(events: Iterable[Event], context: RecordContext) -> Iterator[str]:
    """:func:`events_json` a record at a time, for writing as it goes.

    Each record is dumped on its own and indented one level: exactly what ``json.dumps`` of
    the whole list writes (JSON strings hold no raw newline, so every newline of a dumped
    record starts one of its lines)."""
    separator = "[\n  "
    for event in events:
        record = json.dumps(event_record(event, context), ensure_ascii=False, indent=2)
        yield separator + record.replace("\n", "\n  ")
        separator = ",\n  "
    yield "[]\n" if separator == "[\n  " else "\n]\n"


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
    return "".join(events_csv_lines(events))


def events_csv_lines(events: Iterable[Event]) -> Iterator[str]:
    """:func:`events_csv` a record at a time (the header first), for writing as it goes."""
    return csv_lines(CSV_COLUMNS, (_csv_row(event) for event in events))


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
