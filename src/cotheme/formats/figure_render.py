"""The figures as SVG, PNG or PDF, drawn with matplotlib's own SVG/Agg/PDF renderers: the heatmaps
(codes x participants, codes x codes) and the coverage strips.

SVG keeps its text as text (searchable, editable in a drawing program) and PDF embeds its fonts; PNG
has a chosen resolution. Sizes follow the data: a cell is about a quarter inch, a label as wide as its
text. Must not compute anything from a project (``services/figures.py`` does) nor touch storage.
"""

from __future__ import annotations

import io
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from cotheme.domain.figures import DEFAULT_DPI, FIGURE_FORMATS, MAX_DPI, MIN_DPI, Coverage, Heatmap
from cotheme.errors import InvalidArgument
from cotheme.formats.figure_scale import SCALE_STOPS, colour_at, ink_on, scale

__all__ = ["check_figure_format", "render_coverage", "render_heatmap"]

CELL = 0.26  # inches per heatmap cell
CHAR = 0.062  # inches per character of an 8-point label
TITLE_CHAR = 0.09  # inches per character of the 10-point bold title
FONT = 8
#: A PNG longer than this on either side is drawn at fewer dots per inch instead.
MAX_PIXELS = 16000
#: Numbers in the cells while a heatmap is small enough for them to be read.
NUMBERS_UP_TO = 60
FAMILY = "DejaVu Sans"


def check_figure_format(fmt: str, dpi: int = DEFAULT_DPI) -> str:
    """The format in lower case, or one sentence saying which there are; the dpi checked too."""
    cleaned = fmt.strip().lower().lstrip(".")
    if cleaned not in FIGURE_FORMATS:
        raise InvalidArgument(f"A figure is written as {', '.join(FIGURE_FORMATS)}, not '{fmt}'.")
    if not MIN_DPI <= dpi <= MAX_DPI:
        raise InvalidArgument(f"--dpi must be between {MIN_DPI} and {MAX_DPI}, not {dpi}.")
    return cleaned


#: One figure at a time: a web server draws the page's three figures on three threads, and matplotlib's
#: first import and its settings are not safe to share between threads.
_DRAWING = threading.Lock()


@contextmanager
def _drawing() -> Iterator[None]:
    """Hold the drawing lock with the figures' settings (text kept as text in SVG, fonts embedded in
    PDF), restored afterwards so other drawings in the process keep theirs."""
    with _DRAWING:
        import matplotlib

        matplotlib.use("Agg", force=True)
        with matplotlib.rc_context({"svg.fonttype": "none", "pdf.fonttype": 42, "font.family": FAMILY,
                                    "font.size": FONT, "svg.hashsalt": "cotheme"}):
            yield


def _figure(width: float, height: float) -> Any:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height))


def _save(figure: Any, fmt: str, dpi: int, title: str) -> bytes:
    width, height = figure.get_size_inches()
    dpi = int(min(dpi, MAX_PIXELS / max(width, height)))
    buffer = io.BytesIO()
    metadata: dict[str, Any] = {"Title": title}
    if fmt == "svg":
        metadata["Date"] = None
    elif fmt == "png":
        metadata = {"Title": title}
    else:
        metadata["CreationDate"] = None
    with warnings.catch_warnings():
        # A character DejaVu Sans lacks (CJK, say) is drawn as a box; saying so on stderr helps no one.
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        figure.savefig(buffer, format=fmt, dpi=dpi, metadata=metadata)
    return buffer.getvalue()


def _spans(groups: tuple[str, ...]) -> list[tuple[str, int, int]]:
    """Runs of equal group names: (name, first index, last index)."""
    runs: list[tuple[str, int, int]] = []
    for i, group in enumerate(groups):
        if runs and runs[-1][0] == group:
            runs[-1] = (group, runs[-1][1], i)
        else:
            runs.append((group, i, i))
    return runs


def render_heatmap(heatmap: Heatmap, fmt: str, *, dpi: int = DEFAULT_DPI) -> bytes:
    """A heatmap with row groups (brackets on the right), column groups (on top) and a legend."""
    fmt = check_figure_format(fmt, dpi)
    with _drawing():
        return _heatmap(heatmap, fmt, dpi)


