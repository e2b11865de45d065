"""The FRESH part of the de-identification evaluation set: value lists, sentence templates and host
texts that the TUNE and TEST parts never use.

Written after the first detector was finished, to measure it once more on data it was not shaped by
(recall 0.846 then). The spoken-age, spoken-date and service/school/employer/flat/handle/link rules were
later written looking at what it missed, so it is tuning data now, like TUNE and TEST. Nothing here may
be edited to make the detector look better; if a figure is low, the figure is the finding.

Host texts (read from ``../shared/data`` on each run): NHS patient comments from ``phase1_text_data.csv``
(a file the other parts do not read; comments also present in the v6 file are left out), and v6
comments from the mental-health ("Local partnerships- MH") and forensic services that the TUNE and TEST
parts do not take. A comment is kept only when no capitalised word stands in mid-sentence other than
"I" forms, weekdays and short all-capital abbreviations (NHS, GP, CAMHS), and every capitalised word is
an English word: other capitals may name real staff or places that no gold span would mark. Each document opens with a researcher's question turn.

Value lists differ from those of TUNE/TEST in every entry (checked by ``overlap_with_old``): names of
many origins (some that are also English words: Dawn, Will, Hope), northern "mam"/"our kid" relatives,
ages spoken as words, dates in spoken forms, UK towns and districts not in the other lists, street
types and abbreviations not used there, postcodes of every valid shape, mental-health services
("Northgate ward", "Fieldhead Home Treatment Team"), Snapchat names without "@", and so on.
"""

from __future__ import annotations

import csv
import random
import re

from cotheme.domain.deid import nhs_number_valid

FIRST = ["Bronwen", "Kayode", "Parveen", "Mateusz", "Ifeoma", "Rashida", "Alistair", "Morag", "Catriona", "Dafydd",
         "Gethin", "Sinead", "Aoife", "Padraig", "Yasmin", "Shabana", "Nasreen", "Harjit", "Jaswinder", "Rukhsana",
         "Abdi", "Hodan", "Fadumo", "Tendai", "Chipo", "Nkechi", "Emeka", "Femi", "Thandiwe", "Andrzej", "Katarzyna",
         "Piotr", "Dorota", "Ionut", "Mihaela", "Giedre", "Oksana", "Dmitri", "Linh", "Huong", "Xiaoming", "Haruka",
         "Maricel", "Delroy", "Winston", "Marcia", "Errol", "Beverley", "Janet", "Wayne", "Stacey", "Gemma", "Craig",
         "Dawn", "Will", "Hope", "Rhiannon", "Ffion", "Caoimhe", "Eoghan"]
LAST = ["Thompson", "Robinson", "Wright", "Walker", "Rahman", "Chowdhury", "Uddin", "Akhtar", "Malik", "Dhillon",
        "Grewal", "Mistry", "Nwosu", "Balogun", "Asante", "Boateng", "Mwangi", "Warsame", "Nguyen", "Zhang",
        "Kaminski", "Zielinski", "Popescu", "Petrov", "MacLeod", "Sutherland", "Gallagher", "Doherty", "Pritchard",
        "Llewellyn", "Ferreira", "Moss", "Bird", "Hill", "Brook", "Ó Ceallaigh"]
NICK = ["Macca", "Bazza", "Jacko", "Taz", "Kez", "Fitzy", "Smudge", "Lozza", "Dazza", "Nige", "Shell", "Babs",
        "Deano", "Gilly", "Titch", "Wes"]
RELATION = ["mam", "grandad", "granny", "stepmum", "foster mum", "half-brother", "big sister", "little brother",
            "missus", "fella", "other half", "brother-in-law", "aunty", "nephew", "granddaughter", "ex",
            "mother-in-law", "stepson", "our kid"]
TOWN = ["Workington", "Whitehaven", "Barrow-in-Furness", "Penrith", "Hexham", "Morpeth", "Ashington", "Hartlepool",
        "Stockton-on-Tees", "Redcar", "Bishop Auckland", "Consett", "Scarborough", "Whitby", "Bridlington", "Goole",
        "Selby", "Skipton", "Todmorden", "Hebden Bridge", "Accrington", "Chorley", "St Helens", "Warrington",
        "Widnes", "Crewe", "Macclesfield", "Stoke-on-Trent", "Telford", "Shrewsbury", "Kidderminster", "Nuneaton",
        "Mansfield", "Worksop", "Skegness", "Lowestoft", "Great Yarmouth", "King's Lynn", "Stevenage", "Basildon",
        "Margate", "Hastings", "Crawley", "Yeovil", "Barnstaple", "Truro", "Merthyr Tydfil", "Pontypridd",
        "Llanelli", "Wrexham", "Rhyl", "Dumfries", "Kilmarnock", "Paisley", "Kirkcaldy", "Inverness", "Omagh",
        "Coleraine"]
