"""The codebook's history: the list of versioned changes, the codebook as of a date, the difference
between two dates, and undoing the last change.

Changes are recorded as they happen (``storage/tracking.py`` sees every code row change; the services
name the kind and the rationale). Undo takes the newest change not yet undone back — codes recreated,
renamed, moved and redefined as they were, codings, memos and theme links moved back — as a change of
its own ("undo"), after checking that nothing has touched those codes since.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import Connection, and_, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from cotheme.domain.codebook import Code
from cotheme.domain.history import CodebookChange, CodebookDiff, as_codes, describe, diff, rewind
from cotheme.errors import Conflict, InvalidArgument, NotFound
from cotheme.storage import history as repo
from cotheme.storage.history import ChangeRow
from cotheme.storage.schema import codes, codings, memos, theme_codes
from cotheme.storage.store import Store
from cotheme.storage.tracking import as_json

INTERNAL = {"cotheme_internal": True}
#: Columns undo restores; id, guid and creation time never change, and the version only goes up.
RESTORED = ("parent_id", "name", "definition", "inclusion", "exclusion", "example", "colour", "position")


def parse_when(text: str | date | datetime, *, end_of_day: bool = True) -> datetime:
    """A date (``2025-03-01``: the end of that day, UTC) or a time (ISO 8601) as an aware datetime."""
    if isinstance(text, datetime):
        value = text
    elif isinstance(text, date):
        value = datetime.combine(text, time.max if end_of_day else time.min)
    else:
        raw = text.strip()
        try:
            value = (datetime.combine(date.fromisoformat(raw), time.max if end_of_day else time.min)
                     if len(raw) == 10 else datetime.fromisoformat(raw))
        except ValueError:
            raise InvalidArgument(f"'{text}' is not a date (YYYY-MM-DD) or a time (YYYY-MM-DDTHH:MM).") from None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _change(row: ChangeRow) -> CodebookChange:
    moved = sum(1 for kind, *_ in row.moves if kind == "coding")
    return CodebookChange(
        version=row.id, at=row.at, author=row.author or "(no member recorded)", kind=row.kind,
        summary=describe(row.kind, row.states, moved), rationale=row.rationale,
        codes=tuple(dict.fromkeys(code_id for code_id, _, _ in row.states)), undo_of=row.undo_of,
        undone_by=row.undone_by,
    )


def _changes(rows: list[ChangeRow]) -> list[CodebookChange]:
    """Changes for people: an undo names the version it took back and what that was."""
    made = {r.id: _change(r) for r in rows}
    return [
        replace(c, summary=f"undid version {c.undo_of} ({made[c.undo_of].summary})")
        if c.kind == "undo" and c.undo_of in made else c
        for c in made.values()
    ]


def history(store: Store, code_id: int | None = None) -> list[CodebookChange]:
    """Every change, oldest first (only those touching ``code_id`` when given)."""
    with store.read() as conn:
        rows = repo.changes(conn)
    return [c for c in _changes(rows) if code_id is None or code_id in c.codes]


def _rows_now(conn: Connection) -> dict[int, dict[str, Any]]:
    """The code rows now, as the history stores them (JSON-ready values)."""
    return {r["id"]: json.loads(as_json(codes, dict(r)) or "{}")
            for r in conn.execute(select(codes).execution_options(**INTERNAL)).mappings()}


def as_of(store: Store, when: str | date | datetime) -> list[Code]:
    """The codebook as it stood at ``when`` (a date means the end of that day, UTC)."""
    moment = parse_when(when)
    with store.read() as conn:
        now_rows = _rows_now(conn)
        later = repo.changes(conn, since=moment)
    return as_codes(rewind(now_rows, [r.states for r in later]))


def codebook_diff(store: Store, since: str | date | datetime, until: str | date | datetime) -> CodebookDiff:
    """What changed in the codebook between two dates, and the changes made in between."""
    start, end = parse_when(since), parse_when(until)
    if end < start:
        start, end = end, start
    with store.read() as conn:
        now_rows = _rows_now(conn)
        after_start = repo.changes(conn, since=start)
    after_end = [r for r in after_start if r.at > end]
    between = [r for r in after_start if r.at <= end]
    old = as_codes(rewind(now_rows, [r.states for r in after_start]))
    new = as_codes(rewind(now_rows, [r.states for r in after_end]))
    between_ids = {r.id for r in between}
    return diff(start, end, old, new, [c for c in _changes(after_start) if c.version in between_ids])


def _same(current: Mapping[str, Any] | None, expected: Mapping[str, Any] | None) -> bool:
    if current is None or expected is None:
        return current is None and expected is None
    return all(current.get(k) == expected.get(k) for k in RESTORED)


def undo(store: Store, rationale: str = "") -> CodebookChange:
    """Take back the newest change not yet undone; refused when its codes have changed since."""
    with store.write() as conn:
        rows = repo.changes(conn)
        target = next((r for r in reversed(rows) if r.kind != "undo" and r.undone_by is None), None)
        if target is None:
            raise NotFound("There is no codebook change to undo.")
        now_rows = _rows_now(conn)
        for code_id, _before, after in target.states:
            if not _same(now_rows.get(code_id), after):
                name = (after or {}).get("name") or (now_rows.get(code_id) or {}).get("name") or code_id
                raise Conflict(f"The code '{name}' has changed since version {target.id}; undo cannot take "
                               "that change back safely. Nothing was changed.")
        repo.begin(conn, "undo", rationale or f"undo of version {target.id}", undo_of=target.id)
        try:
            _take_back(conn, target)
        except IntegrityError:
            raise Conflict(f"Version {target.id} cannot be undone: a code of the same name now exists at that "
                           "level. Nothing was changed.") from None
        undone = _changes(repo.changes(conn))
    return next(c for c in undone if c.undo_of == target.id)


def _load(row: Mapping[str, Any]) -> dict[str, Any]:
    values = {k: v for k, v in row.items() if k in (*RESTORED, "id", "guid", "created_at", "version")}
    values["created_at"] = datetime.fromisoformat(str(values["created_at"]))
    values["version"] = int(values.get("version") or 1) + 1
    return values


def _take_back(conn: Connection, target: ChangeRow) -> None:
    deleted = [(i, b) for i, b, a in target.states if a is None and b is not None]
    pending = list(deleted)
    while pending:  # parents before children: a restored sub-code needs its parent back first
        ready = [(i, b) for i, b in pending if b.get("parent_id") not in {p for p, _ in pending}]
        if not ready:
            raise Conflict("The deleted codes of that change refer to each other in a loop; nothing was changed.")
        for code_id, before in ready:
            conn.execute(insert(codes).values(**_load(before)))
        pending = [p for p in pending if p not in ready]
    for code_id, before, after in target.states:
        if before is not None and after is not None:
            conn.execute(update(codes).where(codes.c.id == code_id).values(
                **{k: before.get(k) for k in RESTORED}, version=codes.c.version + 1))
    for kind, row_id, old_code, new_code in reversed(target.moves):
        _move_back(conn, kind, row_id, old_code, new_code)
    for code_id, before, after in reversed(target.states):
        if before is None and after is not None:
            used = conn.execute(select(codings.c.id).where(codings.c.code_id == code_id)
                                .execution_options(**INTERNAL).limit(1)).first()
            if used is not None:
                raise Conflict(f"The code '{after.get('name')}' has codings made after version {target.id}; "
                               "move them to another code first. Nothing was changed.")
            conn.execute(delete(codes).where(codes.c.id == code_id))


def _move_back(conn: Connection, kind: str, row_id: int, old_code: int, new_code: int | None) -> None:
    if kind == "coding" and new_code is not None:
        conn.execute(update(codings).where(codings.c.id == row_id, codings.c.code_id == new_code)
                     .values(code_id=old_code))
    elif kind == "memo" and new_code is not None:
        conn.execute(update(memos).where(memos.c.id == row_id, memos.c.code_id == new_code).values(code_id=old_code))
    elif kind == "theme_link":
        if new_code is not None:
            conn.execute(delete(theme_codes).where(and_(theme_codes.c.theme_id == row_id,
                                                        theme_codes.c.code_id == new_code)))
        exists = conn.execute(select(theme_codes.c.theme_id).where(
            theme_codes.c.theme_id == row_id, theme_codes.c.code_id == old_code)).first()
        if exists is None:
            conn.execute(insert(theme_codes).values(theme_id=row_id, code_id=old_code))


def methods_summary(store: Store) -> tuple[str, ...]:
    """For the methods appendix: how the codebook changed, counted by kind."""
    changes = history(store)
    if not changes:
        return ("No changes to the codebook recorded yet.",)
    kinds = Counter(c.kind for c in changes)
    first, last = changes[0].at.date().isoformat(), changes[-1].at.date().isoformat()
    return (
        f"{len(changes)} recorded codebook changes from {first} to {last}: "
        + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) + " (see 'Codebook history').",
    )


def methods_lines(store: Store) -> tuple[str, ...]:
    """Every change as one line (version, date, author, what, why) for the appendix."""
    lines = tuple(
        f"Version {c.version}, {c.at.date().isoformat()}, {c.author}: {c.summary}"
        + (f" (undone by version {c.undone_by})" if c.undone_by else "") + (f". Rationale: {c.rationale}" if c.rationale else ".")
        for c in history(store)
    )
    return lines or ("No changes to the codebook recorded yet.",)
