"""/api/v1 for recordings: a document's recording served with HTTP range requests, its facts, an
upload that attaches or replaces it (the request body streamed straight into the project store), its
removal, the import of a transcript with its recording in one request, and the time span of a coding.

Serving reads the stored chunks a range at a time (never the whole file in memory) and marks every
response ``Cache-Control: no-store``, so a browser keeps no plain copy of an encrypted project's media
in its disk cache. Permissions are those of the document (``permissions.NEEDS``) and are checked again
by the service. Must not know how the bytes are stored.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import asdict
from typing import Annotated
from urllib.parse import quote

import anyio
from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import StreamingResponse
from pydantic import BaseModel
from starlette.requests import ClientDisconnect

from cotheme.domain.recordings import RecordingInfo
from cotheme.errors import InputError, InvalidArgument, NotFound
from cotheme.services.import_preview import is_qdpx
from cotheme.services.importing import ImportedDocument, RecordingSource, SourceFile
from cotheme.web.context import RequestContext, context
from cotheme.web.schemas import ErrorOut, Id
from cotheme.web.api_imports import ImportedOut, ImportResultOut, _options
from cotheme.web.media_upload import RequestBody, StreamedForm
from cotheme.web.uploads import safe_name

Ctx = Annotated[RequestContext, Depends(context)]
router = APIRouter(prefix="/api/v1", responses={c: {"model": ErrorOut} for c in (403, 404, 409, 413, 416, 422)},
                   tags=["recordings"])
#: Bytes a response sends per read of the store (the store's chunk size: one chunk per read).
_PIECE = 1 << 20
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
#: Responses carrying a recording: no cache may keep them, on disk or anywhere.
_PRIVATE = {"Cache-Control": "no-store", "Accept-Ranges": "bytes", "X-Content-Type-Options": "nosniff"}
#: The form of ``POST /api/v1/imports/recorded`` for the OpenAPI document (the route reads it itself).
_RECORDED_FORM = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["files", "recording"],
    "properties": {
        "files": {"type": "string", "format": "binary", "description": "The transcript (.vtt .srt .docx .txt ...)."},
        "case": {"type": "string", "description": "Link it to this case id."},
        "speaker": {"type": "array", "items": {"type": "string"}, "description": "OLD=NEW; repeat for several."},
        "verbatim": {"type": "boolean"}, "allow_duplicate": {"type": "boolean"},
        "recording": {"type": "string", "format": "binary", "description": "The recording; the last part."},
    },
}}}}}


class RecordingOut(BaseModel):
    id: int
    document_id: int
    filename: str
    mime: str
    size_bytes: int
    duration_ms: int | None
    sha256: str
    url: str


class TimeSpanOut(BaseModel):
    coding_id: int
    start_ms: int | None
    end_ms: int | None


def recording_out(info: RecordingInfo) -> RecordingOut:
    return RecordingOut(
        id=info.id, document_id=info.document_id, filename=info.filename, mime=info.mime,
        size_bytes=info.size_bytes, duration_ms=info.duration_ms, sha256=info.sha256,
        url=f"/api/v1/documents/{info.document_id}/recording",
    )


class RangeNotSatisfiable(Exception):
    """A Range header outside the recording (answered 416 with its size)."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


def byte_range(header: str | None, size: int) -> tuple[int, int] | None:
    """The (first, last) byte, inclusive, a single-range ``Range`` header asks for; ``None`` for the
    whole file (no header, or one this server answers whole: several ranges, another unit)."""
    if not header:
        return None
    found = _RANGE.match(header.strip().replace(" ", ""))
    if found is None:
        return None
    first, last = found.groups()
    if not first and not last:
        return None
    if not first:  # the last N bytes
        wanted = int(last)
        if wanted == 0:
            raise RangeNotSatisfiable(size)
        return max(0, size - wanted), size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size or end < start:
        raise RangeNotSatisfiable(size)
    return start, end


