"""The team commands through the CLI runner: user, assign, progress, docs blind|reveal, --as, codebook
history|as-of|diff|undo|merge|split|delete and audit."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cotheme.cli.main import app
from cotheme.services.project import Project
from tests.team.conftest import PASSWORD

runner = CliRunner()


def run(*args: str, code: int = 0) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == code, result.output
    return result.output


def test_team_commands(file_team: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = str(tmp_path / "team.cotheme")
    file_team.close()
    monkeypatch.setenv("COTHEME_PASSWORD", PASSWORD)
    assert "who can log in" in run("user", "add", target, "Cas", "--role-label", "peer researcher")
    users = json.loads(run("user", "list", target, "--json"))
    assert {u["member"]["name"]: u["has_password"] for u in users}["Cas"] is True
    run("user", "set", target, "Cas", "--permission", "viewer", "--inactive")
    run("user", "passwd", target, "Cas")
    monkeypatch.delenv("COTHEME_PASSWORD")
    assert "COTHEME_PASSWORD" in run("user", "passwd", target, "Cas", code=2)
    assert "Ann, Bea" in run("assign", target, "--doc", "P01", "--all-coders", "--blind")
    progress = json.loads(run("progress", target, "--json"))
    assert {r["coder"]: r["assigned"] for r in progress["rows"]} == {"Ann": True, "Bea": True}
    assert {s["name"] for s in progress["by_coder"]} == {"Ann", "Bea"}
    seen = json.loads(run("--as", "Ann", "codings", target, "--json"))
    assert {e["coder"] for e in seen} == {"Ann"}
    assert "may not" in run("--as", "Ann", "codebook", "merge", target, "Listening", "--into", "Waiting", code=2)
    run("docs", "reveal", target, "P01")
    assert {e["coder"] for e in json.loads(run("--as", "Ann", "codings", target, "--json"))} == {"Ann", "Bea"}
    run("docs", "blind", target, "P01")
    run("codebook", "merge", target, "Listening", "--into", "Waiting", "--rationale", "same")
    history = json.loads(run("codebook", "history", target, "--json"))
    assert history[-1]["kind"] == "merge" and history[-1]["rationale"] == "same"
    assert "Listening" in run("codebook", "as-of", target, history[-2]["at"])  # just before the merge
    assert "undid version" in run("codebook", "undo", target)
    ids = [e["id"] for e in json.loads(run("codings", target, "--code", "Listening", "--json"))]
    run("codebook", "split", target, "Listening", "--into", f"Attentive={ids[0]}")
    run("codebook", "delete", target, "Attentive", "--move-to", "Listening")
    diff = json.loads(run("codebook", "diff", target, "2000-01-01", "2100-01-01", "--json"))
    assert "Waiting" in diff["added"] and len(diff["changes"]) >= 4
    out = tmp_path / "audit.csv"
    run("audit", target, "--out", str(out))
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert {"codings", "codes", "members", "assignments", "documents"} <= {r["table"] for r in rows}
    assert any(r["actor"] == "Lead" and r["table"] == "assignments" for r in rows)
    assert json.loads(run("audit", target, "--table", "codes", "--limit", "1", "--json"))[0]["table"] == "codes"
