"""What reaches the screen, the PDF and Qt from a hostile file: controls shown not obeyed,
huge texts cut, extreme dates kept within what Qt can draw (no hang, no crash)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hostile_display import (
    ARTICLE_CONTROLS,
    BIDI_TITLE,
    HUGE_TITLE,
    RLO,
    TAG_A,
    ZWSP,
    make_hostile_database,
)
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage

from desktopapp.db.engine import open_database
from desktopapp.db.repository import EventRepository
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.grouping import Grouping
from desktopapp.domain.text import HIDDEN_MARK, HIDDEN_MARK_NOTE, LINE_LIMIT
from desktopapp.domain.timescale import MAX_PIXELS_PER_DAY, MAX_SCENE_WIDTH, highest_zoom
from desktopapp.export.images import export_svg
from desktopapp.export.pdf import export_pdf
from desktopapp.render.chart import build_chart
from desktopapp.ui.event_table import Column
from desktopapp.ui.main_window import MainWindow
from desktopapp.ui.settings import Settings
from desktopapp.ui.timeline_view import TimelineView, event_tooltip

SCREENSHOT_SECONDS = 60  # it takes about 3 s; before the fix, 148 s (1 MB title) or SIGSEGV
BIDI_SHOWN = f"Apple {HIDDEN_MARK}slaed llA{HIDDEN_MARK} in Russia"


@pytest.fixture(scope="session")
def hostile_db(article_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_hostile_database(article_db, tmp_path_factory.mktemp("hostile") / "h.sqlite3")


@pytest.fixture
def hostile(hostile_db: Path) -> Iterator[EventRepository]:
    engine = open_database(hostile_db)
    yield EventRepository(engine)
    engine.dispose()


def _event_id(repository: EventRepository, title: str) -> int:
    return next(row.id for row in repository.rows() if row.title == title)


def test_screenshot_of_a_hostile_file_finishes_quickly_without_a_crash(
    hostile_db: Path, tmp_path: Path
) -> None:
    target = tmp_path / "hostile.png"
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "desktopapp", "--db", str(hostile_db), "--screenshot", str(target)],
        capture_output=True,
        text=True,
        timeout=SCREENSHOT_SECONDS * 2,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    seconds = time.monotonic() - started
    assert done.returncode == 0, done.stderr  # a negative status is a signal: SIGSEGV was -11
    assert "Traceback" not in done.stderr and "Error" not in done.stderr
    assert seconds < SCREENSHOT_SECONDS
    image = QImage(str(target))
    assert not image.isNull() and image.width() > 0


def test_window_shows_controls_in_the_list_and_the_detail_pane(
    qtbot, hostile: EventRepository, tmp_path: Path
) -> None:
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(hostile, Settings(store))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=10_000)
    bidi = _event_id(hostile, BIDI_TITLE)
    huge = _event_id(hostile, HUGE_TITLE)
    model = window.table_model
    titles = {
        model.event_id(row): model.index(row, Column.TITLE).data(Qt.ItemDataRole.DisplayRole)
        for row in range(model.rowCount())
    }
    assert titles[bidi] == BIDI_SHOWN
    assert titles[huge] == HUGE_TITLE[:LINE_LIMIT] + "…"
    row = model.row_of(bidi)
    assert row is not None
    tooltip = model.index(row, Column.TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert RLO not in tooltip and HIDDEN_MARK in tooltip and HIDDEN_MARK_NOTE in tooltip

    window.select_event(bidi)
    text = window.detail.plain_text()
    assert BIDI_SHOWN in text and RLO not in text
    assert HIDDEN_MARK_NOTE in text

    window.select_event(huge)
    text = window.detail.plain_text()
    assert len(text) < 20_000
    assert f"… ({len(HUGE_TITLE) - LINE_LIMIT:,} characters cut)" in text


def test_article_pane_shows_controls_one_for_one_so_quotes_stay_highlighted(
    qtbot, hostile: EventRepository, tmp_path: Path
) -> None:
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(hostile, Settings(store))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=10_000)
    shown = window.article.text.toPlainText()
    assert RLO not in shown and TAG_A not in shown
    assert [shown[position] for position in ARTICLE_CONTROLS] == [HIDDEN_MARK] * 2
    assert HIDDEN_MARK_NOTE in window.article.text.toolTip()
    for row in hostile.rows():
        event = hostile.event(row.id)
        window.select_event(row.id)
        # Quote offsets count code points of the stored text: after two controls (one of
        # them two UTF-16 units long) they must still mark exactly the quoted words.
        # The pane shows the source of the event's first quote: its passages there.
        shown_source = window.article.source_key()
        assert shown_source == event.quotes[0].source_key
        assert window.article.emphasised_text() == [
            quote.text for quote in event.quotes if quote.source_key == shown_source
        ]


def test_pdf_export_shows_controls_and_cuts_the_huge_title(
    qapp: object, hostile: EventRepository, tmp_path: Path
) -> None:
    target = tmp_path / "hostile.pdf"
    started = time.monotonic()
    export_pdf(hostile, EventFilter(), target)
    assert time.monotonic() - started < 60
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(target).pages)
    assert RLO not in text and "\u202c" not in text
    assert "slaed llA" in text  # in the order it is stored, not reordered
    assert f"… ({len(HUGE_TITLE) - LINE_LIMIT:,} characters cut)" in text  # a title: one line
    assert "Abcdefghij" * 600 not in text.replace("\n", "").replace(" ", "")


def test_pdf_metadata_title_shows_controls_too(
    qapp: object, hostile: EventRepository, tmp_path: Path
) -> None:
    """The title a PDF viewer shows in its title bar comes from the filter's words."""
    target = tmp_path / "titled.pdf"
    export_pdf(hostile, EventFilter(text=f"Apple {RLO}ssur"), target)
    title = PdfReader(target).metadata.title
    assert RLO not in title and f"{HIDDEN_MARK}ssur" in title


