"""De-identification rules for names and places that are written without their capital letter or with
accents, or that only a role or a group beside them gives away.

Owns: ``fold``, the length-preserving copy of a text with accented Latin letters folded to their base
letter ("Öztürk" -> "Ozturk"), on which the rules run so that offsets stay those of the original; first
names written in lower case ("manpreet said", "me mam pauline", "thank u bogdan", "ewa's group"); towns
and districts written in lower case after a place's word ("round gorton", "out to st helens"); a single
capital initial after a person already found ("Shannon S was"); people named by their role ("my care
coordinator's Prince", "was Ebo Vu your care coordinator", "Da Costa on the crisis line", "Blessing from
the housing"); and a place given beside a known one ("from Leith to Small Heath"). The gazetteers (first
names, UK places, English words and the everyday ones among them) come in as arguments. Must not do I/O.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Sequence
from functools import lru_cache

from cotheme.domain.deid import Found, Kind
from cotheme.domain.deid_rules import stopped
from cotheme.domain.deid_shapes import GENERIC

#: Letters NFD does not decompose that still read as one ASCII letter.
_EXTRA_FOLDS = {"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ħ": "h", "Ħ": "H", "ı": "i"}


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {ord(k): v for k, v in _EXTRA_FOLDS.items()}
    for code in range(0x80, 0x2000):
        char = chr(code)
        if not unicodedata.category(char).startswith("L"):
            continue
        base = unicodedata.normalize("NFD", char)[0]
        if base != char and base.isascii() and base.isalpha():
            table[code] = base
    return table


def fold(text: str) -> str:
    """``text`` with each accented Latin letter replaced by its base letter ("Zoë" -> "Zoe"); every other
    character is kept, so the result has the same length and the same offsets."""
    return text if text.isascii() else text.translate(_fold_table())


# -- first names in lower case ---------------------------------------------------------------------------
_LOWER_WORD = re.compile(r"(?<![\w'’@#./-])([a-z][a-z]{2,14})(?![\w@#/-]|\.[a-z]|['’](?:t|ll|re|ve|d|m)\b)")
#: Words before a person that leave no doubt ("me mam pauline", "thank u bogdan", "asked for meera").
_SURE_BEFORE = re.compile(
    r"(?i:\b(?:me|my|our|his|her|their)\s+(?:(?:little|big|baby|older|younger|eldest|youngest|step|step-|late|ex-?)\s*)?"
    r"(?:mam|mum|mom|dad|da|ex|nan|nana|gran|grandad|grandma|grandpa|granny|grandmother|grandfather|granddaughter|"
    r"grandson|grandchild|auntie|aunty|aunt|uncle|cousin|niece|nephew|sister|brother|stepmum|stepdad|stepson|"
    r"stepdaughter|godmother|godfather|godson|goddaughter|fiance|fiancee|carer|neighbour|flatmate|housemate|"
    r"sis|bro|son|daughter|husband|wife|partner|fella|missus|boyfriend|girlfriend|bf|gf|mate|friend|pal)|"
    r"\bthank(?:s|ing)?\s+(?:u|you|ya|to)|\bthanks\s+(?:u|you|ya|to)|\bshout\s*out\s+to|\bfault|"
    r"\b(?:was|is|were|she's|he's|they're)\s+(?:called|named)|\b(?:called|named)|\basked\s+(?:for|after)|"
    r"\b(?:nurse|worker|doctor|counsellor|therapist|psychologist|coordinator|keyworker|key worker|lady|fella|bloke)\s*,)"
    r"\s+$")
#: Words before a person that make a name more likely ("i remember reece", "with jodie", "it was dorota").
_NEAR_BEFORE = re.compile(r"(?i:\b(?:remember|with|for|to|and then|then|was|by|from|tell|told|ask|asked|saw|see|met|"
                          r"love|loved|miss|missed|like|liked|and))\s+$")
#: Words after a person ("manpreet said", "dwayne's phone", "thilini, who").
_NEAR_AFTER = re.compile(r"(?:['’]s\b|\s+(?:said|saying|says|told|tells|rang|texted|came|come|was|is|used to|helped|"
                         r"who|and me|and i|on (?i:mon|tues|wednes|thurs|fri|satur|sun)days?)\b|\s*,\s*(?:who|she|he)\b)")
#: What only a person does straight after their name ("manpreet said", "yetunde saying").
_SAID_AFTER = re.compile(r"\s+(?:said|saying|says|told me|told us|rang me|texted me|messaged me)\b")
#: Endings of English words the word list may lack ("refreshingly", "dismissive", "unhelpfulness").
_LOOKS_ENGLISH = re.compile(r"(?:ing|ed|ly|ness|ment|tion|sion|ive|ful|less|able|ible|ous|ise|ize|ist|ism|ity|ers|est)$")
#: Lower-case words the first-name list has that are talk, not names.
_NOT_NAMES = frozenset("""lady lord father saviour kid kids lass lad town city club house place family team group son
daughter mum mam dad nan gran brother sister baby youngest eldest oldest little big own way street estate road school
wifey hubby hubs missus misses fella bf gf bestie bezzie mate bro sis hun babe bae admin nurse doc gp camhs cpn cbt
mods mod staff sir miss ive dont didnt cant wont isnt wasnt youre theyre thats whats couldnt wouldnt shouldnt thankyou
lol omg tbh idk ngl imo pls plz thx cos coz tho yeh yep nope nah aye ok okay hiya etc esp approx ish innit dunno
arent werent hasnt havent hadnt doesnt youve theyve weve hes shes youd theyd fiance fiancee fiancé fiancée
grandkids grandkid stepkids""".split())


def _english_form(word: str, english: Collection[str]) -> bool:
    """Whether ``word`` looks like an English word the list lacks: an English stem with an English ending
    ("refreshingly", "unhelpfulness"), or an ending only English words have when no stem is known."""
    m = _LOOKS_ENGLISH.search(word)
    if not m:
        return False
    stem = word[:m.start()]
    return (len(stem) < 3 or stem in english or stem + "e" in english or (len(stem) > 3 and stem[-1] == stem[-2]
            and stem[:-1] in english) or any(stem.endswith(e) for e in ("ly", "ful", "ness", "less", "ive", "ment")))


def _is_lower_name(word: str, before: str, after: str, first_names: Collection[str], english: Collection[str],
                   everyday: Collection[str]) -> float | None:
    """The confidence that the lower-case ``word`` is a person, given the text ``before`` and ``after`` it."""
    if word in _NOT_NAMES or stopped(word) or word in GENERIC or re.search(r"(.)\1\1", word):
        return None
    if word not in first_names:
        # No list has it: a word no dictionary has either, where only a person can be ("remember yetunde saying").
        sure = _SURE_BEFORE.search(before) or _SAID_AFTER.match(after)
        return 0.5 if sure and len(word) >= 4 and word not in english and not _english_form(word, english) else None
    if word not in english:
        near = _NEAR_BEFORE.search(before) or _SURE_BEFORE.search(before) or _NEAR_AFTER.match(after)
        if near:
            return 0.6
        return 0.45 if len(word) >= 4 else None
    if word not in everyday and (_SURE_BEFORE.search(before) or _NEAR_BEFORE.search(before) and _NEAR_AFTER.match(after)):
        return 0.55
    return None


def find_lower_names(text: str, first_names: Collection[str], english: Collection[str],
                     everyday: Collection[str]) -> list[Found]:
    """First names written in lower case: a listed first name that is no English word, or one that is no
    everyday word after words that only come before a person."""
    out = []
    for m in _LOWER_WORD.finditer(text):
        word = m.group(1)
        score = _is_lower_name(word, text[max(0, m.start() - 30) : m.start()], text[m.end() : m.end() + 30],
                               first_names, english, everyday)
        if score is not None:
            out.append(Found(m.start(1), m.end(1), word, Kind.PERSON, "rule", score))
    return out


# -- places in lower case --------------------------------------------------------------------------------
_PLACE_BEFORE = r"(?:in|to|round|around|from|near|outside|over|across|through|via|up|down)"
_LOWER_PLACE = re.compile(rf"\b{_PLACE_BEFORE}\s+(?:in\s+|to\s+|at\s+)?([a-z][a-z'’-]+)(?:\s+([a-z][a-z'’-]+))?")
#: How the names of English towns and districts end ("lewisham", "gorton", "bramley", "ashby").
_TOWN_ENDING = re.compile(r"(?:ham|ton|ford|ley|leigh|by|field|wich|wick|bury|borough|brough|burgh|mouth|pool|worth|"
                          r"thorpe|combe|stead|caster|chester|cester|den|don|hurst|holme|dale|sey|well|bridge|minster|"
                          r"stow|stowe|port|cliffe|ing|head|end)$")
#: The place words after which an unknown word with a town's ending is a town ("to" is not: "to deaden").
_TOWN_CUES = frozenset("in round around from near outside over across".split())
#: Places everyone says whose names are also English words: after a place's word and with their capital
#: in mid-sentence ("living rough in Reading") they are the town.
_ORDINARY_TOWNS = re.compile(r"\b(?:in|to|from|near|outside|around|round)\s+(Reading|Bath|Sale|Bury|Wells|Rugby|Ware|Deal|"
                             r"Bude|Hull|Crewe|Wigan)\b(?![\w'’-]|\s+[A-Z])")


def find_lower_places(text: str, places: Collection[str], english: Collection[str], first_names: Collection[str]) -> list[Found]:
    """Towns written in lower case after a place's word: a listed place of one or two words ("out to st
    helens", "over in long eaton") that is no English word, or an unknown word ending like an English
    town's name ("nothing in lewisham", "round gorton"); towns named like English words ("in Reading")."""
    out = []
    for m in _LOWER_PLACE.finditer(text):
        one, two = m.group(1), m.group(2)
        if two and f"{one} {two}" in places and two not in english and not stopped(f"{one} {two}"):
            out.append(Found(m.start(1), m.end(2), f"{one} {two}", Kind.PLACE, "rule", 0.55))
        elif one in places and one not in english and not stopped(one) and one not in first_names:
            out.append(Found(m.start(1), m.end(1), one, Kind.PLACE, "rule", 0.5))
        elif (len(one) >= 6 and "-" not in one and m.group().split()[0] in _TOWN_CUES and one not in english
              and one not in first_names and _TOWN_ENDING.search(one) and not stopped(one) and not one.endswith("ing")):
            out.append(Found(m.start(1), m.end(1), one, Kind.PLACE, "rule", 0.45))
    out += [Found(m.start(1), m.end(1), m.group(1), Kind.PLACE, "rule", 0.55) for m in _ORDINARY_TOWNS.finditer(text)]
    return out


