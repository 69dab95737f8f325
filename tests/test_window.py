"""The main window as a journalist uses it: filters, selection, settings, files, plain text."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QAbstractScrollArea, QFileDialog, QLabel, QWidget
from window_helpers import apply, listed_ids

from desktopapp.db.engine import open_database
from desktopapp.db.repository import EventRepository
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.grouping import Grouping
from desktopapp.ingest.annotations import load_annotations
from desktopapp.ingest.builder import build_database
from desktopapp.ingest.bundled import annotations_path
from desktopapp.ui.actions import ActionId
from desktopapp.ui.event_table import Column
from desktopapp.ui.filter_panel import COUNT_ROLE, KEY_ROLE
from desktopapp.ui.main_window import MainWindow
from desktopapp.ui.settings import Settings

DISPLAY = Qt.ItemDataRole.DisplayRole
CHECK = Qt.ItemDataRole.CheckStateRole

MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def make_window(qtbot, repository: EventRepository, settings_file: Path) -> Iterator[MakeWindow]:
    def make(
        initial_filter: EventFilter | None = None, repo: EventRepository | None = None
    ) -> MainWindow:
        store = QSettings(str(settings_file), QSettings.Format.IniFormat)
        window = MainWindow(repo or repository, Settings(store), initial_filter)
        qtbot.addWidget(window)
        wait_until_shown(qtbot, window)
        return window

    yield make


@pytest.fixture
def window(make_window: MakeWindow) -> MainWindow:
    return make_window()


def wait_until_shown(qtbot, window: MainWindow) -> None:
    """Wait (on the event loop, not a sleep) until the window shows its filter's answer."""
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=5000)


def check_actor(qtbot, window: MainWindow, name: str) -> None:
    model = window.filter_panel.actor_model
    row = next(r for r in range(model.rowCount()) if model.index(r).data(DISPLAY) == name)
    with qtbot.waitSignal(window.filterApplied, timeout=2000):
        model.setData(model.index(row), Qt.CheckState.Checked.value, CHECK)


def type_item(window: MainWindow, slug: str):  # type: ignore[no-untyped-def]
    return window.filter_panel._type_items[slug]


def assert_shows(window: MainWindow, repository: EventRepository, wanted: EventFilter) -> None:
    """The list, the status bar, the panel and the facet counts all show ``wanted``."""
    expected = [row.id for row in repository.rows(wanted)]
    assert window.event_filter() == wanted
    assert listed_ids(window) == expected
    text = f"{len(expected)} of {repository.total} events"
    assert window.status_count.text() == text
    assert window.filter_panel.count_label.text() == text
    facets = repository.facet_counts(wanted)
    actors = window.filter_panel.actor_model
    for row in range(actors.rowCount()):
        actor = repository.resolve_actor(actors.index(row).data(KEY_ROLE))
        assert actors.index(row).data(COUNT_ROLE) == facets.actors.get(actor.id, 0)
    for slug, count in facets.types.items():
        assert type_item(window, slug).data(COUNT_ROLE) == count


# -- filters ----------------------------------------------------------------------------------


def test_opens_with_every_event(window: MainWindow, repository: EventRepository) -> None:
    assert_shows(window, repository, EventFilter())
    assert window.status_count.text() == "18 of 18 events"
    assert not window.filter_panel.clear_button.isEnabled()


def test_ticking_an_actor_filters_everything(
    qtbot, window: MainWindow, repository: EventRepository
) -> None:
    check_actor(qtbot, window, "Apple")
    wanted = EventFilter(actors=frozenset({"Apple"}))
    assert_shows(window, repository, wanted)
    assert len(listed_ids(window)) == 3
    assert window.status_count.text() == "3 of 18 events"
    for event in repository.events_by_id(listed_ids(window)):
        assert "Apple" in [actor.name for actor in event.actors()]
    assert window.filter_panel.clear_button.isEnabled()


def test_ticking_a_parent_type_covers_its_children(
    qtbot, window: MainWindow, repository: EventRepository
) -> None:
    with qtbot.waitSignal(window.filterApplied, timeout=2000):
        type_item(window, "sanction").setCheckState(Qt.CheckState.Checked)
    assert window.event_filter().types == {"sanction"}
    assert type_item(window, "sanction/general").checkState() == Qt.CheckState.Checked
    assert_shows(window, repository, EventFilter(types=frozenset({"sanction"})))
    slugs = {row.type_slug for row in repository.rows(window.event_filter())}
    assert slugs == {"sanction/general", "sanction/banking-exclusion"}


