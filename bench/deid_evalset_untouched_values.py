"""Value makers for the UNTOUCHED part: one per kind of identifier, each returning pieces (context text
and ``(kind, value)`` gold pairs) in the many forms people say or type them.

Owns the choice of *form* (full name or first name alone, "14/03/2019" or "the third of March", "LS6 2QT"
or "ls62qt", a mobile read out with "double seven", an e-mail said as "at ... dot com"). The values
themselves come from ``deid_evalset_untouched_lists``. Gold spans hold the identifying words only: the
name in "my nan Edna" and in "Kwame's", the number in "she was 14", the employer in "I'm on the tills at
Primark"; never the role word, the "'s" or a leading "the".
"""

from __future__ import annotations

import random

import deid_evalset_untouched_lists as L  # noqa: N812

Piece = L.Piece


def _first(rng: random.Random, form: str = "") -> str:
    """A first name; ``form`` "f" or "m" when the sentence says "she" or "he" about the person."""
    if form == "f":
        return rng.choice(L.FEMALE + L.EITHER)
    if form == "m":
        return rng.choice(L.MALE + L.EITHER)
    return rng.choice(L.FIRST)


def _full(rng: random.Random, form: str = "") -> str:
    return f"{_first(rng, form)} {rng.choice(L.LAST)}"


def person(rng: random.Random, form: str = "") -> list[Piece]:
    r = rng.random()
    if r < 0.45:
        return [("person", _first(rng, form))]
    if r < 0.78:
        return [("person", _full(rng, form))]
    if r < 0.93:
        titles = L.TITLE_M if form == "m" else L.TITLE_F if form == "f" else L.TITLE_F + L.TITLE_M
        return [rng.choice(titles) + " ", ("person", rng.choice(L.LAST))]
    if r < 0.97:
        return [("person", _first(rng, form).lower())]  # auto-transcripts often lose the capital
    return [("person", f"{_first(rng, form)} {rng.choice(L.LAST)[0]}")]  # first name and initial


def nickname(rng: random.Random, form: str = "") -> list[Piece]:
    return [("nickname", rng.choice(L.NICK))]


def possessive(rng: random.Random, form: str = "") -> list[Piece]:
    name = _first(rng, form) if rng.random() < 0.75 else _full(rng, form)
    tail = "'" if name.endswith("s") and rng.random() < 0.5 else rng.choice(["'s", "'s", "'s", "’s"])
    return [("possessive", name), tail]


def relative(rng: random.Random, form: str = "") -> list[Piece]:
    gender = form or rng.choice("fm")
    role = rng.choice((L.RELATION_F if gender == "f" else L.RELATION_M) * 2 + L.RELATION_EITHER)
    name = _first(rng, gender) if rng.random() < 0.85 else _full(rng, gender)
    shape = rng.random()
    if shape < 0.55:
        return [f"my {role} ", ("relative", name)]
    if shape < 0.7:
        return [f"my {role}, ", ("relative", name), ","]
    if shape < 0.8:
        return ["our ", ("relative", name)]  # northern English for a family member
    if shape < 0.9:
        return [("relative", name), f", my {role},"]
    return [f"me {role} ", ("relative", name)]


def age(rng: random.Random, form: str = "") -> list[Piece]:
    """``{age}`` says it as an adverbial ("when I was 14"), ``{age:n}`` as a bare number (an adult's or a
    teenager's), ``{age:child}`` as a child's, ``{age:adj}`` as the compound adjective ("15-year-old")."""
    if form == "adj":
        n = rng.randint(2, 17)
        if rng.random() < 0.5:
            return [("age", str(n)), rng.choice(["-year-old", " year old", "-yr-old"])]
        return [("age", L.number_words(n)), "-year-old"]
    n = rng.randint(2, 17) if form == "child" else rng.randint(14, 84) if form == "n" else rng.randint(5, 60)
    spoken = number_or_words(n, rng)
    if form in ("n", "child"):
        return [("age", spoken)]
    lead = rng.choice(["when I was ", "aged ", "at ", "at the age of ", "from about ", "when I were "])
    return [lead, ("age", spoken)]


