"""Repository of memos, kept searchable alongside transcripts."""

from __future__ import annotations

from sqlalchemy import Connection, insert, select

from collections.abc import Collection

from cotheme.domain.memos import ExtractMemo, Memo, MemoTarget
from cotheme.storage import search
from cotheme.storage.schema import codings, members, memos
from cotheme.storage.store import as_utc, now

_TARGET_COLUMN = {
    MemoTarget.DOCUMENT: "document_id",
    MemoTarget.CODE: "code_id",
    MemoTarget.CODING: "coding_id",
    MemoTarget.THEME: "theme_id",
}


def insert_memo(
    conn: Connection, text: str, author_id: int | None, target: MemoTarget, target_id: int | None
) -> int:
    stamp = now()
    values: dict[str, object] = {
        "text": text,
        "author_id": author_id,
        "target": target.value,
        "created_at": stamp,
        "updated_at": stamp,
    }
    if target is not MemoTarget.PROJECT:
        values[_TARGET_COLUMN[target]] = target_id
    memo_id: int = conn.execute(insert(memos).values(**values)).inserted_primary_key[0]  # type: ignore[index]
    search.add_units(conn, [search.Unit("memo", text, memo_id=memo_id)])
    return memo_id


def list_memos(
    conn: Connection, target: MemoTarget | None = None, target_id: int | None = None
) -> list[Memo]:
    query = (
        select(memos, members.c.name.label("author"))
        .outerjoin(members, members.c.id == memos.c.author_id)
        .order_by(memos.c.created_at.desc(), memos.c.id.desc())
    )
    if target is not None:
        query = query.where(memos.c.target == target.value)
        if target is not MemoTarget.PROJECT and target_id is not None:
            query = query.where(memos.c[_TARGET_COLUMN[target]] == target_id)
    result = []
    for r in conn.execute(query):
        kind = MemoTarget(r.target)
        tid = None if kind is MemoTarget.PROJECT else getattr(r, _TARGET_COLUMN[kind])
        result.append(
            Memo(
                id=r.id,
                text=r.text,
                author=r.author,
                target=kind,
                target_id=tid,
                created_at=as_utc(r.created_at),
                updated_at=as_utc(r.updated_at),
            )
        )
    return result


def memos_on_codings(conn: Connection, document_ids: Collection[int]) -> list[ExtractMemo]:
    """The memos on codings of the given documents, oldest first (the caller keeps those it needs: a
    filter on documents stays short where one on thousands of coding ids would not)."""
    if not document_ids:
        return []
    query = (select(memos.c.id, memos.c.coding_id, members.c.name, memos.c.text)
             .join(codings, codings.c.id == memos.c.coding_id)
             .outerjoin(members, members.c.id == memos.c.author_id)
             .where(memos.c.target == MemoTarget.CODING.value, codings.c.document_id.in_(sorted(document_ids)))
             .order_by(memos.c.created_at, memos.c.id))
    return [ExtractMemo(*row) for row in conn.execute(query)]
