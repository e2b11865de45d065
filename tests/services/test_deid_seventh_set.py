"""Self-checks of the SEVENTH de-identification evaluation part (``bench/deid_evalset_seventh.py``):
it is deterministic, its gold spans are exactly the planted values and never overlap, every kind is
there often enough and in sensible proportions, and no name is left in the text without gold."""

from __future__ import annotations

import importlib
import re
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _bench(name: str) -> ModuleType:
    sys.path.insert(0, str(BENCH))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(BENCH))


S = _bench("deid_evalset_seventh")
V = _bench("deid_evalset_seventh_values")


@pytest.fixture(scope="module")
def docs() -> list:
    return S.build()


def _plain(values: list[str]) -> set[str]:
    return {v[4:] if v.startswith("the ") else v for v in values}


def test_the_part_is_deterministic_and_sized(docs: list) -> None:
    again = S.build()
    assert [(d.text, d.gold, d.turns, d.speakers) for d in docs] == [(d.text, d.gold, d.turns, d.speakers) for d in again]
    assert 120 <= len(docs) <= 200
    other = S.build(S.SEED + 1)
    assert [d.text for d in other] != [d.text for d in docs]


def test_spans_are_the_text_they_mark_and_never_overlap(docs: list) -> None:
    for doc in docs:
        spans = sorted(doc.gold, key=lambda s: s.start)
        for span in spans:
            assert doc.text[span.start:span.end] == span.text, (doc.name, span)
            assert span.text == span.text.strip() and span.text, (doc.name, span)
        for a, b in zip(spans, spans[1:], strict=False):
            assert a.end <= b.start, (doc.name, a, b)


def test_turns_tile_the_text(docs: list) -> None:
    for doc in docs:
        ends = [0] + [e + 1 for _, _, e in doc.turns]
        assert [s for _, s, _ in doc.turns] == ends[:-1], doc.name
        assert doc.turns[-1][2] == len(doc.text), doc.name


def _words_are_names(text: str) -> bool:
    """A first name, a surname, or a first name and a surname from the part's lists (any case)."""
    firsts = {n.lower() for n in V.WOMEN + V.MEN}
    lasts = {n.lower() for n in V.SURNAMES}
    text = text.lower()
    head, _, tail = text.partition(" ")
    return text in firsts or text in lasts or (head in firsts and tail in lasts)


def test_span_texts_are_planted_values(docs: list) -> None:
    checks = {
        "person": _words_are_names, "possessive": _words_are_names, "relative": _words_are_names,
        "nickname": lambda t: t.lower() in {n.lower() for n in V.NICKNAMES},
        "place": lambda t: t.lower() in {p.lower() for p in V.PLACES},
        "health_org": lambda t: t in _plain(V.HEALTH), "school": lambda t: t in _plain(V.SCHOOLS),
        "workplace": lambda t: t in _plain(V.EMPLOYERS), "url": lambda t: t in V.SITES + V.URL_SPOKEN,
        "handle": lambda t: t in V.HANDLES,
        "age": lambda t: t.isdigit() or t.replace("-", " ").split()[-1] in V.UNITS + V.TENS,
        "postcode": lambda t: re.fullmatch(r"[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}", t.upper()) is not None,
        "email": lambda t: re.fullmatch(r"[\w.]+@[\w.]+\.\w+|[\w ]+ at [a-z ]+ dot [a-z ]+", t) is not None,
        "street": lambda t: any(s.lower() in t.lower() for s in V.STREET_NAMES + V.BLOCKS),
        "date": lambda t: any(m.lower()[:3] in t.lower() for m in V.MONTHS) or re.search(r"\d", t) is not None,
        "phone": lambda t: len(re.sub(r"\D", "", t)) in (11, 12, 13) or " seven " in f" {t} ",
        "nhs_number": lambda t: len(re.sub(r"\D", "", t)) == 10 or t.count(",") == 2,
    }
    for doc in docs:
        for span in doc.gold:
            assert checks[span.kind](span.text), (doc.name, span)


def test_written_nhs_numbers_pass_the_check_digit(docs: list) -> None:
    written = [re.sub(r"\D", "", s.text) for d in docs for s in d.gold if s.kind == "nhs_number"]
    written = [n for n in written if n]
    assert len(written) >= 10
    for n in written:
        total = sum(int(d) * w for d, w in zip(n[:9], range(10, 1, -1), strict=True))
        assert (11 - total % 11) % 11 == int(n[9]), n


