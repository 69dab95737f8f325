"""Quote anchoring: TextQuoteSelector, unique finding, and re-anchoring stale offsets."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from desktopapp.domain.anchoring import (
    CONTEXT,
    AnchorError,
    TextQuoteSelector,
    find_quote,
    reanchor,
    selector_for,
)

ARTICLE = (
    "Netflix, Spotify, H&M, SAP, GM, Maersk, Volvo ne sont que quelques-unes des entreprises "
    "qui ont riposté. Apple, par exemple, a arrêté toutes les exportations vers la Russie. "
    "Plus tard, Apple a aussi limité Apple Pay."
)


def test_the_selector_keeps_32_code_points_each_side() -> None:
    start = ARTICLE.index("quelques-unes")
    end = start + len("quelques-unes")
    selector = selector_for(ARTICLE, start, end)
    assert selector.exact == "quelques-unes"
    assert selector.prefix == ARTICLE[start - CONTEXT : start]
    assert selector.suffix == ARTICLE[end : end + CONTEXT]
    assert len(selector.prefix) == len(selector.suffix) == 32


def test_the_selector_is_cut_at_the_ends_of_the_text() -> None:
    selector = selector_for("Apple a arrêté.", 0, 5)
    assert selector == TextQuoteSelector("Apple", "", " a arrêté.")


def test_context_counts_code_points_not_bytes_or_utf16_units() -> None:
    text = "😀" * 40 + "quote" + "é" * 40
    selector = selector_for(text, 40, 45)
    assert selector.prefix == "😀" * 32 and selector.suffix == "é" * 32


@pytest.mark.parametrize(("start", "end"), [(5, 5), (-1, 3), (3, 2), (0, len(ARTICLE) + 1)])
def test_a_span_outside_the_text_is_refused(start: int, end: int) -> None:
    with pytest.raises(AnchorError, match="not inside the text"):
        selector_for(ARTICLE, start, end)


def test_a_unique_quote_is_found_at_its_offsets() -> None:
    start, end = find_quote(ARTICLE, "ont riposté")
    assert ARTICLE[start:end] == "ont riposté"


def test_a_missing_quote_is_named_in_the_error() -> None:
    with pytest.raises(AnchorError, match="“Google a riposté” is not in the source"):
        find_quote(ARTICLE, "Google a riposté")


def test_a_repeated_quote_needs_an_occurrence() -> None:
    with pytest.raises(AnchorError, match=r"found 3 times; give --occurrence 1\.\.3$"):
        find_quote(ARTICLE, "Apple")
    starts = [find_quote(ARTICLE, "Apple", n)[0] for n in (1, 2, 3)]
    assert starts == sorted(starts) and len(set(starts)) == 3
    assert all(ARTICLE[s : s + 5] == "Apple" for s in starts)


def test_an_occurrence_that_does_not_exist_is_refused() -> None:
    with pytest.raises(AnchorError, match="there is no occurrence 4"):
        find_quote(ARTICLE, "Apple", 4)
    with pytest.raises(AnchorError, match="found once; there is no occurrence 2"):
        find_quote(ARTICLE, "riposté", 2)


def test_overlapping_matches_make_a_quote_ambiguous() -> None:
    with pytest.raises(AnchorError, match="found 2 times"):
        find_quote("aaa", "aa")


def test_an_empty_quote_is_refused() -> None:
    with pytest.raises(AnchorError, match="empty"):
        find_quote(ARTICLE, "  ")


def test_a_long_quote_is_cut_in_the_message() -> None:
    with pytest.raises(AnchorError) as raised:
        find_quote(ARTICLE, "x\n" * 500)
    assert len(str(raised.value)) < 100 and "\n" not in str(raised.value)


def test_reanchoring_follows_the_context_after_an_edit_before_the_quote() -> None:
    start = ARTICLE.index("Apple a aussi")
    selector = selector_for(ARTICLE, start, start + 5)
    edited = "Mise à jour : " + ARTICLE
    new = reanchor(edited, selector, hint=start)
    assert new is not None and edited[new[0] :].startswith("Apple a aussi")


def test_reanchoring_prefers_context_over_the_hint() -> None:
    start = ARTICLE.index("Apple, par")
    selector = selector_for(ARTICLE, start, start + 5)
    # The hint points at the last "Apple"; the context says the first.
    assert reanchor(ARTICLE, selector, hint=len(ARTICLE)) == (start, start + 5)


def test_reanchoring_uses_the_hint_between_equal_contexts() -> None:
    text = "x Apple y. " * 3
    selector = TextQuoteSelector("Apple", "", "")
    assert reanchor(text, selector, hint=12) == (13, 18)
    assert reanchor(text, selector) is None  # ambiguous without a hint
    assert reanchor("Apple Apple", selector, hint=3) is None  # equidistant


def test_reanchoring_an_absent_quote_gives_none() -> None:
    assert reanchor(ARTICLE, TextQuoteSelector("Google", "", ""), hint=0) is None
    assert reanchor(ARTICLE, TextQuoteSelector("", "", "")) is None


# -- properties -------------------------------------------------------------------------------

texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300)
quotes = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1)


@given(before=texts, quote=quotes.filter(str.strip), after=texts)
def test_a_quote_placed_anywhere_is_found_and_reanchored(
    before: str, quote: str, after: str
) -> None:
    text = before + quote + after
    start, end = len(before), len(before) + len(quote)
    selector = selector_for(text, start, end)
    assert selector.exact == quote
    # Re-anchoring the quote at its own place always gives it back: its context agrees fully.
    assert reanchor(text, selector, hint=start) == (start, end)
    count = _count(text, quote)
    # After text is inserted in front, the stale hint still leads back to the quote.
    shifted = "inserted words " + text
    moved = reanchor(shifted, selector, hint=start)
    if _count(shifted, quote) == 1:
        assert moved == (start + 15, end + 15)
    else:  # a repeating text: any answer is one of the quote's places, or none (a tie)
        assert moved is None or shifted[moved[0] : moved[1]] == quote
    if count == 1:
        assert find_quote(text, quote) == (start, end)
        assert reanchor(text, selector) == (start, end)
    else:
        with pytest.raises(AnchorError, match=f"found {count} times"):
            find_quote(text, quote)


@given(text=texts, quote=quotes)
def test_reanchor_never_returns_a_span_that_is_not_the_quote(text: str, quote: str) -> None:
    assume(quote)
    span = reanchor(text, TextQuoteSelector(quote, "", ""), hint=len(text) // 2)
    if span is not None:
        assert text[span[0] : span[1]] == quote
    else:
        assert _count(text, quote) != 1


def _count(text: str, quote: str) -> int:
    """Occurrences of ``quote`` in ``text``, overlapping ones included."""
    return sum(1 for i in range(len(text)) if text.startswith(quote, i))
