"""What a failed database question means for the person asking it, in one line.

The window's workers, the list's lazy pages, the timeline's loads and the command line all
meet the same failures (a database locked by another program, a file moved or damaged while
open); they all say them the same way.
"""

from __future__ import annotations

import sqlite3

from sqlalchemy.exc import SQLAlchemyError

from desktopapp.domain.filter import FilterError
from desktopapp.domain.l10n import N_, _


class DatabaseError(Exception):
    """A database that cannot be used, with a message meant for the person using the app."""


class OlderSchemaError(DatabaseError):
    """Our database, written with an older schema: it can be upgraded (after a backup)."""


# How the command line is told to upgrade; the window, which offers the upgrade itself,
# leaves it out of what it shows.
UPGRADE_HINT = N_("upgrade it with 'desktopapp upgrade-db' (a backup copy is kept)")


def with_upgrade_hint(reason: str) -> str:
    """``reason``, then how the command line upgrades the database."""
    return _("{reason}; {hint}").format(reason=reason, hint=_(UPGRADE_HINT))


def without_upgrade_hint(message: str) -> str:
    """``message`` without :func:`with_upgrade_hint`'s words (for the window, which offers
    the upgrade itself)."""
    return message.removesuffix(with_upgrade_hint(""))


class DatabaseChangedError(DatabaseError):
    """The file an open database was read from was replaced or changed by another program.

    What was already read belongs to the old file; answers from the new one must not be mixed
    into it, so the database has to be opened again.
    """


# Errors a query can meet that say something about the database, not about our code; they
# become a message for the person. Anything else is a bug and reaches sys.excepthook.
QUERY_ERRORS: tuple[type[BaseException], ...] = (
    SQLAlchemyError,
    sqlite3.Error,
    DatabaseError,
    FilterError,
    OSError,
)

_DAMAGED = ("not a database", "malformed", "vtable constructor failed", "disk i/o error")


def describe_error(error: BaseException) -> str:
    """One line saying what went wrong with the database, without a traceback."""
    original = getattr(error, "orig", None)  # SQLAlchemy's DBAPIError wraps sqlite3's error
    reason = str(original if original is not None else error).strip()
    reason = reason.splitlines()[0] if reason else type(error).__name__
    lowered = reason.lower()
    if "locked" in lowered or "busy" in lowered:
        return _(
            "the database is busy (another program is writing to it; try again shortly): {reason}"
        ).format(reason=reason)
    if "unable to open" in lowered or isinstance(error, FileNotFoundError):
        return _("the database file cannot be read any more (moved or deleted?): {reason}").format(
            reason=reason
        )
    if any(sign in lowered for sign in _DAMAGED):
        return _("the database file is damaged: {reason}").format(reason=reason)
    return reason