def test_every_kind_is_present_in_sensible_proportions(docs: list) -> None:
    kinds = Counter(s.kind for d in docs for s in d.gold)
    assert set(kinds) == set(S.KINDS)
    assert min(kinds.values()) >= 15, kinds
    total = sum(kinds.values())
    people = kinds["person"] + kinds["relative"] + kinds["possessive"] + kinds["nickname"]
    assert 0.3 <= people / total <= 0.45, kinds
    rare = ("phone", "email", "nhs_number", "url", "handle", "postcode")
    for kind in rare:
        assert kinds[kind] < kinds["person"] / 3 and kinds[kind] < kinds["health_org"] / 2, kinds
    assert kinds["place"] > kinds["street"] > 0 and kinds["relative"] > kinds["nickname"], kinds


def test_no_name_is_left_without_gold(docs: list) -> None:
    names = {n.lower() for n in V.WOMEN + V.MEN + V.NICKNAMES if " " not in n} | {"dan"}
    for doc in docs:
        covered = [(s.start, s.end) for s in doc.gold]
        for m in re.finditer(r"[\w'-]+", doc.text):
            word = m.group().lower().removesuffix("'s")
            if word in names:
                assert any(s <= m.start() < e for s, e in covered), (doc.name, m.group(), m.start())


def test_speaker_labels_are_names_where_the_doc_says(docs: list) -> None:
    interviews = [d for d in docs if d.source == "pdpilot-coded-segments"]
    comments = [d for d in docs if d.source == "nhs-phase1-comments"]
    assert len(interviews) >= 50 and len(comments) >= 50
    named = [label for d in interviews for label, is_name in d.speakers if is_name]
    unnamed = [label for d in interviews for label, is_name in d.speakers if not is_name]
    assert len(named) >= 50 and len(unnamed) >= 30
    assert all(_words_are_names(label) for label in named)
    for doc in interviews:
        assert {label for label, _, _ in doc.turns} <= {label for label, _ in doc.speakers}
    assert all(label is None for d in comments for label, _, _ in d.turns)


def test_gold_follows_the_conventions(docs: list) -> None:
    titles = tuple(f"{t} " for t in V.TITLES)
    roles = tuple(f"{r} " for r in V.ROLES_F + V.ROLES_M) + ("our ",)
    seen = Counter()
    for doc in docs:
        for span in doc.gold:
            before, after = doc.text[:span.start], doc.text[span.end:]
            if span.kind == "possessive":
                assert after.startswith("'") and not span.text.endswith("'s"), (doc.name, span)
            if span.kind == "relative":
                assert before.lower().endswith(roles) or before.endswith(", "), (doc.name, span, before[-20:])
            if span.kind == "person" and before.endswith(titles):
                seen["titled"] += 1
                assert not span.text.startswith(titles), (doc.name, span)
            if span.kind == "age":
                assert "year" not in span.text and (span.text.isdigit() or span.text[0].isalpha()), span
                seen["age words" if span.text[0].isalpha() else "age digits"] += 1
            if span.kind in ("date", "health_org", "school", "workplace"):
                assert not span.text.lower().startswith("the "), (doc.name, span)
            if span.kind in ("phone", "nhs_number") and not any(c.isdigit() for c in span.text):
                seen[f"{span.kind} said"] += 1
            if span.kind == "email" and " at " in span.text:
                seen["email said"] += 1
    assert min(seen.values()) >= 3 and len(seen) == 6, seen


def test_host_filter_leaves_out_what_could_name_someone() -> None:
    H = _bench("deid_evalset_seventh_hosts")
    assert H._safe("staff were kind and the room was clean and warm")
    assert H._safe("Yeah, I think so. And then I looked at the ICE plots again.")
    for risky in ["the nurse on duty, Sarah, was lovely", "thanks to sarah on reception", "seen at Bingham Health Centre",
                  "call me on 0113 496 0000", "the XXXX team were great", "see www.example.org", "Yvonne was lovely."]:
        assert not H._safe(risky), risky
    comments = H.comments()
    assert len(comments) > 1000 and len(H.interview_segments()) > 100
    # A place written in lower case: known only because it is rare in lower case or mostly capitalised.
    assert not any(re.search(r"\b(hinckley|bingham|mansfield|nottingham)\b", c, re.IGNORECASE) for c in comments)
    assert not all(map(H._ordinary, ["nearer", "to", "hinckley", "center"])) and H._ordinary("toast")
