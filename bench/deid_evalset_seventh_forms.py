"""The identifier makers of the SEVENTH de-identification part: each returns ``(before, gold, after)``,
where only ``gold`` is the identifier's span and ``before``/``after`` are words said around it (a title,
a relative's role, a possessive "'s", a leading "the"). They own the written and spoken shapes of ages,
dates, postcodes, phones, e-mails, NHS numbers, streets, links and handles. Deterministic given the
``random.Random``; no host text and no templates here.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import deid_evalset_seventh_values as V

Piece = tuple[str, str, str]


def _lower_sometimes(rng: random.Random, text: str, share: float = 0.08) -> str:
    """People typing in a comment box (and transcribers) often drop capitals."""
    return text.lower() if rng.random() < share else text


def first_name(rng: random.Random) -> str:
    return rng.choice(V.WOMEN if rng.random() < 0.55 else V.MEN)


def person(rng: random.Random, titled: float = 0.1) -> Piece:
    r = rng.random()
    if r < titled:
        title = rng.choice(V.TITLES)
        name = rng.choice(V.SURNAMES) if rng.random() < 0.7 else first_name(rng)
        return f"{title} ", name, ""
    if r < titled + (1 - titled) / 2:
        return "", _lower_sometimes(rng, first_name(rng)), ""
    return "", f"{first_name(rng)} {rng.choice(V.SURNAMES)}", ""


def staff(rng: random.Random) -> Piece:
    """A member of staff: often named by title and surname ("Dr Okafor"); the gold is the name."""
    return person(rng, titled=0.55)


def nickname(rng: random.Random) -> Piece:
    return "", _lower_sometimes(rng, rng.choice(V.NICKNAMES), 0.1), ""


def possessive(rng: random.Random) -> Piece:
    name = first_name(rng) if rng.random() < 0.75 else f"{first_name(rng)} {rng.choice(V.SURNAMES)}"
    ending = "'" if name.endswith("s") and rng.random() < 0.5 else "'s"
    return "", _lower_sometimes(rng, name), ending


def relative(rng: random.Random) -> Piece:
    female = rng.random() < 0.55
    role = rng.choice(V.ROLES_F if female else V.ROLES_M)
    name = rng.choice(V.WOMEN if female else V.MEN)
    r = rng.random()
    if r < 0.55:
        return f"my {role} ", name, ""
    if r < 0.7:
        return f"my {role}, ", name, ","
    if r < 0.85:
        return "our ", name, ""  # Northern "our Kayleigh": a sister or brother
    return f"me {role} ", _lower_sometimes(rng, name, 0.3), ""


def number_words(n: int, hyphen: bool = True) -> str:
    if n < 20:
        return V.UNITS[n]
    tens, unit = divmod(n, 10)
    return V.TENS[tens] + (("-" if hyphen else " ") + V.UNITS[unit] if unit else "")


def age(rng: random.Random, low: int = 8, high: int = 88, words: float = 0.55) -> Piece:
    """An age in digits or in words ("thirty-four", "thirty four"); the gold is the number alone."""
    n = rng.randint(low, high)
    if rng.random() >= words:
        return "", str(n), ""
    return "", number_words(n, hyphen=rng.random() < 0.5), ""


def _day_suffix(d: int) -> str:
    if 10 < d % 100 < 14:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")


def date(rng: random.Random) -> Piece:
    d, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1998, 2025)
    month = V.MONTHS[m - 1]
    shapes = [
        f"{d}{_day_suffix(d)} {month} {y}", f"{d} {month} {y}", f"{month} {d}{_day_suffix(d)}",
        f"{d:02d}/{m:02d}/{y}", f"{d}/{m}/{str(y)[2:]}", f"{y}-{m:02d}-{d:02d}", f"{d}.{m}.{str(y)[2:]}",
        f"{month} {y}", f"{month[:3]} {y}", f"{month.lower()} the {V.ORDINALS[d - 1]}",
        f"{V.ORDINALS[d - 1]} of {month}", f"{rng.choice(V.WEEKDAYS)} {d}{_day_suffix(d)} {month}",
        f"{d}{_day_suffix(d)} of {month.lower()}", f"{d}-{month[:3]}-{y}",
        f"the {V.ORDINALS[d - 1]} of {month} {number_words(20)} {number_words(y - 2000, False)}"
        if y >= 2010 else f"{d} {month[:3]} {y}",
    ]
    shape = rng.choice(shapes)
    if shape.startswith("the "):  # gold starts at the ordinal, like "the 3rd of March" below
        return "the ", shape[4:], ""
    if shape.startswith(V.ORDINALS[d - 1]) or shape.startswith(f"{d}{_day_suffix(d)} of"):
        return "the ", shape, ""
    return "", shape, ""


def place(rng: random.Random) -> Piece:
    return "", _lower_sometimes(rng, rng.choice(V.PLACES)), ""


def road(rng: random.Random) -> Piece:
    """A street's name alone ("walking down Ripley Road")."""
    name = f"{rng.choice(V.STREET_NAMES)} {rng.choice(V.STREET_TYPES)}"
    return "", _lower_sometimes(rng, name, 0.15), ""


