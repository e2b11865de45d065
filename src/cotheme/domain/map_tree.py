"""The tree layout of the thematic map: the centre on the left, each level in a column to its right,
each parent level with the middle of its children and every label left-aligned in its column.

Children stack top to bottom in the hierarchy's order and each subtree keeps to its own band, so
labels in a column never meet and links between two columns never cross. A link leaves its parent's
right side, runs level to the end of the parent's column and slants across the gap to the child
(``elbows``), so it never runs through a neighbour's label. Must not do I/O or draw.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cotheme.domain.thematic_map import MapNode, Tree

#: Horizontal gap between columns (room for the slanted links) and vertical gap between labels.
COLUMN_GAP = 56.0
ROW_GAP = 10.0


def _columns(tree: Tree) -> list[tuple[float, float]]:
    """(left edge, width) of each depth's column."""
    levels = max(tree.depth.values())
    widths = [max(tree.sizes[k][0] for k in tree.depth if tree.depth[k] == d) for d in range(levels + 1)]
    columns, left = [], 0.0
    for width in widths:
        columns.append((left, width))
        left += width + COLUMN_GAP
    return columns


def place(tree: Tree) -> dict[str, tuple[float, float]]:
    """Centres of every node; labels are left-aligned in their column, so a slanted link always
    ends at the column's edge and never cuts across a wider label beside its child."""
    columns = _columns(tree)
    y: dict[str, float] = {}

    def stack(key: str, top: float) -> float:
        """Lay out ``key``'s subtree from ``top`` down; the bottom of what it used."""
        height = tree.sizes[key][1]
        kids = tree.children.get(key, [])
        if not kids:
            y[key] = top + height / 2
            return top + height
        bottom = top
        for kid in kids:
            bottom = stack(kid.key, bottom) + ROW_GAP
        bottom -= ROW_GAP
        middle = (y[kids[0].key] + y[kids[-1].key]) / 2
        if middle - height / 2 < top:  # a tall parent over a short band: move the band down
            _shift(tree, kids, top - (middle - height / 2), y)
            bottom += top - (middle - height / 2)
            middle = top + height / 2
        y[key] = middle
        return max(bottom, middle + height / 2)

    root = tree.order[0].key
    stack(root, 0.0)
    return {k: (columns[tree.depth[k]][0] + tree.sizes[k][0] / 2, y[k]) for k in tree.depth}


def _shift(tree: Tree, nodes: Sequence[MapNode], by: float, y: dict[str, float]) -> None:
    pending = list(nodes)
    while pending:
        node = pending.pop()
        y[node.key] += by
        pending += tree.children.get(node.key, [])


def elbows(tree: Tree) -> dict[str, float]:
    """For each parent, how far right of its centre its links turn: the end of its column."""
    columns = _columns(tree)
    turns = {}
    for key in tree.children:
        if key in tree.depth:
            left, width = columns[tree.depth[key]]
            turns[key] = left + width + COLUMN_GAP * 0.25 - (left + tree.sizes[key][0] / 2)
    return turns
