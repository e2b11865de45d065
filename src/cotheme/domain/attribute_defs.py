"""Attribute definitions: how a participant attribute is presented in the write-up.

Owns ``AttributeDefinition`` (display label, category order, description, shown in Table 1), the
rules a definition must keep (one-line label and categories, lengths), reading an order written as
text (``woman,man,"Mixed, other"``: commas separate, double quotes keep a comma), Placing
categories in that order is ``domain.sample``'s (it owns every category order). Must not do I/O.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass, replace

from cotheme.domain.names import single_line
from cotheme.errors import InvalidArgument

#: Longest display label (the column that stores it holds 200 characters).
MAX_LABEL = 200
#: Longest description: a footnote, not an essay.
MAX_DESCRIPTION = 2000
#: Most categories one order may name.
MAX_CATEGORIES = 200
_TRUE = {"yes", "y", "true", "1", "shown", "show", "x"}
_FALSE = {"no", "n", "false", "0", "hidden", "hide"}


@dataclass(frozen=True, slots=True)
class AttributeDefinition:
    """How attribute ``name`` is shown: ``label`` ("" = the name), ``order`` of its categories,
    ``description`` (a Table 1 footnote) and whether Table 1 ``shown`` it."""

    name: str
    label: str = ""
    order: tuple[str, ...] = ()
    description: str = ""
    shown: bool = True

    @property
    def display(self) -> str:
        """What a reader sees: the label, or the attribute's name when it has none."""
        return self.label or self.name


def parse_order(text: str) -> tuple[str, ...]:
    """``'woman, man, "Mixed, other"'`` -> the categories in that order (empty entries dropped)."""
    if not text.strip():
        return ()
    try:
        cells = next(csv.reader([" ".join(text.splitlines())], skipinitialspace=True))
    except csv.Error:
        raise InvalidArgument(
            f"The order '{text}' cannot be read; separate categories with commas and put a category "
            "that holds a comma in double quotes."
        ) from None
    return tuple(cell.strip() for cell in cells if cell.strip())


def order_text(order: Sequence[str]) -> str:
    """The order written back as text that ``parse_order`` reads again."""
    return ", ".join(f'"{c}"' if ("," in c or '"' in c) else c for c in order)


def parse_shown(value: str | None, where: str) -> bool:
    """A sheet's ``shown`` cell: yes/no, true/false, 1/0; empty means shown."""
    if value is None or not value.strip():
        return True
    word = value.strip().casefold()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise InvalidArgument(f"{where}: '{value}' in the column 'shown' is neither yes nor no; write yes or no.")


def checked(definition: AttributeDefinition, missing_label: str) -> AttributeDefinition:
    """``definition`` cleaned (one-line label and categories, no duplicates), or the sentence why not.

    The missing label may not be placed: "not available" always comes last, so it is left out."""
    label = single_line(definition.label)
    if len(label) > MAX_LABEL:
        raise InvalidArgument(f"The label of '{definition.name}' is {len(label)} characters; keep it to {MAX_LABEL}.")
    description = definition.description.strip()
    if len(description) > MAX_DESCRIPTION:
        raise InvalidArgument(
            f"The description of '{definition.name}' is {len(description)} characters; keep it to {MAX_DESCRIPTION}."
        )
    order: list[str] = []
    seen: set[str] = set()
    for category in (single_line(c) for c in definition.order):
        if not category or category.casefold() == missing_label.casefold():
            continue
        if len(category) > MAX_LABEL:
            raise InvalidArgument(
                f"The order of '{definition.name}' names a category of {len(category)} characters; "
                f"keep each to {MAX_LABEL}."
            )
        if category.casefold() in seen:
            raise InvalidArgument(
                f"The order of '{definition.name}' names '{category}' twice; name each category once."
            )
        seen.add(category.casefold())
        order.append(category)
    if len(order) > MAX_CATEGORIES:
        raise InvalidArgument(f"The order of '{definition.name}' names {len(order)} categories; at most {MAX_CATEGORIES}.")
    return replace(definition, label=label, description=description, order=tuple(order))
