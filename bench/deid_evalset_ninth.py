"""The NINTH de-identification evaluation part, written apart from the detector: real host text from
``../shared/data`` with planted identifiers of every kind and exact gold spans, built at run time.

Hosts (read on each run, never copied): stretches of the PDPilot interviews P2, P4 and P1 taken after
their first quarter, relabelled with this part's own speaker labels (some of them names, as a study would
pseudonymise them); the Zoom *live captions* (``.cc.vtt``, no speaker names) regrouped into turns; and
Friends-and-Family comments of the NHFT trust (v6 file) from its forensic, mental-health and community
services. Host turns or comments that name a real person (the PDPilot interviewer, the Zoom speakers),
hold a redaction ("XXXX"), or, for comments, a capital word after their first one, are left out so that
every identifier in the text is a gold one.

Planting: interviews take spoken sentences (fillers, false starts, repeated words, numbers said in words
or as digits, lower case, e-mails, numbers and links said aloud) inside participant turns and in
exchanges of their own; comment pages take written ones. Kinds are drawn from a balanced, shuffled
queue so that each of ``KINDS`` gets at least 25 instances. Gold conventions: see
``deid_evalset_ninth_lines``. ``python bench/deid_evalset_ninth.py`` prints counts as JSON.
"""

from __future__ import annotations

import csv
import json
import random
import re
import sys
from collections import Counter
from functools import lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import deid_evalset_ninth_lines as lines  # noqa: E402
import deid_evalset_ninth_values as values  # noqa: E402
from deid_evalset import KINDS, Doc, Span  # noqa: E402

from cotheme.formats.captions import read_vtt  # noqa: E402
from cotheme.formats.pdf import read_pdf  # noqa: E402

SEED = 99999999
DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
PDPILOT = DATA / "transcripts-open" / "pdpilot-user-study"
PDPILOT_FILES = ("P2", "P4", "P1")
CAPTIONS = DATA / "captions-vtt" / "GMT20240124-202901_Recording.cc.vtt"
NHS = DATA / "coded-datasets" / "nhs-patient-experience" / "v6framework_230831.csv"
NHS_TRUST = "NHFT"
NHS_SERVICES = ("Forensic", "Local partnerships- MH", "Community health services")
#: Real names and an employer in the host files (read off them): a host turn holding one is not used.
HOST_NAMES = re.compile(r"\b(Amazon|Siri|Dan|Daniel|Ryan|Shujani|Shihar|Melissa|Conor|Connor|Srijani|Shreeharsh|Dr)\b|XX")
#: Capital words a comment may hold after its first word without naming anyone.
ALLOWED_CAPS = {"I", "I'm", "I've", "I'd", "I'll", "NHS", "GP", "A&E", "OK", "TV", "PTS", "NB", "ADHD", "COVID"}
#: Speaker-label pairs (interviewer, participant) and whether each is a name.
LABELS = [(("Interviewer", False), ("Participant", False)), (("INT", False), ("P09", False)),
          (("Researcher", False), ("Respondent", False)), (("Morag", True), ("Gethin", True)),
          (("IV", False), ("R3", False)), (("Facilitator", False), ("Peer researcher", False)),
          (("Interviewer", False), ("Siobhan", True)), (("Dr Okoro", True), ("Participant", False)),
          (("Q", False), ("A", False)), (("Ewan Mackie", True), ("Interviewee", False)),
          (("Int 2", False), ("Jago", True)), (("Researcher (KD)", False), ("Service user", False))]
INTERVIEWS_PER_FILE, CAPTION_DOCS, COMMENT_PAGES, COMMENTS_PER_PAGE = 6, 4, 14, 30
PLANTS_INTERVIEW, PLANTS_PAGE = 27, 19
SLOT = re.compile(r"\{(\w+)(?:/(\w+))?\}")


