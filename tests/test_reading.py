"""The reading boundary (db/reading.py): stored rows -> domain objects, checked."""

from __future__ import annotations

import re
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from desktopapp.db.engine import DatabaseError, open_database
from desktopapp.db.integrity import check_database
from desktopapp.db.repository import UNKNOWN_TYPE_LANE, EventRepository
from desktopapp.domain.dates import parse_edtf, shifted
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.grouping import Grouping


@pytest.fixture
def damaged(article_db: Path, tmp_path: Path) -> Iterator[Callable[..., EventRepository]]:
    """Open a copy of the article's database after running SQL on it."""
    engines = []

    def open_with(sql: str, *parameters: object) -> EventRepository:
        path = tmp_path / f"copy{len(engines)}.sqlite3"
        shutil.copyfile(article_db, path)
        connection = sqlite3.connect(path)
        with connection:
            connection.execute(sql, parameters)
        connection.close()
        engine = open_database(path)
        engines.append(engine)
        return EventRepository(engine)

    yield open_with
    for engine in engines:
        engine.dispose()


def test_a_shifted_quote_is_not_verified_and_not_highlighted(damaged) -> None:
    repository = damaged("UPDATE quotes SET start = start + 3 WHERE id = 1")
    event = repository.event(1)
    first, second = event.quotes
    assert not first.verified and "not verified" in first.problem
    assert second.verified
    assert first.problem in event.problems
    spans = [(s.start, s.end) for s in repository.quote_spans("article") if s.event_id == 1]
    assert (first.start, first.end) not in spans  # highlighting it would show "zon offrira…"
    assert (second.start, second.end) in spans


def test_negative_offsets_never_wrap_to_the_end(damaged) -> None:
    repository = damaged('UPDATE quotes SET start = -20, "end" = -1 WHERE id = 1')
    quote = repository.event(1).quotes[0]
    assert not quote.verified and "outside the source text" in quote.problem
    assert all(s.start >= 0 for s in repository.quote_spans("article"))


def test_sound_quotes_are_all_verified(repository: EventRepository) -> None:
    events = repository.events()
    assert all(q.verified for e in events for q in e.quotes)
    assert not any(e.problems for e in events)
    spans = sum(len(repository.quote_spans(source.key)) for source in repository.sources)
    assert spans == sum(len(e.quotes) for e in events)


def test_an_event_of_no_type_is_listed_marked_not_dropped(damaged) -> None:
    repository = damaged("UPDATE events SET type_id = 999 WHERE id = 1")
    rows = repository.rows()
    assert len(rows) == repository.total == 18  # not "17 of 18 events"
    row = next(r for r in rows if r.id == 1)
    assert row.type_slug == "" and row.problems
    assert "names no event type" in repository.event(1).problems[0]
    start, end = date(2022, 1, 1), date(2023, 1, 1)
    lanes = repository.lane_counts(EventFilter(), Grouping.TYPE, start, end)
    assert sum(lane.count for lane in lanes) == 18
    assert lanes[-1].key == UNKNOWN_TYPE_LANE and lanes[-1].count == 1  # listed last
    rows = repository.lane_rows(EventFilter(), Grouping.TYPE, start, end, lanes=[lanes[-1].key])
    assert [(lane, row.id) for lane, row in rows] == [(UNKNOWN_TYPE_LANE, 1)]


def test_dates_at_the_ends_of_the_calendar_saturate() -> None:
    assert parse_edtf("0001-01-01~").earliest() == date.min
    assert parse_edtf("0001~").earliest() == date.min
    assert parse_edtf("9999-12~").latest() == date.max
    assert parse_edtf("9999-12-31~").latest() == date.max
    assert shifted(date(2022, 3, 1), timedelta(days=-28)) == date(2022, 2, 1)
    assert shifted(date(1, 1, 2), timedelta(days=-5)) == date.min
    assert shifted(date(9999, 12, 30), timedelta(days=5)) == date.max


def test_one_readable_bound_places_an_event_whose_edtf_is_damaged(damaged) -> None:
    repository = damaged("UPDATE events SET date_edtf = 'x', end_date = 'y' WHERE id = 1")
    row = next(r for r in repository.rows() if r.id == 1)
    assert (row.start, row.end, row.uncertain) == (date(2022, 3, 2), date(2022, 3, 2), True)
    event = repository.event(1)
    assert event.date.uncertain
    assert any("end_date" in p for p in event.problems)


