"""The UNSEEN part of the de-identification evaluation set: value lists, sentence templates, speaker
labels and host texts that none of the TUNE, TEST, FRESH or HOLDOUT parts use. It exists because every
earlier part has had rules written against it; this one is for the honest figure only. Nobody tunes
the detector on it and nobody reads its misses to write rules: it is run once per version of the
detector and the figure is reported as it comes. Nothing here may be edited to make the detector look
better; only a gold span shown to be wrong may be corrected (and the correction said in the report).

The lists and templates were written from what interviews with mental-health service users, carers
and staff in UK services contain, without reading the detector's rules.

Host texts (read from ``../shared/data`` on each run, nothing copied): NHS Friends-and-Family comments
that no other part reads. From the v6 file: mental-health, forensic and community comments left over
after FRESH and HOLDOUT, and comments about the 111 line, ambulance crews ("See and Convey") and
patient transport, services that people in crisis and their carers meet. From ``phase1_text_data.csv``:
comments outside FRESH's and HOLDOUT's draws. Every comment any other part takes is excluded at run
time (``taken_by_other_parts``). A comment is kept only when it has 15 words or more, no digit, and
passes FRESH's filter (no capitalised word in mid-sentence other than "I" forms, weekdays and short
abbreviations; every capitalised word an English word), so no real identifier hides unmarked; the
real names that pass that filter are listed in ``HOST_NAMES`` and are gold wherever they occur.

Each document is an interview: an opening question, six comments as the participant's turns and two
short interviewer prompts. Planted sentences in the participant's turns are in the voice of service
users, carers and staff; those in the prompts in the interviewer's. Speaker labels are role pairs
("Peer interviewer"/"Participant B", "I"/"Resp", "Researcher 1"/"P12", "Interviewer"/"Dad",
"Research assistant"/"Support worker", ...) that must not be flagged, or, in a third of the documents,
names that must not be left.

Default seed 31337. ``overlap_with_old`` lists any entry equal (without case) to an entry of any list
or template of the other parts; a test keeps it empty.
"""

from __future__ import annotations

import csv
import random
import re
from pathlib import Path

from cotheme.domain.deid import nhs_number_valid

SEED = 31337

FIRST = ["Ayaan", "Hibo", "Mahad", "Sagal", "Senait", "Tesfay", "Temitope", "Olamide", "Chukwuemeka", "Funmilayo",
         "Yaw", "Abena", "Tatenda", "Rutendo", "Asif", "Nusrat", "Zubair", "Rubina", "Shamima", "Mizanur", "Rokeya",
         "Navdeep", "Vikram", "Meena", "Anjali", "Thivya", "Suresh", "Jing", "Xiu Ying", "Ka Wai", "Duc", "Rowena",
         "Jericho", "Bartosz", "Grzegorz", "Kasia", "Andreea", "Cosmin", "Arben", "Drita", "Rebin", "Shilan", "Yara",
         "Joao", "Inês", "Leroy", "Paulette", "Denise", "Sorcha", "Fionnuala", "Tadhg", "Ewan", "Isla", "Struan",
         "Kirsteen", "Geraint", "Angharad", "Llinos", "Sheila", "Pauline", "Keith", "Derek", "Gary", "Sharon",
         "Lynne", "Carl", "Tyler", "Kai", "Liberty", "Paige", "Jordan", "Robin", "Autumn", "Destiny", "Patience",
         "Sunny", "Rocky"]
LAST = ["Hargreaves", "Ramsbottom", "Entwistle", "Whittaker", "Butterworth", "Crowther", "Dobson", "Marshall",
        "Hammond", "Lowe", "Fletcher", "Pickering", "Varley", "Kelly", "Doyle", "Flanagan", "MacDonald", "Stewart",
        "Morgan", "Price", "Onyango", "Okoye", "Asamoah", "Hassan", "Rashid", "Mirza", "Butt", "Anwar", "Miah",
        "Sidhu", "Gill", "Virdi", "Kumar", "Pillai", "Nair", "Wong", "Lam", "Huang", "Santos", "Reyes", "Kozlowski",
        "Mazur", "Dumitru", "Popa", "Jankauskas", "Hoxha", "Berisha", "Haile", "Tesfaye", "Moyo", "Ndlovu", "Brown",
        "Smith", "Wood", "Bell", "Fox"]
#: Titles and roles said before a surname ("Matron Fletcher", "PC Varley").
TITLE = ["Doctor", "Matron", "Mx", "Prof", "Staff Nurse", "Charge Nurse", "Consultant", "Pastor", "Imam",
         "Reverend", "Councillor", "PC", "Sergeant"]
NICK = ["Tiny", "Wozza", "Sparky", "Bubbles", "Tank", "Moz", "Dodger", "Chalky", "Dusty", "Fozzy", "Nicko", "Woody",
        "Kenz", "Lils", "Jules", "Princess", "Pickle", "Mogsy", "Big Dave", "Stu", "Hels", "Tonka", "Dibs", "Mac",
        "Trev"]
