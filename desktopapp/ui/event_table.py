"""The event list: a table model that reads rows from the repository as they are shown, and
its view.

The model has every matching row (its row count is the full count) but holds only the pages
the view has shown lately, each read by a keyset seek on the sort key; sorting by a header is
an ``ORDER BY`` in the repository, never a proxy over every row.

An unsourced event (no quote of any source) has an "unsourced" badge before its title, drawn
hollow like its mark on the timeline, and says so in its tooltip and accessible text.
"""

from __future__ import annotations

from collections import OrderedDict
from enum import IntEnum
from functools import lru_cache
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QPushButton,
    QStyle,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from desktopapp.db.errors import QUERY_ERRORS, describe_error
from desktopapp.db.repository import EventRepository, ListPage, SeekKey, SortKey
from desktopapp.domain.date_words import day_of_month
from desktopapp.domain.dates import DateError, DatePoint, FuzzyDate, Precision, parse_edtf
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.l10n import _, month_name
from desktopapp.domain.model import EventRow
from desktopapp.domain.provenance import UNSOURCED_LINE
from desktopapp.domain.search import SearchQuery, match_spans, parse_search, why_matched
from desktopapp.domain.text import LINE_LIMIT, for_display
from desktopapp.ui.date_field import day_text
from desktopapp.ui.plain import tooltip
from desktopapp.ui.search_marks import MATCH_ROLE, MatchDelegate

PAGE_SIZE = 200
# Pages kept in memory: a few screens around each place the person has looked at.
CACHED_PAGES = 12

EVENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
UNSOURCED_ROLE = Qt.ItemDataRole.UserRole + 2  # True in the title cell of an unsourced event

_AnyIndex = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    DATE = 0
    ACTORS = 1
    TYPE = 2
    TITLE = 3


def _header(column: Column) -> str:
    """A column's header in the reader's language (asked when shown: the language may change)."""
    return {
        Column.DATE: QCoreApplication.translate("EventTableModel", "Date"),
        Column.ACTORS: QCoreApplication.translate("EventTableModel", "Actors"),
        Column.TYPE: QCoreApplication.translate("EventTableModel", "Type"),
        Column.TITLE: QCoreApplication.translate("EventTableModel", "Title"),
    }[column]


def _sort_tip(column: Column) -> str:
    # Whole sentences: "Sort by" and the header's word do not combine alike in French.
    return {
        Column.DATE: QCoreApplication.translate("EventTableModel", "Sort by date"),
        Column.ACTORS: QCoreApplication.translate("EventTableModel", "Sort by actors"),
        Column.TYPE: QCoreApplication.translate("EventTableModel", "Sort by type"),
        Column.TITLE: QCoreApplication.translate("EventTableModel", "Sort by title"),
    }[column]


_SORT_KEYS = {
    Column.DATE: SortKey.DATE,
    Column.ACTORS: SortKey.ACTORS,
    Column.TYPE: SortKey.TYPE,
    Column.TITLE: SortKey.TITLE,
}


# -- honest short dates -----------------------------------------------------------------------


def short_date(date: FuzzyDate) -> str:
    """A compact date that keeps its honesty visible: '2 Mar 2022', '~ Mar 2022',
    '21–27 Feb 2022', '2 Mar 2022 ?' (French: '1er mars 2022', '~ mars 2022',
    '21–27 févr. 2022', '2 mars 2022 ?' with a narrow no-break space before the mark).

    ``~`` in front means approximate, `` ?`` after means uncertain; a month or a year is shown
    without a day, and an interval with both its ends, so only an exact day looks exact.
    """
    start, end = date.start, date.end
    if end is None:
        text = _point(start)
    elif start.timed and end.timed and start.first_day() == end.first_day():
        text = f"{_point(start)}–{end.describe_time()}"  # 1 Mar 2022 09:30–11:00
    elif (
        start.precision is Precision.DAY
        and end.precision is Precision.DAY
        and (start.year, start.month) == (end.year, end.month)
        and start.day is not None
    ):
        # One month's days: the month and year once, after both days ("21–27 Feb 2022").
        both = f"{day_of_month(start.day)}–{end.day}"
        text = _("{day} {month} {year}").format(
            day=both, month=_month(start.month or 1, None), year=start.year
        )
    elif start.year == end.year and start.month is not None and end.month is not None:
        text = f"{_point(start, year=False)} – {_point(end)}"
    else:
        text = f"{_point(start)} – {_point(end)}"
    if date.approximate:
        text = QCoreApplication.translate("EventTableModel", "~ {date}").format(date=text)
    if date.uncertain:
        text = QCoreApplication.translate("EventTableModel", "{date} ?").format(date=text)
    return text


