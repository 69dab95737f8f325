"""What a person types into the search box, read once: for the index query and for showing
why an event matched.

The syntax, all of it:

- words: every one is required, and each also finds longer words ("sanction" finds
  "sanctions"); a word with inner punctuation ("l'Ukraine", "H&M") is its parts in a row;
- ``"quoted phrases"``: these whole words in this order (a missing closing quote ends the
  phrase at the end of the text);
- ``OR`` in capitals between two of these: either one (``apple OR swift``); it binds its two
  neighbours only, so ``russia apple OR swift`` is russia and (apple or swift).

Case, accents and apostrophe style are ignored, the way the index folds them (see fold).
Anything else typed is text: a search is only ever words, never index syntax.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from desktopapp.domain.l10n import N_, _
from desktopapp.domain.model import Event
from desktopapp.domain.wording import listing

MAX_TERMS = 16
MAX_WORD_LENGTH = 64
# Marked for the catalogue; shown through _() where displayed.
SYNTAX_HELP = N_(
    "Words in titles, summaries, quotes or actor names; every word is required and also "
    'finds longer words (sanction → sanctions). "Quoted words" must appear together, in '
    "that order. OR in capitals between two words or phrases finds either (apple OR swift). "
    "Case, accents and apostrophes are ignored."
)

# What the index (FTS5 unicode61, remove_diacritics 2) counts as one token: letters, digits,
# and the combining diacritics it removes (so a decomposed "e\u0301" is part of its word, not a
# break in it: Python's \w has no marks). Those 25 marks were read off SQLite 3.40 itself.
_DIACRITICS = "\u0300-\u0304\u0306-\u030c\u030f\u0311\u031b\u0323-\u0328\u032d\u032e\u0330\u0331"
_RUN = re.compile(rf"(?:[^\W_]|[{_DIACRITICS}])+")
_ITEM = re.compile(r'"([^"]*)"?|([^\s"]+)')  # a quoted phrase, or a word


def fold(text: str) -> str:
    """Case- and accent-insensitive key for names: 'Société Générale' -> 'societe generale'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(stripped.replace("’", "'").split())


def index_fold(word: str) -> str:
    """A word folded as the search index (FTS5 unicode61, remove_diacritics 2) folds it: lower
    case, diacritics removed from letters that carry them; no compatibility mapping (² stays
    ², as in the index; :func:`fold`, for names, would make it 2). Whatever shows why an event
    matched, and the server's own index, fold this way, so they find what the index finds."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def index_tokens(text: str) -> list[str]:
    """The words of a text as the index counts them (unfolded)."""
    return _RUN.findall(text)


@dataclass(frozen=True)
class SearchTerm:
    """Words that must appear in a row; with ``prefix`` the last may be the start of a word."""

    words: tuple[str, ...]
    prefix: bool

    @property
    def folded(self) -> tuple[str, ...]:
        return tuple(index_fold(word) for word in self.words)


@dataclass(frozen=True)
class SearchQuery:
    """Every group is required; a group is found when any one of its terms is."""

    groups: tuple[tuple[SearchTerm, ...], ...]

    @property
    def terms(self) -> tuple[SearchTerm, ...]:
        return tuple(term for group in self.groups for term in group)

    def __bool__(self) -> bool:
        return bool(self.groups)


_OR = object()


def parse_search(text: str) -> SearchQuery:
    """The search box's text as terms and OR groups (empty if it has no word at all)."""
    items: list[SearchTerm | object] = []
    for match in _ITEM.finditer(text):
        phrase, word = match.group(1), match.group(2)
        if word == "OR":
            items.append(_OR)
            continue
        runs = tuple(run[:MAX_WORD_LENGTH] for run in _RUN.findall(phrase or word or ""))
        if runs:
            items.append(SearchTerm(runs, prefix=phrase is None))
    groups: list[tuple[SearchTerm, ...]] = []
    joining = False
    for number, item in enumerate(items):
        if item is _OR:
            following = items[number + 1] if number + 1 < len(items) else None
            joining = bool(groups) and isinstance(following, SearchTerm)
            if not joining:  # nothing to join on one side: the word "OR" itself
                groups.append((SearchTerm(("OR",), prefix=True),))
            continue
        assert isinstance(item, SearchTerm)
        if joining:
            groups[-1] = (*groups[-1], item)
        else:
            groups.append((item,))
        joining = False
    return SearchQuery(_at_most(groups, MAX_TERMS))


def _at_most(
    groups: list[tuple[SearchTerm, ...]], limit: int
) -> tuple[tuple[SearchTerm, ...], ...]:
    """The first ``limit`` terms (a pasted book is cut: only its first words are searched)."""
    kept: list[tuple[SearchTerm, ...]] = []
    left = limit
    for group in groups:
        if left <= 0:
            break
        kept.append(group[:left])
        left -= len(kept[-1])
    return tuple(kept)


def match_spans(query: SearchQuery | str, text: str) -> list[tuple[int, int]]:
    """Where the search's terms occur in ``text``: sorted, disjoint (start, end) offsets in
    code points, found as the index finds them (whole tokens, folded, the last word of a
    plain term as a prefix). Any term counts, whichever OR alternative it belongs to."""
    terms = (parse_search(query) if isinstance(query, str) else query).terms
    if not terms or not text:
        return []
    tokens = [(m.start(), m.end(), index_fold(m.group())) for m in _RUN.finditer(text)]
    found: list[tuple[int, int]] = []
    for term in terms:
        words = term.folded
        for first in range(len(tokens) - len(words) + 1):
            if _term_at(tokens, first, words, term.prefix):
                found.append((tokens[first][0], tokens[first + len(words) - 1][1]))
    return _merged(found)


def _term_at(
    tokens: list[tuple[int, int, str]], first: int, words: tuple[str, ...], prefix: bool
) -> bool:
    for offset, word in enumerate(words):
        token = tokens[first + offset][2]
        last = offset == len(words) - 1
        if not (token.startswith(word) if last and prefix else token == word):
            return False
    return True


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def why_matched(query: SearchQuery, event: Event) -> str:
    """Where the search found the event, in words, with the first passage: "Found in a quote:
    «… Netflix, Spotify, H&M …»" ("" if the search is empty or found nothing)."""
    if not query:
        return ""
    fields = [
        (_("the title"), event.title),
        (_("the summary"), event.summary),
        *((_("the title"), text.title) for text in event.translations),  # in other languages
        *((_("the summary"), text.summary) for text in event.translations),
        *((_("a quote"), quote.text) for quote in event.quotes),
        *((_("an actor's names"), ", ".join((a.name, *a.aliases))) for a in event.actors()),
    ]
    found = [(place, text, spans) for place, text in fields if (spans := match_spans(query, text))]
    if not found:
        return ""
    places = list(dict.fromkeys(place for place, _text, _spans in found))
    where = places[0] if len(places) == 1 else listing(places)
    _place, text, spans = found[0]
    # The passage is the source's words: between guillemets in every language, as before.
    return _("Found in {where}: «{passage}»").format(where=where, passage=_passage(text, spans[0]))


def _passage(text: str, span: tuple[int, int], context: int = 40) -> str:
    start, end = max(0, span[0] - context), min(len(text), span[1] + context)
    passage = " ".join(text[start:end].split())
    return ("… " if start > 0 else "") + passage + (" …" if end < len(text) else "")
