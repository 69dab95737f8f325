"""Reading the human-written annotation file (TOML) into a checked :class:`Dataset`.

The annotation file is the source of truth for what the sources report. It is checked
strictly, and every problem is reported with the file, the entry and the field, because the
person fixing it is editing that file by hand:

- every quote must be a verbatim span of its source, found exactly once (or the occurrence
  it names);
- every event has a date in the supported EDTF notation and a citation for it;
- every actor, type and citation an event names must be defined;
- unknown keys are refused (a typo in a key must not silently drop a fact).

Two schemas are read. Schema 1 has one ``[source]``, the article, whose id is ``article``.
Schema 2 lists ``[[sources]]`` (each a ``file`` next to the annotation file, or an inline
``text``); the first one is the timeline's main source: plain-string quotes and dates cited
from a source refer to it, and a quote of another source names it,
``{ source = "politico", text = "..." }``. Schema 2 is also what the TOML export writes, so
its text values are kept exactly as written (schema 1 strips them, as hand-written files
want) and the fields a timeline may leave empty may be left out.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktopapp.db.reading import is_language_tag
from desktopapp.domain.dates import DateError, FuzzyDate, parse_edtf
from desktopapp.domain.l10n import N_, _, number
from desktopapp.domain.model import LINK_KINDS, ActorKind, Role
from desktopapp.ingest.dataset import (
    DEFAULT_TYPES,
    ActorSpec,
    CitationSpec,
    Dataset,
    EventSpec,
    LinkSpec,
    QuoteSpec,
    SourceSpec,
    TextSpec,
    TypeSpec,
)
from desktopapp.safe_files import read_regular_file

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ARTICLE_BYTES = 20 * 1024 * 1024  # an article is well under 1 MB; /dev/zero is endless
MAX_TOTAL_TEXT_BYTES = 5 * MAX_ARTICLE_BYTES  # all sources together
SUPPORTED_SCHEMAS = (1, 2)
LATEST_SCHEMA = SUPPORTED_SCHEMAS[-1]
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
            where = _("{file}: {entry}").format(file=where, entry=entry)
        if field:
            where = _("{where}, field '{field}'").format(where=where, field=field)
        super().__init__(_("{where}: {reason}").format(where=where, reason=message))


@dataclass(frozen=True)
class _Entry:
    """Where we are in the file, for messages, and which schema's rules apply."""

    path: Path
    name: str
    schema: int = 1

    @property
    def exact(self) -> bool:
        """Schema 2 keeps text values as written (see the module's docstring)."""
        return self.schema >= 2

    def fail(self, message: str, field: str = "") -> AnnotationError:
        return AnnotationError(self.path, message, self.name, field)

    def at(self, name: str) -> _Entry:
        return _Entry(self.path, name, self.schema)


_TOP_KEYS = {"schema", "citations", "actors", "types", "events"}


def load_annotations(path: Path) -> Dataset:
    """Read and check an annotation file and the source texts it names."""
    document = _read_toml(path)
    top = _Entry(path, "", _schema(_Entry(path, ""), document))
    sources = _sources(top, document)
    # Schema 2 may leave out an empty list, as the export does: a timeline may cite no report.
    cited = _tables(top, document, "citations", required=top.schema == 1)
    citations = [_citation(top, i, t) for i, t in enumerate(cited)]
    actors = [_actor(top, i, t) for i, t in enumerate(_tables(top, document, "actors"))]
    types = _types(top, _tables(top, document, "types", required=False))
    _unique(path, "source", [s.key for s in sources])
    _unique(path, "citation", [c.key for c in citations])
    for citation in citations:  # a date's citation names either, so they must differ
        if citation.key in {s.key for s in sources}:
            raise AnnotationError(
                path,
                _("a citation and a source both have the id {key}").format(key=repr(citation.key)),
            )
    _unique(path, "actor", [a.key for a in actors])
    context = _Context(
        sources={s.key: s for s in sources},
        main_source=sources[0],
        citations={c.key for c in citations},
        actors={a.key for a in actors},
        types={t.slug for t in types},
    )
    events = [_event(top, i, t, context) for i, t in enumerate(_tables(top, document, "events"))]
    _unique(path, "event", [e.key for e in events])
    if not events:
        raise top.fail(_("the file defines no events"), "events")
    return Dataset(
        sources=sources,
        citations=citations,
        actors=actors,
        types=types,
        events=events,
        meta={"annotations_sha256": hashlib.sha256(path.read_bytes()).hexdigest()},
    )


