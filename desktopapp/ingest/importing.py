"""Bringing other tools' timelines in: one registry of import formats, and the plan every
importer fills.

An importer (one module per format, one :func:`register` entry below) reads the bytes of a
file and fills an :class:`ImportPlan`: the actors and types to create (or to reuse, when the
target timeline already has them by that name), the events as ordinary ``AddEvent``
commands, and the :class:`ImportReport` saying what was imported, what was skipped and why,
each with its place in the file ("3 slides without a date: skipped (slides 4, 9, 12)").

Nothing is written while reading. Applying a plan executes all its commands in ONE
transaction (``TimelineStore.execute_all``): all or nothing. A bad file, a refused command or
an interruption leaves the target byte for byte as it was; importing into a new file builds
it beside the target and renames it only once complete, so a failure leaves no file at all.

An imported event has no verified quote (it is *unsourced* until a person attaches one). What
the file said is kept as the event's claim (its text and where in the file it was), and its
date is cited as "as given by the imported file; not checked".

Readers have one signature, ``(data, plan) -> None``; they raise :class:`ImportFileError`
(one line for the person) for a file they cannot read at all, and report anything smaller
through ``plan.report``. Like the export registry, listing the formats imports no reader.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from desktopapp.db.commands import AddActor, AddEvent, AddType, ClaimInput, OutsideReference
from desktopapp.domain.l10n import N_, _, ngettext, npgettext, number
from desktopapp.domain.model import ActorKind, Role
from desktopapp.domain.search import fold
from desktopapp.domain.taxonomy import STANDARD_TYPES

if TYPE_CHECKING:  # listing the formats needs no database code
    from desktopapp.db.commands import Change, Command, LinkInput
    from desktopapp.db.repository import EventRepository
    from desktopapp.db.store import TimelineStore

# The largest input read: parsed JSON takes several times its size in memory, and a
# 100,000-slide TimelineJS file with real texts is about 60 MB.
MAX_IMPORT_BYTES = 256 * 1024 * 1024
SNIFF_BYTES = 64 * 1024  # how much of a file the formats' sniffers see

# Every imported event is of this type, or of a child of it (one per group, --group-as type).
IMPORTED_TYPE = "imported"
IMPORTED_LABEL = "Imported"
CITATION_NOTE = "as given by the imported file; not checked"


class ImportFileError(Exception):
    """A file that cannot be imported at all; one line for the person. Nothing is written."""


class ImportCancelled(Exception):
    """The person stopped the import: its transaction was rolled back, nothing written."""


class GroupAs(StrEnum):
    """What the other tool's ``group`` (a row of its timeline) becomes here."""

    ACTOR = "actor"  # an acting actor of kind "group": the timeline's actor lanes
    TYPE = "type"  # a child type of "imported": the timeline's type lanes


@dataclass(frozen=True)
class ImportOptions:
    group_as: GroupAs = GroupAs.ACTOR


# -- the registry ---------------------------------------------------------------------------


Reader = Callable[[bytes, "ImportPlan"], None]
Sniffer = Callable[[bytes], bool]


@dataclass(frozen=True)
class ImportFormat:
    """One kind of file that can be imported."""

    id: str  # the command line's --format ID; lower case, words joined by "-"
    label: str  # what the window and the report call it: "TimelineJS JSON" (N_, for _())
    suffixes: tuple[str, ...]  # file name endings, without the dot, lower case
    file_filter: str  # the open dialog's filter, "TimelineJS JSON (*.json)"
    # True if the first SNIFF_BYTES of a file (a UTF-8 BOM and leading blanks removed)
    # look like this format; asked only of formats whose suffix the file has, then of all.
    sniff: Sniffer = field(compare=False)
    reader: Reader = field(compare=False)


FORMATS: dict[str, ImportFormat] = {}


