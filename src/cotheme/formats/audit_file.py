"""The audit trail as a CSV file (one row per changed row; before and after as JSON text).

Cells that a spreadsheet would run as a formula (starting with = + - @) are prefixed with a quote, as
OWASP advises for CSV exports. Must not touch the database.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from cotheme.domain.team import AuditEntry

COLUMNS = ("id", "at", "actor", "action", "table", "row_id", "before", "after")


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def write_audit_csv(entries: Iterable[AuditEntry]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for e in entries:
        writer.writerow([_cell(v) for v in (e.id, e.at.isoformat(), e.actor, e.action, e.table, e.row_id,
                                            e.before, e.after)])
    return out.getvalue().encode("utf-8-sig")
