"""File › Open Server Timeline…: a team's timeline on a PostgreSQL server.

The dialog asks for the server's address (host, port, database, user), the password and the
TLS settings libpq takes (``sslmode`` and certificate files), and opens the timeline the way
``desktopapp --db postgresql://…`` does: for editing where the server lets this user write,
else for viewing. A failed connection is one line in the dialog, which stays open with what
was typed.

The password is kept in one place only: the OS keyring (the ``keyring`` library), and only
when "Remember password" is ticked. It is never written to the settings, the recent-files
list (which keeps the URL without it), a log, a window title or a message. Reopening a
recent server asks the keyring, then libpq itself (``~/.pgpass``, ``PGPASSWORD``), and only
then the person. Where no keyring backend is available (a headless session, CI), the dialog
says so and connects all the same.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from desktopapp.db.engine import open_database
from desktopapp.db.errors import QUERY_ERRORS, DatabaseError, OlderSchemaError, describe_error
from desktopapp.db.locations import is_server_location, shown_location
from desktopapp.db.repository import EventRepository
from desktopapp.db.store import TimelineStore
from desktopapp.ui.dialog_frame import frame_as_dialog

if TYPE_CHECKING:
    from desktopapp.ui.main_window import MainWindow
    from desktopapp.ui.settings import Settings

KEYRING_SERVICE = "desktopapp"  # the keyring's name for this app's passwords
DEFAULT_PORT = 5432
# libpq's modes, its default first; what each means is in the combo box's tooltip.
SSL_MODES = ("prefer", "require", "verify-ca", "verify-full", "allow", "disable")
_CERTIFICATE_OPTIONS = ("sslrootcert", "sslcert", "sslkey")
# A server that does not answer is reported after this long, not after TCP's minutes.
CONNECT_TIMEOUT_S = 10


@dataclass(frozen=True)
class ServerAddress:
    """Where a server timeline is, everything but the password."""

    host: str = "localhost"
    port: int = DEFAULT_PORT
    database: str = ""
    user: str = ""
    sslmode: str = "prefer"
    sslrootcert: str = ""
    sslcert: str = ""
    sslkey: str = ""

    def url(self, password: str | None = None) -> str:
        """The ``postgresql://`` URL; SQLAlchemy quotes every part (nothing is pasted)."""
        query = {"sslmode": self.sslmode} if self.sslmode != "prefer" else {}
        query.update(
            {name: value for name in _CERTIFICATE_OPTIONS if (value := getattr(self, name))}
        )
        return URL.create(
            "postgresql",
            username=self.user or None,
            password=password or None,
            host=self.host or None,
            port=self.port,
            database=self.database or None,
            query=query,
        ).render_as_string(hide_password=False)

    @property
    def keyring_name(self) -> str:
        """The name its password is kept under in the keyring: one per user and database."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    @classmethod
    def from_url(cls, text: str) -> ServerAddress | None:
        """The address a ``postgresql://`` URL names (its password, if any, left out)."""
        try:
            url = make_url(text)
        except (ArgumentError, ValueError):
            return None
        if not url.drivername.startswith("postgres"):
            return None
        options = {name: str(url.query.get(name, "")) for name in _CERTIFICATE_OPTIONS}
        mode = str(url.query.get("sslmode", "prefer"))
        return cls(
            host=url.host or "localhost",
            port=url.port or DEFAULT_PORT,
            database=url.database or "",
            user=url.username or "",
            sslmode=mode if mode in SSL_MODES else "prefer",
            **options,
        )


class PasswordStore:
    """The OS keyring, through the ``keyring`` library; every failure of it is "not there"
    (a locked or missing keyring must not stop anyone from connecting)."""

    def __init__(self) -> None:
        import keyring
        from keyring.backends import fail
        from keyring.errors import KeyringError

        self._keyring = keyring
        # What a backend raises when locked, refused or gone (D-Bus errors are OSErrors).
        self._failures = (KeyringError, OSError, RuntimeError)
        backend = keyring.get_keyring()
        self.available = not isinstance(backend, fail.Keyring) and backend.priority > 0

    def get(self, address: ServerAddress) -> str | None:
        if not self.available:
            return None
        try:
            return self._keyring.get_password(KEYRING_SERVICE, address.keyring_name)
        except self._failures:
            return None

    def remember(self, address: ServerAddress, password: str) -> bool:
        """Store the password; False if the keyring refused."""
        if not self.available:
            return False
        try:
            self._keyring.set_password(KEYRING_SERVICE, address.keyring_name, password)
        except self._failures:
            return False
        return True

    def forget(self, address: ServerAddress) -> None:
        if not self.available:
            return
        # Nothing stored, or a keyring that refuses: either way none is kept.
        with contextlib.suppress(*self._failures):
            self._keyring.delete_password(KEYRING_SERVICE, address.keyring_name)


