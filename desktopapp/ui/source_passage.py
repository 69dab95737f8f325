"""A passage of one of the timeline's sources, pasted and verified like a quote.

:class:`SourcePassage` is a source chooser, a box to paste the passage into, and a line that
says whether the passage is in the source verbatim: once (its offsets), several times (then
an occurrence must be chosen, none is taken for the person), or not at all. It gives a
:class:`~desktopapp.db.commands.QuoteInput`. The event editor uses it for the event's quote
when there is no selection, and the citation editor for the sentence that states the date.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktopapp.db.commands import QuoteInput
from desktopapp.db.repository import EventRepository
from desktopapp.domain.anchoring import AnchorError, find_quote, occurrences
from desktopapp.domain.l10n import ngettext, number, quoted
from desktopapp.ui.edit_fields import WARNING, one_line, plain_label, text_box


class SourcePassage(QWidget):
    """Choose a source, paste a passage of it; see the module docstring."""

    changed = Signal()

    def __init__(
        self,
        repository: EventRepository,
        *,
        what: str,  # translated, without an article: "sentence that states the date"
        text_label: str | None = None,  # the text field's label; "Se&ntence:" when None
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._repository = repository
        self._what = what
        self._texts: dict[str, str] = {}
        self._quote: QuoteInput | None = None
        self._problem = ""
        self.source_box = QComboBox()
        for source in repository.sources:
            self.source_box.addItem(one_line(source.title or source.key, 80), source.key)
        self.text_box = text_box(lines=3)
        self.text_box.setPlaceholderText(self.tr("Paste the source's {what}").format(what=what))
        self.occurrence = QSpinBox()
        self.occurrence.setMinimum(0)
        self.occurrence.setSpecialValueText(self.tr("which occurrence?"))
        self.occurrence.setPrefix(self.tr("occurrence "))
        self.occurrence.setVisible(False)
        self.status = plain_label()
        self.buttons = QHBoxLayout()  # room for a caller's buttons beside the occurrence
        self.buttons.addWidget(self.occurrence)
        self.buttons.addStretch(1)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Sou&rce:"), self.source_box)
        form.addRow(text_label if text_label is not None else self.tr("Se&ntence:"), self.text_box)
        form.addRow("", self.buttons)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(form)
        # Under the form, not in a row of it: QFormLayout reserves a wrapping label's height
        # at its narrowest width, which left a gap of three empty lines above it.
        column.addWidget(self.status)
        column.addStretch(1)
        self.source_box.currentIndexChanged.connect(self._update)
        self.text_box.textChanged.connect(self._update)
        self.occurrence.valueChanged.connect(self._update)
        self._update()

    # -- filling in -------------------------------------------------------------------------

    def select_source(self, key: str) -> None:
        index = self.source_box.findData(key)
        if index >= 0:
            self.source_box.setCurrentIndex(index)

    def show_passage(self, source_key: str, exact: str, occurrence: int = 1) -> None:
        """Show a passage already chosen (a stored citation: its first occurrence)."""
        self.select_source(source_key)
        self.text_box.setPlainText(exact)
        count = len(occurrences(self.source_text(source_key), exact))
        if count > 1:
            self.occurrence.setMaximum(count)
            self.occurrence.setValue(min(occurrence, count))

    def show_span(self, quote: QuoteInput) -> None:
        """Show a span already verified (a selection): its occurrence is the one it is."""
        starts = occurrences(self.source_text(quote.source_key), quote.exact)
        which = starts.index(quote.start) + 1 if quote.start in starts else 1
        self.show_passage(quote.source_key, quote.exact, which)

    def source_text(self, key: str) -> str:
        if key not in self._texts:
            self._texts[key] = self._repository.source_text(key)
        return self._texts[key]

    # -- the result -------------------------------------------------------------------------

    def quote(self) -> QuoteInput | None:
        """The passage as a verified span of its source, or None (see :meth:`problem`)."""
        return self._quote

    def problem(self) -> str:
        return self._problem

    def _update(self) -> None:
        self._quote, self._problem = self._verified()
        self.status.setText(
            f"{WARNING}{self._problem[:1].upper()}{self._problem[1:]}"
            if self._problem
            else self._found_line()
        )
        self.changed.emit()

    def _verified(self) -> tuple[QuoteInput | None, str]:
        key = self.source_box.currentData()
        exact = self.text_box.toPlainText().strip()
        if key is None:
            return None, self.tr("the timeline has no source yet: add one first")
        if not exact:
            self.occurrence.setVisible(False)
            return None, self.tr("paste the source's {what}").format(what=self._what)
        text = self.source_text(key)
        starts = occurrences(text, exact)
        self.occurrence.setVisible(len(starts) > 1)  # asked for only where it is needed
        self.occurrence.setMaximum(max(1, len(starts)))
        title = quoted(one_line(self.source_box.currentText(), 50))
        if not starts:
            return None, self.tr("this is not in {title} as written (paste it verbatim)").format(
                title=title
            )
        occurrence = self.occurrence.value() if len(starts) > 1 else None
        if occurrence == 0:
            times = ngettext(
                "this is {n} time in {title}: choose which occurrence",
                "this is {n} times in {title}: choose which occurrence",
                len(starts),
            )
            return None, times.format(n=number(len(starts)), title=title)
        try:
            start, end = find_quote(text, exact, occurrence)
        except AnchorError as error:
            return None, str(error)
        return QuoteInput(key, start, end, text[start:end]), ""

    def _found_line(self) -> str:
        quote = self._quote
        if quote is None:
            return ""
        text = self.source_text(quote.source_key)
        before = " ".join(text[max(0, quote.start - 40) : quote.start].split())
        count = len(occurrences(text, quote.exact))
        where = self.tr("characters {start}–{end}").format(start=quote.start, end=quote.end)
        if count > 1:
            where = self.tr("occurrence {which} of {count}, {where}").format(
                which=self.occurrence.value(), count=count, where=where
            )
        place = (
            self.tr("after {text}").format(text=quoted(f"…{before}"))
            if before
            else self.tr("at the very start")
        )
        return self.tr("✓ Found verbatim ({where}), {place}").format(where=where, place=place)
