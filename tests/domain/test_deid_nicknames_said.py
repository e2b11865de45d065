"""People named by what they are called (``domain.deid_nicknames_said``), and ordinary talk it leaves."""

from __future__ import annotations

import pytest

from cotheme.domain.deid_nicknames_said import find_called

FIRST = frozenset("gary bashir keith tom jack will david sarah".split())
ENGLISH = frozenset("""gary will jack the nurse came round she flat staff at crisis house made me feel safe we went
tom had mark scheme old building was rocky bubbles i asked about it and so""".split())


def _people(text: str) -> list[str]:
    return [f.text for f in find_called(text, FIRST, ENGLISH)]


@pytest.mark.parametrize(("text", "names"), [
    ("And frankie boy, that's what everyone calls him, he was", ["frankie boy"]),
    ("We called him lil dee because, i don't know", ["lil dee"]),
    ("my mate titch, proper name's elijah al-sayed, he put me on", ["titch", "elijah al-sayed"]),
    ("our kid, taff, he's a bus driver", ["taff"]),
    ("Rocky come round the flat on Tuesday", ["Rocky"]),
    ("Honestly, macca come round the flat on the weekend", ["macca"]),
    ("Bubbles at the crisis house made me feel safe", ["Bubbles"]),
    ("we had it at keith's, in the garden", ["keith"]),
    ("i had gary bashir as my therapist", ["gary bashir"]),
])
def test_finds_people_by_what_they_are_called(text: str, names: list[str]) -> None:
    assert sorted(_people(text)) == sorted(names)


@pytest.mark.parametrize("text", [
    "Staff at the crisis house made me feel safe", "the nurse came round", "she came round the flat",
    "I had mark scheme", "will power and may be", "we went at mums, ok", "i asked john about it",
])
def test_leaves_ordinary_talk_alone(text: str) -> None:
    assert _people(text) == []


@pytest.mark.parametrize(("text", "said", "kind"), [
    ("i had my therapist at hull royal infirmary, the talking therapies", "hull royal infirmary", "organisation"),
    ("shyanne and a nurse from the kent crisis line.", "kent crisis line", "organisation"),
    ("i'm a teaching assistant at king edward vii school, so", "king edward vii school", "school"),
    ("Date of birth 18th, NHS number 571 183 4800", "18th", "date"),
    ("I have been waiting since August bank holiday 2021.", "August bank holiday 2021", "date"),
    ("so my email, it's nanna pat at sky dot com, all lower case", "nanna pat at sky dot com", "email"),
])
def test_services_schools_dates_and_addresses_said_small(text: str, said: str, kind: str) -> None:
    from cotheme.services.deid_detect import detect

    found = {f.text: f.kind.value for f in detect(text, [(0, len(text))], [], use_model=False)}
    assert found.get(said) == kind, found


@pytest.mark.parametrize("text", ["I went to the general hospital", "she is at the local school", "it was a bank holiday so",
                                  "my birthday is in the summer", "date of birth is fine"])
def test_ordinary_places_and_days_are_left(text: str) -> None:
    from cotheme.services.deid_detect import detect

    assert detect(text, [(0, len(text))], [], use_model=False) == []
