"""Reading the audit trail ``tracking.py`` writes: newest first, optionally one table's or since a time.
Must not write it: only the statement hooks do, in the transaction of the change."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Connection, select

from cotheme.domain.team import AuditEntry
from cotheme.storage.schema import audit_log


def entries(conn: Connection, *, table: str | None = None, since: datetime | None = None,
            limit: int | None = None) -> list[AuditEntry]:
    query = select(audit_log).order_by(audit_log.c.id.desc())
    if table is not None:
        query = query.where(audit_log.c.table_name == table)
    if since is not None:
        query = query.where(audit_log.c.at >= since)
    if limit is not None:
        query = query.limit(limit)
    return [
        AuditEntry(r.id, r.at if r.at.tzinfo else r.at.replace(tzinfo=UTC), r.actor or "(no member)", r.action,
                   r.table_name, r.row_id, r.before, r.after)
        for r in conn.execute(query)
    ]


def tables(conn: Connection) -> list[str]:
    return list(conn.execute(select(audit_log.c.table_name).distinct().order_by(audit_log.c.table_name)).scalars())
