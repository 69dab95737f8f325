"""The window's commands, created once in a registry keyed by :class:`ActionId`.

Menus and the toolbar take their actions from here, so a command has one text, one shortcut
and one enabled state wherever it appears. Shortcuts are the platform's standard ones where
Qt defines one (``QKeySequence.StandardKey``), so they follow each desktop's conventions.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum, auto

from PySide6.QtCore import QCoreApplication, QEvent, QKeyCombination, QObject, Qt
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
from desktopapp.ui.translations import QT_TRANSLATE_NOOP

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
        QT_TRANSLATE_NOOP("Actions", "&New Timeline…"),
        QT_TRANSLATE_NOOP("Actions", "Create an empty timeline file"),
        (StandardKey.New,),
        "document-new",
    ),
    ActionId.OPEN_DATABASE: _Spec(
        QT_TRANSLATE_NOOP("Actions", "&Open Database…"),
        QT_TRANSLATE_NOOP("Actions", "Open another timeline database"),
        (StandardKey.Open,),
        "document-open",
        QStyle.StandardPixmap.SP_DialogOpenButton,
    ),
    ActionId.OPEN_SERVER_TIMELINE: _Spec(
        QT_TRANSLATE_NOOP("Actions", "Open &Server Timeline…"),
        QT_TRANSLATE_NOOP("Actions", "Open a team's timeline on a PostgreSQL server"),
        (),
        "network-server",
    ),
    ActionId.SAVE_COPY: _Spec(
        QT_TRANSLATE_NOOP("Actions", "Save a &Copy As…"),
        QT_TRANSLATE_NOOP("Actions", "Write a consistent copy of this timeline to another file"),
        (StandardKey.SaveAs,),
        "document-save-as",
    ),
    ActionId.IMPORT: _Spec(
        QT_TRANSLATE_NOOP("Actions", "&Import…"),
        QT_TRANSLATE_NOOP(
            "Actions",
            "Bring in another tool's timeline: TimelineJS JSON, or its spreadsheet saved as CSV",
        ),
        ("Ctrl+I",),
        "document-import",
    ),
    # The texts of Undo and Redo follow the undo stack ("Undo Change date of 'X'").
    ActionId.UNDO: _Spec(
        QT_TRANSLATE_NOOP("Actions", "&Undo"),
        QT_TRANSLATE_NOOP("Actions", "Undo the last edit"),
        (StandardKey.Undo,),
        "edit-undo",
    ),
    ActionId.REDO: _Spec(
        QT_TRANSLATE_NOOP("Actions", "&Redo"),
        QT_TRANSLATE_NOOP("Actions", "Redo the last undone edit"),
        (StandardKey.Redo,),
        "edit-redo",
    ),
    ActionId.NEW_EVENT_FROM_SELECTION: _Spec(
        QT_TRANSLATE_NOOP("Actions", "New &Event from Selection…"),
        QT_TRANSLATE_NOOP(
            "Actions", "Create an event whose first quote is the passage selected in the article"
        ),
        ("Ctrl+Shift+N",),  # Ctrl+E is Export PDF
        "list-add",
    ),
    ActionId.ADD_QUOTE: _Spec(
        QT_TRANSLATE_NOOP("Actions", "Add &Quote to Event"),
        QT_TRANSLATE_NOOP(
            "Actions", "Quote the passage selected in the article for the selected event"
        ),
        ("Ctrl+Shift+A",),
    ),
    ActionId.EDIT_EVENT: _Spec(
        QT_TRANSLATE_NOOP("Actions", "Ed&it Event…"),
        QT_TRANSLATE_NOOP("Actions", "Change the selected event's title, type, actors or date"),
        ("F2",),
    ),
    ActionId.DELETE_EVENT: _Spec(
        QT_TRANSLATE_NOOP("Actions", "&Delete Event…"),
        QT_TRANSLATE_NOOP("Actions", "Delete the selected event"),
        (StandardKey.Delete,),
        "edit-delete",
    ),
    ActionId.ADD_SOURCE: _Spec(
        QT_TRANSLATE_NOOP("Actions", "Add &Source…"),
        QT_TRANSLATE_NOOP("Actions", "Add an article from a text file, a saved web page or a PDF"),
        ("Ctrl+Shift+O",),
    ),
    ActionId.QUIT: _Spec(
        QT_TRANSLATE_NOOP("Actions", "&Quit"),
        QT_TRANSLATE_NOOP("Actions", "Quit the application"),
        (StandardKey.Quit, "Ctrl+Q"),
        "application-exit",
    ),
    ActionId.FIND: _Spec(
        QT_TRANSLATE_NOOP("Actions", "&Find…"),
        QT_TRANSLATE_NOOP("Actions", "Search titles, summaries, quotes and actors"),
        (StandardKey.Find,),
        "edit-find",
    ),
    ActionId.CLEAR_FILTERS: _Spec(
        QT_TRANSLATE_NOOP("Actions", "&Clear Filters"),
        QT_TRANSLATE_NOOP("Actions", "Show every event again"),
        ("Ctrl+Shift+L",),
        "edit-clear",
    ),
    ActionId.GROUP_BY_ACTOR: _Spec(
        QT_TRANSLATE_NOOP("Actions", "&Actor"),
        QT_TRANSLATE_NOOP("Actions", "Group the timeline into one lane per acting actor"),
        ("Ctrl+1",),
        checkable=True,
    ),
    ActionId.GROUP_BY_TYPE: _Spec(
        QT_TRANSLATE_NOOP("Actions", "&Type"),
        QT_TRANSLATE_NOOP("Actions", "Group the timeline into one lane per event type"),
        ("Ctrl+2",),
        checkable=True,
    ),
    ActionId.GROUP_BY_NONE: _Spec(
        QT_TRANSLATE_NOOP("Actions", "&None"),
        QT_TRANSLATE_NOOP("Actions", "Show all events in one timeline lane"),
        ("Ctrl+3",),
        checkable=True,
    ),
    ActionId.ZOOM_IN: _Spec(
        QT_TRANSLATE_NOOP("Actions", "Zoom &In"),
        QT_TRANSLATE_NOOP("Actions", "Zoom in on the timeline"),
        (StandardKey.ZoomIn, "Ctrl+="),
        "zoom-in",
    ),
    ActionId.ZOOM_OUT: _Spec(
        QT_TRANSLATE_NOOP("Actions", "Zoom &Out"),
        QT_TRANSLATE_NOOP("Actions", "Zoom out of the timeline"),
        (StandardKey.ZoomOut,),
        "zoom-out",
    ),
    ActionId.FIT_ALL: _Spec(
        QT_TRANSLATE_NOOP("Actions", "&Fit All"),
        QT_TRANSLATE_NOOP("Actions", "Show the whole timeline"),
        ("Ctrl+0",),
        "zoom-fit-best",
    ),
    ActionId.GO_TO_SELECTION: _Spec(
        QT_TRANSLATE_NOOP("Actions", "&Go to Selection"),
        QT_TRANSLATE_NOOP("Actions", "Scroll the timeline and the list to the selected event"),
        ("Ctrl+G",),
        "go-jump",
    ),
    ActionId.THEME_LIGHT: _Spec(
        QT_TRANSLATE_NOOP("Actions", "&Light"),
        QT_TRANSLATE_NOOP("Actions", "Light colours"),
        checkable=True,
    ),
    ActionId.THEME_DARK: _Spec(
        QT_TRANSLATE_NOOP("Actions", "&Dark"),
        QT_TRANSLATE_NOOP("Actions", "Dark colours"),
        checkable=True,
    ),
    ActionId.THEME_SYSTEM: _Spec(
        QT_TRANSLATE_NOOP("Actions", "Follow &System"),
        QT_TRANSLATE_NOOP("Actions", "The desktop's colours, light or dark"),
        checkable=True,
    ),
    ActionId.PREFERENCES: _Spec(
        QT_TRANSLATE_NOOP("Actions", "&Preferences…"),
        QT_TRANSLATE_NOOP("Actions", "Your name, recorded in the history of every edit"),
        (StandardKey.Preferences, "Ctrl+,"),
        "preferences-system",
    ),
    ActionId.KEYBOARD_SHORTCUTS: _Spec(
        QT_TRANSLATE_NOOP("Actions", "&Keyboard Shortcuts"),
        QT_TRANSLATE_NOOP("Actions", "Every command's keys"),
        ("Ctrl+/",),
        "preferences-desktop-keyboard",
    ),
    ActionId.MARKS_GUIDE: _Spec(
        QT_TRANSLATE_NOOP("Actions", "What the &Marks Mean"),
        QT_TRANSLATE_NOOP("Actions", "How the timeline draws precise, vague and uncertain dates"),
    ),
    ActionId.ABOUT: _Spec(
        QT_TRANSLATE_NOOP("Actions", "&About desktopapp"),
        QT_TRANSLATE_NOOP("Actions", "About this application and its data"),
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
    # The specs hold the English (a constant); the words are looked up as the window is built.
    tip = QCoreApplication.translate("Actions", spec.tip)
    action = QAction(QCoreApplication.translate("Actions", spec.text), parent)
    action.setObjectName(action_id.name.lower())
    action.setStatusTip(tip)
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
    action.setToolTip(tip_with_shortcut(tip, action))
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
