"""/api/v1 for private coding suggestions: suggest codes for a passage, find passages like a
code's extracts, accept either as a coding (with provenance), candidate themes, and the status.

Offsets are Unicode code points, as everywhere in /api/v1 (the page converts from UTF-16). Without the
optional extra every route answers 503 with the sentence saying how to install it; with assistance
turned off in the project, 409 with the sentence saying how to turn it on.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from cotheme.web.api_texts import ERRORS, Ctx, extract_out
from cotheme.web.schemas import INT_MAX, ExtractOut, Id, Offset

router = APIRouter(prefix="/api/v1", responses={**ERRORS, 503: ERRORS[404]}, tags=["assist"])

Top = Annotated[int, Query(ge=1, le=200, description="How many to return.")]


class AssistStatusOut(BaseModel):
    installed: bool
    enabled: bool
    model: str
    how_to_enable: str
    documents: int
    indexed: int
    passages: int
    accepted: int
    notes: list[str]


class DocumentAssistOut(BaseModel):
    installed: bool
    enabled: bool
    indexed: bool = Field(description="The document's current revision is indexed (cotheme index).")


class SuggestionOut(BaseModel):
    code_id: int
    code: str
    path: str
    score: float = Field(description="Fit to the code's definition and coded extracts (higher fits better).")


class SpanIn(BaseModel):
    document_id: Id
    start: Offset
    end: Offset
    top: int = Field(default=5, ge=1, le=200)


class SuggestionAcceptIn(BaseModel):
    document_id: Id
    start: Offset
    end: Offset
    code_id: Id


class SimilarOut(BaseModel):
    passage_id: int
    document_id: int
    document: str
    kind: str
    start: int
    end: int
    text: str
    score: float


class SimilarAcceptIn(BaseModel):
    passage_id: Id
    code_id: Id


class ThemeExtractOut(BaseModel):
    coding_id: int
    code: str
    text: str


class CandidateThemeOut(BaseModel):
    number: int
    codes: list[str]
    cohesion: float
    extracts: list[ThemeExtractOut]


@router.get("/assist", response_model=AssistStatusOut)
def assist_status(ctx: Ctx) -> AssistStatusOut:
    """Whether suggestions are installed and allowed here, the model, and what is indexed."""
    s = ctx.project.assist_status()
    return AssistStatusOut(installed=s.installed, enabled=s.enabled, model=s.model, how_to_enable=s.how_to_enable,
                           documents=s.documents, indexed=s.indexed, passages=s.passages, accepted=s.accepted,
                           notes=list(s.notes))


@router.get("/documents/{document_id}/assist", response_model=DocumentAssistOut)
def document_assist(document_id: Id, ctx: Ctx) -> DocumentAssistOut:
    """Whether the code picker can ask for suggestions on this document: installed, allowed, indexed."""
    s = ctx.project.assist_document(document_id)
    return DocumentAssistOut(installed=s.installed, enabled=s.enabled, indexed=s.indexed)


def _suggestions(found: list) -> list[SuggestionOut]:  # type: ignore[type-arg]
    return [SuggestionOut(code_id=s.code_id, code=s.code, path=s.path, score=s.score) for s in found]


@router.get("/suggest", response_model=list[SuggestionOut])
def suggest_text(ctx: Ctx, text: Annotated[str, Query(min_length=1, max_length=20_000)], top: Top = 5) -> list[SuggestionOut]:
    """The ``top`` codes for a passage of text, best first."""
    return _suggestions(ctx.project.suggest(text, top=top))


@router.post("/suggest", response_model=list[SuggestionOut])
def suggest_span(body: SpanIn, ctx: Ctx) -> list[SuggestionOut]:
    """The ``top`` codes for ``start``-``end`` of a document's current revision, best first."""
    return _suggestions(ctx.project.suggest(document=body.document_id, start=body.start, end=body.end, top=body.top))


@router.post("/suggest/accept", response_model=ExtractOut, status_code=201)
def accept_suggestion(body: SuggestionAcceptIn, ctx: Ctx) -> ExtractOut:
    """Code the span with a suggested code as the acting member; the suggestion's provenance is kept."""
    return extract_out(ctx.project.accept_suggestion(body.document_id, body.start, body.end, code_id=body.code_id,
                                                     member=ctx.member.name))


class SimilarResultOut(BaseModel):
    passages: list[SimilarOut]
    considered: int = Field(description="Passages not yet coded with the code that were ranked.")
    interviewer_left_out: int = Field(description="Passages of the interviewer's turns left out.")
    summary: str = Field(description="The sentence saying how many passages were considered.")


@router.get("/similar", response_model=SimilarResultOut)
def similar(ctx: Ctx, code_id: Id, top: Top = 10, include_interviewer: bool = False) -> SimilarResultOut:
    """Passages not yet coded with the code, most like its extracts and definition first (the interviewer's
    turns left out unless ``include_interviewer``), with how many passages were considered."""
    found = ctx.project.similar(code_id=code_id, top=top, include_interviewer=include_interviewer)
    return SimilarResultOut(
        passages=[SimilarOut(passage_id=s.passage_id, document_id=s.document_id, document=s.document, kind=s.kind,
                             start=s.start, end=s.end, text=s.text, score=s.score) for s in found],
        considered=found.considered, interviewer_left_out=found.interviewer_left_out, summary=found.summary)


class CodeAgreementOut(BaseModel):
    code_id: int
    code: str
    examples: int = Field(description="Codings the code had.")
    tested: int = Field(description="Hidden passages people coded with it.")
    top1: float | None
    top3: float | None
    kappa: float | None
    suggestible: bool


class AssistEvaluationOut(BaseModel):
    model: str
    passages: int
    codes: int
    top1: float | None
    top3: float | None
    kappa: float | None
    folds: int
    per_code: list[CodeAgreementOut]


@router.post("/assist/evaluate", response_model=AssistEvaluationOut)
def evaluate(ctx: Ctx) -> AssistEvaluationOut:
    """The suggestions evaluated as a coder: each coded passage hidden in turn, compared with the people."""
    e = ctx.project.assist_evaluate()
    return AssistEvaluationOut(
        model=e.model, passages=e.passages, codes=e.codes, top1=e.top1, top3=e.top3, kappa=e.kappa, folds=e.folds,
        per_code=[CodeAgreementOut(code_id=a.code_id, code=a.code, examples=a.examples, tested=a.tested, top1=a.top1,
                                   top3=a.top3, kappa=a.kappa, suggestible=a.suggestible) for a in e.per_code])


@router.post("/similar/accept", response_model=ExtractOut, status_code=201)
def accept_similar(body: SimilarAcceptIn, ctx: Ctx) -> ExtractOut:
    """Code a similar passage with the code as the acting member; the suggestion's provenance is kept."""
    return extract_out(ctx.project.accept_similar(body.passage_id, code_id=body.code_id, member=ctx.member.name))


@router.get("/assist/themes", response_model=list[CandidateThemeOut])
def candidate_themes(ctx: Ctx, groups: Annotated[int | None, Query(ge=1, le=INT_MAX)] = None,
                     extracts: Annotated[int, Query(ge=0, le=20)] = 3) -> list[CandidateThemeOut]:
    """Codes grouped by their definitions and extracts, each group with the extracts that tie it."""
    return [CandidateThemeOut(number=t.number, codes=list(t.codes), cohesion=t.cohesion,
                              extracts=[ThemeExtractOut(coding_id=c, code=p, text=x) for c, p, x in t.extracts])
            for t in ctx.project.candidate_themes(groups, extracts)]
