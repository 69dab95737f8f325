"""The source dialog: a draft's metadata confirmed, a pasted text, a stored source's metadata
edited (its text fixed), driven from the keyboard."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import Qt

from desktopapp.db.commands import AddSource, EditSource
from desktopapp.db.repository import EventRepository
from desktopapp.ingest.sources import SourceDraft
from desktopapp.ui.source_dialog import PREVIEW_CHARACTERS, SourceDialog
from tests.dialog_helpers import focused, keys_into, show, type_into

TEXT = "Le 1er mars 2022, Apple a suspendu ses ventes en Russie. " * 100

DRAFT = SourceDraft(
    text=TEXT,
    title="Apple suspend ses ventes",
    outlet="Le Monde",
    author="A. Reporter",
    url="https://www.lemonde.fr/article.html",
    published_edtf="2022-03-01",
    language="fr",
    origin="/home/me/article.html",
)


def test_a_draft_is_shown_for_confirmation_and_stored_as_it_was_read(
    qtbot, repository: EventRepository
) -> None:
    dialog = show(qtbot, SourceDialog(repository, draft=DRAFT))
    assert isinstance(dialog, SourceDialog)
    assert dialog.title_edit.text() == DRAFT.title
    assert dialog.text_view.isReadOnly()
    assert dialog.text_view.toPlainText().startswith(TEXT[:100])
    assert len(dialog.text_view.toPlainText()) <= PREVIEW_CHARACTERS + 2
    digest = hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
    assert dialog.facts.text() == f"{len(TEXT):,} characters  ·  SHA-256 {digest}"
    assert "1 March 2022" in dialog.published.line.text()
    assert focused() is dialog.title_edit
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert dialog.command() == AddSource(
        text=TEXT,
        title=DRAFT.title,
        outlet="Le Monde",
        url="https://www.lemonde.fr/article.html",
        language="fr",
        published_edtf="2022-03-01",
        author="A. Reporter",
    )


def test_a_pasted_source_needs_a_text_and_a_title(qtbot, repository: EventRepository) -> None:
    dialog = show(qtbot, SourceDialog(repository))
    assert isinstance(dialog, SourceDialog)
    assert not dialog.text_view.isReadOnly()
    assert focused() is dialog.text_view
    assert not dialog.footer.ok_button.isEnabled()
    assert "paste the source's text" in dialog.footer.reason.text().lower()
    keys_into(qtbot, focused(), "Netflix refuse de diffuser les chaînes russes.")
    assert "give the source a title" in dialog.footer.reason.text().lower()
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # from the pasted text on to its title
    assert focused() is dialog.title_edit
    keys_into(qtbot, focused(), "Netflix refuse")
    type_into(qtbot, dialog.published, "1er mars 2022")
    assert "EDTF 2022-03-01" in dialog.published.line.text()
    type_into(qtbot, dialog.url, "javascript:alert(document.cookie)")
    assert not dialog.footer.ok_button.isEnabled()
    assert "not a web address I can link to" in dialog.footer.reason.text()
    type_into(qtbot, dialog.url, "https://example.org/netflix")
    assert dialog.footer.ok_button.isEnabled(), dialog.footer.reason.text()
    assert dialog.command() == AddSource(
        text="Netflix refuse de diffuser les chaînes russes.",
        title="Netflix refuse",
        url="https://example.org/netflix",
        published_edtf="2022-03-01",
    )


def test_a_stored_source_edits_its_metadata_only(qtbot, repository: EventRepository) -> None:
    source = repository.sources[0]
    dialog = show(qtbot, SourceDialog(repository, source=source))
    assert isinstance(dialog, SourceDialog)
    assert dialog.text_view.isReadOnly()
    assert dialog.text() == repository.source_text(source.key)
    assert dialog.footer.reason.text() == "⚠ Nothing changed yet"
    type_into(qtbot, dialog.outlet, "Le Monde Informatique")
    type_into(qtbot, dialog.note_edit, "the outlet's full name")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert dialog.command() == EditSource(source.key, outlet="Le Monde Informatique")
    assert dialog.note() == "the outlet's full name"


def test_a_stored_source_names_its_author_and_the_author_can_be_corrected(
    qtbot, repository: EventRepository
) -> None:
    source = repository.sources[0]
    dialog = show(qtbot, SourceDialog(repository, source=source))
    assert dialog.author.text() == source.author
    type_into(qtbot, dialog.author, "Jane Doe")
    assert dialog.command() == EditSource(source.key, author="Jane Doe")


def test_an_unreadable_publication_date_blocks_ok(qtbot, repository: EventRepository) -> None:
    dialog = show(qtbot, SourceDialog(repository, draft=DRAFT))
    assert isinstance(dialog, SourceDialog)
    type_into(qtbot, dialog.published, "le mois dernier")
    assert dialog.published.line.text().startswith("⚠ not a date I can read")
    assert not dialog.footer.ok_button.isEnabled()
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert dialog.result() != dialog.DialogCode.Accepted


def test_metadata_from_a_file_is_shown_as_plain_text(qtbot, repository: EventRepository) -> None:
    draft = SourceDraft(
        text="<b>not bold</b>",
        title="<i>x</i>",
        outlet="",
        author="",
        url="",
        published_edtf="",
        language="",
        origin="<a href='x'>file</a>",
    )
    dialog = show(qtbot, SourceDialog(repository, draft=draft))
    assert isinstance(dialog, SourceDialog)
    assert dialog.text_view.toPlainText() == "<b>not bold</b>"
    assert dialog.facts.textFormat() == Qt.TextFormat.PlainText
    assert dialog.origin_line is not None
    assert dialog.origin_line.textFormat() == Qt.TextFormat.PlainText
