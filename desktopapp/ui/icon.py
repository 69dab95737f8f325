"""The application's icon and desktop identity, as shipped in desktopapp.resources/icons.

Use ``QIcon(str(app_icon_path()))`` for a window icon, or :func:`app_icon` for an icon that
also carries the hand-checked PNG renderings at small sizes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon, QImageReader

from desktopapp.ingest.bundled import resource_path

# The reverse-DNS id of the .desktop file, AppStream metainfo, Flatpak and macOS bundle. Pass it
# to QGuiApplication.setDesktopFileName so Wayland and taskbars match windows to the launcher.
DESKTOP_FILE_NAME = "io.github.desktopapp.Timeline"
ICON_NAME = "desktopapp"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def icon_file(name: str) -> Path:
    """A file of the icon set: ``desktopapp.svg``, ``desktopapp-32.png``, ``desktopapp.ico``..."""
    return resource_path(f"icons/{name}")


def app_icon_path() -> Path:
    """The best single icon file: the SVG when Qt can read SVG, else the largest PNG."""
    formats = {bytes(fmt.data()).lower() for fmt in QImageReader.supportedImageFormats()}
    if b"svg" in formats:
        return icon_file(f"{ICON_NAME}.svg")
    return icon_file(f"{ICON_NAME}-{PNG_SIZES[-1]}.png")


def app_icon() -> QIcon:
    """The application icon from its PNG renderings, 16 to 512 px (Qt scales between them)."""
    icon = QIcon()
    for size in PNG_SIZES:
        icon.addFile(str(icon_file(f"{ICON_NAME}-{size}.png")))
    return icon
