"""File › Import… from the keyboard: Ctrl+I, the file typed, the format told from it, the
groups made types, Enter; the report shown as plain text; the whole import one undo step.
And on the read-only sample: the editable copy offered first."""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPlainTextEdit

from desktopapp.db import edits
from desktopapp.db.engine import open_database
from desktopapp.db.repository import EventRepository
from desktopapp.db.store import TimelineStore
from desktopapp.document import TimelineDocument
from desktopapp.ingest.bundled import ensure_default_database
from desktopapp.ui.actions import ActionId
from desktopapp.ui.import_dialog import ImportDialog, ImportProgress, ImportRun, ReportDialog
from desktopapp.ui.main_window import MainWindow
from desktopapp.ui.settings import Settings
from tests.dialog_helpers import ModalAnswer, focused, keys_into, tab_to

pytestmark = pytest.mark.qt_log_ignore(
    "does not support raise",
    "does not support grabbing the keyboard",  # offscreen, modal
)

FIXTURES = Path(__file__).parent / "fixtures" / "timelinejs"
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def shown(qtbot, window: MainWindow) -> MainWindow:  # type: ignore[no-untyped-def]
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=5000)
    return window


@pytest.fixture
def editable(qtbot, tmp_path: Path, settings: Settings) -> Iterator[MainWindow]:
    store = TimelineStore.create(tmp_path / "mine.timeline", title="Mine", author="tester")
    document = TimelineDocument.editing(store, location=store.path)
    yield shown(qtbot, MainWindow(document, settings))


def ready(qtbot, dialog: QDialog) -> None:  # type: ignore[no-untyped-def]
    dialog.activateWindow()
    qtbot.waitUntil(
        lambda: dialog.isActiveWindow() and dialog.isAncestorOf(QApplication.focusWidget()),
        timeout=3000,
    )


def press_import(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.timeline.setFocus()
    qtbot.waitUntil(lambda: focused() is window.timeline, timeout=2000)
    qtbot.keyClick(focused(), Qt.Key.Key_I, CTRL)


def test_import_from_the_keyboard_is_one_undo_step_with_a_plain_report(
    qtbot, qtmodeltester, editable: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    window = editable
    document = window.document
    source = tmp_path / "newsroom.json"
    shutil.copy(FIXTURES / "messy.json", source)
    reports: list[str] = []

    def read_report(dialog: QDialog) -> None:
        assert isinstance(dialog, ReportDialog)
        ready(qtbot, dialog)
        box = dialog.findChild(QPlainTextEdit, "importReport")
        assert box is not None and box.isReadOnly()
        reports.append(dialog.headline.text() + "\n" + box.toPlainText())
        qtbot.keyClick(focused(), Qt.Key.Key_Escape)

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, ImportDialog)
        ready(qtbot, dialog)
        assert focused() is dialog.path_edit
        assert not dialog.footer.ok_button.isEnabled()
        keys_into(qtbot, focused(), str(source))
        assert dialog.format_id() == "timelinejs"  # told from the file
        assert "Told from the file" in dialog.told.text()
        tab_to(qtbot, dialog.group_box)
        qtbot.keyClick(focused(), Qt.Key.Key_Down)  # groups become types
        assert dialog.options().group_as.value == "type"
        global_answer.append(ModalAnswer(ReportDialog, read_report))
        qtbot.keyClick(focused(), Qt.Key.Key_Return)  # OK is the default button

    global_answer: list[ModalAnswer] = []
    answer = ModalAnswer(ImportDialog, fill)
    press_import(qtbot, window)
    answer.check()
    global_answer[0].check()
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=5000)

    (report,) = reports
    assert report.startswith("Imported 15 events from 'newsroom.json', read as TimelineJS JSON.")
    assert "1 slide without a date: skipped (slide 5)" in report
    assert document.repository.total == 15
    assert window.table_model.rowCount() == 15
    assert {t.slug for t in document.repository.event_types} >= {"imported", "imported/apple"}
    assert document.undo_text == "Import 15 events from 'newsroom.json'"
    qtmodeltester.check(window.table_model)
    qtmodeltester.check(window.filter_panel.actor_model)
    qtmodeltester.check(window.filter_panel.type_model)

    def one_at_a_time(command, *, note=""):  # type: ignore[no-untyped-def]
        raise AssertionError("an import is undone in one transaction, not event by event")

    monkeypatch.setattr(document.store, "execute", one_at_a_time)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=2000)
    window.timeline.setFocus()
    qtbot.waitUntil(lambda: focused() is window.timeline, timeout=2000)
    qtbot.keyClick(focused(), Qt.Key.Key_Z, CTRL)  # Edit › Undo: the whole import at once
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=5000)
    assert document.repository.total == 0
    assert window.table_model.rowCount() == 0
    assert not document.can_undo and document.redo_text.startswith("Import 15 events")
    undone = [e for e in document.store.history() if e.text.startswith("Undo: ")]
    assert {e.text for e in undone} == {"Undo: Import 15 events from 'newsroom.json'"}
    qtbot.keyClick(focused(), Qt.Key.Key_Y, CTRL)  # Edit › Redo: all of it again
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=5000)
    assert document.repository.total == 15
    assert document.undo_text == "Import 15 events from 'newsroom.json'"


