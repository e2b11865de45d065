"""``cotheme extracts export`` through the CLI runner: filters by name, both formats, JSON output,
one-sentence refusals, and a member's view of blind documents."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl

import cotheme
from tests.cli_runner import cli
from tests.team.conftest import populate
from tests.web.test_http_exports import build


def _rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_export_with_filters_in_both_formats(tmp_path: Path) -> None:
    study = tmp_path / "study.cotheme"
    with cotheme.create_project(study, title="Study", lead="Lead") as project:
        build(project, tmp_path)
    out = tmp_path / "access.csv"
    code, text, _ = cli("extracts", "export", str(study), str(out), "--code", "Access", "--attribute", "gender=woman")
    assert code == 0 and f"Wrote 1 extract to {out}." in text
    assert [(r[0], r[6], r[8]) for r in _rows(out)[1:]] == [("P01", "Access; Access/Waiting", "the waiting list was long")]
    code, text, _ = cli("extracts", "export", str(study), str(out), "--code", "Access", "--without-subcodes",
                        "--doc", "P01", "--doc", "P02", "--coder", "Lead", "--show", "gender")
    assert code == 0 and _rows(out)[0][-1] == "gender" and [r[6] for r in _rows(out)[1:]] == ["Access"]
    book = tmp_path / "all.xlsx"
    code, text, _ = cli("extracts", "export", str(study), str(book), "--json")
    assert code == 0 and json.loads(text)["extracts"] == 3 and json.loads(text)["columns"][6] == "code path"
    sheet = openpyxl.load_workbook(book).active
    assert sheet is not None and sheet.max_row == 4 and sheet["I4"].value == "'=1+1 was my score. The waiting list was long."
    code, _, error = cli("extracts", "export", str(study), str(tmp_path / "x.txt"))
    assert code == 2 and "Extracts are written as .csv or .xlsx, not 'txt'." in error
    assert not (tmp_path / "x.txt").exists()
    code, _, error = cli("extracts", "export", str(study), str(out), "--code", "Nothing")
    assert code == 2 and "Nothing" in error
    code, _, error = cli("extracts", "export", str(study), str(tmp_path / "no" / "such.csv"))
    assert code == 2 and "does not exist; create it first." in error
    code, _, error = cli("extracts", "export", str(study), str(out), "--mode", "xor")
    assert code == 2 and "'xor' is not a way to combine codes" in error


def test_a_coder_exports_only_what_they_may_read(tmp_path: Path) -> None:
    study = tmp_path / "team.cotheme"
    with cotheme.create_project(study, title="Team", lead="Lead") as project:
        populate(project, tmp_path)
        project.set_blind("P01")
    out = tmp_path / "ann.csv"
    assert cli("--as", "Ann", "extracts", "export", str(study), str(out))[0] == 0
    assert [r[7] for r in _rows(out)[1:]] == ["Ann"]
    assert cli("--as", "Vic", "extracts", "export", str(study), str(out))[0] == 0
    assert _rows(out)[1:] == []
    assert cli("extracts", "export", str(study), str(out))[0] == 0
    assert sorted(r[7] for r in _rows(out)[1:]) == ["Ann", "Bea"]
