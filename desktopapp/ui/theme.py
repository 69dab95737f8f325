"""View › Theme: light, dark, or whatever the desktop uses.

A theme is an application palette. Every view already follows its palette (the timeline picks
its dark chart colours from the Base colour, the panes re-render on PaletteChange), so
switching the palette is all a theme needs. "Follow system" puts back the palette the
application started with and lets the desktop's colour scheme through again.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

Role = QPalette.ColorRole
Group = QPalette.ColorGroup


class Theme(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


# The dark chart's own tones (render.palette.ChartColours), so the panes match the timeline.
_DARK = {
    Role.Window: "#2B2D31",
    Role.WindowText: "#E6E6E6",
    Role.Base: "#1E1F22",
    Role.AlternateBase: "#26282C",
    Role.Text: "#E6E6E6",
    Role.PlaceholderText: "#A0A4AB",
    Role.Button: "#33363B",
    Role.ButtonText: "#E6E6E6",
    Role.BrightText: "#FFFFFF",
    Role.Highlight: "#3D6FB4",
    Role.HighlightedText: "#FFFFFF",
    Role.ToolTipBase: "#3C3F45",
    Role.ToolTipText: "#E6E6E6",
    Role.Link: "#7AB4F5",
    Role.LinkVisited: "#B392F0",
    Role.Light: "#4A4D53",
    Role.Midlight: "#3C3F45",
    Role.Mid: "#2F3136",
    Role.Dark: "#1A1B1E",
    Role.Shadow: "#000000",
}
_DARK_DISABLED = {Role.WindowText: "#7D8188", Role.Text: "#7D8188", Role.ButtonText: "#7D8188"}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in _DARK.items():
        palette.setColor(role, QColor(colour))
    for role, colour in _DARK_DISABLED.items():
        palette.setColor(Group.Disabled, role, QColor(colour))
    return palette


def is_dark(palette: QPalette) -> bool:
    return palette.color(Role.Window).lightness() < palette.color(Role.WindowText).lightness()


Primitive = QStyle.PrimitiveElement
_INDICATORS = (
    Primitive.PE_IndicatorCheckBox,
    Primitive.PE_IndicatorItemViewItemCheck,
    Primitive.PE_IndicatorRadioButton,
)


class VisibleIndicatorStyle(QProxyStyle):
    """The running style, with check and radio boxes outlined on a dark palette.

    Fusion outlines an indicator in the Window colour darkened by 40%: on a dark palette that
    is the Base colour it is filled with, so an unticked box vanishes (the actor list and the
    type tree). No palette role fixes it without darkening every frame, so the outline is
    drawn again here in the palette's dim text colour, which every theme keeps legible."""

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element not in _INDICATORS or not is_dark(option.palette):
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(option.palette.color(Role.PlaceholderText), 1))
        box = QRectF(option.rect).adjusted(0.5, 0.5, -1.5, -1.5)
        if element is Primitive.PE_IndicatorRadioButton:
            painter.drawEllipse(box)
        else:
            painter.drawRoundedRect(box, 1, 1)
        painter.restore()


class ThemeSwitcher:
    """Applies a theme to the running application; remembers the palette it started with."""

    @classmethod
    def of(cls, app: QApplication) -> ThemeSwitcher:
        """The application's one switcher: a second window must not take the first one's
        dark palette for the system's."""
        switcher = getattr(app, "_desktopapp_themes", None)
        if not isinstance(switcher, ThemeSwitcher):
            switcher = cls(app)
            app._desktopapp_themes = switcher  # type: ignore[attr-defined]
        return switcher

    def __init__(self, app: QApplication) -> None:
        self._app = app
        # Built from the style's name (-style Fusion included): a proxy must own its base
        # style, and the application deletes the style it replaces.
        self._style = VisibleIndicatorStyle(app.style().name())
        app.setStyle(self._style)
        self._system = QPalette(app.palette())
        self._theme = Theme.SYSTEM

    def theme(self) -> Theme:
        return self._theme

    def apply(self, theme: Theme) -> None:
        self._theme = theme
        hints = QGuiApplication.styleHints()
        if theme is Theme.DARK:
            _set_scheme(hints, Qt.ColorScheme.Dark)
            self._app.setPalette(dark_palette())
        elif theme is Theme.LIGHT:
            _set_scheme(hints, Qt.ColorScheme.Light)
            self._app.setPalette(self._app.style().standardPalette())
        else:
            _set_scheme(hints, Qt.ColorScheme.Unknown)
            self._app.setPalette(self._system)


def _set_scheme(hints: object, scheme: Qt.ColorScheme) -> None:
    """Tell Qt (6.8+) the scheme too, so native dialogs and styles follow; older Qt lacks it."""
    setter = getattr(hints, "setColorScheme", None)
    if setter is not None:
        setter(scheme)
