"""The exported web page at 10,000 synthetic events: file size, export time, and how soon it
paints in Debian's headless Chromium (default: 10,000 events).

    python benchmarks/bench_html.py            # 10k events
    python benchmarks/bench_html.py 1000 10k   # other sizes

The database is made by ``desktopapp generate`` and cached under /tmp/desktopapp-bench/.
Browser figures, each the median of three fresh loads: first contentful paint (Performance
API), when the first events are listed, and when the whole list is built (the page builds it
in slices after the first 200, so it paints before it is done). Prints figures, asserts
nothing.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import label, print_table, sizes_from_argv
from bench_export import database

from desktopapp.db.engine import open_database
from desktopapp.db.repository import EventRepository
from desktopapp.domain.filter import EventFilter
from desktopapp.export.html_page import write_html

DEFAULT = ["10000"]
LOADS = int(next((a[8:] for a in sys.argv if a.startswith("--loads=")), 3))
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Milliseconds since navigation start: the first contentful paint, the first list item seen,
# and the list complete (the page sets body[data-ready] when its last slice is in).
TIMINGS = """() => new Promise(resolve => {
  const fcp = () => (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime;
  const poll = () => document.body && document.body.dataset.ready
    ? resolve({fcp: fcp(), ready: performance.now(),
               first: window.__firstItem, items: document.querySelectorAll('#events > li').length})
    : setTimeout(poll, 10);
  poll();
})"""
FIRST_ITEM = """new MutationObserver((_, observer) => {
  if (document.querySelector('#events > li')) {
    window.__firstItem = performance.now(); observer.disconnect();
  }
}).observe(document, {childList: true, subtree: true});"""


def measure(size: int, folder: Path) -> dict[str, str]:
    repository = EventRepository(open_database(database(size)))
    target = folder / f"timeline-{label(size)}.html"
    started = time.perf_counter()
    write_html(repository, EventFilter(), target)
    export_s = time.perf_counter() - started
    repository.engine.dispose()
    loads = [_load(target, folder) for _ in range(LOADS)]
    med = {key: statistics.median(load[key] for load in loads) for key in ("fcp", "first", "ready")}
    return {
        "events": f"{size:,}",
        "file MB": f"{target.stat().st_size / 1e6:.1f}",
        "export s": f"{export_s:.2f}",
        "first paint ms": f"{med['fcp']:.0f}",
        "first items ms": f"{med['first']:.0f}",
        "list built ms": f"{med['ready']:.0f}",
        "items": f"{loads[0]['items']:,}",
    }


def _load(target: Path, folder: Path) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    profile = Path(tempfile.mkdtemp(dir=folder))
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path="/usr/bin/chromium", args=ARGS, headless=True,
            viewport={"width": 1400, "height": 900},
        )  # fmt: skip
        page = context.new_page()
        page.add_init_script(FIRST_ITEM)
        page.goto(target.resolve().as_uri(), wait_until="commit")
        timings = page.evaluate(TIMINGS)
        context.close()
    shutil.rmtree(profile, ignore_errors=True)
    return timings


def main() -> None:
    sizes = sizes_from_argv(sys.argv[1:] or DEFAULT)
    with tempfile.TemporaryDirectory() as folder:
        rows = [measure(size, Path(folder)) for size in sizes]
    print_table(list(rows[0]), [list(row.values()) for row in rows])


if __name__ == "__main__":
    main()
