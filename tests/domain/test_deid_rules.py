"""The context rules, shapes of organisation and street names, the gazetteer matcher, the unknown-word
rule and the stop list (no model, no package data: the lists are handed in)."""

from __future__ import annotations

import pytest

from cotheme.domain.deid import Kind, descriptor, merge, speaker_score, with_text
from cotheme.domain.deid_rules import find_context, find_gazetteer, find_unknown_words, stopped
from cotheme.domain.deid_shapes import find_shapes
from cotheme.domain.deid_spoken import find_spoken, spoken_number


def _found(text: str) -> dict[str, str]:
    return {f.text: f.kind.value for f in with_text(merge(find_context(text)), text)}


@pytest.mark.parametrize(
    ("text", "expected", "kind"),
    [
        ("My sister Amira came with me.", "Amira", "person"),
        ("I live with my husband, Tomasz, and the kids.", "Tomasz", "person"),
        ("our little brother Kofi didn't get it", "Kofi", "person"),
        ("Everyone calls him Becks, he's a good mate.", "Becks", "person"),
        ("I still message Chidi Obi now and then.", "Chidi Obi", "person"),
        ("I grew up in Keighley and never left.", "Keighley", "place"),
        ("We moved to Moss Side when I was small.", "Moss Side", "place"),
        ("I was referred to Elmwood Surgery in the end.", "Elmwood Surgery", "organisation"),
        ("The people at Dewsbury General Hospital were kind.", "Dewsbury General Hospital", "organisation"),
        ("I go to Mind in Batley once a week.", "Mind in Batley", "organisation"),
        ("I ended up at Linden House Hospice.", "Linden House Hospice", "organisation"),
        ("My daughter's at Orchard Primary School now.", "Orchard Primary School", "school"),
        ("I went to St Bede's but left at sixteen.", "St Bede's", "school"),
        ("I was working for Harrison & Sons Ltd at the time.", "Harrison & Sons Ltd", "workplace"),
        ("I've been at Boots nearly six years.", "Boots", "workplace"),
        ("The flat was at 14 Acacia Road, above the shop.", "14 Acacia Road", "street"),
        ("We were living on Gladstone Terrace then.", "Gladstone Terrace", "street"),
        ("I'm @priya_s99 on Instagram.", "@priya_s99", "handle"),
        ("My TikTok is @tomasz.k if you want it.", "@tomasz.k", "handle"),
        ("I turned 57 last spring.", "57", "age"),
        ("She was only 15 at the time.", "15", "age"),
        ("It was on the 3rd of May, I think.", "the 3rd of May", "date"),
    ],
)
def test_context_rules_find_each_kind(text: str, expected: str, kind: str) -> None:
    assert _found(text).get(expected) == kind, _found(text)


@pytest.mark.parametrize(
    "text",
    ["It takes 15 minutes to get there.", "I was at 40 percent battery.", "He is 6 foot tall? no, he was at 2pm.",
     "It was 3 or 4 times.", "My email is sam@example.org."],
)
def test_numbers_that_are_not_ages_and_emails_that_are_not_handles(text: str) -> None:
    found = _found(text)
    assert "age" not in found.values() and "handle" not in found.values(), found


@pytest.mark.parametrize("word", ["I'd", "I’d", "Dad", "God", "Monday", "March", "Mum", "Nan", "Interviewer", "the NHS",
                                  "GP", "Christmas", "Dad's", "XXXX XXX", "XXXXX X"])
def test_the_stop_list(word: str) -> None:
    assert stopped(word)


@pytest.mark.parametrize("word", ["Priya", "Leeds", "Amira's", "Harehills", "Elmwood Surgery"])
def test_names_are_not_on_the_stop_list(word: str) -> None:
    assert not stopped(word)


@pytest.mark.parametrize(
    "text",
    ["I'd say it was hard.", "My nan, God rest her, was the one.", "Dad never understood.",
     "I see him on Monday and Friday.", "In March we went back.", "I'd told Dad on the Monday, God knows why."],
)
def test_stop_list_words_are_never_found(text: str) -> None:
    english = {"say", "it", "was", "hard"}
    found = find_context(text) + find_unknown_words(text, english | {"i'd"}) + find_gazetteer(
        text, {"dad", "god", "monday", "march", "i'd", "friday"}, Kind.PERSON, 0.5)
    assert [f.text for f in found if f.kind in (Kind.PERSON, Kind.PLACE, Kind.ORGANISATION)] == []


