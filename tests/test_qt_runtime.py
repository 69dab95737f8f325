"""Guards against a Qt binding that would crash a long session (see pyproject's pin)."""

from __future__ import annotations

import sys

from PySide6.QtGui import QImage, QPainter


def test_void_qt_calls_do_not_leak_references_to_singletons() -> None:
    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    before = {name: sys.getrefcount(value) for name, value in _SINGLETONS.items()}
    for _ in range(5000):
        painter.drawLine(0, 0, 10, 10)
        painter.setOpacity(0.5)
    painter.end()
    after = {name: sys.getrefcount(value) for name, value in _SINGLETONS.items()}
    # A broken binding (PySide6 6.12.0 on CPython 3.11) loses one reference per call here.
    for name in _SINGLETONS:
        assert abs(after[name] - before[name]) < 100, name


_SINGLETONS = {"None": None, "True": True, "False": False}
