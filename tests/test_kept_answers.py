"""Answers the repository keeps across edits (the total, the running totals per type, the
events under way on a day) are moved by each edit; one read between an edit's commit and
that move already holds the edit, and must not be kept, or the edit would count twice."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from desktopapp.db.commands import (
    AddEvent,
    AddSource,
    EditEvent,
    OutsideReference,
    QuoteInput,
)
from desktopapp.db.store import TimelineStore
from desktopapp.domain.filter import EventFilter

TEXT = "Apple halted all exports."
CITED = OutsideReference("Wire", "Report", "", "It said so.")
FROM_MARCH = EventFilter(date_from=date(2022, 3, 2))
MARCH = EventFilter(date_from=date(2022, 3, 1), date_to=date(2022, 3, 31))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[TimelineStore]:
    store = TimelineStore.create(tmp_path / "k.timeline", title="K", author="me")
    source = store.execute(AddSource(text=TEXT, title="Wire")).created_key
    assert source is not None
    quote = QuoteInput(source, 0, 5, "Apple")
    for n, when in enumerate(["2022-02-27/2022-03-04", "2022-03-01", "2022-03-10"]):
        store.execute(AddEvent(f"Event {n}", "aid", when, CITED, (), (quote,)))
    yield store
    store.close()


def answers(store: TimelineStore) -> tuple[int, int, int, dict[str, int]]:
    repository = store.repository
    types = {slug: n for slug, n in repository.facet_counts(FROM_MARCH).types.items() if n}
    return repository.total, repository.count(MARCH), repository.count(FROM_MARCH), types


def recount(store: TimelineStore) -> tuple[int, int, int, dict[str, int]]:
    fresh = TimelineStore.open(store.path, author="me")
    try:
        return answers(fresh)
    finally:
        fresh.close()


@pytest.mark.parametrize("edit", ["date moved under way", "event added"])
def test_a_read_between_an_edits_commit_and_its_move_is_not_kept(
    store: TimelineStore, monkeypatch: pytest.MonkeyPatch, edit: str
) -> None:
    repository = store.repository
    answers(store)  # kept: the total, the running totals, the events under way on 1 March
    repository.__dict__.pop("total", None)  # these two are read in the window below
    repository.__dict__["_under_way"].pop(date(2022, 3, 2), None)
    moved = repository.events_changed

    def read_then_move(*args: object) -> None:
        answers(store)  # a worker asking now sees the committed edit
        moved(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(repository, "events_changed", read_then_move)
    last = repository.events(EventFilter())[-1]
    if edit == "event added":
        quote = QuoteInput(last.quotes[0].source_key, 0, 5, "Apple")
        command: object = AddEvent("Added", "aid", "2022-02-28/2022-03-03", CITED, (), (quote,))
    else:  # from 10 March to under way on 2 March
        command = EditEvent(last.key, date_edtf="2022-02-25/2022-03-06", citation=CITED)
    store.execute(command)  # type: ignore[arg-type]
    assert answers(store) == recount(store)


def test_answers_kept_across_edits_equal_a_recount(store: TimelineStore) -> None:
    answers(store)
    keys = [event.key for event in store.repository.events(EventFilter())]
    dates = ["2022-03-01/2022-03-05", "2021-12", "2022-02-20/2022-03-02"]
    for key, when in zip(keys, dates, strict=True):
        store.execute(EditEvent(key, date_edtf=when, citation=CITED))
        assert answers(store) == recount(store)
