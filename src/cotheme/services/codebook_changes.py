"""Revising the coding frame: merge, split and delete codes, and saving an edit only over the version
the editor loaded.

Each operation is one transaction and one versioned change of the codebook history (kind, rationale).
Merge moves the codings, memos, sub-codes and theme links of the merged codes to the survivor; split
creates new codes beside the old one and moves the codings the user chose; delete is refused while the
code has codings, memos or sub-codes, unless its codings and memos are moved to another code.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import Connection

from cotheme.domain.codebook import DEFAULT_COLOURS, Code, check_name
from cotheme.errors import Conflict, InvalidArgument, NotFound
from cotheme.services.codebook import resolve_code
from cotheme.storage import code_usage as usage
from cotheme.storage import codes as codes_repo
from cotheme.storage import history
from cotheme.storage.store import Store
from cotheme.storage.tracking import ACTOR
from cotheme.domain.plural import counted


def _code(conn: Connection, ref: str | int) -> Code:
    code_id = int(ref) if isinstance(ref, int) or str(ref).isdigit() else resolve_code(conn, str(ref))
    found = next((c for c in codes_repo.all_codes(conn) if c.id == code_id), None)
    if found is None:
        raise NotFound(f"There is no code {ref}; see 'cotheme codebook list'.")
    return found


def _move_usage(conn: Connection, source: Code, target: Code) -> list[usage.Move]:
    moves = usage.move_codings(conn, usage.coding_ids(conn, source.id), source.id, target.id)
    moves += usage.move_memos(conn, source.id, target.id)
    return moves + usage.move_theme_links(conn, source.id, target.id)


def merge(store: Store, sources: Sequence[str | int], into: str | int, rationale: str = "") -> Code:
    """Merge ``sources`` into ``into``: their codings, memos, sub-codes and theme links move to it."""
    if not sources:
        raise InvalidArgument("Name at least one code to merge.")
    with store.write() as conn:
        target = _code(conn, into)
        merged = [_code(conn, s) for s in sources]
        ancestors = set(target.path[:-1])
        for code in merged:
            if code.id == target.id:
                raise InvalidArgument(f"'{code.path_text}' cannot be merged into itself.")
            if code.name in ancestors and target.path_text.startswith(code.path_text + "/"):
                raise InvalidArgument(f"'{code.path_text}' cannot be merged into its own sub-code.")
        change = history.begin(conn, "merge", rationale, actor=ACTOR.get())
        usage.touch(conn, target.id)
        moves: list[usage.Move] = []
        for code in merged:
            for child in usage.child_ids(conn, code.id):
                child_code = _code(conn, child)
                if codes_repo.find_child(conn, target.id, child_code.name) is not None:
                    raise Conflict(f"'{target.path_text}' already has a sub-code '{child_code.name}'; rename one first.")
                codes_repo.move_code(conn, child, target.id, child_code.name)
            moves += _move_usage(conn, code, target)
            usage.delete_code(conn, code.id)
        history.add_moves(conn, change, moves)
        return _code(conn, target.id)


def split(store: Store, code: str | int, parts: Mapping[str, Sequence[int]], *, keep: bool = True,
          rationale: str = "") -> list[Code]:
    """Split ``code``: a new code beside it for each name in ``parts``, taking the codings listed for it.

    With ``keep=False`` the old code is deleted, which needs every one of its codings reassigned."""
    if not parts:
        raise InvalidArgument("Name at least one new code to split into (--into NAME=CODING_ID,...).")
    with store.write() as conn:
        source = _code(conn, code)
        owned = set(usage.coding_ids(conn, source.id))
        chosen = [i for ids in parts.values() for i in ids]
        if len(chosen) != len(set(chosen)):
            raise InvalidArgument("A coding can go to one new code only; it is listed twice.")
        stray = sorted(set(chosen) - owned)
        if stray:
            raise InvalidArgument(f"Coding {stray[0]} is not a coding of '{source.path_text}'; check the ids "
                                  f"with 'cotheme codings --code \"{source.path_text}\"'.")
        change = history.begin(conn, "split", rationale, actor=ACTOR.get())
        usage.touch(conn, source.id)
        made: list[Code] = []
        moves: list[usage.Move] = []
        for name, ids in parts.items():
            clean = check_name(name)
            if codes_repo.find_child(conn, source.parent_id, clean) is not None:
                raise Conflict(f"There is already a code '{clean}' beside '{source.name}'; choose another name.")
            colour = DEFAULT_COLOURS[codes_repo.count(conn) % len(DEFAULT_COLOURS)]
            new_id = codes_repo.insert_code(conn, source.parent_id, clean, {"colour": colour},
                                            usage.max_position(conn) + 1)
            moves += usage.move_codings(conn, list(ids), source.id, new_id)
            made.append(_code(conn, new_id))
        if not keep:
            _delete_checked(conn, source, None, moves)
        history.add_moves(conn, change, moves)
        return made


def _delete_checked(conn: Connection, code: Code, move_to: Code | None, moves: list[usage.Move]) -> None:
    if usage.child_ids(conn, code.id):
        raise Conflict(f"'{code.path_text}' has sub-codes; move, merge or delete them first. Nothing was deleted.")
    if move_to is not None:
        moves += _move_usage(conn, code, move_to)
    left = len(usage.coding_ids(conn, code.id))
    if left:
        raise Conflict(f"'{code.path_text}' still has {counted(left, 'coding')}; move them to another code (--move-to CODE, "
                       "or merge the code) first. Nothing was deleted.")
    notes = len(usage.memo_ids(conn, code.id))
    if notes:
        raise Conflict(f"'{code.path_text}' has {counted(notes, 'memo')}; move them with --move-to CODE, or merge the "
                       "code. Nothing was deleted.")
    moves += usage.move_theme_links(conn, code.id, None)
    usage.delete_code(conn, code.id)


def delete(store: Store, code: str | int, *, move_to: str | int | None = None, rationale: str = "") -> None:
    """Delete a code; refused while it has codings, memos or sub-codes, unless ``move_to`` takes them."""
    with store.write() as conn:
        doomed = _code(conn, code)
        target = _code(conn, move_to) if move_to is not None else None
        if target is not None and target.id == doomed.id:
            raise InvalidArgument("A code's codings cannot be moved to the code itself.")
        change = history.begin(conn, "delete", rationale, actor=ACTOR.get())
        moves: list[usage.Move] = []
        _delete_checked(conn, doomed, target, moves)
        history.add_moves(conn, change, moves)

