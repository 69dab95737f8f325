"""The timeline as a user drives it: focus and keys, re-fitting, the wheel over the lane
names, the legend and the note row when room is short, lane names' width (pytest-qt,
offscreen, on the article's 18 events)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QColor, QPalette, QWheelEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QToolButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot
from test_timeline_view import _all_ids, settle

from desktopapp.db.repository import EventRepository
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.grouping import Grouping
from desktopapp.ui import timeline_loader as loader_module
from desktopapp.ui.main_window import MainWindow
from desktopapp.ui.settings import Settings
from desktopapp.ui.timeline_strips import LegendStrip, NoteStrip
from desktopapp.ui.timeline_view import INLINE_EVENTS, TimelineView


def _framed(
    qtbot: QtBot,
    repository: EventRepository,
    mode: str = "inline",
    size: tuple[int, int] = (1400, 600),
) -> tuple[QWidget, QLineEdit, TimelineView]:
    """A window holding a line edit, then the timeline: Tab goes from one to the other.
    Keep the window referenced: qtbot only holds it weakly."""
    window = QWidget()
    qtbot.add_widget(window)
    edit = QLineEdit(window)
    view = TimelineView(repository, window, inline_events=INLINE_EVENTS if mode == "inline" else -1)
    layout = QVBoxLayout(window)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(edit)
    layout.addWidget(view)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    settle(qtbot, view)
    return window, edit, view


def _press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """A key press delivered where the keyboard focus is, as a user's would be."""
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key, modifier)


def _tab_into(qtbot: QtBot, edit: QLineEdit, view: TimelineView) -> None:
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    _press(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(view.hasFocus)


def _date_order(
    repository: EventRepository, event_filter: EventFilter = EventFilter()
) -> list[int]:
    return [row.id for row in repository.rows(event_filter)]  # the list's date order


@pytest.mark.parametrize("mode", ["inline", "worker"])
def test_tab_reaches_the_timeline_and_a_frame_shows_its_focus(
    qtbot: QtBot, repository: EventRepository, mode: str
) -> None:
    _window, edit, view = _framed(qtbot, repository, mode)
    highlight = view.palette().color(QPalette.ColorRole.Highlight)
    assert QColor(view.viewport().grab().toImage().pixel(1, 300)) != highlight
    _tab_into(qtbot, edit, view)
    assert view.focusPolicy() == Qt.FocusPolicy.StrongFocus
    image = view.viewport().grab().toImage()
    for point in ((1, 300), (view.viewport().width() - 2, 300), (400, 1)):
        assert QColor(image.pixel(*point)) == highlight, point
    _press(qtbot, Qt.Key.Key_Backtab)
    qtbot.waitUntil(edit.hasFocus)
    assert QColor(view.viewport().grab().toImage().pixel(1, 300)) != highlight


@pytest.mark.parametrize("mode", ["inline", "worker"])
@pytest.mark.parametrize(
    ("forward", "back", "modifier"),
    [
        (Qt.Key.Key_N, Qt.Key.Key_P, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Right, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier),
    ],
)
def test_keys_step_through_the_events_in_date_order_as_clicks_select_them(
    qtbot: QtBot,
    repository: EventRepository,
    mode: str,
    forward: Qt.Key,
    back: Qt.Key,
    modifier: Qt.KeyboardModifier,
) -> None:
    _window, edit, view = _framed(qtbot, repository, mode)
    order = _date_order(repository)
    _tab_into(qtbot, edit, view)
    activated: list[int] = []
    view.eventActivated.connect(activated.append)
    for _ in range(len(order) + 2):  # past the last one: it stays there
        _press(qtbot, forward, modifier)
        settle(qtbot, view)
        assert view.selected_event() == activated[-1]
        assert view.selected_event() in view.visible_event_ids()
    assert activated == order  # each event once, the first in sight first
    for _step in range(3):
        _press(qtbot, back, modifier)
    assert activated[-3:] == order[-2:-5:-1]
    assert view.hasFocus()
    _press(qtbot, Qt.Key.Key_Return)
    assert activated[-1] == activated[-2] == view.selected_event()


def test_stepping_follows_the_filter_and_reaches_events_out_of_sight(
    qtbot: QtBot, repository: EventRepository
) -> None:
    _window, edit, view = _framed(qtbot, repository)
    corporate = EventFilter(types=frozenset({"corporate-withdrawal"}))
    view.set_filter(corporate)
    settle(qtbot, view)
    _tab_into(qtbot, edit, view)
    for _step in range(8):
        _press(qtbot, Qt.Key.Key_Plus)  # far in: most events out of sight
    settle(qtbot, view)
    order = _date_order(repository, corporate)
    view.select_event(order[0])
    settle(qtbot, view)
    for expected in order[1:]:
        _press(qtbot, Qt.Key.Key_N)
        settle(qtbot, view)
        assert view.selected_event() == expected
        assert expected in view.visible_event_ids()


def test_keys_zoom_and_fit(qtbot: QtBot, repository: EventRepository) -> None:
    _window, edit, view = _framed(qtbot, repository)
    _tab_into(qtbot, edit, view)
    fitted = view.pixels_per_day()
    for key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal, Qt.Key.Key_Plus, Qt.Key.Key_Plus):
        _press(qtbot, key)
    settle(qtbot, view)
    assert view.pixels_per_day() > fitted * 2.4
    zoomed_in = view.visible_range()
    _press(qtbot, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, view)
    assert view.pixels_per_day() == pytest.approx(fitted)
    assert view.visible_event_ids() == _all_ids(repository)
    first, last = view.visible_range()
    assert zoomed_in[0] > first and zoomed_in[1] < last
    _press(qtbot, Qt.Key.Key_Minus)
    settle(qtbot, view)
    assert view.pixels_per_day() < fitted
    _press(qtbot, Qt.Key.Key_Home)
    settle(qtbot, view)
    assert view.pixels_per_day() == pytest.approx(fitted)
    first, _ = view.visible_range()
    _press(qtbot, Qt.Key.Key_Plus)
    _press(qtbot, Qt.Key.Key_Right)  # arrows still pan
    settle(qtbot, view)
    assert view.visible_range()[0] > first


