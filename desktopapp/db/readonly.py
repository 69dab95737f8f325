"""Viewing an SQLite file without writing to it, and knowing it is still the file we opened.

Every SQLite file the app views, named by a path or by a ``sqlite:///`` URL, is opened here:

- ``mode=ro`` and ``PRAGMA query_only``: a hot journal is refused, not rolled back, and
  nothing is written to the file;
- a WAL-mode file whose changes are all in the file (no ``-wal`` beside it) is opened
  ``immutable``: SQLite then reads the file alone and creates no ``-wal``/``-shm`` files, which
  is also the only way to read it in a read-only folder or file system. Immutable means "no
  locks", so the file is watched instead: a ``-wal`` appearing or the file's size or time
  changing means another program writes it, and the app says so rather than read on;
- every connection, when lent out, checks that the path still names the file it was opened
  on: a file replaced by a rebuild is reported once, in one line, instead of answers that
  mix two files (or a ``KeyError`` for an actor the new file does not have).

:func:`snapshot_engine` gives a command one read transaction for everything it asks.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.pool import QueuePool, StaticPool

from desktopapp.db.dialect.sqlite import viewing_pragmas
from desktopapp.db.errors import DatabaseChangedError, DatabaseError
from desktopapp.domain.l10n import _

_HEADER_SIZE = 100
_CONNECT_ATTEMPTS = 3
_WATCH = "desktopapp.watch"
_JUST_CHECKED = "desktopapp.just_checked"
_WAL_VERSION = 2  # header bytes 18 and 19: 1 for a rollback journal, 2 for WAL


@dataclass(frozen=True)
class Opening:
    """How a file is opened for viewing; ``immutable`` only where no -wal holds changes."""

    immutable: bool
    reason: str


def choose_opening(path: Path, label: str, *, place_writable: bool) -> Opening:
    """Decide how to open ``path`` read-only from its header and the files beside it.

    ``place_writable``: whether SQLite could create files beside it (see
    :func:`place_is_writable`). Raises DatabaseError where it cannot be read without writing.
    """
    if not _in_wal_mode(path):
        return Opening(False, "rollback journal: shared locks keep every read whole")
    wal, shm = _beside(path, "-wal"), _beside(path, "-shm")
    if not wal.exists():
        return Opening(True, "WAL file with every change in it: read it alone")
    if shm.exists():
        return Opening(False, "WAL in use, or left with changes: read it through its index")
    # No -shm: nobody has it open (every connection to a WAL file shares that index).
    if wal.stat().st_size == 0:
        return Opening(True, "an empty -wal left behind: nothing to read but the file")
    if place_writable:
        return Opening(False, "changes left in the -wal: SQLite makes the index to read them")
    raise DatabaseError(
        _(
            "{label}: a WAL-mode database whose latest changes are still in {wal}, in a "
            "read-only folder: SQLite needs to create {shm} beside it to read them. Copy "
            "{file} and {wal} into a writable folder and open the copy there"
        ).format(label=label, wal=wal.name, shm=shm.name, file=path.name)
    )


def place_is_writable(path: Path) -> bool:
    """Whether files can be created beside ``path``: a writable folder on a writable mount."""
    folder = path.parent
    try:
        read_only_mount = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False
    return not read_only_mount and os.access(folder, os.W_OK)


def readonly_sqlite_engine(path: Path, label: str, *, timeout: float = 5.0) -> Engine:
    """An engine that views ``path`` without writing, and notices when it is replaced."""
    path = path.resolve()
    opening = choose_opening(path, label, place_writable=place_is_writable(path))
    watch = _Watch(path, label, immutable=opening.immutable)
    uri = f"file:{quote(str(path))}?mode=ro" + ("&immutable=1" if opening.immutable else "")

    def connect() -> sqlite3.Connection:
        connection = watch.connect(uri, timeout)
        connection.execute("PRAGMA query_only = 1")
        return connection

    # The URL says "sqlite://" only because the creator makes the connection; left to guess,
    # SQLAlchemy would pick the pool meant for in-memory databases (SingletonThreadPool), which
    # closes other threads' connections once more threads than its size have connected —
    # while they may be running a query on a worker (seen as a segfault). A QueuePool lends
    # each connection to one thread at a time.
    engine = create_engine("sqlite://", creator=connect, poolclass=QueuePool)
    _tune_sqlite(engine)

    @event.listens_for(engine, "connect")
    def _remember_the_watch(_dbapi_connection, record):
        record.info[_WATCH] = watch  # for a snapshot taken on this connection
        record.info[_JUST_CHECKED] = True  # by the creator: the first lending needs no look

    @event.listens_for(engine, "checkout")
    def _still_the_same_file(_dbapi_connection, record, _proxy):
        if record.info.pop(_JUST_CHECKED, False):
            return
        problem = watch.problem()
        if problem is not None:
            # The pool drops this connection and makes a new one, whose creator reports it.
            raise DisconnectionError(problem)

    return engine


def _tune_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        for pragma in viewing_pragmas():
            cursor.execute(pragma)
        cursor.close()


@dataclass(frozen=True)
class _FileState:
    device: int
    inode: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: Path) -> _FileState | None:
        try:
            status = path.stat()
        except OSError:
            return None
        return cls(status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns)


class _Watch:
    """What the file was when first connected to, to tell when it is no longer that file."""

    def __init__(self, path: Path, label: str, *, immutable: bool) -> None:
        self.path, self.label, self.immutable = path, label, immutable
        self.opened: _FileState | None = None
        self._sidecars = self._sidecar_states()  # an immutable open sees any change of them
        self._lock = threading.Lock()

    def connect(self, uri: str, timeout: float) -> sqlite3.Connection:
        """A connection on the file the path names now, which must be the file first opened."""
        for _attempt in range(_CONNECT_ATTEMPTS):
            before = _FileState.of(self.path)
            connection = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=timeout)
            after = _FileState.of(self.path)
            # SQLite opened the file between the two looks: if both saw the same file, that
            # is the file this connection reads (a rebuild can rename a new one in at any time).
            if before is not None and after is not None and _same_file(before, after):
                break
            connection.close()
        else:
            raise DatabaseChangedError(self._replaced())
        with self._lock:
            if self.opened is None:
                self.opened = after
        problem = self.problem()
        if problem is not None:
            connection.close()
            raise DatabaseChangedError(problem)
        return connection

    def problem(self) -> str | None:
        """None while the path still names the file as opened; else what happened, in words."""
        now = _FileState.of(self.path)
        if now is None:
            return _("{label}: the file was moved or deleted while open").format(label=self.label)
        if self.opened is None:
            return None  # nothing read yet
        if not _same_file(now, self.opened):
            return self._replaced()
        if self.immutable and (now != self.opened or self._being_written()):
            return _(
                "{label}: another program is changing the file; open it again to see "
                "its new contents"
            ).format(label=self.label)
        return None

    def changed_in_place(self) -> str | None:
        """For an immutable open: whether the very file being read (not a new one renamed
        over it, which leaves it whole) is being written, which SQLite would not notice."""
        now = _FileState.of(self.path)
        if not self.immutable or now is None or self.opened is None:
            return None
        if _same_file(now, self.opened) and (now != self.opened or self._being_written()):
            return _(
                "{label}: another program changed the file while it was being read; try again"
            ).format(label=self.label)
        return None

    def _replaced(self) -> str:
        return _(
            "{label}: the file was replaced by another one while open (rebuilt or "
            "copied over?); open it again to see the new one"
        ).format(label=self.label)

    def _being_written(self) -> bool:
        return self._sidecar_states() != self._sidecars

    def _sidecar_states(self) -> tuple[_FileState | None, ...]:
        return tuple(_FileState.of(_beside(self.path, end)) for end in ("-wal", "-journal"))


def _same_file(one: _FileState, other: _FileState) -> bool:
    return (one.device, one.inode) == (other.device, other.inode)


def _beside(path: Path, ending: str) -> Path:
    return path.with_name(path.name + ending)


def _in_wal_mode(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            header = handle.read(_HEADER_SIZE)
    except OSError:
        return False  # the open that follows reports it
    return len(header) == _HEADER_SIZE and _WAL_VERSION in (header[18], header[19])


# -- one snapshot per command -----------------------------------------------------------------


def snapshot_engine(engine: Engine) -> Engine:
    """An engine answering every query from one connection of ``engine``, held in one read
    transaction: all that a command asks (counts, rows, actors, each export format) comes
    from one state of the file, even while another program rebuilds or writes it.

    The connection is taken at the first query. The snapshot owns ``engine``: disposing the
    snapshot disposes it. Meant for a command that ends soon: on a rollback-journal file, the
    held read lock makes writers of that file wait until then. The window keeps its pooled
    engine, and :class:`_Watch` tells it when the file is no longer the one it opened.
    """

    def pin() -> _PinnedConnection:
        lent = engine.raw_connection()
        connection = lent.driver_connection
        assert isinstance(connection, sqlite3.Connection)
        try:
            connection.execute("BEGIN")
            # SQLite starts the read transaction (takes the snapshot) at the first read.
            connection.execute("SELECT count(*) FROM sqlite_master").fetchall()
        except BaseException:
            lent.invalidate()
            raise
        return _PinnedConnection(connection, lent, engine, lent.info.get(_WATCH))

    snapshot = create_engine(
        "sqlite://",
        creator=pin,
        poolclass=StaticPool,
        pool_reset_on_return=None,  # a reset would end the snapshot's transaction
    )
    return snapshot


class _PinnedConnection:
    """A driver connection whose transaction outlives every use of it.

    SQLAlchemy ends each ``with engine.connect()`` block with a rollback (nothing is written:
    the connection is query-only); here that would end the snapshot, so commit and rollback
    do nothing until the snapshot itself is closed.
    """

    def __init__(
        self, connection: sqlite3.Connection, lent, owner: Engine, watch: _Watch | None
    ) -> None:
        self._connection = connection
        self._lent = lent
        self._owner = owner
        self._watch = watch

    def __getattr__(self, name: str):
        return getattr(self._connection, name)

    def cursor(self, *args, **kwargs) -> sqlite3.Cursor:
        # An immutable open takes no lock, so its snapshot holds only while nobody writes.
        problem = self._watch.changed_in_place() if self._watch is not None else None
        if problem is not None:
            raise DatabaseChangedError(problem)
        return self._connection.cursor(*args, **kwargs)

    def commit(self) -> None:
        pass

    def rollback(self) -> None:
        pass

    def close(self) -> None:
        if self._lent is None:
            return
        lent, self._lent = self._lent, None
        try:
            self._connection.rollback()  # end the snapshot
        finally:
            lent.close()  # back to the engine it came from, which goes with the snapshot
            self._owner.dispose()
