"""The seventh round's place rules (``domain.deid_workplaces`` and the Welsh, Scots and tenement streets of
``domain.deid_buildings``) and their place in the combined detector: employers after the words about work,
services and schools said in lower case, prisons' teams, named programmes, charities with their place and
streets with their word first; each with the ordinary phrases that must stay ("at home", "the ward")."""

from __future__ import annotations

import pytest

from cotheme.domain.deid import Kind
from cotheme.domain.deid_buildings import find_buildings
from cotheme.services import deid_gazetteer
from cotheme.services.deid_detect import detect


def _found(text: str) -> dict[str, Kind]:
    places, names = deid_gazetteer.load()
    return {f.text: f.kind for f in find_buildings(text, deid_gazetteer.english_words(), names, places)}


def _detected(text: str) -> set[str]:
    return {f.text for f in detect(text, [(0, len(text))], [], use_model=False)}


@pytest.mark.parametrize(
    ("text", "found", "kind"),
    [
        ("Aye, I worked at Ferguson's shipyard for eleven years before that.", "Ferguson's shipyard", Kind.WORKPLACE),
        ("so I got a job at Ferguson's shipyard through the veterans' thing", "Ferguson's shipyard", Kind.WORKPLACE),
        ("I work at Harland and Wolff and could not get an evening.", "Harland and Wolff", Kind.WORKPLACE),
        ("She's employed by Marks & Spencer now.", "Marks & Spencer", Kind.WORKPLACE),
        ("So, my manager at Job Centre was actually really good.", "Job Centre", Kind.WORKPLACE),
        ("I had to leave work at Job Centre early to attend.", "Job Centre", Kind.WORKPLACE),
        ("och, i do shifts at job centre now, just part time, like.", "job centre", Kind.WORKPLACE),
        ("i do shifts at tunnock's now, just part time.", "tunnock's", Kind.WORKPLACE),
        ("I was on the tills at morrisons for a bit", "morrisons", Kind.WORKPLACE),
        ("did an apprenticeship at Babcock's yard in Rosyth", "Babcock's yard", Kind.WORKPLACE),
        ("I'm back at O2 on a phased return.", "O2", Kind.WORKPLACE),
        ("i ended up at st nicholas hospital in the middle of the night", "st nicholas hospital", Kind.ORGANISATION),
        ("well, i ended up at rowan ward in the middle of the night", "rowan ward", Kind.ORGANISATION),
        ("And i ended up at antrim area hospital that night", "antrim area hospital", Kind.ORGANISATION),
        ("they referred me to lothian memory clinic", "lothian memory clinic", Kind.ORGANISATION),
        ("I rang HMP Durham in-reach team and just cried", "HMP Durham in-reach team", Kind.ORGANISATION),
        ("the nurses on HMP & YOI Doncaster healthcare were kind", "HMP & YOI Doncaster healthcare", Kind.ORGANISATION),
        ("they sent me to the Op Courage but the waiting list was long", "Op Courage", Kind.ORGANISATION),
        ("Operation Courage were amazing with me", "Operation Courage", Kind.ORGANISATION),
        ("I finally got a bed in Women's Aid Fife after three weeks", "Women's Aid Fife", Kind.ORGANISATION),
        ("I got help from Mind in Camden and Age UK Leeds", "Mind in Camden", Kind.ORGANISATION),
        ("I got help from Mind in Camden and Age UK Leeds", "Age UK Leeds", Kind.ORGANISATION),
        ("when I was at truro college the teachers knew", "truro college", Kind.SCHOOL),
        ("no but when I was at dundee and angus college", "dundee and angus college", Kind.SCHOOL),
        ("I- when I was at falmouth uni the teachers knew", "falmouth uni", Kind.SCHOOL),
        ("Well, when I was at sunderland uni the teachers knew", "sunderland uni", Kind.SCHOOL),
        ("so I'm doing an access course through Queen's now, aye", "Queen's", Kind.SCHOOL),
        ("I walked all the way from fifteen Heol y Nant to the hospital", "fifteen Heol y Nant", Kind.STREET),
        ("I was living at 114 Heol y Nant at the time, top floor.", "114 Heol y Nant", Kind.STREET),
        ("honestly, we were on Heol y Nant, everyone knows everyone", "Heol y Nant", Kind.STREET),
        ("we lived at 22 Stryd Fawr above the chippy", "22 Stryd Fawr", Kind.STREET),
        ("Mam's still on Ffordd Las", "Ffordd Las", Kind.STREET),
        ("round the corner on Lon Hir", "Lon Hir", Kind.STREET),
        ("my nan's in Maes y Coed", "Maes y Coed", Kind.STREET),
        ("my address then was flat 0/1, 56 Station Wynd, I'd only just got the keys",
         "flat 0/1, 56 Station Wynd", Kind.STREET),
        ("I live at flat 3/1, 76 Perth Wynd and the driver went", "flat 3/1, 76 Perth Wynd", Kind.STREET),
        ("The crew could not find flat 0/1, 67 Ladybank Brae.", "flat 0/1, 67 Ladybank Brae", Kind.STREET),
        ("we stayed at 4 Kirk Vennel, then on Castle Pend", "4 Kirk Vennel", Kind.STREET),
    ],
)
def test_found(text: str, found: str, kind: Kind) -> None:
    assert _found(text).get(found) is kind
    assert found in _detected(text)


@pytest.mark.parametrize(
    "text",
    [
        "I work at home most days, and at the moment I work at night.",
        "Mum works at weekends and at nights, she said she'd work for nothing.",
        "shifts at the docks were long; I worked for years and work for myself now.",
        "she's at my mum's, and my sister works at her friend's.",
        "The job at the time was rubbish. I started work at nine.",
        "the hospital was busy and the ward was busy.",
        "we were on the main road, on the way home.",
        "I was in hospital, then the day unit, then at the local hospital and in general hospital.",
        "at the children's ward and in the maternity unit",
        "I went to the podiatry clinic and the dermatology unit, then at fracture clinic.",
        "I went to art college and sixth form college, then at the uni and at night school.",
        "The op was fine. After the Op on Monday I went home.",
        "Lon was there and Maes was too.",
        "I work at Christmas and on Boxing Day.",
    ],
)
def test_left_alone(text: str) -> None:
    found = _found(text)
    assert not found, found
