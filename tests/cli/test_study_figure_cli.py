"""``cotheme study fields|set|show`` and ``cotheme figure`` through the CLI runner, on the demo study."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from cotheme.services.demo import build_demo
from tests.cli_runner import cli


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "demo.cotheme"
    build_demo(path).close()
    return path


def test_study_fields_set_show_and_the_checklist(demo: Path) -> None:
    code, text, _ = cli("study", "fields", "--json")
    names = [f["name"] for f in json.loads(text)]
    assert code == 0 and {"title", "sampling", "attribution", "transcripts_returned"} <= set(names)
    assert cli("study", "set", str(demo), "data_saturation", "Judged by information power.") == (0, "Set data_saturation.\n", "")
    shown = json.loads(cli("study", "show", str(demo), "--json")[1])
    assert shown["title"].startswith("Living with support")
    assert shown["fields"]["data_saturation"]["value"] == "Judged by information power."
    assert shown["fields"]["coders"]["prefilled"].startswith("2 coders: ")
    code, text, _ = cli("report", "methods", str(demo))
    assert code == 0 and "| 22 | Study design / Data collection | Data saturation | yes | Study page | Judged by information power. |" in text
    assert "| 2 | Research team and reflexivity / Personal characteristics | Credentials | no |  | open |" in text
    code, _, err = cli("study", "set", str(demo), "attribution", "names")
    assert code == 2 and "use one of none, id, id-attributes" in err
    code, _, err = cli("study", "set", str(demo), "nope", "x")
    assert code == 2 and "'nope' is not a study field" in err
    code, _, err = cli("--as", "Rowan Pike", "study", "set", str(demo), "sampling", "x")
    assert code == 2 and err.strip()


@pytest.mark.parametrize("kind", ["heatmap", "cooccurrence", "coverage"])
def test_figure_files(demo: Path, tmp_path: Path, kind: str) -> None:
    svg = tmp_path / f"{kind}.svg"
    assert cli("figure", kind, str(demo), "--out", str(svg)) == (0, f"Wrote {svg}.\n", "")
    ET.fromstring(svg.read_bytes())
    png = tmp_path / f"{kind}.png"
    assert cli("figure", kind, str(demo), "--out", str(png), "--dpi", "100")[0] == 0
    assert png.read_bytes()[:4] == b"\x89PNG"
    pdf = tmp_path / f"{kind}.pdf"
    assert cli("figure", kind, str(demo), "--out", str(pdf))[0] == 0 and pdf.read_bytes()[:4] == b"%PDF"


def test_figure_options_and_bad_input(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "h.svg"
    assert cli("figure", "heatmap", str(demo), "--out", str(out), "--columns-by", "gender", "--values", "presence")[0] == 0
    assert "non-binary" in out.read_text(encoding="utf-8")
    for args, sentence in (
        (["figure", "pie", str(demo), "--out", str(out)], "'pie' is not a figure"),
        (["figure", "heatmap", str(demo), "--out", str(tmp_path / "h.gif")], "not 'gif'"),
        (["figure", "heatmap", str(demo), "--out", str(tmp_path / "h")], "ending in .svg, .png or .pdf"),
        (["figure", "heatmap", str(demo), "--out", str(out), "--columns-by", "shoe"], "no attribute 'shoe'"),
        (["figure", "heatmap", str(demo), "--out", str(out), "--dpi", "5000"], "--dpi must be between"),
        (["figure", "coverage", str(demo), "--out", str(out), "--docs", "P99"], "no transcript 'p99'"),
    ):
        code, _, err = cli(*args)
        assert code == 2 and sentence in err, (args, err)
