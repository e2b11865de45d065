"""De-identification through the project (SQLite and PostgreSQL): scan, decide, apply as a revision
with every coding carried, the encrypted key apart from the project, a wrong passphrase, an apply
interrupted half-way, and the "de-identified exports only" rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from cotheme.errors import Conflict, InvalidArgument
from cotheme.services import deid_key, deid_model, revisions
from cotheme.services.project import Project

P01 = (
    "Interviewer: Thank you for coming, Sarah Jones asked me to say hello.\n\n"
    "P01: My sister Priya drove me. Ring her on 07700 900123 or email priya.k@example.org. "
    "My NHS number is 943 476 5919 and we live at LS6 2QT.\n\n"
    "Interviewer: And the support group?\n\n"
    "P01: Sarah was brilliant, she really listened.\n"
)
P02 = (
    "Sarah Jones: Welcome back. How are things?\n\n"
    "P02: Better. Priya came too, and Sarah Jones phoned me on 12/03/2024.\n\n"
    "Sarah Jones: Good. Anything else?\n\n"
    "P02: No, that is all.\n"
)
PASS = "correct horse battery"


@pytest.fixture
def study(project: Project, tmp_path: Path) -> Project:
    (tmp_path / "P01.txt").write_text(P01, encoding="utf-8")
    (tmp_path / "P02.txt").write_text(P02, encoding="utf-8")
    project.import_files([tmp_path / "P01.txt", tmp_path / "P02.txt"])
    project.code("P01", "Family", quote="My sister Priya drove me.", create=True)
    project.code("P01", "Being heard", quote="Sarah was brilliant, she really listened.", create=True)
    project.code("P02", "Contact", quote="Sarah Jones phoned me", create=True)
    project.deid_add_name("Sarah Jones", role="staff")
    return project


def _find(project: Project, original: str, document: str | None = None) -> int:
    return next(c.id for c in project.deid_candidates(document=document) if c.original == original)


def test_scan_review_and_apply(study: Project, tmp_path: Path) -> None:
    report = study.deid_scan(use_model=False)
    assert report.model is None and "--no-model" in report.note
    found = {(c.document, c.original): c for c in study.deid_candidates()}
    kinds = {orig: c.kind for (_, orig), c in found.items()}
    assert kinds["07700 900123"] == "phone" and kinds["priya.k@example.org"] == "email"
    assert kinds["943 476 5919"] == "nhs_number" and kinds["LS6 2QT"] == "postcode" and kinds["12/03/2024"] == "date"
    assert found[("P01", "Sarah Jones")].proposed == "[Staff member A]"
    speakers = [c for c in study.deid_candidates(document="P02") if c.field == "speaker"]
    assert [(c.original, c.proposed) for c in speakers] == [("Sarah Jones", "[Staff member A]")]

    decision = study.deid_decide(_find(study, "Priya", "P01"), "accept", replacement="[participant's sister]")
    assert decision.same_string == 1  # Priya in P02 is proposed the same
    (p02_priya,) = [c for c in study.deid_candidates(document="P02") if c.original == "Priya"]
    assert (p02_priya.status, p02_priya.replacement) == ("proposed", "[participant's sister]")
    study.deid_decide(_find(study, "12/03/2024"), "reject")

    key = tmp_path / "study.deidkey"
    before = len(study.codings())
    result = study.deid_apply(passphrase=PASS, key_path=key, min_score=0.5)
    assert {d.document: d.deidentified for d in result.documents} == {"P01": True, "P02": True}
    p01, p02 = study.document("P01"), study.document("P02")
    for name in ("Sarah", "Priya", "07700", "example.org", "943 476", "LS6"):
        assert name not in p01.text and name not in p02.text
    assert "12/03/2024" in p02.text  # rejected
    assert "[Staff member A]" in p01.text and "[Staff member A]" in p02.text  # one pseudonym everywhere
    assert p02.turns[0].speaker == "[Staff member A]"
    assert "My sister [participant's sister] drove me." in p01.text
    assert len(study.codings()) == before  # no coding lost
    texts = {e.code: e.text for e in study.codings()}
    assert texts["Family"] == "My sister [participant's sister] drove me."
    assert texts["Contact"] == "[Staff member A] phoned me"
    assert study.revisions("P01")[-1].deidentified and not study.revisions("P01")[0].deidentified
    assert study.deidentified_documents() == {p01.id, p02.id}
    assert study.deid_candidates(status="accepted") == []  # what was applied now lives in the key only

    raw = key.read_bytes()
    assert b"Sarah" not in raw and b"Priya" not in raw
    entries = deid_key.load(key, PASS).entries
    assert entries["sarah jones"]["replacement"] == "[Staff member A]"
    assert set(entries["sarah jones"]["documents"]) == {"P01", "P02"}  # type: ignore[arg-type]


def test_a_wrong_passphrase_is_refused_and_nothing_changes(study: Project, tmp_path: Path) -> None:
    key = tmp_path / "k.deidkey"
    study.deid_scan(["P01"], use_model=False)
    study.deid_decide(_find(study, "07700 900123"), "accept")
    study.deid_apply(passphrase=PASS, key_path=key)
    study.deid_scan(["P01"], use_model=False)
    study.deid_decide(_find(study, "LS6 2QT"), "accept")
    with pytest.raises(InvalidArgument, match="passphrase does not open"):
        study.deid_apply(passphrase="not the passphrase", key_path=key)
    assert "LS6 2QT" in study.document("P01").text and study.document("P01").revision == 2
    with pytest.raises(InvalidArgument, match="needs the key's passphrase"):
        study.deid_apply(passphrase=None, key_path=key)
    with pytest.raises(InvalidArgument, match="at least 8"):
        study.deid_apply(passphrase="short", key_path=tmp_path / "new.deidkey")


def test_an_apply_interrupted_half_way_leaves_the_project_as_before(
    study: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    study.deid_scan(use_model=False)
    for c in study.deid_candidates():
        study.deid_decide(c.id, "accept")
    before = {d: study.document(d) for d in ("P01", "P02")}
    candidates = study.deid_candidates()
    real = revisions.apply_change
    calls = []

    def failing(*args: object, **kwargs: object) -> object:
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("power cut")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(revisions, "apply_change", failing)
    key = tmp_path / "k.deidkey"
    with pytest.raises(RuntimeError, match="power cut"):
        study.deid_apply(passphrase=PASS, key_path=key)
    assert len(calls) == 2
    assert {d: study.document(d) for d in ("P01", "P02")} == before
    assert study.deid_candidates() == candidates
    assert not key.exists()
    assert all(len(study.revisions(d)) == 1 for d in ("P01", "P02"))


def test_exports_only_setting_and_the_rule_exports_call(study: Project, tmp_path: Path) -> None:
    assert study.deidentified_exports_only() is False
    study.require_deidentified()  # off: nothing to refuse
    with pytest.raises(Conflict, match="not de-identified .*P01, P02"):
        study.require_deidentified(always=True)
    study.set_deidentified_exports_only(True)
    assert study.deidentified_exports_only() is True
    with pytest.raises(Conflict, match="only de-identified"):
        study.require_deidentified(action="report")
    study.deid_scan(["P02"], use_model=False)
    for c in study.deid_candidates(document="P02"):
        study.deid_decide(c.id, "reject" if c.kind == "date" else "accept")
    study.deid_apply(passphrase=PASS, key_path=tmp_path / "k.deidkey", documents=["P02"])
    p02 = study.document("P02").id
    study.require_deidentified([p02])
    with pytest.raises(Conflict, match="P01"):
        study.require_deidentified()
    study.edit_document("P02", replace="Better", with_text="Much better")  # a later edit needs a new scan
    with pytest.raises(Conflict, match="P02"):
        study.require_deidentified([p02])


def test_without_the_model_scan_says_how_to_enable_it(study: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(deid_model, "model_version", lambda: None)
    report = study.deid_scan(["P02"])
    assert report.model is None and "pip install 'cotheme[deid]'" in report.note
    assert report.documents[0].candidates >= 3


def test_ignored_strings_and_the_list(study: Project) -> None:
    study.deid_scan(["P02"], use_model=False)
    study.deid_decide(_find(study, "12/03/2024"), "reject", everywhere=True)
    assert [t.decision for t in study.deid_names()] == ["identify", "ignore"]
    study.deid_scan(["P02"], use_model=False)
    assert "12/03/2024" not in [c.original for c in study.deid_candidates(status="open")]
    study.deid_remove_name("12/03/2024")
    assert [t.term for t in study.deid_names()] == ["Sarah Jones"]
    assert study.deid_add_name("Priya K", role="family").replacement == "[Family member A]"


def test_themes_report_refused_while_exports_must_be_deidentified(project) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path
    import tempfile

    import pytest

    from cotheme.errors import Conflict

    folder = Path(tempfile.mkdtemp())
    (folder / "P01.txt").write_text("Interviewer: Hello.\n\nP01: I saw Dr Jones at the clinic.\n", encoding="utf-8")
    project.import_files([folder / "P01.txt"])
    project.themes_report()  # allowed while the setting is off
    project.set_deidentified_exports_only(True)
    with pytest.raises(Conflict, match="P01"):
        project.themes_report()
