"""Where every block of a report goes: pure arithmetic on heights and allowed break points.

A block is measured (:meth:`Block.measure`) into a height and the positions where it may be
cut (between two lines of text, or between two slices of the chart, never
leaving a lone line on either side). The paginator only decides; painting is elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtGui import QPainter


class Measured(Protocol):
    """A block measured at the page width: its height and where it may be cut."""

    @property
    def height(self) -> float: ...

    @property
    def breaks(self) -> Sequence[float]:
        """Allowed cuts, ascending, strictly between 0 and height."""
        ...


class LaidOut(Measured, Protocol):
    """A block laid out, ready to paint."""

    def paint(self, painter: QPainter, top: float, start: float, end: float) -> None:
        """Paint the part [start, end) of the block with its ``start`` at page y ``top``."""


@dataclass(frozen=True)
class Measure:
    """What the paginator keeps of a block once measured."""

    height: float
    breaks: tuple[float, ...] = ()


class Block(Protocol):
    keep_with_next: bool
    space_before: float
    floats: bool

    def measure(self, room: float) -> Measured:
        """Measure the block; ``room`` is the height left on the page where it would start.
        Asked once or twice per block (a heading asks what follows it): cheap if remembered."""
        ...


@dataclass
class Placement:
    page: int
    y: float
    start: float
    end: float


@dataclass
class Page:
    """The page geometry in device pixels (origin at the top-left of the margins)."""

    width: float
    height: float
    body_height: float
    dpi: float

    def pt(self, points: float) -> float:
        return points * self.dpi / 72.0


def paginate(
    blocks: Sequence[Block], page: Page, tick: Callable[[], None]
) -> tuple[list[list[Placement]], list[float]]:
    """Decide where every block goes: placements per block, and the room each was laid in.

    A block that fits in the room left is placed there; one kept with the next (a heading)
    only if the first piece of the next block fits under it too. One that does not fit is
    cut at its last allowed break that fits, and goes on at the top of the next page(s);
    with no allowed break that fits, it starts on a new page. A *floating* block (the
    chart) that cannot start where it falls waits for the top of the next page while the
    text goes on filling the current one, as figures do in printed reports.
    """
    result: list[list[Placement]] = [[] for _ in blocks]
    rooms: list[float] = [0.0] * len(blocks)
    room = page.body_height
    index, y = 0, 0.0
    waiting: list[tuple[int, Measured]] = []  # floats deferred to the next page

    def flow(number: int, laid: Measured, start: float) -> None:
        """Place ``laid`` from ``start`` on, at ``y``, cutting and turning pages as needed."""
        nonlocal y
        height = laid.height
        while True:
            left = room - y
            if height - start <= left + 0.01:
                result[number].append(Placement(index, y, start, height))
                y += height - start
                return
            cut = max((b for b in laid.breaks if start < b <= start + left + 0.01), default=None)
            if cut is None and y == 0:  # nothing fits even on a whole page: cut anyway
                cut = start + left
            if cut is not None:
                result[number].append(Placement(index, y, start, cut))
                start = cut
            new_page()

    def new_page() -> None:
        nonlocal index, y
        index, y = index + 1, 0.0
        deferred = list(waiting)
        waiting.clear()
        for number, laid in deferred:
            flow(number, laid, 0.0)

    for number, block in enumerate(blocks):
        tick()
        gap = block.space_before if y > 0 else 0.0
        rooms[number] = room - y - gap
        laid = block.measure(rooms[number])
        needed = laid.height
        if block.keep_with_next and number + 1 < len(blocks):
            needed += _first_piece(blocks[number + 1], rooms[number] - laid.height)
        if needed <= rooms[number] + 0.01:
            result[number].append(Placement(index, y + gap, 0.0, laid.height))
            y += gap + laid.height
            continue
        fits_a_part = not block.keep_with_next and any(
            b <= rooms[number] + 0.01 for b in laid.breaks
        )
        if block.floats and not fits_a_part and number + 1 < len(blocks) and y > 0:
            waiting.append((number, laid))
            continue
        if fits_a_part:
            y += gap
        else:
            new_page()
            while (
                y > 0
                and y + block.space_before + laid.height > room
                and not any(b <= room - y - block.space_before for b in laid.breaks)
            ):
                new_page()  # a float took this page: nothing of the block fits under it
            y += block.space_before if y > 0 else 0.0
        flow(number, laid, 0.0)
    if waiting:
        new_page()
    return result, rooms


def _first_piece(block: Block, room: float) -> float:
    """The least of ``block`` that can stand at the foot of a page (all of it, or its part
    before its first allowed cut), with the space above it: what a heading needs under it."""
    laid = block.measure(max(0.0, room - block.space_before))
    return block.space_before + min([laid.height, *laid.breaks[:1]])
