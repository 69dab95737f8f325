"""A copy of the article's database with rows a hostile file may hold, for the display tests.

Rows are changed with sqlite3 (not the builder, which would refuse some of them), and the
precomputed counts and actor spans are rewritten to match, so that the file is consistent in
everything but the hostile values themselves.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

from desktopapp.db.actor_spans import pack_days

RLO, PDF_MARK, TAG_A = "\u202e", "\u202c", "\U000e0041"
BIDI_TITLE = f"Apple {RLO}slaed llA{PDF_MARK} in Russia"
HUGE_TITLE = "Abcdefghij" * 100_000  # 1 MB, one word: Qt lays it out in minutes

# (event key, new title or None, (edtf, start_date, end_date) or None)
_CHANGES = {
    "apple-pay-limited": (BIDI_TITLE, None),
    "apple-export-halt": (HUGE_TITLE, None),
    "swift-exclusion": (None, ("0001-01-01", "0001-01-01", "0001-01-01")),
    "rouble-plunge": (None, ("9999-12-31", "9999-12-31", "9999-12-31")),
}


# In the article, before its first quote, two spaces become a right-to-left override and an
# invisible tag character (outside the Basic Multilingual Plane: two UTF-16 units for Qt);
# a 1 MB word is added at its end.
ARTICLE_CONTROLS = {6: RLO, 10: TAG_A}


# A zero-width space hidden in the summary of the event of 9999 (its title is plain).
ZWSP = "\u200b"
HIDDEN_IN_SUMMARY = "rouble-plunge"


def make_hostile_database(article_db: Path, target: Path) -> Path:
    """Copy ``article_db`` to ``target`` with a bidi title, a 1 MB title, extreme dates, and
    controls and a 1 MB word in the article's text."""
    shutil.copyfile(article_db, target)
    connection = sqlite3.connect(target)
    try:
        with connection:
            _put_controls_in_article(connection)
            connection.execute(
                "UPDATE events SET summary = 'The rouble' || ? || ' fell.' WHERE key = ?",
                (ZWSP, HIDDEN_IN_SUMMARY),
            )
            for key, (title, dates) in _CHANGES.items():
                if title is not None:
                    connection.execute("UPDATE events SET title = ? WHERE key = ?", (title, key))
                if dates is not None:
                    connection.execute(
                        "UPDATE events SET date_edtf = ?, start_date = ?, end_date = ?,"
                        " precision = 'day', approximate = 0, uncertain = 0 WHERE key = ?",
                        (*dates, key),
                    )
            _recount(connection)
    finally:
        connection.close()
    return target


def _put_controls_in_article(connection: sqlite3.Connection) -> None:
    (text,) = connection.execute("SELECT text FROM sources WHERE key = 'article'").fetchone()
    (first_quote,) = connection.execute(
        "SELECT min(q.start) FROM quotes q JOIN sources s ON s.id = q.source_id"
        " WHERE s.key = 'article'"
    ).fetchone()
    characters = list(text)
    for position, control in ARTICLE_CONTROLS.items():
        assert characters[position] == " " and position < first_quote
        characters[position] = control
    text = "".join(characters) + "\n" + HUGE_TITLE  # after every quote: offsets unchanged
    connection.execute(
        "UPDATE sources SET text = ?, sha256 = ? WHERE key = 'article'",
        (text, hashlib.sha256(text.encode("utf-8")).hexdigest()),
    )


def _recount(connection: sqlite3.Connection) -> None:
    """Rewrite the per-day counts and actor spans from the (changed) events."""
    connection.execute("DELETE FROM day_type_counts")
    connection.execute(
        "INSERT INTO day_type_counts (start_date, type_id, events) "
        "SELECT start_date, type_id, count(*) FROM events GROUP BY start_date, type_id"
    )
    spans: dict[tuple[int, int], tuple[list[int], list[int]]] = {}
    rows = connection.execute(
        "SELECT DISTINCT a.actor_id, e.type_id, e.start_date, e.end_date, e.id "
        "FROM event_actors a JOIN events e ON e.id = a.event_id"
    )
    for actor_id, type_id, start, end, _event in rows:
        starts, ends = spans.setdefault((actor_id, type_id), ([], []))
        starts.append(int(start.replace("-", "")))
        ends.append(int(end.replace("-", "")))
    connection.execute("DELETE FROM actor_spans")
    connection.executemany(
        "INSERT INTO actor_spans (actor_id, type_id, starts, ends) VALUES (?, ?, ?, ?)",
        [
            (actor_id, type_id, pack_days(starts), pack_days(ends))
            for (actor_id, type_id), (starts, ends) in sorted(spans.items())
        ],
    )
