r"""Codebook files: reading a codebook table (.csv, also .xlsx) and writing CSV and Markdown.

Owns the codebook columns (``name`` - alias ``tag`` -, ``parent``, ``definition`` - alias
``description`` -, ``inclusion``, ``exclusion``, ``example``, ``colour`` - alias ``color``; headers
case-insensitive; ``tag`` and ``description`` are Taguette's), how a row's place in the tree is found,
and the tree order of written rows (a parent before its children) so that what ``write_codebook_csv``
writes reads back to the same codes.

A file with a ``parent`` column gives each code's name literally ("Validation and active/empathic
listening" is one code) and its place in ``parent``: a path (``\/`` for a ``/`` inside a name, ``\\``
for a backslash), a top-level code, the bare name of a code anywhere in the file, or a name of the file
written as it is. Only a file without a ``parent`` column reads ``/`` in ``name`` as a path.

Must not create codes or touch storage: it turns bytes into ``CodeSpec`` and ``Code`` into bytes,
checking names and colours with the rules of ``cotheme.domain.codebook``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from cotheme.domain.codebook import Code, CodeSpec, check_colour, check_name, join_path, split_path
from cotheme.errors import InputError, InvalidArgument
from cotheme.formats.attributes import Cell, read_sheet
from cotheme.formats.spreadsheet import csv_bytes

__all__ = ["CODEBOOK_COLUMNS", "read_codebook_csv", "write_codebook_csv", "write_codebook_markdown"]

CODEBOOK_COLUMNS = ("name", "parent", "definition", "inclusion", "exclusion", "example", "colour")
#: Other programs' names for the columns: Taguette writes ``tag,description,number of highlights``.
_ALIASES = {"description": "definition", "color": "colour", "tag": "name"}
_TEXT_FIELDS = ("definition", "inclusion", "exclusion", "example")
_MARKDOWN_LABELS = {"definition": "Definition", "inclusion": "Include when", "exclusion": "Exclude when",
                    "example": "Example"}
#: Deeper than this is a mistake (or a crafted file), not a codebook; real ones have 2-4 levels.
_MAX_DEPTH = 100
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#])")


@dataclass(frozen=True, slots=True)
class _Row:
    line: int
    name: tuple[str, ...]
    parent: tuple[str, ...] | None
    fields: dict[str, str]
    colour: str | None
    parent_text: str = ""


def read_codebook_csv(filename: str, data: bytes) -> list[CodeSpec]:
    """The codes a codebook file describes, in file order, each with its full path."""
    sheet = read_sheet(filename, data)
    columns = _columns(filename, sheet.header)
    rows = [_row(filename, number, cells, columns) for number, cells in sheet.rows]
    rows = _literal_parents(rows)
    paths = _Resolver(filename, rows).paths()
    first: dict[tuple[str, ...], int] = {}
    for row, path in zip(rows, paths, strict=True):
        if len(path) > _MAX_DEPTH:  # the resolver's memo lets a long chain of parents through
            raise InputError(
                f"{filename}, row {row.line}: nests the code '{path[-1]}' {len(path)} levels deep; a codebook "
                f"may have at most {_MAX_DEPTH} levels. Flatten it and import again."
            )
        if path in first:
            raise InputError(
                f"{filename}, rows {first[path]} and {row.line}: both define the code '{'/'.join(path)}'; "
                "remove or rename one and import again."
            )
        first[path] = row.line
    return [
        CodeSpec(path=path, colour=row.colour, source_line=row.line, **row.fields)
        for row, path in zip(rows, paths, strict=True)
    ]


def _columns(filename: str, header: Sequence[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, raw in enumerate(header):
        key = _ALIASES.get(raw.strip().casefold(), raw.strip().casefold())
        if key not in CODEBOOK_COLUMNS:
            continue  # extra columns (ids, counts, memos) are allowed and ignored
        if key in columns:
            raise InputError(
                f"{filename}: has two columns for '{key}' ('{header[columns[key]]}' and '{raw}'); "
                "keep one and import again."
            )
        columns[key] = index
    if "name" not in columns:
        raise InputError(
            f"{filename}: has no 'name' column; the first row must name the columns "
            f"({', '.join(CODEBOOK_COLUMNS)}). Add the header row and import again."
        )
    return columns


def _row(filename: str, line: int, cells: Sequence[Cell], columns: dict[str, int]) -> _Row:
    def cell(key: str) -> str:
        index = columns.get(key)
        value = cells[index] if index is not None and index < len(cells) else None
        return value or ""

    if not cell("name"):
        raise InputError(f"{filename}, row {line}: the code has no name; give it a name or delete the row.")
    try:
        # With a parent column the name is a name, whatever it holds; without one it may be a path.
        name = (check_name(cell("name")),) if "parent" in columns else split_path(cell("name"))
        parent = split_path(cell("parent")) if cell("parent") else None
    except InvalidArgument as exc:
        raise _row_error(filename, line, exc, "Fix the name and import again.") from None
    try:
        colour = check_colour(cell("colour")) if cell("colour") else None
    except InvalidArgument as exc:
        raise _row_error(filename, line, exc, "Use a colour such as #E69F00, or leave the cell empty.") from None
    return _Row(line, name, parent, {key: cell(key) for key in _TEXT_FIELDS}, colour, cell("parent"))


def _literal_parents(rows: list[_Row]) -> list[_Row]:
    """A parent written as it is, unescaped, names the code of the file with exactly that name: a file
    made by hand lists "active/empathic listening" as a parent the way it lists it as a name."""
    names = {row.name[-1] for row in rows}
    found = []
    for row in rows:
        literal = " ".join(row.parent_text.split())
        if row.parent is not None and len(row.parent) > 1 and literal in names:
            row = replace(row, parent=(literal,))
        found.append(row)
    return found


def _row_error(filename: str, line: int, exc: InvalidArgument, advice: str) -> InputError:
    message = str(exc)
    message = message[:1].lower() + message[1:]
    if ";" not in message:  # domain messages that already say what to do carry a "; ..." clause
        message = f"{message} {advice}"
    return InputError(f"{filename}, row {line}: {message}")


class _Resolver:
    """Full paths of rows whose ``parent`` names a code by path, as a top-level code or by bare name.

    A single-name parent is the top-level code of that name when the file has one (so that what
    ``write_codebook_csv`` writes reads back unchanged); otherwise the unique code anywhere in the file
    with that name; otherwise a new top-level level of the path.
    """

    def __init__(self, filename: str, rows: Sequence[_Row]) -> None:
        self._filename = filename
        self._rows = rows
        self._done: dict[int, tuple[str, ...]] = {}
        self._by_name: dict[str, list[int]] = defaultdict(list)
        for index, row in enumerate(rows):
            self._by_name[row.name[-1]].append(index)
        self._top = {row.name[0] for row in rows if row.parent is None and len(row.name) == 1}
        self._explicit = [self._direct(row) for row in rows if row.parent is None or len(row.parent) > 1]

    @staticmethod
    def _direct(row: _Row) -> tuple[str, ...]:
        return (row.parent or ()) + row.name

    def paths(self) -> list[tuple[str, ...]]:
        return [self._resolve(index, ()) for index in range(len(self._rows))]

    def _resolve(self, index: int, chain: tuple[int, ...]) -> tuple[str, ...]:
        if index in self._done:
            return self._done[index]
        row = self._rows[index]
        if index in chain or len(chain) > _MAX_DEPTH:
            raise InputError(
                f"{self._filename}, row {row.line}: its parent '{'/'.join(row.parent or ())}' leads back to "
                "itself (or nests too deep); give the parent as a path such as 'Theme/Subtheme'."
            )
        if row.parent is None or len(row.parent) > 1 or row.parent[0] in self._top:
            path = self._direct(row)
        else:
            path = self._parent_by_name(index, chain) + row.name
        self._done[index] = path
        return path

    def _parent_by_name(self, index: int, chain: tuple[int, ...]) -> tuple[str, ...]:
        row = self._rows[index]
        bare = (row.parent or ("",))[0]
        found = {self._resolve(j, chain + (index,)) for j in self._by_name.get(bare, []) if j != index}
        if not found:
            found = {path[: i + 1] for path in self._explicit for i, part in enumerate(path[:-1]) if part == bare}
        if len(found) > 1:
            listed = ", ".join(sorted("'" + "/".join(p) + "'" for p in found))
            raise InputError(
                f"{self._filename}, row {row.line}: the parent '{bare}' could be any of {listed}; "
                "write the parent as a full path and import again."
            )
        return found.pop() if found else (bare,)


def _tree_order(codes: Sequence[Code]) -> list[Code]:
    """Codes depth-first, siblings in the given order; a code whose parent is absent counts as a root."""
    paths = {code.path for code in codes}
    children: dict[tuple[str, ...], list[Code]] = defaultdict(list)
    roots: list[Code] = []
    for code in codes:
        (children[code.path[:-1]] if code.path[:-1] in paths else roots).append(code)
    ordered: list[Code] = []
    stack = list(reversed(roots))
    while stack:
        code = stack.pop()
        ordered.append(code)
        stack.extend(reversed(children.get(code.path, [])))
    return ordered


def write_codebook_csv(codes: Sequence[Code]) -> bytes:
    """UTF-8 CSV (``name,parent,definition,inclusion,exclusion,example,colour``), parents first: the
    name as it is, the parent as a path whose ``/`` and backslashes inside names are escaped; cells that
    would start a formula are escaped (``spreadsheet.safe_cell``) and read back unescaped."""
    return csv_bytes(CODEBOOK_COLUMNS, (
        [code.path[-1], join_path(code.path[:-1]), code.definition, code.inclusion, code.exclusion, code.example, code.colour]
        for code in _tree_order(codes)
    ))


def write_codebook_markdown(codes: Sequence[Code], title: str) -> bytes:
    """A readable codebook: one heading per code (deeper codes, deeper headings) and labelled fields."""
    out = [f"# {_escape(title)}", ""]
    for code in _tree_order(codes):
        level = min(len(code.path) + 1, 6)
        out += ["#" * level + " " + _escape(code.path[-1]), ""]
        for key in _TEXT_FIELDS:
            value = getattr(code, key).strip()
            if value:
                out += [f"**{_MARKDOWN_LABELS[key]}:** {_escape(value)}", ""]
    return ("\n".join(out).rstrip() + "\n").encode("utf-8")


def _escape(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)
