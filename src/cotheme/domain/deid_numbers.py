"""De-identification rules for numbers however they are grouped or said: NHS numbers, UK phone numbers
and UK postcodes.

Owns: a run of digits with spaces, dots or dashes between its groups, read by its digits rather than
its shape ("4857 773 456", "48577 73456", "485.777.3456" are NHS numbers when the Modulus 11 check
digit holds, or when "NHS" is said just before; "0044 7700 900123", "+44 (0)7700 900123",
"07700.900.123", "077 009 001 23" are phone numbers because they hold a UK number's 10 or 11 digits
after 0, +44 or 0044); numbers said aloud one digit at a time ("oh seven seven double oh nine ...",
"four eight five, seven seven seven ...") read the same way; and postcodes in any case, with or without
their space ("ls6 2ab", "bd71dp"), checked against the UK's postcode areas. A quantity, a dose, a
time, a year range or a score never has the digits these rules need. Must not do I/O.
"""

from __future__ import annotations

import re

from cotheme.domain.deid import Found, Kind, nhs_number_valid

#: A run of digit groups separated by one space, dot or dash (a bracketed group allowed: "(0113)", "(0)").
_DIGIT_RUN = re.compile(r"(?<![\w.£$€/:,+-])(?:(?:\+|\b00)\s?44\s?)?(?:\(\d+\)|\d+)(?:(?:[ .-]|\s-\s|(?<=\)))(?:\(\d+\)|\d+)){0,10}"
                        r"(?![\w/:]|[.,-]\d)")
_INTERNATIONAL = re.compile(r"^(?:\+|00)\s?44")
_NHS_BEFORE = re.compile(r"(?i:\bNHS\b|health service|\bCHI\b)(?:[^.!?\n]|(?i:\bno|\bnum)\.){0,40}$")
_PHONE_BEFORE = re.compile(r"(?i:number|mobile|phone|ring|call|text|contact|reach|landline|whatsapp|tel)[^.!?\n]{0,30}$")

_DIGIT_WORDS = {"zero": "0", "oh": "0", "o": "0", "nought": "0", "nil": "0", "one": "1", "two": "2", "three": "3",
                "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"}
_DIGIT = r"(?:zero|oh|o|nought|nil|one|two|three|four|five|six|seven|eight|nine|\d)"
_SPOKEN_TOKEN = rf"(?:(?:double|triple|treble)[\s-]+{_DIGIT}|{_DIGIT})"
#: Six or more digits said one by one, with spaces, commas or dashes between them.
_SPOKEN_DIGITS = re.compile(rf"\b(?i:{_SPOKEN_TOKEN}(?:(?:\s*,\s*|\s+|\s*-\s*){_SPOKEN_TOKEN}){{5,}})\b")

#: The UK's postcode areas (the letters before the first digit).
POSTCODE_AREAS = frozenset("""
AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E EC EH EN EX FK FY
G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR
NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA
WC WD WF WN WR WS WV YO ZE""".split())
_POSTCODE_ANY_CASE = re.compile(r"(?<![\w/.@-])([A-Za-z]{1,2})(\d[A-Za-z\d]?)\s?(\d[ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2})(?![\w@])")


def _digits_of(run: str) -> str:
    return re.sub(r"\D", "", run)


def _groups_ok(run: str) -> bool:
    """Digit groups of two or more (a bracketed "(0)" aside), or every digit on its own ("0 7 7 0 ..."):
    a count ("1 2 3 4 5") or a list of scores mixes the two."""
    groups = [g for g in re.split(r"[ .-]+", re.sub(r"^(?:\+|00)\s?44\s?|\(0\)", "", run)) if g]
    sizes = [len(g.strip("()")) for g in groups]
    return all(s >= 2 for s in sizes) or all(s == 1 for s in sizes)


def classify_digits(digits: str, international: bool, before: str) -> Kind | None:
    """What a run of ``digits`` is: a phone number (10 or 11 digits from 0; 9 or 10 after +44, or 10
    from 7 after "mobile"/"number"), an NHS number (10 digits with a valid check digit, or any 10
    after "NHS"), or neither. ``before`` is the text just before the run."""
    nhs_said = bool(_NHS_BEFORE.search(before))
    if international:
        rest = digits.removeprefix("00").removeprefix("44").removeprefix("0")
        return Kind.PHONE if 9 <= len(rest) <= 10 else None
    if len(digits) == 10 and (nhs_said or (digits[0] != "0" and nhs_number_valid(digits))):
        return Kind.NHS_NUMBER
    if digits.startswith("0") and not digits.startswith("00") and len(digits) in (10, 11):
        return Kind.PHONE
    if len(digits) == 10 and digits[0] == "7" and _PHONE_BEFORE.search(before):
        return Kind.PHONE  # a mobile said without its 0
    return None


def find_digit_runs(text: str) -> list[Found]:
    """NHS and phone numbers written in digits, however their groups are separated."""
    found = []
    for m in _DIGIT_RUN.finditer(text):
        run = m.group()
        if not _groups_ok(run):
            continue
        kind = classify_digits(_digits_of(run), bool(_INTERNATIONAL.match(run)), text[max(0, m.start() - 60):m.start()])
        if kind is not None:
            found.append(Found(m.start(), m.end(), run, kind, "rule", 0.9 if kind is Kind.NHS_NUMBER else 0.85))
    return found


def spoken_digits(said: str) -> str:
    """The digits of a number said one digit at a time ("oh seven double seven" -> "0777")."""
    out = []
    repeat = 1
    for word in re.findall(r"[a-z]+|\d+", said.lower()):
        if word in ("double", "triple", "treble"):
            repeat = 2 if word == "double" else 3
            continue
        out.append((_DIGIT_WORDS.get(word) or word) * repeat)
        repeat = 1
    return "".join(out)


def find_spoken_digits(text: str) -> list[Found]:
    """Phone and NHS numbers said aloud digit by digit ("oh seven seven double oh nine ...")."""
    found = []
    for m in _SPOKEN_DIGITS.finditer(text):
        said = m.group()
        if not re.search(r"[A-Za-z]", said):
            continue  # digits only: the digit-run rule reads them
        digits = spoken_digits(said)
        kind = classify_digits(digits, False, text[max(0, m.start() - 60):m.start()])
        if kind is not None:
            found.append(Found(m.start(), m.end(), said, kind, "rule", 0.8))
    return found


def find_postcodes(text: str) -> list[Found]:
    """UK postcodes in any case, with or without the space between their halves."""
    found = []
    for m in _POSTCODE_ANY_CASE.finditer(text):
        area, district, inward = m.group(1).upper(), m.group(2).upper(), m.group(3)
        if area not in POSTCODE_AREAS:
            continue
        if len(district) == 2 and district[1].isalpha() and district[1] not in "ABCDEFGHJKMNPRSTUVWXY":
            continue
        if not m.group().isupper() and re.fullmatch(r"\d(?:st|nd|rd|th)", inward, re.I):
            continue  # "b2 2nd": a floor or a rank, not an inward code
        found.append(Found(m.start(), m.end(), m.group(), Kind.POSTCODE, "rule", 0.85 if m.group().isupper() else 0.75))
    return found


def find_numbers(text: str) -> list[Found]:
    """Every NHS number, phone number and postcode these rules see in ``text``."""
    return find_digit_runs(text) + find_spoken_digits(text) + find_postcodes(text)
