"""Dark theme: unticked check boxes stay visible (Fusion drew their outline in the fill colour)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QCheckBox

from desktopapp.ui.theme import Theme, ThemeSwitcher


def _indicator_contrast(box: QCheckBox) -> int:
    """The largest lightness step between the box's background and any pixel of its indicator."""
    image: QImage = box.grab().toImage()
    background = QColor(image.pixel(image.width() - 1, image.height() // 2)).lightness()
    side = box.style().pixelMetric(box.style().PixelMetric.PM_IndicatorWidth) + 4
    return max(
        abs(QColor(image.pixel(x, y)).lightness() - background)
        for x in range(min(side, image.width()))
        for y in range(image.height())
    )


def test_an_unticked_check_box_is_visible_in_both_themes(qtbot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    themes = ThemeSwitcher.of(app)
    box = QCheckBox("")  # no label: only the indicator can differ from the background
    qtbot.add_widget(box)
    box.resize(40, 24)
    try:
        for theme in (Theme.DARK, Theme.LIGHT):
            themes.apply(theme)
            box.setPalette(QApplication.palette())
            assert _indicator_contrast(box) >= 40, theme
    finally:
        themes.apply(Theme.SYSTEM)
