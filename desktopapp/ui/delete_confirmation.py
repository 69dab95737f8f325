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

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
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
from desktopapp.domain.l10n import ngettext, number, quoted
from desktopapp.domain.model import Actor, Event, EventType, Quote
from desktopapp.ui.edit_fields import one_line

LISTED_TITLES = 5  # more titles than this are summed up as "and N more"
UNDO_LINE = str(QT_TRANSLATE_NOOP("DeleteConfirmation", "You can undo this with Edit › Undo."))
Deletion = DeleteSource | DeleteEvent | DeleteQuote | DeleteActor | DeleteType


def _tr(text: str) -> str:
    """A message of this module (extracted from its QT_TRANSLATE_NOOP or translate call)."""
    return QCoreApplication.translate("DeleteConfirmation", text)


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


def events_count(count: int) -> str:
    return ngettext("{n} event", "{n} events", count).format(n=number(count))


def quotes_count(count: int) -> str:
    return ngettext("{n} quote", "{n} quotes", count).format(n=number(count))


def listed(names: Sequence[str]) -> str:
    """'A, B and 3 more': the first few of ``names``, and how many others."""
    shown = ", ".join(names[:LISTED_TITLES])
    more = len(names) - LISTED_TITLES
    if more <= 0:
        return shown
    return ngettext("{names} and {n} more", "{names} and {n} more", more).format(
        names=shown, n=number(more)
    )


def titles(events: list[Event]) -> str:
    """'“A”, “B” and 3 more'."""
    return listed([quoted(one_line(e.title, 70)) for e in events])


def source_deletion(
    repository: EventRepository, source_key: str, *, citing: Sequence[str] = ()
) -> DeletionQuestion:
    """What deleting a source takes: its quotes, from which events. ``citing`` are the keys
    of events whose date is cited from a sentence of it (the store's ``source_dependents``)."""
    source = next(s for s in repository.sources if s.key == source_key)
    name = quoted(one_line(source.title or source.key, 70))
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
            ngettext(
                "The source {source} cannot be deleted: it cites the date of {n} event.",
                "The source {source} cannot be deleted: it cites the date of {n} events.",
                len(citing),
            ).format(source=name, n=number(len(citing))),
            QCoreApplication.translate(
                "DeleteConfirmation",
                "Cite those dates from another source or an outside report first: {events}.",
            ).format(events=listed(citing)),
            "",
            blocked=QCoreApplication.translate(
                "DeleteConfirmation", "its sentences cite events' dates"
            ),
        )
    if not events:
        return DeletionQuestion(
            commands,
            QCoreApplication.translate(
                "DeleteConfirmation", "Delete the source {source}? No event quotes it."
            ).format(source=name),
            _tr(UNDO_LINE),
            QCoreApplication.translate("DeleteConfirmation", "Delete source"),
        )
    text = QCoreApplication.translate(
        "DeleteConfirmation",
        "Deleting the source {source} removes {quotes} from {events}: {titles}.",
    ).format(
        source=name,
        quotes=quotes_count(len(quotes)),
        events=events_count(len(events)),
        titles=titles(events),
    )
    return DeletionQuestion(
        commands,
        text,
        _left_unsourced(events, source_key) + _tr(UNDO_LINE),
        QCoreApplication.translate("DeleteConfirmation", "Delete source and quotes"),
    )


def _left_unsourced(events: list[Event], source_key: str) -> str:
    """Which of the events would have no quote left (a sentence and a space, or "")."""
    orphans = [e for e in events if all(q.source_key == source_key for q in e.quotes)]
    if not orphans:
        return ""
    if len(orphans) < len(events):
        said = ngettext(
            "{titles} would be left with no quote and shown as unsourced.",
            "{titles} would be left with no quote and shown as unsourced.",
            len(orphans),
        ).format(titles=titles(orphans))
    elif len(events) == 1:
        said = QCoreApplication.translate(
            "DeleteConfirmation", "It would be left with no quote and shown as unsourced."
        )
    else:
        said = ngettext(
            "Each of the {n} would be left with no quote and shown as unsourced.",
            "Each of the {n} would be left with no quote and shown as unsourced.",
            len(events),
        ).format(n=number(len(events)))
    return said + " "


