"""Hostile rows in a timeline file never become PDF actions, spreadsheet formulas or hidden
control characters in what the app exports.

A copy of the article's database is changed with plain SQL (as another program, or an
adversary, could change it) and exported through the command line; the files are then read
back as a reader's tools would read them: pypdf, ``qpdf --check``, ``pdfinfo -js``, and
Python's csv module.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import shutil
import sqlite3
import subprocess
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject

from desktopapp.cli import main
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.links import MAX_LINK_LENGTH, link_target
from desktopapp.export.pdf import export_pdf
from desktopapp.export.plaintext import csv_cell, visible_controls
from desktopapp.export.records import CSV_COLUMNS
from desktopapp.ui.detail_pane import DetailPane

HOSTILE_URLS = [
    "https://a.example/x)/S/JavaScript/JS(app.alert(1))",
    "https://a.example/x)>>/A<</S/Launch/F(calc.exe)>>(",
    "https://a.example/back\\slash\\)/S/JavaScript/JS(app.alert(2))",
    "https://a.example/\\\\(x\\\\)",
    "javascript:app.alert(3)",
    "file:///etc/passwd",
    "https://bücher.example/straße?q=ü(1)#é",
    "https://a.example/" + "a)" * 3000,
    "https://user:pass@a.example/(login)",
    "https://a.example/nul\x00(x)",
]
# Strings that would end or escape a PDF literal string, or start markup, if written raw.
HOSTILE_TEXT = "x) /S /JavaScript /JS (app.alert(4)) \\) \\\\ <b>é€😀</b>"
FORBIDDEN_IN_PDF_STRING = set("()\\<> \"'") | {chr(c) for c in range(32)}


def changed_copy(source: Path, target: Path, *statements: tuple[str, tuple[object, ...]]) -> Path:
    shutil.copyfile(source, target)
    with sqlite3.connect(target) as connection:
        for sql, parameters in statements:
            connection.execute(sql, parameters)
    connection.close()
    return target


@pytest.fixture(scope="module")
def hostile_db(article_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The article's timeline with a hostile URL in every citation and the source, and
    hostile text in titles, citation titles, the source's title and an actor's name."""
    with sqlite3.connect(article_db) as connection:
        citation_ids = [row[0] for row in connection.execute("SELECT id FROM citations")]
    connection.close()
    statements = [
        (
            "UPDATE citations SET url = ?, title = ? WHERE id = ?",
            (HOSTILE_URLS[number % len(HOSTILE_URLS)], HOSTILE_TEXT, citation_id),
        )
        for number, citation_id in enumerate(citation_ids)
    ]
    statements += [
        ("UPDATE sources SET url = ?, title = ?", (HOSTILE_URLS[0], HOSTILE_TEXT)),
        ("UPDATE events SET title = ? || title", (HOSTILE_TEXT,)),
        ("UPDATE actors SET name = ? WHERE key = 'apple'", (HOSTILE_TEXT,)),
    ]
    folder = tmp_path_factory.mktemp("hostile")
    return changed_copy(article_db, folder / "hostile.sqlite3", *statements)


