"""The window under stress: queries off the UI thread, database errors, hostile input, bad
files, markup in the data, an empty database, two windows on one file, and the last-resort
error hook. Every wait is on a signal or a condition, never a sleep."""

from __future__ import annotations

import dataclasses
import hashlib
import shutil
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QPoint, QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QHelpEvent, QTextDocument
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QToolTip
from sqlalchemy.exc import OperationalError
from window_helpers import apply, listed_ids

from desktopapp.app import CrashReporter, one_line_reason
from desktopapp.db.engine import open_database
from desktopapp.db.repository import EventRepository
from desktopapp.domain.filter import MAX_SEARCH_LENGTH, EventFilter
from desktopapp.domain.grouping import Grouping
from desktopapp.domain.model import Event
from desktopapp.ui.actions import ActionId
from desktopapp.ui.event_table import Column
from desktopapp.ui.filter_panel import KEY_ROLE
from desktopapp.ui.main_window import COUNTING, MainWindow
from desktopapp.ui.query_runner import QueryRunner
from desktopapp.ui.settings import Settings

DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole

MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def make_window(qtbot, repository: EventRepository, tmp_path: Path) -> MakeWindow:
    def make(repo: EventRepository | None = None) -> MainWindow:
        store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(repo or repository, Settings(store))
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: not window.is_busy(), timeout=5000)
        return window

    return make


@pytest.fixture
def window(make_window: MakeWindow) -> MainWindow:
    return make_window()


def shows_truthfully(window: MainWindow, repository: EventRepository) -> None:
    wanted = window.event_filter()
    expected = [row.id for row in repository.rows(wanted)]
    assert listed_ids(window) == expected
    assert window.status_count.text() == f"{len(expected):,} of {repository.total:,} events"


def shown_text(rich: str) -> str:
    """What a rich-text tooltip reads as on screen."""
    document = QTextDocument()
    document.setHtml(rich)
    return document.toPlainText()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def copy_db(source: Path, target: Path) -> Path:
    shutil.copyfile(source, target)
    return target


class Gate:
    """Holds the worker inside a repository call until opened; records the calling threads."""

    def __init__(self) -> None:
        self.open = threading.Event()
        self.entered = threading.Event()
        self.threads: list[threading.Thread] = []
        self.filters: list[EventFilter] = []

    def wrap(self, method: Callable[..., object]) -> Callable[..., object]:
        def held(event_filter: EventFilter = EventFilter(), *args: object, **kwargs: object):
            self.threads.append(threading.current_thread())
            self.filters.append(event_filter)
            self.entered.set()
            assert self.open.wait(10), "the test never opened the gate"
            return method(event_filter, *args, **kwargs)

        return held


# -- off the UI thread --------------------------------------------------------------------------


def test_filter_queries_run_off_the_ui_thread_and_show_a_busy_state(
    qtbot, window: MainWindow, repository: EventRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = Gate()
    monkeypatch.setattr(repository, "count", gate.wrap(repository.count))
    window.set_filter(EventFilter(actors=frozenset({"Apple"})))
    assert window.is_busy()
    qtbot.waitUntil(lambda: window.status_count.text() == COUNTING, timeout=3000)
    assert window.filter_panel.count_label.text() == COUNTING
    # The UI thread is free meanwhile: it handles other work, e.g. selecting an event.
    first = window.table_model.event_id(0)
    window.select_event(first)
    assert window.detail.event_shown() is not None
    with qtbot.waitSignal(window.filterApplied, timeout=5000) as applied:
        gate.open.set()
    assert applied.args == [EventFilter(actors=frozenset({"Apple"}))]
    assert gate.threads and all(t is not threading.main_thread() for t in gate.threads)
    shows_truthfully(window, repository)
    assert window.status_count.text() == "3 of 18 events"


def test_fast_typing_never_queues_stale_work(
    qtbot, window: MainWindow, repository: EventRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = Gate()
    monkeypatch.setattr(repository, "count", gate.wrap(repository.count))
    applied: list[EventFilter] = []
    window.filterApplied.connect(applied.append)
    words = ["r", "ru", "rus", "russ", "russi", "russie"]
    window.set_filter(EventFilter(text=words[0]))
    assert gate.entered.wait(5)  # the first request is running (held in the gate)
    for word in words[1:]:
        window.set_filter(EventFilter(text=word))
    with qtbot.waitSignal(window.filterApplied, timeout=5000):
        gate.open.set()
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=5000)
    # The running request finished, the four in between were never asked, only the last one
    # was, and only its answer was shown.
    assert [f.text for f in gate.filters] == ["r", "russie"]
    assert applied == [EventFilter(text="russie")]
    shows_truthfully(window, repository)


def test_typing_in_the_search_box_applies_once_per_pause(
    qtbot, window: MainWindow, repository: EventRepository
) -> None:
    applied: list[EventFilter] = []
    window.filterApplied.connect(applied.append)
    with qtbot.waitSignal(window.filterApplied, timeout=5000):
        qtbot.keyClicks(window.filter_panel.search, "russie")
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=5000)
    assert applied == [EventFilter(text="russie")]
    shows_truthfully(window, repository)


