"""Blind documents: no response shows a coder another coder's codings until a lead reveals them."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from cotheme.domain.memos import MemoTarget
from cotheme.services import assist
from cotheme.services.project import Project
from cotheme.storage.memos import insert_memo
from cotheme.storage.visibility import VIEWER


def coders_in(value: object) -> set[str]:
    text = json.dumps(value)
    return {name for name in ("Ann", "Bea", "Lead") if f'"coder": "{name}"' in text}


def test_blind_in_the_service_layer(team: Project) -> None:
    ann, vic, lead = team.acting_as("Ann"), team.acting_as("Vic"), team.acting_as("Lead")
    lead.code("P01", "Waiting", quote="four months", coder="Lead")
    assert {e.coder for e in ann.codings()} == {"Ann", "Bea", "Lead"}
    lead.set_blind("P01")
    assert {e.coder for e in ann.codings()} == {"Ann"}
    assert vic.codings() == []
    assert {e.coder for e in lead.codings()} == {"Ann", "Bea", "Lead"}
    counts = {c.code.name: c.extracts for c in ann.codes()}
    assert counts == {"Waiting": 1, "Listening": 0}  # counts leave out the hidden codings too
    assert ann.documents()[0].codings == 1
    assert [r.extract.coder for r in ann.retrieve([c.code.id for c in ann.codes()])] == ["Ann"]
    frame = ann.codings_frame()
    assert set(frame["coder"]) == {"Ann"}
    lead.set_blind("P01", False)
    assert {e.coder for e in ann.codings()} == {"Ann", "Bea", "Lead"}


def client_get_turns(client: TestClient, headers: dict[str, str]) -> str:
    """Every later batch of the reader's turns and codings for document 1, as sent."""
    return client.get("/api/v1/documents/1/turns?from=0&limit=500", headers=headers).text.split('"c":')[-1]


def test_no_api_response_leaks(team_client: TestClient, file_team: Project,
                               as_member: Callable[[str], dict[str, str]]) -> None:
    bea_coding = next(e for e in file_team.codings() if e.coder == "Bea")
    lead, ann = as_member("Lead"), as_member("Ann")
    code_ids = "&".join(f"code={c.code.id}" for c in file_team.codes())
    assert team_client.put("/api/v1/documents/1/blind", json={"blind": True}, headers=ann).status_code == 403
    assert team_client.put("/api/v1/documents/1/blind", json={"blind": True}, headers=lead).status_code == 204
    seen = {
        "document codings": team_client.get("/api/v1/documents/1/codings", headers=ann).json(),
        "extracts": team_client.get(f"/api/v1/extracts?{code_ids}", headers=ann).json(),
        "codes": team_client.get("/api/v1/codes", headers=ann).json(),
        "documents": team_client.get("/api/v1/documents", headers=ann).json(),
        "queue": team_client.get("/api/v1/queue", headers=ann).json(),
    }
    assert coders_in(seen["document codings"]) == {"Ann"}
    assert coders_in(seen["extracts"]) == {"Ann"}
    assert sum(c["extracts"] for c in seen["codes"]) == 1 and seen["documents"][0]["codings"] == 1
    assert team_client.get(f"/api/v1/codings/{bea_coding.id}", headers=ann).status_code == 404
    assert team_client.delete(f"/api/v1/codings/{bea_coding.id}", headers=ann).status_code == 404
    reader = team_client.get("/documents/1", headers=ann).text
    data = reader.split('id="reader-data">')[-1].split("</script>")[0]  # the reader's codings, compact
    assert '"Bea"' not in data and bea_coding.text not in data and '"n":1' in data
    assert "Bea" not in client_get_turns(team_client, ann)
    for kind in ("cooccurrence", "themes"):
        report = team_client.get(f"/api/v1/reports/{kind}?format=json", headers=ann)
        assert report.status_code == 200 and "Bea" not in report.text, kind
    assert coders_in(team_client.get("/api/v1/documents/1/codings", headers=lead).json()) == {"Ann", "Bea"}
    assert team_client.put("/api/v1/documents/1/blind", json={"blind": False}, headers=lead).status_code == 204
    assert coders_in(team_client.get("/api/v1/documents/1/codings", headers=ann).json()) == {"Ann", "Bea"}


