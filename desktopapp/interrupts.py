"""SIGTERM and SIGHUP handled like Ctrl+C, so that every ``finally`` cleans up.

A command line run turns the signal into :class:`Stopped` (a KeyboardInterrupt), raised where
the program is. Inside Qt, that is not safe: PySide builds its enums and signatures lazily in
Python, and an exception landing there comes out as an AttributeError or an abort. So while
Qt is painting (:func:`deferred`), a signal is only recorded; the painting asks
:func:`stop_requested` at its own checkpoints (the PDF's cancel callback) and :class:`Stopped`
is raised at the next :func:`check` or when the deferred part ends. Python swallows an
exception raised in some places (an import lock's callback, a ``__del__``); long loops call
:func:`check` too, so that such a signal still stops them.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator

_state = {"deferring": 0, "requested": 0}


class Stopped(KeyboardInterrupt):
    """The process was asked to stop by a signal (``signum``)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def signals_as_interrupts() -> Iterator[None]:
    """Within the block, SIGTERM and SIGHUP stop the command like Ctrl+C (main thread only)."""
    names = ("SIGTERM", "SIGHUP")
    wanted = [getattr(signal, name) for name in names if hasattr(signal, name)]
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    # A signal already ignored stays ignored: `nohup desktopapp generate …` must survive SIGHUP.
    wanted = [number for number in wanted if signal.getsignal(number) is signal.SIG_DFL]

    def stop(signum: int, _frame: object) -> None:
        for number in wanted:  # a second signal must not cut the clean-up short
            signal.signal(number, signal.SIG_IGN)
        _state["requested"] = signum  # also kept for check(), should the raise be swallowed
        if not _state["deferring"]:
            raise Stopped(signum)

    previous = {number: signal.signal(number, stop) for number in wanted}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        _state["requested"] = 0


@contextlib.contextmanager
def deferred() -> Iterator[None]:
    """Within the block a signal is recorded, not raised; it is raised when the block ends."""
    _state["deferring"] += 1
    try:
        yield
    finally:
        _state["deferring"] -= 1
        if not _state["deferring"]:
            check()


def stop_requested() -> bool:
    """Whether a signal asked the process to stop (for cancel callbacks)."""
    return bool(_state["requested"])


def check() -> None:
    """Raise :class:`Stopped` if a signal asked the process to stop."""
    if _state["requested"]:
        raise Stopped(_state["requested"])
