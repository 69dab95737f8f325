"""A timeline file opened for editing: commands validated, written in one transaction each,
recorded in the file's history, with every precomputed structure kept exact.

Reading stays with :class:`~desktopapp.db.repository.EventRepository` (``store.repository``);
its caches are dropped after each change, and after another process's (see
:meth:`TimelineStore.external_change`). Viewing a file that is not being edited still goes
through the read-only engine (db/engine.py).

Durability: the file is in WAL mode with ``synchronous = FULL``, so an edit confirmed to the
person survives a crash or a power cut. A refused command writes nothing: the file stays the
same byte for byte.

A timeline on a PostgreSQL server (``postgresql://user@host/dbname``) is edited the same way,
through the same commands; the server's transactions give the durability, and writers take
turns on the timeline's lock (see db/dialect/postgresql.py).
"""

from __future__ import annotations

import contextlib
import getpass
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar, cast
from urllib.parse import quote as url_quote

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.pool import QueuePool, StaticPool

from desktopapp import __version__
from desktopapp.db import edits
from desktopapp.db.commands import AddEvent, Change, Command, CommandError, HistoryEntry
from desktopapp.db.dialect import create_schema, dialect_for
from desktopapp.db.dialect.sqlite import editing_pragmas, viewing_pragmas
from desktopapp.db.engine import check_schema, open_database, server_engine
from desktopapp.db.errors import DatabaseError, describe_error
from desktopapp.db.history import read_history
from desktopapp.db.listening import ChangeListener
from desktopapp.db.locations import Location, is_server_location, parse_location
from desktopapp.db.repository import EventRepository
from desktopapp.db.sample import is_bundled_sample
from desktopapp.db.schema import APPLICATION_ID, SCHEMA_VERSION
from desktopapp.db.versions import current_version
from desktopapp.domain.l10n import _, ngettext, number
from desktopapp.domain.taxonomy import STANDARD_TYPES
from desktopapp.safe_files import FileProblem, replacing, writable_target

BUSY_TIMEOUT_MS = 10_000  # a second writer waits this long for the first one's edit


T = TypeVar("T")


