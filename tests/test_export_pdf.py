"""The PDF report, read back as a reader (pypdf, poppler, qpdf) would read it."""

from __future__ import annotations

import hashlib
import itertools
import re
import shutil
import subprocess
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktopapp.db.repository import EventRepository
from desktopapp.domain.filter import EventFilter
from desktopapp.domain.grouping import Grouping
from desktopapp.domain.model import Quote
from desktopapp.domain.quotation import quoted
from desktopapp.export import pdf
from desktopapp.export.files import TEMP_PREFIX, ExportCancelled
from desktopapp.export.pdf import Page, export_pdf, paginate


def printed(quote: Quote, repository: EventRepository) -> str:
    """A quote as the report prints it: in its own source's quotation marks (a quotation
    inside it one level down), without whitespace, as :func:`squash` leaves it."""
    languages = {source.key: source.language for source in repository.sources}
    return squash(quoted(quote.text, languages[quote.source_key]))


def words(text: str) -> str:
    """Text with every run of whitespace (line breaks, non-breaking spaces) as one space."""
    return " ".join(text.split())


def squash(text: str) -> str:
    """Text without any whitespace: a line may wrap after a hyphen ("quelques-/unes")."""
    return "".join(text.split())


@dataclass
class Pdf:
    path: Path
    reader: PdfReader
    pages: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(self.pages)


def read(path: Path) -> Pdf:
    reader = PdfReader(path)
    return Pdf(path, reader, [words(page.extract_text()) for page in reader.pages])


@pytest.fixture
def export(
    qapp: object, repository: EventRepository, tmp_path: Path
) -> Callable[..., tuple[int, Pdf]]:
    def run(event_filter: EventFilter = EventFilter(), **options: object) -> tuple[int, Pdf]:
        target = tmp_path / "report.pdf"
        pages = export_pdf(repository, event_filter, target, **options)  # type: ignore[arg-type]
        return pages, read(target)

    return run


def test_whole_article_report(export: Callable[..., tuple[int, Pdf]], repository) -> None:
    pages, document = export()
    events = repository.events()
    assert len(events) == 18
    assert pages == len(document.reader.pages) >= 2
    for event in events:
        assert words(event.title) in document.text
        for quote in event.quotes:
            assert printed(quote, repository) in squash(document.text)
        assert words(event.date.describe()).lower() in document.text.lower()
    assert "Actor: all · Type: all · 18 of 18 events" in document.pages[0]
    for number, text in enumerate(document.pages, start=1):
        assert f"Page {number} of {pages}" in text
    # French typography survives: guillemets, typographic apostrophe, accents.
    assert "« Apple, par exemple, a arrêté toutes les exportations vers la Russie »" in (
        document.text
    )
    assert "l’invasion" in document.text


# Whose words each quote of two events is: the article's, then its report's.
QUOTED_FROM = {
    "Netflix refuses to carry Russian state TV channels": [
        "Actual News Magazine (actualnewsmagazine.com)",
        "Politico Europe",
    ],
    # Two statements of one outlet: told apart by their titles.
    "SAP stops all sales in Russia": [
        "Actual News Magazine (actualnewsmagazine.com)",
        "SAP News Center (Germany), “[SAP statement on Ukraine solidarity, ending sales and"
        " cloud operations in Russia]”",
        "SAP News Center (Germany), “[SAP’s first statement on Ukraine: in Solidarität vereint]”",
    ],
}


def test_every_quote_is_in_its_event_naming_its_own_source(
    export: Callable[..., tuple[int, Pdf]], repository: EventRepository
) -> None:
    """The seven "retaliated" events quote the article and then a report: each quote is
    printed in its event's block, followed by the source it comes from."""
    retaliated = EventFilter(text="riposté")
    _, document = export(retaliated)
    events = repository.events(retaliated)
    assert len(events) == 7
    text = squash(document.text)
    starts = sorted(text.index(squash(event.title + event.type.label)) for event in events)
    blocks = dict(zip(starts, [*starts[1:], text.index("Sourcesquoted")], strict=True))
    for event in events:
        start = text.index(squash(event.title + event.type.label))
        block = text[start : blocks[start]]
        assert len(event.quotes) >= 2 and event.quotes[1].source_key != "article"
        position = 0
        for quote in event.quotes:  # in order, each with its source's name after it
            source = next(s for s in repository.sources if s.key == quote.source_key)
            position = block.index(printed(quote, repository), position)
            after = block[position + len(printed(quote, repository)) :]
            assert after.startswith(squash(f"— quoted from {source.outlet}")), event.title
        assert block.count(squash("— quoted from")) == len(event.quotes), event.title
        names = QUOTED_FROM.get(event.title, [])
        found = [block.index(squash(f"— quoted from {name}")) for name in names]
        assert found == sorted(found), event.title


