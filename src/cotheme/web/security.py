"""The local server's gate: an access token (as Jupyter's), CSRF protection and security headers.

A request passes with the token in the query (which sets an HttpOnly cookie and redirects to the same
page without it, so the token does not linger in history or Referer), the cookie, or an
``Authorization: Bearer`` header. State-changing requests that rely on a cookie must send the CSRF token
in an ``X-CSRF-Token`` header. That token is bound to the session (an HMAC of the session token or access
token with this process's secret), so a cookie planted or copied from another session does not pass; the
page carries it and the ``cotheme_csrf`` cookie repeats it for scripts. Only a visitor without a session
(the team login form) gets a random double-submit token. Both cookies are SameSite=Strict.
Team accounts replace the token check (``team_gate.py``); the rest stays.

Both gates are plain ASGI middleware: they change a response's headers as its start goes out
(``finishing``) rather than through Starlette's ``BaseHTTPMiddleware``, whose task group and memory
streams cost every request ~0.3 ms of the server's CPU (bench/team_bench.py measures it per write).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
from urllib.parse import urlencode, urlsplit

from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

TOKEN_COOKIE = "cotheme_token"
CSRF_COOKIE = "cotheme_csrf"
CSRF_HEADER = "x-csrf-token"
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}

#: No inline script or style element may run; styles set from our own JS through the CSSOM are fine.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}


#: The key of the CSRF tokens, new in every server: a restart asks open pages to reload once. A server
#: of several processes makes it once and gives it to each (``use_csrf_key``).
_CSRF_KEY = secrets.token_bytes(32)


def use_csrf_key(key: bytes) -> None:
    """Sign CSRF tokens with ``key`` in this process (a worker of a server of several processes)."""
    global _CSRF_KEY
    _CSRF_KEY = key


def csrf_for(session: str) -> str:
    """The CSRF token of ``session`` (a session token, or the local server's access token)."""
    digest = hmac.new(_CSRF_KEY, b"cotheme-csrf\0" + session.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def new_token() -> str:
    return secrets.token_urlsafe(24)


def same_origin(target: str) -> str:
    """``target`` when it is a path on this server, else ``/``: never another site (an open redirect
    helps phishing). Browsers drop tabs and line ends inside a URL and read ``\\`` as ``/``, so
    ``/\\evil.example`` and ``/<tab>/evil.example`` mean ``//evil.example``, another host."""
    seen = target.replace("\t", "").replace("\n", "").replace("\r", "").replace("\\", "/")
    parts = urlsplit(seen)
    if parts.scheme or parts.netloc or not seen.startswith("/") or seen.startswith("//"):
        return "/"
    return target


def _same(a: str | None, b: str) -> bool:
    return a is not None and hmac.compare_digest(a.encode(), b.encode())


def static_file(send: Send) -> Send:
    """``send`` for a file under /static/: no gate, the security headers, and cacheable."""
    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            MutableHeaders(scope=message).update({k: v for k, v in HEADERS.items() if k != "Cache-Control"})
        await send(message)
    return sending


def csrf_refusal(request: Request, session: str) -> Response | None:
    """The 403 for a state-changing request whose CSRF header is not the token of its ``session``
    (without a session: does not repeat its cookie), else None."""
    expected = csrf_for(session) if session else request.cookies.get(CSRF_COOKIE)
    if expected and _same(request.headers.get(CSRF_HEADER), expected):
        return None
    return JSONResponse({"error": "The request lacks its CSRF token; reload the page and try again."},
                        status_code=403, headers=HEADERS)


def answer(request: Request, send: Send, session: str, token: str | None = None) -> Send:
    """``send`` for the route that passed a gate: its Server-Timing, the security headers (a route's own,
    stricter or differently shaped CSP kept), HSTS and a Secure CSRF cookie over TLS, and (local server,
    ``token``) the access-token cookie. The CSRF token is ``session``'s, or without a session the
    visitor's random one; it is set on ``request.state`` for the route."""
    request.state.csrf = csrf_for(session) if session else request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(16)
    began = time.perf_counter()

    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = MutableHeaders(scope=message)
            # Server-Timing lets the benchmarks (and the browser's dev tools) read the server's own time.
            headers["Server-Timing"] = f"app;dur={(time.perf_counter() - began) * 1000:.2f}"
            own_policy = headers.get("Content-Security-Policy")
            headers.update(HEADERS)
            if own_policy:  # a route may be stricter or differently shaped (reports: styles, never scripts)
                headers["Content-Security-Policy"] = own_policy
            over_tls(request, headers, request.state.csrf)
            if token is not None:
                token_cookie(request, headers, token)
        await send(message)
    return sending


def add_cookie(headers: MutableHeaders, name: str, value: str, *, httponly: bool, secure: bool) -> None:
    """A SameSite=Strict cookie for the whole site, as Starlette's ``set_cookie`` writes it."""
    made = Response()
    made.set_cookie(name, value, httponly=httponly, samesite="strict", path="/", secure=secure)
    headers.append("set-cookie", made.headers["set-cookie"])


def over_tls(request: Request, headers: MutableHeaders, csrf: str) -> None:
    """HSTS when the request came over TLS (uvicorn's, or a proxy trusted by COTHEME_TRUSTED_PROXIES),
    and the CSRF cookie when the browser does not hold ``csrf`` yet, Secure then."""
    secure = request.url.scheme == "https"
    if secure:
        headers["Strict-Transport-Security"] = "max-age=31536000"
    setting = any(v.startswith(f"{CSRF_COOKIE}=") for v in headers.getlist("set-cookie"))
    if request.cookies.get(CSRF_COOKIE) != csrf and not setting:  # a login sets its new session's own
        add_cookie(headers, CSRF_COOKIE, csrf, httponly=False, secure=secure)


def token_cookie(request: Request, headers: MutableHeaders, token: str) -> None:
    """The access-token cookie (Secure over TLS), set once the token came in the query."""
    if not _same(request.cookies.get(TOKEN_COOKIE), token):
        add_cookie(headers, TOKEN_COOKIE, token, httponly=True, secure=request.url.scheme == "https")


def _refuse(request: Request, sentence: str) -> Response:
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": sentence}, status_code=403, headers=HEADERS)
    body = (
        "<!doctype html><html lang=en><head><meta charset=utf-8><title>cotheme: access token needed"
        f"</title></head><body><main><h1>Access token needed</h1><p>{sentence}</p></main></body></html>"
    )
    return HTMLResponse(body, status_code=403, headers=HEADERS)


class Gate:
    """Token gate + CSRF check + security headers for every response (plain ASGI middleware)."""

    def __init__(self, app: ASGIApp, token: str) -> None:
        self.app = app
        self.token = token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope, receive)
        path = request.url.path
        if path.startswith("/static/"):
            await self.app(scope, receive, static_file(send))
            return
        bearer = request.headers.get("authorization", "")
        by_header = bearer.startswith("Bearer ") and _same(bearer[7:], self.token)
        by_cookie = _same(request.cookies.get(TOKEN_COOKIE), self.token)
        by_query = _same(request.query_params.get("token"), self.token)
        if not (by_header or by_cookie or by_query):
            refused = _refuse(request, "Open the address that 'cotheme serve' printed; it carries the access token.")
            await refused(scope, receive, send)
            return
        if by_query and request.method == "GET" and not path.startswith("/api/"):
            rest = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
            target = same_origin(path) + ("?" + urlencode(rest) if rest else "")
            response: Response = RedirectResponse(target, status_code=303)
            token_cookie(request, response.headers, self.token)
            over_tls(request, response.headers, csrf_for(self.token))
            response.headers.update(HEADERS)
            await response(scope, receive, send)
            return
        # Everyone who holds the access token shares one session: the CSRF token is bound to it.
        if request.method in UNSAFE and not by_header and (refused := csrf_refusal(request, self.token)) is not None:
            await refused(scope, receive, send)
            return
        await self.app(scope, receive, answer(request, send, self.token, token=self.token))
