"""Reading an upload (multipart form) with its size limit applied while it streams in.

Owns the cap on an upload request (``max_upload_bytes``: ``COTHEME_MAX_IMPORT_MB``, the limit of one
imported file, for the whole request), counting the body as it arrives and stopping with ``TooLarge``
(413) the moment it passes the cap, so a 2 GB upload costs at most the cap in temporary files and one
chunk in memory; and the file names an upload may carry (the last path part, control characters
removed). A request cut off half way raises before any route has stored anything: every import route
reads its whole upload first. Must not know what the files mean.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from starlette.datastructures import FormData, UploadFile
from starlette.requests import ClientDisconnect, Request
from starlette.types import Message

from cotheme.errors import InputError, TooLarge
from cotheme.formats.decode import describe_size
from cotheme.services.limits import max_import_bytes

#: The routes whose bodies are uploads, capped by ``max_upload_bytes`` instead of the JSON cap.
UPLOAD_PATHS = frozenset({
    "/api/v1/imports/preview", "/api/v1/imports", "/api/v1/cases/import", "/api/v1/cases/import/preview",
    "/api/v1/codebook/import", "/api/v1/codebook/import/preview",
    "/api/v1/codings/import", "/api/v1/codings/import/preview", "/api/v1/checkin",
})
#: More files than this in one request is not a batch of interviews (300 is a large study).
MAX_FILES = 1000
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def max_upload_bytes() -> int:
    return max_import_bytes()


def too_large(limit: int) -> TooLarge:
    return TooLarge(
        f"The upload is larger than the {describe_size(limit)} import limit (COTHEME_MAX_IMPORT_MB); "
        "send fewer or smaller files at once. Nothing was imported."
    )


def counted(receive: Callable[[], Awaitable[Message]], limit: int) -> Callable[[], Awaitable[Message]]:
    """``receive`` that raises ``TooLarge`` once more than ``limit`` body bytes have come in."""
    seen = 0

    async def wrapped() -> Message:
        nonlocal seen
        message = await receive()
        seen += len(message.get("body", b""))
        if seen > limit:
            raise too_large(limit)
        return message

    return wrapped


@dataclass(frozen=True, slots=True)
class Upload:
    """The files (name, bytes) and the other fields of a multipart request."""

    files: list[tuple[str, bytes]]
    fields: dict[str, list[str]]

    def one(self, name: str) -> str | None:
        values = self.fields.get(name) or []
        return values[-1] if values else None

    def flag(self, name: str) -> bool:
        return (self.one(name) or "").strip().lower() in ("1", "true", "on", "yes")


def safe_name(raw: str | None) -> str:
    """The last part of an uploaded file's name, without control or bidi-override characters."""
    base = (raw or "").replace("\\", "/").rsplit("/", 1)[-1]
    return _UNSAFE_NAME.sub("", base).strip() or "upload"


async def read_upload(request: Request, file_field: str) -> Upload:
    """Every file sent as ``file_field`` and every other field; ``InputError`` when no file came."""
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        raise InputError(f"Send the files as multipart/form-data, each in a field named '{file_field}'.")
    limited = Request(request.scope, counted(request.receive, max_upload_bytes()))
    try:
        form: FormData = await limited.form(max_files=MAX_FILES, max_fields=MAX_FILES)
    except ClientDisconnect:
        raise InputError("The upload was cut off before it was complete; nothing was imported.") from None
    try:
        files: list[tuple[str, bytes]] = []
        fields: dict[str, list[str]] = {}
        for key, value in form.multi_items():
            if isinstance(value, UploadFile):
                if key == file_field:
                    files.append((safe_name(value.filename), await value.read()))
            else:
                fields.setdefault(key, []).append(value)
    finally:
        await form.close()  # the spooled temporary files go now, not when they are collected
    if not files:
        raise InputError(f"No file came with the request; send at least one in the field '{file_field}'.")
    return Upload(files, fields)
