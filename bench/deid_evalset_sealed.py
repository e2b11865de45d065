"""The SEALED part of the de-identification evaluation set: value lists, sentence templates, speaker
labels and host texts that none of the TUNE, TEST, FRESH, HOLDOUT or UNSEEN parts use, written without
reading the detector's rules and never run through the detector by its author. It is the part for the
honest figure: the lead runs it once per version of the detector and reports the figure as it comes.
Nothing here may be edited to make the detector look better; only a gold span shown to be wrong may be
corrected (and the correction said in the report).

Host texts (read from ``../shared/data`` on each run, nothing copied): NHS Friends-and-Family comments
that no other part reads (``taken_by_other_parts``): the v6 comments left over about mental-health,
forensic and community services, the 111 line, ambulance crews and patient transport, and
``phase1_text_data.csv`` comments outside the other parts' draws; plus the Zoom chat export of the
class session (``*RecordingnewChat.txt``), which no other part reads, as one document whose speaker
labels are the real participants' names. A comment is kept when it has 15 words or more, passes
FRESH's capital-letter filter, and holds digits only as durations and quantities ("4-5 weeks", "30
hours", "10/10"): earlier parts took no comment with a digit, so here real numbers that identify
nothing stand beside the planted ones. Real names, services and places in the chosen texts (read off
them: capitalised words, all-capital words, UK place names in lower case) are listed in
``deid_evalset_sealed_hosts`` (``HOST_NAMES``, ``HOST_ORGS``, ``HOST_PLACES``) and are gold wherever
they occur.

Documents are interviews in two shapes: one participant with an interviewer's questions and
backchannels, or a pair (carer and service user, two staff) with a facilitator. Planted sentences are in
the voice of who speaks the turn. The kinds are planted in proportions a transcript has (people,
relatives, places and services most, identifier numbers least), each kind at least ``MIN_PER_KIND``
times. Identifier forms include spoken ones ("oh seven seven double four...", "the twelfth of
March", "jade dot okafor at gmail dot com", "four eight five, two two one...") and every written
shape of NHS numbers, postcodes (any case, with or without the space, outward code alone) and phones.

Speaker labels: role names none of the other parts use ("Interviewee", "Expert by experience",
"HCA", "Grandparent", "Speaker 1", ...) that must not be flagged, or, in a third of the documents,
names that must not be left. Default seed 424242. ``overlap_with_old`` lists any entry equal (without
case) to an entry of any other part; a test keeps it empty.
"""

from __future__ import annotations

import random
import re
import unicodedata
from pathlib import Path

from cotheme.domain.deid import nhs_number_valid

from deid_evalset_sealed_lists import (  # noqa: I001
    ASKS, BLOCK, CHARITY, COLLEGE, COMMON_EMAIL_DOMAINS, COMMON_RELATIONS, COMMON_STREET_TYPES, DAY_NAMES, DISTRICT, EMAIL_DOMAIN, EMPLOYER, FIRST,
    HEALTH, HOLIDAY, LAST, MONTH_NAMES, NICK, ORG_STEM, POSTCODE_AREA, RELATION, SAINT, SCHOOL, STREET_NAME,
    STREET_TYPE, TEMPLATES, TITLE, TOWN, URL_SITE, WARD, mine)

SEED = 424242
MIN_PER_KIND = 25
#: Share of planted identifiers per kind (percent): what interviews hold most (names, relatives,
#: places, services) and least (identifier numbers, addresses online).
SHARE = {"person": 14, "relative": 9, "nickname": 4, "possessive": 5, "age": 7, "date": 8, "place": 9, "street": 4,
         "postcode": 3.5, "health_org": 10, "school": 4, "workplace": 5, "phone": 3.5, "email": 3.5,
         "nhs_number": 3.5, "url": 3.5, "handle": 3.5}
KINDS = tuple(TEMPLATES)

ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
DECADES = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NTH = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
       "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
       "twentieth"]