def number_or_words(n: int, rng: random.Random) -> str:
    return str(n) if rng.random() < 0.5 else L.number_words(n)


def date(rng: random.Random, form: str = "") -> list[Piece]:
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1998, 2025)
    forms = [
        f"{day:02d}/{month:02d}/{year}", f"{day}/{month}/{year % 100:02d}", f"{day}.{month}.{year % 100:02d}",
        f"{day}-{month}-{year}", f"{year}-{month:02d}-{day:02d}", f"{L.ordinal(day)} {L.MONTH[month - 1]} {year}",
        f"{day} {L.MONTH[month - 1]} {year}", f"{L.ordinal(day)} of {L.MONTH[month - 1]}",
        f"{L.MONTH[month - 1]} the {L.ordinal(day)}", f"{L.MONTH[month - 1]} {L.ordinal(day)}",
        f"the {L.ordinal_words(day)} of {L.MONTH[month - 1]}", f"{L.MONTH[month - 1].lower()} {L.ordinal(day)}",
        f"{day} {L.MONTH_SHORT[month - 1]} {year % 100:02d}", f"{L.WEEKDAY[rng.randrange(7)]} the {L.ordinal(day)}",
        f"{L.MONTH[month - 1]} {year}", f"{L.ordinal(day)} {L.MONTH[month - 1].lower()}", f"{day}/{month}",
    ]
    return [("date", rng.choice(forms))]


def place(rng: random.Random, form: str = "") -> list[Piece]:
    value = rng.choice(L.TOWN) if rng.random() < 0.6 else rng.choice(L.DISTRICT)
    return [("place", value.lower() if rng.random() < 0.06 else value)]


def street(rng: random.Random, form: str = "") -> list[Piece]:
    name = f"{rng.choice(L.STREET_NAME)} {rng.choice(L.STREET_TYPE)}"
    if form == "name":
        return [("street", name)]
    number = rng.randint(1, 180)
    shape = rng.randrange(8)
    if shape == 0:
        return [("street", f"{number} {name}")]
    if shape == 1:
        return [("street", f"flat {rng.randint(1, 24)}, {number} {name}")]
    if shape == 2:
        return [("street", f"Flat {rng.randint(1, 9)}{rng.choice('ABCD')}, {name}")]
    if shape == 3:
        return [("street", f"{number}{rng.choice('abc')} {name}")]
    if shape == 4:
        return ["number ", ("street", f"{number} {name}")]
    if shape == 5:
        return [("street", f"{rng.randint(1, 60)} {rng.choice(L.PLACE_NAME)} House, {name}")]
    return [("street", name)]  # a street named without a number


def postcode(rng: random.Random, form: str = "") -> list[Piece]:
    digits = "0123456789"
    inward = f"{rng.choice(digits)}{rng.choice(L.INWARD_LETTERS)}{rng.choice(L.INWARD_LETTERS)}"
    shape = rng.randrange(6)
    if shape == 0:
        outward = f"{rng.choice(L.AREA_1)}{rng.randint(1, 9)}"  # A9 9AA
    elif shape == 1:
        outward = f"{rng.choice(L.AREA_1)}{rng.randint(10, 40)}"  # A99 9AA
    elif shape == 2:
        outward = rng.choice(["W1A", "W1D", "W1F", "E1W", "N1C", "W1T", "W1H", "N1P"])  # A9A 9AA
    elif shape == 3:
        outward = f"{rng.choice(L.AREA_2)}{rng.randint(1, 9)}"  # AA9 9AA
    elif shape == 4:
        outward = f"{rng.choice(L.AREA_2)}{rng.randint(10, 35)}"  # AA99 9AA
    else:
        outward = rng.choice(["EC1A", "EC2M", "SW1A", "SW1P", "WC1N", "WC2H", "SE1P", "NW1W", "EC4V"])  # AA9A 9AA
    spacing = rng.random()
    text = f"{outward} {inward}" if spacing < 0.7 else (f"{outward}{inward}" if spacing < 0.9 else f"{outward}  {inward}")
    case = rng.random()
    return [("postcode", text.lower() if case < 0.18 else text.capitalize() if case < 0.24 else text)]