# What libpq says (every clue of a line found in its message), and what the person can do
# about it. libpq's own words are kept for anything else (already one line, and scrubbed of
# any password).
_FAILURES: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        ("password authentication failed",),
        str(QT_TRANSLATE_NOOP("ServerDialog", "Wrong password for {user}, or no such user.")),
    ),
    (
        ("no password supplied",),
        str(QT_TRANSLATE_NOOP("ServerDialog", "The server asks for a password; type it above.")),
    ),
    (
        ("fe_sendauth",),
        str(QT_TRANSLATE_NOOP("ServerDialog", "The server asks for a password; type it above.")),
    ),
    (
        ('role "', "does not exist"),
        str(QT_TRANSLATE_NOOP("ServerDialog", "There is no user {user} on this server.")),
    ),
    (
        ('database "', "does not exist"),
        str(QT_TRANSLATE_NOOP("ServerDialog", "There is no database {database} on this server.")),
    ),
    (
        ("server does not support ssl",),
        str(
            QT_TRANSLATE_NOOP(
                "ServerDialog", "The server offers no TLS: choose sslmode prefer or disable."
            )
        ),
    ),
    (
        ("no encryption",),
        str(
            QT_TRANSLATE_NOOP(
                "ServerDialog", "The server requires TLS: choose sslmode require (or verify-full)."
            )
        ),
    ),
    (
        ("certificate",),
        str(
            QT_TRANSLATE_NOOP(
                "ServerDialog", "The server's TLS certificate is not trusted: {reason}"
            )
        ),
    ),
    (
        ("could not translate host name",),
        str(QT_TRANSLATE_NOOP("ServerDialog", "No server is known by the name {host}.")),
    ),
    (
        ("connection refused",),
        str(
            QT_TRANSLATE_NOOP(
                "ServerDialog", "No server answers at {host}, port {port}: is it running?"
            )
        ),
    ),
    (
        ("timeout expired",),
        str(
            QT_TRANSLATE_NOOP(
                "ServerDialog", "No server answers at {host}, port {port} (timed out)."
            )
        ),
    ),
    (
        ("no route to host",),
        str(
            QT_TRANSLATE_NOOP(
                "ServerDialog", "No server answers at {host}, port {port} (no route)."
            )
        ),
    ),
)


def explain_failure(reason: str, address: ServerAddress) -> str:
    """One line for a failed connection, saying what to change."""
    lowered = reason.lower()
    detail = reason.split(": ", 1)[-1].strip()
    for clues, words in _FAILURES:
        if all(clue in lowered for clue in clues):
            return _tr(words).format(
                user=address.user or QCoreApplication.translate("ServerDialog", "this user"),
                database=address.database or QCoreApplication.translate("ServerDialog", "(none)"),
                host=address.host,
                port=address.port,
                reason=detail,
            )
    return reason


# -- opening ------------------------------------------------------------------------------------


def open_server_timeline(window: MainWindow, settings: Settings, location: str) -> str | None:
    """Show the server timeline at ``location`` in ``window``: for editing if the server lets
    this user write, else for viewing. Returns why not (one line; "" when the person declined
    an upgrade), or None once it shows."""
    upgraded = ""
    try:
        repository = EventRepository(open_database(location))
    except OlderSchemaError as error:  # the window's own offer, as for a file
        offered = window.offer_upgrade(location, str(error))
        if offered is None:
            return ""  # declined (or said why in a box): nothing more to say
        repository, upgraded = offered
    except (DatabaseError, OSError, ValueError) as error:
        return str(error)
    try:
        # What the window reads first, read now: a failure is said here, not later.
        _ = repository.total, repository.actors, repository.event_types, repository.sources
    except QUERY_ERRORS as error:
        repository.engine.dispose()
        return f"{shown_location(location)}: {describe_error(error)}"
    store = editing_store(location, settings.author())
    window.stop_queries()  # nothing may still read the timeline being replaced
    if store is not None:
        repository.engine.dispose()
        window.document.replace_timeline(store.repository, store)
    else:
        window.document.replace_timeline(repository)
    address = ServerAddress.from_url(location)
    # Named without its password (not even masked) and without the dialog's timeout.
    shown = address.url() if address is not None else shown_location(location)
    window.editing.remember(shown)
    opened = (
        QCoreApplication.translate("ServerDialog", "Opened {location}")
        if store is not None
        else QCoreApplication.translate(
            "ServerDialog", "Opened {location} for viewing (this user may not edit it)"
        )
    )
    window.statusBar().showMessage(upgraded or opened.format(location=shown), 8000)
    return None


