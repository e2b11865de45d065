"""The fourth round of de-identification rules: postcodes, NHS, CHI and hospital numbers and e-mail
addresses however they are written or said; employers, streets, health services and dates in their
everyday forms; each with the look-alikes that must stay (motorways, vitamins, doses, times, scores,
"ward round", "the practice nurse", "worked in a shop")."""

from __future__ import annotations

import pytest

from cotheme.domain.deid import Found, Kind, merge, nhs_number_valid, with_text
from cotheme.domain.deid_codes import find_codes, said_digits
from cotheme.domain.deid_forms import find_more_dates
from cotheme.domain.deid_places import find_places, listed_in

#: A stand-in for the English word list the service hands in.
ENGLISH = frozenset("go outdoors quicker main the a and amazon next best store new home years".split())


def _finds(text: str) -> list[tuple[int, int, str]]:
    found = with_text(merge(find_codes(text) + find_places(text, ENGLISH)), text)
    return [(f.start, f.end, f.kind.value) for f in found]


def _covering(text: str, expected: str) -> str | None:
    """The kind of the find covering at least 80 % of ``expected`` in ``text``."""
    start = text.index(expected)
    end = start + len(expected)
    for a, b, kind in _finds(text):
        if min(b, end) - max(a, start) >= 0.8 * (end - start):
            return kind
    return None


