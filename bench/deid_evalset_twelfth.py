"""The twelfth de-identification evaluation part, written apart from the detector and from the other
parts' builders: planted identifiers of every kind, spoken and written, from the East Midlands, Bristol
and Somerset, Cumbria, Teesside, the Swansea valleys, Belfast and Derry and the Highlands and Islands.

Hosts (read from ``../shared/data`` on each run, never copied): the last quarter of the turns of each
PDPilot transcript (three interview documents per transcript, their speakers relabelled in one of several
study styles, some labels being names), and comment pages of NHS Friends-and-Family comments from NHFT's
adult and older people's mental-health and forensic services (v6 file) and Trust A's second question
(phase-1 file). Host turns that hold a real name, a firm, or a redaction are left out; host comments
with a capital letter after their first word (outside a short list of everyday capitals) are left out,
so no unmarked identifier sits in the host text.

    python bench/deid_evalset_twelfth.py   # counts per kind, documents, words, speaker labels (JSON)
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

from deid_evalset import KINDS, Doc, Span  # noqa: E402
from deid_evalset_twelfth_lines import SPOKEN, WRITTEN  # noqa: E402
from deid_evalset_twelfth_values import FILLERS, NAMES, pick  # noqa: E402

from pypdf import PdfReader  # noqa: E402

SEED = 12121212
DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
PDPILOT = DATA / "transcripts-open" / "pdpilot-user-study"
NHS_V6 = DATA / "coded-datasets" / "nhs-patient-experience" / "v6framework_230831.csv"
NHS_PHASE1 = DATA / "coded-datasets" / "nhs-patient-experience" / "phase1_text_data.csv"
#: Host turns holding any of these are left out (the interviewer's name, firms, redacted stretches).
HOST_SKIP = re.compile(r"\b(Dan|Daniel|Amazon|Google|Zillow|Kaggle)\b|XX")
#: Capitals a host comment may hold after its first word.
EVERYDAY_CAPS = {"I", "I'm", "I've", "I'd", "I'll", "NHS", "GP", "A&E", "OK", "Ok", "Dr", "TV"}
#: First words a host comment may start with (anything else capitalised might be a name).
OPENERS = {"The", "Very", "Staff", "Everyone", "Good", "Great", "Excellent", "Nothing", "All", "It", "They",
           "Always", "Really", "Friendly", "Helpful", "More", "Not", "No", "Everything", "Lovely", "Kind", "We",
           "My", "She", "He", "You", "Being", "Brilliant", "Fantastic", "Professional", "Would", "Just", "Having",
           "Listened", "Caring", "Because", "Quick", "Easy", "Polite", "Well", "Too", "Some", "Better", "Fast"}
V6_SERVICES = {"Adult mental health", "Mental health services for older people", "Offender health",
               "Low secure and CFS", "High secure MH"}
INTERVIEWS_PER_FILE = 3
COMMENT_PAGES = 14
PLANTS_PER_INTERVIEW = 22
PLANTS_PER_PAGE = 9
HOST_COMMENTS_PER_PAGE = 46
SPOKEN_OPENERS = ["", "", "", "erm, ", "so ", "yeah, ", "I mean ", "honestly, ", "um, ", "and ", "well, "]
#: Clauses that run a spoken sentence on, holding no identifier.
SPOKEN_TAILS = [", and it was just a lot, to be honest", ", and nobody really explained anything to us",
                " and I didn't know who else to ask", ", which, looking back, was the turning point",
                ", and I was just, I was on autopilot", " but we got through it somehow",
                ", and the waiting was the worst part, the not knowing", " and I felt like a burden the whole time",
                ", and I'm not being funny but that shouldn't happen", " and that's when it all sort of came out"]
READ_ALOUD = ["the letter said, ", "it says on the form, ", "she texted me, ", "the email was like, ",
              "I've got it here, ", "on the discharge note it says ", "the referral form, hang on, "]
INTERVIEWER_LINES = ["And was that {X}?", "Sorry, did you say {X}?", "So just to check, {X}, is that right?",
                     "Okay. And {X}, was that helpful?"]
#: Label pairs (interviewer, participant); a None participant label means a name drawn per document.
LABELS: list[tuple[tuple[str, bool], tuple[str, bool] | None]] = [
    (("Interviewer", False), ("Participant", False)), (("INT", False), None), (("Researcher", False), ("P14", False)),
    (("Q", False), ("A", False)), (("Facilitator", False), None), (("I", False), ("R", False)), (("Interviewer", False), None),
]

Gold = tuple[int, int, str]


def render(template: str, rng: random.Random) -> tuple[str, list[Gold]]:
    """Fill a sentence's fields; the text and its gold spans (offsets in the text)."""
    out, gold, at = [], [], 0
    for m in re.finditer(r"\{(\w+)\}|[^{]+", template):
        if m.group(1) is None:
            piece, kind = m.group(0), None
        else:
            piece, kind = FILLERS[m.group(1)](rng)
        if kind is not None:
            gold.append((at, at + len(piece), kind))
        out.append(piece)
        at += len(piece)
    return "".join(out), gold


