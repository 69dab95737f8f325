"""Older databases are upgraded only after a backup copy; newer ones are refused."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktopapp.cli import main
from desktopapp.db.schema import SCHEMA_VERSION
from desktopapp.ingest import builder
from desktopapp.ingest.upgrade import UpgradeError, schema_version_of, upgrade_database

# A real database written by the first release's code (schema 1), kept as a fixture.
SCHEMA_1 = Path(__file__).parent / "data" / "article-schema1.sqlite3"


OLD_FACTS = (
    "SELECT e.key, e.title, e.summary, e.date_edtf, e.start_date, e.end_date, t.slug"
    " FROM events e JOIN event_types t ON t.id = e.type_id"
)
OLD_ACTORS = (
    "SELECT e.key, a.name FROM event_actors ea"
    " JOIN events e ON e.id = ea.event_id JOIN actors a ON a.id = ea.actor_id"
)


def _hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def old_db(tmp_path: Path) -> Path:
    target = tmp_path / "timeline.sqlite3"
    shutil.copy(SCHEMA_1, target)
    return target


def test_fixture_is_schema_1_and_current_is_newer() -> None:
    assert schema_version_of(SCHEMA_1) == 1 < SCHEMA_VERSION


def test_older_schema_is_refused_with_the_upgrade_command(
    old_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _hash(old_db)
    assert main(["list", "--db", str(old_db)]) == 2
    assert "upgrade it with 'desktopapp upgrade-db'" in capsys.readouterr().err
    assert _hash(old_db) == before


def test_upgrade_keeps_a_backup_and_every_fact(
    old_db: Path, capsys: pytest.CaptureFixture[str], article_db: Path
) -> None:
    original = _hash(old_db)
    assert main(["upgrade-db", str(old_db)]) == 0
    out = capsys.readouterr().out
    backup = old_db.with_name("timeline.sqlite3.schema1.bak")
    assert str(backup) in out
    assert _hash(backup) == original
    assert schema_version_of(old_db) == SCHEMA_VERSION
    assert main(["list", "--db", str(old_db), "--json"]) == 0
    upgraded = json.loads(capsys.readouterr().out)
    assert main(["list", "--db", str(article_db), "--json"]) == 0
    fresh = json.loads(capsys.readouterr().out)
    assert len(upgraded) == 18
    by_key = {e["key"]: e for e in fresh}
    # Every fact is the old file's own, read straight from it: the shipped annotations have since
    # been corrected (a fact-check changed dates, titles, types and actors; the source's title
    # dropped a note), and the upgrade must keep what the file said, not today's data.
    with sqlite3.connect(f"file:{SCHEMA_1}?mode=ro", uri=True) as fixture:
        (old_title,) = fixture.execute("SELECT title FROM sources").fetchone()
        old_facts = {row[0]: row[1:] for row in fixture.execute(OLD_FACTS)}
        old_actors: dict[str, set[str]] = {}
        for key, name in fixture.execute(OLD_ACTORS):
            old_actors.setdefault(key, set()).add(name)
    fixture.close()
    assert set(old_facts) == {e["key"] for e in upgraded}
    for event in upgraded:
        facts = tuple(event[f] for f in ("title", "summary", "date", "start", "end", "type"))
        assert facts == old_facts[event["key"]], event["key"]
        assert set(event["actors"]) == old_actors[event["key"]], event["key"]
        # The article's quotes have not changed since (the reports quoted after them today
        # were added later, so the old file has none).
        twin = [q for q in by_key[event["key"]]["quotes"] if q["source"] == "article"]
        assert [q["source_title"] for q in event["quotes"]] == [old_title] * len(event["quotes"])
        assert [{**q, "source_title": ""} for q in event["quotes"]] == [
            {**q, "source_title": ""} for q in twin
        ], event["key"]


def test_second_upgrade_backup_never_overwrites_the_first(old_db: Path) -> None:
    first = upgrade_database(old_db)
    shutil.copy(SCHEMA_1, old_db)
    second = upgrade_database(old_db)
    assert first != second and first.exists() and second.exists()
    assert _hash(first) == _hash(second) == _hash(SCHEMA_1)


def test_failed_upgrade_leaves_the_file_unchanged(
    old_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = _hash(old_db)

    def broken(*_args: object, **_kwargs: object) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(builder, "_write_events", broken)
    with pytest.raises(UpgradeError, match="left unchanged, and a copy is at"):
        upgrade_database(old_db)
    assert _hash(old_db) == original
    assert sorted(p.name for p in old_db.parent.iterdir()) == [
        "timeline.sqlite3",
        "timeline.sqlite3.schema1.bak",
    ]


def test_current_and_newer_are_not_upgraded(
    tmp_path: Path, article_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    current = tmp_path / "current.sqlite3"
    shutil.copy(article_db, current)
    assert main(["upgrade-db", str(current)]) == 2
    assert "nothing to upgrade" in capsys.readouterr().err
    newer = tmp_path / "newer.sqlite3"
    shutil.copy(article_db, newer)
    with sqlite3.connect(newer) as connection:
        connection.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    before = _hash(newer)
    assert main(["list", "--db", str(newer)]) == 2
    assert "newer version" in capsys.readouterr().err
    assert main(["upgrade-db", str(newer)]) == 2
    assert _hash(newer) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["current.sqlite3", "newer.sqlite3"]


def _answer(monkeypatch: pytest.MonkeyPatch, button: object, shown: list[str]) -> None:
    from PySide6.QtWidgets import QMessageBox

    def fake_exec(box: QMessageBox) -> int:
        shown.append(f"{box.text()}\n{box.informativeText()}")
        return button.value if "Upgrade" in box.windowTitle() else 0  # type: ignore[attr-defined]

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)


def test_window_offers_the_upgrade_and_keeps_a_backup(
    qtbot, old_db: Path, repository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from desktopapp.ui.main_window import MainWindow
    from desktopapp.ui.settings import Settings

    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(repository, Settings(store))
    qtbot.addWidget(window)
    original = _hash(old_db)
    shown: list[str] = []

    _answer(monkeypatch, QMessageBox.StandardButton.Cancel, shown)
    assert not window.open_database(old_db)
    assert "older version" in shown[0] and _hash(old_db) == original
    assert window.repository() is repository
    assert not old_db.with_name("timeline.sqlite3.schema1.bak").exists()

    _answer(monkeypatch, QMessageBox.StandardButton.Yes, shown)
    assert window.open_database(old_db)
    assert window.repository().total == 18
    assert _hash(old_db.with_name("timeline.sqlite3.schema1.bak")) == original
    assert schema_version_of(old_db) == SCHEMA_VERSION


# A database written by the code of schema 3 (the last before timelines could be edited).
SCHEMA_3 = Path(__file__).parent / "data" / "article-schema3.sqlite3"


def test_a_schema_3_file_upgrades_keeping_its_facts_and_becomes_editable(tmp_path: Path) -> None:
    from desktopapp.db.commands import DeleteEvent
    from desktopapp.db.integrity import check_database
    from desktopapp.db.store import TimelineStore

    target = tmp_path / "timeline.sqlite3"
    shutil.copy(SCHEMA_3, target)
    assert schema_version_of(target) == 3
    upgrade_database(target)
    assert schema_version_of(target) == SCHEMA_VERSION
    with sqlite3.connect(f"file:{SCHEMA_3}?mode=ro", uri=True) as old:
        old_facts = sorted(old.execute(OLD_FACTS).fetchall())
    with sqlite3.connect(f"file:{target}?mode=ro", uri=True) as new:
        assert sorted(new.execute(OLD_FACTS).fetchall()) == old_facts
        # The quotes gained the text around them (W3C TextQuoteSelector prefix/suffix).
        prefix, text, suffix = new.execute("SELECT prefix, text, suffix FROM quotes").fetchone()
        article = new.execute("SELECT text FROM sources").fetchone()[0]
        assert prefix + text + suffix in article and len(prefix) == 32
    with TimelineStore.open(target, author="Ada") as store:
        assert check_database(store.repository).is_clean
        store.execute(DeleteEvent(old_facts[0][0]))
        assert store.repository.count() == 17
