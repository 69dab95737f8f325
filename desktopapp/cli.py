"""The command line: ``desktopapp [--db PATH] [filters]``, ``build-db``, ``list``, ``export``,
``generate``.

Every failure a person can cause (a missing file, an unknown company, an unreadable date, an
unwritable target) ends with one line on stderr and exit status 2; never a traceback. Qt
widgets are imported only when a window or a rendering is asked for.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import io
import shutil
import signal
import sqlite3
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from desktopapp.domain import l10n
from desktopapp.domain.filter import EventFilter, FilterError, parse_user_date
from desktopapp.domain.l10n import N_, _, ngettext
from desktopapp.domain.model import Event
from desktopapp.interrupts import Stopped, check, deferred, signals_as_interrupts
from desktopapp.launch import EXIT_USAGE, LaunchOptions, UserError

# Qt's own command-line options (QApplication, QGuiApplication): with a value, and without.
QT_OPTIONS_WITH_VALUE = frozenset(
    {
        "-style",
        "-stylesheet",
        "-platform",
        "-platformpluginpath",
        "-platformtheme",
        "-plugin",
        "-display",
        "-geometry",
        "-qwindowgeometry",
        "-qwindowicon",
        "-qwindowtitle",
        "-title",
        "-name",
        "-session",
        "-qmljsdebugger",
        "-dialogs",
    }
)
QT_FLAGS = frozenset({"-reverse", "-widgetcount", "-nograb", "-dograb", "-sync"})


def split_qt_arguments(argv: Sequence[str]) -> tuple[list[str], list[str]]:
    """(our arguments, Qt's): ``-style Fusion``, ``-platform=xcb``, ``-reverse``… are Qt's,
    handed to QApplication as given; argparse would read ``Fusion`` as a command."""
    ours: list[str] = []
    qt: list[str] = []
    words = iter(argv)
    for word in words:
        if word == "--":
            ours.append(word)
            ours.extend(words)
            break
        name = word.split("=", 1)[0]
        if name in QT_OPTIONS_WITH_VALUE:
            qt.append(word)
            if "=" not in word:
                value = next(words, None)
                if value is None:
                    raise UserError(_("the Qt option {option} needs a value").format(option=word))
                qt.append(value)
        elif word in QT_FLAGS:
            qt.append(word)
        else:
            ours.append(word)
    return ours, qt


def main(argv: Sequence[str] | None = None) -> int:
    _use_utf8_output()
    _argparse_speaks_our_language()
    # Every word is chosen in the language asked for: the system's until --language is read.
    with l10n.speaking(l10n.system_language()):
        try:
            ours, qt_arguments = split_qt_arguments(sys.argv[1:] if argv is None else argv)
        except UserError as error:
            print(f"desktopapp: {error}", file=sys.stderr)
            return EXIT_USAGE
        parser = build_parser()
        asked = language_asked(parser, ours)
        if asked is not None and l10n.supported(asked) not in (None, l10n.language()):
            l10n.use_language(asked)
            parser = build_parser()  # its help in that language
        args = parser.parse_args(ours)
        args.qt_arguments = tuple(qt_arguments)
        return _run(args, qt_arguments)


def language_asked(parser: argparse.ArgumentParser, words: Sequence[str]) -> str | None:
    """The value of ``--language`` among the options before the command (``source add
    --language`` is a source's language, not the program's), or None.

    Read before the real parse so that the help and argparse's own errors are written in it."""
    actions = parser._option_string_actions  # argparse's own table: which options take a value
    remaining = iter(words)
    for word in remaining:
        if word == "--" or not word.startswith("-"):
            return None  # the command (or a positional argument): the options before it end
        name, equals, value = word.partition("=")
        action = actions.get(name)
        if action is None and len(name) > 3 and LANGUAGE_OPTION.startswith(name):
            action = actions[LANGUAGE_OPTION]  # argparse accepts a prefix: --lang fr
        if action is None:
            continue
        if action.dest == "language":
            return value if equals else next(remaining, None)
        if action.nargs != 0 and not equals:
            next(remaining, None)  # the option's value, not a command
    return None


def _run(args: argparse.Namespace, qt_arguments: Sequence[str]) -> int:
    handler: Callable[[argparse.Namespace], int] = getattr(args, "handler", run_window)
    if qt_arguments and handler not in (run_window, run_open):
        print(
            "desktopapp: "
            + _("{option} is a Qt option: it applies to the window only").format(
                option=qt_arguments[0]
            ),
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        # The window's event loop runs no Python code to receive them: it keeps the defaults.
        with contextlib.nullcontext() if handler is run_window else signals_as_interrupts():
            return handler(args)
    except Stopped as stopped:
        _remove_unfinished_files()
        _report(_("stopped by {signal}").format(signal=signal.Signals(stopped.signum).name))
        return 128 + stopped.signum
    except KeyboardInterrupt:
        _remove_unfinished_files()
        _report(_("interrupted"))
        return 130
    except BrokenPipeError:
        return 0
    except OSError as error:
        if error.errno != errno.EBADF:
            _report(f"{error.filename or _('a file')}: {error.strerror or error}")
        else:
            _report(_("cannot print the output: standard output is closed"))
        return EXIT_USAGE
    except (UserError, FilterError) as error:
        _report(str(error))
        return EXIT_USAGE
    except Exception as error:  # the known failures of lower layers, reported in one line
        message = _known_failure(error)
        if message is None:
            raise
        _report(message)
        return EXIT_USAGE


def _remove_unfinished_files() -> None:
    from desktopapp.safe_files import remove_unfinished_temporaries

    remove_unfinished_temporaries()


def _report(message: str) -> None:
    """One line on stderr, whatever the message's origin held (a driver's multi-line text)."""
    line = " ".join(part.strip() for part in message.splitlines() if part.strip())
    if sys.stderr is None:  # started with stderr closed: print(file=None) would use stdout
        return
    with contextlib.suppress(OSError, ValueError):  # stderr gone too (SIGHUP): nothing to do
        print(f"desktopapp: {line}", file=sys.stderr)


def _say(line: str) -> None:
    """A command's closing summary; the work is done, so a closed stdout is no failure."""
    with contextlib.suppress(OSError):
        print(line)


class _ClosedOutput(io.TextIOBase):
    """Stands for stdout when the process was started with it closed (``>&-``)."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, _("standard output is closed"))


def _known_failure(error: Exception) -> str | None:
    from desktopapp.db.commands import CommandError
    from desktopapp.db.engine import DatabaseError
    from desktopapp.ingest.annotations import AnnotationError
    from desktopapp.ingest.builder import BuildError
    from desktopapp.ingest.upgrade import UpgradeError

    if isinstance(
        error, AnnotationError | BuildError | CommandError | DatabaseError | UpgradeError
    ):
        return str(error)
    from desktopapp.db.errors import describe_error
    from desktopapp.export.files import ExportError
    from desktopapp.safe_files import FileProblem

    if isinstance(error, ExportError | FileProblem):
        return str(error)
    from sqlalchemy.exc import SQLAlchemyError

    if isinstance(error, SQLAlchemyError | sqlite3.Error):
        return describe_error(error)
    return None


def _use_utf8_output() -> None:
    if sys.stdout is None:  # started with stdout closed
        sys.stdout = _ClosedOutput()
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


# -- parser -----------------------------------------------------------------------------------

LANGUAGE_OPTION = "--language"

# argparse's own words, for the catalogue: argparse looks up ``_`` and ``ngettext`` in its
# module when it writes them, so pointing those at ours puts its usage, help and errors in
# the reader's language too (see _argparse_speaks_our_language). Python 3.11's messages.
ARGPARSE_WORDS = (
    N_("usage: "),
    N_("options"),
    N_("positional arguments"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("unrecognized arguments: %s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
    N_("unexpected option string: %s"),
)


def _argparse_plural(count: int) -> str:
    """argparse's one plural message, written here for the catalogue's extractor."""
    return ngettext("expected %s argument", "expected %s arguments", count)


def _argparse_speaks_our_language() -> None:
    setattr(argparse, "_", _)  # noqa: B010 (argparse's module-level gettext, looked up late)
    setattr(argparse, "ngettext", ngettext)  # noqa: B010


class _VersionAction(argparse.Action):
    """--version: the version is read when asked for, not at every start (see __init__)."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kwargs: object) -> None:
        import desktopapp

        print(f"desktopapp {desktopapp.__version__}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="desktopapp",
        description=_(
            "A timeline of the events a news article reports, with verbatim quotes "
            "and sourced dates. Without a command, opens the window."
        ),
    )
    parser.add_argument(
        "--version", action=_VersionAction, nargs=0, help=_("show the version and exit")
    )
    parser.add_argument(
        LANGUAGE_OPTION,
        choices=l10n.LANGUAGES,
        default=None,  # not given: the system's, or for the window the one chosen in it
        help=_(
            "the language of the messages, the window and the exports "
            "(default: the system's, {language})"
        ).format(language=l10n.language()),
    )
    _add_database_argument(parser, top_level=True)
    _add_filter_arguments(parser, top_level=True)
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="FILE",
        help=_(
            "render the window to a PNG file and exit (use with "
            "QT_QPA_PLATFORM=offscreen on a machine without a screen)"
        ),
    )
    parser.add_argument("--size", type=_size, metavar="WxH", help=_("window size, e.g. 1280x720"))
    commands = parser.add_subparsers(title=_("commands"), metavar="COMMAND")

    build = commands.add_parser("build-db", help=_("build the database from article + annotations"))
    build.add_argument(
        "--out",
        type=Path,
        metavar="PATH",
        help=_("where to write it (default: the app's own database)"),
    )
    build.add_argument(
        "--annotations",
        type=Path,
        metavar="PATH",
        help=_("annotation file (default: the one shipped with the app)"),
    )
    build.set_defaults(handler=run_build)

    upgrade = commands.add_parser(
        "upgrade-db",
        help=_("upgrade a database of an older schema (a file: after a backup copy)"),
    )
    upgrade.add_argument("path", metavar="PATH", help=_("database file or SQLAlchemy URL"))
    upgrade.set_defaults(handler=run_upgrade)

    opening = commands.add_parser(
        "open",
        help=_("open the window on a timeline file (what a file manager runs on a double-click)"),
    )
    opening.add_argument(
        "file", nargs="?", metavar="FILE", help=_("a timeline file (default: the bundled sample)")
    )
    _add_filter_arguments(opening)
    opening.set_defaults(handler=run_open)

    listing = commands.add_parser("list", help=_("print the events that match the filters"))
    _add_database_argument(listing)
    _add_filter_arguments(listing)
    listing.add_argument("--json", action="store_true", help=_("print a JSON array instead"))
    listing.set_defaults(handler=run_list)

    export = commands.add_parser("export", help=_("export the filtered timeline to files"))
    _add_database_argument(export)
    _add_filter_arguments(export)
    from desktopapp.export.formats import FORMATS

    for export_format in FORMATS.values():
        export.add_argument(
            export_format.flag, type=Path, metavar="FILE", help=export_format.help_text
        )
    export.add_argument(
        "--page-size", choices=("A4", "Letter"), default="A4", help=_("the PDF's page size")
    )
    export.add_argument(
        "--orientation",
        choices=("landscape", "portrait"),
        default="landscape",
        help=_("the PDF's page orientation (default: landscape)"),
    )
    export.add_argument(
        "--group-by",
        choices=("actor", "type", "none"),
        default="actor",
        help=_("the chart's lanes: one per acting actor (the default), per type, or one lane"),
    )
    export.set_defaults(handler=run_export)

    check = commands.add_parser(
        "check", help=_("re-verify a database file and list every damaged row (exit 1 if any)")
    )
    check.add_argument("path", metavar="FILE", help=_("database file or SQLAlchemy URL"))
    check.set_defaults(handler=run_check)

    generate = commands.add_parser("generate", help=_("write a synthetic database for benchmarks"))
    generate.add_argument("--events", type=_positive, required=True, metavar="N")
    generate.add_argument("--out", type=Path, required=True, metavar="PATH")
    generate.add_argument("--seed", type=int, default=1)
    generate.set_defaults(handler=run_generate)

    from desktopapp.cli_authoring import add_parsers

    add_parsers(commands)
    return parser


def _add_database_argument(parser: argparse.ArgumentParser, *, top_level: bool = False) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=None if top_level else argparse.SUPPRESS,
        help=_("database file or SQLAlchemy URL (default: the bundled article database)"),
    )


