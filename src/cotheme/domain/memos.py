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
class Memo:
    """A memo; ``target_id`` is ``None`` for a project memo."""

    id: int
    text: str
    author: str | None
    target: MemoTarget
    target_id: int | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class ExtractMemo:
    """A memo written on a coding, as it is shown with that coding's extract (Retrieve, exports)."""

    id: int
    coding_id: int
    author: str | None
    text: str