def test_gazetteer_matches_longest_runs_and_possessives() -> None:
    places = {"moss side", "moss", "leeds"}
    found = find_gazetteer("We lived in Moss Side, then Leeds.", places, Kind.PLACE, 0.6)
    assert [f.text for f in found] == ["Moss Side", "Leeds"]
    names = {"priya", "will"}
    found = find_gazetteer("It was Priya's idea. Will you come? Ask Will.", names, Kind.PERSON, 0.5, common={"will"})
    assert [(f.text, f.start) for f in found] == [("Priya", 7), ("Will", 40)]


def test_gazetteer_distrusts_words_written_in_lower_case_elsewhere() -> None:
    names = {"hope"}
    found = find_gazetteer("Hope came round. I hope so.", names, Kind.PERSON, 0.5)
    assert found == []
    assert [f.text for f in find_gazetteer("Then Hope came round.", names, Kind.PERSON, 0.5)] == ["Hope"]


def test_unknown_words_are_capitalised_words_no_english_list_holds() -> None:
    english = {"used", "to", "pick", "me", "up", "then", "the", "group", "was", "good"}
    found = find_unknown_words("Bex used to pick me up. Then the group was good.", english)
    assert [f.text for f in found] == ["Bex"]
    assert find_unknown_words("Bex used to pick me up.", set()) == []


def test_new_kinds_have_descriptors() -> None:
    assert descriptor("street") == "[street]"
    assert descriptor("school") == "[school]"
    assert descriptor("workplace") == "[workplace]"
    assert descriptor("handle") == "[social media handle]"


# -- ages and dates as people say them ----------------------------------------------------------------
def _spoken(text: str) -> dict[str, str]:
    return {f.text: f.kind.value for f in with_text(merge(find_spoken(text)), text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I've been on and off the list since I was twelve.", "twelve"),
        ("When I was forty-seven it came back.", "forty-seven"),
        ("When my son was forty seven he moved out.", "forty seven"),
        ("My little boy's eight and he picks up on it.", "eight"),
        ("By fifty I was drinking every day.", "fifty"),
        ("Honestly. At 14 I left home.", "14"),
        ("I was eighteen years old and nobody asked.", "eighteen"),
        ("She's a ninety-two-year-old with no family.", "ninety-two"),
        ("I'd just turned eighty-nine.", "eighty-nine"),
        ("He was a hundred and two when he died, aged a hundred and two.", "a hundred and two"),
        ("I was in my early fifties then.", "my early fifties"),
        ("She's in her late 30s.", "her late 30s"),
        ("I was sixteen when I first self-harmed.", "sixteen"),
        ("He'd have been twenty-one this year.", "twenty-one"),
        ("We had my nan's 90th last week.", "90th"),
        ("It was her eighteenth birthday.", "eighteenth"),
        ("He's coming up to sixty.", "sixty"),
        ("I had him at seventeen.", "seventeen"),
        ("I left school at sixteen.", "sixteen"),
    ],
)
def test_spoken_ages(text: str, expected: str) -> None:
    assert _spoken(text).get(expected) == "age", _spoken(text)


@pytest.mark.parametrize(
    "text",
    ["She is one of the nurses.", "I was there at one point.", "I was two weeks late.", "He's one of them.",
     "I'm fine now, thanks.", "It was three.", "We were two of the lucky ones.", "It was the 1st time.",
     "My nan's 90 miles away.", "I left school at 3 o'clock.", "It's coming up to two weeks now.", "I waited twelve months.",
     "It took me fifty minutes.", "We were three of us."],
)
def test_numbers_that_are_not_spoken_ages(text: str) -> None:
    assert "age" not in _spoken(text).values(), _spoken(text)


