"""What the write-up reports hold, as plain data: the themes with quotes, the matrix of themes or
codes by an attribute, code co-occurrence and the methods appendix.

Services fill these from the project; ``cotheme.formats`` writes them as md, csv, json, html, docx or
xlsx. Must not do I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Quote:
    """An extract as a report quotes it: text, participant id, document and chosen attributes."""

    text: str
    case: str | None
    document: str
    coding_id: int
    attributes: dict[str, str] = field(default_factory=dict)
    exemplar: bool = False


@dataclass(frozen=True, slots=True)
class ReportTheme:
    """One theme in hierarchy order; ``children`` are its subthemes' names."""

    name: str
    level: int
    definition: str
    status: str
    children: tuple[str, ...]
    quotes: tuple[Quote, ...]
    extracts: int
    participants: int


@dataclass(frozen=True, slots=True)
class ThemesReport:
    title: str
    themes: tuple[ReportTheme, ...]


@dataclass(frozen=True, slots=True)
class MatrixRow:
    label: str
    level: int
    values: tuple[int, ...]
    total: int


@dataclass(frozen=True, slots=True)
class Matrix:
    """Rows (themes or codes) x the categories of attribute ``by``; ``count`` says what a cell counts.

    ``totals`` is per column (participants in that category, or all extracts in it).
    """

    title: str
    by: str
    count: str
    rows_kind: str
    columns: tuple[str, ...]
    rows: tuple[MatrixRow, ...]
    totals: tuple[int, ...]
    #: Code rows count each code with its sub-codes (a passage coded with both once); theme rows always do.
    subcodes: bool = True


@dataclass(frozen=True, slots=True)
class Cooccurrence:
    """Codes x codes: ``counts[i][j]`` is how often code i and code j meet in one ``unit``
    (overlapping extracts, or the same speaker turn); the diagonal is each code's own count."""

    title: str
    unit: str
    codes: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]
    #: Each code stands for itself and its sub-codes (a code and its own sub-code are not compared).
    subcodes: bool = True


@dataclass(frozen=True, slots=True)
class MethodsSection:
    title: str
    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CoreqItem:
    """One COREQ item: ``answer`` is prefilled from the project, or ``TO_COMPLETE``."""

    number: int
    domain: str
    topic: str
    item: str
    answer: str


@dataclass(frozen=True, slots=True)
class MethodsReport:
    title: str
    sections: tuple[MethodsSection, ...]
    coreq: tuple[CoreqItem, ...]
