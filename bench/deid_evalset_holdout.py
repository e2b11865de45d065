"""The HOLDOUT part of the de-identification evaluation set: value lists, sentence templates and host
texts that none of the TUNE, TEST or FRESH parts use, kept for an honest figure after rules are written
on the others. Nobody tunes the detector on it: it is run once per release of the detector and the
figure is reported as it comes. Nothing here may be edited to make the detector look better; only a
gold span shown to be wrong may be corrected.

Host texts (read from ``../shared/data`` on each run, nothing copied): NHS Friends-and-Family comments
that TUNE, TEST and FRESH do not take: v6 comments from mental-health, forensic and community services
(the FRESH part takes some of the first two; the rest are used here) and ``phase1_text_data.csv``
comments outside the FRESH draw. A comment is kept only when it is 15 words or more, holds no digit
(an unmarked age or date in a host comment would count against precision), and passes FRESH's filter
(no capitalised word in mid-sentence other than "I" forms, weekdays and short abbreviations, and every
capitalised word an English word), so that no real identifier hides unmarked in a host passage. The
Zoom captions (``*.cc.vtt``) are not used: they are the same speech as the Zoom transcript that TUNE
and TEST read. The PDPilot transcripts are all read by TUNE and TEST.

Each document is an interview: an interviewer's opening question, then the participant's turns (the
host comments) with short interviewer prompts between them. Planted sentences are written in the voice
of who speaks the turn: service users, carers and family members in the participant's turns, the
interviewer (a researcher, a peer researcher or a member of staff) in the prompts. Speaker labels are
role pairs such as "Interviewer"/"Service user", "Peer researcher"/"Carer", "Int"/"SU", "Q"/"A",
"Interviewer"/"Mum" (none may be flagged), or, in a third of the documents, names from the lists below
(none may be left).

Kinds: person (full name, first name alone, "Dr"/"Nurse"/"Mrs" + surname), nickname, possessive,
relative (role + name, and northern "our" + name), age (numeric and spoken: "52", "forty-two",
"sixty one", "14-year-old"), date (numeric, written and spoken: "3/2/2019", "03/02/19", "3-Feb-2019",
"the third of February", "February the third", "March twenty nineteen", "Tuesday 3rd February",
"Sept 2017"), place (towns and districts), street (with or without a number, "14a ...", flats and
tower blocks: "Flat 3b, Coleridge House"), postcode, health_org (wards, GP practices, clinics,
teams, services, charities, "Ward 24"), school, workplace, phone, email, nhs_number, url (short links:
bit.ly, tinyurl, forms.gle, wa.me) and handle (with "@", without it on Snapchat, "u/..." on Reddit).

Every value list entry is new: ``overlap_with_old`` lists any entry equal to an entry of any list or
template of the other parts (a test keeps it empty). Default seed 4711.
"""

from __future__ import annotations

import csv
import random
import re
from pathlib import Path

from cotheme.domain.deid import nhs_number_valid

SEED = 4711

FIRST = ["Adaeze", "Babajide", "Chiamaka", "Obinna", "Yetunde", "Kwabena", "Akosua", "Efua", "Mehmet", "Elif", "Emre",
         "Zeynep", "Shirin", "Reza", "Parisa", "Dariusz", "Krzysztof", "Magdalena", "Łukasz", "Vytautas", "Rasa",
         "Florin", "Bianca", "Georgi", "Svetlana", "Anh", "Thanh", "Hiroshi", "Min-jun", "Rajesh", "Lakshmi",
         "Manpreet", "Sukhwinder", "Kiranjit", "Rizwan", "Saima", "Nabila", "Bilal", "Tahmina", "Shahid", "Khadija",
         "Jayden", "Kayleigh", "Shannon", "Courtney", "Kirsty", "Dean", "Tracey", "Lorraine", "Maureen", "Brenda",
         "Doreen", "Trevor", "Nigel", "Malcolm", "Hamish", "Mhairi", "Iain", "Seren", "Cerys", "Owain", "Siân",
         "Ciara", "Orla", "Ciarán", "Dermot", "Oisín", "Joy", "Faith", "Summer", "Rose", "Ivy", "Frank", "Mark",
         "Jack", "Amber", "Pearl", "Blessing", "Chantelle", "Demi", "Leon", "Marlon", "Kemar", "Shanice"]
