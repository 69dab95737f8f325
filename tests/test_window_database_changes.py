"""The window on a database whose file is replaced while open, or named by a URL with a
password: it says so in words, and never shows the password."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from PySide6.QtCore import QSettings

from desktopapp.db.engine import open_database
from desktopapp.db.repository import EventRepository
from desktopapp.domain.filter import EventFilter
from desktopapp.ui.main_window import MainWindow
from desktopapp.ui.settings import Settings


def _window(qtbot, repository: EventRepository, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(repository, Settings(store))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=5000)
    return window


def test_a_replaced_file_is_reported_in_the_status_bar(
    qtbot, tmp_path: Path, article_db: Path
) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "shared.sqlite3"
    shutil.copyfile(article_db, target)
    repository = EventRepository(open_database(target))
    window = _window(qtbot, repository, tmp_path)
    try:
        replacement = tmp_path / "rebuilt.sqlite3"
        shutil.copyfile(article_db, replacement)
        os.replace(replacement, target)  # what a rebuild does
        with qtbot.waitSignal(window.queryFailed, timeout=5000) as failed:
            window.set_filter(EventFilter(text="Apple"))
        assert "replaced by another one while open" in failed.args[0]
        assert "replaced by another one" in window.statusBar().currentMessage()
        # Opening it again shows the new file.
        with qtbot.waitSignal(window.filterApplied, timeout=5000):
            assert window.open_database(target)
    finally:
        window.close()


def test_a_url_password_is_not_shown_by_the_window(
    qtbot, tmp_path: Path, repository: EventRepository, captured_boxes: list[str]
) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, repository, tmp_path)
    assert not window.open_database("postgresql://u:s3cr%40t@127.0.0.1:1/db")
    assert len(captured_boxes) == 1
    assert "***" in captured_boxes[0]
    assert "s3cr" not in captured_boxes[0]
