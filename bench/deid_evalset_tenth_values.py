"""Value lists and value makers of the tenth de-identification evaluation part.

This module owns what gets planted: names (many origins), nicknames, relatives' roles, places (London
boroughs, the Midlands, East Anglia, the South West, places abroad), streets, postcodes, services,
schools, employers, and the makers of ages, dates, phones, e-mails, NHS numbers, links and handles, in
written and spoken forms. Every maker returns ``(lead, gold, tail)``: ``lead`` and ``tail`` are words
around the identifier that are not part of its gold span (a leading "the", "my nan ", "'s").
Phone numbers use Ofcom's drama ranges; NHS numbers carry a valid modulus-11 check digit.
"""

from __future__ import annotations

import random

Fill = tuple[str, str, str]

FIRST = ["Hodan", "Abdirahman", "Ifrah", "Mahad", "Sagal", "Kasia", "Piotr", "Bartosz", "Dariusz", "Gosia",
         "Ionut", "Mihaela", "Florin", "Andreea", "Vasile", "Lavinia", "Sinead", "Padraig", "Bridget", "Tiernan",
         "Kayden", "Chantelle", "Jermaine", "Abena", "Tunde", "Folake", "Nkechi", "Emeka", "Harpreet", "Jaspal",
         "Sukhwinder", "Rukhsana", "Shamima", "Tahmina", "Farhan", "Xiaoling", "Bao", "Layla", "Omar", "Yasmin",
         "Khalid", "Gethin", "Cerys", "Dafydd", "Ffion", "Maureen", "Dennis", "Stanley", "Elsie", "Joyce",
         "Alfie", "Maisie", "Riley", "Kai", "Shanice", "Yaw", "Efua", "Nasra", "Anton", "Teodora", "Michal",
         "Roxana", "Caoimhe", "Martin", "Kerry-Ann", "Delroy", "Marcia", "Parminder", "Bilal", "Sadia", "Jun",
         "Mei Ling", "Rania", "Tariq", "Owain", "Gwen", "Doreen", "Trevor", "Leon", "Jodie", "Ashok", "Lakshmi"]
LAST = ["Warsame", "Farah", "Hassan", "Abdi", "Zielinski", "Wojcik", "Kaminska", "Popescu", "Ionescu", "Dumitru",
        "Constantin", "McDonagh", "Ward", "Connors", "Boateng", "Asante", "Okoro", "Eze", "Nwosu", "Gill",
        "Dhillon", "Sidhu", "Chaudhry", "Rahman", "Uddin", "Miah", "Chowdhury", "Liu", "Zhao", "Huang", "Nguyen",
        "Al-Amin", "Haddad", "Mansour", "Pryce", "Llewellyn", "Bowen", "Griffiths", "Pearce", "Cooper", "Baxter",
        "Greenwood", "Fairclough", "Oduya", "Mwangi", "Kovacs", "Petrov", "Ní Bhriain", "O'Driscoll", "Kapoor",
        "Vaghela", "Mistry", "Thompson-Blake", "Whitlock", "Gowda", "Lungu"]
NICK = ["Ifi", "Kas", "Bartek", "Nutu", "Big Tone", "Chazza", "Deano", "Babs", "Tilly", "Jojo", "Rukhi", "Mags",
        "Spud", "Bazza", "Ginge", "Digger", "Lolly", "Sami", "Tizzy", "Flo", "Paddy", "Dee-Dee", "Mikey B",
        "Shaz", "Kelz", "Tommo", "Nonna", "Biggie", "Princess", "Dolly"]
ROLE_F = ["nan", "mum", "sister", "auntie", "stepmum", "wife", "eldest daughter", "granddaughter", "foster mum",
          "twin sister", "great-nan", "niece"]
ROLE_M = ["grandad", "dad", "older brother", "little brother", "uncle", "husband", "son", "nephew", "brother-in-law",
          "stepdad"]
ROLE_ANY = ["cousin", "partner", "youngest", "other half", "fiancé", "best mate"]
FEMALE = ["Hodan", "Ifrah", "Sagal", "Kasia", "Gosia", "Mihaela", "Andreea", "Lavinia", "Sinead", "Bridget",
          "Chantelle", "Abena", "Folake", "Nkechi", "Harpreet", "Rukhsana", "Shamima", "Tahmina", "Xiaoling", "Layla",
          "Yasmin", "Cerys", "Ffion", "Maureen", "Elsie", "Joyce", "Maisie", "Shanice", "Efua", "Nasra", "Teodora",
          "Roxana", "Caoimhe", "Kerry-Ann", "Marcia", "Sadia", "Mei Ling", "Rania", "Gwen", "Doreen", "Jodie", "Lakshmi"]
