"""The timeline as one self-contained web page (``desktopapp export --html FILE``).

One HTML file to publish or embed: inline CSS and hand-written JavaScript
(``html_page.css``, ``html_page.js`` beside this module), no CDN, no network request. The
events go in as JSON inside ``<script type="application/json">`` and the script shows every
text from it with ``textContent``, never as markup, so a title like ``<script>`` is read, not
run. A Content-Security-Policy forbids any network access and allows only our own script and
style (by hash), so even markup that slipped through could neither run nor load anything.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

from desktopapp.db.repository import EventRepository
from desktopapp.domain import l10n
from desktopapp.domain.date_words import day_of_month
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.l10n import N_, _, ngettext
from desktopapp.domain.links import link_target
from desktopapp.domain.model import Citation, Event, Role, Source
from desktopapp.domain.provenance import UNSOURCED_LINE, claim_heading, shown_links
from desktopapp.domain.quotation import SUPPLIED_TITLE_NOTE, is_supplied_title, quoted
from desktopapp.domain.text import (
    HIDDEN_MARK_NOTE,
    LINE_LIMIT,
    PARAGRAPH_LIMIT,
    event_has_hidden,
    for_display,
)
from desktopapp.export.files import write_text
from desktopapp.export.formats import events_words
from desktopapp.export.provenance import REPORT_TITLE, filter_line, long_date, published_words
from desktopapp.render.marks import LEGEND_STYLES, MarkStyle
from desktopapp.render.palette import type_colour

_EPOCH = dt.date(1970, 1, 1).toordinal()
# Inside <script>, "</script" or "<!--" in the data would end or change the element; in JSON
# these characters only occur inside strings, where a \u escape means the same.
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}
_JSON_ESCAPES |= {"\u2028": "\\u2028", "\u2029": "\\u2029"}
_TO_ESCAPE = re.compile("[<>&\u2028\u2029]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # a str's paired ones are single code points


NEEDS_SCRIPT = N_("This timeline needs JavaScript to show its events.")

# The script's words, given to it with the data (see html_page.js's W()): {fields} are filled
# in by the script, as text.
PAGE_WORDS = {
    "actors": N_("Actors"),
    "types": N_("Event types"),
    "notLinked": N_("{url} (not a web address: not linked)"),
    "unsourced": N_("unsourced"),
    "source": N_("source"),
    "notVerified": N_("Quote not verified: {problem}"),
    "linkWords": N_("{words}: "),
    "dateFromArticle": N_("Date {edtf} from the article: {outlet}"),
    "dateFrom": N_("Date {edtf} from {outlet}"),
    "problem": N_("Problem in the file: {problem}"),
    "noActor": N_("No acting actor"),
    "allEvents": N_("All events"),
    "chartLabel": N_(
        "Timeline of {marks} in {lanes}, from {start} to {end}. "
        "The list below holds the same events."
    ),
    "actingActor": N_("Acting actor"),
    "eventType": N_("Event type"),
    "someOf": N_("{events} of {total}"),
    "made": N_(
        "{filter} · exported {date}. "
        "Every quote is a span of its source; every date says where it comes from."
    ),
    "filters": N_("Filters"),
    "filter": N_("Filter"),
    "zoomOut": N_("Zoom out"),
    "zoomIn": N_("Zoom in"),
    "panLeft": N_("Pan left"),
    "panRight": N_("Pan right"),
    "fit": N_("Fit"),
    "showAll": N_("Show all events"),
    "lanes": N_("Lanes"),
    "byActor": N_("Lanes by acting actor"),
    "byType": N_("Lanes by event type"),
    "oneLane": N_("One lane"),
    "hint": N_(
        "Wheel or +/− to zoom, drag or ←/→ to pan, ↑/↓ or the scroll bar for more lanes, "
        "click a mark to see its event."
    ),
}


def _page_plurals() -> dict[str, dict[str, str]]:
    """The script's counted words, "{n} events", in every form the language has."""
    return {
        "events": plural_forms(lambda n: ngettext("{n} event", "{n} events", n)),
        "marks": plural_forms(lambda n: ngettext("{n} mark", "{n} marks", n)),
        "lanes": plural_forms(lambda n: ngettext("{n} lane", "{n} lanes", n)),
    }


def plural_forms(word: Callable[[int], str]) -> dict[str, str]:
    """A counted word's forms by CLDR category, for the script's ``Intl.PluralRules``: the
    catalogue's form for a count of each category (1, 1,000,000 and 2 stand for "one",
    "many" and "other"; English has no "many": its count falls on "other")."""
    return {
        category: word(count) for category, count in (("one", 1), ("many", 1_000_000), ("other", 2))
    }


