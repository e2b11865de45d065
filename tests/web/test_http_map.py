"""The map downloads over HTTP: ``?dpi=`` and ``?layout=`` on PNG, TIFF, PDF and SVG, and a sentence with a
4xx for a bad layout, a bad dpi or an image too large to draw."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from PIL import Image

from cotheme.services.demo import build_demo
from cotheme.services.project import Project
from tests.web.conftest import client_for


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path: Path = tmp_path_factory.mktemp("http-map") / "demo.cotheme"
    build_demo(path).close()
    project = Project.open(path)
    yield client_for(project)
    project.close()


def test_png_and_tiff_take_dpi_and_layout(client: TestClient) -> None:
    png = client.get("/api/v1/map.png")
    assert png.status_code == 200 and png.headers["content-type"] == "image/png"
    image = Image.open(io.BytesIO(png.content))
    assert image.info["dpi"] == pytest.approx((300, 300), abs=0.05)
    low = Image.open(io.BytesIO(client.get("/api/v1/map.png?dpi=100").content))
    assert low.info["dpi"] == pytest.approx((100, 100), abs=0.05) and low.size[0] < image.size[0]
    tree = Image.open(io.BytesIO(client.get("/api/v1/map.png?layout=tree").content))
    assert tree.size != image.size
    tiff = client.get("/api/v1/map.tiff?dpi=150&layout=tree&depth=3")
    assert tiff.status_code == 200 and tiff.headers["content-type"] == "image/tiff"
    assert 'filename="map.tif"' in tiff.headers["content-disposition"]
    assert Image.open(io.BytesIO(tiff.content)).format == "TIFF"
    assert client.get("/api/v1/map.pdf?layout=tree").content.startswith(b"%PDF")


def test_svg_and_layout_json_follow_the_layout(client: TestClient) -> None:
    radial = client.get("/api/v1/map").json()
    tree = client.get("/api/v1/map?layout=tree").json()
    assert radial["layout"] == "radial" and tree["layout"] == "tree"
    assert [i["label"] for i in radial["legend"]][:3] == ["Overarching theme", "Theme", "Subtheme"]
    assert client.get("/api/v1/map?legend=false").json()["legend"] == []
    svg = client.get("/api/v1/map.svg?layout=tree&legend=false").text
    assert 'class="legend"' not in svg and "<polyline" in svg


@pytest.mark.parametrize(("url", "sentence"), [
    ("/api/v1/map.png?layout=spiral", "The map layout must be radial or tree, not 'spiral'."),
    ("/api/v1/map.svg?layout=spiral", "The map layout must be radial or tree"),
    ("/api/v1/map.png?dpi=5000", "--dpi must be between 72 and 1200"),
    ("/api/v1/map.tiff?dpi=1200&depth=3", "choose --dpi"),
])
def test_bad_requests_are_sentences(client: TestClient, url: str, sentence: str) -> None:
    answer = client.get(url)
    assert 400 <= answer.status_code < 500
    assert sentence in answer.json()["error"]
