r"""Codes and the codebook tree: the rules for names, paths and colours.

Owns ``Code`` (a stored code), ``CodeSpec`` (a code described in a file, by path), the naming rules
(non-empty, at most 200 characters, unique among siblings - the last one enforced by storage too) and
how a path is written as one text: names joined by ``/``, where a ``/`` inside a name is written ``\/``
and a backslash ``\\`` (so "Validation and active/empathic listening" can be one code). Must not do I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from cotheme.domain.names import single_line
from cotheme.domain.palette import PALETTE
from cotheme.errors import InvalidArgument

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
#: One step of a path text: an escaped ``/`` or backslash, a separator, or any other character.
_PATH_TOKEN = re.compile(r"\\[\\/]|/|[^/]")

#: The colours codes created without one take in turn: each visible on white (see ``palette``).
DEFAULT_COLOURS: tuple[str, ...] = PALETTE


@dataclass(frozen=True, slots=True)
class Code:
    """A code of the project's codebook. ``path`` is the names from the root down to this code."""

    id: int
    name: str
    parent_id: int | None
    path: tuple[str, ...]
    definition: str = ""
    inclusion: str = ""
    exclusion: str = ""
    example: str = ""
    colour: str = "#999999"
    #: Bumped by every change of the code: a save that names an older version is refused.
    version: int = 1

    @property
    def path_text(self) -> str:
        """The path for reading (names joined by ``/``); ``join_path`` writes one that parses back."""
        return "/".join(self.path)


@dataclass(frozen=True, slots=True)
class CodeSpec:
    """A code as a codebook file describes it: its path of names and its descriptive fields.

    ``colour`` is ``None`` when the file gives none (a default is chosen on import).
    ``source_line`` is the 1-based line or row in the file, for error messages.
    """

    path: tuple[str, ...]
    definition: str = ""
    inclusion: str = ""
    exclusion: str = ""
    example: str = ""
    colour: str | None = None
    source_line: int | None = None


def check_name(name: str) -> str:
    """Return ``name`` as one line (``names.single_line``), or raise ``InvalidArgument`` when it cannot
    be a code name."""
    clean = single_line(name)
    if not clean:
        raise InvalidArgument("A code name cannot be empty.")
    if len(clean) > 200:
        raise InvalidArgument(f"The code name '{clean[:40]}...' is longer than 200 characters; shorten it.")
    return clean


def split_path(text: str) -> tuple[str, ...]:
    r"""Split ``"Parent/Child"`` into checked names; a single name gives a one-element path.

    ``\/`` is a ``/`` inside a name and ``\\`` a backslash; any other backslash is itself."""
    parts: list[str] = []
    current: list[str] = []
    for token in _PATH_TOKEN.findall(text):
        if token == "/":
            parts.append("".join(current))
            current = []
        else:
            current.append(token[-1])
    parts.append("".join(current))
    names = [p for p in (part.strip() for part in parts) if p]
    if not names:
        raise InvalidArgument("A code path cannot be empty.")
    return tuple(check_name(p) for p in names)


def join_path(names: Sequence[str]) -> str:
    """The path text ``split_path`` reads back as ``names``: a ``/`` or backslash in a name is escaped."""
    return "/".join(name.replace("\\", "\\\\").replace("/", "\\/") for name in names)


def check_colour(colour: str) -> str:
    """Return ``colour`` as ``#RRGGBB`` upper-case, or raise ``InvalidArgument``."""
    value = colour.strip()
    if not value.startswith("#"):
        value = "#" + value
    if not _COLOUR.match(value):
        raise InvalidArgument(f"The colour '{colour}' is not of the form #RRGGBB.")
    return value.upper()
