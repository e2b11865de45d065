"""Carrying codings from one revision of a transcript to the next.

Owns ``TextChange`` (the regions where two revisions differ, built from explicit edits or from a diff,
and the mapping of a span's start and end through them) and ``carry`` (where a coding's anchor lands in
the new text, with a status and a score). A coding whose own text is untouched moves exactly; one
whose text changed inside its boundaries keeps them (``edited``); one that an edit crossed or swallowed
is searched for again by its quote and its prefix/suffix context and scored 0-1: at or above
``THRESHOLD`` it is placed (``fuzzy``), below it it needs a person (``review``). Nothing here deletes a
coding; deciding what to store is the service's job. Must not do I/O.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from enum import StrEnum

from cotheme.domain.text import Anchor, anchor_in

__all__ = [
    "THRESHOLD", "Carried", "Status", "TextChange", "carry", "diff", "from_edits", "score_at", "suggest",
]

#: Weights of the score: the quote's own similarity counts half, each side's context a quarter.
#: With these, a coded span deleted whole scores at most 0.5 (only its context survives) and so always
#: goes to review; the exact quote found elsewhere with unrelated context scores ~0.55-0.6 (a repeated
#: phrase is not enough on its own); a quote with a corrected word or two and intact context scores
#: 0.85-0.95.
QUOTE_WEIGHT, CONTEXT_WEIGHT = 0.5, 0.25
#: 0.7 = what a quote that is still 40 % the same with both contexts intact (0.2 + 0.5), or 80 % the
#: same with half of its context (0.4 + 0.25 + ~0.05), reaches; below it a person decides.
THRESHOLD = 0.7
#: Replaced blocks longer than this are not refined character by character (quadratic cost).
REFINE_LIMIT = 4000
#: Equal runs shorter than this inside a refined block are scattered letters, not shared text.
MIN_EQUAL = 3

Region = tuple[int, int, int, int]  # old_start, old_end, new_start, new_end
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)
_LINE = re.compile(r"[^\n]*\n|[^\n]+")
_SENTENCE = re.compile(r"[^.!?\n]*[.!?\n]+\s*|[^.!?\n]+")
#: Diff levels, coarse to fine: a replaced block of lines is diffed by sentences, then by words.
_FINER = {_LINE: _SENTENCE, _SENTENCE: _TOKEN}


class Status(StrEnum):
    """How a coding came through the last edit (``fuzzy`` and ``review`` wait for a person)."""

    OK = "ok"  # same text, same place
    MOVED = "moved"  # same text, new place
    EDITED = "edited"  # its boundaries held; text inside them was edited
    FUZZY = "fuzzy"  # found again by its quote and context, score >= THRESHOLD
    REVIEW = "review"  # not found with confidence: stays where it was until a person places it


@dataclass(frozen=True, slots=True)
class Carried:
    """Where a coding lands: ``anchor`` in the new text (``None`` for review), status and score."""

    status: Status
    anchor: Anchor | None
    score: float
    old_quote: str


@dataclass(frozen=True, slots=True)
class TextChange:
    """``old`` became ``new``; outside ``regions`` (sorted, disjoint, non-adjacent) they agree.

    ``exact`` is True when the regions are the edits a person made (not inferred by a diff): an
    inferred pure insertion or deletion may then be slid along repeated text, see ``carry``.
    """

    old: str
    new: str
    regions: tuple[Region, ...]
    exact: bool = True
    _starts: list[int] = field(init=False, repr=False, compare=False, default_factory=list)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", [r[0] for r in self.regions])

    def map_start(self, offset: int) -> int:
        return _map(self.regions, self._starts, offset, end=False)

    def map_end(self, offset: int) -> int:
        return _map(self.regions, self._starts, offset, end=True)

    def map_turn(self, offset: int, *, end: bool) -> int:
        """A turn's edge: unlike a coding's, text inserted right at it belongs to the turn."""
        return _map(self.regions, self._starts, offset, end=end, take_insertion=True)

    def touching(self, start: int, end: int) -> list[int]:
        """Indexes of regions that change ``old[start:end]`` (an insertion at either edge does not)."""
        k = bisect_right(self._starts, end) - 1
        found = []
        while k >= 0:
            a, b, _, _ = self.regions[k]
            if b < start or (b == start and a < b):
                break
            if (a < end and b > start) if a < b else (start < a < end):
                found.append(k)
            k -= 1
        return found[::-1]


def _map(regions: Sequence[Region], starts: Sequence[int], offset: int, *, end: bool, take_insertion: bool = False) -> int:
    """A span's start (or end) through the regions: an insertion exactly at the edge stays outside the
    span (``take_insertion``: inside it); inside a changed region a start rounds down and an end up."""
    k = bisect_right(starts, offset) - 1
    if k < 0:
        return offset
    a, b, c, d = regions[k]
    if a == b == offset:
        return (d if end else c) if take_insertion else (c if end else d)
    if offset >= b:
        return offset - b + d
    if offset == a:
        return c
    return d if end else c


def _normalise(regions: Iterable[Region]) -> tuple[Region, ...]:
    """Merge touching or adjacent regions so at most one region sits at any position."""
    merged: list[list[int]] = []
    for region in sorted(regions):
        if merged and region[0] <= merged[-1][1]:
            last = merged[-1]
            last[1], last[3] = max(last[1], region[1]), max(last[3], region[3])
        else:
            merged.append(list(region))
    return tuple((a, b, c, d) for a, b, c, d in merged if not (a == b and c == d))


def from_edits(old: str, edits: Sequence[tuple[int, int, str]]) -> TextChange:
    """Apply non-overlapping ``(start, end, replacement)`` edits to ``old``; each edit is trimmed of
    what its old and new text share at either end, so 'the cat' -> 'the dog' changes only 'cat'."""
    pieces: list[str] = []
    regions: list[Region] = []
    done, delta = 0, 0
    for start, end, text in sorted(edits):
        if start < done:
            raise ValueError(f"edits overlap at {start}")
        was = old[start:end]
        head = _common_prefix(was, text)
        tail = _common_suffix(was[head:], text[head:])
        a, b = start + head, end - tail
        pieces.append(old[done:start])
        pieces.append(text)
        regions.append((a, b, a + delta, a + delta + len(text) - head - tail))
        delta += len(text) - (end - start)
        done = end
    pieces.append(old[done:])
    return TextChange(old, "".join(pieces), _normalise(regions), exact=True)


def diff(old: str, new: str) -> TextChange:
    """The regions where ``new`` differs from ``old``: common ends trimmed, then a line-level diff,
    a sentence-level then word-level diff inside replaced lines, and each replaced block refined character by character.
    Lines first keeps a 20k-word transcript fast (its lines are nearly all distinct)."""
    head = _common_prefix(old, new)
    tail = _common_suffix(old[head:], new[head:])
    regions = _blocks(old, new, head, len(old) - tail, head, len(new) - tail, _LINE)
    return TextChange(old, new, _normalise(regions), exact=False)


def _blocks(old: str, new: str, o1: int, o2: int, n1: int, n2: int, unit: re.Pattern[str]) -> list[Region]:
    if o1 == o2 or n1 == n2:
        return [(o1, o2, n1, n2)] if (o1 < o2 or n1 < n2) else []
    ta, tb = unit.findall(old, o1, o2), unit.findall(new, n1, n2)
    pa, pb = _positions(ta, o1), _positions(tb, n1)
    regions: list[Region] = []
    # Lines and sentences: every one may anchor (autojunk would drop a sentence repeated through the
    # interview and misalign around it), blank lines excepted; words: frequent ones ('the', spaces) do not.
    junk = _blank if unit is _LINE else None
    for tag, i1, i2, j1, j2 in SequenceMatcher(junk, ta, tb, autojunk=unit is _TOKEN).get_opcodes():
        if tag == "equal":
            continue
        a1, a2, b1, b2 = pa[i1], pa[i2], pb[j1], pb[j2]
        if tag != "replace":
            regions.append((a1, a2, b1, b2))
        elif unit in _FINER:
            regions.extend(_blocks(old, new, a1, a2, b1, b2, _FINER[unit]))
        elif max(a2 - a1, b2 - b1) <= REFINE_LIMIT:
            regions.extend(_refine(old, new, a1, a2, b1, b2))
        else:
            regions.append((a1, a2, b1, b2))
    return regions


def _blank(line: str) -> bool:
    return not line.strip()


def _positions(tokens: Sequence[str], base: int) -> list[int]:
    out = [base]
    for token in tokens:
        out.append(out[-1] + len(token))
    return out


def _refine(old: str, new: str, o1: int, o2: int, n1: int, n2: int) -> list[Region]:
    """Character-level regions inside one replaced block; equal runs under ``MIN_EQUAL`` are absorbed."""
    matcher = SequenceMatcher(None, old[o1:o2], new[n1:n2], autojunk=False)
    keep = [m for m in matcher.get_matching_blocks() if m.size >= MIN_EQUAL]
    regions, i, j = [], 0, 0
    for m in keep + [_End(o2 - o1, n2 - n1)]:
        if m.a > i or m.b > j:
            regions.append((o1 + i, o1 + m.a, n1 + j, n1 + m.b))
        i, j = m.a + m.size, m.b + m.size
    return regions


@dataclass(frozen=True, slots=True)
class _End:
    a: int
    b: int
    size: int = 0


def _common_prefix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    lo, hi = 0, n
    while lo < hi:  # binary search on slices: C-speed comparisons of long equal texts
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _common_suffix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    lo, hi = 0, n
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[len(a) - mid :] == b[len(b) - mid :]:
            lo = mid
        else:
            hi = mid - 1
    return lo


# -- carrying one anchor ----------------------------------------------------------------------------
def carry(change: TextChange, anchor: Anchor) -> Carried:
    """Where ``anchor`` (a span of ``change.old``) lands in ``change.new``."""
    start, end = anchor.start, anchor.end
    touched = change.touching(start, end)
    regions: Sequence[Region] = change.regions
    if touched and not change.exact:
        regions = _slide_out(change, touched, start, end) or regions
        if regions is not change.regions:
            touched = []
    starts = [r[0] for r in regions] if regions is not change.regions else change._starts
    new_start, new_end = _map(regions, starts, start, end=False), _map(regions, starts, end, end=True)
    if not touched:
        moved = Status.OK if (new_start, new_end) == (start, end) else Status.MOVED
        return Carried(moved, anchor_in(change.new, new_start, new_end), 1.0, anchor.quote)
    inside = all(start <= regions[k][0] and regions[k][1] <= end for k in touched)
    if inside and new_end > new_start:
        score = score_at(change.new, anchor, new_start, new_end)
        return Carried(Status.EDITED, anchor_in(change.new, new_start, new_end), score, anchor.quote)
    found = _search(change, anchor, new_start, new_end, [regions[k] for k in touched])
    if found is not None and found[2] >= THRESHOLD:
        return Carried(Status.FUZZY, anchor_in(change.new, found[0], found[1]), found[2], anchor.quote)
    return Carried(Status.REVIEW, None, found[2] if found else 0.0, anchor.quote)


def _slide_out(change: TextChange, touched: list[int], start: int, end: int) -> list[Region] | None:
    """An inferred insertion or deletion inside repeated text could sit elsewhere with the same result;
    move every touching one off the span if possible (then the span's text is unchanged)."""
    regions = list(change.regions)
    for k in touched:
        lo = regions[k - 1][1] if k else 0
        hi = regions[k + 1][0] if k + 1 < len(regions) else len(change.old)
        moved = _slide(change, regions[k], start, end, lo, hi)
        if moved is None:
            return None
        regions[k] = moved
    return regions


def _slide(change: TextChange, region: Region, start: int, end: int, lo: int, hi: int) -> Region | None:
    a, b, c, d = region
    if a < b and c < d:
        return None  # a replacement has one place only
    old, new = change.old, change.new
    left, right = region, region
    while True:  # slide left until clear of the span (or no longer possible)
        la, lb, lc, ld = left
        if (lb <= start and la < lb) or (la == lb and la <= start):
            return left
        if la <= lo:
            break
        if la < lb and old[la - 1] == old[lb - 1]:
            left = (la - 1, lb - 1, lc - 1, ld - 1)
        elif la == lb and lc > 0 and new[lc - 1] == new[ld - 1]:
            left = (la - 1, lb - 1, lc - 1, ld - 1)
        else:
            break
    while True:
        ra, rb, rc, rd = right
        if ra >= end:
            return right
        if rb >= hi:
            return None
        if ra < rb and rb < len(old) and old[ra] == old[rb]:
            right = (ra + 1, rb + 1, rc + 1, rd + 1)
        elif ra == rb and rd < len(new) and new[rc] == new[rd]:
            right = (ra + 1, rb + 1, rc + 1, rd + 1)
        else:
            return None


def score_at(text: str, anchor: Anchor, start: int, end: int) -> float:
    """How well ``text[start:end]`` and its surroundings match the anchor's quote and context (0-1)."""
    quote = _ratio(anchor.quote, text[start:end])
    before = _ratio(anchor.prefix, text[max(0, start - len(anchor.prefix)) : start])
    after = _ratio(anchor.suffix, text[end : end + len(anchor.suffix)])
    return round(QUOTE_WEIGHT * quote + CONTEXT_WEIGHT * (before + after), 4)


def _ratio(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _search(
    change: TextChange, anchor: Anchor, near_start: int, near_end: int, touched: Sequence[Region]
) -> tuple[int, int, float] | None:
    """The best-scoring place for the anchor near where its edges map, or where its exact quote is."""
    text = change.new
    spans: set[tuple[int, int]] = set()
    starts = {near_start} | {r[2] for r in touched} | {r[3] for r in touched}
    ends = {near_end} | {r[2] for r in touched} | {r[3] for r in touched}
    spans.update((s, e) for s in starts for e in ends if e > s)
    spans.update(_aligned(text, anchor.quote, near_start, near_end))
    spans.update(_occurrences(text, anchor.quote))
    return _best(text, anchor, spans, near_start)


def _aligned(text: str, quote: str, near_start: int, near_end: int) -> list[tuple[int, int]]:
    """The span of ``text`` around the mapped position that lines up best with ``quote``."""
    pad = max(len(quote) // 2, 32)
    lo, hi = max(0, near_start - pad), min(len(text), near_end + pad)
    window = text[lo:hi]
    if not window or not quote or len(window) * len(quote) > 4_000_000:
        return []
    blocks = [m for m in SequenceMatcher(None, window, quote, autojunk=False).get_matching_blocks() if m.size]
    big = [m for m in blocks if m.size >= MIN_EQUAL] or blocks
    if not big:
        return []
    first, last = big[0], big[-1]
    start = max(0, first.a - first.b)
    end = min(len(window), last.a + last.size + (len(quote) - last.b - last.size))
    return [(lo + start, lo + end), (lo + first.a, lo + last.a + last.size)]


def _occurrences(text: str, quote: str, limit: int = 25) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    at = text.find(quote) if quote else -1
    while at >= 0 and len(found) < limit:
        found.append((at, at + len(quote)))
        at = text.find(quote, at + 1)
    return found


def _snapped(text: str, anchor: Anchor, spans: Iterable[tuple[int, int]]) -> set[tuple[int, int]]:
    """Each span with its edges moved to word boundaries where the quote's edges were: a quote that
    began a word begins a word again (no stray space or half word)."""
    out: set[tuple[int, int]] = set()
    word_start = bool(anchor.quote[:1].isalnum()) and not anchor.prefix[-1:].isalnum()
    word_end = bool(anchor.quote[-1:].isalnum()) and not anchor.suffix[:1].isalnum()
    for start, end in spans:
        s, e = start, end
        if word_start:
            while s < e and not text[s].isalnum():
                s += 1
            while 0 < s < e and text[s - 1].isalnum():
                s -= 1
        if word_end:
            while e > s and not text[e - 1].isalnum():
                e -= 1
            while s < e < len(text) and text[e].isalnum():
                e += 1
        out.add((s, e) if e > s else (start, end))
    return out


def _best(text: str, anchor: Anchor, spans: Iterable[tuple[int, int]], near: int) -> tuple[int, int, float] | None:
    best: tuple[float, int, int, int] | None = None
    for start, end in _snapped(text, anchor, spans):
        if not 0 <= start < end <= len(text):
            continue
        value = score_at(text, anchor, start, end)
        key = (value, -abs(start - near), start, end)
        if best is None or key > best:
            best = key
    return None if best is None else (best[2], best[3], best[0])


def suggest(text: str, anchor: Anchor) -> tuple[int, int, float] | None:
    """A place in ``text`` for a coding in review (made on another revision): its exact quote, or a
    span after an occurrence of its prefix's end or before its suffix's start; best score wins."""
    spans: set[tuple[int, int]] = set(_occurrences(text, anchor.quote))
    size = len(anchor.quote)
    tail, head = anchor.prefix[-16:], anchor.suffix[:16]
    for at, _ in _occurrences(text, tail) if len(tail) >= 8 else []:
        spans.add((at + len(tail), at + len(tail) + size))
        spans.update(_aligned(text, anchor.quote, at + len(tail), at + len(tail) + size))
    for at, _ in _occurrences(text, head) if len(head) >= 8 else []:
        spans.add((at - size, at))
        spans.update(_aligned(text, anchor.quote, at - size, at))
    found = _best(text, anchor, spans, anchor.start)
    return found if found is not None and found[2] > 0.3 else None
