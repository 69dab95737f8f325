"""The throwaway PostgreSQL server the engine tests run against is real and isolated."""

from __future__ import annotations

import pytest

from tests.pg_server import PostgresServer


@pytest.mark.postgres
def test_each_test_gets_its_own_empty_database(pg_server: PostgresServer, pg_url: str) -> None:
    name = pg_url.rsplit("/", 1)[-1]
    with pg_server.connect(name) as connection:
        tables = connection.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchone()
        version = connection.execute("SHOW server_version_num").fetchone()
        user = connection.execute("SELECT current_user").fetchone()
    assert tables == (0,)
    assert version is not None and int(version[0]) >= 150000
    assert user is not None and user[0] != "root"


def test_missing_binaries_say_what_to_install(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests import pg_server

    monkeypatch.setattr(pg_server, "BINARIES", (tmp_path / "nowhere",))
    monkeypatch.setenv("PATH", str(tmp_path))
    with (
        pytest.raises(pg_server.ServerMissing, match="apt-get install -y postgresql"),
        pg_server.running_server(tmp_path / "cluster"),
    ):
        pass
