"""The window command's own arguments: Qt's options pass through to Qt."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktopapp.cli import main, split_qt_arguments


def test_qt_options_are_told_from_ours() -> None:
    ours, qt = split_qt_arguments(
        ["-style", "Fusion", "--db", "x.sqlite3", "-platform=xcb", "-reverse", "--company", "GM"]
    )
    assert ours == ["--db", "x.sqlite3", "--company", "GM"]
    assert qt == ["-style", "Fusion", "-platform=xcb", "-reverse"]


def test_qt_options_reach_qt(article_db: Path, tmp_path: Path) -> None:
    """No display and no QT_QPA_PLATFORM: only ``-platform offscreen`` lets the window start."""
    target = tmp_path / "shot.png"
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    env.pop("WAYLAND_DISPLAY", None)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktopapp",
            "-platform",
            "offscreen",
            "-style",
            "Fusion",
            "--db",
            str(article_db),
            "--screenshot",
            str(target),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert target.read_bytes().startswith(b"\x89PNG")


def test_qt_options_with_another_command_are_one_line(
    capsys: pytest.CaptureFixture[str], article_db: Path
) -> None:
    assert main(["list", "--db", str(article_db), "-style", "Fusion"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "-style is a Qt option" in err
    assert main(["-style"]) == 2
    assert "needs a value" in capsys.readouterr().err
