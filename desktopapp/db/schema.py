"""The database schema (SQLAlchemy 2.0 typed declarative).

Dates are stored three ways on purpose: the EDTF string as the source gives it (the truth),
and ISO day bounds ``start_date``/``end_date`` (the widest span it may cover), which make
range filters and ordering plain indexed comparisons. Quote text is stored beside its
offsets so search and display need no slicing; the build checks both agree.

Built for a million events: every interactive question is an index range scan or a lookup in
a small table of counts. The counts for the unfiltered view (events per start day and type,
events per actor and type) are kept by triggers as the builder inserts rows, so they are
complete whichever builder wrote the file, and cost nothing to read.
"""

from __future__ import annotations

from sqlalchemy import (
    DDL,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    event,
    func,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

SCHEMA_VERSION = 3
# Events spanning more than this many days are also listed in a small partial index, so that a
# time window asks the main date index only for [window start - LONG_SPAN_DAYS, window end].
LONG_SPAN_DAYS = 100
LONG_SPAN_SQL = f"julianday(end_date) - julianday(start_date) > {LONG_SPAN_DAYS}"
APPLICATION_ID = "desktopapp-timeline"


class Base(DeclarativeBase):
    pass


class MetaRow(Base):
    """Key/value facts about the database: schema version, what it was built from."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SourceRow(Base):
    __tablename__ = "sources"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(128), unique=True)
    title: Mapped[str] = mapped_column(Text)
    outlet: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(16))
    url: Mapped[str] = mapped_column(Text, default="")
    published_edtf: Mapped[str] = mapped_column(String(64))
    published_note: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))


class CitationRow(Base):
    """A news report cited for a date."""

    __tablename__ = "citations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(128), unique=True)
    outlet: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    url: Mapped[str] = mapped_column(Text)
    published_edtf: Mapped[str] = mapped_column(String(64))


class ActorRow(Base):
    __tablename__ = "actors"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(128), unique=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(32))


class ActorNameRow(Base):
    """Every name an actor answers to (its canonical name and aliases), normalised."""

    __tablename__ = "actor_names"
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id"), primary_key=True)
    name: Mapped[str] = mapped_column(Text, primary_key=True)
    folded: Mapped[str] = mapped_column(Text, index=True)
    is_alias: Mapped[bool] = mapped_column(Boolean)


class EventTypeRow(Base):
    __tablename__ = "event_types"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(128), unique=True)
    label: Mapped[str] = mapped_column(Text)


class EventRowORM(Base):
    __tablename__ = "events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(128), unique=True)
    title: Mapped[str] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text)
    type_id: Mapped[int] = mapped_column(ForeignKey("event_types.id"))
    date_edtf: Mapped[str] = mapped_column(String(64))
    start_date: Mapped[str] = mapped_column(String(10))
    end_date: Mapped[str] = mapped_column(String(10))
    precision: Mapped[str] = mapped_column(String(16))
    approximate: Mapped[bool] = mapped_column(Boolean)
    uncertain: Mapped[bool] = mapped_column(Boolean)
    # The date's citation: a news report (citation_id) or the article itself (NULL).
    citation_id: Mapped[int | None] = mapped_column(ForeignKey("citations.id"), nullable=True)
    citation_quote: Mapped[str] = mapped_column(Text)
    citation_note: Mapped[str] = mapped_column(Text, default="")
    # Denormalised for lists: "Apple, Russia". Kept in sync by the builder.
    actor_names: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        # Date order, time windows, histograms and per-type counts over a date range read
        # this index alone (covering), never the wide rows.
        Index("ix_events_start_end", "start_date", "end_date", "type_id"),
        Index("ix_events_end", "end_date", "start_date"),
        Index("ix_events_type_start", "type_id", "start_date"),
        # The other sort orders of the list, so that a first page is an index walk.
        Index("ix_events_title", func.lower(text("title"))),
        Index("ix_events_actor_names", func.lower(text("actor_names")), "start_date"),
        Index(
            "ix_events_long_span",
            "end_date",
            "start_date",
            sqlite_where=text(LONG_SPAN_SQL),
        ),
    )


class EventActorRow(Base):
    __tablename__ = "event_actors"
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id"), primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id"), primary_key=True)
    role: Mapped[str] = mapped_column(String(16), primary_key=True)

    # Clustered by event (no rowid): an event's actors sit together, and the actor index
    # carries the whole key, so "events of actor X" never reads the table.
    __table_args__ = (
        Index("ix_event_actors_actor", "actor_id", "event_id"),
        {"sqlite_with_rowid": False},
    )


class DayTypeCountRow(Base):
    """Events per start day and type: the unfiltered histogram and type totals, precomputed."""

    __tablename__ = "day_type_counts"
    start_date: Mapped[str] = mapped_column(String(10), primary_key=True)
    type_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    events: Mapped[int] = mapped_column(Integer)
    __table_args__ = ({"sqlite_with_rowid": False},)


class ActorTypeCountRow(Base):
    """Distinct events per actor and type: actor facets without a filter or by type only."""

    __tablename__ = "actor_type_counts"
    actor_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    type_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    events: Mapped[int] = mapped_column(Integer)
    __table_args__ = ({"sqlite_with_rowid": False},)


class ActorSpanRow(Base):
    """Each actor's events' start and end days (yyyymmdd, sorted, packed little-endian
    int32), per event type: counting every actor's events in a date range is then a few
    bisections per actor (see db/actor_spans.py). Written by the builder after the events."""

    __tablename__ = "actor_spans"
    actor_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    type_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    starts: Mapped[bytes] = mapped_column(LargeBinary)
    ends: Mapped[bytes] = mapped_column(LargeBinary)


# The counts above follow inserts (the database is written once, then only read). An actor
# listed twice in one event (acting and affected) counts once. Events are inserted before
# their actors, which the builder does batch by batch.
_COUNT_TRIGGERS = (
    "CREATE TRIGGER IF NOT EXISTS count_event_day_type AFTER INSERT ON events BEGIN "
    "INSERT INTO day_type_counts (start_date, type_id, events) "
    "VALUES (NEW.start_date, NEW.type_id, 1) "
    "ON CONFLICT (start_date, type_id) DO UPDATE SET events = events + 1; END",
    "CREATE TRIGGER IF NOT EXISTS count_event_actor_type AFTER INSERT ON event_actors "
    "WHEN NOT EXISTS (SELECT 1 FROM event_actors WHERE event_id = NEW.event_id "
    "AND actor_id = NEW.actor_id AND role <> NEW.role) BEGIN "
    "INSERT INTO actor_type_counts (actor_id, type_id, events) "
    "SELECT NEW.actor_id, type_id, 1 FROM events WHERE id = NEW.event_id "
    "ON CONFLICT (actor_id, type_id) DO UPDATE SET events = events + 1; END",
)
for _trigger in _COUNT_TRIGGERS:
    event.listen(Base.metadata, "after_create", DDL(_trigger).execute_if(dialect="sqlite"))


class QuoteRow(Base):
    __tablename__ = "quotes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id"), index=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"))
    position: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


# Full-text index over what a person may search for. Contentless: it only answers "which
# event ids match", the text lives in the tables above. unicode61 with remove_diacritics 2
# folds case and accents, and treats both ' and ’ as separators, so l'Ukraine == l’Ukraine.
FTS_DDL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS events_fts USING fts5("
    "title, summary, quotes, actors, content='', "
    "tokenize = 'unicode61 remove_diacritics 2')"
)