def test_the_runner_answers_only_the_newest_request(qtbot, repository: EventRepository) -> None:
    runner = QueryRunner()
    outcomes: list[object] = []
    runner.finished.connect(outcomes.append)
    busy: list[bool] = []
    runner.busyChanged.connect(busy.append)
    first = runner.submit_filter(repository, EventFilter(text="apple"))
    second = runner.submit_filter(repository, EventFilter(text="sanction"))
    third = runner.submit_filter(repository, EventFilter(text="russie"), page_size=2)
    assert (first, second, third) == (1, 2, 3) and runner.generation == 3
    with qtbot.waitSignal(runner.finished, timeout=5000) as done:
        pass
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=5000)
    assert outcomes == [done.args[0]]
    (results,) = outcomes
    assert results.event_filter == EventFilter(text="russie")  # type: ignore[attr-defined]
    assert results.matching == repository.count(EventFilter(text="russie"))  # type: ignore[attr-defined]
    assert list(results.first_page.rows) == repository.rows(EventFilter(text="russie"), limit=2)  # type: ignore[attr-defined]
    assert busy == [True, False]
    assert runner.wait(5000)


# -- database errors ----------------------------------------------------------------------------


def test_a_locked_database_is_a_status_bar_message_and_the_window_goes_on(
    qtbot,
    window: MainWindow,
    repository: EventRepository,
    monkeypatch: pytest.MonkeyPatch,
    captured_boxes: list[str],
) -> None:
    apply(qtbot, window, EventFilter(actors=frozenset({"Apple"})))
    before = listed_ids(window)

    def locked(*_args: object, **_kwargs: object) -> object:
        raise OperationalError("SELECT …", {}, sqlite3.OperationalError("database is locked"))

    with monkeypatch.context() as patch:
        patch.setattr(repository, "count", locked)
        with qtbot.waitSignal(window.queryFailed, timeout=5000) as failed:
            window.set_filter(EventFilter(text="russie"))
        qtbot.waitUntil(lambda: not window.is_busy(), timeout=5000)
    message = failed.args[0]
    assert "busy" in message and "database is locked" in message
    assert "Traceback" not in message and "\n" not in message
    assert window.statusBar().currentMessage() == message
    assert captured_boxes == []  # non-modal: no box to dismiss
    assert listed_ids(window) == before  # the previous answer stays on screen
    apply(qtbot, window, EventFilter(text="russie"))  # and the next change works again
    shows_truthfully(window, repository)


