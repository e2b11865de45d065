"""Value makers of the EIGHTH de-identification part: one function per slot, each returning a phrase
whose identifier is marked ``⟦kind|text⟧`` (the words around it, such as a title, "my nan" or a
leading "the", stay outside the mark, as the scorer's gold conventions want).

Owns the part's own value lists (names of many origins, UK towns and villages, streets, services,
schools, employers) and the spoken forms of numbers, dates, phones, e-mails, links and handles.
Nothing here is drawn from the other parts' lists.
"""

from __future__ import annotations

from collections.abc import Callable
from random import Random

FIRST = [
    # South Asian
    "Sandeep", "Harpreet", "Rukhsana", "Shabnam", "Bilal", "Nasreen", "Anjali", "Faisal", "Parveen", "Jaspal",
    "Mehwish", "Rajinder", "Sukhvinder", "Tahir",
    # African and Caribbean
    "Tunde", "Chiamaka", "Abena", "Kwabena", "Nkechi", "Yaw", "Folake", "Emeka", "Tendai", "Delroy", "Marcia",
    "Winston", "Ifeoma", "Babajide",
    # East European
    "Kasia", "Radek", "Dorota", "Andrzej", "Lucie", "Vasile", "Ionela", "Mihai", "Jolanta", "Gintaras", "Bartek",
    # Irish, Scottish, Welsh
    "Aoife", "Ciaran", "Sinead", "Padraig", "Orla", "Eoin", "Grainne", "Morag", "Fraser", "Cerys", "Gethin",
    "Iolo", "Angharad", "Dafydd", "Rhiannon", "Ffion",
    # Chinese, Arabic
    "Xiaoling", "Jun", "Wen", "Meiling", "Khalid", "Layla", "Rania", "Samir", "Yasmin", "Hisham",
    # older English
    "Edna", "Maureen", "Derek", "Trevor", "Pauline", "Brenda", "Keith", "Gillian", "Malcolm", "Janice",
]
LAST = [
    "Bhattacharya", "Chaudhry", "Mistry", "Dhaliwal", "Rehman", "Adewale", "Oyelaran", "Asante", "Nwosu", "Mutasa",
    "Boateng", "Kaminska", "Dvorak", "Popescu", "Zielinski", "Kavaliauskas", "Brennan", "Doherty", "Quinn",
    "Mulholland", "Liu", "Zhao", "Wong", "Haddad", "Al-Amin", "Nasser", "Pritchard", "Llewellyn", "Prys",
    "Gwilym", "Ackroyd", "Sutcliffe", "Thistlethwaite", "Fairclough", "McBride", "Grant", "Okoro", "Ferreira",
]
#: The female first names above; relatives named by a gendered role take a name of that gender.
FEMALE = {"Harpreet", "Rukhsana", "Shabnam", "Nasreen", "Anjali", "Parveen", "Mehwish", "Sukhvinder", "Chiamaka",
          "Abena", "Nkechi", "Folake", "Marcia", "Ifeoma", "Kasia", "Dorota", "Lucie", "Ionela", "Jolanta", "Aoife",
          "Sinead", "Orla", "Grainne", "Morag", "Cerys", "Angharad", "Rhiannon", "Ffion", "Xiaoling", "Meiling",
          "Layla", "Rania", "Yasmin", "Edna", "Maureen", "Pauline", "Brenda", "Gillian", "Janice"}
TITLE = ["Dr", "Dr.", "Mr", "Mrs", "Ms", "Miss", "Nurse", "Sister", "Councillor", "Father"]
NICK = ["Gaz", "Dimps", "Big Tel", "Shaggy", "Moz", "Bazza", "Titch", "Bubbles", "Kez", "Jojo", "Sparky", "Dougie",
        "Mags", "Chucky", "Lulu", "Boo", "Taz", "Nobby", "Jinx", "Beano", "Smudge", "Pickle"]
#: Relative roles, each with the gender of name it takes ("" for either).
ROLE = {"my nan": "f", "my grandad": "m", "me mam": "f", "my mum": "f", "my dad": "m", "our kid": "",
        "my sister": "f", "my brother": "m", "my husband": "m", "my wife": "f", "my son": "m", "my daughter": "f",
        "my partner": "", "my cousin": "", "my auntie": "f", "my uncle": "m", "my stepmum": "f", "my eldest": "",
        "my youngest": "", "me brother": "m", "my fiance": "m", "my granddaughter": "f", "my nephew": "m",
        "my mother-in-law": "f"}
