"""Pieces shared by the editing dialogs: a date field that says how it was read, a web
address field that says whether it can be linked, and the OK button that says why it waits.

Everything typed or read from the file is shown as plain text (``Qt.TextFormat.PlainText``):
a title like ``<b>x</b>`` is a title, not markup.
"""

from __future__ import annotations

import re
import unicodedata

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktopapp.domain.date_input import DateReading, read_date
from desktopapp.domain.dates import DateError
from desktopapp.domain.l10n import quoted
from desktopapp.domain.links import link_target

# Dates as the reader's language writes them (the field reads English and French either way).
# str(): PySide6's stubs type QT_TRANSLATE_NOOP as returning object; lupdate finds it inside.
DATE_EXAMPLES = str(
    QT_TRANSLATE_NOOP(
        "DateEntry",
        "1 March 2022, 1er mars 2022, 1 March 2022 09:30, mars 2022, "
        "between 21 and 27 February 2022",
    )
)
WARNING = "⚠ "


def plain_label(text: str = "", *, wrap: bool = True, dim: bool = False) -> QLabel:
    """A label that shows its text literally, never as markup."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if dim:
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def text_box(*, lines: int = 3, read_only: bool = False) -> QPlainTextEdit:
    """A multi-line plain-text box in which Tab moves on instead of typing a tab."""
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setReadOnly(read_only)
    height = box.fontMetrics().lineSpacing() * lines + 2 * box.frameWidth() + 12
    box.setFixedHeight(height)
    return box


def slugified(text: str) -> str:
    """``Safety measure`` -> ``safety-measure``: lower-case ASCII words joined by hyphens."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def one_line(text: str, limit: int = 60) -> str:
    """``text`` on one line, cut to ``limit`` characters, for quoting it in a message."""
    shown = " ".join(text.split())
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def reading_line(reading: DateReading) -> str:
    """How a date was understood: its words, its precision, its EDTF. The words state the
    precision of a day, a month, a year ("1 March 2022 (a day)", in the reader's language:
    domain/date_input.py); an interval's is said here."""
    words = reading.words
    if reading.precision == "interval":
        words = QCoreApplication.translate("DateEntry", "{date} — an interval").format(date=words)
    return f"{words}  ·  EDTF {reading.edtf}"


def date_examples() -> str:
    """Examples of dates the field reads, in the reader's language."""
    return QCoreApplication.translate("DateEntry", DATE_EXAMPLES)


class DateEntry(QWidget):
    """A date typed in EDTF or in English or French words, with a live line under it saying
    how it was understood (or that it was not). ``required`` says whether empty is a problem.
    """

    changed = Signal()

    def __init__(self, *, required: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._required = required
        self._reading: DateReading | None = None
        self._problem = ""
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(date_examples())
        self.edit.setToolTip(
            self.tr(
                "EDTF (2022-03-01, 2022-03-01T09:30, 2022-03, 2022-02-21/2022-02-27) or words: "
                "{examples}"
            ).format(examples=date_examples())
        )
        self.line = plain_label()
        self.line.setObjectName("dateReading")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.line)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self._read)
        self._read("")

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:
        self.edit.setText(text)

    def reading(self) -> DateReading | None:
        """The date as read, or None when the field is empty or unreadable."""
        return self._reading

    def edtf(self) -> str:
        """The date in EDTF, or "" when there is none."""
        return self._reading.edtf if self._reading else ""

    def problem(self) -> str:
        """Why the field holds no usable date ("" when it does, or is empty and optional)."""
        return self._problem

    def _read(self, text: str) -> None:
        self._reading = None
        if not text.strip():
            self._problem = self.tr("type the date") if self._required else ""
            self.line.setText(
                self.tr("Type a date: {examples}").format(examples=date_examples())
                if self._required
                else self.tr("No date")
            )
        else:
            try:
                self._reading = read_date(text)
            except (DateError, ValueError) as error:
                self._problem = self.tr("{text} is not a date I can read").format(
                    text=quoted(one_line(text, 40))
                )
                detail = str(error)  # read_date's own reason: "a day needs its month"
                if not detail or "not a date I can read" in detail:
                    detail = self.tr("try {examples}").format(examples=date_examples())
                self.line.setText(
                    WARNING + self.tr("not a date I can read: {reason}").format(reason=detail)
                )
            else:
                self._problem = ""
                self.line.setText(reading_line(self._reading))
        self.edit.setAccessibleDescription(self.line.text())  # read out with the field
        self.changed.emit()


def url_problem(url: str, *, required: bool) -> str:
    """Why ``url`` cannot be stored as a link ("" when it can, or is empty and optional)."""
    if not url.strip():
        return (
            QCoreApplication.translate("EditFields", "give the report's web address")
            if required
            else ""
        )
    if link_target(url) is None:
        return QCoreApplication.translate(
            "EditFields", "{address} is not a web address I can link to (http or https only)"
        ).format(address=quoted(one_line(url, 40)))
    return ""


class OkFooter(QWidget):
    """The dialog's OK and Cancel buttons, with the reason OK is disabled said beside them."""

    def __init__(self, ok_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reason = plain_label()
        self.reason.setObjectName("okReason")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button.setText(ok_text)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.reason, 1)
        layout.addWidget(self.buttons)

    @property
    def ok_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None
        return button

    def serve(self, dialog: QDialog) -> None:
        """Make OK and Cancel accept and reject ``dialog``; OK is its default button, so Enter
        presses it even after Tab has visited Cancel."""
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(dialog.accept)
        self.buttons.rejected.connect(dialog.reject)

    def set_problem(self, problem: str) -> None:
        """Enable OK when there is no problem; otherwise disable it and say why."""
        self.ok_button.setEnabled(not problem)
        text = f"{WARNING}{problem[:1].upper()}{problem[1:]}" if problem else ""
        self.reason.setText(text)
        self.ok_button.setToolTip(text)
