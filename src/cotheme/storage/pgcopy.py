"""PostgreSQL's ``COPY ... FROM STDIN`` on the transaction's own connection: one round trip for many rows.

Owns only the wire step; what may be loaded this way (and what the audit trail then needs) is decided
by ``bulk`` and ``tracking``, its two users.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import Connection

from cotheme.storage import table_versions
from cotheme.storage.nul_guard import check_rows


def copy_rows(conn: Connection, table: str, columns: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """Write ``rows`` (values in the order of ``columns``) into ``table`` inside ``conn``'s transaction."""
    raw = conn.connection.driver_connection
    assert raw is not None
    table_versions.touched(conn, table)  # COPY goes under the statement hook that names changed tables
    names = ", ".join(f'"{c}"' for c in columns)
    with raw.cursor() as cursor, cursor.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
        for row in check_rows(columns, rows):  # COPY goes under the statement hook that checks text
            copy.write_row(row)