@pytest.fixture(scope="module")
def hostile_pdf(qapp: object, hostile_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("pdf") / "hostile.pdf"
    assert main(["export", "--db", str(hostile_db), "--pdf", str(target)]) == 0
    return target


def pdf_objects(reader: PdfReader) -> list[DictionaryObject]:
    """Every dictionary in the file, however it is reached (pages, annotations, outlines)."""
    found: list[DictionaryObject] = []
    seen: set[int] = set()
    stack: list[object] = [reader.trailer]
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            if item.idnum in seen:
                continue
            seen.add(item.idnum)
            item = item.get_object()
        if isinstance(item, DictionaryObject):
            found.append(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def link_uris(reader: PdfReader) -> list[str]:
    return [
        str(annotation.get_object()["/A"]["/URI"])
        for page in reader.pages
        for annotation in page.get("/Annots") or []
        if "/A" in annotation.get_object()
    ]


def test_no_pdf_action_but_plain_http_links(hostile_pdf: Path) -> None:
    reader = PdfReader(hostile_pdf, strict=True)
    objects = pdf_objects(reader)
    actions = [obj["/A"].get_object() for obj in objects if "/A" in obj]
    actions += [obj for obj in objects if obj.get("/Type") == "/Action"]
    assert actions, "the report should have link actions"
    assert {str(action["/S"]) for action in actions} == {"/URI"}
    for obj in objects:
        assert not {"/JS", "/JavaScript", "/Launch", "/OpenAction", "/AA"} & set(obj.keys())
    uris = link_uris(reader)
    assert uris
    for uri in uris:
        parts = urlsplit(uri)
        assert parts.scheme in ("http", "https") and parts.hostname, uri
        assert uri.isascii() and not FORBIDDEN_IN_PDF_STRING & set(uri), uri
        assert len(uri) <= MAX_LINK_LENGTH
    # The hostile but well-formed address is still a link, percent-encoded.
    assert "https://a.example/x%29/S/JavaScript/JS%28app.alert%281%29%29" in uris
    assert "https://xn--bcher-kva.example/stra%C3%9Fe?q=%C3%BC%281%29#%C3%A9" in uris
    # No address that is not an http(s) one, or that hides who it logs in as, is linked.
    assert not [uri for uri in uris if "etc/passwd" in uri or "alert(3)" in uri or "@" in uri]


def test_structurally_valid_for_qpdf_and_poppler(hostile_pdf: Path) -> None:
    assert shutil.which("qpdf") and shutil.which("pdfinfo"), "needs qpdf and poppler-utils"
    checked = subprocess.run(["qpdf", "--check", str(hostile_pdf)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "WARNING" not in checked.stdout + checked.stderr
    scripts = subprocess.run(
        ["pdfinfo", "-js", str(hostile_pdf)], capture_output=True, text=True, check=True
    )
    assert scripts.stdout == "" and "Syntax Error" not in scripts.stderr, scripts.stderr


def test_hostile_text_is_text_in_pdf_metadata_and_pages(hostile_pdf: Path) -> None:
    reader = PdfReader(hostile_pdf, strict=True)
    info = reader.metadata
    assert info is not None
    # Written by our incremental update (subject, keywords) and by Qt (title), read back
    # exactly: the writer escaped every delimiter and the non-ASCII characters.
    assert info.subject is not None and info.subject.endswith(f": {HOSTILE_TEXT}")
    assert HOSTILE_TEXT in str(info.get("/Keywords"))
    assert info.title is not None and info.title.startswith("Timeline of reported events")
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "app.alert(4)" in text


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.com/a/b?c=d#e", "https://example.com/a/b?c=d#e"),
        ("HTTP://Example.COM", "http://example.com/"),
        ("https://a.example/x)(", "https://a.example/x%29%28"),
        ("https://a.example/a\\b", "https://a.example/a%5Cb"),
        ("https://a.example/100%", "https://a.example/100%25"),
        ("https://a.example/%7e%41", "https://a.example/%7E%41"),
        ("https://a.example:8443/x", "https://a.example:8443/x"),
        ("https://[2001:db8::1]/x", "https://[2001:db8::1]/x"),
        ("https://bücher.example/é", "https://xn--bcher-kva.example/%C3%A9"),
        ("  https://a.example/  ", "https://a.example/"),
    ],
)
def test_link_target_normalises_and_encodes(url: str, expected: str) -> None:
    assert link_target(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "file:///etc/passwd",
        "data:text/html,<script>",
        "ftp://a.example/",
        "https://",
        "https:///path",
        "//a.example/x",
        "https://user@a.example/",
        "https://a.example\\@evil.example/",
        "https://evil.example\\.a.example/",
        "https://a.example:99999/",
        "https://a.example:port/",
        "https://300.1.1.1/",
        "https://a_b-.example/",
        "https://a.example/x y",
        "https://a.example/\x00",
        "https://a.example/\u202egpj.exe",
        "https://a\u200b.example/",
        "https://a.example/" + "x" * MAX_LINK_LENGTH,
        "",
    ],
)
def test_link_target_refuses(url: str) -> None:
    assert link_target(url) is None


@given(st.text(max_size=200).map(lambda tail: "https://a.example/" + tail) | st.text())
def test_any_link_target_is_plain_ascii_http(url: str) -> None:
    target = link_target(url)
    if target is not None:
        parts = urlsplit(target)
        assert parts.scheme in ("http", "https") and parts.hostname
        assert target.isascii() and not FORBIDDEN_IN_PDF_STRING & set(target)
        assert link_target(target) == target  # already normal


FORMULAS = ['=HYPERLINK("https://evil.example","x")', "@SUM(1+1)", "-1+1", "+1", "\t=1", "\r=1"]


@pytest.fixture
def formula_db(article_db: Path, tmp_path: Path) -> Path:
    """A formula at the start of every text that reaches a CSV column."""
    statements: list[tuple[str, tuple[object, ...]]] = [
        ("UPDATE events SET title = ?, summary = ?", (FORMULAS[0], FORMULAS[1])),
        ("UPDATE event_types SET slug = ? || slug", (FORMULAS[0],)),
        ("UPDATE actors SET name = ? || name", (FORMULAS[2],)),
        ("UPDATE citations SET outlet = ?, url = ?", (FORMULAS[3], FORMULAS[2])),
        ("UPDATE sources SET outlet = ?, url = ?", (FORMULAS[4], FORMULAS[5])),
        ("UPDATE events SET title = ? WHERE key = 'apple-export-halt'", ("=nul\x00inside",)),
    ]
    return changed_copy(article_db, tmp_path / "formulas.sqlite3", *statements)


def test_every_csv_column_is_defused(
    capsys: pytest.CaptureFixture[str], formula_db: Path, tmp_path: Path
) -> None:
    target = tmp_path / "events.csv"
    assert main(["export", "--db", str(formula_db), "--csv", str(target)]) == 0, (
        capsys.readouterr().err
    )
    text = target.read_text(encoding="utf-8")
    assert "\x00" not in text
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(rows) == 18
    assert tuple(rows[0]) == CSV_COLUMNS
    for row in rows:
        for column, cell in row.items():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (column, cell)
        for column in ("type", "acting", "date_source", "date_source_url", "title", "summary"):
            assert row[column].startswith("'") or not row[column], (column, row[column])
        # ISO dates are untouched; an apostrophe is the only change to a defused cell.
        assert row["start"][:4].isdigit() and row["end"][:4].isdigit()
    assert {row["title"] for row in rows} >= {"'" + FORMULAS[0], "'=nul\u2400inside"}
    assert sum(1 for row in rows if row["affected"].startswith("'-1+1")) >= 10


def test_csv_cell_rule() -> None:
    assert csv_cell("=1+1") == "'=1+1"
    assert csv_cell("2022-03-01") == "2022-03-01"
    assert csv_cell("a\x00b\x1b[31m") == "a\u2400b\u241b[31m"
    assert csv_cell("two\r\nlines\tand tab") == "two\nlines\tand tab"
    assert csv_cell("\r=1") == "'\u240d=1"  # a lone CR is shown, and the cell is defused
    assert csv_cell(-5) == -5  # our own numbers stay numbers


def test_terminal_table_shows_control_characters(
    capsys: pytest.CaptureFixture[str], formula_db: Path
) -> None:
    assert main(["list", "--db", str(formula_db)]) == 0
    out = capsys.readouterr().out
    assert "=nul\u2400inside" in out
    assert not set(out) & ({chr(c) for c in range(32)} - {"\n"})
    assert visible_controls("\x1b]0;pwned\x07\x7f\x85") == "\u241b]0;pwned\u2407\u2421\ufffd"


def test_detail_pane_links_through_the_same_function(qtbot, repository) -> None:
    pane = DetailPane()
    qtbot.addWidget(pane)
    real = next(e for e in repository.events() if not e.citation.is_article)
    url = "https://a.example/x\")'<b>(app.alert(1))"
    crafted = dataclasses.replace(real, citation=dataclasses.replace(real.citation, url=url))
    pane.show_event(crafted)
    block = pane.browser.document().begin()
    hrefs = []
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fmt = iterator.fragment().charFormat()
            if fmt.isAnchor() and fmt.anchorHref():
                hrefs.append(fmt.anchorHref())
            iterator += 1
        block = block.next()
    assert (
        hrefs == [link_target(url)] == ["https://a.example/x%22%29%27%3Cb%3E%28app.alert%281%29%29"]
    )


def test_hostile_search_words_in_the_pdf_title(qapp: object, repository, tmp_path: Path) -> None:
    """The document title (written by Qt) holds the filter, typed by whoever exports."""
    target = tmp_path / "search.pdf"
    export_pdf(repository, EventFilter(text=HOSTILE_TEXT), target)
    info = PdfReader(target, strict=True).metadata
    assert info is not None and info.title is not None
    assert HOSTILE_TEXT in info.title
    checked = subprocess.run(["qpdf", "--check", str(target)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_hostile_text_in_an_svg_caption_stays_text(
    qapp: object, hostile_db: Path, tmp_path: Path
) -> None:
    """The caption puts the source's title and outlet into the SVG: as escaped text."""
    target = tmp_path / "chart.svg"
    assert main(["export", "--db", str(hostile_db), "--svg", str(target)]) == 0
    root = ElementTree.parse(target).getroot()
    tags = {element.tag.rsplit("}", 1)[-1] for element in root.iter()}
    assert not tags & {"script", "b", "a", "foreignObject"}
    assert HOSTILE_TEXT in " ".join(root.itertext())
