"""The interactive timeline on the article's 18 events (pytest-qt, offscreen)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktopapp.db.repository import EventRepository
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.grouping import Grouping
from desktopapp.domain.model import EventRow
from desktopapp.ui import timeline_loader as loader_module
from desktopapp.ui.timeline_view import INLINE_EVENTS, TimelineView, event_tooltip


def settle(qtbot: QtBot, view: TimelineView) -> None:
    """Wait, on layoutChanged, until the view shows everything asked of it."""
    while view.is_loading() or view.refresh_pending():
        with qtbot.waitSignal(view.layoutChanged, timeout=10_000):
            pass


def _make_view(
    qtbot: QtBot, repository: EventRepository, mode: str, width: int = 1400
) -> TimelineView:
    # "worker": every load and layout runs on the loader's thread, as with a big database.
    widget = TimelineView(repository, inline_events=INLINE_EVENTS if mode == "inline" else -1)
    qtbot.add_widget(widget)
    widget.resize(width, 600)
    widget.show()
    qtbot.waitExposed(widget)
    settle(qtbot, widget)
    widget.fit_all()
    settle(qtbot, widget)
    return widget


@pytest.fixture(params=["inline", "worker"])
def view(
    request: pytest.FixtureRequest, qtbot: QtBot, repository: EventRepository
) -> Iterator[TimelineView]:
    widget = _make_view(qtbot, repository, request.param)
    yield widget
    widget.wait_for_load()


def _all_ids(repository: EventRepository, event_filter: EventFilter = EventFilter()) -> set[int]:
    return {row.id for row in repository.rows(event_filter)}


def _viewport_point(view: TimelineView, event_id: int) -> QPoint:
    rect = view.mark_rects(event_id)[0]
    return view.mapFromScene(rect.center())


def test_fit_all_shows_every_filtered_event(
    view: TimelineView, repository: EventRepository
) -> None:
    assert view.visible_event_ids() == _all_ids(repository)
    first, last = view.visible_range()
    extent = repository.date_extent()
    assert extent is not None
    assert first <= extent[0] and last >= extent[1]


def test_marks_sit_where_the_time_scale_says(
    view: TimelineView, repository: EventRepository
) -> None:
    scale = view.time_scale()
    rows: dict[int, EventRow] = {row.id: row for row in repository.rows()}
    for event_id, row in rows.items():
        rects = view.mark_rects(event_id)
        assert rects, f"event {event_id} has no mark"
        for rect in rects:
            if row.is_exact_day:
                assert rect.center().x() == pytest.approx(scale.x_mid(row.start), abs=0.01)
            else:
                assert rect.left() == pytest.approx(scale.x(row.start), abs=0.01)
                assert rect.right() == pytest.approx(scale.x_end(row.end), abs=0.01)


def test_wheel_zoom_keeps_the_date_under_the_cursor(view: TimelineView, qtbot: QtBot) -> None:
    for x, delta in ((900, 120), (500, -240), (view.header_width() + 40, 360)):
        position = QPointF(x, 300)
        before = view.time_scale().ordinal_at(view.mapToScene(position.toPoint()).x())
        ppd = view.pixels_per_day()
        event = QWheelEvent(
            position,
            view.viewport().mapToGlobal(position),
            QPoint(0, 0),
            QPoint(0, delta),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(view.viewport(), event)
        assert (view.pixels_per_day() > ppd) == (delta > 0)
        after = view.time_scale().ordinal_at(view.mapToScene(position.toPoint()).x())
        # Scroll positions are whole pixels: the date may move by at most one pixel's worth.
        assert after == pytest.approx(before, abs=1.01 / view.pixels_per_day())


def test_zoom_slots_change_the_scale_around_the_centre(view: TimelineView) -> None:
    ppd = view.pixels_per_day()
    first, last = view.visible_range()
    view.zoom_in()
    assert view.pixels_per_day() > ppd
    inner_first, inner_last = view.visible_range()
    assert first <= inner_first and inner_last <= last
    view.zoom_out()
    view.zoom_out()
    assert view.pixels_per_day() < ppd


def test_set_filter_changes_exactly_the_events_shown(
    view: TimelineView, qtbot: QtBot, repository: EventRepository
) -> None:
    apple = EventFilter(actors=frozenset({"Apple"}))
    view.set_filter(apple)
    settle(qtbot, view)
    assert view.shown_event_ids() == _all_ids(repository, apple)
    sanctions = EventFilter(types=frozenset({"sanction"}))
    view.set_filter(sanctions)
    settle(qtbot, view)
    assert view.shown_event_ids() == _all_ids(repository, sanctions)
    nothing = EventFilter(text="zzzzunfindable")
    view.set_filter(nothing)
    settle(qtbot, view)
    assert view.shown_event_ids() == frozenset()
    view.set_filter(EventFilter())
    settle(qtbot, view)
    assert view.shown_event_ids() == _all_ids(repository)


def test_set_grouping_changes_the_lanes(view: TimelineView, qtbot: QtBot) -> None:
    assert view.grouping() is Grouping.ACTOR
    actor_lanes = view.lane_names()
    assert "Apple" in actor_lanes and "European Union" in actor_lanes
    assert "Russian rouble" not in actor_lanes  # only acting actors
    assert actor_lanes[-1] == "No acting actor"  # the rouble's fall: no one acts in it
    view.set_grouping(Grouping.TYPE)
    settle(qtbot, view)
    assert view.grouping() is Grouping.TYPE
    assert view.lane_names() == [
        "Aid",
        "Capital control",
        "Corporate withdrawal",
        "Market move",
        "Media restriction",
        "Safety measure",
        "Sanction",
    ]
    view.set_grouping(Grouping.NONE)
    settle(qtbot, view)
    assert view.lane_names() == ["All events"]
    assert len(view.shown_event_ids()) == 18


def test_clicking_a_mark_activates_that_event(
    view: TimelineView, qtbot: QtBot, repository: EventRepository
) -> None:
    view.set_grouping(Grouping.TYPE)
    settle(qtbot, view)
    target = next(row for row in repository.rows() if row.title.startswith("Maersk"))
    point = _viewport_point(view, target.id)
    with qtbot.waitSignal(view.eventActivated, timeout=1000) as signal:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert signal.args == [target.id]
    assert view.selected_event() == target.id
    assert view.event_at(point) == target.id


def test_clicking_empty_space_activates_nothing(view: TimelineView, qtbot: QtBot) -> None:
    with qtbot.assertNotEmitted(view.eventActivated, wait=50):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(1390, 590))
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(20, 20))


def test_select_event_highlights_without_emitting(
    view: TimelineView, qtbot: QtBot, repository: EventRepository
) -> None:
    target = next(row for row in repository.rows() if row.title.startswith("H&M"))
    for _ in range(6):
        view.zoom_in()  # far in, so the selected event starts out of sight
    settle(qtbot, view)
    with qtbot.assertNotEmitted(view.eventActivated, wait=50):
        view.select_event(target.id)
        settle(qtbot, view)
    assert view.selected_event() == target.id
    first, last = view.visible_range()
    assert first <= target.start <= last
    point = _viewport_point(view, target.id)
    assert view.viewport().rect().contains(point)
    with qtbot.assertNotEmitted(view.eventActivated, wait=20):
        view.select_event(None)
    assert view.selected_event() is None


def test_go_to_selection_centres_the_selected_event(
    view: TimelineView, qtbot: QtBot, repository: EventRepository
) -> None:
    target = next(row for row in repository.rows() if row.title.startswith("Apple halts"))
    view.select_event(target.id)
    settle(qtbot, view)
    for _ in range(8):
        view.zoom_in()
    settle(qtbot, view)
    view.go_to_selection()
    settle(qtbot, view)
    first, last = view.visible_range()
    middle = target.start + (target.end - target.start) / 2
    assert first <= middle <= last
    centre = view.mapFromScene(view.mark_rects(target.id)[0].center())
    header = view.header_width()
    plot_centre = header + (view.viewport().width() - header) / 2
    assert abs(centre.x() - plot_centre) <= 2


def test_arrow_keys_pan_through_time(view: TimelineView, qtbot: QtBot) -> None:
    view.zoom_in()
    view.zoom_in()
    settle(qtbot, view)
    first, _ = view.visible_range()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    after_right, _ = view.visible_range()
    assert after_right > first
    qtbot.keyClick(view, Qt.Key.Key_Left)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    after_left, _ = view.visible_range()
    assert after_left < after_right
    settle(qtbot, view)


def test_dense_lanes_become_count_bins(
    view: TimelineView,
    qtbot: QtBot,
    repository: EventRepository,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(loader_module, "MIN_PIXELS_PER_EVENT", 10_000.0)
    view.set_grouping(Grouping.TYPE)
    settle(qtbot, view)
    assert view.is_aggregated()
    assert view.shown_event_ids() == frozenset()
    monkeypatch.setattr(loader_module, "MIN_PIXELS_PER_EVENT", 8.0)
    view.set_grouping(Grouping.NONE)
    settle(qtbot, view)
    assert not view.is_aggregated()
    assert view.shown_event_ids() == _all_ids(repository)


def test_tooltip_is_escaped_plain_text_with_date_in_words() -> None:
    row = EventRow(
        id=1,
        title="<b>Not bold</b> & co",
        type_slug="aid",
        edtf="2022-03~",
        start=date(2022, 2, 14),
        end=date(2022, 4, 15),
        precision="month",
        approximate=True,
        uncertain=False,
        actor_names="A <script>",
    )
    text = event_tooltip(row)
    assert "&lt;b&gt;Not bold&lt;/b&gt; &amp; co" in text
    assert "approximately March 2022" in text
    assert "A &lt;script&gt;" in text
    assert "<script>" not in text
    assert text.startswith("<p")


def test_set_repository_resets_to_the_new_database(
    view: TimelineView, qtbot: QtBot, repository: EventRepository
) -> None:
    view.set_filter(EventFilter(actors=frozenset({"Apple"})))
    settle(qtbot, view)
    view.set_repository(repository)
    settle(qtbot, view)
    assert view.shown_event_ids() == _all_ids(repository)


def test_a_load_keeps_the_old_picture_and_a_stale_answer_is_dropped(
    qtbot: QtBot, repository: EventRepository
) -> None:
    view = _make_view(qtbot, repository, "worker")
    everything = view.shown_event_ids()
    shown_after_each_layout: list[frozenset[int]] = []
    view.layoutChanged.connect(lambda: shown_after_each_layout.append(view.shown_event_ids()))
    apple = EventFilter(actors=frozenset({"Apple"}))
    sanctions = EventFilter(types=frozenset({"sanction"}))
    view.set_filter(apple)
    view.set_filter(sanctions)  # before the first answer: it is dropped, never shown
    # No answer can arrive before the event loop runs: the old picture is still there.
    assert view.is_loading()
    assert view.shown_event_ids() == everything
    settle(qtbot, view)
    assert shown_after_each_layout[0] == _all_ids(repository, sanctions)
    assert all(ids != _all_ids(repository, apple) for ids in shown_after_each_layout)
    assert view.shown_event_ids() == _all_ids(repository, sanctions)
    assert not view.is_loading()


def test_the_legend_explains_marks_and_colours_without_hiding_any(
    view: TimelineView, qtbot: QtBot, repository: EventRepository
) -> None:
    entries = view.legend_entries()
    descriptions = {entry.label for entry in entries if entry.style is not None}
    assert "Exact day or time" in descriptions
    assert "Interval: at some point within these dates" in descriptions
    assert any(entry.style and entry.style.uncertain for entry in entries)
    assert any(entry.style and entry.style.approximate for entry in entries)
    roots = {t.root_slug for t in repository.event_types}
    assert {entry.type_slug for entry in entries if entry.type_slug} == roots
    assert view.legend_visible()
    strip = next(w for w in view.findChildren(QWidget) if w.accessibleName() == "Timeline legend")
    viewport = view.viewport().geometry()
    assert strip.isVisible() and strip.height() >= 20
    assert strip.geometry().top() > viewport.bottom()  # below the lanes, not over them
    view.set_legend_visible(False)
    assert not strip.isVisible()
    assert view.viewport().geometry().height() > viewport.height()
    view.set_legend_visible(True)
    assert strip.isVisible()


@pytest.mark.parametrize("mode", ["inline", "worker"])
@pytest.mark.parametrize("width", [700, 1000])
def test_fit_all_leaves_room_for_the_last_labels(
    qtbot: QtBot, repository: EventRepository, mode: str, width: int
) -> None:
    view = _make_view(qtbot, repository, mode, width)
    left = view.mapToScene(QPoint(int(view.header_width()), 0)).x()
    right = view.mapToScene(QPoint(view.viewport().width(), 0)).x()
    laid_out = [mark for lane in view._lanes for mark in lane.marks]
    assert len({mark.row.id for mark in laid_out}) == 18
    for mark in laid_out:
        assert mark.x0 >= left
        assert mark.right <= right, (mark.row.title, mark.right, right)
