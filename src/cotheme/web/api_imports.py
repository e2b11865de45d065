"""/api/v1 for importing: transcripts (with a preview first), participants sheets, codebooks, REFI-QDA
projects; each transcript's interview details; and the setting that lets coders import.

Uploads are multipart forms read by ``uploads.read_upload`` (the import limit applied while they
stream in) inside each route, after the permission check, so a refused member's upload is never read;
parsing and storing then run in the thread pool, as the other routes do, so the server keeps answering.
Every refusal is the sentence the CLI gives, as ``{"error": ...}``; a preview answers 200 with each
file's refusal beside it instead, and stores nothing. An import stores every file or none.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from cotheme.domain.documents import SourceInfo
from cotheme.errors import InvalidArgument
from cotheme.services.import_preview import is_qdc, is_qdpx, same_text_choice
from cotheme.services.importing import SourceFile, parse_speaker_map
from cotheme.web.api_texts import ERRORS, Ctx
from cotheme.web.uploads import Upload, read_upload

router = APIRouter(prefix="/api/v1", responses={**ERRORS, 413: ERRORS[422]}, tags=["imports"])


def _multipart(fields: dict[str, Any], required: list[str]) -> dict[str, Any]:
    """The OpenAPI request body of an upload route (the route reads the form itself)."""
    return {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
        "type": "object", "properties": fields, "required": required}}}}}


_FILES = {"type": "array", "items": {"type": "string", "format": "binary"},
          "description": "Transcripts (.txt .md .docx .pdf .vtt .srt) or REFI-QDA projects (.qdpx)."}
_TRANSCRIPT_FORM = _multipart({
    "files": _FILES,
    "case": {"type": "string", "description": "Link every file to this case id."},
    "speaker": {"type": "array", "items": {"type": "string"}, "description": "OLD=NEW; repeat for several."},
    "verbatim": {"type": "boolean", "description": "Keep a .txt/.md file's text exactly."},
    "allow_duplicate": {"type": "boolean", "description": "Import a text already in the project (.qdpx: as a copy)."},
    "merge": {"type": "boolean", "description": ".qdpx: a document with the text of one already here is that document."},
}, ["files"])
_SHEET_FORM = _multipart({
    "file": {"type": "string", "format": "binary", "description": "Participants sheet (.csv, .xlsx)."},
    "id_column": {"type": "string", "description": "The column holding the participant id."},
}, ["file"])
_CODEBOOK_FORM = _multipart({
    "file": {"type": "string", "format": "binary", "description": "Codebook (.csv, .xlsx, .md, .qdc)."},
}, ["file"])


class FilePreviewOut(BaseModel):
    file: str
    title: str = ""
    format: str = ""
    speakers: list[str] = []
    words: int = 0
    turns: int = 0
    case_pid: str | None = None
    duplicate_of: str | None = None
    error: str | None = None
    kind: str = "transcript"  # or "qdpx": a REFI-QDA project, counted in ``summary``
    summary: dict[str, Any] | None = None


class ImportedOut(BaseModel):
    id: int
    title: str
    file: str
    case_pid: str | None
    turns: int
    speakers: list[str]


class ImportResultOut(BaseModel):
    documents: list[ImportedOut] = []
    projects: list[dict[str, Any]] = []


class InterviewIn(BaseModel):
    """Interview details to change; a field left out stays as it is, ``""`` clears it."""

    date: str | None = Field(None, description="yyyy-mm-dd")
    mode: str | None = Field(None, description="in person, video, telephone or other")
    duration: str | int | None = Field(None, description="whole minutes")
    interviewer: str | None = Field(None, max_length=200)
    setting: str | None = Field(None, max_length=500)
    notes: str | None = Field(None, max_length=100_000)


class InterviewOut(BaseModel):
    id: int
    title: str
    date: str | None
    mode: str
    duration: int | None
    interviewer: str
    setting: str
    notes: str


class CodersImport(BaseModel):
    on: bool


def _options(upload: Upload) -> dict[str, Any]:
    return {
        "case": (upload.one("case") or "").strip() or None,
        "speakers": parse_speaker_map([s for s in upload.fields.get("speaker", []) if s.strip()]),
        "verbatim": upload.flag("verbatim"),
        "allow_duplicate": upload.flag("allow_duplicate"),
    }


def _qdpx_mix(upload: Upload) -> bool:
    """True when the upload is REFI-QDA projects only; refuses a mix, as the CLI does."""
    qdpx = [is_qdpx(name) for name, _ in upload.files]
    if any(qdpx) and not all(qdpx):
        raise InvalidArgument(
            "Import .qdpx projects on their own: a REFI-QDA project and transcripts cannot be imported in "
            "one command. Import the transcripts with a second 'cotheme import'."
        )
    return all(qdpx)


@router.post("/imports/preview", response_model=list[FilePreviewOut], openapi_extra=_TRANSCRIPT_FORM)
async def preview_imports(request: Request, ctx: Ctx) -> list[FilePreviewOut]:
    """What importing each file would do, and the sentence refusing it (nothing is stored)."""
    upload = await read_upload(request, "files")
    options = _options(upload)
    out: list[FilePreviewOut] = []
    if _qdpx_mix(upload):
        for name, data in upload.files:
            found = await run_in_threadpool(ctx.project.exchange.preview_qdpx, name, data)
            summary = {k: v for k, v in asdict(found).items() if k not in ("file", "error")}
            out.append(FilePreviewOut(file=name, format="qdpx", kind="qdpx", error=found.error, summary=summary))
        return out
    files = [SourceFile(name, data) for name, data in upload.files]
    for found in await run_in_threadpool(ctx.project.documents.preview_sources, files, **options):
        out.append(FilePreviewOut(**{**asdict(found), "speakers": list(found.speakers)}))
    return out


@router.post("/imports", response_model=ImportResultOut, status_code=201, openapi_extra=_TRANSCRIPT_FORM)
async def import_files(request: Request, ctx: Ctx) -> ImportResultOut:
    """Import every file, or none (the first refusal is answered, naming its file)."""
    upload = await read_upload(request, "files")
    options = _options(upload)
    if _qdpx_mix(upload):
        if options["case"] or options["speakers"] or options["verbatim"]:
            raise InvalidArgument("--case, --speaker and --verbatim apply to transcripts, not to .qdpx projects.")
        same_text = same_text_choice(merge=upload.flag("merge"), copy=options["allow_duplicate"])
        results = await run_in_threadpool(ctx.project.exchange.import_qdpx_data, upload.files, same_text=same_text)
        return ImportResultOut(projects=[asdict(r) for r in results])
    sources = [SourceFile(name, data) for name, data in upload.files]
    imported = await run_in_threadpool(ctx.project.documents.import_sources, sources, **options)
    return ImportResultOut(documents=[ImportedOut(**{**asdict(d), "speakers": list(d.speakers)}) for d in imported])


def _sheet(upload: Upload) -> tuple[str, bytes, str | None]:
    name, data = upload.files[0]
    return name, data, (upload.one("id_column") or "").strip() or None


@router.post("/cases/import/preview", openapi_extra=_SHEET_FORM)
async def preview_cases(request: Request, ctx: Ctx) -> dict[str, Any]:
    """Each row: its id, new or known case, the transcripts it matches, the attributes it leaves empty."""
    found = await run_in_threadpool(ctx.project.cases.preview, *_sheet(await read_upload(request, "file")))
    return asdict(found)


@router.post("/cases/import", status_code=201, openapi_extra=_SHEET_FORM)
async def import_cases(request: Request, ctx: Ctx) -> dict[str, Any]:
    """Import a participants sheet: cases created or updated, empty cells "not available"."""
    sheet = _sheet(await read_upload(request, "file"))
    return asdict(await run_in_threadpool(ctx.project.cases.import_data, *sheet))


@router.post("/codebook/import/preview", openapi_extra=_CODEBOOK_FORM)
async def preview_codebook(request: Request, ctx: Ctx) -> dict[str, Any]:
    """The codes a codebook file would add (``new``) or update."""
    upload = await read_upload(request, "file")
    return asdict(await run_in_threadpool(ctx.project.codes.preview, *upload.files[0]))


@router.post("/codebook/import", status_code=201, openapi_extra=_CODEBOOK_FORM)
async def import_codebook(request: Request, ctx: Ctx) -> dict[str, Any]:
    """Import a codebook (.csv, .xlsx, .md, or REFI-QDA .qdc merged by GUID)."""
    name, data = (await read_upload(request, "file")).files[0]
    result = asdict(await run_in_threadpool(ctx.project.codes.import_data, name, data))
    return {"file": name, "kind": "qdc" if is_qdc(name) else "table", **result}


def interview_out(doc_id: int, title: str, source: SourceInfo) -> InterviewOut:
    return InterviewOut(
        id=doc_id, title=title, date=source.interview_date.isoformat() if source.interview_date else None,
        mode=source.mode, duration=source.duration_minutes, interviewer=source.interviewer,
        setting=source.setting, notes=source.field_notes,
    )


@router.get("/documents/{document_id}/interview", response_model=InterviewOut, tags=["documents"])
def interview(document_id: int, ctx: Ctx) -> InterviewOut:
    doc = ctx.project.documents.get(document_id)
    return interview_out(doc.id, doc.title, doc.source)


@router.patch("/documents/{document_id}", response_model=InterviewOut, tags=["documents"])
def set_interview(document_id: int, body: InterviewIn, ctx: Ctx) -> InterviewOut:
    """Change a transcript's interview details (date, mode, duration, interviewer, setting, notes)."""
    values = {k: (None if v is None else str(v)) for k, v in body.model_dump(exclude_unset=True).items()}
    source = ctx.project.documents.set_interview(document_id, **values)
    return interview_out(document_id, ctx.project.documents.get(document_id).title, source)


@router.get("/settings/coders-import", response_model=CodersImport, tags=["settings"])
def coders_import(ctx: Ctx) -> CodersImport:
    return CodersImport(on=ctx.project.team.coders_may_import())


@router.put("/settings/coders-import", response_model=CodersImport, tags=["settings"])
def set_coders_import(body: CodersImport, ctx: Ctx) -> CodersImport:
    """Let coders import files and change interview details (off: leads only; viewers never)."""
    ctx.project.team.set_coders_may_import(body.on)
    return CodersImport(on=ctx.project.team.coders_may_import())
