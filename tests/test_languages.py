"""Data in several languages (schema 7): an event's words and an actor's names per language,
read in the reader's language, searched in every one, written by undoable commands; quotes
never translated in place. On a file and on the server."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import event as sa_event
from sqlalchemy import text

from desktopapp.db import migrations
from desktopapp.db.commands import (
    AddActor,
    AddEvent,
    AddQuote,
    AddSource,
    CommandError,
    DeleteActor,
    DeleteEvent,
    DeleteEventTranslation,
    EditActor,
    EditEvent,
    EventTranslation,
    OutsideReference,
    QuoteInput,
    SetActorName,
    SetEventTranslation,
)
from desktopapp.db.copying import copy_timeline_rows
from desktopapp.db.engine import open_database
from desktopapp.db.integrity import check_database
from desktopapp.db.repository import EventRepository
from desktopapp.db.schema import LONG_QUOTE
from desktopapp.db.store import TimelineStore
from desktopapp.domain import l10n
from desktopapp.domain.filter import EventFilter

TEXT = "Le 1er mars 2022, Vladimir Poutine a interdit la sortie de devises de Russie."
CITED = OutsideReference("Reuters", "Putin bans", "https://example.org/r", "On 1 March…")
FRENCH = EventTranslation(
    "fr",
    "La Russie interdit la sortie de plus de 10 000 dollars en devises",
    "Vladimir Poutine signe un décret.",
    "Daté par le décret.",
)


@pytest.fixture
def store(timeline_location: str):
    with TimelineStore.create(timeline_location, title="Mine", author="Ada") as opened:
        yield opened


def _timeline(store: TimelineStore) -> tuple[str, str, str]:
    """A source, an actor named in English, and an English event that quotes the source."""
    source = store.execute(AddSource(TEXT, "Article", language="fr")).created_key
    actor = store.execute(AddActor("Vladimir Putin", "person", ("Putin",))).created_key
    start = TEXT.index("interdit")
    quote = QuoteInput(source, start, start + len("interdit"), "interdit")
    event = store.execute(
        AddEvent(
            "Russia bars taking foreign currency out",
            "sanction",
            "2022-03-01",
            CITED,
            ((actor, "acting"),),
            (quote,),
            summary="A decree.",
            language="en",
        )
    ).created_key
    assert source and actor and event
    return source, actor, event


def _found(store: TimelineStore, words: str) -> int:
    return store.repository.count(EventFilter(text=words))


def test_an_event_reads_in_the_readers_language_and_says_which(store) -> None:
    _source, _actor, event = _timeline(store)
    store.execute(SetEventTranslation(event, FRENCH))
    with l10n.speaking("fr"):
        (shown,) = store.repository.events(EventFilter())
        assert (shown.title, shown.summary, shown.citation.note) == (
            FRENCH.title,
            FRENCH.summary,
            FRENCH.note,
        )
        assert shown.language == "fr" and shown.translated
        assert shown.as_written().title == "Russia bars taking foreign currency out"
        assert shown.quotes[0].text == "interdit"  # the source's words, always
        (row,) = store.repository.rows(EventFilter())
        assert row.title == FRENCH.title
    (own,) = store.repository.events(EventFilter())
    assert (own.title, own.language, own.translated) == (
        "Russia bars taking foreign currency out",
        "en",
        False,
    )
    assert [t.language for t in own.translations] == ["fr"]
    with l10n.speaking("de"):  # no German: its own words
        assert store.repository.rows(EventFilter())[0].title.startswith("Russia")


def test_a_translation_is_searched_and_undone_exactly(store) -> None:
    _source, _actor, event = _timeline(store)
    assert _found(store, "devises") == 0
    change = store.execute(SetEventTranslation(event, FRENCH), note="for French readers")
    assert _found(store, "devises") == 1 and _found(store, "decret") == 1
    assert _found(store, "foreign") == 1  # its own words too
    replaced = store.execute(SetEventTranslation(event, EventTranslation("fr", "Titre neuf")))
    assert _found(store, "devises") == 0 and _found(store, "titre neuf") == 1
    store.execute(replaced.inverse)
    assert _found(store, "devises") == 1 and _found(store, "titre") == 0
    store.execute(change.inverse)
    assert _found(store, "devises") == 0
    assert store.repository.events(EventFilter())[0].translations == ()
    fields = [(entry.field, entry.new) for entry in store.history()]
    assert ("title@fr", FRENCH.title) in fields and ("title@fr", None) in fields
    assert check_database(store.repository).is_clean


@pytest.mark.parametrize(
    ("translation", "refusal"),
    [
        (EventTranslation("en", "Same language"), "own words are in 'en'"),
        (EventTranslation("French", "Titre"), "not a language tag"),
        (EventTranslation("fr", "  "), "translated title is empty"),
        (EventTranslation("fr", "Titre\x00"), "NUL"),
    ],
)
def test_a_bad_translation_is_refused_and_changes_nothing(store, translation, refusal) -> None:
    _source, _actor, event = _timeline(store)
    with pytest.raises(CommandError, match=refusal):
        store.execute(SetEventTranslation(event, translation))
    assert store.repository.events(EventFilter())[0].translations == ()
    with pytest.raises(CommandError, match="no translation in 'fr'"):
        store.execute(DeleteEventTranslation(event, "fr"))


def test_deleting_and_restoring_an_event_keeps_its_translations(store) -> None:
    _source, _actor, event = _timeline(store)
    store.execute(SetEventTranslation(event, FRENCH))
    deleted = store.execute(DeleteEvent(event))
    assert _found(store, "devises") == 0
    with store.repository.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM event_texts")).scalar() == 0
    store.execute(deleted.inverse)
    assert _found(store, "devises") == 1
    (restored,) = store.repository.events(EventFilter())
    assert restored.translation("fr") == FRENCH
    assert check_database(store.repository).is_clean


def test_editing_an_event_keeps_its_translation_indexed(store) -> None:
    _source, _actor, event = _timeline(store)
    store.execute(SetEventTranslation(event, FRENCH))
    store.execute(EditEvent(event, title="Russia bars cash exports"))
    assert _found(store, "cash") == 1 and _found(store, "devises") == 1
    assert _found(store, "foreign") == 0


def test_an_actor_is_found_by_its_name_in_any_language(store) -> None:
    _source, actor, _event = _timeline(store)
    assert _found(store, "Poutine") == 0  # the quote says "Poutine" only in the article text
    change = store.execute(SetActorName(actor, "fr", "Vladimir Poutine"))
    assert _found(store, "Poutine") == 1 and _found(store, "Putin") == 1
    repository = store.repository
    assert repository.resolve_actor("vladimir poutine").key == actor
    assert repository.count(EventFilter(actors=frozenset({"Vladimir Poutine"}))) == 1
    with l10n.speaking("fr"):
        (named,) = store.repository.actors
        assert named.name == "Vladimir Poutine"
        assert "Vladimir Putin" in named.aliases  # the finder finds it by either
        assert store.repository.events(EventFilter())[0].participants[0].actor.name == (
            "Vladimir Poutine"
        )
    (named,) = store.repository.actors
    assert (named.name, named.own_name, named.names) == (
        "Vladimir Putin",
        "Vladimir Putin",
        (("fr", "Vladimir Poutine"),),
    )
    assert "Vladimir Poutine" in named.aliases and named.own_aliases == ("Putin",)
    store.execute(change.inverse)
    assert _found(store, "Poutine") == 0 and _found(store, "Putin") == 1
    assert store.repository.actors[0].names == ()


def test_editing_or_deleting_an_actor_keeps_its_names_by_language(store) -> None:
    source = store.execute(AddSource(TEXT, "Article")).created_key
    actor = store.execute(AddActor("Russia", "government", names=(("fr", "Russie"),))).created_key
    assert actor and source
    store.execute(EditActor(actor, aliases=("Russian Federation",)))
    assert store.repository.actors[0].names == (("fr", "Russie"),)
    with pytest.raises(CommandError, match="already the actor's name in 'fr'"):
        store.execute(EditActor(actor, name="Russie"))
    with pytest.raises(CommandError, match="nothing to change"):  # a name, not an alias
        store.execute(EditActor(actor, aliases=("Russian Federation", "Russie")))
    with pytest.raises(CommandError, match="already has this name"):
        store.execute(SetActorName(actor, "fr", "Russie"))
    deleted = store.execute(DeleteActor(actor))
    store.execute(deleted.inverse)
    assert store.repository.actors[0].names == (("fr", "Russie"),)
    with l10n.speaking("fr"):
        assert store.repository.actors[0].name == "Russie"


def test_the_reader_switching_language_reads_the_names_again(store) -> None:
    _source, actor, _event = _timeline(store)
    store.execute(SetActorName(actor, "fr", "Vladimir Poutine"))
    repository = store.repository
    assert repository.actors[0].name == "Vladimir Putin"  # read and kept in English
    with l10n.speaking("fr"):
        assert repository.actors[0].name == "Vladimir Poutine"
        assert repository.actor_by_id(repository.actors[0].id).name == "Vladimir Poutine"
    assert repository.actors[0].name == "Vladimir Putin"


def test_a_translated_quote_stays_the_sources_words(tmp_path: Path) -> None:
    path = tmp_path / "t.timeline"
    with TimelineStore.create(path, title="Mine", author="Ada") as store:
        _source, _actor, event = _timeline(store)
        with sqlite3.connect(path) as db:  # written by the builder or an import
            db.execute("INSERT INTO quote_translations VALUES (1, 'en', 'banned')")
        store.repository.invalidate()
        (quote,) = store.repository.events(EventFilter())[0].quotes
        assert (quote.text, quote.translations, quote.translation) == (
            "interdit",
            (("en", "banned"),),
            "banned",
        )
        assert _found(store, "banned") == 0  # a translation is no quote: not searched as one
        deleted = store.execute(DeleteEvent(event))
        store.execute(deleted.inverse)
        (quote,) = store.repository.events(EventFilter())[0].quotes
        assert quote.translations == (("en", "banned"),)
        with l10n.speaking("fr"):
            assert store.repository.events(EventFilter())[0].quotes[0].translation == ""


@pytest.mark.postgres
def test_a_copy_onto_a_server_and_back_carries_the_translations(
    tmp_path: Path, pg_url: str
) -> None:
    path = tmp_path / "t.timeline"
    with TimelineStore.create(path, title="Mine", author="Ada") as store:
        _source, actor, event = _timeline(store)
        store.execute(SetEventTranslation(event, FRENCH))
        store.execute(SetActorName(actor, "fr", "Vladimir Poutine"))
    copy_timeline_rows(str(path), pg_url)
    back = tmp_path / "back.timeline"
    copy_timeline_rows(pg_url, str(back))
    for location in (pg_url, str(back)):
        engine = open_database(location)
        repository = EventRepository(engine)
        assert repository.count(EventFilter(text="Poutine devises")) == 1
        with l10n.speaking("fr"):
            (shown,) = repository.events(EventFilter())
            assert shown.title == FRENCH.title
            assert shown.participants[0].actor.name == "Vladimir Poutine"
        assert check_database(repository).is_clean
        engine.dispose()


def _long_and_short_quotes(store: TimelineStore) -> tuple[str, int]:
    """A source of many sentences, one event quoting a passage longer than LONG_QUOTE."""
    sentence = "Une phrase de la source, assez longue pour compter. "
    body = sentence * (3 * LONG_QUOTE // len(sentence))
    source = store.execute(AddSource(body, "Long")).created_key
    assert source
    event = store.execute(
        AddEvent(
            "Long",
            "sanction",
            "2022-03-01",
            CITED,
            (),
            (QuoteInput(source, 0, LONG_QUOTE + 100, body[: LONG_QUOTE + 100]),),
        )
    ).created_key
    assert event
    near = 2 * LONG_QUOTE
    store.execute(AddQuote(event, QuoteInput(source, near, near + 6, body[near : near + 6])))
    return source, near


def test_the_article_reads_one_stretch_of_quotes_long_ones_included(store) -> None:
    source, near = _long_and_short_quotes(store)
    repository = store.repository
    every = repository.quote_spans(source)
    stretches = [
        (0, 10),
        (LONG_QUOTE + 50, LONG_QUOTE + 60),
        (near - 5, near + 1),
        (near + 6, near + 9),
    ]
    for within in stretches:
        expected = [s for s in every if s.start < within[1] and s.end > within[0]]
        assert repository.quote_spans(source, within=within) == expected


def test_the_stretch_of_quotes_is_read_by_index_ranges(tmp_path: Path) -> None:
    with TimelineStore.create(tmp_path / "t.timeline", title="Mine", author="Ada") as store:
        source, near = _long_and_short_quotes(store)
        engine = store.repository.engine
        statements: list[tuple[str, object]] = []

        def remember(conn, cursor, statement, parameters, context, executemany) -> None:
            if "FROM quotes" in statement and "quotes.source_id =" in statement:
                statements.append((statement, parameters))

        sa_event.listen(engine, "before_cursor_execute", remember)
        store.repository.quote_spans(source, within=(near, near + 10))
        sa_event.remove(engine, "before_cursor_execute", remember)
        with engine.connect() as connection:
            plans = []
            for statement, parameters in statements:
                plan = connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)
                plans.append(" ".join(str(row[3]) for row in plan))
    assert len(plans) == 2, plans
    assert "ix_quotes_source_start (source_id=? AND start>? AND start<?)" in plans[0]
    assert "USING INDEX ix_quotes_long (source_id=? AND end>?)" in plans[1], plans
    assert all("SCAN quotes" not in plan for plan in plans)


def test_a_schema_6_file_is_upgraded_and_taken_back(tmp_path: Path) -> None:
    path = tmp_path / "t.timeline"
    with TimelineStore.create(path, title="Mine", author="Ada") as store:
        _source, _actor, event = _timeline(store)
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    engine = create_engine(f"sqlite:///{path}", poolclass=NullPool)
    with engine.begin() as connection:
        migrations.downgrade(connection, "0006")
    with sqlite3.connect(path) as db:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
        columns = {row[1] for row in db.execute("PRAGMA table_info(events)")}
    assert "event_texts" not in tables and "ix_quotes_long" not in tables
    assert "language" not in columns
    with engine.begin() as connection:
        migrations.upgrade(connection, "head")
    engine.dispose()
    with TimelineStore.open(path, author="Ada") as store:
        (shown,) = store.repository.events(EventFilter())
        assert shown.language == ""  # not stated by schema 6: never guessed
        store.execute(SetEventTranslation(event, FRENCH))
        assert _found(store, "devises") == 1
        assert check_database(store.repository).is_clean


# -- the bundled sample, in French and English ------------------------------------------------


def _words(quote):  # type: ignore[no-untyped-def]
    return quote.text, quote.start, quote.end, quote.source_key


def test_every_sample_event_reads_in_french_and_in_english(repository: EventRepository) -> None:
    english = repository.events(EventFilter())
    assert len(english) == 18 and all(e.language == "en" and not e.translated for e in english)
    with l10n.speaking("fr"):
        french = repository.events(EventFilter())
        rows = repository.rows(EventFilter())
    assert all(e.language == "fr" and e.translated for e in french)
    assert {e.key: e.as_written().title for e in french} == {e.key: e.title for e in english}
    assert {r.title for r in rows} == {e.title for e in french}
    for event, own in zip(french, english, strict=True):
        assert event.title != own.title and event.summary != own.summary
        assert event.citation.note and event.citation.note != own.citation.note
        assert event.citation.quote == own.citation.quote  # the dating sentence is a quote
        # The source's words in every language; a translation only beside a quote in
        # another language than the reader's (the article's French quotes, for English).
        assert [_words(q) for q in event.quotes] == [_words(q) for q in own.quotes]
        assert not any(q.translation for q in event.quotes if q.source_key == "article")
        for quote in own.quotes:
            assert bool(quote.translation) == (quote.source_key == "article")
    by_key = {e.key: e for e in french}
    assert by_key["russia-cash-export-limit"].title == (
        "La Russie interdit de sortir du pays plus de 10\u202f000 dollars en devises"
    )
    assert "«\u202fla semaine dernière\u202f»" in by_key["apple-export-halt"].summary


@pytest.mark.parametrize(
    ("french", "english"),
    [
        ("Vladimir Poutine", "Vladimir Putin"),
        ("États-Unis", "United States"),
        ("Union européenne", "European Union"),
        ("Russie", "Russia"),
        ("Royaume-Uni", "United Kingdom"),
    ],
)
def test_the_sample_is_searched_in_either_language(
    repository_on_each_engine: EventRepository, french: str, english: str
) -> None:
    repository = repository_on_each_engine
    assert repository.resolve_actor(french) == repository.resolve_actor(english)
    by_actor = {row.id for row in repository.rows(EventFilter(actors=frozenset({french})))}
    assert by_actor == {row.id for row in repository.rows(EventFilter(actors=frozenset({english})))}
    # A search finds the actor's events by either name (and the events whose words in
    # either language say it: "des États-Unis" in a French summary where the English says US).
    for words in (french, english):
        assert by_actor <= {row.id for row in repository.rows(EventFilter(text=words))}


def test_the_sample_actors_are_named_in_the_readers_language(repository) -> None:
    names = {actor.key: actor.name for actor in repository.actors}
    assert (names["vladimir-putin"], names["united-states"], names["apple"]) == (
        "Vladimir Putin",
        "United States",
        "Apple",
    )
    with l10n.speaking("fr"):
        actors = {actor.key: actor for actor in repository.actors}
    assert actors["vladimir-putin"].name == "Vladimir Poutine"
    assert actors["united-states"].name == "États-Unis"
    assert actors["european-union"].name == "Union européenne"
    assert actors["russia"].name == "Russie"
    assert actors["apple"].name == "Apple"  # companies keep their names
    assert "United States" in actors["united-states"].aliases  # the finder finds either


# -- our JSON carries both languages ------------------------------------------------------


def _machine_fields(records: list[dict]) -> list[dict]:
    """The records without the words written for a person ("date_text")."""
    return [{k: v for k, v in record.items() if k != "date_text"} for record in records]


def test_our_json_carries_every_language_and_reads_back(repository, tmp_path: Path) -> None:
    from desktopapp.ingest.importing import import_file
    from tests.test_json_import import export_json, opened, timeline_with_sources, without_ids

    english = export_json(repository, tmp_path / "en.json")
    with l10n.speaking("fr"):  # the same file whatever the reader's language
        assert _machine_fields(export_json(repository, tmp_path / "fr.json")) == (
            _machine_fields(english)
        )
    record = next(r for r in english if r["key"] == "russia-cash-export-limit")
    assert record["language"] == "en" and record["title"].startswith("Russia bars")
    assert record["translations"]["fr"]["title"].startswith("La Russie interdit")
    putin = next(p for p in record["participants"] if p["name"] == "Vladimir Putin")
    assert putin["names"] == {"fr": "Vladimir Poutine"} and putin["aliases"] == []
    target = timeline_with_sources(repository, tmp_path / "copy.timeline")
    import_file(target, tmp_path / "en.json", author="test")
    for copy in opened(target):
        assert without_ids(export_json(copy, tmp_path / "again.json")) == without_ids(english)
        assert copy.count(EventFilter(text="Poutine")) == repository.count(
            EventFilter(text="Poutine")
        )
        with l10n.speaking("fr"):
            shown = {e.key: e.title for e in copy.events(EventFilter())}
            assert shown["russia-cash-export-limit"].startswith("La Russie interdit")
            assert {a.key for a in copy.actors if a.name == "États-Unis"}


def test_the_lists_actors_are_named_in_the_readers_language(repository) -> None:
    (row,) = repository.rows(EventFilter(actors=frozenset({"Vladimir Putin"})))
    assert row.actor_names == "Vladimir Putin, Russia, Russian citizens"
    with l10n.speaking("fr"):
        (row,) = repository.rows(EventFilter(actors=frozenset({"Vladimir Poutine"})))
        assert row.actor_names == "Vladimir Poutine, Russie, Citoyens russes"
        assert [r.actor_names for r in repository.rows(EventFilter(text="Apple Pay"))] == [
            "Apple, Russie, Citoyens russes"
        ]


def test_a_refusal_reads_in_french(store) -> None:
    _source, _actor, event = _timeline(store)
    with l10n.speaking("fr"), pytest.raises(CommandError) as refused:
        store.execute(SetEventTranslation(event, EventTranslation("anglais", "Titre")))
    assert str(refused.value) == (
        "'anglais' n’est pas un code de langue\u202f; indiquez un code comme "
        "«\u202ffr\u202f» ou «\u202fen\u202f»"
    )
    with l10n.speaking("fr"):
        change = store.execute(SetEventTranslation(event, FRENCH))
    assert change.text == "Traduire «\u202fRussia bars taking foreign currency out\u202f» (fr)"


def test_an_actor_edited_as_shown_keeps_its_names_by_language(store) -> None:
    _source, actor, _event = _timeline(store)
    store.execute(SetActorName(actor, "fr", "Vladimir Poutine"))
    (shown,) = store.repository.actors
    assert "Vladimir Poutine" in shown.aliases  # what the window lists as its other names
    store.execute(EditActor(actor, aliases=(*shown.aliases, "V. Putin")))
    (edited,) = store.repository.actors
    assert edited.own_aliases == ("Putin", "V. Putin")
    assert edited.names == (("fr", "Vladimir Poutine"),)
