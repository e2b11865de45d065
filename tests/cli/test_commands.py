"""The CLI end to end through its runner: the contract names, JSON output and error handling."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import cotheme
from tests.cli_runner import cli
from tests.conftest import INTERVIEW


@pytest.fixture
def study(tmp_path: Path) -> Path:
    path = tmp_path / "study.cotheme"
    code, out, _ = cli("init", str(path), "--title", "CLI study", "--lead", "Sam")
    assert code == 0 and "CLI study" in out
    (tmp_path / "P01.txt").write_text(INTERVIEW, encoding="utf-8")
    (tmp_path / "people.csv").write_text("id,age_band\nP01,25-34\nP02,\n", encoding="utf-8")
    (tmp_path / "codebook.csv").write_text(
        "name,parent,definition\nAccess,,Getting in\nWaiting,Access,Time waiting\n", encoding="utf-8"
    )
    return path


def test_full_flow_with_json(study: Path) -> None:
    folder = study.parent
    assert cli("cases", "import", str(study), str(folder / "people.csv"))[0] == 0
    code, out, _ = cli("import", str(study), str(folder / "P01.txt"), "--json")
    assert code == 0 and json.loads(out)[0]["case_pid"] == "P01"
    docs = json.loads(cli("docs", "list", str(study), "--json")[1])
    assert docs[0]["title"] == "P01" and docs[0]["speakers"] == ["Interviewer", "P01"]
    assert set(docs[0]) == {"id", "title", "case_pid", "words", "turns", "speakers", "codings", "revision", "coded_turns"}
    cases = json.loads(cli("cases", "list", str(study), "--json")[1])
    assert cases[1] == {"id": "P02", "attributes": {"age_band": "Information not available"}}
    assert cli("codebook", "import", str(study), str(folder / "codebook.csv"))[0] == 0
    code, out, _ = cli("code", str(study), "--doc", "P01", "--code", "Waiting", "--quote", "waiting list", "--json")
    assert code == 0 and json.loads(out)["code_path"] == "Access/Waiting"
    code, out, _ = cli("code", str(study), "--doc", "1", "--code", "New one", "--start", "0", "--end", "9", "--create")
    assert code == 0 and "New one" in out
    extracts = json.loads(cli("codings", str(study), "--code", "Waiting", "--json")[1])
    assert [(e["text"], e["coder"], e["speaker"], e["case_pid"]) for e in extracts] == [
        ("waiting list", "Sam", "P01", "P01")
    ]
    hits = json.loads(cli("search", str(study), "waiting", "--json")[1])
    assert hits[0]["document"] == "P01"
    codes = json.loads(cli("codebook", "list", str(study), "--json")[1])
    assert {c["path"]: c["extracts"] for c in codes}["Access/Waiting"] == 1
    assert cli("codebook", "export", str(study), str(folder / "out.md"))[0] == 0
    assert "Time waiting" in (folder / "out.md").read_text(encoding="utf-8")
    assert cli("memo", "add", str(study), "Note on waiting", "--on", "code", "--ref", "Waiting")[0] == 0
    assert json.loads(cli("memo", "list", str(study), "--json")[1])[0]["target"] == "code"
    # tables for people
    code, out, _ = cli("codings", str(study))
    assert code == 0 and "waiting" in out and "Access/Waiting" in out
    code, out, _ = cli("docs", "show", str(study), "P01")
    assert code == 0 and "My GP mentioned it" in out


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (["docs", "list", "{missing}"], "There is no project at"),
        (["import", "{study}", "{folder}/nothere.txt"], "nothere.txt: no such file"),
        (["import", "{study}", "{folder}/P01.txt", "--case", "P99"], "there is no case 'P99'"),
        (["import", "{study}", "{folder}/P01.txt", "--speaker", "nonsense"], "is not OLD=NEW"),
        (["code", "{study}", "--doc", "P77", "--code", "X", "--quote", "y"], "There is no document 'P77'"),
        (["init", "{study}"], "already exists"),
    ],
)
def test_errors_are_one_sentence_and_exit_2(study: Path, args: list[str], sentence: str) -> None:
    values = {"study": str(study), "folder": str(study.parent), "missing": str(study.parent / "no.cotheme")}
    code, out, err = cli(*(a.format(**values) for a in args))
    assert code == 2
    assert sentence in err
    assert "Traceback" not in out + err
    assert len(err.strip().splitlines()) == 1


def test_bad_import_leaves_project_unchanged(study: Path) -> None:
    folder = study.parent
    (folder / "garbage.docx").write_bytes(b"PK\x03\x04 this is not really a zip")
    before = study.read_bytes()
    code, _, err = cli("import", str(study), str(folder / "P01.txt"), str(folder / "garbage.docx"))
    assert code == 2 and "garbage.docx" in err
    assert json.loads(cli("docs", "list", str(study), "--json")[1]) == []
    assert len(before) > 0


def test_version_and_module_entry_point() -> None:
    code, out, _ = cli("--version")
    assert code == 0 and out.strip() == f"cotheme {cotheme.__version__}"
    result = subprocess.run([sys.executable, "-m", "cotheme", "--version"], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == f"cotheme {cotheme.__version__}"


def test_cli_on_postgresql(pg_schemas) -> None:  # type: ignore[no-untyped-def]
    url = pg_schemas.new_url()
    assert cli("init", url, "--title", "Team study")[0] == 0
    assert json.loads(cli("study", "show", url, "--json")[1])["title"] == "Team study"
