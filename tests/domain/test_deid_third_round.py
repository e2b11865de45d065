"""The third round of de-identification rules: NHS and phone numbers however their digits are grouped
or said, postcodes in any case, ages with fillers or said in pairs, handles after a platform, lower-case
and northern addresses, the service words the older rules lacked, and role labels made only of role
words; each with the look-alikes that must stay (quantities, doses, times, year ranges, scores)."""

from __future__ import annotations

import pytest

from cotheme.domain.deid import Found, Kind, merge, nhs_number_valid, speaker_score, with_text
from cotheme.domain.deid_forms import find_forms
from cotheme.domain.deid_numbers import classify_digits, find_numbers, spoken_digits

#: A stand-in for the English word list the service hands in.
ENGLISH = frozenset("broken always posting kids close the a and walk big lovely new ash long dogs".split())


def _valid_nhs(prefix: str = "485777345") -> str:
    return next(prefix + str(d) for d in range(10) if nhs_number_valid(prefix + str(d)))


NHS = _valid_nhs()  # ten digits with a valid Modulus 11 check digit


def _found(text: str) -> dict[str, str]:
    found = find_numbers(text) + find_forms(text, ENGLISH)
    return {f.text: f.kind.value for f in with_text(merge(found), text)}


def _covering(text: str, expected: str) -> str | None:
    """The kind of the find that covers ``expected`` in ``text`` (edges may be trimmed of a bracket)."""
    start = text.index(expected)
    end = start + len(expected)
    for f in with_text(merge(find_numbers(text) + find_forms(text, ENGLISH)), text):
        if f.start <= start + 1 and f.end >= end:
            return f.kind.value
    return None


@pytest.mark.parametrize(
    ("text", "expected", "kind"),
    [
        # NHS numbers: any grouping of the ten digits, spaces, dots or dashes
        (f"It's on the letter, {NHS[:4]} {NHS[4:7]} {NHS[7:]}.", f"{NHS[:4]} {NHS[4:7]} {NHS[7:]}", "nhs_number"),
        (f"I know it by heart, {NHS[:5]} {NHS[5:]}.", f"{NHS[:5]} {NHS[5:]}", "nhs_number"),
        (f"It's {NHS[:3]}.{NHS[3:6]}.{NHS[6:]} on the form.", f"{NHS[:3]}.{NHS[3:6]}.{NHS[6:]}", "nhs_number"),
        (f"Written as {NHS[:3]}-{NHS[3:7]}-{NHS[7:]} there.", f"{NHS[:3]}-{NHS[3:7]}-{NHS[7:]}", "nhs_number"),
        # a ten-digit number said as the NHS number counts without its check digit
        ("My NHS number is 123 456 7890 I think.", "123 456 7890", "nhs_number"),
        ("my nhs number's 1234567890.", "1234567890", "nhs_number"),
        ("Apparently my NHS no. is 555 012 3456.", "555 012 3456", "nhs_number"),
        ("My NHS number is four eight five, seven seven seven, three four five six.",
         "four eight five, seven seven seven, three four five six", "nhs_number"),
        # phone numbers in every UK shape
        ("Ring me on 0044 7700 900123.", "0044 7700 900123", "phone"),
        ("It's +44 (0)7700 900123.", "+44 (0)7700 900123", "phone"),
        ("My number is 07700-900-123.", "07700-900-123", "phone"),
        ("My number is 07700.900.123.", "07700.900.123", "phone"),
        ("My number is 077 009 001 23.", "077 009 001 23", "phone"),
        ("It's (0113) 496 0000.", "(0113) 496 0000", "phone"),
        ("My number is 0 7 7 0 0 9 0 0 1 2 3.", "0 7 7 0 0 9 0 0 1 2 3", "phone"),
        ("My mobile's oh seven seven double oh nine double oh one two three.",
         "oh seven seven double oh nine double oh one two three", "phone"),
        ("It's zero seven seven zero zero, nine zero zero, one two three.",
         "zero seven seven zero zero, nine zero zero, one two three", "phone"),
        ("My mobile is seven seven oh oh, nine double oh, one two three.",
         "seven seven oh oh, nine double oh, one two three", "phone"),
        # postcodes in any case, with or without the space
        ("My postcode's ls6 2ab so I'm out of area.", "ls6 2ab", "postcode"),
        ("They had me down at bd71dp.", "bd71dp", "postcode"),
        ("I'm Ls6 2Ab now.", "Ls6 2Ab", "postcode"),
        ("I'm sw1a 1aa apparently.", "sw1a 1aa", "postcode"),
        # ages with a filler, in pairs, after "who's", "me at"
        ("I was like 15 when it started.", "15", "age"),
        ("I was fifteen or sixteen.", "sixteen", "age"),
        ("My daughter, who's 9, is amazing.", "9", "age"),
        ("Me at seventeen, I didn't know.", "seventeen", "age"),
        ("She was maybe sixteen, I think.", "sixteen", "age"),
        # handles after a platform or a username
        ("On Insta I'm kazbakes.", "kazbakes", "handle"),
        ("On Instagram I'm at kazbakes.", "kazbakes", "handle"),
        ("Find me on insta, it's kaz.bakes.", "kaz.bakes", "handle"),
        ("Look me up on Insta, I'm jo dot recovery.", "jo dot recovery", "handle"),
        ("My username is JoRecovers.", "JoRecovers", "handle"),
        ("My tiktok is at jodie underscore writes.", "jodie underscore writes", "handle"),
        # addresses the street patterns missed
        ("I'm at 12 St. John's Close.", "12 St. John's Close", "street"),
        ("I live on 22 kirkgate rise.", "22 kirkgate rise", "street"),
        ("The flat's at 8 Bank Top.", "8 Bank Top", "street"),
        ("We were at No. 42 Station Road.", "No. 42 Station Road", "street"),
        ("Room 6, 18 Mill Lane was the bedsit.", "Room 6, 18 Mill Lane", "street"),
        ("I live at 4 Kirk Brae.", "4 Kirk Brae", "street"),
        # dates as two ordinals or after a weekday
        ("It was the 5th of the 6th.", "the 5th of the 6th", "date"),
        ("On the sixteenth of the ninth I went in.", "the sixteenth of the ninth", "date"),
        ("It was Friday 25/1 I think.", "Friday 25/1", "date"),
        # services by the words the older rules lacked
        ("I was in the Dewsbury Safe Haven most nights.", "Dewsbury Safe Haven", "organisation"),
        ("The Rowan Suite is where they assess you.", "Rowan Suite", "organisation"),
        ("I'm with Calderdale Home Treatment.", "Calderdale Home Treatment", "organisation"),
        ("Waterloo Manor was private.", "Waterloo Manor", "organisation"),
    ],
)
def test_third_round_finds_each_form(text: str, expected: str, kind: str) -> None:
    assert _covering(text, expected) == kind, _found(text)


