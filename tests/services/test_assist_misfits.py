"""Misfit flags with the real local model, on SQLite and PostgreSQL: a passage coded with the wrong
code comes first with the code it resembles as the reason, and a coder sees only codings they may see."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from cotheme.services.assist_misfits import fits, margins
from cotheme.services.project import Project

TEXT = (
    "Interviewer: Tell me about the ward.\n\n"
    "P01: The food was cold every single day. The meals came late and the soup was watery.\n\n"
    "Interviewer: And waiting?\n\n"
    "P01: I waited four months on the waiting list before anyone saw me. The wait for an appointment was endless.\n\n"
    "Interviewer: The staff?\n\n"
    "P01: The nurses were kind and patient. One nurse sat with me at night when I was scared.\n\n"
    "Interviewer: Anything else?\n\n"
    "P01: Dinner was a sandwich again. The breakfast tea was lukewarm.\n"
)


@pytest.fixture
def coded(project: Project, tmp_path: Path) -> Project:
    path = tmp_path / "P01.txt"
    path.write_text(TEXT, encoding="utf-8")
    project.import_files([path])
    project.create_code("Food", definition="Meals, food and drink on the ward.")
    project.create_code("Waiting", definition="Waiting lists, delays and long waits before being seen.")
    project.create_code("Kind staff", definition="Staff being kind, caring and patient.")
    for quote in ("The food was cold every single day.", "The meals came late and the soup was watery.",
                  "Dinner was a sandwich again.", "The breakfast tea was lukewarm."):
        project.code("P01", "Food", quote=quote)
    # The misfit: a passage about waiting, coded as Food.
    project.code("P01", "Food", quote="I waited four months on the waiting list before anyone saw me.")
    project.code("P01", "Waiting", quote="The wait for an appointment was endless.")
    project.code("P01", "Kind staff", quote="The nurses were kind and patient.")
    project.code("P01", "Kind staff", quote="One nurse sat with me at night when I was scared.")
    project.index()
    return project


def test_the_planted_passage_comes_first_with_its_reason(coded: Project) -> None:
    found = coded.misfits("Food", top=3)
    assert [m.code for m in found] == ["Food"] * 3
    first = found[0]
    assert first.text.startswith("I waited four months") and first.nearest_code == "Waiting"
    assert first.score > 0 and first.score == pytest.approx(first.nearest_fit - first.own_fit, abs=2e-3)
    assert "Closer to 'Waiting'" in first.reason and [m.score for m in found] == sorted((m.score for m in found), reverse=True)
    everything = coded.misfits(top=1)
    assert {m.code for m in everything} == {"Food", "Kind staff"}  # Waiting has one coding: nothing to compare


def test_a_coder_sees_misfits_only_among_codings_they_may_see(coded: Project) -> None:
    coded.add_member("Rowan", permission="coder")
    coded.acting_as("Rowan").code("P01", "Food", quote="The nurses were kind and patient.")
    coded.acting_as("Rowan").code("P01", "Food", quote="The food was cold every single day.")
    coded.set_blind("P01")
    seen = coded.acting_as("Rowan").misfits(top=10)
    ids = {e.id for e in coded.acting_as("Rowan").codings()}
    assert seen and {m.coding_id for m in seen} <= ids and len(ids) == 2
    assert len(coded.misfits(top=10)) > len(seen)  # the lead sees everyone's


def test_leave_one_out_and_shared_spans() -> None:
    cards = np.eye(3, dtype=np.float32)
    vectors = np.array([[1, 0, 0], [1, 0.1, 0], [0, 1, 0], [0, 1, 0.05]], np.float32)
    own, nearest, nearest_fit = fits(cards, vectors, [0, 0, 0, 1])
    score = margins(own, nearest_fit)
    assert int(np.argmax(score)) == 2 and int(nearest[2]) == 1  # the code-1 passage filed under code 0
    # The same span coded with codes 0 and 1: code 1 is not offered as a reason to doubt code 0.
    _own, nearest2, _fit = fits(cards, vectors[:3], [0, 1, 0], spans=["a", "a", "b"])
    assert int(nearest2[0]) != 1
