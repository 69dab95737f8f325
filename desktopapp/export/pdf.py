"""The PDF report (and the printed one): header, vector chart, events, sources, page numbers.

One routine, :func:`render_report`, paints the report on any ``QPagedPaintDevice``: a
``QPdfWriter`` for the PDF export, a ``QPrinter`` for printing and print preview. Only QtGui is
used, so a PDF can be written headless with a ``QGuiApplication``.

Text is laid out with ``QTextDocument`` built through ``QTextCursor`` (never from HTML, so text
from the database can never turn into markup), which keeps it real, selectable text in the
PDF with the fonts embedded, and turns source URLs into clickable link annotations.

Pagination runs twice over the same blocks: a first pass measures every block and decides
where pages break (so "Page X of Y" is known), the second paints. Blocks are rebuilt rather
than kept between passes so that memory stays flat for a 10,000-event report. A block that
fits on a page is never split; a taller one splits only between two lines of text.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextCharFormat,
)

from desktopapp import __version__
from desktopapp.db.repository import EventRepository
from desktopapp.domain.dates import Precision
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.grouping import Grouping
from desktopapp.domain.model import NOT_VERIFIED, Citation, Event, Source
from desktopapp.domain.provenance import UNSOURCED_LINE, claim_heading, shown_links, source_names
from desktopapp.domain.quotation import SUPPLIED_TITLE_NOTE, is_supplied_title, quoted
from desktopapp.domain.text import HIDDEN_MARK_NOTE, LINE_LIMIT, event_has_hidden, for_display
from desktopapp.export.files import ExportCancelled, ExportError, atomic_path
from desktopapp.export.paging import Block, LaidOut, Page, Placement, paginate
from desktopapp.export.pdfinfo import add_document_info
from desktopapp.export.provenance import REPORT_TITLE, filter_line, long_date, published_words
from desktopapp.export.qtfile import checked_qfile
from desktopapp.export.textframe import LineBox, TextFrame, TextStyles
from desktopapp.render.chart import (
    Chart,
    build_chart,
    chart_height,
    natural_header_width,
    paint_chart,
)
from desktopapp.render.marks import MarkShape, MarkStyle, glyph_font, paint_mark
from desktopapp.render.palette import type_colour

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
ORIENTATIONS = {
    "landscape": QPageLayout.Orientation.Landscape,
    "portrait": QPageLayout.Orientation.Portrait,
}
MARGINS_MM = QMarginsF(16, 14, 16, 12)
PDF_RESOLUTION = 600

SANS = "DejaVu Sans"
SERIF = "DejaVu Serif"
MONO = "DejaVu Sans Mono"

INK = QColor("#1d232b")
MUTED = QColor("#5b6673")
FAINT = QColor("#c9d0d8")
ACCENT = QColor("#1f5f99")
QUOTE_INK = QColor("#2a3440")
QUOTE_BAR = QColor("#8fb3d6")
LINK = QColor("#1f5f99")
DAMAGED = QColor("#a3261b")  # what a damaged file says about an event
UNSOURCED_INK = QColor("#9a3412")  # an event no quote backs yet (the web page's colour too)

NBSP = "\u00a0"


# -- what the report says ---------------------------------------------------------------------


@dataclass(frozen=True)
class Report:
    """Everything printed, gathered from the repository once, before any painting."""

    title: str
    filter_text: str
    source: Source | None
    exported: date
    events: tuple[Event, ...]
    total: int
    grouping: Grouping
    event_filter: EventFilter
    citations: tuple[Citation, ...] = ()
    citation_numbers: dict[Citation, int] = field(default_factory=dict)
    # Every source the events quote, in the order first quoted (the article, then reports).
    quoted_sources: tuple[Source, ...] = ()

    @cached_property
    def source_names(self) -> dict[str, str]:
        """What each quote's source is called beside it: see :func:`source_names`."""
        return source_names(self.quoted_sources)

    @cached_property
    def sources_by_key(self) -> dict[str, Source]:
        return {source.key: source for source in self.quoted_sources}

    @property
    def lists_quoted_sources(self) -> bool:
        """Whether the report needs its list of quoted sources: the header names only the
        article, so the list is there as soon as anything else is quoted."""
        return any(source != self.source for source in self.quoted_sources)

    @property
    def subject(self) -> str:
        if self.source is None:
            return "Events reported in the news"
        return f"Events reported by {self.source.outlet}: {self.source.title}"

    @property
    def keywords(self) -> str:
        names: dict[str, None] = {}
        for event in self.events[:200]:
            for actor in event.actors():
                names.setdefault(actor.name, None)
        return ", ".join(["timeline", *list(names)[:40]])


