"""Host texts of the SEVENTH de-identification part, read from ``../shared/data`` on each run (nothing is
copied into the repository): the participants' talk in the MAXQDA coded segments of the PDPilot study
(``coded-datasets/pdpilot-maxqda/pdpilot_coded_segments_parsed.csv``, split into turns at the
``Dan:``/``Participant:`` labels the segments carry) and NHS phase-1 feedback comments
(``coded-datasets/nhs-patient-experience/phase1_text_data.csv``). A host stretch that may hold a real
identifier no gold span would mark (a capitalised word the filter does not know in mid-sentence, a
redaction mark, digits, an address, a first name in lower case) is left out; the interviewer's name
"Dan" is kept as a marker that the builder replaces by a planted, gold name.
"""

from __future__ import annotations

import csv
import re
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
_FIRST_NAMES = {n.lower() for n in V.WOMEN + V.MEN} | {
    "john", "sarah", "david", "paul", "mark", "james", "helen", "karen", "lisa", "claire", "emma", "jo",
    "sue", "pete", "dave", "mike", "chris", "sam", "ann", "anne", "jane", "kate", "tom", "rachel",
}


def _clean(text: str) -> str:
    return re.sub(r"[ \t]+", " ", text.replace("\r", "")).strip()


def _capitals_known(text: str) -> bool:
    """Every capitalised word not opening a sentence is an acronym or a word on the allowed list."""
    for m in re.finditer(r"(?<=[\s,;(\"'])([A-Z][\w'&.-]*)", text):
        word = m.group(1).rstrip(".")
        before = text[: m.start()].rstrip(" \"'(")
        if not before or before[-1] in ".?!:" or word in _ALLOWED:
            continue
        if word.isupper() and 2 <= len(word) <= 6 and not word.startswith("XX"):
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
    return tuple(out)


@lru_cache(maxsize=1)
def comments() -> tuple[str, ...]:
    """Feedback comments of 6 to 80 words with nothing in them that could name a person or place."""
    keep = []
    with COMMENTS.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            text = _clean(row["feedback"])
            if 6 <= len(text.split()) <= 80 and _safe(text):
                keep.append(text)
    return tuple(dict.fromkeys(keep))
