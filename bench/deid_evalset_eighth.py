"""The EIGHTH de-identification evaluation part, written apart from the detector: real interview and
comment text from ``../shared/data`` with identifiers of every kind planted into it, gold spans exact.

Owns assembling the documents: which host runs become which document, the speaker labels they get,
where planted sentences go, and the gold ``Span``s. Hosts are chosen and cut in
``deid_evalset_eighth_hosts``, sentences live in ``deid_evalset_eighth_talk`` and values in
``deid_evalset_eighth_values``; none of them is shared with another part.

Documents: one interview per run of PDPilot or Zoom turns (about 60 % of documents), then comment
pages of eight NHS Friends-and-Family comments each. Interview turns get spoken sentences (fillers,
self-corrections, numbers and addresses said aloud, lower-case names) added to the participant's turns
or as new question-and-answer exchanges; comment pages get written sentences added to comments or as
comments of their own. Which kind is planted next is the one furthest below its share (``SHARE``), so
every kind has at least 25 instances.

Gold conventions (the scorer's): a possessive is the name without "'s"; a relative is the name only; a
titled person is the name after the title; an age is the number, in digits or words ("a 7-year-old"
-> "7"); a date has no leading "the"; a street carries its house number ("number forty-two Ash Grove"
-> "forty-two Ash Grove"; "flat 9, Harland Court" -> "9, Harland Court"); an organisation has no leading
"the"; said-aloud e-mails, links, phone and NHS numbers, and handles ("at kez underscore b") are gold
whole. Decided here: an age band with no number said ("in her early thirties", "in his sixties") is
NOT an age; a few such sentences, and others that only look like identifiers (a weekday alone, a
duration), are planted with no gold to keep precision honest. Real names already in the interview
hosts are gold of kind ``host_person``. Speaker labels are recorded as (label, is a name): some are
roles ("Interviewer", "P07"), some pseudonym names a study would still replace ("Gwen", "Tunde").

    PYTHONPATH=src python bench/deid_evalset_eighth.py [--seed N]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from random import Random

sys.path.insert(0, str(Path(__file__).resolve().parent))

import deid_evalset_eighth_hosts as hosts  # noqa: E402
import deid_evalset_eighth_talk as talk  # noqa: E402
from deid_evalset import KINDS, Doc, Span  # noqa: E402
from deid_evalset_eighth_values import SLOTS, mark  # noqa: E402

SEED = 88888888
#: Identifiers planted per interview and per comment page (a sentence may plant more than asked).
INTERVIEW_BUDGET = 12
PAGE_BUDGET = 9
PAGE_SIZE = 10
#: Relative share of each kind among planted identifiers (1.0 is the plain share).
SHARE = {kind: 1.0 for kind in KINDS} | {"person": 1.7, "place": 1.3, "relative": 1.2, "age": 1.3, "date": 1.3,
                                           "health_org": 1.3, "workplace": 1.1}
#: (interviewer, participant) labels, each (label, is a name).
INTERVIEW_LABELS: list[tuple[tuple[str, bool], tuple[str, bool]]] = [
    (("Interviewer", False), ("Participant", False)), (("INT", False), ("P07", False)),
    (("Researcher", False), ("Respondent 12", False)), (("Gwen", True), ("Tunde", True)),
    (("I", False), ("R", False)), (("Interviewer", False), ("Marguerite", True)),
    (("Facilitator", False), ("Carer 3", False)), (("Siobhan", True), ("Participant 21", False)),
    (("Q", False), ("A", False)), (("Int", False), ("Wiktoria", True)),
    (("Interviewer 2", False), ("Mr Sutcliffe", True)), (("Researcher", False), ("Young person 4", False)),
]
#: Labels for the Zoom group's speakers, the presenter first.
GROUP_LABELS: list[tuple[str, bool]] = [("Facilitator", False), ("Ifeoma", True), ("Member 2", False),
                                        ("Bartek", True), ("Member 4", False), ("Yusra", True)]
FILLERS = ["", "", "", "yeah, ", "erm ", "I mean, ", "so, like, ", "and, er, ", "um, ", "well, ", "to be honest, "]
JOINS = [". ", ". ", ", and ", " and then ", "... ", ". And "]
_MARK = re.compile(r"⟦([a-z_]+)\|([^⟧]*)⟧")
_SLOT = re.compile(r"\{(\w+)\}")
_SLOT_KINDS = {name: kind for name, (kind, _) in SLOTS.items()}


class Planter:
    """Fills sentences, choosing each time the kind furthest below its share."""

    def __init__(self, rng: Random) -> None:
        self.rng = rng
        self.planted: Counter[str] = Counter()

    def _next_kind(self) -> str:
        low = min(self.planted[k] / SHARE[k] for k in KINDS)
        return self.rng.choice([k for k in KINDS if self.planted[k] / SHARE[k] <= low + 0.5])

    def sentence(self, templates: Sequence[str], spoken: bool) -> str:
        kind = self._next_kind()
        fitting = [t for t in templates if kind in {_SLOT_KINDS[s] for s in _SLOT.findall(t)}] or list(templates)
        text = _SLOT.sub(lambda m: SLOTS[m.group(1)][1](self.rng, spoken), self.rng.choice(fitting))
        self.planted.update(k for k, _ in _MARK.findall(text))
        return text

    def spoken(self, count: int) -> tuple[str, int]:
        """A participant's run of planted sentences holding at least ``count`` identifiers."""
        parts: list[str] = []
        planted = 0
        while planted < count:
            sentence = self.sentence(talk.SPOKEN, True)
            planted += len(_MARK.findall(sentence))
            parts.append(sentence)
        filler = self.rng.choice(FILLERS)
        text = (filler if not parts[0].lower().startswith(("erm", "um", "so ", "well", "yeah")) else "") + parts[0]
        for part in parts[1:]:
            text += self.rng.choice(JOINS) + part
        if self.rng.random() < 0.6 and text[0].isalpha():
            text = text[0].upper() + text[1:]
        return text + self.rng.choice([".", ".", "...", ", so yeah.", ", you know."]), planted


