"""Repository of transcript revisions: writing a new revision with its turns, moving the document and
its search units to it, carrying coding anchors, and reading the history back.

Must not decide where a coding lands (``cotheme.domain.reanchor`` does) nor open transactions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import Connection, bindparam, func, insert, select, update

from cotheme.domain.documents import Document, Turn
from cotheme.domain.revisions import RevisionInfo
from cotheme.domain.text import Anchor, word_count
from cotheme.storage import search
from cotheme.storage.codings import speaker_at
from cotheme.storage.documents import insert_turn_rows, read_document, read_turns
from cotheme.storage.schema import codes, codings, documents, members, revisions
from cotheme.storage.store import as_utc, now

INTERNAL = {"cotheme_internal": True}


def lock_current(conn: Connection, doc_id: int) -> tuple[int, int, str]:
    """The document's current revision (id, number, text), its row locked against a concurrent edit
    on PostgreSQL (SQLite writers already hold the database lock)."""
    current = conn.execute(
        select(documents.c.current_revision_id).where(documents.c.id == doc_id).with_for_update()
    ).scalar_one()
    row = conn.execute(
        select(revisions.c.id, revisions.c.number, revisions.c.text).where(revisions.c.id == current)
    ).one()
    return row.id, row.number, row.text


def insert_revision(
    conn: Connection, doc_id: int, number: int, text: str, *, author_id: int | None, reason: str,
    deidentified: bool = False,
) -> int:
    return conn.execute(  # type: ignore[no-any-return]
        insert(revisions).values(
            document_id=doc_id, number=number, text=text, char_length=len(text), words=word_count(text),
            author_id=author_id, reason=reason, created_at=now(), deidentified=deidentified,
        )
    ).inserted_primary_key[0]  # type: ignore[index]


def make_current(conn: Connection, doc_id: int, revision_id: int, text: str, new_turns: Sequence[Turn]) -> None:
    """Write the turns of a new revision, point the document at it and rebuild its search units."""
    if new_turns:
        insert_turn_rows(
            conn, [(revision_id, t.index, t.speaker, t.start, t.end, t.t_start_ms, t.t_end_ms) for t in new_turns]
        )
    conn.execute(update(documents).where(documents.c.id == doc_id).values(current_revision_id=revision_id))
    search.drop_document_units(conn, doc_id)
    search.add_units(
        conn, (search.Unit("turn", text[t.start : t.end], doc_id, None, t.start, t.speaker) for t in new_turns)
    )


def codings_on(conn: Connection, revision_id: int) -> list[Any]:
    """Every coding anchored to a revision, with what re-anchoring needs: all of them, whoever acts (a
    storage-internal read, past ``visibility``), since a coding an edit does not carry is stranded on an
    old revision with offsets that no longer point at its text."""
    return list(
        conn.execute(
            select(codings.c.id, codings.c.start_offset, codings.c.end_offset, codings.c.quote,
                   codings.c.prefix, codings.c.suffix, codings.c.anchor_status, codings.c.anchor_score,
                   codings.c.old_quote)
            .where(codings.c.revision_id == revision_id)
            .order_by(codings.c.id)
            .execution_options(**INTERNAL)
        )
    )


def visible_on(conn: Connection, revision_id: int) -> set[int]:
    """The ids of the codings on a revision that the acting member may see (``visibility`` applies)."""
    return set(conn.execute(select(codings.c.id).where(codings.c.revision_id == revision_id)).scalars())


def carry_codings(conn: Connection, revision_id: int, placed: Sequence[tuple[int, Anchor, str, float, str | None]]) -> None:
    """Move codings to ``revision_id``: (coding id, new anchor, status, score, old quote) each."""
    if not placed:
        return
    statement = (
        update(codings)
        .where(codings.c.id == bindparam("cid"))
        .values(
            revision_id=revision_id, start_offset=bindparam("s"), end_offset=bindparam("e"),
            quote=bindparam("q"), prefix=bindparam("p"), suffix=bindparam("x"),
            anchor_status=bindparam("st"), anchor_score=bindparam("sc"), old_quote=bindparam("oq"),
            speaker=speaker_at(revision_id, bindparam("s")),
        )
    )
    conn.execute(
        statement,
        [
            {"cid": cid, "s": a.start, "e": a.end, "q": a.quote, "p": a.prefix, "x": a.suffix,
             "st": status, "sc": score, "oq": old}
            for cid, a, status, score, old in placed
        ],
    )


def mark_review(conn: Connection, scored: Sequence[tuple[int, float]]) -> None:
    """Codings left on their revision for a person to place: (coding id, best score found)."""
    if scored:
        conn.execute(
            update(codings).where(codings.c.id == bindparam("cid")).values(anchor_status="review", anchor_score=bindparam("sc")),
            [{"cid": cid, "sc": score} for cid, score in scored],
        )


def place(conn: Connection, coding_id: int, revision_id: int, anchor: Anchor, old_quote: str | None) -> None:
    """A person's decision: the coding sits at ``anchor`` on ``revision_id`` and is sure again."""
    conn.execute(
        update(codings).where(codings.c.id == coding_id).values(
            revision_id=revision_id, start_offset=anchor.start, end_offset=anchor.end, quote=anchor.quote,
            prefix=anchor.prefix, suffix=anchor.suffix, anchor_status="ok", anchor_score=None,
            old_quote=old_quote, updated_at=now(), speaker=speaker_at(revision_id, anchor.start),
        )
    )