@lru_cache(maxsize=1)
def interview_hosts() -> tuple[tuple[str, tuple[tuple[bool, str], ...]], ...]:
    """(file name, turns as (is the interviewer, text)) for each PDPilot host after its first quarter."""
    out = []
    for name in PDPILOT_FILES:
        parsed = read_pdf(f"{name}.pdf", (PDPILOT / f"{name}.pdf").read_bytes())
        turns = [(t.speaker == "Dan", parsed.text[t.start:t.end]) for t in parsed.turns if t.speaker]
        out.append((name, tuple(turns[len(turns) // 4:])))
    return tuple(out)


@lru_cache(maxsize=1)
def caption_cues() -> tuple[str, ...]:
    parsed = read_vtt(CAPTIONS.name, CAPTIONS.read_bytes())
    return tuple(parsed.text[t.start:t.end] for t in parsed.turns)


def clean_comment(text: str) -> bool:
    words = text.split()
    if not 6 <= len(words) <= 90 or HOST_NAMES.search(text) or re.search(r"\d{4,}|@|www|http", text):
        return False
    return all(not w[0].isupper() or w.strip(".,!?;:()'\"") in ALLOWED_CAPS for w in words[1:])


@lru_cache(maxsize=1)
def comment_hosts() -> tuple[str, ...]:
    with NHS.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle)
                if r["Trust"] == NHS_TRUST and r["Service type 1"] in NHS_SERVICES]
    texts = [" ".join(r["FFT answer"].split()) for r in rows]
    return tuple(t for i, t in enumerate(texts) if i % 3 != 0 and clean_comment(t))


def sentence(kind: str, rng: random.Random, spoken: bool) -> tuple[str, list[tuple[int, int, str]]]:
    """One planted sentence whose main slot is ``kind``, with its gold spans (offsets in the sentence)."""
    template = rng.choice((lines.SPOKEN if spoken else lines.WRITTEN)[kind])
    out, gold, at = "", [], 0
    for match in SLOT.finditer(template):
        out += template[at:match.start()]
        value = values.make(match.group(1), match.group(2) or "", rng)
        gold.append((len(out), len(out) + len(value), match.group(1)))
        out += value
        at = match.end()
    out += template[at:]
    if spoken:
        opener = rng.choice(lines.OPENERS)
        if gold and gold[0][0] == 0 and opener == "":
            opener = rng.choice(["so ", "and ", "yeah "])
        out = opener + out.rstrip(".") + rng.choice(lines.CLOSERS)
        gold = [(s + len(opener), e + len(opener), k) for s, e, k in gold]
        if out[0].islower() and rng.random() < 0.5 and not (gold and gold[0][0] == 0):
            out = out[0].upper() + out[1:]
    return out, gold


class Page:
    """A document being written: turns appended one at a time, gold spans kept in document offsets."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.turns: list[tuple[str | None, int, int]] = []
        self.gold: list[Span] = []

    def add(self, label: str | None, pieces: list[tuple[str, list[tuple[int, int, str]]]]) -> None:
        start = self.length + (1 if self.parts else 0)
        text = ""
        for piece, gold in pieces:
            sep = " " if text and piece else ""
            base = start + len(text) + len(sep)
            text += sep + piece
            self.gold.extend(Span(base + s, base + e, k, piece[s:e]) for s, e, k in gold)
        if self.parts:
            self.parts.append("\n")
        self.parts.append(text)
        self.length = start + len(text)
        self.turns.append((label, start, self.length))

    def doc(self, name: str, source: str, speakers: list[tuple[str, bool]]) -> Doc:
        return Doc(name=name, source=source, turns=self.turns, text="".join(self.parts), gold=self.gold,
                   speakers=speakers)


def split_sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.?!])\s+", text) if s]


def mix(host: str, planted: list[tuple[str, list[tuple[int, int, str]]]], rng: random.Random) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """Host sentences with planted ones slipped in between them at random places."""
    pieces: list[tuple[str, list[tuple[int, int, str]]]] = [(s, []) for s in split_sentences(host)]
    for item in planted:
        pieces.insert(rng.randint(0, len(pieces)), item)
    return pieces


def interview(page: Page, host: list[tuple[bool, str]], kinds: list[str], rng: random.Random,
              labels: tuple[str, str]) -> None:
    """Host turns relabelled, planted talk inside participant turns and in exchanges of its own."""
    asker, teller = labels
    todo = [sentence(k, rng, spoken=True) for k in kinds]
    tellers = sum(not is_asker for is_asker, _ in host)
    for is_asker, text in host:
        if is_asker:
            page.add(asker, [(text, [])])
            continue
        share = min(len(todo), rng.randint(0, 2) if tellers > 1 else len(todo))
        page.add(teller, mix(text, [todo.pop() for _ in range(share)], rng))
        tellers -= 1
        if todo and rng.random() < 0.5:
            page.add(asker, [(rng.choice(lines.PROMPTS), [])])
            take = [todo.pop() for _ in range(min(len(todo), rng.randint(1, 3)))]
            if rng.random() < 0.4:
                take.insert(rng.randint(0, len(take)), (rng.choice(lines.FILLER), []))
            page.add(teller, take)
    while todo:
        page.add(asker, [(rng.choice(lines.PROMPTS), [])])
        page.add(teller, [todo.pop() for _ in range(min(len(todo), 2))])


def host_runs(turns: tuple[tuple[bool, str], ...], count: int) -> list[tuple[int, list[tuple[bool, str]]]]:
    """The usable turns (at most 24 sentences each) cut into ``count`` runs of about equal length."""
    usable = [(i, a, " ".join(split_sentences(t)[:24])) for i, (a, t) in enumerate(turns) if not HOST_NAMES.search(t)]
    share = sum(len(t.split()) for _, _, t in usable) / count
    runs: list[tuple[int, list[tuple[bool, str]]]] = []
    words = 0.0
    for i, is_asker, text in usable:
        if not runs or (words >= share and len(runs) < count):
            runs.append((i, []))
            words = 0.0
        runs[-1][1].append((is_asker, text))
        words += len(text.split())
    return runs


def build(seed: int = SEED) -> list[Doc]:
    """The part's documents, the same for the same seed."""
    rng = random.Random(seed)
    n_interviews = INTERVIEWS_PER_FILE * len(PDPILOT_FILES) + CAPTION_DOCS
    total = n_interviews * PLANTS_INTERVIEW + COMMENT_PAGES * PLANTS_PAGE
    queue = [KINDS[i % len(KINDS)] for i in range(total)]
    rng.shuffle(queue)
    docs: list[Doc] = []
    for name, turns in interview_hosts():
        for first, run in host_runs(turns, INTERVIEWS_PER_FILE):
            (asker, a_name), (teller, t_name) = rng.choice(LABELS)
            page = Page()
            interview(page, run, [queue.pop() for _ in range(PLANTS_INTERVIEW)], rng, (asker, teller))
            docs.append(page.doc(f"ninth-{name}-{first}", f"pdpilot/{name}.pdf turns {first}+",
                                 [(asker, a_name), (teller, t_name)]))
    cues = [c for c in caption_cues() if not HOST_NAMES.search(c)]
    per_doc = len(cues) // CAPTION_DOCS
    for d in range(CAPTION_DOCS):
        chunk = cues[d * per_doc:(d + 1) * per_doc]
        run, i = [], 0
        while i < len(chunk):
            size = rng.randint(2, 5)
            run.append((len(run) % 2 == 1, " ".join(chunk[i:i + size])))
            i += size
        (asker, a_name), (teller, t_name) = rng.choice(LABELS)
        page = Page()
        interview(page, run, [queue.pop() for _ in range(PLANTS_INTERVIEW)], rng, (asker, teller))
        docs.append(page.doc(f"ninth-captions-{d}", f"captions-vtt/{CAPTIONS.name} cues {d * per_doc}+",
                             [(asker, a_name), (teller, t_name)]))
    comments = list(comment_hosts())
    start = rng.randrange(len(comments) - COMMENT_PAGES * COMMENTS_PER_PAGE)
    for p in range(COMMENT_PAGES):
        page = Page()
        todo = [sentence(queue.pop(), rng, spoken=False) for _ in range(PLANTS_PAGE)]
        for c in range(COMMENTS_PER_PAGE):
            text = comments[start + p * COMMENTS_PER_PAGE + c]
            left = COMMENTS_PER_PAGE - c
            share = len(todo) if left == 1 else min(len(todo), rng.randint(1, 3))
            planted = [todo.pop() for _ in range(share)]
            if rng.random() < 0.5:
                page.add(None, [(text, [])] + planted)
            else:
                page.add(None, mix(text, planted, rng))
        docs.append(page.doc(f"ninth-comments-{p}", f"nhs v6 {NHS_TRUST} comments", []))
    return docs


def counts(docs: list[Doc]) -> dict[str, int]:
    """Gold identifiers per kind (every kind listed, zero included)."""
    found = Counter(g.kind for d in docs for g in d.gold)
    return {k: found.get(k, 0) for k in KINDS}


if __name__ == "__main__":
    built = build()
    print(json.dumps({"counts": counts(built), "total": sum(counts(built).values()), "documents": len(built),
                      "interviews": sum(bool(d.speakers) for d in built),
                      "words": sum(len(d.text.split()) for d in built),
                      "speaker_labels": sorted({f"{label} ({'name' if is_name else 'role'})"
                                                for d in built for label, is_name in d.speakers})}, indent=1))
