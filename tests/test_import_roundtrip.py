"""Our own TimelineJS exports read back: the sample (with approximate and uncertain dates on a
few events) exported as TimelineJS JSON and as the sheet CSV, imported into a new timeline,
gives the same titles, the same dates (EDTF equal), the same groups and the same keys."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from desktopapp.cli import main
from desktopapp.db.engine import open_database
from desktopapp.db.repository import EventRepository
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.grouping import Grouping
from desktopapp.domain.model import Event
from desktopapp.export.formats import FORMATS, ExportOptions
from desktopapp.export.timelinejs import lane_label
from desktopapp.ingest.annotations import load_annotations
from desktopapp.ingest.builder import build_database
from desktopapp.ingest.bundled import annotations_path

QUALIFIED_DATES = {
    "netflix-refuses-state-channels": "2022-02-28~",
    "hm-pauses-sales": "2022-03?",
    "sap-pauses-sales": "2022-03%",
    "gm-export-halt": "2022-02-24?/2022-03~",
}


@pytest.fixture(scope="module")
def qualified(tmp_path_factory: pytest.TempPathFactory) -> list[Event]:
    """The sample's events, four of them given approximate or uncertain dates."""
    folder = tmp_path_factory.mktemp("qualified")
    source = annotations_path()
    text = source.read_text(encoding="utf-8")
    for key, edtf in QUALIFIED_DATES.items():
        text, count = re.subn(
            rf'(id = "{key}"\n(?:.*\n)*?date = )"[^"]*"', rf'\1"{edtf}"', text, count=1
        )
        assert count == 1, key
    (folder / source.name).write_text(text, encoding="utf-8")
    for other in source.parent.glob("*.txt"):
        shutil.copy(other, folder / other.name)
    path = folder / "qualified.sqlite3"
    build_database(load_annotations(folder / source.name), path)
    engine = open_database(path)
    repository = EventRepository(engine)
    yield repository  # type: ignore[misc]
    engine.dispose()


def exported(repository: EventRepository, format_id: str, target: Path, grouping: Grouping) -> Path:
    FORMATS[format_id].writer(repository, EventFilter(), target, ExportOptions(grouping=grouping))
    return target


def imported(
    capsys: pytest.CaptureFixture[str], source: Path, *options: str
) -> tuple[dict[str, Event], str]:
    target = source.with_suffix(".timeline")
    code = main(["import", str(target), str(source), *options])
    out, err = capsys.readouterr()
    assert code == 0, err
    engine = open_database(target)
    try:
        return {e.key: e for e in EventRepository(engine).events()}, out
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    ("format_id", "suffix"), [("timelinejs", "json"), ("timelinejs-csv", "csv")]
)
def test_our_export_round_trips_grouped_by_actor(
    qualified: EventRepository,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    format_id: str,
    suffix: str,
) -> None:
    originals = qualified.events()
    assert {e.key for e in originals} >= set(QUALIFIED_DATES)
    source = exported(qualified, format_id, tmp_path / f"sample.{suffix}", Grouping.ACTOR)
    by_key, report = imported(capsys, source)
    assert "skipped" not in report
    if format_id == "timelinejs":  # its unique_id: the sheet template has no such column
        assert set(by_key) == {e.key for e in originals}
    events = {e.title: e for e in by_key.values()}
    assert len(events) == len(originals) == len({e.title for e in originals})
    for original in originals:
        back = events[original.title]
        assert back.title == original.title
        assert back.date.edtf() == original.date.edtf(), original.key
        assert lane_label(back, Grouping.ACTOR, {}) == lane_label(original, Grouping.ACTOR, {})
        assert back.claim is not None and back.claim.origin.startswith(f"sample.{suffix}, ")
        assert not back.quotes
    # The quotes exported as text come back as the claim, never as verified quotes.
    apple = events["Apple halts all exports to Russia"]
    assert apple.claim is not None and "“" in apple.claim.text


def test_our_export_round_trips_grouped_by_type(
    qualified: EventRepository, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    labels = {t.slug: t.label for t in qualified.event_types}
    source = exported(qualified, "timelinejs", tmp_path / "by-type.json", Grouping.TYPE)
    events, _ = imported(capsys, source, "--group-as", "type")
    for original in qualified.events():
        back = events[original.key]
        assert back.type.label == labels[original.type.root_slug]
        assert back.type.parent_slug == "imported"
        assert back.date.edtf() == original.date.edtf()


def test_importing_the_same_export_twice_gives_new_keys_the_second_time(
    qualified: EventRepository, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = exported(qualified, "timelinejs", tmp_path / "twice.json", Grouping.ACTOR)
    first, _ = imported(capsys, source)
    both, report = imported(capsys, source)
    assert len(both) == 2 * len(first)
    assert "given a new key" in report
    assert "Used " in report and "actors the timeline already had" in report


def test_an_imported_timeline_exported_and_imported_again_is_the_same(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Import → export → import: the same titles, dates, groups, links and keys; the claim
    of the second import holds the first one's words and origin."""
    from tests.test_import_cli import FIXTURES

    first, _ = imported(capsys, _copy(FIXTURES / "messy.json", tmp_path / "first.json"))
    engine = open_database(tmp_path / "first.timeline")
    try:
        again = exported(
            EventRepository(engine), "timelinejs", tmp_path / "again.json", Grouping.ACTOR
        )
    finally:
        engine.dispose()
    second, report = imported(capsys, again)
    assert "skipped" not in report
    assert set(second) == set(first)
    for key, event in first.items():
        back = second[key]
        assert (back.title, back.date.edtf()) == (event.title, event.date.edtf())
        assert [a.name for a in back.actors()] == [a.name for a in event.actors()]
        assert back.links == event.links
        assert back.claim is not None and event.claim is not None
        assert event.claim.origin in back.claim.text


def _copy(source: Path, target: Path) -> Path:
    shutil.copy(source, target)
    return target
