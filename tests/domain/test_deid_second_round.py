"""The second round of de-identification rules: years said in words, ages by what follows them,
nicknames and other ways of naming people, units, doctors' practices, charities, dedicated and
role-named schools, Reddit handles and five-digit-area phone numbers; each with its near misses."""

from __future__ import annotations

import pytest

from cotheme.domain.deid import Kind, merge, with_text
from cotheme.domain.deid_nicknames import find_nicknames
from cotheme.domain.deid_orgs import find_named_orgs
from cotheme.domain.deid_rules import stopped
from cotheme.domain.deid_spoken import find_spoken_years, near

#: A stand-in for the English word list the service hands in (ordinary words that are also names).
ENGLISH = frozenset("spud mags mark joy beat papyrus mind shout tiny spanner crisis together the traffic staff police "
                    "okay ben lady kid deal point turning".split())


def _found(text: str) -> dict[str, str]:
    found = find_spoken_years(text) + find_nicknames(text, ENGLISH) + find_named_orgs(text, ENGLISH)
    return {f.text: f.kind.value for f in with_text(merge(found), text)}


@pytest.mark.parametrize(
    ("text", "expected", "kind"),
    [
        # years said in words, with a day, a month or a season before them
        ("They let me go on the eleventh of August nineteen eighty-nine, no follow-up.",
         "the eleventh of August nineteen eighty-nine", "date"),
        ("Nothing from them since March nineteen eighty-nine.", "March nineteen eighty-nine", "date"),
        ("It was the second of December twenty eleven when I took them.", "the second of December twenty eleven", "date"),
        ("So that was the third of April two thousand and five?", "the third of April two thousand and five", "date"),
        ("We moved in the summer of two thousand and three.", "the summer of two thousand and three", "date"),
        ("March the fourth, nineteen oh five, on the certificate.", "March the fourth, nineteen oh five", "date"),
        ("So the assessment was 14-Dec-2025?", "14-Dec-2025", "date"),
        # ages by the words after them
        ("And you were 27 at the time?", "27", "age"),
        ("I was about 15 when the voices started.", "15", "age"),
        ("She was fourteen the first time she self-harmed.", "fourteen", "age"),
        # nicknames and other ways of naming people
        ("Big Mick from the hostel lent me a tenner.", "Big Mick", "person"),
        ("Little Lee was the only one who'd sit with me.", "Little Lee", "person"),
        ("Awful nights. Spud from the hostel lent me a coat.", "Spud", "person"),
        ("Is Mags the friend from the hostel?", "Mags", "person"),
        ("It was bad. Okonkwo sat with me all night.", "Okonkwo", "person"),
        ("Honestly. Kaz-B was the only one who'd listen.", "Kaz-B", "person"),
        ("We always call him Tiny, he's six foot four.", "Tiny", "person"),
        ("He goes by Spanner now.", "Spanner", "person"),
        ("Everyone knew him as Tank.", "Tank", "person"),
        ("It went on for months. Our Mark rang the crisis line.", "Mark", "person"),
        ("Joy, that's my great-nan, sorted it all.", "Joy", "person"),
        ("We'd been looking after my birth mum Min-jun since the stroke.", "Min-jun", "person"),
        ("I used to pick up Min-jun's prescription.", "Min-jun", "person"),
        ("Thanks for making the time, Łukasz. How would you describe it?", "Łukasz", "person"),
        # units, practices, charities
        ("I got put on Wren PICU and it was terrifying.", "Wren PICU", "organisation"),
        ("We went to Dr Bibi and Partners with her.", "Dr Bibi and Partners", "organisation"),
        ("Drs Shah & Khan and Partners took us on.", "Drs Shah & Khan and Partners", "organisation"),
        ("Honestly Turning Point saved my life.", "Turning Point", "organisation"),
        ("I rang the Papyrus helpline that night.", "Papyrus", "organisation"),
        ("There's a charity called Beat that helped.", "Beat", "organisation"),
        ("I got support from Mind in the end.", "Mind", "organisation"),
        ("A group called Open Door Friends met on Tuesdays.", "Open Door Friends", "organisation"),
        ("I kept the Lifeline Wakefield helpline number.", "Lifeline Wakefield", "organisation"),
        # schools
        ("Was that at Our Lady of Lourdes?", "Our Lady of Lourdes", "school"),
        ("The SENCO at Kings Otley was the one who spotted it.", "Kings Otley", "school"),
        # handles and numbers
        ("There's a Reddit account, u/doreen_siddiq89, where I vent.", "u/doreen_siddiq89", "handle"),
        ("I post on r/Wakefield sometimes.", "r/Wakefield", "handle"),
        ("The only number I had was 01986 24339 and nobody picked up.", "01986 24339", "phone"),
    ],
)
def test_second_round_finds_each_form(text: str, expected: str, kind: str) -> None:
    assert _found(text).get(expected) == kind, _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "In twenty twenty I lost my job.",                 # a bare spoken year names no day
        "May twenty of us came? No, nineteen.",             # a verb and counts, not a date
        "I was 5 minutes late when it started.",            # minutes, not an age
        "There were twenty of us when it started.",         # a count of people
        "Big Ben was on the telly.",                        # a landmark after "Big"
        "You could see it. Young Black guy, big, shouting.",  # a description, not a nickname
        "Little Asian lad, he was.",
        "Enjoyed the fresh air. Laughs from the team, made my day.",
        "She knows us both. She was the one who noticed.",  # pronouns open such clauses too
        "A man about my age, very calm. He sat with me for an hour.",
        "Staff came round. Police rang me after.",          # ordinary words before what people do
        "The packages (collectively known as CAQDAS or QDAS) help.",
        "It was a big deal. The ward was the only one who rang.",
        "Our Lady saved me, I prayed every night.",         # a prayer, not a school
        "Our kid came round later.",
        "Send it to Flat 7, 89 Church Walk, that's me mam's.",  # an address, then whose it is
        "I knew him as a friend, nothing more.",            # "as" before a lower-case word                        # northern "our kid": my brother, no name
        "Our Lord was with me.",
        "That is the upper limit for our PDPs and plots.",  # an acronym after "our"
        "Beat the traffic and you're fine.",                # an ordinary word at a sentence start
        "I was in a crisis. Shout at me if you like.",
        "Mind you, it was better than nothing.",
        "Thanks for that, Okay.",
        "I was on the ICU for a week.",                    # a unit with no name before it
        "The Crisis helpline was engaged.",                 # generic words before "helpline"
        "I rang 999 and then 111 twice.",
        "The score was 12/10 r/s.",
    ],
)
def test_second_round_near_misses(text: str) -> None:
    found = _found(text)
    assert found == {}, found