def _pieces(ctx: RequestContext, document_id: int, start: int, end: int) -> Iterator[bytes]:
    """Bytes ``start``..``end`` (inclusive) of the recording, a piece per short read transaction."""
    position = start
    while position <= end:
        stop = min(end + 1, (position // _PIECE + 1) * _PIECE)
        data = ctx.project.read_recording(document_id, position, stop)
        if not data:
            return
        yield data
        position += len(data)


@router.get("/documents/{document_id}/recording", response_class=Response,
            responses={200: {"content": {"audio/*": {}, "video/*": {}}}, 206: {"description": "Part of it"}})
def recording(document_id: Id, ctx: Ctx, request: Request) -> Response:
    """The document's recording; answers ``Range: bytes=...`` with 206 Partial Content."""
    info = ctx.project.recording(document_id)
    if info is None:
        raise NotFound(f"The document {document_id} has no recording.")
    try:
        wanted = byte_range(request.headers.get("range"), info.size_bytes)
    except RangeNotSatisfiable as exc:
        return Response(status_code=416, headers={**_PRIVATE, "Content-Range": f"bytes */{exc.size}"})
    start, end = wanted if wanted is not None else (0, info.size_bytes - 1)
    headers = {**_PRIVATE, "Content-Length": str(end - start + 1),
               "Content-Disposition": f"inline; filename*=UTF-8''{_quoted(info.filename)}"}
    if wanted is not None:
        headers["Content-Range"] = f"bytes {start}-{end}/{info.size_bytes}"
    if end - start < _PIECE:  # one read: answer it whole (most of what a player asks for)
        body = ctx.project.read_recording(document_id, start, end + 1)
        return Response(body, status_code=206 if wanted else 200, media_type=info.mime, headers=headers)
    return StreamingResponse(_pieces(ctx, document_id, start, end), status_code=206 if wanted else 200,
                             media_type=info.mime, headers=headers)


def _quoted(name: str) -> str:
    return quote(name, safe="")


@router.get("/documents/{document_id}/recording/info", response_model=RecordingOut)
def recording_info(document_id: Id, ctx: Ctx) -> RecordingOut:
    info = ctx.project.recording(document_id)
    if info is None:
        raise NotFound(f"The document {document_id} has no recording.")
    return recording_out(info)


@router.put("/documents/{document_id}/recording", response_model=RecordingOut)
async def attach_recording(
    document_id: Id, ctx: Ctx, request: Request,
    filename: Annotated[str, Query(min_length=1, max_length=500, description="The recording's file name.")],
) -> RecordingOut:
    """Attach a recording to the document (replacing any): the body is the file's bytes."""
    name = safe_name(filename)
    source = io.BufferedReader(RequestBody(request.stream()), buffer_size=_PIECE)
    try:  # the media type is the one probing the bytes finds, not what the browser guessed
        info = await anyio.to_thread.run_sync(
            lambda: ctx.project.attach_recording_data(document_id, source, filename=name)
        )
    except ClientDisconnect:
        raise InputError(f"The upload of {name} was cut off before it was complete; nothing was stored.") from None
    return recording_out(info)


@router.delete("/documents/{document_id}/recording", status_code=204, response_class=Response)
def detach_recording(document_id: Id, ctx: Ctx) -> Response:
    if not ctx.project.detach_recording(document_id):
        raise NotFound(f"The document {document_id} has no recording.")
    return Response(status_code=204)


@router.get("/codings/{coding_id}/time", response_model=TimeSpanOut)
def coding_time(coding_id: Id, ctx: Ctx) -> TimeSpanOut:
    """Where in its document's recording the coding was said (null when its turns carry no times)."""
    span = ctx.project.coding_time_span(coding_id)
    return TimeSpanOut(coding_id=coding_id, start_ms=span.start_ms if span else None,
                       end_ms=span.end_ms if span else None)


@router.post("/imports/recorded", response_model=ImportResultOut, status_code=201, openapi_extra=_RECORDED_FORM)
async def import_recorded(request: Request, ctx: Ctx) -> ImportResultOut:
    """Import one transcript with its recording, all or nothing: the recording is the form's last part
    and streams into the project store as it arrives."""
    body = io.BufferedReader(RequestBody(request.stream()), buffer_size=_PIECE)

    def run() -> list[ImportedDocument]:
        form = StreamedForm(body, request.headers.get("content-type", ""), "recording")
        upload = form.head()
        if len(upload.files) != 1 or is_qdpx(upload.files[0][0]):
            raise InvalidArgument("A recording goes with one transcript; import the others separately.")
        name, data = upload.files[0]
        options = _options(upload)
        # The recording is stored as it arrives (other writers go on meanwhile), then the transcript
        # and the link to it in one transaction; if that is refused, the stored upload goes too.
        staged = ctx.project.stage_recording_data(form, filename=form.stream_name)  # type: ignore[arg-type]
        try:
            recording = RecordingSource(form.stream_name, lambda: form, staged=staged)  # type: ignore[arg-type, return-value]
            return ctx.project.import_sources([SourceFile(name, data, recording=recording)], **options)
        except BaseException:
            ctx.project.discard_staged_recording(staged)
            raise

    try:
        imported = await anyio.to_thread.run_sync(run)
    except ClientDisconnect:
        raise InputError("The upload was cut off before it was complete; nothing was imported.") from None
    return ImportResultOut(documents=[ImportedOut(**{**asdict(d), "speakers": list(d.speakers)}) for d in imported])
