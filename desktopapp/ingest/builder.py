"""Writing a :class:`Dataset` to a new SQLite database, atomically.

The database is written to a temporary file beside the target and moved into place only once
it is complete and checked, so a failure (a bad entry, a full disk, an interrupt) never leaves
a half-built database or damages the one already there.
"""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
from array import array
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from urllib.parse import quote as url_quote

from sqlalchemy import Connection, insert, text
from sqlalchemy.exc import SQLAlchemyError

from desktopapp import __version__
from desktopapp.db.actor_spans import day_number, pack_days
from desktopapp.db.dialect import create_schema, dialect_for
from desktopapp.db.dialect.sqlite import actor_search_text, event_document
from desktopapp.db.engine import create_writable_engine
from desktopapp.db.schema import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    ActorNameRow,
    ActorRow,
    ActorSpanRow,
    CitationRow,
    EventActorRow,
    EventLinkRow,
    EventRowORM,
    EventTextRow,
    EventTypeRow,
    MetaRow,
    QuoteRow,
    SourceRow,
)
from desktopapp.db.search import fold
from desktopapp.domain.anchoring import selector_for
from desktopapp.ingest.dataset import Dataset, EventSpec, QuoteSpec
from desktopapp.interrupts import check as check_interrupt
from desktopapp.safe_files import (
    FileProblem,
    first_line,
    reason,
    replacing,
    writable_target,
    write_failure,
)

BATCH = 5000
# Measured on synthetic databases (about 1.5 KB per event) and the article's (about 200 KB).
BYTES_PER_EVENT = 1_500
FIXED_BYTES = 150_000


class BuildError(Exception):
    """The database could not be built; nothing was changed at the target."""


