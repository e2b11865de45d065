"""The team operations of ``Project``, as a mixin so ``project.py`` stays one screenful of
delegations: acting as a member, accounts and sessions, assignments and progress, blind documents, the
codebook's history and revisions (merge, split, delete, undo), and the audit trail.

Each method delegates to the service that owns it and adds no rules; permissions are checked by
``acting.ActingProject``, the view every entry point uses.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from cotheme.lazy import lazy
from cotheme.domain.project import Member, Permission
from cotheme.errors import NotFound, ProjectError
from cotheme.services.acting import ActingProject
from cotheme.storage.store import Store

if TYPE_CHECKING:
    from cotheme.domain.codebook import Code
    from cotheme.domain.history import CodebookChange, CodebookDiff
    from cotheme.domain.team import Account, Assignment, AuditEntry, Progress, Session
    from cotheme.services import accounts
    from cotheme.services import assignments
    from cotheme.services import audit
    from cotheme.services import codebook_changes
    from cotheme.services import history
else:
    accounts = lazy("cotheme.services.accounts")
    assignments = lazy("cotheme.services.assignments")
    audit = lazy("cotheme.services.audit")
    codebook_changes = lazy("cotheme.services.codebook_changes")
    history = lazy("cotheme.services.history")


class TeamMixin:
    """Team operations; ``Project`` provides ``_store`` and ``members()``."""

    _store: Store

    def members(self) -> list[Member]:  # pragma: no cover - Project's own
        raise NotImplementedError

    # -- acting as a member ------------------------------------------------------------------
    def acting_as(self, member: Member | str | int, *, explicit: bool = True) -> ActingProject:
        """This project as ``member`` (a ``Member``, a name or an id) sees and may change it."""
        if isinstance(member, Member):
            return ActingProject(self, member, explicit=explicit)  # type: ignore[arg-type]
        wanted = str(member).strip().casefold()
        found = next((m for m in self.members() if m.name.casefold() == wanted or str(m.id) == wanted), None)
        if found is None:
            known = ", ".join(m.name for m in self.members())
            raise NotFound(f"No member is called '{member}' (members: {known}).")
        return ActingProject(self, found, explicit=explicit)  # type: ignore[arg-type]

    def default_lead(self) -> Member:
        """The first active lead: whom the command line acts as without ``--as``."""
        active = {a.member.id for a in self.users() if a.active}
        lead = next((m for m in self.members() if m.permission is Permission.LEAD and m.id in active), None)
        if lead is None:
            raise ProjectError("The project has no active lead; make one with 'cotheme user set PROJECT NAME --permission lead'.")
        return lead

    # -- accounts ------------------------------------------------------------------------------
    def users(self) -> list[Account]:
        return accounts.accounts(self._store)

    def add_user(self, name: str, password: str | None = None, *, role_label: str = "",
                 permission: str = "coder") -> Member:
        """A new member, with an account (a password, hashed with argon2) when one is given."""
        return accounts.add_user(self._store, name, password, role_label, permission)

    def set_password(self, name: str, password: str) -> Member:
        return accounts.set_password(self._store, name, password)

    def set_user(self, name: str, *, new_name: str | None = None, role_label: str | None = None,
                 permission: str | None = None, active: bool | None = None) -> Account:
        return accounts.set_user(self._store, name, new_name=new_name, role_label=role_label,
                                 permission=permission, active=active)

    def team_mode(self) -> bool:
        """True when any member has a password: a server then asks everyone to log in."""
        return accounts.team_mode(self._store)

    def login(self, name: str, password: str, address: str = "") -> Session:
        return accounts.login(self._store, name, password, address)

    def session_member(self, token: str) -> Member | None:
        return accounts.session_member(self._store, token)

    def logout(self, token: str) -> None:
        accounts.logout(self._store, token)

    # -- assignments, progress, blind documents ----------------------------------------------
    def assign(self, document: str | int, coders: Sequence[str] = (), *, remove: bool = False,
               blind: bool | None = None, everyone: bool = False) -> list[Assignment]:
        return assignments.assign(self._store, document, coders, remove=remove, blind=blind, everyone=everyone)

    def assignments(self, member: int | None = None) -> list[Assignment]:
        return assignments.assignments(self._store, member)

    def queue(self, member: str | int) -> list[Progress]:
        """The documents assigned to ``member`` (name or id) with their progress."""
        found = self.acting_as(member).member
        return assignments.queue(self._store, found.id)

    def progress(self, coder: str | None = None) -> list[Progress]:
        return assignments.progress(self._store, coder)

    def set_blind(self, document: str | int, blind: bool = True) -> bool:
        """Blind: each coder sees only their own codings; ``False`` reveals the document to everyone."""
        return assignments.set_blind(self._store, document, blind)

    def blind_documents(self) -> set[int]:
        return assignments.blind_documents(self._store)

    # -- the codebook's history --------------------------------------------------------------
    def codebook_history(self, code: int | None = None) -> list[CodebookChange]:
        return history.history(self._store, code)

    def codebook_as_of(self, when: str | date | datetime) -> list[Code]:
        return history.as_of(self._store, when)

    def codebook_diff(self, since: str | date | datetime, until: str | date | datetime) -> CodebookDiff:
        return history.codebook_diff(self._store, since, until)

    def undo_codebook(self, rationale: str = "") -> CodebookChange:
        """Take back the newest codebook change not yet undone (itself recorded as a change)."""
        return history.undo(self._store, rationale)

    def merge_codes(self, sources: Sequence[str | int], into: str | int, *, rationale: str = "") -> Code:
        return codebook_changes.merge(self._store, sources, into, rationale)

    def split_code(self, code: str | int, parts: Mapping[str, Sequence[int]], *, keep: bool = True,
                   rationale: str = "") -> list[Code]:
        return codebook_changes.split(self._store, code, parts, keep=keep, rationale=rationale)

    def delete_code(self, code: str | int, *, move_to: str | int | None = None, rationale: str = "") -> None:
        codebook_changes.delete(self._store, code, move_to=move_to, rationale=rationale)

    # -- the audit trail ---------------------------------------------------------------------
    def audit(self, *, table: str | None = None, since: str | None = None, limit: int | None = None) -> list[AuditEntry]:
        """Recorded changes, newest first (only one table's, or since a date, when given)."""
        return audit.entries(self._store, table=table, since=since, limit=limit)

    def export_audit(self, path: str | Path, *, table: str | None = None, since: str | None = None) -> Path:
        return audit.export(self._store, Path(path), table=table, since=since)
