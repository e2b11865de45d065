"""Value lists and fillers of the twelfth de-identification part: who, where and how to reach people
as a researcher in the East Midlands, Bristol and Somerset, Cumbria, Teesside, the Swansea valleys,
Belfast and Derry and the Highlands and Islands would hear them; each filler renders one value in one of
several spoken or written shapes and says which gold kind (if any) it is.

Nothing here is read from the other parts or from the detector; the lists were written for this part.
"""

from __future__ import annotations

import random
from collections.abc import Callable

#: (first, surname) pairs of many origins: Sikh, Gujarati Hindu, Jewish, Turkish Cypriot, Eritrean,
#: Afghan, Filipino, Zimbabwean, Lithuanian, Welsh, Irish, Highland, Chinese, Arabic, English.
NAMES: list[tuple[str, str]] = [
    ("Manpreet", "Dhillon"), ("Jaswinder", "Gill"), ("Harpal", "Bains"), ("Kuldeep", "Sidhu"), ("Simran", "Grewal"),
    ("Hetal", "Mistry"), ("Kiran", "Parmar"), ("Bhavesh", "Solanki"), ("Nayna", "Lad"), ("Jignesh", "Chauhan"),
    ("Miriam", "Rosenthal"), ("Yossi", "Feldman"), ("Rivka", "Goldberg"), ("Shmuel", "Lerner"),
    ("Emine", "Hasan"), ("Mehmet", "Ozdemir"), ("Ayse", "Mustafa"), ("Huseyin", "Kemal"),
    ("Senait", "Tesfay"), ("Yonas", "Ghebremedhin"), ("Helen", "Berhane"), ("Filmon", "Tekle"),
    ("Farid", "Ahmadzai"), ("Zarghona", "Popal"), ("Wahid", "Rahimi"), ("Parwana", "Noori"),
    ("Maricel", "Dela Cruz"), ("Jericho", "Santos"), ("Rowena", "Bautista"), ("Joel", "Manalo"),
    ("Tendai", "Moyo"), ("Rudo", "Chikwanha"), ("Tatenda", "Ncube"), ("Farai", "Mutasa"),
    ("Rūta", "Kazlauskienė"), ("Tomas", "Petrauskas"), ("Aušra", "Jankauskaitė"), ("Darius", "Vasiliauskas"),
    ("Gethin", "Pritchard"), ("Eirlys", "Bevan"), ("Rhodri", "Llewellyn"), ("Cerys", "Prosser"),
    ("Ciarán", "McLaughlin"), ("Orla", "Doherty"), ("Seamus", "Gallagher"), ("Bronagh", "Quinn"),
    ("Morag", "MacLeod"), ("Calum", "MacInnes"), ("Kirsteen", "Matheson"), ("Iain", "Munro"),
    ("Dawn", "Atkinson"), ("Kevin", "Hodgson"), ("Sharon", "Pybus"), ("Wayne", "Trotter"), ("Jodie", "Coombes"),
    ("Nathan", "Chard"), ("Tracy", "Bexon"), ("Lee", "Marriott"), ("Xiaoling", "Huang"), ("Jun", "Tan"),
    ("Yasmin", "Haddad"), ("Omar", "Nassar"), ("Bernadette", "Kielty"), ("Ruth", "Pennock"),
]
TITLES = ["Dr", "Dr.", "Mrs", "Mr", "Ms", "Miss", "Nurse", "Sister", "Father", "Rabbi", "Councillor", "Sergeant", "Doctor"]
NICKNAMES = ["Dotty", "Smudge", "Tinks", "Bazza", "Tez", "Jonty", "Sukhi", "Bindy", "Fizz", "Chalky", "Dusty",
             "Nobby", "Spud", "Harj", "Kully", "Jiggy", "Tati", "Moz", "Bubbles", "Wee Dougie", "Lanky", "Ginge",
             "Tiddler", "Bobo", "Shaz", "Mags", "Beano", "Kaz"]
#: Family roles said before a relative's name (never gold themselves).
ROLES = ["nan", "grandad", "bampi", "mamgu", "nani", "dadi", "ba", "bubbe", "lola", "mam", "stepmum", "fella",
         "sister", "brother", "son", "daughter", "cousin", "auntie", "uncle", "sister-in-law", "foster mum",
         "granddaughter", "husband", "wife", "partner", "little brother", "eldest", "twin"]
