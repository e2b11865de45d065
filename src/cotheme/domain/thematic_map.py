"""The thematic map as geometry: a radial layout of the theme hierarchy whose labels never overlap.

Owns ``MapNode`` (what to draw: the centre - the overarching theme, or the study when there are
several top-level themes -, themes, subthemes and optionally codes), label wrapping and size
estimates, the radial layout (each node gets an angular wedge in proportion to the leaves below it;
rings grow until no two label boxes meet) and saved positions (a dragged theme keeps its place and
carries the nodes below it that were not dragged themselves). Units are CSS pixels with y downwards,
as SVG and the browser use. Must not do I/O or draw: ``formats/map_svg.py`` and ``map_render.py`` do.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

#: Font size (px) and the characters per line a label wraps at, by depth from the centre.
FONT_SIZES = (18.0, 15.0, 12.5, 11.0, 10.0)
WRAP_AT = (20, 18, 20, 22, 22)
#: Average advance of a sans-serif character as a share of the font size (DejaVu Sans, the widest
#: common default, averages ~0.55 on mixed-case text; 0.6 leaves a margin).
CHAR_WIDTH = 0.6
#: Labels near the centre are bold, and DejaVu Sans Bold runs ~12% wider.
CHAR_WIDTH_BOLD = 0.68
BOLD_DEPTH = 1
LINE_HEIGHT = 1.25
PAD_X, PAD_Y = 10.0, 6.0
#: Clear space kept between label boxes, and how much a ring grows per pass while any still meet.
GAP = 8.0
GROWTH = 1.12
MAX_PASSES = 400


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

    def box(self) -> tuple[float, float, float, float]:
        """(left, top, right, bottom)."""
        return (self.x - self.width / 2, self.y - self.height / 2, self.x + self.width / 2, self.y + self.height / 2)


@dataclass(frozen=True, slots=True)
class MapLayout:
    nodes: tuple[PlacedNode, ...]
    edges: tuple[tuple[str, str], ...]

    def bounds(self, margin: float = 20.0) -> tuple[float, float, float, float]:
        """(left, top, width, height) of everything drawn, with ``margin`` around."""
        if not self.nodes:
            return (0.0, 0.0, 2 * margin, 2 * margin)
        boxes = [n.box() for n in self.nodes]
        left = min(b[0] for b in boxes) - margin
        top = min(b[1] for b in boxes) - margin
        return (left, top, max(b[2] for b in boxes) + margin - left, max(b[3] for b in boxes) + margin - top)


def _style(depth: int) -> tuple[float, int]:
    at = min(depth, len(FONT_SIZES) - 1)
    return FONT_SIZES[at], WRAP_AT[at]


def label_box(label: str, depth: int) -> tuple[tuple[str, ...], float, float, float]:
    """Wrapped lines, width, height and font size of a label at ``depth``."""
    size, wrap = _style(depth)
    lines = tuple(textwrap.wrap(label, wrap, break_long_words=True)) or ("",)
    advance = CHAR_WIDTH_BOLD if depth <= BOLD_DEPTH else CHAR_WIDTH
    width = max(len(line) for line in lines) * size * advance + 2 * PAD_X
    height = len(lines) * size * LINE_HEIGHT + 2 * PAD_Y
    return lines, width, height, size


def overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float], gap: float = 0.0) -> bool:
    """True when boxes ``a`` and ``b`` (left, top, right, bottom) come closer than ``gap``."""
    return a[0] < b[2] + gap and b[0] < a[2] + gap and a[1] < b[3] + gap and b[1] < a[3] + gap


def layout(nodes: Sequence[MapNode]) -> MapLayout:
    """Place ``nodes`` (parents before children, one root) radially, then apply saved positions."""
    if not nodes:
        return MapLayout((), ())
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
    leaves: dict[str, int] = {}
    for node in reversed(order):
        leaves[node.key] = sum(leaves[c.key] for c in children.get(node.key, [])) or 1
    angle: dict[str, float] = {root.key: -math.pi / 2}

    def assign(node: MapNode, start: float, span: float) -> None:
        at = start
        for child in children.get(node.key, []):
            share = span * leaves[child.key] / leaves[node.key]
            angle[child.key] = at + share / 2
            assign(child, at, share)
            at += share

    assign(root, -math.pi / 2 - math.pi / max(leaves[root.key], 1), 2 * math.pi)
    labels = {n.key: label_box(n.label, depth[n.key]) for n in order}
    levels = max(depth.values())
    radius = [0.0] * (levels + 1)
    for d in range(1, levels + 1):
        inner = max(max(labels[k][1], labels[k][2]) for k in depth if depth[k] == d - 1)
        outer = max(max(labels[k][1], labels[k][2]) for k in depth if depth[k] == d)
        radius[d] = radius[d - 1] + (inner + outer) / 2 + GAP * 3

    def place() -> dict[str, tuple[float, float]]:
        return {k: (radius[depth[k]] * math.cos(angle[k]), radius[depth[k]] * math.sin(angle[k])) for k in depth}

    points = place()
    for _ in range(MAX_PASSES):
        clash = _deepest_clash(order, depth, labels, points)
        if clash is None:
            break
        for d in range(clash, levels + 1):
            radius[d] *= GROWTH
        points = place()
    final = _with_saved(order, points)
    placed = tuple(
        PlacedNode(n, depth[n.key], *final[n.key], labels[n.key][1], labels[n.key][2], labels[n.key][0], labels[n.key][3])
        for n in order
    )
    return MapLayout(placed, tuple((n.parent, n.key) for n in order if n.parent is not None))


def _deepest_clash(
    order: Sequence[MapNode], depth: Mapping[str, int],
    labels: Mapping[str, tuple[tuple[str, ...], float, float, float]], points: Mapping[str, tuple[float, float]],
) -> int | None:
    """The outermost ring holding a node whose box meets another's, or ``None``."""
    boxes = []
    for node in order:
        x, y = points[node.key]
        _, w, h, _ = labels[node.key]
        boxes.append((depth[node.key], (x - w / 2, y - h / 2, x + w / 2, y + h / 2)))
    worst: int | None = None
    for i, (d1, a) in enumerate(boxes):
        for d2, b in boxes[i + 1 :]:
            if overlaps(a, b, GAP):
                level = max(d1, d2, 1)
                worst = level if worst is None else max(worst, level)
    return worst


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