MALE = ["Abdirahman", "Mahad", "Piotr", "Bartosz", "Dariusz", "Ionut", "Florin", "Vasile", "Padraig", "Tiernan",
        "Kayden", "Jermaine", "Tunde", "Emeka", "Jaspal", "Farhan", "Omar", "Khalid", "Gethin", "Dafydd", "Dennis",
        "Stanley", "Alfie", "Yaw", "Anton", "Michal", "Martin", "Delroy", "Bilal", "Tariq", "Owain", "Trevor",
        "Leon", "Ashok"]
TITLE = ["Dr ", "Dr. ", "Mrs ", "Mr ", "Ms ", "Miss ", "Nurse ", "Sister ", "Councillor ", "Professor ", "Father ",
         "Imam ", "PC ", "Dr "]
PLACE = ["Newham", "Tower Hamlets", "Lewisham", "Haringey", "Croydon", "Southall", "Wembley", "Ilford", "Barking",
         "Hackney", "Brent", "Enfield", "Leyton", "Forest Gate", "East Ham", "Leicester", "Nottingham", "Walsall",
         "Dudley", "Smethwick", "Sparkhill", "Alum Rock", "Loughborough", "Stoke", "Nuneaton", "Kettering", "Corby",
         "Northampton", "Wellingborough", "Hinckley", "Norwich", "Peterborough", "Wisbech", "King's Lynn",
         "Great Yarmouth", "Lowestoft", "Thetford", "Boston", "Spalding", "Long Sutton", "Chatteris", "Dereham",
         "Swaffham", "Plymouth", "Exeter", "Torquay", "Bristol", "Taunton", "Weston-super-Mare", "Barnstaple",
         "Yeovil", "Bridgwater", "Paignton", "Stonehouse", "Easton", "Mogadishu", "Hargeisa", "Iasi", "Craiova",
         "Lublin", "Sylhet", "Mirpur", "Kingston", "Lagos", "Accra", "Kumasi", "Galway", "Fuzhou", "Tralee"]
#: Misspelt place names, as they come in typed comments and rushed notes.
PLACE_TYPO = ["Peterbrough", "Leicster", "Nottingam", "Wisbeach", "Lowestoff", "Northamton", "Plymoth", "Hackeny"]
STREET_BASE = ["Green Street", "Soho Road", "Stratford Road", "Ladypool Road", "Narborough Road", "Belgrave Gate",
               "Alum Rock Road", "Magdalen Street", "Lincoln Road", "Union Street", "Stapleton Road",
               "Kingsland High Street", "Whitechapel Road", "Cobden Street", "Mafeking Road", "Jubilee Way",
               "Sycamore Close", "Millfield Avenue", "Prince of Wales Road", "Fen Lane", "Mount Pleasant",
               "Tavistock Place", "Rookery Lane", "Cemetery Road", "Gipsy Lane", "Abbey Park Road", "Ferndale Crescent",
               "Dovecote Drive", "Wharf Street", "Harrow Road", "Mulberry Walk", "Cromwell Terrace"]
FLAT = ["Flat 3, ", "Flat 2b, ", "flat 11, ", "Flat 7 ", "Apt 4, ", "Unit 6, ", "Room 12, "]
POST_FULL = ["E13 9AX", "E1 6QL", "SE13 5LE", "N17 9JJ", "CR0 2RH", "UB1 3HB", "HA9 0WS", "IG1 4RT", "E8 2NS",
             "LE2 0QU", "LE4 6FP", "NG7 2UH", "WS1 4AA", "DY1 1QX", "B11 4RT", "B8 1HE", "NN1 3LF", "PE1 2TW",
             "PE13 1AB", "NR3 1HJ", "NR30 2PQ", "PL4 8AA", "EX4 6TY", "TQ1 3EQ", "BS5 0HE", "TA1 2PX", "CV11 5TX"]
POST_PART = ["E13", "E17", "SE6", "N15", "B11", "B8", "LE5", "NG7", "PE1", "NR30", "PL1", "BS5", "WS2", "NN16"]

