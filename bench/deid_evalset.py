"""The de-identification evaluation set, built at run time from real interview text with planted
identifiers (nothing here is copied from ../shared/data; it is read from there on each run).

Host texts (read from ``../shared/data``): the 7 PDPilot interview transcripts (P1-P4 TUNE, P5-P7 TEST),
the Zoom class transcript (first half of its cues TUNE, second half TEST), and NHS Friends-and-Family
comments (v6 framework file; rows with an even ``Comment ID`` TUNE, odd TEST). Host sentences that
already hold a capitalised word in mid-sentence are kept, but the real names known in them (the
PDPilot interviewer "Dan", the Zoom speakers' names as transcribed) are gold identifiers too. NHS
comments with a capital letter after their first word are left out: they may name real staff or places
that no gold span would mark.

Planted identifiers: every value list and every sentence template is split in two halves, TUNE and
TEST, so rules are tuned on one half and reported on the other. Each ``Doc`` has its text, turns,
speaker labels, and gold ``Span``s (start, end, kind). Kinds: person, nickname, possessive, relative,
age, date, place, street, postcode, health_org, school, workplace, phone, email, nhs_number, url,
handle; speaker labels are scored on their own.
"""

from __future__ import annotations

import csv
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from cotheme.domain.deid import nhs_number_valid
from cotheme.formats.captions import read_vtt
from cotheme.formats.pdf import read_pdf

import deid_evalset_fresh as fresh  # noqa: I001

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
PDPILOT = DATA / "transcripts-open" / "pdpilot-user-study"
ZOOM = DATA / "captions-vtt" / "GMT20240124-202901_Recording.transcript.vtt"
NHS = DATA / "coded-datasets" / "nhs-patient-experience" / "v6framework_230831.csv"
PHASE1 = DATA / "coded-datasets" / "nhs-patient-experience" / "phase1_text_data.csv"
#: Real names already in the host texts (read off the files), gold persons wherever they occur.
HOST_NAMES = ["Dan", "Connor", "Conor", "Melissa Koh", "Melissa", "Shrihar", "Shujani", "Srijani", "Ryan", "Johnny"]

# -- value lists: each is split by position, even indexes TUNE, odd TEST ---------------------------
FIRST = ["Sarah", "Priya", "Tomasz", "Aisha", "Oluwaseun", "Mohammed", "Grace", "Liam", "Chloe", "Deepak", "Fatima",
         "Kwame", "Siobhan", "Rhys", "Mei", "Joanna", "Hamza", "Ewa", "Callum", "Nadia", "Imran", "Bethany", "Yusuf",
         "Anika", "Declan", "Zainab", "Marek", "Harriet", "Olumide", "Niamh", "Amira", "Gurpreet", "Tariq", "Agnieszka",
         "Chidi", "Keisha", "Dylan", "Ayesha", "Bogdan", "Leanne", "Kofi", "Ngozi", "Sunita", "Darren", "Hannah",
         "Jamal", "Roisin", "Wei", "Adebayo", "Shauna", "Ravi", "Maja", "Lewis", "Farah", "Kieran", "Precious",
         "Arjun", "Zofia", "Tyrone", "Eilidh"]
LAST = ["Jones", "Patel", "Kowalski", "Okafor", "Khan", "Murphy", "Williams", "Chen", "Begum", "Evans", "Nowak",
        "Mensah", "O'Brien", "Hughes", "Ahmed", "Taylor", "Davies", "Singh", "Campbell", "Adeyemi", "Hussain",
        "Wiśniewski", "Mahmood", "Okonkwo", "McAllister", "Bhatt", "Reid", "Sandhu", "Obi", "Clarke", "Novak",
        "Kaur", "Fitzgerald", "Osei", "Iqbal", "Lindqvist"]
NICK = ["Becks", "Jonno", "Mo", "Kaz", "Gaz", "Shaz", "Tommo", "Jaz", "Dex", "Bex", "Sully", "Robbo", "Pri", "Nads",
        "Ollie", "Tash", "Benny", "Stevo"]