def _schema(top: _Entry, document: dict[str, Any]) -> int:
    schema = document.get("schema")
    if type(schema) is not int or schema not in SUPPORTED_SCHEMAS:  # not bool: True == 1
        found = repr(schema) if isinstance(schema, int | str) else type(schema).__name__
        allowed = " or ".join(map(str, SUPPORTED_SCHEMAS))
        raise top.fail(
            _("'schema' must be {allowed}, found {found}").format(
                allowed=allowed, found=format(found, ".60")
            ),
            "schema",
        )
    return schema


def _sources(top: _Entry, document: dict[str, Any]) -> list[SourceSpec]:
    """Schema 1's one ``[source]``, or schema 2's ``[[sources]]`` (their texts read)."""
    if top.schema == 1:
        _only_keys(top, document, _TOP_KEYS | {"source"})
        return [_source(top.at("[source]"), _table(top, document, "source"), article=True)]
    if "source" in document:
        raise top.fail(_("schema 2 lists its sources as [[sources]] tables"), "source")
    _only_keys(top, document, _TOP_KEYS | {"sources"})
    sources, total = [], 0
    for index, table in enumerate(_tables(top, document, "sources")):
        entry = top.at(f"source #{index + 1} ({_name(table, 'id')})")
        sources.append(_source(entry, table, article=False))
        total += len(sources[-1].text.encode("utf-8", "surrogatepass"))
        if total > MAX_TOTAL_TEXT_BYTES:  # checked as they are read: each may be 20 MB
            raise entry.fail(
                _("the sources' texts add up to more than {limit} bytes").format(
                    limit=number(MAX_TOTAL_TEXT_BYTES)
                ),
                "file",
            )
    if not sources:
        raise top.fail(_("the file lists no sources"), "sources")
    return sources


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise AnnotationError(
                path,
                _("the file is too large ({size} bytes, at most {limit})").format(
                    size=number(size), limit=number(MAX_FILE_BYTES)
                ),
            )
        raw = read_regular_file(path, MAX_FILE_BYTES)
    except OSError as error:
        raise AnnotationError(
            path, _("cannot be read ({value})").format(value=error.strerror or error)
        ) from error
    return _parse_toml(path, raw)


def _parse_toml(path: Path, raw: bytes) -> dict[str, Any]:
    try:
        # A UTF-8 byte order mark, as some Windows editors write, is not part of the text.
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise AnnotationError(
            path, _("is not UTF-8 text (byte {start})").format(start=error.start)
        ) from error
    _check_key_depth(path, text)
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise AnnotationError(path, _("is not valid TOML: {error}").format(error=error)) from error
    except RecursionError as error:
        raise AnnotationError(path, _("is nested too deeply to be an annotation file")) from error
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
        _(
            "line {line}, column {column}: a dotted key of more than "
            "{limit} parts; no key of an annotation file is nested that "
            "deep"
        ).format(line=line, column=column, limit=MAX_KEY_PARTS),
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
                _(
                    "lists or tables nested more than {limit} deep; nothing in an "
                    "annotation file is nested that deep"
                ).format(limit=MAX_NESTING),
            )
        if isinstance(value, dict):
            pending.extend((item, depth + 1) for item in value.values())
        elif isinstance(value, list):
            pending.extend((item, depth + 1) for item in value)


@dataclass(frozen=True)
class _Context:
    sources: dict[str, SourceSpec]
    main_source: SourceSpec  # plain quotes and source-cited dates refer to it
    citations: set[str]
    actors: set[str]
    types: set[str]


_SOURCE_KEYS = {"id", "title", "outlet", "language", "url", "published", "published_note"}


