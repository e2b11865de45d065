"""The HOLDOUT part of the de-identification evaluation set (``bench/deid_evalset_holdout.py``): its
value lists and templates share no entry with the TUNE/TEST and FRESH parts, its host comments are
none of theirs, and it is large enough for a per-kind recall (built from the real text in shared/data)."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import deid_evalset  # noqa: E402
import deid_evalset_holdout as holdout  # noqa: E402


@pytest.fixture(scope="module")
def docs() -> list[deid_evalset.Doc]:
    return deid_evalset.build("holdout", seed=holdout.SEED)


def test_no_list_entry_or_template_is_shared_with_the_other_parts() -> None:
    assert holdout.overlap_with_old() == {}


def test_the_overlap_check_finds_an_old_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(holdout, "FIRST", [*holdout.FIRST, "Priya"])  # a TUNE/TEST first name
    monkeypatch.setattr(holdout, "TOWN", [*holdout.TOWN, "whitby"])  # a FRESH town, other case
    monkeypatch.setitem(holdout.TEMPLATES, "phone", [*holdout.TEMPLATES["phone"], "My number's {x}."])
    assert holdout.overlap_with_old() == {"FIRST": ["Priya"], "TOWN": ["whitby"], "TEMPLATES": ["My number's {x}."]}


def test_host_comments_are_none_the_other_parts_read(docs: list[deid_evalset.Doc]) -> None:
    taken = holdout.taken_by_other_parts()
    assert len(taken) > 600
    hosts = holdout.hosts(deid_evalset.NHS, deid_evalset.PHASE1, taken)
    comments = [text for _, turns in hosts for speaker, text in turns if speaker == "Participant"]
    assert len(comments) == len(set(comments)) >= 360
    assert not set(comments) & taken
    assert not any(ch.isdigit() for text in comments for ch in text)
    assert [d.name for d in docs] == [name for name, _ in hosts]  # one document per host interview


def test_the_part_is_big_enough_for_a_recall_per_kind(docs: list[deid_evalset.Doc]) -> None:
    per_kind = Counter(g.kind for d in docs for g in d.gold)
    assert len(docs) >= 60
    assert sum(per_kind.values()) >= 500
    assert set(per_kind) == set(deid_evalset.KINDS) == set(holdout.KINDS)
    assert min(per_kind.values()) >= 25, per_kind


def test_gold_spans_hold_their_text_and_speakers_are_labelled(docs: list[deid_evalset.Doc]) -> None:
    for doc in docs:
        for g in doc.gold:
            assert doc.text[g.start:g.end] == g.text and g.text == g.text.strip()
        spans = sorted((g.start, g.end) for g in doc.gold)
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False)), doc.name
        assert [doc.text[s:e] for _, s, e in doc.turns] == doc.text.split("\n")
    roles = {label for d in docs for label, is_name in d.speakers if not is_name}
    names = [label for d in docs for label, is_name in d.speakers if is_name]
    assert {"Service user", "Carer", "Interviewer"} <= roles
    assert len(names) >= 40


def test_the_planted_forms_the_brief_asks_for_are_there(docs: list[deid_evalset.Doc]) -> None:
    gold = [(g.kind, g.text) for d in docs for g in d.gold]
    text = "\n".join(d.text for d in docs)
    assert any(k == "age" and t.isalpha() for k, t in gold)  # spoken ages
    assert any(k == "age" and t.isdigit() for k, t in gold)
    assert any(k == "date" and " of " in t for k, t in gold)  # spoken dates
    assert any(k == "date" and "/" in t for k, t in gold)
    assert any(k == "street" and t.startswith("Flat ") for k, t in gold)
    assert any(k == "handle" and t.startswith("@") for k, t in gold)
    assert any(k == "handle" and not t.startswith(("@", "u/")) for k, t in gold)
    assert any(k == "url" and t.startswith(("bit.ly/", "forms.gle/", "tinyurl.com/", "wa.me/")) for k, t in gold)
    assert any(k == "possessive" and f"{t}'s" in text for k, t in gold)
