"""iCalendar (RFC 5545), written with the ``icalendar`` library.

A calendar has no way to say "some day that week" or "around March": an event is on a day or
spans days. So only an exact day becomes a plain all-day event. Every other date (an interval,
a month, a year, an approximate or uncertain day) becomes a one-day all-day event on the
*first day the date allows*, and says so: the summary ends with the date in words
("(some day between 21 and 27 February 2022)"), the description explains the placing, and
``X-DESKTOPAPP-EDTF`` carries the date exactly. It is never a multi-day event, which a
calendar would show as something lasting all week.

A date that starts at a time of day (``2022-03-01T09:30``, or an interval from 09:30) is a
timed event instead, starting at that time with no end (a moment, not a slot; an interval says
in its summary that it is a span): a *floating* local time when the date gives no
zone (a calendar shows it at 09:30 wherever it is opened: the time as reported, no zone
guessed), in UTC when the date says ``Z``, and for an offset (``+01:00``) the same instant
written in UTC, the description saying the time as reported. An hour alone starts at the
hour and says that the minute is not known.

The description holds the summary, the date with its citation and the citation's quote, and
the event's quotes with their source. An unsourced event (no quote) says so on its first line;
what an import said of it follows as the import's words with their origin, and its links
(http(s) only). UID is the event's stable key, so a re-export updates
the same entries in a calendar that subscribed to the file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping

from icalendar import Calendar
from icalendar import Event as CalendarEvent

from desktopapp.domain.dates import FuzzyDate, Precision
from desktopapp.domain.l10n import _
from desktopapp.domain.model import Event
from desktopapp.domain.provenance import UNSOURCED_LINE, claim_heading, shown_links
from desktopapp.domain.quotation import quoted
from desktopapp.export.datewords import display_date, readable

PRODUCT_ID = "-//desktopapp//Timeline export//EN"
UID_DOMAIN = "desktopapp.timeline"


def events_calendar(events: Iterable[Event], meta: Mapping[str, str], name: str) -> bytes:
    """The calendar file's bytes (CRLF lines, folded at 75 octets by the library)."""
    return b"".join(calendar_chunks(events, meta, name))


