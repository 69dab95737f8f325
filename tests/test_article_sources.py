"""A database of many sources: the article pane shows the source of the selected event."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktopapp.db.engine import open_database
from desktopapp.db.repository import EventRepository
from desktopapp.ingest.builder import build_database
from desktopapp.ingest.synthetic import synthetic_dataset
from desktopapp.ui.main_window import MainWindow
from desktopapp.ui.settings import Settings


@pytest.fixture
def many_sources(tmp_path: Path) -> EventRepository:
    path = tmp_path / "synthetic.sqlite3"
    build_database(synthetic_dataset(300, seed=7), path)
    return EventRepository(open_database(path))


def test_selecting_an_event_shows_its_own_source(
    qtbot, tmp_path: Path, many_sources: EventRepository
) -> None:  # type: ignore[no-untyped-def]
    assert len(many_sources.sources) > 1
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(many_sources, Settings(store))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=5000)
    first_key = many_sources.sources[0].key
    other = next(
        event
        for event in many_sources.events()
        if event.quotes and event.quotes[0].source_key != first_key
    )
    window.select_event(other.id)
    pane = window.article
    assert pane.source_key() == other.quotes[0].source_key
    assert pane.text.toPlainText() == many_sources.source_text(other.quotes[0].source_key)
    emphasised = [text.replace("\u2029", "\n") for text in pane.emphasised_text()]
    assert other.quotes[0].text in emphasised


def test_the_source_selector_lists_every_source_and_shows_the_one_chosen_by_keyboard(
    qtbot, tmp_path: Path, many_sources: EventRepository
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(many_sources, Settings(store))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=5000)
    box = window.article.source_box
    assert box.isVisible()
    assert [box.itemData(i) for i in range(box.count())] == [s.key for s in many_sources.sources]
    shown = window.article.source_key()
    box.setFocus()
    qtbot.waitUntil(box.hasFocus, timeout=2000)
    qtbot.keyClick(box, Qt.Key.Key_Down)
    chosen = box.currentData()
    assert chosen != shown and window.article.source_key() == chosen
    assert window.article.text.toPlainText() == many_sources.source_text(chosen)
