"""Every format the app writes and can read back, exported and imported again: the same
events; and the file cut short at random bytes: one clear line, and nothing created.

The formats read back: our JSON (``desktopapp import``), TimelineJS JSON and its sheet CSV
(``desktopapp import``), and the annotation TOML (``desktopapp build-db``). What "the same
events" means is what each format can carry: everything for our JSON and the annotation file;
titles, dates (EDTF equal) and lanes for TimelineJS, whose files have no quotes.

A cut that falls exactly between two entries of a line-based or table-based file (a sheet's
rows, the TOML's events) leaves a shorter file of whole entries that nothing can tell from a
timeline of fewer events; for those formats such a cut must give exactly the entries before
it. JSON cannot be cut anywhere without becoming invalid.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from desktopapp.cli import main
from desktopapp.db.engine import open_database
from desktopapp.db.repository import EventRepository
from desktopapp.domain.dates import parse_edtf
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.grouping import Grouping
from desktopapp.domain.model import Event
from desktopapp.export.formats import FORMATS, ExportOptions
from desktopapp.export.timelinejs import lane_label
from desktopapp.ingest.builder import build_database
from desktopapp.ingest.dataset import EventSpec
from desktopapp.ingest.synthetic import synthetic_dataset

CUTS = 12  # random cuts per format (seeded), besides the first byte and the last


def everything(event: Event) -> object:
    """All an event is, but its row id (quotes, citation, participants with their kinds)."""
    participants = [(p.actor.name, p.actor.kind, p.role) for p in event.participants]
    return (event.key, event.title, event.summary, event.type, event.date, event.citation,
            participants, event.quotes, event.claim, event.links)  # fmt: skip


def dated_titles(event: Event) -> object:
    """What a TimelineJS slide carries of an event: its title, date, and lane (its group:
    the first acting actor, which the import makes the event's acting actor)."""
    return (event.title, event.date.edtf(), lane_label(event, Grouping.ACTOR, {}))


def without_type_id(event: Event) -> object:
    fields = everything(event)
    assert isinstance(fields, tuple)
    return (*fields[:3], (event.type.slug, event.type.label), *fields[4:])


@dataclass(frozen=True)
class ReadBack:
    kind: str  # the export format
    command: Callable[[Path, Path], list[str]]  # (file, new timeline) -> the command line
    same: Callable[[Event], object]
    whole_entries: bool  # a cut between two entries can give a valid, shorter file


def _import(format_id: str) -> Callable[[Path, Path], list[str]]:
    return lambda file, target: ["import", str(target), str(file), "--format", format_id]


def _build(file: Path, target: Path) -> list[str]:
    return ["build-db", "--annotations", str(file), "--out", str(target)]


FORMATS_READ_BACK = [
    ReadBack("json", _import("json"), without_type_id, whole_entries=False),
    ReadBack("timelinejs", _import("timelinejs"), dated_titles, whole_entries=False),
    ReadBack("timelinejs-csv", _import("timelinejs-csv"), dated_titles, whole_entries=True),
    ReadBack("annotations", _build, without_type_id, whole_entries=True),
]
IDS = [f.kind for f in FORMATS_READ_BACK]


# Times of day every format must carry back: an hour, a minute, a second, zones, a
# qualifier, a span within a day (each put on an event's own first day).
TIMES = ("T14", "T09:30", "T08:15:30Z", "T23:30+01:00~", "T06:45?", "T09:30/{day}T11:00")


def with_times(event: EventSpec, number: int) -> EventSpec:
    """Every 9th event dated to a time of day on its first day instead."""
    if number % 9:
        return event
    day = event.date.start.first_day().isoformat()
    return replace(event, date=parse_edtf(day + TIMES[number // 9 % len(TIMES)].format(day=day)))


@pytest.fixture(scope="module")
def synthetic_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("roundtrip") / "synthetic.sqlite3"
    dataset = synthetic_dataset(250, seed=5)
    timed = [with_times(event, number) for number, event in enumerate(dataset.events)]
    build_database(replace(dataset, events=timed), path)
    assert sum(e.date.start.timed for e in events_of(path)) == 28
    return path


def events_of(path: Path) -> list[Event]:
    engine = open_database(path)
    try:
        return EventRepository(engine).events()
    finally:
        engine.dispose()


def export(database: Path, kind: str, target: Path) -> Path:
    engine = open_database(database)
    try:
        FORMATS[kind].writer(EventRepository(engine), EventFilter(), target, ExportOptions())
    finally:
        engine.dispose()
    return target


def run(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, str]:
    code = main(argv)
    return code, capsys.readouterr().err


def into_timeline_with_sources(database: Path, target: Path) -> None:
    """Our JSON needs the sources in the target to attach its quotes: a copy of the
    timeline with every event deleted holds them under their keys."""
    from desktopapp.db.commands import DeleteEvent
    from desktopapp.db.store import TimelineStore

    target.write_bytes(database.read_bytes())
    with TimelineStore.open(target, author="test") as store:
        keys = [event.key for event in store.repository.events()]
        store.execute_all([DeleteEvent(key) for key in keys])


@pytest.mark.parametrize("read_back", FORMATS_READ_BACK, ids=IDS)
def test_export_then_import_gives_the_same_events(
    synthetic_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    read_back: ReadBack,
) -> None:
    exported = export(synthetic_db, read_back.kind, tmp_path / f"events.{read_back.kind}")
    target = tmp_path / "back.timeline"
    if read_back.kind == "json":
        into_timeline_with_sources(synthetic_db, target)
    code, err = run(capsys, read_back.command(exported, target))
    assert code == 0, err
    before = [read_back.same(e) for e in events_of(synthetic_db)]
    assert [read_back.same(e) for e in events_of(target)] == before


def cuts(data: bytes, seed: int) -> Iterator[int]:
    """The first byte, the file but its last significant byte, and random cuts between."""
    end = len(data.rstrip())
    rng = random.Random(seed)
    yield from sorted({1, end - 1, *rng.sample(range(2, end - 1), CUTS)})


@pytest.mark.parametrize("read_back", FORMATS_READ_BACK, ids=IDS)
def test_a_file_cut_short_is_refused_in_one_line_and_nothing_is_created(
    synthetic_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    read_back: ReadBack,
) -> None:
    exported = export(synthetic_db, read_back.kind, tmp_path / f"whole.{read_back.kind}")
    data = exported.read_bytes()
    originals = [read_back.same(e) for e in events_of(synthetic_db)]
    cut_file = tmp_path / f"cut.{FORMATS[read_back.kind].suffix}"
    for source_text in tmp_path.glob("whole.*.txt"):  # the annotation file's source texts
        (tmp_path / source_text.name.replace("whole.", "cut.", 1)).write_bytes(
            source_text.read_bytes()
        )
    for cut in cuts(data, seed=len(read_back.kind)):
        cut_file.write_bytes(data[:cut])
        target = tmp_path / "never.timeline"
        code, err = run(capsys, read_back.command(cut_file, target))
        if code == 0 and read_back.whole_entries:
            # Cut between two entries: the whole entries before it, and nothing else.
            back = [read_back.same(e) for e in events_of(target)]
            assert back == originals[: len(back)], f"cut at byte {cut}"
            target.unlink()
            continue
        assert code == 2, f"cut at byte {cut} of {len(data)}: accepted"
        lines = err.strip().splitlines()
        assert len(lines) == 1 and "Traceback" not in err, err
        assert cut_file.name in lines[0]
        assert not target.exists() and not list(tmp_path.glob("never.timeline*"))
