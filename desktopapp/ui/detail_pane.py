"""The detail pane: one event with everything needed to check it against its sources.

The page is built as HTML only so that it can have headings and quotations; every value
taken from the database goes through ``html.escape`` first, so a title such as ``<b>x</b>``
shows its angle brackets. Links open only for http(s) addresses, in the system browser.

An unsourced event (no quote of any source) says so first, with how to add one; what an import
said of it (its claim) is shown as the importer's words, apart from quotes, and its media as
links (http(s) only) with their credit and caption.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence, QPalette
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from desktopapp.domain.date_words import day_words
from desktopapp.domain.dates import DateError, parse_edtf
from desktopapp.domain.l10n import _
from desktopapp.domain.l10n import language as l10n_language
from desktopapp.domain.l10n import quoted as quoted_here
from desktopapp.domain.links import link_target
from desktopapp.domain.model import Claim, Event, EventType, Link, Quote, Role, Source
from desktopapp.domain.provenance import UNSOURCED_LINE, claim_heading, shown_links, source_names
from desktopapp.domain.quotation import SUPPLIED_TITLE_NOTE, is_supplied_title, quoted
from desktopapp.domain.search import SearchQuery, match_spans, parse_search
from desktopapp.domain.taxonomy import type_label
from desktopapp.domain.text import (
    HIDDEN_MARK_NOTE,
    LINE_LIMIT,
    PARAGRAPH_LIMIT,
    event_has_hidden,
    for_display,
)
from desktopapp.ui.search_marks import marked_html

SAFE_SCHEMES = ("http", "https")


def is_safe_link(url: str) -> bool:
    return link_target(url) is not None


def _e(value: str, limit: int = PARAGRAPH_LIMIT) -> str:
    """A value for the page: controls shown, a huge text cut, then escaped."""
    return _narrow_spaces_kept(html.escape(for_display(value, limit, say_cut=True), quote=True))


# Qt's HTML reader collapses a narrow no-break space (French's before ":" and inside « »,
# and in French sources' own words) into an ordinary, breakable one; in a span that keeps
# white space as it is, it stays itself.
_NARROW_SPACE = "\u202f"
_KEPT_NARROW_SPACE = f"<span style='white-space:pre'>{_NARROW_SPACE}</span>"


def _narrow_spaces_kept(markup: str) -> str:
    return markup.replace(_NARROW_SPACE, _KEPT_NARROW_SPACE)


class DetailPane(QWidget):
    """Shows one event; :meth:`show_event` with None shows a hint instead."""

    linkOpened = Signal(QUrl)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.browser = QTextBrowser()
        self.browser.setObjectName("detailText")
        self.browser.setAccessibleName(self.tr("Event details"))
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        # Links by mouse only: reached by keyboard, Tab would step from link to link and never
        # leave the pane (Tab moves between the window's panes).
        self.browser.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.browser.setTabChangesFocus(True)
        self.browser.anchorClicked.connect(self._open_link)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self._event: Event | None = None
        self._type_labels: dict[str, str] = {}
        self._sources: dict[str, Source] = {}
        self._source_names: dict[str, str] = {}
        self._search = SearchQuery(())
        self._add_quote: QAction | None = None
        self._render()

    def set_add_quote_action(self, action: QAction) -> None:
        """The window's Add Quote action, named (with its shortcut) in an unsourced event's
        hint on how to source it."""
        self._add_quote = action
        self._render()

    def set_search(self, text: str) -> None:
        """Mark the words this search text matches (the filter's search)."""
        search = parse_search(text)
        if search != self._search:
            self._search = search
            self._render()

    def _m(self, value: str, limit: int = PARAGRAPH_LIMIT) -> str:
        """``value`` as :func:`_e` shows it, with the search's matches marked (controls are
        shown one for one, so the matches' offsets hold up to the cut)."""
        shown = for_display(value, limit, say_cut=True)
        return _narrow_spaces_kept(marked_html(shown, match_spans(self._search, value[:limit])))

    def set_sources(self, sources: Sequence[Source]) -> None:
        """The timeline's sources, to quote each passage in its language and name its source."""
        self._sources = {source.key: source for source in sources}
        self._source_names = source_names(sources)
        self._render()

    def set_type_labels(self, labels: dict[str, str]) -> None:
        """Labels of every type slug, to name a child type with its parent."""
        self._type_labels = labels
        self._render()

    def show_event(self, event: Event | None) -> None:
        self._event = event
        self._render()
        self.browser.verticalScrollBar().setValue(0)

    def event_shown(self) -> Event | None:
        return self._event

    def plain_text(self) -> str:
        return self.browser.toPlainText()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ThemeChange):
            self._render()

    # -- rendering -------------------------------------------------------------------------

    def _render(self) -> None:
        dim = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        if self._event is None:
            hint = self.tr(
                "Select an event on the timeline or in the list to see its date, its sources "
                "and the article's own words."
            )
            self.browser.setHtml(f"<p style='color:{dim}'>{_e(hint)}</p>")
            return
        self.browser.setHtml(self._page(self._event, dim) + _hidden_note(self._event, dim))

    def _page(self, event: Event, dim: str) -> str:
        link = self.palette().color(QPalette.ColorRole.Link).name()
        parts = [f"<h3 style='margin-bottom:4px'>{self._m(event.title, LINE_LIMIT)}</h3>"]
        parts.append(
            f"<p style='margin-top:0'><span style='color:{dim}'>{_e(self._type_path(event.type))}"
            "</span></p>"
        )
        parts.append(self._translated_note(event, dim))
        if event.problems:  # a damaged file: say what is wrong before anything is believed
            parts.append(_problems(event.problems))
        if event.unsourced:  # before the date and the claim, so neither is taken as checked
            parts.append(self._unsourced(dim))
        parts.append(_section(self.tr("When"), dim))
        date_line = _e(_capitalised(event.date.describe()))
        if event.date.approximate:  # widened by a margin: say how far the timeline draws it
            spans = self.tr("(the timeline spans {start} – {end})").format(
                start=_day(event.start), end=_day(event.end)
            )
            date_line += f" <span style='color:{dim}'>{_e(spans)}</span>"
        parts.append(f"<p>{date_line}</p>")
        parts.append(self._citation(event, dim, link))
        acting = event.actors(Role.ACTING)
        affected = event.actors(Role.AFFECTED)
        if acting or affected:
            parts.append(_section(self.tr("Who"), dim))
            rows = []
            if acting:
                names = self._m(", ".join(a.name for a in acting))
                label = _e(self.tr("Acting:"))
                rows.append(f"<b>{label}</b> {names}")
            if affected:
                names = self._m(", ".join(a.name for a in affected))
                label = _e(self.tr("Affected:"))
                rows.append(f"<b>{label}</b> {names}")
            parts.append("<p>" + "<br>".join(rows) + "</p>")
        if event.summary:
            parts.append(_section(self.tr("What"), dim))
            parts.append(f"<p>{self._m(event.summary)}</p>")
        if event.quotes:
            parts.append(_section(self.tr("In the source's words"), dim))
            parts.extend(self._quote(quote, dim) for quote in event.quotes)
        if event.claim is not None:
            parts.append(_claim(event.claim, dim))
        links = _links(event.links, dim, link)
        if links:
            parts.append(_section(self.tr("Links"), dim))
            parts.append(links)
        return "\n".join(parts)

    def _quote(self, quote: Quote, dim: str) -> str:
        """A quote in its source's words and marks (« » for French, “ ” otherwise), naming
        the source as the PDF does (outlet, or outlet and title where two share an outlet);
        a translation into the reader's language under it, said to be one, never in italics
        as the source's words are."""
        unverified = "" if quote.verified else f"<br><b>⚠ {_e(quote.problem)}</b>"
        source = self._sources.get(quote.source_key)
        marked = quoted(quote.text, source.language if source else "")
        name = self._source_names.get(quote.source_key, quote.source_title)
        translation = ""
        if quote.translation:
            label = _e(self.tr("Translation, not the source's words:"))
            translation = (
                f"<br><span style='color:{dim}'><small>{label}</small></span> "
                f"{self._m(quoted_here(quote.translation))}"
            )
        return (
            f"<blockquote style='margin-left:12px'><i>{self._m(marked)}</i><br>"
            f"<span style='color:{dim}'>— {_e(name)}</span>"
            f"{translation}{unverified}</blockquote>"
        )

    def _translated_note(self, event: Event, dim: str) -> str:
        """Says that the title and summary shown are a translation of the event's own words
        (the reader's language was asked), and in which language those are."""
        own = event.written
        if own is None:
            return ""
        if own.language:
            note = self.tr("Title and summary translated; the event's own words are in {language}.")
            note = note.format(language=language_name(own.language))
        else:
            note = self.tr("Title and summary translated from the event's own words.")
        return f"<p style='margin-top:0; color:{dim}'><small>{_e(note)}</small></p>"

    def _unsourced(self, dim: str) -> str:
        action = self._add_quote
        if action is not None:
            name = action.text().replace("&", "")
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            how = self.tr("Edit › {action}").format(action=name)
            how += f" ({keys})" if keys else ""
        else:
            how = self.tr("Edit › Add Quote to Event")
        hint = self.tr("To add a quote, select a passage in a source, then {how}.").format(how=how)
        return (
            f"<p style='margin-bottom:0'><b>{_e(_(UNSOURCED_LINE))}</b></p>"
            f"<p style='margin-top:0; color:{dim}'>{_e(hint)}</p>"
        )

    def _citation(self, event: Event, dim: str, link: str) -> str:
        citation = event.citation
        # A timeline of one's own has sources of every kind, not only "the article": name the
        # stored source whose sentence dates the event.
        if citation.is_article:
            source = self.tr("the source itself, {title}").format(title=quoted_here(citation.title))
        else:
            source = citation.outlet
        dated = _e(self.tr("Dated from {source}").format(source=source))
        parts = [f"<p><b>{dated}</b>"]
        details = []
        if citation.title:
            details.append(_e(quoted_here(citation.title)))
        if citation.published:
            details.append(_e(_published(citation.published)))
        if not citation.is_article and citation.outlet and details:
            # The details are escaped already: the words around them are escaped apart.
            parts.append(_e(self.tr(": {details}")).format(details=", ".join(details)))
        elif citation.is_article and citation.outlet:
            parts.append(f"<br><span style='color:{dim}'>{_e(citation.outlet)}</span>")
        if citation.url:
            if is_safe_link(citation.url):
                parts.append(
                    f'<br><a href="{_href(citation.url)}" style="color:{link}">'
                    f"{_e(citation.url)}</a>"
                )
            else:
                parts.append(f"<br>{_e(citation.url)}")
        parts.append("</p>")
        if citation.quote:
            parts.append(
                f"<blockquote style='margin-left:12px'><i>{_e(quoted(citation.quote))}</i>"
                "</blockquote>"
            )
        if citation.note:
            label = _e(self.tr("Note:"))
            parts.append(f"<p style='color:{dim}'><b>{label}</b> {_e(citation.note)}</p>")
        if is_supplied_title(citation.title):
            note = _e(_(SUPPLIED_TITLE_NOTE))
            parts.append(f"<p style='color:{dim}'><small>{note}</small></p>")
        return "".join(parts)

    def _type_path(self, event_type: EventType) -> str:
        parent = event_type.parent_slug
        if parent and parent in self._type_labels:
            parent_label = type_label(parent, self._type_labels[parent])
            return f"{parent_label} › {event_type.shown_label}"  # a path: no words
        return event_type.shown_label

    def _open_link(self, url: QUrl) -> None:
        if url.scheme().lower() in SAFE_SCHEMES:
            QDesktopServices.openUrl(url)
            self.linkOpened.emit(url)