def event_deletion(event: Event, based_on: int | None = None) -> DeletionQuestion:
    """``based_on``: the event's version as shown (db/versions.py), so that a change made by
    someone else while the question is on screen refuses the deletion instead of losing it."""
    title = quoted(one_line(event.title, 70))
    count = len(event.quotes)
    question = (
        ngettext(
            "Delete the event {title} with its {n} quote?",
            "Delete the event {title} with its {n} quotes?",
            count,
        ).format(title=title, n=number(count))
        if count
        else QCoreApplication.translate("DeleteConfirmation", "Delete the event {title}?").format(
            title=title
        )
    )
    return DeletionQuestion(
        (DeleteEvent(event.key, based_on=based_on),),
        question,
        QCoreApplication.translate("DeleteConfirmation", "Its sources stay.")
        + " "
        + _tr(UNDO_LINE),
        QCoreApplication.translate("DeleteConfirmation", "Delete event"),
    )


def quote_deletion(event: Event, quote: Quote) -> DeletionQuestion:
    """Removing one quote; an event left with none is said to become unsourced."""
    if quote.start is None or quote.end is None:
        raise ValueError("a quote without offsets cannot be named for deletion")
    last = len(event.quotes) == 1
    only = QCoreApplication.translate(
        "DeleteConfirmation",
        "It is the event's only quote: the event will be shown as unsourced.",
    )
    return DeletionQuestion(
        (DeleteQuote(event.key, quote.source_key, quote.start, quote.end),),
        QCoreApplication.translate(
            "DeleteConfirmation", "Remove the quote {quote} from {title}?"
        ).format(quote=quoted(one_line(quote.text, 70)), title=quoted(one_line(event.title, 70))),
        (only + " " if last else "") + _tr(UNDO_LINE),
        QCoreApplication.translate("DeleteConfirmation", "Remove quote"),
    )


def actor_deletion(repository: EventRepository, actor: Actor) -> DeletionQuestion:
    """Deleting an actor: only one that no event names (the store refuses the others)."""
    used = repository.count(EventFilter(actors=frozenset({actor.name})))
    name = quoted(one_line(actor.name, 70))
    if not used:
        ask = QCoreApplication.translate(
            "DeleteConfirmation", "Delete the actor {name}? No event uses it."
        )
        return _unused_deletion(DeleteActor(actor.key), ask.format(name=name))
    refusal = ngettext(
        "The actor {name} cannot be deleted: {n} event names it.",
        "The actor {name} cannot be deleted: {n} events name it.",
        used,
    )
    return _used_refusal(DeleteActor(actor.key), refusal.format(name=name, n=number(used)))


def type_deletion(repository: EventRepository, event_type: EventType) -> DeletionQuestion:
    """Deleting a type: only one that no event has, itself or under it."""
    used = repository.count(EventFilter(types=frozenset({event_type.slug})))
    name = quoted(one_line(event_type.label, 70))
    if not used:
        ask = QCoreApplication.translate(
            "DeleteConfirmation", "Delete the type {name}? No event uses it."
        )
        return _unused_deletion(DeleteType(event_type.slug), ask.format(name=name))
    refusal = ngettext(
        "The type {name} cannot be deleted: {n} event has it or a type under it.",
        "The type {name} cannot be deleted: {n} events have it or a type under it.",
        used,
    )
    return _used_refusal(DeleteType(event_type.slug), refusal.format(name=name, n=number(used)))


def _unused_deletion(command: Deletion, question: str) -> DeletionQuestion:
    """A thing no event uses: asked."""
    return DeletionQuestion(
        (command,),
        question,
        _tr(UNDO_LINE),
        QCoreApplication.translate("DeleteConfirmation", "Delete"),
    )


def _used_refusal(command: Deletion, refusal: str) -> DeletionQuestion:
    """A thing that can go only once no event uses it: said why not."""
    return DeletionQuestion(
        (command,),
        refusal,
        QCoreApplication.translate("DeleteConfirmation", "Change those events first."),
        "",
        blocked=QCoreApplication.translate("DeleteConfirmation", "still in use"),
    )


def confirm_deletion(parent: QWidget | None, question: DeletionQuestion) -> bool:
    """Ask; True when the person chose to delete. Cancel is the default button. A blocked
    deletion is only explained (False)."""
    box = QMessageBox(parent)
    if question.blocked:
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(QCoreApplication.translate("DeleteConfirmation", "Cannot delete"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(question.text)
        box.setInformativeText(question.details)
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        box.exec()
        return False
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("DeleteConfirmation", "Delete"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(question.text)
    box.setInformativeText(question.details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    ok = box.button(QMessageBox.StandardButton.Ok)
    if ok is not None:
        ok.setText(question.button)
    return box.exec() == QMessageBox.StandardButton.Ok.value
