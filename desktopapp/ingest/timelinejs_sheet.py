"""TimelineJS's spreadsheet template saved as CSV, read back into slides: the template's
columns (Year … Background, by name, in any order, any case), ``,`` ``;`` or tab as the
separator (the one that makes the first line name most columns), UTF-8 with or without a
BOM, Excel's dialect (quoted cells holding newlines and doubled quotes). A row is numbered by
the line it starts on. Rows of Type "title" and "era" are read as the JSON's title slide and
eras; every other row becomes an entry by the rules of :mod:`desktopapp.ingest.timelinejs_import`.

A sheet cut short is refused: a spreadsheet writes every cell of every row, so a last row
with fewer cells and no line end, or a quoted cell never closed, is a cut file.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Mapping
from typing import Any

from desktopapp.domain.l10n import N_, _, number
from desktopapp.ingest.importing import MAX_IMPORT_BYTES, ImportFileError, ImportPlan, Where
from desktopapp.ingest.timelinejs_import import RawDate, Slide, add_slide

SHEET_COLUMNS = (
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Type",
    "Group",
    "Background",
)
_COLUMN_BY_NAME = {name.casefold(): name for name in SHEET_COLUMNS}
_SEPARATORS = (",", ";", "\t")
# Our CSV exports put an apostrophe before a cell that a spreadsheet would run as a formula
# (export/plaintext.py, FORMULA_STARTS): read back, the cell is the text it was.
# A carriage return there was also made visible, as ␍ (U+240D), which is what is read back.
_DEFUSED = tuple("'" + start for start in ("=", "+", "-", "@", "\t", "\u240d"))
_TIME = re.compile(
    r"(?P<hour>[0-9]{1,2})(?::(?P<minute>[0-9]{2})(?::(?P<second>[0-9]{2})(?:\.(?P<ms>[0-9]{1,3}))?)?)?"
    r"\s*(?P<half>[ap]\.?m\.?)?",
    re.IGNORECASE,
)


def read_sheet(data: bytes, plan: ImportPlan) -> None:
    """A CSV of TimelineJS's spreadsheet template into the plan."""
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            _("{file}: not UTF-8 text (byte {byte}); save the sheet as CSV UTF-8").format(
                file=plan.file_name, byte=number(error.start)
            )
        ) from None
    separator, columns = _header(text, plan.file_name)
    unknown = [name for name in columns if name and name not in SHEET_COLUMNS]
    if unknown:
        plan.report.note(
            _("Columns not read (TimelineJS has no such column): {columns}.").format(
                columns=", ".join(unknown[:10])
            )
        )
    for line, cells in _records(text, separator, len(columns), plan.file_name):
        row = {name: _cell(value) for name, value in zip(columns, cells, strict=False) if name}
        if not any(value.strip() for value in row.values()):
            continue  # an empty row of the sheet holds nothing to lose
        where = Where("line", line)
        if len(cells) < len(columns):
            plan.report.skip(
                where, N_("with fewer cells than the header has columns (a damaged row)")
            )
            continue
        add_slide(_sheet_slide(row, where), plan)


def _header(text: str, name: str) -> tuple[str, list[str]]:
    """The separator and the columns (by their template names, "" for others) of the sheet:
    the separator is the one that makes the first line name most of the template's columns."""
    first = text.split("\n", 1)[0]
    best: tuple[int, str, list[str]] = (0, ",", [])
    for separator in _SEPARATORS:
        cells = next(csv.reader([first], delimiter=separator), [])
        names = [_COLUMN_BY_NAME.get(cell.strip().casefold(), cell.strip()) for cell in cells]
        known = sum(n in SHEET_COLUMNS for n in names)
        if known > best[0]:
            best = (known, separator, names)
    known, separator, names = best
    if "Year" not in names or not ({"Headline", "Text"} & set(names)):
        raise ImportFileError(
            _(
                "{file}: not a TimelineJS sheet (its first line does not name the template's "
                "columns Year … Headline, Text)"
            ).format(file=name)
        )
    return separator, names


