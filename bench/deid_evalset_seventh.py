"""The SEVENTH de-identification evaluation part, written apart from the detector by someone who did not
read its rules: real host text (``bench/deid_evalset_seventh_hosts.py``) with identifiers of every kind
planted in the proportions a UK mental-health-services interview has, from its own value lists
(``..._values.py``), shapes (``..._forms.py``) and sentences (``..._talk.py``). Deterministic for a seed.

Documents: interviews (the PDPilot study's coded talk, 1-3 consecutive segments, split into turns,
with an interviewer's prompt between segments and often before the first) whose speaker labels are names where the study would
use a pseudonym or a first name, and feedback-box pages (80 of them, 4-6 NHS phase-1 comments, one turn each, no
labels). The host interviewer's name "Dan" is replaced by a planted name with a gold span.

Gold conventions: a possessive's gold is the name without "'s" (or the bare "'"); a relative's gold is the
name only (not "my sister"); a titled person's gold is the name after the title; an age's gold is the
number, in digits or words (not "-year-old"); a date's gold is the date without a leading "the"; a
street's gold includes its house or flat number; an organisation's gold leaves out a leading "the";
e-mails, links and phone or NHS numbers said aloud ("oh seven...", "at gmail dot com") are gold whole.

    python bench/deid_evalset_seventh.py   # prints counts per kind as JSON
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter

import deid_evalset_seventh_forms as F
import deid_evalset_seventh_hosts as H
import deid_evalset_seventh_talk as T
from deid_evalset import KINDS, Doc, Span

SEED = 7777777
# Share of planted sentences by main kind: people, relatives, places and services dominate an
# interview about mental-health care; numbers, addresses and online identifiers are rarer.
WEIGHTS: dict[str, float] = {
    "person": 14, "nickname": 5, "possessive": 5, "relative": 12, "age": 7, "date": 8, "place": 10,
    "street": 4, "postcode": 4, "health_org": 11, "school": 4, "workplace": 4, "phone": 3.5, "email": 3.5,
    "nhs_number": 3.5, "url": 3, "handle": 3,
}
COMMENT_DOCS = 80
Piece = tuple[str, list[tuple[int, int, str]]]  # text and its gold (start, end, kind) within it
_SLOT = re.compile(r"\{(\w+)\}")
_KIND_OF_SLOT = {"staff": "person", "first": "person", "road": "street", "address": "street", "house": "street",
                 "young": "age", "adult": "age", "adultyo": "age"}


def fill(template: str, rng: random.Random, spoken: bool, first: str | None = None) -> Piece:
    """A sentence with its slots filled and the gold spans of the values (``first``: the name a
    ``{first}`` slot takes, the participant's when the interviewer says it)."""
    out, spans, pos = [], [], 0
    for m in _SLOT.finditer(template):
        out.append(template[pos:m.start()])
        if m.group(1) == "first" and first:
            before, gold, after = "", first, ""
        elif m.group(1) in F.SAYABLE:
            before, gold, after = F.MAKERS[m.group(1)](rng, spoken)
        else:
            before, gold, after = F.MAKERS[m.group(1)](rng)
        start = sum(map(len, out)) + len(before)
        out += [before, gold, after]
        spans.append((start, start + len(gold), _KIND_OF_SLOT.get(m.group(1), m.group(1))))
        pos = m.end()
    out.append(template[pos:])
    text = "".join(out)
    capital = rng.random() < (0.75 if spoken else 0.35)
    if capital and not any(s == 0 for s, _, _ in spans):
        text = text[:1].upper() + text[1:]
    return text, spans


def _kind(rng: random.Random) -> str:
    return rng.choices(list(WEIGHTS), weights=list(WEIGHTS.values()))[0]


def _sentence(rng: random.Random, spoken: bool) -> Piece:
    bank = T.SPOKEN if spoken else T.TYPED
    return fill(rng.choice(bank[_kind(rng)]), rng, spoken)


def _insert(host: Piece, plant: Piece, rng: random.Random, sep: str = " ") -> Piece:
    """``plant`` put at a sentence boundary of ``host`` (or at its start or end)."""
    text, spans = host
    cuts = [0, len(text)] + [m.end() for m in re.finditer(r"[.?!] ", text)]
    cut = rng.choice(cuts)
    pad_left = "" if cut == 0 else ("" if text[cut - 1] == " " else sep)
    pad_right = sep if cut < len(text) else ""
    new = text[:cut] + pad_left + plant[0] + pad_right + text[cut:]
    shift = len(pad_left) + len(plant[0]) + len(pad_right)
    moved = [(s + shift, e + shift, k) if s >= cut else (s, e, k) for s, e, k in spans]
    base = cut + len(pad_left)
    return new, sorted(moved + [(s + base, e + base, k) for s, e, k in plant[1]])


def _host_names(text: str, name: str) -> Piece:
    """Host text with the interviewer's real first name replaced by ``name`` (gold)."""
    out, spans, pos = [], [], 0
    for m in re.finditer(r"\bDan\b", text):
        out.append(text[pos:m.start()])
        start = sum(map(len, out))
        out.append(name)
        spans.append((start, start + len(name), "person"))
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), spans


