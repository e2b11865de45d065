"""``cotheme map`` as a researcher runs it for a journal: PNG and TIFF at a chosen dpi, the tree layout,
vector PDF, and one sentence (exit 2) for a bad layout, a bad dpi or a picture too large to draw."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from cotheme.services.demo import build_demo
from tests.cli_runner import cli


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("map-cli") / "demo.cotheme"
    build_demo(path).close()
    return path


def test_png_tiff_pdf_and_tree(demo: Path, tmp_path: Path) -> None:
    code, text, _ = cli("map", str(demo), "--out", str(tmp_path / "map.png"))
    assert code == 0 and "at 300 dpi" in text
    image = Image.open(tmp_path / "map.png")
    assert image.info["dpi"] == pytest.approx((300, 300), abs=0.05)
    assert f"{image.size[0]} x {image.size[1]} pixels" in text
    code, text, _ = cli("map", str(demo), "--out", str(tmp_path / "map.tif"), "--dpi", "600", "--layout", "tree",
                        "--depth", "3")
    assert code == 0
    tiff = Image.open(tmp_path / "map.tif")
    assert tiff.format == "TIFF" and tuple(round(float(v)) for v in tiff.info["dpi"]) == (600, 600)
    code, _, _ = cli("map", str(demo), "--out", str(tmp_path / "map.pdf"), "--no-legend")
    fonts = PdfReader(tmp_path / "map.pdf").pages[0]["/Resources"]["/Font"]
    assert code == 0 and all("/FontFile2" in str(f.get_object()["/FontDescriptor"].get_object()) for f in fonts.values()
                             if "/FontDescriptor" in f.get_object())
    code, _, _ = cli("map", str(demo), "--out", str(tmp_path / "map.svg"), "--depth", "3", "--without-subcodes")
    with_subcodes = cli("map", str(demo), "--out", str(tmp_path / "all.svg"), "--depth", "3")[1]
    svg = (tmp_path / "map.svg").read_text(encoding="utf-8")
    assert code == 0 and svg.count('class="node code"') < (tmp_path / "all.svg").read_text(encoding="utf-8").count(
        'class="node code"') and "nodes" in with_subcodes


def test_bad_options_are_one_sentence(demo: Path, tmp_path: Path) -> None:
    code, _, err = cli("map", str(demo), "--out", str(tmp_path / "m.png"), "--layout", "spiral")
    assert code == 2 and "The map layout must be radial or tree, not 'spiral'." in err and "Traceback" not in err
    code, _, err = cli("map", str(demo), "--out", str(tmp_path / "m.png"), "--dpi", "10")
    assert code == 2 and "--dpi must be between 72 and 1200" in err
    code, _, err = cli("map", str(demo), "--out", str(tmp_path / "m.tif"), "--dpi", "1200", "--depth", "3")
    assert code == 2 and "megapixels" in err and "choose --dpi" in err
    assert not (tmp_path / "m.tif").exists()
