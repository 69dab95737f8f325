"""Every precomputed structure stays equal to a naive recount under random edits.

Hypothesis drives random sequences of commands (add/edit/delete events, quotes, actors, and
undo by executing a change's inverse) on a real timeline file, and on a database of the
PostgreSQL test server; after each step the count tables, the per-actor spans, the search
index and the repository's answers (through its caches) are compared with what the base
tables say, counted the slow way (read through SQLAlchemy, the same SQL on both engines).
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import Connection, text

from desktopapp.db.actor_spans import unpack_days
from desktopapp.db.commands import (
    AddActor,
    AddEvent,
    AddQuote,
    AddSource,
    ClaimInput,
    CommandError,
    DeleteEvent,
    DeleteEventTranslation,
    DeleteQuote,
    EditActor,
    EditEvent,
    EventTranslation,
    OutsideReference,
    QuoteInput,
    SetActorName,
    SetEventTranslation,
    SourceSentence,
)
from desktopapp.db.integrity import check_database
from desktopapp.db.store import TimelineStore
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.grouping import Grouping
from desktopapp.domain.search import parse_search
from tests.pg_server import PostgresServer

WORDS = [f"mot{n}" for n in range(60)]
TEXT = " ".join(WORDS)
STARTS = list(itertools.accumulate([0] + [len(w) + 1 for w in WORDS[:-1]]))
DATES = ["2022-03-01", "2022-03", "2022-02-21/2022-02-27", "2022-03-05~", "2021", "2022-03-02?"]
TYPES = ["aid/logistics", "sanction", "corporate-withdrawal/sales-halt", "market-move"]
KINDS = ["company", "government", "person"]


def _quote(source: str, word: int, length: int) -> QuoteInput:
    last = min(len(WORDS) - 1, word + length)
    start, end = STARTS[word], STARTS[last] + len(WORDS[last])
    return QuoteInput(source, start, end, TEXT[start:end])


class Edits(RuleBasedStateMachine):
    events = Bundle("events")

    def __init__(self) -> None:
        super().__init__()
        self.store = TimelineStore.create(self.new_location(), title="t", author="test")
        self.source = self.store.execute(AddSource(TEXT, "Source")).created_key
        self.actors: list[str] = []
        self.titles = itertools.count()
        self.undo: list = []

    def new_location(self) -> str:
        return str(Path(_tmp_factory.mktemp("stateful")) / "t.timeline")

    def teardown(self) -> None:
        self.store.close()

    @rule(name=st.integers(0, 10_000), kind=st.sampled_from(KINDS))
    def add_actor(self, name: int, kind: str) -> None:
        try:
            change = self.store.execute(AddActor(f"Actor {name}", kind, (f"alias{name}",)))
        except CommandError:  # the name is taken
            return
        assert change.created_key is not None
        self.actors.append(change.created_key)

    @precondition(lambda self: self.actors)
    @rule(pick=st.integers(0, 50), alias=st.integers(0, 4), rename=st.booleans())
    def edit_actor(self, pick: int, alias: int, rename: bool) -> None:
        key = self.actors[pick % len(self.actors)]
        command = EditActor(
            key, name=f"Renamed {pick}" if rename else None, aliases=(f"alias{alias}",)
        )
        try:
            self.undo.append(self.store.execute(command))
        except CommandError as error:  # the name is taken, or it already reads so
            assert "already" in str(error)

    @precondition(lambda self: self.actors)
    @rule(pick=st.integers(0, 50), name=st.integers(0, 4))
    def name_actor_in_french(self, pick: int, name: int) -> None:
        """Its French name set, changed or removed (name 0): found by it, exactly."""
        key = self.actors[pick % len(self.actors)]
        try:
            self.undo.append(
                self.store.execute(SetActorName(key, "fr", f"nom{name}" if name else ""))
            )
        except CommandError as error:  # taken, or already so
            assert "already" in str(error) or "names the actor" in str(error)

    @rule(key=events, words=st.integers(0, 3), remove=st.booleans())
    def translate_event(self, key: str, words: int, remove: bool) -> None:
        """Its French words set, replaced or removed: the index follows them."""
        command = (
            DeleteEventTranslation(key, "fr")
            if remove
            else SetEventTranslation(
                key, EventTranslation("fr", f"traduction {words}", f"resume{words}")
            )
        )
        try:
            self.undo.append(self.store.execute(command))
        except CommandError as error:  # deleted since, none to remove, or already so
            assert any(why in str(error) for why in ("no event", "no translation", "already"))

    def _participants(self, picks: list[tuple[int, str]]) -> tuple[tuple[str, str], ...]:
        if not self.actors:
            return ()
        return tuple(dict.fromkeys((self.actors[i % len(self.actors)], r) for i, r in picks))

    @rule(
        target=events,
        type_slug=st.sampled_from(TYPES),
        edtf=st.sampled_from(DATES),
        picks=st.lists(
            st.tuples(st.integers(0, 50), st.sampled_from(["acting", "affected"])), max_size=3
        ),
        word=st.integers(0, 55),
        length=st.integers(0, 3),
        outside=st.booleans(),
    )
    def add_event(self, type_slug, edtf, picks, word, length, outside):
        title = f"titre{next(self.titles)}"
        citation = (
            OutsideReference("Reuters", "T", "https://example.org", "On that day")
            if outside
            else SourceSentence(_quote(self.source, word, 0))
        )
        change = self.store.execute(
            AddEvent(
                title,
                type_slug,
                edtf,
                citation,
                self._participants(picks),
                (_quote(self.source, word, length),),
            )
        )
        self.undo.append(change)
        return change.created_key

    @rule(
        entries=st.lists(
            st.tuples(
                st.sampled_from(DATES), st.integers(0, 50), st.integers(0, 55), st.booleans()
            ),
            min_size=1,
            max_size=40,
        ),
        type_slug=st.sampled_from(TYPES),
        pick=st.integers(0, 50),
    )
    def import_batch(self, entries, type_slug, pick):
        """An import: many events in one transaction (unsourced ones with a claim, and
        quoted ones dated by a source's sentence), written in bulk, whose span moves are
        gathered and written once per span (in bulk beyond a few moves)."""
        commands = []
        for n, (edtf, other, word, quoted) in enumerate(entries):
            title = f"titre{next(self.titles)}"
            if quoted:
                participants = self._participants([(other, "acting"), (pick, "affected")])
                command = AddEvent(
                    title,
                    type_slug,
                    edtf,
                    SourceSentence(_quote(self.source, word, 0)),
                    participants,
                    (_quote(self.source, word, 2), _quote(self.source, 55 - word, 0)),
                )
            else:
                command = AddEvent(
                    title,
                    type_slug,
                    edtf,
                    OutsideReference("import.json", "", "", f"slide {n}"),
                    self._participants([(pick, "acting")]),
                    claim=ClaimInput(f"slide {n} text", f"import.json, slide {n}"),
                )
            commands.append(command)
        self.undo.extend(self.store.execute_all(commands))

    @rule(
        key=events,
        type_slug=st.none() | st.sampled_from(TYPES),
        edtf=st.none() | st.sampled_from(DATES),
        picks=st.none()
        | st.lists(
            st.tuples(st.integers(0, 50), st.sampled_from(["acting", "affected"])), max_size=3
        ),
        word=st.integers(0, 55),
    )
    def edit_event(self, key, type_slug, edtf, picks, word):
        command = EditEvent(
            key,
            type_slug=type_slug,
            date_edtf=edtf,
            citation=SourceSentence(_quote(self.source, word, 1)) if edtf else None,
            participants=None if picks is None else self._participants(picks),
            title=f"titre{next(self.titles)}" if type_slug is None and edtf is None else None,
        )
        try:
            self.undo.append(self.store.execute(command))
        except CommandError as error:  # deleted meanwhile, or nothing changes
            assert "no event" in str(error) or "nothing to change" in str(error)

    @rule(key=consumes(events))
    def delete_event(self, key):
        try:
            self.undo.append(self.store.execute(DeleteEvent(key)))
        except CommandError as error:
            assert "no event" in str(error)

    @rule(key=events, word=st.integers(0, 55), length=st.integers(0, 4))
    def add_quote(self, key, word, length):
        quote = _quote(self.source, word, length)
        try:
            self.undo.append(self.store.execute(AddQuote(key, quote)))
        except CommandError as error:
            assert "no event" in str(error) or "already quotes" in str(error)

    @rule(key=events, word=st.integers(0, 55), length=st.integers(0, 4))
    def delete_quote(self, key, word, length):
        quote = _quote(self.source, word, length)
        try:
            self.undo.append(
                self.store.execute(DeleteQuote(key, self.source, quote.start, quote.end))
            )
        except CommandError as error:
            assert (
                "no event" in str(error)
                or "does not quote" in str(error)
                or "only quote" in str(error)
            )

    @precondition(lambda self: self.undo)
    @rule()
    def undo_last(self):
        change = self.undo.pop()
        try:
            self.store.execute(change.inverse)
        except CommandError as error:  # the event it acts on was deleted since, or its
            # names were changed since by another command
            assert any(why in str(error) for why in ("no event", "already", "no translation"))

    # -- invariants ---------------------------------------------------------------------

    def _db(self) -> Connection:
        return self.store.repository.engine.connect()

    def _found(self, db: Connection, search: str) -> list[int]:
        """Ids the search index gives for a search box's text."""
        query = self.store.repository.dialect.search_ids(parse_search(search))
        return [row[0] for row in db.execute(query)]

    @invariant()
    def counts_equal_a_naive_recount(self):
        with self._db() as db:
            kept = {(d, t): n for d, t, n in _rows(db, "SELECT * FROM day_type_counts")}
            naive = Counter((d, t) for d, t in _rows(db, "SELECT start_date, type_id FROM events"))
            assert kept == dict(naive)
            kept_actors = {(a, t): n for a, t, n in _rows(db, "SELECT * FROM actor_type_counts")}
            pairs = set(
                _rows(
                    db,
                    "SELECT ea.actor_id, e.type_id, e.id FROM event_actors ea "
                    "JOIN events e ON e.id = ea.event_id",
                )
            )
            assert kept_actors == dict(Counter((a, t) for a, t, _ in pairs))
            kept_lanes = {(a, d): n for a, d, n in _rows(db, "SELECT * FROM lane_day_counts")}
            acting = _rows(db, "SELECT event_id, actor_id FROM event_actors WHERE role = 'acting'")
            lanes: dict = defaultdict(list)
            for event_id, actor_id in acting:
                lanes[event_id].append(actor_id)
            starts = _rows(db, "SELECT id, start_date FROM events")
            naive_lanes = Counter((a, d) for e, d in starts for a in lanes.get(e, [0]))
            assert kept_lanes == dict(naive_lanes)

    @invariant()
    def lane_overview_equals_the_grouped_query(self):
        """The unfiltered lane overview, summed from the lanes' running totals (kept and
        refreshed across the steps), equals the grouped query over the events."""
        repository = self.store.repository
        for grouping, (start, end, first, bin_days, bins) in itertools.product(
            Grouping, LANE_WINDOWS
        ):
            window = (start, end, first, bin_days, bins)
            summed = repository.lane_overview(EventFilter(), grouping, *window)
            grouped = repository._grouped_lane_overview(EventFilter(), grouping, *window)
            assert summed == grouped, (grouping, window)
            counts = repository.lane_counts(EventFilter(), grouping, start, end)
            assert counts == [tally.lane_count for tally in grouped]

    @invariant()
    def listed_actor_names_equal_the_participants(self):
        with self._db() as db:
            named: dict = defaultdict(list)
            for event_id, name in _rows(
                db,
                "SELECT ea.event_id, a.name FROM event_actors ea JOIN actors a "
                "ON a.id = ea.actor_id ORDER BY ea.event_id, ea.role, ea.actor_id",
            ):
                named[event_id].append(name)
            for event_id, listed in _rows(db, "SELECT id, actor_names FROM events"):
                assert listed == ", ".join(dict.fromkeys(named[event_id]))

    @invariant()
    def actor_spans_equal_a_naive_recount(self):
        with self._db() as db:
            kept = {
                (a, t): (list(unpack_days(s)), list(unpack_days(e)))
                for a, t, s, e in _rows(
                    db, "SELECT actor_id, type_id, starts, ends FROM actor_spans"
                )
            }
            naive: dict = defaultdict(lambda: ([], []))
            for a, t, s, e in _rows(
                db,
                "SELECT actor_id, type_id, start_date, end_date FROM (SELECT DISTINCT "
                "ea.actor_id, e.type_id, e.id, e.start_date, e.end_date FROM event_actors ea "
                "JOIN events e ON e.id = ea.event_id) AS pairs",
            ):
                naive[(a, t)][0].append(int(s.replace("-", "")))
                naive[(a, t)][1].append(int(e.replace("-", "")))
            assert kept == {k: (sorted(v[0]), sorted(v[1])) for k, v in naive.items()}

    @invariant()
    def search_index_finds_exactly_the_events(self):
        with self._db() as db:
            titles = dict(_rows(db, "SELECT title, id FROM events"))
            for title, event_id in titles.items():
                assert self._found(db, f'"{title}"') == [event_id]
            # Quoted words and actor names: the index agrees with the tables.
            for word in ("mot3", "mot30", "alias1", "alias2", "nom1", "nom2"):
                naive = {
                    r[0]
                    for r in _rows(
                        db,
                        "SELECT DISTINCT q.event_id FROM quotes q "
                        "WHERE ' ' || q.text || ' ' LIKE :pattern UNION SELECT ea.event_id "
                        "FROM event_actors ea JOIN actor_names n ON n.actor_id = ea.actor_id "
                        "WHERE n.name = :word",
                        pattern=f"% {word} %",
                        word=word,
                    )
                }
                assert set(self._found(db, f'"{word}"')) == naive, word
            assert sorted(self._found(db, "titre")) == sorted(titles.values())
            # Every translation is found by its words, and only its event.
            translated = _rows(db, "SELECT event_id, title, summary FROM event_texts")
            for words in {title for _, title, _ in translated}:
                naive = sorted(e for e, title, _ in translated if title == words)
                assert sorted(self._found(db, f'"{words}"')) == naive
            assert sorted(self._found(db, "resume")) == sorted(e for e, _, _ in translated)

    @invariant()
    def check_finds_nothing_wrong(self):
        report = check_database(self.store.repository)
        assert report.is_clean, [d.line() for d in report.damages]

    @invariant()
    def repository_answers_like_the_tables(self):
        repository = self.store.repository
        with self._db() as db:
            total = _rows(db, "SELECT count(*) FROM events")[0][0]
            per_actor = dict(
                _rows(
                    db,
                    "SELECT actor_id, count(DISTINCT event_id) FROM event_actors GROUP BY actor_id",
                )
            )
            in_march = dict(
                _rows(
                    db,
                    "SELECT actor_id, count(DISTINCT event_id) FROM event_actors ea "
                    "JOIN events e ON e.id = ea.event_id WHERE e.end_date >= '2022-03-01' "
                    "AND e.start_date <= '2022-03-03' GROUP BY actor_id",
                )
            )
            actors = _rows(db, "SELECT count(*) FROM actors")[0][0]
        assert repository.count() == repository.total == total
        assert len(repository.actors) == actors
        assert repository.facet_counts().actors == per_actor
        march = EventFilter(date_from=date(2022, 3, 1), date_to=date(2022, 3, 3))
        assert repository.facet_counts(march).actors == in_march
        assert (
            sum(repository.histogram(EventFilter(), date(2021, 1, 1), date(2022, 12, 31), 12))
            == total
        )
        with self._db() as db:
            per_type = dict(_rows(db, "SELECT type_id, count(*) FROM events GROUP BY type_id"))
            slugs = dict(_rows(db, "SELECT id, slug FROM event_types"))
            per_day = dict(
                _rows(
                    db,
                    "SELECT start_date, count(*) FROM events WHERE start_date "
                    "BETWEEN '2022-02-01' AND '2022-03-31' GROUP BY start_date",
                )
            )
        for slug, count in repository.facet_counts().types.items():
            naive = sum(
                n
                for t, n in per_type.items()
                if slugs[t] == slug or slugs[t].startswith(slug + "/")
            )
            assert count == naive, slug
        days = repository.histogram(EventFilter(), date(2022, 2, 1), date(2022, 3, 31), 59)
        assert days == [
            per_day.get(date.fromordinal(date(2022, 2, 1).toordinal() + n).isoformat(), 0)
            for n in range(59)
        ]

    @invariant()
    def date_facets_equal_a_naive_recount(self):
        """Under date filters (kept between steps: the counts remembered for them are
        carried over each edit), actor and type facets equal a recount."""
        for event_filter in DATE_FILTERS:
            facets = self.store.repository.facet_counts(event_filter)
            actors, types = self._naive_date_facets(event_filter)
            assert facets.actors == actors, event_filter
            assert {slug: n for slug, n in facets.types.items() if n} == types, event_filter

    def _naive_date_facets(self, event_filter: EventFilter) -> tuple[dict, dict]:
        terms, values = ["1 = 1"], {}
        if event_filter.date_from:
            terms.append("e.end_date >= :date_from")
            values["date_from"] = event_filter.date_from.isoformat()
        if event_filter.date_to:
            terms.append("e.start_date <= :date_to")
            values["date_to"] = event_filter.date_to.isoformat()
        where = " AND ".join(terms)
        with self._db() as db:
            slugs = dict(_rows(db, "SELECT id, slug FROM event_types"))
            wanted = [
                t
                for t, slug in slugs.items()
                if not event_filter.types
                or any(slug == w or slug.startswith(w + "/") for w in event_filter.types)
            ]
            marks = ", ".join(str(int(t)) for t in wanted) or "NULL"
            actors = dict(
                _rows(
                    db,
                    "SELECT ea.actor_id, count(DISTINCT e.id) FROM event_actors ea JOIN events e "
                    f"ON e.id = ea.event_id WHERE {where} AND e.type_id IN ({marks}) "
                    "GROUP BY ea.actor_id",
                    **values,
                )
            )
            per_type = dict(
                _rows(
                    db, f"SELECT type_id, count(*) FROM events e WHERE {where} GROUP BY 1", **values
                )
            )
        types = Counter()
        for type_id, count in per_type.items():
            for slug in set(slugs.values()):
                if slugs[type_id] == slug or slugs[type_id].startswith(slug + "/"):
                    types[slug] += count
        return actors, dict(types)


DATE_FILTERS = (
    EventFilter(date_from=date(2022, 3, 1), date_to=date(2022, 3, 3)),
    EventFilter(date_from=date(2022, 3, 2)),
    EventFilter(date_to=date(2022, 2, 28)),
    EventFilter(date_from=date(2021, 6, 1), date_to=date(2022, 3, 1), types=frozenset(TYPES[:2])),
)


# (start, end, first bin's day, bin days, bins): windows holding everything, an event
# reaching in from before the window (a range, a month, a year: the long-span index), bins
# starting before the window or after its start (events in no bin).
LANE_WINDOWS = (
    (date(2020, 1, 1), date(2023, 12, 31), date(2019, 12, 30), 30, 50),
    (date(2021, 6, 1), date(2022, 3, 2), date(2021, 5, 31), 7, 40),
    (date(2022, 3, 2), date(2022, 3, 3), date(2022, 3, 2), 1, 2),
    (date(2022, 2, 25), date(2022, 3, 10), date(2022, 2, 20), 2, 10),
    (date(2022, 2, 22), date(2022, 3, 31), date(2022, 3, 10), 3, 4),
)


def _rows(db: Connection, sql: str, **values: object) -> list[tuple]:
    return [tuple(row) for row in db.execute(text(sql), values)]


_tmp_factory: pytest.TempPathFactory


@pytest.fixture(autouse=True)
def _remember_tmp(tmp_path_factory: pytest.TempPathFactory) -> None:
    global _tmp_factory
    _tmp_factory = tmp_path_factory


SETTINGS = settings(
    max_examples=25,
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
Edits.TestCase.settings = SETTINGS
TestEdits = Edits.TestCase


class ServerEdits(Edits):
    """The same random edits on a fresh database of the PostgreSQL test server."""

    server: PostgresServer

    def new_location(self) -> str:
        self.database = self.server.new_database()
        return self.server.url(self.database)

    def teardown(self) -> None:
        super().teardown()
        self.server.drop_database(self.database)


@pytest.mark.postgres
def test_random_edits_on_a_server_keep_every_structure_exact(pg_server: PostgresServer) -> None:
    ServerEdits.server = pg_server
    run_state_machine_as_test(ServerEdits, settings=SETTINGS)
