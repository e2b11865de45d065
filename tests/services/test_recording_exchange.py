"""Recordings in REFI-QDA: exported as an AudioSource with its Transcript and SyncPoints (the media in
the archive's Sources/, valid against the REFI-QDA schema), imported back with the transcript's turns
and codings; and a recording made by another program (its transcript only in the AudioSource) imported
as a new document whose turns take their times from the sync points (both engines)."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest
from lxml import etree

import cotheme
from cotheme.services.importing import RecordingSource, SourceFile
from cotheme.services.project import Project
from cotheme.storage import documents as docs_repo
from cotheme.storage import revisions
from tests.recording_media import tone_wav
from tests.refi_fixtures import PROJECT_XSD

VTT = (
    b"WEBVTT\n\n00:00:00.000 --> 00:00:04.000\n<v Interviewer>How did you first hear about the service?\n\n"
    b"00:00:04.000 --> 00:00:09.500\n<v P01>My GP mentioned it, but the waiting list was long.\n"
)


@pytest.fixture(scope="module")
def wav(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tone_wav(tmp_path_factory.mktemp("media") / "P01 interview.wav", 12)


def test_round_trip_keeps_the_recording_its_sync_and_the_codings(
    project: Project, wav: Path, tmp_path: Path
) -> None:
    doc = project.import_sources([SourceFile("P01.vtt", VTT, recording=RecordingSource.from_path(wav))])[0].id
    project.code(doc, "Waiting", quote="the waiting list was long", create=True)
    out = tmp_path / "study.qdpx"
    project.export_qdpx(out)
    with zipfile.ZipFile(out) as archive:
        xml = archive.read("project.qde")
        media = [n for n in archive.namelist() if n.endswith(".wav")]
        assert len(media) == 1 and archive.getinfo(media[0]).compress_type == zipfile.ZIP_STORED
        assert archive.read(media[0]) == wav.read_bytes()
    schema = etree.XMLSchema(etree.parse(str(PROJECT_XSD)))
    root = etree.fromstring(xml)
    assert schema.validate(root), schema.error_log
    ns = {"q": root.nsmap[None]}
    source = root.find(".//q:AudioSource", ns)
    assert source is not None and source.get("name") == "P01 interview.wav"
    points = [(int(p.get("position")), int(p.get("timeStamp"))) for p in source.iterfind(".//q:SyncPoint", ns)]
    text = project.document(doc).text
    assert points[0] == (0, 0) and (text.index("My GP"), 4000) in points and points[-1] == (len(text), 9500)
    text_path = root.find(".//q:TextSource", ns).get("plainTextPath")
    assert source.find("q:Transcript", ns).get("plainTextPath") == text_path

    with cotheme.create_project(tmp_path / "copy.cotheme", lead="Lead") as copy:
        result = copy.import_qdpx(out)
        assert result.created.get("recordings") == 1
        again = copy.documents()[0].id
        info = copy.recording(again)
        assert info is not None and info.sha256 == hashlib.sha256(wav.read_bytes()).hexdigest()
        assert [(t.t_start_ms, t.t_end_ms) for t in copy.document(again).turns] == [(0, 4000), (4000, 9500)]
        assert [e.text for e in copy.codings(document=again)] == ["the waiting list was long"]


FOREIGN = """<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="From elsewhere" origin="Another QDA program">
 <Sources>
  <AudioSource guid="8E0C3E5C-4C43-4B5C-9E7E-0A1B2C3D4E5F" name="Focus group.wav" path="internal://8E0C3E5C-4C43-4B5C-9E7E-0A1B2C3D4E5F.wav">
   <Transcript guid="1D2E3F40-5A6B-4C7D-8E9F-A0B1C2D3E4F5" name="Focus group transcript" plainTextPath="internal://1D2E3F40-5A6B-4C7D-8E9F-A0B1C2D3E4F5.txt">
    <SyncPoint guid="0A0A0A0A-0000-4000-8000-000000000001" position="0" timeStamp="0"/>
    <SyncPoint guid="0A0A0A0A-0000-4000-8000-000000000002" position="{mid}" timeStamp="5200"/>
    <SyncPoint guid="0A0A0A0A-0000-4000-8000-000000000003" position="{end}" timeStamp="11000"/>
   </Transcript>
  </AudioSource>
 </Sources>
</Project>
"""


def test_a_recording_from_another_program_becomes_a_document_with_timed_turns(
    project: Project, wav: Path, tmp_path: Path
) -> None:
    first, second = "We met every week at the café.", "It helped more than the clinic did."
    text = f"{first}\n\n{second}"
    xml = FOREIGN.format(mid=len(first) + 2, end=len(text))
    qdpx = tmp_path / "foreign.qdpx"
    with zipfile.ZipFile(qdpx, "w") as archive:
        archive.writestr("project.qde", xml)
        archive.writestr("Sources/1D2E3F40-5A6B-4C7D-8E9F-A0B1C2D3E4F5.txt", text)
        archive.write(wav, "Sources/8E0C3E5C-4C43-4B5C-9E7E-0A1B2C3D4E5F.wav")
    result = project.import_qdpx(qdpx)
    assert result.created.get("recordings") == 1 and result.created.get("documents") == 1
    doc = project.documents()[0]
    assert doc.title == "Focus group transcript"
    assert project.recording(doc.id).filename == "Focus group.wav"
    turns = project.document(doc.id).turns
    assert [(t.t_start_ms, t.t_end_ms) for t in turns] == [(0, 5200), (5200, 11000)]


def test_a_deidentified_export_leaves_the_recordings_out(project: Project, wav: Path, tmp_path: Path) -> None:
    doc = project.import_sources([SourceFile("P01.vtt", VTT, recording=RecordingSource.from_path(wav))])[0].id
    with project._store.write() as conn:  # as 'cotheme deid apply' would leave it
        revisions.set_deidentified(conn, docs_repo.current_revision(conn, doc))
    out = tmp_path / "deid.qdpx"
    export = project.export_qdpx(out, deidentified_only=True)
    assert any("1 recording left out" in w for w in export.warnings), export.warnings
    with zipfile.ZipFile(out) as archive:
        assert not [n for n in archive.namelist() if n.endswith(".wav")]
        assert b"AudioSource" not in archive.read("project.qde")
