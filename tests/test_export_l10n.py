"""The exports and the command line in French and in English: the words follow the reader's
language, and every machine-readable field (JSON keys, slugs, EDTF, CSV column names) stays
the same byte for byte."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from desktopapp.cli import build_parser, language_asked, main
from desktopapp.db.engine import open_database
from desktopapp.db.repository import EventRepository
from desktopapp.domain import l10n
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.quotation import quoted
from desktopapp.export.html_page import html_page, page_data, page_words
from desktopapp.export.provenance import long_date

NNBSP = "\u202f"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def plain(text: str) -> str:
    """pypdf's text with its tabs and line breaks as single spaces (narrow no-break spaces
    kept: they are what is checked)."""
    return re.sub(r"[ \t\r\n]+", " ", text)


def squash(text: str) -> str:
    """pypdf's text without the line breaks and spaces a layout puts in."""
    return re.sub(r"\s+", "", text)


def test_a_french_pdf_reads_french(
    qapp: object, capsys: pytest.CaptureFixture[str], article_db: Path, tmp_path: Path
) -> None:
    target = tmp_path / "chronologie.pdf"
    code, out, err = run(
        capsys, "--language", "fr", "export", "--db", str(article_db), "--pdf", str(target)
    )
    assert code == 0, err
    pages = PdfReader(target).pages
    texts = [plain(page.extract_text()) for page in pages]
    # The report of the command itself, with French plurals and numbers.
    assert out == f"{target} écrit ({len(pages)} pages, 18 événements)\n"
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} sur {len(pages)}" in text
    whole = "\n".join(texts)
    flat = squash(whole)
    assert "Chronologie des événements rapportés" in texts[0]
    assert squash("18 événements sur 18") in squash(texts[0])
    assert squash("Événements (18, par ordre chronologique)") in flat
    assert "Références des dates" in whole
    assert "Article source" in texts[0] and "Exporté le" in texts[0]
    assert squash("Référence de la date [1]") in flat
    assert "Jour exact" in whole and "à l’initiative" in whole
    # Each event's type line names a standard type in French (it said "Cash export limit").
    assert "Limite de sortie d’espèces" in whole and "Cash export limit" not in whole
    # The date of the export in the date wording of the language.
    with l10n.speaking("fr"):
        assert squash(long_date(dt.date.today())) in squash(texts[0])
    # The article's French title in guillemets with narrow no-break spaces (the page is
    # French), and the narrow no-break space before a colon.
    engine = open_database(article_db, snapshot=True)
    try:
        article = EventRepository(engine).sources[0]
    finally:
        engine.dispose()
    assert f"«{NNBSP}{article.title[:20]}" in whole or squash(quoted(article.title, "fr")) in flat
    assert f"Note{NNBSP}:" in whole or f"Phrase qui date{NNBSP}:" in whole
    for english in (
        "Page 1 of",
        "Sources of the dates",
        "Sources quoted",
        "Source article",
        "Exported",
        "in date order",
        "quoted from",
        "Date source",
        "Timeline of reported events",
        "(acting)",
        "(continued)",
    ):
        assert english not in whole, english
    assert not re.search(r"Exact day(?! or time)", whole)  # the legend is the chart's words


def test_an_english_page_puts_a_french_title_in_english_marks(
    qapp: object, capsys: pytest.CaptureFixture[str], article_db: Path, tmp_path: Path
) -> None:
    """The marks are the page's, not the title's: a reference list reads as one language."""
    target = tmp_path / "timeline.pdf"
    code, _, err = run(
        capsys, "--language", "en", "export", "--db", str(article_db), "--pdf", str(target)
    )
    assert code == 0, err
    text = "\n".join(plain(page.extract_text()) for page in PdfReader(target).pages)
    assert "Page 1 of" in text and "«" not in text.split("Source article", 1)[1].split(",")[1]


def _exports(capsys: pytest.CaptureFixture[str], db: Path, folder: Path, language: str) -> Path:
    folder.mkdir()
    kinds = {
        "json": "json",
        "timelinejs": "json",
        "ics": "ics",
        "csv": "csv",
        "annotations-jsonld": "jsonld",
    }
    options = [
        item
        for kind, suffix in kinds.items()
        for item in (f"--{kind}", str(folder / f"{kind}.{suffix}"))
    ]
    code, _, err = run(capsys, "--language", language, "export", "--db", str(db), *options)
    assert code == 0, err
    return folder


