"""Reconciliation into the consensus layer, on SQLite and PostgreSQL: the originals never change."""

from __future__ import annotations

from pathlib import Path

import pytest

from cotheme.domain.reconcile import Decision, Kind
from cotheme.errors import Conflict, CothemeError, InvalidArgument, NotFound
from cotheme.services.project import Project


@pytest.fixture
def pair(project: Project, interview_file: Path) -> tuple[Project, dict[str, int]]:
    """Ana and Ben on P01: agree on Waiting (overlapping spans), differ on turn 4 (Listening vs Trust),
    and Ana alone codes Referral."""
    project.import_files([interview_file])
    project.add_member("Ana")
    project.add_member("Ben")
    for name in ("Waiting", "Listening", "Trust", "Referral"):
        project.create_code(name)
    ids = {
        "ana_wait": project.code("P01", "Waiting", quote="the waiting list was long. I waited", coder="Ana").id,
        "ben_wait": project.code("P01", "Waiting", quote="I waited four months", coder="Ben").id,
        "ana_listen": project.code("P01", "Listening", quote="she actually listened to me", coder="Ana").id,
        "ben_trust": project.code("P01", "Trust", quote="actually listened to me, which felt new", coder="Ben").id,
        "ana_gp": project.code("P01", "Referral", quote="My GP mentioned it", coder="Ana").id,
    }
    return project, ids


def test_comparison_side_by_side(pair: tuple[Project, dict[str, int]]) -> None:
    project, ids = pair
    found = project.reconciliation("P01", ["Ana", "Ben"])
    assert found.coders == ("Ana", "Ben") and found.document == "P01" and found.consensus == ()
    kinds = {i.kind: ([s.coding.id for s in i.first], [s.coding.id for s in i.second]) for i in found.items}
    assert kinds == {
        Kind.ONLY: ([ids["ana_gp"]], []),
        Kind.AGREE: ([ids["ana_wait"]], [ids["ben_wait"]]),
        Kind.DIFFER: ([ids["ana_listen"]], [ids["ben_trust"]]),
    }
    assert found.counts["pending"] == 3 and found.counts["resolved"] == 0
    assert not any(m.name == "consensus" for m in project.members())  # made on first use, not by looking


def test_accept_merge_reject_keep_the_originals(pair: tuple[Project, dict[str, int]]) -> None:
    project, ids = pair
    before = {e.id: e for e in project.codings()}
    accepted = project.accept_coding(ids["ana_listen"], member="Ana")
    assert accepted.coder == "consensus" and accepted.code == "Listening"
    assert (accepted.start, accepted.end) == (before[ids["ana_listen"]].start, before[ids["ana_listen"]].end)
    project.reject_coding(ids["ben_trust"], member="Ben")
    merged = project.merge_codings([ids["ana_wait"], ids["ben_wait"]])
    union = (min(before[ids["ana_wait"]].start, before[ids["ben_wait"]].start),
             max(before[ids["ana_wait"]].end, before[ids["ben_wait"]].end))
    assert (merged.start, merged.end) == union and merged.code == "Waiting"
    text = project.document("P01").text
    assert merged.text == text[union[0]:union[1]]
    after = {e.id: e for e in project.codings()}
    assert {i: after[i] for i in before} == before  # nothing of the coders' own changed
    consensus = next(m for m in project.members() if m.name == "consensus")
    assert consensus.role_label == "consensus" and consensus.permission.value == "coder"
    found = project.reconciliation("P01", ["Ana", "Ben"])
    decided = {s.coding.id: (s.decision, s.consensus_ids) for i in found.items for s in (*i.first, *i.second)}
    assert decided[ids["ana_listen"]] == (Decision.ACCEPTED, (accepted.id,))
    assert decided[ids["ben_trust"]] == (Decision.REJECTED, ())
    assert decided[ids["ana_wait"]] == decided[ids["ben_wait"]] == (Decision.MERGED, (merged.id,))
    assert decided[ids["ana_gp"]] == (Decision.PENDING, ())
    assert found.counts["resolved"] == 2 and found.counts["pending"] == 1
    assert {e.id for e in found.consensus} == {accepted.id, merged.id}
    notes = {m.target_id: m for m in project.memos(target="coding")}
    assert notes[accepted.id].text.startswith(f"Consensus: accepted coding {ids['ana_listen']} (Ana:")
    assert notes[accepted.id].author == "Ana" and notes[ids["ben_trust"]].author == "Ben"
    assert notes[merged.id].author == "Lead"  # no member named: the first lead records it


def test_decisions_are_taken_once_and_can_be_undone(pair: tuple[Project, dict[str, int]]) -> None:
    project, ids = pair
    made = project.accept_coding(ids["ana_gp"])
    with pytest.raises(Conflict, match="already in the consensus"):
        project.accept_coding(ids["ana_gp"])
    with pytest.raises(InvalidArgument, match="itself a consensus coding"):
        project.reject_coding(made.id)
    project.reject_coding(ids["ben_trust"])
    with pytest.raises(Conflict, match="already rejected"):
        project.merge_codings([ids["ana_listen"], ids["ben_trust"]])
    project.delete_coding(made.id)  # undo: the original is pending again
    decided = {s.coding.id: s.decision for i in project.reconciliation("P01", ["Ana", "Ben"]).items
               for s in (*i.first, *i.second)}
    assert decided[ids["ana_gp"]] is Decision.PENDING
    with pytest.raises(NotFound):
        project.accept_coding(99999)


def test_merge_rules(pair: tuple[Project, dict[str, int]]) -> None:
    project, ids = pair
    with pytest.raises(InvalidArgument, match="different codes"):
        project.merge_codings([ids["ana_listen"], ids["ben_trust"]])
    with pytest.raises(InvalidArgument, match="do not overlap"):
        project.merge_codings([ids["ana_gp"], ids["ana_listen"]], code="Referral")
    with pytest.raises(InvalidArgument, match="at least two"):
        project.merge_codings([ids["ana_gp"]])
    made = project.merge_codings([ids["ana_listen"], ids["ben_trust"]], code="Trust")
    assert made.code == "Trust" and made.coder == "consensus"


def test_permissions_when_acting_as_a_member(pair: tuple[Project, dict[str, int]]) -> None:
    project, ids = pair
    project.add_member("Vic", permission="viewer")
    with pytest.raises(CothemeError):
        project.acting_as("Vic").accept_coding(ids["ana_gp"])
    assert project.acting_as("Vic").reconciliation("P01", ["Ana", "Ben"]).counts["pending"] == 3
    made = project.acting_as("Ben").accept_coding(ids["ana_gp"])
    assert next(m for m in project.memos(target="coding") if m.target_id == made.id).author == "Ben"
    with pytest.raises(CothemeError):
        project.acting_as("Ben").set_reflexive_mode(True)  # a lead's setting


def test_a_blind_document_is_compared_by_leads_only(pair: tuple[Project, dict[str, int]]) -> None:
    project, ids = pair
    project.set_blind("P01", True)
    with pytest.raises(Conflict, match="blind"):
        project.acting_as("Ben").reconciliation("P01", ["Ana", "Ben"])
    with pytest.raises(Conflict, match="blind"):
        project.acting_as("Ana").agreement(["Ana", "Ben"], documents=["P01"])
    with pytest.raises(Conflict, match="blind"):
        project.acting_as("Ana").accept_coding(ids["ana_gp"])
    assert project.acting_as("Lead").reconciliation("P01", ["Ana", "Ben"]).counts["pending"] == 3
    project.set_blind("P01", False)
    assert project.acting_as("Ben").reconciliation("P01", ["Ana", "Ben"]).counts["pending"] == 3
