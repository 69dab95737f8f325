"""Packaging: one version everywhere, one application id everywhere, validated Linux metadata,
icons that are what the SVG draws, and a user install that uninstalls cleanly.

The validators (desktop-file-validate, appstreamcli) are required, not optional: .ci/run
installs them, and a developer gets one clear message saying how to.
"""

from __future__ import annotations

import ast
import importlib.util
import os
import re
import shutil
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QByteArray
from PySide6.QtGui import QIcon, QImage, QImageReader

import desktopapp
from desktopapp.cli import main
from desktopapp.ui.icon import DESKTOP_FILE_NAME, PNG_SIZES, app_icon, app_icon_path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
ICONS = ROOT / "resources" / "icons"
APP_ID = "io.github.desktopapp.Timeline"
DESKTOP_FILE = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
MIME_FILE = METAINFO.with_name(f"{APP_ID}.mime.xml")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _metainfo() -> ET.Element:
    return ET.parse(METAINFO).getroot()


def _desktop_entry() -> dict[str, str]:
    lines = DESKTOP_FILE.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if "=" in line)


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is not installed: apt-get install {package} (.ci/run installs it)")
    return path


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE, "not PNG data"
    return struct.unpack(">II", data[16:24])


def _render_icons_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("render_icons", PACKAGING / "render_icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# -- one version --------------------------------------------------------------------------------


def test_one_version_in_pyproject_package_cli_and_metainfo(
    capsys: pytest.CaptureFixture[str],
) -> None:
    version = _pyproject()["project"]["version"]
    assert desktopapp.__version__ == version, "reinstall the package: its metadata is stale"
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out.strip() == f"desktopapp {version}"
    releases = _metainfo().findall("releases/release")
    assert releases, "the metainfo lists no release"
    newest = releases[0]
    assert newest.get("version") == version, "the newest metainfo release is not this version"
    date.fromisoformat(newest.get("date", ""))  # a real calendar date


# -- one application id -------------------------------------------------------------------------


def test_every_packaging_file_uses_the_same_application_id() -> None:
    root = _metainfo()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP_FILE.name
    assert root.get("type") == "desktop-application"
    assert _desktop_entry()["Icon"] == APP_ID
    assert DESKTOP_FILE_NAME == APP_ID
    spec = (PACKAGING / "desktopapp.spec").read_text(encoding="utf-8")
    assert f'APP_ID = "{APP_ID}"' in spec and "bundle_identifier=APP_ID" in spec
    flatpak = (PACKAGING / "flatpak" / f"{APP_ID}.yml").read_text(encoding="utf-8")
    assert re.search(rf"^id: {re.escape(APP_ID)}$", flatpak, re.MULTILINE)


def test_the_launcher_runs_the_command_the_package_installs() -> None:
    scripts = _pyproject()["project"]["scripts"]
    entry = _desktop_entry()
    assert entry["Exec"].split()[0] in scripts
    assert entry["TryExec"] in scripts
    assert _metainfo().findtext("provides/binary") in scripts


def test_timeline_files_are_a_mime_type_the_launcher_opens() -> None:
    """Double-clicking a .timeline file opens it: the desktop file handles the type that the
    shared-mime-info file declares, and runs `desktopapp open FILE`."""
    namespace = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    declared = ET.parse(MIME_FILE).getroot().find("m:mime-type", namespace)
    assert declared is not None
    mime_type = declared.get("type")
    assert [g.get("pattern") for g in declared.findall("m:glob", namespace)] == ["*.timeline"]
    entry = _desktop_entry()
    assert entry["MimeType"] == f"{mime_type};"
    assert entry["Exec"].split()[1:] == ["open", "%f"]
    assert _metainfo().findtext("provides/mediatype") == mime_type


def test_metainfo_has_what_stores_ask_for() -> None:
    root = _metainfo()
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == _pyproject()["project"]["license"]
    assert root.find("content_rating").get("type") == "oars-1.1"  # type: ignore[union-attr]
    assert root.findtext("developer/name")
    assert root.findall("screenshots/screenshot/image")
    assert root.findall("categories/category")


# -- validators (required) ----------------------------------------------------------------------


def test_desktop_file_passes_desktop_file_validate() -> None:
    tool = _tool("desktop-file-validate", "desktop-file-utils")
    result = subprocess.run([tool, str(DESKTOP_FILE)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in (result.stdout + result.stderr).lower()


def test_metainfo_passes_appstreamcli_validate() -> None:
    tool = _tool("appstreamcli", "appstream")
    result = subprocess.run(
        [tool, "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_appstreamcli_rejects_a_broken_metainfo(tmp_path: Path) -> None:
    """The validator really looks: without a summary the same file fails."""
    tool = _tool("appstreamcli", "appstream")
    broken = tmp_path / METAINFO.name
    text = METAINFO.read_text(encoding="utf-8")
    broken.write_text(re.sub(r"\s*<summary>.*?</summary>", "", text), encoding="utf-8")
    result = subprocess.run(
        [tool, "validate", "--no-net", str(broken)], capture_output=True, text=True
    )
    assert result.returncode != 0


# -- icons --------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", PNG_SIZES)
def test_png_icon_has_its_size_and_a_transparent_rounded_corner(size: int) -> None:
    path = ICONS / f"desktopapp-{size}.png"
    assert _png_size(path.read_bytes()) == (size, size)
    image = QImage(str(path))
    assert image.hasAlphaChannel()
    assert image.pixelColor(0, 0).alpha() == 0  # outside the rounded square
    assert image.pixelColor(size // 2, size // 8).alpha() == 255  # inside it


def test_png_icons_are_what_the_svg_draws(qapp) -> None:
    """A changed SVG must be re-rendered (python packaging/render_icons.py) and committed."""
    render = _render_icons_module()
    for size in (16, 48, 256):
        fresh = QImage.fromData(QByteArray(render.render_png(ICONS / "desktopapp.svg", size)))
        committed = QImage(str(ICONS / f"desktopapp-{size}.png"))
        differing = 0
        for y in range(size):
            for x in range(size):
                a, b = fresh.pixelColor(x, y), committed.pixelColor(x, y)
                differing += (
                    max(
                        abs(a.red() - b.red()),
                        abs(a.green() - b.green()),
                        abs(a.blue() - b.blue()),
                        abs(a.alpha() - b.alpha()),
                    )
                    > 24
                )
        # Antialiasing may differ at a few edge pixels between Qt versions; a changed drawing
        # (even only the colour of the quoted event's dot, 4% of the icon) may not.
        assert differing / (size * size) < 0.015, (
            f"the {size} px PNG is not what the SVG draws: run packaging/render_icons.py"
        )


def test_ico_holds_every_windows_size_as_png() -> None:
    data = (ICONS / "desktopapp.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for index in range(count):
        width, height, _, _, planes, bits, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index : 22 + 16 * index]
        )
        side = _png_size(data[offset : offset + length])
        assert side == ((width or 256), (height or 256))
        assert (planes, bits) == (1, 32)
        sizes.append(side[0])
    assert sizes == [16, 24, 32, 48, 64, 128, 256]
    reader = QImageReader(str(ICONS / "desktopapp.ico"))
    assert reader.imageCount() == count  # Qt's own ICO reader agrees


def test_icns_holds_png_elements_of_the_right_sizes() -> None:
    data = (ICONS / "desktopapp.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    expected = {
        b"icp4": 16, b"icp5": 32, b"icp6": 64, b"ic07": 128, b"ic08": 256, b"ic09": 512,
        b"ic10": 1024, b"ic11": 32, b"ic12": 64, b"ic13": 256, b"ic14": 512,
    }  # fmt: skip
    found = {}
    position = 8
    while position < len(data):
        kind = data[position : position + 4]
        length = struct.unpack(">I", data[position + 4 : position + 8])[0]
        found[kind] = _png_size(data[position + 8 : position + length])[0]
        position += length
    assert position == len(data)
    assert found == expected
    reader = QImageReader(str(ICONS / "desktopapp.icns"))
    assert reader.imageCount() == len(expected)  # Qt's own ICNS reader agrees


def test_app_icon_path_is_the_shipped_svg_and_app_icon_has_every_size(qapp) -> None:
    path = app_icon_path()
    assert path.name == "desktopapp.svg" and path.is_file()
    assert not QIcon(str(path)).isNull()
    icon = app_icon()
    assert {size.width() for size in icon.availableSizes()} == set(PNG_SIZES)


# -- bundle contents ----------------------------------------------------------------------------


def test_bundle_keeps_every_qt_module_the_package_imports() -> None:
    """The spec excludes Qt modules; one the app starts using must be added to QT_USED."""
    spec = ast.parse((PACKAGING / "desktopapp.spec").read_text(encoding="utf-8"))
    kept: set[str] = set()
    for node in ast.walk(spec):
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "QT_USED":
            kept = set(ast.literal_eval(node.value))
    assert kept, "QT_USED not found in packaging/desktopapp.spec"
    used: set[str] = set()
    for source in (ROOT / "desktopapp").rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6."):
                used.add(node.module.split(".")[1])  # type: ignore[union-attr]
            elif isinstance(node, ast.Import):
                used.update(
                    alias.name.split(".")[1]
                    for alias in node.names
                    if alias.name.startswith("PySide6.")
                )
    assert used, "no PySide6 import found: the scan is broken"
    assert used <= kept, f"imported but excluded from the bundle: {sorted(used - kept)}"


# -- Linux user install -------------------------------------------------------------------------


def _run(script: str, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env["HOME"] = str(home)
    return subprocess.run(
        ["bash", str(LINUX / script), *args], capture_output=True, text=True, env=env
    )


def test_install_and_uninstall_in_a_user_home(tmp_path: Path) -> None:
    bundle = tmp_path / "opt" / "desktopapp"
    bundle.mkdir(parents=True)
    executable = bundle / "desktopapp"
    executable.write_text("#!/bin/sh\nexit 0\n")
    executable.chmod(0o755)
    home = tmp_path / "home"
    home.mkdir()
    share = home / ".local" / "share"
    kept = share / "desktopapp" / "timeline.sqlite3"  # the user's data must survive
    kept.parent.mkdir(parents=True)
    kept.write_bytes(b"data")

    installed = _run("install.sh", home, str(bundle))
    assert installed.returncode == 0, installed.stderr
    entry = (share / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert f"\nExec={executable} open %f\n" in entry and f"\nTryExec={executable}\n" in entry
    mime = share / "mime" / "packages" / f"{APP_ID}.xml"
    assert mime.read_bytes() == MIME_FILE.read_bytes()
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").read_bytes() == METAINFO.read_bytes()
    for size in PNG_SIZES:
        icon = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert icon.read_bytes() == (ICONS / f"desktopapp-{size}.png").read_bytes()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()

    removed = _run("uninstall.sh", home)
    assert removed.returncode == 0, removed.stderr
    assert not [path for path in home.rglob(f"{APP_ID}*")]
    assert kept.read_bytes() == b"data"


def test_install_refuses_a_missing_executable_and_writes_nothing(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    result = _run("install.sh", home, str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert "is not an executable desktopapp" in result.stderr
    assert list(home.iterdir()) == []


def test_metainfo_screenshot_is_the_committed_one_with_its_size() -> None:
    """The screenshot URL points at a file of this repository, of the size the metainfo says."""
    image = _metainfo().find("screenshots/screenshot/image")
    assert image is not None and image.text
    relative = image.text.split("/main/", 1)[1]
    data = (ROOT / relative).read_bytes()
    assert _png_size(data) == (int(image.get("width", 0)), int(image.get("height", 0)))
