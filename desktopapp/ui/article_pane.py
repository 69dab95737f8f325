"""The article pane: the full source text with every quoted passage highlighted.

The text is set with ``setPlainText`` and highlighted with extra selections, so nothing in it
is ever read as markup. Clicking inside a passage selects its event; selecting an event
scrolls to its passages and marks them more strongly. Colours come from the palette.

A source of a large timeline is quoted tens of thousands of times (66,717 spans at a million
events), but the pane shows one screen of it: only the spans that overlap the text in view,
plus a screen either side, are read, and read again as the text scrolls past them; for a
large timeline on a worker thread, so the text is shown at once and its highlights follow.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMenu,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktopapp.db.errors import QUERY_ERRORS, describe_error
from desktopapp.db.repository import EventRepository, QuoteSpan, span_order
from desktopapp.domain.l10n import _
from desktopapp.domain.model import Source
from desktopapp.domain.search import SearchQuery, match_spans, parse_search
from desktopapp.domain.text import (
    HIDDEN_MARK_NOTE,
    PARAGRAPH_LIMIT,
    for_display,
    has_hidden,
    has_long_word,
)
from desktopapp.ui.event_menu import choose_event_menu
from desktopapp.ui.latest_worker import LatestOnlyWorker
from desktopapp.ui.plain import tooltip
from desktopapp.ui.search_marks import match_format

ARTICLE_KEY = "article"
LOOKUP_ERRORS: tuple[type[BaseException], ...] = (KeyError, *QUERY_ERRORS)
# Timelines this small read the passages in view on the UI thread: it takes milliseconds.
INLINE_EVENTS = 20_000
# Passages are read for the text in view and this much more either side (at least; a screen
# of text when that is more), so that scrolling a little reads nothing.
MARGIN_CHARACTERS = 400


@dataclass(frozen=True)
class SpanRequest:
    """Read the quoted spans of a source that overlap ``within`` (code points)."""

    generation: int
    repository: EventRepository
    source_key: str
    within: tuple[int, int]


@dataclass(frozen=True)
class SpanResult:
    request: SpanRequest
    spans: list[QuoteSpan]


@dataclass(frozen=True)
class SpanFailure:
    request: SpanRequest
    reason: str


def read_spans(request: SpanRequest) -> SpanResult | SpanFailure:
    """The worker's job (it must not raise): the spans, or why they could not be read."""
    try:
        spans = request.repository.quote_spans(request.source_key, within=request.within)
    except LOOKUP_ERRORS as error:
        return SpanFailure(request, describe_error(error))
    return SpanResult(request, spans)


class SpanLoader(LatestOnlyWorker):
    """Reads spans off the UI thread; delivers only the newest request's outcome."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(read_spans, SpanFailure, parent)


@dataclass(frozen=True)
class Passage:
    """A span of a source selected by the person: offsets in code points, and its text."""

    source_key: str
    start: int
    end: int
    exact: str


def utf16_offsets(text: str) -> list[int] | None:
    """Qt counts text positions in UTF-16 units, the database in code points. Returns the
    UTF-16 offset of every code point (plus the end), or None when they are the same."""
    if all(ord(char) <= 0xFFFF for char in text):
        return None
    offsets, position = [], 0
    for char in text:
        offsets.append(position)
        position += 2 if ord(char) > 0xFFFF else 1
    offsets.append(position)
    return offsets


class _ArticleText(QTextEdit):
    """Read-only text that reports where it was clicked (a click, not a drag-selection)."""

    clickedAt = Signal(int, QPoint)  # text position, and where on screen
    resized = Signal()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            point = event.position().toPoint()
            self.clickedAt.emit(
                self.cursorForPosition(point).position(), self.viewport().mapToGlobal(point)
            )


class _CitationLabel(QLabel):
    """A long citation cut to a few lines that fit the pane's width (the last one ending in
    an ellipsis); the whole of it in the tooltip. The lines are laid out here rather than by
    QLabel's word wrap, which cannot break an address and lets it run past the edge."""

    MAX_LINES = 3

    def __init__(self) -> None:
        super().__init__()
        self._full = ""
        self._shown = ""
        # Its width is the pane's, whatever the text: the lines are made to fit it.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_citation(self, text: str, note: str = "") -> None:
        self._full = text
        self._shown = " ".join(for_display(text, PARAGRAPH_LIMIT).split())
        self.setToolTip(tooltip(f"{text}\n\n{note}" if note else text))
        self._fit()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        text = "\n".join(fitted_lines(self._shown, self.font(), self.contentsRect().width()))
        if text != self.text():
            self.setText(text)


