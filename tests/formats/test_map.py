"""The thematic map as a figure a journal accepts: for maps of 5, 21 and 60 nodes, in both layouts,
no two labels overlap, no link crosses another or runs through a label, every node lies inside the
canvas, and every label line fits its box; PNG and TIFF carry the asked resolution, PDF embeds its
fonts, and the legend appears when fills or borders tell things apart."""

from __future__ import annotations

import io
import math

import pytest
from PIL import Image
from pypdf import PdfReader

from cotheme.domain.map_geometry import faults, inside, segments_cross
from cotheme.domain.thematic_map import CHAR_WIDTH, MapLayout, MapNode, layout
from cotheme.errors import InvalidArgument
from cotheme.formats.map_render import MAX_PIXELS, pixel_size, render_map
from cotheme.formats.map_svg import layout_json, write_svg
from tests.map_shapes import nodes

SIZES = (5, 21, 60)
LAYOUTS = ("radial", "tree")


def assert_clean(drawn: MapLayout) -> None:
    """The checks a reviewer makes by eye, made exactly."""
    boxes = {n.node.key: n.box() for n in drawn.nodes}
    assert faults(boxes, list(drawn.edges), list(drawn.paths)) == []
    left, top, width, height = drawn.bounds()
    canvas = (left, top, left + width, top + height)
    assert all(inside(box, canvas) for box in boxes.values())
    for item in drawn.legend:  # the legend is inside the canvas and clear of every node
        swatch = (item.x, item.y, item.x + 30, item.y + 16)
        assert inside(swatch, canvas)
        assert not any(box[3] > item.y and box[1] < item.y + 16 and box[0] < swatch[2] and swatch[0] < box[2]
                       for box in boxes.values())
    for node in drawn.nodes:  # every label line fits its box
        assert max(len(line) for line in node.lines) * node.font_size * CHAR_WIDTH < node.width
        assert len(node.lines) * node.font_size <= node.height


@pytest.mark.parametrize("kind", LAYOUTS)
@pytest.mark.parametrize("size", SIZES)
def test_maps_of_5_21_60_nodes_have_no_overlap_crossing_or_overflow(size: int, kind: str) -> None:
    drawn = layout(nodes(size), kind)
    assert len(drawn.nodes) == size and len(drawn.edges) == size - 1
    assert_clean(drawn)


@pytest.mark.parametrize("size", SIZES)
def test_radial_layout_is_balanced_around_the_centre(size: int) -> None:
    drawn = layout(nodes(size))
    centre = drawn.nodes[0]
    assert (centre.x, centre.y) == (0.0, 0.0)
    themes = [n for n in drawn.nodes if n.depth == 1]
    angles = sorted(math.atan2(n.y, n.x) for n in themes)
    gaps = [b - a for a, b in zip(angles, angles[1:] + [angles[0] + 2 * math.pi], strict=True)]
    assert max(gaps) < 1.6 * 2 * math.pi / len(themes)  # no theme is crowded into one side
    for node in drawn.nodes:  # every subtheme is further out than its theme
        parent = next((p for p in drawn.nodes if p.node.key == node.node.parent), None)
        if parent is not None and parent.depth > 0:
            assert math.hypot(node.x, node.y / 1.0) > math.hypot(parent.x, parent.y)
    left, top, width, height = drawn.bounds()
    assert 0.5 < width / height < 2.2  # a landscape-ish figure, not a strip


def test_tree_layout_runs_left_to_right_with_parents_between_their_children() -> None:
    drawn = layout(nodes(21), "tree")
    at = {n.node.key: n for n in drawn.nodes}
    for node in drawn.nodes:
        kids = [at[k] for p, k in drawn.edges if p == node.node.key]
        if kids:
            assert all(k.x > node.x for k in kids)
            assert min(k.y for k in kids) <= node.y <= max(k.y for k in kids)


def test_saved_positions_move_a_theme_and_carry_its_subthemes_on_the_radial_layout() -> None:
    plain = layout(nodes(21))
    moved_nodes = [MapNode(n.key, n.label, n.kind, n.parent, n.theme_id, n.status, (900.0, 900.0) if n.key == "t1" else None)
                   for n in nodes(21)]
    moved = layout(moved_nodes)
    before = {n.node.key: n for n in plain.nodes}
    after = {n.node.key: n for n in moved.nodes}
    assert (after["t1"].x, after["t1"].y) == (900.0, 900.0)
    child = next(k for p, k in plain.edges if p == "t1")
    assert after[child].x - after["t1"].x == pytest.approx(before[child].x - before["t1"].x)
    left, top, width, height = moved.bounds()  # the frame still holds everything
    assert all(inside(n.box(), (left, top, left + width, top + height)) for n in moved.nodes)
    tree = layout(moved_nodes, "tree")  # the tree ignores positions dragged on the radial map
    assert {(n.x, n.y) for n in tree.nodes} == {(n.x, n.y) for n in layout(nodes(21), "tree").nodes}


def test_legend_names_what_fills_and_borders_mean_and_only_when_they_differ() -> None:
    drawn = layout(nodes(21))
    assert [i.label for i in drawn.legend] == [
        "Overarching theme", "Theme", "Subtheme", "Candidate theme", "Reviewed theme", "Defined theme"]
    single = layout([MapNode("t1", "Only theme", "theme", None, 1, "defined")])
    assert single.legend == ()
    assert layout(nodes(21), legend=False).legend == ()
    svg = write_svg(drawn).decode()
    assert svg.count('class="legend"') == 1 and "Candidate theme" in svg and 'stroke-dasharray="5 3"' in svg
    assert layout_json(drawn)["legend"][3] == {"role": "status", "status": "candidate", "label": "Candidate theme"}