def test_ticking_one_child_type_keeps_its_siblings_out(
    qtbot, window: MainWindow, repository: EventRepository
) -> None:
    with qtbot.waitSignal(window.filterApplied, timeout=2000):
        type_item(window, "corporate-withdrawal/export-halt").setCheckState(Qt.CheckState.Checked)
    parent = type_item(window, "corporate-withdrawal")
    assert parent.checkState() == Qt.CheckState.PartiallyChecked
    wanted = EventFilter(types=frozenset({"corporate-withdrawal/export-halt"}))
    assert_shows(window, repository, wanted)
    assert len(listed_ids(window)) == 2


def test_search_ignores_accents_and_is_debounced(
    qtbot, window: MainWindow, repository: EventRepository
) -> None:
    applied: list[EventFilter] = []
    window.filterApplied.connect(applied.append)
    with qtbot.waitSignal(window.filterApplied, timeout=2000):
        qtbot.keyClicks(window.filter_panel.search, "systeme bancaire")
    assert len(applied) == 1  # one query for the whole word typed, not one per key
    assert_shows(window, repository, EventFilter(text="systeme bancaire"))
    (only,) = listed_ids(window)
    assert "SWIFT" in repository.event(only).title


def test_date_range_and_clear_filters(
    qtbot, window: MainWindow, repository: EventRepository
) -> None:
    panel = window.filter_panel
    with qtbot.waitSignal(window.filterApplied, timeout=2000):
        panel.from_check.setChecked(True)
    with qtbot.waitSignal(window.filterApplied, timeout=2000):
        panel.from_edit.setDate(date(2022, 3, 2))
    wanted = EventFilter(date_from=date(2022, 3, 2))
    assert_shows(window, repository, wanted)
    assert 0 < len(listed_ids(window)) < 18
    check_actor(qtbot, window, "Amazon")
    assert window.event_filter().actors == {"Amazon"}
    with qtbot.waitSignal(window.filterApplied, timeout=2000):
        qtbot.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton)
    assert_shows(window, repository, EventFilter())
    assert not panel.from_check.isChecked()


def test_actor_finder_narrows_the_list_by_name_or_alias(window: MainWindow) -> None:
    panel = window.filter_panel
    panel.actor_find.setText("general motors")
    names = [
        panel.actor_finder.index(r, 0).data(DISPLAY) for r in range(panel.actor_finder.rowCount())
    ]
    assert names == ["GM"]
    panel.actor_find.setText("societe")  # no actor: nothing listed, nothing filtered
    assert panel.actor_finder.rowCount() == 0
    assert window.event_filter() == EventFilter()


def test_command_line_filter_is_shown_in_the_panel(
    make_window: MakeWindow, repository: EventRepository
) -> None:
    window = make_window(
        EventFilter(actors=frozenset({"apple inc."}), types=frozenset({"sanction"}))
    )
    wanted = EventFilter(actors=frozenset({"Apple"}), types=frozenset({"sanction"}))
    assert_shows(window, repository, wanted)
    assert listed_ids(window) == []


# -- selection --------------------------------------------------------------------------------


def test_selecting_in_the_list_selects_everywhere(
    qtbot, window: MainWindow, repository: EventRepository
) -> None:
    row = 2
    event_id = window.table_model.event_id(row)
    assert event_id is not None
    event = repository.event(event_id)
    with qtbot.waitSignal(window.eventSelected, timeout=2000) as blocker:
        qtbot.mouseClick(
            window.table.viewport(),
            Qt.MouseButton.LeftButton,
            pos=window.table.visualRect(window.table_model.index(row, Column.TITLE)).center(),
        )
    assert blocker.args == [event_id]
    assert window.timeline.selected_event() == event_id
    assert window.detail.event_shown() == event
    assert event.title in window.detail.plain_text()
    assert window.article.selected_event() == event_id
    assert window.article.emphasised_text() == [q.text for q in event.quotes]


