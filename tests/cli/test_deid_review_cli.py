"""``cotheme deid review --by-string``, ``deid accept/reject --string``, ``deid undo`` and
``cotheme report deid-risk`` through the CLI runner: the same sentences as the page, one sentence and
exit 2 for bad input, and a report that never prints a replaced original."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cotheme
from tests.cli_runner import cli

TEXT = (
    "Interviewer: Hello.\n\n"
    "P01: My sister Priya drove me. Priya's car is old. Email sam.k@example.org.\n\n"
    "Interviewer: And then?\n\n"
    "P01: Ring 07700 900123. My nan went to the Recovery College.\n"
)
PASS = {"COTHEME_DEID_PASSPHRASE": "correct horse battery"}


@pytest.fixture
def study(tmp_path: Path) -> Path:
    path = tmp_path / "study.cotheme"
    (tmp_path / "P01.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "P02.txt").write_text("Interviewer: Hi.\n\nP02: priya came as well.\n", encoding="utf-8")
    with cotheme.create_project(path, lead="Lead") as p:
        p.import_files([tmp_path / "P01.txt"])
    assert cli("deid", "scan", str(path), "--no-model")[0] == 0
    with cotheme.open_project(path) as p:  # after the scan: its "priya" is an occurrence no scan proposed
        p.import_files([tmp_path / "P02.txt"])
    return path


def test_review_by_string_and_decide_everywhere(study: Path, tmp_path: Path) -> None:
    code, stdout, _ = cli("deid", "review", str(study), "--by-string", "--json")
    groups = {g["string"]: g for g in json.loads(stdout)}
    assert code == 0 and groups["Priya"]["kind"] == "person" and groups["Priya"]["count"] >= 2
    assert groups["Priya"]["contexts"][0]["sentence"] == "My sister Priya drove me."
    code, stdout, _ = cli("deid", "review", str(study), "--by-string", "--kind", "phone")
    assert code == 0 and "07700 900123" in stdout and "Priya" not in stdout
    code, stdout, _ = cli("deid", "review", str(study), "--by-string", "--min-confidence", "0.9", "--json")
    assert code == 0 and all(g["confidence"] >= 0.9 for g in json.loads(stdout))

    code, stdout, _ = cli("deid", "accept", str(study), "--string", "priya's", "--placeholder", "[sister]")
    assert code == 0 and "Accepted 'Priya' everywhere: 3 occurrences (1 that no scan had proposed) -> [sister]." in stdout
    code, stdout, _ = cli("deid", "reject", str(study), "--string", "Recovery College")
    assert code == 0 and "Rejected 'Recovery College' everywhere" in stdout and "reject list" in stdout
    assert "ignore" in cli("deid", "names", str(study))[1]
    code, stdout, _ = cli("deid", "undo", str(study), "Recovery College")
    assert code == 0 and "Undid the decision on 'Recovery College'" in stdout
    cli("deid", "reject", str(study), "--string", "Recovery College")

    code, stdout, _ = cli("deid", "apply", str(study), "--key", str(tmp_path / "k"), "--min-score", "0.8", env=PASS)
    assert code == 0, stdout
    text = cli("docs", "text", str(study), "P01")[1] + cli("docs", "text", str(study), "P02")[1]
    assert "[sister]'s car" in text and "[sister] came" in text and "Priya" not in text and "PRIYA" not in text

    code, stdout, _ = cli("report", "deid-risk", str(study), "--no-model")
    assert code == 0 and "person 2" in stdout and "Priya" not in stdout and "07700" not in stdout
    for fmt in ("md", "html", "docx", "csv"):
        out = tmp_path / f"risk.{fmt}"
        assert cli("report", "deid-risk", str(study), "--no-model", "--out", str(out))[0] == 0
        assert out.stat().st_size > 0 and b"Priya" not in out.read_bytes()


@pytest.mark.parametrize(("args", "sentence"), [
    (["deid", "accept", "{p}"], "Give candidate ids or --string STRING"),
    (["deid", "accept", "{p}", "1", "--string", "x"], "Give candidate ids or --string STRING"),
    (["deid", "accept", "{p}", "--string", "Nobody"], "No candidate is 'Nobody'"),
    (["deid", "accept", "{p}", "--string", "Priya", "--placeholder", " "], "cannot be empty"),
    (["deid", "review", "{p}", "--by-string", "--kind", "shoe"], "'shoe' is not a kind"),
    (["deid", "review", "{p}", "--by-string", "--min-confidence", "3"], "between 0 and 1"),
    (["deid", "review", "{p}", "--kind", "person"], "go with --by-string"),
    (["deid", "review", "{p}", "--by-string", "--doc", "P01"], "leave out --doc"),
    (["deid", "undo", "{p}", "Nobody"], "No candidate is 'Nobody'"),
    (["report", "deid-risk", "{p}", "--format", "pdf"], "written as md, html, docx, csv"),
])
def test_bad_input_is_one_sentence(study: Path, args: list[str], sentence: str) -> None:
    code, stdout, stderr = cli(*[a.replace("{p}", str(study)) for a in args])
    assert code == 2 and sentence in stderr and "Traceback" not in stderr + stdout
