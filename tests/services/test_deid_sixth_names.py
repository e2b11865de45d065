"""The sixth round of de-identification rules for names, places, streets and workplaces, run through the
whole detector (without the model) with the real gazetteers: accented names, names and towns in lower
case, initials after a name, people named by their role, flats and buildings, rarer and lower-case
streets, workplaces by their kind, services with a part after their name and schools said short; each
with look-alikes that must stay ("on the way", "on my own", "A lot", "will", "may", "rose")."""

from __future__ import annotations

import pytest

from cotheme.domain.deid import Kind
from cotheme.domain.deid_lowercase import fold
from cotheme.services import deid_gazetteer
from cotheme.services.deid_detect import FULL, Stages, detect

pytestmark = pytest.mark.skipif(not deid_gazetteer.first_names() or not deid_gazetteer.english_words(),
                                reason="the gazetteer packages are not installed")


def _found(text: str, stages: Stages = FULL) -> dict[str, Kind]:
    return {f.text: f.kind for f in detect(text, [(0, len(text))], [], use_model=False, stages=stages)}


def _covered(text: str, wanted: str) -> bool:
    """True when finds cover every letter of ``wanted`` (a first name and a surname may be two finds)."""
    at = text.index(wanted)
    spans = [(f.start, f.end) for f in detect(text, [(0, len(text))], [], use_model=False)]
    return all(any(a <= i < b for a, b in spans) for i in range(at, at + len(wanted)) if not text[i].isspace())


def test_fold_keeps_length_and_offsets() -> None:
    for word in ("Öztürk", "Hêvî Petrović", "Zoë", "Łukasz Søren", "café", "naïve’s"):
        assert len(fold(word)) == len(word)
    assert fold("Hêvî Petrović and Zoë") == "Hevi Petrovic and Zoe"
    assert fold("it’s “quoted” — 10 €") == "it’s “quoted” — 10 €"  # only letters fold


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("My care coordinator's Öztürk, but she's off sick at the moment.", "Öztürk"),
        ("It was Hêvî Petrović that did the Mental Health Act assessment.", "Hêvî Petrović"),
        ("and then Zoë Ångström rang me back.", "Zoë Ångström"),
    ],
)
def test_accented_names_are_found_on_the_original_text(text: str, name: str) -> None:
    assert _covered(text, name)
    # spans and texts are those of the original, accents and all
    assert all(text[f.start : f.end] == f.text for f in detect(text, [(0, len(text))], [], use_model=False))


def test_baseline_does_not_fold() -> None:
    text = "My care coordinator's Öztürk, but she's off sick."
    assert "Öztürk" not in _found(text, Stages.baseline())