class Writer:
    """One document's text, turns and gold, from marked turn texts."""

    def __init__(self) -> None:
        self.text = ""
        self.turns: list[tuple[str | None, int, int]] = []
        self.gold: list[Span] = []

    def turn(self, label: str | None, marked: str) -> None:
        if self.text:
            self.text += "\n"
        start = len(self.text)
        at = 0
        for m in _MARK.finditer(marked):
            self.text += marked[at:m.start()]
            begin = len(self.text)
            self.text += m.group(2)
            self.gold.append(Span(begin, len(self.text), m.group(1), m.group(2)))
            at = m.end()
        self.text += marked[at:]
        self.turns.append((label, start, len(self.text)))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _host(text: str) -> str:
    """A host turn with its real names marked."""
    return hosts.HOST_NAME_RE.sub(lambda m: mark("host_person", m.group()), text)


def _interview(name: str, source: str, turns: Sequence[hosts.Turn], planter: Planter, rng: Random,
               zoom: bool) -> Doc:
    if zoom:
        order = list(dict.fromkeys(s for s, _ in turns))
        pool = [GROUP_LABELS[0], *rng.sample(GROUP_LABELS[1:], len(GROUP_LABELS) - 1)]
        labels = {s: pool[i % len(pool)] for i, s in enumerate(sorted(order, key=lambda s: s != "Conor Healy"))}
        asker, answerer = labels.get("Conor Healy", pool[0]), pool[1]
        answers = {s for s in order if s != "Conor Healy"}
    else:
        asker, answerer = rng.choice(INTERVIEW_LABELS)
        labels = {"Dan": asker, "Participant": answerer}
        answers = {"Participant"}
    writer = Writer()
    budget = INTERVIEW_BUDGET
    decoy = rng.random() < 0.5
    slots = max(1, sum(s in answers for s, _ in turns))
    for speaker, text in turns:
        label = labels[speaker][0] if speaker in labels else asker[0]
        body = _host(text)
        if speaker in answers:
            slots -= 1
            if budget > 0 and rng.random() < min(1.0, budget / 2 / max(1, slots)):
                planted, n = planter.spoken(rng.choice([1, 1, 2]))
                budget -= n
                body = body + " " + planted if rng.random() < 0.6 else planted + " " + body
            elif decoy:
                body += " " + _capital(talk.DECOYS[rng.randrange(len(talk.DECOYS))]) + "."
                decoy = False
        writer.turn(label, body)
        if budget > 2 and rng.random() < 0.12:
            budget -= _exchange(writer, planter, rng, asker[0], answerer[0])
    while budget > 0:
        budget -= _exchange(writer, planter, rng, asker[0], answerer[0])
    used = dict.fromkeys(lab for lab, _, _ in writer.turns)
    names = dict([*labels.values(), asker, answerer])
    return Doc(name=name, source=source, turns=writer.turns, text=writer.text, gold=writer.gold,
               speakers=[(lab, names[lab]) for lab in used if lab is not None])


