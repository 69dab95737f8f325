"""The main window: filters on the left, the timeline over the event list in the centre, the
event's details over the article on the right.

The window holds no state of its own: the :class:`TimelineDocument` it is given is the one
source of truth for the open timeline, the filter, the grouping, the selected event and the
undo stack. Views call the document's setters (the filter panel sets the filter, the list,
the timeline and the article select an event) and the window subscribes every view to the
document's events, so a change made anywhere shows everywhere and no view pushes state into
a sibling.

A filter change never waits on SQL on the UI thread: its count, facet counts and first page
are asked by a :class:`QueryRunner` on a worker thread; the views change together when the
answer comes back (an answer to a filter already replaced is dropped), and the counts read
"Counting…" if it takes a moment. A database error becomes a line in the status bar; the
window keeps showing what it showed and stays usable.
"""

from __future__ import annotations

import contextlib
import itertools
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktopapp import __version__
from desktopapp.db.engine import DatabaseError, OlderSchemaError, open_database
from desktopapp.db.errors import QUERY_ERRORS, describe_error
from desktopapp.db.locations import is_server_location, shown_location
from desktopapp.db.repository import EventRepository
from desktopapp.document import TimelineDocument, file_of
from desktopapp.domain import l10n
from desktopapp.domain.filter import EventFilter, FilterError, shown_of_total
from desktopapp.domain.grouping import Grouping
from desktopapp.domain.model import Event
from desktopapp.domain.text import LINE_LIMIT, for_display
from desktopapp.ingest.upgrade import UpgradeError
from desktopapp.ui.actions import (
    GROUPING_ACTIONS,
    THEME_ACTIONS,
    ActionId,
    ActionRegistry,
    ShortcutsBeforeEditing,
)
from desktopapp.ui.article_pane import ArticlePane
from desktopapp.ui.detail_pane import DetailPane
from desktopapp.ui.editing import EDITING_ACTIONS, EditingActions
from desktopapp.ui.event_actions import EventActions
from desktopapp.ui.event_menu import EventCommands
from desktopapp.ui.event_table import EventTableModel, EventTableView
from desktopapp.ui.filter_panel import FilterPanel
from desktopapp.ui.help import marks_dialog, shortcuts_dialog
from desktopapp.ui.history_view import HistoryView
from desktopapp.ui.plain import heading
from desktopapp.ui.query_runner import (
    FacetFailure,
    FacetResults,
    FacetRunner,
    FilterFailure,
    FilterResults,
    QueryRunner,
)
from desktopapp.ui.settings import LAST_FOLDER, THEME, RemembersLayout, Settings
from desktopapp.ui.settling import wait_until
from desktopapp.ui.theme import Theme, ThemeSwitcher
from desktopapp.ui.timeline_view import TimelineView
from desktopapp.ui.translations import QT_TRANSLATE_NOOP
from desktopapp.ui.upgrade_offer import upgrade_if_asked

APP_TITLE = QT_TRANSLATE_NOOP("MainWindow", "News Timeline")
DEFAULT_SIZE = QSize(1440, 900)
# A filter answered sooner than this never shows "Counting…" (no flicker on every key).
BUSY_DELAY_MS = 150
COUNTING = QT_TRANSLATE_NOOP("MainWindow", "Counting…")


