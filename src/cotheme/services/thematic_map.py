"""The thematic map from the live theme hierarchy: which nodes it shows and where they go.

Owns choosing the centre (the one overarching theme, or the study when there are several top-level
themes), ``depth`` (how many levels below the centre to draw; codes are one level below the theme
they are linked to, so by default - every theme level, no codes - none are drawn), ``subcodes``
(a drawn code brings its sub-codes, outside it, because a theme draws on a code's sub-codes too; on
unless turned off), the layout kind and handing saved positions to the layout. Must not draw:
``cotheme.formats.map_svg`` and ``map_render`` do.
"""

from __future__ import annotations

from collections.abc import Sequence

from cotheme.domain.codebook import Code
from cotheme.domain.thematic_map import MapLayout, MapNode, check_layout, layout
from cotheme.domain.themes import Theme
from cotheme.errors import InvalidArgument
from cotheme.storage import codes as codes_repo
from cotheme.storage import study
from cotheme.storage import themes as themes_repo
from cotheme.storage.store import Store


def map_nodes(
    themes: list[Theme], codes: dict[int, str] | Sequence[Code], title: str, depth: int | None,
    subcodes: bool = True,
) -> list[MapNode]:
    """Nodes parents-first for ``themes`` (tree order) and, within ``depth``, their linked codes
    (``codes``: the codebook, or a bare id-to-name mapping that has no sub-codes)."""
    names, below = _codebook(codes)
    tops = [t for t in themes if t.parent_id is None]
    single = len(tops) == 1
    offset = 0 if single else 1
    nodes: list[MapNode] = []
    if not single:
        nodes.append(MapNode("centre", title, "centre", None))
    for theme in themes:
        level = theme.level + offset
        if depth is not None and level > depth:
            continue
        parent = f"t{theme.parent_id}" if theme.parent_id is not None else (None if single else "centre")
        saved = (theme.x, theme.y) if theme.x is not None and theme.y is not None else None
        nodes.append(MapNode(f"t{theme.id}", theme.name, "theme", parent, theme.id, theme.status.value, saved))
    if depth is not None:
        for theme in themes:
            if theme.level + offset + 1 <= depth:
                for code_id in theme.code_ids:
                    nodes += _code_nodes(code_id, f"t{theme.id}", names, below if subcodes else {})
    return _parents_first(nodes)


def _codebook(codes: dict[int, str] | Sequence[Code]) -> tuple[dict[int, str], dict[int, list[int]]]:
    if isinstance(codes, dict):
        return codes, {}
    below: dict[int, list[int]] = {}
    for code in codes:
        if code.parent_id is not None:
            below.setdefault(code.parent_id, []).append(code.id)
    return {c.id: c.name for c in codes}, below


def _code_nodes(code_id: int, parent: str, names: dict[int, str], below: dict[int, list[int]]) -> list[MapNode]:
    key = f"c{code_id}/{parent}"
    found = [MapNode(key, names[code_id], "code", parent)]
    for child in below.get(code_id, []):
        found += _code_nodes(child, key, names, below)
    return found


def _parents_first(nodes: list[MapNode]) -> list[MapNode]:
    present = {n.key for n in nodes}
    ordered: list[MapNode] = []
    done: set[str] = set()
    pending = [n for n in nodes if n.parent is None or n.parent in present]
    while pending:
        rest = []
        for node in pending:
            if node.parent is None or node.parent in done:
                ordered.append(node)
                done.add(node.key)
            else:
                rest.append(node)
        if len(rest) == len(pending):
            break
        pending = rest
    return ordered


def thematic_map(
    store: Store, depth: int | None = None, kind: str = "radial", *, subcodes: bool = True, legend: bool = True,
) -> MapLayout:
    """The laid-out map; an empty layout when the project has no themes yet."""
    if depth is not None and depth < 1:
        raise InvalidArgument("--depth must be 1 or more (1 draws the themes around the centre).")
    check_layout(kind)
    with store.read() as conn:
        themes = themes_repo.all_themes(conn)
        codes = codes_repo.all_codes(conn)
        title = study.read_info(conn).title
    return layout(map_nodes(themes, codes, title, depth, subcodes), kind, legend)
