"""Formula escaping in every CSV and XLSX cotheme writes: the one rule
(``spreadsheet.safe_cell``), its inverse on reading our files back, and every writer given hostile
values - codebook, themes table, sample, matrix and co-occurrence reports, audit trail, extracts."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
from hypothesis import given
from hypothesis import strategies as st

import cotheme
from cotheme.formats.extract_file import write_extracts
from cotheme.formats.report_tables import write_cooccurrence, write_matrix, write_sample
from cotheme.formats.spreadsheet import FORMULA_START, XLSX_CELL_LIMIT, csv_bytes, safe_cell, unsafe_cell, xlsx_bytes

HOSTILE = ("=1+1", "+44 20 7946 0000", "-2+3", "@SUM(A1)", "\tTAB", "\rCR", "'=already quoted")


def test_safe_cell_quotes_every_formula_start() -> None:
    assert [safe_cell(v) for v in HOSTILE] == ["'" + v for v in HOSTILE]
    assert [safe_cell(v) for v in ("plain", "", "a=b", "'plain", 3, -3, None, 2.5)] == [
        "plain", "", "a=b", "'plain", 3, -3, None, 2.5]


@given(st.text(alphabet=st.sampled_from(["=", "+", "-", "@", "\t", "\r", "'", "a", " ", "é"]), max_size=8))
def test_unsafe_cell_undoes_safe_cell(value: str) -> None:
    escaped = safe_cell(value)
    assert isinstance(escaped, str) and not escaped.startswith(FORMULA_START)
    assert unsafe_cell(escaped) == value


def _cells_csv(data: bytes) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(data.decode("utf-8-sig"))) for cell in row]


def _cells_xlsx(data: bytes) -> list[object]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return [cell.value for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]


def _assert_safe(cells: list[object], where: str) -> None:
    bad = [c for c in cells if isinstance(c, str) and c.startswith(FORMULA_START)]
    assert bad == [], where
    quoted = {c for c in cells if isinstance(c, str) and c.startswith("'")}
    assert quoted, f"{where}: no hostile value reached the file"


def test_every_csv_and_xlsx_writer_escapes_hostile_values(tmp_path: Path) -> None:
    (tmp_path / "P01.txt").write_text("Interviewer: Hello?\n\nP01: =1+1 is what I typed. -2+3 too.\n", encoding="utf-8")
    (tmp_path / "people.csv").write_text("id,score\nP01,=1+1\n", encoding="utf-8")
    (tmp_path / "themes.csv").write_text("name,definition,codes\n@Theme,=cmd|' /C calc'!A0,-ve\n", encoding="utf-8")
    with cotheme.create_project(tmp_path / "h.cotheme", lead="=Lead") as raw:
        project = raw.acting_as("=Lead")  # the audit trail's actor is "=Lead"
        project.import_cases(tmp_path / "people.csv")
        project.import_files([tmp_path / "P01.txt"], case="P01")
        project.create_code("-ve", definition="+definition", example="@example")
        project.create_code("=sub", definition="=1+1")
        project.code("P01", "-ve", quote="=1+1 is what I typed.")
        project.code("P01", "=sub", quote="=1+1 is what I typed.")
        project.import_themes(tmp_path / "themes.csv")
        files = {name: tmp_path / name for name in ("codebook.csv", "themes.csv", "audit.csv")}
        project.export_codebook(files["codebook.csv"])
        project.export_themes(files["themes.csv"])
        project.export_audit(files["audit.csv"])
        written = {name: path.read_bytes() for name, path in files.items()}
        written["sample.csv"] = write_sample(project.sample_table(), "csv", "=title")
        written["matrix.csv"] = write_matrix(project.matrix("score", rows="codes"), "csv")
        written["cooccurrence.csv"] = write_cooccurrence(project.cooccurrence(), "csv")
        written["extracts.csv"] = write_extracts(project.extract_table(), "csv")
        books = {"matrix.xlsx": write_matrix(project.matrix("score", rows="codes"), "xlsx"),
                 "extracts.xlsx": write_extracts(project.extract_table(), "xlsx"),
                 "sample.xlsx": write_sample(project.sample_table(), "xlsx", "=title")}
        for name, data in written.items():
            _assert_safe(_cells_csv(data), name)
        for name, data in books.items():
            _assert_safe(_cells_xlsx(data), name)
        assert "'=1+1 is what I typed." in _cells_csv(written["extracts.csv"])
    with cotheme.create_project(tmp_path / "again.cotheme", lead="Lead") as again:
        again.import_codebook(files["codebook.csv"])  # our escape is undone on the way back in
        assert sorted(c.code.path_text for c in again.codes()) == ["-ve", "=sub"]
        assert {c.code.definition for c in again.codes()} == {"+definition", "=1+1"}


def test_xlsx_cells_stay_text_and_within_excel_limits() -> None:
    data = xlsx_bytes("a/b:c", ["h"], [["=SUM(1)"], ["x" * 40_000], ["bad\x00char"], [12]])
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert sheet is not None and sheet.title == "a b c"
    values = [row[0] for row in sheet.iter_rows(values_only=True)]
    assert values[1] == "'=SUM(1)" and sheet["A2"].data_type == "s"
    assert len(values[2]) == XLSX_CELL_LIMIT and values[2].endswith("has all of it]")
    assert values[3] == "bad\ufffdchar" and values[4] == 12


@given(st.lists(st.lists(st.one_of(
    st.none(), st.integers(-5, 5), st.floats(allow_nan=False, allow_infinity=False),
    st.text(alphabet=st.sampled_from(['"', ",", "\n", "\r", "=", "'", "a", " ", "é", "\t"]), max_size=6),
), min_size=1, max_size=4), max_size=4))
def test_csv_bytes_reads_back_with_the_csv_module(rows: list[list[object]]) -> None:
    # A cell holding a bare carriage return is quoted here (the csv module's writer leaves it bare,
    # and its own reader then splits the row there).
    expected = [["h"], *(["" if v is None else str(safe_cell(v)) for v in row] for row in rows)]
    assert list(csv.reader(io.StringIO(csv_bytes(["h"], rows).decode("utf-8"), newline=""))) == expected
