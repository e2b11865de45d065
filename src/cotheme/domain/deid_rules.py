"""De-identification rules that read context: what interviews give away beyond the fixed patterns.

Owns the context rules (a relative named by role, "my sister Amira"; "lives in X"; "works at X";
"at X surgery"), the shapes of UK organisations, schools, workplaces and streets ("Elm Tree
Surgery", "Park Lane Primary School", "Harrison & Sons Ltd", "14 Acacia Road"), social-media handles,
the gazetteer matcher (place and first-name lists are handed in: loading them is I/O and lives in
``services.deid_gazetteer``) and the stop list that keeps "I'd", "Dad", "God", weekdays, months and
generic roles out of every detector's output. Must not do I/O.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from cotheme.domain.deid import Found, Kind

_CAP = r"[A-Z][\w'’&-]*"
#: A run of capitalised words, allowing "of", "and", "the", "&" inside ("Royal Hospital for Neuro-disability").
_NAMEISH = rf"{_CAP}(?:\s+(?:(?:of|and|for|the|on|upon|in|&)\s+)?{_CAP}){{0,5}}"
_NAME1 = r"[A-Z][a-z][\w'’-]*"

#: Words that end (or start) the name of a health, care, public or voluntary organisation.
ORG_WORDS = (
    "Surgery", "Medical Practice", "Medical Centre", "Health Centre", "Practice", "Hospital", "Infirmary",
    "Ward", "Unit", "Clinic", "Hospice", "Trust", "NHS Trust", "NHS Foundation Trust", "Foundation",
    "Centre", "Center", "Charity", "Council", "Society", "Association", "Partnership", "Project", "Service",
    "Services", "Talking Therapies", "Recovery College", "House", "Lodge", "Care Home", "Nursing Home",
    "Pharmacy", "Chemist", "Mosque", "Church", "Chapel", "Temple", "Gurdwara", "Synagogue", "Group",
)
SCHOOL_WORDS = ("Primary School", "Infant School", "Junior School", "Secondary School", "High School",
                "Grammar School", "School", "Academy", "College", "Sixth Form", "University", "Nursery")
WORK_WORDS = ("Ltd", "Limited", "PLC", "plc", "LLP", "Inc", "& Sons", "and Sons", "& Co", "Group", "Solicitors",
              "Motors", "Logistics", "Builders", "Construction", "Garage", "Bakery", "Cafe", "Café", "Salon",
              "Supermarket", "Warehouse", "Factory", "Distribution Centre", "Call Centre", "Bank", "Hotel", "Pub")
STREET_WORDS = ("Road", "Street", "Lane", "Avenue", "Close", "Drive", "Way", "Crescent", "Grove", "Terrace",
                "Place", "Gardens", "Court", "Rise", "View", "Walk", "Mews", "Square", "Row", "Hill", "Park Road")


def _alts(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_ORG = re.compile(rf"\b(?:St\.?\s+)?{_NAMEISH}\s+(?:{_alts(ORG_WORDS)})\b")
_ORG_PREFIX = re.compile(rf"\b(?:Mind|Age UK|Barnardo's|Samaritans|Healthwatch|Scope|Mencap|Shelter|Turning Point|"
                         rf"Cruse|Carers|Citizens Advice|Home-Start|Action for Children|Rethink)\s+(?:in|of)?\s*{_NAME1}"
                         rf"(?:\s+{_NAME1})?")
_SCHOOL = re.compile(rf"\b(?:St\.?\s+)?{_NAMEISH}\s+(?:{_alts(SCHOOL_WORDS)})\b|\b(?:University|College) of {_NAMEISH}")
_WORK = re.compile(rf"\b{_NAMEISH}\s+(?:{_alts(WORK_WORDS)})(?![\w])")
_STREET = re.compile(rf"\b(?:\d{{1,4}}[a-z]?,?\s+)?{_NAME1}(?:\s+{_NAME1})?\s+(?:{_alts(STREET_WORDS)})\b")
_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{1,28}[A-Za-z0-9_])?\b(?!@)")
_HANDLE_SAID = re.compile(r"\b(?i:instagram|insta|tiktok|twitter|snapchat|snap|facebook|handle|username|user name)"
                          r"(?:\s+(?:is|was|name is|account is|account|page))?,?\s+(?:is\s+)?(@[A-Za-z0-9_][A-Za-z0-9_.]{2,29}|"
                          r"[A-Za-z0-9]+[_.\d][A-Za-z0-9_.]{1,28})")

RELATIONS = ("sister", "brother", "mum", "mom", "mam", "mother", "dad", "father", "son", "daughter", "husband",
             "wife", "partner", "friend", "best friend", "mate", "nan", "nana", "nanna", "gran", "granny",
             "grandma", "grandad", "granddad", "grandmother", "grandfather", "uncle", "aunt", "auntie", "aunty",
             "cousin", "niece", "nephew", "boyfriend", "girlfriend", "fiancé", "fiance", "fiancée", "stepdad",
             "stepmum", "step-dad", "step-mum", "stepson", "stepdaughter", "grandson", "granddaughter",
             "sister-in-law", "brother-in-law", "mother-in-law", "father-in-law", "ex", "ex-husband", "ex-wife",
             "little one", "eldest", "youngest", "twin", "carer", "key worker", "keyworker", "social worker",
             "support worker", "care coordinator", "neighbour", "colleague", "boss", "manager", "counsellor",
             "therapist", "psychiatrist", "psychologist", "nurse", "doctor", "GP", "consultant", "midwife",
             "health visitor", "teacher", "tutor", "pastor", "vicar", "imam", "priest", "landlord", "lodger",
             "flatmate", "housemate", "kids", "children", "son's", "daughter's", "lad", "girl", "boy")
_RELATIVE = re.compile(rf"\b(?i:my|our|her|his|their|your|me)\s+(?:(?i:little|big|older|younger|eldest|youngest|"
                       rf"twin|late|old|new|best|oldest)\s+)?(?i:{_alts(RELATIONS)}),?\s+({_NAME1}(?:\s+{_NAME1})?)")
_CONTEXT_PERSON = re.compile(rf"\b(?i:called|named|name's|name is|known as|this is|spoke to|talked to|told|asked|"
                             rf"with|and|thanks?|cheers|met|see|saw|phoned|rang|texted|messaged|message|text|ring|call|calls? (?:him|her|me|them)|"
                             rf"called (?:him|her|me|them)|by|said to|asked|me and|mate)\s+({_NAME1}(?:\s+{_NAME1})?)"
                             rf"(?=(?:'s|’s)?\b)")
_CONTEXT_PLACE = re.compile(rf"\b(?i:live|lives|lived|living|grew up|grow up|born|moved|move|moving|from|up in|"
                            rf"down in|over in|round|near|outside|in the middle of|based|stay|stayed|staying|"
                            rf"raised|brought up|house in|flat in|estate in)\s+(?i:in|to|at|near|from)?\s*({_NAME1}"
                            rf"(?:[ -]{_NAME1}){{0,2}})")
_CONTEXT_WORK = re.compile(rf"\b(?i:works?|worked|working|job|employed|employer|shifts?|placement|volunteer(?:s|ed|ing)?"
                           rf"|apprenticeship|manager|boss|supervisor|been|started|staff|colleagues?|tills)\s+(?i:at|for|with|in)\s+(?:the\s+)?({_CAP}(?:\s+(?:&\s+)?{_CAP}){{0,4}})")
_CONTEXT_SCHOOL = re.compile(rf"\b(?i:school|went to|go to|goes to|going to|studied at|study at|pupil at|student at|"
                             rf"teacher at|attended|attends)\s+(?:the\s+)?({_NAME1}(?:\s+{_CAP}){{0,3}})")
_AGE_MORE = re.compile(r"\b(?i:turned|turning|turns|aged|age|age of|when I was|when she was|when he was|when they were|"
                       r"I was only|I was just|at|is|was|be|being|she's|he's|I'm|I am|only|just)\s+(\d{1,3})"
                       r"(?!\s*(?i:%|percent|per|pounds|quid|p\b|k\b|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|times|"
                       r"years?(?![- ]old)|yrs?(?![- ]old)|"
                       r"of|or|to|out|in\s+\d|and a half|o'clock|am|pm|miles?|mg|ml|foot|feet|ft|inch(?:es)?|stone|st\b|kg|kilos?|lbs?|pence|\d|[.,:/]\d|-\d|x\b))\b")
_DATE_MORE = re.compile(
    r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+)?(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|"
    r"Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?(?:,?\s+(?:'\d{2}|\d{4}))?\b|\b\d{1,2}(?:st|nd|rd|th)\b(?=\s+(?:of\s+)?"
    r"(?:last|this|next)\s+(?:month|year))|\b\d{4}/\d{1,2}/\d{1,2}\b|\b(?!(?:10|0?\d)\s?/\s?10\b)(?:[12]\d|3[01]|0?[1-9])\s?/\s?\d{2,4}\b(?=[\s.,;]|$)")

#: Capitalised words that are never an identifier on their own, whatever a detector says: how people
#: speak of relatives and roles, God, days and months, contractions, and services every transcript names.
#: Words that are never anyone's name or place whatever found them ("my nana The student nurse" is
#: a sentence without its full stop): a find of one of them alone would be echoed through every
#: transcript.
FUNCTION_WORDS = frozenset("""the a an and or but so if then than that this these those there here it its of to in on at
by for from with into onto over under up down out off as is was were be been are am do does did have has had not no
yes my our your his her their me him us them we they he she you who whom whose which what when where why how all any
some each every both either neither one""".split())

STOP = frozenset(w.casefold() for w in (
    "I", "I'd", "I'm", "I've", "I'll", "Id", "Im", "Ive", "Ill", "I’d", "I’m", "I’ve", "I’ll", "Mum", "Mom", "Mam",
    "Dad", "Daddy", "Mummy", "Nan", "Nana", "Nanna", "Gran", "Granny", "Grandma", "Grandad", "Granddad", "Auntie",
    "Aunty", "Uncle", "Sis", "Bro", "Mate", "God", "Lord", "Jesus", "Christ", "Allah", "Heaven", "Bless", "Oh",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Mondays", "Tuesdays",
    "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays", "Weekends", "Punjabi", "Urdu", "Bengali",
    "Hindi", "Gujarati", "Tamil", "Polish", "Arabic", "Somali", "Welsh", "Scottish", "Irish", "Muslim", "Christian",
    "Sikh", "Hindu", "Jewish", "Catholic", "Islam", "Quran", "Bible", "Mhm", "Mmm", "Ohh", "Ahh", "Erm", "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Christmas", "Easter", "Ramadan", "Eid", "Diwali", "Doctor", "Dr",
    "Nurse", "Sister", "Matron", "Consultant", "GP", "Therapist", "Counsellor", "Psychiatrist", "Psychologist",
    "Social Worker", "Key Worker", "Support Worker", "Carer", "Manager", "Boss", "Teacher", "Sir", "Miss",
    "Interviewer", "Participant", "Researcher", "Facilitator", "Speaker", "NHS", "the NHS", "A&E", "CAMHS",
    "CMHT", "Crisis Team", "Zoom", "Teams", "Covid", "COVID", "Covid-19", "Google", "Facebook", "WhatsApp",
    "Universal Credit", "DWP", "PIP", "Instagram", "Insta", "TikTok", "Snapchat", "Twitter",
    "YouTube", "LinkedIn", "Reddit", "Discord", "Twitch", "Telegram", "Tumblr", "Pinterest", "Spotify",
    "Aftercare", "Chaplaincy", "GitHub", "Messenger", "Skype", "iPhone", "Android", "Siri", "Alexa", "English", "British", "Yeah", "Yes", "No", "Okay", "OK", "Right", "Hello",
    "Hi", "Thanks", "Thank", "Um", "Uh", "Mm", "Hmm", "So", "Well", "Like", "Cos", "Cause", "Dunno", "Bye",
    "Today", "Tomorrow", "Yesterday", "Morning", "Evening", "Night", "Mental Health", "Recovery", "Wellbeing",
    "the Lord", "Our Lord", "Mother", "Father", "Brother", "Son", "Daughter", "Husband", "Wife", "Partner",
    "the Trust", "Trust", "the Council", "Council", "the Ward", "Ward", "the Practice", "Practice",
    "the Surgery", "Surgery", "Hospital", "the Hospital", "Clinic", "School", "College", "University",
    "Ltd", "Limited", "Road", "Street", "Lane", "High Street", "the High Street", "Centre", "Service", "Services", "Charity", "Home",
    "Town Centre", "City Centre", "Job Centre", "Jobcentre", "Jobcentre Plus", "Community Centre", "Leisure Centre",
    "Shopping Centre", "Sports Centre", "Day Centre", "Health Centre", "Medical Centre", "Walk-in Centre", "Call Centre",
    "Service User", "Service Users", "User", "Patient", "Client", "Parent", "Carers", "Staff", "Everyone",
    "Everybody", "Everything", "Someone", "Somebody", "Something", "Anyone", "Anybody", "Anything", "Nobody",
    "Nothing", "It's", "It", "His", "Hers", "Mine", "Yours", "Theirs", "Have", "Felt", "Sadly", "Tea",
    # Abbreviations of treatments, roles, conditions and hospital departments that every UK mental-health
    # transcript says; the model reads them as organisations.
    "CPN", "CBT", "DBT", "ECT", "EMDR", "ACT", "CAT", "IPT", "PPE", "OT", "OTs", "HCA", "HCAs", "ENT", "HV",
    "PCN", "SEN", "SENCO", "SENCo", "EHCP", "ADHD", "ASD", "OCD", "PTSD", "CPTSD", "BPD", "EUPD", "GAD", "MS",
    "ME", "MRI", "CT", "ECG", "ICU", "ITU", "HDU", "MAU", "AMU", "CCU", "SPA", "MDT", "CPA", "DOLS", "DoLS",
    "AMHP", "RMN", "RGN", "HCP", "IAPT", "CRHT", "HTT", "EIP", "GPs", "CMHN", "CQC", "ESA", "JSA", "HMRC",
    "ETC", "ASAP", "FYI", "TV", "OK'd",
))


_MASK = re.compile(r"^[\[(]?(?=.*(?:XX|\*\*|__))[X*_]+(?:[\s.'’-]+[X*_]+)*[\])]?$")


def stopped(text: str) -> bool:
    """True when ``text`` (a detector's whole find) is on the stop list, or is a mask someone already
    put in ("XXXX XXX", "****")."""
    if _MASK.match(text.strip()):
        return True
    clean = text.strip(" .,;:!?'’\"()").casefold()
    clean = re.sub(r"(?:'s|’s)$", "", clean)
    return clean in STOP or clean.removeprefix("the ") in STOP or clean in FUNCTION_WORDS


def _group(pattern: re.Pattern[str], text: str, kind: Kind, score: float, group: int = 0) -> list[Found]:
    return [Found(m.start(group), m.end(group), m.group(group), kind, "rule", score)
            for m in pattern.finditer(text) if m.group(group) and not stopped(m.group(group))]


def find_context(text: str) -> list[Found]:
    """Identifiers that the words around them give away, and the shapes of names of organisations,
    schools, workplaces and streets."""
    found = (_group(_ORG, text, Kind.ORGANISATION, 0.8) + _group(_ORG_PREFIX, text, Kind.ORGANISATION, 0.8)
             + _group(_SCHOOL, text, Kind.SCHOOL, 0.8) + _group(_WORK, text, Kind.WORKPLACE, 0.75)
             + _group(_STREET, text, Kind.STREET, 0.75) + _group(_HANDLE, text, Kind.HANDLE, 0.85)
             + _group(_HANDLE_SAID, text, Kind.HANDLE, 0.8, 1) + _group(_RELATIVE, text, Kind.PERSON, 0.85, 1)
             + _group(_CONTEXT_PERSON, text, Kind.PERSON, 0.55, 1) + _group(_CONTEXT_PLACE, text, Kind.PLACE, 0.6, 1)
             + _group(_CONTEXT_WORK, text, Kind.WORKPLACE, 0.65, 1)
             + _group(_CONTEXT_SCHOOL, text, Kind.SCHOOL, 0.6, 1) + _group(_DATE_MORE, text, Kind.DATE, 0.7))
    for m in _AGE_MORE.finditer(text):
        if 0 < int(m.group(1)) < 120:
            found.append(Found(m.start(1), m.end(1), m.group(1), Kind.AGE, "rule", 0.5))
    return [f for f in found if _not_an_email_part(text, f)]


def _not_an_email_part(text: str, found: Found) -> bool:
    """A handle is not the domain half of an e-mail address."""
    return not (found.kind is Kind.HANDLE and found.start > 0 and text[found.start - 1].isalnum())


# -- gazetteers -------------------------------------------------------------------------------------
_WORD = re.compile(r"\b[A-Z][a-zA-Z'’-]+(?:[ -][A-Z][a-zA-Z'’-]+){0,3}\b")
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n|:\s+|\"\s*)$")


def find_gazetteer(text: str, names: Collection[str], kind: Kind, score: float, *,
                   common: Collection[str] = ()) -> list[Found]:
    """Capitalised words or runs of them that a gazetteer lists (``names`` case-folded). A run is tried
    longest first ("Moss Side" before "Moss"). A listed word that is also a common word (on ``common``,
    or written in lower case elsewhere in ``text``: "will", "hope") counts only inside a sentence with a
    capital letter, never at its start."""
    lowercase_here = set(re.findall(r"\b[a-z][a-z'’-]+\b", text))
    found = []
    for m in _WORD.finditer(text):
        # The run's words with their offsets; a possessive "'s" is not part of the name.
        words = [(w.start() + m.start(), w.end() + m.start()) for w in re.finditer(r"[A-Z][a-zA-Z]*(?:['’][a-rt-z]\w*)?", m.group())]
        i = 0
        while i < len(words):
            hit = None
            for j in range(min(len(words), i + 4), i, -1):
                start, end = words[i][0], words[j - 1][1]
                if text[start:end].casefold() in names:
                    hit = (j, start, end)
                    break
            if hit is None:
                i += 1
                continue
            i, start, end = hit
            name = text[start:end]
            folded = name.casefold()
            if stopped(name):
                continue
            if (folded in common or folded in lowercase_here) and (
                    start == 0 or _SENTENCE_START.search(text[max(0, start - 3) : start])):
                continue
            found.append(Found(start, end, name, kind, "gazetteer", score))
    return found


_TITLE_WORD = re.compile(r"\b[A-Z][a-z]+(?=(?:'s|’s)?\b)(?![’'][a-rt-z])")


def find_unknown_words(text: str, english: Collection[str], score: float = 0.4) -> list[Found]:
    """Capitalised words that are not ordinary English (``english``: lower-case common words) and not on
    the stop list: nicknames, rare surnames and districts no list holds ("Bex", "Handsworth"). Found as
    people at a low score; the review page shows them last. Needs a word list: with an empty one it
    finds nothing."""
    if not english:
        return []
    return [Found(m.start(), m.end(), m.group(), Kind.PERSON, "lexicon", score) for m in _TITLE_WORD.finditer(text)
            if len(m.group()) >= 3 and m.group().casefold() not in english and not stopped(m.group())]
