"""Schema 2 of the annotation file: several sources, quotes naming their source, kept exact."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from desktopapp.ingest import annotations
from desktopapp.ingest.annotations import AnnotationError, load_annotations
from desktopapp.ingest.bundled import annotations_path, resource_path

MAIN = "Netflix, Spotify, H&M ont riposté. Netflix a refusé. Netflix a refusé."
POLITICO = "Netflix said it will not add the channels.\nNetflix refuses.\n"


def _document() -> dict[str, Any]:
    return {
        "schema": 2,
        "sources": [
            {"id": "main", "text": MAIN, "title": "The article", "published": "2022-03"},
            {
                "id": "politico",
                "file": "politico.txt",
                "title": "Netflix refuses to comply with new Russian rules",
                "outlet": "Politico Europe",
                "language": "en",
                "url": "https://www.politico.eu/article/netflix-refuses-to-comply-with-russian-rules/",
                "published": "2022-02-28",
                "published_note": "dated on the page",
            },
        ],
        "actors": [{"id": "netflix", "name": "Netflix", "kind": "company"}],
        "events": [
            {
                "id": "netflix-refuses",
                "title": "Netflix refuses to carry Russian channels",
                "type": "media-restriction",
                "date": "2022-02-28",
                "actors": [{"id": "netflix", "role": "acting"}],
                "date_citation": {"citation": "main", "quote": "Netflix a refusé."},
                "quotes": [
                    "Netflix, Spotify, H&M ont riposté.",
                    {"source": "politico", "text": "will not add the channels"},
                    {"text": "Netflix a refusé.", "occurrence": 2},
                ],
            }
        ],
    }


def _write(tmp_path: Path, document: dict[str, Any]) -> Path:
    (tmp_path / "politico.txt").write_text(POLITICO, encoding="utf-8", newline="")
    path = tmp_path / "timeline.toml"
    path.write_text(tomli_w.dumps(document), encoding="utf-8")
    return path


def _event(document: dict[str, Any]) -> dict[str, Any]:
    event: dict[str, Any] = document["events"][0]
    return event


def test_quotes_are_spans_of_their_own_source(tmp_path: Path) -> None:
    dataset = load_annotations(_write(tmp_path, _document()))
    assert [s.key for s in dataset.sources] == ["main", "politico"]
    assert dataset.sources[1].text == POLITICO
    (event,) = dataset.events
    plain, other, second = event.quotes
    assert (plain.source_key, plain.start) == ("main", 0)
    assert (other.source_key, POLITICO[other.start : other.end]) == ("politico", other.text)
    assert second.start == MAIN.rindex("Netflix a refusé.")  # the second occurrence
    assert event.citation_key is None  # dated by the first source itself


def test_schema_2_keeps_values_exactly_as_written(tmp_path: Path) -> None:
    document = _document()
    _event(document)["title"] = "  padded, as written  "
    (event,) = load_annotations(_write(tmp_path, document)).events
    assert event.title == "  padded, as written  "
    assert event.summary == ""  # may be left out in schema 2


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: _event(d)["quotes"].__setitem__(1, {"text": "will not add the channels"}),
            r"field 'quotes\[1\].text': not found verbatim in source 'main'",
        ),
        (
            lambda d: _event(d)["quotes"].__setitem__(2, "Netflix a refusé."),
            r"field 'quotes\[2\]': occurs more than once in source 'main'.*give its occurrence",
        ),
        (
            lambda d: _event(d)["quotes"][2].__setitem__("occurrence", 3),
            r"field 'quotes\[2\].occurrence': occurs only 2 time\(s\) in source 'main', not 3",
        ),
        (
            lambda d: _event(d)["quotes"][1].__setitem__("source", "reuters"),
            r"field 'quotes\[1\].source': unknown source 'reuters'",
        ),
        (
            lambda d: _event(d)["quotes"][1].__setitem__("page", 2),
            r"field 'quotes\[1\]': unknown key\(s\) page",
        ),
        (
            lambda d: _event(d)["date_citation"].__setitem__("citation", "politico"),
            r"'date_citation.citation': a date can cite the first source \('main'\)",
        ),
        (
            lambda d: _event(d)["date_citation"].__setitem__("quote", "Netflix a dit non."),
            r"'date_citation.quote': not found verbatim in the source 'main'",
        ),
        (
            lambda d: d["sources"][1].__setitem__("text", "also inline"),
            r"source #2 \(politico\), field 'file': .*either 'file' or 'text', not both",
        ),
        (
            lambda d: d["sources"][0].pop("text"),
            r"source #1 \(main\), field 'file': .*either 'file' or 'text'",
        ),
        (
            lambda d: d["sources"][1].__setitem__("id", "main"),
            r"two sources have the id 'main'",
        ),
        (lambda d: d.__setitem__("sources", []), r"field 'sources': the file lists no sources"),
        (
            lambda d: d.__setitem__("citations", [{"id": "politico", "outlet": "P", "title": "T"}]),
            r"a citation and a source both have the id 'politico'",
        ),
        (
            lambda d: d.__setitem__("source", {"id": "article"}),
            r"field 'source': schema 2 lists its sources as \[\[sources\]\]",
        ),
    ],
)
def test_broken_schema_2_files_are_refused_naming_entry_and_field(
    tmp_path: Path, change: Any, message: str
) -> None:
    document = _document()
    change(document)
    with pytest.raises(AnnotationError, match=message) as error:
        load_annotations(_write(tmp_path, document))
    assert str(error.value).startswith("timeline.toml")


_WRONG = [["x"], {"a": 1}, 7, True, 1.5, dt.date(2022, 3, 1), [{"id": 1}]]


@pytest.mark.parametrize("wrong", _WRONG, ids=repr)
@pytest.mark.parametrize(
    ("source", "key"),
    [(0, "text")]
    + [
        (1, key)
        for key in (
            "id",
            "file",
            "title",
            "outlet",
            "language",
            "url",
            "published",
            "published_note",
        )
    ],
)
def test_every_source_field_of_the_wrong_type_is_refused_naming_entry_and_field(
    tmp_path: Path, source: int, key: str, wrong: object
) -> None:
    document = _document()
    document["sources"][source][key] = wrong
    with pytest.raises(AnnotationError) as error:
        load_annotations(_write(tmp_path, document))
    message = str(error.value)
    assert re.match(rf"timeline\.toml: source #{source + 1} \(", message), message
    assert f"field '{key}'" in message, message


@pytest.mark.parametrize("wrong", [*_WRONG, 0, -1], ids=repr)
@pytest.mark.parametrize("key", ["source", "text", "occurrence"])
def test_every_quote_field_of_the_wrong_type_is_refused_naming_entry_and_field(
    tmp_path: Path, key: str, wrong: object
) -> None:
    document = _document()
    _event(document)["quotes"][2][key] = wrong
    with pytest.raises(AnnotationError) as error:
        load_annotations(_write(tmp_path, document))
    message = str(error.value)
    assert message.startswith("timeline.toml: event #1 (netflix-refuses)"), message
    assert f"field 'quotes[2].{key}'" in message, message


def test_a_byte_order_mark_and_deep_keys_are_handled_as_in_schema_1(tmp_path: Path) -> None:
    path = _write(tmp_path, _document())
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert len(load_annotations(path).sources) == 2
    path.write_text(path.read_text(encoding="utf-8-sig") + "a." * 20 + "a = 1\n", "utf-8")
    with pytest.raises(AnnotationError, match=r"line \d+, column 1: a dotted key"):
        load_annotations(path)


def schema_1(text: str) -> str:
    """The shipped (schema 2) file as schema 1 had it: the article as its one ``[source]``,
    no report excerpts, only the article's quotes, and its events in one language."""
    head, rest = text.split("\n[[sources]]\n", 1)
    article, rest = rest.split("\n[[sources]]\n", 1)
    citations = f"# {'-' * 64} citations"
    _excerpts, rest = rest.split(citations, 1)
    text = f"{head}\n[source]\n{article}\n{citations}{rest}"
    text = re.sub(r', \{ source = "[a-z0-9-]+", text = "[^"]*" \}', "", text)
    # Its quotes were plain text, without translations.
    text = re.sub(r'\{ text = ("[^"]*"), translations = \{ en = "[^"]*" \} \}', r"\1", text)
    # Nor did it have events in two languages (schema 2 does).
    text = re.sub(
        r'\nlanguage = "en"|\n\[events\.translations\.fr\]\n(?:[a-z]+ = "[^\n]*"\n)+', "", text
    )
    return text.replace("schema = 2\n", "schema = 1\n", 1)