def _add_filter_arguments(parser: argparse.ArgumentParser, *, top_level: bool = False) -> None:
    """The filter flags. A subcommand's own flags default to "not given" (SUPPRESS), so that
    filters written before the subcommand (``desktopapp --search X export ...``) still apply
    instead of being silently reset by the subcommand's defaults."""

    def default(value: object) -> object:
        return value if top_level else argparse.SUPPRESS

    group = parser.add_argument_group(_("filters (combine freely)"))
    group.add_argument(
        "--company",
        action="append",
        default=default([]),
        metavar="NAME",
        help=_(
            "an actor's name or alias (company, government, institution); repeat for any of several"
        ),
    )
    group.add_argument(
        "--type",
        action="append",
        default=default([]),
        metavar="TYPE",
        help=_(
            "an event type slug or label, e.g. sanction or "
            "corporate-withdrawal/sales-halt; a parent includes its children"
        ),
    )
    group.add_argument(
        "--from",
        dest="date_from",
        default=default(None),
        metavar="DATE",
        help=_("events whose (possibly uncertain) span reaches this date or later"),
    )
    group.add_argument(
        "--to",
        dest="date_to",
        default=default(None),
        metavar="DATE",
        help=_("events whose span starts on or before this date"),
    )
    group.add_argument(
        "--search",
        default=default(""),
        metavar="TEXT",
        help=_(
            "words in titles, summaries, quotes or actor names "
            "(case, accents and apostrophes ignored)"
        ),
    )


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{text!r} is not a size like 1280x720").format(text=text)
        ) from None
    if not (200 <= width <= 10000 and 200 <= height <= 10000):
        raise argparse.ArgumentTypeError(
            _("{text!r}: each side must be 200 to 10000 pixels").format(text=text)
        )
    return width, height


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{text!r} is not a whole number").format(text=text)
        ) from None
    if not 1 <= value <= 20_000_000:
        raise argparse.ArgumentTypeError(
            _("give a number of events from 1 to {most}").format(most=l10n.number(20_000_000))
        )
    return value


