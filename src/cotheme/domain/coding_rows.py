"""A row of a codings sheet: one coding to add, as a script or a spreadsheet writes it.

A row names its document, its code, its span (``start``/``end`` offsets in code points, or the exact
``quote`` to find), and optionally the coder and a memo on the new coding. Must not do I/O.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CodingRow:
    """One row; ``row`` is its row number in the file, as a spreadsheet shows it (for the sentence)."""

    row: int
    document: str
    code: str
    start: int | None = None
    end: int | None = None
    quote: str | None = None
    coder: str | None = None
    memo: str | None = None


@dataclass(frozen=True, slots=True)
class CodingsImport:
    """What loading a sheet added: the new codings' ids in row order, and how many memos."""

    coding_ids: tuple[int, ...]
    memos: int

    @property
    def codings(self) -> int:
        return len(self.coding_ids)

    def sentence(self, filename: str) -> str:
        """The one line every face prints after a sheet was loaded."""
        memos = f" and {self.memos} memo{'' if self.memos == 1 else 's'}" if self.memos else ""
        return f"Added {self.codings} coding{'' if self.codings == 1 else 's'}{memos} from {filename}."


@dataclass(frozen=True, slots=True)
class PlannedCoding:
    """A row as it was (or would be) coded: the span found, the quote there and the coder."""

    row: int
    document: str
    code: str
    start: int
    end: int
    text: str
    coder: str
    memo: str | None
    coding_id: int


@dataclass(frozen=True, slots=True)
class CodingsPreview:
    """What loading a sheet would add, row by row; or ``error``, the sentence it would be refused with."""

    file: str
    rows: tuple[PlannedCoding, ...] = ()
    error: str | None = None

    @property
    def memos(self) -> int:
        return sum(1 for r in self.rows if r.memo)
