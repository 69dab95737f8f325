"""The whole editing flow in the window, from the keyboard: a new timeline, a source added
from a text file, a passage selected, an event created from it, its date corrected, undone and
redone; every model checked by qtmodeltester on the way."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QWidget

from desktopapp.db.repository import EventRepository
from desktopapp.document import TimelineDocument
from desktopapp.ui.actions import ActionId
from desktopapp.ui.event_editor import EventEditorDialog
from desktopapp.ui.main_window import MainWindow
from desktopapp.ui.settings import Settings
from desktopapp.ui.source_dialog import SourceDialog
from tests.dialog_helpers import ModalAnswer, focused, tab_to, type_into

pytestmark = pytest.mark.qt_log_ignore(
    "does not support raise",
    "does not support grabbing the keyboard",  # offscreen, modal
)

REPORT = (
    "Apple said on Tuesday it had paused all product sales in Russia. "
    "On 1 March 2022 Apple halted all exports to Russia, the company said in a statement. "
    "Staff had been told on 28 February 2022 that shipments would stop.\n"
)
CORRECTION = "Staff had been told on 28 February 2022 that shipments would stop."
PASSAGE = "Apple halted all exports to Russia"


@pytest.fixture
def window(
    qtbot, repository: EventRepository, article_db: Path, tmp_path: Path
) -> Iterator[MainWindow]:
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(TimelineDocument(repository, location=article_db), settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=5000)
    yield window


def press(qtbot, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(focused(), key, modifiers)


def back_to(qtbot, window: QWidget) -> None:  # type: ignore[no-untyped-def]
    """After a dialog closed: the offscreen platform does not give activation back."""
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=2000)


def ready(qtbot, dialog: QDialog) -> None:  # type: ignore[no-untyped-def]
    """A modal dialog just opened: active, with the focus inside it (as a person sees it)."""
    dialog.activateWindow()
    qtbot.waitUntil(
        lambda: dialog.isActiveWindow() and dialog.isAncestorOf(QApplication.focusWidget()),
        timeout=3000,
    )


def check_models(qtmodeltester, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(window.table_model)
    qtmodeltester.check(window.filter_panel.actor_model)
    qtmodeltester.check(window.filter_panel.type_model)
    qtmodeltester.check(window.history.model)


def listed_dates(window: MainWindow) -> list[str]:
    model = window.table_model
    return [model.event_row(row).edtf for row in range(model.rowCount())]  # type: ignore[union-attr]


def test_a_timeline_built_from_a_text_file_with_undo_and_redo(
    qtbot, qtmodeltester, window: MainWindow, tmp_path: Path, monkeypatch, captured_boxes
) -> None:
    document = window.document
    # File › New Timeline… (Ctrl+N): a file name, then a title.
    target = tmp_path / "mine.timeline"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *a, **k: ("Sanctions, March 2022", True))
    )
    window.timeline.setFocus()
    qtbot.waitUntil(lambda: focused() is window.timeline, timeout=2000)
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert document.location == target and not document.read_only
    assert document.repository.total == 0
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=5000)
    check_models(qtmodeltester, window)

    # Edit › Add Source… (Ctrl+Shift+O): a text file, its metadata confirmed.
    report = tmp_path / "apple-statement.txt"
    report.write_text(REPORT, encoding="utf-8")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(report), ""))
    )

    def confirm_source(dialog: QDialog) -> None:
        assert isinstance(dialog, SourceDialog)
        ready(qtbot, dialog)
        type_into(qtbot, dialog.title_edit, "Apple statement")
        assert dialog.footer.ok_button.isEnabled(), dialog.footer.reason.text()
        dialog.footer.ok_button.click()

    answer = ModalAnswer(SourceDialog, confirm_source)
    press(
        qtbot, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    answer.check()
    back_to(qtbot, window)
    assert len(document.repository.sources) == 1
    assert window.article.text.toPlainText().replace("\u2029", "\n") == REPORT

    # Select the passage with the keyboard in the article.
    text = window.article.text
    text.setFocus()
    qtbot.waitUntil(lambda: focused() is text, timeout=2000)
    press(qtbot, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(REPORT.index(PASSAGE)):
        press(qtbot, Qt.Key.Key_Right)
    for _ in range(len(PASSAGE)):
        press(qtbot, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    passage = window.article.selected_passage()
    assert passage is not None and passage.exact == PASSAGE

    # Edit › New Event from Selection (Ctrl+Shift+N): the passage is its quote and cites it.
    def fill_event(dialog: QDialog) -> None:
        assert isinstance(dialog, EventEditorDialog)
        ready(qtbot, dialog)
        type_into(qtbot, dialog.title_edit, "Apple halts all exports to Russia")
        tab_to(qtbot, dialog.type_box)
        for _ in range(dialog.type_box.count()):
            if dialog.type_box.currentData() == "corporate-withdrawal/export-halt":
                break
            press(qtbot, Qt.Key.Key_Down)
        assert dialog.type_box.currentData() == "corporate-withdrawal/export-halt"
        type_into(qtbot, dialog.date, "1er mars 2022")
        tab_to(qtbot, dialog.citation.use_passage)
        press(qtbot, Qt.Key.Key_Space)
        assert dialog.footer.ok_button.isEnabled(), dialog.footer.reason.text()
        dialog.footer.ok_button.click()

    answer = ModalAnswer(EventEditorDialog, fill_event)
    press(
        qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    answer.check()
    back_to(qtbot, window)
    qtbot.waitUntil(
        lambda: not window.is_busy() and window.table_model.rowCount() == 1, timeout=5000
    )
    assert listed_dates(window) == ["2022-03-01"]
    assert document.undo_text == "Add event 'Apple halts all exports to Russia'"
    check_models(qtmodeltester, window)

    # Edit › Edit Event… (F2) on the selected event: its date corrected.
    table = window.table
    table.setFocus()
    qtbot.waitUntil(lambda: focused() is table, timeout=2000)
    press(qtbot, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert document.selection is not None

    def change_date(dialog: QDialog) -> None:
        assert isinstance(dialog, EventEditorDialog)
        ready(qtbot, dialog)
        type_into(qtbot, dialog.date, "2022-02-28")
        # A new date needs the sentence that states it.
        type_into(qtbot, dialog.citation.sentence, CORRECTION)
        assert dialog.footer.ok_button.isEnabled(), dialog.footer.reason.text()
        dialog.footer.ok_button.click()

    answer = ModalAnswer(EventEditorDialog, change_date)
    press(qtbot, Qt.Key.Key_F2)
    answer.check()
    assert captured_boxes == []
    back_to(qtbot, window)
    qtbot.waitUntil(lambda: listed_dates(window) == ["2022-02-28"], timeout=5000)
    undo, redo = window.registry[ActionId.UNDO], window.registry[ActionId.REDO]
    assert undo.isEnabled() and undo.text() == f"&Undo {document.undo_text}"
    assert "Apple halts all exports to Russia" in document.undo_text
    assert window.history.model.rowCount() >= 2  # the event's creation and its new date

    # Undo (Ctrl+Z) and Redo (Ctrl+Shift+Z) from the list, which keeps the focus.
    table.setFocus()
    qtbot.waitUntil(lambda: focused() is table, timeout=2000)
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: listed_dates(window) == ["2022-03-01"], timeout=5000)
    assert redo.isEnabled() and "Apple halts all exports to Russia" in redo.text()
    assert window.detail.event_shown().date.edtf() == "2022-03-01"  # type: ignore[union-attr]
    press(
        qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(lambda: listed_dates(window) == ["2022-02-28"], timeout=5000)
    assert not redo.isEnabled() and undo.isEnabled()
    check_models(qtmodeltester, window)
    assert QApplication.activeModalWidget() is None