def address(rng: random.Random) -> Piece:
    """A house or flat on a street, or a flat in a named block; the gold includes the numbers."""
    name = f"{rng.choice(V.STREET_NAMES)} {rng.choice(V.STREET_TYPES)}"
    r = rng.random()
    if r < 0.5:
        return "", f"{rng.randint(1, 240)}{rng.choice(['', '', '', 'a'])} {name}", ""
    if r < 0.75:
        flat = f"{rng.choice(['Flat', 'flat'])} {rng.randint(1, 30)}{rng.choice(['', 'a', 'b'])}"
        return "", f"{flat}{rng.choice([', ', ' '])}{rng.randint(2, 120)} {name}", ""
    return "", f"flat {rng.randint(1, 60)}, {rng.choice(V.BLOCKS)}", ""


def house(rng: random.Random) -> Piece:
    """After "number": "we were at number 22 Ripley Road"."""
    return "", f"{rng.randint(2, 99)} {rng.choice(V.STREET_NAMES)} {rng.choice(V.STREET_TYPES)}", ""


def postcode(rng: random.Random) -> Piece:
    inward = f"{rng.randint(0, 9)}{rng.choice(V.INWARD)}{rng.choice(V.INWARD)}"
    one, two = rng.choice(V.AREAS_ONE), rng.choice(V.AREAS_TWO)
    outward = rng.choice([
        f"{one}{rng.randint(1, 9)}", f"{one}{rng.randint(10, 40)}", f"{two}{rng.randint(1, 9)}",
        f"{two}{rng.randint(10, 29)}", f"{rng.choice('WEN')}{rng.randint(1, 9)}{rng.choice('ACHPW')}",
        f"{rng.choice(['EC', 'WC', 'SW'])}{rng.randint(1, 4)}{rng.choice('ABHMNRVY')}",
    ])
    r = rng.random()
    code = f"{outward} {inward}" if r < 0.75 else f"{outward}{inward}" if r < 0.85 else f"{outward} {inward}".lower()
    return "", code, ""


def _digits_spoken(rng: random.Random, digits: str, groups: list[int]) -> str:
    words, i = [], 0
    for size in groups:
        chunk, out, j = digits[i:i + size], [], 0
        while j < len(chunk):
            zero = "oh" if rng.random() < 0.6 else "zero"
            name = zero if chunk[j] == "0" else V.SPELLED[int(chunk[j])]
            if j + 1 < len(chunk) and chunk[j + 1] == chunk[j] and rng.random() < 0.6:
                out.append(f"double {name}")
                j += 2
            else:
                out.append(name)
                j += 1
        words.append(" ".join(out))
        i += size
    return ", ".join(words)