def phone(rng: random.Random, form: str = "") -> list[Piece]:
    if rng.random() < 0.65:
        rest = rng.choice("1234579") + "".join(rng.choice("0123456789") for _ in range(8))
        digits = "07" + rest
        forms = [f"{digits[:5]} {digits[5:]}", f"{digits[:5]} {digits[5:8]} {digits[8:]}", digits,
                 f"+44 {digits[1:5]} {digits[5:]}", f"+44{digits[1:]}", f"+44 (0){digits[1:5]} {digits[5:]}",
                 f"{digits[:3]} {digits[3:7]} {digits[7:]}"]
        groups = [5, 3, 3]
    else:
        code = rng.choice(["0161", "0121", "0113", "0117", "0114", "0115", "0116", "0118", "0191", "020",
                           "029", "028", "01782", "01902", "01752", "01603", "01482", "01642", "0141", "0131"])
        local = rng.choice("2345678") + "".join(rng.choice("0123456789") for _ in range(10 - len(code)))
        digits = code + local
        split = {7: f"{local[:3]} {local[3:]}", 8: f"{local[:4]} {local[4:]}"}.get(len(local), local)
        forms = [f"{code} {split}", f"({code}) {split}", digits, f"+44 {code[1:]} {split}"]
        groups = [len(code), 3, len(digits) - len(code) - 3]
    if rng.random() < 0.15:
        return [("phone", L.spoken_digits(digits, rng, groups))]
    return [("phone", rng.choice(forms))]


def email(rng: random.Random, form: str = "") -> list[Piece]:
    first, last = rng.choice(L.FIRST), rng.choice(L.LAST)
    first_a, last_a, nick = _slug(first), _slug(last), _slug(rng.choice(L.NICK))
    local = rng.choice([f"{first_a}.{last_a}", f"{first_a}{last_a}{rng.randint(1, 99)}", f"{first_a[0]}.{last_a}",
                        f"{first_a}_{last_a}", f"{nick}{rng.randint(70, 2009)}", f"{last_a}{first_a[0]}",
                        f"{first_a}x{rng.choice(L.HANDLE_WORD)}"])
    domain = rng.choice(L.MAIL_DOMAIN)
    r = rng.random()
    if r < 0.7:
        return [("email", f"{local}@{domain}")]
    if r < 0.85:
        said = local.replace(".", " dot ").replace("_", " underscore ")
        return [("email", f"{said} at {domain.replace('.', ' dot ')}")]
    return [("email", f"{local} at {domain}")]


def _slug(name: str) -> str:
    return _ascii(name).lower().replace(" ", "").replace("'", "")


def _ascii(text: str) -> str:
    table = str.maketrans("łŁóÓśŚńżźćąęãêçšáéíúőñ", "lLoOsSnzzcaeaecsaeiuon")
    return text.translate(table)


def nhs_number(rng: random.Random, form: str = "") -> list[Piece]:
    digits = _nhs_digits(rng)
    form = rng.random()
    if form < 0.45:
        text = f"{digits[:3]} {digits[3:6]} {digits[6:]}"
    elif form < 0.65:
        text = digits
    elif form < 0.75:
        text = f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    else:
        text = L.spoken_digits(digits, rng, [3, 3, 4])
    return [("nhs_number", text)]


