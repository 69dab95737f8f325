"""The filter panel: search, actors, event types and a date range, with live counts.

The panel owns no query logic: it turns what the person ticks and types into one
:class:`EventFilter` (emitted as :attr:`FilterPanel.filterChanged`) and shows the counts the
window hands back from ``repository.facet_counts``. The actor list is a ``QListView`` over a
model, so only the visible rows are ever painted, however many actors there are.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktopapp.db.repository import EventRepository, FacetCounts
from desktopapp.db.search import fold
from desktopapp.domain.filter import MAX_SEARCH_LENGTH, EventFilter, FilterError, shown_of_total
from desktopapp.domain.l10n import _, ngettext, number, quoted
from desktopapp.domain.model import Actor, ActorKind
from desktopapp.domain.search import SYNTAX_HELP
from desktopapp.domain.text import LINE_LIMIT, for_display
from desktopapp.ui.date_field import DateField
from desktopapp.ui.plain import heading, tooltip

SEARCH_DELAY_MS = 150

COUNT_ROLE = Qt.ItemDataRole.UserRole + 1
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 2  # secondary text after the name (an actor's kind)
KEY_ROLE = Qt.ItemDataRole.UserRole + 3  # the value the filter uses (actor name, type slug)
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 4  # folded name and aliases, for the find line

_AnyIndex = QModelIndex | QPersistentModelIndex


def kind_labels() -> dict[ActorKind, str]:
    """Each kind of actor in the reader's language."""
    return {
        ActorKind.COMPANY: QCoreApplication.translate("ActorKind", "company"),
        ActorKind.GOVERNMENT: QCoreApplication.translate("ActorKind", "government"),
        ActorKind.INTERNATIONAL_BODY: QCoreApplication.translate("ActorKind", "institution"),
        ActorKind.MEDIA: QCoreApplication.translate("ActorKind", "media"),
        ActorKind.MARKET: QCoreApplication.translate("ActorKind", "market"),
        ActorKind.PERSON: QCoreApplication.translate("ActorKind", "person"),
        ActorKind.GROUP: QCoreApplication.translate("ActorKind", "group"),
    }


def _kind_label(actor: Actor) -> str:
    if actor.kind is None:  # a damaged file: the stored kind is none we know
        return QCoreApplication.translate("ActorKind", "unknown kind")
    return kind_labels().get(actor.kind, actor.kind.value)


# -- models -----------------------------------------------------------------------------------


