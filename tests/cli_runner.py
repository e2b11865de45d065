"""Running the ``cotheme`` command in-process for tests: exit code, standard output and error.

A cotheme error ends a command with exit code 2 and one sentence on standard error; any other exception
is a bug, so it is raised in the test rather than hidden in an exit code.
"""

from __future__ import annotations

from typer.testing import CliRunner

from cotheme.cli.main import app

runner = CliRunner()


def cli(*args: str, env: dict[str, str] | None = None, input: str | None = None) -> tuple[int, str, str]:  # noqa: A002
    result = runner.invoke(app, list(args), env=env, input=input)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr
