"""Who is asking, about which project: the request context every route receives.

In local mode (one access token) the acting member is chosen in the page header and kept in a cookie;
the default is the project's first lead. Team accounts (a later issue) will set ``member`` from the
login session instead — routes do not change.
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request

from cotheme.domain.project import Member
from cotheme.services.project import Project

MEMBER_COOKIE = "cotheme_member"


@dataclass(frozen=True, slots=True)
class RequestContext:
    project: Project
    member: Member
    members: tuple[Member, ...]
    csrf: str


def context(request: Request) -> RequestContext:
    """FastAPI dependency: the project and the acting member of this request."""
    project: Project = request.app.state.project
    members = tuple(project.members())
    wanted = request.cookies.get(MEMBER_COOKIE, "")
    chosen = next((m for m in members if str(m.id) == wanted), None)
    if chosen is None:
        chosen = next((m for m in members if m.permission.value == "lead"), members[0])
    return RequestContext(project, chosen, members, getattr(request.state, "csrf", ""))
