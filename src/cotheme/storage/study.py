"""Repository of the study's settings (title, metadata, options) and its members.

Settings are key/value rows so later issues can add options without a migration.
"""

from __future__ import annotations

from dataclasses import fields
from functools import cache
from typing import Any

from sqlalchemy import Connection, String, bindparam, delete, func, insert, select, update

from cotheme.domain.project import Member, Permission, ProjectInfo
from cotheme.storage.schema import members, settings
from cotheme.storage.store import now


def read_info(conn: Connection) -> ProjectInfo:
    stored = dict(conn.execute(select(settings.c.key, settings.c.value)).all())
    known = {f.name for f in fields(ProjectInfo)}
    return ProjectInfo(**{k: v for k, v in stored.items() if k in known})


def write_settings(conn: Connection, values: dict[str, str]) -> None:
    """Set each key to its value (insert or replace)."""
    for key, value in values.items():
        conn.execute(delete(settings).where(settings.c.key == key))
        conn.execute(insert(settings).values(key=key, value=value))


def read_setting(conn: Connection, key: str) -> str | None:
    return conn.execute(select(settings.c.value).where(settings.c.key == key)).scalar_one_or_none()


def _member(row: object) -> Member:
    return Member(
        id=row.id,  # type: ignore[attr-defined]
        name=row.name,  # type: ignore[attr-defined]
        role_label=row.role_label,  # type: ignore[attr-defined]
        permission=Permission(row.permission),  # type: ignore[attr-defined]
    )


def list_members(conn: Connection) -> list[Member]:
    return [_member(r) for r in conn.execute(select(members).order_by(members.c.id))]


def find_member(conn: Connection, name: str) -> Member | None:
    """The member whose name matches ``name`` ignoring case and surrounding space."""
    row = conn.execute(_member_by_name(), {"cotheme_name": name.strip()}).first()
    return _member(row) if row else None


@cache
def _member_by_name() -> Any:
    """``find_member``'s statement, built once (every coding names its coder)."""
    return select(members).where(func.lower(members.c.name) == func.lower(bindparam("cotheme_name", type_=String)))


def insert_member(conn: Connection, name: str, role_label: str, permission: Permission) -> Member:
    new_id = conn.execute(
        insert(members).values(
            name=name, role_label=role_label, permission=permission.value, created_at=now()
        )
    ).inserted_primary_key[0]  # type: ignore[index]
    return Member(id=new_id, name=name, role_label=role_label, permission=permission)


def update_member(conn: Connection, member_id: int, **values: str) -> None:
    conn.execute(update(members).where(members.c.id == member_id).values(**values))
