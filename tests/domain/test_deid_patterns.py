"""The detectors that need no model: patterns, the team's list, speaker labels, merging."""

from __future__ import annotations

import pytest

from cotheme.domain.deid import (
    Found, Kind, Term, find_patterns, find_terms, letters, merge, nhs_number_valid, pseudonym, speaker_score,
    with_text,
)


def _kinds(text: str) -> dict[str, str]:
    return {f.text: f.kind.value for f in with_text(merge(find_patterns(text)), text)}


def test_nhs_numbers_need_their_check_digit() -> None:
    assert nhs_number_valid("9434765919")
    assert not nhs_number_valid("9434765918")
    assert not nhs_number_valid("123")
    found = _kinds("My NHS number is 943 476 5919, not 943 476 5918.")
    assert found == {"943 476 5919": "nhs_number"}


@pytest.mark.parametrize(
    ("text", "expected", "kind"),
    [
        ("ring me on 07700 900123 tomorrow", "07700 900123", "phone"),
        ("the office is 020 7946 0018.", "020 7946 0018", "phone"),
        ("or +44 7700 900 123 if abroad", "+44 7700 900 123", "phone"),
        ("write to jane.doe@example.org please", "jane.doe@example.org", "email"),
        ("see https://www.example.org/path?x=1.", "https://www.example.org/path?x=1", "url"),
        ("it is on mindfulpeers.co.uk now", "mindfulpeers.co.uk", "url"),
        ("we live at LS6 2QT near the park", "LS6 2QT", "postcode"),
        ("SW1A 1AA is famous", "SW1A 1AA", "postcode"),
        ("on 12/03/2024 I went", "12/03/2024", "date"),
        ("on the 3rd of March 2021 I went", "3rd of March 2021", "date"),
        ("since March 2019", "March 2019", "date"),
        ("my mum is 93 and still", "93", "age"),
        ("a 16-year-old boy", "16", "age"),
        ("my sister Priya came", "Priya", "person"),
        ("My brother, Tomasz, said", "Tomasz", "person"),
        ("Dr Okafor saw me", "Dr Okafor", "person"),
    ],
)
def test_patterns_find_each_kind(text: str, expected: str, kind: str) -> None:
    assert _kinds(text).get(expected) == kind, _kinds(text)


@pytest.mark.parametrize("text", [
    "I waited 5 minutes", "about 40% of people", "I'm 5 minutes away", "in May I felt better",
    "version 2.0.1 of the app", "we met at 10 am",
])
def test_patterns_leave_ordinary_text_alone(text: str) -> None:
    assert _kinds(text) == {}


def test_ages_are_scored_by_how_identifying_they_are() -> None:
    scores = {f.text: f.score for f in find_patterns("she's 94 and he's 40 and my son is 12 years old")}
    assert scores["94"] > scores["12"] > scores["40"]


TERMS = [Term(1, "Conor Healy", "identify", "staff", "[Staff member A]"),
         Term(2, "Srijani Ghosh", "identify", "participant", "[Participant A]"),
         Term(3, "Zoom", "ignore", "", "")]


def test_the_teams_list_finds_whole_names_parts_and_misspellings() -> None:
    text = "conor healy said hi. Yes, Connor, everything. Ghosh agreed; Zoom crashed."
    found = {f.text: (f.score, f.replacement) for f in find_terms(text, TERMS)}
    assert found["conor healy"] == (1.0, "[Staff member A]")
    assert found["Connor"] == (0.75, "[Staff member A]")
    assert found["Ghosh"] == (0.9, "[Participant A]")
    assert "Zoom" not in found


def test_overlapping_finds_merge_into_one_candidate() -> None:
    text = "Dr Melissa Ko came"
    merged = with_text(merge([
        Found(0, 10, "Dr Melissa", Kind.PERSON, "pattern", 0.8),
        Found(3, 13, "Melissa Ko", Kind.PERSON, "model", 0.85),
    ]), text)
    assert [(f.text, f.score, f.source) for f in merged] == [("Dr Melissa Ko", 0.85, "model")]


def test_speaker_labels() -> None:
    assert speaker_score("Interviewer", TERMS) is None
    assert speaker_score("P07", TERMS) is None
    assert speaker_score("Speaker 2", TERMS) is None
    assert speaker_score("Srijani Ghosh", TERMS) == 1.0
    assert speaker_score("Dr. Melissa Ko", TERMS) == 0.9
    assert speaker_score("Ryan", TERMS) == 0.7


def test_pseudonyms_are_lettered_per_role() -> None:
    assert [letters(i) for i in (0, 25, 26, 27)] == ["A", "Z", "AA", "AB"]
    assert pseudonym("staff", 0) == "[Staff member A]"
    assert pseudonym("participant", 1) == "[Participant B]"
    assert pseudonym("", 2) == "[Person C]"
    assert pseudonym("volunteer", 0) == "[Volunteer A]"
