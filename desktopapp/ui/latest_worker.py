"""A worker thread that answers only the newest question.

Both the window's filter queries and the timeline's loads follow the same rule: one request
runs at a time on a private thread; a request that arrives meanwhile waits, replacing any older
waiting one; and only the newest request's outcome is delivered, on the UI thread. Typing fast
in the search box therefore never queues up stale work, and a slow answer never overwrites a
newer one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, SignalInstance, Slot


class Request(Protocol):
    @property
    def generation(self) -> int: ...


class Outcome(Protocol):
    @property
    def request(self) -> Any: ...  # the Request it answers


class _Job(QRunnable):
    def __init__(self, work: Callable[[Any], Outcome], request: Request,
                 deliver: SignalInstance) -> None:  # fmt: skip
        super().__init__()
        self._work, self._request, self._deliver = work, request, deliver
        self.setAutoDelete(True)

    def run(self) -> None:
        self._deliver.emit(self._work(self._request))


class LatestOnlyWorker(QObject):
    """Runs ``work(request)`` off the UI thread; emits only the newest request's outcome.

    ``work`` must not raise: it returns an outcome, which is emitted through ``failed`` when
    it is an instance of ``failure_type`` and through ``finished`` otherwise.
    """

    finished = Signal(object)
    failed = Signal(object)
    busyChanged = Signal(bool)

    _delivered = Signal(object)  # from the worker thread

    def __init__(
        self,
        work: Callable[[Any], Outcome],
        failure_type: type,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._work = work
        self._failure_type = failure_type
        # A pool of its own with one thread: requests never run side by side, and waiting
        # for this pool never waits for anyone else's work.
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(1)
        self._running: Request | None = None
        self._waiting: Request | None = None
        self._newest = 0
        self._delivered.connect(self._on_delivered, Qt.ConnectionType.QueuedConnection)

    @property
    def newest_generation(self) -> int:
        return self._newest

    def is_busy(self) -> bool:
        return self._running is not None

    def submit(self, request: Request) -> None:
        self._newest = request.generation
        if self._running is None:
            self._start(request)
            self.busyChanged.emit(True)
        else:
            self._waiting = request  # replaces (drops) any older waiting request

    def wait(self, timeout_ms: int = -1, *, drop_waiting: bool = False) -> bool:
        """Block until the running request is done (its outcome is still delivered later);
        with ``drop_waiting``, forget the waiting one first (before closing a database)."""
        if drop_waiting:
            self._waiting = None
        return self._pool.waitForDone(timeout_ms)

    def _start(self, request: Request) -> None:
        self._running = request
        self._pool.start(_Job(self._work, request, self._delivered))

    @Slot(object)
    def _on_delivered(self, outcome: Outcome) -> None:
        self._running = None
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            self._start(waiting)  # the outcome in hand is stale: drop it
            return
        self.busyChanged.emit(False)
        if outcome.request.generation != self._newest:
            return
        if isinstance(outcome, self._failure_type):
            self.failed.emit(outcome)
        else:
            self.finished.emit(outcome)
