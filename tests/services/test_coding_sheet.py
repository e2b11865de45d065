"""Codings in bulk from a sheet or a script: all rows or none, on SQLite and PostgreSQL, with the rules
and the sentences of a single coding, the refused row named."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from cotheme.errors import CothemeError, Forbidden, InputError, InvalidArgument, NotFound
from cotheme.services.project import Project


@pytest.fixture
def coded(project: Project, interview_file: Path) -> Project:
    project.add_case("P01")
    project.import_files([interview_file])
    project.add_member("Rowan", "expert by experience")
    project.add_member("Vic", permission="viewer")
    project.create_code("Waiting")
    return project


def _sheet(tmp_path: Path, text: str, name: str = "codings.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _state(p: Project) -> tuple[int, int, int]:
    return len(p.codings()), len(p.memos()), len(p.codes())


def test_a_sheet_adds_every_row_with_its_memo(coded: Project, tmp_path: Path) -> None:
    text = coded.document("P01").text
    start = text.index("waiting list")
    sheet = _sheet(tmp_path, "Document,CODE,Quote,Start,End,Coder,Memo\n"
                             f"P01,Waiting,,{start},{start + 12},Rowan,long wait\n"
                             "P01,Listening,she actually listened,,,Lead,\n")
    added = coded.import_codings(sheet, create=True)
    assert added.codings == 2 and added.memos == 1
    assert added.sentence("codings.csv") == "Added 2 codings and 1 memo from codings.csv."
    first, second = (coded.coding(i) for i in added.coding_ids)
    assert (first.text, first.coder, first.code_path) == ("waiting list", "Rowan", "Waiting")
    assert (second.text, second.coder, second.code_path) == ("she actually listened", "Lead", "Listening")
    memo = next(m for m in coded.memos() if m.text == "long wait")
    assert memo.target_id == first.id


def test_a_bad_row_refuses_the_whole_sheet_naming_it(coded: Project, tmp_path: Path) -> None:
    before = _state(coded)
    sheet = _sheet(tmp_path, "document,code,quote,coder,memo\n"
                             "P01,Waiting,waiting list,Lead,kept?\n"
                             "P01,New code,I waited four months,Lead,\n"  # made by the row above's create
                             "P01,Waiting,words that are not there,Lead,\n")
    with pytest.raises(NotFound) as refused:
        coded.import_codings(sheet, create=True)
    assert str(refused.value).startswith("codings.csv, row 4: The quote 'words that are not there' does not occur")
    assert _state(coded) == before  # not the first rows, not their memo, not the code the second row made


@pytest.mark.parametrize(("rows", "sentence"), [
    ("P02,Waiting,waiting list,Lead\n", "codings.csv, row 2: There is no document 'P02'"),
    ("P01,Nope,waiting list,Lead\n", "codings.csv, row 2: There is no code 'Nope'"),
    ("P01,Waiting,waiting list,Nobody\n", "codings.csv, row 2: No member is called 'Nobody'"),
    ("P01,Waiting,waiting list,\n", "codings.csv, row 2: Say who coded each row in a 'coder' column"),
])
def test_each_rule_of_one_coding_names_the_row(coded: Project, tmp_path: Path, rows: str, sentence: str) -> None:
    with pytest.raises(CothemeError) as refused:
        coded.import_codings(_sheet(tmp_path, "document,code,quote,coder\n" + rows))
    assert str(refused.value).startswith(sentence)
    assert coded.codings() == []


def test_offsets_outside_the_text_and_a_quote_that_does_not_fit_them(coded: Project, tmp_path: Path) -> None:
    length = len(coded.document("P01").text)
    with pytest.raises(InvalidArgument, match=r"^codings.csv, row 2: "):
        coded.import_codings(_sheet(tmp_path, f"document,code,start,end,coder\nP01,Waiting,5,{length + 9},Lead\n"))
    with pytest.raises(InvalidArgument, match=r"^codings.csv, row 2: The quote is not the text at 0-5"):
        coded.import_codings(_sheet(tmp_path, "document,code,start,end,quote,coder\nP01,Waiting,0,5,hello,Lead\n"))
    assert coded.codings() == []


@pytest.mark.parametrize(("text", "sentence"), [
    ("document,quote\nP01,x\n", "codings.csv: has no 'code' column"),
    ("document,code,coder\nP01,Waiting,Lead\n", "codings.csv: says where to code in no column"),
    ("document,code,start,end\nP01,Waiting,4,\n", "codings.csv, row 2: gives start without end"),
    ("document,code,start,end\nP01,Waiting,four,9\n", "codings.csv, row 2: start 'four' is not a whole number"),
    ("document,code,quote\n,Waiting,x\n", "codings.csv, row 2: names no document"),
    ("document,code,quote\n", "codings.csv: has a header row but no codings"),
])
def test_a_sheet_that_cannot_be_right_is_refused_before_anything(coded: Project, tmp_path: Path, text: str,
                                                                 sentence: str) -> None:
    with pytest.raises(InputError) as refused:
        coded.import_codings(_sheet(tmp_path, text))
    assert str(refused.value).startswith(sentence)


def test_an_xlsx_sheet_and_the_columns_of_an_extracts_export(coded: Project, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Title", "Code path", "Text", "Coder", "Note"])
    sheet.append(["P01", "Waiting", "I waited four months", "Rowan", "four"])
    book.save(tmp_path / "codings.xlsx")
    added = coded.import_codings(tmp_path / "codings.xlsx")
    assert added.codings == 1 and added.memos == 1
    assert coded.coding(added.coding_ids[0]).text == "I waited four months"


def test_a_nul_anywhere_refuses_every_row(coded: Project) -> None:
    rows = [{"document": "P01", "code": "Waiting", "quote": "waiting list", "coder": "Lead"},
            {"document": "P01", "code": "Waiting", "quote": "I waited", "coder": "Lead", "memo": "a\x00b"}]
    with pytest.raises(InvalidArgument) as refused:
        coded.code_many(rows)
    assert str(refused.value).startswith("codings, row 2: ")
    assert coded.codings() == [] and coded.memos() == []


def test_code_many_takes_rows_a_script_made(coded: Project) -> None:
    added = coded.code_many([{"document": "P01", "code": "Waiting", "start": 0, "end": 11, "coder": "Rowan"}])
    assert coded.coding(added.coding_ids[0]).coder == "Rowan"
    with pytest.raises(InvalidArgument, match="row 1: colour is not one of"):
        coded.code_many([{"document": "P01", "code": "Waiting", "quote": "x", "colour": "red"}])


def test_a_coder_codes_only_as_themselves_and_adds_no_codes(coded: Project, tmp_path: Path) -> None:
    rowan = coded.acting_as("Rowan")
    sheet = _sheet(tmp_path, "document,code,quote,coder\nP01,Waiting,waiting list,\nP01,Waiting,I waited,Lead\n")
    with pytest.raises(Forbidden, match="^codings.csv, row 3: Rowan may code and write memos only as themselves, not as Lead"):
        rowan.import_codings(sheet)
    with pytest.raises(NotFound, match="^codings.csv, row 2: There is no code 'Brand new'"):
        rowan.import_codings(_sheet(tmp_path, "document,code,quote\nP01,Brand new,waiting list\n"), create=True)
    added = rowan.import_codings(_sheet(tmp_path, "document,code,quote\nP01,Waiting,waiting list\n"))
    assert coded.coding(added.coding_ids[0]).coder == "Rowan"
    with pytest.raises(Forbidden):
        coded.acting_as("Vic").import_codings(sheet)
    assert len(coded.codings()) == 1


def test_in_a_blind_document_a_coder_codes_and_sees_only_their_own(coded: Project, tmp_path: Path) -> None:
    coded.code("P01", "Waiting", quote="waiting list", coder="Lead")
    coded.set_blind("P01")
    rowan = coded.acting_as("Rowan")
    preview = rowan.preview_codings("codings.csv", b"document,code,quote\nP01,Waiting,I waited four months\n")
    assert preview.error is None and [r.coder for r in preview.rows] == ["Rowan"]
    assert len(coded.codings()) == 1  # a preview stores nothing
    rowan.import_coding_data("codings.csv", b"document,code,quote\nP01,Waiting,I waited four months\n")
    assert [e.coder for e in rowan.codings()] == ["Rowan"]
    assert sorted(e.coder or "" for e in coded.codings()) == ["Lead", "Rowan"]


def test_a_preview_gives_the_refusal_sentence_instead(coded: Project) -> None:
    preview = coded.preview_codings("codings.csv", b"document,code,quote,coder\nP01,Waiting,nowhere,Lead\n")
    assert preview.rows == () and preview.error is not None
    assert preview.error.startswith("codings.csv, row 2: The quote 'nowhere' does not occur")