HEALTH = ["{P} CAMHS", "{P} Crisis Resolution and Home Treatment Team", "Ward {n}", "{W} Ward", "{P} Royal Infirmary",
          "{P} Recovery Partnership", "Mind in {P}", "{P} Talking Therapies", "{P} Early Intervention in Psychosis",
          "{W} Surgery", "{W} Medical Practice", "{W} Health Centre", "{P} Jobcentre Plus", "{P} Housing Options",
          "Citizens Advice {P}", "{P} Homeless Persons Unit", "{P} Drug and Alcohol Service", "{W} Lodge",
          "{P} Food Bank", "{P} Adult Social Care", "{P} Memory Clinic", "{W} Day Centre", "{P} Women's Aid"]
HEALTH_NAMED = ["Derriford Hospital", "Glenfield Hospital", "Queen's Medical Centre", "Hellesdon Hospital",
                "Musgrove Park Hospital", "Torbay Hospital", "Heartlands A&E", "Homerton", "Newham General",
                "Turning Point", "Change Grow Live", "St Mungo's", "akt", "Mermaids", "Switchboard", "Shelter",
                "Kooth", "Papyrus", "Age UK Norfolk", "Leicestershire Partnership Trust", "Barnardo's",
                "Bradbury Ward", "Rethink", "Samaritans", "Stonewall Housing", "Via", "Forward Trust", "Brook"]
#: Organisations written with a "the" in front (gold leaves the "the" out).
THE_HEALTH = ["Bridge Project", "Lighthouse Centre", "Mulberry Unit", "Willow Suite", "Beacon Centre",
              "Lotus Clinic", "Haven", "Meadows", "Orchard Centre", "Harbour"]
WARD_WORD = ["Bramley", "Fernbank", "Linden", "Hawthorn", "Rowan", "Larch", "Oakwood", "Thornbury", "Wren",
             "Kingfisher", "Sandringham", "Heron", "Ashdown", "Chestnut", "Elm Tree", "Marsh Lane"]
SCHOOL = ["Newham Sixth Form College", "NewVIC", "Loughborough College", "City of Bristol College",
          "University of East Anglia", "UEA", "De Montfort", "DMU", "Plymouth Marjon", "Bishop Challoner",
          "Gateway Sixth Form", "Wyggeston and Queen Elizabeth I College", "St Bonaventure's", "Brampton Manor",
          "King Edward VI Camp Hill", "Hewett Academy", "Peterborough Regional College", "Exeter College",
          "Goldsmiths", "the Open University", "Aston Uni", "Heartlands Academy", "Lealands High",
          "Sir John Leman", "Thomas Clarkson Academy", "St Peter's Primary", "Ravenscroft Infants",
          "Tor Bridge High", "Highbury College", "Moulton College", "the Pupil Referral Unit in {P}",
          "{P} College", "{W} Primary", "{W} Academy", "{P} Grammar"]
WORK = ["Tesco", "Boots", "Nando's", "Sports Direct", "Walkers", "Pret", "Royal Mail", "Leicester City Council",
        "Hovis", "Bernard Matthews", "JCB", "Rolls-Royce", "Jaguar Land Rover", "Deliveroo", "Uber Eats", "Lidl",
        "Wetherspoons", "Greene King", "Bristol Airport", "Babcock", "Newham Council", "TfL", "Premier Inn",
        "Poundland", "Specsavers", "Bluebird Care", "Home Instead", "Toyota", "Next", "Argos", "KFC", "Greggs",
        "Screwfix", "Travis Perkins", "Aviva", "Norse", "Cromer Crab Company", "Princes", "Thorntons",
        "Westfield Stratford", "B&Q", "Dunelm", "Sainsbury's", "Iceland", "the Co-op", "Matalan", "Octopus Energy",
        "Whitbread", "Amazon", "ASOS"]
WORK_SHAPE = ["{S}'s Bakery", "{S} Brothers Haulage", "{S} & Co Solicitors", "{P} Cash and Carry",
              "{W} Care Home", "{P} Packing Ltd", "{S} Motors", "{W} Farm Shop", "{P} Council", "{W} Nursery"]
WEEKDAY = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTH = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
         "November", "December"]
MON3 = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"]
#: Links per platform, for sentences that name the platform (``url:telegram``); others take any.
URL_BY_FORM = {"telegram": ["t.me/{a}_{b}", "t.me/joinchat/{code}"], "whatsapp": ["chat.whatsapp.com/{code}"],
               "pinterest": ["uk.pinterest.com/{a}{b}", "pinterest.co.uk/{a}_{b}/group-ideas"],
               "gofundme": ["www.gofundme.com/f/{a}-{b}", "gofundme.com/f/help-{a}-home"],
               "facebook": ["facebook.com/groups/{a}{b}", "www.facebook.com/groups/{P0}-mums"],
               "substack": ["{a}{b}.substack.com", "https://{a}{b}.substack.com/p/the-waiting-list"]}
