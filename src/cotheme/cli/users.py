"""``cotheme user``: accounts on a team server (members with passwords).

Passwords are never options (they would stay in the shell history and in ``ps``): they are asked for
twice without echo, or, for scripts, read from ``COTHEME_PASSWORD``.
"""

from __future__ import annotations

import getpass
import os
from typing import Annotated

import typer

from cotheme.cli import context
from cotheme.cli.context import JsonOpt, ProjectArg, opened
from cotheme.cli.output import Group, print_json, print_table, say
from cotheme.errors import InvalidArgument

PASSWORD_ENV = "COTHEME_PASSWORD"
app = typer.Typer(cls=Group, help="Accounts on a team server: members who log in.", no_args_is_help=True)


def ask_password(name: str) -> str:
    """A new password for ``name``: ``COTHEME_PASSWORD``, else asked twice in a terminal."""
    given = os.environ.get(PASSWORD_ENV)
    if given:
        return given
    if not context.interactive():
        raise InvalidArgument(f"Set {PASSWORD_ENV}, or run the command in a terminal to be asked for {name}'s password.")
    first = getpass.getpass(f"New password for {name}: ")
    if first != getpass.getpass("The same again: "):
        raise InvalidArgument("The two passwords differ; nothing was changed.")
    return first


@app.command("add")
def add(
    project: ProjectArg,
    name: Annotated[str, typer.Argument(help="Display name (also the login name).")],
    role_label: Annotated[str, typer.Option("--role-label", help='e.g. "peer researcher".')] = "",
    permission: Annotated[str, typer.Option("--permission", help="lead, coder or viewer.")] = "coder",
    no_password: Annotated[bool, typer.Option("--no-password", help="A member without an account (cannot log in).")] = False,
) -> None:
    """Add a member with an account; the password is asked for twice (or COTHEME_PASSWORD).

    Example: cotheme user add study.cotheme "Rowan Pike" --role-label "peer researcher" --permission coder
    """
    password = None if no_password else ask_password(name)
    with opened(project) as p:
        member = p.team.add_user(name, password, role_label=role_label, permission=permission)
    say(f"Added {member.name} ({member.permission.value})" + ("." if no_password else ", who can log in."))


@app.command("list")
def list_users(project: ProjectArg, as_json: JsonOpt = False) -> None:
    """List members with their permission, whether they have an account and are active.

    Example: cotheme user list study.cotheme
    """
    with opened(project) as p:
        found = p.team.users()
    if as_json:
        print_json(found)
        return
    print_table("Users", ["id", "name", "role", "permission", "account", "active"],
                ([a.member.id, a.member.name, a.member.role_label, a.member.permission.value,
                  "yes" if a.has_password else "no", "yes" if a.active else "no"] for a in found))


@app.command("set")
def set_user(
    project: ProjectArg,
    name: Annotated[str, typer.Argument(help="The member to change.")],
    new_name: Annotated[str | None, typer.Option("--name", help="A new display name.")] = None,
    role_label: Annotated[str | None, typer.Option("--role-label", help="A new role label.")] = None,
    permission: Annotated[str | None, typer.Option("--permission", help="lead, coder or viewer.")] = None,
    active: Annotated[bool | None, typer.Option("--active/--inactive", help="An inactive member cannot log in; their sessions end.")] = None,
) -> None:
    """Change a member's name, role label, permission, or whether they may log in.

    Example: cotheme user set study.cotheme "Rowan Pike" --permission lead
    """
    with opened(project) as p:
        account = p.team.set_user(name, new_name=new_name, role_label=role_label, permission=permission, active=active)
    say(f"{account.member.name}: {account.member.permission.value}, "
        f"{'active' if account.active else 'inactive'}.")


@app.command("passwd")
def passwd(
    project: ProjectArg,
    name: Annotated[str, typer.Argument(help="The member whose password to set.")],
) -> None:
    """Set a member's password (asked twice, or COTHEME_PASSWORD); their open sessions end.

    Example: cotheme user passwd study.cotheme "Rowan Pike"
    """
    password = ask_password(name)
    with opened(project) as p:
        member = p.team.set_password(name, password)
    say(f"Set the password of {member.name}.")
