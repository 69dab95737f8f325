"""Two people changed the same event: the second one is told who changed what, when, and
chooses. "Keep mine" saves their own edit over the other's (the store runs it again, based on
the new version, and the history says it was kept over that change); "Take theirs" discards
their edit and shows the other's. Nothing is overwritten without this choice.

Every value shown comes from the database: plain text only, never markup.
"""

from __future__ import annotations

import json
from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktopapp.db.versions import EditConflict
from desktopapp.domain.l10n import quoted
from desktopapp.ui.dialog_frame import frame_as_dialog

_VALUE_LIMIT = 70
# An edit's fields, as the prompt names them (the history's names: db/edits.py).
_FIELDS = (
    ("title", str(QT_TRANSLATE_NOOP("EditConflictDialog", "title"))),
    ("summary", str(QT_TRANSLATE_NOOP("EditConflictDialog", "summary"))),
    ("type_slug", str(QT_TRANSLATE_NOOP("EditConflictDialog", "type"))),
    ("date_edtf", str(QT_TRANSLATE_NOOP("EditConflictDialog", "date"))),
    ("citation", str(QT_TRANSLATE_NOOP("EditConflictDialog", "date citation"))),
    ("participants", str(QT_TRANSLATE_NOOP("EditConflictDialog", "actors"))),
    ("outlet", str(QT_TRANSLATE_NOOP("EditConflictDialog", "outlet"))),
    ("url", str(QT_TRANSLATE_NOOP("EditConflictDialog", "url"))),
    ("language", str(QT_TRANSLATE_NOOP("EditConflictDialog", "language"))),
    ("published_edtf", str(QT_TRANSLATE_NOOP("EditConflictDialog", "published"))),
    ("author", str(QT_TRANSLATE_NOOP("EditConflictDialog", "author"))),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("EditConflictDialog", text)


def field_label(name: str) -> str:
    """A field as the prompt names it; a name it does not know, as the history has it."""
    labels = dict(_FIELDS)
    return _tr(labels[name]) if name in labels else name


class Choice(Enum):
    KEEP_MINE = "keep mine"
    TAKE_THEIRS = "take theirs"


def describe_theirs(conflict: EditConflict) -> str:
    """Each change since the editor's version: who, when, and each field's old → new."""
    lines: list[str] = []
    last = None
    for entry in conflict.theirs:
        if entry.change != last:
            said = QCoreApplication.translate("EditConflictDialog", "{who}, {when}: {change}")
            lines.append(said.format(who=entry.author, when=_when(entry.when), change=entry.text))
            last = entry.change
        if entry.field == "*":
            done = (
                QCoreApplication.translate("EditConflictDialog", "deleted it")
                if entry.new is None
                else QCoreApplication.translate("EditConflictDialog", "added it")
            )
            lines.append(f"    {done}")
        else:
            change = QCoreApplication.translate("EditConflictDialog", "{field}: {old} → {new}")
            lines.append(
                "    "
                + change.format(
                    field=field_label(entry.field), old=_value(entry.old), new=_value(entry.new)
                )
            )
    return "\n".join(lines)


def describe_mine(command: object) -> str:
    """The fields an edit command changes, with the new text of those that are text."""
    parts = []
    for name, label in _FIELDS:
        value = getattr(command, name, None)
        if value is None:
            continue
        shown = _tr(label)
        parts.append(f"{shown} → {_value(value)}" if isinstance(value, str) else shown)
    separator = QCoreApplication.translate("EditConflictDialog", "; ")  # French: " ; "
    return separator.join(parts) or QCoreApplication.translate("EditConflictDialog", "nothing")


def kept_note(note: str, conflict: EditConflict) -> str:
    """The history's note of an edit kept over another's change: it says over which."""
    who = ", ".join(conflict.authors) or QCoreApplication.translate(
        "EditConflictDialog", "another editor"
    )
    kept = QCoreApplication.translate(
        "EditConflictDialog", "Kept over the change by {who} (change {change})"
    ).format(who=who, change=conflict.current)
    return f"{note} ({kept})" if note else kept


class EditConflictDialog(QDialog):
    """Keep mine or take theirs, with who changed what and when."""

    def __init__(
        self, conflict: EditConflict, title: str, mine: object, parent: QWidget | None
    ) -> None:
        """``title`` names the event as the person opened it; ``mine`` is their edit."""
        super().__init__(parent)
        frame_as_dialog(self)
        self.setWindowTitle(self.tr("Changed by someone else"))
        self.choice = Choice.TAKE_THEIRS
        who = self.tr(" and ").join(conflict.authors) or self.tr("Someone")
        layout = QVBoxLayout(self)
        self.headline = _plain(
            self.tr(
                "{who} changed {event} while you were editing it. Your change is not saved yet."
            ).format(who=who, event=quoted(title or conflict.key))
        )
        self.headline.setWordWrap(True)
        self.headline.setStyleSheet("font-weight: bold")
        layout.addWidget(self.headline)
        self.theirs = _plain(describe_theirs(conflict))
        self.theirs.setObjectName("theirChanges")
        self.theirs.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.theirs)
        self.mine = _plain(
            self.tr("Your change: {change}.").format(change=describe_mine(mine))
            + "\n\n"
            + self.tr("Keep mine: save your changes over theirs (the history says so).")
            + "\n"
            + self.tr("Take theirs: discard your changes and show the event as they left it.")
        )
        self.mine.setWordWrap(True)
        layout.addWidget(self.mine)
        buttons = QDialogButtonBox(self)
        self.take_theirs = buttons.addButton(
            self.tr("&Take theirs"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.keep_mine = buttons.addButton(
            self.tr("&Keep mine"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.take_theirs.setDefault(True)  # Enter or Escape: nothing is overwritten
        self.keep_mine.setAutoDefault(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.take_theirs.setFocus()

    def accept(self) -> None:
        self.choice = Choice.KEEP_MINE
        super().accept()

    def reject(self) -> None:
        self.choice = Choice.TAKE_THEIRS
        super().reject()


def _plain(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _when(at: str) -> str:
    """ISO 8601 UTC as a person reads it: day and time to the second, in UTC."""
    day, _, time = at.partition("T")
    return f"{day} {time[:8]} UTC" if time else at


def _value(value: object) -> str:
    if value is None or value == "":
        return QCoreApplication.translate("EditConflictDialog", "(none)")
    shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    shown = " ".join(shown.split())
    return quoted(shown if len(shown) <= _VALUE_LIMIT else f"{shown[: _VALUE_LIMIT - 1]}…")
