"""A served project loads no file-format library until a request needs it: the server's resident
memory is what serving takes, not every importer and exporter cotheme has (openpyxl pulled numpy and
Pillow in, ~38 MB; python-docx, lxml and cryptography another ~25 MB).

Each check is a fresh interpreter, as ``cotheme serve`` is; what it imported is read from
``sys.modules``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import cotheme
from cotheme.services.importing import SourceFile

SRC = Path(__file__).resolve().parents[2] / "src"
#: Loaded by an import, an export or a report when one is asked for, never by serving pages.
NOT_AT_START = ("openpyxl", "pypdf", "docx", "lxml", "cryptography", "numpy", "PIL", "argon2", "matplotlib",
                "onnxruntime")

_PROBE = """
import json, sys
from fastapi.testclient import TestClient
from cotheme.services.project import Project
from cotheme.web.app import create_app
import cotheme.web.server
project = Project.open(sys.argv[1])
client = TestClient(create_app(project, "t" * 22))
for url in ["/?token=" + "t" * 22, "/documents/1", "/api/v1/codes", "/api/v1/extracts?code=1"]:
    client.get(url).raise_for_status()
project.close()
print("MODULES " + json.dumps(sorted(sys.modules)))
"""


def _modules_after_serving(project: Path) -> set[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    done = subprocess.run([sys.executable, "-c", _PROBE, str(project)], env=env, capture_output=True, text=True,
                          check=False, timeout=180)
    _, _, last = done.stdout.rpartition("MODULES ")
    assert last, done.stderr
    return set(json.loads(last))


def _loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(n for n in names if any(m == n or m.startswith(n + ".") for m in modules))


def test_serving_pages_and_extracts_loads_no_file_format_library(tmp_path: Path) -> None:
    path = tmp_path / "study.cotheme"
    project = cotheme.create_project(path, title="Served", lead="Lead")
    (doc,) = project.import_sources([SourceFile("interview.txt", b"Interviewer: How was it?\n\nP01: Slow at first.\n")])
    project.create_code("Pace")
    project.code(doc.id, "Pace", start=0, end=4, coder="Lead")
    project.close()
    modules = _modules_after_serving(path)
    assert "cotheme.web.app" in modules and "sqlalchemy" in modules  # it did build the app and read the project
    assert _loaded(modules, NOT_AT_START) == []
