"""What the revision history of a transcript and the review queue hand back.

Owns ``RevisionInfo`` (one revision: number, author, reason, time, size, de-identified), ``EditResult``
(what one edit did to the text and to the codings) and ``ReviewItem`` (a coding waiting for a person,
with its old text and a suggested place). Must not do I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class RevisionInfo:
    """One revision of a transcript, without its text."""

    id: int
    number: int
    author: str | None
    reason: str
    created_at: datetime
    chars: int
    words: int
    deidentified: bool = False
    current: bool = False


@dataclass(frozen=True, slots=True)
class EditResult:
    """One edit: the new revision, how many places changed, and what happened to the codings.

    ``codings`` counts codings by status (ok, moved, edited, fuzzy, review); ``review`` lists the ids
    of codings that now wait in the review queue.
    """

    document_id: int
    title: str
    revision: int
    revision_id: int
    previous_revision: int
    replacements: int
    codings: dict[str, int] = field(default_factory=dict)
    review: tuple[int, ...] = ()
    turns_removed: int = 0


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """A coding an edit left unsure (``review``) or placed by a fuzzy search (``fuzzy``) or whose text
    was edited inside its boundaries (``edited``).

    ``quote`` is its text now (for ``review``: the text on ``on_revision``, where it still sits);
    ``old_quote`` the text before the edit; ``suggestion`` a place in the current revision
    (start, end, text, score) or ``None``.
    """

    coding_id: int
    document_id: int
    document: str
    code: str
    coder: str | None
    status: str
    score: float | None
    start: int
    end: int
    quote: str
    old_quote: str | None
    on_revision: int
    current_revision: int
    suggestion: tuple[int, int, str, float] | None = None
