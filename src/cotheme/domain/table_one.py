"""Table 1 as a journal prints it: what every format of the sample report shows, decided once.

Owns the layout: the caption ("Table 1. Characteristics of participants (N = 30)"), the column head
("n (%)", "n" or "%" by style), one row per attribute (its display label) followed by its categories
indented beneath it in their defined order, the cell text with percentages rounded half up to the
chosen precision, and the notes under the table (what "not available" means, how numbers were banded,
the attributes' descriptions, why percentages may not add up to 100). Must not do I/O or format
bytes: ``formats/table_one.py`` writes this in each format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from cotheme.domain.sample import AttributeCounts, SampleTable
from cotheme.errors import InvalidArgument

#: "18-24", "6 - 12 months": two numbers joined by a hyphen (not "COVID-19" or "non-binary").
_NUMBER_RANGE = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)(?![\w.])")

#: The cell styles: count and percentage (the journal default), count only, percentage only.
STYLES = ("n-percent", "n", "percent")
DEFAULT_STYLE = "n-percent"
#: Decimal places a percentage may be given to; a sample of a few dozen does not carry more.
MAX_PRECISION = 2
_HEAD = {"n-percent": "n (%)", "n": "n", "percent": "%"}


@dataclass(frozen=True, slots=True)
class TableRow:
    """A row: an attribute's label (``level`` 0, no value) or one of its categories (``level`` 1)."""

    label: str
    level: int
    value: str = ""
    count: int | None = None


@dataclass(frozen=True, slots=True)
class TableOne:
    number: str
    title: str
    head: tuple[str, str]
    rows: tuple[TableRow, ...]
    notes: tuple[str, ...]

    @property
    def caption(self) -> str:
        return f"{self.number}. {self.title}"


def check_style(style: str) -> str:
    value = style.strip().lower()
    if value not in STYLES:
        raise InvalidArgument(f"'{style}' is not a Table 1 style; choose {', '.join(STYLES)}.")
    return value


def check_precision(precision: int) -> int:
    if not 0 <= precision <= MAX_PRECISION:
        raise InvalidArgument(f"A precision of {precision} decimal places is not offered; choose 0 to {MAX_PRECISION}.")
    return precision


def percent(count: int, n: int, precision: int) -> str:
    """``count`` of ``n`` as a percentage rounded half up (12.5 -> 13), without the % sign."""
    if n <= 0:
        return "-"
    value = (Decimal(100 * count) / Decimal(n)).quantize(Decimal(1).scaleb(-precision), rounding=ROUND_HALF_UP)
    return f"{value:.{precision}f}"


def cell(count: int, n: int, style: str, precision: int) -> str:
    if style == "n":
        return str(count)
    if style == "percent":
        return percent(count, n, precision)
    return f"{count} ({percent(count, n, precision)})"


def _notes(table: SampleTable, shown: list[AttributeCounts], style: str) -> tuple[str, ...]:
    notes = []
    missing = [a.display for a in shown if any(c.label == table.missing_label and c.count for c in a.categories)]
    if missing:
        notes.append(
            f"{table.missing_label}: the participant did not give this information or it was not recorded "
            f"({_join(missing)})."
        )
    for a in shown:
        if a.bands:
            notes.append(f"{a.display}: grouped into the bands {_join(list(a.bands))} (inclusive).")
    notes += [f"{a.display}: {_sentence(a.description)}" for a in shown if a.description]
    if style != "n":
        notes.append(f"Percentages are of all {table.n} participants and may not add up to 100 because of rounding.")
    return tuple(notes)


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def printed_range(label: str) -> str:
    """A category as a journal prints it: a range of numbers with an en dash ("18–24", "6–12 months")."""
    return _NUMBER_RANGE.sub("\\1–\\2", label)


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if text.endswith((".", "!", "?")) else text + "."


def table_one(table: SampleTable, *, style: str = DEFAULT_STYLE, precision: int = 0,
              number: str = "Table 1") -> TableOne:
    """The sample table laid out as a journal's Table 1."""
    style, precision = check_style(style), check_precision(precision)
    rows: list[TableRow] = []
    for attribute in table.attributes:
        rows.append(TableRow(attribute.display, 0))
        rows += [TableRow(printed_range(c.label), 1, cell(c.count, table.n, style, precision), c.count)
                 for c in attribute.categories]
    title = f"Characteristics of participants (N = {table.n})"
    return TableOne(number, title, ("Characteristic", _HEAD[style]), tuple(rows),
                    _notes(table, list(table.attributes), style))
