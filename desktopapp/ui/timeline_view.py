"""The interactive timeline: lanes of events along a zoomable, pannable time axis.

Why one painting item instead of a QGraphicsItem per event: the scene must stay fast with a
million events in the database. Items are only ever made for what is loaded, but even a
loaded window can hold thousands of marks, and a Python QGraphicsItem per mark costs a
wrapper, a BSP-index entry and a Python ``paint`` call each. So the scene holds one item
(:class:`LanesItem`) that paints the lanes intersecting the exposed rectangle, finding their
marks by bisection in the layout computed by :mod:`desktopapp.render.lanes` (the code that
also paints exported charts). Hit-testing and tooltips use the same layout.

What is loaded: only the visible time window plus one window's width on each side, 40 ms
after the view stops moving, and only the busiest lanes of it when there are many (see
:mod:`desktopapp.ui.timeline_loader`). A dense lane is drawn as counts per time bin. The
reading *and* the layout run on a worker thread (inline for a small database, where they
take a few milliseconds): the UI thread only paints. While a new picture is on its way the
previous one stays, a discreet "Loading…" shows, and a zoom stretches the old marks to the
new scale until their new layout arrives. Nothing done per frame depends on the size of the
database.

Under the lanes, outside the viewport so that they never hide a mark, a note row says what
the picture leaves out (counts per period, quieter lanes) and a legend says what each kind of
mark and each colour means; the legend collapses into a popup (the "Legend" button beside the
scroll bar) when it would take the lanes' place (:mod:`desktopapp.ui.timeline_strips`).

The lane names get the column they need, up to a share of the width. The view fits every
filtered event when the filter changes or the view is resized, unless the user has zoomed or
panned by hand since the last fit; then a resize keeps the visible time span. It takes the
keyboard focus (a frame shows it): arrows pan, Ctrl+arrows or N/P step from event to event
as a click selects one, +/- zoom, Ctrl+0 or Home fits.

The axis and the lane headers are painted in ``drawForeground`` in viewport coordinates, so
they stay put while the lanes scroll under them.
"""

from __future__ import annotations

import bisect
import html
from collections.abc import Callable
from datetime import date
from functools import partial

from PySide6.QtCore import (
    QCoreApplication,
    QDeadlineTimer,
    QEvent,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QCloseEvent,
    QFocusEvent,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QPalette,
    QPen,
    QResizeEvent,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QGesture,
    QGestureEvent,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsView,
    QPinchGesture,
    QStyle,
    QStyleOptionGraphicsItem,
    QToolButton,
    QToolTip,
    QWidget,
)

from desktopapp.db.errors import QUERY_ERRORS, describe_error
from desktopapp.db.repository import EventRepository
from desktopapp.domain.date_words import short_day_words
from desktopapp.domain.dates import DateError, parse_edtf
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.grouping import NO_ACTOR_LANE, Grouping
from desktopapp.domain.l10n import _, ngettext, number
from desktopapp.domain.model import EventRow
from desktopapp.domain.provenance import UNSOURCED_LINE
from desktopapp.domain.text import HIDDEN_MARK_NOTE, TOOLTIP_LIMIT, for_display, has_hidden
from desktopapp.domain.timescale import MAX_PIXELS_PER_DAY, TimeScale, highest_zoom
from desktopapp.render.lanes import (
    AXIS_HEIGHT,
    Fonts,
    LaneLayout,
    PlacedMark,
    TextMeasure,
    make_axis,
    paint_axis,
    paint_grid,
    paint_lane,
    paint_lane_band,
    paint_lane_header,
    stretched,
)
from desktopapp.render.legend import LegendEntry, legend_entries
from desktopapp.render.palette import ChartColours
from desktopapp.ui.timeline_loader import (
    LANE_LIMIT,
    Fit,
    LoadedData,
    TimelineLoader,
    ViewFailure,
    ViewRequest,
    ViewResult,
    clamp_date,
    lowest_zoom,
    plan_view,
    plot_width,
)
from desktopapp.ui.timeline_strips import (
    LegendPopup,
    LegendStrip,
    NoteStrip,
    legend_fits,
)

HEADER_WIDTH = 176.0  # the lane names' column until the lanes say what they need
REFRESH_DELAY_MS = 40
LOADING_NOTE_DELAY_MS = 150  # a load quicker than this shows no "Loading…" at all
INLINE_EVENTS = 200  # databases this small are read and laid out on the UI thread (~ms)
ZOOM_STEP = 1.25
RIGHT_ROOM = 260.0  # room right of the last event for its label


def _grouping_title(grouping: Grouping) -> str:
    """The lane names' column heading: what the lanes are."""
    return {
        Grouping.ACTOR: QCoreApplication.translate("TimelineView", "Acting actor"),
        Grouping.TYPE: QCoreApplication.translate("TimelineView", "Event type"),
        Grouping.NONE: QCoreApplication.translate("TimelineView", "Events"),
    }[grouping]


class LanesItem(QGraphicsItem):
    """The one scene item: paints the lanes the view has laid out, in the exposed area."""

    def __init__(self, view: TimelineView) -> None:
        super().__init__()
        self._view = view
        self._rect = QRectF()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)

    def set_rect(self, rect: QRectF) -> None:
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = QRectF(rect)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        self._view.paint_lanes(painter, option.exposedRect)


