"""Waiting for the views to show an answer, without slowing the work being waited for.

Polling with ``processEvents(WaitForMoreEvents, ms)`` in a Python loop wakes Python on every
event and timeout, and the worker threads that load the answer then lose the interpreter to
it (about 40 % slower at 100k events). A :class:`QEventLoop` sleeps in Qt until one of the
signals the views emit when they show something arrives; only then is the condition asked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QDeadlineTimer, QEventLoop, QTimer, SignalInstance


def wait_until(
    condition: Callable[[], bool],
    signals: Iterable[SignalInstance],
    timeout_ms: int,
) -> bool:
    """Run an event loop until ``condition()`` holds, asking it each time one of ``signals``
    is emitted (each must be emitted by whatever makes the condition come true). False if
    it still does not hold after ``timeout_ms``."""
    if condition():
        return True
    if timeout_ms <= 0:
        return False
    loop = QEventLoop()

    def check(*_: object) -> None:
        if condition():
            loop.quit()  # takes effect once the emitting slot returns to the loop

    chosen = list(signals)
    for signal in chosen:
        signal.connect(check)
    deadline = QDeadlineTimer(timeout_ms)
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    try:
        # What made the condition true may have started more work before the loop saw the
        # quit (a view scrolled by its new answer asks for a refresh): wait for that too.
        while not condition() and not deadline.hasExpired():
            timer.start(max(1, deadline.remainingTime()))
            loop.exec()
    finally:
        timer.stop()
        for signal in chosen:
            signal.disconnect(check)
    return condition()
