"""Say what a deletion would take with it, and ask first.

Use::

    citing = store.source_dependents(source_key)[1]   # events whose date the source cites
    question = source_deletion(repository, source_key, citing=citing)
    if confirm_deletion(parent, question):             # False, said why, when blocked
        for command in question.commands:              # in this order, as one undo step
            document.execute(command)

``event_deletion(event)`` and ``quote_deletion(event, quote)`` ask the same way. The store
refuses to delete a source that is still quoted or cited, so a source's question holds a
``DeleteQuote`` for each of its quotes, then the ``DeleteSource``; a source that cites an
event's date is not deleted at all (``blocked`` says which events to cite otherwise first).
The question names what goes: "Deleting the source “Le Monde, 1 March” removes 3 quotes from
2 events: …", and which events are then left with no quote. Every text is plain
(``Qt.TextFormat.PlainText``): titles come from the file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from desktopapp.db.commands import (
    DeleteActor,
    DeleteEvent,
    DeleteQuote,
    DeleteSource,
    DeleteType,
)
from desktopapp.db.repository import EventRepository
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.model import Actor, Event, EventType, Quote
from desktopapp.ui.edit_fields import one_line

LISTED_TITLES = 5  # more titles than this are summed up as "and N more"
UNDO_LINE = "You can undo this with Edit › Undo."
Deletion = DeleteSource | DeleteEvent | DeleteQuote | DeleteActor | DeleteType


@dataclass(frozen=True)
class DeletionQuestion:
    """What to ask before running ``commands`` (in order), or why it cannot be done."""

    commands: Sequence[Deletion]
    text: str  # the question, one sentence
    details: str  # what goes with it, and that it can be undone
    button: str  # the text of the button that deletes
    blocked: str = ""  # why nothing can be deleted now ("" when it can)

    @property
    def command(self) -> Deletion:
        """The deletion asked for (the last command; the others clear the way for it)."""
        return self.commands[-1]


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def titles(events: list[Event]) -> str:
    """'“A”, “B” and 3 more'."""
    shown = [f"“{one_line(e.title, 70)}”" for e in events[:LISTED_TITLES]]
    more = len(events) - len(shown)
    return ", ".join(shown) + (f" and {more} more" if more else "")


def source_deletion(
    repository: EventRepository, source_key: str, *, citing: Sequence[str] = ()
) -> DeletionQuestion:
    """What deleting a source takes: its quotes, from which events. ``citing`` are the keys
    of events whose date is cited from a sentence of it (the store's ``source_dependents``)."""
    source = next(s for s in repository.sources if s.key == source_key)
    name = f"“{one_line(source.title or source.key, 70)}”"
    event_ids = sorted({span.event_id for span in repository.quote_spans(source_key)})
    events = repository.events_by_id(event_ids)
    quotes = [
        DeleteQuote(e.key, source_key, q.start, q.end)
        for e in events
        for q in e.quotes
        if q.source_key == source_key and q.start is not None and q.end is not None
    ]
    commands: tuple[DeleteSource | DeleteQuote, ...] = (*quotes, DeleteSource(source_key))
    if citing:
        return DeletionQuestion(
            commands,
            f"The source {name} cannot be deleted: it cites the date of "
            f"{plural(len(citing), 'event')}.",
            "Cite those dates from another source or an outside report first: "
            + ", ".join(citing[:LISTED_TITLES])
            + (f" and {len(citing) - LISTED_TITLES} more" if len(citing) > LISTED_TITLES else "")
            + ".",
            "",
            blocked="its sentences cite events' dates",
        )
    if not events:
        return DeletionQuestion(
            commands, f"Delete the source {name}? No event quotes it.", UNDO_LINE, "Delete source"
        )
    text = (
        f"Deleting the source {name} removes {plural(len(quotes), 'quote')} from "
        f"{plural(len(events), 'event')}: {titles(events)}."
    )
    return DeletionQuestion(
        commands, text, _left_unsourced(events, source_key) + UNDO_LINE, "Delete source and quotes"
    )


def _left_unsourced(events: list[Event], source_key: str) -> str:
    """Which of the events would have no quote left."""
    orphans = [e for e in events if all(q.source_key == source_key for q in e.quotes)]
    if not orphans:
        return ""
    if len(orphans) < len(events):
        return f"{titles(orphans)} would be left with no quote and shown as unsourced. "
    if len(events) == 1:
        return "It would be left with no quote and shown as unsourced. "
    return f"Each of the {len(events)} would be left with no quote and shown as unsourced. "


def event_deletion(event: Event, based_on: int | None = None) -> DeletionQuestion:
    """``based_on``: the event's version as shown (db/versions.py), so that a change made by
    someone else while the question is on screen refuses the deletion instead of losing it."""
    quotes = f" with its {plural(len(event.quotes), 'quote')}" if event.quotes else ""
    return DeletionQuestion(
        (DeleteEvent(event.key, based_on=based_on),),
        f"Delete the event “{one_line(event.title, 70)}”{quotes}?",
        "Its sources stay. " + UNDO_LINE,
        "Delete event",
    )


def quote_deletion(event: Event, quote: Quote) -> DeletionQuestion:
    """Removing one quote; an event left with none is said to become unsourced."""
    if quote.start is None or quote.end is None:
        raise ValueError("a quote without offsets cannot be named for deletion")
    last = len(event.quotes) == 1
    return DeletionQuestion(
        (DeleteQuote(event.key, quote.source_key, quote.start, quote.end),),
        f"Remove the quote “{one_line(quote.text, 70)}” from “{one_line(event.title, 70)}”?",
        ("It is the event's only quote: the event will be shown as unsourced. " if last else "")
        + UNDO_LINE,
        "Remove quote",
    )


def actor_deletion(repository: EventRepository, actor: Actor) -> DeletionQuestion:
    """Deleting an actor: only one that no event names (the store refuses the others)."""
    used = repository.count(EventFilter(actors=frozenset({actor.name})))
    name = f"the actor “{one_line(actor.name, 70)}”"
    return _unused_deletion(DeleteActor(actor.key), name, used, ("names it", "name it"))


def type_deletion(repository: EventRepository, event_type: EventType) -> DeletionQuestion:
    """Deleting a type: only one that no event has, itself or under it."""
    used = repository.count(EventFilter(types=frozenset({event_type.slug})))
    name = f"the type “{one_line(event_type.label, 70)}”"
    verbs = ("has it or a type under it", "have it or a type under it")
    return _unused_deletion(DeleteType(event_type.slug), name, used, verbs)


def _unused_deletion(
    command: Deletion, name: str, used: int, verbs: tuple[str, str]
) -> DeletionQuestion:
    """A thing that can go only once no event uses it: asked, or said why not."""
    if not used:
        return DeletionQuestion(
            (command,), f"Delete {name}? No event uses it.", UNDO_LINE, "Delete"
        )
    verb = verbs[0] if used == 1 else verbs[1]
    return DeletionQuestion(
        (command,),
        f"{name[:1].upper()}{name[1:]} cannot be deleted: {plural(used, 'event')} {verb}.",
        "Change those events first.",
        "",
        blocked="still in use",
    )


def confirm_deletion(parent: QWidget | None, question: DeletionQuestion) -> bool:
    """Ask; True when the person chose to delete. Cancel is the default button. A blocked
    deletion is only explained (False)."""
    box = QMessageBox(parent)
    if question.blocked:
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle("Cannot delete")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(question.text)
        box.setInformativeText(question.details)
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        box.exec()
        return False
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Delete")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(question.text)
    box.setInformativeText(question.details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    ok = box.button(QMessageBox.StandardButton.Ok)
    if ok is not None:
        ok.setText(question.button)
    return box.exec() == QMessageBox.StandardButton.Ok.value
