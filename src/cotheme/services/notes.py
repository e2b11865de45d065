"""Memos: writing them against the project, a document, a code or a coding, and listing them."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import Connection, select

from cotheme.domain.memos import Memo, MemoTarget
from cotheme.errors import InvalidArgument, NotFound
from cotheme.services.codebook import resolve_code
from cotheme.services.coding import resolve_document
from cotheme.services.members import resolve_coder
from cotheme.services.themes import resolve_theme
from cotheme.storage import memos as memos_repo
from cotheme.storage.schema import codes, codings, documents, themes
from cotheme.storage.store import Store


def add_memo(
    store: Store,
    text: str,
    *,
    target: str = "project",
    ref: str | None = None,
    author: str | None = None,
    target_id: int | None = None,
) -> Memo:
    """A memo by ``author`` about the project or the document/code/coding named by ``ref`` (a name
    or id as a user types it) or given by ``target_id`` (an id, as the web page sends it)."""
    if not text.strip():
        raise InvalidArgument("A memo needs some text.")
    kind = MemoTarget.parse(target)
    with store.write() as conn:
        writer = resolve_coder(conn, author, asking="who writes the memo with --author NAME")
        if kind is MemoTarget.PROJECT:
            target_id = None
        elif target_id is not None:
            _check_exists(conn, kind, target_id)
        elif kind is MemoTarget.DOCUMENT:
            target_id = resolve_document(conn, _need(ref, kind))
        elif kind is MemoTarget.CODE:
            target_id = resolve_code(conn, _need(ref, kind))
        elif kind is MemoTarget.CODING:
            ref_text = _need(ref, kind)
            found = conn.execute(
                select(codings.c.id).where(codings.c.id == int(ref_text))
            ).scalar_one_or_none() if ref_text.isdigit() else None
            if found is None:
                raise NotFound(f"There is no coding {ref_text} for --ref; see 'cotheme codings' for ids.")
            target_id = found
        elif kind is MemoTarget.THEME:
            target_id = resolve_theme(conn, _need(ref, kind))
        memo_id = memos_repo.insert_memo(conn, text.strip(), writer.id, kind, target_id)
        return _placed(conn, [m for m in memos_repo.list_memos(conn, kind, target_id) if m.id == memo_id])[0]


_TABLES = {MemoTarget.DOCUMENT: documents, MemoTarget.CODE: codes, MemoTarget.CODING: codings,
           MemoTarget.THEME: themes}


def _check_exists(conn: Connection, kind: MemoTarget, target_id: int) -> None:
    table = _TABLES[kind]
    if conn.execute(select(table.c.id).where(table.c.id == target_id)).first() is None:
        raise NotFound(f"There is no {kind.value} {target_id} to attach the memo to.")


#: What ``--ref`` takes for each kind of target, for the sentence that asks for it.
_REF_HINT = {MemoTarget.DOCUMENT: "DOCUMENT, its id or title", MemoTarget.CODE: "CODE, a name or Parent/Child path",
             MemoTarget.CODING: "CODING, its id from 'cotheme codings'", MemoTarget.THEME: "THEME, its name or number"}


def _need(ref: str | None, kind: MemoTarget) -> str:
    if not ref:
        raise InvalidArgument(f"Say which {kind.value} the memo is about: --ref {_REF_HINT[kind]} "
                              f"(target_id in the API).")
    return ref


def list_memos(store: Store, target: str | None = None, target_id: int | None = None) -> list[Memo]:
    """Memos, newest first; only those on ``target`` (and ``target_id``) when given."""
    kind = MemoTarget.parse(target) if target else None
    with store.read() as conn:
        return _placed(conn, memos_repo.list_memos(conn, kind, target_id))


def _placed(conn: Connection, found: list[Memo]) -> list[Memo]:
    """``found`` with each memo's target named (``Memo.place``)."""
    named = memos_repo.places(conn, found)
    return [replace(m, place=named.get(m.id)) for m in found]