def language_name(code: str) -> str:
    """A language's name in the reader's language (CLDR): "fr" is "French" / "français"."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code.replace("-", "_")).get_language_name(l10n_language()) or code
    except (UnknownLocaleError, ValueError):
        return code


def _href(url: str) -> str:
    """A link target for an href attribute: the same percent-encoded address as the PDF's
    links, so it has no quote or angle bracket to break out of the attribute (Qt does not
    decode entities in attributes, so html.escape there would change the address)."""
    return link_target(url) or ""


def _claim(claim: Claim, dim: str) -> str:
    """The importer's words as plain text (escaped, line breaks kept), never as a quote."""
    text = _e(claim.text).replace("\n", "<br>")
    note = QCoreApplication.translate(
        "DetailPane", "The imported file's words: no source's text backs them."
    )
    return (
        f"<p style='margin-top:10px; margin-bottom:2px'><b>{_e(claim_heading(claim))}</b></p>"
        f"<p style='margin-top:0; margin-left:12px'>{text}</p>"
        f"<p style='color:{dim}'><small>{_e(note)}</small></p>"
    )


def _links(links: tuple[Link, ...], dim: str, colour: str) -> str:
    rows = []
    for shown in shown_links(links):
        address = _e(shown.link.url, LINE_LIMIT)
        if shown.target is not None:
            address = f'<a href="{shown.target}" style="color:{colour}">{address}</a>'
        else:
            unlinked = QCoreApplication.translate("DetailPane", "(not a web address: not linked)")
            address += f" <span style='color:{dim}'>{_e(unlinked)}</span>"
        words = QCoreApplication.translate("DetailPane", "{link}:").format(link=shown.words)
        row = f"<b>{_e(words)}</b> {address}"
        if shown.credit_line:
            row += f"<br><span style='color:{dim}'>{_e(shown.credit_line)}</span>"
        rows.append(row)
    return "<p>" + "<br>".join(rows) + "</p>" if rows else ""