TOWN = ["Tredegar", "Llandudno", "Ballymena", "Paisley", "Mevagissey", "Hebden Bridge", "Todmorden", "Ossett",
        "Mirfield", "Heckmondwike", "Cleckheaton", "Brighouse", "Sowerby Bridge", "Skipton", "Settle", "Whitby",
        "Redcar", "Hartlepool", "Ashington", "Consett", "Workington", "Morecambe", "Fleetwood", "Accrington",
        "Nelson", "Colne", "Bacup", "Glossop", "Buxton", "Mansfield", "Worksop", "Kettering", "Corby", "Wellingborough",
        "Rushden", "Daventry", "Merthyr Tydfil", "Aberdare", "Pontypridd", "Port Talbot", "Larne", "Omagh",
        "Kilmarnock", "Motherwell", "Harehills", "Small Heath", "Moss Side", "Levenshulme", "Hulme", "Lozells",
        "Holbeck", "Thornaby", "Meltham", "Slaithwaite", "Great Horton", "Manningham", "Girlington"]
STREET = ["Brackenbury", "Tennyson", "Ellesmere", "Moorfield", "Harland", "Kestrel", "Marsden", "Coronation",
          "Jubilee", "Prospect", "Sycamore", "Whitehall", "Bankfield", "Greenside", "Ravenscliffe", "Lister",
          "Carr", "Owlcotes", "Fieldhead", "Haworth", "Blenheim", "Garibaldi"]
STREET_TYPE = ["Road", "Street", "Lane", "Avenue", "Close", "Court", "Drive", "Crescent", "Grove", "Terrace", "Walk",
               "Rise", "Mount", "Gardens", "View"]
AREA = ["LS", "BD", "HX", "HD", "WF", "S", "M", "L", "B", "CF", "SA", "BT", "G", "NE", "SR", "NN", "LE", "CV", "OL",
        "BB", "PR", "TS", "DH", "NP", "LL"]
HEALTH = ["Fernbank Surgery", "Millfield Medical Centre", "Pinderfields Hospital", "Calderdale Royal Hospital",
          "Ward 19", "Ward 4b", "Ashdown Ward", "Kirkwood Hospice", "Calderdale Crisis Team", "Northampton General",
          "Berrywood Hospital", "St Crispin Clinic", "Mind in Bradford", "Age UK Calderdale", "Turning Point Wakefield",
          "Spectrum Community Health", "Marillier Unit", "Cossham Hospital", "Withington Community Hospital",
          "Lowfield Lane Practice", "Eastbrook Surgery", "Sheffield Children's", "Jimmy's", "the Becklin Centre",
          "Cygnet Hospital Wyke", "Rethink Mental Illness", "Leeds Samaritans", "Leeds Survivor Led Crisis Service",
          "Sutton Lodge", "Carers Count Kirklees", "Oakwood Ward", "Hollins Park", "the Willow Unit",
          "Harrogate District Hospital", "Fieldhead Hospital", "the Bradford Teaching Hospitals trust"]
SCHOOL = ["Thornhill Academy", "St Bede's", "Calder High", "Leeds Beckett", "Bradford College",
          "Sheffield Hallam University", "Ysgol Gyfun Rhydywaun", "Moorside Primary", "Hipperholme Grammar",
          "Huddersfield New College", "Greenhead College", "Notre Dame Sixth Form", "Kettering Buccleuch Academy",
          "Our Lady of Lourdes", "Batley Girls' High", "Park Lane College", "the University of Bradford",
          "Salford Uni", "Queen's University Belfast", "Cardiff Met", "Rastrick High", "Tong Leadership Academy",
          "Wyke Manor", "Bingley Grammar"]
WORK = ["Asda", "Jaguar Land Rover", "Marks and Spencer", "Greggs", "Bettys", "Kirklees Council",
        "Calderdale Council", "Morrisons head office", "Arriva", "First Bus", "Tesco Extra", "Sports Direct",
        "Nestle", "Sainsbury's", "Royal Mail", "Amazon", "Huddersfield Town", "Lidl",
        "Pennine Care", "Taylors of Harrogate", "Dunelm", "Halifax Building Society", "Boyes", "Grattan",
        "Fox's Biscuits", "Burberry", "Wetherspoons", "Keighley Jobcentre", "Superdrug",
        "Airedale Springs Ltd", "B&M", "Hovis", "Ocado"]
DOMAIN = ["gmail.com", "hotmail.co.uk", "yahoo.co.uk", "outlook.com", "btinternet.com", "icloud.com",
          "live.co.uk", "sky.com"]