def _heatmap(heatmap: Heatmap, fmt: str, dpi: int) -> bytes:
    from matplotlib.colors import ListedColormap

    n_rows, n_cols = max(len(heatmap.rows), 1), max(len(heatmap.columns), 1)
    row_label = max((len(r.label) for r in heatmap.rows), default=8) * CHAR + 0.3
    col_label = max((len(c) for c in heatmap.columns), default=4) * CHAR + 0.3
    group_label = max((len(r.group) for r in heatmap.rows), default=0) * CHAR + 0.5
    top = 0.35 + _column_group_height(heatmap)
    width = max(row_label + n_cols * CELL + group_label + 1.2, len(heatmap.title) * TITLE_CHAR + 0.4)
    height = top + n_rows * CELL + col_label + 0.1
    figure = _figure(width, height)
    axes = figure.add_axes((row_label / width, col_label / height, n_cols * CELL / width, n_rows * CELL / height))
    grid = [list(r.values) for r in heatmap.rows] or [[0] * n_cols]
    peak = max(heatmap.maximum, 1)
    colours = [SCALE_STOPS[0], SCALE_STOPS[-2]] if heatmap.presence else scale()
    axes.imshow(grid, cmap=ListedColormap(colours), vmin=0, vmax=1 if heatmap.presence else peak,
                aspect="auto", interpolation="nearest")
    axes.set_yticks(range(len(heatmap.rows)), [r.label for r in heatmap.rows])
    axes.set_xticks(range(len(heatmap.columns)), list(heatmap.columns), rotation=90)
    axes.tick_params(length=0)
    axes.set_xlabel(heatmap.column_axis)
    axes.set_ylabel(heatmap.row_axis)
    for spine in axes.spines.values():
        spine.set_visible(False)
    if n_rows * n_cols and max(n_rows, n_cols) <= NUMBERS_UP_TO and not heatmap.presence:
        for i, row in enumerate(heatmap.rows):
            for j, value in enumerate(row.values):
                if value:
                    ink = ink_on(colour_at(value / peak))
                    axes.text(j, i, str(value), ha="center", va="center", fontsize=FONT - 1, color=ink)
    _row_groups(axes, heatmap, n_cols)
    _column_groups(axes, heatmap, n_rows)
    figure.text(0.15 / width, 1 - 0.15 / height, heatmap.title, fontsize=FONT + 2, fontweight="bold",
                ha="left", va="top")
    _legend(figure, heatmap, peak, width, height, top)
    return _save(figure, fmt, dpi, heatmap.title)


def _row_groups(axes: Any, heatmap: Heatmap, n_cols: int) -> None:
    runs = _spans(tuple(r.group for r in heatmap.rows))
    if len(runs) < 2 and not (runs and runs[0][0]):
        return
    for k, (name, first, last) in enumerate(runs):
        if k:
            axes.axhline(first - 0.5, color="#ffffff", linewidth=2.5)
        x = n_cols - 0.5 + 0.3
        axes.plot([x, x], [first - 0.35, last + 0.35], color="#57606a", linewidth=1, clip_on=False)
        axes.text(x + 0.25, (first + last) / 2, name, ha="left", va="center", fontsize=FONT, fontweight="bold",
                  clip_on=False)


def _crowded(heatmap: Heatmap) -> bool:
    """Whether some column group's name is wider than its columns (then every name stands upright)."""
    return any(len(name) * CHAR > (last - first + 1) * CELL for name, first, last in _spans(heatmap.column_groups))


def _column_group_height(heatmap: Heatmap) -> float:
    if not any(heatmap.column_groups):
        return 0.0
    if _crowded(heatmap):
        return max(len(g) for g in heatmap.column_groups) * CHAR + 0.35
    return 0.35


