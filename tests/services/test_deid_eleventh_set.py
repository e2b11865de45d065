"""Self-checks of the eleventh de-identification evaluation part (bench/deid_evalset_eleventh.py): exact
gold spans, no overlaps, every kind planted often enough, a deterministic build, hosts read from the
shared data. The detector is not run here."""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

import deid_evalset_eleventh as eleventh  # noqa: E402
from deid_evalset import KINDS, Doc  # noqa: E402

pytestmark = pytest.mark.skipif(not eleventh.DATA.is_dir(), reason=f"the shared data is missing at {eleventh.DATA}")


@pytest.fixture(scope="module")
def docs() -> list[Doc]:
    return eleventh.build()


def test_gold_text_is_the_text_it_marks(docs: list[Doc]) -> None:
    for doc in docs:
        for g in doc.gold:
            assert doc.text[g.start:g.end] == g.text, (doc.name, g)
            assert g.text == g.text.strip() and g.text, (doc.name, g)


def test_spans_do_not_overlap_and_stay_in_turns(docs: list[Doc]) -> None:
    for doc in docs:
        spans = sorted(doc.gold, key=lambda g: g.start)
        for a, b in zip(spans, spans[1:]):
            assert a.end <= b.start, (doc.name, a, b)
        for g in doc.gold:
            assert any(s <= g.start and g.end <= e for _, s, e in doc.turns), (doc.name, g)


def test_every_kind_planted_at_least_25_times(docs: list[Doc]) -> None:
    counts = eleventh.counts(docs)
    for kind in KINDS:
        assert counts.get(kind, 0) >= 25, (kind, counts)
    assert set(counts) <= set(KINDS) | {"host_person"}
    planted = sum(counts[k] for k in KINDS)
    assert 600 <= planted <= 900, planted


def test_size_and_mix(docs: list[Doc]) -> None:
    words = sum(len(d.text.split()) for d in docs)
    assert 25_000 <= words <= 35_000, words
    interviews = [d for d in docs if d.name.startswith("eleventh-int")]
    assert 0.55 <= len(interviews) / len(docs) <= 0.65
    assert all(d.speakers for d in interviews)
    assert any(is_name for d in interviews for _, is_name in d.speakers)
    assert any(not is_name for d in interviews for _, is_name in d.speakers)
    assert all(label is None for d in docs if d not in interviews for label, _, _ in d.turns)


def test_spoken_and_written_forms_are_both_there(docs: list[Doc]) -> None:
    texts: Counter[tuple[str, bool]] = Counter()
    for doc in docs:
        for g in doc.gold:
            texts[(g.kind, any(w in g.text for w in (" dot ", "double ", "oh ")))] += 1
    for kind in ("phone", "email", "url"):
        assert texts[(kind, True)] >= 5 and texts[(kind, False)] >= 5, kind
    ages = [g.text for d in docs for g in d.gold if g.kind == "age"]
    assert any(a.isdigit() for a in ages) and any(a.isalpha() for a in ages)
    assert not any("year" in a for a in ages)


def test_build_is_deterministic(docs: list[Doc]) -> None:
    again = eleventh.build()
    assert [(d.name, d.text, d.gold, d.turns, d.speakers) for d in again] == \
           [(d.name, d.text, d.gold, d.turns, d.speakers) for d in docs]
    assert eleventh.build(seed=eleventh.SEED + 1)[0].text != docs[0].text


def test_hosts_come_from_the_shared_data(docs: list[Doc]) -> None:
    from pypdf import PdfReader

    # One page of P5, read straight from the PDF: runs of the hosted turns must be on it.
    page = " ".join(PdfReader(str(eleventh.PDPILOT / "P5.pdf")).pages[2].extract_text().split())
    p5_turns = [" ".join(d.text[s:e].split()) for d in docs if d.source == "pdpilot/P5" for _, s, e in d.turns]
    assert p5_turns
    assert sum(len(t) > 60 and t[:60] in page for t in p5_turns) >= 3
    vtt = eleventh.ZOOM.read_text(encoding="utf-8")
    zoom_docs = [d for d in docs if d.source.startswith("zoom")]
    assert zoom_docs and all(any(lab in vtt for lab, _ in d.speakers) for d in zoom_docs)
    with eleventh.NHS_V6.open(encoding="utf-8") as f:
        comments = {r["FFT answer"].strip() for r in csv.DictReader(f)}
    with eleventh.PHASE1.open(encoding="utf-8") as f:
        comments |= {r["feedback"].strip() for r in csv.DictReader(f)}
    for doc in docs:
        if doc.name.startswith("eleventh-com"):
            for _, s, e in doc.turns:
                assert any(p in comments for p in _pieces(doc.text[s:e])), (doc.name, doc.text[s:e])


def _pieces(turn: str) -> list[str]:
    """The turn and its prefixes and suffixes cut at spaces (the host comment is one of them)."""
    cuts = [i for i, ch in enumerate(turn) if ch == " "]
    return [turn] + [turn[:c].strip() for c in cuts] + [turn[c:].strip() for c in cuts]


def test_wired_into_the_harness() -> None:
    source = (BENCH / "deid_eval.py").read_text(encoding="utf-8")
    assert '"eleventh": eleventh.build' in source and '"eleventh": eleventh.SEED' in source
    assert "11111111 for eleventh" in source
    assert re.search(r"\[--part [^\]]*\|eleventh\b", source), "the usage line names the part"