def _hidden_note(event: Event, dim: str) -> str:
    """What the mark shown for an invisible control means, if the event has one."""
    if not event_has_hidden(event):
        return ""
    return f"<p style='color:{dim}'><small>{_e(_(HIDDEN_MARK_NOTE))}.</small></p>"


def _problems(problems: tuple[str, ...]) -> str:
    items = "".join(f"<li>{_e(problem)}</li>" for problem in problems)
    damaged = _e(QCoreApplication.translate("DetailPane", "⚠ Damaged in this file"))
    lists = _e(
        QCoreApplication.translate("DetailPane", "({command} lists every damaged row):")
    ).format(command="<tt>desktopapp check</tt>")
    return (
        f"<p style='margin-bottom:0'><b>{damaged}</b> {lists}</p>"
        f"<ul style='margin-top:0'>{items}</ul>"
    )


def _section(title: str, dim: str) -> str:
    return (
        f"<p style='margin-top:10px; margin-bottom:2px; color:{dim}'>"
        f"<small><b>{_e(title.upper())}</b></small></p>"
    )


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _day(value: date) -> str:
    return day_words(value)


def _published(edtf: str) -> str:
    try:
        when = parse_edtf(edtf).describe()
    except DateError:
        return edtf
    return QCoreApplication.translate("DetailPane", "published {date}").format(date=when)