def _column_groups(axes: Any, heatmap: Heatmap, n_rows: int) -> None:
    if not any(heatmap.column_groups):
        return
    upright = _crowded(heatmap)
    for k, (name, first, last) in enumerate(_spans(heatmap.column_groups)):
        if k:
            axes.axvline(first - 0.5, color="#ffffff", linewidth=2.5)
        y = -0.5 - 0.3
        axes.plot([first - 0.35, last + 0.35], [y, y], color="#57606a", linewidth=1, clip_on=False)
        axes.text((first + last) / 2, y - 0.2, name, ha="center", va="bottom", fontsize=FONT, fontweight="bold",
                  rotation=90 if upright else 0, clip_on=False)


def _legend(figure: Any, heatmap: Heatmap, peak: int, width: float, height: float, top: float) -> None:
    """The scale with what a cell counts: a bar from 0 to the largest value, or two swatches."""
    left = 1 - 1.0 / width
    axes = figure.add_axes((left, 1 - (top + 1.6) / height, 0.18 / width, 1.4 / height))
    if heatmap.presence:
        axes.imshow([[1], [0]], cmap=_cmap([SCALE_STOPS[0], SCALE_STOPS[-2]]), aspect="auto", vmin=0, vmax=1)
        axes.set_yticks([0, 1], ["yes", "no"])
    else:
        axes.imshow([[v] for v in range(peak, -1, -1)], cmap=_cmap(scale()), aspect="auto", vmin=0, vmax=peak)
        axes.set_yticks([0, peak], [str(peak), "0"])
    axes.set_xticks([])
    axes.yaxis.tick_right()
    axes.set_title(heatmap.value_label, fontsize=FONT - 1, loc="left", wrap=True)


def _cmap(colours: list[str]) -> Any:
    from matplotlib.colors import ListedColormap

    return ListedColormap(colours)


def render_coverage(found: Coverage, fmt: str, *, dpi: int = DEFAULT_DPI) -> bytes:
    """One block per transcript, one lane per theme, a dark bar wherever the theme is coded."""
    fmt = check_figure_format(fmt, dpi)
    with _drawing():
        return _coverage(found, fmt, dpi)


def _coverage(found: Coverage, fmt: str, dpi: int) -> bytes:
    lanes = max(len(found.themes), 1)
    label = max([len(t) for t in found.themes] + [len(s.document) + 2 for s in found.strips] + [8]) * CHAR + 0.3
    lane_h = 0.2
    rows = max(len(found.strips), 1) * (lanes + 1)
    heading = f"Where each theme is coded: {found.title}"
    width = max(label + 6.0, 7.0, len(heading) * TITLE_CHAR + 0.4)
    height = 0.6 + rows * lane_h + 0.6
    figure = _figure(width, height)
    axes = figure.add_axes((label / width, 0.6 / height, 5.6 / width, rows * lane_h / height))
    ink, back = SCALE_STOPS[-2], SCALE_STOPS[1]
    ticks, names = [], []
    y = 0.0
    for strip in found.strips:
        axes.text(-0.01, y + 0.1, strip.document, transform=axes.get_yaxis_transform(), ha="right", va="center",
                  fontweight="bold", fontsize=FONT)
        y += 1
        for lane in strip.lanes:
            axes.broken_barh([(0, 100)], (y - 0.4, 0.8), facecolors=back)
            axes.broken_barh([(s * 100, max((e - s) * 100, 0.3)) for s, e in lane.segments], (y - 0.4, 0.8),
                             facecolors=ink)
            ticks.append(y)
            names.append(lane.theme)
            y += 1
    axes.set_ylim(y - 0.4, -0.6)
    axes.set_xlim(0, 100)
    axes.set_yticks(ticks, names)
    axes.tick_params(axis="y", length=0)
    axes.set_xlabel("Position in the transcript (% of its length)")
    for side in ("top", "right", "left"):
        axes.spines[side].set_visible(False)
    figure.text(0.02, 1 - 0.25 / height, heading, fontsize=FONT + 2,
                fontweight="bold", va="top")
    if not found.strips:
        axes.text(50, 0, "No transcripts yet.", ha="center")
    return _save(figure, fmt, dpi, found.title)
