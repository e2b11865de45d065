"""What the second reader hands back: misfit flags (coded passages least like their code) and drafts
written by a team-run language model, with the provenance a draft keeps once a person accepts it.

Pure dataclasses: no model, no network, no SQL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


@dataclass(frozen=True, slots=True)
class Misfit:
    """A coded passage that resembles its own code less than another code (or less than its siblings).

    ``score`` is how much closer the passage lies to ``nearest_code`` than to its own code (cosine
    difference): above 0 it fits another code better; the list is ordered by it, highest first."""

    coding_id: int
    code_id: int
    code: str
    document_id: int
    document: str
    start: int
    end: int
    text: str
    score: float
    own_fit: float
    nearest_code: str
    nearest_fit: float

    @property
    def reason(self) -> str:
        """The reason shown beside the passage, in one sentence."""
        if self.nearest_code:
            return (f"Closer to '{self.nearest_code}' ({self.nearest_fit:.2f}) than to '{self.code}' "
                    f"({self.own_fit:.2f}).")
        return f"Least like the other passages of '{self.code}' ({self.own_fit:.2f})."


class DraftKind(str, Enum):
    """What a draft is of: a code's definition, a candidate theme's name and definition, a theme's summary."""

    CODE_DEFINITION = "code-definition"
    CANDIDATE_THEME = "candidate-theme"
    THEME_SUMMARY = "theme-summary"


@dataclass(frozen=True, slots=True)
class DraftExtract:
    """An extract given to the model, numbered as the prompt numbers it (the draft cites ``[n]``)."""

    number: int
    coding_id: int
    code: str
    text: str


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a draft came from: the endpoint, the model as its server names it, the prompt template."""

    endpoint: str
    api: str  # "openai" or "ollama"
    model: str
    digest: str  # as the server reports it; "" when it reports none
    prompt: str  # template file name, with its version: code_definition.v1
    seed: int
    created: str  # ISO time the draft was made


@dataclass(frozen=True, slots=True)
class Draft:
    """A draft as the model wrote it (untrusted text, length-limited), parsed into fields where the
    prompt asks for them, with the extracts it was given. Nothing is saved until a person accepts."""

    kind: DraftKind
    target: str  # the code's path or the theme's name ("candidate theme N" for a candidate)
    target_id: int | None
    text: str
    fields: dict[str, str]
    extracts: tuple[DraftExtract, ...]
    provenance: Provenance
    truncated: bool = False
    cited: tuple[int, ...] = field(default=())  # extract numbers the text cites that exist


@dataclass(frozen=True, slots=True)
class AcceptedDraft:
    """A draft a person accepted (as written, or edited): stored with its provenance."""

    id: int
    kind: DraftKind
    target: str
    target_id: int | None
    text: str
    edited: bool
    provenance: Provenance
    accepted_by: str
    accepted_at: str
    coding_ids: tuple[int, ...]
