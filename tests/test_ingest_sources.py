"""Source drafts from text files, saved web pages, PDFs and pasted text."""

from __future__ import annotations

import os
import random
import socket
from pathlib import Path

import pytest
from pypdf import PdfWriter
from pypdf.generic import (
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    TextStringObject,
)

from desktopapp.db.repository import EventRepository
from desktopapp.domain.filter import EventFilter
from desktopapp.export.pdf import export_pdf
from desktopapp.ingest.sources import (
    MAX_TEXT_BYTES,
    SourceDraft,
    SourceError,
    draft_from_file,
    draft_from_text,
)

PAGES = Path(__file__).parent / "data" / "sources"


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading a page must never reach for the network (trafilatura and htmldate can fetch)."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a source draft tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


# -- saved web pages --------------------------------------------------------------------------


def test_a_french_news_page_keeps_the_article_and_drops_the_rest() -> None:
    draft = draft_from_file(PAGES / "journal-fr.html")
    text = draft.text
    assert text.startswith("Netflix a annoncé dimanche 6 mars la suspension")
    assert "« Compte tenu des circonstances sur le terrain" in text
    assert "Un mouvement de retrait général" in text  # a subheading of the article
    assert text.rstrip().endswith("auprès de sa population.")
    for boilerplate in (
        "cookies",  # the consent banner
        "S’abonner",  # the navigation
        "Publicité",
        "crédit immobilier",
        "Vos vacances au soleil",  # the ad inside the article body
        "Sur le même sujet",
        "Partager sur Facebook",
        "JeanDu75",  # the comments
        "Enfin une décision courageuse",
        "lettre quotidienne",
        "Mentions légales",
        "TRACKER-SCRIPT-TEXT",  # scripts are never text
        "SCRIPT-WRITTEN-TEXT",
        "min-height",
    ):
        assert boilerplate not in text, boilerplate


def test_a_french_news_page_gives_its_metadata() -> None:
    draft = draft_from_file(PAGES / "journal-fr.html")
    assert draft.title == "Guerre en Ukraine : Netflix suspend son service en Russie"
    assert draft.outlet == "Le Quotidien du Numérique"
    assert draft.author == "Camille Moreau"
    assert draft.published_edtf == "2022-03-07"
    assert draft.url == (
        "https://www.quotidien-numerique.example/economie/2022/03/07/"
        "netflix-suspend-son-service-en-russie_42.html"
    )
    assert draft.language == "fr"
    assert draft.origin == str(PAGES / "journal-fr.html")


def test_an_english_page_saved_by_a_browser_gives_its_address_and_metadata() -> None:
    draft = draft_from_file(PAGES / "wire-en.html")
    assert draft.text.startswith("Apple Inc said on Tuesday it had paused all product sales")
    assert '"We are deeply concerned about the Russian invasion of Ukraine' in draft.text
    assert "share of its global revenue." in draft.text
    for boilerplate in (
        "Skip to main content",
        "Subscribe",
        "Trade stocks",
        "Advertisement",
        "Read Next",
        "Ruble hits record low",
        "GadgetFan99",
        "All rights reserved",
        "ADS-SCRIPT-TEXT",
    ):
        assert boilerplate not in draft.text, boilerplate
    assert draft.title == "Apple halts product sales in Russia"
    assert draft.outlet == "Wire Service"
    assert draft.author == "Jordan Ellis"
    assert draft.published_edtf == "2022-03-01"
    # No canonical link: the address comes from the "saved from url" mark Chrome leaves.
    assert (
        draft.url
        == "https://www.wire-service.example/business/apple-halts-product-sales-russia-2022"
    )
    assert draft.language == "en"


def test_every_line_of_a_page_draft_is_a_verbatim_span(tmp_path: Path) -> None:
    page = tmp_path / "crlf.htm"
    page.write_bytes((PAGES / "wire-en.html").read_bytes().replace(b"\n", b"\r\n"))
    draft = draft_from_file(page)
    assert "\r" not in draft.text
    assert draft.text == draft_from_file(PAGES / "wire-en.html").text