DISTRICT = ["Holbeck", "Burngreave", "Gleadless", "Parson Cross", "Wythenshawe", "Cheetham Hill", "Everton", "Kirkby",
            "Byker", "Walker", "Benwell", "Lozells", "Balsall Heath", "Small Heath", "Hulme", "Whalley Range",
            "Southmead", "Knowle West", "Splott", "Grangetown", "Ely", "Govan", "Easterhouse", "Pilton", "Leith",
            "Deptford", "Harlesden", "Southall", "Bethnal Green", "Canning Town"]
STREET_NAME = ["Stanley", "Grange", "Moorside", "Priory", "Mill", "Church", "Hollins", "Fernbank", "Rosebery",
               "Granby", "Beaconsfield", "Tennyson", "Lister", "Sandringham", "Claremont", "Westfield"]
STREET_TYPE = ["Row", "Walk", "Gardens", "Place", "Mews", "Rise", "Court", "Parade", "Green", "Bank", "Rd", "St",
               "Ave", "Hill"]
ORG_STEM = ["Northgate", "Millbrook", "Fieldhead", "Hollybank", "Riverside", "Oakwood", "Parkview", "Woodlands",
            "Greenacres", "Bankside", "Sycamore", "Larchwood", "Kestrel", "Heron", "Bluebell", "Rowan", "Foxglove",
            "Lime Tree"]
SAINT = ["Margaret", "Thomas", "Hilda", "Chad", "Helen", "Patrick", "Andrew", "George", "Francis", "Columba"]
HEALTH = ["{S} ward", "{S} Ward", "the {T} Crisis Team", "{S} Home Treatment Team", "{T} CAMHS", "the {S} Unit",
          "{S} Day Hospital", "{T} Mind", "{T} Samaritans", "{S} Medical Centre", "{S} Road Surgery",
          "Dr {L}'s surgery", "the {S} practice", "{T} and District Hospital", "{T} Women's Aid",
          "the {T} Carers Centre", "{T} Rethink group", "{T} Early Intervention in Psychosis",
          "St {Saint}'s Hospital", "the {S} Recovery Centre", "{S} House", "{T} Community Drug and Alcohol Service"]
SCHOOL = ["{S} Comprehensive", "{S} Junior School", "{S} C of E Primary", "St {Saint}'s RC High", "{T} University",
          "the University of {T}", "the {S} Pupil Referral Unit", "{S} Free School", "{T} Sixth Form College",
          "{S} Community School"]
EMPLOYER = ["Tesco", "Lidl", "B&Q", "Royal Mail", "DPD", "McDonald's", "KFC", "Iceland", "the Co-op", "Poundland",
            "JD Sports", "Argos", "Deliveroo", "Serco", "Capita", "Tata Steel", "Siemens", "Premier Inn",
            "Wetherspoons", "Nando's", "Travis Perkins", "Marks and Spencer", "TK Maxx", "DHL", "Ocado",
            "Stagecoach", "Network Rail", "{S} Care Home", "{T} Council", "Kwik Fit"]
#: Real names in the chosen host comments (read off them): gold wherever they occur.
HOST_NAMES = ["Angus", "Carol", "Dave", "Fran", "Juliet", "Karen", "Laura", "Lisa", "Louise", "Michelle", "Natasha", "Sam",
              "Tricia"]
HOST_ORGS = ["HMP Leicester", "Hogarth"]
ROLE_PAIRS = [("Researcher", "Participant"), ("Facilitator", "Service user"), ("R", "P"), ("Interviewer", "Carer"),
              ("Int", "Interviewee")]
QUESTIONS = ["Can you tell me a bit about how you came to the service?",
             "What was it like for you at the start?", "How have things been since then?",
             "Is there anything that would have made it easier?", "Who did you have around you at that point?"]

