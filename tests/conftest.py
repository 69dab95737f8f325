"""Shared fixtures: every test runs with its own data folder and offscreen Qt."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktopapp.db.engine import open_database
from desktopapp.db.repository import EventRepository
from desktopapp.domain import l10n
from desktopapp.ingest.annotations import load_annotations
from desktopapp.ingest.builder import build_database
from desktopapp.ingest.bundled import annotations_path
from tests.pg_server import PostgresServer, ServerMissing, running_server

ARTICLE_PATH = Path(__file__).resolve().parent.parent / "resources" / "source-article.fr.txt"


@pytest.fixture(scope="session")
def shared_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache folder for the session: the French catalogue is compiled once, not per test."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def isolated_data_dir(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    shared_cache_dir: Path,
) -> Path:
    """Point the app's data folder and Qt's settings at a fresh temporary folder."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("DESKTOPAPP_DATA_DIR", str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(folder / "share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(shared_cache_dir))
    return folder


@pytest.fixture(autouse=True)
def english_by_default(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test starts in English, the source language, whatever the machine's locale (a
    French desktop would otherwise run the suite in French), and ends in it too."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    l10n.use_language(l10n.SOURCE_LANGUAGE)
    yield
    l10n.use_language(l10n.SOURCE_LANGUAGE)


@pytest.fixture
def translators(qapp) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """The application's translators (ui.translations.Translators), taken off again and the
    default locale and the application's name put back after the test, so French never
    leaks into the next one."""
    import platformdirs
    from PySide6.QtCore import QLocale
    from PySide6.QtGui import QGuiApplication

    from desktopapp.ui.translations import Translators

    before, name = QLocale(), QGuiApplication.applicationDisplayName()
    speaking = Translators(qapp, platformdirs.user_cache_path("desktopapp"))
    yield speaking
    speaking.remove()
    QLocale.setDefault(before)
    QGuiApplication.setApplicationDisplayName(name)


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
def pg_server() -> Iterator[PostgresServer]:
    """One PostgreSQL cluster for the whole session; a missing server fails, never skips.
    Its folder is outside pytest's temporary tree, whose modes the server user cannot rely on."""
    folder = Path(tempfile.mkdtemp(prefix="desktopapp-pg-"))
    try:
        with running_server(folder) as server:
            yield server
    except ServerMissing as error:
        pytest.fail(str(error), pytrace=False)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server: PostgresServer) -> Iterator[str]:
    """The URL of a fresh, empty database on the session's server, dropped afterwards."""
    name = pg_server.new_database()
    yield pg_server.url(name)
    pg_server.drop_database(name)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine_kind(request: pytest.FixtureRequest) -> str:
    """Run the test once on a timeline file and once on the PostgreSQL server."""
    return str(request.param)


@pytest.fixture
def timeline_location(engine_kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """Where a new timeline may be created on this engine: a file name not yet taken, or the
    URL of an empty database."""
    if engine_kind == "postgres":
        return str(request.getfixturevalue("pg_url"))
    return str(tmp_path / "t.timeline")


@pytest.fixture(scope="session")
def pg_article_url(pg_server: PostgresServer, article_db: Path) -> str:
    """The article's timeline copied onto the session's server once (tests only read it)."""
    from desktopapp.db.copying import copy_timeline_rows

    url = pg_server.url(pg_server.new_database())
    copy_timeline_rows(str(article_db), url)
    return url


@pytest.fixture
def repository_on_each_engine(
    engine_kind: str, article_db: Path, request: pytest.FixtureRequest
) -> Iterator[EventRepository]:
    """The article's repository, from the file and from the server (the same timeline)."""
    location = (
        str(request.getfixturevalue("pg_article_url")) if engine_kind == "postgres" else article_db
    )
    engine = open_database(location)
    yield EventRepository(engine)
    engine.dispose()
