"""File › Import…: another tool's timeline (TimelineJS JSON, its sheet as CSV…) brought into
the open timeline, as one undo step, then the import's report.

:class:`ImportDialog` asks for the file, its format (told from the file, which the person may
override) and what the file's groups become. :class:`ImportActions` reads the file into a
plan (:mod:`desktopapp.ingest.importing`), writes it in one transaction (all or nothing, one
entry "Import 12 events from 'x.json'" on the undo stack) and shows the report as plain text.
A read-only timeline (the bundled sample) is first offered as an editable copy, as every edit
does.

Reading and writing run on a worker thread (:class:`ImportRun`), so the window keeps
painting; a long import shows :class:`ImportProgress` (entries written, Cancel). Cancel rolls
the transaction back: the timeline is as it was. The views learn of the new events on their
own thread, once the transaction is committed (``TimelineDocument.adopt_all``).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEventLoop,
    QObject,
    QStandardPaths,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktopapp.db.commands import CommandError
from desktopapp.document import TimelineDocument
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.l10n import _, ngettext, number
from desktopapp.ingest.importing import (
    FORMATS,
    SNIFF_BYTES,
    GroupAs,
    ImportCancelled,
    ImportFileError,
    ImportOptions,
    ImportPlan,
    ImportReport,
    ImportSource,
    TargetNames,
    import_note,
    open_dialog_filter,
    plan_import,
    sniff_format,
    undo_text,
)
from desktopapp.safe_files import read_regular_file
from desktopapp.ui.actions import ActionId, ActionRegistry
from desktopapp.ui.dialog_frame import frame_as_dialog
from desktopapp.ui.edit_fields import OkFooter, plain_label
from desktopapp.ui.editing import EDIT_ERRORS, EditingActions, one_line
from desktopapp.ui.settings import LAST_FOLDER, Settings

GROUP_CHOICES = (
    (
        GroupAs.ACTOR,
        str(
            QT_TRANSLATE_NOOP(
                "ImportDialog", "An acting actor (a lane of its own when grouped by actor)"
            )
        ),
    ),
    (
        GroupAs.TYPE,
        str(
            QT_TRANSLATE_NOOP(
                "ImportDialog", "A type under “Imported” (a lane of its own when grouped by type)"
            )
        ),
    ),
)


class ImportDialog(QDialog):
    """The file to import, its format and what its groups become."""

    def __init__(self, parent: QWidget | None = None, folder: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import a timeline"))
        self._folder = folder
        self._format_told = True  # False once the person picks a format themselves
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(
            self.tr("A TimelineJS JSON file, or its sheet saved as CSV")
        )
        self.path_edit.setAccessibleName(self.tr("File to import"))
        self.browse = QPushButton(self.tr("&Choose…"))
        self.format_box = QComboBox()
        self.format_box.setAccessibleName(self.tr("Format"))
        for import_format in FORMATS.values():
            # The import layer's words, marked there with N_() and translated when shown.
            self.format_box.addItem(_(import_format.label), import_format.id)
        self.group_box = QComboBox()
        self.group_box.setAccessibleName(self.tr("Groups become"))
        for group_as, text in GROUP_CHOICES:
            self.group_box.addItem(QCoreApplication.translate("ImportDialog", text), group_as.value)
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("Optional: why, for the history"))
        self.note_edit.setAccessibleName(self.tr("Why"))
        self.told = plain_label(
            dim=True, wrap=False
        )  # one short line: a wrapped one is sized for three
        self.told.setObjectName("formatTold")
        self.footer = OkFooter(self.tr("Import"))
        self._build()
        self.path_edit.textChanged.connect(self._path_changed)
        self.browse.clicked.connect(self._choose)
        self.format_box.activated.connect(self._format_picked)
        self._tell("")
        self._update()
        frame_as_dialog(self)
        self.path_edit.setFocus()

    def _build(self) -> None:
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse)
        form = QFormLayout()
        file_label = QLabel(self.tr("&File:"))  # a row of a layout has no buddy unless given one
        file_label.setBuddy(self.path_edit)
        form.addRow(file_label, row)
        form.addRow(self.tr("F&ormat:"), self.format_box)
        form.addRow("", self.told)
        form.addRow(self.tr("&Groups become:"), self.group_box)
        form.addRow(self.tr("W&hy:"), self.note_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            plain_label(
                self.tr(
                    "Imported events have no verified quote: they are marked unsourced until "
                    "you attach a quote from a source. Their text is kept as the file's claim."
                ),
                dim=True,
            )
        )
        layout.addWidget(self.footer)
        self.footer.serve(self)
        self.setMinimumWidth(620)

    # -- state ------------------------------------------------------------------------------

    def path(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def format_id(self) -> str:
        return str(self.format_box.currentData())

    def options(self) -> ImportOptions:
        return ImportOptions(GroupAs(self.group_box.currentData()))

    def note(self) -> str:
        return self.note_edit.text().strip()

    def problem(self) -> str:
        if not self.path_edit.text().strip():
            return self.tr("choose the file to import")
        if not self.path().is_file():
            return self.tr("there is no such file")
        return ""

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a timeline"), self._folder, open_dialog_filter()
        )
        if path:
            self.path_edit.setText(path)

    def _path_changed(self) -> None:
        if self._format_told:
            self._tell_format()
        self._update()

    def _format_picked(self) -> None:
        self._format_told = False
        self._tell("")

    def _tell_format(self) -> None:
        """Set the format the file looks like, saying so (the person may pick another)."""
        path = self.path()
        self._tell("")
        if not path.is_file():
            return
        try:
            head = read_regular_file(path, None, length=SNIFF_BYTES)
        except OSError:
            return
        import_format = sniff_format(path.name, head)
        if import_format is None:
            self._tell(self.tr("The format could not be told from the file: choose it."))
            return
        self.format_box.setCurrentIndex(self.format_box.findData(import_format.id))
        self._tell(self.tr("Told from the file; choose another if it is wrong."))

    def _tell(self, text: str) -> None:
        self.told.setText(text)
        self.told.setVisible(bool(text))  # no empty row under the format

    def _update(self) -> None:
        self.footer.set_problem(self.problem())

    def accept(self) -> None:
        if not self.problem():
            super().accept()


class ReportDialog(QDialog):
    """What an import did, as plain text the person can read, select and copy."""

    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import report"))
        self.headline = plain_label(report.headline())
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        self.text = QPlainTextEdit()
        self.text.setObjectName("importReport")
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Import report"))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.text.setPlainText(
            "\n".join(report.lines()[1:]) or self.tr("Nothing was skipped or changed.")
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.text, 1)
        layout.addWidget(
            plain_label(self.tr("Edit › Undo takes the whole import back in one step."), dim=True)
        )
        layout.addWidget(buttons)
        self.resize(720, 360)
        frame_as_dialog(self, resizable=True)  # a long report is read at length


class ImportActions(QObject):
    """File › Import… of one window."""

    def __init__(
        self,
        window: QMainWindow,
        document: TimelineDocument,
        registry: ActionRegistry,
        editing: EditingActions,
        settings: Settings,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._document = document
        self._editing = editing
        self._settings = settings
        self.last_report: ImportReport | None = None
        registry[ActionId.IMPORT].triggered.connect(self.ask_import)

    def ask_import(self) -> None:
        """Make the timeline editable (offering a copy of a read-only one), ask what to
        import, import it, show the report."""
        if not self._editing.writable():
            return
        folder = self._settings.value(LAST_FOLDER) or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        dialog = ImportDialog(self._window, str(folder or Path.home()))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self._settings.set_value(LAST_FOLDER, str(dialog.path().parent))
        report = self.import_file(
            dialog.path(), dialog.format_id(), dialog.options(), dialog.note()
        )
        if report is not None:
            ReportDialog(report, self._window).exec()

    def import_file(
        self, path: Path, format_id: str | None, options: ImportOptions, note: str = ""
    ) -> ImportReport | None:
        """Import ``path`` into the open (editable) timeline: its report, or None when it was
        refused or cancelled (said in a message box or the status bar; the timeline as it
        was). The window stays responsive meanwhile; this returns once it is done."""
        document = self._document
        target = TargetNames.of(document.repository)
        run = ImportRun(document, path, format_id, options, note, target)
        progress = ImportProgress(self._window, path.name)
        progress.canceled.connect(run.cancel)
        run.progressed.connect(progress.show_written)
        wait = QEventLoop()
        # Queued (emitted on the worker's thread): it ends the loop even if the import is
        # done before the loop starts.
        run.finished.connect(wait.quit)
        worker = threading.Thread(target=run.work, name="import", daemon=True)
        worker.start()
        wait.exec()
        worker.join()
        progress.finish()
        # Whatever the UI thread read meanwhile was of the timeline before the import.
        document.repository.invalidate()
        return self._conclude(run)

    def _conclude(self, run: ImportRun) -> ImportReport | None:
        """On the window's thread: the refusal said, or the import adopted and told."""
        document, error, plan = self._document, run.error, run.plan
        if isinstance(error, ImportCancelled):
            self._window.statusBar().showMessage(
                self.tr("Import cancelled: nothing was imported."), 10000
            )
            return None
        if isinstance(error, ImportFileError):
            self._editing.refuse(self.tr("The file could not be imported"), one_line(error))
            return None
        if isinstance(error, CommandError) and plan is not None:
            self._editing.refuse(self.tr("Nothing was imported"), plan.refusal(error))
            return None
        if isinstance(error, EDIT_ERRORS):
            self._editing.refuse(self.tr("Nothing was imported"), one_line(error))
            return None
        if error is not None:
            raise error
        assert plan is not None and run.changes is not None
        document.adopt_all(run.changes, undo_text(plan))
        self.last_report = plan.report
        said = plan.report.headline()
        if document.filter != EventFilter():
            # What was just imported is what the person wants to see, not a filter of before.
            document.set_filter(EventFilter())
            said += " " + self.tr("Filters cleared to show them.")
        self._window.statusBar().showMessage(said, 10000)
        return plan.report


