"""The project's data version: a number every committed write transaction raises by one.

Owns the one-row ``data_version`` table. ``Store.write`` bumps it as the last statement of each write
transaction, so the new number becomes visible together with the change (on SQLite and PostgreSQL
alike, whichever process wrote). A reader that reads the number *before* the data it sums up may
cache the result under that number: a later change always raises it. An in-process cache keyed by
anything else would miss other processes' writes. Must not decide what is cached.
"""

from __future__ import annotations

from sqlalchemy import Connection, select
from sqlalchemy.dialects import postgresql, sqlite

from cotheme.storage.schema import data_version

_READ = select(data_version.c.n).where(data_version.c.id == 1)
#: One statement that makes the row or raises it, atomically on both engines (two first writers at
#: once cannot both insert it).
_BUMP = {
    name: dialect.insert(data_version).values(id=1, n=1).on_conflict_do_update(
        index_elements=[data_version.c.id], set_={"n": data_version.c.n + 1})
    for name, dialect in (("sqlite", sqlite), ("postgresql", postgresql))
}


def bump(conn: Connection) -> None:
    """Raise the version inside the caller's write transaction."""
    conn.execute(_BUMP[conn.dialect.name])


def current(conn: Connection) -> int | None:
    """The committed version this transaction sees (``None``: nothing written yet, nothing to key on)."""
    return conn.execute(_READ).scalar()