ONES = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _words(n: int) -> str:
    if n < 20:
        return ONES[n]
    return TENS[n // 10] + ("-" + ONES[n % 10] if n % 10 else "")


def _nhs(rng: random.Random) -> str:
    while True:
        digits = str(rng.choice([4, 6, 7, 9])) + "".join(str(rng.randint(0, 9)) for _ in range(8))
        for check in range(10):
            if nhs_number_valid(digits + str(check)):
                d = digits + str(check)
                return rng.choice([f"{d[:3]} {d[3:6]} {d[6:]}", d, f"{d[:3]} {d[3:6]}{d[6:]}"])


def _postcode(rng: random.Random) -> str:
    """Every valid UK outward shape (A9, A99, AA9, AA99, A9A, AA9A), areas not used by the other parts."""
    letters = "ABDEFGHJLNPQRSTUWXYZ"
    inward = f"{rng.randint(0, 9)}{rng.choice(letters)}{rng.choice(letters)}"
    outward = rng.choice([f"{rng.choice(['G', 'W'])}{rng.randint(1, 9)}",
                          f"{rng.choice(['G', 'W'])}{rng.randint(10, 14)}",
                          f"{rng.choice(['CA', 'DH', 'TS', 'LA', 'PR', 'EX', 'PL', 'EH', 'SA', 'LL', 'NG', 'LE', 'BS', 'DN'])}{rng.randint(1, 9)}",
                          f"{rng.choice(['CA', 'DH', 'TS', 'PR', 'NG', 'LE', 'BS', 'DN', 'ST', 'WN'])}{rng.randint(10, 28)}",
                          f"W1{rng.choice('ABCDFGHJKSTU')}", f"EC{rng.randint(1, 4)}{rng.choice('AMNRVY')}"])
    return rng.choice([f"{outward} {inward}", f"{outward} {inward}", f"{outward}{inward}"])


def _phone(rng: random.Random) -> str:
    d = lambda n: "".join(str(rng.randint(0, 9)) for _ in range(n))  # noqa: E731
    return rng.choice([f"07{d(3)}-{d(3)}-{d(3)}", f"+44 (0)7{d(3)} {d(3)} {d(3)}", f"0114 2{d(2)} {d(4)}",
                       f"01228 {d(6)}", f"0191 {d(3)} {d(4)}", f"0800 {d(3)} {d(4)}", f"07{d(3)} {d(3)} {d(3)}",
                       f"029 20{d(2)} {d(4)}"])


def _date(rng: random.Random) -> str:
    day, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1980, 2025)
    suffix = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd"}.get(day, "th")
    month = MONTHS[m - 1]
    return rng.choice([f"the {day}{suffix} of {month} {y}", f"{month} the {day}{suffix}",
                       f"{rng.choice(WEEKDAYS)} the {day}{suffix}", f"{month[:3]}. {day}", f"{day} {month}",
                       f"{day}/{m}", f"{rng.choice(WEEKDAYS)} {day} {month}", f"{day:02d}.{m:02d}.{str(y)[2:]}",
                       f"{month} '{str(y)[2:]}", f"{y}/{m:02d}/{day:02d}"])


def values(rng: random.Random) -> dict[str, str]:
    """The slot values for one planted sentence, drawn from the fresh lists."""
    first, last = rng.choice(FIRST), rng.choice(LAST)
    town, stem = rng.choice(TOWN), rng.choice(ORG_STEM)
    fill = {"T": town, "S": stem, "Saint": rng.choice(SAINT), "L": rng.choice(LAST)}
    user = f"{first.lower()}{rng.choice(['', '.', '_', '-'])}{last.lower().replace(chr(39), '').replace(' ', '')}"
    user = user.encode("ascii", "ignore").decode()
    # Handles keep only letters, digits and "_" (valid on Twitter/X, Instagram, TikTok and Snapchat alike).
    tag = f"{re.sub(r'[.-]', '_', user)[:12]}{rng.choice(['', str(rng.randint(1, 9)), 'x', '_'])}"
    age = rng.choice([rng.randint(11, 19), rng.randint(20, 64), rng.randint(65, 99)])
    return {
        "person": rng.choice([f"{first} {last}", first, f"{first} {last}"]), "nickname": rng.choice(NICK),
        "possessive": first, "relative": first, "rel": rng.choice(RELATION),
        "age": rng.choice([str(age), _words(age)]), "date": _date(rng),
        "place": rng.choice(TOWN + DISTRICT),
        "street": rng.choice([f"{rng.randint(1, 240)} {rng.choice(STREET_NAME)} {rng.choice(STREET_TYPE)}",
                              f"{rng.choice(STREET_NAME)} {rng.choice(STREET_TYPE)}",
                              f"Flat {rng.randint(1, 12)}, {rng.randint(1, 90)} {rng.choice(STREET_NAME)} {rng.choice(STREET_TYPE)}"]),
        "postcode": _postcode(rng), "health_org": rng.choice(HEALTH).format(**fill),
        "school": rng.choice(SCHOOL).format(**fill), "workplace": rng.choice(EMPLOYER).format(**fill),
        "phone": _phone(rng),
        "email": rng.choice([f"{user}@{rng.choice(['btinternet.com', 'icloud.com', 'live.co.uk', 'yahoo.co.uk', 'sky.com', 'aol.com'])}",
                             f"{first[0]}.{last.replace(' ', '')}@{town.lower().replace(' ', '').replace(chr(39), '')}mind.org.uk",
                             f"{user}{rng.randint(70, 99)}@protonmail.com"]).encode("ascii", "ignore").decode(),
        "nhs_number": _nhs(rng),
        "url": rng.choice([f"linktr.ee/{user}", f"instagram.com/{user}", f"https://www.gofundme.com/f/{user}-appeal",
                           f"www.{town.lower().replace(' ', '').replace(chr(39), '')}carers.org.uk",
                           f"youtube.com/@{user}", f"http://{stem.lower().replace(' ', '')}house.co.uk/referrals"]),
        "handle": rng.choice([f"@{tag}", f"@{tag}", tag]),
    }


