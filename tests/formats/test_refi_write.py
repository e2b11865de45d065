"""Writing REFI-QDA: every written file validates against the schemas; extension and NVivo form."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from lxml import etree

from cotheme.domain.documents import SourceInfo
from cotheme.domain.exchange import (
    CothemeExtension, ExCase, ExCode, ExCodeExtra, ExCoding, ExchangeProject, ExDocumentExtra, ExMemberExtra,
    ExNote, ExSelection, ExSet, ExSource, ExThemeExtra, ExUser, ExVariable, NoteTarget,
)
from cotheme.domain.transcript import TurnDraft
from cotheme.formats.refi_checks import validate_refi_file
from cotheme.formats.refi_extension import read_extension, write_extension
from cotheme.formats.refi_read import read_qdc, read_qdpx
from cotheme.formats.refi_write import write_codebook_xml, write_project_xml, write_qdpx
from cotheme.formats.refi_xml import Findings
from tests.refi_fixtures import CODEBOOK_XSD, PROJECT_XSD, XSD_DIR

G = [f"{i:08x}-0000-4000-8000-{i:012x}" for i in range(1, 20)]
TEXT = "Interviewer: How was it?\nP01: The group 🙂 helped a lot.\n"
WHEN = datetime(2024, 3, 1, 10, 0, tzinfo=UTC)


def schema(path: Path) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(path)))


def sample() -> ExchangeProject:
    start = TEXT.index("The group")
    coding = ExCoding(G[5], G[2], G[0], WHEN)
    return ExchangeProject(
        name="Study", origin="cotheme test", description="About support",
        users=(ExUser(G[0], "Robin"),),
        codes=(ExCode(G[1], "Support", None, "Help", "#3366FF", codable=False),
               ExCode(G[2], "Peer/group", G[1], "From peers\n\nInclude when: peers", "#E69F00")),
        variables=(ExVariable(G[3], "Age band"),),
        cases=(ExCase(G[4], "P01", values=((G[3], "25-34"),), sources=(G[6],)),
               ExCase(G[9], "P02", values=((G[3], None),))),
        sources=(ExSource(G[6], "P01", TEXT, (ExSelection(G[7], start, start + len("The group 🙂 helped a lot."), creating_user=G[0], created=WHEN,
                                                          modified=WHEN, codings=(coding,)),), created=WHEN),),
        notes=(ExNote(G[8], "Why\x01 this\nmatters", name="Why", creating_user=G[0], created=WHEN,
                      targets=(NoteTarget("coding", G[5]),)),
               ExNote(G[10], "A journal entry", targets=(NoteTarget("project"),)),
               ExNote(G[11], "About the code", targets=(NoteTarget("code", G[2]),)),
               ExNote(G[12], "About P01", targets=(NoteTarget("source", G[6]),)),
               ExNote(G[15], "Is this one theme?", targets=(NoteTarget("set", G[14]),))),
        # Themes: a top-level one without codes and a subtheme of codes (its parent only in the extension).
        sets=(ExSet(G[13], "Support that holds", "What made help\nfeel reliable"),
              ExSet(G[14], "Among peers", "", (G[2], G[1]))),
    )


def test_a_project_validates_against_the_schema_and_reads_back() -> None:
    xml = write_project_xml(sample())
    assert schema(PROJECT_XSD).validate(etree.fromstring(xml)), schema(PROJECT_XSD).error_log
    buffer = io.BytesIO()
    written = write_qdpx(sample(), buffer)
    assert written.replaced_characters == 1  # the \x01 in a note
    back = read_qdpx("back.qdpx", buffer.getvalue())
    assert back.sources[0].text == TEXT
    selection = back.sources[0].selections[0]
    assert TEXT[selection.start : selection.end] == "The group 🙂 helped a lot."
    assert back.codes[0].codable is False and back.codes[1].name == "Peer/group"
    assert {n.guid: [t.kind for t in n.targets] for n in back.notes} == {
        G[8]: ["coding"], G[10]: ["project"], G[11]: ["code"], G[12]: ["source"], G[15]: ["set"]}
    # A set reads back as it was written; a note about it is its MemberNote (REFI-QDA has no NoteRef there).
    assert back.sets == (ExSet(G[13], "Support that holds", "What made help\nfeel reliable"),
                         ExSet(G[14], "Among peers", "", (G[2], G[1]), notes=(G[15],)))
    assert back.cases[1].values == ()  # "not available" is no value at all
    with zipfile.ZipFile(buffer) as archive:
        assert sorted(archive.namelist()) == ["Sources/" + G[6] + ".txt", "project.qde"]
        assert archive.read(f"Sources/{G[6]}.txt") == TEXT.encode("utf-8")  # no BOM, \n


def test_the_nvivo_form_counts_utf16_units_over_crlf_text() -> None:
    buffer = io.BytesIO()
    write_qdpx(sample(), buffer, nvivo=True)
    with zipfile.ZipFile(buffer) as archive:
        data = archive.read(f"Sources/{G[6]}.txt")
        root = etree.fromstring(archive.read("project.qde"))
    assert schema(PROJECT_XSD).validate(root)
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    assert root.get("origin") == "cotheme test (NVivo form)"
    selection = root.find(".//{urn:QDA-XML:project:1.0}PlainTextSelection")
    units = data.decode("utf-8-sig").encode("utf-16-le")
    start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
    assert units[2 * start : 2 * end].decode("utf-16-le") == "The group 🙂 helped a lot."
    back = read_qdpx("nvivo.qdpx", buffer.getvalue())
    assert back.positions.startswith("UTF-16")
    sel = back.sources[0].selections[0]
    assert back.sources[0].text[sel.start : sel.end] == "The group 🙂 helped a lot."


def test_a_codebook_validates_and_reads_back() -> None:
    codes = sample().codes
    xml = write_codebook_xml(codes, "cotheme test", (ExSet(G[13], "Theme", "A candidate", (G[2],)),))
    assert schema(CODEBOOK_XSD).validate(etree.fromstring(xml)), schema(CODEBOOK_XSD).error_log
    back = read_qdc("book.qdc", xml)
    assert [(c.guid, c.name, c.parent, c.description, c.colour, c.codable) for c in back.codes] == [
        (c.guid, c.name, c.parent, c.description, c.colour, c.codable) for c in codes]
    assert back.sets[0].codes == (G[2],)


def test_the_extension_reads_back_and_distrusts_odd_shapes() -> None:
    extension = CothemeExtension(
        study={"title": "Study", "ethics_reference": "REC 24/01"},
        members={G[0]: ExMemberExtra("expert by experience", "lead")},
        codes={G[2]: ExCodeExtra("From peers", "peers", "staff", "'the group'")},
        documents={G[6]: ExDocumentExtra("P01", "abc", SourceInfo("P01.txt", "txt", None, "phone", 45, "Sam"),
                                         (TurnDraft("Interviewer", 0, 24, 0, 5000), TurnDraft("P01", 25, 52)))},
        themes={G[13]: ExThemeExtra(None, "defined", 0, (12.5, -3.0)),
                G[14]: ExThemeExtra(G[13], "candidate", 2, None, ((G[5], G[0]), (G[7], None)))},
    )
    findings = Findings("x")
    assert read_extension(json.loads(write_extension(extension, "cotheme test")), findings) == extension
    assert findings.problems == []
    odd = json.loads(write_extension(extension, "cotheme test"))
    odd["members"][G[0]]["permission"] = "root"
    odd["documents"][G[6]]["turns"] = [["P01", "0", 5, None, None]]
    odd["study"]["favourite_colour"] = "red"
    odd["codes"]["not-a-guid"] = {}
    odd["themes"][G[13]]["status"] = "finished"
    odd["themes"][G[14]]["map"] = [1, float("nan")]
    read = read_extension(odd, findings)
    assert read is not None and read.members == {} and read.documents == {} and "favourite_colour" not in read.study
    assert read.themes == {}
    assert len(findings.warnings) == 5
    assert read_extension({"format": "cotheme.refi-extension", "version": 99}, findings) is None
    assert read_extension(["not", "an", "object"], findings) is None


def test_validate_adds_the_schema_when_its_folder_is_known(tmp_path: Path) -> None:
    good = tmp_path / "good.qdpx"
    with good.open("wb") as handle:
        write_qdpx(sample(), handle)
    report = validate_refi_file("good.qdpx", good, xsd_dir=XSD_DIR)
    assert report.errors == () and report.schema == str(PROJECT_XSD)
    assert validate_refi_file("good.qdpx", good, xsd_dir=None).schema is None
    # Out of the schema's order (Sources before CodeBook): only the schema notices.
    root = etree.fromstring(write_project_xml(sample()))
    root.insert(0, root.find("{urn:QDA-XML:project:1.0}Sources"))
    with zipfile.ZipFile(tmp_path / "order.qdpx", "w") as archive:
        archive.writestr("project.qde", etree.tostring(root))
        archive.writestr(f"Sources/{G[6]}.txt", TEXT)
    assert validate_refi_file("order.qdpx", tmp_path / "order.qdpx", xsd_dir=None).errors == ()
    errors = validate_refi_file("order.qdpx", tmp_path / "order.qdpx", xsd_dir=XSD_DIR).errors
    assert errors and errors[0].where.startswith("project.qde:") and "does not match the REFI-QDA schema" in errors[0].message


def test_validate_a_codebook_in_an_old_namespace(tmp_path: Path) -> None:
    from tests.refi_fixtures import ATLAS_QDC

    old = tmp_path / "old.qdc"
    old.write_bytes(ATLAS_QDC.read_bytes().replace(b"codebook:1.0", b"codebook:0:4"))
    assert validate_refi_file("old.qdc", old, xsd_dir=None).errors == ()  # cotheme reads it
    report = validate_refi_file("old.qdc", old, xsd_dir=XSD_DIR)
    assert report.errors and "schema" in report.errors[0].message  # the standard does not accept it
    assert validate_refi_file(ATLAS_QDC.name, ATLAS_QDC, xsd_dir=XSD_DIR).errors == ()


@pytest.mark.parametrize("name", ["x.txt", "x.zip"])
def test_validate_refuses_other_files(tmp_path: Path, name: str) -> None:
    from cotheme.errors import UnsupportedFormat

    with pytest.raises(UnsupportedFormat):
        validate_refi_file(name, b"", xsd_dir=None)
