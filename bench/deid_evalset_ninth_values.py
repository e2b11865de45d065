"""Value lists and value makers for the NINTH de-identification evaluation part.

Owns what fills a gold slot: names of many origins, nicknames, ages, dates, places in Scotland, Wales,
Northern Ireland, the North East and Cornwall, streets, postcodes, services (perinatal, eating disorders,
early intervention in psychosis, veterans, students, prison in-reach), schools, employers, phone, NHS
(and CHI) numbers, e-mails, links and handles, each in written and spoken forms. ``make(kind, form, rng)``
returns the exact text of one gold identifier; nothing here knows about templates or host texts.
"""

from __future__ import annotations

import random

FIRST = ["Morag", "Eilidh", "Ciaran", "Aoife", "Gethin", "Carys", "Dewi", "Siân", "Tadhg", "Saoirse",
         "Oisín", "Blessing", "Chukwuemeka", "Adaeze", "Tendai", "Farai", "Nkechi", "Kwabena", "Abdirahman",
         "Hodan", "Ilhan", "Mariam", "Yousef", "Layla", "Khalid", "Noor", "Harpreet", "Manpreet", "Sukhjinder",
         "Rukhsana", "Shabana", "Asif", "Tanvir", "Nusrat", "Thanh", "Xiaoling", "Jun", "Zhen", "Meiling",
         "Radek", "Katarzyna", "Piotr", "Vasile", "Ionela", "Dainius", "Rūta", "Oksana", "Bohdan", "Jolanta",
         "Fraser", "Ewan", "Kirsty", "Lachlan", "Isla", "Jago", "Tamsin", "Morwenna", "Kerensa", "Denzil",
         "Geordie", "Shannon", "Kayleigh", "Jordan", "Demi", "Bronagh", "Fionnuala", "Padraig", "Dervla"]
LAST = ["MacLeod", "Fraser", "McGuinness", "O'Donnell", "Ní Bhriain", "Pritchard", "ap Gwilym", "Llewellyn",
        "Bevan", "Okoro", "Eze", "Mutasa", "Moyo", "Asante", "Warsame", "Farah", "Haddad", "Al-Sayed",
        "Nasser", "Gill", "Dhillon", "Chaudhry", "Rahman", "Miah", "Nguyen", "Zhang", "Liu", "Huang",
        "Wróbel", "Zieliński", "Popescu", "Kazlauskas", "Shevchenko", "Trelawny", "Penrose", "Pascoe",
        "Nancarrow", "Robson", "Charlton", "Milburn", "Hepple", "Gallacher", "Docherty", "McCartney",
        "Quinn", "Devlin", "Cairns", "Sutherland"]
NICK = ["Wee Tam", "Big Shug", "Shuggie", "Jonesy", "Tizz", "Chunk", "Minty", "Scoot", "Boaby", "Gav", "Loz",
        "Dev", "Nobby", "Podge", "Fitzy", "Macca", "Ginge", "Tiny", "Bubba", "Jinty", "Stevie-boy", "Kez", "Rabbie",
        "Dodger", "Smudge", "Bazza", "Dolly", "Tel", "Moggy", "Pidge"]
PLACE = ["Kirkcaldy", "Dundee", "Paisley", "Motherwell", "Airdrie", "Stornoway", "Fort William", "Wick",
         "Easterhouse", "Drumchapel", "Leith", "Govan", "Glenrothes", "Methil", "Merthyr Tydfil", "Aberystwyth",
         "Bangor", "Llanelli", "Caerphilly", "Pontypridd", "Ebbw Vale", "Splott", "Blaenau Ffestiniog",
         "Newry", "Omagh", "Enniskillen", "Lurgan", "Ballymena", "Coleraine", "Strabane", "Dungiven",
         "Ashington", "Blyth", "Hartlepool", "Consett", "Seaham", "Jarrow", "Hexham", "Byker", "Cramlington",
         "Redruth", "Camborne", "Penzance", "Bodmin", "St Austell", "Falmouth", "Helston", "Liskeard",
         "Mevagissey", "St Just"]
