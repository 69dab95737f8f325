#!/usr/bin/env bash
# Remove what packaging/linux/install.sh installed for the current user, and nothing else.
# The app's own data (its database, in ~/.local/share/desktopapp) is kept; pass --purge to
# remove it as well.
set -euo pipefail
APP_ID="io.github.desktopapp.Timeline"
share="${XDG_DATA_HOME:-$HOME/.local/share}"

rm -f "$share/applications/$APP_ID.desktop" "$share/metainfo/$APP_ID.metainfo.xml" \
    "$share/icons/hicolor/scalable/apps/$APP_ID.svg" "$share/mime/packages/$APP_ID.xml"
for size in 16 24 32 48 64 128 256 512; do
    rm -f "$share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done
if [ "${1:-}" = "--purge" ]; then
    rm -rf "$share/desktopapp"
fi

if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$share/applications" ]; then
    update-desktop-database -q "$share/applications" || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$share/icons/hicolor/icon-theme.cache" ]; then
    gtk-update-icon-cache -q -t -f "$share/icons/hicolor" || true
fi
if command -v update-mime-database >/dev/null 2>&1 && [ -d "$share/mime/packages" ]; then
    update-mime-database "$share/mime" >/dev/null 2>&1 || true
fi
echo "Removed $APP_ID from $share"
