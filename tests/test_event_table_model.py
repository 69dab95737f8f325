"""The event list model: a correct Qt model, paged from SQL, sorted by SQL, honest dates."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QTextDocument

from desktopapp.db.repository import EventRepository, SortKey
from desktopapp.domain.dates import parse_edtf
from desktopapp.domain.filter import EventFilter
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


def test_model_pages_rows_in_lazily(
    qtmodeltester, repository: EventRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(event_table, "PAGE_SIZE", 5)
    model = EventTableModel(repository)
    assert model.rowCount() == 5
    assert model.matching == repository.total == 18
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 10
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 18
    assert _ids(model) == [row.id for row in repository.rows()]
    qtmodeltester.check(model)


def test_row_of_fetches_pages_up_to_the_event(
    repository: EventRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(event_table, "PAGE_SIZE", 4)
    model = EventTableModel(repository)
    last = repository.rows()[-1]
    assert model.rowCount() == 4
    assert model.row_of(last.id) == 17
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
