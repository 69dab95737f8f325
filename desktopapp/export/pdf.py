"""The PDF report (and the printed one): header, vector chart, events, sources, page numbers.

One routine, :func:`render_report`, paints the report on any ``QPagedPaintDevice``: a
``QPdfWriter`` for the PDF export, a ``QPrinter`` for printing and print preview. Only QtGui is
used, so a PDF can be written headless with a ``QGuiApplication``.

Text is laid out with ``QTextLayout`` from plain strings (see export/textframe.py: nothing from
the database can turn into markup), which keeps it real, selectable text in the PDF with the
fonts embedded, and turns source URLs into clickable link annotations.

The events are read a page at a time. Pagination runs twice over the same blocks: a first pass
measures every block and decides where pages break (so "Page X of Y" is known), the second
paints. A block that fits on a page is never split; a taller one splits only between two
lines of text.
"""

from __future__ import annotations

import gc
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Protocol

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
from desktopapp.domain import l10n
from desktopapp.domain.dates import Precision
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.grouping import Grouping
from desktopapp.domain.l10n import N_, _, ngettext
from desktopapp.domain.model import NOT_VERIFIED, Citation, Event, Role, Source
from desktopapp.domain.provenance import UNSOURCED_LINE, claim_heading, shown_links, source_names
from desktopapp.domain.quotation import SUPPLIED_TITLE_NOTE, is_supplied_title, quoted
from desktopapp.domain.text import HIDDEN_MARK_NOTE, LINE_LIMIT, event_has_hidden, for_display
from desktopapp.export.files import ExportCancelled, ExportError, atomic_path
from desktopapp.export.formats import ExportOptions, events_in_pages
from desktopapp.export.paging import Block, LaidOut, Measure, Page, Placement, paginate
from desktopapp.export.pdfinfo import add_document_info
from desktopapp.export.provenance import REPORT_TITLE, filter_line, long_date, published_words
from desktopapp.export.qtfile import checked_qfile
from desktopapp.export.textframe import FrameLines, LineBox, TextFrame, TextStyles
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
    """What is known of the report before its events are read: the filter, how many events
    match, the article and how each quoted source is named. The events themselves are read
    a page at a time while the report is laid out (see :class:`Contents`)."""

    title: str
    filter_text: str
    source: Source | None
    exported: date
    total: int
    count: int  # the events that match the filter
    grouping: Grouping
    event_filter: EventFilter
    # Every stored source, and the keys of those the matching events quote.
    sources: tuple[Source, ...] = ()
    quoted_keys: frozenset[str] = frozenset()

    @cached_property
    def source_names(self) -> dict[str, str]:
        """What each quote's source is called beside it: see :func:`source_names`."""
        return source_names([source for source in self.sources if source.key in self.quoted_keys])

    @cached_property
    def sources_by_key(self) -> dict[str, Source]:
        return {source.key: source for source in self.sources}

    @property
    def subject(self) -> str:
        if self.source is None:
            return _("Events reported in the news")
        return _("Events reported by {outlet}: {title}").format(
            outlet=self.source.outlet, title=self.source.title
        )


