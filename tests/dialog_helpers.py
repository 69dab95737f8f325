"""Driving the editing dialogs from the keyboard, through real focus changes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from desktopapp.ui.import_dialog import ImportProgress


def show(qtbot, dialog: QDialog) -> QDialog:  # type: ignore[no-untyped-def]
    """Show a dialog as a person would see it, active and with its first field focused."""
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(
        lambda: dialog.isActiveWindow() and dialog.isAncestorOf(QApplication.focusWidget()),
        timeout=3000,
    )
    return dialog


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def tab_to(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    """Press Tab in whatever has focus until ``widget`` has it (the way a person gets there)."""
    target = widget.focusProxy() or widget
    for _ in range(60):
        if focused() is target:
            return
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {widget!r}; focus is on {focused()!r}")


def type_into(qtbot, widget: QWidget, text: str, *, replace: bool = True) -> None:  # type: ignore[no-untyped-def]
    """Tab to ``widget`` and type ``text`` into it (over what it held, if ``replace``)."""
    tab_to(qtbot, widget)
    if replace:
        qtbot.keyClick(focused(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(focused(), Qt.Key.Key_Delete)
    else:  # Tab into a line edit selects its text: typing would replace it
        qtbot.keyClick(focused(), Qt.Key.Key_End)
    keys_into(qtbot, focused(), text)


def keys_into(qtbot, widget: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    """``qtbot.keyClicks``, also for letters outside ASCII (QTest's own asserts on them):
    each such letter is one key press carrying its text, as a keyboard layout sends it."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click,
                widget,
                Qt.Key.Key_unknown,
                char,
                Qt.KeyboardModifier.NoModifier,
            )


class ModalAnswer:
    """Answers the next modal dialog from a timer (a modal ``exec`` blocks the test). A
    failure inside is kept and the dialog rejected, so the test fails instead of hanging."""

    def __init__(self, kind: type[QDialog], answer: Callable[[QDialog], None]) -> None:
        self.kind, self.answer = kind, answer
        self.error: BaseException | None = None
        self.seen = False
        QTimer.singleShot(50, self._run)

    def _run(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or (
            # A long import's progress, shown on the way to the dialog awaited.
            isinstance(dialog, ImportProgress) and not issubclass(self.kind, ImportProgress)
        ):
            QTimer.singleShot(50, self._run)
            return
        self.seen = True
        try:
            assert isinstance(dialog, self.kind), dialog
            self.answer(dialog)
        except BaseException as error:  # kept for check(): raising here would hang exec()
            self.error = error
            if isinstance(dialog, QDialog):
                dialog.reject()

    def check(self) -> None:
        assert self.seen, "no modal dialog opened"
        if self.error is not None:
            raise self.error
