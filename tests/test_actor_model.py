"""The actor list over thousands of actors: a row's data is made when a view asks for it, and
the keyboard reaches every actor as before."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from desktopapp.domain.model import Actor, ActorKind
from desktopapp.ui import filter_panel
from desktopapp.ui.filter_panel import ActorFinder, ActorListModel, ActorListView, CountDelegate

ACTORS = 3000


def many_actors() -> tuple[Actor, ...]:
    return tuple(
        Actor(n, f"actor-{n:04}", f"Company {n:04}", ActorKind.COMPANY, (f"Alias {n:04}",))
        for n in range(1, ACTORS + 1)
    )


@pytest.fixture
def folds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every name the model folds for the find line."""
    made: list[str] = []
    real = filter_panel.fold

    def counted(text: str) -> str:
        made.append(text)
        return real(text)

    monkeypatch.setattr(filter_panel, "fold", counted)
    return made


def test_the_model_passes_qtmodeltester_and_folds_no_name_until_asked(
    qtmodeltester, folds: list[str]
) -> None:  # type: ignore[no-untyped-def]
    model = ActorListModel(many_actors())
    assert folds == []  # building it made nothing per actor
    model.set_counts({1: 5, 2: 0})
    qtmodeltester.check(model)
    finder = ActorFinder()
    finder.setSourceModel(model)
    qtmodeltester.check(finder)


def test_keyboard_reaches_the_last_actor_and_the_find_line_folds_each_name_once(
    qtbot, folds: list[str]
) -> None:  # type: ignore[no-untyped-def]
    model = ActorListModel(many_actors())
    finder = ActorFinder()
    finder.setSourceModel(model)
    holder = QWidget()
    find = QLineEdit()
    find.textChanged.connect(finder.set_needle)
    view = ActorListView(find)
    view.setModel(finder)
    view.setUniformItemSizes(True)
    view.setItemDelegate(CountDelegate(view))
    layout = QVBoxLayout(holder)
    layout.addWidget(find)
    layout.addWidget(view)
    qtbot.addWidget(holder)
    holder.resize(270, 400)
    holder.show()
    qtbot.waitExposed(holder)
    holder.activateWindow()
    view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view, timeout=2000)
    view.selectionModel().setCurrentIndex(
        finder.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.currentIndex().row() == ACTORS - 1
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert model.checked_names() == {f"Company {ACTORS:04}"}
    assert folds == []  # painting and moving through the list folded nothing

    find.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is find, timeout=2000)
    qtbot.keyClicks(find, "alias 12")
    assert finder.rowCount() == 100  # Alias 1200 to Alias 1299
    names = [text for text in folds if text.startswith("Company")]  # not the typed needle
    assert len(names) == len(set(names)) == ACTORS  # each once, however many letters typed
