"""The codebook's history: versioned changes, the codebook as it stood at a time, and the difference
between two times.

A change holds, for each code it touched, the code's row before and after (``None``: the code did not
exist). The codebook at time T is the codebook now with every later change taken back, newest first.
Owns that replay, the sentence that describes a change, and the diff. Must not do I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cotheme.domain.codebook import Code
from cotheme.domain.plural import counted

Row = Mapping[str, Any]
#: (code id, row before, row after) for each code a change touched.
State = tuple[int, Row | None, Row | None]
KINDS = ("create", "rename", "redefine", "move", "merge", "split", "delete", "import", "undo")
DESCRIBED = ("definition", "inclusion", "exclusion", "example", "colour")


@dataclass(frozen=True, slots=True)
class CodebookChange:
    """One version of the codebook: who changed what, when, and why."""

    version: int
    at: datetime
    author: str
    kind: str
    summary: str
    rationale: str
    codes: tuple[int, ...]
    undo_of: int | None = None
    undone_by: int | None = None


@dataclass(frozen=True, slots=True)
class CodebookDiff:
    """What differs between the codebook at ``since`` and at ``until``, and the changes between."""

    since: datetime
    until: datetime
    added: tuple[str, ...]
    removed: tuple[str, ...]
    renamed: tuple[tuple[str, str], ...]
    moved: tuple[tuple[str, str], ...]
    redefined: tuple[str, ...]
    changes: tuple[CodebookChange, ...]


def _name(row: Row | None) -> str:
    return str(row.get("name", "?")) if row else "?"


def describe(kind: str, states: Sequence[State], moved: int = 0) -> str:
    """One sentence for a change, e.g. "renamed 'Delay' to 'Waiting'"."""
    made = [a for _, b, a in states if b is None and a]
    gone = [b for _, b, a in states if a is None and b]
    kept = [(b, a) for _, b, a in states if b and a]
    parts: list[str] = []
    if kind == "merge" and gone:
        into = kept[0][1] if kept else None
        parts.append(f"merged {', '.join(repr(_name(g)) for g in gone)}" + (f" into '{_name(into)}'" if into else ""))
    elif kind == "split" and made:
        source = kept[0][0] if kept else None
        parts.append((f"split '{_name(source)}' into " if source else "split into ")
                     + ", ".join(repr(_name(m)) for m in made))
    else:
        parts += [f"created '{_name(m)}'" for m in made]
        parts += [f"deleted '{_name(g)}'" for g in gone]
        for before, after in kept:
            if before.get("name") != after.get("name"):
                parts.append(f"renamed '{_name(before)}' to '{_name(after)}'")
            if before.get("parent_id") != after.get("parent_id"):
                parts.append(f"moved '{_name(after)}'")
            changed = [f for f in DESCRIBED if before.get(f) != after.get(f)]
            if changed:
                parts.append(f"changed the {', '.join(changed)} of '{_name(after)}'")
    if moved:
        parts.append(f"{counted(moved, 'coding')} moved")
    text = "; ".join(parts) or "no visible change"
    return ("undid: " + text) if kind == "undo" else text


def rewind(current: Mapping[int, Row], later: Sequence[Sequence[State]]) -> dict[int, Row]:
    """The code rows as they were before the ``later`` changes (oldest first), from ``current``."""
    rows = dict(current)
    for states in reversed(later):
        for code_id, before, _after in reversed(states):
            if before is None:
                rows.pop(code_id, None)
            else:
                rows[code_id] = before
    return rows


def as_codes(rows: Mapping[int, Row]) -> list[Code]:
    """Code rows (as stored) as the codebook tree: parents before children, siblings by position."""
    children: dict[int | None, list[Row]] = {}
    for row in rows.values():
        children.setdefault(row.get("parent_id"), []).append(row)
    out: list[Code] = []

    def walk(parent: int | None, path: tuple[str, ...]) -> None:
        for row in sorted(children.get(parent, []), key=lambda r: (r.get("position", 0), str(r.get("name")))):
            own = (*path, str(row["name"]))
            out.append(Code(id=int(row["id"]), name=str(row["name"]), parent_id=row.get("parent_id"), path=own,
                            **{f: str(row.get(f) or "") for f in DESCRIBED}, version=int(row.get("version") or 1)))
            walk(int(row["id"]), own)

    walk(None, ())
    return out


def diff(since: datetime, until: datetime, old: Iterable[Code], new: Iterable[Code],
         changes: Sequence[CodebookChange]) -> CodebookDiff:
    """Codes added, removed, renamed, moved and redefined between two codebooks (matched by id)."""
    before = {c.id: c for c in old}
    after = {c.id: c for c in new}
    both = [i for i in after if i in before]
    return CodebookDiff(
        since=since, until=until,
        added=tuple(after[i].path_text for i in after if i not in before),
        removed=tuple(before[i].path_text for i in before if i not in after),
        renamed=tuple((before[i].name, after[i].name) for i in both if before[i].name != after[i].name),
        moved=tuple((before[i].path_text, after[i].path_text) for i in both
                    if before[i].path[:-1] != after[i].path[:-1] and before[i].parent_id != after[i].parent_id),
        redefined=tuple(after[i].path_text for i in both
                        if any(getattr(before[i], f) != getattr(after[i], f) for f in DESCRIBED)),
        changes=tuple(changes),
    )
