"""Save a Copy As through SQLite's backup API: consistent while the file is being written,
self-contained, and all or nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktopapp.document.copies import CopyError, save_copy


def _wal_database(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("CREATE TABLE events (title TEXT)")
    connection.execute("INSERT INTO events VALUES ('Apple halts all exports to Russia')")
    return connection


def _titles(path: Path) -> list[str]:
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return [row[0] for row in connection.execute("SELECT title FROM events ORDER BY rowid")]
    finally:
        connection.close()


def test_a_copy_holds_what_was_committed_even_in_the_wal_and_not_an_edit_under_way(
    tmp_path: Path,
) -> None:
    source = tmp_path / "mine.sqlite3"
    writer = _wal_database(source)
    writer.execute("BEGIN")
    writer.execute("INSERT INTO events VALUES ('half an edit')")  # not committed
    target = tmp_path / "copy.sqlite3"

    assert save_copy(source, target) == target

    writer.execute("ROLLBACK")
    writer.close()
    assert _titles(target) == ["Apple halts all exports to Russia"]
    check = sqlite3.connect(target)
    assert check.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    check.close()
    assert not list(tmp_path.glob(".desktopapp-tmp-*"))


def test_a_copy_replaces_an_older_file_of_that_name(tmp_path: Path) -> None:
    source = tmp_path / "mine.sqlite3"
    _wal_database(source).close()
    target = tmp_path / "copy.sqlite3"
    target.write_bytes(b"an older copy")
    save_copy(source, target)
    assert _titles(target) == ["Apple halts all exports to Russia"]


def test_a_failed_copy_leaves_the_target_as_it_was(tmp_path: Path) -> None:
    source = tmp_path / "not-a-timeline.sqlite3"
    source.write_bytes(b"just some text, not a database" * 100)
    target = tmp_path / "copy.sqlite3"
    target.write_bytes(b"keep me")
    with pytest.raises(CopyError) as raised:
        save_copy(source, target)
    assert "\n" not in str(raised.value) and "not-a-timeline" in str(raised.value)
    assert target.read_bytes() == b"keep me"
    assert not list(tmp_path.glob(".desktopapp-tmp-*"))


def test_copying_a_timeline_over_itself_or_into_a_folder_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "mine.sqlite3"
    _wal_database(source).close()
    before = source.read_bytes()
    with pytest.raises(CopyError, match="open timeline itself"):
        save_copy(source, source)
    with pytest.raises(CopyError, match="folder"):
        save_copy(source, tmp_path)
    assert source.read_bytes() == before
