"""Self-checks of the NINTH de-identification evaluation part (bench/deid_evalset_ninth.py): exact gold
spans, no overlaps, every kind planted often enough, a deterministic build, hosts read from the shared data."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
if not DATA.is_dir():
    pytest.skip(f"the shared data directory {DATA} is missing: the part's hosts are read from it",
                allow_module_level=True)
sys.path.insert(0, str(BENCH))

import deid_evalset_ninth as ninth  # noqa: E402
from deid_evalset import KINDS  # noqa: E402


@pytest.fixture(scope="module")
def docs() -> list:
    return ninth.build()


def test_gold_spans_are_exact(docs: list) -> None:
    for doc in docs:
        for g in doc.gold:
            assert doc.text[g.start:g.end] == g.text, (doc.name, g)
            assert g.text == g.text.strip() and g.text, (doc.name, g)


def test_gold_spans_do_not_overlap(docs: list) -> None:
    for doc in docs:
        spans = sorted(doc.gold, key=lambda g: g.start)
        for a, b in zip(spans, spans[1:]):
            assert a.end <= b.start, (doc.name, a, b)


def test_every_kind_has_enough_instances(docs: list) -> None:
    counts = ninth.counts(docs)
    assert set(counts) == set(KINDS)
    assert all(n >= 25 for n in counts.values()), counts
    assert 600 <= sum(counts.values()) <= 900


def test_conventions(docs: list) -> None:
    for g in (g for d in docs for g in d.gold):
        assert not g.text.lower().startswith("the "), g
        assert not g.text.endswith("'s") or g.kind in ("school", "workplace", "health_org"), g
    assert any(label and is_name for d in docs for label, is_name in d.speakers)
    assert any(not is_name for d in docs for _, is_name in d.speakers)


def test_turns_cover_the_text(docs: list) -> None:
    for doc in docs:
        assert all(0 <= s <= e <= len(doc.text) for _, s, e in doc.turns)
        assert all(doc.turns[i][2] < doc.turns[i + 1][1] for i in range(len(doc.turns) - 1))


def test_build_is_deterministic(docs: list) -> None:
    again = ninth.build()
    assert [(d.name, d.text, d.gold, d.speakers) for d in again] == [(d.name, d.text, d.gold, d.speakers) for d in docs]
    assert ninth.build(seed=1)[0].text != docs[0].text


def test_hosts_come_from_the_shared_data(docs: list) -> None:
    interviews = [d for d in docs if d.speakers]
    assert 0.5 <= len(interviews) / len(docs) <= 0.7
    words = sum(len(d.text.split()) for d in docs)
    assert 25_000 <= words <= 35_000
    host_turns = [t for _, turns in ninth.interview_hosts() for _, t in turns]
    cues, comments = ninth.caption_cues(), ninth.comment_hosts()
    assert host_turns and cues and comments
    text = "\n".join(d.text for d in docs)
    sources = Counter(d.source.split("/")[0].split(" ")[0] for d in docs)
    assert set(sources) == {"pdpilot", "captions-vtt", "nhs"}
    assert sum(c in text for c in comments) >= 300
    assert sum(c in text for c in cues if len(c) > 40) >= 20
    raw = (DATA / "coded-datasets" / "nhs-patient-experience" / "v6framework_230831.csv").read_text(encoding="utf-8")
    assert all(c.split()[0] in raw for c in comments[:50])
