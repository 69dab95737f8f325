"""What the timeline shows, worked out away from the UI thread: SQL, density and layout.

:func:`plan_view` answers one :class:`ViewRequest` (a filter, a grouping, where the view
looks and at what zoom): it finds the filter's extent if asked, fits the zoom if asked (leaving
room for the last events' labels), reads the window around the visible range from the
repository unless the data in hand still covers it, and lays the lanes out. It only uses the
repository and QtGui text metrics, so it runs on a worker thread as well as inline.

:class:`TimelineLoader` runs requests on a one-thread pool. Every request has a generation
number; at most one runs and one waits (a newer request replaces the waiting one), and only the
newest request's answer is delivered, through a queued signal, on the UI thread.

The repository is safe to use from the worker: the SQLite engine is created with
``check_same_thread=False`` and SQLAlchemy's pool gives each thread its own connection.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from datetime import date
from enum import Enum

from PySide6.QtCore import QObject

from desktopapp.db.errors import QUERY_ERRORS, describe_error
from desktopapp.db.repository import EventRepository, busiest
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.grouping import Grouping, LaneCount
from desktopapp.domain.model import EventRow
from desktopapp.domain.timescale import (
    MIN_PIXELS_PER_DAY,
    TimeScale,
    aligned_bins,
    bin_days_for,
    highest_zoom,
    shift_days,
)
from desktopapp.render.lanes import (
    AXIS_HEIGHT,
    MAX_LINES,
    LaneBins,
    LaneLayout,
    TextMeasure,
    header_width,
    layout_bins,
    layout_marks,
)
from desktopapp.ui.latest_worker import LatestOnlyWorker

MIN_PIXELS_PER_EVENT = 8.0  # denser than this, a lane shows counts per bin
MARK_BUDGET = 3000  # most marks laid out at once; beyond, the busiest lanes are binned
LANE_LIMIT = 60  # most lanes loaded at once; the quieter ones are counted, not drawn
FIT_MARGIN = 16.0  # pixels left free before the first event when fitting
# A fit leaves the last events' labels room right of their marks: LABEL_ROOM pixels, but no
# less than LABEL_SHARE and no more than MAX_LABEL_SHARE of the plot; longer ones are elided.
LABEL_ROOM = 240.0
LABEL_SHARE = 0.3
MAX_LABEL_SHARE = 0.6
ONE_LANE_LINES = 24  # rows of labels a lone lane may stack (it has the whole height)


class Fit(Enum):
    """Whether a request moves the view to show every filtered event."""

    KEEP = "keep"  # keep the view where it is
    ALWAYS = "always"  # fit all
    IF_OUT_OF_SIGHT = "if-out-of-sight"  # fit only if no filtered event is in sight


@dataclass(frozen=True)
class LoadedLane:
    lane: LaneCount
    rows: tuple[EventRow, ...] | None
    bins: LaneBins | None


@dataclass(frozen=True)
class LoadedData:
    """What was read from the database: a window, at a zoom, for a filter and grouping."""

    start: date
    end: date
    pixels_per_day: float
    lanes: tuple[LoadedLane, ...]
    hidden_lanes: int = 0

    def covers(self, shown_from: date, shown_to: date, pixels_per_day: float) -> bool:
        """True if this data still answers for the visible range at this zoom."""
        margin = (shown_to - shown_from).days // 4
        if shift_days(shown_from, -margin) < self.start or shift_days(shown_to, margin) > self.end:
            return False
        ratio = pixels_per_day / self.pixels_per_day
        return 0.67 <= ratio <= 1.5  # density and bin width were decided for that zoom


@dataclass(frozen=True)
class ViewRequest:
    """Everything needed to work out one picture of the timeline."""

    generation: int
    repository: EventRepository
    event_filter: EventFilter
    grouping: Grouping
    extent: tuple[date, date] | None  # the filter's extent, if known
    find_extent: bool  # ask the repository for the extent (the filter changed)
    fit: Fit
    origin: date
    pixels_per_day: float
    left_ordinal: float  # fractional day at the plot's left edge
    view_width: float  # the lane names' column and the plot
    header_width: float  # the lane names' column as it is now
    measure: TextMeasure
    glyph_measure: TextMeasure
    header_measure: TextMeasure  # lane names
    count_measure: TextMeasure  # lane counts
    data: LoadedData | None = None  # still valid for this filter and grouping, if any
    lane_limit: int = LANE_LIMIT
    right_reserve: float = 0.0  # pixels a fit keeps free on the right (a scroll bar to come)

    @property
    def plot_width(self) -> float:
        return plot_width(self.view_width, self.header_width)


@dataclass(frozen=True)
class ViewResult:
    """The picture for a request: the scale to use and the lanes laid out on it."""

    request: ViewRequest
    extent: tuple[date, date] | None
    origin: date
    pixels_per_day: float
    left_ordinal: float
    moved: bool  # the view must scroll to ``left_ordinal`` (fitted, the origin or header moved)
    data: LoadedData
    lanes: tuple[LaneLayout, ...]
    seconds: float
    header_width: float  # the lane names' column these lanes need
    fitted: bool  # the zoom was fitted to every filtered event


def plot_width(view_width: float, header_width: float) -> float:
    """The width left to the time axis right of the lane names."""
    return max(40.0, view_width - header_width)


@dataclass(frozen=True)
class ViewFailure:
    request: ViewRequest
    reason: str


def clamp_date(day: date, days: int) -> date:
    return shift_days(day, days)


def lowest_zoom(extent: tuple[date, date] | None, plot_width: float) -> float:
    """Zooming out stops when every event fits in an eighth of the plot (or at a day/px)."""
    low = MIN_PIXELS_PER_DAY
    if extent is not None:
        days = (extent[1] - extent[0]).days + 1
        low = max(low, min(1.0, plot_width / 8 / days))
    return low


def plan_view(request: ViewRequest) -> ViewResult | ViewFailure:
    """Work out the picture for one request (any thread)."""
    started = time.perf_counter()
    try:
        result = _plan(request)
    except QUERY_ERRORS as error:
        return ViewFailure(request, describe_error(error))
    return replace(result, seconds=time.perf_counter() - started)


def _plan(request: ViewRequest, *, again: bool = False) -> ViewResult:
    repository = request.repository
    extent = request.extent
    origin, ppd, left = request.origin, request.pixels_per_day, request.left_ordinal
    moved = False
    if request.find_extent:
        extent = repository.date_extent(request.event_filter)
        if extent is not None and extent[0] != origin:
            # Scene x = 0 on a fixed day near the data, so coordinates stay small and exact.
            origin, moved = extent[0], True
    if ppd > highest_zoom(extent):  # zoomed in on a narrower filter: too wide to draw now
        ppd, moved = highest_zoom(extent), True
    data = request.data
    fit = request.fit
    if fit is Fit.IF_OUT_OF_SIGHT and extent is not None:
        right = left + request.plot_width / ppd
        if extent[1].toordinal() + 1 >= left and extent[0].toordinal() <= right:
            fit = Fit.KEEP
    if fit is not Fit.KEEP and extent is not None:
        days = days_of(extent)
        ppd = _clamp_zoom(extent, request.plot_width, (request.plot_width - FIT_MARGIN) / days)
        left = extent[0].toordinal() - FIT_MARGIN / ppd
        moved = True
    data = data if data is not None and _covers(data, left, ppd, request.plot_width) else None
    data = data or _load(request, extent, left, ppd)
    lanes = _layout(request, data, TimeScale(origin, ppd))
    # The lane names get the column they need (up to a limit): the plot is what is left.
    header = header_width(lanes, request.header_measure, request.count_measure, request.view_width)
    width = plot_width(request.view_width, header)
    moved = moved or header != request.header_width  # keep left_ordinal at the plot's edge
    fitted = fit is not Fit.KEEP and extent is not None
    if fitted and header != request.header_width and not again:
        # The fit was worked out for the old column: once more for the plot that is left,
        # so that a fit is the same whichever lanes were shown before.
        # What was read still answers (same filter and grouping): no second query.
        retry = replace(
            request,
            header_width=header,
            extent=extent,
            find_extent=False,
            origin=origin,
            data=data,
        )
        return replace(_plan(retry, again=True), request=request, moved=True)
    if fitted and extent is not None:
        # Labels run right of their marks: zoom out until the last events' labels fit too.
        room = width - request.right_reserve
        best = _label_room_zoom(lanes, TimeScale(origin, ppd), extent[0], room)
        best = _clamp_zoom(extent, width, min(best, (width - FIT_MARGIN) / days_of(extent)))
        if best < ppd * 0.999:
            ppd = best
            left = extent[0].toordinal() - FIT_MARGIN / ppd
            if not _covers(data, left, ppd, width):
                data = _load(request, extent, left, ppd)
        # A label too long to fit even so is elided at the plot's right edge (the tooltip
        # has the whole title), rather than cut off by it.
        scale = TimeScale(origin, ppd)
        right_edge = scale.x_of_ordinal(left) + room - 4.0
        lanes = _layout(request, data, scale, x_limit=right_edge)
    return ViewResult(
        request, extent, origin, ppd, left, moved, data, lanes, 0.0, header, fitted=fitted
    )


def days_of(extent: tuple[date, date]) -> int:
    return (extent[1] - extent[0]).days + 1


def _clamp_zoom(extent: tuple[date, date] | None, plot_width: float, value: float) -> float:
    return min(highest_zoom(extent), max(lowest_zoom(extent, plot_width), value))


def _shown(left: float, ppd: float, plot_width: float) -> tuple[date, date]:
    first = date.fromordinal(int(min(date.max.toordinal(), max(1, left))))
    last = date.fromordinal(int(min(date.max.toordinal(), max(1, left + plot_width / ppd))))
    return first, last


def _covers(data: LoadedData, left: float, ppd: float, plot_width: float) -> bool:
    shown_from, shown_to = _shown(left, ppd, plot_width)
    return data.covers(shown_from, shown_to, ppd)


def _load(
    request: ViewRequest, extent: tuple[date, date] | None, left: float, ppd: float
) -> LoadedData:
    """Read the visible window plus one window's width each side: lane counts and bins in one
    grouped query, then the rows of the lanes sparse enough to draw one mark per event."""
    shown_from, shown_to = _shown(left, ppd, request.plot_width)
    if extent is None:
        return LoadedData(shown_from, shown_to, ppd, ())
    span = max(1, (shown_to - shown_from).days + 1)
    start = max(clamp_date(shown_from, -span), clamp_date(extent[0], -span))
    end = min(clamp_date(shown_to, span), clamp_date(extent[1], span))
    if start > end:
        return LoadedData(start, end, ppd, ())
    repository, event_filter, grouping = request.repository, request.event_filter, request.grouping
    bin_days = bin_days_for(ppd, target_pixels=8.0)
    first, bin_count = aligned_bins(start, end, bin_days)
    tallies = repository.lane_overview(
        event_filter, grouping, start, end, first, bin_days, bin_count, binned=request.lane_limit
    )
    hidden = 0
    if len(tallies) > request.lane_limit:
        kept = {t.key for t in busiest(tallies, request.lane_limit)}
        hidden = len(tallies) - len(kept)
        tallies = [t for t in tallies if t.key in kept]
    window_pixels = ((end - start).days + 1) * ppd
    dense = {t.key for t in tallies if t.count * MIN_PIXELS_PER_EVENT > window_pixels}
    budget = sum(t.count for t in tallies if t.key not in dense)
    for tally in sorted(tallies, key=lambda t: -t.count):
        if budget <= MARK_BUDGET:
            break
        if tally.key not in dense:
            dense.add(tally.key)
            budget -= tally.count
    rows: dict[str, list[EventRow]] = {}
    sparse = [t.key for t in tallies if t.key not in dense]
    if sparse:
        for key, row in repository.lane_rows(event_filter, grouping, start, end, lanes=sparse):
            rows.setdefault(key, []).append(row)
    lanes = []
    for tally in tallies:
        if tally.key in dense:
            bins = LaneBins(first, bin_days, tally.bins)
            lanes.append(LoadedLane(tally.lane_count, None, bins))
        else:
            lanes.append(LoadedLane(tally.lane_count, tuple(rows.get(tally.key, ())), None))
    return LoadedData(start, end, ppd, tuple(lanes), hidden)


def _layout(
    request: ViewRequest, data: LoadedData, scale: TimeScale, *, x_limit: float | None = None
) -> tuple[LaneLayout, ...]:
    top = AXIS_HEIGHT
    lanes: list[LaneLayout] = []
    by_type = request.grouping is Grouping.TYPE
    max_lines = ONE_LANE_LINES if len(data.lanes) == 1 else MAX_LINES
    for entry in data.lanes:
        key, name, count = entry.lane.key, entry.lane.label, entry.lane.count
        slug = key if by_type else None
        if entry.bins is not None:
            lane = layout_bins(key, name, count, entry.bins, top=top, colour_slug=slug)
        else:
            lane = layout_marks(
                key,
                name,
                entry.rows or (),
                scale,
                request.measure,
                request.glyph_measure,
                top=top,
                count=count,
                max_lines=max_lines,
                colour_slug=slug,
                x_limit=x_limit,
            )
        lanes.append(lane)
        top = lane.bottom
    return tuple(lanes)


def _label_room_zoom(
    lanes: tuple[LaneLayout, ...], scale: TimeScale, first: date, plot_width: float
) -> float:
    """The largest zoom at which every mark and its label end inside the plot.

    A mark's middle moves with the zoom while its label keeps its width, so each mark asks
    ``FIT_MARGIN + days * zoom + label room <= plot width``; a label longer than the label
    room (see ``LABEL_ROOM``) is elided rather than squeeze time to nothing.
    """
    room = plot_width - 8.0
    label_room = min(room * MAX_LABEL_SHARE, max(room * LABEL_SHARE, LABEL_ROOM))
    best = scale.pixels_per_day
    for lane in lanes:
        for mark in lane.marks:
            middle = (mark.x0 + mark.x1) / 2
            days = scale.ordinal_at(middle) - first.toordinal()
            extra = min(mark.right - middle, label_room)
            if days > 0 and FIT_MARGIN + days * best + extra > room:
                best = max(1e-6, (room - FIT_MARGIN - extra) / days)
    return best


class TimelineLoader(LatestOnlyWorker):
    """Runs view requests off the UI thread; delivers only the newest request's outcome:
    ``finished`` with ViewResult, ``failed`` with ViewFailure."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(plan_view, ViewFailure, parent)
