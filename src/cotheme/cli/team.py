"""``cotheme members``, ``cotheme memo`` and ``cotheme study``: the team, its memos and the study's
metadata."""

from __future__ import annotations

from typing import Annotated

import typer

from cotheme.cli.context import JsonOpt, ProjectArg, opened
from cotheme.cli.output import Group, print_json, print_table, say
from cotheme.domain.plain import plain
from cotheme.domain.plural import counted
from cotheme.domain.project import STUDY_FIELDS
from cotheme.domain.study_fields import FIELDS

members_app = typer.Typer(cls=Group, help="The people on the team.", no_args_is_help=True)
memo_app = typer.Typer(cls=Group, help="Memos on the project, a document, a code or a coding.", no_args_is_help=True)
study_app = typer.Typer(cls=Group, help="The study's metadata and the fields that answer the COREQ checklist.",
                        no_args_is_help=True)


@members_app.command("add")
def add_member(
    project: ProjectArg,
    name: Annotated[str, typer.Argument(help="Display name.")],
    role_label: Annotated[str, typer.Option("--role-label", help='e.g. "expert by experience".')] = "",
    permission: Annotated[str, typer.Option("--permission", help="lead, coder or viewer.")] = "coder",
) -> None:
    """Add a member of the team.

    Example: cotheme members add study.cotheme "Rowan Pike" --role-label "expert by experience"
    """
    with opened(project) as p:
        member = p.team.add_member(name, role_label, permission)
    say(f"Added {member.name} ({member.permission.value}).")


@members_app.command("list")
def list_members(project: ProjectArg, as_json: JsonOpt = False) -> None:
    """List the team.

    Example: cotheme members list study.cotheme
    """
    with opened(project) as p:
        people = p.team.members()
    if as_json:
        print_json(people)
        return
    print_table("Members", ["id", "name", "role", "permission"],
                ([m.id, m.name, m.role_label, m.permission.value] for m in people))


@memo_app.command("add")
def add_memo(
    project: ProjectArg,
    text: Annotated[str, typer.Argument(help="Markdown text.")],
    on: Annotated[str, typer.Option("--on", help="project, document, code, coding or theme.")] = "project",
    ref: Annotated[str | None, typer.Option("--ref", help="Which document, code or coding (id or name).")] = None,
    author: Annotated[str | None, typer.Option("--author", help="Member name.")] = None,
) -> None:
    """Write a memo.

    Example: cotheme memo add study.cotheme "Trust comes up early." --on document --ref P03
    """
    with opened(project) as p:
        memo = p.memos.add(text, target=on, ref=ref, author=author)
    say(f"Saved memo {memo.id} {memo.place.text if memo.place else 'on the ' + memo.target.value}.")


@memo_app.command("list")
def list_memos(project: ProjectArg, as_json: JsonOpt = False) -> None:
    """List memos, newest first, each with what it is on ("on code Stigma", "on P05", "on a coding in
    P02, turn 14").

    Example: cotheme memo list study.cotheme --json
    """
    with opened(project) as p:
        found = p.memos.list()
    if as_json:
        print_json([plain(m) | {"about": m.place.text if m.place else ""} for m in found])
        return
    print_table(counted(len(found), "memo"), ["id", "on", "author", "time", "text"],
                ([m.id, m.place.text if m.place else m.target.value, m.author,
                  m.created_at.strftime("%Y-%m-%d %H:%M"), m.text] for m in found))


@study_app.command("show")
def show(project: ProjectArg, as_json: JsonOpt = False) -> None:
    """Show the study's metadata and the Study page's fields (what the team wrote, else what the
    project would answer by itself, marked "from the project").

    Example: cotheme study show study.cotheme --json
    """
    with opened(project) as p:
        info = p.study.info()
        entries = p.study.get()
    if as_json:
        data: dict[str, object] = {f: getattr(info, f) for f in STUDY_FIELDS}
        data["fields"] = {e.field.name: {"label": e.field.label, "section": e.field.section, "coreq_item": e.field.item,
                                         "value": e.value, "prefilled": e.prefilled} for e in entries}
        print_json(data)
        return
    rows: list[list[object]] = [[f, "", getattr(info, f)] for f in STUDY_FIELDS]
    rows += [[e.field.name, e.field.item or "", e.value or (f"(from the project) {e.prefilled}" if e.prefilled else "")]
             for e in entries]
    print_table("Study", ["field", "COREQ", "value"], rows)


@study_app.command("fields")
def fields(as_json: JsonOpt = False) -> None:
    """List the fields 'cotheme study set' accepts, with the COREQ item each answers.

    Example: cotheme study fields
    """
    listed = [{"name": f, "section": "Study", "coreq_item": None, "label": f.replace("_", " ").capitalize(),
               "choices": []} for f in STUDY_FIELDS]
    listed += [{"name": f.name, "section": f.section, "coreq_item": f.item, "label": f.label,
                "choices": list(f.choices)} for f in FIELDS]
    if as_json:
        print_json(listed)
        return
    print_table("Study fields", ["field", "section", "COREQ", "label"],
                ([x["name"], x["section"], x["coreq_item"] or "", x["label"] + (
                    f" ({' | '.join(x['choices'])})" if x["choices"] else "")] for x in listed))


@study_app.command("set")
def set_field(
    project: ProjectArg,
    field: Annotated[str, typer.Argument(help="A field that 'cotheme study fields' lists.")],
    value: Annotated[str, typer.Argument(help="The new value (\"\" clears a COREQ field).")],
) -> None:
    """Set one field of the study: its metadata or an answer to the COREQ checklist.

    Example: cotheme study set study.cotheme ethics_reference "REC 24/LO/0001"

    Example: cotheme study set study.cotheme sampling "Purposive, by age, gender and service use"
    """
    with opened(project) as p:
        stored = p.study.set(field, value)
    name = field.strip().lower().replace("-", "_")
    say(f"Set {name}." if stored else f"Cleared {name}.")
