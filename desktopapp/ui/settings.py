"""What the window remembers between launches, declared once with its defaults.

Values go through :class:`Settings`, a thin wrapper over one ``QSettings`` that the composition
root hands in (tests give it a file in a temporary folder), so nothing here is global. Lists
and the filter are stored as JSON text, which reads back identically from every QSettings
backend (INI files, the registry, plists) instead of depending on how each one types lists.
"""

from __future__ import annotations

import getpass
import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

from desktopapp.domain.filter import EventFilter, FilterError
from desktopapp.domain.grouping import Grouping


@dataclass(frozen=True)
class Option:
    """One remembered value: its key in QSettings and what it is before anything is saved."""

    key: str
    default: Any


# Every key the app stores, in one place.
GEOMETRY = Option("window/geometry", QByteArray())
WINDOW_STATE = Option("window/state", QByteArray())
SPLITTER_PREFIX = "window/splitter/"
GROUPING = Option("view/grouping", Grouping.ACTOR.value)
FILTER = Option("view/filter", "")
LAST_FOLDER = Option("files/last-folder", "")
RECENT_FILES = Option("files/recent", "")  # JSON list of paths, the latest first
RECENT_LIMIT = 10
AUTHOR = Option("editing/author", "")  # the name written in the history; "" = the OS user
THEME = Option("view/theme", "system")  # a ui.theme.Theme value
LANGUAGE = Option("view/language", "")  # "en", "fr"; "" = the system locale's
EXPORT_FOLDER = Option("files/export-folder", "")
PAGE_SIZE = Option("export/page-size", "A4")
ORIENTATION = Option("export/orientation", "landscape")


class Settings:
    """Typed access to the app's QSettings."""

    def __init__(self, store: QSettings) -> None:
        self.store = store

    def value(self, option: Option) -> Any:
        value = self.store.value(option.key, option.default)
        if isinstance(option.default, QByteArray) and not isinstance(value, QByteArray):
            return option.default
        if isinstance(option.default, str) and not isinstance(value, str):
            return option.default
        return value

    def set_value(self, option: Option, value: Any) -> None:
        self.store.setValue(option.key, value)

    def bytes_value(self, key: str) -> QByteArray:
        value = self.store.value(key, QByteArray())
        return value if isinstance(value, QByteArray) else QByteArray()

    def set_bytes_value(self, key: str, value: QByteArray) -> None:
        self.store.setValue(key, value)

    def sync(self) -> None:
        self.store.sync()

    # -- the values with a meaning ---------------------------------------------------------

    def grouping(self) -> Grouping:
        try:
            return Grouping(self.value(GROUPING))
        except ValueError:
            return Grouping(GROUPING.default)

    def set_grouping(self, grouping: Grouping) -> None:
        self.set_value(GROUPING, grouping.value)

    def event_filter(self) -> EventFilter:
        """The filter of the last session; an empty one if none was saved or it is unreadable."""
        text = self.value(FILTER)
        if not text:
            return EventFilter()
        try:
            data = json.loads(text)
            return EventFilter(
                actors=frozenset(str(name) for name in data.get("actors", [])),
                types=frozenset(str(slug) for slug in data.get("types", [])),
                date_from=_date(data.get("from")),
                date_to=_date(data.get("to")),
                text=str(data.get("text", "")),
            )
        except (ValueError, TypeError, AttributeError, FilterError):
            return EventFilter()

    def set_event_filter(self, event_filter: EventFilter) -> None:
        data = {
            "actors": sorted(event_filter.actors),
            "types": sorted(event_filter.types),
            "from": event_filter.date_from.isoformat() if event_filter.date_from else None,
            "to": event_filter.date_to.isoformat() if event_filter.date_to else None,
            "text": event_filter.text,
        }
        self.set_value(FILTER, json.dumps(data, ensure_ascii=False, sort_keys=True))

    def recent_files(self) -> list[str]:
        """The timeline files opened last, the latest first (unreadable settings: none)."""
        try:
            data = json.loads(self.value(RECENT_FILES) or "[]")
        except ValueError:
            return []
        if not isinstance(data, list):
            return []
        return [path for path in data if isinstance(path, str) and path][:RECENT_LIMIT]

    def add_recent_file(self, path: str) -> None:
        """Put ``path`` first in the recent files (once)."""
        paths = [path, *(p for p in self.recent_files() if p != path)][:RECENT_LIMIT]
        self.set_value(RECENT_FILES, json.dumps(paths, ensure_ascii=False))

    def forget_recent_file(self, path: str) -> None:
        self.set_value(
            RECENT_FILES,
            json.dumps([p for p in self.recent_files() if p != path], ensure_ascii=False),
        )

    def author(self) -> str:
        """Who the history says made an edit: the name set in preferences, else the OS
        user."""
        name = str(self.value(AUTHOR)).strip()
        return name or self.default_author()

    @staticmethod
    def default_author() -> str:
        """The OS user, the name recorded while none is set in preferences."""
        try:
            return getpass.getuser()
        except (OSError, KeyError):
            return "unknown"


def _date(value: object) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None


class RemembersLayout:
    """Saves and restores a main window's geometry, toolbar/dock state and every named
    splitter inside it. Mix into a QMainWindow."""

    def save_layout(self, settings: Settings) -> None:
        window = self._as_window()
        settings.set_value(GEOMETRY, window.saveGeometry())
        settings.set_value(WINDOW_STATE, window.saveState())
        for splitter in window.findChildren(QSplitter):
            if splitter.objectName():
                settings.set_bytes_value(
                    SPLITTER_PREFIX + splitter.objectName(), splitter.saveState()
                )

    def restore_layout(self, settings: Settings) -> bool:
        """Restore what was saved; False if there was nothing to restore."""
        window = self._as_window()
        geometry = settings.value(GEOMETRY)
        restored = bool(geometry) and window.restoreGeometry(geometry)
        state = settings.value(WINDOW_STATE)
        if state:
            window.restoreState(state)
        for splitter in window.findChildren(QSplitter):
            if splitter.objectName():
                saved = settings.bytes_value(SPLITTER_PREFIX + splitter.objectName())
                if saved:
                    splitter.restoreState(saved)
        return restored

    def _as_window(self) -> QMainWindow:
        assert isinstance(self, QMainWindow)
        return self