def test_nickname_with_size_word_is_one_span() -> None:
    text = "Big Mick from the hostel lent me a tenner."
    spans = [(f.start, f.end) for f in find_nicknames(text, ENGLISH)]
    assert (0, 8) in spans and (4, 8) not in spans


def test_our_before_an_english_word_that_is_no_first_name_is_not_a_name() -> None:
    assert find_nicknames("Our Door was always open.", ENGLISH | {"door"}) == []
    assert [f.text for f in find_nicknames("Our Joy rang.", ENGLISH)] == ["Joy"]


def test_u_handles_score_above_subreddits() -> None:
    found = {f.text: f.score for f in find_named_orgs("u/jo_b1 posts on r/LeedsUnited a lot.", ENGLISH)}
    assert found["u/jo_b1"] > found["r/LeedsUnited"]


def test_near_reads_tokens_with_digits() -> None:
    # an employer spelt with a digit ("G4S") must open a stretch for the employer list to read
    assert near("And G4S knew about it.", frozenset({"g4s"}), digits=False, reach=5) == [(0, 12)]


@pytest.mark.parametrize("word", ["Reddit", "Discord", "Aftercare", "Chaplaincy"])
def test_platforms_and_generic_services_are_stopped(word: str) -> None:
    assert stopped(word)


def test_employer_names_may_have_for_inside() -> None:
    from cotheme.domain.deid_shapes import find_shapes

    text = "I was doing twelve-hour shifts at Bensons for Beds. And G4S knew about it."
    found = {f.text: f.kind.value for f in with_text(merge(find_shapes(text, ENGLISH)), text)}
    assert found.get("Bensons for Beds") == "workplace" and found.get("G4S") == "workplace", found
    assert find_shapes("I asked for Help for ages.", ENGLISH) == []
