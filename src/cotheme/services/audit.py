"""The audit trail for leads: reading it (newest first) and exporting it as CSV."""

from __future__ import annotations

from pathlib import Path

from cotheme.domain.team import AuditEntry
from cotheme.errors import Conflict, InvalidArgument
from cotheme.formats.audit_file import write_audit_csv
from cotheme.services.history import parse_when
from cotheme.services.outputs import write_output
from cotheme.storage import audit as repo
from cotheme.storage.store import Store
from cotheme.storage.tracking import TRACKED


def entries(store: Store, *, table: str | None = None, since: str | None = None,
            limit: int | None = None) -> list[AuditEntry]:
    """Changes newest first: of one table (codings, documents, cases, members, codes, ...) when given,
    from ``since`` (a date or time) on."""
    if table is not None and table not in TRACKED:
        raise InvalidArgument(f"'{table}' is not audited; choose one of {', '.join(sorted(TRACKED))}.")
    if limit is not None and limit < 1:
        raise InvalidArgument("--limit must be 1 or more.")
    moment = parse_when(since, end_of_day=False) if since else None
    with store.read() as conn:
        return repo.entries(conn, table=table, since=moment, limit=limit)


def export(store: Store, path: Path, *, table: str | None = None, since: str | None = None) -> Path:
    """Write the trail (or part of it) as CSV into the new file ``path``."""
    if path.suffix.lower() != ".csv":
        raise InvalidArgument(f"{path.name}: the audit trail is exported as a .csv file.")
    if path.exists():
        raise Conflict(f"{path} already exists; choose a new file name.")
    write_output(path, write_audit_csv(entries(store, table=table, since=since)))
    return path
