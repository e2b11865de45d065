"""De-identification: what a candidate identifier is, the patterns and the team's list that find
them, and the replacements that take their place.

Owns ``Found`` (a span a detector found), ``Candidate`` (a stored one with its decision), the
detectors that need no model (``find_patterns``: emails, web addresses, NHS numbers with their mod-11
check digit, phone numbers, UK postcodes, dates, ages, names after a title or a relation;
``find_terms``: the team's list of names with their parts and one-letter variants), ``merge`` (one
candidate per stretch of text) and the replacement rules (bracketed descriptors, consistent
pseudonyms). The named-entity model lives in ``services.deid_model``. Must not do I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum


class Kind(StrEnum):
    PERSON = "person"
    PLACE = "place"
    ORGANISATION = "organisation"
    DATE = "date"
    AGE = "age"
    PHONE = "phone"
    EMAIL = "email"
    URL = "url"
    NHS_NUMBER = "nhs_number"
    POSTCODE = "postcode"
    STREET = "street"
    SCHOOL = "school"
    WORKPLACE = "workplace"
    HANDLE = "handle"


#: The bracketed descriptor each kind gets unless a person writes a better one ("[participant's
#: sister]"); people get a consistent pseudonym instead (``pseudonym``).
DESCRIPTORS = {
    Kind.PLACE: "[place]", Kind.ORGANISATION: "[organisation]", Kind.DATE: "[date]", Kind.AGE: "[age]",
    Kind.PHONE: "[phone number]", Kind.EMAIL: "[email address]", Kind.URL: "[web address]",
    Kind.NHS_NUMBER: "[NHS number]", Kind.POSTCODE: "[postcode]", Kind.STREET: "[street]",
    Kind.SCHOOL: "[school]", Kind.WORKPLACE: "[workplace]", Kind.HANDLE: "[social media handle]",
}
#: How a role on the team's list reads in a pseudonym: staff -> "[Staff member A]".
ROLE_LABELS = {"staff": "Staff member", "participant": "Participant", "family": "Family member", "": "Person"}


@dataclass(frozen=True, slots=True)
class Found:
    """A span of text a detector thinks identifies someone; ``score`` 0-1 is its confidence."""

    start: int
    end: int
    text: str
    kind: Kind
    source: str  # pattern | list | model
    score: float
    replacement: str | None = None


@dataclass(frozen=True, slots=True)
class Term:
    """An entry of the team's list: a name to find (``identify``) or a string never to propose (``ignore``)."""

    id: int
    term: str
    decision: str
    role: str
    replacement: str


@dataclass(frozen=True, slots=True)
class Candidate:
    """A stored candidate with its decision. ``field`` is 'text' (a span) or 'speaker' (a turn label);
    ``replacement`` is what a person or the list chose (``None``: the default, ``proposed``, decided at
    apply); ``context`` is a few words around it."""

    id: int
    document_id: int
    document: str
    revision: int
    field: str
    start: int | None
    end: int | None
    original: str
    kind: str
    source: str
    score: float
    status: str
    replacement: str | None
    proposed: str
    context: str = ""


def key_of(text: str) -> str:
    """The form two strings are compared in: case-folded, single spaces."""
    return " ".join(text.split()).casefold()