# The fields whose words are a person's, in the reader's language; every other one is data.
# (A TimelineJS group is an actor's name, an annotation body's value an event's title: the
# timeline holds both in each language.)
HUMAN_KEYS = {"date_text", "text", "display_date", "headline", "label", "group", "value"}


def _same_but_words(english: Any, french: Any, path: str = "") -> list[str]:
    """Where two JSON trees differ other than in a human-words field."""
    if isinstance(english, dict) and isinstance(french, dict):
        if list(english) != list(french):
            return [f"{path}: keys {list(english)} != {list(french)}"]
        return [
            difference
            for key in english
            if key not in HUMAN_KEYS or not isinstance(english[key], str)
            for difference in _same_but_words(english[key], french[key], f"{path}.{key}")
        ]
    if isinstance(english, list) and isinstance(french, list) and len(english) == len(french):
        return [
            d
            for n, (a, b) in enumerate(zip(english, french, strict=True))
            for d in _same_but_words(a, b, f"{path}[{n}]")
        ]
    return [] if english == french else [f"{path}: {english!r} != {french!r}"]


def test_machine_readable_exports_are_the_same_in_both_languages(
    capsys: pytest.CaptureFixture[str], article_db: Path, tmp_path: Path
) -> None:
    english = _exports(capsys, article_db, tmp_path / "en", "en")
    french = _exports(capsys, article_db, tmp_path / "fr", "fr")
    for name in ("json.json", "timelinejs.json", "annotations-jsonld.jsonld"):
        a = json.loads((english / name).read_text(encoding="utf-8"))
        b = json.loads((french / name).read_text(encoding="utf-8"))
        assert not _same_but_words(a, b), (name, _same_but_words(a, b)[:5])
    # The CSV's column names are its JSON keys, the same in every language (a script reads
    # them); its rows differ only in the date in words.
    rows_en = list(csv.reader(io.StringIO((english / "csv.csv").read_text(encoding="utf-8"))))
    rows_fr = list(csv.reader(io.StringIO((french / "csv.csv").read_text(encoding="utf-8"))))
    assert rows_en[0] == rows_fr[0] and "date" in rows_fr[0]
    # Its machine-readable columns are the same; the words (the date in words, and the
    # titles, summaries and names the timeline holds in each language) are the reader's.
    machine = [
        rows_en[0].index(name)
        for name in ("id", "date", "start", "end", "precision", "type", "unsourced")
    ]
    assert [[row[n] for n in machine] for row in rows_en] == [
        [row[n] for n in machine] for row in rows_fr
    ]

    # The calendar: every line but the descriptions (and their folded continuations) alike.
    def fixed(path: Path) -> list[str]:
        lines, in_description = [], False
        for line in path.read_bytes().decode("utf-8").split("\r\n"):
            if line.startswith(" ") and in_description:
                continue
            in_description = line.startswith(("DESCRIPTION", "SUMMARY"))  # words for a person
            lines.append(line.split(":", 1)[0] if in_description else line)
        return lines

    ics_en, ics_fr = fixed(english / "ics.ics"), fixed(french / "ics.ics")
    named = ("DTSTAMP", "X-WR-CALNAME")  # when it was made; the calendar's name, in words
    assert [line for line in ics_en if not line.startswith(named)] == [
        line for line in ics_fr if not line.startswith(named)
    ]
    described = (french / "ics.ics").read_bytes().decode("utf-8").replace("\r\n ", "")
    assert f"Référence de la date{NNBSP}:" in described and "Date source:" not in described


def test_the_list_table_and_its_counts_in_french(
    capsys: pytest.CaptureFixture[str], article_db: Path
) -> None:
    code, out, err = run(
        capsys, "--language", "fr", "list", "--db", str(article_db), "--company", "Apple"
    )
    assert code == 0, err
    header = out.splitlines()[0].split()
    assert header == ["Date", "Type", "Acteurs", "Titre"]
    assert out.splitlines()[-1] == "3 événements sur 18"
    code, out, _ = run(
        capsys, "--language", "en", "list", "--db", str(article_db), "--company", "Apple"
    )
    assert out.splitlines()[0].split() == ["Date", "Type", "Actors", "Title"]
    assert out.splitlines()[-1] == "3 of 18 events"