def phone(rng: random.Random, spoken: bool = True) -> Piece:
    mobile = f"07{rng.randint(100, 999)}{rng.randint(0, 999999):06d}"
    land = rng.choice([f"0113{rng.randint(0, 9999999):07d}", f"0161{rng.randint(0, 9999999):07d}",
                       f"01924{rng.randint(0, 999999):06d}", f"020{rng.randint(70000000, 89999999)}",
                       f"01484{rng.randint(0, 999999):06d}", f"0114{rng.randint(0, 9999999):07d}"])
    shapes = [
        f"{mobile[:5]} {mobile[5:]}", mobile, f"{mobile[:5]}-{mobile[5:8]}-{mobile[8:]}",
        f"+44 {mobile[1:5]} {mobile[5:]}", f"+44{mobile[1:]}", f"+44 (0){mobile[1:5]} {mobile[5:]}",
        f"{mobile[:5]} {mobile[5:8]} {mobile[8:]}",
    ]
    if land.startswith("020"):
        shapes += [f"{land[:3]} {land[3:7]} {land[7:]}", f"({land[:3]}) {land[3:7]} {land[7:]}"]
    elif land[:5] in ("01924", "01484"):
        shapes += [f"{land[:5]} {land[5:]}", f"({land[:5]}) {land[5:]}"]
    else:
        shapes += [f"{land[:4]} {land[4:7]} {land[7:]}", f"({land[:4]}) {land[4:7]} {land[7:]}"]
    if rng.random() < (0.3 if spoken else 0.0):
        return "", _digits_spoken(rng, mobile, [5, 3, 3]), ""
    return "", rng.choice(shapes), ""


def nhs_digits(rng: random.Random) -> str:
    """Ten digits passing the NHS number check (modulus 11 with weights 10..2)."""
    while True:
        nine = [rng.randint(0, 9) for _ in range(9)]
        nine[0] = rng.randint(4, 7)  # numbers issued in England and Wales start 4-7
        check = 11 - sum(d * w for d, w in zip(nine, range(10, 1, -1), strict=True)) % 11
        if check == 11:
            check = 0
        if check != 10:
            return "".join(map(str, nine)) + str(check)


def nhs_number(rng: random.Random, spoken: bool = True) -> Piece:
    n = nhs_digits(rng)
    shapes = [f"{n[:3]} {n[3:6]} {n[6:]}", n, f"{n[:3]}-{n[3:6]}-{n[6:]}", f"{n[:3]} {n[3:6]} {n[6:]}"]
    if rng.random() < (0.35 if spoken else 0.0):
        return "", _digits_spoken(rng, n, [3, 3, 4]), ""
    return "", rng.choice(shapes), ""


def email(rng: random.Random, spoken: bool = True) -> Piece:
    first, last = first_name(rng).lower(), rng.choice(V.SURNAMES).lower()
    last = "".join(c for c in last if c.isascii() and c.isalpha()) or "smith"
    local = rng.choice([f"{first}.{last}", f"{first}{last[0]}{rng.randint(1, 99)}", f"{first}_{last}",
                        f"{first[:3]}{last}{rng.randint(70, 99)}", f"{last}.{first[0]}", f"{first}x{rng.randint(1, 9)}"])
    domain = rng.choice(V.MAIL_DOMAINS)
    if rng.random() < (0.35 if spoken else 0.12):  # typed too, to get past spam filters
        spoken_local = local.replace(".", " dot ").replace("_", " underscore ")
        return "", f"{spoken_local} at {domain.replace('.', ' dot ')}", ""
    return "", local + "@" + domain, ""


def url(rng: random.Random, spoken: bool = True) -> Piece:
    if rng.random() < (0.2 if spoken else 0.0):
        return "", rng.choice(V.URL_SPOKEN), ""
    return "", rng.choice(V.SITES), ""


def handle(rng: random.Random) -> Piece:
    return "", rng.choice(V.HANDLES), ""


def from_list(values: list[str]) -> Callable[[random.Random], Piece]:
    def make(rng: random.Random) -> Piece:
        value = rng.choice(values)
        if value.startswith("the "):
            return "the ", value[4:], ""
        return "", value, ""
    return make


# Makers whose value may be read out: they take the register (spoken or typed) as well.
SAYABLE = {"phone", "nhs_number", "email", "url"}
MAKERS = {
    "person": person, "staff": staff, "young": lambda rng: age(rng, 5, 17),
    "adult": lambda rng: age(rng, 18, 90), "adultyo": lambda rng: age(rng, 18, 90, words=0.1), "first": lambda rng: ("", first_name(rng), ""), "nickname": nickname, "possessive": possessive, "relative": relative, "age": age,
    "date": date, "place": place, "road": road, "address": address, "house": house, "postcode": postcode,
    "health_org": from_list(V.HEALTH), "school": from_list(V.SCHOOLS), "workplace": from_list(V.EMPLOYERS),
    "phone": phone, "email": email, "nhs_number": nhs_number, "url": url, "handle": handle,
}
