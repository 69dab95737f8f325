"""The timeline chart as a picture: PNG (raster, at twice the asked width) and SVG (vectors).

Both are painted by :func:`desktopapp.render.chart.paint_chart`, the routine the PDF uses, and
both are written atomically (no partial file; an existing one untouched on failure). Qt's
image and SVG writers do not report a failed write (QSvgGenerator says nothing, libpng prints
"Write Error" on stderr), so they write into memory and the bytes are written, checked, by
:func:`desktopapp.export.files.write_bytes`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgGenerator

from desktopapp.db.repository import EventRepository
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.grouping import Grouping
from desktopapp.export.files import ExportError, write_bytes
from desktopapp.render.chart import Chart, build_chart, chart_height, paint_chart

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
            f"the chart would be {size.width()}×{size.height()} pixels; export it as SVG or PDF"
        )
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    if image.isNull():
        raise ExportError("not enough memory for an image of this size; export it as SVG")
    image.setDevicePixelRatio(PNG_SCALE)
    image.fill(QColor("#1e1f22") if dark else QColor("white"))
    painter = QPainter(image)
    try:
        paint_chart(painter, QRectF(0, 0, width, height), chart, dark=dark)
    finally:
        painter.end()
    image.setText("Title", f"Timeline chart ({chart.total} events)")
    image.setText("Software", "desktopapp")
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
        raise ExportError(f"cannot write {target.name}: the PNG could not be encoded")
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
    generator.setTitle("Timeline chart")
    generator.setDescription(f"{chart.total} events, drawn by desktopapp")
    painter = QPainter()
    if not painter.begin(generator):
        raise ExportError(f"cannot write {Path(target).name}: the SVG could not be started")
    try:
        painter.fillRect(QRectF(0, 0, width, height), QColor("white"))
        paint_chart(painter, QRectF(0, 0, width, height), chart)
    finally:
        painter.end()  # writes the closing </svg>
    buffer.close()
    write_bytes(Path(target), bytes(data.data()))
    return width, round(height)


def _chart(repository: EventRepository, event_filter: EventFilter, grouping: Grouping) -> Chart:
    repository.validate(event_filter)
    return build_chart(repository, event_filter, grouping)
