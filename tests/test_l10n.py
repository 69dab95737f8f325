"""The plain layers' language seam (desktopapp.domain.l10n) and the catalogues' completeness:
every message the code uses is translated into every language, with the same fields."""

from __future__ import annotations

import shutil

import pytest

from desktopapp.domain import l10n
from desktopapp.i18n import catalogues


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LANG": "fr_CA.UTF-8", "LC_ALL": "en_GB.UTF-8"}, "en"),
        ({"LANGUAGE": "de:fr", "LANG": "en_US.UTF-8"}, "fr"),
        ({"LC_MESSAGES": "fr_BE@euro"}, "fr"),
        ({"LC_ALL": "C", "LANG": "fr_FR.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_system_language_follows_posix_precedence(environ, expected):
    assert l10n.system_language(environ) == expected


def test_speaking_switches_and_restores():
    assert l10n.language() == "en"
    with l10n.speaking("fr_FR") as code:
        assert code == "fr"
        assert l10n.language() == "fr"
    assert l10n.language() == "en"
    with l10n.speaking("xx"):
        assert l10n.language() == "en"


def test_numbers_and_months_follow_the_language():
    assert l10n.number(1234567) == "1,234,567"
    assert l10n.month_name(2) == "February"
    assert l10n.quoted("RT") == "“RT”"
    with l10n.speaking("fr"):
        # CLDR French groups digits with a narrow no-break space, not a comma.
        assert l10n.number(1234567) == "1\u202f234\u202f567"
        assert l10n.month_name(2) == "février"
        assert l10n.month_name(2, abbreviated=True) == "févr."
        assert l10n.quoted("RT") == "«\u202fRT\u202f»"


def test_every_gettext_message_is_translated():
    gaps = [gap for code in catalogues.TRANSLATED for gap in catalogues.gettext_gaps(code)]
    assert not gaps, "\n".join(map(str, gaps))


def test_every_window_message_is_translated(tmp_path):
    """lupdate run on the code now, into a copy of the catalogue: a new tr() the catalogue
    lacks shows as unfinished, as does one left unfinished in it."""
    gaps = []
    for code in catalogues.TRANSLATED:
        copy = tmp_path / catalogues.ts_path(code).name
        shutil.copyfile(catalogues.ts_path(code), copy)
        gaps += catalogues.qt_gaps(code, catalogues.update_qt(code, copy))
    assert not gaps, "\n".join(map(str, gaps))


def test_the_catalogues_compile(tmp_path):
    written = catalogues.compile_qt(tmp_path)
    assert [path.name for path in written] == ["desktopapp_fr.qm"]
    assert all(path.stat().st_size > 0 for path in written)


_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context><name>A</name>{messages}</context>
</TS>"""


def _ts_message(source, translation=None):
    if translation is None:
        return f'<message><source>{source}</source><translation type="unfinished"/></message>'
    return f"<message><source>{source}</source><translation>{translation}</translation></message>"


def test_two_branches_window_catalogues_merge_as_a_union():
    import xml.etree.ElementTree as ET

    ours = _TS.format(messages=_ts_message("Open", "Ouvrir") + _ts_message("Close"))
    theirs = _TS.format(messages=_ts_message("Close", "Fermer") + _ts_message("Quit", "Quitter"))
    merged = ET.fromstring(catalogues.union_ts(ours.encode(), theirs.encode()))
    found = {m.findtext("source"): m.findtext("translation") for m in merged.iter("message")}
    assert found == {"Open": "Ouvrir", "Close": "Fermer", "Quit": "Quitter"}


def test_two_branches_gettext_catalogues_merge_as_a_union():
    import io

    from babel.messages import pofile
    from babel.messages.catalog import Catalog

    def po(**messages):
        catalog = Catalog(locale="fr")
        for source, translation in messages.items():
            catalog.add(source, translation)
        out = io.BytesIO()
        pofile.write_po(out, catalog)
        return out.getvalue()

    merged = catalogues.union_po("fr", po(page="page", year=""), po(year="année", day="jour"))
    catalog = pofile.read_po(io.BytesIO(merged), locale="fr")
    assert {m.id: m.string for m in catalog if m.id} == {
        "page": "page",
        "year": "année",
        "day": "jour",
    }


@pytest.mark.parametrize(
    ("shown", "french"),
    [(0, "0 événement sur 18"), (1, "1 événement sur 18"), (2, "2 événements sur 18")],
)
def test_counts_agree_with_the_events_shown_everywhere(repository, shown, french):
    """The window's count, the PDF's footer and the list's last line say the same: the
    French noun agrees with the events shown (the PDF once said "1 événements sur 18")."""
    from desktopapp.domain.filter import EventFilter, shown_of_total
    from desktopapp.export.provenance import filter_line

    assert shown_of_total(shown, 18) == f"{shown} of 18 events"
    with l10n.speaking("fr"):
        assert shown_of_total(shown, 18) == french
        assert filter_line(repository, EventFilter(text="poutine"), shown).endswith(french)