# -- initials, roles and places beside places -------------------------------------------------------------
#: A capital initial after a name ("Shannon S was", "Dmitri C who", "Blessing P saying").
_INITIAL = re.compile(r"[ \t]+([A-Z])\.?(?=[ \t]*[,;:)!?]|[ \t]*\.(?:\s|$)|[ \t]+(?:who|was|is|and|said|saying|says|both|"
                      r"from|had|has|did|told|came|rang|were|as|at|on|in|left|did|does|would|will|used|called|texted)\b)")


#: "remember Blessing P saying": a capitalised word in mid-sentence with an initial, before what a person does.
_NAME_INITIAL = re.compile(r"(?<=[a-z,] )((?!I\b)[A-Z][a-z]{2,14}[ \t]+(?![AI]\b)[A-Z])(?=[ \t]+(?:said|saying|says|who|told|rang|"
                           r"texted|was|were|and|both)\b)")


def find_initials(text: str, found: Sequence[Found]) -> list[Found]:
    """A found person followed by a single capital letter ("Shannon S was") is named with their initial;
    "I" counts only before "who" or "both" (elsewhere it is the speaker), "A" not before a word."""
    out = []
    for f in found:
        if f.kind is not Kind.PERSON or f.score < 0.45 or not f.text[:1].isupper():
            continue
        m = _INITIAL.match(text, f.end)
        if not m:
            continue
        letter = m.group(1)
        rest = text[m.end() : m.end() + 6].lstrip()
        if letter == "I" and not rest.startswith(("who", "both")):
            continue
        if letter == "A" and rest[:1].isalpha() and not rest.startswith(("who", "was", "and", "both")):
            continue
        out.append(Found(f.start, m.end(1), text[f.start : m.end(1)], Kind.PERSON, "rule", min(f.score, 0.7)))
    for m in _NAME_INITIAL.finditer(text):
        if not stopped(m.group(1).split()[0]) and m.group(1).split()[0].casefold() not in GENERIC:
            out.append(Found(m.start(1), m.end(1), m.group(1), Kind.PERSON, "rule", 0.55))
    return out


