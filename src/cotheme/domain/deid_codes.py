"""De-identification rules for codes however people write or say them: postcodes, NHS, CHI and hospital
numbers, and e-mail addresses.

Owns: full postcodes with any spacing ("LS6  2AB", "LS 6 2AB"), the outward code alone where the words
around it make it one ("the NW3 area", "over in LS6", "postcode's BS5", "an S10 postcode"), postcodes
spelt out letter by letter ("B-S five", "L S six, two A B", "ell ess six") after "postcode" or in the
hyphenated form, BFPO numbers; numbers said with pairs and hundreds ("four eight five, double seven
seven, thirty-four fifty-six") read as the digits they say; hospital, unit and patient numbers and
MRNs after the words that name them ("hospital number RJ1234567", "MRN 123456"); and e-mail
addresses written around spam filters or said aloud ("jo dot smith at gmail dot com", "jo[at]nhs.net",
"jo (at) x (dot) org", "jo @ gmail.com", "jo@gmail"). A motorway ("the M1", "A1 road"), a vitamin
("B12") or a Key Stage never has the words an outward code needs. Must not do I/O.
"""

from __future__ import annotations

import re
from dataclasses import replace

from cotheme.domain.deid import Found, Kind
from cotheme.domain.deid_numbers import POSTCODE_AREAS, classify_digits

# -- postcodes ----------------------------------------------------------------------------------------
_INWARD = r"\d[ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2}"
#: A full postcode with one space inside its outward code or two or three between the halves.
_POSTCODE_SPACED = re.compile(rf"(?<![\w/.@-])([A-Z]{{1,2}}) ?(\d[A-Z\d]?)(?: {{2,3}}| )({_INWARD})(?![\w@])"
                              rf"|(?<![\w/.@-])([A-Za-z]{{1,2}})(\d[A-Za-z\d]?) {{2,3}}({_INWARD})(?![\w@])")
_OUTWARD = re.compile(r"(?<![\w/.@£$-])([A-Za-z]{1,2})(\d{1,2}|\d[A-Za-z])(?![\w/@]|[.,]\d|-\d)")
_OUTWARD_AFTER = re.compile(r"\s+(?i:area|postcodes?|post code|district|way|side|end|postal district|bit|part|patch|corner)\b")
_OUTWARD_BEFORE = re.compile(r"(?i:\b(?:post ?code|postal code)(?:['’]s|\s+is|\s+was|\s+were)?[^.!?\n]{0,12}"
                             r"|\b(?:live|lives|lived|living|moved|move|over|up|down|out|round|based|from|near|in)\s+(?:in\s+|to\s+|at\s+)?)$")
#: Outward codes that are something else in speech: carbon dioxide, the railway, motorways said with "the".
_NOT_OUTWARD = frozenset({"CO2", "HS2", "NO2", "SO2", "PM10", "PM2", "TW1", "E10", "B12", "B6", "S3", "S2"})
#: Two capitals and a number that are grades, products or channels, not districts: foundation, core and
#: specialty trainees (FY1, CT2, ST3), WD40, UB40, Channel 4.
_NOT_BARE = frozenset({"FY1", "FY2", "CT1", "CT2", "CT3", "WD40", "UB40", "CH4", "CH5", "SE7", "PE1", "PE2"}
                      | {f"ST{i}" for i in range(1, 9)})
_BFPO = re.compile(r"\bBFPO\s?\d{1,4}\b")
_LETTER_NAMES = {"ay": "A", "bee": "B", "see": "C", "cee": "C", "dee": "D", "ee": "E", "eff": "F", "gee": "G",
                 "aitch": "H", "haitch": "H", "jay": "J", "kay": "K", "ell": "L", "el": "L", "em": "M", "en": "N",
                 "pee": "P", "cue": "Q", "queue": "Q", "ar": "R", "are": "R", "ess": "S", "tee": "T", "vee": "V",
                 "double-you": "W", "ex": "X", "why": "Y", "zed": "Z", "zee": "Z"}
