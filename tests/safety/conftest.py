"""A project with something in every kind of table (the demo study, an edited transcript, a list of
names), on SQLite and PostgreSQL, and a dump of every table to compare two projects by."""

from __future__ import annotations

from typing import Any

import pytest

import cotheme
from cotheme.services import demo
from cotheme.services.project import Project


def fill(project: Project) -> None:
    meta = demo.study()
    demo._fill(project, meta, meta["members"][1:])  # noqa: SLF001 - the demo's own filling, on any engine
    project.edit_document("P01", replace="GP", with_text="doctor", all=True, author=meta["members"][0]["name"])
    project.deid_add_name("Sarah Jones", role="staff", replacement="[Staff member A]")


@pytest.fixture
def full(target: str) -> str:
    """``target`` holding the full demo study (closed again)."""
    with cotheme.create_project(target, title=demo.study()["title"], lead=demo.study()["members"][0]["name"]) as project:
        fill(project)
    return target


def dump(target: str, passphrase: str | None = None) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows of the project at ``target`` (timestamps in UTC)."""
    from cotheme.storage.backup import table_dump

    with cotheme.open_project(target, passphrase=passphrase) as project:
        with project._store.read() as conn:  # noqa: SLF001 - below the services, on purpose
            return table_dump(conn)