def test_failing_counts_do_not_hold_back_the_list(
    qtbot, window: MainWindow, repository: EventRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    def locked(*_args: object, **_kwargs: object) -> object:
        raise OperationalError("SELECT …", {}, sqlite3.OperationalError("database is locked"))

    with monkeypatch.context() as patch:
        patch.setattr(repository, "facet_counts", locked)
        with qtbot.waitSignal(window.queryFailed, timeout=5000) as failed:
            window.set_filter(EventFilter(text="russie"))
        qtbot.waitUntil(lambda: not window.is_busy(), timeout=5000)
    assert "counts beside the filters are old" in failed.args[0]
    assert sorted(listed_ids(window)) == sorted(
        row.id for row in repository.rows(EventFilter(text="russie"))
    )


def test_a_database_file_damaged_while_open_is_reported_then_recovers(
    qtbot, make_window: MakeWindow, article_db: Path, tmp_path: Path
) -> None:
    path = copy_db(article_db, tmp_path / "live.sqlite3")
    original = path.read_bytes()
    repo = EventRepository(open_database(path))
    try:
        window = make_window(repo)
        with path.open("r+b") as handle:  # another program scribbles over the file
            handle.write(b"\xff" * 100)
        with qtbot.waitSignal(window.queryFailed, timeout=10_000) as failed:
            window.set_filter(EventFilter(text="russie"))
        assert "damaged" in failed.args[0] or "not a database" in failed.args[0]
        assert "Database error" in window.statusBar().currentMessage()
        qtbot.waitUntil(lambda: not window.is_busy(), timeout=10_000)  # both workers done
        path.write_bytes(original)  # the file is put back: the window works again
        apply(qtbot, window, EventFilter(text="apple"))
        shows_truthfully(window, repo)
    finally:
        window.close()
        repo.engine.dispose()


def test_a_failing_page_of_the_list_is_reported_not_raised(
    qtbot, make_window: MakeWindow, repository: EventRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktopapp.ui import event_table

    monkeypatch.setattr(event_table, "PAGE_SIZE", 5)
    window = make_window()
    model = window.table_model
    assert model.rowCount() == 18  # every row, the later pages not read yet

    def vanished(*_args: object, **_kwargs: object) -> object:
        raise OperationalError("SELECT …", {}, sqlite3.OperationalError("unable to open database"))

    monkeypatch.setattr(repository, "list_page", vanished)
    reports: list[str] = []
    window.queryFailed.connect(reports.append)
    last = model.index(17, Column.TITLE)
    assert last.data(DISPLAY) is None  # an unread page that cannot be read shows nothing
    assert last.data(DISPLAY) is None  # and is not asked again at every paint
    assert len(reports) == 1 and "cannot be read any more" in reports[0]
    assert model.index(0, Column.TITLE).data(DISPLAY)  # the page already read still shows


# -- the last resort ------------------------------------------------------------------------------


def test_an_unexpected_error_in_a_slot_shows_one_dialog_and_logs_the_traceback(
    qtbot,
    window: MainWindow,
    repository: EventRepository,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    reporter = CrashReporter()
    reporter.install()
    assert sys.excepthook is reporter

    def broken_slot(_event_filter: object) -> None:
        raise RuntimeError("a bug in a slot\nwith a second line")

    window.filterApplied.connect(broken_slot)
    apply(qtbot, window, EventFilter(text="russie"))
    qtbot.waitUntil(lambda: reporter.dialog() is not None, timeout=3000)
    box = reporter.dialog()
    assert box is not None and box.isVisible()
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert not box.isModal()
    assert "RuntimeError: a bug in a slot" in box.informativeText()
    assert "second line" not in box.informativeText()
    err = capsys.readouterr().err
    assert "Traceback" in err and "a bug in a slot" in err and "broken_slot" in err
    # A second error while the dialog is open adds no second dialog.
    apply(qtbot, window, EventFilter(text="apple"))
    qtbot.waitUntil(lambda: "1 more error" in box.informativeText(), timeout=3000)
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert [w for w in dialogs if w.isVisible()] == [box]
    # The window is alive and right.
    window.filterApplied.disconnect(broken_slot)
    apply(qtbot, window, EventFilter(actors=frozenset({"Apple"})))
    shows_truthfully(window, repository)
    box.close()
    qtbot.waitUntil(lambda: reporter.dialog() is None, timeout=3000)


def test_one_line_reason() -> None:
    assert one_line_reason(ValueError("bad\nworse")) == "ValueError: bad"
    assert one_line_reason(KeyError()) == "KeyError"


# -- hostile input ------------------------------------------------------------------------------

HOSTILE = [
    '"',
    '"unbalanced',
    "(",
    "))((",
    "a AND (b OR",
    "NEAR(russie apple, 2)",
    "title:apple",
    "*",
    "russ*",
    "^apple",
    "-apple",
    "NOT",
    'a" OR "1"="1',
    "'; DROP TABLE events; --",
    "%",
    "_",
    "\\",
    "\x00",
    "rus\x00sie",
    "x" * 10_000,
    "russie " * 2_000,
    "🙂🚀 apple",
    "👩‍👩‍👧",
    "روسيا العقوبات",
    "שלום",
    "\u202eelppa",
    "\u200b",
    "\t\r\n",
    "<img src=x>",
]


def type_search(qtbot, window: MainWindow, text: str) -> None:
    """Paste into the real search box (as a person does) and wait for the views to follow."""
    search = window.filter_panel.search
    with qtbot.waitSignal(window.filterApplied, timeout=10_000):
        search.clear()
        search.insert(text)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=10_000)


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_anything_typed_in_the_search_box_gives_results_or_none(
    qtbot, window: MainWindow, repository: EventRepository, text: str
) -> None:
    type_search(qtbot, window, text)
    assert window.filter_panel.search.text() == text[:MAX_SEARCH_LENGTH]
    assert window.event_filter().text == text[:MAX_SEARCH_LENGTH]
    shows_truthfully(window, repository)
    assert "error" not in window.statusBar().currentMessage().lower()


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=st.text(max_size=80))
def test_any_text_in_the_search_box_gives_results_or_none(
    qtbot, window: MainWindow, repository: EventRepository, text: str
) -> None:
    type_search(qtbot, window, text)
    shows_truthfully(window, repository)
    assert "error" not in window.statusBar().currentMessage().lower()


# -- markup in the data -------------------------------------------------------------------------

TITLE = "<b>bold</b> & <img src=x>"
SUMMARY = '<a href="javascript:alert(1)">x</a> summary'
ACTOR = '<a href="javascript:alert(1)">x</a>'
QUOTE = "<b>bold</b>"
NOTE = "<img src=x> note"
URL = "https://example.org/?q=<b>x</b>"
SOURCE_TITLE = "<i>Le Monde</i> <img src=x>"
ARTICLE_PREFIX = "<script>alert(1)</script> "


@pytest.fixture
def marked_db(article_db: Path, tmp_path: Path) -> tuple[Path, int]:
    """The article's database with markup in a title, summary, actor name, quote, citation
    note and URL, in the source's title and at the start of the article text."""
    path = copy_db(article_db, tmp_path / "marked.sqlite3")
    with sqlite3.connect(path) as db:
        event_id, citation_id = db.execute(
            "SELECT e.id, e.citation_id FROM events e JOIN quotes q ON q.event_id = e.id "
            "WHERE e.citation_id IS NOT NULL ORDER BY e.start_date LIMIT 1"
        ).fetchone()
        actor_id = db.execute(
            "SELECT actor_id FROM event_actors WHERE event_id = ? AND role = 'acting'",
            (event_id,),
        ).fetchone()[0]
        db.execute(
            "UPDATE events SET title = ?, summary = ?, citation_note = ?, actor_names = ? "
            "WHERE id = ?",
            (TITLE, SUMMARY, NOTE, ACTOR, event_id),
        )
        db.execute("UPDATE actors SET name = ? WHERE id = ?", (ACTOR, actor_id))
        db.execute("UPDATE citations SET url = ? WHERE id = ?", (URL, citation_id))
        quote_id = db.execute(
            "SELECT id FROM quotes WHERE event_id = ? ORDER BY position LIMIT 1", (event_id,)
        ).fetchone()[0]
        db.execute("UPDATE quotes SET text = ? WHERE id = ?", (QUOTE, quote_id))
        shift = len(ARTICLE_PREFIX)
        db.execute(
            "UPDATE sources SET text = ? || text, title = ? WHERE key = 'article'",
            (ARTICLE_PREFIX, SOURCE_TITLE),
        )
        db.execute('UPDATE quotes SET start = start + ?, "end" = "end" + ?', (shift, shift))
    return path, event_id


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the offscreen tooltip
def test_markup_in_the_data_is_shown_literally_everywhere(
    qtbot, make_window: MakeWindow, marked_db: tuple[Path, int]
) -> None:
    path, event_id = marked_db
    repo = EventRepository(open_database(path))
    try:
        window = make_window(repo)
        window.resize(1400, 900)
        window.show()
        qtbot.waitExposed(window)
        model = window.table_model
        row = model.row_of(event_id)
        assert row is not None
        # List cells: the text itself (item views draw plain text), tooltips escaped.
        assert model.index(row, Column.TITLE).data(DISPLAY) == TITLE
        assert model.index(row, Column.ACTORS).data(DISPLAY) == ACTOR
        assert shown_text(model.index(row, Column.TITLE).data(TOOLTIP)) == TITLE
        assert shown_text(model.index(row, Column.ACTORS).data(TOOLTIP)) == ACTOR
        # The actor list and its tooltip.
        actors = window.filter_panel.actor_model
        (actor_row,) = [
            r for r in range(actors.rowCount()) if actors.index(r).data(KEY_ROLE) == ACTOR
        ]
        assert actors.index(actor_row).data(DISPLAY) == ACTOR
        assert shown_text(actors.index(actor_row).data(TOOLTIP)).startswith(ACTOR + " (")
        # Detail pane: every field as typed; the only link is the http(s) one.
        window.select_event(event_id)
        text = window.detail.plain_text()
        for value in (TITLE, SUMMARY, ACTOR, QUOTE, NOTE, URL):
            assert value in text, value
        assert anchors(window.detail) == [QUrl(URL).toString()]
        # Article pane: the text and its source line as typed.
        assert window.article.text.toPlainText().startswith(ARTICLE_PREFIX)
        assert SOURCE_TITLE in window.article.citation.full_text()
        assert SOURCE_TITLE in shown_text(window.article.citation.toolTip())
        assert QUOTE not in window.article.emphasised_text()  # offsets still right
        # Timeline: the lane of the actor is named as typed, the mark's tooltip reads as typed.
        window.set_grouping(Grouping.ACTOR)
        window.timeline.fit_all()
        assert ACTOR in window.timeline.lane_names()
        window.timeline.select_event(event_id)
        (rect, *_) = window.timeline.mark_rects(event_id)
        point = window.timeline.mapFromScene(rect.center())
        assert shown_text(timeline_tooltip(window, point)).startswith(TITLE)
    finally:
        window.close()
        repo.engine.dispose()


def timeline_tooltip(window: MainWindow, point: QPoint) -> str:
    viewport = window.timeline.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)
    return QToolTip.text()