def test_a_page_without_metadata_leaves_it_empty_rather_than_guessing(tmp_path: Path) -> None:
    page = tmp_path / "bare-page.html"
    body = "".join(
        f"<p>Paragraph {n} of a plain page that says what happened, at some length.</p>"
        for n in range(8)
    )
    page.write_text(f"<html><body><div>{body}</div></body></html>", encoding="utf-8")
    draft = draft_from_file(page)
    assert "Paragraph 0 of a plain page" in draft.text
    assert (draft.outlet, draft.author, draft.url, draft.published_edtf, draft.language) == (
        "",
        "",
        "",
        "",
        "",
    )
    assert draft.title == "bare-page"  # the file's name, for the person to correct


def test_broken_markup_still_gives_the_text(tmp_path: Path) -> None:
    page = tmp_path / "broken.html"
    page.write_text(
        "<html><head><title>Broken</title><body><div><p>First sentence of an unclosed "
        "paragraph that goes on about sanctions and companies leaving Russia.<p>Second "
        "paragraph <b>bold <i>nested</b> wrong</i> and more words to make it an article."
        "<script>alert('SCRIPT-IN-BROKEN')</script><div><p>Third paragraph, never closed",
        encoding="utf-8",
    )
    draft = draft_from_file(page)
    assert "First sentence of an unclosed paragraph" in draft.text
    assert "SCRIPT-IN-BROKEN" not in draft.text


@pytest.mark.parametrize(
    "content",
    [
        os.urandom(4096),
        bytes(b for b in os.urandom(8192) if b),  # no NUL to give it away
        # Seeded, so that one such case runs the same every time (os.urandom once gave bytes
        # in which trafilatura found "text", and the page was taken).
        bytes(b for b in random.Random(1138).randbytes(8192) if b),
        b"\x00" * 100 + b"<html><body><p>hidden</p></body></html>",
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
    ],
    ids=["random-bytes", "random-bytes-without-nul", "seeded-without-nul", "nul-bytes", "png"],
)
def test_binary_junk_named_html_is_refused_in_one_line(tmp_path: Path, content: bytes) -> None:
    page = tmp_path / "junk.html"
    page.write_bytes(content)
    with pytest.raises(SourceError) as raised:
        draft_from_file(page)
    assert "junk.html" in str(raised.value) and "\n" not in str(raised.value)


def test_a_page_of_scripts_only_has_no_article(tmp_path: Path) -> None:
    page = tmp_path / "app.html"
    page.write_text(
        "<html><head><script>var secret = 'SCRIPT';</script><style>p { color: red }</style>"
        "</head><body><script>document.write('x')</script><noscript></noscript></body></html>",
        encoding="utf-8",
    )
    with pytest.raises(SourceError, match=r"app.html: no article text found"):
        draft_from_file(page)


def test_a_web_archive_is_refused_with_what_to_do(tmp_path: Path) -> None:
    archive = tmp_path / "page.mhtml"
    archive.write_bytes(b"From: <Saved by Blink>\r\nMIME-Version: 1.0\r\n")
    with pytest.raises(SourceError, match="Web page, complete"):
        draft_from_file(archive)


# -- PDFs -------------------------------------------------------------------------------------


def make_pdf(path: Path, pages: list[list[str]], *, title: str = "", author: str = "") -> Path:
    """A PDF whose pages hold these lines of text in Helvetica (WinAnsi: French accents too)."""
    writer = PdfWriter()
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        }
    )
    for lines in pages:
        page = writer.add_blank_page(width=595, height=842)
        if not lines:
            continue
        commands = ["BT", "/F1 12 Tf", "14 TL", "72 770 Td"]
        for line in lines:
            escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            commands.append(f"({escaped}) Tj T*")
        commands.append("ET")
        stream = DecodedStreamObject()
        stream.set_data("\n".join(commands).encode("cp1252"))
        page[NameObject("/Contents")] = writer._add_object(stream)
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
        )
    metadata = {}
    if title:
        metadata["/Title"] = TextStringObject(title)
    if author:
        metadata["/Author"] = TextStringObject(author)
    if metadata:
        writer.add_metadata(metadata)
    writer._root_object[NameObject("/Lang")] = TextStringObject("fr-FR")
    with path.open("wb") as stream:
        writer.write(stream)
    return path


