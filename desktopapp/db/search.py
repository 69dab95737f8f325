"""Turning whatever a person types into a safe FTS5 query.

The text is read by :func:`desktopapp.domain.search.parse_search` into words, quoted phrases
and OR groups; each term is written out as a quoted FTS5 string, so nothing typed is ever
FTS5 syntax (AND, NOT, NEAR, ``*``, ``^``, parentheses, column filters are just text). The
only operators in the query are the ones written here: OR inside a group, AND between groups.
"""

from __future__ import annotations

from desktopapp.domain.search import (
    MAX_TERMS,
    MAX_WORD_LENGTH,
    SearchQuery,
    SearchTerm,
    fold,
    parse_search,
)

__all__ = ["MAX_TERMS", "MAX_WORD_LENGTH", "fold", "fts_query"]


def fts_query(text: str | SearchQuery) -> str | None:
    """An FTS5 MATCH expression for the search box's text, or None if it has no word."""
    query = parse_search(text) if isinstance(text, str) else text
    if not query:
        return None
    groups = []
    for group in query.groups:
        terms = [_fts_term(term) for term in group]
        groups.append(terms[0] if len(terms) == 1 else "(" + " OR ".join(terms) + ")")
    return " AND ".join(groups)


def _fts_term(term: SearchTerm) -> str:
    # A plain word is matched as a prefix, so that results appear while it is still being
    # typed and "sanction" finds "sanctions"; a quoted phrase is whole words.
    quoted = '"' + " ".join(word.replace('"', '""') for word in term.words) + '"'
    return quoted + "*" if term.prefix else quoted
