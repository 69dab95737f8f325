"""The window's commands, created once in a registry keyed by :class:`ActionId`.

Menus and the toolbar take their actions from here, so a command has one text, one shortcut
and one enabled state wherever it appears. Shortcuts are the platform's standard ones where
Qt defines one (``QKeySequence.StandardKey``), so they follow each desktop's conventions.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum, auto

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QStyle,
    QTextEdit,
    QWidget,
)

from desktopapp.domain.grouping import Grouping
from desktopapp.ui.theme import Theme

StandardKey = QKeySequence.StandardKey


class ActionId(Enum):
    NEW_TIMELINE = auto()
    OPEN_DATABASE = auto()
    OPEN_SERVER_TIMELINE = auto()
    SAVE_COPY = auto()
    IMPORT = auto()
    QUIT = auto()
    UNDO = auto()
    REDO = auto()
    NEW_EVENT_FROM_SELECTION = auto()
    ADD_QUOTE = auto()
    EDIT_EVENT = auto()
    DELETE_EVENT = auto()
    ADD_SOURCE = auto()
    FIND = auto()
    CLEAR_FILTERS = auto()
    GROUP_BY_ACTOR = auto()
    GROUP_BY_TYPE = auto()
    GROUP_BY_NONE = auto()
    ZOOM_IN = auto()
    ZOOM_OUT = auto()
    FIT_ALL = auto()
    GO_TO_SELECTION = auto()
    THEME_LIGHT = auto()
    THEME_DARK = auto()
    THEME_SYSTEM = auto()
    PREFERENCES = auto()
    KEYBOARD_SHORTCUTS = auto()
    MARKS_GUIDE = auto()
    ABOUT = auto()


THEME_ACTIONS = {
    Theme.LIGHT: ActionId.THEME_LIGHT,
    Theme.DARK: ActionId.THEME_DARK,
    Theme.SYSTEM: ActionId.THEME_SYSTEM,
}

GROUPING_ACTIONS = {
    Grouping.ACTOR: ActionId.GROUP_BY_ACTOR,
    Grouping.TYPE: ActionId.GROUP_BY_TYPE,
    Grouping.NONE: ActionId.GROUP_BY_NONE,
}


@dataclass(frozen=True)
class _Spec:
    text: str
    tip: str
    shortcuts: tuple[StandardKey | str, ...] = ()
    icon: str = ""  # a freedesktop theme icon name
    fallback: QStyle.StandardPixmap | None = None
    checkable: bool = False


_SPECS: dict[ActionId, _Spec] = {
    ActionId.NEW_TIMELINE: _Spec(
        "&New Timeline…", "Create an empty timeline file", (StandardKey.New,), "document-new"
    ),
    ActionId.OPEN_DATABASE: _Spec(
        "&Open Database…",
        "Open another timeline database",
        (StandardKey.Open,),
        "document-open",
        QStyle.StandardPixmap.SP_DialogOpenButton,
    ),
    ActionId.OPEN_SERVER_TIMELINE: _Spec(
        "Open &Server Timeline…",
        "Open a team's timeline on a PostgreSQL server",
        (),
        "network-server",
    ),
    ActionId.SAVE_COPY: _Spec(
        "Save a &Copy As…",
        "Write a consistent copy of this timeline to another file",
        (StandardKey.SaveAs,),
        "document-save-as",
    ),
    ActionId.IMPORT: _Spec(
        "&Import…",
        "Bring in another tool's timeline: TimelineJS JSON, or its spreadsheet saved as CSV",
        ("Ctrl+I",),
        "document-import",
    ),
    # The texts of Undo and Redo follow the undo stack ("Undo Change date of 'X'").
    ActionId.UNDO: _Spec("&Undo", "Undo the last edit", (StandardKey.Undo,), "edit-undo"),
    ActionId.REDO: _Spec("&Redo", "Redo the last undone edit", (StandardKey.Redo,), "edit-redo"),
    ActionId.NEW_EVENT_FROM_SELECTION: _Spec(
        "New &Event from Selection…",
        "Create an event whose first quote is the passage selected in the article",
        ("Ctrl+Shift+N",),  # Ctrl+E is Export PDF
        "list-add",
    ),
    ActionId.ADD_QUOTE: _Spec(
        "Add &Quote to Event",
        "Quote the passage selected in the article for the selected event",
        ("Ctrl+Shift+A",),
    ),
    ActionId.EDIT_EVENT: _Spec(
        "Ed&it Event…", "Change the selected event's title, type, actors or date", ("F2",)
    ),
    ActionId.DELETE_EVENT: _Spec(
        "&Delete Event…", "Delete the selected event", (StandardKey.Delete,), "edit-delete"
    ),
    ActionId.ADD_SOURCE: _Spec(
        "Add &Source…",
        "Add an article from a text file, a saved web page or a PDF",
        ("Ctrl+Shift+O",),
    ),
    ActionId.QUIT: _Spec(
        "&Quit", "Quit the application", (StandardKey.Quit, "Ctrl+Q"), "application-exit"
    ),
    ActionId.FIND: _Spec(
        "&Find…", "Search titles, summaries, quotes and actors", (StandardKey.Find,), "edit-find"
    ),
    ActionId.CLEAR_FILTERS: _Spec(
        "&Clear Filters", "Show every event again", ("Ctrl+Shift+L",), "edit-clear"
    ),
    ActionId.GROUP_BY_ACTOR: _Spec(
        "&Actor", "Group the timeline into one lane per acting actor", ("Ctrl+1",), checkable=True
    ),
    ActionId.GROUP_BY_TYPE: _Spec(
        "&Type", "Group the timeline into one lane per event type", ("Ctrl+2",), checkable=True
    ),
    ActionId.GROUP_BY_NONE: _Spec(
        "&None", "Show all events in one timeline lane", ("Ctrl+3",), checkable=True
    ),
    ActionId.ZOOM_IN: _Spec(
        "Zoom &In", "Zoom in on the timeline", (StandardKey.ZoomIn, "Ctrl+="), "zoom-in"
    ),
    ActionId.ZOOM_OUT: _Spec(
        "Zoom &Out", "Zoom out of the timeline", (StandardKey.ZoomOut,), "zoom-out"
    ),
    ActionId.FIT_ALL: _Spec("&Fit All", "Show the whole timeline", ("Ctrl+0",), "zoom-fit-best"),
    ActionId.GO_TO_SELECTION: _Spec(
        "&Go to Selection",
        "Scroll the timeline and the list to the selected event",
        ("Ctrl+G",),
        "go-jump",
    ),
    ActionId.THEME_LIGHT: _Spec("&Light", "Light colours", checkable=True),
    ActionId.THEME_DARK: _Spec("&Dark", "Dark colours", checkable=True),
    ActionId.THEME_SYSTEM: _Spec(
        "Follow &System", "The desktop's colours, light or dark", checkable=True
    ),
    ActionId.PREFERENCES: _Spec(
        "&Preferences…",
        "Your name, recorded in the history of every edit",
        (StandardKey.Preferences, "Ctrl+,"),
        "preferences-system",
    ),
    ActionId.KEYBOARD_SHORTCUTS: _Spec(
        "&Keyboard Shortcuts", "Every command's keys", ("Ctrl+/",), "preferences-desktop-keyboard"
    ),
    ActionId.MARKS_GUIDE: _Spec(
        "What the &Marks Mean", "How the timeline draws precise, vague and uncertain dates"
    ),
    ActionId.ABOUT: _Spec(
        "&About desktopapp",
        "About this application and its data",
        (StandardKey.HelpContents, "F1"),
        "help-about",
    ),
}


class ActionRegistry:
    """Every QAction of one window, created with the window as their parent."""

    def __init__(self, parent: QWidget) -> None:
        self._actions: dict[ActionId, QAction] = {}
        for action_id, spec in _SPECS.items():
            self._actions[action_id] = _make(parent, action_id, spec)
        self.grouping_group = QActionGroup(parent)
        self.grouping_group.setExclusive(True)
        for action_id in GROUPING_ACTIONS.values():
            self.grouping_group.addAction(self._actions[action_id])
        self.theme_group = QActionGroup(parent)
        self.theme_group.setExclusive(True)
        for action_id in THEME_ACTIONS.values():
            self.theme_group.addAction(self._actions[action_id])

    def __getitem__(self, action_id: ActionId) -> QAction:
        return self._actions[action_id]

    def __iter__(self) -> Iterator[tuple[ActionId, QAction]]:
        return iter(self._actions.items())

    def grouping_action(self, grouping: Grouping) -> QAction:
        return self._actions[GROUPING_ACTIONS[grouping]]


def _make(parent: QWidget, action_id: ActionId, spec: _Spec) -> QAction:
    action = QAction(spec.text, parent)
    action.setObjectName(action_id.name.lower())
    action.setStatusTip(spec.tip)
    action.setCheckable(spec.checkable)
    if spec.icon:
        icon = QIcon.fromTheme(spec.icon)
        if icon.isNull() and spec.fallback is not None:
            icon = parent.style().standardIcon(spec.fallback)
        action.setIcon(icon)
    shortcuts: list[QKeySequence] = []
    for shortcut in spec.shortcuts:
        if isinstance(shortcut, str):
            sequence = QKeySequence(shortcut)
            if sequence not in shortcuts:
                shortcuts.append(sequence)
        else:
            shortcuts.extend(s for s in QKeySequence.keyBindings(shortcut) if s not in shortcuts)
    action.setShortcuts(shortcuts)
    action.setToolTip(tip_with_shortcut(spec.tip, action))
    return action


def tip_with_shortcut(tip: str, action: QAction) -> str:
    """'Zoom in on the timeline (Ctrl++)': a tooltip that teaches the shortcut."""
    shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    return f"{tip} ({shortcut})" if shortcut else tip


# Keys a text field keeps even when a window action uses them too: what every user expects
# of a text field (clipboard, undo, select all, deleting).
_EDITING_KEYS = (
    StandardKey.Copy,
    StandardKey.Cut,
    StandardKey.Paste,
    StandardKey.Undo,
    StandardKey.Redo,
    StandardKey.SelectAll,
    StandardKey.Delete,
    StandardKey.Backspace,
)
_TEXT_WIDGETS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)


class ShortcutsBeforeEditing(QObject):
    """Lets the window's shortcuts work while a text field has focus.

    A text field claims (through ``ShortcutOverride``) every key that is one of its editing
    bindings, and on X11 those include Emacs keys: Ctrl+E is "end of line", Ctrl+K "delete to
    the end", Ctrl+U "delete the line". So Ctrl+E (Export PDF) did nothing in the search box.
    Installed on the window's text fields, this filter declines the claim for a key that is a
    window-wide action's shortcut, except the editing keys above.
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window

    def install(self) -> None:
        """Watch every text field now in the window (a date edit's own text field too)."""
        for widget in self._window.findChildren(QWidget):
            if isinstance(widget, _TEXT_WIDGETS):
                widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        if any(event.matches(key) for key in _EDITING_KEYS) or not self._is_window_shortcut(
            event.keyCombination()
        ):
            return False
        event.ignore()  # not claimed: the shortcut map gets the key
        return True

    def _is_window_shortcut(self, combination: QKeyCombination) -> bool:
        pressed = QKeySequence(combination)
        plain = QKeySequence(
            QKeyCombination(
                combination.keyboardModifiers() & ~Qt.KeyboardModifier.KeypadModifier,
                combination.key(),
            )
        )
        # Every action of the window, the menus' too, asked afresh: a key press is rare enough.
        for action in self._window.findChildren(QAction):
            if not action.isEnabled() or action.shortcutContext() not in (
                Qt.ShortcutContext.WindowShortcut,
                Qt.ShortcutContext.ApplicationShortcut,
            ):
                continue
            if pressed in action.shortcuts() or plain in action.shortcuts():
                return True
        return False
