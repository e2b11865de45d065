"""Offline copies over HTTP on a team server: a coder downloads their working copy, codes in it, uploads it
back; the lead sees the queue on the Check-ins page and decides through the API."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient

import cotheme
from cotheme.services.project import Project


def test_checkout_and_checkin_through_the_api(team_client: TestClient, as_member: Callable[[str], dict[str, str]],
                                              file_team: Project, tmp_path: Path) -> None:
    ann, lead = as_member("Ann"), as_member("Lead")
    refused = team_client.post("/api/v1/checkout", json={"member": "Bea", "documents": ["P01"]}, headers=ann)
    assert refused.status_code == 403 and "only as themselves" in refused.json()["error"]
    got = team_client.post("/api/v1/checkout", json={"documents": ["P01"]}, headers=ann)
    assert got.status_code == 200 and 'filename="Ann-working-copy.cotheme"' in got.headers["content-disposition"]
    copy = tmp_path / "ann.cotheme"
    copy.write_bytes(got.content)
    with cotheme.open_project(copy) as working:
        assert {e.coder for e in working.codings()} == {"Ann"}
        working.acting_as("Ann").code("P01", "Listening", quote="I waited four months", coder="Ann")
        working.create_code("Hope")
    back = team_client.post("/api/v1/checkin", files={"file": ("ann.cotheme", copy.read_bytes())}, headers=ann)
    assert back.status_code == 200, back.text
    assert back.json()["added"] == {"codes": 1, "codings": 1}
    assert any("added the code “Hope”" in s for s in back.json()["queued"])
    page = team_client.get("/checkins", headers=lead)
    assert page.status_code == 200 and "added the code “Hope”" in page.text and "Working copies made" in page.text
    (item,) = team_client.get("/api/v1/merge-items", headers=lead).json()
    assert team_client.post(f"/api/v1/merge-items/{item['id']}", json={"accept": True}, headers=ann).status_code == 403
    decided = team_client.post(f"/api/v1/merge-items/{item['id']}", json={"accept": True}, headers=lead)
    assert decided.json()["status"] == "accepted" and decided.json()["decided_by"] == "Lead"
    assert team_client.get("/api/v1/merge-items", headers=lead).json() == []
    assert len(team_client.get("/api/v1/merge-items?status=all", headers=lead).json()) == 1
    not_a_copy = team_client.post("/api/v1/checkin", files={"file": ("x.cotheme", b"not a project")}, headers=ann)
    assert 400 <= not_a_copy.status_code < 500 and not_a_copy.json()["error"]


def test_checkout_and_checkin_against_a_team_server_address(file_team: Project, tmp_path: Path) -> None:
    """The laptop reaches the server's web address, not its database: the CLI logs in as the member."""
    from tests.cli_runner import cli
    from tests.team.conftest import PASSWORD
    from tests.web.conftest import LiveServer

    copy = tmp_path / "ann.cotheme"
    with LiveServer(file_team) as base:
        env = {"COTHEME_PASSWORD": PASSWORD}
        code, out, err = cli("checkout", base, str(copy), "--member", "Ann", "--docs", "P01", env=env)
        assert code == 0, err
        assert "Downloaded Ann's working copy" in out
        with cotheme.open_project(copy) as working:
            assert working.copy_origin() == base
            working.acting_as("Ann").code("P01", "Listening", quote="I waited four months", coder="Ann")
        code, out, err = cli("checkin", str(copy), env=env)
        assert code == 0, err
        assert "Added: 1 codings" in out
        code, _, err = cli("checkin", str(copy), env={"COTHEME_PASSWORD": "wrong password entirely"})
        assert code == 2 and "401" in err
    assert any(e.coder == "Ann" and e.text == "I waited four months" for e in file_team.codings())