def collect_report(
    repository: EventRepository, event_filter: EventFilter, grouping: Grouping
) -> Report:
    """Read what the report shows (raises FilterError for an unknown actor or type)."""
    repository.validate(event_filter)
    events = tuple(repository.events(event_filter))
    total = repository.total
    numbers: dict[Citation, int] = {}
    for event in events:
        numbers.setdefault(event.citation, len(numbers) + 1)
    stored = {source.key: source for source in repository.sources}
    quoted_keys = dict.fromkeys(q.source_key for event in events for q in event.quotes)
    return Report(
        title=REPORT_TITLE,
        filter_text=filter_line(repository, event_filter, len(events)),
        source=repository.sources[0] if repository.sources else None,
        exported=date.today(),
        events=events,
        total=total,
        grouping=grouping,
        event_filter=event_filter,
        citations=tuple(numbers),
        citation_numbers=numbers,
        quoted_sources=tuple(stored[key] for key in quoted_keys if key in stored),
    )


# -- public entry points -----------------------------------------------------------------------


def configure_page(
    device: QPagedPaintDevice, page_size: str = "A4", orientation: str = "landscape"
) -> None:
    """Page size, orientation and margins shared by the PDF writer and printers."""
    if page_size not in PAGE_SIZES:
        raise ExportError(f"unknown page size {page_size!r}; use A4 or Letter")
    if orientation not in ORIENTATIONS:
        raise ExportError(f"unknown orientation {orientation!r}; use landscape or portrait")
    layout = QPageLayout(
        QPageSize(PAGE_SIZES[page_size]),
        ORIENTATIONS[orientation],
        MARGINS_MM,
        QPageLayout.Unit.Millimeter,
    )
    device.setPageLayout(layout)


