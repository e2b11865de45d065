"""Host texts of the EIGHTH de-identification part, read from ``../shared/data`` on every run.

Owns choosing and cutting the real text the identifiers are planted into:

* three PDPilot interviews (P1, P3, P6), cut into runs of consecutive turns of about
  ``INTERVIEW_WORDS`` words; a turn holding the study's own ``XXX`` redactions is left out;
* the Zoom class transcript (speaker-named cues), cut the same way;
* NHS Friends-and-Family comments (v6 framework file, the Northamptonshire trust's rows): a comment
  is kept only if no word after its first is capitalised (bar "I" and a few service acronyms), no
  sentence opens with a word never seen in lower case in the file, and it holds no digit or title, so
  no real name, ward or number is left in it without a gold span.

The real names that remain in the interview text (the PDPilot interviewer, the Zoom participants as
transcribed) are listed in ``HOST_NAMES`` and become ``host_person`` gold wherever they occur.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
PDPILOT = DATA / "transcripts-open" / "pdpilot-user-study"
PDPILOT_FILES = ("P1", "P3", "P6")
ZOOM = DATA / "captions-vtt" / "GMT20240124-202901_Recording.transcript.vtt"
NHS = DATA / "coded-datasets" / "nhs-patient-experience" / "v6framework_230831.csv"
INTERVIEW_WORDS = 270
ZOOM_WORDS = 380

#: Real names in the interview hosts (read off the files), longest first so a full name wins.
HOST_NAMES = ["Melissa Koh", "Melissa Ko", "Srijani Ghosh", "Conor Healy", "Ryan Sloan", "Shreeharsh Kelkar",
              "Daniel", "Dan", "Connor", "Conor", "Melissa", "Shrihar", "Shujani", "Srijani", "Shreeharsh",
              "Ryan", "Johnny", "Koh", "Healy", "Ghosh", "Kelkar", "Sloan"]
HOST_NAME_RE = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in HOST_NAMES) + r")\b")
_REDACTED = re.compile(r"XX")
_ALLOWED_CAPS = {"I", "I'm", "I've", "I'd", "I'll", "NHS", "GP", "A&E", "OK", "TV"}
_TITLE = re.compile(r"\b(?:dr|mr|mrs|ms|miss|nurse|sister)\b\.?\s", re.IGNORECASE)

#: One host turn: the speaker as the file names them (None in comments) and the turn's text.
Turn = tuple[str | None, str]


def _chunks(turns: list[Turn], words: int) -> list[list[Turn]]:
    out: list[list[Turn]] = []
    current: list[Turn] = []
    count = 0
    for speaker, text in turns:
        if _REDACTED.search(text) or not text.strip():
            continue
        current.append((speaker, text))
        count += len(text.split())
        if count >= words:
            out.append(current)
            current, count = [], 0
    if count >= words // 2:
        out.append(current)
    return out


@lru_cache(maxsize=1)
def pdpilot_chunks() -> tuple[tuple[str, list[Turn]], ...]:
    """(source name, turns) runs from the chosen PDPilot interviews, in file order."""
    from cotheme.formats.pdf import read_pdf

    out: list[tuple[str, list[Turn]]] = []
    for name in PDPILOT_FILES:
        path = PDPILOT / f"{name}.pdf"
        parsed = read_pdf(path.name, path.read_bytes())
        turns = [(t.speaker, parsed.text[t.start:t.end].strip()) for t in parsed.turns if t.speaker]
        out.extend((f"pdpilot/{name}.pdf", chunk) for chunk in _chunks(turns, INTERVIEW_WORDS))
    return tuple(out)


@lru_cache(maxsize=1)
def zoom_chunks() -> tuple[tuple[str, list[Turn]], ...]:
    """(source name, turns) runs of the Zoom transcript's cues that name a speaker."""
    cues = re.findall(r"^([A-Z][^\n:]{1,40}): (.+)$", ZOOM.read_text(encoding="utf-8"), re.MULTILINE)
    turns: list[Turn] = [(speaker.strip(), text.strip()) for speaker, text in cues]
    return tuple(("zoom/" + ZOOM.name, chunk) for chunk in _chunks(turns, ZOOM_WORDS))


def _clean_comment(text: str, lower_words: set[str]) -> bool:
    if not 12 <= len(text.split()) <= 90 or re.search(r"\d", text) or _TITLE.search(text):
        return False
    for m in list(re.finditer(r"[A-Za-z][A-Za-z'&]*", text))[1:]:
        token = m.group()
        if not token[0].isupper() or token in _ALLOWED_CAPS:
            continue
        starts_sentence = re.search(r"[.!?]\s*$", text[:m.start()]) is not None
        if not starts_sentence or token.lower() not in lower_words:
            return False
    return True


@lru_cache(maxsize=1)
def nhs_comments() -> tuple[str, ...]:
    """Clean Northamptonshire comments, in file order (whitespace collapsed)."""
    with NHS.open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["Trust"] == "NHFT"]
    texts = [" ".join(r["FFT answer"].split()) for r in rows]
    lower_words = {w for t in texts for w in re.findall(r"\b[a-z][a-z']*\b", t)}
    return tuple(dict.fromkeys(t for t in texts if _clean_comment(t, lower_words)))
