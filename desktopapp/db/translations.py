"""What an event and an actor are searched by in every language, read from the tables.

The search index holds an event's own words and its translations (event_texts), and every
name its actors answer to in any language (actor_names): what db/edits.py, db/copying.py and
the builder index for an event must be made the same way each time (a contentless FTS5 index
forgets an event only when given the very text it indexed), so they all read it here.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import Connection, select

from desktopapp.db.schema import ActorNameRow, EventTextRow

TranslatedText = tuple[str, str, str]  # (language, title, summary)


def event_translations(
    connection: Connection, event_ids: Collection[int]
) -> dict[int, list[TranslatedText]]:
    """The translations of these events, (language, title, summary) by event id."""
    if not event_ids:
        return {}
    T = EventTextRow.__table__.c
    found: dict[int, list[TranslatedText]] = {}
    for event_id, language, title, summary in connection.execute(
        select(T.event_id, T.language, T.title, T.summary).where(T.event_id.in_(sorted(event_ids)))
    ):
        found.setdefault(event_id, []).append((language, title, summary))
    return found


def actor_other_names(
    connection: Connection, actor_ids: Collection[int] | None = None
) -> dict[int, list[str]]:
    """Every name these actors (or all of them) answer to but their own: aliases, and their
    names in each language."""
    N = ActorNameRow.__table__.c
    query = select(N.actor_id, N.name)
    if actor_ids is not None:
        query = query.where(N.actor_id.in_(sorted(actor_ids)))
    names: dict[int, list[str]] = {}
    for actor_id, name in connection.execute(query):
        names.setdefault(actor_id, []).append(name)
    return names
