"""Agreement between coders through the project, on SQLite and PostgreSQL, and reflexive mode."""

from __future__ import annotations

from pathlib import Path

import pytest

from cotheme.domain.agreement import reliability
from cotheme.domain.unitizing import Continuum, alpha_u
from cotheme.errors import InvalidArgument, NotFound
from cotheme.services.project import Project
from tests.conftest import INTERVIEW


@pytest.fixture
def coded(project: Project, interview_file: Path) -> Project:
    """INTERVIEW (four turns) coded by Ana and Ben: both code Waiting in turn 2 (different spans),
    only Ana codes Listening in turn 4."""
    project.import_files([interview_file])
    project.add_member("Ana", "expert by experience")
    project.add_member("Ben", "researcher")
    project.create_code("Waiting")
    project.create_code("Listening")
    project.code("P01", "Waiting", quote="I waited four months", coder="Ana")
    project.code("P01", "Waiting", quote="the waiting list was long", coder="Ben")
    project.code("P01", "Listening", quote="she actually listened to me", coder="Ana")
    return project


def span(project: Project, quote: str) -> tuple[int, int]:
    start = project.document("P01").text.index(quote)
    return start, start + len(quote)


def test_agreement_per_code_and_overall(coded: Project) -> None:
    report = coded.agreement(["Ana", "Ben"], bootstrap=200)
    assert report.coders == ("Ana", "Ben") and report.documents == ("P01",) and report.units == 4
    by_code = {c.code: c for c in report.codes}
    waiting, listening = by_code["Waiting"], by_code["Listening"]
    assert waiting.units_coded == (1, 1) and waiting.differences == 0
    assert waiting.scores is not None and waiting.scores.cohen_kappa is not None
    assert waiting.scores.cohen_kappa.value == pytest.approx(1.0)
    assert listening.units_coded == (1, 0) and listening.differences == 1
    assert listening.scores is not None and listening.scores.percent_agreement.value == pytest.approx(0.75)
    assert listening.scores.cohen_kappa is not None and listening.scores.cohen_kappa.value == pytest.approx(0.0)
    # overall pools the eight (turn, code) decisions
    pooled = [[0, 0], [1, 1], [0, 0], [0, 0]] + [[0, 0], [0, 0], [0, 0], [1, 0]]
    expected = reliability(pooled, categories=(0, 1), bootstrap=0)
    assert report.overall is not None and report.overall.cohen_kappa is not None
    assert report.overall.cohen_kappa.value == pytest.approx(expected.cohen_kappa.value)  # type: ignore[union-attr]
    assert report.overall.krippendorff_alpha.value == pytest.approx(expected.krippendorff_alpha.value)
    low, high = report.overall.gwet_ac1.low, report.overall.gwet_ac1.high
    assert low is not None and high is not None and low <= (report.overall.gwet_ac1.value or 0) <= high
    # alpha_u works on the spans themselves, so Waiting's different spans do not agree perfectly
    length = len(coded.document("P01").text)
    waiting_u = alpha_u([Continuum(length, ((span(coded, "I waited four months"),),
                                            (span(coded, "the waiting list was long"),)))])
    assert waiting.alpha_u is not None and waiting.alpha_u.value == pytest.approx(waiting_u)
    assert waiting_u is not None and waiting_u < 0.5
    [difference] = report.differences
    assert (difference.code, difference.coded_by, difference.not_coded_by) == ("Listening", ("Ana",), ("Ben",))
    assert "she actually listened" in difference.text and difference.speaker == "P01"


def test_units_and_options(coded: Project) -> None:
    sentences = coded.agreement(["Ana", "Ben"], unit="sentence", bootstrap=0)
    assert sentences.units > 4 and sentences.overall is not None and sentences.overall.cohen_kappa is not None
    assert sentences.overall.cohen_kappa.low is None  # no resamples, no interval
    ben = next(m.id for m in coded.members() if m.name == "Ben")
    chars = coded.agreement(["ana", str(ben)], documents=["P01"], unit="char", bootstrap=50)  # names or ids
    assert chars.units == len(coded.document("P01").text)
    assert {c.code: c.units_coded for c in chars.codes}["Waiting"] == (len("I waited four months"),
                                                                        len("the waiting list was long"))
    with pytest.raises(InvalidArgument):
        coded.agreement(["Ana", "Ben"], unit="paragraph")
    with pytest.raises(InvalidArgument):
        coded.agreement(["Ana", "Ana"])
    with pytest.raises(NotFound):
        coded.agreement(["Ana", "Nobody"])


