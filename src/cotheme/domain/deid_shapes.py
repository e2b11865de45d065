"""De-identification rules for the names of services, schools, employers and addresses as interviews
say them, and for social-media handles and links however they are given.

Owns: services named with an organisation word in any case ("Northgate ward", "the Rowan practice",
"Fieldhead Home Treatment Team", "Barnstaple CAMHS", "HMP Leicester", "Dr Walker's surgery"); schools
("Sycamore Comprehensive", "St Thomas's RC High", "the University of Hull"); employers (a list of large
UK employers and high-street names, "B&Q"-shaped names, and what people say about work: "on nights at
X", "had to leave X", "X put me on a phased return"); flat and unit numbers with their street ("Flat 9,
46 Rosebery Place") and the street types the older rules lacked ("Rd", "St", "Parade", "Green");
handles introduced by a platform or said as usernames ("my snap is kaz_b99", "I'm jo_b1 on Twitter");
any link with a path, link shorteners and link-in-bio pages, links said aloud ("kaz dot com"); and a
capitalised possessive before a person's things ("Grace's mum"). A capitalised word at the start of a
sentence that is ordinary English ("Maternity ward") is not a name: the English word list is handed in.
Must not do I/O.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from cotheme.domain.deid import Found, Kind
from cotheme.domain.deid_employers import AMBIGUOUS_EMPLOYERS, EMPLOYERS
from cotheme.domain.deid_rules import stopped
from cotheme.domain.deid_spoken import finditer, near

_CAP = r"(?!I\b|I['’])[A-Z][\w'’&-]*"
_RUN = rf"{_CAP}(?:\s+(?:(?:of|and|&|on|upon|in|the|for)\s+)?{_CAP}){{0,4}}"

#: Capitalised words that name no one when they open a run: articles, pronouns, and the generic words
#: services, schools and wards are described with ("The Crisis Team", "Acute ward", "Primary School").
GENERIC = frozenset(w.casefold() for w in """
The A An This That These Those My Our Your His Her Their Its Every Each Any Some No Another Which What Whose
Other Same New Old Local Main Big Little First Second Next Last Only One Two Both All Most Such Then So But And
Or If When While After Before Because Since Until At On In To From By For With Of Up Down Over Under Into Onto
Mental Health Healthcare Psychiatric Psychiatry Acute General Medical Surgical Maternity Children's Childrens
Kids Adult Adults Older Elderly Young Youth Day Night Inpatient Outpatient Community Home Treatment Crisis Early
Intervention Assessment Admissions Admission Rehab Rehabilitation Recovery Secure Forensic Dementia Eating
Disorder Disorders Addiction Addictions Drug Drugs Alcohol Substance Misuse Perinatal Mother Baby Family
Liaison Psychology Psychological Therapy Therapies Talking Counselling Wellbeing Women's Women Men's Men
Specialist Intensive Emergency Urgent Primary Secondary Care Social Services Service Team Unit Ward Clinic
Practice Surgery Hospital Hospice Centre Center GP Doctor's Doctors Dentist Dental NHS Private Council
Support Peer Carers Carer Patient Patients Outreach Respite Short Long Stay Stroke Cancer Heart Kidney
Renal Cardiac Orthopaedic Orthopedic Fracture Plaster Eye Ear Skin Sexual Memory Pain Sleep Diabetes
Respiratory Chest Lung Infectious Isolation Discharge Transition Step Nursing Residential Supported Housing
High School Comprehensive Secondary Academy College University Sixth Form Junior Juniors Infant Infants
Nursery Grammar Prep Free Special Catholic Church England RC CE Methodist Islamic Jewish
Everyone Everybody Someone Somebody Anyone Anybody Nobody Everything Something Anything Nothing It It's
There Here Who Why How Where Today Tonight Tomorrow Yesterday Yeah Yes Well Oh Just Even Also Still Now
I I'm I'd I've Mum Mam Dad Nan Gran Grandma Grandad Auntie Uncle Sister Brother God
Good Lovely Brilliant Excellent Amazing Fantastic Wonderful Whole Entire District Nurse Nurses Nursing Hospital's
""".split())

#: What ends a service's name; the multi-word ones in any case ("Leeds crisis team").
_ORG_TAIL = (r"(?:(?i:community mental health team|mental health team|home treatment team|crisis resolution team|"
             r"crisis team|crisis service|crisis house|early intervention(?:\s+in\s+psychosis|\s+team|\s+service)?|"
             r"assertive outreach(?:\s+team)?|community team|day hospital|day centre|drop-in|carers centre|"
             r"recovery centre|wellbeing hub|food\s?bank|women's aid|women’s aid)|Hub|Refuge|"
             r"Rethink(?:\s+group)?|Samaritans|Mind|Healthwatch|CAMHS|CMHT|CRHT|HTT|IAPT|EIP|EIS|MASH|Team|"
             r"Jobcentre(?: Plus)?|Job Centre(?: Plus)?|(?i:jobcentre|job centre))")
_ORG_NAMED = re.compile(rf"\b(?:St\.?\s+)?({_RUN})\s+{_ORG_TAIL}(?:\s+(?i:group|team|service))?\b")
#: A name before an organisation word in lower case: "Northgate ward", "the Rowan practice".
_ORG_LOWER = re.compile(rf"\b({_CAP}(?:\s+{_CAP}){{0,2}})\s+(?:ward|unit|practice|surgery|clinic|hospice|"
                        r"hospital|team|centre|center|health centre|medical centre|day centre|house|home|"
                        r"group|project|trust)\b")
_ORG_PREFIX = re.compile(rf"\b(?:HMP|HMYOI|HM Prison|HMP/YOI|Ward)\s+(?:{_CAP}(?:\s+{_CAP})?|\d{{1,2}}[A-Z]?\b)")
_DOCTOR_PRACTICE = re.compile(rf"\b(?:Dr|Doctor)\.?\s+{_CAP}(?:'s|’s)\s+(?i:surgery|practice|clinic|list)\b")

_SCHOOL_TAIL = (r"(?:(?:C of E|CofE|CE|RC|Catholic|Church of England|Methodist|Islamic|Jewish|Community|Free|"
                r"Studio|Special|Junior and Infant|Infant and Junior)\s+)?(?:Primary|High|Comprehensive|Secondary|"
                r"Infants?|Juniors?|Academy|Grammar|Prep|Sixth Form(?:\s+College)?|College|School|UTC|PRU|"
                r"Pupil Referral Unit|University)(?:\s+School)?")
_SCHOOL_NAMED = re.compile(rf"\b(?:St\.?\s+)?({_RUN})\s+{_SCHOOL_TAIL}\b")
#: A name before a school word in lower case: "Notre Dame sixth form", "Horbury primary".
_SCHOOL_LOWER = re.compile(rf"\b({_CAP}(?:\s+{_CAP}){{0,2}})\s+(?:sixth form(?: college)?|primary(?: school)?|"
                           r"high school|secondary(?: school)?|infants|juniors|comprehensive|grammar(?: school)?|"
                           r"academy|college|uni|university)\b")
_UNIVERSITY = re.compile(rf"\b(?:University|College|Institute) of {_RUN}")

_EMPLOYER = re.compile(r"(?<![\w&])(?=[A-Z2t])(?:" + "|".join(re.escape(e) for e in sorted(EMPLOYERS, key=len, reverse=True))
                       + r")(?![\w&])")
#: The words an employer's name starts with, in lower case: the list is read only near one of them.
_EMPLOYER_WORDS = frozenset(re.split(r"[^A-Za-z0-9]+", e.removeprefix("the "))[0].lower() for e in EMPLOYERS) - {""}
_WORK_BEFORE = re.compile(r"(?i:nights|days|lates|earlies|shifts?|hours|job|work|works|working|worked|contract|"
                          r"agency|depot|warehouse|store|branch|till|tills|occupational health|HR|manager|boss|"
                          r"supervisor|apprenticeship|placement|employed|employer|leave|left|quit|joined|"
                          r"sacked|fired|redundant|resigned|started)\s+(?:(?:at|for|with|from|by|in)\s+)?(?:the\s+)?$")
_WORK_SAID = re.compile(rf"\b(?i:nights|days|lates|earlies|shifts?|hours|occupational health|HR|depot|warehouse|"
                        rf"agency work|contract)\s+(?i:at|for|with)\s+(?:the\s+)?({_RUN})"
                        rf"|\b(?i:had to leave|have to leave|left|quit|joined|sacked from|fired from|laid off from|"
                        rf"let go from|redundant from|resigned from|signed off from|signed off work from)\s+(?:the\s+)?({_RUN})"
                        rf"|(?:^|(?<=[.!?\n]\s)|(?<=\n))({_RUN})\s+(?:put me on|took me on|kept me on|let me go|"
                        rf"laid me off|sacked me|made me redundant|signed me off|paid me off|gave me the sack)"
                        rf"|\b(?:I|she|he|they|we)\s+(?:was|were|am|'m|is|'s)\s+an?\s+[a-z]+(?:\s+[a-z]+)?\s+(?:at|for|with)\s+"
                        rf"(?:the\s+)?({_RUN})"
                        rf"|\b(?i:worked as|working as|job as|work as)\s+an?\s+[a-z]+(?:\s+[a-z]+)?\s+(?:at|for|with)\s+"
                        rf"(?:the\s+)?({_RUN})")
_AMPERSAND_NAME = re.compile(r"(?<![\w&])[A-Z]{1,2}&[A-Z]{1,2}(?![\w&])")

#: Street types the older rules lacked; those that are also ordinary words need a number or "on"/"off".
_STREET_TYPES = (r"(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Drive|Crescent|Cres|Terrace|Tce|Parade|Mews|Gardens|"
                 r"Gdns|Place|Pl|Court|Ct|Way|Grove|Row|Walk|Rise|View|Hill|Green|Bank|Square|Sq|Boulevard|Wharf|"
                 r"Yard|Fold|Croft|Approach|Chase|Parkway|Broadway|Vale)")
_STREET_NAME = r"[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*)?"
_ADDRESS = re.compile(rf"\b(?:(?:Flat|Apartment|Apt\.?|Unit|Room|Maisonette|Studio)\s+\d{{1,4}}[A-Za-z]?,?\s+)?"
                      rf"\d{{1,4}}[A-Za-z]?,?\s+(?:{_STREET_NAME}\s+{_STREET_TYPES}\b(?!\s+[A-Z])|The\s+{_STREET_NAME}\b)")
_STREET_SAID = re.compile(rf"\b(?i:on|off|along|down|up|at|in|to|onto)\s+({_STREET_NAME}\s+{_STREET_TYPES})\b(?!\s+[A-Z])(?!['’]s)")
_ESTATE = re.compile(rf"\b({_STREET_NAME})\s+(?:estate|Estate)\b")
_FLAT = re.compile(r"\b(?:Flat|Apartment|Apt\.?|Maisonette)\s+\d{1,4}[A-Za-z]?\b")

_PLATFORM = (r"(?:snapchat|snap|insta|instagram|ig|tiktok|tik tok|twitter|x|facebook|fb|threads|bluesky|twitch|"
             r"discord|youtube|reddit|kik|telegram|linkedin|onlyfans|tumblr|pinterest|soundcloud|spotify)")
_USER = r"@?[A-Za-z0-9_][A-Za-z0-9_.]{1,29}[A-Za-z0-9_]"
_HANDLE_AFTER_PLATFORM = re.compile(
    rf"\b(?i:{_PLATFORM})(?:['’]s)?(?:\s+(?i:name|handle|username|user name|account|page|id|tag))?"
    rf"(?:\s*[:,-]|\s+(?i:is|was|it's|it’s|its|as|at))*(?:\s+(?i:it's|it’s|its|is|just))?\s+({_USER})")
_PLATFORM_AFTER = re.compile(rf"\s+(?i:on|at)\s+(?i:{_PLATFORM})\b")
_USER_BEFORE = re.compile(rf"(?<![\w@.])({_USER})$")
#: The words a handle is introduced by (platforms, "posts as", "add", "run by"), in lower case.
_HANDLE_WORDS = frozenset(re.findall(r"[a-z]+", _PLATFORM + " posts posting goes go known run username user handle "
                                                 "follow followed add added message messaged dm tag tagged"))
_HANDLE_SAID = re.compile(rf"\b(?i:posts as|posting as|goes by|go by|known as|run by|username|user name|handle|"
                          rf"follow|followed|add|added|message|messaged|dm|dm'd|tag|tagged)\s+(?:me\s+)?({_USER})")
_UNDERSCORED = re.compile(r"(?<![\w@./:-])[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]*(?![\w@]|\.\w)")

_SHORT_LINK = (r"(?:linktr\.ee|bit\.ly|tinyurl\.com|t\.co|youtu\.be|goo\.gl|ow\.ly|buff\.ly|lnk\.bio|beacons\.ai|"
               r"carrd\.co|wa\.me|t\.me|m\.me|fb\.me|ko-fi\.com|gofund\.me|shorturl\.at|rb\.gy|is\.gd|cutt\.ly|"
               r"tiny\.cc|linkin\.bio|bio\.link|msha\.ke|campsite\.bio)")
_URL_PATH = re.compile(r"(?<![\w@.])(?:https?://)?(?:[a-z0-9-]+\.)+[a-z]{2,13}/[^\s<>\"]*[^\s<>\".,;:!?)\]'’]", re.I)
_URL_SHORT = re.compile(rf"(?<![\w@.]){_SHORT_LINK}(?:/[^\s<>\"]*[^\s<>\".,;:!?)\]'’])?", re.I)
_URL_TLD = re.compile(r"(?<![\w@.])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:co|me|ee|ly|gl|be|tv|app|link|bio|page|site|online|"
                      r"ai|gg|xyz|scot|wales|cymru|london|blog|shop|store|ie|eu|social|life|live|community|club)\b"
                      r"(?![.@]?\w)", re.I)
_DOTTED = re.compile(r"(?<!\S)\S*?[A-Za-z0-9]\.[A-Za-z]\S*")
_URL_SAID = re.compile(r"\b[\w-]+(?:\s+dot\s+[\w-]+)*\s+dot\s+(?:com|org|net|co\s+dot\s+uk|org\s+dot\s+uk|uk|io|me|co)"
                       r"(?:\s+(?:forward\s+)?slash\s+[\w-]+)*\b", re.I)

_THINGS = (r"(?:mum|mam|mom|dad|nan|gran|grandad|sister|brother|son|daughter|husband|wife|partner|boyfriend|"
           r"girlfriend|kids|children|family|mate|friend|house|flat|car|place|birthday|funeral|wedding|party|"
           r"phone|laptop|room|bedroom|sofa|garden|idea|dog|cat|baby|ex)")
_POSSESSIVE = re.compile(rf"\b([A-Z][a-z]{{2,}})(?:'s|’s)\s+{_THINGS}\b")


_KIND_OF_TEAM = frozenset({"team", "unit", "clinic", "service", "group", "ward", "practice", "project"})


def _trimmed(m: re.Match[str], group: int, text: str, english: Collection[str]) -> tuple[int, int] | None:
    """The span of group ``group`` of ``m`` from its first specific word to the end of the match."""
    run = m.group(group)
    words = run.split()
    skip = 0
    while skip < len(words) and _generic(words[skip]):
        skip += 1
    if skip == len(words):
        return None
    offset = m.start(group) + _offset_of_word(run, skip)
    if all(stopped(w) for w in words[skip:]):
        return None  # "MS team", "CPN team": an abbreviation every transcript says, not a name
    tail = text[m.end(group):m.end()].strip().lower()
    if len(words) - skip == 1 and words[skip].isupper() and tail in _KIND_OF_TEAM:
        return None  # "MSK team", "TMS team", "IRIS team": what the team does, not where it is
    if _opens_sentence(text, offset) and words[skip].casefold() in english and len(words) - skip == 1:
        return None
    return offset, m.end()


def _generic(word: str) -> bool:
    bare = re.sub(r"(?:'s|’s)$", "", word).casefold()
    return word.casefold() in GENERIC or bare in GENERIC or word in ("of", "and", "&", "the", "in", "on", "upon")


def _offset_of_word(run: str, index: int) -> int:
    return [m.start() for m in re.finditer(r"\S+", run)][index]


def _opens_sentence(text: str, at: int) -> bool:
    before = text[max(0, at - 3):at]
    return at == 0 or bool(re.search(r"(?:^|[.!?:\"]\s*|\n\s*)$", before))


def _spans(pattern: re.Pattern[str], text: str, kind: Kind, score: float, group: int = 0) -> list[Found]:
    return [Found(m.start(group), m.end(group), m.group(group), kind, "rule", score)
            for m in pattern.finditer(text) if m.group(group)]


def find_services(text: str, english: Collection[str] = ()) -> list[Found]:
    """Health, care and voluntary services named with an organisation word, in any case."""
    found = []
    for pattern in (_ORG_NAMED, _ORG_LOWER):
        for m in pattern.finditer(text):
            span = _trimmed(m, 1, text, english)
            if span is not None:
                found.append(Found(span[0], span[1], text[span[0]:span[1]], Kind.ORGANISATION, "rule", 0.7))
    return found + _spans(_ORG_PREFIX, text, Kind.ORGANISATION, 0.8) + _spans(_DOCTOR_PRACTICE, text, Kind.ORGANISATION, 0.8)


def find_schools(text: str, english: Collection[str] = ()) -> list[Found]:
    """Schools, colleges and universities named with a school word ("Ossett High", "St Thomas's RC High")."""
    found = []
    for m in [*_SCHOOL_NAMED.finditer(text), *_SCHOOL_LOWER.finditer(text)]:
        span = _trimmed(m, 1, text, english)
        if span is not None:
            start = m.start() if text[m.start():m.start() + 2] == "St" and span[0] <= m.start(1) else span[0]
            found.append(Found(start, span[1], text[start:span[1]], Kind.SCHOOL, "rule", 0.75))
    return found + _spans(_UNIVERSITY, text, Kind.SCHOOL, 0.8)


def find_employers(text: str, english: Collection[str] = ()) -> list[Found]:
    """Employers from the list (an ambiguous one only where work is talked about), "B&Q"-shaped names,
    and capitalised names in what people say about work."""
    found = []
    for m in finditer(_EMPLOYER, text, near(text, _EMPLOYER_WORDS, digits=False, reach=12)):
        name = m.group().removeprefix("the ")
        start = m.end() - len(name)
        at_work = bool(_WORK_BEFORE.search(text[max(0, m.start() - 40):m.start()]))
        if name in AMBIGUOUS_EMPLOYERS and not at_work:
            continue
        found.append(Found(start, m.end(), name, Kind.WORKPLACE, "rule", 0.75 if at_work else 0.55))
    found += [Found(m.start(), m.end(), m.group(), Kind.WORKPLACE, "rule", 0.6) for m in _AMPERSAND_NAME.finditer(text)
              if m.group() not in ("A&E", "Q&A", "R&D", "B&B", "G&T", "S&M")]
    for m in _WORK_SAID.finditer(text):
        group = next(g for g in range(1, 6) if m.group(g))
        span = _trimmed(m, group, text, english)
        if span is not None:
            end = m.end(group)
            found.append(Found(span[0], end, text[span[0]:end], Kind.WORKPLACE, "rule", 0.6))
    return found


def find_addresses(text: str) -> list[Found]:
    """A house number (and a flat or unit number before it) with a street, and a street after "on",
    "off", "down" ("we were on Granby Walk")."""
    found = _spans(_ADDRESS, text, Kind.STREET, 0.8)
    for m in _STREET_SAID.finditer(text):
        if not _generic(m.group(1).split()[0]):
            found.append(Found(m.start(1), m.end(1), m.group(1), Kind.STREET, "rule", 0.65))
    found += [Found(m.start(1), m.end(), m.group(), Kind.PLACE, "rule", 0.65)
              for m in _ESTATE.finditer(text) if not _generic(m.group(1).split()[0])]
    return found + _spans(_FLAT, text, Kind.STREET, 0.6)


def find_handles(text: str, english: Collection[str] = ()) -> list[Found]:
    """Handles after a platform word ("my snap is kaz_b99"), before one ("jo_b1 on Twitter"), after
    "posts as", "add", "run by"; and words joined by "_" anywhere. Without "@", "_" or a digit a
    username must not be an English word."""
    found = []
    near_words = near(text, _HANDLE_WORDS, digits=False, reach=48)
    spans = [(m.start(1), m.group(1)) for pattern in (_HANDLE_AFTER_PLATFORM, _HANDLE_SAID)
             for m in finditer(pattern, text, near_words)]
    for m in _PLATFORM_AFTER.finditer(text):  # the platform first, then the word before it: cheaper than a scan
        before = _USER_BEFORE.search(text, max(0, m.start() - 32), m.start())
        if before:
            spans.append((before.start(1), before.group(1)))
    found = [Found(start, start + len(user), user, Kind.HANDLE, "rule", 0.75) for start, user in spans
             if _looks_like_user(user, english)]
    if "_" in text:
        found += [Found(m.start(), m.end(), m.group(), Kind.HANDLE, "rule", 0.6) for m in _UNDERSCORED.finditer(text)]
    return found


def _looks_like_user(user: str, english: Collection[str]) -> bool:
    if re.fullmatch(r"(?i:\d+(?:\.\d+)?(?:mg|mcg|ml|g|kg|mm|cm|km|k|p|pm|am|s|th|st|nd|rd))", user):
        return False  # "2 x 500mg", "x 10k": a dose or a quantity after a times sign, not a handle on X
    if user.startswith("@") or "_" in user or (re.search(r"\d", user) and re.search(r"[A-Za-z]", user)):
        return True
    if user != user.lower() or len(user) < 4 or not english:
        return False  # a capitalised word is a name (other rules), a lower-case one needs the list
    return user not in english and "." not in user.strip(".")


def find_links(text: str) -> list[Found]:
    """Links with a path, link shorteners and link-in-bio pages, other top-level domains, and links said
    aloud ("kaz dot com slash shop")."""
    found = []
    # Only words with a dot between letters can be links: read those, not the whole text (ten times faster).
    for token in _DOTTED.finditer(text):
        for pattern, score in ((_URL_PATH, 0.8), (_URL_SHORT, 0.85), (_URL_TLD, 0.6)):
            found += [Found(m.start(), m.end(), m.group(), Kind.URL, "rule", score)
                      for m in pattern.finditer(text, token.start(), token.end())]
    if " dot " in text.casefold():
        found += _spans(_URL_SAID, text, Kind.URL, 0.6)
    return found


def find_possessives(text: str) -> list[Found]:
    """A capitalised word with "'s" before a person's relatives or things ("Grace's mum", "Dawn's flat")."""
    return [Found(m.start(1), m.end(1), m.group(1), Kind.PERSON, "rule", 0.6) for m in _POSSESSIVE.finditer(text)
            if not _generic(m.group(1))]


def find_shapes(text: str, english: Collection[str] = ()) -> list[Found]:
    """Every service, school, employer, address, handle, link and possessive name in ``text``."""
    return (find_services(text, english) + find_schools(text, english) + find_employers(text, english)
            + find_addresses(text) + find_handles(text, english) + find_links(text) + find_possessives(text))