def test_the_sources_quoted_are_all_listed_with_what_was_stored(
    export: Callable[..., tuple[int, Pdf]], repository: EventRepository
) -> None:
    retaliated = EventFilter(text="riposté")
    _, document = export(retaliated)
    text = squash(document.text)
    listed = text[text.index("Sourcesquoted") : text.index("Sourcesofthedates")]
    quoted_keys = {q.source_key for event in repository.events(retaliated) for q in event.quotes}
    sources = [source for source in repository.sources if source.key in quoted_keys]
    assert len(sources) == 10  # the article and nine report sentences
    for source in sources:
        # A title takes the marks of the page's language (English here), not its own.
        assert squash(f"{source.outlet}, {quoted(source.title, 'en')}") in listed
        assert squash(source.url) in listed
        assert squash(source.published_note) in listed  # "only the sentence ... was stored"
    assert listed.count(squash("only the sentence quoted here was stored")) == 9


def test_a_report_quoting_only_the_article_has_no_list_of_sources_quoted(
    export: Callable[..., tuple[int, Pdf]],
) -> None:
    """The header names the article; a list of one source would only repeat it."""
    _, document = export(EventFilter(actors=frozenset({"Apple"})))
    assert "Sources quoted" not in document.text and "Sources of the dates" in document.text


def test_metadata(export: Callable[..., tuple[int, Pdf]]) -> None:
    _, document = export(EventFilter(actors=frozenset({"Apple"})))
    info = document.reader.metadata
    assert info is not None
    assert info.title == "Timeline of reported events — Actor: Apple · Type: all · 3 of 18 events"
    assert info.creator is not None and info.creator.startswith("desktopapp")
    assert info.author == "desktopapp"
    assert info.subject is not None and "cybersécurité" in info.subject
    assert info.get("/Keywords", "").startswith("timeline, Apple")


def test_filter_shows_exactly_the_matching_events(
    export: Callable[..., tuple[int, Pdf]], repository: EventRepository
) -> None:
    apple = EventFilter(actors=frozenset({"Apple"}))
    _, document = export(apple)
    wanted = repository.events(apple)
    assert len(wanted) == 3
    wanted_ids = {event.id for event in wanted}
    assert "Actor: Apple · Type: all · 3 of 18 events" in document.pages[0]
    for event in repository.events():
        shown = words(event.title) in document.text
        assert shown == (event.id in wanted_ids), event.title
    for event in wanted:
        for quote in event.quotes:
            assert printed(quote, repository) in squash(document.text)


FOOTER = re.compile(r"Timeline of reported events · .*? Page \d+ of \d+$")
CONTINUED = re.compile(r"^\S.*? \d{4} \(continued\) ")


def body_text(page: str) -> str:
    """A page's text without its footer."""
    return FOOTER.sub("", page)


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_events_break_between_lines_with_their_heading_kept(
    export: Callable[..., tuple[int, Pdf]], repository: EventRepository, orientation: str
) -> None:
    _, document = export(orientation=orientation)
    pages = [body_text(page) for page in document.pages]
    for event in repository.events():
        # The title followed by the type label: the event's own block (the chart shows titles too).
        heading = words(f"{event.title} {event.type.label}")
        title_pages = [i for i, text in enumerate(pages) if heading in text]
        assert len(title_pages) == 1, event.title
        here = title_pages[0]
        # Never a title (and its type line) alone at the foot of a page: the summary starts
        # on the same page.
        assert squash(event.summary[:60]) in squash(pages[here]), event.title
        # What does not fit goes on at the top of the next page, between two lines.
        following = pages[here + 1] if here + 1 < len(pages) else ""
        both = squash(pages[here] + CONTINUED.sub("", following))
        assert squash(event.summary) in both, event.title
        for quote in event.quotes:
            assert printed(quote, repository) in both, f"{event.title!r}: quote cut or lost"


def test_page_one_is_filled_by_the_chart(export: Callable[..., tuple[int, Pdf]]) -> None:
    _, document = export()
    first = document.pages[0]
    assert "Acting actor" in first and "Amazon" in first
    # The chart goes on under the header rather than leaving most of the page blank.
    assert len(body_text(first)) > 600