_CAP = r"(?!I\b)[A-Z][a-z][\w'’-]*"
_CAPS = rf"{_CAP}(?:[ \t]+(?:{_CAP}|[A-Z][a-z]?|(?:de|da|van|von|ap|al|el|bin|le|la|di|du|dos)(?=[ \t]+[A-Z])))" r"{0,2}"
_ROLE = (r"(?:care co-?ordinator|co-?ordinator|key ?worker|social worker|support worker|case worker|caseworker|"
         r"nurse|cpn|CPN|psychiatrist|therapist|counsellor|psychologist|consultant|GP|doctor|OT|occupational therapist|"
         r"peer worker|peer supporter|advocate|mentor|named nurse|lead|worker)")
#: "My care coordinator's Prince, but", "my nurse is Thilini".
_ROLE_IS = re.compile(rf"(?i:\b(?:my|her|his|our|their|the|your)\s+){_ROLE}(?:['’]s|\s+(?:is|was|were|being))\s+({_CAPS})(?![\w'’-]|[ \t]+[A-Z])")
#: "was Ebo Vu your care coordinator", "Is Sam still your nurse".
_IS_ROLE = re.compile(rf"\b(?i:was|is|were|wasn't|isn't)\s+({_CAPS})\s+(?:still\s+)?(?:your|my|her|his|their|the)\s+(?:\w+\s+)?{_ROLE}\b")
#: "Da Costa on the crisis line", "Priya at the front desk".
_ON_LINE = re.compile(rf"(?<![\w'’-])({_CAPS})\s+(?:on|at|from|in)\s+the\s+(?:crisis\s+line|helpline|help\s+line|phone\s+line|"
                      r"phones|switchboard|front\s+desk|reception|desk|crisis\s+team|duty\s+desk|hotline)\b")
