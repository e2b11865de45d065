"""The Study page's fields and the COREQ checklist on both engines: every item answered once the team
has filled the fields in; from the demo study, the prefilled items say what the project holds (codes
counted as stored, themes derived from codes, quotations identified only as the team chose)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import cotheme
from cotheme.domain.coreq import STUDY_PAGE, TO_COMPLETE
from cotheme.domain.study_fields import BY_ITEM, FIELDS
from cotheme.errors import Forbidden, InvalidArgument
from cotheme.services.demo import build_demo
from cotheme.services.project import Project


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.cotheme"
    build_demo(path).close()
    return path


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Iterator[Project]:
    copy = tmp_path / "demo.cotheme"
    copy.write_bytes(demo_file.read_bytes())
    with cotheme.open_project(copy) as project:
        yield project


def _items(project: Project) -> dict[int, tuple[str, str]]:
    return {i.number: (i.answer, i.where) for i in project.methods_report().coreq}


def test_every_item_has_a_field() -> None:
    assert sorted(BY_ITEM) == list(range(1, 33))
    assert len({f.name for f in FIELDS}) == len(FIELDS)


def test_all_fields_set_answers_all_32_items(project: Project) -> None:
    for field in FIELDS:
        project.set_study(field.name, "id" if field.choices else f"Our answer for {field.label}.")
    report = project.methods_report()
    assert [i.number for i in report.coreq] == list(range(1, 33))
    assert all(i.answered and i.where == STUDY_PAGE for i in report.coreq)
    assert report.coreq[9].answer == "Our answer for Sampling."
    design = {s.title: s.lines for s in report.sections}["Research team and study design"]
    assert "Sampling: Our answer for Sampling." in design


def test_set_clear_and_refuse(project: Project) -> None:
    assert project.set_study("sampling", "  Purposive, by age and gender.  ") == "Purposive, by age and gender."
    assert _items(project)[10] == ("Purposive, by age and gender.", STUDY_PAGE)
    assert project.set_study("sampling", "") == ""
    assert _items(project)[10] == (TO_COMPLETE, "")
    assert project.set_study("ethics_reference", "REC 1") == "REC 1" and project.info().ethics_reference == "REC 1"
    with pytest.raises(InvalidArgument, match="'samplng' is not a study field"):
        project.set_study("samplng", "x")
    with pytest.raises(InvalidArgument, match="use one of none, id, id-attributes"):
        project.set_study("attribution", "names")
    with pytest.raises(InvalidArgument, match="keep it under 5,000"):
        project.set_study("sampling", "x" * 5001)
    assert project.set_study("Attribution", "ID-Attributes") == "id-attributes"
    assert project.attribution() == "id-attributes"


def test_several_fields_all_or_none(project: Project) -> None:
    with pytest.raises(InvalidArgument, match="title cannot be empty"):
        project.set_study_fields({"sampling": "Purposive.", "title": "  "})
    assert _items(project)[10] == (TO_COMPLETE, "")
    assert project.set_study_fields({"sampling": "Purposive.", "title": "A new\ntitle"}) == {
        "sampling": "Purposive.", "title": "A new title"}
    assert project.info().title == "A new title" and _items(project)[10][0] == "Purposive."


def test_only_a_lead_sets_study_fields(project: Project) -> None:
    project.add_member("Cora", permission="coder")
    coder = project.acting_as("Cora")
    assert coder.study()  # reading is for everyone
    with pytest.raises(Forbidden):
        coder.set_study("sampling", "x")


def test_demo_prefilled_items(demo: Project) -> None:
    items = _items(demo)
    codes = len(demo.codes())
    assert items[25] == (f"{codes} codes (5 at the top level, up to 2 levels deep); see the codebook export.",
                         "Codebook and its changes over time")
    demo.create_code(r"Living well/Family\/friends")  # one code whose name holds a slash
    assert _items(demo)[25][0].startswith(f"{codes + 1} codes (5 at the top level, up to 2 levels deep)")
    assert items[26][0].startswith("Themes were derived from the data: 10 themes were built by grouping 13 codes")
    assert items[27] == (f"cotheme {cotheme.__version__}.", "Software")
    assert items[12] == ("6 participants (6 transcripts).", "Table 1")
    assert items[1][1] == "Interviews" and "Sam Okafor (3 interviews)" in items[1][0]
    assert items[31][0].startswith("5 major themes: Getting in the door; Being known")
    assert items[32][0].startswith("4 subthemes under the major themes: Falling between services")
    assert items[2] == (TO_COMPLETE, "")
    # No attribution chosen: no claim about how quotations are identified.
    assert "participant id" not in items[29][0] and "participant's id" not in items[29][0]
    demo.set_study("attribution", "none")
    assert "not attributed to individual participants" in _items(demo)[29][0]
    demo.set_study("attribution", "id")
    assert "identified by the participant's id" in _items(demo)[29][0]


def test_themes_not_built_from_codes_leave_item_26_open(project: Project) -> None:
    project.create_theme("Belonging")
    assert _items(project)[26] == (TO_COMPLETE, "")
    project.set_study("theme_derivation", "Themes were identified in advance from the framework.")
    assert _items(project)[26] == ("Themes were identified in advance from the framework.", STUDY_PAGE)


def test_study_entries_show_prefilled_beside_stored(demo: Project) -> None:
    entries = {e.field.name: e for e in demo.study()}
    assert entries["coders"].value == "" and entries["coders"].prefilled.startswith("2 coders: ")
    demo.set_study("coders", "Two coders: a researcher and a peer researcher.")
    entries = {e.field.name: e for e in demo.study()}
    assert entries["coders"].value == "Two coders: a researcher and a peer researcher."
    assert _items(demo)[24] == ("Two coders: a researcher and a peer researcher.", STUDY_PAGE)
