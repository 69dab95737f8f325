"""Schema 6: the timeline's lanes by acting actor are counted per start day
(``lane_day_counts``), kept by triggers like the other counts, so that the timeline's
unfiltered overview never groups every event with its actors.

The table is filled from the events as they stand, then the triggers are made, all in the
upgrade's one transaction: a file or server is upgraded whole or not at all.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desktopapp.db.migrations.steps import engine_dialect, run_dialect_ddl, set_schema_version
from desktopapp.db.schema import LANE_DAY_RECOUNT

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# The triggers (and, on PostgreSQL, their functions) that 0006 makes: dropped by downgrade.
_TRIGGERS = {
    "events": ("count_event_lane", "uncount_event_lane", "recount_event_lane"),
    "event_actors": ("count_acting_lane", "uncount_acting_lane"),
}
_FUNCTIONS = ("keep_lane_day_counts()", "count_acting_lanes()", "uncount_acting_lanes()",
              "lane_of(integer)")  # fmt: skip


def upgrade() -> None:
    op.create_table(
        "lane_day_counts",
        sa.Column("actor_id", sa.Integer(), primary_key=True),
        sa.Column("start_date", sa.String(10), primary_key=True),
        sa.Column("events", sa.Integer(), nullable=False),
        sqlite_with_rowid=False,
    )
    op.execute(
        sa.text(f"INSERT INTO lane_day_counts (actor_id, start_date, events) {LANE_DAY_RECOUNT}")
    )
    run_dialect_ddl(engine_dialect().lane_maintenance_ddl())
    set_schema_version(6)


def downgrade() -> None:
    postgres = engine_dialect().NAME == "postgresql"
    for table, triggers in _TRIGGERS.items():
        for trigger in triggers:
            on_table = f" ON {table}" if postgres else ""
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}{on_table}")
    if postgres:
        for function in _FUNCTIONS:
            op.execute(f"DROP FUNCTION IF EXISTS {function}")
    op.drop_table("lane_day_counts")
    set_schema_version(5)
