"""Time the repository queries the window makes, on synthetic databases of several sizes.

    python benchmarks/bench_queries.py                # 1k, 100k and 1M events
    python benchmarks/bench_queries.py 1000 100k      # other sizes
    python benchmarks/bench_queries.py --runs 9 1m    # more runs per query
    python benchmarks/bench_queries.py --db postgresql://…/bench   # one timeline, any engine

Databases are cached under /tmp/desktopapp-bench/ (built when missing). Each size is measured
in its own process so that its peak memory is its own. Prints, for every query, the median
time over the runs in milliseconds and, in brackets, the first (cold-cache) call. Never
asserts a timing: it prints figures.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (
    cached_database,
    label,
    peak_rss_mb,
    print_table,
    sizes_from_argv,
    time_ms,
)

from desktopapp.db.engine import open_database
from desktopapp.db.repository import EventRepository, SortKey
from desktopapp.domain.filter import EventFilter

COMMON_WORD = "sanctions"
RARE_WORD = "hélicoptère"
PREFIX = "sécu"


def queries(repository: EventRepository) -> list[tuple[str, Callable[[], object]]]:
    """The questions the window asks, with realistic arguments for this database."""
    everything = EventFilter()
    facets = repository.facet_counts(everything)
    by_popularity = sorted(facets.actors, key=lambda actor_id: -facets.actors[actor_id])
    popular = repository.actor_by_id(by_popularity[0])
    middling = repository.actor_by_id(by_popularity[len(by_popularity) // 2])
    one_actor = EventFilter(actors=frozenset({popular.name}))
    alias = middling.aliases[0] if middling.aliases else middling.name
    mid_actor = EventFilter(actors=frozenset({alias}))
    one_type = EventFilter(types=frozenset({"sanction"}))
    common = EventFilter(text=COMMON_WORD)
    rare = EventFilter(text=RARE_WORD)
    prefix = EventFilter(text=PREFIX)
    extent = repository.date_extent(everything)
    assert extent is not None, "the benchmark database is empty"
    low, high = extent
    middle = low + (high - low) / 2
    month = (middle, middle + timedelta(days=30))
    total = repository.count(everything)
    deep = min(50_000, max(0, total - 100))
    some_id = repository.rows(everything, offset=total // 2, limit=1)[0].id
    actor_id = repository.rows(one_actor, offset=repository.count(one_actor) // 2, limit=1)[0].id
    hundred = [row.id for row in repository.rows(everything, offset=total // 3, limit=100)]
    return [
        ("count()", lambda: repository.count(everything)),
        ("count(popular actor)", lambda: repository.count(one_actor)),
        ("count(type sanction)", lambda: repository.count(one_type)),
        *[
            (f"rows page 1 by {key.value}", lambda key=key: repository.rows(limit=100, sort=key))
            for key in SortKey
        ],
        ("rows page 1 by date desc", lambda: repository.rows(limit=100, descending=True)),
        ("rows deep page (offset <=50k)", lambda: repository.rows(offset=deep, limit=100)),
        (
            "rows deep page by title (<=50k)",
            lambda: repository.rows(offset=deep, limit=100, sort=SortKey.TITLE),
        ),
        ("rows page 1, popular actor", lambda: repository.rows(one_actor, limit=100)),
        ("rows page 1, search common", lambda: repository.rows(common, limit=100)),
        ("rows_between month", lambda: repository.rows_between(everything, *month, limit=5000)),
        ("rows_between month, actor", lambda: repository.rows_between(one_actor, *month)),
        ("histogram 400", lambda: repository.histogram(everything, low, high, 400)),
        (
            "histogram 400 by_type",
            lambda: repository.histogram(everything, low, high, 400, by_type=True),
        ),
        ("histogram 400, popular actor", lambda: repository.histogram(one_actor, low, high, 400)),
        ("histogram 400, search common", lambda: repository.histogram(common, low, high, 400)),
        ("facet_counts()", lambda: repository.facet_counts(everything)),
        ("facet_counts(popular actor)", lambda: repository.facet_counts(one_actor)),
        ("facet_counts(alias of mid actor)", lambda: repository.facet_counts(mid_actor)),
        ("facet_counts(type sanction)", lambda: repository.facet_counts(one_type)),
        ("facet_counts(search common)", lambda: repository.facet_counts(common)),
        (f"count(search {COMMON_WORD!r})", lambda: repository.count(common)),
        (f"count(search {RARE_WORD!r})", lambda: repository.count(rare)),
        (f"count(search prefix {PREFIX!r})", lambda: repository.count(prefix)),
        ("position_of()", lambda: repository.position_of(everything, some_id)),
        ("position_of(popular actor)", lambda: repository.position_of(one_actor, actor_id)),
        ("date_extent()", lambda: repository.date_extent(everything)),
        ("date_extent(popular actor)", lambda: repository.date_extent(one_actor)),
        ("events_by_id(100)", lambda: repository.events_by_id(hundred)),
    ]


def measure(size: int, runs: int) -> dict[str, object]:
    path = cached_database(size)
    measured = measure_location(str(path), runs)
    return {**measured, "size": size, "file_mb": path.stat().st_size / 1e6}


def measure_location(location: str, runs: int) -> dict[str, object]:
    """Every query on the timeline at ``location``: a file, or a server's URL (the engine
    option: bench_server_queries.py puts a server's figures beside a file's)."""
    engine = open_database(location)
    repository = EventRepository(engine)
    _ = repository.actors, repository.event_types, repository.sources  # loaded once at startup
    results = {}
    for name, action in queries(repository):
        results[name] = time_ms(action, runs)
    size = repository.count()
    engine.dispose()
    return {"size": size, "results": results, "peak_rss_mb": peak_rss_mb()}


def measure_in_child(location: str, runs: int) -> dict[str, object]:
    """:func:`measure_location` in a process of its own (its peak memory is its own)."""
    output = subprocess.run(
        [sys.executable, __file__, "--runs", str(runs), "--db", location],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main(argv: list[str]) -> None:
    runs = 5
    if "--runs" in argv:
        runs = int(argv[argv.index("--runs") + 1])
        del argv[argv.index("--runs") : argv.index("--runs") + 2]
    if argv[:1] == ["--one"]:
        print(json.dumps(measure(int(argv[1]), runs)))
        return
    if argv[:1] == ["--db"]:
        print(json.dumps(measure_location(argv[1], runs)))
        return
    measured = []
    for size in sizes_from_argv(argv):
        cached_database(size)  # build outside the measured process
        output = subprocess.run(
            [sys.executable, __file__, "--runs", str(runs), "--one", str(size)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        measured.append(json.loads(output.strip().splitlines()[-1]))
    names = list(measured[0]["results"])
    headers = ["query (median ms [first call])", *[f"{label(m['size'])} events" for m in measured]]
    rows = [[name, *[_cell(m["results"].get(name)) for m in measured]] for name in names]
    rows.append(["peak RSS (MB)", *[f"{m['peak_rss_mb']:.0f}" for m in measured]])
    rows.append(["database file (MB)", *[f"{m['file_mb']:.0f}" for m in measured]])
    print(f"{runs} runs per query after a first call\n")
    print_table(headers, rows)


def _cell(value: object) -> str:
    if not value:
        return "-"
    first, median = value  # type: ignore[misc]
    return f"{median:8.1f} [{first:.0f}]"


if __name__ == "__main__":
    main(sys.argv[1:])