def _month(month: int, day: int | None) -> str:
    return month_name(month, abbreviated=True, standalone=day is None)


def _widest_date() -> str:
    """The longest short date the list commonly shows, in the reader's language: the date
    column is made this wide."""
    return short_date(parse_edtf("2022-02-28%/2022-03-01%"))


def _point(point: DatePoint, *, year: bool = True) -> str:
    if point.month is None:
        text = str(point.year)
    elif year:
        text = day_text(point.year, point.month, point.day)
    elif point.day is not None:  # the year is said once, after the interval's end
        text = _("{day} {month}").format(
            day=day_of_month(point.day), month=_month(point.month, point.day)
        )
    else:
        text = _month(point.month, None)
    if point.timed:
        text = f"{text} {point.describe_time()}"
    return text


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
    """Filtered events in the order the repository sorts them, every row there at once.

    ``rowCount`` is the full count, so the scroll bar and Ctrl+End mean the whole list; a row
    is read when the view first asks for it, a page of :data:`PAGE_SIZE` at a time, and the
    last :data:`CACHED_PAGES` pages are kept. Each page is one keyset seek on the sort key
    (``EventRepository.list_page``), so reading the last page of a million rows costs what the
    first does. A page is one indexed read of a few milliseconds, cheap enough to ask on the UI
    thread when the view paints it.
    """

    queryFailed = Signal(str)  # a page could not be read: the reason, in one line

    def __init__(
        self, repository: EventRepository, parent: QWidget | None = None, *, load: bool = True
    ) -> None:
        """With ``load=False`` the list starts empty until :meth:`show_results` (the window
        asks its first page on a worker thread)."""
        super().__init__(parent)
        self._repository = repository
        self._filter = EventFilter()
        self._search = SearchQuery(())  # the filter's search, to mark what it matched
        self._sort = SortKey.DATE
        self._descending = False
        self._pages = _PageCache(repository)
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
            self._pages = _PageCache(repository)
            self._total, self._loaded = 0, False
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
        first_page: ListPage,
        sort: SortKey,
        descending: bool,
    ) -> None:
        """Show a filter whose count and first page were already asked (by a worker thread).
        The rest is read as the view shows it. A page asked in another order is not used."""
        self.beginResetModel()
        self._filter = event_filter
        self._type_labels = {}
        self._total = matching
        self._pages = self._new_cache()
        if (sort, descending) == (self._sort, self._descending):
            self._pages.seed(first_page)
        self._loaded = True
        self.endResetModel()

    def event_id(self, row: int) -> int | None:
        found = self.event_row(row)
        return found.id if found is not None else None

    def event_row(self, row: int) -> EventRow | None:
        if not 0 <= row < self._total:
            return None
        try:
            return self._pages.row(row)
        except QUERY_ERRORS as error:
            self._report(error)
            return None

    def row_of(self, event_id: int) -> int | None:
        """The row showing this event (one counted range of the sort index when it is not
        among the pages read); None if it is filtered out."""
        known = self._pages.row_of(event_id)
        if known is not None:
            return known
        try:
            return self._repository.position_of(
                self._filter, event_id, sort=self._sort, descending=self._descending
            )
        except QUERY_ERRORS as error:
            self._report(error)
            return None

    # -- QAbstractTableModel ---------------------------------------------------------------

    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in _ROLES_SHOWN:
            return None
        row = self.event_row(index.row())
        if row is None:
            return None
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return for_display(self._display(row, column), LINE_LIMIT)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column is Column.DATE:
                return tooltip(row_date_description(row))
            if column is Column.TYPE:
                return tooltip(row.type_slug)
            if column is Column.TITLE:
                return tooltip(self._title_tooltip(row))
            return tooltip(self._display(row, column))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column is Column.DATE:
                return row_date_description(row)
            shown = for_display(self._display(row, column), LINE_LIMIT)
            if column is Column.TITLE and row.unsourced:
                return f"{shown} ({_(UNSOURCED_LINE).lower()})"
            return shown
        if role == UNSOURCED_ROLE:
            return column is Column.TITLE and row.unsourced
        if role == Qt.ItemDataRole.FontRole and column is Column.DATE and not row.is_exact_day:
            return self._italic
        if role == EVENT_ID_ROLE:
            return row.id
        if role == MATCH_ROLE and column in (Column.TITLE, Column.ACTORS) and self._search:
            # Matched in what the cell shows (controls one for one, cut at LINE_LIMIT).
            return match_spans(self._search, self._display(row, column)[:LINE_LIMIT]) or None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _header(Column(section))
        if role == Qt.ItemDataRole.ToolTipRole:
            return _sort_tip(Column(section))
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
        self._reload(recount=False)  # the same events in another order

    # -- internals -------------------------------------------------------------------------

    def _display(self, row: EventRow, column: Column) -> str:
        if column is Column.DATE:
            return row_date_text(row)
        if column is Column.ACTORS:
            return row.actor_names
        if column is Column.TYPE:
            return self.type_label(row.type_slug)
        if row.problems:  # damaged in the file: marked here, said in the tooltip and details
            return f"⚠ {row.title}"
        return row.title

    def _title_tooltip(self, row: EventRow) -> str:
        lines = [row.title, *(f"⚠ {problem}" for problem in row.problems)]
        if row.unsourced:
            lines.append(_(UNSOURCED_LINE))
        if self._search:
            lines.extend(("", self._why_matched(row)))
        return "\n".join(lines).strip()

    def type_label(self, slug: str) -> str:
        label = self._type_labels.get(slug)
        if label is None:
            try:
                label = self._repository.type_by_slug(slug).shown_label
            except KeyError:
                label = slug
            self._type_labels[slug] = label
        return label

    def _why_matched(self, row: EventRow) -> str:
        """Where the search found this event (read on hover only: one event, one query)."""
        try:
            event = self._repository.event(row.id)
        except KeyError:  # gone since the page was read
            return ""
        except QUERY_ERRORS:
            return ""  # a tooltip is no place for a database error; the next page says it
        return why_matched(self._search, event)

    def _new_cache(self) -> _PageCache:
        self._search = parse_search(self._filter.text)
        return _PageCache(self._repository, self._filter, self._sort, self._descending, self._total)

    def _report(self, error: BaseException) -> None:
        """Say once that a page could not be read, and stop asking until the next change
        (the view would otherwise ask again at every paint)."""
        if not self._pages.failed:
            self._pages.failed = True
            self.queryFailed.emit(describe_error(error))

    def _reload(self, *, recount: bool = True) -> None:
        self.beginResetModel()
        self._type_labels = {}
        try:
            if recount:
                self._total = self._repository.count(self._filter)
            self._pages = self._new_cache()
            if self._total:
                self._pages.row(0)  # the first page now, not in the middle of a paint
        except QUERY_ERRORS as error:
            self._total = 0
            self._pages = self._new_cache()
            self.queryFailed.emit(describe_error(error))
        self._loaded = True
        self.endResetModel()