def _exchange(writer: Writer, planter: Planter, rng: Random, asker: str, answerer: str) -> int:
    """A new question and answer; returns the identifiers planted."""
    if rng.random() < 0.35:
        question = planter.sentence(talk.PROBES, True)
    else:
        question = rng.choice(["Can you tell me a bit more about that?", "And how was that for you?",
                               "Mm. What happened next?", "OK. And who else was involved?", "Right, go on."])
    answer, n = planter.spoken(rng.choice([1, 2, 2, 3]))
    writer.turn(asker, question)
    writer.turn(answerer, answer)
    return n + len(_MARK.findall(question))


def _page(name: str, comments: Sequence[str], planter: Planter, rng: Random) -> Doc:
    writer = Writer()
    budget = PAGE_BUDGET
    for i, comment in enumerate(comments):
        left = len(comments) - i
        if budget > 0 and rng.random() < min(1.0, budget / left):
            sentence = planter.sentence(talk.WRITTEN, False)
            budget -= len(_MARK.findall(sentence))
            comment = comment + " " + sentence if rng.random() < 0.7 else sentence + " " + comment
        writer.turn(None, comment)
        if budget > 1 and rng.random() < 0.2:
            sentence = planter.sentence(talk.WRITTEN, False)
            budget -= len(_MARK.findall(sentence))
            writer.turn(None, sentence)
    return Doc(name=name, source="nhs/" + hosts.NHS.name, turns=writer.turns, text=writer.text, gold=writer.gold)


def build(seed: int = SEED) -> list[Doc]:
    """The part's documents: interviews first, then comment pages. Same seed, same documents."""
    rng = Random(seed)
    planter = Planter(rng)
    runs = [(source, turns, False) for source, turns in hosts.pdpilot_chunks()]
    runs += [(source, turns, True) for source, turns in hosts.zoom_chunks()]
    docs = [_interview(f"eighth-interview-{i:02d}", source, turns, planter, rng, zoom)
            for i, (source, turns, zoom) in enumerate(runs)]
    comments = list(hosts.nhs_comments())
    rng.shuffle(comments)
    pages = round(len(docs) * 2 / 3)
    docs += [_page(f"eighth-comments-{i:02d}", comments[i * PAGE_SIZE:(i + 1) * PAGE_SIZE], planter, rng)
             for i in range(pages)]
    return docs


def counts(docs: Sequence[Doc]) -> dict[str, int]:
    """Gold identifiers per kind (``host_person`` included), in ``KINDS`` order."""
    found = Counter(g.kind for d in docs for g in d.gold)
    return {k: found[k] for k in (*KINDS, "host_person") if found[k]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    docs = build(args.seed)
    labels = Counter((label, is_name) for d in docs for label, is_name in d.speakers)
    print(json.dumps({
        "seed": args.seed, "documents": len(docs),
        "interviews": sum(d.name.startswith("eighth-interview") for d in docs),
        "comment_pages": sum(d.name.startswith("eighth-comments") for d in docs),
        "words": sum(len(d.text.split()) for d in docs), "gold": sum(len(d.gold) for d in docs),
        "per_kind": counts(docs),
        "speaker_labels": [{"label": lab, "is_name": n, "documents": c} for (lab, n), c in labels.most_common()],
    }, indent=2))


if __name__ == "__main__":
    main()
