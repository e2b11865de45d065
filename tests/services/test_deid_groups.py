"""Review by string and the residual risk report through the project (SQLite and PostgreSQL): one
decision reaches every transcript, "Priya's" is Priya, the same pseudonym in every transcript (kept in
the encrypted key), the reject list lasts across scans, and the residual report counts what was replaced
without ever printing it while listing what is left."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest

from cotheme.errors import InvalidArgument, NotFound
from cotheme.formats.report_deid_risk import write_risk
from cotheme.services import deid_key
from cotheme.services.project import Project

P01 = (
    "Interviewer: Thank you for coming.\n\n"
    "P01: My sister Priya drove me. Priya's car is old. Email me at sam.k@example.org please.\n\n"
    "Interviewer: And your dad?\n\n"
    "P01: Dad came on 12/03/2024. My nan went to the Recovery College, she said so.\n"
)
P02 = (
    "Interviewer: Welcome back.\n\n"
    "P02: PRIYA came too. Ring 07700 900123 if you need us.\n\n"
    "Interviewer: Anything else?\n\n"
    "P02: My friend Priya said the Harbour helped.\n"
)
PASS = "correct horse battery"


@pytest.fixture
def study(project: Project, tmp_path: Path) -> Project:
    (tmp_path / "P01.txt").write_text(P01, encoding="utf-8")
    (tmp_path / "P02.txt").write_text(P02, encoding="utf-8")
    project.import_files([tmp_path / "P01.txt", tmp_path / "P02.txt"])
    project.code("P01", "Family", quote="My sister Priya drove me.", create=True)
    project.deid_scan(use_model=False)
    return project


def _group(project: Project, string: str):  # type: ignore[no-untyped-def]
    return next(g for g in project.deid_groups() if g.string.lower() == string.lower())


def test_groups_fold_case_and_possessive_and_show_sentences(study: Project) -> None:
    priya = _group(study, "Priya")
    assert priya.kind == "person" and priya.count >= 2
    originals = {c.original for c in study.deid_candidates() if c.original.lower().startswith("priya")}
    assert "Priya's" in originals or priya.count >= 2
    sentences = [c.sentence for c in priya.contexts]
    assert "My sister Priya drove me." in sentences
    for c in priya.contexts:
        assert c.sentence[c.start:c.end].lower().startswith("priya")
    # filters: by kind, by confidence; bad values are one sentence
    assert {g.kind for g in study.deid_groups(kind="phone")} == {"phone"}
    assert all(g.confidence >= 0.8 for g in study.deid_groups(min_confidence=0.8))
    assert len(study.deid_groups(min_confidence=0.8)) < len(study.deid_groups())
    with pytest.raises(InvalidArgument, match="is not a kind"):
        study.deid_groups(kind="shoe size")
    with pytest.raises(InvalidArgument, match="between 0 and 1"):
        study.deid_groups(min_confidence=1.5)


def test_accepting_a_string_reaches_every_transcript(study: Project) -> None:
    done = study.deid_decide_string("priya's", "accept")
    assert done.string == "Priya" and done.candidates >= 3
    priya = [c for c in study.deid_candidates() if c.original.lower().startswith("priya")]
    assert {c.document for c in priya} == {"P01", "P02"}  # PRIYA in P02 too, though no scan proposed it
    assert {c.status for c in priya} == {"accepted"}
    assert _group(study, "Priya").status == "accepted"
    undone = study.deid_decide_string("Priya", "undo")
    assert undone.candidates == len(priya)
    assert {c.status for c in study.deid_candidates() if c.original.lower().startswith("priya")} == {"open"}
    with pytest.raises(NotFound, match="No candidate is 'Nobody'"):
        study.deid_decide_string("Nobody", "accept")
    with pytest.raises(InvalidArgument, match="cannot be empty"):
        study.deid_decide_string("Priya", "accept", placeholder="  ")


def test_same_pseudonym_in_every_transcript_kept_in_the_key(study: Project, tmp_path: Path) -> None:
    study.deid_decide_string("Priya", "accept")
    key = tmp_path / "study.deidkey"
    study.deid_apply(passphrase=PASS, key_path=key, documents=["P01"])  # one transcript now ...
    p01 = study.document("P01").text
    assert "[Person A] drove me" in p01 and "[Person A]'s car" in p01  # the possessive is kept
    study.deid_scan(["P02"], use_model=False)
    study.deid_decide_string("Priya", "accept")
    study.deid_apply(passphrase=PASS, key_path=key, documents=["P02"])  # ... the other one later
    p02 = study.document("P02").text
    assert "[Person A] came too" in p02 and "My friend [Person A] said" in p02
    entries = deid_key.load(key, PASS).entries
    assert list(entries) == ["priya"] and entries["priya"]["replacement"] == "[Person A]"
    assert sorted(entries["priya"]["documents"]) == ["P01", "P02"]  # type: ignore[arg-type]
    assert b"Priya" not in key.read_bytes()  # encrypted


def test_an_own_placeholder_is_used_everywhere(study: Project, tmp_path: Path) -> None:
    done = study.deid_decide_string("Priya", "accept", placeholder="[participant's sister]")
    assert done.placeholder == "[participant's sister]"
    study.deid_apply(passphrase=PASS, key_path=tmp_path / "k")
    assert "[participant's sister]'s car" in study.document("P01").text
    assert "PRIYA" not in study.document("P02").text and "[participant's sister] came" in study.document("P02").text


def test_the_reject_list_lasts_across_scans(study: Project, tmp_path: Path) -> None:
    assert _group(study, "Recovery College").status == "open"
    done = study.deid_decide_string("recovery college", "reject")
    assert done.on_reject_list and "Recovery College" in {t.term for t in study.deid_rejected()}
    assert {c.status for c in study.deid_candidates() if c.original == "Recovery College"} == {"rejected"}
    (tmp_path / "P03.txt").write_text("Interviewer: Hello.\n\nP03: My nan went to the Recovery College, and Recovery College's grace.\n",
                                      encoding="utf-8")
    study.import_files([tmp_path / "P03.txt"])
    study.deid_scan(use_model=False)  # a later scan, a new transcript: the rejected string is left out
    assert not [c for c in study.deid_candidates(document="P03") if c.original.startswith("Recovery College")]
    assert {c.status for c in study.deid_candidates() if c.original == "Recovery College"} == {"rejected"}
    study.deid_decide_string("Harbour", "reject")  # not a candidate: still goes on the list
    assert {"Recovery College", "Harbour"} <= {t.term for t in study.deid_rejected()}
    study.deid_unreject("recovery college")
    study.deid_scan(use_model=False)
    assert [c for c in study.deid_candidates(document="P03") if c.original == "Recovery College"]
    with pytest.raises(NotFound, match="not on the reject list"):
        study.deid_unreject("Recovery College")


def test_residual_risk_counts_kinds_and_lists_leftovers_only(study: Project, tmp_path: Path) -> None:
    study.deid_decide_string("Priya", "accept")
    study.deid_decide_string("07700 900123", "accept")
    study.deid_decide_string("Recovery College", "reject")
    study.deid_apply(passphrase=PASS, key_path=tmp_path / "k")
    report = study.deid_risk(use_model=False)
    by_doc = {d.document: d for d in report.documents}
    assert by_doc["P01"].replaced == {"person": 2}
    assert by_doc["P02"].replaced == {"person": 2, "phone": 1}
    left = {x.text: x for x in by_doc["P01"].leftovers}
    assert left["sam.k@example.org"].kind == "email" and "«sam.k@example.org»" in left["sam.k@example.org"].context
    assert "12/03/2024" in left and "Recovery College" not in left  # rejected strings are not risks
    assert not any("Person" in x.text for d in report.documents for x in d.leftovers)  # placeholders neither
    assert by_doc["P01"].rejected >= 1 and report.detectors.startswith("patterns+list+rules+")
    for fmt in ("md", "html", "csv"):
        text = write_risk(report, fmt).decode("utf-8")
        assert "Priya" not in text and "PRIYA" not in text and "07700 900123" not in text  # replaced: never printed
        assert "sam.k@example.org" in text  # still in the text: shown
    rows = list(csv.reader(io.StringIO(write_risk(report, "csv").decode("utf-8"))))
    assert ["P02", str(by_doc["P02"].revision), "yes" if by_doc["P02"].deidentified else "no", "replaced", "phone",
            "1", "", "", ""] in rows
    with zipfile.ZipFile(io.BytesIO(write_risk(report, "docx"))) as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    assert "Priya" not in body and "sam.k@example.org" in body
