"""Offline copies in storage: a project's state as a ``WorkState``, cutting a full copy down to one
member's working copy, the copy's own record of where it came from, and the lead's queue of what
check-ins left (``merge_items``) with the list of copies made (``checkouts``).

Must not decide what a check-in does (``services/checkin.py`` does, by ``domain.checkout``'s rules).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from cotheme.domain.checkout import Baseline, CodeState, CodingState, DocState, MemoState, MergeItem, WorkState
from cotheme.storage.schema import (
    assignments,
    audit_log,
    cases,
    checkouts,
    codes,
    codings,
    documents,
    login_sessions,
    members,
    memos,
    merge_items,
    presence,
    revisions,
    settings,
    themes,
)

#: Rows the copy is cut down with are not changes to audit, nor hidden from anyone: the copy's own work.
WHOLE = {"cotheme_internal": True, "cotheme_untracked": True}
#: The settings row of a working copy that records its origin and base state.
BASELINE_KEY = "checkout"


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def state_of(conn: Connection, member_id: int, document_guids: Collection[str] | None = None) -> WorkState:
    """The transcripts (all, or those of ``document_guids``), the whole codebook, and ``member_id``'s own
    codings and memos in them, by GUID."""
    state = WorkState()
    doc_rows = conn.execute(
        select(documents.c.id, documents.c.guid, documents.c.title, revisions.c.number, revisions.c.text)
        .select_from(documents.join(revisions, revisions.c.id == documents.c.current_revision_id))
        .execution_options(**WHOLE)).all()
    doc_guid = {}
    for row in doc_rows:
        if document_guids is None or row.guid in document_guids:
            state.documents[row.guid] = DocState(row.title, row.number, sha(row.text))
            doc_guid[row.id] = row.guid
    code_rows = conn.execute(select(codes).execution_options(**WHOLE)).all()
    code_guid = {r.id: r.guid for r in code_rows}
    for r in code_rows:
        state.codes[r.guid] = CodeState(r.name, code_guid.get(r.parent_id), r.definition, r.inclusion,
                                        r.exclusion, r.example)
    coding_guid = {}
    for r in conn.execute(select(codings).where(codings.c.coder_id == member_id).execution_options(**WHOLE)):
        if r.document_id in doc_guid:
            coding_guid[r.id] = r.guid
            state.codings[r.guid] = CodingState(doc_guid[r.document_id], code_guid[r.code_id], r.start_offset,
                                                r.end_offset, r.quote, r.prefix, r.suffix)
    theme_guid = dict(conn.execute(select(themes.c.id, themes.c.guid).execution_options(**WHOLE)).all())
    for r in conn.execute(select(memos).where(memos.c.author_id == member_id).execution_options(**WHOLE)):
        target = {"document": doc_guid.get(r.document_id), "code": code_guid.get(r.code_id),
                  "coding": coding_guid.get(r.coding_id), "theme": theme_guid.get(r.theme_id), "project": None}
        if r.target in ("document", "coding") and target[r.target] is None:
            continue  # a memo on a transcript not in this state, or on another member's coding
        state.memos[r.guid] = MemoState(r.target, target.get(r.target), r.text)
    return state


def cut_to(conn: Connection, member_id: int, document_ids: Collection[int]) -> None:
    """Reduce a full copy of a project to ``member_id``'s working copy: their transcripts, the codebook
    and themes, their own codings and memos, the participants of those transcripts; no password hashes,
    sessions, presence or audit trail of the team's."""
    keep = list(document_ids)
    conn.execute(delete(documents).where(documents.c.id.not_in(keep)).execution_options(**WHOLE))
    conn.execute(delete(codings).where((codings.c.coder_id != member_id) | codings.c.coder_id.is_(None))
                 .execution_options(**WHOLE))
    conn.execute(delete(memos).where((memos.c.author_id != member_id) | memos.c.author_id.is_(None))
                 .execution_options(**WHOLE))
    linked = select(documents.c.case_id).where(documents.c.case_id.is_not(None))
    conn.execute(delete(cases).where(cases.c.id.not_in(linked)).execution_options(**WHOLE))
    conn.execute(delete(assignments).where(assignments.c.member_id != member_id).execution_options(**WHOLE))
    for table in (audit_log, login_sessions, presence, merge_items, checkouts):
        conn.execute(delete(table).execution_options(**WHOLE))
    conn.execute(update(members).values(password_hash=None).execution_options(**WHOLE))
    conn.execute(update(documents).values(blind=False).execution_options(**WHOLE))  # only their own codings are here


