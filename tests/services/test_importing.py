"""Importing transcripts: structure, cases, speakers, duplicates, and all-or-nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from cotheme.errors import Conflict, InputError, NotFound
from cotheme.services.project import Project


def test_import_keeps_turns_as_structure(project: Project, interview_file: Path) -> None:
    (doc,) = project.import_files([interview_file])
    assert doc.title == "P01"
    assert doc.speakers == ("Interviewer", "P01")
    document = project.document("P01")
    assert "Interviewer:" not in document.text  # labels are structure, not text
    assert [t.speaker for t in document.turns] == ["Interviewer", "P01", "Interviewer", "P01"]
    for turn in document.turns:
        assert document.text[turn.start : turn.end].strip()
    assert document.text[document.turns[1].start :].startswith("My GP mentioned it")
    (summary,) = project.documents()
    assert summary.turns == 4 and summary.speakers == ("Interviewer", "P01")
    assert summary.words == 56  # counted by hand: the labels are not words of the text
    assert summary.revision == 1


def test_import_links_case_by_option_and_by_file_name(project: Project, tmp_path: Path, interview_file: Path) -> None:
    project.add_case("P01")
    project.add_case("P02")
    other = tmp_path / "second.txt"
    other.write_text("Interviewer: Hello.\n\nP02: Hi there, thanks.\n", encoding="utf-8")
    project.import_files([interview_file])
    project.import_files([other], case="p02")
    cases = {d.title: d.case_pid for d in project.documents()}
    assert cases == {"P01": "P01", "second": "P02"}


def test_unknown_case_refused_and_nothing_imported(project: Project, interview_file: Path) -> None:
    with pytest.raises(NotFound, match="no case 'P99'"):
        project.import_files([interview_file], case="P99")
    assert project.documents() == []


def test_duplicate_refused_unless_allowed(project: Project, interview_file: Path, tmp_path: Path) -> None:
    project.import_files([interview_file])
    copy = tmp_path / "copy.txt"
    copy.write_bytes(interview_file.read_bytes().replace(b"\n", b"\r\n"))  # same canonical text
    with pytest.raises(Conflict, match="copy.txt: has the same text as the document 'P01'"):
        project.import_files([copy])
    project.import_files([copy], allow_duplicate=True)
    assert [d.title for d in project.documents()] == ["P01", "copy"]


def test_same_stem_gets_a_unique_title(project: Project, interview_file: Path, tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    other = tmp_path / "b" / "P01.txt"
    other.write_text("Interviewer: Another one.\n\nP01: Yes, different words.\n", encoding="utf-8")
    project.import_files([interview_file, other])
    assert [d.title for d in project.documents()] == ["P01", "P01 (2)"]


def test_one_bad_file_imports_nothing(project: Project, interview_file: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="empty.txt"):
        project.import_files([interview_file, empty])
    assert project.documents() == []
    # a failure at the storage step (duplicate inside one batch) also rolls back the first file
    with pytest.raises(Conflict):
        project.import_files([interview_file, interview_file])
    assert project.documents() == []
    assert project.search("waiting") == []


def test_speaker_renamed_at_import_and_later(project: Project, interview_file: Path) -> None:
    project.import_files([interview_file], speakers={"Interviewer": "Sam", "p01": "Participant 1"})
    assert project.document("P01").speakers == ("Sam", "Participant 1")
    assert project.rename_speaker("P01", "Sam", "Interviewer") == 2
    assert project.document("P01").speakers == ("Interviewer", "Participant 1")
    with pytest.raises(NotFound, match="speakers: "):
        project.rename_speaker("P01", "Nobody", "X")


def test_missing_file_named(project: Project, tmp_path: Path) -> None:
    with pytest.raises(NotFound, match="nothere.txt: no such file"):
        project.import_files([tmp_path / "nothere.txt"])


def test_size_limit_from_environment(project: Project, interview_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COTHEME_MAX_IMPORT_MB", "0.0001")  # ~100 bytes
    with pytest.raises(InputError, match="P01.txt"):
        project.import_files([interview_file])
    assert project.documents() == []


def test_default_size_limit_is_what_cotheme_handles(project: Project, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A transcript over 32 MB is refused before it is read (importing 200 MB took ~3.6 GB)."""
    monkeypatch.delenv("COTHEME_MAX_IMPORT_MB", raising=False)
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:
        f.truncate(33 * 1024 * 1024)  # sparse: its size is all the refusal looks at
    with pytest.raises(InputError, match=r"huge.txt: is 33 MB, over the 32 MB import limit \(what cotheme imports"):
        project.import_files([huge])
    assert project.documents() == []
