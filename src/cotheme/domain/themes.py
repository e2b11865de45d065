"""Themes: the objects of phases 3-5 of thematic analysis, above the codes.

Owns ``Theme`` (a stored theme with its linked codes and saved map position), ``ThemeSpec`` (a theme
as a file or a template describes it), ``ThemeStatus`` (candidate -> reviewed -> defined), the naming
rule, ``Exemplar`` (an extract the team chose to illustrate a theme) and ``tree_order`` (a hierarchy of
any depth walked parents-first). A theme is not a parent code: a code may belong to several themes.
Must not do I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from cotheme.domain.names import single_line
from cotheme.errors import InvalidArgument

#: Longest theme name; matches the column and keeps a map label readable.
MAX_NAME = 200


class ThemeStatus(StrEnum):
    """Where a theme is in the analysis: proposed, checked against the data, or defined and named."""

    CANDIDATE = "candidate"
    REVIEWED = "reviewed"
    DEFINED = "defined"

    @classmethod
    def parse(cls, value: str | None) -> ThemeStatus:
        if value is None or not value.strip():
            return cls.CANDIDATE
        try:
            return cls(value.strip().lower())
        except ValueError:
            raise InvalidArgument(
                f"'{value}' is not a theme status; use candidate, reviewed or defined."
            ) from None


@dataclass(frozen=True, slots=True)
class Theme:
    """A stored theme. ``level`` is 0 for a top-level theme; ``code_ids`` are its linked codes.

    ``x``/``y`` are a position saved from the map editor, ``None`` when the map lays it out itself.
    """

    id: int
    name: str
    parent_id: int | None
    level: int
    definition: str = ""
    status: ThemeStatus = ThemeStatus.CANDIDATE
    position: int = 0
    code_ids: tuple[int, ...] = ()
    x: float | None = None
    y: float | None = None


@dataclass(frozen=True, slots=True)
class ThemeSpec:
    """A theme as a file or template gives it: parent and codes by name, for error messages a line."""

    name: str
    parent: str | None = None
    definition: str = ""
    status: ThemeStatus = ThemeStatus.CANDIDATE
    codes: tuple[str, ...] = ()
    source_line: int | None = None


@dataclass(frozen=True, slots=True)
class Exemplar:
    """A coding chosen by ``chosen_by`` as an illustrative quote of a theme, in the team's order."""

    theme_id: int
    coding_id: int
    position: int
    chosen_by: str | None
    created_at: datetime


def check_theme_name(name: str) -> str:
    """``name`` with its spaces tidied, or ``InvalidArgument``; unlike a code name, ``/`` is allowed
    ("active/empathic listening") because themes are found by name, never by a path."""
    clean = single_line(name)
    if not clean:
        raise InvalidArgument("A theme name cannot be empty.")
    if len(clean) > MAX_NAME:
        raise InvalidArgument(f"The theme name '{clean[:40]}...' is longer than {MAX_NAME} characters; shorten it.")
    return clean


def tree_order(themes: Iterable[Theme]) -> list[Theme]:
    """Themes parents-first, siblings by position then name; ``level`` recomputed from the tree."""
    children: dict[int | None, list[Theme]] = {}
    for theme in themes:
        children.setdefault(theme.parent_id, []).append(theme)
    for group in children.values():
        group.sort(key=lambda t: (t.position, t.name.casefold()))
    ordered: list[Theme] = []

    def walk(parent_id: int | None, level: int) -> None:
        for theme in children.get(parent_id, []):
            ordered.append(_at_level(theme, level))
            walk(theme.id, level + 1)

    walk(None, 0)
    return ordered


def _at_level(theme: Theme, level: int) -> Theme:
    if theme.level == level:
        return theme
    return Theme(theme.id, theme.name, theme.parent_id, level, theme.definition, theme.status,
                 theme.position, theme.code_ids, theme.x, theme.y)


def descendants(themes: Sequence[Theme], theme_id: int) -> list[int]:
    """Ids of ``theme_id`` and every theme below it."""
    children: dict[int | None, list[int]] = {}
    for theme in themes:
        children.setdefault(theme.parent_id, []).append(theme.id)
    found = [theme_id]
    at = 0
    while at < len(found):
        found.extend(children.get(found[at], []))
        at += 1
    return found


def order_specs(specs: Sequence[ThemeSpec], filename: str) -> list[ThemeSpec]:
    """``specs`` reordered so every parent named in the file comes before its children.

    A parent that the file does not define must already exist in the project (checked by the
    service). A cycle in the file is an error naming its line.
    """
    by_name = {s.name.casefold(): s for s in specs}
    placed: set[str] = set()
    ordered: list[ThemeSpec] = []

    def place(spec: ThemeSpec, trail: tuple[str, ...]) -> None:
        key = spec.name.casefold()
        if key in placed:
            return
        if key in trail:
            raise InvalidArgument(
                f"{filename}, line {spec.source_line}: the theme '{spec.name}' is its own ancestor; "
                "fix the parent column."
            )
        parent = by_name.get(spec.parent.casefold()) if spec.parent else None
        if parent is not None:
            place(parent, (*trail, key))
        placed.add(key)
        ordered.append(spec)

    for spec in specs:
        place(spec, ())
    return ordered


@dataclass(frozen=True, slots=True)
class ThemeSummary:
    """A theme with the names of its linked codes and what it draws on: extracts and participants
    of its codes, their subcodes and its subthemes."""

    theme: Theme
    codes: tuple[str, ...]
    extracts: int
    participants: int
