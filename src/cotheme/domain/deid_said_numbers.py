"""De-identification rules for NHS numbers, postcodes and dates in the forms the earlier rounds missed.

Owns: ten-digit numbers grouped 3-3-4 with any separator ("482  316  3702", "930/090/6100",
"930.090.6100", "930-090-6100", and "412, 293, 0103" where it is said to be someone's number); ten digits said aloud one at a time wherever the run of digit words
ends ("nine nine four, three three three, nine eight six one, three times": the groups that make ten
digits, not the "three" of "three times"); postcodes spelled out letter by letter with their numbers in
words ("S T three, three D H"), written with a wide gap ("NW3  9RD"), or an outward code alone after
"I'm"/"it's"/"in"/"out to" ("It's S8,"); bare years 1900-2039 used as dates ("So 1984 was when"),
years said in words ("nineteen eighty nine", "two thousand and twenty-three"), a month in any case
with "the" and an ordinal ("october the fourteenth"), and named days ("Christmas Eve", "Hogmanay
2017", "Bonfire Night"; never "Christmas" or "Easter" alone). A year followed by a unit, a count of
things or another digit group is a quantity, not a date.
Must not do I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cotheme.domain.deid import Found, Kind
from cotheme.domain.deid_numbers import POSTCODE_AREAS, spoken_digits
from cotheme.domain.deid_spoken import SPOKEN_YEAR

# -- NHS numbers --------------------------------------------------------------------------------------
#: Three, three and four digits with the same separator between the groups (spaces, slash, dot, dash).
_GROUPED_334 = re.compile(r"(?<![\w/.,:£$€+-])(\d{3})(\s{1,3}|\s?[/.\-–]\s?|,\s)(\d{3})\2(\d{4})(?![\w/]|[.,:/-]\d)")
#: What near a number says it is an NHS number (or a number read off a letter, to be redacted).
_NHS_CUE = re.compile(r"(?i:\bNHS\b|health service|\bCHI\b|hospital number|it says|says|redact|on the (?:top|letter|card|form)|"
                      r"my number|number is|number's|reference)")
_PHONE_CUE = re.compile(r"(?i:mobile|phone|ring|call|text|landline|whatsapp|\btel\b|contact)")

_DIGIT = r"(?:zero|oh|o|nought|nil|one|two|three|four|five|six|seven|eight|nine|\d)"
_TOKEN = rf"(?:(?:double|triple|treble)[\s-]+{_DIGIT}|{_DIGIT})"
#: Digits said one by one, possibly several groups apart: the run is split at its commas later.
_SAID_RUN = re.compile(rf"\b(?i:{_TOKEN}(?:(?:\s*,\s*|\s+|\s*-\s*){_TOKEN}){{5,}})\b")
_GROUP_SPLIT = re.compile(r"\s*,\s*|\s+-\s+|\s*\.\s+")


def _kind_for(digits: str, before: str, after: str) -> Kind | None:
    """NHS number or phone for ten digits (eleven from 0 is a phone): a phone-shaped number (from 0)
    is an NHS number only with a cue near it; any other ten digits are one."""
    around = before + " " + after
    if len(digits) == 11 and digits.startswith("0") and not digits.startswith("00"):
        return Kind.PHONE
    if len(digits) != 10:
        return None
    if digits.startswith("0"):
        return Kind.NHS_NUMBER if _NHS_CUE.search(around) and not _PHONE_CUE.search(before) else Kind.PHONE
    return Kind.NHS_NUMBER


def find_grouped_numbers(text: str) -> list[Found]:
    """Ten digits grouped 3-3-4 whatever separates the groups."""
    out = []
    for m in _GROUPED_334.finditer(text):
        digits = m.group(1) + m.group(3) + m.group(4)
        before = text[max(0, m.start() - 60):m.start()]
        if "," in m.group(2) and not (_NHS_CUE.search(before) or _PHONE_CUE.search(before)):
            continue  # "100, 200, 3000" is a list of numbers unless it is said to be someone's number
        kind = _kind_for(digits, before, text[m.end():m.end() + 40])
        if kind is not None:
            out.append(Found(m.start(), m.end(), m.group(), kind, "rule", 0.85))
    return out


def find_said_digits(text: str) -> list[Found]:
    """Ten (or eleven from "oh") digits said aloud: the longest run of whole groups from the start of a
    run of digit words that makes a number ("..., nine eight six one, three times" stops before "three")."""
    out = []
    for m in _SAID_RUN.finditer(text):
        said = m.group()
        if not re.search(r"[A-Za-z]", said):
            continue  # digits only: the digit-group rules read them
        ends = [g.start() for g in _GROUP_SPLIT.finditer(said)] + [len(said)]
        for end in sorted(set(ends), reverse=True):
            part = said[:end].rstrip(" ,-")
            digits = spoken_digits(part)
            if len(digits) < 10:
                break
            kind = _kind_for(digits, text[max(0, m.start() - 60):m.start()], text[m.start() + end:m.start() + end + 40])
            if kind is not None:
                out.append(Found(m.start(), m.start() + len(part), part, kind, "rule", 0.8))
                break
    return out


# -- postcodes ------------------------------------------------------------------------------------------
_DIGIT_WORDS = {"zero": "0", "oh": "0", "nought": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
                "six": "6", "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
                "thirteen": "13", "fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17",
                "eighteen": "18", "nineteen": "19", "twenty": "20"}
_PC_DIGIT = rf"(?:\d|(?i:{'|'.join(sorted(_DIGIT_WORDS, key=len, reverse=True))}))"
_INWARD_LETTER = r"[ABD-HJLNP-UW-Z]"
#: "S T three, three D H", "C F five, eight N S", "L S six two A B", "M one, one A A".
_SPELLED_POSTCODE = re.compile(
    rf"(?<![\w'’])([A-Z])(?:\s([A-Z]))?\s({_PC_DIGIT}(?:\s{_PC_DIGIT})?)(?:\s([A-Z]))?,?\s+"
    rf"({_PC_DIGIT})\s({_INWARD_LETTER})\s({_INWARD_LETTER})(?![\w'’])")
#: "NW3  9RD", "LS6 - 2AB": the two halves with a wide gap or a dash between them.
_GAPPED_POSTCODE = re.compile(r"(?<![\w/.@-])([A-Z]{1,2})(\d[A-Z\d]?)(?:\s{2,4}|\s?[-–]\s?)(\d[ABD-HJLNP-UW-Z]{2})(?![\w@])")
#: An outward code alone where a place is said: "It's S8,", "I'm in LS6 now", "out to BD7".
_OUTWARD_ALONE = re.compile(
    r"\b(?:I'm|I’m|Im|im|i'm|It's|It’s|it's|it’s|[Ii]n|out to|over in|up in|down in|round|moved to|living in|from|near|"
    r"gave (?:them|him|her|the driver)|postcode(?:'s|’s| is| was)|got to|get to|came to|come to|went to|back to)\s+"
    r"([A-Za-z]{1,2})(\d{1,2})(?=\s*[,.;!?]|\s*$|\s+(?:and|but|so|which|where|when|after|before|until|till|since|for|way|"
    r"area|now|then|I|we|they|he|she|it|though|postcode|side|end|mind|are|is|were|was|you|you're|you’re|people|folk|"
    r"have|has|had|get|got|always|never|still|just|because|cos)\b)")
#: What just before an outward code makes it a vitamin, a grade, a size or a road.
_OUTWARD_NOT_AFTER = re.compile(r"(?i:vitamin|low|deficien|level|grade|band|size|junction|year|key stage)\W*\w*\W*$")
_NOT_OUTWARD = frozenset({"CO2", "SO2", "NO2", "B12", "B6", "B1", "B3", "E10", "M1", "M6", "M62", "M25", "M4", "M5", "M60"})


def _pc_digits(said: str) -> str:
    return "".join(_DIGIT_WORDS.get(w.lower(), w) for w in said.split())


def find_said_postcodes(text: str) -> list[Found]:
    """Postcodes spelled out, written with a wide gap, or an outward code alone after a place cue."""
    out = []
    for m in _SPELLED_POSTCODE.finditer(text):
        area = m.group(1) + (m.group(2) or "")
        district = _pc_digits(m.group(3))
        if area not in POSTCODE_AREAS or not district.isdigit() or len(district) > 2 or len(_pc_digits(m.group(5))) != 1:
            continue
        out.append(Found(m.start(), m.end(), m.group(), Kind.POSTCODE, "rule", 0.75))
    for m in _GAPPED_POSTCODE.finditer(text):
        if m.group(1) in POSTCODE_AREAS:
            out.append(Found(m.start(), m.end(), m.group(), Kind.POSTCODE, "rule", 0.8))
    for m in _OUTWARD_ALONE.finditer(text):
        code = m.group(1).upper() + m.group(2)
        if (m.group(1).upper() in POSTCODE_AREAS and code not in _NOT_OUTWARD
                and not _OUTWARD_NOT_AFTER.search(text[max(0, m.start() - 25):m.start()])):
            out.append(Found(m.start(1), m.end(2), m.group(1) + m.group(2), Kind.POSTCODE, "rule", 0.6))
    return out


# -- dates ------------------------------------------------------------------------------------------
#: Words after a number that make it a quantity, not a year ("2000 people", "two thousand pounds").
_UNITS = frozenset("""percent per pounds quid p pence k grand hundred thousand million people patients staff cases calls
times miles mg ml kg words pages steps calories units beds members users responses visits referrals of odd plus
year years month months week weeks day days hour hours minutes mins metres feet""".split())
#: Words ending in "s" that are not plural nouns: a year may come before them ("1984 was when").
_NOT_PLURAL = frozenset("""was is this his as us yes its thus does has goes whereas onwards afterwards perhaps cos
always sometimes towards besides unless""".split())
_NEXT_WORD = re.compile(r"\s*([A-Za-z]+|%|[.,:/]\d|\s?\d|\+)")


def _quantity_after(text: str, end: int) -> bool:
    """Whether what follows ``end`` makes the number before it a quantity or part of a longer number."""
    m = _NEXT_WORD.match(text, end)
    if m is None:
        return False
    word = m.group(1)
    if not word[0].isalpha():
        return True
    low = word.lower()
    return low in _UNITS or (low.endswith("s") and len(low) > 3 and low not in _NOT_PLURAL and not low.endswith("ss"))


#: A year in digits, never after what makes it a code, a count or a page ("page 2019", "£1984", "No. 1984").
_BARE_YEAR = re.compile(r"(?<![\w£$€#/.,:+-])(?<!\d )(?<!\d-)(?<!\d\.)(19\d\d|20[0-3]\d)\b")
_NOT_YEAR_BEFORE = re.compile(r"(?i:\b(?:page|pages|p\.|room|ward|flat|pin|code|over|under|some|than|"
                              r"number|no\.|ext|route|bus|the|top|only|just|score|scored|total of|number of|lot of|out of|"
                              r"costs?|paid|id|ref|reference|account|extension|model|version|unit|bed|house|plot|cell|box)\s*$)")
#: A year said in words ("nineteen eighty nine", "two thousand and three").
_WORD_YEAR = re.compile(rf"\b({SPOKEN_YEAR})\b(?![- ](?i:one|two|three|four|five|six|seven|eight|nine)\b)")
_BARE_THOUSAND = re.compile(r"(?i:two\s+thousand)$")
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_ORD_WORD = ("first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|"
             "fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|thirty[- ]first|"
             "twenty[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)")
_ORD = rf"(?:(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)|{_ORD_WORD})"
#: "october the fourteenth", "may the 27th", "the fourteenth of october" in any case.
_MONTH_THE_ORD = re.compile(rf"\b(?i:(?:{_MONTHS})\s+the\s+{_ORD}\b|(?:the\s+)?{_ORD}\s+of\s+(?:{_MONTHS})\b)")
#: A month and a year said after it ("august twenty eighteen", "October nineteen ninety-eight", "may of 2016").
_MONTH_YEAR = re.compile(rf"\b(?i:{_MONTHS}|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?\s+(?:(?i:of)\s+)?"
                         rf"(?:(?:19|20)\d\d\b|{SPOKEN_YEAR}\b)")
_NAMED_DAY = (r"(?:(?i:Christmas\s+(?:Eve|Day)|Boxing\s+Day|New\s+Year(?:'s|’s|s)\s+(?:Eve|Day)|Hogmanay|Halloween|Hallowe'en|"
              r"Bonfire\s+Night|Guy\s+Fawkes(?:\s+Night)?|Burns\s+Night|Valentine(?:'s|’s|s)\s+Day|Mother(?:'s|’s|s)\s+Day|"
              r"Father(?:'s|’s|s)\s+Day|Mothering\s+Sunday|Easter\s+(?:Sunday|Monday|Day)|Good\s+Friday|Shrove\s+Tuesday|"
              r"Pancake\s+Day|(?:(?:January|February|March|April|May|June|July|August|September|October|November|"
              r"December)\s+|Easter\s+|Whitsun\s+|Spring\s+|Summer\s+)[Bb]ank\s+[Hh]oliday(?:\s+Monday)?|"
              r"Remembrance\s+(?:Sunday|Day)|Armistice\s+Day|St\.?\s+(?:Patrick|David|George|Andrew)(?:'s|’s|s)\s+Day))")
#: A named day, with its "night"/"morning" and its year when said.
_NAMED_DAYS = re.compile(rf"\b{_NAMED_DAY}(?:\s+(?i:night|morning|evening|afternoon|time))?"
                         rf"(?:,?\s+(?:(?:19|20)\d\d\b|'\d\d\b|’\d\d\b|{SPOKEN_YEAR}\b))?")


def find_said_dates(text: str) -> list[Found]:
    """Bare years, years said in words, a month with its year, "october the fourteenth" and named days."""
    out = [Found(m.start(1), m.end(1), m.group(1), Kind.DATE, "rule", 0.6) for m in _BARE_YEAR.finditer(text)
           if not _quantity_after(text, m.end()) and not _NOT_YEAR_BEFORE.search(text[max(0, m.start() - 20):m.start()])]
    for m in _WORD_YEAR.finditer(text):
        if _quantity_after(text, m.end()):
            continue
        if _BARE_THOUSAND.search(m.group(1)) and not re.match(r"\s*(?:[.,;!?]|$|(?i:when|and|I|we|onwards|till|until)\b)",
                                                              text[m.end():]):
            continue  # "two thousand" alone is a count unless the clause ends there
        out.append(Found(m.start(1), m.end(1), m.group(1), Kind.DATE, "rule", 0.7))
    out += [Found(m.start(), m.end(), m.group(), Kind.DATE, "rule", 0.7) for m in _MONTH_THE_ORD.finditer(text)]
    out += [Found(m.start(), m.end(), m.group(), Kind.DATE, "rule", 0.7) for m in _MONTH_YEAR.finditer(text)
            if not _quantity_after(text, m.end())]
    out += [Found(m.start(), m.end(), m.group(), Kind.DATE, "rule", 0.65) for m in _NAMED_DAYS.finditer(text)]
    return out


def find_said_numbers(text: str, found: Sequence[Found] = ()) -> list[Found]:
    """Every NHS number, phone number, postcode and date these rules see in ``text`` that ``found``
    does not already cover with the same kind."""
    mine = find_grouped_numbers(text) + find_said_digits(text) + find_said_postcodes(text) + find_said_dates(text)
    covered = {(f.start, f.end, f.kind) for f in found}
    return [f for f in mine if (f.start, f.end, f.kind) not in covered]
