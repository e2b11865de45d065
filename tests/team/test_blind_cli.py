"""Every CLI command that reads the project, run with ``--as`` each member over the blind study: no
restricted member ever receives another coder's blind coding or memo, on the screen, in ``--json`` or in
a file it writes (``blind_study.py`` explains the oracle).

Commands are enumerated from the CLI: each is either a read, with the arguments to run it with in
``READS`` (``--json`` is added as a second run wherever the command has it), or named in ``NOT_READS``
with the reason it is not walked. A new command fails the test until it is put in one of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import typer.main
import typer.testing
from typer.testing import CliRunner

from cotheme.cli.main import app
from cotheme.formats.report_common import REPORT_FORMATS
from tests.team import blind_study as study

runner = CliRunner()
#: Wide enough that no table cell folds a marker in two (rich reads the width from COLUMNS).
WIDE = {"COLUMNS": "2000"}
P, OUT = "{project}", "{out}"
_REPORT_EXTRA = {"matrix": ["--by", "setting", "--rows", "codes"]}
#: Read commands and the arguments of each run ({project}: the study; {out}: a fresh folder).
READS: dict[str, list[list[str]]] = {
    "agreement": [[P, "--coders", "Ann,Bea"], [P, "--coders", "Ann,Bea", "--docs", "B01"],
                  [P, "--coders", "Ann,Lead", "--differences"]],
    "assist status": [[P]],
    "assist misfits": [[P], [P, "--code", "Waiting"]],
    "assist drafts": [[P]],
    "calibrate": [[P]],
    "attributes list": [[P]],
    "assist themes": [[P]],
    "audit": [[P], [P, "--out", f"{OUT}/audit.csv"]],
    "cases list": [[P]],
    "check": [[P]],
    "codebook as-of": [[P, "2100-01-01"]],
    "codebook diff": [[P, "2000-01-01", "2100-01-01"]],
    "codebook export": [[P, f"{OUT}/codebook.{ext}"] for ext in ("csv", "md", "qdc")],
    "codebook history": [[P]],
    "codebook list": [[P]],
    "codebook templates": [[]],
    "codings": [[P], [P, "--doc", "B01"], [P, "--coder", "Bea"], [P, "--coder", "Lead"], [P, "--code", "Listening"],
                [P, "--code", "Listening", "--no-subcodes"], [P, "--code", "Waiting", "--with-subcodes"]],
    "deid exports-only": [[P]],
    "deid names": [[P]],
    "deid review": [[P], [P, "--doc", "B01"], [P, "--by-string"]],
    "docs list": [[P]],
    "docs revisions": [[P, "B01"]],
    "docs show": [[P, "B01"]],
    "docs text": [[P, "B01"], [P, "B01", "--out", f"{OUT}/B01.txt"]],
    "extracts export": [[P, f"{OUT}/extracts.{ext}"] for ext in ("csv", "xlsx")]
                       + [[P, f"{OUT}/extracts.csv", option, value] for option, value in (("--coder", "Bea"), ("--doc", "B01"))],
    "export qdpx": [[P, f"{OUT}/study.qdpx"], [P, f"{OUT}/nvivo.qdpx", "--nvivo"]],
    "map": [[P, "--out", f"{OUT}/map.{ext}"] for ext in ("svg", "pdf")],
    "figure": [[kind, P, "--out", f"{OUT}/{kind}.svg"] for kind in ("heatmap", "cooccurrence", "coverage")],
    "members list": [[P]],
    "memo list": [[P]],
    "progress": [[P]],
    "reconcile": [[P, "--doc", doc, "--coders", coders] for doc in ("B01", "P01") for coders in ("Ann,Bea", "Bea,Lead")],
    "reflexive-mode": [[P]],
    **{f"report {kind}": [[P, *_REPORT_EXTRA.get(kind, [])],
                          *([P, "--out", f"{OUT}/{kind}.{fmt}", *_REPORT_EXTRA.get(kind, [])] for fmt in formats),
                          *([[P, *_REPORT_EXTRA.get(kind, []), "--no-subcodes"]] if kind in ("matrix", "cooccurrence") else [])]
       for kind, formats in REPORT_FORMATS.items()},
    "report deid-risk": [[P, "--no-model"], *([P, "--no-model", "--out", f"{OUT}/risk.{fmt}"] for fmt in ("md", "html", "docx", "csv"))],
    "review": [[P], [P, "--all"], [P, "--doc", "B01"]],
    "search": [[P, word] for word in study.SEARCHES],
    "similar": [[P, "--code", "Waiting"], [P, "--code", "Listening"]],
    "study show": [[P]],
    "suggest": [[P, "--text", "The nurse came late and the porter was kind."], [P, "--doc", "B01", "--start", "45", "--end", "90"]],
    "targets list": [[P]],
    "themes export": [[P, f"{OUT}/themes.{ext}"] for ext in ("csv", "md")],
    "themes list": [[P]],
    "user list": [[P]],
}
#: Commands not walked, and why.
_CHANGES = "changes the project: not a read path"
NOT_READS: dict[str, str] = {
    **{name: _CHANGES for name in (
        "assign", "assist accept", "attributes import", "attributes set", "assist off", "assist on", "cases add", "cases import", "code",
        "codebook delete", "codebook import", "codebook merge", "codebook split", "codebook undo", "decrypt",
        "encrypt", "deid accept", "deid add-name", "deid apply", "deid ignore", "deid reject",
        "deid remove-name", "deid undo", "deid scan", "docs blind", "docs edit", "docs reveal", "docs set", "docs speakers", "exemplar",
        "import", "index", "members add", "memo add", "restore", "study set", "targets import", "themes import",
        "user add", "user passwd", "user set", "init", "assist accept-draft", "checkin",
    )},
    "assist draft": "asks the team's own language model (a lead's operation); refused without an endpoint",
    "assist evaluate": "a lead's operation (refused to everyone else) that reads every coding by design",
    "checkins": "a lead's queue (refused to everyone else): both sides of what check-ins left",
    "checkout": "writes the member's own working copy; test_checkout.py shows only their own work travels",
    "docs recording": "a transcript's recording belongs to the transcript, not to a coder: no coding or memo in it",
    "coders-import": "shows or sets one project setting (whether coders may import); no coding or memo",
    "backup": "a lead's copy of the whole project, which must hold everything (it is restored as is)",
    "demo": "builds the fictional demo study in a new file; reads no project",
    "serve": "starts the web server, whose every GET route test_blind_routes.py walks",
    "validate": "checks a REFI-QDA file against the schema; reads no project",
    "study fields": "lists the names of the study fields; reads no project",
}


@pytest.fixture(autouse=True)
def built_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Typer builds the click command anew on every invoke (three quarters of a run's time here); the
    walk makes some 140 runs, so build it once."""
    command = typer.main.get_command(app)
    monkeypatch.setattr(typer.testing, "_get_command", lambda _app: command)


