"""Shared fixtures: every test runs with its own data folder and offscreen Qt."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktopapp.db.engine import open_database
from desktopapp.db.repository import EventRepository
from desktopapp.ingest.annotations import load_annotations
from desktopapp.ingest.builder import build_database
from desktopapp.ingest.bundled import annotations_path
from tests.pg_server import PostgresServer, ServerMissing, running_server

ARTICLE_PATH = Path(__file__).resolve().parent.parent / "resources" / "source-article.fr.txt"


@pytest.fixture(autouse=True)
def isolated_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point the app's data folder and Qt's settings at a fresh temporary folder."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("DESKTOPAPP_DATA_DIR", str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(folder / "share"))
    return folder


@pytest.fixture(scope="session")
def article_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The article's database, built once per test session from the shipped annotations."""
    path = tmp_path_factory.mktemp("article") / "article.sqlite3"
    build_database(load_annotations(annotations_path()), path)
    return path


@pytest.fixture
def repository(article_db: Path) -> Iterator[EventRepository]:
    engine = open_database(article_db)
    yield EventRepository(engine)
    engine.dispose()


@pytest.fixture(scope="session")
def article_text() -> str:
    return ARTICLE_PATH.read_text(encoding="utf-8")


@pytest.fixture
def captured_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Modal message boxes record their (plain) text instead of blocking."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        assert box.textFormat() == Qt.TextFormat.PlainText
        shown.append(f"{box.text()}\n{box.informativeText()}")
        return QMessageBox.StandardButton.Ok.value

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


# -- PostgreSQL (tests marked ``postgres``: a real throwaway server, see tests/pg_server.py) --


@pytest.fixture(scope="session")
def pg_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PostgresServer]:
    """One PostgreSQL cluster for the whole session; a missing server fails, never skips."""
    try:
        with running_server(tmp_path_factory.mktemp("postgres")) as server:
            yield server
    except ServerMissing as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture
def pg_url(pg_server: PostgresServer) -> Iterator[str]:
    """The URL of a fresh, empty database on the session's server, dropped afterwards."""
    name = pg_server.new_database()
    yield pg_server.url(name)
    pg_server.drop_database(name)
