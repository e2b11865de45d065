"""/api/v1 for transcribing a recording on the import page: start a transcription (the body is the
recording's bytes), ask how far it has got (stage, seconds done, time left), cancel it; and rename a
document's speakers (typing another speaker's label merges the two) or move one turn to another
speaker (splitting a speaker), the page's step after a transcription.

A transcription runs in a thread of its own, as a job kept in memory by the app (a job belongs to the
member who started it; nobody else sees it). It stores its document and recording all or nothing, and
a cancel stores nothing. The job's answer carries the service's own sentences.
"""

from __future__ import annotations

import itertools
import threading
import time
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, Field
from starlette.requests import ClientDisconnect

from cotheme.errors import Conflict, CothemeError, InputError, NotFound
from cotheme.services.importing import SourceFile
from cotheme.services.transcription import Step
from cotheme.web.context import RequestContext, context
from cotheme.web.schemas import ErrorOut, Id
from cotheme.web.uploads import safe_name

Ctx = Annotated[RequestContext, Depends(context)]
router = APIRouter(prefix="/api/v1", responses={c: {"model": ErrorOut} for c in (403, 404, 409, 413, 422)},
                   tags=["transcription"])
#: Finished jobs are forgotten this long (seconds) after they end: the page has long read them by then.
_KEEP = 3600
_numbers = itertools.count(1)


@dataclass
class Job:
    id: int
    member: str
    file: str
    state: str = "running"  # running, done, failed, cancelled
    step: Step = Step("waiting", 0.0, 0.0)
    documents: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None
    ended: float | None = None
    stop: threading.Event = field(default_factory=threading.Event)


class JobOut(BaseModel):
    id: int
    file: str
    state: str = Field(description="running, done, failed or cancelled")
    stage: str = Field(description="decoding, loading, transcribing, speakers or storing")
    done_s: float
    total_s: float
    left_s: float | None
    documents: list[dict[str, Any]]
    error: str | None


class RenameIn(BaseModel):
    old: str = Field(min_length=1, max_length=200)
    new: str = Field(min_length=1, max_length=200)


class TurnSpeakerIn(BaseModel):
    speaker: str = Field(min_length=1, max_length=200)


def _jobs(request: Request) -> dict[int, Job]:
    jobs: dict[int, Job] | None = getattr(request.app.state, "transcriptions", None)
    if jobs is None:
        jobs = request.app.state.transcriptions = {}
    now = time.monotonic()
    for old in [j for j in jobs.values() if j.ended is not None and now - j.ended > _KEEP]:
        jobs.pop(old.id, None)
    return jobs


def _out(job: Job) -> JobOut:
    step = job.step
    return JobOut(id=job.id, file=job.file, state=job.state, stage=step.stage, done_s=round(step.done_s, 1),
                  total_s=round(step.total_s, 1), left_s=None if step.left_s is None else round(step.left_s),
                  documents=job.documents, error=job.error)


def _run(job: Job, ctx: RequestContext, source: SourceFile, options: dict[str, Any]) -> None:
    def tick(step: Step) -> None:
        job.step = step

    try:
        done = ctx.project.documents.transcribe_sources([source], progress=tick, cancelled=job.stop.is_set, **options)
        job.documents = [{"id": d.id, "title": d.title, "file": d.file, "turns": d.turns,
                          "speakers": list(d.speakers)} for d in done]
        job.state = "done"
    except CothemeError as exc:
        job.error, job.state = str(exc), "cancelled" if job.stop.is_set() else "failed"
    except Exception:  # a bug: the page says so in a sentence; the server log has the traceback
        job.error, job.state = "The transcription failed unexpectedly; nothing was imported.", "failed"
        raise
    finally:
        job.ended = time.monotonic()


@router.post("/transcriptions", response_model=JobOut, status_code=202)
async def start(
    request: Request, ctx: Ctx,
    filename: Annotated[str, Query(min_length=1, max_length=500, description="The recording's file name.")],
    speakers: Annotated[int, Query(ge=1, le=6, description="How many people speak.")] = 2,
    model: Annotated[str, Query(description="tiny.en or base.")] = "tiny.en",
    language: Annotated[str, Query(max_length=3, description="The language spoken, e.g. en.")] = "en",
    case: Annotated[str | None, Query(max_length=100, description="Link the document to this case.")] = None,
    allow_duplicate: bool = False,
) -> JobOut:
    """Start transcribing a recording (the body is its bytes); ask ``GET /transcriptions/{id}`` how far it is."""
    from cotheme.services.transcription import check_options

    check_options(model, language, speakers)
    if getattr(request.app.state, "workers", 1) > 1:  # its job lives here; the next poll may reach another
        raise Conflict("This server runs in several processes, so it cannot follow a transcription; transcribe "
                       "with a server of one process ('cotheme serve --workers 1') or the CLI "
                       "('cotheme import PROJECT interview.m4a'). Nothing was imported.")
    name = safe_name(filename)
    try:
        data = await request.body()
    except ClientDisconnect:
        raise InputError(f"The upload of {name} was cut off before it was complete; nothing was imported.") from None
    if not data:
        raise InputError(f"{name}: no bytes came with the request; send the recording as the request body.")
    job = Job(next(_numbers), ctx.member.name, name)
    options = {"speakers": speakers, "model": model, "language": language, "case": (case or "").strip() or None,
               "allow_duplicate": allow_duplicate}
    _jobs(request)[job.id] = job
    threading.Thread(target=_run, args=(job, ctx, SourceFile(name, data), options), daemon=True,
                     name=f"cotheme-transcribe-{job.id}").start()
    return _out(job)


def _job(request: Request, ctx: RequestContext, job_id: int) -> Job:
    job = _jobs(request).get(job_id)
    if job is None or job.member != ctx.member.name:
        raise NotFound(f"There is no transcription {job_id}; start one on the import page.")
    return job


@router.get("/transcriptions/{job_id}", response_model=JobOut)
def status(job_id: Id, request: Request, ctx: Ctx) -> JobOut:
    """How far a transcription has got: its stage, seconds of sound done, time left; then its documents."""
    return _out(_job(request, ctx, job_id))


@router.delete("/transcriptions/{job_id}", response_model=JobOut, status_code=202)
def cancel(job_id: Id, request: Request, ctx: Ctx) -> JobOut:
    """Stop a transcription: it stores nothing (one that has finished stays as it is)."""
    job = _job(request, ctx, job_id)
    if job.state == "running":
        job.stop.set()
    return _out(job)


@router.put("/documents/{document_id}/speakers", tags=["documents"])
def rename_speaker(document_id: Id, body: RenameIn, ctx: Ctx) -> dict[str, Any]:
    """Rename a speaker in one document; the label of another speaker there merges the two."""
    changed = ctx.project.documents.rename_speaker(document_id, body.old, body.new)
    return {"changed": changed, "speakers": list(ctx.project.documents.get(document_id).speakers)}


@router.put("/documents/{document_id}/turns/{turn}/speaker", tags=["documents"])
def set_turn_speaker(document_id: Id, turn: int, body: TurnSpeakerIn, ctx: Ctx) -> dict[str, Any]:
    """Give one turn (numbered from 0) to another speaker, new or already there (splitting a speaker)."""
    ctx.project.documents.set_turn_speaker(document_id, turn, body.speaker)
    return {"turn": turn, "speaker": body.speaker.strip(), "speakers": list(ctx.project.documents.get(document_id).speakers)}
