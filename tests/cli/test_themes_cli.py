"""The themes, templates, exemplar, map, targets and report commands through the CLI runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_runner import cli
from cotheme.services.demo import build_demo


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "demo.cotheme"
    build_demo(path).close()
    return path


def test_themes_list_export_import_and_exemplar(demo: Path, tmp_path: Path) -> None:
    code, text, _ = cli("themes", "list", str(demo), "--json")
    tree = json.loads(text)
    assert code == 0 and len(tree) == 1 and tree[0]["name"] == "Support that holds"
    assert {"definition", "codes", "extracts", "participants", "children"} <= set(tree[0])
    assert tree[0]["children"][0]["children"][0]["name"] == "Falling between services"
    assert cli("themes", "export", str(demo), str(tmp_path / "t.csv"))[0] == 0
    code, text, _ = cli("themes", "import", str(demo), str(tmp_path / "t.csv"))
    assert code == 0 and "Created 0 themes, updated 10" in text
    coding = json.loads(cli("codings", str(demo), "--code", "Waiting and being turned away", "--json")[1])[0]["id"]
    code, text, _ = cli("exemplar", str(demo), "--theme", "Falling between services", "--coding", str(coding),
                        "--member", "Rowan Pike")
    assert code == 0 and "exemplar 1" in text
    code, _, err = cli("exemplar", str(demo), "--theme", "Nope", "--coding", str(coding))
    assert code == 2 and "no theme 'Nope'" in err


def test_codebook_templates_and_import(tmp_path: Path) -> None:
    code, text, _ = cli("codebook", "templates", "--json")
    assert code == 0 and json.loads(text)[0]["name"] == "relational-practice"
    study = tmp_path / "s.cotheme"
    cli("init", str(study), "--lead", "Sam")
    code, text, _ = cli("codebook", "import", str(study), "--template", "relational-practice")
    assert code == 0 and "created 20 codes" in text and "Trevillion" in text
    code, _, err = cli("codebook", "import", str(study))
    assert code == 2 and "--template" in err


def test_reports_and_map(demo: Path, tmp_path: Path) -> None:
    (tmp_path / "targets.csv").write_text("attribute,category,min_count\ngender,man,4\n", encoding="utf-8")
    code, text, _ = cli("report", "sample", str(demo), "--format", "json", "--attributes", "gender",
                        "--targets", str(tmp_path / "targets.csv"))
    data = json.loads(text)
    assert code == 0 and data["attributes"][0]["name"] == "gender" and data["targets"][0]["needed"] == 2
    assert cli("targets", "import", str(demo), str(tmp_path / "targets.csv"))[0] == 0
    code, text, _ = cli("targets", "list", str(demo), "--json")
    assert json.loads(text)[0]["gap"] is True
    for args in (("sample", "x.docx"), ("themes", "x.html"), ("matrix", "x.xlsx", "--by", "gender"),
                 ("cooccurrence", "x.csv"), ("methods", "x.md")):
        kind, name, *rest = args
        code, _, err = cli("report", kind, str(demo), "--out", str(tmp_path / name), *rest)
        assert code == 0 and (tmp_path / name).stat().st_size > 0, err
    code, _, err = cli("report", "cooccurrence", str(demo), "--format", "docx")
    assert code == 2 and "csv, json, html" in err
    code, _, err = cli("report", "themes", str(demo), "--format", "docx")
    assert code == 2 and "--out" in err
    code, text, _ = cli("map", str(demo), "--out", str(tmp_path / "map.svg"), "--depth", "3")
    assert code == 0 and (tmp_path / "map.svg").read_text(encoding="utf-8").startswith("<?xml")
    code, _, err = cli("map", str(demo), "--out", str(tmp_path / "map.gif"))
    assert code == 2 and ".svg, .png, .tiff or .pdf" in err