@pytest.mark.parametrize(
    ("text", "expected", "kind"),
    [
        # postcodes: extra spaces, the outward code with the words that make it one, spelt out, BFPO
        ("Put LS6  2AB in the satnav.", "LS6  2AB", "postcode"),
        ("It's LS 6 2AB.", "LS 6 2AB", "postcode"),
        ("We lived in the NW3 area back then.", "NW3", "postcode"),
        ("I'm over in LS6 now.", "LS6", "postcode"),
        ("Postcode's BS5, the rest I forget.", "BS5", "postcode"),
        ("They moved to the BD3 postcode.", "BD3", "postcode"),
        ("It's an S10 postcode, posh round there.", "S10", "postcode"),
        ("in the m14 area", "m14", "postcode"),
        ("We moved out to WA5, near Warrington.", "WA5", "postcode"),
        ("It's B-S five, near the park.", "B-S five", "postcode"),
        ("my postcode is L S six, two A B", "L S six, two A B", "postcode"),
        ("my postcode is ell ess six, two ay bee", "ell ess six, two ay bee", "postcode"),
        ("Letters went to BFPO 801 when he was out there.", "BFPO 801", "postcode"),
        # NHS numbers said in pairs and hundreds; hospital numbers and MRNs after their names
        ("NHS number is four eight five, double seven seven, thirty-four fifty-six",
         "four eight five, double seven seven, thirty-four fifty-six", "nhs_number"),
        ("My hospital number is RJ1234567.", "RJ1234567", "nhs_number"),
        ("They gave me an MRN, 123456.", "123456", "nhs_number"),
        ("hospital no. K123456", "K123456", "nhs_number"),
        ("Her unit number was M7654321.", "M7654321", "nhs_number"),
        ("Hospital number D 123456", "D 123456", "nhs_number"),
        ("patient ID RX1 234567", "RX1 234567", "nhs_number"),
        # e-mail addresses around spam filters or said aloud
        ("It's jo dot smith at gmail dot com.", "jo dot smith at gmail dot com", "email"),
        ("Send it to jo[at]nhs.net.", "jo[at]nhs.net", "email"),
        ("It's jo (at) x (dot) org.", "jo (at) x (dot) org", "email"),
        ("It's jo @ gmail.com.", "jo @ gmail.com", "email"),
        ("email jo.smith @nhs.net yeah", "jo.smith @nhs.net", "email"),
        ("It's jsmith AT nhs DOT net.", "jsmith AT nhs DOT net", "email"),
        ("[jo_smith at yahoo dot co dot uk]", "jo_smith at yahoo dot co dot uk", "email"),
        ("my email is kaz underscore b at outlook dot com", "kaz underscore b at outlook dot com", "email"),
        ("it's jo@gmail, just that", "jo@gmail", "email"),
        ("it's jo.smith at gmail.com", "jo.smith at gmail.com", "email"),
        ("it's m.khan [at] outlook [dot] com", "m.khan [at] outlook [dot] com", "email"),
        # employers
        ("i worked at tesco then asda", "asda", "workplace"),
        ("worked at amazon for a bit", "amazon", "workplace"),
        ("I'm a cleaner at Meadowhall.", "Meadowhall", "workplace"),
        ("I'm a nurse at Airedale.", "Airedale", "organisation"),  # a hospital by its short name
        ("I'm on nights at the Hermes depot.", "Hermes depot", "workplace"),
        ("I was at the Sky call centre for a bit.", "Sky call centre", "workplace"),
        ("I worked for the council for years.", "the council", "workplace"),
        ("They took me on at Bradley & Son.", "Bradley & Son", "workplace"),
        ("my boss at Wilson Brothers Haulage was alright", "Wilson Brothers Haulage", "workplace"),
        ("I'm self-employed, JB Plastering, just me and a van.", "JB Plastering", "workplace"),
        ("I was with the agency, Blue Arrow, for years.", "Blue Arrow", "workplace"),
        ("a cleaning firm called Sparkle Bright took me on", "Sparkle Bright", "workplace"),
        # streets
        ("I lived at forty-two Acacia Road.", "forty-two Acacia Road", "street"),
        ("we're at number 6, Elm Walk", "number 6, Elm Walk", "street"),
        ("It's 3 Meadow Cl.", "3 Meadow Cl", "street"),
        ("She's at 18 Orchard Dr.", "18 Orchard Dr", "street"),
        ("I lived on Acacia road as a kid.", "Acacia road", "street"),
        ("we lived on beech grove for years", "beech grove", "street"),
        ("9b Stainbeck Rd is where I am now", "9b Stainbeck Rd", "street"),
        # health services
        ("I was in Jimmy's for a week.", "Jimmy's", "organisation"),
        ("My son was at GOSH for years.", "GOSH", "organisation"),
        ("I was seen at the LGI.", "the LGI", "organisation"),
        ("I was taken to the Royal.", "the Royal", "organisation"),
        ("I was in the Priory for a month.", "the Priory", "organisation"),
        ("I had the op at St Thomas'.", "St Thomas'", "organisation"),
        ("I spent six weeks on ward 7.", "ward 7", "organisation"),
        ("The West Yorkshire ICB funds it.", "West Yorkshire ICB", "organisation"),
        ("We went to the Seacroft walk-in centre.", "Seacroft walk-in centre", "organisation"),
        ("NHS Leeds CCG turned it down.", "Leeds CCG", "organisation"),
        # dates
        ("it was the 12th of march", "12th of march", "date"),
        ("it was march 2020 when lockdown started", "march 2020", "date"),
        ("It all started last March.", "last March", "date"),
        ("He passed on the 23rd.", "the 23rd", "date"),
        ("Xmas 2017 was the worst", "Xmas 2017", "date"),
        ("we lost him november 2021", "november 2021", "date"),
        ("I got the letter on the 9th of jan", "the 9th of jan", "date"),
        ("summer 2019 was the worst", "summer 2019", "date"),
        ("it was early March 2020", "early March 2020", "date"),
        ("the hearing was on Tuesday 17th", "Tuesday 17th", "date"),
        ("the letter's dated 05-Mar-2021", "05-Mar-2021", "date"),
        # second batch: any inward letters in capitals, any code after "postcode", NHS said nearby
        ("We were at LS6 2CK for years.", "LS6 2CK", "postcode"),
        ("the postcode is like XQ4 7ZZ", "XQ4 7ZZ", "postcode"),
        ("What's your NHS number?\nIt's 123 456 7890.", "123 456 7890", "nhs_number"),
        ("123 456 7890 is my NHS number", "123 456 7890", "nhs_number"),
        ("NHS number is four hundred and eighty-five, seven seven seven, three four five six",
         "four hundred and eighty-five, seven seven seven, three four five six", "nhs_number"),
        ("I worked at harrisons for years", "harrisons", "workplace"),
        ("I drove for Addison Lee then", "Addison Lee", "workplace"),
        ("I was employed by Kirkgate Motors", "Kirkgate Motors", "workplace"),
        ("It was 14 Acacia Road, Chapel Allerton, LS7 3AB.", "14 Acacia Road, Chapel Allerton", "street"),
        ("jo . smith @ gmail . com is it", "jo . smith @ gmail . com", "email"),
        ("it's jo at leeds dash thr dot nhs dot uk", "jo at leeds dash thr dot nhs dot uk", "email"),
        ("I was under LYPFT for years.", "LYPFT", "organisation"),
        # third batch
        ("The BD5 bit of Bradford.", "BD5", "postcode"),
        ("my number at the hospital is RX3 556677", "RX3 556677", "nhs_number"),
        ("They wrote my hospital number wrong, A0987654.", "A0987654", "nhs_number"),
        ("I'm on stanley road now", "stanley road", "street"),
        ("Unit 4, Penraevon Industrial Estate was where the job was", "Unit 4, Penraevon Industrial Estate", "street"),
        ("my email's debbie dot walsh seventy four at gmail dot com", "debbie dot walsh seventy four at gmail dot com", "email"),
        # fourth batch
        ("LS6, Headingley, born and bred", "LS6", "postcode"),
        ("my postcode is L S six, two double A", "L S six, two double A", "postcode"),
        ("postcode is LS six two AB", "LS six two AB", "postcode"),
        ("My number is 485 777 3456.", "485 777 3456", "nhs_number"),
        ("it's jo at gmail full stop com", "jo at gmail full stop com", "email"),
        ("Harrisons, where I worked, were fine", "Harrisons", "workplace"),
        ("Kirkgate Motors is where I work", "Kirkgate Motors", "workplace"),
        ("my employer, Leeds Building Society, was good", "Leeds Building Society", "workplace"),
        ("I was at Calderdale Royal for a week", "Calderdale Royal", "organisation"),
        ("Leeds General was rammed", "Leeds General", "organisation"),
        ("It was 14 Sandhill Lawn", "14 Sandhill Lawn", "street"),
        ("Kirkstall Rd is busy", "Kirkstall Rd", "street"),
        ("from the 3rd to the 10th", "the 10th", "date"),
        ("on 12th I went back", "on 12th", "date"),
        ("I went in on the 14th, came out on the 28th", "on the 28th", "date"),
        ("the Hx1 area, yeah", "Hx1", "postcode"),
    ],
)
def test_fourth_round_finds_each_form(text: str, expected: str, kind: str) -> None:
    assert _covering(text, expected) == kind, _finds(text)