RELATION = ["sister", "brother", "nan", "husband", "wife", "son", "daughter", "cousin", "best friend", "uncle",
            "auntie", "partner", "stepdad", "mum", "boyfriend", "niece"]
TOWN = ["Bradford", "Sheffield", "Wakefield", "Harrogate", "Huddersfield", "Doncaster", "Halifax", "Rotherham",
        "Barnsley", "Keighley", "Dewsbury", "Castleford", "Pontefract", "Batley", "Scunthorpe", "Grimsby", "Oldham",
        "Rochdale", "Wigan", "Bolton", "Stockport", "Blackburn", "Burnley", "Preston", "Swindon", "Luton",
        "Ipswich", "Derby", "Coventry", "Wolverhampton", "Sunderland", "Gateshead", "Middlesbrough", "Darlington",
        "Carlisle", "Kendal", "Lancaster", "Chesterfield"]
DISTRICT = ["Chapeltown", "Harehills", "Moss Side", "Handsworth", "Toxteth", "Beeston", "Armley", "Seacroft",
            "Gipton", "Levenshulme", "Longsight", "Sparkbrook", "Tottenham", "Peckham", "Brixton", "Walthamstow",
            "Headingley", "Hyde Park", "Meanwood", "Crookes", "Pitsmoor", "Firth Park", "Easton", "St Pauls"]
STREET_NAME = ["Acacia", "Beech", "Chapel", "Elmwood", "Kirkstall", "Victoria", "Albert", "Station", "Cemetery",
               "Hawthorn", "Linden", "Ashgrove", "Manor", "Orchard", "Meadow", "Cavendish", "Wellington", "Gladstone"]
STREET_TYPE = ["Road", "Street", "Lane", "Avenue", "Close", "Drive", "Crescent", "Grove", "Terrace", "Way"]
HEALTH = ["{T} General Hospital", "{S} Surgery", "the {S} Medical Practice", "{S} Ward", "the {S} Clinic",
          "{T} Royal Infirmary", "{S} House Hospice", "{S} Lodge", "{T} Talking Therapies", "Mind in {T}",
          "the {S} Centre", "{S} Health Centre", "{T} Recovery College", "the {S} Trust", "Samaritans of {T}",
          "{S} Mosque", "St {Saint}'s Hospice", "{S} Community Mental Health Team"]
SCHOOL = ["{S} Primary School", "{S} Academy", "{T} College", "St {Saint}'s", "{S} High School",
          "{T} Grammar School", "{S} Infant School", "{S} Sixth Form"]
SAINT = ["Mary", "Joseph", "Anne", "Peter", "Wilfrid", "Aidan", "Bede", "Cuthbert", "Luke", "Oswald"]
EMPLOYER = ["Greggs", "Asda", "Morrisons", "Harrison & Sons Ltd", "Sainsbury's", "Amazon", "Arla Foods",
            "Northern Rail", "Boots", "Primark", "Jet2", "Yorkshire Water", "Costa", "Wilko", "Next", "Aldi",
            "Pennine Logistics", "Kirklees Council"]


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    kind: str
    text: str


@dataclass(slots=True)
class Doc:
    name: str
    source: str
    turns: list[tuple[str | None, int, int]] = field(default_factory=list)
    text: str = ""
    gold: list[Span] = field(default_factory=list)
    speakers: list[tuple[str, bool]] = field(default_factory=list)  # label, is a name

    @property
    def units(self) -> list[tuple[int, int]]:
        return [(s, e) for _, s, e in self.turns]

    @property
    def labels(self) -> list[str]:
        return [s for s, _ in self.speakers]


def half(values: list[str], part: str) -> list[str]:
    return values[0::2] if part == "tune" else values[1::2]