_NUMBER_NAMES = {"oh": "0", "zero": "0", "nought": "0", "one": "1", "two": "2", "three": "3", "four": "4",
                 "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11",
                 "twelve": "12", "thirteen": "13", "fourteen": "14", "fifteen": "15", "sixteen": "16",
                 "seventeen": "17", "eighteen": "18", "nineteen": "19", "twenty": "20"}
_SPELT_TOKEN = re.compile(r"[A-Za-z]+(?:-you)?|\d+")
_POSTCODE_CUE = re.compile(r"(?i:post ?code|postal code)(?:['’]s|\s+is|\s+was|\s+were|\s+it['’]s|\s+(?:is\s+)?like|\s*[:,-])*\s*")
#: "B-S five", "L-S six two A-B": capital letters joined by hyphens, then a number.
_HYPHENED = re.compile(r"\b[A-Z](?:-[A-Z])?(?:-| )(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                       r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\b")
#: Any letters after the outward code's digit when written in capitals ("LS6 2CK"): a real inward code
#: never has C, I, K, M, O or V, but people and transcribers write them.
_POSTCODE_LOOSE = re.compile(r"(?<![\w/.@-])([A-Z]{1,2})(\d[A-Z\d]?)[ -]?(\d[A-Z]{2})(?![\w@])")
_CODE_AFTER_CUE = re.compile(r"[A-Za-z]{1,2}\d[A-Za-z\d]?(?:[ -]?\d[A-Za-z]{2})?(?![\w@])")
_FULL = re.compile(r"^([A-Z]{1,2})(\d[A-Z\d]?)(\d[ABD-HJLNP-UW-Z]{2})?$")


def _area_ok(area: str, district: str) -> bool:
    area, district = area.upper(), district.upper()
    if area not in POSTCODE_AREAS:
        return False
    return not (len(district) == 2 and district[1].isalpha() and district[1] not in "ABCDEFGHJKMNPRSTUVWXY")


def _spelt(text: str, start: int, reach: int = 48) -> tuple[int, str] | None:
    """The end and the letters and digits of a code spelt out from ``start`` ("ell ess six, two ay bee"
    -> "LS62AB"), as long as it reads as a postcode or an outward code."""
    out, end, best, repeat = "", start, None, 1
    for m in _SPELT_TOKEN.finditer(text, start, min(len(text), start + reach)):
        gap = text[end:m.start()]
        if out and not re.fullmatch(r"\s*[,-]?\s*", gap):
            break
        word = m.group()
        low = word.lower()
        if word.isdigit() and len(word) <= 2:
            out += word
        elif len(word) == 1 and word.isalpha():
            out += word.upper() * repeat
        elif len(word) == 2 and word.isupper() and (not out or (len(out) >= 3 and out[-1].isdigit())):
            out += word
        elif low in _LETTER_NAMES and not out[-1:].isdigit() or low in _LETTER_NAMES and len(out) >= 3:
            out += _LETTER_NAMES[low] * repeat
        elif low in _NUMBER_NAMES:
            out += _NUMBER_NAMES[low] * repeat
        elif low == "double":
            repeat = 2
            end = m.end()
            continue
        elif low == "w":
            continue
        else:
            break
        end, repeat = m.end(), 1
        full = _FULL.match(out)
        if full and _area_ok(full.group(1), full.group(2)):
            best = (end, out)
    return best


