"""Save a Copy As: a consistent copy of an open timeline through SQLite's backup API.

The backup API copies the database page by page inside a read transaction, so the copy is a
state the file really had, even while this or another process is writing it; copying the file
with the operating system could catch half an edit (and would miss what is still in the WAL).
The copy is written to a temporary file beside the target and renamed over it only when
complete, so a failure leaves the target as it was.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from desktopapp.domain.l10n import _
from desktopapp.safe_files import FileProblem, replacing, writable_target, write_failure


class CopyError(Exception):
    """The copy could not be written; one line for the person. The target is unchanged."""


def save_copy(source: Path, target: Path) -> Path:
    """Copy the timeline file ``source`` to ``target`` (replaced if it exists); returns the
    file written. Raises CopyError."""
    try:
        written = writable_target(target)
    except FileProblem as error:
        raise CopyError(str(error)) from None
    if written.exists() and written.samefile(source):
        raise CopyError(
            _("{file} is the open timeline itself; choose another file name").format(
                file=written.name
            )
        )
    try:
        with replacing(written) as temporary:
            _backup(source, temporary)
    except sqlite3.Error as error:
        raise CopyError(
            _("{file} could not be copied: {reason}").format(file=source.name, reason=error)
        ) from None
    except OSError as error:
        raise CopyError(write_failure(error, written.parent)) from None
    return written


def _backup(source: Path, temporary: Path) -> None:
    # Read-only on the source: a copy must never write to the file it copies.
    reading = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        writing = sqlite3.connect(temporary)
        try:
            reading.backup(writing)
            # The copy is one self-contained file: no WAL beside it that would have to follow
            # it wherever it is moved or mailed.
            writing.execute("PRAGMA journal_mode=DELETE")
            writing.commit()
        finally:
            writing.close()
    finally:
        with contextlib.suppress(sqlite3.Error):
            reading.close()