@pytest.mark.parametrize("mode", ["inline", "worker"])
def test_a_filter_change_fits_again_unless_the_user_zoomed_by_hand(
    qtbot: QtBot, repository: EventRepository, mode: str
) -> None:
    _window, _, view = _framed(qtbot, repository, mode)
    whole = view.pixels_per_day()
    for narrower in (
        EventFilter(actors=frozenset({"Google"})),  # 26-27 Feb: a much closer fit
        EventFilter(date_from=date(2022, 3, 1), types=frozenset({"aid"})),
    ):
        view.set_filter(narrower)
        settle(qtbot, view)
        fitted, shown = view.pixels_per_day(), view.visible_range()
        assert fitted > whole * 1.2
        assert view.visible_event_ids() == _all_ids(repository, narrower)
        view.fit_all()  # what Ctrl+0 would give: the filter already showed it
        settle(qtbot, view)
        assert view.pixels_per_day() == pytest.approx(fitted)
        assert view.visible_range() == shown
    view.set_filter(EventFilter())
    settle(qtbot, view)
    assert view.pixels_per_day() == pytest.approx(whole)
    late = EventFilter(date_from=date(2022, 3, 1))
    view.zoom_in()  # by hand (the toolbar's Zoom In)
    view.zoom_in()
    settle(qtbot, view)
    zoomed, shown = view.pixels_per_day(), view.visible_range()
    view.set_filter(late)
    settle(qtbot, view)
    assert view.pixels_per_day() == pytest.approx(zoomed)  # the user's view is kept
    assert view.visible_range() == shown
    view.fit_all()
    settle(qtbot, view)
    view.set_filter(EventFilter())
    settle(qtbot, view)
    assert view.pixels_per_day() == pytest.approx(whole)  # fitted again since Fit All


