"""Paragraphs of styled plain text laid out with ``QTextLayout`` and painted line by line.

The report used to build a ``QTextDocument`` per block; a document costs far more than its
text (construction, cursor edits, its own layout engine, ~90 KB kept per event). The report
needs little of it: paragraphs with margins, an indent, a line height, runs of character
formats (fonts, colours, links), and to know every line's box so pages break between lines.
``QTextLayout`` gives exactly that, keeps every string plain text (no markup is ever parsed),
and draws links as clickable PDF annotations like the document did.

A :class:`TextFrame` is only what is written into it (strings and formats, a few hundred
bytes a paragraph); :meth:`TextFrame.lay_out` shapes it into a :class:`FrameLayout`, which
holds Qt's glyphs (about 80 bytes a character and 4 KB a paragraph) until it is dropped. So a
report can keep every frame and lay each out only while it is measured or painted.

All sizes are in device pixels of the paint device given to :class:`TextStyles`.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import NamedTuple

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QPagedPaintDevice,
    QPainter,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)

from desktopapp.domain.links import link_target
from desktopapp.domain.text import PARAGRAPH_LIMIT, for_display
from desktopapp.render.fonts import without_ligatures


class TextStyles:
    """Fonts and character formats at one device's resolution, each made once."""

    def __init__(self, device: QPagedPaintDevice, dpi: float, link_colour: QColor) -> None:
        self.device = device
        self.dpi = dpi
        self.link_colour = link_colour
        self._fonts: dict[tuple[object, ...], QFont] = {}
        self._formats: dict[tuple[object, ...], QTextCharFormat] = {}
        self._links: dict[tuple[int, str], QTextCharFormat] = {}
        self._targets: dict[str, str | None] = {}
        # Line heights of short paragraphs by text, formats and width; the formats are kept
        # alive with them, so that their ids in the key name them.
        self._heights: dict[tuple[object, ...], tuple[tuple[float, ...], object]] = {}
        self.option = QTextOption()
        self.option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.option.setAlignment(Qt.AlignmentFlag.AlignLeft)

    def pt(self, points: float) -> float:
        return points * self.dpi / 72.0

    def font(
        self, family: str, points: float, *, bold: bool = False, italic: bool = False
    ) -> QFont:
        key = (family, points, bold, italic)
        font = self._fonts.get(key)
        if font is None:
            font = QFont(family)
            font.setPointSizeF(points)
            font.setBold(bold)
            font.setItalic(italic)
            hint = QFont.StyleHint.Serif if "Serif" in family else QFont.StyleHint.SansSerif
            font.setStyleHint(hint)
            without_ligatures(font)  # so the PDF's text is found and copied as typed
            font = self._fonts[key] = QFont(font, self.device)
        return font

    def chars(
        self,
        family: str,
        points: float,
        *,
        bold: bool = False,
        italic: bool = False,
        color: QColor,
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
        """``base`` made a link to ``url``, or ``base`` itself if ``url`` is not a real
        http(s) address.

        Qt writes the target into the PDF's link annotation as a literal string without
        escaping it, so only :func:`link_target`'s percent-encoded form, which has no
        parenthesis, backslash or non-ASCII character, may reach ``setAnchorHref``."""
        target = self._target(url)
        if target is None:
            return base
        key = (id(base), target)
        fmt = self._links.get(key)
        if fmt is None:
            fmt = QTextCharFormat(base)
            fmt.setAnchor(True)
            fmt.setAnchorHref(target)
            fmt.setForeground(QBrush(self.link_colour))
            fmt.setFontUnderline(True)
            if len(self._links) > 2000:  # one per source URL: keep a long report's memory flat
                self._links.clear()
            self._links[key] = fmt
        return fmt

    def _target(self, url: str) -> str | None:
        """:func:`link_target`, remembered: a report names the same addresses many times."""
        if url not in self._targets:
            if len(self._targets) > 4000:
                self._targets.clear()
            self._targets[url] = link_target(url)
        return self._targets[url]


class _Paragraph:
    """A paragraph as written: its text, the runs of formats over it, margins and indent."""

    __slots__ = (
        "_ranges",
        "after",
        "before",
        "font",
        "indent",
        "line_height",
        "marker",
        "quote",
        "runs",
        "text",
    )

    def __init__(
        self,
        before: float,
        after: float,
        indent: float,
        line_height: float,
        quote: bool,
        marker: tuple[str, QTextCharFormat] | None,
    ) -> None:
        self.before = before
        self.after = after
        self.indent = indent
        self.line_height = line_height
        self.quote = quote
        self.marker = marker
        self.text = ""
        self.font: QFont | None = None  # the first run's, as the layout's own font
        self.runs: list[tuple[int, int, QTextCharFormat]] = []
        self._ranges: list[QTextLayout.FormatRange] | None = None

    def add(self, text: str, fmt: QTextCharFormat) -> None:
        if not self.runs:
            self.font = fmt.font()
        self.runs.append((len(self.text), len(text), fmt))
        self.text += text

    def ranges(self) -> list[QTextLayout.FormatRange]:
        """The runs as Qt takes them, made once (a report lays each paragraph out twice)."""
        if self._ranges is None:
            self._ranges = [_format_range(*run) for run in self.runs]
        return self._ranges

    def layout(self, styles: TextStyles) -> QTextLayout:
        """A new layout of the paragraph's text, its lines still to be made."""
        font = self.font if self.font is not None else styles.font("DejaVu Serif", 9)
        layout = QTextLayout(self.text, font, styles.device)
        layout.setTextOption(styles.option)
        if self.runs:
            layout.setFormats(self.ranges())
        return layout

    def line_heights(self, width: float, styles: TextStyles) -> tuple[float, ...]:
        """The height of each of its lines at ``width``: laid out for it, or remembered for a
        short paragraph already measured (dates, "Exact day", "Date source [3]" recur)."""
        key = None
        if len(self.text) <= SHORT_PARAGRAPH:
            key = (
                self.text,
                width,
                *((start, length, id(fmt)) for start, length, fmt in self.runs),
            )
            known = styles._heights.get(key)
            if known is not None:
                return known[0]
        layout = self.layout(styles)
        layout.beginLayout()
        heights = []
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            heights.append(line.height())
        layout.endLayout()
        measured = tuple(heights)
        if key is not None:
            if len(styles._heights) > 8192:
                styles._heights.clear()
            styles._heights[key] = (measured, [fmt for _, _, fmt in self.runs])
        return measured


SHORT_PARAGRAPH = 80  # characters: what is remembered by text when measured


class LineBox(NamedTuple):
    top: float
    bottom: float
    paragraph: int
    line: int


class TextFrame:
    """Paragraphs at a fixed width, written with :meth:`paragraph` and :meth:`text`, laid out
    with :meth:`lay_out`.

    Every string goes in as plain text; paragraph and line separators in the data are folded
    into spaces, so a paragraph stays one paragraph.
    """

    __slots__ = ("_paragraphs", "styles", "width")

    def __init__(self, styles: TextStyles, width: float) -> None:
        self.styles = styles
        self.width = width
        self._paragraphs: list[_Paragraph] = []

    # -- writing ---------------------------------------------------------------------------

    def paragraph(
        self,
        *,
        before: float = 0.0,
        after: float = 0.0,
        indent: float = 0.0,
        line_height: int = 118,
        quote: bool = False,
        marker: tuple[str, QTextCharFormat] | None = None,
    ) -> TextFrame:
        """Start a paragraph (margins and indent in points; line height in percent). A
        ``marker`` such as "[3]" hangs in the indent, level with the first line."""
        pt = self.styles.pt
        self._paragraphs.append(
            _Paragraph(pt(before), pt(after), pt(indent), line_height / 100.0, quote, marker)
        )
        return self

    def text(self, value: str, fmt: QTextCharFormat) -> TextFrame:
        shown = for_display(value, PARAGRAPH_LIMIT, say_cut=True)  # controls shown, not obeyed
        clean = " ".join(shown.replace("\u2029", "\n").replace("\u2028", "\n").splitlines())
        if clean:
            self._paragraphs[-1].add(clean, fmt)
        return self

    def link(self, value: str, url: str, fmt: QTextCharFormat) -> TextFrame:
        """``value`` as a link to ``url`` if that is a real http(s) address, else as text."""
        return self.text(value, self.styles.link(fmt, url))

    # -- layout ----------------------------------------------------------------------------

    def measure(self) -> FrameLines:
        """Every line's box, without keeping what it takes to paint them."""
        return FrameLines(self)

    def lay_out(self) -> FrameLayout:
        """The frame shaped and broken into lines, to be painted (a new layout each call)."""
        return FrameLayout(self)


class FrameLines:
    """A :class:`TextFrame` measured: its height and every line's box."""

    __slots__ = ("frame", "height", "lines")

    def __init__(self, frame: TextFrame) -> None:
        self.frame = frame
        self.lines: list[LineBox] = []
        y = 0.0
        for number, paragraph in enumerate(frame._paragraphs):
            y = self._lay_out(number, paragraph, y + paragraph.before) + paragraph.after
        self.height = y

    def _lay_out(self, number: int, paragraph: _Paragraph, y: float) -> float:
        """The lines of ``paragraph``, the first at ``y``; return the y under them."""
        styles = self.frame.styles
        heights = paragraph.line_heights(max(1.0, self.frame.width - paragraph.indent), styles)
        lines, spacing = self.lines, paragraph.line_height
        for count, height in enumerate(heights):
            lines.append(LineBox(y, y + height, number, count))
            y += height * spacing
        return y

    def line_boxes(self) -> list[LineBox]:
        """Every line's (top, bottom) and paragraph, in frame coordinates."""
        return self.lines

    def quote_spans(self) -> list[tuple[float, float]]:
        """(top of first line, bottom of last line) of every quote paragraph."""
        paragraphs = self.frame._paragraphs
        spans: dict[int, tuple[float, float]] = {}
        for box in self.lines:
            if paragraphs[box.paragraph].quote:
                top, _ = spans.get(box.paragraph, (box.top, box.bottom))
                spans[box.paragraph] = (top, box.bottom)
        return list(spans.values())

    def paint(self, painter: QPainter, x: float, y: float, start: float, end: float) -> None:
        """Only a :class:`FrameLayout` paints: a measure keeps no glyphs."""
        raise NotImplementedError("a measured frame is laid out again to be painted")


class FrameLayout(FrameLines):
    """A :class:`TextFrame` laid out to be painted: its lines, and Qt's layouts of them."""

    __slots__ = ("_layouts", "_markers", "_tops")

    def __init__(self, frame: TextFrame) -> None:
        self._layouts: list[QTextLayout] = []
        self._markers: dict[int, tuple[QTextLayout, float]] = {}
        super().__init__(frame)
        self._tops = [box.top for box in self.lines]

    def _lay_out(self, number: int, paragraph: _Paragraph, y: float) -> float:
        """Lay ``paragraph`` out with its first line at ``y``; return the y under it."""
        styles = self.frame.styles
        layout = paragraph.layout(styles)
        layout.setCacheEnabled(True)  # shaped once: drawing reuses the glyphs
        layout.beginLayout()
        width = max(1.0, self.frame.width - paragraph.indent)
        indent, spacing, lines = paragraph.indent, paragraph.line_height, self.lines
        count = 0
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            line.setPosition(QPointF(indent, y))
            height = line.height()
            lines.append(LineBox(y, y + height, number, count))
            y += height * spacing
            count += 1
        layout.endLayout()
        self._layouts.append(layout)
        if paragraph.marker is not None:
            self._markers[number] = _marker(paragraph.marker, layout, styles)
        return y

    def paint(self, painter: QPainter, x: float, y: float, start: float, end: float) -> None:
        """Paint the lines whose top lies in [start, end), with the frame's ``start`` at y."""
        if end <= start:
            return
        origin = QPointF(x, y - start)
        first = bisect_left(self._tops, start - 0.01)
        last = bisect_left(self._tops, end - 0.01)
        layouts, markers = self._layouts, self._markers
        for box in self.lines[first:last]:
            if box.line == 0 and box.paragraph in markers:
                marker, marker_y = markers[box.paragraph]
                marker.lineAt(0).draw(painter, origin + QPointF(0.0, marker_y))
            layouts[box.paragraph].lineAt(box.line).draw(painter, origin)


def _format_range(start: int, length: int, fmt: QTextCharFormat) -> QTextLayout.FormatRange:
    run = QTextLayout.FormatRange()
    run.start, run.length, run.format = start, length, fmt
    return run


def _marker(
    marker: tuple[str, QTextCharFormat], layout: QTextLayout, styles: TextStyles
) -> tuple[QTextLayout, float]:
    """The marker laid out on one line, and its y: on the baseline of the paragraph's first
    line."""
    text, fmt = marker
    laid = QTextLayout(text, fmt.font(), styles.device)
    laid.setFormats([_format_range(0, len(text), fmt)])
    laid.setCacheEnabled(True)
    laid.beginLayout()
    marker_line = laid.createLine()
    marker_line.setNumColumns(len(text))
    laid.endLayout()
    marker_y = 0.0
    if layout.lineCount():
        first = layout.lineAt(0)
        marker_y = first.y() + first.ascent() - marker_line.ascent()
    return laid, marker_y
