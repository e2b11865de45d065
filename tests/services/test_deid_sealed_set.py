"""The SEALED part of the de-identification evaluation set (``bench/deid_evalset_sealed.py``): no value
list entry, template or speaker label is shared with the five other parts, no host text is one they read,
every gold span holds its text, the kinds come in a transcript's proportions with enough of each for a
recall per kind, and the identifier forms a real transcript holds are there (built from the real text in
shared/data; the detector is not run)."""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import deid_evalset  # noqa: E402
import deid_evalset_sealed as sealed  # noqa: E402
import deid_evalset_sealed_hosts as sealed_hosts  # noqa: E402
import deid_evalset_sealed_lists as lists  # noqa: E402
import deid_evalset_unseen as unseen  # noqa: E402


@pytest.fixture(scope="module")
def docs() -> list[deid_evalset.Doc]:
    return sealed.build(seed=sealed.SEED)


def test_no_entry_template_or_label_is_shared_with_the_other_parts() -> None:
    assert sealed.overlap_with_old() == {}


def test_the_overlap_check_finds_entries_of_every_other_part(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lists, "FIRST", [*lists.FIRST, "priya"])  # TUNE/TEST, other case
    monkeypatch.setattr(lists, "TOWN", [*lists.TOWN, "Whitby"])  # FRESH
    monkeypatch.setattr(lists, "NICK", [*lists.NICK, "SPUD", "wozza"])  # HOLDOUT, UNSEEN
    monkeypatch.setattr(lists, "ROLE_SETS", [*lists.ROLE_SETS, ("INTV", "Lead researcher")])  # UNSEEN label
    monkeypatch.setitem(lists.ASKS, "url", [*lists.ASKS["url"], "Is {x} the page you meant?"])  # UNSEEN template
    assert sealed.overlap_with_old() == {"FIRST": ["priya"], "TOWN": ["Whitby"], "NICK": ["SPUD", "wozza"],
                                         "ROLE_SETS": ["INTV"], "TEMPLATES": ["Is {x} the page you meant?"]}


def test_host_texts_are_none_the_other_parts_read(docs: list[deid_evalset.Doc]) -> None:
    taken = sealed.taken_by_other_parts()
    unseen_hosts = {c for _, turns in unseen.hosts(deid_evalset.NHS, deid_evalset.PHASE1, unseen.taken_by_other_parts())
                    for _, c in turns}
    assert unseen_hosts and unseen_hosts <= taken and len(taken) > 1500
    hosts = sealed.hosts(deid_evalset.NHS, deid_evalset.PHASE1, taken)
    comments = [text for name, turns in hosts if not name.startswith("sealedchat")
                for speaker, text in turns if speaker != "Interviewer"]
    assert len(comments) == len(set(comments)) >= 450
    assert not set(comments) & taken
    with_digits = [c for c in comments if re.search(r"\d", c)]
    assert with_digits and all(not re.search(r"\d", sealed_hosts._QUANTITY.sub("", c)) for c in with_digits)
    assert [d.name for d in docs] == [name for name, _ in hosts]
    assert {d.source for d in docs} == {"sealedmh", "sealedurgent", "sealedphase1", "sealedchat"}
    # No other part reads the Zoom chat export.
    for module in ("deid_evalset.py", "deid_evalset_fresh.py", "deid_evalset_holdout.py", "deid_evalset_unseen.py"):
        assert "newChat" not in (ROOT / "bench" / module).read_text(encoding="utf-8")


def test_every_gold_span_holds_its_text_and_the_check_sees_a_wrong_one(docs: list[deid_evalset.Doc]) -> None:
    assert sealed.check_gold(docs) == []
    for doc in docs:
        assert [doc.text[s:e] for _, s, e in doc.turns] == doc.text.split("\n")
    doc = docs[0]
    moved = replace(doc.gold[0], start=doc.gold[0].start + 1)
    broken = deid_evalset.Doc(name=doc.name, source=doc.source, text=doc.text, gold=[moved, *doc.gold[1:]])
    assert len(sealed.check_gold([broken])) == 1


