"""``cotheme attributes set/list/import`` and ``cotheme report sample``'s Table 1 options through the
CLI runner, on a private copy of the demo study; refusals are one sentence and exit code 2."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import openpyxl
import pytest

from cotheme.services.demo import build_demo
from tests.cli_runner import cli


@pytest.fixture
def demo(tmp_path: Path) -> str:
    path = tmp_path / "demo.cotheme"
    build_demo(path).close()
    return str(path)


def test_list_shows_the_demo_definitions(demo: str) -> None:
    code, text, _ = cli("attributes", "list", demo, "--json")
    found = {d["name"]: d for d in json.loads(text)}
    assert code == 0 and list(found)[0] == "age_band"
    assert found["gender"] == {"name": "gender", "label": "Gender", "order": ["woman", "man", "non-binary"],
                               "description": "Gender as the participant described it.", "shown": True}
    assert found["interview_mode"]["shown"] is False
    code, text, _ = cli("attributes", "list", demo)
    assert code == 0 and "Main service used" in text and "hidden" in text


def test_set_label_order_hide_and_show(demo: str) -> None:
    code, text, _ = cli("attributes", "set", demo, "service_use", "--label", "Service used",
                        "--order", "specialist referral,drop-in")
    assert code == 0
    assert text.strip() == ("Saved service_use: label 'Service used'; order: specialist referral, drop-in; "
                            "shown in Table 1.")
    table = cli("report", "sample", demo)[1]
    block = table.split("| Service used |")[1].split("| Time with the service |")[0]
    assert [line.split("|")[1].strip() for line in block.strip().splitlines()[1:]] == [
        "specialist referral", "drop-in", "one-to-one support", "peer support group"]  # the rest A-Z
    assert cli("attributes", "set", demo, "service_use", "--hide")[0] == 0
    assert "| Service used |  |" not in cli("report", "sample", demo)[1]  # its target row stays
    code, text, _ = cli("attributes", "set", demo, "service_use", "--show")
    assert code == 0 and text.strip().endswith("shown in Table 1.")


def test_refusals_are_one_sentence(demo: str, tmp_path: Path) -> None:
    code, _, err = cli("attributes", "set", demo, "gender", "--hide", "--show")
    assert code == 2 and "Give --hide or --show, not both." in err
    code, _, err = cli("attributes", "set", demo, "sex", "--label", "Sex")
    assert code == 2 and "There is no attribute 'sex' (attributes: age_band, gender," in err
    sheet = tmp_path / "defs.csv"
    sheet.write_text("name,label,shown\ngender,Gender identity,yes\nemployment,Work,sometimes\n", encoding="utf-8")
    code, _, err = cli("attributes", "import", demo, str(sheet))
    assert code == 2 and "defs.csv, row 3: 'sometimes' in the column 'shown' is neither yes nor no" in err
    assert json.loads(cli("attributes", "list", demo, "--json")[1])[1]["label"] == "Gender"  # nothing stored
    code, _, err = cli("report", "sample", demo, "--style", "n%")
    assert code == 2 and "'n%' is not a Table 1 style; choose n-percent, n, percent." in err
    code, _, err = cli("report", "sample", demo, "--precision", "5")
    assert code == 2 and "choose 0 to 2" in err
    code, _, err = cli("report", "sample", demo, "--format", "xlsx")
    assert code == 2 and "give --out FILE.xlsx" in err


def test_import_a_sheet_then_report_in_each_option(demo: str, tmp_path: Path) -> None:
    sheet = tmp_path / "defs.csv"
    sheet.write_text('name,label,order\ngender,Gender identity,"non-binary, man"\n', encoding="utf-8")
    code, text, _ = cli("attributes", "import", demo, str(sheet))
    assert code == 0 and "Saved the definitions of 1 attribute: gender." in text
    code, text, _ = cli("report", "sample", demo, "--style", "percent", "--precision", "1")
    assert code == 0 and "| Characteristic | % |" in text and "| Gender identity |  |" in text
    assert text.index("non-binary | 16.7") < text.index("man | 33.3") < text.index("woman | 50.0")
    code, text, _ = cli("report", "sample", demo, "--format", "tex", "--style", "n")
    assert code == 0 and "\\toprule" in text and "\\quad non-binary & 1 \\\\" in text
    out = tmp_path / "table1.docx"
    assert cli("report", "sample", demo, "--out", str(out))[0] == 0
    assert docx.Document(io.BytesIO(out.read_bytes())).paragraphs[0].text.startswith("Table 1. Characteristics")
    book = tmp_path / "table1.xlsx"
    assert cli("report", "sample", demo, "--out", str(book), "--precision", "2")[0] == 0
    cells = [c.value for row in openpyxl.load_workbook(book).active.iter_rows() for c in row]  # type: ignore[union-attr]
    assert "1 (16.67)" in cells
