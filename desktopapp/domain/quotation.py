"""How quoted words and the titles of sources are written, the same in every output.

Quotation marks nest: a quote that itself holds a quotation (a report's sentence that quotes
a spokesperson) gets its inner marks one level down, ‘ ’ inside “ ” in English and “ ”
inside « » in French, rather than doubled marks (““Given…”).

A title in square brackets was supplied by whoever annotated the source (reconstructed from
the link's address, or describing the report) and was not seen on the page: the bibliographic
convention. The brackets stay with the title; what they mean is said once, with
:data:`SUPPLIED_TITLE_NOTE`, where the sources are described.
"""

from __future__ import annotations

from desktopapp.domain.l10n import N_

NBSP = "\u00a0"
NARROW_NBSP = "\u202f"
SUPPLIED_TITLE_NOTE = N_(  # shown through _()
    "A title in [square brackets] was not seen on the page: it was reconstructed from the "
    "link's address or describes the report."
)

_ENGLISH_INNER = str.maketrans({"“": "‘", "”": "’"})


def quoted(text: str, language: str = "") -> str:
    """``text`` in the quotation marks of its language (« » with non-breaking spaces for
    French, “ ” otherwise), any quotation inside it marked one level down."""
    stripped = text.strip()
    if language.lower().startswith("fr"):
        if stripped.startswith("«") and stripped.endswith("»") and stripped.count("«") == 1:
            return stripped  # the whole text is already one quotation
        return f"«{NBSP}{_french_inner(stripped)}{NBSP}»"
    return f"“{stripped.translate(_ENGLISH_INNER)}”"


def _french_inner(text: str) -> str:
    """Guillemets inside a French quotation become “ ”, without the spaces « » take."""
    for space in (NBSP, NARROW_NBSP, " "):
        text = text.replace(f"«{space}", "«").replace(f"{space}»", "»")
    return text.replace("«", "“").replace("»", "”")


def is_supplied_title(title: str) -> bool:
    """True for a title in square brackets: supplied by the annotator, not on the page."""
    stripped = title.strip()
    return len(stripped) > 2 and stripped.startswith("[") and stripped.endswith("]")
