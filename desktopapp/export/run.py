"""The ``desktopapp export`` command's work: every requested file, or none if one is bad.

All targets are checked before anything is written (folder exists and is writable, not a
folder itself, no two exports to the same file), so a mistake in the last option does not
leave the first files written.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktopapp.db.repository import EventRepository
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.grouping import Grouping
from desktopapp.export.files import ExportError, check_target, write_text
from desktopapp.export.records import events_csv, events_json
from desktopapp.interrupts import stop_requested

if TYPE_CHECKING:  # Qt is imported only when a PDF or an image is asked for
    from PySide6.QtCore import QCoreApplication


@dataclass(frozen=True)
class ExportRequest:
    """What ``desktopapp export`` was asked for; a ``None`` path is not exported."""

    event_filter: EventFilter
    pdf: Path | None = None
    csv: Path | None = None
    json: Path | None = None
    png: Path | None = None
    svg: Path | None = None
    annotations: Path | None = None  # the annotation format (TOML), texts beside it
    page_size: str = "A4"
    orientation: str = "landscape"
    group_by: str = "actor"

    def targets(self) -> dict[str, Path]:
        named = {"pdf": self.pdf, "csv": self.csv, "json": self.json}
        named |= {"png": self.png, "svg": self.svg, "annotations": self.annotations}
        return {kind: Path(path) for kind, path in named.items() if path is not None}


def run_exports(repository: EventRepository, request: ExportRequest) -> Iterator[str]:
    """Write each requested export; yield one line per file written."""
    targets = _checked_targets(request)
    repository.validate(request.event_filter)
    try:
        grouping = Grouping(request.group_by)
    except ValueError:
        raise ExportError(
            f"unknown grouping {request.group_by!r}; use actor, type or none"
        ) from None
    # Held for the whole run: Qt painting needs the application object alive.
    application = ensure_gui_application() if {"pdf", "png", "svg"} & targets.keys() else None
    event_filter = request.event_filter
    if "pdf" in targets:
        from desktopapp.export.pdf import export_pdf

        pages = export_pdf(
            repository,
            event_filter,
            targets["pdf"],
            page_size=request.page_size,
            orientation=request.orientation,
            grouping=grouping,
            cancelled=stop_requested,  # a SIGTERM stops the report at its next block
        )
        count = repository.count(event_filter)
        details = f"{_plural(pages, 'page')}, {_plural(count, 'event')}"
        yield f"Wrote {_shown(targets['pdf'])} ({details})"
    if "csv" in targets:
        count = write_csv(repository, event_filter, targets["csv"])
        yield f"Wrote {_shown(targets['csv'])} ({_plural(count, 'event')})"
    if "json" in targets:
        count = write_json(repository, event_filter, targets["json"])
        yield f"Wrote {_shown(targets['json'])} ({_plural(count, 'event')})"
    if "png" in targets:
        from desktopapp.export.images import export_png

        width, height = export_png(repository, event_filter, targets["png"], grouping=grouping)
        yield f"Wrote {_shown(targets['png'])} (chart, {width}×{height} pixels)"
    if "svg" in targets:
        from desktopapp.export.images import export_svg

        export_svg(repository, event_filter, targets["svg"], grouping=grouping)
        yield f"Wrote {_shown(targets['svg'])} (chart, vector drawing)"
    if "annotations" in targets:
        from desktopapp.export.annotations_toml import export_annotations

        count = export_annotations(repository, targets["annotations"], event_filter)
        details = f"{_plural(count, 'event')}; each source's text in a .txt file beside it"
        yield f"Wrote {_shown(targets['annotations'])} ({details})"
    del application


def write_csv(repository: EventRepository, event_filter: EventFilter, target: Path) -> int:
    """The filtered events as CSV (the columns of ``records.CSV_COLUMNS``); return the count."""
    events = repository.events(event_filter)
    write_text(target, events_csv(events))
    return len(events)


def write_json(repository: EventRepository, event_filter: EventFilter, target: Path) -> int:
    """The filtered events as the JSON of ``desktopapp list --json``; return the count."""
    events = repository.events(event_filter)
    write_text(target, events_json(events))
    return len(events)


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
        raise ExportError(
            "nothing to export: give --pdf, --csv, --json, --png, --svg or --annotations"
        )
    seen: dict[Path, str] = {}
    for kind, path in targets.items():
        resolved = check_target(path)
        if resolved in seen:
            raise ExportError(f"--{seen[resolved]} and --{kind} both write {path}; give two files")
        seen[resolved] = kind
    return targets


def _shown(path: Path) -> str:
    return str(path)


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}" + ("" if count == 1 else "s")
