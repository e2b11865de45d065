"""The REFI-QDA commands through the CLI runner: names, output, exit codes and one-sentence errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cotheme.cli.main import app
from tests.cli_runner import cli
from tests.conftest import INTERVIEW
from tests.qualcoder_fixtures import qualcoder_round_trip
from tests.refi_fixtures import ATLAS_QDC, XSD_DIR, small_qdpx


def test_init_from_export_validate_import(tmp_path: Path) -> None:
    study = tmp_path / "small.cotheme"
    code, text, _ = cli("init", "--from", str(small_qdpx(tmp_path / "small.qdpx")), str(study))
    assert code == 0 and "lead member Robin Lee" in text and "text positions read as code points" in text
    assert "│ codings    │ 1 " in text
    code, text, _ = cli("export", "qdpx", str(study), str(tmp_path / "out.qdpx"))
    assert code == 0 and "1 codings" in text and "warning: These documents hold characters outside" in text
    code, text, _ = cli("validate", str(tmp_path / "out.qdpx"), "--xsd-dir", str(XSD_DIR))
    assert code == 0 and "0 errors, 0 warnings; checked against" in text
    code, text, _ = cli("import", str(study), str(tmp_path / "out.qdpx"), "--json")
    assert code == 0 and json.loads(text)[0]["created"] == {}


def test_validate_prints_every_problem_and_exits_2(tmp_path: Path) -> None:
    bad = small_qdpx(tmp_path / "bad.qdpx", start=3, end=99_999)
    code, text, _ = cli("validate", str(bad))
    assert code == 2
    assert "error: project.qde:" in text and "outside its text" in text
    assert "XML Schema validation skipped" in text
    code, text, _ = cli("validate", str(bad), "--json")
    assert code == 2 and json.loads(text)["errors"] == 1


def test_mixing_qdpx_and_transcripts_is_refused(tmp_path: Path) -> None:
    study = tmp_path / "s.cotheme"
    assert cli("init", str(study), "--lead", "Sam")[0] == 0
    (tmp_path / "P01.txt").write_text(INTERVIEW, encoding="utf-8")
    qdpx = small_qdpx(tmp_path / "small.qdpx")
    code, _, err = cli("import", str(study), str(qdpx), str(tmp_path / "P01.txt"))
    assert code == 2 and "Import .qdpx projects on their own" in err and len(err.strip().splitlines()) == 1
    code, _, err = cli("import", str(study), str(qdpx), "--case", "P01")
    assert code == 2 and "--case, --speaker, --verbatim and --recording apply to transcripts" in err
    code, text, _ = cli("import", str(study), str(qdpx))
    assert code == 0 and "themes" in text and "note:" not in text  # the set became a theme
    code, _, err = cli("export", "qdpx", str(study), str(tmp_path / "o.qdpx"), "--deidentified-only")
    assert code == 2 and "1 are not de-identified at their current revision: P01 interview" in err
    assert not (tmp_path / "o.qdpx").exists()


def test_codebook_qdc_import_and_export(tmp_path: Path) -> None:
    study = tmp_path / "s.cotheme"
    assert cli("init", str(study), "--lead", "Sam")[0] == 0
    code, text, _ = cli("codebook", "import", str(study), str(ATLAS_QDC))
    assert code == 0 and "written by ATLAS.ti Win 23.4.0" in text
    code, text, _ = cli("codebook", "export", str(study), str(tmp_path / "book.qdc"))
    assert code == 0 and (tmp_path / "book.qdc").read_text(encoding="utf-8").count("<Code ") == 1
    code, _, err = cli("init", "--from", str(tmp_path / "book.qdc"), str(tmp_path / "x.cotheme"))
    assert code == 2 and "--from takes a REFI-QDA project file ending in .qdpx" in err


def test_qualcoders_export_of_our_project_refuses_then_merges(tmp_path: Path) -> None:
    study = tmp_path / "small.cotheme"
    assert cli("init", "--from", str(small_qdpx(tmp_path / "small.qdpx")), str(study))[0] == 0
    assert cli("export", "qdpx", str(study), str(tmp_path / "ours.qdpx"))[0] == 0
    qualcoder_round_trip(tmp_path / "ours.qdpx", tmp_path / "qualcoder.qdpx")
    back = str(tmp_path / "qualcoder.qdpx")
    code, _, err = cli("import", str(study), back)
    assert code != 0 and len(err.strip().splitlines()) == 1
    assert "same text as documents already in this project" in err and "(P01 interview)" in err
    code, _, err = cli("import", str(study), back, "--merge", "--allow-duplicate")
    assert code == 2 and "Choose --merge or --allow-duplicate, not both" in err
    code, text, _ = cli("import", str(study), back, "--merge", "--json")
    assert code == 0
    result = json.loads(text)[0]
    assert result["created"] == {} and result["matched"]["documents"] == 1 and result["matched"]["codings"] == 1
    (tmp_path / "P01.txt").write_text(INTERVIEW, encoding="utf-8")
    code, _, err = cli("import", str(study), str(tmp_path / "P01.txt"), "--merge")
    assert code == 2 and "--merge applies to .qdpx projects" in err