PLACES = ["Loughborough", "Coalville", "Mansfield", "Ilkeston", "Long Eaton", "Hinckley", "Melton Mowbray",
          "Belgrave", "Highfields", "Bedminster", "Knowle West", "Fishponds", "Hartcliffe", "Kingswood",
          "Bridgwater", "Yeovil", "Frome", "Minehead", "Glastonbury", "Burnham-on-Sea", "Workington", "Whitehaven",
          "Barrow", "Penrith", "Maryport", "Cleator Moor", "Keswick", "Stockton", "Redcar", "Hartlepool", "Thornaby",
          "Billingham", "Grangetown", "Guisborough", "Ystradgynlais", "Pontardawe", "Clydach", "Morriston",
          "Ystalyfera", "Gorseinon", "Andersonstown", "Ballymurphy", "Creggan", "Strabane", "Newtownabbey",
          "Lisburn", "Stornoway", "Portree", "Ullapool", "Wick", "Thurso", "Kirkwall", "Lerwick", "Benbecula",
          "Dingwall", "Fort William", "Derry", "Belfast", "Leicester", "Middlesbrough", "Swansea", "Inverness"]
STREETS = ["Belgrave Gate", "Melton Road", "Narborough Road", "Gloucester Road", "Two Mile Hill Road",
           "Vulcan Street", "Lowther Street", "Borough Road", "Linthorpe Road", "Heol Las", "Woodfield Street",
           "Falls Road", "Springfield Road", "Bishop Street", "Kenneth Street", "Harbour Road", "Cheapside",
           "Ffordd y Brain", "Marsh Lane", "Yarm Lane", "Duke Street", "Church Brae", "Coronation Terrace",
           "Pennywell Road", "Sea View Crescent", "Tannery Close", "Quarry Bank", "Cromwell Avenue"]
POSTCODES = ["LE4 6RE", "LE5 3QJ", "NG18 2PX", "DE7 5HB", "BS3 4JT", "BS16 3TA", "TA6 5LF", "BA11 1DW",
             "CA14 2RS", "CA28 7QE", "LA14 1HX", "TS1 3NB", "TS10 2AJ", "TS24 8PU", "SA9 1GS", "SA8 4HE",
             "BT12 6GH", "BT48 8LP", "BT47 6SJ", "HS1 2BS", "IV51 9EY", "KW1 4AH", "KW15 1QR", "ZE1 0LL",
             "IV15 9JL", "PH33 6ER"]
OUTWARD = ["LE2", "NG19", "BS5", "TA1", "CA25", "TS6", "SA9", "BT11", "BT48", "IV26", "HS7", "ZE2", "DE21"]
HEALTH = ["Leicester Royal Infirmary", "Glenfield Hospital", "Bradgate Unit", "Queen's Medical Centre",
          "King's Mill Hospital", "Southmead Hospital", "Musgrove Park Hospital", "Callington Road Hospital",
          "West Cumberland Hospital", "Carleton Clinic", "James Cook University Hospital", "Roseberry Park",
          "Morriston Hospital", "Cefn Coed Hospital", "Royal Victoria Hospital", "Altnagelvin Hospital",
          "Raigmore Hospital", "New Craigs Hospital", "Western Isles Hospital", "Gilbert Bain Hospital",
          "Ystradgynlais Group Practice", "Spinney Hill Medical Centre", "Fishponds Family Practice",
          "Hartlepool Carers", "Turning Point Leicester", "Cruse Bereavement Support", "Home-Start Teesside",
          "Action Mental Health", "Highland Hospice", "Combat Stress", "Fishermen's Mission",
          "Farming Community Network", "Swansea Carers Centre", "Beaumont Ward", "Bluebell Mother and Baby Unit",
          "Ward 3B", "Bridgwater Community Hospital", "Somerset Drug and Alcohol Service", "Lighthouse Crisis Cafe",
          "Tees Crisis Team", "Derry Well Women", "Barrow Recovery Hub", "Penrith Health Centre", "Aware NI"]
#: Health services as people say them, lower case or shortened.
HEALTH_SMALL = ["southmead", "royal vic", "lri", "james cook", "raigmore", "musgrove", "altnagelvin",
                "morriston", "carleton clinic", "cefn coed", "glenfield", "bradgate unit"]
