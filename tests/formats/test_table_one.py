"""Table 1 in every format on the demo study: the same caption, label rows, indented categories in the
defined order and "n (%)" cells; a Word table with only the three rules (checked in the document's
XML, then converted by LibreOffice); LaTeX with booktabs rules and escaped specials; and the
attribute-definitions sheet with its refusals."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pytest

from cotheme.domain.sample import AttributeCounts, CategoryCount, SampleTable
from cotheme.domain.table_one import table_one
from cotheme.errors import InputError
from cotheme.formats.attribute_defs_file import read_definitions
from cotheme.formats.report_tables import write_sample
from cotheme.formats.table_one import latex_escape, table_one_latex
from cotheme.services.demo import build_demo
from cotheme.services.project import Project

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NA = "Information not available"
CAPTION = "Table 1. Characteristics of participants (N = 6)"
#: The demo's gender categories in the order its attributes.csv defines, with their cells.
GENDER = [("woman", "3 (50)"), ("man", "2 (33)"), ("non-binary", "1 (17)")]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    with build_demo(tmp_path_factory.mktemp("t1") / "demo.cotheme") as project:
        yield project


def _sample(demo: Project, fmt: str, **options: object) -> bytes:
    return write_sample(demo.sample_table(targets=[]), fmt, demo.info().title, **options)  # type: ignore[arg-type]


def test_markdown_has_caption_labels_order_and_notes(demo: Project) -> None:
    text = _sample(demo, "md").decode()
    assert text.startswith(f"**Table 1.** Characteristics of participants (N = 6)\n")  # a caption, not a heading
    assert "\n#" not in text.split("Recruitment")[0]
    assert "| Characteristic | n (%) |" in text
    assert "| Gender |  |" in text and "service\\_use" not in text and "Main service used" in text
    rows = [line for line in text.splitlines() if line.startswith("| \u2003")]
    gender = [r for r in rows if any(f"\u2003{c} |" in r for c, _ in GENDER)]
    assert gender == [f"| \u2003{c} | {v} |" for c, v in GENDER]
    assert "Interview mode" not in text  # hidden in the demo's definitions
    ethnicity = text.split("| Ethnicity |")[1].split("| Main service used |")[0]
    assert ethnicity.strip().splitlines()[-1] == f"| \u2003{NA} | 2 (33) |"  # not available last
    assert "*Note.* Information not available: the participant did not give this information" in text
    assert "Gender: Gender as the participant described it." in text


def test_csv_and_xlsx_hold_the_same_rows(demo: Project) -> None:
    rows = list(csv.reader(io.StringIO(_sample(demo, "csv").decode())))
    assert rows[0][0] == CAPTION and rows[1] == ["Characteristic", "Category", "n (%)"]
    at = rows.index(["Gender", "", ""])
    assert rows[at + 1 : at + 4] == [["", c, v] for c, v in GENDER]
    assert rows[-1][0].startswith("Percentages are of all 6 participants")
    sheet = openpyxl.load_workbook(io.BytesIO(_sample(demo, "xlsx"))).active
    assert sheet is not None
    values = [[c.value for c in row] for row in sheet.iter_rows(max_col=2)]
    assert values[0][0] == CAPTION and values[1] == ["Characteristic", "n (%)"]
    at = values.index(["Gender", None])
    assert values[at + 1 : at + 4] == [[c, v] for c, v in GENDER]
    assert sheet.cell(at + 2, 1).alignment.indent == 2
    assert sheet["A2"].border.top.style == "medium" and sheet["A2"].border.bottom.style == "thin"


def test_html_is_a_three_line_table_with_a_caption(demo: Project) -> None:
    page = _sample(demo, "html", style="n-percent", precision=1).decode()
    assert "<caption><b>Table 1.</b> Characteristics of participants (N = 6)</caption>" in page
    assert "<h1" not in page and "<script" not in page
    assert '<td class="category">woman</td><td class="num">3 (50.0)</td>' in page
    assert "border: none" in page and "border-top: 2px solid" in page


def test_precision_and_style_reach_every_format(demo: Project) -> None:
    assert "| \u2003man | 33.3 |" in _sample(demo, "md", style="percent", precision=1).decode()
    assert "\\quad man & 2 \\\\" in _sample(demo, "tex", style="n").decode()


def test_latex_uses_booktabs_and_escapes_specials(demo: Project) -> None:
    tex = _sample(demo, "tex").decode()
    assert tex.count("\\toprule") == tex.count("\\midrule") == tex.count("\\bottomrule") == 1
    assert tex.index("\\toprule") < tex.index("\\midrule") < tex.index("\\bottomrule")
    assert "\\hline" not in tex and "|" not in tex.split("\\begin{tabular}")[1].split("}")[0]
    assert "\\caption{Characteristics of participants (N = 6)}" in tex
    assert "Characteristic & n (\\%) \\\\" in tex and "\\quad woman & 3 (50) \\\\" in tex
    assert latex_escape("50% & $5 #1 a_b {x} ~ ^ \\") == (
        "50\\% \\& \\$5 \\#1 a\\_b \\{x\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}"
    )
    table = SampleTable(2, (AttributeCounts("x", (CategoryCount("R&D_50%", 1), CategoryCount(NA, 1)),
                                            label="Dept. {team}", description="Costs in $ ~ #"),), NA)
    hostile = table_one_latex(table_one(table))
    assert "Dept. \\{team\\} &  \\\\" in hostile and "\\quad R\\&D\\_50\\% & 1 (50) \\\\" in hostile
    assert "Costs in \\$ \\textasciitilde{} \\#." in hostile


def _borders(xml: bytes) -> tuple[dict[str, str], list[tuple[int, str, str]]]:
    """(table-level border side -> w:val, [(row index, side, w:val) of every cell border])."""
    root = ElementTree.fromstring(xml)
    tables = root.findall(f".//{W}tbl")
    assert len(tables) == 1
    tbl = tables[0]
    style = tbl.find(f"{W}tblPr/{W}tblStyle")
    assert style is None, "a table style could draw lines of its own"
    table_sides = {side.tag.removeprefix(W): side.get(f"{W}val") or "" for side in tbl.find(f"{W}tblPr/{W}tblBorders")}
    cells = []
    for index, row in enumerate(tbl.findall(f"{W}tr")):
        for box in row.findall(f"{W}tc/{W}tcPr/{W}tcBorders"):
            cells += [(index, side.tag.removeprefix(W), side.get(f"{W}val") or "") for side in box]
    return table_sides, cells


def test_docx_has_only_top_header_and_bottom_rules(demo: Project) -> None:
    data = _sample(demo, "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        xml = package.read("word/document.xml")
    table_sides, cells = _borders(xml)
    drawn = {side for side, val in table_sides.items() if val not in ("nil", "none")}
    assert drawn == {"top", "bottom"}
    assert {side: table_sides[side] for side in ("left", "right", "insideH", "insideV")} == dict.fromkeys(
        ("left", "right", "insideH", "insideV"), "nil")
    assert cells and all(row == 0 and side == "bottom" and val == "single" for row, side, val in cells)
    text = ElementTree.fromstring(xml)
    paragraphs = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in text.iter(f"{W}p")]
    assert paragraphs[0] == CAPTION
    assert "woman" in paragraphs and "3 (50)" in paragraphs
    assert any(p.startswith("Note. Information not available") for p in paragraphs)


def test_docx_with_targets_keeps_table_one_rules(demo: Project) -> None:
    data = write_sample(demo.sample_table(), "docx", "t")  # the demo's saved targets: a second table
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        root = ElementTree.fromstring(package.read("word/document.xml"))
    first = root.findall(f".//{W}tbl")[0]
    sides = {s.tag.removeprefix(W): s.get(f"{W}val") for s in first.find(f"{W}tblPr/{W}tblBorders")}
    assert sides["insideV"] == "nil" and sides["top"] == "single"


def test_table_one_docx_converts_with_libreoffice(demo: Project, tmp_path: Path) -> None:
    binary = shutil.which("soffice") or shutil.which("libreoffice")
    assert binary is not None, "LibreOffice is missing: run scripts/ensure-system-tools.sh (make test does)"
    source = tmp_path / "table1.docx"
    source.write_bytes(_sample(demo, "docx", precision=1))
    subprocess.run([binary, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=120)
    pdf = (tmp_path / "table1.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and len(pdf) > 5000


def test_definitions_sheet_reads_and_refuses_bad_rows() -> None:
    rows = read_definitions("defs.csv", b'name,label,order,description,shown\nregion,Region,"North, South",Where,no\nage,,,,\n')
    assert [(line, d.name, d.label, d.order, d.description, d.shown) for line, d in rows] == [
        (2, "region", "Region", ("North", "South"), "Where", False), (3, "age", "", (), "", True)]
    cases = {
        b"name,colour\nage,red\n": "defs.csv: has the column 'colour', which an attribute-definitions sheet does not use",
        b"label\nAge\n": "defs.csv: has no column 'name'",
        b"name,label\n,Age\n": "defs.csv, row 2: the column 'name' is empty",
        b"name,label\nage,A\nAGE,B\n": "defs.csv, rows 2 and 3: the attribute 'AGE' appears twice",
        b"name,shown\nage,perhaps\n": "defs.csv, row 2: 'perhaps' in the column 'shown' is neither yes nor no",
    }
    for data, sentence in cases.items():
        with pytest.raises(InputError) as caught:
            read_definitions("defs.csv", data)
        assert str(caught.value).startswith(sentence)