def test_the_model_reads_the_original_text() -> None:
    seen: list[str] = []

    def entities(texts: list[str]) -> list[list]:  # type: ignore[type-arg]
        seen.extend(texts)
        return [[] for _ in texts]

    text = "Then Hêvî Petrović came round to see me."
    detect(text, [(0, len(text))], [], use_model=True, entities=entities)
    assert seen and all("Hêvî" in t for t in seen)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("and then manpreet said, you know, you don't have to", "manpreet"),
        ("i remember reece saying it's not your fault", "reece"),
        ("I did the group with jodie on Tuesdays, it was a help", "jodie"),
        ("I did the group with nadia on Tuesdays, it was a help", "nadia"),
        ("thank u bogdan for everything xx", "bogdan"),
        ("so I rang and asked for meera but they said she'd moved", "meera"),
        ("there was this nurse, thilini, who used to sit with me", "thilini"),
        ("it was hard because me mam pauline was poorly", "pauline"),
        ("yeah, me ex trevor found me, that's the thing", "trevor"),
        ("so I was using dwayne's phone because mine had died", "dwayne"),
        ("ewa's group on a tuesday is the best bit", "ewa"),
        ("please pass on my thanks to lucy and the team", "lucy"),
        ("she left and then it was dorota, who I didn't click with", "dorota"),
    ],
)
def test_lower_case_names(text: str, name: str) -> None:
    assert _found(text).get(name) is Kind.PERSON


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("there's nothing in lewisham for young people", "lewisham"),
        ("started walking every morning, round gorton and back", "gorton"),
        ("the social worker came out to st helens to see me", "st helens"),
        ("I was working over in long eaton at the time", "long eaton"),
        ("I was living rough in Reading for a bit", "Reading"),
        ("going from Leith to Small Heath on the bus", "Small Heath"),
    ],
)
def test_lower_case_and_ordinary_word_places(text: str, place: str) -> None:
    assert _found(text).get(place) is Kind.PLACE


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("it was Dmitri C who did my assessment", "Dmitri C"),
        ("And was that still when Shannon S was your care coordinator?", "Shannon S"),
        ("i remember Blessing P saying it's not your fault", "Blessing P"),
        ("Craig Russo and Dinesh Q both left in the same month", "Dinesh Q"),
    ],
)
def test_initial_after_a_name(text: str, name: str) -> None:
    assert _covered(text, name)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("My care coordinator's Prince, but she's off sick.", "Prince"),
        ("Can I ask, was Ebo Vu your care coordinator at the time?", "Ebo Vu"),
        ("And was Eimear Ap Rhys your care coordinator at the time?", "Eimear Ap Rhys"),
        ("Honestly, Da Costa on the crisis line was the only one.", "Da Costa"),
        ("Blessing from the housing was brilliant with me.", "Blessing"),
        ("The ward is nice. chiamaka from the housing was brilliant.", "chiamaka"),
        ("Spud from the football lot found me a place.", "Spud"),
        ("shout out to Sully in the kitchen x", "Sully"),
    ],
)
def test_people_named_by_their_role(text: str, name: str) -> None:
    assert _covered(text, name)


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("They moved me to flat 35, Priory Court, it's supported.", "flat 35, Priory Court"),
        ("We live on flat nine, Ferry Tower Block, by the chippy.", "flat nine, Ferry Tower Block"),
        ("My address is flat nine, Tannery House Flats, they kept getting it wrong.", "flat nine, Tannery House Flats"),
        ("I lived at flat 24, Kestrel House for about six years.", "flat 24, Kestrel House"),
        ("My address is 41b Nightingale Cswy, they kept getting it wrong.", "41b Nightingale Cswy"),
        ("Is that the unit on Moor Top Side? Sorry, go on.", "Moor Top Side"),
        ("Is that the unit on Spinners Esplanade?", "Spinners Esplanade"),
        ("The drop-in's on balfour close, just round the back.", "balfour close"),
        ("The drop-in's on wellington way, just round the back.", "wellington way"),
        ("The new building on manor ave is much nicer.", "manor ave"),
        ("the clinic on ashfield grove is hard to get to", "ashfield grove"),
        ("the hostel is on Moor Bank, right at the top", "Moor Bank"),
    ],
)
def test_flats_and_streets(text: str, street: str) -> None:
    assert _covered(text, street)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Did anyone at Capita call centre know you were struggling?", "Capita call centre"),
        ("Did anyone at Next warehouse know you were struggling?", "Next warehouse"),
        ("Did anyone at Sky call centre know?", "Sky call centre"),
        ("My boss at Lidl distribution said I had to choose.", "Lidl distribution"),
        ("I'm volunteering at Heron Lodge care home now.", "Heron Lodge care home"),
        ("Did anyone at Desai and Daughters know?", "Desai and Daughters"),
        ("I was on Castleview Ward, Block 9 for three months.", "Castleview Ward, Block 9"),
        ("I've been referred to Tewkesbury CMHT North but there's a wait.", "Tewkesbury CMHT North"),
        ("I've been referred to Westhoughton Samaritans branch.", "Westhoughton Samaritans branch"),
        ("How did you find Mind Brigg and District?", "Mind Brigg and District"),
        ("then they moved me to Tees, Esk and Wear Valleys.", "Tees, Esk and Wear Valleys"),
        ("the GP referred me to Northumberland, Tyne and Wear and I had", "Northumberland, Tyne and Wear"),
        ("I was under the Limes and then they moved me", "Limes"),
        ("They referred me on to Platform 1 but the waiting list was long", "Platform 1"),
        ("much better than my time at Platform 1 Female staff", "Platform 1"),
        ("He's meant to be at Burgess Hill Uni campus but he won't go.", "Burgess Hill Uni campus"),
        ("School (Manchester Met) were not told", "Manchester Met"),
        ("school (Salford Uni) were not told", "Salford Uni"),
        ("school (Cardinal Heenan) were not told", "Cardinal Heenan"),
        ("I went back to Queen's to do my GCSEs when I was 19", "Queen's"),
        ("my daughter's at Queen's now and they've been really good", "Queen's"),
    ],
)
def test_workplaces_services_and_schools(text: str, name: str) -> None:
    assert _covered(text, name)