def default_author() -> str:
    """The OS user's name, for the history when no name is set in the preferences."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


class TimelineStore:
    """One timeline open for editing: a file, or a database on a PostgreSQL server."""

    def __init__(self, path: Path | None, author: str, *, server: Location | None = None) -> None:
        self.path = path  # the file (None on a server)
        self.server = server  # the server's timeline (None for a file)
        self._listeners: list[ChangeListener] = []  # closed with the store
        self.author = author or default_author()
        if server is None:
            assert path is not None
            self.label = str(path)
            self._writer = _writer_engine(path)
            self._wal = _in_wal_mode(self._writer)
            reader = _reader_engine(path)
        else:
            self.label = server.label  # the URL, its password masked
            # Autocommit: the store says BEGIN / COMMIT itself, as on a file.
            self._writer = server_engine(server, read_only=False).execution_options(
                isolation_level="AUTOCOMMIT"
            )
            self._wal = True  # a server has no journal mode to switch
            reader = server_engine(server, read_only=True)
        self._dialect = dialect_for(self._writer)
        # The writer is one connection: an import written on a worker thread holds it for
        # its whole transaction, and nothing else may use it meanwhile (closing a borrowed
        # handle would roll that transaction back).
        self._writing = threading.Lock()
        self.repository = EventRepository(reader)
        self._data_version = self._read_data_version()

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def create(cls, path: Path | str, *, title: str, author: str) -> TimelineStore:
        """A new, empty timeline file with the standard taxonomy; refused if ``path`` exists.
        A server's URL (``postgresql://…``) names an empty database to make the timeline in."""
        if is_server_location(path):
            return cls._create_on_server(parse_location(path), title, author)
        path = Path(path).expanduser()
        if path.exists() or path.is_symlink():
            raise DatabaseError(
                _("{path}: already exists; choose a new file name").format(path=path)
            )
        if not path.parent.is_dir():
            raise DatabaseError(_("{path}: no such folder").format(path=path.parent))
        title = title.strip() or path.stem
        try:
            target = writable_target(path)
            with replacing(target) as temporary:
                _write_empty_timeline(temporary, title, author or default_author())
        except FileProblem as error:
            raise DatabaseError(str(error)) from error
        except (OSError, SQLAlchemyError, sqlite3.Error) as error:
            raise DatabaseError(
                _("{path}: could not be created ({reason})").format(
                    path=path, reason=describe_error(error)
                )
            ) from None
        return cls(target, author)

    @classmethod
    def open(cls, location: str | Path, *, author: str) -> TimelineStore:
        """Open an existing timeline file for editing, or DatabaseError (one line) why not:
        not a timeline, the bundled sample (edit a copy), a read-only file or folder."""
        where = parse_location(location)
        if where.sqlite_path is None:
            return cls._open_on_server(where, author)
        path = where.sqlite_path
        open_database(path).dispose()  # every check viewing makes: a timeline, our schema
        if is_bundled_sample(path):
            raise DatabaseError(
                _(
                    "{path}: the bundled sample is read-only (it is rebuilt when the app is "
                    "updated); save a copy of it and edit the copy"
                ).format(path=path)
            )
        folder = path.resolve().parent
        # Marked read-only (no write bit: honoured even by root, who may write anything).
        if not os.access(path, os.W_OK) or not path.stat().st_mode & 0o222:
            raise DatabaseError(
                _("{path}: the file is read-only; it can be viewed, not edited").format(path=path)
            )
        if not os.access(folder, os.W_OK):
            raise DatabaseError(
                _(
                    "{path}: its folder is read-only (editing needs to write beside the file); "
                    "copy it to a writable folder to edit it"
                ).format(path=path)
            )
        try:
            return cls(path.resolve(), author)
        except (SQLAlchemyError, sqlite3.Error) as error:
            raise DatabaseError(
                _("{path}: cannot be opened for editing: {reason}").format(
                    path=path, reason=describe_error(error)
                )
            ) from None

    @classmethod
    def _open_on_server(cls, where: Location, author: str) -> TimelineStore:
        viewing = server_engine(where, read_only=True)
        try:
            check_schema(viewing, where.label)  # every check viewing makes
            with viewing.connect() as connection:
                allowed = dialect_for(connection).may_edit(connection)
        except SQLAlchemyError as error:
            raise where.fail(
                _("cannot be read: {reason}").format(reason=describe_error(error))
            ) from None
        finally:
            viewing.dispose()
        if not allowed:
            raise where.fail(
                _(
                    "this server user may view the timeline but not edit it (ask its owner for "
                    "the editor role)"
                )
            )
        try:
            return cls(None, author, server=where)
        except SQLAlchemyError as error:
            raise where.fail(
                _("cannot be opened for editing: {reason}").format(reason=describe_error(error))
            ) from None

    @classmethod
    def _create_on_server(cls, where: Location, title: str, author: str) -> TimelineStore:
        """The schema, the standard taxonomy and the meta facts, in one transaction, in a
        database that holds no table yet (anything else is refused, untouched)."""
        engine = server_engine(where, read_only=False)
        try:
            with engine.begin() as connection:
                kinds = dialect_for(connection).table_kinds(connection)
                if kinds:
                    raise where.fail(
                        ngettext(
                            "the database is not empty ({n} table, {example}); a new timeline "
                            "needs an empty database",
                            "the database is not empty ({n} tables, e.g. {example}); a new "
                            "timeline needs an empty database",
                            len(kinds),
                        ).format(n=number(len(kinds)), example=repr(sorted(kinds)[0]))
                    )
                create_schema(connection)
                _write_first_rows(connection, title.strip() or "Timeline", author)
        except SQLAlchemyError as error:
            raise where.fail(
                _("could not be created ({reason})").format(reason=describe_error(error))
            ) from None
        finally:
            engine.dispose()
        return cls(None, author, server=where)

    def close(self) -> None:
        for listener in self._listeners:
            listener.close()
        self._listeners.clear()
        # Readers first: the last connection to close folds the -wal back into the file.
        self.repository.engine.dispose()
        self._writer.dispose()

    def __enter__(self) -> TimelineStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- editing ---------------------------------------------------------------------------

    def execute(self, command: Command, *, note: str = "", recorded_as: str = "") -> Change:
        """Validate, write in one transaction with its history, then drop the read caches.
        The history names the change by ``recorded_as`` when given (an undo or a redo says
        which action it reverses or does again), else by the command's own text.

        Raises CommandError (one line) for a command that cannot be done, with the file
        unchanged; DatabaseError when the file itself fails (busy, full disk, damaged)."""
        if len(note) > edits.MAX_NOTE:
            raise _note_too_long()
        self.repository.changing()  # what is read from now on is not kept (see _kept)
        try:
            change, work = self._execute(command, note, recorded_as)
        except (CommandError, DatabaseError):
            self.repository.settled()
            raise
        except (SQLAlchemyError, sqlite3.Error) as error:
            self.repository.invalidate()  # whatever was half-read, read it again
            raise DatabaseError(
                _("{label}: the change was not saved: {reason}").format(
                    label=self.label, reason=describe_error(error)
                )
            ) from None
        if work.events_only:
            self.repository.events_changed(work.day_moves, work.touched_spans, work.event_moves)
        else:
            self.repository.invalidate()
        return change

    def execute_all(
        self,
        commands: Sequence[Command],
        *,
        note: str = "",
        recorded_as: str = "",
        progress: Callable[[int], None] | None = None,
    ) -> list[Change]:
        """Several commands as one transaction (an import): all are saved, or, if any is
        refused or the file fails, none, with the file unchanged. Each is recorded in the
        history as its own change (named ``recorded_as`` when given: the undoing of an
        import); the read caches are dropped once at the end.

        ``progress`` is told how many commands are done after each batch, inside the
        transaction: whatever it raises (a person's Cancel) rolls all of them back and
        goes on to the caller, the file unchanged."""
        if len(note) > edits.MAX_NOTE:
            raise _note_too_long()
        self.repository.changing()  # what is read meanwhile (another thread) is not kept
        try:
            changes = self._execute_all(list(commands), note, recorded_as, progress)
        except (SQLAlchemyError, sqlite3.Error) as error:
            self.repository.invalidate()
            raise DatabaseError(
                _("{label}: nothing was saved: {reason}").format(
                    label=self.label, reason=describe_error(error)
                )
            ) from None
        except BaseException:  # refused, the file failed, or progress stopped it
            self.repository.settled()
            raise
        self.repository.invalidate()
        return changes

    def _execute_all(
        self,
        commands: list[Command],
        note: str,
        recorded_as: str,
        progress: Callable[[int], None] | None,
    ) -> list[Change]:
        def run_all(connection: Connection) -> list[Change]:
            spans: edits.SpanMoves = {}
            changes: list[Change] = []
            for batch in edits.batches(commands):
                work = edits.Edit(
                    connection, author=self.author, wal_ready=self._wal, deferred_spans=spans
                )
                number = len(changes) + 1
                if len(batch) > 1 or isinstance(batch[0], AddEvent):
                    events = cast(Sequence[AddEvent], batch)
                    changes.extend(
                        work.add_events(
                            events, first_number=number, recorded_as=recorded_as, note=note
                        )
                    )
                else:
                    try:
                        change = work.run(batch[0])
                    except CommandError as error:
                        raise edits.numbered(number, error) from None
                    work.record(recorded_as or change.text, note)
                    changes.append(change)
                if progress is not None:
                    progress(len(changes))
            edits.Edit(connection, author=self.author, wal_ready=True).flush_spans(spans)
            return changes

        return self._in_write_transaction(run_all)

    def _execute(self, command: Command, note: str, recorded_as: str) -> tuple[Change, edits.Edit]:
        def run(connection: Connection) -> tuple[Change, edits.Edit]:
            work = edits.Edit(connection, author=self.author, wal_ready=self._wal)
            change = work.run(command)
            work.record(recorded_as or change.text, note)
            return change, work

        return self._in_write_transaction(run)

    def _in_write_transaction(self, body: Callable[[Connection], T]) -> T:
        """``body`` in one write transaction; run again once the file is in WAL mode if its
        first write found it was not (validated work is simply redone)."""
        while True:
            try:
                with self._transaction() as connection:
                    return body(connection)
            except edits.NeedsWal:
                self._enter_wal()

    def _enter_wal(self) -> None:
        # Validated, and about to write its first change: a file built for viewing becomes a
        # document being edited (WAL cannot be entered inside a transaction).
        with self._writing, self._writer.connect() as connection:
            connection.exec_driver_sql("PRAGMA journal_mode = WAL")
        self._wal = True

    @contextmanager
    def _transaction(self) -> Iterator[Connection]:
        with self._writing, self._writer.connect() as connection:
            try:
                self._dialect.begin_write(connection, BUSY_TIMEOUT_MS)
            except DBAPIError as error:
                with contextlib.suppress(DBAPIError):
                    connection.exec_driver_sql("ROLLBACK")
                reason = describe_error(error)
                if not any(sign in reason.lower() for sign in ("busy", "locked", "lock timeout")):
                    raise DatabaseError(
                        _("{label}: nothing was saved: {reason}").format(
                            label=self.label, reason=reason
                        )
                    ) from None
                raise DatabaseError(
                    _(
                        "{label}: the timeline is busy (another program is editing it); "
                        "try again ({reason})"
                    ).format(label=self.label, reason=reason)
                ) from None
            try:
                before = self._dialect.change_counter(connection)
                yield connection
                # Read under the write lock, so that it counts our change and no other: a
                # change another writer commits right after ours is still noticed.
                version = self._dialect.change_counter(connection)
                self._dialect.announce_change(connection, before, version)  # sent at COMMIT
            except BaseException:
                # The engine may have rolled back already (SQLite does on a full disk): the
                # error to report is the one that stopped the change, not "no transaction".
                with contextlib.suppress(DBAPIError):
                    connection.exec_driver_sql("ROLLBACK")
                raise
            connection.exec_driver_sql("COMMIT")
            self._data_version = version

    def version(self, key: str) -> int:
        """The version of an event or source as stored now (db/versions.py): an edit
        command based on it is refused if another change of it comes first."""
        with self.repository.engine.connect() as connection:
            return current_version(connection, key)

    def history(self, event_key: str | None = None) -> list[HistoryEntry]:
        """What was changed, oldest first: of one event (or source, actor), or of everything."""
        return read_history(self.repository.engine, event_key)

    def source_dependents(self, source_key: str) -> tuple[list[str], list[str]]:
        """(keys of events quoting the source, keys of events whose date it cites): what a
        person must be told before the source can go (DeleteSource refuses while any)."""
        with self.repository.engine.connect() as connection:
            quoting = connection.execute(
                text(
                    "SELECT DISTINCT e.key FROM quotes q JOIN events e ON e.id = q.event_id "
                    "JOIN sources s ON s.id = q.source_id WHERE s.key = :key ORDER BY e.key"
                ),
                {"key": source_key},
            ).scalars()
            citing = connection.execute(
                text(
                    "SELECT e.key FROM events e JOIN sources s ON s.id = e.citation_source_id "
                    "WHERE s.key = :key ORDER BY e.key"
                ),
                {"key": source_key},
            ).scalars()
            return list(quoting), list(citing)

    def external_change(self) -> bool:
        """True (once) if another connection or process has written the file since we last
        looked; the read caches are then dropped, so the next answers are the new state.
        False while this store is writing on another thread (an import): asked again later."""
        if not self._writing.acquire(blocking=False):
            return False
        try:
            version = self._read_data_version()
        finally:
            self._writing.release()
        if version == self._data_version:
            return False
        self._data_version = version
        self.repository.invalidate()
        return True

    def listen(self, on_change: Callable[[str], None]) -> ChangeListener | None:
        """On a server: a listener calling ``on_change`` (on its own thread) whenever another
        window or program commits a change, so that :meth:`external_change` can be asked at
        once rather than at the next poll. None for a file (its poll is all there is)."""
        if self.server is None:
            return None
        listener = ChangeListener(server_engine(self.server, read_only=True), on_change)
        self._listeners.append(listener)
        return listener

    def _read_data_version(self) -> int:
        # On the writer's own connection: its own commits do not move it, others' do.
        with self._writer.connect() as connection:
            return self._dialect.change_counter(connection)


