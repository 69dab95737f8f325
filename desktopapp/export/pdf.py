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

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
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
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)

from desktopapp import __version__
from desktopapp.db.repository import EventRepository
from desktopapp.domain.dates import MONTH_NAMES, Precision
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.grouping import Grouping
from desktopapp.domain.model import Citation, Event, EventRow, Source
from desktopapp.export.files import ExportCancelled, ExportError, atomic_path
from desktopapp.export.pdfinfo import add_document_info
from desktopapp.render.chart import build_chart, chart_height, paint_chart
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
REPORT_TITLE = "Timeline of reported events"

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
    labels = {t.slug: t.label for t in repository.event_types}
    total = repository.total
    count = f"{len(events)} of {total} event" + ("" if total == 1 else "s")
    numbers: dict[Citation, int] = {}
    for event in events:
        numbers.setdefault(event.citation, len(numbers) + 1)
    return Report(
        title=REPORT_TITLE,
        filter_text=f"{event_filter.describe(labels)} · {count}",
        source=repository.sources[0] if repository.sources else None,
        exported=date.today(),
        events=events,
        total=total,
        grouping=grouping,
        event_filter=event_filter,
        citations=tuple(numbers),
        citation_numbers=numbers,
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
) -> int:
    """Paint the same report on a printer (or a print preview); return its page count."""
    report = collect_report(repository, event_filter, grouping)
    painter = QPainter()
    if not painter.begin(printer):
        raise ExportError("the printer could not be started")
    try:
        return render_report(painter, printer, repository, report, progress, cancelled)
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
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(f"{report.title} — {report.filter_text}")
    writer.setCreator(f"desktopapp {__version__}")
    writer.setAuthor("desktopapp")
    configure_page(writer, page_size, orientation)
    painter = QPainter()
    if not painter.begin(writer):
        raise ExportError(f"cannot write {path.name}: the PDF could not be started")
    try:
        return render_report(painter, writer, repository, report, progress, cancelled)
    finally:
        # Ending the painter writes the PDF trailer and closes the file, also after an error
        # (the temporary file is then removed by atomic_path).
        painter.end()


@contextmanager
def saved(painter: QPainter) -> Iterator[QPainter]:
    """painter.save() ... restore(), also when painting fails half-way."""
    painter.save()
    try:
        yield painter
    finally:
        painter.restore()


# -- pagination --------------------------------------------------------------------------------


class LaidOut(Protocol):
    """A block measured at the page width: its height and where it may split."""

    height: float
    breaks: Sequence[float]

    def paint(self, painter: QPainter, top: float, start: float, end: float) -> None:
        """Paint the part [start, end) of the block with its top at page y ``top - start``."""


class Block(Protocol):
    keep_with_next: bool
    space_before: float
    floats: bool

    def lay_out(self, room: float) -> LaidOut:
        """Measure the block; ``room`` is the height left on the page where it would go."""
        ...


@dataclass
class Placement:
    page: int
    y: float
    start: float
    end: float


@dataclass
class Page:
    """The page geometry in device pixels (origin at the top-left of the margins)."""

    width: float
    height: float
    body_height: float
    dpi: float

    def pt(self, points: float) -> float:
        return points * self.dpi / 72.0

    def mm(self, millimetres: float) -> float:
        return millimetres * self.dpi / 25.4