RELATION = ["dad", "grandpa", "grandmother", "grandfather", "great-grandma", "half-sister", "stepdaughter",
            "twin brother", "son-in-law", "middle one", "wee sister", "kid sister", "baby brother", "older brother",
            "younger sister", "ex-partner", "wife's sister", "mum's partner", "dad's girlfriend", "goddaughter",
            "adopted son", "foster son", "sister's lad", "hubby", "bloke", "eldest lad", "youngest girl"]
TOWN = ["Stafford", "Cannock", "Rugeley", "Lichfield", "Rugby", "Leamington Spa", "Banbury", "Bicester", "Andover",
        "Basingstoke", "Slough", "High Wycombe", "Aylesbury", "Bedford", "Watford", "Harlow", "Chelmsford",
        "Colchester", "Clacton-on-Sea", "Southend-on-Sea", "Gravesend", "Dartford", "Chatham", "Dover",
        "Brighton", "Chichester", "Guildford", "Woking", "Exeter", "Torquay", "Paignton", "Newquay", "Penzance",
        "Plymouth", "Cheltenham", "Stroud", "Cwmbran", "Ebbw Vale", "Neath", "Swansea", "Carmarthen", "Holyhead",
        "Chester", "Ellesmere Port", "Wallasey", "Huyton", "Leigh", "Heywood", "Stalybridge", "Salford", "Eccles",
        "Colne", "Clitheroe", "Darwen", "Blackpool", "Fleetwood", "Morecambe", "Ulverston", "Durham", "Seaham",
        "Newton Aycliffe", "Billingham", "Guisborough", "Ripon", "Knaresborough", "Hull", "Cleethorpes",
        "Gainsborough", "Lincoln", "Newark", "Retford", "Featherstone", "Normanton", "Shipley", "Ilkley",
        "Sowerby Bridge", "Elland", "Heckmondwike", "Aberdeen", "Perth", "Stirling", "Livingston", "East Kilbride",
        "Airdrie", "Dunfermline", "Arbroath", "Derry", "Ballymena", "Portadown"]
DISTRICT = ["Lawrence Weston", "Withywood", "Filwood", "Meadowell", "Fenham", "Pennywell", "Bransholme",
            "Orchard Park", "Bulwell", "St Ann's", "Sneinton", "Hyson Green", "the Meadows", "Braunstone",
            "Highfields", "Chelmsley Wood", "Castle Vale", "Erdington", "Alum Rock", "Digbeth", "Collyhurst",
            "Miles Platting", "Ordsall", "Dingle", "Old Swan", "Tuebrook", "Kirkdale", "Gorbals", "Possilpark",
            "Springburn", "Muirhouse", "Craigmillar", "Hackney", "Lewisham", "Croydon", "Tooting", "Dagenham",
            "Lincoln Green", "Burmantofts", "Halton Moor", "Eccleshill", "Buttershaw", "Lidget Green"]
STREET_NAME = ["Marlborough", "Belgrave", "Brunswick", "Highfield", "Sunnyside", "Burnside", "Thornhill", "Rydal",
               "Coniston", "Grasmere", "Windsor", "Clarence", "Regent", "Trafalgar", "Waterloo", "Raglan",
               "Shakespeare", "Byron", "Wordsworth", "Jubilee"]
STREET_TYPE = ["Mount", "Boulevard", "Dene", "Garth", "Brae", "Loan", "Hollow", "Path", "Circle", "Quay", "Wharf",
               "Pde", "Pl", "Cl", "Mt", "Gr"]
BLOCK = ["Mansions", "Buildings", "Towers", "Lodge", "Apartments"]
ORG_STEM = ["Willow", "Magnolia", "Honeysuckle", "Heather", "Poppy", "Lavender", "Clover", "Skylark", "Osprey",
            "Kingsley", "Meadowbank", "Brookside", "Fernlea", "Hillcrest", "Beacon", "Sunrise", "Phoenix", "Aspen",
            "Birch", "Holly", "Maple", "Cherry Tree", "Lakeside", "Springfield", "Glenside"]
SAINT = ["Michael", "John", "Paul", "James", "Catherine", "Bernadette", "Brigid", "Ambrose", "Augustine", "Lawrence",
         "Nicholas", "Stephen", "Cecilia", "Anselm", "David", "Winifred", "Alban", "Giles"]
#: Wards and inpatient units (planted where a sentence says "on"/"in" a ward).
WARD = ["{S} Suite", "{S} Villa", "{S} Court", "{S} Wing", "{S} Cottage", "{S} Psychiatric Intensive Care Unit"]
HEALTH = WARD + ["the {T} Place of Safety", "{T} Infirmary", "{T} District General", "the {S} Medical Group",
                 "{S} Family Doctors", "the {S} Partnership", "the {T} Single Point of Access", "{T} Street Triage",
                 "the {T} Personality Disorder Hub", "the {T} Recovery Hub", "the {T} Safe Haven", "{T} Crisis Café",
                 "{T} Wellbeing Hub", "the {S} Day Centre", "{T} Community Forensic Team", "the {T} EIS",
                 "{T} Mental Health Liaison", "Rethink Mental Illness", "SANE", "Shelter", "Mencap", "Barnardo's",
                 "Kooth", "Refuge", "Anxiety UK", "Bipolar UK", "Hafal", "SAMH", "Combat Stress", "StepChange",
                 "Emmaus {T}", "{T} Women's Centre", "{T} Rape Crisis", "Maggie's {T}", "Sue Ryder {T}",
                 "the Salvation Army"]
