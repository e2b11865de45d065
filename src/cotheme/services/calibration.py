"""Calibration sessions: how a co-produced team sets up its coding frame on one transcript.

The lead opens a session on a transcript: it is assigned to every coder (or those named) and made
blind, so each codes it without seeing the others (live pages show each coder only their own work).
The lead follows who has coded how much, then reveals it: everyone's codings appear side by side in the
reader (lanes by coder) for the discussion, and disagreements are taken into the consensus layer on
the Reconcile page. Closing the session records the decisions made — as the session's text and as a
memo on the transcript — while changes to the codebook go into its history with their rationale.

Owns ``CalibrationSession`` and start / sessions / reveal / close. Must not decide permissions
(``services/acting.py``: a lead runs sessions; everyone sees the sessions they are in).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, insert, select, update

from cotheme.domain.memos import MemoTarget
from cotheme.errors import Conflict, InvalidArgument, NotFound
from cotheme.services import assignments
from cotheme.services.coding import resolve_document
from cotheme.storage import memos as memos_repo
from cotheme.storage.schema import calibrations, codings, documents, members
from cotheme.storage.store import Store
from cotheme.storage.tracking import ACTOR


@dataclass(frozen=True, slots=True)
class CalibrationSession:
    id: int
    document_id: int
    document: str
    coders: tuple[str, ...]
    started_by: str
    started_at: datetime
    revealed_at: datetime | None
    closed_at: datetime | None
    decisions: str
    codings: dict[str, int]  # per coder, counted only for a lead (a coder sees only their own)

    @property
    def state(self) -> str:
        return "closed" if self.closed_at else "revealed" if self.revealed_at else "coding blind"


def start(store: Store, document: str | int, coders: Sequence[str] = ()) -> CalibrationSession:
    """Open a session: the transcript assigned to ``coders`` (default: every coder) and made blind."""
    with store.read() as conn:
        doc_id = resolve_document(conn, str(document))
        if _open_session(conn, doc_id) is not None:
            raise Conflict("A calibration session is already open on that transcript; close it first.")
    given = assignments.assign(store, doc_id, list(coders), blind=True, everyone=not coders)
    actor = ACTOR.get()
    with store.write() as conn:
        conn.execute(insert(calibrations).values(
            document_id=doc_id, coders=json.dumps(sorted(a.coder for a in given)),
            started_by=actor[1] if actor else "", started_at=datetime.now(UTC)))
    return _one(store, doc_id)


def sessions(store: Store, *, counts: bool = True) -> list[CalibrationSession]:
    """Every session, newest first; ``counts``: each coder's codings on the transcript."""
    with store.read() as conn:
        rows = conn.execute(select(calibrations, documents.c.title)
                            .join(documents, documents.c.id == calibrations.c.document_id)
                            .order_by(calibrations.c.id.desc())).all()
        per: dict[int, dict[str, int]] = {}
        if counts and rows:
            for doc_id, name, n in conn.execute(
                    select(codings.c.document_id, members.c.name, func.count())
                    .join(members, members.c.id == codings.c.coder_id)
                    .where(codings.c.document_id.in_({r.document_id for r in rows}))
                    .group_by(codings.c.document_id, members.c.name)):
                per.setdefault(doc_id, {})[name] = n
    return [CalibrationSession(r.id, r.document_id, r.title, tuple(json.loads(r.coders)), r.started_by,
                               _utc(r.started_at), _utc(r.revealed_at), _utc(r.closed_at), r.decisions,
                               {c: per.get(r.document_id, {}).get(c, 0) for c in json.loads(r.coders)})
            for r in rows]


def reveal(store: Store, document: str | int) -> CalibrationSession:
    """Show everyone's codings on the session's transcript (it stops being blind)."""
    with store.read() as conn:
        doc_id = resolve_document(conn, str(document))
        found = _open_session(conn, doc_id)
    if found is None:
        raise NotFound("No calibration session is open on that transcript.")
    assignments.set_blind(store, doc_id, False)
    with store.write() as conn:
        conn.execute(update(calibrations).where(calibrations.c.id == found).values(revealed_at=datetime.now(UTC)))
    return _one(store, doc_id)


def close(store: Store, document: str | int, decisions: str) -> CalibrationSession:
    """End the session with the decisions the team made (kept with it, and as a memo on the transcript)."""
    text = decisions.strip()
    if not text:
        raise InvalidArgument("Write down the decisions the team made before closing the session.")
    actor = ACTOR.get()
    with store.write() as conn:
        doc_id = resolve_document(conn, str(document))
        found = _open_session(conn, doc_id)
        if found is None:
            raise NotFound("No calibration session is open on that transcript.")
        revealed = conn.execute(select(calibrations.c.revealed_at).where(calibrations.c.id == found)).scalar_one()
        if revealed is None:
            raise Conflict("Reveal the codings before closing the session: the decisions come from comparing them.")
        conn.execute(update(calibrations).where(calibrations.c.id == found)
                     .values(closed_at=datetime.now(UTC), decisions=text))
        memos_repo.insert_memo(conn, f"Calibration decisions: {text}", actor[0] if actor else None,
                               MemoTarget.DOCUMENT, doc_id)
    return next(s for s in sessions(store) if s.id == found)


def _open_session(conn: object, doc_id: int) -> int | None:
    return conn.execute(select(calibrations.c.id).where(  # type: ignore[attr-defined, no-any-return]
        calibrations.c.document_id == doc_id, calibrations.c.closed_at.is_(None))).scalar_one_or_none()


def _one(store: Store, doc_id: int) -> CalibrationSession:
    return next(s for s in sessions(store) if s.document_id == doc_id)


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)
