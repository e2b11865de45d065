"""Codings (a code applied to a span of a transcript revision) and extracts (a coding in context).

Must not do I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Coding:
    """A code applied by a coder to ``start``-``end`` (code points) of one document revision."""

    id: int
    document_id: int
    revision_id: int
    code_id: int
    coder_id: int | None
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    created_at: datetime
    updated_at: datetime


@dataclass(slots=True)
class Extract:
    """A coding with what a reader needs to see it in context.

    Read-only by convention, but not ``frozen``: a frozen dataclass sets each field through
    ``object.__setattr__``, which made building 10,000 extracts take a fifth of reading them.
    """

    id: int
    document_id: int
    document: str
    case_pid: str | None
    speaker: str | None
    code_id: int
    code: str
    code_path: str
    coder: str | None
    start: int
    end: int
    text: str
    created_at: datetime
