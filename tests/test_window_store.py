"""The window over an editable timeline: File › New Timeline, the bundled sample's editable
copy, undo and redo through the store, and another process's writes shown within a second."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox, QWidget

from desktopapp.db.commands import AddSource
from desktopapp.db.engine import open_database
from desktopapp.db.repository import EventRepository
from desktopapp.db.store import TimelineStore
from desktopapp.document import TimelineDocument
from desktopapp.ingest.bundled import ensure_default_database
from desktopapp.ui.actions import ActionId
from desktopapp.ui.main_window import MainWindow
from desktopapp.ui.settings import Settings


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


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


@pytest.fixture
def window(
    qtbot, repository: EventRepository, article_db: Path, settings: Settings
) -> Iterator[MainWindow]:
    yield shown(qtbot, MainWindow(TimelineDocument(repository, location=article_db), settings))


def test_new_timeline_from_the_keyboard_creates_an_empty_editable_file(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch, captured_boxes: list[str]
) -> None:
    target = tmp_path / "mine"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *a, **k: ("Sanctions, March 2022", True))
    )
    window.timeline.setFocus()
    qtbot.waitUntil(lambda: focused() is window.timeline, timeout=2000)
    qtbot.keyClick(focused(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert captured_boxes == []
    document = window.document
    assert document.location == tmp_path / "mine.timeline" and not document.read_only
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=5000)
    assert document.repository.total == 0
    assert window.status_count.text() == "0 of 0 events"
    assert window.windowTitle().startswith("mine.timeline")
    assert document.repository.event_types  # the standard taxonomy, ready to use
    window.editing.recent_menu.aboutToShow.emit()
    assert window.editing.recent_menu.actions()[0].text() == "&1 mine.timeline"


def test_an_existing_file_is_refused_as_a_new_timeline(
    qtbot, window: MainWindow, article_db: Path, monkeypatch, captured_boxes: list[str]
) -> None:
    before = hashlib.sha256(article_db.read_bytes()).hexdigest()
    assert not window.editing.new_timeline(article_db, "Overwrite?")
    assert "already exists" in captured_boxes[0]
    assert hashlib.sha256(article_db.read_bytes()).hexdigest() == before
    assert window.document.read_only


def test_undo_and_redo_go_through_the_store_and_the_views_follow(
    qtbot, tmp_path: Path, settings: Settings, captured_boxes: list[str]
) -> None:
    path = tmp_path / "notes.timeline"
    store = TimelineStore.create(path, title="Notes", author="me")
    window = shown(qtbot, MainWindow(TimelineDocument.editing(store, location=path), settings))
    undo, redo = window.registry[ActionId.UNDO], window.registry[ActionId.REDO]
    assert window.editing.execute(AddSource(text="Apple halted all exports.", title="Wire"))
    assert window.article.text.toPlainText() == "Apple halted all exports."
    assert undo.isEnabled() and undo.text() == f"&Undo {window.document.undo_text}"
    window.timeline.setFocus()
    qtbot.waitUntil(lambda: focused() is window.timeline, timeout=2000)
    qtbot.keyClick(focused(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.repository.sources == ()
    assert not window.article.text.isVisible()  # no source left to show
    assert redo.isEnabled() and not undo.isEnabled()
    qtbot.keyClick(
        focused(),
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert [s.title for s in store.repository.sources] == ["Wire"]
    assert window.article.text.toPlainText() == "Apple halted all exports."
    assert captured_boxes == []


def test_editing_the_bundled_sample_offers_an_editable_copy_in_documents(
    qtbot, tmp_path: Path, settings: Settings, monkeypatch
) -> None:
    sample = ensure_default_database()
    before = hashlib.sha256(sample.read_bytes()).hexdigest()
    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr(
        QStandardPaths, "writableLocation", staticmethod(lambda _where: str(documents))
    )
    asked: list[str] = []

    def answer_yes(box: QMessageBox) -> int:
        asked.append(f"{box.text()}\n{box.informativeText()}")
        return QMessageBox.StandardButton.Yes.value

    monkeypatch.setattr(QMessageBox, "exec", answer_yes)
    repository = EventRepository(open_database(sample))
    total = repository.total
    window = shown(qtbot, MainWindow(TimelineDocument(repository, location=sample), settings))
    first = window.table_model.event_id(0)
    window.select_event(first)

    assert window.editing.writable()  # what every edit asks first
    copy = documents / "News timeline.timeline"
    assert asked[0].startswith("The sample timeline is read-only.") and str(copy) in asked[0]
    document = window.document
    assert document.location == copy and not document.read_only
    assert document.selection == first  # the same events: what was shown stays
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=5000)
    assert document.repository.total == total
    assert window.windowTitle().startswith("News timeline.timeline")
    assert hashlib.sha256(sample.read_bytes()).hexdigest() == before  # never written


def test_a_write_by_another_process_is_shown_within_a_second_and_undo_forgotten(
    qtbot, tmp_path: Path, settings: Settings
) -> None:
    path = tmp_path / "shared.timeline"
    ours = TimelineStore.create(path, title="Shared", author="me")
    window = shown(qtbot, MainWindow(TimelineDocument.editing(ours, location=path), settings))
    window.document.execute(AddSource(text="Our own notes.", title="Notes"))
    assert window.document.can_undo

    theirs = TimelineStore.open(path, author="someone else")
    try:
        theirs.execute(AddSource(text="Their report.", title="Their report"))
    finally:
        theirs.close()
    qtbot.waitUntil(lambda: window.article.source_box.count() == 2, timeout=3000)
    assert "Another window or program changed this timeline" in (
        window.statusBar().currentMessage()
    )
    assert not window.document.can_undo  # our undo would overwrite their edit
    assert not window.registry[ActionId.UNDO].isEnabled()


def test_a_passage_quoted_by_a_new_event_is_highlighted_in_the_article_at_once(
    qtbot, tmp_path: Path, settings: Settings
) -> None:
    from desktopapp.db.commands import AddActor, AddEvent, QuoteInput, SourceSentence

    path = tmp_path / "notes.timeline"
    store = TimelineStore.create(path, title="Notes", author="me")
    window = shown(qtbot, MainWindow(TimelineDocument.editing(store, location=path), settings))
    document = window.document
    text = "On 1 March 2022 Apple halted all exports to Russia, it said."
    source = document.execute(AddSource(text=text, title="Wire")).created_key
    assert source is not None and window.article.source_key() == source
    passage = "Apple halted all exports to Russia"
    start = text.index(passage)
    quote = QuoteInput(source, start, start + len(passage), passage)
    actor = document.execute(AddActor("Apple", "company")).created_key
    assert actor is not None
    event = document.execute(
        AddEvent(
            "Apple halts all exports to Russia",
            "corporate-withdrawal/export-halt",
            "2022-03-01",
            SourceSentence(quote),
            ((actor, "acting"),),
            (quote,),
        )
    ).created_key
    assert event is not None
    event_id = document.repository.event_ids_by_key([event])[event]
    spans = window.article.spans_of(event_id)
    assert [(span.start, span.end) for span in spans] == [(start, start + len(passage))]