def test_pdf_says_what_the_mark_means_when_only_a_summary_has_a_control(
    qapp: object, hostile: EventRepository, tmp_path: Path
) -> None:
    target = tmp_path / "summary.pdf"
    export_pdf(hostile, EventFilter(date_from=date(9999, 1, 1)), target)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(target).pages)
    assert f"The rouble{HIDDEN_MARK} fell." in text and ZWSP not in text
    assert " ".join(HIDDEN_MARK_NOTE.split()) in text


def test_chart_images_show_controls_and_say_what_the_mark_means(
    qapp: object, hostile: EventRepository, tmp_path: Path
) -> None:
    chart = build_chart(hostile, EventFilter(), Grouping.ACTOR)
    assert HIDDEN_MARK_NOTE in chart.note
    target = tmp_path / "hostile.svg"
    export_svg(hostile, EventFilter(), target, grouping=Grouping.ACTOR)
    svg = target.read_text(encoding="utf-8")
    assert RLO not in svg and "&#x202e;" not in svg.lower()
    assert "slaed" in svg


def test_timeline_labels_and_tooltips_show_controls(qtbot, hostile: EventRepository) -> None:
    view = TimelineView(hostile)
    qtbot.add_widget(view)
    view.resize(1200, 600)
    view.show()
    qtbot.waitExposed(view)
    view.fit_all()
    qtbot.waitUntil(lambda: not view.is_loading(), timeout=10_000)
    row = next(row for row in hostile.rows() if row.title == BIDI_TITLE)
    tip = event_tooltip(row)
    assert RLO not in tip and HIDDEN_MARK in tip and HIDDEN_MARK_NOTE in tip
    labels = {mark.row.id: mark.label for lane in view._lanes for mark in lane.marks}
    assert all(RLO not in label for label in labels.values())
    assert len(labels[_event_id(hostile, HUGE_TITLE)]) <= LINE_LIMIT + 1


def test_zooming_into_events_spread_over_the_calendar_stays_drawable(
    qtbot, hostile: EventRepository
) -> None:
    extent = hostile.date_extent()
    assert extent is not None and extent[0].year == 1 and extent[1].year == 9999
    view = TimelineView(hostile)
    qtbot.add_widget(view)
    view.resize(1200, 600)
    view.show()
    qtbot.waitExposed(view)
    view.fit_all()
    qtbot.waitUntil(lambda: not view.is_loading(), timeout=10_000)
    first, last = view.visible_range()
    assert first.year < 10 and last.year == 9999  # fit all shows both ends of the calendar
    for _ in range(80):
        view.zoom_in()
    qtbot.waitUntil(lambda: not view.is_loading() and not view.refresh_pending(), timeout=10_000)
    cap = highest_zoom(extent)
    assert cap < MAX_PIXELS_PER_DAY
    assert view.pixels_per_day() == pytest.approx(cap)
    assert view.sceneRect().width() <= MAX_SCENE_WIDTH + 3 * view.width()
    assert view.horizontalScrollBar().maximum() < 2**31 - 1
    assert "centuries" in view.note_text()  # the view says why it zooms no further


def test_clearing_a_narrow_filter_while_zoomed_in_zooms_out_to_what_stays_drawable(
    qtbot, hostile: EventRepository
) -> None:
    view = TimelineView(hostile)
    qtbot.add_widget(view)
    view.resize(1200, 600)
    view.show()
    qtbot.waitExposed(view)
    narrow = EventFilter(date_from=date(2022, 2, 1), date_to=date(2022, 3, 31))
    view.set_filter(narrow)
    qtbot.waitUntil(lambda: not view.is_loading() and not view.refresh_pending(), timeout=10_000)
    for _ in range(40):
        view.zoom_in()
    qtbot.waitUntil(lambda: not view.is_loading() and not view.refresh_pending(), timeout=10_000)
    assert view.pixels_per_day() == MAX_PIXELS_PER_DAY
    left = view.visible_range()[0]
    view.set_filter(EventFilter())  # 2022 events stay in sight: the view is kept where it is...
    qtbot.waitUntil(lambda: not view.is_loading() and not view.refresh_pending(), timeout=10_000)
    extent = hostile.date_extent()
    assert view.pixels_per_day() <= highest_zoom(extent)  # ...but not at a zoom Qt can't draw
    assert view.horizontalScrollBar().maximum() < MAX_SCENE_WIDTH + 3 * view.width()
    assert abs((view.visible_range()[0] - left).days) <= 1
