"""Check the Flatpak manifest as far as this machine can without flatpak-builder's network.

    python packaging/flatpak/check_manifest.py   # needs PyYAML; exit status 1 on any problem

It checks that the YAML parses, that the ids, command and runtimes agree with the rest of the
packaging, that every Python dependency of pyproject.toml (except PySide6, which the BaseApp
provides) is pinned as a hashed wheel (a compiled one once per architecture), and that every
file the build commands install exists in the source tree. When flatpak-builder is installed
it also runs ``flatpak-builder --show-manifest`` on it. It does not download the wheels or
build anything.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
APP_ID = "io.github.desktopapp.Timeline"
MANIFEST = HERE / f"{APP_ID}.yml"
PROVIDED_BY_BASEAPP = {"pyside6-essentials", "pyside6", "shiboken6"}
REQUIRED_ALSO = {"typing-extensions", "tzdata"}  # dependencies of SQLAlchemy and dateutil
# What trafilatura needs, down to the leaves (pip show, recursively).
REQUIRED_ALSO |= {"courlan", "babel", "tld", "urllib3", "htmldate", "dateparser", "regex"}
REQUIRED_ALSO |= {"tzlocal", "pytz", "charset-normalizer", "certifi", "justext", "lxml"}
REQUIRED_ALSO |= {"psycopg-binary"}  # psycopg[binary]: the compiled libpq binding
REQUIRED_ALSO |= {"mako", "markupsafe"}  # what Alembic needs
# What keyring needs on Linux (Python 3.12), down to the leaves.
REQUIRED_ALSO |= {"jaraco-classes", "jaraco-functools", "jaraco-context", "more-itertools"}
REQUIRED_ALSO |= {"secretstorage", "jeepney", "cryptography", "cffi", "pycparser"}
ARCHES = {"x86_64", "aarch64"}


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def problems() -> list[str]:
    found: list[str] = []
    manifest = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]

    if manifest.get("id") != APP_ID:
        found.append(f"id is {manifest.get('id')!r}, expected {APP_ID!r}")
    if manifest.get("command") not in project["scripts"]:
        found.append(f"command {manifest.get('command')!r} is not a script of pyproject.toml")
    if manifest.get("base") != "io.qt.PySide.BaseApp" or manifest.get("runtime") != (
        "org.kde.Platform"
    ):
        found.append("expected base io.qt.PySide.BaseApp on runtime org.kde.Platform")
    if str(manifest.get("runtime-version")) != str(manifest.get("base-version")):
        found.append("runtime-version and base-version differ")
    if not str(manifest.get("runtime-version", "")).startswith("6."):
        found.append("the runtime is not a Qt 6 KDE runtime")

    modules = {module["name"]: module for module in manifest["modules"]}
    wheels: set[str] = set()
    compiled: dict[str, set[str]] = {}
    for source in modules["python3-dependencies"]["sources"]:
        url, digest = source.get("url", ""), source.get("sha256", "")
        if source.get("type") != "file" or not url.startswith("https://"):
            found.append(f"not an https file source: {source}")
        if not re.fullmatch(r"[0-9a-f]{64}", digest):
            found.append(f"{url}: no sha256")
        filename = url.rsplit("/", 1)[-1]
        name = normalise(filename.split("-")[0])
        if filename.endswith("-none-any.whl"):
            wheels.add(name)
        elif source.get("only-arches") in (["x86_64"], ["aarch64"]) and (
            source["only-arches"][0] in filename
        ):
            compiled.setdefault(name, set()).add(source["only-arches"][0])
        else:
            found.append(f"{filename}: a compiled wheel needs only-arches with its architecture")
    for name, arches in sorted(compiled.items()):
        if arches == ARCHES:
            wheels.add(name)
        else:
            found.append(f"{name}: compiled wheels for {sorted(arches)}, not {sorted(ARCHES)}")
    wanted = {normalise(re.split(r"[<>=!~;\[ ]", dep)[0]) for dep in project["dependencies"]}
    for name in sorted((wanted - PROVIDED_BY_BASEAPP) | REQUIRED_ALSO):
        if name not in wheels:
            found.append(f"dependency {name} has no wheel in the manifest")

    app = modules["desktopapp"]
    sources = [source for source in app["sources"] if source.get("type") == "dir"]
    tree = (MANIFEST.parent / sources[0]["path"]).resolve() if sources else None
    if tree != ROOT:
        found.append(f"the app's dir source is {tree}, not the repository root {ROOT}")
    for command in app["build-commands"]:
        expanded = command.replace("${FLATPAK_ID}", APP_ID)
        if "${size}" in expanded:
            expanded = " ".join(expanded.replace("${size}", str(size)) for size in (16, 512))
        for path in re.findall(r"(?:packaging|resources)/[\w./-]+", expanded):
            if not (ROOT / path).is_file():
                found.append(f"build command installs a missing file: {path}")

    builder = shutil.which("flatpak-builder")
    if builder:
        result = subprocess.run(
            [builder, "--show-manifest", str(MANIFEST)], capture_output=True, text=True
        )
        if result.returncode != 0:
            found.append(f"flatpak-builder --show-manifest failed: {result.stderr.strip()}")
        else:
            print("flatpak-builder --show-manifest: the manifest loads")
    else:
        print("flatpak-builder is not installed: its own parsing was not checked")
    return found


def main() -> int:
    found = problems()
    for problem in found:
        print(f"{MANIFEST.name}: {problem}", file=sys.stderr)
    if not found:
        print(f"{MANIFEST.name}: ok")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