def editing_store(location: str, author: str) -> TimelineStore | None:
    """The timeline's store for editing, or None where the server refuses this user's writes
    (the timeline is then viewed): the same choice for ``--db`` and for the dialog."""
    try:
        return TimelineStore.open(location, author=author)
    except DatabaseError:
        return None


def password_to_find(location: str) -> bool:
    """Whether ``location`` is a server URL without a password (as Open Recent keeps it):
    one the keyring, libpq or the person must give the password of."""
    if ServerAddress.from_url(location) is None:
        return False
    return make_url(location).password is None


def with_remembered_password(location: str) -> str:
    """A server URL given without a password, with the one the keyring keeps for it (if
    any); a URL that has one, or names no server the keyring knows, as it is."""
    address = ServerAddress.from_url(location)
    if address is None or make_url(location).password is not None:
        return location
    password = PasswordStore().get(address)
    if password is None:
        return location
    return make_url(location).set(password=password).render_as_string(hide_password=False)


def ask_server_timeline(window: MainWindow, settings: Settings) -> None:
    """File › Open Server Timeline…: the dialog, filled in from the last server opened."""
    recent = [
        address
        for location in settings.recent_files()
        if is_server_location(location) and (address := ServerAddress.from_url(location))
    ]
    dialog = ServerDialog(
        lambda location: open_server_timeline(window, settings, location),
        PasswordStore(),
        recent[0] if recent else None,
        window,
    )
    dialog.exec()


def reopen_server_timeline(window: MainWindow, settings: Settings, location: str) -> bool:
    """Open Recent on a server: the password from the keyring, else whatever libpq finds
    (``~/.pgpass``, ``PGPASSWORD``); only if that fails, the dialog asks the person."""
    address = ServerAddress.from_url(location)
    if address is None:
        return False
    passwords = PasswordStore()
    reason = open_server_timeline(window, settings, address.url(passwords.get(address)))
    if reason is None or reason == "":
        return reason is None
    dialog = ServerDialog(
        lambda url: open_server_timeline(window, settings, url), passwords, address, window
    )
    dialog.show_problem(explain_failure(reason, address))
    return dialog.exec() == QDialog.DialogCode.Accepted


# -- the dialog ---------------------------------------------------------------------------------


