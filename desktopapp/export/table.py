"""The readable table printed by ``desktopapp list``."""

from __future__ import annotations

from collections.abc import Sequence

from desktopapp.domain import l10n
from desktopapp.domain.filter import shown_of_total
from desktopapp.domain.l10n import _
from desktopapp.domain.model import Event
from desktopapp.domain.provenance import UNSOURCED, UNSOURCED_LINE
from desktopapp.export.plaintext import visible_controls


def events_table(events: Sequence[Event], *, total: int, width: int | None = None) -> str:
    """A fixed-width table; titles are cut to ``width`` columns (None: never cut)."""
    width = 10_000 if width is None else max(80, width)
    rows = [
        (_short_date(e), e.type.slug, ", ".join(a.name for a in e.actors()), _title(e))
        for e in events
    ]
    headers = (_("Date"), _("Type"), _("Actors"), _("Title"))
    widths = [max([len(headers[i])] + [len(r[i]) for r in rows]) for i in range(3)]
    # A date is never cut (its end or time would be lost): "2022-03-02T08:15:30/2022-03-02T10".
    widths = [widths[0], min(widths[1], 34), min(widths[2], 28)]
    title_width = max(20, width - sum(widths) - 6)
    rule = "  ".join("-" * w for w in (*widths, min(title_width, 60)))
    lines = [_line(headers, widths, title_width), rule]
    lines.extend(_line(row, widths, title_width) for row in rows)
    lines.append(shown_of_total(len(events), total))
    unsourced = sum(1 for e in events if e.unsourced)
    if unsourced:
        why = _(UNSOURCED_LINE).split("— ", 1)[-1]
        lines.append(
            _("{n} of them {unsourced} ({why})").format(
                n=l10n.number(unsourced), unsourced=_(UNSOURCED), why=why
            )
        )
    return "\n".join(lines) + "\n"


def _title(event: Event) -> str:
    """The title, marked first when no quote of a source backs the event."""
    return f"[{_(UNSOURCED)}] {event.title}" if event.unsourced else event.title


def _short_date(event: Event) -> str:
    """EDTF keeps the qualifiers visible (~ approximate, ? uncertain, / interval)."""
    return event.date.edtf()


def _line(cells: Sequence[str], widths: Sequence[int], title_width: int) -> str:
    parts = [_fit(cell, width) for cell, width in zip(cells[:3], widths, strict=True)]
    return "  ".join([*parts, _fit(cells[3], title_width).rstrip()])


def _fit(text: str, width: int) -> str:
    # One line per row, and no control character reaches the terminal: a NUL would cut the
    # row short, an ESC would start an escape sequence.
    text = visible_controls(" ".join(text.split()))
    if len(text) > width:
        text = text[: width - 1] + "…"
    return text.ljust(width)