def register(import_format: ImportFormat) -> ImportFormat:
    """Add a format (in the order of the menu and of sniffing); ids are unique."""
    if import_format.id in FORMATS:
        raise ValueError(f"import format {import_format.id!r} is registered twice")
    FORMATS[import_format.id] = import_format
    return import_format


def format_by_id(format_id: str) -> ImportFormat:
    try:
        return FORMATS[format_id]
    except KeyError:
        known = ", ".join(FORMATS)
        raise ImportFileError(
            _("no import format is called {name} ({known})").format(
                name=repr(format_id), known=known
            )
        ) from None


def sniff_format(name: str, data: bytes) -> ImportFormat | None:
    """The format a file seems to be in: by its content, a matching suffix first."""
    head = data[:SNIFF_BYTES].removeprefix(b"\xef\xbb\xbf").lstrip()
    suffix = Path(name).suffix.lower().removeprefix(".")
    candidates = sorted(FORMATS.values(), key=lambda f: suffix not in f.suffixes)
    for import_format in candidates:
        if import_format.sniff(head):
            return import_format
    return None


def open_dialog_filter() -> str:
    """Every format's filter for a file dialog, all of them first."""
    patterns = sorted({f"*.{s}" for f in FORMATS.values() for s in f.suffixes})
    every = _("Timelines of other tools ({patterns})").format(patterns=" ".join(patterns))
    formats = (_(f.file_filter) for f in FORMATS.values())
    return ";;".join([every, *formats, _("All files (*)")])


# -- the report -----------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Where:
    """A place in the imported file: ``slide 4``, ``line 7``, ``era 2``."""

    unit: str
    number: int

    def __str__(self) -> str:  # as recorded in an imported event's claim: not translated
        return f"{self.unit} {self.number}"

    def said(self) -> str:
        """The place in the reader's language: "slide 4" / "diapositive 4"."""
        return _unit(self.unit).places(1).format(places=self.number)


@dataclass(frozen=True)
class _Unit:
    """The words of one kind of place, each a plural form for a count."""

    count: Callable[[int], str]  # "{n} slides"
    places: Callable[[int], str]  # "slides {places}"
    skipped: Callable[[int], str]  # "skipped", agreeing with the unit where a language must


# Every kind of place the importers name (the unit of :class:`Where`).
_UNITS = {
    "slide": _Unit(
        lambda n: ngettext("{n} slide", "{n} slides", n),
        lambda n: ngettext("slide {places}", "slides {places}", n),
        lambda n: npgettext("slide", "skipped", "skipped", n),
    ),
    "title slide": _Unit(
        lambda n: ngettext("{n} title slide", "{n} title slides", n),
        lambda n: ngettext("title slide {places}", "title slides {places}", n),
        lambda n: npgettext("slide", "skipped", "skipped", n),
    ),
    "era": _Unit(
        lambda n: ngettext("{n} era", "{n} eras", n),
        lambda n: ngettext("era {places}", "eras {places}", n),
        lambda n: npgettext("era", "skipped", "skipped", n),
    ),
    "line": _Unit(
        lambda n: ngettext("{n} line", "{n} lines", n),
        lambda n: ngettext("line {places}", "lines {places}", n),
        lambda n: npgettext("line", "skipped", "skipped", n),
    ),
    "entry": _Unit(
        lambda n: ngettext("{n} entry", "{n} entries", n),
        lambda n: ngettext("entry {places}", "entries {places}", n),
        lambda n: npgettext("entry", "skipped", "skipped", n),
    ),
}


def _unit(unit: str) -> _Unit:
    return _UNITS.get(unit, _UNITS["entry"])


LISTED = 20  # places named in one line of the report; the rest counted