PLATFORM_URL = ["www.gofundme.com/f/{a}-{b}", "gofundme.com/f/help-{a}-home", "facebook.com/groups/{a}{b}",
                "www.facebook.com/groups/{P0}-mums", "chat.whatsapp.com/{code}", "t.me/{a}_{b}",
                "uk.pinterest.com/{a}{b}", "{a}{b}.substack.com", "{a}{b}.wordpress.com", "linktr.ee/{a}.{b}",
                "https://bit.ly/{code}", "https://www.justgiving.com/page/{a}-{b}", "www.{a}{b}.co.uk",
                "https://{a}-{b}.blogspot.com", "youtube.com/@{a}{b}", "www.tiktok.com/@{a}.{b}"]
MAIL_HOST = ["gmail.com", "hotmail.co.uk", "outlook.com", "yahoo.co.uk", "btinternet.com", "nhs.net", "icloud.com",
             "live.co.uk", "newham.gov.uk", "uea.ac.uk", "mind-haringey.org.uk", "aol.com"]
PHONE_PREFIX = ["0113 496", "0114 496", "0115 496", "0116 496", "0117 496", "0121 496", "0161 496", "020 7946",
                "01632 960", "0191 498"]

ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORD_WORD = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh", 8: "eighth",
            9: "ninth", 10: "tenth", 11: "eleventh", 12: "twelfth", 13: "thirteenth", 14: "fourteenth",
            15: "fifteenth", 16: "sixteenth", 17: "seventeenth", 18: "eighteenth", 19: "nineteenth", 20: "twentieth",
            21: "twenty-first", 22: "twenty-second", 23: "twenty-third", 24: "twenty-fourth", 25: "twenty-fifth",
            26: "twenty-sixth", 27: "twenty-seventh", 28: "twenty-eighth", 29: "twenty-ninth", 30: "thirtieth",
            31: "thirty-first"}


def words(n: int, hyphen: bool = True) -> str:
    """A number from 0 to 199 in English words ("forty-two", "a hundred and three")."""
    if n >= 100:
        rest = n - 100
        return "a hundred" + (f" and {words(rest, hyphen)}" if rest else "")
    if n < 20:
        return ONES[n]
    tens, unit = divmod(n, 10)
    return TENS[tens] + (("-" if hyphen else " ") + ONES[unit] if unit else "")


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def said_year(year: int) -> str:
    """A year as people say it: "nineteen eighty-four", "two thousand and six", "twenty nineteen"."""
    if year >= 2010:
        return f"twenty {words(year - 2000)}"
    if year > 2000:
        return f"two thousand and {words(year - 2000)}"
    if year == 2000:
        return "two thousand"
    return f"nineteen {words(year - 1900, hyphen=False)}"


def spoken_digits(digits: str, rng: random.Random) -> str:
    """Digits read aloud: 'oh' or 'zero', sometimes 'double'."""
    out: list[str] = []
    i = 0
    while i < len(digits):
        d = digits[i]
        if d == " ":
            i += 1
            continue
        name = ("oh" if rng.random() < 0.7 else "zero") if d == "0" else ONES[int(d)]
        if i + 1 < len(digits) and digits[i + 1] == d and rng.random() < 0.6:
            out.append(f"double {name}")
            i += 2
        else:
            out.append(name)
            i += 1
    return " ".join(out)


def person(rng: random.Random, form: str = "") -> Fill:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    if form == "first":
        return "", first, ""
    if form == "titled":
        return rng.choice(TITLE), last if rng.random() < 0.8 else f"{first[0]}. {last}", ""
    if form == "full" or rng.random() < 0.45:
        return "", f"{first} {last}", ""
    return "", first, ""


def nickname(rng: random.Random, form: str = "") -> Fill:
    return "", rng.choice(NICK), ""


def possessive(rng: random.Random, form: str = "") -> Fill:
    name = rng.choice(FIRST) if rng.random() < 0.75 else f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    return "", name, rng.choice(["'s", "'s", "’s", "s"]) if not name.endswith("s") else "'"