def test_clicking_a_timeline_mark_selects_the_row(
    qtbot, window: MainWindow, repository: EventRepository
) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.timeline.fit_all()
    last = repository.rows()[-1]
    window.timeline.select_event(last.id)  # scrolls its mark into view
    (rect, *_) = window.timeline.mark_rects(last.id)
    point = window.timeline.mapFromScene(rect.center())
    with qtbot.waitSignal(window.eventSelected, timeout=2000):
        qtbot.mouseClick(window.timeline.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.table.selected_event_id() == last.id
    assert window.table_model.event_id(window.table.currentIndex().row()) == last.id
    assert window.detail.event_shown() == repository.event(last.id)
    assert window.article.selected_event() == last.id
    assert window.timeline.selected_event() == last.id


def test_clicking_a_quote_in_the_article_selects_its_event(
    qtbot, window: MainWindow, repository: EventRepository
) -> None:
    window.show()
    qtbot.waitExposed(window)
    article = window.article
    spans = repository.quote_spans("article")
    # A passage only one event quotes (one quoted by several asks which: test_window_commands).
    span = next(
        s
        for s in spans
        if s.end - s.start > 40
        and not any(o.event_id != s.event_id and o.start <= s.start + 10 < o.end for o in spans)
    )
    cursor = article.text.textCursor()
    cursor.setPosition(span.start + 10)
    article.text.setTextCursor(cursor)
    article.text.ensureCursorVisible()
    point = article.text.cursorRect(cursor).center()
    with qtbot.waitSignal(window.eventSelected, timeout=2000) as blocker:
        qtbot.mouseClick(article.text.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == [span.event_id]
    assert window.table.selected_event_id() == span.event_id
    assert window.timeline.selected_event() == span.event_id
    assert window.detail.event_shown() == repository.event(span.event_id)


def test_filtering_out_the_selected_event_clears_the_panes(
    qtbot, window: MainWindow, repository: EventRepository
) -> None:
    apple = repository.rows(EventFilter(actors=frozenset({"Apple"})))[0].id
    window.select_event(apple)
    assert window.detail.event_shown() is not None
    check_actor(qtbot, window, "Apple")
    assert window.selected_event_id() == apple  # still listed: still selected
    assert window.table.selected_event_id() == apple
    with qtbot.waitSignal(window.eventSelected, timeout=2000) as blocker:
        window.set_filter(EventFilter(actors=frozenset({"SAP"})))
    assert blocker.args == [None]
    assert window.timeline.selected_event() is None
    assert window.detail.event_shown() is None
    assert window.article.selected_event() is None


# -- settings ---------------------------------------------------------------------------------


def test_grouping_filters_and_splitters_come_back(
    qtbot, make_window: MakeWindow, repository: EventRepository
) -> None:
    first = make_window()
    first.resize(760, 560)  # inside the offscreen screen, so restoring does not clamp it
    first.show()
    qtbot.waitExposed(first)
    first.registry[ActionId.GROUP_BY_TYPE].trigger()
    assert first.grouping() is Grouping.TYPE
    check_actor(qtbot, first, "Apple")
    apply(
        qtbot,
        first,
        EventFilter(actors=frozenset({"Apple"}), date_from=date(2022, 2, 1), text="russie"),
    )
    splitter = first.splitters["mainSplitter"]
    splitter.setSizes([240, 300, 200])
    sizes = splitter.sizes()
    first.close()

    second = make_window()
    second.show()
    qtbot.waitExposed(second)
    assert second.size() == first.size()
    assert second.grouping() is Grouping.TYPE
    assert second.registry[ActionId.GROUP_BY_TYPE].isChecked()
    assert second.event_filter() == EventFilter(
        actors=frozenset({"Apple"}), date_from=date(2022, 2, 1), text="russie"
    )
    assert second.filter_panel.search.text() == "russie"
    assert second.splitters["mainSplitter"].sizes() == sizes
    assert_shows(second, repository, second.event_filter())


def test_command_line_filters_win_over_saved_ones(
    make_window: MakeWindow, repository: EventRepository
) -> None:
    first = make_window()
    first.set_filter(EventFilter(actors=frozenset({"Apple"})))
    first.close()
    second = make_window(EventFilter(types=frozenset({"sanction"})))
    assert second.event_filter() == EventFilter(types=frozenset({"sanction"}))


def test_saved_names_this_database_lacks_are_dropped(
    make_window: MakeWindow, settings_file: Path
) -> None:
    store = QSettings(str(settings_file), QSettings.Format.IniFormat)
    Settings(store).set_event_filter(
        EventFilter(actors=frozenset({"Apple", "Nobody Inc."}), types=frozenset({"no-such"}))
    )
    store.sync()
    window = make_window()
    assert window.event_filter() == EventFilter(actors=frozenset({"Apple"}))


# -- files and plain text ---------------------------------------------------------------------


def test_opening_a_file_that_is_not_a_database_keeps_the_current_one(
    qtbot,
    window: MainWindow,
    repository: EventRepository,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    captured_boxes: list[str],
) -> None:
    check_actor(qtbot, window, "Apple")
    window.select_event(listed_ids(window)[0])
    bogus = tmp_path / "notes.sqlite3"
    bogus.write_text("not a database at all", encoding="utf-8")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *args, **kwargs: (str(bogus), ""))
    )
    window.registry[ActionId.OPEN_DATABASE].trigger()
    assert len(captured_boxes) == 1
    assert "not a timeline database" in captured_boxes[0]
    assert "current database stays open" in captured_boxes[0]
    assert window.repository() is repository
    assert_shows(window, repository, EventFilter(actors=frozenset({"Apple"})))
    assert window.detail.event_shown() is not None


