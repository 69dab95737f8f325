"""The question the window asks before upgrading a timeline of an older schema, and the
upgrade itself: asked when File › Open meets such a file, and at start-up for ``--db`` (a
double-clicked old file would otherwise only be told to use the command line)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktopapp.db.errors import without_upgrade_hint
from desktopapp.db.locations import shown_location
from desktopapp.document import file_of
from desktopapp.ingest.upgrade import upgrade_location


def upgrade_if_asked(parent: QWidget | None, location: str | Path, reason: str) -> str | None:
    """Ask; if the person agrees, upgrade (raising UpgradeError, with the database left as
    it was, when that fails). Returns what to tell them afterwards, or None if they declined."""
    box = QMessageBox(parent)
    box.setWindowTitle("Upgrade the database?")
    box.setIcon(QMessageBox.Icon.Question)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText("This database was written by an older version of the app.")
    file = file_of(location)
    if file is not None:
        safety = (
            "A copy of the file as it is will be kept next to it (…schemaN.bak) before "
            "anything is changed."
        )
    else:
        safety = (
            "The upgrade runs in one transaction on the server: all of it, or nothing if "
            "anything fails. Other editors should close this timeline first."
        )
    reason = without_upgrade_hint(reason)  # the box is the way to upgrade
    box.setInformativeText(f"{reason}.\n\nUpgrade it now? {safety}")
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Yes)
    if box.exec() != QMessageBox.StandardButton.Yes:
        return None
    # The backup copy of a large file takes seconds (1.5 GB at a million events).
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        backup = upgrade_location(location)
    finally:
        QApplication.restoreOverrideCursor()
    kept = f"; the old file is kept as {backup.name}" if backup is not None else ""
    return f"Upgraded {file.name if file else shown_location(location)}{kept}"
