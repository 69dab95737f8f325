"""The window's language: chosen at launch (View › Language's choice, else the locale), Qt's
and our translators installed, and a live switch that keeps what the person was doing."""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from desktopapp.app import WindowHost, _speak_chosen_language
from desktopapp.db.commands import AddActor
from desktopapp.db.store import TimelineStore
from desktopapp.document import TimelineDocument
from desktopapp.domain import l10n
from desktopapp.domain.filter import EventFilter, shown_of_total
from desktopapp.i18n import catalogues
from desktopapp.ui.actions import ActionId
from desktopapp.ui.settings import LANGUAGE, Settings
from desktopapp.ui.translations import Translators, chosen_language, compiled_catalogue


def settings_in(folder: Path) -> Settings:
    return Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))


def menu_titles(host: WindowHost) -> list[str]:
    return [action.text() for action in host.window.menuBar().actions()]


@pytest.mark.parametrize(
    ("saved", "environ", "expected"),
    [
        ("", {"LANG": "fr_FR.UTF-8"}, "fr"),
        ("", {"LANG": "C"}, "en"),
        ("en", {"LANG": "fr_FR.UTF-8"}, "en"),  # the person's choice wins over the locale
        ("fr", {"LANG": "C"}, "fr"),
        ("xx", {"LANG": "de_DE.UTF-8"}, "en"),  # nothing usable: English
    ],
)
def test_the_saved_choice_wins_then_the_locale_then_english(tmp_path, saved, environ, expected):
    settings = settings_in(tmp_path)
    settings.set_value(LANGUAGE, saved)
    assert chosen_language(settings, environ) == expected


@pytest.fixture
def packaged(tmp_path, monkeypatch) -> Path:
    """Where a build would put the compiled catalogue (not the source tree's, which
    ``python -m desktopapp.i18n compile`` may have filled)."""
    folder = tmp_path / "package"
    folder.mkdir()
    monkeypatch.setattr(catalogues, "qm_path", lambda code: folder / f"desktopapp_{code}.qm")
    return folder / "desktopapp_fr.qm"


def test_without_a_build_the_catalogue_is_compiled_once_into_the_cache(tmp_path, packaged):
    cache = tmp_path / "cache"
    first = compiled_catalogue("fr", cache)
    assert first is not None and first.parent == cache and first.stat().st_size > 0
    made = first.stat().st_mtime_ns
    assert compiled_catalogue("fr", cache) == first
    assert first.stat().st_mtime_ns == made  # not compiled again


def test_a_built_catalogue_is_used_only_if_compiled_from_this_ts(tmp_path, packaged):
    cache = tmp_path / "cache"
    packaged.write_bytes(b"compiled")
    digest = hashlib.sha256(catalogues.ts_path("fr").read_bytes()).hexdigest()
    recorded = packaged.with_name(packaged.name + ".sha256")
    recorded.write_text(digest + "\n", encoding="ascii")
    assert compiled_catalogue("fr", cache) == packaged
    recorded.write_text("0" * 64 + "\n", encoding="ascii")  # built from another .ts
    assert compiled_catalogue("fr", cache) not in (packaged, None)
    recorded.unlink()  # compiled by hand in a source tree: the newer file wins
    os.utime(packaged, (0, 0))
    assert compiled_catalogue("fr", cache) != packaged
    os.utime(packaged, None)
    assert compiled_catalogue("fr", cache) == packaged


def test_a_broken_catalogue_leaves_english_with_one_warning(qapp, tmp_path, monkeypatch, caplog):
    broken = tmp_path / "desktopapp_fr-broken.qm"
    broken.write_bytes(b"not a catalogue")
    monkeypatch.setattr("desktopapp.ui.translations.compiled_catalogue", lambda *_: broken)
    speaking = Translators(qapp, tmp_path)
    try:
        with caplog.at_level(logging.WARNING, logger="desktopapp.ui.translations"):
            assert speaking.speak("fr") == "fr"
        warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
        assert len(warnings) == 1 and str(broken) in warnings[0].getMessage()
        # Qt's own catalogue still loaded; ours did not, so our words stay English.
        assert QCoreApplication.translate("MainWindow", "&File") == "&File"
        assert QCoreApplication.translate("QFileDialog", "&Open") != "&Open"
    finally:
        speaking.remove()
        l10n.use_language("en")


@pytest.fixture
def editable(article_db: Path, tmp_path: Path) -> TimelineDocument:
    copy = tmp_path / "article.timeline"
    shutil.copyfile(article_db, copy)
    return TimelineDocument.editing(TimelineStore.open(copy, author="me"), location=copy)


@pytest.fixture
def host(qtbot, editable, translators, tmp_path):  # type: ignore[no-untyped-def]
    shown = WindowHost(editable, settings_in(tmp_path), translators)  # type: ignore[arg-type]
    shown.window.show()
    qtbot.waitExposed(shown.window)
    shown.window.activateWindow()
    yield shown
    shown.window.stop_queries()
    shown.window.close()
    editable.close()


