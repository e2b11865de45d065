"""Members of the team: adding, listing, and choosing the coder of an action."""

from __future__ import annotations

from sqlalchemy import Connection

from cotheme.domain.names import single_line
from cotheme.domain.project import Member, Permission
from cotheme.errors import Conflict, InvalidArgument, NotFound
from cotheme.storage import accounts as accounts_repo
from cotheme.storage import study
from cotheme.storage.store import Store


def add_member(
    store: Store, name: str, role_label: str = "", permission: str = "coder", *,
    password_hash: str | None = None,
) -> Member:
    """A new member; with ``password_hash`` (``accounts.add_user``) also an account."""
    clean = single_line(name)
    if not clean:
        raise InvalidArgument("A member needs a name.")
    level = Permission.parse(permission)
    with store.write() as conn:
        if study.find_member(conn, clean):
            raise Conflict(f"There is already a member called '{clean}'.")
        member = study.insert_member(conn, clean, role_label.strip(), level)
        if password_hash is not None:
            accounts_repo.set_password_hash(conn, member.id, password_hash)
        return member


def list_members(store: Store) -> list[Member]:
    with store.read() as conn:
        return study.list_members(conn)


def resolve_coder(conn: Connection, name: str | None, *, asking: str = "who is coding with --coder NAME") -> Member:
    """The member named ``name``; with no name, the project's only member (else an error that asks
    ``asking``: each command names its own option, ``--member`` for an exemplar, ``--author`` for a memo)."""
    if name is not None:
        member = study.find_member(conn, name)
        if member is None:
            known = ", ".join(m.name for m in study.list_members(conn)) or "none yet"
            raise NotFound(
                f"No member is called '{name}' (members: {known}); add them with "
                f"'cotheme members add PROJECT \"{name}\"'."
            )
        return member
    everyone = study.list_members(conn)
    if len(everyone) == 1:
        return everyone[0]
    names = ", ".join(m.name for m in everyone) or "none yet"
    raise InvalidArgument(f"Say {asking} (members: {names}).")
