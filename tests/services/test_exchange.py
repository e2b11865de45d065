"""Importing QDPX/QDC into a project on SQLite and PostgreSQL: merging by GUID, conflicts, quirks,
all-or-nothing, and the export refusals."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree
from sqlalchemy import select

from cotheme.errors import Conflict, InputError, TooLarge
from cotheme.services import exchange_merge
from cotheme.services.project import Project
from tests.refi_fixtures import (
    ATLAS_QDC, ATLAS_USER, CODEBOOK_XSD, HELPED, NOTE, RAW_TEXT, SOURCE, make_qdpx, project_xml, small_body, small_qdpx,
)


@pytest.fixture
def local_project(tmp_path: Path) -> Iterator[Project]:
    """For refusals that happen before the database is touched: SQLite is enough."""
    with Project.create(tmp_path / "local.cotheme", lead="Lead") as opened:
        yield opened


def counts(project: Project) -> tuple[int, ...]:
    return (len(project.documents()), len(project.codes()), len(project.codings()), len(project.memos()),
            len(project.cases()), len(project.members()))


def test_a_small_project_is_merged_with_everything_in_its_place(project: Project, tmp_path: Path) -> None:
    result = project.import_qdpx(small_qdpx(tmp_path / "small.qdpx"))
    assert result.created == {"members": 1, "codes": 2, "attributes": 1, "cases": 1, "documents": 1,
                              "codings": 1, "themes": 1, "memos": 1}
    assert result.conflicts == [] and result.notes == []
    (theme,) = project.themes()  # another program's set: a top-level theme of its codes
    assert (theme.theme.name, theme.theme.level, theme.codes) == ("Candidate theme", 0, ("Support/Peer support",))
    (extract,) = project.codings()
    assert (extract.text, extract.code_path, extract.coder, extract.case_pid) == (
        "helped a lot", "Support/Peer support", "Robin Lee", "P01")
    (memo,) = project.memos()
    assert memo.text == "Why peer support\n\nShe names the group, not the service." and memo.target.value == "coding"
    assert project.cases()[0].attributes == {"Age band": "25-34"}
    document = project.document("P01 interview")
    assert document.text == RAW_TEXT.replace("\r\n", "\n").replace("e\u0301", "é")
    assert document.turns and all(t.speaker is None for t in document.turns)  # paragraphs, searchable
    assert project.search("helped")
    assert project.import_qdpx(tmp_path / "small.qdpx").created == {}  # the same file again: nothing new
    root = etree.parse(str(project.export_codebook_qdc(tmp_path / "book.qdc"))).getroot()
    codable = {c.get("name"): c.get("isCodable") for c in root.iter("{urn:QDA-XML:codebook:1.0}Code")}
    assert codable == {"Support": "false", "Peer support": "true"}  # a folder stays a folder


def test_same_guid_different_name_or_text_is_a_conflict_and_ours_is_kept(project: Project, tmp_path: Path) -> None:
    project.import_qdpx(small_qdpx(tmp_path / "first.qdpx"))
    renamed = project.import_qdpx(small_qdpx(tmp_path / "renamed.qdpx", code_name="Peer help"))
    assert any("is named or placed differently in the file ('Peer help'); kept ours" in c for c in renamed.conflicts)
    assert [c.code.name for c in project.codes()] == ["Support", "Peer support"]
    edited = make_qdpx(tmp_path / "edited.qdpx", project_xml(small_body()),
                       {f"Sources/{SOURCE}.txt": RAW_TEXT.replace("How was it", "How was that").encode()})
    result = project.import_qdpx(edited)
    assert any("'P01 interview' has different text in the file; kept ours, and the file's 1 coding" in c
               for c in result.conflicts)
    assert project.document("P01 interview").text.startswith("Interviewer: How was it?")
    assert len(project.codings()) == 1


def test_a_code_with_a_new_guid_but_a_known_path_is_the_same_code(project: Project, tmp_path: Path) -> None:
    project.create_code("Support", definition="Ours")
    project.create_code("Support/Peer support")
    result = project.import_qdpx(small_qdpx(tmp_path / "small.qdpx"))
    assert result.matched["codes"] == 2 and "codes" not in result.created
    assert result.conflicts == ["The code 'Support' has a different definition in the file; kept ours."]
    support, peer = (c.code for c in project.codes())
    assert support.definition == "Ours" and peer.colour != "#3366FF"  # a colour is cosmetic: ours stays
    assert len(project.codings()) == 1 and project.codings()[0].code_path == "Support/Peer support"


def test_the_atlas_ti_pseudo_user_is_no_member(project: Project, tmp_path: Path) -> None:
    body = small_body(users=f'<User guid="{ATLAS_USER}" name="ATLAS.ti"/>', coder=ATLAS_USER)
    path = make_qdpx(tmp_path / "a.qdpx", project_xml(body, origin="ATLAS.ti 26.0.1"),
                     {f"sources/{SOURCE}.txt": RAW_TEXT.encode()}, qde_name="My Study.qde")
    result = project.import_qdpx(path)
    assert "ATLAS.ti" not in [m.name for m in project.members()]
    assert project.codings()[0].coder is None
    assert any("placeholder ATLAS.ti adds" in n for n in result.notes)


def test_a_refused_file_writes_nothing(local_project: Project, tmp_path: Path) -> None:
    before = counts(local_project)
    with pytest.raises(InputError, match="outside its text"):
        local_project.import_qdpx(small_qdpx(tmp_path / "bad.qdpx", start=3, end=99_999))
    assert counts(local_project) == before


def test_a_failure_half_way_leaves_the_project_as_it_was(project: Project, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    before = counts(project)

    def broken(self: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(exchange_merge.Merge, "_report_unheld", broken)  # after everything else is written
    with pytest.raises(RuntimeError):
        project.import_qdpx(small_qdpx(tmp_path / "small.qdpx"))
    assert counts(project) == before


def test_the_archive_size_limit_is_configurable(local_project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COTHEME_MAX_IMPORT_MB", "0.001")
    with pytest.raises(TooLarge, match=r"small.qdpx: is .* over the 1 KB import limit"):
        local_project.import_qdpx(small_qdpx(tmp_path / "small.qdpx"))


def test_init_from_a_bad_file_creates_no_project(tmp_path: Path) -> None:
    target = tmp_path / "new.cotheme"
    with pytest.raises(InputError):
        Project.create_from_qdpx(target, small_qdpx(tmp_path / "bad.qdpx", start=3, end=99_999))
    assert not target.exists()


def test_deidentified_only_exports_refuse_until_every_transcript_is(local_project: Project, tmp_path: Path) -> None:
    from cotheme.storage import revisions
    from cotheme.storage.schema import documents

    local_project.import_qdpx(small_qdpx(tmp_path / "small.qdpx"))
    out = tmp_path / "out.qdpx"
    with pytest.raises(Conflict, match="not de-identified at their current revision: P01 interview"):
        local_project.export_qdpx(out, deidentified_only=True)
    local_project.set_deidentified_exports_only(True)
    with pytest.raises(Conflict, match="P01 interview"):
        local_project.export_qdpx(out)  # the project's own setting, without the option
    assert not out.exists()
    with local_project._store.write() as conn:  # as 'cotheme deid apply' would leave it
        revisions.set_deidentified(conn, conn.execute(select(documents.c.current_revision_id)).scalar_one())
    assert local_project.export_qdpx(out, deidentified_only=True).counts["codings"] == 1


def test_the_atlas_ti_codebook_and_our_codebook_as_qdc(project: Project, tmp_path: Path) -> None:
    result = project.import_codebook_qdc(ATLAS_QDC)
    assert result.created == {"codes": 1, "themes": 1} and result.notes == []
    (code,) = [c.code for c in project.codes()]
    assert (code.name, code.definition, code.colour) == ("code1", "description", "#46AA00")
    (group,) = project.themes()  # the ATLAS.ti code group
    assert (group.theme.name, group.theme.definition, group.codes) == ("code group 1", "kategorie 1", ("code1",))
    project.create_code("Access/Waiting", definition="Time before help", inclusion="any delay",
                        exclusion="waiting rooms", example="'four months'", colour="#123456")
    out = project.export_codebook_qdc(tmp_path / "book.qdc")
    assert etree.XMLSchema(etree.parse(str(CODEBOOK_XSD))).validate(etree.parse(str(out)))
    with Project.create(tmp_path / "other.cotheme", lead="Other") as other:
        other.import_codebook_qdc(out)
        fields = [(c.code.path_text, c.code.definition, c.code.inclusion, c.code.exclusion, c.code.example, c.code.colour)
                  for c in other.codes()]
    assert fields == [(c.code.path_text, c.code.definition, c.code.inclusion, c.code.exclusion, c.code.example,
                       c.code.colour) for c in project.codes()]


def test_a_selection_with_a_comment_and_no_coding_is_a_memo_on_its_passage(project: Project, tmp_path: Path) -> None:
    """MAXQDA writes a comment on a passage as a selection without a coding."""
    body = small_body().replace(
        "    </TextSource>",
        f'      <PlainTextSelection guid="{NOTE[:-1]}0" startPosition="{HELPED[0]}" endPosition="{HELPED[1]}">'
        "<Description>Says it twice</Description></PlainTextSelection>\n"
        f'      <PlainTextSelection guid="{NOTE[:-1]}1" startPosition="0" endPosition="11">'
        "<Description>Opening line</Description></PlainTextSelection>\n    </TextSource>",
    )
    project.import_qdpx(make_qdpx(tmp_path / "m.qdpx", project_xml(body), {f"Sources/{SOURCE}.txt": RAW_TEXT.encode()}))
    coding = project.codings()[0]
    assert "Says it twice" in {m.text for m in project.memos("coding", coding.id)}
    doc = project.documents()[0]
    assert "On \u201cInterviewer\u201d (characters 0\u201311): Opening line" in {m.text for m in project.memos("document", doc.id)}
