"""TimelineJS files read back: its JSON (Knight Lab's ``json-format``, and TimelineJS 2's
older ``{"timeline": {"date": [...]}}``), and the rules every TimelineJS slide is imported by.

The JSON here and the sheet (:mod:`desktopapp.ingest.timelinejs_sheet`) are both read into the
same :class:`Slide` (the raw fields, as the file had them), then made an
:class:`~desktopapp.ingest.importing.Entry` by one function, so the two formats agree on every
rule:

* dates keep the precision the file gave: ``{"year": 2022}`` is the year 2022, with a month
  it is that month, with a day that day; a start and an end make an interval ("on some day
  within", as our export writes it). A time of day keeps its precision too: an hour is an
  hour (``2022-03-01T14``), with minutes a minute, with seconds a second; TimelineJS gives no
  zone, so none is stated (local time as the file gave it). What the dates cannot hold (a
  sheet's "noon", 24:00, a leap second, milliseconds) stays at the precision below it, the
  time kept in the claim, and the report says so. ``~`` and
  ``?`` in a ``display_date`` written as our export writes them are read back as EDTF's
  qualifiers;
* HTML (headlines, texts, credits) becomes readable plain text
  (:mod:`desktopapp.ingest.html_text`);
* media, thumbnails and backgrounds are kept as links (their URLs as given, their credit and
  caption as text); media with no URL keeps its credit and caption in the claim;
* the title slide names the timeline; eras are not imported (an era means "all along", which
  no date here says) and are reported;
* lone surrogates (``\\ud800``) and NUL characters, which no text column can hold, become
  U+FFFD, saying so.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from itertools import product
from typing import Any

from desktopapp.db.edits import MAX_FIELD, MAX_SUMMARY, MAX_TITLE
from desktopapp.domain.dates import DateError, DatePoint, FuzzyDate, display_date, parse_edtf
from desktopapp.domain.grouping import NO_ACTING_ACTOR_LABEL
from desktopapp.domain.l10n import N_, _, number, pgettext
from desktopapp.ingest.html_text import plain_text
from desktopapp.ingest.importing import (
    Entry,
    ImportFileError,
    ImportPlan,
    Where,
)

# Where the commands stop (db/edits.py): a longer text is cut here, saying so, rather than
# refusing the whole import.
MAX_CLAIM = MAX_SUMMARY
MAX_NAME = MAX_URL = MAX_FIELD
TITLE_FROM_TEXT = 80  # a slide without a headline is titled with this much of its text


class SkipEntry(Exception):
    """This entry cannot be imported; the message completes "3 slides …"."""


# -- the raw slide --------------------------------------------------------------------------


@dataclass
class RawDate:
    """A date as the file gave it: each part as written (number, string, null)."""

    parts: dict[str, Any]  # year, month, day, hour, minute, second, millisecond
    written: str  # for the citation: "start_date 2022-03-01 14:30" / "Year 2022, Month 3"
    display: str = ""  # its own display_date


@dataclass
class Slide:
    """One slide (or sheet row) with its fields as the file had them (text still HTML)."""

    where: Where
    headline: str = ""
    text: str = ""
    start: RawDate | None = None
    end: RawDate | None = None
    display_date: str = ""
    group: str = ""
    media_url: str = ""
    media_credit: str = ""
    media_caption: str = ""
    media_link: str = ""  # where clicking the media leads (TimelineJS 3's media.link)
    thumbnail: str = ""
    background: str = ""  # a URL (a colour is kept in background_colour)
    background_colour: str = ""
    unique_id: str = ""
    kind: str = ""  # "", "title" or "era" (the sheet's Type column)
    display_name: str = "display_date"  # what the file calls its display date
    notes: list[str] = field(default_factory=list)  # adjustments found while reading it


_NUMBER = re.compile(r"[+-]?[0-9]+(?:\.0*)?")


def _number(value: Any, what: str) -> int | None:
    """An integer as a file may write one: 3, 3.0, "3", "03", " 3 "; None for null or ""."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise _unreadable(what)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and _NUMBER.fullmatch(value.strip()):
        return int(float(value.strip())) if "." in value else int(value.strip())
    raise _unreadable(what)