@dataclass
class Contents:
    """What the events told while they were read, in their order: the sources of their
    dates (numbered as first cited), the sources they quote (in the order first quoted),
    whether any text shows a hidden control, and the first actors' names."""

    report: Report
    citation_numbers: dict[Citation, int] = field(default_factory=dict)
    quoted: dict[str, None] = field(default_factory=dict)
    has_hidden: bool = False
    actor_names: dict[str, None] = field(default_factory=dict)
    events: int = 0

    def add(self, event: Event) -> int:
        """Take in the next event; return the number of its date's source."""
        self.events += 1
        number = self.citation_numbers.setdefault(event.citation, len(self.citation_numbers) + 1)
        self.quoted.update(dict.fromkeys(quote.source_key for quote in event.quotes))
        self.has_hidden = self.has_hidden or event_has_hidden(event)
        if self.events <= KEYWORD_EVENTS:
            self.actor_names.update(dict.fromkeys(actor.name for actor in event.actors()))
        return number

    @property
    def citations(self) -> tuple[Citation, ...]:
        return tuple(self.citation_numbers)

    @property
    def quoted_sources(self) -> tuple[Source, ...]:
        """Every source the events quote, in the order first quoted (the article, then
        reports)."""
        stored = self.report.sources_by_key
        return tuple(stored[key] for key in self.quoted if key in stored)

    @property
    def lists_quoted_sources(self) -> bool:
        """Whether the report needs its list of quoted sources: the header names only the
        article, so the list is there as soon as anything else is quoted."""
        return any(source != self.report.source for source in self.quoted_sources)

    @property
    def keywords(self) -> str:
        return ", ".join([_("timeline"), *list(self.actor_names)[:40]])


KEYWORD_EVENTS = 200  # the document's keywords name the actors of the first events


def collect_report(
    repository: EventRepository, event_filter: EventFilter, grouping: Grouping
) -> Report:
    """What the report says before its events (raises FilterError for an unknown actor or
    type)."""
    repository.validate(event_filter)
    count = repository.count(event_filter)
    sources = repository.sources
    return Report(
        title=_(REPORT_TITLE),
        filter_text=filter_line(repository, event_filter, count),
        source=sources[0] if sources else None,
        exported=date.today(),
        total=repository.total,
        count=count,
        grouping=grouping,
        event_filter=event_filter,
        sources=sources,
        quoted_keys=repository.quoted_source_keys(event_filter) if count else frozenset(),
    )


# -- public entry points -----------------------------------------------------------------------


def configure_page(
    device: QPagedPaintDevice, page_size: str = "A4", orientation: str = "landscape"
) -> None:
    """Page size, orientation and margins shared by the PDF writer and printers."""
    if page_size not in PAGE_SIZES:
        raise ExportError(_("unknown page size {size!r}; use A4 or Letter").format(size=page_size))
    if orientation not in ORIENTATIONS:
        raise ExportError(
            _("unknown orientation {orientation!r}; use landscape or portrait").format(
                orientation=orientation
            )
        )
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
        rendered = _write_pdf(
            temporary, repository, report, page_size, orientation, progress, cancelled
        )
        add_document_info(temporary, subject=report.subject, keywords=rendered.keywords)
    return rendered.pages


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
        raise ExportError(_("the printer could not be started"))
    try:
        return render_report(painter, printer, repository, report, progress, cancelled).pages
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
) -> Rendered:
    with checked_qfile(path) as device:  # QPdfWriter itself does not report failed writes
        writer = QPdfWriter(device)
        writer.setResolution(PDF_RESOLUTION)
        writer.setTitle(for_display(f"{report.title} — {report.filter_text}", LINE_LIMIT))
        writer.setCreator(f"desktopapp {__version__}")
        writer.setAuthor("desktopapp")
        configure_page(writer, page_size, orientation)
        painter = QPainter()
        if not painter.begin(writer):
            raise ExportError(
                _("cannot write {name}: the PDF could not be started").format(name=path.name)
            )
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


@dataclass(frozen=True)
class Rendered:
    pages: int
    keywords: str  # for the document's information: the first events' actors