SCHOOL = ["{S} Nursery", "{S} First School", "{S} Secondary", "{S} Boys' School", "{S} Primary Academy",
          "Cardinal {L} Catholic High", "{T} UTC", "{S} Hospital School", "{S} Church of England Academy",
          "St {Saint}'s Primary", "{S} Alternative Provision"]
COLLEGE = ["{T} Uni", "{T} College of Art", "{T} FE College", "{S} Adult Learning", "{T} School of Nursing"]
EMPLOYER = ["Waitrose", "Lloyds", "NatWest", "Santander", "HSBC", "John Lewis", "Caffè Nero", "Pizza Hut",
            "Wagamama", "Toby Carvery", "Harvester", "Holiday Inn", "The Range", "Dunelm", "IKEA", "Homebase",
            "Parcelforce", "UPS", "Uber", "Veolia", "Biffa", "Jaguar Land Rover", "Nissan", "JCB", "BAE Systems",
            "Warburtons", "2 Sisters", "Blue Arrow", "Adecco", "Bupa", "HC-One", "Barchester", "Jobcentre Plus",
            "the Post Office", "{S} Care Agency", "{T} Metropolitan Borough Council", "{L}'s Chippy",
            "{L} and Son Roofing", "{S} Garden Centre", "the {S} Social Club"]
EMAIL_DOMAIN = ["btopenworld.com", "blueyonder.co.uk", "tiscali.co.uk", "ymail.com", "msn.com", "gmx.co.uk",
                "proton.me", "rocketmail.com", "fastmail.com"]
POSTCODE_AREA = ["AB", "KW", "PH", "ML", "TD", "DG", "TR", "TQ", "TA", "BA", "SN", "SP", "RG", "OX", "GU", "RH",
                 "TN", "SS", "CO", "IP", "CB", "SG", "AL", "HP", "LU", "MK", "WD", "EN", "HA", "UB", "TW", "KT",
                 "CR", "SM", "BR", "DA", "CV", "TF", "SY", "LD", "HG"]
PLATFORM_WORDS = ["Shadow", "Wolf", "Ghost", "Storm", "Night", "Silent", "Lunar", "Toxic", "Frost", "Ember"]
#: Real names in the chosen host comments (read off them): gold wherever they occur.
HOST_NAMES = ["Alex", "Di", "Katie", "Kerry", "Lisa", "Mark", "Michelle", "Natasha", "Sam", "Tina"]
HOST_ORGS = ["MHP Leicester", "Hogarth", "Horizon"]
HOST_PLACES = ["rainton meadows"]
#: Role labels: none may be flagged. "Interviewer", "Service user", "Carer" and "Participant" are
#: what every study writes, so they may repeat the other parts'; every other label is new.
ROLE_PAIRS = [("Peer interviewer", "Participant B"), ("I", "Resp"), ("Researcher 1", "P12"), ("Interviewer", "Dad"),
              ("Research assistant", "Support worker"), ("Moderator", "Staff member"), ("INTV", "RESP"),
              ("Co-researcher", "Service user 2"), ("Interviewer", "Carer"), ("Lived experience researcher", "Participant 4"),
              ("Interviewer", "Ward nurse"), ("Facilitator 2", "Spouse"), ("Researcher", "Service user"),
              ("Interviewer", "Foster parent"), ("PR", "SU3"), ("Interviewer 1", "Care coordinator")]
UNIVERSAL_ROLES = {"Interviewer", "Service user", "Carer", "Participant", "Researcher"}
OPENERS = ["Could you start by telling me a little about yourself and how you came to be using the service?",
           "When did you first notice that you, or the person you look after, needed some help?",
           "In your role, what does a typical shift look like at the minute?",
           "What was the hardest part of getting support, if you don't mind me asking?",
           "If you think about the last time you were in crisis, who was around you?",
           "How has being a carer changed things for you day to day?",
           "What do you wish someone had told you at the very beginning?"]
PROMPTS = ["Right, okay.", "Mm. And then?", "How did that leave you feeling?", "Sure. Take your time with it.",
           "Did anybody explain why?", "And what about now, is it any better?", "Yeah. That makes sense.",
           "Would you say that was typical?", "Mm-hm. Carry on.", "Who else knew what was going on?"]

ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
DECADES = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NTH = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
       "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
       "twentieth"]
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December"]
DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
HOLIDAYS = ["Boxing Day", "Christmas Eve", "New Year's Day", "Bonfire Night", "Valentine's Day", "Christmas Day",
            "New Year's Eve", "Easter Sunday"]


