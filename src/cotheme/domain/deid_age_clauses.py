"""De-identification rules for ages that the clause around a number makes an age, in the forms the
earlier rounds missed.

Owns: "at N" opening or closing a clause ("at forty-seven I wasn't", "first admission at 83 and then
again at fifty two"), never a time, a speed, a price or an address ("at 9 o'clock", "at 10:30", "at
15 minutes past", "at 10 Downing Street"); a person's "was"/"is" and a number that ends the clause
("Farzana was fourteen they started", "my cousin, Wei, was only thirteen at the time"), never after
"it"/"that"/"this"/"there" or a thing ("the bill was 20,"); "someone of eighty three", "a man of 51";
lower-case "im sixty"; number words or digits before a shortened "yrs old" ("twenty-five yrs old", "a
16-yr-old"); "from about 21, which"; and the ages said next to any age with a hedge between them
("fifty-five, maybe 70"); an age a group shared ("we were both, like, 15") and the age a question
proposes ("you were how old then, about fifty-five?"). The age found is the number only.
Must not do I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cotheme.domain.deid import Found, Kind
from cotheme.domain.deid_spoken import NUMBER_WORD, ages_said_next, spoken_number

_NUMBER = rf"(?:\d{{1,3}}|(?i:{NUMBER_WORD}))"
_HEDGE = r"(?:(?i:only|just|about|around|roughly|nearly|almost|barely|like|maybe|probably|still|already|not even|only just)\s+)"
#: What after a number makes it a time, a quantity, a measure or part of an address.
_NOT_AN_AGE = re.compile(
    r"\s*(?:[:.]\d|,\d{3}|%|[-–/]\d|(?i:o'clock|o’clock|oclock|am\b|pm\b|a\.m|p\.m|past\b|to\b|till\b|until\b|minutes?|mins?|"
    r"hours?|hrs?\b|days?|nights?|weeks?|months?|years?(?![- ]old)|seconds?|secs?|percent|per\b|pounds|quid|p\b|pence|k\b|grand|"
    r"miles?|mph|kph|km|metres?|meters?|foot|feet|ft\b|inch|inches|stone|st\b|kg|kilos?|lbs?|mg|ml|degrees|times|points?|"
    r"people|patients|beds|of\b|out of|odd\b|something|ish\b|and a half|hundred|thousand|noon|midnight|sharp\b|on the dot))")
_PRONOUN_NEXT = r"(?:I|i|[Ss]he|[Hh]e|[Tt]hey|[Ww]e|[Yy]ou|my|your|his|her|their|our|me|it)\b"
#: "at forty-seven I wasn't", "at 83 and then", "At forty five you don't": "at", an age, then a
#: subject or the clause's end.
_AT_AGE = re.compile(rf"\b(?i:at)\s+(?:(?i:the age of|age|aged)\s+)?({_NUMBER})(?=,?\s+{_PRONOUN_NEXT}|\s+(?:and|then|but|so|when|or)\b"
                     rf"|\s*[.;!?)]|\s*,\s+(?!\d)|\s+-\s|\s*$)")
#: Verbs and nouns before "at" that make the number after it a time, a speed, a score or a place.
_AT_NOT_AGE_BEFORE = re.compile(r"(?i:\b(?:arriv\w*|meet|met|meeting|opens?|opened|closes?|closed|shuts?|shut|scored|rated|"
                                r"priced|capped|set|stood|stands|valued|marked|aim\w*|look\w*|point|page|number|no\.|level|"
                                r"junction|stage|band|size|speed|driving|drove|going|temperature|weigh\w*|peaked|sits|sitting|"
                                r"topped out|came in|starts?|started|finish(?:es|ed)?|leaves?|left home|appointment|clinic|"
                                r"session|bus|train|pick(?:ed)? (?:me|him|her|them|you|us) up|back|home|bed|due|booked|"
                                r"(?:woke|wake|wakes|waking|got|get|gets|getting|sat|sit|stay\w*|was|were|be|been|up)\s+up|"
                                r"lunch|dinner|tea|breakfast|till|until|from|it|that|this|them|him|her|me|us)\s*$)")
_PERSON_NOUN = (r"(?:mum|mam|mom|mother|dad|father|brother|sister|son|daughter|cousin|aunt|auntie|aunty|uncle|nan|nana|nanna|"
                r"gran|granny|grandma|grandad|granddad|grandpa|grandmother|grandfather|husband|wife|partner|boyfriend|girlfriend|"
                r"fiancée?|friend|mate|pal|kid|child|baby|boy|girl|lad|lass|youngest|eldest|oldest|niece|nephew|grandson|"
                r"granddaughter|step-?mum|step-?mam|step-?dad|step-?son|step-?daughter|step-?brother|step-?sister|"
                r"half-brother|half-sister|ex|bairn|carer|neighbour|twin)")
_ADJ = r"(?:(?:little|big|older|younger|baby|best|eldest|youngest|oldest|middle|late|poor|twin|old|new)\s+)"
#: Who can be of an age: a pronoun, "my (little) sister (Name)", "my cousin, Wei,", or a name mid-sentence.
_SUBJECT = (rf"(?:\b(?:I|[Ss]he|[Hh]e|[Tt]hey|[Ww]e|[Yy]ou)"
            rf"|\b(?i:my|his|her|our|their|your|me)\s+{_ADJ}*(?i:{_PERSON_NOUN})(?:,?\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?,?)?"
            rf"|(?<=[a-z,] )(?!(?:It|That|This|There|Here|What|Which|Who|Where|When|Then|Everything|Nothing|Something|"
            rf"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
            rf"August|September|October|November|December|Christmas|Easter|Number|Ward|Room|Flat|Bus|Page|Year|Level)\b)"
            rf"[A-Z][a-z]+(?:-[A-Z][a-z]+)?,?)")
#: "Farzana was fourteen they started", "my sister, Kai, was only fourteen at the time": the clause ends
#: with the number.
_WAS_AGE = re.compile(rf"{_SUBJECT}\s+(?:was|were|is|'s|’s)\s+{_HEDGE}?({_NUMBER})"
                      rf"(?=\s*[,.;!?]|\s*$|\s+(?:when|and|they|he|she|I|we|you|at the time|then|by then|back then|"
                      rf"that year|so|but|now|or so|at that point)\b)")
#: "for someone of eighty three", "a man of 51".
_OF_AGE = re.compile(rf"\b(?i:someone|somebody|anyone|anybody|a\s+(?:man|woman|lady|lad|girl|boy|bloke|person|chap|gentleman|"
                     rf"patient|child|kid|fella|guy|kiddie)|men|women|people|kids|children)\s+of\s+({_NUMBER})"
                     rf"(?=\s*[,.;!?)\n]|\s*$|\s+[-–]\s|\s+(?:and|who|with|like|to|is|was|in|on|at|being|going|having|I|you|he|"
                     rf"she|they|we|it|but|so|or|that|which|or so)\b)")
#: "im sixty and", "i'm eighty-eight": a lower-case or unpunctuated "I'm" and an age.
_IM_AGE = re.compile(rf"(?<![\w'’])(?:im|Im|IM|i'm|i’m|i am)\s+{_HEDGE}?({_NUMBER})"
                     rf"(?=\s*[,.;!?)\n]|\s*$|\s+[-–]\s|\s+(?:and|now|this|next|but|so|in|years? old|yrs? old|when|then|I|i|myself)\b)")
#: "twenty-five yrs old", "a 16-yr-old", "an 8 yo": an age before a shortened "years old".
_SHORT_OLD = re.compile(rf"\b({_NUMBER})[- ]?(?i:yrs?\.?[- ]?olds?|y\.?o\.?\b|y/o)")
#: "from about 21, which", "from age 12": the age something started from.
_FROM_AGE = re.compile(rf"\b(?i:from|since)\s+(?i:about|around|roughly|age|aged|the age of|approximately|I was|she was|he was)\s+"
                       rf"({_NUMBER})(?=\s*[,.;!?]|\s*$|\s+(?:onwards|on|when|and|I|i|she|he|they|until|till|up)\b)")
#: "we were both, like, 15", "they were all about twelve": the age a group shared.
_BOTH_AGE = re.compile(rf"\b(?i:we|they|you|us)\s+(?i:were|are|was|'re|’re)\s+(?i:both|all|the same age)[,\s]+"
                       rf"(?:(?i:like|about|around|only|just|roughly|maybe|probably|barely|nearly|almost)[,\s]+)*({_NUMBER})"
                       rf"(?=\s*[,.;!?)\n]|\s*$|\s+(?:and|so|when|then|at the time|you know|I think|or so)\b)")
#: "you were how old then, about fifty-five?": the number a question about someone's age proposes.
_HOW_OLD = re.compile(rf"\b(?i:how old)\b[^.?!\n]{{0,40}}?[,\s](?:(?i:about|around|like|maybe|roughly)\s+)?({_NUMBER})\s*\?")
#: "I was fifty-five, maybe 70, something like that": the next age after a hedge.
_HEDGED_NEXT = re.compile(rf"[,?]?\s*(?:(?i:no,?\s+sorry|sorry|no,?\s+wait|I mean|maybe|perhaps|possibly|probably|or|or maybe|or perhaps|more like|nearer|closer to|about|"
                          rf"around|like|or so|ish|I think|actually|no|well))[,\s]+({_NUMBER})\b")


def _value(said: str) -> int | None:
    head = re.match(rf"\d{{1,3}}|(?i:{NUMBER_WORD})", said)
    return spoken_number(head.group()) if head else None


def _age(m: re.Match[str], low: int = 1, high: int = 110, score: float | None = None) -> Found | None:
    value = _value(m.group(1))
    if value is None or not low <= value <= high or _NOT_AN_AGE.match(m.string, m.end(1)):
        return None
    return Found(m.start(1), m.end(1), m.group(1), Kind.AGE, "rule", score or (0.7 if value < 18 else 0.6))


def _at_ages(text: str) -> list[Found]:
    out = []
    for m in _AT_AGE.finditer(text):
        if _AT_NOT_AGE_BEFORE.search(text[max(0, m.start() - 40):m.start()]):
            continue
        value = _value(m.group(1))
        after = text[m.end(1):m.end(1) + 12]
        if value is not None and value <= 12 and not re.match(rf",?\s+{_PRONOUN_NEXT}", after):
            continue  # "at ten." is as likely the time
        if (f := _age(m, low=10)) is not None:
            out.append(f)
    return out


def _from_ages(text: str) -> list[Found]:
    out = []
    for m in _FROM_AGE.finditer(text):
        before = text[max(0, m.start() - 40):m.start()]
        if _value(m.group(1)) is not None and (_value(m.group(1)) or 0) <= 12 and re.search(
                r"(?i:\b(?:open|work\w*|shift|there|here|start\w*|wait\w*|queue\w*|sat|up|on)\s*$)", before):
            continue  # "I'm there from about eight": a time
        if (f := _age(m, low=2)) is not None:
            out.append(f)
    return out


def find_age_clauses(text: str, found: Sequence[Found] = ()) -> list[Found]:
    """The ages these rules see in ``text``, and those said next to them or to ``found``'s ages after a
    hedge ("fifty-five, maybe 70")."""
    out = _at_ages(text) + _from_ages(text)
    for pattern in (_WAS_AGE, _OF_AGE, _IM_AGE, _SHORT_OLD, _BOTH_AGE, _HOW_OLD):
        out += [f for m in pattern.finditer(text) if (f := _age(m)) is not None]
    ages = [f for f in [*found, *out] if f.kind is Kind.AGE]
    out += ages_said_next(text, ages, _HEDGED_NEXT, _age)
    covered = {(f.start, f.end) for f in found if f.kind is Kind.AGE}
    unique = {(f.start, f.end): f for f in out if (f.start, f.end) not in covered}
    return list(unique.values())
