"""The event list: a table model that pages rows in from the repository, and its view.

The model never holds more than the pages the view has asked for: ``canFetchMore`` /
``fetchMore`` bring in :data:`PAGE_SIZE` rows at a time with an SQL ``OFFSET``/``LIMIT``, and
sorting by a header is an ``ORDER BY`` in the repository, never a proxy over every row.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from functools import lru_cache
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktopapp.db.errors import QUERY_ERRORS, describe_error
from desktopapp.db.repository import EventRepository, SortKey
from desktopapp.domain.dates import DateError, DatePoint, FuzzyDate, Precision, parse_edtf
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.model import EventRow
from desktopapp.domain.text import LINE_LIMIT, for_display
from desktopapp.ui.plain import tooltip

PAGE_SIZE = 200
# Beyond this many rows, finding an event in a non-date sort order is not worth a scan.
MAX_SCAN_ROWS = 20_000

_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

EVENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1

_AnyIndex = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    DATE = 0
    ACTORS = 1
    TYPE = 2
    TITLE = 3


_HEADERS = {
    Column.DATE: "Date",
    Column.ACTORS: "Actors",
    Column.TYPE: "Type",
    Column.TITLE: "Title",
}
_SORT_KEYS = {
    Column.DATE: SortKey.DATE,
    Column.ACTORS: SortKey.ACTORS,
    Column.TYPE: SortKey.TYPE,
    Column.TITLE: SortKey.TITLE,
}


# -- honest short dates -----------------------------------------------------------------------


def short_date(date: FuzzyDate) -> str:
    """A compact date that keeps its honesty visible: '2 Mar 2022', '~ Mar 2022',
    '21–27 Feb 2022', '2 Mar 2022 ?'.

    ``~`` in front means approximate, `` ?`` after means uncertain; a month or a year is shown
    without a day, and an interval with both its ends, so only an exact day looks exact.
    """
    start, end = date.start, date.end
    if end is None:
        text = _point(start)
    elif (
        start.precision is Precision.DAY
        and end.precision is Precision.DAY
        and (start.year, start.month) == (end.year, end.month)
    ):
        text = f"{start.day}–{end.day} {_MONTHS[(start.month or 1) - 1]} {start.year}"
    elif start.year == end.year and start.month is not None and end.month is not None:
        text = f"{_point(start, year=False)} – {_point(end)}"
    else:
        text = f"{_point(start)} – {_point(end)}"
    if date.approximate:
        text = f"~ {text}"
    if date.uncertain:
        text = f"{text} ?"
    return text


def _point(point: DatePoint, *, year: bool = True) -> str:
    parts: list[str] = []
    if point.day is not None:
        parts.append(str(point.day))
    if point.month is not None:
        parts.append(_MONTHS[point.month - 1])
    if year or point.month is None:
        parts.append(str(point.year))
    return " ".join(parts)


@lru_cache(maxsize=4096)
def _parsed(edtf: str) -> FuzzyDate | None:
    try:
        return parse_edtf(edtf)
    except DateError:
        return None


def row_date_text(row: EventRow) -> str:
    parsed = _parsed(row.edtf)
    return short_date(parsed) if parsed else row.edtf


def row_date_description(row: EventRow) -> str:
    parsed = _parsed(row.edtf)
    return parsed.describe() if parsed else row.edtf


# -- the model --------------------------------------------------------------------------------


class EventTableModel(QAbstractTableModel):
    """Filtered events, a page at a time, in the order the repository sorts them."""

    queryFailed = Signal(str)  # a page could not be read: the reason, in one line

    def __init__(
        self, repository: EventRepository, parent: QWidget | None = None, *, load: bool = True
    ) -> None:
        """With ``load=False`` the list starts empty until :meth:`show_results` (the window
        asks its first page on a worker thread)."""
        super().__init__(parent)
        self._repository = repository
        self._filter = EventFilter()
        self._sort = SortKey.DATE
        self._descending = False
        self._rows: list[EventRow] = []
        self._row_of: dict[int, int] = {}
        self._total = 0
        self._loaded = False
        self._type_labels: dict[str, str] = {}
        self._italic = QFont()  # one object for every call of data(): see CountDelegate
        self._italic.setItalic(True)
        if load:
            self._reload()

    # -- what the window asks --------------------------------------------------------------

    @property
    def matching(self) -> int:
        """How many events match the filter (loaded or not)."""
        return self._total

    def event_filter(self) -> EventFilter:
        return self._filter

    @property
    def loaded(self) -> bool:
        """False until the first rows were asked (then the list is the filter's answer)."""
        return self._loaded

    def set_repository(self, repository: EventRepository, *, load: bool = True) -> None:
        """Another database; with ``load=False`` the list is empty until show_results."""
        self._repository = repository
        self._filter = EventFilter()
        if load:
            self._reload()
        else:
            self.beginResetModel()
            self._rows, self._row_of, self._total, self._loaded = [], {}, 0, False
            self._type_labels = {}
            self.endResetModel()

    def set_filter(self, event_filter: EventFilter) -> None:
        """Show this filter, asking the repository now (on the calling thread)."""
        self._filter = event_filter
        self._reload()

    @staticmethod
    def page_size() -> int:
        """Rows per page: what the window asks for the first page on its worker."""
        return PAGE_SIZE

    def sort_order(self) -> tuple[SortKey, bool]:
        """The repository order the list is in: (key, descending)."""
        return self._sort, self._descending

    def show_results(
        self,
        event_filter: EventFilter,
        matching: int,
        first_page: Sequence[EventRow],
        sort: SortKey,
        descending: bool,
    ) -> None:
        """Show a filter whose count and first page were already asked (by a worker thread).
        The rest is paged in as the view scrolls. A page asked in another order is asked
        again in the list's order."""
        self.beginResetModel()
        self._filter = event_filter
        self._type_labels = {}
        self._total = matching
        if (sort, descending) == (self._sort, self._descending):
            self._rows = list(first_page)
        else:
            self._rows = self._first_page()
        self._row_of = {row.id: number for number, row in enumerate(self._rows)}
        self._loaded = True
        self.endResetModel()

    def event_id(self, row: int) -> int | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def event_row(self, row: int) -> EventRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, event_id: int) -> int | None:
        """The row showing this event, loading pages up to it if needed; None if filtered out."""
        if event_id in self._row_of:
            return self._row_of[event_id]
        if self._sort is SortKey.DATE:
            try:
                position = self._repository.position_of(self._filter, event_id)
            except QUERY_ERRORS as error:
                self.queryFailed.emit(describe_error(error))
                return None
            if position is None:
                return None
            if self._descending:
                position = self._total - 1 - position
            self._load_until(position)
            return self._row_of.get(event_id)
        while event_id not in self._row_of and self.canFetchMore(QModelIndex()):
            if len(self._rows) >= MAX_SCAN_ROWS:
                return None
            self.fetchMore(QModelIndex())
        return self._row_of.get(event_id)

    # -- QAbstractTableModel ---------------------------------------------------------------

    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def canFetchMore(self, parent: _AnyIndex) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: _AnyIndex) -> None:
        if not parent.isValid():
            self._fetch(PAGE_SIZE)

    def _fetch(self, count: int) -> None:
        """Append the next ``count`` rows (fewer at the end) in one query."""
        try:
            page = self._repository.rows(
                self._filter,
                offset=len(self._rows),
                limit=count,
                sort=self._sort,
                descending=self._descending,
            )
        except QUERY_ERRORS as error:
            self._total = len(self._rows)  # stop asking until the next filter change
            self.queryFailed.emit(describe_error(error))
            return
        if not page:
            self._total = len(self._rows)  # the data shrank under us; stop asking
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        for offset, row in enumerate(page):
            self._row_of[row.id] = first + offset
        self._rows.extend(page)
        self.endInsertRows()

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return for_display(self._display(row, column), LINE_LIMIT)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column is Column.DATE:
                return tooltip(row_date_description(row))
            if column is Column.TYPE:
                return tooltip(row.type_slug)
            return tooltip(self._display(row, column))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column is Column.DATE:
                return row_date_description(row)
            return for_display(self._display(row, column), LINE_LIMIT)
        if role == Qt.ItemDataRole.FontRole and column is Column.DATE and not row.is_exact_day:
            return self._italic
        if role == EVENT_ID_ROLE:
            return row.id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _HEADERS[Column(section)]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Sort by {_HEADERS[Column(section)].lower()}"
        return None

    def flags(self, index: _AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(Column):
            return
        sort = _SORT_KEYS[Column(column)]
        descending = order == Qt.SortOrder.DescendingOrder
        if (sort, descending) == (self._sort, self._descending):
            return
        self._sort, self._descending = sort, descending
        self._reload(recount=False)  # the same events in another order: one page to ask

    # -- internals -------------------------------------------------------------------------

    def _display(self, row: EventRow, column: Column) -> str:
        if column is Column.DATE:
            return row_date_text(row)
        if column is Column.ACTORS:
            return row.actor_names
        if column is Column.TYPE:
            return self._type_label(row.type_slug)
        return row.title

    def _type_label(self, slug: str) -> str:
        label = self._type_labels.get(slug)
        if label is None:
            try:
                label = self._repository.type_by_slug(slug).label
            except KeyError:
                label = slug
            self._type_labels[slug] = label
        return label

    def _first_page(self) -> list[EventRow]:
        return self._repository.rows(
            self._filter, limit=PAGE_SIZE, sort=self._sort, descending=self._descending
        )

    def _reload(self, *, recount: bool = True) -> None:
        self.beginResetModel()
        self._type_labels = {}
        try:
            if recount:
                self._total = self._repository.count(self._filter)
            self._rows = self._first_page()
        except QUERY_ERRORS as error:
            self._total, self._rows = 0, []
            self.queryFailed.emit(describe_error(error))
        self._row_of = {row.id: number for number, row in enumerate(self._rows)}
        self._loaded = True
        self.endResetModel()

    def _load_until(self, row: int) -> None:
        """Load every row up to ``row``, and a page after it, in one query (not a page at a
        time: an event far down a 100k list would take hundreds of queries)."""
        if len(self._rows) <= row and self.canFetchMore(QModelIndex()):
            wanted = row + 1 - len(self._rows)
            self._fetch(-(-wanted // PAGE_SIZE) * PAGE_SIZE)


# -- the view ---------------------------------------------------------------------------------


class EventTableView(QTableView):
    """The event list. Emits :attr:`eventSelected` with the id of the current row (or None)."""

    eventSelected = Signal(object)

    def __init__(self, model: EventTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eventTable")
        self.setAccessibleName("Event list")
        self.setAccessibleDescription(
            "The events that match the filters; Enter or click to show one"
        )
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        width = self.fontMetrics().horizontalAdvance("~ 28 Feb – 1 Mar 2022 ?") + 24
        header.resizeSection(Column.DATE, width)
        header.resizeSection(Column.ACTORS, self.fontMetrics().horizontalAdvance("M" * 14))
        header.resizeSection(Column.TYPE, self.fontMetrics().horizontalAdvance("M" * 11))
        header.setSortIndicator(Column.DATE, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        self._kept_id: int | None = None
        self.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        model.modelAboutToBeReset.connect(self._on_model_about_to_be_reset)
        model.modelReset.connect(self._on_model_reset)

    def empty_text(self) -> str:
        """What the empty list says instead of showing nothing ("" when it has rows)."""
        model = self.table_model()
        if model.rowCount() > 0 or not model.loaded:
            return ""
        if model.event_filter().is_empty:
            return "This database has no events."
        return "No events match the filters."

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        text = self.empty_text()
        if not text:
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(
            self.viewport().rect().adjusted(12, 16, -12, -12),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
            text,
        )
        painter.end()

    def table_model(self) -> EventTableModel:
        model = self.model()
        assert isinstance(model, EventTableModel)
        return model

    def selected_event_id(self) -> int | None:
        index = self.selectionModel().currentIndex()
        if not index.isValid() or not self.selectionModel().isRowSelected(index.row()):
            return None
        return self.table_model().event_id(index.row())

    def select_event(self, event_id: int | None) -> bool:
        """Select the row of this event (loading pages up to it) without emitting; False if
        the event is not in the list."""
        model = self.table_model()
        row = model.row_of(event_id) if event_id is not None else None
        blocked = self.selectionModel().blockSignals(True)
        try:
            if row is None:
                self.selectionModel().clear()
                self.viewport().update()
                return False
            index = model.index(row, Column.DATE)
            self.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        finally:
            self.selectionModel().blockSignals(blocked)
        self.viewport().update()
        self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        return True

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.eventSelected.emit(
            self.table_model().event_id(current.row()) if current.isValid() else None
        )

    def _on_model_about_to_be_reset(self) -> None:
        self._kept_id = self.selected_event_id()

    def _on_model_reset(self) -> None:
        """Keep the selected event selected across a new filter or sort order, if it is still
        listed; otherwise say that nothing is selected any more."""
        kept, self._kept_id = self._kept_id, None
        self.scrollToTop()
        if kept is not None and not self.select_event(kept):
            self.eventSelected.emit(None)
