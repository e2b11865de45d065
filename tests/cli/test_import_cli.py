"""``cotheme import --verbatim``, ``cotheme docs set``, ``cotheme coders-import`` and the interview-detail
columns of ``cotheme cases import``, through the CLI runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cotheme.services.project import Project
from tests.cli_runner import cli

ORIGINAL = "Interviewer: How did it start?\n\nP01:  It started in 2019 🙂, at the café.\n\nInterviewer: And then?\n\nP01: Then it got worse.\n"


@pytest.fixture
def study(tmp_path: Path) -> Path:
    path = tmp_path / "study.cotheme"
    assert cli("init", str(path), "--lead", "Sam")[0] == 0
    (tmp_path / "P01.txt").write_text(ORIGINAL, encoding="utf-8")
    return path


def test_verbatim_import_keeps_offsets_of_the_original_file(study: Path, tmp_path: Path) -> None:
    code, out, err = cli("import", str(study), str(tmp_path / "P01.txt"), "--verbatim", "--json")
    assert code == 0, err
    assert json.loads(out)[0]["speakers"] == ["Interviewer", "P01"]
    start = ORIGINAL.index("café")
    code, out, err = cli("code", str(study), "--doc", "P01", "--code", "Place", "--start", str(start),
                         "--end", str(start + 4), "--create", "--json")
    assert code == 0, err
    assert json.loads(out)["text"] == "café"
    with Project.open(study) as project:
        assert project.document("P01").text == ORIGINAL
    # without --verbatim the labels leave the text: the same offsets point elsewhere
    (tmp_path / "P02.txt").write_text(ORIGINAL.replace("P01", "P02"), encoding="utf-8")
    assert cli("import", str(study), str(tmp_path / "P02.txt"))[0] == 0
    with Project.open(study) as project:
        assert project.document("P02").text[start : start + 4] != "café"


def test_verbatim_refusals(study: Path, tmp_path: Path) -> None:
    (tmp_path / "win.txt").write_bytes(ORIGINAL.replace("\n", "\r\n").encode())
    code, _, err = cli("import", str(study), str(tmp_path / "win.txt"), "--verbatim")
    assert code == 2 and "win.txt: has Windows or old Mac line ends (CR)" in err
    (tmp_path / "P03.srt").write_text("1\n00:00:01,000 --> 00:00:02,000\nHi\n", encoding="utf-8")
    code, _, err = cli("import", str(study), str(tmp_path / "P03.srt"), "--verbatim")
    assert code == 2 and "P03.srt: a verbatim import keeps the text of plain-text files (.txt, .md) exactly" in err


def test_docs_set_and_the_methods_appendix(study: Path, tmp_path: Path) -> None:
    assert cli("import", str(study), str(tmp_path / "P01.txt"))[0] == 0
    code, out, err = cli("docs", "set", str(study), "P01", "--date", "2025-03-12", "--mode", "Zoom", "--duration",
                         "48", "--interviewer", "Sam Okafor", "--setting", "participant's home", "--notes",
                         "Quiet; a cat.", "--json")
    assert code == 0, err
    assert json.loads(out) == {"file_name": "P01.txt", "format": "txt", "interview_date": "2025-03-12",
                               "mode": "video", "duration_minutes": 48, "interviewer": "Sam Okafor",
                               "setting": "participant's home", "field_notes": "Quiet; a cat."}
    code, _, err = cli("docs", "set", str(study), "P01", "--duration", "90 seconds")
    assert code == 2 and "'90 seconds' is not a duration; give whole minutes, e.g. 45." in err
    code, out, _ = cli("report", "methods", str(study))
    assert "Settings: participant's home 1." in out and "| 20 |" in out and "Field notes for 1 of 1 interviews" in out
    assert cli("docs", "set", str(study), "P01", "--setting", "")[0] == 0
    with Project.open(study) as project:
        assert project.document("P01").source.setting == ""


def test_cases_import_sets_details_and_links_transcripts(study: Path, tmp_path: Path) -> None:
    assert cli("import", str(study), str(tmp_path / "P01.txt"))[0] == 0
    sheet = tmp_path / "people.csv"
    sheet.write_text("id,age_band,interview_mode,interview_duration,field_notes\nP01,25-34,phone,41,Tired\n",
                     encoding="utf-8")
    code, out, err = cli("cases", "import", str(study), str(sheet))
    assert code == 0, err
    assert "Linked 1 transcript to the case" in out and "Interview details from: interview_mode, interview_duration, field_notes" in out
    with Project.open(study) as project:
        document = project.document("P01")
        assert document.case_pid == "P01"
        assert (document.source.mode, document.source.duration_minutes, document.source.field_notes) == ("telephone", 41, "Tired")
        assert set(project.cases()[0].attributes) == {"age_band", "interview_mode", "interview_duration"}


def test_coders_import_setting(study: Path, tmp_path: Path) -> None:
    assert cli("members", "add", str(study), "Ann", "--permission", "coder")[0] == 0
    code, _, err = cli("--as", "Ann", "import", str(study), str(tmp_path / "P01.txt"))
    assert code == 2 and "Ann is a coder and may not" in err
    code, out, _ = cli("coders-import", str(study))
    assert code == 0 and "Coders may import: off." in out
    code, _, err = cli("--as", "Ann", "coders-import", str(study), "on")
    assert code == 2 and "Ann is a coder" in err
    assert cli("coders-import", str(study), "on")[1].strip() == "Coders may import: on."
    code, _, err = cli("--as", "Ann", "import", str(study), str(tmp_path / "P01.txt"))
    assert code == 0, err
    assert cli("--as", "Ann", "docs", "set", str(study), "P01", "--mode", "video")[0] == 0
    code, _, err = cli("coders-import", str(study), "maybe")
    assert code == 2 and "'maybe' is not on or off." in err
