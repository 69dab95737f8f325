"""Confirm a source's metadata before it is stored, paste a source, or edit its metadata.

Use::

    dialog = SourceDialog(repository, parent, draft=draft_from_file(path))  # confirm a file's
    dialog = SourceDialog(repository, parent)                               # paste a text
    dialog = SourceDialog(repository, parent, source=source)                # edit metadata
    if dialog.exec() == QDialog.DialogCode.Accepted:
        document.execute(dialog.command(), note=dialog.note())

A draft (:class:`~desktopapp.ingest.sources.SourceDraft`) or a stored source shows its text
read-only: its start, its length and its SHA-256, because a source's text is fixed once
stored. Without either, the text box is where the text is pasted. :meth:`SourceDialog.command`
gives an ``AddSource``, or an ``EditSource`` holding only the fields that changed (None when
nothing did). The publication date has the same live line as the event editor's date.
"""

from __future__ import annotations

import hashlib
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktopapp.db.commands import AddSource, EditSource
from desktopapp.db.repository import EventRepository
from desktopapp.domain.l10n import ngettext, number
from desktopapp.domain.links import link_target
from desktopapp.domain.model import Source
from desktopapp.ingest.sources import SourceDraft
from desktopapp.ui.dialog_frame import frame_as_dialog
from desktopapp.ui.edit_fields import (
    DateEntry,
    OkFooter,
    one_line,
    plain_label,
    text_box,
    url_problem,
)

PREVIEW_CHARACTERS = 2000  # the start of the text is enough to recognise it
LANGUAGES = ("", "fr", "en", "de", "es", "it", "nl", "pt", "ru", "uk")


