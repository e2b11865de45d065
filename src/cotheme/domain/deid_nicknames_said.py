"""De-identification rules for people named by what they are called rather than by their name: the
nicknames and pet names interviewees use, and the names written small beside them.

Owns: a name with what everyone calls someone ("frankie boy, that's what everyone calls him", "we
called him lil dee because"); a nickname with the proper name beside it ("my mate titch, proper name's
elijah al-sayed": both); a name after a family word in apposition ("our kid, taff, he's"); whoever comes
round ("Rocky come round the flat", "macca came round"); someone opening a sentence with where they
work and what they did ("Sully at the crisis house made"); whose home something happened at ("we had it
at keith's, in the garden"); and a first name written small with a surname no word list has ("i had gary
bashir as my therapist", "blessing al-sayed's mum"). First names and English words come in as arguments
(case-folded). Must not do I/O.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from cotheme.domain.deid import Found, Kind
from cotheme.domain.deid_rules import FUNCTION_WORDS, stopped
from cotheme.domain.deid_shapes import GENERIC

_WORD = r"[A-Za-z][a-z'’]{1,14}"
#: "frankie boy, that's what everyone calls him".
_THATS_WHAT = re.compile(rf"(?<![\w'’-])({_WORD}(?:[ \t]+{_WORD})?)\s*,\s*(?i:that's|that’s|thats|that is)\s+what\s+"
                         r"(?i:everyone|everybody|we|they|people|the lads|the girls|his mates|her mates|folk)\s+"
                         r"(?i:call|calls|called)\b")
#: "we called him lil dee because": two words after a calling, when the clause goes on with a reason.
_CALLED_TWO = re.compile(rf"\b(?i:called|call|calls|nicknamed)\s+(?i:him|her|them|me)\s+(?i:as\s+)?({_WORD}[ \t]+{_WORD})"
                         r"(?=\s*[,.;!?]|\s+(?:because|cos|coz|cause|as|since|and|after|for)\b)")
#: "my mate titch, proper name's elijah al-sayed": the nickname and the name.
_PROPER_NAME = re.compile(rf"(?<![\w'’-])({_WORD})\s*,\s*(?:(?i:his|her|their)\s+)?(?i:proper|real|actual|full|given)\s+"
                          rf"(?i:name)(?:['’]s|\s+is|\s+was)\s+({_WORD}(?:[ \t-]+{_WORD}){{0,2}})")
#: "our kid, taff, he's": a name in apposition after a family word.
_FAMILY_APPOSITION = re.compile(rf"\b(?i:our kid|our lass|our lad|our (?:mam|mum|dad|nan|gran|sister|brother|son|daughter|"
                                rf"cousin|auntie|uncle)|my (?:little|big|older|younger) (?:brother|sister))\s*,\s*({_WORD})\s*,")
#: "Rocky come round the flat", "macca came round on Tuesday": whoever comes round.
_COMES_ROUND = re.compile(rf"(?<![\w'’-])({_WORD})\s+(?i:come|came|comes|popped|pops|pop|called|calls)\s+(?i:round|over|by)\b")
#: "Sully at the crisis house made": a sentence opened by someone, where they work, and what they did.
_AT_THE_DID = re.compile(rf"(?:^|(?<=[.!?\n])\s*|(?<=\n))({_WORD})\s+(?i:at|from|on)\s+the\s+[a-z]+(?:\s+[a-z]+)?\s+"
                         r"(?:made|makes|was|is|said|says|told|tells|helped|helps|came|rang|rings|got|gets|sorted|sorts|"
                         r"listened|listens|took|takes|gave|gives|sat|sits|looked|looks|kept|keeps|found|finds|saved)\b",
                         re.MULTILINE)
#: "we had it at keith's, in the garden": whose home something happened at.
_AT_HOME_OF = re.compile(r"\b(?i:at|round|to)\s+([a-z][a-z]{2,14})['’]s\b(?=\s*[,.;!?]|\s+(?:house|place|flat|for|in|on|and|with|"
                         r"after|before|last|this|that|every)\b)")
#: "i had gary bashir as my therapist": a first name and a surname, both written small.
_LOWER_FULL_NAME = re.compile(r"(?<![\w'’@#./-])([a-z]{2,14})(?=[ \t]+([a-z]{2,14}(?:-[a-z]{2,14})?)(?![\w@#/-]))")
#: A determiner just before a word: what follows is a thing ("the housing side", "a hugh thankyou").
_DETERMINER_BEFORE = re.compile(r"\b(?i:the|a|an|this|that|these|those|some|any|every|each|no)[ \t]+$")
#: Words that are people's kinds, not their names, at the head of a sentence or before "came round".
_NOT_NAMES = frozenset("""staff nurse nurses doctor doctors everyone everybody someone somebody nobody people person
team manager managers worker workers carer carers mum mam mom dad nan nana gran grandma grandad auntie uncle sister
brother son daughter cousin friend friends mate mates neighbour neighbours police paramedics ambulance crew crews
social family kids lads girls boys lady man woman bloke fella they she he it we you i everything nothing something
support service services one ones receptionist receptionists reception security admin consultant psychiatrist
therapist counsellor volunteer volunteers chaplain vicar priest imam matron sister manager driver drivers postman
boss landlord council housing gp side lot bunch crowd gang thankyou thanku""".split())
#: English first names that are also everyday words: written small, not taken for a name with a surname.
_PLAIN_FIRSTS = frozenset("""will may rose bill mark art pat sue jack june april grace hope faith joy dawn summer rob
bob don ken jean gene ray guy lee chase drew hunter mason page miles frank victor""".split())


def _not_a_name(word: str) -> bool:
    folded = word.casefold()
    return folded in _NOT_NAMES or folded in FUNCTION_WORDS or folded in GENERIC or stopped(word)


def find_called(text: str, first_names: Collection[str], english: Collection[str]) -> list[Found]:
    """The people these rules see in ``text``."""
    out: list[Found] = []

    def add(m: re.Match[str], group: int, score: float) -> None:
        words = m.group(group).split()
        if words and not _not_a_name(words[0]):
            out.append(Found(m.start(group), m.end(group), m.group(group), Kind.PERSON, "rule", score))

    for m in _THATS_WHAT.finditer(text):
        add(m, 1, 0.65)
    for m in _CALLED_TWO.finditer(text):
        add(m, 1, 0.6)
    for m in _PROPER_NAME.finditer(text):
        add(m, 1, 0.65)
        add(m, 2, 0.7)
    for m in _FAMILY_APPOSITION.finditer(text):
        add(m, 1, 0.6)
    for pattern in (_COMES_ROUND, _AT_THE_DID):
        for m in pattern.finditer(text):
            word = m.group(1)
            if _DETERMINER_BEFORE.search(text, max(0, m.start(1) - 8), m.start(1)):
                continue  # "the housing side came round": a thing, not a person
            if pattern is _AT_THE_DID and word.casefold() in english and not word[0].isupper():
                continue
            add(m, 1, 0.55)
    for m in _AT_HOME_OF.finditer(text):
        word = m.group(1)
        if word in first_names or (word not in english and len(word) >= 4):
            add(m, 1, 0.5)
    for m in _LOWER_FULL_NAME.finditer(text):
        first, last = m.group(1), m.group(2)
        parts = last.split("-")
        if (first in first_names and first not in _PLAIN_FIRSTS and not _not_a_name(first)
                and any(p not in english and len(p) >= 3 for p in parts)
                and not stopped(last) and not _not_a_name(parts[0])
                and not re.search(r"(?:ing|ed|ly|ness|ment|tion|ies|es)$", parts[-1])):
            end = m.end(1) + len(text[m.end(1):].split(last, 1)[0]) + len(last)
            if not _DETERMINER_BEFORE.search(text, max(0, m.start(1) - 8), m.start(1)):
                out.append(Found(m.start(1), end, text[m.start(1):end], Kind.PERSON, "rule", 0.5))
    return out
