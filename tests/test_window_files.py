"""The window's file commands a person reaches from the File menu: Save a Copy As (through
SQLite's backup API) and Open Recent (remembered in the settings)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMenu

from desktopapp.db.engine import open_database
from desktopapp.db.repository import EventRepository
from desktopapp.document import TimelineDocument
from desktopapp.ui.actions import ActionId
from desktopapp.ui.main_window import MainWindow
from desktopapp.ui.settings import Settings


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(
    qtbot, repository: EventRepository, article_db: Path, settings: Settings
) -> Iterator[MainWindow]:
    window = MainWindow(TimelineDocument(repository, location=article_db), settings)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=5000)
    yield window


def _answer_save(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(path), ""))
    )


def test_save_a_copy_writes_a_timeline_with_the_same_events(
    qtbot,
    window: MainWindow,
    repository: EventRepository,
    tmp_path: Path,
    monkeypatch,
    captured_boxes: list[str],
) -> None:
    target = tmp_path / "my copy.sqlite3"
    _answer_save(monkeypatch, target)
    window.registry[ActionId.SAVE_COPY].trigger()
    assert captured_boxes == []
    copy = EventRepository(open_database(target))
    try:
        assert copy.total == repository.total
        assert [row.title for row in copy.rows()] == [row.title for row in repository.rows()]
    finally:
        copy.engine.dispose()
    assert window.statusBar().currentMessage() == f"Saved a copy as {target}"


def test_a_copy_that_cannot_be_written_says_why_and_the_window_goes_on(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch, captured_boxes: list[str]
) -> None:
    _answer_save(monkeypatch, tmp_path / "no such folder" / "copy.sqlite3")
    window.registry[ActionId.SAVE_COPY].trigger()
    assert len(captured_boxes) == 1
    assert "The copy could not be saved." in captured_boxes[0]
    assert "no such folder" in captured_boxes[0]
    assert window.repository().total > 0


def _recent_menu(window: MainWindow) -> QMenu:
    menu = window.editing.recent_menu
    menu.aboutToShow.emit()  # as when the person opens it
    return menu


def test_a_timeline_opened_is_first_in_open_recent_and_opens_from_there(
    qtbot, window: MainWindow, article_db: Path, tmp_path: Path, captured_boxes: list[str]
) -> None:
    first, second = tmp_path / "first.sqlite3", tmp_path / "second.sqlite3"
    shutil.copyfile(article_db, first)
    shutil.copyfile(article_db, second)
    assert window.open_database(first) and window.open_database(second)
    texts = [action.text() for action in _recent_menu(window).actions()]
    assert texts[:2] == ["&1 second.sqlite3", "&2 first.sqlite3"]

    opened: list[str] = []
    window.databaseOpened.connect(opened.append)
    _recent_menu(window).actions()[1].trigger()
    assert opened == [str(first)]
    assert window.windowTitle().startswith("first.sqlite3")
    texts = [action.text() for action in _recent_menu(window).actions()]
    assert texts[:2] == ["&1 first.sqlite3", "&2 second.sqlite3"]


def test_a_recent_server_timeline_is_named_by_database_and_server_without_its_password(
    window: MainWindow, settings: Settings
) -> None:
    settings.add_recent_file("postgresql://ada:s3cret@db.example:5433/sample")
    settings.add_recent_file("postgresql://bob@/sample")  # a local socket
    [local, remote] = _recent_menu(window).actions()[:2]
    assert local.text() == "&1 sample on localhost"
    assert remote.text() == "&2 sample on db.example:5433"
    assert "s3cret" not in remote.toolTip() + remote.statusTip()
    assert "db.example:5433/sample" in remote.toolTip()


def test_a_recent_timeline_gone_since_is_said_and_forgotten(
    qtbot, window: MainWindow, article_db: Path, tmp_path: Path, captured_boxes: list[str]
) -> None:
    gone = tmp_path / "gone.sqlite3"
    shutil.copyfile(article_db, gone)
    assert window.open_database(gone)
    window.open_database(article_db)
    gone.unlink()
    entry = next(a for a in _recent_menu(window).actions() if "gone" in a.text())
    entry.trigger()
    assert "is no longer there" in captured_boxes[0]
    assert not any("gone" in a.text() for a in _recent_menu(window).actions())


def test_undo_and_redo_are_disabled_with_nothing_to_undo_and_edits_on_a_read_only_timeline(
    window: MainWindow, captured_boxes: list[str]
) -> None:
    undo, redo = window.registry[ActionId.UNDO], window.registry[ActionId.REDO]
    assert (undo.text(), undo.isEnabled()) == ("&Undo", False)
    assert (redo.text(), redo.isEnabled()) == ("&Redo", False)
    assert "Ctrl+Z" in [s.toString() for s in undo.shortcuts()]
    assert not window.registry[ActionId.EDIT_EVENT].isEnabled()