def test_chart_continues_over_pages_with_every_lane(
    export: Callable[..., tuple[int, Pdf]], repository: EventRepository
) -> None:
    from desktopapp.render.chart import build_chart

    _, document = export()
    chart = build_chart(repository, EventFilter(), Grouping.ACTOR)
    assert len(chart.lanes) > 15
    chart_pages = [i for i, text in enumerate(document.pages) if "Acting actor" in text]
    assert chart_pages == list(range(len(chart_pages))) and len(chart_pages) >= 2
    # No ligatures in the chart either: "Netflix" must extract as typed, not with U+FB02.
    chart_text = " ".join(document.pages[i] for i in chart_pages)
    for lane in chart.lanes:
        assert lane.name in chart_text, lane.name
    # The legend ends the chart once, on its last page.
    assert [("Exact day" in document.pages[i]) for i in chart_pages][-1]
    assert sum("Exact day" in document.pages[i] for i in chart_pages) == 1


def test_chart_labels_are_printed_at_a_readable_size(
    export: Callable[..., tuple[int, Pdf]], repository: EventRepository
) -> None:
    _, document = export()
    sizes: dict[str, float] = {}

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * (cm[0] ** 2 + cm[1] ** 2) ** 0.5
            sizes[text.strip()] = size * scale

    for page in document.reader.pages[:2]:
        page.extract_text(visitor_text=visit)
    lane_sizes = [size for text, size in sizes.items() if text in {"Amazon", "Apple", "Volvo"}]
    assert lane_sizes, sorted(sizes)[:40]
    assert min(lane_sizes) >= 7.0, lane_sizes


def test_a_thousand_events(qapp: object, tmp_path: Path) -> None:
    from desktopapp.db.engine import open_database
    from desktopapp.ingest.builder import build_database
    from desktopapp.ingest.synthetic import synthetic_dataset

    database = tmp_path / "1k.sqlite3"
    build_database(synthetic_dataset(1000, seed=1), database)
    engine = open_database(database)
    try:
        repository = EventRepository(engine)
        target = tmp_path / "1k.pdf"
        pages = export_pdf(repository, EventFilter(), target)
        events = repository.events()
    finally:
        engine.dispose()
    reader = PdfReader(target)
    assert pages == len(reader.pages) > 150
    # pypdf reads every page's text back (the first five, in full) ...
    head = " ".join(words(page.extract_text()) for page in reader.pages[:5])
    assert head.count("Acting actor") <= 3  # a few chart pages at most
    # Too many lanes for a readable chart on a few pages: the busiest are kept, and it says so.
    assert re.search(r"\d+ quieter lanes are not shown", head)
    # ... and poppler (much faster over 300 pages) finds every title.
    poppler = ["pdftotext", "-raw", str(target), "-"]
    text = squash(subprocess.run(poppler, capture_output=True, text=True, check=True).stdout)
    for event in events:
        assert squash(event.title) in text, event.title


def test_zero_events_is_a_valid_pdf_saying_so(export: Callable[..., tuple[int, Pdf]]) -> None:
    pages, document = export(EventFilter(text="zzzunfindable"))
    assert pages == 1 == len(document.reader.pages)
    assert "No event matches this filter." in document.text
    assert "0 of 18 events" in document.text
    assert "Page 1 of 1" in document.text
    _qpdf_check(document.path)


