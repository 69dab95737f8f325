"""``desktopapp export``: every file it promises, and one-line refusals that write nothing."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktopapp.cli import main
from desktopapp.export.files import TEMP_PREFIX


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def snapshot(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "<dir>"
        for p in folder.iterdir()
    }


def test_exports_every_format(
    qapp: object, capsys: pytest.CaptureFixture[str], article_db: Path, tmp_path: Path
) -> None:
    files = {kind: tmp_path / f"apple.{kind}" for kind in ("pdf", "csv", "json", "png", "svg")}
    options = [item for kind, path in files.items() for item in (f"--{kind}", str(path))]
    code, out, err = run(capsys, "export", "--db", str(article_db), "--company", "Apple", *options)
    assert code == 0, err
    lines = out.splitlines()
    pages = len(PdfReader(files["pdf"]).pages)
    assert lines[0] == f"Wrote {files['pdf']} ({pages} pages, 3 events)"
    assert lines[1] == f"Wrote {files['csv']} (3 events)"
    assert lines[2] == f"Wrote {files['json']} (3 events)"
    assert lines[3].startswith(f"Wrote {files['png']} (chart, ")
    assert lines[4] == f"Wrote {files['svg']} (chart, vector drawing)"
    assert len(lines) == 5

    # The JSON is exactly that of `list --json` with the same filter.
    code, listed, _ = run(capsys, "list", "--db", str(article_db), "--company", "Apple", "--json")
    assert code == 0
    assert files["json"].read_text(encoding="utf-8") == listed
    rows = list(csv.DictReader(io.StringIO(files["csv"].read_text(encoding="utf-8"))))
    assert [row["id"] for row in rows] == [str(event["id"]) for event in json.loads(listed)]
    assert files["png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = files["svg"].read_text(encoding="utf-8")
    assert "<svg" in svg and "Apple" in svg
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(TEMP_PREFIX)]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--company", "Nosuchcorp"], "no actor is called 'Nosuchcorp'"),
        (["--from", "the day after never"], "is not a date I can read"),
        (["--type", "nosuchtype"], "no event type is called"),
    ],
)
def test_bad_filters_write_nothing(
    capsys: pytest.CaptureFixture[str],
    article_db: Path,
    tmp_path: Path,
    arguments: list[str],
    message: str,
) -> None:
    existing = tmp_path / "report.pdf"
    existing.write_bytes(b"previous report")
    before = snapshot(tmp_path)
    code, out, err = run(
        capsys, "export", "--db", str(article_db), *arguments, "--pdf", str(existing),
        "--csv", str(tmp_path / "new.csv"),
    )  # fmt: skip
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and message in err
    assert snapshot(tmp_path) == before


def test_unwritable_directory(
    capsys: pytest.CaptureFixture[str], article_db: Path, tmp_path: Path
) -> None:
    if os.geteuid() == 0:  # root ignores permission bits: use a folder no one can create in
        folder = Path("/proc")
    else:
        folder = tmp_path / "locked"
        folder.mkdir()
        folder.chmod(0o500)
    code, out, err = run(capsys, "export", "--db", str(article_db), "--pdf", str(folder / "r.pdf"))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "cannot write in" in err
    assert not (folder / "r.pdf").exists()


def test_target_is_a_directory_and_a_bad_later_target_writes_nothing(
    capsys: pytest.CaptureFixture[str], article_db: Path, tmp_path: Path
) -> None:
    (tmp_path / "out.pdf").mkdir()
    before = snapshot(tmp_path)
    code, out, err = run(
        capsys, "export", "--db", str(article_db), "--csv", str(tmp_path / "ok.csv"),
        "--pdf", str(tmp_path / "out.pdf"),
    )  # fmt: skip
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "is a folder" in err
    assert snapshot(tmp_path) == before  # the good CSV target was not written either


def test_missing_folder_and_same_file_twice(
    capsys: pytest.CaptureFixture[str], article_db: Path, tmp_path: Path
) -> None:
    code, _, err = run(
        capsys, "export", "--db", str(article_db), "--pdf", str(tmp_path / "no" / "r.pdf")
    )
    assert code == 2 and "does not exist" in err
    code, _, err = run(
        capsys, "export", "--db", str(article_db), "--csv", str(tmp_path / "x"),
        "--json", str(tmp_path / "x"),
    )  # fmt: skip
    assert code == 2 and "give two files" in err
    assert list(tmp_path.iterdir()) == []


def test_nothing_asked(capsys: pytest.CaptureFixture[str], article_db: Path) -> None:
    code, _, err = run(capsys, "export", "--db", str(article_db))
    assert code == 2 and "say what to export" in err


def test_real_process_headless(article_db: Path, tmp_path: Path) -> None:
    """The installed command, in its own process, with no display and no Qt app made for it."""
    target = tmp_path / "report.pdf"
    environment = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    environment.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run(
        [sys.executable, "-m", "desktopapp", "export", "--db", str(article_db),
         "--company", "apple", "--pdf", str(target), "--page-size", "Letter",
         "--orientation", "portrait", "--group-by", "type"],
        capture_output=True, text=True, env=environment, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Wrote {target} (")
    assert "none_dealloc" not in result.stderr
    reader = PdfReader(target)
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Apple halts all exports to Russia" in text
    assert "Actor: apple" in text


def test_filters_before_the_subcommand_apply(
    capsys: pytest.CaptureFixture[str], article_db: Path, tmp_path: Path
) -> None:
    """`desktopapp --company Apple export ...` used to export every event: the subcommand's own
    defaults silently reset the filters written before it."""
    target = tmp_path / "apple.json"
    code, _, err = run(
        capsys,
        "--company",
        "Apple",
        "--search",
        "Russie",
        "export",
        "--db",
        str(article_db),
        "--json",
        str(target),
    )
    assert code == 0, err
    _, listed, _ = run(
        capsys,
        "list",
        "--db",
        str(article_db),
        "--company",
        "Apple",
        "--search",
        "Russie",
        "--json",
    )
    exported = json.loads(target.read_text(encoding="utf-8"))
    assert exported == json.loads(listed)
    assert 0 < len(exported) < 18
    # Written after the subcommand, a filter still wins over the same one written before it.
    code, after, _ = run(
        capsys,
        "--company",
        "Apple",
        "list",
        "--db",
        str(article_db),
        "--company",
        "Google",
        "--json",
    )
    assert code == 0
    assert all("Google" in event["actors"] for event in json.loads(after))


@pytest.mark.parametrize("kind", ["csv", "json", "pdf"])
def test_an_export_never_replaces_a_database(
    qapp: object, capsys: pytest.CaptureFixture[str], article_db: Path, tmp_path: Path, kind: str
) -> None:
    """`export --db X --csv X` used to replace the timeline being read with the CSV."""
    database = tmp_path / "mine.sqlite3"
    database.write_bytes(article_db.read_bytes())
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    code, out, err = run(capsys, "export", "--db", str(database), f"--{kind}", str(database))
    assert (code, out) == (2, "")
    assert err.strip() == (
        f"desktopapp: {database} is a database file; an export will not replace it "
        "(choose another name)"
    )
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.sqlite3"]
