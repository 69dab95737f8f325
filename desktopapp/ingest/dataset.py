"""What a database is built from, before it is written: plain records, already checked.

Both the annotation loader (the real article) and the synthetic generator (benchmarks)
produce a :class:`Dataset`; one builder writes either.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from desktopapp.domain.dates import FuzzyDate
from desktopapp.domain.model import ActorKind, Role
from desktopapp.domain.taxonomy import STANDARD_TYPES


@dataclass(frozen=True)
class SourceSpec:
    key: str
    title: str
    outlet: str
    language: str
    url: str
    published: FuzzyDate | None  # None: not known (stored as "")
    published_note: str
    text: str
    author: str = ""


@dataclass(frozen=True)
class CitationSpec:
    key: str
    outlet: str
    title: str
    url: str
    published: FuzzyDate | None  # None: the report's date is not known (stored as "")


@dataclass(frozen=True)
class ActorSpec:
    key: str
    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    names: tuple[tuple[str, str], ...] = ()  # (language, name) where it differs: "fr", "Russie"


@dataclass(frozen=True)
class TypeSpec:
    slug: str
    label: str


@dataclass(frozen=True)
class QuoteSpec:
    """A span of a source by code-point offsets; ``text`` must equal the slice."""

    source_key: str
    start: int
    end: int
    text: str
    translations: tuple[tuple[str, str], ...] = ()  # (language, text): beside it, labelled


@dataclass(frozen=True)
class TextSpec:
    """An event's words in another language than its own."""

    language: str
    title: str
    summary: str = ""
    note: str = ""


@dataclass(frozen=True)
class LinkSpec:
    kind: str  # media, thumbnail, background
    url: str
    credit: str = ""
    caption: str = ""


@dataclass(frozen=True)
class EventSpec:
    key: str
    title: str
    summary: str
    type_slug: str
    date: FuzzyDate
    actors: tuple[tuple[str, Role], ...]
    citation_key: str | None  # None: the date comes from the first source itself
    citation_quote: str
    citation_note: str
    quotes: tuple[QuoteSpec, ...]
    # An imported event: what its file said and where (text, origin); it may have no quote.
    claim: tuple[str, str] | None = None
    links: tuple[LinkSpec, ...] = ()
    language: str = ""  # of title, summary and citation note ("" if not stated)
    translations: tuple[TextSpec, ...] = ()


@dataclass
class Dataset:
    sources: list[SourceSpec]
    citations: list[CitationSpec]
    actors: list[ActorSpec]
    types: list[TypeSpec]
    events: Iterable[EventSpec]
    meta: dict[str, str] = field(default_factory=dict)


# The taxonomy every database starts from (see domain/taxonomy.py).
DEFAULT_TYPES: tuple[TypeSpec, ...] = tuple(TypeSpec(slug, label) for slug, label in STANDARD_TYPES)