def _records(text: str, separator: str, width: int, name: str) -> Iterator[tuple[int, list[str]]]:
    """(the line a record starts on, its cells) after the header, Excel's dialect."""
    # A cell may hold a whole article: the csv module's default limit is 128 KB a cell
    # (the limit is the module's, process-wide; raising it only lets more be read).
    csv.field_size_limit(max(csv.field_size_limit(), MAX_IMPORT_BYTES))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    try:
        next(reader)
        start = reader.line_num + 1
        for cells in reader:
            yield start, cells
            start = reader.line_num + 1
    except csv.Error as error:
        raise ImportFileError(
            _("{file}: line {line}: not readable as CSV ({reason}); is the file complete?").format(
                file=name, line=reader.line_num, reason=error
            )
        ) from None
    if cells_cut := _last_record_cut(text, separator, width):
        raise ImportFileError(
            _(
                "{file}: the last line stops after {n} of the header's {width} cells, "
                "with no line end: the file seems cut short"
            ).format(file=name, n=number(cells_cut), width=number(width))
        )


def _last_record_cut(text: str, separator: str, width: int) -> int:
    """How many cells the last record has, if it is short and ends without a line break
    (a spreadsheet writes every column of every row: such a record was cut), else 0."""
    if not text or text.endswith(("\n", "\r")):
        return 0
    last = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
    if len(last) < 2:
        return 0
    cells = len(last[-1])
    return cells if cells < width else 0


def _cell(value: str) -> str:
    return value[1:] if value.startswith(_DEFUSED) else value


def _sheet_slide(row: Mapping[str, str], where: Where) -> Slide:
    background = row.get("Background", "").strip()
    is_colour = bool(background) and not re.match(r"[a-z][a-z0-9+.-]*:", background, re.I)
    slide = Slide(
        where=where,
        headline=row.get("Headline", ""),
        text=row.get("Text", ""),
        start=_sheet_date(row, "", where),
        end=_sheet_date(row, "End ", where),
        display_date=row.get("Display Date", ""),
        group=row.get("Group", ""),
        media_url=row.get("Media", ""),
        media_credit=row.get("Media Credit", ""),
        media_caption=row.get("Media Caption", ""),
        thumbnail=row.get("Media Thumbnail", ""),
        background="" if is_colour else background,
        background_colour=background if is_colour else "",
        kind=row.get("Type", "").strip().lower(),
    )
    slide.display_name = "Display Date"
    if slide.kind not in ("", "title", "era"):
        slide.notes.append(N_("with a Type other than title or era: imported as events"))
        slide.kind = ""
    return slide


def _sheet_date(row: Mapping[str, str], prefix: str, where: Where) -> RawDate | None:
    parts: dict[str, Any] = {
        "year": row.get(f"{prefix}Year", ""),
        "month": row.get(f"{prefix}Month", ""),
        "day": row.get(f"{prefix}Day", ""),
    }
    time = row.get(f"{prefix}Time", "").strip()
    if not any(str(v).strip() for v in parts.values()) and not time:
        return None
    if time:
        parts.update(_sheet_time(time))
    written = ", ".join(
        f"{prefix}{column} {row.get(prefix + column, '').strip()}"
        for column in ("Year", "Month", "Day", "Time")
        if row.get(prefix + column, "").strip()
    )
    return RawDate(parts, written)


def _sheet_time(text: str) -> dict[str, Any]:
    """The Time cell's parts: "14:30", "2:30 PM", "14:30:05"; a cell that is no time
    ("noon", "morning") is kept as written, for the claim."""
    match = _TIME.fullmatch(text.strip())
    hour = int(match["hour"]) if match else -1
    if match and match["half"]:
        hour = (
            hour % 12 + (12 if match["half"].lower().startswith("p") else 0)
            if 1 <= hour <= 12
            else -1
        )
    if match is None or hour < 0:
        return {"written_time": text.strip()}
    return {
        "hour": hour,
        "minute": match["minute"],
        "second": match["second"],
        "millisecond": match["ms"],
    }
