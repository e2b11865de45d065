"""An error sentence that tells the user to add an option names an option the command really has:
``exemplar`` once asked for a ``--coder`` it does not have (it has ``--member``), and ``memo add`` for
``--coder`` instead of ``--author``."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import typer.main

from cotheme.cli.main import app
from tests.cli_runner import cli
from tests.conftest import INTERVIEW

_OPTION = re.compile(r"(?<![\w-])--[a-z][a-z0-9-]*")


def _command(path: list[str]) -> Any:
    found = typer.main.get_command(app)
    for name in path:
        found = found.commands[name]  # type: ignore[attr-defined]
    return found


def options_of(path: list[str]) -> set[str]:
    return {option for param in _command(path).params for option in param.opts + param.secondary_opts}


@pytest.fixture(scope="module")
def two_members(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with two members, so every command must be told who acts."""
    folder = tmp_path_factory.mktemp("two")
    study = folder / "study.cotheme"
    (folder / "P01.txt").write_text(INTERVIEW, encoding="utf-8")
    for args in (["init", str(study), "--lead", "Sam"], ["members", "add", str(study), "Rowan"],
                 ["import", str(study), str(folder / "P01.txt")],
                 ["code", str(study), "--doc", "P01", "--code", "Waiting", "--quote", "waiting list", "--create",
                  "--coder", "Sam"],
                 ["themes", "import", str(study), str(_themes(folder))]):
        code, _, err = cli(*args)
        assert code == 0, err
    return study


def _themes(folder: Path) -> Path:
    path = folder / "themes.csv"
    path.write_text("name,parent,definition,status,codes\nTimely support,,,candidate,Waiting\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("command", "rest", "named"),
    [
        (["code"], ["--doc", "P01", "--code", "Waiting", "--quote", "waiting list"], "--coder"),
        (["exemplar"], ["--theme", "Timely support", "--coding", "1"], "--member"),
        (["memo", "add"], ["A note"], "--author"),
        (["docs", "edit"], ["--doc", "P01", "--replace", "waiting list", "--with", "wait"], "--author"),
    ],
)
def test_who_acts_is_asked_for_with_the_commands_own_option(two_members: Path, command: list[str],
                                                            rest: list[str], named: str) -> None:
    code, _, err = cli(*command[:1], *command[1:], str(two_members), *rest)
    assert code == 2
    mentioned = set(_OPTION.findall(err))
    assert named in mentioned, err
    assert mentioned <= options_of(command), f"{' '.join(command)} has no {mentioned - options_of(command)}: {err}"


def test_every_option_named_anywhere_in_the_source_exists_on_some_command() -> None:
    """A cheaper net for the sentences no test triggers: an option named in any string of the source
    (services and domain sentences included) exists on at least one command; pip's own are not ours."""
    root = typer.main.get_command(app)
    known: set[str] = {option for param in root.params for option in param.opts} | {"--help"}  # every command has it

    def walk(group: Any) -> None:
        for sub in group.commands.values():
            if hasattr(sub, "commands"):
                walk(sub)
            else:
                known.update(option for param in sub.params for option in param.opts + param.secondary_opts)

    walk(root)
    pip = {"--no-deps", "--require-hashes"}
    source = Path(__file__).resolve().parents[2] / "src" / "cotheme"
    unknown = sorted(
        f"{path.relative_to(source)}: {option}"
        for path in source.rglob("*.py")
        for option in set(_OPTION.findall(path.read_text(encoding="utf-8")))
        if option not in known | pip
    )
    assert unknown == []
