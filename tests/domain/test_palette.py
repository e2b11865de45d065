"""Code colours: each visible on white (WCAG non-text contrast >= 3:1) and told apart from the others."""

from __future__ import annotations

import csv
import itertools
from importlib import resources

import pytest

from cotheme.domain.codebook import DEFAULT_COLOURS
from cotheme.domain.palette import (
    MIN_CONTRAST,
    MIN_DISTANCE,
    PALETTE,
    contrast_ratio,
    darkened,
    distance,
    relative_luminance,
)
from cotheme.storage.migrations.versions import __path__ as versions_path


def demo_colours() -> list[str]:
    text = (resources.files("cotheme.demo") / "data" / "codebook.csv").read_text(encoding="utf-8")
    return [row["colour"] for row in csv.DictReader(text.splitlines())]


def test_the_contrast_arithmetic_matches_wcag() -> None:
    assert contrast_ratio("#000000") == pytest.approx(21.0)
    assert contrast_ratio("#FFFFFF") == pytest.approx(1.0)
    assert relative_luminance("#FFFFFF") == pytest.approx(1.0)
    # Published reference values: #767676 is the lightest grey with 4.5:1 on white, #949494 has 3.03:1.
    assert contrast_ratio("#767676") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#949494") == pytest.approx(3.03, abs=0.01)
    assert contrast_ratio("#F0E442") < 1.4  # the old default yellow: why the palette changed


@pytest.mark.parametrize("colour", PALETTE)
def test_every_palette_colour_has_3_to_1_on_white(colour: str) -> None:
    assert contrast_ratio(colour) >= MIN_CONTRAST, f"{colour}: {contrast_ratio(colour):.2f}:1"


def test_the_palette_has_24_distinguishable_colours() -> None:
    assert len(PALETTE) == 24 == len(set(PALETTE))
    closest = min(itertools.combinations(PALETTE, 2), key=lambda pair: distance(*pair))
    assert distance(*closest) >= MIN_DISTANCE, closest
    assert DEFAULT_COLOURS == PALETTE


def test_the_demo_codebook_uses_visible_distinguishable_colours() -> None:
    colours = demo_colours()
    assert len(colours) == 24
    low = [(c, round(contrast_ratio(c), 2)) for c in colours if contrast_ratio(c) < MIN_CONTRAST]
    assert low == []
    assert min(distance(a, b) for a, b in itertools.combinations(colours, 2)) >= MIN_DISTANCE


@pytest.mark.parametrize("colour", ["#F0E442", "#FCCDE5", "#999999", "#FFFFFF", "#FFBB78", "#56B4E9"])
def test_a_light_colour_is_darkened_just_enough_and_keeps_its_hue(colour: str) -> None:
    darker = darkened(colour)
    assert 3.0 <= contrast_ratio(darker) < 3.4
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    dr, dg, db = (int(darker[i:i + 2], 16) for i in (1, 3, 5))
    if max(r, g, b) > 0:  # the same proportions of red, green and blue
        assert abs(dr * g - dg * r) <= 255 * 2 and abs(dg * b - db * g) <= 255 * 2
    assert darkened("#0072B2") == "#0072B2"


def test_the_migration_darkens_exactly_the_colours_under_3_to_1() -> None:
    import importlib.util
    from pathlib import Path

    path = Path(next(iter(versions_path))) / "0013_visible_code_colours.py"
    spec = importlib.util.spec_from_file_location("m0013", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.visible("#0072B2") is None and module.visible("not a colour") is None
    for old in ("#E69F00", "#F0E442", "#999999", "#FDB462", "#17BECF"):
        new = module.visible(old)
        assert new is not None and contrast_ratio(new) >= MIN_CONTRAST and new == darkened(old, 3.05)
