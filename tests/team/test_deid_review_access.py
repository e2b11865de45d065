"""Who may review de-identification by string on a team server: a lead decides a string everywhere and
reads the residual risk; a coder and a viewer are refused with the same sentence, nothing changed, and
their /deid page says so too (the service checks it as well as the web)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from cotheme.errors import Forbidden
from cotheme.services.project import Project


def test_only_a_lead_reviews_by_string(team_client: TestClient, file_team: Project,
                                       as_member: Callable[[str], dict[str, str]]) -> None:
    file_team.deid_add_name("Honestly")  # a word of the transcript on the name list: one candidate to decide
    file_team.deid_scan(use_model=False)
    before = {c.id: c.status for c in file_team.deid_candidates()}
    assert before  # there is something to decide
    body = {"string": "honestly", "decision": "reject"}
    for who in ("Ann", "Vic"):
        refused = team_client.post("/api/v1/deid/groups", json=body, headers=as_member(who))
        assert refused.status_code == 403 and "lead" in refused.json()["error"].lower()
        assert team_client.get("/api/v1/deid/groups", headers=as_member(who)).status_code == 403
        assert team_client.get("/api/v1/deid/risk?use_model=false", headers=as_member(who)).status_code == 403
        assert team_client.get("/deid", headers=as_member(who)).status_code == 403
    assert {c.id: c.status for c in file_team.deid_candidates()} == before
    with pytest.raises(Forbidden):
        file_team.acting_as("Ann").deid_decide_string("Honestly", "reject")
    lead = team_client.post("/api/v1/deid/groups", json=body, headers=as_member("Lead"))
    assert lead.status_code == 200 and lead.json()["on_reject_list"] is True
    assert team_client.get("/api/v1/deid/risk?use_model=false", headers=as_member("Lead")).status_code == 200