# The parts of a date ``_number`` reads, as it names them (``what``), for the catalogue.
_DATE_PART_NAMES = (
    N_("start year"),
    N_("start month"),
    N_("start day"),
    N_("start hour"),
    N_("start minute"),
    N_("start second"),
    N_("start millisecond"),
    N_("end year"),
    N_("end month"),
    N_("end day"),
    N_("end hour"),
    N_("end minute"),
    N_("end second"),
    N_("end millisecond"),
)


def _unreadable(what: str) -> SkipEntry:
    return SkipEntry(_("with an unreadable {what}").format(what=_(what)))


def _which(which: str) -> str:
    """ "start" or "end" of a date, as the skip reasons put it before a part of it."""
    return pgettext("date point", "end") if which == "end" else pgettext("date point", "start")


@dataclass(frozen=True)
class _Point:
    point: DatePoint
    time: str  # "" or the time of day as the file gave it: "14h", "14:30", "14:30:05"
    lost: str = ""  # what of that time the date could not hold, for the report


def _point(raw: RawDate, which: str) -> _Point:
    parts = raw.parts
    year = _number(parts.get("year"), f"{which} year")
    month = _number(parts.get("month"), f"{which} month")
    day = _number(parts.get("day"), f"{which} day")
    if year is None:
        if which == "end":
            raise SkipEntry(N_("with an end date but no end year"))
        raise SkipEntry(N_("without a date"))
    if not 1 <= year <= 9999:
        raise SkipEntry(N_("with a year this timeline cannot hold (before 1 or after 9999)"))
    if day is not None and month is None:
        raise SkipEntry(_("with a {which} day but no month").format(which=_which(which)))
    edtf = f"{year:04d}" + (f"-{month:02d}" if month is not None else "")
    edtf += f"-{day:02d}" if day is not None else ""
    try:
        if month is not None and not 1 <= month <= 12:
            raise DateError("no such month")
        point = parse_edtf(edtf).start
    except DateError:
        raise SkipEntry(
            _("with a {which} date that names no real day").format(which=_which(which))
        ) from None
    return _timed(point, parts, which)


def _timed(point: DatePoint, parts: Mapping[str, Any], which: str) -> _Point:
    """The point with the time of day the parts give, at their precision; what a date cannot
    hold (no time of day, 24:00, a leap second, milliseconds) left out and named in ``lost``."""
    written = _time(parts, which)
    if written and point.day is None:
        raise SkipEntry(N_("with a time of day but no day"))
    if not written or parts.get("written_time"):
        return _Point(point, written, N_("a time that is no time of day") if written else "")
    hour = _number(parts.get("hour"), f"{which} hour")
    minute = _number(parts.get("minute"), f"{which} minute")
    second = _number(parts.get("second"), f"{which} second")
    if hour == 24:  # the end of the day: no moment of the day it is on
        return _Point(point, written, N_("the time 24:00"))
    lost = ""
    if minute is None and second is not None:  # "14h and 5 s" is no time a date can write
        second, lost = None, N_("a second but no minute")
    elif second == 60:
        second, lost = None, N_("a leap second")
    elif _number(parts.get("millisecond"), f"{which} millisecond") is not None:
        lost = N_("milliseconds")
    timed = replace(point, hour=hour, minute=minute, second=second)
    return _Point(timed, written, lost)


def _time(parts: Mapping[str, Any], which: str) -> str:
    if parts.get("written_time"):
        return f"“{parts['written_time']}”"  # a sheet's Time that is no time of day
    hour = _number(parts.get("hour"), f"{which} hour")
    minute = _number(parts.get("minute"), f"{which} minute")
    second = _number(parts.get("second"), f"{which} second")
    millisecond = _number(parts.get("millisecond"), f"{which} millisecond")
    if hour is None:
        if minute is not None or second is not None:
            raise SkipEntry(
                _("with a {which} minute or second but no hour").format(which=_which(which))
            )
        return ""
    if not 0 <= hour <= 24 or not 0 <= (minute or 0) <= 59 or not 0 <= (second or 0) <= 60:
        raise SkipEntry(_("with a {which} time of day that is no time").format(which=_which(which)))
    if minute is None:
        return f"{hour:02d}h"  # an hour stays an hour: not "14:00"
    text = f"{hour:02d}:{minute:02d}"
    if second is not None:
        text += f":{second:02d}"
        if millisecond is not None:
            text += f".{millisecond:03d}"
    return text


