"""The tenth de-identification evaluation part, written apart from the detector and the other parts.

This module owns the host texts and the assembly of the part: real text read on each run from
``../shared/data`` (nothing copied), with identifiers of every kind planted by
``deid_evalset_tenth_values`` in sentences of ``deid_evalset_tenth_lines``.

Hosts. Interviews (about 60 % of documents): the SECOND halves of the seven PDPilot transcripts (their
later pages, read with pypdf and cut into turns here at each "Dan:"/"Participant:" line), in runs of turns, each given a pair of speaker labels (roles, codes or first names a study would
pseudonymise), and the Zoom recording's live captions (no speaker names, so no labels). Comment pages:
NEAS "111" and "See and Convey" comments of the NHS v6 file and Trust B comments of the NHS phase-1 file,
kept only when no capitalised word follows their first word (so no real staff or place goes ungolded).
Host turns naming a product or a neighbourhood of the host study ("Amazon", "Zillow", "Edwards") or a
redaction mark are left out. Real names that remain in host text (the PDPilot interviewer, the Zoom
class's members) are gold under the kind ``host_person``.

Gold conventions (as the scorer expects): a possessive's gold is the name without "'s"; a relative's is
the name alone; a titled person's is the name after the title; an age's is the number in digits or words;
a date's leaves out a leading "the"; a street's includes its house or flat number; an organisation's
leaves out a leading "the"; e-mails, links, phone and NHS numbers said aloud are gold whole, and so is
a handle said aloud ("at jaz underscore ..."). See ``deid_evalset_tenth_lines`` for what counts as an age.

    PYTHONPATH=src python bench/deid_evalset_tenth.py    # counts per kind, documents, words, labels
"""

from __future__ import annotations

import csv
import functools
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import deid_evalset_tenth_lines as lines  # noqa: E402
import deid_evalset_tenth_values as values  # noqa: E402
from deid_evalset import KINDS, Doc, Span  # noqa: E402

from cotheme.formats.captions import read_vtt  # noqa: E402

SEED = 10101010
DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
PDPILOT = DATA / "transcripts-open" / "pdpilot-user-study"
CAPTIONS = DATA / "captions-vtt" / "GMT20240124-202901_Recording.cc.vtt"
NHS_V6 = DATA / "coded-datasets" / "nhs-patient-experience" / "v6framework_230831.csv"
NHS_PHASE1 = DATA / "coded-datasets" / "nhs-patient-experience" / "phase1_text_data.csv"
#: Real names in the host stretches used here, read off the files.
HOST_NAMES = ["Melissa Coe", "Shihar Shujani", "Daniel", "Ryan", "Connor", "Dan"]
SKIP_HOST = re.compile(r"Amazon|Zillow|Edwards|XXXX|\(unintelligible\)$|(?:\d+ ){8}")  # the last: PDF line numbers
#: (interviewer label, participant label), each with whether it is a name.
LABELS = [(("Interviewer", False), ("Respondent", False)), (("INT", False), ("P07", False)),
          (("Researcher", False), ("Hodan", True)), (("Q", False), ("A", False)),
          (("Facilitator", False), ("Kasia", True)), (("Ruth", True), ("Young person", False)),
          (("Interviewer 2", False), ("Mahad", True)), (("Sarah M", True), ("Participant 14", False)),
          (("Peer researcher", False), ("Doreen", True)), (("IV", False), ("Tiernan", True)),
          (("Interviewer", False), ("Ionut", True)), (("R1", False), ("Service user", False))]
RUN = 16  # host turns per interview document
COMMENTS_PER_PAGE = 26
LOWER_KINDS = {"person", "nickname", "possessive", "relative", "place", "street", "health_org", "school", "workplace"}
OPENERS = ["", "", "", "erm, ", "yeah, ", "I mean ", "like, ", "so ", "and, um, ", "honestly, ", "oh and "]
CLOSERS = ["", "", "", ", you know", ", yeah", ", if that makes sense", ", so", " and that", ", innit"]
SLOT = re.compile(r"\{(\w+)(?::(\w+))?\}")


