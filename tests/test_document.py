"""The document model without Qt: events emitted once per change with the right payload, undo
and redo through the store, and a failed command leaving the stack as it was.

Until the real TimelineStore is on main, the undo stack runs against a small store written
here that keeps the store's contract: execute() validates, applies, and answers a Change
whose inverse undoes it (a deletion's inverse restores the same key); a refused command
raises and changes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from desktopapp.db.repository import EventRepository
from desktopapp.document import (
    NothingToRedoError,
    NothingToUndoError,
    ReadOnlyError,
    TimelineDocument,
)
from desktopapp.domain.filter import EventFilter, FilterError
from desktopapp.domain.grouping import Grouping

# -- a store that follows the contract of desktopapp.db.store.TimelineStore ---------------


class FakeCommandError(Exception):
    pass


@dataclass(frozen=True)
class SetDate:
    event_key: str
    date: str


@dataclass(frozen=True)
class AddEvent:
    title: str
    date: str


@dataclass(frozen=True)
class DeleteEvent:
    event_key: str


@dataclass(frozen=True)
class Restore:
    event_key: str
    title: str
    date: str


@dataclass(frozen=True)
class Change:
    text: str
    created_key: str | None
    events: frozenset[str]
    sources: frozenset[str]
    inverse: Any
    actors: frozenset[str] = frozenset()
    types: frozenset[str] = frozenset()


@dataclass
class FakeStore:
    repository: EventRepository
    events: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (title, date)
    executed: list[object] = field(default_factory=list)
    recorded: list[str] = field(default_factory=list)  # the history's text of each change
    fail_next: bool = False
    fail_after: int | None = None  # refuse the command after this many more
    written_elsewhere: bool = False
    closed: bool = False
    _next_key: int = 1

    def execute(self, command: object, *, note: str = "", recorded_as: str = "") -> Change:
        self.executed.append(command)
        change = self._apply(command)
        self.recorded.append(recorded_as or change.text)
        return change

    def _apply(self, command: object) -> Change:
        if self.fail_after is not None:
            self.fail_after -= 1
            if self.fail_after < 0:
                self.fail_after = None
                self.fail_next = True
        if self.fail_next:
            self.fail_next = False
            raise FakeCommandError("the disk is full")
        match command:
            case SetDate(key, date):
                title, old = self._event(key)
                self.events[key] = (title, date)
                return Change(
                    f"Change date of {title!r}",
                    None,
                    frozenset({key}),
                    frozenset(),
                    SetDate(key, old),
                )
            case AddEvent(title, date):
                key = f"e{self._next_key}"
                self._next_key += 1
                self.events[key] = (title, date)
                return Change(
                    f"Add event {title!r}", key, frozenset({key}), frozenset(), DeleteEvent(key)
                )
            case DeleteEvent(key):
                title, date = self._event(key)
                del self.events[key]
                return Change(
                    f"Delete event {title!r}",
                    None,
                    frozenset({key}),
                    frozenset(),
                    Restore(key, title, date),
                )
            case Restore(key, title, date):
                self.events[key] = (title, date)
                return Change(
                    f"Restore event {title!r}", key, frozenset({key}), frozenset(), DeleteEvent(key)
                )
        raise FakeCommandError(f"unknown command {command!r}")

    def _event(self, key: str) -> tuple[str, str]:
        if key not in self.events:
            raise FakeCommandError(f"no event {key}")
        return self.events[key]

    def external_change(self) -> bool:
        changed, self.written_elsewhere = self.written_elsewhere, False
        return changed

    def close(self) -> None:
        self.closed = True

    def history(self, event_key: str | None = None) -> list[object]:
        return []


class Recorder:
    """Every event the document emits, in order, with its arguments."""

    def __init__(self, document: TimelineDocument) -> None:
        self.seen: list[tuple[str, tuple[object, ...]]] = []
        for name in (
            "filter_changed",
            "grouping_changed",
            "selection_changed",
            "events_changed",
            "sources_changed",
            "timeline_replaced",
            "undo_changed",
            "read_only_changed",
        ):
            getattr(document.events, name).connect(
                lambda *args, _name=name: self.seen.append((_name, args))
            )

    def names(self) -> list[str]:
        return [name for name, _ in self.seen]

    def take(self) -> list[tuple[str, tuple[object, ...]]]:
        seen, self.seen = self.seen, []
        return seen


@pytest.fixture
def store(repository: EventRepository) -> FakeStore:
    return FakeStore(repository, {"e0": ("Apple halts all exports to Russia", "2022-03-01")})


@pytest.fixture
def document(store: FakeStore) -> Iterator[TimelineDocument]:
    yield TimelineDocument.editing(store)


# -- state and its events -------------------------------------------------------------------


def test_a_filter_is_announced_once_resolved_to_the_timelines_own_names(
    repository: EventRepository,
) -> None:
    document = TimelineDocument(repository)
    seen = Recorder(document)
    apple = next(a for a in repository.actors if a.name.startswith("Apple"))
    document.set_filter(EventFilter(actors=frozenset({apple.name.lower()})))
    assert seen.take() == [("filter_changed", (EventFilter(actors=frozenset({apple.name})),))]
    assert document.filter.actors == {apple.name}
    # The same filter again, however spelt, changes nothing and says nothing.
    document.set_filter(EventFilter(actors=frozenset({apple.name.upper()})))
    assert seen.take() == []


def test_an_unknown_name_is_refused_and_the_filter_stays(repository: EventRepository) -> None:
    document = TimelineDocument(repository)
    document.set_filter(EventFilter(text="oil"))
    seen = Recorder(document)
    with pytest.raises(FilterError):
        document.set_filter(EventFilter(actors=frozenset({"No Such Company"})))
    assert document.filter == EventFilter(text="oil")
    assert seen.take() == []


def test_grouping_and_selection_are_announced_once_per_change(
    repository: EventRepository,
) -> None:
    document = TimelineDocument(repository)
    seen = Recorder(document)
    document.set_grouping(Grouping.TYPE)
    document.set_grouping(Grouping.TYPE)
    document.select(7)
    document.select(7)
    document.select(None)
    assert seen.take() == [
        ("grouping_changed", (Grouping.TYPE,)),
        ("selection_changed", (7,)),
        ("selection_changed", (None,)),
    ]
    assert document.grouping is Grouping.TYPE and document.selection is None


# -- editing and undo -----------------------------------------------------------------------


def test_an_edit_says_which_events_changed_and_goes_on_the_undo_stack(
    document: TimelineDocument, store: FakeStore
) -> None:
    seen = Recorder(document)
    assert not document.can_undo and document.undo_text == ""
    change = document.execute(SetDate("e0", "2022-02-28"), note="Apple's own page")
    assert store.events["e0"][1] == "2022-02-28"
    assert seen.take() == [("events_changed", (frozenset({"e0"}),)), ("undo_changed", ())]
    assert change.text == "Change date of 'Apple halts all exports to Russia'"
    assert document.can_undo and not document.can_redo
    assert document.undo_text == "Change date of 'Apple halts all exports to Russia'"


def test_undo_and_redo_go_through_the_store(document: TimelineDocument, store: FakeStore) -> None:
    document.execute(SetDate("e0", "2022-02-28"))
    document.execute(SetDate("e0", "2022-02-27"))
    seen = Recorder(document)

    document.undo()
    assert store.events["e0"][1] == "2022-02-28"
    assert seen.take() == [("events_changed", (frozenset({"e0"}),)), ("undo_changed", ())]
    assert document.can_undo and document.can_redo
    assert document.redo_text == "Change date of 'Apple halts all exports to Russia'"

    document.undo()
    assert store.events["e0"][1] == "2022-03-01"
    assert not document.can_undo
    with pytest.raises(NothingToUndoError):
        document.undo()

    document.redo()
    document.redo()
    assert store.events["e0"][1] == "2022-02-27"
    assert not document.can_redo
    with pytest.raises(NothingToRedoError):
        document.redo()
    # The texts stay those of the user's actions, not of the inverses that carried them out.
    assert document.undo_text == "Change date of 'Apple halts all exports to Russia'"
    # The history says which was an undo and which a redo of which action.
    action = "Change date of 'Apple halts all exports to Russia'"
    assert store.recorded == [action, action] + [f"Undo: {action}"] * 2 + [f"Redo: {action}"] * 2


def test_a_redone_deletion_deletes_the_restored_key_and_a_redone_addition_keeps_its_key(
    document: TimelineDocument, store: FakeStore
) -> None:
    added = document.execute(AddEvent("Volvo Cars halts deliveries", "2022-02-28"))
    key = added.created_key
    assert key is not None
    document.undo()
    assert key not in store.events
    document.redo()  # the inverse of the undoing deletion: the same key restored
    assert store.events[key] == ("Volvo Cars halts deliveries", "2022-02-28")
    assert document.undo_text == "Add event 'Volvo Cars halts deliveries'"

    document.execute(DeleteEvent("e0"))
    document.undo()
    assert store.events["e0"] == ("Apple halts all exports to Russia", "2022-03-01")
    document.redo()
    assert "e0" not in store.events


def test_a_new_edit_after_undo_drops_what_could_be_redone(
    document: TimelineDocument, store: FakeStore
) -> None:
    document.execute(SetDate("e0", "2022-02-28"))
    document.undo()
    assert document.can_redo
    document.execute(AddEvent("SAP stops sales in Russia", "2022-03-02"))
    assert not document.can_redo and document.redo_text == ""
    document.undo()  # the addition; the date change before it was undone and dropped
    assert not document.can_undo and document.redo_text == "Add event 'SAP stops sales in Russia'"
    assert store.events == {"e0": ("Apple halts all exports to Russia", "2022-03-01")}


def test_a_failed_edit_leaves_the_stack_and_says_nothing(
    document: TimelineDocument, store: FakeStore
) -> None:
    document.execute(SetDate("e0", "2022-02-28"))
    document.undo()
    seen = Recorder(document)
    store.fail_next = True
    with pytest.raises(FakeCommandError):
        document.execute(SetDate("e0", "2022-01-01"))
    assert seen.take() == []
    # The redo entry is still there: a refused edit is no new edit.
    assert document.can_undo is False and document.can_redo is True


def test_a_failed_undo_or_redo_leaves_the_stack_as_it_was(
    document: TimelineDocument, store: FakeStore
) -> None:
    document.execute(SetDate("e0", "2022-02-28"))
    seen = Recorder(document)
    store.fail_next = True
    with pytest.raises(FakeCommandError):
        document.undo()
    assert seen.take() == []
    assert document.can_undo and not document.can_redo
    assert store.events["e0"][1] == "2022-02-28"
    document.undo()  # the same entry, tried again, works
    assert store.events["e0"][1] == "2022-03-01"

    store.fail_next = True
    with pytest.raises(FakeCommandError):
        document.redo()
    assert document.can_redo and not document.can_undo
    document.redo()
    assert store.events["e0"][1] == "2022-02-28"


def test_a_read_only_timeline_refuses_edits(repository: EventRepository) -> None:
    document = TimelineDocument(repository)
    assert document.read_only and document.store is None
    with pytest.raises(ReadOnlyError):
        document.execute(SetDate("e0", "2022-02-28"))
    assert not document.can_undo


# -- another timeline, another process --------------------------------------------------------


def test_another_timeline_starts_with_no_filter_no_selection_and_no_undo(
    repository: EventRepository, store: FakeStore
) -> None:
    document = TimelineDocument(repository)
    document.set_filter(EventFilter(text="oil"))
    document.select(3)
    seen = Recorder(document)
    document.replace_timeline(store.repository, store)
    assert seen.take() == [("timeline_replaced", ()), ("read_only_changed", (False,))]
    assert document.filter == EventFilter() and document.selection is None
    assert not document.read_only

    document.execute(SetDate("e0", "2022-02-28"))
    seen.take()
    document.replace_timeline(repository)
    assert seen.take() == [
        ("timeline_replaced", ()),
        ("undo_changed", ()),
        ("read_only_changed", (True,)),
    ]
    assert store.closed and not document.can_undo


def test_a_write_by_another_process_rereads_everything_and_forgets_undo(
    document: TimelineDocument, store: FakeStore
) -> None:
    document.execute(SetDate("e0", "2022-02-28"))
    seen = Recorder(document)
    assert document.check_external_change() is False
    assert seen.take() == []
    store.written_elsewhere = True
    assert document.check_external_change() is True
    # Undoing our edit over theirs would overwrite what they did without a word.
    assert seen.take() == [("timeline_replaced", ()), ("undo_changed", ())]
    assert not document.can_undo


# -- one action of several commands ----------------------------------------------------------


def test_several_commands_of_one_action_are_one_undo_entry_and_one_announcement(
    document: TimelineDocument, store: FakeStore
) -> None:
    seen = Recorder(document)
    with document.one_action():
        first = document.execute(AddEvent("Volvo Cars halts deliveries", "2022-02-28"))
        document.execute(SetDate("e0", "2022-02-28"))
    key = first.created_key
    assert seen.take() == [
        ("events_changed", (frozenset({key, "e0"}),)),
        ("undo_changed", ()),
    ]
    assert document.undo_text == "Change date of 'Apple halts all exports to Russia'"

    document.undo()  # both, the last one first
    assert store.events == {"e0": ("Apple halts all exports to Russia", "2022-03-01")}
    assert not document.can_undo
    assert seen.take() == [("events_changed", (frozenset({key, "e0"}),)), ("undo_changed", ())]

    document.redo()  # both again, the first one first (the same key restored)
    assert store.events[key] == ("Volvo Cars halts deliveries", "2022-02-28")
    assert store.events["e0"][1] == "2022-02-28"


def test_an_action_that_fails_halfway_keeps_on_the_stack_what_reached_the_file(
    document: TimelineDocument, store: FakeStore
) -> None:
    seen = Recorder(document)
    with pytest.raises(FakeCommandError), document.one_action("Add event"):
        document.execute(SetDate("e0", "2022-02-28"))
        document.execute(SetDate("no-such-event", "2022-02-28"))
    assert seen.take() == [("events_changed", (frozenset({"e0"}),)), ("undo_changed", ())]
    assert document.undo_text == "Add event"
    document.undo()
    assert store.events["e0"][1] == "2022-03-01"


def test_an_undo_that_fails_halfway_leaves_the_stack_where_the_file_is(
    document: TimelineDocument, store: FakeStore
) -> None:
    with document.one_action("Two dates"):
        document.execute(SetDate("e0", "2022-02-28"))
        document.execute(SetDate("e0", "2022-02-27"))
    store.fail_after = 1  # the second inverse is refused
    seen = Recorder(document)
    with pytest.raises(FakeCommandError):
        document.undo()
    assert store.events["e0"][1] == "2022-02-28"  # the last change undone, the first not
    assert seen.take() == [("events_changed", (frozenset({"e0"}),)), ("undo_changed", ())]
    assert document.can_undo and document.can_redo
    document.undo()  # the rest
    assert store.events["e0"][1] == "2022-03-01"
    assert not document.can_undo
    document.redo()
    document.redo()
    assert store.events["e0"][1] == "2022-02-27"
    assert not document.can_redo


def test_starting_to_edit_the_timeline_viewed_keeps_filter_and_selection(
    repository: EventRepository, store: FakeStore
) -> None:
    document = TimelineDocument(repository)
    document.set_filter(EventFilter(text="oil"))
    document.select(3)
    seen = Recorder(document)
    document.start_editing(store)
    assert seen.take() == [("timeline_replaced", ()), ("read_only_changed", (False,))]
    assert document.filter == EventFilter(text="oil") and document.selection == 3
    assert document.store is store and not document.read_only
    with pytest.raises(ValueError):
        document.start_editing(store)


def test_editing_an_exact_copy_moves_the_document_to_the_copy(
    repository: EventRepository, store: FakeStore, tmp_path: Path
) -> None:
    sample, copy = tmp_path / "sample.sqlite3", tmp_path / "copy.timeline"
    document = TimelineDocument(repository, location=sample)
    document.select(3)
    document.start_editing(store, location=copy)
    assert document.location == copy and document.selection == 3


# -- the real store: what the file's history says ------------------------------------------


def test_the_files_history_tells_an_undo_from_a_redo(tmp_path: Path, capsys) -> None:
    from desktopapp.cli import main
    from desktopapp.db import commands
    from desktopapp.db.store import TimelineStore

    path = tmp_path / "audit.timeline"
    store = TimelineStore.create(path, title="Audit", author="me")
    document = TimelineDocument.editing(store, location=path)
    text = "Apple halted all exports on 1 March 2022."
    source = document.execute(commands.AddSource(text=text, title="Wire")).created_key
    assert source is not None
    quote = commands.QuoteInput(source, 0, 5, "Apple")
    cited = commands.OutsideReference("Wire", "Report", "", "on 1 March 2022")
    added = document.execute(
        commands.AddEvent("Apple halts exports", "aid", "2022-03-01", cited, (), (quote,))
    )
    key = added.created_key
    assert key is not None
    document.execute(commands.EditEvent(key, date_edtf="2022-03-02", citation=cited))
    document.undo()
    document.redo()
    document.execute(commands.DeleteEvent(key))
    document.undo()
    document.redo()
    document.undo()

    change_date = "Change date of 'Apple halts exports'"
    delete = "Delete event 'Apple halts exports'"
    expected = [
        "Add event 'Apple halts exports'",
        change_date,
        f"Undo: {change_date}",
        f"Redo: {change_date}",
        delete,
        f"Undo: {delete}",
        f"Redo: {delete}",
        f"Undo: {delete}",
    ]
    changes: dict[int, str] = {entry.change: entry.text for entry in store.history(key)}
    assert [changes[n] for n in sorted(changes)] == expected
    store.close()

    assert main(["history", str(path), key, "--json"]) == 0
    entries = json.loads(capsys.readouterr().out)
    by_change = {entry["change"]: entry["text"] for entry in entries}
    assert [by_change[n] for n in sorted(by_change)] == expected
    redone = [e for e in entries if e["text"] == f"Redo: {change_date}"]
    assert [(e["field"], e["new"]["date"]) for e in redone] == [("*", "2022-03-02")]
