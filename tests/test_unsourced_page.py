"""The web page in headless Chromium: an unsourced event has its badge and its line, its
import's words shown as text (not a quote), and only its http(s) media as a link."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktopapp.db.engine import open_database
from desktopapp.db.repository import EventRepository
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.provenance import UNSOURCED_LINE
from desktopapp.export.html_page import write_html
from tests.test_html_page import _open, browser  # noqa: F401  (the Chromium fixture)
from tests.unsourced_helpers import (
    CLAIM_ORIGIN,
    CLAIM_TEXT,
    MEDIA_URL,
    SOURCED_TITLES,
    UNSAFE_URL,
    UNSOURCED_TITLES,
    make_mixed_timeline,
)


def test_the_page_marks_unsourced_events_and_shows_their_claim_as_text(
    browser: Any,  # noqa: F811
    tmp_path: Path,
) -> None:
    mixed = make_mixed_timeline(tmp_path / "mixed.timeline")
    repository = EventRepository(open_database(mixed.path))
    target = tmp_path / "mixed.html"
    write_html(repository, EventFilter(), target)
    repository.engine.dispose()
    page, requests = _open(browser, target)
    items = {
        page.locator("#events > li").nth(n).locator(".title").inner_text(): n
        for n in range(page.locator("#events > li").count())
    }
    spotify = page.locator("#events > li").nth(items[UNSOURCED_TITLES[0]])
    assert spotify.locator(".badge").inner_text() == "unsourced"
    assert spotify.locator(".warn").first.inner_text() == f"{UNSOURCED_LINE}."
    assert spotify.locator(".claimed").inner_text() == f"As imported from {CLAIM_ORIGIN}:"
    assert spotify.locator(".claimtext").inner_text() == CLAIM_TEXT  # markup shown as text
    assert spotify.locator(".claimtext b, blockquote").count() == 0  # and never a quote
    assert spotify.locator(".mark.unsourced").count() == 1
    hrefs = spotify.locator("a[href]").evaluate_all("links => links.map(a => a.href)")
    assert hrefs == [MEDIA_URL]
    assert f"{UNSAFE_URL} (not a web address: not linked)" in spotify.inner_text()
    apple = page.locator("#events > li").nth(items[SOURCED_TITLES[0]])
    assert apple.locator(".badge, .claimed, .mark.unsourced").count() == 0
    assert "Unsourced: no quote from a source yet" in page.locator("div.legend").inner_text()
    assert requests == [target.resolve().as_uri()]