def write_html(repository: EventRepository, event_filter: EventFilter, target: Path) -> str:
    """Write the filtered timeline as a self-contained web page; return what was written
    ("web page, 18 events"), as every format's writer does (:mod:`desktopapp.export.formats`)."""
    events = repository.events(event_filter)
    data = page_data(repository, event_filter, events)
    write_text(target, html_page(data))
    return _("web page, {events}").format(events=events_words(len(events)))


def html_page(data: dict[str, Any]) -> str:
    """The whole page for ``data`` (what :func:`page_data` returns)."""
    script = _asset("html_page.js")
    style = _asset("html_page.css")
    policy = (
        "default-src 'none'; "
        f"script-src '{_hash(script)}'; style-src '{_hash(style)}'; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )
    title = _attribute_safe(data["title"])
    data = page_words() | data
    language = _attribute_safe(data["lang"])
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{title}</title>\n<style>{style}</style>\n</head>\n<body>\n"
        f"<noscript><p>{_attribute_safe(_(NEEDS_SCRIPT))}</p></noscript>\n"
        f'<script type="application/json" id="timeline-data">{embedded_json(data)}</script>\n'
        f"<script>{script}</script>\n</body>\n</html>\n"
    )


def page_words() -> dict[str, Any]:
    """The page's own words in the language spoken, for its script: its labels and buttons,
    counted words in every plural form, the months and quotation marks."""
    return {
        "lang": l10n.language(),
        "words": {key: _(words) for key, words in PAGE_WORDS.items()}
        | {
            "quoted": l10n.quoted("{text}"),  # “…” / « … »
            "firstDay": day_of_month(1),  # "1er mars"
        },
        "plurals": _page_plurals(),
        "months": [l10n.month_name(month, abbreviated=True) for month in range(1, 13)],
    }


