"""Time one edit, from the command until the repository answers what the window shows.

    python benchmarks/bench_edit.py              # 100k events
    python benchmarks/bench_edit.py 1000 100k    # other sizes
    python benchmarks/bench_edit.py --runs 31 100k

For each kind of edit (change a date, add an event, delete an event), measures
``store.execute(command)`` and then, with the caches it dropped, the questions a window asks
after a change: the count, the facets (unfiltered and under a date range, which reads the
per-actor spans), and the first page of the list. Works on a copy of the cached synthetic
database (see _common.py), so the cache stays as built. Prints the median and the worst
time in milliseconds; never asserts a timing.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import cached_database, label, sizes_from_argv

from desktopapp.db.commands import (
    AddEvent,
    Command,
    DeleteEvent,
    EditEvent,
    OutsideReference,
    QuoteInput,
)
from desktopapp.db.schema import SCHEMA_VERSION
from desktopapp.db.store import TimelineStore
from desktopapp.domain.filter import EventFilter
from desktopapp.ingest.upgrade import schema_version_of, upgrade_database

CITATION = OutsideReference("Benchmark Wire", "", "https://example.org/b", "That day")
MARCH = EventFilter(date_from=date(2022, 3, 1), date_to=date(2022, 3, 31))


def main() -> None:
    argv = sys.argv[1:]
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 21
    sizes = sizes_from_argv([a for a in argv if a != str(runs)]) if argv else [100_000]
    for size in sizes:
        measure(size, runs)


def measure(size: int, runs: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="desktopapp-bench-edit-"))
    path = folder / "copy.sqlite3"
    shutil.copyfile(cached_database(size), path)
    if schema_version_of(path) < SCHEMA_VERSION:  # a cache built before the current schema
        upgrade_database(path)  # in place, on the copy, before any timing
    try:
        with TimelineStore.open(path, author="bench") as store:
            load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
            print(f"{label(size)} events ({runs} runs each; ms: median / worst; load {load})")
            for name, make in kinds(store).items():
                _time_kind(store, name, make, runs)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def kinds(store: TimelineStore) -> dict[str, Callable[[int], Command]]:
    repository = store.repository
    source = repository.sources[0].key
    text = repository.source_text(source)
    quote = QuoteInput(source, 0, 12, text[:12])
    actors = [a.key for a in repository.actors[:50]]
    keys = [e.key for e in repository.events(EventFilter(), limit=4 * 200)]
    event_type = repository.event_types[-1].slug
    to_delete = iter(keys[200:])

    def change_date(n: int) -> Command:
        day = 1 + n % 28
        return EditEvent(keys[n], date_edtf=f"2021-02-{day:02d}", citation=CITATION)

    def add_event(n: int) -> Command:
        participants = ((actors[n % len(actors)], "acting"),)
        return AddEvent(
            f"Benchmark {n}", event_type, "2022-03-05", CITATION, participants, (quote,)
        )

    def delete_event(_n: int) -> Command:
        return DeleteEvent(next(to_delete))

    return {
        "change a date": change_date,
        "add an event": add_event,
        "delete an event": delete_event,
    }


def _time_kind(store: TimelineStore, name: str, make: Callable[[int], Command], runs: int) -> None:
    repository = store.repository

    def answer_the_window() -> None:
        repository.count()
        repository.facet_counts()
        repository.facet_counts(MARCH)
        repository.count(MARCH)
        repository.list_page(EventFilter(), limit=60)

    store.execute(make(runs + 1))  # the first write turns a built file into a WAL document
    answer_the_window()  # as a window would have, before the edit: caches read once
    execute, answer, total = [], [], []
    for n in range(runs):
        command = make(n)
        started = time.perf_counter()
        store.execute(command)
        written = time.perf_counter()
        answer_the_window()
        done = time.perf_counter()
        execute.append((written - started) * 1000)
        answer.append((done - written) * 1000)
        total.append((done - started) * 1000)
    print(
        f"  {name:16} execute {_figures(execute)}   then count+facets+page {_figures(answer)}"
        f"   total {_figures(total)}"
    )


def _figures(values: list[float]) -> str:
    return f"{statistics.median(values):6.1f} / {max(values):6.1f}"


if __name__ == "__main__":
    main()
