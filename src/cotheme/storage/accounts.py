"""Repository of accounts: members' password hashes and active flags, login sessions, failed logins.

Stores only what it is given: hashes (never passwords) and the SHA-256 of session tokens (never the
tokens, so a copy of the database does not let anyone in). Must not hash passwords or decide limits.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, delete, func, insert, select, update

from cotheme.domain.project import Member, Permission
from cotheme.domain.team import Account, FailedLogins
from cotheme.storage.schema import login_failures, login_sessions, members
from cotheme.storage.store import as_utc


def _member(row: object) -> Member:
    return Member(id=row.id, name=row.name, role_label=row.role_label,  # type: ignore[attr-defined]
                  permission=Permission(row.permission))  # type: ignore[attr-defined]


def accounts(conn: Connection) -> list[Account]:
    rows = conn.execute(select(members).order_by(members.c.id)).all()
    return [Account(_member(r), r.password_hash is not None, bool(r.active)) for r in rows]


def any_passwords(conn: Connection) -> bool:
    return conn.execute(select(members.c.id).where(members.c.password_hash.is_not(None)).limit(1)).first() is not None


def credentials(conn: Connection, name: str) -> tuple[Member, str | None, bool] | None:
    """The member called ``name`` (ignoring case), their password hash and active flag."""
    name = name.strip()
    # Exactly as written first; then ignoring case with the engine's own lower() on both sides (as
    # study.find_member): Python's str.lower() folds non-ASCII capitals that SQLite's lower() keeps,
    # so a member called "ÖZ" could not log in as "ÖZ".
    row = conn.execute(select(members).where(members.c.name == name)).first()
    if row is None:
        row = conn.execute(select(members).where(func.lower(members.c.name) == func.lower(name))).first()
    return (_member(row), row.password_hash, bool(row.active)) if row else None


def set_password_hash(conn: Connection, member_id: int, hashed: str | None) -> None:
    conn.execute(update(members).where(members.c.id == member_id).values(password_hash=hashed))


def set_account(conn: Connection, member_id: int, **values: object) -> None:
    if values:
        conn.execute(update(members).where(members.c.id == member_id).values(**values))


def add_session(conn: Connection, token_hash: str, member_id: int, address: str, created: datetime,
                expires: datetime) -> None:
    conn.execute(insert(login_sessions).values(token_hash=token_hash, member_id=member_id, address=address[:100],
                                               created_at=created, expires_at=expires))


def session_member(conn: Connection, token_hash: str, at: datetime) -> tuple[Member, datetime] | None:
    """The active member of an unexpired session, with its expiry."""
    row = conn.execute(
        select(members, login_sessions.c.expires_at)
        .join(login_sessions, login_sessions.c.member_id == members.c.id)
        .where(login_sessions.c.token_hash == token_hash, login_sessions.c.expires_at > at,
               members.c.active, members.c.password_hash.is_not(None))
    ).first()
    return (_member(row), row.expires_at) if row else None


def end_session(conn: Connection, token_hash: str) -> None:
    conn.execute(delete(login_sessions).where(login_sessions.c.token_hash == token_hash))


def end_sessions_of(conn: Connection, member_id: int) -> None:
    conn.execute(delete(login_sessions).where(login_sessions.c.member_id == member_id))


def prune(conn: Connection, sessions_before: datetime, failures_before: datetime) -> None:
    conn.execute(delete(login_sessions).where(login_sessions.c.expires_at <= sessions_before))
    conn.execute(delete(login_failures).where(login_failures.c.at <= failures_before))


def add_failure(conn: Connection, account: str, address: str, at: datetime) -> None:
    conn.execute(insert(login_failures).values(account=account.strip().lower()[:200], address=address[:100], at=at))


def failures(conn: Connection, since: datetime, *, account: str | None = None,
             address: str | None = None) -> FailedLogins:
    """Failed logins after ``since`` on ``account`` and/or from ``address``: how many, and the last."""
    query = select(func.count(), func.max(login_failures.c.at)).where(login_failures.c.at > since)
    if account is not None:
        query = query.where(login_failures.c.account == account.strip().lower()[:200])
    if address is not None:
        query = query.where(login_failures.c.address == address[:100])
    count, last = conn.execute(query).one()
    return FailedLogins(int(count), as_utc(last) if last is not None else None)


def clear_failures(conn: Connection, account: str, address: str) -> None:
    """Forget the failures of ``account`` from ``address`` (its owner logged in from there)."""
    conn.execute(delete(login_failures).where(login_failures.c.account == account.strip().lower()[:200],
                                              login_failures.c.address == address[:100]))