def filter_from_args(args: argparse.Namespace) -> EventFilter:
    date_from = parse_user_date(args.date_from) if args.date_from else None
    date_to = parse_user_date(args.date_to, end_of_period=True) if args.date_to else None
    if "\x00" in args.search:
        raise UserError(_("the search text contains a NUL character"))
    return EventFilter(
        actors=frozenset(name.strip() for name in args.company if name.strip()),
        types=frozenset(name.strip() for name in args.type if name.strip()),
        date_from=date_from,
        date_to=date_to,
        text=args.search,
    )


# -- commands ---------------------------------------------------------------------------------


def open_repository(location: str | None):
    """The repository over ``--db``, or over the bundled database (built if needed).

    It reads one snapshot: every question a command asks is answered from one read
    transaction, so a file rebuilt or written meanwhile, or another editor committing on a
    server, cannot mix two states in one answer.
    """
    from desktopapp.db.engine import open_database
    from desktopapp.db.repository import EventRepository
    from desktopapp.ingest.bundled import ensure_default_database

    path: str | Path = location if location is not None else ensure_default_database()
    return EventRepository(open_database(path, snapshot=True))


def run_window(args: argparse.Namespace) -> int:
    if args.screenshot is not None:  # a FIFO, a device, a too-long name: refused before drawing
        from desktopapp.export.files import check_target

        check_target(args.screenshot)
    options = LaunchOptions(
        database=args.db,
        event_filter=filter_from_args(args),
        screenshot=args.screenshot,
        size=args.size,
        qt_arguments=tuple(getattr(args, "qt_arguments", ())),
        language=getattr(args, "language", None),
    )
    if options.screenshot is None:
        from desktopapp.xcb_check import install_hint, missing_xcb_libraries

        missing = missing_xcb_libraries(options.qt_arguments)
        if missing:  # Qt would print a misleading hint and abort
            raise UserError(install_hint(missing))
    try:
        from desktopapp.app import run_app
    except ImportError as error:  # Qt's system libraries missing (libEGL, libxkbcommon…)
        raise UserError(_("the window cannot start: {error}").format(error=error)) from error
    return run_app(options)


