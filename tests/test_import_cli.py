"""``desktopapp import``: into a new file or an existing one, all or nothing, and every way it
refuses (one line on stderr, exit status 2, the target as it was or not created)."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest

from desktopapp.cli import main
from desktopapp.db.edits import MAX_TITLE
from desktopapp.db.engine import open_database
from desktopapp.db.repository import EventRepository
from desktopapp.db.store import TimelineStore
from desktopapp.ingest import importing
from desktopapp.ingest.bundled import ensure_default_database
from desktopapp.ingest.importing import ImportFileError, ImportSource, TargetNames, plan_import

FIXTURES = Path(__file__).parent / "fixtures" / "timelinejs"


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def events_of(path: Path) -> list:
    engine = open_database(path)
    try:
        return EventRepository(engine).events()
    finally:
        engine.dispose()


def folder_listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_import_into_a_new_file_creates_it_with_the_files_title(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "news.timeline"
    code, out, err = run(capsys, "import", target, FIXTURES / "messy.json")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "Imported 15 events from 'messy.json', read as TimelineJS JSON."
    assert "1 slide without a date: skipped (slide 5)" in lines
    assert lines[-1] == f"Created {target}."
    engine = open_database(target)
    repository = EventRepository(engine)
    assert repository.meta["title"] == "Sanctions & tech: the first week"
    events = repository.events()
    engine.dispose()
    assert len(events) == 15
    assert {e.type.slug for e in events} == {"imported"}
    assert all(not e.quotes for e in events)
    assert folder_listing(tmp_path) == ["news.timeline"]  # no -wal, -shm, temporary left


def test_import_into_an_existing_timeline_reuses_its_actors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "mine.timeline"
    assert run(capsys, "new", target, "--title", "Mine")[0] == 0
    assert run(capsys, "actor", "add", target, "APPLE", "--kind", "company")[0] == 0
    code, out, err = run(capsys, "import", target, FIXTURES / "messy.json", "--note", "from AP")
    assert code == 0, err
    assert "Used 1 actor the timeline already had: 'APPLE'" in out
    assert "Created 1 actor: 'Кремль'" in out
    assert "is not imported: the timeline keeps its own title" in out
    assert out.splitlines()[-1] == f"Updated {target}."
    with TimelineStore.open(target, author="t") as store:
        assert store.repository.meta["title"] == "Mine"
        history = store.history()
    assert {entry.note for entry in history if entry.text.startswith("Add event")} == {"from AP"}


def test_group_as_type_makes_lanes_of_types(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "t.timeline"
    code, _, err = run(capsys, "import", target, FIXTURES / "legacy-v2.json", "--group-as", "type")
    assert code == 0, err
    types = {e.title: e.type.slug for e in events_of(target)}
    assert types["SWIFT exclusion announced"] == "imported/european-union"
    assert types["Morning decree"] == "imported"


def test_the_format_can_be_given(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    renamed = tmp_path / "sheet.txt"
    shutil.copy(FIXTURES / "sheet-semicolon.csv", renamed)
    code, out, err = run(
        capsys, "import", tmp_path / "t.timeline", renamed, "--format", "timelinejs-csv"
    )
    assert code == 0, err
    assert out.startswith("Imported 3 events from 'sheet.txt'")
    code, _, err = run(capsys, "import", tmp_path / "u.timeline", renamed, "--format", "timelinejs")
    assert code == 2
    assert "not valid JSON" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "not a file this app can tell the format of"),
        (b'{"events": [{"text": {"headline": "no date"}}]}', "no event to import"),
        (b'{"events": [{"start_date": {"year": 2022}', "not valid JSON"),
        (b"Year,Headline\n2022,\xff\n", "not UTF-8 text"),
    ],
)
def test_bad_input_is_one_line_and_nothing_is_created_or_changed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    source = tmp_path / "in.json"
    source.write_bytes(content)
    new = tmp_path / "new.timeline"
    code, out, err = run(capsys, "import", new, source)
    assert (code, out) == (2, "")
    assert message in err and err.count("\n") == 1
    assert not new.exists()
    existing = tmp_path / "old.timeline"
    assert run(capsys, "new", existing)[0] == 0
    before = existing.read_bytes()
    assert run(capsys, "import", existing, source)[0] == 2
    assert existing.read_bytes() == before
    assert folder_listing(tmp_path) == ["in.json", "old.timeline"]


def test_other_refusals(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sample = ensure_default_database()
    before = sample.read_bytes()
    code, _, err = run(capsys, "import", sample, FIXTURES / "messy.json")
    assert code == 2 and "the bundled sample is read-only" in err
    assert sample.read_bytes() == before
    code, _, err = run(capsys, "import", tmp_path / "t.timeline", tmp_path / "missing.json")
    assert code == 2 and "missing.json" in err
    code, _, err = run(capsys, "import", tmp_path / "t.timeline", tmp_path)
    assert code == 2 and "not a regular file" in err
    code, _, err = run(capsys, "import", tmp_path / "no" / "t.timeline", FIXTURES / "messy.json")
    assert code == 2 and "no such folder" in err
    existing = tmp_path / "old.timeline"
    assert run(capsys, "new", existing)[0] == 0
    code, _, err = run(capsys, "import", existing, FIXTURES / "messy.json", "--title", "T")
    assert code == 2 and "--title names a new timeline only" in err
    assert events_of(existing) == []
    existing.unlink()
    not_a_timeline = tmp_path / "notes.txt"
    not_a_timeline.write_text("hello")
    code, _, err = run(capsys, "import", not_a_timeline, FIXTURES / "messy.json")
    assert code == 2
    assert not_a_timeline.read_text() == "hello"
    assert not (tmp_path / "t.timeline").exists()


def test_a_folder_that_cannot_be_written_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from desktopapp import safe_files

    def full(target: Path, *, suffix: str = "") -> Path:
        raise OSError(errno.ENOSPC, "No space left on device", str(target))

    monkeypatch.setattr(safe_files, "new_temporary", full)
    target = tmp_path / "t.timeline"
    code, out, err = run(capsys, "import", target, FIXTURES / "messy.json")
    assert (code, out) == (2, "")
    assert err.startswith(f"desktopapp: {target}: could not be created (the disk is full (")
    assert err.count("\n") == 1
    assert folder_listing(tmp_path) == []


def test_an_interrupted_import_leaves_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl+C in the middle of the transaction: the new file is not created, an existing one
    is byte for byte as it was."""
    real = importing.apply_plan

    def interrupted(store, plan, note=""):  # type: ignore[no-untyped-def]
        original = store.execute_all

        def stop_halfway(commands, *, note=""):  # type: ignore[no-untyped-def]
            def commands_then_stop():  # type: ignore[no-untyped-def]
                for number, command in enumerate(commands):
                    if number == len(commands) // 2:
                        raise KeyboardInterrupt
                    yield command

            return original(list(commands_then_stop()), note=note)

        monkeypatch.setattr(store, "execute_all", stop_halfway)
        return real(store, plan, note)

    monkeypatch.setattr(importing, "apply_plan", interrupted)
    new = tmp_path / "new.timeline"
    assert run(capsys, "import", new, FIXTURES / "messy.json")[0] == 130
    assert folder_listing(tmp_path) == []
    existing = tmp_path / "old.timeline"
    assert run(capsys, "new", existing)[0] == 0
    before = existing.read_bytes()
    assert run(capsys, "import", existing, FIXTURES / "messy.json")[0] == 130
    assert existing.read_bytes() == before
    assert events_of(existing) == []


