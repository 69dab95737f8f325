"""The dialogs' French for tests: the compiled catalogue and Qt's own French installed, and the
plain layers speaking French; and a walker that finds any English of the dialogs left in a
widget, or a text cut short by its widget.

The app installs its translators itself (i14-shell); until then, and for a dialog opened on
its own, :func:`french_qt` does it the same way: ``python -m desktopapp.i18n compile`` (into a
temporary folder), then a :class:`QTranslator` for ours and one for ``qtbase_fr.qm``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QWidget,
)

from desktopapp.domain import l10n
from desktopapp.i18n import catalogues


@contextmanager
def french_qt(folder: Path) -> Iterator[None]:
    """Our catalogue and Qt's French installed, and l10n speaking French, inside the block."""
    (compiled,) = catalogues.compile_qt(folder)
    ours, qts = QTranslator(), QTranslator()
    assert ours.load(str(compiled)), compiled
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    assert qts.load("qtbase_fr", qt_folder), qt_folder
    app = QApplication.instance()
    assert app is not None
    app.installTranslator(qts)
    app.installTranslator(ours)
    try:
        with l10n.speaking("fr"):
            yield
    finally:
        app.removeTranslator(ours)
        app.removeTranslator(qts)


def _pattern(source: str) -> re.Pattern[str]:
    """A message as a pattern: its {fields} match anything, its mnemonic marks are gone."""
    parts = re.split(r"\{[^{}]*\}", source.replace("&", ""))
    return re.compile(".*".join(re.escape(part) for part in parts), re.DOTALL)


def english_messages(contexts: set[str] | None = None) -> list[re.Pattern[str]]:
    """Every message of the .ts whose French differs from its English, as a pattern."""
    root = ET.parse(catalogues.ts_path("fr")).getroot()
    found = []
    for context in root.iter("context"):
        if contexts is not None and context.findtext("name") not in contexts:
            continue
        for message in context.iter("message"):
            source = message.findtext("source", "")
            french = message.findtext("translation", "")
            # A message that is mostly fields ("{database} on {server}") would match French.
            words = re.sub(r"\{[^{}]*\}|\W", "", source)
            if french.replace("&", "") != source.replace("&", "") and len(words) >= 6:
                found.append(_pattern(source))
    return found


def shown_texts(root: QWidget) -> list[str]:
    """Every text a person can read in ``root``: titles, labels, buttons, placeholders,
    tooltips, accessible names, the items of combo boxes and lists."""
    texts = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        texts += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QComboBox):
            texts.append(widget.placeholderText())
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QListWidget):
            texts += [widget.item(i).text() for i in range(widget.count())]
    return [text.replace("&", "") for text in texts if text and text.strip()]


def english_left(root: QWidget, data: Iterable[str] = ()) -> list[str]:
    """The texts of ``root`` that are one of our English messages (there should be none);
    ``data`` are the timeline's own words (a type labelled "Safety measure"), never ours."""
    patterns = english_messages()
    ignored = set(data)
    return [
        text
        for text in shown_texts(root)
        if text not in ignored and any(p.fullmatch(text) for p in patterns)
    ]


def cut_short(root: QWidget) -> list[str]:
    """Visible buttons and one-line labels narrower than their text needs."""
    short = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or not isinstance(widget, QLabel | QAbstractButton):
            continue
        if isinstance(widget, QLabel) and widget.wordWrap():
            continue
        if widget.width() < widget.sizeHint().width():
            short.append(f"{widget.text()!r}: {widget.width()} < {widget.sizeHint().width()}")
    return short
