"""/api/v1 for the team: logging in and out, who am I, accounts, assignments and queues,
progress, blind documents, and the audit trail."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from cotheme.domain.plain import plain
from cotheme.domain.team import Progress, summarise
from cotheme.errors import InvalidArgument
from cotheme.formats.audit_file import write_audit_csv
from cotheme.services.project import Project
from cotheme.web.api_texts import ERRORS, Ctx
from cotheme.web.schemas import ErrorOut, Id, MemberOut
from cotheme.web.security import CSRF_COOKIE, csrf_for
from cotheme.web.team_gate import SESSION_COOKIE, session_token

router = APIRouter(prefix="/api/v1", responses=ERRORS, tags=["team"])


class LoginIn(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    password: str = Field(min_length=1, max_length=4096)


class LoginOut(BaseModel):
    token: str
    member: MemberOut
    expires_at: datetime


class MeOut(BaseModel):
    member: MemberOut
    team: bool


class AccountOut(BaseModel):
    member: MemberOut
    has_password: bool
    active: bool


class AssignIn(BaseModel):
    document_id: Id
    member_ids: list[Id] = []
    remove: bool = False
    blind: bool | None = None
    all_coders: bool = False


class BlindIn(BaseModel):
    blind: bool


def member_out(m: Any) -> MemberOut:
    return MemberOut(id=m.id, name=m.name, role_label=m.role_label, permission=m.permission.value)


def client_address(request: Request) -> str:
    return request.client.host if request.client else ""


def set_session_cookie(request: Request, response: Response, token: str, expires: datetime) -> None:
    response.set_cookie(SESSION_COOKIE, token, httponly=True, samesite="strict", path="/",
                        secure=request.url.scheme == "https", expires=expires)
    # The new session's own CSRF token, so the next request from a script need not load a page first.
    response.set_cookie(CSRF_COOKIE, csrf_for(token), httponly=False, samesite="strict", path="/",
                        secure=request.url.scheme == "https")


@router.post("/login", response_model=LoginOut, responses={401: {"model": ErrorOut}, 429: {"model": ErrorOut}})
def login(body: LoginIn, request: Request, response: Response) -> Any:
    """Log in to a team server: returns a session token (also set as an HttpOnly cookie); send it as
    ``Authorization: Bearer TOKEN`` from scripts. Failed logins are limited per account and address."""
    project: Project = request.app.state.project
    try:
        session = project.team.login(body.name, body.password, client_address(request))
    except InvalidArgument as exc:  # a wrong name or password (TooManyAttempts answers 429 itself)
        return JSONResponse({"error": str(exc)}, status_code=401)
    set_session_cookie(request, response, session.token, session.expires_at)
    return LoginOut(token=session.token, member=member_out(session.member), expires_at=session.expires_at)


@router.post("/logout", status_code=204)
def logout(request: Request) -> Response:
    """End this session (its cookie or bearer token)."""
    token, _ = session_token(request)
    if token:
        request.app.state.project.team.logout(token)
    response = Response(status_code=204)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.get("/me", response_model=MeOut)
def me(ctx: Ctx) -> MeOut:
    """The acting member and whether this is a team server."""
    return MeOut(member=member_out(ctx.member), team=ctx.team)


@router.get("/users", response_model=list[AccountOut])
def users(ctx: Ctx) -> list[AccountOut]:
    """Members with whether they have an account (a password) and are active."""
    return [AccountOut(member=member_out(a.member), has_password=a.has_password, active=a.active)
            for a in ctx.project.team.users()]


@router.get("/assignments")
def assignments(ctx: Ctx) -> list[dict[str, Any]]:
    """Every assignment: document, coder, blind, when."""
    return plain(ctx.project.team.assignments())  # type: ignore[no-any-return]


@router.post("/assignments")
def assign(body: AssignIn, ctx: Ctx) -> list[dict[str, Any]]:
    """Assign a document to coders (or take it back with ``remove``; ``all_coders`` for a calibration
    transcript); ``blind`` makes it blind or open."""
    names = [m.name for m in ctx.members if m.id in set(body.member_ids)]
    if len(names) != len(set(body.member_ids)):
        raise InvalidArgument("Some member_ids are not members of this project.")
    return plain(ctx.project.team.assign(body.document_id, names, remove=body.remove, blind=body.blind,  # type: ignore[no-any-return]
                                    everyone=body.all_coders))


def progress_out(rows: list[Progress]) -> list[dict[str, Any]]:
    return [dict(plain(r), share=round(r.share, 4)) for r in rows]


@router.get("/queue")
def queue(ctx: Ctx) -> list[dict[str, Any]]:
    """The acting member's assigned documents with their progress (share of turns they coded)."""
    return progress_out(ctx.project.team.queue())


@router.get("/progress")
def progress(ctx: Ctx) -> dict[str, Any]:
    """Per coder and document: turns with at least one of the coder's codings, share, codings; with
    summaries per coder and per document over assigned work."""
    rows = ctx.project.team.progress()
    return {"rows": progress_out(rows), "by_coder": plain(summarise(rows, "coder")),
            "by_document": plain(summarise(rows, "document"))}


@router.put("/documents/{document_id}/blind", status_code=204)
def set_blind(document_id: Id, body: BlindIn, ctx: Ctx) -> Response:
    """Make a document blind (each coder sees only their own codings) or reveal it to everyone."""
    ctx.project.team.set_blind(document_id, body.blind)
    return Response(status_code=204)


AuditTable = Annotated[str | None, Query(max_length=40, description="Only this table's changes.")]
Since = Annotated[str | None, Query(max_length=40, description="From this date or time on.")]


@router.get("/audit")
def audit(ctx: Ctx, table: AuditTable = None, since: Since = None,
          limit: Annotated[int, Query(ge=1, le=10_000)] = 500) -> list[dict[str, Any]]:
    """Recorded changes, newest first: who, when, which row, before and after (JSON text)."""
    return plain(ctx.project.team.audit(table=table, since=since, limit=limit))  # type: ignore[no-any-return]


@router.get("/audit.csv", response_class=Response)
def audit_csv(ctx: Ctx, table: AuditTable = None, since: Since = None) -> Response:
    """The audit trail as a CSV download."""
    data = write_audit_csv(ctx.project.team.audit(table=table, since=since))
    return Response(data, media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="audit.csv"'})