def render_report(
    painter: QPainter,
    device: QPagedPaintDevice,
    repository: EventRepository,
    report: Report,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Rendered:
    """Lay out and paint the whole report on ``device``.

    The page size, orientation and margins are the device's own (a printer's come from the
    print dialog). Two passes, because "Page X of Y" must be known before page 1 is painted:

    1. the events are read a page at a time; each block's text is written once, when its
       event is read, and laid out to be measured (its height and where it may be cut);
       then the pages are decided from those measures alone;
    2. each block is laid out again from the text it kept, painted, and dropped.

    Only the text is kept between the passes (a few KB per event): Qt's shaped glyphs cost
    about 80 bytes a character and 4 KB a paragraph (850 MB for 10,000 events), and keeping
    the first pass's layouts for the first 1,500 events (150 MB) saved no measurable time.
    """
    with _collector_paused():
        return _render(painter, device, repository, report, Steps(progress, cancelled, 0))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused while a report is made. The report keeps its text
    (ten or so objects per event) for its second pass, and every full collection walked all
    of them: 7% of a 10,000-event export. Reference counting frees everything else as it
    goes; the report makes no cycles."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _render(
    painter: QPainter,
    device: QPagedPaintDevice,
    repository: EventRepository,
    report: Report,
    steps: Steps,
) -> Rendered:
    page = _page_geometry(device)
    styles = Styles(device, page)
    steps.expect(2 * report.count)
    contents = Contents(report)
    events = _event_blocks(repository, contents, styles, steps)
    steps.expect(2 * len(events))
    blocks = _blocks(contents, events, repository, styles)
    plan, rooms = paginate(blocks, page, steps.check)
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
            raise ExportError(_("the output could not start a new page (disk full?)"))
        for number, placement in sorted(items, key=lambda item: item[1].y):
            laid = laid_out.get(number)
            if laid is None:
                block = blocks[number]
                steps.tick() if isinstance(block, EventBlock) else steps.check()
                laid = laid_out[number] = block.lay_out(rooms[number])
            laid.paint(painter, placement.y, placement.start, placement.end)
            if placement is plan[number][-1]:
                del laid_out[number]
        footer.paint(painter, index + 1, pages)
    return Rendered(pages, contents.keywords)


class Steps:
    """Progress, one step per event measured and one per event painted; and the cancel,
    asked before every block."""

    def __init__(self, progress: Progress | None, cancelled: Cancelled | None, total: int):
        self.progress = progress
        self.cancelled = cancelled
        self.total = total
        self.done = 0

    def expect(self, total: int) -> None:
        """The steps in all, once the events are read (more or fewer than counted if the
        timeline changed meanwhile)."""
        self.total = total

    def check(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ExportCancelled()

    def tick(self) -> None:
        self.check()
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, max(self.done, self.total))


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


class ReportBlock(Block, Protocol):
    """A block of the report: measured for the pages, then laid out to be painted."""

    def lay_out(self, room: float) -> LaidOut: ...


FrameLaying = Callable[[TextFrame], FrameLines]


class TextMeasured:
    """A block whose text is written once and laid out twice: measured (its lines only),
    then laid out again to be painted. A subclass gives :meth:`_arrange`."""

    _measure: Measure | None

    def measure(self, room: float) -> Measure:
        if self._measure is None:
            measured = self._arrange(room, TextFrame.measure)
            self._measure = Measure(measured.height, tuple(measured.breaks))
        return self._measure

    def lay_out(self, room: float) -> LaidOut:
        """The layout to paint: the same text laid out again, so the same lines as measured
        (checked, since a block painted other than measured would overlap its neighbours)."""
        laid = self._arrange(room, TextFrame.lay_out)
        measured = self.measure(room)
        if abs(laid.height - measured.height) > 0.01 or tuple(laid.breaks) != measured.breaks:
            raise ExportError(_("a block of the report was laid out differently twice"))
        return laid

    def _arrange(self, room: float, lay_out: FrameLaying) -> LaidOut:
        """The block with its frames laid out by ``lay_out``: measured, or to be painted."""
        raise NotImplementedError


