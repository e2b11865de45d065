"""Reports on both engines, counted by hand on a small project: the sample table (order, bands,
targets), the matrix, co-occurrence, the themes report's quotes and the methods appendix."""

from __future__ import annotations

from pathlib import Path

import pytest

from cotheme.domain.coreq import TO_COMPLETE
from cotheme.domain.sample import SampleTarget, parse_bands
from cotheme.errors import InvalidArgument, NotFound
from cotheme.services.project import Project

PEOPLE = (
    "id,age,gender,years\n"
    "P01,19,woman,1-2 years\n"
    "P02,40,man,under 6 months\n"
    "P03,67,woman,\n"
    "P04,,man,6-12 months\n"
    "P05,33,woman,over 2 years\n"
)
# Two interviews, by P01 and P02; P03-P05 recruited but not yet interviewed.
P01 = "Interviewer: Hello.\n\nP01: I waited months. Then she listened. Then I trusted her.\n"
P02 = "Interviewer: Hello.\n\nP02: Nobody listened at first, and I waited a year.\n"


@pytest.fixture
def small(project: Project, tmp_path: Path) -> Project:
    (tmp_path / "people.csv").write_text(PEOPLE, encoding="utf-8")
    project.import_cases(tmp_path / "people.csv")
    for name, text in (("P01.txt", P01), ("P02.txt", P02)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    project.import_files([tmp_path / "P01.txt", tmp_path / "P02.txt"])
    for code in ("Waiting", "Listening", "Trust"):
        project.create_code(code)
    project.code("P01", "Waiting", quote="I waited months.")
    project.code("P01", "Listening", quote="she listened")
    project.code("P01", "Trust", quote="Then she listened. Then I trusted her.")  # overlaps Listening
    project.code("P02", "Listening", quote="Nobody listened at first")
    project.code("P02", "Waiting", quote="I waited a year")
    project.create_theme("Access", codes=["Waiting"])
    project.create_theme("Relationships", codes=["Listening", "Trust"])
    return project


def test_sample_table_order_bands_and_missing_last(small: Project) -> None:
    table = small.sample_table(attributes=["years", "age"], bands=parse_bands("age=18-24,25-44,45-64,65+"))
    assert table.n == 5
    years, age = table.attributes
    assert [(c.label, c.count) for c in years.categories] == [
        ("under 6 months", 1), ("6-12 months", 1), ("1-2 years", 1), ("over 2 years", 1),
        ("Information not available", 1),
    ]
    assert [(c.label, c.count) for c in age.categories] == [
        ("18-24", 1), ("25-44", 2), ("45-64", 0), ("65+", 1), ("Information not available", 1),
    ]
    assert [a.name for a in small.sample_table().attributes] == ["age", "gender", "years"]
    with pytest.raises(NotFound, match="no attribute 'region'"):
        small.sample_table(attributes=["region"])


def test_targets_saved_and_gaps_flagged(small: Project, tmp_path: Path) -> None:
    (tmp_path / "targets.csv").write_text(
        "attribute,category,min_count,min_share\ngender,man,3,\ngender,woman,,50%\nregion,North,1,\n",
        encoding="utf-8",
    )
    small.import_targets(tmp_path / "targets.csv")
    assert small.targets()[0] == SampleTarget("gender", "man", 3, None)
    checks = {(c.target.attribute, c.target.category): c for c in small.sample_table().targets}
    assert (checks[("gender", "man")].recruited, checks[("gender", "man")].needed) == (2, 1)
    assert not checks[("gender", "woman")].gap  # 3 of 5 is 60%
    assert checks[("region", "North")].gap  # an attribute nobody has yet is a gap, not an error
    given = small.sample_table(targets=[SampleTarget("gender", "woman", None, 0.75)]).targets
    assert [(c.recruited, c.needed) for c in given] == [(3, 3)]  # (3+3)/(5+3) = 75%


def test_matrix_counts_by_hand(small: Project) -> None:
    people = small.matrix("gender")
    assert people.columns == ("man", "woman") and people.totals == (2, 3)
    assert [(r.label, r.values, r.total) for r in people.rows] == [
        ("Access", (1, 1), 2), ("Relationships", (1, 1), 2),
    ]
    extracts = small.matrix("gender", count="extracts", rows="codes")
    assert [(r.label, r.values) for r in extracts.rows] == [
        ("Waiting", (1, 1)), ("Listening", (1, 1)), ("Trust", (0, 1)),
    ]
    assert extracts.totals == (2, 3)
    banded = small.matrix("age", bands=parse_bands("age=18-24,25-44,65+")["age"])
    assert banded.columns == ("18-24", "25-44", "65+", "Information not available")
    assert banded.rows[1].values == (1, 1, 0, 0)
    with pytest.raises(InvalidArgument):
        small.matrix("gender", count="words")


def test_cooccurrence_by_extract_and_turn(small: Project) -> None:
    by_extract = small.cooccurrence()
    assert by_extract.codes == ("Waiting", "Listening", "Trust")
    assert by_extract.counts == ((2, 0, 0), (0, 2, 1), (0, 1, 1))
    by_turn = small.cooccurrence(unit="turn")
    assert by_turn.counts == ((2, 2, 1), (2, 2, 1), (1, 1, 1))  # both P01 and P02 turns hold Waiting + Listening


def test_themes_report_quotes(small: Project) -> None:
    report = small.themes_report(quotes=1, attributes=["gender"])
    access = report.themes[0]
    assert (access.name, access.participants, access.extracts) == ("Access", 2, 2)
    (quote,) = access.quotes
    assert quote.attributes == {"gender": quote.attributes["gender"]} and not quote.exemplar
    chosen = small.codings(code="Trust")[0].id
    small.add_exemplar("Relationships", chosen)
    relationships = small.themes_report().themes[1]
    assert [(q.coding_id, q.case, q.exemplar) for q in relationships.quotes][0] == (chosen, "P01", True)
    only = small.themes_report(exemplars_only=True).themes[1]
    assert [(q.coding_id, q.case, q.exemplar) for q in only.quotes] == [(chosen, "P01", True)]


def test_methods_report_and_coreq(small: Project) -> None:
    report = small.methods_report()
    assert len(report.coreq) == 32 and [i.number for i in report.coreq] == list(range(1, 33))
    answers = {i.number: i.answer for i in report.coreq}
    assert answers[12] == "5 participants (2 transcripts)."
    assert answers[24].startswith("1 coder: ")
    assert answers[2] == TO_COMPLETE  # credentials: nothing in the project says
    sections = {s.title: s.lines for s in report.sections}
    assert sections["Agreement between coders"] == (
        "No transcript was double-coded, so no agreement between coders is reported.",)
    assert sections["Use of AI"] == ("None recorded.",)
    assert any("recorded codebook changes" in line for line in sections["Codebook and its changes over time"])
    assert any("created 'Trust'" in line for line in sections["Codebook history"])