STREET = ["Wellgate", "Cathcart", "Maxwell", "Heol y Nant", "Ffordd Pengam", "Station", "Ormeau", "Falls",
          "Shankill", "Ravenhill", "Ladybank", "Tregenna", "Trevithick", "Chapel", "Fore", "Westgate",
          "Shields", "Chillingham", "Sandyford", "Glebe", "Byres", "Gorgie", "Clepington", "Perth", "Alma",
          "Penlan", "Clive", "Marine"]
STREET_TYPE = ["Road", "Street", "Avenue", "Terrace", "Crescent", "Drive", "Place", "Gardens", "Wynd", "Lane",
               "Close", "Row", "Brae", "View", "Hill"]
POST_AREA = ["KY", "DD", "PA", "G", "EH", "IV", "HS", "PH", "CF", "SA", "LL", "NP", "BT", "NE", "SR", "DH",
             "TS", "TR", "PL"]
HEALTH = ["Ninewells Hospital", "Royal Victoria Infirmary", "Craigavon Area Hospital", "Royal Cornwall Hospital",
          "Treliske", "Kirkcaldy Perinatal Mental Health Team", "Brockington Mother and Baby Unit",
          "Beat", "Fife Early Intervention in Psychosis Service", "Op Courage", "Combat Stress",
          "Help for Heroes", "Nightline", "HMP Durham in-reach team", "Hafan Ward", "Ward 27", "Tŷ Gwyn Ward",
          "Lochee Health Centre", "Penlan Surgery", "Riverside Medical Practice", "Bodmin Road Surgery",
          "Tayside Crisis Resolution Team", "Carseview Centre", "Bensham Hospital", "St Nicholas Hospital",
          "Bodmin Hospital", "Longreach House", "Dragon's Heart Hospital", "Gransha Hospital",
          "Knockbracken Healthcare Park", "Cruse Bereavement Support", "Women's Aid Fife", "Samaritans",
          "Breathing Space", "Kernow Talking Therapies", "Orchard Clinic", "Beacon House", "Rowan Ward",
          "Haven", "Llandough Hospital", "Whitchurch Hospital", "Antrim Area Hospital"]
SCHOOL = ["St Ninian's High", "Ysgol Gyfun Gŵyr", "Penglais School", "Falmouth Uni", "Queen's",
          "Northumbria Uni", "Abertay", "Dundee and Angus College", "Glasgow Caledonian", "Truro College",
          "Our Lady's Grammar", "Foyle College", "Bede Academy", "Coleg Gwent", "Newcastle College",
          "Ashington Academy", "Balwearie High", "St Columb's", "Penwith College", "Ysgol Bro Teifi",
          "Cardiff Met", "Ulster Uni", "Kirkcaldy High", "Heathfield Senior High", "Sunderland Uni",
          "Open University", "Bangor Uni", "Strathclyde", "Duchy College", "Methodist College"]
WORK = ["Tesco Extra", "Amazon", "Ferguson's shipyard", "Thales", "Wrightbus", "Sage", "Nissan", "Greencore",
        "Moy Park", "Harland and Wolff", "Tata Steel", "Admiral", "Fife Council", "Cornwall Council",
        "Co-op", "St Austell Brewery", "Ginsters", "Greggs", "Royal Mail", "Openreach", "B&Q",
        "Barclays", "BT", "Siemens Gamesa", "Port of Tyne", "Job Centre", "Dunelm", "Warrens Bakery",
        "Sports Direct", "DVLA", "Stagecoach", "Tunnock's", "JD", "Iceland", "Belfast City Council"]
EMAIL_DOMAIN = ["gmail.com", "hotmail.co.uk", "outlook.com", "yahoo.co.uk", "icloud.com", "btinternet.com",
                "dundee.ac.uk", "qub.ac.uk", "nhs.scot", "nhs.net", "live.co.uk"]
HANDLE_WORD = ["moth", "kernow", "tyneside", "wee", "bramble", "pixel", "selkie", "nightjar", "gull", "heather",
               "tattie", "corrie", "dafydd", "llama", "bap", "pasty", "banshee", "fell", "hiraeth", "puffin"]