def _labels(rng: random.Random) -> tuple[tuple[str, bool], tuple[str, bool]]:
    asker = (F.first_name(rng), True) if rng.random() < 0.65 else (rng.choice(["Interviewer", "INT", "Researcher"]), False)
    teller = ((F.first_name(rng), True) if rng.random() < 0.55
              else (rng.choice([f"P{rng.randint(1, 40):02d}", "Participant", "Respondent", "R"]), False))
    if teller[0] == asker[0]:
        teller = ("Participant", False)
    return asker, teller


def _assemble(name: str, source: str, turns: list[tuple[str | None, Piece]],
              speakers: list[tuple[str, bool]]) -> Doc:
    doc = Doc(name=name, source=source, speakers=speakers)
    text, pos = [], 0
    for label, (said, spans) in turns:
        doc.turns.append((label, pos, pos + len(said)))
        doc.gold += [Span(pos + s, pos + e, k, said[s:e]) for s, e, k in spans]
        text.append(said)
        pos += len(said) + 1
    doc.text = "\n".join(text)
    return doc


def _interview(i: int, segments: list, rng: random.Random) -> Doc:
    asker, teller = _labels(rng)
    host_name = asker[0] if asker[1] else F.first_name(rng)
    turns: list[tuple[str, Piece]] = []
    for n, (_, seg_turns) in enumerate(segments):
        if n:
            turns.append((asker[0], fill(rng.choice(T.PROMPTS), rng, True, teller[0] if teller[1] else None)))
        for who, said in seg_turns:
            turns.append((asker[0] if who == "Dan" else teller[0], _host_names(said, host_name)))
    if turns[0][0] == teller[0] and rng.random() < 0.5:  # a stretch opens on the interviewer's question
        turns.insert(0, (asker[0], fill(rng.choice(T.PROMPTS), rng, True, teller[0] if teller[1] else None)))
    if teller[1] and rng.random() < 0.4:  # the interviewer greets the participant by name
        hello = rng.choice(T.GREETINGS).replace("{name}", teller[0])
        at = hello.index(teller[0])
        turns.insert(0, (asker[0], (hello, [(at, at + len(teller[0]), "person")])))
    told = [j for j, (who, _) in enumerate(turns) if who == teller[0]] or list(range(len(turns)))
    for _ in range(rng.randint(5, 9)):
        j = rng.choice(told)
        turns[j] = (turns[j][0], _insert(turns[j][1], _sentence(rng, spoken=True), rng))
    return _assemble(f"seventh-interview-{i:03d}", "pdpilot-coded-segments", turns, [asker, teller])


def _comments(i: int, texts: list[str], rng: random.Random) -> Doc:
    turns: list[tuple[str | None, Piece]] = []
    for text in texts:
        piece: Piece = (text, [])
        for _ in range(rng.choice([0, 1, 1, 1, 2])):
            piece = _insert(piece, _sentence(rng, spoken=False), rng, sep=rng.choice([" ", " - ", ". "]))
        turns.append((None, piece))
    return _assemble(f"seventh-comments-{i:03d}", "nhs-phase1-comments", turns, [])


def _interview_groups(rng: random.Random) -> list[list]:
    by_doc: dict[str, list] = {}
    for seg in H.interview_segments():
        by_doc.setdefault(seg[0], []).append(seg)
    groups = []
    for doc in sorted(by_doc):
        segs, k = by_doc[doc], 0
        while k < len(segs):
            size = rng.choice([1, 2, 2, 3])
            groups.append(segs[k:k + size])
            k += size
    return groups


def build(seed: int = SEED) -> list[Doc]:
    rng = random.Random(seed)
    docs = [_interview(i, g, rng) for i, g in enumerate(_interview_groups(rng))]
    pool = list(H.comments())
    rng.shuffle(pool)
    pos = 0
    for i in range(COMMENT_DOCS):
        size = rng.randint(4, 6)
        docs.append(_comments(i, pool[pos:pos + size], rng))
        pos += size
    return docs


def counts(docs: list[Doc]) -> dict[str, int]:
    got = Counter(s.kind for d in docs for s in d.gold)
    return {k: got[k] for k in KINDS}


if __name__ == "__main__":
    built = build()
    labels = [is_name for d in built for _, is_name in d.speakers]
    print(json.dumps({"docs": len(built), "by_source": dict(Counter(d.source for d in built)),
                      "identifiers": sum(len(d.gold) for d in built), "kinds": counts(built),
                      "words": sum(len(d.text.split()) for d in built),
                      "speaker_labels": len(labels), "speaker_labels_names": sum(labels)}, indent=1))
