"""Export › Annotations (TOML): any timeline written in the annotation format it can be built from.

``desktopapp build-db --annotations FILE.toml`` gives back the same events, quotes (same
offsets), dates, actors, types and citations, so a timeline can be reviewed as a diff of two
exports. The file is schema 2 of :mod:`desktopapp.ingest.annotations`.

Each source's text goes to its own ``.txt`` file beside the TOML file (``NAME.SOURCE.txt``),
as the bundled sample keeps its article: a source's text is fixed once stored, so a review's
diff stays on the annotations; the text stays byte for byte what was stored (CRLF, NUL or a
byte-order mark included) and readable in any editor, where TOML would make a megabyte one
escaped line; and the TOML file stays under the loader's size limit.

Every value is formatted by ``tomli-w``, so escaping (quotes, backslashes, newlines,
control characters) is a well-kept library's. The layout is this module's: tomli-w switches a
list between inline and ``[[section]]`` form by line length, which would make diffs jump when
a title grows, and cannot write the section comments the hand-written file has. The written
text is parsed back with ``tomllib`` and compared before anything is written.

What the format cannot hold is refused in one line, nothing written: a lone surrogate (not
Unicode text; TOML and UTF-8 cannot hold it), a NUL character outside quotes and source texts
(the loader refuses it: NUL ends strings in much of what reads them), an id that is not
lower-case words joined by dashes, a damaged event (``desktopapp check`` lists it), a label
of a standard type changed, or a file larger than the loader reads.
"""

from __future__ import annotations

import contextlib
import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli_w

from desktopapp import __version__
from desktopapp.db.repository import EventRepository
from desktopapp.domain import l10n
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.l10n import _
from desktopapp.domain.model import Citation, Event, Link, Quote, Source
from desktopapp.export.files import ExportCancelled, ExportError, atomic_path, check_target
from desktopapp.ingest.annotations import (
    LATEST_SCHEMA,
    MAX_ARTICLE_BYTES,
    MAX_FILE_BYTES,
    MAX_TOTAL_TEXT_BYTES,
    occurrences,
)
from desktopapp.ingest.dataset import DEFAULT_TYPES

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")  # the loader's rule for ids
_TYPE_SLUG = re.compile(r"^[a-z0-9-]+(?:/[a-z0-9-]+)?$")
_CHUNK = 500  # events read at a time
Progress = Callable[[int, int], None]  # (events read, events in all)


@dataclass
class AnnotationsFile:
    """An export ready to be written: the TOML text and each source's text by file name."""

    toml: str
    texts: dict[str, str] = field(default_factory=dict)
    events: int = 0


