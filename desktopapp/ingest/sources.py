"""Turning a file or pasted text into a source draft: the text to store and its metadata.

The draft is shown to the person for confirmation before it is stored, so the metadata is a
best reading, never a guess passed off as fact: what a page or PDF does not say stays empty.
The text is what quotes will be spans of, so it is kept as read (only line endings become
``\\n``); once stored it never changes.

- Plain text (``.txt``, ``.md``): UTF-8, with or without a byte order mark.
- Saved web pages (``.html``, ``.htm``, also a browser's "Web page, complete"): trafilatura
  extracts the article's main text and its metadata, from the HTML given and nothing else
  (no URL is passed, so nothing is fetched).
- PDFs: pypdf extracts the text layer page by page; a scan without one is refused.

Every input must be a regular file of bounded size (see :mod:`desktopapp.safe_files`); any
problem is one line in a :class:`SourceError`.
"""

from __future__ import annotations

import io
import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktopapp.domain.dates import DateError, parse_edtf
from desktopapp.domain.l10n import _, number
from desktopapp.safe_files import InputFileError, read_regular_file

MAX_TEXT_BYTES = 20 * 1024 * 1024  # an article is well under 1 MB; /dev/zero is endless
MAX_HTML_BYTES = 20 * 1024 * 1024  # a saved page with inline scripts and styles
MAX_PDF_BYTES = 100 * 1024 * 1024  # a report with its figures
MAX_PDF_PAGES = 2000
MAX_TITLE = 300

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
PDF_SUFFIXES = {".pdf"}
ARCHIVE_SUFFIXES = {".mhtml", ".mht", ".webarchive", ".maff"}


class SourceError(ValueError):
    """A file or text that cannot become a source; the message is one line for the person."""


@dataclass(frozen=True)
class SourceDraft:
    """A source as read, before the person confirms its metadata and it is stored."""

    text: str
    title: str
    outlet: str
    author: str
    url: str
    published_edtf: str
    language: str
    origin: str  # the file it came from; "" for pasted text


def draft_from_file(path: Path) -> SourceDraft:
    """Read a text file, a saved web page or a PDF; raise SourceError saying what is wrong."""
    try:
        return _draft_from_file(Path(path))
    except SourceError as error:
        # One line whatever the file is called: a name may hold a line break.
        raise SourceError(" ".join(str(error).split())) from None


