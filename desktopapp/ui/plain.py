"""Text from the database shown as text, also where Qt guesses the format.

Tooltips have no text-format setting: Qt shows one as rich text whenever it looks like markup
(``Qt::mightBeRichText``), so an actor called ``<b>x</b>`` would be drawn bold. Every tooltip
that carries data goes through :func:`tooltip`, which escapes it and says it is rich text, so
it always reads literally.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def tooltip(text: str) -> str:
    """Rich text that shows ``text`` literally (line breaks and spaces kept)."""
    if not text:
        return ""
    return "<p style='white-space:pre-wrap'>" + html.escape(text, quote=False) + "</p>"


def heading(text: str, buddy: QWidget) -> QLabel:
    """A bold plain-text heading that names ``buddy`` (its mnemonic and accessible label)."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.setBuddy(buddy)
    return label