LAST = ["Shaw", "Booth", "Haigh", "Sykes", "Barraclough", "Ackroyd", "Holroyd", "Greenwood", "Sutcliffe", "Lockwood",
        "Pearson", "Atkinson", "Brennan", "Quinn", "Byrne", "McKenzie", "Fraser", "Cameron", "Jenkins", "Rees",
        "Adeleke", "Ogunleye", "Eze", "Appiah", "Owusu", "Kamara", "Conteh", "Abdullahi", "Yilmaz", "Demir",
        "Hosseini", "Karimi", "Sharma", "Gupta", "Chauhan", "Parmar", "Bains", "Qureshi", "Siddiqui", "Bibi",
        "Tran", "Pham", "Liu", "Yamamoto", "Lewandowski", "Wójcik", "Kazlauskas", "Ionescu", "Ivanova", "De Souza",
        "Baker", "Cook", "Marsh", "Little", "Knight", "Mason"]
TITLE = ["Dr", "Nurse", "Mrs", "Mr", "Ms", "Miss", "Professor"]
NICK = ["Jonesy", "Spud", "Ginge", "Big Mick", "Tez", "Mags", "Bev", "Rach", "Chaz", "Abz", "Kels", "Soph", "Mikey",
        "Nobby", "Lofty", "Boz", "Deb", "Mand", "Stretch", "Jammy", "Kaz-B", "Little Lee"]
RELATION = ["gran", "grandma", "nana", "twin sister", "grandson", "great-nan", "step-sister", "stepbrother",
            "sister-in-law", "father-in-law", "daughter-in-law", "fiancé", "fiancée", "ex-husband", "ex-wife",
            "girlfriend", "godmother", "foster carer", "birth mum", "aunt", "eldest", "youngest", "mother", "father",
            "partner's son", "mum's fella", "lass", "husband's brother"]
TOWN = ["Reading", "Bury", "Bath", "Maidstone", "Folkestone", "Eastbourne", "Worthing", "Bognor Regis", "Portsmouth",
        "Bournemouth", "Taunton", "Weston-super-Mare", "Gloucester", "Hereford", "Redditch", "Walsall", "Dudley",
        "West Bromwich", "Tamworth", "Burton upon Trent", "Loughborough", "Corby", "Kettering", "Northampton",
        "Peterborough", "Boston", "Grantham", "Ilkeston", "Buxton", "Glossop", "Ashton-under-Lyne", "Skelmersdale",
        "Southport", "Birkenhead", "Runcorn", "Northwich", "Blyth", "Jarrow", "South Shields", "Peterlee",
        "Thornaby", "Northallerton", "Brighouse", "Ossett", "Morley", "Otley", "Bingley", "Cleckheaton",
        "Mirfield", "Holmfirth", "Mexborough", "Caernarfon", "Aberystwyth", "Port Talbot", "Bridgend", "Greenock",
        "Motherwell", "Falkirk", "Dundee", "Ayr", "Lisburn", "Newry", "Enniskillen"]
DISTRICT = ["Openshaw", "Gorton", "Ancoats", "Harpurhey", "Moston", "Anfield", "Speke", "Norris Green", "Croxteth",
            "Bootle", "Hunslet", "Belle Isle", "Bramley", "Holme Wood", "Manningham", "Little Horton", "Darnall",
            "Tinsley", "Page Hall", "Arbourthorne", "Sharrow", "Nechells", "Ladywood", "Kings Norton", "Hartcliffe",
            "Barton Hill", "Cathays", "Adamsdown", "Drumchapel", "Castlemilk", "Niddrie", "Wester Hailes",
            "Elswick", "Scotswood", "Stonebridge", "Thamesmead", "Woolwich", "Edmonton", "Kilburn", "Mitcham"]
STREET_NAME = ["Ferncliffe", "Coleridge", "Mornington", "Tavistock", "Alma", "Balmoral", "Inkerman", "Salisbury",
               "Carlton", "Cromwell", "Osborne", "Lonsdale", "Garibaldi", "Bracken", "Heathfield", "Woodbine",
               "Primrose", "Laburnum", "Nelson", "Hanover"]
STREET_TYPE = ["Square", "View", "Vale", "Croft", "Fold", "Gate", "Wynd", "Brow", "Yard", "Heights", "Chase",
               "Villas", "Approach", "Cres", "Gdns", "Ln", "Tce"]
BLOCK = ["House", "Tower", "Point", "Flats"]
ORG_STEM = ["Bramble", "Hazelwood", "Brackenfield", "Thornbury", "Windermere", "Ashlea", "Bridgewater", "Elmhurst",
            "Foxhill", "Greystones", "Kingfisher", "Moorfield", "Pinewood", "Silverdale", "Wren", "Juniper",
            "Cedar", "Larkspur", "Harbour", "Lantern"]
