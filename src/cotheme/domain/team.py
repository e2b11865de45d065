"""Working as a team: what each permission allows, the rules for accounts, and the records a team
reads (assignments, progress, the audit trail).

Owns the permission ladder (viewer < coder < lead) and what each rung may do, the password rules, the
growing delays after failed logins, and the dataclasses of assignments, progress and audit entries.
Must not do I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from cotheme.domain.project import Member, Permission
from cotheme.errors import Forbidden, InvalidArgument


class Need(StrEnum):
    """What an operation needs: to read the project, to code (and write memos), or to lead it."""

    READ = "read"
    CODE = "code"
    LEAD = "lead"


_RANK = {Permission.VIEWER: 0, Permission.CODER: 1, Permission.LEAD: 2}
_NEEDED = {Need.READ: 0, Need.CODE: 1, Need.LEAD: 2}
_SAYS = {
    Need.READ: "read this project",
    Need.CODE: "code or write memos",
    Need.LEAD: "do that (it is for leads: codebook, themes, members, assignments and settings)",
}


def allows(permission: Permission, need: Need) -> bool:
    """True when a member with ``permission`` may do what needs ``need``."""
    return _RANK[permission] >= _NEEDED[need]


def require(member: Member, need: Need, action: str = "") -> None:
    """Raise ``Forbidden`` with a sentence when ``member`` may not do what needs ``need``."""
    if not allows(member.permission, need):
        what = f" ({action})" if action else ""
        raise Forbidden(
            f"{member.name} is a {member.permission.value} and may not {_SAYS[need]}{what}; ask a lead."
        )


#: Passwords: at least this long (NIST SP 800-63B asks for 8 at least; a team server holding health
#: data deserves more), at most this long (argon2 hashes anything, but a megabyte password is an attack).
MIN_PASSWORD = 10
MAX_PASSWORD = 1024
#: zxcvbn's score 3 means "safely unguessable: moderate protection from an offline slow-hash scenario"
#: (about 10^8 guesses or more); 10-character passwords such as "aaaaaaaaaa" or "password12" score 0-1.
MIN_STRENGTH = 3
#: zxcvbn judges at most this many characters (its own limit); a longer password is judged by its start.
_JUDGED_CHARS = 72


def check_password(password: str, name: str) -> str:
    """``password`` when it may be used by ``name``, else ``InvalidArgument`` saying why."""
    if len(password) < MIN_PASSWORD:
        raise InvalidArgument(f"A password needs at least {MIN_PASSWORD} characters.")
    if len(password) > MAX_PASSWORD:
        raise InvalidArgument(f"A password may have at most {MAX_PASSWORD} characters.")
    if password.strip().casefold() == name.strip().casefold():
        raise InvalidArgument("A password must not be the member's own name.")
    _check_strength(password, name)
    return password


def _check_strength(password: str, name: str) -> None:
    """Refuse a password zxcvbn can guess (score below ``MIN_STRENGTH``), with its advice."""
    from zxcvbn import zxcvbn  # imported here: its dictionaries take ~0.2 s, paid only when a password is set

    judged = zxcvbn(password[:_JUDGED_CHARS], user_inputs=[name, *name.split(), "cotheme"])
    if judged["score"] >= MIN_STRENGTH:
        return
    feedback = judged["feedback"]
    warning = feedback.get("warning", "").strip().rstrip(".")
    advice = " ".join(feedback.get("suggestions", [])).strip() or "Add another word or two."
    because = f" ({warning[:1].lower() + warning[1:]})" if warning else ""
    raise InvalidArgument(
        f"That password is too easy to guess{because}; {advice[:1].lower() + advice[1:]}".rstrip(".") + "."
    )


@dataclass(frozen=True, slots=True)
class LoginLimits:
    """How failed logins slow down the next attempt: growing delays, never a lock-out.

    Locking an account after a few failures lets anyone lock its owner out; so instead the *address*
    that fails waits: 1 s after the first failures past the free ones, doubling with every further one,
    at most ``longest_delay``. Per account, only addresses that have themselves failed on it wait (by the
    account's failures from everywhere, so many addresses guessing one password each still slow down);
    the owner at another address is never held up. 3 free per account and address lets a person mistype;
    10 per address lets a shared office network do so too. Failures older than ``window`` are forgotten."""

    free_per_account: int = 3
    free_per_address: int = 10
    first_delay: timedelta = timedelta(seconds=1)
    longest_delay: timedelta = timedelta(minutes=15)
    window: timedelta = timedelta(minutes=15)

    def delay(self, failures: int, free: int) -> timedelta:
        """How long to wait after the last of ``failures`` when ``free`` of them cost nothing."""
        if failures < free:
            return timedelta(0)
        return min(self.first_delay * 2 ** min(failures - free, 30), self.longest_delay)


@dataclass(frozen=True, slots=True)
class FailedLogins:
    """Failed logins within the window: how many, and when the last one was."""

    count: int = 0
    last: datetime | None = None


def login_wait(limits: LoginLimits, at: datetime, *, by_address: FailedLogins, on_account: FailedLogins,
               here_on_account: FailedLogins) -> timedelta:
    """How long an attempt at ``at`` must still wait: by the address's failures on any account, and,
    when this address has failed on this account, by the account's failures from everywhere."""
    waits = [timedelta(0)]
    if by_address.last is not None:
        waits.append(by_address.last + limits.delay(by_address.count, limits.free_per_address) - at)
    if here_on_account.last is not None:
        waits.append(here_on_account.last + limits.delay(on_account.count, limits.free_per_account) - at)
    return max(waits)


@dataclass(frozen=True, slots=True)
class Account:
    """A member as a team server sees them: can they log in, and are they active."""

    member: Member
    has_password: bool
    active: bool


@dataclass(frozen=True, slots=True)
class Session:
    """A logged-in member; ``token`` is shown once, at login."""

    token: str
    member: Member
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class Assignment:
    """A document given to a coder to code."""

    document_id: int
    document: str
    member_id: int
    coder: str
    blind: bool
    assigned_at: datetime


@dataclass(frozen=True, slots=True)
class Progress:
    """How far one coder is with one document: turns with at least one of their codings, of all."""

    document_id: int
    document: str
    member_id: int
    coder: str
    assigned: bool
    blind: bool
    coded_turns: int
    turns: int
    codings: int

    @property
    def share(self) -> float:
        return self.coded_turns / self.turns if self.turns else 0.0


@dataclass(frozen=True, slots=True)
class ProgressSummary:
    """Progress of a coder over their documents, or of a document over its coders."""

    name: str
    documents: int
    coders: int
    codings: int
    mean_share: float


def summarise(rows: list[Progress], by: str) -> list[ProgressSummary]:
    """Per coder (``by="coder"``) or per document (``by="document"``): assigned work only, mean share."""
    groups: dict[str, list[Progress]] = {}
    for row in rows:
        if row.assigned:
            groups.setdefault(row.coder if by == "coder" else row.document, []).append(row)
    return [
        ProgressSummary(
            name, len({r.document_id for r in items}), len({r.member_id for r in items}),
            sum(r.codings for r in items), sum(r.share for r in items) / len(items),
        )
        for name, items in sorted(groups.items(), key=lambda kv: kv[0].casefold())
    ]


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One changed row: who, when, what (table, row, insert|update|delete), before and after (JSON)."""

    id: int
    at: datetime
    actor: str
    action: str
    table: str
    row_id: str
    before: str | None
    after: str | None
