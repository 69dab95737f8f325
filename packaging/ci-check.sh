#!/usr/bin/env bash
# Packaging checks, run by .ci/run after the test suite (and by hand: packaging/ci-check.sh).
#
#  1. desktop-file-validate and appstreamcli validate --no-net on the Linux metadata;
#  2. the PyInstaller bundle, built from a clean venv (packaging/build-bundle.sh), and its
#     smoke test (packaging/smoke-test.sh);
#  3. the regular (non-editable) install made for the bundle, run from a neutral folder: the
#     wheel alone must hold everything (`list --json`, the icons);
#  4. packaging/linux/install.sh and uninstall.sh into a temporary HOME, pointed at the bundle;
#  5. the Flatpak manifest (packaging/flatpak/check_manifest.py).
# Needs desktop-file-utils and appstream (apt-get install desktop-file-utils appstream).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
APP_ID="io.github.desktopapp.Timeline"
started=$(date +%s)
step() { echo; echo "== $* ($(( $(date +%s) - started )) s)"; }

step "Desktop entry and AppStream metadata"
for tool in desktop-file-validate appstreamcli; do
    command -v "$tool" >/dev/null || {
        echo "ci-check: $tool is missing: apt-get install desktop-file-utils appstream" >&2; exit 1; }
done
desktop-file-validate "$here/linux/$APP_ID.desktop"
echo "desktop-file-validate: ok"
appstreamcli validate --no-net "$here/linux/$APP_ID.metainfo.xml"

step "PyInstaller bundle"
"$here/build-bundle.sh"
bundle="$here/dist/desktopapp"
"$here/smoke-test.sh" "$bundle"

step "Regular install, used from outside the source tree"
venv="$here/build/venv"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
(
    cd "$scratch"
    export DESKTOPAPP_DATA_DIR="$scratch/data" QT_QPA_PLATFORM=offscreen
    "$venv/bin/desktopapp" list --json > events.json
    "$venv/bin/python" - <<'PY'
import json
from pathlib import Path

import desktopapp
from desktopapp.ui.icon import app_icon_path

# The build venv lives under packaging/build/, so "not from the source tree" means: from the
# venv's site-packages, not from the tree's desktopapp/ or resources/ folders.
where = Path(desktopapp.__file__).resolve()
assert "site-packages" in where.parts, f"desktopapp was imported from the source tree: {where}"
events = json.load(open("events.json", encoding="utf-8"))
assert len(events) == 18, f"expected 18 events, got {len(events)}"
icon = app_icon_path()
assert icon.is_file() and "site-packages" in icon.resolve().parts, f"icon not in the wheel: {icon}"
print(f"ok: installed package at {where.parent}: 18 events, icon {icon.name}")
PY
)

step "Linux user install and uninstall (temporary HOME)"
home="$scratch/home"
mkdir -p "$home"
# Through a link in the scratch folder: install.sh rightly refuses a path with spaces, and the
# CI checkout's path is not ours to choose.
ln -s "$bundle" "$scratch/bundle"
env -u XDG_DATA_HOME HOME="$home" "$here/linux/install.sh" "$scratch/bundle"
share="$home/.local/share"
installed="$share/applications/$APP_ID.desktop"
grep -qx "Exec=$scratch/bundle/desktopapp open %f" "$installed" || { echo "ci-check: wrong Exec in $installed" >&2; exit 1; }
desktop-file-validate "$installed"
appstreamcli validate --no-net "$share/metainfo/$APP_ID.metainfo.xml" >/dev/null
for size in 16 24 32 48 64 128 256 512; do
    test -s "$share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done
test -s "$share/icons/hicolor/scalable/apps/$APP_ID.svg"
env -u XDG_DATA_HOME HOME="$home" "$here/linux/uninstall.sh"
left="$(find "$home" -type f -name "$APP_ID*")"
[ -z "$left" ] || { echo "ci-check: uninstall left files behind: $left" >&2; exit 1; }
echo "ok: install.sh and uninstall.sh"

step "Flatpak manifest"
"$venv/bin/python" -m pip install -q pyyaml
"$venv/bin/python" "$here/flatpak/check_manifest.py"

step "Packaging checks passed"
