"""Reading a Markdown codebook: the form ``write_codebook_markdown`` writes, or one a team typed.

Owns the Markdown layout: ``# Title`` (ignored), one heading per code with deeper headings for deeper
codes (``##`` top level, ``###`` its children, ...), and labelled fields under a heading
(``**Definition:** ...``, ``**Include when:**``, ``**Exclude when:**``, ``**Example:**``); other lines
under a field continue it. Backslash escapes are undone. Must not create codes or touch storage.
"""

from __future__ import annotations

import re

from cotheme.domain.codebook import CodeSpec, check_name
from cotheme.errors import InputError, InvalidArgument
from cotheme.formats.decode import DEFAULT_MAX_BYTES, decode_text
from cotheme.domain.plural import counted

__all__ = ["read_codebook_markdown"]

_HEADING = re.compile(r"^(#{2,6})[ \t]+(.+?)[ \t#]*$")
_FIELD = re.compile(r"^\*\*(Definition|Include when|Exclude when|Example):\*\*[ \t]*(.*)$", re.IGNORECASE)
_KEYS = {"definition": "definition", "include when": "inclusion", "exclude when": "exclusion", "example": "example"}
_ESCAPED = re.compile(r"\\([\\`*_\[\]<>#])")


def read_codebook_markdown(filename: str, data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[CodeSpec]:
    """The codes of a Markdown codebook, parents before children, each with its full path."""
    text = decode_text(filename, data, max_bytes=max_bytes)
    specs: list[CodeSpec] = []
    path: list[str] = []
    fields: dict[str, list[str]] = {}
    field: str | None = None
    line_of_code = 0
    for number, line in enumerate(text.split("\n"), start=1):
        heading = _HEADING.match(line)
        if heading is not None:
            if path:
                specs.append(_spec(path, fields, line_of_code))
            path = _descend(filename, number, path, len(heading.group(1)) - 1, heading.group(2))
            fields, field, line_of_code = {}, None, number
            continue
        labelled = _FIELD.match(line) if path else None
        if labelled is not None:
            field = _KEYS[labelled.group(1).lower()]
            fields[field] = [labelled.group(2)]
        elif field is not None and path:
            fields[field].append(line)
    if path:
        specs.append(_spec(path, fields, line_of_code))
    if not specs:
        raise InputError(
            f"{filename}: has no codes; write each code as a heading ('## Code', '### Sub-code') with "
            "'**Definition:** ...' under it, or import a .csv or .qdc codebook."
        )
    return specs


def _descend(filename: str, number: int, path: list[str], depth: int, raw: str) -> list[str]:
    if depth > len(path) + 1:
        raise InputError(
            f"{filename}, line {number}: the heading '{raw.strip()}' is {depth} levels deep but follows a code "
            f"{counted(len(path), 'level')} deep; use one '#' more than its parent's heading."
        )
    try:
        name = check_name(_ESCAPED.sub(r"\1", raw))
    except InvalidArgument as exc:
        raise InputError(f"{filename}, line {number}: {exc}") from None
    return [*path[: depth - 1], name]


def _spec(path: list[str], fields: dict[str, list[str]], line: int) -> CodeSpec:
    values = {key: _ESCAPED.sub(r"\1", "\n".join(lines).strip()) for key, lines in fields.items()}
    return CodeSpec(path=tuple(path), source_line=line, **values)
