"""The thematic map as PNG, TIFF or PDF, drawn with matplotlib's own Agg/PDF renderers (a wheel; no
Cairo, Graphviz or browser binary is needed).

One layout unit is one CSS pixel, 1/96 inch, as in the SVG, so the three formats have the same size
on paper. PNG and TIFF are drawn at ``dpi`` dots per inch (300 by default, what journals ask of line
art with text) and carry that resolution in their metadata; PDF stays vector, with its TrueType fonts
embedded (``pdf.fonttype`` 42) so that a publisher's checker finds every font. Must not lay anything
out or touch storage.
"""

from __future__ import annotations

import io
from typing import Any

from cotheme.domain.thematic_map import (
    BOLD_DEPTH, LEGEND_FONT, LINE_HEIGHT, SWATCH_H, SWATCH_W, MapLayout,
)
from cotheme.errors import InvalidArgument
from cotheme.formats.map_svg import LINK, node_style, style

__all__ = ["DEFAULT_DPI", "FORMATS", "MAX_DPI", "MAX_PIXELS", "MIN_DPI", "pixel_size", "render_map"]

FORMATS = ("png", "tiff", "pdf")
DEFAULT_DPI = 300
#: 72 dpi is a screen; 1,200 dpi is the most any journal asks for (line art).
MIN_DPI, MAX_DPI = 72, 1200
#: An image larger than this is refused rather than drawn smaller: the drawing buffer alone takes
#: four bytes a pixel (100 megapixels = 400 MB) and the encoder as much again, which is more than a
#: shared team server should give one download. SVG and PDF, being vector, have no such limit.
MAX_PIXELS = 100_000_000
PX_PER_INCH = 96.0


def pixel_size(map_layout: MapLayout, dpi: int) -> tuple[int, int]:
    """Width and height in pixels of the map drawn at ``dpi``."""
    _, _, width, height = map_layout.bounds()
    return int(width / PX_PER_INCH * dpi), int(height / PX_PER_INCH * dpi)  # as matplotlib truncates


def _check(map_layout: MapLayout, fmt: str, dpi: int) -> None:
    if fmt not in FORMATS:
        raise InvalidArgument(f"The map can be drawn as {', '.join(FORMATS)} or svg, not '{fmt}'.")
    if not MIN_DPI <= dpi <= MAX_DPI:
        raise InvalidArgument(f"--dpi must be between {MIN_DPI} and {MAX_DPI} (journals ask for 300 to 600).")
    wide, high = pixel_size(map_layout, dpi)
    if fmt != "pdf" and wide * high > MAX_PIXELS:
        most = int(dpi * (MAX_PIXELS / (wide * high)) ** 0.5)
        raise InvalidArgument(
            f"At {dpi} dpi this map would be {wide:,} x {high:,} pixels, more than the "
            f"{MAX_PIXELS // 1_000_000} megapixels cotheme draws; choose --dpi {most} or less, "
            "or draw it as SVG or PDF, which stay sharp at any size."
        )


def render_map(map_layout: MapLayout, fmt: str, title: str = "Thematic map", dpi: int = DEFAULT_DPI) -> bytes:
    """PNG, TIFF or PDF bytes of the map; ``dpi`` sets the resolution of PNG and TIFF."""
    _check(map_layout, fmt, dpi)
    import matplotlib

    matplotlib.use("Agg", force=True)
    from matplotlib.figure import Figure

    left, top, width, height = map_layout.bounds()
    figure = Figure(figsize=(width / PX_PER_INCH, height / PX_PER_INCH))
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(left, left + width)
    axes.set_ylim(top + height, top)  # y grows downwards, as in the SVG
    axes.set_axis_off()
    _draw(axes, map_layout)
    buffer = io.BytesIO()
    options: dict[str, Any] = {"format": fmt, "dpi": dpi}
    if fmt == "pdf":
        options["metadata"] = {"Title": title, "Creator": "cotheme"}
    elif fmt == "tiff":
        options["pil_kwargs"] = {"compression": "tiff_lzw"}
    with matplotlib.rc_context({"pdf.fonttype": 42, "ps.fonttype": 42}):
        figure.savefig(buffer, **options)
    return buffer.getvalue()


def _draw(axes: Any, map_layout: MapLayout) -> None:
    from matplotlib.patches import FancyBboxPatch

    # Layout units are CSS px, matplotlib sizes are points: 1 px = 0.75 pt.
    pt = 72 / PX_PER_INCH
    for path in map_layout.paths:
        axes.plot([p[0] for p in path], [p[1] for p in path], color=LINK, linewidth=1.5 * pt, zorder=1,
                  solid_joinstyle="round")

    def box(x: float, y: float, w: float, h: float, look: tuple[str, str, str, float, str], radius: float) -> None:
        fill, _, stroke, stroke_width, dash = look
        axes.add_patch(FancyBboxPatch(
            (x, y), w, h, boxstyle=f"round,pad=0,rounding_size={radius}", facecolor=fill, edgecolor=stroke,
            linewidth=stroke_width * pt, linestyle=(0, (5, 3)) if dash else "solid", zorder=2,
        ))

    for node in map_layout.nodes:
        look = style(node)
        left, top, _, _ = node.box()
        box(left, top, node.width, node.height, look, 8)
        axes.text(node.x, node.y, "\n".join(node.lines), ha="center", va="center", fontsize=node.font_size * pt,
                  color=look[1], fontweight="bold" if node.depth <= BOLD_DEPTH else "normal",
                  linespacing=LINE_HEIGHT, zorder=3, family="DejaVu Sans")
    for item in map_layout.legend:
        box(item.x, item.y, SWATCH_W, SWATCH_H, node_style(item.role, item.status), 4)
        axes.text(item.x + SWATCH_W + 8, item.y + SWATCH_H / 2, item.label, ha="left", va="center",
                  fontsize=LEGEND_FONT * pt, color="#1F2328", zorder=3, family="DejaVu Sans")