class ActorListModel(QAbstractListModel):
    """Every actor, checkable, with its kind and its event count under the other filters.

    A row's data is worked out when a view asks for it, so building the model for 3,000
    actors costs nothing per actor: the list paints the rows on screen, and the folded
    names the find line compares are made the first time it compares them.
    """

    checkedChanged = Signal()

    def __init__(self, actors: tuple[Actor, ...] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._actors = actors
        self._checked: set[int] = set()
        self._counts: dict[int, int] = {}
        self._search_keys: list[str | None] = [None] * len(actors)

    def _search_key(self, row: int) -> str:
        key = self._search_keys[row]
        if key is None:
            actor = self._actors[row]
            key = self._search_keys[row] = fold(" ".join((actor.name, *actor.aliases)))
        return key

    def set_actors(self, actors: tuple[Actor, ...]) -> None:
        self.beginResetModel()
        self._actors = actors
        self._search_keys = [None] * len(actors)
        self._checked = set()
        self._counts = {}
        self.endResetModel()

    def actor_at(self, row: int) -> Actor | None:
        return self._actors[row] if 0 <= row < len(self._actors) else None

    def checked_names(self) -> frozenset[str]:
        return frozenset(a.name for a in self._actors if a.id in self._checked)

    def set_checked_ids(self, ids: set[int]) -> None:
        if ids == self._checked:
            return
        self._checked = set(ids)
        self._changed_all(Qt.ItemDataRole.CheckStateRole)

    def set_counts(self, counts: dict[int, int]) -> None:
        self._counts = counts
        self._changed_all(COUNT_ROLE, Qt.ItemDataRole.ToolTipRole)

    def _changed_all(self, *roles: int) -> None:
        if self._actors:
            self.dataChanged.emit(self.index(0), self.index(len(self._actors) - 1), list(roles))

    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._actors)

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._actors):
            return None
        actor = self._actors[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return for_display(actor.name, LINE_LIMIT)
        if role == KEY_ROLE:
            return actor.name
        if role == Qt.ItemDataRole.CheckStateRole:
            checked = actor.id in self._checked
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == COUNT_ROLE:
            return self._counts.get(actor.id, 0)
        if role == DETAIL_ROLE:
            return _kind_label(actor)
        if role == SEARCH_ROLE:
            return self._search_key(index.row())
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            count = self._counts.get(actor.id, 0)
            fields = {"name": actor.name, "kind": _kind_label(actor), "events": _events(count)}
            text = (
                self.tr("{name} ({kind}; also called {aliases}): {events}").format(
                    aliases=", ".join(actor.aliases), **fields
                )
                if actor.aliases
                else self.tr("{name} ({kind}): {events}").format(**fields)
            )
            return tooltip(text) if role == Qt.ItemDataRole.ToolTipRole else text
        return None

    def setData(self, index: _AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        actor = self._actors[index.row()]
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self._checked.add(actor.id)
        else:
            self._checked.discard(actor.id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checkedChanged.emit()
        return True

    def flags(self, index: _AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemNeverHasChildren
        )


class ActorFinder(QSortFilterProxyModel):
    """Narrows the actor list to names or aliases containing what was typed (accents,
    case and apostrophes ignored). This filters the actors, never the events."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._needle = ""

    def set_needle(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = fold(text)
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: _AnyIndex) -> bool:
        if not self._needle:
            return True
        key = self.sourceModel().index(source_row, 0, source_parent).data(SEARCH_ROLE)
        return self._needle in (key or "")


class ActorListView(QListView):
    """The actor list; when the find line leaves no actor, it says so instead of going blank."""

    def __init__(self, find: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._find = find
        find.textChanged.connect(self._find_changed)

    def empty_text(self) -> str:
        """What the list says instead of showing nothing ("" when it lists actors)."""
        model = self.model()
        typed = " ".join(self._find.text().split())
        if model is None or model.rowCount() > 0 or not typed:
            return ""
        shown = typed if len(typed) <= 40 else typed[:39] + "…"
        return self.tr("No actor matches {typed}").format(typed=quoted(shown))

    def _find_changed(self, _text: str) -> None:
        # Connected after the finder's own filter: the rows are already narrowed here.
        self.setAccessibleDescription(self.empty_text())
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        text = self.empty_text()
        if not text:
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(
            self.viewport().rect().adjusted(8, 8, -8, -8),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
            text,
        )
        painter.end()


def _events(count: int) -> str:
    return ngettext("{n} event", "{n} events", count).format(n=number(count))


# -- drawing a name with a count --------------------------------------------------------------


class CountDelegate(QStyledItemDelegate):
    """Draws an item as usual, with its secondary text dimmed after the name and its count
    right-aligned; an item that would match nothing is dimmed. Colours come from the palette,
    so it follows light and dark themes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hints: dict[tuple[int, int], QSize] = {}

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _AnyIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        count = index.data(COUNT_ROLE)
        detail = index.data(DETAIL_ROLE) or ""
        count_text = "" if count is None else number(count)
        metrics = opt.fontMetrics
        count_width = (
            max(metrics.horizontalAdvance("00000"), metrics.horizontalAdvance(count_text))
            if count_text
            else 0
        )
        name = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is None:
            return
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        text_rect = text_rect.adjusted(2, 0, -count_width - 6, 0)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Normal
            if opt.state & QStyle.StateFlag.State_Active
            else QPalette.ColorGroup.Inactive
        )
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        main = opt.palette.color(group, text_role)
        dim = opt.palette.color(group, QPalette.ColorRole.PlaceholderText)
        if selected:
            dim = main
        empty = count == 0
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(dim if empty else main)
        elided = metrics.elidedText(name, Qt.TextElideMode.ElideRight, text_rect.width())
        painter.drawText(
            text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, elided
        )
        used = metrics.horizontalAdvance(elided)
        if detail and used + 12 < text_rect.width() and elided == name:
            detail_rect = QRect(text_rect)
            detail_rect.setLeft(text_rect.left() + used + 6)
            painter.setPen(dim)
            small = opt.font
            small.setPointSizeF(max(6.0, small.pointSizeF() * 0.9))
            painter.setFont(small)
            painter.drawText(
                detail_rect,
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                painter.fontMetrics().elidedText(
                    detail, Qt.TextElideMode.ElideRight, detail_rect.width()
                ),
            )
            painter.setFont(opt.font)
        if count_text:
            count_rect = QRect(opt.rect)
            count_rect.setLeft(opt.rect.right() - count_width - 6)
            count_rect.setRight(opt.rect.right() - 6)
            painter.setPen(dim if empty or not selected else main)
            painter.drawText(
                count_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, count_text
            )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _AnyIndex) -> QSize:
        size = super().sizeHint(option, index)
        key = (size.width() + option.fontMetrics.horizontalAdvance("  00000"), size.height() + 2)
        # Return an object this delegate keeps alive: with PySide6 6.12 a fresh QSize returned
        # here was seen freed before Qt read it while the query thread was allocating
        # ("expected QSize, got CacheKey").
        hint = self._hints.get(key)
        if hint is None:
            hint = self._hints[key] = QSize(*key)
        return hint


# -- the panel --------------------------------------------------------------------------------


class FilterPanel(QWidget):
    """Search, actors, event types and dates, turned into one EventFilter."""

    filterChanged = Signal(object)  # EventFilter
    editActorRequested = Signal(object)  # the current Actor, from its context menu or F2
    editTypeRequested = Signal(object)  # the current EventType, likewise

    def __init__(self, repository: EventRepository, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterPanel")
        self.setAccessibleName(self.tr("Filters"))
        self._repository = repository
        self._quiet = 0  # > 0 while the panel itself sets values: no filterChanged then
        self._emit_timer = QTimer(self)
        self._emit_timer.setSingleShot(True)
        self._emit_timer.timeout.connect(self._emit_filter)

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search events, quotes, actors…"))
        self.search.setClearButtonEnabled(True)
        # A pasted book is cut: only the first words are searched anyway (db.search).
        self.search.setMaxLength(MAX_SEARCH_LENGTH)
        self.search.setAccessibleName(self.tr("Search"))
        self.search.setToolTip(tooltip(_(SYNTAX_HELP)))
        self.search.textEdited.connect(lambda _text: self._schedule(SEARCH_DELAY_MS))
        self.search.textChanged.connect(self._search_cleared)

        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.count_label.setAccessibleName(self.tr("Events shown"))
        # "1,000,000 of 1,000,000 events" must not be cut in a narrow panel: wrap instead.
        self.count_label.setWordWrap(True)
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.setAccessibleName(self.tr("Clear filters"))
        self.clear_button.setToolTip(self.tr("Show every event again"))
        self.clear_button.clicked.connect(self.clear)

        # actors
        self.actor_model = ActorListModel(repository.actors, self)
        self.actor_finder = ActorFinder(self)
        self.actor_finder.setSourceModel(self.actor_model)
        self.actor_find = QLineEdit()
        self.actor_find.setObjectName("actorFind")
        self.actor_find.setPlaceholderText(self.tr("Find an actor…"))
        self.actor_find.setClearButtonEnabled(True)
        self.actor_find.setAccessibleName(self.tr("Find an actor"))
        self.actor_find.textChanged.connect(self.actor_finder.set_needle)
        self.actor_list = ActorListView(self.actor_find)
        self.actor_list.setObjectName("actorList")
        self.actor_list.setAccessibleName(self.tr("Actors"))
        self.actor_list.setModel(self.actor_finder)
        self.actor_list.setUniformItemSizes(True)
        self.actor_list.setItemDelegate(CountDelegate(self.actor_list))
        self.actor_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.actor_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.actor_model.checkedChanged.connect(lambda: self._schedule(0))

        # event types
        self.type_model = QStandardItemModel(self)
        self.type_tree = QTreeView()
        self.type_tree.setObjectName("typeTree")
        self.type_tree.setAccessibleName(self.tr("Event types"))
        self.type_tree.setModel(self.type_model)
        self.type_tree.setHeaderHidden(True)
        self.type_tree.setUniformRowHeights(True)
        self.type_tree.setItemDelegate(CountDelegate(self.type_tree))
        self.type_tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.type_tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.type_model.itemChanged.connect(self._type_item_changed)
        self._type_items: dict[str, QStandardItem] = {}
        self._build_type_tree()
        self.edit_actor_action = _item_action(
            self.actor_list, self.tr("&Edit actor…"), self._edit_actor
        )
        self.edit_type_action = _item_action(
            self.type_tree, self.tr("&Edit type…"), self._edit_type
        )

        # dates
        self.from_check = QCheckBox(self.tr("From"))
        self.from_check.setObjectName("fromCheck")
        self.from_check.setAccessibleName(self.tr("Limit start date"))
        self.to_check = QCheckBox(self.tr("To"))
        self.to_check.setObjectName("toCheck")
        self.to_check.setAccessibleName(self.tr("Limit end date"))
        self.from_edit = _date_field("fromDate", self.tr("From date"), end_of_period=False)
        self.to_edit = _date_field("toDate", self.tr("To date"), end_of_period=True)
        # Says, by the fields, that a typed date could not be read (and what is used instead).
        self.date_problem = QLabel()
        self.date_problem.setObjectName("dateProblem")
        self.date_problem.setTextFormat(Qt.TextFormat.PlainText)
        self.date_problem.setWordWrap(True)
        self.date_problem.setAccessibleName(self.tr("Date problem"))
        self.date_problem.hide()
        for check, edit in ((self.from_check, self.from_edit), (self.to_check, self.to_edit)):
            check.setToolTip(
                self.tr("Events whose (possibly uncertain) dates reach into the range")
            )
            edit.setEnabled(False)
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(lambda on, e=edit: on or e.revert())
            check.toggled.connect(lambda _on: self._schedule(0))
            edit.dateChanged.connect(lambda _date: self._schedule(0))
            edit.problemChanged.connect(lambda _text: self._show_date_problems())
        self._reset_date_edits()

        self._build_layout()
        self.set_counts(None, repository.total, repository.total)

    def _build_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 4, 8)
        layout.setSpacing(6)
        layout.addWidget(self.search)
        summary = QHBoxLayout()
        summary.addWidget(self.count_label, 1)
        summary.addWidget(self.clear_button)
        layout.addLayout(summary)

        layout.addWidget(_heading(self.tr("Actors"), self.actor_list))
        layout.addWidget(self.actor_find)
        layout.addWidget(self.actor_list, 3)
        layout.addWidget(_heading(self.tr("Event types"), self.type_tree))
        layout.addWidget(self.type_tree, 3)
        layout.addWidget(_heading(self.tr("Dates"), self.from_edit))
        dates = QGridLayout()
        dates.setColumnStretch(1, 1)
        dates.addWidget(self.from_check, 0, 0)
        dates.addWidget(self.from_edit, 0, 1)
        dates.addWidget(self.to_check, 1, 0)
        dates.addWidget(self.to_edit, 1, 1)
        layout.addLayout(dates)
        layout.addWidget(self.date_problem)

        QWidget.setTabOrder(self.search, self.clear_button)
        QWidget.setTabOrder(self.clear_button, self.actor_find)
        QWidget.setTabOrder(self.actor_find, self.actor_list)
        QWidget.setTabOrder(self.actor_list, self.type_tree)
        QWidget.setTabOrder(self.type_tree, self.from_check)
        QWidget.setTabOrder(self.from_check, self.from_edit)
        QWidget.setTabOrder(self.from_edit, self.to_check)
        QWidget.setTabOrder(self.to_check, self.to_edit)

    def _edit_actor(self) -> None:
        index = self.actor_finder.mapToSource(self.actor_list.currentIndex())
        actor = self.actor_model.actor_at(index.row()) if index.isValid() else None
        if actor is not None:
            self.editActorRequested.emit(actor)

    def _edit_type(self) -> None:
        slug = self.type_tree.currentIndex().data(KEY_ROLE)
        found = [t for t in self._repository.event_types if t.slug == slug]
        if found:
            self.editTypeRequested.emit(found[0])

    def _build_type_tree(self) -> None:
        self._quiet += 1
        try:
            self.type_model.clear()
            self._type_items = {}
            root = self.type_model.invisibleRootItem()
            for event_type in self._repository.event_types:
                item = QStandardItem(for_display(event_type.shown_label, LINE_LIMIT))
                item.setData(event_type.slug, KEY_ROLE)
                item.setToolTip(tooltip(event_type.slug))
                item.setEditable(False)
                item.setCheckable(True)
                item.setCheckState(Qt.CheckState.Unchecked)
                parent = self._type_items.get(event_type.parent_slug or "", None)
                if parent is None:
                    root.appendRow(item)
                else:
                    parent.appendRow(item)
                self._type_items[event_type.slug] = item
        finally:
            self._quiet -= 1
        self.type_tree.expandAll()

    def _reset_date_edits(self) -> None:
        extent = self._repository.date_extent()
        low, high = extent if extent else (date.today(), date.today())
        for edit, value in ((self.from_edit, low), (self.to_edit, high)):
            blocked = edit.blockSignals(True)
            edit.setDate(value)
            edit.blockSignals(blocked)
        self._show_date_problems()

    # -- public API ------------------------------------------------------------------------

    def set_repository(self, repository: EventRepository) -> None:
        """Show another database's actors and types, with nothing selected."""
        self._repository = repository
        self._quiet += 1
        try:
            self.actor_model.set_actors(repository.actors)
            self._build_type_tree()
            self.search.clear()
            self.from_check.setChecked(False)
            self.to_check.setChecked(False)
            self._reset_date_edits()
        finally:
            self._quiet -= 1
        self._emit_timer.stop()

    def event_filter(self) -> EventFilter:
        """The filter the panel shows now. A reversed date range is read as its two ends
        swapped, so the person never sees an error for it."""
        date_from = self.from_edit.date() if self.from_check.isChecked() else None
        date_to = self.to_edit.date() if self.to_check.isChecked() else None
        if date_from and date_to and date_from > date_to:
            date_from, date_to = date_to, date_from
        return EventFilter(
            actors=self.actor_model.checked_names(),
            types=self._checked_types(),
            date_from=date_from,
            date_to=date_to,
            text=self.search.text(),
        )

    def set_filter(self, event_filter: EventFilter) -> None:
        """Show this filter (names and aliases resolved against the repository) without
        emitting filterChanged. Raises FilterError for an unknown actor or type."""
        actor_ids = {self._repository.resolve_actor(name).id for name in event_filter.actors}
        type_slugs = {self._repository.resolve_type(name).slug for name in event_filter.types}
        self._quiet += 1
        try:
            self.actor_model.set_checked_ids(actor_ids)
            self._set_checked_types(type_slugs)
            if self.search.text() != event_filter.text:
                self.search.setText(event_filter.text)
            for check, edit, value in (
                (self.from_check, self.from_edit, event_filter.date_from),
                (self.to_check, self.to_edit, event_filter.date_to),
            ):
                check.setChecked(value is not None)
                if value is not None:
                    edit.setDate(value)
        finally:
            self._quiet -= 1
        self._emit_timer.stop()

    def set_counts(self, facets: FacetCounts | None, shown: int, total: int) -> None:
        """Show the live counts: per actor and type (from facet_counts) and 'N of M events'."""
        if facets is not None:
            self.set_facets(facets)
        self.set_matching(shown, total)

    def set_facets(self, facets: FacetCounts) -> None:
        """Show the live counts beside each actor and type."""
        self.actor_model.set_counts(facets.actors)
        self._quiet += 1
        try:
            for slug, item in self._type_items.items():
                item.setData(facets.types.get(slug, 0), COUNT_ROLE)
        finally:
            self._quiet -= 1

    def set_matching(self, shown: int, total: int) -> None:
        """Show 'N of M events' (French agrees with N: "1 événement sur 18")."""
        self.count_label.setText(shown_of_total(shown, total))
        self.clear_button.setEnabled(not self.event_filter().is_empty)

    def show_busy(self, text: str) -> None:
        """Say that the counts are being worked out (or could not be), instead of a number."""
        self.count_label.setText(text)

    def clear(self) -> None:
        """Clear every filter and say so at once."""
        self.set_filter(EventFilter())
        self.actor_find.clear()
        self._emit_filter()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def flush(self) -> None:
        """Emit a pending change now (the debounced search), e.g. before a screenshot."""
        if self._emit_timer.isActive():
            self._emit_timer.stop()
            self._emit_filter()

    # -- internals -------------------------------------------------------------------------

    def _checked_types(self) -> frozenset[str]:
        slugs: set[str] = set()
        for row in range(self.type_model.rowCount()):
            parent = self.type_model.item(row)
            if parent.checkState() == Qt.CheckState.Checked:
                slugs.add(parent.data(KEY_ROLE))
                continue
            for child_row in range(parent.rowCount()):
                child = parent.child(child_row)
                if child.checkState() == Qt.CheckState.Checked:
                    slugs.add(child.data(KEY_ROLE))
        return frozenset(slugs)

    def _set_checked_types(self, slugs: set[str]) -> None:
        for row in range(self.type_model.rowCount()):
            parent = self.type_model.item(row)
            whole = parent.data(KEY_ROLE) in slugs
            # Children first: the parent's state then follows them.
            for child_row in range(parent.rowCount()):
                child = parent.child(child_row)
                on = whole or child.data(KEY_ROLE) in slugs
                child.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            if parent.rowCount() == 0 or whole:
                parent.setCheckState(Qt.CheckState.Checked if whole else Qt.CheckState.Unchecked)
            else:
                _follow_children(parent)

    def _type_item_changed(self, item: QStandardItem) -> None:
        """A parent ticks or unticks all its children; children decide whether their parent
        reads ticked, unticked or partly ticked."""
        if self._quiet:
            return
        self._quiet += 1
        try:
            parent = item.parent()
            if parent is None:
                state = item.checkState()
                if state != Qt.CheckState.PartiallyChecked:
                    for row in range(item.rowCount()):
                        item.child(row).setCheckState(state)
            else:
                _follow_children(parent)
        finally:
            self._quiet -= 1
        self._schedule(0)

    def _show_date_problems(self) -> None:
        problems = [
            said.format(problem=edit.problem())
            for said, edit in (
                (self.tr("From: {problem}"), self.from_edit),
                (self.tr("To: {problem}"), self.to_edit),
            )
            if edit.problem()
        ]
        self.date_problem.setText("\n".join(f"⚠ {problem}" for problem in problems))
        self.date_problem.setVisible(bool(problems))

    def _search_cleared(self, text: str) -> None:
        # The clear button and setText() do not emit textEdited: react to an emptied field too.
        if not text and not self._quiet:
            self._schedule(0)

    def _schedule(self, delay_ms: int) -> None:
        if self._quiet:
            return
        self._emit_timer.start(delay_ms)

    def _emit_filter(self) -> None:
        self._emit_timer.stop()
        try:
            event_filter = self.event_filter()
        except FilterError:
            return
        self.clear_button.setEnabled(not event_filter.is_empty)
        self.filterChanged.emit(event_filter)


def _follow_children(parent: QStandardItem) -> None:
    states = {parent.child(row).checkState() for row in range(parent.rowCount())}
    if states == {Qt.CheckState.Checked}:
        parent.setCheckState(Qt.CheckState.Checked)
    elif states == {Qt.CheckState.Unchecked}:
        parent.setCheckState(Qt.CheckState.Unchecked)
    else:
        parent.setCheckState(Qt.CheckState.PartiallyChecked)


def _date_field(name: str, accessible: str, *, end_of_period: bool) -> DateField:
    field = DateField(date.today(), end_of_period=end_of_period)
    field.setObjectName(name)
    field.setAccessibleName(accessible)
    return field


def _heading(text: str, buddy: QWidget) -> QLabel:
    label = heading(text, buddy)
    label.setContentsMargins(0, 6, 0, 0)
    return label


def _item_action(view: QAbstractItemView, text: str, slot: Any) -> QAction:
    """An action on a view's current item, in its context menu and on F2 while it has focus
    (F2 is the desktop's key for editing the item under the cursor)."""
    action = QAction(text, view)
    action.setShortcut(QKeySequence(Qt.Key.Key_F2))  # shown in the menu; F2 itself is below
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    action.triggered.connect(slot)
    view.addAction(action)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    view.installEventFilter(_F2Edits(action, view))
    return action


class _F2Edits(QObject):
    """F2 in the view edits its item, even where the window's F2 (Edit Event) is active:
    two shortcuts on one key would be ambiguous and neither would fire."""

    def __init__(self, action: QAction, parent: QObject) -> None:
        super().__init__(parent)
        self._action = action

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_F2 and not event.modifiers():
                event.accept()  # the override: the key comes to the view, not a shortcut
                if kind == QEvent.Type.KeyPress:
                    self._action.trigger()
                return True
        return False
