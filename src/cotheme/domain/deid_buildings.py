"""De-identification rules for addresses of flats and buildings, streets named by rarer words or written in
lower case, workplaces named by their kind, and services and schools with a part after their name.

Owns: a flat with its building ("flat 35, Priory Court", "flat nine, Tannery House Flats"); streets ending
in a rarer street word ("41b Nightingale Cswy", "on Spinners Esplanade", "the unit on Moor Top Side");
streets written in lower case after "on", "off" or "along" ("on balfour close", "off manor ave"), but not
ordinary phrases ("on the way", "on either side"); workplaces named by a name and their kind ("Capita call
centre", "Heron Lodge care home", "Lidl distribution") and family firms ("Desai and Daughters"); services
with a ward's block, a team's part or a branch ("Castleview Ward, Block 9", "Tewkesbury CMHT North", "Yeovil
Samaritans branch", "Mind Brigg and District"), trusts named by the places they cover ("Tees, Esk and Wear
Valleys"), services named by a word and a number or one is "under" ("referred me to Platform 1", "under the
Limes"); schools and universities said short ("Burgess Hill Uni campus", "Salford Uni", "school
(Cardinal Heenan)", "my daughter's at Queen's"); Welsh streets with their word first ("fifteen Heol y Nant",
"Stryd Fawr"), Scots street words ("Ladybank Brae") and tenement flats ("flat 0/1, 56 Station Wynd");
charities with their place ("Women's Aid Fife", "Mind in Camden"). Employers after the words about work and
services and schools in lower case are ``domain.deid_workplaces``'s, called from here. The gazetteers (UK
places, first names, English words) come in as arguments. Must not do I/O.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from cotheme.domain.deid import Found, Kind
from cotheme.domain.deid_rules import stopped
from cotheme.domain.deid_shapes import GENERIC
from cotheme.domain.deid_workplaces import find_lower_services, find_work_cued

_CAP = r"(?!I\b)[A-Z][a-z][\w'’-]*"
_NUMBER_WORDS = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
                 r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)"
                 r"(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?")
#: "flat 35, Priory Court", "Flat 9 Ferry Tower Block", "flat nine, Tannery House Flats".
_FLAT = re.compile(rf"\b(?i:flat|apartment|apt|unit|room)\.?\s+(?:no\.?\s*)?(?:\d{{1,4}}[a-zA-Z]?|(?i:{_NUMBER_WORDS}))\s*,?\s+"
                   rf"({_CAP}(?:[ \t]+{_CAP}){{0,3}})(?![\w'’-])")
#: Street words rarer than "Road" or "Street", which other rules do not know.
_RARE_STREET = (r"(?:Causeway|Cswy|Esplanade|Espl|Parade|Pde|Wynd|Brow|Fold|Row|Side|Bank|Walk|Rise|Vale|Mews|Croft|"
                r"Garth|Chase|Gate|Loan|Vennel|Close|Court|Ct|Crescent|Cres|Grove|Gardens|Gdns|Terrace|Terr|Place|Pl|"
                r"Way|Green|Hill|View|Meadows|Heights|Approach|Boulevard|Quay|Wharf|Yard|Square|Sq|Brae|Pend|Gait|Neuk)")
#: "41b Nightingale Cswy": a house number, one to three capitalised words and a street word.
_NUMBERED = re.compile(rf"\b\d{{1,4}}[a-zA-Z]?,?[ \t]+((?:{_CAP}[ \t]+){{1,3}}){_RARE_STREET}\b")
#: "on Moor Top Side", "at Spinners Esplanade": capitalised words and a rarer street word after a preposition.
_AFTER_ON = re.compile(rf"\b(?:on|at|to|off|along|down|up|onto|near|by)[ \t]+((?:{_CAP}[ \t]+){{1,3}})"
                       r"(?:Causeway|Cswy|Esplanade|Parade|Wynd|Brow|Fold|Row|Side|Bank|Walk|Rise|Vale|Mews|Garth|Croft|Loan|Vennel|"
                       r"Brae|Pend|Gait|Neuk)\b")
#: Words before "Bank" that make it a bank or a store of something, not a street.
_NOT_BANK_STREETS = frozenset("""food blood sperm memory piggy barclays lloyds natwest santander halifax nationwide metro
tsb hsbc co-operative cooperative royal national data central world reserve clydesdale yorkshire virgin monzo starling
""".split())
#: "on balfour close", "off manor ave": a lower-case street after the words before one.
_LOWER_STREET = re.compile(r"\b(?:on|off|along|down|up|onto|in)\s+(?!the\b|my\b|a\b|an\b)([a-z][a-z'’]{2,15})\s+"
                           r"(close|way|ave|avenue|grove|road|rd|street|lane|drive|crescent|gardens|terrace|mews|rise|"
                           r"parade|walk|croft|esplanade|causeway|wynd|brow)\b(?![ \t]+(?:of|to|from|and)\b)")
#: Street words that are ordinary words too: the word before them must read as a name.
_AMBIGUOUS_STREET = frozenset("way close walk rise drive street road lane".split())
#: Words before an ambiguous street word that make an ordinary phrase ("long way", "right way", "either side").
_ORDINARY_BEFORE = frozenset("""the my your his her its our their a an this that these those either each every other
another one long right wrong no same half whole whichever any some own way all only back far main same next last
first second third wrong hard easy quick slow short best worst better proper different opposite middle fast bumpy
rocky winding dual busy quiet dead main country slip side back narrow wide open lower upper inner outer""".split())
#: Words that name streets whatever the word list says ("manor", "church", "station").
_STREET_STEMS = frozenset("""manor church station mill park victoria albert queen queens king kings oak elm ash beech
birch cedar willow chestnut maple hawthorn holly rowan orchard meadow meadows priory abbey castle hall grange
chapel school market bridge moor heath brook well spring green field farm vicarage rectory""".split())
#: Welsh street words, said before the street's name ("Heol y Nant", "Ffordd Las", "Maes y Coed").
_WELSH_STREET = r"(?:Heol|Ffordd|Stryd|Lon|Maes|Rhodfa|Cwrt|Teras|Cilgant|Clos|Rhes|Llys)"
#: "fifteen Heol y Nant", "22 Stryd Fawr", "on Lon Hir": a Welsh street, its number with it when said.
_WELSH = re.compile(rf"(?:\b(?:\d{{1,4}}[a-zA-Z]?,?|(?i:{_NUMBER_WORDS}))[ \t]+)?\b{_WELSH_STREET}[ \t]+"
                    rf"(?:(?:y|yr|'r|ap)[ \t]+)?{_CAP}"
                    r"(?:[ \t]+(?:Fawr|Fach|Isaf|Uchaf|Newydd|Hir|Las|Goch|Wen|Ddu|Lwyd))?(?![\w'’-])")
#: "flat 0/1, 56 Station Wynd": a tenement flat's floor and door, then the numbered street.
_TENEMENT = re.compile(rf"\b(?i:flat)[ \t]+\d{{1,2}}/\d{{1,2}},?[ \t]+\d{{1,4}}[a-zA-Z]?,?[ \t]+"
                       rf"(?:{_CAP}[ \t]+){{1,3}}{_CAP}(?![\w'’-])")
_STREET_NAME_WORDS = ("Court", "House", "Tower", "Towers", "Block", "Flats", "Mews", "Lodge", "Buildings", "Mansions",
                      "Heights", "Point", "Place", "Gardens", "Close", "Terrace", "Row", "Square", "Walk", "Wharf", "Quay")


def find_flats(text: str) -> list[Found]:
    """A flat with its building, the whole of it ("flat 24, Kestrel House")."""
    out = []
    for m in _FLAT.finditer(text):
        words = m.group(1).split()
        # "Flat 3 Kestrel" is an address; "room 4 Thursday" is not: one word needs to be a building's word
        # or to be followed by one of the words that close an address.
        if any(stopped(w) or w.casefold() in GENERIC and w not in _STREET_NAME_WORDS for w in words):
            continue
        if len(words) == 1 and not m.group().lower().startswith(("flat", "apartment", "apt")):
            continue
        out.append(Found(m.start(), m.end(1), text[m.start() : m.end(1)], Kind.STREET, "rule", 0.75))
    return out


def find_rare_streets(text: str, english: Collection[str], first_names: Collection[str], places: Collection[str]) -> list[Found]:
    """Streets with a house number or after a preposition ending in a rarer street word, and streets written
    in lower case after "on", "off" or "along"."""
    out = []
    for m in _NUMBERED.finditer(text):
        if not any(stopped(w) or w.casefold() in GENERIC for w in m.group(1).split()):
            out.append(Found(m.start(), m.end(), m.group(), Kind.STREET, "rule", 0.7))
    for m in _AFTER_ON.finditer(text):
        if m.group().endswith("Bank") and m.group(1).split()[-1].casefold() in _NOT_BANK_STREETS:
            continue
        if not any(stopped(w) or w.casefold() in GENERIC for w in m.group(1).split()):
            out.append(Found(m.start(1), m.end(), text[m.start(1) : m.end()], Kind.STREET, "rule", 0.6))
    for m in _WELSH.finditer(text):
        name = m.group().split()[-1]
        if not stopped(name):
            out.append(Found(m.start(), m.end(), m.group(), Kind.STREET, "rule", 0.7))
    for m in _TENEMENT.finditer(text):
        if not stopped(m.group().split()[-1]):
            out.append(Found(m.start(), m.end(), m.group(), Kind.STREET, "rule", 0.75))
    for m in _LOWER_STREET.finditer(text):
        word, kind = m.group(1), m.group(2)
        if word in _ORDINARY_BEFORE or stopped(word) or word in GENERIC:
            continue
        named = (word not in english or word in first_names or word in places or word in _STREET_STEMS
                 or word.removesuffix("s") in _STREET_STEMS)
        if kind in _AMBIGUOUS_STREET and not named:
            continue
        if not named and word.endswith(("ing", "ed", "ly")):
            continue
        out.append(Found(m.start(1), m.end(2), text[m.start(1) : m.end(2)], Kind.STREET, "rule", 0.55))
    return out


# -- workplaces, services and schools ------------------------------------------------------------------
_WORK_KIND = (r"(?:call\s+centre|call\s+center|contact\s+centre|warehouse|depot|distribution(?:\s+centre)?|"
              r"fulfilment\s+centre|factory|care\s+home|nursing\s+home|site|store|branch|superstore|head\s+office|"
              r"regional\s+office|offices|HQ|headquarters|plant|mill|yard|garage|showroom|hub)")
#: "Capita call centre", "Heron Lodge care home", "Lidl distribution": a name and the kind of place it is.
_WORKPLACE = re.compile(rf"(?<![\w'’-])((?:{_CAP}|[A-Z]{{2,5}}\d?|[A-Z]\d)(?:[ \t]+{_CAP}){{0,2}})[ \t]+({_WORK_KIND})\b")
#: Kinds of work place after which a capitalised word may be a charity's branch (health, not a workplace).
_CHARITIES = (r"(?:Samaritans|Mind|Age\s+UK|Citizens\s+Advice|Rethink|Relate|Cruse|Mencap|Shelter|Turning\s+Point|Healthwatch|"
              r"Women['’]s\s+Aid|Scottish\s+Women['’]s\s+Aid|Victim\s+Support|Rape\s+Crisis|Home-?\s?Start|Carers\s+Trust|"
              r"Carers\s+Centre|Barnardo['’]?s|Action\s+for\s+Children|Change\s+Grow\s+Live|CGL|SSAFA|Combat\s+Stress|"
              r"Papyrus|Richmond\s+Fellowship|Penumbra|SAMH|Hafal|Platfform|Addaction|Crisis)")
#: "Yeovil Samaritans branch", "Mind Brigg and District", "Age UK Leeds".
_CHARITY_BRANCH = re.compile(rf"\b((?:{_CAP}[ \t]+){{1,2}}){_CHARITIES}[ \t]+(?:branch|office|shop|centre|group)\b")
_CHARITY_PLACE = re.compile(rf"\b{_CHARITIES}[ \t]+(?:in[ \t]+)?((?:{_CAP})(?:[ \t]+{_CAP})?)"
                            rf"(?:[ \t]+(?:and|&)[ \t]+(?!{_CHARITIES})(?:District|Area|Region|{_CAP}))?")
#: Council areas whose names are English words too, so the word lists do not give them as places.
_AREAS = frozenset("fife moray highland highlands borders angus islands orkney shetland".split())
#: "Castleview Ward, Block 9", "Tewkesbury CMHT North": a service with the part of it someone was in.
_WARD_PART = re.compile(rf"\b((?:{_CAP}[ \t]+){{1,3}}(?:Ward|Unit|Wing|Centre|Hospital)),?[ \t]+(?:Block|Wing|Floor|Level|Unit|"
                        r"Bay|Building|Pod)[ \t]+(?:\d{1,3}[A-Za-z]?|[A-Z]\b)")
_TEAM_PART = re.compile(rf"\b((?:{_CAP}[ \t]+){{1,2}}(?:CMHT|CRHT|CMHS|CAMHS|IAPT|EIP|HTT|CRT|CPN|ACT|AOT|CDT|CLDT)[ \t]+"
                        r"(?:North|South|East|West|Central|Rural|City|Town|Team|[A-Z]))\b(?![\w'’-])")
#: "Burgess Hill Uni campus", "Salford Uni", "Manchester Met".
_UNI = re.compile(rf"\b((?:{_CAP}[ \t]+){{1,2}})(?:Uni|Poly|University|College|Met)(?:[ \t]+campus)?\b(?![\w'’-])")
#: "school (Cardinal Heenan)".
_SCHOOL_BRACKET = re.compile(rf"\b(?i:school|college|uni|sixth form)\s*\(\s*({_CAP}(?:[ \t]+{_CAP}){{0,3}})\s*\)")
#: "my daughter's at Queen's", "went back to Queen's to do my GCSEs".
_SCHOOL_AT = re.compile(rf"(?:\b(?:son|daughter|lad|lass|boy|girl|kid|kids|child|youngest|eldest|little one)['’]s\s+at|"
                        rf"\b(?:goes|go|went|going|back)\s+(?:back\s+)?to|\bstarted\s+at|\bwas\s+at)\s+({_CAP}['’]s)"
                        r"(?=\s+(?:now|to\s+(?:do|study|resit|re-sit|finish|retake)|for\s+(?:sixth|year|her|his|my|a)|school|college|since)\b)")


#: "Tees, Esk and Wear Valleys", "Northumberland, Tyne and Wear": a trust named by the places it covers.
_REGION_LIST = re.compile(rf"\b(?i:under|to|at|with|from|rang|ring|called|phoned|by)\s+({_CAP},[ \t]+{_CAP}(?:,[ \t]+{_CAP})*"
                          rf"[ \t]+(?:and|&)[ \t]+{_CAP}(?:[ \t]+{_CAP})?)(?![\w'’-])")
_REGION_WORDS = frozenset("""tyne wear tees esk severn mersey avon humber trent thames tamar exe dee don aire calder
valleys valley vale coast moors dales forest downs fens wolds borders north south east west central""".split())
#: "Desai and Daughters", "Patel & Sons": a family firm.
_FAMILY_FIRM = re.compile(rf"\b({_CAP}[ \t]+(?:and|&)[ \t]+(?:Sons|Son|Daughters|Daughter|Co|Partners|Family))\b")
#: "referred me on to Platform 1", "my time at Platform 1": a service named by a word and a number where one is
#: referred or treated.
_NUMBERED_SERVICE = re.compile(rf"\b(?:referred(?:\s+(?:me|him|her|us|them))?(?:\s+on)?\s+to|under|time\s+at|"
                               rf"(?:moved|sent|transferred)(?:\s+(?:me|him|her|us|them))?\s+to)\s+({_CAP}[ \t]+\d{{1,3}})\b(?![\w.,/:-]\d)")
#: Words with a number that are parts of a scheme, not services ("Step 2", "Year 9").
_NOT_SERVICES = frozenset("""year stage step level page section question part tier phase grade band chapter floor room
number version type class set round week day month option plan section schedule""".split())
#: "I was under the Limes": a service one is "under" by its name.
_UNDER_THE = re.compile(rf"\bunder\s+the\s+({_CAP}(?:[ \t]+{_CAP})?)(?![\w'’-])")


def _plain(words: str, first_names: Collection[str] = ()) -> bool:
    return not any(stopped(w) or (w.casefold() in GENERIC and w.casefold() not in first_names) for w in words.split())


def find_workplaces(text: str, places: Collection[str], english: Collection[str]) -> list[Found]:
    """Workplaces named by a name and their kind ("Next warehouse"), charities' branches, services with a
    part after their name, universities said short and schools in brackets or after a child."""
    out = []
    for m in _WORKPLACE.finditer(text):
        name, kind = m.group(1), m.group(2)
        # After "at" or "for" in mid-sentence a capital is a name even when it is an ordinary word ("at Next warehouse").
        named_after = re.search(r"\b(?:at|for|from|with|by|in)\s+$", text[max(0, m.start() - 6) : m.start()]) is not None
        if not (_plain(name) or named_after and not any(stopped(w) for w in name.split())):
            continue
        if name.casefold() in places and kind in ("site", "store", "branch"):
            continue
        if len(name.split()) == 1 and (name.casefold() in english or name.isupper()) and kind in ("site", "store", "branch"):
            continue  # "Building site", "Corner store", "PDP site": a common noun after a word
        out.append(Found(m.start(1), m.end(2), m.group(), Kind.WORKPLACE, "rule", 0.6))
    for m in _CHARITY_BRANCH.finditer(text):
        if _plain(m.group(1)):
            out.append(Found(m.start(), m.end(), m.group(), Kind.ORGANISATION, "rule", 0.75))
    for m in _CHARITY_PLACE.finditer(text):
        words = m.group(1)
        first = words.split()[0].casefold()
        if _plain(words) and (words.casefold() in places or first in places or first in _AREAS or first not in english
                              or " and " in m.group() or " & " in m.group()):
            out.append(Found(m.start(), m.end(), m.group(), Kind.ORGANISATION, "rule", 0.7))
    for m in _REGION_LIST.finditer(text):
        words = [w.strip(",").casefold() for w in m.group(1).split() if w not in ("and", "&")]
        if _plain(" ".join(words)) and sum(w in places or w in _REGION_WORDS for w in words) >= 2:
            out.append(Found(m.start(1), m.end(1), m.group(1), Kind.ORGANISATION, "rule", 0.6))
    for m in _FAMILY_FIRM.finditer(text):
        if _plain(m.group(1).split()[0]):
            out.append(Found(m.start(1), m.end(1), m.group(1), Kind.WORKPLACE, "rule", 0.6))
    for m in _NUMBERED_SERVICE.finditer(text):
        word = m.group(1).split()[0].casefold()
        if word not in _NOT_SERVICES and _plain(m.group(1).split()[0]):
            out.append(Found(m.start(1), m.end(1), m.group(1), Kind.ORGANISATION, "rule", 0.55))
    for m in _UNDER_THE.finditer(text):
        if _plain(m.group(1)):
            out.append(Found(m.start(1), m.end(1), m.group(1), Kind.ORGANISATION, "rule", 0.5))
    for pattern in (_WARD_PART, _TEAM_PART):
        for m in pattern.finditer(text):
            if _plain(m.group(1).split()[0]):
                out.append(Found(m.start(), m.end(), m.group(), Kind.ORGANISATION, "rule", 0.7))
    for m in _UNI.finditer(text):
        words = m.group(1).split()
        if _plain(m.group(1)) and (m.group().endswith("campus") or words[0].casefold() in places
                                   or " ".join(words).casefold() in places):
            out.append(Found(m.start(), m.end(), m.group(), Kind.SCHOOL, "rule", 0.65))
    for pattern in (_SCHOOL_BRACKET, _SCHOOL_AT):
        for m in pattern.finditer(text):
            if _plain(m.group(1)):
                out.append(Found(m.start(1), m.end(1), m.group(1), Kind.SCHOOL, "rule", 0.6))
    return out


def find_buildings(text: str, english: Collection[str], first_names: Collection[str], places: Collection[str]) -> list[Found]:
    """Everything this module finds."""
    return (find_flats(text) + find_rare_streets(text, english, first_names, places) + find_workplaces(text, places, english)
            + find_work_cued(text, english, places) + find_lower_services(text, english, first_names, places))