def find_postcodes_said(text: str) -> list[Found]:
    """Postcodes with extra spaces, outward codes where the words around make them one, postcodes spelt
    out, and BFPO numbers."""
    found = []
    for m in _POSTCODE_SPACED.finditer(text):
        area, district = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(5))
        inward = m.group(3) or m.group(6)
        if _area_ok(area, district) and not re.fullmatch(r"\d(?:st|nd|rd|th)", inward, re.I):
            found.append(Found(m.start(), m.end(), m.group(), Kind.POSTCODE, "rule", 0.8))
    for m in _OUTWARD.finditer(text):
        area, district = m.group(1), m.group(2)
        code = m.group().upper()
        after = bool(_OUTWARD_AFTER.match(text, m.end()))
        if not _area_ok(area, district) or code in _NOT_OUTWARD or not (area.isupper() or area.islower() or after):
            continue
        before = _OUTWARD_BEFORE.search(text, max(0, m.start() - 40), m.start())
        said_as_code = bool(before) and "post" in before.group().lower()
        # A one-letter area ("M1", "B5", "S10") is a motorway, a vitamin or a section as often as a
        # district: it needs "area"/"postcode" after it or "postcode" before it; two letters ("LS6") also
        # count after "in", "over in", "lived in".
        bare = len(area) == 2 and area.isupper() and district.isdigit() and code not in _NOT_BARE
        if after or said_as_code or (before and len(area) == 2 and area.isupper()) or bare:
            found.append(Found(m.start(), m.end(), m.group(), Kind.POSTCODE, "rule", 0.7))
    for m in _POSTCODE_LOOSE.finditer(text):
        if _area_ok(m.group(1), m.group(2)) and not re.fullmatch(r"\d(?:ST|ND|RD|TH)", m.group(3)) and m.group(1) != "M":
            found.append(Found(m.start(), m.end(), m.group(), Kind.POSTCODE, "rule", 0.75))
    for m in _POSTCODE_CUE.finditer(text):
        plain = _CODE_AFTER_CUE.match(text, m.end())
        if plain:  # after "postcode", any letters: a code misheard or misspelt is still the code
            found.append(Found(m.end(), plain.end(), plain.group(), Kind.POSTCODE, "rule", 0.75))
            continue
        spelt = _spelt(text, m.end())
        if spelt and not re.fullmatch(r"[A-Za-z]{1,2}\d[A-Za-z\d]?\s?(?:\d[A-Za-z]{2})?", text[m.end():spelt[0]]):
            found.append(Found(m.end(), spelt[0], text[m.end():spelt[0]], Kind.POSTCODE, "rule", 0.75))
    for m in _HYPHENED.finditer(text):
        if "-" not in m.group():
            continue
        spelt = _spelt(text, m.start())
        if spelt and len(re.match(r"[A-Z]+", spelt[1]).group()) == 2:  # "B-12" is a vitamin, "B-S five" a code
            found.append(Found(m.start(), spelt[0], text[m.start():spelt[0]], Kind.POSTCODE, "rule", 0.7))
    found += [Found(m.start(), m.end(), m.group(), Kind.POSTCODE, "rule", 0.85) for m in _BFPO.finditer(text)]
    return found


# -- numbers said with pairs and hundreds -------------------------------------------------------------
_UNIT_WORDS = ("zero", "oh", "nought", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEEN_WORDS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
               "nineteen")
_TENS_WORDS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_SAID_TOKEN = (rf"(?:(?:double|triple|treble)[\s-]+(?:{'|'.join(_UNIT_WORDS)}|\d)|(?:{'|'.join(_TENS_WORDS)})"
               rf"(?:[\s-](?:{'|'.join(_UNIT_WORDS[3:])}))?|{'|'.join(_TEEN_WORDS)}|hundred|{'|'.join(_UNIT_WORDS)}|\d{{1,4}})")
_SAID_NUMBER = re.compile(rf"\b(?i:{_SAID_TOKEN}(?:(?:\s*,\s*|\s+|\s*-\s*|\s+and\s+){_SAID_TOKEN}){{4,}})\b")
_DIGIT_RUN = re.compile(r"(?<![\w.£$€/:,+-])\d{3,5}(?:[ .-]?\d{2,5}){1,3}(?![\w/:]|[.,-]\d)")
_WORD_VALUE = ({w: str(i) for i, w in enumerate(_UNIT_WORDS[2:], start=0)} | {"zero": "0", "oh": "0"}
               | {w: str(i + 10) for i, w in enumerate(_TEEN_WORDS)})


