"""How the PDF report and the chart images read: headings with their text, whole references,
axis labels never cut, a caption on every image, plain words for dates, nested quotes, and
the meaning of a bracketed title said once."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from desktopapp.db.repository import EventRepository
from desktopapp.domain.dates import parse_edtf
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.grouping import Grouping
from desktopapp.domain.quotation import SUPPLIED_TITLE_NOTE, is_supplied_title, quoted
from desktopapp.export.images import export_png, export_svg
from desktopapp.export.paging import Page, paginate
from desktopapp.export.pdf import export_pdf
from desktopapp.render.chart import build_chart, chart_height, paint_chart
from desktopapp.render.palette import ChartColours
from desktopapp.ui.detail_pane import DetailPane


def words(text: str) -> str:
    return " ".join(text.split())


def pdf_pages(path: Path) -> list[str]:
    return [words(page.extract_text()) for page in PdfReader(path).pages]


def body(page: str) -> str:
    """A page's text without its footer ("Timeline of reported events · … Page X of Y")."""
    return re.sub(r"Timeline of reported events · .*?Page \d+ of \d+$", "", page).strip()


# -- pagination ---------------------------------------------------------------------------------


@dataclass
class Laid:
    height: float
    breaks: Sequence[float] = ()

    def paint(self, painter: object, top: float, start: float, end: float) -> None:
        pass


@dataclass
class Piece:
    height: float
    breaks: Sequence[float] = field(default_factory=list)
    keep_with_next: bool = False
    space_before: float = 0.0
    floats: bool = False

    def measure(self, room: float) -> Laid:
        return Laid(self.height, self.breaks)


PAGE = Page(width=500.0, height=120.0, body_height=100.0, dpi=72.0)


def pages_of(blocks: Sequence[Piece]) -> list[list[int]]:
    return [[p.page for p in placed] for placed in paginate(blocks, PAGE, lambda: None)[0]]


def test_a_heading_goes_with_the_first_piece_of_what_follows() -> None:
    # 20 left under the heading: the next block (25, uncut) cannot follow it there.
    assert pages_of([Piece(70), Piece(10, keep_with_next=True), Piece(25)]) == [[0], [1], [1]]
    # A block that may be cut after 15: its first lines follow the heading on the same page.
    result = pages_of([Piece(70), Piece(10, keep_with_next=True), Piece(60, breaks=[15, 30])])
    assert result[1] == [0] and result[2][0] == 0


HEADINGS = (r"Events \(\d+, in date order\)", "Sources of the dates")


@pytest.mark.parametrize(
    "event_filter",
    [
        EventFilter(),
        EventFilter(types=frozenset({"corporate-withdrawal"})),
        EventFilter(actors=frozenset({"Apple", "Amazon", "Google"})),
        EventFilter(types=frozenset({"media-restriction", "sanction"})),
    ],
    ids=["all", "withdrawals", "three-companies", "media-and-sanctions"],
)
@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_headings_are_never_alone_at_a_page_foot(
    qapp: object,
    repository: EventRepository,
    tmp_path: Path,
    event_filter: EventFilter,
    orientation: str,
) -> None:
    target = tmp_path / "report.pdf"
    export_pdf(repository, event_filter, target, orientation=orientation)
    for number, text in enumerate(pdf_pages(target), start=1):
        for heading in HEADINGS:
            found = re.search(heading, text)
            if found:
                under = body(text[found.end() :])
                # Under the events heading an event's title; under the sources a reference.
                followed = re.search(r"\[\d+\] " if "Sources" in heading else r"\w{4}", under)
                assert followed, f"page {number}: {found.group(0)!r} with nothing under it"


@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_no_page_holds_the_tail_of_a_reference(
    qapp: object, repository: EventRepository, tmp_path: Path, orientation: str
) -> None:
    target = tmp_path / "report.pdf"
    export_pdf(repository, EventFilter(), target, orientation=orientation)
    pages = pdf_pages(target)
    (first,) = [n for n, text in enumerate(pages) if "Sources of the dates" in text]
    for text in pages[first + 1 :]:
        assert re.match(r"\[\d+\] ", body(text)), body(text)[:120]


# -- the chart's axis and caption --------------------------------------------------------------


def test_no_axis_label_is_cut_at_the_right_edge(qapp: object, repository: EventRepository) -> None:
    width = 1400
    chart = build_chart(repository, EventFilter(), Grouping.ACTOR)
    height = int(chart_height(chart, width)) + 1
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    paint_chart(painter, QRectF(0, 0, width, height), chart)
    painter.end()
    band = ChartColours.for_background().axis_background
    # The day labels' row of the axis, in the last 12 pixels: only the axis background
    # (a label cut by the edge leaves glyph pixels there, as "Tu" did).
    edge = {
        QColor(image.pixel(x, y)).name() for x in range(width - 12, width) for y in range(20, 34)
    }
    assert edge == {band.name()}


