"""The ``desktopapp export`` command's work: every requested file, or none if one is bad.

All targets are checked before anything is written (folder exists and is writable, not a
folder itself, no two exports to the same file), so a mistake in the last option does not
leave the first files written.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from desktopapp.db.repository import EventRepository
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.grouping import Grouping
from desktopapp.domain.l10n import _
from desktopapp.export.files import ExportError, check_target
from desktopapp.export.formats import FORMATS, ExportOptions
from desktopapp.interrupts import stop_requested

if TYPE_CHECKING:  # Qt is imported only when a PDF or an image is asked for
    from PySide6.QtCore import QCoreApplication


@dataclass(frozen=True)
class ExportRequest:
    """What ``desktopapp export`` was asked for: a file per format id of
    :data:`~desktopapp.export.formats.FORMATS` (formats not named are not exported)."""

    event_filter: EventFilter
    files: Mapping[str, Path] = field(default_factory=dict)
    page_size: str = "A4"
    orientation: str = "landscape"
    group_by: str = "actor"

    def targets(self) -> dict[str, Path]:
        """The requested files in the registry's order (the order of the report)."""
        unknown = set(self.files) - FORMATS.keys()
        if unknown:
            raise ExportError(
                _("unknown export format(s): {formats}").format(formats=", ".join(sorted(unknown)))
            )
        return {kind: Path(self.files[kind]) for kind in FORMATS if self.files.get(kind)}


def run_exports(repository: EventRepository, request: ExportRequest) -> Iterator[str]:
    """Write each requested export; yield one line per file written."""
    targets = _checked_targets(request)
    repository.validate(request.event_filter)
    try:
        grouping = Grouping(request.group_by)
    except ValueError:
        raise ExportError(
            _("unknown grouping {grouping!r}; use actor, type or none").format(
                grouping=request.group_by
            )
        ) from None
    options = ExportOptions(
        page_size=request.page_size,
        orientation=request.orientation,
        grouping=grouping,
        cancelled=stop_requested,  # a SIGTERM stops a long export at its next block
    )
    # Held for the whole run: Qt painting needs the application object alive.
    painted = any(FORMATS[kind].needs_qt for kind in targets)
    application = ensure_gui_application() if painted else None
    for kind, target in targets.items():
        summary = FORMATS[kind].writer(repository, request.event_filter, target, options)
        yield _("Wrote {file} ({summary})").format(file=_shown(target), summary=summary)
    del application


def ensure_gui_application() -> QCoreApplication:
    """The running Qt application, or a new QGuiApplication (offscreen without a display).

    Keep the returned object referenced while painting: a new one dies with its last reference.
    """
    import os
    import sys

    from PySide6.QtGui import QGuiApplication

    existing = QGuiApplication.instance()
    if existing is not None:
        return existing
    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )
    if headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication(["desktopapp"])


def _checked_targets(request: ExportRequest) -> dict[str, Path]:
    targets = request.targets()
    if not targets:
        flags = [export_format.flag for export_format in FORMATS.values()]
        raise ExportError(
            _("nothing to export: give {flags} or {last}").format(
                flags=", ".join(flags[:-1]), last=flags[-1]
            )
        )
    seen: dict[Path, str] = {}
    for kind, path in targets.items():
        resolved = check_target(path)
        if resolved in seen:
            raise ExportError(
                _("{first} and {second} both write {file}; give two files").format(
                    first=FORMATS[seen[resolved]].flag, second=FORMATS[kind].flag, file=path
                )
            )
        seen[resolved] = kind
    return targets


def _shown(path: Path) -> str:
    return str(path)