# Roles data() answers; any other is answered without reading a page.
_ROLES_SHOWN = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.FontRole,
        EVENT_ID_ROLE,
        UNSOURCED_ROLE,
        MATCH_ROLE,
    }
)


class _PageCache:
    """The pages of one list (a filter in one order) read so far, the most recent kept.

    Which seek reads page ``n`` depends on what is known: after the last key of page n-1,
    before the first key of page n+1, from the end for the last page, from the start for the
    first; a page far from any read one (a jump with the scroll bar) is found through the keys
    where every page starts, read once for the list in one pass over the sort index.
    """

    def __init__(
        self,
        repository: EventRepository,
        event_filter: EventFilter = EventFilter(),
        sort: SortKey = SortKey.DATE,
        descending: bool = False,
        total: int = 0,
    ) -> None:
        self._repository = repository
        self._filter = event_filter
        self._sort = sort
        self._descending = descending
        self._total = total
        self._pages: OrderedDict[int, ListPage] = OrderedDict()
        self._starts: list[SeekKey] | None = None
        self.failed = False

    def seed(self, first_page: ListPage) -> None:
        self._keep(0, first_page)

    def row(self, row: int) -> EventRow | None:
        number, offset = divmod(row, PAGE_SIZE)
        page = self._page(number)
        return page.rows[offset] if offset < len(page.rows) else None

    def row_of(self, event_id: int) -> int | None:
        for number, page in self._pages.items():
            for offset, row in enumerate(page.rows):
                if row.id == event_id:
                    return number * PAGE_SIZE + offset
        return None

    def _page(self, number: int) -> ListPage:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        if self.failed:
            return _NO_PAGE
        page = self._read(number)
        self._keep(number, page)
        return page

    def _keep(self, number: int, page: ListPage) -> None:
        self._pages[number] = page
        self._pages.move_to_end(number)
        while len(self._pages) > CACHED_PAGES:
            self._pages.popitem(last=False)

    def _read(self, number: int) -> ListPage:
        size = min(PAGE_SIZE, self._total - number * PAGE_SIZE)
        if size <= 0:
            return _NO_PAGE
        before, after = self._pages.get(number - 1), self._pages.get(number + 1)
        if number == 0:
            return self._seek(size)
        if before is not None and before.last_key is not None:
            return self._seek(size, key=before.last_key)
        if after is not None and after.first_key is not None:
            return self._seek(size, key=after.first_key, backward=True)
        if number * PAGE_SIZE + size >= self._total:
            return self._seek(size, backward=True)  # the last page: from the end
        if self._starts is None:
            self._starts = self._repository.page_keys(
                self._filter, every=PAGE_SIZE, sort=self._sort, descending=self._descending
            )
        if number >= len(self._starts):
            return _NO_PAGE  # the data shrank under us
        return self._seek(size, key=self._starts[number], inclusive=True)

    def _seek(
        self,
        size: int,
        *,
        key: SeekKey | None = None,
        inclusive: bool = False,
        backward: bool = False,
    ) -> ListPage:
        return self._repository.list_page(
            self._filter,
            limit=size,
            sort=self._sort,
            descending=self._descending,
            key=key,
            inclusive=inclusive,
            backward=backward,
        )


