"""Cold start: a window is on screen before the database layer is imported, and it gives way
to the main window (or to a question or an error) when that is ready."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


def test_the_entry_point_and_the_app_module_do_not_import_the_database_layer() -> None:
    """SQLAlchemy, the schema, dateutil and importlib.metadata cost more to import than Qt
    itself; the first window needs none of them."""
    code = (
        "import sys, desktopapp.cli, desktopapp.app; desktopapp.cli.build_parser(); "
        "print(sorted(m for m in ('sqlalchemy', 'desktopapp.db.schema', 'dateutil', "
        "'importlib.metadata') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]", done.stdout


def test_a_splash_is_shown_while_the_timeline_opens_and_closes_for_the_window(
    qapp, article_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QLabel

    import desktopapp.app
    from desktopapp.domain.filter import EventFilter
    from desktopapp.launch import LaunchOptions
    from desktopapp.ui.main_window import MainWindow

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )

    def splashes() -> list[QLabel]:
        return [
            w for w in qapp.topLevelWidgets() if w.objectName() == "startupSplash" and w.isVisible()
        ]

    seen: dict[str, object] = {}
    opening = desktopapp.app._open_repository

    def open_repository(options):  # type: ignore[no-untyped-def]
        (splash,) = splashes()
        seen["while opening"] = splash.accessibleName()
        return opening(options)

    def instead_of_the_event_loop(app) -> int:  # type: ignore[no-untyped-def]
        # (Windows of earlier tests may linger, closed and not yet deleted.)
        windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        seen["windows"] = len(windows)
        seen["splashes"] = len(splashes())
        for window in windows:
            window.close()
        return 0

    monkeypatch.setattr(desktopapp.app, "_open_repository", open_repository)
    monkeypatch.setattr(desktopapp.app, "run_event_loop", instead_of_the_event_loop)
    assert desktopapp.app.run_app(LaunchOptions(str(article_db), EventFilter())) == 0
    assert seen == {
        "while opening": f"Opening {article_db.name}",
        "windows": 1,
        "splashes": 0,
    }


def test_a_file_that_cannot_be_opened_closes_the_splash_before_saying_so(
    qapp, tmp_path: Path, captured_boxes: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    import desktopapp.app
    from desktopapp.domain.filter import EventFilter
    from desktopapp.launch import LaunchOptions

    visible_at_the_box: list[int] = []
    failing = desktopapp.app._fail

    def fail(message: str, *, headless: bool) -> int:
        visible_at_the_box.append(
            sum(
                1
                for w in qapp.topLevelWidgets()
                if w.objectName() == "startupSplash" and w.isVisible()
            )
        )
        return failing(message, headless=headless)

    monkeypatch.setattr(desktopapp.app, "_fail", fail)
    broken = tmp_path / "broken.timeline"
    broken.write_bytes(b"not a database at all" * 100)
    status = desktopapp.app.run_app(LaunchOptions(str(broken), EventFilter()))
    assert status == 2
    assert visible_at_the_box == [0]
    assert len(captured_boxes) == 1
