"""What every export says about itself: its title, the filter in words, and the source credit.

One wording for the PDF's header and the caption drawn into PNG and SVG charts, so that a
page or an image taken out of its context still says what it shows and where it comes from.
"""

from __future__ import annotations

from datetime import date

from desktopapp import __version__
from desktopapp.db.repository import EventRepository
from desktopapp.domain.date_words import day_words
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.model import Source
from desktopapp.domain.quotation import quoted

REPORT_TITLE = "Timeline of reported events"


def filter_line(repository: EventRepository, event_filter: EventFilter, count: int) -> str:
    """The filter in words and how many events it keeps: "Actor: Apple · Type: all · 3 of
    18 events"."""
    labels = {t.slug: t.label for t in repository.event_types}
    total = repository.total
    return f"{event_filter.describe(labels)} · {count} of {total} event" + (
        "" if total == 1 else "s"
    )


def published_words(source: Source) -> str:
    """When a source was published, for a reader: "published between 2 and 31 March 2022
    (the end is uncertain); the exact day is not known", or that it is not known (pasted
    text) or unreadable (a damaged file)."""
    published = source.published
    if published is None:
        return source.published_text()
    words = f"published {published.describe()}"
    if not published.precision.names_day:
        words += "; the exact day is not known"
    return words


def source_credit(source: Source | None, exported: date) -> str:
    """One paragraph naming the source article and the tool, for a chart's caption."""
    made = f"Made with desktopapp {__version__} on {long_date(exported)}."
    if source is None:
        return f"Events reported in the news, each dated from a cited report. {made}"
    described = f"{source.outlet}, {quoted(source.title, source.language)}"
    address = f", {source.url}" if source.url else ""
    return (
        f"Source: {described}{address}, {published_words(source)}. "
        f"Each date is taken from a cited report. {made}"
    )


def long_date(value: date) -> str:
    return day_words(value)