def test_the_second_of_two_ages_is_found_beside_the_first() -> None:
    text = "I've got two kids aged 4 and 7."
    first = Found(text.index("4"), text.index("4") + 1, "4", Kind.AGE, "pattern", 0.5)
    assert {f.text for f in find_forms(text, ENGLISH, [first])} == {"7"}


@pytest.mark.parametrize(
    "text",
    ["I waited 12 weeks for it.", "I had 3 sessions of CBT.", "I go 2 to 3 times a week.", "It was 2019-2021, roughly.",
     "I was there from 2015 to 2018.", "I take 20 mg of sertraline.", "I'm on ward 3 now.", "The appointment was at 10:30.",
     "It's 10.30 on Tuesdays.", "I scored 7/10 on it.", "It's open 24/7.", "They gave me 2 x 50 mg.", "It took 45 minutes.",
     "Room 12 on the ward.", "I get £90 a week.", "It was 1,500 pounds.", "Call 999 or 111.", "Ring Samaritans on 116 123.",
     "Text SHOUT to 85258.", "1 2 3 4 5 6 7 8 9 10, counting.", "The years 1999 2000 2001 were bad.",
     "Scores of 4 5 6 7 8 9 10 11 12 13.", "A 10 minute walk away.", "We had 2 kids close together.",
     "It's a 5 mile drive.", "I was like 15 minutes late.", "He was two or three minutes late.",
     "On Insta I'm always posting.", "My snap is broken.", "It was on the 3rd floor, b2 2nd door.", "I'm in year 11.",
     "There were one two three of them.", "It was the 2nd of the 3rd time.", "Number 10 said so.",
     "It was the 1st of the month.", "We did 2 laps of the Park.", "Order reference 4857773450 on the receipt.", "We were like three or four."],
)
def test_look_alikes_are_not_identifiers(text: str) -> None:
    assert _found(text) == {}, _found(text)


def test_digits_are_read_by_their_count_and_check_digit() -> None:
    assert spoken_digits("oh seven seven double oh triple nine") == "07700999"
    assert classify_digits("07700900123", False, "") is Kind.PHONE
    assert classify_digits(NHS, False, "") is Kind.NHS_NUMBER
    assert classify_digits("1234567890", False, "my NHS number is ") is Kind.NHS_NUMBER
    assert classify_digits("1234567890", False, "") is None  # no check digit, nothing said: an ordinary number
    assert classify_digits("447700900123", True, "") is Kind.PHONE
    assert classify_digits("7700900123", False, "my mobile is ") is Kind.PHONE


@pytest.mark.parametrize(
    "label",
    ["Peer researcher", "Participant B", "Resp", "Support worker", "Dad", "Researcher 1", "P12", "I", "R",
     "Interviewer (peer)", "Participant 3 (Mum)", "Mum (P4)", "Mum of P3", "Key worker", "Care coordinator", "CPN",
     "Staff nurse", "Peer support worker", "Lived experience researcher", "Occupational therapist", "Foster carer",
     "Participant_03", "P-03", "P03a", "Researcher 2:", "Focus group member", "FG participant", "Female voice",
     "Unidentified speaker", "Step-dad", "Young person 3", "YP1", "Grandma", "Carer (wife)", "Speaker two"])
def test_role_labels_made_of_role_words_are_never_names(label: str) -> None:
    assert speaker_score(label, ()) is None


@pytest.mark.parametrize("label", ["Interviewer (Sam)", "Priya (mum)", "Nurse Sarah", "Sarah J", "Dr Patel", "Mo",
                                   "Grace", "Will Hughes", "Tom"])
def test_a_name_beside_role_words_keeps_a_label_a_name(label: str) -> None:
    assert speaker_score(label, ()) is not None
