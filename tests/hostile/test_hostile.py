"""Every importer against the hostile corpus (``corpus.py``): each file is refused with one sentence
naming it, nothing but a ``CothemeError`` escapes, and the project is left exactly as it was (every
table compared). Run with -s to see the counts: inputs tried, refused cleanly, crashes."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import cotheme
from cotheme.cli.main import app
from cotheme.errors import CothemeError
from cotheme.services.project import Project
from tests.conftest import INTERVIEW
from tests.hostile.corpus import CORPORA, GARBAGE, Hostile, write
from tests.safety.conftest import dump

IMPORTERS: dict[str, Callable[[Project, Path], Any]] = {
    "transcript": lambda p, path: p.import_files([path]),
    "cases": lambda p, path: p.import_cases(path),
    "codebook": lambda p, path: p.import_codebook(path),
    "qdc": lambda p, path: p.import_codebook_qdc(path),
    "qdpx": lambda p, path: p.import_qdpx_files([path]),
}
#: A refusal should be quick: the slowest honest one (a 60 MB deflate stream inside a PDF) takes ~1 s.
SLOW_SECONDS = 10.0
TALLY: dict[str, int] = {"tried": 0, "refused": 0, "crashed": 0}


@pytest.fixture(scope="module")
def study(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("hostile")
    transcript = folder / "P01.txt"
    transcript.write_text(INTERVIEW, encoding="utf-8")
    path = str(folder / "study.cotheme")
    with cotheme.create_project(path, lead="Lead") as project:
        project.import_files([transcript])
        project.add_case("P01")
        project.code("P01", "Waiting", quote="waiting list", create=True)
        project.add_memo("A memo.")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COTHEME_MAX_IMPORT_MB", "1")
        yield path
    print(f"\nhostile corpus: {TALLY['tried']} inputs tried, {TALLY['refused']} refused cleanly, "
          f"{TALLY['crashed']} crashed")


def _feed(project: Project, importer: str, item: Hostile, path: Path) -> str | None:
    """None when refused cleanly; else what went wrong."""
    began = time.perf_counter()
    try:
        IMPORTERS[importer](project, path)
    except CothemeError as exc:
        sentence = str(exc)
        if item.name not in sentence:
            return f"refused without naming the file: {sentence}"
        if time.perf_counter() - began > SLOW_SECONDS:
            return f"refused, but only after {time.perf_counter() - began:.1f} s"
        return None
    except Exception as exc:  # noqa: BLE001 - what we are looking for
        TALLY["crashed"] += 1
        return f"crashed: {type(exc).__name__}: {exc}"[:300]
    return "accepted"


@pytest.mark.parametrize("importer", list(CORPORA))
def test_every_hostile_file_is_refused_and_changes_nothing(importer: str, study: str, tmp_path: Path) -> None:
    items = CORPORA[importer]()
    problems = []
    before = dump(study)
    with cotheme.open_project(study) as project:
        for item in items:
            TALLY["tried"] += 1
            wrong = _feed(project, importer, item, write(item, tmp_path))
            if wrong is None:
                TALLY["refused"] += 1
            else:
                problems.append(f"{item.id}: {wrong}")
    assert problems == [], "\n".join(problems)
    assert dump(study) == before
    assert len(items) >= 9


def test_the_cli_refuses_in_one_sentence_with_exit_2(study: str, tmp_path: Path) -> None:
    runner = CliRunner()
    commands = {".docx": ["import"], ".xlsx": ["cases", "import"], ".csv": ["codebook", "import"], ".qdpx": ["import"]}
    for extension, command in commands.items():
        item = Hostile("cli", f"garbage{extension}", lambda _folder: GARBAGE, "binary garbage")
        result = runner.invoke(app, [*command, study, str(write(item, tmp_path))])
        output = result.stdout + result.stderr
        assert result.exit_code == 2, output
        assert output.startswith("Error: ") and item.name in output and "Traceback" not in output
