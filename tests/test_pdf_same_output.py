"""The PDF report is the same, page for page, as the report made the straightforward way.

The export reads its events a page at a time, writes each block's text once, measures it
without keeping its glyphs (remembering the line heights of short paragraphs), decides the
pages from the measures alone and lays every block out a second time to paint it. The
reference below does none of that: it reads every event at once, builds each event's block
afresh from the event and shapes all of it every time the block is asked for (to measure or to
paint). Both must give the same pages: the same count, the same text on each (pypdf) and the
same drawing (each page's content stream, byte for byte).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QPainter, QPdfWriter

from desktopapp.db.engine import open_database
from desktopapp.db.repository import EventRepository
from desktopapp.domain.dates import parse_edtf
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.grouping import Grouping
from desktopapp.domain.model import Event
from desktopapp.export import pdf
from desktopapp.export.paging import paginate
from desktopapp.export.textframe import TextFrame
from desktopapp.ingest.builder import build_database
from desktopapp.ingest.dataset import Dataset, LinkSpec
from desktopapp.ingest.synthetic import synthetic_dataset


@dataclass
class FreshEventBlock:
    """An event's block made from the event itself whenever it is asked for, all shaped."""

    event: Event
    number: int
    report: pdf.Report
    styles: pdf.Styles
    space_before: float
    keep_with_next: bool = False
    floats: bool = False

    def lay_out(self, room: float) -> pdf.EventLaidOut:
        block = pdf.EventBlock.of(
            self.event, self.number, self.report, self.styles, self.space_before
        )
        return block._arrange(room, TextFrame.lay_out)

    measure = lay_out


def reference_pdf(
    repository: EventRepository,
    event_filter: EventFilter,
    target: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> int:
    """The report laid out the straightforward way (see the module's docstring)."""
    report = pdf.collect_report(repository, event_filter, Grouping.ACTOR)
    writer = QPdfWriter(str(target))
    writer.setResolution(pdf.PDF_RESOLUTION)
    pdf.configure_page(writer)
    painter = QPainter(writer)
    with monkeypatch.context() as patched:
        patched.setattr(TextFrame, "measure", TextFrame.lay_out)  # every glyph shaped
        page = pdf._page_geometry(writer)
        styles = pdf.Styles(writer, page)
        contents = pdf.Contents(report)
        events = [
            FreshEventBlock(event, contents.add(event), report, styles, page.pt(7))
            for event in repository.events(event_filter)
        ]
        blocks = pdf._blocks(contents, events, repository, styles)
        plan, rooms = paginate(blocks, page, lambda: None)
        pages = 1 + max(p.page for placements in plan for p in placements)
        footer = pdf.Footer(styles, report)
        for index in range(pages):
            if index:
                writer.newPage()
            placed = [
                (placement.y, number, placement)
                for number, placements in enumerate(plan)
                for placement in placements
                if placement.page == index
            ]
            for _, number, placement in sorted(placed, key=lambda item: item[0]):
                laid = blocks[number].lay_out(rooms[number])
                laid.paint(painter, placement.y, placement.start, placement.end)
            footer.paint(painter, index + 1, pages)
    painter.end()
    return pages


def assert_same_pages(exported: Path, reference: Path) -> None:
    ours, theirs = PdfReader(exported), PdfReader(reference)
    assert len(ours.pages) == len(theirs.pages)
    for number, (mine, expected) in enumerate(zip(ours.pages, theirs.pages, strict=True), 1):
        assert mine.extract_text() == expected.extract_text(), f"page {number}"
        drawn = mine.get_contents()
        wanted = expected.get_contents()
        assert drawn is not None and wanted is not None
        assert drawn.get_data() == wanted.get_data(), f"page {number} is drawn differently"


@pytest.mark.parametrize(
    "event_filter",
    [EventFilter(), EventFilter(actors=frozenset({"SAP"})), EventFilter(text="zzzunfindable")],
    ids=["all", "one-actor", "nothing"],
)
def test_the_sample_report_is_the_reference_one(
    qapp: object,
    repository: EventRepository,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    event_filter: EventFilter,
) -> None:
    exported, reference = tmp_path / "exported.pdf", tmp_path / "reference.pdf"
    pages = pdf.export_pdf(repository, event_filter, exported)
    assert reference_pdf(repository, event_filter, reference, monkeypatch) == pages
    assert_same_pages(exported, reference)


def varied(dataset: Dataset) -> Dataset:
    """The synthetic timeline with what a real one has besides: events quoting two sources,
    unsourced imported events (a claim and links, one not a web address), titles too long
    for a line, a hidden control, right-to-left words, and every precision of date."""
    sources = [source.key for source in dataset.sources]
    precisions = [
        "2021-05-04",
        "2021-05",
        "2021",
        "2021-05-04~",
        "2021-05?",
        "2021-05-01/2021-05-09",
    ]
    events = list(dataset.events)
    for number, spec in enumerate(events):
        if number % 6 == 0:
            spec = replace(spec, date=parse_edtf(precisions[number // 6 % len(precisions)]))
        if number % 9 == 4:
            links = (
                LinkSpec("media", f"https://example.org/{number}.jpg", credit="Agency"),
                LinkSpec("thumbnail", "javascript:alert(1)"),
            )
            claim = (f"Imported claim {number}, said on a feed.", "feed.json, slide 2")
            spec = replace(spec, quotes=(), claim=claim, links=links)
        if number % 11 == 5:
            spec = replace(spec, title=" ".join([spec.title] * 12))  # cut with its count
        if number % 23 == 7:
            spec = replace(spec, title=f"{spec.title} \u202eslaed llA\u202c سلام عليكم")
        if number % 5 == 2 and spec.quotes:
            other = next(e for e in events if e.quotes and e.quotes[0].source_key != sources[0])
            spec = replace(spec, quotes=(*spec.quotes, *other.quotes))
        events[number] = spec
    return replace(dataset, events=events)


@pytest.fixture(scope="module")
def varied_timeline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("varied") / "varied.sqlite3"
    build_database(varied(synthetic_dataset(200, seed=5)), path)
    return path


def test_a_varied_timeline_report_is_the_reference_one(
    qapp: object, varied_timeline: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = open_database(varied_timeline)
    try:
        repository = EventRepository(engine)
        events = repository.events()
        assert any(event.unsourced for event in events)
        assert any(len({q.source_key for q in event.quotes}) > 1 for event in events)
        assert len({event.date.precision for event in events}) >= 4
        exported, reference = tmp_path / "exported.pdf", tmp_path / "reference.pdf"
        pages = pdf.export_pdf(repository, EventFilter(), exported)
        assert pages > 40
        assert reference_pdf(repository, EventFilter(), reference, monkeypatch) == pages
    finally:
        engine.dispose()
    assert_same_pages(exported, reference)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(exported).pages)
    assert "characters cut" in text and "not a web address" in text
