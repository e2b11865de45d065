"""Opening the PROJECT argument for a command, and the argument types every command shares."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, cast

import typer

import cotheme
from cotheme.errors import PassphraseRequired, ProjectError

if TYPE_CHECKING:  # the services load when a command opens a project, not when the command line starts
    from cotheme.services.project import Project

ProjectArg = Annotated[
    str, typer.Argument(help="A .cotheme project file or a postgresql:// URL.", show_default=False)
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print stable JSON instead of a table.")]


def interactive() -> bool:
    """True when a person can be asked (standard input is a terminal); tests replace it."""
    return sys.stdin is not None and sys.stdin.isatty()


def ask_passphrase(target: str, *, confirm: bool = False) -> str:
    """The project passphrase: ``COTHEME_PASSPHRASE``, else asked for (never an option: it would stay
    in the shell history); refused with a sentence when nobody can be asked."""
    given = os.environ.get("COTHEME_PASSPHRASE")
    if given:
        return given
    if not interactive():
        raise ProjectError(f"{target} needs a passphrase: set COTHEME_PASSPHRASE, or run the command in a terminal.")
    return str(typer.prompt(f"Passphrase for {target}", hide_input=True, confirmation_prompt=confirm, err=True))


_ACTING: list[str | None] = [None]


def set_acting(name: str | None) -> None:
    """Whom the commands of this run act as (``cotheme --as NAME``); ``None``: the first lead."""
    _ACTING[0] = name


@contextmanager
def opened(target: str) -> Iterator[Project]:
    """The project as the acting member: their permission is checked on every operation."""
    with opened_raw(target) as project:
        name = _ACTING[0]
        yield cast("Project", project.acting_as(name if name is not None else project.team.default_lead(),
                                              explicit=name is not None))


@contextmanager
def opened_raw(target: str) -> Iterator[Project]:
    """The project itself, acting as nobody (the server decides per request whom it acts as)."""
    try:
        project = cotheme.open_project(target)
    except PassphraseRequired:  # an encrypted file and no COTHEME_PASSPHRASE: ask, when we can
        if not interactive():
            raise
        project = cotheme.open_project(target, passphrase=ask_passphrase(target))
    try:
        yield project
    finally:
        project.close()
