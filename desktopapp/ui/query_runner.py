"""The window's filter queries, run on a worker thread so that the window never waits on SQL.

One filter change needs three answers from the repository: how many events match, the facet
counts, and the first page of the list. :class:`QueryRunner` asks them on one pooled worker
thread and hands the answer back to the UI thread through a queued signal.

Every request gets a generation number. At most one request runs and at most one waits: a
newer request replaces the waiting one (typing fast never queues up stale work), and the
answer of any request that is no longer the newest is dropped instead of being shown.

The repository is safe to use from the worker: the SQLite engine is created with
``check_same_thread=False`` and its pool gives each thread its own connection.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from PySide6.QtCore import QObject

from desktopapp.db.errors import QUERY_ERRORS, describe_error
from desktopapp.db.repository import EventRepository, FacetCounts, ListPage, SortKey
from desktopapp.domain.filter import EventFilter
from desktopapp.ui.latest_worker import LatestOnlyWorker


@dataclass(frozen=True)
class FilterRequest:
    """What to ask the repository for one filter change."""

    generation: int
    repository: EventRepository
    event_filter: EventFilter
    sort: SortKey
    descending: bool
    page_size: int


@dataclass(frozen=True)
class FilterResults:
    """The answers to one :class:`FilterRequest`."""

    request: FilterRequest
    matching: int
    first_page: ListPage
    seconds: float

    @property
    def event_filter(self) -> EventFilter:
        return self.request.event_filter


@dataclass(frozen=True)
class FilterFailure:
    """A request that failed, with a one-line reason meant for the person."""

    request: FilterRequest
    reason: str


def run_request(request: FilterRequest) -> FilterResults | FilterFailure:
    """Ask how many events match and for the first page of them (any thread). The facet
    counts are asked separately (:class:`FacetRunner`): on a large database they can take
    seconds, and the list and timeline need not wait for them."""
    started = time.perf_counter()
    repository, event_filter = request.repository, request.event_filter
    try:
        matching = repository.count(event_filter)
        page = repository.list_page(
            event_filter,
            limit=request.page_size,
            sort=request.sort,
            descending=request.descending,
        )
    except QUERY_ERRORS as error:
        return FilterFailure(request, describe_error(error))
    return FilterResults(request, matching, page, time.perf_counter() - started)


@dataclass(frozen=True)
class FacetRequest:
    """The live counts per actor and type to work out for one filter."""

    generation: int
    repository: EventRepository
    event_filter: EventFilter


@dataclass(frozen=True)
class FacetResults:
    request: FacetRequest
    facets: FacetCounts
    seconds: float

    @property
    def event_filter(self) -> EventFilter:
        return self.request.event_filter


@dataclass(frozen=True)
class FacetFailure:
    request: FacetRequest
    reason: str


def run_facets(request: FacetRequest) -> FacetResults | FacetFailure:
    """Count events per actor and per type under the filter (any thread)."""
    started = time.perf_counter()
    try:
        facets = request.repository.facet_counts(request.event_filter)
    except QUERY_ERRORS as error:
        return FacetFailure(request, describe_error(error))
    return FacetResults(request, facets, time.perf_counter() - started)


class QueryRunner(LatestOnlyWorker):
    """Runs filter requests off the UI thread; emits only the newest request's outcome:
    ``finished`` with FilterResults, ``failed`` with FilterFailure."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(run_request, FilterFailure, parent)

    @property
    def generation(self) -> int:
        """The newest request's generation number."""
        return self.newest_generation

    def submit_filter(
        self,
        repository: EventRepository,
        event_filter: EventFilter,
        *,
        sort: SortKey = SortKey.DATE,
        descending: bool = False,
        page_size: int = 200,
    ) -> int:
        """Ask for this filter's answers; returns the request's generation number."""
        request = FilterRequest(
            self.newest_generation + 1, repository, event_filter, sort, descending, page_size
        )
        self.submit(request)
        return request.generation

    def wait(self, timeout_ms: int = -1, *, drop_waiting: bool = True) -> bool:
        """Block until no request runs (before closing a database or the window)."""
        return super().wait(timeout_ms, drop_waiting=drop_waiting)


class FacetRunner(LatestOnlyWorker):
    """Works out facet counts off the UI thread, on a thread of its own so that the list
    and the timeline are never queued behind them; emits only the newest request's outcome:
    ``finished`` with FacetResults, ``failed`` with FacetFailure."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(run_facets, FacetFailure, parent)

    def submit_filter(self, repository: EventRepository, event_filter: EventFilter) -> int:
        request = FacetRequest(self.newest_generation + 1, repository, event_filter)
        self.submit(request)
        return request.generation

    def wait(self, timeout_ms: int = -1, *, drop_waiting: bool = True) -> bool:
        return super().wait(timeout_ms, drop_waiting=drop_waiting)
