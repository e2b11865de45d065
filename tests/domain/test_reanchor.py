"""Re-anchoring a coding through an edit: the table of cases an edit can meet and the property that an edit
that does not touch a coding's span leaves its text unchanged (explicit edits and inferred diffs)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cotheme.domain.reanchor import THRESHOLD, Status, carry, diff, from_edits, suggest
from cotheme.domain.text import anchor_in

TEXT = (
    "Interviewer: How did you hear about it?\n"
    "P01: My GP mentioned it, but the waiting list was long. I don't know. I waited four months.\n"
    "P01: Then I don't know what happened 🙂 but the café group helped a lot.\n"
)
CODED = "the waiting list was long"


def _anchor(quote: str = CODED, occurrence: int = 0):
    at = -1
    for _ in range(occurrence + 1):
        at = TEXT.index(quote, at + 1)
    return anchor_in(TEXT, at, at + len(quote))


def _edit(old: str, new: str, occurrence: int = 0) -> tuple[int, int, str]:
    at = -1
    for _ in range(occurrence + 1):
        at = TEXT.index(old, at + 1)
    return at, at + len(old), new


# (case, edit, coding quote, coding occurrence, expected status, expected new quote (None: review; a pair:
# either is right -- whether a replaced word at the edge now belongs to the coding is a judgement call))
CASES = [
    ("before", _edit("How did you", "How did you first"), CODED, 0, Status.MOVED, CODED),
    ("before, deleted", _edit("Interviewer: ", ""), CODED, 0, Status.MOVED, CODED),
    ("after", _edit("four months", "five months"), CODED, 0, Status.OK, CODED),
    ("touching the end", _edit(". I don't know. I", "! I"), CODED, 0, Status.OK, CODED),
    ("inside", _edit("waiting list", "wait list"), CODED, 0, Status.EDITED, "the wait list was long"),
    ("inside, whole word", _edit("long", "very long"), CODED, 0, Status.EDITED, "the waiting list was very long"),
    ("across the start", _edit("but the waiting", "yet a waiting"), CODED, 0, Status.FUZZY,
     ("waiting list was long", "a waiting list was long")),
    ("across the end", _edit("was long. I", "was far too long, I"), CODED, 0, Status.FUZZY, "the waiting list was far too long"),
    ("whole span deleted", _edit(CODED + ".", ""), CODED, 0, Status.REVIEW, None),
    ("whole turn rewritten", _edit("My GP mentioned it, but the waiting list was long.", "We talked about my family."),
     CODED, 0, Status.REVIEW, None),
    ("repeated phrase, edit before the second", _edit("I waited", "I had waited"), "I don't know", 1, Status.MOVED, "I don't know"),
    ("repeated phrase, first deleted", _edit("I don't know. ", ""), "I don't know", 1, Status.MOVED, "I don't know"),
    ("repeated phrase, across the second", _edit("Then I don't", "Thereafter you don't"), "I don't know", 1,
     Status.FUZZY, ("don't know", "you don't know")),
    ("inside, at the end", _edit("know what happened", "know how it happened"), "I don't know what", 0,
     Status.EDITED, "I don't know how it"),
    ("emoji before", _edit("Then", "Then 🙂🙂"), "café group", 0, Status.MOVED, "café group"),
    ("emoji inside", _edit("café group", "café 🙂 group"), "the café group helped", 0, Status.EDITED,
     "the café 🙂 group helped"),
]


@pytest.mark.parametrize(("name", "edit", "quote", "occurrence", "status", "expected"), CASES, ids=[c[0] for c in CASES])
@pytest.mark.parametrize("how", ["explicit", "diff"])
def test_case_table(name: str, edit: tuple[int, int, str], quote: str, occurrence: int, status: Status,
                    expected: str | tuple[str, str] | None, how: str) -> None:
    anchor = _anchor(quote, occurrence)
    change = from_edits(TEXT, [edit])
    if how == "diff":
        change = diff(TEXT, change.new)
    carried = carry(change, anchor)
    assert carried.old_quote == anchor.quote
    if expected is None:
        assert carried.status is Status.REVIEW
        assert carried.anchor is None and carried.score < THRESHOLD
        return
    assert carried.anchor is not None
    assert carried.anchor.quote in (expected if isinstance(expected, tuple) else (expected,))
    assert change.new[carried.anchor.start : carried.anchor.end] == carried.anchor.quote
    if how == "explicit" or status in (Status.OK, Status.MOVED):
        assert carried.status is status, carried
    else:  # a diff may see a boundary edit as inside or across; both carry the same text
        assert carried.status in (Status.EDITED, Status.FUZZY)
    if carried.status is Status.FUZZY:
        assert carried.score >= THRESHOLD


def test_repeated_phrase_goes_to_the_right_occurrence_by_context() -> None:
    first, second = _anchor("I don't know", 0), _anchor("I don't know", 1)
    change = from_edits(TEXT, [_edit("Then I don't", "Thereafter you don't")])
    carried = carry(change, second)
    assert carried.status is Status.FUZZY and carried.anchor is not None
    assert carried.anchor.start > change.new.index("Thereafter")
    assert carry(change, first).status is Status.OK


def test_suggest_finds_moved_text_for_a_coding_in_review() -> None:
    anchor = _anchor()
    moved = TEXT.replace("My GP mentioned it, but " + CODED + ".", "My GP mentioned it.") + "Also " + CODED + ".\n"
    found = suggest(moved, anchor)
    assert found is not None and moved[found[0] : found[1]] == CODED


def test_diff_of_a_long_text_with_scattered_edits_is_local() -> None:
    lines = [f"P{i % 7:02d}: line {i} says something about waiting {i * 7} days." for i in range(3000)]
    old = "\n".join(lines)
    new = old.replace("line 100 ", "line one hundred ").replace("line 2500 says", "line 2500 said")
    change = diff(old, new)
    assert sum(b - a for a, b, _, _ in change.regions) < 20
    coding = anchor_in(old, old.index("line 1500"), old.index("line 1500") + 30)
    assert carry(change, coding).status is Status.MOVED


# -- the property -----------------------------------------------------------------------------------
ALPHABET = st.sampled_from(list("ab a\nb🙂é."))
texts = st.text(alphabet=ALPHABET, min_size=2, max_size=40)


@st.composite
def untouched_edit(draw: st.DrawFn) -> tuple[str, int, int, int, int, str]:
    text = draw(texts)
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    before = draw(st.booleans())
    if before:
        a = draw(st.integers(0, start))
        b = draw(st.integers(a, start))
    else:
        a = draw(st.integers(end, len(text)))
        b = draw(st.integers(a, len(text)))
    new = draw(st.text(alphabet=ALPHABET, max_size=6))
    return text, start, end, a, b, new


@settings(max_examples=250, deadline=None)
@given(untouched_edit())
def test_an_edit_that_does_not_touch_a_coding_leaves_its_text_unchanged(case: tuple[str, int, int, int, int, str]) -> None:
    text, start, end, a, b, new = case
    anchor = anchor_in(text, start, end)
    change = from_edits(text, [(a, b, new)])
    for how in (change, diff(text, change.new)):
        carried = carry(how, anchor)
        assert carried.status in (Status.OK, Status.MOVED), (how.regions, carried)
        assert carried.anchor is not None and carried.anchor.quote == anchor.quote


@settings(max_examples=200, deadline=None)
@given(texts, texts)
def test_any_edit_keeps_every_coding_somewhere(old: str, new: str) -> None:
    """Whatever the edit, a coding is carried (with a span inside the new text) or goes to review."""
    if not new:
        return
    anchor = anchor_in(old, 0, max(1, len(old) // 2))
    carried = carry(diff(old, new), anchor)
    if carried.anchor is None:
        assert carried.status is Status.REVIEW
    else:
        assert 0 <= carried.anchor.start < carried.anchor.end <= len(new)