@dataclass(frozen=True)
class _Dated:
    edtf: str
    times: str  # "" or "14:30 (start), 16h (end)"


def _dated(slide: Slide, report_adjust: Callable[[str], None]) -> _Dated:
    """The slide's EDTF date, at the precision it gave; its times of day set apart."""
    if slide.start is None:
        raise SkipEntry(N_("without a date"))
    start = _point(slide.start, "start")
    end = _end_point(slide.end, start)
    for point in (start, end):
        if point is not None and point.lost:
            report_adjust(
                _(
                    "with {lost}, which a date cannot hold: dated without it, "
                    "the time kept in the claim"
                ).format(lost=_(point.lost))
            )
    times = ", ".join(
        f"{p.time} ({name})" if end is not None else p.time
        for p, name in ((start, "start"), (end, "end"))
        if p is not None and p.time
    )
    date = FuzzyDate(start.point)
    if end is not None and end.point != start.point:
        # Asked of the dates, not of DateError's words (they are in the reader's language).
        if start.point.first_moment() > end.point.last_moment():
            raise SkipEntry(N_("whose end date is before its start date"))
        try:
            date = parse_edtf(f"{start.point.edtf()}/{end.point.edtf()}")
        except DateError:
            report_adjust(N_("whose start and end are the same date: imported as that one date"))
    date = _qualified(date, slide.display_date or slide.start.display)
    if date.approximate or date.uncertain:
        report_adjust(N_("whose display date marks it approximate (~) or uncertain (?): dated so"))
    return _Dated(date.edtf(), times)


def _end_point(raw: RawDate | None, start: _Point) -> _Point | None:
    """The end, if the slide has one; an end time alone ends on the start's day."""
    if raw is None:
        return None
    if all(raw.parts.get(name) in (None, "") for name in ("year", "month", "day")):
        day = replace(start.point, hour=None, minute=None, second=None)
        end = _timed(day, raw.parts, "end")
        return end if end.time else None
    return _point(raw, "end")


_MARKS = ((False, False), (False, True), (True, False), (True, True))  # (uncertain, approx.)
_ZONE_SAID = re.compile(r"\bUTC([+-][0-9]{2}:[0-9]{2})?")


def _qualified(date: FuzzyDate, display: str) -> FuzzyDate:
    """``date`` with the ``~``/``?`` marks, and the zone of its times, of its display date,
    when that display date is exactly the words our export writes for the date so marked
    (:func:`~desktopapp.domain.dates.display_date`: "March 2022~", "2022?", "some day between
    March 2022~ and April 2022", "1 March 2022, 09:30 UTC+01:00"); else ``date`` as it is."""
    words = " ".join(plain_text(display).split())
    if not any(sign in words for sign in ("~", "?", "UTC")):
        return date  # our words for a date without marks or zone: the date as it is
    zones = {None, *("Z" if not m[1] else m[1] for m in _ZONE_SAID.finditer(words))}
    ends = [date.start] if date.end is None else [date.start, date.end]
    choices = [
        [
            replace(end, uncertain=uncertain, approximate=approximate, zone=zone)
            for uncertain, approximate in _MARKS
            for zone in (zones if end.timed else {end.zone})
        ]
        for end in ends
    ]
    for candidate in product(*choices):
        said = FuzzyDate(*candidate)
        if display_date(said) == words:
            try:
                return parse_edtf(said.edtf())  # an interval's two zones must agree
            except DateError:
                return date
    return date


# -- a slide as an entry --------------------------------------------------------------------

_NOT_TEXT = re.compile("[\x00\ud800-\udfff]")


def clean(text: str) -> tuple[str, bool]:
    """(``text`` with NUL and lone surrogates as U+FFFD, whether any was replaced)."""
    cleaned = _NOT_TEXT.sub("\ufffd", text)
    return cleaned, cleaned != text