class Planter:
    """Fills sentences with identifiers, choosing sentences so that every kind is planted about evenly."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.counts: Counter[str] = Counter({k: 0 for k in KINDS})
        self.used: Counter[str] = Counter()

    def pick(self, pool: list[str]) -> str:
        low = min(self.counts.values())
        wanted = [k for k, n in self.counts.items() if n <= low + 3]
        kind = self.rng.choice(wanted)
        fits = [t for t in pool if "{" + kind in t] or pool
        least = min(self.used[t] for t in fits)  # sentences used least so far, so none comes round too often
        chosen = self.rng.choice([t for t in fits if self.used[t] == least])
        self.used[chosen] += 1
        return chosen

    def fill(self, template: str, spoken: bool) -> tuple[str, list[tuple[int, int, str]]]:
        """The sentence and its gold spans (offsets within the sentence)."""
        out, gold, at = [], [], 0
        for m in SLOT.finditer(template):
            out.append(template[at:m.start()])
            kind, form = m.group(1), m.group(2) or ""
            lead, value, tail = values.MAKERS[kind](self.rng, form)
            if spoken and kind in LOWER_KINDS and self.rng.random() < 0.1:
                value = value.lower()
            out.append(lead)
            start = sum(map(len, out))
            gold.append((start, start + len(value), kind))
            out.extend([value, tail])
            self.counts[kind] += 1
            at = m.end()
        out.append(template[at:])
        text = "".join(out)
        if spoken:
            opener, closer = self.rng.choice(OPENERS), self.rng.choice(CLOSERS)
            gold = [(s + len(opener), e + len(opener), k) for s, e, k in gold]
            text = opener + text + closer
        return text[:1].upper() + text[1:], gold


def _finish(text: str) -> str:
    """A sentence ended with a full stop unless it already ends a sentence."""
    return text if text[-1:] in ".?!'" else text + "."


class Builder:
    """Assembles one document turn by turn, keeping gold offsets into the whole text."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.turns: list[tuple[str | None, int, int]] = []
        self.gold: list[tuple[int, int, str]] = []
        self.length = 0

    def turn(self, label: str | None, pieces: list[tuple[str, list[tuple[int, int, str]]]]) -> None:
        if self.parts:
            self.parts.append("\n")
            self.length += 1
        begin = self.length
        for i, (text, gold) in enumerate(pieces):
            if i:
                self.parts.append(" ")
                self.length += 1
            self.gold.extend((self.length + s, self.length + e, k) for s, e, k in gold)
            self.parts.append(text)
            self.length += len(text)
        self.turns.append((label, begin, self.length))

    def doc(self, name: str, source: str, speakers: list[tuple[str, bool]]) -> Doc:
        text = "".join(self.parts)
        spans = [Span(s, e, k, text[s:e]) for s, e, k in sorted(self.gold)]
        return Doc(name=name, source=source, turns=self.turns, text=text, gold=spans, speakers=speakers)


def host_names(text: str) -> list[tuple[int, int, str]]:
    """Real names already in a host stretch, gold as ``host_person`` (longest first, no overlaps)."""
    found: list[tuple[int, int, str]] = []
    for name in HOST_NAMES:
        for m in re.finditer(rf"\b{re.escape(name)}\b", text):
            if not any(s < m.end() and m.start() < e for s, e, _ in found):
                found.append((m.start(), m.end(), "host_person"))
    return found


