"""The search syntax (words, "phrases", OR) and the spans that show why an event matched."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QTextDocument

from desktopapp.db.repository import EventRepository
from desktopapp.db.search import fts_query
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.model import Event
from desktopapp.domain.search import SearchTerm, match_spans, parse_search
from desktopapp.ui.event_table import Column
from desktopapp.ui.main_window import MainWindow
from desktopapp.ui.search_marks import MATCH_BACKGROUND, MATCH_ROLE
from desktopapp.ui.settings import Settings


@pytest.fixture
def repository(repository_on_each_engine: EventRepository) -> EventRepository:
    """The article's timeline from a file and from a PostgreSQL server: the same answers."""
    return repository_on_each_engine


def keys(repository: EventRepository, text: str) -> set[int]:
    return {row.id for row in repository.rows(EventFilter(text=text))}


def searchable(event: Event) -> str:
    """What the index holds for an event, as the panes show it: its words in every language,
    its actors by every name."""
    names = [name for actor in event.actors() for name in (actor.name, *actor.aliases)]
    texts = [words for text in event.translations for words in (text.title, text.summary)]
    return "\n".join([event.title, event.summary, *texts, *(q.text for q in event.quotes), *names])


def test_or_finds_either_word(repository: EventRepository) -> None:
    apple, swift = keys(repository, "apple"), keys(repository, "swift")
    assert apple and swift and not apple & swift
    assert keys(repository, "apple OR swift") == apple | swift
    assert keys(repository, "apple or swift") == set()  # lower-case "or" is a word


def test_or_binds_its_two_neighbours(repository: EventRepository) -> None:
    russia = keys(repository, "russie")
    either = keys(repository, "apple OR swift")
    assert keys(repository, "russie apple OR swift") == russia & either


def test_a_quoted_phrase_needs_its_words_together_and_in_order(
    repository: EventRepository,
) -> None:
    assert len(keys(repository, '"apple pay"')) == 1
    assert keys(repository, '"pay apple"') == set()
    assert keys(repository, '"spot"') == set()  # whole words in a phrase
    assert len(keys(repository, "spot")) == 7  # a plain word is also a prefix


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("apple", '"apple"*'),
        ("apple OR swift", '("apple"* OR "swift"*)'),
        ('"apple pay" russie', '"apple pay" AND "russie"*'),
        ("l'Ukraine", '"l Ukraine"*'),
        ("OR", '"OR"*'),  # nothing to join: the word itself
        ("apple OR", '"apple"* AND "OR"*'),
        ('"unbalanced', '"unbalanced"'),
        ('""', None),
        ("***", None),
        ('a"b', '"a"* AND "b"'),
    ],
)
def test_what_is_typed_becomes_only_quoted_terms(text: str, expected: str | None) -> None:
    assert fts_query(text) == expected


def test_a_pasted_book_is_cut_to_its_first_terms() -> None:
    assert len(parse_search("word " * 500).terms) == 16


@pytest.mark.parametrize(
    ("query", "text", "marked"),
    [
        ("spotify", "Netflix, Spotify, H&M", ["Spotify"]),
        ("SPOTIF", "Netflix, Spotify", ["Spotify"]),
        ("societe", "La Société Générale", ["Société"]),
        ("l'invasion", "contre l’invasion russe", ["l’invasion"]),
        ("h&m", "Netflix, Spotify, H&M…", ["H&M"]),
        ('"apple pay"', "Apple Pay and Apple Music, apple pay", ["Apple Pay", "apple pay"]),
        ('"apple pay"', "pay apple", []),
        ("apple OR swift", "SWIFT, then Apple", ["SWIFT", "Apple"]),
        ("sanction", "sanctions, unsanctioned", ["sanctions"]),
    ],
)
def test_match_spans_mark_what_the_index_matched(query: str, text: str, marked: list[str]) -> None:
    assert [text[start:end] for start, end in match_spans(query, text)] == marked


def test_every_event_a_search_finds_shows_why(repository: EventRepository) -> None:
    for word in ["spotify", "russie", "apple OR swift", '"apple pay"', "sanction", "l'invasion"]:
        found = repository.events_by_id(sorted(keys(repository, word)))
        assert found, word
        for event in found:
            assert match_spans(word, searchable(event)), (word, event.title)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=60), text=st.text(max_size=200))
def test_spans_are_inside_the_text_sorted_and_disjoint(query: str, text: str) -> None:
    spans = match_spans(query, text)
    previous = 0
    for start, end in spans:
        assert previous <= start < end <= len(text)
        previous = end


FOLDING_TEXT = st.lists(
    st.sampled_from([*"aeAEéÉèçÇœŒßẞ²2ﬁfiİıIÅå '’-", "e\u0301", "\u00a0"]), max_size=16
).map("".join)


