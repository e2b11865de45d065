"""Offline copies: what a working copy held when it was made, and the three-way rule for bringing it back.

A check-out freezes a ``WorkState`` (the transcripts' revisions, the codebook, the member's own codings
and memos, each by GUID) as the copy's *base*. At check-in the copy's state now (*theirs*) and the
project's now (*ours*) are compared with that base, one thing (or one field of a code) at a time:
changed only in the copy, it is taken; only in the project, it stays; the same on both sides, nothing
to do; differently on both sides, it is a conflict for a lead. Codebook changes made offline are never
applied directly: they become proposals.

Owns the state dataclasses, their JSON form, ``three_way`` and ``code_changes``. Must not read or write
a project.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Any


@dataclass(frozen=True, slots=True)
class DocState:
    title: str
    revision: int
    sha: str  # SHA-256 of the current revision's text


@dataclass(frozen=True, slots=True)
class CodeState:
    name: str
    parent: str | None  # the parent code's GUID
    definition: str = ""
    inclusion: str = ""
    exclusion: str = ""
    example: str = ""

    def fields(self, group: str) -> dict[str, Any]:
        """The values of one group of fields that change together: name, parent or definition."""
        if group == "definition":
            return {"definition": self.definition, "inclusion": self.inclusion, "exclusion": self.exclusion,
                    "example": self.example}
        return {group: getattr(self, group)}


#: The groups of a code's fields, each merged (and proposed) on its own.
CODE_GROUPS = ("name", "parent", "definition")


@dataclass(frozen=True, slots=True)
class CodingState:
    document: str  # GUIDs
    code: str
    start: int
    end: int
    quote: str
    prefix: str = ""
    suffix: str = ""

    def key(self) -> tuple[str, str, str]:
        """What a person changes about a coding: its transcript, code and passage. Its offsets and
        context move with any correction of the text, which is not a change to the coding."""
        return (self.document, self.code, self.quote)


def key_of(coding: CodingState | None) -> tuple[str, str, str] | None:
    return coding.key() if coding is not None else None


@dataclass(frozen=True, slots=True)
class MemoState:
    target: str  # project | document | code | coding | theme
    target_guid: str | None
    text: str


@dataclass(slots=True)
class WorkState:
    documents: dict[str, DocState] = field(default_factory=dict)
    codes: dict[str, CodeState] = field(default_factory=dict)
    codings: dict[str, CodingState] = field(default_factory=dict)
    memos: dict[str, MemoState] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {name: {guid: asdict(value) for guid, value in getattr(self, name).items()}
                for name in ("documents", "codes", "codings", "memos")}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> WorkState:
        return cls(
            {g: DocState(**v) for g, v in data.get("documents", {}).items()},
            {g: CodeState(**v) for g, v in data.get("codes", {}).items()},
            {g: CodingState(**v) for g, v in data.get("codings", {}).items()},
            {g: MemoState(**v) for g, v in data.get("memos", {}).items()},
        )


@dataclass(frozen=True, slots=True)
class Baseline:
    """What a working copy says about itself: where it came from, for whom, and its base state."""

    guid: str
    origin: str
    member: str
    member_guid: str
    made_at: str
    base: WorkState

    def dumps(self) -> str:
        return json.dumps({"guid": self.guid, "origin": self.origin, "member": self.member,
                           "member_guid": self.member_guid, "made_at": self.made_at, "base": self.base.to_json()})

    @classmethod
    def loads(cls, text: str) -> Baseline:
        data = json.loads(text)
        return cls(data["guid"], data["origin"], data["member"], data["member_guid"], data["made_at"],
                   WorkState.from_json(data["base"]))


class Side(Enum):
    SAME = "same"          # nothing to do
    THEIRS = "theirs"      # changed only in the copy: take it
    OURS = "ours"          # changed only in the project: keep it
    CONFLICT = "conflict"  # changed differently on both sides


def three_way(base: Any, ours: Any, theirs: Any) -> Side:
    """Which side's value stands (``None`` for "not there": deleted or never made)."""
    if theirs == base or theirs == ours:
        return Side.SAME if ours == base or theirs == ours else Side.OURS
    if ours == base:
        return Side.THEIRS
    return Side.CONFLICT


@dataclass(frozen=True, slots=True)
class MergeItem:
    """A proposal or conflict waiting for (or decided by) a lead."""

    id: int
    checkout: str
    member: str
    kind: str       # proposal | conflict
    subject: str    # code | document | coding | memo
    subject_guid: str
    field: str
    sentence: str
    ours: Any
    theirs: Any
    status: str     # open | accepted | rejected
    decided_by: str


@dataclass(slots=True)
class CheckinSummary:
    """What one check-in did, counted, and the sentences of what it left for a lead."""

    member: str
    added: dict[str, int] = field(default_factory=dict)
    changed: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)
    to_review: int = 0  # codings placed on changed text whose place is unsure (the review queue)
    queued: list[str] = field(default_factory=list)

    def count(self, what: dict[str, int], kind: str) -> None:
        what[kind] = what.get(kind, 0) + 1

    def as_json(self) -> dict[str, Any]:
        return {"member": self.member, "added": self.added, "changed": self.changed, "deleted": self.deleted,
                "to_review": self.to_review, "queued": self.queued}
