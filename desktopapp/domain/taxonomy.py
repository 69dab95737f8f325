"""The two-level event taxonomy every timeline starts from (a parent includes its children).

Plain (slug, label) pairs, so that both the builder (ingest) and a new empty timeline
(db.store) start from the same list. The labels are stored in English, the source language;
:func:`type_label` shows a standard type's label in the reader's language. Slugs are never
translated: they are the types' stable keys.
"""

from __future__ import annotations

from desktopapp.domain.l10n import N_, _

STANDARD_TYPES: tuple[tuple[str, str], ...] = (
    ("aid", N_("Aid")),
    ("aid/logistics", N_("Logistics aid")),
    ("aid/cybersecurity", N_("Cybersecurity aid")),
    ("aid/donation", N_("Donation")),
    ("corporate-withdrawal", N_("Corporate withdrawal")),
    ("corporate-withdrawal/export-halt", N_("Export halt")),
    ("corporate-withdrawal/sales-halt", N_("Sales halt")),
    ("corporate-withdrawal/service-restriction", N_("Service restriction")),
    ("corporate-withdrawal/service-suspension", N_("Service suspension")),
    ("corporate-withdrawal/office-closure", N_("Office closure")),
    ("corporate-withdrawal/operations-suspension", N_("Operations suspension")),
    ("media-restriction", N_("Media restriction")),
    ("media-restriction/app-removal", N_("App removal")),
    ("media-restriction/broadcast-ban", N_("Broadcast ban")),
    ("sanction", N_("Sanction")),
    ("sanction/banking-exclusion", N_("Banking exclusion")),
    ("sanction/general", N_("Sanctions (general)")),
    ("market-move", N_("Market move")),
    ("market-move/currency-fall", N_("Currency fall")),
    ("capital-control", N_("Capital control")),
    ("capital-control/cash-export-limit", N_("Cash export limit")),
)

_STANDARD_LABELS = dict(STANDARD_TYPES)


def type_label(slug: str, stored: str) -> str:
    """The label a reader sees for a type: a standard type's in the reader's language
    ("Sanction" / "Sanction", "Aid" / "Aide"), or the label stored for the type when the
    timeline gave its own (its data, shown as written)."""
    if _STANDARD_LABELS.get(slug) == stored:
        return _(stored)
    return stored