class ServerDialog(QDialog):
    """Asks where the server timeline is and opens it through ``open_timeline`` (a URL in,
    why it failed out, or None once open); stays open, as typed, until one opens."""

    def __init__(
        self,
        open_timeline: Callable[[str], str | None],
        passwords: PasswordStore,
        address: ServerAddress | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        frame_as_dialog(self)
        self.setWindowTitle(self.tr("Open Server Timeline"))
        self._open_timeline = open_timeline
        self._passwords = passwords
        self._build_fields(address or ServerAddress())
        self._build_layout()
        self.setMinimumWidth(520)
        if address is not None and address.database:
            self.password.setFocus()
        else:
            self.host.setFocus()

    def _build_fields(self, address: ServerAddress) -> None:
        self.host = _line("host", address.host, "localhost")
        self.port = QSpinBox()
        self.port.setObjectName("port")
        self.port.setRange(1, 65535)
        self.port.setValue(address.port)
        self.database = _line("database", address.database, self.tr("the timeline's database"))
        self.user = _line("user", address.user, self.tr("your server user"))
        self.password = _line("password", "", "")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("&Remember password in the system keyring"))
        self.remember.setObjectName("remember")
        self.sslmode = QComboBox()
        self.sslmode.setObjectName("sslmode")
        self.sslmode.addItems(SSL_MODES)
        self.sslmode.setCurrentText(address.sslmode)
        self.sslmode.setToolTip(
            self.tr(
                "prefer: TLS if the server offers it; require: TLS or nothing; verify-ca and "
                "verify-full: TLS with the server's certificate checked against the root "
                "certificate below (verify-full also checks the host name); disable: no TLS"
            )
        )
        self.sslrootcert = _line(
            "sslrootcert", address.sslrootcert, self.tr("file (verify-ca/full)")
        )
        self.sslcert = _line(
            "sslcert", address.sslcert, self.tr("file, if the server asks for one")
        )
        self.sslkey = _line(
            "sslkey", address.sslkey, self.tr("file of the client certificate's key")
        )
        self.keyring_note = _note("keyringNote")
        if self._passwords.available:
            self.keyring_note.hide()
        else:
            self.remember.setEnabled(False)
            self.keyring_note.setText(
                self.tr(
                    "No system keyring is available here, so the password cannot be "
                    "remembered: it is used for this connection only. libpq's ~/.pgpass file "
                    "or the PGPASSWORD variable can supply it instead (leave the field empty)."
                )
            )
        self.problem = _note("problem")
        self.problem.setStyleSheet("font-weight: bold;")
        self.problem.hide()

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("&Host:"), self.host)
        form.addRow(self.tr("P&ort:"), self.port)
        form.addRow(self.tr("&Database:"), self.database)
        form.addRow(self.tr("&User:"), self.user)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow("", self.remember)
        form.addRow(self.tr("&TLS (sslmode):"), self.sslmode)
        form.addRow(self.tr("Root &certificate:"), self.sslrootcert)
        form.addRow(self.tr("C&lient certificate:"), self.sslcert)
        form.addRow(self.tr("Client &key:"), self.sslkey)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        connect = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        connect.setText(self.tr("Co&nnect"))
        # Enter connects wherever the focus is. Auto-default buttons would take "default"
        # from it when tabbed over and not give it back: Enter then did nothing.
        for button in self.buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
        connect.setDefault(True)
        self.buttons.accepted.connect(self.try_connect)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.keyring_note)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def address(self) -> ServerAddress:
        """The address as typed (spaces around names dropped)."""
        return ServerAddress(
            host=self.host.text().strip() or "localhost",
            port=self.port.value(),
            database=self.database.text().strip(),
            user=self.user.text().strip(),
            sslmode=self.sslmode.currentText(),
            sslrootcert=self.sslrootcert.text().strip(),
            sslcert=self.sslcert.text().strip(),
            sslkey=self.sslkey.text().strip(),
        )

    def try_connect(self) -> None:
        """Open the timeline; on failure say why in one line and stay, as typed."""
        address = self.address()
        if not address.database:
            self.show_problem(self.tr("Name the database that holds the timeline."))
            self.database.setFocus()
            return
        typed = self.password.text()
        # An empty field: the keyring's password, else libpq's .pgpass or PGPASSWORD.
        password = typed or self._passwords.get(address)
        location = _with_timeout(address.url(password))
        reason = self._open_timeline(location)
        if reason == "":  # an upgrade declined: the person knows why
            return
        if reason is not None:
            self.show_problem(explain_failure(reason, address))
            (self.password if "password" in reason.lower() else self.host).setFocus()
            return
        if typed and self.remember.isChecked():
            self._passwords.remember(address, typed)
        elif typed:  # typed again, not to be remembered: an older one is not kept either
            self._passwords.forget(address)
        self.accept()

    def show_problem(self, line: str) -> None:
        """Say in the dialog, in one line, why the last try failed."""
        self.problem.setText(line)
        self.problem.show()


def _tr(text: str) -> str:
    return QCoreApplication.translate("ServerDialog", text)


def _with_timeout(location: str) -> str:
    url = make_url(location)
    if "connect_timeout" in url.query:
        return location
    with_timeout = url.update_query_dict({"connect_timeout": str(CONNECT_TIMEOUT_S)})
    return with_timeout.render_as_string(hide_password=False)


def _line(name: str, text: str, placeholder: str) -> QLineEdit:
    field = QLineEdit(text)
    field.setObjectName(name)
    field.setPlaceholderText(placeholder)
    field.setMaxLength(1000)
    return field


def _note(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # libpq's words are data, never markup
    return label
