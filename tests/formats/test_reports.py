"""Report writers on the demo study: every kind in every format, JSON shapes, DOCX that python-docx
(and LibreOffice, when installed) opens, XLSX formula escaping, and the thematic map - labels that
never overlap, SVG/PNG/PDF without a system binary."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import docx
import openpyxl
import pytest

from cotheme.domain.reports import Matrix, MatrixRow
from cotheme.domain.thematic_map import MapNode, layout, overlaps
from cotheme.formats.map_render import render_map
from cotheme.formats.map_svg import layout_json, write_svg
from cotheme.formats.report_common import REPORT_FORMATS
from cotheme.formats.report_methods import write_methods
from cotheme.formats.report_narrative import write_themes
from cotheme.formats.report_tables import write_cooccurrence, write_matrix, write_sample
from cotheme.services.demo import build_demo
from cotheme.services.project import Project


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    with build_demo(tmp_path_factory.mktemp("demo") / "demo.cotheme") as project:
        yield project


def _all_reports(demo: Project) -> dict[str, dict[str, bytes]]:
    title = demo.info().title
    table = demo.sample_table()
    themes = demo.themes_report(attributes=["gender"])
    grid = demo.matrix("gender")
    cooc = demo.cooccurrence()
    methods = demo.methods_report()
    writers = {
        "sample": lambda f: write_sample(table, f, title),
        "themes": lambda f: write_themes(themes, f),
        "matrix": lambda f: write_matrix(grid, f),
        "cooccurrence": lambda f: write_cooccurrence(cooc, f),
        "methods": lambda f: write_methods(methods, f),
    }
    return {kind: {f: writers[kind](f) for f in REPORT_FORMATS[kind]} for kind in writers}


def test_every_report_in_every_format(demo: Project) -> None:
    reports = _all_reports(demo)
    sample = json.loads(reports["sample"]["json"])
    assert set(sample) == {"n", "attributes", "targets"} and sample["n"] == 6  # the demo sets targets
    assert {t["attribute"] for t in sample["targets"]} <= {d.name for d in demo.attribute_definitions()}
    assert "interview_mode" not in {a["name"] for a in sample["attributes"]}  # hidden from Table 1
    assert set(sample["attributes"][0]) == {"name", "label", "categories"}
    assert set(sample["attributes"][0]["categories"][0]) == {"label", "count"}
    themes = json.loads(reports["themes"]["json"])["themes"]
    assert {"name", "level", "definition", "children", "quotes"} <= set(themes[0])
    assert themes[0]["level"] == 0 and themes[0]["children"]
    assert {"text", "case", "document"} <= set(themes[1]["quotes"][0])
    for kind, outputs in reports.items():
        for fmt, data in outputs.items():
            if fmt == "docx":
                opened = docx.Document(io.BytesIO(data))  # opens in python-docx
                assert opened.paragraphs[0].text, kind
            elif fmt == "html":
                text = data.decode("utf-8")
                assert text.startswith("<!DOCTYPE html>") and "<script" not in text
    assert "<span class=\"todo\">open</span>" in reports["methods"]["html"].decode()
    assert reports["methods"]["md"].decode().count("\n| ") >= 32
    assert "background: rgba(0, 114, 178" in reports["matrix"]["html"].decode()  # the heat-map


def test_docx_converts_with_libreoffice(demo: Project, tmp_path: Path) -> None:
    # `make test` installs LibreOffice (scripts/ensure-system-tools.sh); its absence is a failure.
    binary = shutil.which("libreoffice") or shutil.which("soffice")
    assert binary is not None, "LibreOffice is missing: run scripts/ensure-system-tools.sh (make test does)"
    for kind, outputs in _all_reports(demo).items():
        if "docx" in outputs:
            (tmp_path / f"{kind}.docx").write_bytes(outputs["docx"])
            subprocess.run([str(binary), "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                            str(tmp_path / f"{kind}.docx")], check=True, capture_output=True, timeout=120)
            assert (tmp_path / f"{kind}.pdf").read_bytes().startswith(b"%PDF")


def test_xlsx_escapes_formulas() -> None:
    grid = Matrix("t", "group", "participants", "codes", ("=cmd|' /C calc'!A0", "+1", "-2", "@SUM(A1)", "plain"),
                  (MatrixRow("=HYPERLINK(\"x\")", 0, (1, 2, 3, 4, 5), 15),), (1, 1, 1, 1, 1))
    sheet = openpyxl.load_workbook(io.BytesIO(write_matrix(grid, "xlsx"))).active
    header = [c.value for c in sheet[1]]
    assert header[1:5] == ["'=cmd|' /C calc'!A0 (n=1)", "'+1 (n=1)", "'-2 (n=1)", "'@SUM(A1) (n=1)"]
    assert sheet["A2"].value == "'=HYPERLINK(\"x\")" and sheet["A2"].data_type == "s"
    assert sheet["B2"].value == 1  # numbers stay numbers


def _template_map(project_nodes: int = 50) -> list[MapNode]:
    nodes = [MapNode("centre", "Relational practice in community mental health care", "centre", None)]
    at = 0
    while len(nodes) < project_nodes:
        theme = f"t{at}"
        nodes.append(MapNode(theme, f"Theme number {at} with a fairly long name", "theme", "centre", at))
        for j in range(5):
            if len(nodes) < project_nodes:
                nodes.append(MapNode(f"s{at}-{j}", f"Subtheme {j} of theme {at}: staff knowledge", "theme", theme))
        at += 1
    return nodes


@pytest.mark.parametrize("size", [2, 9, 50])
def test_map_labels_never_overlap(size: int) -> None:
    placed = layout(_template_map(size))
    boxes = [n.box() for n in placed.nodes]
    assert len(boxes) == size
    clashes = [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :] if overlaps(a, b)]
    assert clashes == []
    for node in placed.nodes:  # every label line fits its box
        assert max(len(line) for line in node.lines) * node.font_size * 0.6 < node.width


def test_template_map_with_codes_does_not_overlap(demo: Project) -> None:
    demo.import_template("relational-practice")
    try:
        placed = demo.thematic_map(depth=3)
        boxes = [n.box() for n in placed.nodes]
        assert len(boxes) > 40
        assert not any(overlaps(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
    finally:
        for theme in reversed(demo.themes()):
            if theme.theme.name in {t.name for t in demo.templates()[0].themes}:
                demo.delete_theme(theme.theme.id)


def test_map_formats(demo: Project) -> None:
    placed = demo.thematic_map()
    svg = write_svg(placed, "Thematic map").decode("utf-8")
    assert svg.count("<g class=\"node") == len(placed.nodes) and "data-theme-id" in svg
    assert render_map(placed, "png").startswith(b"\x89PNG")
    assert render_map(placed, "pdf").startswith(b"%PDF")
    data = layout_json(placed)
    assert data["nodes"][0]["kind"] == "theme" and len(data["edges"]) == len(placed.nodes) - 1
