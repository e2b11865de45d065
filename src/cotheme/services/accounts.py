"""Accounts on a team server: members with passwords, logging in and out, sessions that expire, and
the growing delays after failed logins (``domain.team.LoginLimits``).

Members and users are the same people: an account is a member with an argon2 password hash. Owns the
hashing (argon2id, argon2-cffi's defaults: RFC 9106's second recommended option), session tokens
(random, 256 bits; only their SHA-256 is stored) and the checks of a login, which fail the same way for
an unknown name, a wrong password and an inactive account so a login says nothing about who exists.
"""

from __future__ import annotations

import hashlib
import math
import os
import secrets
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING

from cotheme.domain.names import single_line
from cotheme.domain.project import Member, Permission
from cotheme.domain.team import Account, LoginLimits, Session, check_password, login_wait
from cotheme.errors import Conflict, InvalidArgument, NotFound, TooManyAttempts
from cotheme.services import members as members_service
from cotheme.storage import accounts as repo
from cotheme.storage import study
from cotheme.storage.store import Store

if TYPE_CHECKING:
    from argon2 import PasswordHasher


#: The argon2id hasher, made on first use (tests and benches put a fast one here).
HASHER: PasswordHasher | None = None


def hasher() -> PasswordHasher:
    """The argon2id hasher; importing this module must not import argon2 nor cost a hash."""
    global HASHER
    if HASHER is None:
        from argon2 import PasswordHasher

        HASHER = PasswordHasher()
    return HASHER


@cache
def _dummy() -> str:
    """A hash to check an unknown name against, so it costs as much time as a known one. Made at
    the first login rather than at import, where it cost every command (the CLI's too) a hash's time
    and 64 MB."""
    return hasher().hash("cotheme: no such account")

#: How long a session lasts (hours), unless ``COTHEME_SESSION_HOURS`` says otherwise: a working day.
SESSION_HOURS_ENV = "COTHEME_SESSION_HOURS"
DEFAULT_SESSION_HOURS = 12
LIMITS = LoginLimits()
WRONG = "The name or password is not right (or the account is not active)."


def session_length() -> timedelta:
    raw = os.environ.get(SESSION_HOURS_ENV, "").strip()
    try:
        hours = float(raw) if raw else DEFAULT_SESSION_HOURS
    except ValueError:
        raise InvalidArgument(f"{SESSION_HOURS_ENV}='{raw}' is not a number of hours.") from None
    if not 0 < hours <= 24 * 30:
        raise InvalidArgument(f"{SESSION_HOURS_ENV} must be between 0 and 720 hours.")
    return timedelta(hours=hours)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _find(store: Store, name: str) -> tuple[Member, str | None, bool]:
    with store.read() as conn:
        found = repo.credentials(conn, name)
    if found is None:
        raise NotFound(f"No member is called '{name}'; add them with 'cotheme user add'.")
    return found


def add_user(store: Store, name: str, password: str | None, role_label: str = "",
             permission: str = "coder") -> Member:
    """A new member, with an account when ``password`` is given (hashed in the same transaction)."""
    hashed = hasher().hash(check_password(password, name)) if password is not None else None
    member = members_service.add_member(store, name, role_label, permission, password_hash=hashed)
    return member


def set_password(store: Store, name: str, password: str) -> Member:
    """Give a member a (new) password; their open sessions end."""
    member, _, _ = _find(store, name)
    hashed = hasher().hash(check_password(password, member.name))
    with store.write() as conn:
        repo.set_password_hash(conn, member.id, hashed)
        repo.end_sessions_of(conn, member.id)
    return member


def set_user(store: Store, name: str, *, new_name: str | None = None, role_label: str | None = None,
             permission: str | None = None, active: bool | None = None) -> Account:
    """Change a member's name, role label, permission or active flag; the last active lead stays."""
    member, _, _ = _find(store, name)
    values: dict[str, object] = {}
    if new_name is not None:
        values["name"] = single_line(new_name)
        if not values["name"]:
            raise InvalidArgument("A member needs a name.")
    if role_label is not None:
        values["role_label"] = role_label.strip()
    if permission is not None:
        values["permission"] = Permission.parse(permission).value
    if active is not None:
        values["active"] = active
    with store.write() as conn:
        if "name" in values:
            clash = study.find_member(conn, str(values["name"]))
            if clash is not None and clash.id != member.id:
                raise Conflict(f"There is already a member called '{values['name']}'.")
        repo.set_account(conn, member.id, **values)
        leads = [a for a in repo.accounts(conn) if a.active and a.member.permission is Permission.LEAD]
        if not leads:
            raise Conflict("That would leave the project without an active lead; make someone else a lead first.")
        if active is False:
            repo.end_sessions_of(conn, member.id)
        return next(a for a in repo.accounts(conn) if a.member.id == member.id)


def accounts(store: Store) -> list[Account]:
    with store.read() as conn:
        return repo.accounts(conn)


def team_mode(store: Store) -> bool:
    """True when any member has a password: the server then asks everyone to log in."""
    with store.read() as conn:
        return repo.any_passwords(conn)


def clock() -> datetime:
    """The time a login is judged by (tests move it by hand)."""
    return datetime.now(UTC)


def _slowed(store: Store, name: str, address: str, at: datetime) -> None:
    """Refuse an attempt that comes before this address's growing delay has passed (``LoginLimits``)."""
    since = at - LIMITS.window
    with store.read() as conn:
        wait = login_wait(
            LIMITS, at, by_address=repo.failures(conn, since, address=address),
            on_account=repo.failures(conn, since, account=name),
            here_on_account=repo.failures(conn, since, account=name, address=address),
        )
    if wait > timedelta(0):
        seconds = math.ceil(wait.total_seconds())
        raise TooManyAttempts(
            f"Too many failed logins from here; wait {seconds} second{'s' if seconds != 1 else ''} and try "
            "again, or ask a lead.", retry_after=seconds,
        )


def login(store: Store, name: str, password: str, address: str = "") -> Session:
    """A new session for ``name`` when the password is right; a failure makes the next attempt from
    this address wait longer (``LoginLimits``), without ever locking the account for its owner."""
    at = clock()
    _slowed(store, name, address, at)
    with store.read() as conn:
        found = repo.credentials(conn, name)
    hashed = found[1] if found is not None else None
    from argon2.exceptions import InvalidHashError, VerificationError

    dummy = _dummy()  # made before either branch: the first login costs the same whoever it names
    try:
        hasher().verify(hashed or dummy, password[:4096])
        ok = found is not None and hashed is not None and found[2]
    except (VerificationError, InvalidHashError):
        ok = False
    if not ok or found is None:
        with store.write() as conn:
            repo.add_failure(conn, name, address, at)
        raise InvalidArgument(WRONG)
    token = secrets.token_urlsafe(32)
    expires = at + session_length()
    with store.write() as conn:
        repo.clear_failures(conn, name, address)
        repo.prune(conn, at, at - LIMITS.window)
        repo.add_session(conn, token_hash(token), found[0].id, address, at, expires)
        if hashed is not None and hasher().check_needs_rehash(hashed):
            repo.set_password_hash(conn, found[0].id, hasher().hash(password))
    return Session(token, found[0], expires)


def session_member(store: Store, token: str) -> Member | None:
    """The member a session token belongs to, or ``None`` when it is unknown, expired or disabled."""
    if not token or len(token) > 200:
        return None
    with store.glance() as conn:
        found = repo.session_member(conn, token_hash(token), datetime.now(UTC))
    return found[0] if found else None


def logout(store: Store, token: str) -> None:
    with store.write() as conn:
        repo.end_session(conn, token_hash(token))
