"""Issue #15's table in one command: what the window costs on the article, 100k and 1M events.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_scale.py              # article 100k 1m
    QT_QPA_PLATFORM=offscreen python benchmarks/bench_scale.py --runs 3 100k
    ... --vis /tmp/web-timelines/results/today.json   # vis-timeline's figures at 100k beside

Rows are the questions the window asks (a filter change, from a cheap one, until every view
(the list, counts, facets and the timeline) shows it, painted); columns are the databases,
each "median / worst" in ms over the runs. Then, per database: first frame (window created
until its first paint), first complete view (until every view shows the answer), the
``desktopapp --screenshot`` wall time, and peak RSS; and cold start: a fresh
``desktopapp`` process until its window is shown and grabbed, against a bare PySide6
QMainWindow shown and grabbed (median of 5 each, on the article).

Each database is measured in its own process (``--one PATH``), so the peak RSS is its own.
Synthetic databases are the cached ones (upgraded copies, see _common.current_copy).
Prints figures, asserts nothing.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import current_copy, label, peak_rss_mb, print_table, sizes_from_argv

COLD_RUNS = 5
TIMEOUT_S = 300.0
RESET_TEXT = "zzzz-reset"  # a search nothing matches: a cheap, real change between runs


def main() -> None:
    argv = sys.argv[1:]
    if argv[:1] == ["--one"]:
        print(json.dumps(measure_one(Path(argv[1]), int(argv[2]))))
        return
    runs = int(_option(argv, "--runs", "5"))
    vis = _option(argv, "--vis", "")
    words = [a for a in argv if a not in ("--runs", "--vis", str(runs), vis)]
    sizes = sizes_from_argv(words) if words else [100_000, 1_000_000]
    from desktopapp.ingest.bundled import ensure_default_database

    targets = [("article", ensure_default_database())]
    targets += [(label(size), current_copy(size)) for size in sizes]
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"bench_scale: {runs} runs per question, load {load}", file=sys.stderr)
    results = {}
    for name, path in targets:
        print(f"  {name}…", file=sys.stderr, flush=True)
        results[name] = _child(path, runs)
        results[name]["screenshot"] = _screenshot_seconds(path)
    cold = cold_start(targets[0][1])
    print_report(results, cold, _vis_figures(vis) if vis else None)


def _option(argv: list[str], name: str, default: str) -> str:
    return argv[argv.index(name) + 1] if name in argv else default


def _child(path: Path, runs: int) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--one", str(path), str(runs)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"measuring {path} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- one database, in its own process -------------------------------------------------------


def questions(repository) -> list[tuple[str, object]]:  # type: ignore[no-untyped-def]
    """Issue #15's questions, chosen on this database: the most frequent and a rare actor,
    the most frequent root type, a year around the middle, a month, a common and a rare
    word (from the titles of a sample of events)."""
    from desktopapp.domain.filter import EventFilter

    facets = repository.facet_counts(EventFilter())
    by_count = sorted(
        ((n, a.name) for a in repository.actors if (n := facets.actors.get(a.id, 0)) > 0),
    )
    frequent, rare = by_count[-1][1], by_count[len(by_count) // 20][1]
    roots = [t.slug for t in repository.event_types if t.parent_slug is None]
    kind = max(roots, key=lambda slug: facets.types.get(slug, 0))
    extent = repository.date_extent()
    assert extent is not None
    middle = extent[0] + (extent[1] - extent[0]) / 2
    month = (middle.replace(day=1), (middle.replace(day=28) + timedelta(days=4)).replace(day=1))
    month = (month[0], month[1] - timedelta(days=1))
    year = (middle - timedelta(days=182), middle + timedelta(days=182))
    common, scarce = _words(repository)
    actor, types = frozenset({frequent}), frozenset({kind})
    return [
        ("unfiltered", EventFilter()),
        (f"frequent actor ({frequent})", EventFilter(actors=actor)),
        (f"rare actor ({rare})", EventFilter(actors=frozenset({rare}))),
        (f"type ({kind})", EventFilter(types=types)),
        ("date range (a year)", EventFilter(date_from=year[0], date_to=year[1])),
        (f"common word ({common})", EventFilter(text=common)),
        (f"rare word ({scarce})", EventFilter(text=scarce)),
        ("actor + month", EventFilter(actors=actor, date_from=month[0], date_to=month[1])),
        ("actor + word", EventFilter(actors=actor, text=common)),
        ("type + word", EventFilter(types=types, text=common)),
        ("month + word", EventFilter(text=common, date_from=month[0], date_to=month[1])),
        ("type + month", EventFilter(types=types, date_from=month[0], date_to=month[1])),
    ]


def _words(repository) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """The most and the least frequent (but present) word of a sample of titles."""
    from desktopapp.domain.filter import EventFilter

    rows = repository.rows(EventFilter(), limit=400)
    sample = sorted(
        {
            word.lower()
            for row in rows[::20]
            for word in row.title.split()
            if len(word) >= 6 and word.isalpha()
        }
    )
    counted = sorted((repository.count(EventFilter(text=w)), w) for w in sample[:40])
    counted = [(n, w) for n, w in counted if n > 0]
    return counted[-1][1], counted[0][1]


def measure_one(path: Path, runs: int) -> dict:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktopapp.db.engine import open_database
    from desktopapp.db.repository import EventRepository
    from desktopapp.domain.filter import EventFilter
    from desktopapp.ui.main_window import MainWindow
    from desktopapp.ui.settings import Settings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    repository = EventRepository(open_database(path))
    asked = questions(repository)
    with tempfile.TemporaryDirectory() as folder:
        store = QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat)
        started = time.perf_counter()
        window = MainWindow(repository, Settings(store))
        window.resize(1440, 900)
        window.show()
        window.repaint()
        first_frame = time.perf_counter() - started
        _settle(window)
        first_view = time.perf_counter() - started
        figures: dict[str, list[float]] = {}
        matching: dict[str, int] = {}
        for what, event_filter in asked:
            times = []
            for _ in range(runs):
                _timed(window, EventFilter(text=RESET_TEXT))
                times.append(_timed(window, event_filter))
            figures[what] = times
            matching[what] = window.table_model.matching
        window.close()
        window.deleteLater()
        app.processEvents()
    total = repository.total
    repository.engine.dispose()
    return {
        "events": total,
        "first_frame": first_frame * 1000,
        "first_view": first_view * 1000,
        "questions": figures,
        "matching": matching,
        "peak_rss": peak_rss_mb(),
    }


def _settle(window) -> None:  # type: ignore[no-untyped-def]
    if not window.settle(int(TIMEOUT_S * 1000)):
        raise SystemExit(f"the window did not show its answer within {TIMEOUT_S:.0f} s")
    window.repaint()


def _timed(window, event_filter) -> float:  # type: ignore[no-untyped-def]
    """ms from the filter change until every view shows it, painted."""
    started = time.perf_counter()
    window.set_filter(event_filter)
    _settle(window)
    return (time.perf_counter() - started) * 1000


# -- whole processes --------------------------------------------------------------------------


def _screenshot_seconds(path: Path) -> float:
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "desktopapp", "--db", str(path), "--screenshot",
             str(Path(folder) / "shot.png")],
            check=True, capture_output=True,
        )  # fmt: skip
        return time.perf_counter() - started


# Both children quit as soon as their main window is shown and grabbed; the time runs from
# just before the process is started to the grab, read on the same wall clock. They also say
# when their first window of any kind (the app's splash) was shown and painted.
_GRAB_ON_SHOW = """
import os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget
app = QApplication(sys.argv[:1])
first = []
class GrabOnShow(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not first and isinstance(watched, QWidget):
            if watched.isWindow():
                first.append(time.time())
        shown = event.type() == QEvent.Type.Show
        if shown and type(watched).__name__ in ("QMainWindow", "MainWindow"):
            def grab():
                watched.grab()
                print(first[0] if first else time.time(), time.time(), flush=True)
                os._exit(0)
            QTimer.singleShot(0, grab)
        return False
grabber = GrabOnShow()
app.installEventFilter(grabber)
"""
_BARE = (
    _GRAB_ON_SHOW
    + """
window = QMainWindow()
window.resize(1440, 900)
window.show()
app.exec()
"""
)
_APP = (
    _GRAB_ON_SHOW
    + """
from desktopapp.cli import main
main(["--db", sys.argv[1]])
"""
)


def cold_start(path: Path) -> dict[str, list[float]]:
    """Seconds until the main window is shown and grabbed (and until a first window was
    painted): the app's entry point, and a bare PySide6 window, interleaved."""
    times: dict[str, list[float]] = {"bare": [], "app": [], "app first window": []}
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "XDG_CONFIG_HOME": home, "XDG_DATA_HOME": home}
        for _ in range(COLD_RUNS):
            for name, script in (("bare", _BARE), ("app", _APP)):
                started = time.time()
                done = subprocess.run(
                    [sys.executable, "-c", script, str(path)],
                    capture_output=True, text=True, env=env, check=False, timeout=TIMEOUT_S,
                )  # fmt: skip
                if done.returncode != 0 or not done.stdout.strip():
                    raise SystemExit(f"cold start ({name}) failed:\n{done.stderr}")
                first, grabbed = (float(word) for word in done.stdout.split()[-2:])
                times[name].append(grabbed - started)
                if name == "app":
                    times["app first window"].append(first - started)
    return times


