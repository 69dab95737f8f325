"""What a ``--db`` location names: a database file, or a SQLAlchemy URL.

A URL may carry a password. It is never shown: messages name the URL as SQLAlchemy renders
it with the password masked, and any text that may repeat it (a driver's error message, a
parse error quoting the URL) is scrubbed of it, as typed and percent-decoded.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from desktopapp.db.errors import DatabaseError
from desktopapp.domain.l10n import _, number

MASK = "***"
DEFAULT_TIMEOUT = 5.0
# Query parameters some drivers read a password from; masked like the URL's own password.
_PASSWORD_PARAMETERS = frozenset({"password", "passwd", "pwd", "sslpassword"})
# The only option a sqlite URL may carry: the app opens the file itself (read-only), so the
# driver's own options (check_same_thread, uri, mode…) would be ignored or would defeat that.
_SQLITE_OPTIONS = ("timeout",)


@dataclass(frozen=True)
class Secrets:
    """The forms a password can take in a text; removed from any message before it is shown."""

    forms: tuple[str, ...] = ()

    def scrub(self, message: str) -> str:
        # Longest first, so that a decoded form inside an encoded one leaves nothing behind.
        for form in sorted(self.forms, key=len, reverse=True):
            message = message.replace(form, MASK)
        return message


@dataclass(frozen=True)
class Location:
    """A parsed ``--db`` value: an SQLite file to open read-only, or another database's URL."""

    label: str  # what messages call it: the path, or the URL with its password masked
    secrets: Secrets
    sqlite_path: Path | None = None
    url: URL | None = None
    timeout: float = DEFAULT_TIMEOUT

    def fail(self, reason: str) -> DatabaseError:
        located = _("{label}: {reason}").format(label=self.label, reason=reason)
        return DatabaseError(self.secrets.scrub(located))


def parse_location(location: str | Path) -> Location:
    """Read a file path or a database URL, or raise DatabaseError saying what is wrong."""
    text = str(location)
    if "://" not in text:
        return Location(label=text, secrets=Secrets(), sqlite_path=Path(text).expanduser())
    secrets = _secrets_in(text)
    try:
        url = make_url(text)
    except (ArgumentError, ValueError) as error:  # ValueError: a port that is not a number
        label = secrets.scrub(text)
        raise DatabaseError(
            secrets.scrub(
                _("{label}: not a database URL I understand ({error})").format(
                    label=label, error=error
                )
            )
        ) from None
    secrets = Secrets(secrets.forms + _forms(url.password))
    rendered = _masked_query(url).render_as_string(hide_password=True)
    label = secrets.scrub(rendered.replace(quote(MASK, safe=""), MASK))
    located = Location(label=label, secrets=secrets, url=_with_driver(url))
    if url.get_backend_name() != "sqlite":
        return located
    return _sqlite_location(located, url)


# postgresql:// (and libpq's own postgres://) means psycopg 3, the driver the app ships with;
# a URL naming its driver (postgresql+psycopg2://) keeps it.
_DEFAULT_DRIVERS = {"postgresql": "postgresql+psycopg", "postgres": "postgresql+psycopg"}


def _with_driver(url: URL) -> URL:
    driver = _DEFAULT_DRIVERS.get(url.drivername)
    return url.set(drivername=driver) if driver else url


def is_server_location(location: str | Path) -> bool:
    """True for a database server's URL (postgresql://…), False for a timeline file."""
    text = str(location)
    return "://" in text and not text.lower().startswith("sqlite")


def _sqlite_location(located: Location, url: URL) -> Location:
    database = url.database
    if not database or database == ":memory:":
        raise located.fail(_("names no database file (an in-memory database holds no timeline)"))
    timeout = DEFAULT_TIMEOUT
    for name, value in url.query.items():
        if name not in _SQLITE_OPTIONS:
            raise located.fail(
                _(
                    "the option {name} is not supported here; the app opens the file "
                    "read-only itself, and takes only {options}=SECONDS"
                ).format(name=repr(name), options=", ".join(_SQLITE_OPTIONS))
            )
        timeout = _seconds(located, name, value)
    return Location(
        label=located.label,
        secrets=located.secrets,
        sqlite_path=Path(database).expanduser(),
        timeout=timeout,
    )


def _seconds(located: Location, name: str, value: str | tuple[str, ...]) -> float:
    if isinstance(value, tuple):
        raise located.fail(
            _("the option {name} is given {count} times; give it once").format(
                name=repr(name), count=number(len(value))
            )
        )
    try:
        seconds = float(value)
    except ValueError:
        seconds = math.nan
    if not 0 <= seconds <= 3600:  # also refuses nan and inf
        raise located.fail(
            _("{name}={value} must be a number of seconds from 0 to 3600").format(
                name=name, value=repr(value)
            )
        )
    return seconds


def _secrets_in(text: str) -> Secrets:
    """The password as typed in the URL text, found even where SQLAlchemy cannot parse it."""
    try:
        parts = urlsplit(text)
        typed = parts.password
        query = parts.query
    except ValueError:
        return Secrets()
    forms = list(_forms(typed))
    for pair in query.split("&"):
        name, _, value = pair.partition("=")
        if unquote(name).lower() in _PASSWORD_PARAMETERS:
            forms.extend(_forms(value))
    return Secrets(tuple(forms))


def _forms(password: str | None) -> tuple[str, ...]:
    if not password:
        return ()
    decoded = unquote(password)
    return tuple({password, decoded, quote(decoded, safe=""), quote(decoded)} - {""})


def _masked_query(url: URL) -> URL:
    hidden = {k: MASK for k in url.query if k.lower() in _PASSWORD_PARAMETERS}
    return url.update_query_dict(hidden) if hidden else url


def shown_location(location: str | Path) -> str:
    """How to name a database location in a message or a status line: never its password."""
    try:
        return parse_location(location).label
    except DatabaseError:
        return _secrets_in(str(location)).scrub(str(location))