@pytest.mark.parametrize(
    "text",
    [
        "I was on the way home when it happened, on my way to work.",
        "I did it all on my own, on either side of the road.",
        "It's a long way and there's no way I'm doing it the right way.",
        "I think I was there. A lot of people said so. A nurse came.",
        "I will go if I may, and the sun rose over the hill.",
        "we went round the back and back again, nothing in there for me",
        "it was a blessing from the council, help from the housing was good",
        "I wanted to deaden the pain, they arent listening and it wasnt fair",
        "the café was naïve about it, a rôle for everyone, the fiancée came",
        "I was walking along the main road, up the hill, down the lane",
        "my care coordinator is lovely, my nurse was Brilliant",
        "the building site was noisy, the corner store shut, the main branch too",
        "flat 3, I think it was, or flat 4",
        "Did anyone at work know? I was at the building site.",
        "I went to see them. I was there for ages. A lot happened.",
        "I was referred to Step 2, then put under Tier 3 for a year.",
        "he rose to the top, prices rose; she will be fine and we may go",
    ],
)
def test_ordinary_words_are_not_flagged(text: str) -> None:
    assert _found(text) == {}


def test_a_lower_case_word_with_accents_is_a_borrowed_word_not_a_name() -> None:
    from cotheme.services.deid_detect import detect

    text = "It was a bit like déjà vu every time, sitting there with deja and the others."
    found = [f.text for f in detect(text, [(0, len(text))], [], use_model=False)]
    assert "déjà" not in found
    assert "deja" in found


@pytest.mark.parametrize(("text", "name"), [
    ("And and jun okoro from the, the housing site came round", "jun okoro"),
    ("me and my granddaughter xiaoling don't really talk now", "xiaoling"),
    ("And babajide thistlethwaite, was that your care coordinator?", "babajide thistlethwaite"),
    ("we ended up sleeping on bartek's settee for about a month", "bartek"),
    ("We knew him as mags at the centre, proper character", "mags"),
    ("everyone knows her as Bubbles, she's a legend", "Bubbles"),
])
def test_more_names_in_lower_case(text: str, name: str) -> None:
    from cotheme.services.deid_detect import detect

    assert name in [f.text for f in detect(text, [(0, len(text))], [], use_model=False)]


@pytest.mark.parametrize("text", [
    "my sister visiting was nice", "my granddaughter helping out", "the one from the council said",
    "and then reading from the book", "it is known as depression", "I called him back later",
    "she was called into the office", "we called it a day",
])
def test_ordinary_lower_case_talk_is_not_a_name(text: str) -> None:
    from cotheme.services.deid_detect import detect

    assert [f.text for f in detect(text, [(0, len(text))], [], use_model=False) if f.kind.value == "person"] == []
