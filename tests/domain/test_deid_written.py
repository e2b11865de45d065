"""What letters, forms and messages read aloud give away (``domain.deid_written``), and what it leaves."""

from __future__ import annotations

import pytest

from cotheme.domain.deid import Found, Kind
from cotheme.domain.deid_written import find_written

ENGLISH = frozenset("""the a and so run drop in on friday going to shop bought bread handle is great you thank so much
well we call him got me my mate packing again everyone there knows""".split())


def _found(text: str, found: list[Found] | None = None) -> dict[str, Kind]:
    return {f.text: f.kind for f in find_written(text, ENGLISH, found or [])}


@pytest.mark.parametrize(("text", "said", "kind"), [
    ("On the referral it says 'Age: 90  Ward: Ward 9'", "90", Kind.AGE),
    ("the notice had 'Address: 75a Mount Pleasant, Corby, B11 4RT' on it", "75a Mount Pleasant", Kind.STREET),
    ("it says 'Emergency contact: Yaw, my cousin, tel 020-7946'", "Yaw", Kind.PERSON),
    ("'Pls contact Dr J. Zhao on 07700 900580'", "J. Zhao", Kind.PERSON),
    ("Please ring Councillor K. Nwosu back", "K. Nwosu", Kind.PERSON),
    ("the driver helped me up the steps, thank you Mikey B!", "Mikey B", Kind.PERSON),
    ("my mate Delroy, well Spud we call him, he got me there", "Spud", Kind.PERSON),
    ("so nutu and bartek run the drop-in on a Friday", "nutu", Kind.PERSON),
    ("so nutu and bartek run the drop-in on a Friday", "bartek", Kind.PERSON),
    ("anyone going to exeter packing ltd on Tuesday", "exeter packing ltd", Kind.WORKPLACE),
    ("my grandson who is at UEA.", "UEA", Kind.SCHOOL),
    ("Oh and me handle on the gaming thing is dafydd21, everyone there knows me", "dafydd21", Kind.HANDLE),
])
def test_finds_what_written_forms_and_cues_give_away(text: str, said: str, kind: Kind) -> None:
    assert _found(text).get(said) is kind, _found(text)


def test_the_town_between_a_street_and_its_postcode() -> None:
    text = "we lived at Wharf Street, long sutton, pl4 8aa, and then"
    street = Found(12, 24, "Wharf Street", Kind.STREET, "rule", 0.7)
    code = Found(39, 46, "pl4 8aa", Kind.POSTCODE, "rule", 0.7)
    assert _found(text, [street, code]).get("long sutton") is Kind.PLACE


@pytest.mark.parametrize("text", [
    "thank you so much", "thank you, everyone", "we went to the shop and bought bread", "my handle is great",
    "well we call him back later", "age is just a number", "I work for myself",
])
def test_leaves_ordinary_talk_alone(text: str) -> None:
    assert _found(text) == {}
