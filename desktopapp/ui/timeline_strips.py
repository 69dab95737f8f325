"""The rows under the timeline's lanes: a note row and the legend, and the legend's popup.

Both rows sit in the scroll area's bottom margin, outside the viewport, so neither ever
covers a mark or a bar. The legend must never take the lanes' place either: when its rows
would take more than a quarter of the timeline's height, or leave the lanes less than
``MIN_LANES_HEIGHT``, it collapses, and its button beside the scroll bar opens it as a
popup instead (see :func:`legend_fits`).
"""

from __future__ import annotations

import math
from typing import Protocol

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QHelpEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QFrame, QToolTip, QVBoxLayout, QWidget

from desktopapp.render.lanes import AXIS_HEIGHT, Fonts
from desktopapp.render.legend import LegendEntry, legend_flow, paint_legend
from desktopapp.render.palette import ChartColours

LEGEND_SHARE = 0.25  # the legend takes at most this share of the timeline's height
MIN_LANES_HEIGHT = AXIS_HEIGHT + 2 * 34.0  # the axis and two one-row lanes stay in view
NOTE_PADDING = 6  # above and below the note's lines
POPUP_WIDTH = 460.0
_WRAP = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap)


class ChartLook(Protocol):
    """What the strips take from the timeline: its fonts and colours."""

    def fonts(self) -> Fonts: ...

    def colours(self) -> ChartColours: ...

    def is_dark(self) -> bool: ...


def legend_fits(legend_height: float, timeline_height: float) -> bool:
    """True when the legend's rows can sit under the lanes without taking their place."""
    if legend_height <= 0:
        return True
    return (
        legend_height <= timeline_height * LEGEND_SHARE
        and timeline_height - legend_height >= MIN_LANES_HEIGHT
    )


class LegendStrip(QWidget):
    """The legend's entries flowed into rows as wide as the widget."""

    def __init__(self, look: ChartLook, parent: QWidget) -> None:
        super().__init__(parent)
        self._look = look
        self.entries: tuple[LegendEntry, ...] = ()
        self.setAccessibleName(self.tr("Timeline legend"))

    def flow(self, width: float) -> tuple[list[tuple[LegendEntry, float, float]], float]:
        return legend_flow(self.entries, width, self._look.fonts().small)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        colours = self._look.colours()
        painter.fillRect(self.rect(), colours.axis_background)
        painter.setPen(QPen(colours.grid, 1.0))
        painter.drawLine(QPointF(0, 0.5), QPointF(self.width(), 0.5))
        placed, _ = self.flow(self.width())
        fonts = self._look.fonts()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        paint_legend(
            painter, placed, 3.0, fonts.small, fonts.glyph, colours, dark=self._look.is_dark()
        )
        painter.end()


class LegendPopup(QFrame):
    """The legend in a popup, for when there is no room for it under the lanes."""

    def __init__(self, look: ChartLook, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.strip = LegendStrip(look, self)
        self.strip.setAccessibleName(self.tr("Timeline legend (popup)"))
        self.setAccessibleName(self.tr("Timeline legend popup"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.addWidget(self.strip)

    def show_entries(self, entries: tuple[LegendEntry, ...], below_right: QPoint) -> None:
        """Open the popup with its top-right corner at ``below_right`` (global), kept on the
        screen."""
        self.strip.entries = entries
        _, height = self.strip.flow(POPUP_WIDTH)
        self.strip.setFixedSize(int(POPUP_WIDTH), int(height) + 6)
        self.adjustSize()
        top_left = QPoint(below_right.x() - self.width(), below_right.y() - self.height())
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            top_left.setX(max(screen.left(), min(top_left.x(), screen.right() - self.width())))
            top_left.setY(max(screen.top(), min(top_left.y(), screen.bottom() - self.height())))
        self.move(top_left)
        self.show()


class NoteStrip(QWidget):
    """What the picture leaves out (counts per period, quieter lanes), in a row of its own
    under the lanes: one line, or two when one is too narrow; the tooltip has the whole
    text if even two lines cut it."""

    def __init__(self, look: ChartLook, parent: QWidget) -> None:
        super().__init__(parent)
        self._look = look
        self._text = ""
        self.setAccessibleName(self.tr("Timeline note"))

    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.setAccessibleDescription(text)
            self.update()

    def height_for(self, width: float) -> int:
        """The row's height at this width: 0 without a note, else its lines (two at most)."""
        if not self._text:
            return 0
        metrics = QFontMetricsF(self._look.fonts().label)
        room = QRectF(0, 0, width - 20, 10_000)
        needed = metrics.boundingRect(room, _WRAP, self._text).height()
        line = metrics.boundingRect(room, _WRAP, "X").height()
        return math.ceil(min(needed, 2 * line)) + 2 * NOTE_PADDING

    def _text_rect(self) -> QRectF:
        return QRectF(10, NOTE_PADDING, self.width() - 20, self.height() - 2 * NOTE_PADDING)

    def fits(self) -> bool:
        """True when the whole note is written in the row (else its tooltip has it)."""
        metrics = QFontMetricsF(self._look.fonts().label)
        needed = metrics.boundingRect(self._text_rect(), _WRAP, self._text)
        return needed.height() <= self._text_rect().height() + 0.5

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            if self.fits():
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self._text, self)
            return True
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        colours = self._look.colours()
        painter.fillRect(self.rect(), colours.note_background)
        painter.setPen(QPen(colours.grid, 1.0))
        painter.drawLine(QPointF(0, 0.5), QPointF(self.width(), 0.5))
        painter.setFont(self._look.fonts().label)
        painter.setPen(QPen(colours.text))
        painter.drawText(self._text_rect(), _WRAP, self._text)
        painter.end()
