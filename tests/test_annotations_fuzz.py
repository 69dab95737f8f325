"""Whatever the annotation file holds, loading it either succeeds or names what is wrong."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktopapp.ingest.annotations import AnnotationError, load_annotations
from desktopapp.ingest.bundled import annotations_path, resource_path

SHIPPED = annotations_path().read_text(encoding="utf-8")
VALUES = st.one_of(
    st.text(max_size=30),
    st.sampled_from(['""', "[]", "{}", "1", "true", "2022-02-30", '"2022-02-30"', '"x/y"',
                     '"2022-03-01/2022-02-01"', "[[", "]]", '"""', "'", "\x00", "é", "\\",
                     # wrong types where text is expected, a BOM, keys and values too deep
                     '[ "x" ]', "{ a = 1 }", "[ { id = 1 } ]", "1.5", "2022-03-01", "\ufeff",
                     "a." * 2_000 + "a = 1", "[" * 40 + "]" * 40]),
)  # fmt: skip


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.integers(0, len(SHIPPED)), st.integers(0, 200), VALUES)
def test_mutated_annotations_load_or_fail_cleanly(
    tmp_path_factory, start: int, length: int, replacement: str
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("fuzz")
    shutil.copy(resource_path("source-article.fr.txt"), folder / "source-article.fr.txt")
    path = folder / "annotations.toml"
    path.write_text(SHIPPED[:start] + replacement + SHIPPED[start + length :], encoding="utf-8")
    try:
        dataset = load_annotations(path)
    except AnnotationError as error:
        assert str(error).startswith("annotations.toml")
        return
    texts = {source.key: source.text for source in dataset.sources}
    for event in dataset.events:
        for quote in event.quotes:
            assert texts[quote.source_key][quote.start : quote.end] == quote.text


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_are_refused_cleanly(data: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "annotations.toml"
        path.write_bytes(data)
        try:
            load_annotations(path)
        except AnnotationError as error:
            assert "annotations.toml" in str(error)
        else:  # pragma: no cover - random bytes never make a complete annotation file
            raise AssertionError("random bytes were accepted")
