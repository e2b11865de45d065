"""De-identification rules for where people work, live and are treated, and when, in the everyday forms
the earlier rules missed.

Owns: employers in lower case or after the words people use about work ("worked at tesco", "I'm a
nurse at Airedale", "the Hermes depot", "a cleaning firm called Sparkle", "JB Plastering", "worked for
the council"); streets with a house number said in words ("forty-two Acacia Road"), after "number 6,",
with abbreviated types ("3 Meadow Cl", "18 Orchard Dr"), with the street word in lower case after
"on"/"off" ("on Acacia road") or wholly in lower case after "lived on"; hospitals known by a short
name ("Jimmy's", "GOSH", "the LGI", "the Maudsley", "the Royal" after "in"/"at"), numbered wards
("ward 7"), commissioners and urgent-care places ("West Yorkshire ICB", "Seacroft walk-in centre");
and dates in lower case ("12th of march", "march 2020"), relative months ("last March"), a day of the
month alone after "on the" ("on the 3rd"), and the year said after a date ("the third of the third,
eighty-seven"). Must not do I/O.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from cotheme.domain.deid import Found, Kind
from cotheme.domain.deid_employers import AMBIGUOUS_EMPLOYERS, EMPLOYERS
from cotheme.domain.deid_rules import stopped
from cotheme.domain.deid_shapes import GENERIC
from cotheme.domain.deid_spoken import NUMBER_WORD

_CAP = r"(?!I\b|I['’])[A-Z][\w'’&-]*"
_RUN = rf"{_CAP}(?:[ \t]+(?:(?:of|and|&|on|upon|the|for)[ \t]+)?{_CAP}){{0,4}}"  # never across a line


#: Words that describe a place rather than name it ("Best hospital", "Nearest walk-in centre").
_PRAISE = frozenset("""best worst nearest closest nice nicer great horrible awful terrible proper decent busy bigger
smaller different usual normal regular private public local same other big small""".split())
_TOKEN = re.compile(r"[\w&'’.-]+")


def listed_in(text: str, names: dict[str, str]) -> list[tuple[int, int, str]]:
    """Where the keys of ``names`` occur in ``text`` as whole words (longest first), with the value of
    each: one look-up per word, not one pass per name, so a list of hundreds costs no more than a few."""
    by_first: dict[str, list[str]] = {}
    for key in names:
        by_first.setdefault(re.split(r"[\s]+", key)[0], []).append(key)
    for keys in by_first.values():
        keys.sort(key=len, reverse=True)
    out = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        candidates = by_first.get(word) or by_first.get(word.rstrip(".,'’")) or by_first.get(word.rstrip(".,"))
        if not candidates or (m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "&'’-")):
            continue
        for key in candidates:
            end = m.start() + len(key)
            if text.startswith(key, m.start()) and not (end < len(text) and (text[end].isalnum() or text[end] in "&-")):
                out.append((m.start(), end, names[key]))
                break
    return out


def _named(text: str, start: int, run_end: int, end: int, english: Collection[str] = ()) -> tuple[int, int] | None:
    """The span from the first word of the name ``text[start:run_end]`` that is not generic ("The",
    "Mental", "Patient") to ``end``, or ``None`` when every word of the name is generic or on the stop
    list, or the name is one ordinary English word opening a sentence ("Quicker pharmacy")."""
    words = list(re.finditer(r"\S+", text[start:run_end]))
    skip = 0
    while skip < len(words) and _generic(words[skip].group()):
        skip += 1
    if skip == len(words) or all(stopped(w.group()) for w in words[skip:]):
        return None
    first = start + words[skip].start()
    if len(words) - skip == 1 and words[skip].group().casefold() in english and _opens_sentence(text, first):
        return None
    return first, end


def _generic(word: str) -> bool:
    bare = re.sub(r"(?:'s|’s)$", "", word).casefold()
    return (word.casefold() in GENERIC or bare in GENERIC or bare in _PRAISE
            or word in ("of", "and", "&", "the", "on", "upon", "for"))


def _opens_sentence(text: str, at: int) -> bool:
    return at == 0 or bool(re.search(r"(?:^|[.!?:\"]\s*|\n\s*)$", text[max(0, at - 3):at]))


# -- workplaces ---------------------------------------------------------------------------------------
_WORK_VERB = (r"(?i:work|works|worked|working|job|jobs|employed|shifts?|nights|days|contract|agency work|placement|"
              r"apprenticeship|volunteer(?:ed|ing)?|temping|temped)\s+(?i:at|for|with|in|by)\s+")
_WORK_CUE = _WORK_VERB + r"(?:the\s+)?"
_LOWER_EMPLOYER = {e.casefold(): e for e in EMPLOYERS if not e.startswith("the ")}
_BODY = re.compile(rf"\b{_WORK_VERB}(the (?i:council|DWP|civil service|NHS trust|police|fire service|"
                   r"ambulance service|prison service|army|navy|RAF|post office|jobcentre|job centre))\b")
#: "I'm a nurse at Airedale", "she's a cleaner for Mitie": a person, a job in lower case, "at" a name.
_JOB_AT = re.compile(rf"\b(?:I|[Ss]he|[Hh]e|[Tt]hey|[Ww]e|[Yy]ou)(?:['’](?:m|s|re)|\s+(?:am|is|are|was|were|used to be))\s+"
                     rf"(?:(?i:now|still|just|only)\s+)?an?\s+[a-z]+(?:[\s-][a-z]+)?\s+(?:at|for|with|in)\s+(?:the\s+)?({_RUN})")
#: What people say they did for an employer: "drove for X", "packed at X", "got a job at X", "employed by X".
_DID_FOR = re.compile(rf"\b(?i:drive|drives|drove|driving|deliver(?:s|ed|ing)?|clean(?:s|ed|ing)?|pack(?:s|ed|ing)?|"
                      rf"pick(?:s|ed|ing)?|stack(?:s|ed|ing)? shelves|serv(?:e|es|ed|ing)|cook(?:s|ed|ing)?|temp(?:s|ed|ing)?|"
                      rf"labour(?:s|ed|ing)?|intern(?:s|ed|ing)?|taught|teach(?:es|ing)?|employed|hired|contracted|"
                      rf"got a job|landed a job|got a start|apprentice|trainee|on the tills|on the checkouts|on the phones|"
                      rf"on the line|on the shop floor|been|started)\s+(?i:at|for|by)\s+(?:the\s+)?({_RUN})")
#: The employer named first and the work after ("Harrisons, where I worked", "Kirkgate Motors is where I
#: work"), or after "my employer", "my work", "my company" ("my employer, Leeds Building Society").
_WORK_AFTER = re.compile(rf"\b({_RUN}),?\s+(?:(?i:is|was|'s|’s)\s+)?(?i:where|which is where)\s+(?:I|[Ss]he|[Hh]e|[Ww]e|[Tt]hey|my \w+)\s+"
                         rf"(?:(?i:still|used to|had|have)\s+)?(?i:work|works|worked|working|was working|am working|started|did my)\b")
_MY_EMPLOYER = re.compile(rf"\b(?i:my|our|his|her|their)\s+(?i:employer|employers|work|company|firm|workplace|old job|last job|"
                          rf"new job)(?:,|\s+(?i:is|was|were|are))\s+(?:the\s+)?({_RUN})")
#: A lower-case name after the plainest work words ("worked at harrisons"): only if it is not English.
_WORK_LOWER = re.compile(r"\b(?i:work|works|worked|working|job|employed)\s+(?i:at|for|by)\s+([a-z][a-z'’&-]{3,}(?:\s+[a-z][a-z'’&-]+)?)")
_FUNCTION_WORDS = frozenset("for in at on and then as till until when from to with but or so of by".split())
_WORK_TAIL = (r"(?i:depot|warehouse|call centre|contact centre|distribution centre|fulfilment centre|factory|plant|store|"
              r"superstore|branch|head office|sorting office|delivery office|site|mill|yard|works)")
_AT_SITE = re.compile(rf"\b(?i:the|an?)\s+({_RUN})\s+{_WORK_TAIL}\b")
_CALLED = re.compile(rf"\b(?i:business|company|firm|agency|shop|salon|cafe|café|outfit)(?:\s+(?:called|named)|,)\s+({_RUN})"
                     rf"|\b(?i:self-employed|self employed|my own business|my own company|my own firm|ran my own \w+|"
                     rf"run my own \w+|set up my own \w+),?\s+(?:(?:called|named)\s+)?({_RUN})")
_COMPANY_WORDS = ("Brothers", "Bros", "Solutions", "Recruitment", "Haulage", "Transport", "Engineering", "Foods",
                  "Catering", "Cleaning", "Joinery", "Plastering", "Plumbing", "Electrical", "Electrics", "Roofing",
                  "Scaffolding", "Interiors", "Homes", "Properties", "Lettings", "Autos", "Taxis", "Couriers", "Removals",
                  "Landscaping", "Printing", "Textiles", "Packaging", "Plastics", "Fabrications", "Industries",
                  "Enterprises", "Holdings", "Consulting", "Associates", "Accountants", "Cakes", "Bakes", "Barbers",
                  "Kitchens", "Carpets", "Flooring", "Decorating", "Recycling", "Farms", "Dairies",
                  "& Son", "and Son", "& Daughters", "Ltd.", "Co.")
_COMPANY = re.compile(rf"\b({_RUN})\s+(?:{'|'.join(re.escape(w) for w in sorted(_COMPANY_WORDS, key=len, reverse=True))})(?![\w&])")


def find_workplaces(text: str, english: Collection[str] = ()) -> list[Found]:
    """Employers in lower case, public bodies after work words, a job "at" a name, a name before a
    depot or a warehouse, businesses "called" a name, and company names by their last word."""
    found = []
    for start, end, listed in listed_in(text.casefold(), _LOWER_EMPLOYER):
        name = text[start:end]
        if name != name.lower():
            continue  # with its capitals: ``deid_shapes`` reads it
        if all(w in english for w in name.split()) or listed in AMBIGUOUS_EMPLOYERS or len(name) < 4:
            if not re.search(_WORK_CUE + "$", text[max(0, start - 30):start]):
                continue
        found.append(Found(start, end, name, Kind.WORKPLACE, "rule", 0.6))
    found += [Found(m.start(1), m.end(1), m.group(1), Kind.WORKPLACE, "cue", 0.55) for m in _BODY.finditer(text)]
    for m in _WORK_LOWER.finditer(text):
        words = m.group(1).split()
        if english and words[0] not in english and not any(w in _LOWER_EMPLOYER for w in words):
            one = len(words) > 1 and (words[1] in english or words[1] in _FUNCTION_WORDS)
            end = m.start(1) + len(words[0]) if one else m.end(1)
            found.append(Found(m.start(1), end, text[m.start(1):end], Kind.WORKPLACE, "rule", 0.5))
    for pattern, score in ((_JOB_AT, 0.6), (_DID_FOR, 0.55), (_AT_SITE, 0.6), (_CALLED, 0.65), (_COMPANY, 0.7),
                           (_WORK_AFTER, 0.6), (_MY_EMPLOYER, 0.6)):
        for m in pattern.finditer(text):
            group = next(g for g in range(1, (m.lastindex or 1) + 1) if m.group(g))
            end = m.end() if pattern in (_AT_SITE, _COMPANY) else m.end(group)
            span = _named(text, m.start(group), m.end(group), end, english)
            if span is not None and not (pattern is _AT_SITE and _ordinary(text, span, english)):
                found.append(Found(span[0], span[1], text[span[0]:span[1]], Kind.WORKPLACE, "rule", score))
    return found


def _ordinary(text: str, span: tuple[int, int], english: Collection[str]) -> bool:
    """True when a name before "depot" or "store" is one ordinary English word ("the Main store")."""
    words = text[span[0]:span[1]].split()[:-1]
    return len(words) == 1 and words[0].casefold() in english and words[0].casefold() not in _LOWER_EMPLOYER


# -- streets ------------------------------------------------------------------------------------------
_TYPE = (r"(?:Road|Street|Lane|Avenue|Close|Drive|Crescent|Grove|Terrace|Place|Gardens|Court|Rise|View|Walk|Mews|"
         r"Square|Row|Hill|Way|Parade|Green|Vale|Park|Wynd|Bank|Fold|Croft|Chase|Mount|Heights|Boulevard|Circus|"
         r"Embankment|Esplanade|Promenade|Quay|Wharf|Causeway|Meadows?|Fields|Lawns?|Paddocks?|Orchard|Pastures|"
         r"Glade|Glen|Copse|Dene|Garth|Gate|Cross|Side|End|Edge|Top|Bottom|Nook|Approach|Link|Ridge|Dell|Hollow|"
         r"Lea|Leys|Oval|Crest|Knoll|Brow|Brae|Gait|Loan|Yard|Passage|Alley|Ginnel|Snicket)")
#: Street abbreviations no sentence uses otherwise: a name before one is a street, number or not.
_ABBREVIATED = re.compile(r"\b[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*){0,2}\s+(?:Rd|Ave|Ln|Cres|Gdns|Tce|Pde|Sq)\b\.?")
_TYPE_SHORT = r"(?:Rd|St|Ln|Ave|Av|Cl|Dr|Pde|Gr|Gro|Cres|Gdns|Tce|Ter|Pl|Sq|Ct|Wy|Hts|Mt|Pk)\.?"
_STREET_NAME = r"[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*){0,2}"
_NUMBERED = re.compile(rf"\b(?:(?i:number|no\.?)\s+\d{{1,4}}[A-Za-z]?,?\s+|(?i:{NUMBER_WORD})\s+|\d{{1,4}}[A-Za-z]?,?\s+)"
                       rf"(?:{_STREET_NAME})\s+(?:{_TYPE}\b|{_TYPE_SHORT}(?![\w]))")
_LOWER_TYPE = r"(?:road|street|lane|avenue|crescent|terrace|grove|gardens|mews|parade|drive|close|rd|ave)"
_ON_STREET = re.compile(rf"\b(?i:on|off|along|down|up|onto|near|past|opposite|round|corner of)\s+(?:the\s+)?"
                        rf"({_STREET_NAME}\s+{_LOWER_TYPE})\b(?!\s+(?:of|to|and)\b)")
_LIVED_ON = re.compile(rf"\b(?i:live|lives|lived|living|grew up|moved|house|flat|home|address|stay|stayed|staying|"
                       rf"bedsit|place)\s+(?i:on|in|to|at|off)\s+([a-z][a-z'’-]+(?:\s+[a-z][a-z'’-]+)?\s+{_LOWER_TYPE})\b")
_NOT_STREET_NAME = frozenset("""the a an this that my your our their his her main high back side busy long quiet same wrong
country ring slip dirt private dual one other little big narrow dark open new old next last first end top bottom
whole same steep winding""".split())


_ON_LOWER = re.compile(r"\b(?i:on|off|along|down|up|onto)\s+([a-z][a-z'’-]+(?:\s+[a-z][a-z'’-]+)?\s+(?:road|street|lane|avenue))\b")
_NOT_STREET_NAME_ON = frozenset("memory easy civvy bus toll cycle fast slow outside inside middle hard service access high "
                                "a an this that".split())
#: Estates and parks that are addresses: "Unit 4, Penraevon Industrial Estate", "Thorpe Park Business Park".
_ESTATE_ADDRESS = re.compile(rf"\b(?:(?:Unit|Units)\s+\d{{1,4}}[A-Za-z]?,?\s+)?({_RUN})\s+(?:Industrial Estate|Business Park|"
                             r"Retail Park|Trading Estate|Enterprise Park|Business Centre|Shopping Centre)\b")


def find_streets(text: str) -> list[Found]:
    """Streets with a house number (in digits, in words, after "number"), with an abbreviated type,
    with the street word in lower case after "on"/"off", or in lower case after "lived on"."""
    found = [Found(m.start(), m.end(), m.group(), Kind.STREET, "rule", 0.7) for m in _NUMBERED.finditer(text)]
    found += [Found(m.start(), m.end(), m.group(), Kind.STREET, "rule", 0.6) for m in _ABBREVIATED.finditer(text)
              if not _generic(m.group().split()[0])]
    for m in _ON_STREET.finditer(text):
        name = m.group(1).split()
        if name[0].casefold() not in GENERIC and not stopped(name[0]):
            found.append(Found(m.start(1), m.end(1), m.group(1), Kind.STREET, "rule", 0.6))
    for m in _LIVED_ON.finditer(text):
        if not any(w in _NOT_STREET_NAME for w in m.group(1).split()[:-1]):
            found.append(Found(m.start(1), m.end(1), m.group(1), Kind.STREET, "rule", 0.55))
    for m in _ON_LOWER.finditer(text):
        words = m.group(1).split()[:-1]
        if not any(w in _NOT_STREET_NAME or w in _NOT_STREET_NAME_ON or w in _FUNCTION_WORDS for w in words):
            found.append(Found(m.start(1), m.end(1), m.group(1), Kind.STREET, "rule", 0.5))
    for m in _ESTATE_ADDRESS.finditer(text):
        span = _named(text, m.start(1), m.end(1), m.end())
        if span is not None:
            start = min(m.start(), span[0]) if m.group().startswith("Unit") else span[0]
            found.append(Found(start, span[1], text[start:span[1]], Kind.STREET, "rule", 0.65))
    return found + _with_town(text, found)


#: ", Leeds" or ", Chapel Allerton" after a street, ending the address or before its postcode.
_TOWN_AFTER = re.compile(r",[ \t]*[A-Z][a-z]+(?:[ \t-][A-Z][a-z]+){0,2}(?=[ \t]*(?:[,.;:!?)]|$|\n|[A-Z]{1,2}\d))")


def _with_town(text: str, streets: Sequence[Found]) -> list[Found]:
    """A street with the town or district written after it, as one address."""
    out = []
    for f in streets:
        m = _TOWN_AFTER.match(text, f.end)
        if m and not stopped(m.group().strip(", ")):
            out.append(Found(f.start, m.end(), text[f.start:m.end()], Kind.STREET, "rule", f.score))
    return out


# -- health services ----------------------------------------------------------------------------------
#: Hospitals and units known by a short name or a nickname, matched with their capitals.
HOSPITALS = (
    "UCLH", "GOSH", "LGI", "BRI", "HRI", "RVI", "QMC", "QEUH", "QEHB", "NNUH", "UHW", "UHCW", "UHNM", "RLUH",
    "Jimmy's", "St Jimmy's", "Jimmys", "Great Ormond Street", "Alder Hey", "Addenbrooke's", "Addenbrookes",
    "Maudsley", "Bethlem", "Broadmoor", "Rampton", "Ashworth", "Carstairs", "Pinderfields", "Airedale",
    "Wythenshawe", "Stepping Hill", "Northern General", "Hallamshire", "Clatterbridge", "Marsden", "Moorfields",
    "Papworth", "Derriford", "Southmead", "Frenchay", "Musgrove", "Ninewells", "Gartnavel", "Stobhill",
    "Morriston", "Arrowe Park", "Fazakerley", "Walton Centre", "Whiston", "Salford Royal", "Hope Hospital",
    "Furness General", "James Cook", "Friarage", "Glenfield", "Heartlands", "Good Hope", "Selly Oak", "Walsgrave",
    "Hinchingbrooke", "Broomfield", "Whittington", "Homerton", "Royal Free", "Royal London", "Barts", "Guy's",
    "St Thomas'", "St Thomas's", "St Thomases", "Charing Cross", "Northwick Park", "Chase Farm", "Tavistock",
    "Becklin", "Newsam Centre", "Lynfield Mount", "Fieldhead", "Kendray", "Bootham", "Foss Park",
    "Roseberry Park", "Harplands", "Highcroft", "Barberry", "Hollins Park", "Hellesdon", "Fulbourn", "Littlemore",
    "Warneford", "Glenside", "Wonford House", "Springfield", "Cygnet", "Priory", "Nightingale", "Christie",
    "Royal", "Freeman", "Western General", "Infirmary", "General", "Retreat", "John Radcliffe", "JR", "QE",
    "Queen's", "Royal Vic", "Royal Ed", "Royal Hallamshire", "Manor", "Mount", "Countess",
    # mental-health trusts by the initials people call them
    "LYPFT", "SWYPFT", "BDCFT", "RDaSH", "TEWV", "CNTW", "GMMH", "SLaM", "SLAM", "ELFT", "NELFT", "CNWL", "AWP",
    "BSMHFT", "NSFT", "HPFT", "EPUT", "KMPT", "SPFT", "SHSC", "LPFT", "NAViGO", "Navigo", "MPFT", "DHCFT", "NHFT",
    "LSCFT", "MerseyCare", "Mersey Care", "Pennine Care", "Oxleas", "Sussex Partnership", "Tees Esk and Wear Valleys",
)
#: Short names that are ordinary words: they count only as "the X" after "in", "at", "to", "admitted"...
#: and before no other capitalised word ("I was in the Royal", never "the Royal Mail").
_NEEDS_THE = frozenset({"Royal", "Priory", "Nightingale", "Christie", "Freeman", "Infirmary", "General", "Retreat",
                        "Manor", "Mount", "Queen's", "Countess", "JR", "QE", "Royal Vic", "Royal Ed"})
#: Short names that are also names or places: they count after those words, with or without "the".
_NEEDS_CUE = frozenset({"SLAM", "Navigo", "Springfield", "Marsden", "Cygnet", "Tavistock", "Barberry", "Highcroft", "Bootham", "Glenside",
                        "Guy's", "Barts", "Whiston", "Becklin", "Kendray", "Fieldhead", "Broomfield", "Heartlands",
                        "Good Hope", "Homerton", "Whittington", "Maudsley", "Bethlem", "Musgrove", "Ashworth"})
_HOSPITAL_NAMES = {h: h for h in HOSPITALS}
_CARE_BEFORE = re.compile(r"(?i:\b(?:in|at|to|into|from|admitted|taken|rushed|transferred|sectioned|discharged|moved|sent|"
                          r"went|go|under|over|up|down|visit|visited|visiting|stay|stayed|born|ward|referred)(?:\s+(?:to|at|in|into|from))?)\s+$")
_WARD = re.compile(rf"\b(?i:ward)\s+(\d{{1,2}}[A-Za-z]?|(?i:{NUMBER_WORD}))\b(?!\s*(?:[:.]\d|%|(?i:(?:minute|hour|day|night|week|"
                   r"month|year|time|morning|evening)s?)\b))")
_HEALTH_TAIL = (r"(?:ICB|CCG|ICS|PCN|CSU|(?i:integrated care board|integrated care system|clinical commissioning group|"
                r"primary care network|health board|walk-in centre|walk in centre|urgent treatment centre|urgent care centre|"
                r"minor injuries(?: unit)?|maternity unit|birth centre|mental health unit|psychiatric unit|place of safety|"
                r"136 suite|section 136 suite|gp practice|medical group|group practice|family practice|health practice|"
                r"dental practice|opticians|pharmacy|chemist|a&e|accident and emergency|community hospital|day hospital|"
                r"rehab|rehab unit|detox unit|eating disorder unit|mother and baby unit|inpatient unit|hospital))")
_NAMED_HEALTH = re.compile(rf"\b((?:St\.?\s+)?{_RUN})\s+{_HEALTH_TAIL}(?![\w&])"
                           rf"|\b({_RUN})\s+(?:Royal|General|Memorial|Healthcare|Dental)\b(?![ \t]+[A-Z])")


def find_health_services(text: str, english: Collection[str] = ()) -> list[Found]:
    """Hospitals by their short names ("Jimmy's", "the LGI", "the Royal" after "in"), numbered wards,
    commissioners and urgent-care places named with a place ("West Yorkshire ICB")."""
    found = []
    for start, end, name in listed_in(text, _HOSPITAL_NAMES):
        if re.match(r"\s+[A-Z&]", text[end:end + 2]):
            continue  # "the Royal Mail", "Royal Free London": another name goes on
        the = re.search(r"(?i:\bthe)\s+$", text[max(0, start - 5):start])
        at = start - len(the.group()) if the else start
        cued = bool(_CARE_BEFORE.search(text, max(0, at - 30), at))
        if (name in _NEEDS_THE and not (the and cued)) or (name in _NEEDS_CUE and not cued):
            continue
        found.append(Found(at, end, text[at:end], Kind.ORGANISATION, "rule", 0.7))
    found += [Found(m.start(), m.end(), m.group(), Kind.ORGANISATION, "rule", 0.7) for m in _WARD.finditer(text)]
    for m in _NAMED_HEALTH.finditer(text):
        group = 1 if m.group(1) else 2
        span = _named(text, m.start(group), m.end(group), m.end(), english)
        if span is not None:
            found.append(Found(span[0], span[1], text[span[0]:span[1]], Kind.ORGANISATION, "rule", 0.7))
    return found


# -- dates --------------------------------------------------------------------------------------------
_MONTHS = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|"
           r"jun|jul|aug|sept|sep|oct|nov|dec)")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_LOWER_DATE = re.compile(rf"\b(?:the\s+)?({_DAY})\s+(?:of\s+)?({_MONTHS})\b(?:,?\s+(?:\d{{4}}|'\d{{2}}))?"
                         rf"|\b({_MONTHS})\s+(?:the\s+)?(\d{{1,2}}(?:st|nd|rd|th)\b|\d{{4}}\b|'\d{{2}}\b)", re.I)
_RELATIVE_MONTH = re.compile(r"\b(?i:last|this|next|that|the previous|the following)\s+(?:January|February|March|April|May|"
                             r"June|July|August|September|October|November|December)\b"
                             r"|\b(?:January|February|March|April|May|June|July|August|September|October|November|"
                             r"December)\s+(?i:just gone|last year|this year|before last)\b")
_MONTH_CAP = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|"
              r"Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)")
_MORE_DATES = re.compile(
    rf"\b(?i:spring|summer|autumn|winter)\s+(?:of\s+)?(?:\d{{4}}|'\d{{2}})\b"
    rf"|\b(?i:early|mid|late|the end of|the beginning of|the start of|the middle of|end of|beginning of|start of)[\s-]+"
    rf"{_MONTH_CAP}\b(?:,?\s+(?:\d{{4}}|'\d{{2}}))?"
    rf"|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Tue|Wed|Weds|Thurs|Thu|Fri|Sat|Sun)\.?,?\s+"
    rf"(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)\b"
    rf"|\b\d{{1,2}}[-/ ]{_MONTH_CAP}[-/ ]\d{{2,4}}\b|\b\d{{4}}-\d{{2}}\b(?=\s*(?:[.,;]|$))")
_HOLIDAY_YEAR = re.compile(r"\b(?i:xmas|christmas(?: eve| day)?|easter(?: sunday| monday)?|boxing day|new year['’]?s?(?: eve| day)?|"
                           r"bonfire night|halloween|valentine['’]?s(?: day)?|eid|diwali)\s+(?:\d{4}|'\d{2})\b")
_ORDINAL_WORDS = (r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
                  r"fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[- ]\w+|thirtieth|"
                  r"thirty[- ]first)")
#: What may follow a day of the month said alone: the clause goes on, or the month comes ("on the 3rd I
#: went", "on the 14th, came out"); a noun makes it a rank ("the 3rd person", "the 10th floor").
_AFTER_DAY = (rf"(?=\s*[.,;:!?)]|\s*$|\s+(?:and|when|but|so|I|we|he|she|they|it|at|in|then|to|till|until|or|because|after|"
              rf"before|for|last|this|next|that|of\s+(?i:{_MONTHS})\b|I['’]\w+)\b)")
_DAY_ALONE = re.compile(rf"(?:\b(?i:on|since|from|until|till|to|by|before|after|is|was)|(?<=['’])s)\s+"
                        rf"((?i:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)|(?i:{_ORDINAL_WORDS}))){_AFTER_DAY}")
_YEAR_SAID = (rf"(?:'\d{{2}}|\d{{4}}|(?i:(?:nineteen|twenty)\s+)?(?i:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
              rf"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|oh[- ](?:one|two|three|four|five|six|seven|eight|nine))"
              rf"|(?i:two thousand(?:\s+and)?(?:\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
              rf"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))?))")
_YEAR_AFTER = re.compile(rf",?\s+{_YEAR_SAID}\b(?!\s*(?:%|(?i:percent|pounds|quid|people|minutes|years|times|of)\b))")


def find_dates(text: str, found: Sequence[Found] = ()) -> list[Found]:
    """Dates with the month in lower case, relative months, a day of the month alone after "on the",
    and any date (``found``, the other rules' dates among them) with the year said after it."""
    out = []
    for m in _LOWER_DATE.finditer(text):
        month = m.group(2) or m.group(3)
        day_said = m.group(1) or m.group(4)
        if month.lower() == "may" and not re.search(r"(?:st|nd|rd|th)$|^\d{4}$", day_said or "") and " of " not in m.group():
            continue  # "you may 2" is not a date; "the 5th of may" and "may 2020" are
        if month == month.lower() or m.group().lower() != m.group():
            out.append(Found(m.start(), m.end(), m.group(), Kind.DATE, "rule", 0.65))
    out += [Found(m.start(), m.end(), m.group(), Kind.DATE, "rule", 0.6)
            for pattern in (_RELATIVE_MONTH, _HOLIDAY_YEAR, _MORE_DATES) for m in pattern.finditer(text)]
    for m in _DAY_ALONE.finditer(text):
        on = m.group().lower().startswith("on")
        if not on and not m.group(1).lower().startswith("the"):
            continue  # "I was 2nd" is a rank
        # "on 12th" and "on the 12th" keep their "on": the date the sentence gives.
        start = m.start() if on else m.start(1)
        out.append(Found(start, m.end(1), text[start:m.end(1)], Kind.DATE, "rule", 0.55))
    for f in [*found, *out]:
        if f.kind is Kind.DATE and not re.fullmatch(r"\d{4}|'\d{2}", f.text.strip()):
            m = _YEAR_AFTER.match(text, f.end)
            if m:
                out.append(Found(f.start, m.end(), text[f.start:m.end()], Kind.DATE, "rule", 0.65))
    return out


def find_places(text: str, english: Collection[str] = (), found: Sequence[Found] = ()) -> list[Found]:
    """Every workplace, street, health service and date these rules see in ``text``."""
    return find_workplaces(text, english) + find_streets(text) + find_health_services(text, english) + find_dates(text, found)
