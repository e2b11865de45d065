"""Live events: what a page open on the team server is told as others change the project.

An event is one changed row of the audit trail, said small: what kind of thing changed, which one, in
which transcript, by whom, and for changes a coder must not miss (a code renamed, moved, merged away or
deleted while they use it) a sentence to announce. Pages fetch what they show through the ordinary
read paths, so an event carries no quote, memo text or definition.

Owns ``LiveEvent``, ``Presence`` and ``event_of``. Must not read or filter anything: who may see an
event is decided in storage by the visibility rule, before an event is made.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

#: The audit trail's table -> the kind of thing an event is about.
KINDS = {"codings": "coding", "memos": "memo", "codes": "code", "themes": "theme", "documents": "document"}


@dataclass(frozen=True, slots=True)
class LiveEvent:
    id: int                 # the audit row's id: the stream's event id, and where a feed resumes
    at: datetime
    actor: str              # the member who made the change ("" for none)
    kind: str               # coding | memo | code | theme | document
    action: str             # insert | update | delete
    row_id: int | None      # the coding's, memo's, code's, theme's or transcript's id
    document_id: int | None
    code_id: int | None
    announce: str           # a sentence for changes a coder must not miss, else ""

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "at": self.at.isoformat(), "actor": self.actor, "kind": self.kind,
                "action": self.action, "row_id": self.row_id, "document_id": self.document_id,
                "code_id": self.code_id, "announce": self.announce}


@dataclass(frozen=True, slots=True)
class Presence:
    """A member who has a transcript open now."""

    member_id: int
    name: str
    role_label: str
    permission: str

    def as_json(self) -> dict[str, Any]:
        return {"member_id": self.member_id, "name": self.name, "role_label": self.role_label,
                "permission": self.permission}


def _int(value: Any) -> int | None:
    try:
        return int(value) if value is not None and value != "" else None
    except (TypeError, ValueError):
        return None


def event_of(audit_id: int, at: datetime, actor: str, action: str, table: str, row_id: str,
             values: dict[str, Any], before: dict[str, Any]) -> LiveEvent:
    """The event for one audit row; ``values`` is the row after the change (before it, for a deletion)."""
    kind = KINDS.get(table, table)
    document_id = _int(values.get("id")) if kind == "document" else _int(values.get("document_id"))
    code_id = _int(values.get("id")) if kind == "code" else _int(values.get("code_id"))
    announce = _code_sentence(actor or "Someone", action, values, before) if kind == "code" else ""
    return LiveEvent(audit_id, at, actor, kind, action, _int(row_id), document_id, code_id, announce)


def _code_sentence(actor: str, action: str, after: dict[str, Any], before: dict[str, Any]) -> str:
    name = str(after.get("name") or before.get("name") or "")
    if action == "insert":
        return f"{actor} added the code “{name}”."
    if action == "delete":
        return f"{actor} deleted the code “{name}”."
    old = str(before.get("name") or "")
    if old and old != name:
        return f"{actor} renamed the code “{old}” to “{name}”."
    if before.get("parent_id") != after.get("parent_id"):
        return f"{actor} moved the code “{name}” in the codebook."
    if before.get("definition") != after.get("definition"):
        return f"{actor} changed the definition of the code “{name}”."
    return ""
