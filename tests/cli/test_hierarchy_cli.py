"""The command line on code hierarchies and memo targets: ``codings --with-subcodes/--no-subcodes``,
``codebook list`` own and with sub-codes, reports with sub-codes, ``memo list`` naming targets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_runner import cli
from tests.conftest import INTERVIEW

WIDE = {"COLUMNS": "300"}


@pytest.fixture
def study(tmp_path: Path) -> Path:
    """P01 with "Peer support" (no codings of its own) above "Groups"; one passage coded with both
    "Groups" and "Groups/Art" by Sam, another with "Stigma"."""
    path = tmp_path / "study.cotheme"
    (tmp_path / "P01.txt").write_text(INTERVIEW, encoding="utf-8")
    for args in (["init", str(path), "--lead", "Sam"], ["import", str(path), str(tmp_path / "P01.txt")],
                 ["code", str(path), "--doc", "P01", "--code", "Peer support/Groups", "--quote", "the peer group helped", "--create"],
                 ["code", str(path), "--doc", "P01", "--code", "Peer support/Groups/Art", "--quote", "the peer group helped", "--create"],
                 ["code", str(path), "--doc", "P01", "--code", "Stigma", "--quote", "it was hard", "--create"]):
        code, _, err = cli(*args)
        assert code == 0, err
    return path


def test_codings_of_a_parent_include_its_sub_codes_by_default(study: Path) -> None:
    code, out, _ = cli("codings", str(study), "--code", "Peer support", env=WIDE)
    assert code == 0 and out.startswith("1 extract (2 codings)")
    assert "Peer support/Groups; Peer support/Groups/Art" in out
    assert cli("codings", str(study), "--code", "Peer support", "--with-subcodes", env=WIDE)[1] == out
    code, out, _ = cli("codings", str(study), "--code", "Peer support", "--no-subcodes", env=WIDE)
    assert code == 0 and out.startswith("0 extracts")
    found = json.loads(cli("codings", str(study), "--code", "Groups", "--json")[1])
    assert sorted(e["code_path"] for e in found) == ["Peer support/Groups", "Peer support/Groups/Art"]
    found = json.loads(cli("codings", str(study), "--code", "Groups", "--no-subcodes", "--json")[1])
    assert [e["code_path"] for e in found] == ["Peer support/Groups"]
    code, out, _ = cli("codings", str(study), "--code", "Stigma", env=WIDE)
    assert out.startswith("1 extract\n") or out.startswith("1 extract ")


def test_codebook_list_shows_own_and_with_sub_codes(study: Path) -> None:
    listed = {c["path"]: c for c in json.loads(cli("codebook", "list", str(study), "--json")[1])}
    peer = listed["Peer support"]
    assert (peer["extracts"], peer["extracts_with_subcodes"], peer["participants_with_subcodes"], peer["subcodes"]) == (0, 1, 0, 2)
    assert (listed["Stigma"]["extracts"], listed["Stigma"]["extracts_with_subcodes"]) == (1, 1)
    code, out, _ = cli("codebook", "list", str(study), env=WIDE)
    assert code == 0 and "with sub-codes" in out and "1 extract, 0 participants" in out


def test_reports_offer_sub_codes(study: Path) -> None:
    on = json.loads(cli("report", "cooccurrence", str(study), "--format", "json")[1])
    off = json.loads(cli("report", "cooccurrence", str(study), "--format", "json", "--no-subcodes")[1])
    assert on["subcodes"] is True and "Peer support" in on["codes"]
    assert off["subcodes"] is False and "Peer support" not in off["codes"]


def test_memo_list_names_targets_and_memo_add_asks_for_its_options(study: Path) -> None:
    coding = json.loads(cli("codings", str(study), "--code", "Stigma", "--json")[1])[0]["id"]
    code, out, _ = cli("memo", "add", str(study), "Hard to say", "--on", "coding", "--ref", str(coding))
    assert code == 0 and out.strip() == f"Saved memo 1 on a coding in P01, turn 4."
    assert cli("memo", "add", str(study), "A code note", "--on", "code", "--ref", "Stigma")[1].strip() == "Saved memo 2 on code Stigma."
    code, out, _ = cli("memo", "list", str(study), env=WIDE)
    assert code == 0 and "on a coding in P01, turn 4" in out and "on code Stigma" in out and out.startswith("2 memos")
    listed = json.loads(cli("memo", "list", str(study), "--json")[1])
    assert [m["about"] for m in listed] == ["on code Stigma", "on a coding in P01, turn 4"]
    assert listed[1]["place"] == {"kind": "coding", "name": "P01", "document_id": 1, "turn": 4}
    code, _, err = cli("memo", "add", str(study), "On what?", "--on", "code")
    assert code == 2 and "--ref CODE" in err