@pytest.mark.parametrize(("lang", "file_menu"), [("fr_FR.UTF-8", "&Fichier"), ("C", "&File")])
def test_the_locale_at_launch_gives_the_windows_language(
    qtbot, qapp, editable, tmp_path, monkeypatch, translators, lang, file_menu
):
    monkeypatch.setenv("LANG", lang)
    speaking = _speak_chosen_language(qapp, headless=True)  # as run_app does
    try:
        host = WindowHost(editable, settings_in(tmp_path), speaking)
        qtbot.addWidget(host.window)
        assert menu_titles(host)[0] == file_menu
        assert host.window.language_actions.checkedAction().objectName() == (
            "language_fr" if lang.startswith("fr") else "language_en"
        )
        host.window.stop_queries()
    finally:
        speaking.remove()


def active_menu(qtbot) -> QMenu:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=3000)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    return menu


def choose_language(qtbot, host: WindowHost, view_key: Qt.Key, language_key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    """View › Language › (the language) by the menus' mnemonics, from the focused widget."""
    window = host.window
    window.timeline.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.timeline, timeout=3000)
    focused = QApplication.focusWidget()
    assert isinstance(focused, QWidget)
    qtbot.keyClick(focused, view_key, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(active_menu(qtbot), Qt.Key.Key_L)  # &Language / &Langue
    language_menu = active_menu(qtbot)
    assert language_menu.objectName() == "languageMenu"
    qtbot.keyClick(language_menu, language_key)
    qtbot.waitUntil(lambda: host.window is not window and host.window.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: not host.window.is_busy(), timeout=5000)


def test_view_language_switches_live_and_keeps_filter_selection_and_undo(qtbot, host, tmp_path):
    document = host.window.document
    with qtbot.waitSignal(host.window.filterApplied, timeout=5000):
        host.window.set_filter(EventFilter(text="Apple"))
    first = host.window.table_model.event_id(0)
    host.window.select_event(first)
    document.execute(AddActor(name="Test actor", kind="person"))
    old = host.window
    old.resize(1111, 777)
    assert menu_titles(host)[0] == "&File"

    choose_language(qtbot, host, Qt.Key.Key_V, Qt.Key.Key_F)  # View › Language › Français

    window = host.window
    assert l10n.language() == "fr"
    assert menu_titles(host) == ["&Fichier", "É&dition", "&Affichage", "Aid&e"]
    assert window.registry[ActionId.UNDO].isEnabled()  # the undo stack is the document's
    assert window.event_filter() == EventFilter(text="Apple")
    assert window.filter_panel.event_filter() == EventFilter(text="Apple")
    qtbot.waitUntil(lambda: window.table.selected_event_id() == first, timeout=5000)
    assert document.selection == first
    assert window.size().width() == 1111 and window.size().height() == 777
    assert window.language_actions.checkedAction().objectName() == "language_fr"
    assert "événement" in window.status_count.text()
    assert settings_in(tmp_path).value(LANGUAGE) == "fr"  # remembered for the next launch
    assert not shiboken6.isValid(old)  # closed and deleted: nothing of it lingers

    window.registry[ActionId.UNDO].trigger()  # undo still works, in the new window
    assert "Test actor" not in {actor.name for actor in document.repository.actors}

    choose_language(qtbot, host, Qt.Key.Key_A, Qt.Key.Key_E)  # Affichage › Langue › English
    assert l10n.language() == "en"
    assert menu_titles(host) == ["&File", "&Edit", "&View", "&Help"]
    assert host.window.event_filter() == EventFilter(text="Apple")
    assert settings_in(tmp_path).value(LANGUAGE) == "en"


NNBSP = "\u202f"  # French groups digits with a narrow no-break space


@pytest.mark.parametrize(
    ("shown", "total", "english", "french"),
    [
        (0, 18, "0 of 18 events", "0 événement sur 18"),
        (1, 18, "1 of 18 events", "1 événement sur 18"),
        (18, 18, "18 of 18 events", "18 événements sur 18"),
        (
            1234,
            10**6,
            "1,234 of 1,000,000 events",
            f"1{NNBSP}234 événements sur 1{NNBSP}000{NNBSP}000",
        ),
        (
            10**6,
            2 * 10**6,
            "1,000,000 of 2,000,000 events",
            f"1{NNBSP}000{NNBSP}000 d’événements sur 2{NNBSP}000{NNBSP}000",
        ),
    ],
)
def test_the_status_bar_count_has_real_plurals(shown, total, english, french):
    """French agrees with the events shown (0 and 1 singular, a round million 'de'), and
    groups digits with a narrow no-break space."""
    assert shown_of_total(shown, total) == english
    with l10n.speaking("fr"):
        assert shown_of_total(shown, total) == french


def test_a_french_windows_status_bar_counts_in_french(qtbot, host, translators):
    host.switch_language("fr")
    window = host.window
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=5000)
    assert window.status_count.text() == "18 événements sur 18"
    with qtbot.waitSignal(window.filterApplied, timeout=5000):
        window.set_filter(EventFilter(actors=frozenset({"AB Volvo"})))
    assert window.status_count.text() == "1 événement sur 18"
    assert window.windowTitle() == "article.timeline — Chronologie de l’actualité"
