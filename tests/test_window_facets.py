"""The list and timeline do not wait for the live counts, which can be slow on big databases."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktopapp.db.repository import EventRepository, FacetCounts
from desktopapp.domain.filter import EventFilter
from desktopapp.ui.filter_panel import COUNT_ROLE
from desktopapp.ui.main_window import MainWindow
from desktopapp.ui.settings import Settings


def test_rows_are_shown_before_slow_facet_counts(
    qtbot, repository: EventRepository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(repository, Settings(store))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=5000)

    release = threading.Event()
    real = EventRepository.facet_counts

    def slow(self: EventRepository, event_filter: EventFilter = EventFilter()) -> FacetCounts:
        release.wait(10)
        return real(self, event_filter)

    monkeypatch.setattr(EventRepository, "facet_counts", slow)
    applied: list[EventFilter] = []
    window.filterApplied.connect(applied.append)
    apple = EventFilter(actors=frozenset({"Apple"}))
    window.set_filter(apple)
    # The list shows Apple's three events while the counts are still being worked out.
    qtbot.waitUntil(lambda: window.table_model.matching == 3, timeout=5000)
    assert window.is_busy() and applied == []
    release.set()
    qtbot.waitUntil(lambda: applied == [apple], timeout=5000)
    assert not window.is_busy()
    types = window.filter_panel.type_model
    counts = {types.item(row).data(COUNT_ROLE) for row in range(types.rowCount())}
    assert repository.facet_counts(apple).types["corporate-withdrawal"] in counts
    window.close()