# -- numbers said aloud ------------------------------------------------------------------------------
def words(n: int, rng: random.Random) -> str:
    """A number below 200 as said aloud ("thirty-four", "fifty two", "a hundred and one")."""
    if n >= 100:
        return "a hundred" + (f" and {words(n - 100, rng)}" if n > 100 else "")
    if n < 20:
        return ONES[n]
    return DECADES[n // 10] + (rng.choice(["-", " "]) + ONES[n % 10] if n % 10 else "")


def nth(n: int) -> str:
    return NTH[n] if n <= 20 else DECADES[n // 10] + ("-" + NTH[n % 10] if n % 10 else "th")


def year_words(y: int, rng: random.Random) -> str:
    if y < 2000:
        return f"nineteen {words(y % 100, rng)}" if y % 100 >= 10 else f"nineteen oh {ONES[y % 10]}"
    if y < 2010:
        return rng.choice([f"two thousand and {ONES[y % 10]}", f"two thousand {ONES[y % 10]}"])
    return rng.choice([f"twenty {words(y % 100, rng)}", f"two thousand and {words(y % 100, rng)}"])


def digits_aloud(digits: str, rng: random.Random, groups: tuple[int, ...] = ()) -> str:
    """Digits as said on the phone: "oh" or "zero", "double four", "treble two", pauses between groups."""
    parts, at = [], 0
    for size in groups or (len(digits),):
        chunk, said, i = digits[at:at + size], [], 0
        at += size
        while i < len(chunk):
            c, run = chunk[i], 1
            while i + run < len(chunk) and chunk[i + run] == c and run < 3:
                run += 1
            name = "oh" if c == "0" and rng.random() < 0.8 else ONES[int(c)]
            if run > 1 and rng.random() < 0.7:
                said.append(("double " if run == 2 else "treble ") + name)
            else:
                said.extend([name] * run)
            i += run
        parts.append(" ".join(said))
    return rng.choice([", ", " "]).join(parts)


class FormDealer:
    """The forms of an identifier dealt like cards: every form once, in a shuffled order, before any
    form comes again, so that each form a kind has is planted even where the kind is rare."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.left: dict[str, list[int]] = {}
        self.planting = ""  # the kind being planted: only its forms are dealt

    def pick(self, kind: str, options: list[str]) -> str:
        if not self.left.get(kind):
            self.left[kind] = list(range(len(options)))
            self.rng.shuffle(self.left[kind])
        return options[self.left[kind].pop()]


_dealer: FormDealer | None = None


def deal_forms(rng: random.Random | None) -> None:
    """Deal identifier forms from now on (``None``: draw each at random)."""
    global _dealer
    _dealer = FormDealer(rng) if rng is not None else None


def _choose(rng: random.Random, kind: str, options: list[str]) -> str:
    return _dealer.pick(kind, options) if _dealer is not None and _dealer.planting == kind else rng.choice(options)


def _d(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


# -- identifier shapes ---------------------------------------------------------------------------------
def _nhs(rng: random.Random) -> str:
    while True:
        head = str(rng.choice([4, 6, 9])) + _d(rng, 8)
        good = [head + str(c) for c in range(10) if nhs_number_valid(head + str(c))]
        if good:
            d = good[0]
            return _choose(rng, "nhs_number", [f"{d[:3]} {d[3:6]} {d[6:]}", f"{d[:3]} {d[3:6]} {d[6:]}", d, f"{d[:3]}-{d[3:6]}-{d[6:]}",
                               f"{d[:3]}  {d[3:6]}  {d[6:]}", f"{d[:3]}/{d[3:6]}/{d[6:]}", f"{d[:6]} {d[6:]}",
                               f"{d[:3]} {d[3:]}", digits_aloud(d, rng, (3, 3, 4)), digits_aloud(d, rng)])


def _postcode(rng: random.Random) -> str:
    letters = "ABDEFGHJLNPQRSTUWXYZ"
    area = rng.choice(POSTCODE_AREA)
    if area in ("EC", "WC"):  # central London: a letter after the district number
        outward = f"{area}{rng.randint(1, 2)}{rng.choice('ABHMNRV')}"
    elif area in ("SW", "W") and rng.random() < 0.3:
        outward = f"{area}1{rng.choice('ABEHKPVWXY')}"
    else:
        outward = f"{area}{rng.randint(1, 9) if rng.random() < 0.6 else rng.randint(10, 29)}"
    inward = f"{rng.randint(0, 9)}{rng.choice(letters)}{rng.choice(letters)}"
    full = f"{outward} {inward}"
    spoken = " ".join(outward) + ", " + " ".join(inward)
    for digit in "0123456789":
        spoken = spoken.replace(digit, ONES[int(digit)])
    return _choose(rng, "postcode", [full, full, full, full.lower(), f"{outward}{inward}", f"{outward.lower()} {inward}", outward, outward, spoken])


def _phone(rng: random.Random) -> str:
    mobile = "7" + rng.choice("1234589") + _d(rng, 8)
    spoken_mobile = digits_aloud("0" + mobile, rng, (5, 3, 3))
    city = rng.choice(["113", "114", "115", "118", "121", "151", "161", "191"])
    big = rng.choice(["20 7", "20 8", "29 2", "28 9"])  # London, Cardiff, Belfast: 0AA NNNN NNNN
    return _choose(rng, "phone", [f"0{mobile[:4]} {mobile[4:]}", f"0{mobile[:4]} {mobile[4:7]} {mobile[7:]}", f"0{mobile}",
                       f"+44 {mobile[:4]} {mobile[4:]}", f"+44 (0){mobile[:4]} {mobile[4:]}", f"0044 {mobile}",
                       f"+447{mobile[1:]}", f"0{mobile[:4]}-{mobile[4:]}", spoken_mobile, spoken_mobile,
                       f"0{city} {_d(rng, 3)} {_d(rng, 4)}", f"0{big}{_d(rng, 3)} {_d(rng, 4)}", f"01{_d(rng, 3)} {_d(rng, 6)}", f"01{_d(rng, 2)}{_d(rng, 7)}",
                       f"0300 {_d(rng, 3)} {_d(rng, 4)}", f"0345 {_d(rng, 3)} {_d(rng, 4)}",
                       f"0800 {_d(rng, 3)} {_d(rng, 3)}", digits_aloud(f"01{_d(rng, 3)}{_d(rng, 6)}", rng, (5, 6))])


def _date(rng: random.Random) -> str:
    day, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1968, 2025)
    suf = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd"}.get(day, "th")
    month, short, yy = MONTH_NAMES[m - 1], MONTH_NAMES[m - 1][:3], f"{y % 100:02d}"
    return _choose(rng, "date", [
        f"the {nth(day)} of {month}", f"{month} the {nth(day)}", f"the {day}{suf} of {month} {y}",
        f"{day}{suf} {month}", f"{day} {month} {y}", f"{month} {day}{suf}", f"{day}/{m}/{y}", f"{day:02d}/{m:02d}/{yy}",
        f"{day}/{m}", f"{y}", f"{month} {year_words(y, rng)}", f"the {nth(day)} of {month} {year_words(y, rng)}",
        f"{rng.choice(DAY_NAMES)} the {day}{suf} of {month}", f"{rng.choice(HOLIDAY)} {y}", f"{rng.choice(HOLIDAY)}",
        f"{short} {y}", f"{short}. {day}", f"{day}.{m:02d}.{y}", f"{rng.choice(DAY_NAMES)} {day}{suf}",
        f"{year_words(y, rng)}", f"the {nth(day)}", f"{month} '{yy}"])


def _ascii(text: str) -> str:
    """How a name is typed in an address: "Öztürk" -> "ozturk", "Paweł" -> "pawel"."""
    text = text.replace("ł", "l").replace("ı", "i").replace("Ł", "L")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def values(rng: random.Random) -> dict[str, str]:
    """The slot values for one planted sentence, drawn from this part's lists."""
    first, last = rng.choice(FIRST), rng.choice(LAST)
    town, stem = rng.choice(TOWN), rng.choice(ORG_STEM)
    fill = {"T": town, "S": stem, "Saint": rng.choice(SAINT), "L": rng.choice(LAST), "n": str(rng.randint(1, 40))}
    low = lambda s: re.sub(r"[^a-z0-9]", "", _ascii(s.lower()))  # noqa: E731
    sep = rng.choice(["", ".", "_", "-"])
    user = rng.choice([f"{low(first)}{sep}{low(last)}", f"{low(first)[0]}{low(last)}", f"{low(first)}{rng.randint(1, 99)}",
                       f"{low(last)}{low(first)[:1]}{rng.randint(70, 99)}", f"{low(first)}{sep}{low(last)}{rng.randint(1, 9)}"])
    domain = rng.choice(COMMON_EMAIL_DOMAINS if rng.random() < 0.6 else EMAIL_DOMAIN)
    spoken_email = f"{low(first)} dot {low(last)} at {domain.replace('.', ' dot ')}"
    tag = rng.choice([f"{low(first)}{low(last)[:4]}", f"{low(first)}_{rng.randint(1, 999)}", f"the{low(last)}{low(first)[:1]}",
                      f"{low(first)}.{low(town)}", f"{low(first)}x{low(last)}", f"{low(first)}__{low(last)}"])
    street = f"{rng.choice(STREET_NAME)} {rng.choice(COMMON_STREET_TYPES if rng.random() < 0.55 else STREET_TYPE)}"
    num = rng.choice([str(rng.randint(1, 160)), f"{rng.randint(1, 60)}{rng.choice('ab')}"])
    age = rng.randint(18, 70)
    return {
        "person": rng.choice([f"{first} {last}", first, first, f"{first} {last}", last]), "first": first, "last": last,
        "title": rng.choice(TITLE), "nickname": rng.choice(NICK), "possessive": first, "relative": first,
        "rel": rng.choice(COMMON_RELATIONS if rng.random() < 0.6 else RELATION),
        "age": rng.choice([str(age), words(age, rng), words(age, rng)]),
        "age_child": rng.choice([str(n := rng.randint(3, 17)), words(n, rng)]),
        "age_old": rng.choice([str(n := rng.randint(70, 101)), words(n, rng)]),
        "age_num": str(rng.randint(4, 17)), "date": _date(rng), "place": rng.choice(TOWN + DISTRICT),
        "road": street,
        "street": rng.choice([f"{num} {street}", f"{num} {street}", street, f"number {words(rng.randint(2, 99), rng)}, {street}",
                              f"Flat {rng.randint(1, 30)}, {num} {street}", f"{rng.randint(1, 90)} {rng.choice(STREET_NAME)} {rng.choice(BLOCK)}",
                              f"flat {words(rng.randint(1, 12), rng)}, {rng.choice(STREET_NAME)} {rng.choice(BLOCK)}"]),
        "postcode": _postcode(rng),
        "health_org": rng.choice(HEALTH + CHARITY).format(**fill), "ward": rng.choice(WARD).format(**fill),
        "charity": rng.choice(CHARITY).format(**fill), "school": rng.choice(SCHOOL + COLLEGE).format(**fill),
        "child_school": rng.choice(SCHOOL).format(**fill), "college": rng.choice(COLLEGE).format(**fill),
        "workplace": rng.choice(EMPLOYER).format(**fill), "phone": _phone(rng),
        "email": _choose(rng, "email", [f"{user}@{domain}", f"{user}@{domain}", f"{user}@{domain}", spoken_email,
                             f"{low(first)}.{low(last)}{rng.randint(1, 9)}@nhs.net",
                             f"{low(first)}@{low(fill['L'])}{rng.choice(['plumbing', 'cleaning', 'taxis'])}.co.uk",
                             f"{user.upper()}@{domain.upper()}"]),
        "nhs_number": _nhs(rng),
        "url": _choose(rng, "url", URL_SITE).format(user=user, tag=tag, town=low(town), stem=low(stem), code=_d(rng, 6),
                                           last=low(last)),
        "handle": rng.choice([f"@{tag}", f"@{tag}", f"@{user}", tag]), "handle_bare": rng.choice([tag, user]),
        "handle_reddit": f"u/{tag.replace('.', '_')}",
    }


def plant(kind: str, rng: random.Random, voice: str = "participant") -> tuple[str, list[tuple[int, int, str, str]]]:
    """One sentence with one planted identifier of ``kind`` in the ``voice`` of who speaks it
    ("participant" or "interviewer"); its gold span (offsets in the sentence)."""
    if _dealer is not None:
        _dealer.planting = kind
    vals = values(rng)
    template = rng.choice((ASKS if voice == "interviewer" else TEMPLATES)[kind])
    m = re.search(r"\{x(?::(\w+))?\}", template)
    assert m is not None
    value = vals[m.group(1) or kind]
    fill = lambda s: s.replace("{rel}", vals["rel"]).replace("{title}", vals["title"])  # noqa: E731
    head, tail = fill(template[:m.start()]), fill(template[m.end():])
    sentence = head + value + tail
    start = len(head)
    if start == 0 and sentence[0].islower():
        sentence = sentence[0].upper() + sentence[1:]
    text = sentence[start:start + len(value)]
    if text.lower().startswith("the "):  # the article identifies nothing and is not gold
        start, text = start + 4, text[4:]
    return sentence, [(start, start + len(text), kind, text)]


def kind_plan(n: int, rng: random.Random) -> list[str]:
    """``n`` kinds in the proportions of ``SHARE`` (largest remainder), each at least ``MIN_PER_KIND``
    times when ``n`` allows, in a shuffled order."""
    floor = MIN_PER_KIND if n >= MIN_PER_KIND * len(KINDS) * 1.5 else 0
    raw = {k: n * SHARE[k] / sum(SHARE.values()) for k in KINDS}
    count = {k: max(floor, int(v)) for k, v in raw.items()}
    for k in sorted(KINDS, key=lambda k: raw[k] - int(raw[k]), reverse=True):
        if sum(count.values()) >= n:
            break
        count[k] += 1
    while sum(count.values()) > n:
        count[max(count, key=count.get)] -= 1  # type: ignore[arg-type]
    plan = [k for k in KINDS for _ in range(count[k])]
    rng.shuffle(plan)
    return plan


# -- overlap with the other parts, checks, counts ---------------------------------------------------------
def old_entries() -> set[str]:
    """Every string entry of every upper-case list, tuple list and template dict of the TUNE/TEST, FRESH,
    HOLDOUT and UNSEEN modules, read off the modules themselves."""
    import deid_evalset as ev
    import deid_evalset_fresh as fresh
    import deid_evalset_holdout as holdout
    import deid_evalset_unseen as unseen

    out: set[str] = set()
    for module in (ev, fresh, holdout, unseen):
        for name, value in vars(module).items():
            if not name.isupper():
                continue
            if isinstance(value, list | tuple | set):
                out |= {v for v in value if isinstance(v, str)}
                out |= {x for v in value if isinstance(v, tuple) for x in v if isinstance(x, str)}
            if isinstance(value, dict):
                out |= {t for ts in value.values() if isinstance(ts, list) for t in ts if isinstance(t, str)}
    return out


def overlap_with_old() -> dict[str, list[str]]:
    """Entries of this part equal (without case) to any entry of the other parts (should be empty)."""
    old = {o.lower() for o in old_entries()}
    return {k: sorted(v for v in vs if v.lower() in old) for k, vs in mine().items() if any(v.lower() in old for v in vs)}


def check_gold(docs: list) -> list[str]:  # type: ignore[type-arg]
    """Every gold span whose text is not at its offsets, is padded with spaces, or overlaps another."""
    bad = []
    for doc in docs:
        for g in doc.gold:
            if doc.text[g.start:g.end] != g.text or g.text != g.text.strip() or not g.text:
                bad.append(f"{doc.name}: {g.kind} {g.text!r} at {g.start}-{g.end} reads {doc.text[g.start:g.end]!r}")
        spans = sorted((g.start, g.end) for g in doc.gold)
        bad += [f"{doc.name}: overlap at {a}" for a, b in zip(spans, spans[1:], strict=False) if a[1] > b[0]]
    return bad


def counts(docs: list) -> dict[str, object]:  # type: ignore[type-arg]
    """Documents, words, gold identifiers per kind, host sources and speaker labels of a built set."""
    from collections import Counter

    per_kind = Counter(g.kind for d in docs for g in d.gold)
    return {"documents": len(docs), "words": sum(len(d.text.split()) for d in docs), "gold": sum(per_kind.values()),
            "per_kind": dict(sorted(per_kind.items())), "sources": dict(Counter(d.source for d in docs)),
            "name_labels": sum(is_name for d in docs for _, is_name in d.speakers),
            "role_labels": sum(not is_name for d in docs for _, is_name in d.speakers),
            "role_label_list": sorted({lb for d in docs for lb, is_name in d.speakers if not is_name})}


from deid_evalset_sealed_hosts import build, hosts, taken_by_other_parts  # noqa: E402,F401  (the documents)

if __name__ == "__main__":  # python bench/deid_evalset_sealed.py: the set's counts and gold check, no detector run
    import json
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    built = build()
    print(json.dumps({**counts(built), "gold_problems": check_gold(built), "overlap_with_old": overlap_with_old()}, indent=2))
