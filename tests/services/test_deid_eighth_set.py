"""Self-checks of the EIGHTH de-identification evaluation part (bench/deid_evalset_eighth.py): exact gold
spans, no overlaps, every kind planted often enough, a deterministic build, and host text that really
comes from ../shared/data. The detector is not run here."""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "bench"
DATA = ROOT.parent / "shared" / "data"

pytestmark = pytest.mark.skipif(not DATA.is_dir(), reason=f"the shared real data is not at {DATA}")


def _module():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(BENCH))
    try:
        import deid_evalset_eighth

        return deid_evalset_eighth
    finally:
        sys.path.remove(str(BENCH))


@pytest.fixture(scope="module")
def part():  # type: ignore[no-untyped-def]
    return _module()


@pytest.fixture(scope="module")
def docs(part):  # type: ignore[no-untyped-def]
    return part.build()


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


def test_every_gold_span_is_its_text(docs) -> None:  # type: ignore[no-untyped-def]
    for doc in docs:
        for g in doc.gold:
            assert 0 <= g.start < g.end <= len(doc.text), (doc.name, g)
            assert doc.text[g.start:g.end] == g.text, (doc.name, g)
            assert g.text == g.text.strip() and not g.text.lower().startswith("the "), (doc.name, g)


def test_gold_spans_do_not_overlap(docs) -> None:  # type: ignore[no-untyped-def]
    for doc in docs:
        spans = sorted((g.start, g.end) for g in doc.gold)
        for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
            assert end <= start, doc.name


def test_turns_cover_the_text_in_order(docs) -> None:  # type: ignore[no-untyped-def]
    for doc in docs:
        at = 0
        for _, start, end in doc.turns:
            assert at <= start < end <= len(doc.text)
            at = end


def test_every_kind_has_at_least_25(part, docs) -> None:  # type: ignore[no-untyped-def]
    counts = part.counts(docs)
    for kind in part.KINDS:
        assert counts.get(kind, 0) >= 25, (kind, counts.get(kind, 0))


def test_size_and_mix(docs) -> None:  # type: ignore[no-untyped-def]
    words = sum(len(d.text.split()) for d in docs)
    planted = sum(g.kind != "host_person" for d in docs for g in d.gold)
    interviews = [d for d in docs if d.speakers]
    assert 25_000 <= words <= 35_000
    assert 600 <= planted <= 900
    assert 0.55 <= len(interviews) / len(docs) <= 0.65
    labels = Counter(is_name for d in docs for _, is_name in d.speakers)
    assert labels[True] > 0 and labels[False] > 0


def test_possessive_and_relative_golds_are_bare_names(docs) -> None:  # type: ignore[no-untyped-def]
    for doc in docs:
        for g in doc.gold:
            if g.kind in ("possessive", "relative", "person", "nickname"):
                assert not g.text.endswith("'s") and not g.text.lower().startswith(("my ", "dr ", "mr ")), g
            if g.kind == "age":
                assert "year" not in g.text, g


def test_build_is_deterministic(part, docs) -> None:  # type: ignore[no-untyped-def]
    again = part.build()
    assert [(d.name, d.text, d.gold, d.turns, d.speakers) for d in again] == \
        [(d.name, d.text, d.gold, d.turns, d.speakers) for d in docs]
    other = part.build(seed=part.SEED + 1)
    assert [d.text for d in other] != [d.text for d in docs]


def test_comment_hosts_come_from_the_nhs_file(docs) -> None:  # type: ignore[no-untyped-def]
    path = DATA / "coded-datasets" / "nhs-patient-experience" / "v6framework_230831.csv"
    with path.open(encoding="utf-8", newline="") as f:
        real = {" ".join(r["FFT answer"].split()) for r in csv.DictReader(f)}
    pages = [d for d in docs if not d.speakers]
    assert pages
    for doc in pages:
        turns = [doc.text[s:e] for _, s, e in doc.turns]
        hosted = sum(any(c in t for c in real if len(c) > 40 and c[:40] in t) for t in turns)
        assert hosted >= 6, doc.name


def test_interview_hosts_come_from_the_transcripts(docs) -> None:  # type: ignore[no-untyped-def]
    """Every interview names an existing transcript; the Zoom ones and the PDPilot P1 ones (the one PDF
    read again here, with pypdf, to keep the test quick) hold a run of eight words of it."""
    from pypdf import PdfReader

    zoom = DATA / "captions-vtt" / "GMT20240124-202901_Recording.transcript.vtt"
    p1 = DATA / "transcripts-open" / "pdpilot-user-study" / "P1.pdf"
    sources = {"zoom/" + zoom.name: " ".join(_words(zoom.read_text(encoding="utf-8"))),
               "pdpilot/P1.pdf": " ".join(_words(" ".join(p.extract_text() for p in PdfReader(p1).pages)))}
    interviews = [d for d in docs if d.speakers]
    checked = Counter()
    for doc in interviews:
        kind, name = doc.source.split("/")
        folder = DATA / ("captions-vtt" if kind == "zoom" else "transcripts-open/pdpilot-user-study")
        assert (folder / name).is_file(), doc.source
        if doc.source not in sources:
            continue
        longest = max((doc.text[s:e] for _, s, e in doc.turns), key=len)
        words = _words(longest)
        windows = {" ".join(words[i:i + 8]) for i in range(max(1, len(words) - 7))}
        assert any(w in sources[doc.source] for w in windows), doc.name
        checked[kind] += 1
    assert checked["zoom"] >= 3 and checked["pdpilot"] >= 5


def test_host_names_are_gold(part, docs) -> None:  # type: ignore[no-untyped-def]
    hosts = sys.modules["deid_evalset_eighth_hosts"]
    for doc in docs:
        for m in hosts.HOST_NAME_RE.finditer(doc.text):
            assert any(g.start <= m.start() and m.end() <= g.end for g in doc.gold), (doc.name, m.group())
