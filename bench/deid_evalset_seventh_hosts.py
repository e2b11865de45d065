"""Host texts of the SEVENTH de-identification part, read from ``../shared/data`` on each run (nothing is
copied into the repository): the participants' talk in the MAXQDA coded segments of the PDPilot study
(``coded-datasets/pdpilot-maxqda/pdpilot_coded_segments_parsed.csv``, split into turns at the
``Dan:``/``Participant:`` labels the segments carry) and NHS phase-1 feedback comments
(``coded-datasets/nhs-patient-experience/phase1_text_data.csv``). A host stretch that may hold a real
identifier no gold span would mark (a capitalised word the filter does not know, a redaction mark,
digits, an address, a first name in lower case, and in a comment a word seldom written in lower case in
the NHS comment files, such as a town typed "hinckley") is left out; the interviewer's name "Dan" becomes
a speaker label, and one said in the talk is replaced by the builder with a planted, gold name.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import deid_evalset_seventh_values as V

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "coded-datasets"
SEGMENTS = DATA / "pdpilot-maxqda" / "pdpilot_coded_segments_parsed.csv"
COMMENTS = DATA / "nhs-patient-experience" / "phase1_text_data.csv"

# Capitalised words that may stand in mid-sentence without naming anyone or anywhere.
_ALLOWED = {
    "I", "I'm", "I'd", "I've", "I'll", "Okay", "OK", "Yeah", "So", "Right", "Uh", "Um", "And", "Oh", "Well",
    "Yes", "The", "No", "Not", "Like", "Mm", "But", "Yep", "We", "You", "Sorry", "Got", "Do", "In", "Exactly",
    "What", "Hmm", "Or", "How", "If", "Cause", "It's", "Which", "Because", "Great", "Honestly", "There",
    "It", "Mm-hmm", "Uh-huh", "At", "Pretty", "As", "To", "Shapley", "PDPilot", "XGBoost", "AutoML",
    "Python", "Jupyter", "Monte", "Carlo", "Participant", "Dan", "NHS", "GP", "GPs", "A&E", "CPN", "CAMHS",
    "Mmm", "Ohh", "Ah", "Hey", "Let", "Can", "Maybe", "Probably", "Just", "That", "This", "One", "Some",
}
_LABEL = re.compile(r"\b(Dan|Participant):\s*")
# Common first names in the UK (besides the part's own), so that a host comment thanking "jackie" by name
# is left out even in lower case. Words that are also ordinary words (Rob, Angel, Grace) count as names.
_FIRST_NAMES = {n.lower() for n in V.WOMEN + V.MEN} | set("""
    john sarah david paul mark james helen karen lisa claire emma jo sue pete dave mike chris sam ann anne
    jane kate tom rachel alan alex angel angus gavin ian joe julie juliet katie kerry laura lauren leah lesley
    linda louisa lynda natasha nicky nina patricia patrick phil rob ryan sandra scott sophie susan sylvie
    teresa tina tracey trisha yvonne faye fran hayley heidi isobel jackie jen jess calvin steve stephen
    andrew andy richard rich simon peter michael mick matt matthew dan daniel ben tony anthony gary graham
    martin neil nick colin barry brian derek kevin kev lee carl jason jamie jim jimmy bob bill will
    william george harry jack charlie oliver tim val jean joan margaret maggie mary liz elizabeth beth
    jenny jennifer amanda mandy debbie deborah donna dawn diane jo-anne joanne julia kim kath kathryn
    kathy kelly michelle nicola nikki sharon shirley sally sheila tracy wendy zoe amy anna becky rebecca
    carol caroline catherine christine dee denise emily fiona gill gillian hannah holly jade jo-jo
    josie june kay kirsty lindsey lorraine lucy lynn marie mel melanie molly paula penny pam rose ruth
    sian stacey tanya tess vicky victoria ali aisha ahmed amir asma fatima hamza hina imran mo rahul raj
    sunil usman grace faith hope joy
