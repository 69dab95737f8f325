"""How the window marks the words a search matched: one look for the list, the detail pane and
the article, and the delegate that draws it in the list.

The spans come from :func:`desktopapp.domain.search.match_spans` (plain Python, the index's own
folding); this module only turns them into Qt formats. The mark is a fixed amber with dark
text, legible on light and dark themes and distinct from the selection and from the article's
quote highlight (both palette blues).
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QTextCharFormat, QTextLayout
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

MATCH_ROLE = Qt.ItemDataRole.UserRole + 20  # a cell's matched spans: [(start, end)] or None
MATCH_BACKGROUND = "#ffd54f"
MATCH_TEXT = "#1a1a1a"

_AnyIndex = QModelIndex | QPersistentModelIndex


def match_format() -> QTextCharFormat:
    """The character format of a matched word."""
    marked = QTextCharFormat()
    marked.setBackground(QColor(MATCH_BACKGROUND))
    marked.setForeground(QColor(MATCH_TEXT))
    return marked


def marked_html(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` as escaped HTML with each span marked (for the rich-text detail pane)."""
    parts, done = [], 0
    for start, end in spans:
        parts.append(html.escape(text[done:start], quote=True))
        parts.append(
            f"<span style='background-color:{MATCH_BACKGROUND}; color:{MATCH_TEXT}'>"
            f"{html.escape(text[start:end], quote=True)}</span>"
        )
        done = end
    parts.append(html.escape(text[done:], quote=True))
    return "".join(parts)


def utf16_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Code point offsets as Qt's UTF-16 ones (they differ after an emoji, say)."""
    before = len(text[:start].encode("utf-16-le")) // 2
    return before, before + len(text[start:end].encode("utf-16-le")) // 2


class MatchDelegate(QStyledItemDelegate):
    """Draws a cell as usual, with the spans of :data:`MATCH_ROLE` marked; cells without a
    match are left to the base class."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _AnyIndex) -> None:
        spans: Sequence[tuple[int, int]] | None = index.data(MATCH_ROLE)
        widget = option.widget
        if not spans or widget is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = widget.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        area = area.adjusted(margin, 0, -margin, 0)
        metrics = opt.fontMetrics
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, area.width())
        # An elided text keeps its beginning: spans past the cut are not drawn.
        visible = len(shown) if shown == text else max(0, len(shown) - 1)
        ranges = []
        for start, end in spans:
            if start >= visible:
                continue
            first, last = utf16_span(shown, start, min(end, visible))
            marked = QTextLayout.FormatRange()
            marked.start, marked.length, marked.format = first, last - first, match_format()
            ranges.append(marked)
        layout = QTextLayout(shown, opt.font)
        layout.setFormats(ranges)
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(area.width())
        layout.endLayout()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(opt.palette.color(role))
        top = area.top() + (area.height() - line.height()) / 2
        layout.draw(painter, QPointF(area.left(), top))
        painter.restore()