class TimelineView(QGraphicsView):
    """Events along time, in lanes by actor, by type, or in one lane."""

    eventActivated = Signal(int)
    # Emitted once the picture is up to date after a change: new data or a new layout shown,
    # a load that failed, or a refresh that found nothing to redo.
    layoutChanged = Signal()
    loadFailed = Signal(str)  # a one-line reason, when the database could not be read

    def __init__(
        self,
        repository: EventRepository,
        parent: QWidget | None = None,
        *,
        inline_events: int = INLINE_EVENTS,
        lane_limit: int = LANE_LIMIT,
    ) -> None:
        super().__init__(parent)
        self._repository = repository
        self._inline_events = inline_events
        self._lane_step = self._lane_limit = lane_limit  # more are loaded as one scrolls down
        self._filter = EventFilter()
        self._grouping = Grouping.ACTOR
        self._selected: int | None = None
        self._selected_dates: tuple[date, date] | None = None
        self._reveal_selection = False
        self._zoom_to_reveal = False
        self._extent: tuple[date, date] | None = None
        self._extent_known = False
        self._origin = date.today()
        self._pixels_per_day = 20.0
        self._layout_ppd = 20.0  # the zoom the shown lanes were laid out at
        self._data: LoadedData | None = None  # reusable for the current filter and grouping
        self._hidden_lanes = 0
        self._zoom_stopped = False  # a zoom in was stopped by highest_zoom (the note says why)
        self._lanes: tuple[LaneLayout, ...] = ()
        self._lane_tops: list[float] = []
        self._fitted = False  # fitted at least once (the first show fits)
        self._hand_moved = False  # zoomed or panned by hand since the last fit
        self._header_width = HEADER_WIDTH
        self._last_plot_width = 0.0
        self._failure = ""
        self._generation = 0
        self._pending_fit = Fit.KEEP
        self._pending_extent = True  # the filter's extent is not known yet
        self._press_pos: QPoint | None = None
        self._fonts = Fonts.sized(self.font(), _font_pixels(self))
        self._set_measures()

        self.setScene(QGraphicsScene(self))
        self.scene().setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self._item = LanesItem(self)
        self.scene().addItem(self._item)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        # Axis and headers are painted over the viewport: scrolling must repaint it whole.
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self.setAccessibleName(self.tr("Timeline"))
        self.setMinimumSize(320, 160)

        self._note = NoteStrip(self, self)
        self._note.hide()
        self._legend = LegendStrip(self, self)
        self._legend_wanted = True  # the user's choice; room decides whether it shows
        self._legend_popup = LegendPopup(self, self)
        self._legend_button = QToolButton(self)
        self._legend_button.setText(self.tr("Legend"))
        self._legend_button.setCheckable(True)
        self._legend_button.setChecked(True)
        self._legend_button.setAutoRaise(True)
        self._legend_button.clicked.connect(self._legend_button_clicked)
        # Beside the horizontal scroll bar, which is always there (time always scrolls).
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.addScrollBarWidget(self._legend_button, Qt.AlignmentFlag.AlignRight)
        self._update_legend_entries()

        self._loader = TimelineLoader(self)
        self._loader.finished.connect(self._apply)
        self._loader.failed.connect(self._apply)
        self._loading_note = False
        self._loading_timer = QTimer(self)
        self._loading_timer.setSingleShot(True)
        self._loading_timer.setInterval(LOADING_NOTE_DELAY_MS)
        self._loading_timer.timeout.connect(self._show_loading_note)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self._refresh)
        self.horizontalScrollBar().valueChanged.connect(self._schedule_refresh)
        # Only a user's own moves of the scroll bar trigger actions (not setValue).
        self.horizontalScrollBar().actionTriggered.connect(self._moved_by_hand)
        self.verticalScrollBar().valueChanged.connect(self._load_more_lanes_near_the_end)
        self._update_scene_rect()

    # -- public API -----------------------------------------------------------------------

    def set_repository(self, repository: EventRepository) -> None:
        """Show another database: forget everything loaded and fit its events."""
        self._loader.wait()  # the running load reads the old database: let it finish first
        self._repository = repository
        self._filter = EventFilter()
        self._selected = None
        self._selected_dates = None
        self._forget_data()
        self._update_legend_entries()
        self.fit_all()

    def set_filter(self, event_filter: EventFilter) -> None:
        """Show only the events matching the filter, fitted to them all; but if the user has
        zoomed or panned by hand since the last fit, keep the view where they put it when
        some of the events are in sight. The previous picture stays until the new one is
        ready."""
        if event_filter == self._filter:
            return
        self._filter = event_filter
        self._forget_data()
        fit = Fit.IF_OUT_OF_SIGHT if self._hand_moved else Fit.ALWAYS
        self._fitted = True
        self._submit(fit=fit)

    def show_changes(self) -> None:
        """Events of the open timeline changed (an edit, its undo or its redo): read again
        what the view shows, where it looks now. Nothing loaded still holds, whatever the
        filter: an event may have moved to another lane or date, or left the filter's
        extent. The picture stays until the new one is ready."""
        self._selected_dates = None  # the selected event's dates may be among the changes
        self._forget_data()
        self._submit()

    def set_grouping(self, grouping: Grouping) -> None:
        grouping = Grouping(grouping)
        if grouping is self._grouping:
            return
        self._grouping = grouping
        self._data = None
        self._lane_limit = self._lane_step
        self._submit()
        self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())

    def grouping(self) -> Grouping:
        return self._grouping

    def event_filter(self) -> EventFilter:
        return self._filter

    def selected_event(self) -> int | None:
        return self._selected

    def select_event(self, event_id: int | None) -> None:
        """Highlight an event and bring it into view. Does not emit eventActivated."""
        self._selected = event_id
        self._selected_dates = None
        if event_id is None:
            self._item.update()
            self.viewport().update()
            return
        mark = self._find_mark(event_id)
        if mark is not None:
            self._selected_dates = (mark[1].row.start, mark[1].row.end)
            self._ensure_mark_visible(*mark)
            self._item.update()
            return
        dates = self._event_dates(event_id)
        if dates is None:
            self._item.update()
            return
        self._selected_dates = dates
        shown_from, shown_to = self.visible_range()
        if dates[1] < shown_from or dates[0] > shown_to:
            self._centre_on(dates)
        self._reveal_selection = True
        self._submit()

    def go_to_selection(self) -> None:
        """Centre the selected event, zooming in if it is hidden in a count bin."""
        if self._selected is None:
            return
        dates = self._selected_dates or self._event_dates(self._selected)
        if dates is None:
            return
        self._selected_dates = dates
        self._centre_on(dates)
        self._reveal_selection = True
        self._zoom_to_reveal = True
        self._submit()

    def fit_all(self) -> None:
        """Zoom and scroll so that every filtered event, and the labels of the last ones, are
        in view."""
        self._fitted = True
        self._hand_moved = False
        self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())
        self._submit(fit=Fit.ALWAYS)

    def is_loading(self) -> bool:
        """True while a new picture is being worked out on the worker thread."""
        return self._loader.is_busy()

    def refresh_pending(self) -> bool:
        """True while a refresh waits for the view to stop moving."""
        return self._timer.isActive()

    def wait_for_load(self, timeout_ms: int = 30_000) -> bool:
        """Block until the picture in the works is shown (screenshots, exports, closing).
        False if it took longer than ``timeout_ms``."""
        if self._timer.isActive():
            self._refresh()
        deadline = QDeadlineTimer(timeout_ms)
        while self._loader.is_busy():
            if not self._loader.wait(max(0, deadline.remainingTime())):
                return False
            QCoreApplication.sendPostedEvents(self._loader, QEvent.Type.MetaCall.value)
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop_loading()  # the database may be closed right after the view
        super().closeEvent(event)

    def stop_loading(self) -> None:
        """Start no further load and wait for the running one (before the database closes:
        a load still reading it from the worker thread would crash the process)."""
        self._timer.stop()
        self._loader.wait(drop_waiting=True)

    def pan_by(self, fraction: float) -> None:
        """Scroll through time by this fraction of the plot's width (negative: back)."""
        self._moved_by_hand()
        self._pan(self._plot_width() * fraction)

    def legend_visible(self) -> bool:
        """True while the legend shows under the lanes."""
        return not self._legend.isHidden()

    def legend_collapsed(self) -> bool:
        """True when there is no room for the legend under the lanes: its button opens it
        as a popup instead."""
        return not self._legend_button.isCheckable()

    def set_legend_visible(self, visible: bool) -> None:
        """Show or hide the legend under the lanes (shown by default, when there is room)."""
        self._legend_wanted = visible
        self._place_strips()

    def show_legend_popup(self) -> None:
        """Open the legend as a popup over the view, above its button."""
        button = self._legend_button
        corner = button.mapToGlobal(QPoint(button.width(), 0))
        self._legend_popup.show_entries(self._legend.entries, corner)

    def legend_popup(self) -> QWidget:
        return self._legend_popup

    def legend_entries(self) -> tuple[LegendEntry, ...]:
        return self._legend.entries

    def note_text(self) -> str:
        """What the note row under the lanes says the picture leaves out ("" for nothing)."""
        return self._note.text()

    def header_width(self) -> float:
        """Width of the lane names' column, left of the plot (viewport pixels)."""
        return self._header_width

    def zoom_in(self) -> None:
        self._moved_by_hand()
        self._zoom(ZOOM_STEP, self._plot_centre_x())

    def zoom_out(self) -> None:
        self._moved_by_hand()
        self._zoom(1 / ZOOM_STEP, self._plot_centre_x())

    def step_event(self, forward: bool = True) -> None:
        """Select the next (or previous) filtered event in date order, the list's order, and
        bring it into view, as a click on it would (eventActivated). Without a selection,
        start from the first (or last) event in sight."""
        try:
            if self._selected is None:
                target = self._first_in_sight(forward)
            else:
                target = self._repository.adjacent_event(
                    self._filter, self._selected, forward=forward
                )
            if target is None:
                return
            # Hidden in a count bar: zoom in until it has a mark of its own, as Go to
            # Selection does, so that the step is seen.
            self._zoom_to_reveal = True
            self.select_event(target)
            if not self._reveal_selection:
                self._zoom_to_reveal = False
        except QUERY_ERRORS as error:
            self.loadFailed.emit(describe_error(error))
            return
        self.eventActivated.emit(target)

    def _first_in_sight(self, forward: bool) -> int | None:
        """The first (or last) event in sight in date order; else at either end of all."""
        left = self.mapToScene(QPoint(int(self._header_width), 0)).x()
        right = self.mapToScene(QPoint(self.viewport().width(), 0)).x()
        rows = {
            mark.row.id: mark.row
            for lane in self._lanes
            for mark in lane.marks
            if (span := stretched(mark, self._stretch()))[1] >= left and span[0] <= right
        }
        if rows:
            order = sorted(rows.values(), key=lambda r: (r.start, r.end, r.id))
            return (order[0] if forward else order[-1]).id
        first = self._repository.rows(self._filter, limit=1, descending=not forward)
        return first[0].id if first else None

    def visible_range(self) -> tuple[date, date]:
        """First and last day visible right of the lane headers."""
        scale = self._scale()
        left = self.mapToScene(QPoint(int(self._header_width), 0)).x()
        right = self.mapToScene(QPoint(self.viewport().width(), 0)).x()
        return scale.date_at(left), scale.date_at(right)

    # -- introspection (tests, accessibility, the window's status bar) ---------------------

    def pixels_per_day(self) -> float:
        return self._pixels_per_day

    def time_scale(self) -> TimeScale:
        """The scene's time scale: scene x of a date is ``time_scale().x(date)``."""
        return self._scale()

    def lane_names(self) -> list[str]:
        return [lane.name for lane in self._lanes]

    def shown_event_ids(self) -> frozenset[int]:
        """Events with a mark in the loaded window (binned lanes count none)."""
        return frozenset(mark.row.id for lane in self._lanes for mark in lane.marks)

    def visible_event_ids(self) -> frozenset[int]:
        """Events whose mark is at least partly in the visible time range."""
        left = self.mapToScene(QPoint(int(self._header_width), 0)).x()
        right = self.mapToScene(QPoint(self.viewport().width(), 0)).x()
        stretch = self._stretch()
        return frozenset(
            mark.row.id
            for lane in self._lanes
            for mark in lane.marks
            if (span := stretched(mark, stretch))[1] >= left and span[0] <= right
        )

    def is_aggregated(self) -> bool:
        return any(lane.bins is not None for lane in self._lanes)

    def mark_rects(self, event_id: int) -> list[QRectF]:
        """Scene rectangles of the event's marks (one per lane it is in)."""
        rects = []
        for lane in self._lanes:
            mark = lane.mark_of(event_id)
            if mark is not None:
                cy = lane.line_y(mark.line)
                x0, x1, _ = stretched(mark, self._stretch())
                rects.append(QRectF(x0, cy - 5, x1 - x0, 10))
        return rects

    def event_at(self, viewport_pos: QPoint) -> int | None:
        """The event whose mark or label is under a viewport position (for a context menu
        on ``customContextMenuRequested``, whose position is the viewport's), or None."""
        found = self._mark_at(viewport_pos)
        return found[1].row.id if found else None

    # -- painting ----------------------------------------------------------------------------

    def is_dark(self) -> bool:
        return self.palette().color(QPalette.ColorRole.Base).lightness() < 128

    def colours(self) -> ChartColours:
        return ChartColours.for_background(dark=self.is_dark())

    def fonts(self) -> Fonts:
        return self._fonts

    def _dark(self) -> bool:
        return self.is_dark()

    def _colours(self) -> ChartColours:
        return self.colours()

    def _stretch(self) -> float:
        """How much wider the view is than the zoom its lanes were laid out at."""
        return self._pixels_per_day / self._layout_ppd

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        painter.fillRect(rect, self._colours().background)

    def paint_lanes(self, painter: QPainter, exposed: QRectF) -> None:
        """Paint the lanes crossing ``exposed`` (scene coordinates); called by LanesItem."""
        colours = self._colours()
        dark = self._dark()
        scale = self._scale()
        first = max(0, bisect.bisect_right(self._lane_tops, exposed.top()) - 1)
        bins_max = max((max(lane.bins.counts) for lane in self._lanes if lane.bins), default=0)
        # Labels end (elided) at the visible plot's edges: the lane names cover the left.
        labels_from = self._left_x() + self._header_width
        labels_to = self._left_x() + self.viewport().width() - 2
        for index in range(first, len(self._lanes)):
            lane = self._lanes[index]
            if lane.top > exposed.bottom():
                break
            paint_lane_band(painter, lane, index, exposed.left(), exposed.right(), colours)
        axis = make_axis(scale, exposed.left(), exposed.right(), self._fonts)
        paint_grid(painter, axis, exposed.top(), exposed.bottom(), colours)
        for index in range(first, len(self._lanes)):
            lane = self._lanes[index]
            if lane.top > exposed.bottom():
                break
            paint_lane(
                painter,
                lane,
                scale,
                self._fonts,
                colours,
                x_from=exposed.left(),
                x_to=exposed.right(),
                dark=dark,
                selected=self._selected,
                bins_max=bins_max,
                stretch=self._stretch(),
                labels_from=labels_from,
                labels_to=labels_to,
            )

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        colours = self._colours()
        dark = self._dark()
        painter.save()
        painter.resetTransform()  # viewport coordinates: these parts do not scroll
        width, height = self.viewport().width(), self.viewport().height()
        top_y = self.mapToScene(QPoint(0, 0)).y()
        left_x = self.mapToScene(QPoint(0, 0)).x()
        header = self._header_width
        # Lane headers.
        painter.fillRect(QRectF(0, AXIS_HEIGHT, header, height), colours.header_background)
        first = max(0, bisect.bisect_right(self._lane_tops, top_y + AXIS_HEIGHT) - 1)
        painter.setClipRect(QRectF(0, AXIS_HEIGHT, header, height))
        for lane in self._lanes[first:]:
            lane_top = lane.top - top_y
            if lane_top > height:
                break
            # Sticky: a tall lane keeps its name in sight while it is scrolled through.
            name_top = min(max(lane_top, AXIS_HEIGHT), lane_top + lane.height - 26)
            name_rect = QRectF(0, name_top, header, 26)
            paint_lane_header(painter, name_rect, lane, self._fonts, colours, dark=dark)
            painter.setPen(QPen(colours.lane_separator, 1.0))
            bottom = lane_top + lane.height
            painter.drawLine(QPointF(0, bottom), QPointF(header, bottom))
        painter.setClipping(False)
        painter.setPen(QPen(colours.grid, 1.0))
        painter.drawLine(QPointF(header, AXIS_HEIGHT), QPointF(header, height))
        # The axis, in viewport coordinates.
        scale = self._scale()
        view_scale = TimeScale(scale.origin, scale.pixels_per_day, scale.x0 - left_x)
        axis = make_axis(view_scale, header, width, self._fonts)
        paint_axis(
            painter,
            axis,
            QRectF(header, 0, width - header, AXIS_HEIGHT),
            self._fonts,
            colours,
        )
        painter.fillRect(QRectF(0, 0, header, AXIS_HEIGHT), colours.axis_background)
        painter.setPen(QPen(colours.grid, 1.0))
        painter.drawLine(QPointF(0, AXIS_HEIGHT), QPointF(header, AXIS_HEIGHT))
        painter.setFont(self._fonts.context)
        painter.setPen(QPen(colours.muted_text))
        # Wrapped, not clipped: a longer language's heading ("Acteur à l’initiative") takes
        # two lines of the axis' height where the lane names leave the column narrow.
        painter.drawText(
            QRectF(10, 0, header - 14, AXIS_HEIGHT),
            int(
                Qt.AlignmentFlag.AlignLeft
                | Qt.AlignmentFlag.AlignVCenter
                | Qt.TextFlag.TextWordWrap
            ),
            _grouping_title(self._grouping),
        )
        self._paint_notice(painter, colours, width, height)
        if self._loading_note:
            self._paint_loading(painter, colours, width)
        if self.hasFocus():
            self._paint_focus_frame(painter, width, height)
        painter.restore()

    def _paint_focus_frame(self, painter: QPainter, width: int, height: int) -> None:
        """A frame in the highlight colour while the timeline has the keyboard focus."""
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 2.0)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(1, 1, width - 2, height - 2))

    def _paint_loading(self, painter: QPainter, colours: ChartColours, width: int) -> None:
        """A discreet "Loading…" in the axis corner; the previous picture stays below it."""
        text = self.tr("Loading…")
        metrics = QFontMetricsF(self._fonts.small)
        box = QRectF(0, 0, metrics.horizontalAdvance(text) + 16, 18)
        box.moveTopRight(QPointF(width - 6, 3))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(colours.grid, 1.0))
        painter.setBrush(colours.background)
        painter.drawRoundedRect(box, 9, 9)
        painter.setFont(self._fonts.small)
        painter.setPen(QPen(colours.muted_text))
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)

    def _paint_notice(
        self, painter: QPainter, colours: ChartColours, width: int, height: int
    ) -> None:
        """Why the plot is empty, in its middle (it covers nothing there)."""
        if self._failure:
            text = self.tr("The timeline could not be read: {reason}").format(reason=self._failure)
        elif self._extent is None and self._extent_known:
            text = self.tr("No events match the current filter.")
        elif not self._lanes and self._data is not None:
            text = self.tr("No events in this period. Fit all (or zoom out) to find them.")
        else:
            return
        header = self._header_width
        metrics = QFontMetricsF(self._fonts.label)
        text_width = min(metrics.horizontalAdvance(text) + 24, width - header - 24)
        box = QRectF(0, 0, text_width, 24)
        box.moveCenter(QPointF(header + (width - header) / 2, max(AXIS_HEIGHT + 20, height / 2)))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(colours.grid, 1.0))
        painter.setBrush(colours.note_background)
        painter.drawRoundedRect(box, 6, 6)
        painter.setFont(self._fonts.label)
        painter.setPen(QPen(colours.text))
        elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, box.width() - 16)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), elided)

    def _note_text(self) -> str:
        """What the picture leaves out, for the note row under the lanes."""
        parts = []
        binned = next((lane.bins for lane in self._lanes if lane.bins is not None), None)
        if binned is not None:
            parts.append(
                self.tr(
                    "Too many events to draw one by one: bars count events {per_period}. "
                    "Zoom in to see them."
                ).format(per_period=_per_period(binned.bin_days))
            )
        if self._hidden_lanes:
            hidden = self._hidden_lanes
            parts.append(
                ngettext(
                    "{n} quieter lane not shown yet: scroll down to load it, or filter.",
                    "{n} quieter lanes not shown yet: scroll down to load them, or filter.",
                    hidden,
                ).format(n=number(hidden))
            )
        if self._zoom_stopped:
            parts.append(
                self.tr(
                    "Zoomed in as far as events spread over centuries allow: "
                    "filter by date to zoom in further."
                )
            )
        return " ".join(parts)

    # -- interaction -------------------------------------------------------------------------

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        if abs(delta.x()) > abs(delta.y()):
            self._moved_by_hand()
            super().wheelEvent(event)  # horizontal wheel or swipe: pan through time
            return
        if event.position().x() < self._header_width:
            super().wheelEvent(event)  # over the lane names: scroll through the lanes
            return
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() - delta.y())  # Shift+wheel: scroll through lanes
            event.accept()
            return
        if delta.y():
            self._moved_by_hand()
            self._zoom(1.0015 ** delta.y(), event.position().x())
        event.accept()

    def viewportEvent(self, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            self._show_tooltip(event)
            return True
        if kind == QEvent.Type.NativeGesture:
            assert isinstance(event, QNativeGestureEvent)
            if event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
                self._zoom(1.0 + event.value(), event.position().x())
                return True
        if kind == QEvent.Type.Gesture:
            assert isinstance(event, QGestureEvent)
            gesture: QGesture | None = event.gesture(Qt.GestureType.PinchGesture)
            if isinstance(gesture, QPinchGesture):
                centre = self.viewport().mapFromGlobal(gesture.centerPoint().toPoint())
                self._zoom(gesture.scaleFactor(), float(centre.x()))
                return True
        return super().viewportEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press_pos = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        event.accept()  # the view itself handles clicks (the scene's item takes no events)
        press, self._press_pos = self._press_pos, None
        if event.button() != Qt.MouseButton.LeftButton or press is None:
            return
        release = event.position().toPoint()
        if (release - press).manhattanLength() >= QApplication.startDragDistance():
            self._moved_by_hand()
            return  # that was a drag (pan), not a click
        found = self._mark_at(release)
        if found is None:
            return
        event_id = found[1].row.id
        self._selected = event_id
        self._selected_dates = (found[1].row.start, found[1].row.end)
        self._item.update()
        self.eventActivated.emit(event_id)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if event.buttons() == Qt.MouseButton.NoButton:
            over_mark = self._mark_at(event.position().toPoint()) is not None
            self.viewport().setCursor(
                Qt.CursorShape.PointingHandCursor if over_mark else Qt.CursorShape.OpenHandCursor
            )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        action = self._key_action(event)
        if action is None:
            super().keyPressEvent(event)  # Up/Down, PgUp/PgDn scroll through the lanes
            return
        action()
        event.accept()

    def _key_action(self, event: QKeyEvent) -> Callable[[], None] | None:
        """What a key does on the timeline (see the module docstring), or None."""
        key, modifiers = event.key(), event.modifiers()
        Mod, Key = Qt.KeyboardModifier, Qt.Key
        chord = bool(modifiers & (Mod.ControlModifier | Mod.AltModifier | Mod.MetaModifier))
        if key in (Key.Key_Left, Key.Key_Right):
            forward = key == Key.Key_Right
            if chord:
                return partial(self.step_event, forward)
            step = self._plot_width() / (2 if modifiers & Mod.ShiftModifier else 8)
            return partial(self.pan_by, (step if forward else -step) / self._plot_width())
        if key in (Key.Key_N, Key.Key_P) and not chord:
            return partial(self.step_event, key == Key.Key_N)
        if key in (Key.Key_Plus, Key.Key_Equal):
            return self.zoom_in
        if key in (Key.Key_Minus, Key.Key_Underscore):
            return self.zoom_out
        if key == Key.Key_Home or (key == Key.Key_0 and modifiers & Mod.ControlModifier):
            return self.fit_all
        if key in (Key.Key_Return, Key.Key_Enter, Key.Key_Space) and self._selected is not None:
            selected = self._selected
            return lambda: self.eventActivated.emit(selected)
        return None

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.viewport().update()  # the focus frame

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.viewport().update()

    def _moved_by_hand(self, *_: object) -> None:
        """The user zoomed or panned: filter changes and resizes stop re-fitting, and a fit
        still on its way only happens if the user's view would show none of the events."""
        self._hand_moved = True
        if self._pending_fit is Fit.ALWAYS:
            self._pending_fit = Fit.IF_OUT_OF_SIGHT

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_strips()
        width = self._plot_width()
        previous, self._last_plot_width = self._last_plot_width, width
        if not self._fitted or previous <= 0 or abs(width - previous) < 0.5:
            return
        if not self._hand_moved:
            self._pending_fit = Fit.ALWAYS  # fit stays fit, once the resizing pauses
            self._update_scene_rect()
            self._schedule_refresh()
            return
        # Zoomed or panned by hand: the same span of time stays in view, wider or narrower.
        left = self._scale().ordinal_at(self._left_x() + self._header_width)
        self._set_pixels_per_day(self._pixels_per_day * width / previous)
        self._scroll_left_to(self._scale().x_of_ordinal(left) - self._header_width)
        self._relayout_soon()

    def _place_strips(self) -> None:
        """The note row and the legend in the bottom margin of the scroll area, the legend
        only when it leaves the lanes their room (else its button opens it as a popup)."""
        note_height = self._note.height_for(self.viewport().width())
        _, flowed = self._legend.flow(self.viewport().width())
        legend_height = int(flowed) + 6
        room = legend_fits(legend_height, self.height() - note_height)
        shown = room and self._legend_wanted
        self._legend_button.setCheckable(room)
        self._legend_button.setChecked(shown)
        self._legend_button.setToolTip(
            self.tr("Show or hide what the marks and colours mean")
            if room
            else self.tr("Show what the marks and colours mean (no room under the lanes)")
        )
        legend_height = legend_height if shown else 0
        self._legend.setVisible(shown)
        self._note.setVisible(note_height > 0)
        bottom = note_height + legend_height
        if self.viewportMargins().bottom() != bottom:
            self.setViewportMargins(0, 0, 0, bottom)
        viewport = self.viewport().geometry()
        self._note.setGeometry(
            viewport.left(), viewport.bottom() + 1, viewport.width(), note_height
        )
        self._legend.setGeometry(
            viewport.left(), viewport.bottom() + 1 + note_height, viewport.width(), legend_height
        )  # a new geometry repaints; the same one needs no repaint

    def _legend_button_clicked(self) -> None:
        if self._legend_button.isCheckable():
            self.set_legend_visible(self._legend_button.isChecked())
        else:
            self.show_legend_popup()

    def _update_legend_entries(self) -> None:
        labels = {t.slug: t.label for t in self._repository.event_types}
        roots = {t.root_slug for t in self._repository.event_types}
        self._legend.entries = legend_entries(labels, roots)
        self._place_strips()
        self._legend.update()

    def _set_measures(self) -> None:
        self._measure = TextMeasure(self._fonts.label)
        self._glyph_measure = TextMeasure(self._fonts.glyph)
        self._header_measure = TextMeasure(self._fonts.header)
        self._count_measure = TextMeasure(self._fonts.small)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted:
            self.fit_all()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            if event.type() == QEvent.Type.FontChange:
                size = _font_pixels(self)
                self._fonts = Fonts.sized(self.font(), size)
                self._set_measures()
                self._place_strips()
                self._submit()
            self._legend.update()
            self._note.update()
            self.viewport().update()

    # -- tooltips ----------------------------------------------------------------------------

    def _show_tooltip(self, event: QHelpEvent) -> None:
        text = self._tooltip_at(event.pos())
        if text:
            QToolTip.showText(event.globalPos(), text, self.viewport())
        else:
            QToolTip.hideText()
            event.ignore()

    def _tooltip_at(self, pos: QPoint) -> str:
        if pos.y() < AXIS_HEIGHT:
            return ""
        scene = self.mapToScene(pos)
        lane = self._lane_at(scene.y())
        if lane is None:
            return ""
        if pos.x() < self._header_width:
            counted = ngettext(
                "{n} event in the loaded period", "{n} events in the loaded period", lane.count
            ).format(n=number(lane.count))
            lines = [lane.name, counted]
            if self._grouping is Grouping.ACTOR and lane.key == NO_ACTOR_LANE:
                lines.insert(1, self.tr("Events whose source names no acting actor"))
            return _paragraphs(lines, bold_first=True)
        found = self._mark_at(pos)
        if found is not None:
            return event_tooltip(found[1].row)
        index = lane.bin_at(scene.x(), self._scale())
        if index is not None and lane.bins is not None:
            first, last = lane.bins.span(index)
            count = lane.bins.counts[index]
            between = ngettext(
                "{n} event starts between {first} and {last}",
                "{n} events start between {first} and {last}",
                count,
            ).format(n=number(count), first=short_day_words(first), last=short_day_words(last))
            return _paragraphs([lane.name, between], bold_first=True)
        return ""

    # -- geometry ----------------------------------------------------------------------------

    def _scale(self) -> TimeScale:
        return TimeScale(self._origin, self._pixels_per_day, 0.0)

    def _plot_width(self) -> float:
        return plot_width(self.viewport().width(), self._header_width)

    def _plot_centre_x(self) -> float:
        return self._header_width + self._plot_width() / 2

    def _left_x(self) -> float:
        return self.mapToScene(QPoint(0, 0)).x()

    def _scroll_left_to(self, scene_x: float) -> None:
        self._update_scene_rect()
        bar = self.horizontalScrollBar()
        bar.setValue(bar.value() + round(scene_x - self._left_x()))

    def _pan(self, dx: float) -> None:
        self._scroll_left_to(self._left_x() + dx)

    def _centre_on(self, dates: tuple[date, date]) -> None:
        scale = self._scale()
        middle = (scale.x(dates[0]) + scale.x_end(dates[1])) / 2
        self._scroll_left_to(middle - self._plot_centre_x())

    def _set_pixels_per_day(self, value: float) -> None:
        low = lowest_zoom(self._extent, self._plot_width())
        self._pixels_per_day = min(highest_zoom(self._extent), max(low, value))
        self._update_scene_rect()

    def _zoom_capped(self) -> bool:
        """True at the highest zoom the events' extent allows, if it is below the usual one."""
        cap = highest_zoom(self._extent)
        return cap < MAX_PIXELS_PER_DAY and self._pixels_per_day >= cap * 0.999

    def _zoom(self, factor: float, anchor_x: float) -> None:
        """Zoom by ``factor`` keeping the instant under viewport x ``anchor_x`` in place."""
        anchor_x = max(self._header_width, anchor_x)
        ordinal = self._scale().ordinal_at(self._left_x() + anchor_x)
        before = self._pixels_per_day
        self._set_pixels_per_day(before * factor)
        # Said from when a zoom in stops at the cap until a zoom out or an extent without a
        # cap, not whenever the zoom is at the cap: the note's row changes the view's size (a
        # scroll bar may come and go), and a resize rescales the zoom.
        self._zoom_stopped = factor > 1 and self._zoom_capped()
        if self._pixels_per_day == before:
            self._note.set_text(self._note_text())
            self._place_strips()
            return
        self._scroll_left_to(self._scale().x_of_ordinal(ordinal) - anchor_x)
        self._relayout_soon()

    def _relayout_soon(self) -> None:
        """The zoom changed: lay out again, at once when small, else once the view rests."""
        if self._inline():
            self._submit()
            return
        # The shown lanes are stretched to the new zoom until their new layout arrives; an
        # answer on its way for the old zoom is no longer wanted.
        self._generation += 1
        self._item.update()
        self.viewport().update()
        self._schedule_refresh()

    def _update_scene_rect(self) -> None:
        scale = self._scale()
        if self._extent is not None:
            start, end = self._extent
        else:
            start = end = self._origin
        viewport_days = self._plot_width() / self._pixels_per_day
        pad = int(min(2_000_000, max(30, viewport_days * 1.5)))
        left = scale.x(clamp_date(start, -pad)) - self._header_width
        right = scale.x_end(clamp_date(end, pad)) + RIGHT_ROOM
        bottom = self._lanes[-1].bottom + 24 if self._lanes else AXIS_HEIGHT + 24
        rect = QRectF(left, 0, right - left, max(bottom, float(self.viewport().height())))
        self.setSceneRect(rect)
        self._item.set_rect(rect)

    def _lane_at(self, scene_y: float) -> LaneLayout | None:
        index = bisect.bisect_right(self._lane_tops, scene_y) - 1
        if 0 <= index < len(self._lanes) and scene_y <= self._lanes[index].bottom:
            return self._lanes[index]
        return None

    def _mark_at(self, pos: QPoint) -> tuple[LaneLayout, PlacedMark] | None:
        if pos.x() < self._header_width or pos.y() < AXIS_HEIGHT:
            return None
        scene = self.mapToScene(pos)
        lane = self._lane_at(scene.y())
        if lane is None:
            return None
        mark = lane.mark_at(scene.x() / self._stretch(), scene.y())
        return (lane, mark) if mark is not None else None

    def _find_mark(self, event_id: int) -> tuple[LaneLayout, PlacedMark] | None:
        for lane in self._lanes:
            mark = lane.mark_of(event_id)
            if mark is not None:
                return lane, mark
        return None

    def _ensure_mark_visible(self, lane: LaneLayout, mark: PlacedMark) -> None:
        cy = lane.line_y(mark.line)
        left = self._left_x()
        top = self.mapToScene(QPoint(0, 0)).y()
        x0, x1, _ = stretched(mark, self._stretch())
        if x1 < left + self._header_width + 20 or x0 > left + self.viewport().width() - 40:
            self._scroll_left_to((x0 + x1) / 2 - self._plot_centre_x())
        bar = self.verticalScrollBar()
        if cy - 20 < top + AXIS_HEIGHT:
            bar.setValue(bar.value() + round(cy - 20 - top - AXIS_HEIGHT))
        elif cy + 20 > top + self.viewport().height():
            bar.setValue(bar.value() + round(cy + 20 - top - self.viewport().height()))

    def _event_dates(self, event_id: int) -> tuple[date, date] | None:
        try:
            event = self._repository.event(event_id)
        except KeyError:
            return None
        return event.start, event.end

    # -- loading and layout ------------------------------------------------------------------

    def _load_more_lanes_near_the_end(self) -> None:
        """Only the busiest lanes are loaded at first; scrolled (or shown) to within a screen
        of the last one, the next quieter ones are loaded too, with their counts: the lanes
        already read cost nothing again (the repository remembers their sums)."""
        if not self._hidden_lanes or self._loader.is_busy() or not self._lanes:
            return
        bar = self.verticalScrollBar()
        if bar.value() >= bar.maximum() - bar.pageStep():
            self._lane_limit = len(self._lanes) + self._lane_step
            self._data = None  # the same window, with more lanes
            self._submit()

    def _forget_data(self) -> None:
        """The filter or database changed: nothing loaded can be reused (the picture stays
        until the new one is ready)."""
        self._data = None
        self._extent_known = False
        self._pending_extent = True

    def _inline(self) -> bool:
        """Small databases are read and laid out on the UI thread: it takes milliseconds."""
        return self._repository.total <= self._inline_events

    def _schedule_refresh(self) -> None:
        self._timer.start()

    def _refresh(self) -> None:
        """After the view stopped moving: load or lay out again what the view now needs."""
        self._timer.stop()
        if self._needs_work():
            self._submit()
        else:
            self.layoutChanged.emit()

    def _needs_work(self) -> bool:
        if self._loader.is_busy() or self._pending_extent or self._pending_fit is not Fit.KEEP:
            return True
        data = self._data
        if data is None or self._layout_ppd != self._pixels_per_day:
            return True
        return not data.covers(*self.visible_range(), self._pixels_per_day)

    def _submit(self, fit: Fit = Fit.KEEP) -> None:
        """Ask for the picture the view needs now: on the worker, or inline when small."""
        self._timer.stop()
        if fit is Fit.ALWAYS or (fit is Fit.IF_OUT_OF_SIGHT and self._pending_fit is Fit.KEEP):
            self._pending_fit = fit
        if self._pending_fit is not Fit.KEEP and self._lane_limit != self._lane_step:
            # A fit is worked out on the busiest lanes alone, however many were scrolled to:
            # the quieter ones' labels would otherwise decide the zoom.
            self._lane_limit, self._data = self._lane_step, None
        self._generation += 1
        scale = self._scale()
        data = self._data
        request = ViewRequest(
            generation=self._generation,
            repository=self._repository,
            event_filter=self._filter,
            grouping=self._grouping,
            extent=self._extent,
            find_extent=self._pending_extent,
            fit=self._pending_fit,
            origin=self._origin,
            pixels_per_day=self._pixels_per_day,
            left_ordinal=scale.ordinal_at(self._left_x() + self._header_width),
            view_width=float(self.viewport().width()),
            header_width=self._header_width,
            measure=self._measure,
            glyph_measure=self._glyph_measure,
            header_measure=self._header_measure,
            count_measure=self._count_measure,
            lane_limit=self._lane_limit,
            data=data,
            # Lanes may not fit yet: the vertical scroll bar would then take this much width.
            right_reserve=0.0
            if self.verticalScrollBar().isVisible()
            else float(self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)),
        )
        if self._inline():
            self._apply(plan_view(request))
            return
        self._loader.submit(request)
        if not self._loading_timer.isActive() and not self._loading_note:
            self._loading_timer.start()

    def _show_loading_note(self) -> None:
        if self._loader.is_busy():
            self._loading_note = True
            self.viewport().update()

    def _apply(self, outcome: ViewResult | ViewFailure) -> None:
        """Show the picture a request worked out, unless the view has moved on since."""
        if outcome.request.generation != self._generation:
            return
        self._loading_timer.stop()
        self._loading_note = False
        self._pending_fit, self._pending_extent = Fit.KEEP, False
        if isinstance(outcome, ViewFailure):
            self._failure = outcome.reason
            self.viewport().update()
            self.loadFailed.emit(outcome.reason)
            self.layoutChanged.emit()
            return
        self._failure = ""
        self._extent, self._extent_known = outcome.extent, True
        if highest_zoom(self._extent) >= MAX_PIXELS_PER_DAY:
            self._zoom_stopped = False
        self._origin = outcome.origin
        self._pixels_per_day = self._layout_ppd = outcome.pixels_per_day
        self._data = outcome.data
        self._hidden_lanes = outcome.data.hidden_lanes
        self._lanes = outcome.lanes
        self._lane_tops = [lane.top for lane in outcome.lanes]
        self._header_width = outcome.header_width
        self._last_plot_width = self._plot_width()
        if outcome.fitted:
            self._hand_moved = False
        self._note.set_text(self._note_text())
        self._place_strips()
        self._update_scene_rect()
        if outcome.moved:
            left = self._scale().x_of_ordinal(outcome.left_ordinal) - self._header_width
            self._scroll_left_to(left)
            self._timer.stop()  # that scroll is the answer's own: nothing more to load
        if self._reveal_selection and self._selected is not None:
            found = self._find_mark(self._selected)
            if found is not None:
                self._reveal_selection = self._zoom_to_reveal = False
                self._ensure_mark_visible(*found)
            elif self._zoom_to_reveal and self._selected_dates is not None:
                # Too dense to draw one mark per event here: zoom to a month around it.
                self._zoom_to_reveal = False
                dates = self._selected_dates
                self._set_pixels_per_day(
                    self._plot_width() / max(30, (dates[1] - dates[0]).days + 8)
                )
                self._centre_on(dates)
                self._submit()
                return
        self._item.update()
        self.viewport().update()
        self.layoutChanged.emit()
        self._load_more_lanes_near_the_end()  # the lanes shown may not fill the screen