def test_a_pdf_is_read_page_by_page_with_its_metadata(tmp_path: Path) -> None:
    pdf = make_pdf(
        tmp_path / "rapport.pdf",
        [
            ["Rapport sur les sanctions", "Le 2 mars 2022, SAP a suspendu ses ventes."],
            ["Deuxième page : Maersk a cessé ses réservations."],
        ],
        title="Rapport sur les sanctions économiques",
        author="Observatoire des entreprises",
    )
    draft = draft_from_file(pdf)
    first, second = draft.text.split("\n\n")
    assert "Rapport sur les sanctions" in first and "SAP a suspendu ses ventes." in first
    assert "Deuxième page : Maersk a cessé ses réservations." in second
    assert draft.title == "Rapport sur les sanctions économiques"
    assert draft.author == "Observatoire des entreprises"
    assert draft.language == "fr"
    assert draft.origin == str(pdf)
    assert "\r" not in draft.text


def test_the_apps_own_pdf_report_reads_back_as_quotable_text(
    qapp: object, repository: EventRepository, tmp_path: Path
) -> None:
    # Qt places words one by one; pypdf separates them with tabs, which no typed quote has.
    report = tmp_path / "report.pdf"
    export_pdf(repository, EventFilter(), report)
    draft = draft_from_file(report)
    assert draft.text.startswith("Timeline of reported events\nActor: all · Type: all")
    assert "\t" not in draft.text and " \n" not in draft.text
    assert draft.title.startswith("Timeline of reported events")
    first = repository.events()[0]
    assert first.title.split()[0] in draft.text


def test_a_pdf_without_metadata_is_named_after_its_file(tmp_path: Path) -> None:
    draft = draft_from_file(make_pdf(tmp_path / "note-interne.pdf", [["Une ligne de texte."]]))
    assert draft.title == "note-interne"
    assert draft.author == ""


def test_a_pdf_without_a_text_layer_is_refused_as_a_scan(tmp_path: Path) -> None:
    scan = make_pdf(tmp_path / "scan.pdf", [[], []])
    with pytest.raises(SourceError, match="no text layer: this PDF is a scan"):
        draft_from_file(scan)


def test_a_password_protected_pdf_is_refused(tmp_path: Path) -> None:
    plain = make_pdf(tmp_path / "plain.pdf", [["Secret words."]])
    writer = PdfWriter(clone_from=plain)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as stream:
        writer.write(stream)
    with pytest.raises(SourceError, match=r"locked.pdf is encrypted with a password"):
        draft_from_file(locked)


def test_a_pdf_locked_only_against_editing_is_read(tmp_path: Path) -> None:
    plain = make_pdf(tmp_path / "plain.pdf", [["Readable by anyone."]])
    writer = PdfWriter(clone_from=plain)
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    protected = tmp_path / "protected.pdf"
    with protected.open("wb") as stream:
        writer.write(stream)
    assert "Readable by anyone." in draft_from_file(protected).text


@pytest.mark.parametrize(
    "content",
    [b"%PDF-1.7\n" + os.urandom(2000), b"%PDF-1.4\n1 0 obj << /Type /Catalog", b""],
    ids=["random-after-header", "truncated", "empty"],
)
def test_a_broken_pdf_is_refused_in_one_line(tmp_path: Path, content: bytes) -> None:
    pdf = tmp_path / "broken.pdf"
    pdf.write_bytes(content)
    with pytest.raises(SourceError) as raised:
        draft_from_file(pdf)
    assert "broken.pdf" in str(raised.value) and "\n" not in str(raised.value)


def test_a_pdf_is_told_by_its_bytes_whatever_its_name(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "download", [["Words in a PDF saved without a suffix."]])
    assert "Words in a PDF saved without a suffix." in draft_from_file(pdf).text


# -- plain and pasted text --------------------------------------------------------------------