# -- identifiers -----------------------------------------------------------------------------------
def _nhs(rng: random.Random) -> str:
    while True:
        digits = str(rng.choice([4, 6, 7, 9])) + "".join(str(rng.randint(0, 9)) for _ in range(8))
        for check in range(10):
            if nhs_number_valid(digits + str(check)):
                d = digits + str(check)
                return rng.choice([f"{d[:3]} {d[3:6]} {d[6:]}", d, f"{d[:3]}-{d[3:6]}-{d[6:]}"])


def _postcode(rng: random.Random) -> str:
    area = rng.choice(["LS", "BD", "S", "M", "HU", "YO", "SW", "E", "N", "CF", "WF", "HD", "OL", "B", "L", "NE"])
    letters = "ABDEFGHJLNPQRSTUWXYZ"
    return f"{area}{rng.randint(1, 19)} {rng.randint(1, 9)}{rng.choice(letters)}{rng.choice(letters)}"


def _phone(rng: random.Random) -> str:
    d = lambda n: "".join(str(rng.randint(0, 9)) for _ in range(n))  # noqa: E731
    return rng.choice([f"07{d(3)} {d(6)}", f"07{d(9)}", f"+44 7{d(3)} {d(6)}", f"0113 {d(3)} {d(4)}",
                       f"(0161) {d(3)} {d(4)}", f"01{d(3)} {d(6)}", f"020 {d(4)} {d(4)}"])


def _date(rng: random.Random) -> str:
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December"]
    day, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1975, 2024)
    suffix = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd"}.get(day, "th")
    return rng.choice([f"{day:02d}/{m:02d}/{y}", f"{day}/{m}/{str(y)[2:]}", f"{day}{suffix} {months[m - 1]} {y}",
                       f"{months[m - 1]} {day}, {y}", f"{y}-{m:02d}-{day:02d}", f"{day}.{m}.{y}",
                       f"the {day}{suffix} of {months[m - 1]}", f"{day} {months[m - 1][:3]} {y}",
                       f"{months[m - 1]} {y}", f"{day}-{m:02d}-{y}"])


def values(kind: str, rng: random.Random, part: str) -> dict[str, str]:
    """The slot values for one planted sentence of ``kind``, drawn from the ``part`` half of the lists."""
    first, last = rng.choice(half(FIRST, part)), rng.choice(half(LAST, part))
    town, stem = rng.choice(half(TOWN, part)), rng.choice(half(STREET_NAME, part))
    saint = rng.choice(half(SAINT, part))
    fill = {"T": town, "S": stem, "Saint": saint}
    user = f"{first.lower()}{rng.choice(['', '.', '_'])}{last.lower().replace(chr(39), '')}"
    user = user.encode("ascii", "ignore").decode()
    return {
        "person": rng.choice([f"{first} {last}", first]), "nickname": rng.choice(half(NICK, part)),
        "possessive": first, "relative": first, "rel": rng.choice(half(RELATION, part)),
        "age": str(rng.choice([rng.randint(13, 17), rng.randint(18, 89), rng.randint(90, 103)])),
        "date": _date(rng), "place": rng.choice(half(TOWN, part) + half(DISTRICT, part)),
        "street": f"{rng.choice(['', str(rng.randint(1, 180)) + ' '])}{stem} {rng.choice(STREET_TYPE)}",
        "postcode": _postcode(rng), "health_org": rng.choice(half(HEALTH, part)).format(**fill),
        "school": rng.choice(half(SCHOOL, part)).format(**fill), "workplace": rng.choice(half(EMPLOYER, part)),
        "phone": _phone(rng), "email": f"{user}{rng.randint(1, 99)}@{rng.choice(['gmail.com', 'hotmail.co.uk', 'nhs.net', 'yahoo.com', 'outlook.com'])}",
        "nhs_number": _nhs(rng),
        "url": rng.choice([f"www.{stem.lower()}{town.lower()}.org.uk", f"https://{town.lower()}mind.org.uk/groups",
                           f"facebook.com/{user}", f"https://www.justgiving.com/{user}"]),
        "handle": f"@{user[:15]}",
    }


