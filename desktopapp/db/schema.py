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

from desktopapp.db.dialect import postgresql, sqlite
from desktopapp.db.dialect.expressions import LONG_SPAN_DAYS
from desktopapp.db.dialect.sqlite import LONG_SPAN_SQL, SEARCH_INDEX_DDL

__all__ = ["FTS_DDL", "LONG_SPAN_DAYS", "LONG_SPAN_SQL"]

# 4: quotes keep the text around them (prefix, suffix), a date may be cited by a sentence of
# any stored source (citation_source_id), edits are recorded in ``history``, and the counts
# are kept under update and delete too (see db/dialect/).
# 5: sources name their author; an imported event keeps what the other tool said of it
# (claim_text, claim_origin) and its media links (event_links). Upgraded in place from 4.
# 6: the timeline's lanes by acting actor are counted per start day (lane_day_counts), so
# its overview never reads every event. Filled from the events when upgraded from 5.
# 7: data in several languages: an event's title, summary and date note in other languages
# than its own (event_texts), a quote's translation (quote_translations, never the quote
# itself), the language of an event's own text and of each actor name; and quotes indexed by
# (source_id, start) for the article pane's ranged read. Nothing to fill when upgraded from 6.
SCHEMA_VERSION = 7
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
    author: Mapped[str] = mapped_column(Text, default="", server_default="")


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
    # The language this name is in ("fr": "Vladimir Poutine"), or "" for a name of every
    # language ("Apple"). A name that is not an alias, in a language, is the actor's name in
    # that language; the actors row keeps its name in no particular one.
    language: Mapped[str] = mapped_column(String(16), default="", server_default="")


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
    # The date's citation: a news report (citation_id), a sentence of one of the timeline's
    # sources (citation_source_id, its offsets in citation_start/citation_end), or, with
    # both NULL, the first source (the article) itself.
    citation_id: Mapped[int | None] = mapped_column(ForeignKey("citations.id"), nullable=True)
    citation_source_id: Mapped[int | None] = mapped_column(
        ForeignKey("sources.id"), nullable=True, default=None
    )
    citation_start: Mapped[int | None] = mapped_column(Integer, nullable=True, default=None)
    citation_end: Mapped[int | None] = mapped_column(Integer, nullable=True, default=None)
    citation_quote: Mapped[str] = mapped_column(Text)
    citation_note: Mapped[str] = mapped_column(Text, default="")
    # Denormalised for lists: "Apple, Russia". Kept in sync by the builder.
    actor_names: Mapped[str] = mapped_column(Text, default="")
    # What an imported entry said (plain text) and where it came from ("t.json, slide 4"):
    # the importer's claim, kept apart from quotes, which only a source's own words can be.
    claim_text: Mapped[str] = mapped_column(Text, default="", server_default="")
    claim_origin: Mapped[str] = mapped_column(Text, default="", server_default="")
    # The language of the title, summary and date note above ("en"), or "" if not stated;
    # translations into other languages are in event_texts.
    language: Mapped[str] = mapped_column(String(16), default="", server_default="")

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
            sqlite_where=text(sqlite.LONG_SPAN_SQL),
            postgresql_where=text(postgresql.LONG_SPAN_SQL),
        ),
    )


class EventTextRow(Base):
    """An event's title, summary and date note in another language than its own: shown to a
    reader of that language instead of the event's own words (never in place of a quote)."""

    __tablename__ = "event_texts"
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id"), primary_key=True)
    language: Mapped[str] = mapped_column(String(16), primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text, default="", server_default="")
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    __table_args__ = ({"sqlite_with_rowid": False},)


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


# The lane of the events that name no acting actor in lane_day_counts (ids start at 1).
NO_ACTING_LANE_ID = 0


class LaneDayCountRow(Base):
    """Events per timeline lane by acting actor (``actor_id``, or NO_ACTING_LANE_ID for an
    event without one) and start day: an event with two acting actors counts in both lanes.
    The timeline's unfiltered overview is summed from it (running totals per lane) instead of
    grouping every event with its actors (seconds at 1M events)."""

    __tablename__ = "lane_day_counts"
    actor_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    start_date: Mapped[str] = mapped_column(String(10), primary_key=True)
    events: Mapped[int] = mapped_column(Integer)
    __table_args__ = ({"sqlite_with_rowid": False},)


