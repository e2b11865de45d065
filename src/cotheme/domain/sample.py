"""The sample: who was recruited, grouped by attribute, against the study's purposive targets.

Owns the order categories are shown in (a team's defined order first; then numeric bands ascending -
with their units, so "6-12 months" comes before "1-2 years" -, other labels alphabetically; "not
available" always last), numeric bands
(``--bands age=18-24,25-34,65+``), ``SampleTarget`` and the rule for a gap (fewer participants than
the minimum count, or a smaller share than the minimum share). Must not do I/O.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from cotheme.errors import InvalidArgument

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
#: Days per unit, so bands of different units order by length; the last unit word in a label wins.
_UNITS = {"day": 1, "week": 7, "month": 30, "year": 365}
_UNIT_WORD = re.compile(r"\b(day|week|month|year)s?\b", re.IGNORECASE)
_BELOW = re.compile(r"^\s*(under|less than|below|up to|<)", re.IGNORECASE)
_ABOVE = re.compile(r"^\s*(over|more than|above|>)|\+\s*$", re.IGNORECASE)
_BAND = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:-\s*(\d+(?:\.\d+)?)|(\+))\s*$")
#: Label of a value that falls in none of the given bands.
OUTSIDE_BANDS = "Outside the bands"


def category_key(label: str, missing_label: str) -> tuple[int, float, str]:
    """Sort key: numeric labels by value (scaled by their unit), then text, then the missing label."""
    if label == missing_label:
        return (2, 0.0, "")
    number = _NUMBER.search(label)
    if number is None:
        return (1, 0.0, label.casefold())
    value = float(number.group())
    unit = _UNIT_WORD.findall(label)
    if unit:
        value *= _UNITS[unit[-1].lower()]
    if _BELOW.search(label):
        value -= 0.5
    elif _ABOVE.search(label):
        value += 0.5
    return (0, value, label.casefold())


def ordered_categories(labels: Iterable[str], order: Sequence[str], missing_label: str) -> list[str]:
    """``labels`` with the defined ``order`` first, the rest in natural order, "not available" last."""
    position = {c.casefold(): i for i, c in enumerate(order)}

    def key(label: str) -> tuple[int, int, tuple[int, float, str]]:
        if label.casefold() == missing_label.casefold():
            return (2, 0, (0, 0.0, ""))
        at = position.get(label.casefold())
        if at is not None:
            return (0, at, (0, 0.0, ""))
        return (1, 0, category_key(label, missing_label))

    return sorted(labels, key=key)


@dataclass(frozen=True, slots=True)
class Band:
    """A numeric band ``low``-``high`` inclusive; ``high`` is ``None`` for an open band like ``65+``."""

    label: str
    low: float
    high: float | None

    def holds(self, value: float) -> bool:
        return value >= self.low and (self.high is None or value <= self.high)


def parse_bands(text: str) -> dict[str, tuple[Band, ...]]:
    """``"age=18-24,25-34,65+;years=0-5"`` -> bands per attribute (``;`` or a repeated option)."""
    result: dict[str, tuple[Band, ...]] = {}
    for part in (p for p in re.split(r";", text) if p.strip()):
        name, sep, spec = part.partition("=")
        if not sep or not name.strip() or not spec.strip():
            raise InvalidArgument(f"'{part}' is not a band list; write e.g. age=18-24,25-34,65+.")
        bands = []
        for item in spec.split(","):
            match = _BAND.match(item)
            if match is None:
                raise InvalidArgument(f"'{item.strip()}' is not a band; write LOW-HIGH (18-24) or LOW+ (65+).")
            low, high = float(match.group(1)), match.group(2)
            bands.append(Band(item.strip(), low, None if match.group(3) else float(high)))
        result[name.strip()] = tuple(bands)
    return result


def band_of(value: str, bands: Sequence[Band]) -> str:
    """The band label a value falls in; a non-numeric value (already a category) stays as it is."""
    try:
        number = float(value.strip())
    except ValueError:
        return value
    for band in bands:
        if band.holds(number):
            return band.label
    return OUTSIDE_BANDS


@dataclass(frozen=True, slots=True)
class CategoryCount:
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class AttributeCounts:
    """One attribute's categories with counts; ``label``, ``description`` and ``bands`` (the band labels
    its numbers were grouped in, if any) come from its definition and the report's options."""

    name: str
    categories: tuple[CategoryCount, ...]
    label: str = ""
    description: str = ""
    bands: tuple[str, ...] = ()

    @property
    def display(self) -> str:
        return self.label or self.name


@dataclass(frozen=True, slots=True)
class SampleTarget:
    """At least ``min_count`` participants, and/or at least ``min_share`` (0-1) of them, in a category."""

    attribute: str
    category: str
    min_count: int | None = None
    min_share: float | None = None


@dataclass(frozen=True, slots=True)
class TargetCheck:
    """A target with what was recruited; ``needed`` is how many more participants close the gap."""

    target: SampleTarget
    recruited: int
    share: float
    needed: int

    @property
    def gap(self) -> bool:
        return self.needed > 0


@dataclass(frozen=True, slots=True)
class SampleTable:
    """The study's "Table 1": ``n`` participants and, per attribute, every category with its count."""

    n: int
    attributes: tuple[AttributeCounts, ...]
    missing_label: str
    targets: tuple[TargetCheck, ...] = ()
    #: (name, display label) of every attribute, shown or not: what a target's row calls its attribute.
    labels: tuple[tuple[str, str], ...] = ()


def count_categories(
    values: Iterable[str | None], missing_label: str, bands: Sequence[Band] = (), order: Sequence[str] = ()
) -> tuple[CategoryCount, ...]:
    """Participants per category in display order (``order`` first, see ``ordered_categories``);
    ``None`` (not available) counts under the label. A category the order names is shown with 0."""
    counter: Counter[str] = Counter()
    for value in values:
        if value is None or not value.strip() or value.strip().casefold() == missing_label.casefold():
            counter[missing_label] += 1
        else:
            counter[band_of(value, bands) if bands else value.strip()] += 1
    for band in bands:
        counter.setdefault(band.label, 0)  # an empty band is a finding in a sample table
    by_fold = {label.casefold(): label for label in counter}
    for category in order:  # so is an empty category the team defined
        if category.casefold() not in by_fold and category.casefold() != missing_label.casefold():
            counter[category] = 0
    ordered = ordered_categories(counter, order, missing_label)
    return tuple(CategoryCount(label, counter[label]) for label in ordered)


def check_target(target: SampleTarget, recruited: int, n: int) -> TargetCheck:
    """How far ``recruited`` of ``n`` participants are from ``target``."""
    share = recruited / n if n else 0.0
    needed = 0
    if target.min_count is not None:
        needed = max(needed, target.min_count - recruited)
    if target.min_share is not None and share < target.min_share:
        # Adding k participants of this category makes the share (r+k)/(n+k); solve for the least k.
        if target.min_share >= 1:
            k = 1  # met only when everyone is in the category; recruiting alone cannot close it
        else:
            k = math.ceil((target.min_share * n - recruited) / (1 - target.min_share) - 1e-9)
        needed = max(needed, k, 1)
    return TargetCheck(target, recruited, share, needed)
