"""Find the English left in a French window: every string a person can read or hear.

:func:`english_left` walks a widget and everything inside it (window titles, labels, buttons,
placeholders, group and tab titles, headers, combo box items, tooltips, status tips, what's
this, accessible names, and the text, tooltip and status tip of every action and menu) and
returns each string that is still English, with where it was found. A string is English when
it is, give or take its mnemonic and ellipsis, an English message of the catalogues whose
French is different, or when it holds a word of :data:`ENGLISH_WORDS` (common English words
that are not French words). Data the window shows (a file name, a title from the database)
is passed as ``data`` and left out of the word check.

Point it at a subtree to check one pane: ``english_left(window.filter_panel)``; or at the
whole window (its menus are inside it).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from desktopapp.i18n import catalogues

# Common English words of a window's chrome that are not also French words ("file", "fit",
# "type", "source", "article", "date", "page", "notes", "zoom", "export" are, so they are
# not here).
_ENGLISH_WORDS_TEXT = """
the and of with from to into for by or not no is are was this that these every which your
you show hide open close save edit view help clear search find filter filters event events
timeline out all go selection group none light dark follow system preferences keyboard
shortcut shortcuts about quit undo redo delete add new copy counting loading lost
connection again error errors database quote quotes actor actors lane lanes history shown
matching unsourced verified approximate uncertain look in files name size folder computer
print between around before after legend title titles summary
"""
ENGLISH_WORDS = frozenset(_ENGLISH_WORDS_TEXT.split())
_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
_SHORTCUT_SUFFIX = re.compile(r"\s*\([^()]*\)$")


@dataclass(frozen=True)
class EnglishLeft:
    """One English string: where it is ("mainWindow › fileMenu › open_database"), what it
    is ("text", "tooltip", "status tip"…), and the string."""

    where: str
    kind: str
    text: str

    def __str__(self) -> str:
        return f"{self.where} [{self.kind}]: {self.text!r}"


def english_left(
    root: QWidget | QAction, *, data: Iterable[str] = (), code: str = "fr"
) -> list[EnglishLeft]:
    """Every visible string inside ``root`` (a widget and its children, or one action) that
    is still English (see the module)."""
    strings = _action_strings(root, _name(root)) if isinstance(root, QAction) else _strings(root)
    return _english(strings, data, code)


def _english(
    strings: Iterable[tuple[str, str, str]], data: Iterable[str], code: str
) -> list[EnglishLeft]:
    sources = english_sources(code)
    shown_data = [text for text in data if text]
    found: list[EnglishLeft] = []
    seen: set[tuple[str, str, str]] = set()
    for where, kind, text in strings:
        if (where, kind, text) in seen or not text.strip():
            continue
        seen.add((where, kind, text))
        if _is_english(text, sources, shown_data):
            found.append(EnglishLeft(where, kind, text))
    return found


@cache
def english_sources(code: str = "fr") -> frozenset[str]:
    """The English messages of both catalogues whose translation differs from them."""
    messages: set[str] = set()
    root = ET.parse(catalogues.ts_path(code)).getroot()
    for message in root.iter("message"):
        source = message.findtext("source", "")
        translation = message.findtext("translation", "")
        if translation and translation != source:
            messages.add(_normal(source))
    from babel.messages import pofile

    with catalogues.po_path(code).open("rb") as handle:
        catalog = pofile.read_po(handle, locale=code, domain="desktopapp")
    for entry in catalog:
        ids = entry.id if isinstance(entry.id, tuple) else (entry.id,)
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        if entry.id and all(strings) and set(strings) != set(ids):
            messages.update(_normal(text) for text in ids)
    messages.discard("")
    return frozenset(messages)


def _normal(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip().rstrip("…")


def _is_english(text: str, sources: frozenset[str], data: list[str]) -> bool:
    plain = _normal(text)
    if plain in sources or _SHORTCUT_SUFFIX.sub("", plain) in sources:
        return True
    for shown in data:
        plain = plain.replace(shown, " ")
    return any(word.lower() in ENGLISH_WORDS for word in _WORD.findall(plain))


def _strings(root: QWidget) -> Iterator[tuple[str, str, str]]:
    widgets = [root, *root.findChildren(QWidget)]
    reached: set[int] = set()
    for widget in widgets:
        where = _where(widget, root)
        yield from _widget_strings(widget, where)
        for action in widget.actions():
            reached.add(id(action))
            yield from _action_strings(action, f"{where} › {_name(action)}")
    for action in root.findChildren(QAction):  # the actions in no menu, toolbar or widget
        if id(action) not in reached:
            yield from _action_strings(action, f"{_where(root, root)} › {_name(action)}")


def _widget_strings(widget: QWidget, where: str) -> Iterator[tuple[str, str, str]]:
    if widget.isWindow():
        yield where, "window title", widget.windowTitle()
    yield where, "tooltip", _plain(widget.toolTip())
    yield where, "status tip", widget.statusTip()
    yield where, "what's this", _plain(widget.whatsThis())
    yield where, "accessible name", widget.accessibleName()
    yield where, "accessible description", widget.accessibleDescription()
    if isinstance(widget, QLabel):
        yield where, "text", _plain(widget.text())
    elif isinstance(widget, QAbstractButton):
        yield where, "text", widget.text()
    elif isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
        yield where, "placeholder", widget.placeholderText()
    elif isinstance(widget, QGroupBox):
        yield where, "title", widget.title()
    elif isinstance(widget, QDockWidget):
        yield where, "title", widget.windowTitle()
    elif isinstance(widget, QMenu):
        yield where, "title", widget.title()
    elif isinstance(widget, QTabBar):
        for index in range(widget.count()):
            yield where, "tab", widget.tabText(index)
            yield where, "tab tooltip", _plain(widget.tabToolTip(index))
    elif isinstance(widget, QComboBox):
        for index in range(widget.count()):
            yield where, "item", widget.itemText(index)
    elif isinstance(widget, QHeaderView) and not widget.isHidden():
        yield from _header_strings(widget, where)


def _header_strings(header: QHeaderView, where: str) -> Iterator[tuple[str, str, str]]:
    model = header.model()
    if model is None:
        return
    horizontal = header.orientation() == Qt.Orientation.Horizontal
    for section in range(model.columnCount() if horizontal else model.rowCount()):
        for role, kind in (
            (Qt.ItemDataRole.DisplayRole, "header"),
            (Qt.ItemDataRole.ToolTipRole, "header tooltip"),
        ):
            value = model.headerData(section, header.orientation(), role)
            if isinstance(value, str):
                yield where, kind, _plain(value)


def _action_strings(action: QAction, where: str) -> Iterator[tuple[str, str, str]]:
    if action.isSeparator():
        return
    yield where, "text", action.text()
    yield where, "icon text", action.iconText()
    yield where, "tooltip", _plain(action.toolTip())
    yield where, "status tip", action.statusTip()
    yield where, "what's this", _plain(action.whatsThis())
    menu = action.menu()
    if isinstance(menu, QMenu):
        yield where, "menu title", menu.title()


def _plain(text: str) -> str:
    """A tooltip or label as read: rich text without its tags."""
    if "<" in text and ">" in text:
        return QTextDocumentFragment.fromHtml(text).toPlainText()
    return text


def _where(widget: QWidget, root: QWidget) -> str:
    path: list[str] = []
    current: QWidget | None = widget
    while current is not None:
        path.append(_name(current))
        if current is root:
            break
        current = current.parentWidget()
    return " › ".join(reversed(path))


def _name(thing: QObject) -> str:
    return thing.objectName() or type(thing).__name__
