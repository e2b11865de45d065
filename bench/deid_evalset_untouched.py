"""The UNTOUCHED part of the de-identification evaluation set: real interview text with identifiers
planted by someone who did not read the detector's rules, did not read the other parts' lists or
templates, and did not run the detector on this part. The lead runs it once per detector version.

Owns ``build(seed) -> list[Doc]`` (``Doc`` and ``Span`` are the evaluation's own, from
``bench/deid_evalset.py``) and the assembly of a document: a host window (``deid_evalset_untouched_hosts``)
whose real names are replaced by planted ones, with sentences from ``deid_evalset_untouched_talk``
slotted in between its sentences and filled by ``deid_evalset_untouched_values``. Every gold span is
recorded while the text is put together, so its offsets hold exactly the planted value.

Speaker labels are kept the way the hosts have them: PDPilot's interviewer is a first name (or, in some
documents, "Interviewer") and its participant "Participant" (or a first name); every Zoom speaker is a
full name; NHS comments have no label. ``Doc.speakers`` says which labels are names; a name in a label
is the same planted name the turns use for that person, so it is gold in the text where it is said.

    python bench/deid_evalset_untouched.py     # prints the counts per kind and source as JSON

Deterministic: the same seed gives the same documents (each host window has its own
``random.Random(f"{seed}:{window}")``, so one change to one window leaves the others as they were).
"""

from __future__ import annotations

import json
import random
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import deid_evalset_untouched_hosts as hosts_mod  # noqa: E402
import deid_evalset_untouched_lists as lists  # noqa: E402
import deid_evalset_untouched_talk as talk  # noqa: E402
import deid_evalset_untouched_values as values  # noqa: E402
from deid_evalset import Doc, Span  # noqa: E402

SEED = 8675309
Piece = lists.Piece
Sentence = list[Piece]

SLOT = re.compile(r"\{(\w+)(?::(\w+))?\}")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
WORDS_PER_PLANT = 40  # a planted sentence per ~40 host words: ~6-9 identifiers in a 300-word window
INTERVIEWER_SHARE = 0.3  # of the sentences an interviewer could say, the share an interviewer says


def build(seed: int = SEED) -> list[Doc]:
    """Every document of the part, in a fixed order."""
    windows = hosts_mod.hosts()
    counts = [_plant_count(host) for host in windows]
    plan = _plan(sum(counts), random.Random(f"{seed}:plan"))
    docs: list[Doc] = []
    at = 0
    for host, count in zip(windows, counts, strict=True):
        docs.append(_document(host, plan[at:at + count], random.Random(f"{seed}:{host.name}")))
        at += count
    return docs


def _plant_count(host: hosts_mod.Host) -> int:
    return min(10, max(4, round(host.words / WORDS_PER_PLANT)))


def _plan(total: int, rng: random.Random) -> list[str]:
    """The lead kind of every planted sentence, in the weights' proportions (largest remainder), shuffled:
    drawing each at random would leave a rare kind with a handful in one seed and thirty in another."""
    weight = sum(talk.WEIGHT.values())
    exact = {kind: total * w / weight for kind, w in talk.WEIGHT.items()}
    counts = {kind: int(x) for kind, x in exact.items()}
    by_remainder = sorted(exact, key=lambda k: (counts[k] - exact[k], k))
    for kind in by_remainder[:total - sum(counts.values())]:
        counts[kind] += 1
    plan = [kind for kind in sorted(counts) for _ in range(counts[kind])]
    rng.shuffle(plan)
    return plan


def _document(host: hosts_mod.Host, kinds: list[str], rng: random.Random) -> Doc:
    cast = _cast(host, rng)
    labels = _labels(host, cast, rng)
    pattern, who = _host_names(host)
    turns = [[_replace_names(s, pattern, who, cast) for s in SENTENCE_END.split(text.strip()) if s]
             for _, _, text in host.turns]
    roles = [role for role, _, _ in host.turns]
    used: set[str] = set()
    for kind in kinds:
        _plant(turns, roles, kind, rng, used)
    return _assemble(host, turns, [labels[role] for role in roles])


def _cast(host: hosts_mod.Host, rng: random.Random) -> dict[str, tuple[str, str]]:
    """A planted (first, last) name for each person the host mentions or labels."""
    roles = ["interviewer", "participant", "extra"] + [f"speaker:{n}" for n in range(len(hosts_mod.ZOOM_SPEAKERS))]
    firsts = rng.sample(lists.FIRST, len(roles))
    return {role: (first, rng.choice(lists.LAST)) for role, first in zip(roles, firsts, strict=True)}


