"""Unsourced events as a person sees them: the list's badge (a word, with tooltip and
accessible text), the timeline's tooltip and legend, the detail pane reached from the keyboard
(status, hint, the claim as the import's words, the links), and the PDF's event blocks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem
from window_helpers import shown_window

from desktopapp.db.engine import open_database
from desktopapp.db.repository import EventRepository
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.provenance import UNSOURCED_LINE
from desktopapp.export.pdf import export_pdf
from desktopapp.render.marks import LEGEND_STYLES
from desktopapp.ui.event_table import (
    UNSOURCED_ROLE,
    Column,
    EventTableModel,
    EventTableView,
    TitleDelegate,
)
from desktopapp.ui.main_window import MainWindow
from desktopapp.ui.search_marks import MatchDelegate
from desktopapp.ui.timeline_view import event_tooltip
from tests.unsourced_helpers import (
    CLAIM_ORIGIN,
    MEDIA_URL,
    SOURCED_TITLES,
    UNSAFE_URL,
    UNSOURCED_TITLES,
    make_mixed_timeline,
)

TITLE_TIP = Qt.ItemDataRole.ToolTipRole
ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole


@pytest.fixture
def repository(tmp_path: Path) -> Iterator[EventRepository]:
    mixed = make_mixed_timeline(tmp_path / "mixed.timeline")
    engine = open_database(mixed.path)
    yield EventRepository(engine)
    engine.dispose()


def _title_index(model: EventTableModel, title: str):  # type: ignore[no-untyped-def]
    for row in range(model.rowCount()):
        index = model.index(row, Column.TITLE)
        if index.data() == title:
            return index
    raise AssertionError(f"{title!r} is not listed")


def test_list_model_marks_unsourced_rows_and_passes_the_model_tester(
    qtmodeltester, repository: EventRepository
) -> None:
    model = EventTableModel(repository)
    qtmodeltester.check(model)
    unsourced = _title_index(model, UNSOURCED_TITLES[0])
    sourced = _title_index(model, SOURCED_TITLES[0])
    assert unsourced.data(UNSOURCED_ROLE) is True and sourced.data(UNSOURCED_ROLE) is False
    assert model.index(unsourced.row(), Column.DATE).data(UNSOURCED_ROLE) is False
    assert UNSOURCED_LINE in unsourced.data(TITLE_TIP)
    assert UNSOURCED_LINE not in sourced.data(TITLE_TIP)
    assert unsourced.data(ACCESSIBLE) == f"{UNSOURCED_TITLES[0]} ({UNSOURCED_LINE.lower()})"
    assert sourced.data(ACCESSIBLE) == SOURCED_TITLES[0]
    # The title itself is untouched: sorting and the search's marks read it as it is.
    model.sort(Column.TITLE, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(model)
    titles = [model.index(row, Column.TITLE).data() for row in range(model.rowCount())]
    assert titles == sorted(titles, key=str.casefold)


def _painted(
    delegate: MatchDelegate, view: EventTableView, title: str, selected: bool = False
) -> QImage:
    model = view.table_model()
    index = _title_index(model, title)
    image = QImage(320, 24, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    option = QStyleOptionViewItem()
    option.initFrom(view.viewport())
    option.widget = view
    option.rect = QRect(0, 0, 320, 24)
    painter = QPainter(image)
    delegate.paint(painter, option, index)
    painter.end()
    return image


def test_the_badge_is_drawn_before_the_title_of_an_unsourced_event_only(
    qtbot, repository: EventRepository
) -> None:
    view = EventTableView(EventTableModel(repository))
    qtbot.addWidget(view)
    assert isinstance(view.itemDelegateForColumn(Column.TITLE), TitleDelegate)
    titled, plain = TitleDelegate(view), MatchDelegate(view)
    for title in SOURCED_TITLES:  # a sourced title is drawn as before
        assert _painted(titled, view, title) == _painted(plain, view, title)
    badge, before = (
        _painted(titled, view, UNSOURCED_TITLES[0]),
        _painted(plain, view, UNSOURCED_TITLES[0]),
    )
    assert badge != before
    # The title moved right to make room: its first ink is further from the left edge.
    assert _first_ink_column(badge, from_x=90) > _first_ink_column(before, from_x=0) + 40


def _first_ink_column(image: QImage, from_x: int) -> int:
    for x in range(from_x, image.width()):
        if any(image.pixelColor(x, y).lightness() < 128 for y in range(image.height())):
            return x
    return image.width()


def test_timeline_tooltip_and_legend_say_unsourced(repository: EventRepository) -> None:
    rows = {row.title: row for row in repository.rows(EventFilter())}
    assert UNSOURCED_LINE in event_tooltip(rows[UNSOURCED_TITLES[0]])
    assert UNSOURCED_LINE not in event_tooltip(rows[SOURCED_TITLES[0]])
    assert sum(style.unsourced for style in LEGEND_STYLES) == 1


@pytest.fixture
def window(qtbot, repository: EventRepository, tmp_path: Path) -> MainWindow:
    return shown_window(qtbot, repository, tmp_path)


def test_the_detail_pane_of_an_unsourced_event_reached_from_the_keyboard(
    qtbot, window: MainWindow
) -> None:
    table = window.table
    table.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table, timeout=2000)
    qtbot.keyClick(table, Qt.Key.Key_Home)  # the list is in date order: Apple, H&M, Spotify
    for _ in range(2):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: window.detail.event_shown() is not None, timeout=3000)
    shown = window.detail.event_shown()
    assert shown is not None and shown.title == UNSOURCED_TITLES[0]
    text = window.detail.plain_text()
    assert UNSOURCED_LINE in text
    assert "then Edit › Add Quote to Event (Ctrl+Shift+A)." in text
    assert f"As imported from {CLAIM_ORIGIN}:" in text
    assert "Spotify <b>closed</b> its office & said so" in text  # markup kept as text
    assert f"Media: {MEDIA_URL}" in text and "The office — Photo: <i>AP</i>" in text
    assert f"Thumbnail: {UNSAFE_URL} (not a web address: not linked)" in text
    # What is a link: the media's http(s) address, never the javascript: one.
    links = window.detail.browser.document().toHtml()
    assert f'href="{MEDIA_URL}"' in links and 'href="javascript' not in links
    # The claim is no quote: it is not in the section of the source's words.
    assert "IN THE SOURCE'S WORDS" not in text


def test_a_sourced_event_says_nothing_of_it(qtbot, window: MainWindow) -> None:
    table = window.table
    table.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table, timeout=2000)
    qtbot.keyClick(table, Qt.Key.Key_Home)
    qtbot.waitUntil(lambda: window.detail.event_shown() is not None, timeout=3000)
    text = window.detail.plain_text()
    assert SOURCED_TITLES[0] in text and "Unsourced" not in text and "As imported" not in text


def test_pdf_event_blocks_say_unsourced_and_give_the_claim(
    qapp: object, repository: EventRepository, tmp_path: Path
) -> None:
    target = tmp_path / "mixed.pdf"
    export_pdf(repository, EventFilter(), target)
    reader = PdfReader(target)
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert text.count(UNSOURCED_LINE) == 2
    assert f"As imported from {CLAIM_ORIGIN}: Spotify <b>closed</b> its office" in text
    assert "Unsourced: no quote from a source yet (hollow, !)" in text  # the chart's legend
    assert f"Thumbnail: {UNSAFE_URL} (not a web address: not linked)" in text
    uris = {
        annotation.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annotation in page.get("/Annots") or []
        if "/A" in annotation.get_object()
    }
    assert MEDIA_URL in uris and not any("javascript" in uri for uri in uris)
