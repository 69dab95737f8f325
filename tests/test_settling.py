"""Waiting for the views: an event loop woken by their signals, until every view (the
timeline on its worker included) shows the answer."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from window_helpers import shown_window

from desktopapp.db.repository import EventRepository
from desktopapp.domain.filter import EventFilter
from desktopapp.ui.settling import wait_until


class _Announcer(QObject):
    done = Signal()


def test_the_condition_is_asked_when_a_signal_comes_not_on_every_event(qtbot) -> None:  # type: ignore[no-untyped-def]
    announcer = _Announcer()
    state = {"asked": 0, "ready": False, "ticks": 0}

    def ready() -> bool:
        state["asked"] += 1
        return bool(state["ready"])

    def tick() -> None:
        state["ticks"] += 1

    busy = QTimer()
    busy.timeout.connect(tick)  # other events keep coming meanwhile
    busy.start(1)

    def finish() -> None:
        state["ready"] = True
        announcer.done.emit()

    QTimer.singleShot(150, finish)
    started = time.perf_counter()
    assert wait_until(ready, [announcer.done], 5000)
    busy.stop()
    assert time.perf_counter() - started < 2
    assert state["ticks"] > 20  # the loop turned: timers ran while it waited
    assert state["asked"] <= 5  # around the wait and on the signal: no polling per event


def test_a_condition_that_never_comes_true_times_out(qtbot) -> None:  # type: ignore[no-untyped-def]
    announcer = _Announcer()
    started = time.perf_counter()
    assert not wait_until(lambda: False, [announcer.done], 100)
    assert 0.09 < time.perf_counter() - started < 2
    announcer.done.emit()  # no longer connected: nothing to quit


def test_settle_waits_for_the_timeline_loaded_on_its_worker(
    qtbot, repository: EventRepository, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = shown_window(qtbot, repository, tmp_path)
    window.timeline._inline_events = -1  # as for a large timeline: loaded off the UI thread
    actor = repository.actors[0].name
    window.set_filter(EventFilter(actors=frozenset({actor})))
    assert window.timeline.is_loading() or window.is_busy()
    assert window.settle(10_000)
    assert window.is_settled()
    assert not window.timeline.is_loading()
    lanes = [lane.name for lane in window.timeline._lanes]
    assert actor in lanes, lanes
