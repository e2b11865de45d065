"""De-identification rules for ages and dates as people say them, not as forms write them.

Owns the number words ("twelve", "forty-seven", "a hundred and two"), ages said in words or digits
with the words around them that make them ages ("since I was twelve", "my little boy's eight", "by
fifty I was drinking", "a forty-year-old"), age bands ("in my early fifties", "her late 30s"), and the
dates speech uses ("the fourth of March", "March the 4th", "Tuesday the 17th", "October '86", "on
25/3"). The fixed written forms ("04/03/2024", "4 March 2024") stay in ``domain.deid``'s patterns.
Must not do I/O.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from cotheme.domain.deid import Found, Kind

_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_VALUE = {w: i + 1 for i, w in enumerate(_UNITS)} | {w: i + 10 for i, w in enumerate(_TEENS)} | {
    w: (i + 2) * 10 for i, w in enumerate(_TENS)}

#: A number said in words, 1-119: "seven", "fifteen", "forty-seven", "forty seven", "a hundred and two".
NUMBER_WORD = (rf"(?:(?:a|one)\s+hundred(?:\s+and\s+(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_UNITS)}))?"
               rf"|\s+and\s+(?:{'|'.join(_TEENS + _UNITS)}))?"
               rf"|(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_UNITS)}))?|{'|'.join(_TEENS + _UNITS)})")
_NUMBER = rf"(?:\d{{1,3}}|(?i:{NUMBER_WORD}))"

#: What may follow a number that makes it a quantity, a time or a rank, not an age.
_NOT_AGE_AFTER = (r"(?!\s*(?i:%|percent|per\b|pounds|quid|p\b|k\b|grand|minutes?|mins?|hours?|hrs?|days?|nights?|"
                  r"weeks?|months?|times|of\b|or\b|to\b|out\b|and a half|o'clock|am\b|pm\b|a\.m|p\.m|miles?|mg|ml|"
                  r"foot|feet|ft|inch|stone|st\b|kg|kilos?|lbs?|pence|sessions?|appointments?|people|others|"
                  r"more|less|thing|things|point|of them|bit|kids|children|sugars?|tablets?|pills?|floors?|"
                  r"beds?|patients?|staff|nurses?|calls?|letters?|goes|go|year(?!s?[- ]old)|degrees|[-–]\d|/\d|[.,:]\d))")

_SUBJECT = r"(?:I|she|he|they|we|you|it|my \w+|his \w+|her \w+)"
_AGE_CONTEXT = re.compile(
    rf"\b(?:(?i:when|since|till|until|before|after|by the time|because|as|if|once)\s+{_SUBJECT}\s+"
    rf"(?:was|were|turned|hit|got to|reached|(?:had|'d)\s+(?:just\s+)?turned|(?:was|were)\s+(?:only|just|about|around|nearly|almost))"
    rf"|(?i:turned|turning|turns|aged|age of|at the age of|reached the age of|(?:had|'d) just turned|coming up to|"
    rf"pushing|approaching|getting on for|died at|passed at|passed away at|left school at|left home at|moved out at|"
    rf"married at|pregnant at|had (?:him|her|them|my \w+|a baby|the baby) at)"
    rf"|(?i:I'm|I am|she's|he's|she is|he is|they're|they are|(?:boy|girl|lad|lass|son|daughter|kid|baby|youngest|"
    rf"eldest|oldest|brother|sister|nephew|niece|grandson|granddaughter|mum|mam|dad|nan|gran|grandad|husband|wife|"
    rf"partner)(?:'s|’s| is| was))(?:\s+(?:only|just|nearly|almost|about|now))?)"
    rf"\s+({_NUMBER})\b{_NOT_AGE_AFTER}")
#: "I was sixteen when it started", "he'd have been twenty-one": a number said in words after a person's
#: "was", ending the clause (digits after "was" are the context rules' business).
_AGE_WAS = re.compile(rf"\b(?:I|[Ss]he|[Hh]e|[Tt]hey|[Ww]e|[Yy]ou)(?:\s+(?:was|were|will be|would be|would have been)|'d have been|'d be|'ll be)"
                      rf"\s+(?:(?i:only|just|nearly|almost|about)\s+)?((?i:{NUMBER_WORD}))"
                      rf"(?=\s*(?:[.,;!?]|$)|\s+(?:when|and|at the time|then|this year|that year|now|by then|or so)\b)")
#: "my nan's 90th", "her eighteenth birthday": a birthday counts years.
_BIRTHDAY = re.compile(rf"\b(?:(?i:my|his|her|their|your|our)|[A-Z][a-z]+(?:'s|’s))\s+(?:(?i:\w+(?:'s|’s))\s+)?"
                       rf"((?:\d{{1,3}}(?:st|nd|rd|th))|(?i:eighteenth|twenty-first|thirtieth|fortieth|fiftieth|sixtieth|"
                       rf"seventieth|eightieth|ninetieth|hundredth|sixteenth|twelfth|tenth|thirteenth|twenty-fifth))"
                       rf"(?=\s+(?i:birthday|party|do)\b|\s*[.,;!?]|\s+(?i:last|this|next|was|is)\b)")
#: "By fifty I was drinking", "At 14 she left home": a number opening a clause with a subject after it.
_AGE_OPENING = re.compile(rf"(?:^|(?<=[.!?\n]\s)|(?<=[.!?\n])|(?<=,\s))(?i:by|at|from|aged)\s+({_NUMBER}),?\s+(?=(?:I|she|he|they|we|my)\b)")
_AGE_YEARS = re.compile(rf"\b({_NUMBER})(?:[- ]years?[- ]old|[- ]year[- ]old|\s+years\s+of\s+age|-year-old)\b", re.I)
_DECADES = r"(?:teens|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|[1-9]0'?s)"
_AGE_BAND = re.compile(rf"\b(?i:in|into|reached|hit)\s+((?i:my|his|her|their|your|our)\s+(?:(?i:early|mid|late)[- ]?)?{_DECADES})\b"
                       rf"|\b((?i:early|mid|late)[- ](?:{_DECADES}))\b")


_ORDINAL_AGE = {"tenth": 10, "twelfth": 12, "thirteenth": 13, "sixteenth": 16, "eighteenth": 18, "twenty-first": 21,
                "twenty-fifth": 25, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
                "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100}


#: Words without which no age can be said: number words, decades, birthday ordinals.
AGE_WORDS = frozenset(_VALUE) | {"hundred", "teens", "twenties", "thirties", "forties", "fifties", "sixties",
                                 "seventies", "eighties", "nineties"} | set(_ORDINAL_AGE)
#: Words without which no date can be said: months, weekdays, holidays, ordinals.
DATE_WORDS = frozenset(w.lower() for w in (
    "January February March April May June July August September October November December Jan Feb Mar Apr "
    "Jun Jul Aug Sept Sep Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tues Tue "
    "Weds Wed Thurs Thur Thu Fri Sat Sun Christmas Boxing Year Easter Good Bonfire Halloween Valentine Mother "
    "Father Eid Diwali Ramadan Hanukkah Vaisakhi Carnival first second third fourth fifth sixth seventh eighth "
    "ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
    "twentieth thirtieth").split())


def near(text: str, words: frozenset[str], *, digits: bool = True, reach: int = 80) -> list[tuple[int, int]]:
    """The stretches of ``text`` within ``reach`` characters of a digit or of one of ``words`` (lower
    case), merged: a rule that needs one of them reads only these, not the whole transcript (an
    interview mentions few numbers; reading 10,000 words with every rule costs a few tenths of a second)."""
    lowered = text.lower()
    present = words.intersection(re.findall(r"[a-z0-9]+", lowered))  # usually a handful: the pattern stays short
    spans: list[tuple[int, int]] = []
    for m in _triggers(frozenset(present), digits).finditer(lowered):
        start, end = max(0, m.start() - reach), min(len(text), m.end() + reach)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


@lru_cache(maxsize=256)
def _triggers(words: frozenset[str], digits: bool) -> re.Pattern[str]:
    alternatives = [re.escape(w) for w in sorted(words, key=len, reverse=True)]
    if not alternatives:
        return re.compile(r"\d+" if digits else r"(?!)")
    return re.compile((r"\d+|" if digits else "") + rf"\b(?:{'|'.join(alternatives)})\b")


def finditer(pattern: re.Pattern[str], text: str, spans: list[tuple[int, int]]) -> list[re.Match[str]]:
    """``pattern``'s matches inside each of ``spans`` (look-behinds still see the text before a span)."""
    return [m for start, end in spans for m in pattern.finditer(text, start, end)]


