"""Reading the human-written annotation file (TOML) into a checked :class:`Dataset`.

The annotation file is the source of truth for what the article reports. It is checked
strictly, and every problem is reported with the file, the entry and the field, because the
person fixing it is editing that file by hand:

- every quote must be a verbatim span of the article, found exactly once;
- every event has a date in the supported EDTF notation and a citation for it;
- every actor, type and citation an event names must be defined;
- unknown keys are refused (a typo in a key must not silently drop a fact).
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktopapp.domain.dates import DateError, FuzzyDate, parse_edtf
from desktopapp.domain.model import ActorKind, Role
from desktopapp.ingest.dataset import (
    DEFAULT_TYPES,
    ActorSpec,
    CitationSpec,
    Dataset,
    EventSpec,
    QuoteSpec,
    SourceSpec,
    TypeSpec,
)
from desktopapp.safe_files import read_regular_file

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ARTICLE_BYTES = 20 * 1024 * 1024  # an article is well under 1 MB; /dev/zero is endless
SUPPORTED_SCHEMA = 1
ARTICLE = "article"
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_TYPE_SLUG = re.compile(r"^[a-z0-9-]+(?:/[a-z0-9-]+)?$")
# The deepest key an annotation file needs is two parts (date_citation.citation); values
# nest no deeper than events -> event -> actors -> actor.
MAX_KEY_PARTS = 8
MAX_NESTING = 8
_KEY_PART = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""
_DEEP_KEY = re.compile(
    rf"(?<![A-Za-z0-9_-]){_KEY_PART}(?:[ \t]*\.[ \t]*{_KEY_PART}){{{MAX_KEY_PARTS}}}"
)


class AnnotationError(ValueError):
    """A problem in the annotation file, located as precisely as possible."""

    def __init__(self, path: Path, message: str, entry: str = "", field: str = "") -> None:
        self.path, self.entry, self.field, self.reason = path, entry, field, message
        where = path.name
        if entry:
            where += f": {entry}"
        if field:
            where += f", field '{field}'"
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class _Entry:
    """Where we are in the file, for messages."""

    path: Path
    name: str

    def fail(self, message: str, field: str = "") -> AnnotationError:
        return AnnotationError(self.path, message, self.name, field)


def load_annotations(path: Path) -> Dataset:
    """Read and check an annotation file and the source text it names."""
    document = _read_toml(path)
    top = _Entry(path, "")
    _only_keys(top, document, {"schema", "source", "citations", "actors", "types", "events"})
    schema = document.get("schema")
    if type(schema) is not int or schema != SUPPORTED_SCHEMA:  # not bool: True == 1
        found = repr(schema) if isinstance(schema, int | str) else type(schema).__name__
        raise top.fail(f"'schema' must be {SUPPORTED_SCHEMA}, found {found:.60}", "schema")
    source = _source(path, _table(top, document, "source"))
    citations = [_citation(path, i, t) for i, t in enumerate(_tables(top, document, "citations"))]
    actors = [_actor(path, i, t) for i, t in enumerate(_tables(top, document, "actors"))]
    types = _types(path, _tables(top, document, "types", required=False))
    _unique(path, "citation", [c.key for c in citations] + [ARTICLE])
    _unique(path, "actor", [a.key for a in actors])
    context = _Context(
        source=source,
        citations={c.key for c in citations},
        actors={a.key for a in actors},
        types={t.slug for t in types},
    )
    events = [_event(path, i, t, context) for i, t in enumerate(_tables(top, document, "events"))]
    _unique(path, "event", [e.key for e in events])
    if not events:
        raise top.fail("the file defines no events", "events")
    return Dataset(
        sources=[source],
        citations=citations,
        actors=actors,
        types=types,
        events=events,
        meta={"annotations_sha256": hashlib.sha256(path.read_bytes()).hexdigest()},
    )


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise AnnotationError(
                path, f"the file is too large ({size} bytes, at most {MAX_FILE_BYTES})"
            )
        raw = read_regular_file(path, MAX_FILE_BYTES)
    except OSError as error:
        raise AnnotationError(path, f"cannot be read ({error.strerror or error})") from error
    return _parse_toml(path, raw)


def _parse_toml(path: Path, raw: bytes) -> dict[str, Any]:
    try:
        # A UTF-8 byte order mark, as some Windows editors write, is not part of the text.
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise AnnotationError(path, f"is not UTF-8 text (byte {error.start})") from error
    _check_key_depth(path, text)
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise AnnotationError(path, f"is not valid TOML: {error}") from error
    except RecursionError as error:
        raise AnnotationError(path, "is nested too deeply to be an annotation file") from error
    _check_nesting(path, document)
    return document


def _check_key_depth(path: Path, text: str) -> None:
    """Refuse a very long dotted key before parsing: tomllib takes time growing with the
    square of its length (85 s for one of a few tens of thousands of parts)."""
    match = _DEEP_KEY.search(text)
    if match is None:
        return
    line = text.count("\n", 0, match.start()) + 1
    column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
    raise AnnotationError(
        path,
        f"line {line}, column {column}: a dotted key of more than {MAX_KEY_PARTS} parts; "
        "no key of an annotation file is nested that deep",
    )


def _check_nesting(path: Path, document: dict[str, Any]) -> None:
    """Refuse lists and tables nested deeper than any annotation file needs (walked without
    recursion), so that no later step can run out of stack on them."""
    pending: list[tuple[object, int]] = [(document, 0)]
    while pending:
        value, depth = pending.pop()
        if depth > MAX_NESTING:
            raise AnnotationError(
                path,
                f"lists or tables nested more than {MAX_NESTING} deep; nothing in an "
                "annotation file is nested that deep",
            )
        if isinstance(value, dict):
            pending.extend((item, depth + 1) for item in value.values())
        elif isinstance(value, list):
            pending.extend((item, depth + 1) for item in value)


@dataclass(frozen=True)
class _Context:
    source: SourceSpec
    citations: set[str]
    actors: set[str]
    types: set[str]


def _source(path: Path, table: dict[str, Any]) -> SourceSpec:
    entry = _Entry(path, "[source]")
    _only_keys(
        entry,
        table,
        {"id", "file", "title", "outlet", "language", "url", "published", "published_note"},
    )
    key = _string(entry, table, "id")
    if key != ARTICLE:
        raise entry.fail(f"the source's id must be '{ARTICLE}'", "id")
    file_name = _string(entry, table, "file")
    text_path = path.parent / file_name
    if Path(file_name).name != file_name:
        raise entry.fail("must be a file name next to the annotation file", "file")
    try:
        text = read_regular_file(text_path, MAX_ARTICLE_BYTES).decode("utf-8")
    except OSError as error:
        raise entry.fail(f"cannot read {text_path} ({error.strerror or error})", "file") from error
    except UnicodeDecodeError as error:
        raise entry.fail(f"{file_name} is not UTF-8 text", "file") from error
    return SourceSpec(
        key=key,
        title=_string(entry, table, "title"),
        outlet=_string(entry, table, "outlet"),
        language=_string(entry, table, "language"),
        url=_url(entry, table),
        published=_date(entry, table, "published"),
        published_note=_string(entry, table, "published_note"),
        text=text,
    )


def _citation(path: Path, index: int, table: dict[str, Any]) -> CitationSpec:
    entry = _Entry(path, f"citation #{index + 1} ({_name(table, 'id')})")
    _only_keys(entry, table, {"id", "outlet", "title", "url", "published"})
    return CitationSpec(
        key=_slug(entry, table, "id"),
        outlet=_string(entry, table, "outlet"),
        title=_string(entry, table, "title"),
        url=_url(entry, table, required=True),
        published=_date(entry, table, "published"),
    )


def _actor(path: Path, index: int, table: dict[str, Any]) -> ActorSpec:
    entry = _Entry(path, f"actor #{index + 1} ({_name(table, 'id')})")
    _only_keys(entry, table, {"id", "name", "kind", "aliases"})
    kind = _string(entry, table, "kind")
    try:
        actor_kind = ActorKind(kind)
    except ValueError:
        allowed = ", ".join(k.value for k in ActorKind)
        raise entry.fail(f"unknown kind {kind!r}; use one of {allowed}", "kind") from None
    aliases = table.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise entry.fail("must be a list of non-empty names", "aliases")
    return ActorSpec(
        _slug(entry, table, "id"), _string(entry, table, "name"), actor_kind, tuple(aliases)
    )


def _types(path: Path, tables: list[dict[str, Any]]) -> list[TypeSpec]:
    types = list(DEFAULT_TYPES)
    known = {t.slug for t in types}
    for index, table in enumerate(tables):
        entry = _Entry(path, f"type #{index + 1} ({_name(table, 'slug')})")
        _only_keys(entry, table, {"slug", "label"})
        slug = _string(entry, table, "slug")
        if not _TYPE_SLUG.match(slug):
            raise entry.fail("must be 'parent' or 'parent/child' in lower-case-with-dashes", "slug")
        if slug in known:
            raise entry.fail(f"type {slug!r} is already defined", "slug")
        if "/" in slug and slug.split("/")[0] not in known:
            raise entry.fail(f"its parent type {slug.split('/')[0]!r} is not defined", "slug")
        types.append(TypeSpec(slug, _string(entry, table, "label")))
        known.add(slug)
    return types


def _event(path: Path, index: int, table: dict[str, Any], context: _Context) -> EventSpec:
    entry = _Entry(path, f"event #{index + 1} ({_name(table, 'id')})")
    _only_keys(
        entry,
        table,
        {"id", "title", "summary", "type", "date", "actors", "date_citation", "quotes"},
    )
    type_slug = _string(entry, table, "type")
    if type_slug not in context.types:
        raise entry.fail(f"unknown event type {type_slug!r}", "type")
    citation_key, citation_quote, citation_note = _date_citation(entry, table, context)
    return EventSpec(
        key=_slug(entry, table, "id"),
        title=_string(entry, table, "title"),
        summary=_string(entry, table, "summary"),
        type_slug=type_slug,
        date=_date(entry, table, "date"),
        actors=_participants(entry, table, context),
        citation_key=None if citation_key == ARTICLE else citation_key,
        citation_quote=citation_quote,
        citation_note=citation_note,
        quotes=_quotes(entry, table, context.source),
    )


def _participants(
    entry: _Entry, table: dict[str, Any], context: _Context
) -> tuple[tuple[str, Role], ...]:
    value = table.get("actors")
    if not isinstance(value, list) or not value:
        raise entry.fail("each event needs at least one actor", "actors")
    result: list[tuple[str, Role]] = []
    for position, item in enumerate(value):
        field = f"actors[{position}]"
        if not isinstance(item, dict) or set(item) != {"id", "role"}:
            raise entry.fail('must be { id = "...", role = "acting" | "affected" }', field)
        actor, role_name = item["id"], item["role"]
        if not isinstance(actor, str):
            raise entry.fail(f"must be an actor's id (text), not {_kind(actor)}", f"{field}.id")
        if actor not in context.actors:
            raise entry.fail(f"unknown actor {actor[:60]!r}", field)
        if not isinstance(role_name, str):
            raise entry.fail(f"must be acting or affected, not {_kind(role_name)}", f"{field}.role")
        if role_name not in {r.value for r in Role}:
            raise entry.fail(
                f"unknown role {role_name[:60]!r}; use acting or affected", f"{field}.role"
            )
        role = Role(role_name)
        if (actor, role) in result:
            raise entry.fail(f"actor {actor!r} is listed twice with the same role", field)
        result.append((actor, role))
    return tuple(result)


def _date_citation(entry: _Entry, table: dict[str, Any], context: _Context) -> tuple[str, str, str]:
    value = table.get("date_citation")
    if not isinstance(value, dict):
        raise entry.fail("every date needs a citation { citation, quote, note }", "date_citation")
    unknown = set(value) - {"citation", "quote", "note"}
    if unknown:
        raise entry.fail(f"unknown key(s) {', '.join(sorted(unknown))}", "date_citation")
    citation = value.get("citation")
    if not isinstance(citation, str) or not citation:
        raise entry.fail("must name a citation id, or 'article'", "date_citation.citation")
    if citation != ARTICLE and citation not in context.citations:
        raise entry.fail(f"unknown citation {citation!r}", "date_citation.citation")
    quote = value.get("quote")
    if not isinstance(quote, str) or not quote.strip():
        raise entry.fail(
            "give the sentence of the source that states the date", "date_citation.quote"
        )
    note = value.get("note", "")
    if not isinstance(note, str):
        raise entry.fail("must be text", "date_citation.note")
    return citation, quote.strip(), note.strip()


def _quotes(entry: _Entry, table: dict[str, Any], source: SourceSpec) -> tuple[QuoteSpec, ...]:
    value = table.get("quotes")
    if not isinstance(value, list) or not value:
        raise entry.fail("each event needs at least one verbatim quote of the article", "quotes")
    quotes = []
    for position, quote in enumerate(value):
        field = f"quotes[{position}]"
        if not isinstance(quote, str) or not quote.strip():
            raise entry.fail("must be non-empty text", field)
        start = source.text.find(quote)
        if start < 0:
            raise entry.fail(f"not found verbatim in the article: {quote[:80]!r}", field)
        if source.text.find(quote, start + 1) >= 0:
            raise entry.fail(
                f"occurs more than once in the article; quote a longer span: {quote[:80]!r}", field
            )
        quotes.append(QuoteSpec(source.key, start, start + len(quote), quote))
    return tuple(quotes)


# -- small typed readers ----------------------------------------------------------------------


def _name(table: dict[str, Any], key: str) -> str:
    """An entry's id for messages, when it is text; what it is when it is not."""
    value = table.get(key, "?")
    return f"{value:.60}" if isinstance(value, str) else "?"


