"""TimelineJS 3: its JSON (Knight Lab's ``json-format``) and its Google-sheet template's
columns as CSV.

TimelineJS puts every text into the page as HTML, so every text from the database is escaped
here (``html.escape``): a title ``<script>`` is shown, never run. Each event is one slide:

* ``start_date``/``end_date``: the date's ends at their own precision (year, month, day,
  hour, minute, second; the sheet's Time cell "14:30", an hour alone "2 PM"). TimelineJS has
  no place for a zone: a time's zone is said in the ``display_date`` ("09:30 UTC+01:00");
  an interval also gets the slide's ``display_date`` in words ("some day between 21 and 27
  February 2022"), so that TimelineJS does not present it as a duration; qualified dates keep
  ``~`` and ``?`` there ("March 2022~");
* ``text``: the headline (the title) and the summary, the verified quotes with their source,
  and the date's citation with its quote; an unsourced event (no quote) says so first, and
  what an import said of it (its claim) follows as the import's words, with its origin;
* ``media`` and ``background``: the event's first media, thumbnail and background links
  (http(s) only, through ``link_target``), the media's credit and caption escaped;
* ``group``: the event's lane (acting actor, top-level type, or none), as on the timeline;
* ``unique_id``: the event's stable key.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from desktopapp.domain.dates import DatePoint
from desktopapp.domain.grouping import NO_ACTING_ACTOR_LABEL, Grouping
from desktopapp.domain.l10n import _
from desktopapp.domain.model import Event, Role
from desktopapp.domain.provenance import UNSOURCED_LINE, claim_heading, first_link
from desktopapp.domain.quotation import quoted
from desktopapp.domain.text import for_display
from desktopapp.export.datewords import display_date, readable
from desktopapp.export.records import csv_lines
from desktopapp.ingest.timelinejs_sheet import SHEET_COLUMNS  # the template, read and written

# A spreadsheet cell holds 50,000 characters in Google Sheets (TimelineJS's home) and 32,767
# in Excel; a longer CSV cell is cut or spills over when the sheet is opened. So in the sheet
# every text is cut at this many characters, saying how many were cut. The JSON keeps all.
SHEET_FIELD_LIMIT = 5_000


def lane_label(event: Event, grouping: Grouping, type_labels: Mapping[str, str]) -> str | None:
    """The event's lane as the timeline names it; None when there is one lane only."""
    if grouping is Grouping.ACTOR:
        acting = event.actors(Role.ACTING)
        return acting[0].name if acting else NO_ACTING_ACTOR_LABEL
    if grouping is Grouping.TYPE:
        root = event.type.root_slug
        return type_labels.get(root, root)
    return None


def slide(event: Event, group: str | None) -> dict[str, Any]:
    date = event.date
    record: dict[str, Any] = {
        "unique_id": event.key,
        "start_date": _date_object(date.start),
        "text": {"headline": _escaped(event.title), "text": slide_text(event)},
        "display_date": _escaped(display_date(date)),
    }
    if date.end is not None:
        record["end_date"] = _date_object(date.end)
    if group is not None:
        record["group"] = _escaped(group)
    media = _media(event)
    if media:
        record["media"] = media
    background = first_link(event.links, "background")
    if background is not None:
        record["background"] = {"url": background.target}
    return record


def _media(event: Event, limit: int | None = None) -> dict[str, str]:
    """The slide's media object: the first safe media link, with the first thumbnail; {}
    when the event has no media to show."""
    media, thumbnail = first_link(event.links, "media"), first_link(event.links, "thumbnail")
    if media is None or media.target is None:
        return {}
    found = {"url": media.target}
    if media.link.credit:
        found["credit"] = _escaped(media.link.credit, limit)
    if media.link.caption:
        found["caption"] = _escaped(media.link.caption, limit)
    if thumbnail is not None and thumbnail.target is not None:
        found["thumbnail"] = thumbnail.target
    return found


