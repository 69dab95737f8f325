"""The window names the missing X11 libraries and the apt-get line, instead of Qt's abort."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from desktopapp import cli
from desktopapp.xcb_check import DEBIAN_PACKAGES, elf_needed, install_hint, missing_xcb_libraries

PLUGIN = Path(importlib.util.find_spec("PySide6").origin).parent / "Qt/plugins/platforms/libqxcb.so"  # type: ignore[union-attr, arg-type]
XCB = {"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0"}


def test_reads_what_the_installed_plugin_links_against() -> None:
    needed = elf_needed(PLUGIN)
    assert "libxcb-icccm.so.4" in needed and "libxcb-keysyms.so.1" in needed
    assert "libxcb-cursor.so.0" in needed


def test_every_system_library_the_plugin_needs_has_its_package() -> None:
    everything = missing_xcb_libraries(environ=XCB, can_load=lambda name: False)
    assert everything and all(name in DEBIAN_PACKAGES for name in everything)
    assert not any(name.startswith("libQt6") for name in everything)


def test_names_the_missing_ones_and_the_apt_get_line() -> None:
    absent = {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}
    missing = missing_xcb_libraries(environ=XCB, can_load=lambda name: name not in absent)
    assert set(missing) == absent
    hint = install_hint(missing)
    assert hint.endswith("sudo apt-get install libxcb-icccm4 libxcb-keysyms1")
    assert "\n" not in hint


@pytest.mark.parametrize(
    ("qt_arguments", "environ"),
    [
        ((), {"QT_QPA_PLATFORM": "offscreen"}),
        (("-platform", "offscreen"), XCB),
        ((), {"WAYLAND_DISPLAY": "wayland-0"}),
    ],
)
def test_not_checked_when_the_window_will_not_use_xcb(qt_arguments, environ) -> None:  # type: ignore[no-untyped-def]
    assert missing_xcb_libraries(qt_arguments, environ, can_load=lambda name: False) == []


def test_the_window_command_stops_with_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], article_db: Path
) -> None:
    from desktopapp import xcb_check

    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setattr(xcb_check, "_can_load", lambda name: name != "libxcb-icccm.so.4")
    assert cli.main(["--db", str(article_db)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "libxcb-icccm.so.4" in err and "apt-get install libxcb-icccm4" in err
