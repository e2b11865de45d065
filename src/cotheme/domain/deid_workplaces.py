"""De-identification rules for employers named after the words people use about work, services and schools
written in lower case, prisons' health teams, named programmes and charities with their place.

Owns: the employer after a work cue ("I worked at Ferguson's shipyard", "I work at Harland and Wolff",
"shifts at tunnock's", "my manager at Job Centre", "on the tills at morrisons"), but not ordinary phrases
("at home", "at the moment", "at night"); health services in lower case after the words before a place
("ended up at st nicholas hospital", "on rowan ward"); prisons' teams ("HMP Durham in-reach team");
programmes named "Op" or "Operation" and a name ("Op Courage"); schools in lower case ("at truro college",
"dundee and angus college", "falmouth uni") and where a course is done ("an access course through
Queen's"). ``domain.deid_buildings`` calls it. The gazetteers come in as arguments. Must not do I/O.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from cotheme.domain.deid import Found, Kind
from cotheme.domain.deid_rules import stopped

_CAP = r"(?!I\b)[A-Z][\w'’&-]*"
#: Words after a work cue that introduce the employer: "I worked at", "shifts at", "my manager at".
_WORK_CUE = re.compile(
    r"\b(?i:work(?:s|ed|ing)?\s+(?:at|for)|jobs?\s+(?:at|with)|shifts?\s+(?:at|for|with)|"
    r"(?:manager|boss|supervisor|line\s+manager|team\s+leader|gaffer|foreman|colleagues?|workmates?)\s+at|"
    r"employed\s+(?:by|at)|on\s+the\s+(?:tills|checkouts?|shop\s+floor)\s+at|apprenticeship\s+(?:at|with)|"
    r"placement\s+(?:at|with)|labouring\s+(?:at|for)|temping\s+at|"
    r"back\s+(?:at|to)(?=\s+(?:the\s+)?[A-Z]\S*(?:\s+[A-Z]\S*){0,2}\s+on\s+(?:a\s+)?phased\s+return))\s+(?:the\s+)?")
#: Kinds of workplace said after an employer's name ("Ferguson's shipyard", "tunnock's factory").
_KIND = (r"(?:ship\s?yard|yard|mill|mine|pit|works|docks|port|farm|abattoir|bakery|brewery|kitchen|factory|"
         r"warehouse|depot|plant|site|store|shop|garage|hotel|distillery|call\s+centre|distribution\s+centre)")
_CAP_NAME = re.compile(rf"{_CAP}(?:[ \t]+(?:(?:and|&|of)[ \t]+)?{_CAP}){{0,3}}(?:[ \t]+{_KIND}\b)?")
_POSSESSIVE = re.compile(rf"([a-z][a-z-]+)['’]s\b(?:[ \t]+{_KIND}\b)?")
_LOWER_WORDS = re.compile(r"[a-z][a-z0-9&'’-]*(?:[ \t]+[a-z][a-z0-9&'’-]*){0,3}")
#: Words that end an employer's name said in lower case, and words that are never one.
_FUNCTION = frozenset("""a an the my your his her our their this that these those it its me him them us you i we
they he she now then and or but so as at in on for of to from with by into onto about after before until when
while if because like just only still all some any no not every each since till during over under up down out
off through there here where which who what how why is was were are be been being do does did have has had will
would can could should may might must part full time temp temporary weekends weekend nights night days day
evenings evening mornings morning home work school uni college church sea lunch dinner breakfast first last least
least once present random times moment bedtime midnight christmas easter myself yourself himself herself ourselves
themselves free nothing ages years months weeks hours nhs council agency local""".split())
#: Services that are workplaces when someone works there, though the stop list has them.
_SERVICE_WORKPLACES = frozenset(("job centre", "jobcentre", "jobcentre plus", "job centre plus", "dwp"))
#: People whose house someone may work at ("at my mum's" is not an employer).
_PEOPLE = frozenset("""mum mam mom dad da nan nana gran granny grandma grandad uncle aunt auntie aunty cousin brother
sister son daughter wife husband partner mate pal friend neighbour boyfriend girlfriend someone somebody everyone
one other people children kids baby today yesterday tomorrow night week year""".split())

#: "ended up at st nicholas hospital", "on rowan ward": a lower-case service after a word of place.
_SERVICE_LOWER = re.compile(r"\b(?:at|in|into|to|from|on|under)[ \t]+(?:the[ \t]+)?((?:[a-z][a-z'’.-]*[ \t]+(?:and[ \t]+)?){1,3}?"
                            r"(?:hospital|ward|clinic|unit|centre|surgery|practice|hospice|infirmary|crisis[ \t]+line|crisis[ \t]+team|"
                            r"(?:nhs[ \t]+)?(?:foundation[ \t]+)?trust))\b")
#: "when I was at truro college", "dundee and angus college", "falmouth uni".
_SCHOOL_LOWER = re.compile(r"\b(?:at|to|from|in|through|attended|attend)[ \t]+((?:[a-z][a-z'’.-]*[ \t]+(?:and[ \t]+)?){1,3}?"
                           r"(?:college|uni|university|academy|high|grammar|primary|school))\b(?![ \t]+(?:degree|course|student))")
#: "an access course through Queen's", "a degree at Bangor": where a course is done.
_COURSE_AT = re.compile(rf"\b(?i:course|degree|diploma|foundation\s+year|HND|HNC|NVQ|qualification|masters|PGCE)s?\s+"
                        rf"(?:through|at|with|via)\s+({_CAP}(?:[ \t]+{_CAP}){{0,2}})")
#: "HMP Durham in-reach team", "HMP & YOI Doncaster healthcare": a prison and its health team.
_PRISON = re.compile(rf"\b(?:HMP[ \t]*(?:&|and)[ \t]*YOI|HMYOI|HMP|HM[ \t]+Prison|HM[ \t]+YOI)[ \t]+{_CAP}(?:[ \t]+{_CAP})?"
                     r"(?:[ \t]+(?:(?i:in-?reach|mental[ \t]+health|health[ \t]?care|healthcare|drug|substance[ \t]+misuse)"
                     r"(?:[ \t]+(?:team|service|unit|wing))?|(?:team|wing|unit)\b))?")
#: "Op Courage", "Operation Courage": a named programme.
_OPERATION = re.compile(rf"\b(?:Op|Operation)[ \t]+({_CAP})(?![\w'’-])")


#: Words for what a clinic or unit is for, which the word lists may lack or hold as names ("podiatry clinic", "air con unit").
_MEDICAL = frozenset("""podiatry physio physiotherapy dermatology cardiology oncology orthopaedic orthopaedics ortho
fracture diabetes diabetic ophthalmology audiology urology gynae gynaecology antenatal postnatal maternity fertility
ivf haematology rheumatology respiratory neurology endoscopy colposcopy psych psychiatric rehab detox methadone gum
outpatients outpatient out-patients paediatric paediatrics neonatal dialysis renal chemo radiotherapy mri x-ray xray
ct pain memory menopause asthma triage gp a&e ent mhu cmht iapt hdu icu itu walkin walk-in ambulatory aircon air con""".split())
_MEDICAL_ENDINGS = ("ology", "iatry", "iatric", "therapy", "pathy", "natal", "ics", "scopy", "graphy")


def _name_like(word: str, first_names: Collection[str], places: Collection[str], english: Collection[str]) -> bool:
    w = word.strip("'’.").removesuffix("'s").removesuffix("’s")
    if len(w) < 2 or w in _FUNCTION or w in _MEDICAL or w.endswith(_MEDICAL_ENDINGS):
        return False
    return w in places or w in first_names or w in _NAMING_WORDS or (w not in english and len(w) > 3)


#: Words that only a service's or a school's own name has ("hull royal infirmary", "the county hospital").
_NAMING_WORDS = frozenset("royal memorial county district cottage infirmary saint st".split())


def _lower_employer(text: str, at: int, english: Collection[str], places: Collection[str]) -> tuple[int, int] | None:
    """The span of an employer said in lower case at ``at``: a possessive that is no word ("tunnock's"),
    a service that employs ("job centre"), or up to three words before a function word with one of them
    no English word ("morrisons", "asda superstore")."""
    m = _POSSESSIVE.match(text, at)
    if m:
        base = m.group(1)
        if base not in english and base not in _PEOPLE and not stopped(base):
            return m.start(), m.end()
        return None
    m = _LOWER_WORDS.match(text, at)
    if not m:
        return None
    words: list[str] = []
    end = at
    for w in re.finditer(r"\S+", m.group()):
        if w.group() in _FUNCTION:
            break
        words.append(w.group())
        end = at + w.end()
    if not words:
        return None
    phrase = " ".join(words)
    if phrase in _SERVICE_WORKPLACES or (len(words) >= 2 and " ".join(words[:2]) in _SERVICE_WORKPLACES):
        return at, end
    if any(w not in english and w not in places and w.isalpha() and len(w) > 2 and not stopped(w) for w in words):
        return at, end
    return None


def find_work_cued(text: str, english: Collection[str], places: Collection[str]) -> list[Found]:
    """Employers after the words people use about work ("I worked at Ferguson's shipyard", "shifts at
    job centre"): capitalised names with "and" or "&" joins, possessives and lower-case names."""
    out = []
    for cue in _WORK_CUE.finditer(text):
        at = cue.end()
        the = cue.group().rstrip().casefold().endswith(" the")
        m = _CAP_NAME.match(text, at)
        if m:
            name = m.group()
            # "Tesco and Sarah works at Asda": a first word after "and" that starts a new clause ends the name.
            name = re.split(r"[ \t]+(?:and|&)[ \t]+(?=[A-Z][a-z]+[ \t]+(?:works?|worked|is|was|said|went|and)\b)", name)[0]
            folded = name.casefold()
            if folded in _SERVICE_WORKPLACES or not stopped(name) and not stopped(name.split()[0]):
                out.append(Found(at, at + len(name), name, Kind.WORKPLACE, "cue", 0.65))
            continue
        if the and not _POSSESSIVE.match(text, at):
            continue  # "at the moment", "at the docks": a common noun
        span = _lower_employer(text, at, english, places)
        if span:
            out.append(Found(span[0], span[1], text[span[0] : span[1]], Kind.WORKPLACE, "cue", 0.55))
    return out


def _all_name_words(words: list[str], first_names: Collection[str], places: Collection[str],
                    english: Collection[str]) -> bool:
    """No function word among ``words`` (but "and" and "st"), and one of them a name or a place."""
    plain = [w for w in words if w not in ("and", "st", "st.", "saint")]
    if any(w in _FUNCTION for w in plain):
        return False
    return any(_name_like(w, first_names, places, english) for w in plain) or words[0] in ("st", "st.", "saint")


def find_lower_services(text: str, english: Collection[str], first_names: Collection[str],
                        places: Collection[str]) -> list[Found]:
    """Health services and schools written in lower case, prisons' teams, named programmes and where a
    course is done."""
    out = []
    for m in _SERVICE_LOWER.finditer(text):
        words = m.group(1).split()[:-1]
        if _all_name_words(words, first_names, places, english):
            out.append(Found(m.start(1), m.end(1), m.group(1), Kind.ORGANISATION, "rule", 0.6))
    for m in _SCHOOL_LOWER.finditer(text):
        words = m.group(1).split()[:-1]
        if words[0] != "and" and _all_name_words(words, first_names, places, english):
            out.append(Found(m.start(1), m.end(1), m.group(1), Kind.SCHOOL, "rule", 0.6))
    for m in _COURSE_AT.finditer(text):
        if not stopped(m.group(1)):
            out.append(Found(m.start(1), m.end(1), m.group(1), Kind.SCHOOL, "rule", 0.55))
    for m in _PRISON.finditer(text):
        out.append(Found(m.start(), m.end(), m.group(), Kind.ORGANISATION, "rule", 0.75))
    for m in _OPERATION.finditer(text):
        if not stopped(m.group(1)):
            out.append(Found(m.start(), m.end(), m.group(), Kind.ORGANISATION, "rule", 0.6))
    return out