@pytest.mark.parametrize("mode", ["inline", "worker"])
def test_a_resize_keeps_a_fitted_view_fitted_and_a_zoomed_one_on_its_span(
    qtbot: QtBot, repository: EventRepository, mode: str
) -> None:
    window, _, view = _framed(qtbot, repository, mode, size=(900, 600))
    narrow = view.pixels_per_day()
    window.resize(1400, 600)
    settle(qtbot, view)
    assert view.pixels_per_day() > narrow * 1.3  # fitted to the wider plot
    assert view.visible_event_ids() == _all_ids(repository)
    right = view.mapToScene(QPoint(view.viewport().width(), 0)).x()
    assert all(mark.right <= right for lane in view._lanes for mark in lane.marks)
    view.zoom_in()
    view.zoom_in()
    settle(qtbot, view)
    first, last = view.visible_range()
    window.resize(1000, 600)
    settle(qtbot, view)
    after_first, after_last = view.visible_range()
    assert abs((after_first - first).days) <= 1 and abs((after_last - last).days) <= 1


def test_the_wheel_over_the_lane_names_scrolls_the_lanes(
    qtbot: QtBot, repository: EventRepository
) -> None:
    _window, _, view = _framed(qtbot, repository, size=(1000, 400))
    bar = view.verticalScrollBar()
    assert bar.maximum() > 0  # more lanes than fit
    ppd, shown = view.pixels_per_day(), view.visible_range()
    position = QPointF(view.header_width() / 2, 200)
    event = QWheelEvent(
        position,
        view.viewport().mapToGlobal(position),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), event)
    assert bar.value() > 0
    assert view.pixels_per_day() == ppd and view.visible_range() == shown


# The offscreen platform cannot raise a popup or grab the keyboard for it: it says so.
@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")
@pytest.mark.parametrize("size", [(320, 260), (460, 330)])
def test_the_legend_never_takes_the_lanes_place(
    qtbot: QtBot, repository: EventRepository, size: tuple[int, int]
) -> None:
    # The timeline's share of the window at 720x452 (also QT_SCALE_FACTOR=2 on 1600x1000)
    # and at 1024x640.
    view = TimelineView(repository)
    qtbot.add_widget(view)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    settle(qtbot, view)
    assert view.legend_collapsed() and not view.legend_visible()
    lanes_room = view.viewport().height()
    assert lanes_room >= view.height() - 40  # the legend took nothing
    assert view.lane_names() and view.viewport().height() > view._lanes[0].bottom - 20
    button = next(b for b in view.findChildren(QToolButton) if b.text() == "Legend")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # opens the legend as a popup
    popup = view.legend_popup()
    qtbot.waitUntil(popup.isVisible)
    shown = next(w for w in popup.findChildren(LegendStrip))
    assert shown.entries == view.legend_entries() and shown.height() > 60
    popup.close()
    view.resize(1400, 700)
    qtbot.waitUntil(view.legend_visible)
    assert not view.legend_collapsed()


def test_notes_have_a_row_of_their_own_under_the_lanes(
    qtbot: QtBot, repository: EventRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loader_module, "MIN_PIXELS_PER_EVENT", 10_000.0)
    view = TimelineView(repository, lane_limit=3)
    qtbot.add_widget(view)
    view.resize(900, 500)
    view.show()
    qtbot.waitExposed(view)
    view.set_grouping(Grouping.ACTOR)
    settle(qtbot, view)
    shown = len(view.lane_names())  # three at a time, until they fill the screen
    assert shown % 3 == 0 and view._lanes[-1].bottom >= view.viewport().height()
    note = view.note_text()
    assert "Too many events to draw one by one" in note
    hidden = (
        len(
            repository.lane_counts(
                EventFilter(), Grouping.ACTOR, date(2022, 1, 1), date(2022, 12, 31)
            )
        )
        - shown
    )
    assert hidden > 0 and f"{hidden:,} quieter lanes not shown yet: scroll down" in note
    strip = next(w for w in view.findChildren(QWidget) if w.accessibleName() == "Timeline note")
    assert strip.isVisible()
    assert strip.geometry().top() > view.viewport().geometry().bottom()  # not over the bars
    assert isinstance(strip, NoteStrip) and strip.fits()  # whole, in two lines if need be
    legend = next(w for w in view.findChildren(QWidget) if w.accessibleName() == "Timeline legend")
    assert not legend.isVisible() or legend.geometry().top() >= strip.geometry().bottom()