def _source(entry: _Entry, table: dict[str, Any], *, article: bool) -> SourceSpec:
    """A source: schema 1's ``[source]`` (``article``) or one of schema 2's ``[[sources]]``."""
    if article:
        _only_keys(entry, table, _SOURCE_KEYS | {"file"})
        key = _string(entry, table, "id")
        if key != ARTICLE:
            raise entry.fail(_("the source's id must be '{article}'").format(article=ARTICLE), "id")
    else:
        _only_keys(entry, table, _SOURCE_KEYS | {"file", "text", "author"})
        key = _slug(entry, table, "id")
    if not article and ("file" in table) == ("text" in table):
        raise entry.fail(_("give the source's text as either 'file' or 'text', not both"), "file")
    text = _inline_text(entry, table) if "text" in table else _text_file(entry, table)
    if "\x00" in text:
        # SQLite's text functions stop at a NUL, so the build could not verify the quotes.
        field = "text" if "text" in table else "file"
        raise entry.fail(
            _("the text holds a NUL character (at {value})").format(value=text.index(chr(0))), field
        )
    optional = not article  # schema 2 may leave these out, as a timeline may leave them empty
    return SourceSpec(
        key=key,
        title=_string(entry, table, "title"),
        outlet=_string(entry, table, "outlet", optional=optional),
        language=_string(entry, table, "language", optional=optional),
        url=_url(entry, table),
        # Schema 2 may leave it out: a pasted text's date may not be known.
        published=None
        if optional and "published" not in table
        else _date(entry, table, "published"),
        published_note=_string(entry, table, "published_note", optional=optional),
        text=text,
        author=_string(entry, table, "author", optional=True),
    )


def _text_file(entry: _Entry, table: dict[str, Any]) -> str:
    file_name = _string(entry, table, "file")
    text_path = entry.path.parent / file_name
    if Path(file_name).name != file_name:
        raise entry.fail(_("must be a file name next to the annotation file"), "file")
    try:
        return read_regular_file(text_path, MAX_ARTICLE_BYTES).decode("utf-8")
    except OSError as error:
        raise entry.fail(
            _("cannot read {text_path} ({value})").format(
                text_path=text_path, value=error.strerror or error
            ),
            "file",
        ) from error
    except UnicodeDecodeError as error:
        raise entry.fail(
            _("{file_name} is not UTF-8 text").format(file_name=file_name), "file"
        ) from error


def _inline_text(entry: _Entry, table: dict[str, Any]) -> str:
    value = table["text"]
    if not isinstance(value, str):
        raise entry.fail(_("must be text, not {value}").format(value=_kind(value)), "text")
    if not value.strip():
        raise entry.fail(_("is required and must be non-empty text"), "text")
    return value  # a source's text is never stripped: quotes are offsets into it


def _citation(top: _Entry, index: int, table: dict[str, Any]) -> CitationSpec:
    entry = top.at(f"citation #{index + 1} ({_name(table, 'id')})")
    _only_keys(entry, table, {"id", "outlet", "title", "url", "published"})
    # Schema 2 holds what a timeline holds: an outside report may have no address or date.
    optional = entry.schema >= 2
    return CitationSpec(
        key=_slug(entry, table, "id"),
        outlet=_string(entry, table, "outlet"),
        title=_string(entry, table, "title"),
        url=_url(entry, table, required=not optional),
        published=None
        if optional and "published" not in table
        else _date(entry, table, "published"),
    )


def _actor(top: _Entry, index: int, table: dict[str, Any]) -> ActorSpec:
    entry = top.at(f"actor #{index + 1} ({_name(table, 'id')})")
    _only_keys(entry, table, {"id", "name", "kind", "aliases", "names"})
    kind = _string(entry, table, "kind")
    try:
        actor_kind = ActorKind(kind)
    except ValueError:
        allowed = ", ".join(k.value for k in ActorKind)
        raise entry.fail(
            _("unknown kind {kind}; use one of {allowed}").format(kind=repr(kind), allowed=allowed),
            "kind",
        ) from None
    aliases = table.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise entry.fail(_("must be a list of non-empty names"), "aliases")
    name = _string(entry, table, "name")
    names = _by_language(entry, table, "names")
    return ActorSpec(
        _slug(entry, table, "id"),
        name,
        actor_kind,
        tuple(aliases),
        tuple((tag, other) for tag, other in names if other != name),
    )


def _language_tag(entry: _Entry, field: str, value: object) -> str:
    if not isinstance(value, str) or not is_language_tag(value):
        raise entry.fail(f"{_kind(value) if not isinstance(value, str) else repr(value[:20])} "
                         "is not a language code such as 'fr' or 'en'", field)  # fmt: skip
    return value


