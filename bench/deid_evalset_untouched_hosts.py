"""Host texts for the UNTOUCHED part: stretches of real interview text from ``shared/data``, read with the
project's own readers, and the real names those texts hold.

Owns: cutting the seven PDPilot user-study interviews (``Dan:`` / ``Participant:``) and the Zoom class
transcript (``First Last:`` cues) into windows of consecutive turns, picking NHS patient-experience
comments about mental-health care from the phase-1 set (``phase1_text_data.csv``; the v6 set is what the
first parts used, and a comment also in it is left out), and naming the people the hosts themselves mention
(the interviewer "Dan"/"Daniel", a redacted "XXXX", the five Zoom speakers and a student) so that the
builder can replace each with a planted name and a gold span. It must not plant anything itself.

NHS comments are kept only when every capitalised word in them also occurs in lower case somewhere in
the 18,242 comments of both sets (or is a common abbreviation): a word that never does is most likely a
name, a ward or a village (the sets are not de-identified: "Kingsley ward", "Bassetlaw", "Rampton",
"Bingham Health Centre" occur), and a real
identifier left in a host would count against a detector's precision without being gold.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from cotheme.formats.captions import read_vtt
from cotheme.formats.pdf import read_pdf

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
PDPILOT = DATA / "transcripts-open" / "pdpilot-user-study"
ZOOM = DATA / "captions-vtt" / "GMT20240124-202901_Recording.transcript.vtt"
PHASE1 = DATA / "coded-datasets" / "nhs-patient-experience" / "phase1_text_data.csv"
V6 = DATA / "coded-datasets" / "nhs-patient-experience" / "v6framework_230831.csv"

NHS_PER_DOC = 7  # ~35 words a comment: a window of ~250 words, like an interview window
# what the lower-case test lets through, found by reading every capitalised word of the kept comments: a
# unit, a staff member's name that is also a verb, a team named after its city
NAMED = re.compile(r"\b(Millbrook|Mark|City Crisis)\b")
# the phase-1 comments carry no service type: a comment is about mental-health care when it says so
MENTAL_HEALTH = re.compile(r"\b(ward|mental|section(ed)?|psychiatr\w*|therap\w*|CPN|depress\w*|anxiety|"
                           r"counsell\w*|crisis|recovery|wellbeing|voices|self[- ]harm|psycholog\w*)\b", re.IGNORECASE)
# abbreviations that never occur in lower case but name no one
NHS_ALLOWED = {"GP", "GPs", "CPN", "CPNs", "NHS", "COVID", "OT", "CBT", "BPD", "MDT", "RMN", "ASAP", "A&E",
               "I", "I'm", "I've", "I'd", "I'll", "OK", "PTSD", "ADHD", "DBT", "MH", "TV", "OCD"}


@dataclass(frozen=True, slots=True)
class Host:
    """One window of host text: its turns as (role, label, text) and the names it mentions.

    ``role`` is ``"interviewer"``, ``"participant"`` or ``"speaker:<n>"`` (the n-th Zoom speaker), or
    ``"comment"`` for an NHS comment (no label). ``label`` is the host's own label."""

    source: str
    name: str
    turns: tuple[tuple[str, str | None, str], ...]

    @property
    def words(self) -> int:
        return sum(len(text.split()) for _, _, text in self.turns)


# names the host texts mention, as (pattern, who, form): who is a role the builder gives a planted name
# ("interviewer", "participant", "speaker:<n>", "extra"), form "first", "full" or "possessive"
PDPILOT_NAMES: tuple[tuple[str, str, str], ...] = (
    (r"\bDaniel\b", "interviewer", "first"), (r"\bDan\b", "interviewer", "first"),
    # the hosts' redaction is X for every letter; a lone "XXXX" after "Thank you," or "Bye" is a name, the
    # runs of X-words elsewhere are redacted phrases and stay as they are
    (r"(?<=, )XXXX(?=[.,])|(?<=Bye )XXXX\b", "participant", "first"),
)
ZOOM_SPEAKERS = ("Srijani Ghosh", "Conor Healy", "Dr. Melissa Ko", "Shreeharsh Kelkar", "Ryan Sloan")
ZOOM_NAMES: tuple[tuple[str, str, str], ...] = (
    (r"\bSrijani Ghosh\b", "speaker:0", "full"), (r"\bSrijani\b", "speaker:0", "first"),
    (r"\bShujani\b", "speaker:0", "first"), (r"\bConor Healy\b", "speaker:1", "full"),
    (r"\bConn?or\b", "speaker:1", "first"), (r"\bMelissa Koh?\b", "speaker:2", "full"),
    (r"\bMelissa\b", "speaker:2", "first"), (r"\bShreeharsh Kelkar\b", "speaker:3", "full"),
    (r"\bShrihar\b", "speaker:3", "first"), (r"\bRyan Sloan\b", "speaker:4", "full"),
    (r"\bRyan\b", "speaker:4", "first"), (r"\bJohnny(?='s)", "extra", "possessive"),
)


