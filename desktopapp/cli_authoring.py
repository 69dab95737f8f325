"""The authoring commands: ``new``, ``source add``, ``actor add``, ``event add|edit|delete``,
``import``, ``history``. Thin wrappers over :mod:`desktopapp.db.commands`: each opens the file for
editing, executes one command (validated, one transaction, recorded in the history) and
prints the new key if it made one. A refused command says why in one line, exits with
status 2 and leaves the file unchanged byte for byte.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from desktopapp.domain import l10n
from desktopapp.domain.l10n import _, ngettext

AUTHOR_VARIABLE = "DESKTOPAPP_AUTHOR"
MAX_SOURCE_BYTES = 64 * 1024 * 1024


def add_parsers(commands: Any) -> None:
    """Register the authoring subcommands on the main parser's subparsers."""
    new = commands.add_parser(
        "new", help=_("create an empty timeline file (or one in an empty PostgreSQL database)")
    )
    new.add_argument("file", metavar="FILE", help=_("a new file, or postgresql://user@host/dbname"))
    new.add_argument("--title", default="", metavar="TEXT")
    new.set_defaults(handler=run_new)

    copy = commands.add_parser(
        "copy", help=_("copy a whole timeline between a file and a PostgreSQL server")
    )
    copy.add_argument("source", metavar="SOURCE", help=_("a timeline file or server URL"))
    copy.add_argument("target", metavar="DEST", help=_("a new file, or an empty database's URL"))
    copy.set_defaults(handler=run_copy)

    source = commands.add_parser("source", help=_("add a source to a timeline")).add_subparsers(
        title=_("source commands"), metavar="ACTION", required=True
    )
    source_add = source.add_parser("add", help=_("store a text as a source; prints its key"))
    source_add.add_argument("file", metavar="FILE", help=_("the timeline"))
    source_add.add_argument("source", metavar="SOURCE_FILE", help=_("a text file, or - for stdin"))
    source_add.add_argument("--title", default=None)
    source_add.add_argument("--outlet", default=None)
    source_add.add_argument("--author", default=None)
    source_add.add_argument("--url", default=None)
    source_add.add_argument("--published", default="", metavar="DATE")
    source_add.add_argument(
        "--language", default=None, metavar="CODE", help=_("the source's language: fr, en…")
    )
    source_add.set_defaults(handler=run_source_add)

    actor = commands.add_parser("actor", help=_("add an actor to a timeline")).add_subparsers(
        title=_("actor commands"), metavar="ACTION", required=True
    )
    actor_add = actor.add_parser("add", help=_("add an actor; prints its key"))
    actor_add.add_argument("file", metavar="FILE")
    actor_add.add_argument("name", metavar="NAME")
    actor_add.add_argument(
        "--kind",
        default="company",
        choices=(
            "company",
            "government",
            "institution",
            "international-body",
            "person",
            "group",
            "media",
            "market",
        ),
    )
    actor_add.add_argument("--alias", action="append", default=[], metavar="A")
    actor_add.set_defaults(handler=run_actor_add)

    event = commands.add_parser("event", help=_("add, edit or delete an event")).add_subparsers(
        title=_("event commands"), metavar="ACTION", required=True
    )
    event_add = event.add_parser("add", help=_("add an event from a quote; prints its key"))
    event_add.add_argument("file", metavar="FILE")
    event_add.add_argument("--source", required=True, metavar="KEY")
    event_add.add_argument("--quote", required=True, metavar="TEXT")
    event_add.add_argument("--occurrence", type=int, default=None, metavar="N")
    event_add.add_argument("--title", required=True, metavar="T")
    event_add.add_argument("--type", required=True, metavar="SLUG")
    event_add.add_argument("--summary", default="", metavar="S")
    _add_actor_and_date_arguments(event_add, date_required=True)
    event_add.set_defaults(handler=run_event_add)

    event_edit = event.add_parser("edit", help=_("change an event's fields"))
    event_edit.add_argument("file", metavar="FILE")
    event_edit.add_argument("key", metavar="EVENT_KEY")
    event_edit.add_argument("--title", default=None)
    event_edit.add_argument("--summary", default=None)
    event_edit.add_argument("--type", default=None, metavar="SLUG")
    event_edit.add_argument("--note", default="", metavar="WHY")
    _add_actor_and_date_arguments(event_edit, date_required=False)
    event_edit.set_defaults(handler=run_event_edit)

    event_translate = event.add_parser(
        "translate",
        help=_("give an event its title and summary in another language, or remove them"),
    )
    event_translate.add_argument("file", metavar="FILE")
    event_translate.add_argument("key", metavar="EVENT_KEY")
    event_translate.add_argument(
        "--language", required=True, metavar="CODE", help=_("the language: fr, en, de…")
    )
    event_translate.add_argument("--title", default=None, metavar="T")
    event_translate.add_argument("--summary", default="", metavar="S")
    event_translate.add_argument(
        "--date-note", default="", metavar="N", help=_("the note on its date, in that language")
    )
    event_translate.add_argument(
        "--remove", action="store_true", help=_("remove its words in that language")
    )
    event_translate.add_argument("--note", default="", metavar="WHY")
    event_translate.set_defaults(handler=run_event_translate)

    event_delete = event.add_parser("delete", help=_("delete an event (kept in the history)"))
    event_delete.add_argument("file", metavar="FILE")
    event_delete.add_argument("key", metavar="EVENT_KEY")
    event_delete.add_argument("--note", default="", metavar="WHY")
    event_delete.set_defaults(handler=run_event_delete)

    _add_import_parser(commands)

    history = commands.add_parser("history", help=_("what was changed, when, by whom, and why"))
    history.add_argument("file", metavar="FILE")
    history.add_argument("key", nargs="?", default=None, metavar="EVENT_KEY")
    history.add_argument("--json", action="store_true")
    history.set_defaults(handler=run_history)


