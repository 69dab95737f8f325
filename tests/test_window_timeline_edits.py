"""The live timeline after an edit shows what a fresh open of the file would: an event that
loses its actors, moves to another actor's lane, moves far in time, is added or deleted, and
the undo and redo of each."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from desktopapp.db.commands import (
    AddActor,
    AddEvent,
    AddSource,
    Command,
    DeleteEvent,
    EditEvent,
    OutsideReference,
    QuoteInput,
)
from desktopapp.db.store import TimelineStore
from desktopapp.document import TimelineDocument
from desktopapp.ui.main_window import MainWindow
from desktopapp.ui.settings import Settings

CITED = OutsideReference(outlet="Wire", title="Report", url="", sentence="It said so.")
TEXT = "Apple and Nokia halted sales."
NO_ACTOR_LANE = "No acting actor"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[TimelineStore]:
    """A small writable timeline: two actors, one event each and one with both."""
    store = TimelineStore.create(tmp_path / "edits.timeline", title="Edits", author="me")
    source = store.execute(AddSource(text=TEXT, title="Wire")).created_key
    quote = QuoteInput(str(source), 0, len("Apple"), "Apple")
    apple = store.execute(AddActor("Apple", "company")).created_key
    nokia = store.execute(AddActor("Nokia", "company")).created_key
    for title, date, actors in (
        ("Apple halts sales", "2022-03-01", [apple]),
        ("Nokia halts sales", "2022-03-04", [nokia]),
        ("Both leave", "2022-03-08", [apple, nokia]),
    ):
        store.execute(
            AddEvent(
                title=title,
                type_slug="aid",
                date_edtf=date,
                citation=CITED,
                participants=tuple((str(key), "acting") for key in actors),
                quotes=(quote,),
            )
        )
    yield store


@pytest.fixture
def window(qtbot, store: TimelineStore, tmp_path: Path) -> Iterator[MainWindow]:
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    document = TimelineDocument.editing(store, location=store.path)
    window = MainWindow(document, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=5000)
    yield window


Picture = dict[str, set[str]]


def drawn(window: MainWindow) -> Picture:
    """Each lane's name and the titles of the events marked in it."""
    timeline = window.timeline
    assert timeline.wait_for_load(5000)
    return {lane.name: {mark.row.title for mark in lane.marks} for lane in timeline._lanes}


def fresh(qtbot, store: TimelineStore, tmp_path: Path) -> Picture:  # type: ignore[no-untyped-def]
    """What a window newly opened on the same file draws."""
    reopened = TimelineStore.open(store.path, author="me")
    settings = Settings(QSettings(str(tmp_path / "fresh.ini"), QSettings.Format.IniFormat))
    other = MainWindow(TimelineDocument.editing(reopened, location=store.path), settings)
    qtbot.addWidget(other)
    other.show()
    qtbot.waitExposed(other)
    qtbot.waitUntil(lambda: not other.is_busy(), timeout=5000)
    try:
        return drawn(other)
    finally:
        other.close()


def settled(qtbot, window: MainWindow) -> Picture:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=5000)
    return drawn(window)


def key_of(store: TimelineStore, title: str) -> str:
    row = next(row for row in store.repository.rows() if row.title == title)
    return store.repository.event(row.id).key


