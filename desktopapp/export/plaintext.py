"""Text from the database made safe for plain-text outputs: CSV cells and the terminal table.

Two dangers, both from data that someone else wrote:

* control characters: a NUL cuts a cell short in spreadsheet importers, an ESC starts a
  terminal escape sequence (colours, cursor moves, a rewritten title bar), and most other C0
  and C1 controls show as nothing. They are replaced by visible marks, so a reader sees that
  something is there: the Unicode "control pictures" (␀ for NUL, ␛ for ESC, ␡ for DEL) and
  U+FFFD for a C1 control.
* spreadsheet formulas: a cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
  return is run as a formula by Excel, LibreOffice and Google Sheets (``=HYPERLINK(...)``,
  ``@SUM(...)``, ``-1+1``). Following OWASP's advice on CSV injection, every text cell that
  starts with one of them gets a leading apostrophe, which spreadsheets read as "this is
  text" and do not show. This applies to every text column, dates included: an EDTF date
  with a negative year (``-0044``) reads ``'-0044``, a small price for never running a formula.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PICTURE_BASE = 0x2400  # U+2400 SYMBOL FOR NULL ... U+241F SYMBOL FOR UNIT SEPARATOR
_DELETE_PICTURE = "\u2421"
_REPLACEMENT = "\ufffd"


def visible_controls(text: str, keep: str = "") -> str:
    """``text`` with every C0 control, DEL and C1 control replaced by a visible mark, except
    the characters in ``keep`` (for example a newline where a cell may hold several lines)."""
    if text.isprintable():
        return text  # the common case, without building a new string
    return "".join(_visible(char, keep) for char in text)


def _visible(char: str, keep: str) -> str:
    code = ord(char)
    if char in keep:
        return char
    if code < 0x20:
        return chr(_PICTURE_BASE + code)
    if code == 0x7F:
        return _DELETE_PICTURE
    if 0x80 <= code < 0xA0:
        return _REPLACEMENT
    return char


def csv_cell(value: object) -> object:
    """One CSV cell: numbers as they are; text with its controls made visible (newlines and
    tabs inside are kept: a quoted CSV cell holds them) and a formula start defused."""
    if not isinstance(value, str):
        return value
    text = value.replace("\r\n", "\n")
    if text.startswith(FORMULA_STARTS):
        text = "'" + text
    return visible_controls(text, keep="\n\t")
