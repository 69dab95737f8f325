"""A French window has no English left in it: the walker of tests/french_window.py over the
real window on the bundled sample, offscreen. The chrome (menus, actions, toolbar, status bar,
title) is checked here; the panes and dialogs are translated in parallel and join the check
as they land (point :func:`english_left` at the window itself)."""

from __future__ import annotations

from pathlib import Path

import pytest
from french_window import english_left
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMenu

from desktopapp.app import WindowHost
from desktopapp.document import TimelineDocument
from desktopapp.ui.actions import ActionId
from desktopapp.ui.settings import Settings


@pytest.fixture
def window_in(qtbot, repository, translators, tmp_path: Path):  # type: ignore[no-untyped-def]
    hosts: list[WindowHost] = []

    def open_in(code: str):  # type: ignore[no-untyped-def]
        translators.speak(code)
        store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        host = WindowHost(TimelineDocument(repository), Settings(store), translators)
        hosts.append(host)
        window = host.window
        window.show()
        qtbot.waitExposed(window)
        assert window.settle(10_000)
        return window

    yield open_in
    for host in hosts:
        host.window.stop_queries()
        host.window.close()


# Words of the chrome that another module sets, in its own branch this session: the texts of
# Undo and Redo follow the undo stack (ui/editing.py). Their tips are checked here.
SET_ELSEWHERE = {
    (ActionId.UNDO, "text"),
    (ActionId.REDO, "text"),
    (ActionId.UNDO, "icon text"),
    (ActionId.REDO, "icon text"),
}


def chrome_left(window) -> list[str]:  # type: ignore[no-untyped-def]
    """The English of the chrome: every action of the registry (menus and toolbar), the
    menus' titles, the toolbar, the status bar and the window's title (the file's name
    in it is data)."""
    found = [
        left
        for action_id, action in window.registry
        for left in english_left(action)
        if (action_id, left.kind) not in SET_ELSEWHERE
    ]
    menus = [action.menu() for action in window.menuBar().actions()]
    for menu in menus:
        found += [left for left in english_left(menu) if left.kind == "title"]
    for name in ("languageMenu",):
        found += english_left(window.findChild(QMenu, name))
    found += english_left(window.toolbar)
    found += english_left(window.statusBar())
    name = Path(window.windowFilePath()).name
    found += [
        left
        for left in english_left(window, data=[name])
        if left.kind == "window title" and left.where == "mainWindow"
    ]
    return sorted(str(left) for left in found)


def test_the_french_windows_chrome_has_no_english_left(window_in):
    window = window_in("fr")
    assert window.menuBar().actions()[0].text() == "&Fichier"
    assert chrome_left(window) == []
    assert window.status_count.text() == "18 événements sur 18"


def test_the_walker_finds_english_and_says_where(window_in):
    """The same walk over the English window: it would have caught every untranslated word."""
    found = english_left(window_in("en").menuBar())
    texts = {left.text for left in found}
    assert {"&File", "&Open Database…", "Open another timeline database"} <= texts
    where = next(left.where for left in found if left.text == "&Open Database…")
    assert where.endswith("fileMenu › open_database")


def test_data_is_not_taken_for_english(window_in):
    """A file name in the title is the person's data: named as such, it is not English."""
    window = window_in("fr")
    window.setWindowTitle("the timeline.sqlite3 — Chronologie de l’actualité")
    titles = [left.text for left in english_left(window) if left.kind == "window title"]
    assert titles == ["the timeline.sqlite3 — Chronologie de l’actualité"]
    named = english_left(window, data=["the timeline.sqlite3"])
    assert not [left for left in named if left.kind == "window title"]


def test_qts_own_dialogs_and_menus_are_french(qtbot, translators):
    """Qt's words come from its qtbase_fr.qm, and the few it lacks from ours: the file
    dialog (Qt's own, as on a desktop without a native one), printing, a text field's menu."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
    from PySide6.QtWidgets import QFileDialog, QLineEdit

    translators.speak("fr")
    opening = QFileDialog(None, "Ouvrir")
    saving = QFileDialog(None, "Enregistrer")
    for dialog in (opening, saving):
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        qtbot.addWidget(dialog)
    saving.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    printer = QPrinter()
    printing, preview = QPrintDialog(printer), QPrintPreviewDialog(printer)
    field = QLineEdit()
    menu = field.createStandardContextMenu()
    for widget in (printing, preview, field, menu):
        qtbot.addWidget(widget)
    left = [left for w in (opening, saving, printing, preview, menu) for left in english_left(w)]
    assert [str(found) for found in left] == []
    assert opening.labelText(QFileDialog.DialogLabel.LookIn) == "&Voir dans\u202f:"


def test_the_help_windows_speak_french(window_in):
    """Help › Keyboard Shortcuts and What the Marks Mean: titles, sentences, headers, the
    keys the views handle themselves, and the shapes of the marks."""
    from PySide6.QtWidgets import QLabel, QTableWidget

    from desktopapp.ui.help import marks_dialog, shortcuts_dialog

    window = window_in("fr")
    shortcuts, marks = shortcuts_dialog(window), marks_dialog(window)
    for dialog in (shortcuts, marks):
        table = dialog.findChild(QTableWidget)
        intro = dialog.findChild(QLabel)
        headers = [table.horizontalHeaderItem(column).text() for column in range(2)]
        assert not english_left(intro) and headers[0] in ("Commande", "Marque")
        assert not [left for left in english_left(dialog) if left.kind == "window title"]
    rows = {
        shortcuts.findChild(QTableWidget).item(row, 0).text(): row
        for row in range(shortcuts.findChild(QTableWidget).rowCount())
    }
    assert "Volet suivant / précédent" in rows and "Affichage › Zoom avant" in rows
    shapes = [marks.findChild(QTableWidget).item(row, 0).text() for row in range(3)]
    assert shapes == ["Un point", "Une bande entre crochets", "Un rectangle hachuré"]