#: "Blessing from the housing", "spud from the football lot": someone from a group of people.
_FROM_GROUP = re.compile(r"(?<![\w'’-])([A-Za-z][a-z'’-]{1,14})\s+from\s+(?:the\s+)?(?:housing|football|church|mosque|temple|"
                         r"gurdwara|gym|boxing|rugby|cricket|darts|pub|allotment|choir|foodbank|food\s+bank|jobcentre|job\s+centre|"
                         r"council|hostel|drop-in|club|school\s+gate|estate|support\s+group|group|ward)"
                         r"(?:\s+(?:lot|team|lads|lasses|crowd|gang|office|association|people|group|club))?\b"
                         r"(?=\s+(?:was|is|were|came|come|said|says|told|rang|texted|helped|got|gets|has|had|used|found|sorted|"
                         r"did|does|would|will|still|always|never|kept|took|drove|put|sent|messaged|called|phoned|popped|"
                         r"fo\w*|gave|brought|sat|stayed|drives|drove)\b|\s*,\s*(?:who|she|he|right|yeah|like|aye)\b)")
#: "shout out to Sully in the kitchen", "thanks to Pat and the team".
_THANKS_TO = re.compile(rf"\b(?i:shout\s*out\s+to|shoutout\s+to|thanks\s+to|thank\s+you\s+to|big\s+up)\s+({_CAP})(?![\w'’-]|[ \t]+[A-Z])")
#: Nouns that come from a group without being anyone ("help from the housing was").
_NOT_PEOPLE = frozenset("""help support advice letter letters call calls money people someone somebody nobody everyone
everybody anyone anybody staff workers worker lady man woman bloke guy lads lot one ones person mates friends friend news
word post email emails text texts message messages visit visits officer officers manager team lads girls boys kids family
nothing something everything anything referral funding grant form forms rent flat house food parcel parcels voucher
vouchers bloke fella chap lass lad coach captain vicar priest imam pastor""".split())


