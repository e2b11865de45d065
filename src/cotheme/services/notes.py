"""Memos: writing them against the project, a document, a code or a coding, and listing them."""

from __future__ import annotations

from sqlalchemy import select

from cotheme.domain.memos import Memo, MemoTarget
from cotheme.errors import InvalidArgument, NotFound
from cotheme.services.codebook import resolve_code
from cotheme.services.coding import resolve_document
from cotheme.services.members import resolve_coder
from cotheme.storage import memos as memos_repo
from cotheme.storage.schema import codings
from cotheme.storage.store import Store


def add_memo(
    store: Store, text: str, *, target: str = "project", ref: str | None = None, author: str | None = None
) -> Memo:
    """A memo by ``author`` about the project or the document/code/coding named by ``ref``."""
    if not text.strip():
        raise InvalidArgument("A memo needs some text.")
    kind = MemoTarget.parse(target)
    with store.write() as conn:
        writer = resolve_coder(conn, author)
        target_id: int | None = None
        if kind is MemoTarget.DOCUMENT:
            target_id = resolve_document(conn, _need(ref, kind))
        elif kind is MemoTarget.CODE:
            target_id = resolve_code(conn, _need(ref, kind))
        elif kind is MemoTarget.CODING:
            ref_text = _need(ref, kind)
            found = conn.execute(
                select(codings.c.id).where(codings.c.id == int(ref_text))
            ).scalar_one_or_none() if ref_text.isdigit() else None
            if found is None:
                raise NotFound(f"There is no coding {ref_text}; see 'cotheme codings' for ids.")
            target_id = found
        memo_id = memos_repo.insert_memo(conn, text.strip(), writer.id, kind, target_id)
        return next(m for m in memos_repo.list_memos(conn, kind, target_id) if m.id == memo_id)


def _need(ref: str | None, kind: MemoTarget) -> str:
    if not ref:
        raise InvalidArgument(f"Say which {kind.value} the memo is about.")
    return ref


def list_memos(store: Store) -> list[Memo]:
    with store.read() as conn:
        return memos_repo.list_memos(conn)