@pytest.fixture
def markup_db(tmp_path: Path) -> Path:
    """A database whose first event's title and summary are HTML-looking text."""
    folder = tmp_path / "markup"
    folder.mkdir()
    shutil.copy(annotations_path().parent / "source-article.fr.txt", folder)
    text = annotations_path().read_text(encoding="utf-8")
    head, events = text.split("[[events]]", 1)
    events = re.sub(
        r'^title = ".*"$', 'title = "<b>x</b> &amp; <i>y</i>"', events, count=1, flags=re.M
    )
    events = re.sub(
        r'^summary = ".*"$',
        "summary = \"<a href='https://evil.example'>click</a>\"",
        events,
        count=1,
        flags=re.M,
    )
    (folder / "annotations.toml").write_text(head + "[[events]]" + events, encoding="utf-8")
    target = folder / "markup.sqlite3"
    build_database(load_annotations(folder / "annotations.toml"), target)
    return target


def test_database_text_with_markup_is_shown_literally(
    qtbot, make_window: MakeWindow, markup_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = EventRepository(open_database(markup_db))
    try:
        window = make_window(repo=repo)
        title = "<b>x</b> &amp; <i>y</i>"
        (event_id,) = [row.id for row in repo.rows() if row.title == title]
        row = window.table_model.row_of(event_id)
        assert row is not None
        assert (
            window.table_model.data(window.table_model.index(row, Column.TITLE), DISPLAY) == title
        )
        window.select_event(event_id)
        text = window.detail.plain_text()
        assert title in text
        assert "<a href='https://evil.example'>click</a>" in text
        assert "evil.example" not in window.detail.browser.toHtml().replace(
            "&lt;a href='https://evil.example'&gt;", ""
        ).replace("&lt;a href=&#x27;https://evil.example&#x27;&gt;", "")
        for label in window.findChildren(QLabel):
            assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()
    finally:
        repo.engine.dispose()


def test_opening_another_database_switches_and_resets(
    qtbot,
    window: MainWindow,
    markup_db: Path,
    monkeypatch: pytest.MonkeyPatch,
    captured_boxes: list[str],
) -> None:
    check_actor(qtbot, window, "Apple")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *args, **kwargs: (str(markup_db), ""))
    )
    with qtbot.waitSignal(window.filterApplied, timeout=5000):
        window.registry[ActionId.OPEN_DATABASE].trigger()
    assert captured_boxes == []
    assert window.event_filter() == EventFilter()
    titles = [row.title for row in window.repository().rows()]
    assert "<b>x</b> &amp; <i>y</i>" in titles
    assert window.status_count.text() == f"18 of {window.repository().total} events"


def test_only_web_links_are_opened(
    window: MainWindow, repository: EventRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))
    cited = next(e for e in repository.events() if e.citation.url.startswith("https://"))
    window.select_event(cited.id)
    assert cited.citation.url in window.detail.plain_text()
    window.detail.browser.anchorClicked.emit(QUrl("file:///etc/passwd"))
    window.detail.browser.anchorClicked.emit(QUrl("javascript:alert(1)"))
    assert opened == []
    window.detail.browser.anchorClicked.emit(QUrl(cited.citation.url))
    assert opened == [QUrl(cited.citation.url)]


def test_about_names_the_source_and_version(
    window: MainWindow, repository: EventRepository, captured_boxes: list[str]
) -> None:
    from desktopapp import __version__

    window.registry[ActionId.ABOUT].trigger()
    (text,) = captured_boxes
    assert __version__ in text
    assert repository.sources[0].outlet in text
    assert "approximate" in text


