"""The one registry of export formats: the command line, ``run_exports`` and the window's
File menu are all built from it, so adding a format is one module plus one :func:`register`.

A format's writer has one signature, ``(repository, event_filter, target, options) ->
summary``: it writes ``target`` all or nothing (through :mod:`desktopapp.export.files`) and
returns what the user is told in brackets after "Wrote FILE" ("3 events", "2 pages, 3
events"). Writers import their own modules when called, so listing the formats (``--help``)
imports no Qt and no format module.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from desktopapp.domain import l10n
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.grouping import Grouping
from desktopapp.domain.l10n import N_, _, ngettext

if TYPE_CHECKING:  # listing the formats (for --help) needs no database code
    from desktopapp.db.repository import EventRepository
    from desktopapp.domain.model import Event

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ExportOptions:
    """What a writer may use besides the events: PDF page setup, the chart's lanes, and the
    window's progress dialog (``None`` on the command line)."""

    page_size: str = "A4"
    orientation: str = "landscape"
    grouping: Grouping = Grouping.ACTOR
    progress: Progress | None = None
    cancelled: Callable[[], bool] | None = None


Writer = Callable[["EventRepository", EventFilter, Path, ExportOptions], str]


@dataclass(frozen=True)
class ExportFormat:
    """One way of writing the timeline to a file. Its words are English, marked for the
    catalogue (``N_``); the properties below give them in the reader's language."""

    id: str  # the command line's --ID; lower case, words joined by "-"
    label: str  # what the window calls it: "Export events as CSV…" (the save dialog's title)
    suffix: str  # the file name's ending, without the dot
    file_filter: str  # the save dialog's filter, "CSV files (*.csv)"
    help: str  # the command line's help for --ID
    needs_qt: bool  # True: painted with Qt (an application object must exist)
    writer: Writer = field(compare=False)
    in_menu: bool = True  # False: the window offers it its own way (the PDF's page setup)
    menu: str = ""  # its entry in File › Export, "Events as CSV…"

    @property
    def title(self) -> str:
        """The label in the reader's language: "Exporter les événements en CSV…"."""
        return _(self.label)

    @property
    def menu_text(self) -> str:
        """Its entry in File › Export in the reader's language, "Events as CSV…"."""
        return _(self.menu)

    @property
    def filter_text(self) -> str:
        """The save dialog's filter in the reader's language, "Fichiers CSV (*.csv)"."""
        return _(self.file_filter)

    @property
    def help_text(self) -> str:
        return _(self.help)

    @property
    def flag(self) -> str:
        return f"--{self.id}"

    @property
    def dest(self) -> str:
        """The argparse attribute of the flag."""
        return self.id.replace("-", "_")


FORMATS: dict[str, ExportFormat] = {}


def register(export_format: ExportFormat) -> ExportFormat:
    """Add a format (in the order of the menu and of ``run_exports``); ids are unique."""
    if export_format.id in FORMATS:
        raise ValueError(f"export format {export_format.id!r} is registered twice")
    FORMATS[export_format.id] = export_format
    return export_format


def events_words(count: int) -> str:
    """ "1 event", "1,234 events" / "1 événement", "1 234 événements"."""
    return ngettext("{n} event", "{n} events", count).format(n=l10n.number(count))


def _semicolon() -> str:
    """The separator of a report's parts: "; " / " ; " (French: narrow no-break space)."""
    return _("; ")


def pages_words(count: int) -> str:
    return ngettext("{n} page", "{n} pages", count).format(n=l10n.number(count))


# -- the formats -------------------------------------------------------------------------


def _write_pdf(
    repository: EventRepository, event_filter: EventFilter, target: Path, options: ExportOptions
) -> str:
    from desktopapp.export.pdf import export_pdf

    pages = export_pdf(
        repository,
        event_filter,
        target,
        page_size=options.page_size,
        orientation=options.orientation,
        grouping=options.grouping,
        progress=options.progress,
        cancelled=options.cancelled,
    )
    return f"{pages_words(pages)}, {events_words(repository.count(event_filter))}"


def _write_csv(
    repository: EventRepository, event_filter: EventFilter, target: Path, options: ExportOptions
) -> str:
    from desktopapp.export.records import events_csv_lines

    count = _Count()
    events = events_in_pages(repository, event_filter, options, count)
    _write_chunks(target, events_csv_lines(events))
    return events_words(count.events)


def _write_json(
    repository: EventRepository, event_filter: EventFilter, target: Path, options: ExportOptions
) -> str:
    from desktopapp.export.records import RecordContext, events_json_chunks

    count = _Count()
    events = events_in_pages(repository, event_filter, options, count)
    _write_chunks(target, events_json_chunks(events, RecordContext(repository)))
    return events_words(count.events)


