"""The command line starts at once: ``cotheme --version`` and ``cotheme --help`` import no heavy library
and none of cotheme's services, a read command imports no spreadsheet, PDF, Word, plotting, numeric,
hashing, migration or web library, and every command is still there, each with its one-line help and
its own ``--help``.

Each start is a fresh interpreter (``python -m cotheme``), as a researcher's shell runs it; what it
imported is read from ``sys.modules`` when it exits.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner

import cotheme
from cotheme.cli.catalog import COMMANDS
from cotheme.cli.main import app

SRC = Path(__file__).resolve().parents[2] / "src"
#: Libraries that cost tens to hundreds of milliseconds (or a model, or a 64 MB hash) to import.
HEAVY = ("sqlalchemy", "alembic", "openpyxl", "pypdf", "docx", "matplotlib", "numpy", "pandas", "argon2",
         "fastapi", "starlette", "uvicorn", "onnxruntime", "spacy", "torch", "sentence_transformers", "lxml",
         "cryptography", "jinja2", "PIL", "psycopg", "sqlcipher3", "zxcvbn")
#: What ``--version`` must not import besides: rich (and the Markdown reader typer's rich help loads)
#: renders help and tables, not a version line.
NOT_FOR_VERSION = ("rich", "markdown_it", "pydantic", "cotheme.services", "cotheme.storage", "cotheme.formats")
#: A read command opens the project (SQLAlchemy) but reads no file format, opens no key and computes nothing.
NOT_FOR_READS = (*(h for h in HEAVY if h != "sqlalchemy"), "markdown_it")
#: Services a listing of transcripts or codings never calls: each is imported when an operation needs it.
SERVICES_NOT_FOR_READS = ("cotheme.services.importing", "cotheme.services.exchange", "cotheme.services.deid",
                          "cotheme.domain.deid", "cotheme.services.reports", "cotheme.services.methods",
                          "cotheme.services.recordings", "cotheme.services.assist", "cotheme.services.home",
                          "cotheme.services.figures", "cotheme.formats")

_PROBE = """
import json, sys
sys.argv = ["cotheme", *json.loads(sys.argv[1])]
from cotheme.cli.main import run
try:
    run()
except SystemExit as stop:
    code = stop.code
else:
    code = 0
sys.stdout.flush()
print("\\nMODULES " + json.dumps([code, sorted(sys.modules)]))
"""


def started(*args: str) -> tuple[int, set[str], str]:
    """Exit code, the modules imported and the output of ``cotheme ARGS`` in a fresh interpreter."""
    env = {**os.environ, "PYTHONPATH": str(SRC), "COLUMNS": "100"}
    done = subprocess.run([sys.executable, "-c", _PROBE, json.dumps(list(args))], env=env,
                          capture_output=True, text=True, check=False, timeout=120)
    output, _, last = done.stdout.rpartition("\nMODULES ")
    assert last, done.stderr
    code, modules = json.loads(last)
    return code, set(modules), output


def imported(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(n for n in names if any(m == n or m.startswith(n + ".") for m in modules))


def test_version_imports_almost_nothing() -> None:
    code, modules, output = started("--version")
    assert code == 0 and output.strip() == f"cotheme {cotheme.__version__}"
    assert imported(modules, HEAVY + NOT_FOR_VERSION) == []


def test_help_lists_every_command_without_loading_one() -> None:
    code, modules, output = started("--help")
    assert code == 0
    assert imported(modules, HEAVY) == []
    loaded = sorted(m for m in modules if m.startswith("cotheme.cli.") and m not in (
        "cotheme.cli.main", "cotheme.cli.catalog", "cotheme.cli.group"))
    assert loaded == []
    listed = output.replace("│", " ")
    missing = [e.name for e in COMMANDS if f" {e.name} " not in listed]
    assert missing == []


def test_a_read_command_reads_no_file_format(tmp_path: Path) -> None:
    project = tmp_path / "study.cotheme"
    cotheme.create_project(project, title="Startup", lead="Lead").close()
    code, modules, _ = started("docs", "list", str(project))
    assert code == 0
    assert "sqlalchemy" in modules  # it did open the project
    assert imported(modules, NOT_FOR_READS) == []
    assert imported(modules, SERVICES_NOT_FOR_READS) == []


def test_listing_codings_loads_only_the_services_it_calls(tmp_path: Path) -> None:
    project = tmp_path / "study.cotheme"
    with cotheme.create_project(project, title="Startup", lead="Lead") as p:
        p.codes.create("Waiting")
    code, modules, output = started("codings", str(project), "--code", "Waiting")
    assert code == 0, output
    assert "sqlalchemy" in modules  # it did open the project
    assert imported(modules, NOT_FOR_READS) == []
    assert imported(modules, SERVICES_NOT_FOR_READS) == []


def _loaded() -> dict[str, Any]:
    root = typer.main.get_command(app)
    return {name: root.commands[name] for name in root.commands}  # type: ignore[attr-defined]


def test_the_catalog_says_what_each_command_says_of_itself() -> None:
    """The one-line help ``--help`` lists is the first paragraph of the command's own help."""
    found = _loaded()
    assert list(found) == [e.name for e in COMMANDS]
    for entry in COMMANDS:
        command = found[entry.name]
        first = " ".join((command.help or "").split("\n\n")[0].split())
        assert first == entry.help, entry.name
        assert hasattr(command, "commands") == entry.group, entry.name


@pytest.mark.parametrize("path", sorted(
    [[e.name] for e in COMMANDS]
    + [[e.name, sub] for e in COMMANDS if e.group for sub in _loaded()[e.name].commands]
), ids=" ".join)
def test_every_command_has_its_own_help(path: list[str]) -> None:
    result = CliRunner().invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert f" {' '.join(path)} [OPTIONS]" in " ".join(result.output.split())  # the runner calls it "root"


def test_a_mistyped_command_is_answered_with_the_close_ones() -> None:
    result = CliRunner().invoke(app, ["codigns"])
    assert result.exit_code == 2
    assert "No such command 'codigns'" in result.output and "'codings'" in result.output
