"""File › Open Server Timeline…: a real PostgreSQL server that asks for passwords, a real
keyring backend kept in memory, and the dialog driven from the keyboard (Tab through the
fields, type, Enter). The password must end up in the keyring alone: in no setting, no log
record, no window title, no history row and no recent-files entry."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import PasswordDeleteError
from psycopg import sql
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QWidget

from desktopapp.db.commands import AddActor
from desktopapp.db.copying import copy_timeline_rows
from desktopapp.ui.main_window import MainWindow
from desktopapp.ui.server_dialog import (
    KEYRING_SERVICE,
    PasswordStore,
    ServerAddress,
    ServerDialog,
    open_server_timeline,
)
from desktopapp.ui.settings import Settings
from tests.dialog_helpers import focused, show, tab_to
from tests.pg_server import PostgresServer

pytestmark = pytest.mark.postgres

EDITOR, VIEWER, TLS_ONLY = "desk_editor", "desk_viewer", "desk_tls_only"
PASSWORD = "s3cret p@ss/w:rd"  # a space, an @, a slash, a colon: quoted, never pasted


class MemoryKeyring(KeyringBackend):
    """A real keyring backend that keeps its passwords in this process."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.passwords.pop((service, username), None) is None:
            raise PasswordDeleteError("not stored")


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture(scope="session")
def password_server(pg_server: PostgresServer) -> PostgresServer:
    """The session's server, asking these roles for a password over TCP (everyone else is
    trusted as before), and refusing the TLS-only role any connection without TLS."""
    hba = pg_server.folder / "data" / "pg_hba.conf"
    rules = (
        f"hostnossl all {TLS_ONLY} 127.0.0.1/32 reject\n"
        f"host all {EDITOR} 127.0.0.1/32 scram-sha-256\n"
        f"host all {VIEWER} 127.0.0.1/32 scram-sha-256\n"
    )
    text = hba.read_text()
    if rules not in text:
        hba.write_text(rules + text)  # the first matching line wins
    with pg_server.connect() as connection:
        connection.execute("SELECT pg_reload_conf()")
        for role in (EDITOR, VIEWER, TLS_ONLY):
            connection.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role)))
            connection.execute(
                sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
                    sql.Identifier(role), sql.Literal(PASSWORD)
                )
            )
    return pg_server


@pytest.fixture
def team_database(password_server: PostgresServer, pg_url: str, article_db: Path) -> str:
    """The article's timeline on the server; the editor may write it, the viewer read it."""
    copy_timeline_rows(str(article_db), pg_url)
    name = pg_url.rsplit("/", 1)[-1]
    with password_server.connect(name) as connection:
        for statement in (
            "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {editor}",
            "GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {editor}",
            "GRANT SELECT ON ALL TABLES IN SCHEMA public TO {viewer}",
        ):
            connection.execute(
                sql.SQL(statement).format(
                    editor=sql.Identifier(EDITOR), viewer=sql.Identifier(VIEWER)
                )
            )
    return name


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def settings(settings_file: Path) -> Settings:
    return Settings(QSettings(str(settings_file), QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot, repository, settings: Settings) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    window = MainWindow(repository, settings)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=5000)
    yield window
    window.stop_queries()
    store = window.document.store
    if store is not None:
        store.close()


def _dialog(
    window: MainWindow, settings: Settings, address: ServerAddress | None = None
) -> ServerDialog:
    return ServerDialog(
        lambda location: open_server_timeline(window, settings, location),
        PasswordStore(),
        address,
        window,
    )