def fitted_lines(
    text: str, font: QFont, width: int, most: int = _CitationLabel.MAX_LINES
) -> list[str]:
    """``text`` broken into at most ``most`` lines no wider than ``width`` pixels (between
    words where it can, anywhere in a word longer than a line), the last elided if the text
    goes on."""
    width = max(50, width)
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    starts: list[int] = []
    layout.beginLayout()
    while len(starts) < most:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        starts.append(line.textStart())
    layout.endLayout()
    lines = [text[a:b].strip() for a, b in itertools.pairwise([*starts, len(text)])]
    if lines:
        rest = text[starts[-1] :].strip()
        lines[-1] = QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, width)
    return lines


class _SourceSelector(QComboBox):
    """Which of the timeline's sources is shown. A report's title can be long: the box keeps
    the pane's width (it never asks for its longest title), shows the chosen title elided,
    and gives each whole title in a tooltip."""

    MIN_CHARACTERS = 12

    def __init__(self) -> None:
        super().__init__()
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(self.MIN_CHARACTERS)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.currentIndexChanged.connect(self._show_tooltip)

    def set_sources(self, sources: Sequence[Source]) -> None:
        """Offer these sources by title (data, shown as plain text); the tooltip names each
        whole, with its outlet, date and address, which tell two like titles apart."""
        self.clear()
        for source in sources:
            self.addItem(_one_line(source.title) or source.key, source.key)
            tip = tooltip(source.citation_line())
            self.setItemData(self.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        self.setVisible(self.count() > 1)
        self._show_tooltip(self.currentIndex())

    def _show_tooltip(self, index: int) -> None:
        self.setToolTip(str(self.itemData(index, Qt.ItemDataRole.ToolTipRole) or ""))

    def paintEvent(self, event: QPaintEvent) -> None:
        # QComboBox clips a title wider than its field; elide it so it visibly goes on.
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox,
            option,
            QStyle.SubControl.SC_ComboBoxEditField,
            self,
        )
        option.currentText = self.fontMetrics().elidedText(
            option.currentText, Qt.TextElideMode.ElideRight, field.width()
        )
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