HANDLE_TAIL = ["_draws", ".runs", "_plays", "mam", "_clips", "lad", "_lass", "_writes", "xo", "_bakes",
               "_vlogs", ".walks", "_art", "_fit", "_gaming", "wave"]
URL_SHAPE = ["www.strava.com/athletes/{n8}", "youtube.com/@{Cap}{Cap2}", "https://www.linkedin.com/in/{first}-{last}-{hex}",
             "twitch.tv/{h}", "discord.gg/{code}", "www.gofundme.com/f/{first}s-{word}-fund",
             "https://www.justgiving.com/page/{first}-{last}-{n2}", "{word}{word2}.blogspot.com",
             "linktr.ee/{h}", "https://sites.google.com/view/{word}-{word2}", "facebook.com/groups/{word}{word2}{n2}",
             "www.tiktok.com/@{h}", "https://bit.ly/{code}", "instagram.com/{h}"]
DIGITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
UNITS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
ORDINAL = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh", 8: "eighth",
           9: "ninth", 10: "tenth", 11: "eleventh", 12: "twelfth", 13: "thirteenth", 14: "fourteenth",
           15: "fifteenth", 16: "sixteenth", 17: "seventeenth", 18: "eighteenth", 19: "nineteenth",
           20: "twentieth", 21: "twenty-first", 22: "twenty-second", 23: "twenty-third", 24: "twenty-fourth",
           25: "twenty-fifth", 26: "twenty-sixth", 27: "twenty-seventh", 28: "twenty-eighth"}
POSTCODE_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


def words(n: int, hyphen: bool = True) -> str:
    """A number below 100 in words ("forty-two", or "forty two" as a transcriber may write it)."""
    if n < 20:
        return UNITS[n] or "zero"
    tens, unit = divmod(n, 10)
    return TENS[tens] + ((("-" if hyphen else " ") + UNITS[unit]) if unit else "")


def suffix(n: int) -> str:
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def said_digits(digits: str, rng: random.Random) -> str:
    """Digits read aloud one by one, with "oh" for zero and "double" for a pair, as people say them."""
    out: list[str] = []
    i = 0
    while i < len(digits):
        d = digits[i]
        if d == " ":
            out.append(",")
            i += 1
            continue
        name = "oh" if d == "0" and rng.random() < 0.7 else DIGITS[int(d)]
        if i + 1 < len(digits) and digits[i + 1] == d and rng.random() < 0.6:
            out.append(f"double {name}")
            i += 2
        else:
            out.append(name)
            i += 1
    return " ".join(out).replace(" ,", ",")


def check_digit(nine: str) -> int | None:
    """The modulus-11 check digit of NHS and CHI numbers; ``None`` when the nine digits cannot have one."""
    total = sum(int(d) * (10 - i) for i, d in enumerate(nine))
    check = 11 - total % 11
    return None if check == 10 else (0 if check == 11 else check)


def ten_digit(rng: random.Random, chi: bool) -> str:
    """A ten-digit NHS number (or a Scottish CHI number: date of birth first) that passes modulus 11."""
    while True:
        if chi:
            nine = f"{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{rng.randint(40, 99):02d}{rng.randint(100, 999)}"
        else:
            nine = str(rng.choice([4, 6, 7])) + "".join(str(rng.randint(0, 9)) for _ in range(8))
        check = check_digit(nine)
        if check is not None:
            return nine + str(check)


def _person(form: str, rng: random.Random) -> str:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    if form == "first":
        return first
    if form == "last":
        return last
    if form == "lower":
        return rng.choice([first.lower(), f"{first} {last}".lower()])
    return f"{first} {last}"


def _age(form: str, rng: random.Random) -> str:
    n = rng.randint(5, 17) if form == "young" else rng.randint(16, 88)
    style = rng.random()
    if form == "digits" or style < 0.35:
        return str(n)
    return words(n, hyphen=style < 0.75)


