"""The ``cotheme`` command: its own options (``--version``, ``--as``) and every command by name.

Commands are listed in ``cli/catalog.py`` and imported only when they run (``cli/group.py``), so
``cotheme --version`` and ``cotheme --help`` import typer and nothing of cotheme's services, and a
command loads only its own module and what that module uses.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from cotheme import __version__
from cotheme.cli.catalog import COMMANDS
from cotheme.cli.group import LazyGroup


class RootGroup(LazyGroup):
    catalog = COMMANDS


app = typer.Typer(
    cls=RootGroup,
    help="cotheme: co-produced thematic analysis of interview studies.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"cotheme {__version__}\n")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
    acting: Annotated[
        str | None, typer.Option("--as", help="Act as this member (default: the first lead); their permission applies.")
    ] = None,
) -> None:
    """cotheme: co-produced thematic analysis of interview studies."""
    from cotheme.cli.context import set_acting

    set_acting(acting)  # whom every command acts as


def run() -> None:
    """Entry point of the ``cotheme`` script and ``python -m cotheme``."""
    app(prog_name="cotheme")