def history(conn: Connection, doc_id: int) -> list[RevisionInfo]:
    current = conn.execute(select(documents.c.current_revision_id).where(documents.c.id == doc_id)).scalar_one()
    rows = conn.execute(
        select(revisions.c.id, revisions.c.number, members.c.name, revisions.c.reason, revisions.c.created_at,
               revisions.c.char_length, revisions.c.words, revisions.c.deidentified)
        .outerjoin(members, members.c.id == revisions.c.author_id)
        .where(revisions.c.document_id == doc_id)
        .order_by(revisions.c.number)
    )
    return [
        RevisionInfo(id=r.id, number=r.number, author=r.name, reason=r.reason, created_at=as_utc(r.created_at),
                     chars=r.char_length, words=r.words, deidentified=bool(r.deidentified), current=r.id == current)
        for r in rows
    ]


def revision_id_of(conn: Connection, doc_id: int, number: int) -> int | None:
    return conn.execute(
        select(revisions.c.id).where(revisions.c.document_id == doc_id, revisions.c.number == number)
    ).scalar_one_or_none()


def read_at(conn: Connection, doc_id: int, revision_id: int) -> Document:
    """The document as it read at one revision (text and turns of that revision)."""
    row = conn.execute(select(revisions.c.number, revisions.c.text).where(revisions.c.id == revision_id)).one()
    return replace(read_document(conn, doc_id), revision_id=revision_id, revision=row.number, text=row.text,
                   turns=read_turns(conn, revision_id))


def set_deidentified(conn: Connection, revision_id: int, value: bool = True) -> None:
    conn.execute(update(revisions).where(revisions.c.id == revision_id).values(deidentified=value))


def queue_rows(conn: Connection, statuses: Sequence[str], doc_id: int | None = None, coding_id: int | None = None) -> list[Any]:
    """Codings with one of ``statuses``, with document, code, coder and revision numbers."""
    current = revisions.alias("cur")
    query = (
        select(codings.c.id, codings.c.document_id, documents.c.title, codes.c.name.label("code"),
               members.c.name.label("coder"), codings.c.anchor_status, codings.c.anchor_score,
               codings.c.start_offset, codings.c.end_offset, codings.c.quote, codings.c.prefix, codings.c.suffix,
               codings.c.old_quote, revisions.c.number.label("on_number"),
               current.c.number.label("current_number"), current.c.id.label("current_id"),
               current.c.text.label("current_text"))
        .join(documents, documents.c.id == codings.c.document_id)
        .join(codes, codes.c.id == codings.c.code_id)
        .join(revisions, revisions.c.id == codings.c.revision_id)
        .join(current, current.c.id == documents.c.current_revision_id)
        .outerjoin(members, members.c.id == codings.c.coder_id)
        .where(codings.c.anchor_status.in_(list(statuses)))
        .order_by(codings.c.document_id, codings.c.start_offset, codings.c.id)
    )
    if doc_id is not None:
        query = query.where(codings.c.document_id == doc_id)
    if coding_id is not None:
        query = query.where(codings.c.id == coding_id)
    return list(conn.execute(query))


def status_counts(conn: Connection) -> dict[str, int]:
    return dict(conn.execute(select(codings.c.anchor_status, func.count()).group_by(codings.c.anchor_status)).all())
