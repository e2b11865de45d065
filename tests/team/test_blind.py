"""Blind documents: no response shows a coder another coder's codings until a lead reveals them."""

from __future__ import annotations

import json
from collections.abc import Callable

from fastapi.testclient import TestClient

from cotheme.services.project import Project


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
    assert '"coder": "Bea"' not in reader and '"coder":"Bea"' not in reader and bea_coding.text not in reader.split("codings-data")[-1]
    for kind in ("cooccurrence", "themes"):
        report = team_client.get(f"/api/v1/reports/{kind}?format=json", headers=ann)
        assert report.status_code == 200 and "Bea" not in report.text, kind
    assert coders_in(team_client.get("/api/v1/documents/1/codings", headers=lead).json()) == {"Ann", "Bea"}
    assert team_client.put("/api/v1/documents/1/blind", json={"blind": False}, headers=lead).status_code == 204
    assert coders_in(team_client.get("/api/v1/documents/1/codings", headers=ann).json()) == {"Ann", "Bea"}
