"""/api/v1/calibrations: calibration sessions (start blind, reveal side by side, close with decisions)."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter
from pydantic import BaseModel, Field

from cotheme.web.api_texts import ERRORS, Ctx

router = APIRouter(prefix="/api/v1", responses=ERRORS, tags=["team"])


class CalibrationIn(BaseModel):
    document: str = Field(description="The transcript's title or id.")
    coders: list[str] = Field(default_factory=list, description="Default: every coder.")


class DecisionsIn(BaseModel):
    decisions: str = Field(min_length=1, max_length=20_000)


class CalibrationOut(BaseModel):
    id: int
    document_id: int
    document: str
    coders: list[str]
    state: str = Field(description="coding blind, revealed or closed")
    started_by: str
    started_at: datetime
    revealed_at: datetime | None
    closed_at: datetime | None
    decisions: str
    codings: dict[str, int] = Field(description="Each coder's codings on it, as you may see them.")


def session_out(s: object) -> CalibrationOut:
    return CalibrationOut(id=s.id, document_id=s.document_id, document=s.document, coders=list(s.coders),  # type: ignore[attr-defined]
                          state=s.state, started_by=s.started_by, started_at=s.started_at,  # type: ignore[attr-defined]
                          revealed_at=s.revealed_at, closed_at=s.closed_at, decisions=s.decisions,  # type: ignore[attr-defined]
                          codings=s.codings)  # type: ignore[attr-defined]


@router.get("/calibrations", response_model=list[CalibrationOut])
def calibrations(ctx: Ctx) -> list[CalibrationOut]:
    return [session_out(s) for s in ctx.project.calibrations()]


@router.post("/calibrations", response_model=CalibrationOut, status_code=201)
def start(body: CalibrationIn, ctx: Ctx) -> CalibrationOut:
    """Open a session: the transcript assigned to the coders and made blind."""
    return session_out(ctx.project.start_calibration(body.document, body.coders))


@router.post("/calibrations/{document_id}/reveal", response_model=CalibrationOut)
def reveal(document_id: int, ctx: Ctx) -> CalibrationOut:
    return session_out(ctx.project.reveal_calibration(document_id))


@router.post("/calibrations/{document_id}/close", response_model=CalibrationOut)
def close(document_id: int, body: DecisionsIn, ctx: Ctx) -> CalibrationOut:
    return session_out(ctx.project.close_calibration(document_id, body.decisions))
