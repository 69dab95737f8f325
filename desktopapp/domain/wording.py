"""Small pieces of prose the wording layer shares: a list of names in a sentence."""

from __future__ import annotations

from collections.abc import Sequence

from desktopapp.domain.l10n import _


def listing(items: Sequence[str]) -> str:
    """ "AB Volvo and Volvo Cars", "a, b and c" / "a, b et c" (no serial comma, as before)."""
    if len(items) <= 1:
        return "".join(items)
    return _("{items} and {last}").format(items=", ".join(items[:-1]), last=items[-1])
