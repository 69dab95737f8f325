"""File › Export and Print actions, driven as a person would (dialogs answered by the test)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from desktopapp.db.repository import EventRepository
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.grouping import Grouping
from desktopapp.export import pdf
from desktopapp.export.files import TEMP_PREFIX
from desktopapp.ui.export_actions import ExportActions, PageSetupDialog, install_export_actions

APPLE = EventFilter(actors=frozenset({"Apple"}))


@pytest.fixture
def window(qtbot, repository: EventRepository) -> tuple[QWidget, QMenu, ExportActions]:
    parent = QWidget()
    qtbot.addWidget(parent)
    menu = QMenu("File", parent)
    actions = install_export_actions(
        menu, parent, lambda: repository, lambda: APPLE, lambda: Grouping.TYPE
    )
    return parent, menu, actions


def answer_save_dialog(monkeypatch: pytest.MonkeyPatch, path: Path | str) -> list[str]:
    asked: list[str] = []

    def fake(parent, caption, directory, file_filter):  # type: ignore[no-untyped-def]
        asked.append(directory)
        return str(path), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    # The PDF's page setup, asked first, answered with what it shows.
    monkeypatch.setattr(PageSetupDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    return asked


def record_errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    return shown


def test_menu_has_the_actions_with_shortcuts(window) -> None:
    _, menu, _ = window
    texts = {action.text(): action for action in menu.actions() if action.text()}
    assert list(texts) == ["Export PDF…", "Print…", "Print preview…", "Export"]
    submenu = texts["Export"].menu()
    assert [action.text() for action in submenu.actions()] == [
        "Chart as PNG…",
        "Chart as SVG…",
        "Events as CSV…",
        "Events as JSON…",
        "Annotations (TOML)…",
        "TimelineJS JSON…",
        "TimelineJS spreadsheet (CSV)…",
        "Calendar (iCalendar)…",
        "Quotes as web annotations (JSON-LD)…",
        "Web page (HTML)…",
    ]
    assert texts["Export PDF…"].shortcut() == QKeySequence("Ctrl+E")
    assert texts["Print…"].shortcut() == QKeySequence(QKeySequence.StandardKey.Print)


def test_export_pdf_from_the_menu(window, monkeypatch, tmp_path: Path) -> None:
    _, menu, _ = window
    asked = answer_save_dialog(monkeypatch, tmp_path / "mine")  # no extension typed
    errors = record_errors(monkeypatch)
    action = next(a for a in menu.actions() if a.text() == "Export PDF…")
    action.trigger()
    assert errors == []
    assert Path(asked[0]).name.startswith("timeline-apple-") and asked[0].endswith(".pdf")
    reader = PdfReader(tmp_path / "mine.pdf")
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Actor: Apple · Type: all · 3 of 18 events" in text
    assert "lanes by event type" in text


@pytest.mark.parametrize(
    ("method", "suffix", "magic"),
    [
        ("export_png", "png", b"\x89PNG"),
        ("export_svg", "svg", b"<?xml"),
        ("export_csv", "csv", b"id,date"),
        ("export_json", "json", b"[\n  {"),
    ],
)
def test_other_exports(window, monkeypatch, tmp_path: Path, method, suffix, magic) -> None:
    _, _, actions = window
    target = tmp_path / f"out.{suffix}"
    answer_save_dialog(monkeypatch, target)
    errors = record_errors(monkeypatch)
    assert getattr(actions, method)() == target
    assert errors == []
    assert target.read_bytes().startswith(magic)


@pytest.mark.parametrize(
    ("object_name", "suffix", "magic"),
    [
        ("export-timelinejs", "json", b'{\n "title"'),
        ("export-timelinejs-csv", "csv", b"Year,Month,Day"),
        ("export-ics", "ics", b"BEGIN:VCALENDAR\r\n"),
        ("export-annotations-jsonld", "jsonld", b'{"@context"'),
        ("export-annotations", "toml", b"#"),
        ("export-html", "html", b"<!DOCTYPE html>"),
    ],
)
def test_export_submenu_entries(
    window, monkeypatch, tmp_path: Path, object_name, suffix, magic
) -> None:
    _, menu, _ = window
    asked = answer_save_dialog(monkeypatch, tmp_path / "mine")  # no extension typed
    errors = record_errors(monkeypatch)
    submenu = menu.findChild(QMenu, "exportMenu")
    next(a for a in submenu.actions() if a.objectName() == object_name).trigger()
    assert errors == []
    assert asked[0].endswith(f".{suffix}")
    assert (tmp_path / f"mine.{suffix}").read_bytes().startswith(magic)


def test_error_is_one_line_in_a_message_box(window, monkeypatch, tmp_path: Path) -> None:
    _, _, actions = window
    (tmp_path / "taken.pdf").mkdir()
    answer_save_dialog(monkeypatch, tmp_path / "taken.pdf")
    errors = record_errors(monkeypatch)
    assert actions.export_pdf() is None
    assert len(errors) == 1 and "is a folder" in errors[0] and "\n" not in errors[0]


def test_cancel_in_the_progress_dialog_leaves_the_old_file(
    window, monkeypatch, tmp_path: Path
) -> None:
    parent, _, actions = window
    target = tmp_path / "report.pdf"
    target.write_bytes(b"the previous report")
    answer_save_dialog(monkeypatch, target)
    errors = record_errors(monkeypatch)
    real_export = pdf.export_pdf

    def export_then_cancel(*args, progress, cancelled, **kwargs):  # type: ignore[no-untyped-def]
        def press_cancel(done: int, total: int) -> None:
            progress(done, total)
            parent.findChildren(QProgressDialog)[0].cancel()

        return real_export(*args, progress=press_cancel, cancelled=cancelled, **kwargs)

    monkeypatch.setattr(pdf, "export_pdf", export_then_cancel)
    assert actions.export_pdf() is None
    assert errors == []  # a cancel is not an error
    assert target.read_bytes() == b"the previous report"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(TEMP_PREFIX)]


def test_print_paints_the_same_report(window, tmp_path: Path) -> None:
    """Printing goes through print_report: here to a PDF printer, read back."""
    from PySide6.QtPrintSupport import QPrinter

    _, _, actions = window
    printer = actions._printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    actions._paint_on_printer(printer)
    reader = PdfReader(tmp_path / "printed.pdf")
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Apple halts all exports to Russia" in text
    assert f"Page 1 of {len(reader.pages)}" in text


def test_print_uses_the_printers_page_layout(window, tmp_path: Path) -> None:
    """Paper and orientation chosen in the print dialog are the ones the report is laid for."""
    from PySide6.QtGui import QPageLayout, QPageSize
    from PySide6.QtPrintSupport import QPrinter

    _, _, actions = window
    printer = actions._printer()
    assert printer.pageLayout().orientation() == QPageLayout.Orientation.Landscape
    # What a person would pick in the dialog: US Letter, portrait.
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "letter.pdf"))
    actions._paint_on_printer(printer)
    box = PdfReader(tmp_path / "letter.pdf").pages[0].mediabox
    assert round(float(box.width) * 25.4 / 72) == 216
    assert round(float(box.height) * 25.4 / 72) == 279


def test_print_shows_progress_and_cancel_drops_the_job(window, monkeypatch, tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    parent, _, actions = window
    errors = record_errors(monkeypatch)
    real_print = pdf.print_report
    seen: list[tuple[int, int]] = []
    aborted: list[bool] = []

    def print_then_cancel(*args, progress, cancelled, abort, **kwargs):  # type: ignore[no-untyped-def]
        def press_cancel(done: int, total: int) -> None:
            seen.append((done, total))
            progress(done, total)
            if done == 3:
                parent.findChildren(QProgressDialog)[0].cancel()

        def record_abort() -> object:
            aborted.append(True)
            return abort()

        return real_print(
            *args, progress=press_cancel, cancelled=cancelled, abort=record_abort, **kwargs
        )

    monkeypatch.setattr(pdf, "print_report", print_then_cancel)
    printer = actions._printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "cancelled.pdf"))
    actions._paint_on_printer(printer)
    assert errors == []  # a cancel is not an error
    # QPrinter.abort() was asked for before the painter ended (a PDF printer cannot drop a
    # job, a real one does).
    assert seen[-1][0] == 3 and aborted == [True]


def test_an_export_says_it_is_done_with_open_and_show_in_folder(
    window, monkeypatch, tmp_path: Path
) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    _, _, actions = window
    target = tmp_path / "events.csv"
    answer_save_dialog(monkeypatch, target)
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))
    assert actions.export_csv() == target
    box = actions.finished_box
    assert box is not None and box.isVisible() and "events.csv" in box.text()
    buttons = {b.text().replace("&", ""): b for b in box.buttons()}
    buttons["Open"].click()
    assert opened == [QUrl.fromLocalFile(str(target))]
    actions.export_csv()
    {b.text().replace("&", ""): b for b in actions.finished_box.buttons()}["Show in Folder"].click()
    assert opened[-1] == QUrl.fromLocalFile(str(tmp_path))


def test_one_remembered_export_folder_and_page_setup(
    qtbot, repository: EventRepository, monkeypatch, tmp_path: Path
) -> None:
    from PySide6.QtCore import QSettings, QStandardPaths

    from desktopapp.ui.settings import Settings

    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))

    def make() -> ExportActions:
        parent = QWidget()
        qtbot.addWidget(parent)
        return install_export_actions(
            QMenu(parent),
            parent,
            lambda: repository,
            lambda: APPLE,
            lambda: Grouping.ACTOR,
            settings,
        )

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    assert make().export_folder() == tmp_path / "home"  # no Documents: home, not the cwd
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    Path(documents).mkdir()
    first = make()
    assert str(first.export_folder()) == documents
    assert first._printer().docName() == Path(first.default_name("pdf")).stem
    chosen = tmp_path / "reports"
    chosen.mkdir()
    asked = answer_save_dialog(monkeypatch, chosen / "apple.pdf")

    def letter_portrait(dialog: PageSetupDialog) -> QDialog.DialogCode:
        dialog.size_box.setCurrentText("Letter")
        dialog.orientation_box.setCurrentIndex(1)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PageSetupDialog, "exec", letter_portrait)
    assert first.export_pdf() == chosen / "apple.pdf"
    assert Path(asked[0]).parent == Path(documents)
    box = PdfReader(chosen / "apple.pdf").pages[0].mediabox
    assert round(float(box.width) * 25.4 / 72) == 216  # Letter, portrait
    # The next launch remembers the folder and the page setup.
    again = make()
    assert again.export_folder() == chosen
    assert (again.page_size, again.orientation) == ("Letter", "portrait")
    monkeypatch.setattr(PageSetupDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    assert again.export_pdf() is None  # Cancel in the page setup: no file dialog
    assert len(asked) == 1
