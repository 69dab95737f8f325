"""Schema 5: sources name their author; an imported event keeps what the other tool said of
it (claim_text, claim_origin, plain text) and its media links (event_links).

SQLite adds and drops these columns in place (ALTER TABLE ADD/DROP COLUMN, SQLite 3.35 on),
so no batch is needed: a batch that copies ``events`` into a new table would drop the
triggers that keep the counts. A change SQLite cannot do in place (a new constraint, a
changed type) goes in ``op.batch_alter_table`` and recreates the triggers afterwards.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desktopapp.db.migrations.steps import set_schema_version

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _text_column(name: str) -> sa.Column:
    return sa.Column(name, sa.Text(), nullable=False, server_default="")


def upgrade() -> None:
    op.add_column("sources", _text_column("author"))
    op.add_column("events", _text_column("claim_text"))
    op.add_column("events", _text_column("claim_origin"))
    op.create_table(
        "event_links",
        sa.Column("event_id", sa.Integer(), sa.ForeignKey("events.id"), primary_key=True),
        sa.Column("position", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("credit", sa.Text(), nullable=False),
        sa.Column("caption", sa.Text(), nullable=False),
    )
    set_schema_version(5)


def downgrade() -> None:
    op.drop_table("event_links")
    op.drop_column("events", "claim_origin")
    op.drop_column("events", "claim_text")
    op.drop_column("sources", "author")
    set_schema_version(4)
