"""Text from data made safe to show: invisible controls made visible, huge texts cut.

A timeline file may come from anyone, and what it holds is shown as it is, never obeyed.
Two things in text would be obeyed by the screen rather than read:

- invisible controls. A right-to-left override reorders what follows it
  (``"Apple \\u202eslaed llA\\u202c"`` reads "Apple All deals"), and a zero-width space or a
  tag character hides a difference or a whole message. In a fact-checking tool a reader must
  see that they are there: each is shown as :data:`HIDDEN_MARK`, one code point for one, so
  offsets into a source text stay valid;
- sheer length. Qt lays a one-word title of a million characters out in minutes; no real
  title is that long, so text is cut for display with an ellipsis, and the count of what was
  cut where it matters.

Only what a person reads goes through :func:`for_display` (the window, tooltips, the PDF, the
chart images). What is stored, searched and exported as data (JSON, CSV) stays verbatim.
"""

from __future__ import annotations

import re

from desktopapp.domain.l10n import N_, ngettext, number
from desktopapp.domain.model import Event

HIDDEN_MARK = "\ufffd"  # "�": Unicode's own sign for a character that cannot be shown
# Marked for the catalogue (the mark written out, as HIDDEN_MARK is): shown through _().
HIDDEN_MARK_NOTE = N_(
    "\ufffd stands for an invisible control character in the data (such as a "
    "right-to-left override), shown instead of obeyed"
)

# How much of a text is laid out, in code points. No real title, name or summary comes near.
LINE_LIMIT = 300  # one line: list cells, timeline labels, lane names, the window title
TOOLTIP_LIMIT = 1000
PARAGRAPH_LIMIT = 5000  # a paragraph: the detail pane, the PDF

# Shown as HIDDEN_MARK:
# - every bidirectional control: ALM, LRM, RLM, the embeddings and overrides (U+202A-E),
#   the isolates (U+2066-9);
# - invisible characters that hide or split text: zero-width space, Mongolian vowel
#   separator, word joiner and invisible operators, deprecated format controls, BOM,
#   interlinear annotations, musical beam/phrase controls, tag characters;
# - control characters (C0, DEL, C1) other than tab and line breaks.
# Kept: the format characters a script needs to be written right (zero-width joiner and
# non-joiner for Persian, Indic scripts and emoji, the soft hyphen, the prepended number
# signs, hieroglyph and shorthand format controls): they neither reorder nor hide text.
_HIDDEN = re.compile(
    "["
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
    "\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufeff\ufff9-\ufffb"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
    "]"
)


def for_display(text: str, limit: int | None = None, *, say_cut: bool = False) -> str:
    """``text`` as a person should see it: every invisible control shown as HIDDEN_MARK
    (one for one), and, beyond ``limit`` code points, cut with "…" (followed by
    "(N characters cut)" if ``say_cut``)."""
    cut = 0
    if limit is not None and len(text) > limit:
        cut = len(text) - limit
        text = text[:limit]
    shown = _HIDDEN.sub(HIDDEN_MARK, text)
    if cut:
        shown += _cut_words(cut) if say_cut else "…"
    return shown


def _cut_words(cut: int) -> str:
    return "… " + ngettext("({n} character cut)", "({n} characters cut)", cut).format(n=number(cut))


def has_hidden(text: str) -> bool:
    """True if ``text`` holds a character that :func:`for_display` shows as HIDDEN_MARK."""
    return _HIDDEN.search(text) is not None


def event_has_hidden(event: Event, limit: int = PARAGRAPH_LIMIT) -> bool:
    """True if any text shown of ``event`` (its first ``limit`` code points) has a character
    shown as HIDDEN_MARK: then what the mark means must be said beside it."""
    citation = event.citation
    texts = [event.title, event.summary, event.type.label, *(a.name for a in event.actors())]
    texts += [citation.outlet, citation.title, citation.url, citation.quote, citation.note]
    texts += [text for quote in event.quotes for text in (quote.text, quote.source_title)]
    return any(has_hidden(text[:limit]) for text in texts)


# Qt's word wrap takes time quadratic in the length of a word it cannot break: a one-word
# line of 80,000 characters takes a second, of a million minutes. Beyond this, wrap anywhere.
LONGEST_WORD = 1000
_LONG_WORD = re.compile(rf"\S{{{LONGEST_WORD + 1}}}")


def has_long_word(text: str) -> bool:
    """True if ``text`` holds a run of more than LONGEST_WORD characters without a space."""
    return _LONG_WORD.search(text) is not None