def entry_of(slide: Slide, plan: ImportPlan) -> Entry | None:
    """The slide as an entry of the plan, or None (reported) when it cannot be one."""
    report = plan.report
    where = slide.where

    def adjust(what: str) -> None:
        report.adjust(where, what)

    try:
        dated = _dated(slide, adjust)
    except SkipEntry as skip:
        report.skip(where, str(skip))
        return None
    headline = _text(slide.headline, adjust)
    body = _text(slide.text, adjust)
    title = " ".join(headline.split())
    if not title:
        if not body:
            report.skip(where, N_("with neither a headline nor a text"))
            return None
        title = _cut(" ".join(body.split()), TITLE_FROM_TEXT)
        adjust(N_("without a headline: titled from the start of the text"))
    elif len(title) > MAX_TITLE:
        title = _cut(title, MAX_TITLE)
        adjust(
            _(
                "with a headline longer than {limit} characters: cut in the title, "
                "whole in the claim"
            ).format(limit=number(MAX_TITLE))
        )
    # The headline is in the claim when the title does not hold it whole, or when it is all
    # the file said: a claim always has the file's words.
    whole = title == " ".join(headline.split())
    claim = _claim(slide, headline if not (whole and body) else "", body, dated, adjust)
    for note in slide.notes:
        adjust(note)
    return Entry(
        where=where,
        title=title,
        date_edtf=dated.edtf,
        date_as_written=_date_sentence(slide),
        claim=claim,
        group=_group(slide.group, adjust),
        links=_links(slide, adjust),
        key=slide.unique_id.strip() or None,
    )


def _text(markup: str, adjust: Callable[[str], None]) -> str:
    text, replaced = clean(plain_text(markup))
    if replaced:
        adjust(N_("with characters no text can hold (NUL, lone surrogates): shown as �"))
    return text


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _claim(
    slide: Slide, headline: str, body: str, dated: _Dated, adjust: Callable[[str], None]
) -> str:
    """What the file said of the entry, as plain text: its text, its headline when the
    title could not hold it, media without an address, the time of day."""
    parts = [part for part in (headline, body) if part]
    if not slide.media_url.strip() and (slide.media_credit or slide.media_caption):
        said = "; ".join(
            p for p in (_text(slide.media_caption, adjust), _text(slide.media_credit, adjust)) if p
        )
        parts.append(f"Media (no address given): {said}")
        adjust(N_("with media but no URL: its caption and credit kept in the claim"))
    if slide.media_link.strip():
        parts.append(f"The media links to: {clean(slide.media_link.strip())[0]}")
        adjust(N_("whose media links elsewhere: that address kept in the claim"))
    if dated.times:
        parts.append(f"Time of day in the file: {dated.times}")
    claim = "\n\n".join(parts)
    if len(claim) > MAX_CLAIM:
        adjust(
            _("with a text longer than {limit} characters: cut in the claim").format(
                limit=number(MAX_CLAIM)
            )
        )
        claim = _cut(claim, MAX_CLAIM)
    return claim


def _date_sentence(slide: Slide) -> str:
    """The date as the file wrote it, for the citation: "start_date 2022-03-01 14:30;
    display_date 'Early March'"."""
    parts = [raw.written for raw in (slide.start, slide.end) if raw is not None and raw.written]
    display = " ".join(
        plain_text(slide.display_date or (slide.start.display if slide.start else "")).split()
    )
    if display:
        parts.append(f"{slide.display_name} “{_cut(display, 300)}”")
    return _cut(clean("; ".join(parts))[0], 2_000)


def _group(markup: str, adjust: Callable[[str], None]) -> str:
    group = " ".join(_text(markup, adjust).split())
    if group == NO_ACTING_ACTOR_LABEL:  # our own export's lane of events without one
        return ""
    if len(group) > MAX_NAME:
        adjust(
            _("with a group name longer than {limit} characters: cut").format(
                limit=number(MAX_NAME)
            )
        )
        group = _cut(group, MAX_NAME)
    return group


def _links(slide: Slide, adjust: Callable[[str], None]) -> tuple[Any, ...]:
    from desktopapp.db.commands import LinkInput

    links = []
    for kind, url, credit, caption in (
        ("media", slide.media_url, slide.media_credit, slide.media_caption),
        ("thumbnail", slide.thumbnail, "", ""),
        ("background", slide.background, "", ""),
    ):
        url = url.strip()
        if not url:
            continue
        if len(url) > MAX_URL or _NOT_TEXT.search(url):
            adjust(_LINK_TOO_LONG[kind]().format(limit=number(MAX_URL)))
            continue
        credit_text = _cut(" ".join(_text(credit, adjust).split()), MAX_NAME)
        caption_text = _cut(" ".join(_text(caption, adjust).split()), MAX_NAME)
        links.append(LinkInput(kind, url, credit_text, caption_text))
    if slide.background_colour:
        adjust(N_("with a background colour: not kept, the timeline draws its own colours"))
    return tuple(links)