class ImportReport:
    """What an import did, in lines a person reads: imported, adjusted, skipped, and where.

    Entries of the same kind are told once with all their places, so a thousand slides
    without a date make one line, not a thousand.
    """

    def __init__(self, file_name: str, format_label: str) -> None:
        self.file_name = file_name
        self.format_label = format_label
        self.imported: list[Where] = []
        self.created_actors: list[str] = []
        self.reused_actors: list[str] = []
        self.created_types: list[str] = []
        self.notes: list[str] = []  # whole-file remarks: "the title slide became the title"
        self._skipped: dict[tuple[str, str], list[Where]] = {}
        self._adjusted: dict[str, list[Where]] = {}

    def skip(self, where: Where, why: str, *, because: str = "") -> None:
        """An entry not imported: ``why`` completes "3 slides …" ("without a date"), and
        ``because`` explains it when the words alone do not."""
        self._skipped.setdefault((why, because), []).append(where)

    def adjust(self, where: Where, what: str) -> None:
        """An entry imported with a change the person must know of: ``what`` completes
        "3 slides …" ("with a time of day: dated to the day, the time kept in the claim")."""
        places = self._adjusted.setdefault(what, [])
        if not places or places[-1] != where:
            places.append(where)

    def note(self, line: str) -> None:
        self.notes.append(line)

    @property
    def skipped(self) -> dict[str, list[Where]]:
        """Why -> where, for every kind of entry skipped."""
        return {why: places for (why, _), places in self._skipped.items()}

    @property
    def adjusted(self) -> dict[str, list[Where]]:
        return dict(self._adjusted)

    @property
    def skipped_count(self) -> int:
        return sum(len(places) for places in self._skipped.values())

    def lines(self) -> list[str]:
        """The report, one line each: the outcome first, then changes, skips and notes.
        The importers' words (``why``, ``what``, ``because``) are English marked for the
        catalogue, translated here."""
        lines = [self.headline()]
        if self.created_actors:
            count = len(self.created_actors)
            head = ngettext("Created {n} actor", "Created {n} actors", count)
            lines.append(_named(head.format(n=number(count)), self.created_actors))
        if self.reused_actors:
            count = len(self.reused_actors)
            head = ngettext(
                "Used {n} actor the timeline already had",
                "Used {n} actors the timeline already had",
                count,
            )
            lines.append(_named(head.format(n=number(count)), self.reused_actors))
        if self.created_types:
            count = len(self.created_types)
            head = ngettext("Created {n} type", "Created {n} types", count)
            lines.append(_named(head.format(n=number(count)), self.created_types))
        for what, places in self._adjusted.items():
            lines.append(
                _("{count} {what} ({places})").format(
                    count=_counted(places), what=_(what), places=_places(places)
                )
            )
        lines.extend(self.skip_lines())
        lines.extend(self.notes)
        return lines

    def skip_lines(self) -> list[str]:
        """One line for each kind of entry skipped: "3 slides without a date: skipped (…)"."""
        lines = []
        for (why, because), places in self._skipped.items():
            said = _counted(places)
            if why:
                said = _("{count} {why}").format(count=said, why=_(why))
            line = _("{said}: {skipped} ({places})").format(
                said=said, skipped=_place_unit(places).skipped(len(places)), places=_places(places)
            )
            if because:
                line = _("{line}; {because}").format(line=line, because=_(because))
            lines.append(line)
        return lines

    def headline(self) -> str:
        count = len(self.imported)
        return ngettext(
            "Imported {n} event from '{file}', read as {format}.",
            "Imported {n} events from '{file}', read as {format}.",
            count,
        ).format(n=number(count), file=self.file_name, format=_(self.format_label))

    def text(self) -> str:
        return "\n".join(self.lines())


def _named(head: str, names: list[str]) -> str:
    shown = ", ".join(repr(name) for name in names[:LISTED])
    if len(names) > LISTED:
        more = len(names) - LISTED
        shown += ngettext(", and {n} more", ", and {n} more", more).format(n=number(more))
    return _("{head}: {names}").format(head=head, names=shown)


def _place_unit(places: list[Where]) -> _Unit:
    """The kind of the places, or "entry" when they are of several kinds."""
    units = {place.unit for place in places}
    return _unit(units.pop() if len(units) == 1 else "entry")