def relative(rng: random.Random, form: str = "") -> Fill:
    roles, names = rng.choice([(ROLE_F, FEMALE), (ROLE_M, MALE), (ROLE_ANY, FIRST)])
    role, name = rng.choice(roles), rng.choice(names)
    if form == "after":
        return "", name, f", my {role},"
    owner = rng.choice(["my ", "my ", "me ", "our ", "her ", "his "])
    return f"{owner}{role} ", name, ""


def age(rng: random.Random, form: str = "") -> Fill:
    """An age. ``form`` may hold ``young`` (3-19), ``old`` (60-97), ``digits`` or ``words``."""
    if "young" in form:
        n = rng.randint(3, 19)
    elif "old" in form:
        n = rng.randint(60, 97)
    else:
        n = rng.choice([rng.randint(3, 19), rng.randint(20, 59), rng.randint(60, 97)])
    if "digits" in form or ("words" not in form and rng.random() < 0.4):
        return "", str(n), ""
    return "", words(n, hyphen=rng.random() < 0.6), ""


def date(rng: random.Random, form: str = "") -> Fill:
    """A date. ``the``: a form said after "the" ("3rd of March"); ``num``: written with digits;
    ``year``: a year alone, in digits or words; otherwise any form."""
    day, month, year = rng.randint(1, 28), rng.randrange(12), rng.randint(1958, 2025)
    if form == "the":
        return "", rng.choice([f"{ordinal(day)} of {MONTH[month]}", f"{ORD_WORD[day]} of {MONTH[month]}",
                               f"{ordinal(day)} {MONTH[month]}", f"{ordinal(day)} of {MON3[month]} {year}"]), ""
    if form == "num":
        return "", rng.choice([f"{day:02d}/{month + 1:02d}/{year}", f"{day}.{month + 1}.{str(year)[2:]}",
                               f"{year}-{month + 1:02d}-{day:02d}", f"{day}/{month + 1}/{str(year)[2:]}"]), ""
    if form == "year":
        return "", rng.choice([str(year), said_year(year)]), ""
    return "", rng.choice([f"{MONTH[month]} {year}", f"{WEEKDAY[rng.randrange(7)]} {ordinal(day)} {MONTH[month]}",
                           f"{day} {MON3[month]} {year}", f"{MONTH[month]} {ordinal(day)}", f"{day}/{month + 1}/{year}",
                           f"{WEEKDAY[rng.randrange(7)]} the {ORD_WORD[day]}", f"Christmas Eve {year}",
                           f"{MONTH[month].lower()} {year}"]), ""


def place(rng: random.Random, form: str = "") -> Fill:
    if form == "typo" or rng.random() < 0.05:
        return "", rng.choice(PLACE_TYPO), ""
    return "", rng.choice(PLACE), ""


def street(rng: random.Random, form: str = "") -> Fill:
    base = rng.choice(STREET_BASE)
    if form == "bare":
        return "", base, ""
    r = rng.random()
    if form == "said" or r < 0.2:
        return "", f"{words(rng.randint(2, 99))} {base}", ""
    if r < 0.35:
        return "", f"{rng.choice(FLAT)}{rng.randint(1, 140)} {base}", ""
    if r < 0.75:
        return "", f"{rng.randint(1, 240)}{rng.choice(['', '', 'a', 'B'])} {base}", ""
    return "", base, ""


def postcode(rng: random.Random, form: str = "") -> Fill:
    if form == "part" or (form != "full" and rng.random() < 0.35):
        return "", rng.choice(POST_PART), ""
    code = rng.choice(POST_FULL)
    return "", code.lower() if rng.random() < 0.12 else code.replace(" ", "") if rng.random() < 0.1 else code, ""


def _shape(rng: random.Random, shape: str) -> str:
    return shape.format(P=rng.choice(PLACE[:55]), W=rng.choice(WARD_WORD), S=rng.choice(LAST), n=rng.randint(1, 32))


def health_org(rng: random.Random, form: str = "") -> Fill:
    if form == "ward":
        return "", _shape(rng, rng.choice(["Ward {n}", "{W} Ward", "{W}"])), ""
    r = rng.random()
    if r < 0.2:
        return "the ", rng.choice(THE_HEALTH), ""
    if r < 0.5:
        return "", rng.choice(HEALTH_NAMED), ""
    return "", _shape(rng, rng.choice(HEALTH)), ""


def school(rng: random.Random, form: str = "") -> Fill:
    name = _shape(rng, rng.choice(SCHOOL))
    if name.startswith("the "):
        return "the ", name[4:], ""
    return "", name, ""