@pytest.fixture
def apple() -> EventFilter:
    return EventFilter(actors=frozenset({"Apple"}))


def test_svg_carries_title_filter_and_source(
    qapp: object, repository: EventRepository, tmp_path: Path, apple: EventFilter
) -> None:
    target = tmp_path / "chart.svg"
    export_svg(repository, apple, target)
    root = ElementTree.parse(target).getroot()
    drawn = words(" ".join(root.itertext()))
    assert "Timeline of reported events" in drawn
    assert "Actor: Apple · Type: all · 3 of 18 events" in drawn
    source = repository.sources[0]
    assert f"Source: {source.outlet}" in drawn
    assert "published between 2 and 31 March 2022" in drawn
    assert "Made with desktopapp" in drawn
    namespace = {"svg": "http://www.w3.org/2000/svg"}
    title = root.find("svg:title", namespace)
    assert title is not None and title.text is not None
    assert title.text.endswith("Actor: Apple · Type: all · 3 of 18 events")


def test_png_carries_its_caption_in_pixels_and_text(
    qapp: object, repository: EventRepository, tmp_path: Path, apple: EventFilter
) -> None:
    target = tmp_path / "chart.png"
    width, height = export_png(repository, apple, target, width=1000)
    image = QImage(str(target))
    assert (image.width(), image.height()) == (width, height)
    bare = build_chart(repository, apple, Grouping.ACTOR)
    # Taller than the chart alone by a title block above and a credit below.
    assert height > 2 * chart_height(bare, 1000) + 2 * 60
    assert (
        image.text("Title")
        == "Timeline of reported events — Actor: Apple · Type: all · 3 of 18 events"
    )
    assert image.text("Description").startswith("Source: ")

    def dark_pixels(top: int, bottom: int) -> int:
        return sum(
            1
            for y in range(top, bottom, 2)
            for x in range(0, width // 2, 2)
            if QColor(image.pixel(x, y)).lightness() < 170
        )

    assert dark_pixels(0, 60) > 200  # the title, in ink, above the axis
    assert dark_pixels(height - 50, height) > 50  # the credit's lines at the foot


# -- words ---------------------------------------------------------------------------------------


def test_report_header_says_when_the_source_was_published(
    qapp: object, repository: EventRepository, tmp_path: Path, apple: EventFilter
) -> None:
    target = tmp_path / "apple.pdf"
    export_pdf(repository, apple, target)
    first = pdf_pages(target)[0]
    assert (
        "published between 2 and 31 March 2022 (the end is uncertain); "
        "the exact day is not known" in first
    )
    assert "March 2022 and March 2022" not in first


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("plain", "", "“plain”"),
        ("“Given…,” a spokesperson said.", "en", "“‘Given…,’ a spokesperson said.”"),
        ("Il a dit « non » hier", "fr", "«\u00a0Il a dit “non” hier\u00a0»"),
        ("« Tout cité »", "fr", "« Tout cité »"),
        ("  spaced  ", "fr", "«\u00a0spaced\u00a0»"),
    ],
)
def test_quotation_marks_nest(text: str, language: str, expected: str) -> None:
    assert quoted(text, language) == expected


def test_nested_quote_in_the_report(
    qapp: object, repository: EventRepository, tmp_path: Path
) -> None:
    target = tmp_path / "netflix.pdf"
    export_pdf(repository, EventFilter(actors=frozenset({"Netflix"})), target)
    text = " ".join(pdf_pages(target))
    assert "“‘Given the current situation" in text
    assert "““" not in text and "””" not in text


def test_mixed_precision_interval_in_words() -> None:
    assert parse_edtf("2022-03-02/2022-03?").describe() == (
        "between 2 and 31 March 2022 (the end is uncertain)"
    )


def test_bracketed_title_explained_once_not_in_every_reference(
    qapp: object, repository: EventRepository, tmp_path: Path
) -> None:
    target = tmp_path / "report.pdf"
    export_pdf(repository, EventFilter(), target)
    text = " ".join(pdf_pages(target))
    bracketed = re.findall(r"“\[[^\]]+\]”", text)
    assert len(bracketed) >= 8
    assert "slug" not in text and "descriptive title" not in text
    # Once for the source article in the header, once at the head of the references.
    assert text.count(SUPPLIED_TITLE_NOTE) == 2


def test_detail_pane_explains_a_bracketed_title_once(qtbot, repository: EventRepository) -> None:
    pane = DetailPane()
    qtbot.addWidget(pane)
    events = repository.events()
    supplied = next(e for e in events if is_supplied_title(e.citation.title))
    plain = next(e for e in events if e.citation.title and not is_supplied_title(e.citation.title))
    pane.show_event(supplied)
    shown = words(pane.browser.toPlainText())
    assert shown.count(SUPPLIED_TITLE_NOTE) == 1
    assert "slug" not in shown
    pane.show_event(plain)
    assert SUPPLIED_TITLE_NOTE not in words(pane.browser.toPlainText())