# -- the report ---------------------------------------------------------------------------------


def _vis_figures(path: str) -> dict[str, str]:
    """vis-timeline's medians at 100k from the web-timelines harness's results file."""
    found = [
        entry
        for entry in json.loads(Path(path).read_text())["summary"]
        if entry.get("lib") == "vis-timeline" and entry.get("n") == 100_000
    ]
    if not found:
        return {"runs": "no"}
    entry = found[0]

    def shown(key: str) -> str:
        value = entry.get(key)
        return f"{value:,.0f}" if isinstance(value, int | float) else "—"

    return {
        "first render": shown("firstRenderMs"),
        "zoom to 30 days": shown("zoomMs"),
        "filter (hide 90 %)": shown("filterMs"),
        "runs": f"{entry.get('ok', 0)} of {entry.get('runs', 0)}",
    }


def _cell(values: list[float]) -> str:
    return f"{statistics.median(values):,.0f} / {max(values):,.0f}"


def print_report(results: dict, cold: dict[str, list[float]], vis: dict[str, str] | None) -> None:
    names = list(results)
    first = results[names[0]]
    rows = []
    for index, what in enumerate(first["questions"]):
        row = [what.split(" (")[0]]
        for name in names:
            question = list(results[name]["questions"])[index]
            row.append(_cell(results[name]["questions"][question]))
        rows.append(row)
    print("filter change until every view shows it, painted (ms, median / worst)")
    print_table(["question", *names], rows)
    print()
    print("which names each database's questions used, and how many events they match")
    for name in names:
        asked = results[name]["matching"]
        print(f"  {name}: " + "; ".join(f"{q} {n:,}" for q, n in asked.items()))
    print()
    summary = [
        ["events", *(f"{results[n]['events']:,}" for n in names)],
        ["first frame ms", *(f"{results[n]['first_frame']:,.0f}" for n in names)],
        ["first complete view ms", *(f"{results[n]['first_view']:,.0f}" for n in names)],
        ["--screenshot wall s", *(f"{results[n]['screenshot']:.2f}" for n in names)],
        ["peak RSS MB", *(f"{results[n]['peak_rss']:.0f}" for n in names)],
    ]
    print_table(["", *names], summary)
    print()
    bare, app = statistics.median(cold["bare"]), statistics.median(cold["app"])
    splash = statistics.median(cold["app first window"])
    print(
        f"cold start until the main window is shown and grabbed (median of {COLD_RUNS}): "
        f"desktopapp {app:.2f} s, bare PySide6 window {bare:.2f} s ({app / bare:.1f}×); "
        f"desktopapp's first window (its splash) painted at {splash:.2f} s ({splash / bare:.1f}×)"
    )
    if vis is not None:
        print()
        print(f"vis-timeline at 100k (web-timelines harness, {vis.pop('runs')} runs, ms):")
        for what, value in vis.items():
            print(f"  {what}: {value}")


if __name__ == "__main__":
    main()