def test_an_import_clears_a_filter_that_would_hide_it(qtbot, editable: MainWindow) -> None:
    from desktopapp.domain.filter import EventFilter

    editable.document.set_filter(EventFilter(text="no such words"))
    report = editable.import_actions.import_file(
        FIXTURES / "sheet-semicolon.csv", None, ImportDialog().options()
    )
    assert report is not None
    assert editable.document.filter == EventFilter()
    qtbot.waitUntil(lambda: editable.table_model.rowCount() == 3, timeout=5000)
    assert editable.statusBar().currentMessage().endswith("Filters cleared to show them.")


def test_a_bad_file_is_refused_in_one_line_and_nothing_changes(
    qtbot, editable: MainWindow, tmp_path: Path, captured_boxes: list[str]
) -> None:
    bad = tmp_path / "cut.json"
    bad.write_bytes((FIXTURES / "messy.json").read_bytes()[:500])
    report = editable.import_actions.import_file(bad, None, ImportDialog().options())
    assert report is None
    (said,) = captured_boxes
    assert said.startswith("The file could not be imported.\ncut.json: ")  # its name as is
    assert "not valid JSON" in said and said.count("\n") == 1
    assert editable.document.repository.total == 0
    assert not editable.document.can_undo


def test_the_read_only_sample_offers_an_editable_copy_first(
    qtbot, tmp_path: Path, settings: Settings, monkeypatch
) -> None:
    sample = ensure_default_database()
    before = sample.read_bytes()
    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr(
        QStandardPaths, "writableLocation", staticmethod(lambda _where: str(documents))
    )
    asked: list[str] = []

    def answer_yes(box: QMessageBox) -> int:
        asked.append(box.text())
        return QMessageBox.StandardButton.Yes.value

    monkeypatch.setattr(QMessageBox, "exec", answer_yes)
    repository = EventRepository(open_database(sample))
    window = shown(qtbot, MainWindow(TimelineDocument(repository, location=sample), settings))
    total = window.document.repository.total

    def cancel(dialog: QDialog) -> None:
        assert isinstance(dialog, ImportDialog)
        ready(qtbot, dialog)
        qtbot.keyClick(focused(), Qt.Key.Key_Escape)

    answer = ModalAnswer(ImportDialog, cancel)
    press_import(qtbot, window)
    answer.check()
    assert asked == ["The sample timeline is read-only."]
    assert window.document.location == documents / "News timeline.timeline"
    report = window.import_actions.import_file(
        FIXTURES / "sheet-semicolon.csv", None, ImportDialog().options()
    )
    assert report is not None
    assert window.document.repository.total == total + 3
    assert sample.read_bytes() == before


def test_the_import_shortcut_is_the_only_one_on_its_key(editable: MainWindow) -> None:
    action = editable.registry[ActionId.IMPORT]
    assert action.shortcut() == QKeySequence("Ctrl+I")
    assert (
        action
        in editable.findChild(type(editable.menuBar().actions()[0].menu()), "fileMenu").actions()
    )
    keys: dict[str, str] = {}
    for other in editable.findChildren(QAction):
        for sequence in other.shortcuts():
            if other.shortcutContext() == Qt.ShortcutContext.WidgetShortcut:
                continue  # a key of one widget only (the list's Copy Citation)
            name = sequence.toString()
            assert name not in keys or keys[name] == other.text(), (name, keys[name], other.text())
            keys[name] = other.text()


def test_a_format_picked_by_the_person_is_kept(qtbot, tmp_path: Path) -> None:
    from tests.dialog_helpers import show

    dialog = show(qtbot, ImportDialog())
    keys_into(qtbot, focused(), str(FIXTURES / "sheet-semicolon.csv"))
    assert dialog.format_id() == "timelinejs-csv" and dialog.told.isVisible()
    tab_to(qtbot, dialog.format_box)
    qtbot.keyClick(focused(), Qt.Key.Key_Up)  # TimelineJS JSON, the person's choice
    assert dialog.format_id() == "timelinejs"
    assert not dialog.told.isVisible()
    tab_to(qtbot, dialog.path_edit)
    qtbot.keyClick(focused(), Qt.Key.Key_End)
    qtbot.keyClick(focused(), Qt.Key.Key_Backspace)
    keys_into(qtbot, focused(), "v")  # the same file named again
    assert dialog.format_id() == "timelinejs"
    unknown = tmp_path / "notes.txt"
    unknown.write_text("hello")
    other = show(qtbot, ImportDialog())
    keys_into(qtbot, focused(), str(unknown))
    assert "could not be told" in other.told.text()
    assert other.footer.ok_button.isEnabled()  # the person may still choose the format


# -- a long import: on a worker thread, with its progress and Cancel ---------------------------