def test_a_time_of_day_opening_a_clause_is_the_known_cost_of_by_n() -> None:
    # "By nine I was in bed" reads like "By fifty I was drinking": the rule takes it (a low score, 0.6),
    # and the reviewer rejects it; the test pins that the number is all it takes, not the sentence.
    assert _spoken("By nine I was in bed.") == {"nine": "age"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I was sectioned on the fourth of March.", "the fourth of March"),
        ("It was the 4th of March '86.", "the 4th of March '86"),
        ("On February the 16th I got a call back.", "February the 16th"),
        ("I came off the meds around Tuesday the 17th.", "Tuesday the 17th"),
        ("The last time I saw her was October '86.", "October '86"),
        ("It was March the twenty-first.", "March the twenty-first"),
        ("They moved it to Jan. 5 in the end.", "Jan. 5"),
        ("On 25/3 I finally got a call back.", "25/3"),
        ("I was admitted on Tuesday 4 March 2024.", "Tuesday 4 March 2024"),
        ("It all went wrong in the summer of 2019.", "summer of 2019"),
        ("It was booked for 4 Mar 24, then moved.", "4 Mar 24"),
        ("They said they'd ring on the 17th.", "the 17th"),
        ("It was the 3rd.", "the 3rd"),
        ("Boxing Day 2019 was the worst.", "Boxing Day 2019"),
        ("It was New Year's Eve 2018 when it happened.", "New Year's Eve 2018"),
        ("My appointment is Weds 14th.", "Weds 14th"),
        ("It was the week of the 12th.", "the 12th"),
        ("Sometime in mid-2019 it got bad.", "mid-2019"),
    ],
)
def test_spoken_dates(text: str, expected: str) -> None:
    assert _spoken(text).get(expected) == "date", _spoken(text)


@pytest.mark.parametrize(
    "text",
    ["I'd give them 10/10 for that.", "They're there 24/7.", "About 1/2 of us went.", "I may go in March.",
     "May I ask you something?", "It was the first time.", "On the 5th floor, next to the lift.",
     "March was hard for me.", "We'll see, I may ring on Friday."],
)
def test_things_that_are_not_spoken_dates(text: str) -> None:
    assert "date" not in _spoken(text).values(), _spoken(text)


def test_spoken_numbers_have_their_value() -> None:
    assert [spoken_number(x) for x in ("twelve", "forty-seven", "forty seven", "a hundred and two", "99", "lots")] == [
        12, 47, 47, 102, 99, None]


# -- services, schools, employers, flats, handles, links -----------------------------------------------
ENGLISH = frozenset({"maternity", "broken", "active", "rough", "hello", "ward", "practice", "good", "the", "nurses"})


def _shapes(text: str) -> dict[str, str]:
    return {f.text: f.kind.value for f in with_text(merge(find_shapes(text, ENGLISH)), text)}


