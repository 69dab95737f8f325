"""Text from the database shown as text, also where Qt guesses the format.

Tooltips have no text-format setting: Qt shows one as rich text whenever it looks like markup
(``Qt::mightBeRichText``), so an actor called ``<b>x</b>`` would be drawn bold. Every tooltip
that carries data goes through :func:`tooltip`, which escapes it and says it is rich text, so
it always reads literally, with invisible controls shown (and said what they mean) and a
huge text cut (see :mod:`desktopapp.domain.text`).
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from desktopapp.domain.l10n import _
from desktopapp.domain.text import HIDDEN_MARK_NOTE, TOOLTIP_LIMIT, for_display, has_hidden


def tooltip(text: str) -> str:
    """Rich text that shows ``text`` literally (line breaks and spaces kept)."""
    if not text:
        return ""
    shown = for_display(text, TOOLTIP_LIMIT, say_cut=True)
    if has_hidden(text[:TOOLTIP_LIMIT]):
        shown += f"\n\n({_(HIDDEN_MARK_NOTE)}.)"  # the wording layer's note, marked there
    return "<p style='white-space:pre-wrap'>" + html.escape(shown, quote=False) + "</p>"


def heading(text: str, buddy: QWidget) -> QLabel:
    """A bold plain-text heading that names ``buddy`` (its mnemonic and accessible label)."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.setBuddy(buddy)
    return label