def workplace(rng: random.Random, form: str = "") -> Fill:
    name = rng.choice(WORK) if rng.random() < 0.7 else _shape(rng, rng.choice(WORK_SHAPE))
    if name.startswith("the "):
        return "the ", name[4:], ""
    return "", name, ""


def phone(rng: random.Random, form: str = "") -> Fill:
    if rng.random() < 0.5:
        digits = f"07700 900{rng.randint(0, 999):03d}"
    else:
        prefix = rng.choice(PHONE_PREFIX)
        tail = f"{rng.randint(0, 999):03d}"
        digits = f"{prefix}{tail}" if prefix.startswith("01632") else f"{prefix} 0{tail}"
    if form == "said":
        return "", spoken_digits(digits, rng), ""
    flat = digits.replace(" ", "")
    shapes = [digits, flat, "+44 " + digits[1:], digits.replace(" ", "-", 1)]
    if not digits.startswith("07"):
        shapes.append(f"({digits.split()[0]}) " + " ".join(digits.split()[1:]))
    return "", rng.choice(shapes), ""


def nhs_digits(rng: random.Random) -> str:
    """Ten digits whose last is the modulus-11 check digit."""
    while True:
        body = [rng.randint(0, 9) for _ in range(9)]
        body[0] = rng.randint(4, 9)
        check = 11 - sum(d * w for d, w in zip(body, range(10, 1, -1), strict=True)) % 11
        if check == 11:
            check = 0
        if check != 10:
            return "".join(map(str, body)) + str(check)


def nhs_number(rng: random.Random, form: str = "") -> Fill:
    d = nhs_digits(rng)
    if form == "said":
        return "", spoken_digits(f"{d[:3]} {d[3:6]} {d[6:]}", rng), ""
    return "", rng.choice([f"{d[:3]} {d[3:6]} {d[6:]}", d, f"{d[:3]}-{d[3:6]}-{d[6:]}", f"{d[:3]} {d[3:6]} {d[6:]}"]), ""


def _bits(rng: random.Random) -> tuple[str, str]:
    a = rng.choice(FIRST).lower().replace(" ", "").replace("-", "")
    b = rng.choice(LAST).lower().replace(" ", "").replace("'", "").replace("-", "").replace("í", "i")
    return a, b


def email(rng: random.Random, form: str = "") -> Fill:
    a, b = _bits(rng)
    host = rng.choice(MAIL_HOST)
    local = rng.choice([f"{a}.{b}", f"{a}{b}{rng.randint(70, 99)}", f"{a[0]}{b}", f"{a}_{b}", f"{b}.{a}{rng.randint(1, 9)}"])
    if form == "said":
        spoken_local = local.replace(".", " dot ").replace("_", " underscore ")
        spoken_local = "".join(f" {words(int(c))} " if c.isdigit() else c for c in spoken_local)
        spoken_host = host.replace(".", " dot ")
        return "", " ".join(f"{spoken_local} at {spoken_host}".split()), ""
    return "", f"{local}@{host}", ""


def url(rng: random.Random, form: str = "") -> Fill:
    a, b = _bits(rng)
    code = "".join(rng.choice("abcdefghjkmnpqrstuvwxyzABCDEFGH23456789") for _ in range(rng.randint(6, 10)))
    link = rng.choice(URL_BY_FORM.get(form, PLATFORM_URL)).format(a=a, b=b, code=code, P0=rng.choice(PLACE[:30]).lower().replace(" ", ""))
    if form == "said":
        link = link.replace("https://", "").replace("www.", "w w w dot ")
        return "", " ".join(link.replace(".", " dot ").replace("/", " forward slash ").replace("-", " dash ").split()), ""
    return "", link, ""


def handle(rng: random.Random, form: str = "") -> Fill:
    a, b = _bits(rng)
    name = rng.choice([f"{a}_{b}", f"{a}.{b[:4]}", f"{a}{rng.randint(1, 99)}", f"the_real_{a}", f"{b}{a[:3]}x",
                       f"{a}_draws", f"{a}.{b}.ldn"])
    if form == "said":
        return "", "at " + name.replace("_", " underscore ").replace(".", " dot "), ""
    if form == "bare":
        return "", name, ""
    return "", "@" + name, ""


MAKERS = {"person": person, "nickname": nickname, "possessive": possessive, "relative": relative, "age": age,
          "date": date, "place": place, "street": street, "postcode": postcode, "health_org": health_org,
          "school": school, "workplace": workplace, "phone": phone, "email": email, "nhs_number": nhs_number,
          "url": url, "handle": handle}
