"""Plane geometry the thematic map is judged by: boxes that meet, segments that cross, a segment that
runs through a box, and the list of such faults in a laid-out map.

The layouts use these checks to grow until a map has no fault, and the tests use the same checks to
prove it. Units are layout units (CSS pixels, y down). Must not lay anything out nor draw.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

Box = tuple[float, float, float, float]  # left, top, right, bottom
Point = tuple[float, float]
Path = tuple[Point, ...]


def overlaps(a: Box, b: Box, gap: float = 0.0) -> bool:
    """True when boxes ``a`` and ``b`` come closer than ``gap``."""
    return a[0] < b[2] + gap and b[0] < a[2] + gap and a[1] < b[3] + gap and b[1] < a[3] + gap


def inside(inner: Box, outer: Box) -> bool:
    """True when ``inner`` lies wholly within ``outer``."""
    return outer[0] <= inner[0] and outer[1] <= inner[1] and inner[2] <= outer[2] and inner[3] <= outer[3]


def _orient(p: Point, q: Point, r: Point) -> float:
    return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])


def segments_cross(a1: Point, a2: Point, b1: Point, b2: Point) -> bool:
    """True when two segments share a point (touching counts; collinear overlap counts)."""
    d1, d2 = _orient(b1, b2, a1), _orient(b1, b2, a2)
    d3, d4 = _orient(a1, a2, b1), _orient(a1, a2, b2)
    if ((d1 > 0 > d2) or (d1 < 0 < d2)) and ((d3 > 0 > d4) or (d3 < 0 < d4)):
        return True

    def on(p: Point, q: Point, r: Point, d: float) -> bool:
        return d == 0 and min(p[0], q[0]) <= r[0] <= max(p[0], q[0]) and min(p[1], q[1]) <= r[1] <= max(p[1], q[1])

    return on(b1, b2, a1, d1) or on(b1, b2, a2, d2) or on(a1, a2, b1, d3) or on(a1, a2, b2, d4)


def segment_meets_box(p: Point, q: Point, box: Box) -> bool:
    """True when segment ``p``-``q`` enters ``box`` (Liang-Barsky clipping)."""
    t0, t1 = 0.0, 1.0
    dx, dy = q[0] - p[0], q[1] - p[1]
    for edge_p, edge_q in ((-dx, p[0] - box[0]), (dx, box[2] - p[0]), (-dy, p[1] - box[1]), (dy, box[3] - p[1])):
        if edge_p == 0:
            if edge_q < 0:
                return False
            continue
        t = edge_q / edge_p
        if edge_p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return False
    return True


def _pieces(path: Path) -> list[tuple[Point, Point]]:
    return list(zip(path, path[1:], strict=False))


def _hull(path: Path) -> Box:
    xs, ys = [p[0] for p in path], [p[1] for p in path]
    return (min(xs), min(ys), max(xs), max(ys))


def _near(boxes: Sequence[Box], gap: float) -> list[tuple[int, int]]:
    """Pairs (i < j) of ``boxes`` closer than ``gap``: a sweep along x, so a map of hundreds of nodes
    compares neighbours, not every pair."""
    order = sorted(range(len(boxes)), key=lambda i: boxes[i][0])
    found = []
    for at, i in enumerate(order):
        right = boxes[i][2] + gap
        for j in order[at + 1 :]:
            if boxes[j][0] >= right:
                break
            if overlaps(boxes[i], boxes[j], gap):
                found.append((min(i, j), max(i, j)))
    return sorted(found)


def faults(
    boxes: Mapping[str, Box], edges: Sequence[tuple[str, str]], paths: Sequence[Path], gap: float = 0.0,
) -> list[tuple[str, str, str]]:
    """Every fault of a drawing: ``("overlap", a, b)`` for label boxes closer than ``gap``,
    ``("cross", edge, edge)`` for two links that cross (links sharing a node may meet at it), and
    ``("through", edge, node)`` for a link that runs through a label it does not join."""
    keys = list(boxes)
    names = [f"{a}->{b}" for a, b in edges]
    pieces = [_pieces(path) for path in paths]
    items = [boxes[k] for k in keys] + [_hull(path) for path in paths]
    count = len(keys)
    found: list[tuple[str, str, str]] = []
    for i, j in _near(items, gap):
        if j < count:  # two labels
            found.append(("overlap", keys[i], keys[j]))
        elif i >= count:  # two links
            e, f = i - count, j - count
            if not {*edges[e]} & {*edges[f]} and any(
                segments_cross(p, q, r, t) for p, q in pieces[e] for r, t in pieces[f]
            ):
                found.append(("cross", names[e], names[f]))
    for i, j in _near(items, 0.0):  # a label and a link whose extents meet: does the link enter it?
        if i < count <= j:
            e, key = j - count, keys[i]
            if key not in edges[e] and any(segment_meets_box(p, q, boxes[key]) for p, q in pieces[e]):
                found.append(("through", names[e], key))
    return found
