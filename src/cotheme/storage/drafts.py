"""The ``assist_drafts`` table: drafts from the team's language model that a person accepted, with
their provenance. Writes are audited (``tracking.TRACKED``); must not decide what is accepted."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import Connection, func, insert, select

from cotheme.storage.schema import assist_drafts, members


class DraftRow(NamedTuple):
    id: int
    kind: str
    target: str
    code_id: int | None
    theme_id: int | None
    text: str
    edited: bool
    endpoint: str
    api: str
    model: str
    digest: str
    prompt: str
    seed: int
    extracts: list[int]
    drafted_at: datetime
    accepted_by: str | None
    accepted_at: datetime


def insert_draft(conn: Connection, *, kind: str, target: str, code_id: int | None, theme_id: int | None,
                 text: str, edited: bool, provenance: dict[str, Any], coding_ids: Sequence[int],
                 drafted_at: datetime, member_id: int | None, accepted_at: datetime) -> int:
    return conn.execute(insert(assist_drafts).values(  # type: ignore[no-any-return]
        kind=kind, target=target[:500], code_id=code_id, theme_id=theme_id, text=text, edited=edited,
        endpoint=str(provenance["endpoint"])[:500], api=str(provenance["api"])[:10],
        model=str(provenance["model"])[:200], digest=str(provenance["digest"])[:200],
        prompt=str(provenance["prompt"])[:100], seed=int(provenance["seed"]),
        extracts=json.dumps([int(i) for i in coding_ids]), drafted_at=drafted_at, accepted_by=member_id,
        accepted_at=accepted_at,
    )).inserted_primary_key[0]  # type: ignore[index]


def accepted(conn: Connection) -> list[DraftRow]:
    """Every accepted draft, oldest first, with the name of who accepted it."""
    query = select(
        assist_drafts.c.id, assist_drafts.c.kind, assist_drafts.c.target, assist_drafts.c.code_id,
        assist_drafts.c.theme_id, assist_drafts.c.text, assist_drafts.c.edited, assist_drafts.c.endpoint,
        assist_drafts.c.api, assist_drafts.c.model, assist_drafts.c.digest, assist_drafts.c.prompt,
        assist_drafts.c.seed, assist_drafts.c.extracts, assist_drafts.c.drafted_at, members.c.name,
        assist_drafts.c.accepted_at,
    ).select_from(assist_drafts.outerjoin(members, members.c.id == assist_drafts.c.accepted_by)).order_by(
        assist_drafts.c.id)
    return [DraftRow(*r[:13], json.loads(r[13]), *r[14:]) for r in conn.execute(query)]


def counts(conn: Connection) -> list[tuple[str, str, str, bool, int]]:
    """(kind, model, prompt, edited, how many) of the accepted drafts (for the methods report)."""
    query = select(assist_drafts.c.kind, assist_drafts.c.model, assist_drafts.c.prompt, assist_drafts.c.edited,
                   func.count()).group_by(assist_drafts.c.kind, assist_drafts.c.model, assist_drafts.c.prompt,
                                          assist_drafts.c.edited).order_by(assist_drafts.c.kind, assist_drafts.c.model)
    return [(r[0], r[1], r[2], bool(r[3]), int(r[4])) for r in conn.execute(query)]
