"""The thematic map as geometry: what to draw, how big each label is, and where it all goes.

Owns ``MapNode`` (what to draw: the centre - the overarching theme, or the study when there are
several top-level themes -, themes, subthemes and optionally codes), label wrapping and size
estimates, the choice of layout (``radial``: the centre in the middle, themes around it, subthemes
outside their theme, as published thematic maps are drawn; ``tree``: the centre on the left and each
level in a column to its right), the links' paths, the legend, and saved positions (a dragged theme
keeps its place and carries the nodes below it that were not dragged themselves; only the radial
layout, the one the map editor shows, uses them). Units are CSS pixels with y downwards, as SVG and
the browser use. Must not do I/O or draw: ``formats/map_svg.py`` and ``map_render.py`` do.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from cotheme.domain import map_radial, map_tree
from cotheme.domain.map_geometry import Box, Path, overlaps
from cotheme.errors import InvalidArgument

__all__ = [
    "BOLD_DEPTH", "LAYOUTS", "LINE_HEIGHT", "LegendItem", "MapLayout", "MapNode", "PlacedNode", "check_layout",
    "label_box", "layout", "overlaps", "role",
]

LAYOUTS = ("radial", "tree")
#: Font size (px) and the characters per line a label wraps at, by depth from the centre: about
#: 16-20 characters keeps boxes near 3:1, which packs around a ring better than long single lines.
FONT_SIZES = (18.0, 15.0, 12.5, 11.0, 10.0)
WRAP_AT = (18, 16, 18, 20, 20)
#: Average advance of a sans-serif character as a share of the font size (DejaVu Sans, the widest
#: common default, averages ~0.55 on mixed-case text; 0.6 leaves a margin).
CHAR_WIDTH = 0.6
#: Labels near the centre are bold, and DejaVu Sans Bold runs ~12% wider.
CHAR_WIDTH_BOLD = 0.68
BOLD_DEPTH = 1
#: The tree's labels wrap at 1.6 times the radial width: columns have room across, and a tree of 60
#: nodes is tall enough already.
TREE_WRAP = 1.6
LINE_HEIGHT = 1.25
PAD_X, PAD_Y = 10.0, 6.0
#: The frame's clear margin around everything drawn, and the legend's swatch and row sizes.
MARGIN = 24.0
SWATCH_W, SWATCH_H, LEGEND_FONT, LEGEND_ROW = 30.0, 16.0, 11.0, 24.0

#: What a node's fill says, by role; what a theme's border says, by status.
ROLE_LABELS = {"study": "Study", "overarching": "Overarching theme", "theme": "Theme",
               "subtheme": "Subtheme", "code": "Code"}
STATUS_LABELS = {"candidate": "Candidate theme", "reviewed": "Reviewed theme", "defined": "Defined theme"}


@dataclass(frozen=True, slots=True)
class MapNode:
    """A node to place: ``key`` is unique (``centre``, ``t12`` for theme 12, ``c5/t12`` for code 5 under
    theme 12); ``status`` is a theme's status, empty for the centre and codes."""

    key: str
    label: str
    kind: str  # "centre" | "theme" | "code"
    parent: str | None
    theme_id: int | None = None
    status: str = ""
    saved: tuple[float, float] | None = None


@dataclass(frozen=True, slots=True)
class PlacedNode:
    """A node with its centre, label lines and label box size."""

    node: MapNode
    depth: int
    x: float
    y: float
    width: float
    height: float
    lines: tuple[str, ...]
    font_size: float

    def box(self) -> Box:
        """(left, top, right, bottom)."""
        return (self.x - self.width / 2, self.y - self.height / 2, self.x + self.width / 2, self.y + self.height / 2)


@dataclass(frozen=True, slots=True)
class LegendItem:
    """One legend row: a swatch drawn like a node of ``role`` with a border of ``status`` (empty:
    the role's plain border; a status alone comes on a white swatch, role ``status``), its top-left
    corner at (x, y), and what it means."""

    role: str
    status: str
    label: str
    x: float
    y: float


@dataclass(frozen=True, slots=True)
class MapLayout:
    nodes: tuple[PlacedNode, ...]
    edges: tuple[tuple[str, str], ...]
    paths: tuple[Path, ...] = ()
    legend: tuple[LegendItem, ...] = ()
    kind: str = "radial"

    def drawing_bounds(self) -> Box:
        """(left, top, right, bottom) of the nodes alone."""
        boxes = [n.box() for n in self.nodes] or [(0.0, 0.0, 0.0, 0.0)]
        return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))

    def bounds(self, margin: float = MARGIN) -> tuple[float, float, float, float]:
        """(left, top, width, height) of the frame: every node and the legend, with ``margin`` around."""
        left, top, right, bottom = self.drawing_bounds()
        for item in self.legend:
            right = max(right, item.x + SWATCH_W + 8 + legend_text_width(item.label))
            bottom = max(bottom, item.y + SWATCH_H)
        return (left - margin, top - margin, right - left + 2 * margin, bottom - top + 2 * margin)


def legend_text_width(text: str) -> float:
    return len(text) * LEGEND_FONT * CHAR_WIDTH


def role(node: PlacedNode) -> str:
    """What a node is on the figure: study, overarching theme, theme, subtheme or code."""
    if node.node.kind == "code":
        return "code"
    if node.depth == 0:
        return "study" if node.node.kind == "centre" else "overarching"
    return "theme" if node.depth == 1 else "subtheme"


def _style(depth: int) -> tuple[float, int]:
    at = min(depth, len(FONT_SIZES) - 1)
    return FONT_SIZES[at], WRAP_AT[at]


