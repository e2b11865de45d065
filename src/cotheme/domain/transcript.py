"""What a format reader hands to the importer: canonical text plus speaker turns.

A ``ParsedTranscript`` is produced by ``cotheme.formats`` from bytes and consumed by the import service.
It owns the invariants of a parsed transcript (NFC text with ``\\n`` line ends, turns that lie inside the
text in order and do not overlap) and checks them in ``__post_init__``. It must not do any I/O.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class TurnDraft:
    """One speaker turn: ``text[start:end]`` in code points, with optional timestamps in milliseconds."""

    speaker: str | None
    start: int
    end: int
    t_start_ms: int | None = None
    t_end_ms: int | None = None


@dataclass(frozen=True, slots=True)
class ParsedTranscript:
    """Canonical text (NFC, ``\\n`` line ends) and its turns, as read from one source file.

    ``format`` names the reader (``txt``, ``md``, ``docx``, ``pdf``, ``vtt``, ``srt``, ``otter``);
    ``metadata`` carries what the file itself says (e.g. ``{"variant": "zoom"}``).
    """

    text: str
    turns: tuple[TurnDraft, ...]
    format: str
    metadata: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if "\r" in self.text:
            raise ValueError("canonical text must use \\n line ends")
        if not unicodedata.is_normalized("NFC", self.text):
            raise ValueError("canonical text must be NFC")
        last_end = 0
        for turn in self.turns:
            if not (last_end <= turn.start <= turn.end <= len(self.text)):
                raise ValueError(f"turn {turn} is out of order or outside the text")
            last_end = turn.end

    @property
    def speakers(self) -> list[str]:
        """Distinct speaker labels in order of first appearance (``None`` excluded)."""
        seen: dict[str, None] = {}
        for turn in self.turns:
            if turn.speaker is not None:
                seen.setdefault(turn.speaker, None)
        return list(seen)
