"""Self-checks of the twelfth de-identification evaluation part (bench/deid_evalset_twelfth.py): gold
spans are exact and apart, every kind is well represented, the build is deterministic, and its hosts
really are the files in ../shared/data. The detector is not run here."""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
pytestmark = pytest.mark.skipif(not DATA.is_dir(), reason=f"the real data directory {DATA} is missing")
sys.path.insert(0, str(BENCH))


@pytest.fixture(scope="module")
def part():  # type: ignore[no-untyped-def]
    import deid_evalset_twelfth as twelfth

    return twelfth


@pytest.fixture(scope="module")
def docs(part):  # type: ignore[no-untyped-def]
    return part.build()


def test_gold_text_is_the_document_text(docs) -> None:  # type: ignore[no-untyped-def]
    for doc in docs:
        for g in doc.gold:
            assert doc.text[g.start:g.end] == g.text, (doc.name, g)
            assert g.text == g.text.strip() and g.text, (doc.name, g)


def test_gold_spans_do_not_overlap_and_sit_in_turns(docs) -> None:  # type: ignore[no-untyped-def]
    for doc in docs:
        spans = sorted(doc.gold, key=lambda g: g.start)
        for a, b in zip(spans, spans[1:]):
            assert a.end <= b.start, (doc.name, a, b)
        for g in doc.gold:
            assert any(s <= g.start and g.end <= e for _, s, e in doc.turns), (doc.name, g)


def test_every_kind_has_at_least_25(part, docs) -> None:  # type: ignore[no-untyped-def]
    counts = part.counts(docs)
    assert set(counts) == set(part.KINDS)
    assert all(n >= 25 for n in counts.values()), counts
    assert 600 <= sum(counts.values()) <= 900


def test_gold_conventions(docs) -> None:  # type: ignore[no-untyped-def]
    gold = [g for d in docs for g in d.gold]
    assert not [g for g in gold if g.kind == "possessive" and g.text.endswith("'s")]
    assert not [g for g in gold if g.kind in ("health_org", "school", "workplace", "date") and g.text.startswith("the ")]
    assert not [g for g in gold if g.kind == "age" and "year" in g.text]
    assert not [g for g in gold if g.kind in ("person", "relative") and g.text.split()[0] in ("Dr", "Mrs", "my", "nan")]
    nhs = [g.text for g in gold if g.kind == "nhs_number" and g.text.replace(" ", "").replace("-", "").isdigit()]
    for text in nhs:
        digits = [int(c) for c in text if c.isdigit()]
        check = (11 - sum(d * (10 - i) for i, d in enumerate(digits[:9])) % 11) % 11
        assert len(digits) == 10 and check == digits[9], text


def test_build_is_deterministic(part, docs) -> None:  # type: ignore[no-untyped-def]
    again = part.build()
    assert [(d.name, d.text, d.gold, d.turns, d.speakers) for d in again] == \
        [(d.name, d.text, d.gold, d.turns, d.speakers) for d in docs]
    other = part.build(seed=part.SEED + 1)
    assert [d.text for d in other] != [d.text for d in docs]


def test_shape_of_the_part(docs) -> None:  # type: ignore[no-untyped-def]
    interviews = [d for d in docs if d.speakers]
    assert 0.5 <= len(interviews) / len(docs) <= 0.7
    assert 25_000 <= sum(len(d.text.split()) for d in docs) <= 35_000
    labels = [x for d in interviews for x in d.speakers]
    assert any(is_name for _, is_name in labels) and any(not is_name for _, is_name in labels)
    for d in interviews:
        assert {label for label, _, _ in d.turns} <= {label for label, _ in d.speakers}


def test_hosts_come_from_the_shared_data(part, docs) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    raw = " ".join(" ".join(PdfReader(DATA / "transcripts-open" / "pdpilot-user-study" / "P5.pdf").pages[-1]
                                .extract_text().split()).split())
    host_turns = [t for d in docs if d.name.startswith("P5-") for label, s, e in d.turns
                  if not any(s <= g.start < e for g in d.gold) for t in [d.text[s:e]]]
    assert sum(1 for t in host_turns if len(t) > 40 and t[:40] in raw) >= 3
    comments = set()
    for name in ("v6framework_230831.csv", "phase1_text_data.csv"):
        with (DATA / "coded-datasets" / "nhs-patient-experience" / name).open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                comments.add(" ".join((row.get("FFT answer") or row.get("feedback") or "").split()))
    pages = [d for d in docs if not d.speakers]
    host = [d.text[s:e] for d in pages for _, s, e in d.turns if not any(s <= g.start < e for g in d.gold)]
    assert len(host) > 300 and all(t in comments for t in host)
    assert Counter(d.source.split("/")[0] for d in pages).keys() == {"nhs-v6", "nhs-phase1"}
