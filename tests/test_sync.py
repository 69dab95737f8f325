"""Several editors of one timeline: a version per event and source (optimistic locking), on a
file and on a server; the server's notifications of every committed change; and the history's
author named by the server (the role that logged in), not by the client."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import threading
import time

import psycopg
import pytest

from desktopapp.db.commands import (
    AddActor,
    AddEvent,
    AddSource,
    ClaimInput,
    CommandError,
    DeleteEvent,
    EditEvent,
    EditSource,
    OutsideReference,
)
from desktopapp.db.store import TimelineStore
from desktopapp.db.versions import EditConflict
from desktopapp.document import NothingToUndoError, TimelineDocument
from desktopapp.domain.model import Event
from tests.pg_server import PostgresServer


def add_event(store: TimelineStore, title: str = "Apple halts sales") -> str:
    apple = store.execute(AddActor("Apple", "company")).created_key
    assert apple is not None
    store.execute(
        AddEvent(
            title,
            "sanction",
            "2022-03-01",
            OutsideReference("Reuters", "", "", "On 1 March"),
            ((apple, "acting"),),
            claim=ClaimInput("Apple stops", "t.json, slide 1"),
        )
    )
    [key] = [event.key for event in store.repository.events()]
    return key


def event_of(store: TimelineStore, key: str) -> Event:
    [event] = [e for e in store.repository.events() if e.key == key]
    return event


def title_of(store: TimelineStore, key: str) -> str:
    return event_of(store, key).title


# -- a version per row ------------------------------------------------------------------------


def test_the_second_editor_of_an_event_is_refused_and_told_who_changed_what(
    timeline_location: str,
) -> None:
    with TimelineStore.create(timeline_location, title="t", author="Ada") as ada:
        key = add_event(ada)
        with TimelineStore.open(timeline_location, author="Bob") as bob:
            opened = ada.version(key)  # Ada opens the editor on the event
            assert bob.version(key) == opened > 0
            bob.execute(EditEvent(key, title="Apple halts all sales", based_on=bob.version(key)))
            rows = len(ada.history())
            with pytest.raises(EditConflict) as refused:
                ada.execute(EditEvent(key, summary="Hers", based_on=opened))
            conflict = refused.value
            assert isinstance(conflict, CommandError)  # one line wherever it is not handled
            assert conflict.current == bob.version(key) > opened
            [theirs] = conflict.theirs
            assert theirs.author.startswith("Bob") and theirs.field == "title"
            assert (theirs.old, theirs.new) == ("Apple halts sales", "Apple halts all sales")
            assert "changed by Bob" in str(conflict) and "title" in str(conflict)
            assert len(ada.history()) == rows  # nothing written
            assert event_of(ada, key).summary == ""

            # Keep mine: the same edit, based on the version it was refused at.
            ada.execute(
                EditEvent(key, summary="Hers", based_on=conflict.current), note="kept over Bob's"
            )
            event = event_of(bob, key)
            assert (event.title, event.summary) == ("Apple halts all sales", "Hers")
            assert ada.history(key)[-1].note == "kept over Bob's"
            # Bob's next edit, from his old version, is refused in turn; a deletion too.
            with pytest.raises(EditConflict):
                bob.execute(EditEvent(key, title="Mine", based_on=conflict.current))
            with pytest.raises(EditConflict):
                bob.execute(DeleteEvent(key, based_on=conflict.current))
            assert title_of(ada, key) == "Apple halts all sales"


def test_a_source_edited_by_two_is_refused_to_the_second(timeline_location: str) -> None:
    with TimelineStore.create(timeline_location, title="t", author="Ada") as ada:
        key = ada.execute(AddSource(text="A report.", title="Report")).created_key
        assert key is not None
        with TimelineStore.open(timeline_location, author="Bob") as bob:
            opened = ada.version(key)
            bob.execute(EditSource(key, outlet="Reuters", based_on=opened))
            with pytest.raises(EditConflict) as refused:
                ada.execute(EditSource(key, outlet="AP", based_on=opened))
            assert [(e.field, e.new) for e in refused.value.theirs] == [("outlet", "Reuters")]
            [source] = [s for s in ada.repository.sources if s.key == key]
            assert source.outlet == "Reuters"


def test_two_editors_from_one_version_at_once_one_wins_the_other_is_told(
    timeline_location: str,
) -> None:
    """The check is made under the write lock: of two edits racing from one version, exactly
    one is saved, whatever the timing; no update is lost."""
    with TimelineStore.create(timeline_location, title="t", author="Ada") as ada:
        key = add_event(ada)
        stores = [TimelineStore.open(timeline_location, author=n) for n in ("Bob", "Cy")]
        try:
            for number in range(5):
                version = ada.version(key)
                start = threading.Barrier(2)
                outcomes: list[str] = []
                threads = [
                    threading.Thread(
                        target=race,
                        args=(
                            start,
                            outcomes,
                            store,
                            key,
                            f"{store.author} {number}",
                            version,
                        ),
                    )
                    for store in stores
                ]
                for thread in threads:
                    thread.start()
                for thread in threads:
                    thread.join()
                assert sorted(outcomes)[0] == "refused", outcomes
                [saved] = [o for o in outcomes if o.startswith("saved")]
                assert title_of(ada, key) == saved.removeprefix("saved ")
        finally:
            for store in stores:
                store.close()


def race(
    start: threading.Barrier,
    outcomes: list[str],
    store: TimelineStore,
    key: str,
    title: str,
    version: int,
) -> None:
    start.wait()
    try:
        store.execute(EditEvent(key, title=title, based_on=version))
        outcomes.append("saved " + title)
    except EditConflict:
        outcomes.append("refused")


def test_an_edit_without_a_version_is_not_checked(timeline_location: str) -> None:
    """Scripts and undo (which the window forgets once another writes) carry no version."""
    with TimelineStore.create(timeline_location, title="t", author="Ada") as ada:
        key = add_event(ada)
        with TimelineStore.open(timeline_location, author="Bob") as bob:
            bob.execute(EditEvent(key, title="Bob's"))
            ada.execute(EditEvent(key, title="Ada's"))
            assert title_of(bob, key) == "Ada's"


def test_an_undo_right_after_anothers_change_is_refused_not_written_over_it(
    timeline_location: str,
) -> None:
    """The window forgets its undo stack when it sees another's change; undo looks at once
    too, so that it cannot overwrite a change made a moment before (before the next poll)."""
    with TimelineStore.create(timeline_location, title="t", author="Ada") as ada:
        key = add_event(ada)
        document = TimelineDocument.editing(ada)
        document.execute(EditEvent(key, title="Ada's"))
        with TimelineStore.open(timeline_location, author="Bob") as bob:
            bob.execute(EditEvent(key, summary="Bob's"))
        with pytest.raises(NothingToUndoError, match="changed the timeline meanwhile"):
            document.undo()
        event = event_of(ada, key)
        assert (event.title, event.summary) == ("Ada's", "Bob's")
        assert not document.can_undo


# -- notifications (a server) -----------------------------------------------------------------


@pytest.mark.postgres
def test_a_listening_store_hears_another_process_commit_and_not_a_refused_edit(
    pg_url: str,
) -> None:
    with TimelineStore.create(pg_url, title="t", author="Ada") as ada:
        key = add_event(ada)
        heard: list[str] = []
        woken = threading.Event()

        def on_change(payload: str) -> None:
            heard.append(payload)
            woken.set()

        listener = ada.listen(on_change)
        assert listener is not None and listener.listening.wait(10)
        program = textwrap.dedent(
            f"""
            from desktopapp.db.commands import EditEvent
            from desktopapp.db.store import TimelineStore
            with TimelineStore.open({pg_url!r}, author="Bob") as bob:
                bob.execute(EditEvent({key!r}, title="Bob's title"))
            """
        )
        subprocess.run([sys.executable, "-c", program], check=True, timeout=60)
        assert woken.wait(5)
        message = json.loads(heard[0])
        assert message["keys"] == [key] and message["row"] > 0
        assert ada.external_change() and title_of(ada, key) == "Bob's title"

        heard.clear()
        with pytest.raises(EditConflict):
            ada.execute(EditEvent(key, title="stale", based_on=0))
        time.sleep(0.5)
        assert heard == []  # a rolled-back transaction sends nothing
        ada.close()  # closes its listener too
        assert not listener.listening.is_set()


@pytest.mark.postgres
def test_a_file_store_has_no_listener(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with TimelineStore.create(tmp_path / "t.timeline", title="t", author="Ada") as store:
        assert store.listen(lambda _payload: None) is None


@pytest.mark.postgres
def test_the_listener_listens_again_after_the_server_restarts(
    pg_server: PostgresServer, pg_url: str
) -> None:
    with TimelineStore.create(pg_url, title="t", author="Ada") as ada:
        woken = threading.Event()
        listener = ada.listen(lambda _payload: woken.set())
        assert listener is not None and listener.listening.wait(10)
        pg_server.crash_and_restart()
        assert woken.wait(15)  # woken once when listening again: changes may have been missed
        woken.clear()
        assert listener.listening.wait(10)
        with TimelineStore.open(pg_url, author="Bob") as bob:
            bob.execute(AddActor("Netflix", "company"))
        assert woken.wait(5)


# -- the server names who changed what -------------------------------------------------------

ROLES_SQL = """
CREATE ROLE {role} LOGIN;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};
GRANT USAGE, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {role};
"""


@pytest.mark.postgres
def test_the_history_records_the_server_role_of_each_change(
    pg_server: PostgresServer, pg_url: str
) -> None:
    database = pg_url.rsplit("/", 1)[-1]
    first, second = f"ed1_{database}", f"ed2_{database}"
    TimelineStore.create(pg_url, title="t", author="Ada").close()
    with pg_server.connect(database) as connection:
        for role in (first, second):
            for statement in ROLES_SQL.format(role=role).split(";"):
                if statement.strip():
                    connection.execute(statement)

    def url(role: str) -> str:
        return f"postgresql://{role}@127.0.0.1:{pg_server.port}/{database}"

    # Both say they are "alice"; one even claims another role in its name.
    with TimelineStore.open(url(first), author="alice") as one:
        one.execute(AddActor("Apple", "company"))
    with TimelineStore.open(url(second), author=f"alice (role {first})") as two:
        two.execute(AddActor("Netflix", "company"))
    with TimelineStore.open(url(second), author=second) as three:
        three.execute(AddActor("Spotify", "company"))
        authors = [entry.author for entry in three.history()]
    assert authors == [
        f"alice (role {first})",
        f"alice (role {first}) (role {second})",  # the server's word comes last, always
        second,  # the app's name is the role's: said once
    ]
    with (
        psycopg.connect(host="127.0.0.1", port=pg_server.port, user=second, dbname=database) as raw,
        raw.cursor() as cursor,
    ):
        cursor.execute("SELECT session_user")
        assert cursor.fetchone() == (second,)
