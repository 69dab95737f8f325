"""The text just around a quote (W3C TextQuoteSelector ``prefix`` and ``suffix``).

Stored beside each quote's offsets so that a quote can be re-anchored, or proved ambiguous,
if its offsets are ever in doubt. (domain/anchoring.py offers the full selector and the
re-anchoring; this is the one piece storage needs.)
"""

from __future__ import annotations

CONTEXT_CHARACTERS = 32


def quote_context(text: str, start: int, end: int) -> tuple[str, str]:
    """Up to 32 characters of ``text`` before ``start`` and after ``end``."""
    return text[max(0, start - CONTEXT_CHARACTERS) : start], text[end : end + CONTEXT_CHARACTERS]