def _only_keys(entry: _Entry, table: dict[str, Any], allowed: set[str]) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise entry.fail(
            f"unknown key(s): {', '.join(unknown)} (allowed: {', '.join(sorted(allowed))})"
        )


def _table(entry: _Entry, document: dict[str, Any], key: str) -> dict[str, Any]:
    value = document.get(key)
    if not isinstance(value, dict):
        raise entry.fail(f"a [{key}] table is required", key)
    return value


def _tables(
    entry: _Entry, document: dict[str, Any], key: str, *, required: bool = True
) -> list[dict[str, Any]]:
    value = document.get(key, [] if not required else None)
    if value is None:
        raise entry.fail(f"a [[{key}]] list is required", key)
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise entry.fail(f"must be a list of tables ([[{key}]])", key)
    return value


def _kind(value: object) -> str:
    """What a TOML value is, in the file's own words, for messages."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return "a date or time" if value is not None else "nothing"


def _string(entry: _Entry, table: dict[str, Any], key: str) -> str:
    value = table.get(key)
    if key in table and not isinstance(value, str):
        raise entry.fail(f"must be text, not {_kind(value)}", key)
    if not isinstance(value, str) or not value.strip():
        raise entry.fail("is required and must be non-empty text", key)
    if "\x00" in value:
        raise entry.fail("must not contain NUL characters", key)
    return value.strip()


def _slug(entry: _Entry, table: dict[str, Any], key: str) -> str:
    value = _string(entry, table, key)
    if not _SLUG.match(value):
        raise entry.fail(f"{value!r} must be lower-case words joined by dashes", key)
    return value


def _url(entry: _Entry, table: dict[str, Any], *, required: bool = False) -> str:
    value = table.get("url", "")
    if not isinstance(value, str):
        raise entry.fail(f"must be text, not {_kind(value)}", "url")
    value = value.strip()
    if not value and not required:
        return ""
    if not re.match(r"^https?://[^\s<>\"]+$", value):
        raise entry.fail(f"{value[:80]!r} is not an http(s) address", "url")
    return value


def _date(entry: _Entry, table: dict[str, Any], key: str) -> FuzzyDate:
    value = table.get(key)
    if not isinstance(value, str):
        # A TOML date (unquoted 2022-03-01) cannot say month, interval or uncertainty.
        found = "nothing" if key not in table else _kind(value)
        raise entry.fail(
            f'must be an EDTF date in quotes, such as "2022-03-01" or "2022-03~" (found {found})',
            key,
        )
    try:
        return parse_edtf(value)
    except DateError as error:
        raise entry.fail(str(error), key) from error


def _unique(path: Path, what: str, keys: list[str]) -> None:
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            raise AnnotationError(path, f"two {what}s have the id {key!r}")
        seen.add(key)