def test_default_documents_are_those_every_coder_coded(coded: Project) -> None:
    coded.add_member("Cy")
    with pytest.raises(InvalidArgument, match="have not all coded any same document"):
        coded.agreement(["Ana", "Cy"])
    lonely = coded.agreement(["Ana", "Cy"], documents=["P01"], bootstrap=0)
    assert lonely.documents == ("P01",) and all(c.units_coded[1] == 0 for c in lonely.codes)


def test_reflexive_mode_hides_every_score(coded: Project) -> None:
    assert coded.reflexive_mode() is False
    coded.set_reflexive_mode(True)
    report = coded.agreement(["Ana", "Ben"])
    assert report.reflexive and report.overall is None and report.overall_alpha_u is None
    assert all(c.scores is None and c.alpha_u is None for c in report.codes)
    assert [d.code for d in report.differences] == ["Listening"]
    coded.set_reflexive_mode(False)
    assert coded.agreement(["Ana", "Ben"], bootstrap=0).overall is not None


def test_the_methods_report_states_agreement_or_why_there_is_none(coded: Project) -> None:
    computed = coded.agreement(["Ana", "Ben"], bootstrap=0).overall
    assert computed is not None
    lines = {s.title: s.lines for s in coded.methods_report().sections}["Agreement between coders"]
    assert lines[0] == ("1 of 1 coded transcripts were double-coded (assigned to more than one coder, or coded "
                        "by two people who applied at least one same code to it).")  # both applied Waiting
    assert lines[1].startswith("Ana and Ben both coded 1 transcript (P01): ")
    assert f"Krippendorff's alpha {computed.krippendorff_alpha.value:.2f}" in lines[1]
    coded.set_reflexive_mode(True)
    (reflexive,) = {s.title: s.lines for s in coded.methods_report().sections}["Agreement between coders"]
    assert "deliberately not computed" in reflexive


def _agreement_section(project: Project) -> tuple[str, ...]:
    return {s.title: s.lines for s in project.methods_report().sections}["Agreement between coders"]


@pytest.fixture
def shared_out(project: Project, tmp_path: Path) -> Project:
    """The issue's project: two transcripts, each coded by two coders who applied *different* codes
    (they shared the codebook out, not the transcripts), and nothing assigned."""
    for title in ("P01", "P02"):
        path = tmp_path / f"{title}.txt"
        path.write_text(INTERVIEW + f"\nInterviewer: Thank you ({title}).\n", encoding="utf-8")
        project.import_files([path])
    project.add_member("Ana", "expert by experience")
    project.add_member("Ben", "researcher")
    for name in ("Waiting", "Listening", "Peer group"):
        project.create_code(name)
    for title in ("P01", "P02"):
        project.code(title, "Waiting", quote="I waited four months", coder="Ana")
        project.code(title, "Listening", quote="she actually listened to me", coder="Ben")
        project.code(title, "Peer group", quote="Café visits with the peer group", coder="Ben")
    return project


def test_coders_with_different_codes_on_the_same_transcripts_did_not_double_code(shared_out: Project) -> None:
    assert _agreement_section(shared_out) == (
        "No transcript was double-coded, so no agreement between coders is reported.",
        "2 transcripts were coded by more than one person, but with different codes and not assigned "
        "to more than one coder, so their codings are not compared.",
    )


def test_a_transcript_assigned_to_two_coders_is_double_coded(shared_out: Project) -> None:
    shared_out.assign("P01", ["Ana", "Ben"])
    lines = _agreement_section(shared_out)
    assert lines[0] == ("1 of 2 coded transcripts were double-coded (assigned to more than one coder, or coded "
                        "by two people who applied at least one same code to it).")
    computed = shared_out.agreement(["Ana", "Ben"], documents=["P01"], bootstrap=0).overall
    assert computed is not None
    assert lines[1].startswith("Ana and Ben both coded 1 transcript (P01): ")
    assert f"Krippendorff's alpha {computed.krippendorff_alpha.value:.2f}" in lines[1]


def test_a_transcript_both_coded_with_a_code_in_common_is_double_coded(shared_out: Project) -> None:
    shared_out.code("P02", "Waiting", quote="the waiting list was long", coder="Ben")
    lines = _agreement_section(shared_out)
    assert lines[0].startswith("1 of 2 coded transcripts were double-coded")
    assert lines[1].startswith("Ana and Ben both coded 1 transcript (P02): Krippendorff's alpha ")
