"""The dialogs in French: every label, button, hint and message of the editors, confirmations,
import, export, server, preferences and upgrade dialogs, opened the way a person opens them
where practical (the window's keys), with no English of ours left and no text cut short.

English stays the source language: the English tests of each dialog are unchanged.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from desktopapp.db.commands import HistoryEntry, QuoteInput
from desktopapp.db.engine import open_database
from desktopapp.db.repository import EventRepository
from desktopapp.db.versions import EditConflict
from desktopapp.document import TimelineDocument
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.model import ActorKind
from desktopapp.ui import delete_confirmation as deletion
from desktopapp.ui.catalogue_dialogs import EditActorDialog, EditTypeDialog
from desktopapp.ui.conflict_dialog import EditConflictDialog, describe_mine
from desktopapp.ui.edit_fields import DateEntry
from desktopapp.ui.editing import as_sentence
from desktopapp.ui.event_editor import EventEditorDialog, NewTypeDialog
from desktopapp.ui.export_actions import ExportActions, PageSetupDialog
from desktopapp.ui.import_dialog import ImportDialog, ImportProgress
from desktopapp.ui.main_window import MainWindow
from desktopapp.ui.participants_editor import NewActorDialog
from desktopapp.ui.preferences_dialog import PreferencesDialog
from desktopapp.ui.server_dialog import ServerAddress, ServerDialog, explain_failure
from desktopapp.ui.settings import Settings
from desktopapp.ui.source_dialog import SourceDialog, text_facts
from desktopapp.ui.upgrade_offer import upgrade_if_asked
from tests.dialog_french import cut_short, english_left, french_qt, shown_texts
from tests.dialog_helpers import ModalAnswer, focused, keys_into, show, tab_to, type_into

pytestmark = pytest.mark.qt_log_ignore(
    "does not support raise",
    "does not support grabbing the keyboard",  # offscreen, modal
)

NNBSP = "\u202f"  # French puts a narrow no-break space before : ; ? ! and inside « »


@pytest.fixture
def french(qapp, tmp_path: Path) -> Iterator[None]:  # type: ignore[no-untyped-def]
    with french_qt(tmp_path / "qm"):
        yield


def timeline_words(repository: EventRepository) -> set[str]:
    """The timeline's own words: data, shown as they are in any language."""
    return {
        *(t.label for t in repository.event_types),
        *(a.name for a in repository.actors),
        *(s.title for s in repository.sources),
    }


def looked_at(dialog: QWidget, data: Iterable[str] = ()) -> list[str]:
    """Its texts, once checked for English of ours and for a text cut short."""
    assert english_left(dialog, data) == []
    assert cut_short(dialog) == []
    return shown_texts(dialog)


# -- the event editor, from the window --------------------------------------------------------


