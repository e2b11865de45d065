"""Codebook template files (JSON): a framework's title, citation, codes and theme hierarchy.

Owns the template JSON layout (``name``, ``title``, ``summary``, ``citation``, ``note``, ``codes`` with
``name``/``parent``/``definition``/``inclusion``/``exclusion``, ``themes`` with
``name``/``parent``/``definition``/``codes``). Must not store anything.
"""

from __future__ import annotations

import json
from typing import Any

from cotheme.domain.codebook import CodeSpec, check_name, split_path
from cotheme.domain.templates import CodebookTemplate
from cotheme.domain.themes import ThemeSpec, ThemeStatus, check_theme_name
from cotheme.errors import InputError, InvalidArgument

__all__ = ["read_template"]


def read_template(filename: str, data: bytes) -> CodebookTemplate:
    """A template from its JSON bytes; ``InputError`` names the entry that is wrong."""
    try:
        raw = json.loads(data.decode("utf-8"))
        codes = tuple(_code(entry) for entry in raw["codes"])
        themes = tuple(_theme(i, entry) for i, entry in enumerate(raw["themes"], start=1))
        return CodebookTemplate(
            name=str(raw["name"]), title=str(raw["title"]), summary=str(raw.get("summary", "")),
            citation=str(raw["citation"]), note=str(raw.get("note", "")), codes=codes, themes=themes,
        )
    except (ValueError, KeyError, TypeError, InvalidArgument) as exc:
        raise InputError(f"{filename}: is not a codebook template ({exc}).") from None


def _code(entry: dict[str, Any]) -> CodeSpec:
    parent = str(entry.get("parent") or "")
    # The parent is a path (``\/`` keeps a "/" inside a name); the name is one name, "/" and all.
    path = (*(split_path(parent) if parent.strip() else ()), check_name(str(entry["name"])))
    return CodeSpec(
        path=path,
        definition=str(entry.get("definition", "")),
        inclusion=str(entry.get("inclusion", "")),
        exclusion=str(entry.get("exclusion", "")),
        example=str(entry.get("example", "")),
    )


def _theme(index: int, entry: dict[str, Any]) -> ThemeSpec:
    return ThemeSpec(
        name=check_theme_name(str(entry["name"])),
        parent=str(entry.get("parent") or "") or None,
        definition=str(entry.get("definition", "")),
        status=ThemeStatus.parse(entry.get("status")),
        codes=tuple(str(c) for c in entry.get("codes", [])),
        source_line=index,
    )
