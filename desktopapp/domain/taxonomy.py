"""The two-level event taxonomy every timeline starts from (a parent includes its children).

Plain (slug, label) pairs, so that both the builder (ingest) and a new empty timeline
(db.store) start from the same list.
"""

from __future__ import annotations

STANDARD_TYPES: tuple[tuple[str, str], ...] = (
    ("aid", "Aid"),
    ("aid/logistics", "Logistics aid"),
    ("aid/cybersecurity", "Cybersecurity aid"),
    ("aid/donation", "Donation"),
    ("corporate-withdrawal", "Corporate withdrawal"),
    ("corporate-withdrawal/export-halt", "Export halt"),
    ("corporate-withdrawal/sales-halt", "Sales halt"),
    ("corporate-withdrawal/service-restriction", "Service restriction"),
    ("corporate-withdrawal/service-suspension", "Service suspension"),
    ("corporate-withdrawal/office-closure", "Office closure"),
    ("corporate-withdrawal/operations-suspension", "Operations suspension"),
    ("media-restriction", "Media restriction"),
    ("media-restriction/app-removal", "App removal"),
    ("media-restriction/broadcast-ban", "Broadcast ban"),
    ("sanction", "Sanction"),
    ("sanction/banking-exclusion", "Banking exclusion"),
    ("sanction/general", "Sanctions (general)"),
    ("market-move", "Market move"),
    ("market-move/currency-fall", "Currency fall"),
    ("capital-control", "Capital control"),
    ("capital-control/cash-export-limit", "Cash export limit"),
)
