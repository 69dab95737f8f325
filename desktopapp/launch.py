"""What the command line hands the window: the launch options, the usage exit status and the
one-line user error. Its own module so that the composition root (``app``) never imports the
command line that starts it: ``cli`` -> ``app``, never back.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktopapp.domain.filter import EventFilter

EXIT_USAGE = 2


class UserError(Exception):
    """A problem to report in one line, without a traceback."""


@dataclass(frozen=True)
class LaunchOptions:
    """What the window is asked to open with."""

    database: str | None
    event_filter: EventFilter
    screenshot: Path | None = None
    size: tuple[int, int] | None = None
    qt_arguments: tuple[str, ...] = ()  # Qt's own options (-style Fusion), for QApplication
    language: str | None = None  # --language: the window speaks it instead of the saved one
