"""Which names an actor may take: one rule for the store's commands and the dialogs.

The news names things ambiguously: the bundled article's "Volvo" is either Volvo Cars or AB
Volvo, so both answer to that alias, and a filter on it says it could mean either. An alias
may therefore be shared. A canonical name may not: it is what the list, the legend and the
exports show, so it must pick out one actor, and it may be no other actor's alias either
(else typing it would find several actors, one of them under its own name).
"""

from __future__ import annotations

from collections.abc import Iterable

from desktopapp.domain.l10n import _, quoted
from desktopapp.domain.model import Actor
from desktopapp.domain.search import fold
from desktopapp.domain.wording import listing


def taken_by(
    candidate: str, *, as_alias: bool, actors: Iterable[Actor], except_key: str | None = None
) -> list[Actor]:
    """The other actors that stop ``candidate`` being given as a name (or an alias)."""
    wanted = fold(candidate)
    return [
        actor
        for actor in actors
        if actor.key != except_key
        and (
            fold(actor.name) == wanted
            or (not as_alias and any(fold(alias) == wanted for alias in actor.aliases))
        )
    ]


def clash_message(candidate: str, actors: list[Actor]) -> str:
    """“Volvo” already names AB Volvo and Volvo Cars."""
    names = sorted(actor.name for actor in actors)
    listed = names[0] if len(names) == 1 else listing(names)
    return _("{name} already names {actors}").format(name=quoted(candidate), actors=listed)
