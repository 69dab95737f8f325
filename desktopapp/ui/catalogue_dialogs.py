"""Edit actor… and Edit type…: an existing actor's name, kind and aliases, a type's label.

The actor dialog is the event editor's :class:`NewActorDialog` filled in with the actor, so
the two say the same things about a name already taken; a name is only refused when it
names *another* actor. Both give the store's command holding only what changed.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QDialog, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from desktopapp.db.commands import EditActor, EditType
from desktopapp.db.repository import EventRepository
from desktopapp.domain.model import Actor, EventType
from desktopapp.ui.dialog_frame import frame_as_dialog
from desktopapp.ui.edit_fields import OkFooter
from desktopapp.ui.participants_editor import NewActorDialog


class EditActorDialog(NewActorDialog):
    """An actor's name, kind and aliases; OK waits for a change that names no other actor."""

    def __init__(
        self, repository: EventRepository, actor: Actor, parent: QWidget | None = None
    ) -> None:
        # Its own name and aliases, whatever the reader's language (names by language stay).
        actor = replace(actor, name=actor.own_name, aliases=actor.own_aliases or ())
        self._actor = actor  # read by problem(), which the base class calls while building
        super().__init__(repository, actor.name, parent)
        self.setWindowTitle("Edit actor")
        self.footer.ok_button.setText("Save actor")
        if actor.kind is not None:
            self.kind.setCurrentIndex(self.kind.findData(actor.kind.value))
        self.aliases.setText(", ".join(actor.aliases))
        self.kind.currentIndexChanged.connect(self._update)
        self._update()

    def edit_command(self) -> EditActor | None:
        """The change, or None while nothing changed."""
        wanted = super().command()
        actor = self._actor
        old_kind = actor.kind.value if actor.kind is not None else None
        command = EditActor(
            actor.key,
            name=wanted.name if wanted.name != actor.name else None,
            kind=wanted.kind if wanted.kind != old_kind else None,
            aliases=wanted.aliases if wanted.aliases != actor.aliases else None,
        )
        return None if command == EditActor(actor.key) else command

    def problem(self) -> str:
        wanted = super().command()
        if not wanted.name:
            return "give the actor a name"
        taken = self.naming_problem(except_key=self._actor.key)
        if taken:
            return taken
        return "" if self.edit_command() is not None else "nothing changed yet"

    def accept(self) -> None:
        if not self.problem():  # Enter in a field presses OK even when it is disabled
            super().accept()


class EditTypeDialog(QDialog):
    """A type's label (its slug is its key and stays)."""

    def __init__(self, event_type: EventType, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        frame_as_dialog(self)
        self.setWindowTitle("Edit type")
        self._type = event_type
        self.label = QLineEdit(event_type.label)
        self.footer = OkFooter("Save type")
        form = QFormLayout()
        form.addRow("&Label:", self.label)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.footer)
        self.footer.serve(self)
        self.label.textChanged.connect(self._update)
        self.setMinimumWidth(420)
        self._update()

    def problem(self) -> str:
        label = self.label.text().strip()
        if not label:
            return "give the type a label"
        return "" if label != self._type.label else "nothing changed yet"

    def command(self) -> EditType:
        return EditType(self._type.slug, self.label.text().strip())

    def _update(self) -> None:
        self.footer.set_problem(self.problem())

    def accept(self) -> None:
        if not self.problem():  # Enter in the field presses OK even when it is disabled
            super().accept()