def commands() -> dict[str, Any]:
    found: dict[str, Any] = {}

    def walk(group: Any, prefix: str) -> None:
        if hasattr(group, "commands"):  # a group (typer may bring its own click)
            for name, sub in group.commands.items():
                walk(sub, f"{prefix} {name}".strip())
        else:
            found[prefix] = group

    walk(typer.main.get_command(app), "")
    return found


def invocations() -> Iterator[tuple[str, list[str]]]:
    """(command, arguments) of every run, with ``--json`` as a second run where the command has it."""
    found = commands()
    for name, runs in READS.items():
        has_json = any(p.name == "as_json" for p in found[name].params)
        for args in runs:
            yield name, args
            if has_json:
                yield name, [*args, "--json"]


def test_every_command_is_classified() -> None:
    found = set(commands())
    assert sorted(found - set(READS) - set(NOT_READS)) == [], "add each new command to READS or NOT_READS"
    assert sorted((set(READS) | set(NOT_READS)) - found) == [], "these commands no longer exist"
    assert set(READS) & set(NOT_READS) == set()


def run_as(name: str, project: Path, folder: Path, only: set[str] | None = None) -> dict[str, tuple[int, str]]:
    """Exit code and everything readable each run printed or wrote, by run (only those in ``only``)."""
    answers = {}
    for number, (command, args) in enumerate(invocations()):
        key = " ".join([command, *args])
        if only is not None and key not in only:
            continue
        out = folder / f"run{number}"
        out.mkdir(parents=True)
        filled = [a.replace(P, str(project)).replace(OUT, str(out)) for a in args]
        result = runner.invoke(app, ["--as", name, *command.split(), *filled], env=WIDE)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        written = "\n".join(study.readable(f.read_bytes()) for f in sorted(out.rglob("*")) if f.is_file())
        answers[key] = (result.exit_code, "\n".join([result.stdout, result.stderr, written]))
    return answers


@pytest.fixture
def built(tmp_path: Path) -> Iterator[Callable[[str], tuple[Any, Path]]]:
    opened: list[Any] = []

    def make(name: str) -> tuple[Any, Path]:
        project = study.build(tmp_path / name)
        opened.append(project)
        return project, tmp_path / name / "study.cotheme"

    yield make
    for project in opened:
        project.close()


def test_the_walk_reaches_every_marker_as_the_lead(built: Any, tmp_path: Path) -> None:
    _project, path = built("Lead")
    answers = run_as("Lead", path, tmp_path / "runs")
    failed = {key: text[-300:] for key, (code, text) in answers.items() if code != 0}
    assert failed == {}  # as the lead, every read runs
    markers = (*study.MEMO_MARKERS, *study.QUOTE.values(), study.SHARED_MEMO)
    seen = "\n".join(text for _, text in answers.values())
    assert [m for m in markers if m not in seen] == []
    tables = "\n".join(text for key, (_, text) in answers.items() if not key.endswith("--json"))
    assert [m for m in markers if m not in tables] == []  # whole in tables too (no cell folds one)


@pytest.mark.parametrize("name", study.RESTRICTED)
def test_no_command_shows_a_restricted_member_what_is_hidden_from_them(built: Any, tmp_path: Path, name: str) -> None:
    project, path = built(name)
    quotes, notes = study.hidden_markers(name)
    answers = run_as(name, path, tmp_path / "runs")
    assert {key: sorted(m for m in notes if m in text) for key, (_, text) in answers.items()
            if any(m in text for m in notes)} == {}
    own = {m for m, author in study.MEMO_MARKERS.items() if author == name} | {study.SHARED_MEMO}
    seen = "\n".join(text for _, text in answers.values())
    assert [m for m in own if m not in seen] == []  # the walk does reach memos they may read
    suspects = {key: study.counts(text, quotes) for key, (_, text) in answers.items() if any(q in text for q in quotes)}
    study.trim(project, name)
    again = run_as(name, path, tmp_path / "again", set(suspects))
    assert {key: c for key, c in suspects.items() if c != study.counts(again[key][1], quotes)} == {}