def run_open(args: argparse.Namespace) -> int:
    """``desktopapp open [FILE]``: the desktop file's ``Exec=desktopapp open %f``, where the
    desktop drops ``%f`` when no file was given (an option value could not be left empty)."""
    if args.file is not None:
        args.db = args.file
    args.screenshot = None
    return run_window(args)


def run_build(args: argparse.Namespace) -> int:
    from desktopapp.ingest.annotations import load_annotations
    from desktopapp.ingest.builder import build_database
    from desktopapp.ingest.bundled import annotations_path, default_database_path, ensure_data_dir

    target = args.out or default_database_path()
    if args.out is None:
        ensure_data_dir()
    dataset = load_annotations(args.annotations or annotations_path())
    count = build_database(dataset, target)
    _say(
        ngettext("Built {file} with {n} event.", "Built {file} with {n} events.", count).format(
            file=target, n=l10n.number(count)
        )
    )
    return 0


def run_upgrade(args: argparse.Namespace) -> int:
    from desktopapp.db.locations import shown_location
    from desktopapp.ingest.upgrade import upgrade_location

    backup = upgrade_location(args.path)
    if backup is None:
        _say(_("Upgraded {database}.").format(database=shown_location(args.path)))
    else:
        _say(
            _("Upgraded {file}; the previous file is kept as {backup}.").format(
                file=args.path, backup=backup
            )
        )
    return 0


def run_list(args: argparse.Namespace) -> int:
    repository = open_repository(args.db)
    try:
        return _print_list(repository, args)
    finally:
        repository.engine.dispose()  # ends the command's snapshot


