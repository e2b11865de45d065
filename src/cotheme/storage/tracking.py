"""The audit trail and the codebook's row history, captured from the statements themselves.

Owns two SQLAlchemy connection events installed on every project engine. Before an UPDATE or DELETE
on a tracked table runs, the rows it will touch are read; after it ran, they are read again, and
one ``audit_log`` row per changed row is recorded (who, when, what, before and after as JSON) on the same
connection, so inside the same transaction: the change and its record commit or roll back together. The
rows wait in the connection's buffer and are written in one statement as the transaction commits (one
round trip per transaction, not one per changed statement); a rollback, or a rollback to a savepoint,
drops what it undid. A one-row INSERT asks for the row it made in the statement itself (``RETURNING``
every column, on both engines), so the row is not read again: one round trip, not two; an INSERT of
many rows records the values it was given.
Changes to ``codes`` also become states of the current codebook change (``history.py``).

Capturing at the statement level means every path that changes data — services written later, imports,
merges — is recorded without having to remember to. Who acts comes from ``ACTOR``, a context variable
the services' acting-member facade sets around each call; ``None`` means no member (the Python API used
directly, or a migration). Must not decide who may do what.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from contextvars import ContextVar
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, Engine, Table, and_, event, insert, select
from sqlalchemy.sql.dml import Delete, Insert, Update, UpdateBase

from cotheme.storage import history, visibility
from cotheme.storage.pgcopy import copy_rows
from cotheme.storage.schema import audit_log, codes

#: The member a change is made by: (member id, name), or ``None`` for no member.
ACTOR: ContextVar[tuple[int, str] | None] = ContextVar("cotheme_actor", default=None)

#: The tables whose every change is audited (the issue names codings, documents, cases, members and
#: the codebook; participant attributes and assignments belong with cases and members; memos and themes
#: are what the live feed tells of too; an accepted language-model draft is recorded with its provenance).
TRACKED = frozenset({"codings", "documents", "cases", "case_values", "attributes", "members", "codes", "memos",
                     "themes", "assignments", "assist_drafts"})
#: Columns never copied into the trail: a password hash shows only that it changed.
REDACTED = {"members": frozenset({"password_hash"})}
INTERNAL = {"cotheme_internal": True}
_PENDING = "cotheme_pending"
_BUFFER = "cotheme_audit_rows"
_SAVEPOINTS = "cotheme_audit_savepoints"
#: From how many records a commit writes them with COPY (PostgreSQL) rather than one INSERT.
_COPY_FROM = 100


def install(engine: Engine) -> None:
    """Start auditing ``engine`` and restricting what a blind document shows (``visibility``)."""
    if event.contains(engine, "after_execute", _after):
        return
    event.listen(engine, "before_execute", _before, retval=True)
    event.listen(engine, "after_execute", _after)
    event.listen(engine, "begin", _discard)
    event.listen(engine, "commit", _flush)
    event.listen(engine, "rollback", _discard)
    event.listen(engine, "savepoint", _savepoint)
    event.listen(engine, "rollback_savepoint", _rollback_savepoint)
    event.listen(engine, "release_savepoint", _release_savepoint)
    visibility.install(engine)


def _flush(conn: Connection) -> None:
    """Write the transaction's audit rows, in the order of the changes, just before it commits."""
    conn.info.pop(_SAVEPOINTS, None)
    rows = conn.info.pop(_BUFFER, None)
    if not rows:
        return
    # Stamped (``at``) as saved: the live feed waits at most a few seconds after a row's stamp for the ids
    # before it that other commits still hold (``live.HOLE_WAIT``), so the stamp must be this moment.
    stamp = datetime.now(UTC)
    for row in rows:
        row["at"] = stamp
    if conn.dialect.name == "postgresql" and len(rows) > _COPY_FROM:
        # COPY for a big import's records (100,000 codings: 1.0 s as an executemany); audit_log is not
        # itself audited, so nothing is missed by going under the statement events.
        columns = list(rows[0])
        copy_rows(conn, audit_log.name, columns, (tuple(row[c] for c in columns) for row in rows))
        return
    conn.execute(insert(audit_log).execution_options(**INTERNAL), rows)


def _discard(conn: Connection) -> None:
    conn.info.pop(_BUFFER, None)
    conn.info.pop(_SAVEPOINTS, None)


def _savepoint(conn: Connection, name: str) -> None:
    conn.info.setdefault(_SAVEPOINTS, []).append(len(conn.info.get(_BUFFER, ())))


def _rollback_savepoint(conn: Connection, name: str, context: object) -> None:
    marks = conn.info.get(_SAVEPOINTS)
    if marks:
        del conn.info.setdefault(_BUFFER, [])[marks.pop():]


def _release_savepoint(conn: Connection, name: str, context: object) -> None:
    marks = conn.info.get(_SAVEPOINTS)
    if marks:
        marks.pop()


def _tracked(clause: Any, options: Mapping[str, Any]) -> Table | None:
    if not isinstance(clause, UpdateBase) or options.get("cotheme_untracked"):
        return None
    table = getattr(clause, "table", None)
    return table if isinstance(table, Table) and table.name in TRACKED else None


