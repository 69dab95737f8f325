"""Deleting says what would go, and asks first."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from desktopapp.db.commands import DeleteActor, DeleteEvent, DeleteQuote, DeleteSource, DeleteType
from desktopapp.db.repository import EventRepository
from desktopapp.domain.filter import EventFilter
from desktopapp.ui.delete_confirmation import (
    actor_deletion,
    confirm_deletion,
    event_deletion,
    quote_deletion,
    source_deletion,
    type_deletion,
)


def test_deleting_a_source_names_its_quotes_and_events(repository: EventRepository) -> None:
    question = source_deletion(repository, "article")
    events = [e for e in repository.events() if any(q.source_key == "article" for q in e.quotes)]
    quotes = sum(1 for e in events for q in e.quotes if q.source_key == "article")
    assert quotes > len(events) > 1
    assert question.command == DeleteSource("article")
    assert set(question.commands[:-1]) == set(  # the store refuses a source still quoted
        DeleteQuote(e.key, "article", q.start, q.end)
        for e in events
        for q in e.quotes
        if q.source_key == "article"
    )
    assert f"removes {quotes} quotes from {len(events)} events: “" in question.text
    assert f"and {len(events) - 5} more." in question.text
    assert "shown as unsourced" in question.details  # each event quotes only this source
    assert "Undo" in question.details


def test_deleting_an_event_or_its_last_quote(repository: EventRepository) -> None:
    event = next(e for e in repository.events() if len(e.quotes) == 1)
    question = event_deletion(event)
    assert question.command == DeleteEvent(event.key)
    assert event.title in question.text and "its 1 quote" in question.text
    quote = event.quotes[0]
    removal = quote_deletion(event, quote)
    assert removal.command == DeleteQuote(event.key, quote.source_key, quote.start, quote.end)
    assert "only quote" in removal.details


def test_the_question_is_asked_in_plain_text(
    qtbot, captured_boxes: list[str], repository: EventRepository
) -> None:
    question = source_deletion(repository, "article")
    assert confirm_deletion(None, question)  # the fixture answers with the delete button
    assert captured_boxes == [f"{question.text}\n{question.details}"]


def test_cancel_deletes_nothing(qtbot, monkeypatch, repository: EventRepository) -> None:
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.Cancel.value)
    assert not confirm_deletion(None, source_deletion(repository, "article"))


def test_a_source_that_cites_a_date_is_not_deleted(qtbot, captured_boxes, repository) -> None:  # type: ignore[no-untyped-def]
    question = source_deletion(repository, "article", citing=["sap-pauses-sales"])
    assert question.blocked
    assert "cannot be deleted: it cites the date of 1 event" in question.text
    assert "sap-pauses-sales" in question.details
    assert not confirm_deletion(None, question)  # explained, never asked
    assert captured_boxes == [f"{question.text}\n{question.details}"]


def test_an_actor_or_type_in_use_is_not_deleted(repository: EventRepository) -> None:
    apple = repository.resolve_actor("Apple")
    question = actor_deletion(repository, apple)
    assert question.command == DeleteActor(apple.key)
    assert question.blocked
    apple_events = [e for e in repository.events() if apple in e.actors()]
    assert question.text == (
        f"The actor “Apple” cannot be deleted: {len(apple_events)} events name it."
    )
    aid = repository.type_by_slug("aid")
    assert type_deletion(repository, aid).blocked
    assert type_deletion(repository, aid).command == DeleteType("aid")
    unused = [
        t
        for t in repository.event_types
        if not repository.count(EventFilter(types=frozenset({t.slug})))
    ]
    assert unused  # the sample's taxonomy has types no event has yet
    asked = type_deletion(repository, unused[0])
    assert not asked.blocked
    assert asked.text == f"Delete the type “{unused[0].label}”? No event uses it."
