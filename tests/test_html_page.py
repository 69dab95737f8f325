"""The exported web page in a real headless Chromium: it shows the events, filters by actor and
type, runs no script from the data, makes no network request and works from the keyboard."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktopapp.db.engine import open_database
from desktopapp.db.repository import EventRepository
from desktopapp.domain.filter import EventFilter
from desktopapp.export.html_page import embedded_json, write_html

CHROMIUM = Path(shutil.which("chromium") or "/usr/bin/chromium")
# Headless Chromium as a test harness: no sandbox (root in CI), no GPU, and none of the
# background services that would make requests of their own and muddy the request log.
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HOSTILE_TITLE = "<script>window.__pwned = 1</script>"
HOSTILE_SUMMARY = (
    '</script><script>window.__pwned = 2</script><img src=x onerror="window.__pwned=3">'
)
HOSTILE_ACTOR = '<img src="http://127.0.0.1:9/actor.png" onerror="window.__pwned=4">'


def _unavailable(reason: str) -> None:
    """On CI a missing browser is a failure (the page would go untested); locally a skip."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"headless Chromium tests cannot run: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install -e '.[test]')")
    if not CHROMIUM.exists():
        _unavailable(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as playwright:
        # A persistent context is the only way to give Chromium a fresh --user-data-dir.
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), args=LAUNCH_ARGS, headless=True
        )
        yield context
        context.close()