def blind_memos(team: Project) -> dict[str, str]:
    """P01 blind, with a memo by each member on it or on their own coding there: marker -> author."""
    lead = team.acting_as("Lead")
    lead.code("P01", "Waiting", quote="four months", coder="Lead")
    lead.set_blind("P01")
    written = {}
    for name in ("Ann", "Bea", "Lead"):
        own = next(e for e in lead.codings() if e.coder == name)
        member = team.acting_as(name)
        on_coding, on_document = f"quokka{name.lower()}coding", f"quokka{name.lower()}document"
        member.add_memo(f"Why I coded this: {on_coding}", target="coding", target_id=own.id, author=name)
        member.add_memo(f"First reading: {on_document}", target="document", target_id=own.document_id, author=name)
        written.update({on_coding: name, on_document: name})
    lead.add_memo("The project memo quokkaproject is for everyone", author="Lead")
    ann_coding = next(e for e in lead.codings() if e.coder == "Ann")
    lead.add_memo("A lead's quokkaleadonann", target="coding", target_id=ann_coding.id, author="Lead")
    written["quokkaleadonann"] = "Lead"  # on Ann's coding, yet in a blind document: the lead's own
    return written


def test_blind_memos_are_hidden_from_memo_lists_and_search(team: Project) -> None:
    written = blind_memos(team)
    for name in ("Ann", "Bea", "Vic", "Lead"):
        member = team.acting_as(name)
        may_see = {m for m, author in written.items() if name == "Lead" or author == name} | {"quokkaproject"}
        listed = " ".join(m.text for m in member.memos())
        on_document = " ".join(m.text for m in member.memos("document", 1))
        found = " ".join(h.snippet for word in [*written, "quokkaproject"] for h in member.search(word))
        for marker in [*written, "quokkaproject"]:
            assert (marker in listed) == (marker in may_see), (name, marker, "memo list")
            assert (marker in found) == (marker in may_see), (name, marker, "search")
            if "document" in marker:
                assert (marker in on_document) == (marker in may_see), (name, marker, "document memos")
    team.acting_as("Lead").set_blind("P01", False)
    assert all(m in " ".join(x.text for x in team.acting_as("Vic").memos()) for m in written)


def test_a_textual_read_cannot_bypass_the_rule(team: Project) -> None:
    """SQL text cannot be rewritten to a member's view, so while a view is restricted it is refused."""
    ann = next(m for m in team.members() if m.name == "Ann")
    token = VIEWER.set(ann.id)
    try:
        with team._store.read() as conn:  # noqa: SLF001 - the storage layer's own guard is under test
            with pytest.raises(RuntimeError, match="Core"):
                conn.execute(text("SELECT text FROM memos"))
            with pytest.raises(RuntimeError, match="Core"):
                conn.exec_driver_sql("SELECT quote FROM codings")
            assert conn.execute(text("SELECT count(*) FROM members")).scalar_one() >= 4
    finally:
        VIEWER.reset(token)


def test_a_coders_suggestion_profile_is_not_served_to_another(team: Project, tmp_path: Path) -> None:
    """The code profiles "similar" ranks with (and whose coded passages it leaves out) are cached per
    process: one built from Bea's view must not answer Ann, even when their views count alike."""
    second = tmp_path / "P02.txt"
    second.write_text("P02: The food was cold and the meals came late every day.\n", encoding="utf-8")
    team.import_files([second])
    team.code("P01", "Waiting", quote="I waited four months", coder="Bea")
    team.code("P01", "Listening", quote="Honestly it was hard", coder="Ann")
    team.code("P02", "Waiting", quote="the meals came late", coder="Lead")  # the newest coding: not blind
    team.set_blind("P01")
    team.set_assist(True)
    team.index()

    def similar(name: str) -> list[tuple[str, float]]:
        return [(s.text, s.score) for s in team.acting_as(name).similar("Waiting", top=20)]

    assist._profiles.clear()  # noqa: SLF001 - the per-process cache under test
    alone = similar("Ann")
    assist._profiles.clear()  # noqa: SLF001
    similar("Bea")
    assert similar("Ann") == alone


def test_a_memo_without_an_author_in_a_blind_document_stays_hidden(team: Project) -> None:
    """A memo whose author is unknown (an imported one, or its member gone) is nobody's own: in a blind
    document only leads see it, in the memo list and in search alike."""
    team.set_blind("P01")
    with team._store.write() as conn:  # noqa: SLF001 - no operation writes a memo without an author
        insert_memo(conn, "Unsigned note: quokkaunsigned", None, MemoTarget.DOCUMENT, 1)
    for name, sees in (("Ann", False), ("Vic", False), ("Lead", True)):
        member = team.acting_as(name)
        assert ("quokkaunsigned" in " ".join(m.text for m in member.memos())) is sees, name
        assert bool(member.search("quokkaunsigned")) is sees, name
