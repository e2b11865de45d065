"""Errors on page addresses as HTML pages: the site navigation, a heading and the error's sentence.

Everything under ``/api/`` keeps its JSON errors (``errors.py`` decides which one a request gets);
this module only draws the page. It must not decide a status or word a sentence itself, and it never
lets drawing the page fail: without a usable request context (no project member yet, the project
unreadable) it falls back to a page without the navigation.
"""

from __future__ import annotations

import html
import logging

from fastapi import Request
from fastapi.responses import HTMLResponse

from cotheme.web.context import build_context
from cotheme.web.pages import templates

log = logging.getLogger("cotheme.web")

HEADINGS = {
    400: "That request cannot be answered",
    403: "Not allowed",
    404: "Page not found",
    405: "Not allowed here",
    409: "That clashes with a change already made",
    413: "Too large",
    422: "That address is not valid",
    429: "Too many attempts",
    503: "The project is busy",
}


def wants_page(request: Request) -> bool:
    """True for a page address: anything outside ``/api/`` (scripts only ever call ``/api/v1``)."""
    path = request.url.path
    return not (path == "/api" or path.startswith("/api/"))


def heading(status: int) -> str:
    return HEADINGS.get(status, "Something went wrong" if status >= 500 else "That did not work")


def error_page(request: Request, status: int, sentence: str, headers: dict[str, str] | None = None) -> HTMLResponse:
    """The HTML page of an error with ``status`` and ``sentence``, with the navigation when it can."""
    values = {"heading": heading(status), "sentence": sentence, "status": status}
    try:
        ctx = build_context(request)
        values.update(ctx=ctx, info=ctx.project.study.info(), page="error")
        # TemplateResponse renders at once, so a template that fails falls back here too.
        return templates.TemplateResponse(request, "error.html", values, status_code=status, headers=headers)
    except Exception as exc:  # noqa: BLE001 - an error page must never become a second error
        log.debug("error page without navigation: %s", exc)
        return HTMLResponse(_bare(values["heading"], sentence), status_code=status, headers=headers)


def _bare(title: str, sentence: str) -> str:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<title>{html.escape(title)} · cotheme</title><link rel="icon" href="data:,">'
        '<link rel="stylesheet" href="/static/app.css"></head><body><main id="main">'
        f'<h1>{html.escape(title)}</h1><p class="error">{html.escape(sentence)}</p>'
        '<p><a href="/">Back to the project</a></p></main></body></html>'
    )
