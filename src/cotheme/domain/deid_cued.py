"""De-identification rules for names, places and services that only the words around them give away.

Owns: first names written in lower case or that are also English words, found after the words people
put before a person ("our kayleigh", "our Jade", "me and gaz", "texted kez"), before what only a person
does ("then yusuf came round") or given as one's name ("its lauren here"); the other members of a list
of names ("Mo, Tash and Ricky"); UK towns written in lower case after a place's preposition ("from
barnsley", "over seacroft way"), towns joined by hyphens ("Kirkby-in-Ashfield") and where someone lives
or a service is ("a drop-in in Small Heath"); services and charities named by an ordinary word with a
cue ("the Willow Centre", "Lighthouse, the drop-in,", "the Beacon recovery service", "counselling at
Touchstone", "referred me to the Bridge"), charities the word list counts as English ("Samaritans"),
the "the" before a service's name ("the Nest") and the word listed after a found service or place ("at
millbrook or highbury"); links said aloud with a spoken "https://" or "www." or a "slash" ("h t t p s
colon slash slash w w w dot mhfa dot org dot uk", "bitly slash help"); gamer tags and handles after
"add me". The gazetteers (first names, UK places, common English words) come in as arguments. Must not
do I/O.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from cotheme.domain.deid import Found, Kind
from cotheme.domain.deid_rules import stopped
from cotheme.domain.deid_shapes import GENERIC

_CAP = r"(?!I\b)[A-Z][a-z][\w'’-]*"
#: Words before a person: "our", "me and", "texted", "told", "with".
_PERSON_CUE = re.compile(
    r"\b(?:[Oo]ur|me and|me an'|and me|(?:texted|messaged|rang|phoned|rung|told|asked|called|met|saw|seen|visited|"
    r"with|mate|friend|pal|bestie|cousin|sister|brother|nan|auntie|uncle)(?:\s+(?:up|round))?)\s+([a-z][a-z'’-]{1,14})\b"
    r"(?=\s*(?:[,.;!?]|$)|\s+(?:and|was|is|were|'s|’s|has|had|came|rang|said|told|texted|did|does|would|will|"
    r"who|she|he|from|at|about|too|again|over|back|went|go|used|got|have|are|never|always)\b|['’]s\b)")
#: A lower-case word before what only a person does ("then yusuf came round"), or given as one's name ("its
#: lauren here", "my name's lauren"): a name when the first-name list has it and it is no English word.
_PERSON_NEXT = re.compile(r"\b([a-z][a-z'’-]{2,14})\s+(?=(?:came round|came over|came to|rang me|texted me|messaged me|said to me|"
                          r"told me|picked me up|sat with me|stayed with me|was there for me|helped me|lent me|drove me)\b)")
_INTRO = re.compile(r"\b(?i:it's|it’s|its|this is|i'm|i’m|im|my name's|my name’s|my name is|name's|called)\s+([a-z][a-z'’-]{2,14})"
                    r"(?=\s+(?:here|speaking|from|and)\b|\s*[,.!?]|$)")
#: Cues after which an unknown lower-case word is taken for a name even when no gazetteer lists it ("our" is
#: not one: "our meds", "our metrics").
_STRONG_CUES = ("texted", "messaged", "me and", "rang", "phoned", "rung", "told", "asked", "mate", "friend", "pal",
                "bestie", "cousin")
_OUR_CAPITAL = re.compile(rf"(?:^|(?<=\s))(?:[Oo]ur|[Mm]e and)\s+({_CAP})(?!\s+[A-Z])(?=\s*[,.;!?]|\s+[a-z]|['’]s\b)")
_PERSON_VERB = re.compile(r"(?:['’]s\b|\s+(?:was|is|has|had|rang|said|came|told|texted|went|got|lives|lived|used to|"
                          r"would|will|and me|and I)\b)")
#: Words after "our" that are kinds of people or things, never names.
_NOT_NAMES = frozenset("""lady lord father saviour kid kids lass lad town city club house place family team group son
daughter mum mam dad nan gran brother sister baby youngest eldest oldest little big own way street estate road school
wifey hubby hubs missus misses fella bf gf oh bestie bezzie mate bro sis hun babe bae admin nurse doc gp camhs cpn cbt
mods mod staff sir miss""".split())
#: Cities everyone writes, which the word list counts as English ("london"): after a place's word they are the city.
_CITIES = frozenset("""london manchester leeds birmingham liverpool glasgow edinburgh cardiff belfast bristol sheffield
newcastle nottingham leicester bradford coventry york swansea aberdeen dundee""".split())
_PLACE_WORDS = r"(?:from|in|to|near|outside|round|around|up|down|over|across|into|at|moved|born|lives|lived|live|living|grew up)"
_PLACE_CUE = re.compile(rf"\b{_PLACE_WORDS}\s+(?:in\s+|to\s+|at\s+)?(?!{_PLACE_WORDS}\b)([a-z][a-z'’-]{{3,}}(?:[- ](?:on|upon|le|under|in|by)"
                        r"[- ][a-z]+|\s+[a-z]+)?)\b")
_HYPHENED_TOWN = re.compile(r"\b[A-Z][a-z'’]+(?:-(?:in|on|upon|under|le|la|les|de|en|by|super|cum|next|the|sur|juxta)){1,2}"
                            r"-[A-Z][a-z]+\b")
#: "lives in Small Heath", "a drop-in in Small Heath", "grew up in Gipton", "over Seacroft way": where someone
#: lives or a service is, whatever the place's words are.
_RESIDENCE = re.compile(
    rf"\b(?i:live|lives|lived|living|grew up|born|bred|brought up|raised|based|moved|moving|move|stay|stays|stayed|staying|"
    rf"housed|rehoused|placed|flat|house|drop-in|hostel|refuge|a group|estate|originally)\s+(?i:in|to|at|near|out to|over to|"
    rf"down to|up to|round|from)\s+({_CAP}(?:[ \t]+{_CAP}){{0,2}})(?![\w'’&-])(?![ \t]+(?:{_CAP}|(?i:hospital|ward|unit|centre|house|team|"
    rf"service|school|college|road|street|lane|avenue|estate)\b|\s*\d))"
    rf"|\b(?i:over|up|down|out|round)\s+({_CAP}(?:[ \t]+{_CAP})?)\s+way\b")
#: "the Willow Centre", "the Hive Project": an ordinary capitalised word before a service's word.
_SERVICE_WORD = (r"(?:Centre|Center|Project|House|Hub|Clubhouse|Sanctuary|Foundation|Collective|Network|Place|Trust|"
                 r"Lodge|Retreat|Haven|Cafe|Café|Garden|Gardens|Space|Rooms)")
_NAMED_SERVICE = re.compile(rf"\b(?:[Tt]he\s+)?((?:{_CAP}\s+){{1,2}}){_SERVICE_WORD}\b")
#: "Lighthouse, the drop-in,", "Oasis - the charity".
_APPOSED = re.compile(rf"(?<![\w'’-])((?:[Tt]he\s+)?(?:{_CAP})(?:\s+{_CAP}){{0,2}})\s*(?:,|-|–|—)\s+(?:the|a|this|that)\s+(?:local\s+)?"
                      r"(?:drop-in|drop in|charity|service|project|group|centre|helpline|hub|clubhouse|support group|"
                      r"crisis cafe|crisis café|café|cafe)\b")
#: "the Beacon recovery service", "the Sunflower bereavement group".
_DESCRIBED = re.compile(rf"\b[Tt]he\s+((?:{_CAP}\s+){{1,2}})(?:(?:mental health|recovery|support|crisis|drop-in|outreach|"
                        r"wellbeing|well-being|counselling|addiction|drug|drugs|alcohol|peer support|bereavement|carers|"
                        r"young carers|eating disorders?|perinatal|home treatment|early intervention|community|day|"
                        r"women's|men's|youth|family|parenting|housing|homeless|refuge|talking therapies)\s+)+"
                        r"(?:service|services|team|project|centre|group|programme|hub|charity|clinic|drop-in|cafe|café)\b")
#: Charities whose names the word list counts as English but that, capitalised, are only ever the charity.
_NEVER_ORDINARY = re.compile(r"\b(?:Samaritans|Papyrus|Cruse|Barnardo['’]?s|Mencap|Childline|ChildLine|Kooth|Nacro|Maytree|"
                             r"Centrepoint|Mermaids|Macmillan|Marie Curie|Sue Ryder|Headway|Sense|Mumsnet|Relate)\b"
                             r"(?<!\bSense)(?<!\bRelate)")
#: "counselling at Touchstone", "referred me to the Bridge": a capitalised word where a service is named.
_SERVICE_CUE = re.compile(rf"\b(?i:counselling|therapy|support|treatment|a course|courses|sessions?|groups?|respite|"
                          rf"volunteering|volunteered|referred(?:\s+(?:me|him|her|us|them))?|self-referred|a referral)"
                          rf"\s+(?i:at|with|through|from|to)\s+((?:the\s+)?{_CAP}(?:\s+{_CAP}){{0,2}})(?!\s+(?:[A-Z]|(?i:ward|unit|"
                          r"hospital|team|service|centre|clinic|practice|surgery|house|group|project)\b))")
#: Ordinary places a capitalised word before "Centre"/"House" names, not a service.
_NOT_SERVICES = frozenset("""job town city leisure shopping garden sports visitor call test vaccination white open guest
halfway safe full big public opera court coach bus train sorting distribution data contact health medical community
day care family children's childrens youth walk-in walk treatment resource business conference learning arts art
civic student students union jobcentre wellbeing recovery assessment crisis respite council state parliament
""".split())

#: A link said aloud: an optional spoken "https://" and "www.", words joined by "dot", an ending, "slash" parts.
_SAID_LINK = re.compile(
    r"(?i:(?:h\s?t\s?t\s?p\s?s?|https?)\s+(?:colon\s+)?(?:(?:forward\s+)?slash\s+){1,2})?"
    r"(?i:(?:w\s+w\s+w|www|double\s+u\s+double\s+u\s+double\s+u|triple\s+w|treble\s+w)\s+dot\s+)?"
    r"\b[\w-]+(?:\s+dot\s+[\w-]+)*\s+dot\s+(?i:com|org|net|info|ie|io|me|ly|ee|app|tv|scot|wales|cymru|eu|gle|"
    r"(?:co|org|gov|nhs|ac|ltd|me|net|sch)\s+dot\s+uk|uk|co)\b(?:\s+(?:forward\s+)?slash\s+[\w-]+)*", re.I)
#: "bit.ly slash help", "bitly slash help22": a shortener or a written domain with a path said aloud.
_SLASH_SAID = re.compile(r"(?<![\w@.])(?:bitly|tinyurl|linktree|(?:[a-z0-9-]+\.)+[a-z]{2,6})(?:\s+(?:forward\s+)?slash\s+[\w-]+)+",
                         re.I)

#: "nightowl#4421": a gamer tag with its four-digit discriminator.
_TAGGED = re.compile(r"(?<![\w@#])[A-Za-z][\w.]{1,31}#\d{4}\b")
#: "add me, jdawg2000", "follow me @x": a handle after the words that ask for one (letters with digits or "_").
_ADD_ME = re.compile(r"\b(?i:add me|follow me|dm me|message me|hit me up|find me)(?:\s+on\s+\w+)?\s*[,:-]?\s+"
                     r"(@?(?=[\w.]*(?:\d{2}|_))[A-Za-z][\w.]{2,29}[A-Za-z0-9_])\b")


def find_said_links(text: str) -> list[Found]:
    """Links said aloud with a spoken "https://" or "www." before them or a "slash" after them, gamer tags
    ("nightowl#4421") and handles after "add me" ("add me, jdawg2000")."""
    found = [Found(m.start(), m.end(), m.group(), Kind.HANDLE, "rule", 0.8) for m in _TAGGED.finditer(text)]
    found += [Found(m.start(1), m.end(1), m.group(1), Kind.HANDLE, "rule", 0.75) for m in _ADD_ME.finditer(text)]
    lowered = text.casefold()
    if " dot " not in lowered and " slash " not in lowered:
        return found
    return found + [Found(m.start(), m.end(), m.group(), Kind.URL, "rule", 0.6)
                    for pattern in (_SAID_LINK, _SLASH_SAID) for m in pattern.finditer(text)]


def _ok_service(words: str) -> bool:
    parts = re.sub(r"^[Tt]he\s+", "", words).split()
    return bool(parts) and not any(p.casefold() in _NOT_SERVICES or p.casefold() in GENERIC or stopped(p) for p in parts)


def find_cued(text: str, english: Collection[str], first_names: Collection[str], places: Collection[str]) -> list[Found]:
    """Names, places and services that the words around them give away (``english``, ``first_names`` and
    ``places`` are case-folded)."""
    found: list[Found] = []
    for m in _PERSON_CUE.finditer(text):
        word = m.group(1)
        if (word in first_names and word not in english and word not in _NOT_NAMES and not stopped(word)) or (
                m.group().lower().startswith(_STRONG_CUES) and word not in english
                and word not in _NOT_NAMES and not stopped(word) and len(word) >= 3
                and not (word.endswith("s") and word[:-1] in english)):
            found.append(Found(m.start(1), m.end(1), word, Kind.PERSON, "rule", 0.5))
    for pattern in (_PERSON_NEXT, _INTRO):
        for m in pattern.finditer(text):
            word = m.group(1)
            # "my name's lauren", "its lauren here": a name even when it is an English word too
            named = pattern is _INTRO and (re.match(r"(?i:my\s+name|name)", m.group()) is not None
                                           or re.match(r"\s+(?:here|speaking)\b", text[m.end(1):]) is not None)
            if word in first_names and (named or word not in english) and word not in _NOT_NAMES and not stopped(word):
                found.append(Found(m.start(1), m.end(1), word, Kind.PERSON, "rule", 0.5))
    for m in _OUR_CAPITAL.finditer(text):
        word = m.group(1)
        folded = word.casefold()
        if folded in _NOT_NAMES or folded in GENERIC or folded in places or stopped(word):
            continue
        # A capital in mid-sentence after a lower-case "our" is a name ("our Jade was"), even an English word.
        if folded in first_names or (m.group()[0].islower() and _PERSON_VERB.match(text, m.end(1))):
            found.append(Found(m.start(1), m.end(1), word, Kind.PERSON, "rule", 0.6))
    for m in _PLACE_CUE.finditer(text):
        word = m.group(1)
        for cand in (word, word.split()[0]):
            if cand in places and (cand in _CITIES or cand.replace("-", " ").split()[0] not in english) and not stopped(cand):
                found.append(Found(m.start(1), m.start(1) + len(cand), cand, Kind.PLACE, "rule", 0.5))
                break
    found += [Found(m.start(), m.end(), m.group(), Kind.PLACE, "rule", 0.6) for m in _HYPHENED_TOWN.finditer(text)]
    for m in _RESIDENCE.finditer(text):
        group = 1 if m.group(1) else 2
        words = m.group(group).split()
        if not any(stopped(w) or w.casefold() in GENERIC or w.casefold() in first_names for w in words) and not stopped(m.group(group)):
            found.append(Found(m.start(group), m.end(group), m.group(group), Kind.PLACE, "rule", 0.55))
    for pattern in (_NAMED_SERVICE, _DESCRIBED):
        for m in pattern.finditer(text):
            if _ok_service(m.group(1)):
                found.append(Found(m.start(), m.end(), m.group(), Kind.ORGANISATION, "rule", 0.6))
    found += [Found(m.start(), m.end(), m.group(), Kind.ORGANISATION, "rule", 0.75) for m in _NEVER_ORDINARY.finditer(text)]
    for m in _SERVICE_CUE.finditer(text):
        name = m.group(1).removeprefix("the ").casefold()
        if _ok_service(m.group(1)) and name not in places and name not in first_names:
            found.append(Found(m.start(1), m.end(1), m.group(1), Kind.ORGANISATION, "rule", 0.55))
    for m in _APPOSED.finditer(text):
        if _ok_service(m.group(1)):
            found.append(Found(m.start(1), m.end(1), m.group(1), Kind.ORGANISATION, "rule", 0.6))
    return found


_LIST_NAME = r"(?!I\b)[A-Z][a-z]+(?:['’-][A-Za-z][a-z]+)?"
#: "Mo, Tash and Ricky", "Sam, Jo, Priya": a list of capitalised words.
_LIST = re.compile(rf"(?<![\w'’-])({_LIST_NAME}(?:\s*,\s*{_LIST_NAME})*,?\s+(?:and|&|or)\s+{_LIST_NAME})(?![\w'’-])")


def find_listed_names(text: str, found: Sequence[Found]) -> list[Found]:
    """The other members of a list of names of which at least two are found as people ("Mo, Tash and
    Ricky" when "Tash" and "Ricky" are): a short or unusual name listed with names is a name too."""
    starts = {f.start for f in found if f.kind is Kind.PERSON and f.score >= 0.5}
    out = []
    for m in _LIST.finditer(text):
        members = list(re.finditer(_LIST_NAME, m.group(1)))
        spans = [(m.start(1) + w.start(), m.start(1) + w.end()) for w in members]
        named = [sp for sp in spans if sp[0] in starts]
        if len(named) < 2 or len(named) == len(spans):
            continue
        for (a, b), w in zip(spans, members, strict=True):
            word = w.group()
            if a not in starts and not stopped(word) and word.casefold() not in GENERIC:
                out.append(Found(a, b, word, Kind.PERSON, "rule", 0.55))
    return out


_SIBLING = re.compile(r"\s*(?:,|\s+or\b|\s+and\b|\s+&)\s*([A-Za-z][a-z'’-]{3,})\b(?!\s+(?:[A-Z]|[a-z]+ing\b))")


def find_siblings(text: str, found: Sequence[Found], english: Collection[str]) -> list[Found]:
    """A word listed straight after a service or a place that was found ("at millbrook or highbury") is
    another of its kind when it is no English word."""
    out = []
    for f in found:
        if f.kind not in (Kind.ORGANISATION, Kind.PLACE, Kind.SCHOOL) or f.score < 0.5:
            continue
        m = _SIBLING.match(text, f.end)
        if m and m.group(1).casefold() not in english and not stopped(m.group(1)) and m.group(1).casefold() not in GENERIC:
            out.append(Found(m.start(1), m.end(1), m.group(1), f.kind, "rule", 0.5))
    return out