@pytest.fixture
def window(qtbot, article_db: Path, tmp_path: Path, french) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    own = tmp_path / "article.timeline"
    shutil.copyfile(article_db, own)
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    engine = open_database(own)
    window = MainWindow(TimelineDocument(EventRepository(engine), location=own), settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=5000)
    window.table.setFocus()
    qtbot.waitUntil(lambda: focused() is window.table, timeout=2000)
    qtbot.keyClick(window.table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert window.document.selection is not None
    yield window
    engine.dispose()


def ready(qtbot, dialog: QDialog) -> None:  # type: ignore[no-untyped-def]
    dialog.activateWindow()
    qtbot.waitUntil(
        lambda: dialog.isActiveWindow() and dialog.isAncestorOf(QApplication.focusWidget()),
        timeout=3000,
    )


def test_the_event_editor_speaks_french_from_f2(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    seen: dict[str, list[str]] = {}

    def look(dialog: QDialog) -> None:
        assert isinstance(dialog, EventEditorDialog)
        ready(qtbot, dialog)
        assert dialog.windowTitle().startswith(f"Modifier l’événement{NNBSP}: ")
        seen["editor"] = looked_at(dialog, timeline_words(window.document.repository))
        # The date typed in French, read and said in French.
        type_into(qtbot, dialog.date, "1er mars 2022")
        assert dialog.date.line.text().endswith("  ·  EDTF 2022-03-01")
        type_into(qtbot, dialog.date, "du 21 au 27 février 2022")
        line = dialog.date.line.text()
        assert line.endswith(" — un intervalle  ·  EDTF 2022-02-21/2022-02-27")
        type_into(qtbot, dialog.date, "le jour d'après")
        assert "n’est pas une date lisible" in dialog.footer.reason.text()
        # A problem stops OK, said in French with a capital.
        type_into(qtbot, dialog.title_edit, "")
        assert dialog.footer.reason.text() == "⚠ Donnez un titre à l’événement"
        assert not dialog.footer.ok_button.isEnabled()
        qtbot.keyClick(focused(), Qt.Key.Key_Escape)

    answer = ModalAnswer(EventEditorDialog, look)
    qtbot.keyClick(window.table, Qt.Key.Key_F2)
    answer.check()
    texts = seen["editor"]
    for label in ("Titre :", "Résumé :", "Type :", "Acteurs :", "Date :", "Pourquoi :"):
        assert label.replace(" :", NNBSP + ":") in texts
    assert "D’où vient la date" in texts
    assert "Enregistrer l’événement" in texts
    assert "Annuler" in texts  # Qt's own French for the standard button
    placeholder = next(t for t in texts if t.startswith("1er mars 2022"))
    assert "du 21 au 27 février 2022" in placeholder and "March" not in placeholder


def test_a_new_event_from_a_selection_names_its_passage_in_french(  # type: ignore[no-untyped-def]
    qtbot, repository: EventRepository, french
) -> None:
    source = repository.sources[0]
    text = repository.source_text(source.key)
    selection = QuoteInput(source.key, 0, 40, text[:40])
    dialog = show(qtbot, EventEditorDialog(repository, selection=selection))
    texts = looked_at(dialog, timeline_words(repository))
    assert dialog.windowTitle() == "Nouvel événement"
    where = next(t for t in texts if t.startswith("de «"))
    assert where.endswith(", caractères 0 à 40")
    assert f"{NNBSP}»" in where
    assert "Ajouter l’événement" in texts


def test_a_new_type_and_a_new_actor_are_asked_in_french(  # type: ignore[no-untyped-def]
    qtbot, repository: EventRepository, french
) -> None:
    editor = show(qtbot, EventEditorDialog(repository))
    looked_at(editor, timeline_words(repository))

    def new_type(dialog: QDialog) -> None:
        assert isinstance(dialog, NewTypeDialog)
        ready(qtbot, dialog)
        texts = looked_at(dialog, timeline_words(repository))
        assert dialog.windowTitle() == "Nouveau type d’événement"
        assert f"Libellé{NNBSP}:" in texts and "Ajouter le type" in texts
        type_into(qtbot, dialog.label, "Mesure d'été")
        assert dialog.slug_line.text() == f"Son identifiant{NNBSP}: mesure-d-ete"
        qtbot.keyClick(focused(), Qt.Key.Key_Escape)

    answer = ModalAnswer(NewTypeDialog, new_type)
    tab_to(qtbot, editor.new_type_button)
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    answer.check()

    def new_actor(dialog: QDialog) -> None:
        assert isinstance(dialog, NewActorDialog)
        ready(qtbot, dialog)
        texts = looked_at(dialog)
        assert dialog.windowTitle() == "Nouvel acteur"
        kinds = [dialog.kind.itemText(i) for i in range(dialog.kind.count())]
        assert "entreprise" in kinds and "organisation internationale" in kinds
        assert dialog.kind.itemData(kinds.index("entreprise")) == ActorKind.COMPANY.value
        assert "Ajouter l’acteur" in texts
        type_into(qtbot, dialog.name, repository.actors[0].name)  # taken: pick that one
        assert dialog.footer.reason.text().endswith(f"{NNBSP}: choisissez plutôt cet acteur")
        type_into(qtbot, dialog.name, "Banque de France")
        dialog.accept()

    answer = ModalAnswer(NewActorDialog, new_actor)
    ready(qtbot, editor)  # offscreen, a closed dialog does not give activation back
    type_into(qtbot, editor.participants.actor_field, "Banque de France")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    answer.check()
    item = editor.participants.list.item(0).text()
    assert item == "Banque de France — à l’initiative (nouvel acteur)"


def test_editing_an_actor_and_a_type_in_french(  # type: ignore[no-untyped-def]
    qtbot, repository: EventRepository, french
) -> None:
    actor = repository.actors[0]
    dialog = show(qtbot, EditActorDialog(repository, actor))
    texts = looked_at(dialog)
    assert dialog.windowTitle() == "Modifier l’acteur"
    assert dialog.footer.reason.text() == "⚠ Rien n’a encore changé"
    assert "Enregistrer l’acteur" in texts
    # The words of NewActorDialog, which it is, are found from the subclass too.
    assert f"Nom{NNBSP}:" in texts and f"Autres noms{NNBSP}:" in texts
    type_into(qtbot, dialog.name, repository.actors[1].name)  # another actor's name
    assert not dialog.footer.ok_button.isEnabled()
    event_type = repository.event_types[0]
    type_dialog = show(qtbot, EditTypeDialog(event_type))
    texts = looked_at(type_dialog)
    assert type_dialog.windowTitle() == "Modifier le type"
    assert f"Libellé{NNBSP}:" in texts and "Enregistrer le type" in texts


# -- sources ------------------------------------------------------------------------------------


def test_pasting_a_source_in_french(qtbot, repository: EventRepository, french) -> None:  # type: ignore[no-untyped-def]
    dialog = show(qtbot, SourceDialog(repository))
    texts = looked_at(dialog)
    assert dialog.windowTitle() == "Coller une source"
    assert dialog.footer.reason.text() == "⚠ Collez le texte de la source"
    for label in ("Titre :", "Média :", "Auteur :", "Adresse web :", "Langue :", "Texte :"):
        assert label.replace(" :", NNBSP + ":") in texts
    keys_into(qtbot, focused(), "x" * 1234)
    digits = f"1{NNBSP}234 caractères"
    assert dialog.facts.text().startswith(digits + "  ·  SHA-256 ")
    assert dialog.footer.reason.text() == "⚠ Donnez un titre à la source"


def test_text_facts_count_in_french() -> None:
    from desktopapp.domain import l10n

    with l10n.speaking("fr"):
        assert text_facts("a").startswith("1 caractère  ·  ")
        assert text_facts("ab").startswith("2 caractères  ·  ")
    assert text_facts("a").startswith("1 character  ·  ")


# -- deleting -----------------------------------------------------------------------------------


class Boxes:
    """Message boxes answered Cancel, with what they said."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.seen: list[tuple[str, str, str, list[str]]] = []
        seen = self.seen

        def answer(box: QMessageBox) -> int:
            assert box.textFormat() == Qt.TextFormat.PlainText
            buttons = [button.text() for button in box.buttons()]
            seen.append((box.windowTitle(), box.text(), box.informativeText(), buttons))
            assert english_left(box) == []
            return QMessageBox.StandardButton.Cancel.value

        monkeypatch.setattr(QMessageBox, "exec", answer)


def test_deleting_an_event_is_asked_in_french(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    boxes = Boxes(monkeypatch)
    event = window.document.repository.event(window.document.selection)
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    ((title, text, details, buttons),) = boxes.seen
    assert title == "Supprimer"
    count = len(event.quotes)
    assert text.startswith(f"Supprimer l’événement «{NNBSP}")
    assert text.endswith(f"avec ses {count} citations{NNBSP}?" if count > 1 else f"{NNBSP}?")
    assert details == "Ses sources sont conservées. Vous pourrez l’annuler par Édition › Annuler."
    assert "Supprimer l’événement" in buttons and "Annuler" in buttons
    assert window.document.repository.event(window.document.selection).key == event.key


def test_what_a_deletion_takes_is_said_in_french(repository: EventRepository, french) -> None:  # type: ignore[no-untyped-def]
    source = repository.sources[0]
    question = deletion.source_deletion(repository, source.key)
    assert question.text.startswith(f"La suppression de la source «{NNBSP}")
    assert " citations de " in question.text and " événements" + NNBSP + ": " in question.text
    assert question.button == "Supprimer la source et ses citations"
    blocked = deletion.source_deletion(repository, source.key, citing=["a", "b"])
    assert blocked.text.endswith("elle est la référence des dates de 2 événements.")
    assert blocked.details.endswith(f"extérieur){NNBSP}: a, b.")
    many = [f"e{n}" for n in range(8)]
    assert deletion.listed(many).endswith("e4 et 3 autres")
    assert deletion.listed(many[:6]).endswith("e4 et 1 autre")
    actor = repository.actors[0]
    used = deletion.actor_deletion(repository, actor)
    assert used.blocked == "encore utilisé"
    assert f"Impossible de supprimer l’acteur «{NNBSP}{actor.name}{NNBSP}»{NNBSP}: " in used.text
    assert used.details == "Modifiez d’abord ces événements."


def test_the_deletion_words_stay_english_in_english(repository: EventRepository) -> None:
    many = [f"e{n}" for n in range(8)]
    assert deletion.listed(many) == "e0, e1, e2, e3, e4 and 3 more"
    assert deletion.events_count(1) == "1 event" and deletion.quotes_count(2) == "2 quotes"


# -- two editors --------------------------------------------------------------------------------


def test_a_conflict_is_explained_in_french(qtbot, french) -> None:  # type: ignore[no-untyped-def]
    theirs = [
        HistoryEntry(
            "2026-03-01T10:00:00Z", "Bob", "Edit event", "title", "Old", "New", "", change=7
        )
    ]
    conflict = EditConflict("ev-1", based_on=6, current=7, theirs=theirs)

    class Mine:
        title = "Mon titre"
        summary = None

    dialog = show(qtbot, EditConflictDialog(conflict, "Un événement", Mine(), None))
    texts = looked_at(dialog)
    assert dialog.windowTitle() == "Modifié par quelqu’un d’autre"
    assert dialog.headline.text().startswith(f"Bob a modifié «{NNBSP}Un événement{NNBSP}»")
    assert f"    titre{NNBSP}: «{NNBSP}Old{NNBSP}» → «{NNBSP}New{NNBSP}»" in dialog.theirs.text()
    assert "Prendre la sienne" in texts and "Garder la mienne" in texts
    assert describe_mine(Mine()) == f"titre → «{NNBSP}Mon titre{NNBSP}»"


# -- files, servers, preferences ------------------------------------------------------------------


def test_the_import_dialog_and_its_progress_in_french(qtbot, tmp_path: Path, french) -> None:  # type: ignore[no-untyped-def]
    dialog = show(qtbot, ImportDialog(None, str(tmp_path)))
    texts = looked_at(dialog)
    assert dialog.windowTitle() == "Importer une chronologie"
    assert dialog.footer.reason.text() == "⚠ Choisissez le fichier à importer"
    assert f"Les groupes deviennent{NNBSP}:" in texts
    formats = [dialog.format_box.itemText(i) for i in range(dialog.format_box.count())]
    assert "TimelineJS spreadsheet (CSV)" not in formats  # the import layer's French
    type_into(qtbot, dialog.path_edit, str(tmp_path / "absent.json"))
    assert dialog.footer.reason.text() == "⚠ Ce fichier n’existe pas"
    parent = QWidget()
    qtbot.addWidget(parent)
    progress = ImportProgress(parent, "x.json")
    assert progress.label.text() == f"Lecture de «{NNBSP}x.json{NNBSP}»…"
    progress.show_written(4000, 10000)
    assert progress.label.text() == (
        f"Importation de «{NNBSP}x.json{NNBSP}»{NNBSP}: 4{NNBSP}000 événements écrits sur "
        f"10{NNBSP}000"
    )
    progress.show_written(1, 10000)
    assert f": 1 événement écrit sur 10{NNBSP}000" in progress.label.text()
    progress.finish()


def test_the_import_progress_stays_english_in_english(qtbot) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    progress = ImportProgress(parent, "x.json")
    progress.show_written(1, 3000)
    assert progress.label.text() == "Importing 'x.json': 1 of 3,000 events written"
    progress.finish()


def test_the_server_dialog_in_french(qtbot, french) -> None:  # type: ignore[no-untyped-def]
    class NoKeyring:
        available = False

        def get(self, _address: object) -> None:
            return None

    dialog = show(qtbot, ServerDialog(lambda _url: None, NoKeyring()))  # type: ignore[arg-type]
    texts = looked_at(dialog)
    assert dialog.windowTitle() == "Ouvrir une chronologie sur un serveur"
    assert "Se connecter" in texts and f"Hôte{NNBSP}:" in texts
    assert any(t.startswith("Aucun trousseau système") for t in texts)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # Connect, with no database named
    assert dialog.problem.text() == "Indiquez la base de données qui contient la chronologie."
    address = ServerAddress(host="db.example", port=5433, user="ada")
    said = explain_failure("connection refused", address)
    assert (
        said == f"Aucun serveur ne répond sur db.example, port 5433{NNBSP}: est-il démarré{NNBSP}?"
    )


def test_page_setup_and_preferences_in_french(qtbot, tmp_path: Path, french) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    page = show(qtbot, PageSetupDialog(parent, "A4", "portrait"))
    texts = looked_at(page)
    assert page.windowTitle() == "Exporter en PDF"
    assert page.orientation_box.currentText() == "Portrait"
    assert "Paysage" in texts and "Choisir le fichier…" in texts
    assert page.choice() == ("A4", "portrait")
    exports = ExportActions(parent, lambda: None, EventFilter, lambda: None)  # type: ignore[arg-type, return-value]
    assert exports.default_name("pdf").startswith("chronologie-")
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    preferences = show(qtbot, PreferencesDialog(settings))
    texts = looked_at(preferences)
    assert preferences.windowTitle() == "Préférences"
    assert f"Votre nom (pour l’historique des modifications){NNBSP}:" in texts


def test_the_upgrade_offer_in_french(tmp_path: Path, monkeypatch, french) -> None:  # type: ignore[no-untyped-def]
    boxes = Boxes(monkeypatch)
    assert upgrade_if_asked(None, tmp_path / "old.timeline", "schema 5 is older") is None
    ((title, text, details, buttons),) = boxes.seen
    assert title == f"Mettre à jour la base de données{NNBSP}?"
    assert text.startswith("Cette base de données a été écrite")
    assert details.startswith(f"schema 5 is older.\n\nLa mettre à jour maintenant{NNBSP}? ")
    assert "&Oui" in buttons and "Annuler" in buttons  # Qt's own French


@pytest.mark.parametrize(
    ("reason", "sentence"),
    [
        ("l'événement n'existe plus", "L'événement n'existe plus."),
        ("aujourd’hui, rien", "Aujourd’hui, rien."),
        ("peut-être plus tard", "Peut-être plus tard."),
        ("« x.json » : aucun événement", "« x.json » : aucun événement."),
        ("odd.json: no event to import", "odd.json: no event to import."),
        ("fin de la liste…", "Fin de la liste…"),
        ("est-ce un fichier\u202f?", "Est-ce un fichier\u202f?"),
        ("d'abord 'x'", "D'abord 'x'."),
    ],
)
def test_a_reason_is_shown_as_a_sentence_in_either_language(reason: str, sentence: str) -> None:
    assert as_sentence(reason) == sentence


def test_the_date_field_hints_in_french(qtbot, french) -> None:  # type: ignore[no-untyped-def]
    field = DateEntry()
    qtbot.addWidget(field)
    assert field.edit.placeholderText().startswith("1er mars 2022, ")
    assert field.line.text().startswith(f"Saisissez une date{NNBSP}: 1er mars 2022")
    assert "ou en toutes lettres" in field.edit.toolTip()
    optional = DateEntry(required=False)
    qtbot.addWidget(optional)
    assert optional.line.text() == "Pas de date"


def test_an_ambiguous_alias_is_told_whatever_the_language(  # type: ignore[no-untyped-def]
    qtbot, repository: EventRepository, monkeypatch, french
) -> None:
    """ "Volvo" names AB Volvo and Volvo Cars: said, not offered as a new actor; told from
    the actors, not from the words of the message (which are the reader's language)."""
    opened: list[QDialog] = []
    monkeypatch.setattr(NewActorDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    editor = show(qtbot, EventEditorDialog(repository))
    type_into(qtbot, editor.participants.actor_field, "Volvo")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert opened == []
    status = editor.participants.status
    assert status.isVisible() and "AB Volvo" in status.text() and "Volvo Cars" in status.text()
    assert editor.participants.list.count() == 0
    type_into(qtbot, editor.participants.actor_field, "Banque de France")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert len(opened) == 1  # a name no actor answers to: offered as a new one