def test_lane_names_get_the_width_they_need(qtbot: QtBot, repository: EventRepository) -> None:
    view = TimelineView(repository)
    qtbot.add_widget(view)
    view.resize(1200, 600)
    view.show()
    qtbot.waitExposed(view)
    view.set_grouping(Grouping.TYPE)
    settle(qtbot, view)
    fonts = view.fonts()
    from PySide6.QtGui import QFontMetricsF

    needed = QFontMetricsF(fonts.header).horizontalAdvance("Corporate withdrawal")
    assert view.header_width() >= needed + 16 + 10 + 6 + 8  # swatch, margins, the count
    # The plot starts where the names end: its first day is right of the column.
    left = view.mapToScene(QPoint(int(view.header_width()), 0)).x()
    assert all(mark.x0 >= left - 1 for lane in view._lanes for mark in lane.marks)


def test_in_the_window_a_key_on_the_timeline_selects_everywhere_as_a_click(
    qtbot: QtBot, repository: EventRepository, tmp_path: Path
) -> None:
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(repository, Settings(store))
    qtbot.add_widget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=5000)
    timeline = window.timeline
    settle(qtbot, timeline)
    viewport = timeline.viewport()
    empty = next(  # a spot on no mark or label, wherever the sample's lanes happen to fall
        point
        for y in range(viewport.height() - 5, 0, -5)
        if timeline.event_at(point := QPoint(viewport.width() - 5, y)) is None
    )
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=empty)
    qtbot.waitUntil(timeline.hasFocus)
    order = _date_order(repository)
    for expected in order[:3]:
        with qtbot.waitSignal(window.eventSelected, timeout=2000):
            _press(qtbot, Qt.Key.Key_N)
        assert window.table.selected_event_id() == expected
        assert window.detail.event_shown() == repository.event(expected)
        assert window.article.selected_event() == expected
        assert timeline.selected_event() == expected
    assert timeline.hasFocus()  # the list followed; the keyboard stayed on the timeline


def test_scrolling_down_loads_the_quieter_lanes_with_their_counts(
    qtbot: QtBot, repository: EventRepository
) -> None:
    # Worker mode, as at 1M events: the busiest lanes first, the rest as one scrolls.
    view = TimelineView(repository, inline_events=-1, lane_limit=4)
    qtbot.add_widget(view)
    view.resize(900, 400)
    view.show()
    qtbot.waitExposed(view)
    view.set_grouping(Grouping.ACTOR)
    settle(qtbot, view)
    window = view._data
    assert window is not None
    every = repository.lane_counts(EventFilter(), Grouping.ACTOR, window.start, window.end)
    first = view.lane_names()
    assert len(first) < len(every) and view.note_text()
    busiest = sorted(every, key=lambda lane: -lane.count)[: len(first)]
    assert sorted(first) == sorted(lane.label for lane in busiest)
    view.fit_all()
    settle(qtbot, view)
    ppd, span = view.pixels_per_day(), view.visible_range()
    for _ in range(80):  # the wheel over the lane names, as a person scrolls down
        position = QPointF(view.header_width() / 2, 200)
        wheel = QWheelEvent(
            position,
            view.viewport().mapToGlobal(position),
            QPoint(0, 0),
            QPoint(0, -120),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(view.viewport(), wheel)
        settle(qtbot, view)
        if len(view.lane_names()) == len(every):
            break
    assert sorted(view.lane_names()) == sorted(lane.label for lane in every)
    shown = {lane.name: lane.count for lane in view._lanes}
    assert shown == {lane.label: lane.count for lane in every}
    assert "quieter lanes" not in view.note_text()
    # Time stays put (the lane names' column may widen for the names loaded).
    assert view.pixels_per_day() == ppd and view.visible_range()[0] == span[0]
    view.fit_all()  # fitted on the busiest lanes again: the zoom of the fit before scrolling
    settle(qtbot, view)
    assert view.pixels_per_day() == ppd
