"""De-identification review by string, and the residual risk report's shapes.

Owns the normalised form two candidates are grouped by (``group_key``: case-folded, single spaces,
a possessive "'s" dropped, so "Priya", "PRIYA" and "Priya's" are one group), the possessive ending a
replacement keeps ("Priya's" -> "[Person A]'s"), the sentence shown around a hit, the spans of text
that are placeholders (never reported as leftovers), and the records the use cases return. Must not
do I/O and must not detect anything (detection is ``domain.deid`` and ``services.deid_model``).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from cotheme.domain.deid import key_of
from cotheme.domain.plural import counted

_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$", re.I)
#: A bracketed replacement such as "[Person A]" or "[participant's sister]".
PLACEHOLDER = re.compile(r"\[[^\[\]\n]{1,80}\]")
_SENTENCE_END = re.compile(r"[.!?…](?=\s)|\n")
_LABEL = re.compile(r"[^:\n]{1,40}:\s+")
#: Longest sentence shown whole; longer ones are cut around the hit.
_MAX_CONTEXT = 240


def possessive(text: str) -> str:
    """The possessive ending of ``text`` ("'s", "’s", or "'" after an s), or ""."""
    m = _POSSESSIVE.search(text.strip())
    return m.group() if m else ""


def base_form(text: str) -> str:
    """``text`` on single spaces without its possessive ending: "Priya's" -> "Priya"."""
    clean = " ".join(text.split())
    ending = possessive(clean)
    return clean[: len(clean) - len(ending)] if ending else clean


def group_key(text: str) -> str:
    """The form candidates are grouped, accepted, rejected and pseudonymised by."""
    return key_of(base_form(text))


def with_possessive(replacement: str, original: str) -> str:
    """The replacement of ``original`` keeping its possessive: ("[Person A]", "Priya's") -> "[Person A]'s"."""
    ending = possessive(original)
    if not ending or possessive(replacement):
        return replacement
    return replacement + ("’s" if "’" in ending else "'s")


def sentence_around(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The sentence holding ``start``-``end`` and the hit's offsets within it (cut to about 240
    characters around the hit when the sentence is longer)."""
    # Looking no further than a window each side keeps this cheap in a long transcript.
    window = max(0, start - 2 * _MAX_CONTEXT)
    left = window
    for m in _SENTENCE_END.finditer(text, window, start):
        left = m.end()
    m = _SENTENCE_END.search(text, end, end + 2 * _MAX_CONTEXT)
    right = m.end() if m else min(len(text), end + 2 * _MAX_CONTEXT)
    if right - left > _MAX_CONTEXT:
        half = (_MAX_CONTEXT - (end - start)) // 2
        left, right = max(left, start - max(half, 20)), min(right, end + max(half, 20))
    raw = text[left:right]
    stripped = raw.lstrip()
    label = _LABEL.match(stripped)
    if label and left + len(raw) - len(stripped) + label.end() <= start:
        stripped = stripped[label.end():]  # the speaker's label is shown apart, not as the sentence
    left += len(raw) - len(stripped)
    sentence = stripped.rstrip()
    return sentence, start - left, end - left


def placeholder_spans(text: str, replacements: Collection[str] = ()) -> list[tuple[int, int]]:
    """Spans of ``text`` that are replacements put there by de-identification: bracketed ones, and any
    other replacement string the team chose."""
    spans = [(m.start(), m.end()) for m in PLACEHOLDER.finditer(text)]
    for replacement in replacements:
        if replacement and not PLACEHOLDER.fullmatch(replacement):
            spans.extend((m.start(), m.end()) for m in re.finditer(re.escape(replacement), text))
    return spans


# -- review by string --------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class GroupContext:
    """One occurrence of a group: its document and the sentence around it (``start``-``end`` within
    ``sentence`` is the hit; both ``None`` for a speaker label)."""

    candidate_id: int
    document: str
    sentence: str
    start: int | None
    end: int | None


@dataclass(frozen=True, slots=True)
class CandidateGroup:
    """Every candidate of one string across the project. ``status`` is open, proposed, accepted,
    rejected or mixed; ``confidence`` the highest score; ``placeholder`` what it becomes."""

    key: str
    string: str
    kind: str
    count: int
    documents: int
    confidence: float
    status: str
    placeholder: str
    sources: tuple[str, ...]
    contexts: tuple[GroupContext, ...]


@dataclass(frozen=True, slots=True)
class GroupDecision:
    """What one decision on a string did: how many candidates it reached (``added``: occurrences no
    scan had proposed) and whether the string is now on the reject list."""

    string: str
    decision: str
    candidates: int
    added: int
    placeholder: str | None
    on_reject_list: bool


def decision_sentence(d: GroupDecision) -> str:
    """What a decision on a string did, in the words the CLI and the page both use."""
    if d.decision == "accept":
        extra = f" ({d.added} that no scan had proposed)" if d.added else ""
        return f"Accepted '{d.string}' everywhere: {counted(d.candidates, 'occurrence')}{extra} -> {d.placeholder}."
    if d.decision == "reject":
        return (f"Rejected '{d.string}' everywhere: {counted(d.candidates, 'occurrence')}; it is on the reject "
                "list, so later scans leave it out.")
    verb = "is" if d.candidates == 1 else "are"
    return f"Undid the decision on '{d.string}': {counted(d.candidates, 'occurrence')} {verb} undecided again."


# -- residual risk -----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Leftover:
    """Something in the de-identified text that still looks like an identifier."""

    text: str
    kind: str
    score: float
    source: str
    context: str
    field: str = "text"


@dataclass(frozen=True, slots=True)
class DocumentRisk:
    document_id: int
    document: str
    revision: int
    deidentified: bool
    replaced: dict[str, int]
    leftovers: tuple[Leftover, ...]
    rejected: int


@dataclass(frozen=True, slots=True)
class RiskReport:
    """Per transcript: what kinds were replaced (counts only, never the originals) and what is left
    that looks like an identifier; ``detectors`` names what looked."""

    title: str
    documents: tuple[DocumentRisk, ...]
    detectors: str
    note: str
