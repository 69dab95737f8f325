"""Edit › Preferences…: the name the history records for every edit.

The name is stored in the settings (``AUTHOR``); the window reads it through
:meth:`Settings.author` whenever it opens or creates a timeline, so it applies to every
timeline opened or created afterwards. An empty name means the OS user.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktopapp.ui.dialog_frame import frame_as_dialog
from desktopapp.ui.settings import AUTHOR, Settings

MAX_AUTHOR = 200  # a name, not a text; the store keeps it in every history row


class PreferencesDialog(QDialog):
    """Edits the settings when accepted; Cancel leaves them as they were."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        frame_as_dialog(self)
        self.setWindowTitle(self.tr("Preferences"))
        self._settings = settings
        self.author = QLineEdit(str(settings.value(AUTHOR)).strip())
        self.author.setMaxLength(MAX_AUTHOR)
        self.author.setPlaceholderText(settings.default_author())
        hint = QLabel(
            self.tr(
                "Used for timelines opened or created from now on. Left empty, your user name "
                "on this computer is recorded."
            )
        )
        hint.setWordWrap(True)
        hint.setTextFormat(Qt.TextFormat.PlainText)
        form = QFormLayout()
        form.addRow(self.tr("Your &name (recorded in the history of every edit):"), self.author)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def accept(self) -> None:
        self._settings.set_value(AUTHOR, self.author.text().strip())
        self._settings.sync()
        super().accept()
