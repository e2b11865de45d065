"""Cases (participants) and their attributes.

Owns ``Case``, ``AttributeTable`` (what an attributes file holds) and the rule that a missing value
is explicit: ``None`` in storage, shown as the project's "not available" label. Must not do I/O.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from cotheme.errors import NotFound

#: What a missing attribute value reads as unless the project sets another label.
DEFAULT_MISSING_LABEL = "Information not available"


@dataclass(frozen=True, slots=True)
class Case:
    """A participant: pseudonymous id (e.g. ``P07``) and attribute values (``None`` = not available)."""

    id: int
    pid: str
    attributes: dict[str, str | None] = field(default_factory=dict)

    def shown(self, missing_label: str = DEFAULT_MISSING_LABEL) -> dict[str, str]:
        """Attributes with every missing value replaced by ``missing_label``."""
        return {k: (missing_label if v is None else v) for k, v in self.attributes.items()}


@dataclass(frozen=True, slots=True)
class AttributeTable:
    """Rows of an attributes file: ``columns`` in file order, each row a mapping column -> value.

    Empty cells are ``None``. ``row_lines`` gives the 1-based line/row number of each row in the file.
    """

    columns: tuple[str, ...]
    rows: tuple[dict[str, str | None], ...]
    row_lines: tuple[int, ...] = ()


def attribute_names(people: Mapping[str, Mapping[str, str | None]], wanted: Sequence[str]) -> list[str]:
    """The stored names of the ``wanted`` attributes (matched ignoring case), in the order asked;
    an unknown one is refused with the attributes there are."""
    known = list(next(iter(people.values()), {}))
    by_fold = {k.casefold(): k for k in known}
    names = []
    for name in wanted:
        if name.strip().casefold() not in by_fold:
            raise NotFound(f"There is no attribute '{name.strip()}' (attributes: {', '.join(known) or 'none'}).")
        names.append(by_fold[name.strip().casefold()])
    return names
