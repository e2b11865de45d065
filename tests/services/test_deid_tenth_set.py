"""Self-checks of the tenth de-identification evaluation part (bench/deid_evalset_tenth.py): gold spans
match the text, never overlap, every kind is planted often enough, the build is deterministic, and the
host text really is read from ../shared/data. The detector is not run here."""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

import deid_evalset_tenth as tenth  # noqa: E402
from deid_evalset import KINDS  # noqa: E402

pytestmark = pytest.mark.skipif(not tenth.DATA.is_dir(), reason=f"the shared data directory {tenth.DATA} is missing")


@pytest.fixture(scope="module")
def docs() -> list:
    return tenth.build()


def test_gold_text_is_the_text_at_its_offsets(docs: list) -> None:
    for doc in docs:
        for g in doc.gold:
            assert 0 <= g.start < g.end <= len(doc.text)
            assert doc.text[g.start:g.end] == g.text, (doc.name, g)
            assert g.text == g.text.strip() and g.text, (doc.name, g)


def test_gold_spans_do_not_overlap(docs: list) -> None:
    for doc in docs:
        spans = sorted(doc.gold, key=lambda g: g.start)
        for a, b in zip(spans, spans[1:], strict=False):
            assert a.end <= b.start, (doc.name, a, b)


def test_every_kind_is_planted_at_least_25_times(docs: list) -> None:
    counts = tenth.counts(docs)
    assert set(KINDS) <= set(counts)
    for kind in KINDS:
        assert counts[kind] >= 25, (kind, counts[kind])
    planted = sum(counts[k] for k in KINDS)
    assert 600 <= planted <= 900, planted


def test_size_and_mix(docs: list) -> None:
    words = sum(len(d.text.split()) for d in docs)
    assert 25_000 <= words <= 35_000, words
    interviews = [d for d in docs if not d.name.startswith("tenth-comments")]
    assert 0.5 <= len(interviews) / len(docs) <= 0.7
    named = [label for d in docs for label, is_name in d.speakers if is_name]
    roles = [label for d in docs for label, is_name in d.speakers if not is_name]
    assert named and roles


def test_turns_tile_the_text_and_use_the_docs_labels(docs: list) -> None:
    for doc in docs:
        labels = {label for label, _ in doc.speakers}
        at = 0
        for label, start, end in doc.turns:
            assert start == at and end > start, doc.name
            assert label is None or label in labels, (doc.name, label)
            at = end + 1
        assert at - 1 == len(doc.text), doc.name


def test_gold_follows_the_conventions(docs: list) -> None:
    for doc in docs:
        for g in doc.gold:
            before = doc.text[max(0, g.start - 4):g.start]
            assert not g.text.lower().startswith("the "), g  # organisations and dates leave out "the"
            if g.kind == "possessive":
                assert not re.search(r"['’]s$", g.text), g
                assert re.match(r"['’]s?|s\b", doc.text[g.end:g.end + 2]), (g, doc.text[g.end:g.end + 5])
            if g.kind == "age":
                assert re.fullmatch(r"\d{1,3}|[a-z -]+", g.text) and "year" not in g.text, g
            if g.kind == "person" and before.endswith(("Dr ", "Mr ", "Mrs ", "Ms ")):
                assert not g.text.startswith(("Dr", "Mr", "Mrs", "Ms")), g
    nhs = [g.text for d in docs for g in d.gold if g.kind == "nhs_number" and g.text[0].isdigit()]
    for number in nhs:
        digits = [int(c) for c in number if c.isdigit()]
        assert len(digits) == 10
        check = 11 - sum(d * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True)) % 11
        assert digits[9] == (0 if check == 11 else check), number


def test_build_is_deterministic(docs: list) -> None:
    again = tenth.build()
    assert [(d.name, d.text, d.gold, d.turns, d.speakers) for d in again] == \
        [(d.name, d.text, d.gold, d.turns, d.speakers) for d in docs]
    other = tenth.build(seed=tenth.SEED + 1)
    assert [d.text for d in other] != [d.text for d in docs]


def test_hosts_are_read_from_the_shared_data(docs: list) -> None:
    pdpilot = tenth.interview_runs()
    assert len(pdpilot) >= 15
    assert all(source.startswith("PDPilot P") for source, _ in pdpilot)
    comments = tenth.comment_pages()
    captions = tenth.caption_runs()
    # Every host stretch (a host turn, caption group or comment) appears verbatim in some document.
    texts = "\n".join(d.text for d in docs)
    hosts = [t for _, run in pdpilot for _, t in run] + [c for _, page in comments for c in page] + \
        [c for _, run in captions for c in run]
    assert len(hosts) > 600
    assert all(h in texts for h in hosts)
    # And they are the files' own words: a sample checked against the raw files.
    raw = tenth.NHS_V6.read_text(encoding="utf-8", errors="replace") + tenth.NHS_PHASE1.read_text(encoding="utf-8", errors="replace")
    raw_words = " ".join(raw.split())
    for _, page in comments:
        assert page[0] in raw_words
    vtt = " ".join(tenth.CAPTIONS.read_text(encoding="utf-8").split())
    assert captions[0][1][1].split(". ")[0] in vtt
    sources = Counter(d.source.split(" ")[0] for d in docs)
    assert sources["PDPilot"] >= 15 and sources["NHS"] >= 10 and sources["Zoom"] == 2