@pytest.mark.parametrize(
    ("text", "expected", "kind"),
    [
        ("I was on Northgate ward for six weeks.", "Northgate ward", "organisation"),
        ("After I left the Rowan practice I was on my own.", "Rowan practice", "organisation"),
        ("I'm under the Fieldhead Home Treatment Team.", "Fieldhead Home Treatment Team", "organisation"),
        ("Barnstaple CAMHS discharged me.", "Barnstaple CAMHS", "organisation"),
        ("The Leeds crisis team came out at night.", "Leeds crisis team", "organisation"),
        ("They sent me to the Wakefield CMHT.", "Wakefield CMHT", "organisation"),
        ("I self-referred to Hull Rethink group.", "Hull Rethink group", "organisation"),
        ("Whitby Women's Aid found me a room.", "Whitby Women's Aid", "organisation"),
        ("Excellent work from HMP Leicester, always.", "HMP Leicester", "organisation"),
        ("I'm registered at Dr Walker's surgery.", "Dr Walker's surgery", "organisation"),
        ("I was on Ward 12 for a month.", "Ward 12", "organisation"),
        ("I got kicked out of Sycamore Comprehensive in year nine.", "Sycamore Comprehensive", "school"),
        ("I went to St Thomas's RC High.", "St Thomas's RC High", "school"),
        ("Fieldhead C of E Primary were good.", "Fieldhead C of E Primary", "school"),
        ("She's at Kirkby Sixth Form College.", "Kirkby Sixth Form College", "school"),
        ("I did a year at the University of Hull.", "University of Hull", "school"),
        ("I was on nights at B&Q.", "B&Q", "workplace"),
        ("McDonald's put me on a phased return.", "McDonald's", "workplace"),
        ("I'm doing a few hours at Premier Inn.", "Premier Inn", "workplace"),
        ("Occupational health at Marks and Spencer were useless.", "Marks and Spencer", "workplace"),
        ("I had to leave Hargreaves Engineering when it got bad.", "Hargreaves Engineering", "workplace"),
        ("Pennine Foods put me on a phased return.", "Pennine Foods", "workplace"),
        ("I've done shifts at Next for years.", "Next", "workplace"),
        ("The hostel on Flat 4, 54 Westfield St was rough.", "Flat 4, 54 Westfield St", "street"),
        ("Send it to Flat 9, 46 Rosebery Place, that's me mam's.", "Flat 9, 46 Rosebery Place", "street"),
        ("We lived at 174 Claremont Green then.", "174 Claremont Green", "street"),
        ("We used to hang about on Granby Parade.", "Granby Parade", "street"),
        ("The flat on Grange Rd was damp.", "Grange Rd", "street"),
        ("My snap is kaz_b99 if you want it.", "kaz_b99", "handle"),
        ("Add me on Snapchat, it's kayodemistry.", "kayodemistry", "handle"),
        ("I'm giedre_balog1 on Twitter.", "giedre_balog1", "handle"),
        ("She posts as janetkaminski on TikTok.", "janetkaminski", "handle"),
        ("My insta's @jo.b.xx now.", "@jo.b.xx", "handle"),
        ("The group chat's run by femi_nguyen.", "femi_nguyen", "handle"),
        ("I fundraised through linktr.ee/padraig_nwosu.", "linktr.ee/padraig_nwosu", "url"),
        ("It's on bit.ly/3xYz9 somewhere.", "bit.ly/3xYz9", "url"),
        ("Have a look at kazbakes.co/shop for the cakes.", "kazbakes.co/shop", "url"),
        ("My page is kazmakes.me now.", "kazmakes.me", "url"),
        ("It's kaz bakes dot co dot uk slash orders.", "bakes dot co dot uk slash orders", "url"),
        ("Grace's mum drove me to the appointment.", "Grace", "person"),
        ("I grew up on the Ings estate.", "Ings estate", "place"),
        ("I was at Notre Dame sixth form.", "Notre Dame sixth form", "school"),
        ("We stayed at 5 The Paddocks.", "5 The Paddocks", "street"),
        ("I signed on at Batley Jobcentre.", "Batley Jobcentre", "organisation"),
        ("I was a cleaner at Leeds Beckett.", "Leeds Beckett", "workplace"),
        ("I worked as a carer for Allied Care.", "Allied Care", "workplace"),
    ],
)
def test_shapes_find_each_kind(text: str, expected: str, kind: str) -> None:
    assert _shapes(text).get(expected) == kind, _shapes(text)


@pytest.mark.parametrize(
    "text",
    ["The ward was clean and the nurses were kind.", "Maternity ward was lovely.", "I was back on the ward again.",
     "The Crisis Team came out.", "The practice never rang back.", "My snap is broken so text me.",
     "I'm active on Twitter.", "I went to A&E in the end.", "Next time I will ring them.", "Everyone's mum was there.",
     "Primary School was fine for me.", "The MS team were good and the CPN team too.", "I'd like to say thanks.",
     "Will you come with me?", "I may be late.", "My email is kaz_b@example.org.", "See www.nhs.uk for that.",
     "It was 5.30 when we got there.", "I was a patient at the time.", "The estate was rough.",
     "English college was hard.", "My sixth form was fine.", "The IRIS team was faultless.",
     "The MSK Team rang me.", "All a Good team at this ward.", "We stayed in the Day Hospital for a bit.", "Mental Health Team were rubbish."],
)
def test_near_misses_are_not_names(text: str) -> None:
    found = {k: v for k, v in _shapes(text).items() if v != "url" or "nhs.uk" not in k}
    assert found == {}, found


@pytest.mark.parametrize(
    "label", ["Service user", "Carer", "Interviewer", "Participant 3", "Facilitator", "Parent", "Patient", "SU",
              "Peer researcher", "Family member", "Mum", "R", "P07"])
def test_role_labels_are_not_names(label: str) -> None:
    assert speaker_score(label, ()) is None


@pytest.mark.parametrize("label", ["Ryan", "Srijani Ghosh", "Dawn", "Will Hughes"])
def test_name_labels_are_names(label: str) -> None:
    assert speaker_score(label, ()) is not None


@pytest.mark.parametrize("word", ["Service user", "Everything's", "CPN", "CBT", "It's"])
def test_role_words_and_treatment_abbreviations_are_stopped(word: str) -> None:
    assert stopped(word)