def spoken_number(text: str) -> int | None:
    """The value of a number written in digits or said in words (``None`` when it is neither)."""
    text = text.strip().lower()
    if text.isdigit():
        return int(text)
    words = re.split(r"[\s-]+", text)
    total = 0
    for word in words:
        if word in ("a", "and"):
            continue
        if word == "hundred":
            total = (total or 1) * 100
        elif word in _VALUE:
            total += _VALUE[word]
        else:
            return None
    return total or None


def find_spoken_ages(text: str) -> list[Found]:
    """Ages in digits or words with what makes them ages around them; children's and the very old
    score higher (they narrow a person down)."""
    found = []
    spans = near(text, AGE_WORDS)
    for pattern in (_AGE_CONTEXT, _AGE_OPENING, _AGE_YEARS, _AGE_WAS, _BIRTHDAY):
        for m in finditer(pattern, text, spans):
            age = spoken_number(re.sub(r"(?:st|nd|rd|th)$", "", m.group(1))) if m.group(1)[0].isdigit() else (
                spoken_number(m.group(1)) or _ORDINAL_AGE.get(m.group(1).lower()))
            if age is None or not 0 < age < 120:
                continue
            score = 0.85 if age >= 90 else 0.7 if age < 18 else 0.6
            found.append(Found(m.start(1), m.end(1), m.group(1), Kind.AGE, "rule", score))
    for m in finditer(_AGE_BAND, text, spans):
        group = 1 if m.group(1) else 2
        found.append(Found(m.start(group), m.end(group), m.group(group), Kind.AGE, "rule", 0.5))
    return found


