"""De-identification rules for the ways interviews name people beyond "my sister Amira": nicknames
and how they are introduced, names with "Our" before them, names the speaker turns to, relatives named
before their role, and names written with a hyphen or a letter outside A-Z.

Owns: "Big Mick", "Little Lee" (a size word before a capitalised name, not a place or a generic word);
nicknames introduced ("we call him Spud", "known as Mags", "nicknamed Tiny", a quoted 'Spud'); a
capitalised word followed by what only a person is ("Spud from the hostel", "Kaz-B was the only one
who", "Is Mags the friend from"); "Our Mark rang" (the northern "our" before a relative's name, never
"Our Lady" or "our kid"); "Joy, that's my great-nan"; relatives with a modifier the first rules lacked
("my birth mum Min-jun", "my great-nan Joy"); possessives of hyphenated names ("Min-jun's"); and the
name the interviewer thanks or addresses at the end of a sentence ("Thanks for that, Łukasz.").
Ordinary English words count only where the words around them leave no other reading; the English
word list is handed in. Must not do I/O.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from cotheme.domain.deid import Found, Kind
from cotheme.domain.deid_rules import RELATIONS, stopped
from cotheme.domain.deid_shapes import GENERIC

#: A capitalised name in any alphabet ("Łukasz", "Zoë", "Min-jun", "Kaz-B", "O'Neill").
NAME = r"(?:[A-Z]|[^\W\d_a-z])[^\W\d_]*(?:['’-](?:[^\W\d_]+))*"

#: Words that are never a nickname after "Big"/"Little" (places, things and kinds of people).
_NOT_AFTER_SIZE = frozenset(w.casefold() for w in """
Ben Brother Sister Man Issue Society Data Pharma Tech Apple Bang Dipper Boy Girl Ones One Bit Lot Way
Britain England Chef Mac Brother's Sister's Things Thing Venice Italy Sur House Red Miss Mister
""".split())
#: "Big Mick", never "Big Black guy" (a description: a noun for a person follows).
_SIZE_NAME = re.compile(rf"\b(?:Big|Little|Wee)\s+({NAME})(?![^\W\d_])(?!\s+(?:of|and|[A-Z]))"
                        r"(?!\s+(?:guy|man|men|woman|women|lad|lads|lass|girl|boy|fella|bloke|kid|one|ones|thing|bloke)\b)")
_INTRODUCED = re.compile(
    rf"\b(?i:we|they|everyone|everybody|people|the lads|the girls|the staff|I)\s+(?:(?i:always|all|just|still|even|only)\s+)?(?i:call|called|calls|used to call)\s+"
    rf"(?i:him|her|them|me|it|each other)\s+['‘\"“]?({NAME})"
    rf"|\b(?i:knew|know|knows|remember)\s+(?i:him|her|them|me)\s+as\s+['‘\"“]?({NAME})"
    rf"|\b(?i:known as|nicknamed|nickname is|nickname was|goes by|went by|answers to)\s+['‘\"“]?({NAME})"
    rf"|(?<=\s)['‘\"“]({NAME})['’\"”](?=\s+(?i:from|at|on|in|was|is|who|and|said|used|came|lent|gave|told))")
#: What only a person does or is, after a capitalised word that opens a sentence or follows "Is"/"Was".
#: ("from the team", "from the group" left out: "Laughs from the team", "Support from the group".)
_PERSON_AFTER = (r"(?:from the (?:hostel|ward|estate|flats|block|church|mosque|gym|pub|club|shelter|drop-in)\b"
                 r"|was the only one who|is the only one who|was the one who|is the one who|(?:was|is) the only person"
                 r"|the friend from|the lad from|the girl from|the woman from|the man from)")
#: Weaker: what people and services alike do ("X rang me"); the word must not be ordinary English.
_PERSON_DOES = r"(?:lent me|came round|rang me|texted me|messaged me|picked me up|sat with me|stayed with me)"
_OPENER = r"(?:^|(?<=[.!?]\s)|(?<=\n)|(?<=\b[Ii]s\s)|(?<=\b[Ww]as\s)|(?<=\b[Aa]nd\s)|(?<=,\s))"
_OPENER_PERSON = re.compile(rf"{_OPENER}({NAME})\s+(?={_PERSON_AFTER})")
_OPENER_DOES = re.compile(rf"{_OPENER}({NAME})\s+(?={_PERSON_DOES})")
#: Words that open such clauses and are never names.
_PRONOUNS = frozenset("he she they we you it i who someone somebody one this that there here these those".split())
_OUR = re.compile(rf"\b[Oo]ur\s+({NAME})(?!\s+(?:of\b|[A-Z]))(?=[\s,.;!?'’])")
_NOT_AFTER_OUR = frozenset(w.casefold() for w in "Lady Lady's Lord Father Saviour Kid Kids Lass Lad Town City Club".split())
_RELATIVE_AFTER = re.compile(
    rf"(?:^|(?<=[.!?]\s)|(?<=\n)|(?<=\band\s)|(?<=\bbut\s)|(?<=\bso\s))({NAME}),\s+(?i:that's|that’s|that is|who's|who’s|who is|she's|she’s|he's|he’s)\s+"
    rf"(?i:my|our|me)\s+(?:(?i:great|step|half|birth|foster|adoptive|god)[- ]?)?(?i:{'|'.join(re.escape(r) for r in RELATIONS)})\b(?!['’]s)")
_RELATIVE_MODIFIED = re.compile(
    rf"\b(?i:my|our|her|his|their|your)\s+(?i:great[- ](?:great[- ])?|birth\s+|foster\s+|adoptive\s+|real\s+|half[- ]|god)"
    rf"(?i:mum|mam|mom|mother|dad|father|nan|nana|gran|granny|grandma|grandad|grandmother|grandfather|aunt|auntie|"
    rf"uncle|sister|brother|son|daughter|parents?|child|kids)\s*,?\s+({NAME})")
_HYPHEN_POSSESSIVE = re.compile(rf"\b([A-Z][a-z]+-[A-Za-z][a-z]*)(?:'s|’s)\b")
_ADDRESSED = re.compile(rf"\b(?i:thanks|thank you|cheers|bye|okay|ok|right|sorry|hello|hi)\b[^.!?\n]{{0,40}},\s+({NAME})(?=\s*[.!?])")


def _ok(name: str) -> bool:
    return not stopped(name) and name.casefold() not in GENERIC and len(name) >= 2


def _spans(pattern: re.Pattern[str], text: str, score: float) -> list[Found]:
    out = []
    for m in pattern.finditer(text):
        group = next((g for g in range(1, (pattern.groups or 0) + 1) if m.group(g)), 0)
        if group and _ok(m.group(group)):
            out.append(Found(m.start(group), m.end(group), m.group(group), Kind.PERSON, "rule", score))
    return out


def find_nicknames(text: str, english: Collection[str] = ()) -> list[Found]:
    """Nicknames and the other ways of naming a person above. ``english`` (lower-case common words)
    keeps ordinary words out where only the shape of the sentence speaks for a name."""
    found = [f for f in _spans(_SIZE_NAME, text, 0.7) if f.text.casefold() not in _NOT_AFTER_SIZE]
    for f in list(found):  # the size word is part of the nickname: "Big Mick", not "Mick"
        start = text.rfind(" ", 0, f.start - 1) + 1
        found[found.index(f)] = Found(start, f.end, text[start:f.end], Kind.PERSON, "rule", 0.7)
    found += [f for f in _spans(_INTRODUCED, text, 0.75) if not (f.text.isupper() and len(f.text) > 2)]  # "known as CAQDAS"
    found += [f for f in _spans(_OPENER_PERSON, text, 0.6) if f.text.casefold() not in _PRONOUNS | _NOT_AFTER_OUR]
    found += [f for f in _spans(_OPENER_DOES, text, 0.55) if f.text.casefold() not in _PRONOUNS | set(english)]
    # "our PDPs", "our NHS": an acronym after "our" is a thing, not a relative
    found += [f for f in _spans(_OUR, text, 0.6) if f.text.casefold() not in _NOT_AFTER_OUR and f.text[1:].islower()
              and (f.text.casefold() not in english or f.text.casefold() in _NAMES_ALSO_WORDS)]
    found += _spans(_RELATIVE_AFTER, text, 0.75) + _spans(_RELATIVE_MODIFIED, text, 0.85)
    found += _spans(_HYPHEN_POSSESSIVE, text, 0.6)
    found += [f for f in _spans(_ADDRESSED, text, 0.6) if f.text.casefold() not in english]
    return found


#: First names that are also English words; after "Our" they are names ("Our Mark", "Our Joy").
_NAMES_ALSO_WORDS = frozenset("""mark joy grace hope faith bill pat rose dawn will may june april august
sky ray mo jack bob sue dot viv val rob nick dick sunny summer holly ivy daisy poppy robin frank
""".split())