def _add_import_parser(commands: Any) -> None:
    from desktopapp.ingest.importing import FORMATS, GroupAs

    command = commands.add_parser(
        "import",
        help=_(
            "import a timeline ({formats}) into a timeline file, created if it does not exist; "
            "all or nothing"
        ).format(formats=", ".join(f.label for f in FORMATS.values())),
    )
    command.add_argument("file", type=Path, metavar="FILE.timeline", help=_("the timeline"))
    command.add_argument("input", type=Path, metavar="INPUT", help=_("the file to import"))
    command.add_argument(
        "--format",
        choices=tuple(FORMATS),
        default=None,
        help=_("the input's format (default: told from its content and name)"),
    )
    command.add_argument(
        "--group-as",
        choices=tuple(g.value for g in GroupAs),
        default=GroupAs.ACTOR.value,
        help=_(
            "what a TimelineJS group becomes: an acting actor (default) or a type under 'Imported'"
        ),
    )
    command.add_argument("--title", default="", metavar="TEXT", help=_("a new timeline's title"))
    command.add_argument("--note", default="", metavar="WHY", help=_("kept in the history"))
    command.set_defaults(handler=run_import)


def _add_actor_and_date_arguments(parser: argparse.ArgumentParser, *, date_required: bool) -> None:
    parser.add_argument(
        "--actor",
        action="append",
        default=None,
        metavar="NAME[:acting|affected]",
        help=_("an actor of the event and its role (acting if not said); repeatable"),
    )
    parser.add_argument("--date", required=date_required, default=None, metavar="DATE")
    parser.add_argument("--date-source", default=None, metavar="KEY")
    parser.add_argument("--date-quote", default=None, metavar="TEXT")
    parser.add_argument("--date-occurrence", type=int, default=None, metavar="N")
    parser.add_argument("--date-url", default=None, metavar="URL")
    parser.add_argument("--date-outlet", default=None, metavar="O")
    parser.add_argument("--date-title", default="", metavar="T")
    parser.add_argument("--date-sentence", default=None, metavar="TEXT")
    parser.add_argument("--date-published", default="", metavar="DATE")
    parser.add_argument("--date-note", default="", metavar="TEXT")