# -- dates ------------------------------------------------------------------------------------------
#: A full month name, or an abbreviation with or without its dot ("Jan. 5"; never "October. 2 visits").
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)")
_WEEKDAY = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Tue|Weds|Wed|Thurs|Thur|Thu|Fri|"
            r"Sat|Sun)\.?")
_HOLIDAY = (r"(?:Christmas(?: Eve| Day)?|Boxing Day|New Year's(?: Eve| Day)?|New Year’s(?: Eve| Day)?|New Year|"
            r"Easter(?: Sunday| Monday)?|Good Friday|Bonfire Night|Halloween|Valentine's Day|Mother's Day|"
            r"Father's Day|Eid(?: al-Fitr| al-Adha)?|Diwali|Ramadan|Hanukkah|Vaisakhi|Notting Hill Carnival)")
_ORDINAL_WORD = ("first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
                 "fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|"
                 "twenty[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirty[- ]first")
_ORDINAL = rf"(?:(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)|(?i:{_ORDINAL_WORD}))"
_DAYNUM = rf"(?:{_ORDINAL}|(?:[12]\d|3[01]|0?[1-9])\b)"
_YEAR = r"(?:,?\s+(?:'\d{2}|’\d{2}|(?:19|20)\d{2}))"
#: Months are matched with their capital only ("may" is the verb), and always with a day or a year beside them.
_SPOKEN_DATES = re.compile(
    rf"\b(?:{_WEEKDAY},?\s+)?(?:the\s+)?{_ORDINAL}\s+(?:of\s+)?{_MONTH}{_YEAR}?"        # the fourth of March '86
    rf"|\b(?:{_WEEKDAY},?\s+)?{_MONTH}\s+(?:the\s+)?{_DAYNUM}{_YEAR}?"                  # March the 4th, Jan. 5
    rf"|\b{_WEEKDAY}\s+(?:the\s+)?{_ORDINAL}\b"                                         # Tuesday the 17th
    rf"|\b{_WEEKDAY}\s+(?:[12]\d|3[01]|0?[1-9])\s+{_MONTH}{_YEAR}?"                     # Tuesday 4 March
    rf"|\b{_MONTH}\s*(?:'|’)\d{{2}}\b"                                                  # October '86
    rf"|\b(?:[12]\d|3[01]|0?[1-9])\s+{_MONTH}\s+'?\d{{2}}\b(?!\d)"                      # 4 Mar 24
    rf"|\b(?i:early|mid|late)-(?:19|20)\d{{2}}\b"                                           # mid-2019
    rf"|\b{_HOLIDAY}\s+(?:of\s+)?(?:'\d{{2}}|’\d{{2}}|(?:19|20)\d{{2}})\b"                          # Boxing Day 2019
    rf"|\b(?:(?:early|mid|late|end of|beginning of|start of)\s+)?(?:{_MONTH}|(?i:spring|summer|autumn|winter|christmas|easter))"
    rf"\s+(?:of\s+)?(?:'\d{{2}}|(?:19|20)\d{{2}})\b")                                    # summer of 2019
