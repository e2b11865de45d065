"""``cotheme docs edit``, ``docs revisions``, ``docs text``, ``review`` and ``deid`` through the CLI runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cotheme
from cotheme.cli.main import app
from tests.cli_runner import cli
from tests.conftest import INTERVIEW


@pytest.fixture
def study(tmp_path: Path) -> Path:
    path = tmp_path / "study.cotheme"
    source = tmp_path / "P01.txt"
    source.write_text(INTERVIEW + "P01: Ring Dr Okafor on 07700 900123.\n", encoding="utf-8")
    with cotheme.create_project(path, lead="Lead") as p:
        p.import_files([source])
        p.code("P01", "Waiting", quote="the waiting list was long", create=True)
        p.code("P01", "Listened", quote="she actually listened to me", create=True)
    return path


def test_docs_edit_review_and_revisions(study: Path, tmp_path: Path) -> None:
    code, stdout, _ = cli("docs", "edit", str(study), "--doc", "P01", "--replace", "waiting list", "--with",
                          "wait list", "--reason", "misheard", "--json")
    assert code == 0 and json.loads(stdout)["codings"] == {"edited": 1, "moved": 1}
    code, _, stderr = cli("docs", "edit", str(study), "--doc", "P01", "--replace", "a", "--with", "b")
    assert code == 2 and "add --all" in stderr
    code, _, stderr = cli("docs", "edit", str(study), "--doc", "P01", "--replace", "Honestly", "--with", "Truly",
                          "--expect-revision", "1")
    assert code == 2 and "changed since the page loaded" in stderr

    text_file = tmp_path / "P01-edit.txt"
    assert cli("docs", "text", str(study), "P01", "--out", str(text_file))[0] == 0
    text_file.write_text(text_file.read_text(encoding="utf-8").replace("she actually listened to me, ", ""),
                         encoding="utf-8")
    code, stdout, _ = cli("docs", "edit", str(study), "--doc", "P01", "--from-file", str(text_file))
    assert code == 0 and "Needs review" in stdout
    code, stdout, _ = cli("docs", "revisions", str(study), "P01", "--json")
    assert [r["number"] for r in json.loads(stdout)] == [1, 2, 3]
    assert "waiting list" in cli("docs", "text", str(study), "P01", "--revision", "1")[1]

    code, stdout, _ = cli("review", str(study), "--json")
    (item,) = json.loads(stdout)
    assert item["status"] == "review" and item["quote"] == "she actually listened to me"
    code, stdout, _ = cli("review", str(study), "--place", str(item["coding_id"]), "--start", "0", "--end", "5")
    assert code == 0 and "placed at 0-5" in stdout
    assert json.loads(cli("review", str(study), "--json")[1]) == []
    edited = json.loads(cli("review", str(study), "--all", "--json")[1])
    assert [i["status"] for i in edited] == ["edited"]
    assert cli("review", str(study), "--remove", str(edited[0]["coding_id"]))[0] == 0


def test_deid_commands(study: Path, tmp_path: Path) -> None:
    assert cli("deid", "add-name", str(study), "Okafor", "--role", "staff")[0] == 0
    assert "[Staff member A]" in cli("deid", "names", str(study))[1]
    code, stdout, _ = cli("deid", "scan", str(study), "--no-model", "--json")
    assert code == 0 and json.loads(stdout)["documents"][0]["candidates"] >= 2
    found = json.loads(cli("deid", "review", str(study), "--json")[1])
    phone = next(c["id"] for c in found if c["kind"] == "phone")
    code, stdout, _ = cli("deid", "accept", str(study), str(phone), "--as", "[a phone number]")
    assert code == 0 and "accepted" in stdout
    key = tmp_path / "k.deidkey"
    env = {"COTHEME_DEID_PASSPHRASE": "correct horse battery"}
    code, stdout, _ = cli("deid", "apply", str(study), "--key", str(key), "--min-score", "0.9", "--json", env=env)
    assert code == 0, stdout
    assert json.loads(stdout)["documents"][0]["deidentified"] is True
    text = cli("docs", "text", str(study), "P01")[1]
    assert "[a phone number]" in text and "[Staff member A]" in text and "Okafor" not in text
    code, _, stderr = cli("deid", "apply", str(study), "--key", str(key), env={"COTHEME_DEID_PASSPHRASE": "wrong one!"})
    assert code == 2 and "passphrase does not open" in stderr
    assert "on (1 of 1" in cli("deid", "exports-only", str(study), "on")[1]
    assert cli("deid", "ignore", str(study), "Zoom")[0] == 0
    assert cli("deid", "remove-name", str(study), "Zoom")[0] == 0
    assert cli("deid", "reject", str(study), "999")[0] == 2
