"""How the CLI speaks: rich tables for people, stable JSON for programs, one sentence for errors.

Owns the conversion of domain objects to JSON-ready dicts (keys in a fixed order) and the consoles
the commands print on. The group that turns a ``CothemeError`` into its sentence and exit code 2 —
never a traceback — is ``cli/group.py`` (``Group``, re-exported here for the command modules).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from cotheme.cli.group import Group
from cotheme.domain.plain import plain

__all__ = ["Group", "err", "marked", "out", "print_json", "print_table", "say"]

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(plain(value), indent=2, ensure_ascii=False) + "\n")


def print_table(title: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(v if isinstance(v, Text) else Text("" if v is None else str(v)) for v in row))
    out.print(table)


def marked(text: str, marks: Iterable[tuple[int, int]]) -> Text:
    """``text`` with the ``marks`` ranges highlighted (search hits)."""
    result = Text(text)
    for start, end in marks:
        result.stylize("bold yellow", start, end)
    return result


def say(text: str) -> None:
    out.print(text, markup=False, soft_wrap=True)
