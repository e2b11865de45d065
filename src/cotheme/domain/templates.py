"""Codebook templates: a published framework's codes and theme hierarchy, ready to load for deductive
or framework analysis. Must not do I/O (the files are read by ``formats/template_file.py``)."""

from __future__ import annotations

from dataclasses import dataclass

from cotheme.domain.codebook import CodeSpec
from cotheme.domain.themes import ThemeSpec


@dataclass(frozen=True, slots=True)
class CodebookTemplate:
    """A framework: ``citation`` says whose it is; ``note`` how its definitions were written."""

    name: str
    title: str
    summary: str
    citation: str
    note: str
    codes: tuple[CodeSpec, ...]
    themes: tuple[ThemeSpec, ...]