@dataclass
class DocumentLaidOut:
    """A single text frame as a block; it may be cut with two lines or more on each side."""

    frame: FrameLines
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
class TextBlock(TextMeasured):
    """A block made of one text frame, written when first measured; one no taller than
    ``whole_below`` is never cut."""

    build: Callable[[], TextFrame]
    keep_with_next: bool = False
    space_before: float = 0.0
    floats: bool = False
    splittable: bool = True
    whole_below: float = 0.0
    _frame: TextFrame | None = field(default=None, repr=False)
    _measure: Measure | None = field(default=None, repr=False)

    def _arrange(self, room: float, lay_out: FrameLaying) -> LaidOut:
        if self._frame is None:
            self._frame = self.build()
        layout = lay_out(self._frame)
        return DocumentLaidOut(layout, 0.0, self.splittable and layout.height > self.whole_below)


# -- the blocks of the report ------------------------------------------------------------------


def _event_blocks(
    repository: EventRepository,
    contents: Contents,
    styles: Styles,
    steps: Steps,
) -> list[EventBlock]:
    """The events, read a page at a time, each written into its block and measured; the
    events themselves are not kept."""
    report = contents.report
    space = styles.page.pt(7)
    blocks = []
    for event in events_in_pages(repository, report.event_filter, ExportOptions()):
        steps.tick()
        number = contents.add(event)
        block = EventBlock.of(event, number, report, styles, space)
        blocks.append(block)
    for block in blocks:
        block.measure(0.0)
    return blocks


def _blocks(
    contents: Contents,
    events: Sequence[ReportBlock],
    repository: EventRepository,
    styles: Styles,
) -> list[ReportBlock]:
    report, page = contents.report, styles.page
    blocks: list[ReportBlock] = [TextBlock(lambda: _header(contents, styles), splittable=False)]
    if events:
        blocks.append(ChartBlock(repository, report, styles, space_before=page.pt(10)))
        blocks.append(
            TextBlock(
                lambda: _heading(styles, _events_heading(len(events))),
                keep_with_next=True,
                space_before=page.pt(14),
                splittable=False,
            )
        )
        blocks.extend(events)
        if contents.lists_quoted_sources:
            blocks.extend(_quoted_source_blocks(contents, styles))
        blocks.append(
            TextBlock(
                lambda: _sources_heading(contents, styles),
                keep_with_next=True,
                space_before=page.pt(16),
                splittable=False,
            )
        )
        indent = _reference_indent(styles, len(contents.citations))
        blocks.extend(
            TextBlock(
                _source_entry(styles, number, citation, indent),
                space_before=page.pt(5),
                # A reference is read as one piece: cut only one longer than a third of a
                # page, never leaving a page with the tail of one reference alone.
                whole_below=page.body_height / 3,
            )
            for number, citation in enumerate(contents.citations, start=1)
        )
    else:
        blocks.append(TextBlock(lambda: _nothing_matches(report, styles), space_before=page.pt(24)))
    return blocks


def _header(contents: Contents, styles: Styles) -> TextFrame:
    report = contents.report
    rich = styles.document(styles.page.width)
    rich.paragraph(after=4, line_height=100).text(report.title, styles.chars(SANS, 20, bold=True))
    rich.paragraph(after=9).text(report.filter_text, styles.chars(SANS, 11, color=ACCENT))
    label = styles.chars(SANS, 8.5, bold=True, color=MUTED)
    value = styles.chars(SERIF, 9)
    if report.source is not None:
        source = report.source
        rich.paragraph(after=3, line_height=125).text(_("Source article") + "  ", label)
        rich.text(f"{source.outlet}, {_title(source.title)}, ", value)
        if source.url:
            rich.link(source.url, source.url, styles.chars(SERIF, 9)).text(", ", value)
        rich.text(published_words(source), value)
        if is_supplied_title(source.title):
            rich.paragraph(after=3).text(
                _(SUPPLIED_TITLE_NOTE), styles.chars(SANS, 7.5, color=MUTED)
            )
    rich.paragraph(after=0).text(_("Exported") + "  ", label)
    rich.text(
        _("{date} with desktopapp {version}; chart with {lanes}").format(
            date=long_date(report.exported),
            version=__version__,
            lanes=_(LANES_WORDS[report.grouping]),
        ),
        styles.chars(SANS, 8.5, color=MUTED),
    )
    if contents.has_hidden:
        rich.paragraph(before=3).text(
            f"{_(HIDDEN_MARK_NOTE)}.", styles.chars(SANS, 8.5, color=MUTED)
        )
    return rich


