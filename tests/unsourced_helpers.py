"""A small timeline with two sourced events and two unsourced ones (imported: a claim, links),
made through the store's ordinary commands, for the tests of how "unsourced" is shown."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktopapp.db.commands import (
    AddActor,
    AddEvent,
    AddSource,
    ClaimInput,
    LinkInput,
    OutsideReference,
    QuoteInput,
    SourceSentence,
)
from desktopapp.db.store import TimelineStore

TEXT = (
    "Le 1er mars 2022, Apple a arrêté ses ventes en Russie. "
    "Le 4 mars, Netflix a suspendu son service en Russie."
)
SOURCED_TITLES = ("Apple halts sales in Russia", "Netflix suspends its service")
# An imported slide's words, with markup that must stay text wherever it is shown.
CLAIM_TEXT = "Spotify <b>closed</b> its office & said so\non its blog."
CLAIM_ORIGIN = "timeline.json, slide 4"
MEDIA_URL = "https://example.org/spotify.jpg"
UNSAFE_URL = "javascript:alert(1)"
UNSOURCED_TITLES = ("Spotify closes its Moscow office", "H&M <pauses> sales")


@dataclass(frozen=True)
class MixedTimeline:
    path: Path
    sourced: tuple[str, str]  # event keys
    unsourced: tuple[str, str]


def _quote(source: str, words: str) -> QuoteInput:
    start = TEXT.index(words)
    return QuoteInput(source, start, start + len(words), words)


def _imported_date(sentence: str) -> OutsideReference:
    return OutsideReference(
        outlet="Imported file",  # the store asks an outlet or a URL of an outside report
        title="timeline.json",
        url="",
        sentence=sentence,
        note="as given by the imported file; not checked",
    )


def make_mixed_timeline(path: Path) -> MixedTimeline:
    """Write the timeline at ``path`` (which must not exist)."""
    with TimelineStore.create(path, title="Mixed", author="Ada") as store:
        source = store.execute(AddSource(TEXT, "Article", outlet="Le Monde")).created_key
        assert source
        actors = {
            name: store.execute(AddActor(name, "company")).created_key
            for name in ("Apple", "Netflix", "Spotify", "H&M")
        }
        sourced = tuple(
            store.execute(
                AddEvent(
                    title,
                    "corporate-withdrawal/sales-halt",
                    date,
                    SourceSentence(_quote(source, dated)),
                    ((actors[actor], "acting"),),
                    (_quote(source, words),),
                )
            ).created_key
            for title, date, dated, actor, words in (
                (SOURCED_TITLES[0], "2022-03-01", "Le 1er mars 2022", "Apple", "Apple a arrêté"),
                (SOURCED_TITLES[1], "2022-03-04", "Le 4 mars", "Netflix", "Netflix a suspendu"),
            )
        )
        spotify = store.execute(
            AddEvent(
                UNSOURCED_TITLES[0],
                "corporate-withdrawal/sales-halt",
                "2022-03-02",
                _imported_date("start_date 2022-03-02"),
                ((actors["Spotify"], "acting"),),
                claim=ClaimInput(CLAIM_TEXT, CLAIM_ORIGIN),
                links=(
                    LinkInput("media", MEDIA_URL, credit="Photo: <i>AP</i>", caption="The office"),
                    LinkInput("thumbnail", UNSAFE_URL),
                ),
            )
        ).created_key
        hm = store.execute(
            AddEvent(
                UNSOURCED_TITLES[1],
                "corporate-withdrawal/sales-halt",
                "2022-03",
                _imported_date("March 2022"),
                ((actors["H&M"], "acting"),),
                claim=ClaimInput("H&M paused all sales.", "sheet.csv, line 7"),
            )
        ).created_key
    assert all(sourced) and spotify and hm
    return MixedTimeline(path, sourced, (spotify, hm))  # type: ignore[arg-type]