@settings(max_examples=300, deadline=None)
@given(query=FOLDING_TEXT, text=FOLDING_TEXT)
def test_what_is_highlighted_is_what_the_index_finds(query: str, text: str) -> None:
    # The marks shown in the window, against a real FTS5 index made as the file's, term by
    # term: a mark where the index found nothing (² marked for a typed 2) gives a reason that
    # is not one, and a match left unmarked hides why the event is listed.
    import sqlite3

    from desktopapp.domain.search import SearchQuery

    connection = sqlite3.connect(":memory:")
    try:
        connection.execute(
            "CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')"
        )
        connection.execute("INSERT INTO t (rowid, body) VALUES (1, ?)", (text,))
        for term in parse_search(query).terms:
            alone = SearchQuery(((term,),))
            expression = fts_query(alone)
            found = connection.execute("SELECT count(*) FROM t WHERE t MATCH ?", (expression,))
            assert (found.fetchone()[0] == 1) == bool(match_spans(alone, text)), (term, text)
    finally:
        connection.close()


def test_a_superscript_two_is_not_a_two_for_the_index_nor_for_the_marks() -> None:
    assert match_spans("2", "CO² et 2 tonnes") == [(7, 8)]
    assert match_spans("ﬁn", "la ﬁn et la fin") == [(3, 5)]  # ligature: no compatibility fold


@settings(max_examples=200)
@given(st.text(max_size=120))
def test_parsed_terms_hold_only_words(text: str) -> None:
    for term in parse_search(text).terms:
        assert isinstance(term, SearchTerm) and term.words
        assert all(word.isalnum() or word == "OR" for word in term.words)


# -- the window marks what matched ---------------------------------------------------------------


@pytest.fixture
def window(qtbot, repository: EventRepository, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(repository, Settings(store))
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=5000)
    return window


def search_for(qtbot, window: MainWindow, text: str) -> None:  # type: ignore[no-untyped-def]
    search = window.filter_panel.search
    search.setFocus(Qt.FocusReason.ShortcutFocusReason)
    qtbot.waitUntil(search.hasFocus)
    with qtbot.waitSignal(window.filterApplied, timeout=3000):
        qtbot.keyClicks(search, text)


def marked_fragments(document: QTextDocument) -> list[str]:
    """Text drawn on the match colour in a rich-text document."""
    found = []
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().background().color() == QColor(MATCH_BACKGROUND):
                found.append(fragment.text())
            iterator += 1
        block = block.next()
    return found


def test_the_list_marks_the_matched_words(qtbot, window: MainWindow) -> None:
    search_for(qtbot, window, "spotify OR netflix")
    model, view = window.table_model, window.table
    titles = [model.index(r, Column.TITLE) for r in range(model.rowCount())]
    spotify = next(i for i in titles if i.data().startswith("Spotify"))
    assert [spotify.data()[a:b] for a, b in spotify.data(MATCH_ROLE)] == ["Spotify"]
    maersk = next(i for i in titles if i.data().startswith("Maersk"))
    assert maersk.data(MATCH_ROLE) is None  # matched in a quote, not in its title
    view.viewport().repaint()
    image = view.viewport().grab().toImage()
    cell = view.visualRect(spotify)
    amber = QColor(MATCH_BACKGROUND).rgb()
    painted = {
        image.pixel(x, y)
        for x in range(cell.left(), cell.right(), 2)
        for y in range(cell.top(), cell.bottom())
    }
    assert amber in painted
    other = view.visualRect(maersk)
    assert amber not in {
        image.pixel(x, y)
        for x in range(other.left(), other.right(), 2)
        for y in range(other.top(), other.bottom())
    }


def test_the_detail_and_article_panes_mark_the_matched_words(
    qtbot, window: MainWindow, repository: EventRepository
) -> None:
    search_for(qtbot, window, "spotify")
    maersk = next(r.id for r in repository.rows(EventFilter(text="spotify")) if "Maersk" in r.title)
    window.select_event(maersk)
    # The Maersk event matched through its quote: that is where the marks are, in the
    # article's French words and in their English translation shown under them.
    assert marked_fragments(window.detail.browser.document()) == ["Spotify", "Spotify"]
    assert "Translation, not the source's words" in window.detail.plain_text()
    assert set(window.article.matched_text()) == {"Spotify"}
    search_for(qtbot, window, " OR swift")
    assert set(window.article.matched_text()) == {"Spotify", "Swift"}


def test_the_search_box_says_its_syntax(window: MainWindow) -> None:
    tip = window.filter_panel.search.toolTip()
    assert "OR" in tip and "Quoted words" in tip and "every word is required" in tip


def test_the_list_tooltip_says_where_a_search_found_the_event(qtbot, window: MainWindow) -> None:
    search_for(qtbot, window, "spotify")
    model = window.table_model
    titles = [model.index(r, Column.TITLE) for r in range(model.rowCount())]
    maersk = next(i for i in titles if i.data().startswith("Maersk"))
    tip = QTextDocument()
    tip.setHtml(maersk.data(Qt.ItemDataRole.ToolTipRole))
    assert tip.toPlainText().startswith(maersk.data())
    assert "Found in a quote: «" in tip.toPlainText() and "Spotify" in tip.toPlainText()
    own = next(i for i in titles if i.data().startswith("Spotify"))
    tip.setHtml(own.data(Qt.ItemDataRole.ToolTipRole))
    assert "Found in the title" in tip.toPlainText()