def test_kinds_come_in_a_transcripts_proportions_with_enough_of_each(docs: list[deid_evalset.Doc]) -> None:
    figures = sealed.counts(docs)
    assert figures["documents"] >= 80 and figures["gold"] >= 600  # type: ignore[operator]
    per_kind: dict[str, int] = figures["per_kind"]  # type: ignore[assignment]
    assert set(per_kind) == set(deid_evalset.KINDS) == set(sealed.KINDS)
    assert min(per_kind.values()) >= sealed.MIN_PER_KIND, per_kind
    assert per_kind["person"] > 3 * per_kind["nhs_number"]
    assert per_kind["health_org"] > 2 * per_kind["email"]
    plan = Counter(sealed.kind_plan(1000, __import__("random").Random(1)))
    assert sum(plan.values()) == 1000
    assert plan["person"] == max(plan.values()) and plan["nhs_number"] == min(plan.values())


def test_speaker_labels_are_new_roles_or_names(docs: list[deid_evalset.Doc]) -> None:
    roles = {label for d in docs for label, is_name in d.speakers if not is_name}
    names = [label for d in docs for label, is_name in d.speakers if is_name]
    old = {o.lower() for o in sealed.old_entries()}
    assert len(roles) >= 30 and not {r for r in roles if r.lower() in old}
    assert len(names) >= 50
    chat = next(d for d in docs if d.source == "sealedchat")
    assert ("Dr. Melissa Ko", True) in chat.speakers
    named = [label for d in docs if d.source != "sealedchat" for label, is_name in d.speakers if is_name]
    assert all(any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", label) for n in lists.FIRST + lists.LAST) for label in named)
    # A name on a label said in the text is gold there.
    greeted = [d for d in docs if d.source != "sealedchat" and d.speakers[0][1]]
    assert all(any(g.start < d.turns[0][2] and g.kind == "person" for g in d.gold) for d in greeted)


def test_the_forms_a_transcript_holds_are_there(docs: list[deid_evalset.Doc]) -> None:
    gold = [(g.kind, g.text) for d in docs for g in d.gold]
    text = "\n".join(d.text for d in docs)
    said = re.compile(r"^(?:(?:oh|zero|one|two|three|four|five|six|seven|eight|nine|double|treble),? ?)+$")
    digits = lambda t: re.sub(r"\D", "", t)  # noqa: E731
    assert any(k == "phone" and said.match(t) for k, t in gold)  # "oh seven seven double four ..."
    assert any(k == "phone" and t.startswith(("+44", "0044")) for k, t in gold)
    assert any(k == "phone" and t.startswith(("0300", "0345", "0800")) for k, t in gold)
    assert any(k == "nhs_number" and said.match(t) for k, t in gold)
    assert any(k == "nhs_number" and t.isdigit() and len(t) == 10 for k, t in gold)
    assert any(k == "nhs_number" and ("/" in t or "-" in t) for k, t in gold)
    assert all(len(digits(t)) == 10 for k, t in gold if k == "nhs_number" and not said.match(t))
    assert any(k == "postcode" and t == t.lower() and any(c.isalpha() for c in t) for k, t in gold)
    assert any(k == "postcode" and " " not in t and len(t) >= 6 for k, t in gold)
    assert any(k == "postcode" and len(t) <= 4 for k, t in gold)  # the outward code alone
    assert any(k == "email" and " dot " in t and " at " in t for k, t in gold)
    assert any(k == "date" and re.fullmatch(r"(the )?[a-z-]+ of [A-Z][a-z]+", t) for k, t in gold)
    assert any(k == "date" and t.isdigit() and len(t) == 4 for k, t in gold)
    assert any(k == "age" and t.replace("-", " ").replace(" ", "").isalpha() for k, t in gold)
    assert any(k == "street" and t.lower().startswith("flat ") for k, t in gold)
    assert any(k == "handle" and t.startswith("u/") for k, t in gold)
    assert any(k == "relative" and (f"Our {t}" in text or f"our {t}" in text) for k, t in gold)
    assert any(k == "possessive" and f"{t}'s" in text for k, t in gold)
    assert any(k == "person" and t in sealed_hosts.HOST_NAMES for k, t in gold)  # real names in the hosts
    assert any(k == "health_org" and t in sealed_hosts.HOST_ORGS for k, t in gold)  # "the RVI"
    assert ("place", "cramlington") in gold  # a real place typed in lower case
    assert re.search(r"the unit on [A-Z]", text)
