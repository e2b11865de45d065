"""The eleventh de-identification evaluation part, written apart from the detector and from the other
parts' builders: identifiers of every kind planted into real host text read from ``../shared/data``.

Hosts: interviews are runs of turns from the middle halves of PDPilot P3, P5, P6 and P7 and runs of cues
from the Zoom audio transcript (``.transcript.vtt``, with its real speakers' names); comment pages are
Patient Transport (NEAS) and community-health (NHFT) comments of the NHS v6 file and Trust C comments
of the phase-1 file, keeping only comments with no capital letter inside a sentence (so no real name
or place stands in them unmarked) and no long numbers, ``@`` or links.

Planted lines (``deid_evalset_eleventh_lines``) and values (``deid_evalset_eleventh_values``) are this
part's own. Gold conventions: a possessive's gold is the name without "'s"; a relative's is the name
only; a titled person's is the name after the title; an age's is the number (digits or words, never
"-year-old"); only a said number is an age, so decades ("in her forties") are not planted at all; a
date's gold has no leading "the"; a street's includes its house or flat number; an organisation's
leaves out a leading "the"; spoken e-mails, links, phone and NHS numbers are gold whole. Real names
already in the hosts (PDPilot's interviewer, the Zoom speakers) are gold ``host_person`` spans.

    PYTHONPATH=src python bench/deid_evalset_eleventh.py
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

import deid_evalset_eleventh_lines as lines  # noqa: E402
import deid_evalset_eleventh_values as v  # noqa: E402
from deid_evalset import KINDS, Doc, Span  # noqa: E402

from cotheme.formats.captions import read_vtt  # noqa: E402
from cotheme.formats.pdf import read_pdf  # noqa: E402

SEED = 11111111
DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
PDPILOT = DATA / "transcripts-open" / "pdpilot-user-study"
ZOOM = DATA / "captions-vtt" / "GMT20240124-202901_Recording.transcript.vtt"
NHS_V6 = DATA / "coded-datasets" / "nhs-patient-experience" / "v6framework_230831.csv"
PHASE1 = DATA / "coded-datasets" / "nhs-patient-experience" / "phase1_text_data.csv"
#: The PDPilot transcripts used as interview hosts (each PDF costs ~0.7 s to read).
PDPILOT_FILES = ("P3", "P5", "P6", "P7")
#: Real names in the host texts, marked wherever they occur.
HOST_NAMES = ["Dan", "Conor Healy", "Conor", "Connor", "Srijani Ghosh", "Srijani", "Shreeharsh Kelkar", "Shreeharsh",
              "Melissa Ko", "Melissa", "Ryan Sloan", "Ryan"]
Labels = tuple[tuple[str, bool], tuple[str, bool]]
#: Interview speaker labels: (interviewer, participant) pairs, with whether each is a name.
LABELS: list[Labels] = [
    (("Interviewer", False), ("Participant", False)), (("INT", False), ("P14", False)),
    (("Researcher", False), ("Shabana", True)), (("Helen", True), ("Respondent", False)),
    (("Q", False), ("A", False)), (("Int", False), ("Delroy", True)), (("Facilitator", False), ("Thi Lan", True)),
    (("R1", False), ("Carer 3", False)), (("Gwen", True), ("Kwabena", True)), (("I", False), ("R", False)),
    (("Researcher", False), ("Mags", True)), (("Interviewer", False), ("Baran", True))]
ZOOM_LABELS = (("Conor Healy", True), ("Srijani Ghosh", True))
SLOT = re.compile(r"\{([a-z_]+)((?:\.[a-z]+)*)\}")
KIND_OF = {"nhs": "nhs_number"}
THE_WORDS = ("Team", "Unit", "Centre", "Service", "Trust", "House", "Line", "Liaison", "Federation", "Clinic", "Pad")


def said_digits(digits: str, groups: tuple[int, ...]) -> str:
    """Digits in words, grouped by commas, with "double" for a repeated digit inside a group."""
    out, at = [], 0
    for size in groups:
        chunk, words, i = digits[at:at + size], [], 0
        while i < len(chunk):
            if i + 1 < len(chunk) and chunk[i] == chunk[i + 1]:
                words.append("double " + v.DIGIT_WORDS[int(chunk[i])])
                i += 2
            else:
                words.append(v.DIGIT_WORDS[int(chunk[i])])
                i += 1
        out.append(" ".join(words))
        at += size
    return ", ".join(out)


def nhs_number(rng: random.Random) -> str:
    """A ten-digit number that passes the NHS modulus-11 check."""
    while True:
        first = [rng.randint(0, 9) for _ in range(9)]
        first[0] = rng.randint(3, 7)
        check = 11 - sum(d * w for d, w in zip(first, range(10, 1, -1), strict=True)) % 11
        check = 0 if check == 11 else check
        if check != 10:
            return "".join(map(str, first)) + str(check)


def value(kind: str, variant: set[str], rng: random.Random) -> tuple[str, str, str]:
    """(text before the gold outside it, gold text, canonical kind) for one slot."""
    c = rng.choice
    fem = "f" in variant or ("m" not in variant and rng.random() < 0.5)
    if kind == "person":
        first = c(v.FIRST_F if fem else v.FIRST_M)
        if "sur" in variant:
            return "", c(v.SURNAME), "person"
        return "", f"{first} {c(v.SURNAME)}" if "full" in variant else first, "person"
    if kind == "possessive":
        r = rng.random()
        name = c(v.NICKNAMES) if r < 0.25 else c(v.FIRST_F + v.FIRST_M) + (f" {c(v.SURNAME)}" if r > 0.8 else "")
        return "", name, "possessive"
    if kind == "relative":
        name = c(v.SHORT_F + v.FIRST_F[:20]) if fem else c(v.SHORT_M + v.FIRST_M[:20])
        if "bare" in variant:
            return "", name, "relative"
        role = c(v.REL_F if fem else v.REL_M)
        return (f"{role}, " if role in ("our kid", "my partner") else f"{role} "), name, "relative"
    if kind == "age":
        words = "w" in variant or ("d" not in variant and rng.random() < 0.5)
        return "", c(v.AGES_WORDS if words else v.AGES_DIGITS), "age"
    if kind == "phone":
        if "said" in variant:
            digits = rng.choice(("07", "07", "01")) + "".join(str(rng.randint(0, 9)) for _ in range(9))
            return "", said_digits(digits, c([(5, 3, 3), (5, 6), (4, 3, 4), (3, 4, 4)])), "phone"
        return "", c(v.PHONES), "phone"
    if kind == "nhs":
        num = nhs_number(rng)
        if "said" in variant:
            return "", said_digits(num, (3, 3, 4)), "nhs_number"
        shape = rng.random()
        return "", num if shape < 0.3 else (f"{num[:3]}-{num[3:6]}-{num[6:]}" if shape < 0.45 else
                                            f"{num[:3]} {num[3:6]} {num[6:]}"), "nhs_number"
    if kind == "email":
        if "said" in variant:
            return "", c(v.SAID_EMAILS), "email"
        return "", f"{c(v.EMAIL_USERS)}@{c(v.EMAIL_DOMAINS)}", "email"
    if kind == "url":
        return "", c(v.SAID_SITES if "said" in variant else v.URLS), "url"
    if kind == "handle":
        return "", c(v.HANDLES_BARE if "bare" in variant else v.HANDLES), "handle"
    table = {"nickname": v.NICKNAMES, "date": v.DATES, "place": v.TOWNS, "street": v.STREETS,
             "postcode": v.POSTCODES, "health_org": v.HEALTH, "school": v.SCHOOLS, "workplace": v.WORK}
    text = c(table[kind])
    if "lc" in variant:
        text = text.lower()
    return "", text, kind


def fill(template: str, rng: random.Random, lower: bool = False) -> tuple[str, list[tuple[int, int, str]]]:
    """The template with its slots filled, and the gold (start, end, kind) of each slot in it."""
    out, spans, at = "", [], 0
    for m in SLOT.finditer(template):
        out += template[at:m.start()]
        at = m.end()
        variant = set(filter(None, m.group(2).split(".")))
        before, gold, kind = value(m.group(1), variant, rng)
        if kind == "date" and out.endswith("the ") and (gold[0].isupper() or gold[0].isdigit() and not
                                                         re.match(r"\d+(st|nd|rd|th)\b", gold)):
            out = out[:-4]
        if kind == "health_org" and gold.endswith(THE_WORDS) and not out.endswith("the ") and rng.random() < 0.6:
            before = "the "
        out += before
        spans.append((len(out), len(out) + len(gold), kind))
        out += gold
    out += template[at:]
    return (out.lower() if lower else out), spans


class Builder:
    """Appends turns to one document and keeps its gold spans in step."""

    def __init__(self, name: str, source: str) -> None:
        self.doc = Doc(name=name, source=source)

    def turn(self, label: str | None, pieces: list[tuple[str, list[tuple[int, int, str]]]]) -> None:
        if self.doc.turns:
            self.doc.text += "\n"
        start = len(self.doc.text)
        for text, spans in pieces:
            base = len(self.doc.text)
            self.doc.text += text
            for s, e, kind in spans:
                self.doc.gold.append(Span(base + s, base + e, kind, self.doc.text[base + s:base + e]))
        self.doc.turns.append((label, start, len(self.doc.text)))


def host_spans(text: str) -> list[tuple[int, int, str]]:
    """Real names already in a host text (longest first, no overlaps)."""
    spans: list[tuple[int, int, str]] = []
    for name in HOST_NAMES:
        for m in re.finditer(rf"\b{re.escape(name)}\b", text):
            if not any(s < m.end() and m.start() < e for s, e, _ in spans):
                spans.append((m.start(), m.end(), "host_person"))
    return sorted(spans)


@functools.cache
def interview_hosts() -> list[tuple[str, list[tuple[bool, str]]]]:
    """(source, [(is_interviewer, text)]) runs: the middle half of four PDPilot files, the Zoom cues."""
    runs = []
    for path in (PDPILOT / f"{name}.pdf" for name in PDPILOT_FILES):
        t = read_pdf(path.name, path.read_bytes())
        turns = [(tr.speaker == "Dan", t.text[tr.start:tr.end].replace("\t", " ").strip()) for tr in t.iter_turns()]
        quarter = len(turns) // 4
        runs.append((f"pdpilot/{path.stem}", [x for x in turns[quarter:3 * quarter] if x[1]]))
    t = read_vtt(ZOOM.name, ZOOM.read_bytes())
    cues = [(tr.speaker, t.text[tr.start:tr.end].strip()) for tr in t.iter_turns()]
    runs.append(("zoom/transcript.vtt", [(sp == "Conor Healy", f"{sp}\t{tx}") for sp, tx in cues if tx]))
    return runs


CAPITAL_INSIDE = re.compile(r"(?<![.!?]\s)(?<!^)(?<![.!?]\s\s)\b(?!I\b|I'|NHS\b|GP\b|A&E\b|OK\b)[A-Z]")


@functools.cache
def comment_hosts() -> list[tuple[str, list[str]]]:
    """Comments kept as hosts: no capital inside a sentence, no long number, '@' or link."""
    def keep(text: str) -> bool:
        text = text.strip()
        return (len(text.split()) >= 6 and not CAPITAL_INSIDE.search(text) and not re.search(r"\d{4}|@|www|http", text))

    with NHS_V6.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    pts = [r["FFT answer"].strip() for r in rows if r["Service type 1"].startswith("PTS") and keep(r["FFT answer"])]
    com = [r["FFT answer"].strip() for r in rows if r["Service type 1"] == "Community health services" and keep(r["FFT answer"])]
    with PHASE1.open(encoding="utf-8") as f:
        trc = [r["feedback"].strip() for r in csv.DictReader(f) if r["organization"] == "Trust C" and keep(r["feedback"])]
    return [("nhs-v6/PTS", pts), ("nhs-v6/NHFT-community", com), ("phase1/Trust C", trc)]


def pick(templates: list[str], tally: Counter[str], rng: random.Random) -> str:
    """A template holding the kind planted least so far (ties broken at random)."""
    def kinds(t: str) -> set[str]:
        return {KIND_OF.get(m.group(1), m.group(1)) for m in SLOT.finditer(t)}
    need = min(KINDS, key=lambda k: (tally[k], rng.random()))
    choices = [t for t in templates if need in kinds(t)] or templates
    return rng.choice(choices)


def interview(name: str, source: str, host: list[tuple[bool, str]], labels: Labels, rng: random.Random,
              tally: Counter[str]) -> Doc:
    """Host turns relabelled, planted lines before some answers and planted exchanges after some."""
    b = Builder(name, source)
    (ilab, iname), (plab, pname) = labels
    zoom = source.startswith("zoom")
    b.doc.speakers = [(ilab, iname), (plab, pname)] if not zoom else []
    for is_int, text in host:
        label = ilab if is_int else plab
        if zoom:
            label, text = text.split("\t", 1)
            label = label if label != "None" else None
        pieces = [(text, host_spans(text))]
        if not is_int and rng.random() < 0.38:
            line = pick(lines.SPOKEN, tally, rng)
            planted = fill(rng.choice(lines.FILLERS) * (rng.random() < 0.5) + line + ". ", rng, lower=rng.random() < 0.15)
            pieces.insert(0, planted)
            tally.update(k for _, _, k in planted[1])
        b.turn(label, pieces)
        if not is_int and rng.random() < 0.5:
            b.turn(ilab, [(rng.choice(lines.PROMPTS), [])])
            said = []
            for _ in range(rng.choice((1, 1, 2, 3))):
                text2, spans = fill(rng.choice(lines.FILLERS) * (rng.random() < 0.4) + pick(lines.SPOKEN, tally, rng),
                                    rng, lower=rng.random() < 0.15)
                tally.update(k for _, _, k in spans)
                said.append((text2[0].upper() + text2[1:] + rng.choice((". ", "... ", ", and ", " - ")), spans))
            said[-1] = (re.sub(r"(\.\.\.|, and|\s-|\.)\s*$", "", said[-1][0]) + ".", said[-1][1])
            b.turn(plab, said)
    if zoom:
        b.doc.speakers = sorted({(lab, True) for lab, _, _ in b.doc.turns if lab and lab not in (ilab, plab)} |
                                {(ilab, iname), (plab, pname)})
    return b.doc


def comments(name: str, source: str, host: list[str], rng: random.Random, tally: Counter[str]) -> Doc:
    """One comment a turn, a written line before or after some of them."""
    b = Builder(name, source)
    for text in host:
        pieces = [(text + " ", [])]
        if rng.random() < 0.45:
            planted = fill(pick(lines.WRITTEN, tally, rng), rng)
            tally.update(k for _, _, k in planted[1])
            pieces.insert(rng.randint(0, 1), (planted[0] + " ", planted[1]))
        b.turn(None, [(t.rstrip() if i == len(pieces) - 1 else t, s) for i, (t, s) in enumerate(pieces)])
    return b.doc


def build(seed: int = SEED) -> list[Doc]:
    """The part's documents: 22 interviews (runs of host turns) and 14 comment pages."""
    rng = random.Random(seed)
    tally: Counter[str] = Counter()
    docs: list[Doc] = []
    runs = interview_hosts()
    cursor = [0] * len(runs)
    for i in range(22):
        # Two runs of the 26 Zoom turns; the PDPilot middles take the rest in turn.
        r = len(runs) - 1 if i in (5, 16) else (i - (i > 5) - (i > 16)) % (len(runs) - 1)
        source, turns = runs[r]
        size = 13 if source.startswith("zoom") else rng.randint(14, 19)
        if cursor[r] + size > len(turns):
            cursor[r] = 0
        chosen, cursor[r] = turns[cursor[r]:cursor[r] + size], cursor[r] + size
        labels = ZOOM_LABELS if source.startswith("zoom") else LABELS[i % len(LABELS)]
        docs.append(interview(f"eleventh-int-{i:02d}", source, chosen, labels, rng, tally))
    pages = comment_hosts()
    for i in range(14):
        source, pool = pages[i % len(pages)]
        chosen = rng.sample(pool, rng.randint(24, 32))
        docs.append(comments(f"eleventh-com-{i:02d}", source, chosen, rng, tally))
    return docs


def counts(docs: list[Doc]) -> dict[str, int]:
    """Gold spans per kind (host names included)."""
    tally = Counter(g.kind for d in docs for g in d.gold)
    return {k: tally[k] for k in (*KINDS, "host_person") if tally[k]}


if __name__ == "__main__":
    built = build()
    print(json.dumps({"counts": counts(built), "documents": len(built),
                      "interviews": sum(d.name.startswith("eleventh-int") for d in built),
                      "words": sum(len(d.text.split()) for d in built), "gold": sum(len(d.gold) for d in built),
                      "speaker_labels": sorted({f"{lab} ({'name' if is_name else 'role'})"
                                                for d in built for lab, is_name in d.speakers})}, indent=1))
