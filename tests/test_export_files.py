"""The atomic writer: all or nothing, and clear refusals before anything is written."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from desktopapp.export.files import (
    TEMP_PREFIX,
    ExportCancelled,
    ExportError,
    atomic_path,
    check_target,
    write_text,
)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(TEMP_PREFIX)]


def test_writes_new_file_with_normal_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    write_text(target, "a,b\r\nà,«»\r\n")
    assert target.read_bytes() == "a,b\r\nà,«»\r\n".encode()
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
    assert _leftovers(tmp_path) == []


def test_replaces_existing_file_only_when_complete(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old report")
    before = _digest(target)
    with pytest.raises(RuntimeError), atomic_path(target) as temporary:
        temporary.write_bytes(b"half a rep")
        raise RuntimeError("disk on fire")
    assert _digest(target) == before
    assert _leftovers(tmp_path) == []
    write_text(target, "new report")
    assert target.read_text() == "new report"


def test_cancel_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    with pytest.raises(ExportCancelled), atomic_path(target) as temporary:
        temporary.write_bytes(b"partial")
        raise ExportCancelled()
    assert not target.exists()
    assert _leftovers(tmp_path) == []


def test_nothing_produced_is_an_error(tmp_path: Path) -> None:
    target = tmp_path / "empty.pdf"
    with pytest.raises(ExportError, match="nothing was produced"), atomic_path(target):
        pass
    assert not target.exists()
    assert _leftovers(tmp_path) == []


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        check_target(tmp_path / "nowhere" / "report.pdf")
    assert list(tmp_path.iterdir()) == []


def test_target_is_a_folder(tmp_path: Path) -> None:
    (tmp_path / "report.pdf").mkdir()
    with pytest.raises(ExportError, match="is a folder"):
        check_target(tmp_path / "report.pdf")


def test_parent_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(ExportError, match="not a folder"):
        check_target(tmp_path / "file" / "report.pdf")


def unwritable_folder(tmp_path: Path) -> Path:
    """A folder this process cannot create files in (root ignores permission bits)."""
    if os.geteuid() == 0:
        return Path("/proc")
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    return folder


def test_unwritable_folder(tmp_path: Path) -> None:
    folder = unwritable_folder(tmp_path)
    with pytest.raises(ExportError, match="cannot write in"):
        write_text(folder / "report.csv", "x")
    assert not (folder / "report.csv").exists()
