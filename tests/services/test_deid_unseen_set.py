"""The UNSEEN part of the de-identification evaluation set (``bench/deid_evalset_unseen.py``): no value
list entry, template or speaker label is shared with the TUNE/TEST, FRESH or HOLDOUT parts, no host
comment is one they read, and it is large enough for a recall per kind (built from the real text in
shared/data)."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import deid_evalset  # noqa: E402
import deid_evalset_unseen as unseen  # noqa: E402


@pytest.fixture(scope="module")
def docs() -> list[deid_evalset.Doc]:
    return unseen.build(seed=unseen.SEED)


def test_no_entry_template_or_label_is_shared_with_the_other_parts() -> None:
    assert unseen.overlap_with_old() == {}


def test_the_overlap_check_finds_entries_of_every_other_part(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(unseen, "FIRST", [*unseen.FIRST, "priya"])  # TUNE/TEST, other case
    monkeypatch.setattr(unseen, "TOWN", [*unseen.TOWN, "Whitby"])  # FRESH
    monkeypatch.setattr(unseen, "NICK", [*unseen.NICK, "SPUD"])  # HOLDOUT, other case
    monkeypatch.setattr(unseen, "ROLE_PAIRS", [*unseen.ROLE_PAIRS, ("Int", "Service user")])  # HOLDOUT label
    monkeypatch.setitem(unseen.ASKS, "url", [*unseen.ASKS["url"], "Is that the group on {x}?"])  # HOLDOUT template
    assert unseen.overlap_with_old() == {"FIRST": ["priya"], "TOWN": ["Whitby"], "NICK": ["SPUD"],
                                         "ROLE_PAIRS": ["Int"], "TEMPLATES": ["Is that the group on {x}?"]}


def test_host_comments_are_none_the_other_parts_read(docs: list[deid_evalset.Doc]) -> None:
    taken = unseen.taken_by_other_parts()
    assert len(taken) > 1000  # TUNE, TEST, FRESH and HOLDOUT hosts together
    hosts = unseen.hosts(deid_evalset.NHS, deid_evalset.PHASE1, taken)
    comments = [text for _, turns in hosts for speaker, text in turns if speaker == "Participant"]
    assert len(comments) == len(set(comments)) >= 360
    assert not set(comments) & taken
    assert not any(ch.isdigit() for text in comments for ch in text)
    assert [d.name for d in docs] == [name for name, _ in hosts]
    assert {name.split("-")[0] for name, _ in hosts} == {"unseenmh", "unseenurgent", "unseenphase1"}


def test_the_part_is_big_enough_for_a_recall_per_kind(docs: list[deid_evalset.Doc]) -> None:
    figures = unseen.counts(docs)
    assert figures["documents"] >= 60 and figures["gold"] >= 500  # type: ignore[operator]
    per_kind = figures["per_kind"]
    assert set(per_kind) == set(deid_evalset.KINDS) == set(unseen.KINDS)  # type: ignore[arg-type]
    assert min(per_kind.values()) >= 25, per_kind  # type: ignore[union-attr]


def test_gold_spans_hold_their_text_and_speakers_are_labelled(docs: list[deid_evalset.Doc]) -> None:
    for doc in docs:
        for g in doc.gold:
            assert doc.text[g.start:g.end] == g.text and g.text == g.text.strip()
        spans = sorted((g.start, g.end) for g in doc.gold)
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False)), doc.name
        assert [doc.text[s:e] for _, s, e in doc.turns] == doc.text.split("\n")
    roles = {label for d in docs for label, is_name in d.speakers if not is_name}
    names = [label for d in docs for label, is_name in d.speakers if is_name]
    assert len(roles) >= 20 and len(names) >= 40
    assert all(label.startswith(tuple(unseen.FIRST)) for label in names)


def test_the_planted_forms_the_issue_lists_are_there(docs: list[deid_evalset.Doc]) -> None:
    gold = Counter((g.kind, g.text) for d in docs for g in d.gold)
    kinds = [(k, t) for k, t in gold]
    text = "\n".join(d.text for d in docs)
    assert any(k == "age" and t.replace("-", " ").replace(" ", "").isalpha() for k, t in kinds)  # spoken
    assert any(k == "age" and t.isdigit() for k, t in kinds)
    assert any(k == "date" and t.startswith(tuple(unseen.HOLIDAYS)) for k, t in kinds)  # "Boxing Day 2018"
    assert any(k == "date" and " of the " in t for k, t in kinds)  # "the ninth of the third"
    assert any(k == "date" and "/" in t for k, t in kinds)
    assert any(k == "street" and t.startswith(("Flat ", "Apartment ", "Room ")) for k, t in kinds)
    assert any(k == "phone" and t.startswith("oh seven") for k, t in kinds)  # said aloud
    assert any(k == "handle" and t.startswith("@") for k, t in kinds)
    assert any(k == "handle" and not t.startswith("@") for k, t in kinds)
    assert any(k == "url" and t.startswith(("t.co/", "ow.ly/", "rb.gy/", "is.gd/", "shorturl.at/")) for k, t in kinds)
    assert any(k == "possessive" and f"{t}'s" in text for k, t in kinds)
    assert any(k == "person" and t in unseen.HOST_NAMES for k, t in kinds)  # real names in the host comments
