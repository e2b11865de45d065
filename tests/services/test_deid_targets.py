"""The combined detector with the real gazetteers (package data) and model, the speaker labels, and
the evaluation on a fixed sample of the TEST half built from the real interview text in shared/data.

(Named to run after ``test_deid_model.py``: that file re-imports spaCy under a blocked network, which
fails once another test of the same process has loaded the model.)"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from cotheme.domain.deid import Term
from cotheme.services import deid_gazetteer
from cotheme.services.deid_detect import FULL, Stages, detect

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import deid_eval  # noqa: E402
import deid_evalset  # noqa: E402


def _texts(text: str, **kwargs: object) -> dict[str, str]:
    found = detect(text, [(0, len(text))], kwargs.pop("listed", []), use_model=kwargs.pop("use_model", False),  # type: ignore[arg-type]
                   **kwargs)  # type: ignore[arg-type]
    return {f.text: f.kind.value for f in found}


def test_gazetteers_come_from_the_pinned_packages() -> None:
    assert deid_gazetteer.places_version() == "3.0.2"
    assert deid_gazetteer.names_version() == "0.4.0"
    assert deid_gazetteer.lexicon_version() == "0.9.1"
    places, names = deid_gazetteer.load()
    assert {"keighley", "dewsbury", "kingston upon hull", "harrogate"} <= places
    assert {"priya", "tomasz", "siobhan", "amira"} <= names
    assert "will" not in names and "street" not in places
    english = deid_gazetteer.english_words()
    assert "honestly" in english and "becks" not in english


def test_places_and_first_names_alone_are_found() -> None:
    found = _texts("It was only after Priya rang that we drove over to Keighley together.")
    assert found.get("Priya") == "person" and found.get("Keighley") == "place"


@pytest.mark.parametrize("text", ["I'd say that was it. I'd had enough.", "Dad said no. God, it was awful.",
                                  "My nan, God rest her, never knew.", "I see them every Monday."])
def test_the_stop_list_holds_with_the_model(text: str) -> None:
    assert _texts(text, use_model=True) == {}


def test_a_speaker_labels_name_is_found_in_the_text() -> None:
    text = "Thanks for coming in, Oluwaseun.\nNo problem. Seun is fine, everyone calls me that."
    found = detect(text, [(0, 32), (33, len(text))], [], use_model=False, speakers=["Oluwaseun Adeyemi", "Interviewer"])
    assert "Oluwaseun" in {f.text for f in found}
    baseline = detect(text, [(0, 32), (33, len(text))], [], use_model=False, speakers=["Oluwaseun Adeyemi"],
                      stages=Stages.baseline())
    assert "Oluwaseun" not in {f.text for f in baseline}


def test_every_planted_speaker_name_label_is_found() -> None:
    docs = deid_evalset.build("test", max_docs=9)
    labels = deid_eval.speaker_labels(docs)
    assert labels["name_labels"] >= 3
    assert labels["left_in_labels"] == 0
    assert labels["roles_flagged"] == 0


def test_the_teams_list_still_wins() -> None:
    text = "Conor said it. Then Connor came back."
    found = detect(text, [(0, len(text))], [Term(1, "Conor Healy", "identify", "staff", "[Staff member A]")],
                   use_model=False)
    assert {f.text: f.source for f in found} == {"Conor": "list", "Connor": "list"}


def test_evaluation_on_a_fixed_test_sample_meets_the_targets_and_the_baseline_does_not() -> None:
    """A fixed sample of the TEST half (the first 6 PDPilot documents, 2 Zoom, 4 NHS comment sets): the
    new detector's recall and precision are at the targets less a small margin; the detector before it
    is not (so this test can fail)."""
    every = deid_evalset.build("test")
    docs = ([d for d in every if d.source == "pdpilot"][:6] + [d for d in every if d.source == "zoom"][:2]
            + [d for d in every if d.source == "nhs"][:4])
    assert [d.source for d in docs].count("nhs") == 4 and [d.source for d in docs].count("zoom") == 2
    model = deid_eval.CachedModel()
    new = deid_eval.score(docs, FULL, model)["overall"]
    base = deid_eval.score(docs, Stages.baseline(), model)["overall"]
    assert new["gold"] >= 90
    assert new["recall"] >= 0.93, new
    assert new["precision"] >= 0.68, new
    assert base["recall"] < 0.9, base
    per_kind = deid_eval.score(docs, FULL, model)["per_kind"]
    weak = {k: v["recall"] for k, v in per_kind.items() if v["recall"] < 0.85}  # type: ignore[index]
    assert weak == {}


def test_scoring_needs_most_of_a_name_covered() -> None:
    assert deid_eval.covered(0, 11, [(0, 5)]) < deid_eval.COVER  # "Sarah" of "Sarah Jones"
    assert deid_eval.covered(0, 11, [(0, 5), (6, 11)]) >= deid_eval.COVER


def test_the_model_reads_only_sentences_with_a_capital_no_one_explained() -> None:
    """What makes a 10,000-word scan fast: sentences without a capitalised word after their first, or
    whose capitals are stop words or found with confidence already, are not given to the model."""
    read: list[str] = []

    def spy(texts: list[str]) -> list[list[object]]:
        read.extend(texts)
        return [[] for _ in texts]

    text = ("It was hard at first. I told Dad on Monday. My sister Amira came too. "
            "Then we saw Okonkwo at the centre.")
    detect(text, [(0, len(text))], [], use_model=True, entities=spy)  # type: ignore[arg-type]
    assert read == [" Then we saw Okonkwo at the centre."]
    read.clear()
    detect(text, [(0, len(text))], [], use_model=True, entities=spy, stages=Stages.baseline())  # type: ignore[arg-type]
    assert read == [text]


def test_spoken_and_shape_rules_lift_the_kinds_the_fresh_part_missed() -> None:
    """On a sample of the FRESH part (tuned on since; no model, so it is quick): ages said in words,
    spoken dates, services, schools, employers, flats, handles and links are found by the full detector,
    and the detector without the spoken and shape rules misses most of them (so this test can fail)."""
    docs = deid_evalset.build("fresh", max_docs=24)
    weak = ("age", "date", "street", "health_org", "school", "workplace", "url", "handle")
    full = deid_eval.score(docs, FULL, None)
    old = deid_eval.score(docs, Stages(spoken=False, shapes=False), None)
    assert full["overall"]["precision"] >= 0.85, full["overall"]  # type: ignore[index]
    assert {k: full["per_kind"][k]["recall"] for k in weak} == dict.fromkeys(weak, 1.0)  # type: ignore[index]
    assert sum(old["per_kind"][k]["recall"] for k in weak) / len(weak) < 0.85  # type: ignore[index]
    labels = deid_eval.speaker_labels(docs)
    assert labels["role_labels"] >= 30 and labels["roles_flagged"] == 0


def test_second_round_lifts_the_kinds_the_holdout_part_missed() -> None:
    """On a sample of the HOLDOUT part (tuned on since its one held-out measurement; no model, so it is
    quick): nicknames, ages, dates, health and care organisations and handles are found by the full
    detector, and the detector without the second round (nor the sixth, which finds some of the same forms)
    misses some of each (so this test can fail)."""
    from dataclasses import replace

    docs = deid_evalset.build("holdout", seed=4711, max_docs=30)
    weak = ("nickname", "age", "date", "health_org", "handle")
    full = deid_eval.score(docs, FULL, None)
    old = deid_eval.score(docs, replace(FULL, second=False, sixth=False), None)  # the sixth round covers some of it again
    assert full["overall"]["precision"] >= 0.85, full["overall"]  # type: ignore[index]
    # without the model, lower-case unit names ("at millbrook") stay the rules' blind spot
    assert all(full["per_kind"][k]["recall"] >= 0.8 for k in weak), full["per_kind"]  # type: ignore[index]
    assert full["overall"]["recall"] - old["overall"]["recall"] >= 0.05  # type: ignore[index,operator]
    assert all(old["per_kind"][k]["recall"] < full["per_kind"][k]["recall"] for k in weak), old["per_kind"]  # type: ignore[index]
