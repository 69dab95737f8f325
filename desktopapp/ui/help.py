"""Help › Keyboard Shortcuts and Help › What the Marks Mean.

The shortcut list is read from the window's own actions (its menus, and the actions a view
carries, such as Copy Citation in the list), so it cannot drift from what the keys do. The
guide to the marks uses the legend's own wording (``render.marks.LEGEND_STYLES``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktopapp.render.marks import LEGEND_STYLES, MarkShape, MarkStyle
from desktopapp.ui.dialog_frame import frame_as_dialog
from desktopapp.ui.translations import QT_TRANSLATE_NOOP

# Keys handled by the views themselves rather than by actions.
VIEW_KEYS = (
    (
        QT_TRANSLATE_NOOP("Help", "Next / previous pane"),
        QT_TRANSLATE_NOOP("Help", "Tab, Shift+Tab"),
    ),
    (
        QT_TRANSLATE_NOOP("Help", "Move within a pane (rows, lists, text)"),
        QT_TRANSLATE_NOOP("Help", "Arrow keys"),
    ),
    (
        QT_TRANSLATE_NOOP("Help", "Timeline: pan"),
        QT_TRANSLATE_NOOP("Help", "Left, Right (Shift: farther)"),
    ),
    (QT_TRANSLATE_NOOP("Help", "Timeline: fit everything"), QT_TRANSLATE_NOOP("Help", "Home")),
)


def view_keys() -> list[tuple[str, str]]:
    """:data:`VIEW_KEYS` in the window's language."""
    return [(_tr(what), _tr(keys)) for what, keys in VIEW_KEYS]


def _tr(text: str) -> str:
    return QCoreApplication.translate("Help", text)


def shortcut_rows(window: QMainWindow) -> list[tuple[str, str]]:
    """(where › command, its keys) for every action of the window that has a shortcut."""
    rows: list[tuple[str, str]] = []
    seen: set[int] = set()

    def add(path: list[str], action: QAction) -> None:
        if id(action) in seen or action.isSeparator() or not action.shortcuts():
            return
        seen.add(id(action))
        keys = ", ".join(
            s.toString(QKeySequence.SequenceFormat.NativeText)
            for s in action.shortcuts()
            if _typed(s)
        )
        rows.append((" › ".join([*path, _plain(action.text())]), keys))

    def walk(menu: QMenu, path: list[str]) -> None:
        for action in menu.actions():
            submenu = action.menu()
            if isinstance(submenu, QMenu):
                walk(submenu, [*path, _plain(action.text())])
            else:
                add(path, action)

    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            walk(menu, [_plain(action.text())])
    for widget in window.findChildren(QWidget):
        for action in widget.actions():
            add([widget.accessibleName() or widget.objectName()], action)
    return rows


def _typed(sequence: QKeySequence) -> bool:
    """A sequence typed on an ordinary keyboard. The standard shortcuts also bind the
    dedicated Open, Exit, Find and Zoom In keys of some keyboards, whose names read like
    words in the list ("Ctrl+Q, Exit"); Qt numbers those keys from Key_Back on."""
    if sequence.isEmpty():
        return False
    first = sequence[0]  # type: ignore[index]  # the stubs lack __getitem__
    return bool(first.key().value < Qt.Key.Key_Back.value)


def marks_guide() -> list[tuple[str, str]]:
    """(what a mark looks like, what it means) for each date style of the legend."""
    return [(_looks(style), style.description) for style in LEGEND_STYLES]


def _looks(style: MarkStyle) -> str:
    if style.unsourced:
        return QCoreApplication.translate("Help", "A hollow mark with !")
    if style.uncertain:
        return QCoreApplication.translate("Help", "A dashed mark with ?")
    if style.approximate:
        return QCoreApplication.translate("Help", "A fading mark with ~")
    shapes = {
        MarkShape.DOT: QT_TRANSLATE_NOOP("Help", "A dot"),
        MarkShape.BAR: QT_TRANSLATE_NOOP("Help", "A bracketed band"),
        MarkShape.PERIOD: QT_TRANSLATE_NOOP("Help", "A hatched box"),
    }
    shape = shapes.get(style.shape)
    return _tr(shape) if shape else style.shape.value


def table_dialog(
    parent: QWidget, title: str, intro: str, headers: tuple[str, str], rows: list[tuple[str, str]]
) -> QDialog:
    """A small window with a sentence and a two-column table of plain text."""
    dialog = QDialog(parent)
    frame_as_dialog(dialog, resizable=True)  # a table to read at length
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    label = QLabel(intro)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    layout.addWidget(label)
    table = QTableWidget(len(rows), 2)
    table.setObjectName("helpTable")
    table.setAccessibleName(title)
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setWordWrap(True)
    for row, (first, second) in enumerate(rows):
        table.setItem(row, 0, QTableWidgetItem(first))
        table.setItem(row, 1, QTableWidgetItem(second))
    table.resizeColumnsToContents()
    table.horizontalHeader().setStretchLastSection(True)
    layout.addWidget(table)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.resize(620, 420)
    return dialog


def shortcuts_dialog(window: QMainWindow) -> QDialog:
    return table_dialog(
        window,
        QCoreApplication.translate("Help", "Keyboard Shortcuts"),
        QCoreApplication.translate(
            "Help",
            "Every command with a shortcut, as the menus have them. The shortcuts work "
            "wherever the focus is, the search box included.",
        ),
        (QCoreApplication.translate("Help", "Command"), QCoreApplication.translate("Help", "Keys")),
        [*shortcut_rows(window), *view_keys()],
    )


def marks_dialog(window: QMainWindow) -> QDialog:
    return table_dialog(
        window,
        QCoreApplication.translate("Help", "What the Marks Mean"),
        QCoreApplication.translate(
            "Help",
            "A mark's shape says how precisely its date is known; its colour says the event's "
            "type (named in the legend and the tooltips too). Only an exact day is drawn as a "
            "single point.",
        ),
        (QCoreApplication.translate("Help", "Mark"), QCoreApplication.translate("Help", "Meaning")),
        marks_guide(),
    )


def _plain(text: str) -> str:
    """A menu text without its mnemonic marks or trailing ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")