class ImportRun(QObject):
    """One import's reading and writing, on a worker thread (:meth:`work`): it touches the
    file, the plan and the store alone, and tells the window's thread by queued signals."""

    progressed = Signal(int, int)  # events written, events in all
    finished = Signal()

    def __init__(
        self,
        document: TimelineDocument,
        path: Path,
        format_id: str | None,
        options: ImportOptions,
        note: str,
        target: TargetNames,
    ) -> None:
        super().__init__()
        self._document = document
        self._path, self._format_id, self._options, self._note = path, format_id, options, note
        self._target = target
        self._cancelled = threading.Event()
        self.plan: ImportPlan | None = None
        self.changes: tuple | None = None  # the store's changes, once committed
        self.error: BaseException | None = None

    def cancel(self) -> None:
        """Stop at the next batch (any thread): the transaction is rolled back."""
        self._cancelled.set()

    def work(self) -> None:
        try:
            with _collector_paused():
                self._read_and_write()
        except BaseException as error:  # handed to the window's thread, said there
            self.error = error
        finally:
            self.finished.emit()

    def _read_and_write(self) -> None:
        source = ImportSource.read(self._path)
        self.plan = plan = plan_import(
            source, self._target, format_id=self._format_id, options=self._options
        )
        self._stop_if_cancelled()
        commands = plan.commands
        self.progressed.emit(0, plan.event_count)
        self.changes = self._document.write_all(
            commands, self._note or import_note(plan), self._told(len(commands), plan)
        )

    def _told(self, total: int, plan: ImportPlan) -> Callable[[int], None]:
        names = total - plan.event_count  # the actors and types, made first

        def written(done: int) -> None:
            self._stop_if_cancelled()  # inside the transaction: raising rolls it back
            self.progressed.emit(max(done - names, 0), plan.event_count)

        return written

    def _stop_if_cancelled(self) -> None:
        if self._cancelled.is_set():
            raise ImportCancelled


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while an import runs: each full collection
    walks every object of the plan (hundreds of thousands) holding the interpreter's lock,
    and the window froze for half a second at each. What the import leaves is freed by
    reference counting when it ends; the collector runs again after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class ImportProgress(QDialog):
    """How far a long import is (events written), with Cancel (or Escape, or closing it);
    shown only if the import takes a while."""

    SHOWN_AFTER_MS = 400  # a small file is imported before a dialog could be read
    canceled = Signal()

    def __init__(self, parent: QWidget, file_name: str) -> None:
        super().__init__(parent)
        self.setObjectName("importProgress")
        self.setWindowTitle(self.tr("Importing"))
        self.setWindowModality(Qt.WindowModality.WindowModal)  # no edit while it writes
        self._file_name = file_name
        self._cancelled = False
        self.label = plain_label(self.tr("Reading '{file}'…").format(file=file_name))
        self.bar = QProgressBar()
        self.bar.setAccessibleName(self.tr("Events written"))
        self.bar.setRange(0, 0)  # busy until the file is read and its events counted
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)  # the counts grow without the dialog growing with them
        frame_as_dialog(self)
        self.rejected.connect(self._cancel)
        self._show_later = QTimer(self)
        self._show_later.setSingleShot(True)
        self._show_later.timeout.connect(self.open)
        self._show_later.start(self.SHOWN_AFTER_MS)

    def show_written(self, done: int, total: int) -> None:
        if self._cancelled:
            return
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        # The plural follows the events written: French says "1 événement écrit sur 10 000"
        # (English names the total's "events" whatever the count written).
        self.label.setText(
            ngettext(
                "Importing '{file}': {done} of {total} events written",
                "Importing '{file}': {done} of {total} events written",
                done,
            ).format(file=self._file_name, done=number(done), total=number(total))
        )

    def _cancel(self) -> None:
        if not self._cancelled:
            self._cancelled = True
            self.canceled.emit()

    def finish(self) -> None:
        self._show_later.stop()
        self._cancelled = True  # closing it now is no cancel
        self.hide()
        self.deleteLater()