def test_a_refused_command_refuses_the_whole_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A command the store refuses halfway (here: a type made meanwhile by someone else):
    none of the import is written."""
    existing = tmp_path / "old.timeline"
    assert run(capsys, "new", existing)[0] == 0
    real_of = TargetNames.of

    def stale(repository):  # type: ignore[no-untyped-def]
        names = real_of(repository)
        names.types["imported"] = "Imported"  # as read before another program removed it
        return names

    monkeypatch.setattr(TargetNames, "of", staticmethod(stale))
    before = existing.read_bytes()
    code, out, err = run(capsys, "import", existing, FIXTURES / "messy.json")
    assert (code, out) == (2, "")
    assert err.startswith("desktopapp: nothing was imported: slide 1: ")
    assert "'imported'" in err and err.count("\n") == 1
    assert existing.read_bytes() == before


# -- truncated and hostile files -----------------------------------------------------------------


@pytest.mark.parametrize("name", ["messy.json", "legacy-v2.json"])
def test_a_json_file_cut_anywhere_is_refused_and_creates_nothing(name: str, tmp_path: Path) -> None:
    data = (FIXTURES / name).read_bytes()
    offsets = random.Random(12).sample(range(1, len(data) - 2), 40)
    for offset in offsets:
        with pytest.raises(ImportFileError) as refused:
            plan_import(ImportSource(name, data[:offset]), TargetNames.new_timeline())
        assert "\n" not in str(refused.value)


@pytest.mark.parametrize("name", ["sheet-excel.csv", "sheet-semicolon.csv"])
def test_a_sheet_cut_anywhere_is_refused_or_is_a_shorter_whole_sheet(name: str) -> None:
    """A sheet cut at a line's end is a shorter sheet, whole; cut anywhere else it is
    refused (a spreadsheet writes every cell of every row), except within the very last
    cell, which no reader can tell from a sheet saved without a final line break (as
    Google Sheets saves them)."""
    data = (FIXTURES / name).read_bytes()
    full = plan_import(ImportSource(name, data), TargetNames.new_timeline())
    titles = [c.title for c in full.commands if hasattr(c, "date_edtf")]
    for offset in random.Random(7).sample(range(1, len(data) - 2), 60):
        cut = data[:offset]
        try:
            plan = plan_import(ImportSource(name, cut), TargetNames.new_timeline())
        except ImportFileError as refused:
            assert "\n" not in str(refused)
            continue
        got = [c.title for c in plan.commands if hasattr(c, "date_edtf")]
        if cut.endswith((b"\n", b"\r")):
            assert got == titles[: len(got)], offset
        else:
            assert got == titles and data.rstrip().rfind(b"\n") < offset, offset


def test_hostile_content_is_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    huge = "x" * 1_000_000
    document = {
        "events": [
            {
                "start_date": {"year": 2022, "month": 3, "day": 1},
                "text": {
                    "headline": "&lt;script&gt;alert(1)&lt;/script&gt;",
                    "text": "<img src=x onerror=alert(1)>",
                },
                "group": "=cmd|' /C calc'!A0",
            },
            {
                "start_date": {"year": 2022},
                "text": {"headline": "Lone \ud800 surrogate and NUL \u0000", "text": huge},
                "media": {"url": "javascript:alert(1)", "credit": huge},
            },
            {"start_date": {"year": 2022}, "text": {"headline": huge, "text": ""}, "group": huge},
        ]
    }
    source = tmp_path / "hostile.json"
    source.write_text(json.dumps(document), encoding="utf-8")  # ensure_ascii: \ud800 escaped
    assert b"\\ud800" in source.read_bytes()
    target = tmp_path / "h.timeline"
    code, out, err = run(capsys, "import", target, source)
    assert code == 0, err
    events = {e.title[:20]: e for e in events_of(target)}
    script = events["<script>alert(1)</sc"]
    assert script.title == "<script>alert(1)</script>"
    assert script.actors()[0].name == "=cmd|' /C calc'!A0"
    lone = events["Lone � surrogate and"]
    assert lone.title == "Lone � surrogate and NUL �"
    assert len(events["x" * 20].title) == MAX_TITLE
    assert "shown as �" in out
    assert "cut in the title" in out
    assert "cut in the claim" in out


def test_hostile_sheet_cells_are_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import csv
    import io

    from desktopapp.ingest.timelinejs_sheet import SHEET_COLUMNS

    def row(**cells: str) -> list[str]:
        return [cells.get(name.replace(" ", "_").lower(), "") for name in SHEET_COLUMNS]

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(SHEET_COLUMNS)
    writer.writerow(row(year="2022", headline="&lt;script&gt;x&lt;/script&gt;", group="@SUM(A1)"))
    writer.writerow(row(year="2022", month="3", headline="NUL\x00 here", text="y" * 1_000_000))
    writer.writerow(row(year="2022", headline="'-1+1", media="javascript:alert(1)"))
    source = tmp_path / "hostile.csv"
    source.write_text(buffer.getvalue(), encoding="utf-8")
    target = tmp_path / "h.timeline"
    code, out, err = run(capsys, "import", target, source)
    assert code == 0, err
    events = {e.title: e for e in events_of(target)}
    assert set(events) == {"<script>x</script>", "NUL� here", "-1+1"}
    assert events["<script>x</script>"].actors()[0].name == "@SUM(A1)"
    assert len(events["NUL� here"].claim.text) == 20_000
    assert events["-1+1"].links[0].url == "javascript:alert(1)"  # stored as given, never linked
    assert "cut in the claim" in out and "shown as �" in out


def test_the_help_names_every_format_that_can_be_imported(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    shown = " ".join(capsys.readouterr().out.split())
    for entry in importing.FORMATS.values():
        assert " ".join(entry.label.split()) in shown