def label_box(label: str, depth: int, wrap_scale: float = 1.0) -> tuple[tuple[str, ...], float, float, float]:
    """Wrapped lines, width, height and font size of a label at ``depth`` (``wrap_scale`` widens the
    lines: the tree has room across and none to spare down)."""
    size, wrap = _style(depth)
    wrap = round(wrap * wrap_scale)
    lines = tuple(textwrap.wrap(label, wrap, break_long_words=True)) or ("",)
    advance = CHAR_WIDTH_BOLD if depth <= BOLD_DEPTH else CHAR_WIDTH
    width = max(len(line) for line in lines) * size * advance + 2 * PAD_X
    height = len(lines) * size * LINE_HEIGHT + 2 * PAD_Y
    return lines, width, height, size


@dataclass(frozen=True, slots=True)
class Tree:
    """The hierarchy as the layouts need it: nodes parents-first, children, depth and label sizes."""

    order: tuple[MapNode, ...]
    children: Mapping[str, Sequence[MapNode]]
    depth: Mapping[str, int]
    sizes: Mapping[str, tuple[float, float]]


def _tree(nodes: Sequence[MapNode], wrap_scale: float) -> tuple[Tree, dict[str, tuple[tuple[str, ...], float, float, float]]]:
    children: dict[str | None, list[MapNode]] = {}
    for node in nodes:
        children.setdefault(node.parent, []).append(node)
    root = children[None][0]
    depth: dict[str, int] = {root.key: 0}
    order = [root]
    for node in order:
        for child in children.get(node.key, []):
            depth[child.key] = depth[node.key] + 1
            order.append(child)
    labels = {n.key: label_box(n.label, depth[n.key], wrap_scale) for n in order}
    sizes = {k: (v[1], v[2]) for k, v in labels.items()}
    kids = {k: v for k, v in children.items() if k is not None}
    return Tree(tuple(order), kids, depth, sizes), labels


def check_layout(kind: str) -> str:
    """``kind`` when it names a layout, else one sentence saying which do."""
    if kind not in LAYOUTS:
        raise InvalidArgument(f"The map layout must be {' or '.join(LAYOUTS)}, not '{kind}'.")
    return kind


def layout(nodes: Sequence[MapNode], kind: str = "radial", legend: bool = True) -> MapLayout:
    """Place ``nodes`` (parents before children, one root) with the ``kind`` of layout; the radial
    layout then applies saved positions. ``legend`` adds a key to fills and borders below the map."""
    check_layout(kind)
    if not nodes:
        return MapLayout((), (), kind=kind)
    tree, labels = _tree(nodes, TREE_WRAP if kind == "tree" else 1.0)
    if kind == "tree":
        points, elbows = map_tree.place(tree), map_tree.elbows(tree)
        final = points
    else:
        points, elbows = map_radial.place(tree), {}
        final = _with_saved(tree.order, points)
    placed = tuple(
        PlacedNode(n, tree.depth[n.key], *final[n.key], labels[n.key][1], labels[n.key][2], labels[n.key][0],
                   labels[n.key][3])
        for n in tree.order
    )
    edges = tuple((n.parent, n.key) for n in tree.order if n.parent is not None)
    at = {p.node.key: p for p in placed}
    paths = tuple(_path(at[a], at[b], elbows.get(a)) for a, b in edges)
    drawn = MapLayout(placed, edges, paths, (), kind)
    return MapLayout(placed, edges, paths, _legend(drawn) if legend else (), kind)


def _path(parent: PlacedNode, child: PlacedNode, elbow: float | None) -> Path:
    """A straight link between centres, or in the tree a link that leaves the parent's right side,
    runs level to the end of its column and then slants to the child's left side."""
    if elbow is None:
        return ((parent.x, parent.y), (child.x, child.y))
    start = (parent.x + parent.width / 2, parent.y)
    return (start, (max(start[0], parent.x + elbow), parent.y), (child.x - child.width / 2, child.y))


def _legend(drawn: MapLayout) -> tuple[LegendItem, ...]:
    """Rows below the drawing, left-aligned, wrapped to its width: a fill per role shown and a border
    per theme status shown; none when the map has a single role and status (nothing to tell apart)."""
    roles = list(dict.fromkeys(role(n) for n in drawn.nodes))
    order = list(ROLE_LABELS)
    roles.sort(key=order.index)
    statuses = [s for s in STATUS_LABELS if any(n.node.status == s for n in drawn.nodes)]
    if len(roles) < 2 and len(statuses) < 2:
        return ()
    entries = [(r, "", ROLE_LABELS[r]) for r in roles] + [("status", s, STATUS_LABELS[s]) for s in statuses]
    left, _, right, bottom = drawn.drawing_bounds()
    spans = [SWATCH_W + 8 + legend_text_width(text) + 24 for _, _, text in entries]
    # As many rows as the drawing's width needs, filled evenly (no row of one straggler).
    rows = math.ceil(sum(spans) / max(right - left, 360.0))
    width = max(max(spans), min(max(right - left, 360.0), sum(spans) / rows * 1.15))
    x, y = left, bottom + 2 * MARGIN
    items = []
    for (entry_role, status, text), span in zip(entries, spans, strict=True):
        if x > left and x + span > left + width:
            x, y = left, y + LEGEND_ROW
        items.append(LegendItem(entry_role, status, text, x, y))
        x += span
    return tuple(items)


def _with_saved(order: Sequence[MapNode], auto: Mapping[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """Saved positions win; a node without one keeps its automatic offset from its parent."""
    final: dict[str, tuple[float, float]] = {}
    for node in order:
        if node.saved is not None:
            final[node.key] = node.saved
        elif node.parent is None:
            final[node.key] = auto[node.key]
        else:
            px, py = final[node.parent]
            ax, ay = auto[node.parent]
            x, y = auto[node.key]
            final[node.key] = (px + x - ax, py + y - ay)
    return final