#: Interview sentences in the voice of mental-health service users; ``{x}`` marks the gold slot.
TEMPLATES: dict[str, list[str]] = {
    "person": ["After a while I got put with {x}, she was a support worker.", "My key worker {x} rang every Friday.",
               "The psychiatrist, {x}, upped my dose.", "I didn't get on with {x} on the ward.",
               "{x} from the peer support group texted me.", "I got a letter signed by {x}.",
               "I kept thinking about what {x} said.", "We'd sit in the garden with {x} and have a brew."],
    "nickname": ["There's a lad on the ward, {x}, who kept me going.", "{x} from the allotment group checks in on me.",
                 "Me and {x} go way back.", "I texted {x} and he came straight over.",
                 "They call her {x} on the unit."],
    "possessive": ["I was in {x}'s car when it happened.", "It was at {x}'s birthday that I broke down.",
                   "{x}'s flat was the only place I felt safe.", "I used {x}'s laptop for the video calls."],
    "relative": ["My {rel} {x} drove me to A&E.", "Me and my {rel}, {x}, don't talk any more.",
                 "{x}, my {rel}, found me that night.", "I moved back in with my {rel} {x}.",
                 "Even my {rel} {x} said I wasn't myself."],
    "age": ["When I was {x} I first saw someone about it.", "I'd just turned {x}.",
            "My little boy's {x} and he picks up on it.", "I was {x} years old and nobody asked.",
            "By {x} I was drinking every day.", "I've been on and off the list since I was {x}."],
    "date": ["I was sectioned on {x}.", "They moved my assessment to {x}.", "On {x} I finally got a call back.",
             "I came off the meds around {x}.", "My tribunal was {x}.", "The last time I saw her was {x}."],
    "place": ["After I left hospital we moved up to {x}.", "My dad's still down in {x}.",
              "There's a drop-in in {x} but it's miles away.", "I was sofa-surfing round {x} for a bit.",
              "Everything's in {x}, nothing near us.", "I'm from {x} originally."],
    "street": ["I got a flat on {x} through the council.", "The hostel on {x} was rough.",
               "We used to hang about on {x}.", "Send it to {x}, that's me mam's."],
    "postcode": ["It's {x}, the new address.", "They wouldn't take me because {x} is a different trust.",
                 "The taxi firm wanted the postcode, {x}.", "Put {x} in the satnav, it's round the back."],
    "health_org": ["After I left {x} I was on my own.", "I was on {x} for six weeks.",
                   "They sent me to {x} for an assessment.", "The nurses at {x} were kind.",
                   "{x} discharged me without telling my GP.", "I'm under {x} at the moment.",
                   "I self-referred to {x} in the end."],
    "school": ["I got kicked out of {x} in year nine.", "Nobody at {x} knew what was going on at home.",
               "My lad's just started at {x}.", "I did my access course at {x}.",
               "{x} were good, they got me a mentor."],
    "workplace": ["I was on nights at {x}.", "I had to leave {x} when it got bad.",
                  "{x} put me on a phased return.", "I'm doing a few hours at {x}.",
                  "Occupational health at {x} were useless."],
    "phone": ["If I don't answer try {x}.", "The number they gave me was {x}, it just rang out.",
              "Text me on {x}.", "Her mobile's {x}."],
    "email": ["I'll forward it from {x}.", "Can you send the consent form to {x}?", "It's {x}, all lower case."],
    "nhs_number": ["My NHS number's {x}, it's on the letter.", "I had to quote {x} every time I rang.",
                   "The wristband said {x}."],
    "url": ["They've got a page at {x} with the group times.", "I fundraised through {x}.", "Have a look at {x}."],
    "handle": ["I'm {x} on Twitter.", "Add me on Snapchat, it's {x}.", "She posts as {x} on TikTok.",
               "The group chat's run by {x}."],
}