""".split())


def _clean(text: str) -> str:
    return re.sub(r"[ \t]+", " ", text.replace("\r", "")).strip()


_WORD = re.compile(r"[A-Za-z][A-Za-z'’]+")


@lru_cache(maxsize=1)
def _word_counts() -> tuple[Counter[str], Counter[str]]:
    """How often each word is written in lower case, and capitalised, over both NHS comment files (the
    v6 file only for counting). A word people write in lower case three times or more, and not much more
    often capitalised, is an ordinary word ("toast"), not a name or a place ("Hinckley", "hinckley")."""
    lower: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    for path, column in ((COMMENTS, "feedback"), (COMMENTS.with_name("v6framework_230831.csv"), "FFT answer")):
        with path.open(encoding="utf-8") as f:
            for row in csv.DictReader(f):
                for word in _WORD.findall(row[column] or ""):
                    (lower if word.islower() else capital)[word.lower()] += 1
    return lower, capital


def _ordinary(word: str) -> bool:
    lower, capital = _word_counts()
    bare = word.lower().removesuffix("'s").removesuffix("’s")
    return lower[bare] >= 3 and lower[bare] * 4 >= capital[bare] and bare not in _FIRST_NAMES


def _capitals_known(text: str) -> bool:
    """Every capitalised word is an acronym, a word on the allowed list, or (opening a sentence) a word
    written in lower case elsewhere that is not a first name."""
    for m in re.finditer(r"(?:^|(?<=[\s,;(\"']))([A-Z][\w'&.-]*)", text):
        word = m.group(1).rstrip(".")
        before = text[: m.start()].rstrip(" \"'(")
        if word in _ALLOWED or (word.isupper() and 2 <= len(word) <= 6 and not word.startswith("XX")):
            continue
        if (not before or before[-1] in ".?!:") and _ordinary(word):
            continue
        return False
    return True


def _safe(text: str) -> bool:
    lower = {w.strip(".,!?;:'\"()").lower() for w in text.split()}
    return (
        "XX" not in text and "@" not in text and "www" not in text.lower()
        and not re.search(r"\d{2,}", text) and not (lower & _FIRST_NAMES) and _capitals_known(text)
    )


@lru_cache(maxsize=1)
def interview_segments() -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    """Per kept segment: its document and turns as (``Dan``|``Participant``, text)."""
    out = []
    with SEGMENTS.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            text = _clean(row["segment"])
            if len(text.split()) < 12 or not _safe(text.replace("Dan:", "").replace("Participant:", "")):
                continue
            parts = _LABEL.split(text)
            turns: list[tuple[str, str]] = []
            if parts[0].strip():
                turns.append(("Participant", parts[0].strip()))
            for who, said in zip(parts[1::2], parts[2::2], strict=True):
                if said.strip():
                    turns.append((who, said.strip()))
            if turns and len(" ".join(t for _, t in turns).split()) <= 260:
                out.append((row["document"], tuple(turns)))
    return _distinct(out)


def _distinct(segments: list) -> tuple:
    """Segments in their order, without one that is (part of) another of the same document: MAXQDA
    exports a stretch once per code it carries."""
    def flat(seg: tuple) -> str:
        return " ".join(t for _, t in seg[1])
    kept: list = []
    for seg in sorted(segments, key=lambda s: -len(flat(s))):
        if not any(seg[0] == k[0] and flat(seg) in flat(k) for k in kept):
            kept.append(seg)
    return tuple(s for s in segments if s in kept)


@lru_cache(maxsize=1)
def comments() -> tuple[str, ...]:
    """Feedback comments of 6 to 80 words with nothing in them that could name a person or place: every
    word an ordinary one (so a rare word, a typo included, leaves its comment out too)."""
    keep = []
    with COMMENTS.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            text = _clean(row["feedback"])
            if 6 <= len(text.split()) <= 80 and _safe(text) and all(map(_ordinary, _WORD.findall(text))):
                keep.append(text)
    return tuple(dict.fromkeys(keep))
