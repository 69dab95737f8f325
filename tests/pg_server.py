"""A throwaway PostgreSQL server for the tests: ``initdb`` and ``pg_ctl`` into a temporary
folder, listening on a free port and on a unix socket inside that folder, stopped at the end.

As root (CI runs as root) the server cannot run as root, so the folder is given to the
unprivileged ``postgres`` user (made by Debian's package) and the binaries run as that user.
Missing binaries are a test failure that says what to install, never a skip: CI installs them.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import socket
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from psycopg import sql

BINARIES = (Path("/usr/lib/postgresql/15/bin"), *sorted(Path("/usr/lib/postgresql").glob("*/bin")))
SERVER_USER = "postgres"  # the unprivileged account Debian's package creates
INSTALL_HINT = (
    "the PostgreSQL server binaries (initdb, pg_ctl) are not installed; install them with "
    "'apt-get install -y postgresql postgresql-contrib' (Debian) to run the PostgreSQL tests"
)


class ServerMissing(RuntimeError):
    """No PostgreSQL binaries on this machine (the message says what to install)."""


def _binaries() -> Path:
    for folder in BINARIES:
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(found).parent
    raise ServerMissing(INSTALL_HINT)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class PostgresServer:
    """One running cluster; :meth:`new_database` gives each test an empty database."""

    folder: Path
    port: int
    user: str
    start_command: list[str] = field(default_factory=list)
    _numbers: Iterator[int] = field(default_factory=itertools.count)

    def crash_and_restart(self) -> None:
        """Stop the server the way a crash or a power cut does (no shutdown checkpoint,
        every connection cut mid-transaction), then start it again (it recovers)."""
        data = str(self.folder / "data")
        _run([self.start_command[0], "-D", data, "-m", "immediate", "-w", "stop"], "stop")
        _run(self.start_command, "pg_ctl start")

    def stop(self) -> None:
        """Stop the server at once (every connection cut), as when it goes away; start()
        brings it back."""
        data = str(self.folder / "data")
        _run([self.start_command[0], "-D", data, "-m", "immediate", "-w", "stop"], "stop")

    def start(self) -> None:
        _run(self.start_command, "pg_ctl start")

    @property
    def socket_dir(self) -> Path:
        return self.folder / "socket"

    def url(self, database: str = "postgres") -> str:
        """A URL the app reads: over TCP to this cluster, as its superuser (trust auth)."""
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{database}"

    def connect(self, database: str = "postgres") -> psycopg.Connection:
        return psycopg.connect(
            host="127.0.0.1", port=self.port, user=self.user, dbname=database, autocommit=True
        )

    def new_database(self) -> str:
        """An empty database with byte-order collation (as SQLite sorts text); its name."""
        name = f"t_{os.getpid()}_{next(self._numbers)}"
        with self.connect() as connection:
            connection.execute(
                sql.SQL(
                    "CREATE DATABASE {} TEMPLATE template0 ENCODING 'UTF8' "
                    "LC_COLLATE 'C' LC_CTYPE 'C'"
                ).format(sql.Identifier(name))
            )
        return name

    def drop_database(self, name: str) -> None:
        with self.connect() as connection:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", SERVER_USER, "--", *command]


def _run(command: list[str], what: str) -> None:
    done = subprocess.run(_as_server_user(command), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{what} failed ({done.returncode}): {done.stderr.strip()[-2000:]}")


@contextlib.contextmanager
def running_server(folder: Path) -> Iterator[PostgresServer]:
    """Start a new cluster in ``folder`` (which must be empty), stop it on leaving."""
    binaries = _binaries()
    data, sockets = folder / "data", folder / "socket"
    data.mkdir()
    sockets.mkdir()
    user = SERVER_USER if os.geteuid() == 0 else _current_user()
    if os.geteuid() == 0:
        shutil.chown(folder, SERVER_USER)
        for path in (data, sockets):
            shutil.chown(path, SERVER_USER)
    _run(
        [
            str(binaries / "initdb"),
            "-D",
            str(data),
            "-U",
            user,
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C",
            "--no-sync",
        ],
        "initdb",
    )
    port = _free_port()
    options = (
        f"-c port={port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={sockets} "
        # No flush to disk (the cluster is thrown away), but each commit's WAL is written
        # out: a crash of the server (crash_and_restart) keeps every confirmed commit.
        "-c fsync=off -c full_page_writes=off "
        "-c max_connections=200 -c shared_buffers=32MB"
    )
    log = folder / "server.log"
    start = [
        str(binaries / "pg_ctl"),
        "-D",
        str(data),
        "-l",
        str(log),
        "-o",
        options,
        "-w",
        "start",
    ]
    _run(start, "pg_ctl start")
    try:
        yield PostgresServer(folder, port, user, start)
    finally:
        _run([str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"], "stop")


def _current_user() -> str:
    import getpass

    return getpass.getuser()
