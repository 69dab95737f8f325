"""The authoring commands from the command line, as a script would use them, and every way
they refuse: one line on stderr, exit status 2, and the file unchanged byte for byte."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from desktopapp.cli import main
from desktopapp.db.store import TimelineStore
from desktopapp.ingest.bundled import ensure_default_database

TEXT = (
    "Le 1er mars 2022, Apple a arrêté ses ventes en Russie. Netflix a riposté. "
    "Puis Netflix a suspendu son service."
)


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def timeline(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    path = tmp_path / "mine.timeline"
    assert run(capsys, "new", path, "--title", "Mine")[0] == 0
    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    code, source, err = run(capsys, "source", "add", path, article, "--title", "Article")
    assert code == 0, err
    assert run(capsys, "actor", "add", path, "Apple", "--alias", "Apple Inc.")[0] == 0
    assert run(capsys, "actor", "add", path, "Netflix")[0] == 0
    return {"path": path, "source": source.strip()}


def add_event(capsys, timeline, *extra: object) -> tuple[int, str, str]:
    return run(
        capsys,
        "event",
        "add",
        timeline["path"],
        "--source",
        timeline["source"],
        *extra,
    )


GOOD = (
    "--quote",
    "Apple a arrêté ses ventes en Russie",
    "--title",
    "Apple halts sales",
    "--type",
    "sales-halt",
    "--actor",
    "Apple",
    "--date",
    "2022-03-01",
)


def test_a_timeline_built_from_the_command_line(capsys, timeline) -> None:
    source = timeline["source"]
    code, out, err = add_event(
        capsys, timeline, *GOOD, "--date-source", source, "--date-quote", "Le 1er mars 2022"
    )
    assert code == 0, err
    key = out.strip()
    assert key.startswith("ev-")
    path = timeline["path"]
    code, out, _ = run(capsys, "list", "--db", path, "--json")
    [event] = json.loads(out)
    assert event["key"] == key and event["date"] == "2022-03-01"
    assert event["quotes"][0]["text"] == "Apple a arrêté ses ventes en Russie"
    assert event["quotes"][0]["verified"] is True

    code, out, err = run(
        capsys,
        "event",
        "edit",
        path,
        key,
        "--date",
        "2022-03-02",
        "--date-url",
        "https://example.org/r",
        "--date-outlet",
        "Reuters",
        "--date-sentence",
        "On Wednesday Apple said",
        "--note",
        "Reuters is more precise",
    )
    assert (code, out.strip()) == (0, "Change date of 'Apple halts sales'"), err
    code, out, _ = run(capsys, "history", path, key, "--json")
    entries = json.loads(out)
    assert [e["field"] for e in entries] == ["*", "date", "date citation"]
    assert entries[1]["old"] == "2022-03-01" and entries[1]["new"] == "2022-03-02"
    assert entries[1]["note"] == "Reuters is more precise"
    assert run(capsys, "check", path)[0] == 0

    assert run(capsys, "event", "delete", path, key, "--note", "duplicate")[0] == 0
    assert json.loads(run(capsys, "list", "--db", path, "--json")[1]) == []
    assert json.loads(run(capsys, "history", path, key, "--json")[1])[-1]["new"] is None


def test_the_second_occurrence_of_a_quote_is_chosen(capsys, timeline) -> None:
    code, _out, err = add_event(
        capsys,
        timeline,
        "--quote",
        "Netflix a",
        "--occurrence",
        "2",
        "--title",
        "Netflix suspends",
        "--type",
        "service-suspension",
        "--actor",
        "Netflix:acting",
        "--date",
        "2022-03-06",
        "--date-url",
        "https://example.org/n",
        "--date-outlet",
        "Variety",
        "--date-sentence",
        "Netflix said Sunday",
    )
    assert code == 0, err
    [event] = json.loads(run(capsys, "list", "--db", timeline["path"], "--json")[1])
    assert event["quotes"][0]["start"] == TEXT.index("Netflix a", TEXT.index("Netflix a") + 1)


CITED = ("--date-url", "https://example.org/x", "--date-outlet", "Reuters", "--date-sentence", "s")


def _replace(args: tuple[str, ...], flag: str, value: str) -> tuple[str, ...]:
    items = list(args)
    items[items.index(flag) + 1] = value
    return tuple(items)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (_replace(GOOD, "--quote", "Apple a vendu") + CITED, "is not in the source"),
        (_replace(GOOD, "--quote", "Netflix a") + CITED, "is found 2 times"),
        (_replace(GOOD, "--actor", "Amazon") + CITED, "no actor is called 'Amazon'"),
        (_replace(GOOD, "--type", "picnic") + CITED, "no event type is called 'picnic'"),
        (_replace(GOOD, "--date", "the day after") + CITED, "--date"),
        (GOOD, "the date needs a citation"),
        (_replace(GOOD, "--title", "  ") + CITED, "the title is empty"),
        ((*GOOD, "--date-source", "src-nope", "--date-quote", "Le 1er"), "no source has the key"),
    ],
    ids=[
        "quote-not-found",
        "quote-twice",
        "unknown-actor",
        "unknown-type",
        "unreadable-date",
        "uncited-date",
        "empty-title",
        "unknown-date-source",
    ],
)
def test_event_add_refuses_bad_input_and_leaves_the_file_unchanged(
    capsys, timeline, args, message
) -> None:
    path: Path = timeline["path"]  # type: ignore[assignment]
    before = path.read_bytes()
    code, out, err = add_event(capsys, timeline, *args)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err, err
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["article.txt", "mine.timeline"]


def test_an_unknown_source_is_refused(capsys, timeline) -> None:
    path: Path = timeline["path"]  # type: ignore[assignment]
    before = path.read_bytes()
    code, _, err = run(capsys, "event", "add", path, "--source", "src-x", *GOOD, *CITED)
    assert code == 2 and "no source has the key 'src-x'" in err
    assert path.read_bytes() == before


def test_edits_of_unknown_events_and_uncited_dates_are_refused(capsys, timeline) -> None:
    path: Path = timeline["path"]  # type: ignore[assignment]
    key = add_event(capsys, timeline, *GOOD, *CITED)[1].strip()
    before = path.read_bytes()
    for argv, message in [
        (("event", "edit", path, "ev-none", "--title", "x"), "no event has the key 'ev-none'"),
        (("event", "edit", path, key, "--date", "2022-03-04"), "a new date needs its citation"),
        (("event", "edit", path, key, "--title", ""), "the title is empty"),
        (("event", "delete", path, "ev-none"), "no event has the key"),
    ]:
        code, _, err = run(capsys, *argv)
        assert code == 2 and message in err and err.count("\n") == 1, err
        assert path.read_bytes() == before


def test_files_that_cannot_be_edited_are_refused(capsys, tmp_path: Path, article_db: Path) -> None:
    text_file = tmp_path / "notes.txt"
    text_file.write_text("not a timeline", encoding="utf-8")
    code, _, err = run(capsys, "actor", "add", text_file, "Apple")
    assert code == 2 and "not a timeline" in err
    assert text_file.read_text(encoding="utf-8") == "not a timeline"

    sample = ensure_default_database()
    before = sample.read_bytes()
    code, _, err = run(capsys, "actor", "add", sample, "Someone")
    assert code == 2 and "the bundled sample is read-only" in err
    assert sample.read_bytes() == before

    copy = tmp_path / "copy.sqlite3"
    shutil.copyfile(article_db, copy)
    copy.chmod(0o444)
    code, _, err = run(capsys, "actor", "add", copy, "Someone")
    assert code == 2 and "read-only" in err


def test_a_built_file_refusing_a_command_is_unchanged_byte_for_byte(
    capsys, tmp_path: Path, article_db: Path
) -> None:
    """A file written by build-db is in rollback-journal mode; a refused command must not
    even switch it to WAL (that happens only at the first real write)."""
    copy = tmp_path / "copy.sqlite3"
    shutil.copyfile(article_db, copy)
    before = copy.read_bytes()
    code, _, err = run(capsys, "event", "delete", copy, "no-such-event")
    assert code == 2 and "no event has the key" in err
    assert copy.read_bytes() == before
    code, _out, err = run(capsys, "event", "delete", copy, "amazon-logistics-aid")
    assert code == 0, err
    assert run(capsys, "check", copy)[0] == 0


def test_pasted_text_and_dates_in_words(capsys, timeline, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    path = timeline["path"]
    stdin = io.TextIOWrapper(io.BytesIO("Le 2 mars, SAP a cessé ses ventes.\r\n".encode()))
    monkeypatch.setattr("sys.stdin", stdin)
    code, out, err = run(
        capsys, "source", "add", path, "-", "--published", "mars 2022", "--author", "J. Doe"
    )
    assert code == 0, err
    pasted = out.strip()
    with TimelineStore.open(path, author="test") as store:
        (added,) = [s for s in store.repository.sources if s.key == pasted]
        assert (added.author, added.published.edtf()) == ("J. Doe", "2022-03")
    code, out, err = run(
        capsys,
        "event",
        "add",
        path,
        "--source",
        pasted,
        "--quote",
        "SAP a cessé ses ventes",
        "--title",
        "SAP stops sales",
        "--type",
        "sales-halt",
        "--date",
        "2 mars 2022",
        "--date-source",
        pasted,
        "--date-quote",
        "Le 2 mars",
    )
    assert code == 0, err
    events = json.loads(run(capsys, "list", "--db", path, "--json")[1])
    [sap] = [e for e in events if e["key"] == out.strip()]
    assert sap["date"] == "2022-03-02" and sap["actors"] == []
    assert run(capsys, "check", path)[0] == 0


def test_an_event_gets_its_words_in_another_language_and_loses_them(capsys, timeline) -> None:
    """`event translate`: a French reader then sees the French title, the quote stays the
    source's words, the history says who did it, and --remove gives back the event's own."""
    from desktopapp.db.engine import open_database
    from desktopapp.db.repository import EventRepository
    from desktopapp.domain import l10n

    path: Path = timeline["path"]  # type: ignore[assignment]
    key = add_event(capsys, timeline, *GOOD, *CITED)[1].strip()

    def shown() -> tuple[str, str]:
        engine = open_database(path)
        try:
            with l10n.speaking("fr"):
                (event,) = EventRepository(engine).events()
        finally:
            engine.dispose()
        return event.title, event.quotes[0].text

    argv = ("event", "translate", path, key, "--language", "fr")
    code, out, err = run(capsys, *argv, "--title", "Apple cesse ses ventes", "--note", "relu")
    assert code == 0, err
    assert shown() == ("Apple cesse ses ventes", "Apple a arrêté ses ventes en Russie")
    code, out, _err = run(capsys, "history", path, key, "--json")
    assert code == 0 and "title@fr" in out and "relu" in out
    before = path.read_bytes()
    code, _out, err = run(capsys, *argv)  # neither words nor --remove
    assert code == 2 and "--title" in err and err.count("\n") == 1
    assert path.read_bytes() == before
    assert run(capsys, *argv, "--remove")[0] == 0
    assert shown() == ("Apple halts sales", "Apple a arrêté ses ventes en Russie")
