"""The audit trail as a CSV file (one row per changed row; before and after as JSON text).

Cells that a spreadsheet would run as a formula are escaped by ``spreadsheet.safe_cell``, as for every
CSV cotheme writes. Must not touch the database.
"""

from __future__ import annotations

from collections.abc import Iterable

from cotheme.domain.team import AuditEntry
from cotheme.formats.spreadsheet import csv_bytes

COLUMNS = ("id", "at", "actor", "action", "table", "row_id", "before", "after")


def write_audit_csv(entries: Iterable[AuditEntry]) -> bytes:
    return csv_bytes(COLUMNS, (
        ("" if v is None else str(v) for v in (e.id, e.at.isoformat(), e.actor, e.action, e.table, e.row_id,
                                               e.before, e.after))
        for e in entries
    ), bom=True)