def _by_language(entry: _Entry, table: dict[str, Any], key: str) -> list[tuple[str, str]]:
    """``key = { fr = "…", en = "…" }``: non-empty texts by language, sorted."""
    value = table.get(key, {})
    if not isinstance(value, dict):
        raise entry.fail(_('must be a table of texts by language: { fr = "…" }'), key)
    found = []
    for tag in sorted(value):
        _language_tag(entry, f"{key}.{tag}", tag)
        found.append((tag, _string(entry, value, tag)))
    return found


def _types(top: _Entry, tables: list[dict[str, Any]]) -> list[TypeSpec]:
    types = list(DEFAULT_TYPES)
    known = {t.slug for t in types}
    for index, table in enumerate(tables):
        entry = top.at(f"type #{index + 1} ({_name(table, 'slug')})")
        _only_keys(entry, table, {"slug", "label"})
        slug = _string(entry, table, "slug")
        if not _TYPE_SLUG.match(slug):
            raise entry.fail(
                _("must be 'parent' or 'parent/child' in lower-case-with-dashes"), "slug"
            )
        if slug in known:
            raise entry.fail(_("type {slug} is already defined").format(slug=repr(slug)), "slug")
        if "/" in slug and slug.split("/")[0] not in known:
            raise entry.fail(
                _("its parent type {value} is not defined").format(value=repr(slug.split("/")[0])),
                "slug",
            )
        types.append(TypeSpec(slug, _string(entry, table, "label")))
        known.add(slug)
    return types


def _event(top: _Entry, index: int, table: dict[str, Any], context: _Context) -> EventSpec:
    entry = top.at(f"event #{index + 1} ({_name(table, 'id')})")
    _only_keys(
        entry,
        table,
        {"id", "title", "summary", "type", "date", "actors", "date_citation", "quotes"}
        | ({"imported", "links", "language", "translations"} if entry.schema >= 2 else set()),
    )
    type_slug = _string(entry, table, "type")
    if type_slug not in context.types:
        raise entry.fail(
            _("unknown event type {type_slug}").format(type_slug=repr(type_slug)), "type"
        )
    citation_key, citation_quote, citation_note = _date_citation(entry, table, context)
    claim = _claim(entry, table)
    return EventSpec(
        key=_slug(entry, table, "id"),
        title=_string(entry, table, "title"),
        summary=_string(entry, table, "summary", optional=entry.schema >= 2),
        type_slug=type_slug,
        date=_date(entry, table, "date"),
        actors=_participants(entry, table, context),
        citation_key=None if citation_key == context.main_source.key else citation_key,
        citation_quote=citation_quote,
        citation_note=citation_note,
        quotes=_quotes(entry, table, context) if claim is None or "quotes" in table else (),
        claim=claim,
        links=_links(entry, table),
        language=_language_tag(entry, "language", table["language"]) if "language" in table else "",
        translations=_translations(entry, table),
    )


def _translations(entry: _Entry, table: dict[str, Any]) -> tuple[TextSpec, ...]:
    """``[events.translations.fr]`` with title, summary and note: the event in French."""
    value = table.get("translations", {})
    if not isinstance(value, dict):
        raise entry.fail("must be a table of translations by language", "translations")
    own = table.get("language")
    texts = []
    for tag, words in sorted(value.items()):
        field = f"translations.{tag}"
        _language_tag(entry, field, tag)
        if tag == own:
            raise entry.fail("is the event's own language: its words are the event's", field)
        if not isinstance(words, dict):
            raise entry.fail("must be { title, summary, note }", field)
        unknown = sorted(set(words) - {"title", "summary", "note"})
        if unknown:
            raise entry.fail(f"unknown key(s) {', '.join(unknown)}", field)
        inner = entry.at(f"{entry.name}, translation {tag!r}")
        texts.append(
            TextSpec(
                tag,
                _string(inner, words, "title"),
                _string(inner, words, "summary", optional=True),
                _string(inner, words, "note", optional=True),
            )
        )
    return tuple(texts)


