"""The storage and import layers' messages in French and in English: refusals of commands
through the store, import reports with their plurals, file and database errors. Each case is
asked in both languages through the real path, so a message left unwrapped (or a French one
that lost its field, its plural or its typography) fails here."""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path

import pytest

from desktopapp.db.commands import (
    AddActor,
    AddEvent,
    AddSource,
    CommandError,
    DeleteActor,
    EditEvent,
    HistoryEntry,
    QuoteInput,
    SourceSentence,
)
from desktopapp.db.engine import open_database
from desktopapp.db.errors import DatabaseError, describe_error, without_upgrade_hint
from desktopapp.db.integrity import check_database
from desktopapp.db.repository import EventRepository
from desktopapp.db.store import TimelineStore
from desktopapp.db.versions import EditConflict
from desktopapp.domain.filter import FilterError
from desktopapp.domain.l10n import N_, speaking
from desktopapp.ingest.importing import (
    ImportFileError,
    ImportReport,
    ImportSource,
    TargetNames,
    Where,
    plan_import,
)
from desktopapp.safe_files import InputFileError, read_regular_file

NNBSP = "\u202f"
TEXT = "Le 1er mars 2022, Apple a arrêté ses ventes en Russie. Netflix a riposté."
FIXTURES = Path(__file__).parent / "fixtures" / "timelinejs"


def _quote(source: str, words: str) -> QuoteInput:
    start = TEXT.index(words)
    return QuoteInput(source, start, start + len(words), words)


def _french_typography(message: str) -> None:
    """French puts a narrow no-break space before : ; ? ! and inside « » (never a plain one)."""
    assert not re.search(r"[ \u00a0][:;?!]", message), message
    assert "« " not in message and " »" not in message, message


@pytest.fixture
def store(tmp_path: Path):
    with TimelineStore.create(tmp_path / "t.timeline", title="Mine", author="Ada") as opened:
        source = opened.execute(AddSource(TEXT, "Article")).created_key
        actor = opened.execute(AddActor("Apple", "company", key="apple")).created_key
        assert source and actor
        opened.execute(
            AddEvent(
                "Apple halts sales",
                "corporate-withdrawal/sales-halt",
                "2022-03-01",
                SourceSentence(_quote(source, "Le 1er mars 2022")),
                ((actor, "acting"),),
                (_quote(source, "Apple a arrêté ses ventes en Russie"),),
                key="ev-apple",
            )
        )
        yield opened


REFUSALS = [
    (
        EditEvent("ev-none", title="x"),
        "no event has the key 'ev-none'",
        "aucun événement n’a la clé 'ev-none'",
    ),
    (
        EditEvent("ev-apple", title="   "),
        "the title is empty; give one",
        f"le titre{NNBSP}: champ vide{NNBSP}; à remplir",
    ),
    (
        EditEvent("ev-apple", title="x" * 501),
        "the title is too long (501 characters, at most 500)",
        f"le titre{NNBSP}: texte trop long (501 caractères, 500 au plus)",
    ),
    (
        AddActor("Someone", "alien"),
        "'alien' is not a kind of actor (",
        "'alien' n’est pas une catégorie d’acteur (",
    ),
    (AddSource("", "empty"), "the source has no text", "la source n’a pas de texte"),
    (
        DeleteActor("apple"),
        "actor 'apple' is in 1 event; remove it from them first",
        f"l’acteur 'apple' figure dans 1 événement{NNBSP}; retirez-le d’abord de ceux-ci",
    ),
    (
        AddSource(TEXT + "\x00", "nul"),
        "the source's text contains a NUL character",
        "le texte de la source contient un caractère NUL",
    ),
]


@pytest.mark.parametrize(("command", "english", "french"), REFUSALS)
def test_a_refusal_through_the_store_speaks_the_readers_language(
    store: TimelineStore, command: object, english: str, french: str
) -> None:
    with pytest.raises(CommandError) as refused:
        store.execute(command)  # type: ignore[arg-type]
    assert english in str(refused.value)
    with speaking("fr"), pytest.raises(CommandError) as refused:
        store.execute(command)  # type: ignore[arg-type]
    assert french in str(refused.value)
    _french_typography(str(refused.value))


