"""Sampling-target files: a table with ``attribute, category, min_count, min_share`` (.csv or .xlsx).

``min_share`` may be a fraction (``0.3``) or a percentage (``30%``); a row needs at least one of the
two minimums. Must not store anything: bytes become ``SampleTarget``.
"""

from __future__ import annotations

from cotheme.domain.sample import SampleTarget
from cotheme.errors import InputError
from cotheme.formats.attributes import read_sheet

__all__ = ["TARGET_COLUMNS", "read_targets"]

TARGET_COLUMNS = ("attribute", "category", "min_count", "min_share")


def read_targets(filename: str, data: bytes) -> list[SampleTarget]:
    sheet = read_sheet(filename, data)
    columns = {h.strip().casefold(): i for i, h in enumerate(sheet.header)}
    missing = [c for c in ("attribute", "category") if c not in columns]
    if missing or not ({"min_count", "min_share"} & set(columns)):
        raise InputError(
            f"{filename}: needs the columns {', '.join(TARGET_COLUMNS)} (min_count or min_share may be "
            "left out, not both)."
        )
    targets: list[SampleTarget] = []
    seen: dict[tuple[str, str], int] = {}
    for line, cells in sheet.rows:
        def cell(key: str) -> str:
            at = columns.get(key)
            value = cells[at] if at is not None and at < len(cells) else None
            return (value or "").strip()

        attribute, category = cell("attribute"), cell("category")
        if not attribute or not category:
            raise InputError(f"{filename}, line {line}: give both the attribute and the category.")
        key = (attribute.casefold(), category.casefold())
        if key in seen:
            raise InputError(f"{filename}, lines {seen[key]} and {line}: the same target twice; keep one.")
        seen[key] = line
        count, share = _count(filename, line, cell("min_count")), _share(filename, line, cell("min_share"))
        if count is None and share is None:
            raise InputError(f"{filename}, line {line}: give a min_count or a min_share.")
        targets.append(SampleTarget(attribute, category, count, share))
    return targets


def _count(filename: str, line: int, text: str) -> int | None:
    if not text:
        return None
    try:
        value = int(float(text))
    except ValueError:
        value = -1
    if value < 0:
        raise InputError(f"{filename}, line {line}: min_count '{text}' is not a whole number of participants.")
    return value


def _share(filename: str, line: int, text: str) -> float | None:
    if not text:
        return None
    percent = text.endswith("%")
    try:
        value = float(text.rstrip("%").strip()) / (100 if percent else 1)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 1:
        raise InputError(f"{filename}, line {line}: min_share '{text}' is not a share between 0 and 1 (or 0-100%).")
    return value
