"""``--csv`` and ``--json`` are written as they are read, a keyset page at a time, and the
files are byte for byte what the writers that built the whole text in memory wrote."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktopapp.db.engine import open_database
from desktopapp.db.repository import EventRepository
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.model import Event
from desktopapp.export import files
from desktopapp.export.formats import FORMATS, ExportOptions
from desktopapp.export.records import (
    CSV_COLUMNS,
    RecordContext,
    _csv_row,
    csv_text,
    event_record,
)
from desktopapp.ingest.builder import build_database
from desktopapp.ingest.synthetic import synthetic_dataset

SYNTHETIC_EVENTS = 1_500


def json_in_memory(repository: EventRepository, events: list[Event]) -> bytes:
    """The JSON writer as it was: the whole list dumped at once."""
    context = RecordContext(repository)
    records = [event_record(e, context) for e in events]
    return (json.dumps(records, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def csv_in_memory(repository: EventRepository, events: list[Event]) -> bytes:
    """The CSV writer as it was: every row joined into one text."""
    return csv_text(CSV_COLUMNS, [_csv_row(e) for e in events]).encode("utf-8")


IN_MEMORY = {"json": json_in_memory, "csv": csv_in_memory}


@pytest.fixture(scope="module")
def synthetic_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("streaming") / "synthetic.sqlite3"
    build_database(synthetic_dataset(SYNTHETIC_EVENTS, seed=3), path)
    return path


@pytest.fixture
def synthetic(synthetic_db: Path) -> Iterator[EventRepository]:
    engine = open_database(synthetic_db)
    yield EventRepository(engine)
    engine.dispose()


def exported(repository: EventRepository, kind: str, target: Path, **filters: object) -> bytes:
    event_filter = EventFilter(**filters)  # type: ignore[arg-type]
    FORMATS[kind].writer(repository, event_filter, target, ExportOptions())
    return target.read_bytes()


@pytest.mark.parametrize("kind", IN_MEMORY)
@pytest.mark.parametrize(
    "filters",
    [{}, {"actors": ("Apple",)}, {"text": "no such word anywhere"}],
    ids=["all", "apple", "none"],
)
def test_the_sample_is_written_as_before(
    repository: EventRepository, tmp_path: Path, kind: str, filters: dict
) -> None:
    expected = IN_MEMORY[kind](repository, repository.events(EventFilter(**filters)))
    assert exported(repository, kind, tmp_path / f"out.{kind}", **filters) == expected


@pytest.mark.parametrize("kind", IN_MEMORY)
def test_a_synthetic_timeline_is_written_as_before_across_pages(
    synthetic: EventRepository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    # Pages of 64 events: many page ends fall among events of the same day, where the seek
    # must go on by id without repeating or skipping one.
    monkeypatch.setattr("desktopapp.export.formats._CHUNK", 64)
    events = synthetic.events()
    assert len(events) == SYNTHETIC_EVENTS
    data = exported(synthetic, kind, tmp_path / f"out.{kind}")
    assert data == IN_MEMORY[kind](synthetic, events)


@pytest.mark.parametrize("kind", IN_MEMORY)
def test_never_holds_every_event(
    synthetic: EventRepository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    """Memory stays flat: no call reads every row or every event, and the file is written
    while the events are still being read."""
    monkeypatch.setattr("desktopapp.export.formats._CHUNK", 100)
    loaded: list[int] = []
    written_before_last_page: list[int] = []
    target = tmp_path / f"out.{kind}"

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the export read every event at once")

    def events_by_id(ids: list[int]) -> list[Event]:
        loaded.append(len(ids))
        temporaries = [p for p in tmp_path.iterdir() if p != target]
        written_before_last_page.append(sum(p.stat().st_size for p in temporaries))
        return EventRepository.events_by_id(synthetic, ids)

    monkeypatch.setattr(synthetic, "events", refuse)
    monkeypatch.setattr(synthetic, "rows", refuse)
    monkeypatch.setattr(synthetic, "events_by_id", events_by_id)
    FORMATS[kind].writer(synthetic, EventFilter(), target, ExportOptions())
    assert sum(loaded) == SYNTHETIC_EVENTS and max(loaded) == 100
    assert written_before_last_page[-1] > 0  # earlier pages already on disk


@pytest.mark.parametrize("kind", IN_MEMORY)
def test_progress_is_told_and_a_cancel_writes_nothing(
    repository: EventRepository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    monkeypatch.setattr("desktopapp.export.formats._CHUNK", 5)  # the sample's 18 events
    told: list[tuple[int, int]] = []
    target = tmp_path / f"out.{kind}"
    options = ExportOptions(progress=lambda done, total: told.append((done, total)))
    FORMATS[kind].writer(repository, EventFilter(), target, options)
    assert told == [(5, 18), (10, 18), (15, 18), (18, 18)]
    target.write_bytes(b"the previous export")
    asked = iter([False, True])  # cancelled before the second page
    with pytest.raises(files.ExportCancelled):
        FORMATS[kind].writer(
            repository, EventFilter(), target, ExportOptions(cancelled=lambda: next(asked))
        )
    assert target.read_bytes() == b"the previous export"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_list_json_is_read_in_pages_and_is_the_export(
    synthetic_db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from desktopapp.cli import main

    exported = tmp_path / "events.json"
    assert main(["export", "--db", str(synthetic_db), "--json", str(exported)]) == 0
    capsys.readouterr()

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("list --json read every event at once")

    monkeypatch.setattr("desktopapp.export.formats._CHUNK", 100)
    monkeypatch.setattr(EventRepository, "events", refuse)
    monkeypatch.setattr(EventRepository, "rows", refuse)
    assert main(["list", "--db", str(synthetic_db), "--json"]) == 0
    assert capsys.readouterr().out == exported.read_text(encoding="utf-8")
