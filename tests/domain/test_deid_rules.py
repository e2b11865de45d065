"""The context rules, shapes of organisation and street names, the gazetteer matcher, the unknown-word
rule and the stop list (no model, no package data: the lists are handed in)."""

from __future__ import annotations

import pytest

from cotheme.domain.deid import Kind, descriptor, merge, with_text
from cotheme.domain.deid_rules import find_context, find_gazetteer, find_unknown_words, stopped


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