def say(n: int, rng: random.Random) -> str:
    """A number as said aloud ("thirty-four", "fifty two")."""
    if n < 20:
        return ONES[n]
    return DECADES[n // 10] + (rng.choice(["-", " "]) + ONES[n % 10] if n % 10 else "")


def say_nth(n: int) -> str:
    if n <= 20:
        return NTH[n]
    return DECADES[n // 10] + ("-" + NTH[n % 10] if n % 10 else "th")


def say_year(y: int) -> str:
    if y < 2000:
        return f"nineteen {DECADES[(y % 100) // 10]}" + (f" {ONES[y % 10]}" if y % 10 else "")
    if y < 2010:
        return f"two thousand and {ONES[y % 10]}"
    return f"two thousand and {ONES[y % 100]}" if y % 100 < 20 else f"twenty {DECADES[(y % 100) // 10]} {ONES[y % 10]}"


def _digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


def _nhs(rng: random.Random) -> str:
    while True:
        head = str(rng.choice([4, 6, 7, 9])) + _digits(rng, 8)
        good = [head + str(c) for c in range(10) if nhs_number_valid(head + str(c))]
        if good:
            d = good[0]
            return rng.choice([f"{d[:3]}.{d[3:6]}.{d[6:]}", f"{d[:4]} {d[4:7]} {d[7:]}", f"{d[:5]} {d[5:]}",
                               f"{d[:3]} {d[3:6]} {d[6:]}"])


def _postcode(rng: random.Random) -> str:
    letters = "ABDEFGHJLNPQRSTUWXYZ"
    area = rng.choice(POSTCODE_AREA)
    outward = f"{area}{rng.randint(1, 9) if rng.random() < 0.5 else rng.randint(10, 39)}"
    inward = f"{rng.randint(0, 9)}{rng.choice(letters)}{rng.choice(letters)}"
    return rng.choice([f"{outward} {inward}", f"{outward} {inward}", f"{outward}{inward}", f"{outward} {inward}".lower()])


def _phone(rng: random.Random) -> str:
    d = lambda n: _digits(rng, n)  # noqa: E731
    spoken = " ".join(["oh", "seven"] + [ONES[int(c)] if c != "0" else "oh" for c in d(9)])
    return rng.choice([f"0117 9{d(2)} {d(4)}", f"01632 {d(6)}", f"0131 {d(3)} {d(4)}", f"0141-{d(3)}-{d(4)}",
                       f"0116 2{d(2)} {d(4)}", f"+44 (0) 1{d(3)} {d(6)}", f"07{d(5)} {d(4)}", f"07{d(3)}.{d(3)}.{d(3)}",
                       f"0808 {d(3)} {d(4)}", f"(01{d(3)}) {d(3)} {d(3)}", f"+44-7{d(3)}-{d(6)}", spoken])


def _date(rng: random.Random) -> str:
    day, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1972, 2025)
    suffix = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd"}.get(day, "th")
    month, abbr, yy = MONTH_NAMES[m - 1], MONTH_NAMES[m - 1][:3], str(y)[2:]
    return rng.choice([f"{say_nth(day)} of {month}", f"{month} {day}{suffix}, {y}", f"{day}{suffix} of {abbr}",
                       f"{abbr} {day}{suffix} {y}", f"{day:02d}-{m:02d}-{yy}", f"{day}.{m}.{yy}",
                       f"{rng.choice(DAY_NAMES)} the {say_nth(day)}", f"{rng.choice(HOLIDAYS)} {y}",
                       f"{rng.choice(HOLIDAYS)} {say_year(y)}", f"{day} {abbr}", f"{rng.choice(DAY_NAMES)} {day}/{m}",
                       f"the {say_nth(day)} of the {say_nth(m)}", f"{month} of {y}", f"{day}{suffix} {month} '{yy}"])


def values(rng: random.Random) -> dict[str, str]:
    """The slot values for one planted sentence, drawn from the lists of this part."""
    first, last = rng.choice(FIRST), rng.choice(LAST)
    town, stem = rng.choice(TOWN), rng.choice(ORG_STEM)
    fill = {"T": town, "S": stem, "Saint": rng.choice(SAINT), "L": rng.choice(LAST)}
    plain = lambda s: s.lower().replace(" ", "").replace("'", "").replace("-", "").encode("ascii", "ignore").decode()  # noqa: E731
    user = f"{plain(first)}{rng.choice(['', '.', '_'])}{plain(last)}{rng.choice(['', str(rng.randint(1, 99))])}"
    tag = f"{plain(first)[:8]}{rng.choice(['_', '', '.'])}{plain(last)[:6]}{rng.choice(['', str(rng.randint(80, 99)), '_x'])}"
    tag = tag.replace(".", "_")
    gamer = f"{rng.choice(PLATFORM_WORDS)}{rng.choice(PLATFORM_WORDS)}{rng.randint(70, 99)}"
    code = "".join(rng.choice("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(6))
    street = f"{rng.choice(STREET_NAME)} {rng.choice(STREET_TYPE)}"
    age_adult = rng.randint(19, 64)
    return {
        "person": rng.choice([f"{first} {last}", first, f"{first} {last}", first]), "surname": last,
        "title": rng.choice(TITLE), "nickname": rng.choice(NICK), "possessive": first, "relative": first,
        "rel": rng.choice(RELATION),
        "age": rng.choice([str(age_adult), say(age_adult, rng)]),
        "age_young": rng.choice([str(n := rng.randint(6, 18)), say(n, rng)]),
        "age_old": rng.choice([str(n := rng.randint(66, 99)), say(n, rng)]),
        "age_num": str(rng.randint(2, 19)),
        "date": _date(rng), "place": rng.choice(TOWN + DISTRICT),
        "road": street,
        "street": rng.choice([f"{rng.randint(2, 250)} {street}", f"Apartment {rng.randint(1, 40)}, {rng.choice(STREET_NAME)} {rng.choice(BLOCK)}",
                              f"{rng.randint(1, 90)} {rng.choice(STREET_NAME)} {rng.choice(BLOCK)}", f"Room {rng.randint(1, 14)}, {rng.randint(2, 80)} {street}",
                              f"Flat {rng.randint(0, 3)}/{rng.randint(1, 2)}, {rng.randint(2, 120)} {street}", f"No. {rng.randint(2, 99)} {street}",
                              street]),
        "postcode": _postcode(rng), "health_org": rng.choice(HEALTH).format(**fill),
        "ward": rng.choice(WARD).format(**fill), "school": rng.choice(SCHOOL + COLLEGE).format(**fill),
        "school_young": rng.choice(SCHOOL).format(**fill), "college": rng.choice(COLLEGE).format(**fill),
        "workplace": rng.choice(EMPLOYER).format(**fill),
        "phone": _phone(rng),
        "email": rng.choice([f"{user}@{rng.choice(EMAIL_DOMAIN)}", f"{user}@{rng.choice(EMAIL_DOMAIN)}",
                             f"{plain(first)}.{plain(last)}@nhs.scot", f"{user}@student.{plain(town)}.ac.uk",
                             f"{plain(first)[0]}{plain(last)}@{plain(fill['L'])}roofing.co.uk"]),
        "nhs_number": _nhs(rng),
        "url": rng.choice([f"t.co/{code}", f"ow.ly/{code}", f"rb.gy/{code}", f"is.gd/{code}", f"shorturl.at/{code}",
                           f"goo.gl/maps/{code}{code}", f"tiktok.com/@{tag}", f"x.com/{tag}",
                           f"https://chat.whatsapp.com/{code}{code}", f"https://www.reddit.com/r/{plain(town)}/",
                           f"patreon.com/{user}", f"ko-fi.com/{tag}", f"{plain(town)}peersupport.wordpress.com",
                           f"www.meetup.com/{plain(town)}-hearing-voices/", f"https://zoom.us/j/{rng.randint(10**9, 10**10 - 1)}"]),
        "handle": rng.choice([f"@{tag}", f"@{tag}", tag, f"@{gamer}"]), "handle_bare": rng.choice([tag, gamer]),
        "handle_discord": f"{tag}#{rng.randint(1000, 9999)}",
    }


#: Participant voice (service users, carers, family, staff). ``{x}`` is the gold slot; ``{title}`` and
#: ``{rel}`` are filled around it; ``{x:surname}`` takes a surname alone.
TEMPLATES: dict[str, list[str]] = {
    "person": ["The duty worker that night was {x}, and she just listened.", "I'd had {x} as my CPN for about two years.",
               "Me and {x} did the induction on the same day.", "{x} was the one who phoned the crisis team for me.",
               "Nobody tells you anything, but {x} always did.", "{title} {x:surname} said I was attention seeking.",
               "We had a new manager, {title} {x:surname}, and things got a lot stricter.",
               "If it wasn't for {x} I'd not be here now.", "{x} did my assessment and she got it straight away."],
    "nickname": ["{x} used to bring me a bacon sandwich on a Sunday.", "There was a fella called {x} on the unit with me.",
                 "Everybody at the day centre called him {x}.", "I'd have been lost without {x}, honestly.",
                 "Me and {x} used to walk round the grounds for hours."],
    "possessive": ["I ended up kipping on {x}'s floor for a month.", "{x}'s husband was the one who drove us.",
                   "All I could think about was {x}'s face.", "We had the meeting in {x}'s office.",
                   "I was looking after {x}'s kids when it all started again."],
    "relative": ["My {rel} {x} is the one who keeps me going.", "I've had to move in with my {rel} {x} for now.",
                 "{x}, my {rel}, noticed before I did.", "My {rel}, {x}, was the one that got me to the GP.",
                 "I look after my {rel} {x} full time now.", "Since my {rel} {x} died I've not been right."],
    "age": ["I got my diagnosis at {x}, which felt late.", "She turned {x:age_young} on the ward, can you imagine.",
            "Mum's {x:age_old} now and she still worries about me.", "I was only {x:age_young} when I first cut myself.",
            "He'll be {x:age_old} in the spring.", "I've got a {x:age_num} year old and a baby.",
            "I was aged {x} when they finally sectioned me."],
    "date": ["They let me out on {x} with a bag of tablets.", "I first rang 111 on {x}.",
             "My mum died on {x} and that's when it started.", "The tribunal's set for {x}.",
             "I've been clean since {x}.", "We were told to come back on {x}."],
    "place": ["We're originally from {x}.", "They found him a bed in {x}, hours away from us.",
              "There's a decent group in {x} if you can get there.", "I moved out of {x} to get away from it all.",
              "Nobody in {x} talks about mental health.", "I had to drive over to {x} every other day."],
    "street": ["I'm in a bedsit at {x} now.", "The refuge was somewhere off {x:road}.",
               "They sent the letter to {x} but I'd moved.", "I lived at {x} for ten years.",
               "The police picked me up near {x:road}."],
    "postcode": ["The system said {x} wasn't in their area.", "My postcode's {x}, if you need it for the voucher.",
                 "I had to give {x} to the ambulance.", "They've still got {x} on my records, which is wrong."],
    "health_org": ["I was on {x:ward} for nine weeks.", "They transferred me to {x:ward} in the night.",
                   "I got a lot out of {x}, to be fair.", "The waiting list for {x} was two years.",
                   "I work shifts at {x}, mainly nights.", "My daughter goes to {x} on a Tuesday.",
                   "We only found out about {x} from a leaflet."],
    "school": ["She got moved to {x:school_young} after the exclusion.", "My son's at {x:school_young}, they've been good.",
               "I was at {x:school_young} till they expelled me.", "I'm doing a course at {x:college} now.",
               "I dropped out of {x:college} in the second year.", "The head at {x:school_young} rang social services."],
    "workplace": ["I worked at {x} for eleven years before I went off.", "I'm back at {x} three days a week.",
                  "My supervisor at {x} was really good about it.", "{x} let me go after my second admission.",
                  "I got a job at {x} through the employment worker."],
    "phone": ["Ring me on {x}, the landline's dead.", "My son's number is {x}, he'll answer.",
              "The number on the card was {x}.", "I've got a new phone now, it's {x}."],
    "email": ["You can use {x} for the transcript.", "I still get stuff sent to {x}.",
              "The appointment came to {x} and I missed it.", "My work email's {x} but don't use that."],
    "nhs_number": ["The number on my wristband was {x}.", "My NHS number's on here somewhere, {x}.",
                   "I had to give {x} to the pharmacy."],
    "url": ["We put all the dates on {x}.", "Someone sent me {x} and that's how I found the group.",
            "The petition's at {x}.", "There's a video on {x} that explains it."],
    "handle": ["I'm {x} on Insta if you want to see the art.", "My gamertag is {x:handle_bare}, I play most nights.",
               "Find me on Discord, I'm {x:handle_discord}.", "I stream on Twitch as {x:handle_bare}.",
               "She had a Threads account, {x}, where she wrote about it."],
}
#: Interviewer voice (researcher, peer researcher or staff), planted in the interviewer's prompts.
ASKS: dict[str, list[str]] = {
    "person": ["Sorry, is {x} the social worker?", "Did you ever raise that with {title} {x:surname}?"],
    "nickname": ["And {x}, is he still around?", "Was {x} on the ward at the same time as you?"],
    "possessive": ["Was that at {x}'s house?", "And how did you end up at {x}'s?"],
    "relative": ["How did your {rel} {x} cope with it all?", "Is your {rel} {x} still involved in your care?"],
    "age": ["So you'd have been {x} then?", "And she was {x:age_young} at that point?"],
    "date": ["Do you remember if that was {x}?", "So {x} was the first contact?"],
    "place": ["Were you still in {x} at the time?", "Is that service in {x}, then?"],
    "street": ["Was that the place on {x:road}?"],
    "postcode": ["For the travel expenses, is it {x}?"],
    "health_org": ["How long were you on {x:ward}?", "What was it that got you referred to {x}?",
                   "I used to work at {x} myself, as it happens."],
    "school": ["Did {x} know what was happening?", "Were you still at {x} then?"],
    "workplace": ["Did you tell anyone at {x}?", "Were {x} supportive at all?"],
    "phone": ["And is {x} okay for the reminder text?"],
    "email": ["Is {x} the right address for the summary?"],
    "nhs_number": ["I'll just cross out {x}, we don't need it on here."],
    "url": ["Is {x} the page you meant?"],
    "handle": ["And {x}, is that the account you mentioned earlier?"],
}
KINDS = tuple(TEMPLATES)


def plant(kind: str, rng: random.Random, voice: str = "participant") -> tuple[str, list[tuple[int, int, str, str]]]:
    """One sentence of this part with one planted identifier of ``kind``, in the ``voice`` of who speaks
    it ("participant" or "interviewer"); its gold span (offsets in the sentence)."""
    vals = values(rng)
    template = rng.choice((ASKS if voice == "interviewer" else TEMPLATES)[kind])
    m = re.search(r"\{x(?::(\w+))?\}", template)
    assert m is not None
    value = vals[m.group(1) or kind]  # "{x:age_num} year old": the number alone is the identifier
    fix = lambda s: s.replace("{rel}", vals["rel"]).replace("{title}", vals["title"])  # noqa: E731
    head, tail = fix(template[:m.start()]), fix(template[m.end():])
    start = len(head)
    sentence = head + value + tail
    if start == 0 and sentence[0].islower():
        sentence = sentence[0].upper() + sentence[1:]
    kind_value = sentence[start:start + len(value)]
    if kind_value.lower().startswith("the "):  # the article identifies nothing and is not gold
        start, kind_value = start + 4, kind_value[4:]
    return sentence, [(start, start + len(kind_value), kind, kind_value)]


_DIGIT = re.compile(r"\d")
_URGENT = ("111", "See and Convey", "PTS")
_MENTAL = ("Local partnerships- MH", "Forensic", "Community health services")


def _comments(path_v6: Path, path_phase1: Path, taken: set[str], known: set[str]) -> dict[str, list[str]]:
    """Host comments no other part takes, by source: v6 mental-health/forensic/community, v6 urgent care
    (111, ambulance, patient transport), phase1."""
    from deid_evalset_fresh import _clean

    def ok(text: str) -> bool:
        return len(text.split()) >= 15 and text not in taken and not _DIGIT.search(text) and _clean(text, known)

    with path_v6.open(encoding="utf-8", newline="") as handle:
        v6_rows = list(csv.DictReader(handle))
    v6_all = {" ".join((r.get("FFT answer") or "").split()) for r in v6_rows}
    out: dict[str, list[str]] = {}
    for source, prefixes in (("mh", _MENTAL), ("urgent", _URGENT)):
        texts = [" ".join((r.get("FFT answer") or "").split()) for r in v6_rows
                 if (r.get("Service type 1") or "").startswith(prefixes)]
        out[source] = [t for t in dict.fromkeys(texts) if ok(t)]
    with path_phase1.open(encoding="utf-8", newline="") as handle:
        p1 = [" ".join((r.get("feedback") or "").split()) for r in csv.DictReader(handle)]
    out["phase1"] = [t for t in dict.fromkeys(p1) if ok(t) and t not in v6_all]
    shuffle = random.Random("unseen-hosts")
    for texts in out.values():
        shuffle.shuffle(texts)
    return out


#: Documents per host source (each takes six comments).
DOCS_PER_SOURCE = {"mh": 24, "urgent": 18, "phase1": 30}


def hosts(path_v6: Path, path_phase1: Path, taken: set[str], *, per: int = 6) -> list[tuple[str, list[tuple[str, str]]]]:
    """Host interviews: an opening question, then ``per`` comments as the participant's turns with an
    interviewer's prompt after the second and the fourth. Speakers are "Interviewer"/"Participant"
    placeholders that ``build`` relabels."""
    from deid_evalset_fresh import _english

    by_source = _comments(path_v6, path_phase1, taken, _english())
    out: list[tuple[str, list[tuple[str, str]]]] = []
    rng = random.Random("unseen-prompts")
    for source, count in DOCS_PER_SOURCE.items():
        texts = by_source[source]
        for i in range(min(count, len(texts) // per)):
            turns = [("Interviewer", OPENERS[(i + len(out)) % len(OPENERS)])]
            for j, comment in enumerate(texts[i * per:(i + 1) * per]):
                turns.append(("Participant", comment))
                if j % 2 == 1 and j < per - 1:
                    turns.append(("Interviewer", rng.choice(PROMPTS)))
            out.append((f"unseen{source}-{i}", turns))
    return out


def taken_by_other_parts() -> set[str]:
    """Every host comment the TUNE, TEST, FRESH and HOLDOUT parts read."""
    import deid_evalset as ev
    import deid_evalset_holdout as holdout

    taken = holdout.taken_by_other_parts()
    taken |= {c for _, turns in holdout.hosts(ev.NHS, ev.PHASE1, taken) for _, c in turns}
    return taken


def build(*, seed: int = SEED, per_doc: int = 8, max_docs: int | None = None) -> list:  # type: ignore[type-arg]
    """The documents of this part (``deid_evalset.Doc``): each host interview with ``per_doc`` planted
    sentences (kinds in turn), a third labelled with names instead of roles."""
    import deid_evalset as ev

    rng = random.Random(f"{seed}-unseen")
    host_docs = hosts(ev.NHS, ev.PHASE1, taken_by_other_parts())
    if max_docs is not None:
        host_docs = host_docs[:max_docs]
    docs = []
    kind_cycle = roles_used = 0
    for index, (name, turns) in enumerate(host_docs):
        doc = ev.Doc(name=name, source=name.split("-")[0])
        named = index % 3 == 1
        if named:
            label_for = {s: (f"{rng.choice(FIRST)} {rng.choice(LAST)}" if rng.random() < 0.5 else rng.choice(FIRST))
                         for s in ("Interviewer", "Participant")}
            given = lambda label: max((f for f in FIRST if label.startswith(f)), key=len)  # noqa: E731
            while given(label_for["Interviewer"]) == given(label_for["Participant"]):
                label_for["Interviewer"] = rng.choice(FIRST)
            who = given(label_for["Participant"])  # the interviewer greets the participant by first name
            turns = [(turns[0][0], f"Thanks again for agreeing to this, {who}. " + turns[0][1]), *turns[1:]]
        else:
            pair = ROLE_PAIRS[roles_used % len(ROLE_PAIRS)]
            roles_used += 1
            label_for = {"Interviewer": pair[0], "Participant": pair[1]}
        targets = set(rng.sample(range(1, len(turns)), min(per_doc, len(turns) - 1)))
        offset = 0
        pieces: list[str] = []
        for t_index, (speaker, text) in enumerate(turns):
            body, gold_here = text, []
            if t_index in targets:
                kind = KINDS[kind_cycle % len(KINDS)]
                kind_cycle += 1
                sentence, spans = plant(kind, rng, "interviewer" if speaker == "Interviewer" else "participant")
                cut = ev._cut_point(body, rng)
                pad = 1 if cut and not body[cut - 1].isspace() else 0
                body = body[:cut] + " " * pad + sentence + " " + body[cut:].lstrip()
                gold_here = [(cut + pad + s, cut + pad + e, k, v) for s, e, k, v in spans]
            pieces.append(body)
            doc.turns.append((label_for[speaker], offset, offset + len(body)))
            doc.gold.extend(ev.Span(offset + s, offset + e, k, v) for s, e, k, v in gold_here)
            offset += len(body) + 1
        doc.text = "\n".join(pieces)
        doc.gold.extend(ev._host_names(doc.text, doc.gold, HOST_NAMES))
        doc.gold.extend(ev._host_names(doc.text, doc.gold, HOST_ORGS, kind="health_org"))
        doc.gold.extend(ev._host_names(doc.text, doc.gold, HOST_PLACES, kind="place"))
        if named:
            doc.gold.extend(ev._label_mentions(doc.text, doc.gold, set(label_for.values())))
        doc.speakers = [(label, named) for label in dict.fromkeys(label_for.values())]
        docs.append(doc)
    return docs


def old_entries() -> set[str]:
    """Every string entry of every upper-case list, tuple list and template dict of the TUNE/TEST,
    FRESH and HOLDOUT modules, read off the modules themselves."""
    import deid_evalset as ev
    import deid_evalset_fresh as fresh
    import deid_evalset_holdout as holdout

    out: set[str] = set()
    for module in (ev, fresh, holdout):
        for name, value in vars(module).items():
            if not name.isupper():
                continue
            if isinstance(value, list | tuple):
                out |= {v for v in value if isinstance(v, str)}
                out |= {x for v in value if isinstance(v, tuple) for x in v if isinstance(x, str)}
            if isinstance(value, dict):
                out |= {t for ts in value.values() if isinstance(ts, list) for t in ts if isinstance(t, str)}
    return out


def mine() -> dict[str, list[str]]:
    """This part's own entries by list (the words of the language, months, weekdays and numbers said
    aloud, are left out: every part must use them)."""
    return {"FIRST": FIRST, "LAST": LAST, "TITLE": TITLE, "NICK": NICK, "RELATION": RELATION, "TOWN": TOWN,
            "DISTRICT": DISTRICT, "STREET_NAME": STREET_NAME, "STREET_TYPE": STREET_TYPE, "BLOCK": BLOCK,
            "ORG_STEM": ORG_STEM, "SAINT": SAINT, "HEALTH": HEALTH, "SCHOOL": SCHOOL + COLLEGE, "EMPLOYER": EMPLOYER,
            "EMAIL_DOMAIN": EMAIL_DOMAIN, "POSTCODE_AREA": POSTCODE_AREA, "HOLIDAYS": HOLIDAYS,
            "PLATFORM_WORDS": PLATFORM_WORDS, "OPENERS": OPENERS, "PROMPTS": PROMPTS,
            "ROLE_PAIRS": [x for pair in ROLE_PAIRS for x in pair if x not in UNIVERSAL_ROLES],
            "TEMPLATES": [t for ts in TEMPLATES.values() for t in ts] + [t for ts in ASKS.values() for t in ts]}


def overlap_with_old() -> dict[str, list[str]]:
    """Entries of this part equal (without case) to any entry of the other parts (should be empty)."""
    old = {o.lower() for o in old_entries()}
    return {k: sorted(v for v in vs if v.lower() in old) for k, vs in mine().items() if any(v.lower() in old for v in vs)}


def counts(docs: list) -> dict[str, object]:  # type: ignore[type-arg]
    """Documents, words, gold identifiers per kind and speaker labels of a built set."""
    from collections import Counter

    per_kind = Counter(g.kind for d in docs for g in d.gold)
    return {"documents": len(docs), "words": sum(len(d.text.split()) for d in docs), "gold": sum(per_kind.values()),
            "per_kind": dict(sorted(per_kind.items())),
            "name_labels": sum(is_name for d in docs for _, is_name in d.speakers),
            "role_labels": sum(not is_name for d in docs for _, is_name in d.speakers)}


if __name__ == "__main__":  # python bench/deid_evalset_unseen.py: the set's counts, no detector run
    import json
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    print(json.dumps(counts(build()), indent=2))