#: Sentence templates per kind, split like the lists (even TUNE, odd TEST). ``{x}`` marks the gold slot.
TEMPLATES: dict[str, list[str]] = {
    "person": ["I spoke to {x} about it in the end.", "{x} was my key worker for a while.",
               "There was a woman called {x} who ran the group.", "Honestly {x} was the only one who listened.",
               "Then {x} came round and sat with me.", "It was {x} who noticed I wasn't right.",
               "I still message {x} now and then.", "Me and {x} used to go to the group together."],
    "nickname": ["Everyone calls him {x}, he's been a good mate.", "{x} used to pick me up for the sessions.",
                 "I said to {x}, I can't do this any more.", "We called her {x} at the group."],
    "possessive": ["It was {x}'s idea to try the group.", "I stayed at {x}'s for a couple of weeks.",
                   "{x}'s mum drove me to the appointment.", "I borrowed {x}'s phone to ring them."],
    "relative": ["My {rel} {x} came with me the first time.", "I live with my {rel}, {x}, and the kids.",
                 "our {rel} {x} didn't understand at all.", "I told my {rel} {x} before anyone else."],
    "age": ["I was {x} when it started.", "My son is {x} now, so it's different.", "I turned {x} last spring.",
            "She was only {x} at the time.", "I'm {x} and I've never felt like that.", "He's {x} years old now."],
    "date": ["The first appointment was on {x}.", "It all kicked off around {x}.", "I got discharged on {x}.",
             "My review is booked for {x}.", "I think it was {x} when I went in."],
    "place": ["I grew up in {x} and never left.", "We moved to {x} when I was small.",
              "There's nothing like that round {x}.", "I had to get two buses from {x}.",
              "The group was over in {x} on a Thursday.", "{x} has changed a lot since then."],
    "street": ["We were living on {x} then.", "The flat was at {x}, above the shop.",
               "I walk down {x} every morning.", "My mum's house on {x} was always busy."],
    "postcode": ["The letter went to {x} instead.", "My postcode is {x} if that helps.",
                 "They said {x} is outside their area."],
    "health_org": ["I was referred to {x} in the end.", "I ended up at {x} for three weeks.",
                   "The people at {x} were brilliant.", "I go to {x} once a week now.",
                   "{x} said they couldn't help me.", "My GP at {x} was very good about it."],
    "school": ["I went to {x} but left at sixteen.", "My daughter's at {x} now.",
               "The teachers at {x} never noticed.", "{x} rang me about her attendance."],
    "workplace": ["I work at {x} on the tills.", "I was working for {x} at the time.",
                  "My manager at {x} was understanding.", "I got a job with {x} after that.",
                  "I've been at {x} nearly six years."],
    "phone": ["You can ring me on {x} if you need to.", "My number's {x}.", "The crisis line is {x}."],
    "email": ["Just email me at {x} with the details.", "My email is {x}.", "I sent it from {x}."],
    "nhs_number": ["My NHS number is {x} if you need it.", "The letter had {x} on the top.",
                   "They read out {x} to check it was me."],
    "url": ["There's a page, {x}, with the times on.", "I found them at {x}.", "The link was {x}."],
    "handle": ["I'm {x} on Instagram if you want to follow.", "Follow {x}, they post the meet-ups.",
               "My TikTok is {x}."],
}
KINDS = tuple(TEMPLATES)


def plant(kind: str, rng: random.Random, part: str) -> tuple[str, list[tuple[int, int, str, str]]]:
    """One sentence with one planted identifier of ``kind``; its gold spans (offsets in the sentence)."""
    template = rng.choice(half(TEMPLATES[kind], part))
    vals = values(kind, rng, part)
    value = vals[kind]
    sentence = template.replace("{rel}", vals["rel"])
    start = sentence.index("{x}")
    sentence = sentence.replace("{x}", value)
    sentence = sentence[0].upper() + sentence[1:]
    if value.startswith("the "):  # "the Orchard Trust": the article identifies nothing and is not gold
        start, value = start + 4, value[4:]
    return sentence, [(start, start + len(value), kind, value)]