def export_annotations(
    repository: EventRepository,
    target: Path,
    event_filter: EventFilter = EventFilter(),
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """File › Export › Annotations (TOML) and ``export --annotations``: write the timeline's
    annotations (its events matching ``event_filter``) to ``target`` and its sources' texts
    beside it, all or nothing; return the number of events written.

    ``progress(done, total)`` is told after each batch of events read; ``cancelled()`` is
    asked then, and True stops with ExportCancelled, nothing written. Any other failure is an
    ExportError of one line, nothing written.
    """
    target = check_target(Path(target))
    exported = annotations_file(
        repository,
        text_file_stem=target.stem,
        event_filter=event_filter,
        progress=progress,
        cancelled=cancelled,
    )
    write_annotations(target, exported)
    return exported.events


def write_annotations(target: Path, exported: AnnotationsFile) -> None:
    """Write every file to a temporary file first; only when all are written are they moved
    into place (the texts first, so a TOML file never names a text not yet there)."""
    folder = Path(target).expanduser().absolute().parent
    with contextlib.ExitStack() as stack:
        toml_path = stack.enter_context(atomic_path(target, needed=len(exported.toml)))
        for name, text in exported.texts.items():
            data = text.encode("utf-8")
            _write(stack.enter_context(atomic_path(folder / name, needed=len(data))), data)
        _write(toml_path, exported.toml.encode("utf-8"))


def _write(path: Path, data: bytes) -> None:
    with open(path, "wb") as stream:
        stream.write(data)
        stream.flush()


def annotations_file(
    repository: EventRepository,
    *,
    text_file_stem: str,
    event_filter: EventFilter = EventFilter(),
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> AnnotationsFile:
    """The annotation file of a timeline (its events matching ``event_filter``)."""
    sources = list(repository.sources)
    if not sources:
        raise ExportError(_("the timeline has no source, so it has no annotations to export"))
    main = sources[0]
    texts = {s.key: _source_text(repository, s) for s in sources}
    total = sum(len(t.encode("utf-8")) for t in texts.values())
    if total > MAX_TOTAL_TEXT_BYTES:
        raise ExportError(
            _(
                "the sources' texts add up to {size} bytes, more than the {most} an annotation "
                "file's sources may hold"
            ).format(size=l10n.number(total), most=l10n.number(MAX_TOTAL_TEXT_BYTES))
        )
    citations = _CitationKeys({s.key for s in sources})
    read = _events(repository, event_filter, progress, cancelled)
    events = [_event(e, main.key, texts, citations) for e in read]
    files = {s.key: f"{text_file_stem}.{s.key}.txt" for s in sources}
    document: dict[str, Any] = {
        "schema": LATEST_SCHEMA,
        "sources": [_source(s, files[s.key]) for s in sources],
        "citations": citations.tables,
        "actors": _actors(repository),
        "types": _types(repository),
        "events": events,
    }
    if not events:
        raise ExportError(_("no events to export; an annotation file holds at least one"))
    toml = _layout(document)
    written = {k: v for k, v in document.items() if v != []}  # an empty list is left out
    if tomllib.loads(toml) != written:  # a bug here must never reach a reviewer's file
        raise ExportError(_("the annotations could not be written faithfully; nothing was written"))
    if len(toml.encode("utf-8")) > MAX_FILE_BYTES:
        raise ExportError(
            _(
                "the annotations would be {size} bytes, more than the {most} an annotation file "
                "may hold; export fewer events (use a filter)"
            ).format(size=l10n.number(len(toml.encode("utf-8"))), most=l10n.number(MAX_FILE_BYTES))
        )
    return AnnotationsFile(toml, {files[k]: t for k, t in texts.items()}, len(events))


def _events(
    repository: EventRepository,
    event_filter: EventFilter,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> Iterator[Event]:
    """The events in the order they were added (row order), so a rebuild numbers them alike."""
    ids = sorted(row.id for row in repository.rows(event_filter))
    for first in range(0, len(ids), _CHUNK):
        if cancelled is not None and cancelled():
            raise ExportCancelled()
        yield from repository.events_by_id(ids[first : first + _CHUNK])
        if progress is not None:
            progress(min(first + _CHUNK, len(ids)), len(ids))


# -- entries ----------------------------------------------------------------------------------


def _source_text(repository: EventRepository, source: Source) -> str:
    where = _("source {key!r}").format(key=source.key)
    if source.problems:
        raise _damaged(where, source.problems[0])
    text = repository.source_text(source.key)
    writable_text(where, "text", text, blank_allowed=True)
    size = len(text.encode("utf-8"))
    if size > MAX_ARTICLE_BYTES:
        raise ExportError(
            _(
                "{where}: its text is {size} bytes, more than the {most} an annotation file's "
                "source may hold"
            ).format(where=where, size=l10n.number(size), most=l10n.number(MAX_ARTICLE_BYTES))
        )
    return text


def _source(source: Source, file_name: str) -> dict[str, Any]:
    where = _("source {key!r}").format(key=source.key)
    table: dict[str, Any] = {"id": _key(where, source.key), "file": file_name}
    table["title"] = writable_text(where, "title", source.title)
    table |= _optional(where, outlet=source.outlet, language=source.language, url=source.url)
    table |= _optional(where, author=source.author)
    # None is a date not known (a damaged one was refused by _source_text): left out.
    if source.published is not None:
        table["published"] = source.published.edtf()
    table |= _optional(where, published_note=source.published_note)
    return table


class _CitationKeys:
    """The outside reports that date events, each given an id the first time it is seen.

    The repository hands out a citation's fields, not its stored key, so the id is made
    from the outlet and the report's date: it stays the same from one export to the next
    while the report does, which is what a diff needs.
    """

    def __init__(self, taken: Iterable[str]) -> None:
        self._taken = set(taken)
        self._keys: dict[tuple[str, str, str, str], str] = {}
        self.tables: list[dict[str, Any]] = []

    def key(self, citation: Citation, where: str) -> str:
        identity = (citation.outlet, citation.title, citation.url, citation.published)
        if identity not in self._keys:
            self._keys[identity] = self._new_key(citation)
            self.tables.append(self._table(citation, self._keys[identity], where))
        return self._keys[identity]

    def _new_key(self, citation: Citation) -> str:
        base = _slugify(f"{citation.outlet} {citation.published}") or "report"
        key, number = base, 1
        while key in self._taken:
            number += 1
            key = f"{base}-{number}"
        self._taken.add(key)
        return key

    @staticmethod
    def _table(citation: Citation, key: str, where: str) -> dict[str, Any]:
        where = _("{where}, its date's citation").format(where=where)
        table: dict[str, Any] = {"id": key}
        table["outlet"] = writable_text(where, "outlet", citation.outlet)
        table["title"] = writable_text(where, "title", citation.title)
        return table | _optional(where, url=citation.url, published=citation.published)


def _actors(repository: EventRepository) -> list[dict[str, Any]]:
    tables = []
    for actor in sorted(repository.actors, key=lambda a: a.id):  # rebuilt with the same order
        where = _("actor {key!r}").format(key=actor.key)
        if actor.problems or actor.kind is None:
            raise _damaged(where, actor.problems[0] if actor.problems else _("unknown kind"))
        table: dict[str, Any] = {"id": _key(where, actor.key)}
        table["name"] = writable_text(where, "name", actor.own_name)
        if actor.names:  # its names by language, whatever the reader's
            table["names"] = {tag: writable_text(where, "names", n) for tag, n in actor.names}
        table["kind"] = actor.kind.value
        if actor.own_aliases:
            table["aliases"] = [writable_text(where, "aliases", a) for a in actor.own_aliases]
        tables.append(table)
    return tables


def _types(repository: EventRepository) -> list[dict[str, Any]]:
    """The types beyond the standard taxonomy (every build starts from it), parents first."""
    standard = {t.slug: t.label for t in DEFAULT_TYPES}
    tables = []
    for event_type in sorted(repository.event_types, key=lambda t: t.slug):
        where = _("type {slug!r}").format(slug=event_type.slug)
        if event_type.slug in standard:
            if event_type.label != standard[event_type.slug]:
                raise ExportError(
                    _(
                        "{where}: its label {label!r} differs from the standard taxonomy's "
                        "{standard!r}, which a build always uses"
                    ).format(
                        where=where,
                        label=event_type.label[:60],
                        standard=standard[event_type.slug],
                    )
                )
            continue
        if not _TYPE_SLUG.match(event_type.slug):
            raise ExportError(
                _("{where}: is not 'parent' or 'parent/child' in lower-case-with-dashes").format(
                    where=where
                )
            )
        label = writable_text(where, "label", event_type.label)
        tables.append({"slug": event_type.slug, "label": label})
    return tables


def _event(
    event: Event, main_key: str, texts: dict[str, str], citations: _CitationKeys
) -> dict[str, Any]:
    where = _("event {key!r}").format(key=event.key)
    if event.problems:
        raise _damaged(where, event.problems[0])
    event = event.as_written()  # its own words; translations beside them
    table: dict[str, Any] = {"id": _key(where, event.key)}
    if event.language:
        table["language"] = event.language
    table["title"] = writable_text(where, "title", event.title)
    table |= _optional(where, summary=event.summary)
    table["type"] = event.type.slug
    table["date"] = event.date.edtf()
    if not event.quotes and event.claim is None:
        raise ExportError(
            _("{where}: has no quote, and an annotation file's event needs at least one").format(
                where=where
            )
        )
    table["actors"] = [{"id": p.actor.key, "role": p.role.value} for p in event.participants]
    citation = event.citation
    cited = main_key if citation.is_article else citations.key(citation, where)
    date_citation: dict[str, Any] = {"citation": cited}
    date_citation["quote"] = writable_text(where, "date_citation.quote", citation.quote)
    if citation.is_article and citation.quote not in texts[main_key]:
        raise ExportError(
            _(
                "{where}: its date's sentence is not found verbatim in the source {key!r}, "
                "which an annotation file requires"
            ).format(where=where, key=main_key)
        )
    table["date_citation"] = date_citation | _optional(where, note=citation.note)
    if event.quotes:
        table["quotes"] = [
            _quote(where, f"quotes[{n}]", q, main_key, texts) for n, q in enumerate(event.quotes)
        ]
    if event.claim is not None:  # an imported event: what its file said, and where
        table["imported"] = {
            "text": writable_text(where, "imported.text", event.claim.text, blank_allowed=True),
            "origin": writable_text(where, "imported.origin", event.claim.origin),
        }
    if event.links:
        table["links"] = [_link(where, f"links[{n}]", link) for n, link in enumerate(event.links)]
    if event.translations:
        table["translations"] = {
            text.language: {"title": writable_text(where, "translations", text.title)}
            | _optional(where, summary=text.summary, note=text.note)
            for text in event.translations
        }
    return table


def _link(where: str, field_name: str, link: Link) -> dict[str, str]:
    table = {"kind": link.kind, "url": writable_text(where, f"{field_name}.url", link.url)}
    for name in ("credit", "caption"):
        value = getattr(link, name)
        if value:
            table[name] = writable_text(where, f"{field_name}.{name}", value)
    return table


def _quote(
    where: str, field_name: str, quote: Quote, main_key: str, texts: dict[str, str]
) -> str | dict[str, Any]:
    """Plain text for a quote found once in the main source; else a table naming its source
    and, when the text occurs more than once there, which occurrence it is."""
    text = writable_text(where, field_name, quote.text)
    if not quote.verified or quote.start is None:
        raise _damaged(where, quote.problem or _("a quote has no offsets"))
    starts = occurrences(texts[quote.source_key], text)
    if starts == [quote.start] and quote.source_key == main_key and not quote.translations:
        return text
    table: dict[str, Any] = {} if quote.source_key == main_key else {"source": quote.source_key}
    table["text"] = text
    if len(starts) > 1:
        table["occurrence"] = starts.index(quote.start) + 1
    if quote.translations:  # beside the quote, never in its place
        table["translations"] = {
            tag: writable_text(where, f"{field_name}.translations", words)
            for tag, words in quote.translations
        }
    return table


# -- values -----------------------------------------------------------------------------------


def writable_text(where: str, field_name: str, value: str, *, blank_allowed: bool = False) -> str:
    """A text the annotation format can hold, exactly; else a one-line ExportError."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ExportError(
            _(
                "{where}, {field}: holds a lone surrogate (U+{code}), which is not Unicode text "
                "and cannot be written to TOML"
            ).format(where=where, field=field_name, code=f"{ord(value[error.start]):04X}")
        ) from None
    if "\x00" in value:
        raise ExportError(
            _("{where}, {field}: holds a NUL character, which an annotation file refuses").format(
                where=where, field=field_name
            )
        )
    if not value.strip() and not blank_allowed:
        raise ExportError(
            _("{where}, {field}: is empty, which an annotation file refuses").format(
                where=where, field=field_name
            )
        )
    return value


def _optional(where: str, **fields: str) -> dict[str, str]:
    """The fields that are not empty (an annotation file leaves empty ones out)."""
    return {k: writable_text(where, k, v, blank_allowed=True) for k, v in fields.items() if v}


def _key(where: str, key: str) -> str:
    if not _SLUG.match(key):
        raise ExportError(
            _(
                "{where}: its id {key!r} is not lower-case words joined by dashes, which an "
                "annotation file needs"
            ).format(where=where, key=key[:60])
        )
    return key


def _slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-")


def _damaged(where: str, problem: str) -> ExportError:
    return ExportError(
        _(
            "{where}: is damaged in the file ({problem}); 'desktopapp check FILE' lists what is "
            "wrong"
        ).format(where=where, problem=problem[:120])
    )


# -- layout -----------------------------------------------------------------------------------

_SECTIONS: tuple[tuple[str, str], ...] = (
    ("sources", "sources: each one's text is in the .txt file it names"),
    ("citations", "citations: outside reports that date events"),
    ("actors", "actors"),
    ("types", "types beyond the standard taxonomy"),
    ("events", "events"),
)
# Lists written one item a line, so that a diff shows the actor or quote that changed.
_LONG_LISTS = {"actors", "quotes", "links"}


def _layout(document: dict[str, Any]) -> str:
    lines = [
        f"# Annotations exported by desktopapp {__version__}.",
        "# Build a timeline from them: desktopapp build-db --annotations THIS_FILE --out FILE",
        "",
        f"schema = {_value(document['schema'])}",
    ]
    for name, comment in _SECTIONS:
        if not document[name]:
            continue
        lines += ["", f"# {'-' * 24} {comment}"]
        for table in document[name]:
            lines += ["", f"[[{name}]]", *_table_lines(table)]
    return "\n".join(lines) + "\n"


def _table_lines(table: dict[str, Any]) -> list[str]:
    lines = []
    for key, value in table.items():
        if key in _LONG_LISTS:
            lines += [f"{key} = [", *(f"    {_value(item)}," for item in value), "]"]
        else:
            lines.append(f"{key} = {_value(value)}")
    return lines


def _value(value: object) -> str:
    """One TOML value, inline; strings and numbers escaped by tomli-w."""
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_value(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list):
        return "[ " + ", ".join(_value(item) for item in value) + " ]"
    written = tomli_w.dumps({"v": value})
    return written.removeprefix("v = ").removesuffix("\n")