def said_digits(said: str) -> str:
    """The digits a number said in pairs, hundreds and single digits stands for ("double seven" -> 77,
    "thirty-four" -> 34, "seven hundred" -> 700, "four hundred and eighty-five" -> 485, "nine oh" -> 90)."""
    out: list[str] = []
    repeat = 1
    words = re.findall(r"[a-z]+|\d+", said.lower())
    i = 0
    while i < len(words):
        word = words[i]
        i += 1
        if word in ("double", "triple", "treble"):
            repeat = 2 if word == "double" else 3
            continue
        if word == "and":
            continue
        if word == "hundred":
            rest, i = _after_hundred(words, i)
            out.append(rest)
        elif word in _TENS_WORDS:
            out.append(str(_TENS_WORDS.index(word) + 2) + "0")
        elif out and _tens_open(out) and word in _UNIT_WORDS[3:]:
            out[-1] = out[-1][0] + _WORD_VALUE[word]  # "thirty four" -> 34
        else:
            out.append((_WORD_VALUE.get(word) or word) * repeat)
        repeat = 1
    return "".join(out)


def _after_hundred(words: list[str], i: int) -> tuple[str, int]:
    """The two digits after "hundred": "and eighty-five" -> "85", "and six" -> "06", nothing -> "00"."""
    if i < len(words) and words[i] == "and" and i + 1 < len(words):
        nxt = words[i + 1]
        if nxt in _TENS_WORDS:
            tens = str(_TENS_WORDS.index(nxt) + 2)
            if i + 2 < len(words) and words[i + 2] in _UNIT_WORDS[3:]:
                return tens + _WORD_VALUE[words[i + 2]], i + 3
            return tens + "0", i + 2
        if nxt in _WORD_VALUE:
            return _WORD_VALUE[nxt].zfill(2), i + 2
    return "00", i


def _tens_open(out: list[str]) -> bool:
    return out[-1] in {str(i) + "0" for i in range(2, 10)}


#: "NHS", "N.H.S.", "CHI", "health number" within a few sentences either side of ten digits: the
#: interviewer asks ("What's your NHS number?") and the answer comes in the next turn.
_NHS_NEAR = re.compile(r"(?i:\bN\.?H\.?S\b|health service number|health number|\bCHI\b|patient number)")


#: "my number is", "number:", "no." just before ten digits grouped 3-3-4 that do not start with 0 (a UK
#: phone number does): the NHS number's own shape.
_NUMBER_BEFORE = re.compile(r"(?i:\bnumber|\bno\.|\bnum\b|#)(?:['’]s|\s+is|\s+was|\s*[:,-])*\s*(?:(?i:it['’]s|is)\s+)?$")


def _nhs_near(text: str, start: int, end: int) -> bool:
    return bool(_NHS_NEAR.search(text, max(0, start - 120), start) or _NHS_NEAR.search(text, end, end + 50))


def find_numbers_said(text: str) -> list[Found]:
    """NHS and phone numbers said with pairs and hundreds as well as single digits, and ten digits said
    one by one, not from 0, with "NHS" said a few sentences before or just after."""
    found = []
    for m in _SAID_NUMBER.finditer(text):
        said = m.group()
        words = re.findall(r"[a-z]+", said.lower())
        digits = said_digits(said)
        kind = None
        if any(w in _TENS_WORDS or w in _TEEN_WORDS or w == "hundred" for w in words):
            kind = classify_digits(digits, False, text[max(0, m.start() - 60):m.start()])
        if kind is None and len(digits) == 10 and digits[0] != "0" and words and _nhs_near(text, m.start(), m.end()):
            kind = Kind.NHS_NUMBER
        if kind is not None:
            found.append(Found(m.start(), m.end(), said, kind, "rule", 0.8))
    return found


