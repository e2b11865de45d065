"""The figure renderer: SVG that parses as XML and holds every label as text, PNG at the chosen
resolution, PDF; and a colour scale whose luminance falls monotonically (readable in greyscale)."""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET

import pytest

from cotheme.domain.figures import Coverage, CoverageLane, CoverageStrip, Heatmap, HeatmapRow, merge_segments
from cotheme.errors import InvalidArgument
from cotheme.formats.figure_render import render_coverage, render_heatmap
from cotheme.formats.figure_scale import SCALE_STOPS, colour_at, ink_on, relative_luminance, scale

HEAT = Heatmap(
    "A study of waiting", (
        HeatmapRow("Waiting", "Access", (3, 0, 1)), HeatmapRow("Referral routes", "Access", (0, 2, 0)),
        HeatmapRow("Trust in staff", "Being known", (1, 1, 5)),
    ), ("P01", "P02", "P03"), ("woman", "woman", "man"), "Code", "Participant (by gender)", "codings")
COVER = Coverage("A study of waiting", ("Access", "Being known"), (
    CoverageStrip("P01", 1000, (CoverageLane("Access", ((0.1, 0.2),)), CoverageLane("Being known", ()))),
    CoverageStrip("P02", 500, (CoverageLane("Access", ()), CoverageLane("Being known", ((0.5, 0.9),)))),
))


def _texts(svg: bytes) -> str:
    root = ET.fromstring(svg)
    return " ".join("".join(node.itertext()) for node in root.iter() if node.tag.endswith("text"))


def test_the_scale_darkens_monotonically() -> None:
    lum = [relative_luminance(c) for c in scale(256)]
    assert all(b <= a for a, b in zip(lum, lum[1:]))  # neighbours may round to the same colour...
    stops = [relative_luminance(c) for c in SCALE_STOPS]
    assert all(b < a for a, b in zip(stops, stops[1:]))  # ...but every stop is darker than the last
    assert lum[0] > 0.9 and lum[-1] < 0.05  # from near white to near black in greyscale
    assert colour_at(0) == SCALE_STOPS[0] and colour_at(1) == SCALE_STOPS[-1]
    assert ink_on(SCALE_STOPS[-1]) == "#ffffff" and ink_on(SCALE_STOPS[0]) != "#ffffff"


def test_heatmap_svg_is_well_formed_with_its_labels() -> None:
    svg = render_heatmap(HEAT, "svg")
    texts = _texts(svg)
    for label in ("Waiting", "Referral routes", "Trust in staff", "Access", "Being known", "P01", "P03",
                  "woman", "man", "codings", "A study of waiting", "Participant (by gender)"):
        assert label in texts, label
    assert render_heatmap(HEAT, "svg") == svg  # no date or random ids: the same data, the same file


def test_coverage_svg_and_png_and_pdf() -> None:
    texts = _texts(render_coverage(COVER, "svg"))
    for label in ("P01", "P02", "Access", "Being known", "Position in the transcript"):
        assert label in texts
    pdf = render_coverage(COVER, "pdf")
    assert pdf.startswith(b"%PDF") and b"/FontFile2" in pdf  # the fonts travel with the file


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_png_resolution_follows_dpi() -> None:
    low, high = _png_size(render_heatmap(HEAT, "png", dpi=100)), _png_size(render_heatmap(HEAT, "png", dpi=300))
    assert abs(high[0] / low[0] - 3) < 0.05 and abs(high[1] / low[1] - 3) < 0.05
    with pytest.raises(InvalidArgument, match="--dpi must be between 72 and 1200"):
        render_heatmap(HEAT, "png", dpi=5)
    with pytest.raises(InvalidArgument, match="svg, png, pdf, not 'gif'"):
        render_heatmap(HEAT, "gif")


def test_merge_segments() -> None:
    assert merge_segments([(50, 60), (0, 10), (5, 20), (20, 30)], 100) == ((0.0, 0.3), (0.5, 0.6))
    assert merge_segments([], 0) == ()