def _claim(entry: _Entry, table: dict[str, Any]) -> tuple[str, str] | None:
    """An imported event's ``imported = { text, origin }``: what its file said, and where."""
    value = table.get("imported")
    if value is None:
        return None
    if not isinstance(value, dict) or set(value) != {"text", "origin"}:
        raise entry.fail(_('must be { text = "...", origin = "..." }'), "imported")
    return (
        _string(entry, value, "text", optional=True),
        _string(entry, value, "origin"),
    )


def _links(entry: _Entry, table: dict[str, Any]) -> tuple[LinkSpec, ...]:
    value = table.get("links", [])
    if not isinstance(value, list):
        raise entry.fail(_("must be a list of { kind, url, credit, caption }"), "links")
    links = []
    for position, item in enumerate(value):
        field = f"links[{position}]"
        if not isinstance(item, dict) or not {"kind", "url"} <= set(item) <= _LINK_KEYS:
            raise entry.fail(_('must be { kind = "media", url = "...", credit, caption }'), field)
        if item["kind"] not in LINK_KINDS:
            raise entry.fail(
                _("kind must be one of {value}").format(value=", ".join(LINK_KINDS)),
                f"{field}.kind",
            )
        texts = {key: _string(entry, item, key, optional=key != "url") for key in _LINK_KEYS}
        links.append(LinkSpec(**texts))
    return tuple(links)


_LINK_KEYS = {"kind", "url", "credit", "caption"}


def _participants(
    entry: _Entry, table: dict[str, Any], context: _Context
) -> tuple[tuple[str, Role], ...]:
    value = table.get("actors", [] if entry.schema >= 2 else None)
    if not isinstance(value, list) or not (value or entry.schema >= 2):
        raise entry.fail(_("each event needs at least one actor"), "actors")
    result: list[tuple[str, Role]] = []
    for position, item in enumerate(value):
        field = f"actors[{position}]"
        if not isinstance(item, dict) or set(item) != {"id", "role"}:
            raise entry.fail(_('must be { id = "...", role = "acting" | "affected" }'), field)
        actor, role_name = item["id"], item["role"]
        if not isinstance(actor, str):
            raise entry.fail(
                _("must be an actor's id (text), not {value}").format(value=_kind(actor)),
                f"{field}.id",
            )
        if actor not in context.actors:
            raise entry.fail(_("unknown actor {value}").format(value=repr(actor[:60])), field)
        if not isinstance(role_name, str):
            raise entry.fail(
                _("must be acting or affected, not {value}").format(value=_kind(role_name)),
                f"{field}.role",
            )
        if role_name not in {r.value for r in Role}:
            raise entry.fail(
                _("unknown role {value}; use acting or affected").format(
                    value=repr(role_name[:60])
                ),
                f"{field}.role",
            )
        role = Role(role_name)
        if (actor, role) in result:
            raise entry.fail(
                _("actor {actor} is listed twice with the same role").format(actor=repr(actor)),
                field,
            )
        result.append((actor, role))
    return tuple(result)


def _date_citation(entry: _Entry, table: dict[str, Any], context: _Context) -> tuple[str, str, str]:
    value = table.get("date_citation")
    if not isinstance(value, dict):
        raise entry.fail(
            _("every date needs a citation { citation, quote, note }"), "date_citation"
        )
    unknown = set(value) - {"citation", "quote", "note"}
    if unknown:
        raise entry.fail(
            _("unknown key(s) {value}").format(value=", ".join(sorted(unknown))), "date_citation"
        )
    main = context.main_source.key
    citation = value.get("citation")
    if not isinstance(citation, str) or not citation:
        raise entry.fail(
            _("must name a citation id, or '{main}'").format(main=main), "date_citation.citation"
        )
    if citation in context.sources and citation != main:
        # The database records a date cited from a source only for the main one.
        raise entry.fail(
            _(
                "a date can cite the first source ({main}) or a [[citations]] entry, "
                "not the source {citation}"
            ).format(main=repr(main), citation=repr(citation)),
            "date_citation.citation",
        )
    if citation != main and citation not in context.citations:
        raise entry.fail(
            _("unknown citation {value}").format(value=repr(citation[:60])),
            "date_citation.citation",
        )
    quote = value.get("quote")
    if not isinstance(quote, str) or not quote.strip():
        raise entry.fail(
            _("give the sentence of the source that states the date"), "date_citation.quote"
        )
    note = value.get("note", "")
    if not isinstance(note, str):
        raise entry.fail(_("must be text"), "date_citation.note")
    if "\x00" in quote + note:
        raise entry.fail(_("must not contain NUL characters"), "date_citation")
    if not entry.exact:
        quote, note = quote.strip(), note.strip()
    if citation == main and quote not in context.main_source.text:
        # A sentence of a stored source is verified like a quote (its offsets are not kept).
        raise entry.fail(
            _("not found verbatim in the source {main}: {value}").format(
                main=repr(main), value=repr(quote[:80])
            ),
            "date_citation.quote",
        )
    return citation, quote, note