SITE = ["www.kirkleescarers.org.uk", "calderdalemind.org.uk", "www.justgiving.com/page/nana-edna-walk",
        "https://www.gofundme.com/f/help-tendai-get-home", "facebook.com/groups/spenvalleymums",
        "www.bradfordsanctuary.org", "https://linktr.ee/kez_makes", "youtube.com/@gethinrunsmiles",
        "http://www.ossettrecoverycafe.co.uk/groups", "tiktok.com/@jojo.bakes", "www.pauseprogramme.co.uk",
        "https://forms.gle/ab12CdEf34", "www.eastleedsfoodbank.org.uk", "bit.ly/3xYwq9k"]
SAID_SITE = ["double-u double-u double-u dot kirklees carers dot org dot uk", "calderdale mind dot org dot uk",
             "w w w dot ossett recovery cafe dot co dot uk", "facebook dot com slash spen valley mums",
             "justgiving dot com forward slash nana edna walk", "linktree slash kez makes"]
APP = ["insta", "Instagram", "TikTok", "twitter", "Snapchat", "snap", "Facebook", "X"]

ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORD = {"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth", "nine": "ninth",
       "twelve": "twelfth", "twenty": "twentieth", "thirty": "thirtieth"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
DIGIT = ["oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def mark(kind: str, text: str) -> str:
    return f"⟦{kind}|{text}⟧"


def words(n: int) -> str:
    """0-99 in words, hyphenated as written ("ninety-one")."""
    if n < 20:
        return ONES[n]
    tens, ones = divmod(n, 10)
    return TENS[tens] + ("-" + ONES[ones] if ones else "")


def ordinal_words(n: int) -> str:
    w = words(n)
    last = w.split("-")[-1]
    last = ORD.get(last, last + "th")
    return "-".join([*w.split("-")[:-1], last])


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def year_said(y: int) -> str:
    if 2000 <= y <= 2009:
        return "two thousand and " + words(y - 2000)
    return words(y // 100) + " " + (words(y % 100) if y % 100 >= 10 else "oh " + words(y % 100))


def digits_said(digits: str, r: Random) -> str:
    """A digit string said aloud, runs of a repeated digit sometimes as "double"."""
    out: list[str] = []
    i = 0
    while i < len(digits):
        if i + 1 < len(digits) and digits[i] == digits[i + 1] and r.random() < 0.6:
            out.append("double " + DIGIT[int(digits[i])])
            i += 2
        else:
            out.append(DIGIT[int(digits[i])] if digits[i] != "0" or r.random() < 0.8 else "zero")
            i += 1
    return " ".join(out)


def full_name(r: Random) -> str:
    return f"{r.choice(FIRST)} {r.choice(LAST)}"


def person(r: Random, spoken: bool) -> str:
    roll = r.random()
    if roll < 0.3:
        name = full_name(r)
        return mark("person", name.lower() if spoken and r.random() < 0.15 else name)
    if roll < 0.55:
        return f"{r.choice(TITLE)} {mark('person', r.choice(LAST))}"
    if roll < 0.65:
        return f"{r.choice(TITLE[:3])} {mark('person', full_name(r))}"
    name = r.choice(FIRST)
    return mark("person", name.lower() if spoken and r.random() < 0.2 else name)


def surname(r: Random, spoken: bool) -> str:
    return mark("person", r.choice(LAST))


def first(r: Random, spoken: bool) -> str:
    return mark("person", r.choice(FIRST))


def first_male(r: Random, spoken: bool) -> str:
    return mark("person", r.choice([n for n in FIRST if n not in FEMALE]))


def nickname(r: Random, spoken: bool) -> str:
    nick = r.choice(NICK)
    return mark("nickname", nick.lower() if spoken and r.random() < 0.2 else nick)


def possessive(r: Random, spoken: bool) -> str:
    roll = r.random()
    if roll < 0.2:
        return f"{r.choice(TITLE[:6])} {mark('possessive', r.choice(LAST))}'s"
    name = full_name(r) if roll < 0.35 else r.choice(FIRST)
    if spoken and r.random() < 0.15:
        name = name.lower()
    return mark("possessive", name) + ("'" if name.endswith("s") else "'s")


def relative(r: Random, spoken: bool) -> str:
    role = r.choice(sorted(ROLE))
    names = [n for n in FIRST if ROLE[role] == "" or (n in FEMALE) == (ROLE[role] == "f")]
    name = r.choice(names)
    if r.random() < 0.15:
        name += " " + r.choice(LAST)
    if spoken and r.random() < 0.15:
        name = name.lower()
    sep = ", " if r.random() < 0.2 else " "
    return f"{role}{sep}{mark('relative', name)}"


def age(r: Random, spoken: bool, low: int = 3, high: int = 97) -> str:
    n = r.randint(low, high) if (low, high) != (3, 97) else r.choice(
        [r.randint(3, 19), r.randint(20, 59), r.randint(60, 97)])
    if spoken:
        return mark("age", words(n) if r.random() < 0.75 else str(n))
    return mark("age", str(n) if r.random() < 0.8 else words(n))


def age_child(r: Random, spoken: bool) -> str:
    return age(r, spoken, 2, 17)


def age_old(r: Random, spoken: bool) -> str:
    return age(r, spoken, 63, 98)


def date(r: Random, spoken: bool) -> str:
    d, m, y = r.randint(1, 28), r.randrange(12), r.randint(1998, 2024)
    month = MONTHS[m]
    if spoken:
        forms = [f"the {mark('date', f'{ordinal_words(d)} of {month}')}",
                 f"the {mark('date', f'{ordinal_words(d)} of {month.lower()} {year_said(y)}')}",
                 mark("date", f"{month} the {ordinal_words(d)}"),
                 mark("date", f"{DAYS[r.randrange(7)]} the {ordinal(d)}"),
                 f"the {mark('date', f'{ordinal(d)} of {month}')}",
                 mark("date", f"{ordinal(d)} {month[:3]}"),
                 mark("date", f"Christmas Eve {y}"), mark("date", f"Boxing Day {year_said(y)}")]
    else:
        forms = [mark("date", f"{d}/{m + 1}/{y}"), mark("date", f"{d:02d}/{m + 1:02d}/{y % 100:02d}"),
                 mark("date", f"{ordinal(d)} {month} {y}"), mark("date", f"{d} {month[:3]} {y}"),
                 mark("date", f"{d:02d}.{m + 1:02d}.{y}"), mark("date", f"{DAYS[r.randrange(7)]} {d} {month}"),
                 f"the {mark('date', f'{ordinal(d)} of {month}')}", mark("date", f"{y}-{m + 1:02d}-{d:02d}"),
                 mark("date", f"{d}-{month[:3]}-{y % 100:02d}")]
    return r.choice(forms)


def month_year(r: Random, spoken: bool) -> str:
    m, y = r.randrange(12), r.randint(1998, 2024)
    if spoken:
        return mark("date", r.choice([f"{MONTHS[m].lower()} {year_said(y)}", f"{MONTHS[m]} {y}"]))
    return mark("date", r.choice([f"{MONTHS[m]} {y}", f"{MONTHS[m][:3]} {y}", f"{MONTHS[m]} '{y % 100:02d}"]))


def place(r: Random, spoken: bool) -> str:
    town = r.choice(TOWN)
    return mark("place", town.lower() if spoken and r.random() < 0.15 else town)


def street(r: Random, spoken: bool) -> str:
    name = f"{r.choice(STREET)} {r.choice(STREET_TYPE)}"
    roll = r.random()
    if roll < 0.35:
        return mark("street", name.lower() if spoken and r.random() < 0.2 else name)
    n = r.randint(1, 140)
    if roll < 0.5:
        return "flat " + mark("street", f"{r.randint(1, 30)}, {name}")
    if spoken and roll < 0.8:
        return "number " + mark("street", f"{words(min(n, 99))} {name}")
    return mark("street", f"{n}{'a' if r.random() < 0.1 else ''} {name}")


def postcode(r: Random, spoken: bool) -> str:
    area = r.choice(AREA)
    outward = f"{area}{r.randint(1, 29)}"
    inward = f"{r.randint(0, 9)}{r.choice('ABDEFGHJLNPQRSTUWXYZ')}{r.choice('ABDEFGHJLNPQRSTUWXYZ')}"
    roll = r.random()
    if roll < 0.3:
        return mark("postcode", outward)
    if roll < 0.45:
        return mark("postcode", f"{outward}{inward}".lower() if spoken else f"{outward}{inward}")
    if spoken and roll < 0.6:
        return mark("postcode", f"{outward} {inward}".lower())
    return mark("postcode", f"{outward} {inward}")


#: A name ending in one of these words is said with "the" in front now and then.
THE_WORDS = {"Hospital", "Centre", "Unit", "Team", "Clinic", "Hospice", "Practice", "Academy", "College",
             "University", "Service", "Council", "Society", "Surgery", "General", "Sixth Form", "Trust"}


def _org(r: Random, values: list[str], kind: str) -> str:
    value = r.choice(values)
    if value.startswith("the "):
        return "the " + mark(kind, value[4:])
    if r.random() < 0.35 and value.split()[-1] in THE_WORDS:
        return "the " + mark(kind, value)
    return mark(kind, value)


def health_org(r: Random, spoken: bool) -> str:
    return _org(r, HEALTH, "health_org")


def school(r: Random, spoken: bool) -> str:
    return _org(r, SCHOOL, "school")


def workplace(r: Random, spoken: bool) -> str:
    return _org(r, WORK, "workplace")


def phone(r: Random, spoken: bool) -> str:
    if r.random() < 0.6:
        digits = "07" + "".join(str(r.randrange(10)) for _ in range(9))
        parts = [digits[:5], digits[5:8], digits[8:]] if r.random() < 0.5 else [digits[:5], digits[5:]]
    else:
        code = r.choice(["0113", "0114", "0161", "0121", "01422", "01484", "01274", "01924", "01604", "029"])
        rest = "".join(str(r.randrange(10)) for _ in range(11 - len(code)))
        digits = code + rest
        parts = [code, rest[:3], rest[3:]] if len(rest) > 6 else [code, rest]
    if spoken and r.random() < 0.6:
        return mark("phone", ", ".join(digits_said(p, r) for p in parts))
    roll = r.random()
    if roll < 0.3:
        return mark("phone", digits)
    if roll < 0.45 and digits.startswith("07"):
        return mark("phone", "+44 " + digits[1:5] + " " + digits[5:])
    if roll < 0.55 and not digits.startswith("07"):
        return mark("phone", f"({parts[0]}) " + " ".join(parts[1:]))
    return mark("phone", " ".join(parts))


def email(r: Random, spoken: bool) -> str:
    first, last = r.choice(FIRST).lower(), r.choice(LAST).lower().replace("-", "")
    sep = r.choice([".", "_", ""])
    tail = str(r.randint(1, 99)) if r.random() < 0.4 else ""
    domain = r.choice(DOMAIN)
    if spoken and r.random() < 0.65:
        said_sep = {".": " dot ", "_": " underscore ", "": ""}[sep]
        said_domain = domain.replace(".", " dot ")
        return mark("email", f"{first}{said_sep}{last}{' ' + tail if tail else ''} at {said_domain}")
    return mark("email", f"{first}{sep}{last}{tail}@{domain}")


def nhs_number(r: Random, spoken: bool) -> str:
    while True:
        nine = [r.randrange(10) for _ in range(9)]
        if nine[0] == 0:
            continue
        check = 11 - sum(d * (10 - i) for i, d in enumerate(nine)) % 11
        if check == 11:
            check = 0
        if check != 10:
            break
    digits = "".join(map(str, nine)) + str(check)
    parts = [digits[:3], digits[3:6], digits[6:]]
    if spoken and r.random() < 0.6:
        return mark("nhs_number", ", ".join(" ".join(DIGIT[int(c)] for c in p) for p in parts))
    return mark("nhs_number", r.choice([" ".join(parts), digits, "-".join(parts)]))


def url(r: Random, spoken: bool) -> str:
    if spoken and r.random() < 0.45:
        return mark("url", r.choice(SAID_SITE))
    return mark("url", r.choice(SITE))


def handle(r: Random, spoken: bool) -> str:
    base = r.choice(FIRST).lower() + r.choice(["_", ".", "", "x"]) + r.choice(
        [r.choice(LAST).lower().replace("-", ""), str(r.randint(70, 99)), "makes", "bakes", "runs", "xo"])
    if spoken and r.random() < 0.3:
        return mark("handle", "at " + base.replace("_", " underscore ").replace(".", " dot "))
    if r.random() < 0.6:
        return mark("handle", "@" + base)
    return mark("handle", base)


def app(r: Random, spoken: bool) -> str:
    return r.choice(APP)


#: Slot name -> (gold kind it plants, maker). ``app`` plants nothing.
SLOTS: dict[str, tuple[str | None, Callable[[Random, bool], str]]] = {
    "person": ("person", person), "surname": ("person", surname), "first": ("person", first),
    "first_male": ("person", first_male),
    "nickname": ("nickname", nickname), "possessive": ("possessive", possessive),
    "relative": ("relative", relative), "age": ("age", age), "age_child": ("age", age_child),
    "age_old": ("age", age_old), "date": ("date", date),
    "month_year": ("date", month_year), "place": ("place", place), "street": ("street", street),
    "postcode": ("postcode", postcode), "health_org": ("health_org", health_org), "school": ("school", school),
    "workplace": ("workplace", workplace), "phone": ("phone", phone), "email": ("email", email),
    "nhs_number": ("nhs_number", nhs_number), "url": ("url", url), "handle": ("handle", handle),
    "app": (None, app),
}
