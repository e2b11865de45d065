"""``cotheme code PROJECT --from-csv FILE``: a coding script's rows in one transaction, the count printed,
a refusal naming the row with exit code 2 and nothing changed; the same rules as one ``cotheme code``."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from tests.cli_runner import cli
from tests.conftest import INTERVIEW


@pytest.fixture
def study(tmp_path: Path) -> Path:
    path = tmp_path / "study.cotheme"
    assert cli("init", str(path), "--title", "Sheet study", "--lead", "Sam")[0] == 0
    (tmp_path / "P01.txt").write_text(INTERVIEW, encoding="utf-8")
    assert cli("import", str(path), str(tmp_path / "P01.txt"))[0] == 0
    assert cli("members", "add", str(path), "Rowan")[0] == 0
    return path


def _count(study: Path) -> int:
    return len(json.loads(cli("codings", str(study), "--json")[1]))


def test_a_script_of_codings_in_one_call(study: Path) -> None:
    sheet = study.parent / "codings.csv"
    sheet.write_text("DOCUMENT,Code,Quote,Coder,Memo\n"
                     "P01,Waiting,the waiting list was long,Sam,\n"
                     "P01,Listening,she actually listened,,felt new\n", encoding="utf-8")
    code, out, err = cli("code", str(study), "--from-csv", str(sheet), "--coder", "Rowan", "--create")
    assert (code, err) == (0, "")
    assert out.strip() == "Added 2 codings and 1 memo from codings.csv."
    found = json.loads(cli("codings", str(study), "--json")[1])
    assert [(e["code"], e["coder"], e["text"]) for e in found] == [
        ("Waiting", "Sam", "the waiting list was long"), ("Listening", "Rowan", "she actually listened")]
    memos = json.loads(cli("memo", "list", str(study), "--json")[1])
    assert [m["text"] for m in memos] == ["felt new"]


def test_json_names_the_new_codings(study: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["document", "code", "start", "end", "coder"])
    book.active.append(["P01", "Waiting", 0, 11, "Sam"])
    book.save(study.parent / "codings.xlsx")
    code, out, _ = cli("code", str(study), "--from-csv", str(study.parent / "codings.xlsx"), "--create", "--json")
    assert code == 0
    assert json.loads(out) == {"coding_ids": [1], "memos": 0}


def test_a_refused_row_is_named_and_nothing_is_added(study: Path) -> None:
    sheet = study.parent / "codings.csv"
    sheet.write_text("document,code,quote,coder\nP01,Waiting,waiting list,Sam\nP01,Waiting,not in it,Sam\n",
                     encoding="utf-8")
    code, out, err = cli("code", str(study), "--from-csv", str(sheet), "--create")
    assert (code, out) == (2, "")
    assert err.startswith("Error: codings.csv, row 3: The quote 'not in it' does not occur in 'P01'")
    assert "Traceback" not in err
    assert _count(study) == 0
    code, _, err = cli("--as", "Rowan", "code", str(study), "--from-csv", str(sheet))
    assert code == 2 and "codings.csv, row 2: Rowan may code and write memos only as themselves, not as Sam" in err


def test_the_sheet_or_the_single_options_not_both(study: Path) -> None:
    sheet = study.parent / "codings.csv"
    sheet.write_text("document,code,quote\nP01,Waiting,waiting list\n", encoding="utf-8")
    code, _, err = cli("code", str(study), "--from-csv", str(sheet), "--doc", "P01")
    assert code == 2 and "--from-csv takes the documents, codes and spans from the sheet" in err
    code, _, err = cli("code", str(study), "--quote", "waiting list")
    assert code == 2 and "Say which document and code with --doc and --code" in err
    code, _, err = cli("code", str(study), "--from-csv", str(study.parent / "missing.csv"))
    assert code == 2 and "missing.csv" in err and "Traceback" not in err