def test_a_long_note_is_refused_with_the_limit_written_by_the_language(
    store: TimelineStore,
) -> None:
    long_note = "n" * 5_001
    command = EditEvent("ev-apple", title="Apple stops sales")
    with pytest.raises(CommandError, match="at most 5,000 characters"):
        store.execute(command, note=long_note)
    with speaking("fr"), pytest.raises(CommandError) as refused:
        store.execute(command, note=long_note)
    assert str(refused.value) == f"la note est trop longue (5{NNBSP}000 caractères au plus)"


def _report(imported: int, skipped: int) -> ImportReport:
    report = ImportReport("x.json", N_("TimelineJS JSON"))
    report.imported = [Where("slide", 1)] * imported  # the headline counts them
    for number in range(skipped):
        report.skip(Where("slide", 4 + 5 * number), N_("without a date"))
    return report


@pytest.mark.parametrize(
    ("imported", "skipped", "english", "french"),
    [
        (
            0,
            0,
            ["Imported 0 events from 'x.json', read as TimelineJS JSON."],
            [
                f"0 événement importé de «{NNBSP}x.json{NNBSP}», lu au format JSON TimelineJS.",
            ],
        ),
        (
            1,
            1,
            [
                "Imported 1 event from 'x.json', read as TimelineJS JSON.",
                "1 slide without a date: skipped (slide 4)",
            ],
            [
                f"1 événement importé de «{NNBSP}x.json{NNBSP}», lu au format JSON TimelineJS.",
                f"1 diapositive sans date{NNBSP}: ignorée (diapositive 4)",
            ],
        ),
        (
            2,
            2,
            [
                "Imported 2 events from 'x.json', read as TimelineJS JSON.",
                "2 slides without a date: skipped (slides 4, 9)",
            ],
            [
                f"2 événements importés de «{NNBSP}x.json{NNBSP}», lus au format JSON TimelineJS.",
                f"2 diapositives sans date{NNBSP}: ignorées (diapositives 4, 9)",
            ],
        ),
        (
            1_000_000,
            0,
            ["Imported 1,000,000 events from 'x.json', read as TimelineJS JSON."],
            [
                f"1{NNBSP}000{NNBSP}000 d’événements importés de «{NNBSP}x.json{NNBSP}», "
                "lus au format JSON TimelineJS."
            ],
        ),
    ],
)
def test_an_import_report_counts_in_the_readers_language(
    imported: int, skipped: int, english: list[str], french: list[str]
) -> None:
    report = _report(imported, skipped)
    assert report.lines() == english
    with speaking("fr"):
        assert report.lines() == french
        for line in report.lines():
            _french_typography(line)


def test_a_real_timelinejs_file_is_reported_in_french() -> None:
    source = ImportSource.read(FIXTURES / "messy.json")
    with speaking("fr"):
        report = plan_import(source, TargetNames.new_timeline()).report
        lines = report.lines()
    assert lines[0] == (
        f"15 événements importés de «{NNBSP}messy.json{NNBSP}», lus au format JSON TimelineJS."
    )
    assert f"1 diapositive sans date{NNBSP}: ignorée (diapositive 5)" in lines
    for line in lines:
        _french_typography(line)
    # The same plan asked again in English reads in English: the report keeps the
    # importers' words, translated when shown.
    assert "1 slide without a date: skipped (slide 5)" in report.lines()


