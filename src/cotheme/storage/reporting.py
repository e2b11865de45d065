"""Read-only aggregate queries the reports are built from.

Owns SQL that counts rather than lists: codings per (code, case), coding spans for co-occurrence,
transcript facts for the methods appendix. Each query returns plain tuples sized by codes x cases or
by the codings themselves, never transcript text, so a report of 100,000 codings stays fast. Must not
shape a report: the services do.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Connection, case, distinct, func, select

from cotheme.storage.schema import codes, codings, documents, members, memos, revisions, turns
from cotheme.storage.store import as_utc


def counts_by_code_and_case(conn: Connection) -> list[tuple[int, int | None, int]]:
    """``(code_id, case_id, codings)`` for every pair that has codings; ``case_id`` None = no case."""
    query = (
        select(codings.c.code_id, documents.c.case_id, func.count())
        .join(documents, documents.c.id == codings.c.document_id)
        .group_by(codings.c.code_id, documents.c.case_id)
    )
    return [(code_id, case_id, n) for code_id, case_id, n in conn.execute(query)]


@dataclass(frozen=True, slots=True)
class Span:
    """A coding's place, without its text."""

    id: int
    document_id: int
    revision_id: int
    code_id: int
    case_id: int | None
    start: int
    end: int


def spans(conn: Connection, code_ids: list[int] | None = None) -> list[Span]:
    """Coding spans (optionally of some codes) in document then text order."""
    query = (
        select(codings.c.id, codings.c.document_id, codings.c.revision_id, codings.c.code_id,
               documents.c.case_id, codings.c.start_offset, codings.c.end_offset)
        .join(documents, documents.c.id == codings.c.document_id)
        .order_by(codings.c.document_id, codings.c.start_offset, codings.c.id)
    )
    if code_ids is not None:
        query = query.where(codings.c.code_id.in_(code_ids))
    return [Span(*row) for row in conn.execute(query)]


def best_spans(conn: Connection, per_group: int, aim: int, low: int, high: int) -> list[Span]:
    """For every (code, case), the ``per_group`` codings whose length best suits a quote: within
    ``low``-``high`` characters first, then nearest ``aim``. Ranked in SQL (a window function on
    both engines) so a report of 100,000 codings brings back only the candidates."""
    length = codings.c.end_offset - codings.c.start_offset
    penalty = case((length.between(low, high), 0), else_=1)
    rank = func.row_number().over(
        partition_by=(codings.c.code_id, documents.c.case_id),
        order_by=(penalty, func.abs(length - aim), codings.c.id),
    )
    ranked = (
        select(codings.c.id, codings.c.document_id, codings.c.revision_id, codings.c.code_id,
               documents.c.case_id, codings.c.start_offset, codings.c.end_offset, rank.label("rank"))
        .join(documents, documents.c.id == codings.c.document_id)
        .subquery()
    )
    query = select(*(c for c in ranked.c if c.name != "rank")).where(ranked.c.rank <= per_group)
    return [Span(*row) for row in conn.execute(query)]


def turn_starts(conn: Connection) -> dict[int, list[int]]:
    """Start offsets of the turns of every revision that has codings, per revision, ascending."""
    coded = select(codings.c.revision_id).distinct().scalar_subquery()
    found: dict[int, list[int]] = {}
    for revision_id, start in conn.execute(
        select(turns.c.revision_id, turns.c.start_offset)
        .where(turns.c.revision_id.in_(coded))
        .order_by(turns.c.revision_id, turns.c.start_offset)
    ):
        found.setdefault(revision_id, []).append(start)
    return found


@dataclass(frozen=True, slots=True)
class TranscriptFacts:
    """What the methods appendix says about one transcript."""

    id: int
    title: str
    words: int
    mode: str
    duration_minutes: int | None
    interview_date: date | None
    interviewer: str
    format: str
    setting: str = ""
    has_field_notes: bool = False


def transcripts(conn: Connection) -> list[TranscriptFacts]:
    query = (
        select(documents.c.id, documents.c.title, revisions.c.words, documents.c.mode,
               documents.c.duration_minutes, documents.c.interview_date, documents.c.interviewer,
               documents.c.format, documents.c.setting, documents.c.field_notes != "")
        .join(revisions, revisions.c.id == documents.c.current_revision_id)
        .order_by(documents.c.id)
    )
    return [TranscriptFacts(*row) for row in conn.execute(query)]


def coding_by_member(conn: Connection) -> list[tuple[int, str, int, int]]:
    """``(member id, role label, document id, codings)`` for every member and document they coded."""
    query = (
        select(members.c.id, members.c.role_label, codings.c.document_id, func.count(codings.c.id))
        .join(codings, codings.c.coder_id == members.c.id)
        .group_by(members.c.id, members.c.role_label, codings.c.document_id)
    )
    return [(m, role, doc, n) for m, role, doc, n in conn.execute(query)]


def memo_targets(conn: Connection) -> dict[str, int]:
    """How many memos there are on each kind of target."""
    return {t: n for t, n in conn.execute(select(memos.c.target, func.count()).group_by(memos.c.target))}


def code_creation_dates(conn: Connection) -> list[datetime]:
    return [as_utc(d) for d in conn.execute(select(codes.c.created_at).order_by(codes.c.created_at)).scalars()]


def timestamped_documents(conn: Connection) -> int:
    """Documents whose current revision has timed turns (from recordings' captions)."""
    return conn.execute(
        select(func.count(distinct(documents.c.id)))
        .join(turns, turns.c.revision_id == documents.c.current_revision_id)
        .where(turns.c.t_start_ms.is_not(None))
    ).scalar_one()
