"""Where an event's date comes from: a sentence of one of the timeline's sources, verified
like a quote, or an outside report (outlet, title, web address, the sentence stating the date).

:class:`CitationEditor` is the part of the event editor that builds the contract's
:data:`~desktopapp.db.commands.Citation`; :meth:`CitationEditor.problem` says, in words, why
there is none yet ("the sentence is not in « … »", "found 3 times: choose which").
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktopapp.db.commands import Citation, OutsideReference, QuoteInput, SourceSentence
from desktopapp.db.repository import EventRepository
from desktopapp.domain.anchoring import AnchorError, find_quote, occurrences
from desktopapp.domain.links import link_target
from desktopapp.domain.model import Citation as StoredCitation
from desktopapp.domain.quotation import quoted
from desktopapp.ui.edit_fields import (
    WARNING,
    DateEntry,
    one_line,
    plain_label,
    text_box,
    url_problem,
)


class CitationEditor(QGroupBox):
    """The date's citation: a source sentence or an outside report."""

    changed = Signal()

    def __init__(self, repository: EventRepository, parent: QWidget | None = None) -> None:
        super().__init__("Where the date comes from", parent)
        self._repository = repository
        self._texts: dict[str, str] = {}
        self._citation: Citation | None = None
        self._problem = ""
        self.from_source = QRadioButton("A sentence in one of this timeline's &sources")
        self.from_outside = QRadioButton("An &outside report")
        self.pages = QStackedWidget()
        self.pages.addWidget(self._source_page())
        self.pages.addWidget(self._outside_page())
        choice = QHBoxLayout()
        choice.addWidget(self.from_source)
        choice.addWidget(self.from_outside)
        choice.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(choice)
        layout.addWidget(self.pages)
        self.from_source.setChecked(bool(repository.sources))
        self.from_outside.setChecked(not repository.sources)
        self.from_source.setEnabled(bool(repository.sources))
        self.from_source.toggled.connect(self._update)
        self._update()

    # -- the two pages ----------------------------------------------------------------------

    def _source_page(self) -> QWidget:
        page = QWidget()
        self.source_box = QComboBox()
        for source in self._repository.sources:
            self.source_box.addItem(one_line(source.title or source.key, 80), source.key)
        self.sentence = text_box(lines=3)
        self.sentence.setPlaceholderText("Paste the sentence of the source that states the date")
        self.occurrence = QSpinBox()
        self.occurrence.setMinimum(0)
        self.occurrence.setSpecialValueText("which occurrence?")
        self.occurrence.setPrefix("occurrence ")
        self.occurrence.setVisible(False)
        self.use_passage = QPushButton("Use the &quoted passage")
        self.use_passage.setVisible(False)
        self.sentence_status = plain_label()
        self.sentence_status.setObjectName("sentenceStatus")
        row = QHBoxLayout()
        row.addWidget(self.occurrence)
        row.addWidget(self.use_passage)
        row.addStretch(1)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        column.addLayout(form)
        column.addStretch(1)
        form.addRow("Sou&rce:", self.source_box)
        form.addRow("Se&ntence:", self.sentence)
        form.addRow("", row)
        # Under the form, not in a row of it: QFormLayout reserves a wrapping label's height
        # at its narrowest width, which left a gap of three empty lines above it.
        column.insertWidget(1, self.sentence_status)
        self.source_box.currentIndexChanged.connect(self._update)
        self.sentence.textChanged.connect(self._update)
        self.occurrence.valueChanged.connect(self._update)
        return page

    def _outside_page(self) -> QWidget:
        page = QWidget()
        self.outlet = QLineEdit()
        self.outlet.setPlaceholderText("Reuters, Le Monde, the company's press release…")
        self.report_title = QLineEdit()
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://…")
        self.published = DateEntry(required=False)
        self.report_sentence = text_box(lines=3)
        self.report_sentence.setPlaceholderText("The report's sentence that states the date")
        self.outside_status = plain_label()
        self.outside_status.setObjectName("outsideStatus")
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        column.addLayout(form)
        column.addWidget(self.outside_status)  # under the form: see _source_page
        column.addStretch(1)
        form.addRow("O&utlet:", self.outlet)
        form.addRow("Tit&le:", self.report_title)
        form.addRow("&Web address:", self.url)
        form.addRow("&Published:", self.published)
        form.addRow("S&entence:", self.report_sentence)
        for edit in (self.outlet, self.report_title, self.url):
            edit.textChanged.connect(self._update)
        self.report_sentence.textChanged.connect(self._update)
        self.published.changed.connect(self._update)
        return page

    # -- filling in -------------------------------------------------------------------------

    def offer_passage(self, selection: QuoteInput) -> None:
        """Pick the selection's source, and offer its passage as the dating sentence."""
        self._select_source(selection.source_key)
        self.use_passage.setVisible(True)
        self.use_passage.clicked.connect(lambda: self.sentence.setPlainText(selection.exact))

    def show_stored(self, citation: StoredCitation, source_keys: list[str]) -> None:
        """Fill in an event's stored citation; an article sentence is looked for in the
        event's own sources first."""
        if citation.is_article and self._repository.sources:
            self.from_source.setChecked(True)
            keys = [*source_keys, *(s.key for s in self._repository.sources)]
            found = next((k for k in keys if citation.quote in self._text(k)), keys[0])
            self._select_source(found)
            self.sentence.setPlainText(citation.quote)
            starts = occurrences(self._text(found), citation.quote)
            if len(starts) > 1:  # the stored one: the first that the old format pointed to
                self.occurrence.setMaximum(len(starts))
                self.occurrence.setValue(1)
        else:
            self.from_outside.setChecked(True)
            self.outlet.setText(citation.outlet)
            self.report_title.setText(citation.title)
            self.url.setText(citation.url)
            self.published.setText(citation.published)
            self.report_sentence.setPlainText(citation.quote)
        self._update()

    def _select_source(self, key: str) -> None:
        index = self.source_box.findData(key)
        if index >= 0:
            self.source_box.setCurrentIndex(index)

    # -- the result -------------------------------------------------------------------------

    def citation(self) -> Citation | None:
        """The citation as filled in, or None while it is not one (see :meth:`problem`)."""
        return self._citation

    def problem(self) -> str:
        return self._problem

    def _text(self, key: str) -> str:
        if key not in self._texts:
            self._texts[key] = self._repository.source_text(key)
        return self._texts[key]

    def _update(self) -> None:
        in_source = self.from_source.isChecked()
        self.pages.setCurrentIndex(0 if in_source else 1)
        if in_source:
            self._citation, self._problem = self._source_sentence()
            self.sentence_status.setText(self._status(self._problem, self._found_line()))
        else:
            self._citation, self._problem = self._outside_reference()
            self.outside_status.setText(self._status(self._problem, ""))
        self.changed.emit()

    @staticmethod
    def _status(problem: str, found: str) -> str:
        return f"{WARNING}{problem[:1].upper()}{problem[1:]}" if problem else found

    def _found_line(self) -> str:
        citation = self._citation
        if not isinstance(citation, SourceSentence):
            return ""
        quote = citation.quote
        text = self._text(quote.source_key)
        before = " ".join(text[max(0, quote.start - 40) : quote.start].split())
        count = len(occurrences(text, quote.exact))
        which = f"occurrence {self.occurrence.value()} of {count}, " if count > 1 else ""
        after = f", after “…{before}”" if before else ", at the very start"
        return f"✓ Found verbatim ({which}characters {quote.start}–{quote.end}){after}"

    def _source_sentence(self) -> tuple[Citation | None, str]:
        key = self.source_box.currentData()
        exact = self.sentence.toPlainText().strip()
        if key is None:
            return None, "choose a source"
        if not exact:
            self.occurrence.setVisible(False)
            return None, "paste the source's sentence that states the date"
        text = self._text(key)
        starts = occurrences(text, exact)
        self.occurrence.setVisible(len(starts) > 1)  # asked for only where it is needed
        self.occurrence.setMaximum(max(1, len(starts)))
        title = quoted(one_line(self.source_box.currentText(), 50))
        if not starts:
            return None, f"this sentence is not in {title} as written (paste it verbatim)"
        occurrence = self.occurrence.value() if len(starts) > 1 else None
        if occurrence == 0:
            return None, f"this sentence is {len(starts)} times in {title}: choose which occurrence"
        try:
            start, end = find_quote(text, exact, occurrence)
        except AnchorError as error:
            return None, str(error)
        return SourceSentence(QuoteInput(key, start, end, text[start:end])), ""

    def _outside_reference(self) -> tuple[Citation | None, str]:
        outlet = self.outlet.text().strip()
        url = self.url.text()
        sentence = self.report_sentence.toPlainText().strip()
        problem = (
            ("" if outlet else "name the report's outlet")
            or url_problem(url, required=True)
            or ("" if sentence else "paste the report's sentence that states the date")
            or self.published.problem()
        )
        if problem:
            return None, problem
        target = link_target(url)
        assert target is not None
        return (
            OutsideReference(
                outlet=outlet,
                title=self.report_title.text().strip(),
                url=target,
                sentence=sentence,
                published=self.published.edtf(),
            ),
            "",
        )