def test_a_text_file_is_kept_verbatim_but_for_line_endings(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_bytes(
        "\ufeffApple arrête ses ventes\r\n\r\n« Nous sommes  préoccupés »,\ta dit Apple.\r"
        "Fin.\n".encode()
    )
    draft = draft_from_file(article)
    assert draft.text == (
        "Apple arrête ses ventes\n\n« Nous sommes  préoccupés »,\ta dit Apple.\nFin.\n"
    )
    assert draft.title == "Apple arrête ses ventes"
    assert draft.origin == str(article)
    assert (draft.outlet, draft.url, draft.published_edtf) == ("", "", "")


def test_a_markdown_heading_becomes_the_title(tmp_path: Path) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("# Chronologie des retraits\n\nTexte.\n", encoding="utf-8")
    assert draft_from_file(notes).title == "Chronologie des retraits"


def test_text_that_is_not_utf8_is_refused_naming_the_position(tmp_path: Path) -> None:
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Déjà vu".encode("latin-1"))
    with pytest.raises(SourceError, match=r"latin1.txt is not UTF-8 text: byte 1 \(0xe9\)"):
        draft_from_file(latin)


def test_a_text_file_with_nul_bytes_is_refused(tmp_path: Path) -> None:
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"abc\x00def")
    with pytest.raises(SourceError, match="NUL character at 3"):
        draft_from_file(binary)


@pytest.mark.parametrize("name", ["empty.txt", "empty.html", "empty.pdf", "empty"])
def test_an_empty_file_is_refused(tmp_path: Path, name: str) -> None:
    empty = tmp_path / name
    empty.write_bytes(b"")
    with pytest.raises(SourceError, match=name):
        draft_from_file(empty)


def test_a_file_of_blank_lines_is_empty(tmp_path: Path) -> None:
    blank = tmp_path / "blank.txt"
    blank.write_text("\n \n\t\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"blank.txt is empty"):
        draft_from_file(blank)


@pytest.mark.parametrize("name", ["huge.txt", "huge.html", "huge"])
def test_a_huge_file_is_refused_without_reading_it_all(tmp_path: Path, name: str) -> None:
    huge = tmp_path / name
    with huge.open("wb") as stream:
        stream.truncate(200 * 1024 * 1024)  # sparse: no disk used
    with pytest.raises(SourceError, match=f"{name}: larger than"):
        draft_from_file(huge)


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    with pytest.raises(SourceError, match=r"pipe.html: a named pipe, not a regular file"):
        draft_from_file(fifo)


def test_a_device_a_folder_and_a_missing_file_are_refused(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="zero: a character device"):
        draft_from_file(Path("/dev/zero"))
    with pytest.raises(SourceError, match="is a folder"):
        draft_from_file(tmp_path)
    with pytest.raises(SourceError, match="no such file"):
        draft_from_file(tmp_path / "missing.txt")


def test_pasted_text_is_kept_verbatim_but_for_line_endings() -> None:
    draft = draft_from_text("\ufeff  Netflix refuse\r\nde diffuser les chaînes.\r\n")
    assert draft == SourceDraft(
        text="  Netflix refuse\nde diffuser les chaînes.\n",
        title="Netflix refuse",
        outlet="",
        author="",
        url="",
        published_edtf="",
        language="",
        origin="",
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "empty"), (" \n\t", "empty"), ("a\x00b", "NUL character at 1")],
)
def test_unusable_pasted_text_is_refused(text: str, message: str) -> None:
    with pytest.raises(SourceError, match=message):
        draft_from_text(text)


def test_too_much_pasted_text_is_refused() -> None:
    with pytest.raises(SourceError, match="larger than"):
        draft_from_text("x" * (MAX_TEXT_BYTES + 1))


def test_a_long_first_line_does_not_become_the_title() -> None:
    assert draft_from_text("word " * 200).title == ""


def test_a_file_name_with_a_line_break_still_gives_one_line(tmp_path: Path) -> None:
    odd = tmp_path / "two\nlines.txt"
    odd.write_bytes(b"\xff")
    with pytest.raises(SourceError) as raised:
        draft_from_file(odd)
    assert "\n" not in str(raised.value) and "two lines.txt is not UTF-8" in str(raised.value)