# -- helpers ----------------------------------------------------------------------------------


def _author() -> str:
    from desktopapp.db.store import default_author

    return os.environ.get(AUTHOR_VARIABLE, "").strip() or default_author()


def _open(file: str):
    from desktopapp.db.store import TimelineStore

    return TimelineStore.open(file, author=_author())


def _say(line: str) -> None:
    print(line)


def _edtf(text: str, what: str) -> str:
    """A date typed by a person, as EDTF: EDTF itself, or free text read by date_input."""
    from desktopapp.domain.dates import DateError, parse_edtf
    from desktopapp.launch import UserError

    try:
        return parse_edtf(text).edtf()
    except DateError as error:
        problem = str(error)
    from desktopapp.domain.date_input import read_date

    try:
        return read_date(text).edtf
    except DateError as error:
        raise UserError(f"{what}: {error or problem}") from None


def find_quote(text: str, exact: str, occurrence: int | None, what: str) -> tuple[int, int]:
    """The span of ``exact`` in ``text``: it must occur once, or ``occurrence`` says which."""
    from desktopapp.domain.anchoring import AnchorError
    from desktopapp.domain.anchoring import find_quote as anchored
    from desktopapp.launch import UserError

    try:
        return anchored(text, exact, occurrence)
    except AnchorError as error:
        raise UserError(f"{what}: {error}") from None


def _cut(text: str, limit: int = 50) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _quote_input(store, source_key: str, exact: str, occurrence: int | None, what: str):
    from desktopapp.db.commands import CommandError, QuoteInput

    try:
        source_text = store.repository.source_text(source_key)
    except KeyError:
        raise CommandError(_("no source has the key {key!r}").format(key=source_key)) from None
    start, end = find_quote(source_text, exact, occurrence, what)
    return QuoteInput(source_key, start, end, exact)


def _citation(store, args: argparse.Namespace):
    """The date's citation from the --date-* options, or None if none was given."""
    from desktopapp.db.commands import OutsideReference, SourceSentence
    from desktopapp.launch import UserError

    from_source = args.date_source is not None or args.date_quote is not None
    outside = any(v is not None for v in (args.date_url, args.date_outlet, args.date_sentence))
    if from_source and outside:
        raise UserError(
            _(
                "cite the date either from a source (--date-source, --date-quote) or from an "
                "outside report (--date-url, --date-outlet, --date-sentence), not both"
            )
        )
    if from_source:
        if args.date_source is None or args.date_quote is None:
            raise UserError(
                _("a date cited from a source needs --date-source KEY and --date-quote")
            )
        quote = _quote_input(
            store, args.date_source, args.date_quote, args.date_occurrence, _("the date's quote")
        )
        return SourceSentence(quote)
    if outside:
        if not args.date_sentence:
            raise UserError(
                _("an outside citation needs --date-sentence: the words stating the date")
            )
        published = _edtf(args.date_published, "--date-published") if args.date_published else ""
        return OutsideReference(
            outlet=args.date_outlet or "",
            title=args.date_title,
            url=args.date_url or "",
            sentence=args.date_sentence,
            published=published,
            note=args.date_note,
        )
    return None


def _participants(store, names: list[str] | None) -> tuple[tuple[str, str], ...] | None:
    from desktopapp.launch import UserError

    if names is None:
        return None
    result = []
    for given in names:
        name, _colon, role = (
            given.rpartition(":")
            if given.endswith((":acting", ":affected"))
            else (
                given,
                "",
                "acting",
            )
        )
        if not name.strip():
            raise UserError("--actor " + _("{given!r}: give the actor's name").format(given=given))
        actor = store.repository.resolve_actor(name.strip())  # FilterError: one line
        result.append((actor.key, role))
    return tuple(result)


def _type_slug(store, name: str | None) -> str | None:
    return None if name is None else store.repository.resolve_type(name).slug


# -- commands ---------------------------------------------------------------------------------


