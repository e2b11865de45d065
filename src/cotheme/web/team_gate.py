"""The team server's gate: accounts instead of the access token.

Every request but the login page, the login API and static files needs a session: the HttpOnly,
SameSite=Strict ``cotheme_session`` cookie set at login, or ``Authorization: Bearer SESSION_TOKEN`` for
scripts (``POST /api/v1/login`` returns one). Without one, the API answers 401 and pages send the browser
to ``/login``. The CSRF token is bound to the session and the security headers work as in the local
gate (``security.py``). Sessions are checked in the database on every request (so a disabled account or a
changed password ends them at once), in the thread pool, never on the event loop. Plain ASGI
middleware, as the local gate (``security.py``).
"""

from __future__ import annotations

from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from cotheme.services.project import Project
from cotheme.web.security import HEADERS, UNSAFE, answer, csrf_refusal, static_file

SESSION_COOKIE = "cotheme_session"
#: Reachable without a session: the login page and form, the login API, and the session's end.
PUBLIC = {("GET", "/login"), ("POST", "/login"), ("POST", "/api/v1/login"), ("POST", "/logout"),
          ("POST", "/api/v1/logout")}


def session_token(request: Request) -> tuple[str, bool]:
    """The session token of a request and whether it came in a header (no CSRF check needed then)."""
    bearer = request.headers.get("authorization", "")
    if bearer.startswith("Bearer "):
        return bearer[7:].strip(), True
    return request.cookies.get(SESSION_COOKIE, ""), False


class TeamGate:
    """Session gate + CSRF check + security headers for every response of a team server."""

    def __init__(self, app: ASGIApp, project: Project) -> None:
        self.app = app
        self.project = project

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope, receive)
        path = request.url.path
        if path.startswith("/static/"):
            await self.app(scope, receive, static_file(send))
            return
        token, by_header = session_token(request)
        member = await run_in_threadpool(self.project.team.session_member, token) if token else None
        if member is None and (request.method, path) not in PUBLIC:
            await self._login_first(request)(scope, receive, send)
            return
        session = token if member is not None else ""
        if (request.method in UNSAFE and not by_header and (request.method, path) not in PUBLIC
                and (refused := csrf_refusal(request, session)) is not None):
            await refused(scope, receive, send)
            return
        request.state.member = member
        request.state.session = session
        await self.app(scope, receive, answer(request, send, session))

    def _login_first(self, request: Request) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": "Log in first: this is a team server (POST /api/v1/login)."},
                                status_code=401, headers={**HEADERS, "WWW-Authenticate": "Bearer"})
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        response = RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)
        response.headers.update(HEADERS)
        return response
