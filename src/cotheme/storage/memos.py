"""Repository of memos, kept searchable alongside transcripts; the memos on codings as extracts show
them; and the names of what memos are on (codes, documents, codings with their turn, themes)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection

from sqlalchemy import Connection, insert, select

from cotheme.domain.memos import ExtractMemo, Memo, MemoPlace, MemoTarget
from cotheme.storage import search
from cotheme.storage.schema import codes, codings, documents, members, memos, themes, turns
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


def places(conn: Connection, found: Collection[Memo]) -> dict[int, MemoPlace]:
    """Each memo's target named: a code's path, a document's title, a theme's name, a coding's document
    and turn; a few statements for any number of memos. A target this member may not read, or one
    deleted since, comes back unnamed."""
    wanted: dict[MemoTarget, set[int]] = {}
    for memo in found:
        if memo.target_id is not None:
            wanted.setdefault(memo.target, set()).add(memo.target_id)
    code_names = _code_paths(conn) if wanted.get(MemoTarget.CODE) else {}
    titles = _titles(conn, wanted.get(MemoTarget.DOCUMENT, set()))
    theme_names = dict(conn.execute(select(themes.c.id, themes.c.name).where(
        themes.c.id.in_(sorted(wanted.get(MemoTarget.THEME, set()))))).all()) if wanted.get(MemoTarget.THEME) else {}
    on_codings = _coding_places(conn, wanted.get(MemoTarget.CODING, set()))
    result: dict[int, MemoPlace] = {}
    for memo in found:
        tid = memo.target_id
        if memo.target is MemoTarget.PROJECT or tid is None:
            result[memo.id] = MemoPlace(memo.target)
        elif memo.target is MemoTarget.CODE:
            result[memo.id] = MemoPlace(memo.target, code_names.get(tid, ""))
        elif memo.target is MemoTarget.DOCUMENT:
            result[memo.id] = MemoPlace(memo.target, titles.get(tid, ""), tid if tid in titles else None)
        elif memo.target is MemoTarget.THEME:
            result[memo.id] = MemoPlace(memo.target, theme_names.get(tid, ""))
        else:
            doc_id, title, turn = on_codings.get(tid, (None, "", None))
            result[memo.id] = MemoPlace(memo.target, title, doc_id, turn)
    return result


def _code_paths(conn: Connection) -> dict[int, str]:
    """Each code as a memo names it: its name, or its path where another code has the same name."""
    parent: dict[int, int | None] = {}
    names: dict[int, str] = {}
    for code_id, parent_id, name in conn.execute(select(codes.c.id, codes.c.parent_id, codes.c.name)):
        parent[code_id], names[code_id] = parent_id, name
    paths: dict[int, str] = {}
    for code_id in names:
        chain, at, seen = [], code_id, set()
        while at is not None and at not in seen:
            seen.add(at)
            chain.append(names[at])
            at = parent.get(at)
        paths[code_id] = "/".join(reversed(chain))
    taken = Counter(names.values())
    return {code_id: names[code_id] if taken[names[code_id]] == 1 else path for code_id, path in paths.items()}


def _titles(conn: Connection, document_ids: Collection[int]) -> dict[int, str]:
    if not document_ids:
        return {}
    return dict(conn.execute(select(documents.c.id, documents.c.title)
                             .where(documents.c.id.in_(sorted(document_ids)))).all())


def _coding_places(conn: Connection, coding_ids: Collection[int]) -> dict[int, tuple[int, str, int | None]]:
    """(document id, title, turn number from 1) of each coding: the turn of its revision it starts in."""
    if not coding_ids:
        return {}
    t = turns.alias("cotheme_memo_turn")
    turn = (select(t.c.idx).where(t.c.revision_id == codings.c.revision_id, t.c.start_offset <= codings.c.start_offset)
            .order_by(t.c.start_offset.desc()).limit(1).correlate(codings).scalar_subquery())
    rows = conn.execute(select(codings.c.id, codings.c.document_id, documents.c.title, turn)
                        .join(documents, documents.c.id == codings.c.document_id)
                        .where(codings.c.id.in_(sorted(coding_ids))))
    return {cid: (doc_id, title, None if idx is None else idx + 1) for cid, doc_id, title, idx in rows}