@functools.cache
def interview_runs() -> tuple[tuple[str, tuple[tuple[bool, str], ...]], ...]:
    """Runs of (is the interviewer, text) turns from the pages of the second half of each PDPilot
    transcript: page numbers dropped, wrapped lines joined, turns cut at each "Dan:" or "Participant:"
    line; the fragment before the first label (a turn begun on an earlier page) is left out."""
    from pypdf import PdfReader

    runs = []
    for i in range(1, 8):
        reader = PdfReader(PDPILOT / f"P{i}.pdf")
        pages = [page.extract_text() for page in reader.pages[len(reader.pages) // 2:]]
        text = "\n".join(line for page in pages for line in page.replace("\t", " ").splitlines()
                         if not re.fullmatch(r"\s*\d+/\d+\s*", line))
        parts = re.split(r"(?m)^(Dan|Participant):", text)
        turns = [(who == "Dan", " ".join(said.split())) for who, said in zip(parts[1::2], parts[2::2], strict=True)]
        turns = [(who, said) for who, said in turns if said and not SKIP_HOST.search(said)]
        for k in range(0, len(turns) - RUN // 2, RUN):
            runs.append((f"PDPilot P{i} second half, turns {k}-{k + RUN}", tuple(turns[k:k + RUN])))
    return tuple(runs)


@functools.cache
def caption_runs() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The Zoom live captions as two documents, every three cues one turn (the captions name no speaker)."""
    parsed = read_vtt(CAPTIONS.name, CAPTIONS.read_bytes())
    cues = [" ".join(parsed.text[t.start:t.end].split()) for t in parsed.turns]
    joined = [" ".join(cues[k:k + 3]) for k in range(0, len(cues), 3)]
    half = len(joined) // 2
    return (("Zoom live captions, first half", tuple(joined[:half])), ("Zoom live captions, second half", tuple(joined[half:])))


ALLOWED_CAPS = {"I", "I'm", "I've", "I'd", "I'll", "A&E", "NHS", "GP", "OK", "111", "999"}


def _clean_comment(text: str) -> bool:
    """A comment of 6-70 words with no capitalised word after its first but "I", "NHS", "A&E" and the like."""
    words = text.split()
    return 6 <= len(words) <= 70 and not any(w[:1].isupper() and w.strip(".,!?;:()") not in ALLOWED_CAPS
                                              for w in words[1:])


@functools.cache
def comment_pages() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Pages of clean comments: six each of NEAS 111 and See-and-Convey (v6 file), five of Trust B (phase 1)."""
    with NHS_V6.open(encoding="utf-8", errors="replace", newline="") as f:
        rows = list(csv.DictReader(f))
    pages = []
    for service in ("111", "See and Convey"):
        picked = [" ".join(r["FFT answer"].split()) for r in rows
                  if r["Trust"] == "NEAS" and r["Service type 1"].strip() == service and _clean_comment(r["FFT answer"])]
        step = COMMENTS_PER_PAGE
        for k in range(0, min(len(picked), step * 6), step):
            pages.append((f"NHS v6 NEAS {service} comments {k}-{k + step}", tuple(picked[k:k + step])))
    with NHS_PHASE1.open(encoding="utf-8", errors="replace", newline="") as f:
        trust_b = [" ".join(r["feedback"].split()) for r in csv.DictReader(f)
                   if r["organization"] == "Trust B" and _clean_comment(r["feedback"])]
    trust_b = trust_b[3::5]  # the file runs in alphabetical order; every 5th comment spreads the pages out
    for k in range(0, COMMENTS_PER_PAGE * 5, COMMENTS_PER_PAGE):
        pages.append((f"NHS phase-1 Trust B comments {k}-{k + COMMENTS_PER_PAGE}", tuple(trust_b[k:k + COMMENTS_PER_PAGE])))
    return tuple((source, page) for source, page in pages if page)


def _interview(planter: Planter, rng: random.Random, turns: list[tuple[bool | None, str]],
               labels: tuple[tuple[str, bool], tuple[str, bool]] | None, name: str, source: str) -> Doc:
    b = Builder()
    for who, host in turns:
        label = None if labels is None or who is None else labels[0 if who else 1][0]
        pieces = [(host, host_names(host))]
        if who:  # interviewer
            if rng.random() < 0.2:
                pieces.append(planter.fill(planter.pick(lines.ASKING), spoken=False))
            b.turn(label, pieces)
            continue
        for _ in range(rng.choice([0, 0, 0, 1, 1, 1, 2])):
            pool = lines.READ if rng.random() < 0.2 else lines.SPOKEN
            text, gold = planter.fill(planter.pick(pool), spoken=True)
            pieces.append((_finish(text), gold))
        b.turn(label, pieces)
        if labels is not None and rng.random() < 0.12:  # a follow-up exchange made of planted turns only
            b.turn(labels[0][0], [planter.fill(planter.pick(lines.ASKING), spoken=False)])
            text, gold = planter.fill(planter.pick(lines.SPOKEN), spoken=True)
            b.turn(labels[1][0], [(_finish(text), gold)])
    speakers = list(labels) if labels is not None else []
    return b.doc(name, source, speakers)


def _page(planter: Planter, rng: random.Random, comments: tuple[str, ...], name: str, source: str) -> Doc:
    b = Builder()
    for host in comments:
        pieces = [(host, host_names(host))]
        if rng.random() < 0.4:
            pieces.append(planter.fill(planter.pick(lines.WRITTEN), spoken=False))
        b.turn(None, pieces)
        if rng.random() < 0.15:
            b.turn(None, [planter.fill(planter.pick(lines.WRITTEN), spoken=False)])
    return b.doc(name, source, [])


def build(seed: int = SEED) -> list[Doc]:
    """The part's documents, the same for the same seed."""
    rng = random.Random(seed)
    planter = Planter(rng)
    docs: list[Doc] = []
    runs = interview_runs()
    for n, (source, turns) in enumerate(runs):
        labels = LABELS[n % len(LABELS)]
        docs.append(_interview(planter, rng, [(who, t) for who, t in turns], labels, f"tenth-interview-{n + 1:02d}", source))
    for n, (source, cues) in enumerate(caption_runs()):
        docs.append(_interview(planter, rng, [(False, c) for c in cues], None, f"tenth-captions-{n + 1}", source))
    for n, (source, comments) in enumerate(comment_pages()):
        docs.append(_page(planter, rng, comments, f"tenth-comments-{n + 1:02d}", source))
    return docs


def counts(docs: list[Doc]) -> dict[str, int]:
    """Gold identifiers per kind (``host_person`` last)."""
    c = Counter(g.kind for d in docs for g in d.gold)
    return {k: c[k] for k in (*KINDS, "host_person")}


if __name__ == "__main__":
    built = build()
    print(json.dumps({"counts": counts(built), "total": sum(counts(built).values()), "documents": len(built),
                      "interviews": sum(d.name.startswith(("tenth-interview", "tenth-captions")) for d in built),
                      "words": sum(len(d.text.split()) for d in built),
                      "speaker_labels": sorted({f"{label} ({'name' if is_name else 'role'})" for d in built
                                                for label, is_name in d.speakers})}, indent=2))