SAINT = ["Benedict", "Clare", "Dunstan", "Edmund", "Gregory", "Jude", "Kentigern", "Mungo", "Teresa", "Vincent"]
WARD = ["{S} PICU", "Ward {n}", "Ward {n}{w}", "{S} Acute Unit", "{S} Mother and Baby Unit", "the {S} Rehab Unit"]
HEALTH = WARD + ["the {T} IAPT service", "the {T} Eating Disorders Service", "{T} Memory Clinic",
          "{S} Family Practice", "Dr {L} and Partners", "the {S} Group Practice", "{T} Crisis House",
          "the {T} Sanctuary", "{T} Citizens Advice", "Age UK {T}", "Turning Point", "the Richmond Fellowship",
          "Change Grow Live", "Beat", "Cruse", "Papyrus", "Home-Start {T}", "the {T} Liaison Psychiatry team",
          "{S} Assertive Outreach Team", "the {T} perinatal team",
          "{T} Walk-in Centre", "the {S} Clubhouse", "{T} Hearing Voices Network", "the {T} CMHT",
          "{T} Dual Diagnosis Service",
          "{T} Gender Identity Clinic", "{T} Carers Trust", "the {T} food bank"]
SCHOOL = ["{S} Park Primary", "{S} Middle School", "{T} High", "{S} Technology College", "{S} Special School",
          "Our Lady of {Saint}", "St {Saint}'s Catholic Primary", "the {S} School", "{S} Girls' School",
          "{S} Studio School", "Kings {T}"]
COLLEGE = ["{T} Metropolitan University", "{T} Met", "the Open University", "{S} Learning Centre", "{T} Adult College",
           "{T} Tech"]
EMPLOYER = ["Sports Direct", "Home Bargains", "B&M", "Matalan", "Currys", "Halfords", "Screwfix", "Pets at Home",
            "Wickes", "Superdrug", "Specsavers", "Subway", "Burger King", "Domino's", "Starbucks", "Pret",
            "Greene King", "Travelodge", "G4S", "Mitie", "Sodexo", "Evri", "Yodel", "Just Eat", "Arriva", "First Bus",
            "BT", "Sky", "Barclays", "Nationwide", "HMRC", "the DWP", "{T} City Council", "{S} Nursing Home",
            "{L} Builders", "{L}'s Bakery", "the {S} Arms", "the {S} Hotel", "Bensons for Beds", "Compass"]
EMAIL_DOMAIN = ["ntlworld.com", "googlemail.com", "talktalk.net", "virginmedia.com", "hotmail.com", "me.com",
                "live.com", "mail.com"]
POSTCODE_AREA = ["BN", "PO", "SO", "BH", "GL", "HR", "WR", "WS", "DY", "DE", "NN", "PE", "LN", "SK", "CH", "CW",
                 "WA", "FY", "BB", "BL", "HX", "DL", "SR", "DD", "KY", "FK", "PA", "KA", "BT", "NP", "SE", "NW",
                 "CM", "NR", "ME", "CT", "RM", "IG"]
#: Real names or places in the chosen host comments (read off them): gold wherever they occur.
HOST_NAMES = ["Alex", "Chris", "Leah", "Michelle", "Patricia", "Pete", "Teresa", "Victoria"]
HOST_ORGS = ["NSPU", "millbrook", "highbury"]
ROLE_PAIRS = [("Interviewer", "Service user"), ("Peer researcher", "Carer"), ("Interviewer", "Participant"),
              ("Int", "SU"), ("Researcher", "Carer"), ("Q", "A"), ("Interviewer", "Mum"),
              ("Peer researcher", "Service user"), ("Interviewer", "Young person"), ("IV", "Family member"),
              ("Researcher", "Service User"), ("Interviewer 2", "Respondent")]
OPENERS = ["So, to start with, how did you first come into contact with mental health services?",
           "Can you talk me through what happened the last time things got difficult?",
           "What has it been like caring for someone who is unwell?",
           "Thinking back to when you were first referred, what do you remember?",
           "How would you describe the support you've had over the last year?",
           "What does a good day look like for you at the moment?",
           "Tell me about the people who have helped you, if anyone has.",
           "What would you want the staff to know about your experience?"]
PROMPTS = ["Mm, yeah.", "Okay. And how did that feel?", "Right. Can you say a bit more about that?",
           "Yeah, I can imagine.", "And what happened after that?", "Was there anyone you could talk to?",
           "Okay, take your time.", "That sounds really hard.", "How did the staff respond?",
           "And is that still the case now?", "Mm-hm. Go on.", "So what would have helped, looking back?"]

