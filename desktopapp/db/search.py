"""Turning whatever a person types into a safe FTS5 query, and folding names for matching.

Nothing typed is ever passed to FTS5 as syntax: the text is cut into words, each word into
its letters-and-digits runs, and each run is quoted, so operators (AND, NEAR, ``*``, ``"``,
parentheses, column filters) are just text. A word with inner punctuation ("l'Ukraine",
"H&M") becomes a phrase of its parts, so it matches the same way the index split it.
"""

from __future__ import annotations

import re
import unicodedata

MAX_WORDS = 16
MAX_WORD_LENGTH = 64
_RUN = re.compile(r"[^\W_]+", re.UNICODE)


def fts_query(text: str) -> str | None:
    """An FTS5 MATCH expression requiring every typed word (the last as a prefix), or None."""
    phrases = []
    for word in text.split()[:MAX_WORDS]:
        runs = [run[:MAX_WORD_LENGTH] for run in _RUN.findall(word)]
        if runs:
            phrases.append('"' + " ".join(runs) + '"')
    if not phrases:
        return None
    # Prefix-match every word, so that results appear while a word is still being typed and
    # "sanction" finds "sanctions".
    return " ".join(phrase + "*" for phrase in phrases)


def fold(text: str) -> str:
    """Case- and accent-insensitive key for names: 'Société Générale' -> 'societe generale'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(stripped.replace("’", "'").split())
