"""De-identification rules for the forms of ages, handles and addresses that the earlier rules missed.

Owns: ages with a filler before them or a second guess after them ("I was like 15 when", "fifteen,
sixteen", "aged 4 and 7", "who's 9", "me at seventeen"); handles given after a platform however they
are introduced ("On Insta I'm kazbakes", "my TikTok is at jodie underscore writes", "my username is
JoRecovers"), a bare word counting only when it is not ordinary English or holds a digit, dot or
underscore; and addresses the street patterns missed: a dotted "St." in the name ("12 St. John's
Close"), a whole address in lower case ("22 kirkgate rise") and the northern street words ("Bank Top",
"Church Brow", "4 Kirk Brae"), and the "No. 42" or "Flat 3/2," before a house number; services named by the words the older rules lacked ("Safe Haven", "Suite", "Home
Treatment", "Manor", "Hub"); and dates given as two ordinals ("the 5th of the 6th") or after a weekday
("Friday 25/1"). Must not do I/O.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from cotheme.domain.deid import Found, Kind
from cotheme.domain.deid_rules import stopped
from cotheme.domain.deid_shapes import GENERIC
from cotheme.domain.deid_spoken import NUMBER_WORD, ages_said_next, spoken_number

_NUMBER = rf"(?:\d{{1,3}}|(?i:{NUMBER_WORD}))"
#: What after a number makes it a quantity, a time, a dose or a rank rather than an age.
_NOT_AN_AGE = (r"(?!\s*(?i:%|percent|per\b|pounds|quid|p\b|k\b|grand|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|"
               r"months?|years?(?![- ]old)|times|of\b|out\b|in\b|o'clock|am\b|pm\b|a\.m|p\.m|miles?|mg|ml|foot|feet|ft|"
               r"stone|st\b|kg|kilos?|lbs?|sessions?|people|points?|-\d|/\d|[.:]\d|x\b))")
_FILLER = r"(?:(?i:like|only|just|about|around|nearly|almost|barely|maybe|probably|already|still|roughly)\s+)"
_SUBJECT = r"(?:I|[Ss]he|[Hh]e|[Yy]ou|(?i:my|his|her|our|your|their)\s+[a-z]+)"
#: "I was like 15 when", "she was maybe sixteen,", "I was fifteen or sixteen": a person's "was", perhaps a
#: filler, and a number ending the clause or followed by another.
_AGE_FILLED = re.compile(rf"\b{_SUBJECT}\s+(?:was|were|is|am|'m|'s|’s|’m)\s+{_FILLER}*({_NUMBER})\b{_NOT_AN_AGE}"
                         r"(?=\s*(?:[.,;!?]|$)|\s+(?:when|then|at the time|and|by then|now|at that point|that year)\b"
                         rf"|\s+or\s+{_NUMBER}\b{_NOT_AN_AGE})")
#: "my daughter, who's 9,", "the lad who was sixteen".
_AGE_WHO = re.compile(rf"\bwho(?:'s|’s|\s+is|\s+was|\s+were|\s+turned|\s+had just turned)\s+{_FILLER}?({_NUMBER})\b{_NOT_AN_AGE}"
                      r"(?=\s*(?:[.,;!?]|$)|\s+(?:and|when|now|at the time|then)\b)")
#: "me at seventeen", "him at 14": a person at an age.
_AGE_ME_AT = re.compile(rf"\b(?i:me|him|her|them|us)\s+at\s+({_NUMBER})\b{_NOT_AN_AGE}(?!\s*(?::|\.\d))")
#: The second of two ages: "fifteen, sixteen", "4 and 7", "fifteen or sixteen", "15/16".
_NEXT_AGE = re.compile(rf"(?:\s*,\s*|\s+(?:or|and|to|or maybe|or so,?)\s+|\s*/\s*|\s*-\s*)({_NUMBER})\b{_NOT_AN_AGE}")

_PLATFORM = (r"(?:snapchat|snap|insta|instagram|ig|tiktok|tik tok|twitter|facebook|fb|threads|bluesky|twitch|discord|"
             r"youtube|reddit|kik|telegram|linkedin|tumblr|pinterest|soundcloud|spotify|onlyfans)")
_USER = r"@?[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?"
_SAID_USER = rf"{_USER}(?:\s+(?i:dot|underscore|full stop|period)\s+[A-Za-z0-9_]+)+"
#: A platform, then within the clause "I'm", "it's", "is", "at", ":" and the handle.
_HANDLE_INTRO = re.compile(
    rf"\b(?i:{_PLATFORM})(?:['’]s)?(?:\s+(?i:name|handle|username|user name|account|page|id|tag))?(?:\s+(?i:is|was))?"
    rf"(?:[^.!?\n]{{0,20}}?)(?:\s*[:,]|\s+(?i:I'm|I’m|I am|it's|it’s|its|it is|is|was|at|as|called|under))+"
    rf"(?:\s+(?i:at|just|called))?\s+({_SAID_USER}|{_USER})")
_NAMED_HANDLE = re.compile(rf"\b(?i:username|user name|handle|screen name|gamertag|gamer tag)(?:['’]s|\s+(?i:is|was))\s+"
                           rf"(?:(?i:at|just)\s+)?({_SAID_USER}|{_USER})")

_STREET_WORD = (r"(?:road|rd|street|st|avenue|ave|lane|close|drive|crescent|terrace|parade|mews|gardens|place|court|"
                r"way|grove|row|walk|rise|view|hill|green|square|fold|croft|approach|chase|vale|wharf|yard|"
                r"top|bottom|brow|nook|gate|side|end|bank)")
_QUANTITY = re.compile(r"(?i:minutes?|mins?|hours?|hrs?|seconds?|days?|weeks?|months?|years?|miles?|yards?|metres?|"
                       r"meters?|km|k|steps?|times?|bus|buses|stops?|doors?|floors?|flights?|a|the|of|or|and|to|more|"
                       r"other|odd|quid|pounds?)$")
_LOWER_ADDRESS = re.compile(rf"(?<![\w£$.:/-])(?:(?:flat|apartment|apt)\s+\d{{1,4}}[a-z]?,?\s+)?(\d{{1,4}}[a-z]?),?\s+"
                            rf"([a-z][a-z'’-]+(?:\s+[a-z][a-z'’-]+)?)\s+{_STREET_WORD}\b(?!\s+[a-z]+ing\b)", re.I)
_SAINT_ADDRESS = re.compile(r"\b(?:\d{1,4}[A-Za-z]?,?\s+)?St\.\s+[A-Z][a-z]+(?:['’]s)?\s+(?:Road|Street|Lane|Avenue|"
                            r"Close|Drive|Crescent|Terrace|Parade|Mews|Gardens|Place|Court|Way|Grove|Row|Walk|Rise|"
                            r"View|Hill|Green|Square)\b")
_NORTHERN = re.compile(r"\b(?:(?:No\.?|Number|Flat|Room|Apartment|Apt\.?)\s+\d{1,4}(?:/\d{1,2})?[A-Za-z]?,?\s+)?"
                       r"\d{1,4}[A-Za-z]?,?\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+(?:Top|Bottom|Brow|Nook|Gate|Side|End|"
                       r"Fold|Lea|Garth|Wynd|Loan|Gait|Bridge|Brae|Mount|Mt|Heights)\b")
#: The number a flat or a house is given by before the street the other rules find ("No. 42", "Flat 3/2,").
_HOUSE_PREFIX = re.compile(r"\b(?:(?:[Ff]lat|Room|Apartment|Apt\.?)\s+\d{1,4}(?:/\d{1,2})?[A-Za-z]?,?|No\.?|Number)\s+"
                           r"\d{1,4}[A-Za-z]?(?=,?\s+(?:[A-Z][\w'’-]+\s+){1,3}(?i:pl|" + _STREET_WORD[3:-1] + r")\b)")


def _age(m: re.Match[str], group: int = 1) -> Found | None:
    value = spoken_number(m.group(group))
    if value is None or not 0 < value < 120:
        return None
    return Found(m.start(group), m.end(group), m.group(group), Kind.AGE, "rule", 0.7 if value < 18 else 0.6)


def find_more_ages(text: str, found: Sequence[Found] = ()) -> list[Found]:
    """Ages with a filler before them, after "who's" or "me at", and the second of two ages said
    together (``found``: the ages other rules found, whose neighbours are read)."""
    out = [f for p in (_AGE_FILLED, _AGE_WHO, _AGE_ME_AT) for m in p.finditer(text) if (f := _age(m)) is not None]
    return out + ages_said_next(text, [f for f in [*found, *out] if f.kind is Kind.AGE], _NEXT_AGE, _age)


def find_more_handles(text: str, english: Collection[str]) -> list[Found]:
    """Handles given after a platform or a "username": a bare word counts when it is not ordinary
    English (``english``, lower case) or holds a digit, an underscore or a dot."""
    out = []
    for pattern in (_HANDLE_INTRO, _NAMED_HANDLE):
        for m in pattern.finditer(text):
            handle = m.group(1)
            bare = handle.lstrip("@")
            plain = re.fullmatch(r"[A-Za-z]+", bare) is not None
            if plain and (bare.casefold() in english or stopped(bare) or re.fullmatch(_PLATFORM, bare, re.I)):
                continue
            if plain and len(bare) < 4:
                continue
            out.append(Found(m.start(1), m.end(1), handle, Kind.HANDLE, "rule", 0.75))
    return out


_PLAIN_STREET_WORD = re.compile(r"(?i:road|rd|street|avenue|ave|lane|crescent|terrace|parade|mews|gardens|grove)$")


def find_more_addresses(text: str, english: Collection[str] = ()) -> list[Found]:
    """House numbers with their street in lower case, with "St." in the name, or with a northern street
    word. In lower case a street word that is also an ordinary word ("close", "walk") counts only after
    a name that is not ordinary English ("22 kirkgate rise", never "2 kids close")."""
    out = [Found(m.start(), m.end(), m.group(), Kind.STREET, "rule", 0.7)
           for p in (_SAINT_ADDRESS, _NORTHERN) for m in p.finditer(text)]
    out += [Found(m.start(), m.end(), m.group(), Kind.STREET, "rule", 0.5) for m in _HOUSE_PREFIX.finditer(text)]
    for m in _LOWER_ADDRESS.finditer(text):
        words = m.group(2).split()
        if any(_QUANTITY.match(w) for w in words) or any(w.casefold() in ("minute", "hour", "mile") for w in words):
            continue
        street_word = m.group().split()[-1]
        if (not any(c.isupper() for c in m.group()) and not _PLAIN_STREET_WORD.match(street_word)
                and all(w.casefold() in english for w in words)):
            continue
        out.append(Found(m.start(), m.end(), m.group(), Kind.STREET, "rule", 0.6))
    return out


_SERVICE = re.compile(r"\b((?:St\.?\s+)?(?!I\b)[A-Z][\w'’&-]*(?:\s+(?:(?:of|and|&|on|upon)\s+)?(?!I\b)[A-Z][\w'’&-]*){0,3})\s+"
                      r"(?:Safe Haven|Haven|Suite|Home Treatment(?:\s+(?i:team|service))?|Crisis Caf[eé]|Sanctuary|Manor|"
                      r"Hub|Wing|Annexe|(?i:safe haven|crisis caf[eé]|suite|annexe|wing))\b")


def find_more_services(text: str) -> list[Found]:
    """Services named by the words the older rules lacked ("Dewsbury Safe Haven", "the Rowan Suite",
    "Calderdale Home Treatment", "Waterloo Manor"), from the first word that is not a generic one."""
    out = []
    for m in _SERVICE.finditer(text):
        words = m.group(1).split()
        skip = 0
        while skip < len(words) and words[skip].casefold() in GENERIC:
            skip += 1
        if skip == len(words) or all(stopped(w) for w in words[skip:]):
            continue
        start = m.start(1) + [w.start() for w in re.finditer(r"\S+", m.group(1))][skip]
        out.append(Found(start, m.end(), text[start:m.end()], Kind.ORGANISATION, "rule", 0.65))
    return out


_ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
             "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split()
_ORDINAL_WORD = (r"(?:twenty[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirty[- ]first|thirtieth|"
                 + "|".join(sorted(_ORDINALS, key=len, reverse=True)) + ")")
_ORDINAL = rf"(?:\d{{1,2}}(?:st|nd|rd|th)|(?i:{_ORDINAL_WORD}))"
#: "the 5th of the 6th", "the sixteenth of the ninth": a day and a month both as ordinals.
_ORDINAL_MONTH = re.compile(rf"\b(?:(?i:the)\s+)?({_ORDINAL})\s+(?i:of)\s+(?i:the)\s+({_ORDINAL})\b(?!\s+(?i:time|floor|place|row|grade))")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Tue|Wed|Weds|Thurs|Thu|Fri|Sat|Sun)\.?"
#: "Friday 25/1", "Tues 3/4": a weekday makes a day/month a date.
_WEEKDAY_DAY_MONTH = re.compile(rf"\b{_WEEKDAY},?\s+(?:the\s+)?(?:[12]\d|3[01]|0?[1-9])/(?:1[0-2]|0?[1-9])(?:/(?:\d{{4}}|\d{{2}}))?(?![/\d])")


def _ordinal_value(word: str) -> int | None:
    word = word.lower().replace(" ", "-")
    if word[:-2].isdigit():
        return int(word[:-2])
    if word in _ORDINALS:
        return _ORDINALS.index(word) + 1
    if word.startswith("twenty-"):
        return 20 + _ORDINALS.index(word[7:]) + 1
    return {"thirtieth": 30, "thirty-first": 31}.get(word)


def find_more_dates(text: str) -> list[Found]:
    """Dates given as two ordinals ("the 5th of the 6th") or as a weekday and a day/month ("Friday 25/1")."""
    out = []
    for m in _ORDINAL_MONTH.finditer(text):
        day, month = _ordinal_value(m.group(1)), _ordinal_value(m.group(2))
        if day and month and 1 <= day <= 31 and 1 <= month <= 12:
            out.append(Found(m.start(), m.end(), m.group(), Kind.DATE, "rule", 0.7))
    out += [Found(m.start(), m.end(), m.group(), Kind.DATE, "rule", 0.7) for m in _WEEKDAY_DAY_MONTH.finditer(text)]
    return out


def find_forms(text: str, english: Collection[str], found: Sequence[Found] = ()) -> list[Found]:
    """Every age, handle, address, service and date these rules see in ``text``."""
    return (find_more_ages(text, found) + find_more_handles(text, english) + find_more_addresses(text, english)
            + find_more_services(text) + find_more_dates(text))