def paginate(
    blocks: Sequence[Block], page: Page, tick: Callable[[], None]
) -> tuple[list[list[Placement]], list[float]]:
    """Decide where every block goes: placements per block, and the room each was laid in.

    A block that fits in the room left is placed there; one that fits on a page starts a new
    page; a taller one is split at its last line break that fits. A *floating* block (the
    chart) that does not fit where it falls waits for the top of the next page while the
    text goes on filling the current one, as figures do in printed reports.
    """
    result: list[list[Placement]] = [[] for _ in blocks]
    rooms: list[float] = [0.0] * len(blocks)
    room = page.body_height
    index, y = 0, 0.0
    waiting: list[tuple[int, float]] = []  # floats deferred to the next page: (block, height)

    def new_page() -> None:
        nonlocal index, y
        index, y = index + 1, 0.0
        while waiting:
            number, height = waiting.pop(0)
            result[number].append(Placement(index, 0.0, 0.0, height))
            index, y = (index + 1, 0.0) if waiting else (index, height)

    for number, block in enumerate(blocks):
        tick()
        gap = block.space_before if y > 0 else 0.0
        rooms[number] = room - y - gap
        laid = block.lay_out(rooms[number])
        height = laid.height
        needed = height
        if block.keep_with_next and number + 1 < len(blocks):
            needed += min(room * 0.18, page.pt(60))
        if y + gap + needed <= room:
            result[number].append(Placement(index, y + gap, 0.0, height))
            y += gap + height
        elif block.floats and number + 1 < len(blocks):
            waiting.append((number, height))
        elif height <= room:
            new_page()
            if y > 0 and y + block.space_before + height > room:
                new_page()
            gap = block.space_before if y > 0 else 0.0
            result[number].append(Placement(index, y + gap, 0.0, height))
            y += gap + height
        else:
            if y > 0 and room - y - gap < page.pt(48):
                new_page()
                gap = block.space_before if y > 0 else 0.0
            y += gap
            start = 0.0
            while start < height - 0.5:
                limit = start + room - y
                cut = max((b for b in laid.breaks if start < b <= limit), default=None)
                if cut is None:  # a single line taller than a page: cut it anyway
                    cut = min(height, limit)
                result[number].append(Placement(index, y, start, cut))
                y += cut - start
                start = cut
                if start < height - 0.5:
                    new_page()
    if waiting:
        new_page()
    return result, rooms


