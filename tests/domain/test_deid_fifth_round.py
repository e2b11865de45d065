"""The fifth round of de-identification rules: ages as UK interviewees say them (written short, in
months, with a half, approximate, hedged, to come, after a name or a person noun, in pairs and runs),
names, lower-case towns and services that the words around them give away, and the rest of a list of
names; each with the look-alikes that must stay ("14 years ago", "for 10 years", "Year 9", "our meds",
"the Town Centre")."""

from __future__ import annotations

import pytest

from cotheme.domain.deid import Found, Kind
from cotheme.domain.deid_ages import find_fifth_ages
from cotheme.domain.deid_cued import find_cued, find_listed_names, find_said_links, find_siblings
from cotheme.domain.deid_rules import find_context, stopped

#: Stand-ins for the gazetteers the service hands in (case-folded).
ENGLISH = frozenset("""the a and was is back everyone house them her him up round metric med jade hope will
house sample lauren summer""".split())
FIRST_NAMES = frozenset("kayleigh priya tash ricky sam yusuf lauren summer sarah".split())
PLACES = frozenset("barnsley castleford seacroft llanelli".split())


def _ages(text: str) -> set[str]:
    return {f.text for f in find_fifth_ages(text) if f.kind is Kind.AGE}


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("he was a 12 yr old lad", "12"),
        ("my 2yo was ill all week.", "2"),
        ("a 50yr old ex-body builder", "50"),
        ("as I am 89 1/2 yrs old.", "89 1/2"),
        ("she was 8 months old when we found out.", "8 months"),
        ("when she was 18 months she had her first fit.", "18 months"),
        ("our youngest is two and a half now.", "two and a half"),
        ("he'll be three and a half in May.", "three and a half"),
        ("I'm just gone 18 so I can go on my own.", "18"),
        ("He's fifty-odd, still working.", "fifty-odd"),
        ("I'm fifty odd now, too old for that.", "fifty odd"),
        ("I must have been 10 or so.", "10"),
        ("I'd have been twenty two I think.", "twenty two"),
        ("i was like 15 when it started", "15"),
        ("Jade, 14, was the one who found her.", "14"),
        ("Ethan (8) and Maisie (5) stayed with their dad.", "8"),
        ("I've got a 6 and a 9 year old at home.", "6"),
        ("at fourteen, fifteen, I was out every night.", "fourteen"),
        ("at fourteen, fifteen, I was out every night.", "fifteen"),
        ("I'll be thirty in June.", "thirty"),
        ("She's twelve going on twenty, honestly.", "twelve"),
        ("When you're 14, you don't think about it.", "14"),
        ("I had our Callum at seventeen.", "seventeen"),
        ("There was a lad, twenty maybe, in the bed opposite.", "twenty"),
        ("Our Jayden's ten now and he's a carer.", "ten"),
        ("The twins are three.", "three"),
        ("She's got to be ninety if she's a day.", "ninety"),
        ("I were only a bairn, about six.", "six"),
        ("Our Lily who's 4 goes to nursery.", "4"),
        ("I've got three kids, 12, 9 and 4.", "9"),
        ("My daughter (14) is self-harming.", "14"),
    ],
)
def test_fifth_round_ages(text: str, age: str) -> None:
    assert age in _ages(text)


@pytest.mark.parametrize(
    "text",
    [
        "I worked there for 10 years.",
        "I rang 3 times and nobody answered.",
        "I waited 2 weeks for a call back.",
        "It's on page 4 of the leaflet.",
        "It cost me £40 a week.",
        "I take 50mg twice a day.",
        "She's in Year 9 now.",
        "I'd had two or three drinks.",
        "It took six months to get seen.",
        "I did 3 sessions and stopped.",
        "He scored 9 out of 10.",
        "It cost fifty-odd quid.",
        "He's over 6 foot.",
        "I'll be 5 minutes.",
        "She was 6 months pregnant.",
        "I was 6 months on the waiting list.",
        "We had them at 10:30 in the morning.",
        "I've been on them 5 years now.",
        "page 1/2 yrs old",
        "Dinner's 6.",
        "I'm on the 36 bus every day.",
        "There's a 12 week wait.",
        "We've been married 30 years.",
        "I've got two kids, and a dog.",
        "the kids, 3 of them, were fine",
        "I saw the boy, 3 times.",
        "We'll be 20 next week at the group.",
        "he's gone 10 past",
        "I'll be 10 minutes.",
        "He must have been 20 minutes.",
        "I had him at 6am.",
        "Tesco's 24 hours now.",
    ],
)
def test_fifth_round_numbers_that_are_no_ages(text: str) -> None:
    assert _ages(text) == set()


def test_years_ago_is_no_age_for_the_context_rule() -> None:
    assert not [f for f in find_context("That was 14 years ago now.") if f.kind is Kind.AGE]
    assert [f.text for f in find_context("I was 14 when it started.") if f.kind is Kind.AGE] == ["14"]


def test_the_age_next_to_a_found_age_is_found() -> None:
    text = "I was about nine, ten."
    nine = Found(12, 16, "nine", Kind.AGE, "rule", 0.7)
    assert [f.text for f in find_fifth_ages(text, [nine])] == ["ten"]


def _cued(text: str) -> dict[str, str]:
    return {f.text: f.kind.value for f in find_cued(text, ENGLISH, FIRST_NAMES, PLACES)}


