"""What every export says about itself: its title, the filter in words, and the source credit.

One wording for the PDF's header and the caption drawn into PNG and SVG charts, so that a
page or an image taken out of its context still says what it shows and where it comes from.
"""

from __future__ import annotations

from datetime import date

from desktopapp import __version__
from desktopapp.db.repository import EventRepository
from desktopapp.domain import l10n
from desktopapp.domain.date_words import day_words
from desktopapp.domain.filter import EventFilter, shown_of_total
from desktopapp.domain.l10n import N_, _
from desktopapp.domain.model import Source
from desktopapp.domain.quotation import quoted

REPORT_TITLE = N_("Timeline of reported events")


def filter_line(repository: EventRepository, event_filter: EventFilter, count: int) -> str:
    """The filter in words and how many events it keeps: "Actor: Apple · Type: all · 3 of
    18 events"."""
    labels = {t.slug: t.shown_label for t in repository.event_types}
    total = repository.total
    return f"{event_filter.describe(labels)} · {shown_of_total(count, total)}"


def published_words(source: Source) -> str:
    """When a source was published, for a reader: "published between 2 and 31 March 2022
    (the end is uncertain); the exact day is not known", or that it is not known (pasted
    text) or unreadable (a damaged file)."""
    published = source.published
    if published is None:
        return source.published_text()
    if not published.precision.names_day:
        return _("published {date}; the exact day is not known").format(date=published.describe())
    return _("published {date}").format(date=published.describe())


def source_credit(source: Source | None, exported: date) -> str:
    """One paragraph naming the source article and the tool, for a chart's caption."""
    made = _("Made with desktopapp {version} on {date}.").format(
        version=__version__, date=long_date(exported)
    )
    if source is None:
        return _("Events reported in the news, each dated from a cited report. {made}").format(
            made=made
        )
    # The title in the marks of the caption's language (see export/pdf.py's _title).
    described = f"{source.outlet}, {quoted(source.title, l10n.language())}"
    address = f", {source.url}" if source.url else ""
    return _(
        "Source: {source}, {published}. Each date is taken from a cited report. {made}"
    ).format(source=described + address, published=published_words(source), made=made)


def long_date(value: date) -> str:
    """A calendar day in the date wording of every other date: "1 March 2022" /
    "1er mars 2022"."""
    return day_words(value)