# lane_day_counts counted afresh from the events, on either engine: what an upgrade fills the
# table with and what `desktopapp check` compares it with.
LANE_DAY_RECOUNT = (
    "SELECT lane, start_date, count(*) FROM ("
    "SELECT ea.actor_id AS lane, e.start_date FROM event_actors ea "
    "JOIN events e ON e.id = ea.event_id WHERE ea.role = 'acting' "
    "UNION ALL SELECT 0, e.start_date FROM events e WHERE NOT EXISTS ("
    "SELECT 1 FROM event_actors ea WHERE ea.event_id = e.id AND ea.role = 'acting')"
    ") AS lanes GROUP BY lane, start_date"
)


class ActorSpanRow(Base):
    """Each actor's events' start and end days (yyyymmdd, sorted, packed little-endian
    int32), per event type: counting every actor's events in a date range is then a few
    bisections per actor (see db/actor_spans.py). Written by the builder after the events."""

    __tablename__ = "actor_spans"
    actor_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    type_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    starts: Mapped[bytes] = mapped_column(LargeBinary)
    ends: Mapped[bytes] = mapped_column(LargeBinary)


# The counts above are kept exact under insert, update and delete by triggers, whichever
# program writes the rows (see db/dialect/sqlite.py and postgresql.py); what the indexes need
# (PostgreSQL's day function) is made before the tables.
for _dialect in (sqlite, postgresql):
    for _statement in _dialect.preparation_ddl():
        event.listen(
            Base.metadata, "before_create", DDL(_statement).execute_if(dialect=_dialect.NAME)
        )
    for _statement in _dialect.maintenance_ddl():
        event.listen(
            Base.metadata, "after_create", DDL(_statement).execute_if(dialect=_dialect.NAME)
        )


# A quote longer than this many characters is also listed in ix_quotes_long. The condition is
# written out, not bound, so that both engines' planners see the partial index's own terms.
LONG_QUOTE = 2_000
LONG_QUOTE_SQL = f'"end" - start > {LONG_QUOTE}'
_IS_LONG_QUOTE = text(LONG_QUOTE_SQL)  # (QuoteRow's own column "text" hides the function)


class QuoteRow(Base):
    __tablename__ = "quotes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id"), index=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"))
    position: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    # W3C TextQuoteSelector: up to 32 characters of the source before and after the quote,
    # so that it can be re-anchored (or shown ambiguous) if offsets are ever in doubt.
    prefix: Mapped[str] = mapped_column(Text, default="", server_default="")
    suffix: Mapped[str] = mapped_column(Text, default="", server_default="")

    # The article pane reads the quotes of one stretch of one source (quote_spans(within=)):
    # those starting at most LONG_QUOTE characters before it are a range of the first index;
    # the few longer ones that may reach into it, a range of the second, by where they end
    # (see repository._reaching_into).
    __table_args__ = (
        Index("ix_quotes_source_start", "source_id", "start"),
        Index(
            "ix_quotes_long",
            "source_id",
            "end",
            sqlite_where=_IS_LONG_QUOTE,
            postgresql_where=_IS_LONG_QUOTE,
        ),
    )


class QuoteTranslationRow(Base):
    """A quote's words translated into a language, shown beside the quote and labelled as a
    translation: the quote itself stays the source's words."""

    __tablename__ = "quote_translations"
    quote_id: Mapped[int] = mapped_column(ForeignKey("quotes.id"), primary_key=True)
    language: Mapped[str] = mapped_column(String(16), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    __table_args__ = ({"sqlite_with_rowid": False},)


class EventLinkRow(Base):
    """A link an event carries (an imported slide's media, thumbnail or background), stored
    as given; whatever shows or exports it passes it through domain/links.link_target."""

    __tablename__ = "event_links"
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # media, thumbnail, background
    url: Mapped[str] = mapped_column(Text)
    credit: Mapped[str] = mapped_column(Text, default="")
    caption: Mapped[str] = mapped_column(Text, default="")


class HistoryRow(Base):
    """The audit trail: one row per field changed by an edit (or one for a whole add/delete),
    with when (UTC, ISO 8601), who, what (old and new values as JSON) and why."""

    __tablename__ = "history"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    change: Mapped[int] = mapped_column(Integer)  # rows of one command share this number
    at: Mapped[str] = mapped_column(String(32))
    author: Mapped[str] = mapped_column(Text)
    command: Mapped[str] = mapped_column(Text)
    entity_kind: Mapped[str] = mapped_column(String(16))
    entity_key: Mapped[str] = mapped_column(String(128), index=True)
    field: Mapped[str] = mapped_column(String(64))
    old_value: Mapped[str] = mapped_column(Text)
    new_value: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="")


# The full-text index over what a person may search for (see db/dialect/sqlite.py).
FTS_DDL = SEARCH_INDEX_DDL
