"""Passages: the codings of one stretch of a transcript shown once, with every coder and code on it.

Two coders who code the same words (or overlapping words) in a theme made a review page show the
passage twice. Owns merging a theme's extracts into passages (overlapping spans in one document),
rebuilding the passage's text from its codings' quotes, choosing the coding that stands for it, and
grouping passages under headings with a short first page of each group. Must not do I/O.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from cotheme.domain.codings import Extract
from cotheme.domain.memos import Memo

#: Passages a group shows before "Show all N": enough to judge a group, short enough that a theme
#: with five subthemes fits a few screens (the overarching demo theme was 18,540 px tall).
FIRST_PAGE = 5


@dataclass(frozen=True, slots=True)
class Passage:
    """One stretch of one document and the codings on it, in reading order."""

    document_id: int
    document: str
    case_pid: str | None
    speaker: str | None
    start: int
    end: int
    text: str
    extracts: tuple[Extract, ...]
    memos: tuple[Memo, ...] = ()

    @property
    def coders(self) -> tuple[str, ...]:
        """Who coded the passage, by name (alphabetical: the order says nothing about who came first)."""
        return tuple(sorted({e.coder for e in self.extracts if e.coder}, key=str.casefold))

    @property
    def code_paths(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e.code_path or e.code for e in self.extracts))

    @property
    def coding_ids(self) -> tuple[int, ...]:
        return tuple(e.id for e in self.extracts)

    @property
    def lead_coding(self) -> int:
        """The coding that stands for the passage (as an exemplar): the longest, then the first."""
        return max(self.extracts, key=lambda e: (e.end - e.start, -e.start, -e.id)).id


@dataclass(frozen=True, slots=True)
class PassageGroup:
    """Passages under one heading (a subtheme, a participant id or a code path)."""

    key: str
    passages: tuple[Passage, ...]
    first_page: int = FIRST_PAGE

    @property
    def hidden(self) -> int:
        return max(0, len(self.passages) - self.first_page)


@dataclass(frozen=True, slots=True)
class Grouping:
    """One way of grouping a theme's passages: ``by`` is subtheme, participant or code."""

    by: str
    groups: tuple[PassageGroup, ...] = field(default_factory=tuple)


GROUPINGS = ("subtheme", "participant", "code")


def _text(parts: Sequence[Extract]) -> str:
    """The union of overlapping spans, pieced together from the quotes (each is exactly its span's
    text); a quote whose length disagrees with its span gives the longest quote instead."""
    if any(len(e.text) != e.end - e.start for e in parts):
        return max(parts, key=lambda e: len(e.text)).text
    ordered = sorted(parts, key=lambda e: (e.start, -e.end))
    text, reached = ordered[0].text, ordered[0].end
    for extract in ordered[1:]:
        if extract.end > reached:
            text += extract.text[reached - extract.start:]
            reached = extract.end
    return text


def merge_passages(extracts: Iterable[Extract], memos: Mapping[int, Sequence[Memo]] | None = None) -> list[Passage]:
    """Extracts whose spans overlap in one document become one passage; passages in document then
    text order. ``memos`` maps a coding id to the memos on it; a passage carries all of its codings'."""
    by_document: dict[int, list[Extract]] = {}
    for extract in extracts:
        by_document.setdefault(extract.document_id, []).append(extract)
    found: list[Passage] = []
    for document_id in sorted(by_document, key=lambda d: (by_document[d][0].document, d)):
        clusters: list[list[Extract]] = []
        reached = -1
        for extract in sorted(by_document[document_id], key=lambda e: (e.start, e.end, e.id)):
            if clusters and extract.start < reached:
                clusters[-1].append(extract)
                reached = max(reached, extract.end)
            else:
                clusters.append([extract])
                reached = extract.end
        for cluster in clusters:
            first = cluster[0]
            notes = tuple(m for e in cluster for m in (memos or {}).get(e.id, ()))
            found.append(Passage(
                document_id, first.document, first.case_pid, first.speaker, first.start,
                max(e.end for e in cluster), _text(cluster), tuple(cluster), notes,
            ))
    return found


def group_passages(
    passages: Sequence[Passage], key: Callable[[Passage], str], order: Sequence[str] = (),
    first_page: int = FIRST_PAGE,
) -> tuple[PassageGroup, ...]:
    """Passages under headings: the headings in ``order`` first (as given), then the others largest
    first (ties by name); passages keep reading order inside a group."""
    groups: dict[str, list[Passage]] = {}
    for passage in passages:
        groups.setdefault(key(passage), []).append(passage)
    rank = {name: i for i, name in enumerate(order)}
    ordered = sorted(groups.items(), key=lambda kv: (rank.get(kv[0], len(rank)), -len(kv[1]), kv[0]))
    return tuple(PassageGroup(k, tuple(v), first_page) for k, v in ordered)