#: A bare day/month ("25/3") counts after a word that introduces a date, never as a score ("10/10"),
#: a fraction ("1/2") or "24/7".
_DAY_MONTH = re.compile(r"\b(?i:on|from|until|till|by|since|before|after|around|about|was|to|dated|date|of|is)\s+"
                        r"((?:[12]\d|3[01]|0?[1-9])/(?:1[0-2]|0?[1-9]))(?![/\d])")
_THE_NTH = re.compile(rf"\b(?i:on|by|until|till|since|from|before|after|was|is|it's|it’s|week of|weekend of)\s+(the\s+{_ORDINAL})"
                      r"(?=\s*(?:[.,;!?]|$|\s(?:of\b|and\b|I\b|we\b|she\b|he\b|they\b|it\b|when\b)))")


def find_spoken_dates(text: str) -> list[Found]:
    """Dates as they are said ("the fourth of March", "March the 4th", "Tuesday the 17th", "October '86",
    "on 25/3", "on the 17th")."""
    spans = near(text, DATE_WORDS)
    found = [Found(m.start(), m.end(), m.group(), Kind.DATE, "rule", 0.7) for m in finditer(_SPOKEN_DATES, text, spans)]
    for m in finditer(_DAY_MONTH, text, spans):
        day, month = (int(x) for x in m.group(1).split("/"))
        if m.group(1) in ("24/7",) or (month == 10 and day <= 10) or (day <= 4 and month <= 4):
            continue  # a score out of ten, "24/7", or a fraction
        found.append(Found(m.start(1), m.end(1), m.group(1), Kind.DATE, "rule", 0.6))
    found += [Found(m.start(1), m.end(1), m.group(1), Kind.DATE, "rule", 0.5) for m in finditer(_THE_NTH, text, spans)]
    return found


def find_spoken(text: str) -> list[Found]:
    """Every spoken age and date in ``text``."""
    return find_spoken_ages(text) + find_spoken_dates(text)