def text_facts(text: str) -> str:
    """'12,345 characters · SHA-256 ab12…': what identifies a text once it is stored."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    count = len(text)
    characters = ngettext("{n} character", "{n} characters", count).format(n=number(count))
    return f"{characters}  ·  SHA-256 {digest}"


class SourceDialog(QDialog):
    """A source's metadata (and, pasting, its text); see the module docstring."""

    def __init__(
        self,
        repository: EventRepository,
        parent: QWidget | None = None,
        *,
        draft: SourceDraft | None = None,
        source: Source | None = None,
    ) -> None:
        super().__init__(parent)
        frame_as_dialog(self, resizable=True)  # shows the source's text
        self._repository = repository
        self._source = source
        self._draft = draft if source is None else None
        self._pasting = source is None and draft is None
        self._text = self._fixed_text()
        self.setWindowTitle(
            self.tr("Source: {title}").format(title=one_line(source.title))
            if source
            else (self.tr("Paste a source") if self._pasting else self.tr("Add a source"))
        )
        self._build()
        self._fill()
        self._initial = self._fields()
        self._connect()
        self._update()
        (self.text_view if self._pasting else self.title_edit).setFocus()

    def _fixed_text(self) -> str:
        if self._source is not None:
            return self._repository.source_text(self._source.key)
        return self._draft.text if self._draft is not None else ""

    # -- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.title_edit = QLineEdit()
        self.outlet = QLineEdit()
        self.author = QLineEdit()
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://…")
        self.language = QComboBox()
        self.language.setEditable(True)
        self.language.addItems(LANGUAGES)
        self.language.setToolTip(self.tr("The text's language, as a code: fr, en, de…"))
        self.published = DateEntry(required=False)
        self.text_view = text_box(lines=8, read_only=not self._pasting)
        self.text_view.setPlaceholderText(self.tr("Paste the source's text here"))
        self.facts = plain_label(dim=True)
        self.facts.setObjectName("textFacts")
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("Optional: why, for the history"))
        self.footer = OkFooter(self.tr("Save") if self._source else self.tr("Add source"))
        form = QFormLayout()
        if self._pasting:  # the text first: pasted, then Tab goes on to its title
            self._add_text_rows(form)
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&Outlet:"), self.outlet)
        form.addRow(self.tr("A&uthor:"), self.author)
        form.addRow(self.tr("&Web address:"), self.url)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.tr("&Published:"), self.published)
        if not self._pasting:
            self._add_text_rows(form)
        form.addRow(self.tr("W&hy:"), self.note_edit)
        layout = QVBoxLayout(self)
        self.origin_line: QLabel | None = None
        if self._draft is not None and self._draft.origin:
            self.origin_line = plain_label(
                self.tr("Read from {origin}").format(origin=self._draft.origin), dim=True
            )
            layout.addWidget(self.origin_line)
        layout.addLayout(form)
        layout.addWidget(self.footer)
        self.footer.serve(self)
        self.setMinimumWidth(680)

    def _add_text_rows(self, form: QFormLayout) -> None:
        form.addRow(
            self.tr("Te&xt:") if self._pasting else self.tr("Text (fixed):"), self.text_view
        )
        form.addRow("", self.facts)

    def _fill(self) -> None:
        if self._source is not None:
            source = self._source
            self._set_fields(
                source.title, source.outlet, source.author, source.url, source.language
            )
            self.published.setText(source.published.edtf() if source.published else "")
        elif self._draft is not None:
            draft = self._draft
            self._set_fields(draft.title, draft.outlet, draft.author, draft.url, draft.language)
            self.published.setText(draft.published_edtf)
        self._show_text()

    def _set_fields(self, title: str, outlet: str, author: str, url: str, language: str) -> None:
        self.title_edit.setText(title)
        self.outlet.setText(outlet)
        self.author.setText(author)
        self.url.setText(url)
        self.language.setCurrentText(language)

    def _show_text(self) -> None:
        if self._pasting:
            return
        preview = self._text[:PREVIEW_CHARACTERS]
        more = len(self._text) > PREVIEW_CHARACTERS
        self.text_view.setPlainText(preview + ("\n…" if more else ""))

    def _connect(self) -> None:
        for edit in (self.title_edit, self.outlet, self.author, self.url, self.note_edit):
            edit.textChanged.connect(self._update)
        self.language.currentTextChanged.connect(self._update)
        self.published.changed.connect(self._update)
        if self._pasting:
            self.text_view.textChanged.connect(self._update)

    # -- state ------------------------------------------------------------------------------

    def text(self) -> str:
        """The source's text: pasted, or the draft's or stored source's (fixed)."""
        return self.text_view.toPlainText() if self._pasting else self._text

    def _fields(self) -> dict[str, str]:
        url = self.url.text().strip()
        return {
            "title": self.title_edit.text().strip(),
            "outlet": self.outlet.text().strip(),
            "author": self.author.text().strip(),
            "url": (link_target(url) or url) if url else "",
            "language": self.language.currentText().strip(),
            "published_edtf": self.published.edtf(),
        }

    def problem(self) -> str:
        """Why the source cannot be stored yet ("" when it can)."""
        if not self.text().strip():
            return (
                self.tr("paste the source's text")
                if self._pasting
                else self.tr("the text is empty")
            )
        if not self.title_edit.text().strip():
            return self.tr("give the source a title")
        problem = url_problem(self.url.text(), required=False) or self.published.problem()
        if problem:
            return problem
        if self._source is not None and self._fields() == self._initial:
            return self.tr("nothing changed yet")
        return ""

    def _update(self) -> None:
        text = self.text()
        self.facts.setText(text_facts(text) if text else "")
        self.footer.set_problem(self.problem())

    def accept(self) -> None:
        if not self.problem():
            super().accept()

    # -- the result -------------------------------------------------------------------------

    def note(self) -> str:
        return self.note_edit.text().strip()

    def command(self) -> AddSource | EditSource | None:
        """The command for what was filled in (after the dialog was accepted)."""
        fields = self._fields()
        if self._source is not None:
            changed: dict[str, Any] = {k: v for k, v in fields.items() if v != self._initial[k]}
            return EditSource(self._source.key, **changed) if changed else None
        return AddSource(text=self.text(), **fields)
