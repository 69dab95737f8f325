"""The wording layer in both languages: dates in words, typed French dates, filter words,
type and lane labels, axis labels and mark descriptions (issue #14)."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktopapp.domain import l10n
from desktopapp.domain.date_input import read_date
from desktopapp.domain.dates import DatePoint, FuzzyDate, display_date, parse_edtf
from desktopapp.domain.filter import EventFilter, parse_user_date
from desktopapp.domain.grouping import NO_ACTOR_LANE, Grouping, shown_lane_label
from desktopapp.domain.taxonomy import type_label
from desktopapp.domain.timescale import TickUnit, tick_label

NNBSP = "\u202f"
NBSP = "\u00a0"

WORDS = [
    # EDTF, English (as before #14), French (as a French newsroom writes it)
    ("2022-03-01", "1 March 2022", "1er mars 2022"),
    ("2022-03-02", "2 March 2022", "2 mars 2022"),
    ("2022-03", "March 2022", "mars 2022"),
    ("2022", "2022", "2022"),
    ("2022-03~", "approximately March 2022", "vers mars 2022"),
    ("2022-03-01~", "approximately 1 March 2022", "vers le 1er mars 2022"),
    ("2022-03-01?", "1 March 2022 (uncertain)", f"1er mars 2022{NNBSP}?"),
    (
        "2022-02-21/2022-02-27",
        "between 21 and 27 February 2022",
        "entre le 21 et le 27 février 2022",
    ),
    (
        "2022-02-28/2022-03-02",
        "between 28 February and 2 March 2022",
        "entre le 28 février et le 2 mars 2022",
    ),
    ("2022-02/2022-03", "between February 2022 and March 2022", "entre février et mars 2022"),
    (
        "2021-12/2022-01",
        "between December 2021 and January 2022",
        "entre décembre 2021 et janvier 2022",
    ),
    ("2022-03-01T09:30", "1 March 2022, 09:30", f"1er mars 2022, 9{NBSP}h{NBSP}30"),
    ("2022-03-01T14", "1 March 2022, 14h", f"1er mars 2022, 14{NBSP}h"),
    ("2022-03-01T09:30~", "1 March 2022, about 09:30", f"1er mars 2022, vers 9{NBSP}h{NBSP}30"),
    (
        "2022-03-01T09:30+01:00",
        "1 March 2022, 09:30 UTC+01:00",
        f"1er mars 2022, 9{NBSP}h{NBSP}30 UTC+01:00",
    ),
    (
        "2022-03-01T09:30/2022-03-01T11",
        "between 09:30 and 11h on 1 March 2022",
        f"le 1er mars 2022, entre 9{NBSP}h{NBSP}30 et 11{NBSP}h",
    ),
    (
        "2022-03-01~/2022-03-05",
        "between approximately 1 March 2022 and 5 March 2022",
        "entre le 1er mars 2022 environ et le 5 mars 2022",
    ),
    (
        "2022-03-01?/2022-03-05",
        "between 1 and 5 March 2022 (the start is uncertain)",
        "entre le 1er et le 5 mars 2022 (début incertain)",
    ),
]


@pytest.mark.parametrize(("edtf", "english", "french"), WORDS)
def test_dates_in_words_in_both_languages(edtf: str, english: str, french: str) -> None:
    fuzzy = parse_edtf(edtf)
    assert fuzzy.describe() == english
    with l10n.speaking("fr"):
        assert fuzzy.describe() == french
        assert fuzzy.edtf() == edtf  # EDTF is never translated
    assert fuzzy.describe() == english  # and back


@pytest.mark.parametrize(("edtf", "english", "french"), WORDS)
def test_french_words_read_back_to_the_same_date(edtf: str, english: str, french: str) -> None:
    with l10n.speaking("fr"):
        assert read_date(french).edtf == edtf
        assert read_date(read_date(edtf).words).edtf == edtf  # the reading's own words too
    assert read_date(english).edtf == edtf


def test_other_programs_get_french_words_with_their_marks() -> None:
    with l10n.speaking("fr"):
        assert display_date(parse_edtf("2022-03~")) == "mars 2022~"
        assert display_date(parse_edtf("2022-02-21/2022-02-27")) == (
            "un jour entre le 21 et le 27 février 2022"
        )
        assert read_date("2022-03-01").words == "1er mars 2022 (au jour près)"


@pytest.mark.parametrize(
    ("typed", "edtf"),
    [
        ("1er mars 2022", "2022-03-01"),
        ("1 mars 2022", "2022-03-01"),
        ("mars 2022", "2022-03"),
        ("du 21 au 27 février 2022", "2022-02-21/2022-02-27"),
        ("du 28 février au 2 mars 2022", "2022-02-28/2022-03-02"),
        ("entre le 21 et le 27 février 2022", "2022-02-21/2022-02-27"),
        ("1er mars 2022 à 9 h 30", "2022-03-01T09:30"),
        ("1er mars 2022, 14 h", "2022-03-01T14"),
        ("1 mars 2022 9 h 30 min 15 s", "2022-03-01T09:30:15"),
        ("vers 2022", "2022~"),
    ],
)
def test_dates_typed_in_french(typed: str, edtf: str) -> None:
    assert read_date(typed).edtf == edtf


def test_refusals_are_in_the_readers_language() -> None:
    with l10n.speaking("fr"), pytest.raises(ValueError, match="n’a pas d’année"):
        read_date("1er mars")
    with pytest.raises(ValueError, match="has no year"):
        read_date("1er mars")


@pytest.mark.parametrize(
    ("typed", "end", "expected"),
    [
        ("du 21 au 27 février 2022", False, date(2022, 2, 21)),
        ("du 21 au 27 février 2022", True, date(2022, 2, 27)),
        ("vers mars 2022", True, date(2022, 3, 31)),
        ("1 mars 2022", False, date(2022, 3, 1)),
    ],
)
def test_the_filter_reads_what_the_editor_reads(typed: str, end: bool, expected: date) -> None:
    assert parse_user_date(typed, end_of_period=end) == expected


# -- the property: the same days in every language, and no precision added ------------------

_MONTHS_FR = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"


@st.composite
def points(draw: st.DrawFn) -> DatePoint:
    year = draw(st.integers(1900, 2100))
    month = draw(st.none() | st.integers(1, 12))
    day = None if month is None else draw(st.none() | st.integers(1, 28))
    hour = None if day is None else draw(st.none() | st.integers(0, 23))
    minute = None if hour is None else draw(st.none() | st.integers(0, 59))
    return DatePoint(
        year, month, day, draw(st.booleans()), draw(st.booleans()), hour=hour, minute=minute
    )


@st.composite
def fuzzy_dates(draw: st.DrawFn) -> FuzzyDate:
    start = draw(points())
    if not draw(st.booleans()):
        return FuzzyDate(start)
    end = draw(points())
    try:
        return parse_edtf(f"{start.edtf()}/{end.edtf()}")
    except ValueError:
        return FuzzyDate(start)


@given(fuzzy_dates())
def test_french_words_name_the_same_days_and_add_no_precision(fuzzy: FuzzyDate) -> None:
    with l10n.speaking("fr"):
        french = fuzzy.describe()
        read = parse_edtf(read_date(french).edtf)
    assert (read.earliest(), read.latest()) == (fuzzy.earliest(), fuzzy.latest())
    assert read.precision is fuzzy.precision
    if fuzzy.start.minute is None and (fuzzy.end is None or fuzzy.end.minute is None):
        assert not re.search(r"h\s[0-9]{2}", french)  # an hour alone gets no minutes
    if fuzzy.precision.value in ("month", "year"):
        assert not re.search(r"\b[0-9]{1,2}(er)? (" + _MONTHS_FR.replace(" ", "|") + ")", french)


# -- the other words -------------------------------------------------------------------------


def test_filter_words_in_french() -> None:
    shown = EventFilter(
        actors=frozenset({"Apple"}), types=frozenset({"aid"}), date_from=date(2022, 3, 1), text="x"
    )
    labels = {"aid": "Aid"}
    assert shown.describe(labels) == (
        "Actor: Apple · Type: Aid · Dates: 2022-03-01 – … · Search: “x”"
    )
    with l10n.speaking("fr"):
        assert shown.describe(labels) == (
            f"Acteur{NNBSP}: Apple · Type{NNBSP}: Aide · Dates{NNBSP}: 2022-03-01 – … · "
            f"Recherche{NNBSP}: «{NNBSP}x{NNBSP}»"
        )
        assert EventFilter().describe(brief=True) == ""
        assert EventFilter().describe() == f"Acteur{NNBSP}: tous · Type{NNBSP}: tous"


def test_type_labels_translate_the_standard_ones_only() -> None:
    with l10n.speaking("fr"):
        assert type_label("sanction/banking-exclusion", "Banking exclusion") == "Exclusion bancaire"
        assert type_label("aid", "Our own aid") == "Our own aid"  # renamed: the timeline's data
        assert type_label("custom", "Custom") == "Custom"


def test_lane_labels() -> None:
    with l10n.speaking("fr"):
        assert shown_lane_label(NO_ACTOR_LANE, "No acting actor") == ("Sans acteur à l’initiative")
        assert shown_lane_label("3", "Apple") == "Apple"
        assert shown_lane_label("aid", "Aid") == "Aide"
        assert shown_lane_label("all", "All events") == "Tous les événements"
        assert Grouping.TYPE.label == "Type d’événement"
    assert shown_lane_label(NO_ACTOR_LANE, "No acting actor") == "No acting actor"


@pytest.mark.parametrize(
    ("unit", "english", "french"),
    [
        (TickUnit.DAY, "Tue 1", "mar. 1"),
        (TickUnit.WEEK, "1 Feb", "1er févr."),
        (TickUnit.MONTH, "Feb 2022", "févr. 2022"),
        (TickUnit.YEAR, "2022", "2022"),
    ],
)
def test_axis_labels_from_cldr(unit: TickUnit, english: str, french: str) -> None:
    assert tick_label(unit, date(2022, 2, 1)) == english
    with l10n.speaking("fr"):
        assert tick_label(unit, date(2022, 2, 1)) == french
        assert tick_label(TickUnit.MONTH, date(2022, 3, 1)) == "mars 2022"


def test_the_plain_layers_other_words_in_french() -> None:
    from desktopapp.domain.anchoring import AnchorError, find_quote
    from desktopapp.domain.model import Actor
    from desktopapp.domain.naming import clash_message
    from desktopapp.domain.text import for_display

    volvos = [Actor(1, "a", "Volvo Cars", None), Actor(2, "b", "AB Volvo", None)]
    assert clash_message("Volvo", volvos) == "“Volvo” already names AB Volvo and Volvo Cars"
    assert for_display("x" * 1500, 10, say_cut=True).endswith("… (1,490 characters cut)")
    with l10n.speaking("fr"):
        assert clash_message("Volvo", volvos) == (
            f"«{NNBSP}Volvo{NNBSP}» désigne déjà AB Volvo et Volvo Cars"
        )
        assert for_display("x" * 1500, 10, say_cut=True).endswith(
            f"… (1{NNBSP}490 caractères coupés)"
        )
        with pytest.raises(AnchorError, match=f"apparaît 2 fois{NNBSP}; précisez"):
            find_quote("aa bb aa", "aa")


def test_mark_descriptions_in_french() -> None:
    from desktopapp.render.marks import LEGEND_STYLES

    english = [style.description for style in LEGEND_STYLES]
    with l10n.speaking("fr"):
        french = [style.description for style in LEGEND_STYLES]
    assert english[0] == "Exact day or time"
    assert french[0] == "Jour ou heure exacts"
    assert all(f != e for f, e in zip(french, english, strict=True))


@pytest.mark.parametrize("typed", ["fin février 2022", "début mars 2022", "late February 2022"])
def test_a_vague_part_of_a_month_is_refused_with_the_interval_to_give(typed: str) -> None:
    with pytest.raises(ValueError, match="interval"):
        read_date(typed)
    with l10n.speaking("fr"), pytest.raises(ValueError, match="du 21 au 28 février 2022"):
        read_date(typed)


def test_the_command_line_reads_french_dates(capsys, article_db) -> None:
    from desktopapp.cli import main

    def listed(*argv: str) -> list[str]:
        assert main(["list", "--db", str(article_db), "--json", *argv]) == 0
        return [event["key"] for event in json.loads(capsys.readouterr().out)]

    assert listed("--from", "1 mars 2022") == listed("--from", "2022-03-01")
    assert listed("--from", "1er mars 2022", "--to", "mars 2022") == listed(
        "--from", "2022-03-01", "--to", "2022-03-31"
    )
    assert listed("--from", "du 21 au 27 février 2022") == listed("--from", "2022-02-21")
    assert listed("--to", "du 21 au 27 février 2022") == listed("--to", "2022-02-27")