SCHOOLS = ["Rushey Mead Academy", "Soar Valley College", "City of Bristol College", "Bridgwater College",
           "Strode College", "Workington Academy", "St Bees School", "Teesside University",
           "Prior Pursglove College", "Ysgol Gyfun Ystalyfera", "Gower College Swansea", "Swansea University",
           "Queen's University", "St Columb's College", "Lumen Christi College", "Ulster University",
           "Inverness Royal Academy", "Nicolson Institute", "Sgoil Lionacleit", "Loughborough University",
           "De Montfort University", "UWE", "Stockton Riverside College", "Hartcliffe Primary",
           "Thurso High School", "Anderston Primary", "St Mary's Grammar", "Kirkwall Grammar School"]
SCHOOLS_SMALL = ["de montfort", "uwe", "gower college", "queens", "nicolson", "soar valley", "teesside uni",
                 "bridgwater college", "lumen christi"]
WORK = ["Walkers", "JCB", "Rolls-Royce", "Toyota", "Sellafield", "BAE Systems", "Hinkley Point C", "Clarks",
        "British Steel", "Tata Steel", "Harland and Wolff", "Moy Park", "Loganair", "CalMac", "Highland Council",
        "Leicester City Council", "Redcar and Cleveland Council", "Samworth Brothers", "Thorntons",
        "Greencore", "Cumbrian Seafoods", "Young's Seafood", "Scottish Sea Farms", "Mowi", "Müller",
        "Pennine Haulage Ltd", "Bevan & Daughters Builders", "Seagate", "Ministry of Defence", "Stornoway Coastguard"]
WORK_SMALL = ["walkers", "sellafield", "port talbot steelworks", "moy park", "calmac", "samworths",
              "tata", "greencore", "clarks"]
MAIL_DOMAINS = ["hotmail.co.uk", "gmail.com", "outlook.com", "btinternet.com", "yahoo.co.uk", "icloud.com",
                "live.co.uk", "nhs.net", "uhi.ac.uk", "swansea.ac.uk"]
URLS = ["www.leicestercarers.org.uk", "https://www.gofundme.com/f/help-for-tendai", "bit.ly/3kQzr8W",
        "facebook.com/groups/barrowmumsandbabies", "www.youngcarersswansea.org", "https://fishermensmission.org.uk/donate",
        "www.gurdwaraleicester.org", "linktr.ee/morag.makes", "https://tees-recovery.co.uk/meetings",
        "www.derrywellwomen.org", "justgiving.com/fundraising/gethinbevan", "https://www.orkneyfoodbank.org.uk",
        "www.somersetyoungcarers.org.uk/referral", "instagram.com/rudo.bakes", "eventbrite.co.uk/e/armed-forces-cafe"]
HANDLES = ["@harj_d", "@tendai.m", "@fishwife_lerwick", "@kullyboy99", "@morag_mac", "@gethin.b",
           "@rudo.bakes", "@senait_t", "@bubbe.miriam", "@teesside_tez", "@maricel.dc", "@farmer_iain",
           "@dotty_x", "@chalky.white.rm", "@bridgwater_mum", "@rūta.k"]
