"""Text from data as it is shown: invisible controls made visible, huge texts cut (no Qt)."""

from __future__ import annotations

import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktopapp.domain.text import HIDDEN_MARK, LONGEST_WORD, for_display, has_hidden, has_long_word

BIDI_CONTROLS = [
    "\u061c",  # ARABIC LETTER MARK
    "\u200e",  # LEFT-TO-RIGHT MARK
    "\u200f",  # RIGHT-TO-LEFT MARK
    *(chr(c) for c in range(0x202A, 0x202F)),  # embeddings, overrides, pop
    *(chr(c) for c in range(0x2066, 0x206A)),  # isolates
]
# Format characters a script needs (they neither reorder nor hide text): kept as they are.
SCRIPT_FORMAT_CHARACTERS = {
    "\u00ad",  # soft hyphen
    "\u200c",  # zero-width non-joiner (Persian)
    "\u200d",  # zero-width joiner (Indic scripts, emoji)
    *(chr(c) for c in range(0x0600, 0x0606)),  # Arabic number signs
    "\u06dd",
    "\u070f",
    "\u0890",
    "\u0891",
    "\u08e2",
    "\U000110bd",
    "\U000110cd",
    *(chr(c) for c in range(0x13430, 0x13439)),  # Egyptian hieroglyph format controls
    *(chr(c) for c in range(0x1BCA0, 0x1BCA4)),  # shorthand format controls
}


def test_a_right_to_left_override_is_shown_not_obeyed() -> None:
    shown = for_display("Apple \u202eslaed llA\u202c")
    assert shown == f"Apple {HIDDEN_MARK}slaed llA{HIDDEN_MARK}"
    assert not any(char in shown for char in BIDI_CONTROLS)


@pytest.mark.parametrize("control", BIDI_CONTROLS, ids=lambda c: f"U+{ord(c):04X}")
def test_every_bidi_control_is_made_visible(control: str) -> None:
    assert for_display(f"a{control}b") == f"a{HIDDEN_MARK}b"
    assert has_hidden(control)


@pytest.mark.parametrize(
    "invisible",
    ["\u200b", "\u2060", "\ufeff", "\u180e", "\U000e0041", "\x00", "\x1b", "\x7f", "\x85"],
    ids=lambda c: f"U+{ord(c):04X}",
)
def test_invisible_characters_that_hide_text_are_made_visible(invisible: str) -> None:
    assert for_display(f"a{invisible}b") == f"a{HIDDEN_MARK}b"


def test_every_format_character_is_marked_unless_a_script_needs_it() -> None:
    format_characters = (
        chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"
    )
    missed = [
        f"U+{ord(c):04X}"
        for c in format_characters
        if c not in SCRIPT_FORMAT_CHARACTERS and for_display(c) != HIDDEN_MARK
    ]
    assert missed == []


@pytest.mark.parametrize(
    "text",
    [
        "Apple halts all exports to Russia",
        "L’Ukraine reçoit « l’aide » d’Amazon",
        "می\u200cخواهم",  # Persian with a zero-width non-joiner
        "👩\u200d👩\u200d👧",  # an emoji family joined by ZWJ
        "עברית and العربية side by side",  # right-to-left scripts as such are not controls
        "two\tcolumns\nand lines\r\n",
    ],
)
def test_ordinary_text_is_shown_as_it_is(text: str) -> None:
    assert for_display(text) == text
    assert not has_hidden(text)


def test_a_huge_text_is_cut_with_an_ellipsis_and_can_say_how_much() -> None:
    title = "Abcdefghij" * 100_000
    assert for_display(title, 300) == title[:300] + "…"
    assert for_display(title, 300, say_cut=True) == title[:300] + "… (999,700 characters cut)"
    assert for_display("short", 300, say_cut=True) == "short"
    assert for_display("x" * 300, 300) == "x" * 300  # exactly at the limit: nothing cut


def test_a_cut_text_still_shows_its_controls() -> None:
    assert for_display("\u202e" + "x" * 10, 4) == HIDDEN_MARK + "xxx…"


@given(st.text())
def test_one_code_point_in_one_out_so_offsets_stay_valid(text: str) -> None:
    shown = for_display(text)
    assert len(shown) == len(text)
    assert all(a == b or b == HIDDEN_MARK for a, b in zip(text, shown, strict=True))
    assert not any(char in shown for char in BIDI_CONTROLS)


def test_a_word_too_long_to_wrap_at_its_boundaries_is_found() -> None:
    assert not has_long_word("word " * 100_000)
    assert not has_long_word("x" * LONGEST_WORD)
    assert has_long_word("an article ending in " + "x" * (LONGEST_WORD + 1))