_LINK_TOO_LONG = {
    "media": lambda: _("with a media address longer than {limit} characters or damaged: not kept"),
    "thumbnail": lambda: _(
        "with a thumbnail address longer than {limit} characters or damaged: not kept"
    ),
    "background": lambda: _(
        "with a background address longer than {limit} characters or damaged: not kept"
    ),
}


# -- JSON ------------------------------------------------------------------------------------

_DATE_PARTS = ("year", "month", "day", "hour", "minute", "second", "millisecond")


def read_json(data: bytes, plan: ImportPlan) -> None:
    """A TimelineJS 3 JSON file (or a TimelineJS 2 one) into the plan."""
    document = _json_document(data, plan.file_name)
    if not isinstance(document, dict):
        raise ImportFileError(
            _("{file}: not a TimelineJS file (its JSON is not an object)").format(
                file=plan.file_name
            )
        )
    if isinstance(document.get("timeline"), dict) and "events" not in document:
        _read_legacy(document["timeline"], plan)
        return
    events = document.get("events")
    if not isinstance(events, list):
        raise ImportFileError(
            _('{file}: not a TimelineJS file (it has no "events" list)').format(file=plan.file_name)
        )
    title = document.get("title")
    if isinstance(title, dict):
        _title_slide(_slide(title, Where("title slide", 1)), plan)
    for index, item in enumerate(events, start=1):
        where = Where("slide", index)
        if not isinstance(item, dict):
            plan.report.skip(where, N_("that are not slides (not a JSON object)"))
            continue
        add_slide(_slide(item, where), plan)
    eras = document.get("eras")
    if isinstance(eras, list):
        for index, _era in enumerate(eras, start=1):
            _skip_era(Where("era", index), plan)


def _json_document(data: bytes, name: str) -> Any:
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            _("{file}: not UTF-8 text (byte {byte})").format(file=name, byte=number(error.start))
        ) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportFileError(
            _(
                "{file}: not valid JSON (line {line}, column {column}: {reason}); "
                "is the file complete?"
            ).format(file=name, line=error.lineno, column=error.colno, reason=error.msg)
        ) from None
    except RecursionError:
        raise ImportFileError(
            _("{file}: its JSON is nested too deeply to read").format(file=name)
        ) from None


def _string(value: Any) -> str:
    """A text field as a string: numbers as written, null and other shapes as ""."""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""


def _slide(item: Mapping[str, Any], where: Where) -> Slide:
    text = item.get("text")
    headline, body = "", ""
    if isinstance(text, dict):
        headline, body = _string(text.get("headline")), _string(text.get("text"))
    elif isinstance(text, str):  # some hand-written files put the text there directly
        body = text
    headline = headline or _string(item.get("headline"))  # TimelineJS 2's place for it
    media, background = _object(item.get("media")), _object(item.get("background"))
    slide = Slide(
        where=where,
        headline=headline,
        text=body,
        start=_json_date(item.get("start_date"), "start_date"),
        end=_json_date(item.get("end_date"), "end_date"),
        display_date=_string(item.get("display_date")),
        group=_string(item.get("group")),
        media_url=_string(media.get("url")),
        media_credit=_string(media.get("credit")),
        # A caption, else the alternative text or title the media has (TimelineJS 3).
        media_caption=_string(media.get("caption"))
        or _string(media.get("alt"))
        or _string(media.get("title")),
        media_link=_string(media.get("link")),
        thumbnail=_string(media.get("thumbnail")),
        background=_string(background.get("url")),
        background_colour=_string(background.get("color")),
        unique_id=_string(item.get("unique_id")),
        kind=_string(item.get("type")).strip().lower(),
    )
    if "media" in item and item["media"] is not None and not isinstance(item["media"], dict):
        slide.notes.append(N_("with a media field that is not an object: not kept"))
    return slide


def _object(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, dict) else {}


def _json_date(value: Any, name: str) -> RawDate | None:
    if not isinstance(value, dict):
        return None
    parts = {part: value.get(part) for part in _DATE_PARTS}
    written = ", ".join(
        f"{part} {_string(parts[part]) or json.dumps(parts[part])}"
        for part in _DATE_PARTS
        if parts[part] not in (None, "")
    )
    return RawDate(
        parts, f"{name}: {written}" if written else "", _string(value.get("display_date"))
    )


