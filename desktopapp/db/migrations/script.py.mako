"""${message}

Revision ${up_revision} (schema ${int(up_revision)}), after ${down_revision | comma,n}.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
${imports if imports else ""}
from desktopapp.db.migrations.steps import set_schema_version

revision = ${repr(up_revision)}
down_revision = ${repr(down_revision)}
branch_labels = None
depends_on = None


def upgrade() -> None:
    ${upgrades if upgrades else "# op.add_column(...), op.create_table(...): see 0005_schema_5.py"}
    set_schema_version(${int(up_revision)})


def downgrade() -> None:
    ${downgrades if downgrades else "# the same, undone in reverse order"}
    set_schema_version(${int(down_revision)})