def find_nhs_digits(text: str) -> list[Found]:
    """Ten digits not from 0, grouped 3-3-4 after "number" or "no.", or with "NHS" said nearby."""
    found = []
    for m in _DIGIT_RUN.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        shaped = re.fullmatch(r"\d{3}([ .-]?)\d{3}\1\d{4}", m.group()) is not None
        numbered = shaped and bool(_NUMBER_BEFORE.search(text, max(0, m.start() - 40), m.start()))
        if len(digits) == 10 and digits[0] != "0" and (numbered or _nhs_near(text, m.start(), m.end())):
            found.append(Found(m.start(), m.end(), m.group(), Kind.NHS_NUMBER, "rule", 0.8))
    return found


# -- hospital numbers ---------------------------------------------------------------------------------
_RECORD_CUE = (r"(?i:hospital\s+(?:number|no\.?|num|#|id)|hosp\.?\s+no\.?|unit\s+(?:number|no\.?)|patient\s+(?:number|no\.?|id)|"
               r"medical\s+record\s+(?:number|no\.?)|record\s+number|case\s+(?:number|no\.?)|MRN|PAS\s+(?:number|no\.?)|"
               r"RXX\s+number|K\s+number|CHI(?:\s+(?:number|no\.?))?|CRN|NHS\s+(?:number|no\.?|num|#|id))")
_RECORD = re.compile(rf"\b{_RECORD_CUE}(?:['’]s|\s+(?:is|was|were|it['’]s|of))*(?:\s*[:#,.-])*\s*(?:(?i:it['’]s|is)\s+)?"
                     r"((?:[A-Z]{1,3}[\s-]?)?\d(?:[\s-]?\d){4,11}[A-Z]?)(?![\w])")


#: Letters and six or more digits ("RX3 556677", "A0987654") a few words after "hospital" or "number".
_RECORD_SHAPE = re.compile(r"(?<![\w-])([A-Z]{1,3}\d?[\s-]?\d{5,8}[A-Z]?)(?![\w-])")
_RECORD_NEAR = re.compile(r"(?i:hospital|number|MRN|\bno\.|patient|wristband|record|notes)[^.!?\n]{0,30}$")


def find_record_numbers(text: str) -> list[Found]:
    """Hospital, unit and patient numbers and MRNs after the words that name them, and letters with
    six or more digits a few words after "hospital" or "number"."""
    found = [Found(m.start(1), m.end(1), m.group(1), Kind.NHS_NUMBER, "rule", 0.85) for m in _RECORD.finditer(text)]
    for m in _RECORD_SHAPE.finditer(text):
        if sum(c.isdigit() for c in m.group(1)) >= 6 and _RECORD_NEAR.search(text, max(0, m.start() - 45), m.start()):
            found.append(Found(m.start(1), m.end(1), m.group(1), Kind.NHS_NUMBER, "rule", 0.75))
    return found


# -- e-mail addresses ---------------------------------------------------------------------------------
_TLD = r"(?:com|org|net|co\.uk|org\.uk|ac\.uk|nhs\.uk|gov\.uk|sch\.uk|uk|io|ie|me|info|biz|eu|scot|wales|co)"
_TLD_SAID = (r"(?:com|org|net|co\s+dot\s+uk|org\s+dot\s+uk|ac\s+dot\s+uk|nhs\s+dot\s+uk|gov\s+dot\s+uk|uk|io|ie|me|"
             r"info|biz|eu|scot|wales)")
_PROVIDERS = r"(?:gmail|googlemail|hotmail|yahoo|outlook|icloud|live|btinternet|aol|protonmail|proton|msn|nhs|ymail|sky|virginmedia|talktalk)"
_NUMBER_SAID = (r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|double)")
_JOIN = rf"(?:\s*(?:\.|\s(?i:dot|underscore|dash|hyphen|full stop)\s)\s*|\s(?=(?i:{_NUMBER_SAID})\b))"
_LOCAL = rf"[A-Za-z0-9][\w+'’-]*(?:{_JOIN}[A-Za-z0-9][\w+'’-]*)*"
_AT = r"(?:\s?@\s?|\s?[\[({](?i:at)[\])}]\s?|\s(?i:at(?: sign| symbol)?)\s)"
_DOT = r"(?:\s?\.\s?|\s?[\[({](?i:dot)[\])}]\s?|\s(?i:dot|full stop|point)\s)"
_PART = r"[A-Za-z0-9][\w-]*(?:\s(?i:dash|hyphen)\s[A-Za-z0-9][\w-]*)*"
_DOMAIN = rf"{_PART}(?:{_DOT}{_PART})*?{_DOT}(?i:{_TLD_SAID}|{_TLD})\b(?!\.\w)"
_EMAIL_SAID = re.compile(rf"(?<![\w@.])({_LOCAL}){_AT}(?:{_DOMAIN}|(?i:{_PROVIDERS})\b(?![.@]\w))")
#: Words before " at " that are the sentence's own, not an address's first half.
_NOT_LOCAL = frozenset("""was is am are were be been being me him her them us it that this there here and or but
so work home look looked looking go went going get got email emails e-mail address mail message it's its i'm
he's she's we're they're i'd stay stayed staying live lived living arrive arrived""".split())


