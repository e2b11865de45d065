"""The UNTOUCHED part of the de-identification evaluation set (``bench/deid_evalset_untouched.py``), checked
without running the detector: the same seed builds the same documents, every gold span holds the value
planted there, every kind is present in a mental-health interview's proportions, spans never overlap or
cross a turn, the hosts' own real names are all replaced, and the numbers are well formed (NHS numbers
pass the modulus-11 check, postcodes have a valid UK shape)."""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import deid_evalset  # noqa: E402
import deid_evalset_untouched as untouched  # noqa: E402
import deid_evalset_untouched_hosts as hosts  # noqa: E402
import deid_evalset_untouched_lists as lists  # noqa: E402

POSTCODE = re.compile(r"^(?:[A-PR-UWYZ][0-9]{1,2}|[A-PR-UWYZ][A-HK-Y][0-9]{1,2}|[A-PR-UWYZ][0-9][A-HJKPSTUW]"
                      r"|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY]) *[0-9][ABD-HJLNP-UW-Z]{2}$")
HOST_NAMES = re.compile(r", XXXX[.,]|Bye XXXX|\b(Dan|Daniel|Srijani|Shujani|Ghosh|Conor|Connor|Healy|Melissa|Koh?|Shreeharsh|"
                        r"Shrihar|Kelkar|Ryan|Sloan|Johnny)\b")


@pytest.fixture(scope="module")
def docs() -> list[deid_evalset.Doc]:
    return untouched.build()


def _key(doc: deid_evalset.Doc) -> tuple[object, ...]:
    return doc.name, doc.source, doc.text, tuple(doc.turns), tuple(doc.gold), tuple(doc.speakers)


def test_the_same_seed_builds_the_same_documents_and_another_seed_others(docs: list[deid_evalset.Doc]) -> None:
    hosts.hosts.cache_clear()  # read the host files again too
    again = untouched.build(untouched.SEED)
    assert [_key(d) for d in again] == [_key(d) for d in docs]
    other = untouched.build(untouched.SEED + 1)
    assert [d.name for d in other] == [d.name for d in docs]
    assert sum(_key(a) != _key(b) for a, b in zip(other, docs, strict=True)) == len(docs)


def test_every_gold_span_holds_its_planted_value(docs: list[deid_evalset.Doc]) -> None:
    for doc in docs:
        for span in doc.gold:
            assert doc.text[span.start:span.end] == span.text, (doc.name, span)
            assert span.text and span.text == span.text.strip(" ,.;:!?\n"), (doc.name, span)
            assert span.kind in deid_evalset.KINDS


def test_gold_spans_do_not_overlap_and_stay_inside_one_turn(docs: list[deid_evalset.Doc]) -> None:
    for doc in docs:
        spans = sorted(doc.gold, key=lambda s: s.start)
        for a, b in zip(spans, spans[1:], strict=False):
            assert a.end <= b.start, (doc.name, a, b)
        for span in spans:
            assert any(s <= span.start and span.end <= e for _, s, e in doc.turns), (doc.name, span)


def test_turns_tile_the_text_and_labels_are_the_speakers(docs: list[deid_evalset.Doc]) -> None:
    for doc in docs:
        assert doc.turns[0][1] == 0 and doc.turns[-1][2] == len(doc.text)
        for (_, _, end), (_, start, _) in zip(doc.turns, doc.turns[1:], strict=False):
            assert doc.text[end:start] == "\n"
        assert {label for label, _, _ in doc.turns if label} == set(doc.labels)
        assert doc.text == unicodedata.normalize("NFC", doc.text)


def test_every_kind_is_there_in_an_interviews_proportions(docs: list[deid_evalset.Doc]) -> None:
    assert 120 <= len(docs) <= 200
    kinds = Counter(span.kind for doc in docs for span in doc.gold)
    total = sum(kinds.values())
    assert set(kinds) == set(deid_evalset.KINDS)
    assert min(kinds.values()) >= 15, kinds  # enough of the rarest kind for a recall of its own
    people = kinds["person"] + kinds["relative"] + kinds["possessive"] + kinds["nickname"]
    assert 0.30 <= people / total <= 0.50, kinds
    assert kinds["person"] == max(kinds.values())
    rare = ("street", "postcode", "phone", "email", "nhs_number", "url", "handle")
    assert all(kinds[k] < kinds["place"] / 3 and kinds[k] < kinds["health_org"] / 3 for k in rare), kinds
    assert all(len(doc.gold) >= 4 for doc in docs)