class MainWindow(QMainWindow, RemembersLayout):
    """The application window over one repository at a time."""

    filterApplied = Signal(object)  # EventFilter, after every view shows it
    eventSelected = Signal(object)  # event id or None, after every view shows it
    databaseOpened = Signal(str)
    queryFailed = Signal(str)  # a database error, in one line, after the status bar says it
    languageChosen = Signal(str)  # View › Language: the composition root speaks it

    def __init__(
        self,
        document: TimelineDocument | EventRepository,
        settings: Settings,
        initial_filter: EventFilter | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``document`` is the open timeline (a bare repository is viewed read-only).
        ``initial_filter`` (from the command line) wins over the filter saved last time;
        without it, the saved filter is restored, minus names this database does not know."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        if isinstance(document, EventRepository):
            document = TimelineDocument(document)
        self.document = document
        self._settings = settings
        # Figures of the last filter change, for benchmarks: time on the worker thread, time
        # the UI thread spent showing the answer, and time from the change to the answer shown.
        self.last_query_seconds = 0.0
        self.last_update_seconds = 0.0
        self.last_wait_seconds = 0.0
        self._asked_at = 0.0

        self._runner = QueryRunner(self)
        self._facet_runner = FacetRunner(self)
        self._rows_shown = self._facets_shown = False
        self.last_facet_seconds = 0.0
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(self._show_busy)

        self.registry = ActionRegistry(self)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self._themes = ThemeSwitcher.of(app)
        self._build_views()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self._connect()
        self._subscribe()
        self._build_context_menus()
        ShortcutsBeforeEditing(self).install()
        self._show_repository_details()

        self.resize(_default_size(self))
        self.restore_layout(settings)
        self.set_theme(_saved_theme(settings))
        document.set_grouping(settings.grouping())
        self._show_grouping(document.grouping)
        wanted = (
            initial_filter if initial_filter is not None else self._usable(settings.event_filter())
        )
        self.set_filter(wanted)
        if initial_filter is None:
            self.table.set_restored_filter(document.filter)
        # Not the search box: what a person types first (a file name in a dialog that did not
        # open, say) would filter everything out and be saved for the next launch. Not the
        # list either: focus coming into it makes its first row current, which selects it.
        self.timeline.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- public API ------------------------------------------------------------------------

    def repository(self) -> EventRepository:
        return self.document.repository

    def event_filter(self) -> EventFilter:
        return self.document.filter

    def grouping(self) -> Grouping:
        return self.document.grouping

    def selected_event_id(self) -> int | None:
        return self.document.selection

    def is_busy(self) -> bool:
        """True while a filter change is being answered (the views show the previous one)."""
        return self._runner.is_busy() or self._facet_runner.is_busy()

    def set_filter(self, event_filter: EventFilter) -> None:
        """Set the document's filter: every view shows it (when the answer arrives: see
        :attr:`filterApplied`). Raises FilterError for a name this database does not know."""
        if self.document.resolved(event_filter) == self.document.filter:
            # No change for the document to announce, but a request to show it again (after
            # a failed answer, the views still show an older filter's): ask anew.
            self._show_filter(self.document.filter)
        else:
            self.document.set_filter(event_filter)

    def set_grouping(self, grouping: Grouping) -> None:
        self.document.set_grouping(grouping)

    def set_theme(self, theme: Theme) -> None:
        """Light, dark or the desktop's colours, for the whole application; remembered."""
        self._themes.apply(theme)
        self.registry[THEME_ACTIONS[theme]].setChecked(True)
        self._settings.set_value(THEME, theme.value)

    def theme(self) -> Theme:
        return self._themes.theme()

    def select_event(self, event_id: int | None) -> None:
        """Select an event, if the list shows it (else nothing): every view follows."""
        if event_id is not None and self.table_model.row_of(event_id) is None:
            event_id = None
        if event_id == self.document.selection:
            # Nothing new for the document to announce, but a request to show it again
            # (scrolled back into view in the list, the timeline and the article).
            self._show_event(event_id)
        else:
            self.document.select(event_id)

    def open_database(self, path: str | Path) -> bool:
        """Switch to another database. On failure, say why and keep the current one."""
        if is_server_location(path):  # its password from the keyring, libpq or the person
            from desktopapp.ui.server_dialog import password_to_find, reopen_server_timeline

            if password_to_find(str(path)):
                return reopen_server_timeline(self, self._settings, str(path))
        opened = self.tr("Opened {location}").format(location=shown_location(path))
        shown_for = 5000
        try:
            repository = EventRepository(open_database(path))
        except OlderSchemaError as error:
            upgraded = self.offer_upgrade(path, str(error))
            if upgraded is None:
                return False
            # Say where the old file is kept, for longer, instead of "Opened".
            (repository, opened), shown_for = upgraded, 10000
        except (DatabaseError, OSError, ValueError) as error:
            self._error(self.tr("The database could not be opened"), str(error))
            return False
        try:
            # Read now what the window reads first, so a broken file fails here, not later.
            repository.total  # noqa: B018
            repository.actors  # noqa: B018
            repository.event_types  # noqa: B018
            repository.sources  # noqa: B018
        except QUERY_ERRORS as error:
            repository.engine.dispose()
            shown = shown_location(path)
            self._error(
                self.tr("The database could not be opened"), f"{shown}: {describe_error(error)}"
            )
            return False
        self.stop_queries()  # no query of the old database may still be running
        self.document.replace_timeline(repository, location=file_of(path))  # closes the old one
        self.editing.remember(str(path))
        self.databaseOpened.emit(str(path))
        self.statusBar().showMessage(opened, shown_for)
        return True

    def stop_queries(self) -> None:
        """Wait for a running query to end and start no waiting one (before the database is
        closed); the same for the timeline's loads."""
        self._runner.wait()
        self._facet_runner.wait()
        self.timeline.stop_loading()
        self.article.stop_loading()

    def settle(self, timeout_ms: int = 60_000) -> bool:
        """Apply any change still waiting for its debounce timer and wait (running the event
        loop, never blocking it) until every view, the timeline included, shows its answer,
        e.g. before a screenshot or at the end of a benchmark's step. False on timeout."""
        self.filter_panel.flush()
        timeline = self.timeline
        return wait_until(
            self.is_settled,
            (
                self.filterApplied,
                self.queryFailed,
                timeline.layoutChanged,
                timeline.loadFailed,
                self.article.passagesShown,
            ),
            timeout_ms,
        )

    def is_settled(self) -> bool:
        """True once the list, the counts, the facets, the timeline and the article's
        highlights show the answer."""
        timeline = self.timeline
        return not (
            self.is_busy()
            or timeline.is_loading()
            or timeline.refresh_pending()
            or self.article.is_loading()
        )

    # -- building --------------------------------------------------------------------------

    def _build_views(self) -> None:
        repository = self.document.repository
        self._names_shown = (repository.actors, repository.event_types)
        self.filter_panel = FilterPanel(repository)
        self.filter_panel.setMinimumWidth(220)
        self.timeline = TimelineView(repository, self)
        self.timeline.setObjectName("timeline")
        self.timeline.setAccessibleName(self.tr("Timeline"))
        self.timeline.setMinimumHeight(160)
        self.table_model = EventTableModel(repository, self, load=False)
        self.table = EventTableView(self.table_model)
        self.table.setMinimumHeight(120)
        self.detail = DetailPane()
        self.detail.set_add_quote_action(self.registry[ActionId.ADD_QUOTE])  # its hint names it
        self.article = ArticlePane(repository)
        self.history = HistoryView()
        self.history.setObjectName("eventHistory")

        centre = QSplitter(Qt.Orientation.Vertical)
        centre.setObjectName("centreSplitter")
        centre.addWidget(self.timeline)
        centre.addWidget(self.table)
        centre.setStretchFactor(0, 3)
        centre.setStretchFactor(1, 2)
        centre.setChildrenCollapsible(False)

        right = QSplitter(Qt.Orientation.Vertical)
        right.setObjectName("rightSplitter")
        right.addWidget(_titled(self.tr("Event"), self.detail))
        # The selected event's audit trail, while the timeline is edited (a read-only file
        # may hold one, but viewing shows the events as they are).
        self.history_pane = _titled(self.tr("History"), self.history)
        self.history_pane.setVisible(not self.document.read_only)
        right.addWidget(self.history_pane)
        right.addWidget(_titled(self.tr("Article"), self.article))
        right.setStretchFactor(0, 1)
        right.setStretchFactor(1, 0)  # the history: a few rows; the article keeps its room
        right.setStretchFactor(2, 1)
        right.setChildrenCollapsible(False)

        main = QSplitter(Qt.Orientation.Horizontal)
        main.setObjectName("mainSplitter")
        main.addWidget(self.filter_panel)
        main.addWidget(centre)
        main.addWidget(right)
        main.setStretchFactor(0, 0)
        main.setStretchFactor(1, 3)
        main.setStretchFactor(2, 2)
        main.setCollapsible(1, False)
        main.setSizes([270, 760, 410])
        centre.setSizes([480, 320])
        right.setSizes([380, 130, 380])
        self.setCentralWidget(main)
        self.splitters = {s.objectName(): s for s in (main, centre, right)}

        self._set_tab_order()

    def _set_tab_order(self) -> None:
        """Tab goes from pane to pane, round the window: the filters (through their own
        fields), the timeline, the list, the event, the article; the arrow keys move within
        a pane. Tab used to move from cell to cell of the list, which it never left."""
        self.table.setTabKeyNavigation(False)
        panes = (self.filter_panel, self.timeline, self.table, self.detail, self.article)
        stops = [stop for pane in panes for stop in _tab_stops(pane)]
        for first, second in itertools.pairwise(stops):
            QWidget.setTabOrder(first, second)

    def _build_menus(self) -> None:
        menu_bar = self.menuBar()
        self.editing = EditingActions(
            self,
            self.document,
            self.registry,
            self._settings,
            open_file=self.open_database,
            before_switch=self.stop_queries,
        )
        self.event_actions = EventActions(
            self,
            self.document,
            self.registry,
            self.editing,
            self.article,
            self._settings,
            select=self.select_event,
        )
        file_menu = menu_bar.addMenu(self.tr("&File"))
        file_menu.setObjectName("fileMenu")
        file_menu.addAction(self.registry[ActionId.NEW_TIMELINE])
        file_menu.addAction(self.registry[ActionId.OPEN_DATABASE])
        file_menu.addAction(self.registry[ActionId.OPEN_SERVER_TIMELINE])
        file_menu.addMenu(self.editing.recent_menu)
        file_menu.addAction(self.registry[ActionId.SAVE_COPY])
        file_menu.addSeparator()
        from desktopapp.ui.import_dialog import ImportActions

        file_menu.addAction(self.registry[ActionId.IMPORT])
        self.import_actions = ImportActions(
            self, self.document, self.registry, self.editing, self._settings
        )
        from desktopapp.ui.export_actions import install_export_actions

        self.export_actions = install_export_actions(
            file_menu, self, self.repository, self.event_filter, self.grouping, self._settings
        )
        file_menu.addSeparator()
        file_menu.addAction(self.registry[ActionId.QUIT])

        edit_menu = menu_bar.addMenu(self.tr("&Edit"))
        edit_menu.setObjectName("editMenu")
        edit_menu.addAction(self.registry[ActionId.UNDO])
        edit_menu.addAction(self.registry[ActionId.REDO])
        edit_menu.addSeparator()
        for action_id in EDITING_ACTIONS:
            edit_menu.addAction(self.registry[action_id])
        edit_menu.addSeparator()
        edit_menu.addAction(self.registry[ActionId.FIND])
        edit_menu.addAction(self.registry[ActionId.CLEAR_FILTERS])
        edit_menu.addSeparator()
        edit_menu.addAction(self.registry[ActionId.PREFERENCES])

        view_menu = menu_bar.addMenu(self.tr("&View"))
        view_menu.setObjectName("viewMenu")
        group_menu = view_menu.addMenu(self.tr("&Group By"))
        for action_id in GROUPING_ACTIONS.values():
            group_menu.addAction(self.registry[action_id])
        view_menu.addSeparator()
        for action_id in (ActionId.ZOOM_IN, ActionId.ZOOM_OUT, ActionId.FIT_ALL):
            view_menu.addAction(self.registry[action_id])
        view_menu.addSeparator()
        view_menu.addAction(self.registry[ActionId.GO_TO_SELECTION])
        view_menu.addSeparator()
        theme_menu = view_menu.addMenu(self.tr("T&heme"))
        for action_id in THEME_ACTIONS.values():
            theme_menu.addAction(self.registry[action_id])
        self._build_language_menu(view_menu.addMenu(self.tr("&Language")))

        help_menu = menu_bar.addMenu(self.tr("&Help"))
        help_menu.setObjectName("helpMenu")
        help_menu.addAction(self.registry[ActionId.KEYBOARD_SHORTCUTS])
        help_menu.addAction(self.registry[ActionId.MARKS_GUIDE])
        help_menu.addSeparator()
        help_menu.addAction(self.registry[ActionId.ABOUT])

    def _build_language_menu(self, menu: QMenu) -> None:
        """English, Français: each named in its own language (whoever cannot read the
        window's language can still find theirs), the one spoken checked."""
        menu.setObjectName("languageMenu")
        group = QActionGroup(self)
        group.setExclusive(True)
        for code in l10n.LANGUAGES:
            action = QAction(f"&{l10n.LANGUAGE_NAMES[code]}", self)
            action.setObjectName(f"language_{code}")
            action.setCheckable(True)
            action.setChecked(code == l10n.language())
            action.setStatusTip(self.tr("Show the window in this language"))
            action.triggered.connect(lambda _on=False, c=code: self.languageChosen.emit(c))
            group.addAction(action)
            menu.addAction(action)
        self.language_actions = group

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Timeline"))
        toolbar.setObjectName("timelineToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        label = QLabel(self.tr("Group by") + " ")
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setContentsMargins(6, 0, 0, 0)
        toolbar.addWidget(label)
        for action_id in GROUPING_ACTIONS.values():
            button = QToolButton()
            button.setDefaultAction(self.registry[action_id])
            button.setAccessibleName(
                self.tr("Group by {grouping}").format(
                    grouping=self.registry[action_id].text().replace("&", "")
                )
            )
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setAutoRaise(True)
            # As the toolbar's own buttons: reached with the mouse or Ctrl+1..3, not with Tab.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            toolbar.addWidget(button)
        toolbar.addSeparator()
        for action_id in (
            ActionId.ZOOM_IN,
            ActionId.ZOOM_OUT,
            ActionId.FIT_ALL,
            ActionId.GO_TO_SELECTION,
        ):
            toolbar.addAction(self.registry[action_id])
        for action in toolbar.actions():
            widget = toolbar.widgetForAction(action)
            if widget is not None and not widget.accessibleName():
                widget.setAccessibleName(action.text().replace("&", ""))
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.toolbar = toolbar

    def _build_status_bar(self) -> None:
        self.status_count = QLabel()
        self.status_count.setObjectName("statusCount")
        self.status_count.setTextFormat(Qt.TextFormat.PlainText)
        self.status_count.setAccessibleName(self.tr("Events shown"))
        self.status_count.setContentsMargins(0, 0, 8, 0)
        self.statusBar().addPermanentWidget(self.status_count)

    def _connect(self) -> None:
        a = self.registry
        a[ActionId.OPEN_DATABASE].triggered.connect(self._ask_database)
        a[ActionId.OPEN_SERVER_TIMELINE].triggered.connect(self._ask_server)
        a[ActionId.QUIT].triggered.connect(self.close)
        a[ActionId.FIND].triggered.connect(self.filter_panel.focus_search)
        a[ActionId.CLEAR_FILTERS].triggered.connect(self.filter_panel.clear)
        for grouping, action_id in GROUPING_ACTIONS.items():
            a[action_id].triggered.connect(
                lambda _on=False, g=grouping: self.document.set_grouping(g)
            )
        a[ActionId.ZOOM_IN].triggered.connect(self.timeline.zoom_in)
        a[ActionId.ZOOM_OUT].triggered.connect(self.timeline.zoom_out)
        a[ActionId.FIT_ALL].triggered.connect(self.timeline.fit_all)
        a[ActionId.GO_TO_SELECTION].triggered.connect(self._go_to_selection)
        a[ActionId.ABOUT].triggered.connect(self.show_about)
        for theme, action_id in THEME_ACTIONS.items():
            a[action_id].triggered.connect(lambda _on=False, t=theme: self.set_theme(t))
        a[ActionId.KEYBOARD_SHORTCUTS].triggered.connect(lambda: self._show_help(shortcuts_dialog))
        a[ActionId.MARKS_GUIDE].triggered.connect(lambda: self._show_help(marks_dialog))
        a[ActionId.PREFERENCES].triggered.connect(self._edit_preferences)

        self.filter_panel.filterChanged.connect(self.set_filter)
        self.filter_panel.editActorRequested.connect(self.event_actions.edit_actor)
        self.filter_panel.editTypeRequested.connect(self.event_actions.edit_type)
        self._runner.finished.connect(self._show_results)
        self._runner.failed.connect(self._show_failure)
        self._facet_runner.finished.connect(self._show_facets)
        self._facet_runner.failed.connect(self._show_facet_failure)
        self.table_model.queryFailed.connect(self.report_database_error)
        self.table.eventSelected.connect(self.document.select)
        self.table.clearFiltersRequested.connect(self.filter_panel.clear)
        self.timeline.eventActivated.connect(self.select_event)
        self.article.eventActivated.connect(self.select_event)

    def _subscribe(self) -> None:
        """Every view follows the document; the document is changed only through its
        setters (called by the views above and by the window's public API)."""
        events = self.document.events
        self._followed = (
            (events.filter_changed, self._show_filter),
            (events.grouping_changed, self._show_grouping),
            (events.selection_changed, self._show_event),
            (events.events_changed, self._show_changed_events),
            (events.sources_changed, self._show_changed_sources),
            (events.names_changed, self._show_new_names),
            (events.timeline_replaced, self._show_timeline),
        )
        for signal, slot in self._followed:
            signal.connect(slot)

    def detach(self) -> None:
        """Stop following the document, which outlives this window when another window
        takes its place on it (View › Language): a closed window must not be told of the
        next edit. Its queries are stopped; it is closed by whoever replaces it."""
        self.stop_queries()
        for signal, slot in self._followed:
            signal.disconnect(slot)
        self.editing.detach()
        self.event_actions.detach()

    def _build_context_menus(self) -> None:
        """Copy Citation, Copy Quote and Go to Source on the list, the timeline and the
        article; Ctrl+C in the list copies the whole citation, not the cell's text."""
        self.event_commands = EventCommands(
            self.repository, self.go_to_source, self.report_database_error
        )
        for view in (self.table, self.timeline, self.article.text):
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._table_menu)
        self.timeline.customContextMenuRequested.connect(self._timeline_menu)
        self.article.text.customContextMenuRequested.connect(self._article_menu)
        copy = QAction(self.tr("Copy Citation"), self.table)
        copy.setObjectName("copy_citation")
        copy.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        copy.triggered.connect(self._copy_selected_citation)
        self.table.addAction(copy)

    def go_to_source(self, event_id: int) -> None:
        """Select the event and show its quoted passage in the article, which takes focus."""
        self.select_event(event_id)
        self.article.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def _copy_selected_citation(self) -> None:
        if self.document.selection is not None:
            self.event_commands.copy_citation(self.document.selection)

    def _show_menu(self, menu: QMenu, view: QWidget, pos: QPoint) -> None:
        self.context_menu = menu  # kept, so tests can use it and it outlives this call
        if not menu.isEmpty():
            menu.popup(view.mapToGlobal(pos))

    def _table_menu(self, pos: QPoint) -> None:
        menu = QMenu(self.table)
        index = self.table.indexAt(pos)
        event_id = self.table_model.event_id(index.row()) if index.isValid() else None
        if event_id is not None:
            self.select_event(event_id)
            self.event_commands.add_to(menu, [event_id])
        self._show_menu(menu, self.table.viewport(), pos)

    def _timeline_menu(self, pos: QPoint) -> None:
        menu = QMenu(self.timeline)
        event_id = self.timeline.event_at(pos)
        if event_id is None:
            event_id = self.document.selection
        elif event_id != self.document.selection:
            self.select_event(event_id)
        if event_id is not None:
            self.event_commands.add_to(menu, [event_id])
        self._show_menu(menu, self.timeline.viewport(), pos)

    def _article_menu(self, pos: QPoint) -> None:
        menu = self.article.text.createStandardContextMenu(pos)
        event_ids = self.article.events_at(pos)
        if event_ids:
            menu.addSeparator()
            self.event_commands.add_to(menu, event_ids)
        self.event_actions.add_to_article_menu(menu)
        self._show_menu(menu, self.article.text.viewport(), pos)

    def _show_repository_details(self) -> None:
        """Name the open timeline in the title: 'big.sqlite3 — News Timeline'."""
        url = self.document.repository.engine.url
        path = (
            _sqlite_file(self.document.repository) if url.get_backend_name() == "sqlite" else None
        )
        self.setWindowFilePath(path or "")
        name = Path(path).name if path else (url.database or url.get_backend_name())
        name = for_display(name, LINE_LIMIT)  # a file name is data too
        title = self.tr(APP_TITLE)
        self.setWindowTitle(f"{name} — {title}" if name else title)
        self.detail.set_type_labels({t.slug: t.label for t in self.document.repository.event_types})
        self.detail.set_sources(self.document.repository.sources)

    # -- reacting to the document ----------------------------------------------------------

    def _show_filter(self, event_filter: EventFilter) -> None:
        """The panel shows the document's filter (unless it is where it came from), and its
        answers are asked for."""
        if self.filter_panel.event_filter() != event_filter:
            self.filter_panel.set_filter(event_filter)
        self._apply_filter(event_filter)

    def _show_grouping(self, grouping: Grouping) -> None:
        self.registry.grouping_action(grouping).setChecked(True)
        if self.timeline.grouping() != grouping:
            self.timeline.set_grouping(grouping)

    def _show_changed_events(self, keys: frozenset[str]) -> None:
        """An edit changed these events: the list, the counts and the timeline are asked
        again, and the selected event's panes show it as it is now."""
        self._show_repository_details()
        self._show_new_names()
        try:
            self.article.events_changed(keys)  # their passages quoted may have changed
        except QUERY_ERRORS as error:
            self.report_database_error(describe_error(error))
        self._apply_filter(self.document.filter)
        # The timeline's filter is the same, so the answers above will not reload it.
        self.timeline.show_changes()
        self._show_event(self.document.selection)

    def _show_changed_sources(self, keys: frozenset[str]) -> None:
        article = self.article
        shown = article.source_key()
        try:
            article.set_repository(self.document.repository)
            self.detail.set_sources(self.document.repository.sources)
            known = {source.key for source in self.document.repository.sources}
            added = sorted(keys & known - ({shown} if shown else set()))
            # A source just added is shown (to select a passage in it); else the one shown.
            if added:
                article.show_source(added[0])
            elif shown in known:
                article.show_source(shown)
            article.select_event(self.document.selection)
        except QUERY_ERRORS as error:
            self.report_database_error(describe_error(error))

    def _show_new_names(self) -> None:
        """An edit that added or removed an actor or a type: the panel lists them anew and
        shows the document's filter again (one whose name is gone is cleared)."""
        repository = self.document.repository
        names = (repository.actors, repository.event_types)
        if names == self._names_shown:
            return
        self._names_shown = names
        self.filter_panel.set_repository(repository)
        try:
            self.filter_panel.set_filter(self.document.filter)
        except FilterError:
            self.document.set_filter(EventFilter())

    def _show_timeline(self) -> None:
        """Everything may be new: every view reads the repository again and shows the
        document's filter and selection."""
        repository = self.document.repository
        try:
            self._names_shown = (repository.actors, repository.event_types)
            self.filter_panel.set_repository(repository)
            self.table_model.set_repository(repository, load=False)
            self.timeline.set_repository(repository)
            self.article.set_repository(repository)
            self._show_repository_details()
        except QUERY_ERRORS as error:
            self.report_database_error(describe_error(error))
        try:
            self.filter_panel.set_filter(self.document.filter)
        except FilterError:
            # A name of the filter is gone from the timeline: show everything instead.
            self.document.set_filter(EventFilter())
        self._apply_filter(self.document.filter)
        self._show_event(self.document.selection)

    def _apply_filter(self, event_filter: EventFilter) -> None:
        """Ask for this filter's answers on the worker; the views change when they come."""
        self._asked_at = time.perf_counter()
        sort, descending = self.table_model.sort_order()
        self._runner.submit_filter(
            self.document.repository,
            event_filter,
            sort=sort,
            descending=descending,
            page_size=self.table_model.page_size(),
        )
        self._facet_runner.submit_filter(self.document.repository, event_filter)
        self._rows_shown = self._facets_shown = False
        self.registry[ActionId.CLEAR_FILTERS].setEnabled(not event_filter.is_empty)
        if not self._busy_timer.isActive():
            self._busy_timer.start()

    def _show_busy(self) -> None:
        if self.is_busy():
            counting = self.tr(COUNTING)
            self.status_count.setText(counting)
            self.filter_panel.show_busy(counting)

    def _show_results(self, results: FilterResults) -> None:
        if results.request.repository is not self.document.repository:
            return  # asked of a database that has been closed since
        started = time.perf_counter()
        self._busy_timer.stop()
        event_filter = results.event_filter
        sort, descending = results.request.sort, results.request.descending
        # Keeps the selected row, or reports it gone (eventSelected(None)).
        self.table_model.show_results(
            event_filter, results.matching, results.first_page, sort, descending
        )
        shown, total = results.matching, self.document.repository.total
        self.filter_panel.set_matching(shown, total)  # the facet counts follow on their own
        self.detail.set_search(event_filter.text)  # mark why each event matched
        self.article.set_search(event_filter.text)
        self.status_count.setText(shown_of_total(shown, total))
        try:
            self.timeline.set_filter(event_filter)
            if self.document.selection is not None:
                self.timeline.select_event(self.document.selection)
        except QUERY_ERRORS as error:
            self.report_database_error(describe_error(error))
        now = time.perf_counter()
        self.last_query_seconds = results.seconds
        self.last_update_seconds = now - started
        self.last_wait_seconds = now - self._asked_at
        self._rows_shown = True
        self._announce_if_complete(event_filter)

    def _show_facets(self, results: FacetResults) -> None:
        if results.request.repository is not self.document.repository:
            return
        if results.event_filter != self.document.filter:
            return  # a newer filter's counts are on their way
        self.filter_panel.set_facets(results.facets)
        self.last_facet_seconds = results.seconds
        self._facets_shown = True
        self._announce_if_complete(results.event_filter)

    def _show_facet_failure(self, failure: FacetFailure) -> None:
        if failure.request.event_filter != self.document.filter:
            return  # a newer filter's counts are on their way
        self.report_database_error(
            self.tr("{reason}. The counts beside the filters are old").format(reason=failure.reason)
        )
        self._facets_shown = True
        self._announce_if_complete(failure.request.event_filter)

    def _announce_if_complete(self, event_filter: EventFilter) -> None:
        """filterApplied once the list, the timeline and the counts all show this filter."""
        if self._rows_shown and self._facets_shown and event_filter == self.document.filter:
            self.filterApplied.emit(event_filter)

    def _show_failure(self, failure: FilterFailure) -> None:
        self._busy_timer.stop()
        not_counted = self.tr("Events not counted")
        self.status_count.setText(not_counted)
        self.filter_panel.show_busy(not_counted)
        self.report_database_error(
            self.tr("{reason}. The list still shows the previous filter's events").format(
                reason=failure.reason
            )
        )

    def report_database_error(self, reason: str) -> None:
        """Say in the status bar (not in a modal box) that the database failed us."""
        message = self.tr("Database error: {reason}").format(reason=reason)
        self.statusBar().showMessage(message)
        self.queryFailed.emit(message)

    def _show_event(self, event_id: int | None) -> None:
        if self.table.selected_event_id() != event_id:
            self.table.select_event(event_id)
        try:
            self.timeline.select_event(event_id)
        except QUERY_ERRORS as error:
            self.report_database_error(describe_error(error))
        event = None
        if event_id is not None:
            try:
                event = self.document.repository.event(event_id)
            except KeyError:
                event = None
            except QUERY_ERRORS as error:
                self.report_database_error(describe_error(error))
        self.detail.show_event(event)
        self._show_history(event)
        source_key = event.quotes[0].source_key if event is not None and event.quotes else None
        self.article.select_event(event_id, source_key)
        self.registry[ActionId.GO_TO_SELECTION].setEnabled(event_id is not None)
        self.eventSelected.emit(event_id)

    def _show_history(self, event: Event | None) -> None:
        store = self.document.store
        self.history_pane.setVisible(store is not None)
        if store is None or event is None:
            self.history.set_entries(())
            return
        try:
            self.history.set_entries(store.history(event.key))
        except QUERY_ERRORS as error:
            self.report_database_error(describe_error(error))

    def _go_to_selection(self) -> None:
        if self.document.selection is None:
            return
        self.timeline.go_to_selection()
        self.table.select_event(self.document.selection)

    def _ask_server(self) -> None:
        from desktopapp.ui.server_dialog import ask_server_timeline

        ask_server_timeline(self, self._settings)

    def _ask_database(self) -> None:
        folder = self._settings.value(LAST_FOLDER) or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open Timeline Database"),
            folder,
            self.tr("Timeline databases ({patterns});;All files (*)").format(
                patterns="*.sqlite3 *.sqlite *.db"
            ),
        )
        if not path:
            return
        self._settings.set_value(LAST_FOLDER, str(Path(path).parent))
        self.open_database(path)

    def _show_help(self, make: Callable[[QMainWindow], QDialog]) -> None:
        """Show a help window beside the main one (not modal: the keys can be tried)."""
        self.help_dialog = make(self)
        self.help_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.help_dialog.show()

    def _edit_preferences(self) -> None:
        from desktopapp.ui.preferences_dialog import PreferencesDialog

        PreferencesDialog(self._settings, self).exec()

    def show_about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("About desktopapp"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setIcon(QMessageBox.Icon.Information)
        box.setText(f"desktopapp {__version__}")
        box.setInformativeText(self.about_text())
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()

    def about_text(self) -> str:
        repository = self.document.repository
        sources = repository.sources
        source = sources[0].citation_line() if sources else self.tr("(no source article)")
        total = repository.total
        in_database = l10n.ngettext(
            "{n} event in this database.", "{n} events in this database.", total
        ).format(n=l10n.number(total))
        return self.tr(
            "A timeline of the events one news article reports, each checkable against the "
            "article's own words.\n\n"
            "Data: {source}\n\n"
            "Dates: the article rarely dates what it reports, so each event's date was "
            "looked up in a cited source (the article itself or a named news report, shown "
            "with the sentence that dates it). Its precision is kept as found: a day, a "
            "month, a span of days, or a date marked approximate (~) or uncertain (?). Only "
            "an exact day is drawn as a single point.\n\n"
            "{count}"
        ).format(source=source, count=in_database)

    def offer_upgrade(self, path: str | Path, reason: str) -> tuple[EventRepository, str] | None:
        """Ask before upgrading a database of an older schema; upgrade after a backup copy.
        The upgraded database, and what to tell the person; None if declined or failed."""
        try:
            done = upgrade_if_asked(self, path, reason)
            if done is None:
                return None
            return EventRepository(open_database(path)), done
        except (UpgradeError, DatabaseError, OSError) as error:
            self._error(self.tr("The database could not be upgraded"), str(error))
            return None

    def _error(self, title: str, message: str) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(title)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(title + ".")
        box.setInformativeText(message + "\n\n" + self.tr("The current database stays open."))
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()

    def _usable(self, event_filter: EventFilter) -> EventFilter:
        """A saved filter without the names this database does not know."""
        repository = self.document.repository
        actors, types = set(), set()
        for name in event_filter.actors:
            with contextlib.suppress(FilterError):
                actors.add(repository.resolve_actor(name).name)
        for name in event_filter.types:
            with contextlib.suppress(FilterError):
                types.add(repository.resolve_type(name).slug)
        return EventFilter(
            frozenset(actors),
            frozenset(types),
            event_filter.date_from,
            event_filter.date_to,
            event_filter.text,
        )

    # -- Qt events -------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop_queries()  # the database is closed after the window: no query may outlive it
        self.save_state()
        super().closeEvent(event)

    def save_state(self) -> None:
        """Remember the layout, grouping and filters for the next launch."""
        self.save_layout(self._settings)
        self._settings.set_grouping(self.document.grouping)
        self._settings.set_event_filter(self.document.filter)
        self._settings.sync()


def _default_size(window: QWidget) -> QSize:
    """The default size, or nine tenths of a smaller screen."""
    screen = window.screen()
    if screen is None:
        return DEFAULT_SIZE
    available = screen.availableSize()
    return DEFAULT_SIZE.boundedTo(QSize(available.width() * 9 // 10, available.height() * 9 // 10))


def _saved_theme(settings: Settings) -> Theme:
    try:
        return Theme(settings.value(THEME))
    except ValueError:
        return Theme.SYSTEM


def _sqlite_file(repository: EventRepository) -> str | None:
    """The file of an SQLite database, asked of SQLite itself: a read-only engine's URL is a
    bare "sqlite://" (its connections come from a creator)."""
    try:
        with repository.engine.connect() as connection:
            for _seq, name, file in connection.exec_driver_sql("PRAGMA database_list"):
                if name == "main":
                    return str(file) or None
    except QUERY_ERRORS:
        return None
    return None


def _tab_stops(pane: QWidget) -> list[QWidget]:
    """The widgets of a pane that Tab stops at, in the pane's own order (a date edit, not the
    text field inside it that it hands its focus to)."""
    stops: list[QWidget] = []
    widget: QWidget | None = pane
    while widget is not None:
        inside = widget is pane or pane.isAncestorOf(widget)
        parent = widget.parentWidget()
        proxied = parent is not None and parent.focusProxy() is widget
        if inside and widget.focusPolicy() & Qt.FocusPolicy.TabFocus and not proxied:
            stops.append(widget)
        widget = widget.nextInFocusChain()
        if widget is pane:
            break
    return stops


def _titled(title: str, widget: QWidget) -> QWidget:
    """A pane with a small heading above it."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(4, 4, 4, 0)
    layout.setSpacing(2)
    layout.addWidget(heading(title, widget))
    layout.addWidget(widget, 1)
    return box