@pytest.mark.parametrize(
    ("text", "expected", "kind"),
    [
        ("our kayleigh is the eldest", "kayleigh", "person"),
        ("our Jade was the one who rang me.", "Jade", "person"),
        ("i texted kez and she came straight round", "kez", "person"),
        ("i rang shaz and told her everything", "shaz", "person"),
        ("me and gaz went down the pub.", "gaz", "person"),
        ("we're from barnsley originally", "barnsley", "place"),
        ("I live over seacroft way.", "seacroft", "place"),
        ("I go to the Willow Centre on Tuesdays.", "the Willow Centre", "organisation"),
        ("It's called the Hive Project, for young carers.", "the Hive Project", "organisation"),
        ("Lighthouse, the drop-in, was a lifeline.", "Lighthouse", "organisation"),
        ("they sent me to the Beacon recovery service", "the Beacon recovery service", "organisation"),
        ("the Haven, the crisis café, saved me.", "the Haven", "organisation"),
        ("then yusuf came round", "yusuf", "person"),
        ("hiya its lauren here", "lauren", "person"),
        ("We're in Kirkby-in-Ashfield.", "Kirkby-in-Ashfield", "place"),
        ("I went to Weston-super-Mare.", "Weston-super-Mare", "place"),
        ("I used the Samaritans a lot.", "Samaritans", "organisation"),
        ("There's a drop-in in Small Heath but it's miles away.", "Small Heath", "place"),
        ("we lived over Gipton way", "Gipton", "place"),
        ("I got counselling at Touchstone.", "Touchstone", "organisation"),
        ("We were referred to the Bridge.", "the Bridge", "organisation"),
    ],
)
def test_cued_names_places_and_services(text: str, expected: str, kind: str) -> None:
    assert _cued(text).get(expected) == kind


@pytest.mark.parametrize(
    "text",
    [
        "The friendly staff as we collect our meds.",
        "we have our, our metrics, like, you know",
        "our house was always full",
        "I texted back straight away.",
        "They told everyone at work.",
        "We sat in the Town Centre.",
        "The Job Centre were no help.",
        "I went to the Community Centre once.",
        "I rang them and she said no.",
        "I'm from round here.",
        "it's summer and we're off",
        "we had a one-on-one session, all up-to-date",
        "He was a good samaritan.",
        "I had therapy with Sarah.",
        "I got support from Barnsley.",
        "I had counselling at the GP.",
        "me and wifey went out",
        "She moved in Year 9.",
        "I was born in January.",
        "I stayed in A&E overnight.",
        "i messaged admin and they helped",
    ],
)
def test_cued_look_alikes_stay(text: str) -> None:
    assert _cued(text) == {}


def test_generic_centres_are_on_the_stop_list() -> None:
    assert stopped("The Job Centre") and stopped("Town Centre") and not stopped("Willow Centre")


def test_the_rest_of_a_list_of_names() -> None:
    text = "Mo, Tash and Ricky all came."
    found = [Found(4, 8, "Tash", Kind.PERSON, "gazetteer", 0.55), Found(13, 18, "Ricky", Kind.PERSON, "gazetteer", 0.55)]
    assert [(f.text, f.kind) for f in find_listed_names(text, found)] == [("Mo", Kind.PERSON)]
    # one name in the list is not enough: "Leeds, Bradford and Sam" says nothing about the others
    assert find_listed_names("Leeds, Bradford and Sam came.", [Found(20, 23, "Sam", Kind.PERSON, "gazetteer", 0.55)]) == []


@pytest.mark.parametrize(
    ("text", "link"),
    [
        ("the address is h t t p s colon slash slash w w w dot mhfa dot org dot uk",
         "h t t p s colon slash slash w w w dot mhfa dot org dot uk"),
        ("Go to w w w dot mind dot org dot uk slash info", "w w w dot mind dot org dot uk slash info"),
        ("it's bitly slash helpme22", "bitly slash helpme22"),
        ("it's bit.ly slash helpme22", "bit.ly slash helpme22"),
        ("the url is recoverycollege dot leeds dot ac dot uk", "recoverycollege dot leeds dot ac dot uk"),
    ],
)
def test_links_said_aloud(text: str, link: str) -> None:
    assert link in {f.text for f in find_said_links(text) if f.kind is Kind.URL}


@pytest.mark.parametrize("text", ['he said "slash" and then he said dot dot dot.', "I'll slash the budget.",
                                  "It was slash and burn, dot the i's."])
def test_words_that_are_no_links(text: str) -> None:
    assert find_said_links(text) == []


def test_a_word_listed_after_a_found_service_is_one_too() -> None:
    text = "I was at millbrook or highbury. Costa/newsagents downstairs."
    millbrook = Found(9, 18, "millbrook", Kind.ORGANISATION, "rule", 0.6)
    costa = Found(32, 37, "Costa", Kind.ORGANISATION, "rule", 0.6)
    assert [(f.text, f.kind) for f in find_siblings(text, [millbrook, costa], ENGLISH)] == [("highbury", Kind.ORGANISATION)]


@pytest.mark.parametrize(("text", "handle"), [("I'm on Discord as nightowl#4421", "nightowl#4421"),
                                              ("add me, jdawg2000", "jdawg2000"),
                                              ("follow me on insta: sad_girl_x", "sad_girl_x")])
def test_gamer_tags_and_handles_after_add_me(text: str, handle: str) -> None:
    assert handle in {f.text for f in find_said_links(text) if f.kind is Kind.HANDLE}


@pytest.mark.parametrize("text", ["add me, please", "follow me home", "Issue #1234 was fixed", "find me later"])
def test_no_handle_without_one(text: str) -> None:
    assert find_said_links(text) == []
