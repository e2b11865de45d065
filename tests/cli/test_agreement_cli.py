"""``cotheme agreement``, ``cotheme reflexive-mode`` and ``cotheme reconcile`` through the CLI runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cotheme
from tests.cli_runner import cli
from tests.conftest import INTERVIEW


@pytest.fixture
def two_coders(tmp_path: Path) -> Path:
    path = tmp_path / "study.cotheme"
    (tmp_path / "P01.txt").write_text(INTERVIEW, encoding="utf-8")
    with cotheme.create_project(path, title="Agreement", lead="Lead") as p:
        p.import_files([tmp_path / "P01.txt"])
        p.add_member("Ana")
        p.add_member("Ben")
        p.code("P01", "Waiting", quote="I waited four months", coder="Ana", create=True)
        p.code("P01", "Waiting", quote="waiting list was long. I waited", coder="Ben")
        p.code("P01", "Listening", quote="she actually listened", coder="Ana", create=True)
    return path


def test_agreement_table_and_json(two_coders: Path) -> None:
    code, out, _ = cli("agreement", str(two_coders), "--coders", "Ana,Ben", "--bootstrap", "100")
    assert code == 0 and "Cohen's kappa" in out and "alpha_u" in out and "Listening" in out
    code, out, _ = cli("agreement", str(two_coders), "--coders", "Ana,Ben", "--docs", "P01", "--unit", "char",
                       "--bootstrap", "0", "--json")
    report = json.loads(out)
    assert report["unit"] == "char" and report["overall"]["cohen_kappa"]["low"] is None
    assert [c["code"] for c in report["codes"]] == ["Listening", "Waiting"]
    code, _, err = cli("agreement", str(two_coders), "--coders", "Ana")
    assert code == 2 and "at least two" in err


def test_reflexive_mode_shows_differences_only(two_coders: Path) -> None:
    code, out, _ = cli("reflexive-mode", str(two_coders))
    assert code == 0 and "off" in out
    assert cli("reflexive-mode", str(two_coders), "on")[0] == 0
    code, out, _ = cli("agreement", str(two_coders), "--coders", "Ana,Ben")
    assert code == 0 and "Reflexive mode is on" in out and "kappa" not in out and ("1 difference" in out or "differences" in out)
    report = json.loads(cli("agreement", str(two_coders), "--coders", "Ana,Ben", "--json")[1])
    assert report["overall"] is None and all(c["scores"] is None for c in report["codes"])
    assert cli("reflexive-mode", str(two_coders), "maybe")[0] == 2


def test_reconcile_list_accept_merge_reject(two_coders: Path) -> None:
    code, out, _ = cli("reconcile", str(two_coders), "--doc", "P01", "--coders", "Ana,Ben", "--json")
    found = json.loads(out)
    kinds = {item["kind"]: item for item in found["items"]}
    assert set(kinds) == {"agree", "only"}
    agree = [s["coding"]["id"] for s in (*kinds["agree"]["first"], *kinds["agree"]["second"])]
    only = kinds["only"]["first"][0]["coding"]["id"]
    code, out, _ = cli("reconcile", str(two_coders), "--merge", ",".join(map(str, agree)), "--member", "Ana")
    assert code == 0 and out.startswith("Consensus coding")
    code, out, _ = cli("reconcile", str(two_coders), "--reject", str(only))
    assert code == 0 and "left out" in out
    code, out, _ = cli("reconcile", str(two_coders), "--doc", "P01", "--coders", "Ana,Ben")
    assert code == 0 and "2 resolved, 0 pending" in out and "merged" in out and "rejected" in out
    code, _, err = cli("reconcile", str(two_coders), "--accept", str(only))
    assert code == 2 and "already rejected" in err
    assert cli("reconcile", str(two_coders))[0] == 2  # nothing to do
    assert cli("reconcile", str(two_coders), "--accept", "1", "--reject", "2")[0] == 2
    with cotheme.open_project(two_coders) as p:
        assert [e.code for e in p.codings(coder="consensus")] == ["Waiting"]