TEENS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORDINAL = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
           "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
           "eighteenth", "nineteenth", "twentieth"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
MONTH_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def spoken(n: int, rng: random.Random) -> str:
    """A number as said aloud, hyphenated or not ("forty-two", "sixty one")."""
    if n < 20:
        return TEENS[n]
    return TENS[n // 10] + (rng.choice(["-", " "]) + TEENS[n % 10] if n % 10 else "")


def spoken_ordinal(n: int) -> str:
    if n <= 20:
        return ORDINAL[n]
    return TENS[n // 10] + ("-" + ORDINAL[n % 10] if n % 10 else "th")


def spoken_year(y: int) -> str:
    """"nineteen ninety-eight", "two thousand and six", "twenty nineteen"."""
    if y < 2000:
        return f"nineteen {TENS[(y % 100) // 10]}" + (f"-{TEENS[y % 10]}" if y % 10 else "")
    if y < 2010:
        return f"two thousand and {TEENS[y % 10]}"
    return f"twenty {TEENS[y % 100]}" if y % 100 < 20 else f"twenty {TENS[(y % 100) // 10]}-{TEENS[y % 10]}"


def _nhs(rng: random.Random) -> str:
    while True:
        digits = str(rng.choice([4, 6, 7, 9])) + "".join(str(rng.randint(0, 9)) for _ in range(8))
        for check in range(10):
            if nhs_number_valid(digits + str(check)):
                d = digits + str(check)
                return rng.choice([f"{d[:3]} {d[3:6]} {d[6:]}", f"{d[:3]} {d[3:6]} {d[6:]}", d, f"{d[:3]}-{d[3:6]}-{d[6:]}"])


def _postcode(rng: random.Random) -> str:
    letters = "ABDEFGHJLNPQRSTUWXYZ"
    area = rng.choice(POSTCODE_AREA)
    outward = rng.choice([f"{area}{rng.randint(1, 9)}", f"{area}{rng.randint(10, 29)}",
                          f"WC{rng.randint(1, 2)}{rng.choice('ABEHNRVX')}", f"SE1{rng.choice('P')}"])
    inward = f"{rng.randint(0, 9)}{rng.choice(letters)}{rng.choice(letters)}"
    return rng.choice([f"{outward} {inward}", f"{outward} {inward}", f"{outward}{inward}"])


def _phone(rng: random.Random) -> str:
    d = lambda n: "".join(str(rng.randint(0, 9)) for _ in range(n))  # noqa: E731
    return rng.choice([f"07{d(2)} {d(3)} {d(4)}", f"(07{d(3)}) {d(6)}", f"0044 7{d(3)} {d(6)}", f"+447{d(9)}",
                       f"01{d(3)} {d(5)}", f"0121 {d(3)} {d(4)}", f"0151-{d(3)}-{d(4)}", f"0300 {d(3)} {d(4)}",
                       f"0845 {d(3)} {d(4)}", f"028 90{d(2)} {d(4)}"])


def _date(rng: random.Random) -> str:
    day, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1979, 2025)
    suffix = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd"}.get(day, "th")
    month, abbr = MONTHS[m - 1], MONTH_ABBR[m - 1]
    return rng.choice([f"{day}/{m}/{y}", f"{day:02d}/{m:02d}/{str(y)[2:]}", f"{day}-{abbr}-{y}",
                       f"{abbr} {day}{suffix}", f"{day}{suffix} {abbr}", f"{rng.choice(WEEKDAYS)} {day}{suffix} {month}",
                       f"the {spoken_ordinal(day)} of {month}", f"{month} the {spoken_ordinal(day)}",
                       f"{month} {spoken_year(y)}", f"{abbr} {y}", f"{day} {month}, {y}",
                       f"the {spoken_ordinal(day)} of {month} {spoken_year(y)}"])


def values(rng: random.Random) -> dict[str, str]:
    """The slot values for one planted sentence, drawn from the holdout lists."""
    first, last = rng.choice(FIRST), rng.choice(LAST)
    town, stem = rng.choice(TOWN), rng.choice(ORG_STEM)
    fill = {"T": town, "S": stem, "Saint": rng.choice(SAINT), "L": rng.choice(LAST), "n": str(rng.randint(1, 40)),
            "w": rng.choice("ABC")}
    plain = lambda s: s.lower().replace(" ", "").replace("'", "").encode("ascii", "ignore").decode()  # noqa: E731
    user = f"{plain(first)}{rng.choice(['', '.', '_'])}{plain(last)}"
    tag = f"{re.sub(r'[.]', '_', user)[:13]}{rng.choice(['', str(rng.randint(10, 99)), 'xo', '_x'])}"
    code = "".join(rng.choice("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(7))
    age = lambda low, high: rng.choice([str(n := rng.randint(low, high)), spoken(n, rng)])  # noqa: E731
    street = f"{rng.choice(STREET_NAME)} {rng.choice(STREET_TYPE)}"
    return {
        "person": rng.choice([f"{first} {last}", first, f"{first} {last}"]), "surname": last,
        "title": rng.choice(TITLE), "nickname": rng.choice(NICK), "possessive": first, "relative": first,
        "rel": rng.choice(RELATION), "age": age(18, 60), "age_child": age(8, 17), "age_old": age(61, 97), "age_num": str(rng.randint(3, 17)),
        "date": _date(rng), "place": rng.choice(TOWN + DISTRICT),
        "road": street, "street": rng.choice([street, f"{rng.randint(1, 199)} {street}", f"{rng.randint(1, 60)}{rng.choice('ab')} {street}",
                              f"Flat {rng.randint(1, 30)}{rng.choice(['', 'a', 'b'])}, {rng.choice(STREET_NAME)} {rng.choice(BLOCK)}",
                              f"Flat {rng.randint(1, 9)}, {rng.randint(2, 120)} {street}"]),
        "postcode": _postcode(rng), "health_org": rng.choice(HEALTH).format(**fill),
        "ward": rng.choice(WARD).format(**fill), "school": rng.choice(SCHOOL + COLLEGE).format(**fill),
        "school_child": rng.choice(SCHOOL).format(**fill), "college": rng.choice(COLLEGE).format(**fill), "workplace": rng.choice(EMPLOYER).format(**fill),
        "phone": _phone(rng),
        "email": rng.choice([f"{user}@{rng.choice(EMAIL_DOMAIN)}", f"{user}{rng.randint(1, 99)}@{rng.choice(EMAIL_DOMAIN)}",
                             f"{plain(first)[0]}.{plain(last)}@{plain(town)}.gov.uk",
                             f"{plain(first)}@{plain(stem)}recovery.co.uk"]),
        "nhs_number": _nhs(rng),
        "url": rng.choice([f"bit.ly/{code}", f"tinyurl.com/{plain(stem)}{rng.randint(2, 99)}", f"forms.gle/{code}",
                           f"wa.me/447{rng.randint(100000000, 999999999)}", f"https://discord.gg/{code}",
                           f"www.eventbrite.co.uk/e/{plain(town)}-walk-and-talk-{rng.randint(10**9, 10**10)}",
                           f"facebook.com/groups/{plain(town)}carers", f"https://www.{plain(stem)}{plain(town)}.co.uk",
                           f"youtu.be/{code}", f"{plain(town)}-recovery-college.org"]),
        "handle": rng.choice([f"@{tag}", f"@{tag}", tag, f"@{user[:20]}"]), "handle_bare": tag,
        "handle_reddit": f"u/{tag}",
    }


#: Participant voice (service users, carers, family). ``{x}`` is the gold slot; ``{title}`` and
#: ``{rel}`` are filled around it; a person template with ``{x:surname}`` takes a surname.
TEMPLATES: dict[str, list[str]] = {
    "person": ["Honestly, {x} was the first person who actually asked how I was.", "{x} was on duty the night I came in.",
               "I've got {x} as my care coordinator now and she's alright.", "Then {x} turned up at the door with the police.",
               "Me and {x} got sectioned the same week, funnily enough.", "{title} {x:surname} just kept upping the dose.",
               "I asked to see {title} {x:surname} again but apparently they've left.", "He'd only talk to {x}, nobody else.",
               "There's a peer worker, {x}, who did the wellbeing group."],
    "nickname": ["{x} from the hostel lent me a tenner.", "Everyone on the estate knows {x}.",
                 "I rang {x} at three in the morning and he picked up.", "Me mate {x} came to the tribunal with me.",
                 "{x} was the only one who'd sit with me in the smoking shelter."],
    "possessive": ["{x}'s sofa was where I ended up most nights.", "We went back to {x}'s after the appointment.",
                   "It was {x}'s funeral that tipped me over.", "I used to pick up {x}'s prescription for her.",
                   "I didn't want to be a burden on {x}'s family."],
    "relative": ["My {rel} {x} has been my rock, to be honest.", "Our {x} rang the crisis line, not me.",
                 "It's my {rel}, {x}, I care for.", "{x}, that's my {rel}, sorts all the forms out for me.",
                 "I had to leave my {rel} {x} with the neighbour.", "When my {rel} {x} passed, everything fell apart.",
                 "We'd been looking after my {rel} {x} since the stroke."],
    "age": ["I was about {x:age_child} when the voices started.", "She was {x:age_child} the first time she self-harmed.",
            "He's {x:age_child} now but he's still under CAMHS.", "I'm {x} next month and I've never had a proper diagnosis.",
            "I left home at {x:age_child}.", "My mother's {x:age_old} and I'm her only carer.", "My {x:age_num}-year-old does the shopping now."],
    "date": ["They discharged me on {x}, no follow-up.", "It must have been {x} when I took the overdose.",
             "I was detained {x} under a section two.", "I've had nothing from them since {x}.",
             "The appointment letter said {x}, but nobody turned up.", "He went missing on {x}."],
    "place": ["We got rehoused out to {x}, I don't know anyone.", "I was born and bred in {x}.",
              "The nearest bed they had was in {x}.", "It's two buses to {x} for the clinic.",
              "{x} isn't the best area if you're trying to stay clean.", "She's been in a placement near {x} for months."],
    "street": ["The supported housing is on {x:road}.", "I'm still at {x}, nothing's changed.",
               "The police found him wandering down {x:road}.", "Can they send the letters to {x} instead?",
               "{x} is where my mum lives, I stay there sometimes."],
    "postcode": ["My postcode's {x}, so I'm in the wrong catchment apparently.", "They had me down at {x}, the old address.",
                 "Put {x} on the form, that's the hostel.", "Because I'm {x} they said I'm not their patch."],
    "health_org": ["I got put on {x:ward} and it was terrifying.", "Honestly {x} saved my life.",
                   "My GP referred me to {x} but the wait was eight months.", "The staff on {x:ward} were run off their feet.",
                   "I've been going to {x} every Wednesday.", "I was on the list for {x} for over a year.",
                   "We went to {x} with her because nobody else would help."],
    "school": ["She was excluded from {x:school_child} in year eight.", "I was bullied all through {x:school_child}.",
               "My son's at {x:school_child} and they've been really supportive.",
               "I'd just started my course at {x:college} when I got ill.", "The SENCO at {x:school_child} was the one who spotted it.",
               "{x:college} were brilliant, they let me defer a year."],
    "workplace": ["I've been signed off from {x} since the summer.", "I was doing twelve-hour shifts at {x}.",
                  "My manager at {x} was the one who told me to see someone.", "I lost my job at {x} when I was in hospital.",
                  "I do a couple of mornings at {x} now, it gets me out."],
    "phone": ["My mobile is {x}, text first though.", "The only number I had was {x} and nobody picked up.",
              "You can get my daughter on {x}.", "I wrote {x} on my hand so I wouldn't lose it."],
    "email": ["Just use {x}, I check it most days.", "Everything goes to {x}, it's my son's.",
              "My email's {x}, with an underscore I think.", "I sent my complaint from {x}."],
    "nhs_number": ["My NHS number, hang on, it's {x}.", "They kept asking for {x} every time I phoned.",
                   "It's on my letter, {x}.", "I know it off by heart, {x}."],
    "url": ["It's all on {x} if you want the times.", "They sent me a link, {x}, for the survey.",
            "I found the group through {x}.", "The fundraiser's at {x}."],
    "handle": ["I post about my recovery as {x} on Instagram.", "Add me on Snapchat, I'm {x:handle_bare}.",
               "There's a Reddit account, {x:handle_reddit}, where I vent.", "My TikTok's {x} if you want to see.",
               "His Snapchat was {x:handle_bare}, that's how they groomed him."],
}
#: Interviewer voice (researcher, peer researcher or staff), planted in the interviewer's prompts.
ASKS: dict[str, list[str]] = {
    "person": ["Was that {x}, the one you mentioned before?", "So {x} was your care coordinator at that point?",
               "And did you see {title} {x:surname} again after that?"],
    "nickname": ["Is {x} the friend from the hostel?", "And {x} was there too?"],
    "possessive": ["So you were staying at {x}'s then?", "Was that {x}'s idea?"],
    "relative": ["And your {rel} {x}, how did they take it?", "Does your {rel} {x} still live with you?"],
    "age": ["And you were {x} at the time?", "So he'd have been about {x:age_child} then?"],
    "date": ["Just to check, that was {x}?", "So the assessment was {x}?"],
    "place": ["And that was when you were living in {x}?", "Is the service in {x} or further out?"],
    "street": ["Is that the flat on {x:road}?", "So the hostel on {x:road}, what was that like?"],
    "postcode": ["I'll note the postcode as {x}, is that right?"],
    "health_org": ["And how long were you at {x}?", "Who referred you to {x}?", "I work with the team at {x}, actually."],
    "school": ["Was that at {x}?", "And did {x} offer any support?"],
    "workplace": ["And {x} knew about your diagnosis?", "How long were you at {x}?"],
    "phone": ["For the voucher, is {x} still the best number?"],
    "email": ["Shall I send the transcript to {x}?"],
    "nhs_number": ["You don't need to tell me that, but I've noted {x} on the consent form by mistake."],
    "url": ["Is that the group on {x}?"],
    "handle": ["Is {x} the account you mentioned?"],
}
KINDS = tuple(TEMPLATES)


def plant(kind: str, rng: random.Random, voice: str = "participant") -> tuple[str, list[tuple[int, int, str, str]]]:
    """One holdout sentence with one planted identifier of ``kind``, in the ``voice`` of who speaks it
    ("participant" or "interviewer"); its gold span (offsets in the sentence)."""
    vals = values(rng)
    template = rng.choice((ASKS if voice == "interviewer" else TEMPLATES)[kind])
    m = re.search(r"\{x(?::(\w+))?\}", template)
    assert m is not None
    value = vals[m.group(1) or kind]  # "{x:age_num}-year-old": the number alone is the identifier
    head = template[:m.start()].replace("{rel}", vals["rel"]).replace("{title}", vals["title"])
    tail = template[m.end():].replace("{rel}", vals["rel"]).replace("{title}", vals["title"])
    start = len(head)
    sentence = head + value + tail
    if start == 0 and sentence[0].islower():
        sentence = sentence[0].upper() + sentence[1:]
    kind_value = sentence[start:start + len(value)]
    if kind_value.lower().startswith("the "):  # the article identifies nothing and is not gold
        start, kind_value = start + 4, kind_value[4:]
    return sentence, [(start, start + len(kind_value), kind, kind_value)]


_DIGIT = re.compile(r"\d")


def _comments(path_v6: Path, path_phase1: Path, taken: set[str], known: set[str]) -> tuple[list[str], list[str]]:
    """Host comments no other part takes: v6 (mental-health, forensic, community services) and phase1."""
    from deid_evalset_fresh import _clean

    def ok(text: str) -> bool:
        return len(text.split()) >= 15 and text not in taken and not _DIGIT.search(text) and _clean(text, known)

    with path_v6.open(encoding="utf-8", newline="") as handle:
        v6_rows = list(csv.DictReader(handle))
    services = ("Local partnerships- MH", "Forensic", "Community health services")
    v6 = [" ".join((r.get("FFT answer") or "").split()) for r in v6_rows
          if (r.get("Service type 1") or "").startswith(services)]
    v6 = [t for t in dict.fromkeys(v6) if ok(t)]
    with path_phase1.open(encoding="utf-8", newline="") as handle:
        p1 = [" ".join((r.get("feedback") or "").split()) for r in csv.DictReader(handle)]
    p1 = [t for t in dict.fromkeys(p1) if ok(t) and t not in set(v6)]
    shuffle = random.Random("holdout-hosts")
    shuffle.shuffle(v6)
    shuffle.shuffle(p1)
    return v6, p1


def hosts(path_v6: Path, path_phase1: Path, taken: set[str], *, v6_docs: int = 32, phase1_docs: int = 36,
          per: int = 6) -> list[tuple[str, list[tuple[str, str]]]]:
    """Holdout host documents: an opening question, then ``per`` comments as the participant's turns
    with an interviewer's prompt after every other one. Speakers are "Interviewer"/"Participant"
    placeholders that ``build`` relabels."""
    from deid_evalset_fresh import _english

    v6, p1 = _comments(path_v6, path_phase1, taken, _english())
    out: list[tuple[str, list[tuple[str, str]]]] = []
    rng = random.Random("holdout-prompts")
    for source, texts, count in (("v6", v6, v6_docs), ("phase1", p1, phase1_docs)):
        for i in range(min(count, len(texts) // per)):
            turns = [("Interviewer", OPENERS[(i + len(out)) % len(OPENERS)])]
            for j, comment in enumerate(texts[i * per:(i + 1) * per]):
                turns.append(("Participant", comment))
                if j % 2 == 1 and j < per - 1:
                    turns.append(("Interviewer", rng.choice(PROMPTS)))
            out.append((f"holdout{source}-{i}", turns))
    return out


def taken_by_other_parts() -> set[str]:
    """Every host comment the TUNE, TEST and FRESH parts read (so the holdout part reads none of them)."""
    import deid_evalset as ev
    import deid_evalset_fresh as fresh

    taken = {c for p in ("tune", "test") for _, turns in ev._nhs_comments(p, 10) for _, c in turns}
    taken |= {c for _, turns in fresh.hosts(ev.PHASE1, ev.NHS, taken) for _, c in turns}
    return taken


def build(*, seed: int = SEED, per_doc: int = 8, max_docs: int | None = None) -> list:  # type: ignore[type-arg]
    """The holdout documents (``deid_evalset.Doc``): each host interview with ``per_doc`` planted
    sentences (kinds in turn), a third labelled with names instead of roles."""
    import deid_evalset as ev

    rng = random.Random(f"{seed}-holdout")
    host_docs = hosts(ev.NHS, ev.PHASE1, taken_by_other_parts())
    if max_docs is not None:
        host_docs = host_docs[:max_docs]
    docs = []
    kind_cycle = 0
    for index, (name, turns) in enumerate(host_docs):
        doc = ev.Doc(name=name, source=name.split("-")[0])
        named = index % 3 == 0
        if named:
            label_for = {s: (f"{rng.choice(FIRST)} {rng.choice(LAST)}" if rng.random() < 0.5 else rng.choice(FIRST))
                         for s in ("Interviewer", "Participant")}
            while label_for["Interviewer"].split()[0] == label_for["Participant"].split()[0]:
                label_for["Interviewer"] = rng.choice(FIRST)
        else:
            pair = ROLE_PAIRS[index % len(ROLE_PAIRS)]
            label_for = {"Interviewer": pair[0], "Participant": pair[1]}
        if named:  # the interviewer greets the participant by the name on their label
            who = label_for["Participant"].split()[0]
            turns = [(turns[0][0], f"Thanks for making the time, {who}. " + turns[0][1]), *turns[1:]]
        # The opening question is left as written; the other turns take the planted sentences.
        targets = set(rng.sample(range(1, len(turns)), min(per_doc, len(turns) - 1)))
        offset = 0
        pieces: list[str] = []
        for t_index, (speaker, text) in enumerate(turns):
            body, gold_here = text, []
            if t_index in targets:
                kind = KINDS[kind_cycle % len(KINDS)]
                kind_cycle += 1
                voice = "interviewer" if speaker == "Interviewer" else "participant"
                sentence, spans = plant(kind, rng, voice)
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
        if named:
            doc.gold.extend(ev._label_mentions(doc.text, doc.gold, set(label_for.values())))
        doc.speakers = [(label, named) for label in dict.fromkeys(label_for.values())]
        docs.append(doc)
    return docs


def old_entries() -> set[str]:
    """Every entry of every value list and template of the TUNE/TEST and FRESH parts (and their host
    names), read off the modules themselves."""
    import deid_evalset as ev
    import deid_evalset_fresh as fresh

    out: set[str] = set()
    for module in (ev, fresh):
        for name, value in vars(module).items():
            if name.isupper() and isinstance(value, list):
                out |= {v for v in value if isinstance(v, str)}
                out |= {x for v in value if isinstance(v, tuple) for x in v if isinstance(x, str)}
            if name == "TEMPLATES":
                out |= {t for ts in value.values() for t in ts}
    return out


def overlap_with_old() -> dict[str, list[str]]:
    """Entries of the holdout lists and templates equal to any entry of the other parts' lists or
    templates (compared without case; should be empty). Role labels are left out: "Interviewer",
    "Service user" and "Carer" are what every study writes and must be in every part."""
    old = {o.lower() for o in old_entries()}
    mine = {"FIRST": FIRST, "LAST": LAST, "NICK": NICK, "RELATION": RELATION, "TOWN": TOWN, "DISTRICT": DISTRICT,
            "STREET_NAME": STREET_NAME, "STREET_TYPE": STREET_TYPE, "BLOCK": BLOCK, "ORG_STEM": ORG_STEM,
            "SAINT": SAINT, "HEALTH": HEALTH, "SCHOOL": SCHOOL + COLLEGE, "EMPLOYER": EMPLOYER, "EMAIL_DOMAIN": EMAIL_DOMAIN,
            "POSTCODE_AREA": POSTCODE_AREA, "TITLE": TITLE,
            "TEMPLATES": [t for ts in TEMPLATES.values() for t in ts] + [t for ts in ASKS.values() for t in ts]}
    return {k: sorted(v for v in vs if v.lower() in old) for k, vs in mine.items() if any(v.lower() in old for v in vs)}
