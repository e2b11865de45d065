"""Calibration sessions, on SQLite and PostgreSQL: started blind for every coder, each sees only their own
codings, revealed side by side, closed with decisions kept as a memo; and through the CLI."""

from __future__ import annotations

import pytest

from cotheme.errors import Conflict, Forbidden, InvalidArgument
from cotheme.services.project import Project
from tests.cli_runner import cli


def test_a_session_from_blind_coding_to_recorded_decisions(team: Project) -> None:
    lead, ann, bea = team.acting_as("Lead"), team.acting_as("Ann"), team.acting_as("Bea")
    with pytest.raises(Forbidden):
        ann.start_calibration("P01")
    session = lead.start_calibration("P01")
    assert session.coders == ("Ann", "Bea") and session.state == "coding blind"
    assert team.document("P01").id in team.blind_documents()
    ann.code("P01", "Listening", quote="I waited four months", coder="Ann")
    (mine,) = ann.calibrations()
    assert mine.codings == {"Ann": 2, "Bea": 0}  # Ann cannot count Bea's codings while it is blind
    assert lead.calibrations()[0].codings == {"Ann": 2, "Bea": 1}
    with pytest.raises(Conflict, match="already open"):
        lead.start_calibration("P01")
    with pytest.raises(Conflict, match="Reveal the codings"):
        lead.close_calibration("P01", "Nothing yet")
    lead.reveal_calibration("P01")
    assert {e.coder for e in bea.codings()} == {"Ann", "Bea"}  # side by side now
    with pytest.raises(InvalidArgument):
        lead.close_calibration("P01", "  ")
    closed = lead.close_calibration("P01", "Waiting covers referral to first contact only.")
    assert closed.state == "closed" and closed.decisions.startswith("Waiting covers")
    assert any(m.text == "Calibration decisions: Waiting covers referral to first contact only." for m in team.memos())


def test_calibrate_through_the_command_line(file_team: Project) -> None:
    target = file_team.location
    code, out, _ = cli("calibrate", target, "--doc", "P01", "--start")
    assert code == 0 and "assigned to Ann, Bea" in out
    code, _, err = cli("--as", "Ann", "calibrate", target, "--doc", "P01", "--reveal")
    assert code == 2 and err.strip()
    assert cli("calibrate", target, "--doc", "P01", "--reveal")[0] == 0
    assert cli("calibrate", target, "--doc", "P01", "--close", "Agreed.")[0] == 0
    code, out, _ = cli("calibrate", target)
    assert code == 0 and "closed" in out and "Agreed." in out
