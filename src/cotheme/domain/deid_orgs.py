"""De-identification rules for the services, schools, handles and numbers the first rules missed.

Owns: wards and units named by a word or a number before a unit abbreviation ("Wren PICU", "Cedar
MBU", "Ward 21C" stays with ``domain.deid_shapes``); practices named after their doctors ("Dr Bibi and
Partners", "Drs Shah & Khan"); charities whose names are ordinary words, found only when introduced as
organisations ("a charity called Beat", "the Papyrus helpline", "support from Turning Point") or by a
list of national mental-health and social charities with their capitals where the name cannot be a
sentence's own word; schools named by religious dedication ("Our Lady of Lourdes", "Our Lady's") or
after a school role ("the SENCO at Kings Otley"); Reddit handles ("u/name", "r/name"); and UK numbers
with a five-digit area code and five or six digits ("01986 24339"). Must not do I/O.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from cotheme.domain.deid import Found, Kind
from cotheme.domain.deid_rules import stopped
from cotheme.domain.deid_shapes import GENERIC

_CAP = r"(?!I\b)[A-Z][\w'’&-]*"
_RUN = rf"{_CAP}(?:\s+(?:(?:of|and|&|for|the)\s+)?{_CAP}){{0,3}}"

_UNIT = re.compile(rf"\b((?:{_CAP}\s+)?{_CAP})\s+(?:PICU|MBU|NICU|SCBU|HDU|ICU|ITU|AMU|CDU|EAU|MAU|SAU|PICU/HDU|"
                   r"Suite|suite|Annexe|annexe|Wing|wing)\b")
_PRACTICE = re.compile(rf"\b(?:Drs?|Doctors?)\.?\s+{_CAP}(?:(?:\s*,\s*|\s+(?:and|&)\s+)(?:Drs?\.?\s+)?{_CAP})*"
                       rf"\s+(?:and|&)\s+(?i:partners|colleagues|associates)\b")
#: National charities and services that people name in interviews. Those whose names are English words
#: on their own ("Beat", "Mind") need an organisation's context (``_ORDINARY``).
CHARITIES = (
    "Turning Point", "Rethink Mental Illness", "Rethink", "Samaritans", "Papyrus", "Beat", "Mind", "YoungMinds",
    "Young Minds", "Kooth", "Shout", "CALM", "Campaign Against Living Miserably", "Anxiety UK", "No Panic",
    "OCD-UK", "OCD Action", "Bipolar UK", "SANE", "Maytree", "Switchboard", "Mermaids", "Refuge", "Women's Aid",
    "Cruse", "Relate", "Shelter", "St Mungo's", "Centrepoint", "Change Grow Live", "We Are With You",
    "Humankind", "Forward Trust", "Nacro", "Richmond Fellowship", "Together", "Hearing Voices Network", "Hafal",
    "SAMH", "Inspire", "Aware", "Platfform", "Survivors UK", "Galop", "Childline", "NSPCC", "Victim Support",
    "Scope", "Mencap", "Carers UK", "Home-Start", "Gingerbread", "Stonewall", "Combat Stress", "Help for Heroes",
    "Age UK", "Alcoholics Anonymous", "Narcotics Anonymous", "Cocaine Anonymous", "Gamblers Anonymous", "SMART Recovery",
    "Big White Wall", "Togetherall", "Side by Side", "Hub of Hope", "Andy's Man Club", "Sporting Chance", "Tommy's",
)
_CHARITY = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(c) for c in sorted(CHARITIES, key=len, reverse=True)) + r")(?![\w-])")
_ORDINARY_CONTEXT_BEFORE = re.compile(
    r"(?i:charity|organisation|organization|from|with|at|via|through|by|to|rang|phoned|called|contacted|rung|"
    r"texted|messaged|found|joined|volunteer(?:ed|s|ing)? (?:at|for|with)|referred (?:me )?to|support from|help from)\s+"
    r"(?:the\s+)?$")
_ORDINARY_CONTEXT_AFTER = re.compile(
    r"^\s*(?:helpline|hotline|textline|forum|group|groups|line|charity|saved|were|was brilliant|helped|got me|"
    r"'s helpline|’s helpline|volunteers?|counsellors?)\b", re.I)
#: "a charity called X", "a group named X", "X helpline".
_CALLED_ORG = re.compile(rf"\b(?i:charity|organisation|organization|group|service|helpline|project|network|foundation|"
                         rf"place|drop-in|club)\s+(?i:called|named|known as)\s+(?:the\s+)?({_RUN})")
_HELPLINE = re.compile(rf"\b({_RUN})\s+(?i:helpline|hotline|textline|text line|crisis line|support line)\b")

_OUR_LADY = re.compile(rf"\b(?:Our Lady(?:['’]s|\s+(?:of|and)\s+(?:the\s+)?{_CAP}(?:\s+{_CAP})?)|Holy (?:Trinity|Family|Cross|"
                       rf"Name|Spirit|Rosary|Ghost)|Sacred Heart|Corpus Christi|Blessed {_CAP}(?:\s+{_CAP})?)"
                       rf"(?:\s+(?:RC|Catholic|C of E|CE|Primary|High|School|Academy|College))*")
_SCHOOL_ROLE = re.compile(rf"\b(?i:SENCO|SENCo|head teacher|headteacher|head of year|form tutor|teaching assistant|"
                          rf"school nurse|pastoral lead|deputy head|pupils?|students?|year \d+|detention|exclusion|"
                          rf"expelled|excluded)\s+(?i:at|from)\s+({_RUN})")
_HANDLE_REDDIT = re.compile(r"(?<![\w/])/?([ur]/[A-Za-z0-9_-]{3,21})(?![\w/])")
_PHONE_FIVE = re.compile(r"(?<![\w+])0[1-9]\d{3}[\s-]\d{5,6}(?!\d)")


def _ok(name: str) -> bool:
    words = name.split()
    return bool(words) and not stopped(name) and words[0].casefold() not in GENERIC


def find_named_orgs(text: str, english: Collection[str] = ()) -> list[Found]:
    """Units, doctors' practices, charities, dedicated and role-named schools, Reddit handles and
    five-digit-area phone numbers in ``text``."""
    found = [Found(m.start(1), m.end(), text[m.start(1):m.end()], Kind.ORGANISATION, "rule", 0.7)
             for m in _UNIT.finditer(text) if _ok(m.group(1))]
    found += [Found(m.start(), m.end(), m.group(), Kind.ORGANISATION, "rule", 0.85) for m in _PRACTICE.finditer(text)]
    found += _charities(text, english)
    for pattern in (_CALLED_ORG, _HELPLINE):
        found += [Found(m.start(1), m.end(1), m.group(1), Kind.ORGANISATION, "rule", 0.7)
                  for m in pattern.finditer(text) if _ok(m.group(1))]
    found += [Found(m.start(), m.end(), m.group().rstrip(), Kind.SCHOOL, "rule", 0.6) for m in _OUR_LADY.finditer(text)]
    found += [Found(m.start(1), m.end(1), m.group(1), Kind.SCHOOL, "rule", 0.65)
              for m in _SCHOOL_ROLE.finditer(text) if _ok(m.group(1))]
    found += [Found(m.start(1), m.end(1), m.group(1), Kind.HANDLE, "rule", 0.85 if m.group(1)[0] == "u" else 0.5)
              for m in _HANDLE_REDDIT.finditer(text)]
    found += [Found(m.start(), m.end(), m.group(), Kind.PHONE, "rule", 0.8) for m in _PHONE_FIVE.finditer(text)]
    return found


def _charities(text: str, english: Collection[str]) -> list[Found]:
    out = []
    for m in _CHARITY.finditer(text):
        name = m.group()
        ordinary = " " not in name and (name.casefold() in english or stopped(name))
        if ordinary:
            before, after = text[max(0, m.start() - 40):m.start()], text[m.end():m.end() + 30]
            if not (_ORDINARY_CONTEXT_BEFORE.search(before) or _ORDINARY_CONTEXT_AFTER.match(after)):
                continue
        out.append(Found(m.start(), m.end(), name, Kind.ORGANISATION, "rule", 0.6 if ordinary else 0.75))
    return out
