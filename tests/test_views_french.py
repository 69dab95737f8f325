"""The window's panes in French: filters, list, timeline, detail, article, passage, history.

Each test runs with the compiled French catalogue installed in the application (a
``QTranslator`` loaded from ``python -m desktopapp.i18n compile``'s output) and the plain
layers speaking French, as the application does once the person chose French; the English
tests of the same panes run without either and stay as they were.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QPointF, Qt, QTranslator
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from desktopapp.db.repository import EventRepository
from desktopapp.domain import l10n
from desktopapp.domain.dates import parse_edtf
from desktopapp.domain.filter import EventFilter, parse_user_date
from desktopapp.domain.grouping import Grouping
from desktopapp.domain.quotation import is_supplied_title
from desktopapp.domain.taxonomy import STANDARD_TYPES
from desktopapp.i18n import catalogues
from desktopapp.ui import timeline_loader as loader_module
from desktopapp.ui.article_pane import ArticlePane
from desktopapp.ui.date_field import DateField, date_text
from desktopapp.ui.detail_pane import DetailPane
from desktopapp.ui.event_table import EventTableModel, EventTableView, short_date, unsourced_badge
from desktopapp.ui.filter_panel import FilterPanel
from desktopapp.ui.history_view import HistoryModel, HistoryView, change_text, local_time
from desktopapp.ui.source_passage import SourcePassage
from desktopapp.ui.timeline_view import TimelineView

NNBSP = "\u202f"  # French puts a narrow no-break space before ; : ! ?

# The window's own contexts that this file checks for English left behind.
PANE_CONTEXTS = {
    "ActorKind",
    "ActorListModel",
    "ActorListView",
    "ArticlePane",
    "DateField",
    "DetailPane",
    "EventTableModel",
    "EventTableView",
    "FilterPanel",
    "HistoryModel",
    "HistoryView",
    "TimelineView",
}


@pytest.fixture(scope="session")
def french_qm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    (compiled,) = catalogues.compile_qt(tmp_path_factory.mktemp("qm"))
    return compiled


@pytest.fixture
def french(qapp: QApplication, french_qm: Path) -> Iterator[None]:
    """The application in French for one test, English again after it."""
    translator = QTranslator()
    assert translator.load(str(french_qm))
    QCoreApplication.installTranslator(translator)
    l10n.use_language("fr")
    try:
        yield
    finally:
        l10n.use_language("en")
        QCoreApplication.removeTranslator(translator)


def english_sources() -> set[str]:
    """The English of every pane message whose French differs: none may reach a French pane."""
    root = ET.parse(catalogues.ts_path("fr")).getroot()
    found = set()
    for context in root.iter("context"):
        if context.findtext("name") not in PANE_CONTEXTS:
            continue
        for message in context.iter("message"):
            source = message.findtext("source", "")
            if len(source) > 3 and source != message.findtext("translation"):
                found.add(source.replace("&", ""))
    return found


def shown_words(widget: QWidget) -> list[str]:
    """What a person reads on the widget and its children: texts, placeholders, tooltips and
    the names a screen reader says."""
    texts = []
    for child in [widget, *widget.findChildren(QWidget)]:
        texts += [child.toolTip(), child.accessibleName(), child.accessibleDescription()]
        if isinstance(child, QLabel | QAbstractButton):
            texts.append(child.text().replace("&", ""))
        if isinstance(child, QLineEdit):
            texts += [child.placeholderText(), child.text()]
        texts += [action.text().replace("&", "") for action in child.actions()]
    return [text for text in texts if text]


def assert_no_english(widget: QWidget) -> None:
    english = english_sources()
    left = [text for text in shown_words(widget) if text in english]
    assert not left, left


# -- the filter panel -------------------------------------------------------------------------


def test_the_filter_panel_speaks_french_with_real_plurals(
    qtbot: QtBot, french: None, repository: EventRepository
) -> None:
    panel = FilterPanel(repository)
    qtbot.addWidget(panel)
    assert panel.from_check.text() == "Du" and panel.to_check.text() == "Au"
    assert panel.clear_button.text() == "Effacer les filtres"
    assert panel.search.placeholderText() == "Rechercher événements, citations…"
    assert panel.actor_find.placeholderText() == "Trouver un acteur…"
    assert "OR en capitales entre deux mots" in panel.search.toolTip()  # OR is the syntax
    labels = {label.text() for label in panel.findChildren(QLabel)}
    assert {"Acteurs", "Types d’événements", "Dates"} <= labels
    assert panel.edit_actor_action.text() == "&Modifier l’acteur…"
    roots = [panel.type_model.item(row).text() for row in range(panel.type_model.rowCount())]
    assert "Aide" in roots and "Aid" not in roots  # a standard type's label, in French
    # French agrees with what is shown: 0 and 1 are singular, an exact million takes "de".
    for shown, total, said in [
        (0, 18, "0 événement sur 18"),
        (1, 18, "1 événement sur 18"),
        (2, 18, "2 événements sur 18"),
        (18, 18, "18 événements sur 18"),
        (1_234, 5_678, f"1{NNBSP}234 événements sur 5{NNBSP}678"),
        (1_000_000, 1_000_000, f"1{NNBSP}000{NNBSP}000 d’événements sur 1{NNBSP}000{NNBSP}000"),
    ]:
        panel.set_matching(shown, total)
        assert panel.count_label.text() == said
    assert_no_english(panel)


def test_the_actor_list_says_kinds_and_counts_in_french(
    qtbot: QtBot, french: None, repository: EventRepository
) -> None:
    panel = FilterPanel(repository)
    qtbot.addWidget(panel)
    model = panel.actor_model
    counts = {}
    for row, count in zip(range(3), (0, 1, 2), strict=True):
        actor = model.actor_at(row)
        assert actor is not None
        counts[actor.id] = count
    model.set_counts(counts)
    said = [
        model.data(model.index(row), Qt.ItemDataRole.AccessibleDescriptionRole) for row in range(3)
    ]
    assert said[0].endswith(f"){NNBSP}: 0 événement")
    assert said[1].endswith(f"){NNBSP}: 1 événement")
    assert said[2].endswith(f"){NNBSP}: 2 événements")
    kinds = {model.data(model.index(row), Qt.ItemDataRole.UserRole + 2) for row in range(3)}
    assert kinds <= {"entreprise", "gouvernement", "institution", "média", "marché", "personne"}
    panel.actor_find.setText("zzzz")
    assert panel.actor_list.empty_text() == f"Aucun acteur ne correspond à «{NNBSP}zzzz{NNBSP}»"


def test_a_french_date_is_typed_and_shown_the_french_way(
    qtbot: QtBot, french: None, repository: EventRepository
) -> None:
    panel = FilterPanel(repository)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.keyClick(panel.from_check, Qt.Key.Key_Space)
    field = panel.from_edit
    field.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, "1er mars 2022")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.date() == dt.date(2022, 3, 1)
    assert field.text() == "1er mars 2022"
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, "n'importe quand")  # keyClicks types Latin-1 only
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.date() == dt.date(2022, 3, 1)  # unchanged, and said so in French
    problem = panel.date_problem.text()
    assert problem.startswith(f"⚠ Début{NNBSP}: «{NNBSP}n'importe quand{NNBSP}» n’est pas")
    assert problem.endswith("la date reste le 1er mars 2022")
    assert "1er mars 2022, 2022-03-01 ou mars 2022" in problem


def test_the_date_field_tooltip_tells_how_numbers_are_read(qtbot: QtBot, french: None) -> None:
    field = DateField(dt.date(2022, 2, 21), end_of_period=True)
    qtbot.addWidget(field)
    assert field.text() == "21 févr. 2022"
    tip = field.toolTip()
    # What the tooltip says is what the parser does (month first, in either language).
    read = parse_user_date("03/01/2022")
    assert f"le mois vient en premier{NNBSP}: 03/01/2022 est le {date_text(read)}." in tip
    assert "Un mois ou une année désigne son dernier jour." in tip
    assert field.actions()[0].toolTip() == "Choisir une date dans un calendrier (Alt+Bas)"


# -- the event list ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("edtf", "english", "french"),
    [
        ("2022-03-01", "1 Mar 2022", "1er mars 2022"),
        ("2022-02-21", "21 Feb 2022", "21 févr. 2022"),
        ("2022-03", "Mar 2022", "mars 2022"),
        ("2022", "2022", "2022"),
        ("2022-02-21/2022-02-27", "21–27 Feb 2022", "21–27 févr. 2022"),
        ("2022-03-01/2022-03-03", "1–3 Mar 2022", "1er–3 mars 2022"),
        ("2022-02-28/2022-03-01", "28 Feb – 1 Mar 2022", "28 févr. – 1er mars 2022"),
        ("2021-12-30/2022-01-02", "30 Dec 2021 – 2 Jan 2022", "30 déc. 2021 – 2 janv. 2022"),
        ("2022-03~", "~ Mar 2022", "vers mars 2022"),
        ("2022-03-02?", "2 Mar 2022 ?", f"2 mars 2022{NNBSP}?"),
        ("2022-07-14%", "~ 14 Jul 2022 ?", f"vers 14 juil. 2022{NNBSP}?"),
    ],
)
def test_the_lists_short_dates_in_both_languages(
    french_qm: Path, qapp: QApplication, edtf: str, english: str, french: str
) -> None:
    date = parse_edtf(edtf)
    assert short_date(date) == english
    translator = QTranslator()
    assert translator.load(str(french_qm))
    QCoreApplication.installTranslator(translator)
    try:
        with l10n.speaking("fr"):
            assert short_date(date) == french
    finally:
        QCoreApplication.removeTranslator(translator)
    assert short_date(date) == english  # and back


def test_the_event_list_speaks_french(
    qtbot: QtBot, qtmodeltester, french: None, repository: EventRepository
) -> None:
    model = EventTableModel(repository)
    qtmodeltester.check(model)
    view = EventTableView(model)
    qtbot.addWidget(view)
    view.resize(1000, 400)
    view.show()
    qtbot.waitExposed(view)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["Date", "Acteurs", "Type", "Titre"]
    assert model.headerData(3, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == (
        "Trier par titre"
    )
    assert view.accessibleName() == "Liste des événements"
    # Every date cell is written with French month names (none of English's left).
    english_months = {"Jan", "Feb", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Dec"}
    cells = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert cells and not [c for c in cells if set(c.replace("–", " ").split()) & english_months]
    assert any("mars" in cell or "févr." in cell for cell in cells)
    # Standard types are named in French; none is left in its stored English.
    english_labels = {label for _slug, label in STANDARD_TYPES if l10n._(label) != label}
    types = {model.index(row, 2).data() for row in range(model.rowCount())}
    assert types and not types & english_labels
    # The date column has room for the widest French short date.
    widest = view.fontMetrics().horizontalAdvance("vers 28 févr. – 1er mars 2022\u202f?")
    assert view.columnWidth(0) >= widest
    model.set_filter(EventFilter(text="zzzzqqq"))
    assert view.empty_text() == "Aucun événement ne correspond aux filtres."
    assert view.clear_button.text() == "Effacer les filtres"
    assert_no_english(view)


# -- the timeline -----------------------------------------------------------------------------


def test_the_timeline_notes_and_tooltips_speak_french(
    qtbot: QtBot, french: None, repository: EventRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    from test_timeline_view import settle

    monkeypatch.setattr(loader_module, "MIN_PIXELS_PER_EVENT", 10_000.0)
    view = TimelineView(repository, lane_limit=3)
    qtbot.add_widget(view)
    view.resize(900, 500)
    view.show()
    qtbot.waitExposed(view)
    view.set_grouping(Grouping.ACTOR)
    settle(qtbot, view)
    note = view.note_text()
    assert note.startswith(f"Trop d’événements pour les dessiner un par un{NNBSP}: ")
    assert "pistes moins chargées pas encore affichées" in note
    assert view.accessibleName() == "Chronologie"
    buttons = [b.text() for b in view.findChildren(QAbstractButton)]
    assert "Légende" in buttons
    lane = view._lanes[0]
    y = view.mapFromScene(QPointF(0, (lane.top + lane.bottom) / 2)).y()
    tip = view._tooltip_at(QPoint(20, y))  # over the lane's name
    assert "sur la période chargée" in tip
    bins = next(lane for lane in view._lanes if lane.bins is not None).bins
    assert bins is not None
    first, last = bins.span(0)
    count = bins.counts[0]
    said = l10n.ngettext(
        "{n} event starts between {first} and {last}",
        "{n} events start between {first} and {last}",
        count,
    ).format(n=l10n.number(count), first=date_text(first), last=date_text(last))
    assert " entre le " in said and (" commence " if count < 2 else " commencent ") in said
    assert_no_english(view)


def test_timeline_plurals_are_french_ones() -> None:
    with l10n.speaking("fr"):
        lanes = l10n.ngettext(
            "{n} quieter lane not shown yet: scroll down to load it, or filter.",
            "{n} quieter lanes not shown yet: scroll down to load them, or filter.",
            1,
        )
        assert lanes.startswith("{n} piste moins chargée pas encore affichée")
        period = l10n.ngettext("{n} event in the loaded period", "", 0).format(n=0)
        assert period == "0 événement sur la période chargée"
        assert l10n.ngettext("{n} event", "{n} events", 2).format(n=2) == "2 événements"


# -- detail, article, history -----------------------------------------------------------------


def test_the_detail_pane_speaks_french_around_the_events_words(
    qtbot: QtBot, french: None, repository: EventRepository
) -> None:
    pane = DetailPane()
    qtbot.addWidget(pane)
    assert pane.plain_text().startswith("Sélectionnez un événement sur la chronologie")
    event = next(e for e in repository.events() if e.quotes and e.summary)
    pane.show_event(event)
    text = pane.plain_text()
    assert event.type.shown_label in text and event.type.shown_label != event.type.label
    for heading in ("QUAND", "QUOI", "DANS LES MOTS DE LA SOURCE"):
        assert heading in text
    assert "Date donnée par " in text
    assert event.title in text  # data is shown as it is, never translated
    assert event.quotes[0].text.split()[0] in text
    for english in ("WHEN", "WHAT", "Dated from", "In the source's words", "published "):
        assert english not in text
    supplied = next(e for e in repository.events() if is_supplied_title(e.citation.title))
    pane.show_event(supplied)
    assert f"Un titre entre [crochets] ne figurait pas sur la page{NNBSP}: " in pane.plain_text()
    # An approximate date is drawn wider than it is: the pane says how far, in French.
    pane.show_event(replace(event, date=parse_edtf("2022-03-01~")))
    assert "(la chronologie le représente du 2" in pane.plain_text()
    assert "février 2022 au " in pane.plain_text()


def test_the_article_pane_names_its_source_in_french(
    qtbot: QtBot, french: None, repository: EventRepository
) -> None:
    pane = ArticlePane(repository)
    qtbot.addWidget(pane)
    assert pane.citation.full_text().startswith(f"Source{NNBSP}: ")
    assert pane.text.accessibleName() == "Texte de l’article"


def _entry(**fields):  # type: ignore[no-untyped-def]
    defaults = {"when": "", "author": "", "text": "", "field": "", "old": None, "new": None}
    return SimpleNamespace(**{"note": "", **defaults, **fields})


def test_the_history_speaks_french_and_writes_the_day_first(
    qtbot: QtBot, qtmodeltester, french: None
) -> None:
    model = HistoryModel()
    when = dt.datetime(2022, 3, 1, 14, 5, tzinfo=dt.UTC)
    model.set_entries([_entry(when=when, author="ana", text="Edit", field="title", old="a")])
    qtmodeltester.check(model)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert headers == ["Quand", "Qui", "Quoi", "Ancien → nouveau", "Pourquoi"]
    assert local_time(when) == when.astimezone().strftime("%d/%m/%Y %H:%M")
    assert change_text(_entry(field="title", old="a")) == f"title{NNBSP}: a → (supprimé)"
    assert change_text(_entry(field="*", new={"x": 1})) == "ajouté"
    view = HistoryView()
    qtbot.addWidget(view)
    assert view.empty.text() == "Aucune modification enregistrée pour l’instant."


def test_the_source_passage_checks_a_paste_in_french(
    qtbot: QtBot, french: None, repository: EventRepository
) -> None:
    passage = SourcePassage(repository, what="phrase qui donne la date")
    qtbot.addWidget(passage)
    assert passage.text_box.placeholderText() == (
        f"À coller mot pour mot depuis la source{NNBSP}: phrase qui donne la date"
    )
    passage.text_box.setPlainText("Rien de tel dans l’article")
    assert passage.status.text().startswith("⚠ Ce texte ne figure pas tel quel dans «")
    source = repository.source_text(passage.source_box.currentData())
    sentence = source[200:260]
    passage.text_box.setPlainText(sentence)
    status = passage.status.text()
    assert status.startswith("✓ Trouvé mot pour mot (")
    assert "caractères 200 à 260" in status and "après «" in status


def test_an_unsourced_event_says_how_to_source_it_in_french(
    qtbot: QtBot, french: None, tmp_path: Path
) -> None:
    from desktopapp.db.engine import open_database
    from tests.unsourced_helpers import UNSAFE_URL, UNSOURCED_TITLES, make_mixed_timeline

    mixed = make_mixed_timeline(tmp_path / "mixed.timeline")
    engine = open_database(mixed.path)
    try:
        repository = EventRepository(engine)
        event = next(e for e in repository.events() if e.title == UNSOURCED_TITLES[0])
        pane = DetailPane()
        qtbot.addWidget(pane)
        pane.show_event(event)
        text = pane.plain_text()
    finally:
        engine.dispose()
    assert (
        "Pour ajouter une citation, sélectionnez un passage d’une source, puis "
        "Édition › Ajouter une citation à l’événement." in text
    )
    assert f"Les mots du fichier importé{NNBSP}: aucun texte de source ne les appuie." in text
    if UNSAFE_URL in text:
        assert f"(pas une adresse web{NNBSP}: sans lien)" in text
    assert unsourced_badge() == "sans source"


def test_a_quotes_translation_is_shown_beside_it_and_said_to_be_one(
    qtbot: QtBot, french: None, repository: EventRepository
) -> None:
    event = next(e for e in repository.events() if e.quotes)
    own = event.quotes[0]
    translated = replace(own, translation="Nous avons suspendu nos ventes.")
    pane = DetailPane()
    qtbot.addWidget(pane)
    pane.show_event(replace(event, quotes=(translated, *event.quotes[1:])))
    text = pane.plain_text()
    label = f"Traduction, et non les mots de la source{NNBSP}: "
    assert f"{label}«{NNBSP}Nous avons suspendu nos ventes.{NNBSP}»" in text
    assert own.text.split()[0] in text  # the source's words stay, in their own marks
    assert text.index(own.text.split()[0]) < text.index(label)
    pane.show_event(event)
    assert label not in pane.plain_text()


def test_a_translated_event_says_so_and_names_its_own_language(
    qtbot: QtBot, french: None, repository: EventRepository
) -> None:
    event = next(e for e in repository.events() if e.translated)
    assert event.written is not None
    pane = DetailPane()
    qtbot.addWidget(pane)
    pane.show_event(event)
    text = pane.plain_text()
    assert event.title in text and event.written.title not in text
    assert f"Titre et résumé traduits{NNBSP}; leur version d’origine est en anglais." in text


# -- the panes in the real French window --------------------------------------------------------


def test_the_french_windows_panes_have_no_english_left(
    qtbot: QtBot, repository: EventRepository, translators, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from french_window import english_left
    from PySide6.QtCore import QSettings

    from desktopapp.app import WindowHost
    from desktopapp.document import TimelineDocument
    from desktopapp.ui.settings import Settings

    translators.speak("fr")
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    host = WindowHost(TimelineDocument(repository), Settings(store), translators)
    window = host.window
    window.show()
    qtbot.waitExposed(window)
    assert window.settle(10_000)
    try:
        events = repository.events()
        data = [e.title for e in events] + [e.summary for e in events]
        data += [a.name for a in repository.actors] + [t.label for t in repository.event_types]
        data += [s.title for s in repository.sources] + [
            s.citation_line() for s in repository.sources
        ]
        data += [s.published_note for s in repository.sources]
        data += ["(apple OR swift)", "OR"]  # the search syntax's own words, not English
        # The article pane's citation and source titles are the sources' data, cut to fit:
        # its own words are checked above (test_the_article_pane_names_its_source_in_french).
        panes = (window.filter_panel, window.table, window.timeline, window.detail)
        left = [str(found) for pane in panes for found in english_left(pane, data=data)]
    finally:
        window.stop_queries()
        window.close()
    assert not left, "\n".join(left)