LANES_WORDS = {
    Grouping.ACTOR: N_("lanes by acting actor"),
    Grouping.TYPE: N_("lanes by event type"),
    Grouping.NONE: N_("a single lane"),
}


def _title(title: str) -> str:
    """A source's title in the marks of the page's language, not of the title's: a French
    editor writes « The Guardian's headline » in a French page, as an English one writes
    “Le Monde's headline” (the marks belong to the sentence that cites the title)."""
    return quoted(title, l10n.language())


def _events_heading(count: int) -> str:
    return ngettext("Events ({n}, in date order)", "Events ({n}, in date order)", count).format(
        n=l10n.number(count)
    )


def _heading(styles: Styles, text: str) -> TextFrame:
    rich = styles.document(styles.page.width)
    rich.paragraph(after=3).text(text, styles.chars(SANS, 12.5, bold=True, color=INK))
    return rich


def _quoted_source_blocks(contents: Contents, styles: Styles) -> list[ReportBlock]:
    """ "Sources quoted": each source a quote of the report comes from."""
    page = styles.page
    quoted_sources = contents.quoted_sources
    heading = TextBlock(
        lambda: _titled_heading(styles, _("Sources quoted"), [s.title for s in quoted_sources]),
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
        for source in quoted_sources
    ]
    return [heading, *entries]


def _quoted_source_entry(styles: Styles, source: Source) -> Callable[[], TextFrame]:
    """A quoted source as the quotes name it (outlet, then title), with its author, when,
    where and the note that says what of it was stored."""

    def build() -> TextFrame:
        rich = styles.document(styles.page.width)
        small = styles.chars(SERIF, 8.5)
        title = _title(source.title) if source.title else ""
        rich.paragraph(indent=SOURCE_INDENT_PT, line_height=115)
        rich.text(source.outlet or title or source.key, styles.chars(SERIF, 8.5, bold=True))
        rest = [source.author, title if source.outlet else "", source.published_text()]
        rich.text("".join(f", {part}" for part in rest if part), small)
        if source.url:
            rich.text(", ", small).link(source.url, source.url, small)
        if source.published_note:
            rich.paragraph(indent=SOURCE_INDENT_PT, line_height=115)
            rich.text(_("Note: "), styles.chars(SANS, 7.5, color=MUTED))
            rich.text(source.published_note, styles.chars(SERIF, 8, color=QUOTE_INK))
        return rich

    return build


def _sources_heading(contents: Contents, styles: Styles) -> TextFrame:
    """The heading of the references, with what a bracketed title means said once, at the
    first list of references that has one, rather than inside every reference."""
    quoted_titles = [source.title for source in contents.quoted_sources]
    said_above = contents.lists_quoted_sources and _has_supplied_title(quoted_titles)
    titles = [] if said_above else [citation.title for citation in contents.citations]
    return _titled_heading(styles, _("Sources of the dates"), titles)


def _has_supplied_title(titles: Iterable[str]) -> bool:
    return any(is_supplied_title(title) for title in titles)


def _titled_heading(styles: Styles, text: str, titles: Iterable[str]) -> TextFrame:
    """A heading over references, saying what a bracketed title means if one has it."""
    rich = _heading(styles, text)
    if _has_supplied_title(titles):
        rich.paragraph(after=3).text(_(SUPPLIED_TITLE_NOTE), styles.chars(SANS, 7.5, color=MUTED))
    return rich