def _counted(places: list[Where]) -> str:
    return _place_unit(places).count(len(places)).format(n=number(len(places)))


def _places(places: list[Where]) -> str:
    """'slides 4, 9, 12', 'lines 3–7, 12', 'slide 4', with the rest counted past LISTED."""
    by_unit: dict[str, list[int]] = {}
    for place in places:
        by_unit.setdefault(place.unit, []).append(place.number)
    parts = []
    for unit, numbers in by_unit.items():
        runs = list(_runs(sorted(set(numbers))))
        shown = ", ".join(runs[:LISTED])
        if len(runs) > LISTED:
            shown += _(", … ({n} in all)").format(n=number(len(numbers)))
        parts.append(_unit(unit).places(len(numbers)).format(places=shown))
    return _("; ").join(parts)


def _runs(numbers: list[int]) -> Iterator[str]:
    """Consecutive numbers as ranges: [3, 4, 5, 7] -> '3–5', '7' (two in a row stay two)."""
    start = 0
    while start < len(numbers):
        end = start
        while end + 1 < len(numbers) and numbers[end + 1] == numbers[end] + 1:
            end += 1
        if end - start >= 2:
            yield f"{numbers[start]}–{numbers[end]}"
        else:
            yield from (str(n) for n in numbers[start : end + 1])
        start = end + 1


# -- entries and the plan -------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One dated entry of an imported file, in the file's own words (plain text)."""

    where: Where
    title: str
    date_edtf: str  # checked EDTF, at the precision the file gave (never more)
    date_as_written: str  # the date as the file wrote it: the date citation's sentence
    claim: str  # the entry's text as the file had it
    group: str = ""  # "" when the entry has none
    links: tuple[LinkInput, ...] = ()
    key: str | None = None  # the file's own id for it (TimelineJS's unique_id), if any


# A file's own id kept as the event's stable key (a round trip keeps its keys), when it
# reads as a key: letters, digits, ".", "_", "-"; anything else gets a new key.
_EVENT_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")


@dataclass
class TargetNames:
    """What the target timeline already holds, by the names an import may reuse."""

    actors: dict[str, tuple[str, str]] = field(default_factory=dict)  # fold(name) -> (key, name)
    # A folded alias several actors share ("Volvo": Volvo Cars and AB Volvo) -> their names.
    ambiguous: dict[str, tuple[str, ...]] = field(default_factory=dict)
    types: dict[str, str] = field(default_factory=dict)  # slug -> label
    event_keys: Callable[[Iterable[str]], set[str]] = field(default=lambda keys: set())
    is_new: bool = False  # a timeline made for this import
    # The timeline itself, for a reader that needs more than names (our own JSON: the
    # sources its quotes are proved against, the events its keys may name); None if new.
    repository: EventRepository | None = None

    @classmethod
    def new_timeline(cls) -> TargetNames:
        """A timeline ``desktopapp new`` would make: the standard types, nothing else."""
        return cls(types=dict(STANDARD_TYPES), is_new=True)

    @classmethod
    def of(cls, repository: EventRepository) -> TargetNames:
        # Canonical names first: a name picks out its actor even where it is another's alias.
        actors = {fold(actor.name): (actor.key, actor.name) for actor in repository.actors}
        owners: dict[str, dict[str, str]] = {}  # fold(alias) -> {key: name}
        for actor in repository.actors:
            for alias in actor.aliases:
                owners.setdefault(fold(alias), {})[actor.key] = actor.name
        ambiguous: dict[str, tuple[str, ...]] = {}
        for folded, named in owners.items():
            if folded in actors:
                continue
            if len(named) > 1:
                ambiguous[folded] = tuple(sorted(named.values()))
            else:
                [(key, name)] = named.items()
                actors[folded] = (key, name)
        types = {t.slug: t.label for t in repository.event_types}

        def existing(keys: Iterable[str]) -> set[str]:
            return set(repository.event_ids_by_key(list(keys)))

        return cls(actors, ambiguous, types, existing, repository=repository)