# -- host texts ------------------------------------------------------------------------------------
def _pdpilot(part: str) -> list[tuple[str, list[tuple[str | None, str]]]]:
    names = ["P1", "P2", "P3", "P4"] if part == "tune" else ["P5", "P6", "P7"]
    out = []
    for name in names:
        path = PDPILOT / f"{name}.pdf"
        parsed = read_pdf(path.name, path.read_bytes())
        turns = [(t.speaker, parsed.text[t.start:t.end]) for t in parsed.turns if t.end > t.start]
        # Documents of about 600 words: whole turns, in order.
        chunk: list[tuple[str | None, str]] = []
        words = 0
        for speaker, text in turns:
            chunk.append((speaker, text))
            words += len(text.split())
            if words >= 600:
                out.append((f"pdpilot-{name}-{len(out)}", chunk))
                chunk, words = [], 0
    return out


def _zoom(part: str) -> list[tuple[str, list[tuple[str | None, str]]]]:
    parsed = read_vtt(ZOOM.name, ZOOM.read_bytes())
    turns = [(None, parsed.text[t.start:t.end]) for t in parsed.turns if t.end > t.start]
    mid = len(turns) // 2
    chosen = turns[:mid] if part == "tune" else turns[mid:]
    size = (len(chosen) + 2) // 3
    return [(f"zoom-{part}-{i}", chosen[i * size:(i + 1) * size]) for i in range(3)]


def _nhs_comments(part: str, limit: int) -> list[tuple[str, list[tuple[str | None, str]]]]:
    with NHS.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    keep = []
    for row in rows:
        text = " ".join((row.get("FFT answer") or "").split())
        cid = int(re.sub(r"\D", "", row.get("Comment ID") or "0") or 0)
        if len(text.split()) < 12 or (cid % 2 == 0) != (part == "tune"):
            continue
        if re.search(r"(?<=[a-z,;] )[A-Z]", text):  # may name real staff or places: no gold for them
            continue
        keep.append(text)
    docs = []
    for i in range(0, min(len(keep), limit * 8), 8):
        docs.append((f"nhs-{part}-{i // 8}", [("Respondent", c) for c in keep[i:i + 8]]))
    return docs[:limit]