def embedded_json(data: object) -> str:
    """``data`` as JSON that cannot close or alter the <script> element holding it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = _LONE_SURROGATE.sub("\ufffd", text)
    return _TO_ESCAPE.sub(lambda match: _JSON_ESCAPES[match.group()], text)


def page_data(
    repository: EventRepository, event_filter: EventFilter, events: list[Event]
) -> dict[str, Any]:
    """What the page's script reads: tables of types, actors, sources, citations, then the
    events referring to them by index (a 10,000-event page repeats no source or name).

    Every text a person reads went through :func:`for_display` (bidi controls shown, not
    obeyed; huge texts cut); every link through :func:`link_target` (http(s) only).
    """
    type_labels = {t.slug: t.shown_label for t in repository.event_types}
    tables = _Tables(repository.sources, type_labels)
    records = [tables.event(event) for event in events]
    return {
        "title": _(REPORT_TITLE),
        "filter": _line(filter_line(repository, event_filter, len(events))),
        "made": long_date(dt.date.today()),
        "legend": [_legend_entry(style) for style in LEGEND_STYLES],
        "unsourced": _(UNSOURCED_LINE),
        "notes": tables.notes(),
        "events": records,
        "types": tables.types,
        "actors": tables.actors,
        "sources": tables.source_list,
        "citations": tables.citation_list,
    }


class _Tables:
    """Interns the names, types, sources and citations the events refer to."""

    def __init__(self, sources: tuple[Source, ...], type_labels: dict[str, str]) -> None:
        self._type_labels = type_labels
        self._sources = {source.key: source for source in sources}
        self._type_index: dict[str, int] = {}
        self._actor_index: dict[str, int] = {}
        self._source_index: dict[str, int] = {}
        self._citation_index: dict[Citation, int] = {}
        self.types: list[dict[str, str]] = []
        self.actors: list[str] = []
        self.source_list: list[dict[str, str]] = []
        self.citation_list: list[dict[str, Any]] = []
        self._supplied = False  # a title in [brackets] was seen: say what that means
        self._hidden = False  # a text held an invisible control: say what its mark means

    def notes(self) -> list[str]:
        """What the reader must be told once about marks in the texts shown."""
        return [
            _(note)
            for note, seen in (
                (SUPPLIED_TITLE_NOTE, self._supplied),
                (HIDDEN_MARK_NOTE, self._hidden),
            )
            if seen
        ]

    def event(self, event: Event) -> dict[str, Any]:
        """One event: keys kept short, as a 10,000-event page repeats them 10,000 times."""
        date = event.date
        style = MarkStyle.of_event(event)
        self._hidden |= event_has_hidden(event)
        quotes = [
            [_paragraph(q.text), self._source(q.source_key, q.source_title), q.problem]
            for q in event.quotes
        ]
        return {
            "id": event.id,
            "t": _line(event.title),
            "s": _paragraph(event.summary),
            "y": self._type(event.type.slug, event.type.shown_label),
            "a": sorted({self._actor(a.name) for a in event.actors()}),
            "g": [self._actor(a.name) for a in event.actors(Role.ACTING)],
            "d": _line(date.describe()),
            "e": _line(date.edtf()),
            "b": event.start.toordinal() - _EPOCH,
            "f": event.end.toordinal() - _EPOCH,
            "m": style.shape.value,
            "x": style.approximate,
            "u": style.uncertain,
            "c": self._citation(event.citation),
            "q": quotes,
            # Sourced: backed by a quote (one not verbatim in its source is said so, and
            # makes the event damaged, not unsourced: the app's rule, Event.unsourced).
            "v": not event.unsourced,
            "p": [_paragraph(problem) for problem in event.problems],
            **_imported(event),
        }

    def _type(self, slug: str, label: str) -> int:
        # A child type brings its parents, so the filter can offer "sanction" over its kinds.
        parts = slug.split("/")
        for depth in range(1, len(parts)):
            parent = "/".join(parts[:depth])
            if parent not in self._type_index:
                self._add_type(parent, self._type_labels.get(parent, parent))
        if slug not in self._type_index:
            self._add_type(slug, label)
        else:  # a parent first seen through a child gets its real label now
            self.types[self._type_index[slug]]["label"] = _line(label)
        return self._type_index[slug]

    def _add_type(self, slug: str, label: str) -> None:
        self._type_index[slug] = len(self.types)
        colour = type_colour(slug).name()
        self.types.append({"slug": _line(slug), "label": _line(label), "colour": colour})

    def _actor(self, name: str) -> int:
        if name not in self._actor_index:
            self._actor_index[name] = len(self.actors)
            self.actors.append(_line(name))
        return self._actor_index[name]

    def _source(self, key: str, title: str) -> int:
        if key not in self._source_index:
            self._source_index[key] = len(self.source_list)
            source = self._sources.get(key)
            if source is None:  # a quote naming a source the file lacks: its title alone
                record = {"title": _line(quoted(title or key)), "outlet": "", "published": ""}
                record |= {"url": "", "href": ""}
            else:
                self._supplied |= is_supplied_title(source.title)
                record = {
                    "title": _line(quoted(source.title, source.language)),
                    "outlet": _line(source.outlet),
                    "published": _line(published_words(source)),
                    **_link(source.url),
                }
            self.source_list.append(record)
        return self._source_index[key]

    def _citation(self, citation: Citation) -> int:
        if citation not in self._citation_index:
            self._citation_index[citation] = len(self.citation_list)
            self._supplied |= is_supplied_title(citation.title)
            self.citation_list.append(
                {
                    "outlet": _line(citation.outlet),
                    "title": _line(quoted(citation.title)) if citation.title else "",
                    "published": _line(citation.published),
                    "sentence": _paragraph(citation.quote),
                    "note": _paragraph(citation.note),
                    "article": citation.is_article,
                    **_link(citation.url),
                }
            )
        return self._citation_index[citation]


def _imported(event: Event) -> dict[str, Any]:
    """What an import said of the event (``i``: heading and text) and its links (``l``),
    each key only when there is something (most events have neither)."""
    found: dict[str, Any] = {}
    if event.claim is not None:
        found["i"] = [_line(claim_heading(event.claim)), _paragraph(event.claim.text)]
    links = [
        {"w": shown.words, "k": _line(shown.credit_line), **_link(shown.link.url)}
        for shown in shown_links(event.links)
    ]
    if links:
        found["l"] = links
    return found


def _legend_entry(style: MarkStyle) -> dict[str, Any]:
    return {
        "m": style.shape.value,
        "x": style.approximate,
        "u": style.uncertain,
        "n": style.unsourced,
        "label": style.description,
    }


def _link(url: str) -> dict[str, str]:
    """The address as shown (``url``) and, if it is a safe http(s) one, as linked (``href``:
    left out when it is the address as shown, the common case; empty when not linkable)."""
    shown, target = _line(url), link_target(url) or ""
    return {"url": shown} if target == shown else {"url": shown, "href": target}


def _line(text: str) -> str:
    return for_display(text, LINE_LIMIT, say_cut=True)


def _paragraph(text: str) -> str:
    return for_display(text, PARAGRAPH_LIMIT, say_cut=True)


def _attribute_safe(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def _asset(name: str) -> str:
    return resources.files("desktopapp.export").joinpath(name).read_text(encoding="utf-8")