def _draft_from_file(path: Path) -> SourceDraft:
    suffix = path.suffix.lower()
    if suffix in ARCHIVE_SUFFIXES:
        raise SourceError(
            _(
                "{file}: a web archive ({suffix}) is not read; save the page as "
                "“Web page, complete” or “HTML only”"
            ).format(file=path.name, suffix=suffix)
        )
    # A file named otherwise is read up to the largest bound, then told by its first bytes.
    data = _read(path, _LIMITS.get(_kind_by_name(suffix), MAX_PDF_BYTES))
    kind = _kind_by_name(suffix) or _kind_by_content(data)
    if len(data) > _LIMITS[kind]:
        raise SourceError(
            _("{file}: larger than {size} MB").format(
                file=path.name, size=number(_LIMITS[kind] // 1_000_000)
            )
        )
    if kind == "pdf":
        return _draft_from_pdf(path, data)
    if kind == "html":
        return _draft_from_html(path, data)
    return _draft_from_plain(_decode_text(data, path.name), origin=str(path), name=path.stem)


def draft_from_text(text: str) -> SourceDraft:
    """A draft of pasted text: line endings made ``\\n``, everything else kept."""
    if len(text) > MAX_TEXT_BYTES:
        raise SourceError(
            _("the pasted text is larger than {size} MB").format(
                size=number(MAX_TEXT_BYTES // 1_000_000)
            )
        )
    return _draft_from_plain(
        _checked_text(text.removeprefix("\ufeff"), _("the pasted text")), origin="", name=""
    )


_LIMITS = {"pdf": MAX_PDF_BYTES, "html": MAX_HTML_BYTES, "text": MAX_TEXT_BYTES}


def _read(path: Path, limit: int) -> bytes:
    if path.is_dir():
        raise SourceError(_("{path} is a folder; give a file").format(path=path))
    try:
        return read_regular_file(path, limit)
    except FileNotFoundError:
        raise SourceError(_("{path}: no such file").format(path=path)) from None
    except InputFileError as error:
        raise SourceError(
            _("{path}: {reason}").format(path=path.name, reason=error.strerror)
        ) from None
    except OSError as error:
        raise SourceError(
            _("{file} cannot be read: {reason}").format(
                file=path.name, reason=error.strerror or error
            )
        ) from None


def _kind_by_name(suffix: str) -> str:
    for kind, suffixes in (("pdf", PDF_SUFFIXES), ("html", HTML_SUFFIXES), ("text", TEXT_SUFFIXES)):
        if suffix in suffixes:
            return kind
    return ""


def _kind_by_content(data: bytes) -> str:
    if data.startswith(b"%PDF-"):
        return "pdf"
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html", b"<!-- saved from url")):
        return "html"
    return "text"


# -- plain text -------------------------------------------------------------------------------


def _decode_text(data: bytes, name: str) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise SourceError(
            _(
                "{file} is not UTF-8 text: byte {byte} ({hex}) cannot be read; save it as UTF-8"
            ).format(file=name, byte=error.start, hex=f"0x{data[error.start]:02x}")
        ) from None
    return _checked_text(text.removeprefix("\ufeff"), name)


def _checked_text(text: str, name: str) -> str:
    if "\x00" in text:
        raise SourceError(
            _("{file} holds a NUL character at {at}: it is not a text file").format(
                file=name, at=text.index(chr(0))
            )
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise SourceError(_("{file} is empty").format(file=name))
    return text


def _draft_from_plain(text: str, *, origin: str, name: str) -> SourceDraft:
    first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    title = first_line.lstrip("#").strip() if len(first_line) <= MAX_TITLE else name
    return SourceDraft(
        text=text,
        title=title or name,
        outlet="",
        author="",
        url="",
        published_edtf="",
        language="",
        origin=origin,
    )


# -- saved web pages --------------------------------------------------------------------------

# Chrome and Internet Explorer mark a saved page with the address it came from.
_SAVED_FROM = re.compile(rb"<!--\s*saved from url=\(\d+\)(https?://[^\s>]+?)\s*-->", re.I)


# Control bytes no text encoding of a web page uses (tab, line feed, form feed, carriage
# return and ESC, which ISO-2022 pages need, are left out). A saved page in any 8-bit or
# UTF-8 encoding has next to none; random bytes have about one in ten.
_CONTROL_BYTES = bytes(set(range(32)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B})
_MOST_CONTROL_BYTES = 0.01


def _is_binary(head: bytes) -> bool:
    """Whether the start of a file is binary data rather than a page's text: a NUL, or more
    control bytes than any text would hold (a lenient HTML parser finds "text" in noise)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16: NULs and controls are text
        return False
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls > _MOST_CONTROL_BYTES * max(1, len(head))


def _draft_from_html(path: Path, data: bytes) -> SourceDraft:
    import trafilatura  # imported when needed: it loads lxml and its language data

    if _is_binary(data[:65536]):
        raise SourceError(
            _("{file} is not a web page: it holds binary data").format(file=path.name)
        )
    tree = trafilatura.load_html(data)
    if tree is None:
        raise SourceError(_("{file} is not a web page: no HTML found in it").format(file=path.name))
    language = _page_language(tree)
    # Trafilatura logs its doubts about odd pages at WARNING and above; the one line the
    # person needs is the SourceError below.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        found = trafilatura.bare_extraction(
            tree,
            url=None,  # never a URL: nothing is fetched, and no address is invented
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            # Precision over recall: an advertisement inside the article body ("Scroll to
            # continue") would otherwise be stored as if the report said it.
            favor_precision=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as error:  # a third-party parser on untrusted markup: say it in one line
        raise SourceError(
            _("{file}: the page cannot be read ({reason})").format(
                file=path.name, reason=type(error).__name__
            )
        ) from None
    page: dict[str, Any] = found if isinstance(found, dict) else found.as_dict() if found else {}
    if not str(page.get("text") or "").strip():
        raise SourceError(_("{file}: no article text found in the page").format(file=path.name))
    return SourceDraft(
        text=_checked_text(str(page["text"]), path.name),
        title=_one_line(page.get("title")) or path.stem,
        outlet=_one_line(page.get("sitename")),
        author=_one_line(page.get("author")),
        url=_page_url(page.get("url"), data),
        published_edtf=_published(page.get("date")),
        language=language,
        origin=str(path),
    )


def _one_line(value: object) -> str:
    return " ".join(str(value).split())[:MAX_TITLE] if value else ""


def _page_url(found: object, data: bytes) -> str:
    url = _one_line(found)
    if url.startswith(("http://", "https://")):
        return url
    saved = _SAVED_FROM.search(data[:4096])
    return saved.group(1).decode("ascii", "replace") if saved else ""


def _published(value: object) -> str:
    """The page's date as EDTF at the precision given (htmldate gives days), or ""."""
    if not isinstance(value, str) or not value:
        return ""
    try:
        return parse_edtf(value[:10]).edtf()
    except DateError:
        return ""


def _page_language(tree: Any) -> str:
    """The page's language as its markup declares it: <html lang>, a Content-Language
    header copy, og:locale, or JSON-LD inLanguage; "" when none does."""
    candidates: list[str] = [
        tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang") or ""
    ]
    for meta in tree.iter("meta"):
        key = (meta.get("http-equiv") or meta.get("property") or meta.get("name") or "").lower()
        if key in ("content-language", "og:locale", "language", "dc.language"):
            candidates.append(meta.get("content") or "")
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json":
            candidates.append(_json_ld_language(script.text or ""))
    for candidate in candidates:
        code = candidate.strip().replace("_", "-").split("-")[0].lower()
        if re.fullmatch(r"[a-z]{2,3}", code):
            return code
    return ""


def _json_ld_language(text: str) -> str:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return ""
    items = data if isinstance(data, list) else [data]
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("inLanguage"), str):
            return str(item["inLanguage"])
    return ""


# -- PDFs -------------------------------------------------------------------------------------


def _draft_from_pdf(path: Path, data: bytes) -> SourceDraft:
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # its repairs are not the user's
    try:
        reader = PdfReader(io.BytesIO(data))
        _unlock(reader, path.name)
        pages = reader.pages
        if len(pages) > MAX_PDF_PAGES:
            raise SourceError(
                _("{file} has {pages} pages; at most {limit} are read").format(
                    file=path.name, pages=number(len(pages)), limit=number(MAX_PDF_PAGES)
                )
            )
        texts = [page.extract_text() or "" for page in pages]
        info = reader.metadata
        title, author = (_one_line(info.title), _one_line(info.author)) if info else ("", "")
        language = _pdf_language(reader)
    except SourceError:
        raise
    except Exception as error:  # pypdf on untrusted bytes raises many kinds: one line for all
        raise SourceError(
            _("{file} is not a readable PDF ({reason})").format(
                file=path.name, reason=_reason(error)
            )
        ) from None
    text = "\n\n".join(_page_text(page) for page in texts)
    if not text.strip():
        raise SourceError(_("{file}: no text layer: this PDF is a scan").format(file=path.name))
    return SourceDraft(
        text=_checked_text(text, path.name),
        title=title or path.stem,
        outlet="",
        author=author,
        url="",
        published_edtf="",
        language=language,
        origin=str(path),
    )


def _page_text(extracted: str) -> str:
    """A page's text as a person would quote it. pypdf marks the gap between words that a PDF
    places one by one (as Qt's do) with a tab, and leaves spaces at line ends: a quote typed
    from the page has single spaces, so gaps become one space and line ends lose theirs."""
    lines = (_WORD_GAP.sub(" ", line).rstrip() for line in extracted.splitlines())
    return "\n".join(lines).strip("\n")


_WORD_GAP = re.compile(r"[ \t]*\t[ \t]*")


def _unlock(reader: Any, name: str) -> None:
    """Open a PDF that is encrypted only against editing (an empty user password), as
    every viewer does; refuse one that needs a password to be read."""
    if not reader.is_encrypted:
        return
    try:
        unlocked = reader.decrypt("")
    except Exception:  # an unknown scheme, or its cryptography package missing
        unlocked = 0
    if not unlocked:
        raise SourceError(
            _("{file} is encrypted with a password; give an unprotected copy").format(file=name)
        )


def _pdf_language(reader: Any) -> str:
    language = reader.trailer["/Root"].get("/Lang")
    code = str(language or "").strip().replace("_", "-").split("-")[0].lower()
    return code if re.fullmatch(r"[a-z]{2,3}", code) else ""


def _reason(error: Exception) -> str:
    text = " ".join(str(error).split())
    return text[:80] if text else type(error).__name__