def _quotes(entry: _Entry, table: dict[str, Any], context: _Context) -> tuple[QuoteSpec, ...]:
    value = table.get("quotes")
    if not isinstance(value, list) or not value:
        raise entry.fail(_("each event needs at least one verbatim quote of a source"), "quotes")
    return tuple(
        _quote(entry, f"quotes[{position}]", quote, context) for position, quote in enumerate(value)
    )


def _quote(entry: _Entry, field: str, value: object, context: _Context) -> QuoteSpec:
    """A quote: plain text (of the main source) or, in schema 2,
    ``{ source = "id", text = "...", occurrence = N }`` (source and occurrence optional)."""
    source, occurrence = context.main_source, None
    translations: tuple[tuple[str, str], ...] = ()
    if isinstance(value, dict) and entry.schema >= 2:
        unknown = sorted(set(value) - {"source", "text", "occurrence", "translations"})
        if unknown:
            raise entry.fail(_("unknown key(s) {value}").format(value=", ".join(unknown)), field)
        translations = tuple(_by_language(entry, value, "translations"))
        source = _quoted_source(entry, f"{field}.source", value.get("source", source.key), context)
        occurrence = _occurrence(entry, f"{field}.occurrence", value.get("occurrence", None))
        field, value = f"{field}.text", value.get("text")
    if not isinstance(value, str) or not value.strip():
        if entry.schema >= 2:
            raise entry.fail(_('must be non-empty text, or { source = "id", text = "..." }'), field)
        raise entry.fail(_("must be non-empty text"), field)
    start = _find(entry, field, source, value, occurrence)
    return QuoteSpec(source.key, start, start + len(value), value, translations)


def _quoted_source(entry: _Entry, field: str, key: object, context: _Context) -> SourceSpec:
    if not isinstance(key, str):
        raise entry.fail(
            _("must be a source's id (text), not {value}").format(value=_kind(key)), field
        )
    if key not in context.sources:
        raise entry.fail(_("unknown source {value}").format(value=repr(key[:60])), field)
    return context.sources[key]


def _occurrence(entry: _Entry, field: str, value: object) -> int | None:
    if value is None:
        return None
    if type(value) is not int or value < 1:  # not bool
        raise entry.fail(_("must be a whole number from 1 (the first occurrence)"), field)
    return value


def _find(entry: _Entry, field: str, source: SourceSpec, quote: str, occurrence: int | None) -> int:
    """Where the quote starts in its source: its only occurrence, or the one named."""
    if source.key == ARTICLE:
        where = _("the article")
    else:
        where = _("source {key}").format(key=repr(source.key))
    starts = occurrences(source.text, quote, limit=max(2, occurrence or 0))
    if not starts:
        raise entry.fail(
            _("not found verbatim in {where}: {value}").format(where=where, value=repr(quote[:80])),
            field,
        )
    if occurrence is None:
        if len(starts) > 1:
            raise entry.fail(
                _(
                    "occurs more than once in {where}; quote a longer span or give its "
                    "occurrence: {value}"
                ).format(where=where, value=repr(quote[:80])),
                field,
            )
        return starts[0]
    if len(starts) < occurrence:
        raise entry.fail(
            _("occurs only {n} time(s) in {where}, not {occurrence}: {quote}").format(
                n=number(len(starts)), where=where, occurrence=occurrence, quote=repr(quote[:80])
            ),
            field.removesuffix(".text") + ".occurrence",
        )
    return starts[occurrence - 1]


