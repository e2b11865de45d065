"""Editing a blind document: every coder's codings are carried to the new revision, the editor is told
only about the codings they may see, and ``cotheme check`` reports any coding an edit left behind.

On SQLite and PostgreSQL, through the services, the CLI (``--as``) and ``POST /documents/{id}/edit``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

import cotheme
from cotheme.storage import migrate
from cotheme.domain.codings import Extract
from cotheme.services.project import Project
from cotheme.web.app import create_app
from tests.cli_runner import cli
from tests.team.conftest import login

B01 = (
    "Interviewer: How was the clinic?\n\n"
    "B01: I felt anxious about the waiting times. The nurse was kind but the doctor rushed.\n"
)


@pytest.fixture
def blind(project: Project, tmp_path: Path) -> Project:
    return make_blind(project, tmp_path)


def make_blind(project: Project, tmp_path: Path) -> Project:
    """The issue's project: Lead; CoderA and CoderB coding B01, which is blind; CoderA coded "anxious",
    CoderB "nurse was kind"."""
    for name in ("CoderA", "CoderB"):
        project.add_member(name)
    path = tmp_path / "B01.txt"
    path.write_text(B01, encoding="utf-8")
    project.import_files([path])
    project.create_code("Anxiety")
    project.create_code("Kindness")
    project.assign("B01", ["CoderA", "CoderB"], blind=True)
    project.acting_as("CoderA").code("B01", "Anxiety", quote="anxious", coder="CoderA")
    project.acting_as("CoderB").code("B01", "Kindness", quote="nurse was kind", coder="CoderB")
    return project


def coding_of(project: Project, coder: str) -> Extract:
    return next(e for e in project.codings() if e.coder == coder)


def assert_all_carried(project: Project) -> None:
    """Every coding sits on the current text, where its quote is, and nothing waits for review."""
    current = project.document("B01").text
    seen = {e.coder: current[e.start : e.end] for e in project.codings()}
    assert seen == {"CoderA": "anxious", "CoderB": "nurse was kind"}
    assert project.review_queue() == []
    assert project.check().ok, project.check().problems


def test_an_edit_carries_the_codings_the_editor_cannot_see(blind: Project) -> None:
    result = blind.acting_as("CoderA").edit_document("B01", replace="waiting times", with_text="wait", author="CoderA")
    assert result.codings == {"ok": 1}  # only CoderA's own coding is told to CoderA
    assert_all_carried(blind)
    assert [e.text for e in blind.acting_as("CoderB").codings()] == ["nurse was kind"]


def test_a_hidden_coding_the_edit_deletes_waits_for_its_coder_not_the_editor(blind: Project) -> None:
    bea = coding_of(blind, "CoderB")
    result = blind.acting_as("CoderA").edit_document(
        "B01", replace="The nurse was kind but the doctor rushed.", with_text="The doctor rushed.", author="CoderA"
    )
    assert result.codings == {"ok": 1} and result.review == ()  # nothing about CoderB's coding
    assert blind.acting_as("CoderA").review_queue() == []
    assert [i.coding_id for i in blind.acting_as("CoderB").review_queue()] == [bea.id]
    assert [i.coding_id for i in blind.review_queue()] == [bea.id]  # the lead sees it too
    assert blind.check().ok, blind.check().problems


def test_the_cli_edit_of_the_issue(blind: Project, target: str) -> None:
    blind.close()
    code, out, err = cli("--as", "CoderA", "docs", "edit", target, "--doc", "B01", "--replace", "waiting times",
                         "--with", "wait")
    assert code == 0, err
    assert "codings: 1 ok." in out
    code, out, err = cli("check", target, "--json")
    assert code == 0, out + err
    with cotheme.open_project(target) as reopened:
        assert_all_carried(reopened)


def test_the_api_edit_of_the_issue(blind: Project) -> None:
    blind.set_password("CoderA", "correct horse battery staple")
    client = TestClient(create_app(blind, "unused-token"))
    headers = login(client, "CoderA")
    at = B01.index("waiting times")
    response = client.post("/api/v1/documents/1/edit", headers=headers, json={
        "start": at, "end": at + len("waiting times"), "text": "wait", "expected_revision": 1})
    assert response.status_code == 200, response.text
    assert response.json()["codings"] == {"ok": 1} and response.json()["review"] == []
    assert "CoderB" not in response.text and "Kindness" not in response.text
    assert_all_carried(blind)


def strand(project: Project, coder: str) -> int:
    """What the defect did: a new revision to which one coder's coding was not carried."""
    coding = coding_of(project, coder)
    project.acting_as("CoderA").edit_document("B01", replace="waiting times", with_text="wait", author="CoderA")
    engine = project._store.engine  # noqa: SLF001 - putting the row back where the defect left it
    with engine.begin() as conn:
        first = conn.execute(text("SELECT id FROM revisions WHERE number = 1")).scalar_one()
        conn.execute(text("UPDATE codings SET revision_id = :r, start_offset = :s, end_offset = :e WHERE id = :c"),
                     {"r": first, "s": coding.start, "e": coding.end, "c": coding.id})
    return coding.id


def test_check_reports_a_coding_left_on_an_earlier_revision(blind: Project, target: str) -> None:
    stranded = strand(blind, "CoderB")
    report = blind.check()
    problems = dict(report.checks)["coding_revisions"]
    assert len(problems) == 1 and f"Coding {stranded} on 'B01'" in problems[0]
    assert "revision 1" in problems[0] and "revision 2" in problems[0] and "review queue" in problems[0]
    blind.close()
    code, out, _ = cli("check", target, "--json")
    assert code != 0 and json.loads(out)["checks"]["coding_revisions"] == list(problems)


def test_check_accepts_a_coding_waiting_in_the_review_queue(blind: Project) -> None:
    blind.acting_as("CoderA").edit_document(
        "B01", replace="The nurse was kind but the doctor rushed.", with_text="The doctor rushed.", author="CoderA"
    )
    assert len(blind.review_queue()) == 1
    assert dict(blind.check().checks)["coding_revisions"] == ()


def test_restore_refuses_a_backup_with_a_stranded_coding(tmp_path: Path) -> None:
    """The check ``restore`` runs is the same (a project file's backup; PostgreSQL's restore calls it too)."""
    with cotheme.create_project(tmp_path / "be.cotheme", lead="Lead") as project:
        stranded = strand(make_blind(project, tmp_path), "CoderB")
        project.backup(tmp_path / "backup.cotheme")
    code, _, err = cli("restore", str(tmp_path / "backup.cotheme"), str(tmp_path / "restored.cotheme"))
    assert code == 2 and f"Coding {stranded} on 'B01'" in err and "nothing was restored" in err, err
    assert not (tmp_path / "restored.cotheme").exists()


def test_upgrading_puts_a_coding_left_behind_in_the_review_queue(blind: Project, target: str) -> None:
    """Projects edited before the fix hold stranded codings; opening one queues them for review."""
    stranded = strand(blind, "CoderB")
    migrate.downgrade(blind._store.engine, "0007")  # noqa: SLF001 - the project as the earlier version left it
    blind.close()
    with cotheme.open_project(target) as reopened:
        assert [(i.coding_id, i.on_revision, i.current_revision) for i in reopened.review_queue()] == [(stranded, 1, 2)]
        assert reopened.review_queue()[0].suggestion[2] == "nurse was kind"
        assert reopened.check().ok, reopened.check().problems
        reopened.acting_as("CoderB").place_coding(stranded)
        assert_all_carried(reopened)
