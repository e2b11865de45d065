"""The figures' data on both engines, counted by hand: the code x participant heatmap (counts and
presence, rows grouped by theme, columns by an attribute), the co-occurrence heatmap and the coverage
strips; and a coder sees in them only what they may see of a blind document."""

from __future__ import annotations

from pathlib import Path

import pytest

from cotheme.errors import InvalidArgument, NotFound
from cotheme.services.project import Project

PEOPLE = "id,gender\nP01,woman\nP02,man\nP03,woman\n"
P01 = "Interviewer: Hello.\n\nP01: I waited months. Then she listened. Then I trusted her.\n"
P02 = "Interviewer: Hello.\n\nP02: Nobody listened at first, and I waited a year.\n"


@pytest.fixture
def small(project: Project, tmp_path: Path) -> Project:
    (tmp_path / "people.csv").write_text(PEOPLE, encoding="utf-8")
    project.import_cases(tmp_path / "people.csv")
    for name, text in (("P01.txt", P01), ("P02.txt", P02)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    project.import_files([tmp_path / "P01.txt", tmp_path / "P02.txt"])
    for code in ("Waiting", "Listening", "Trust", "Other"):
        project.create_code(code)
    project.code("P01", "Waiting", quote="I waited months.")
    project.code("P01", "Listening", quote="she listened")
    project.code("P01", "Trust", quote="Then she listened. Then I trusted her.")  # overlaps Listening
    project.code("P01", "Trust", quote="I trusted her")
    project.code("P02", "Listening", quote="Nobody listened at first")
    project.code("P02", "Waiting", quote="I waited a year")
    project.code("P02", "Other", quote="Hello")
    project.create_theme("Access", codes=["Waiting"])
    project.create_theme("Relationships", codes=["Listening", "Trust"])
    return project


def test_heatmap_counts_grouped_by_theme_and_attribute(small: Project) -> None:
    heat = small.code_heatmap(columns_by="GENDER")
    assert heat.columns == ("P02", "P01", "P03") and heat.column_groups == ("man", "woman", "woman")
    assert [(r.label, r.group, r.values) for r in heat.rows] == [
        ("Waiting", "Access", (1, 1, 0)), ("Listening", "Relationships", (1, 1, 0)),
        ("Trust", "Relationships", (0, 2, 0)), ("Other", "No theme", (1, 0, 0)),
    ]
    small.set_attribute("gender", order="woman, man")  # the columns follow Table 1's category order
    assert small.code_heatmap(columns_by="gender").column_groups == ("woman", "woman", "man")
    presence = small.code_heatmap(values="presence")
    assert presence.presence and presence.columns == ("P01", "P02", "P03")
    assert presence.rows[2].values == (1, 0, 0) and presence.maximum == 1
    with pytest.raises(InvalidArgument, match="--values must be counts or presence"):
        small.code_heatmap(values="share")
    with pytest.raises(NotFound, match="no attribute 'age'"):
        small.code_heatmap(columns_by="age")


def test_cooccurrence_heatmap_is_symmetric(small: Project) -> None:
    heat = small.cooccurrence_heatmap()
    labels = [r.label for r in heat.rows]
    assert labels == ["Waiting", "Listening", "Trust", "Other"]
    grid = {(a, b): heat.rows[i].values[j] for i, a in enumerate(labels) for j, b in enumerate(labels)}
    assert grid[("Listening", "Trust")] == grid[("Trust", "Listening")] == 1
    assert grid[("Trust", "Trust")] == 2 and grid[("Waiting", "Trust")] == 0


def test_coverage_strips_place_each_theme(small: Project) -> None:
    found = small.coverage()
    assert found.themes == ("Access", "Relationships")
    p01 = next(s for s in found.strips if s.document == "P01")
    text = small.document("P01").text
    access = p01.lanes[0].segments
    start = text.index("I waited months.")
    assert access == ((start / len(text), (start + len("I waited months.")) / len(text)),)
    relationships = p01.lanes[1].segments
    assert len(relationships) == 1  # three overlapping codings merge into one stretch
    assert [s.document for s in small.coverage(documents=["p02"]).strips] == ["P02"]
    with pytest.raises(NotFound, match="no transcript 'p09'"):
        small.coverage(documents=["P09"])


def test_a_coder_sees_only_their_own_codings_of_a_blind_document(small: Project) -> None:
    small.add_member("Cora", permission="coder")
    small.assign("P01", ["Cora"], blind=True)
    coder = small.acting_as("Cora")
    coder.code("P01", "Other", quote="I waited months.")
    seen = {r.label: r.values for r in coder.code_heatmap().rows}
    assert seen["Other"] == (1, 1, 0)  # their own coding in P01, and the lead's in open P02
    assert seen.get("Trust", (0, 0, 0))[0] == 0  # the lead's codings in blind P01 are hidden
    lead = {r.label: r.values for r in small.code_heatmap().rows}
    assert lead["Trust"] == (2, 0, 0)