def _nothing_matches(report: Report, styles: Styles) -> TextFrame:
    rich = styles.document(styles.page.width)
    rich.paragraph(after=4).text(
        _("No event matches this filter."), styles.chars(SANS, 14, bold=True, color=ACCENT)
    )
    rich.paragraph().text(
        ngettext(
            "The only event in the database does not match {filter}. "
            "Widen the filter and export again.",
            "None of the {n} events in the database matches {filter}. "
            "Widen the filter and export again.",
            report.total,
        ).format(n=l10n.number(report.total), filter=report.event_filter.describe()),
        styles.chars(SERIF, 10),
    )
    return rich


SOURCE_INDENT_PT = 22.0
MARKER_GAP_PT = 2.0


def _marker_format(styles: Styles) -> QTextCharFormat:
    return styles.chars(SANS, 8.5, bold=True, color=ACCENT)


def _reference_indent(styles: Styles, count: int) -> float:
    """The references' indent, in points: 22, or wide enough for the longest marker and a
    gap ("[2908]" of a long report ran into its outlet's name at 22)."""
    metrics = QFontMetricsF(_marker_format(styles).font(), styles.device)
    widest = metrics.horizontalAdvance(f"[{max(1, count)}]") / styles.page.pt(1)
    return max(SOURCE_INDENT_PT, widest + MARKER_GAP_PT)


def _source_entry(
    styles: Styles, number: int, citation: Citation, indent: float = SOURCE_INDENT_PT
) -> Callable[[], TextFrame]:
    def build() -> TextFrame:
        rich = styles.document(styles.page.width)
        small = styles.chars(SERIF, 8.5)
        muted = styles.chars(SANS, 7.5, color=MUTED)
        marker = (f"[{number}]", _marker_format(styles))
        rich.paragraph(indent=indent, line_height=115, marker=marker)
        rich.text(citation.outlet or _("Unnamed source"), styles.chars(SERIF, 8.5, bold=True))
        if citation.is_article:
            rich.text(_(" (the source article itself)"), small)
        if citation.title:
            rich.text(f", {_title(citation.title)}", small)
        if citation.published:
            rich.text(f", {citation.published}", small)
        if citation.url:
            rich.text(", ", small).link(citation.url, citation.url, small)
        if citation.quote:
            rich.paragraph(indent=indent, line_height=115)
            rich.text(_("Dating sentence: "), muted)
            # The dating sentence is in the report's language (mostly English): “ ”, as in
            # the window; the article's own words keep the marks of its language.
            rich.text(quoted(citation.quote), styles.chars(SERIF, 8.5, italic=True))
        if citation.note:
            rich.paragraph(indent=indent, line_height=115).text(_("Note: "), muted)
            rich.text(citation.note, styles.chars(SERIF, 8, color=QUOTE_INK))
        return rich

    return build


DATE_COLUMN_PT = 128.0
MARK_COLUMN_PT = 24.0
GUTTER_PT = 14.0
BODY_LINES_BEFORE_A_BREAK = 3  # an event cut at a page end shows title, meta and 3 lines


class EventBlock(TextMeasured):
    """One event: a date column (with a precision mark) beside its title, summary and
    quotes. Written when its event is read (:meth:`of`); the event itself is not kept."""

    keep_with_next = False
    floats = False

    def __init__(
        self,
        styles: Styles,
        date_column: TextFrame,
        body: TextFrame,
        mark: tuple[MarkStyle, QColor],
        date_words: str,
        space_before: float,
    ) -> None:
        self.styles = styles
        self.date_column = date_column
        self.body = body
        self.mark = mark
        self.date_words = date_words
        self.space_before = space_before
        self._measure = None

    @classmethod
    def of(
        cls,
        event: Event,
        number: int,
        report: Report,
        styles: Styles,
        space_before: float,
    ) -> EventBlock:
        """``event`` written into a block; ``number`` is its date's source's number."""
        page = styles.page
        date_width = page.pt(DATE_COLUMN_PT)
        body_x = date_width + page.pt(GUTTER_PT)
        return cls(
            styles,
            _date_column(event, number, styles, date_width),
            _body(event, report, styles, page.width - body_x),
            (MarkStyle.of_event(event), type_colour(event.type.slug)),
            _date_words(event),
            space_before,
        )

    def _arrange(self, room: float, lay_out: FrameLaying) -> EventLaidOut:
        page = self.styles.page
        body_x = page.pt(DATE_COLUMN_PT) + page.pt(GUTTER_PT)
        return EventLaidOut(self, lay_out(self.date_column), lay_out(self.body), body_x)


