"""The one filter used by the window, the command line and every export."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from desktopapp.domain.l10n import _, ngettext, number, quoted

MAX_SEARCH_LENGTH = 1000


class FilterError(ValueError):
    """A filter value that cannot be understood (an unknown company, an unreadable date...)."""


@dataclass(frozen=True)
class EventFilter:
    """What the user asked to see. Empty fields do not restrict.

    - ``actors``: any of these names or aliases (case-insensitive);
    - ``types``: any of these type slugs, a parent type including its children;
    - ``date_from`` / ``date_to``: an event matches when its uncertain span overlaps;
    - ``text``: words that must all appear in the title, summary, quotes or actor names,
      ignoring case, accents and apostrophe style.
    """

    actors: frozenset[str] = field(default_factory=frozenset)
    types: frozenset[str] = field(default_factory=frozenset)
    date_from: date | None = None
    date_to: date | None = None
    text: str = ""

    def __post_init__(self) -> None:
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise FilterError(
                f"the date range is reversed: {self.date_from.isoformat()} is after "
                f"{self.date_to.isoformat()}"
            )

    @property
    def is_empty(self) -> bool:
        return not (
            self.actors or self.types or self.date_from or self.date_to or self.text.strip()
        )

    def without_actors(self) -> EventFilter:
        return replace(self, actors=frozenset())

    def without_types(self) -> EventFilter:
        return replace(self, types=frozenset())

    def describe(self, type_labels: dict[str, str] | None = None, *, brief: bool = False) -> str:
        """The filter in words, in the reader's language, as printed in an export header;
        ``brief`` leaves out what does not restrict ("Actor: all"). Names, stored type
        labels and the searched words are data, shown as they are."""
        from desktopapp.domain.taxonomy import type_label

        labels = type_labels or {}
        actors = ", ".join(sorted(self.actors, key=str.casefold))
        types = ", ".join(type_label(slug, labels.get(slug, slug)) for slug in sorted(self.types))
        parts = []
        if actors or not brief:
            parts.append(_("Actor: {actors}").format(actors=actors or _("all")))
        if types or not brief:
            parts.append(_("Type: {types}").format(types=types or _("all")))
        if self.date_from or self.date_to:
            start = self.date_from.isoformat() if self.date_from else "…"
            end = self.date_to.isoformat() if self.date_to else "…"
            parts.append(_("Dates: {start} – {end}").format(start=start, end=end))
        if self.text.strip():
            parts.append(_("Search: {text}").format(text=quoted(self.text.strip())))
        return " · ".join(parts)


def parse_user_date(text: str, *, end_of_period: bool = False) -> date:
    """Read a date typed by a person (``2022-03-01``, ``1 March 2022``, ``March 2022``,
    ``1er mars 2022``, ``mars 2022``, and what the event editor reads besides: ``du 21 au
    27 février 2022``, ``vers mars 2022``).

    A date given only to the month or year means its first day, or its last day when
    ``end_of_period`` is set (for the end of a range), so ``--to 2022-03`` includes March. A
    text without a year ("1 March", "12") is refused rather than read in some default year.
    """
    cleaned = text.strip()
    if not cleaned or len(cleaned) > 64 or "\x00" in cleaned:
        raise FilterError(_("{date} is not a date").format(date=repr(text[:64])))
    # Imported here: dateutil and the date words cost more than the rest of the command line
    # at startup, and only a typed date needs them.
    from desktopapp.domain.date_input import french_ordinals_read

    cleaned = french_ordinals_read(cleaned)
    try:
        # Parsed twice with different defaults: what differs was not typed.
        first = _parse(cleaned, datetime(2000, 1, 1))
        probe = _parse(cleaned, datetime(2001, 2, 2))
    except (ValueError, OverflowError):
        return _read_as_the_editor_does(text, end_of_period=end_of_period)
    if first.year != probe.year:
        raise FilterError(_("{date} has no year (try 2022-03-01)").format(date=repr(text)))
    if not end_of_period:
        return first
    return _end_of_given_period(first, probe)


def _read_as_the_editor_does(text: str, *, end_of_period: bool) -> date:
    """What dateutil alone cannot read, read by the event editor's reader: an interval ("du
    21 au 27 février 2022" starts on the 21st and ends on the 27th), "vers mars 2022",
    "9 h 30". Its refusal says what is wrong, in the reader's language."""
    from desktopapp.domain.date_input import read_date
    from desktopapp.domain.dates import DateError, parse_edtf

    try:
        fuzzy = parse_edtf(read_date(text).edtf)
    except DateError as error:
        raise FilterError(str(error)) from None
    if end_of_period:
        return (fuzzy.end or fuzzy.start).last_day()
    return fuzzy.start.first_day()


def _parse(text: str, default: datetime) -> date:
    from dateutil import parser as date_parser

    from desktopapp.domain.date_input import PARSER_INFO

    # English and French month and weekday names, as in the event editor's date field.
    return date_parser.parse(text, default=default, dayfirst=False, parserinfo=PARSER_INFO).date()


def _end_of_given_period(first: date, probe: date) -> date:
    """The last day of what the person gave: the day itself, the month's or the year's end."""
    day_given = first.day == probe.day
    month_given = first.month == probe.month
    if day_given and month_given:
        return first
    if month_given:
        return first.replace(day=calendar.monthrange(first.year, first.month)[1])
    return first.replace(month=12, day=31)


def shown_of_total(shown: int, total: int) -> str:
    """'3 of 18 events' / '3 événements sur 18': the noun agrees with the events shown in
    French ("1 événement sur 18"), so the plural is chosen by ``shown``; one message for the
    window's counts, the PDF's footer and the command line's list."""
    return ngettext("{shown} of {total} events", "{shown} of {total} events", shown).format(
        shown=number(shown), total=number(total)
    )
