"""Writing export files safely: all or nothing, and never a half-written report.

Every export is written to a temporary file in the target's own folder (so the final
``os.replace`` is an atomic rename on the same file system), flushed to disk, then moved over
the target. On any failure, cancel or interrupt the temporary file is removed and an existing
target is left exactly as it was. The rules for targets (regular files only, links followed)
and the temporary files' names are :mod:`desktopapp.safe_files`'s, shared with the builder.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from desktopapp.db.engine import SQLITE_MAGIC
from desktopapp.domain.l10n import _
from desktopapp.safe_files import TEMP_PREFIX as TEMP_PREFIX
from desktopapp.safe_files import (
    FileProblem,
    discard_temporary,
    new_temporary,
    reason,
    replacing,
    writable_target,
    write_failure,
)


class ExportError(Exception):
    """An export that cannot be done; the message is one clear line for the user."""


class ExportCancelled(ExportError):
    """The user cancelled an export; nothing was written."""

    def __init__(self) -> None:
        super().__init__("the export was cancelled; nothing was written")


def check_target(target: Path) -> Path:
    """Refuse a target that cannot be written, before anything is written; return the file
    that will be replaced (absolute, a symbolic link followed).

    The folder is probed by creating (and removing) a temporary file in it: permission bits
    alone do not tell (root ignores them, a read-only mount or a full disk does not show).
    """
    try:
        target = writable_target(Path(target))
    except FileProblem as error:
        raise ExportError(str(error)) from error
    if target.exists() and not os.access(target, os.W_OK):
        raise ExportError(
            _("cannot write {file}: the existing file is read-only").format(file=target)
        )
    if _is_database(target):
        # An export never replaces a database: `export --db X --csv X`, or a file dialog
        # answered too fast, would otherwise destroy the timeline being read.
        raise ExportError(
            _(
                "{file} is a database file; an export will not replace it (choose another name)"
            ).format(file=target)
        )
    try:
        probe = new_temporary(target)
    except OSError as error:
        raise ExportError(
            _("cannot write in {folder}: {reason}").format(
                folder=target.parent, reason=reason(error)
            )
        ) from error
    discard_temporary(probe)
    return target


def _is_database(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            return stream.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:  # absent or unreadable: the checks above and the write itself say why
        return False


@contextlib.contextmanager
def atomic_path(target: Path, *, suffix: str = "", needed: int | None = None) -> Iterator[Path]:
    """Yield a temporary path next to ``target``; when the block ends normally, it replaces it.

    The writer writes to the yielded path and must have closed it, having checked its own
    writes, when the block ends. If the block raises (an error, a cancel, an interrupt), the
    temporary file is removed and the exception goes on; ``target`` is untouched. A failed
    write, sync or rename becomes an ExportError saying why in one line (``needed``, the size
    to be written if known, goes into a disk-full message).
    """
    target = check_target(target)
    try:
        with replacing(target, suffix=suffix) as temporary:
            yield temporary
            if temporary.stat().st_size == 0:
                raise ExportError(
                    _("cannot write {file}: nothing was produced").format(file=target)
                )
    except OSError as error:
        raise ExportError(
            _("cannot write {file}: {reason}").format(
                file=target, reason=write_failure(error, target.parent, needed)
            )
        ) from error


def write_bytes(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` atomically, every write checked."""
    with atomic_path(target, needed=len(data)) as temporary, open(temporary, "wb") as stream:
        stream.write(data)
        stream.flush()


def write_text(target: Path, text: str) -> None:
    """Write UTF-8 ``text`` to ``target`` atomically (newlines written as given)."""
    write_bytes(target, text.encode("utf-8"))
