#!/usr/bin/env bash
# Build the PyInstaller one-folder bundle from a clean virtual environment.
#
#   packaging/build-bundle.sh            -> packaging/dist/desktopapp/ (the bundle folder)
#
# Creates packaging/build/venv afresh, installs the app from this source tree as a regular
# (not editable) package plus PyInstaller, then runs packaging/desktopapp.spec. Prints the
# bundle's size and the build time. Works on Linux and macOS (bash); on Windows, run the same
# steps by hand (see packaging/README.md).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
python="${PYTHON:-python3}"
pyinstaller_version="${PYINSTALLER_VERSION:-6.*}"

started=$(date +%s)
rm -rf "$here/build/venv" "$here/build/pyinstaller" "$here/dist"
mkdir -p "$here/build"
"$python" -m venv "$here/build/venv"
if [ -x "$here/build/venv/bin/python" ]; then venv_python="$here/build/venv/bin/python"
else venv_python="$here/build/venv/Scripts/python.exe"; fi
"$venv_python" -m pip install -q --upgrade pip
# A regular install (a wheel built from the tree), so the bundle holds exactly what a wheel does.
"$venv_python" -m pip install -q "$root" "pyinstaller==$pyinstaller_version"
# From a neutral folder: the source tree must not shadow the installed package.
cd "$here/build"
# The window's translations, compiled into the installed package (its build was isolated from
# PySide6, whose lrelease does it): the bundle ships the .qm, not the .ts.
"$venv_python" -m desktopapp.i18n compile
"$venv_python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --workpath "$here/build/pyinstaller" --distpath "$here/dist" "$here/desktopapp.spec"
finished=$(date +%s)

bundle="$here/dist/desktopapp"
echo "Bundle: $bundle"
echo "Bundle size: $(du -sh "$bundle" | cut -f1) ($(find "$bundle" -type f | wc -l) files)"
if [ -d "$here/dist/desktopapp.app" ]; then
    echo "macOS app: $here/dist/desktopapp.app ($(du -sh "$here/dist/desktopapp.app" | cut -f1))"
fi
echo "Build time: $((finished - started)) s"
