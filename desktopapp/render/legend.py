"""The legend shared by the window and every export: what each mark and each colour means."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPen, Qt

from desktopapp.domain.taxonomy import type_label
from desktopapp.domain.text import LINE_LIMIT, for_display
from desktopapp.render.marks import DOT_RADIUS, LEGEND_STYLES, MarkShape, MarkStyle, paint_mark
from desktopapp.render.palette import ChartColours, type_colour

LEGEND_ROW = 20.0
SWATCH = 34.0
LEFT = 10.0


@dataclass(frozen=True)
class LegendEntry:
    """One legend item: a date style (``style``) or an event type (``type_slug``)."""

    label: str
    style: MarkStyle | None = None
    type_slug: str | None = None


def legend_entries(
    type_labels: dict[str, str], roots: Iterable[str], *, with_styles: bool = True
) -> tuple[LegendEntry, ...]:
    """The date styles (unless the marks are all aggregated), then the given top-level types
    in alphabetical order of their labels: the stored labels (``type_labels``), a standard
    type's in the reader's language."""
    entries: list[LegendEntry] = []
    if with_styles:
        entries.extend(LegendEntry(style.description, style=style) for style in LEGEND_STYLES)
    named = {
        (for_display(type_label(root, type_labels.get(root, root)), LINE_LIMIT), root)
        for root in roots
    }
    for label, root in sorted(named, key=lambda pair: pair[0].casefold()):
        entries.append(LegendEntry(label, type_slug=root))
    return tuple(entries)


def legend_flow(
    entries: Sequence[LegendEntry], width: float, font: QFont
) -> tuple[list[tuple[LegendEntry, float, float]], float]:
    """(entry, x, y) for each entry flowed into rows ``width`` wide, and the total height.
    Date styles start a row of their own, then the types follow."""
    metrics = QFontMetricsF(font)
    placed: list[tuple[LegendEntry, float, float]] = []
    x, y = LEFT, 0.0
    previous_kind = None
    for entry in entries:
        kind = entry.style is not None
        if previous_kind is not None and kind != previous_kind:
            x, y = LEFT, y + LEGEND_ROW
        previous_kind = kind
        item_width = (SWATCH if kind else 16.0) + 6 + metrics.horizontalAdvance(entry.label) + 18
        if x > LEFT and x + item_width > width - LEFT:
            x, y = LEFT, y + LEGEND_ROW
        placed.append((entry, x, y))
        x += item_width
    height = y + LEGEND_ROW if entries else 0.0
    return placed, height


def paint_legend(
    painter: QPainter,
    placed: Sequence[tuple[LegendEntry, float, float]],
    top: float,
    font: QFont,
    glyph: QFont,
    colours: ChartColours,
    *,
    dark: bool = False,
) -> None:
    """Paint flowed legend entries, their rows starting at ``top``."""
    metrics = QFontMetricsF(font)
    painter.save()
    for entry, x, y in placed:
        cy = top + y + LEGEND_ROW / 2
        if entry.style is not None:
            colour = type_colour("", dark=dark)
            if entry.style.shape is MarkShape.DOT:
                x0, x1 = x + SWATCH / 2 - DOT_RADIUS, x + SWATCH / 2 + DOT_RADIUS
            else:
                x0, x1 = x + 2, x + SWATCH - 12 if entry.style.glyph else x + SWATCH - 2
            paint_mark(
                painter,
                entry.style,
                x0,
                x1,
                cy,
                colour,
                background=colours.background,
                glyph_font=glyph,
                glyph_width=10,
            )
            text_x = x + SWATCH + 6
        else:
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(type_colour(entry.type_slug or "", dark=dark))
            painter.drawEllipse(QPointF(x + 8, cy), DOT_RADIUS, DOT_RADIUS)
            painter.restore()
            text_x = x + 22
        painter.setFont(font)
        painter.setPen(QPen(colours.text))
        baseline = cy + (metrics.ascent() - metrics.descent()) / 2
        painter.drawText(QPointF(text_x, baseline), entry.label)
    painter.restore()
