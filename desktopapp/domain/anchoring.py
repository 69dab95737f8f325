"""Anchoring a quote in its source: by position and by text, as W3C Web Annotation does.

A quote is stored with its offsets (a TextPositionSelector, ``start``/``end``) and with a
TextQuoteSelector: the ``exact`` words plus up to :data:`CONTEXT` code points before
(``prefix``) and after (``suffix``). The offsets say where; the selector lets the same words be
found again when the offsets went stale, and proves a quote unique or ambiguous. This is how
the Hypothesis web annotator re-finds its highlights.

Offsets count Unicode code points (Python ``str`` indices), as the W3C model does.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktopapp.domain.l10n import _, ngettext, number

CONTEXT = 32  # code points of prefix and suffix, the amount the Hypothesis client keeps


class AnchorError(ValueError):
    """A quote that cannot be placed in its source; the message is one line for the person."""


@dataclass(frozen=True)
class TextQuoteSelector:
    """The quoted words and the text just around them in the source."""

    exact: str
    prefix: str
    suffix: str


def selector_for(text: str, start: int, end: int) -> TextQuoteSelector:
    """The selector of ``text[start:end]``, with its context cut at the text's ends."""
    if not 0 <= start < end <= len(text):
        raise AnchorError(
            _("the span {start}–{end} is not inside the text ({length} characters)").format(
                start=start, end=end, length=number(len(text))
            )
        )
    return TextQuoteSelector(
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT) : start],
        suffix=text[end : end + CONTEXT],
    )


def occurrences(text: str, exact: str) -> list[int]:
    """Where ``exact`` starts in ``text``, overlapping matches included ("aa" twice in "aaa"):
    a quote is unique only if no other start gives the same words."""
    if not exact:
        return []
    starts: list[int] = []
    position = text.find(exact)
    while position != -1:
        starts.append(position)
        position = text.find(exact, position + 1)
    return starts


def find_quote(text: str, exact: str, occurrence: int | None = None) -> tuple[int, int]:
    """The span of ``exact`` in ``text``; ``occurrence`` (from 1) picks one of several.

    Raises AnchorError when the words are not there, when they are there several times and no
    occurrence is given, or when the occurrence asked for does not exist.
    """
    if not exact.strip():
        raise AnchorError(_("the quote is empty"))
    starts = occurrences(text, exact)
    if not starts:
        raise AnchorError(_("{quote} is not in the source").format(quote=_echo(exact)))
    if occurrence is None:
        if len(starts) > 1:
            raise AnchorError(
                _("{quote} is found {n} times; give --occurrence 1..{n}").format(
                    quote=_echo(exact), n=len(starts)
                )
            )
        occurrence = 1
    if not 1 <= occurrence <= len(starts):
        found = ngettext(
            "{quote} is found once; there is no occurrence {occurrence}",
            "{quote} is found {n} times; there is no occurrence {occurrence}",
            len(starts),
        )
        raise AnchorError(found.format(quote=_echo(exact), n=len(starts), occurrence=occurrence))
    start = starts[occurrence - 1]
    return start, start + len(exact)


def reanchor(
    text: str, selector: TextQuoteSelector, hint: int | None = None
) -> tuple[int, int] | None:
    """Re-find a quote whose offsets went stale, or None when it is absent or ambiguous.

    Every exact match is scored by how much of its prefix and suffix agree with the text
    around it; the best score wins. Among equally good matches the one nearest ``hint`` (the
    old start) wins; without a hint, or at equal distance, they are ambiguous.
    """
    starts = occurrences(text, selector.exact)
    if not starts:
        return None
    scored = [(_context_agreement(text, selector, start), start) for start in starts]
    best = max(score for score, _ in scored)
    finalists = [start for score, start in scored if score == best]
    if len(finalists) > 1:
        if hint is None:
            return None
        finalists.sort(key=lambda start: abs(start - hint))
        if abs(finalists[0] - hint) == abs(finalists[1] - hint):
            return None
    start = finalists[0]
    return start, start + len(selector.exact)


def _context_agreement(text: str, selector: TextQuoteSelector, start: int) -> int:
    """How many code points of prefix (read backwards) and suffix (read forwards) match."""
    before = text[max(0, start - len(selector.prefix)) : start]
    end = start + len(selector.exact)
    after = text[end : end + len(selector.suffix)]
    agreed = 0
    for expected, found in zip(reversed(selector.prefix), reversed(before), strict=False):
        if expected != found:
            break
        agreed += 1
    for expected, found in zip(selector.suffix, after, strict=False):
        if expected != found:
            break
        agreed += 1
    return agreed


def _echo(exact: str, limit: int = 60) -> str:
    """The quote in a message: on one line, cut so that a long passage stays short."""
    flat = " ".join(exact.split())
    if len(flat) > limit:
        flat = flat[: limit - 1] + "…"
    return f"“{flat}”"