class ImportPlan:
    """What importing one file will do, filled by its reader: commands in the order they
    must run (actors and types before the events naming them), and the report."""

    def __init__(
        self,
        file_name: str,
        import_format: ImportFormat,
        target: TargetNames,
        options: ImportOptions = ImportOptions(),
    ) -> None:
        self.file_name = file_name
        self.format = import_format
        self.options = options
        self.report = ImportReport(file_name, import_format.label)
        self.title = ""  # the file's own title: a new timeline is given it
        self._target = target
        self._names: list[Command] = []  # actors and types, made before the events
        self._events: list[tuple[Where, Command]] = []
        self._actor_keys: dict[str, str] = {}  # fold(name) -> key, planned or reused
        self._group_types: dict[str, str] = {}  # fold(group) -> slug
        self._slugs: set[str] = set(target.types)

    @property
    def target(self) -> TargetNames:
        return self._target

    @property
    def creates_timeline(self) -> bool:
        """True when the import makes a new timeline (which the file's title then names)."""
        return self._target.is_new

    # -- what readers call ------------------------------------------------------------------

    def actor(
        self,
        name: str,
        kind: ActorKind = ActorKind.GROUP,
        aliases: Sequence[str] = (),
        names: Sequence[tuple[str, str]] = (),  # (language, name), kept where still free
    ) -> str:
        """The key of the actor called ``name``: the target's own (by name or alias, any
        case or accent), one already planned, or a new one planned now with ``aliases``
        (those that are another actor's name left out, and said). A name the target's actors
        share as an alias is refused: which of them the file means is not for us to guess."""
        folded = fold(name)
        if folded in self._actor_keys:
            return self._actor_keys[folded]
        if folded in self._target.ambiguous:
            meant = _(" or ").join(self._target.ambiguous[folded])
            raise ImportFileError(
                _(
                    "{file}: the actor {name} could mean {meant} in this timeline; "
                    "nothing was imported (name one of them in the file, or import into a new "
                    "timeline)"
                ).format(file=self.file_name, name=repr(name), meant=meant)
            )
        if folded in self._target.actors:
            key, known_as = self._target.actors[folded]
            self.report.reused_actors.append(known_as)
        else:
            from desktopapp.db.edits import new_key

            key = new_key("ac")
            kept = tuple(self._free_aliases(name, aliases))
            free = set(self._free_aliases(name, [other for _, other in names]))
            by_language = tuple((tag, other) for tag, other in names if other in free)
            self._names.append(AddActor(name, kind.value, kept, key=key, names=by_language))
            self.report.created_actors.append(name)
        self._actor_keys[folded] = key
        return key

    def _free_aliases(self, name: str, aliases: Sequence[str]) -> Iterator[str]:
        """The aliases a new actor may take (domain/naming.py): none that is the name of an
        actor of the target; an alias shared with other actors' aliases is fine."""
        for alias in dict.fromkeys(aliases):
            taken = self._target.actors.get(fold(alias))
            if taken is not None and fold(taken[1]) == fold(alias):
                self.report.notes.append(
                    _(
                        "the alias {alias} of {name} was left out: it is the name of an "
                        "actor of this timeline"
                    ).format(alias=repr(alias), name=repr(name))
                )
                continue
            yield alias

    def event_type(self, slug: str, label: str) -> str:
        """``slug``, planned as a new type if the target lacks it (its parent first)."""
        parent = slug.rsplit("/", 1)[0] if "/" in slug else None
        if parent is not None and parent not in self._slugs:
            self.event_type(parent, IMPORTED_LABEL if parent == IMPORTED_TYPE else parent)
        if slug not in self._slugs:
            self._names.append(AddType(slug, label))
            self._slugs.add(slug)
            self.report.created_types.append(label)
        return slug

    def add_prerequisite(self, command: Command) -> None:
        """A command the events need, run before all of them (a reader's own ``AddSource``,
        or an ``AddActor`` keeping the file's key)."""
        self._names.append(command)

    def add(self, where: Where, command: Command) -> None:
        """An event command of the import (readers that build their own ``AddEvent``)."""
        self._events.append((where, command))
        self.report.imported.append(where)

    def add_entry(self, entry: Entry) -> None:
        """An entry of another tool, as an unsourced event: its group as an actor or a
        type (the options say which), its text as the claim, its date cited to the file."""
        type_slug, participants = self._placed(entry.group)
        command = AddEvent(
            title=entry.title,
            type_slug=type_slug,
            date_edtf=entry.date_edtf,
            citation=OutsideReference(
                outlet=self.file_name,  # a citation names its report by outlet or URL
                title="",
                url="",
                sentence=entry.date_as_written,
                note=CITATION_NOTE,
            ),
            participants=participants,
            claim=ClaimInput(entry.claim, f"{self.file_name}, {entry.where}"),
            links=entry.links,
            key=entry.key,
        )
        self.add(entry.where, command)

    # -- what the importer asks -------------------------------------------------------------

    @property
    def commands(self) -> list[Command]:
        """Every command in the order it must run: names first, then the events."""
        return [*self._names, *(command for _, command in self._events)]

    @property
    def event_count(self) -> int:
        return len(self._events)

    def refusal(self, error: Exception) -> str:
        """The store's refusal of the import ("item 7: …", numbered as ``commands``) said
        of the file: "nothing was imported: slide 4: …" or "…: the actor 'X': …"."""
        from desktopapp.db.edits import NumberedRefusal

        nothing = _("nothing was imported: {reason}")
        if not isinstance(error, NumberedRefusal):
            return nothing.format(reason=error)
        item, why = error.number, error.reason
        names = len(self._names)
        if item > names and item - names <= len(self._events):
            where = self._events[item - names - 1][0].said()
        elif 1 <= item <= names:
            command = self._names[item - 1]
            name = repr(getattr(command, "name", getattr(command, "slug", "")))
            if isinstance(command, AddActor):
                where = _("making actor {name}").format(name=name)
            else:
                where = _("making type {name}").format(name=name)
        else:
            return nothing.format(reason=error)
        return nothing.format(reason=_("{where}: {why}").format(where=where, why=why))

    def finish(self) -> None:
        """Once the reader is done: the file's own event keys are kept where they are free
        in the target (and the file), the others' events get new keys, saying so."""
        wanted = [c.key for _, c in self._events if isinstance(c, AddEvent) and c.key]
        taken = self._target.event_keys(wanted) if wanted else set()
        seen: set[str] = set()
        for index, (where, command) in enumerate(self._events):
            if not isinstance(command, AddEvent) or command.key is None:
                continue
            key = command.key
            if _EVENT_KEY.fullmatch(key) and key not in taken and key not in seen:
                seen.add(key)
                continue
            self.report.adjust(
                where,
                N_(
                    "whose unique_id is not free for a key (already in this timeline or the "
                    "file, or not letters, digits, '.', '_', '-'): given a new key"
                ),
            )
            self._events[index] = (where, replace(command, key=None))

    def _placed(self, group: str) -> tuple[str, tuple[tuple[str, str], ...]]:
        """(type slug, participants) of an entry of this group."""
        base = self.event_type(IMPORTED_TYPE, IMPORTED_LABEL)
        if not group:
            return base, ()
        if self.options.group_as is GroupAs.ACTOR:
            return base, ((self.actor(group), Role.ACTING.value),)
        return self._group_type(group), ()

    def _group_type(self, group: str) -> str:
        folded = fold(group)
        if folded not in self._group_types:
            existing = [
                slug
                for slug, label in self._target.types.items()
                if slug.startswith(IMPORTED_TYPE + "/") and fold(label) == folded
            ]
            slug = existing[0] if existing else self._free_slug(group)
            self._group_types[folded] = self.event_type(slug, group)
        return self._group_types[folded]

    def _free_slug(self, group: str) -> str:
        stem = f"{IMPORTED_TYPE}/{slug_of(group)}"[:120]
        slug, number = stem, 2
        while slug in self._slugs:
            slug, number = f"{stem}-{number}", number + 1
        return slug


