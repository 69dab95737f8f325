"""The event editor: title, summary, type, actors with roles, the date and its citation.

Use::

    dialog = EventEditorDialog(repository, parent)                        # a new event
    dialog = EventEditorDialog(repository, parent, selection=quote_input) # from a selection
    dialog = EventEditorDialog(repository, parent, event=event)           # edit an event
    if dialog.exec() == QDialog.DialogCode.Accepted:
        changes = dialog.result_commands().execute_with(document.execute)

``selection`` is a :class:`~desktopapp.db.commands.QuoteInput` (source key, start, end,
exact): it becomes the new event's first quote and can be its dating sentence too. A new
event without a selection is quoted from a passage pasted into the editor and verified
against its source (the store refuses an event with no quote).
:meth:`EventEditorDialog.result_commands` gives an :class:`EventEditorResult`: the types and
actors to create first (``AddType``, ``AddActor``), then an ``AddEvent``, or an ``EditEvent``
holding only the fields that changed (a changed date always with its citation, which the
store requires), and the optional "why" note for the history. ``execute_with`` runs them in
that order through any ``execute(command, note=...)`` and puts the keys the store gave the
new actors into the event's participants; i11-doc may group them as one undo step.

The date is typed in EDTF or in English or French words; a line under it says how it was read
(:func:`desktopapp.domain.date_input.read_date`). OK stays disabled, with the reason beside
it, while the title is empty, no type is chosen, the quote or the date's citation is not
found verbatim, the date is unreadable, or (editing) nothing changed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktopapp.db.commands import AddActor, AddEvent, AddType, Command, EditEvent, QuoteInput
from desktopapp.db.repository import EventRepository
from desktopapp.domain.model import Event, EventType
from desktopapp.domain.quotation import quoted
from desktopapp.ui.citation_editor import CitationEditor
from desktopapp.ui.dialog_frame import frame_as_dialog
from desktopapp.ui.edit_fields import (
    DateEntry,
    OkFooter,
    one_line,
    plain_label,
    slugified,
    text_box,
)
from desktopapp.ui.participants_editor import ParticipantsEditor, new_actor_key
from desktopapp.ui.source_passage import SourcePassage

TYPE_SEPARATOR = " › "


@dataclass(frozen=True)
class EventEditorResult:
    """What the editor asks for: create ``new_types`` and ``new_actors``, then ``command``
    (whose participants name new actors by placeholder until :meth:`command_with` fills in
    their keys). ``command`` is None when editing changed nothing."""

    command: AddEvent | EditEvent | None
    new_types: tuple[AddType, ...] = ()
    new_actors: tuple[AddActor, ...] = ()
    note: str = ""

    def command_with(self, actor_keys: Mapping[str, str]) -> AddEvent | EditEvent | None:
        """The command with each new actor's placeholder replaced by its created key
        (``actor_keys`` maps an ``AddActor.name`` to the key the store gave it)."""
        if self.command is None or self.command.participants is None:
            return self.command
        placeholders = {new_actor_key(name): key for name, key in actor_keys.items()}
        participants = tuple(
            (placeholders.get(k, k), role) for k, role in self.command.participants
        )
        return replace(self.command, participants=participants)

    def execute_with(self, execute: Callable[..., Any]) -> list[Any]:
        """Run everything through ``execute(command, note=...)`` (the store's or the
        document's), new types and actors first; returns their :class:`Change` objects."""
        changes: list[Any] = []
        prerequisites: list[Command] = [*self.new_types, *self.new_actors]
        actor_keys: dict[str, str] = {}
        for command in prerequisites:
            change = execute(command, note=self.note)
            changes.append(change)
            if isinstance(command, AddActor) and change.created_key:
                actor_keys[command.name] = change.created_key
        final = self.command_with(actor_keys)
        if final is not None:
            changes.append(execute(final, note=self.note))
        return changes


class NewTypeDialog(QDialog):
    """A type to add to the taxonomy: under a top-level type, or a new top-level one."""

    def __init__(self, types: tuple[EventType, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        frame_as_dialog(self)
        self.setWindowTitle("New event type")
        self._slugs = {t.slug for t in types}
        self.parent_box = QComboBox()
        self.parent_box.addItem("(none: a new top-level type)", "")
        for event_type in types:
            if event_type.parent_slug is None:
                self.parent_box.addItem(event_type.label, event_type.slug)
        self.label = QLineEdit()
        self.label.setPlaceholderText("Safety measure")
        self.slug_line = plain_label()
        self.footer = OkFooter("Add type")
        form = QFormLayout()
        form.addRow("&Under:", self.parent_box)
        form.addRow("&Label:", self.label)
        form.addRow("", self.slug_line)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.footer)
        self.footer.serve(self)
        self.label.textChanged.connect(self._update)
        self.parent_box.currentIndexChanged.connect(self._update)
        self.setMinimumWidth(440)
        self._update()

    def slug(self) -> str:
        own = slugified(self.label.text())
        parent = self.parent_box.currentData()
        return f"{parent}/{own}" if parent and own else own

    def command(self) -> AddType:
        return AddType(slug=self.slug(), label=self.label.text().strip())

    def problem(self) -> str:
        if not slugified(self.label.text()):
            return "give the type a label (letters or digits)"
        if self.slug() in self._slugs:
            return f"the type {self.slug()} exists already"
        return ""

    def _update(self) -> None:
        slug = self.slug()
        self.slug_line.setText(f"Its slug: {slug}" if slug else "")
        self.footer.set_problem(self.problem())


class EventEditorDialog(QDialog):
    """Create or edit one event; see the module docstring."""

    def __init__(
        self,
        repository: EventRepository,
        parent: QWidget | None = None,
        *,
        event: Event | None = None,
        selection: QuoteInput | None = None,
        based_on: int | None = None,
    ) -> None:
        """``based_on``: the version of ``event`` it was read at (db/versions.py); the edit
        is refused if another change came after it."""
        super().__init__(parent)
        self.based_on = based_on
        frame_as_dialog(self, resizable=True)  # a long form: wider fields help long text
        self._repository = repository
        # Its own words, whatever the reader's language: a translation is not edited over them.
        self._event = event = event.as_written() if event is not None else None
        self._selection = selection if event is None else None
        self._new_types: list[AddType] = []
        self.setWindowTitle(f"Edit event: {one_line(event.title)}" if event else "New event")
        self._build()
        if event is not None:
            self._show_event(event)
        elif self._selection is not None:
            selection = self._selection
            self.citation.offer_quote(lambda: selection, source_key=selection.source_key)
        elif self.quote_passage is not None:
            self.citation.offer_quote(self.quote_passage.quote)
        self._initial = self._fields()
        self._connect()
        self._update()
        self.title_edit.setFocus()

    @property
    def event_title(self) -> str:
        """The title of the event as it was when the editor opened ("" for a new one)."""
        return self._event.title if self._event is not None else ""

    # -- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("Apple halts all exports to Russia")
        self.summary = text_box(lines=3)
        self.type_box = QComboBox()
        self._fill_types()
        self.new_type_button = QPushButton("New &type…")
        self.new_type_button.setAutoDefault(False)
        self.new_type_button.clicked.connect(self.add_type)
        type_row = QHBoxLayout()
        type_row.addWidget(self.type_box, 1)
        type_row.addWidget(self.new_type_button)
        self.participants = ParticipantsEditor(self._repository)
        # A new event is quoted from a source (the store refuses one without a quote): the
        # selection it was made from, or a passage pasted here and verified. Made before the
        # date so that Tab reaches it in the order it is shown.
        self.quote_passage: SourcePassage | None = None
        if self._selection is None and self._event is None:
            self.quote_passage = SourcePassage(
                self._repository, what="passage this event is from", text_label="Passa&ge:"
            )
        self.date = DateEntry()
        self.citation = CitationEditor(self._repository)
        self.note = QLineEdit()
        self.note.setPlaceholderText("Optional: why, for the history (“corrected from SAP's page”)")
        self.footer = OkFooter("Save event" if self._event else "Add event")
        form = QFormLayout()
        if self._selection is not None:
            form.addRow("Quote:", self._selection_view(self._selection))
        form.addRow("T&itle:", self.title_edit)
        form.addRow("Su&mmary:", self.summary)
        type_label = QLabel("T&ype:")
        type_label.setBuddy(self.type_box)
        form.addRow(type_label, type_row)
        form.addRow("&Actors:", self.participants)
        if self.quote_passage is not None:
            quote_box = QGroupBox("The passage the event is quoted from")
            QVBoxLayout(quote_box).addWidget(self.quote_passage)
            form.addRow(quote_box)
        form.addRow("&Date:", self.date)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.citation)
        note_form = QFormLayout()
        note_form.addRow("&Why:", self.note)
        layout.addLayout(note_form)
        layout.addWidget(self.footer)
        self.footer.serve(self)
        self.setMinimumWidth(720)

    def _connect(self) -> None:
        """Follow every field, once they hold what the dialog opened with."""
        self.title_edit.textChanged.connect(self._update)
        self.summary.textChanged.connect(self._update)
        self.type_box.currentIndexChanged.connect(self._update)
        self.participants.changed.connect(self._update)
        self.date.changed.connect(self._update)
        self.citation.changed.connect(self._update)
        if self.quote_passage is not None:
            self.quote_passage.changed.connect(self._update)

    def _selection_view(self, selection: QuoteInput) -> QWidget:
        titles = {s.key: s.title for s in self._repository.sources}
        box = text_box(lines=2, read_only=True)
        box.setPlainText(selection.exact)
        where = plain_label(
            f"from {quoted(one_line(titles.get(selection.source_key, selection.source_key), 60))}"
            f", characters {selection.start}–{selection.end}",
            dim=True,
        )
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(box)
        column.addWidget(where)
        return holder

    def _fill_types(self) -> None:
        labels = {t.slug: t.label for t in self._repository.event_types}
        labels.update({t.slug: t.label for t in self._new_types})
        current = self.type_box.currentData()
        self.type_box.clear()
        for slug in sorted(labels):
            parent = slug.rsplit("/", 1)[0] if "/" in slug else None
            shown = (
                labels[slug]
                if parent is None
                else labels.get(parent, parent) + TYPE_SEPARATOR + labels[slug]
            )
            new = any(t.slug == slug for t in self._new_types)
            self.type_box.addItem(shown + (" (new)" if new else ""), slug)
        # No type is chosen for the person: a default would be saved unnoticed.
        self.type_box.setCurrentIndex(-1)
        self.type_box.setPlaceholderText("Choose the event's type")
        if current is not None:
            self.select_type(current)

    def select_type(self, slug: str) -> None:
        index = self.type_box.findData(slug)
        if index >= 0:
            self.type_box.setCurrentIndex(index)

    def add_type(self) -> None:
        """Ask for a new type; it is created when the event is saved."""
        types = (
            *self._repository.event_types,
            *(EventType(-1, t.slug, t.label) for t in self._new_types),
        )
        dialog = NewTypeDialog(types, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            command = dialog.command()
            self._new_types.append(command)
            self._fill_types()
            self.select_type(command.slug)

    def _show_event(self, event: Event) -> None:
        self.title_edit.setText(event.title)
        self.summary.setPlainText(event.summary)
        self.select_type(event.type.slug)
        self.participants.show_stored(event.participants)
        self.date.setText(event.date.edtf())
        self.citation.show_stored(event.citation, [q.source_key for q in event.quotes])

    # -- state ------------------------------------------------------------------------------

    def _fields(self) -> dict[str, Any]:
        return {
            "title": self.title_edit.text().strip(),
            "summary": self.summary.toPlainText().strip(),
            "type_slug": self.type_box.currentData(),
            "date_edtf": self.date.edtf(),
            "citation": self.citation.citation(),
            "participants": self.participants.participants(),
        }

    def _changed_fields(self) -> dict[str, Any]:
        now = self._fields()
        return {name: value for name, value in now.items() if value != self._initial[name]}

    def problem(self) -> str:
        """Why the event cannot be saved yet ("" when it can)."""
        if not self.title_edit.text().strip():
            return "give the event a title"
        if self.type_box.currentData() is None:
            return "choose a type (or add one)"
        if self.quote_passage is not None and self.quote_passage.quote() is None:
            return f"quote the event: {self.quote_passage.problem()}"
        if self.date.problem():
            return self.date.problem()
        if self.citation.citation() is None and not self._citation_kept():
            return f"cite the date: {self.citation.problem()}"
        if self._event is not None and not self._changed_fields() and not self._new_types:
            return "nothing changed yet"
        return ""

    def _citation_kept(self) -> bool:
        """Editing, a stored citation left as it was still cites the date it was given for
        (even one the editor cannot rebuild, such as an ambiguous sentence of an older
        file). A changed date needs a citation that the editor can give with it."""
        changed = self._changed_fields()
        return self._event is not None and not {"citation", "date_edtf"} & changed.keys()

    def _update(self) -> None:
        self.footer.set_problem(self.problem())

    def accept(self) -> None:
        if not self.problem():  # Enter in a field presses OK even when it is disabled
            super().accept()

    # -- the result -------------------------------------------------------------------------

    def result_commands(self) -> EventEditorResult:
        """The commands for what was filled in (call after the dialog was accepted)."""
        note = self.note.text().strip()
        new_actors = self.participants.new_actors()
        used_types = tuple(t for t in self._new_types if t.slug == self.type_box.currentData())
        if self.problem():
            raise ValueError(f"the event cannot be saved yet: {self.problem()}")
        fields = self._fields()
        if self._event is None:
            citation = fields["citation"]
            assert citation is not None
            quote = self._selection or (self.quote_passage and self.quote_passage.quote())
            quotes = (quote,) if quote else ()
            command: AddEvent | EditEvent | None = AddEvent(
                title=fields["title"],
                type_slug=fields["type_slug"],
                date_edtf=fields["date_edtf"],
                citation=citation,
                participants=fields["participants"],
                quotes=quotes,
                summary=fields["summary"],
            )
        else:
            changed = self._changed_fields()
            if "date_edtf" in changed:  # the store takes a new date only with its citation
                changed["citation"] = fields["citation"]
            command = (
                EditEvent(self._event.key, **changed, based_on=self.based_on) if changed else None
            )
        return EventEditorResult(command, used_types, new_actors, note)
