"""Documents (transcripts), their revisions and speaker turns.

A document's text lives in revisions; the document points at its current one. Turns are structure
over a revision's text (speaker, offsets, timestamps), never text mixed into it. Must not do I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class Turn:
    """A speaker turn over ``text[start:end]`` of one revision."""

    index: int
    speaker: str | None
    start: int
    end: int
    t_start_ms: int | None = None
    t_end_ms: int | None = None


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """Where a transcript came from and how the interview was held."""

    file_name: str = ""
    format: str = ""
    interview_date: date | None = None
    mode: str = ""
    duration_minutes: int | None = None
    interviewer: str = ""
    setting: str = ""  # where the interview took place (home, clinic, online from home, ...)
    field_notes: str = ""


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """One row of the document list: counts, not text."""

    id: int
    title: str
    case_pid: str | None
    words: int
    turns: int
    speakers: tuple[str, ...]
    codings: int
    revision: int
    coded_turns: int = 0

    @property
    def progress(self) -> float:
        """Share of turns with at least one coding (0.0-1.0)."""
        return self.coded_turns / self.turns if self.turns else 0.0


@dataclass(frozen=True, slots=True)
class Document:
    """A transcript at its current revision, with turns and source metadata."""

    id: int
    title: str
    case_pid: str | None
    revision_id: int
    revision: int
    text: str
    turns: tuple[Turn, ...] = ()
    source: SourceInfo = field(default_factory=SourceInfo)

    @property
    def speakers(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for turn in self.turns:
            if turn.speaker is not None:
                seen.setdefault(turn.speaker, None)
        return tuple(seen)