def anchors(pane) -> list[str]:  # type: ignore[no-untyped-def]
    """Every link target in the detail pane's document."""
    found = []
    block = pane.browser.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            href = fragment.charFormat().anchorHref()
            if fragment.charFormat().isAnchor() and href:
                found.append(href)
            iterator += 1
        block = block.next()
    return sorted(set(found))


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "file:///etc/passwd", "JAVASCRIPT:alert(1)", "ftp://x.org/f"]
)
def test_only_http_citation_urls_are_links(
    window: MainWindow,
    repository: EventRepository,
    monkeypatch: pytest.MonkeyPatch,
    url: str,
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))
    real = next(e for e in repository.events() if not e.citation.is_article)
    crafted: Event = dataclasses.replace(real, citation=dataclasses.replace(real.citation, url=url))
    window.detail.show_event(crafted)
    assert url in window.detail.plain_text()  # shown, as text
    assert anchors(window.detail) == []  # but not clickable
    window.detail.browser.anchorClicked.emit(QUrl(url))
    assert opened == []
    safe = dataclasses.replace(
        real, citation=dataclasses.replace(real.citation, url="https://example.org/a")
    )
    window.detail.show_event(safe)
    assert anchors(window.detail) == ["https://example.org/a"]


def test_a_file_name_with_markup_is_a_plain_window_title(
    qtbot, window: MainWindow, article_db: Path, tmp_path: Path, captured_boxes: list[str]
) -> None:
    path = copy_db(article_db, tmp_path / "<b>x&amp;.sqlite3")
    with qtbot.waitSignal(window.filterApplied, timeout=5000):
        assert window.open_database(path)
    assert window.windowTitle().startswith("<b>x&amp;.sqlite3 — ")
    assert captured_boxes == []