def run_new(args: argparse.Namespace) -> int:
    from desktopapp.db.store import TimelineStore

    store = TimelineStore.create(args.file, title=args.title, author=_author())
    store.close()
    # A file as it was named; a server's URL with its password masked.
    _say(_("Created {file}.").format(file=args.file if store.path is not None else store.label))
    return 0


def run_copy(args: argparse.Namespace) -> int:
    from desktopapp.db.copying import copy_timeline_rows
    from desktopapp.db.locations import shown_location

    events = copy_timeline_rows(args.source, args.target)
    # English keeps its one wording ("1 events", as scripts have read it); French agrees.
    copied = ngettext("Copied {n} events to {target}.", "Copied {n} events to {target}.", events)
    _say(copied.format(n=l10n.number(events), target=shown_location(args.target)))
    return 0


def run_import(args: argparse.Namespace) -> int:
    """Import INPUT into FILE (made if need be) and print the report; a file that cannot be
    imported is one line on stderr with FILE as it was (or not created)."""
    from desktopapp.ingest.importing import (
        GroupAs,
        ImportFileError,
        ImportOptions,
        import_file,
    )
    from desktopapp.launch import UserError

    created = not (args.file.exists() or args.file.is_symlink())
    if args.title and not created:
        raise UserError(
            _("{file}: exists; --title names a new timeline only").format(file=args.file)
        )
    try:
        report = import_file(
            args.file,
            args.input,
            author=_author(),
            format_id=args.format,
            options=ImportOptions(GroupAs(args.group_as)),
            note=args.note,
            title=args.title,
        )
    except ImportFileError as error:
        raise UserError(str(error)) from None
    for line in report.lines():
        _say(line)
    _say((_("Created {file}.") if created else _("Updated {file}.")).format(file=args.file))
    return 0


def run_source_add(args: argparse.Namespace) -> int:
    from desktopapp.db.commands import AddSource
    from desktopapp.launch import UserError

    text, draft = _source_text(args.source)
    published = args.published or (draft.get("published_edtf", "") if draft else "")
    command = AddSource(
        text=text,
        title=args.title or (draft.get("title") if draft else None) or _default_title(args.source),
        outlet=args.outlet if args.outlet is not None else draft.get("outlet", ""),
        url=args.url if args.url is not None else draft.get("url", ""),
        language=args.language if args.language is not None else draft.get("language", ""),
        published_edtf=_edtf(published, "--published") if published else "",
        author=args.author if args.author is not None else draft.get("author", ""),
    )
    if not text.strip():
        raise UserError(_("{file}: has no text").format(file=args.source))
    with _open(args.file) as store:
        change = store.execute(command)
    _say(str(change.created_key))
    return 0


def _default_title(source: str) -> str:
    return _("Pasted text") if source == "-" else Path(source).stem


def _source_text(source: str) -> tuple[str, dict[str, str]]:
    """The text of a source file (via i11-ingest's extractors when present) or of stdin."""
    from desktopapp.launch import UserError

    if source == "-":
        data = sys.stdin.buffer.read(MAX_SOURCE_BYTES + 1)
        if len(data) > MAX_SOURCE_BYTES:
            raise UserError(_("the text on standard input is too large"))
        from desktopapp.ingest.sources import SourceError, draft_from_text

        try:
            return draft_from_text(_decoded(data, _("standard input"))).text, {}
        except SourceError as error:
            raise UserError(str(error)) from None
    path = Path(source)
    from desktopapp.ingest.sources import SourceError, draft_from_file

    try:
        draft = draft_from_file(path)
    except SourceError as error:
        raise UserError(str(error)) from None
    fields = {
        name: str(getattr(draft, name, "") or "")
        for name in ("title", "outlet", "author", "url", "published_edtf", "language")
    }
    return draft.text, fields


def _decoded(data: bytes, where: str) -> str:
    from desktopapp.launch import UserError

    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise UserError(
            _("{where}: not UTF-8 text (byte {byte})").format(where=where, byte=error.start)
        ) from None