def build_database(
    dataset: Dataset,
    target: Path,
    *,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write the dataset to ``target`` (replacing it only on success). Returns the event count.

    ``target`` may be a symbolic link (the file it points to is replaced); a device, FIFO or
    socket is refused (see :mod:`desktopapp.safe_files`).
    """
    folder = target.expanduser().absolute().parent
    if not folder.is_dir():
        raise BuildError(f"{folder}: no such folder")
    try:
        target = writable_target(target)
    except FileProblem as error:
        raise BuildError(str(error)) from error
    _refuse_to_replace_foreign_file(target)
    try:
        with replacing(target) as temporary:
            return _write(dataset, temporary, progress)
    except (BuildError, ValueError):
        raise
    except PermissionError as error:
        raise BuildError(f"{target.parent}: cannot write here ({reason(error)})") from error
    except (OSError, SQLAlchemyError, sqlite3.Error) as error:
        failure = write_failure(error, target.parent, _space_needed(dataset))
        raise BuildError(
            f"{target}: could not be written: {failure}; nothing was changed"
        ) from error
    except Exception as error:
        raise BuildError(
            f"{target}: could not be built ({first_line(error)}); nothing was changed"
        ) from error


def _space_needed(dataset: Dataset) -> int | None:
    """A rough size of the database to be written, for the disk-full message."""
    try:
        events = len(dataset.events)  # type: ignore[arg-type]
    except TypeError:
        return None
    texts = sum(len(source.text.encode("utf-8")) for source in dataset.sources)
    return FIXED_BYTES + 3 * texts + BYTES_PER_EVENT * events


def _refuse_to_replace_foreign_file(target: Path) -> None:
    """Only an existing timeline database (of any schema version) may be replaced by a build:
    a typo in --out must not destroy somebody's document or another program's database."""
    if not target.exists():
        return
    if target.stat().st_size == 0:
        return
    try:
        with target.open("rb") as handle:
            header = handle.read(16)
    except OSError as error:
        raise BuildError(f"{target}: cannot be read ({error.strerror or error})") from error
    if header != b"SQLite format 3\x00" or not _is_timeline_database(target):
        raise BuildError(
            f"{target}: exists and is not a timeline database; refusing to overwrite it "
            "(choose another file name or remove it first)"
        )


def _is_timeline_database(path: Path) -> bool:
    try:
        uri = f"file:{url_quote(str(path))}?mode=ro"
        with contextlib.closing(sqlite3.connect(uri, uri=True, timeout=5.0)) as connection:
            row = connection.execute("SELECT value FROM meta WHERE key = 'application'").fetchone()
    except sqlite3.Error:
        return False
    return row is not None and row[0] == APPLICATION_ID


def _write(dataset: Dataset, path: Path, progress: Callable[[int], None] | None) -> int:
    engine = create_writable_engine(path)
    try:
        with engine.begin() as connection:
            create_schema(connection)
            ids = _write_reference(connection, dataset)
            spans = _SpanCollector()
            count = _write_events(connection, dataset.events, ids, progress, spans)
            spans.write(connection)
            _write_meta(connection, dataset)
            _verify_quotes(connection)
        with engine.connect() as connection:
            connection.execute(text("ANALYZE"))
            connection.commit()
    finally:
        engine.dispose()
    return count


class _Ids:
    def __init__(self) -> None:
        self.sources: dict[str, int] = {}
        self.source_texts: dict[str, str] = {}
        self.citations: dict[str, int] = {}
        self.actors: dict[str, int] = {}
        self.actor_names: dict[str, str] = {}
        self.actor_search: dict[str, str] = {}
        self.types: dict[str, int] = {}


def _write_reference(connection: Connection, dataset: Dataset) -> _Ids:
    ids = _Ids()
    for number, source in enumerate(dataset.sources, start=1):
        ids.sources[source.key] = number
        ids.source_texts[source.key] = source.text
        connection.execute(
            insert(SourceRow),
            [
                {
                    "id": number,
                    "key": source.key,
                    "title": source.title,
                    "outlet": source.outlet,
                    "language": source.language,
                    "url": source.url,
                    "published_edtf": source.published.edtf() if source.published else "",
                    "published_note": source.published_note,
                    "author": source.author,
                    "text": source.text,
                    "sha256": hashlib.sha256(source.text.encode("utf-8")).hexdigest(),
                }
            ],
        )
    for number, citation in enumerate(dataset.citations, start=1):
        ids.citations[citation.key] = number
    if dataset.citations:
        connection.execute(
            insert(CitationRow),
            [
                {
                    "id": ids.citations[c.key],
                    "key": c.key,
                    "outlet": c.outlet,
                    "title": c.title,
                    "url": c.url,
                    "published_edtf": c.published.edtf() if c.published else "",
                }
                for c in dataset.citations
            ],
        )
    names: list[dict[str, object]] = []
    for number, actor in enumerate(dataset.actors, start=1):
        ids.actors[actor.key] = number
        ids.actor_names[actor.key] = actor.name
        # Found by every name it has, in every language (as db/translations.py reads them).
        by_language = [(tag, name) for tag, name in actor.names if name != actor.name]
        ids.actor_search[actor.key] = actor_search_text(
            actor.name, (*actor.aliases, *(name for _, name in by_language))
        )
        rows = [(actor.name, False, "")]
        rows += [(alias, True, "") for alias in dict.fromkeys(actor.aliases) if alias != actor.name]
        taken = {name for name, _, _ in rows}
        rows += [(name, False, tag) for tag, name in by_language if name not in taken]
        names.extend(
            {"actor_id": number, "name": name, "folded": fold(name), "is_alias": alias,
             "language": tag}
            for name, alias, tag in rows
        )  # fmt: skip
    if dataset.actors:
        connection.execute(
            insert(ActorRow),
            [
                {"id": ids.actors[a.key], "key": a.key, "name": a.name, "kind": a.kind.value}
                for a in dataset.actors
            ],
        )
    if names:
        connection.execute(insert(ActorNameRow), names)
    for number, event_type in enumerate(dataset.types, start=1):
        ids.types[event_type.slug] = number
    if dataset.types:
        connection.execute(
            insert(EventTypeRow),
            [{"id": ids.types[t.slug], "slug": t.slug, "label": t.label} for t in dataset.types],
        )
    return ids


def _batches(items: Iterable[EventSpec]) -> Iterator[list[EventSpec]]:
    iterator = iter(items)
    while batch := list(islice(iterator, BATCH)):
        yield batch


def _write_events(
    connection: Connection,
    events: Iterable[EventSpec],
    ids: _Ids,
    progress: Callable[[int], None] | None,
    spans: _SpanCollector,
) -> int:
    count = 0
    for batch in _batches(events):
        event_rows: list[dict[str, object]] = []
        actor_rows: list[dict[str, object]] = []
        quote_rows: list[dict[str, object]] = []
        link_rows: list[dict[str, object]] = []
        text_rows: list[dict[str, object]] = []
        quote_texts: list[tuple[int, int, str, str]] = []  # (event, position, language, text)
        fts_rows: list[dict[str, object]] = []
        for spec in batch:
            count += 1
            _check_event(spec, ids)
            event_rows.append(_event_row(count, spec, ids))
            spans.add(spec, ids)
            actor_rows.extend(
                {"event_id": count, "actor_id": ids.actors[key], "role": role.value}
                for key, role in spec.actors
            )
            quote_rows.extend(
                {
                    "event_id": count,
                    "source_id": ids.sources[q.source_key],
                    "position": position,
                    "start": q.start,
                    "end": q.end,
                    "text": q.text,
                    **_context(q, ids),
                }
                for position, q in enumerate(spec.quotes)
            )
            link_rows.extend(
                {"event_id": count, "position": position, **vars(link)}
                for position, link in enumerate(spec.links)
            )
            text_rows.extend({"event_id": count, **vars(text)} for text in spec.translations)
            quote_texts.extend(
                (count, position, language, words)
                for position, q in enumerate(spec.quotes)
                for language, words in q.translations
            )
            fts_rows.append(
                event_document(
                    count,
                    spec.title,
                    spec.summary,
                    [q.text for q in spec.quotes],
                    [(ids.actors[key], ids.actor_search[key]) for key, _ in spec.actors],
                    [(t.language, t.title, t.summary) for t in spec.translations],
                )
            )
        connection.execute(insert(EventRowORM), event_rows)
        if actor_rows:
            connection.execute(insert(EventActorRow), actor_rows)
        if quote_rows:
            connection.execute(insert(QuoteRow), quote_rows)
        if link_rows:
            connection.execute(insert(EventLinkRow), link_rows)
        if text_rows:
            connection.execute(insert(EventTextRow), text_rows)
        _write_quote_translations(connection, quote_texts)
        dialect_for(connection).index_event_text(connection, fts_rows)
        check_interrupt()  # a signal whose exception Python swallowed still stops the build
        if progress is not None:
            progress(count)
    return count


def _write_quote_translations(
    connection: Connection, translations: list[tuple[int, int, str, str]]
) -> None:
    """The quotes' translations, by (event id, quote position): their ids are the table's."""
    for event_id, position, language, words in translations:
        connection.execute(
            text(
                "INSERT INTO quote_translations (quote_id, language, text) SELECT id, :l, :t "
                "FROM quotes WHERE event_id = :e AND position = :p"
            ),
            {"l": language, "t": words, "e": event_id, "p": position},
        )


class _SpanCollector:
    """Each actor's events' start and end days by type, gathered while events are written
    and stored packed in ``actor_spans`` (compact arrays: 8 bytes per actor and event)."""

    def __init__(self) -> None:
        self._starts: dict[tuple[int, int], array[int]] = {}
        self._ends: dict[tuple[int, int], array[int]] = {}

    def add(self, spec: EventSpec, ids: _Ids) -> None:
        start, end = day_number(spec.date.earliest()), day_number(spec.date.latest())
        type_id = ids.types[spec.type_slug]
        for actor_key in dict.fromkeys(key for key, _role in spec.actors):  # once per actor
            key = (ids.actors[actor_key], type_id)
            self._starts.setdefault(key, array("i")).append(start)
            self._ends.setdefault(key, array("i")).append(end)

    def write(self, connection: Connection) -> None:
        rows = [
            {
                "actor_id": actor_id,
                "type_id": type_id,
                "starts": pack_days(self._starts[(actor_id, type_id)]),
                "ends": pack_days(self._ends[(actor_id, type_id)]),
            }
            for actor_id, type_id in sorted(self._starts)
        ]
        for first in range(0, len(rows), BATCH):
            connection.execute(insert(ActorSpanRow), rows[first : first + BATCH])


def _context(quote: QuoteSpec, ids: _Ids) -> dict[str, str]:
    selector = selector_for(ids.source_texts[quote.source_key], quote.start, quote.end)
    return {"prefix": selector.prefix, "suffix": selector.suffix}


def _check_event(spec: EventSpec, ids: _Ids) -> None:
    where = f"event {spec.key!r}"
    if spec.type_slug not in ids.types:
        raise BuildError(f"{where}: unknown type {spec.type_slug!r}")
    if spec.citation_key is not None and spec.citation_key not in ids.citations:
        raise BuildError(f"{where}: unknown citation {spec.citation_key!r}")
    for key, _role in spec.actors:
        if key not in ids.actors:
            raise BuildError(f"{where}: unknown actor {key!r}")
    if not spec.quotes and spec.claim is None:  # only an imported event may be unsourced
        raise BuildError(f"{where}: has no quote")
    for quote in spec.quotes:
        source_text = ids.source_texts.get(quote.source_key)
        if source_text is None:
            raise BuildError(f"{where}: quotes unknown source {quote.source_key!r}")
        if source_text[quote.start : quote.end] != quote.text:
            raise BuildError(f"{where}: quote at {quote.start}-{quote.end} is not verbatim")


def _event_row(number: int, spec: EventSpec, ids: _Ids) -> dict[str, object]:
    acting_first = sorted(spec.actors, key=lambda pair: pair[1].value)
    names = list(dict.fromkeys(ids.actor_names[key] for key, _ in acting_first))
    return {
        "id": number,
        "key": spec.key,
        "title": spec.title,
        "summary": spec.summary,
        "type_id": ids.types[spec.type_slug],
        "date_edtf": spec.date.edtf(),
        "start_date": spec.date.earliest().isoformat(),
        "end_date": spec.date.latest().isoformat(),
        "precision": spec.date.precision.value,
        "approximate": spec.date.approximate,
        "uncertain": spec.date.uncertain,
        "citation_id": ids.citations[spec.citation_key] if spec.citation_key else None,
        "citation_quote": spec.citation_quote,
        "citation_note": spec.citation_note,
        "actor_names": ", ".join(names),
        "claim_text": spec.claim[0] if spec.claim else "",
        "claim_origin": spec.claim[1] if spec.claim else "",
        "language": spec.language,
    }


def _write_meta(connection: Connection, dataset: Dataset) -> None:
    meta = {
        "application": APPLICATION_ID,
        "schema_version": str(SCHEMA_VERSION),
        "app_version": __version__,
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        **dataset.meta,
    }
    connection.execute(insert(MetaRow), [{"key": k, "value": v} for k, v in meta.items()])


def _verify_quotes(connection: Connection) -> None:
    """Check every stored quote against its source text, in SQL, after writing."""
    bad = connection.execute(
        text(
            'SELECT q.event_id, q.start, q."end" FROM quotes q '
            "JOIN sources s ON s.id = q.source_id "
            'WHERE substr(s.text, q.start + 1, q."end" - q.start) != q.text LIMIT 1'
        )
    ).first()
    if bad is not None:
        raise BuildError(f"event #{bad[0]}: stored quote {bad[1]}-{bad[2]} is not verbatim")