def test_pdf_is_valid_with_embedded_fonts_and_links(
    export: Callable[..., tuple[int, Pdf]], repository: EventRepository
) -> None:
    _, document = export()
    _qpdf_check(document.path)
    fonts = subprocess.run(
        ["pdffonts", str(document.path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert fonts, "no font at all"
    for line in fonts:
        assert line.split()[-5] == "yes", f"font not embedded: {line}"
    uris = {
        annotation.get_object()["/A"]["/URI"]
        for page in document.reader.pages
        for annotation in page.get("/Annots") or []
        if "/A" in annotation.get_object()
    }
    assert repository.sources[0].url in uris
    for event in repository.events():
        if event.citation.url:
            assert event.citation.url in uris


@pytest.mark.parametrize(
    ("page_size", "orientation", "width_mm", "height_mm"),
    [("A4", "landscape", 297, 210), ("A4", "portrait", 210, 297), ("Letter", "portrait", 216, 279)],
)
def test_page_size_and_orientation(
    export: Callable[..., tuple[int, Pdf]],
    page_size: str,
    orientation: str,
    width_mm: int,
    height_mm: int,
) -> None:
    _, document = export(
        EventFilter(actors=frozenset({"Apple"})), page_size=page_size, orientation=orientation
    )
    box = document.reader.pages[0].mediabox
    assert round(float(box.width) * 25.4 / 72) == width_mm
    assert round(float(box.height) * 25.4 / 72) == height_mm


@pytest.mark.parametrize("grouping", list(Grouping))
def test_every_grouping_exports(export: Callable[..., tuple[int, Pdf]], grouping) -> None:
    pages, document = export(grouping=grouping)
    assert pages == len(document.reader.pages)


def test_failure_while_painting_leaves_the_old_file(
    qapp: object, repository: EventRepository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"%PDF-1.4 the editor's previous version")
    before = hashlib.sha256(target.read_bytes()).hexdigest()

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("injected failure while painting the chart")

    monkeypatch.setattr(pdf, "paint_chart", broken)
    with pytest.raises(RuntimeError, match="injected"):
        export_pdf(repository, EventFilter(), target)
    assert hashlib.sha256(target.read_bytes()).hexdigest() == before
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


def test_cancel_leaves_no_file(qapp: object, repository: EventRepository, tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    seen: list[tuple[int, int]] = []
    with pytest.raises(ExportCancelled):
        export_pdf(
            repository,
            EventFilter(),
            target,
            progress=lambda done, total: seen.append((done, total)),
            cancelled=lambda: len(seen) >= 25,
        )
    assert len(seen) == 25
    assert not target.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(TEMP_PREFIX)]


def test_progress_reaches_its_total(qapp: object, repository: EventRepository, tmp_path: Path):
    seen: list[tuple[int, int]] = []
    export_pdf(repository, EventFilter(), tmp_path / "r.pdf", progress=lambda *a: seen.append(a))
    assert seen[-1][0] == seen[-1][1]
    assert [done for done, _ in seen] == list(range(1, len(seen) + 1))


# -- pagination, with blocks of known size ------------------------------------------------


@dataclass
class FakeLaidOut:
    height: float
    breaks: Sequence[float]

    def paint(self, painter: object, top: float, start: float, end: float) -> None:
        raise AssertionError("not painted in these tests")


@dataclass
class FakeBlock:
    """Lines ``line`` high; cut only with ``keep`` lines or more on each side, if at all."""

    height: float
    line: float = 10.0
    keep: int | None = None
    keep_with_next: bool = False
    space_before: float = 0.0
    floats: bool = False
    cuts: Sequence[float] | None = None

    def measure(self, room: float) -> FakeLaidOut:
        if self.cuts is not None:
            return FakeLaidOut(self.height, self.cuts)
        if self.keep is None:
            return FakeLaidOut(self.height, [])
        count = int(self.height // self.line)
        return FakeLaidOut(self.height, [i * self.line for i in range(self.keep, count - 1)])


PAGE = Page(width=500.0, height=120.0, body_height=100.0, dpi=72.0)


def plan(blocks: Sequence[FakeBlock]) -> list[list[tuple[int, float, float, float]]]:
    return [
        [(p.page, p.y, p.start, p.end) for p in placements]
        for placements in paginate(blocks, PAGE, lambda: None)[0]
    ]


def test_blocks_that_cannot_be_cut_are_kept_whole() -> None:
    assert plan([FakeBlock(60), FakeBlock(50), FakeBlock(30)]) == [
        [(0, 0.0, 0.0, 60.0)],
        [(1, 0.0, 0.0, 50.0)],
        [(1, 50.0, 0.0, 30.0)],
    ]


def test_a_block_is_cut_between_lines_to_fill_the_page() -> None:
    result = plan([FakeBlock(45), FakeBlock(255, line=20, keep=2)])
    slices = result[1]
    assert slices[0] == (0, 45.0, 0.0, 40.0)  # two lines fit under the first block
    assert slices[-1][3] == 255
    for previous, following in itertools.pairwise(slices):
        assert previous[3] == following[2]
        assert previous[3] % 20 == 0, "cut inside a line"
        assert following[0] == previous[0] + 1 and following[1] == 0
    for _, y, start, end in slices:
        assert y + end - start <= PAGE.body_height


def test_no_cut_leaves_too_few_lines_on_either_side() -> None:
    # 15 left on page 0: one line would fit, but a cut needs two lines above it.
    result = plan([FakeBlock(85), FakeBlock(60, keep=2)])
    assert result[1] == [(1, 0.0, 0.0, 60.0)]
    # 60 high in 45: the cut at 40 would leave 20, two lines: allowed; at 50, one line: not.
    result = plan([FakeBlock(55), FakeBlock(60, keep=2)])
    assert result[1] == [(0, 55.0, 0.0, 40.0), (1, 0.0, 40.0, 60.0)]


def test_heading_is_not_left_alone_at_the_bottom() -> None:
    result = plan([FakeBlock(85), FakeBlock(10, keep_with_next=True), FakeBlock(40)])
    assert result[1][0][0] == 1


def test_a_float_waits_for_the_next_page_while_text_fills_this_one() -> None:
    result = plan([FakeBlock(40), FakeBlock(90, floats=True), FakeBlock(30), FakeBlock(50)])
    assert result[1] == [(1, 0.0, 0.0, 90.0)]
    assert result[2][0][0] == 0  # the text goes on under the header
    assert result[3][0][0] == 2


def test_a_float_over_several_pages_starts_where_its_first_slice_fits() -> None:
    chart = FakeBlock(230, floats=True, cuts=[50, 140])
    result = plan([FakeBlock(40), chart, FakeBlock(30)])
    assert result[1] == [(0, 40.0, 0.0, 50.0), (1, 0.0, 50.0, 140.0), (2, 0.0, 140.0, 230.0)]
    assert result[2] == [(3, 0.0, 0.0, 30.0)]
    # A first slice too tall for the room left: the chart waits, slice by slice after it.
    late = FakeBlock(270, floats=True, cuts=[90, 180])
    result = plan([FakeBlock(40), late, FakeBlock(30), FakeBlock(20)])
    assert result[2] == [(0, 40.0, 0.0, 30.0)] and result[3] == [(0, 70.0, 0.0, 20.0)]
    assert result[1] == [(1, 0.0, 0.0, 90.0), (2, 0.0, 90.0, 180.0), (3, 0.0, 180.0, 270.0)]


def _qpdf_check(path: Path) -> None:
    assert shutil.which("qpdf"), "qpdf is needed (apt-get install qpdf)"
    result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_timeline_of_ones_own_names_sources_without_an_outlet_by_title(
    qapp: object, tmp_path: Path
) -> None:
    """Sources added by hand may lack an outlet: a quote then names its source by title, and
    the list of sources quoted gives the author as well."""
    from desktopapp.db.commands import AddActor, AddEvent, AddSource, QuoteInput, SourceSentence
    from desktopapp.db.engine import open_database
    from desktopapp.db.store import TimelineStore

    path = tmp_path / "notes.timeline"
    store = TimelineStore.create(path, title="Notes", author="me")
    wire_text = "On 1 March 2022 Apple halted all exports to Russia, it said."
    notes_text = "Apple said the halt covers every product."
    wire = store.execute(AddSource(text=wire_text, title="Wire", outlet="Agency")).created_key
    notes = store.execute(
        AddSource(text=notes_text, title="My notes", author="A. Reporter", language="en")
    ).created_key
    actor = store.execute(AddActor("Apple", "company")).created_key
    assert wire and notes and actor
    first = QuoteInput(wire, 16, 50, wire_text[16:50])
    second = QuoteInput(notes, 0, len(notes_text), notes_text)
    store.execute(
        AddEvent(
            "Apple halts all exports to Russia",
            "corporate-withdrawal/export-halt",
            "2022-03-01",
            SourceSentence(first),
            ((actor, "acting"),),
            (first, second),
        )
    )
    store.close()
    target = tmp_path / "notes.pdf"
    repository = EventRepository(open_database(path))
    export_pdf(repository, EventFilter(), target)
    text = squash(read(target).text)
    assert squash(f"“{wire_text[16:50]}” — quoted from Agency") in text
    assert squash(f"“{notes_text}” — quoted from “My notes”") in text
    listed = text[text.index("Sourcesquoted") : text.index("Sourcesofthedates")]
    assert squash("“My notes”, A. Reporter, publication date not known") in listed


@pytest.mark.parametrize("count", [9, 99, 999, 2908])
def test_a_references_marker_never_runs_into_its_outlet(qapp, tmp_path: Path, count: int) -> None:
    # "[2908]" of a 10,000-event report used to overprint the outlet's name at 22 pt.
    from PySide6.QtGui import QFontMetricsF, QPdfWriter

    writer = QPdfWriter(str(tmp_path / "probe.pdf"))
    page = pdf._page_geometry(writer)
    styles = pdf.Styles(writer, page)
    indent = pdf._reference_indent(styles, count)
    marker = QFontMetricsF(pdf._marker_format(styles).font(), writer)
    widest = marker.horizontalAdvance(f"[{count}]") / page.pt(1)
    assert indent >= widest + pdf.MARKER_GAP_PT
    assert (indent == pdf.SOURCE_INDENT_PT) == (count < 100)  # a short list: as it was
