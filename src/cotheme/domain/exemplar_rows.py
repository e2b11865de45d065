"""A row of an exemplars sheet: which extract a team marked as an illustrative quote of which theme.

A team marks rows of an extracts export (or any table naming a theme and an extract) in a spreadsheet
and loads it back; each row names its extract by coding id, or by document (or participant) and the
extract's exact text, optionally narrowed by code path and coder. Must not do I/O.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ExemplarRow:
    """One marked row; ``line`` is its line in the file (for the refusal sentence)."""

    line: int
    theme: str | None
    coding_id: int | None
    document: str | None
    case: str | None
    text: str | None
    code_paths: tuple[str, ...] = ()
    coder: str | None = None


@dataclass(frozen=True, slots=True)
class ExemplarImport:
    """What loading a sheet did: exemplars newly marked (or unmarked), those already so, rows skipped
    because their mark column was empty."""

    changed: int
    unchanged: int
    skipped: int
