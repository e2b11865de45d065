"""Opening the PROJECT argument for a command, and the argument types every command shares."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer

import cotheme
from cotheme.services.project import Project

ProjectArg = Annotated[
    str, typer.Argument(help="A .cotheme project file or a postgresql:// URL.", show_default=False)
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print stable JSON instead of a table.")]


@contextmanager
def opened(target: str) -> Iterator[Project]:
    project = cotheme.open_project(target)
    try:
        yield project
    finally:
        project.close()