# -- spoken years and the forms the first rules missed -------------------------------------------------
_TENS_ALT = "|".join(_TENS)
_UNITS_ALT = "|".join(_UNITS)
_TEENS_ALT = "|".join(_TEENS)
#: A year said aloud: "nineteen eighty-nine", "nineteen oh five", "twenty eleven", "two thousand and three",
#: "two thousand", "twenty twenty-four". The century word alone ("nineteen") is not a year.
SPOKEN_YEAR = (rf"(?i:(?:nineteen|twenty)\s+(?:(?:{_TENS_ALT})(?:[- ](?:{_UNITS_ALT}))?|{_TEENS_ALT}|oh[- ](?:{_UNITS_ALT})|hundred)"
               rf"|two\s+thousand(?:\s+and)?(?:\s+(?:(?:{_TENS_ALT})(?:[- ](?:{_UNITS_ALT}))?|{_TEENS_ALT}|{_UNITS_ALT}))?)")
_DAY_THEN_MONTH = rf"(?:the\s+)?{_ORDINAL}\s+(?:of\s+)?{_MONTH}"
_MONTH_THEN_DAY = rf"{_MONTH}\s+(?:the\s+)?{_DAYNUM}"
_SEASON = r"(?i:spring|summer|autumn|winter|christmas|easter)"
#: "the eleventh of August nineteen eighty-nine", "March the third, two thousand and five", "December
#: nineteen ninety-eight", "the summer of two thousand and three"; and "14-Dec-2025" as forms print it.
_SPOKEN_YEAR_DATES = re.compile(
    rf"\b(?:{_WEEKDAY},?\s+)?(?:{_DAY_THEN_MONTH}|{_MONTH_THEN_DAY}|(?:(?i:early|mid|late|end of|beginning of|start of)\s+)?"
    rf"(?:{_MONTH}|(?:the\s+)?{_SEASON})(?:\s+of)?),?\s+({SPOKEN_YEAR})\b"
    rf"|\b(?:[12]\d|3[01]|0?[1-9])-{_MONTH}-(?:(?:19|20)\d{{2}}|\d{{2}})\b")
#: "You were 27 at the time?", "I was about 15 when the voices started", "She was fourteen the first
#: time": a number after a person's "was"/"were" that the words after it make an age.
_AGE_AT_THE_TIME = re.compile(
    rf"\b(?:I|[Ss]he|[Hh]e|[Tt]hey|[Ww]e|[Yy]ou|[Mm]y \w+)\s+(?:was|were|would have been|'d have been)\s+"
    rf"(?:(?i:only|just|nearly|almost|about|around|barely)\s+)?({_NUMBER})"
    rf"(?=\s+(?:at the time|the first time|the last time|when|then|by then|that year|and already|and still)\b)")
_YEAR_WORDS = frozenset({"nineteen", "twenty", "thousand"})


def find_spoken_years(text: str) -> list[Found]:
    """Dates whose year is said in words, "14-Dec-2025", and ages that the words after them make ages
    ("27 at the time", "fourteen the first time")."""
    found = [Found(m.start(), m.end(), m.group(), Kind.DATE, "rule", 0.75)
             for m in finditer(_SPOKEN_YEAR_DATES, text, near(text, _YEAR_WORDS, digits=True, reach=60))]
    for m in finditer(_AGE_AT_THE_TIME, text, near(text, AGE_WORDS)):
        age = spoken_number(m.group(1))
        if age is not None and 0 < age < 120:
            found.append(Found(m.start(1), m.end(1), m.group(1), Kind.AGE, "rule", 0.7 if age < 18 else 0.6))
    return found


def ages_said_next(text: str, ages: Sequence[Found], following: re.Pattern[str],
                   make: Callable[[re.Match[str]], Found | None]) -> list[Found]:
    """The ages said right after ``ages`` ("14, 15", "six or seven"), and after those in turn:
    ``following`` matches at an age's end with the next age in its first group, ``make`` turns the
    match into that age (``None``: not one)."""
    out: list[Found] = []
    seen = {f.start for f in ages}
    frontier = list(ages)
    while frontier:
        more = []
        for f in frontier:
            m = following.match(text, f.end)
            if m and m.start(1) not in seen and (g := make(m)) is not None:
                seen.add(g.start)
                more.append(g)
        out += more
        frontier = more
    return out
