"""Every quote as a W3C Web Annotation (JSON-LD), so that a web-annotation client such as
Hypothesis can anchor it in its source.

One ``AnnotationCollection`` holds one ``AnnotationPage`` with an ``Annotation`` per verified
quote. Its target is the quote's source: the source's URL when it has a web address, else
``urn:sha256:`` of its text (which identifies exactly the text the offsets count in). Two
selectors place it, as the app itself does (:mod:`desktopapp.domain.anchoring`): a
``TextQuoteSelector`` (``exact`` with up to 32 code points of ``prefix`` and ``suffix``) and a
``TextPositionSelector`` (``start``, ``end`` in code points). The body names the event.

A quote whose text no longer matches its source at its offsets is left out (it cannot be
anchored truthfully); the summary line counts them, and the unsourced events (no quote, so
nothing to annotate).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from desktopapp.domain.anchoring import AnchorError, selector_for
from desktopapp.domain.model import Event, Quote, Source
from desktopapp.export.datewords import unicode_text

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
# Annotation ids are name-based UUIDs of the event key and the quote's number: stable across
# exports, and valid IRIs wherever the file goes.
_NAMESPACE = uuid.UUID("6f1c3e0a-4d8e-4b5b-9a43-2f9d7c1e5a10")


def annotation_id(event_key: str, number: int) -> str:
    """The id of the annotation of an event's quote number ``number`` (from 1)."""
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, f'{event_key}#{number}')}"


@dataclass(frozen=True)
class AnnotatedSource:
    """What a target needs of a source: where it is and its text."""

    iri: str
    text: str


def source_iri(source: Source) -> str:
    if source.url.startswith(("https://", "http://")):
        return source.url
    return f"urn:sha256:{source.sha256}"


@dataclass
class AnnotationPage:
    items: list[dict[str, Any]]
    left_out: int  # quotes not verified against their source


def annotation_page(
    events: Iterable[Event], sources: Mapping[str, AnnotatedSource]
) -> AnnotationPage:
    tally = Tally()
    items = list(quote_annotations(events, sources, tally))
    return AnnotationPage(items, tally.left_out)


@dataclass
class Tally:
    written: int = 0
    left_out: int = 0  # quotes not verified against their source
    unsourced: int = 0  # events with no quote: nothing of them to annotate


def quote_annotations(
    events: Iterable[Event], sources: Mapping[str, AnnotatedSource], tally: Tally
) -> Iterator[dict[str, Any]]:
    """Each quote's annotation, counting in ``tally`` what is written and what left out."""
    for event in events:
        tally.unsourced += event.unsourced
        for number, quote in enumerate(event.quotes, start=1):
            item = annotation(event, number, quote, sources.get(quote.source_key))
            if item is None:
                tally.left_out += 1
            else:
                tally.written += 1
                yield item


def annotation(
    event: Event, number: int, quote: Quote, source: AnnotatedSource | None
) -> dict[str, Any] | None:
    """One quote's annotation, or None if it cannot be anchored (not verified, no source)."""
    if not quote.verified or source is None or quote.start is None or quote.end is None:
        return None
    try:
        selector = selector_for(source.text, quote.start, quote.end)
    except AnchorError:
        return None
    if selector.exact != quote.text:
        return None
    return {
        "id": annotation_id(event.key, number),
        "type": "Annotation",
        "motivation": "highlighting",
        "body": {
            "type": "TextualBody",
            "purpose": "describing",
            "format": "text/plain",
            "value": unicode_text(event.title),
        },
        "target": {
            "source": source.iri,
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": unicode_text(selector.exact),
                    "prefix": unicode_text(selector.prefix),
                    "suffix": unicode_text(selector.suffix),
                },
                {"type": "TextPositionSelector", "start": quote.start, "end": quote.end},
            ],
        },
    }


def annotations_jsonld(page: AnnotationPage, label: str) -> str:
    return "".join(jsonld_chunks(page.items, label))


def jsonld_chunks(items: Iterable[dict[str, Any]], label: str) -> Iterator[str]:
    """The collection an annotation at a time (one line each); ``total`` comes last, once
    the items are counted (JSON's members have no order)."""
    head = {"@context": CONTEXT, "type": "AnnotationCollection", "label": unicode_text(label)}
    yield json.dumps(head, ensure_ascii=False)[:-1]
    yield ',\n "first": {"type": "AnnotationPage", "startIndex": 0, "items": ['
    total = 0
    for item in items:
        yield ("\n  " if total == 0 else ",\n  ") + json.dumps(item, ensure_ascii=False)
        total += 1
    yield f'\n ]}},\n "total": {total}\n}}\n'
