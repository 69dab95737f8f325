"""Writing export files safely: all or nothing, and never a half-written report.

Every export is written to a temporary file in the target's own folder (so the final
``os.replace`` is an atomic rename on the same file system), flushed to disk, then moved over
the target. On any failure or cancel the temporary file is removed and an existing target is
left exactly as it was.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from desktopapp.filemode import give_normal_mode

TEMP_PREFIX = ".desktopapp-export-"


class ExportError(Exception):
    """An export that cannot be done; the message is one clear line for the user."""


class ExportCancelled(ExportError):
    """The user cancelled an export; nothing was written."""

    def __init__(self) -> None:
        super().__init__("the export was cancelled; nothing was written")


def check_target(target: Path) -> Path:
    """Refuse a target that cannot be written, before anything is written; return it absolute.

    The folder is probed by creating (and removing) a temporary file in it: permission bits
    alone do not tell (root ignores them, a read-only mount or a full disk does not show).
    """
    target = Path(os.path.abspath(os.path.expanduser(target)))
    folder = target.parent
    if target.is_dir():
        raise ExportError(f"{target} is a folder; give a file name to write the export to")
    if not folder.exists():
        raise ExportError(f"cannot write {target.name}: the folder {folder} does not exist")
    if not folder.is_dir():
        raise ExportError(f"cannot write {target.name}: {folder} is not a folder")
    if target.exists() and not os.access(target, os.W_OK):
        raise ExportError(f"cannot write {target}: the existing file is read-only")
    try:
        descriptor, probe = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=folder)
    except OSError as error:
        raise ExportError(f"cannot write in {folder}: {_reason(error)}") from error
    os.close(descriptor)
    with contextlib.suppress(OSError):
        os.unlink(probe)
    return target


@contextlib.contextmanager
def atomic_path(target: Path, *, suffix: str = "") -> Iterator[Path]:
    """Yield a temporary path next to ``target``; when the block ends normally, it replaces it.

    The writer (Python, or Qt's QPdfWriter / QImage / QSvgGenerator) writes to the yielded
    path and must have closed it when the block ends. If the block raises (an error, a cancel),
    the temporary file is removed and the exception goes on; ``target`` is untouched.
    """
    target = check_target(target)
    try:
        descriptor, name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=suffix, dir=target.parent)
    except OSError as error:
        raise ExportError(f"cannot write in {target.parent}: {_reason(error)}") from error
    os.close(descriptor)
    temporary = Path(name)
    try:
        yield temporary
        if not temporary.exists() or temporary.stat().st_size == 0:
            raise ExportError(f"cannot write {target}: nothing was produced")
        _fsync(temporary)
        give_normal_mode(target, temporary)
        os.replace(temporary, target)
    except OSError as error:
        raise ExportError(f"cannot write {target}: {_reason(error)}") from error
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
    _fsync_folder(target.parent)


def write_bytes(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` atomically."""
    with atomic_path(target) as temporary, open(temporary, "wb") as stream:
        stream.write(data)


def write_text(target: Path, text: str) -> None:
    """Write UTF-8 ``text`` to ``target`` atomically (newlines written as given)."""
    write_bytes(target, text.encode("utf-8"))


def _fsync(path: Path) -> None:
    with open(path, "rb+") as stream:
        os.fsync(stream.fileno())


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it (not on Windows)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _reason(error: OSError) -> str:
    return error.strerror or str(error)
