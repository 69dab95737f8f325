"""The event list model: a correct Qt model, paged from SQL, sorted by SQL, honest dates."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextDocument

from desktopapp.db.engine import open_database
from desktopapp.db.repository import EventRepository, SortKey
from desktopapp.domain.dates import parse_edtf
from desktopapp.domain.filter import EventFilter
from desktopapp.ingest.builder import build_database
from desktopapp.ingest.synthetic import synthetic_dataset
from desktopapp.ui import event_table
from desktopapp.ui.event_table import Column, EventTableModel, EventTableView, short_date

DISPLAY = Qt.ItemDataRole.DisplayRole


def shown_text(rich: str) -> str:
    """What a tooltip reads as on screen (tooltips are shown as rich text)."""
    document = QTextDocument()
    document.setHtml(rich)
    return document.toPlainText()


def _ids(model: EventTableModel) -> list[int]:
    return [model.event_id(row) for row in range(model.rowCount())]  # type: ignore[misc]


def test_model_passes_the_qt_model_tester(qtmodeltester, repository: EventRepository) -> None:
    model = EventTableModel(repository)
    qtmodeltester.check(model)
    model.set_filter(EventFilter(actors=frozenset({"Apple"})))
    qtmodeltester.check(model)
    model.sort(Column.TITLE, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


class CountingRepository:
    """Counts the list's page reads, to show which pages a jump reads."""

    def __init__(self, repository: EventRepository, monkeypatch: pytest.MonkeyPatch) -> None:
        self.pages: list[dict[str, object]] = []
        self.page_keys = 0
        list_page, page_keys = repository.list_page, repository.page_keys

        def counted_page(*args: object, **kwargs: object) -> object:
            self.pages.append(kwargs)
            return list_page(*args, **kwargs)  # type: ignore[arg-type]

        def counted_keys(*args: object, **kwargs: object) -> object:
            self.page_keys += 1
            return page_keys(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(repository, "list_page", counted_page)
        monkeypatch.setattr(repository, "page_keys", counted_keys)


def test_the_model_has_every_row_and_reads_only_the_pages_shown(
    qtmodeltester, repository: EventRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(event_table, "PAGE_SIZE", 5)
    reads = CountingRepository(repository, monkeypatch)
    model = EventTableModel(repository)
    assert model.rowCount() == model.matching == repository.total == 18
    assert len(reads.pages) == 1  # the first page, nothing else yet
    last = repository.rows()[-1]
    assert model.index(17, Column.TITLE).data(DISPLAY) == last.title  # Ctrl+End
    assert len(reads.pages) == 2 and reads.pages[-1]["backward"] is True  # from the end
    assert reads.page_keys == 0
    assert _ids(model) == [row.id for row in repository.rows()]
    qtmodeltester.check(model)


@pytest.mark.parametrize("key", list(SortKey))
@pytest.mark.parametrize("descending", [False, True])
def test_jumping_anywhere_in_any_order_reads_the_right_rows(
    repository: EventRepository, monkeypatch: pytest.MonkeyPatch, key: SortKey, descending: bool
) -> None:
    # Tiny pages and cache, so that jumps land far from every page still held.
    monkeypatch.setattr(event_table, "PAGE_SIZE", 3)
    monkeypatch.setattr(event_table, "CACHED_PAGES", 2)
    model = EventTableModel(repository)
    column = {v: k for k, v in event_table._SORT_KEYS.items()}[key]
    order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    model.sort(column, order)
    expected = [r.id for r in repository.rows(sort=key, descending=descending)]
    for row in (10, 2, 17, 7, 8, 0, 13, 12, 5, 16, 1):
        assert model.event_id(row) == expected[row], row
    for row, event_id in enumerate(expected):
        assert model.row_of(event_id) == row


def test_row_of_finds_an_unread_event_without_reading_up_to_it(
    repository: EventRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(event_table, "PAGE_SIZE", 4)
    reads = CountingRepository(repository, monkeypatch)
    model = EventTableModel(repository)
    last = repository.rows()[-1]
    assert model.row_of(last.id) == 17
    assert len(reads.pages) == 1
    assert model.event_id(17) == last.id
    model.set_filter(EventFilter(types=frozenset({"sanction"})))
    assert model.row_of(last.id) is None  # filtered out


@pytest.mark.parametrize(
    ("column", "key"),
    [(Column.TITLE, SortKey.TITLE), (Column.ACTORS, SortKey.ACTORS), (Column.TYPE, SortKey.TYPE)],
)
@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_sorting_is_done_by_the_repository(
    repository: EventRepository, column: Column, key: SortKey, order: Qt.SortOrder
) -> None:
    model = EventTableModel(repository)
    model.sort(column, order)
    descending = order == Qt.SortOrder.DescendingOrder
    assert _ids(model) == [r.id for r in repository.rows(sort=key, descending=descending)]


def test_clicking_a_header_sorts_and_keeps_the_selection(
    qtbot, repository: EventRepository
) -> None:
    model = EventTableModel(repository)
    view = EventTableView(model)
    qtbot.addWidget(view)
    chosen = repository.rows()[4].id
    assert view.select_event(chosen)
    view.horizontalHeader().sectionClicked.emit(Column.TITLE)  # what a click does
    view.sortByColumn(Column.TITLE, Qt.SortOrder.AscendingOrder)
    titles = [model.data(model.index(r, Column.TITLE), DISPLAY) for r in range(model.rowCount())]
    assert titles == sorted(titles, key=str.lower)
    assert view.selected_event_id() == chosen


def test_columns_show_date_actors_type_label_and_title(repository: EventRepository) -> None:
    model = EventTableModel(repository)
    first = repository.rows()[0]
    row = [model.data(model.index(0, c), DISPLAY) for c in Column]
    assert row == [
        short_date(parse_edtf(first.edtf)),
        first.actor_names,
        repository.type_by_slug(first.type_slug).label,
        first.title,
    ]
    tooltip = model.data(model.index(0, Column.DATE), Qt.ItemDataRole.ToolTipRole)
    assert shown_text(tooltip) == parse_edtf(first.edtf).describe()


def test_only_exact_days_look_exact(repository: EventRepository) -> None:
    model = EventTableModel(repository)
    for number, row in enumerate(repository.rows()):
        font = model.data(model.index(number, Column.DATE), Qt.ItemDataRole.FontRole)
        assert (font is not None and font.italic()) == (not row.is_exact_day), row.edtf


@pytest.mark.parametrize(
    ("edtf", "text"),
    [
        ("2022-03-02", "2 Mar 2022"),
        ("2022-03-02?", "2 Mar 2022 ?"),
        ("2022-03-02~", "~ 2 Mar 2022"),
        ("2022-03-02%", "~ 2 Mar 2022 ?"),
        ("2022-03", "Mar 2022"),
        ("2022-03~", "~ Mar 2022"),
        ("2022", "2022"),
        ("2022-02-21/2022-02-27", "21–27 Feb 2022"),
        ("2022-02-28/2022-03-01", "28 Feb – 1 Mar 2022"),
        ("2022-03-02/2022-03?", "2 Mar – Mar 2022 ?"),
        ("2021-12/2022-02", "Dec 2021 – Feb 2022"),
    ],
)
def test_short_dates_keep_their_honesty(edtf: str, text: str) -> None:
    assert short_date(parse_edtf(edtf)) == text


# -- a long list, driven from the keyboard ------------------------------------------------------

LONG_LIST = 3000


@pytest.fixture(scope="module")
def long_list(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EventRepository]:
    path = tmp_path_factory.mktemp("long") / "long.sqlite3"
    build_database(synthetic_dataset(LONG_LIST, seed=3), path)
    engine = open_database(path)
    yield EventRepository(engine)
    engine.dispose()


def _shown_view(qtbot, repository: EventRepository) -> EventTableView:  # type: ignore[no-untyped-def]
    view = EventTableView(EventTableModel(repository))
    qtbot.addWidget(view)
    view.resize(700, 400)
    view.show()
    qtbot.waitExposed(view)
    view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(view.hasFocus)
    return view


def test_ctrl_end_reaches_the_last_event_of_a_long_list_at_once(
    qtbot, long_list: EventRepository
) -> None:
    view = _shown_view(qtbot, long_list)
    model = view.table_model()
    bar = view.verticalScrollBar()
    visible = view.viewport().height() // view.rowHeight(0)
    assert bar.maximum() >= LONG_LIST - visible - 1  # sized to every row, not a page
    selected: list[object] = []
    view.eventSelected.connect(selected.append)
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    last = long_list.rows(offset=LONG_LIST - 1)[0]
    assert view.currentIndex().row() == LONG_LIST - 1
    assert selected[-1] == last.id == view.selected_event_id()
    assert bar.value() == bar.maximum()
    shown = view.indexAt(view.viewport().rect().bottomLeft() - QPoint(-4, 4))
    assert model.data(shown.siblingAtColumn(Column.TITLE), DISPLAY) == last.title


def test_page_down_and_the_scroll_bar_show_the_rows_of_that_place(
    qtbot, long_list: EventRepository
) -> None:
    view = _shown_view(qtbot, long_list)
    model = view.table_model()
    view.sortByColumn(Column.TITLE, Qt.SortOrder.DescendingOrder)
    expected = long_list.rows(sort=SortKey.TITLE, descending=True)
    view.verticalScrollBar().setValue(1789)  # what dragging the thumb there does
    top = view.indexAt(QPoint(4, 4)).row()
    assert top == 1789
    assert model.data(model.index(top, Column.TITLE), DISPLAY) == expected[top].title
    view.setCurrentIndex(model.index(top, Column.TITLE))
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    row = view.currentIndex().row()
    assert row > top
    assert view.selected_event_id() == expected[row].id
    assert model.data(model.index(row, Column.TITLE), DISPLAY) == expected[row].title


def test_sorting_keeps_a_deep_selection_without_reading_up_to_it(
    qtbot, long_list: EventRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = _shown_view(qtbot, long_list)
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    chosen = view.selected_event_id()
    reads = CountingRepository(long_list, monkeypatch)
    view.sortByColumn(Column.DATE, Qt.SortOrder.DescendingOrder)
    assert view.selected_event_id() == chosen
    assert view.currentIndex().row() == 0  # the latest event is now first
    assert len(reads.pages) <= 2