def test_a_year_said_after_a_date_joins_it() -> None:
    text = "My date of birth is the third of the third, eighty-seven."
    start = text.index("the third")
    date = Found(start, start + len("the third of the third"), "the third of the third", Kind.DATE, "rule", 0.7)
    spans = {(f.start, f.end) for f in find_places(text, ENGLISH, [date])}
    assert (start, text.index(".", start)) in spans


@pytest.mark.parametrize(
    "text",
    ["We drove up the A1 road and then the M62.", "I was on the M1 for an hour.", "B12 injections every three months.",
     "It was Year 9 when it started, KS3.", "CO2 levels in the room.", "Open 24/7, ring 999.",
     "It was about 7.30 in the morning.", "It cost £12.50.", "There was a ward round every morning.",
     "I spoke to the practice nurse about it.", "I took 20mg then 40 mg.", "I scored 18 out of 27.",
     "I worked in a shop, in a factory, anything.", "The hospital was rammed, the surgery too.",
     "I might go in March.", "May I ask something?", "I'm on the 2nd floor.", "I was at work, at the depot.",
     "I rang the crisis team.", "I was on the ward one night.", "I got the number 42 bus.",
     "I had twelve weeks off.", "I worked at it for years.", "It was the 1st of the month.",
     "I went to the GP surgery and they said wait.", "I was in bed 4, bay 2.", "The warehouse was freezing.",
     "I worked on the buses.", "We were on the same street.", "It took three weeks to get the letter.",
     "Quicker pharmacy service would help.", "I'd go outdoors more if I could.", "Patient Transport was late.",
     "the Royal Mail lost it", "I was at home dot com, no idea", "I looked at nhs dot uk for it.",
     "Best hospital in the country.", "It's about 15 minutes down the road.", "I work from home.",
     "In the morning I'd go for a walk.", "We lived on the main road.", "They live down the road.",
     "I was at home. Come round later.", "It was the B2 2ND one.", "I worked at home for years.",
     "The car was 123 456 7890 miles old.", "We took a trip down memory lane.", "I was on the bus lane.",
     "I paid with card A1234567 at the shop.", "It was 12 hours in A&E.", "He is an FY1 now, ST3 next.",
     "Spray some WD40 on it.", "In General it was fine.", "The General Manager said no.",
     "I came 2nd in the race.", "I went up to the 10th floor.", "I was 2nd in line.", "I was the 3rd person they saw.",
     "It was on the first day."],
)
def test_look_alikes_are_not_identifiers(text: str) -> None:
    assert _finds(text) == [], [(text[a:b], k) for a, b, k in _finds(text)]


def test_numbers_said_in_pairs_and_hundreds_are_read_as_digits() -> None:
    assert said_digits("four eight five, double seven seven, thirty-four fifty-six") == "4857773456"
    assert said_digits("oh seven seven hundred, nine hundred, one two three") == "07700900123"
    assert said_digits("nineteen, oh two") == "1902"
    assert nhs_number_valid("4010232137")
    text = "It's four oh one, oh two three, twenty-one thirty-seven, I know it."
    assert _covering(text, "four oh one, oh two three, twenty-one thirty-seven") == "nhs_number"
    wrong = "It's four oh one, oh two three, twenty-one thirty-eight, I know it."  # the check digit fails
    assert _finds(wrong) == []


def test_two_ordinals_make_a_date_without_the_first_the() -> None:
    assert [f.text for f in find_more_dates("It was 4th of the 7th, ha")] == ["4th of the 7th"]
    assert find_more_dates("it was the 2nd of the 3rd time") == []


def test_a_phone_number_after_number_is_no_nhs_number() -> None:
    text = "my number is 0113 496 0000"
    assert all(kind != "nhs_number" for _, _, kind in _finds(text))


def test_listed_names_are_found_as_whole_words_longest_first() -> None:
    names = {"sky": "Sky", "sky betting": "Sky Betting", "asda": "Asda"}
    assert listed_in("i was at sky betting then asda.", names) == [(9, 20, "Sky Betting"), (26, 30, "Asda")]
    assert listed_in("skyline and asdas", names) == []
