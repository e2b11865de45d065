"""What the figures show, as plain data: a heatmap (codes x participants, or codes x codes) with its
rows and columns in groups, and coverage strips (where along each transcript each theme is coded).

Services fill these from the project; ``formats/figure_render.py`` draws them. Must not do I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

#: The figures there are, in the order the Figures page shows them.
FIGURE_KINDS: tuple[str, ...] = ("heatmap", "cooccurrence", "coverage")
#: What a heatmap cell of the code x participant figure holds.
HEATMAP_VALUES: tuple[str, ...] = ("counts", "presence")
#: The files a figure is written as.
FIGURE_FORMATS: tuple[str, ...] = ("svg", "png", "pdf")
#: Default resolution of a PNG: what journals ask for figures.
DEFAULT_DPI = 300
#: Below this a figure's text is unreadable; above it a PNG is enormous for no gain.
MIN_DPI, MAX_DPI = 72, 1200


@dataclass(frozen=True, slots=True)
class HeatmapRow:
    """One row: its label, the group it is drawn in (a theme, or "" for none) and one value per column."""

    label: str
    group: str
    values: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Heatmap:
    """Rows x columns of counts. ``column_groups`` names each column's group ("" when ungrouped);
    ``value_label`` says what a cell counts and ``presence`` that cells are 0/1 only."""

    title: str
    rows: tuple[HeatmapRow, ...]
    columns: tuple[str, ...]
    column_groups: tuple[str, ...]
    row_axis: str
    column_axis: str
    value_label: str
    presence: bool = False

    @property
    def maximum(self) -> int:
        return max((v for r in self.rows for v in r.values), default=0)


@dataclass(frozen=True, slots=True)
class CoverageLane:
    """One theme along one transcript: coded stretches as fractions of its length (0-1), merged."""

    theme: str
    segments: tuple[tuple[float, float], ...]


@dataclass(frozen=True, slots=True)
class CoverageStrip:
    document: str
    length: int
    lanes: tuple[CoverageLane, ...]


@dataclass(frozen=True, slots=True)
class Coverage:
    title: str
    themes: tuple[str, ...]
    strips: tuple[CoverageStrip, ...]


def merge_segments(spans: list[tuple[int, int]], length: int) -> tuple[tuple[float, float], ...]:
    """Overlapping or touching ``(start, end)`` spans as merged stretches, as fractions of ``length``."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    size = max(length, 1)
    return tuple((min(s / size, 1.0), min(e / size, 1.0)) for s, e in merged)
