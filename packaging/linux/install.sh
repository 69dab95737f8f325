#!/usr/bin/env bash
# Install desktopapp's launcher, icons and AppStream metadata for the current user.
#
#   packaging/linux/install.sh                    # Exec = the installed `desktopapp` command
#   packaging/linux/install.sh /opt/desktopapp    # Exec = a PyInstaller bundle folder (or its
#                                                 #        desktopapp executable)
#
# Writes under ${XDG_DATA_HOME:-~/.local/share}: applications/<id>.desktop,
# icons/hicolor/<size>/apps/<id>.png (and scalable/apps/<id>.svg), metainfo/<id>.metainfo.xml,
# mime/packages/<id>.xml (the .timeline file type).
# Nothing outside that folder is touched; packaging/linux/uninstall.sh removes exactly these.
set -euo pipefail
APP_ID="io.github.desktopapp.Timeline"
here="$(cd "$(dirname "$0")" && pwd)"
icons="$here/../../resources/icons"
share="${XDG_DATA_HOME:-$HOME/.local/share}"

if [ $# -gt 1 ] || [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ]; then
    sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi

# What the launcher runs: an absolute path, so it works whatever PATH the desktop session has.
if [ $# -eq 1 ]; then
    target="$1"
    [ -d "$target" ] && target="$target/desktopapp"
    [ -x "$target" ] || { echo "install.sh: $target is not an executable desktopapp" >&2; exit 1; }
    exe="$(cd "$(dirname "$target")" && pwd)/$(basename "$target")"
else
    exe="$(command -v desktopapp || true)"
    [ -n "$exe" ] || {
        echo "install.sh: no 'desktopapp' on PATH; install it first (pipx install .) or give a bundle folder" >&2
        exit 1
    }
    exe="$(cd "$(dirname "$exe")" && pwd)/$(basename "$exe")"
fi
case "$exe" in
    *[[:space:]\"\'\\\`\$]*) echo "install.sh: please install to a path without spaces or quotes: $exe" >&2; exit 1 ;;
esac

mkdir -p "$share/applications" "$share/metainfo" "$share/icons/hicolor/scalable/apps"
sed -e "s|^Exec=desktopapp |Exec=$exe |" -e "s|^TryExec=desktopapp\$|TryExec=$exe|" \
    "$here/$APP_ID.desktop" > "$share/applications/$APP_ID.desktop"
grep -q "^Exec=$exe open %f\$" "$share/applications/$APP_ID.desktop" \
    || { echo "install.sh: could not set Exec in the desktop file" >&2; exit 1; }
install -m 644 "$here/$APP_ID.metainfo.xml" "$share/metainfo/$APP_ID.metainfo.xml"
mkdir -p "$share/mime/packages"
install -m 644 "$here/$APP_ID.mime.xml" "$share/mime/packages/$APP_ID.xml"
for size in 16 24 32 48 64 128 256 512; do
    mkdir -p "$share/icons/hicolor/${size}x${size}/apps"
    install -m 644 "$icons/desktopapp-$size.png" "$share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done
install -m 644 "$icons/desktopapp.svg" "$share/icons/hicolor/scalable/apps/$APP_ID.svg"

# Refresh the caches when the tools exist (they are optional on most desktops).
if command -v update-mime-database >/dev/null 2>&1; then
    update-mime-database "$share/mime" >/dev/null 2>&1 || true
fi
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$share/applications" || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t -f "$share/icons/hicolor" || true
fi
echo "Installed $APP_ID for $(id -un) under $share (runs $exe)"