def test_unknown_layout_is_one_sentence() -> None:
    with pytest.raises(InvalidArgument, match="The map layout must be radial or tree, not 'spiral'"):
        layout(nodes(5), "spiral")


def test_segment_checks_are_right() -> None:
    assert segments_cross((0, 0), (10, 10), (0, 10), (10, 0))
    assert not segments_cross((0, 0), (10, 0), (0, 1), (10, 1))
    assert faults({"a": (0, 0, 10, 10), "b": (5, 5, 15, 15)}, [], []) == [("overlap", "a", "b")]
    boxes = {"a": (0, 0, 2, 2), "b": (20, 0, 22, 2), "c": (10, -1, 12, 3)}
    assert faults(boxes, [("a", "b")], [((1, 1), (21, 1))]) == [("through", "a->b", "c")]


def test_svg_lines_read_as_the_label() -> None:
    drawn = layout(nodes(21))
    svg = write_svg(drawn).decode()
    # each wrapped line is its own text element, so the group's text keeps the spaces between lines
    assert svg.count("<text ") >= sum(len(n.lines) for n in drawn.nodes)
    assert "<tspan" not in svg


@pytest.mark.parametrize("size", [5, 21])
def test_png_is_300_dpi_by_default_and_as_large_as_the_canvas(size: int) -> None:
    drawn = layout(nodes(size))
    image = Image.open(io.BytesIO(render_map(drawn, "png")))
    assert image.format == "PNG"
    assert image.info["dpi"] == pytest.approx((300, 300), abs=0.05)  # pHYs: whole dots per metre
    assert image.size == pixel_size(drawn, 300)
    left, top, width, height = drawn.bounds()
    assert image.size[0] == int(width / 96 * 300)  # one layout unit = one CSS pixel = 1/96 inch
    small = Image.open(io.BytesIO(render_map(drawn, "png", dpi=150)))
    assert small.info["dpi"] == pytest.approx((150, 150), abs=0.05)
    assert abs(small.size[0] - image.size[0] / 2) <= 1


def test_tiff_opens_with_its_resolution() -> None:
    drawn = layout(nodes(21), "tree")
    image = Image.open(io.BytesIO(render_map(drawn, "tiff", dpi=300)))
    assert image.format == "TIFF" and image.size == pixel_size(drawn, 300)
    assert tuple(round(float(v)) for v in image.info["dpi"]) == (300, 300)
    image.load()  # the pixels decode, not only the header


def test_pdf_is_vector_with_truetype_fonts_embedded() -> None:
    drawn = layout(nodes(21))
    reader = PdfReader(io.BytesIO(render_map(drawn, "pdf", "Thematic map: test")))
    assert reader.metadata.title == "Thematic map: test"
    page = reader.pages[0]
    fonts = page["/Resources"]["/Font"]
    assert len(fonts) >= 2  # regular and bold
    for ref in fonts.values():
        font = ref.get_object()
        assert font["/Subtype"] in ("/TrueType", "/Type0")
        descriptor = (font["/DescendantFonts"][0].get_object() if font["/Subtype"] == "/Type0" else font)["/FontDescriptor"]
        assert "/FontFile2" in descriptor.get_object()  # the TrueType program itself is in the file
    assert "/XObject" not in page["/Resources"] or not any(
        x.get_object()["/Subtype"] == "/Image" for x in page["/Resources"]["/XObject"].values())
    assert "Relational" in page.extract_text()  # text stays text, not pixels


def test_a_too_large_image_is_refused_with_a_sentence_not_shrunk() -> None:
    drawn = layout(nodes(60))
    wide, high = pixel_size(drawn, 1200)
    assert wide * high > MAX_PIXELS
    with pytest.raises(InvalidArgument, match=r"At 1200 dpi this map would be [\d,]+ x [\d,]+ pixels.*choose --dpi \d+ or less"):
        render_map(drawn, "png", dpi=1200)
    with pytest.raises(InvalidArgument, match="--dpi must be between 72 and 1200"):
        render_map(drawn, "png", dpi=20)
    assert render_map(drawn, "pdf", dpi=1200).startswith(b"%PDF")  # vector: no pixel limit


def test_the_sweep_finds_every_fault_a_full_comparison_finds() -> None:
    import random

    from cotheme.domain.map_geometry import overlaps, segment_meets_box

    rng = random.Random(7)
    boxes = {}
    for i in range(40):
        x, y = rng.uniform(0, 600), rng.uniform(0, 600)
        boxes[f"n{i}"] = (x, y, x + rng.uniform(10, 90), y + rng.uniform(10, 40))
    keys = list(boxes)
    edges = [(keys[i], keys[rng.randrange(i)]) for i in range(1, 40)]

    def centre(k: str) -> tuple[float, float]:
        b = boxes[k]
        return ((b[0] + b[2]) / 2, (b[1] + b[3]) / 2)

    paths = [(centre(a), centre(b)) for a, b in edges]
    expected = {("overlap", a, b) for i, a in enumerate(keys) for b in keys[i + 1 :] if overlaps(boxes[a], boxes[b], 5)}
    for i, (a, b) in enumerate(edges):
        for j in range(i + 1, len(edges)):
            if not {a, b} & set(edges[j]) and segments_cross(*paths[i], *paths[j]):
                expected.add(("cross", f"{a}->{b}", f"{edges[j][0]}->{edges[j][1]}"))
        expected |= {("through", f"{a}->{b}", k) for k in keys if k not in (a, b) and segment_meets_box(*paths[i], boxes[k])}
    found = faults(boxes, edges, paths, 5)
    assert len(found) == len(set(found)) and set(found) == expected and len(expected) > 20
