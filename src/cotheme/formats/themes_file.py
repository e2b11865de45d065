"""Theme files: reading a themes table (.csv, also .xlsx) and writing CSV and Markdown.

Owns the columns ``name, parent, definition, status, codes`` (headers case-insensitive; ``codes`` are
code names or ``Parent/Child`` paths separated by ``;``), and writing themes parents-first so that
what ``write_themes_csv`` writes imports back to the same hierarchy.

Must not create themes or touch storage: bytes become ``ThemeSpec``, ``ThemeSummary`` becomes bytes.
"""

from __future__ import annotations

from collections.abc import Sequence

from cotheme.domain.themes import ThemeSpec, ThemeStatus, ThemeSummary, check_theme_name
from cotheme.errors import InputError, InvalidArgument
from cotheme.formats.attributes import read_sheet
from cotheme.formats.spreadsheet import csv_bytes

__all__ = ["THEME_COLUMNS", "read_themes_csv", "write_themes_csv", "write_themes_markdown"]

THEME_COLUMNS = ("name", "parent", "definition", "status", "codes")
_ALIASES = {"description": "definition", "theme": "name", "code": "codes"}


def read_themes_csv(filename: str, data: bytes) -> list[ThemeSpec]:
    """The themes a file describes, in file order; a theme name may appear only once per file."""
    sheet = read_sheet(filename, data)
    columns: dict[str, int] = {}
    for index, raw in enumerate(sheet.header):
        key = _ALIASES.get(raw.strip().casefold(), raw.strip().casefold())
        if key in THEME_COLUMNS and key not in columns:
            columns[key] = index
    if "name" not in columns:
        raise InputError(
            f"{filename}: has no 'name' column; the header must name the columns "
            f"{', '.join(THEME_COLUMNS)}."
        )
    specs: list[ThemeSpec] = []
    seen: dict[str, int] = {}
    for line, cells in sheet.rows:
        def cell(key: str) -> str:
            at = columns.get(key)
            value = cells[at] if at is not None and at < len(cells) else None
            return (value or "").strip()

        try:
            name = check_theme_name(cell("name"))
            status = ThemeStatus.parse(cell("status"))
        except InvalidArgument as exc:
            raise InputError(f"{filename}, line {line}: {exc}") from None
        if name.casefold() in seen:
            raise InputError(
                f"{filename}, lines {seen[name.casefold()]} and {line}: both define the theme '{name}'; "
                "give each theme one row."
            )
        seen[name.casefold()] = line
        codes = tuple(c.strip() for c in cell("codes").split(";") if c.strip())
        specs.append(ThemeSpec(name, cell("parent") or None, cell("definition"), status, codes, line))
    return specs


def write_themes_csv(themes: Sequence[ThemeSummary], parents: dict[int, str]) -> bytes:
    """Themes parents-first as CSV; ``parents`` maps a theme id to its name."""
    return csv_bytes(THEME_COLUMNS, (
        [item.theme.name, parents.get(item.theme.parent_id, "") if item.theme.parent_id is not None else "",
         item.theme.definition, item.theme.status.value, "; ".join(item.codes)]
        for item in themes
    ))


def write_themes_markdown(themes: Sequence[ThemeSummary], title: str) -> bytes:
    """Themes as nested Markdown headings with definition, status, codes and counts."""
    lines = [f"# Themes: {title}", ""]
    for item in themes:
        theme = item.theme
        depth = min(theme.level + 2, 6)
        lines.append(f"{'#' * depth} {theme.name}")
        lines.append("")
        if theme.definition:
            lines += [theme.definition, ""]
        lines.append(
            f"*Status:* {theme.status.value} · *extracts:* {item.extracts} · "
            f"*participants:* {item.participants}"
        )
        if item.codes:
            lines.append(f"*Codes:* {'; '.join(item.codes)}")
        lines.append("")
    return "\n".join(lines).encode("utf-8")