def _name_words(words: str, first_names: Collection[str]) -> bool:
    parts = words.split()
    return bool(parts) and not stopped(words) and not any(
        stopped(p) or (p.casefold() in GENERIC and p.casefold() not in first_names) for p in parts if len(p) > 2)


def find_role_names(text: str, first_names: Collection[str], english: Collection[str]) -> list[Found]:
    """People named by their role or by the group they come from."""
    out = []
    for pattern in (_ROLE_IS, _IS_ROLE, _ON_LINE):
        for m in pattern.finditer(text):
            if _name_words(m.group(1), first_names):
                out.append(Found(m.start(1), m.end(1), m.group(1), Kind.PERSON, "rule", 0.6))
    for m in _THANKS_TO.finditer(text):
        if _name_words(m.group(1), first_names) and m.group(1).casefold() not in _NOT_PEOPLE:
            out.append(Found(m.start(1), m.end(1), m.group(1), Kind.PERSON, "rule", 0.55))
    for m in _FROM_GROUP.finditer(text):
        word = m.group(1)
        folded = word.casefold()
        if folded in _NOT_PEOPLE or folded in _NOT_NAMES or stopped(word) or folded in GENERIC:
            continue
        if word[0].isupper() or (folded not in english and not _LOOKS_ENGLISH.search(folded)):
            out.append(Found(m.start(1), m.end(1), word, Kind.PERSON, "rule", 0.55))
    return out


_FROM_TO = re.compile(rf"\bfrom\s+({_CAP}(?:[ \t]+{_CAP})?)\s+(?:to|into|over to)\s+({_CAP}(?:[ \t]+{_CAP})?)(?![\w'’-])")


def find_place_pairs(text: str, places: Collection[str], found: Sequence[Found]) -> list[Found]:
    """The other end of a journey between a known place (listed, or found already) and a capitalised one
    ("from Leith to Small Heath")."""
    known_at = {f.start for f in found if f.kind is Kind.PLACE and f.score >= 0.5}
    out = []
    for m in _FROM_TO.finditer(text):
        for known, other in ((1, 2), (2, 1)):
            words = m.group(other)
            if ((m.group(known).casefold() in places or m.start(known) in known_at)
                    and not any(stopped(w) or w.casefold() in GENERIC for w in words.split())):
                out.append(Found(m.start(other), m.end(other), words, Kind.PLACE, "rule", 0.55))
    return out


# -- more names in lower case: surnames, people from somewhere, possessives, nicknames --------------------
#: Words that follow a name in a sentence without being part of it ("asked for meera but she").
_FUNCTION_WORDS = frozenset("""then but and so or if when because cos coz though yet still also too just only even now
there here again once as well said says told asked rang came went was is were are had has have did does do will would
could should can may might must not never always really actually basically anyway like""".split())
_PREVIOUS_WORD = re.compile(r"(?<![\w'’-])([a-z][a-z]{1,14})[ \t]+$")
_NEXT_WORD = re.compile(r"[ \t]+([a-z][a-z'’-]{2,20})\b")
#: A word no list has, then "from" and where the person is from ("tunde from Sainsbury's rang").
_FROM_ANYWHERE = re.compile(r"(?<![\w'’@#./-])([a-z][a-z]{2,14})\s+from\s+(?:the[,\s]+)*(?:[A-Z]|(?:housing|council|"
                            r"jobcentre|job centre|surgery|practice|ward|team|charity|church|mosque|centre|college|uni|"
                            r"school|hostel|group|club|work|shop|pharmacy|chemist|bank)\b)")