# -- documents ---------------------------------------------------------------------------------------
def build(part: str, *, seed: int = 17, per_doc: int = 8, nhs_docs: int = 10, max_docs: int | None = None) -> list[Doc]:
    """The ``part`` ("tune" or "test" half, the "fresh" or the "holdout" held-out part) of the evaluation set: each host document with ``per_doc``
    planted sentences (kinds in turn, so every kind is planted about equally often), a third of the
    documents labelled with real-looking speaker names instead of roles."""
    if part == "holdout":  # the part nobody tunes on: see deid_evalset_holdout
        import deid_evalset_holdout as holdout

        return holdout.build(seed=seed, per_doc=per_doc, max_docs=max_docs)
    rng = random.Random(f"{seed}-{part}")
    if part == "fresh":  # its own lists, templates and host texts: see deid_evalset_fresh
        used = {c for p in ("tune", "test") for _, turns in _nhs_comments(p, nhs_docs) for _, c in turns}
        hosts = fresh.hosts(PHASE1, NHS, used)
        first, last = fresh.FIRST, fresh.LAST
        plant_one = lambda kind: fresh.plant(kind, rng)  # noqa: E731
    else:
        hosts = _pdpilot(part) + _zoom(part) + _nhs_comments(part, nhs_docs)
        first, last = half(FIRST, part), half(LAST, part)
        plant_one = lambda kind: plant(kind, rng, part)  # noqa: E731
    if max_docs is not None:
        hosts = hosts[:max_docs]
    docs = []
    kind_cycle = 0
    for index, (name, turns) in enumerate(hosts):
        doc = Doc(name=name, source=name.split("-")[0])
        named = index % 3 == 0
        label_for: dict[str | None, str] = {}
        for speaker, _ in turns:
            if speaker not in label_for:
                if named:
                    label_for[speaker] = f"{rng.choice(first)} {rng.choice(last)}" \
                        if rng.random() < 0.5 else rng.choice(first)
                elif part == "fresh":
                    pair = fresh.ROLE_PAIRS[index % len(fresh.ROLE_PAIRS)]
                    label_for[speaker] = pair[0] if speaker == "Researcher" else pair[1]
                else:
                    label_for[speaker] = "Interviewer" if speaker in ("Dan",) else (speaker or "Speaker")
        targets = set(rng.sample(range(len(turns)), min(per_doc, len(turns))))
        if named:  # the interviewer greets the participant by the name on their label
            who = label_for[turns[-1][0]].split()[0]
            turns = [(turns[0][0], f"Thanks for coming in today, {who}. " + turns[0][1]), *turns[1:]]
        pieces: list[str] = []
        offset = 0
        for t_index, (speaker, text) in enumerate(turns):
            gold_here: list[tuple[int, int, str, str]] = []
            body = text
            if t_index in targets:
                kind = KINDS[kind_cycle % len(KINDS)]
                kind_cycle += 1
                sentence, spans = plant_one(kind)
                cut = _cut_point(body, rng)
                body = body[:cut] + (" " if cut and not body[cut - 1].isspace() else "") + sentence + " " + body[cut:].lstrip()
                base = cut + (1 if cut and not text[cut - 1].isspace() else 0)
                gold_here = [(base + s, base + e, k, v) for s, e, k, v in spans]
            start = offset
            pieces.append(body)
            doc.turns.append((label_for[speaker], start, start + len(body)))
            doc.gold.extend(Span(start + s, start + e, k, v) for s, e, k, v in gold_here)
            offset += len(body) + 1
        doc.text = "\n".join(pieces)
        if part == "fresh":
            doc.gold.extend(_host_names(doc.text, doc.gold, fresh.HOST_NAMES))
            doc.gold.extend(_host_names(doc.text, doc.gold, fresh.HOST_ORGS, kind="health_org"))
        else:
            doc.gold.extend(_host_names(doc.text, doc.gold))
        if named:
            doc.gold.extend(_label_mentions(doc.text, doc.gold, set(label_for.values())))
        doc.speakers = [(label, named) for label in dict.fromkeys(label_for.values())]
        docs.append(doc)
    return docs


def _cut_point(text: str, rng: random.Random) -> int:
    """A sentence boundary in ``text`` (or its start/end) to plant a sentence at."""
    bounds = [0] + [m.end() for m in re.finditer(r"[.!?]\s+", text)] + [len(text)]
    return rng.choice(bounds)


def _host_names(text: str, gold: list[Span], names: list[str] = HOST_NAMES, kind: str = "person") -> list[Span]:
    out = []
    taken = [(g.start, g.end) for g in gold]
    for name in sorted(names, key=len, reverse=True):
        for m in re.finditer(rf"\b{re.escape(name)}\b", text):
            if not any(a < m.end() and m.start() < b for a, b in taken):
                out.append(Span(m.start(), m.end(), kind, m.group()))
                taken.append((m.start(), m.end()))
    return out


def _label_mentions(text: str, gold: list[Span], labels: set[str]) -> list[Span]:
    """A speaker's name said in the text (the planted label names can collide with planted ones)."""
    out = []
    taken = [(g.start, g.end) for g in gold]
    for label in labels:
        for part in label.split():
            for m in re.finditer(rf"\b{re.escape(part)}\b", text):
                if not any(a < m.end() and m.start() < b for a, b in taken):
                    out.append(Span(m.start(), m.end(), "person", m.group()))
                    taken.append((m.start(), m.end()))
    return out