def _write_png(
    repository: EventRepository, event_filter: EventFilter, target: Path, options: ExportOptions
) -> str:
    from desktopapp.export.images import export_png

    width, height = export_png(repository, event_filter, target, grouping=options.grouping)
    return _("chart, {width}×{height} pixels").format(width=width, height=height)


def _write_svg(
    repository: EventRepository, event_filter: EventFilter, target: Path, options: ExportOptions
) -> str:
    from desktopapp.export.images import export_svg

    export_svg(repository, event_filter, target, grouping=options.grouping)
    return _("chart, vector drawing")


def _write_annotations(
    repository: EventRepository, event_filter: EventFilter, target: Path, options: ExportOptions
) -> str:
    from desktopapp.export.annotations_toml import export_annotations

    count = export_annotations(
        repository, target, event_filter, progress=options.progress, cancelled=options.cancelled
    )
    return _("{events}; each source's text in a .txt file beside it").format(
        events=events_words(count)
    )


register(
    ExportFormat(
        "pdf",
        N_("Export PDF…"),
        "pdf",
        N_("PDF documents (*.pdf)"),
        N_("a PDF report"),
        True,
        _write_pdf,
        in_menu=False,
        menu=N_("PDF…"),
    )
)
register(
    ExportFormat(
        "csv",
        N_("Export events as CSV…"),
        "csv",
        N_("CSV files (*.csv)"),
        N_("the events as CSV"),
        False,
        _write_csv,
        menu=N_("Events as CSV…"),
    )
)
register(
    ExportFormat(
        "json",
        N_("Export events as JSON…"),
        "json",
        N_("JSON files (*.json)"),
        N_("the events as JSON"),
        False,
        _write_json,
        menu=N_("Events as JSON…"),
    )
)
register(
    ExportFormat(
        "png",
        N_("Export chart as PNG…"),
        "png",
        N_("PNG images (*.png)"),
        N_("the chart as a PNG image"),
        True,
        _write_png,
        menu=N_("Chart as PNG…"),
    )
)
register(
    ExportFormat(
        "svg",
        N_("Export chart as SVG…"),
        "svg",
        N_("SVG drawings (*.svg)"),
        N_("the chart as an SVG drawing"),
        True,
        _write_svg,
        menu=N_("Chart as SVG…"),
    )
)
register(
    ExportFormat(
        "annotations",
        N_("Export annotations (TOML)…"),
        "toml",
        N_("Annotation files (*.toml)"),
        N_(
            "the timeline in the annotation format (TOML) that build-db reads, each source's text "
            "in a .txt file beside it"
        ),
        False,
        _write_annotations,
        menu=N_("Annotations (TOML)…"),
    )
)


def _type_labels(repository: EventRepository) -> dict[str, str]:
    return {event_type.slug: event_type.label for event_type in repository.event_types}


def _timeline_name(repository: EventRepository) -> str:
    """The name other programs show for the timeline: its source's title when it has one."""
    sources = repository.sources
    return sources[0].title if len(sources) == 1 and sources[0].title else _("Timeline")


# The interchange formats are written as they are read, a thousand events at a time, so a
# large timeline never sits in memory whole (100,000 events: about 1.5 GB when it did).
_CHUNK = 1_000


@dataclass
class _Count:
    events: int = 0


def events_in_pages(
    repository: EventRepository,
    event_filter: EventFilter,
    options: ExportOptions,
    count: _Count | None = None,
) -> Iterator[Event]:
    """The filtered events in date order, read a chunk at a time; progress told and cancel
    asked after each chunk (a cancel raises ExportCancelled: nothing is written).

    Each chunk is a keyset page of the list (a seek on the date order, never an OFFSET), so
    neither the events nor their rows are ever all in memory."""
    from desktopapp.export.files import ExportCancelled

    total = repository.count(event_filter) if options.progress is not None else 0
    done, key = 0, None
    while True:
        if options.cancelled is not None and options.cancelled():
            raise ExportCancelled()
        page = repository.list_page(event_filter, limit=_CHUNK, key=key)
        for event in repository.events_by_id([row.id for row in page.rows]):
            if count is not None:
                count.events += 1
            yield event
        done, key = done + len(page.rows), page.last_key
        if options.progress is not None and page.rows:
            options.progress(done, max(total, done))
        if len(page.rows) < _CHUNK:
            return


def _write_chunks(target: Path, chunks: Iterable[str | bytes]) -> None:
    """Write the chunks to ``target`` as they come, all or nothing (export/files.py)."""
    from desktopapp.export.files import atomic_path

    with atomic_path(target) as temporary, open(temporary, "wb") as stream:
        for chunk in chunks:
            stream.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)


def _write_timelinejs(
    repository: EventRepository, event_filter: EventFilter, target: Path, options: ExportOptions
) -> str:
    from desktopapp.export.timelinejs import timelinejs_json_chunks

    count = _Count()
    events = events_in_pages(repository, event_filter, options, count)
    labels, title = _type_labels(repository), _timeline_name(repository)
    _write_chunks(target, timelinejs_json_chunks(events, options.grouping, labels, title))
    return events_words(count.events)