def render_report(
    painter: QPainter,
    device: QPagedPaintDevice,
    repository: EventRepository,
    report: Report,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """Lay out and paint the whole report on ``device``; return the number of pages."""
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
    # Blocks are laid out again to paint (not kept from the first pass, to keep memory flat);
    # one split over several pages is kept until its last page is painted.
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
        _paint_footer(painter, styles, report, index + 1, pages)
    return pages


def _page_geometry(device: QPagedPaintDevice) -> Page:
    dpi = float(device.logicalDpiY())
    rect = device.pageLayout().paintRectPixels(round(dpi))
    footer = 12.0 * dpi / 72.0 + 8.0 * dpi / 72.0
    return Page(float(rect.width()), float(rect.height()), float(rect.height()) - footer, dpi)


# -- styles and text documents -----------------------------------------------------------------


class Styles:
    """Fonts and formats at the device's resolution."""

    def __init__(self, device: QPagedPaintDevice, page: Page) -> None:
        self.device = device
        self.page = page
        # A report uses a dozen formats tens of thousands of times: make each once.
        self._formats: dict[tuple[object, ...], QTextCharFormat] = {}

    def font(
        self, family: str, points: float, *, bold: bool = False, italic: bool = False
    ) -> QFont:
        font = QFont(family)
        font.setPointSizeF(points)
        font.setBold(bold)
        font.setItalic(italic)
        font.setStyleHint(QFont.StyleHint.Serif if family == SERIF else QFont.StyleHint.SansSerif)
        # Without ligatures: Qt maps a ligature glyph to one character (U+FB00 for "ff"), so
        # "différents" would not be found, copied or read aloud as typed.
        for tag in ("liga", "clig", "dlig"):
            font.setFeature(QFont.Tag(tag), 0)
        return font

    def chars(
        self,
        family: str = SERIF,
        points: float = 9.5,
        *,
        bold: bool = False,
        italic: bool = False,
        color: QColor = INK,
    ) -> QTextCharFormat:
        key = (family, points, bold, italic, color.rgba())
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = QTextCharFormat()
            fmt.setFont(self.font(family, points, bold=bold, italic=italic))
            fmt.setForeground(QBrush(color))
            self._formats[key] = fmt
        return fmt

    def link(self, base: QTextCharFormat, url: str) -> QTextCharFormat:
        fmt = QTextCharFormat(base)
        fmt.setAnchor(True)
        fmt.setAnchorHref(url)
        fmt.setForeground(QBrush(LINK))
        fmt.setFontUnderline(True)
        return fmt

    def document(self, width: float) -> RichText:
        return RichText(self, width)


class RichText:
    """A QTextDocument written paragraph by paragraph; every string is inserted as plain text."""

    def __init__(self, styles: Styles, width: float) -> None:
        self.styles = styles
        self.document = QTextDocument()
        self.document.documentLayout().setPaintDevice(styles.device)
        self.document.setDocumentMargin(0)
        self.document.setDefaultFont(styles.font(SERIF, 9.5))
        self.document.setTextWidth(width)
        self.cursor = QTextCursor(self.document)
        # One edit block for the whole build: the layout runs once at the end, not after
        # every insertion (several times faster for a long report).
        self.cursor.beginEditBlock()
        self._editing = True
        self._empty = True
        self.quote_blocks: list[int] = []

    def _finished(self) -> QTextDocument:
        if self._editing:
            self.cursor.endEditBlock()
            self._editing = False
        return self.document

    def paragraph(
        self,
        *,
        before: float = 0.0,
        after: float = 0.0,
        indent: float = 0.0,
        hanging: float = 0.0,
        line_height: int = 118,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
        quote: bool = False,
    ) -> RichText:
        # QTextDocumentLayout scales top and bottom margins from 96-dpi pixels to the paint
        # device (tab positions too), but takes left margins and indents in device pixels
        # (measured, Qt 6.12).
        def px(points: float) -> float:
            return points * 96.0 / 72.0

        page = self.styles.page
        fmt = QTextBlockFormat()
        fmt.setTopMargin(px(before))
        fmt.setBottomMargin(px(after))
        fmt.setLeftMargin(page.pt(indent + hanging))
        fmt.setTextIndent(-page.pt(hanging))
        fmt.setAlignment(align)
        fmt.setLineHeight(line_height, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        if hanging:
            fmt.setTabPositions([QTextOption.Tab(px(hanging), QTextOption.TabType.LeftTab)])
        if self._empty:
            self.cursor.setBlockFormat(fmt)
            self._empty = False
        else:
            self.cursor.insertBlock(fmt)
        if quote:
            self.quote_blocks.append(self.cursor.block().blockNumber())
        return self

    def text(self, value: str, fmt: QTextCharFormat) -> RichText:
        # Paragraph and line separators from the data would start new blocks: keep one block.
        clean = " ".join(value.replace("\u2029", "\n").replace("\u2028", "\n").split("\n"))
        self.cursor.insertText(clean, fmt)
        return self

    def link(self, value: str, url: str, fmt: QTextCharFormat) -> RichText:
        if url.startswith(("http://", "https://")):
            return self.text(value, self.styles.link(fmt, url))
        return self.text(value, fmt)

    @property
    def height(self) -> float:
        return float(self._finished().size().height())

    def line_boxes(self) -> list[tuple[float, float]]:
        """(top, bottom) of every line, in document coordinates."""
        boxes: list[tuple[float, float]] = []
        layout = self._finished().documentLayout()
        block = self.document.begin()
        while block.isValid():
            top = layout.blockBoundingRect(block).top()
            text_layout = block.layout()
            for index in range(text_layout.lineCount()):
                line = text_layout.lineAt(index)
                boxes.append((top + line.y(), top + line.y() + line.height()))
            block = block.next()
        return boxes

    def block_rect(self, number: int) -> QRectF:
        block = self._finished().findBlockByNumber(number)
        return self.document.documentLayout().blockBoundingRect(block)

    def paint(self, painter: QPainter, x: float, y: float, start: float, end: float) -> None:
        """Paint the document's band [start, end) with its top at (x, y)."""
        if end <= start:
            return
        self._finished()
        with saved(painter):
            painter.translate(x, y - start)
            # A hair inside the band: a line starting exactly at ``end`` belongs to the next page.
            eps = 0.25
            self.document.drawContents(
                painter, QRectF(0, start + eps, self.document.textWidth(), end - start - 2 * eps)
            )


@dataclass
class DocumentLaidOut:
    """A single RichText as a block, with optional decorations painted under it."""

    rich: RichText
    x: float
    height: float = 0.0
    breaks: Sequence[float] = ()
    decorate: Callable[[QPainter, float, float, float], None] | None = None

    def __post_init__(self) -> None:
        self.height = self.rich.height
        self.breaks = [top for top, _ in self.rich.line_boxes()] + [self.height]

    def paint(self, painter: QPainter, top: float, start: float, end: float) -> None:
        if self.decorate is not None:
            self.decorate(painter, top, start, end)
        self.rich.paint(painter, self.x, top, start, end)


@dataclass
class TextBlock:
    """A block made of one RichText built on demand."""

    build: Callable[[], RichText]
    keep_with_next: bool = False
    space_before: float = 0.0
    floats: bool = False

    def lay_out(self, room: float) -> LaidOut:
        return DocumentLaidOut(self.build(), 0.0)


# -- the blocks of the report ------------------------------------------------------------------


def _blocks(report: Report, repository: EventRepository, styles: Styles) -> list[Block]:
    page = styles.page
    blocks: list[Block] = [TextBlock(lambda: _header(report, styles))]
    if report.events:
        blocks.append(ChartBlock(repository, report, styles, space_before=page.pt(10)))
        blocks.append(
            TextBlock(
                lambda: _heading(styles, f"Events ({len(report.events)}, in date order)"),
                keep_with_next=True,
                space_before=page.pt(14),
            )
        )
        blocks.extend(
            EventBlock(event, report, styles, space_before=page.pt(7)) for event in report.events
        )
        blocks.append(
            TextBlock(
                lambda: _heading(styles, "Sources of the dates"),
                keep_with_next=True,
                space_before=page.pt(16),
            )
        )
        blocks.extend(
            TextBlock(
                _source_entry(styles, number, citation),
                space_before=page.pt(5),
            )
            for number, citation in enumerate(report.citations, start=1)
        )
    else:
        blocks.append(TextBlock(lambda: _nothing_matches(report, styles), space_before=page.pt(24)))
    return blocks


def _header(report: Report, styles: Styles) -> RichText:
    rich = styles.document(styles.page.width)
    rich.paragraph(after=4, line_height=100).text(report.title, styles.chars(SANS, 20, bold=True))
    rich.paragraph(after=9).text(report.filter_text, styles.chars(SANS, 11, color=ACCENT))
    label = styles.chars(SANS, 8.5, bold=True, color=MUTED)
    value = styles.chars(SERIF, 9)
    if report.source is not None:
        source = report.source
        rich.paragraph(after=3, line_height=125).text("Source article  ", label)
        rich.text(f"{source.outlet}, « {source.title} », {source.published.describe()}", value)
        if source.url:
            rich.text(", ", value).link(source.url, source.url, styles.chars(SERIF, 9))
    grouped = {
        Grouping.ACTOR: "lanes by acting actor",
        Grouping.TYPE: "lanes by event type",
        Grouping.NONE: "a single lane",
    }[report.grouping]
    rich.paragraph(after=0).text("Exported  ", label)
    rich.text(
        f"{_long_date(report.exported)} with desktopapp {__version__}; chart with {grouped}",
        styles.chars(SANS, 8.5, color=MUTED),
    )
    return rich


def _heading(styles: Styles, text: str) -> RichText:
    rich = styles.document(styles.page.width)
    rich.paragraph(after=3).text(text, styles.chars(SANS, 12.5, bold=True, color=INK))
    return rich


def _nothing_matches(report: Report, styles: Styles) -> RichText:
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


def _source_entry(styles: Styles, number: int, citation: Citation) -> Callable[[], RichText]:
    def build() -> RichText:
        rich = styles.document(styles.page.width)
        small = styles.chars(SERIF, 8.5)
        muted = styles.chars(SANS, 7.5, color=MUTED)
        rich.paragraph(hanging=22, line_height=115).text(
            f"[{number}]\t", styles.chars(SANS, 8.5, bold=True, color=ACCENT)
        )
        rich.text(citation.outlet or "Unnamed source", styles.chars(SERIF, 8.5, bold=True))
        if citation.is_article:
            rich.text(" (the source article itself)", small)
        if citation.title:
            rich.text(f", “{citation.title}”", small)
        if citation.published:
            rich.text(f", {citation.published}", small)
        if citation.url:
            rich.text(", ", small).link(citation.url, citation.url, small)
        if citation.quote:
            rich.paragraph(indent=22, line_height=115).text("Dating sentence: ", muted)
            rich.text(_guillemets(citation.quote), styles.chars(SERIF, 8.5, italic=True))
        if citation.note:
            rich.paragraph(indent=22, line_height=115).text("Note: ", muted)
            rich.text(citation.note, styles.chars(SERIF, 8, color=QUOTE_INK))
        return rich

    return build


MIN_CHART_SCALE = 0.6
DATE_COLUMN_PT = 128.0
MARK_COLUMN_PT = 24.0
GUTTER_PT = 14.0


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

    def _date_column(self, width: float) -> RichText:
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

    def _body(self, width: float) -> RichText:
        styles, event = self.styles, self.event
        rich = styles.document(width)
        rich.paragraph(after=1.5, line_height=112).text(
            event.title, styles.chars(SANS, 10.5, bold=True)
        )
        meta = styles.chars(SANS, 8, color=MUTED)
        rich.paragraph(after=3).text(
            event.type.label, styles.chars(SANS, 8, bold=True, color=ACCENT)
        )
        people = " · ".join(f"{p.actor.name}{NBSP}({p.role.value})" for p in event.participants)
        if people:
            rich.text(f"   {people}", meta)
        if event.summary:
            rich.paragraph(after=2).text(event.summary, styles.chars(SERIF, 9.5))
        for quote in event.quotes:
            rich.paragraph(before=2, indent=10, line_height=120, quote=True).text(
                _guillemets(quote.text), styles.chars(SERIF, 9.5, italic=True, color=QUOTE_INK)
            )
            rich.text(f"  — {_source_name(self.report, quote.source_key)}", meta)
        return rich


@dataclass
class EventLaidOut:
    styles: Styles
    date_column: RichText
    body: RichText
    body_x: float
    event: Event
    height: float = 0.0
    breaks: Sequence[float] = ()

    def __post_init__(self) -> None:
        pad = self.styles.page.pt(5)
        self.pad = pad
        self.height = max(self.date_column.height, self.body.height) + 2 * pad
        date_lines = [(t + pad, b + pad) for t, b in self.date_column.line_boxes()]
        breaks = [t + pad for t, _ in self.body.line_boxes()]
        # Never cut through a line of the date column either.
        self.breaks = [
            b for b in breaks if not any(top < b < bottom for top, bottom in date_lines)
        ] + [self.height]

    def paint(self, painter: QPainter, top: float, start: float, end: float) -> None:
        page = self.styles.page
        y0 = top - start  # where the block's own y = 0 lands on the page
        if start == 0:
            with saved(painter):
                painter.setPen(QPen(FAINT, page.pt(0.5)))
                painter.drawLine(QPointF(0, top), QPointF(page.width, top))
            _paint_precision_mark(painter, self.event, QPointF(0, y0 + self.pad), page)
        self._paint_quote_bars(painter, y0, start, end)
        # In document coordinates (the documents start ``pad`` below the block's top).
        doc_start, doc_end = max(0.0, start - self.pad), max(0.0, end - self.pad)
        doc_top = y0 + self.pad + doc_start
        self.date_column.paint(painter, page.pt(MARK_COLUMN_PT), doc_top, doc_start, doc_end)
        self.body.paint(painter, self.body_x, doc_top, doc_start, doc_end)

    def _paint_quote_bars(self, painter: QPainter, y0: float, start: float, end: float) -> None:
        page = self.styles.page
        with saved(painter):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(QUOTE_BAR))
            for number in self.body.quote_blocks:
                rect = self.body.block_rect(number)
                top = rect.top() + self.pad + page.pt(2)
                bottom = rect.bottom() + self.pad
                top, bottom = max(top, start), min(bottom, end)
                if bottom > top:
                    painter.drawRect(
                        QRectF(self.body_x + page.pt(2), y0 + top, page.pt(1.6), bottom - top)
                    )


def _paint_precision_mark(painter: QPainter, event: Event, origin: QPointF, page: Page) -> None:
    """The chart's own mark for this date (dot, bar, hatched period, fading ~, dashed ?), so
    a reader sees the precision at a glance and recognises it from the chart and legend."""
    row = EventRow(
        id=event.id,
        title=event.title,
        type_slug=event.type.slug,
        edtf=event.date.edtf(),
        start=event.start,
        end=event.end,
        precision=event.date.precision.value,
        approximate=event.date.approximate,
        uncertain=event.date.uncertain,
    )
    style = MarkStyle.of(row)
    with saved(painter):
        # The chart draws in 96-dpi pixels; so does this mark.
        scale = page.dpi / 96.0
        painter.translate(origin)
        painter.scale(scale, scale)
        width = 7.0 if style.shape is MarkShape.DOT else 14.0
        font = QFont(SANS)
        font.setPixelSize(9)
        paint_mark(
            painter,
            style,
            0.0,
            width,
            7.0,
            type_colour(event.type.slug),
            background=QColor(Qt.GlobalColor.white),
            glyph_font=glyph_font(font),
            glyph_width=10.0,
        )


def _paint_footer(
    painter: QPainter, styles: Styles, report: Report, number: int, pages: int
) -> None:
    page = styles.page
    with saved(painter):
        y = page.height - page.pt(11)
        painter.setPen(QPen(FAINT, page.pt(0.5)))
        painter.drawLine(QPointF(0, y - page.pt(3)), QPointF(page.width, y - page.pt(3)))
        font = styles.font(SANS, 7.5)
        painter.setFont(font)
        painter.setPen(MUTED)
        right = f"Page {number} of {pages}"
        metrics = QFontMetricsF(font, styles.device)
        right_width = metrics.horizontalAdvance(right) + page.pt(2)
        left = metrics.elidedText(
            f"{report.title} · {report.filter_text}",
            Qt.TextElideMode.ElideRight,
            page.width - right_width - page.pt(24),
        )
        band = QRectF(0, y, page.width, page.pt(11))
        painter.drawText(
            band, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), left
        )
        painter.drawText(
            band, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), right
        )