def plant(kind: str, rng: random.Random) -> tuple[str, list[tuple[int, int, str, str]]]:
    """One fresh sentence with one planted identifier of ``kind``; its gold span."""
    vals = values(rng)
    value = vals[kind]
    sentence = rng.choice(TEMPLATES[kind]).replace("{rel}", vals["rel"])
    start = sentence.index("{x}")
    sentence = sentence.replace("{x}", value)
    sentence = sentence[0].upper() + sentence[1:]
    if value.startswith("the "):
        start, value = start + 4, value[4:]
    elif start == 0 and value[0].islower():  # capitalised at the start of the sentence
        value = value[0].upper() + value[1:]
    return sentence, [(start, start + len(value), kind, value)]


_ALLOWED_CAPS = re.compile(r"^(I|I'm|I've|I'd|I'll|[A-Z&]{2,6}s?|" + "|".join(WEEKDAYS) + r")$")


def _clean(text: str, known: set[str]) -> bool:
    """No capitalised word in mid-sentence other than "I" forms, weekdays and short abbreviations, and
    no capitalised word anywhere that is not an English word (a comment opening "Kayleigh & Phil are
    brilliant" names real staff that no gold span would mark)."""
    for m in re.finditer(r"(?<=[a-z,;:)] )[A-Z][\w'&]*", text):
        if not _ALLOWED_CAPS.match(m.group().rstrip(".,;:!?")):
            return False
    for m in re.finditer(r"\b[A-Z][a-z]+\b", text):
        if not _ALLOWED_CAPS.match(m.group()) and m.group().lower() not in known:
            return False
    return True


def _english() -> set[str]:
    """English words (pyspellchecker's list) for the host-text filter; the detector's own use of the list
    does not matter here: it only decides which real comments can be hosts without hidden names."""
    from spellchecker import SpellChecker

    return set(SpellChecker().word_frequency.dictionary)


def hosts(path_phase1: object, path_v6: object, used: set[str], *, phase1_docs: int = 48, v6_docs: int = 24,
          per: int = 8) -> list[tuple[str, list[tuple[str | None, str]]]]:
    """Fresh host documents: a researcher's question, then ``per`` comments as the participant's turns."""
    known = _english()
    with open(path_v6, encoding="utf-8", newline="") as handle:  # type: ignore[call-overload]
        v6_rows = list(csv.DictReader(handle))
    v6_texts = {" ".join((r.get("FFT answer") or "").split()) for r in v6_rows}
    with open(path_phase1, encoding="utf-8", newline="") as handle:  # type: ignore[call-overload]
        p1_rows = list(csv.DictReader(handle))
    p1 = [" ".join((r.get("feedback") or "").split()) for r in p1_rows]
    p1 = [t for t in dict.fromkeys(p1) if len(t.split()) >= 15 and t not in v6_texts and _clean(t, known)]
    mh = [" ".join((r.get("FFT answer") or "").split()) for r in v6_rows
          if (r.get("Service type 1") or "").startswith(("Local partnerships- MH", "Forensic"))]
    mh = [t for t in dict.fromkeys(mh) if len(t.split()) >= 15 and t not in used and _clean(t, known)]
    shuffle = random.Random("fresh-hosts")
    shuffle.shuffle(p1)
    shuffle.shuffle(mh)
    out: list[tuple[str, list[tuple[str | None, str]]]] = []
    for source, texts, count in (("phase1", p1, phase1_docs), ("mh", mh, v6_docs)):
        for i in range(min(count, len(texts) // per)):
            question = QUESTIONS[i % len(QUESTIONS)]
            out.append((f"fresh{source}-{i}", [("Researcher", question)]
                        + [("Participant", c) for c in texts[i * per:(i + 1) * per]]))
    return out


def overlap_with_old(old: dict[str, list[str]]) -> dict[str, list[str]]:
    """Entries of the fresh lists that the TUNE/TEST lists already hold (should be empty)."""
    mine = {"FIRST": FIRST, "LAST": LAST, "NICK": NICK, "RELATION": RELATION, "TOWN": TOWN + DISTRICT,
            "STREET_NAME": STREET_NAME, "STREET_TYPE": STREET_TYPE, "SAINT": SAINT, "EMPLOYER": EMPLOYER}
    return {k: sorted(set(v) & set(old.get(k, []))) for k, v in mine.items() if set(v) & set(old.get(k, []))}