def occurrences(text: str, quote: str, *, limit: int | None = None) -> list[int]:
    """Where ``quote`` starts in ``text``, overlapping occurrences included (the first
    ``limit`` of them). The export counts occurrences the same way to name one."""
    starts: list[int] = []
    start = text.find(quote)
    while start >= 0 and (limit is None or len(starts) < limit):
        starts.append(start)
        start = text.find(quote, start + 1)
    return starts


# -- small typed readers ----------------------------------------------------------------------


def _name(table: dict[str, Any], key: str) -> str:
    """An entry's id for messages, when it is text; what it is when it is not."""
    value = table.get(key, "?")
    return f"{value:.60}" if isinstance(value, str) else "?"


def _only_keys(entry: _Entry, table: dict[str, Any], allowed: set[str]) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise entry.fail(
            _("unknown key(s): {value} (allowed: {value2})").format(
                value=", ".join(unknown), value2=", ".join(sorted(allowed))
            )
        )


def _table(entry: _Entry, document: dict[str, Any], key: str) -> dict[str, Any]:
    value = document.get(key)
    if not isinstance(value, dict):
        raise entry.fail(_("a [{key}] table is required").format(key=key), key)
    return value


def _tables(
    entry: _Entry, document: dict[str, Any], key: str, *, required: bool = True
) -> list[dict[str, Any]]:
    value = document.get(key, [] if not required else None)
    if value is None:
        raise entry.fail(_("a [[{key}]] list is required").format(key=key), key)
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise entry.fail(_("must be a list of tables ([[{key}]])").format(key=key), key)
    return value


def _kind(value: object) -> str:
    """What a TOML value is, in the file's own words, for messages."""
    if isinstance(value, bool):
        return _("true/false")
    if isinstance(value, int | float):
        return _("a number")
    if isinstance(value, dict):
        return _("a table")
    if isinstance(value, list):
        return _("a list")
    return _("a date or time") if value is not None else _("nothing")


def _string(entry: _Entry, table: dict[str, Any], key: str, *, optional: bool = False) -> str:
    """A text field: required and non-blank, unless ``optional`` (then absent means "")."""
    value = table.get(key, "" if optional else None)
    if key in table and not isinstance(value, str):
        raise entry.fail(_("must be text, not {value}").format(value=_kind(value)), key)
    if not isinstance(value, str) or not (value.strip() or optional):
        raise entry.fail(_("is required and must be non-empty text"), key)
    if "\x00" in value:
        raise entry.fail(_("must not contain NUL characters"), key)
    return value if entry.exact else value.strip()


def _slug(entry: _Entry, table: dict[str, Any], key: str) -> str:
    value = _string(entry, table, key)
    if not _SLUG.match(value):
        raise entry.fail(
            _("{value} must be lower-case words joined by dashes").format(value=repr(value)), key
        )
    return value


def _url(entry: _Entry, table: dict[str, Any], *, required: bool = False) -> str:
    value = table.get("url", "")
    if not isinstance(value, str):
        raise entry.fail(_("must be text, not {value}").format(value=_kind(value)), "url")
    value = value.strip()
    if not value and not required:
        return ""
    if not re.match(r"^https?://[^\s<>\"]+$", value):
        raise entry.fail(
            _("{value} is not an http(s) address").format(value=repr(value[:80])), "url"
        )
    return value


def _date(entry: _Entry, table: dict[str, Any], key: str) -> FuzzyDate:
    value = table.get(key)
    if not isinstance(value, str):
        # A TOML date (unquoted 2022-03-01) cannot say month, interval or uncertainty.
        found = "nothing" if key not in table else _kind(value)
        raise entry.fail(
            _(
                'must be an EDTF date in quotes, such as "2022-03-01" or "2022-03~" (found {found})'
            ).format(found=found),
            key,
        )
    try:
        return parse_edtf(value)
    except DateError as error:
        raise entry.fail(str(error), key) from error


_TWO_WITH_THE_ID = {
    "source": N_("two sources have the id {key}"),
    "citation": N_("two citations have the id {key}"),
    "actor": N_("two actors have the id {key}"),
    "event": N_("two events have the id {key}"),
}


def _unique(path: Path, what: str, keys: list[str]) -> None:
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            raise AnnotationError(path, _(_TWO_WITH_THE_ID[what]).format(key=repr(key)))
        seen.add(key)
