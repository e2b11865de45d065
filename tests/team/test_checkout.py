"""Offline working copies, on SQLite and PostgreSQL: what a copy holds, and a check-in with a conflict of
every kind — nothing overwritten silently, every merged change in the audit trail, a second check-in a
no-op, and the lead's decisions applied through the ordinary services."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import cotheme
from cotheme.errors import Conflict, Forbidden, InvalidArgument
from cotheme.services.project import Project


def codes_by_name(project: Project) -> dict[str, int]:
    return {c.code.name: c.code.id for c in project.codes()}


def test_a_working_copy_holds_only_the_members_transcripts_and_own_work(team: Project, tmp_path: Path) -> None:
    path = tmp_path / "ann.cotheme"
    team.assign("P01", ["Ann"])
    made = team.acting_as("Ann").checkout(path, "Ann")
    assert made.documents == ("P01",) and made.codings == 1
    with cotheme.open_project(path) as copy:
        assert {e.coder for e in copy.codings()} == {"Ann"}  # Bea's codings stay on the server
        assert sorted(codes_by_name(copy)) == ["Listening", "Waiting"]
        assert copy.audit() == []
    with sqlite3.connect(path) as raw:  # nobody's password hash travels on a laptop
        assert raw.execute("SELECT count(*) FROM members WHERE password_hash IS NOT NULL").fetchone() == (0,)
    assert [c["member"] for c in team.checkouts()] == ["Ann"]
    with pytest.raises(Forbidden):
        team.acting_as("Ann").checkout(tmp_path / "bea.cotheme", "Bea")
    with pytest.raises(InvalidArgument, match="no transcripts assigned"):
        team.checkout(tmp_path / "vic.cotheme", "Vic")


def test_checkin_merges_new_work_and_queues_every_kind_of_conflict(team: Project, tmp_path: Path) -> None:
    path = tmp_path / "ann.cotheme"
    lead = team.acting_as("Lead")
    lead.checkout(path, "Ann", ["P01"])
    ann_coding = next(e for e in team.codings() if e.coder == "Ann")
    codes = codes_by_name(team)
    # Offline, in Ann's copy: a new coding and memo, a new code, a rename both sides make differently,
    # a definition only Ann changes, her one coding recoded, and a correction of the transcript.
    with cotheme.open_project(path) as copy:
        mine = copy.acting_as("Ann")
        copy_codes = codes_by_name(copy)
        made = mine.code("P01", "Listening", quote="I waited four months", coder="Ann")
        mine.add_memo("Four months is the heart of it", target="coding", target_id=made.id, author="Ann")
        copy.create_code("Being believed")
        mine.code("P01", "Being believed", quote="she actually listened to me", coder="Ann")
        copy.edit_code(copy_codes["Waiting"], name="Waiting times")
        copy.edit_code(copy_codes["Listening"], definition="Being heard by staff.")
        mine.update_coding(ann_coding.id, code="Listening")
        copy.edit_document("P01", replace="Honestly it was hard.", with_text="Honestly, it was hard.", author="Ann")
    # Meanwhile on the server: the lead renames the same code differently and corrects the same transcript.
    lead.edit_code(codes["Waiting"], name="Waiting lists")
    lead.edit_document("P01", replace="My GP mentioned it", with_text="My GP told me about it", author="Lead")

    summary = lead.checkin(path)
    assert summary.added == {"codes": 1, "codings": 2, "memos": 1}
    assert summary.changed == {"codings": 1}
    kinds = sorted((i.kind, i.subject, i.field) for i in team.merge_items())
    assert kinds == [("conflict", "code", "name"), ("conflict", "document", ""),
                     ("proposal", "code", "add"), ("proposal", "code", "definition")]
    # Nothing overwritten: the lead's rename and correction stand until decided.
    assert "Waiting lists" in codes_by_name(team)
    assert "My GP told me about it" in team.document("P01").text
    assert "Honestly it was hard." in team.document("P01").text
    texts = {e.text for e in team.codings() if e.coder == "Ann"}
    assert {"I waited four months", "she actually listened to me"} <= texts  # on the lead's corrected text
    assert any(m.text == "Four months is the heart of it" for m in team.memos())
    recoded = next(e for e in team.codings() if e.id == ann_coding.id)
    assert recoded.code == "Listening"
    audited = {(a.actor, a.table) for a in team.audit()}
    assert ("Ann", "codings") in audited and ("Ann", "memos") in audited and ("Ann", "codes") in audited
    # Checked in again: nothing changes, nothing is queued twice.
    again = lead.checkin(path)
    assert again.added == {} and again.changed == {} and again.queued == []
    assert len(team.merge_items()) == 4

    # The lead decides: takes Ann's transcript correction and definition, keeps the server's name,
    # and keeps Ann's new code.
    by = {(i.subject, i.field): i for i in team.merge_items()}
    lead.decide_merge_item(by[("document", "")].id, True)
    assert "Honestly, it was hard." in team.document("P01").text
    assert "My GP told me about it" not in team.document("P01").text  # Ann's copy had the old sentence
    lead.decide_merge_item(by[("code", "definition")].id, True)
    assert next(c for c in team.codes() if c.code.name == "Listening").code.definition == "Being heard by staff."
    lead.decide_merge_item(by[("code", "name")].id, False)
    assert "Waiting lists" in codes_by_name(team)
    lead.decide_merge_item(by[("code", "add")].id, True)
    assert team.merge_items() == []
    assert {i.decided_by for i in team.merge_items(None)} == {"Lead"}
    with pytest.raises(Conflict, match="already accepted"):
        lead.decide_merge_item(by[("code", "add")].id, False)
    with pytest.raises(Forbidden):
        team.acting_as("Ann").decide_merge_item(by[("code", "add")].id, True)


def test_a_coding_changed_offline_and_deleted_here_is_a_conflict_not_a_loss(team: Project, tmp_path: Path) -> None:
    path = tmp_path / "ann.cotheme"
    team.checkout(path, "Ann", ["P01"])
    ann_coding = next(e for e in team.codings() if e.coder == "Ann")
    with cotheme.open_project(path) as copy:
        copy.acting_as("Ann").update_coding(ann_coding.id, code="Listening")
    team.acting_as("Lead").delete_coding(ann_coding.id)
    team.acting_as("Lead").checkin(path)
    (item,) = team.merge_items()
    assert (item.kind, item.subject, item.ours) == ("conflict", "coding", None)
    team.acting_as("Lead").decide_merge_item(item.id, True)  # take Ann's: the coding comes back
    assert [e.code for e in team.codings() if e.coder == "Ann"] == ["Listening"]


def test_rejecting_a_code_added_offline_moves_its_codings_first(team: Project, tmp_path: Path) -> None:
    path = tmp_path / "ann.cotheme"
    team.checkout(path, "Ann", ["P01"])
    with cotheme.open_project(path) as copy:
        copy.create_code("Hope")
        copy.acting_as("Ann").code("P01", "Hope", quote="I finally got in", coder="Ann")
    team.acting_as("Ann").checkin(path)
    (item,) = team.merge_items()
    team.acting_as("Lead").decide_merge_item(item.id, False, move_to="Listening")
    assert "Hope" not in codes_by_name(team)
    assert any(e.code == "Listening" and e.text == "I finally got in" for e in team.codings())


def test_a_coder_checks_in_only_their_own_copy(team: Project, tmp_path: Path) -> None:
    path = tmp_path / "ann.cotheme"
    team.checkout(path, "Ann", ["P01"])
    with pytest.raises(Forbidden, match="only their own working copy"):
        team.acting_as("Bea").checkin(path)
    plain = tmp_path / "plain.cotheme"
    cotheme.create_project(plain, title="Not a copy", lead="Lead").close()
    with pytest.raises(InvalidArgument, match="not a working copy"):
        team.checkin(plain)