def next_kind(count: Counter[str], rng: random.Random) -> str:
    low = min(count[k] for k in KINDS)
    return rng.choice([k for k in KINDS if count[k] <= low + 2])


def spoken(kind: str, rng: random.Random) -> tuple[str, list[Gold]]:
    """One spoken sentence for ``kind``; sometimes a written one read aloud."""
    if rng.random() < 0.2:
        text, gold = render(pick(rng, WRITTEN[kind]), rng)
        lead = pick(rng, READ_ALOUD)
        gold = [(s + len(lead), e + len(lead), k) for s, e, k in gold]
        text = lead + text
    else:
        text, gold = render(pick(rng, SPOKEN[kind]), rng)
        lead = pick(rng, SPOKEN_OPENERS)
        gold = [(s + len(lead), e + len(lead), k) for s, e, k in gold]
        tail = pick(rng, SPOKEN_TAILS) if rng.random() < 0.75 else ""
        text = lead + text + tail + rng.choice([".", ".", "...", ", you know.", ", so.", "."])
    if text and (not gold or gold[0][0] > 0) and rng.random() < 0.7:
        text = text[0].upper() + text[1:]
    return text, gold


class Builder:
    """Appends turns to one document, keeping gold offsets in the document's text."""

    def __init__(self, name: str, source: str) -> None:
        self.doc = Doc(name=name, source=source)
        self.parts: list[str] = []
        self.at = 0

    def turn(self, label: str | None, text: str, gold: list[Gold]) -> None:
        if self.parts:
            self.parts.append("\n")
            self.at += 1
        self.doc.turns.append((label, self.at, self.at + len(text)))
        self.doc.gold.extend(Span(self.at + s, self.at + e, k, text[s:e]) for s, e, k in gold)
        self.parts.append(text)
        self.at += len(text)

    def done(self) -> Doc:
        self.doc.text = "".join(self.parts)
        return self.doc