def _write_timelinejs_csv(
    repository: EventRepository, event_filter: EventFilter, target: Path, options: ExportOptions
) -> str:
    from desktopapp.export.timelinejs import timelinejs_csv_lines

    count = _Count()
    events = events_in_pages(repository, event_filter, options, count)
    _write_chunks(target, timelinejs_csv_lines(events, options.grouping, _type_labels(repository)))
    return events_words(count.events)


def _write_ics(
    repository: EventRepository, event_filter: EventFilter, target: Path, options: ExportOptions
) -> str:
    from desktopapp.export.ics import calendar_chunks, shown_exactly

    count, placed = _Count(), 0

    def counted(events: Iterator[Event]) -> Iterator[Event]:
        nonlocal placed
        for event in events:
            placed += not shown_exactly(event.date)  # a calendar cannot show it as it is
            yield event

    events = counted(events_in_pages(repository, event_filter, options, count))
    _write_chunks(target, calendar_chunks(events, repository.meta, _timeline_name(repository)))
    placed_words = ngettext(
        "{n} placed at the first day or time its date allows",
        "{n} placed at the first day or time their date allows",
        placed,
    ).format(n=l10n.number(placed))
    return _semicolon().join((events_words(count.events), placed_words))


def _write_annotations_jsonld(
    repository: EventRepository, event_filter: EventFilter, target: Path, options: ExportOptions
) -> str:
    from desktopapp.export.web_annotations import (
        AnnotatedSource,
        Tally,
        jsonld_chunks,
        quote_annotations,
        source_iri,
    )

    sources = {
        source.key: AnnotatedSource(source_iri(source), repository.source_text(source.key))
        for source in repository.sources
    }
    tally = Tally()
    items = quote_annotations(events_in_pages(repository, event_filter, options), sources, tally)
    _write_chunks(target, jsonld_chunks(items, _timeline_name(repository)))
    summary = ngettext("{n} quote", "{n} quotes", tally.written)
    parts = [summary.format(n=l10n.number(tally.written))]
    if tally.left_out:
        left_out = ngettext(
            "{n} not verified against its source, left out",
            "{n} not verified against their sources, left out",
            tally.left_out,
        )
        parts.append(left_out.format(n=l10n.number(tally.left_out)))
    if tally.unsourced:
        unsourced = ngettext(
            "{n} unsourced event (no quote): no annotation",
            "{n} unsourced events (no quote): no annotation",
            tally.unsourced,
        )
        parts.append(unsourced.format(n=l10n.number(tally.unsourced)))
    return _semicolon().join(parts)


register(
    ExportFormat(
        "timelinejs",
        N_("Export TimelineJS JSON…"),
        "json",
        N_("TimelineJS JSON (*.json)"),
        N_("the events as TimelineJS 3 JSON"),
        False,
        _write_timelinejs,
        menu=N_("TimelineJS JSON…"),
    )
)
register(
    ExportFormat(
        "timelinejs-csv",
        N_("Export TimelineJS spreadsheet (CSV)…"),
        "csv",
        N_("CSV files (*.csv)"),
        N_("the events in the columns of TimelineJS's spreadsheet template"),
        False,
        _write_timelinejs_csv,
        menu=N_("TimelineJS spreadsheet (CSV)…"),
    )
)
register(
    ExportFormat(
        "ics",
        N_("Export calendar (iCalendar)…"),
        "ics",
        N_("iCalendar files (*.ics)"),
        N_(
            "the events as an iCalendar file (RFC 5545); a date without an exact day is put on "
            "its first possible day, a time of day at its time, and says so"
        ),
        False,
        _write_ics,
        menu=N_("Calendar (iCalendar)…"),
    )
)
register(
    ExportFormat(
        "annotations-jsonld",
        N_("Export quotes as web annotations (JSON-LD)…"),
        "jsonld",
        N_("JSON-LD files (*.jsonld)"),
        N_("every quote as a W3C Web Annotation (JSON-LD) on its source"),
        False,
        _write_annotations_jsonld,
        menu=N_("Quotes as web annotations (JSON-LD)…"),
    )
)


def _write_html(
    repository: EventRepository, event_filter: EventFilter, target: Path, options: ExportOptions
) -> str:
    from desktopapp.export.html_page import write_html

    return write_html(repository, event_filter, target)


register(
    ExportFormat(
        "html",
        N_("Export web page (HTML)…"),
        "html",
        N_("Web pages (*.html *.htm)"),
        N_(
            "a self-contained web page to publish: timeline, filters, list, quotes and citations; "
            "works offline, makes no network request"
        ),
        False,
        _write_html,
        menu=N_("Web page (HTML)…"),
    )
)
