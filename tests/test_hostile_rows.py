"""A timeline file from someone else: valid by its schema, one row changed in one way per case.

Each case copies the article's database, changes one row, and runs the command line on it:
``export --pdf --csv --json`` and an offscreen ``--screenshot`` in subprocesses (Qt is where a
crash shows only as a signal), ``list --json`` and ``check`` through ``cli.main`` in this
process (no Qt; any exception escaping main fails the test, and it saves an interpreter start
per command). Whatever the row holds: no traceback, no crash, a bounded time, the file
unchanged by viewing, and a message or marker that names what is wrong.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktopapp.cli import main

TIMEOUT = 60  # seconds per command; the article's 18 events take about one


@dataclass(frozen=True)
class Case:
    name: str
    sql: str
    # What names the damage: in the event's problems (list --json) and in `check`'s output.
    marker: str
    events: tuple[int, ...] = (1,)  # the events marked damaged (none: the damage is elsewhere)
    # The open stops with one line naming the row (exit 2), instead of marking an event.
    stops: bool = False
    # Also drawn: the PDF and an offscreen window. Left to the text outputs (CSV, JSON) for
    # the cases whose drawing takes no other path, to keep the suite's time to a few dozen
    # seconds; and for extreme dates, which render/ clamps (its own tests).
    drawn: bool = False


CASES = [
    Case("edtf-empty", "UPDATE events SET date_edtf = '' WHERE id = 1", "the date is empty"),
    Case("edtf-garbage", "UPDATE events SET date_edtf = 'soon' WHERE id = 1", "'soon'"),
    Case(
        "edtf-impossible",
        "UPDATE events SET date_edtf = '2022-13-45' WHERE id = 1",
        "month 13",
        drawn=True,
    ),
    Case("edtf-no-such-day", "UPDATE events SET date_edtf = '2022-02-30' WHERE id = 1", "day 30"),
    Case("edtf-number", "UPDATE events SET date_edtf = 20220302 WHERE id = 1", "date_edtf"),
    Case(
        "start-not-iso",
        "UPDATE events SET start_date = 'march' WHERE id = 1",
        "start_date",
        drawn=True,
    ),
    Case("end-short-iso", "UPDATE events SET end_date = '2022-3-2' WHERE id = 1", "end_date"),
    Case(
        "end-past-9999", "UPDATE events SET end_date = 'zzzz' WHERE id = 1", "end_date", drawn=True
    ),
    Case(
        "start-after-end",
        "UPDATE events SET start_date = '2022-04-01' WHERE id = 1",
        "is after",
    ),
    Case("precision", "UPDATE events SET precision = 'weekly' WHERE id = 1", "precision"),
    Case("approximate", "UPDATE events SET approximate = 'yes' WHERE id = 1", "approximate"),
    Case(
        "year-1",
        "UPDATE events SET date_edtf = '0001-01-01~' WHERE id = 1",
        "start_date/end_date",
    ),
    Case(
        "year-9999",
        "UPDATE events SET date_edtf = '9999-12~' WHERE id = 1",
        "start_date/end_date",
    ),
    Case(
        "actor-kind",
        "UPDATE actors SET kind = 'alien' WHERE id = 1",
        "actors.kind",
        (1, 2, 3),
        drawn=True,
    ),
    Case(
        "role",
        "UPDATE event_actors SET role = 'boss' WHERE event_id = 1 AND actor_id = 1",
        "event_actors.role",
        drawn=True,
    ),
    Case(
        "missing-actor",
        "UPDATE event_actors SET actor_id = 999 WHERE event_id = 1 AND actor_id = 1",
        "999 names no actor",
        drawn=True,
    ),
    Case(
        "quote-shifted",
        "UPDATE quotes SET start = start + 3 WHERE id = 1",
        "not verified",
        drawn=True,
    ),
    Case(
        "quote-negative",
        "UPDATE quotes SET start = -5 WHERE id = 1",
        "outside the source",
        drawn=True,
    ),
    Case("quote-huge", 'UPDATE quotes SET "end" = 1000000000000 WHERE id = 1', "outside"),
    Case(
        "quote-text-offset",
        "UPDATE quotes SET start = 'abc' WHERE id = 1",
        "whole numbers",
        drawn=True,
    ),
    Case("quote-real-offset", 'UPDATE quotes SET "end" = 395.5 WHERE id = 1', "whole numbers"),
    Case(
        "quote-no-source",
        "UPDATE quotes SET source_id = 99 WHERE id = 1",
        "names no source",
        drawn=True,
    ),
    Case("quote-edited", "UPDATE quotes SET text = 'Amazon offre' WHERE id = 1", "not verified"),
    Case(
        "type-nowhere",
        "UPDATE events SET type_id = 999 WHERE id = 1",
        "names no event type",
        drawn=True,
    ),
    Case("citation-nowhere", "UPDATE events SET citation_id = 999 WHERE id = 1", "no citation"),
    Case("actor-names", "UPDATE events SET actor_names = 'Apple' WHERE id = 1", "actor_names"),
    Case("uncited", "UPDATE events SET citation_quote = '' WHERE id = 1", "not cited"),
    Case("title-bytes", "UPDATE events SET title = x'00ff41' WHERE id = 1", "title", drawn=True),
    Case(
        "published-garbage",
        "UPDATE sources SET published_edtf = 'lately'",
        "sources.published_edtf",
        events=(),
        drawn=True,
    ),
    Case(
        "orphan-quote",
        'INSERT INTO quotes (event_id, source_id, position, start, "end", text) '
        "VALUES (500, 1, 0, 0, 6, 'Amazon')",
        "names no event",
        events=(),
    ),
    Case(
        "edtf-and-start",
        "UPDATE events SET date_edtf = 'x', start_date = 'y' WHERE id = 1",
        "placed by its stored bounds 2022-03-02 – 2022-03-02",
    ),
    Case(
        "no-date-at-all",
        "UPDATE events SET date_edtf = 'x', start_date = 'y', end_date = 'z' WHERE id = 1",
        "date_edtf 'x' is not a date",
        stops=True,
        drawn=True,
    ),
]


@pytest.fixture(scope="module")
def command() -> list[str]:
    return [sys.executable, "-m", "desktopapp"]


def _hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _start(command: list[str], *argv: str) -> subprocess.Popen[str]:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [*command, *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
    )


def _finish(process: subprocess.Popen[str]) -> tuple[int, str, str]:
    try:
        out, err = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        pytest.fail(f"{process.args} ran past {TIMEOUT} s")
    assert process.returncode >= 0, f"{process.args} died of signal {-process.returncode}"
    assert "Traceback" not in err, err
    return process.returncode, out, err


def _in_process(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out, captured.err


def _damaged_copy(article_db: Path, folder: Path, sql: str) -> Path:
    path = folder / "hostile.sqlite3"
    shutil.copyfile(article_db, path)
    with sqlite3.connect(path) as connection:
        connection.executescript(sql)
    connection.close()
    return path


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_hostile_row(
    case: Case,
    article_db: Path,
    tmp_path: Path,
    command: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = _damaged_copy(article_db, tmp_path, case.sql)
    before = _hash(db)
    out = tmp_path / "out"
    out.mkdir()
    pdf, table, exported, shot = (out / n for n in ("a.pdf", "a.csv", "a.json", "a.png"))
    # Started together, waited on together, while list and check run here.
    running = {}
    if not case.drawn:
        running["export"] = _start(
            command, "export", "--db", str(db), "--csv", str(table), "--json", str(exported)
        )
    else:
        running["export"] = _start(
            command, "export", "--db", str(db), "--pdf", str(pdf), "--csv", str(table),
            "--json", str(exported), "--group-by", "type",
        )  # fmt: skip
        running["window"] = _start(command, "--db", str(db), "--screenshot", str(shot))
    results = {
        "list": _in_process(capsys, "list", "--db", str(db), "--json"),
        "check": _in_process(capsys, "check", str(db)),
    }
    results.update({name: _finish(process) for name, process in running.items()})

    code, check_out, _ = results["check"]
    assert code == 1, check_out
    assert case.marker in check_out
    if case.stops:
        for name in ("list", "export"):
            code, _, err = results[name]
            assert code == 2 and case.marker in err and "events #1" in err, (name, err)
        # The window opens and says it in its status bar (seen in the screenshot).
        assert results["window"][0] == 0, results["window"][2]
    else:
        _assert_marked(case, results["list"][1])
        noted = f"{len(case.events)} of these events are damaged in the file"
        assert (noted in results["list"][2]) == bool(case.events), results["list"][2]
        assert results["export"][0] == 0, results["export"][2]
        _assert_marked(case, exported.read_text(encoding="utf-8"))
        _assert_csv_marked(case, table)
        if case.drawn:
            _assert_pdf_marked(case, pdf)
            assert results["window"][0] == 0, results["window"][2]
            assert shot.stat().st_size > 0
    assert _hash(db) == before, "viewing changed the file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hostile.sqlite3", "out"]


def _assert_marked(case: Case, json_text: str) -> None:
    """All 18 events listed; the damaged one says what is wrong, the others nothing."""
    records = json.loads(json_text)
    assert len(records) == 18
    damaged = {r["id"]: r["problems"] for r in records if r["problems"]}
    assert sorted(damaged) == sorted(case.events)
    for problems in damaged.values():
        assert any(case.marker in problem for problem in problems)
    verified = {r["id"]: [q["verified"] for q in r["quotes"]] for r in records}
    if case.name.startswith("quote-"):
        assert verified.pop(1) == [False, True]  # the event's first quote, not its second
    assert all(all(flags) for flags in verified.values())


def _assert_csv_marked(case: Case, path: Path) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 18
    damaged = sorted(int(row["id"]) for row in rows if row["problems"])
    assert damaged == sorted(case.events)
    assert all(case.marker in row["problems"] for row in rows if row["problems"])


def _assert_pdf_marked(case: Case, pdf: Path) -> None:
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)
    if case.events:
        assert "Damaged in the file" in text
    if case.name.startswith("quote-"):
        assert "not verified: the text at these offsets differs" in text
    if case.name == "published-garbage":
        assert "publication date unreadable" in text


def test_sound_file_checks_clean(article_db: Path, command: list[str]) -> None:
    code, out, _ = _finish(_start(command, "check", str(article_db)))
    assert (code, out) == (0, "18 events, 29 quotes: all verified\n")


def test_view_standing_for_a_table_is_refused_at_once(
    article_db: Path, tmp_path: Path, command: list[str]
) -> None:
    """A recursive view in place of a table made `list` run forever."""
    db = _damaged_copy(
        article_db,
        tmp_path,
        "PRAGMA legacy_alter_table = 1; ALTER TABLE actors RENAME TO actors_old; "
        "CREATE VIEW actors AS WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) "
        "SELECT x AS id, 'k' || x AS key, 'n' AS name, 'company' AS kind FROM r",
    )
    for argv in (("list", "--db", str(db)), ("check", str(db))):
        code, _, err = _finish(_start(command, *argv))
        assert code == 2
        assert "'actors' is a view, not a table" in err


def test_unopenable_file_checks_with_status_2(tmp_path: Path, command: list[str]) -> None:
    code, _, err = _finish(_start(command, "check", str(tmp_path / "missing.sqlite3")))
    assert code == 2 and "no such file" in err
