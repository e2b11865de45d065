"""The codebook's history: versioned changes with author and rationale, merge, split, delete, undo,
as-of and diff; and the version check that refuses the second of two concurrent saves."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient

from cotheme.errors import Conflict
from cotheme.services.project import Project


def paths(project: Project) -> list[str]:
    return [c.code.path_text for c in project.codes()]


def test_history_merge_split_delete_undo(team: Project) -> None:
    lead = team.acting_as("Lead")
    before = datetime.now(UTC)
    time.sleep(0.01)
    survivor = lead.merge_codes(["Listening"], "Waiting", rationale="one idea, really")
    assert paths(team) == ["Waiting"] and {e.code for e in team.codings()} == {"Waiting"}
    last = team.codebook_history()[-1]
    assert (last.kind, last.author, last.rationale) == ("merge", "Lead", "one idea, really")
    assert "merged 'Listening' into 'Waiting'" in last.summary and "1 coding moved" in last.summary
    assert [c.path_text for c in team.codebook_as_of(before)] == ["Waiting", "Listening"]
    diff = team.codebook_diff(before, datetime.now(UTC))
    assert diff.removed == ("Listening",) and len(diff.changes) == 1
    undone = lead.undo_codebook()
    assert undone.kind == "undo" and undone.undo_of == last.version
    assert sorted(paths(team)) == ["Listening", "Waiting"]
    assert {e.coder: e.code for e in team.codings()} == {"Ann": "Waiting", "Bea": "Listening"}
    anns = next(e.id for e in team.codings() if e.coder == "Ann")
    made = lead.split_code("Waiting", {"Waiting lists": [anns]}, rationale="two ideas")
    assert [c.name for c in made] == ["Waiting lists"] and team.coding(anns).code == "Waiting lists"
    with pytest.raises(Conflict, match="coding"):
        lead.delete_code("Waiting lists")
    lead.delete_code("Waiting lists", move_to=survivor.id)
    assert team.coding(anns).code == "Waiting"
    lead.undo_codebook()
    lead.undo_codebook()
    assert team.coding(anns).code == "Waiting" and "Waiting lists" not in paths(team)
    kinds = [c.kind for c in team.codebook_history()]
    assert kinds[-6:] == ["merge", "undo", "split", "delete", "undo", "undo"]
    assert team.codebook_history()[-4].undone_by is not None
    lead.create_code("Fresh")
    lead.code("P01", "Fresh", quote="four months")
    with pytest.raises(Conflict, match="codings made after"):
        lead.undo_codebook()
    assert "Fresh" in paths(team)
    lines = {s.title: s.lines for s in team.methods_report().sections}["Codebook history"]
    assert any("Rationale: one idea, really" in line for line in lines)


def test_second_of_two_saves_is_refused(team_client: TestClient, as_member: Callable[[str], dict[str, str]]) -> None:
    lead = as_member("Lead")
    code = next(c for c in team_client.get("/api/v1/codes", headers=lead).json() if c["name"] == "Waiting")
    first = team_client.patch(f"/api/v1/codes/{code['id']}", headers=lead,
                              json={"definition": "Time before help.", "version": code["version"]})
    assert first.status_code == 200 and first.json()["version"] > code["version"]
    second = team_client.patch(f"/api/v1/codes/{code['id']}", headers=lead,
                               json={"definition": "Something else.", "version": code["version"]})
    assert second.status_code == 409 and "Someone else changed the code 'Waiting'" in second.json()["error"]
    now = team_client.get("/api/v1/codes", headers=lead).json()
    assert next(c for c in now if c["id"] == code["id"])["definition"] == "Time before help."
    history = team_client.get("/api/v1/codebook/history", headers=as_member("Vic")).json()
    assert history[-1]["kind"] == "redefine" and history[-1]["author"] == "Lead"
    assert team_client.post("/api/v1/codebook/undo", json={}, headers=as_member("Ann")).status_code == 403
    assert team_client.post("/api/v1/codebook/undo", json={"rationale": "oops"}, headers=lead).status_code == 200