def undo_keys(qtbot, window: MainWindow, *, redo: bool = False) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+Z (Ctrl+Shift+Z) in the focused timeline, as a person would."""
    window.activateWindow()
    window.timeline.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.timeline, timeout=2000)
    shift = Qt.KeyboardModifier.ShiftModifier if redo else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(window.timeline, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | shift)


def added_without_actors(_store: TimelineStore) -> AddEvent:
    source = _store.repository.sources[0].key
    return AddEvent(
        title="Nobody acts",
        type_slug="aid",
        date_edtf="2022-03-05",
        citation=CITED,
        participants=(),
        quotes=(QuoteInput(source, 0, len("Apple"), "Apple"),),
    )


EDITS: dict[str, tuple[Callable[[TimelineStore], Command], Callable[[Picture], bool]]] = {
    "left with no actor": (
        lambda s: EditEvent(key_of(s, "Apple halts sales"), participants=()),
        lambda p: p[NO_ACTOR_LANE] == {"Apple halts sales"} and p["Apple"] == {"Both leave"},
    ),
    "added with no actor": (
        added_without_actors,
        lambda p: p[NO_ACTOR_LANE] == {"Nobody acts"},
    ),
    "moved to another actor": (
        lambda s: EditEvent(
            key_of(s, "Apple halts sales"),
            participants=((actor_key(s, "Nokia"), "acting"),),
        ),
        lambda p: "Apple halts sales" in p["Nokia"] and "Apple halts sales" not in p["Apple"],
    ),
    "moved years away": (
        lambda s: EditEvent(key_of(s, "Apple halts sales"), date_edtf="2019-06", citation=CITED),
        lambda p: "Apple halts sales" not in p["Apple"],  # not drawn where it was
    ),
    "deleted": (
        lambda s: DeleteEvent(key_of(s, "Nokia halts sales")),
        lambda p: p["Nokia"] == {"Both leave"},
    ),
    "renamed": (
        lambda s: EditEvent(key_of(s, "Both leave"), title="Both stop"),
        lambda p: p["Apple"] == {"Apple halts sales", "Both stop"},
    ),
}


@pytest.mark.parametrize("on_the_worker", [False, True], ids=["inline", "worker"])
@pytest.mark.parametrize("edit", sorted(EDITS))
def test_the_timeline_after_an_edit_its_undo_and_redo_is_what_a_fresh_open_draws(
    qtbot,
    window: MainWindow,
    store: TimelineStore,
    tmp_path: Path,
    edit: str,
    on_the_worker: bool,
) -> None:
    if on_the_worker:
        window.timeline._inline_events = 0  # as for a large timeline: loaded off the UI thread
    make, expected = EDITS[edit]
    before = settled(qtbot, window)
    assert window.editing.execute(make(store))
    after = settled(qtbot, window)
    assert expected(after), after
    window.timeline.fit_all()  # a fresh open fits every event
    fitted = settled(qtbot, window)
    assert fitted == fresh(qtbot, store, tmp_path)
    undo_keys(qtbot, window)
    assert not window.document.can_undo
    window.timeline.fit_all()
    assert settled(qtbot, window) == before == fresh(qtbot, store, tmp_path)
    undo_keys(qtbot, window, redo=True)
    assert window.document.can_undo
    window.timeline.fit_all()
    assert settled(qtbot, window) == fitted == fresh(qtbot, store, tmp_path)


def actor_key(store: TimelineStore, name: str) -> str:
    return next(actor.key for actor in store.repository.actors if actor.name == name)


@pytest.mark.parametrize("on_the_worker", [False, True], ids=["inline", "worker"])
def test_two_deletes_in_a_row_are_both_drawn_gone(
    qtbot, window: MainWindow, store: TimelineStore, tmp_path: Path, on_the_worker: bool
) -> None:
    """Seen with a server timeline (and on a file): after the second delete the list
    followed but the timeline still drew the deleted event and the old lane count."""
    if on_the_worker:
        window.timeline._inline_events = 0
    settled(qtbot, window)
    assert window.editing.execute(DeleteEvent(key_of(store, "Nokia halts sales")))
    assert settled(qtbot, window)["Nokia"] == {"Both leave"}
    assert window.editing.execute(DeleteEvent(key_of(store, "Apple halts sales")))
    after = settled(qtbot, window)
    assert after["Apple"] == {"Both leave"}, after
    assert after == fresh(qtbot, store, tmp_path)
    counts = {lane.name: lane.count for lane in window.timeline._lanes}
    assert counts == {"Apple": 1, "Nokia": 1}, counts


def test_two_deletes_of_the_selected_event_are_both_drawn_gone(
    qtbot, window: MainWindow, store: TimelineStore, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr("desktopapp.ui.event_actions.confirm_deletion", lambda *_: True)
    settled(qtbot, window)
    for title in ("Nokia halts sales", "Apple halts sales"):
        row = next(r for r in store.repository.rows() if r.title == title)
        window.select_event(row.id)
        settled(qtbot, window)
        window.event_actions.delete_event()
        after = settled(qtbot, window)
        assert all(title not in marks for marks in after.values()), after
    assert after == fresh(qtbot, store, tmp_path)


def test_the_article_after_edits_highlights_what_a_fresh_read_finds(
    qtbot, window: MainWindow, store: TimelineStore
) -> None:
    """Only the edited events' passages are read again after an edit; after each edit, its
    undo and its redo, the passages are those a full read of the source finds."""
    from desktopapp.db.commands import AddQuote, DeleteQuote

    source = store.repository.sources[0].key
    nokia = QuoteInput(source, TEXT.index("Nokia"), TEXT.index("Nokia") + 5, "Nokia")
    settled(qtbot, window)

    def shown() -> list[tuple[int, int, int]]:
        return [(s.event_id, s.start, s.end) for s in window.article._spans]

    def fresh_read() -> list[tuple[int, int, int]]:
        within = window.article.loaded_range()
        spans = store.repository.quote_spans(source, within=within)
        return [(s.event_id, s.start, s.end) for s in spans]

    edits = [
        lambda: AddQuote(key_of(store, "Nokia halts sales"), nokia),
        lambda: DeleteQuote(key_of(store, "Nokia halts sales"), source, 0, 5),
        lambda: DeleteEvent(key_of(store, "Both leave")),
        lambda: added_without_actors(store),
    ]
    for make in edits:
        assert window.editing.execute(make())
        settled(qtbot, window)
        assert shown() == fresh_read()
        undo_keys(qtbot, window)
        settled(qtbot, window)
        assert shown() == fresh_read()
        undo_keys(qtbot, window, redo=True)
        settled(qtbot, window)
        assert shown() == fresh_read()
    assert window.article._regions  # the highlights follow the spans
