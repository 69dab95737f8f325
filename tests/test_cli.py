"""The command line contract: list, --json, build-db, and every error path."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktopapp.cli import main
from desktopapp.ingest.bundled import default_database_path, ensure_default_database

JSON_FIELDS = {"id", "title", "summary", "type", "actors", "date", "start", "end", "precision",
               "date_source", "quotes"}  # fmt: skip


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def list_json(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> list[dict]:  # type: ignore[type-arg]
    code, out, err = run(capsys, "list", "--db", str(db), "--json", *argv)
    assert code == 0, err
    return json.loads(out)


def test_list_json_contract(
    capsys: pytest.CaptureFixture[str], article_db: Path, article_text: str
) -> None:
    events = list_json(capsys, article_db)
    assert len(events) == 18
    assert [(e["start"], e["end"]) for e in events] == sorted(
        (e["start"], e["end"]) for e in events
    )
    for event in events:
        assert set(event) >= JSON_FIELDS
        assert event["date_source"]["quote"]
        assert event["precision"] in {"day", "month", "year", "interval"}
        assert event["quotes"][0]["source"] == "article"  # the article first, then reports
        for quote in event["quotes"]:
            assert quote["verified"] and quote["problem"] == ""
            if quote["source"] == "article":
                assert article_text[quote["start"] : quote["end"]] == quote["text"]
    apple = next(e for e in events if e["title"] == "Apple halts all exports to Russia")
    assert apple["type"] == "corporate-withdrawal/export-halt"
    assert apple["date"] == "2022-02-21/2022-02-27"
    assert (apple["start"], apple["end"]) == ("2022-02-21", "2022-02-27")
    assert apple["precision"] == "interval"
    assert apple["date_source"]["url"].startswith("https://")
    assert apple["actors"] == ["Apple", "Russia"]


def test_list_filters_from_the_command_line(
    capsys: pytest.CaptureFixture[str], article_db: Path
) -> None:
    apple = list_json(capsys, article_db, "--company", "apple")
    assert len(apple) == 3
    both = list_json(capsys, article_db, "--company", "Apple", "--company", "General Motors")
    assert len(both) == 4
    sanctions = list_json(capsys, article_db, "--type", "sanction")
    assert {e["type"] for e in sanctions} == {"sanction/general", "sanction/banking-exclusion"}
    march = list_json(capsys, article_db, "--from", "March 2022")
    assert all(e["end"] >= "2022-03-01" for e in march) and march
    until = list_json(capsys, article_db, "--to", "2022-02")  # a month means its last day
    assert {e["start"] <= "2022-02-28" for e in until} == {True}
    assert len(until) == 11  # 5 dated up to 28 Feb, 6 intervals that start by then
    found = list_json(capsys, article_db, "--search", "systeme bancaire")
    assert [e["title"] for e in found] == [
        "Western allies announce the exclusion of selected Russian banks from SWIFT"
    ]


def test_list_table_is_readable(capsys: pytest.CaptureFixture[str], article_db: Path) -> None:
    code, out, _ = run(capsys, "list", "--db", str(article_db), "--company", "Apple")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["Date", "Type", "Actors", "Title"]
    assert "2022-02-21/2022-02-27" in out
    assert lines[-1] == "3 of 18 events"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--company", "Microsoft"], "no actor is called 'Microsoft'"),
        # The article's "Volvo" is two companies: the name alone is refused, both are named.
        (["--company", "Volvo"], "'Volvo' could mean several actors: AB Volvo, Volvo Cars"),
        (["--type", "war"], "no event type is called 'war'"),
        (["--from", "yesterday-ish"], "is not a date I can read"),
        (["--from", "2022-03-05", "--to", "2022-03-01"], "date range is reversed"),
    ],
)
def test_bad_filters_are_one_line_errors(
    capsys: pytest.CaptureFixture[str], article_db: Path, argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, "list", "--db", str(article_db), *argv)
    assert code == 2
    assert out == ""
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def _other_program_db(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE contacts (name TEXT)")


def _our_schema_at(version: str, article_db: Path, path: Path) -> None:
    path.write_bytes(article_db.read_bytes())
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (version,))


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (None, "no such file"),
        (lambda p, db: p.write_text("hello, not a database"), "not an SQLite file"),
        (lambda p, db: p.write_bytes(db.read_bytes()[:4096]), "cannot be read as a database"),
        (lambda p, db: _other_program_db(p), "not a timeline database"),
        (lambda p, db: _our_schema_at("99", db, p), "made by a newer version"),
        (lambda p, db: _our_schema_at("0", db, p), "older schema"),
        (lambda p, db: p.mkdir(), "is a folder"),
    ],
)
def test_bad_database_is_refused_and_left_unchanged(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, article_db: Path, make, message: str
) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "candidate.sqlite3"
    if make is not None:
        make(target, article_db)
    before = _snapshot(tmp_path)
    code, out, err = run(capsys, "list", "--db", str(target))
    assert code == 2 and out == ""
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert _snapshot(tmp_path) == before  # nothing created, changed or deleted


def test_db_accepts_a_sqlalchemy_url(capsys: pytest.CaptureFixture[str], article_db: Path) -> None:
    code, out, _ = run(capsys, "list", "--db", f"sqlite:///{article_db}", "--json")
    assert code == 0 and len(json.loads(out)) == 18
    code, _, err = run(capsys, "list", "--db", "nosuchdialect://x/y")
    assert code == 2 and "cannot open this kind of database" in err


def _snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        if p.is_file()
        else "dir"
        for p in sorted(folder.rglob("*"))
    }


def test_bundled_database_is_built_on_first_use_and_rebuilt_when_stale(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert not default_database_path().exists()
    code, out, _ = run(capsys, "list", "--json")
    assert code == 0 and len(json.loads(out)) == 18
    path = default_database_path()
    assert path.exists()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE meta SET value = 'stale' WHERE key = 'annotations_sha256'")
        connection.execute("DELETE FROM events WHERE id = 1")
    ensure_default_database()
    code, out, _ = run(capsys, "list", "--json")
    assert len(json.loads(out)) == 18


def test_build_db_to_a_path(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "fresh.sqlite3"
    code, out, _ = run(capsys, "build-db", "--out", str(target))
    assert code == 0 and "18 events" in out
    code, out, _ = run(capsys, "list", "--db", str(target), "--json")
    assert len(json.loads(out)) == 18


def test_build_db_with_broken_annotations_names_the_entry(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "annotations.toml").write_text("schema = 1\n[source]\nid = 'elsewhere'\n")
    target = tmp_path / "out.sqlite3"
    code, _, err = run(
        capsys,
        "build-db",
        "--annotations",
        str(tmp_path / "annotations.toml"),
        "--out",
        str(target),
    )
    assert code == 2
    assert "annotations.toml: [source], field 'id'" in err
    assert not target.exists()


def test_window_command_without_display_support_is_not_a_traceback(article_db: Path) -> None:
    """The real entry point runs in a subprocess: --version and --help exit 0."""
    result = subprocess.run(
        [sys.executable, "-m", "desktopapp", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0 and result.stdout.startswith("desktopapp ")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktopapp",
            "list",
            "--db",
            str(article_db),
            "--company",
            "Nobody",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
