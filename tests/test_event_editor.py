"""The event editor, driven from the keyboard: the live date line, the citation that must be
there before OK is enabled, and the command it produces."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktopapp.db.commands import (
    AddActor,
    AddEvent,
    AddType,
    EditEvent,
    OutsideReference,
    QuoteInput,
    SourceSentence,
)
from desktopapp.db.repository import EventRepository
from desktopapp.ui.event_editor import EventEditorDialog, NewTypeDialog
from desktopapp.ui.participants_editor import NewActorDialog
from tests.dialog_helpers import ModalAnswer, focused, show, tab_to, type_into


def unique_sentence(text: str, near: str, length: int = 70) -> tuple[int, str]:
    """A passage of ``text`` starting at ``near`` that occurs exactly once."""
    start = text.index(near)
    passage = text[start : start + length]
    assert text.count(passage) == 1
    return start, passage


pytestmark = pytest.mark.qt_log_ignore(
    "does not support raise",
    "does not support grabbing the keyboard",  # offscreen, modal
)


def fill_in(qtbot, editor: EventEditorDialog, repository: EventRepository) -> None:  # type: ignore[no-untyped-def]
    """A title, a date and a verified source sentence: what a new event needs."""
    type_into(qtbot, editor.title_edit, "Apple halts all exports to Russia")
    choose_type(qtbot, editor, "corporate-withdrawal/export-halt")
    _, passage = unique_sentence(repository.source_text("article"), "Apple, par exemple")
    quote_from(qtbot, editor, passage)
    type_into(qtbot, editor.date, "2022-03-01")
    type_into(qtbot, editor.citation.sentence, passage)
    assert not editor.problem()


def quote_from(qtbot, editor: EventEditorDialog, passage: str) -> None:  # type: ignore[no-untyped-def]
    """Paste the passage the new event is quoted from."""
    assert editor.quote_passage is not None
    type_into(qtbot, editor.quote_passage.text_box, passage)
    assert editor.quote_passage.quote() is not None, editor.quote_passage.problem()


def choose_type(qtbot, editor: EventEditorDialog, slug: str) -> None:  # type: ignore[no-untyped-def]
    """Tab to the type and press Down until it shows ``slug``."""
    tab_to(qtbot, editor.type_box)
    for _ in range(editor.type_box.count()):
        if editor.type_box.currentData() == slug:
            return
        qtbot.keyClick(focused(), Qt.Key.Key_Down)
    assert editor.type_box.currentData() == slug


def back_to(qtbot, dialog: QDialog) -> None:  # type: ignore[no-untyped-def]
    """After a nested dialog closed: the offscreen platform does not give activation back."""
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.isActiveWindow(), timeout=2000)


@pytest.fixture
def editor(qtbot, repository: EventRepository) -> EventEditorDialog:  # type: ignore[no-untyped-def]
    return show(qtbot, EventEditorDialog(repository))  # type: ignore[return-value]


@pytest.mark.parametrize(
    ("typed", "edtf", "precision"),
    [
        ("1 March 2022", "2022-03-01", "a day"),
        ("1er mars 2022", "2022-03-01", "a day"),
        ("mars 2022", "2022-03", "a month"),
        ("between 21 and 27 February 2022", "2022-02-21/2022-02-27", "an interval"),
        ("du 21 au 27 février 2022", "2022-02-21/2022-02-27", "an interval"),
        ("2022-02-28", "2022-02-28", "a day"),
        ("2022-03-01 09:30", "2022-03-01T09:30", "a minute"),
        ("1 March 2022, 9am", "2022-03-01T09", "an hour"),
        ("1er mars 2022 9h30 UTC", "2022-03-01T09:30Z", "a minute"),
    ],
)
def test_the_date_line_says_how_the_typed_date_was_read(
    qtbot, editor: EventEditorDialog, typed: str, edtf: str, precision: str
) -> None:
    type_into(qtbot, editor.date, typed)
    line = editor.date.line.text()
    assert f"EDTF {edtf}" in line
    assert precision in line
    assert "⚠" not in line
    assert editor.date.edtf() == edtf


def test_an_unreadable_date_is_said_so_and_blocks_ok(qtbot, editor: EventEditorDialog) -> None:
    type_into(qtbot, editor.title_edit, "Apple halts exports")
    choose_type(qtbot, editor, "corporate-withdrawal/export-halt")
    quote_from(qtbot, editor, "SAP")
    type_into(qtbot, editor.date, "le jour d'après")
    assert editor.date.line.text().startswith("⚠ not a date I can read")
    assert not editor.footer.ok_button.isEnabled()
    assert "not a date I can read" in editor.footer.reason.text()
    assert editor.date.line.textFormat() == Qt.TextFormat.PlainText


def test_ok_waits_for_a_title_a_date_and_a_verified_citation(
    qtbot, editor: EventEditorDialog, repository: EventRepository
) -> None:
    ok, reason = editor.footer.ok_button, editor.footer.reason
    assert not ok.isEnabled()
    assert "title" in reason.text()
    type_into(qtbot, editor.title_edit, "Apple halts all exports to Russia")
    assert "Choose a type" in reason.text()
    choose_type(qtbot, editor, "corporate-withdrawal/export-halt")
    assert "Quote the event" in reason.text()
    text = repository.source_text("article")
    start, passage = unique_sentence(text, "Apple, par exemple")
    assert editor.quote_passage is not None
    type_into(qtbot, editor.quote_passage.text_box, "Apple a tout arrêté.")
    assert "not in" in reason.text()
    quote_from(qtbot, editor, passage)
    assert "date" in reason.text()
    type_into(qtbot, editor.date, "between 21 and 27 February 2022")
    assert not ok.isEnabled()
    assert "Cite the date" in reason.text()

    type_into(qtbot, editor.citation.sentence, "Apple n'a jamais écrit cette phrase.")
    assert not ok.isEnabled()
    assert "not in" in reason.text()

    type_into(qtbot, editor.citation.sentence, passage)
    assert ok.isEnabled(), reason.text()
    assert reason.text() == ""
    assert "✓ Found verbatim" in editor.citation.sentence_status.text()

    type_into(qtbot, editor.title_edit, " ", replace=False)
    with qtbot.waitSignal(editor.accepted, timeout=2000):
        qtbot.keyClick(focused(), Qt.Key.Key_Return)  # Enter accepts, from the title field
    assert editor.result_commands().command == AddEvent(
        title="Apple halts all exports to Russia",
        type_slug="corporate-withdrawal/export-halt",
        date_edtf="2022-02-21/2022-02-27",
        citation=SourceSentence(QuoteInput("article", start, start + len(passage), passage)),
        participants=(),
        quotes=(QuoteInput("article", start, start + len(passage), passage),),
    )


def test_a_sentence_found_several_times_needs_its_occurrence(
    qtbot, editor: EventEditorDialog, repository: EventRepository
) -> None:
    text = repository.source_text("article")
    assert text.count("Apple") > 1
    type_into(qtbot, editor.citation.sentence, "Apple")
    assert "choose which occurrence" in editor.citation.problem()
    assert editor.citation.occurrence.isVisible()
    tab_to(qtbot, editor.citation.occurrence)
    qtbot.keyClick(focused(), Qt.Key.Key_Up)
    qtbot.keyClick(focused(), Qt.Key.Key_Up)
    second = text.index("Apple", text.index("Apple") + 1)
    assert editor.citation.citation() == SourceSentence(
        QuoteInput("article", second, second + 5, "Apple")
    )


def test_an_outside_report_with_a_javascript_address_is_refused(
    qtbot, editor: EventEditorDialog
) -> None:
    type_into(qtbot, editor.title_edit, "SAP stops sales in Russia")
    choose_type(qtbot, editor, "corporate-withdrawal/sales-halt")
    quote_from(qtbot, editor, "SAP")
    type_into(qtbot, editor.date, "2 March 2022")
    tab_to(qtbot, editor.citation.from_source)
    qtbot.keyClick(focused(), Qt.Key.Key_Right)  # the radio buttons: arrow to the next
    assert editor.citation.from_outside.isChecked()
    type_into(qtbot, editor.citation.outlet, "SAP")
    type_into(qtbot, editor.citation.report_title, "SAP's update on Russia")
    type_into(qtbot, editor.citation.url, "javascript:alert(1)")
    sentence = "Am 2. März haben wir alle Verkäufe in Russland eingestellt"
    type_into(qtbot, editor.citation.report_sentence, sentence)
    assert not editor.footer.ok_button.isEnabled()
    assert "not a web address I can link to" in editor.footer.reason.text()
    assert editor.citation.citation() is None

    type_into(qtbot, editor.citation.url, "https://news.sap.com/2022/03/ukraine/")
    assert editor.footer.ok_button.isEnabled(), editor.footer.reason.text()
    command = editor.result_commands().command
    assert isinstance(command, AddEvent)
    assert command.citation == OutsideReference(
        outlet="SAP",
        title="SAP's update on Russia",
        url="https://news.sap.com/2022/03/ukraine/",
        sentence=sentence,
    )


def test_a_new_event_from_a_selection_quotes_it_and_can_cite_it(
    qtbot, repository: EventRepository
) -> None:
    text = repository.source_text("article")
    start, passage = unique_sentence(text, "Apple, par exemple")
    selection = QuoteInput("article", start, start + len(passage), passage)
    editor = show(qtbot, EventEditorDialog(repository, selection=selection))
    assert isinstance(editor, EventEditorDialog)
    type_into(qtbot, editor.title_edit, "Apple halts exports")
    choose_type(qtbot, editor, "corporate-withdrawal/export-halt")
    type_into(qtbot, editor.date, "février 2022")
    assert not editor.footer.ok_button.isEnabled()
    tab_to(qtbot, editor.citation.use_passage)
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert editor.footer.ok_button.isEnabled(), editor.footer.reason.text()
    command = editor.result_commands().command
    assert isinstance(command, AddEvent)
    assert command.quotes == (selection,)
    assert command.citation == SourceSentence(selection)


def test_actors_are_picked_with_their_roles_or_created(
    qtbot, editor: EventEditorDialog, repository: EventRepository
) -> None:
    apple = repository.resolve_actor("Apple")
    type_into(qtbot, editor.participants.actor_field, "apple")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # adds the actor; does not accept the dialog
    assert editor.isVisible()
    type_into(qtbot, editor.participants.actor_field, "Russia")
    tab_to(qtbot, editor.participants.role_box)
    qtbot.keyClick(focused(), Qt.Key.Key_Down)  # acting -> affected
    tab_to(qtbot, editor.participants.add_button)
    qtbot.keyClick(focused(), Qt.Key.Key_Space)

    def fill_new_actor(dialog: QDialog) -> None:
        assert isinstance(dialog, NewActorDialog)
        assert dialog.name.text() == "Acme Widgets"
        type_into(qtbot, dialog.aliases, "Acme, Acme Corp")
        qtbot.keyClick(focused(), Qt.Key.Key_Return)

    type_into(qtbot, editor.participants.actor_field, "Acme Widgets")
    answer = ModalAnswer(NewActorDialog, fill_new_actor)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    answer.check()
    back_to(qtbot, editor)
    assert focused() is editor.participants.actor_field  # to add the next one
    russia = repository.resolve_actor("Russia")
    assert editor.participants.participants() == (
        (apple.key, "acting"),
        (russia.key, "affected"),
        ("new-actor:Acme Widgets", "affected"),  # the role chosen last stays chosen
    )

    tab_to(qtbot, editor.participants.list)
    qtbot.keyClick(focused(), Qt.Key.Key_Up)  # Russia
    qtbot.keyClick(focused(), Qt.Key.Key_Delete)
    type_into(qtbot, editor.participants.actor_field, "Russian Federation")  # an alias
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert editor.participants.participants()[-1] == (russia.key, "affected")
    assert len(editor.participants.participants()) == 3
    fill_in(qtbot, editor, repository)
    result = editor.result_commands()
    assert result.new_actors == (AddActor("Acme Widgets", "company", ("Acme", "Acme Corp")),)

    executed: list[object] = []

    def execute(command: object, note: str = "") -> SimpleNamespace:
        executed.append(command)
        return SimpleNamespace(
            created_key="acme-widgets" if isinstance(command, AddActor) else None
        )

    result.execute_with(execute)
    assert executed[0] == result.new_actors[0]
    final = executed[1]
    assert isinstance(final, AddEvent)
    assert final.participants[1] == ("acme-widgets", "affected")


def test_a_new_actor_that_already_exists_is_refused(qtbot, repository: EventRepository) -> None:
    dialog = show(qtbot, NewActorDialog(repository, "Apple"))
    assert isinstance(dialog, NewActorDialog)
    assert not dialog.footer.ok_button.isEnabled()
    assert "already names Apple" in dialog.footer.reason.text()
    type_into(qtbot, dialog.name, "Apple Retail")
    assert dialog.footer.ok_button.isEnabled()


def test_a_new_actor_may_share_an_alias_but_not_take_a_shared_one_as_its_name(
    qtbot, repository: EventRepository
) -> None:
    dialog = show(qtbot, NewActorDialog(repository, "Volvo Buses"))
    assert isinstance(dialog, NewActorDialog)
    type_into(qtbot, dialog.aliases, "Volvo")  # as Volvo Cars and AB Volvo already do
    assert dialog.footer.ok_button.isEnabled(), dialog.footer.reason.text()
    type_into(qtbot, dialog.name, "Volvo")
    assert not dialog.footer.ok_button.isEnabled()
    assert dialog.footer.reason.text().endswith(
        "“Volvo” already names AB Volvo and Volvo Cars: pick that actor instead"
    )
    type_into(qtbot, dialog.name, "Volvo Buses")
    type_into(qtbot, dialog.aliases, "Volvo, Volvo Cars")
    assert dialog.footer.reason.text().endswith("“Volvo Cars” already names Volvo Cars")


def test_a_new_type_is_added_under_a_top_level_type(
    qtbot, editor: EventEditorDialog, repository: EventRepository
) -> None:
    def fill_new_type(dialog: QDialog) -> None:
        assert isinstance(dialog, NewTypeDialog)
        tab_to(qtbot, dialog.parent_box)
        for _ in range(dialog.parent_box.findText("Aid")):
            qtbot.keyClick(focused(), Qt.Key.Key_Down)
        type_into(qtbot, dialog.label, "Safety measure")
        assert dialog.slug_line.text() == "Its slug: aid/safety-measure"
        qtbot.keyClick(focused(), Qt.Key.Key_Return)

    tab_to(qtbot, editor.new_type_button)
    answer = ModalAnswer(NewTypeDialog, fill_new_type)
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    answer.check()
    back_to(qtbot, editor)
    assert editor.type_box.currentData() == "aid/safety-measure"
    type_into(qtbot, editor.title_edit, "Google disables live traffic for safety")
    _, passage = unique_sentence(repository.source_text("article"), "Apple, par exemple")
    quote_from(qtbot, editor, passage)
    type_into(qtbot, editor.date, "2022-02-27")
    type_into(qtbot, editor.citation.sentence, passage)
    assert editor.type_box.currentText() == "Aid › Safety measure (new)"
    assert editor.result_commands().new_types == (AddType("aid/safety-measure", "Safety measure"),)


def test_editing_gives_only_the_changed_fields(qtbot, repository: EventRepository) -> None:
    event = next(e for e in repository.events() if e.key == "sap-pauses-sales")
    editor = show(qtbot, EventEditorDialog(repository, event=event))
    assert isinstance(editor, EventEditorDialog)
    assert editor.title_edit.text() == event.title
    assert not editor.footer.ok_button.isEnabled()
    assert editor.footer.reason.text() == "⚠ Nothing changed yet"
    assert event.date.edtf() != "2022-03-05"
    type_into(qtbot, editor.date, "5 March 2022")
    type_into(qtbot, editor.note, "SAP's own page dates it")
    assert editor.footer.ok_button.isEnabled(), editor.footer.reason.text()
    with qtbot.waitSignal(editor.accepted, timeout=2000):
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    result = editor.result_commands()
    stored = event.citation
    assert result.command == EditEvent(  # a new date goes to the store with its citation
        event.key,
        date_edtf="2022-03-05",
        citation=OutsideReference(
            outlet=stored.outlet,
            title=stored.title,
            url=stored.url,
            sentence=stored.quote,
            published=stored.published,
        ),
    )
    assert result.note == "SAP's own page dates it"


def test_editing_then_breaking_the_citation_blocks_ok(qtbot, repository: EventRepository) -> None:
    event = next(e for e in repository.events() if e.key == "sap-pauses-sales")
    editor = show(qtbot, EventEditorDialog(repository, event=event))
    assert isinstance(editor, EventEditorDialog)
    type_into(qtbot, editor.citation.url, "file:///etc/passwd")
    assert not editor.footer.ok_button.isEnabled()
    assert "Cite the date" in editor.footer.reason.text()
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # Enter does not save an uncited date
    assert editor.result() != QDialog.DialogCode.Accepted


def test_text_from_the_file_is_shown_as_plain_text(qtbot, repository: EventRepository) -> None:
    editor = show(qtbot, EventEditorDialog(repository))
    assert isinstance(editor, EventEditorDialog)
    type_into(qtbot, editor.title_edit, "<i>Apple</i>")
    choose_type(qtbot, editor, "aid")
    quote_from(qtbot, editor, "SAP")
    type_into(qtbot, editor.date, "<b>bold</b>")
    for label in (editor.date.line, editor.footer.reason, editor.citation.sentence_status):
        assert label.textFormat() == Qt.TextFormat.PlainText
    assert "<b>bold</b>" in editor.footer.reason.text()


def test_editing_the_title_alone_leaves_the_date_and_citation_out(
    qtbot, repository: EventRepository
) -> None:
    event = next(e for e in repository.events() if e.key == "sap-pauses-sales")
    editor = show(qtbot, EventEditorDialog(repository, event=event))
    assert isinstance(editor, EventEditorDialog)
    type_into(qtbot, editor.title_edit, "SAP pauses all sales in Russia")
    with qtbot.waitSignal(editor.accepted, timeout=2000):
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert editor.result_commands().command == EditEvent(
        event.key, title="SAP pauses all sales in Russia"
    )


def test_a_repeated_selection_cites_its_own_occurrence(qtbot, repository: EventRepository) -> None:
    text = repository.source_text("article")
    second = text.index("Apple", text.index("Apple") + 1)
    selection = QuoteInput("article", second, second + 5, "Apple")
    editor = show(qtbot, EventEditorDialog(repository, selection=selection))
    assert isinstance(editor, EventEditorDialog)
    tab_to(qtbot, editor.citation.use_passage)
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert editor.citation.citation() == SourceSentence(selection)  # not the first "Apple"


def test_the_pasted_quote_can_be_the_dating_sentence(qtbot, editor, repository) -> None:  # type: ignore[no-untyped-def]
    start, passage = unique_sentence(repository.source_text("article"), "Apple, par exemple")
    quote_from(qtbot, editor, passage)
    assert editor.citation.use_passage.isVisible()
    tab_to(qtbot, editor.citation.use_passage)
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert editor.citation.citation() == SourceSentence(
        QuoteInput("article", start, start + len(passage), passage)
    )
