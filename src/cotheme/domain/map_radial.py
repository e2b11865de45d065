"""The radial layout of the thematic map: the centre in the middle, each theme on a ring around it,
each subtheme (and code) on a further ring, inside the angular wedge of its parent.

Wedges: the themes share the circle half equally and half in proportion to the leaves below them,
so one large theme cannot push its neighbours into a corner, and the first theme sits at the top
(of two, up on the left).
Below the themes a wedge is split in proportion to leaves. Rings are ellipses a little wider than
tall, because labels are wider than tall. The rings start tight and grow, ring by ring from the
inside, until no two label boxes come closer than ``GAP``, no link crosses another and no link runs
through a label it does not join (``map_geometry.faults``). Stretching a drawing along one axis keeps
which segments cross, and a wedge-bound link cannot leave its wedge once the rings are far enough
apart, so growing always ends. Must not do I/O or draw.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from cotheme.domain.map_geometry import Box, faults

if TYPE_CHECKING:
    from cotheme.domain.thematic_map import Tree

#: Clear space kept between label boxes, the share of the circle the themes split equally, the
#: rings' width-to-height ratio, how much a ring grows per pass, and a bound on passes.
GAP = 10.0
EQUAL_SHARE = 0.5
ASPECT = 1.35
GROWTH = 1.06
MAX_PASSES = 300
#: A ring is kept at least this share of the next ring's radius, so that themes sit part-way out
#: with short links to their subthemes instead of huddling round the centre like a spider's body.
RING_RATIO = 0.45


def _wedges(tree: Tree) -> dict[str, float]:
    """Each node's angle (radians, clockwise from the right because y points down)."""
    leaves: dict[str, int] = {}
    for node in reversed(tree.order):
        leaves[node.key] = sum(leaves[c.key] for c in tree.children.get(node.key, [])) or 1
    root = tree.order[0]
    angle: dict[str, float] = {root.key: -math.pi / 2}

    def split(parent: str, start: float, span: float) -> None:
        at = start
        for child in tree.children.get(parent, []):
            share = span * leaves[child.key] / leaves[parent]
            angle[child.key] = at + share / 2
            split(child.key, at, share)
            at += share

    tops = list(tree.children.get(root.key, []))
    if not tops:
        return angle
    total = sum(leaves[t.key] for t in tops)
    shares = [2 * math.pi * ((1 - EQUAL_SHARE) / len(tops) + EQUAL_SHARE * leaves[t.key] / total) for t in tops]
    # The first theme at the top; of two, the first up and left and the second down and right, so
    # that the figure is neither a column nor a strip.
    at = (-math.pi * 0.8 if len(tops) == 2 else -math.pi / 2) - shares[0] / 2
    for top, share in zip(tops, shares, strict=True):
        angle[top.key] = at + share / 2
        split(top.key, at, share)
        at += share
    return angle


def place(tree: Tree) -> dict[str, tuple[float, float]]:
    """Centres of every node, the root at (0, 0)."""
    angle = _wedges(tree)
    levels = max(tree.depth.values())
    reach = {k: math.hypot(w / ASPECT, h) / 2 for k, (w, h) in tree.sizes.items()}
    radius = [0.0] * (levels + 1)
    for d in range(1, levels + 1):
        inner = max(reach[k] for k in tree.depth if tree.depth[k] == d - 1)
        outer = max(reach[k] for k in tree.depth if tree.depth[k] == d)
        radius[d] = max(radius[d - 1] + inner + outer + GAP, _chord_radius(tree, angle, reach, d))

    def points() -> dict[str, tuple[float, float]]:
        return {k: (ASPECT * radius[tree.depth[k]] * math.cos(angle[k]), radius[tree.depth[k]] * math.sin(angle[k]))
                for k in tree.depth}

    at = points()
    edges = [(n.parent, n.key) for n in tree.order if n.parent is not None]
    for _ in range(MAX_PASSES):
        ring = _ring_to_grow(tree, at, edges)
        if ring is None:
            ring = next((d for d in range(1, levels) if radius[d] < RING_RATIO * radius[d + 1] - 1), None)
            if ring is None:
                break
            radius[ring] = RING_RATIO * radius[ring + 1]
            at = points()
            continue
        grown = radius[ring] * (GROWTH - 1)
        for d in range(ring, levels + 1):
            radius[d] += grown
        at = points()
    return at


def _chord_radius(tree: Tree, angle: dict[str, float], reach: dict[str, float], ring: int) -> float:
    """The smallest radius at which neighbours on ``ring`` are a chord apart wide enough for both
    labels: where the search for a clean drawing starts, so that big maps need few passes."""
    around = sorted((angle[k], k) for k, d in tree.depth.items() if d == ring)
    need = 0.0
    for (a, first), (b, second) in zip(around, around[1:] + around[:1], strict=True):
        step = (b - a) % (2 * math.pi) or 2 * math.pi
        if len(around) > 1 and step < math.pi:
            need = max(need, (reach[first] + reach[second] + GAP) / (2 * math.sin(step / 2)))
    return need * 0.8  # reaches are diagonals, a little more than neighbours need


def _ring_to_grow(tree: Tree, at: dict[str, tuple[float, float]], edges: list[tuple[str | None, str]]) -> int | None:
    """The innermost ring involved in a fault, or ``None`` when the drawing has none."""
    boxes: dict[str, Box] = {}
    for key, (x, y) in at.items():
        w, h = tree.sizes[key]
        boxes[key] = (x - w / 2, y - h / 2, x + w / 2, y + h / 2)
    links = [(a, b) for a, b in edges if a is not None]
    found = faults(boxes, links, [(at[a], at[b]) for a, b in links], GAP)
    if not found:
        return None

    def ring_of(part: str) -> int:
        return tree.depth[part.split("->")[-1]]

    return max(1, min(max(ring_of(a), ring_of(b)) for _, a, b in found))