def slug_of(name: str) -> str:
    """A type slug part for a group name: 'Big Tech & Co' -> 'big-tech-co'; a name with no
    Latin letter or digit (Russian) is 'group' (numbered by the plan when taken)."""
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return slug or "group"


# -- reading a file into a plan, and applying it ---------------------------------------------


@dataclass(frozen=True)
class ImportSource:
    """An input file's name (for the report and the claims) and its bytes."""

    name: str
    data: bytes

    @classmethod
    def read(cls, path: Path) -> ImportSource:
        from desktopapp.safe_files import InputFileError, read_regular_file, reason

        try:
            data = read_regular_file(path, MAX_IMPORT_BYTES)
        except InputFileError as error:
            problem = error.strerror
        except OSError as error:
            problem = reason(error)
        else:
            return cls(path.name, data)
        raise ImportFileError(_("{path}: {reason}").format(path=path, reason=problem))


def plan_import(
    source: ImportSource,
    target: TargetNames,
    *,
    format_id: str | None = None,
    options: ImportOptions = ImportOptions(),
) -> ImportPlan:
    """Read ``source`` (in ``format_id``, or the format it looks like) into a plan for the
    target; raise ImportFileError for a file that holds nothing importable."""
    import_format = format_by_id(format_id) if format_id else sniff_format(source.name, source.data)
    if import_format is None:
        known = ", ".join(FORMATS)
        raise ImportFileError(
            _("{file}: not a file this app can tell the format of; give it ({known})").format(
                file=source.name, known=known
            )
        )
    plan = ImportPlan(source.name, import_format, target, options)
    import_format.reader(source.data, plan)
    plan.finish()
    if not plan.event_count:
        raise ImportFileError(_why_none(source.name, plan.report))
    return plan


