"""How a source's publication date is said in the PDF and the web page."""

from __future__ import annotations

from desktopapp.domain.dates import parse_edtf
from desktopapp.domain.model import Source
from desktopapp.export.provenance import published_words


def _source(published: str | None, problems: tuple[str, ...] = ()) -> Source:
    date = parse_edtf(published) if published else None
    return Source("s", "T", "O", "fr", "", date, "", "0" * 64, problems)


def test_a_known_date_is_said_with_its_precision() -> None:
    assert published_words(_source("2022-03-02")) == "published 2 March 2022"
    assert published_words(_source("2022-03")) == (
        "published March 2022; the exact day is not known"
    )


def test_a_date_not_known_is_not_called_unreadable() -> None:
    assert published_words(_source(None)) == "publication date not known"
    damaged = _source(None, ("sources.published_edtf: not an EDTF date",))
    assert published_words(damaged) == "publication date unreadable"