def _nhs_digits(rng: random.Random) -> str:
    """Ten digits whose last is the modulus-11 check digit of the first nine (a 10 is not allowed)."""
    while True:
        body = [rng.randint(0, 9) for _ in range(9)]
        body[0] = rng.randint(4, 9)  # numbers in issue start 4xx-9xx in England and Wales
        check = 11 - sum(d * (10 - i) for i, d in enumerate(body)) % 11
        if check == 10:
            continue
        return "".join(map(str, body)) + str(0 if check == 11 else check)


def url(rng: random.Random, form: str = "") -> list[Piece]:
    first, last = _ascii(rng.choice(L.FIRST)).lower(), _slug(rng.choice(L.LAST))
    short = "".join(rng.choice("abcdefghkmnpqrstuvwxyzABCDEFGH23456789") for _ in range(6))
    town = rng.choice(L.TOWN).lower().replace(" ", "").replace("-", "")
    word = rng.choice(L.HANDLE_WORD)
    forms = [
        f"www.{town}{rng.choice(['carers', 'hearingvoices', 'peersupport', 'recoverycafe'])}.org.uk",
        f"https://{first}{word}.{rng.choice(['wordpress.com', 'blogspot.com'])}",
        f"gofundme.com/f/help-{first}-{rng.choice(['get-home', 'recover', 'fund-rehab'])}",
        f"justgiving.com/page/{first}-{last}-{rng.randint(1, 9999)}",
        f"facebook.com/{first}.{last}.{rng.randint(1, 999)}",
        f"https://www.youtube.com/@{first}{word}", f"linktr.ee/{word}{first}", f"{first}{last}.co.uk",
        f"instagram.com/{first}_{word}", f"https://bit.ly/{rng.choice(['3', '4'])}{short}",
        f"www.{last}{rng.choice(['counselling', 'therapy', 'wellbeing'])}.co.uk",
    ]
    value = rng.choice(forms)
    if rng.random() < 0.12:
        value = value.replace("https://", "").replace("www.", "w w w dot ", 1)
        value = value.replace(".", " dot ").replace("/", " slash ")  # read out
    return [("url", value)]


def handle(rng: random.Random, form: str = "") -> list[Piece]:
    first = _ascii(rng.choice(L.FIRST)).lower()
    word, other = rng.choice(L.HANDLE_WORD), rng.choice(L.HANDLE_WORD)
    body = rng.choice([f"{first}_{word}", f"{word}{first}{rng.randint(1, 99)}", f"{word}_{other}_{first}",
                       f"{first}.{word}", f"x{first}x", f"{first}{rng.randint(80, 2010)}",
                       f"{word}{other}{rng.randint(1, 9)}"])
    if rng.random() < 0.7:
        return [("handle", "@" + body)]
    return [("handle", body)]


def health_org(rng: random.Random, form: str = "") -> list[Piece]:
    value = L.fill(rng.choice(L.HEALTH), rng) if rng.random() < 0.75 else rng.choice(L.HEALTH_FIXED)
    if value.startswith("the "):
        return ["the ", ("health_org", value[4:])]
    return [("health_org", value)]


def school(rng: random.Random, form: str = "") -> list[Piece]:
    value = L.fill(rng.choice(L.SCHOOL), rng) if rng.random() < 0.8 else rng.choice(L.SCHOOL_FIXED)
    if value.startswith("the "):
        return ["the ", ("school", value[4:])]
    return [("school", value)]


def workplace(rng: random.Random, form: str = "") -> list[Piece]:
    value = rng.choice(L.EMPLOYER) if rng.random() < 0.7 else L.fill(rng.choice(L.EMPLOYER_MADE), rng)
    if value.startswith("the "):
        return ["the ", ("workplace", value[4:])]
    return [("workplace", value)]


MAKERS: dict[str, L.Maker] = {
    "person": person, "nickname": nickname, "possessive": possessive, "relative": relative, "age": age,
    "date": date, "place": place, "street": street, "postcode": postcode, "health_org": health_org,
    "school": school, "workplace": workplace, "phone": phone, "email": email, "nhs_number": nhs_number,
    "url": url, "handle": handle,
}
