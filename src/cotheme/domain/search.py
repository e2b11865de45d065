"""Full-text search queries and hits, independent of the engine that answers them.

A query is words (all must occur), ``"quoted phrases"`` and ``prefix*`` terms. The storage layer turns
``Query`` into FTS5 or tsquery syntax; ``locate`` finds the hit offsets in a unit's text so both engines
return identical offsets and snippets. Must not do I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cotheme.errors import InvalidArgument

_TOKEN = re.compile(r"\w+", re.UNICODE)
_PART = re.compile(r'"([^"]*)"|(\S+)')

#: Characters of context on each side of the first hit in a snippet.
SNIPPET_CONTEXT = 60


@dataclass(frozen=True, slots=True)
class Term:
    """One search term: a phrase of one or more words; ``prefix`` matches words starting so."""

    words: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class Query:
    terms: tuple[Term, ...]


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A match in a transcript or memo: absolute offsets of every matched term and a snippet.

    ``snippet`` is plain text; ``snippet_marks`` are (start, end) ranges inside it to highlight.
    """

    kind: str  # "document" | "memo"
    document_id: int | None
    document: str | None
    memo_id: int | None
    start: int
    end: int
    offsets: tuple[tuple[int, int], ...]
    snippet: str
    snippet_marks: tuple[tuple[int, int], ...]
    speaker: str | None = None


def parse_query(text: str) -> Query:
    """Parse user query text; raise ``InvalidArgument`` when it holds no searchable word."""
    terms: list[Term] = []
    for match in _PART.finditer(text):
        phrase, bare = match.group(1), match.group(2)
        raw = phrase if phrase is not None else bare
        prefix = phrase is None and raw.endswith("*")
        words = tuple(w.lower() for w in _TOKEN.findall(raw))
        if words:
            terms.append(Term(words=words, prefix=prefix and len(words) == 1))
    if not terms:
        raise InvalidArgument(f"The search '{text}' has no words to look for.")
    return Query(tuple(terms))


def _pattern(term: Term) -> re.Pattern[str]:
    body = r"\W+".join(re.escape(w) for w in term.words)
    tail = r"\w*" if term.prefix else r"(?!\w)"
    return re.compile(r"(?<!\w)" + body + tail, re.IGNORECASE)


def locate(query: Query, text: str) -> list[tuple[int, int]]:
    """Offsets of every occurrence of every term in ``text``, sorted; empty if a term is missing."""
    spans: list[tuple[int, int]] = []
    for term in query.terms:
        found = [(m.start(), m.end()) for m in _pattern(term).finditer(text)]
        if not found:
            return []
        spans.extend(found)
    return sorted(spans)


def snippet(text: str, spans: list[tuple[int, int]]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A window of ``text`` around the first span, with the spans that fall inside it."""
    first = spans[0][0]
    lo = max(0, first - SNIPPET_CONTEXT)
    hi = min(len(text), spans[0][1] + SNIPPET_CONTEXT)
    lead = "…" if lo > 0 else ""
    tail = "…" if hi < len(text) else ""
    body = text[lo:hi].replace("\n", " ")
    marks = tuple(
        (s - lo + len(lead), e - lo + len(lead)) for s, e in spans if s >= lo and e <= hi
    )
    return lead + body + tail, marks