#: A word no list has with a possessive and a thing ("bartek's settee", "ewa's group").
_LOWER_POSSESSIVE = re.compile(r"(?<![\w'’@#./-])([a-z][a-z]{2,14})['’]s\s+(?:[a-z]+\s+)?(?:settee|sofa|couch|house|flat|"
                               r"place|car|phone|mum|mam|dad|nan|sister|brother|kids|son|daughter|wife|husband|partner|"
                               r"group|room|floor|birthday|funeral|wedding|party|fault|idea|mate|friend|garden|van|bike|"
                               r"dog|cat|number|address)\b")
#: "we knew him as mags", "he's known as Taz", "everyone called her lulu", "she goes by Bubbles".
_KNOWN_AS = re.compile(r"\b(?i:knew|know|knows|known|called|call|calls|nicknamed|goes\s+by|went\s+by|go\s+by)\s+"
                       r"(?:(?i:him|her|them|me|us|each other)\s+)?(?i:as\s+)?(?:(?i:just|only|simply)\s+)?['‘\"“]?"
                       r"([A-Za-z][a-z'’]{1,14}(?:[ \t]+[A-Z][a-z]{1,14})?)['’\"”]?")
_KNOWN_NEEDS = re.compile(r"(?i:knew|know|knows|known|called|call|calls)\s+(?:him|her|them|me|us|each other)\s+(?:as\s+)?|"
                          r"(?i:nicknamed|goes\s+by|went\s+by|go\s+by|(?:he|she|they)['’]?s?\s+known\s+as|"
                          r"(?:he|she|they)\s+(?:was|were|is|are)\s+known\s+as)")
#: Words "known as" and "called him" are followed by that are not names.
_NOT_NICKNAMES = frozenset("""a an the his her their my our your that this it one someone something anything nothing
names name back up out over in on by from to for with again later mum dad nan gran mate friend sir miss as i
different other another many several various lots loads any some all both each every own same new old""".split())


#: A name with a lower-case particle in it ("Katarzyna ap Gwilym", "Ana de la Cruz", "Ahmed bin Khalid").
_PARTICLE_NAME = re.compile(r"(?<![\w'’-])([A-Z][a-z'’-]+)((?:[ \t]+(?:ap|ab|ferch|de|da|do|dos|das|del|della|di|du|le|la|van|von|"
                            r"der|den|ter|ten|bin|binti|ibn|al|el|ni|nic|o|y)){1,2})[ \t]+([A-Z][\w'’-]+)")
#: Whose home everyone went round to ("we all went round to bubba's flat"): a person, whatever the word.
_ROUND_TO = re.compile(r"\b(?i:round|over|back|up|down)\s+(?i:to|at)\s+([A-Za-z][a-z]{1,14})['’]s\s+(?i:flat|house|place|"
                       r"gaff|bedsit|caravan|room|for\s+tea|for\s+dinner)\b")
_NOT_HOMES = frozenset("""my your his her our their mum mam dad nan gran nana grandma grandad auntie aunty uncle sister
brother cousin mate friend friends pal bf gf boyfriend girlfriend partner son daughter kids family neighbour
everyone somebody someone anyone nobody one other others the""".split())
#: "babajide thistlethwaite, was that your care coordinator?": a name in lower case before a question
#: about their role.
_LOWER_IS_ROLE = re.compile(rf"(?<![\w'’-])([a-z][a-z'’-]{{2,14}}(?:[ \t]+[a-z][a-z'’-]{{2,20}})?)\s*,?\s+(?:was|is)\s+"
                            rf"(?:that|he|she|they)\s+(?:still\s+)?(?:your|her|his|their)\s+(?:\w+\s+)?(?i:{_ROLE})\b")