def _labels(host: hosts_mod.Host, cast: dict[str, tuple[str, str]], rng: random.Random) -> dict[str, tuple[str, bool] | None]:
    labels: dict[str, tuple[str, bool] | None] = {"comment": None}
    labels["interviewer"] = (cast["interviewer"][0], True) if rng.random() < 0.6 else ("Interviewer", False)
    labels["participant"] = ("Participant", False) if rng.random() < 0.75 else (cast["participant"][0], True)
    for n, host_label in enumerate(hosts_mod.ZOOM_SPEAKERS):
        first, last = cast[f"speaker:{n}"]
        labels[f"speaker:{n}"] = (("Dr. " if host_label.startswith("Dr.") else "") + f"{first} {last}", True)
    return labels


def _host_names(host: hosts_mod.Host) -> tuple[re.Pattern[str], list[tuple[str, str]]]:
    table = hosts_mod.ZOOM_NAMES if host.source == "zoom" else hosts_mod.PDPILOT_NAMES
    if host.source == "nhs-px":
        table = ()
    if not table:
        return re.compile(r"(?!x)x"), []
    return re.compile("|".join(f"({p})" for p, _, _ in table)), [(w, f) for _, w, f in table]


def _replace_names(text: str, pattern: re.Pattern[str], who: list[tuple[str, str]],
                   cast: dict[str, tuple[str, str]]) -> Sentence:
    out: Sentence = []
    at = 0
    for match in pattern.finditer(text):
        role, form = who[match.lastindex - 1 if match.lastindex else 0]
        first, last = cast[role]
        out.append(text[at:match.start()])
        out.append(("possessive" if form == "possessive" else "person", f"{first} {last}" if form == "full" else first))
        at = match.end()
    out.append(text[at:])
    return [p for p in out if p != ""]


def _plant(turns: list[list[Sentence]], roles: list[str], kind: str, rng: random.Random, used: set[str]) -> None:
    """Slot one sentence about ``kind`` in between two sentences of a turn (a sentence at most once a
    document); the interviewer says some of those an interviewer would."""
    interviewer = [i for i, r in enumerate(roles) if r == "interviewer"]
    others = [i for i, r in enumerate(roles) if r != "interviewer"]
    use_interviewer = bool(interviewer) and kind in talk.INTERVIEWER and rng.random() < INTERVIEWER_SHARE
    index = rng.choice(interviewer if use_interviewer else others)
    table = talk.INTERVIEWER if use_interviewer else talk.PARTICIPANT
    fresh = [t for t in table[kind] if t not in used] or table[kind]
    template = rng.choice(fresh)
    used.add(template)
    turns[index].insert(rng.randint(0, len(turns[index])), _fill(template, rng))


def _fill(template: str, rng: random.Random) -> Sentence:
    out: Sentence = []
    at = 0
    for match in SLOT.finditer(template):
        out.append(template[at:match.start()])
        kind, form = match.group(1), match.group(2) or ""
        out.extend(values.MAKERS[kind](rng, form))
        at = match.end()
    out.append(template[at:])
    return [p for p in out if p != ""]


def _assemble(host: hosts_mod.Host, turns: list[list[Sentence]], labels: list[tuple[str, bool] | None]) -> Doc:
    text: list[str] = []
    gold: list[Span] = []
    doc_turns: list[tuple[str | None, int, int]] = []
    at = 0
    for number, (sentences, label) in enumerate(zip(turns, labels, strict=True)):
        if number:
            text.append("\n")
            at += 1
        start = at
        for s_number, sentence in enumerate(sentences):
            if s_number:
                text.append(" ")
                at += 1
            for piece in sentence:
                value = piece if isinstance(piece, str) else piece[1]
                value = unicodedata.normalize("NFC", value)
                if not isinstance(piece, str):
                    gold.append(Span(at, at + len(value), piece[0], value))
                text.append(value)
                at += len(value)
        doc_turns.append((label[0] if label else None, start, at))
    speakers: list[tuple[str, bool]] = []
    for label in labels:
        if label and label not in speakers:
            speakers.append(label)
    return Doc(name=f"untouched-{host.name}", source=host.source.split("-P")[0], turns=doc_turns,
               text="".join(text), gold=gold, speakers=speakers)


def summary(docs: list[Doc]) -> dict[str, object]:
    kinds = Counter(span.kind for doc in docs for span in doc.gold)
    return {
        "docs": len(docs), "gold": sum(kinds.values()), "kinds": dict(kinds.most_common()),
        "docs_by_source": dict(Counter(doc.source for doc in docs)),
        "words": sum(len(doc.text.split()) for doc in docs),
        "labels_that_are_names": sum(is_name for doc in docs for _, is_name in doc.speakers),
    }


if __name__ == "__main__":
    print(json.dumps(summary(build()), indent=2))
