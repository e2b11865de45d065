"""Private coding suggestions: the passages a transcript is cut into, and what the assistant
hands back (suggested codes, similar passages, candidate themes, an index report).

Owns the passage rules: every speaker turn of the current revision is a passage, and so is each of its
sentences when the turn holds more than one. Sentences of fewer than ``MIN_WORDS`` words ("Yeah.",
"Right.") are joined to the next sentence: alone they match every code a little and none well.
Must not do I/O, and must not decide anything: the assistant proposes, people code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from collections.abc import Iterator
from enum import Enum

from cotheme.domain.plural import counted

#: A sentence ends at ., ! or ? (repeated, with closing quotes or brackets) followed by space, or at a
#: line end; transcripts rarely use abbreviations with full stops, and a split inside one costs little.
_SENTENCE = re.compile(r"\S.*?(?:[.!?]+[\"'”’)\]]*(?=\s)|\n|$)", re.DOTALL)
#: Shorter sentences are joined to the next one (see the module docstring).
MIN_WORDS = 4


class Kind(str, Enum):
    TURN = "turn"
    SENTENCE = "sentence"


@dataclass(frozen=True, slots=True)
class Span:
    """A passage of a revision's text: ``start``-``end`` in code points."""

    kind: Kind
    start: int
    end: int


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of ``text[start:end]`` as absolute spans, short ones joined to the next."""
    found: list[tuple[int, int]] = []
    pending: int | None = None
    for match in _SENTENCE.finditer(text, start, end):
        s, e = _trimmed(text, match.start(), match.end())
        if s >= e:
            continue
        first = s if pending is None else pending
        if len(text[first:e].split()) < MIN_WORDS:
            pending = first
            continue
        found.append((first, e))
        pending = None
    if pending is not None:
        if found:
            found[-1] = (found[-1][0], _trimmed(text, pending, end)[1])
        else:
            found.append(_trimmed(text, pending, end))
    return [(s, e) for s, e in found if s < e]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Blank-line separated blocks: the turns of a text that has none recorded."""
    spans = []
    for match in re.finditer(r"\S(?:.*?\S)?(?=\n\s*\n|\s*$)", text, re.DOTALL):
        spans.append((match.start(), match.end()))
    return spans


def passages(text: str, turns: list[tuple[int, int]]) -> list[Span]:
    """Every passage of a revision: each turn (or paragraph), then its sentences when it has several."""
    out: list[Span] = []
    for turn_start, turn_end in turns or paragraphs(text):
        s, e = _trimmed(text, turn_start, turn_end)
        if s >= e:
            continue
        out.append(Span(Kind.TURN, s, e))
        parts = sentences(text, s, e)
        if len(parts) > 1:
            out.extend(Span(Kind.SENTENCE, a, b) for a, b in parts)
    return out


#: Speaker labels that name the interviewer's role rather than a person ("Interviewer 2", "Q", "Int").
_INTERVIEWER = re.compile(r"^(?:interviewer|int|iv|i|q|question|facilitator|moderator|researcher)\b[\s\d.:]*$",
                          re.IGNORECASE)


def is_interviewer(speaker: str, interviewer: str = "") -> bool:
    """Whether a turn's speaker label is the interviewer: a role label, or the interview's interviewer by
    name (the document's interview details)."""
    label = " ".join(speaker.split())
    if not label:
        return False
    return bool(_INTERVIEWER.match(label)) or (bool(interviewer.strip()) and label.casefold() == " ".join(interviewer.split()).casefold())


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A code proposed for a passage; ``score`` is calibrated per code (higher fits better)."""

    code_id: int
    code: str
    path: str
    score: float


@dataclass(frozen=True, slots=True)
class SimilarPassage:
    """A passage not yet coded with the code, ranked by how much it resembles the code's extracts."""

    passage_id: int
    document_id: int
    document: str
    kind: str
    start: int
    end: int
    text: str
    score: float


@dataclass(frozen=True, slots=True)
class SimilarResult:
    """The passages "similar" found, and how many passages it considered (the interviewer's turns are
    left out unless asked for)."""

    passages: tuple[SimilarPassage, ...]
    considered: int
    interviewer_left_out: int

    @property
    def summary(self) -> str:
        """The sentence every face says with the passages."""
        tail = (f"; {counted(self.interviewer_left_out, 'passage')} of the interviewer's turns left out"
                if self.interviewer_left_out else "")
        return f"Considered {counted(self.considered, 'passage')} not yet coded with the code{tail}."

    def __iter__(self) -> Iterator[SimilarPassage]:
        return iter(self.passages)

    def __len__(self) -> int:
        return len(self.passages)

    def __getitem__(self, position: int) -> SimilarPassage:
        return self.passages[position]


@dataclass(frozen=True, slots=True)
class CodeAgreement:
    """How the assistant's first choice agreed with people on one code, each coded passage hidden in turn."""

    code_id: int
    code: str
    examples: int  # codings of the code (the hidden one included)
    tested: int  # hidden passages people coded with it
    top1: float | None  # share of those where the first suggestion was this code
    top3: float | None
    kappa: float | None  # Cohen's kappa: "first suggestion is this code" against "people coded it"
    suggestible: bool


@dataclass(frozen=True, slots=True)
class AssistEvaluation:
    """The assistant evaluated as a coder on the project's own codings (leave one passage out)."""

    model: str
    passages: int
    codes: int
    top1: float | None
    top3: float | None
    kappa: float | None  # mean over codes with at least one tested passage
    folds: int  # how many groups the passages were hidden in (equal to ``passages``: one at a time)
    per_code: tuple[CodeAgreement, ...]


@dataclass(frozen=True, slots=True)
class CandidateTheme:
    """A group of codes whose extracts and definitions lie close together, with the extracts (coding ids
    and text) nearest the group's centre: what ties it together."""

    number: int
    codes: tuple[str, ...]
    extracts: tuple[tuple[int, str, str], ...]  # (coding id, code path, text)
    cohesion: float


@dataclass(frozen=True, slots=True)
class IndexReport:
    model: str
    documents: int
    embedded: int
    unchanged: int
    passages: int
    seconds: float


@dataclass(frozen=True, slots=True)
class AssistStatus:
    """Whether assistance can run here, whether the project allows it, and what is indexed."""

    installed: bool
    enabled: bool
    model: str
    how_to_enable: str
    documents: int
    indexed: int
    passages: int
    accepted: int
    notes: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class DocumentAssist:
    """Whether the code picker can ask for suggestions on one document: the extra is installed, the
    project allows it, and the document's current revision is indexed."""

    installed: bool
    enabled: bool
    indexed: bool