def test_an_event_with_no_readable_date_names_its_row(damaged) -> None:
    repository = damaged(
        "UPDATE events SET date_edtf = '', start_date = 'a', end_date = 'b' WHERE id = 1"
    )
    with pytest.raises(DatabaseError, match=r"events #1 'amazon-logistics-aid': date_edtf ''"):
        repository.rows()
    first, *counts = [d.line() for d in check_database(repository).damages]
    assert first == (
        "events #1 'amazon-logistics-aid': date_edtf '' is not a date (the date is empty), and "
        "start_date/end_date 'a'/'b' are not ISO days either: the file is damaged"
    )
    # The per-day counts follow every update (schema 4 triggers), even one that damages.
    assert counts == []


def test_check_lists_kept_counts_that_disagree_with_the_events(damaged) -> None:
    repository = damaged(
        "UPDATE day_type_counts SET events = 7 WHERE start_date = '2022-03-02' AND type_id = 2"
    )
    assert [d.line() for d in check_database(repository).damages] == [
        "day_type_counts (start_date '2022-03-02', type_id 2): events: 7 kept, 1 counted"
    ]


def test_check_lists_damage_viewing_never_reads(damaged) -> None:
    repository = damaged(
        "INSERT INTO event_actors (event_id, actor_id, role) VALUES (404, 1, 'acting')"
    )
    lines = [d.line() for d in check_database(repository).damages]
    assert lines == ["event_actors (event_id 404, actor_id 1): names no event"]


def test_check_finds_kept_counts_that_disagree_with_the_events(damaged) -> None:
    repository = damaged("UPDATE actor_type_counts SET events = 7 WHERE actor_id = 1")
    lines = [d.line() for d in check_database(repository).damages]
    assert lines
    assert all(
        re.fullmatch(
            r"actor_type_counts \(actor_id 1, type_id \d+\): events: 7 kept, 1 counted", line
        )
        for line in lines
    )


def test_a_source_text_that_is_no_text(damaged) -> None:
    repository = damaged("UPDATE sources SET text = x'00ff'")
    with pytest.raises(DatabaseError, match="sources 'article': text holds bytes, not text"):
        repository.source_text("article")
    quote = repository.event(1).quotes[0]
    assert not quote.verified and "text is unreadable" in quote.problem
    assert "sources 'article': text holds bytes, not text" in [
        d.line() for d in check_database(repository).damages
    ]


def test_check_flags_a_source_text_changed_since_the_build(damaged) -> None:
    # Every quote still matches; only the article's hash disagrees.
    repository = damaged("UPDATE sources SET text = text || ' ' WHERE key = 'article'")
    assert [d.line() for d in check_database(repository).damages] == [
        "sources 'article': text: its SHA-256 is not the one recorded when the file was built "
        "(sha256); the text was changed since"
    ]


def test_check_flags_a_type_outside_the_taxonomy(damaged) -> None:
    repository = damaged("UPDATE event_types SET slug = 'nonexistent/child' WHERE id = 2")
    assert [d.line() for d in check_database(repository).damages] == [
        "event_types #2 'nonexistent/child': slug: its parent type 'nonexistent' does not exist"
    ]


