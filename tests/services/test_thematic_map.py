"""The thematic map built through the service from real themes: maps of 5, 21 and 60 nodes are clean in
both layouts, codes and their sub-codes are drawn when asked, and a bad layout is one sentence."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

import cotheme
from cotheme.errors import InvalidArgument
from cotheme.formats.map_render import render_map
from cotheme.services.project import Project
from tests.formats.test_map import assert_clean
from tests.map_shapes import rows


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Project]:
    with cotheme.create_project(tmp_path / "map.cotheme", title="Map study", lead="Lead") as project:
        yield project


def build(project: Project, size: int) -> None:
    ids: dict[str, int] = {}
    for name, parent, status in rows(size):
        ids[name] = project.create_theme(name, parent=ids[parent] if parent else None, status=status).id


@pytest.mark.parametrize("size", [5, 21, 60])
def test_maps_built_from_themes_are_clean_in_both_layouts(fresh: Project, size: int) -> None:
    build(fresh, size)
    for kind in ("radial", "tree"):
        drawn = fresh.thematic_map(layout=kind)
        assert len(drawn.nodes) == size and drawn.kind == kind
        assert drawn.nodes[0].node.label == "Relational Practice"  # the overarching theme in the centre
        assert_clean(drawn)


def test_codes_bring_their_sub_codes_unless_turned_off(fresh: Project) -> None:
    build(fresh, 5)
    fresh.create_code("Peer support")
    fresh.create_code("Peer support/Lived-experience workers")
    fresh.create_code("Peer support/Group activities")
    theme = next(s.theme for s in fresh.themes() if s.theme.level == 1)
    fresh.link_codes(theme.id, ["Peer support"])
    with_codes = fresh.thematic_map(depth=2)
    labels = [n.node.label for n in with_codes.nodes if n.node.kind == "code"]
    assert labels == ["Peer support", "Lived-experience workers", "Group activities"]
    parent = next(n for n in with_codes.nodes if n.node.label == "Peer support")
    assert {n.node.parent for n in with_codes.nodes if n.node.label != "Peer support" and n.node.kind == "code"} == {parent.node.key}
    assert "Code" in [i.label for i in with_codes.legend]
    assert_clean(with_codes)
    assert_clean(fresh.thematic_map(depth=2, layout="tree"))
    alone = fresh.thematic_map(depth=2, subcodes=False)
    assert [n.node.label for n in alone.nodes if n.node.kind == "code"] == ["Peer support"]
    assert [n.node.kind for n in fresh.thematic_map().nodes].count("code") == 0


def test_png_through_the_service_is_300_dpi(fresh: Project) -> None:
    build(fresh, 21)
    image = Image.open(io.BytesIO(render_map(fresh.thematic_map(), "png")))
    assert image.info["dpi"] == pytest.approx((300, 300), abs=0.05)


def test_bad_layout_and_depth_are_sentences(fresh: Project) -> None:
    build(fresh, 5)
    with pytest.raises(InvalidArgument, match="radial or tree"):
        fresh.thematic_map(layout="circle")
    with pytest.raises(InvalidArgument, match="--depth must be 1 or more"):
        fresh.thematic_map(depth=0)