class ArticlePane(QWidget):
    """The source article; emits :attr:`eventActivated` when a quoted passage is clicked."""

    eventActivated = Signal(int)
    # The highlights of the text in view are shown (after the passages around it were read).
    passagesShown = Signal()

    def __init__(
        self,
        repository: EventRepository,
        parent: QWidget | None = None,
        *,
        inline_events: int = INLINE_EVENTS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("articlePane")
        self.citation = _CitationLabel()
        self.citation.setObjectName("articleCitation")
        self.citation.setTextFormat(Qt.TextFormat.PlainText)
        self.citation.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.citation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.citation.setAccessibleName(self.tr("Source of the article"))
        self.citation.setContentsMargins(4, 2, 4, 4)
        self.citation.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        small = self.citation.font()
        small.setPointSizeF(small.pointSizeF() * 0.88)
        self.citation.setFont(small)
        # Which of the timeline's sources is shown; hidden while there is only one.
        self.source_box = _SourceSelector()
        self.source_box.setObjectName("sourceSelector")
        self.source_box.setAccessibleName(self.tr("Source shown"))
        self.source_box.activated.connect(self._source_chosen)
        self.text = _ArticleText()
        self.text.setObjectName("articleText")
        self.text.setAccessibleName(self.tr("Article text"))
        self.text.setReadOnly(True)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.text.setAcceptRichText(False)
        self.text.setTabChangesFocus(True)  # Tab moves between the window's panes
        self.text.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.text.document().setDocumentMargin(10)
        self.text.clickedAt.connect(self._clicked_at)
        self.text.resized.connect(self._follow_view)
        self.text.verticalScrollBar().valueChanged.connect(self._follow_view)
        self._inline_events = inline_events
        self._loader = SpanLoader(self)
        self._loader.finished.connect(self._take_spans)
        self._loader.failed.connect(self._take_spans)
        self._generation = 0
        self._loaded: tuple[int, int] | None = None  # the range self._spans covers
        self._asked: tuple[int, int] | None = None  # the range being read
        self._selected_spans: list[QuoteSpan] = []
        self._replacing_text = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        # The text is added first so that it comes first in the focus chain: Tab into the
        # pane reaches the text, as with one source, and the selector after it. (setTabOrder
        # cannot say so here: in the pane alone the chain wraps round, and Qt takes the
        # selector to follow the text already.)
        layout.addWidget(self.text, 1)
        layout.insertWidget(0, self.citation)
        layout.insertWidget(0, self.source_box)
        self._spans: list[QuoteSpan] = []  # those overlapping self._loaded
        self._regions: list[tuple[int, int]] = []
        self._offsets: list[int] | None = None
        self._selected: int | None = None
        self._source_key: str | None = None
        self._search = SearchQuery(())
        self._matches: list[tuple[int, int]] = []
        self._repository = repository
        self.chooser: QMenu | None = None  # the last "which event?" menu shown
        self.set_repository(repository)

    def set_search(self, text: str) -> None:
        """Mark the words this search text matches (the filter's search) in the article."""
        search = parse_search(text)
        if search != self._search:
            self._search = search
            self._matches = _marks(search, self.text.toPlainText())
            self._apply_highlights()

    def matched_text(self) -> list[str]:
        """The words now marked as matching the search (for tests and accessibility)."""
        return [s.cursor.selectedText() for s in self.text.extraSelections() if _is_match(s)]

    def set_repository(self, repository: EventRepository) -> None:
        """Show the database's article (or its first source, for databases of many)."""
        self._repository = repository
        keys = [source.key for source in repository.sources]
        self._fill_sources()
        self._source_key = None
        self._selected, self._selected_spans = None, []
        self._show_source(ARTICLE_KEY if ARTICLE_KEY in keys else (keys[0] if keys else None))
        self._apply_highlights()

    def source_key(self) -> str | None:
        """The key of the source now shown."""
        return self._source_key

    def _fill_sources(self) -> None:
        self.source_box.set_sources(self._repository.sources)

    def _source_chosen(self, index: int) -> None:
        key = self.source_box.itemData(index)
        if isinstance(key, str):
            self.show_source(key)

    def _show_source(self, key: str | None) -> None:
        source = next((s for s in self._repository.sources if s.key == key), None)
        self._source_key = key if source is not None else None
        index = self.source_box.findData(self._source_key)
        if index >= 0:
            self.source_box.setCurrentIndex(index)
        if source is None:
            self.citation.set_citation(self.tr("This database has no source article."))
            self.text.setPlainText("")
            self.text.hide()  # an empty white box would look like text failed to load
            self._spans, self._offsets, self._regions = [], None, []
            self._loaded = self._asked = None
            return
        line = self.tr("Source: {citation}").format(citation=source.citation_line())
        self.citation.set_citation(line, source.published_note)
        source_text = self._repository.source_text(source.key)
        # Invisible controls shown one for one, so quote offsets still point at their words.
        shown = for_display(source_text)
        self.text.setWordWrapMode(
            QTextOption.WrapMode.WrapAnywhere
            if has_long_word(shown)
            else QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
        )
        self._replacing_text = True  # setPlainText scrolls: nothing to read until it is in
        try:
            self.text.setPlainText(shown)
        finally:
            self._replacing_text = False
        self.text.setToolTip(tooltip(_(HIDDEN_MARK_NOTE) + ".") if has_hidden(source_text) else "")
        self.text.show()
        _space_paragraphs(self.text)
        self._offsets = utf16_offsets(shown)
        self._matches = _marks(self._search, shown)  # as set_search: the text shown
        self._spans, self._regions = [], []
        self._loaded = self._asked = None
        self.text.moveCursor(QTextCursor.MoveOperation.Start)
        self._follow_view()

    def select_event(self, event_id: int | None, source_key: str | None = None) -> None:
        """Emphasise this event's passages and scroll to the first; does not emit.

        ``source_key`` names the source its quotes come from, shown first if it is another.
        """
        if source_key is not None and source_key != self._source_key:
            self._show_source(source_key)
        self._selected = event_id
        self._selected_spans = self._read_spans_of(event_id)
        self._apply_highlights()
        spans = self._selected_spans
        if spans:
            cursor = QTextCursor(self.text.document())
            cursor.setPosition(self._qt_position(spans[-1].end))
            self.text.setTextCursor(cursor)
            cursor.setPosition(self._qt_position(spans[0].start))
            self.text.setTextCursor(cursor)
            self._centre_on(cursor)

    def selected_event(self) -> int | None:
        return self._selected

    def show_source(self, source_key: str) -> None:
        """Show this source of the timeline (e.g. one just added)."""
        if source_key != self._source_key:
            self._show_source(source_key)
            self._apply_highlights()

    def events_changed(self, keys: frozenset[str]) -> None:
        """These events were added, changed or removed: only their passages are read again
        (a source's text is fixed once stored, so the text shown stays), which keeps an edit
        in a source quoted 60,000 times as quick as in the article."""
        if self._source_key is None or not keys:
            return
        if self._asked is not None:
            self._read(self._asked)  # what is being read may predate the edit
        if self._loaded is not None:
            kept = [span for span in self._spans if span.event_key not in keys]
            # A few fresh spans into thousands kept in order: each inserted where it goes,
            # not the whole list sorted again (at 1M, 9 ms of every edit).
            for span in self._repository.quote_spans(self._source_key, keys, within=self._loaded):
                bisect.insort(kept, span, key=span_order)
            self._spans = kept
            self._regions = _merged(self._spans)
        self._selected_spans = self._read_spans_of(self._selected)
        self._apply_highlights()

    def loaded_range(self) -> tuple[int, int] | None:
        """The range of the text (code points) whose passages are read and highlighted."""
        return self._loaded

    def is_loading(self) -> bool:
        """True while the passages around the text in view are being read."""
        return self._asked is not None

    def stop_loading(self) -> None:
        """Wait for a read still running (before the database is closed)."""
        self._loader.wait(drop_waiting=True)

    def selected_passage(self) -> Passage | None:
        """The passage selected in the text, in the source's own code points (Qt counts
        UTF-16 units), or None when nothing is selected."""
        cursor = self.text.textCursor()
        if self._source_key is None or not cursor.hasSelection():
            return None
        start = self._code_point(cursor.selectionStart())
        end = self._code_point(cursor.selectionEnd())
        source_text = self._repository.source_text(self._source_key)
        # QTextEdit shows a paragraph break as U+2029: take the source's own characters.
        exact = source_text[start:end]
        if not exact.strip():
            return None
        return Passage(self._source_key, start, end, exact)

    def _code_point(self, qt_position: int) -> int:
        if self._offsets is None:
            return qt_position
        return bisect.bisect_left(self._offsets, qt_position)

    def spans_of(self, event_id: int | None) -> list[QuoteSpan]:
        """Every passage of this event in the source shown, in view or not."""
        if event_id == self._selected:
            return list(self._selected_spans)
        return self._read_spans_of(event_id)

    def _read_spans_of(self, event_id: int | None) -> list[QuoteSpan]:
        if event_id is None or self._source_key is None:
            return []
        try:
            return self._repository.quote_spans(self._source_key, event_ids=(event_id,))
        except LOOKUP_ERRORS:
            return []  # the window says what failed; the pane shows no emphasis

    def emphasised_text(self) -> list[str]:
        """The passages now emphasised (for tests and accessibility checks)."""
        return [s.cursor.selectedText() for s in self.text.extraSelections() if _is_strong(s)]

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ThemeChange):
            self._apply_highlights()

    # -- internals -------------------------------------------------------------------------

    def _follow_view(self) -> None:
        """The text in view changed (scrolled, resized, another source): read the passages
        around it unless they are read, or being read, already."""
        if self._source_key is None or self._replacing_text:
            return
        shown = self._range_in_view()
        if _covers(self._loaded, shown) or _covers(self._asked, shown):
            return
        self._read_around(shown)

    def _range_in_view(self) -> tuple[int, int]:
        viewport = self.text.viewport()
        # Hit from the middle of the width: at the very corner (in the document's margin)
        # Qt's fuzzy hit test can answer a position thousands of characters away.
        middle = viewport.width() / 2
        top = float(self.text.verticalScrollBar().value())
        layout = self.text.document().documentLayout()
        layout.documentSize()  # lays the text out to its end (Qt does it in steps, lazily)
        fuzzy = Qt.HitTestAccuracy.FuzzyHit
        first = layout.hitTest(QPointF(middle, top), fuzzy)
        last = layout.hitTest(QPointF(middle, top + viewport.height()), fuzzy)
        first, last = sorted((max(0, first), max(0, last)))
        # From the start of the first line in view to the end of the last.
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(first)
        cursor.movePosition(QTextCursor.MoveOperation.StartOfLine)
        first = cursor.position()
        cursor.setPosition(last)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfLine)
        return self._code_point(first), self._code_point(cursor.position()) + 1

    def _read_around(self, shown: tuple[int, int]) -> None:
        margin = max(MARGIN_CHARACTERS, shown[1] - shown[0])
        self._read((max(0, shown[0] - margin), shown[1] + margin))

    def _read(self, wanted: tuple[int, int]) -> None:
        assert self._source_key is not None
        self._generation += 1
        self._asked = wanted
        request = SpanRequest(self._generation, self._repository, self._source_key, wanted)
        if self._repository.total <= self._inline_events:
            self._take_spans(read_spans(request))
        else:
            self._loader.submit(request)

    def _take_spans(self, outcome: SpanResult | SpanFailure) -> None:
        request = outcome.request
        if request.generation != self._generation or request.repository is not self._repository:
            return  # read for a view or a timeline the pane has left since
        self._asked = None
        if isinstance(outcome, SpanResult):
            self._spans, self._loaded = outcome.spans, request.within
            self._regions = _merged(self._spans)
            self._apply_highlights()
        self.passagesShown.emit()

    def _centre_on(self, cursor: QTextCursor) -> None:
        bar = self.text.verticalScrollBar()
        rect = self.text.cursorRect(cursor)
        bar.setValue(bar.value() + rect.center().y() - self.text.viewport().height() // 3)

    def _qt_position(self, code_point: int) -> int:
        if self._offsets is None:
            return code_point
        return self._offsets[min(code_point, len(self._offsets) - 1)]

    def _apply_highlights(self) -> None:
        palette = self.palette()  # the pane's own: its children may not have changed yet
        highlight = palette.color(QPalette.ColorRole.Highlight)
        base = palette.color(QPalette.ColorRole.Base)
        soft = _blend(highlight, base, 0.22)
        normal = QTextCharFormat()
        normal.setBackground(soft)
        strong = QTextCharFormat()
        strong.setBackground(highlight)
        strong.setForeground(palette.color(QPalette.ColorRole.HighlightedText))
        strong.setProperty(QTextFormat.Property.UserProperty, True)
        found = match_format()
        found.setProperty(QTextFormat.Property.UserProperty + 1, True)
        selections = []
        document = self.text.document()
        # Every quoted passage softly (overlapping quotes merged into one region, so a source
        # quoted thousands of times costs a few hundred highlights), the selected one strongly.
        strong_spans = [(span.start, span.end) for span in self._selected_spans]
        for (start, end), text_format in [
            *((region, normal) for region in self._regions),
            *((region, strong) for region in strong_spans),
            *((match, found) for match in self._matches),
        ]:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(document)
            cursor.setPosition(self._qt_position(start))
            cursor.setPosition(self._qt_position(end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = text_format
            selections.append(selection)
        # Strong ones over soft ones, and the search's matches over both.
        selections.sort(key=lambda selection: (_is_match(selection), _is_strong(selection)))
        self.text.setExtraSelections(selections)

    def events_at(self, viewport_pos: QPoint) -> list[int]:
        """The events whose quoted passages cover this point of the text, innermost first."""
        return self._events_at_position(self.text.cursorForPosition(viewport_pos).position())

    def _events_at_position(self, position: int) -> list[int]:
        spans = self._spans
        point = self._code_point(position)
        if self._source_key is not None and not _covers(self._loaded, (point, point + 1)):
            # Clicked before the passages around it arrived: read that point's alone.
            try:
                spans = self._repository.quote_spans(self._source_key, within=(point, point + 1))
            except LOOKUP_ERRORS:
                spans = []
        inside = [
            span
            for span in spans
            if self._qt_position(span.start) <= position < self._qt_position(span.end)
        ]
        inside.sort(key=lambda span: (span.end - span.start, span.event_id))
        return list(dict.fromkeys(span.event_id for span in inside))

    def _clicked_at(self, position: int, global_pos: QPoint) -> None:
        """One event quotes the passage: select it. Several do (one sentence can list seven
        companies): ask which, rather than pick one silently."""
        event_ids = self._events_at_position(position)
        if len(event_ids) == 1:
            self.eventActivated.emit(event_ids[0])
        elif event_ids:
            try:
                titles = [(i, self._repository.event(i).title) for i in event_ids]
            except LOOKUP_ERRORS:
                self.eventActivated.emit(event_ids[0])
                return
            self.chooser = choose_event_menu(
                self.text, titles, self._selected, self.eventActivated.emit
            )
            self.chooser.popup(global_pos)


def _one_line(text: str, limit: int = 90) -> str:
    """A title for the selector: one line, cut to a length that fits the pane."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _covers(outer: tuple[int, int] | None, inner: tuple[int, int]) -> bool:
    return outer is not None and outer[0] <= inner[0] and inner[1] <= outer[1]


def _merged(spans: list[QuoteSpan]) -> list[tuple[int, int]]:
    """The union of the spans, given in span_order (as quote_spans reads them), as sorted,
    disjoint (start, end) regions."""
    regions: list[tuple[int, int]] = []
    for span in spans:
        if regions and span.start <= regions[-1][1]:
            regions[-1] = (regions[-1][0], max(regions[-1][1], span.end))
        else:
            regions.append((span.start, span.end))
    return regions


def _space_paragraphs(text: QTextEdit) -> None:
    """A little space after each paragraph, as in print; positions in the text are unchanged."""
    cursor = QTextCursor(text.document())
    cursor.select(QTextCursor.SelectionType.Document)
    block = QTextBlockFormat()
    block.setBottomMargin(text.fontMetrics().height() * 0.5)
    block.setLineHeight(112, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    cursor.mergeBlockFormat(block)
    text.document().setModified(False)


def _is_strong(selection: QTextEdit.ExtraSelection) -> bool:
    return bool(selection.format.property(QTextFormat.Property.UserProperty))


# A one-letter word ("d") is a prefix of thousands of words in a long source: mark the first
# ones only, so that typing stays quick.
MAX_MARKS = 1000


def _marks(search: SearchQuery, text: str) -> list[tuple[int, int]]:
    return match_spans(search, text)[:MAX_MARKS]


def _is_match(selection: QTextEdit.ExtraSelection) -> bool:
    return bool(selection.format.property(QTextFormat.Property.UserProperty + 1))


def _blend(colour: QColor, base: QColor, amount: float) -> QColor:
    return QColor(
        round(base.red() + (colour.red() - base.red()) * amount),
        round(base.green() + (colour.green() - base.green()) * amount),
        round(base.blue() + (colour.blue() - base.blue()) * amount),
    )
