"""The extracts table a researcher downloads (CSV or XLSX): which extracts it holds and its columns.

Owns the filter (codes with or without their sub-codes, any or all overlapping, documents, coders,
participant attributes), the rule that a passage coded with a code and one of its sub-codes appears
once (its code paths joined), and the fixed columns. Must not read storage or write files.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple, TypeVar

from cotheme.domain.hierarchy import group_passages

T = TypeVar("T")

#: The columns before the attributes, one per attribute after them, in the project's attribute order.
COLUMNS = ("document", "case", "speaker", "start time", "end time", "turn", "code path", "coder", "text", "memo")


@dataclass(frozen=True, slots=True)
class ExtractFilter:
    """Which extracts go into the table; every part left empty means "all".

    ``codes`` are code ids or names/paths; with ``subcodes`` each stands for itself and every code
    below it. ``mode`` ``and`` keeps the first code's extracts that every other code overlaps.
    ``attributes`` maps an attribute to the values accepted for it (any of them; every attribute
    named must match). ``show`` limits the attribute columns (default: every attribute)."""

    codes: tuple[int | str, ...] = ()
    mode: str = "or"
    subcodes: bool = True
    documents: tuple[int | str, ...] = ()
    coders: tuple[str, ...] = ()
    attributes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    show: tuple[str, ...] | None = None


class ExtractRow(NamedTuple):
    """One row: an extract (several codings of one passage merged) with its place, memos and the
    participant's attribute values in the table's attribute order. A named tuple: building 9,000
    frozen dataclasses took a fifth of the whole export."""

    document: str
    case: str | None
    speaker: str | None
    start_ms: int | None
    end_ms: int | None
    turn: int | None
    code_path: str
    coder: str | None
    text: str
    memo: str
    values: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ExtractTable:
    title: str
    attributes: tuple[str, ...]
    rows: tuple[ExtractRow, ...]

    @property
    def header(self) -> tuple[str, ...]:
        return COLUMNS + self.attributes


def parse_attribute_filters(items: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """``NAME=VALUE`` items (repeatable; a repeated name accepts any of its values); items without
    ``=`` or with an empty value are ignored, as an "any" choice in a form sends them."""
    found: dict[str, list[str]] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if sep and name.strip() and value.strip():
            found.setdefault(name.strip(), []).append(value.strip())
    return {name: tuple(values) for name, values in found.items()}


def merge_passages(items: Iterable[tuple[Hashable, str, int, T]]) -> list[tuple[T, str, tuple[int, ...]]]:
    """Rows in reading order with codings of the same passage (document, span and coder) merged into
    one: (the first row, its code paths joined with ``; ``, every coding id merged). Each item is (its
    passage, its code path, its coding id, the row). With sub-codes a passage coded with a code and its
    sub-code would otherwise be listed twice (the rule: ``domain/hierarchy.py``)."""
    return [(row, "; ".join(paths), ids) for row, paths, ids in group_passages(items)]


def clock(ms: int | None) -> str:
    """``hh:mm:ss`` of a time in milliseconds, as transcripts show it; empty when unknown."""
    if ms is None:
        return ""
    seconds = ms // 1000
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