def test_the_web_page_speaks_the_language_it_was_exported_in(article_db: Path) -> None:
    engine = open_database(article_db, snapshot=True)
    try:
        repository = EventRepository(engine)
        events = repository.events(EventFilter())
        with l10n.speaking("fr"):
            french = page_data(repository, EventFilter(), events)
            page = html_page(french)
            french |= page_words()
        english = page_data(repository, EventFilter(), events) | page_words()
    finally:
        engine.dispose()
    assert '<html lang="fr">' in page and '<html lang="en">' in html_page(english)
    assert "a besoin de JavaScript" in page
    assert french["words"]["zoomIn"] == "Zoom avant" and english["words"]["zoomIn"] == "Zoom in"
    assert french["words"]["quoted"] == f"«{NNBSP}{{text}}{NNBSP}»"
    assert french["plurals"]["events"] == {
        "one": "{n} événement",
        "many": "{n} d’événements",
        "other": "{n} événements",
    }
    assert english["plurals"]["events"]["other"] == "{n} events"
    assert french["months"][1] == "févr." and english["months"][1] == "Feb"
    assert french["words"]["firstDay"] == "1er" and english["words"]["firstDay"] == "1"
    assert french["title"] == "Chronologie des événements rapportés"
    # The data tables are the same: only the words came in French, the standard types'
    # names among them (a French page said "Corporate withdrawal"); slugs and colours stay.
    for key in ("events", "actors", "citations"):
        assert french[key] == english[key] or key == "events"
    unlabelled = [{**t, "label": None} for t in french["types"]]
    assert unlabelled == [{**t, "label": None} for t in english["types"]]
    labels = {t["slug"]: t["label"] for t in french["types"]}
    assert labels["corporate-withdrawal"] == "Retrait d’entreprise"
    # The words are data inside the JSON, never markup.
    assert "<script>" not in json.dumps(french["words"])


@pytest.mark.parametrize(
    ("environment", "usage", "help_line"),
    [
        (
            {"LANG": "fr_FR.UTF-8"},
            f"utilisation{NNBSP}: desktopapp",
            "afficher cette aide et quitter",
        ),
        ({"LANG": "en_GB.UTF-8"}, "usage: desktopapp", "show this help message and exit"),
    ],
)
def test_help_follows_the_system_locale(
    environment: dict[str, str], usage: str, help_line: str
) -> None:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("LC_") and key != "LANGUAGE"
    }
    env |= environment
    done = subprocess.run(
        [sys.executable, "-m", "desktopapp", "--help"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(usage)
    assert help_line in done.stdout


def test_argparse_refusals_are_one_french_line_and_exit_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--language", "fr", "list", "--bogus"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert (
        err.splitlines()[-1] == f"desktopapp: erreur{NNBSP}: arguments non reconnus{NNBSP}: --bogus"
    )
    with pytest.raises(SystemExit):
        main(["--language", "fr", "export", "--page-size", "A5"])
    assert f"choix non valide{NNBSP}: 'A5'" in capsys.readouterr().err
    assert l10n.language() == "en"  # the command's language ends with it


def test_our_own_refusals_in_french(capsys: pytest.CaptureFixture[str], article_db: Path) -> None:
    code, _, err = run(capsys, "--language", "fr", "export", "--db", str(article_db))
    assert code == 2
    assert err.startswith(f"desktopapp: dire quoi exporter{NNBSP}: --pdf FILE")
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize(
    ("words", "asked"),
    [
        (["--language", "fr", "list"], "fr"),
        (["--language=fr"], "fr"),
        (["--lang", "fr", "list"], "fr"),
        (["--db", "x.timeline", "--language", "fr"], "fr"),
        # A subcommand's --language is a source's, not the program's.
        (["source", "add", "f.timeline", "s.txt", "--language", "fr"], None),
        (["--search", "--language", "list"], None),  # a value, not the option
        ([], None),
    ],
)
def test_the_language_option_is_read_before_the_command(
    words: list[str], asked: str | None
) -> None:
    assert language_asked(build_parser(), words) == asked


@pytest.mark.parametrize(("words", "given"), [(["--language", "fr"], "fr"), ([], None)])
def test_the_window_is_told_the_language_only_when_asked(
    monkeypatch: pytest.MonkeyPatch, words: list[str], given: str | None
) -> None:
    """Given, --language wins over the window's saved choice; not given, the window keeps its
    own (the saved choice, else the system's)."""
    import desktopapp.app

    told = []
    monkeypatch.setattr(desktopapp.app, "run_app", lambda options: told.append(options) or 0)
    monkeypatch.setattr("desktopapp.xcb_check.missing_xcb_libraries", lambda _arguments: [])
    assert main([*words, "--company", "Apple"]) == 0
    assert told[0].language == given
