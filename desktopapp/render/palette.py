"""Colours of the timeline: one per top-level event type, plus the chart's neutral tones.

Type colours come from the Okabe-Ito palette, chosen to stay distinguishable with the common
colour-vision deficiencies. Yellow is left out (illegible on white); the dark variants are
lightened so marks keep their contrast on a dark background. Type is never told by colour
alone: lanes, legends and tooltips name it too.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor

# (light background, dark background)
_TYPE_COLOURS: dict[str, tuple[str, str]] = {
    "aid": ("#009E73", "#2FCB9C"),  # bluish green
    "corporate-withdrawal": ("#0072B2", "#4DA8E0"),  # blue
    "media-restriction": ("#CC79A7", "#E29BC4"),  # reddish purple
    "sanction": ("#D55E00", "#FF8A3D"),  # vermillion
    "market-move": ("#E69F00", "#F5B83D"),  # orange
    "capital-control": ("#56B4E9", "#86CDF5"),  # sky blue
}
_FALLBACK = ("#6E6E6E", "#A8A8A8")


def type_colour(type_slug: str, *, dark: bool = False) -> QColor:
    """The colour of an event type, decided by its top-level slug ('aid/donation' -> aid)."""
    root = type_slug.split("/", 1)[0]
    light, dark_value = _TYPE_COLOURS.get(root, _FALLBACK)
    return QColor(dark_value if dark else light)


@dataclass(frozen=True)
class ChartColours:
    """Neutral tones of the chart for one background."""

    background: QColor
    text: QColor
    muted_text: QColor
    grid: QColor
    minor_grid: QColor
    axis_background: QColor
    lane_band: QColor
    lane_separator: QColor
    header_background: QColor
    selection: QColor
    bins: QColor
    note_background: QColor

    @classmethod
    def for_background(cls, *, dark: bool = False) -> ChartColours:
        if dark:
            return cls(
                background=QColor("#1E1F22"),
                text=QColor("#E6E6E6"),
                muted_text=QColor("#A0A4AB"),
                grid=QColor("#3C3F45"),
                minor_grid=QColor("#2C2E33"),
                axis_background=QColor("#26282C"),
                lane_band=QColor("#232428"),
                lane_separator=QColor("#3A3C41"),
                header_background=QColor(38, 40, 44),
                selection=QColor("#FFD54A"),
                bins=QColor("#8FA3BF"),
                note_background=QColor(60, 63, 69, 235),
            )
        return cls(
            background=QColor("#FFFFFF"),
            text=QColor("#1F2328"),
            muted_text=QColor("#656D76"),
            grid=QColor("#D0D7DE"),
            minor_grid=QColor("#EEF1F4"),
            axis_background=QColor("#F6F8FA"),
            lane_band=QColor("#F8F9FB"),
            lane_separator=QColor("#DDE2E7"),
            header_background=QColor(246, 248, 250),
            selection=QColor("#1F2328"),
            bins=QColor("#5B7290"),
            note_background=QColor(255, 248, 197, 245),
        )
