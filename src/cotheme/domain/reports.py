"""What the write-up reports hold, as plain data: the themes with quotes, the matrix of themes or
codes by an attribute, code co-occurrence and the methods appendix.

Services fill these from the project; ``cotheme.formats`` writes them as md, csv, json, html, docx or
xlsx. Must not do I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from cotheme.errors import InvalidArgument

#: How a quote names who said it: not at all, the participant id, or the id and chosen attributes.
ATTRIBUTIONS = ("none", "id", "id-attributes")
_RANGE = re.compile(r"^(\d+)\s*-\s*(\d+)$")


@dataclass(frozen=True, slots=True)
class Quote:
    """An extract as a report quotes it: text, participant id, document and chosen attributes."""

    text: str
    case: str | None
    document: str
    coding_id: int
    attributes: dict[str, str] = field(default_factory=dict)
    exemplar: bool = False
    attribution: str = ""


def parse_attribution(value: str | None, attributes: Sequence[str]) -> str:
    """The attribution mode: as given, else ``id-attributes`` when attributes were chosen, else ``id``."""
    mode = (value or ("id-attributes" if attributes else "id")).strip().lower()
    if mode not in ATTRIBUTIONS:
        raise InvalidArgument(f"--attribution must be none, id or id-attributes, not '{value}'.")
    if mode == "id-attributes" and not attributes:
        raise InvalidArgument("--attribution id-attributes needs the attributes to show: add --attributes a,b.")
    return mode


def display_value(value: str) -> str:
    """An attribute value as a journal prints it: a numeric range with an en dash ("35–44")."""
    return _RANGE.sub(r"\1–\2", value.strip())


def attribution_text(case: str | None, values: Sequence[str], mode: str) -> str:
    """``P07, woman, 35–44`` (``id-attributes``), ``P07`` (``id``) or nothing (``none``)."""
    if mode == "none":
        return ""
    parts = [case or "no participant", *(values if mode == "id-attributes" else ())]
    return ", ".join(p for p in parts if p)


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
    """One COREQ item: ``answer`` as the team wrote it or prefilled from the project, with ``where`` a
    reader finds it (a methods section, "Study page", "Table 1"); or ``TO_COMPLETE`` and no ``where``."""

    number: int
    domain: str
    topic: str
    item: str
    answer: str
    where: str = ""

    @property
    def answered(self) -> bool:
        return bool(self.where)


@dataclass(frozen=True, slots=True)
class MethodsReport:
    title: str
    sections: tuple[MethodsSection, ...]
    coreq: tuple[CoreqItem, ...]
