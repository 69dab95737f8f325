"""File menu actions for exporting and printing: a thin Qt front end over ``desktopapp.export``.

The window hands in callables rather than values, so every action exports what is on screen
at the moment it is triggered (the current database, filter and grouping).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtGui import QAction, QKeySequence, QPageLayout
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QProgressDialog, QWidget

from desktopapp.db.repository import EventRepository
from desktopapp.domain.filter import EventFilter, FilterError
from desktopapp.domain.grouping import Grouping
from desktopapp.export.files import ExportCancelled, ExportError

RepositoryGetter = Callable[[], EventRepository]
FilterGetter = Callable[[], EventFilter]
GroupingGetter = Callable[[], Grouping]

# Below this many events an export takes well under a second: no progress dialog flashes up.
PROGRESS_THRESHOLD = 200


class ExportActions:
    """The export and print actions of one window; kept alive by the menu they are added to."""

    def __init__(
        self,
        parent: QWidget,
        repository: RepositoryGetter,
        event_filter: FilterGetter,
        grouping: GroupingGetter,
    ) -> None:
        self.parent = parent
        self.repository = repository
        self.event_filter = event_filter
        self.grouping = grouping
        self.last_folder: Path | None = None

    # -- the actions ---------------------------------------------------------------------

    def export_pdf(self) -> Path | None:
        from desktopapp.export.pdf import export_pdf

        target = self._ask_target("Export PDF", "pdf", "PDF documents (*.pdf)")
        if target is None:
            return None
        return self._run(
            "Exporting PDF…",
            target,
            lambda progress, cancelled: export_pdf(
                self.repository(),
                self.event_filter(),
                target,
                grouping=self.grouping(),
                progress=progress,
                cancelled=cancelled,
            ),
        )

    def print_timeline(self) -> bool:
        printer = self._printer()
        dialog = QPrintDialog(printer, self.parent)
        dialog.setWindowTitle("Print timeline")
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
        self._paint_on_printer(printer)
        return True

    def print_preview(self) -> None:
        printer = self._printer()
        dialog = QPrintPreviewDialog(printer, self.parent)
        dialog.setWindowTitle("Print preview")
        dialog.paintRequested.connect(self._paint_on_printer)
        dialog.exec()

    def export_png(self) -> Path | None:
        from desktopapp.export.images import export_png

        target = self._ask_target("Export chart as PNG", "png", "PNG images (*.png)")
        if target is None:
            return None
        return self._run(
            "Exporting PNG…",
            target,
            lambda progress, cancelled: export_png(
                self.repository(), self.event_filter(), target, grouping=self.grouping()
            ),
        )

    def export_svg(self) -> Path | None:
        from desktopapp.export.images import export_svg

        target = self._ask_target("Export chart as SVG", "svg", "SVG drawings (*.svg)")
        if target is None:
            return None
        return self._run(
            "Exporting SVG…",
            target,
            lambda progress, cancelled: export_svg(
                self.repository(), self.event_filter(), target, grouping=self.grouping()
            ),
        )

    def export_csv(self) -> Path | None:
        from desktopapp.export.run import write_csv

        target = self._ask_target("Export events as CSV", "csv", "CSV files (*.csv)")
        if target is None:
            return None
        return self._run(
            "Exporting CSV…",
            target,
            lambda progress, cancelled: write_csv(self.repository(), self.event_filter(), target),
        )

    def export_json(self) -> Path | None:
        from desktopapp.export.run import write_json

        target = self._ask_target("Export events as JSON", "json", "JSON files (*.json)")
        if target is None:
            return None
        return self._run(
            "Exporting JSON…",
            target,
            lambda progress, cancelled: write_json(self.repository(), self.event_filter(), target),
        )

    # -- shared plumbing -----------------------------------------------------------------

    def default_name(self, extension: str) -> str:
        """'timeline-apple-2025-01-31.pdf': says what was exported and when."""
        event_filter = self.event_filter()
        words = [*sorted(event_filter.actors, key=str.casefold), *sorted(event_filter.types)]
        slug = re.sub(r"[^a-z0-9]+", "-", " ".join(words).casefold()).strip("-")[:40].strip("-")
        stem = "timeline" + (f"-{slug}" if slug else "")
        return f"{stem}-{date.today().isoformat()}.{extension}"

    def _ask_target(self, caption: str, extension: str, file_filter: str) -> Path | None:
        folder = self.last_folder or Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            or Path.home()
        )
        name, _ = QFileDialog.getSaveFileName(
            self.parent, caption, str(folder / self.default_name(extension)), file_filter
        )
        if not name:
            return None
        target = Path(name)
        if target.suffix.lower() != f".{extension}":
            target = target.with_name(f"{target.name}.{extension}")
        self.last_folder = target.parent
        return target

    def _run(
        self,
        label: str,
        target: Path,
        work: Callable[[Callable[[int, int], None], Callable[[], bool]], object],
    ) -> Path | None:
        """Run one export with a cancellable progress dialog; report failures in one line."""
        try:
            self._with_progress("Export", label, work)
        except ExportCancelled:
            return None
        except (ExportError, FilterError) as error:
            self._show_error(f"The export failed: {error}.")
            return None
        return target

    def _with_progress(
        self,
        title: str,
        label: str,
        work: Callable[[Callable[[int, int], None], Callable[[], bool]], object],
    ) -> object:
        """Run ``work(progress, cancelled)`` under a window-modal progress dialog with Cancel
        (shown only if the work lasts more than a moment)."""
        dialog = QProgressDialog(label, "Cancel", 0, 0, self.parent)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)

        def progress(done: int, total: int) -> None:
            if total >= PROGRESS_THRESHOLD:
                dialog.setMaximum(total)
                dialog.setValue(min(done, total))
            QCoreApplication.processEvents()

        try:
            return work(progress, dialog.wasCanceled)
        finally:
            dialog.close()
            dialog.deleteLater()

    def _printer(self) -> QPrinter:
        """A printer set up as a default only: landscape, the report's margins, the system's
        paper size; the print dialog and the preview's page setup can change all of them."""
        from desktopapp.export.pdf import MARGINS_MM

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        printer.setPageMargins(MARGINS_MM, QPageLayout.Unit.Millimeter)
        printer.setDocName("Timeline")
        return printer

    def _paint_on_printer(self, printer: QPrinter) -> None:
        from desktopapp.export.pdf import print_report

        try:
            self._with_progress(
                "Print",
                "Preparing the pages…",
                lambda progress, cancelled: print_report(
                    printer,
                    self.repository(),
                    self.event_filter(),
                    grouping=self.grouping(),
                    progress=progress,
                    cancelled=cancelled,
                    abort=printer.abort,
                ),
            )
        except ExportCancelled:
            return
        except (ExportError, FilterError) as error:
            self._show_error(f"Printing failed: {error}.")

    def _show_error(self, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, "Export", message, parent=self.parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()


def install_export_actions(
    menu: QMenu,
    parent: QWidget,
    repository: RepositoryGetter,
    event_filter: FilterGetter,
    grouping: GroupingGetter,
) -> ExportActions:
    """Add File › Export PDF… (Ctrl+E), Print…, Print preview… and the other exports to ``menu``."""
    actions = ExportActions(parent, repository, event_filter, grouping)

    def add(text: str, slot: Callable[[], object], shortcut: QKeySequence | None = None) -> None:
        action = QAction(text, menu)
        action.setObjectName("export-" + re.sub(r"[^a-z]+", "-", text.casefold()).strip("-"))
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)

    add("Export PDF…", actions.export_pdf, QKeySequence("Ctrl+E"))
    add("Print…", actions.print_timeline, QKeySequence(QKeySequence.StandardKey.Print))
    add("Print preview…", actions.print_preview)
    menu.addSeparator()
    add("Export chart as PNG…", actions.export_png)
    add("Export chart as SVG…", actions.export_svg)
    add("Export events as CSV…", actions.export_csv)
    add("Export events as JSON…", actions.export_json)
    # The connected lambdas hold the bound slots, so ``actions`` lives as long as the menu.
    return actions
