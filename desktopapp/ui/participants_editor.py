"""The actors of an event and their roles, picked from the timeline's actors or created.

An actor is typed into a field that completes names and aliases; **Add** (or Enter) puts it in
the list with the role chosen beside it. A name that is no actor yet opens
:class:`NewActorDialog` (kind, aliases), whose :class:`~desktopapp.db.commands.AddActor` is
kept until the event is saved: its key is only known once the store has created it, so a new
actor appears in the participants under a placeholder key (:func:`new_actor_key`).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktopapp.db.commands import AddActor
from desktopapp.db.repository import EventRepository
from desktopapp.domain.filter import FilterError
from desktopapp.domain.model import ActorKind, Participant, Role
from desktopapp.domain.naming import clash_message, taken_by
from desktopapp.ui.dialog_frame import frame_as_dialog
from desktopapp.ui.edit_fields import OkFooter, plain_label

NEW_ACTOR_PREFIX = "new-actor:"
# What an actor is and what it does in an event, in the reader's words (the values are data).
KIND_WORDS = {
    ActorKind.COMPANY: str(QT_TRANSLATE_NOOP("NewActorDialog", "company")),
    ActorKind.GOVERNMENT: str(QT_TRANSLATE_NOOP("NewActorDialog", "government")),
    ActorKind.INTERNATIONAL_BODY: str(QT_TRANSLATE_NOOP("NewActorDialog", "international body")),
    ActorKind.MEDIA: str(QT_TRANSLATE_NOOP("NewActorDialog", "media")),
    ActorKind.MARKET: str(QT_TRANSLATE_NOOP("NewActorDialog", "market")),
    ActorKind.PERSON: str(QT_TRANSLATE_NOOP("NewActorDialog", "person")),
    ActorKind.GROUP: str(QT_TRANSLATE_NOOP("NewActorDialog", "group")),
}
ROLE_WORDS = {
    Role.ACTING: str(QT_TRANSLATE_NOOP("ParticipantsEditor", "acting")),
    Role.AFFECTED: str(QT_TRANSLATE_NOOP("ParticipantsEditor", "affected")),
}


def role_word(role: Role) -> str:
    return QCoreApplication.translate("ParticipantsEditor", ROLE_WORDS[role])


def new_actor_key(name: str) -> str:
    """The placeholder key a new actor has in the participants until it is created."""
    return NEW_ACTOR_PREFIX + name


@dataclass(frozen=True)
class Participation:
    key: str  # the actor's key, or new_actor_key(name) for an actor still to create
    name: str
    role: Role


class NewActorDialog(QDialog):
    """Name, kind and aliases of an actor to create."""

    def __init__(
        self, repository: EventRepository, name: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        frame_as_dialog(self)
        self.setWindowTitle(self.tr("New actor"))
        self._repository = repository
        self.name = QLineEdit(name)
        self.kind = QComboBox()
        for kind in ActorKind:
            shown = KIND_WORDS.get(kind, kind.value.replace("-", " "))
            self.kind.addItem(QCoreApplication.translate("NewActorDialog", shown), kind.value)
        self.aliases = QLineEdit()
        self.aliases.setPlaceholderText(
            self.tr("Other names, separated by commas: GM, General Motors Co")
        )
        self.footer = OkFooter(self.tr("Add actor"))
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("&Aliases:"), self.aliases)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.footer)
        self.footer.serve(self)
        self.name.textChanged.connect(self._update)
        self.aliases.textChanged.connect(self._update)
        self.setMinimumWidth(460)
        self._update()

    def command(self) -> AddActor:
        aliases = tuple(a.strip() for a in self.aliases.text().split(",") if a.strip())
        return AddActor(
            name=self.name.text().strip(), kind=self.kind.currentData(), aliases=aliases
        )

    def problem(self) -> str:
        name = self.name.text().strip()
        if not name:
            return self.tr("give the actor a name")
        return self.naming_problem(except_key=None)

    def naming_problem(self, except_key: str | None) -> str:
        """Why a name or an alias typed here is taken by another actor, or ""."""
        command = self.command()
        actors = self._repository.actors
        candidates = [(command.name, False), *((alias, True) for alias in command.aliases)]
        for candidate, as_alias in candidates:
            others = taken_by(candidate, as_alias=as_alias, actors=actors, except_key=except_key)
            if others:
                clash = clash_message(candidate, others)  # the naming layer's words
                if except_key is None and not as_alias:
                    return self.tr("{clash}: pick that actor instead").format(clash=clash)
                return clash
        return ""

    def _update(self) -> None:
        self.footer.set_problem(self.problem())


class ActorField(QLineEdit):
    """A line edit whose Enter adds the typed actor instead of accepting the dialog."""

    entered = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.text().strip():
            self.entered.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class ParticipantsEditor(QWidget):
    """The list of (actor, role) of an event, with a field to add one and a button to remove."""

    changed = Signal()

    def __init__(self, repository: EventRepository, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._repository = repository
        self._new_actors: dict[str, AddActor] = {}
        self.actor_field = ActorField()
        self.actor_field.setPlaceholderText(self.tr("Type an actor's name or alias, then Enter"))
        names = sorted({n for a in repository.actors for n in (a.name, *a.aliases)}, key=str.lower)
        completer = QCompleter(names, self.actor_field)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.actor_field.setCompleter(completer)
        self.role_box = QComboBox()
        for role in (Role.ACTING, Role.AFFECTED):
            self.role_box.addItem(role_word(role), role.value)
        self.add_button = QPushButton(self.tr("A&dd"))
        self.add_button.setAutoDefault(False)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Actors of the event (Delete removes one)"))
        self.list.setMaximumHeight(self.list.fontMetrics().lineSpacing() * 5 + 8)
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.remove_button.setAutoDefault(False)
        self.status = plain_label()
        self.status.setObjectName("participantStatus")
        self.status.setVisible(False)
        row = QHBoxLayout()
        row.addWidget(self.actor_field, 1)
        row.addWidget(self.role_box)
        row.addWidget(self.add_button)
        below = QHBoxLayout()
        below.addWidget(self.list, 1)
        below.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addLayout(below)
        layout.addWidget(self.status)
        self.actor_field.entered.connect(self.add_typed)
        self.add_button.clicked.connect(self.add_typed)
        self.remove_button.clicked.connect(self.remove_current)
        remove_key = QShortcut(QKeySequence.StandardKey.Delete, self.list)
        remove_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove_key.activated.connect(self.remove_current)

    # -- reading ----------------------------------------------------------------------------

    def participations(self) -> tuple[Participation, ...]:
        return tuple(
            self.list.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.list.count())
        )

    def participants(self) -> tuple[tuple[str, str], ...]:
        """(actor key, role) pairs, as the commands take them; new actors by placeholder."""
        return tuple((p.key, p.role.value) for p in self.participations())

    def new_actors(self) -> tuple[AddActor, ...]:
        """The actors to create first: those still in the list."""
        keys = {p.key for p in self.participations()}
        return tuple(a for name, a in self._new_actors.items() if new_actor_key(name) in keys)

    # -- editing ----------------------------------------------------------------------------

    def show_stored(self, participants: tuple[Participant, ...]) -> None:
        for participant in participants:
            self._put(
                Participation(participant.actor.key, participant.actor.name, participant.role)
            )

    def add_typed(self) -> None:
        """Add the typed actor with the chosen role, or offer to create it."""
        name = self.actor_field.text().strip()
        if not name:
            self._say(self.tr("Type an actor's name first"))
            return
        role = Role(self.role_box.currentData())
        participation = self._existing(name, role)
        if participation is None:
            participation = self._created(name, role)
        if participation is not None:
            self._put(participation)
            self.actor_field.clear()
            self._say("")

    def _existing(self, name: str, role: Role) -> Participation | None:
        for pending in self._new_actors.values():
            if name.casefold() in (n.casefold() for n in (pending.name, *pending.aliases)):
                return Participation(new_actor_key(pending.name), pending.name, role)
        try:
            actor = self._repository.resolve_actor(name)
        except FilterError:
            return None
        return Participation(actor.key, actor.name, role)

    def _created(self, name: str, role: Role) -> Participation | None:
        try:
            self._repository.resolve_actor(name)
        except FilterError as error:
            # An alias several actors share: say which (told by the actors, not the words
            # of the message, which are in the reader's language).
            if len(taken_by(name, as_alias=False, actors=self._repository.actors)) > 1:
                self._say(f"⚠ {error}")
                return None
        dialog = NewActorDialog(self._repository, name, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        self.actor_field.setFocus()  # on to the next actor
        if not accepted:
            return None
        command = dialog.command()
        self._new_actors[command.name] = command
        return Participation(new_actor_key(command.name), command.name, role)

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _put(self, participation: Participation) -> None:
        """Add an actor, or change its role if it is already in the list."""
        new = participation.key.startswith(NEW_ACTOR_PREFIX)
        role = role_word(participation.role)
        text = (
            self.tr("{name} — {role} (new actor)") if new else self.tr("{name} — {role}")
        ).format(name=participation.name, role=role)
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole).key == participation.key:
                break
        else:
            item = QListWidgetItem()
            self.list.addItem(item)
        item.setText(text)
        item.setData(Qt.ItemDataRole.UserRole, participation)
        self.list.setCurrentItem(item)
        self.changed.emit()

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self.changed.emit()
