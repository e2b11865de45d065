"""``cotheme assist misfits``, ``draft``, ``accept-draft`` and ``drafts`` through the CLI runner, the
language model being a local stub server: JSON shapes, the accept path, one sentence and exit code 2
without an endpoint or with a host outside the allow-list."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cotheme.cli import context
from tests.cli.test_commands import study  # noqa: F401 - the fixture
from tests.cli_runner import cli
from tests.llm_stub import FINGERPRINT, stub_server


@pytest.fixture
def coded(study: Path) -> Path:  # noqa: F811 - the fixture above
    folder = study.parent
    assert cli("import", str(study), str(folder / "P01.txt"))[0] == 0
    assert cli("codebook", "import", str(study), str(folder / "codebook.csv"))[0] == 0
    for quote in ("I waited four months.", "the waiting list was long"):
        assert cli("code", str(study), "--doc", "P01", "--code", "Waiting", "--quote", quote)[0] == 0
    return study


def test_misfits_json(coded: Path) -> None:
    assert cli("index", str(coded))[0] == 0
    code, out, _ = cli("assist", "misfits", str(coded), "--code", "Waiting", "--json")
    found = json.loads(out)
    assert code == 0 and len(found) == 2 and {"coding_id", "code", "score", "nearest_code", "reason"} <= set(found[0])
    assert found[0]["code"] == "Access/Waiting"


def test_draft_keep_and_accept(coded: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kept = tmp_path / "draft.json"
    with stub_server() as (url, behaviour):
        env = {"COTHEME_LLM_URL": url + "/v1", "COTHEME_LLM_API": "openai"}
        code, out, err = cli("assist", "draft", str(coded), "--code", "Waiting", "--out", str(kept), env=env)
        assert code == 0 and "Extracts given to the model" in out and "I waited four months." in out
        assert "DEFINITION: Waiting for care." in out and "Nothing is saved" in out and "Waiting for care" in err
        assert json.loads(cli("assist", "drafts", str(coded), "--json")[1]) == []
        code, out, _ = cli("assist", "draft", str(coded), "--code", "Waiting", "--json", env=env)
        made = json.loads(out)
        assert code == 0 and made["provenance"]["digest"] == FINGERPRINT and made["kind"] == "code-definition"
        monkeypatch.setattr(context, "interactive", lambda: True)
        monkeypatch.setattr("cotheme.cli.assist_drafts.interactive", lambda: True)
        code, out, _ = cli("assist", "draft", str(coded), "--code", "Waiting", env=env, input="r\n")
        assert code == 0 and "Rejected; nothing was saved." in out
        code, out, _ = cli("assist", "draft", str(coded), "--code", "Waiting", env=env, input="a\n")
        assert code == 0 and "Saved draft 1 for 'Access/Waiting', accepted by" in out
        assert len(behaviour.requests) == 4
        assert len(json.loads(cli("assist", "drafts", str(coded), "--json")[1])) == 1
    edited = tmp_path / "edited.txt"
    edited.write_text("DEFINITION: Waits.\nINCLUDE: [1]\nEXCLUDE: none\n", encoding="utf-8")
    code, out, _ = cli("assist", "accept-draft", str(coded), str(kept), "--text-file", str(edited))
    assert code == 0 and "as edited" in out
    (_first, saved) = json.loads(cli("assist", "drafts", str(coded), "--json")[1])
    assert saved["edited"] is True and saved["provenance"]["model"] == "stub-model:1b" and saved["accepted_by"]
    codes = json.loads(cli("codebook", "list", str(coded), "--json")[1])
    assert any(c.get("definition") == "Waits." for c in codes)


def test_refusals_are_one_sentence(coded: Path, tmp_path: Path) -> None:
    code, _, err = cli("assist", "draft", str(coded), "--code", "Waiting", env={"COTHEME_LLM_URL": ""})
    assert code == 2 and "COTHEME_LLM_URL" in err and "Traceback" not in err
    code, _, err = cli("assist", "draft", str(coded), "--code", "Waiting",
                       env={"COTHEME_LLM_URL": "http://192.0.2.1:9/v1"})
    assert code == 2 and "nothing was sent" in err and "Traceback" not in err
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    code, _, err = cli("assist", "accept-draft", str(coded), str(bad))
    assert code == 2 and "not a draft" in err