def slide_text(event: Event, limit: int | None = None) -> str:
    """The slide's HTML: the summary, each quote with its source, the date's citation (each
    text cut at ``limit`` characters if given)."""

    def escaped(text: str) -> str:
        return _escaped(text, limit)

    parts = [f"<p><strong>{escaped(_(UNSOURCED_LINE))}</strong></p>"] if event.unsourced else []
    if event.summary:
        parts.append(f"<p>{escaped(event.summary)}</p>")
    for quote in event.quotes:
        said = f"{escaped(quoted(quote.text))} — {escaped(quote.source_title)}"
        if not quote.verified:
            said += f" ({escaped(quote.problem)})"
        parts.append(f"<blockquote>{said}</blockquote>")
    if event.claim is not None:  # the import's words: plain text, never a quote
        said = escaped(event.claim.text).replace("\n", "<br>")
        parts.append(f"<p>{escaped(claim_heading(event.claim))}<br>{said}</p>")
    citation = event.citation
    dated = _("Date: {date}, from {source}").format(
        date=escaped(event.date.describe()), source=escaped(citation.line())
    )
    if citation.quote:
        dated += f": {escaped(quoted(citation.quote))}"  # its own quotation marks nested
    parts.append(f"<p>{dated}</p>")
    return "".join(parts)


def timelinejs_json(
    events: Iterable[Event], grouping: Grouping, type_labels: Mapping[str, str], title: str
) -> str:
    return "".join(timelinejs_json_chunks(events, grouping, type_labels, title))


def timelinejs_json_chunks(
    events: Iterable[Event], grouping: Grouping, type_labels: Mapping[str, str], title: str
) -> Iterator[str]:
    """The TimelineJS document a slide at a time (one line each), for writing as it goes."""
    title_slide = {"text": {"headline": _escaped(title), "text": ""}}
    yield f'{{\n "title": {json.dumps(title_slide, ensure_ascii=False)},\n "events": ['
    separator = "\n  "
    for event in events:
        record = slide(event, lane_label(event, grouping, type_labels))
        yield separator + json.dumps(record, ensure_ascii=False)
        separator = ",\n  "
    yield "\n ]\n}\n"


def timelinejs_csv(
    events: Iterable[Event], grouping: Grouping, type_labels: Mapping[str, str]
) -> str:
    return "".join(timelinejs_csv_lines(events, grouping, type_labels))


def timelinejs_csv_lines(
    events: Iterable[Event], grouping: Grouping, type_labels: Mapping[str, str]
) -> Iterator[str]:
    """The sheet template's columns, every cell through ``csv_cell`` (formulas defused)."""
    return csv_lines(SHEET_COLUMNS, (_sheet_row(e, grouping, type_labels) for e in events))


def _sheet_row(event: Event, grouping: Grouping, type_labels: Mapping[str, str]) -> list[object]:
    start, end = event.date.start, event.date.end
    group = lane_label(event, grouping, type_labels)
    media = _media(event, SHEET_FIELD_LIMIT)
    background = first_link(event.links, "background")
    return [
        *_point_cells(start),
        _time_cell(start),
        *(_point_cells(end) if end is not None else ("", "", "")),
        _time_cell(end) if end is not None else "",
        _escaped(display_date(event.date)),
        _escaped(event.title, SHEET_FIELD_LIMIT),
        slide_text(event, SHEET_FIELD_LIMIT),
        media.get("url", ""),
        media.get("credit", ""),
        media.get("caption", ""),
        media.get("thumbnail", ""),
        "",
        _escaped(group, SHEET_FIELD_LIMIT) if group is not None else "",
        background.target if background is not None else "",
    ]


def _point_cells(point: DatePoint) -> tuple[object, object, object]:
    return point.year, point.month or "", point.day or ""


def _time_cell(point: DatePoint) -> str:
    """The sheet's Time: "14:30", "14:30:05"; an hour alone as "2 PM", since "14:00" would
    add minutes the date does not have."""
    if point.hour is None:
        return ""
    if point.minute is None:
        return f"{(point.hour + 11) % 12 + 1} {'PM' if point.hour >= 12 else 'AM'}"
    return point.clock()


def _date_object(point: DatePoint) -> dict[str, int]:
    date = {"year": point.year}
    parts = ("month", "day", "hour", "minute", "second")
    date.update({name: getattr(point, name) for name in parts if getattr(point, name) is not None})
    return date


def _escaped(text: str, limit: int | None = None) -> str:
    if limit is not None and len(text) > limit:
        text = for_display(text, limit, say_cut=True)
    return html.escape(readable(text), quote=True)
