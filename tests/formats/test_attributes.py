"""attributes.py: participant attribute tables from CSV and .xlsx, and their error messages."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest

from cotheme.errors import InputError, UnsupportedFormat
from cotheme.formats.attributes import read_attributes, read_sheet


def test_csv_with_empty_cells() -> None:
    data = b"PID , Age,Gender\nP01,34,\nP02,  ,F\n\n,,\nP03,51,M\n"
    id_name, table = read_attributes("cases.csv", data)
    assert id_name == "PID"
    assert table.columns == ("PID", "Age", "Gender")
    assert table.rows == (
        {"PID": "P01", "Age": "34", "Gender": None},
        {"PID": "P02", "Age": None, "Gender": "F"},
        {"PID": "P03", "Age": "51", "Gender": "M"},
    )
    assert table.row_lines == (2, 3, 6)


def test_semicolon_csv_in_windows_1252() -> None:
    data = "Participant ID;Région;Notes\r\nP01;Île-de-France;likes tea, coffee\r\nP02;Nord;\"a; b\"\r\n".encode("cp1252")
    id_name, table = read_attributes("cases.csv", data)
    assert id_name == "Participant ID"
    assert table.rows[0] == {"Participant ID": "P01", "Région": "Île-de-France", "Notes": "likes tea, coffee"}
    assert table.rows[1]["Notes"] == "a; b"


def test_tab_separated_and_first_column_as_default_id() -> None:
    id_name, table = read_attributes("cases.csv", b"code\tage\nA1\t30\nA2\t40\n")
    assert id_name == "code"
    assert [row["age"] for row in table.rows] == ["30", "40"]


def test_explicit_id_column_case_insensitive() -> None:
    data = b"id,alias,age\n1,P01,30\n2,P02,40\n"
    id_name, _ = read_attributes("cases.csv", data, id_column="ALIAS")
    assert id_name == "alias"
    assert read_attributes("cases.csv", data)[0] == "id"


def test_missing_id_column_names_the_columns() -> None:
    with pytest.raises(InputError) as err:
        read_attributes("cases.csv", b"code,age\nP1,3\n", id_column="pid")
    assert str(err.value) == (
        "cases.csv: has no column 'pid'; its columns are 'code', 'age'. Choose one of those as the id column."
    )


def test_duplicate_ids() -> None:
    with pytest.raises(InputError) as err:
        read_attributes("cases.csv", b"id,age\nP01,3\nP02,4\nP01,5\n")
    assert str(err.value).startswith("cases.csv, rows 2 and 4: the id 'P01' appears twice")


def test_empty_id_names_the_row() -> None:
    with pytest.raises(InputError, match=r"^cases\.csv, row 3: the id column 'id' is empty"):
        read_attributes("cases.csv", b"id,age\nP01,3\n,4\n")


@pytest.mark.parametrize(
    ("data", "pattern"),
    [
        (b"id,age,age\nP1,2,3\n", r"^cases\.csv: the column name 'age' appears twice .*columns 2 and 3"),
        (b"id,,age\nP1,2,3\n", r"^cases\.csv: column 2 has no name in the header row"),
        (b"id,age\nP1,2,3\n", r"^cases\.csv, row 2: has more cells than the 2 named columns"),
    ],
)
def test_header_and_row_shape_errors(data: bytes, pattern: str) -> None:
    with pytest.raises(InputError, match=pattern):
        read_attributes("cases.csv", data)


def test_trailing_unnamed_empty_columns_are_ignored() -> None:
    _, table = read_attributes("cases.csv", b"id,age,,\nP1,2,,\n")
    assert table.columns == ("id", "age")


def xlsx_bytes() -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Participant", "Age", "Height", "Interviewed", "Consent", "Note"])
    sheet.append(["P01", 34, 1.75, dt.datetime(2024, 1, 31), True, "  "])
    sheet.append([])
    sheet.append([7, 41.0, None, dt.date(2023, 12, 1), False, "Zoë 😀"])
    workbook.create_sheet("Ignored").append(["x"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_xlsx_first_sheet() -> None:
    id_name, table = read_attributes("cases.xlsx", xlsx_bytes())
    assert id_name == "Participant"
    assert table.rows == (
        {"Participant": "P01", "Age": "34", "Height": "1.75", "Interviewed": "2024-01-31", "Consent": "TRUE", "Note": None},
        {"Participant": "7", "Age": "41", "Height": None, "Interviewed": "2023-12-01", "Consent": "FALSE", "Note": "Zoë 😀"},
    )
    assert table.row_lines == (2, 4)


def test_xlsx_that_is_not_a_zip() -> None:
    with pytest.raises(InputError, match=r"^cases\.xlsx: is not an Excel \.xlsx file \(it is not a zip archive\)"):
        read_attributes("cases.xlsx", b"id,age\nP1,2\n")


def test_unsupported_table_formats() -> None:
    with pytest.raises(UnsupportedFormat, match=r"^old\.xls: \.xls spreadsheets cannot be read; save it as \.xlsx or \.csv"):
        read_attributes("old.xls", b"\xd0\xcf\x11\xe0")
    with pytest.raises(UnsupportedFormat, match=r"^cases\.json: "):
        read_sheet("cases.json", b"{}")


def test_header_only_gives_no_rows() -> None:
    _, table = read_attributes("cases.csv", b"id,age\n")
    assert table.rows == ()