def _date_column(event: Event, number: int, styles: Styles, width: float) -> TextFrame:
    rich = styles.document(width - styles.page.pt(MARK_COLUMN_PT))
    rich.paragraph(line_height=110).text(
        _date_words(event), styles.chars(SANS, 9, bold=True, color=INK)
    )
    rich.paragraph(before=1.5, line_height=110).text(
        _precision_words(event), styles.chars(SANS, 7.5, color=MUTED)
    )
    rich.paragraph(line_height=110).text(event.date.edtf(), styles.chars(MONO, 7, color=MUTED))
    rich.paragraph(before=1.5, line_height=110).text(
        _("Date source [{number}]").format(number=number), styles.chars(SANS, 7.5, color=ACCENT)
    )
    return rich


def _body(event: Event, report: Report, styles: Styles, width: float) -> TextFrame:
    rich = styles.document(width)
    rich.paragraph(after=1.5, line_height=112).text(
        for_display(event.title, LINE_LIMIT, say_cut=True), styles.chars(SANS, 10.5, bold=True)
    )
    meta = styles.chars(SANS, 8, color=MUTED)
    rich.paragraph(after=3).text(
        event.type.shown_label, styles.chars(SANS, 8, bold=True, color=ACCENT)
    )
    people = " · ".join(
        f"{p.actor.name}{NBSP}({_(ROLE_WORDS[p.role])})" for p in event.participants
    )
    if people:
        rich.text(f"   {people}", meta)
    for problem in event.problems:  # a damaged file: said where the event is read
        rich.paragraph(after=1).text(
            "⚠ " + _("Damaged in the file: {problem}").format(problem=problem),
            styles.chars(SANS, 8, bold=True, color=DAMAGED),
        )
    if event.unsourced:  # before the summary, so nothing below is read as checked
        rich.paragraph(after=1.5).text(
            _(UNSOURCED_LINE), styles.chars(SANS, 8, bold=True, color=UNSOURCED_INK)
        )
    if event.summary:
        rich.paragraph(after=2).text(event.summary, styles.chars(SERIF, 9.5))
    for quote in event.quotes:  # each in its own source's marks, and naming it
        source = report.sources_by_key.get(quote.source_key)
        rich.paragraph(before=2, indent=10, line_height=120, quote=True).text(
            quoted(quote.text, source.language if source is not None else ""),
            styles.chars(SERIF, 9.5, italic=True, color=QUOTE_INK),
        )
        name = report.source_names.get(quote.source_key, quote.source_key)
        rich.text("  — " + _("quoted from {source}").format(source=name), meta)
        if not quote.verified:
            rich.text(f"  ({_(NOT_VERIFIED)})", styles.chars(SANS, 8, bold=True, color=DAMAGED))
    _imported(event, styles, rich)
    return rich


def _imported(event: Event, styles: Styles, rich: TextFrame) -> None:
    """What an import said of the event, as its words (not a quote: no bar, no quote marks,
    no italics), and its links (only http(s) ones become links)."""
    meta = styles.chars(SANS, 8, color=MUTED)
    if event.claim is not None:
        rich.paragraph(before=3, after=0.5).text(claim_heading(event.claim), meta)
        rich.paragraph(indent=10, line_height=118).text(
            event.claim.text, styles.chars(SANS, 9, color=INK)
        )
    for shown in shown_links(event.links):
        rich.paragraph(before=1, line_height=112).text(
            _("{words}: ").format(words=shown.words), meta
        )
        rich.link(for_display(shown.link.url, LINE_LIMIT, say_cut=True), shown.link.url, meta)
        if shown.target is None:
            rich.text(_(" (not a web address: not linked)"), meta)
        if shown.credit_line:
            rich.text(f" — {shown.credit_line}", meta)