def add_slide(slide: Slide, plan: ImportPlan) -> None:
    """The slide as what it is: the title, an era (reported), or an entry of the plan."""
    if slide.kind == "title":
        _title_slide(slide, plan)
    elif slide.kind == "era":
        _skip_era(slide.where, plan)
    else:
        entry = entry_of(slide, plan)
        if entry is not None:
            plan.add_entry(entry)


def _title_slide(slide: Slide, plan: ImportPlan) -> None:
    """The title slide names the timeline; it is no event."""
    headline = " ".join(clean(plain_text(slide.headline))[0].split())
    if plan.title:
        plan.report.skip(
            slide.where, N_("of type title after the first (a timeline has one title)")
        )
        return
    if not headline:
        if slide.where.unit != "title slide" or slide.text.strip():
            plan.report.skip(slide.where, N_("of type title without a headline"))
        return
    plan.title = _cut(headline, MAX_TITLE)
    body = clean(plain_text(slide.text))[0]
    if slide.where.unit == "title slide":
        named = _("The title slide")
    else:
        named = _("The title row ({place})").format(place=slide.where.said())
    title = repr(plan.title)
    if plan.creates_timeline:
        line = _("{named} names the new timeline: {title}").format(named=named, title=title)
    else:
        line = _("{named}, {title}, is not imported: the timeline keeps its own title").format(
            named=named, title=title
        )
    if body:
        text = repr(_cut(" ".join(body.split()), 200))
        line = _("{line}; its text is not kept: {text}").format(line=line, text=text)
    media = clean(slide.media_url.strip())[0]
    if media:
        line = _("{line}; nor its media: {media}").format(line=line, media=_cut(media, 200))
    plan.report.note(_("{line}.").format(line=line))


def _skip_era(where: Where, plan: ImportPlan) -> None:
    plan.report.skip(
        where,
        "" if where.unit == "era" else N_("of Type era"),
        because=N_(
            "an era is a period drawn “all along”, which no date of this timeline says "
            "(a date here means “on some day within”)"
        ),
    )


# TimelineJS 2: {"timeline": {"headline", "text", "date": [{"startDate": "2011,12,10", ...}],
# "era": [...]}}; dates are "year,month,day[,hour,minute,second]" strings.
def _read_legacy(timeline: Mapping[str, Any], plan: ImportPlan) -> None:
    plan.report.note(_('Read as a TimelineJS 2 file (its older "timeline" object).'))
    headline = _string(timeline.get("headline"))
    if headline:
        _title_slide(Slide(Where("title slide", 1), headline, _string(timeline.get("text"))), plan)
    dates = timeline.get("date")
    if not isinstance(dates, list):
        raise ImportFileError(
            _('{file}: a TimelineJS 2 file with no "date" list').format(file=plan.file_name)
        )
    for index, item in enumerate(dates, start=1):
        where = Where("slide", index)
        if not isinstance(item, dict):
            plan.report.skip(where, N_("that are not slides (not a JSON object)"))
            continue
        asset = _object(item.get("asset"))
        slide = Slide(
            where=where,
            headline=_string(item.get("headline")),
            text=_string(item.get("text")),
            start=_legacy_date(item.get("startDate"), "startDate"),
            end=_legacy_date(item.get("endDate"), "endDate"),
            group=_string(item.get("tag")),
            media_url=_string(asset.get("media")),
            media_credit=_string(asset.get("credit")),
            media_caption=_string(asset.get("caption")),
            thumbnail=_string(asset.get("thumbnail")),
            unique_id=_string(item.get("unique_id")),
        )
        add_slide(slide, plan)
    eras = timeline.get("era")
    if isinstance(eras, list):
        for index, _era in enumerate(eras, start=1):
            _skip_era(Where("era", index), plan)


def _legacy_date(value: Any, name: str) -> RawDate | None:
    text = _string(value).strip()
    if not text:
        return None
    values = [part.strip() for part in text.split(",")]
    parts = dict(zip(_DATE_PARTS, values, strict=False))
    if len(values) > len(_DATE_PARTS):
        parts["year"] = "not a date"  # reported as an unreadable year
    return RawDate(parts, f"{name} {text}")
