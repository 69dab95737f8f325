"""The mode a file written through a temporary file should end up with.

Files are written to a ``mkstemp`` file and renamed over the target, so a failure never leaves
half a file; but mkstemp creates files readable by their owner alone (0600). The database
builder and every export give the result the mode a plain ``open(..., "w")`` would have.
"""

from __future__ import annotations

import os
from pathlib import Path


def give_normal_mode(target: Path, temporary: Path) -> None:
    """Keep the mode of the file being replaced, or give a new one the umask's usual mode."""
    try:
        mode = target.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(temporary, mode)