def _type_into(qtbot, widget: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Tab to a field, select what it holds and type over it, as a person does."""
    tab_to(qtbot, widget)
    qtbot.keyClick(focused(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(focused(), text)


def _fill_in(qtbot, dialog: ServerDialog, port: int, database: str, user: str) -> None:  # type: ignore[no-untyped-def]
    _type_into(qtbot, dialog.host, "127.0.0.1")
    _type_into(qtbot, dialog.port, str(port))
    _type_into(qtbot, dialog.database, database)
    _type_into(qtbot, dialog.user, user)


def test_tab_type_enter_opens_the_team_timeline_for_editing_and_keeps_the_password_secret(
    qtbot,  # type: ignore[no-untyped-def]
    window: MainWindow,
    settings: Settings,
    password_server: PostgresServer,
    team_database: str,
    memory_keyring: MemoryKeyring,
    settings_file: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    for name in ("", "psycopg", "sqlalchemy"):  # every logger, the driver's at its most
        caplog.set_level(logging.DEBUG, logger=name)  # talkative (it sets WARNING itself)
    dialog = show(qtbot, _dialog(window, settings))
    assert focused() is dialog.host
    _fill_in(qtbot, dialog, password_server.port, team_database, EDITOR)
    _type_into(qtbot, dialog.password, PASSWORD)
    tab_to(qtbot, dialog.remember)
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert dialog.remember.isChecked()
    tab_to(qtbot, dialog.password)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)

    assert dialog.problem.text() == ""
    assert dialog.result() == QDialog.DialogCode.Accepted
    document = window.document
    assert document.store is not None  # the editor may write: opened for editing
    assert document.repository.count() > 5
    document.execute(AddActor("A newsroom desk", "company"))
    assert memory_keyring.passwords == {
        (KEYRING_SERVICE, f"{EDITOR}@127.0.0.1:{password_server.port}/{team_database}"): PASSWORD
    }
    settings.sync()
    saved = settings_file.read_text(encoding="utf-8")
    recent = settings.recent_files()
    assert recent[0] == f"postgresql://{EDITOR}@127.0.0.1:{password_server.port}/{team_database}"
    history = [repr(entry) for entry in document.store.history()]
    assert history
    shown = [window.windowTitle(), window.statusBar().currentMessage(), *history]
    logged = [record.getMessage() for record in caplog.records] + [caplog.text]
    for place in (saved, *recent, *shown, *logged):
        for form in (PASSWORD, "s3cret", "p%40ss"):
            assert form not in place
    assert caplog.records, "nothing was logged: the log check would prove nothing"


def test_a_wrong_password_is_one_line_in_the_dialog_which_keeps_what_was_typed(
    qtbot,  # type: ignore[no-untyped-def]
    window: MainWindow,
    settings: Settings,
    password_server: PostgresServer,
    team_database: str,
    memory_keyring: MemoryKeyring,
) -> None:
    before = window.document.repository
    dialog = show(qtbot, _dialog(window, settings))
    _fill_in(qtbot, dialog, password_server.port, team_database, EDITOR)
    _type_into(qtbot, dialog.password, "not the password")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)

    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.problem.isVisible()
    assert dialog.problem.text() == f"Wrong password for {EDITOR}, or no such user."
    assert "not the password" not in dialog.problem.text()
    assert dialog.database.text() == team_database and dialog.user.text() == EDITOR
    assert dialog.password.text() == "not the password"
    assert focused() is dialog.password  # where the person fixes it
    assert window.document.repository is before  # the open timeline stays
    assert memory_keyring.passwords == {}


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ("database", "There is no database no_such_db on this server."),
        ("user", "There is no user nobody_here on this server."),
        ("port", "No server answers at 127.0.0.1, port 1: is it running?"),
        ("tls", "The server requires TLS: choose sslmode require (or verify-full)."),
        ("sslmode", "The server offers no TLS: choose sslmode prefer or disable."),
    ],
)
def test_each_connection_failure_says_what_to_change(
    qtbot,  # type: ignore[no-untyped-def]
    window: MainWindow,
    settings: Settings,
    password_server: PostgresServer,
    team_database: str,
    memory_keyring: MemoryKeyring,
    change: str,
    expected: str,
) -> None:
    port, database, user = password_server.port, team_database, EDITOR
    if change == "database":
        database = "no_such_db"
    elif change == "user":
        user = "nobody_here"  # trusted over TCP: the server says who is missing
    elif change == "port":
        port = 1
    elif change == "tls":
        user = TLS_ONLY
    dialog = show(qtbot, _dialog(window, settings))
    _fill_in(qtbot, dialog, port, database, user)
    _type_into(qtbot, dialog.password, PASSWORD)
    if change == "tls":
        dialog.sslmode.setCurrentText("disable")
    if change == "sslmode":
        tab_to(qtbot, dialog.sslmode)
        qtbot.keyClick(focused(), Qt.Key.Key_Down)  # prefer -> require
        assert dialog.sslmode.currentText() == "require"
    qtbot.keyClick(focused(), Qt.Key.Key_Return)

    assert dialog.isVisible()
    assert dialog.problem.text() == expected
    assert PASSWORD not in dialog.problem.text()


def test_without_a_keyring_the_dialog_says_so_and_still_connects(
    qtbot,  # type: ignore[no-untyped-def]
    window: MainWindow,
    settings: Settings,
    password_server: PostgresServer,
    team_database: str,
    no_keyring: None,
    settings_file: Path,
) -> None:
    dialog = show(qtbot, _dialog(window, settings))
    assert dialog.keyring_note.isVisible() and "No system keyring" in dialog.keyring_note.text()
    assert not dialog.remember.isEnabled()
    _fill_in(qtbot, dialog, password_server.port, team_database, VIEWER)
    _type_into(qtbot, dialog.password, PASSWORD)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=10_000)
    assert window.document.read_only  # the viewer may only read: viewed, not edited
    assert "for viewing" in window.statusBar().currentMessage()
    settings.sync()
    assert PASSWORD not in settings_file.read_text(encoding="utf-8")


def test_reopening_a_recent_server_asks_the_keyring_first(
    qtbot,  # type: ignore[no-untyped-def]
    window: MainWindow,
    settings: Settings,
    password_server: PostgresServer,
    team_database: str,
    memory_keyring: MemoryKeyring,
) -> None:
    address = ServerAddress("127.0.0.1", password_server.port, team_database, EDITOR)
    memory_keyring.set_password(KEYRING_SERVICE, address.keyring_name, PASSWORD)
    assert window.open_database(address.url())  # what Open Recent holds: no password
    assert window.document.store is not None
    assert settings.recent_files()[0] == address.url()


def test_reopening_uses_libpq_pgpassword_when_the_keyring_has_none(
    qtbot,  # type: ignore[no-untyped-def]
    window: MainWindow,
    settings: Settings,
    password_server: PostgresServer,
    team_database: str,
    no_keyring: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    address = ServerAddress("127.0.0.1", password_server.port, team_database, VIEWER)
    assert window.open_database(address.url())
    assert window.document.read_only and window.document.repository.count() > 5


def test_reopening_asks_the_person_last_and_says_why(
    qtbot,  # type: ignore[no-untyped-def]
    window: MainWindow,
    settings: Settings,
    password_server: PostgresServer,
    team_database: str,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", "/nonexistent")
    address = ServerAddress("127.0.0.1", password_server.port, team_database, EDITOR)
    seen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ServerDialog)
        seen.append(dialog.problem.text())
        assert dialog.database.text() == team_database and dialog.user.text() == EDITOR
        assert focused() is dialog.password
        qtbot.keyClicks(focused(), PASSWORD)
        qtbot.keyClick(focused(), Qt.Key.Key_Return)

    QTimer.singleShot(0, lambda: qtbot.waitUntil(_modal_shown) or answer())
    assert window.open_database(address.url())
    assert seen == ["The server asks for a password; type it above."]
    assert window.document.store is not None


def _modal_shown() -> bool:
    dialog = QApplication.activeModalWidget()
    return isinstance(dialog, ServerDialog) and isinstance(QApplication.focusWidget(), QLineEdit)


def test_an_address_becomes_a_url_with_every_part_quoted() -> None:
    address = ServerAddress("db.example", 5433, "news desk", "ada", "verify-full", "/r/ca.pem")
    url = address.url("p@ss/w:rd")  # (QTest types ASCII only: the dialog tests cannot)
    assert url.startswith("postgresql://ada:p%40ss%2Fw%3Ard@db.example:5433/news desk?")
    assert "sslmode=verify-full" in url and "sslrootcert=%2Fr%2Fca.pem" in url
    assert ServerAddress.from_url(url) == address
    assert "p%40ss" not in address.url()


def test_launching_with_a_server_url_takes_its_password_from_the_keyring(
    password_server: PostgresServer, team_database: str, memory_keyring: MemoryKeyring
) -> None:
    from desktopapp.app import _with_remembered_password
    from desktopapp.db.engine import open_database
    from desktopapp.db.errors import DatabaseError
    from desktopapp.domain.filter import EventFilter
    from desktopapp.launch import LaunchOptions

    address = ServerAddress("127.0.0.1", password_server.port, team_database, EDITOR)
    given = LaunchOptions(address.url(), EventFilter())  # --db postgresql://user@host:port/db
    with pytest.raises(DatabaseError, match="password"):
        open_database(_with_remembered_password(given).database or "").dispose()
    memory_keyring.set_password(KEYRING_SERVICE, address.keyring_name, PASSWORD)
    launched = _with_remembered_password(given).database
    assert launched is not None and launched != address.url()
    open_database(launched).dispose()  # the keyring's password let it in
    typed = LaunchOptions(address.url("typed-one"), EventFilter())
    assert _with_remembered_password(typed) == typed  # a password given is the one used
    file = LaunchOptions("/tmp/some.timeline", EventFilter())
    assert _with_remembered_password(file) is file