def pdpilot_turns(number: int) -> list[tuple[str, str | None, str]]:
    path = PDPILOT / f"P{number}.pdf"
    parsed = read_pdf(path.name, path.read_bytes())
    out: list[tuple[str, str | None, str]] = []
    for turn in parsed.turns:
        if turn.speaker is None:
            continue  # the "Interview" heading
        role = "interviewer" if turn.speaker == "Dan" else "participant"
        out.append((role, turn.speaker, parsed.text[turn.start:turn.end]))
    return out


def zoom_turns() -> list[tuple[str, str | None, str]]:
    parsed = read_vtt(ZOOM.name, ZOOM.read_bytes())
    out: list[tuple[str, str | None, str]] = []
    for turn in parsed.turns:
        if turn.speaker is None:
            continue
        out.append((f"speaker:{ZOOM_SPEAKERS.index(turn.speaker)}", turn.speaker, parsed.text[turn.start:turn.end]))
    return out


def windows(source: str, turns: list[tuple[str, str | None, str]], target: int, least_turns: int) -> list[Host]:
    """Consecutive, non-overlapping windows of at least ``target`` words and ``least_turns`` turns."""
    out: list[Host] = []
    current: list[tuple[str, str | None, str]] = []
    for turn in turns:
        current.append(turn)
        if sum(len(t.split()) for _, _, t in current) >= target and len(current) >= least_turns:
            out.append(Host(source, f"{source}-{len(out)}", tuple(current)))
            current = []
    if current and sum(len(t.split()) for _, _, t in current) >= target // 2:
        out.append(Host(source, f"{source}-{len(out)}", tuple(current)))
    return out


def nhs_comments() -> list[str]:
    """Mental-health comments from the phase-1 set, none also in the v6 set (which other parts read)."""
    with PHASE1.open(encoding="utf-8", newline="") as handle:
        phase1 = [" ".join(row["feedback"].split()) for row in csv.DictReader(handle)]
    with V6.open(encoding="utf-8", newline="") as handle:
        v6 = {" ".join(row["FFT answer"].split()) for row in csv.DictReader(handle)}
    lower_words = {w for text in (*phase1, *v6) for w in re.findall(r"\b[a-z][a-z']+\b", text)}
    kept: list[str] = []
    for text in phase1:
        if len(text.split()) < 20 or text in v6 or text in kept or not MENTAL_HEALTH.search(text):
            continue
        # the sets redact with "*", "XXX", "[name]"
        if re.search(r"redact|xxx|\[|\*", text, re.IGNORECASE) or NAMED.search(text):
            continue
        words = re.findall(r"[A-Za-z][A-Za-z&']*", text)
        if all(w in NHS_ALLOWED or w.lower() in lower_words or not w[0].isupper() for w in words):
            kept.append(text)
    return kept


@lru_cache(maxsize=1)
def hosts() -> tuple[Host, ...]:
    """Every window, in a fixed order: PDPilot P1..P7, the Zoom class, the NHS comments."""
    out: list[Host] = []
    for number in range(1, 8):
        out.extend(windows(f"pdpilot-P{number}", pdpilot_turns(number), target=260, least_turns=4))
    out.extend(windows("zoom", zoom_turns(), target=220, least_turns=3))
    comments = nhs_comments()
    for i in range(0, len(comments) - NHS_PER_DOC + 1, NHS_PER_DOC):
        turns = tuple(("comment", None, c) for c in comments[i:i + NHS_PER_DOC])
        out.append(Host("nhs-px", f"nhs-px-{i // NHS_PER_DOC}", turns))
    return tuple(out)
