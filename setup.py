"""Compile the window's translations into the package at build time (the rest of the build is
declared in pyproject.toml).

Qt's ``lrelease`` turns each ``desktopapp/i18n/*.ts`` into the ``.qm`` that Qt loads, with the
``.ts``'s SHA-256 beside it, so the app knows the compiled file matches the catalogue whatever
times the installer gives the files. ``lrelease`` ships with PySide6, which an isolated build
(``pip install .``) does not have: the build then ships the ``.ts`` alone, and the app compiles
it on first use (desktopapp/ui/translations.py). An editable install is left alone the same way.
Builds that have PySide6 at hand compile here: the Flatpak (``--no-build-isolation`` on the
PySide6 BaseApp); the PyInstaller bundle compiles after installing (packaging/build-bundle.sh).
"""

from __future__ import annotations

import hashlib
import importlib.util
import shutil
import subprocess
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

CATALOGUES = Path("desktopapp") / "i18n"


def lrelease() -> str | None:
    """Qt's lrelease inside the PySide6 this build can import, else one on PATH."""
    spec = importlib.util.find_spec("PySide6")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        for name in ("lrelease", "lrelease.exe"):
            if (Path(folder) / name).is_file():
                return str(Path(folder) / name)
    return shutil.which("pyside6-lrelease")


class BuildWithTranslations(build_py):
    """build_py, then each .ts compiled to .qm (+ its source's digest) into the build."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        tool = lrelease()
        if tool is None:
            self.announce("no pyside6-lrelease: the .qm are compiled on first use", level=2)
            return
        for source in sorted(CATALOGUES.glob("*.ts")):
            target = Path(self.build_lib) / CATALOGUES / f"{source.stem}.qm"
            target.parent.mkdir(parents=True, exist_ok=True)
            command = [tool, "-silent", str(source), "-qm", str(target)]
            try:  # a pyside6-lrelease on PATH may not import its PySide6 in this build
                subprocess.run(command, check=True, capture_output=True)
            except (OSError, subprocess.CalledProcessError) as error:
                target.unlink(missing_ok=True)
                self.announce(f"{tool} failed ({error}): compiled on first use", level=2)
                continue
            digest = hashlib.sha256(source.read_bytes()).hexdigest()
            target.with_name(target.name + ".sha256").write_text(digest + "\n", encoding="ascii")


setup(cmdclass={"build_py": BuildWithTranslations})