def _param_sets(multiparams: Sequence[Any], params: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return list(multiparams) if multiparams else [params or {}]


def _before(conn: Connection, clause: Any, multiparams: Sequence[Any], params: Mapping[str, Any],
            options: Mapping[str, Any]) -> tuple[Any, Sequence[Any], Mapping[str, Any]]:
    table = _tracked(clause, options)
    if table is None:
        return clause, multiparams, params
    rows: list[dict[str, Any]] = []
    if isinstance(clause, (Update, Delete)):
        query = select(table).execution_options(**INTERNAL)
        if clause.whereclause is not None:
            query = query.where(clause.whereclause)
        for given in _param_sets(multiparams, params):
            rows.extend(dict(r) for r in conn.execute(query, dict(given)).mappings())
    elif _one_row(conn, clause, multiparams):
        # The new row comes back with the INSERT (``returned_defaults``): what a read after it would see.
        clause = clause.return_defaults(supplemental_cols=list(table.c))
    conn.info.setdefault(_PENDING, []).append(rows)
    return clause, multiparams, params


def _one_row(conn: Connection, clause: Any, multiparams: Sequence[Any]) -> bool:
    """Whether ``clause`` is an INSERT of one row of given values whose caller asked for no rows back."""
    return (isinstance(clause, Insert) and len(multiparams) <= 1 and conn.dialect.insert_returning
            and getattr(clause, "select", None) is None and not getattr(clause, "_multi_values", ())
            and not clause.returning_column_descriptions)


def _after(conn: Connection, clause: Any, multiparams: Sequence[Any], params: Mapping[str, Any],
           options: Mapping[str, Any], result: Any) -> None:
    table = _tracked(clause, options)
    if table is None:
        return
    before_rows = conn.info[_PENDING].pop()
    if isinstance(clause, Insert):
        changes = [(None, row) for row in _inserted(conn, table, multiparams, params, result)]
    elif isinstance(clause, Update):
        changes = [(row, _reread(conn, table, row)) for row in before_rows]
    else:
        changes = [(row, None) for row in before_rows]
    if changes:
        record(conn, table, changes)


def _inserted(conn: Connection, table: Table, multiparams: Sequence[Any], params: Mapping[str, Any],
              result: Any) -> list[dict[str, Any]]:
    sets = _param_sets(multiparams, params)
    returned = result.returned_defaults if len(sets) == 1 else None
    if returned is not None and len(returned) == len(table.c):
        return [dict(returned._mapping)]
    if len(sets) == 1:
        key = result.inserted_primary_key
        if key is not None and all(v is not None for v in key):
            found = _reread(conn, table, dict(zip((c.name for c in table.primary_key.columns), key)))
            if found is not None:
                return [found]
    return [dict(given) for given in sets]


def _reread(conn: Connection, table: Table, row: Mapping[str, Any]) -> dict[str, Any] | None:
    keys = list(table.primary_key.columns)
    query = select(table).where(and_(*(c == row[c.name] for c in keys))).execution_options(**INTERNAL)
    found = conn.execute(query).mappings().first()
    return dict(found) if found is not None else None


def row_key(table: Table, row: Mapping[str, Any]) -> str:
    """The primary key of ``row`` as text (``3``, or ``3/7`` for a two-column key)."""
    values = [row.get(c.name) for c in table.primary_key.columns]
    if any(v is None for v in values):
        return str(row.get("guid") or "")
    return "/".join(str(v) for v in values)


def _plain(value: Any) -> Any:
    """A value JSON has no type for, as JSON can hold it."""
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    raise TypeError(f"cannot record a {type(value).__name__} in the audit trail")


def as_json(table: Table, row: Mapping[str, Any] | None) -> str | None:
    """A row as stable JSON text, redacted columns shown only as changed."""
    if row is None:
        return None
    hidden = REDACTED.get(table.name)
    if hidden:
        row = {k: ("(set)" if v is not None else None) if k in hidden else v for k, v in row.items()}
    # Only values JSON has no type for reach ``_plain`` (``default``): calling it for every value was
    # most of the cost of recording a 100,000-coding import.
    return json.dumps(row, sort_keys=True, ensure_ascii=False, default=_plain)


def record(conn: Connection, table: Table, changes: Sequence[tuple[dict[str, Any] | None, dict[str, Any] | None]]) -> None:
    """One audit row per changed row, written as ``conn``'s transaction commits (``_flush``); codebook
    states for codes at once."""
    actor = ACTOR.get()
    rows = []
    for before, after in changes:
        if before is not None and after is not None and before == after:
            continue  # an UPDATE that changed nothing is not a change
        action = "insert" if before is None else "delete" if after is None else "update"
        rows.append({
            "member_id": actor[0] if actor else None, "actor": actor[1] if actor else "",
            "action": action, "table_name": table.name, "row_id": row_key(table, after or before or {}),
            "before": as_json(table, before), "after": as_json(table, after),
        })
    if not rows:
        return
    conn.info.setdefault(_BUFFER, []).extend(rows)  # written by _flush as the transaction commits
    if table is codes:
        for before, after in changes:
            if before != after:
                history.add_state(conn, int((after or before or {})["id"]), as_json(table, before),
                                  as_json(table, after), actor)
