"""The EDTF subset: parsing, bounds, words, and refusal of impossible or unsupported dates."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktopapp.domain.dates import DateError, Precision, parse_edtf


@pytest.mark.parametrize(
    ("text", "precision", "earliest", "latest", "words"),
    [
        ("2022-03-01", Precision.DAY, date(2022, 3, 1), date(2022, 3, 1), "1 March 2022"),
        ("2022-03", Precision.MONTH, date(2022, 3, 1), date(2022, 3, 31), "March 2022"),
        ("2022", Precision.YEAR, date(2022, 1, 1), date(2022, 12, 31), "2022"),
        ("2024-02", Precision.MONTH, date(2024, 2, 1), date(2024, 2, 29), "February 2024"),
        (
            "2022-03~",
            Precision.MONTH,
            date(2022, 2, 14),
            date(2022, 4, 15),
            "approximately March 2022",
        ),
        (
            "2022-03-02?",
            Precision.DAY,
            date(2022, 3, 2),
            date(2022, 3, 2),
            "2 March 2022 (uncertain)",
        ),
        (
            "2022-02-21/2022-02-27",
            Precision.INTERVAL,
            date(2022, 2, 21),
            date(2022, 2, 27),
            "between 21 and 27 February 2022",
        ),
        (
            "2022-02-26/2022-03-12",
            Precision.INTERVAL,
            date(2022, 2, 26),
            date(2022, 3, 12),
            "between 26 February and 12 March 2022",
        ),
        (
            "2022-03-02/2022-03?",
            Precision.INTERVAL,
            date(2022, 3, 2),
            date(2022, 3, 31),
            "between 2 and 31 March 2022 (the end is uncertain)",
        ),
        (
            "2022-02-27?/2022-03",
            Precision.INTERVAL,
            date(2022, 2, 27),
            date(2022, 3, 31),
            "between 27 February and 31 March 2022 (the start is uncertain)",
        ),
        (
            "2021/2022-03-02",
            Precision.INTERVAL,
            date(2021, 1, 1),
            date(2022, 3, 2),
            "between 1 January 2021 and 2 March 2022",
        ),
        (
            "2022-03/2022-05",
            Precision.INTERVAL,
            date(2022, 3, 1),
            date(2022, 5, 31),
            "between March 2022 and May 2022",
        ),
    ],
)
def test_parse_gives_precision_bounds_and_words(
    text: str, precision: Precision, earliest: date, latest: date, words: str
) -> None:
    parsed = parse_edtf(text)
    assert parsed.precision is precision
    assert parsed.earliest() == earliest
    assert parsed.latest() == latest
    assert parsed.describe() == words
    assert parsed.edtf() == text


def test_only_an_unqualified_day_is_exact() -> None:
    assert parse_edtf("2022-03-01").is_exact_day
    for text in ("2022-03-01~", "2022-03-01?", "2022-03", "2022-03-01/2022-03-02"):
        assert not parse_edtf(text).is_exact_day, text


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2022-02-30", "has no day 30"),
        ("2023-02-29", "has no day 29"),
        ("2022-13", "no month 13"),
        ("2022-03-01/2022-02-27", "ends before it starts"),
        ("2022-03-01/", "open-ended"),
        ("../2022-03-01", "open-ended"),
        ("1 March 2022", "not a supported date"),
        ("", "empty"),
        ("2022-03-01/2022-03-01", "same date"),
        ("2022-03-01/2022-03-02/2022-03-03", "exactly one '/'"),
        ("2022-03-01~?", "not a supported date"),
    ],
)
def test_bad_dates_are_refused_with_a_reason(text: str, reason: str) -> None:
    with pytest.raises(DateError, match=reason):
        parse_edtf(text)


points = st.tuples(
    st.integers(1900, 2100),
    st.one_of(st.none(), st.integers(1, 12)),
    st.integers(1, 28),
    st.booleans(),
    st.sampled_from(["", "?", "~", "%"]),
)


def _point_text(point: tuple[int, int | None, int, bool, str]) -> str:
    year, month, day, with_day, qualifier = point
    text = f"{year:04d}"
    if month is not None:
        text += f"-{month:02d}"
        if with_day:
            text += f"-{day:02d}"
    return text + qualifier


@given(points)
def test_round_trip_and_bounds_ordered(point: tuple[int, int | None, int, bool, str]) -> None:
    text = _point_text(point)
    parsed = parse_edtf(text)
    assert parsed.edtf() == text
    assert parsed.earliest() <= parsed.latest()
    assert parse_edtf(parsed.edtf()) == parsed


@given(st.text(max_size=40))
def test_any_text_parses_or_raises_date_error(text: str) -> None:
    try:
        parsed = parse_edtf(text)
    except DateError:
        return
    assert parsed.earliest() <= parsed.latest()


def test_a_source_without_outlet_or_url_is_cited_without_empty_parts() -> None:
    """A source added by hand may have no outlet: its line read "Source: , « T »"."""
    from desktopapp.domain.dates import parse_edtf
    from desktopapp.domain.model import Source

    source = Source("s", "Wire report", "", "fr", "", parse_edtf("2022-03-03"), "", "0" * 64)
    line = source.citation_line()
    assert line.startswith("« Wire report », ") and ", ," not in line and not line.endswith(", ")
