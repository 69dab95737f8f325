"""Schema 7: data in several languages, and quotes indexed by source and start.

- ``event_texts``: an event's title, summary and date note in another language than its own;
- ``quote_translations``: a quote's words translated (shown beside it, labelled);
- ``events.language`` and ``actor_names.language``: the language of an event's own words and
  of each name an actor answers to ("" where it is not stated, as in every older file: a
  language is never guessed);
- ``ix_quotes_source_start`` and ``ix_quotes_long`` (the few quotes longer than
  LONG_QUOTE): the article pane's read of one stretch of a source.

An older file has no translations, so there is nothing to fill and its search index already
holds all its words. Columns are added in place (see 0005 for why no batch), all in the
upgrade's one transaction.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desktopapp.db.migrations.steps import set_schema_version
from desktopapp.db.schema import LONG_QUOTE_SQL

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def _language_column() -> sa.Column:
    return sa.Column("language", sa.String(16), nullable=False, server_default="")


def upgrade() -> None:
    op.add_column("events", _language_column())
    op.add_column("actor_names", _language_column())
    op.create_table(
        "event_texts",
        sa.Column("event_id", sa.Integer(), sa.ForeignKey("events.id"), primary_key=True),
        sa.Column("language", sa.String(16), primary_key=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False, server_default=""),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "quote_translations",
        sa.Column("quote_id", sa.Integer(), sa.ForeignKey("quotes.id"), primary_key=True),
        sa.Column("language", sa.String(16), primary_key=True),
        sa.Column("text", sa.Text(), nullable=False),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_quotes_source_start", "quotes", ["source_id", "start"])
    op.create_index(
        "ix_quotes_long",
        "quotes",
        ["source_id", "end"],
        sqlite_where=sa.text(LONG_QUOTE_SQL),
        postgresql_where=sa.text(LONG_QUOTE_SQL),
    )
    set_schema_version(7)


def downgrade() -> None:
    op.drop_index("ix_quotes_long", "quotes")
    op.drop_index("ix_quotes_source_start", "quotes")
    op.drop_table("quote_translations")
    op.drop_table("event_texts")
    op.drop_column("actor_names", "language")
    op.drop_column("events", "language")
    set_schema_version(6)
