"""Every error leaves the server with its sentence and a 4xx/5xx status, never a traceback: as
``{"error": sentence}`` under ``/api/``, as an HTML page with the navigation elsewhere (``error_pages.py``)."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from cotheme.errors import Cancelled, Conflict, CothemeError, InputError, InvalidArgument, NotFound, ProjectError
from cotheme.errors import Forbidden, TooLarge, TooManyAttempts
from cotheme.web.error_pages import error_page, wants_page

log = logging.getLogger("cotheme.web")

STATUS: list[tuple[type[CothemeError], int]] = [
    (TooManyAttempts, 429),  # before Forbidden, its parent
    (Forbidden, 403),
    (NotFound, 404),
    (TooLarge, 413),  # an upload over the import limit, before InputError (its parent)
    (Conflict, 409),
    (Cancelled, 409),  # a transcription stopped by its cancel button
    (InvalidArgument, 422),
    (InputError, 422),
    (ProjectError, 503),
]


SENTENCES = {
    404: "There is nothing at {path}; check the address.",
    405: "That method is not allowed at {path}.",
}


def status_of(exc: CothemeError) -> int:
    return next((code for kind, code in STATUS if isinstance(exc, kind)), 400)


def _validation_sentence(exc: RequestValidationError) -> str:
    parts = []
    for error in exc.errors()[:3]:
        where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("body", "query", "path"))
        parts.append(f"{where or 'request'}: {error.get('msg', 'invalid')}")
    return "The request is not valid (" + "; ".join(parts) + ")."


def answer(request: Request, status: int, sentence: str, headers: dict[str, str] | None = None) -> Response:
    """The error as JSON for the API, as a page for a page address."""
    if wants_page(request):
        return error_page(request, status, sentence, headers)
    return JSONResponse({"error": sentence}, status_code=status, headers=headers)


def install(app: FastAPI) -> None:
    @app.exception_handler(CothemeError)
    async def _cotheme(request: Request, exc: CothemeError) -> Response:
        retry = getattr(exc, "retry_after", 0)  # RFC 9110: how long a 429 or 503 should wait
        return answer(request, status_of(exc), str(exc), {"Retry-After": str(retry)} if retry else None)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        return answer(request, 422, _validation_sentence(exc))

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException) -> Response:
        sentence = SENTENCES.get(exc.status_code, str(exc.detail))
        return answer(request, exc.status_code, sentence.format(path=request.url.path), exc.headers)

    @app.exception_handler(Exception)
    async def _bug(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error", exc_info=exc)
        return answer(request, 500, "Something went wrong on the server; the action was not completed.")
