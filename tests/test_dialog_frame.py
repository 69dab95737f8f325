"""Every dialog is framed as a dialog (no minimize, maximize or help button asked for), and the
small ones are held at the size of their contents, so that no window manager offers to
maximize them (openbox draws the buttons whatever the hints, but only a fixed-size window
loses maximize)."""

from __future__ import annotations

import gc
import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtWidgets import QDialog, QMainWindow, QWidget

import desktopapp.ui
from desktopapp.db.commands import AddActor, EditEvent, HistoryEntry
from desktopapp.db.store import TimelineStore
from desktopapp.db.versions import EditConflict
from desktopapp.ingest.importing import ImportReport
from desktopapp.ui.catalogue_dialogs import EditActorDialog, EditTypeDialog
from desktopapp.ui.conflict_dialog import EditConflictDialog
from desktopapp.ui.event_editor import EventEditorDialog, NewTypeDialog
from desktopapp.ui.export_actions import PageSetupDialog
from desktopapp.ui.help import table_dialog
from desktopapp.ui.history_view import HistoryDialog
from desktopapp.ui.import_dialog import ImportDialog, ImportProgress, ReportDialog
from desktopapp.ui.participants_editor import NewActorDialog
from desktopapp.ui.preferences_dialog import PreferencesDialog
from desktopapp.ui.server_dialog import PasswordStore, ServerDialog
from desktopapp.ui.settings import Settings
from desktopapp.ui.source_dialog import SourceDialog

W = Qt.WindowType
NOT_ASKED_FOR = (
    W.WindowMinimizeButtonHint,
    W.WindowMaximizeButtonHint,
    W.WindowContextHelpButtonHint,
    W.WindowStaysOnTopHint,
)

Make = Callable[[TimelineStore, QWidget, Path], QDialog]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[TimelineStore]:
    store = TimelineStore.create(tmp_path / "d.timeline", title="D", author="me")
    store.execute(AddActor("Apple", "company"))
    yield store
    store.close()


def _settings(folder: Path) -> Settings:
    return Settings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))


SMALL: dict[str, Make] = {
    "preferences": lambda _s, parent, folder: PreferencesDialog(_settings(folder), parent),
    "new actor": lambda s, parent, _f: NewActorDialog(s.repository, "", parent),
    "edit actor": lambda s, parent, _f: EditActorDialog(
        s.repository, s.repository.actors[0], parent
    ),
    "new type": lambda s, parent, _f: NewTypeDialog(s.repository.event_types, parent),
    "edit type": lambda s, parent, _f: EditTypeDialog(s.repository.event_types[0], parent),
    "page setup": lambda _s, parent, _f: PageSetupDialog(parent, "A4", "portrait"),
    "import": lambda _s, parent, folder: ImportDialog(parent, str(folder)),
    "import progress": lambda _s, parent, _f: ImportProgress(parent, "x.json"),
    "open server": lambda _s, parent, _f: ServerDialog(
        lambda _url: None, PasswordStore(), None, parent
    ),
    "edit conflict": lambda _s, parent, _f: EditConflictDialog(
        EditConflict(
            "ev-1",
            1,
            2,
            [HistoryEntry("2026-12-01T15:00:00", "Bob", "Rename", "title", "a", "b", "")],
        ),
        "A",
        EditEvent("ev-1", title="c"),
        parent,
    ),
}
RESIZABLE: dict[str, Make] = {
    "event editor": lambda s, parent, _f: EventEditorDialog(s.repository, parent),
    "source": lambda s, parent, _f: SourceDialog(s.repository, parent),
    "history": lambda _s, parent, _f: HistoryDialog((), parent),
    "help table": lambda _s, parent, _f: table_dialog(parent, "Keys", "All keys.", ("a", "b"), []),
    "import report": lambda _s, parent, _f: ReportDialog(
        ImportReport("x.json", "TimelineJS JSON"), parent
    ),
}


PARENTS: list[QMainWindow] = []  # kept alive while their dialogs are checked


@pytest.fixture(autouse=True)
def _forget_parents() -> Iterator[None]:
    yield
    PARENTS.clear()


def shown(qtbot, make: Make, store: TimelineStore, folder: Path) -> QDialog:  # type: ignore[no-untyped-def]
    parent = QMainWindow()
    qtbot.addWidget(parent)
    PARENTS.append(parent)
    dialog = make(store, parent, folder)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def framed_as_a_dialog(dialog: QDialog) -> bool:
    flags = dialog.windowFlags()
    return (
        dialog.windowType() == W.Dialog
        and bool(flags & W.WindowCloseButtonHint)
        and bool(flags & W.WindowTitleHint)
        and not any(flags & hint for hint in NOT_ASKED_FOR)
    )


def holds_its_contents(dialog: QDialog) -> bool:
    """Fixed, and no smaller than its contents ask for at that width."""
    layout = dialog.layout()
    assert layout is not None
    needed = layout.totalSizeHint()
    if layout.hasHeightForWidth():
        needed = QSize(needed.width(), layout.totalHeightForWidth(dialog.width()))
    return (
        dialog.minimumSize() == dialog.maximumSize() == dialog.size()
        and dialog.width() >= needed.width()
        and dialog.height() >= needed.height()
    )


@pytest.mark.parametrize("name", sorted(SMALL))
def test_a_small_dialog_is_a_dialog_of_the_size_of_its_contents(
    qtbot, store: TimelineStore, tmp_path: Path, name: str
) -> None:
    dialog = shown(qtbot, SMALL[name], store, tmp_path)
    assert framed_as_a_dialog(dialog)
    assert holds_its_contents(dialog)


def test_a_small_dialog_keeps_the_width_it_asked_for_and_follows_its_contents(
    qtbot, store: TimelineStore, tmp_path: Path
) -> None:
    dialog = shown(qtbot, SMALL["new actor"], store, tmp_path)
    assert isinstance(dialog, NewActorDialog)
    assert dialog.width() >= 460  # the dialog's own minimum, which a layout's SetFixedSize drops
    before = dialog.height()
    reason = dialog.footer.reason
    gc.collect()  # the filter lives on with no Python reference to it
    dialog.name.setText("Apple")  # names an actor that exists: OK says why not
    qtbot.waitUntil(lambda: bool(reason.text()), timeout=2000)
    reason.setText(reason.text() + " — " + "a reason long enough to wrap on three lines " * 3)
    qtbot.waitUntil(lambda: dialog.height() > before, timeout=2000)
    assert holds_its_contents(dialog)


@pytest.mark.parametrize("name", sorted(RESIZABLE))
def test_a_dialog_that_holds_long_text_is_a_dialog_that_can_be_resized(
    qtbot, store: TimelineStore, tmp_path: Path, name: str
) -> None:
    dialog = shown(qtbot, RESIZABLE[name], store, tmp_path)
    assert framed_as_a_dialog(dialog)
    assert dialog.minimumSize() != dialog.maximumSize()


def test_every_dialog_class_of_the_program_is_checked_here(
    qtbot, store: TimelineStore, tmp_path: Path
) -> None:
    classes = set()
    for module in pkgutil.iter_modules(desktopapp.ui.__path__, "desktopapp.ui."):
        for _, value in inspect.getmembers(importlib.import_module(module.name), inspect.isclass):
            if issubclass(value, QDialog) and value.__module__.startswith("desktopapp."):
                classes.add(value)
    made = {type(shown(qtbot, make, store, tmp_path)) for make in {**SMALL, **RESIZABLE}.values()}
    assert classes <= made, f"dialogs not checked: {classes - made}"
