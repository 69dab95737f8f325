"""The timeline chart as a picture: PNG (raster, at twice the asked width) and SVG (vectors).

Both are painted by :func:`desktopapp.render.chart.paint_chart`, the routine the PDF uses, and
both are written atomically (no partial file; an existing one untouched on failure). Qt's
image and SVG writers do not report a failed write (QSvgGenerator says nothing, libpng prints
"Write Error" on stderr), so they write into memory and the bytes are written, checked, by
:func:`desktopapp.export.files.write_bytes`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgGenerator

from desktopapp.db.repository import EventRepository
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.grouping import Grouping
from desktopapp.domain.l10n import _
from desktopapp.export.files import ExportError, write_bytes
from desktopapp.export.provenance import REPORT_TITLE, filter_line, source_credit
from desktopapp.render.chart import Chart, ChartCaption, build_chart, chart_height, paint_chart

DEFAULT_WIDTH = 1400
PNG_SCALE = 2
MAX_PIXELS = 16_000 * 16_000  # QImage refuses (or the machine chokes on) larger images


def export_png(
    repository: EventRepository,
    event_filter: EventFilter,
    target: Path,
    *,
    grouping: Grouping = Grouping.ACTOR,
    width: int = DEFAULT_WIDTH,
    dark: bool = False,
) -> tuple[int, int]:
    """Write the chart as a PNG ``width`` logical pixels wide at 2x; return its pixel size."""
    chart = _chart(repository, event_filter, grouping)
    height = max(1.0, chart_height(chart, width))
    size = QSize(round(width * PNG_SCALE), round(height * PNG_SCALE))
    if size.width() * size.height() > MAX_PIXELS:
        raise ExportError(
            _("the chart would be {width}×{height} pixels; export it as SVG or PDF").format(
                width=size.width(), height=size.height()
            )
        )
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    if image.isNull():
        raise ExportError(_("not enough memory for an image of this size; export it as SVG"))
    image.setDevicePixelRatio(PNG_SCALE)
    image.fill(QColor("#1e1f22") if dark else QColor("white"))
    painter = QPainter(image)
    try:
        paint_chart(painter, QRectF(0, 0, width, height), chart, dark=dark)
    finally:
        painter.end()
    for key, text in _image_texts(chart).items():
        image.setText(key, text)
    write_png(image, Path(target))
    return size.width(), size.height()


def write_png(image: QImage | QPixmap, target: Path) -> None:
    """Encode ``image`` as PNG in memory, then write it to ``target`` atomically."""
    if isinstance(image, QPixmap):
        image = image.toImage()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # The stubs want the format as bytes; the binding accepts only str for a device.
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]
        raise ExportError(
            _("cannot write {name}: the PNG could not be encoded").format(name=target.name)
        )
    buffer.close()
    write_bytes(target, bytes(data.data()))


def export_svg(
    repository: EventRepository,
    event_filter: EventFilter,
    target: Path,
    *,
    grouping: Grouping = Grouping.ACTOR,
    width: int = DEFAULT_WIDTH,
) -> tuple[int, int]:
    """Write the chart as an SVG drawing; return its size in SVG user units."""
    chart = _chart(repository, event_filter, grouping)
    height = max(1.0, chart_height(chart, width))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(width, round(height)))
    generator.setViewBox(QRectF(0, 0, width, height))
    generator.setResolution(96)
    texts = _image_texts(chart)
    generator.setTitle(texts["Title"])
    generator.setDescription(texts["Description"])
    painter = QPainter()
    if not painter.begin(generator):
        raise ExportError(
            _("cannot write {name}: the SVG could not be started").format(name=Path(target).name)
        )
    try:
        painter.fillRect(QRectF(0, 0, width, height), QColor("white"))
        paint_chart(painter, QRectF(0, 0, width, height), chart)
    finally:
        painter.end()  # writes the closing </svg>
    buffer.close()
    write_bytes(Path(target), bytes(data.data()))
    return width, round(height)


def _chart(repository: EventRepository, event_filter: EventFilter, grouping: Grouping) -> Chart:
    """The chart with its caption: title, filter and source credit drawn into the image."""
    repository.validate(event_filter)
    chart = build_chart(repository, event_filter, grouping)
    caption = ChartCaption(
        title=_(REPORT_TITLE),
        filter_line=filter_line(repository, event_filter, repository.count(event_filter)),
        credit=source_credit(repository.sources[0] if repository.sources else None, date.today()),
    )
    return replace(chart, caption=caption)


def _image_texts(chart: Chart) -> dict[str, str]:
    """The caption again as the file's own metadata (PNG text chunks, SVG title and desc)."""
    caption = chart.caption or ChartCaption(_("Timeline chart"), "", "")
    return {
        "Title": f"{caption.title} — {caption.filter_line}",
        "Description": caption.credit,
        "Software": "desktopapp",
    }
