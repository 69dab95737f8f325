"""The event loop runs with the startup heap frozen, so no full collection walks it again.

Each full collection over the ~90,000 objects PySide6, SQLAlchemy and the window leave behind
cost 100-300 ms; interpreter exit runs several, which kept the process alive for up to two
seconds after the window closed."""

from __future__ import annotations

import gc

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktopapp.app import run_event_loop


def test_the_event_loop_runs_with_the_startup_heap_frozen(qapp: QApplication) -> None:
    built_before = [
        0
    ]  # tracked by the collector; stands for the window and the libraries, built before the loop
    seen: dict[str, int] = {}

    def look_and_quit() -> None:
        seen["frozen"] = gc.get_freeze_count()
        seen["still_tracked"] = sum(1 for o in gc.get_objects() if o is built_before)
        qapp.quit()

    gc.unfreeze()
    QTimer.singleShot(0, look_and_quit)
    try:
        assert run_event_loop(qapp) == 0
    finally:
        gc.unfreeze()
    assert seen["frozen"] > 10_000
    assert seen["still_tracked"] == 0
