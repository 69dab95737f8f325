"""Small steps shared by the window tests."""

from __future__ import annotations

from desktopapp.domain.filter import EventFilter
from desktopapp.ui.main_window import MainWindow


def apply(qtbot, window: MainWindow, event_filter: EventFilter) -> None:  # type: ignore[no-untyped-def]
    """Set a filter and wait until every view shows it."""
    with qtbot.waitSignal(window.filterApplied, timeout=5000):
        window.set_filter(event_filter)


def listed_ids(window: MainWindow) -> list[int]:
    """Every event id in the list, fetching all its pages."""
    model = window.table_model
    while model.canFetchMore(model.index(-1, -1)):
        model.fetchMore(model.index(-1, -1))
    return [model.event_id(row) for row in range(model.rowCount())]  # type: ignore[misc]


def shown_window(qtbot, repository, folder) -> MainWindow:  # type: ignore[no-untyped-def]
    """A window over ``repository`` with settings in ``folder``, shown, active and settled."""
    from PySide6.QtCore import QSettings

    from desktopapp.ui.settings import Settings

    store = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(repository, Settings(store))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=5000)
    return window