def test_every_host_and_label_kind_is_used(docs: list[deid_evalset.Doc]) -> None:
    sources = Counter(doc.source for doc in docs)
    assert set(sources) == {"pdpilot", "zoom", "nhs-px"} and sources["pdpilot"] > sources["nhs-px"]
    assert {doc.name.split("-")[2] for doc in docs if doc.source == "pdpilot"} == {f"P{n}" for n in range(1, 8)}
    flags = Counter(is_name for doc in docs for _, is_name in doc.speakers)
    assert flags[True] >= 40 and flags[False] >= 40


def test_the_hosts_real_names_are_all_replaced_by_planted_ones(docs: list[deid_evalset.Doc]) -> None:
    planted = set(lists.FIRST) | set(lists.LAST)
    for doc in docs:
        assert not HOST_NAMES.search(doc.text), (doc.name, HOST_NAMES.search(doc.text))
        for label, is_name in doc.speakers:
            assert not HOST_NAMES.search(label)
            words = set(label.removeprefix("Dr. ").split(" "))
            assert (words <= planted) if is_name else label in {"Interviewer", "Participant"}, label
    # a redacted phrase ("XXX XX X XXXXXX XXXX XX") is not a name: nothing planted inside one
    for doc in docs:
        for span in doc.gold:
            around = doc.text[max(0, span.start - 4):span.start] + doc.text[span.end:span.end + 4]
            assert "XX" not in around, (doc.name, span, around)
    # the hosts did mention them: "Dan"/"Daniel" in PDPilot, the five speakers and "Johnny's" on Zoom
    zoom_people = [s for d in docs if d.source == "zoom" for s in d.gold if s.kind in ("person", "possessive")]
    assert len(zoom_people) >= 8


def _digits(text: str) -> str:
    words = {w: str(i) for i, w in enumerate(lists.DIGIT_WORD)} | {"zero": "0"}
    out = []
    for token in re.findall(r"double \w+|triple \w+|\w+", text):
        if token.startswith(("double ", "triple ")):
            out.append(words[token.split()[1]] * (2 if token.startswith("double") else 3))
        else:
            out.append(words.get(token, token))
    return "".join(out)


def test_nhs_numbers_pass_the_check_and_postcodes_have_a_uk_shape(docs: list[deid_evalset.Doc]) -> None:
    spans = [s for d in docs for s in d.gold]
    numbers = [_digits(s.text) for s in spans if s.kind == "nhs_number"]
    assert numbers and all(len(n) == 10 and n.isdigit() for n in numbers), numbers
    for n in numbers:
        check = 11 - sum(int(d) * (10 - i) for i, d in enumerate(n[:9])) % 11
        assert (0 if check == 11 else check) == int(n[9]), n
    assert any(" " not in n for n in (s.text for s in spans if s.kind == "nhs_number"))  # some run together
    assert any(re.search("[a-z]", s.text) for s in spans if s.kind == "nhs_number")  # some read out
    postcodes = [s.text for s in spans if s.kind == "postcode"]
    assert all(POSTCODE.match(p.upper()) for p in postcodes), postcodes
    assert any(p == p.lower() for p in postcodes) and any(" " not in p for p in postcodes)


def test_the_forms_people_use_are_there(docs: list[deid_evalset.Doc]) -> None:
    spans = [s for d in docs for s in d.gold]
    by_kind: dict[str, list[str]] = {}
    for s in spans:
        by_kind.setdefault(s.kind, []).append(s.text)
    assert any(" at " in e and "@" not in e for e in by_kind["email"])  # said, not typed
    assert any("@" in e for e in by_kind["email"])
    assert any(p.startswith("+44") for p in by_kind["phone"]) and any(p.startswith("07") for p in by_kind["phone"])
    assert any(" " not in p for p in by_kind["person"]) and any(" " in p for p in by_kind["person"])
    assert any(re.fullmatch(r"\d{1,2}/\d{1,2}/\d{2,4}", d) for d in by_kind["date"])
    assert any(re.search("[a-z]{3}", d) for d in by_kind["date"])
    assert any(a.isdigit() for a in by_kind["age"]) and any(a.isalpha() for a in by_kind["age"])
    assert any(h.startswith("@") for h in by_kind["handle"]) and any(not h.startswith("@") for h in by_kind["handle"])
    assert any(re.match(r"(?i)flat ", s) for s in by_kind["street"])
    # a possessive's gold is the name: the "'s" follows it in the text
    for doc in docs:
        for s in doc.gold:
            if s.kind == "possessive":
                assert doc.text[s.end:s.end + 2] in ("'s", "’s") or doc.text[s.end] == "'", (doc.name, s)