def test_standard_shortcuts_and_accessible_names(qtbot, window: MainWindow) -> None:
    shortcuts = {
        action_id: [s.toString() for s in window.registry[action_id].shortcuts()]
        for action_id in ActionId
    }
    assert "Ctrl+F" in shortcuts[ActionId.FIND]
    assert "Ctrl+Q" in shortcuts[ActionId.QUIT]
    assert "F1" in shortcuts[ActionId.ABOUT]
    assert "Ctrl+O" in shortcuts[ActionId.OPEN_DATABASE]
    assert "Ctrl++" in shortcuts[ActionId.ZOOM_IN]
    assert "Ctrl+-" in shortcuts[ActionId.ZOOM_OUT]
    assert "Ctrl+0" in shortcuts[ActionId.FIT_ALL]
    window.show()
    qtbot.waitExposed(window)
    window.registry[ActionId.FIND].trigger()
    assert window.focusWidget() is window.filter_panel.search
    for widget in window.findChildren(QWidget):
        parent = widget.parentWidget()
        internal = widget.objectName().startswith("qt_") or (
            isinstance(parent, QAbstractScrollArea) and parent.viewport() is widget
        )
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(window):
            if internal:  # a part of a named control (a date edit's text, a view's viewport)
                continue
            name = widget.accessibleName() or (
                widget.text() if hasattr(widget, "text") and callable(widget.text) else ""
            )
            assert name, f"{type(widget).__name__} {widget.objectName()!r} has no accessible name"


def test_follows_a_dark_palette(qtbot, window: MainWindow, repository: EventRepository) -> None:
    from PySide6.QtGui import QColor, QPalette, QTextFormat

    window.select_event(repository.rows()[0].id)
    dark = QPalette(window.palette())
    for role, colour in (
        (QPalette.ColorRole.Window, "#202020"),
        (QPalette.ColorRole.Base, "#181818"),
        (QPalette.ColorRole.Text, "#eeeeee"),
        (QPalette.ColorRole.WindowText, "#eeeeee"),
        (QPalette.ColorRole.PlaceholderText, "#9a9a9a"),
        (QPalette.ColorRole.Highlight, "#3070b0"),
    ):
        dark.setColor(role, QColor(colour))
    window.setPalette(dark)
    soft = [
        s.format.background().color()
        for s in window.article.text.extraSelections()
        if not s.format.property(QTextFormat.Property.UserProperty)  # not the selected event's
    ]
    assert soft and all(colour.lightness() < 100 for colour in soft)
    assert "#9a9a9a" in window.detail.browser.toHtml().lower()


def test_a_date_cited_from_a_stored_source_names_that_source(
    make_window: MakeWindow, tmp_path: Path
) -> None:
    """Timelines of one's own hold sources of every kind: the pane names the source whose
    sentence dates the event, instead of saying "the article"."""
    from desktopapp.cli import main

    timeline, text = tmp_path / "own.timeline", tmp_path / "report.txt"
    text.write_text("Le 3 mars 2022, Exemple a fermé ses bureaux à Moscou.\n", encoding="utf-8")
    assert main(["new", str(timeline)]) == 0
    assert main(["source", "add", str(timeline), str(text), "--title", "Exemple ferme"]) == 0
    source = EventRepository(open_database(timeline)).sources[0].key
    assert main(["actor", "add", str(timeline), "Exemple", "--kind", "company"]) == 0
    assert (
        main(
            [
                "event",
                "add",
                str(timeline),
                "--source",
                source,
                "--quote",
                "a fermé ses bureaux",
                "--title",
                "Exemple ferme",
                "--type",
                "corporate-withdrawal/office-closure",
                "--actor",
                "Exemple:acting",
                "--date",
                "2022-03-03",
                "--date-source",
                source,
                "--date-quote",
                "Le 3 mars 2022",
            ]
        )
        == 0
    )
    repository = EventRepository(open_database(timeline))
    window = make_window(repo=repository)
    (row,) = repository.rows()
    window.select_event(row.id)
    shown = window.detail.plain_text()
    assert "Dated from the source itself, “Exemple ferme”" in shown
    assert "IN THE SOURCE'S WORDS" in shown  # a section heading, in capitals


def test_each_quote_is_shown_in_its_own_language_and_names_its_source(
    window: MainWindow, repository: EventRepository
) -> None:
    """The article's French in « », a German report in “ ”, each with the outlet it came
    from, and SAP's two statements (one outlet) told apart by their titles."""
    (sap,) = [e for e in repository.events(EventFilter()) if "SAP" in e.title]
    window.select_event(sap.id)
    shown = window.detail.plain_text()
    article, sales, first = sap.quotes
    assert f"« {article.text} »" in shown  # plain text shows the no-break spaces as spaces
    assert f"“{sales.text}”" in shown and f"“{first.text}”" in shown
    names = {s.key: s for s in repository.sources}
    assert f"— {names[article.source_key].outlet}" in shown
    for quote in (sales, first):
        source = names[quote.source_key]
        assert f"— {source.outlet}, “{source.title}”" in shown
