"""cotheme checkout / checkin / checkins through the CLI runner, on a project file: a coder's round trip
with a proposal the lead accepts, and one clear sentence for what cannot be done."""

from __future__ import annotations

import json
from pathlib import Path

import cotheme
from cotheme.services.project import Project
from tests.cli_runner import cli


def test_round_trip_through_the_command_line(file_team: Project, tmp_path: Path) -> None:
    target, copy = file_team.location, str(tmp_path / "ann.cotheme")
    file_team.assign("P01", ["Ann"])
    code, out, _ = cli("--as", "Ann", "checkout", target, copy, "--member", "Ann")
    assert code == 0 and "Ann's working copy" in out and "P01" in out
    code, _, err = cli("checkout", target, copy, "--member", "Ann")
    assert code == 2 and "already exists" in err
    with cotheme.open_project(copy) as working:
        working.acting_as("Ann").code("P01", "Listening", quote="I waited four months", coder="Ann")
        waiting = next(c.code.id for c in working.codes() if c.code.name == "Waiting")
        working.edit_code(waiting, definition="Time before care began.")
    code, out, _ = cli("--as", "Ann", "checkin", copy)
    assert code == 0 and "Added: 1 codings" in out and "proposes a new definition" in out
    items = json.loads(cli("checkins", target, "--json")[1])
    assert [(i["kind"], i["field"], i["member"]) for i in items] == [("proposal", "definition", "Ann")]
    code, _, err = cli("--as", "Ann", "checkins", target, "--accept", str(items[0]["id"]))
    assert code == 2 and err.strip()
    code, out, _ = cli("checkins", target, "--accept", str(items[0]["id"]))
    assert code == 0 and "accepted" in out
    assert next(c for c in file_team.codes() if c.code.name == "Waiting").code.definition == "Time before care began."
    assert cli("checkins", target)[1].strip() == "Nothing waits for a decision."
    code, _, err = cli("checkin", str(tmp_path / "nowhere.cotheme"))
    assert code == 2 and err.strip()