# -- the chart ---------------------------------------------------------------------------------


@dataclass
class ChartBlock:
    repository: EventRepository
    report: Report
    styles: Styles
    space_before: float = 0.0
    keep_with_next: bool = False
    floats: bool = True

    def lay_out(self, room: float) -> LaidOut:
        return ChartLaidOut(self.repository, self.report, self.styles, room)


class ChartLaidOut:
    """The timeline chart, drawn by the window's own painter as vectors, scaled to fit.

    The chart is designed in 96-dpi pixels. It goes where it falls (right under the header on
    page 1) shrunk to the room left if that keeps it at least ``MIN_CHART_SCALE`` of its
    natural size; otherwise on the next page, shrunk only if a whole page is too short.
    """

    def __init__(
        self, repository: EventRepository, report: Report, styles: Styles, room: float
    ) -> None:
        page = styles.page
        self.styles = styles
        self.chart = build_chart(repository, report.event_filter, report.grouping)
        natural_scale = page.dpi / 96.0
        natural = chart_height(self.chart, page.width / natural_scale) * natural_scale
        if natural <= room:
            target = natural
        elif room >= natural * MIN_CHART_SCALE:
            target = room
        else:
            target = min(natural, page.body_height * 0.96)
        self.scale = natural_scale * min(1.0, target / natural)
        # A wider logical width may need a little less height: settle in two rounds.
        for _ in range(2):
            height = chart_height(self.chart, page.width / self.scale) * self.scale
            if height <= target + 0.5:
                break
            self.scale *= target / height
        self.logical_width = page.width / self.scale
        self.height = chart_height(self.chart, self.logical_width) * self.scale
        self.breaks: Sequence[float] = [self.height]

    def paint(self, painter: QPainter, top: float, start: float, end: float) -> None:
        with saved(painter):
            painter.translate(0, top)
            painter.scale(self.scale, self.scale)
            logical = QRectF(0, 0, self.logical_width, self.height / self.scale)
            paint_chart(painter, logical, self.chart)


# -- words ---------------------------------------------------------------------------------------


def _guillemets(text: str) -> str:
    """French quotation marks with non-breaking spaces, unless the text already has them."""
    stripped = text.strip()
    if stripped.startswith("«") and stripped.endswith("»"):
        return stripped
    return f"«{NBSP}{stripped}{NBSP}»"


def _source_name(report: Report, source_key: str) -> str:
    source = report.source
    if source is not None and source.key == source_key:
        return f"quoted from {source.outlet}"
    return f"quoted from {source_key}"


def _date_words(event: Event) -> str:
    text = event.date.describe()
    return text[:1].upper() + text[1:]


def _precision_words(event: Event) -> str:
    fuzzy = event.date
    precision = fuzzy.precision
    if precision is Precision.INTERVAL:
        days = (fuzzy.latest() - fuzzy.earliest()).days + 1
        words = f"Somewhere in a {days}-day span"
    elif precision is Precision.DAY:
        words = "Exact day" if fuzzy.is_exact_day else "Day"
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


def _long_date(value: date) -> str:
    return f"{value.day} {MONTH_NAMES[value.month - 1]} {value.year}"
