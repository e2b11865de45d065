"""De-identification rules for what letters, forms and messages read aloud give away, and for the last
ways of naming people that the earlier rounds missed.

Owns: form fields ("Age: 90", "Address: 75a Mount Pleasant, Corby", "Emergency contact: Yaw, my
cousin", "Date of birth 18th"); a title with an initial ("Dr J. Zhao", "Councillor K. Nwosu"); the name someone is thanked by
("thank you Tizzy!", "thanks Mikey B"); the name someone is called by, said after it ("well Spud we call
him"); two names no word list has joined by "and" before what people do ("nutu and bartek run the
drop-in"); someone named before their relation ("Yaw, my cousin"); a firm by its legal ending in lower
case ("exeter packing ltd"); universities by their initials ("at UEA"); the town in an address between
its street and its postcode ("Wharf Street, long sutton, pl4 8aa"); and a handle after the word
"handle" ("me handle on the gaming thing is dafydd21"). Word lists come in as arguments (case-folded).
Must not do I/O.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from cotheme.domain.deid import Found, Kind
from cotheme.domain.deid_rules import stopped
from cotheme.domain.deid_spoken import NUMBER_WORD

_CAP = r"[A-Z][a-z'’-]+"
#: "Age: 90", "age - 42", "DOB: 3/4/1961" is the date rules' own.
_AGE_FIELD = re.compile(rf"\b(?:Age|AGE|age)\s*[:=-]\s*(\d{{1,3}}|(?i:{NUMBER_WORD}))\b(?!\s*(?:%|years? ago|mins?|minutes))")
#: "Date of birth 18th", "DOB: 3rd of May": what a date-of-birth field holds, up to the field's end.
_BIRTH_FIELD = re.compile(r"\b(?i:date\s+of\s+birth|d\.?o\.?b\.?|birthday)\s*[:=-]?\s*(?i:is\s+|was\s+)?"
                          r"((?:\d{1,2}(?:st|nd|rd|th)?|[a-z]+(?:-[a-z]+)?)(?:[ \t/.-]+(?:of[ \t]+)?[\w]+){0,3}?)(?=\s*[,.;\n'’\"]|$)")
#: "Address: 75a Mount Pleasant, Corby": the first line of an address field.
_ADDRESS_FIELD = re.compile(r"\b(?:Address|ADDRESS|Home address|Addr)\s*[:=-]\s*([^,\n'’\"]{3,60}?)(?=\s*[,\n'’\"]|$)")
#: "Emergency contact: Yaw", "Next of kin: Doreen Ellis", "Name: Ionut Popa", "Patient: K. Adeyemi".
_NAME_FIELD = re.compile(rf"\b(?:Emergency contact|Next of kin|NOK|Name|Patient|Client|Carer|Contact|Referrer|Key worker|"
                         rf"Care co-?ordinator|GP|Consultant)\s*[:=-]\s*((?:{_CAP}|[A-Z]\.)(?:[ \t]+(?:{_CAP}|[A-Z]\.)){{0,2}})")
_TITLES = (r"(?:Dr|Doctor|Mr|Mrs|Ms|Miss|Mx|Prof|Professor|Councillor|Cllr|Nurse|Sister|Father|Fr|Rev|Reverend|Pastor|"
           r"Imam|Rabbi|PC|DC|Sgt|Judge|Dame|Sir|Lady|Lord)")
#: "Dr J. Zhao", "Councillor K. Nwosu", "Mrs A B Patel": a title, initials and a surname.
_TITLED_INITIAL = re.compile(rf"\b{_TITLES}\.?[ \t]+((?:[A-Z]\.?[ \t]*){{1,3}}[ \t]*{_CAP}(?:-{_CAP})?)")
#: "thank you Tizzy!", "thanks Mikey B", "cheers Gaz,": who is thanked, before the sentence ends.
_THANKED = re.compile(rf"\b(?i:thank\s+you|thanks|thank\s+u|thanku|cheers|ta)\s+((?!You\b|So\b|All\b|Everyone\b|Everybody\b|"
                      rf"Again\b|Very\b|For\b|To\b|God\b|Goodness\b|Heavens\b|NHS\b){_CAP}(?:[ \t]+[A-Z](?![\w'’]))?)(?=\s*[!.,;)\n]|\s*$|\s+x+\b)")
#: "well Spud we call him", "Kelz, we called her": the name someone goes by, said before it.
_CALLED_AFTER = re.compile(r"(?<![\w'’-])([A-Za-z][a-z'’]{1,14})\s*,?\s+(?i:we|they|everyone|people|the lads|the girls)\s+"
                           r"(?i:call|called|calls)\s+(?i:him|her|them|me)\b")
#: "nutu and bartek run the drop-in": two names written small, joined, then what people do.
_LOWER_PAIR = re.compile(r"(?<![\w'’@#./-])([a-z]{3,14})\s+(?:and|&)\s+([a-z]{3,14})\s+(?:run|ran|runs|are|were|came|come|"
                         r"said|told|helped|help|do|did|have|had|both|took|take|went|go|used|look|looked|sorted|drove|got)\b")
_RELATIONS = (r"(?:cousin|sister|brother|mum|mam|mom|mother|dad|father|aunt|auntie|aunty|uncle|nan|nana|gran|granny|grandma|"
              r"grandad|grandpa|son|daughter|niece|nephew|husband|wife|partner|fiance|fiancee|fiancé|fiancée|boyfriend|"
              r"girlfriend|stepmum|stepdad|step-mum|step-dad|carer|neighbour|friend|best friend|mate)")
#: "Yaw, my cousin", "Doreen, her mum": a name before the relation it is.
_NAME_THEN_RELATION = re.compile(rf"(?<![\w'’-])({_CAP})\s*,\s*(?i:my|his|her|our|their|your)\s+(?:(?i:little|big|older|"
                                 rf"younger|late|eldest|youngest)\s+)?(?i:{_RELATIONS})\b")
#: "exeter packing ltd", "Bright & Sons Ltd": a firm by its legal ending.
_FIRM = re.compile(r"(?<![\w'’-])((?:[A-Za-z0-9][\w'’&-]*[ \t]+){1,4}(?i:ltd|limited|plc|llp|& co|and co|& sons|and sons|"
                   r"& daughters|and daughters|cic|inc)\b\.?)")
#: Universities and colleges known by their initials.
_UNI_INITIALS = re.compile(r"\b(UEA|UCL|LSE|KCL|QMUL|UWE|UCLan|MMU|LJMU|NTU|UWS|UWL|UEL|LSBU|BCU|DMU|UoB|UoM|UoL|"
                           r"NewVIC|SOAS|RVC|RHUL|UCA|UAL|UoS|UoY|GCU|UHI|OU)\b")
_LIVE_CUE = re.compile(r"(?i:\bat|\bto|\bfrom|\bstudying|\bstudent|\bgraduated|\bdegree)\W+$")
#: "me handle on the gaming thing is dafydd21": a handle after the word "handle", "username" or "tag".
_HANDLE_IS = re.compile(r"\b(?i:handle|username|user\s+name|gamertag|gamer\s+tag|tag|@)\b[^.,;!?\n]{0,30}?\s(?i:is|was|'s|’s)\s+"
                        r"@?([A-Za-z0-9_][A-Za-z0-9_.-]{1,28}[A-Za-z0-9_])\b")
_NOT_FIRM_WORDS = frozenset("""the a an at to for with from of in on my our their his her your it's its is was were
going went go work works worked working job by called""".split())


def _unknown(word: str, english: Collection[str]) -> bool:
    return word.casefold() not in english and not stopped(word) and len(word) >= 3


def find_written(text: str, english: Collection[str], found: Sequence[Found] = ()) -> list[Found]:
    """What form fields, titled initials, thanks, names someone goes by, firms, universities, address
    lines and handles give away in ``text`` (``english``: the case-folded English word list)."""
    out = [Found(m.start(1), m.end(1), m.group(1), Kind.AGE, "rule", 0.8) for m in _AGE_FIELD.finditer(text)]
    out += [Found(m.start(1), m.end(1), m.group(1).strip(), Kind.STREET, "rule", 0.75) for m in _ADDRESS_FIELD.finditer(text)]
    out += [Found(m.start(1), m.end(1), m.group(1), Kind.DATE, "rule", 0.7) for m in _BIRTH_FIELD.finditer(text)
            if re.search(r"\d|(?i:first|second|third|th\b|teenth|tieth|january|february|march|april|may|june|july|august|"
                         r"september|october|november|december)", m.group(1))]
    out += [Found(m.start(1), m.end(1), m.group(1), Kind.PERSON, "rule", 0.75) for m in _NAME_FIELD.finditer(text)
            if not stopped(m.group(1))]
    out += [Found(m.start(1), m.end(1), m.group(1), Kind.PERSON, "rule", 0.75) for m in _TITLED_INITIAL.finditer(text)]
    out += [Found(m.start(1), m.end(1), m.group(1), Kind.PERSON, "rule", 0.6) for m in _THANKED.finditer(text)
            if not stopped(m.group(1).split()[0])]
    out += [Found(m.start(1), m.end(1), m.group(1), Kind.PERSON, "rule", 0.6) for m in _CALLED_AFTER.finditer(text)
            if m.group(1).casefold() not in ("what", "that", "this", "it", "which", "so", "well", "and", "but", "he", "she")]
    for m in _LOWER_PAIR.finditer(text):
        if _unknown(m.group(1), english) and _unknown(m.group(2), english):
            out += [Found(m.start(g), m.end(g), m.group(g), Kind.PERSON, "rule", 0.5) for g in (1, 2)]
    out += [Found(m.start(1), m.end(1), m.group(1), Kind.PERSON, "rule", 0.6) for m in _NAME_THEN_RELATION.finditer(text)
            if not stopped(m.group(1))]
    for m in _FIRM.finditer(text):
        words = list(re.finditer(r"\S+", m.group(1)))
        keep = len(words) - 1  # the legal ending; then the name's words back to the sentence's own
        while keep > 0 and words[keep - 1].group().casefold() not in _NOT_FIRM_WORDS:
            keep -= 1
        words = words[keep:]
        if len(words) >= 2:
            start = m.start(1) + words[0].start()
            out.append(Found(start, m.end(1), text[start:m.end(1)], Kind.WORKPLACE, "rule", 0.65))
    out += [Found(m.start(1), m.end(1), m.group(1), Kind.SCHOOL, "rule", 0.6) for m in _UNI_INITIALS.finditer(text)
            if _LIVE_CUE.search(text[max(0, m.start() - 20):m.start()])]
    out += [Found(m.start(1), m.end(1), m.group(1), Kind.HANDLE, "rule", 0.65) for m in _HANDLE_IS.finditer(text)
            if not (m.group(1).casefold() in english and not re.search(r"[._\d]", m.group(1)))]
    out += _address_towns(text, found)
    return out


def _address_towns(text: str, found: Sequence[Found]) -> list[Found]:
    """The town between an address's street and its postcode ("Wharf Street, long sutton, pl4 8aa")."""
    streets = sorted((f for f in found if f.kind is Kind.STREET), key=lambda f: f.start)
    codes = [f for f in found if f.kind is Kind.POSTCODE]
    out = []
    for street in streets:
        for code in codes:
            between = text[street.end:code.start]
            m = re.fullmatch(r"\s*,\s*([A-Za-z][\w'’-]*(?:[ \t]+[A-Za-z][\w'’-]*){0,2})\s*,\s*", between)
            if m:
                start = street.end + m.start(1)
                out.append(Found(start, start + len(m.group(1)), m.group(1), Kind.PLACE, "rule", 0.7))
    return out
