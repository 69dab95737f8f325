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


def shown_text(rich: str) -> str:
    """What a rich-text tooltip reads as on screen."""
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(rich)
    return document.toPlainText()


LONG_TITLE = "Truck maker AB Volvo halts production in Russia, a spokesperson said " * 4
LONG_URL = "https://www.example.org/business/autos-transportation/" + "a-very-long-slug-" * 6


@pytest.fixture
def long_titled(tmp_path: Path) -> EventRepository:
    """A timeline of two sources, the second with a long title and a long address."""
    from desktopapp.db.commands import AddSource
    from desktopapp.db.store import TimelineStore

    path = tmp_path / "reports.timeline"
    store = TimelineStore.create(path, title="Reports", author="me")
    store.execute(AddSource(text="Our own notes.", title="Notes"))
    store.execute(AddSource(text="The report.", title=LONG_TITLE, outlet="Reuters", url=LONG_URL))
    store.close()
    return EventRepository(open_database(path))


def test_a_long_source_title_never_widens_the_pane(qtbot, long_titled: EventRepository) -> None:  # type: ignore[no-untyped-def]
    """The selector keeps the pane's width (the window once grew to fit a title), shows the
    title elided, and the whole title in the tooltips."""
    from PySide6.QtCore import Qt

    from desktopapp.ui.article_pane import ArticlePane

    pane = ArticlePane(long_titled)
    qtbot.addWidget(pane)
    pane.resize(260, 400)
    pane.show()
    qtbot.waitExposed(pane)
    box = pane.source_box
    assert box.isVisible()
    long_index = box.findText(LONG_TITLE.strip()[:40], Qt.MatchFlag.MatchStartsWith)
    assert long_index >= 0
    assert box.fontMetrics().horizontalAdvance(box.itemText(long_index)) > 260
    assert pane.minimumSizeHint().width() < 200 and box.sizeHint().width() < 200
    assert box.width() <= pane.width()
    box.setCurrentIndex(long_index)
    assert " ".join(LONG_TITLE.split()) in " ".join(shown_text(box.toolTip()).split())
    item_tip = " ".join(shown_text(box.itemData(long_index, Qt.ItemDataRole.ToolTipRole)).split())
    assert " ".join(LONG_TITLE.split()) in item_tip
    assert item_tip.startswith("Reuters, ") and item_tip.endswith(LONG_URL)  # which source


@pytest.mark.parametrize("width", [160, 240, 420])
def test_the_source_line_fits_a_narrow_pane_and_says_where_it_is_cut(
    qtbot, long_titled: EventRepository, width: int
) -> None:  # type: ignore[no-untyped-def]
    """Each line of the citation fits the pane, an address too (broken inside, as it has no
    spaces), at most three lines, the last ending with an ellipsis; the tooltip has it all."""
    from desktopapp.ui.article_pane import ArticlePane

    pane = ArticlePane(long_titled)
    qtbot.addWidget(pane)
    pane.show_source(long_titled.sources[1].key)
    pane.resize(width, 400)
    pane.show()
    qtbot.waitExposed(pane)
    label = pane.citation
    qtbot.waitUntil(lambda: label.width() == width)
    lines = label.text().split("\n")
    room = label.contentsRect().width()
    assert 1 <= len(lines) <= label.MAX_LINES
    assert all(label.fontMetrics().horizontalAdvance(line) <= room for line in lines), lines
    assert label.height() >= label.sizeHint().height()  # no line hidden below the pane's edge
    assert lines[-1].endswith("…")
    assert label.full_text().endswith(LONG_URL)
    assert LONG_URL in shown_text(label.toolTip())