def export_pdf(
    repository: EventRepository,
    event_filter: EventFilter,
    target: Path,
    *,
    page_size: str = "A4",
    orientation: str = "landscape",
    grouping: Grouping = Grouping.ACTOR,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """Write the filtered timeline as a PDF report at ``target``; return its page count.

    The file appears only when complete: a failure or a cancel leaves no partial file and an
    existing ``target`` untouched.
    """
    report = collect_report(repository, event_filter, grouping)
    with atomic_path(Path(target), suffix=".pdf") as temporary:
        pages = _write_pdf(
            temporary, repository, report, page_size, orientation, progress, cancelled
        )
        add_document_info(temporary, subject=report.subject, keywords=report.keywords)
    return pages


def print_report(
    printer: QPagedPaintDevice,
    repository: EventRepository,
    event_filter: EventFilter,
    *,
    grouping: Grouping = Grouping.ACTOR,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    abort: Callable[[], object] | None = None,
) -> int:
    """Paint the same report on a printer (or a print preview); return its page count.

    Pages are laid out for the printer's own page layout (size, orientation and margins as
    chosen in the print dialog). On cancel, ``abort`` (``QPrinter.abort``) is called before
    the painter ends, so a half-painted job is dropped rather than printed.
    """
    report = collect_report(repository, event_filter, grouping)
    painter = QPainter()
    if not painter.begin(printer):
        raise ExportError("the printer could not be started")
    try:
        return render_report(painter, printer, repository, report, progress, cancelled)
    except ExportCancelled:
        if abort is not None:
            abort()
        raise
    finally:
        painter.end()


def _write_pdf(
    path: Path,
    repository: EventRepository,
    report: Report,
    page_size: str,
    orientation: str,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> int:
    with checked_qfile(path) as device:  # QPdfWriter itself does not report failed writes
        writer = QPdfWriter(device)
        writer.setResolution(PDF_RESOLUTION)
        writer.setTitle(for_display(f"{report.title} — {report.filter_text}", LINE_LIMIT))
        writer.setCreator(f"desktopapp {__version__}")
        writer.setAuthor("desktopapp")
        configure_page(writer, page_size, orientation)
        painter = QPainter()
        if not painter.begin(writer):
            raise ExportError(f"cannot write {path.name}: the PDF could not be started")
        try:
            return render_report(painter, writer, repository, report, progress, cancelled)
        finally:
            # Ending the painter writes the PDF trailer, also after an error (the temporary
            # file is then removed by atomic_path).
            painter.end()
            del writer


@contextmanager
def saved(painter: QPainter) -> Iterator[QPainter]:
    """painter.save() ... restore(), also when painting fails half-way."""
    painter.save()
    try:
        yield painter
    finally:
        painter.restore()


# -- the routine shared by PDF, print and preview ---------------------------------------------


def render_report(
    painter: QPainter,
    device: QPagedPaintDevice,
    repository: EventRepository,
    report: Report,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """Lay out and paint the whole report on ``device``; return the number of pages.

    The page size, orientation and margins are the device's own (a printer's come from the
    print dialog). Two passes: the first measures every block and keeps only heights and
    break points (so "Page X of Y" is known before page 1 is painted), the second lays each
    block out again and paints it. Keeping the laid-out text between passes would cost
    ~35 KB per event; laying it out twice costs about a second per 1,000 events.
    """
    page = _page_geometry(device)
    styles = Styles(device, page)
    blocks = _blocks(report, repository, styles)
    total_steps = 2 * len(blocks)
    step = 0

    def tick() -> None:
        nonlocal step
        if cancelled is not None and cancelled():
            raise ExportCancelled()
        step += 1
        if progress is not None:
            progress(step, total_steps)

    plan, rooms = paginate(blocks, page, tick)
    pages = 1 + max((p.page for placements in plan for p in placements), default=0)
    on_page: list[list[tuple[int, Placement]]] = [[] for _ in range(pages)]
    for number, placements in enumerate(plan):
        for placement in placements:
            on_page[placement.page].append((number, placement))
    footer = Footer(styles, report)
    # A block split over several pages is kept until its last part is painted.
    laid_out: dict[int, LaidOut] = {}
    for index, items in enumerate(on_page):
        if index > 0 and not device.newPage():
            raise ExportError("the output could not start a new page (disk full?)")
        for number, placement in sorted(items, key=lambda item: item[1].y):
            laid = laid_out.get(number)
            if laid is None:
                tick()
                laid = laid_out[number] = blocks[number].lay_out(rooms[number])
            laid.paint(painter, placement.y, placement.start, placement.end)
            if placement is plan[number][-1]:
                del laid_out[number]
        footer.paint(painter, index + 1, pages)
    return pages


def _page_geometry(device: QPagedPaintDevice) -> Page:
    dpi = float(device.logicalDpiY())
    rect = device.pageLayout().paintRectPixels(round(dpi))
    footer = 12.0 * dpi / 72.0 + 8.0 * dpi / 72.0
    return Page(float(rect.width()), float(rect.height()), float(rect.height()) - footer, dpi)


# -- styles and text ---------------------------------------------------------------------------


class Styles(TextStyles):
    """Fonts and formats at the device's resolution, each made once."""

    def __init__(self, device: QPagedPaintDevice, page: Page) -> None:
        super().__init__(device, page.dpi, LINK)
        self.page = page
        mark_font = QFont(SANS)
        mark_font.setPixelSize(9)
        self.mark_glyphs = glyph_font(mark_font)

    def chars(
        self,
        family: str = SERIF,
        points: float = 9.5,
        *,
        bold: bool = False,
        italic: bool = False,
        color: QColor = INK,
    ) -> QTextCharFormat:
        return super().chars(family, points, bold=bold, italic=italic, color=color)

    def document(self, width: float) -> TextFrame:
        return TextFrame(self, width)


def _breaks(lines: Sequence[LineBox], first: int, offset: float = 0.0) -> list[float]:
    """Cuts allowed before line ``first`` or later, never leaving a lone last line."""
    return [box.top + offset for box in lines[first : len(lines) - 1]]


@dataclass
class DocumentLaidOut:
    """A single text frame as a block; it may be cut with two lines or more on each side."""

    frame: TextFrame
    x: float
    splittable: bool = True
    height: float = 0.0
    breaks: Sequence[float] = ()

    def __post_init__(self) -> None:
        self.height = self.frame.height
        self.breaks = _breaks(self.frame.line_boxes(), 2) if self.splittable else []

    def paint(self, painter: QPainter, top: float, start: float, end: float) -> None:
        self.frame.paint(painter, self.x, top, start, end)


@dataclass
class TextBlock:
    """A block made of one text frame built on demand; one no taller than ``whole_below``
    is never cut."""

    build: Callable[[], TextFrame]
    keep_with_next: bool = False
    space_before: float = 0.0
    floats: bool = False
    splittable: bool = True
    whole_below: float = 0.0

    def lay_out(self, room: float) -> LaidOut:
        frame = self.build()
        return DocumentLaidOut(frame, 0.0, self.splittable and frame.height > self.whole_below)


# -- the blocks of the report ------------------------------------------------------------------


def _blocks(report: Report, repository: EventRepository, styles: Styles) -> list[Block]:
    page = styles.page
    blocks: list[Block] = [TextBlock(lambda: _header(report, styles), splittable=False)]
    if report.events:
        blocks.append(ChartBlock(repository, report, styles, space_before=page.pt(10)))
        blocks.append(
            TextBlock(
                lambda: _heading(styles, f"Events ({len(report.events)}, in date order)"),
                keep_with_next=True,
                space_before=page.pt(14),
                splittable=False,
            )
        )
        blocks.extend(
            EventBlock(event, report, styles, space_before=page.pt(7)) for event in report.events
        )
        if report.lists_quoted_sources:
            blocks.extend(_quoted_source_blocks(report, styles))
        blocks.append(
            TextBlock(
                lambda: _sources_heading(report, styles),
                keep_with_next=True,
                space_before=page.pt(16),
                splittable=False,
            )
        )
        blocks.extend(
            TextBlock(
                _source_entry(styles, number, citation),
                space_before=page.pt(5),
                # A reference is read as one piece: cut only one longer than a third of a
                # page, never leaving a page with the tail of one reference alone.
                whole_below=page.body_height / 3,
            )
            for number, citation in enumerate(report.citations, start=1)
        )
    else:
        blocks.append(TextBlock(lambda: _nothing_matches(report, styles), space_before=page.pt(24)))
    return blocks


def _header(report: Report, styles: Styles) -> TextFrame:
    rich = styles.document(styles.page.width)
    rich.paragraph(after=4, line_height=100).text(report.title, styles.chars(SANS, 20, bold=True))
    rich.paragraph(after=9).text(report.filter_text, styles.chars(SANS, 11, color=ACCENT))
    label = styles.chars(SANS, 8.5, bold=True, color=MUTED)
    value = styles.chars(SERIF, 9)
    if report.source is not None:
        source = report.source
        rich.paragraph(after=3, line_height=125).text("Source article  ", label)
        rich.text(f"{source.outlet}, {quoted(source.title, source.language)}, ", value)
        if source.url:
            rich.link(source.url, source.url, styles.chars(SERIF, 9)).text(", ", value)
        rich.text(published_words(source), value)
        if is_supplied_title(source.title):
            rich.paragraph(after=3).text(SUPPLIED_TITLE_NOTE, styles.chars(SANS, 7.5, color=MUTED))
    grouped = {
        Grouping.ACTOR: "lanes by acting actor",
        Grouping.TYPE: "lanes by event type",
        Grouping.NONE: "a single lane",
    }[report.grouping]
    rich.paragraph(after=0).text("Exported  ", label)
    rich.text(
        f"{long_date(report.exported)} with desktopapp {__version__}; chart with {grouped}",
        styles.chars(SANS, 8.5, color=MUTED),
    )
    if any(event_has_hidden(event) for event in report.events):
        rich.paragraph(before=3).text(f"{HIDDEN_MARK_NOTE}.", styles.chars(SANS, 8.5, color=MUTED))
    return rich


def _heading(styles: Styles, text: str) -> TextFrame:
    rich = styles.document(styles.page.width)
    rich.paragraph(after=3).text(text, styles.chars(SANS, 12.5, bold=True, color=INK))
    return rich


def _quoted_source_blocks(report: Report, styles: Styles) -> list[Block]:
    """ "Sources quoted": each source a quote of the report comes from."""
    page = styles.page
    heading = TextBlock(
        lambda: _titled_heading(styles, "Sources quoted", [s.title for s in report.quoted_sources]),
        keep_with_next=True,
        space_before=page.pt(16),
        splittable=False,
    )
    entries = [
        TextBlock(
            _quoted_source_entry(styles, source),
            space_before=page.pt(5),
            whole_below=page.body_height / 3,
        )
        for source in report.quoted_sources
    ]
    return [heading, *entries]


def _quoted_source_entry(styles: Styles, source: Source) -> Callable[[], TextFrame]:
    """A quoted source as the quotes name it (outlet, then title), with its author, when,
    where and the note that says what of it was stored."""

    def build() -> TextFrame:
        rich = styles.document(styles.page.width)
        small = styles.chars(SERIF, 8.5)
        title = quoted(source.title, source.language) if source.title else ""
        rich.paragraph(indent=SOURCE_INDENT_PT, line_height=115)
        rich.text(source.outlet or title or source.key, styles.chars(SERIF, 8.5, bold=True))
        rest = [source.author, title if source.outlet else "", source.published_text()]
        rich.text("".join(f", {part}" for part in rest if part), small)
        if source.url:
            rich.text(", ", small).link(source.url, source.url, small)
        if source.published_note:
            rich.paragraph(indent=SOURCE_INDENT_PT, line_height=115)
            rich.text("Note: ", styles.chars(SANS, 7.5, color=MUTED))
            rich.text(source.published_note, styles.chars(SERIF, 8, color=QUOTE_INK))
        return rich

    return build


def _sources_heading(report: Report, styles: Styles) -> TextFrame:
    """The heading of the references, with what a bracketed title means said once, at the
    first list of references that has one, rather than inside every reference."""
    quoted_titles = [source.title for source in report.quoted_sources]
    said_above = report.lists_quoted_sources and _has_supplied_title(quoted_titles)
    titles = [] if said_above else [citation.title for citation in report.citations]
    return _titled_heading(styles, "Sources of the dates", titles)


def _has_supplied_title(titles: Iterable[str]) -> bool:
    return any(is_supplied_title(title) for title in titles)


def _titled_heading(styles: Styles, text: str, titles: Iterable[str]) -> TextFrame:
    """A heading over references, saying what a bracketed title means if one has it."""
    rich = _heading(styles, text)
    if _has_supplied_title(titles):
        rich.paragraph(after=3).text(SUPPLIED_TITLE_NOTE, styles.chars(SANS, 7.5, color=MUTED))
    return rich


def _nothing_matches(report: Report, styles: Styles) -> TextFrame:
    rich = styles.document(styles.page.width)
    rich.paragraph(after=4).text(
        "No event matches this filter.", styles.chars(SANS, 14, bold=True, color=ACCENT)
    )
    rich.paragraph().text(
        f"None of the {report.total} events in the database matches "
        f"{report.event_filter.describe()}. Widen the filter and export again.",
        styles.chars(SERIF, 10),
    )
    return rich


SOURCE_INDENT_PT = 22.0


def _source_entry(styles: Styles, number: int, citation: Citation) -> Callable[[], TextFrame]:
    def build() -> TextFrame:
        rich = styles.document(styles.page.width)
        small = styles.chars(SERIF, 8.5)
        muted = styles.chars(SANS, 7.5, color=MUTED)
        marker = (f"[{number}]", styles.chars(SANS, 8.5, bold=True, color=ACCENT))
        rich.paragraph(indent=SOURCE_INDENT_PT, line_height=115, marker=marker)
        rich.text(citation.outlet or "Unnamed source", styles.chars(SERIF, 8.5, bold=True))
        if citation.is_article:
            rich.text(" (the source article itself)", small)
        if citation.title:
            rich.text(f", {quoted(citation.title)}", small)
        if citation.published:
            rich.text(f", {citation.published}", small)
        if citation.url:
            rich.text(", ", small).link(citation.url, citation.url, small)
        if citation.quote:
            rich.paragraph(indent=SOURCE_INDENT_PT, line_height=115)
            rich.text("Dating sentence: ", muted)
            # The dating sentence is in the report's language (mostly English): “ ”, as in
            # the window; the article's own words keep the marks of its language.
            rich.text(quoted(citation.quote), styles.chars(SERIF, 8.5, italic=True))
        if citation.note:
            rich.paragraph(indent=SOURCE_INDENT_PT, line_height=115).text("Note: ", muted)
            rich.text(citation.note, styles.chars(SERIF, 8, color=QUOTE_INK))
        return rich

    return build


DATE_COLUMN_PT = 128.0
MARK_COLUMN_PT = 24.0
GUTTER_PT = 14.0
BODY_LINES_BEFORE_A_BREAK = 3  # an event cut at a page end shows title, meta and 3 lines


@dataclass
class EventBlock:
    """One event: a date column (with a precision mark) beside its title, summary and quotes."""

    event: Event
    report: Report
    styles: Styles
    space_before: float = 0.0
    keep_with_next: bool = False
    floats: bool = False

    def lay_out(self, room: float) -> LaidOut:
        page = self.styles.page
        date_width = page.pt(DATE_COLUMN_PT)
        body_x = date_width + page.pt(GUTTER_PT)
        return EventLaidOut(
            self.styles,
            self._date_column(date_width),
            self._body(page.width - body_x),
            body_x,
            self.event,
        )

    def _date_column(self, width: float) -> TextFrame:
        styles, event = self.styles, self.event
        rich = styles.document(width - styles.page.pt(MARK_COLUMN_PT))
        rich.paragraph(line_height=110).text(
            _date_words(event), styles.chars(SANS, 9, bold=True, color=INK)
        )
        rich.paragraph(before=1.5, line_height=110).text(
            _precision_words(event), styles.chars(SANS, 7.5, color=MUTED)
        )
        rich.paragraph(line_height=110).text(event.date.edtf(), styles.chars(MONO, 7, color=MUTED))
        number = self.report.citation_numbers.get(event.citation)
        if number is not None:
            rich.paragraph(before=1.5, line_height=110).text(
                f"Date source [{number}]", styles.chars(SANS, 7.5, color=ACCENT)
            )
        return rich

    def _body(self, width: float) -> TextFrame:
        styles, event = self.styles, self.event
        rich = styles.document(width)
        rich.paragraph(after=1.5, line_height=112).text(
            for_display(event.title, LINE_LIMIT, say_cut=True), styles.chars(SANS, 10.5, bold=True)
        )
        meta = styles.chars(SANS, 8, color=MUTED)
        rich.paragraph(after=3).text(
            event.type.label, styles.chars(SANS, 8, bold=True, color=ACCENT)
        )
        people = " · ".join(f"{p.actor.name}{NBSP}({p.role.value})" for p in event.participants)
        if people:
            rich.text(f"   {people}", meta)
        for problem in event.problems:  # a damaged file: said where the event is read
            rich.paragraph(after=1).text(
                f"⚠ Damaged in the file: {problem}", styles.chars(SANS, 8, bold=True, color=DAMAGED)
            )
        if event.unsourced:  # before the summary, so nothing below is read as checked
            rich.paragraph(after=1.5).text(
                UNSOURCED_LINE, styles.chars(SANS, 8, bold=True, color=UNSOURCED_INK)
            )
        if event.summary:
            rich.paragraph(after=2).text(event.summary, styles.chars(SERIF, 9.5))
        for quote in event.quotes:  # each in its own source's marks, and naming it
            source = self.report.sources_by_key.get(quote.source_key)
            rich.paragraph(before=2, indent=10, line_height=120, quote=True).text(
                quoted(quote.text, source.language if source is not None else ""),
                styles.chars(SERIF, 9.5, italic=True, color=QUOTE_INK),
            )
            name = self.report.source_names.get(quote.source_key, quote.source_key)
            rich.text(f"  — quoted from {name}", meta)
            if not quote.verified:
                rich.text(f"  ({NOT_VERIFIED})", styles.chars(SANS, 8, bold=True, color=DAMAGED))
        self._imported(rich)
        return rich

    def _imported(self, rich: TextFrame) -> None:
        """What an import said of the event, as its words (not a quote: no bar, no quote
        marks, no italics), and its links (only http(s) ones become links)."""
        styles, event = self.styles, self.event
        meta = styles.chars(SANS, 8, color=MUTED)
        if event.claim is not None:
            rich.paragraph(before=3, after=0.5).text(claim_heading(event.claim), meta)
            rich.paragraph(indent=10, line_height=118).text(
                event.claim.text, styles.chars(SANS, 9, color=INK)
            )
        for shown in shown_links(event.links):
            rich.paragraph(before=1, line_height=112).text(f"{shown.words}: ", meta)
            rich.link(for_display(shown.link.url, LINE_LIMIT, say_cut=True), shown.link.url, meta)
            if shown.target is None:
                rich.text(" (not a web address: not linked)", meta)
            if shown.credit_line:
                rich.text(f" — {shown.credit_line}", meta)


@dataclass
class EventLaidOut:
    """An event measured: it may be cut between two lines of its body once the title, the
    type line and three more lines are above the cut, and two lines or more are below it."""

    styles: Styles
    date_column: TextFrame
    body: TextFrame
    body_x: float
    event: Event
    height: float = 0.0
    breaks: Sequence[float] = ()

    def __post_init__(self) -> None:
        pad = self.styles.page.pt(5)
        self.pad = pad
        self.height = max(self.date_column.height, self.body.height) + 2 * pad
        lines = self.body.line_boxes()
        heading_lines = sum(1 for box in lines if box.paragraph < 2)
        date_lines = [(box.top + pad, box.bottom + pad) for box in self.date_column.line_boxes()]
        # Never cut through a line of the date column either.
        self.breaks = [
            cut
            for cut in _breaks(lines, heading_lines + BODY_LINES_BEFORE_A_BREAK, pad)
            if not any(top < cut < bottom for top, bottom in date_lines)
        ]

    def paint(self, painter: QPainter, top: float, start: float, end: float) -> None:
        page = self.styles.page
        y0 = top - start  # where the block's own y = 0 lands on the page
        if start == 0:
            with saved(painter):
                painter.setPen(QPen(FAINT, page.pt(0.5)))
                painter.drawLine(QPointF(0, top), QPointF(page.width, top))
            _paint_precision_mark(painter, self.event, QPointF(0, y0 + self.pad), self.styles)
        else:
            self._paint_continued(painter, top)
        self._paint_quote_bars(painter, y0, start, end)
        # In frame coordinates (the frames start ``pad`` below the block's top).
        frame_start, frame_end = max(0.0, start - self.pad), max(0.0, end - self.pad)
        frame_top = y0 + self.pad + frame_start
        mark_x = page.pt(MARK_COLUMN_PT)
        self.date_column.paint(painter, mark_x, frame_top, frame_start, frame_end)
        self.body.paint(painter, self.body_x, frame_top, frame_start, frame_end)

    def _paint_continued(self, painter: QPainter, top: float) -> None:
        """The date again, muted, beside the part of an event continued from the last page."""
        styles = self.styles
        font = styles.font(SANS, 7.5, italic=True)
        with saved(painter):
            painter.setFont(font)
            painter.setPen(MUTED)
            rect = QRectF(
                styles.page.pt(MARK_COLUMN_PT),
                top,
                self.body_x - styles.page.pt(MARK_COLUMN_PT + GUTTER_PT),
                styles.page.pt(24),
            )
            painter.drawText(
                rect,
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                | int(Qt.TextFlag.TextWordWrap),
                f"{_date_words(self.event)} (continued)",
            )

    def _paint_quote_bars(self, painter: QPainter, y0: float, start: float, end: float) -> None:
        page = self.styles.page
        with saved(painter):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(QUOTE_BAR))
            for first, last in self.body.quote_spans():
                top = max(first + self.pad, start)
                bottom = min(last + self.pad, end)
                if bottom > top:
                    painter.drawRect(
                        QRectF(self.body_x + page.pt(2), y0 + top, page.pt(1.6), bottom - top)
                    )


def _paint_precision_mark(painter: QPainter, event: Event, origin: QPointF, styles: Styles) -> None:
    """The chart's own mark for this date (dot, bar, hatched period, fading ~, dashed ?;
    hollow with ! when unsourced), so a reader sees the precision at a glance and
    recognises it from the chart and legend."""
    style = MarkStyle.of_event(event)
    with saved(painter):
        # The chart draws in 96-dpi pixels; so does this mark.
        scale = styles.page.dpi / 96.0
        painter.translate(origin)
        painter.scale(scale, scale)
        width = 7.0 if style.shape is MarkShape.DOT else 14.0
        paint_mark(
            painter,
            style,
            0.0,
            width,
            7.0,
            type_colour(event.type.slug),
            background=QColor(Qt.GlobalColor.white),
            glyph_font=styles.mark_glyphs,
            glyph_width=10.0,
        )


class Footer:
    """The rule, the report's title and "Page X of Y" at the bottom of every page."""

    def __init__(self, styles: Styles, report: Report) -> None:
        page = self.page = styles.page
        self.font = styles.font(SANS, 7.5)
        self.metrics = QFontMetricsF(self.font, styles.device)
        widest = self.metrics.horizontalAdvance("Page 00000 of 00000") + page.pt(2)
        self.left = self.metrics.elidedText(
            for_display(f"{report.title} · {report.filter_text}", LINE_LIMIT),
            Qt.TextElideMode.ElideRight,
            page.width - widest - page.pt(24),
        )

    def paint(self, painter: QPainter, number: int, pages: int) -> None:
        page = self.page
        with saved(painter):
            y = page.height - page.pt(11)
            painter.setPen(QPen(FAINT, page.pt(0.5)))
            painter.drawLine(QPointF(0, y - page.pt(3)), QPointF(page.width, y - page.pt(3)))
            painter.setFont(self.font)
            painter.setPen(MUTED)
            band = QRectF(0, y, page.width, page.pt(11))
            middle = int(Qt.AlignmentFlag.AlignVCenter)
            painter.drawText(band, int(Qt.AlignmentFlag.AlignLeft) | middle, self.left)
            painter.drawText(
                band, int(Qt.AlignmentFlag.AlignRight) | middle, f"Page {number} of {pages}"
            )


# -- the chart ---------------------------------------------------------------------------------

CHART_PT_PER_PIXEL = 0.78  # the chart's 11-px labels print at 8.6 pt, its 9-px legend at 7 pt
CHART_MAX_PAGES = 3
MIN_FIRST_SLICE = 0.3  # share of a page: with less room left, the chart starts on a new page


@dataclass
class ChartBlock:
    repository: EventRepository
    report: Report
    styles: Styles
    space_before: float = 0.0
    keep_with_next: bool = False
    floats: bool = True
    _laid: dict[int, ChartLaidOut] = field(default_factory=dict, repr=False)

    def lay_out(self, room: float) -> LaidOut:
        # The chart is small and built from SQL: both passes share one layout per room.
        key = round(room)
        if key not in self._laid:
            self._laid[key] = ChartLaidOut(self.repository, self.report, self.styles, room)
        return self._laid[key]


class ChartLaidOut:
    """The timeline chart at a readable, fixed size, continued over pages when it is tall.

    Drawn by the window's own painter as vectors. Each page gets a slice of the lanes with
    the time axis and the lane header column repeated; the legend and any note (lanes left
    out, counts per bin) end the last slice. With more lanes than ``CHART_MAX_PAGES`` pages
    hold, the busiest lanes are kept and the note says how many were left out.
    """

    def __init__(
        self, repository: EventRepository, report: Report, styles: Styles, room: float
    ) -> None:
        page = styles.page
        self.scale = page.pt(CHART_PT_PER_PIXEL)
        self.width = page.width / self.scale
        body = page.body_height / self.scale
        first = room / self.scale
        if first < body * MIN_FIRST_SLICE:
            first = body
        chart = build_chart(repository, report.event_filter, report.grouping)
        slices = _chart_slices(chart, self.width, first, body)
        while len(slices) > CHART_MAX_PAGES and len(chart.lanes) > 1:
            shown = sum(len(piece.lanes) for piece in slices[:CHART_MAX_PAGES]) - 1
            chart = build_chart(
                repository, report.event_filter, report.grouping, max_lanes=max(1, shown)
            )
            slices = _chart_slices(chart, self.width, first, body)
        self.chart = chart
        self.slices = slices
        self.heights = [chart_height(piece, self.width) * self.scale for piece in slices]
        self.height = sum(self.heights)
        self.breaks: Sequence[float] = list(itertools.accumulate(self.heights))[:-1]

    def paint(self, painter: QPainter, top: float, start: float, end: float) -> None:
        offset = 0.0
        for piece, height in zip(self.slices, self.heights, strict=True):
            if start - 0.5 <= offset < end - 0.5:
                with saved(painter):
                    painter.translate(0, top + offset - start)
                    painter.scale(self.scale, self.scale)
                    paint_chart(painter, QRectF(0, 0, self.width, height / self.scale), piece)
            offset += height


def _chart_slices(chart: Chart, width: float, first: float, body: float) -> list[Chart]:
    """The chart cut into page slices of whole lanes: the first fits in ``first``, the next
    ones in ``body`` (chart pixels); each repeats the axis and header, the last has the
    legend and note. Every slice keeps the whole chart's time scale."""
    header = natural_header_width(chart, width)
    bare = replace(chart, lanes=(), legend=(), note="")
    base = chart_height(bare, width)
    tail = chart_height(replace(bare, legend=chart.legend, note=chart.note), width) - base
    lane_heights = [
        chart_height(replace(bare, lanes=(lane,), header_width=header), width) - base
        for lane in chart.lanes
    ]
    groups: list[list[int]] = [[]]
    used = base
    for number, height in enumerate(lane_heights):
        capacity = first if len(groups) == 1 else body
        if groups[-1] and used + height > capacity:
            groups.append([])
            used = base
        groups[-1].append(number)
        used += height
    # The legend and note go with the last lanes: move lanes on until they fit.
    while len(groups[-1]) > 1:
        capacity = first if len(groups) == 1 else body
        if base + sum(lane_heights[n] for n in groups[-1]) + tail <= capacity:
            break
        groups.insert(len(groups) - 1, [groups[-1].pop(0)])
        if len(groups) > 2 and len(groups[-2]) == 1:
            merged = groups[-3] + groups[-2]
            capacity = first if len(groups) == 3 else body
            if base + sum(lane_heights[n] for n in merged) <= capacity:
                groups[-3:-1] = [merged]
    slices = []
    for index, group in enumerate(groups):
        last = index == len(groups) - 1
        piece = replace(
            chart,
            lanes=tuple(chart.lanes[n] for n in group),
            legend=chart.legend if last else (),
            note=chart.note if last else "",
        )
        slices.append(replace(piece, header_width=header))
    return slices


# -- words ---------------------------------------------------------------------------------------


def _date_words(event: Event) -> str:
    text = event.date.describe()
    return text[:1].upper() + text[1:]


_DAY_WORDS = {
    Precision.DAY: "Day",
    Precision.HOUR: "Hour",
    Precision.MINUTE: "Minute",
    Precision.SECOND: "Second",
}


def _precision_words(event: Event) -> str:
    fuzzy = event.date
    precision = fuzzy.precision
    if precision is Precision.INTERVAL and fuzzy.start.timed and fuzzy.end is not None:
        words = "Somewhere between these times"  # not "a 1-day span": the times are given
    elif precision is Precision.INTERVAL:
        days = (fuzzy.latest() - fuzzy.earliest()).days + 1
        words = f"Somewhere in a {days}-day span"
    elif precision.names_day:
        words = _DAY_WORDS[precision]
        words = f"Exact {words.lower()}" if fuzzy.is_exact_day else words
    elif precision is Precision.MONTH:
        words = "Month only, day unknown"
    else:
        words = "Year only"
    flags = [
        flag
        for flag, on in (("approximate", fuzzy.approximate), ("uncertain", fuzzy.uncertain))
        if on
    ]
    if flags:
        words += ", " + " and ".join(flags)
    return words
