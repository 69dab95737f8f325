"""File menu actions for exporting and printing: a thin Qt front end over ``desktopapp.export``.

The window hands in callables rather than values, so every action exports what is on screen
at the moment it is triggered (the current database, filter and grouping).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence, QPageLayout
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from desktopapp.db.repository import EventRepository
from desktopapp.domain.filter import EventFilter, FilterError
from desktopapp.domain.grouping import Grouping
from desktopapp.domain.l10n import _
from desktopapp.export.files import ExportCancelled, ExportError
from desktopapp.export.formats import FORMATS, ExportOptions
from desktopapp.ui.actions import tip_with_shortcut
from desktopapp.ui.dialog_frame import frame_as_dialog
from desktopapp.ui.settings import EXPORT_FOLDER, ORIENTATION, PAGE_SIZE, Settings

RepositoryGetter = Callable[[], EventRepository]
FilterGetter = Callable[[], EventFilter]
GroupingGetter = Callable[[], Grouping]

# As the command line's --page-size and --orientation (the first is the default).
PAGE_SIZES = ("A4", "Letter")
ORIENTATIONS = ("landscape", "portrait")
ORIENTATION_WORDS = {
    "landscape": str(QT_TRANSLATE_NOOP("PageSetupDialog", "Landscape")),
    "portrait": str(QT_TRANSLATE_NOOP("PageSetupDialog", "Portrait")),
}
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
        settings: Settings | None = None,
    ) -> None:
        self.parent = parent
        self.repository = repository
        self.event_filter = event_filter
        self.grouping = grouping
        self.settings = settings
        self.last_folder: Path | None = None
        self.finished_box: QMessageBox | None = None  # the last "exported" message
        self.page_size, self.orientation = PAGE_SIZES[0], ORIENTATIONS[0]
        if settings is not None:
            saved = settings.value(EXPORT_FOLDER)
            self.last_folder = Path(saved) if saved and Path(saved).is_dir() else None
            if settings.value(PAGE_SIZE) in PAGE_SIZES:
                self.page_size = settings.value(PAGE_SIZE)
            if settings.value(ORIENTATION) in ORIENTATIONS:
                self.orientation = settings.value(ORIENTATION)

    # -- the actions ---------------------------------------------------------------------

    def export_pdf(self) -> Path | None:
        from desktopapp.export.pdf import export_pdf

        if not self.ask_page_setup():
            return None
        target = self._ask_target(
            QCoreApplication.translate("ExportActions", "Export PDF"),
            "pdf",
            QCoreApplication.translate("ExportActions", "PDF documents (*.pdf)"),
        )
        if target is None:
            return None
        page_size, orientation = self.page_size, self.orientation
        return self._run(
            QCoreApplication.translate("ExportActions", "Exporting {file}…").format(
                file=target.name
            ),
            target,
            lambda progress, cancelled: export_pdf(
                self.repository(),
                self.event_filter(),
                target,
                page_size=page_size,
                orientation=orientation,
                grouping=self.grouping(),
                progress=progress,
                cancelled=cancelled,
            ),
        )

    def ask_page_setup(self) -> bool:
        """Paper size and orientation for the PDF (as the command line's --page-size and
        --orientation), asked before the file name and remembered; False on Cancel."""
        dialog = PageSetupDialog(self.parent, self.page_size, self.orientation)
        self.page_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.page_size, self.orientation = dialog.choice()
        if self.settings is not None:
            self.settings.set_value(PAGE_SIZE, self.page_size)
            self.settings.set_value(ORIENTATION, self.orientation)
        return True

    def print_timeline(self) -> bool:
        printer = self._printer()
        dialog = QPrintDialog(printer, self.parent)
        dialog.setWindowTitle(QCoreApplication.translate("ExportActions", "Print timeline"))
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
        self._paint_on_printer(printer)
        return True

    def print_preview(self) -> None:
        printer = self._printer()
        dialog = QPrintPreviewDialog(printer, self.parent)
        dialog.setWindowTitle(QCoreApplication.translate("ExportActions", "Print preview"))
        dialog.paintRequested.connect(self._paint_on_printer)
        dialog.exec()

    def export_format(self, format_id: str) -> Path | None:
        """Ask for a file and write the on-screen timeline in the registered format."""
        export_format = FORMATS[format_id]
        # The export layer's words (its labels are translated there, or marked for it).
        caption, file_filter = _(export_format.label), _(export_format.file_filter)
        target = self._ask_target(caption.rstrip("…"), export_format.suffix, file_filter)
        if target is None:
            return None
        return self._run(
            QCoreApplication.translate("ExportActions", "Exporting {file}…").format(
                file=target.name
            ),
            target,
            lambda progress, cancelled: export_format.writer(
                self.repository(),
                self.event_filter(),
                target,
                ExportOptions(
                    page_size=self.page_size,
                    orientation=self.orientation,
                    grouping=self.grouping(),
                    progress=progress,
                    cancelled=cancelled,
                ),
            ),
        )

    def export_png(self) -> Path | None:
        return self.export_format("png")

    def export_svg(self) -> Path | None:
        return self.export_format("svg")

    def export_csv(self) -> Path | None:
        return self.export_format("csv")

    def export_json(self) -> Path | None:
        return self.export_format("json")

    # -- shared plumbing -----------------------------------------------------------------

    def default_name(self, extension: str) -> str:
        """'timeline-apple-2025-01-31.pdf': says what was exported and when."""
        event_filter = self.event_filter()
        words = [*sorted(event_filter.actors, key=str.casefold), *sorted(event_filter.types)]
        slug = re.sub(r"[^a-z0-9]+", "-", " ".join(words).casefold()).strip("-")[:40].strip("-")
        # The file's name in the reader's words; its filter's words are data (names, slugs).
        stem = QCoreApplication.translate(
            "ExportActions", "timeline", "the first word of an exported file's name"
        )
        stem += f"-{slug}" if slug else ""
        return f"{stem}-{date.today().isoformat()}.{extension}"

    def _ask_target(self, caption: str, extension: str, file_filter: str) -> Path | None:
        folder = self.export_folder()
        name, _ = QFileDialog.getSaveFileName(
            self.parent, caption, str(folder / self.default_name(extension)), file_filter
        )
        if not name:
            return None
        target = Path(name)
        if target.suffix.lower() != f".{extension}":
            target = target.with_name(f"{target.name}.{extension}")
        self.last_folder = target.parent
        if self.settings is not None:
            self.settings.set_value(EXPORT_FOLDER, str(target.parent))
        return target

    def export_folder(self) -> Path:
        """Where exports go by default: the folder used last, else the Documents folder, else
        the home folder. A missing Documents folder (no XDG user dirs) must not reach the file
        dialog, which then falls back to the working directory."""
        if self.last_folder is not None:
            return self.last_folder
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        return Path(documents) if documents and Path(documents).is_dir() else Path.home()

    def _run(
        self,
        label: str,
        target: Path,
        work: Callable[[Callable[[int, int], None], Callable[[], bool]], object],
    ) -> Path | None:
        """Run one export with a cancellable progress dialog; report failures in one line."""
        try:
            self._with_progress(QCoreApplication.translate("ExportActions", "Export"), label, work)
        except ExportCancelled:
            return None
        except (ExportError, FilterError) as error:
            self._show_error(
                QCoreApplication.translate("ExportActions", "The export failed: {reason}.").format(
                    reason=error
                )
            )
            return None
        self._show_finished(target)
        return target

    def _show_finished(self, target: Path) -> None:
        """Say the export is done, with Open and Show in Folder; not modal, so work goes on."""
        if isinstance(self.parent, QMainWindow):
            self.parent.statusBar().showMessage(
                QCoreApplication.translate("ExportActions", "Exported {file}").format(file=target),
                10000,
            )
        box = QMessageBox(self.parent)
        box.setWindowTitle(QCoreApplication.translate("ExportActions", "Export"))
        box.setIcon(QMessageBox.Icon.Information)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            QCoreApplication.translate("ExportActions", "Exported {file}").format(file=target.name)
        )
        box.setInformativeText(
            QCoreApplication.translate("ExportActions", "In {folder}").format(folder=target.parent)
        )
        open_file = box.addButton(
            QCoreApplication.translate("ExportActions", "&Open"), QMessageBox.ButtonRole.AcceptRole
        )
        show_folder = box.addButton(
            QCoreApplication.translate("ExportActions", "Show in &Folder"),
            QMessageBox.ButtonRole.ActionRole,
        )
        box.addButton(QMessageBox.StandardButton.Close)
        open_file.clicked.connect(lambda: _open(target))
        show_folder.clicked.connect(lambda: _open(target.parent))
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.finished_box = box
        box.show()

    def _with_progress(
        self,
        title: str,
        label: str,
        work: Callable[[Callable[[int, int], None], Callable[[], bool]], object],
    ) -> object:
        """Run ``work(progress, cancelled)`` under a window-modal progress dialog with Cancel
        (shown only if the work lasts more than a moment)."""
        dialog = QProgressDialog(
            label, QCoreApplication.translate("ExportActions", "Cancel"), 0, 0, self.parent
        )
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
        # Qt names the print-to-file target after the document: the export's name then.
        printer.setDocName(Path(self.default_name("pdf")).stem)
        return printer

    def _paint_on_printer(self, printer: QPrinter) -> None:
        from desktopapp.export.pdf import print_report

        try:
            self._with_progress(
                QCoreApplication.translate("ExportActions", "Print"),
                QCoreApplication.translate("ExportActions", "Preparing the pages…"),
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
            self._show_error(
                QCoreApplication.translate("ExportActions", "Printing failed: {reason}.").format(
                    reason=error
                )
            )

    def _show_error(self, message: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("ExportActions", "Export"),
            message,
            parent=self.parent,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()


class PageSetupDialog(QDialog):
    """Paper size and orientation of the PDF."""

    def __init__(self, parent: QWidget, page_size: str, orientation: str) -> None:
        super().__init__(parent)
        frame_as_dialog(self)
        self.setWindowTitle(self.tr("Export PDF"))
        self.setMinimumWidth(360)  # narrower, the window manager cuts the title
        self.size_box = QComboBox()
        self.size_box.setAccessibleName(self.tr("Paper size"))
        self.size_box.addItems(list(PAGE_SIZES))
        self.size_box.setCurrentText(page_size)
        self.orientation_box = QComboBox()
        self.orientation_box.setAccessibleName(self.tr("Orientation"))
        for value in ORIENTATIONS:
            shown = QCoreApplication.translate("PageSetupDialog", ORIENTATION_WORDS[value])
            self.orientation_box.addItem(shown, value)
        self.orientation_box.setCurrentIndex(ORIENTATIONS.index(orientation))
        form = QFormLayout(self)
        form.addRow(self.tr("&Paper:"), self.size_box)
        form.addRow(self.tr("&Orientation:"), self.orientation_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Choose &File…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def choice(self) -> tuple[str, str]:
        return self.size_box.currentText(), str(self.orientation_box.currentData())


def _open(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _trigger(slot: Callable[[str], object], format_id: str, _checked: bool = False) -> None:
    slot(format_id)


def install_export_actions(
    menu: QMenu,
    parent: QWidget,
    repository: RepositoryGetter,
    event_filter: FilterGetter,
    grouping: GroupingGetter,
    settings: Settings | None = None,
) -> ExportActions:
    """Add File › Export PDF… (Ctrl+E), Print…, Print preview… and the Export submenu of
    every other registered format to ``menu``."""
    actions = ExportActions(parent, repository, event_filter, grouping, settings)

    def add(name: str, slot: Callable[[], object], shortcut: QKeySequence | None = None) -> None:
        text = QCoreApplication.translate("ExportActions", name)
        action = QAction(text, menu)
        # Named after its English words: the same name in every language.
        action.setObjectName("export-" + re.sub(r"[^a-z]+", "-", name.casefold()).strip("-"))
        if shortcut is not None:
            action.setShortcut(shortcut)
            action.setToolTip(tip_with_shortcut(text.rstrip("…"), action))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)

    add(
        str(QT_TRANSLATE_NOOP("ExportActions", "Export PDF…")),
        actions.export_pdf,
        QKeySequence("Ctrl+E"),
    )
    add(
        str(QT_TRANSLATE_NOOP("ExportActions", "Print…")),
        actions.print_timeline,
        QKeySequence(QKeySequence.StandardKey.Print),
    )
    add(str(QT_TRANSLATE_NOOP("ExportActions", "Print preview…")), actions.print_preview)
    menu.addSeparator()
    # File › Export: every other registered format, the charts first, then the data.
    submenu = menu.addMenu(QCoreApplication.translate("ExportActions", "Export"))
    submenu.setObjectName("exportMenu")
    listed = [f for f in FORMATS.values() if f.in_menu]
    for export_format in sorted(listed, key=lambda f: not f.needs_qt):
        action = QAction(_(export_format.menu_text), submenu)
        action.setObjectName(f"export-{export_format.id}")
        action.triggered.connect(partial(_trigger, actions.export_format, export_format.id))
        submenu.addAction(action)
    # The connected lambdas hold the bound slots, so ``actions`` lives as long as the menu.
    return actions
