"""The thematic map as SVG (self-contained, no scripts) and as JSON-ready data for the map editor.

Draws a ``MapLayout`` exactly where the layout put it: links first, then each node as a rounded box
with its wrapped label, then the legend. The fill says what a node is (overarching theme, theme,
subtheme, code); a theme's border says its status: dashed for a candidate, solid for a reviewed
theme, heavier for a defined one. Each theme's group carries ``data-theme-id`` so a page can make
it draggable. Must not lay anything out or touch storage.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape, quoteattr

from cotheme.domain.thematic_map import (
    BOLD_DEPTH, LEGEND_FONT, LINE_HEIGHT, SWATCH_H, SWATCH_W, LegendItem, MapLayout, PlacedNode, role,
)

__all__ = ["FILL", "layout_json", "node_style", "style", "write_svg"]

#: Fill and text colour by role: calm, print-safe tints (Okabe-Ito blues and greens), each text
#: colour at least 4.5:1 against its fill.
FILL = {"study": ("#0072B2", "#FFFFFF"), "overarching": ("#0072B2", "#FFFFFF"), "theme": ("#56B4E9", "#0B2536"),
        "subtheme": ("#CCE7F5", "#0B2536"), "code": ("#EEF6EC", "#1F2328"),
        "status": ("#FFFFFF", "#1F2328")}
#: Border colour, width and dash pattern by theme status; anything else (study, codes) gets PLAIN.
STROKE = {"candidate": ("#57606A", 1.2, "5 3"), "reviewed": ("#24292F", 1.4, ""), "defined": ("#24292F", 2.6, "")}
PLAIN = ("#8C959F", 1.0, "")
LINK = "#8C959F"


def node_style(node_role: str, status: str) -> tuple[str, str, str, float, str]:
    """(fill, text colour, stroke colour, stroke width, dash pattern) for a role and status."""
    fill, ink = FILL[node_role]
    stroke, width, dash = STROKE.get(status, PLAIN)
    return fill, ink, stroke, width, dash


def style(node: PlacedNode) -> tuple[str, str, str, float, str]:
    """(fill, text colour, stroke colour, stroke width, dash pattern) of a node."""
    return node_style(role(node), node.node.status)


def layout_json(map_layout: MapLayout) -> dict[str, Any]:
    """Nodes, links and legend as the map editor needs them (coordinates in CSS pixels, y down)."""
    left, top, width, height = map_layout.bounds()
    return {
        "layout": map_layout.kind,
        "bounds": {"left": left, "top": top, "width": width, "height": height},
        "nodes": [
            {"key": n.node.key, "label": n.node.label, "kind": n.node.kind, "theme_id": n.node.theme_id,
             "status": n.node.status, "role": role(n), "depth": n.depth, "x": round(n.x, 2), "y": round(n.y, 2),
             "width": round(n.width, 2), "height": round(n.height, 2), "lines": list(n.lines),
             "font_size": n.font_size, "saved": n.node.saved is not None}
            for n in map_layout.nodes
        ],
        "edges": [{"from": a, "to": b} for a, b in map_layout.edges],
        "legend": [{"role": i.role, "status": i.status, "label": i.label} for i in map_layout.legend],
    }


def _legend_svg(item: LegendItem) -> str:
    fill, _, stroke, stroke_width, dash = node_style(item.role, item.status)
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        f'<rect x="{item.x:.1f}" y="{item.y:.1f}" width="{SWATCH_W}" height="{SWATCH_H}" rx="4" fill="{fill}" '
        f'stroke="{stroke}" stroke-width="{stroke_width}"{dash_attr}/>'
        f'<text x="{item.x + SWATCH_W + 8:.1f}" y="{item.y + SWATCH_H / 2:.1f}" dominant-baseline="central" '
        f'font-size="{LEGEND_FONT}" fill="#1F2328">{escape(item.label)}</text>'
    )


def write_svg(map_layout: MapLayout, title: str = "Thematic map") -> bytes:
    left, top, width, height = map_layout.bounds()
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{left:.1f} {top:.1f} {width:.1f} {height:.1f}" '
        f'width="{width:.0f}" height="{height:.0f}" font-family="DejaVu Sans, Helvetica, Arial, sans-serif">',
        f"<title>{escape(title)}</title>",
        f'<rect class="frame" x="{left:.1f}" y="{top:.1f}" width="{width:.1f}" height="{height:.1f}" fill="#FFFFFF"/>',
        f'<g class="links" stroke="{LINK}" stroke-width="1.5" fill="none">',
    ]
    parts += [
        '<polyline points="' + " ".join(f"{x:.1f},{y:.1f}" for x, y in path) + '"/>' for path in map_layout.paths
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
        # One text element a line, separated by a newline, so that the group's text reads as the
        # label with spaces between its lines (what a screen reader says and axe compares with).
        parts.append("\n".join(
            f'<text x="{node.x:.1f}" y="{first + i * line_height:.1f}" text-anchor="middle" '
            f'dominant-baseline="central" font-size="{node.font_size}" fill="{ink}"{weight}>{escape(line)}</text>'
            for i, line in enumerate(node.lines)
        ) + "</g>")
    if map_layout.legend:
        parts.append('<g class="legend">' + "".join(_legend_svg(i) for i in map_layout.legend) + "</g>")
    parts.append("</svg>")
    return ("\n".join(parts) + "\n").encode("utf-8")
