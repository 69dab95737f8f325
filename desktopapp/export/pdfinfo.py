"""Add /Subject and /Keywords to the document information of a PDF written by QPdfWriter.

QPdfWriter sets the title, author and creator but has no setter for the subject or keywords,
which document managers and search tools show. Rather than add a PDF library as a runtime
dependency for two fields, this appends a standard *incremental update* (ISO 32000-1, 7.5.6):
a new revision of the information dictionary, one cross-reference entry for it and a trailer
pointing back at the previous one. The bytes Qt wrote are left exactly as they were.

It supports what Qt writes (a classic cross-reference table, the information dictionary as a
plain object) and refuses anything else with an ExportError rather than guess.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import BinaryIO

from desktopapp.export.files import ExportError

_TAIL = 4096
_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_TRAILER = re.compile(rb"trailer\s*<<(.*?)>>\s*startxref", re.DOTALL)
_REF = re.compile(rb"/(Info|Root)\s+(\d+)\s+(\d+)\s+R")
_SIZE = re.compile(rb"/Size\s+(\d+)")
_ID = re.compile(rb"/ID\s*\[[^\]]*\]")
_SECTION = re.compile(rb"xref\s+(\d+)\s+(\d+)\s+")


def add_document_info(path: Path, *, subject: str, keywords: str) -> None:
    """Append an incremental update giving the PDF at ``path`` a subject and keywords."""
    with open(path, "rb+") as stream:
        size = stream.seek(0, os.SEEK_END)
        stream.seek(max(0, size - _TAIL))
        tail = stream.read()
        end = _STARTXREF.search(tail)
        trailer = _TRAILER.search(tail)
        if end is None or trailer is None:
            raise ExportError(f"{path.name}: unexpected PDF structure (no trailer)")
        xref_offset = int(end.group(1))
        refs = {m.group(1): (int(m.group(2)), int(m.group(3))) for m in _REF.finditer(trailer[1])}
        count = _SIZE.search(trailer[1])
        if b"Info" not in refs or b"Root" not in refs or count is None:
            raise ExportError(f"{path.name}: unexpected PDF structure (trailer)")
        info_number, info_generation = refs[b"Info"]
        info_offset = _object_offset(stream, xref_offset, info_number, path)
        stream.seek(info_offset)
        chunk = stream.read(64 * 1024)
        close = chunk.find(b"endobj")
        open_ = chunk.find(b"<<")
        if close < 0 or open_ < 0 or open_ > close:
            raise ExportError(f"{path.name}: unexpected PDF structure (information object)")
        body = chunk[open_:close].rstrip()
        if not body.endswith(b">>"):
            raise ExportError(f"{path.name}: unexpected PDF structure (information dictionary)")
        entries = body[:-2].rstrip() + (
            b"\n/Subject " + _text(subject) + b"\n/Keywords " + _text(keywords) + b"\n>>"
        )
        update = bytearray(b"\n")
        object_offset = size + len(update)
        update += b"%d %d obj\n" % (info_number, info_generation) + entries + b"\nendobj\n"
        new_xref = size + len(update)
        update += b"xref\n%d 1\n%010d %05d n \n" % (info_number, object_offset, info_generation)
        identifier = _ID.search(trailer[1])
        update += b"trailer\n<<\n/Size %d\n/Info %d %d R\n/Root %d %d R\n" % (
            int(count.group(1)),
            info_number,
            info_generation,
            *refs[b"Root"],
        )
        if identifier is not None:
            update += identifier.group(0) + b"\n"
        update += b"/Prev %d\n>>\nstartxref\n%d\n%%%%EOF\n" % (xref_offset, new_xref)
        stream.seek(0, os.SEEK_END)
        stream.write(bytes(update))


def _object_offset(stream: BinaryIO, xref_offset: int, number: int, path: Path) -> int:
    stream.seek(xref_offset)
    head = stream.read(64)
    section = _SECTION.match(head)
    if section is None:
        raise ExportError(f"{path.name}: unexpected PDF structure (cross-reference table)")
    first, entries = int(section.group(1)), int(section.group(2))
    if not first <= number < first + entries:
        raise ExportError(f"{path.name}: unexpected PDF structure (information entry)")
    stream.seek(xref_offset + section.end() + 20 * (number - first))
    entry = stream.read(20)
    if len(entry) != 20 or entry[17:18] != b"n":
        raise ExportError(f"{path.name}: unexpected PDF structure (information entry)")
    return int(entry[:10])


def _text(value: str) -> bytes:
    """A PDF text string: UTF-16BE with a byte order mark, written in hex (no escaping)."""
    # A lone surrogate cannot be encoded: it becomes "?" rather than failing the export.
    return b"<FEFF" + value.encode("utf-16-be", "replace").hex().upper().encode("ascii") + b">"