def find_lower_extras(text: str, first_names: Collection[str], english: Collection[str],
                      found: Sequence[Found]) -> list[Found]:
    """More people named in lower case: the surname after a lower-case first name already found ("jun
    okoro"), a word no list has before "from" and where they are from, or with a possessive and a
    person's thing ("bartek's settee"), names given as what someone is known or called by, names with a
    particle ("Katarzyna ap Gwilym") and whose place everyone went round to ("round to tiny's flat")."""

    def unknown(word: str) -> bool:
        folded = word.casefold()
        return (folded not in english and folded not in first_names and folded not in _NOT_NAMES and not stopped(word)
                and folded not in GENERIC and not _LOOKS_ENGLISH.search(folded) and len(folded) >= 3)

    out = []
    for f in found:
        if f.kind is Kind.PERSON and f.text.islower() and " " not in f.text:
            m = _NEXT_WORD.match(text, f.end)
            resumed = m is not None and re.match(r"\s+(?:she|he|they)(?:['’](?:d|s|ll))?\b", text[m.end():]) is not None
            if m and ((unknown(m.group(1)) and m.group(1) not in first_names)
                      or (resumed and not stopped(m.group(1)) and m.group(1) not in _NOT_NAMES
                          and m.group(1) not in _FUNCTION_WORDS)):
                out.append(Found(f.start, m.end(1), text[f.start:m.end(1)], Kind.PERSON, "rule", 0.5))
    for pattern in (_FROM_ANYWHERE, _LOWER_POSSESSIVE):
        for m in pattern.finditer(text):
            if unknown(m.group(1)):
                start = m.start(1)
                before = _PREVIOUS_WORD.search(text, max(0, start - 20), start)
                if before and before.group(1) in first_names and not stopped(before.group(1)) \
                        and before.group(1) not in _NOT_NAMES:
                    start = before.start(1)  # "jun okoro from the housing": the first name before the surname
                out.append(Found(start, m.end(1), text[start:m.end(1)], Kind.PERSON, "rule", 0.5))
    for m in _PARTICLE_NAME.finditer(text):
        first, last = m.group(1), m.group(3)
        if (first.casefold() in first_names or any(f.kind is Kind.PERSON and f.start <= m.start(1) < f.end for f in found)
                or any(f.kind is Kind.PERSON and f.start <= m.start(3) < f.end for f in found)) and not stopped(last):
            out.append(Found(m.start(1), m.end(3), m.group(), Kind.PERSON, "rule", 0.6))
    for m in _ROUND_TO.finditer(text):
        if m.group(1).casefold() not in _NOT_HOMES and not stopped(m.group(1)):
            out.append(Found(m.start(1), m.end(1), m.group(1), Kind.PERSON, "rule", 0.5))
    for m in _LOWER_IS_ROLE.finditer(text):
        words = m.group(1).split()
        if all(unknown(w) or w in first_names for w in words) and not any(stopped(w) or w in _NOT_NAMES for w in words):
            out.append(Found(m.start(1), m.end(1), m.group(1), Kind.PERSON, "rule", 0.55))
    for m in _KNOWN_AS.finditer(text):
        if not _KNOWN_NEEDS.match(m.group()):
            continue
        name = m.group(1)
        first = name.split()[0].casefold()
        if first in _NOT_NICKNAMES or stopped(name.split()[0]) or (first in english and first in GENERIC):
            continue
        if name[0].islower() and first in english and not re.search(r"(?i)\bas\s+\S+$", m.group()):
            continue  # "go by different names": an ordinary word is a nickname only when said "as" one
        out.append(Found(m.start(1), m.end(1), name, Kind.PERSON, "rule", 0.55))
    return out