def _date(form: str, rng: random.Random) -> str:
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2009, 2025)
    name = MONTHS[month - 1]
    if form == "spoken":
        return rng.choice([f"{ORDINAL[day]} of {name}", f"{name} the {ORDINAL[day]}", f"{ORDINAL[day]} of {name} {year}",
                           f"{day}{suffix(day)} of {name}", f"{name} {year}", f"{ORDINAL[day]} of {name.lower()}",
                           f"twenty {words(year - 2000, hyphen=False)}" if year >= 2010 else f"{name} {year}"])
    return rng.choice([f"{day:02d}/{month:02d}/{year}", f"{day}/{month}/{str(year)[2:]}", f"{day}.{month}.{str(year)[2:]}",
                       f"{day}{suffix(day)} {name} {year}", f"{day} {name[:3]} {year}", f"{name} {day}{suffix(day)}",
                       f"{year}-{month:02d}-{day:02d}", f"{day}{suffix(day)} {name}", f"{name} {year}"])


def _street(form: str, rng: random.Random) -> str:
    name = f"{rng.choice(STREET)} {rng.choice(STREET_TYPE)}"
    if name.startswith(("Heol", "Ffordd")):
        name = name.split()[0] + " " + " ".join(name.split()[1:-1])
    n = rng.randint(1, 140)
    if form == "bare":
        return name
    if form == "spoken":
        return rng.choice([f"{words(n) if n < 100 else n} {name}", f"number {n} {name}", f"{n} {name.lower()}"])
    return rng.choice([f"{n} {name}", f"{n}a {name}", f"Flat {rng.randint(1, 9)}, {n} {name}",
                       f"flat {rng.randint(0, 3)}/{rng.randint(1, 2)}, {n} {name}", f"{n} {name}"])


def postcode(rng: random.Random) -> tuple[str, str]:
    """A postcode's outward and inward halves in a Scottish, Welsh, Northern Irish, north-eastern or Cornish area."""
    area = rng.choice(POST_AREA)
    outward = f"{area}{rng.randint(1, 48 if area in ('G', 'BT') else 19)}"
    inward = f"{rng.randint(1, 9)}{rng.choice(POSTCODE_LETTERS)}{rng.choice(POSTCODE_LETTERS)}"
    return outward, inward


def _postcode(form: str, rng: random.Random) -> str:
    outward, inward = postcode(rng)
    if form == "partial":
        return outward if rng.random() < 0.7 else outward.lower()
    if form == "spoken":
        return rng.choice([" ".join(outward + inward), f"{outward} {inward}".lower(), f"{' '.join(outward)}, {' '.join(inward)}"])
    return rng.choice([f"{outward} {inward}", f"{outward} {inward}", f"{outward}{inward}", f"{outward} {inward}".lower()])


def _phone(form: str, rng: random.Random) -> str:
    mobile = "07" + "".join(str(rng.randint(0, 9)) for _ in range(9))
    land = rng.choice(["01382", "01592", "01872", "01209", "01970", "01248", "01670", "0191", "028", "029", "0141"])
    rest_len = 11 - len(land)
    rest = "".join(str(rng.randint(1, 9)) for _ in range(rest_len))
    if form == "spoken":
        digits = rng.choice([mobile[:5] + " " + mobile[5:8] + " " + mobile[8:], land + " " + rest])
        return rng.choice([said_digits(digits, rng), said_digits(digits, rng), " ".join(digits.replace(" ", ""))])
    if land in ("028", "029", "0191", "0141"):
        landline = f"{land} {rest[:4]} {rest[4:]}" if len(rest) == 8 else f"{land} {rest[:3]} {rest[3:]}"
    else:
        landline = rng.choice([f"{land} {rest}", f"({land}) {rest}"])
    return rng.choice([f"{mobile[:5]} {mobile[5:]}", mobile, f"+44 {mobile[1:5]} {mobile[5:]}", landline,
                       f"{mobile[:5]} {mobile[5:8]} {mobile[8:]}", f"+44 (0){mobile[1:5]} {mobile[5:]}"])


