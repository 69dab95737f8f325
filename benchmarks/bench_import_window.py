"""File › Import of a long TimelineJS file in the window: how long, and how long the window froze.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_import_window.py          # 10,000 slides
    QT_QPA_PLATFORM=offscreen python benchmarks/bench_import_window.py 2k 10k

An offscreen 1440x900 MainWindow on a new, empty timeline imports a generated TimelineJS file
(dated slides with HTML text, in seven groups) through the window's own path (ImportActions:
read and written on a worker thread, behind the progress dialog), then runs the event loop
until the list shows every event. Prints the import's seconds (until import_file returns) and
the UI thread's longest stall, from a 1 ms heartbeat: while the worker reads and writes, and
after it (adopting the changes, the views told). Asserts nothing.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import label, print_table, sizes_from_argv
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from desktopapp.db.store import TimelineStore
from desktopapp.document import TimelineDocument
from desktopapp.ui.import_dialog import ImportDialog
from desktopapp.ui.main_window import MainWindow
from desktopapp.ui.settings import Settings


def slides_file(path: Path, count: int) -> Path:
    events = [
        {
            "start_date": {"year": 2000 + n % 20, "month": 1 + n % 12, "day": 1 + n % 28},
            "text": {
                "headline": f"Slide {n}: what the desk reported",
                "text": f"<p>What happened that day, <b>number {n}</b>, as the desk wrote it.</p>",
            },
            "group": f"Desk {n % 7}",
        }
        for n in range(count)
    ]
    path.write_text(json.dumps({"title": {"text": {"headline": "Long"}}, "events": events}))
    return path


class Stalls:
    """A 1 ms timer on the UI thread: the longest gap between ticks, while the import's
    worker thread lives and after it."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._tick)
        self.during = self.after = 0.0
        self._last = time.perf_counter()

    def _tick(self) -> None:
        now = time.perf_counter()
        gap, self._last = now - self._last, now
        if any(thread.name == "import" for thread in threading.enumerate()):
            self.during = max(self.during, gap)
        else:
            self.after = max(self.after, gap)


def measure(app: QApplication, size: int) -> list[str]:
    folder = Path(tempfile.mkdtemp(prefix="desktopapp-bench-import-window-"))
    source = slides_file(folder / "slides.json", size)
    store = TimelineStore.create(folder / "t.timeline", title="t", author="bench")
    settings = Settings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(TimelineDocument.editing(store, location=store.path), settings)
    window.resize(1440, 900)
    window.show()
    while window.is_busy():
        app.processEvents()
    stalls = Stalls()
    stalls.timer.start()
    started = time.perf_counter()
    report = window.import_actions.import_file(source, None, ImportDialog().options())
    seconds = time.perf_counter() - started
    deadline = time.perf_counter() + 120
    while window.table_model.rowCount() < size and time.perf_counter() < deadline:
        app.processEvents()
    shown = time.perf_counter() - started
    stalls.timer.stop()
    window.close()
    window.document.close()
    return [
        label(size),
        f"{seconds:.1f}",
        f"{shown:.1f}",
        f"{stalls.during * 1000:.0f}",
        f"{stalls.after * 1000:.0f}",
        report.headline()[:50] if report else "refused",
    ]


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    sizes = sizes_from_argv(sys.argv[1:] or ["10k"])
    rows = [measure(app, size) for size in sizes]
    headers = ["slides", "import s", "shown s", "stall during ms", "stall after ms", "result"]
    print_table(headers, rows)


if __name__ == "__main__":
    main()
