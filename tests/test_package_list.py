"""Every Python package of the source tree is installed by ``pip install .``.

pyproject.toml lists the packages by hand (resources/ is mapped into the package); a
subpackage missing from that list is absent from a non-editable install, and the window then
fails to start with "No module named ...", which editable installs and the tests never see."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_source_package_is_in_the_installed_list() -> None:
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    in_tree = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "desktopapp").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert in_tree - listed == set()
