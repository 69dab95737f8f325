"""Paragraphs of styled plain text laid out once with ``QTextLayout`` and painted line by line.

The report used to build a ``QTextDocument`` per block; a document costs far more than its
text (construction, cursor edits, its own layout engine, ~90 KB kept per event). The report
needs little of it: paragraphs with margins, an indent, a line height, runs of character
formats (fonts, colours, links), and to know every line's box so pages break between lines.
``QTextLayout`` gives exactly that, keeps every string plain text (no markup is ever parsed),
and draws links as clickable PDF annotations like the document did.

All sizes are in device pixels of the paint device given to :class:`TextStyles`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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
        target = link_target(url)
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


@dataclass
class _Paragraph:
    before: float
    after: float
    indent: float
    line_height: float
    quote: bool
    marker: tuple[str, QTextCharFormat] | None
    parts: list[str] = field(default_factory=list)
    runs: list[tuple[int, int, QTextCharFormat]] = field(default_factory=list)
    length: int = 0


@dataclass(frozen=True)
class LineBox:
    top: float
    bottom: float
    paragraph: int
    line: int


class TextFrame:
    """Paragraphs at a fixed width, written with :meth:`paragraph` and :meth:`text`.

    Laid out on first use. Every string goes in as plain text; paragraph and line separators
    in the data are folded into spaces, so a paragraph stays one paragraph.
    """

    def __init__(self, styles: TextStyles, width: float) -> None:
        self.styles = styles
        self.width = width
        self._paragraphs: list[_Paragraph] = []
        self._layouts: list[tuple[QTextLayout, QTextLayout | None, float]] | None = None
        self._lines: list[LineBox] = []
        self._height = 0.0

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
        if not clean:
            return self
        paragraph = self._paragraphs[-1]
        paragraph.parts.append(clean)
        paragraph.runs.append((paragraph.length, len(clean), fmt))
        paragraph.length += len(clean)
        return self

    def link(self, value: str, url: str, fmt: QTextCharFormat) -> TextFrame:
        """``value`` as a link to ``url`` if that is a real http(s) address, else as text."""
        return self.text(value, self.styles.link(fmt, url))

    # -- layout ----------------------------------------------------------------------------

    def _laid_out(self) -> list[tuple[QTextLayout, QTextLayout | None, float]]:
        if self._layouts is None:
            self._layouts = [self._lay_out(number, p) for number, p in enumerate(self._paragraphs)]
        return self._layouts

    def _lay_out(
        self, number: int, paragraph: _Paragraph
    ) -> tuple[QTextLayout, QTextLayout | None, float]:
        styles = self.styles
        y = self._height + paragraph.before
        first_format = paragraph.runs[0][2] if paragraph.runs else None
        base = first_format.font() if first_format is not None else styles.font("DejaVu Serif", 9)
        layout = QTextLayout("".join(paragraph.parts), base, styles.device)
        layout.setTextOption(styles.option)
        layout.setCacheEnabled(True)  # shaped once: drawing reuses the glyphs
        ranges = []
        for start, length, fmt in paragraph.runs:
            run = QTextLayout.FormatRange()
            run.start, run.length, run.format = start, length, fmt
            ranges.append(run)
        layout.setFormats(ranges)
        layout.beginLayout()
        width = max(1.0, self.width - paragraph.indent)
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            line.setPosition(QPointF(paragraph.indent, y))
            height = line.height()
            self._lines.append(LineBox(y, y + height, number, line.lineNumber()))
            y += height * paragraph.line_height
        layout.endLayout()
        marker = None
        marker_y = 0.0
        if paragraph.marker is not None:
            text, fmt = paragraph.marker
            marker = QTextLayout(text, fmt.font(), styles.device)
            range_ = QTextLayout.FormatRange()
            range_.start, range_.length, range_.format = 0, len(text), fmt
            marker.setFormats([range_])
            marker.setCacheEnabled(True)
            marker.beginLayout()
            marker_line = marker.createLine()
            marker_line.setNumColumns(len(text))
            marker.endLayout()
            if layout.lineCount():
                first = layout.lineAt(0)
                marker_y = first.y() + first.ascent() - marker_line.ascent()
        self._height = y + paragraph.after
        return layout, marker, marker_y

    @property
    def height(self) -> float:
        self._laid_out()
        return self._height

    def line_boxes(self) -> list[LineBox]:
        """Every line's (top, bottom) and paragraph, in frame coordinates."""
        self._laid_out()
        return self._lines

    def quote_spans(self) -> list[tuple[float, float]]:
        """(top of first line, bottom of last line) of every quote paragraph."""
        spans: dict[int, tuple[float, float]] = {}
        for box in self.line_boxes():
            if self._paragraphs[box.paragraph].quote:
                top, _ = spans.get(box.paragraph, (box.top, box.bottom))
                spans[box.paragraph] = (top, box.bottom)
        return list(spans.values())

    # -- painting --------------------------------------------------------------------------

    def paint(self, painter: QPainter, x: float, y: float, start: float, end: float) -> None:
        """Paint the lines whose top lies in [start, end), with the frame's ``start`` at y."""
        if end <= start:
            return
        layouts = self._laid_out()
        origin = QPointF(x, y - start)
        for box in self._lines:
            if box.top < start - 0.01 or box.top >= end - 0.01:
                continue
            layout, marker, marker_y = layouts[box.paragraph]
            if marker is not None and box.line == 0:
                marker.lineAt(0).draw(painter, origin + QPointF(0.0, marker_y))
            layout.lineAt(box.line).draw(painter, origin)