@lru_cache(maxsize=1)
def interview_hosts() -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    """(file, ((speaker, text), ...)) for the turns on the last quarter of each PDPilot transcript's pages
    (at least its last two), read with pypdf; text before the first speaker label on those pages (the end
    of a turn begun earlier) and page numbers are dropped."""
    out = []
    for path in sorted(PDPILOT.glob("P*.pdf")):
        reader = PdfReader(path)
        first_page = min(len(reader.pages) - 2, 3 * len(reader.pages) // 4)
        raw = "\n".join(reader.pages[i].extract_text() for i in range(first_page, len(reader.pages)))
        lines = [ln for ln in raw.replace("\t", " ").splitlines() if not re.fullmatch(r"\s*\d+/\d+\s*", ln)]
        turns: list[tuple[str, list[str]]] = []
        for line in lines:
            m = re.match(r"(Dan|Participant):\s*(.*)", line)
            if m:
                turns.append((m.group(1), [m.group(2)]))
            elif turns:
                turns[-1][1].append(line)
        kept = ((who, " ".join(" ".join(parts).split())) for who, parts in turns)
        out.append((path.stem, tuple((who, x) for who, x in kept if x and not HOST_SKIP.search(x))))
    return tuple(out)


def clean_comment(text: str) -> bool:
    """A host comment with no capital that could be a name: only its first word (if a common opener)
    and everyday capitals ("I", "NHS", "GP") are capitalised."""
    words = [w.strip(".,!?;:()'\"") for w in text.split()]
    if not 4 <= len(words) <= 90 or HOST_SKIP.search(text):
        return False
    if words[0][:1].isupper() and words[0] not in OPENERS | EVERYDAY_CAPS:
        return False
    return not any(w[:1].isupper() and w not in EVERYDAY_CAPS for w in words[1:])


@lru_cache(maxsize=1)
def comment_hosts() -> tuple[tuple[str, str], ...]:
    """(source, comment) for host comments of the NHFT mental-health and forensic services and Trust A Q2."""
    out = []
    with NHS_V6.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            text = " ".join(row["FFT answer"].split())
            if row["Trust"] == "NHFT" and row["Service type 2"] in V6_SERVICES and clean_comment(text):
                out.append(("nhs-v6/NHFT/" + row["Service type 2"], text))
    with NHS_PHASE1.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            text = " ".join(row["feedback"].split())
            if row["question"] == "Trust A - Q2" and clean_comment(text):
                out.append(("nhs-phase1/Trust A - Q2", text))
    return tuple(out)


def interview(name: str, host: tuple[tuple[str, str], ...], rng: random.Random, count: Counter[str]) -> Doc:
    (asker, asker_name), who = LABELS[rng.randrange(len(LABELS))]
    if who is None:
        first, last = NAMES[rng.randrange(len(NAMES))]
        who = (rng.choice([first, f"{first} {last}", f"Mrs {last}" if rng.random() < 0.5 else f"Mr {last}"]), True)
    teller = who[0]
    b = Builder(name, f"pdpilot/{name.split('-')[0]}.pdf last pages")
    b.doc.speakers = [(asker, asker_name), who]
    plants = [next_kind(count, rng) for _ in range(PLANTS_PER_INTERVIEW)]
    slots = sorted(rng.sample(range(len(host) + PLANTS_PER_INTERVIEW), PLANTS_PER_INTERVIEW))
    host_it, plant_it = iter(host), iter(plants)
    for i in range(len(host) + PLANTS_PER_INTERVIEW):
        if slots and i == slots[0]:
            slots.pop(0)
            kind = next(plant_it)
            text, gold = spoken(kind, rng)
            for _, _, k in gold:
                count[k] += 1
            if rng.random() < 0.15:
                # The interviewer echoes the first identifier back, as interviewers checking a detail do.
                gold_one = gold[0]
                ask = pick(rng, INTERVIEWER_LINES)
                at = ask.index("{X}")
                piece = text[gold_one[0]:gold_one[1]]
                b.turn(teller, text, gold)
                b.turn(asker, ask.replace("{X}", piece), [(at, at + len(piece), gold_one[2])])
                count[gold_one[2]] += 1
            elif rng.random() < 0.3:
                more, more_gold = spoken(next_kind(count, rng), rng)
                for _, _, k in more_gold:
                    count[k] += 1
                shift = len(text) + 1
                b.turn(teller, text + " " + more, gold + [(s + shift, e + shift, k) for s, e, k in more_gold])
            else:
                b.turn(teller, text, gold)
        else:
            speaker, text = next(host_it)
            b.turn(asker if speaker == "Dan" else teller, text, [])
    return b.done()


def page(name: str, host: list[tuple[str, str]], rng: random.Random, count: Counter[str]) -> Doc:
    b = Builder(name, host[0][0])
    items: list[tuple[str, list[Gold]]] = [(text, []) for _, text in host]
    for _ in range(PLANTS_PER_PAGE):
        text, gold = render(pick(rng, WRITTEN[next_kind(count, rng)]), rng)
        for _, _, k in gold:
            count[k] += 1
        items.insert(rng.randrange(len(items) + 1), (text, gold))
    for text, gold in items:
        b.turn(None, text, gold)
    return b.done()


def build(seed: int = SEED) -> list[Doc]:
    """The twelfth part's documents: interviews first, then comment pages."""
    rng = random.Random(seed)
    count: Counter[str] = Counter()
    docs: list[Doc] = []
    for stem, turns in interview_hosts():
        size = -(-len(turns) // INTERVIEWS_PER_FILE)
        for j in range(INTERVIEWS_PER_FILE):
            docs.append(interview(f"{stem}-tail-{j + 1}", turns[j * size:(j + 1) * size], rng, count))
    comments = list(comment_hosts())
    rng.shuffle(comments)
    by_source: dict[str, list[tuple[str, str]]] = {}
    for source, text in comments:
        by_source.setdefault(source, []).append((source, text))
    for i in range(COMMENT_PAGES):
        # Each page is drawn from the source with the most host comments left.
        pool = max(by_source.values(), key=len)
        chunk = [pool.pop() for _ in range(min(HOST_COMMENTS_PER_PAGE, len(pool)))]
        docs.append(page(f"comments-{i + 1:02d}", chunk, rng, count))
    return docs


def counts(docs: list[Doc]) -> dict[str, int]:
    """Gold identifiers per kind, every kind listed."""
    found = Counter(g.kind for d in docs for g in d.gold)
    return {k: found.get(k, 0) for k in KINDS}


if __name__ == "__main__":
    built = build()
    print(json.dumps({"counts": counts(built), "gold": sum(len(d.gold) for d in built), "documents": len(built),
                      "interviews": sum(1 for d in built if d.speakers), "words": sum(len(d.text.split()) for d in built),
                      "speaker_labels": sorted({f"{label} ({'name' if is_name else 'role'})"
                                                for d in built for label, is_name in d.speakers})}, indent=2))
