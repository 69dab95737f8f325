"""What the revision scripts share: the schema number they write, and the DDL of the engine
they run on, taken from its dialect module (desktopapp/db/dialect/), never copied."""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa
from alembic import op

from desktopapp.db.dialect import EngineDialect, dialect_for

_META = sa.table("meta", sa.column("key", sa.String), sa.column("value", sa.Text))


def set_schema_version(version: int) -> None:
    """Write ``meta.schema_version``: what older releases of the app read to refuse a file
    they cannot read, and what the app checks on opening."""
    bind = op.get_bind()
    found = bind.execute(sa.select(_META.c.value).where(_META.c.key == "schema_version")).first()
    if found is None:
        op.execute(_META.insert().values(key="schema_version", value=str(version)))
    else:
        op.execute(_META.update().where(_META.c.key == "schema_version").values(value=str(version)))


def engine_dialect() -> EngineDialect:
    """The dialect module of the engine being migrated (desktopapp/db/dialect/)."""
    return dialect_for(op.get_bind())


def run_dialect_ddl(statements: Iterable[str]) -> None:
    """Run the dialect's own DDL as written (no bind parameters, no %-formatting)."""
    bind = op.get_bind()
    for statement in statements:
        bind.exec_driver_sql(statement)
