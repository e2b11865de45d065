"""Who is asking, about which project: the request context every route receives.

In local mode (one access token) the acting member is chosen in the page header and kept in a cookie;
the default is the project's first lead. On a team server ``member`` is the logged-in one
(``team_gate.py``). Either way routes get the project *as that member* (``acting_as``), so the service
layer checks the member's permission on every operation.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import cast

from fastapi import HTTPException, Request
from starlette.concurrency import run_in_threadpool

from cotheme.domain.project import Member
from cotheme.services.project import Project

MEMBER_COOKIE = "cotheme_member"


class RequestContext:
    """The project as the acting member sees it, that member, and (read on first use) every member."""

    __slots__ = ("project", "member", "csrf", "team", "_members", "_all")

    def __init__(self, project: Project, member: Member, members: Callable[[], Sequence[Member]] | Sequence[Member],
                 csrf: str, team: bool = False) -> None:
        #: The project as the acting member sees it (``project.acting_as(member)``): every
        #: operation checks that member's permission in the service layer.
        self.project = project
        self.member = member
        self.csrf = csrf
        self.team = team  # a team server: the member logged in (no "Coding as" choice)
        self._all = members
        self._members: tuple[Member, ...] | None = None

    @property
    def members(self) -> tuple[Member, ...]:
        """Every member, read when a page or route first asks: a team server's API calls (a coding
        added, a document read) never need the list, and reading it was a transaction of its own."""
        if self._members is None:
            self._members = tuple(self._all() if callable(self._all) else self._all)
        return self._members


async def context(request: Request) -> RequestContext:
    """FastAPI dependency: the project and the acting member of this request. On a team server the gate
    has found the member and nothing is read, so it is made here on the event loop; a thread of the
    pool is a hand-over each way, and every API call asked for it twice (this and ``permitted``). The
    local server reads the members, in the pool."""
    cached = getattr(request.state, "cotheme_context", None)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    if getattr(request.app.state, "team", False):
        return build_context(request)
    return await run_in_threadpool(build_context, request)


def build_context(request: Request) -> RequestContext:
    """The project and the acting member of this request, made once per request (may read the members)."""
    cached = getattr(request.state, "cotheme_context", None)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    project: Project = request.app.state.project
    team = bool(getattr(request.app.state, "team", False))
    chosen = getattr(request.state, "member", None) if team else None
    if team and chosen is None:  # never act as anyone for a request without a session
        raise HTTPException(401, "Log in first: this is a team server.")
    if chosen is not None:
        members: Callable[[], Sequence[Member]] | Sequence[Member] = project.team.members
    else:
        members = tuple(project.team.members())
        wanted = request.cookies.get(MEMBER_COOKIE, "")
        chosen = next((m for m in members if str(m.id) == wanted), None)
        if chosen is None:
            chosen = next((m for m in members if m.permission.value == "lead"), members[0])
    acting = cast(Project, project.acting_as(chosen))
    built = RequestContext(acting, chosen, members, getattr(request.state, "csrf", ""), team)
    request.state.cotheme_context = built
    return built
