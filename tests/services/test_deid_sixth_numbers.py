"""The sixth round's number, date and age rules (``domain.deid_said_numbers``, ``domain.deid_age_clauses``)
and their place in the combined detector: NHS numbers grouped or said every way, postcodes spelled
out, bare and spoken years, "october the fourteenth", named days, and ages that the clause around a
number makes one; each with the look-alikes that must stay (times, prices, counts, pages, addresses,
"Christmas" alone)."""

from __future__ import annotations

import pytest

from cotheme.domain.deid import Found, Kind
from cotheme.domain.deid_age_clauses import find_age_clauses
from cotheme.domain.deid_said_numbers import find_said_numbers
from cotheme.services.deid_detect import FULL, Stages, detect


def _said(text: str) -> dict[str, Kind]:
    return {f.text: f.kind for f in find_said_numbers(text)}


def _ages(text: str) -> set[str]:
    return {f.text for f in find_age_clauses(text) if f.kind is Kind.AGE}


@pytest.mark.parametrize(
    ("text", "said", "kind"),
    [
        ("It says 482  316  3702 on the top of the letter", "482  316  3702", Kind.NHS_NUMBER),
        ("I'll redact 930/090/6100 from the transcript", "930/090/6100", Kind.NHS_NUMBER),
        ("the number on my card is 401.223.9876, I think", "401.223.9876", Kind.NHS_NUMBER),
        ("written as 712-554-0913 on the form", "712-554-0913", Kind.NHS_NUMBER),
        ("my NHS number is 011 234 5678", "011 234 5678", Kind.NHS_NUMBER),
        ("ring me on 011 234 5678 after six", "011 234 5678", Kind.PHONE),
        ("They asked for my NHS number, nine nine four, three three three, nine eight six one, three times.",
         "nine nine four, three three three, nine eight six one", Kind.NHS_NUMBER),
        ("it's four double five, two oh one, seven seven eight nine, two times they asked",
         "four double five, two oh one, seven seven eight nine", Kind.NHS_NUMBER),
        ("nine three eight seven three nine three nine four one, I've got it memorised",
         "nine three eight seven three nine three nine four one", Kind.NHS_NUMBER),
        ("The taxi firm wouldn't come out to S T three, three D H.", "S T three, three D H", Kind.POSTCODE),
        ("because I'm C F five, eight N S I'm not in their catchment", "C F five, eight N S", Kind.POSTCODE),
        ("it's L S six, two A B for the letters", "L S six, two A B", Kind.POSTCODE),
        ("I put NW3  9RD in the form", "NW3  9RD", Kind.POSTCODE),
        ("It's S8, the satnav always gets it wrong", "S8", Kind.POSTCODE),
        ("we moved out to BD7 when the twins came", "BD7", Kind.POSTCODE),
    ],
)
def test_numbers_and_postcodes_said_every_way_are_found(text: str, said: str, kind: Kind) -> None:
    assert _said(text).get(said) is kind


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("So 1984 was when you were admitted?", "1984"),
        ("Was that 1976, roughly?", "1976"),
        ("It was 1986 when the ambulance came.", "1986"),
        ("we'd been there since 2003 and nobody asked", "2003"),
        ("I've not had a drink since nineteen eighty nine.", "nineteen eighty nine"),
        ("I got sectioned on two thousand and twenty-three, I remember", "two thousand and twenty-three"),
        ("back in twenty eleven it all changed", "twenty eleven"),
        ("my mum died on october the fourteenth so that's", "october the fourteenth"),
        ("waited from may the twenty-seventh to June", "may the twenty-seventh"),
        ("discharged the third of november and", "the third of november"),
        ("I got sectioned on Halloween, I remember that much.", "Halloween"),
        ("It was Christmas Eve night when the ambulance came.", "Christmas Eve night"),
        ("It was Hogmanay 2017 when it happened", "Hogmanay 2017"),
        ("we went out on Bonfire Night and", "Bonfire Night"),
        ("he left on boxing day", "boxing day"),
        ("a card on Valentine's Day, of all days", "Valentine's Day"),
    ],
)
def test_dates_said_every_way_are_found(text: str, said: str) -> None:
    assert _said(text).get(said) is Kind.DATE


