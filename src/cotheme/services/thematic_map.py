"""The thematic map from the live theme hierarchy: which nodes it shows and where they go.

Owns choosing the centre (the one overarching theme, or the study when there are several top-level
themes), ``depth`` (how many levels below the centre to draw; codes are one level below the theme
they are linked to, so by default - every theme level, no codes - none are drawn) and handing saved
positions to the layout. Must not draw: ``cotheme.formats.map_svg`` and ``map_render`` do.
"""

from __future__ import annotations

from cotheme.domain.thematic_map import MapLayout, MapNode, layout
from cotheme.domain.themes import Theme
from cotheme.errors import InvalidArgument
from cotheme.storage import codes as codes_repo
from cotheme.storage import study
from cotheme.storage import themes as themes_repo
from cotheme.storage.store import Store


def map_nodes(themes: list[Theme], code_names: dict[int, str], title: str, depth: int | None) -> list[MapNode]:
    """Nodes parents-first for ``themes`` (tree order) and, within ``depth``, their linked codes."""
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
                nodes += [
                    MapNode(f"c{c}/t{theme.id}", code_names[c], "code", f"t{theme.id}")
                    for c in theme.code_ids
                ]
    return _parents_first(nodes)


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


def thematic_map(store: Store, depth: int | None = None) -> MapLayout:
    """The laid-out map; an empty layout when the project has no themes yet."""
    if depth is not None and depth < 1:
        raise InvalidArgument("--depth must be 1 or more (1 draws the themes around the centre).")
    with store.read() as conn:
        themes = themes_repo.all_themes(conn)
        code_names = {c.id: c.name for c in codes_repo.all_codes(conn)}
        title = study.read_info(conn).title
    return layout(map_nodes(themes, code_names, title, depth))