def _print_list(repository, args: argparse.Namespace) -> int:
    event_filter = filter_from_args(args)
    repository.validate(event_filter)
    if args.json:
        _print_json(repository, event_filter)
        return 0
    from desktopapp.export.table import events_table

    events = repository.events(event_filter)
    # On a terminal, fit its width; piped into a file or another program, cut nothing.
    width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
    sys.stdout.write(events_table(events, total=repository.total, width=width))
    _note_damage(events)
    return 0


def _print_json(repository, event_filter: EventFilter) -> None:
    """The JSON made as it is read, a page of events at a time (as ``export --json``), so
    that 100,000 events never sit in memory whole; kept in a temporary file until the last
    page is read, so that a file that fails half-way prints nothing but the error."""
    import tempfile

    from desktopapp.export.formats import ExportOptions, events_in_pages
    from desktopapp.export.records import RecordContext, events_json_chunks

    damaged: list[Event] = []

    def noted(events: Iterable[Event]) -> Iterator[Event]:
        for event in events:
            if event.problems:
                damaged.append(event)
            yield event

    events = noted(events_in_pages(repository, event_filter, ExportOptions()))
    with tempfile.TemporaryFile("w+", encoding="utf-8") as made:
        made.writelines(events_json_chunks(events, RecordContext(repository)))
        made.seek(0)
        shutil.copyfileobj(made, sys.stdout)
    _note_damage(damaged)


def _note_damage(events: Sequence[Event]) -> None:
    """A damaged event is listed as it can be read; say so, where the listing cannot."""
    damaged = [event for event in events if event.problems]
    if damaged:
        ids = ", ".join(f"#{event.id}" for event in damaged[:10])
        more = ", …" if len(damaged) > 10 else ""
        said = ngettext(
            "{n} of these events are damaged in the file ({ids}); "
            "'desktopapp check FILE' lists what is wrong",
            "{n} of these events are damaged in the file ({ids}); "
            "'desktopapp check FILE' lists what is wrong",
            len(damaged),
        )
        print(
            "desktopapp: " + said.format(n=l10n.number(len(damaged)), ids=ids + more),
            file=sys.stderr,
        )


def run_export(args: argparse.Namespace) -> int:
    from desktopapp.export.formats import FORMATS

    files = {kind: getattr(args, f.dest) for kind, f in FORMATS.items() if getattr(args, f.dest)}
    if not files:
        flags = [f"{export_format.flag} FILE" for export_format in FORMATS.values()]
        raise UserError(
            _("say what to export: {flags} or {last}").format(
                flags=", ".join(flags[:-1]), last=flags[-1]
            )
        )
    from desktopapp.export.run import ExportRequest, run_exports

    event_filter = filter_from_args(args)
    request = ExportRequest(
        event_filter=event_filter,
        files=files,
        page_size=args.page_size,
        orientation=args.orientation,
        group_by=args.group_by,
    )
    repository = open_repository(args.db)
    painted = any(FORMATS[kind].needs_qt for kind in files)
    try:
        repository.validate(event_filter)
        # Signals wait for a safe point while Qt paints (see desktopapp.interrupts).
        with deferred() if painted else contextlib.nullcontext():
            for line in run_exports(repository, request):
                _say(line)
                check()
    finally:
        repository.engine.dispose()  # ends the command's snapshot
    return 0


def run_check(args: argparse.Namespace) -> int:
    """Exit 0 for a sound file, 1 with every damaged row listed, 2 if it cannot be opened."""
    from desktopapp.db.integrity import check_database

    repository = open_repository(args.path)
    try:
        report = check_database(repository)
    finally:
        repository.engine.dispose()  # a server's connection is closed, not left to the GC
    for damage in report.damages:
        print(damage.line())
    if report.unsourced:  # listed, not failed: they are shown as unsourced everywhere
        print(report.unsourced_heading())
        for unsourced in report.unsourced:
            print(f"  {unsourced.line()}")
    print(report.summary())
    return 0 if report.is_clean else 1


def run_generate(args: argparse.Namespace) -> int:
    from desktopapp.ingest.builder import build_database
    from desktopapp.ingest.synthetic import synthetic_dataset

    def progress(done: int) -> None:
        if done % 100_000 == 0:
            print("  " + _("{n} events…").format(n=l10n.number(done)), file=sys.stderr)

    count = build_database(
        synthetic_dataset(args.events, seed=args.seed), args.out, progress=progress
    )
    _say(
        ngettext(
            "Wrote {n} synthetic event to {file}.", "Wrote {n} synthetic events to {file}.", count
        ).format(n=l10n.number(count), file=args.out)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
