"""Where an event's date comes from: a sentence of one of the timeline's sources, verified
like a quote, or an outside report (outlet, title, web address, the sentence stating the date).

:class:`CitationEditor` is the part of the event editor that builds the contract's
:data:`~desktopapp.db.commands.Citation`; :meth:`CitationEditor.problem` says, in words, why
there is none yet ("the sentence is not in « … »", "found 3 times: choose which").
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktopapp.db.commands import Citation, OutsideReference, QuoteInput, SourceSentence
from desktopapp.db.repository import EventRepository
from desktopapp.domain.links import link_target
from desktopapp.domain.model import Citation as StoredCitation
from desktopapp.ui.edit_fields import (
    WARNING,
    DateEntry,
    plain_label,
    text_box,
    url_problem,
)
from desktopapp.ui.source_passage import SourcePassage


class CitationEditor(QGroupBox):
    """The date's citation: a source sentence or an outside report."""

    changed = Signal()

    def __init__(self, repository: EventRepository, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Where the date comes from"))
        self._repository = repository
        self._citation: Citation | None = None
        self._problem = ""
        self.from_source = QRadioButton(self.tr("A sentence in one of this timeline's &sources"))
        self.from_outside = QRadioButton(self.tr("An &outside report"))
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
        self.passage = SourcePassage(
            self._repository,
            what=self.tr("sentence that states the date"),
            text_label=self.tr("Se&ntence:"),
        )
        # The names the editor and its tests use for the parts of the source page.
        self.source_box = self.passage.source_box
        self.sentence = self.passage.text_box
        self.occurrence = self.passage.occurrence
        self.sentence_status = self.passage.status
        self.sentence_status.setObjectName("sentenceStatus")
        self.use_passage = QPushButton(self.tr("Use the &quoted passage"))
        self.use_passage.setVisible(False)
        self.passage.buttons.insertWidget(1, self.use_passage)
        self.passage.changed.connect(self._update)
        return self.passage

    def _outside_page(self) -> QWidget:
        page = QWidget()
        self.outlet = QLineEdit()
        self.outlet.setPlaceholderText(self.tr("Reuters, Le Monde, the company's press release…"))
        self.report_title = QLineEdit()
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://…")
        self.published = DateEntry(required=False)
        self.report_sentence = text_box(lines=3)
        self.report_sentence.setPlaceholderText(
            self.tr("The report's sentence that states the date")
        )
        self.outside_status = plain_label()
        self.outside_status.setObjectName("outsideStatus")
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        column.addLayout(form)
        column.addWidget(self.outside_status)  # under the form: see _source_page
        column.addStretch(1)
        form.addRow(self.tr("O&utlet:"), self.outlet)
        form.addRow(self.tr("Tit&le:"), self.report_title)
        form.addRow(self.tr("&Web address:"), self.url)
        form.addRow(self.tr("&Published:"), self.published)
        form.addRow(self.tr("S&entence:"), self.report_sentence)
        for edit in (self.outlet, self.report_title, self.url):
            edit.textChanged.connect(self._update)
        self.report_sentence.textChanged.connect(self._update)
        self.published.changed.connect(self._update)
        return page

    # -- filling in -------------------------------------------------------------------------

    def offer_quote(self, quote: Callable[[], QuoteInput | None], *, source_key: str = "") -> None:
        """Offer the event's quote (the selection, or the passage pasted for it) as the dating
        sentence, at its own occurrence; pick ``source_key`` to begin with."""
        if source_key:
            self.passage.select_source(source_key)
        self.use_passage.setVisible(True)

        def use() -> None:
            chosen = quote()
            if chosen is not None:
                self.passage.show_span(chosen)

        self.use_passage.clicked.connect(use)

    def show_stored(self, citation: StoredCitation, source_keys: list[str]) -> None:
        """Fill in an event's stored citation; an article sentence is looked for in the
        event's own sources first."""
        if citation.is_article and self._repository.sources:
            self.from_source.setChecked(True)
            keys = [*source_keys, *(s.key for s in self._repository.sources)]
            text = self.passage.source_text
            found = next((k for k in keys if citation.quote in text(k)), keys[0])
            self.passage.show_passage(found, citation.quote)
        else:
            self.from_outside.setChecked(True)
            self.outlet.setText(citation.outlet)
            self.report_title.setText(citation.title)
            self.url.setText(citation.url)
            self.published.setText(citation.published)
            self.report_sentence.setPlainText(citation.quote)
        self._update()

    # -- the result -------------------------------------------------------------------------

    def citation(self) -> Citation | None:
        """The citation as filled in, or None while it is not one (see :meth:`problem`)."""
        return self._citation

    def problem(self) -> str:
        return self._problem

    def _update(self) -> None:
        in_source = self.from_source.isChecked()
        self.pages.setCurrentIndex(0 if in_source else 1)
        if in_source:
            quote = self.passage.quote()
            self._citation = SourceSentence(quote) if quote else None
            self._problem = self.passage.problem()
        else:
            self._citation, self._problem = self._outside_reference()
            problem = self._problem
            self.outside_status.setText(
                f"{WARNING}{problem[:1].upper()}{problem[1:]}" if problem else ""
            )
        self.changed.emit()

    def _outside_reference(self) -> tuple[Citation | None, str]:
        outlet = self.outlet.text().strip()
        url = self.url.text()
        sentence = self.report_sentence.toPlainText().strip()
        problem = (
            ("" if outlet else self.tr("name the report's outlet"))
            or url_problem(url, required=True)
            or ("" if sentence else self.tr("paste the report's sentence that states the date"))
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
