"""The thematic map as SVG (self-contained, no scripts) and as JSON-ready data for the map editor.

Draws a ``MapLayout`` exactly where the layout put it: links first, then each node as a rounded box
with its wrapped label. A candidate theme has a dashed border, a reviewed one a solid border, a defined
one a heavier border. Each theme's group carries ``data-theme-id`` so a page can make it draggable.
Must not lay anything out or touch storage.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape, quoteattr

from cotheme.domain.thematic_map import BOLD_DEPTH, LINE_HEIGHT, MapLayout, PlacedNode

__all__ = ["FILL", "layout_json", "write_svg"]

#: Box fill by depth from the centre: calm, print-safe tints (Okabe-Ito blues and greens).
FILL = ("#0072B2", "#56B4E9", "#CCE7F5", "#EEF6EC", "#F6F8FA")
TEXT = ("#FFFFFF", "#0B2536", "#0B2536", "#1F2328", "#1F2328")
STROKE = {"candidate": ("#57606A", 1.2, "5 3"), "reviewed": ("#24292F", 1.4, ""), "defined": ("#24292F", 2.4, "")}


def style(node: PlacedNode) -> tuple[str, str, str, float, str]:
    """(fill, text colour, stroke colour, stroke width, dash pattern) of a node."""
    at = min(node.depth, len(FILL) - 1)
    stroke, width, dash = STROKE.get(node.node.status, ("#8C959F", 1.0, ""))
    return FILL[at], TEXT[at], stroke, width, dash


def layout_json(map_layout: MapLayout) -> dict[str, Any]:
    """Nodes and links as the map editor needs them (coordinates in CSS pixels, y down)."""
    left, top, width, height = map_layout.bounds()
    return {
        "bounds": {"left": left, "top": top, "width": width, "height": height},
        "nodes": [
            {"key": n.node.key, "label": n.node.label, "kind": n.node.kind, "theme_id": n.node.theme_id,
             "status": n.node.status, "depth": n.depth, "x": round(n.x, 2), "y": round(n.y, 2),
             "width": round(n.width, 2), "height": round(n.height, 2), "lines": list(n.lines),
             "font_size": n.font_size, "saved": n.node.saved is not None}
            for n in map_layout.nodes
        ],
        "edges": [{"from": a, "to": b} for a, b in map_layout.edges],
    }


def write_svg(map_layout: MapLayout, title: str = "Thematic map") -> bytes:
    left, top, width, height = map_layout.bounds()
    at = {n.node.key: n for n in map_layout.nodes}
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{left:.1f} {top:.1f} {width:.1f} {height:.1f}" '
        f'width="{width:.0f}" height="{height:.0f}" font-family="DejaVu Sans, Helvetica, Arial, sans-serif">',
        f"<title>{escape(title)}</title>",
        f'<rect x="{left:.1f}" y="{top:.1f}" width="{width:.1f}" height="{height:.1f}" fill="#FFFFFF"/>',
        '<g stroke="#8C959F" stroke-width="1.5">',
    ]
    parts += [
        f'<line x1="{at[a].x:.1f}" y1="{at[a].y:.1f}" x2="{at[b].x:.1f}" y2="{at[b].y:.1f}"/>'
        for a, b in map_layout.edges
    ]
    parts.append("</g>")
    for node in map_layout.nodes:
        fill, ink, stroke, stroke_width, dash = style(node)
        box_left, box_top, _, _ = node.box()
        data = f' data-theme-id="{node.node.theme_id}"' if node.node.theme_id is not None else ""
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(f'<g class="node {node.node.kind}" data-key={quoteattr(node.node.key)}{data}>')
        parts.append(
            f'<rect x="{box_left:.1f}" y="{box_top:.1f}" width="{node.width:.1f}" height="{node.height:.1f}" '
            f'rx="8" fill="{fill}" stroke="{stroke}" stroke-width="{stroke_width}"{dash_attr}/>'
        )
        line_height = node.font_size * LINE_HEIGHT
        first = node.y - line_height * (len(node.lines) - 1) / 2
        weight = ' font-weight="bold"' if node.depth <= BOLD_DEPTH else ""
        parts.append(
            f'<text text-anchor="middle" dominant-baseline="central" font-size="{node.font_size}" fill="{ink}"{weight}>'
            + "".join(
                f'<tspan x="{node.x:.1f}" y="{first + i * line_height:.1f}">{escape(line)}</tspan>'
                for i, line in enumerate(node.lines)
            )
            + "</text></g>"
        )
    parts.append("</svg>")
    return ("\n".join(parts) + "\n").encode("utf-8")