def _email(form: str, rng: random.Random) -> str:
    first, last = rng.choice(FIRST).lower(), rng.choice(LAST).lower().replace("'", "").replace(" ", "")
    first = first.replace("â", "a").replace("í", "i").replace("ū", "u")
    last = last.replace("ó", "o").replace("ń", "n").replace("ł", "l")
    local = rng.choice([f"{first}.{last}", f"{first}_{last}{rng.randint(1, 99)}", f"{first[0]}.{last}",
                        f"{first}{last}{rng.randint(70, 99)}", f"{rng.choice(HANDLE_WORD)}{rng.choice(HANDLE_TAIL).strip('._')}"])
    domain = rng.choice(EMAIL_DOMAIN)
    if form == "spoken":
        said = local.replace(".", " dot ").replace("_", " underscore ")
        return f"{said} at {domain.replace('.', ' dot ')}".replace("  ", " ")
    return f"{local}@{domain}"


def _nhs(form: str, rng: random.Random) -> str:
    number = ten_digit(rng, chi=form == "chi")
    spaced = f"{number[:3]} {number[3:6]} {number[6:]}"
    if form == "spoken":
        return rng.choice([said_digits(spaced, rng), " ".join(number), spaced.replace(" ", ", ")])
    if form == "chi":
        return rng.choice([number, f"{number[:6]} {number[6:]}"])
    return rng.choice([spaced, number, f"{number[:3]}-{number[3:6]}-{number[6:]}", spaced])


def _handle_name(rng: random.Random) -> str:
    return rng.choice(HANDLE_WORD) + rng.choice(HANDLE_TAIL) + rng.choice(["", "", str(rng.randint(1, 99))])


def _url(form: str, rng: random.Random) -> str:
    shape = rng.choice(URL_SHAPE)
    first = rng.choice(FIRST).lower().replace("â", "a").replace("í", "i").replace("ū", "u")
    last = rng.choice(LAST).lower().replace("'", "").replace(" ", "").replace("ó", "o").replace("ń", "n")
    w1, w2 = rng.choice(HANDLE_WORD), rng.choice(HANDLE_WORD)
    url = shape.format(n8=rng.randint(10_000_000, 99_999_999), Cap=w1.capitalize(), Cap2=w2.capitalize(),
                       first=first, last=last, hex=f"{rng.randint(0, 0xFFFFF):x}", h=_handle_name(rng).replace(".", "_"),
                       code="".join(rng.choice("abcdefghjkmnpqrstuvwxyzABCDEFGH23456789") for _ in range(7)),
                       word=w1, word2=w2, n2=rng.randint(10, 99))
    if form == "spoken":
        bare = url.removeprefix("https://").removeprefix("www.")
        said = bare.replace(".", " dot ").replace("/", rng.choice([" slash ", " forward slash "]))
        return said.replace("_", " underscore ").replace("-", " dash ").replace("@", " at ").replace("  ", " ").strip()
    return url


def _handle(form: str, rng: random.Random) -> str:
    name = _handle_name(rng)
    if form == "spoken":
        return name.replace("_", " underscore ").replace(".", " dot ").replace("  ", " ").strip()
    if form == "bare":
        return name
    if form == "camel":
        return rng.choice(HANDLE_WORD).capitalize() + rng.choice(HANDLE_WORD).capitalize() + str(rng.randint(1, 999))
    return "@" + name


def make(kind: str, form: str, rng: random.Random) -> str:
    """The text of one gold identifier of ``kind`` in ``form`` ("" lets the maker choose)."""
    if kind in ("person", "possessive", "relative"):
        return _person(form or ("first" if kind != "person" else ""), rng)
    if kind == "nickname":
        return rng.choice(NICK).lower() if form == "lower" else rng.choice(NICK)
    simple = {"place": PLACE, "health_org": HEALTH, "school": SCHOOL, "workplace": WORK}
    if kind in simple:
        value = rng.choice(simple[kind])
        return value.lower() if form == "lower" else value
    makers = {"age": _age, "date": _date, "street": _street, "postcode": _postcode, "phone": _phone,
              "email": _email, "nhs_number": _nhs, "url": _url, "handle": _handle}
    return makers[kind](form, rng)
