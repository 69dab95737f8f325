"""Faults around the database: locks, read-only places, a full disk, foreign files."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import sqlite3
import threading
from pathlib import Path

import pytest

from desktopapp import safe_files
from desktopapp.cli import main
from desktopapp.ingest import builder
from desktopapp.ingest.annotations import load_annotations
from desktopapp.ingest.builder import BuildError, build_database
from desktopapp.ingest.bundled import annotations_path


def _hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_disk_full_during_build_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, article_db: Path
) -> None:
    target = tmp_path / "timeline.sqlite3"
    target.write_bytes(article_db.read_bytes())
    before = _hash(target)

    def full_disk(*_args: object, **_kwargs: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(builder, "_write_events", full_disk)
    with pytest.raises(
        BuildError, match=r"the disk is full \([\d.,]+ MB free, about [\d.,]+ MB needed\); nothing"
    ):
        build_database(load_annotations(annotations_path()), target)
    assert _hash(target) == before
    assert [p.name for p in tmp_path.iterdir()] == ["timeline.sqlite3"]


def test_build_refuses_to_overwrite_a_foreign_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "notes.txt"
    document.write_text("my precious notes")
    other = tmp_path / "contacts.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE contacts (name TEXT)")
    for target in (document, other):
        before = _hash(target)
        assert main(["build-db", "--out", str(target)]) == 2
        assert "refusing to overwrite" in capsys.readouterr().err
        assert _hash(target) == before


def test_build_replaces_an_older_timeline_database(tmp_path: Path, article_db: Path) -> None:
    target = tmp_path / "timeline.sqlite3"
    target.write_bytes(article_db.read_bytes())
    with sqlite3.connect(target) as connection:
        connection.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    assert build_database(load_annotations(annotations_path()), target) == 18


def test_build_into_unwritable_folder_is_clear(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Simulated: CI runs as root, for whom chmod does not make a folder unwritable.
    def denied(*_args: object, **_kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(safe_files, "new_temporary", denied)
    with pytest.raises(BuildError, match="cannot write here \\(Permission denied\\)"):
        build_database(load_annotations(annotations_path()), tmp_path / "x.sqlite3")
    assert list(tmp_path.iterdir()) == []


def test_read_only_database_file_can_be_viewed(
    tmp_path: Path, article_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "readonly.sqlite3"
    target.write_bytes(article_db.read_bytes())
    target.chmod(0o444)
    tmp_path.chmod(0o555)
    try:
        assert main(["list", "--db", str(target), "--json"]) == 0
        assert len(json.loads(capsys.readouterr().out)) == 18
    finally:
        tmp_path.chmod(0o755)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["readonly.sqlite3"]


def test_locked_database_gives_a_clear_message(
    tmp_path: Path, article_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "locked.sqlite3"
    target.write_bytes(article_db.read_bytes())
    holder = sqlite3.connect(target, check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")  # another program is in the middle of writing
    try:
        code = main(["list", "--db", str(target)])
        err = capsys.readouterr().err
    finally:
        holder.rollback()
        holder.close()
    assert code == 2
    assert "busy" in err and "Traceback" not in err and err.count("\n") == 1


def test_reading_while_a_build_replaces_the_file(
    tmp_path: Path, article_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A reader and a rebuild of the same file: each reader sees a whole database."""
    target = tmp_path / "shared.sqlite3"
    target.write_bytes(article_db.read_bytes())
    errors: list[BaseException] = []

    def rebuild() -> None:
        try:
            for _ in range(3):
                build_database(load_annotations(annotations_path()), target)
        except BaseException as error:  # reported below
            errors.append(error)

    thread = threading.Thread(target=rebuild)
    thread.start()
    counts = []
    while thread.is_alive():
        assert main(["list", "--db", str(target), "--json"]) == 0
        counts.append(len(json.loads(capsys.readouterr().out)))
    thread.join()
    assert not errors
    assert set(counts) <= {18}


def test_built_database_gets_a_normal_file_mode(tmp_path: Path) -> None:
    old_umask = os.umask(0o022)
    try:
        target = tmp_path / "fresh.sqlite3"
        build_database(load_annotations(annotations_path()), target)
        assert target.stat().st_mode & 0o777 == 0o644
        target.chmod(0o640)
        build_database(load_annotations(annotations_path()), target)
        assert target.stat().st_mode & 0o777 == 0o640  # a rebuild keeps the owner's choice
    finally:
        os.umask(old_umask)