@pytest.mark.parametrize(
    "text",
    [
        "I'll be there at 9 o'clock",
        "the clinic is at 10:30 on Fridays",
        "in 1,984 cases the letter came late",
        "2019 of them replied to the survey",
        "it's on page 2019 of the report",
        "we had 2000 people through the door",
        "it cost two thousand pounds in the end",
        "nineteen twenty years ago, no, wait",
        "we always have people round at Christmas",
        "it was quiet over Easter",
        "ring 0113 496 2019 for the office",
        "the 1980s were hard",
        "the CO2 levels in CO2, honestly",
        "stuck on the M1, then the M62",
        "the call lasted 1 2 3 4 5 6 7 8 9 10 seconds",
    ],
)
def test_look_alikes_of_numbers_and_dates_are_left(text: str) -> None:
    assert _said(text) == {}


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("they said at forty-seven I wasn't eligible any more", "forty-seven"),
        ("At forty five you don't expect to be sectioned", "forty five"),
        ("my first admission at fifty two and then again at eighty two", "fifty two"),
        ("my first admission at fifty two and then again at eighty two", "eighty two"),
        ("first admission at 83 and then again", "83"),
        ("At 15, she left home", "15"),
        ("and my sister, Kai, was only fourteen at the time so I was trying", "fourteen"),
        ("When my step-mum Farzana was fourteen they started self-harming", "fourteen"),
        ("when my cousin, Wei, was thirteen they started", "thirteen"),
        ("and then Dylan was 9, so we moved", "9"),
        ("on the ward for someone of eighty three - It made me", "eighty three"),
        ("a man of 51 with two kids", "51"),
        ("im sixty and felt patronised", "sixty"),
        ("im eighty-eight and felt patronised", "eighty-eight"),
        ("i'm 40 now and still waiting", "40"),
        ("twenty-five yrs old and first time asking for help", "twenty-five"),
        ("she was a 16-yr-old and they put her on an adult ward", "16"),
        ("my little one's a 8-yr-old now", "8"),
        ("I was diagnosed with bipolar from about 21, which was late really", "21"),
        ("she's been drinking since about fifteen, on and off", "fifteen"),
    ],
)
def test_ages_the_clause_makes_are_found(text: str, age: str) -> None:
    assert age in _ages(text)


def test_an_age_after_a_hedge_next_to_a_found_age_is_found() -> None:
    text = "I was fifty-five, maybe 70, something like that, when it started"
    first = Found(6, 16, "fifty-five", Kind.AGE, "rule", 0.6)
    assert text[6:16] == "fifty-five"
    assert {f.text for f in find_age_clauses(text, [first])} == {"70"}


@pytest.mark.parametrize(
    "text",
    [
        "I'll pick you up at 9 o'clock",
        "the session starts at 10:30",
        "see you at 15 minutes past",
        "it was 20 quid for the taxi",
        "he lives at 10 Downing Street",
        "shall we meet at eleven.",
        "the bill was 20, and that was it",
        "it was 30, and then it went up",
        "I'm there from about eight, which is early",
        "we were driving at 70 on the motorway",
        "I looked at 20 different flats",
        "she was 5 foot nothing",
        "at 50% capacity the ward was fine",
        "I'm 20 minutes away",
        "a man of few words",
    ],
)
def test_look_alikes_of_ages_are_left(text: str) -> None:
    assert _ages(text) == set()


def test_the_sixth_stage_finds_them_in_the_detector_and_can_be_switched_off() -> None:
    text = ("They asked for my NHS number, nine nine four, three three three, nine eight six one, three times. "
            "So 1984 was when my sister, Kai, was only fourteen at the time.")
    on = {f.text: f.kind for f in detect(text, [(0, len(text))], [], use_model=False, stages=FULL)}
    off = {f.text: f.kind for f in detect(text, [(0, len(text))], [], use_model=False, stages=Stages(sixth=False))}
    assert on.get("nine nine four, three three three, nine eight six one") is Kind.NHS_NUMBER
    assert on.get("1984") is Kind.DATE and on.get("fourteen") is Kind.AGE
    assert "1984" not in off and "fourteen" not in off


@pytest.mark.parametrize(("text", "said"), [
    ("from Christmas Eve 2002 till, oh, august twenty eighteen I think", "august twenty eighteen"),
    ("till, oh, october twenty twenty-four I think...", "october twenty twenty-four"),
    ("till August nineteen ninety-eight I think, so yeah", "August nineteen ninety-eight"),
    ("we moved in may of 2016 and", "may of 2016"),
])
def test_a_month_with_its_year_is_one_date(text: str, said: str) -> None:
    assert _said(text).get(said) is Kind.DATE


@pytest.mark.parametrize(("text", "age"), [
    ("Our Lady of Lourdes, we were both, like, 15, so yeah.", "15"),
    ("at Cardiff Met, we were both, like, nine.", "nine"),
    ("OK, and you were how old then, about fifty-five?", "fifty-five"),
])
def test_a_shared_age_and_the_age_a_question_proposes(text: str, age: str) -> None:
    assert age in _ages(text)


@pytest.mark.parametrize("text", ["we were both 20 minutes late", "we were all five of us there", "I may twenty times"])
def test_groups_and_counts_are_not_ages(text: str) -> None:
    assert _ages(text) == set() and not any(k is Kind.DATE for k in _said(text).values())
