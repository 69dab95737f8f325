"""A QFile for Qt writers that take a device (QPdfWriter), with every write checked.

Qt's writers do not report a failed write: QPdfWriter on a full disk ends "successfully" with
a cut-off file. QFile itself remembers the failure; this reads it back after the last flush
and raises it as an OSError, which :func:`desktopapp.export.files.atomic_path` words.
"""

from __future__ import annotations

import contextlib
import errno
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QFile, QFileDevice, QIODevice


@contextlib.contextmanager
def checked_qfile(path: Path) -> Iterator[QFile]:
    """``path`` open for writing as a QFile; closed at the end, and a failed write raises
    OSError (also when the block itself failed because of it: the write failure is the cause
    to report, not its consequence such as "could not start a new page")."""
    device = QFile(str(path))
    if not device.open(QIODevice.OpenModeFlag.WriteOnly | QIODevice.OpenModeFlag.Truncate):
        raise _as_os_error(device, path)
    try:
        yield device
    except Exception:
        device.flush()
        if device.error() != QFileDevice.FileError.NoError:
            raise _as_os_error(device, path) from None
        raise
    finally:
        flushed = device.flush() if device.isOpen() else True
        device.close()
    if not flushed or device.error() != QFileDevice.FileError.NoError:
        raise _as_os_error(device, path)


def _as_os_error(device: QFile, path: Path) -> OSError:
    # Qt marks exactly ENOSPC as a ResourceError (qfsfileengine.cpp); the rest is a write error.
    full = device.error() == QFileDevice.FileError.ResourceError
    return OSError(errno.ENOSPC if full else errno.EIO, device.errorString(), str(path))