def test_a_missing_table_is_named_at_open(article_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "missing.sqlite3"
    shutil.copyfile(article_db, path)
    with sqlite3.connect(path) as connection:
        connection.execute("DROP TABLE actor_spans")
    connection.close()
    with pytest.raises(
        DatabaseError, match=r"a damaged timeline database \(no actor_spans table\)"
    ):
        open_database(path)


def test_packed_day_counts_that_are_not_packed_days_name_their_row(damaged) -> None:
    repository = damaged("UPDATE actor_spans SET starts = x'010203' WHERE actor_id = 1")
    with pytest.raises(DatabaseError, match=r"actor_spans \(actor_id 1, type_id \d+\): starts"):
        repository.facet_counts(EventFilter(date_from=date(2022, 3, 1)))


def test_bytes_for_a_citation_id_are_that_events_problem_not_a_failed_read(
    damaged, article_db: Path
) -> None:
    # Bytes in all cited events but one: before the fix, the lookup's IN failed for every
    # event read (SQLAlchemy bound the whole set as binary, then met the one int) whenever
    # the set happened to iterate bytes first, which made the fuzz test below fail at random;
    # with several bytes values that is almost every run.
    with sqlite3.connect(article_db) as connection:
        (cited,) = connection.execute(
            "SELECT count(*) FROM events WHERE citation_id IS NOT NULL"
        ).fetchone()
    connection.close()
    for _attempt in range(4):  # fresh random bytes each time: about 99 % to catch the bug
        repository = damaged(
            "UPDATE events SET citation_id = randomblob(4) WHERE citation_id IS NOT NULL"
            " AND id > (SELECT min(id) FROM events WHERE citation_id IS NOT NULL)"
        )
        events = repository.events()
        damaged_events = [e for e in events if any("citation_id" in p for p in e.problems)]
        assert len(damaged_events) == cited - 1
        assert len(events) == repository.total
        assert all("names no citation" in " ".join(e.problems) for e in damaged_events)


# -- anything in a column -----------------------------------------------------------------------

COLUMNS = [
    ("events", "date_edtf", "id = 1"),
    ("events", "start_date", "id = 2"),
    ("events", "end_date", "id = 3"),
    ("events", "precision", "id = 4"),
    ("events", "approximate", "id = 5"),
    ("events", "uncertain", "id = 6"),
    ("events", "type_id", "id = 7"),
    ("events", "citation_id", "id = 8"),
    ("events", "title", "id = 9"),
    ("events", "citation_quote", "id = 10"),
    ("actors", "kind", "id = 1"),
    ("actors", "name", "id = 2"),
    ("event_actors", "role", "event_id = 1 AND actor_id = 1"),
    ("event_actors", "actor_id", "event_id = 2 AND actor_id = 1"),
    ("quotes", "start", "id = 1"),
    ("quotes", '"end"', "id = 2"),
    ("quotes", "text", "id = 3"),
    ("quotes", "source_id", "id = 4"),
    ("sources", "published_edtf", "id = 1"),
    ("citations", "published_edtf", "id = 1"),
    ("event_types", "slug", "id = 2"),
    ("event_types", "label", "id = 3"),
    ("day_type_counts", "events", "type_id = 2"),
    ("day_type_counts", "start_date", "type_id = 3"),
    ("actor_type_counts", "events", "actor_id = 1"),
    ("actor_spans", "starts", "actor_id = 2"),
    ("meta", "value", "key = 'built_at'"),
]

VALUES = st.one_of(
    st.none(),
    st.text(max_size=24),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(),
    st.binary(max_size=12),
    st.dates().map(date.isoformat),
    st.sampled_from(["0001-01-01~", "9999-12~", "2022-13-45", "2022-02-29", "acting", "x/y"]),
    st.builds(
        lambda d, q: d.isoformat()[: q[0]] + q[1],
        st.dates(),
        st.sampled_from([(4, "?"), (7, "~"), (10, "%"), (10, "/2022"), (7, "/2021-01")]),
    ),
)


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(column=st.sampled_from(COLUMNS), value=VALUES)
def test_any_value_in_any_column_raises_only_our_errors(
    article_db: Path, tmp_path: Path, column: tuple[str, str, str], value: object
) -> None:
    table, name, where = column
    path = tmp_path / "fuzzed.sqlite3"
    shutil.copyfile(article_db, path)
    connection = sqlite3.connect(path)
    try:
        with connection:
            connection.execute(f"UPDATE {table} SET {name} = ? WHERE {where}", (value,))
    except sqlite3.IntegrityError:  # NOT NULL or UNIQUE: the schema itself refuses it
        assume(False)
    finally:
        connection.close()
    engine = open_database(path)
    try:
        repository = EventRepository(engine)
        try:
            _read_everything(repository)
        except DatabaseError as error:
            assert str(error) and "\n" not in str(error)
        report = check_database(repository)
        assert all(d.problem for d in report.damages)
    finally:
        engine.dispose()


def _read_everything(repository: EventRepository) -> None:
    repository.actors, repository.sources, repository.event_types  # noqa: B018
    rows = repository.rows()
    repository.events()
    repository.quote_spans("article")
    extent = repository.date_extent()
    assert extent is None or extent[0] <= extent[1]
    start, end = date(2022, 1, 1), date(2022, 12, 31)
    repository.histogram(EventFilter(), start, end, 20, by_type=True)
    for grouping in Grouping:
        repository.lane_rows(EventFilter(), grouping, start, end)
        repository.lane_counts(EventFilter(), grouping, start, end)
    repository.facet_counts(EventFilter(date_from=date(2022, 3, 1)))
    assert len(rows) == repository.total


# -- the window shows what is wrong ---------------------------------------------------------------


def test_window_marks_a_damaged_event_and_highlights_only_verified_quotes(
    qtbot, damaged, tmp_path: Path
) -> None:
    from PySide6.QtCore import QSettings, Qt
    from window_helpers import listed_ids

    from desktopapp.ui.event_table import Column
    from desktopapp.ui.main_window import MainWindow
    from desktopapp.ui.settings import Settings

    repository = damaged("UPDATE quotes SET start = start + 3 WHERE id = 1")
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(repository, Settings(store), None)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=5000)
    row = listed_ids(window).index(1)
    with qtbot.waitSignal(window.eventSelected, timeout=2000):
        qtbot.mouseClick(
            window.table.viewport(),
            Qt.MouseButton.LeftButton,
            pos=window.table.visualRect(window.table_model.index(row, Column.TITLE)).center(),
        )
    shown = window.detail.plain_text()
    assert "Damaged in this file" in shown
    assert "not verified: the text at these offsets differs (290–395)" in shown
    second = repository.event(1).quotes[1]
    # The shifted quote would highlight "zon offrira…"; only the verified one is emphasised.
    assert window.article.emphasised_text() == [second.text]
    assert not any(text.startswith("zon offrira") for text in window.article.emphasised_text())


