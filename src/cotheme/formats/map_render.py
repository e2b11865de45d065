"""The thematic map as PNG or PDF, drawn with matplotlib's own Agg/PDF renderers (a wheel; no Cairo,
Graphviz or browser binary is needed).

One layout unit becomes one point, so font sizes and box sizes keep the proportions of the SVG. Must
not lay anything out or touch storage.
"""

from __future__ import annotations

import io

from cotheme.domain.thematic_map import BOLD_DEPTH, LINE_HEIGHT, MapLayout
from cotheme.formats.map_svg import style

__all__ = ["render_map"]

#: PNG resolution: 150 dpi keeps 11-point code labels sharp on screen and in print...
PNG_DPI = 150
#: ...up to this many pixels on the longer side; a large map gets fewer dots per inch instead of a
#: 5,000-pixel image that takes seconds to encode and nobody can open comfortably.
PNG_MAX_PIXELS = 3000


def render_map(map_layout: MapLayout, fmt: str, title: str = "Thematic map") -> bytes:
    """PNG or PDF bytes of the map (``fmt`` is ``png`` or ``pdf``)."""
    import matplotlib

    matplotlib.use("Agg", force=True)
    from matplotlib.figure import Figure
    from matplotlib.patches import FancyBboxPatch

    left, top, width, height = map_layout.bounds()
    figure = Figure(figsize=(width / 72, height / 72))
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(left, left + width)
    axes.set_ylim(top + height, top)  # y grows downwards, as in the SVG
    axes.set_axis_off()
    at = {n.node.key: n for n in map_layout.nodes}
    for a, b in map_layout.edges:
        axes.plot([at[a].x, at[b].x], [at[a].y, at[b].y], color="#8C959F", linewidth=1.5, zorder=1)
    for node in map_layout.nodes:
        fill, ink, stroke, stroke_width, dash = style(node)
        box_left, box_top, _, _ = node.box()
        axes.add_patch(FancyBboxPatch(
            (box_left, box_top), node.width, node.height, boxstyle="round,pad=0,rounding_size=8",
            facecolor=fill, edgecolor=stroke, linewidth=stroke_width,
            linestyle=(0, (5, 3)) if dash else "solid", zorder=2,
        ))
        axes.text(node.x, node.y, "\n".join(node.lines), ha="center", va="center", fontsize=node.font_size,
                  color=ink, fontweight="bold" if node.depth <= BOLD_DEPTH else "normal",
                  linespacing=LINE_HEIGHT, zorder=3, family="DejaVu Sans")
    buffer = io.BytesIO()
    dpi = min(PNG_DPI, PNG_MAX_PIXELS * 72 / max(width, height))
    figure.savefig(buffer, format=fmt, dpi=dpi, metadata={"Title": title} if fmt == "pdf" else None)
    return buffer.getvalue()
