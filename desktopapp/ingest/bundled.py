"""The database bundled with the app: built from the shipped article and annotations.

It lives in the user's data folder, is built on first use, and is rebuilt whenever the
shipped annotations (or the schema) change, with nothing for the user to do.
"""

from __future__ import annotations

import hashlib
import os
from importlib import resources
from pathlib import Path

from desktopapp.db.engine import DatabaseError, open_database
from desktopapp.db.sample import (
    APP_NAME,
    DATA_DIR_VARIABLE,
    DATABASE_NAME,
    data_dir,
    default_database_path,
)
from desktopapp.domain.l10n import _
from desktopapp.ingest.annotations import load_annotations
from desktopapp.ingest.builder import BuildError, build_database

__all__ = ["APP_NAME", "DATABASE_NAME", "data_dir", "default_database_path", "ensure_data_dir"]


def resource_path(name: str) -> Path:
    """A file shipped in the package's resources (an installed wheel or the source tree)."""
    return Path(str(resources.files("desktopapp.resources").joinpath(name)))


def annotations_path() -> Path:
    return resource_path("annotations.toml")


def ensure_data_dir() -> Path:
    """The data folder, created if needed; BuildError in one line if it cannot be."""
    folder = data_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        if isinstance(error, FileExistsError) or folder.exists():
            problem = _("it is a file, not a folder")
        elif isinstance(error, NotADirectoryError):
            problem = _("a part of that path is a file, not a folder")
        else:
            problem = error.strerror or str(error)
        if os.environ.get(DATA_DIR_VARIABLE):
            words = _("the data folder {folder} (set by {variable}) cannot be used: {reason}")
        else:
            words = _("the data folder {folder} cannot be used: {reason}")
        raise BuildError(
            words.format(folder=folder, variable=DATA_DIR_VARIABLE, reason=problem)
        ) from error
    if not folder.is_dir():
        raise BuildError(
            _("the data folder {folder} cannot be used: {reason}").format(
                folder=folder, reason=_("it is not a folder")
            )
        )
    return folder


def ensure_default_database() -> Path:
    """Build or rebuild the bundled database if it is missing or stale; return its path."""
    target = default_database_path()
    wanted = hashlib.sha256(annotations_path().read_bytes()).hexdigest()
    if _built_from(target) != wanted:
        ensure_data_dir()
        build_database(load_annotations(annotations_path()), target)
    return target


def _built_from(path: Path) -> str | None:
    if not path.exists():
        return None
    try:
        engine = open_database(path)
    except DatabaseError:
        return None  # stale schema or damaged: rebuilt from the shipped annotations
    try:
        from desktopapp.db.repository import EventRepository

        return EventRepository(engine).meta.get("annotations_sha256")
    finally:
        engine.dispose()
