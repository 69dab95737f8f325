"""What can be done with one event from any view: copy its citation or its quote, go to its
source. The list, the timeline and the article offer the same commands in their context
menus, built here, so they read and act the same everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from desktopapp.db.errors import QUERY_ERRORS, describe_error
from desktopapp.db.repository import EventRepository
from desktopapp.domain.l10n import ngettext, number
from desktopapp.domain.model import Event, Source
from desktopapp.domain.text import for_display

COPY_CITATION = str(QT_TRANSLATE_NOOP("EventCommands", "Copy &Citation"))
COPY_QUOTE = str(QT_TRANSLATE_NOOP("EventCommands", "Copy &Quote"))
GO_TO_SOURCE = str(QT_TRANSLATE_NOOP("EventCommands", "&Go to Source"))
# Past this many events under one point, the menu names the first ones only.
MAX_CHOICES = 30


def citation_text(event: Event, sources: Sequence[Source]) -> str:
    """A citation to paste into notes or an article: what happened and when (in words), the
    article's own words with the article cited, and where the date comes from."""
    lines = [f"{event.title} — {event.date.describe()}"]
    by_key = {source.key: source for source in sources}
    for quote in event.quotes:
        source = by_key.get(quote.source_key)
        cited = source.citation_line() if source is not None else quote.source_title
        lines.append(f"« {quote.text} » — {cited}")
    date_label = QCoreApplication.translate("EventCommands", "Date: {citation}")
    lines.append(date_label.format(citation=event.citation.line()))
    return "\n".join(lines)


def quote_text(event: Event) -> str:
    """The event's quoted passages, one per line."""
    return "\n".join(quote.text for quote in event.quotes)


class EventCommands:
    """The commands on one event of one window's repository."""

    def __init__(
        self,
        repository: Callable[[], EventRepository],
        go_to_source: Callable[[int], None],
        report_error: Callable[[str], None],
    ) -> None:
        self._repository = repository
        self._go_to_source = go_to_source
        self._report_error = report_error

    def event(self, event_id: int) -> Event | None:
        try:
            return self._repository().event(event_id)
        except KeyError:
            return None
        except QUERY_ERRORS as error:
            self._report_error(describe_error(error))
            return None

    def copy_citation(self, event_id: int) -> None:
        event = self.event(event_id)
        if event is not None:
            QGuiApplication.clipboard().setText(citation_text(event, self._repository().sources))

    def copy_quote(self, event_id: int) -> None:
        event = self.event(event_id)
        if event is not None and event.quotes:
            QGuiApplication.clipboard().setText(quote_text(event))

    def go_to_source(self, event_id: int) -> None:
        self._go_to_source(event_id)

    def add_to(self, menu: QMenu, event_ids: Sequence[int]) -> None:
        """The commands on these events: directly for one, in a submenu per event for
        several (a passage many events quote)."""
        if len(event_ids) == 1:
            self._add_commands(menu, event_ids[0])
            return
        for event_id in event_ids[:MAX_CHOICES]:
            event = self.event(event_id)
            if event is not None:
                self._add_commands(menu.addMenu(_menu_text(event.title)), event_id)

    def _add_commands(self, menu: QMenu, event_id: int) -> None:
        citation = menu.addAction(_tr(COPY_CITATION))
        citation.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        citation.triggered.connect(lambda _on=False: self.copy_citation(event_id))
        quote = menu.addAction(_tr(COPY_QUOTE))
        quote.triggered.connect(lambda _on=False: self.copy_quote(event_id))
        source = menu.addAction(_tr(GO_TO_SOURCE))
        source.triggered.connect(lambda _on=False: self.go_to_source(event_id))


def choose_event_menu(
    parent: QWidget,
    titles: Sequence[tuple[int, str]],
    selected: int | None,
    choose: Callable[[int], None],
) -> QMenu:
    """A small menu naming the events that quote one passage, the selected one checked; it
    calls ``choose`` with the one picked."""
    menu = QMenu(parent)
    menu.setObjectName("chooseEventMenu")
    menu.setAccessibleName(
        QCoreApplication.translate("EventCommands", "Events quoting this passage")
    )
    count = len(titles)
    heading = menu.addAction(
        ngettext("{n} event quotes this passage:", "{n} events quote this passage:", count).format(
            n=number(count)
        )
    )
    heading.setEnabled(False)
    # One of them is picked: an exclusive group draws radio marks where loose checkable
    # actions drew empty check boxes, which read as "tick several".
    one_of = QActionGroup(menu)
    one_of.setExclusive(True)
    for event_id, title in titles[:MAX_CHOICES]:
        action = QAction(_menu_text(title), menu)
        action.setCheckable(True)
        action.setActionGroup(one_of)
        action.setChecked(event_id == selected)
        action.setData(event_id)
        action.triggered.connect(lambda _on=False, chosen=event_id: choose(chosen))
        menu.addAction(action)
    return menu


def _tr(text: str) -> str:
    return QCoreApplication.translate("EventCommands", text)


def _menu_text(title: str) -> str:
    """A title as a menu shows it: invisible controls shown, cut when very long, '&' doubled
    (not a mnemonic)."""
    return for_display(title, 80).replace("&", "&&")
