"""Code hierarchy on a real store (SQLite and PostgreSQL): counts own and with sub-codes, retrieval,
codings, reports with sub-codes and a passage counted once; memos naming their target."""

from __future__ import annotations

from pathlib import Path

import pytest

from cotheme.errors import InvalidArgument
from cotheme.services.demo import build_demo
from cotheme.services.project import Project
from tests.conftest import INTERVIEW


@pytest.fixture
def coded(project: Project, tmp_path: Path) -> Project:
    """P01 and P02; "Peer support" (no codings of its own) with sub-codes "Groups" and "Groups/Art";
    P01's "peer group" passage coded by Lead with both Groups and Art; P02's with Groups by Rowan."""
    for pid in ("P01", "P02"):
        project.add_case(pid)
        path = tmp_path / f"{pid}.txt"
        path.write_text(INTERVIEW.replace("P01:", f"{pid}:").replace("four", pid), encoding="utf-8")
        project.import_files([path], case=pid)
    project.add_member("Rowan")
    project.create_code("Peer support/Groups/Art")
    project.create_code("Stigma")
    project.code("P01", "Groups", quote="the peer group helped", coder="Lead")
    project.code("P01", "Peer support/Groups/Art", quote="the peer group helped", coder="Lead")
    project.code("P02", "Groups", quote="the peer group helped", coder="Rowan")
    project.code("P02", "Stigma", quote="it was hard", coder="Rowan")
    return project


def _count(project: Project, name: str) -> tuple[int, int, int, int, int]:
    c = next(c for c in project.codes() if c.code.name == name)
    return c.extracts, c.participants, c.extracts_with_subcodes, c.participants_with_subcodes, c.subcodes


def test_codebook_counts_own_and_with_sub_codes(coded: Project) -> None:
    assert _count(coded, "Peer support") == (0, 0, 2, 2, 2)
    assert _count(coded, "Groups") == (2, 2, 2, 2, 1)  # P01's passage with Art too is still one extract
    assert _count(coded, "Art") == (1, 1, 1, 1, 0)
    assert _count(coded, "Stigma") == (1, 1, 1, 1, 0)
    label = next(c for c in coded.codes() if c.code.name == "Peer support").label
    assert label == "0 own · 2 with sub-codes"


def test_retrieving_a_parent_returns_its_sub_codes_extracts_once(coded: Project) -> None:
    peer = next(c.code.id for c in coded.codes() if c.code.name == "Peer support")
    found = coded.retrieve([peer])
    assert [(r.extract.document, r.codes) for r in found] == [
        ("P01", ("Peer support/Groups", "Peer support/Groups/Art")), ("P02", ("Peer support/Groups",))]
    assert len(found[0].coding_ids) == 2 and [r.turn for r in found] == [4, 4]  # turns, never offsets
    assert coded.retrieve([peer], subcodes=False) == []
    groups = next(c.code.id for c in coded.codes() if c.code.name == "Groups")
    stigma = next(c.code.id for c in coded.codes() if c.code.name == "Stigma")
    assert [r.extract.document for r in coded.retrieve([groups, stigma])] == ["P01", "P02", "P02"]
    assert coded.retrieve([stigma, peer], mode="and") == []  # P02's passages do not overlap
    with pytest.raises(InvalidArgument):
        coded.retrieve([])


def test_memos_on_a_coding_come_with_its_extract(coded: Project) -> None:
    art = next(e for e in coded.codings(code="Art"))
    coded.add_memo("Making things together", target="coding", target_id=art.id, author="Lead")
    peer = next(c.code.id for c in coded.codes() if c.code.name == "Peer support")
    first = coded.retrieve([peer])[0]
    assert [(m.text, m.author, m.coding_id) for m in first.memos] == [("Making things together", "Lead", art.id)]
    assert coded.retrieve([peer])[1].memos == ()


def test_codings_of_a_code_with_and_without_sub_codes(coded: Project) -> None:
    assert sorted(e.code for e in coded.codings(code="Peer support")) == ["Art", "Groups", "Groups"]
    assert coded.codings(code="Peer support", subcodes=False) == []
    assert [e.code for e in coded.codings(code="Art")] == ["Art"]


def test_matrix_and_cooccurrence_count_a_passage_once(coded: Project, tmp_path: Path) -> None:
    (tmp_path / "cases.csv").write_text("id,group\nP01,a\nP02,b\n", encoding="utf-8")
    coded.import_cases(tmp_path / "cases.csv")
    rows = {r.label: r.values for r in coded.matrix("group", count="extracts", rows="codes").rows}
    assert rows["Peer support"] == (1, 1) and rows["Groups"] == (1, 1) and rows["Art"] == (1, 0)
    own = {r.label: r.values for r in coded.matrix("group", count="extracts", rows="codes", subcodes=False).rows}
    assert own["Peer support"] == (0, 0) and own["Groups"] == (1, 1)
    rolled = coded.cooccurrence()
    at = {name: i for i, name in enumerate(rolled.codes)}
    assert rolled.counts[at["Peer support"]][at["Peer support"]] == 2
    assert rolled.counts[at["Peer support"]][at["Peer support/Groups"]] == 0  # a code and its own sub-code
    flat = coded.cooccurrence(subcodes=False)
    assert "Peer support" not in flat.codes
    fat = {name: i for i, name in enumerate(flat.codes)}
    assert flat.counts[fat["Peer support/Groups"]][fat["Peer support/Groups/Art"]] == 1


def test_memos_name_their_target(coded: Project) -> None:
    stigma = next(e for e in coded.codings(code="Stigma"))
    coded.add_memo("On a passage", target="coding", target_id=stigma.id, author="Lead")
    coded.add_memo("About the code", target="code", ref="Stigma", author="Lead")
    coded.add_memo("About the interview", target="document", ref="P02", author="Lead")
    coded.add_memo("Journal", author="Lead")
    theme = coded.create_theme("Finding others", codes=["Peer support"])
    coded.add_memo("Is this a theme yet?", target="theme", target_id=theme.id, author="Lead")
    places = [m.place.text for m in coded.memos() if m.place is not None]
    assert places == ["on theme Finding others", "on the project", "on P02", "on code Stigma",
                      "on a coding in P02, turn 4"]
    on_coding = next(m for m in coded.memos() if m.target.value == "coding")
    assert on_coding.place is not None and on_coding.place.document_id == stigma.document_id


def test_memo_errors_name_the_option_to_give(coded: Project) -> None:
    with pytest.raises(InvalidArgument, match="--author NAME"):
        coded.add_memo("Who wrote me?", target="project")
    with pytest.raises(InvalidArgument, match="--ref CODE"):
        coded.add_memo("On what?", target="code", author="Lead")


def test_the_demo_counts_agree_with_retrieval(tmp_path: Path) -> None:
    with build_demo(tmp_path / "demo.cotheme") as demo:
        counts = demo.codes()
        peer = next(c for c in counts if c.code.path_text == "Peer support")
        assert (peer.extracts, peer.extracts_with_subcodes) == (0, 11)
        for c in counts:
            found = demo.retrieve([c.code.id])
            assert len(found) == c.extracts_with_subcodes, c.code.path_text
            assert len({r.extract.case_pid for r in found} - {None}) == c.participants_with_subcodes
            assert len(demo.retrieve([c.code.id], subcodes=False)) == c.extracts