class EventLaidOut:
    """An event laid out: it may be cut between two lines of its body once the title, the
    type line and three more lines are above the cut, and two lines or more are below it."""

    def __init__(
        self, block: EventBlock, date_column: FrameLines, body: FrameLines, body_x: float
    ) -> None:
        self.block = block
        self.styles = block.styles
        self.date_column = date_column
        self.body = body
        self.body_x = body_x
        pad = self.pad = self.styles.page.pt(5)
        self.height = max(date_column.height, body.height) + 2 * pad
        lines = body.line_boxes()
        heading_lines = sum(1 for box in lines if box.paragraph < 2)
        date_lines = [(box.top + pad, box.bottom + pad) for box in date_column.line_boxes()]
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
            style, colour = self.block.mark
            _paint_precision_mark(painter, style, colour, QPointF(0, y0 + self.pad), self.styles)
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
                _("{date} (continued)").format(date=self.block.date_words),
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


def _paint_precision_mark(
    painter: QPainter, style: MarkStyle, colour: QColor, origin: QPointF, styles: Styles
) -> None:
    """The chart's own mark for this date (dot, bar, hatched period, fading ~, dashed ?;
    hollow with ! when unsourced), so a reader sees the precision at a glance and
    recognises it from the chart and legend."""
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
            colour,
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
        widest = self.metrics.horizontalAdvance(_page_words("00000", "00000")) + page.pt(2)
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
                band, int(Qt.AlignmentFlag.AlignRight) | middle, _page_words(number, pages)
            )


def _page_words(number: int | str, pages: int | str) -> str:
    # Page numbers are written without grouping, as printers number pages ("Page 1204").
    return _("Page {number} of {pages}").format(number=number, pages=pages)


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

    def measure(self, room: float) -> LaidOut:
        return self.lay_out(room)


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
    Precision.DAY: N_("Day"),
    Precision.HOUR: N_("Hour"),
    Precision.MINUTE: N_("Minute"),
    Precision.SECOND: N_("Second"),
}
_EXACT_WORDS = {
    Precision.DAY: N_("Exact day"),
    Precision.HOUR: N_("Exact hour"),
    Precision.MINUTE: N_("Exact minute"),
    Precision.SECOND: N_("Exact second"),
}
# Whole phrases, not "approximate" and "uncertain" joined: French says what they qualify.
_FLAG_WORDS = {
    (True, False): N_("{precision}, approximate"),
    (False, True): N_("{precision}, uncertain"),
    (True, True): N_("{precision}, approximate and uncertain"),
}
ROLE_WORDS = {Role.ACTING: N_("acting"), Role.AFFECTED: N_("affected")}


def _precision_words(event: Event) -> str:
    fuzzy = event.date
    precision = fuzzy.precision
    if precision is Precision.INTERVAL and fuzzy.start.timed and fuzzy.end is not None:
        words = _("Somewhere between these times")  # not "a 1-day span": the times are given
    elif precision is Precision.INTERVAL:
        days = (fuzzy.latest() - fuzzy.earliest()).days + 1
        words = ngettext("Somewhere in a {n}-day span", "Somewhere in a {n}-day span", days).format(
            n=l10n.number(days)
        )
    elif precision.names_day:
        words = _((_EXACT_WORDS if fuzzy.is_exact_day else _DAY_WORDS)[precision])
    elif precision is Precision.MONTH:
        words = _("Month only, day unknown")
    else:
        words = _("Year only")
    flags = (fuzzy.approximate, fuzzy.uncertain)
    if any(flags):
        words = _(_FLAG_WORDS[flags]).format(precision=words)
    return words