def _why_none(file_name: str, report: ImportReport) -> str:
    """ "x.json: no event to import (3 entries skipped: …)", with the first reasons."""
    skipped = report.skipped_count
    if not skipped:
        return _("{file}: no event to import").format(file=file_name)
    return ngettext(
        "{file}: no event to import ({n} entry skipped: {reasons})",
        "{file}: no event to import ({n} entries skipped: {reasons})",
        skipped,
    ).format(file=file_name, n=number(skipped), reasons=_("; ").join(report.skip_lines()[:3]))


def apply_plan(store: TimelineStore, plan: ImportPlan, note: str = "") -> list[Change]:
    """Every command of the plan in one transaction: all of them, or none (CommandError
    naming the entry of the file that was refused)."""
    from desktopapp.db.commands import CommandError

    try:
        return store.execute_all(plan.commands, note=note or import_note(plan))
    except CommandError as error:
        raise CommandError(plan.refusal(error)) from None


def import_note(plan: ImportPlan) -> str:
    """The history's note of an import: a record, kept in English like the history's texts
    (db/edits.py), whatever the language of the person who imported."""
    return f"imported from {plan.file_name} ({plan.format.label})"


def undo_text(plan: ImportPlan) -> str:
    """The window's one undo step: "Import 12 events from 'x.json'" (recorded in the
    history as the name of its undo: in English, like every change's name)."""
    count = plan.event_count
    events = f"{count:,} event" + ("" if count == 1 else "s")
    return f"Import {events} from '{plan.file_name}'"


