"""Blind rules on a theme's review: a passage two coders coded shows each coder only their own coding
(and so only their own name) while the transcript is blind; the lead sees both coders on it, and the
coders do too once the lead reveals it. Memos on a hidden coding stay hidden with it."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient

from cotheme.services.project import Project

SHARED = "the waiting list was long"


def _double_code(project: Project) -> int:
    """Ann already coded "waiting list was long"; Bea codes an overlapping span with the same code."""
    project.code("P01", "Waiting", quote=SHARED, coder="Bea")
    bea = next(e for e in project.codings() if e.coder == "Bea" and e.code == "Waiting")
    project.add_memo("beamemoonhercoding", target="coding", target_id=bea.id, author="Bea")
    return project.create_theme("Delay", codes=["Waiting"]).id


def _coders(project: Project, theme: int) -> list[tuple[str, ...]]:
    review = project.theme_review(theme)
    return [p.coders for g in review.passages.groups for p in g.passages]


def test_a_coder_sees_only_their_own_coding_of_a_blind_passage(team: Project) -> None:
    theme = _double_code(team)
    lead, ann, bea = team.acting_as("Lead"), team.acting_as("Ann"), team.acting_as("Bea")
    assert _coders(lead, theme) == [("Ann", "Bea")]  # one passage, both coders
    lead.set_blind("P01")
    assert _coders(lead, theme) == [("Ann", "Bea")]
    assert _coders(ann, theme) == [("Ann",)]
    assert _coders(bea, theme) == [("Bea",)]
    assert _coders(team.acting_as("Vic"), theme) == []
    ann_view = ann.theme_review(theme)
    assert not [m for g in ann_view.passages.groups for p in g.passages for m in p.memos]
    lead.set_blind("P01", False)
    assert _coders(ann, theme) == [("Ann", "Bea")]


def test_the_review_page_keeps_the_rule(team_client: TestClient, file_team: Project,
                                        as_member: Callable[[str], dict[str, str]]) -> None:
    theme = _double_code(file_team)
    file_team.acting_as("Lead").set_blind("P01")
    ann_page = team_client.get(f"/themes/{theme}", headers=as_member("Ann")).text
    assert "coded by Ann<" in ann_page and "Bea" not in ann_page.split('id="passages-h"')[1]
    assert "beamemoonhercoding" not in ann_page
    lead_page = team_client.get(f"/themes/{theme}?group=participant", headers=as_member("Lead")).text
    assert "coded by Ann and Bea" in lead_page and "beamemoonhercoding" in lead_page
