"""The team server's login page and logging out.

The login form is a plain HTML form (no script needed), protected against login CSRF by the double
submit: its hidden ``csrf`` field must equal the ``cotheme_csrf`` cookie (for a visitor with a session,
the token bound to it, as everywhere). A failed login answers 401 with
the same sentence whatever was wrong; too many answer 429 (``services/accounts.py``).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool

from cotheme.errors import InvalidArgument, TooManyAttempts
from cotheme.web.api_team import client_address, set_session_cookie
from cotheme.web.security import _same, same_origin
from cotheme.web.team_gate import SESSION_COOKIE, session_token

templates = Jinja2Templates(directory=str(Path(__file__).with_name("templates")))
router = APIRouter(include_in_schema=False)


def _page(request: Request, error: str = "", status: int = 200, name: str = "", next_: str = "/") -> HTMLResponse:
    title = request.app.state.project.study.info().title
    values = {"error": error, "name": name, "next": same_origin(next_), "title": title,
              "csrf": getattr(request.state, "csrf", "")}
    return templates.TemplateResponse(request, "login.html", values, status_code=status)


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/") -> HTMLResponse:  # noqa: A002 - the query's name
    return _page(request, next_=next)


async def _form(request: Request) -> dict[str, str]:
    """The url-encoded form (parsed here: no multipart parser is needed for three fields)."""
    body = (await request.body())[:16_384].decode("utf-8", "replace")
    return {k: v[0] for k, v in parse_qs(body, keep_blank_values=True).items()}


@router.post("/login", response_class=HTMLResponse)
async def login(request: Request) -> Response:
    form = await _form(request)
    name, password, next_ = form.get("name", ""), form.get("password", ""), form.get("next", "/")
    if not _same(form.get("csrf", ""), request.state.csrf):
        return _page(request, "The form expired; please try again.", 403, name, next_)
    project = request.app.state.project
    try:
        session = await run_in_threadpool(project.team.login, name, password, client_address(request))
    except TooManyAttempts as exc:
        page = _page(request, str(exc), 429, name, next_)
        page.headers["Retry-After"] = str(exc.retry_after)
        return page
    except InvalidArgument as exc:
        return _page(request, str(exc), 401, name, next_)
    response = RedirectResponse(same_origin(next_), status_code=303)
    set_session_cookie(request, response, session.token, session.expires_at)
    return response


@router.post("/logout")
async def logout(request: Request) -> Response:
    form = await _form(request)
    token, _ = session_token(request)
    if token and _same(form.get("csrf", ""), request.state.csrf):
        await run_in_threadpool(request.app.state.project.team.logout, token)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
