#!/usr/bin/env bash
# Smoke-test a built bundle:  packaging/smoke-test.sh [--no-screenshot] packaging/dist/desktopapp
#
# Runs the bundled executable with a fresh, empty data folder (so the database is built from
# the resources inside the bundle) and from a neutral working directory (so nothing can be read
# from the source tree): --version, `list --json` (all 18 events of the article) and, with
# offscreen Qt, --screenshot (a non-empty PNG). --no-screenshot skips the last step, for a
# source tree whose window (desktopapp/app.py) does not exist yet.
set -euo pipefail
screenshot=yes
if [ "${1:-}" = "--no-screenshot" ]; then screenshot=no; shift; fi
bundle="$(cd "${1:?usage: smoke-test.sh BUNDLE_DIR}" && pwd)"
exe="$bundle/desktopapp"
[ -x "$exe" ] || exe="$bundle/desktopapp.exe"
[ -x "$exe" ] || { echo "smoke-test: no desktopapp executable in $bundle" >&2; exit 1; }
here="$(cd "$(dirname "$0")" && pwd)"
python="${PYTHON:-python3}"
expected_version="$("$python" -c 'import sys, tomllib; print(tomllib.load(open(sys.argv[1], "rb"))["project"]["version"])' "$here/../pyproject.toml")"

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export DESKTOPAPP_DATA_DIR="$scratch/data" QT_QPA_PLATFORM=offscreen
export XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/share" XDG_CACHE_HOME="$scratch/cache"
unset LANGUAGE LC_ALL LC_MESSAGES  # the language is chosen by LANG alone below
cd "$scratch"

version="$("$exe" --version)"
[ "$version" = "desktopapp $expected_version" ] \
    || { echo "smoke-test: --version said '$version', expected 'desktopapp $expected_version'" >&2; exit 1; }
echo "ok: --version -> $version"

"$exe" list --json > events.json
"$python" - events.json <<'PY'
import json, sys
events = json.load(open(sys.argv[1], encoding="utf-8"))
assert isinstance(events, list) and len(events) == 18, f"expected 18 events, got {len(events)}"
assert all(event.get("title") for event in events), "an event without a title"
print(f"ok: list --json -> {len(events)} events")
PY

# The migrations ship inside the bundle (Alembic reads them as files): the sample, taken back
# to what schema 4 wrote before migrations existed, is upgraded by the bundled executable.
cp "$DESKTOPAPP_DATA_DIR/timeline.sqlite3" old.sqlite3
"$python" - old.sqlite3 <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("DROP TABLE alembic_version")
# Schema 6's lane counts and their triggers (as tests/test_schema5.py's _as_schema_4 does).
for trigger in ("count_event_lane", "uncount_event_lane", "recount_event_lane",
                "count_acting_lane", "uncount_acting_lane"):
    db.execute(f"DROP TRIGGER {trigger}")
db.execute("DROP TABLE lane_day_counts")
db.execute("DROP TABLE event_links")
# Schema 7's translations, language columns and quote index.
db.execute("DROP INDEX ix_quotes_source_start")
db.execute("DROP INDEX ix_quotes_long")
db.execute("DROP TABLE quote_translations")
db.execute("DROP TABLE event_texts")
for table, column in (("sources", "author"), ("events", "claim_text"), ("events", "claim_origin"),
                      ("events", "language"), ("actor_names", "language")):
    db.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
db.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
db.commit()
PY
"$exe" upgrade-db old.sqlite3
"$exe" list --db old.sqlite3 --json > upgraded.json
"$python" - upgraded.json old.sqlite3 <<'PY'
import json, sqlite3, sys
events = json.load(open(sys.argv[1], encoding="utf-8"))
assert len(events) == 18, f"expected 18 events after the upgrade, got {len(events)}"
(revision,) = sqlite3.connect(sys.argv[2]).execute("SELECT version_num FROM alembic_version").fetchone()
print(f"ok: upgrade-db of a schema-4 file -> revision {revision}, {len(events)} events")
PY

if [ "$screenshot" = no ]; then
    echo "skipped: --screenshot (asked not to: the window does not exist yet)"
    echo "Smoke test passed: $bundle"
    exit 0
fi
# English under the C.UTF-8 locale (plain C makes Qt complain about ASCII), French under a French one (Qt's qtbase_fr.qm and ours, both
# shipped compiled: a catalogue that cannot be loaded says so on stderr).
LANG=C.UTF-8 "$exe" --screenshot "$scratch/window.png" --size 1280x800
LANG=fr_FR.UTF-8 "$exe" --screenshot "$scratch/fenetre.png" --size 1280x800 2> french.log
if grep -i "translation" french.log; then
    echo "smoke-test: the French catalogues did not load (above)" >&2; exit 1
fi
cmp -s "$scratch/window.png" "$scratch/fenetre.png" \
    && { echo "smoke-test: LANG=fr_FR.UTF-8 gave the English window" >&2; exit 1; }
echo "ok: --screenshot in French under LANG=fr_FR.UTF-8"
"$python" - "$scratch/window.png" <<'PY'
import struct, sys
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "the screenshot is not a PNG file"
width, height = struct.unpack(">II", data[16:24])
assert width >= 200 and height >= 200, f"the screenshot is only {width}x{height}"
print(f"ok: --screenshot -> {width}x{height} PNG, {len(data):,} bytes")
PY
echo "Smoke test passed: $bundle"