_NO_PAGE = ListPage((), None, None)
_EMPTY_TEXT_FLAGS = (
    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
)


# -- the view ---------------------------------------------------------------------------------


def unsourced_badge() -> str:
    """The word in the badge of an event that no source's quote backs yet."""
    #: The list's badge on an event no quote backs yet (short: it sits in the title cell).
    return QCoreApplication.translate("TitleDelegate", "unsourced")


class TitleDelegate(MatchDelegate):
    """A title cell: the search's matches marked, after an "unsourced" badge when the event
    has no quote (a hollow pill, as its timeline mark is hollow: a word, not a colour)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _AnyIndex) -> None:
        if not index.data(UNSOURCED_ROLE) or option.widget is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = option.widget.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, opt.widget)
        badge = self._paint_badge(painter, opt)
        rest = QStyleOptionViewItem(option)
        rest.rect = option.rect.adjusted(int(badge), 0, 0, 0)
        super().paint(painter, rest, index)

    @staticmethod
    def _paint_badge(painter: QPainter, opt: QStyleOptionViewItem) -> float:
        """Draw the badge at the cell's left; return the width it takes (with its gap)."""
        font = QFont(opt.font)
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
        metrics = QFontMetricsF(font)
        badge = unsourced_badge()
        text_width = metrics.horizontalAdvance(badge)
        height = min(opt.rect.height() - 4.0, metrics.height() + 2.0)
        pill = QRectF(opt.rect.left() + 4.0, 0, text_width + 10.0, height)
        pill.moveTop(opt.rect.top() + (opt.rect.height() - height) / 2)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        ink = opt.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(ink, 1.2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setFont(font)
        painter.drawText(pill, int(Qt.AlignmentFlag.AlignCenter), badge)
        painter.restore()
        return pill.right() - opt.rect.left() + 2.0


class EventTableView(QTableView):
    """The event list. Emits :attr:`eventSelected` with the id of the current row (or None)."""

    eventSelected = Signal(object)
    clearFiltersRequested = Signal()  # the "Clear filters" button of an empty list

    def __init__(self, model: EventTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eventTable")
        self.setAccessibleName(self.tr("Event list"))
        self.setAccessibleDescription(
            self.tr("The events that match the filters; Enter or click to show one")
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
        width = self.fontMetrics().horizontalAdvance(_widest_date()) + 24
        header.resizeSection(Column.DATE, width)
        header.resizeSection(Column.ACTORS, self.fontMetrics().horizontalAdvance("M" * 14))
        header.resizeSection(Column.TYPE, self.fontMetrics().horizontalAdvance("M" * 11))
        header.setSortIndicator(Column.DATE, Qt.SortOrder.AscendingOrder)
        marks = MatchDelegate(self)  # the words a search matched, in titles and actor names
        self.setItemDelegateForColumn(Column.TITLE, TitleDelegate(self))
        self.setItemDelegateForColumn(Column.ACTORS, marks)
        self.setSortingEnabled(True)
        self._kept_id: int | None = None
        self._restored: EventFilter | None = None
        # Shown under the empty list's text when filters hide every event.
        self.clear_button = QPushButton(self.tr("Clear filters"), self.viewport())
        self.clear_button.setObjectName("emptyListClearFilters")
        self.clear_button.setToolTip(self.tr("Show every event again"))
        self.clear_button.clicked.connect(self.clearFiltersRequested)
        self.clear_button.hide()
        self.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        model.modelAboutToBeReset.connect(self._on_model_about_to_be_reset)
        model.modelReset.connect(self._on_model_reset)

    def empty_text(self) -> str:
        """What the empty list says instead of showing nothing ("" when it has rows)."""
        model = self.table_model()
        if model.rowCount() > 0 or not model.loaded:
            return ""
        shown = model.event_filter()
        if shown.is_empty:
            return self.tr("This database has no events.")
        if shown == self._restored:
            return self.tr("The filter from your last session matches no event: {filter}.").format(
                filter=shown.describe(self._type_labels(), brief=True)
            )
        return self.tr("No events match the filters.")

    def set_restored_filter(self, event_filter: EventFilter) -> None:
        """Say, if this filter (restored from the last session) matches nothing, that it is
        the last session's: nobody should wonder why a freshly opened list is empty."""
        self._restored = event_filter
        self._place_clear_button()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        text = self.empty_text()
        if not text:
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(self._empty_text_rect(), _EMPTY_TEXT_FLAGS, text)
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_clear_button()

    def _empty_text_rect(self) -> QRect:
        return self.viewport().rect().adjusted(12, 16, -12, -12)

    def _place_clear_button(self) -> None:
        """The button under the empty list's text, when filters are what empties it."""
        text = self.empty_text()
        wanted = bool(text) and not self.table_model().event_filter().is_empty
        if wanted:
            area = self._empty_text_rect()
            used = self.fontMetrics().boundingRect(area, _EMPTY_TEXT_FLAGS, text)
            self.clear_button.adjustSize()
            self.clear_button.move(
                area.center().x() - self.clear_button.width() // 2, used.bottom() + 10
            )
        self.clear_button.setVisible(wanted)
        self.viewport().update()

    def _type_labels(self) -> dict[str, str]:
        model = self.table_model()
        return {slug: model.type_label(slug) for slug in model.event_filter().types}

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

    def _forget_restored(self) -> None:
        # Once another filter is shown, the last session's is no longer what the list shows.
        if self._restored is not None and self.table_model().event_filter() != self._restored:
            self._restored = None

    def _on_model_reset(self) -> None:
        """Keep the selected event selected across a new filter or sort order, if it is still
        listed; otherwise say that nothing is selected any more."""
        kept, self._kept_id = self._kept_id, None
        if self.table_model().loaded:
            self._forget_restored()
        self._place_clear_button()
        self.scrollToTop()
        if kept is not None and not self.select_event(kept):
            self.eventSelected.emit(None)
