"""Every error leaves the server as ``{"error": sentence}`` with a 4xx/5xx status, never a traceback."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from cotheme.errors import Conflict, CothemeError, InputError, InvalidArgument, NotFound, ProjectError
from cotheme.errors import Forbidden, TooLarge, TooManyAttempts

log = logging.getLogger("cotheme.web")

STATUS: list[tuple[type[CothemeError], int]] = [
    (TooManyAttempts, 429),  # issue #4: before Forbidden, its parent
    (Forbidden, 403),
    (NotFound, 404),
    (TooLarge, 413),  # issue #13: an upload over the import limit, before InputError (its parent)
    (Conflict, 409),
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


def install(app: FastAPI) -> None:
    @app.exception_handler(CothemeError)
    async def _cotheme(_request: Request, exc: CothemeError) -> JSONResponse:
        retry = getattr(exc, "retry_after", 0)  # RFC 9110: how long a 429 should wait
        return JSONResponse({"error": str(exc)}, status_code=status_of(exc),
                            headers={"Retry-After": str(retry)} if retry else None)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"error": _validation_sentence(exc)}, status_code=422)

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException) -> JSONResponse:
        sentence = SENTENCES.get(exc.status_code, str(exc.detail))
        return JSONResponse({"error": sentence.format(path=request.url.path)}, status_code=exc.status_code)

    @app.exception_handler(Exception)
    async def _bug(_request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error", exc_info=exc)
        return JSONResponse(
            {"error": "Something went wrong on the server; the action was not completed."},
            status_code=500,
        )
