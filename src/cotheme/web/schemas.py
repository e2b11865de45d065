"""Request and response bodies of /api/v1, as pydantic models so the OpenAPI schema documents them.

All offsets are Unicode code points from 0 (the page converts from the browser's UTF-16 units).
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field

#: The largest value of PostgreSQL's ``integer`` columns (ids, offsets, versions). Bounding every integer
#: the API accepts here makes SQLite (64-bit) and PostgreSQL (32-bit) answer alike: a 422 with a
#: sentence, never a database error; no transcript is 2^31 characters long.
INT_MAX = 2_147_483_647
#: A database id: anything outside 1..INT_MAX cannot name a row.
Id = Annotated[int, Field(ge=1, le=INT_MAX)]
#: A code point offset into a text, or a count such as a version or revision number.
Offset = Annotated[int, Field(ge=0, le=INT_MAX)]


class ErrorOut(BaseModel):
    error: str


class MemberOut(BaseModel):
    id: int
    name: str
    role_label: str
    permission: str


class DocumentOut(BaseModel):
    id: int
    title: str
    case_pid: str | None
    words: int
    turns: int
    speakers: list[str]
    codings: int
    coded_turns: int
    revision: int


class TurnOut(BaseModel):
    index: int
    speaker: str | None
    start: int
    end: int
    t_start_ms: int | None
    t_end_ms: int | None


class DocumentTextOut(BaseModel):
    id: int
    title: str
    case_pid: str | None
    revision: int
    text: str
    turns: list[TurnOut]


class ExtractOut(BaseModel):
    id: int
    document_id: int
    document: str
    case_pid: str | None
    speaker: str | None
    code_id: int
    code: str
    code_path: str
    coder: str | None
    start: int
    end: int
    text: str
    created_at: datetime


class ExtractMemoOut(BaseModel):
    id: int
    coding_id: int
    author: str | None
    text: str


class RetrievedOut(BaseModel):
    extract: ExtractOut
    attributes: dict[str, str]
    overlapping: list[str]
    codes: list[str] = Field(default=[], description="Every retrieved code the passage carries (a passage "
                             "coded with a code and its sub-code is one extract).")
    coding_ids: list[int] = Field(default=[], description="The codings merged into this extract.")
    memos: list[ExtractMemoOut] = Field(default=[], description="Memos written on those codings.")
    turn: int | None = Field(default=None, description="The speaker turn the extract starts in (1 = the first).")


class CodeOut(BaseModel):
    id: int
    name: str
    parent_id: int | None
    path: str
    definition: str
    inclusion: str
    exclusion: str
    example: str
    colour: str
    extracts: int = Field(description="Extracts coded with this code itself.")
    participants: int = Field(description="Participants with an extract coded with this code itself.")
    extracts_with_subcodes: int = Field(default=0, description="Extracts of the code and every code below "
                                        "it, a passage coded with several of them counted once.")
    participants_with_subcodes: int = Field(default=0, description="Participants of those extracts.")
    subcodes: int = Field(default=0, description="How many codes lie below this one (at any depth).")
    version: int = 1  # send it back with an edit; a save over an older version is refused (409)


class CodeIn(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    parent_id: Id | None = None
    definition: str = ""
    inclusion: str = ""
    exclusion: str = ""
    example: str = ""
    colour: str | None = None


class CodeEdit(BaseModel):
    name: str | None = Field(default=None, min_length=1, max_length=200)
    definition: str | None = None
    inclusion: str | None = None
    exclusion: str | None = None
    example: str | None = None
    colour: str | None = None
    version: Offset | None = Field(default=None, description="The version the editor loaded.")
    rationale: str | None = Field(default=None, max_length=10_000, description="Why, for the codebook history.")


class CodeMove(BaseModel):
    parent_id: Id | None


class CodingIn(BaseModel):
    document_id: Id
    code_id: Id
    start: Offset
    end: Offset


class CodingEdit(BaseModel):
    code_id: Id | None = None
    start: Offset | None = None
    end: Offset | None = None


class MemoIn(BaseModel):
    text: str = Field(min_length=1, max_length=100_000)
    target: str = "project"
    target_id: Id | None = None


class MemoOut(BaseModel):
    id: int
    text: str
    html: str
    author: str | None
    target: str
    target_id: int | None
    created_at: datetime
    about: str = Field(default="", description='What the memo is on, named: "on code Stigma", "on P05", '
                       '"on a coding in P02, turn 14", "on the project".')
    target_name: str = Field(default="", description="The target's name (code, document title, theme).")
    turn: int | None = Field(default=None, description="For a memo on a coding: the turn it starts in (1 = first).")
    link: str | None = Field(default=None, description="The page of the target, when it has one.")


class CaseOut(BaseModel):
    id: str
    attributes: dict[str, str]


class HitOut(BaseModel):
    kind: str
    document_id: int | None
    document: str | None
    memo_id: int | None
    speaker: str | None
    start: int
    end: int
    offsets: list[tuple[int, int]]
    snippet: str
    snippet_marks: list[tuple[int, int]]


class LiveEventOut(BaseModel):
    id: int = Field(description="The event id: continue after it (SSE Last-Event-ID).")
    at: str
    actor: str
    kind: str = Field(description="coding, memo, code, theme or document")
    action: str = Field(description="insert, update or delete")
    row_id: int | None
    document_id: int | None
    code_id: int | None
    announce: str = Field(description="A sentence for a change to the codebook that coders must not miss.")


class PresentOut(BaseModel):
    member_id: int
    name: str
    role_label: str
    permission: str


class LiveBatchOut(BaseModel):
    events: list[LiveEventOut]
    cursor: int = Field(description="Pass as 'after' next time.")
    present: list[PresentOut] = Field(description="Who has the transcript open (with 'document').")