def run_actor_add(args: argparse.Namespace) -> int:
    from desktopapp.db.commands import AddActor

    kind = "international-body" if args.kind == "institution" else args.kind
    with _open(args.file) as store:
        change = store.execute(AddActor(args.name, kind, tuple(args.alias)))
    _say(str(change.created_key))
    return 0


def run_event_add(args: argparse.Namespace) -> int:
    from desktopapp.db.commands import AddEvent
    from desktopapp.launch import UserError

    with _open(args.file) as store:
        quote = _quote_input(store, args.source, args.quote, args.occurrence, _("the quote"))
        citation = _citation(store, args)
        if citation is None:
            raise UserError(
                _(
                    "the date needs a citation: --date-source KEY --date-quote TEXT, or "
                    "--date-url URL --date-outlet O --date-sentence TEXT"
                )
            )
        command = AddEvent(
            title=args.title,
            type_slug=_type_slug(store, args.type) or "",
            date_edtf=_edtf(args.date, "--date"),
            citation=citation,
            participants=_participants(store, args.actor) or (),
            quotes=(quote,),
            summary=args.summary,
        )
        change = store.execute(command)
    _say(str(change.created_key))
    return 0


def run_event_edit(args: argparse.Namespace) -> int:
    from desktopapp.db.commands import EditEvent

    with _open(args.file) as store:
        command = EditEvent(
            event_key=args.key,
            title=args.title,
            summary=args.summary,
            type_slug=_type_slug(store, args.type),
            date_edtf=_edtf(args.date, "--date") if args.date is not None else None,
            citation=_citation(store, args),
            participants=_participants(store, args.actor),
        )
        change = store.execute(command, note=args.note)
    _say(change.text)
    return 0


def run_event_translate(args: argparse.Namespace) -> int:
    """An event's words in another language (shown to a reader of that language instead of
    its own words; its quotes are never translated), or their removal with --remove."""
    from desktopapp.db.commands import DeleteEventTranslation, SetEventTranslation
    from desktopapp.domain.model import EventText
    from desktopapp.launch import UserError

    if args.remove == (args.title is not None):
        raise UserError(_("give the event's --title in that language, or --remove"))
    with _open(args.file) as store:
        if args.remove:
            command: Any = DeleteEventTranslation(args.key, args.language)
        else:
            words = EventText(args.language, args.title, args.summary, args.date_note)
            command = SetEventTranslation(args.key, words)
        change = store.execute(command, note=args.note)
    _say(change.text)
    return 0


def run_event_delete(args: argparse.Namespace) -> int:
    from desktopapp.db.commands import DeleteEvent

    with _open(args.file) as store:
        change = store.execute(DeleteEvent(args.key), note=args.note)
    _say(change.text)
    return 0


def run_history(args: argparse.Namespace) -> int:
    from desktopapp.db.engine import open_database
    from desktopapp.db.history import read_history

    engine = open_database(args.file, snapshot=True)
    try:
        entries = read_history(engine, args.key)
    finally:
        engine.dispose()
    if args.json:
        sys.stdout.write(
            json.dumps([_entry_json(e) for e in entries], ensure_ascii=False, indent=2)
        )
        sys.stdout.write("\n")
        return 0
    for entry in entries:
        what = entry.entity_key if args.key is None else ""
        line = f"{entry.when}  {entry.author}  {entry.text}"
        if entry.field != "*":
            line += f": {entry.field} {_short_value(entry.old)} → {_short_value(entry.new)}"
        if what:
            line += f"  [{what}]"
        if entry.note:
            line += f"  ({entry.note})"
        print(line)
    return 0


def _entry_json(entry) -> dict[str, Any]:
    return {
        "when": entry.when,
        "author": entry.author,
        "change": entry.change,
        "text": entry.text,
        "kind": entry.entity_kind,
        "key": entry.entity_key,
        "field": entry.field,
        "old": entry.old,
        "new": entry.new,
        "note": entry.note,
    }


def _short_value(value: Any) -> str:
    shown = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return _cut(shown, 60)
