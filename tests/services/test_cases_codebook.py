"""Cases with explicit missing values; the codebook's import, tree, export and uniqueness."""

from __future__ import annotations

from pathlib import Path

import pytest

from cotheme.domain.cases import DEFAULT_MISSING_LABEL
from cotheme.errors import Conflict, InputError
from cotheme.services.project import Project

CODEBOOK = """name,parent,definition,inclusion,exclusion,example,colour
Access,,Getting into the service,,,,#112233
Waiting,Access,Time spent waiting for support,Any mention of waiting,Waiting rooms,"four months, at least",
Trust,Relationships,Trust in staff,,,,#AABBCC
"""


def test_cases_import_with_missing_values(project: Project, tmp_path: Path) -> None:
    table = tmp_path / "people.csv"
    table.write_text("participant,age_band,ethnicity\nP01,25-34,\nP02,,White British\n", encoding="utf-8")
    result = project.import_cases(table)
    assert (result.id_column, result.created, result.attributes) == ("participant", 2, ("age_band", "ethnicity"))
    cases = {c.pid: c for c in project.cases()}
    assert cases["P01"].attributes == {"age_band": "25-34", "ethnicity": None}
    assert cases["P01"].shown()["ethnicity"] == DEFAULT_MISSING_LABEL
    project.add_case("P03")
    assert {c.pid: c.attributes for c in project.cases()}["P03"] == {"age_band": None, "ethnicity": None}
    # a second file adds an attribute: earlier cases get it as explicitly not available
    more = tmp_path / "more.csv"
    more.write_text("id,employment\nP02,part-time\n", encoding="utf-8")
    project.import_cases(more)
    assert {c.pid: c.attributes for c in project.cases()}["P01"]["employment"] is None
    with pytest.raises(Conflict):
        project.add_case("p01")


def test_missing_label_is_configurable(project: Project) -> None:
    project.add_case("P01")
    project.update_info(missing_label="Not disclosed")
    assert project.info().missing_label == "Not disclosed"


def test_codebook_import_tree_and_round_trip(project: Project, tmp_path: Path) -> None:
    source = tmp_path / "codebook.csv"
    source.write_text(CODEBOOK, encoding="utf-8")
    result = project.import_codebook(source)
    assert (result.created, result.updated) == (4, 0)
    codes = {c.code.path_text: c.code for c in project.codes()}
    assert set(codes) == {"Access", "Access/Waiting", "Relationships", "Relationships/Trust"}
    waiting = codes["Access/Waiting"]
    assert waiting.parent_id == codes["Access"].id
    assert (waiting.definition, waiting.inclusion, waiting.exclusion, waiting.example) == (
        "Time spent waiting for support", "Any mention of waiting", "Waiting rooms", "four months, at least",
    )
    assert codes["Relationships/Trust"].colour == "#AABBCC"
    out = project.export_codebook(tmp_path / "out.csv")
    again = tmp_path / "again.cotheme"
    import cotheme

    with cotheme.create_project(again) as copy:
        copy.import_codebook(out)
        copied = {c.code.path_text: c.code for c in copy.codes()}
    strip = lambda c: (c.path, c.definition, c.inclusion, c.exclusion, c.example, c.colour)  # noqa: E731
    assert {k: strip(v) for k, v in copied.items()} == {k: strip(v) for k, v in codes.items()}
    markdown = project.export_codebook(tmp_path / "out.md").read_text(encoding="utf-8")
    assert "Waiting" in markdown and "Time spent waiting for support" in markdown
    # importing again updates, never duplicates
    assert project.import_codebook(source).created == 0
    assert len(project.codes()) == 4


def test_codebook_errors_name_the_row(project: Project, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("name,colour\nGood,#123456\nBad,blue\n", encoding="utf-8")
    with pytest.raises(InputError, match="bad.csv.*3"):
        project.import_codebook(bad)
    assert project.codes() == []


def test_create_code_refuses_existing(project: Project) -> None:
    project.create_code("Access/Waiting", definition="d")
    with pytest.raises(Conflict, match="already exists"):
        project.create_code("access/waiting")


def test_codebook_with_slashes_in_names_imports_and_exports_back_unchanged(project: Project, tmp_path: Path) -> None:
    """The issue's file: one code "Validation and active/empathic listening", not two; the export reads
    back to the same codes (a second import updates every code and creates none)."""
    source = tmp_path / "codebook.csv"
    source.write_text("name,parent,definition\n"
                      "Listening,,\n"
                      "Validation and active/empathic listening,Listening,Reflecting back\n"
                      "mm/hm \\ nods,Validation and active/empathic listening,\n", encoding="utf-8")
    assert project.import_codebook(source).created == 3
    paths = [c.code.path for c in project.codes()]
    assert paths == [("Listening",), ("Listening", "Validation and active/empathic listening"),
                     ("Listening", "Validation and active/empathic listening", "mm/hm \\ nods")]
    out = project.export_codebook(tmp_path / "out.csv")
    again = project.import_codebook(out)
    assert (again.created, again.updated) == (0, 3)
    assert [c.code.path for c in project.codes()] == paths
    # the name, "/" and all, finds the code where a code is asked for (it is no path of the codebook)
    assert project.codings(code="Validation and active/empathic listening") == []