@pytest.fixture(scope="module")
def hostile_db(article_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the sample timeline whose texts try to become markup and script."""
    path = tmp_path_factory.mktemp("hostile") / "hostile.sqlite3"
    shutil.copyfile(article_db, path)
    with sqlite3.connect(path) as connection:
        first, second = [row[0] for row in connection.execute("SELECT id FROM events LIMIT 2")]
        connection.execute("UPDATE events SET title = ? WHERE id = ?", (HOSTILE_TITLE, first))
        connection.execute("UPDATE events SET summary = ? WHERE id = ?", (HOSTILE_SUMMARY, second))
        connection.execute("UPDATE actors SET name = ? WHERE key = 'apple'", (HOSTILE_ACTOR,))
        connection.execute("UPDATE actor_names SET name = ? WHERE name = 'Apple'", (HOSTILE_ACTOR,))
        connection.execute("UPDATE citations SET url = 'javascript:window.__pwned=5'")
    connection.close()
    return path


def _export(database: Path, target: Path) -> EventRepository:
    repository = EventRepository(open_database(database))
    write_html(repository, EventFilter(), target)
    return repository


def _open(browser: Any, page_file: Path) -> tuple[Any, list[str]]:
    """The page loaded and built, and the list of every URL it requested."""
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(page_file.resolve().as_uri())
    page.wait_for_selector("body[data-ready]", timeout=30_000)
    return page, requests


def _listed(page: Any) -> int:
    return int(page.locator("#events > li:not([hidden])").count())


def _count_of(page: Any, name: str) -> int:
    row = page.locator("label.choice", has=page.get_by_text(name, exact=True)).first
    return int(row.locator(".count").inner_text().replace(",", ""))


def test_the_page_shows_every_exported_event_with_its_quotes(
    browser: Any, repository: EventRepository, tmp_path: Path
) -> None:
    target = tmp_path / "timeline.html"
    summary = write_html(repository, EventFilter(), target)
    events = repository.events()
    assert summary == f"web page, {len(events)} events"
    page, requests = _open(browser, target)
    assert _listed(page) == len(events) > 10
    assert page.locator("#count").inner_text() == f"{len(events)} events"
    quotes = [q.text for event in events for q in event.quotes]
    shown = page.locator("#events blockquote > span").all_text_contents()
    assert shown == [f"“{text}”" for text in quotes]
    # Each date says where it comes from, with the sentence that states it.
    first = events[0]
    date_line = page.locator("#events > li").first.locator(".datecite").inner_text()
    assert first.citation.outlet in date_line and first.citation.quote in date_line
    assert page.locator("canvas#timeline").bounding_box()["height"] > 200
    assert requests == [target.resolve().as_uri()]


def test_ticking_an_actor_lists_only_its_events_and_updates_the_counts(
    browser: Any, repository: EventRepository, tmp_path: Path
) -> None:
    target = tmp_path / "timeline.html"
    write_html(repository, EventFilter(), target)
    page, _ = _open(browser, target)
    page.get_by_label("Apple", exact=True).check()
    apple = EventFilter(actors=frozenset({"Apple"}))
    titles = page.locator("#events > li:not([hidden]) .title").all_text_contents()
    assert titles == [event.title for event in repository.events(apple)]
    assert 0 < len(titles) < repository.count()
    for event_type in repository.event_types:
        expected = repository.count(EventFilter(actors=apple.actors, types={event_type.slug}))
        label = event_type.label
        if page.locator("label.choice", has=page.get_by_text(label, exact=True)).count():
            assert _count_of(page, label) == expected, label
    page.get_by_label("Apple", exact=True).uncheck()
    assert _listed(page) == repository.count()


def test_types_filter_with_their_subtypes(
    browser: Any, repository: EventRepository, tmp_path: Path
) -> None:
    target = tmp_path / "timeline.html"
    write_html(repository, EventFilter(), target)
    page, _ = _open(browser, target)
    root = next(t for t in repository.event_types if t.slug == "corporate-withdrawal")
    page.get_by_label(root.label, exact=True).check()
    assert _listed(page) == repository.count(EventFilter(types=frozenset({root.slug}))) > 2


def test_text_from_the_data_is_shown_never_run(
    browser: Any, hostile_db: Path, tmp_path: Path
) -> None:
    target = tmp_path / "hostile.html"
    repository = _export(hostile_db, target)
    html = target.read_text(encoding="utf-8")
    # The data cannot end its <script> element: only our two </script> tags are in the file.
    assert html.count("</script>") == 2
    page, requests = _open(browser, target)
    assert page.evaluate("window.__pwned") is None
    assert HOSTILE_TITLE in page.locator("#events .title").all_text_contents()
    assert HOSTILE_SUMMARY in page.locator("#events .summary").all_text_contents()
    assert page.get_by_label(HOSTILE_ACTOR, exact=True).count() == 1
    assert page.locator("#events img, #events script, aside img").count() == 0
    # No javascript: link; every link is http(s) and tells the browser not to pass anything on.
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    rels = page.eval_on_selector_all("a[href]", "links => links.map(a => a.rel)")
    assert hrefs and all(re.match(r"https?://", href) for href in hrefs)
    assert set(rels) == {"noopener noreferrer"}
    assert "javascript:window.__pwned=5 (not a web address: not linked)" in page.content()
    assert requests == [target.resolve().as_uri()]
    repository.engine.dispose()


def test_the_policy_forbids_any_network_request(browser: Any, tmp_path: Path) -> None:
    """Even markup smuggled into the page could load nothing: the CSP says so."""
    from desktopapp.export.html_page import html_page

    data = {"title": "t", "filter": "", "made": "", "legend": [], "notes": [], "events": []}
    data |= {"types": [], "actors": [], "sources": [], "citations": []}
    page_text = html_page(data).replace(
        "<body>", '<body><img src="http://127.0.0.1:9/x.png"><script>window.__pwned=1</script>'
    )
    target = tmp_path / "injected.html"
    target.write_text(page_text, encoding="utf-8")
    page = browser.new_page()
    requests: list[str] = []
    refused: dict[str, str] = {}
    page.on("request", lambda request: requests.append(request.url))
    page.on("requestfailed", lambda request: refused.update({request.url: request.failure}))
    page.goto(target.resolve().as_uri())
    page.wait_for_selector("body[data-ready]", timeout=30_000)
    assert page.evaluate("window.__pwned") is None
    # Chromium reports the image it was asked for, and that the policy refused to fetch it.
    assert requests == [target.resolve().as_uri(), "http://127.0.0.1:9/x.png"]
    assert refused == {"http://127.0.0.1:9/x.png": "csp"}
    assert page.locator("#count").inner_text() == "0 events"


def test_filters_are_reached_with_tab_and_ticked_with_space(
    browser: Any, repository: EventRepository, tmp_path: Path
) -> None:
    target = tmp_path / "timeline.html"
    write_html(repository, EventFilter(), target)
    page, _ = _open(browser, target)
    apple_id = page.get_by_label("Apple", exact=True).get_attribute("id")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == apple_id:
            break
    else:
        pytest.fail("Tab never reached the Apple checkbox")
    page.keyboard.press("Space")
    assert page.get_by_label("Apple", exact=True).is_checked()
    assert _listed(page) == repository.count(EventFilter(actors=frozenset({"Apple"})))
    # On to the type filters, still with Tab alone, and Space ticks one there too.
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id").startswith("type-"):
            break
    else:
        pytest.fail("Tab never reached a type checkbox")
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.checked") is True


def test_zoom_buttons_and_keys_change_the_axis(
    browser: Any, repository: EventRepository, tmp_path: Path
) -> None:
    target = tmp_path / "timeline.html"
    write_html(repository, EventFilter(), target)
    page, _ = _open(browser, target)
    label = "document.getElementById('timeline').getAttribute('aria-label')"
    before = page.evaluate(label)
    page.get_by_role("button", name="Zoom in").click()
    page.get_by_role("button", name="Zoom in").click()
    zoomed = page.evaluate(label)
    assert zoomed != before
    page.locator("canvas#timeline").focus()
    page.keyboard.press("0")
    assert page.evaluate(label) == before


def test_embedded_json_cannot_close_its_element() -> None:
    data = {"t": "</script><!-- & \u2028\u2029 \ud800 é"}
    text = embedded_json(data)
    assert not re.search("[<>&\u2028\u2029\ud800]", text)
    assert json.loads(text) == {"t": "</script><!-- & \u2028\u2029 \ufffd é"}


def test_the_cli_writes_the_page(article_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "apple.html"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktopapp",
            "export",
            "--db",
            str(article_db),
            "--company",
            "Apple",
            "--html",
            str(target),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().startswith(f"Wrote {target} (web page, 3 events)")
    assert "Content-Security-Policy" in target.read_text(encoding="utf-8")


def test_clicking_a_mark_selects_its_event_in_the_list(
    browser: Any, repository: EventRepository, tmp_path: Path
) -> None:
    target = tmp_path / "gm.html"
    gm = EventFilter(actors=frozenset({"GM"}))
    write_html(repository, gm, target)
    page, _ = _open(browser, target)
    box = page.locator("canvas#timeline").bounding_box()
    # One event: its dot is in the middle of the time axis (right of the 170-pixel lane
    # names), on the first row under the 34-pixel axis.
    x = box["x"] + 170 + (box["width"] - 170) / 2
    page.mouse.click(x, box["y"] + 34 + 6 + 10)
    selected = page.locator("#events > li.selected .title").all_text_contents()
    assert selected == [repository.events(gm)[0].title]
    assert page.evaluate("document.activeElement.classList.contains('selected')")
    page.mouse.click(box["x"] + 175, box["y"] + 50)  # beside the mark: nothing new is selected
    assert page.locator("#events > li.selected").count() == 1