def test_the_list_marks_a_damaged_row(damaged) -> None:
    from PySide6.QtCore import Qt

    from desktopapp.ui.event_table import Column, EventTableModel

    repository = damaged("UPDATE events SET date_edtf = 'soon' WHERE id = 1")
    model = EventTableModel(repository)  # loads its first page at once
    assert model.rowCount() == 18
    titles = {model.event_id(row): model.index(row, Column.TITLE).data() for row in range(18)}
    assert titles[1].startswith("⚠ Amazon offers")
    assert [i for i, title in titles.items() if title.startswith("⚠")] == [1]
    row = next(r for r in range(18) if model.event_id(r) == 1)
    tip = model.index(row, Column.TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert "\n⚠ date_edtf: 'soon' is not a supported date" in tip


# -- the readers alone, over many more rows than a database copy allows ---------------------

ANY = st.one_of(
    st.none(),
    st.text(max_size=12),
    st.integers(),
    st.floats(),
    st.binary(max_size=6),
    st.booleans(),
    st.dates().map(date.isoformat),
    st.sampled_from(["2022-03-01", "2022-03", "2022~", "2022-02-21/2022-02-27", "day", "acting"]),
)


@settings(max_examples=400, deadline=None)
@given(values=st.fixed_dictionaries({name: ANY for name in (
    "id", "key", "title", "slug", "date_edtf", "start_date", "end_date", "precision",
    "approximate", "uncertain", "actor_names",
)}))  # fmt: skip
def test_any_light_row_is_read_or_refused_in_one_line(values: dict[str, object]) -> None:
    from types import SimpleNamespace

    from desktopapp.db import reading

    try:
        row = reading.event_row(SimpleNamespace(**values))
    except DatabaseError as error:
        assert "\n" not in str(error)
        return
    assert row.start <= row.end
    assert isinstance(row.title, str) and isinstance(row.actor_names, str)


@settings(max_examples=400, deadline=None)
@given(
    source_text=st.text(max_size=40),
    start=ANY,
    end=ANY,
    text=ANY,
    key=st.one_of(st.none(), st.just("article")),
)
def test_any_quote_row_is_verified_only_when_verbatim(
    source_text: str, start: object, end: object, text: object, key: object
) -> None:
    from types import SimpleNamespace

    from desktopapp.db import reading

    row = SimpleNamespace(start=start, end=end, text=text, key=key, title="t")
    quote = reading.quote(row, source_text if key else None)
    in_text = (
        type(start) is int
        and type(end) is int
        and 0 <= start < end <= len(source_text)
        and source_text[start:end] == text
    )
    assert quote.verified == (key is not None and in_text)
    assert reading.is_verbatim(source_text, start, end, text) == in_text