def test_a_file_with_nothing_to_import_says_why_in_french(tmp_path: Path) -> None:
    empty = tmp_path / "empty.json"
    empty.write_text('{"events": [{"text": {"headline": "No date"}}]}', encoding="utf-8")
    source = ImportSource.read(empty)
    with pytest.raises(ImportFileError) as english:
        plan_import(source, TargetNames.new_timeline())
    assert str(english.value) == (
        "empty.json: no event to import (1 entry skipped: 1 slide without a date: "
        "skipped (slide 1))"
    )
    with speaking("fr"), pytest.raises(ImportFileError) as french:
        plan_import(source, TargetNames.new_timeline())
    assert str(french.value) == (
        f"empty.json{NNBSP}: aucun événement à importer (1 entrée ignorée{NNBSP}: "
        f"1 diapositive sans date{NNBSP}: ignorée (diapositive 1))"
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_file_error_speaks_the_readers_language(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    with pytest.raises(InputFileError, match="a named pipe, not a regular file"):
        read_regular_file(pipe, 1000)
    with speaking("fr"), pytest.raises(InputFileError) as refused:
        read_regular_file(pipe, 1000)
    assert refused.value.strerror == "un tube nommé, pas un fichier ordinaire"
    with speaking("fr"), pytest.raises(ImportFileError) as refused_import:
        ImportSource.read(pipe)
    assert str(refused_import.value) == f"{pipe}{NNBSP}: un tube nommé, pas un fichier ordinaire"


def _existing_file(folder: Path) -> Path:
    path = folder / "old.timeline"
    path.write_bytes(b"x")
    return path


@pytest.mark.parametrize(
    ("make", "english", "french"),
    [
        (
            _existing_file,
            "already exists; choose a new file name",
            f"{NNBSP}: existe déjà{NNBSP}; choisissez un autre nom de fichier",
        ),
        (
            lambda folder: folder / "missing" / "new.timeline",
            "no such folder",
            f"{NNBSP}: dossier introuvable",
        ),
    ],
    ids=["exists", "no-folder"],
)
def test_creating_a_timeline_where_it_cannot_be_says_so_in_french(
    tmp_path: Path, make, english: str, french: str
) -> None:
    target = make(tmp_path)
    with pytest.raises(DatabaseError, match=re.escape(english)):
        TimelineStore.create(target, title="T", author="Ada")
    with speaking("fr"), pytest.raises(DatabaseError) as refused:
        TimelineStore.create(target, title="T", author="Ada")
    assert french in str(refused.value)


def test_a_file_that_is_no_database_is_refused_in_french(tmp_path: Path) -> None:
    path = tmp_path / "notes.timeline"
    path.write_text("not a database", encoding="utf-8")
    with pytest.raises(DatabaseError, match="not a timeline database"):
        open_database(path)
    with speaking("fr"), pytest.raises(DatabaseError) as refused:
        open_database(path)
    assert str(refused.value) == (
        f"{path}{NNBSP}: pas une base de chronologie (pas un fichier SQLite)"
    )


def test_a_busy_database_is_described_in_french() -> None:
    busy = sqlite3.OperationalError("database is locked")
    assert describe_error(busy).startswith("the database is busy (another program")
    with speaking("fr"):
        said = describe_error(busy)
    assert said == (
        f"la base de données est occupée (un autre programme y écrit{NNBSP}; réessayez dans "
        f"un instant){NNBSP}: database is locked"  # the driver's own words stay as they are
    )


def test_the_upgrade_hint_is_left_out_in_either_language() -> None:
    from desktopapp.db.errors import with_upgrade_hint

    for code in ("en", "fr"):
        with speaking(code):
            assert without_upgrade_hint(with_upgrade_hint("x: old")) == "x: old"


def test_an_edit_conflict_names_the_field_in_french() -> None:
    entry = HistoryEntry("2026-12-01T10:00:00.000+00:00", "Bob", "Rename", "title", "a", "b", "")
    conflict = EditConflict("ev-1", 1, 2, [entry])
    assert "(title) after you started editing it" in str(conflict)
    with speaking("fr"):
        said = str(EditConflict("ev-1", 1, 2, [entry]))
    assert said.startswith("ev-1 a été modifié par Bob le 2026-12-01T10:00:00.000+00:00 (titre)")
    _french_typography(said)


def test_the_integrity_check_and_a_filter_refusal_speak_french(store: TimelineStore) -> None:
    repository = EventRepository(store.repository.engine)
    assert check_database(repository).summary() == "1 event, 1 quote: all verified"
    with speaking("fr"):
        assert (
            check_database(repository).summary()
            == f"1 événement, 1 citation{NNBSP}: tout est vérifié"
        )
        with pytest.raises(FilterError) as refused:
            repository.resolve_actor("Poutine")
    assert str(refused.value).startswith(
        f"aucun acteur ne s’appelle 'Poutine'{NNBSP}; acteurs connus{NNBSP}: Apple"
    )
