"""Font settings shared by everything that draws text for people to search and copy."""

from __future__ import annotations

from PySide6.QtGui import QFont

# OpenType features that join letters into one glyph. In a PDF, Qt maps such a glyph back to
# a single ligature character (U+FB00 for "ff"), so "différents" or "Netflix" would not be
# found, copied or read aloud as typed. Turned off wherever we draw text.
NO_LIGATURES = ("liga", "clig", "dlig")


def without_ligatures(font: QFont) -> QFont:
    """The same font with ligatures turned off (modified in place and returned)."""
    for tag in NO_LIGATURES:
        font.setFeature(QFont.Tag(tag), 0)
    return font
