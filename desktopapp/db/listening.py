"""Hearing other writers' changes at once on a PostgreSQL server (``LISTEN``): every command
the store commits sends a NOTIFY (db/dialect/postgresql.py), and a :class:`ChangeListener`
keeps one connection listening for them on a thread of its own.

The listener only wakes whoever opened it (``on_change``, called on the listener's thread):
it reads nothing and trusts nothing of what it hears. The woken side asks the store, as its
poll does, whether the timeline moved (``TimelineStore.external_change``) and reads it anew.
When the connection drops, the listener tries again every second; once it listens again it
wakes its owner once, since changes made meanwhile were not heard. A timeline file has no
such connection: its windows keep polling SQLite's ``data_version``.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable

from sqlalchemy import Engine, create_engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from desktopapp.db.dialect.postgresql import CHANGE_CHANNEL

RETRY_SECONDS = 1.0
_WAIT_SECONDS = 0.25  # how long one wait for a notification lasts (so that close is quick)


def listen_for_changes(engine: Engine, on_change: Callable[[str], None]) -> ChangeListener | None:
    """A listener on the server database ``engine`` reads (a connection of its own, to the
    same URL), or None for a file: for a window that only views a server timeline."""
    if engine.dialect.name != "postgresql":
        return None
    return ChangeListener(create_engine(engine.url, poolclass=NullPool), on_change)


class ChangeListener:
    """A thread listening on one server database for committed changes."""

    def __init__(self, engine: Engine, on_change: Callable[[str], None]) -> None:
        """``engine`` (which the listener disposes of) connects to the database;
        ``on_change(payload)`` is called on the listener's thread for each change heard
        (``""`` after a reconnection, for whatever was missed)."""
        self._engine = engine
        self._on_change = on_change
        self._stop = threading.Event()
        self.listening = threading.Event()  # set while a connection is listening
        self._thread = threading.Thread(target=self._run, name="timeline-listener", daemon=True)
        self._thread.start()

    def close(self) -> None:
        """Stop listening (within a quarter of a second) and close the connection; again
        does nothing."""
        if self._stop.is_set():
            return
        self._stop.set()
        self._thread.join(timeout=5)
        self._engine.dispose()

    def _run(self) -> None:
        import psycopg  # the server's driver: only a server timeline needs it

        first = True
        while not self._stop.is_set():
            # The connection dropped (server restarted, network cut) or could not be made:
            # try again shortly; the window's poll is what tells the person the server is
            # away. Anything else (a bug of the woken side) ends the thread loudly.
            with contextlib.suppress(psycopg.Error, SQLAlchemyError, OSError):
                self._listen(woken=not first)
            self.listening.clear()
            first = False
            self._stop.wait(RETRY_SECONDS)

    def _listen(self, *, woken: bool) -> None:
        raw = self._engine.raw_connection()
        try:
            driver = raw.driver_connection
            assert driver is not None
            raw.rollback()  # out of any transaction the pool began: LISTEN takes effect now
            driver.autocommit = True
            driver.execute(f"LISTEN {CHANGE_CHANNEL}")
            self.listening.set()
            if woken:
                self._on_change("")
            while not self._stop.is_set():
                for notice in driver.notifies(timeout=_WAIT_SECONDS):
                    self._on_change(notice.payload)
        finally:
            raw.invalidate()  # never back into a pool: it was listening
