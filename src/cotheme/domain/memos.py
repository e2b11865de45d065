"""Memos: markdown notes attached to the project, a document, a code or a coding.

Must not do I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from cotheme.errors import InvalidArgument


class MemoTarget(StrEnum):
    """What a memo is about."""

    PROJECT = "project"
    DOCUMENT = "document"
    CODE = "code"
    CODING = "coding"
    THEME = "theme"

    @classmethod
    def parse(cls, value: str) -> MemoTarget:
        try:
            return cls(value.strip().lower())
        except ValueError:
            raise InvalidArgument(
                f"'{value}' is not a memo target; use project, document, code, coding or theme."
            ) from None


@dataclass(frozen=True, slots=True)
class MemoPlace:
    """What a memo is on, named as a researcher knows it: the code's path, the document's title (and its
    participant), the theme's name; for a coding, its document and the speaker turn it starts in
    (``turn``: 1 = the first turn, as the reader counts them; ``None`` for a transcript without turns)."""

    kind: MemoTarget
    name: str = ""
    document_id: int | None = None
    turn: int | None = None

    @property
    def text(self) -> str:
        """``on code Stigma``, ``on P05``, ``on a coding in P02, turn 14``, ``on theme Trust``,
        ``on the project``."""
        if self.kind is MemoTarget.PROJECT:
            return "on the project"
        if not self.name:  # the target is gone (deleted since), or hidden from this member
            return f"on a {self.kind.value} that is no longer there"
        if self.kind is MemoTarget.CODING:
            return f"on a coding in {self.name}" + (f", turn {self.turn}" if self.turn is not None else "")
        if self.kind is MemoTarget.DOCUMENT:
            return f"on {self.name}"
        return f"on {self.kind.value} {self.name}"


@dataclass(frozen=True, slots=True)
class Memo:
    """A memo; ``target_id`` is ``None`` for a project memo. ``place`` names its target (filled by the
    services when they list memos)."""

    id: int
    text: str
    author: str | None
    target: MemoTarget
    target_id: int | None
    created_at: datetime
    updated_at: datetime
    place: MemoPlace | None = None


@dataclass(frozen=True, slots=True)
class ExtractMemo:
    """A memo written on a coding, as it is shown with that coding's extract (Retrieve, exports)."""

    id: int
    coding_id: int
    author: str | None
    text: str
