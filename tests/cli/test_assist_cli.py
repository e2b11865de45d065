"""``cotheme index``, ``suggest``, ``similar`` and ``cotheme assist`` through the CLI runner: JSON shapes,
the off switch and the absent extra (one sentence, exit code 2, never a traceback)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cotheme.services import assist_model
from tests.cli.test_commands import study  # noqa: F401 - the fixture
from tests.cli_runner import cli


@pytest.fixture
def indexed(study: Path) -> Path:  # noqa: F811 - the fixture above
    folder = study.parent
    assert cli("import", str(study), str(folder / "P01.txt"))[0] == 0
    assert cli("codebook", "import", str(study), str(folder / "codebook.csv"))[0] == 0
    assert cli("code", str(study), "--doc", "P01", "--code", "Waiting", "--quote", "I waited four months.")[0] == 0
    code, out, _ = cli("index", str(study), "--json")
    assert code == 0 and json.loads(out)["embedded"] == 1
    return study


def test_suggest_similar_accept_themes_and_status(indexed: Path) -> None:
    code, out, _ = cli("suggest", str(indexed), "--text", "We were on the waiting list for ages", "--top", "2", "--json")
    found = json.loads(out)
    # "Access" groups "Waiting" and was never used itself: it is not suggested.
    assert code == 0 and len(found) == 1 and set(found[0]) == {"code", "score"}
    assert found[0]["code"] == "Access/Waiting"
    code, out, _ = cli("similar", str(indexed), "--code", "Waiting", "--top", "3", "--json")
    answer = json.loads(out)
    similar = answer["passages"]
    assert code == 0 and set(similar[0]) == {"passage_id", "document_id", "document", "kind", "start", "end", "text", "score"}
    assert answer["considered"] > 3 and answer["interviewer_left_out"] == 4  # two "Interviewer:" turns, the first's 2 sentences
    assert answer["summary"] == (f"Considered {answer['considered']} passages not yet coded with the code; "
                                 "4 passages of the interviewer's turns left out.")
    code, out, _ = cli("similar", str(indexed), "--code", "Waiting", "--top", "3")
    assert code == 0 and out.startswith(answer["summary"][:-1] + " (include them with --include-interviewer).")
    code, out, _ = cli("assist", "accept", str(indexed), "--code", "Waiting", str(similar[0]["passage_id"]))
    assert code == 0 and "Coding" in out
    status = json.loads(cli("assist", "status", str(indexed), "--json")[1])
    assert status["accepted"] == 1 and status["indexed"] == 1 and status["enabled"] is True
    code, out, _ = cli("assist", "themes", str(indexed), "--groups", "1", "--json")
    assert code == 0 and json.loads(out)[0]["codes"] == ["Access", "Access/Waiting"]
    assert cli("index", str(indexed))[1].startswith("Indexed 0 documents (1 unchanged)")


def test_off_and_on(indexed: Path) -> None:
    code, out, _ = cli("assist", "off", str(indexed))
    assert code == 0 and "off" in out
    code, _, err = cli("suggest", str(indexed), "--text", "anything")
    assert code == 2 and "turned off for this project" in err and "Traceback" not in err
    assert cli("assist", "on", str(indexed))[0] == 0
    assert cli("suggest", str(indexed), "--text", "anything")[0] == 0


def test_without_the_extra_the_commands_say_how_to_install(study: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    monkeypatch.setattr(assist_model, "_installed", lambda module: False)
    for args in (["index"], ["suggest", "--text", "x"], ["similar", "--code", "Waiting"], ["assist", "themes"]):
        code, _, err = cli(*args[:1], *(args[1:2] if args[0] == "assist" else []), str(study),
                           *(args[2:] if args[0] == "assist" else args[1:]))
        assert code == 2 and "pip install 'cotheme[assist]'" in err and "Traceback" not in err
    code, out, _ = cli("assist", "status", str(study))
    assert code == 0 and "Installed: no" in out


def test_evaluate_reports_agreement_per_code(indexed: Path) -> None:
    for quote, name in (("My GP mentioned it", "Access"), ("the waiting list was long", "Waiting")):
        assert cli("code", str(indexed), "--doc", "P01", "--code", name, "--quote", quote)[0] == 0
    code, out, _ = cli("assist", "evaluate", str(indexed), "--json")
    found = json.loads(out)
    assert code == 0 and found["passages"] == 3 and found["folds"] == 3
    rows = {row["code"]: row for row in found["per_code"]}
    assert (rows["Access/Waiting"]["examples"], rows["Access/Waiting"]["tested"]) == (2, 2)
    assert set(rows["Access/Waiting"]) == {"code_id", "code", "examples", "tested", "top1", "top3", "kappa", "suggestible"}
    code, out, _ = cli("assist", "evaluate", str(indexed))
    assert code == 0 and out.startswith("3 coded passages hidden one at a time; first suggestion right for")
    code, report, _ = cli("report", "methods", str(indexed))
    assert code == 0 and "3 coded passages, each hidden in turn" in report
