"""Verbatim imports, previews and interview details through the Python API, on SQLite and
PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from cotheme.errors import Forbidden, InvalidArgument
from cotheme.services.importing import SourceFile
from cotheme.services.project import Project
from tests.conftest import INTERVIEW


def test_verbatim_offsets_of_the_original_file_address_the_same_characters(project: Project, tmp_path: Path) -> None:
    original = "\ufeffInterviewer: Où étiez-vous ?\n\nP01: À la maison 🙂 — tranquille.   \n\nInterviewer: Merci.\n\nP01: De rien.\n\n\n"
    path = tmp_path / "P01.txt"
    path.write_text(original, encoding="utf-8")  # with a byte-order mark, which is not text
    project.import_files([path], verbatim=True)
    text = original.removeprefix("\ufeff")
    stored = project.document("P01")
    assert stored.text == text
    for start in range(0, len(text), 7):  # every span of the file is the same span of the project
        end = min(start + 5, len(text))
        assert stored.text[start:end] == text[start:end]
    found = project.code("P01", "Home", start=text.index("maison"), end=text.index("maison") + 6, create=True)
    assert found.text == "maison" and found.speaker == "P01"
    assert [stored.text[t.start : t.end] for t in stored.turns] == [
        "Où étiez-vous ?", "À la maison 🙂 — tranquille.", "Merci.", "De rien."]
    assert project.search("tranquille")[0].speaker == "P01"


def test_preview_matches_what_the_import_does(project: Project) -> None:
    files = [SourceFile("P01.txt", INTERVIEW.encode()), SourceFile("P01b.txt", INTERVIEW.encode())]
    preview = project.preview_sources(files, speakers={"Interviewer": "Sam"})
    assert preview[0].speakers == ("Sam", "P01") and preview[0].error is None
    assert preview[1].duplicate_of == "P01" and preview[1].error is not None
    assert project.documents() == []
    allowed = project.preview_sources(files, allow_duplicate=True)
    assert [p.title for p in allowed] == ["P01", "P01b"] and allowed[1].error is None


def test_interview_details_rules(project: Project, tmp_path: Path) -> None:
    (tmp_path / "P01.txt").write_text(INTERVIEW, encoding="utf-8")
    project.import_files([tmp_path / "P01.txt"])
    source = project.set_interview("P01", date="2025-04-09", mode="face-to-face", duration="46 min",
                                   interviewer="  Sam   Okafor ", setting="clinic room", notes="Line one\nLine two")
    assert (source.mode, source.duration_minutes, source.interviewer, source.field_notes) == (
        "in person", 46, "Sam Okafor", "Line one\nLine two")
    with pytest.raises(InvalidArgument, match="use one of: in person, video, telephone, other"):
        project.set_interview("P01", mode="carrier pigeon")
    with pytest.raises(InvalidArgument, match="between 1 and 1440"):
        project.set_interview("P01", duration="5000")
    with pytest.raises(InvalidArgument, match="Give at least one interview detail"):
        project.set_interview("P01")
    assert project.document("P01").source.mode == "in person"  # refused changes changed nothing


def test_coders_import_only_when_the_lead_allows(project: Project, tmp_path: Path) -> None:
    (tmp_path / "P01.txt").write_text(INTERVIEW, encoding="utf-8")
    coder = project.acting_as(project.add_member("Ann", permission="coder"))
    viewer = project.acting_as(project.add_member("Vic", permission="viewer"))
    with pytest.raises(Forbidden, match="Ann is a coder"):
        coder.import_files([tmp_path / "P01.txt"])
    with pytest.raises(Forbidden):
        coder.set_coders_may_import(True)
    project.set_coders_may_import(True)
    assert coder.import_files([tmp_path / "P01.txt"])[0].title == "P01"
    assert coder.set_interview("P01", mode="video").mode == "video"
    with pytest.raises(Forbidden, match="Vic is a viewer"):
        viewer.set_interview("P01", mode="telephone")
    with pytest.raises(Forbidden):
        viewer.preview_sources([SourceFile("x.txt", b"Interviewer: a\n\nP01: b\n")])
