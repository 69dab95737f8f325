"""The records the app shows: sources, actors, event types, events, quotes, citations.

These are frozen dataclasses handed out by the repository, so that drawing or exporting an
event never reaches back into the database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from enum import StrEnum

from desktopapp.domain.dates import DAY_OR_FINER, FuzzyDate
from desktopapp.domain.l10n import _


class ActorKind(StrEnum):
    COMPANY = "company"
    GOVERNMENT = "government"
    INTERNATIONAL_BODY = "international-body"
    MEDIA = "media"
    MARKET = "market"
    PERSON = "person"
    GROUP = "group"


class Role(StrEnum):
    ACTING = "acting"
    AFFECTED = "affected"


@dataclass(frozen=True)
class Source:
    """A text that events are quoted from (the article)."""

    key: str
    title: str
    outlet: str
    language: str
    url: str
    published: FuzzyDate | None  # None: the stored date is unreadable (see problems)
    published_note: str
    sha256: str
    problems: tuple[str, ...] = ()
    author: str = ""

    def published_text(self) -> str:
        """The publication date in words, or that it cannot be read."""
        if self.published is None:
            damaged = any("published_edtf" in problem for problem in self.problems)
            return _("publication date unreadable") if damaged else _("publication date not known")
        return self.published.describe()

    def citation_line(self) -> str:
        parts = [self.outlet, self.author, f"« {self.title} »", self.published_text(), self.url]
        return ", ".join(part for part in parts if part)  # a source of one's own may lack some


@dataclass(frozen=True)
class Actor:
    """An actor as the reader sees it: ``name`` in the reader's language when the actor has
    a name in it ("Vladimir Poutine"), and ``aliases`` every other name it answers to, its
    names in other languages included, so that finding it works in any of them."""

    id: int
    key: str
    name: str
    kind: ActorKind | None  # None: the stored kind is not one we know (see problems)
    aliases: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    # Its name in no particular language (the actors row), and by language where it differs
    # (("fr", "Vladimir Poutine"),): what an editor or an export writes back.
    own_name: str = ""
    names: tuple[tuple[str, str], ...] = ()
    # Its aliases as stored (without the names by language); None: the same as ``aliases``.
    own_aliases: tuple[str, ...] | None = None

    def __post_init__(self) -> None:
        # An actor made without its stored parts (a test, a generator) is its own name.
        if not self.own_name:
            object.__setattr__(self, "own_name", self.name)
        if self.own_aliases is None:
            object.__setattr__(self, "own_aliases", self.aliases)


@dataclass(frozen=True)
class EventType:
    """A node of the two-level taxonomy, e.g. ``corporate-withdrawal/sales-halt``."""

    id: int
    slug: str
    label: str

    @property
    def shown_label(self) -> str:
        """The label in the reader's language for a standard type, else as stored."""
        from desktopapp.domain.taxonomy import type_label

        return type_label(self.slug, self.label)

    @property
    def parent_slug(self) -> str | None:
        return self.slug.rsplit("/", 1)[0] if "/" in self.slug else None

    @property
    def root_slug(self) -> str:
        return self.slug.split("/", 1)[0]

    def includes(self, other_slug: str) -> bool:
        """A type includes itself and its children."""
        return other_slug == self.slug or other_slug.startswith(self.slug + "/")


@dataclass(frozen=True)
class Citation:
    """Where a date comes from: the article itself, or a named news report."""

    outlet: str
    title: str
    url: str
    published: str
    quote: str
    note: str
    is_article: bool

    def line(self) -> str:
        parts = [self.outlet]
        if self.title:
            parts.append(f"“{self.title}”")
        if self.published:
            parts.append(self.published)
        if self.url:
            parts.append(self.url)
        return ", ".join(parts)


@dataclass(frozen=True)
class EventText:
    """An event's words in one language: title, summary and the note on its date's
    citation. ``language`` is "" where the timeline does not say which it is."""

    language: str
    title: str
    summary: str = ""
    note: str = ""


