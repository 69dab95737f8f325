"""Where the bundled sample timeline lives (the app's data folder), so that storage can
refuse to edit it: it is rebuilt from the shipped annotations whenever they change, which
would wipe any edit. Editing starts from a copy of it instead."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "desktopapp"
DATA_DIR_VARIABLE = "DESKTOPAPP_DATA_DIR"
DATABASE_NAME = "timeline.sqlite3"


def data_dir() -> Path:
    """Where the app keeps its own database; overridable for tests and portable use."""
    override = os.environ.get(DATA_DIR_VARIABLE)
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_database_path() -> Path:
    return data_dir() / DATABASE_NAME


def is_bundled_sample(path: Path) -> bool:
    """True if ``path`` is (or links to) the bundled sample database."""
    try:
        return path.resolve() == default_database_path().resolve()
    except OSError:
        return False