def test_the_shipped_file_as_schema_1_still_reads(tmp_path: Path) -> None:
    shutil.copy(resource_path("source-article.fr.txt"), tmp_path / "source-article.fr.txt")
    target = tmp_path / "annotations.toml"
    target.write_text(schema_1(annotations_path().read_text(encoding="utf-8")), "utf-8")
    dataset = load_annotations(target)
    assert [source.key for source in dataset.sources] == ["article"]
    assert {q.source_key for event in dataset.events for q in event.quotes} == {"article"}
    assert len(dataset.events) == 18


def test_schema_1_quotes_stay_plain_text(tmp_path: Path) -> None:
    shutil.copy(resource_path("source-article.fr.txt"), tmp_path / "source-article.fr.txt")
    target = tmp_path / "annotations.toml"
    text = schema_1(annotations_path().read_text(encoding="utf-8"))
    old = 'quotes = [ "Apple, par exemple, a arrêté toutes les exportations vers la Russie" ]'
    assert old in text
    new = 'quotes = [ { text = "Apple, par exemple, a arrêté toutes les exportations" } ]'
    target.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(AnnotationError, match=r"apple-export-halt\), field 'quotes\[0\]': must be"):
        load_annotations(target)


def test_the_sources_texts_are_limited_together_as_they_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(annotations, "MAX_TOTAL_TEXT_BYTES", len(MAIN.encode()) + 10)
    with pytest.raises(AnnotationError, match=r"source #2 \(politico\), field 'file': .*add up"):
        load_annotations(_write(tmp_path, _document()))