def find_emails_said(text: str) -> list[Found]:
    """E-mail addresses written around spam filters, with spaces around "@", or said aloud."""
    found = []
    for m in _EMAIL_SAID.finditer(text):
        local = m.group(1)
        at_word = "@" not in text[m.end(1):m.end(1) + 3]
        first = re.split(r"\s+", local)[-1] if at_word else local
        if at_word:
            if re.search(r"\s\.|\.\s", m.group()[len(local):]):
                continue  # "at home. Come on": a sentence's end, not a dot said with spaces around an "@"
            if first.casefold() in _NOT_LOCAL or not re.search(r"(?i:dot|full stop|point|\.|\[|\(|\{)", m.group()[len(local):]) \
                    and not re.search(rf"(?i:{_PROVIDERS})", m.group()[len(local):]):
                continue
            start = m.start(1) + _said_local_start(local)
        else:
            start = m.start()
        if "@" in m.group() and re.fullmatch(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", m.group()):
            continue  # the plain pattern finds it
        found.append(Found(start, m.end(), text[start:m.end()], Kind.EMAIL, "rule", 0.8))
    return found


def _said_local_start(local: str) -> int:
    """Where the first half of an address said aloud starts: its last word, with the words joined to it by
    "dot", "underscore" or "dash" ("jo dot smith", not "email is jo dot smith")."""
    words = list(re.finditer(r"\S+", local))
    i = len(words) - 1
    while True:
        if i >= 2 and words[i - 1].group().lower() in ("dot", "underscore", "dash", "hyphen"):
            i -= 2
        elif i >= 1 and re.fullmatch(_NUMBER_SAID, words[i].group().lower()) and words[i - 1].group().lower() not in _NOT_LOCAL:
            i -= 1  # "walsh seventy four": the number said after the name is part of it
        else:
            return words[i].start()


def find_codes(text: str) -> list[Found]:
    """Every postcode, number and e-mail address these rules see in ``text``."""
    found = find_postcodes_said(text) + find_record_numbers(text) + find_nhs_digits(text)
    if _NHS_NEAR.search(text) or re.search(r"(?i:hundred|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|teen\b|ten\b|eleven|twelve)", text):
        found += find_numbers_said(text)
    for start, end in _email_windows(text):
        found += [replace(f, start=f.start + start, end=f.end + start) for f in find_emails_said(text[start:end])]
    return found


_EMAIL_TRIGGER = re.compile(rf"@|(?i:[\[({{]at[\])}}]|\bdot\b|\.(?:com|org|net|uk|io|ie|me)\b|\b{_PROVIDERS}\b)")


def _email_windows(text: str, reach: int = 80) -> list[tuple[int, int]]:
    """The stretches around an "@", a "dot", a bracketed "at" or a mail provider: only there can an
    address be (reading a whole transcript's every " at " would cost more than all of these rules)."""
    spans: list[tuple[int, int]] = []
    for m in _EMAIL_TRIGGER.finditer(text):
        start, end = max(0, m.start() - reach), min(len(text), m.end() + reach)
        # Start and end at a space, so that no word is cut in two.
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans
