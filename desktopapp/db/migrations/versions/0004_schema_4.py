"""Schema 4, the baseline: everything a timeline had when it first could be edited.

Quotes keep the text around them, a date may be cited by a sentence of any source, edits are
recorded in ``history``, and triggers keep the count tables exact. Files of schema 4 made
before migrations existed are stamped with this revision, then upgraded; files of schema 1-3
are read-only builds, upgraded by rebuilding them (ingest/upgrade.py), never through here.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desktopapp.db.dialect import postgresql, sqlite
from desktopapp.db.migrations.steps import engine_dialect, run_dialect_ddl, set_schema_version
from desktopapp.db.schema import APPLICATION_ID

revision = "0004"
down_revision = None
branch_labels = None
depends_on = None

NO_ROWID = {"sqlite_with_rowid": False}


def upgrade() -> None:
    dialect = engine_dialect()
    run_dialect_ddl(dialect.preparation_ddl())  # what the indexes use (PostgreSQL's day function)
    op.create_table(
        "meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    _reference_tables()
    _event_tables()
    _count_tables()
    op.create_table(
        "history",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("change", sa.Integer(), nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("command", sa.Text(), nullable=False),
        sa.Column("entity_kind", sa.String(16), nullable=False),
        sa.Column("entity_key", sa.String(128), nullable=False),
        sa.Column("field", sa.String(64), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=False),
        sa.Column("new_value", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
    )
    op.create_index("ix_history_entity_key", "history", ["entity_key"])
    run_dialect_ddl(dialect.count_maintenance_ddl())  # the triggers that keep the counts
    run_dialect_ddl(dialect.search_index_ddl())
    op.execute(
        sa.text("INSERT INTO meta (key, value) VALUES ('application', :id)").bindparams(
            id=APPLICATION_ID
        )
    )
    set_schema_version(4)


def _reference_tables() -> None:
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("key", sa.String(128), nullable=False, unique=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("outlet", sa.Text(), nullable=False),
        sa.Column("language", sa.String(16), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("published_edtf", sa.String(64), nullable=False),
        sa.Column("published_note", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
    )
    op.create_table(
        "citations",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("key", sa.String(128), nullable=False, unique=True),
        sa.Column("outlet", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("published_edtf", sa.String(64), nullable=False),
    )
    op.create_table(
        "actors",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("key", sa.String(128), nullable=False, unique=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
    )
    op.create_table(
        "actor_names",
        sa.Column("actor_id", sa.Integer(), sa.ForeignKey("actors.id"), primary_key=True),
        sa.Column("name", sa.Text(), primary_key=True),
        sa.Column("folded", sa.Text(), nullable=False),
        sa.Column("is_alias", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_actor_names_folded", "actor_names", ["folded"])
    op.create_table(
        "event_types",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("slug", sa.String(128), nullable=False, unique=True),
        sa.Column("label", sa.Text(), nullable=False),
    )


def _event_tables() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("key", sa.String(128), nullable=False, unique=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("type_id", sa.Integer(), sa.ForeignKey("event_types.id"), nullable=False),
        sa.Column("date_edtf", sa.String(64), nullable=False),
        sa.Column("start_date", sa.String(10), nullable=False),
        sa.Column("end_date", sa.String(10), nullable=False),
        sa.Column("precision", sa.String(16), nullable=False),
        sa.Column("approximate", sa.Boolean(), nullable=False),
        sa.Column("uncertain", sa.Boolean(), nullable=False),
        sa.Column("citation_id", sa.Integer(), sa.ForeignKey("citations.id"), nullable=True),
        sa.Column("citation_source_id", sa.Integer(), sa.ForeignKey("sources.id"), nullable=True),
        sa.Column("citation_start", sa.Integer(), nullable=True),
        sa.Column("citation_end", sa.Integer(), nullable=True),
        sa.Column("citation_quote", sa.Text(), nullable=False),
        sa.Column("citation_note", sa.Text(), nullable=False),
        sa.Column("actor_names", sa.Text(), nullable=False),
    )
    op.create_index("ix_events_start_end", "events", ["start_date", "end_date", "type_id"])
    op.create_index("ix_events_end", "events", ["end_date", "start_date"])
    op.create_index("ix_events_type_start", "events", ["type_id", "start_date"])
    op.create_index("ix_events_title", "events", [sa.text("lower(title)")])
    op.create_index(
        "ix_events_actor_names", "events", [sa.text("lower(actor_names)"), "start_date"]
    )
    op.create_index(
        "ix_events_long_span",
        "events",
        ["end_date", "start_date"],
        sqlite_where=sa.text(sqlite.LONG_SPAN_SQL),
        postgresql_where=sa.text(postgresql.LONG_SPAN_SQL),
    )
    op.create_table(
        "event_actors",
        sa.Column("event_id", sa.Integer(), sa.ForeignKey("events.id"), primary_key=True),
        sa.Column("actor_id", sa.Integer(), sa.ForeignKey("actors.id"), primary_key=True),
        sa.Column("role", sa.String(16), primary_key=True),
        **NO_ROWID,
    )
    op.create_index("ix_event_actors_actor", "event_actors", ["actor_id", "event_id"])
    op.create_table(
        "quotes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("event_id", sa.Integer(), sa.ForeignKey("events.id"), nullable=False),
        sa.Column("source_id", sa.Integer(), sa.ForeignKey("sources.id"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("prefix", sa.Text(), nullable=False, server_default=""),
        sa.Column("suffix", sa.Text(), nullable=False, server_default=""),
    )
    op.create_index("ix_quotes_event_id", "quotes", ["event_id"])


def _count_tables() -> None:
    op.create_table(
        "day_type_counts",
        sa.Column("start_date", sa.String(10), primary_key=True),
        sa.Column("type_id", sa.Integer(), primary_key=True),
        sa.Column("events", sa.Integer(), nullable=False),
        **NO_ROWID,
    )
    op.create_table(
        "actor_type_counts",
        sa.Column("actor_id", sa.Integer(), primary_key=True),
        sa.Column("type_id", sa.Integer(), primary_key=True),
        sa.Column("events", sa.Integer(), nullable=False),
        **NO_ROWID,
    )
    op.create_table(
        "actor_spans",
        sa.Column("actor_id", sa.Integer(), primary_key=True),
        sa.Column("type_id", sa.Integer(), primary_key=True),
        sa.Column("starts", sa.LargeBinary(), nullable=False),
        sa.Column("ends", sa.LargeBinary(), nullable=False),
    )


def downgrade() -> None:
    dialect = engine_dialect()
    op.get_bind().exec_driver_sql(f"DROP TABLE IF EXISTS {dialect.SEARCH_INDEX}")
    for table in (
        "history", "actor_spans", "actor_type_counts", "day_type_counts", "quotes",
        "event_actors", "events", "event_types", "actor_names", "actors", "citations",
        "sources", "meta",
    ):  # fmt: skip
        op.drop_table(table)