# -- files ----------------------------------------------------------------------------------------


def _missing(tmp_path: Path, _article: Path) -> Path:
    return tmp_path / "gone.sqlite3"


def _text_file(tmp_path: Path, _article: Path) -> Path:
    path = tmp_path / "notes.sqlite3"
    path.write_text("Not a database, just notes.\n", encoding="utf-8")
    return path


def _truncated(tmp_path: Path, article: Path) -> Path:
    path = tmp_path / "truncated.sqlite3"
    path.write_bytes(article.read_bytes()[:8192])
    return path


def _foreign(tmp_path: Path, _article: Path) -> Path:
    path = tmp_path / "contacts.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
        db.execute("INSERT INTO contacts VALUES ('Ada', '555')")
    return path


def _foreign_with_our_table_names(tmp_path: Path, _article: Path) -> Path:
    path = tmp_path / "other-app.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE meta (key TEXT, value TEXT)")
        db.execute("CREATE TABLE events (id INTEGER)")
        db.execute("INSERT INTO meta VALUES ('application', 'someone-else')")
    return path


def _newer(tmp_path: Path, article: Path) -> Path:
    path = copy_db(article, tmp_path / "newer.sqlite3")
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    return path


BAD_FILES = {
    "missing": (_missing, "no such file"),
    "text": (_text_file, "not an SQLite file"),
    "truncated": (_truncated, "database"),
    "foreign": (_foreign, "not a timeline database"),
    "foreign-same-tables": (_foreign_with_our_table_names, "another program"),
    "newer": (_newer, "newer version"),
}


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_opening_a_bad_file_says_why_once_and_changes_nothing(
    qtbot,
    window: MainWindow,
    repository: EventRepository,
    article_db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    captured_boxes: list[str],
    kind: str,
) -> None:
    make, expected = BAD_FILES[kind]
    path = make(tmp_path, article_db)
    before = sha256(path) if path.exists() else None
    apply(qtbot, window, EventFilter(actors=frozenset({"Apple"})))
    window.select_event(listed_ids(window)[0])
    title = window.windowTitle()
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *args, **kwargs: (str(path), ""))
    )
    window.registry[ActionId.OPEN_DATABASE].trigger()
    assert len(captured_boxes) == 1, captured_boxes
    (message,) = captured_boxes
    assert expected in message
    assert str(path) in message
    assert "current database stays open" in message
    assert "Traceback" not in message
    assert (sha256(path) if path.exists() else None) == before
    assert not (tmp_path / f"{path.name}-journal").exists()
    # The current database is still open and usable.
    assert window.repository() is repository
    assert window.windowTitle() == title
    assert window.detail.event_shown() is not None
    shows_truthfully(window, repository)
    apply(qtbot, window, EventFilter(text="russie"))
    shows_truthfully(window, repository)