def write_baseline(conn: Connection, baseline: Baseline) -> None:
    conn.execute(delete(settings).where(settings.c.key == BASELINE_KEY).execution_options(**WHOLE))
    conn.execute(insert(settings).values(key=BASELINE_KEY, value=baseline.dumps()).execution_options(**WHOLE))


def read_baseline(conn: Connection) -> Baseline | None:
    text = conn.execute(select(settings.c.value).where(settings.c.key == BASELINE_KEY)).scalar_one_or_none()
    return Baseline.loads(text) if text else None


def record_checkout(conn: Connection, guid: str, member: str, titles: list[str]) -> None:
    conn.execute(insert(checkouts).values(guid=guid, member=member, documents=json.dumps(titles),
                                          created_at=datetime.now(UTC)))


def mark_checked_in(conn: Connection, guid: str) -> None:
    conn.execute(update(checkouts).where(checkouts.c.guid == guid).values(checked_in_at=datetime.now(UTC)))


def list_checkouts(conn: Connection) -> list[dict[str, Any]]:
    rows = conn.execute(select(checkouts).order_by(checkouts.c.created_at.desc())).all()
    return [{"guid": r.guid, "member": r.member, "documents": json.loads(r.documents),
             "created_at": r.created_at, "checked_in_at": r.checked_in_at} for r in rows]


# -- the lead's queue -------------------------------------------------------------------------------
def add_item(conn: Connection, *, checkout: str, member: str, kind: str, subject: str, subject_guid: str,
             field: str = "", sentence: str, ours: Any = None, theirs: Any = None) -> bool:
    """Queue a proposal or conflict; ``False`` when this copy already queued it (checked in again)."""
    exists = conn.execute(select(merge_items.c.id).where(
        merge_items.c.checkout_guid == checkout, merge_items.c.subject == subject,
        merge_items.c.subject_guid == subject_guid, merge_items.c.field == field)).first()
    if exists is not None:
        return False
    try:
        with conn.begin_nested():
            conn.execute(insert(merge_items).values(
                checkout_guid=checkout, member=member, kind=kind, subject=subject, subject_guid=subject_guid,
                field=field, sentence=sentence, ours=json.dumps(ours), theirs=json.dumps(theirs),
                status="open", created_at=datetime.now(UTC)))
    except IntegrityError:  # queued at the same moment by another check-in of the same copy
        return False
    return True


def _item(r: Any) -> MergeItem:
    return MergeItem(r.id, r.checkout_guid, r.member, r.kind, r.subject, r.subject_guid, r.field, r.sentence,
                     json.loads(r.ours) if r.ours else None, json.loads(r.theirs) if r.theirs else None,
                     r.status, r.decided_by)


def items(conn: Connection, status: str | None = "open") -> list[MergeItem]:
    query = select(merge_items).order_by(merge_items.c.id)
    if status is not None:
        query = query.where(merge_items.c.status == status)
    return [_item(r) for r in conn.execute(query)]


def item(conn: Connection, item_id: int) -> MergeItem | None:
    row = conn.execute(select(merge_items).where(merge_items.c.id == item_id)).first()
    return _item(row) if row is not None else None


def decide(conn: Connection, item_id: int, status: str, by: str) -> None:
    conn.execute(update(merge_items).where(merge_items.c.id == item_id)
                 .values(status=status, decided_by=by, decided_at=datetime.now(UTC)))