NOT_VERIFIED = "not verified: the text at these offsets differs"


@dataclass(frozen=True)
class Quote:
    """A verbatim span of a source: ``text == source_text[start:end]`` (code points).

    The repository checks that again whenever it reads a quote; a quote that fails the check
    keeps its text, with ``problem`` saying why, and must never be highlighted at its offsets.
    Offsets that are not integers are None.
    """

    text: str
    start: int | None
    end: int | None
    source_key: str
    source_title: str
    problem: str = ""
    # The quote's words in other languages, (language, text) sorted: shown beside the quote,
    # labelled as a translation, never in its place. ``translation`` is the one in the
    # reader's language ("" if there is none).
    translations: tuple[tuple[str, str], ...] = ()
    translation: str = ""

    @property
    def verified(self) -> bool:
        return not self.problem


@dataclass(frozen=True)
class Claim:
    """What an imported entry said of the event, in the other tool's words, and where it
    came from ("timeline.json, slide 4"). Never a quote: no source's text backs it."""

    text: str
    origin: str


LINK_KINDS = ("media", "thumbnail", "background")


@dataclass(frozen=True)
class Link:
    """A link an event carries (an imported slide's media), as stored: show or export it
    only through domain/links.link_target."""

    kind: str  # one of LINK_KINDS
    url: str
    credit: str = ""
    caption: str = ""


@dataclass(frozen=True)
class Participant:
    actor: Actor
    role: Role


@dataclass(frozen=True)
class EventRow:
    """What lists and the timeline need of an event: cheap to fetch a million of."""

    id: int
    title: str
    type_slug: str
    edtf: str
    start: dt.date
    end: dt.date
    precision: str
    approximate: bool
    uncertain: bool
    actor_names: str = ""
    # What is wrong with the stored row, for a person (empty for a sound row).
    problems: tuple[str, ...] = ()
    unsourced: bool = False  # no quote of any source (an imported event, say)

    @property
    def is_exact_day(self) -> bool:
        return self.precision in DAY_OR_FINER and not (self.approximate or self.uncertain)


@dataclass(frozen=True)
class Event:
    """An event with everything needed to show and verify it."""

    id: int
    key: str
    title: str
    summary: str
    type: EventType
    date: FuzzyDate
    citation: Citation
    participants: tuple[Participant, ...]
    quotes: tuple[Quote, ...] = field(default=())
    # What is wrong with the stored event, its actors or its quotes (empty when sound).
    problems: tuple[str, ...] = ()
    claim: Claim | None = None  # what an import said of it, if it was imported
    links: tuple[Link, ...] = ()
    # The language of the title, summary and citation note above ("" if not stated): the
    # reader's when a translation into it exists, else the event's own.
    language: str = ""
    # The event's own words when a translation is shown above (None when its own are), and
    # every stored translation, by language.
    written: EventText | None = None
    translations: tuple[EventText, ...] = ()

    @property
    def translated(self) -> bool:
        """The title and summary shown are a translation of the event's own words."""
        return self.written is not None

    def as_written(self) -> Event:
        """The event in its own words (what an editor changes), whatever the reader's
        language: a translation is edited as a translation, never over the original."""
        if self.written is None:
            return self
        own = self.written
        return replace(
            self,
            title=own.title,
            summary=own.summary,
            citation=replace(self.citation, note=own.note),
            language=own.language,
            written=None,
        )

    def translation(self, language: str) -> EventText | None:
        return next((text for text in self.translations if text.language == language), None)

    @property
    def unsourced(self) -> bool:
        """No quote of any source backs the event: it must be shown as unsourced."""
        return not self.quotes

    @property
    def start(self) -> dt.date:
        return self.date.earliest()

    @property
    def end(self) -> dt.date:
        return self.date.latest()

    def actors(self, role: Role | None = None) -> tuple[Actor, ...]:
        return tuple(p.actor for p in self.participants if role is None or p.role is role)
