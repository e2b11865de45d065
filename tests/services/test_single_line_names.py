"""Titles and names stay on one line whichever face sets them: a file name with line ends or U+202E
RIGHT-TO-LEFT OVERRIDE, and renames over the API and the CLI."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import cotheme
from cotheme.services.project import Project
from cotheme.web.app import create_app
from tests.cli_runner import cli

RLO = "\u202e"
BEARER = {"Authorization": "Bearer names-token"}


@pytest.fixture
def study(tmp_path: Path) -> Iterator[Project]:
    with cotheme.create_project(tmp_path / "names.cotheme", title=f"Study\n{RLO}one", lead="Lead") as opened:
        yield opened


def test_imported_file_names_become_one_line_titles(study: Project, tmp_path: Path) -> None:
    path = tmp_path / f"P01\r\ninjected {RLO}txt.exe\x1b.txt"
    path.write_text("Interviewer: Hello?\n\nP01: Hi.\n", encoding="utf-8")
    imported = study.import_files([path])
    assert imported[0].title == "P01 injected txt.exe"
    assert [d.title for d in study.documents()] == ["P01 injected txt.exe"]
    assert study.info().title == "Study one"


def test_renames_over_the_api_drop_line_ends_and_bidi_controls(study: Project) -> None:
    client = TestClient(create_app(study, "names-token"))
    made = client.post("/api/v1/codes", json={"name": f"Wait{RLO}ing"}, headers=BEARER)
    assert made.status_code == 201 and made.json()["name"] == "Waiting"
    renamed = client.patch(f"/api/v1/codes/{made.json()['id']}", json={"name": f"Long\nwait{RLO}\u2066s"},
                           headers=BEARER)
    assert renamed.status_code == 200 and renamed.json()["name"] == "Long waits"
    theme = client.post("/api/v1/themes", json={"name": f"Being{RLO}\rheard"}, headers=BEARER)
    assert theme.status_code == 201 and theme.json()["name"] == "Being heard"
    edited = client.patch(f"/api/v1/themes/{theme.json()['id']}", json={"name": f"Heard\n\u202bat last"},
                          headers=BEARER)
    assert edited.status_code == 200 and edited.json()["name"] == "Heard at last"


def test_names_from_the_cli_drop_line_ends_and_bidi_controls(study: Project, tmp_path: Path) -> None:
    target = str(tmp_path / "names.cotheme")
    study.close()
    assert cli("members", "add", target, f"Ann{RLO}\nSmith")[0] == 0
    assert cli("user", "set", target, "Ann Smith", "--name", f"Ann\r{RLO}Jones")[0] == 0
    assert cli("cases", "add", target, f"P07{RLO}\n")[0] == 0
    members = json.loads(cli("members", "list", target, "--json")[1])
    assert [m["name"] for m in members] == ["Lead", "Ann Jones"]
    cases = json.loads(cli("cases", "list", target, "--json")[1])
    assert [c["id"] for c in cases] == ["P07"]
