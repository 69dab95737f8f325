"""Dates and text for formats other programs show: words a reader can trust, and text that
every format can hold.

A date interval of this app means "on some day within", never "all along": the words say so
("some day between 21 and 27 February 2022"), so a program that draws an end date as a
duration still shows the truth next to it. EDTF's qualifiers are kept as marks after the point
they qualify: ``~`` approximate, ``?`` uncertain, ``~?`` both (EDTF's ``%``).
"""

from __future__ import annotations

import re

from desktopapp.domain.dates import display_date, qualifier_mark
from desktopapp.domain.text import for_display

__all__ = ["display_date", "qualifier_mark", "readable", "unicode_text"]

_SURROGATE = re.compile("[\ud800-\udfff]")


def unicode_text(text: str) -> str:
    """``text`` with every lone surrogate (not Unicode, no UTF-8 for it) replaced by U+FFFD,
    so one damaged character shows as such instead of failing the whole file."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


def readable(text: str) -> str:
    """Text a person will read in another program (a TimelineJS page, a calendar): invisible
    controls such as a right-to-left override shown as U+FFFD instead of obeyed
    (:func:`~desktopapp.domain.text.for_display`), lone surrogates too. Nothing is cut."""
    return for_display(unicode_text(text))
