"""How an event's provenance is said, in the same words everywhere it is shown.

An event backed by no quote of any source is *unsourced* (an imported one, until someone
attaches a quote): the list, the timeline, the detail pane, the PDF and every other export
say so with these words. What an import said of the event is its *claim*: shown as the
importer's words with the file they came from, never as a quote. Its links (an imported
slide's media) are shown or exported only when :func:`desktopapp.domain.links.link_target`
makes a safe http(s) address of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from desktopapp.domain.l10n import N_, _
from desktopapp.domain.links import link_target
from desktopapp.domain.model import Claim, Link, Source
from desktopapp.domain.quotation import quoted

UNSOURCED = "unsourced"
# Marked for the catalogue; shown through _() where displayed.
UNSOURCED_LINE = N_("Unsourced — no quote from a source yet")
LINK_KIND_WORDS = {
    "media": N_("Media"),
    "thumbnail": N_("Thumbnail"),
    "background": N_("Background"),
}


def claim_heading(claim: Claim) -> str:
    """ "As imported from timeline.json, slide 4:" (or without a place, if none was kept)."""
    origin = claim.origin.strip()
    if origin:
        return _("As imported from {origin}:").format(origin=origin)
    return _("As imported:")


@dataclass(frozen=True)
class ShownLink:
    """A link as it may be shown: ``target`` is the safe address to link to, or None when the
    stored one is not http(s) (then it is shown as text only, or left out of an export)."""

    link: Link
    target: str | None

    @property
    def words(self) -> str:
        """ "Media", "Thumbnail" or "Background" (the kind as stored, if unknown)."""
        known = LINK_KIND_WORDS.get(self.link.kind)
        return _(known) if known else self.link.kind

    @property
    def credit_line(self) -> str:
        """Credit and caption together, for a line under the link ("" when neither)."""
        return " — ".join(part for part in (self.link.caption, self.link.credit) if part)


def shown_links(links: Iterable[Link]) -> Iterator[ShownLink]:
    """The links with their safe targets, in stored order (empty URLs left out)."""
    for link in links:
        if link.url.strip():
            yield ShownLink(link, link_target(link.url))


def first_link(links: Iterable[Link], kind: str) -> ShownLink | None:
    """The first link of this kind with a safe http(s) target, for formats that hold one."""
    for shown in shown_links(links):
        if shown.link.kind == kind and shown.target is not None:
            return shown
    return None


def source_names(sources: Sequence[Source]) -> dict[str, str]:
    """A name for each source, by key, that tells it from the others: its outlet, or its
    outlet and title when another source shares the outlet (two SAP statements), or its
    title when it has no outlet."""
    outlets = [source.outlet for source in sources]
    names = {}
    for source in sources:
        title = quoted(source.title, source.language) if source.title else ""
        if source.outlet and (outlets.count(source.outlet) == 1 or not title):
            names[source.key] = source.outlet
        elif source.outlet:
            names[source.key] = f"{source.outlet}, {title}"
        else:
            names[source.key] = title or source.key
    return names
