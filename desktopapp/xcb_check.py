"""Before the window starts on X11: are the system libraries Qt's xcb plugin needs there?

Without one of them Qt prints "xcb-cursor0 or libxcb-cursor0 is needed to load the Qt xcb
platform plugin" whatever is actually missing (often libxcb-icccm4 or libxcb-keysyms1), then
aborts. This reads the libraries the plugin links against from its own ELF headers (so the
list follows the installed PySide6), tries to load each, and names the Debian/Ubuntu packages
of the missing ones in one ``apt-get install`` line. Nothing here imports Qt.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import struct
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from desktopapp.domain.l10n import _

# The Debian 12 / Ubuntu package of each library the xcb plugin and QtGui link against.
DEBIAN_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb.so.1": "libxcb1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
}
# Qt's own libraries come with PySide6; the C and C++ runtimes with every system.
_SHIPPED_PREFIXES = ("libQt6", "libpyside6", "libshiboken6")
_SYSTEM = ("libc.so", "libm.so", "libstdc++.so", "libgcc_s.so", "libdl.so", "libpthread.so")


def missing_xcb_libraries(
    qt_arguments: Sequence[str] = (),
    environ: dict[str, str] | None = None,
    can_load: Callable[[str], bool] | None = None,
) -> list[str]:
    """The sonames the xcb plugin needs that cannot be loaded ([] when the window will not
    use xcb, or all are there)."""
    environ = dict(os.environ) if environ is None else environ
    if not sys.platform.startswith("linux") or _platform(qt_arguments, environ) != "xcb":
        return []
    load = can_load or _can_load
    return [name for name in _needed_libraries() if not load(name)]


def install_hint(missing: Sequence[str]) -> str:
    """One line for the person: what is missing and the apt-get line that installs it."""
    packages = sorted({DEBIAN_PACKAGES[name] for name in missing if name in DEBIAN_PACKAGES})
    unknown = [name for name in missing if name not in DEBIAN_PACKAGES]
    line = _("the window needs system libraries that are missing ({libraries})").format(
        libraries=", ".join(missing)
    )
    if packages:
        line = _("{line}; on Debian or Ubuntu: sudo apt-get install {packages}").format(
            line=line, packages=" ".join(packages)
        )
    if unknown:
        line = _("{line}; install the packages providing {libraries}").format(
            line=line, libraries=", ".join(unknown)
        )
    return line


def _platform(qt_arguments: Sequence[str], environ: dict[str, str]) -> str:
    """The platform plugin Qt will try first."""
    words = list(qt_arguments)
    for index, word in enumerate(words):
        if word.startswith("-platform="):
            return word.split("=", 1)[1].split(":")[0]
        if word == "-platform" and index + 1 < len(words):
            return words[index + 1].split(":")[0]
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(";")[0].split(":")[0]
    if environ.get("WAYLAND_DISPLAY") and not environ.get("DISPLAY"):
        return "wayland"
    return "xcb"


def _needed_libraries() -> list[str]:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        return []
    qt = Path(spec.origin).parent / "Qt"
    files = (qt / "plugins/platforms/libqxcb.so", qt / "lib/libQt6XcbQpa.so.6")
    names: dict[str, None] = {}
    for file in files:
        for name in elf_needed(file):
            if not name.startswith(_SHIPPED_PREFIXES) and not name.startswith(_SYSTEM):
                names[name] = None
    return list(names)


def _can_load(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def elf_needed(path: Path) -> list[str]:
    """The DT_NEEDED entries of a 64-bit little-endian ELF file ([] for anything else)."""
    try:
        data = path.read_bytes()
    except OSError:
        return []
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        return []
    (section_offset,) = struct.unpack_from("<Q", data, 0x28)
    entry_size, count = struct.unpack_from("<HH", data, 0x3A)
    sections = [
        struct.unpack_from("<IIQQQQIIQQ", data, section_offset + i * entry_size)
        for i in range(count)
    ]
    dynamic_type = 6  # SHT_DYNAMIC
    needed: list[str] = []
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, _esize in sections:
        if kind != dynamic_type:
            continue
        strings_offset = sections[link][4]
        for at in range(offset, offset + size, 16):
            tag, value = struct.unpack_from("<qQ", data, at)
            if tag == 0:
                break
            if tag == 1:  # DT_NEEDED
                start = strings_offset + value
                needed.append(data[start : data.index(b"\0", start)].decode())
    return needed