def _font_pixels(widget: QWidget) -> int:
    """Label size in pixels from the widget's font, so the timeline follows the desktop."""
    return max(11, round(QFontMetricsF(widget.font()).height()) - 3)


def event_tooltip(row: EventRow) -> str:
    """Title, date in words and actors of an event, as escaped rich text."""
    try:
        when = parse_edtf(row.edtf).describe()
    except DateError:
        when = row.edtf
    lines = [row.title, when]
    if row.actor_names:
        lines.append(row.actor_names)
    if row.unsourced:
        lines.append(_(UNSOURCED_LINE))
    return _paragraphs(lines, bold_first=True)


def _paragraphs(lines: list[str], *, bold_first: bool = False) -> str:
    escaped = [html.escape(for_display(line, TOOLTIP_LIMIT, say_cut=True)) for line in lines]
    if bold_first and escaped:
        escaped[0] = f"<b>{escaped[0]}</b>"
    if any(has_hidden(line) for line in lines):
        escaped.append(f"<i>{html.escape(_(HIDDEN_MARK_NOTE))}</i>")
    return "<p style='white-space:pre-wrap'>" + "<br>".join(escaped) + "</p>"


def _per_period(days: int) -> str:
    """What one bar of a binned lane counts: "per week", "per 3 days"."""
    named = {
        1: QCoreApplication.translate("TimelineView", "per day"),
        7: QCoreApplication.translate("TimelineView", "per week"),
        14: QCoreApplication.translate("TimelineView", "per fortnight"),
        30: QCoreApplication.translate("TimelineView", "per month"),
        91: QCoreApplication.translate("TimelineView", "per quarter"),
        365: QCoreApplication.translate("TimelineView", "per year"),
    }.get(days)
    if named is not None:
        return named
    return ngettext("per {n} day", "per {n} days", days).format(n=number(days))
