"""The article pane reads only the passages around the text in view, and more as it scrolls:
a source quoted tens of thousands of times costs one screen's worth, not all of them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktopapp.db.commands import AddActor, AddEvent, AddSource, QuoteInput, SourceSentence
from desktopapp.db.store import TimelineStore
from desktopapp.ui.article_pane import ArticlePane

PARAGRAPHS = 300
PASSAGE = "Apple halted all exports"


@pytest.fixture
def quoted(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A long source with one event quoting its first paragraph and one its last."""
    store = TimelineStore.create(tmp_path / "long.timeline", title="Long", author="me")
    text = "\n\n".join(f"Paragraph {n}: {PASSAGE} to Russia." for n in range(PARAGRAPHS))
    source = store.execute(AddSource(text=text, title="Wire")).created_key
    actor = store.execute(AddActor("Apple", "company")).created_key
    assert source is not None and actor is not None
    keys = []
    for start in (text.index(PASSAGE), text.rindex(PASSAGE)):
        quote = QuoteInput(source, start, start + len(PASSAGE), PASSAGE)
        created = store.execute(
            AddEvent(
                f"Apple halts exports ({start})",
                "corporate-withdrawal/export-halt",
                "2022-03-01",
                SourceSentence(quote),
                ((actor, "acting"),),
                (quote,),
            )
        ).created_key
        keys.append(created)
    ids = store.repository.event_ids_by_key(keys)
    yield store, text, [ids[key] for key in keys]
    store.close()


def soft_regions(pane: ArticlePane) -> list[tuple[int, int]]:
    return [
        (s.cursor.selectionStart(), s.cursor.selectionEnd())
        for s in pane.text.extraSelections()
        if s.format.property(s.format.Property.UserProperty) is None
        and s.format.property(s.format.Property.UserProperty + 1) is None
    ]


def settled(qtbot, pane: ArticlePane) -> None:  # type: ignore[no-untyped-def]
    if pane.is_loading():
        with qtbot.waitSignal(pane.passagesShown, timeout=10_000):
            pass
    assert not pane.is_loading()


@pytest.mark.parametrize("inline_events", [1_000_000, -1], ids=["inline", "worker"])
def test_passages_are_read_for_the_text_in_view_and_follow_the_scrolling(
    qtbot, quoted, inline_events: int
) -> None:  # type: ignore[no-untyped-def]
    store, text, (first_id, last_id) = quoted
    pane = ArticlePane(store.repository, inline_events=inline_events)
    qtbot.addWidget(pane)
    pane.resize(420, 300)
    pane.show()
    qtbot.waitExposed(pane)
    settled(qtbot, pane)
    first = (text.index(PASSAGE), text.index(PASSAGE) + len(PASSAGE))
    last = (text.rindex(PASSAGE), text.rindex(PASSAGE) + len(PASSAGE))
    loaded = pane.loaded_range()
    assert loaded is not None and loaded[0] == 0 and loaded[1] < len(text) // 4, loaded
    assert soft_regions(pane) == [first]  # the last passage, far below, is not read yet

    # Scrolled to the end with the keyboard, as a reader would: its passages are read.
    pane.activateWindow()
    pane.text.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is pane.text, timeout=2000)
    qtbot.keyClick(pane.text, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: soft_regions(pane) == [last], timeout=10_000)
    settled(qtbot, pane)
    loaded = pane.loaded_range()
    assert loaded is not None and loaded[0] > len(text) // 2 and loaded[1] >= len(text)

    # An event's passages are its own, wherever they are: selecting the first scrolls back.
    assert [(s.start, s.end) for s in pane.spans_of(first_id)] == [first]
    assert [(s.start, s.end) for s in pane.spans_of(last_id)] == [last]
    pane.select_event(first_id)
    qtbot.waitUntil(lambda: first in soft_regions(pane), timeout=10_000)
    assert pane.emphasised_text() == [PASSAGE]


def test_a_click_on_a_passage_finds_its_event(qtbot, quoted) -> None:  # type: ignore[no-untyped-def]
    store, text, (first_id, _last_id) = quoted
    pane = ArticlePane(store.repository)
    qtbot.addWidget(pane)
    pane.resize(420, 300)
    pane.show()
    qtbot.waitExposed(pane)
    cursor = pane.text.textCursor()
    cursor.setPosition(text.index(PASSAGE) + 3)
    point = pane.text.cursorRect(cursor).center()
    with qtbot.waitSignal(pane.eventActivated, timeout=2000) as activated:
        qtbot.mouseClick(pane.text.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert activated.args == [first_id]
