"""The read-only engine is safe to use from many threads, one after another or at once."""

from __future__ import annotations

import threading
from pathlib import Path

from sqlalchemy.pool import QueuePool

from desktopapp.db.engine import open_database
from desktopapp.db.repository import EventRepository
from desktopapp.domain.filter import EventFilter


def test_engine_lends_each_connection_to_one_thread_at_a_time(article_db: Path) -> None:
    engine = open_database(article_db)
    try:
        # Not the in-memory SingletonThreadPool, which closes other threads' connections.
        assert isinstance(engine.pool, QueuePool)
        repository = EventRepository(engine)
        errors: list[BaseException] = []

        def work() -> None:
            try:
                for _ in range(20):
                    assert repository.count(EventFilter(text="russie")) > 0
                    repository.facet_counts(EventFilter(actors=frozenset({"Apple"})))
            except BaseException as error:  # reported below
                errors.append(error)

        # Many short-lived threads, several at a time: what worker pools do over a session.
        for _ in range(5):
            threads = [threading.Thread(target=work) for _ in range(4)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        assert not errors
    finally:
        engine.dispose()