def letters(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: the letter of the ``index``-th pseudonym of a role."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(65 + rest) + out
    return out


def pseudonym(role: str, index: int) -> str:
    label = ROLE_LABELS.get(role.strip().lower(), role.strip().capitalize() or "Person")
    return f"[{label} {letters(index)}]"


def descriptor(kind: str) -> str:
    return DESCRIPTORS.get(Kind(kind), "[person]") if kind in Kind._value2member_map_ else "[identifier]"


# -- patterns ----------------------------------------------------------------------------------------
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_NAME = r"[A-Z][a-z][\w'’-]*"
_RELATION = (r"sister|brother|mum|mom|mother|dad|father|son|daughter|husband|wife|partner|friend|nan|gran|"
             r"grandma|grandad|grandmother|grandfather|uncle|aunt|auntie|cousin|niece|nephew|boyfriend|"
             r"girlfriend|carer|nurse|doctor|GP|consultant|therapist|psychiatrist|key ?worker|social worker|"
             r"support worker|neighbour|colleague|boss|manager|counsellor")
PATTERNS: tuple[tuple[Kind, float, re.Pattern[str]], ...] = (
    (Kind.EMAIL, 0.95, re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    (Kind.URL, 0.9, re.compile(r"\b(?:https?://|www\.)[^\s<>\"]*[^\s<>\".,;:!?)\]]")),
    (Kind.URL, 0.7, re.compile(r"\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|co\.uk|org\.uk|nhs\.uk|ac\.uk|gov\.uk|uk|io|info)\b(?:/[^\s]*[^\s.,;:!?)])?", re.I)),
    (Kind.PHONE, 0.85, re.compile(r"(?<![\w+])(?:\+44\s?\(?0?\)?\s?\d{2,5}|\(?0\d{2,5}\)?)[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\d)")),
    (Kind.PHONE, 0.8, re.compile(r"(?<![\w+])\+(?:[0-35-9]\d{0,2}|4[0-35-9])(?:[\s-]?\d{2,4}){2,5}(?!\d)")),
    (Kind.POSTCODE, 0.9, re.compile(r"\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?|GIR) ?\d[ABD-HJLNP-UW-Z]{2}\b")),
    (Kind.DATE, 0.7, re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b|\b\d{4}-\d{2}-\d{2}\b")),
    (Kind.DATE, 0.7, re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?\b")),
    (Kind.DATE, 0.7, re.compile(rf"\b{_MONTH}\s+(?:{_DAY}(?:,?\s+\d{{4}})?|\d{{4}})\b")),
    (Kind.PERSON, 0.8, re.compile(rf"\b(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Professor|Nurse|Sister|Father|Doctor)\.?\s+{_NAME}(?:\s+{_NAME})?")),
)
_NHS = re.compile(r"(?<![\d-])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\d-])")
_AGE = re.compile(
    r"\b(?:(?:aged?|I'?m|I am|(?:she|he|they|mum|dad)(?:'s| is| was))\s+(\d{1,3})(?!\s*(?:%|percent|pounds|quid|"
    r"minutes?|hours?|days?|weeks?|months?|times|of|or|\d|[.,]\d|am|pm|p\b|k\b))|(\d{1,3})[- ]years?[- ]old)\b",
    re.I,
)
_RELATIVE_NAME = re.compile(rf"\b(?i:my|our|her|his|their)\s+(?i:{_RELATION}),?\s+({_NAME})")
_CALLED = re.compile(rf"\b(?i:called|named)\s+({_NAME})")


def nhs_number_valid(digits: str) -> bool:
    """The NHS number mod-11 check: weights 10..2 on the first nine digits; 11 - (sum mod 11) is the
    tenth digit (11 means 0; 10 means the number is invalid)."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    check = 11 - sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True)) % 11
    return (0 if check == 11 else check) == int(digits[9]) and check != 10


def find_patterns(text: str) -> list[Found]:
    """Every identifier the patterns see in ``text``."""
    found = [Found(m.start(), m.end(), m.group(), kind, "pattern", score)
             for kind, score, pattern in PATTERNS for m in pattern.finditer(text)]
    for m in _NHS.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if nhs_number_valid(digits):
            found.append(Found(m.start(), m.end(), m.group(), Kind.NHS_NUMBER, "pattern", 0.95))
    for m in _AGE.finditer(text):
        age = int(m.group(1) or m.group(2))
        if 0 < age < 120:
            # Ages over 89 are rare enough to identify (HIPAA Safe Harbor groups them); children's too.
            score = 0.9 if age >= 90 else 0.7 if age < 18 else 0.5
            group = 1 if m.group(1) else 2  # the number only: "I'm [age] now", "[age] years old"
            found.append(Found(m.start(group), m.end(group), m.group(group), Kind.AGE, "pattern", score))
    for pattern, score in ((_RELATIVE_NAME, 0.75), (_CALLED, 0.6)):
        for m in pattern.finditer(text):
            found.append(Found(m.start(1), m.end(1), m.group(1), Kind.PERSON, "pattern", score))
    return [f for f in found if _phone_digits_ok(f)]


def _phone_digits_ok(found: Found) -> bool:
    if found.kind is not Kind.PHONE:
        return True
    return 9 <= sum(c.isdigit() for c in found.text) <= 13


# -- the team's list ---------------------------------------------------------------------------------
#: Capitalised words that are also names; a list part equal to one scores lower (more to reject).
_COMMON = frozenset("will may mark hope grace rose joy bill pat april june august faith dawn sky".split())


def find_terms(text: str, terms: Sequence[Term]) -> list[Found]:
    """Occurrences of the team's names: whole names (any case), their parts (as capitalised in the
    list, at least two letters), and parts of five or more letters misspelt by one letter (Connor for
    Conor, as automatic transcription writes them)."""
    found: list[Found] = []
    parts: dict[str, Term] = {}
    for term in terms:
        if term.decision != "identify" or not term.term.strip():
            continue
        words = term.term.split()
        whole = r"\b" + r"\s+".join(re.escape(w) for w in words) + r"\b"
        found.extend(Found(m.start(), m.end(), m.group(), Kind.PERSON, "list", 1.0, term.replacement or None)
                     for m in re.finditer(whole, text, re.I))
        for word in words:
            word = word.strip(".,")
            if len(word) >= 2 and word[0].isupper() and word.lower() not in {"dr", "mr", "mrs", "ms", "prof"}:
                parts.setdefault(word, term)
    if parts:
        alternatives = "|".join(re.escape(p) for p in sorted(parts, key=len, reverse=True))
        for m in re.finditer(rf"\b(?:{alternatives})\b", text):
            score = 0.6 if m.group().lower() in _COMMON else 0.9
            found.append(Found(m.start(), m.end(), m.group(), Kind.PERSON, "list", score, parts[m.group()].replacement or None))
        found.extend(_variants(text, parts))
    return found


def _variants(text: str, parts: dict[str, Term]) -> list[Found]:
    long = [p for p in parts if len(p) >= 5]
    found = []
    for m in re.finditer(r"\b[A-Z][a-z]{3,}\b", text):
        word = m.group()
        if word in parts:
            continue
        match = next((p for p in long if p[0] == word[0] and _one_apart(p, word)), None)
        if match is not None:
            found.append(Found(m.start(), m.end(), word, Kind.PERSON, "list", 0.75, parts[match].replacement or None))
    return found


def _one_apart(a: str, b: str) -> bool:
    """True when ``b`` is ``a`` with one letter added, dropped or changed."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, longer = (a, b) if len(a) < len(b) else (b, a)
    return any(longer[:i] + longer[i + 1 :] == short for i in range(len(longer)))


# -- speaker labels ---------------------------------------------------------------------------------
#: Speaker labels that name a role, not a person: research roles, the people a mental-health study
#: talks to ("Service user", "Carer", "Parent"), staff roles, and codes ("P07", "R").
_GENERIC_SPEAKER = re.compile(
    r"^(?:(?:lead |co-?|peer |lived experience |assistant |senior )?(?:interviewer|researcher)|interviewee|participant|"
    r"respondent|facilitator|co-?facilitator|moderator|speaker|unknown|note ?taker|observer|interpreter|translator|"
    r"host|chair|service user|user|expert by experience|carer|family carer|parent|guardian|relative|family member|"
    r"patient|client|young person|child|student|pupil|member|staff(?: member)?|clinician|nurse|doctor|"
    r"practitioner|therapist|psychiatrist|psychologist|social worker|support worker|advocate|mum|mam|mother|dad|"
    r"father|son|daughter|partner|husband|wife|sibling|friend|group member|audience|all|both|several|others|"
    r"int|resp|i|r|p|q|a|iv|ie|su|c|f|pt)\s*(?:[\d.]*|[A-Z])$|^[A-Z]{1,3}\s?\d{1,4}$|^\[.*\]$",
    re.I,
)


#: The words role labels are made of: roles in research, care, family and work, and what qualifies
#: them ("Peer support worker", "Lived experience researcher", "Mum of P3", "Female voice 2").
ROLE_WORDS = frozenset("""
interviewer interviewee interviewers researcher researchers research participant participants respondent
respondents resp int facilitator facilitators cofacilitator co moderator speaker speakers unknown unidentified
unnamed note notetaker taker observer interpreter translator host chair service user users expert experience
lived by carer carers caregiver family parent parents guardian guardians relative relatives member members
patient patients client clients young person people child children kid kids student students pupil pupils staff
clinician clinicians clinical nurse nurses doctor doctors practitioner therapist therapists psychiatrist
psychologist psychology social worker workers support advocate advocacy mum mam mom mother dad father son daughter
partner husband wife spouse sibling siblings brother sister friend friends group focus audience all both several
others other peer peers lead senior junior trainee assistant community mental health healthcare care key
keyworker coordinator co-ordinator manager managers team leader ward occupational speech language youth housing
probation police officer officers teacher teachers head headteacher deputy lecturer tutor mentor coach chaplain
imam pastor vicar priest pharmacist receptionist paramedic consultant registrar matron midwife visitor male
female man woman men women boy girl teenager teen adult adults older younger elder eldest youngest middle
grandparent grandma grandmother grandad granddad grandfather nan nana nanna gran granny auntie aunt aunty uncle
cousin niece nephew step stepdad stepmum stepmother stepfather stepson stepdaughter foster adoptive birth
biological voice voices questioner answerer question answer resident residents tenant volunteer volunteers
first second third fourth main primary secondary new old bsl sign investigator principal chief project admin
administrator survivor veteran self inpatient outpatient professional professionals worker practice
engagement lay public contributor contributors panel panellist respondent interviewee's of the and for from
with to a an in at on one two three four five six seven eight nine ten baby infant toddler subject case
""".split())
#: Abbreviations role labels use ("SU", "YP", "CPN", "FG participant").
ROLE_ABBREVIATIONS = frozenset("""
int intv ivr iv ie ier iee resp res su sus yp pr ppi pi ra rf sw cpn ot hca rmn rgn cco kw le lex fg mh slt
amhp gp ta senco bsl nt mod fac pt ppt p r q a i c f m s t y fm hv dr cc sp mhp spr bsw ee""".split())


def _role_label(clean: str) -> bool:
    """True when every word of a label is a role word, a role abbreviation, a number or a code ("P03a",
    "Researcher 2:", "Mum (P4)", "Participant_03"): a label made only of those names no one."""
    tokens = re.findall(r"[^\W\d_]+|\d+", clean.replace("’", "'").replace("'s", ""))
    if not tokens:
        return False
    return all(t.isdigit() or t.casefold() in ROLE_WORDS or t.casefold() in ROLE_ABBREVIATIONS
               or (len(t) == 1 and t.isalpha()) for t in tokens)


def speaker_score(label: str, terms: Sequence[Term]) -> float | None:
    """How likely a speaker label is a real name (``None``: a role or code such as 'Interviewer', 'P07')."""
    clean = " ".join(label.split())
    if not clean or _GENERIC_SPEAKER.match(clean) or not any(c.isalpha() for c in clean) or _role_label(clean):
        return None
    if any(f.source == "list" and f.score >= 0.9 for f in find_terms(clean, terms)):
        return 1.0
    names = re.findall(r"\b[A-Z][a-z'’-]+\b", clean)
    return 0.9 if len(names) >= 2 else 0.7 if names else 0.4


# -- one candidate per stretch of text --------------------------------------------------------------
def merge(found: Iterable[Found]) -> list[Found]:
    """Overlapping finds become one candidate over their union: kind, replacement and source of the
    longest (the list's first), score of the most confident."""
    ordered = sorted(found, key=lambda f: (f.start, -f.end))
    merged: list[list[Found]] = []
    for item in ordered:
        if merged and item.start < max(f.end for f in merged[-1]):
            merged[-1].append(item)
        else:
            merged.append([item])
    out = []
    for group in merged:
        lead = max(group, key=lambda f: (f.source == "list", f.end - f.start, f.score))
        start, end = min(f.start for f in group), max(f.end for f in group)
        out.append(replace(lead, start=start, end=end, score=max(f.score for f in group)))
    return out


def with_text(found: Sequence[Found], text: str) -> list[Found]:
    """Each find with ``text`` re-read from its (possibly merged) span, edges stripped of spaces and
    trailing punctuation."""
    out = []
    for f in found:
        start, end = f.start, f.end
        while end > start and text[end - 1] in " \t\n.,;:!?'’)":
            end -= 1
        while start < end and text[start] in " \t\n('‘":
            start += 1
        if end > start:
            out.append(replace(f, start=start, end=end, text=text[start:end]))
    return out


# -- what the use cases report ----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ScannedDocument:
    document_id: int
    document: str
    revision: int
    candidates: int
    by_kind: dict[str, int]


@dataclass(frozen=True, slots=True)
class ScanReport:
    """What a scan found; ``model`` names the named-entity model used, ``note`` says how to enable one."""

    documents: tuple[ScannedDocument, ...]
    model: str | None
    note: str
    seconds: float
    words: int


@dataclass(frozen=True, slots=True)
class Decision:
    """A decision on one candidate and how many candidates of the same string it reached."""

    candidate: Candidate
    same_string: int


@dataclass(frozen=True, slots=True)
class AppliedDocument:
    document_id: int
    document: str
    replacements: int
    revision: int
    deidentified: bool
    undecided: int
    codings: dict[str, int]


@dataclass(frozen=True, slots=True)
class ApplyReport:
    documents: tuple[AppliedDocument, ...]
    key_file: str
    key_entries: int