def import_file(
    target: Path,
    input_path: Path,
    *,
    author: str,
    format_id: str | None = None,
    options: ImportOptions = ImportOptions(),
    note: str = "",
    title: str = "",
) -> ImportReport:
    """Import ``input_path`` into the timeline file ``target``, which is created (with the
    file's title, or ``title``) when it does not exist. All or nothing either way."""
    from desktopapp.db.store import TimelineStore

    source = ImportSource.read(input_path)
    if target.exists() or target.is_symlink():
        with TimelineStore.open(target, author=author) as store:
            plan = plan_import(
                source, TargetNames.of(store.repository), format_id=format_id, options=options
            )
            apply_plan(store, plan, note)
        return plan.report
    plan = plan_import(source, TargetNames.new_timeline(), format_id=format_id, options=options)
    with new_timeline_file(target, title or plan.title, author) as store:
        apply_plan(store, plan, note)
    return plan.report


@contextmanager
def new_timeline_file(target: Path, title: str, author: str) -> Iterator[TimelineStore]:
    """A new timeline, open for editing, that appears at ``target`` only if the block ends
    normally: it is built in a temporary file beside it and renamed when complete."""
    import os

    from desktopapp.db.engine import DatabaseError
    from desktopapp.db.store import TimelineStore
    from desktopapp.safe_files import FileProblem, replacing, writable_target, write_failure

    if not target.parent.is_dir():
        raise DatabaseError(_("{path}: no such folder").format(path=target.parent))
    try:
        resolved = writable_target(target)
    except FileProblem as error:
        raise DatabaseError(str(error)) from error
    try:
        with replacing(resolved) as temporary:
            os.unlink(temporary)  # create() makes it anew, refusing a file that exists
            store = TimelineStore.create(temporary, title=title or target.stem, author=author)
            try:
                yield store
            finally:
                store.close()  # the last connection folds the -wal back into the file
    except OSError as error:  # the temporary file or the rename (a full disk, no permission)
        problem = write_failure(error, target.parent)
        raise DatabaseError(
            _("{path}: could not be created ({reason})").format(path=target, reason=problem)
        ) from None


# -- the formats ------------------------------------------------------------------------------


def _read_timelinejs(data: bytes, plan: ImportPlan) -> None:
    from desktopapp.ingest.timelinejs_import import read_json

    read_json(data, plan)


def _read_timelinejs_sheet(data: bytes, plan: ImportPlan) -> None:
    from desktopapp.ingest.timelinejs_sheet import read_sheet

    read_sheet(data, plan)


def _sniff_timelinejs(head: bytes) -> bool:
    """A JSON object naming TimelineJS's "events" (or TimelineJS 2's "timeline")."""
    return head.startswith(b"{") and (b'"events"' in head or b'"timeline"' in head)


def _sniff_timelinejs_sheet(head: bytes) -> bool:
    """A first line naming the sheet template's Year and Headline columns."""
    first = head.split(b"\n", 1)[0].decode("utf-8", "replace").casefold()
    return "year" in first and "headline" in first


register(
    ImportFormat(
        "timelinejs", N_("TimelineJS JSON"), ("json",), N_("TimelineJS JSON (*.json)"),
        _sniff_timelinejs, _read_timelinejs,
    )
)  # fmt: skip
register(
    ImportFormat(
        "timelinejs-csv", N_("TimelineJS spreadsheet (CSV)"), ("csv", "tsv", "txt"),
        N_("TimelineJS spreadsheets (*.csv *.tsv *.txt)"), _sniff_timelinejs_sheet,
        _read_timelinejs_sheet,
    )
)  # fmt: skip


def _read_events_json(data: bytes, plan: ImportPlan) -> None:
    from desktopapp.ingest.json_import import read_events_json

    read_events_json(data, plan)


def _sniff_events_json(head: bytes) -> bool:
    """An array of our events (or an empty array): TimelineJS files are objects."""
    return head.startswith(b"[") and (
        b'"date_source"' in head or head[1:].lstrip().startswith(b"]")
    )


register(
    ImportFormat(
        "json", N_("desktopapp JSON"), ("json",), N_("desktopapp events JSON (*.json)"),
        _sniff_events_json, _read_events_json,
    )
)  # fmt: skip