def _note_too_long() -> CommandError:
    return CommandError(
        _("the note is too long (at most {limit} characters)").format(limit=number(edits.MAX_NOTE))
    )


def copy_timeline(source: str | Path, target: Path) -> Path:
    """A consistent copy of a timeline file through SQLite's backup API, even while it is
    open or being edited (File › Save a Copy As…, or an editable copy of the bundled sample).
    Written beside ``target`` and renamed over it, all or nothing; returns the target."""
    where = parse_location(source)
    if where.sqlite_path is None:
        raise DatabaseError(
            _("{label}: only timeline files can be copied").format(label=where.label)
        )
    open_database(where.sqlite_path).dispose()  # a timeline of our schema
    origin = where.sqlite_path.resolve()
    try:
        resolved = writable_target(Path(target))
        if resolved.exists() and resolved.resolve() == origin:
            raise DatabaseError(
                _("{path}: is the file being copied; choose another name").format(path=target)
            )
        with replacing(resolved) as temporary:
            reader = sqlite3.connect(_uri(origin, "ro"), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
            writer = sqlite3.connect(temporary)
            try:
                reader.backup(writer)
                writer.execute("PRAGMA journal_mode = WAL").fetchall()
            finally:
                writer.close()
                reader.close()
    except FileProblem as error:
        raise DatabaseError(str(error)) from error
    except (OSError, sqlite3.Error) as error:
        raise DatabaseError(
            _("{path}: the copy could not be written ({reason})").format(
                path=target, reason=describe_error(error)
            )
        ) from None
    return resolved


# -- engines --------------------------------------------------------------------------------


def _uri(path: Path, mode: str) -> str:
    return f"file:{url_quote(str(path))}?mode={mode}"


def _writer_engine(path: Path) -> Engine:
    """One connection that writes (SQLite allows one writer at a time anyway), in autocommit
    mode so that the store says BEGIN IMMEDIATE / COMMIT itself."""

    def connect() -> sqlite3.Connection:
        connection = sqlite3.connect(
            _uri(path, "rw"),
            uri=True,
            timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,
            check_same_thread=False,
        )
        for pragma in editing_pragmas(BUSY_TIMEOUT_MS):
            if "journal_mode" not in pragma:  # entered at the first write (see execute)
                connection.execute(pragma)
        return connection

    return create_engine("sqlite://", creator=connect, poolclass=StaticPool)


def _reader_engine(path: Path) -> Engine:
    """Pooled read connections for the repository (the window's workers read in threads)."""

    def connect() -> sqlite3.Connection:
        connection = sqlite3.connect(
            _uri(path, "rw"), uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
        )
        connection.execute("PRAGMA query_only = 1")
        for pragma in viewing_pragmas():
            connection.execute(pragma)
        return connection

    return create_engine("sqlite://", creator=connect, poolclass=QueuePool)


def _in_wal_mode(engine: Engine) -> bool:
    with engine.connect() as connection:
        mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar_one()
    return str(mode).lower() == "wal"


def _write_empty_timeline(path: Path, title: str, author: str) -> None:
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        dbapi_connection.execute("PRAGMA synchronous = FULL")

    try:
        with engine.begin() as connection:
            create_schema(connection)
            _write_first_rows(connection, title, author)
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA journal_mode = WAL")
    finally:
        engine.dispose()


def _write_first_rows(connection: Connection, title: str, author: str) -> None:
    """The standard taxonomy and the facts about a new timeline (ours, which schema, by whom)."""
    connection.execute(
        text("INSERT INTO event_types (slug, label) VALUES (:slug, :label)"),
        [{"slug": slug, "label": label} for slug, label in STANDARD_TYPES],
    )
    meta = {
        "application": APPLICATION_ID,
        "schema_version": str(SCHEMA_VERSION),
        "app_version": __version__,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "created_by": author,
        "title": title,
    }
    connection.execute(
        text("INSERT INTO meta (key, value) VALUES (:key, :value)"),
        [{"key": k, "value": v} for k, v in meta.items()],
    )