def calendar_chunks(events: Iterable[Event], meta: Mapping[str, str], name: str) -> Iterator[bytes]:
    """The calendar an event at a time, for writing as it goes: the library writes the
    VCALENDAR's own lines and each VEVENT; they are joined as ``Calendar.to_ical`` would."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", readable(name))
    head = calendar.to_ical()
    end = b"END:VCALENDAR\r\n"
    if not head.endswith(end):
        raise AssertionError("icalendar wrote no END:VCALENDAR line")
    yield head[: -len(end)]
    stamp = _stamp(meta)
    for event in events:
        yield calendar_event(event, stamp).to_ical()
    yield end


def calendar_event(event: Event, stamp: dt.datetime) -> CalendarEvent:
    entry = CalendarEvent()
    entry.add("uid", f"{readable(event.key)}@{UID_DOMAIN}")
    entry.add("dtstamp", stamp)
    moment = _moment(event.date)
    if moment is not None:
        entry.add("dtstart", moment)  # a moment: no DTEND, no duration claimed
    else:
        day = event.date.start.first_day()
        entry.add("dtstart", day)  # a date, not a datetime: VALUE=DATE, an all-day event
        entry.add("dtend", day + dt.timedelta(days=1))
    entry.add("transp", "TRANSPARENT")  # a past event in the news, not a busy slot
    summary = readable(event.title)
    if not shown_exactly(event.date):
        summary += f" ({display_date(event.date)})"
    entry.add("summary", summary)
    entry.add("description", description(event))
    entry.add("categories", [readable(event.type.label)])
    entry.add("x-desktopapp-edtf", event.date.edtf())
    url = event.citation.url
    if url.startswith(("https://", "http://")):
        entry.add("url", readable(url))
    return entry


def description(event: Event) -> str:
    lines = [f"{_(UNSOURCED_LINE)}.", ""] if event.unsourced else []
    if event.summary:
        lines.extend((readable(event.summary), ""))
    lines.append(
        _("Date: {date} (EDTF {edtf}).").format(
            date=readable(event.date.describe()), edtf=event.date.edtf()
        )
    )
    if not shown_exactly(event.date):
        lines.append(placing(event))
    citation = event.citation
    lines.append(_("Date source: {source}").format(source=readable(citation.line())))
    if citation.quote:  # its own quotation marks nested, not doubled (as in TimelineJS)
        lines.append(readable(quoted(citation.quote)))
    for quote in event.quotes:
        said = _("Quote: {quote} ({source})").format(
            quote=readable(quoted(quote.text)), source=readable(quote.source_title)
        )
        if not quote.verified:
            said += f" [{readable(quote.problem)}]"
        lines.append(said)
    if event.claim is not None:  # the import's words, not a quote
        lines.append(f"{readable(claim_heading(event.claim))} {readable(event.claim.text)}")
    for shown in shown_links(event.links):
        if shown.target is not None:
            credit = f" ({readable(shown.credit_line)})" if shown.credit_line else ""
            lines.append(_("{words}: ").format(words=shown.words) + f"{shown.target}{credit}")
    return "\n".join(lines)


def _moment(date: FuzzyDate) -> dt.datetime | None:
    """DTSTART of a date that starts at a time of day (a point, or an interval's first
    moment), or None for an all-day event."""
    start = date.start
    clock = start.time_of_day()
    if clock is None:
        return None
    local = dt.datetime.combine(start.first_day(), clock)
    if start.zone is None:
        return local  # floating: the local time as reported
    offset = dt.timedelta() if start.zone == "Z" else _offset(start.zone)
    return (local - offset).replace(tzinfo=dt.UTC)


def _offset(zone: str) -> dt.timedelta:
    sign = -1 if zone.startswith("-") else 1
    return sign * dt.timedelta(hours=int(zone[1:3]), minutes=int(zone[4:6]))


def shown_exactly(date: FuzzyDate) -> bool:
    """True when the calendar entry is the date itself: a day, a minute, a second."""
    return date.is_exact_day and date.precision is not Precision.HOUR


def placing(event: Event) -> str:
    """Why a calendar shows the event when it does, when the date is not that moment."""
    date = event.date
    if _moment(date) is not None:
        return _placing_in_day(date)
    day = event.date.start.first_day().isoformat()
    if event.date.start.approximate:
        return _(
            "Placed on {day}, the first day of the date as stated; the date is approximate, "
            "so the event may be a little earlier or later: the sources do not give the day."
        ).format(day=day)
    return _(
        "Placed on {day}, the first day this date allows: the sources do not give the day."
    ).format(day=day)


def _placing_in_day(date: FuzzyDate) -> str:
    """Why the entry starts when it does, for a date that starts at a time of day."""
    start = date.start
    clock = start.time_of_day()
    at = _("Placed at {time} on {day}").format(
        time=f"{clock:%H:%M:%S}", day=start.first_day().isoformat()
    )
    if start.zone not in (None, "Z"):
        at += _(" ({time}, written here in UTC)").format(time=start.describe_time())
    if date.end is not None:
        return _(
            "{placed}, the earliest time this date allows: the sources give a span, not a moment."
        ).format(placed=at)
    if start.precision is Precision.HOUR:
        said = _(
            "{placed}, the start of the hour {hour}h: the sources do not give the minute"
        ).format(placed=at, hour=start.clock())
    else:
        said = _("{placed}, the time as reported").format(placed=at)
    if start.approximate:
        said += _("; the time is approximate, so the event may be a little earlier or later")
    elif start.uncertain:
        said += _("; the date is uncertain")
    return said + "."


def _stamp(meta: Mapping[str, str]) -> dt.datetime:
    """DTSTAMP: when the timeline was built (so the same file gives the same calendar),
    or now if the file does not say."""
    try:
        return dt.datetime.fromisoformat(meta["built_at"]).astimezone(dt.UTC)
    except (KeyError, ValueError, TypeError):
        return dt.datetime.now(dt.UTC).replace(microsecond=0)