HANDLES_SAID = ["kully boy ninety nine", "harj underscore d", "fishwife underscore lerwick", "rudo dot bakes",
                "morag underscore mac", "tez from teesside", "dotty underscore x"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORD = {1: "first", 2: "second", 3: "third", 5: "fifth", 8: "eighth", 9: "ninth", 12: "twelfth"}
DIGIT_SAID = ["oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]

Piece = tuple[str, str | None]  # surface text, gold kind (None: not an identifier)


def words(n: int) -> str:
    """A number from 0 to 99 in words, as said ("forty-two")."""
    if n < 20:
        return ONES[n]
    tens, ones = divmod(n, 10)
    return TENS[tens] + ("" if ones == 0 else "-" + ONES[ones])


def ordinal(n: int) -> str:
    """A day of the month in words ("twenty-third")."""
    if n in ORD:
        return ORD[n]
    if n < 20:
        return ONES[n] + "th"
    tens, ones = divmod(n, 10)
    if ones == 0:
        return TENS[tens][:-1] + "ieth"
    return TENS[tens] + "-" + (ORD.get(ones) or ONES[ones] + "th")


def suffix(n: int) -> str:
    return "th" if 11 <= n <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def year_words(y: int) -> str:
    """A year as said: "two thousand and nineteen", "nineteen ninety-eight"."""
    if y == 2000:
        return "two thousand"
    if y > 2000:
        return "two thousand and " + words(y - 2000) if y < 2010 or y % 2 else "twenty " + words(y - 2000)
    return words(y // 100) + " " + words(y % 100)


def pick(rng: random.Random, values: list[str]) -> str:
    return values[rng.randrange(len(values))]


def full(rng: random.Random) -> Piece:
    first, last = NAMES[rng.randrange(len(NAMES))]
    shape = rng.random()
    if shape < 0.15:
        return f"{first} {last}".lower(), "person"
    if shape < 0.25:
        return f"{first[0]}. {last}", "person"
    return f"{first} {last}", "person"


def first(rng: random.Random) -> Piece:
    name = NAMES[rng.randrange(len(NAMES))][0]
    return (name.lower() if rng.random() < 0.15 else name), "person"


def surname(rng: random.Random) -> Piece:
    return NAMES[rng.randrange(len(NAMES))][1], "person"


def title(rng: random.Random) -> Piece:
    return pick(rng, TITLES), None


def nick(rng: random.Random) -> Piece:
    name = pick(rng, NICKNAMES)
    return (name.lower() if rng.random() < 0.2 else name), "nickname"


def poss(rng: random.Random) -> Piece:
    name = NAMES[rng.randrange(len(NAMES))][rng.random() < 0.25]
    return (name.lower() if rng.random() < 0.1 else name), "possessive"


def rel(rng: random.Random) -> Piece:
    name = NAMES[rng.randrange(len(NAMES))][0] if rng.random() < 0.8 else pick(rng, NICKNAMES)
    return (name.lower() if rng.random() < 0.12 else name), "relative"


def role(rng: random.Random) -> Piece:
    return pick(rng, ROLES), None


def age(rng: random.Random) -> Piece:
    n = rng.choice([rng.randint(4, 19), rng.randint(20, 95)])
    return (words(n) if rng.random() < 0.55 else str(n)), "age"


def date(rng: random.Random) -> Piece:
    d, m, y = rng.randint(1, 28), rng.randrange(12), rng.randint(1988, 2024)
    shape = rng.randrange(11)
    text = [
        f"{d}/{m + 1:02d}/{y}", f"{d}{suffix(d)} {MONTHS[m]} {y}", f"{d} {MONTHS[m][:3]} {y}",
        f"{MONTHS[m]} {y}", f"{ordinal(d)} of {MONTHS[m].lower()}", f"{pick(rng, DAYS)} {d}{suffix(d)} {MONTHS[m]}",
        f"{y}-{m + 1:02d}-{d:02d}", f"{ordinal(d)} of {MONTHS[m]} {year_words(y)}", f"{d}.{m + 1}.{str(y)[2:]}",
        f"{MONTHS[m]} the {d}{suffix(d)}", f"{year_words(y)}",
    ][shape]
    return text, "date"


def place(rng: random.Random) -> Piece:
    name = pick(rng, PLACES)
    return (name.lower() if rng.random() < 0.12 else name), "place"


def street(rng: random.Random) -> Piece:
    name = pick(rng, STREETS)
    n = rng.randint(1, 140)
    shape = rng.randrange(6)
    text = [f"{n} {name}", f"{words(min(n, 99))} {name}", name, f"Flat {rng.randint(1, 12)}, {n} {name}",
            f"{n}a {name}", f"{words(min(n, 99))} {name}".lower()][shape]
    return text, "street"


def postcode(rng: random.Random) -> Piece:
    shape = rng.random()
    if shape < 0.25:
        return pick(rng, OUTWARD), "postcode"
    code = pick(rng, POSTCODES)
    if shape < 0.4:
        return code.lower(), "postcode"
    if shape < 0.5:
        return code.replace(" ", ""), "postcode"
    return code, "postcode"


def health(rng: random.Random) -> Piece:
    return (pick(rng, HEALTH_SMALL) if rng.random() < 0.2 else pick(rng, HEALTH)), "health_org"


def school(rng: random.Random) -> Piece:
    return (pick(rng, SCHOOLS_SMALL) if rng.random() < 0.2 else pick(rng, SCHOOLS)), "school"


def work(rng: random.Random) -> Piece:
    return (pick(rng, WORK_SMALL) if rng.random() < 0.2 else pick(rng, WORK)), "workplace"


def _digits(rng: random.Random) -> str:
    start = rng.choice(["07", "07", "07", "0116", "0117", "01900", "01642", "028", "01851", "01792", "01278"])
    return start + "".join(str(rng.randrange(10)) for _ in range(11 - len(start)))


def said_digits(digits: str, rng: random.Random) -> str:
    """Digits read aloud in groups, with "double" for a repeated digit sometimes."""
    out, i = [], 0
    while i < len(digits):
        if i + 1 < len(digits) and digits[i] == digits[i + 1] and rng.random() < 0.6:
            out.append("double " + DIGIT_SAID[int(digits[i])])
            i += 2
        else:
            out.append(DIGIT_SAID[int(digits[i])])
            i += 1
    return " ".join(out)


def phone(rng: random.Random) -> Piece:
    d = _digits(rng)
    shape = rng.randrange(6)
    if shape == 0:
        return d, "phone"
    if shape == 1:
        return (f"{d[:5]} {d[5:8]} {d[8:]}" if d.startswith("07") else f"{d[:4]} {d[4:7]} {d[7:]}"), "phone"
    if shape == 2 and d.startswith("07"):
        return f"+44 {d[1:5]} {d[5:]}", "phone"
    if shape == 3:
        return f"({d[:5]}) {d[5:]}", "phone"
    return said_digits(d[:5], rng) + ", " + said_digits(d[5:8], rng) + ", " + said_digits(d[8:], rng), "phone"


def nhs_digits(rng: random.Random) -> str:
    """Ten digits whose last is the modulus-11 check digit of the first nine."""
    while True:
        body = [rng.randrange(10) for _ in range(9)]
        body[0] = rng.randint(4, 7)
        check = 11 - sum(d * (10 - i) for i, d in enumerate(body)) % 11
        if check == 11:
            check = 0
        if check != 10:
            return "".join(map(str, body)) + str(check)


def nhs(rng: random.Random) -> Piece:
    d = nhs_digits(rng)
    shape = rng.randrange(5)
    text = [f"{d[:3]} {d[3:6]} {d[6:]}", d, f"{d[:3]}-{d[3:6]}-{d[6:]}",
            " ".join(DIGIT_SAID[int(c)] for c in d),
            ", ".join(" ".join(DIGIT_SAID[int(c)] for c in g) for g in (d[:3], d[3:6], d[6:]))][shape]
    return text, "nhs_number"


def email(rng: random.Random) -> Piece:
    first_name, last = NAMES[rng.randrange(len(NAMES))]
    local = rng.choice([f"{first_name}.{last}", f"{first_name[0]}{last}{rng.randint(1, 99)}", f"{first_name}_{rng.randint(60, 99)}",
                        f"{last}.{first_name[0]}"]).lower().replace(" ", "")
    local = local.encode("ascii", "ignore").decode()
    domain = pick(rng, MAIL_DOMAINS)
    if rng.random() < 0.35:
        said_local = local.replace(".", " dot ").replace("_", " underscore ")
        return f"{said_local} at {domain.replace('.', ' dot ')}", "email"
    return f"{local}@{domain}", "email"


def url(rng: random.Random) -> Piece:
    link = pick(rng, URLS)
    bare = link.removeprefix("https://")
    if bare.startswith("www.") and rng.random() < 0.35:
        return "w w w dot " + bare[4:].split("/")[0].replace(".", " dot "), "url"
    return link, "url"


def handle(rng: random.Random) -> Piece:
    return (pick(rng, HANDLES_SAID) if rng.random() < 0.25 else pick(rng, HANDLES)), "handle"


#: Field name in a sentence -> its filler. Upper-case fields are gold, lower-case ones are not.
FILLERS: dict[str, Callable[[random.Random], Piece]] = {
    "FULL": full, "FIRST": first, "SUR": surname, "NICK": nick, "POSS": poss, "REL": rel, "AGE": age,
    "DATE": date, "PLACE": place, "STREET": street, "POST": postcode, "HEALTH": health, "SCHOOL": school,
    "WORK": work, "PHONE": phone, "EMAIL": email, "NHS": nhs, "URL": url, "HANDLE": handle,
    "title": title, "role": role,
}
