"""How every dialog of the program asks the window manager to frame it: as a dialog, with a
title and a close button, and no minimize, maximize or context-help button.

Qt's own flags for a QDialog already leave those buttons out of the Motif hints, but some
window managers ignore them: openbox keeps minimize and maximize ("dont let mwm hints kill
any buttons", openbox/client.c) and takes maximize and the resize grips only from a window
of fixed size (its button may still be drawn beside minimize, but does nothing). So a small
dialog, whose contents have one right size, is also held at that size
(:class:`FitToContents`); a maximized preferences dialog was a full-screen grey page with
one line field at its top. Minimizing a dialog under openbox takes its main window along.
Dialogs that hold text a person reads or writes at length (the event editor, the source
dialog, the history) stay resizable.

Every dialog calls :func:`frame_as_dialog` once, in its constructor; tests check them all.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import QDialog

DIALOG_FLAGS = (
    Qt.WindowType.Dialog
    | Qt.WindowType.CustomizeWindowHint  # exactly these hints, none added by the platform
    | Qt.WindowType.WindowTitleHint
    | Qt.WindowType.WindowSystemMenuHint
    | Qt.WindowType.WindowCloseButtonHint
)


def frame_as_dialog(dialog: QDialog, *, resizable: bool = False) -> None:
    """Frame ``dialog`` as a dialog; unless ``resizable``, held at the size its contents ask
    for (and at least the minimum size it set itself)."""
    dialog.setWindowFlags(DIALOG_FLAGS)
    if not resizable:
        dialog.installEventFilter(FitToContents(dialog))


# Fitted when first shown (sent before the window is mapped, so the window manager sees a
# fixed size from the start) and whenever the contents ask for another size.
_FIT_ON = (QEvent.Type.Show, QEvent.Type.LayoutRequest)
_FLOOR = "minimumBeforeFit"  # the minimum size the dialog's own code gave it


class FitToContents(QObject):
    """Holds the dialog it watches at a fixed size, the one its layout asks for, following
    its contents when they change (a longer reason beside OK, say). Unlike the layout's own
    SetFixedSize constraint, it keeps the minimum width the dialog's code gave it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _FIT_ON and isinstance(watched, QDialog):
            fit_to_contents(watched)
        return False


def fit_to_contents(dialog: QDialog) -> None:
    """Fix ``dialog`` at the size its layout asks for, no smaller than its own minimum."""
    layout = dialog.layout()
    if layout is None:
        return
    floor = dialog.property(_FLOOR)
    if not isinstance(floor, QSize):
        floor = dialog.minimumSize()
        dialog.setProperty(_FLOOR, floor)
    width = max(floor.width(), layout.totalSizeHint().width())
    if layout.hasHeightForWidth():  # wrapped labels: as tall as they are at this width
        height = layout.totalHeightForWidth(width)
    else:
        height = layout.totalSizeHint().height()
    size = QSize(width, max(floor.height(), layout.totalMinimumSize().height(), height))
    if dialog.minimumSize() != size or dialog.maximumSize() != size:
        dialog.setFixedSize(size)