def _slides(path: Path, count: int) -> Path:
    """A TimelineJS file of ``count`` dated slides, as a newsroom's long timeline would be."""
    events = [
        {
            "start_date": {"year": 2000 + n % 20, "month": 1 + n % 12, "day": 1 + n % 28},
            "text": {"headline": f"Slide {n}", "text": f"<p>What happened, {n}.</p>"},
            "group": f"Desk {n % 7}",
        }
        for n in range(count)
    ]
    path.write_text(json.dumps({"title": {"text": {"headline": "Long"}}, "events": events}))
    return path


def _dump(location: Path) -> list[tuple]:
    from sqlalchemy import select

    from desktopapp.db.schema import Base

    engine = open_database(location)
    try:
        with engine.connect() as connection:
            return [
                (table.name, *row)
                for table in Base.metadata.sorted_tables
                for row in connection.execute(select(table).order_by(*table.c))
            ]
    finally:
        engine.dispose()


class Ticks:
    """Counts the window thread's timer ticks while the import's worker thread is alive:
    the window kept handling events (painting, input) during the import."""

    def __init__(self) -> None:
        self.during_import = 0
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        if any(thread.name == "import" for thread in threading.enumerate()):
            self.during_import += 1


def test_a_long_import_runs_beside_a_responsive_window_and_is_one_undo_step(
    qtbot, editable: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(edits, "IMPORT_BATCH", 250)  # several batches: several progress steps
    source = _slides(tmp_path / "long.json", 1500)
    document = editable.document
    told: list[tuple[int, int]] = []
    monkeypatch.setattr(
        ImportProgress, "show_written", lambda self, done, total: told.append((done, total))
    )
    ticks = Ticks()
    report = editable.import_actions.import_file(source, None, ImportDialog().options())
    ticks.timer.stop()
    assert report is not None and report.headline().startswith("Imported 1,500 events")
    assert ticks.during_import > 0
    assert told[0] == (0, 1500) and told[-1] == (1500, 1500)
    assert [done for done, _ in told] == sorted(done for done, _ in told)
    assert document.repository.total == 1500
    qtbot.waitUntil(lambda: editable.table_model.rowCount() == 1500, timeout=10000)
    assert document.undo_text == "Import 1,500 events from 'long.json'"
    document.undo()
    assert document.repository.total == 0 and not document.can_undo


def test_escape_on_the_progress_dialog_cancels_and_leaves_the_timeline_as_it_was(
    qtbot, editable: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(edits, "IMPORT_BATCH", 500)
    monkeypatch.setattr(ImportProgress, "SHOWN_AFTER_MS", 0)
    source = _slides(tmp_path / "long.json", 3000)
    document = editable.document
    location = document.store.path
    before, file_bytes = _dump(location), location.read_bytes()
    # The worker waits after its first batch until Escape was pressed: so the Cancel comes
    # in the middle of the transaction, whatever the machine's speed.
    escaped = threading.Event()
    real_told = ImportRun._told

    def told_then_wait(self, total, plan):  # type: ignore[no-untyped-def]
        written = real_told(self, total, plan)

        def waiting(done: int) -> None:  # done counts the 7 actors and the type first
            written(done)
            if done > 8:
                escaped.wait(timeout=20)

        return waiting

    monkeypatch.setattr(ImportRun, "_told", told_then_wait)
    seen: list[str] = []

    def press_escape(dialog: QDialog) -> None:
        assert isinstance(dialog, ImportProgress)
        qtbot.waitUntil(lambda: "500 of 3,000 events written" in dialog.label.text(), timeout=20000)
        seen.append(dialog.label.text())
        ready(qtbot, dialog)
        qtbot.keyClick(focused(), Qt.Key.Key_Escape)
        escaped.set()

    answer = ModalAnswer(ImportProgress, press_escape)
    report = editable.import_actions.import_file(source, None, ImportDialog().options())
    escaped.set()  # the worker is never left waiting, even if the test failed
    answer.check()
    assert report is None
    assert seen == ["Importing 'long.json': 500 of 3,000 events written"]
    assert editable.statusBar().currentMessage() == "Import cancelled: nothing was imported."
    assert document.repository.total == 0 and not document.can_undo
    assert _dump(location) == before
    assert location.read_bytes() == file_bytes
    # The timeline is still editable afterwards: the store's writer was given back.
    assert editable.import_actions.import_file(source, None, ImportDialog().options())
    assert document.repository.total == 3000


@pytest.mark.parametrize(
    ("reason", "shown"),
    [
        (
            "odd.json: no event to import (1 entry skipped)",
            "odd.json: no event to import (1 entry skipped).",
        ),
        ("nothing was saved: the disk is full", "Nothing was saved: the disk is full."),
        ("ev-12ab was changed by Bob.", "ev-12ab was changed by Bob."),
        ("/tmp/x.json: a named pipe", "/tmp/x.json: a named pipe."),
    ],
)
def test_a_refusal_is_a_sentence_that_keeps_names_as_written(reason: str, shown: str) -> None:
    from desktopapp.ui.editing import as_sentence

    assert as_sentence(reason) == shown