@pytest.fixture
def empty_db(article_db: Path, tmp_path: Path) -> Path:
    """Our schema, the article, and not one event."""
    path = copy_db(article_db, tmp_path / "empty.sqlite3")
    with sqlite3.connect(path) as db:
        for table in ("quotes", "event_actors", "events", "day_type_counts", "actor_type_counts"):
            db.execute(f"DELETE FROM {table}")
    return path


def test_a_database_without_events_opens_to_an_empty_sensible_window(
    qtbot, window: MainWindow, empty_db: Path, captured_boxes: list[str]
) -> None:
    with qtbot.waitSignal(window.filterApplied, timeout=5000):
        assert window.open_database(empty_db)
    assert captured_boxes == []
    assert window.status_count.text() == "0 of 0 events"
    assert window.filter_panel.count_label.text() == "0 of 0 events"
    assert window.table_model.rowCount() == 0
    assert window.table.empty_text() == "This database has no events."
    assert window.detail.event_shown() is None
    apply(qtbot, window, EventFilter(text="russie"))
    assert window.status_count.text() == "0 of 0 events"
    assert window.table.empty_text() == "No events match the filters."
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)
    window.timeline.fit_all()
    window.repaint()  # paints without an error
    window.registry[ActionId.ABOUT].trigger()
    assert "0 events in this database" in captured_boxes[-1]


def test_two_windows_on_one_file_work_side_by_side(
    qtbot, make_window: MakeWindow, article_db: Path
) -> None:
    before = sha256(article_db)
    first_repo = EventRepository(open_database(article_db))
    second_repo = EventRepository(open_database(article_db))
    try:
        first, second = make_window(first_repo), make_window(second_repo)
        first.set_filter(EventFilter(actors=frozenset({"Apple"})))
        second.set_filter(EventFilter(text="russie"))
        qtbot.waitUntil(lambda: not (first.is_busy() or second.is_busy()), timeout=5000)
        assert first.event_filter() == EventFilter(actors=frozenset({"Apple"}))
        assert second.event_filter() == EventFilter(text="russie")
        shows_truthfully(first, first_repo)
        shows_truthfully(second, second_repo)
        assert first.status_count.text() == "3 of 18 events"
        apply(qtbot, first, EventFilter())
        shows_truthfully(second, second_repo)
        first.close()
        apply(qtbot, second, EventFilter(actors=frozenset({"Apple"})))
        shows_truthfully(second, second_repo)
    finally:
        first_repo.engine.dispose()
        second_repo.engine.dispose()
    assert sha256(article_db) == before


@pytest.fixture(autouse=True)
def _no_stray_dialogs() -> Iterator[None]:
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            widget.close()
